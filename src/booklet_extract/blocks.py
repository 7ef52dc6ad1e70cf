"""The block model, and what the blocks stage's recognisers share.

A block is a run of lines that belong together (a paragraph, a caption, a stats
entry, a heading), of a `BlockKind`, with typed data for the kinds that carry some
(`HeadingData`, `StatData`, ...). Blocks are found by an ordered list of named
recognisers (`block_stage.RECOGNISERS`: `headings`, `recognisers`), as Python-Markdown's
block processors are: each looks at the lines ahead of the `Cursor` and may take one
line or several. Here are the cursor, the helpers for names, attributions, quotes and
stats that several of them ask, and the document's `Typography`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

import regex as re

from .line import Line
from .patterns import Pattern, lazy
from .profile import Profile, quote_family

if TYPE_CHECKING:
    from .listed_runs import RunReader
    from .named_headings import NamedHeading


class BlockKind(Enum):
    """What a block is. The noise kinds are kept out of every field."""

    HEADING = "heading"
    STATS = "stats"
    LISTED = "listed"
    ATTRIBUTION = "attribution"
    QUOTE = "quote"
    PROSE = "prose"
    CAPTION = "caption"
    TEXT = "text"  # not typed yet: only inside this module
    PAGE_NUMBER = "page_number"
    RUNNING_HEAD = "running_head"
    LABEL = "label"  # furniture: a front-matter label, a stray bullet
    MAP_LABEL = "map_label"
    DUPLICATE = "duplicate"
    CREDIT = "credit"  # a photo credit or source line
    OTHER_STAT = "other_stat"  # a stats box's entry no field is for: reported unassigned, never a caption

    @property
    def is_noise(self) -> bool:
        return self in NOISE_KINDS


NOISE_KINDS = frozenset({BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD, BlockKind.LABEL,
                         BlockKind.MAP_LABEL, BlockKind.DUPLICATE, BlockKind.CREDIT})


@dataclass(frozen=True, slots=True)
class HeadingData:
    number: int
    country: str
    city: str
    # The heading says which name is the country (a city alone over its stats box's
    # "Country: Ruritania"): never turned by the booklet's order of names.
    labelled: bool = False


@dataclass(frozen=True, slots=True)
class StatData:
    """Which stat, and its entry as one "Label: figure" text however it was set."""

    key: str
    entry: str


def stat_entry(label: str, figure: str) -> str:
    """A stat set as label and figure apart, as one "Label: figure" entry."""
    return f"{label.rstrip(': ')}: {figure.strip()}"


def fits_field(key: str, figure: str, profile: Profile) -> bool:
    """May `figure` be field `key`'s? Not when its unit names another field: a figure in
    dollars is no area, so a label and a figure set apart pair only when this holds."""
    return not any(k != key and unit.search(figure) for k, unit in profile.stat_units.items())


@dataclass(frozen=True, slots=True)
class ListedData:
    country: str
    city: str


@dataclass(frozen=True, slots=True)
class AttributionData:
    name: str
    role: str
    before_quote: bool = False  # set above its quote rather than after it


@dataclass(frozen=True, slots=True)
class ItemData:
    """A list item: the marker it was printed with ("1.", "(2)", "•")."""

    marker: str


BlockData = HeadingData | StatData | ListedData | AttributionData | ItemData | None


@dataclass
class Block:
    kind: BlockKind
    lines: list[Line]
    texts: list[str]
    data: BlockData = None

    @property
    def text(self) -> str:
        return " ".join(t.strip() for t in self.texts)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]


# --- names and attributions ---------------------------------------------------------------


def fold_name(text: str) -> str:
    """A name folded for comparison: quotes unified, case and accents kept apart.

    >>> fold_name("Sélo  d‘Zenda")
    "sélo d'zenda"
    """
    text = unicodedata.normalize("NFC", text)
    text = _APOSTROPHES.sub("'", text)
    return " ".join(text.split()).casefold()


_APOSTROPHES = lazy(r"[’‘`´]")
_MAP_SEPARATORS = lazy(r"[\s,|•·]|(?<!\p{L})i(?!\p{L})")
_LETTERS = lazy(r"\p{L}+")


@lru_cache(maxsize=8)
def _closing(close_quotes: str) -> tuple[Pattern, Pattern]:
    """(a closing mark ending a line, a closing mark not followed by a letter), compiled once
    per profile: building and looking up the pattern on every call cost more than the search."""
    marks = r"[" + re.escape(close_quotes) + r"]"
    return re.compile(marks + r"[.,]?\s*$"), re.compile(marks + r"(?!\p{L})")


def is_name(text: str, profile: Profile) -> bool:
    """Does `text` read as a place name (capitalised words, official small words)?

    >>> from .profile import DEFAULT_PROFILE as p
    >>> is_name("Syldavian People’s Democratic Republic", p), is_name("Saint-Jean-du-Lac", p)
    (True, True)
    >>> is_name("The Learn Together (Open School) initiative", p), is_name("Syldavia (Federal Republic of)", p)
    (False, True)
    >>> is_name("’s-Alphenbosch", p), is_name("’tis the season", p)
    (True, False)
    >>> is_name("The", p), is_name("The Zenda", p), is_name("Of", p)
    (False, True, False)
    """
    text = profile.name_qualifier.sub("", text).strip()
    words = text.split()
    if not words or len(words) > profile.max_name_words or all(_small_word(w, profile) for w in words):
        return False  # "The" / "Zenda": a justified line's words one per line
    return bool(profile.name.match(text)) and bool(profile.name_start.match(text))


def names_an_institution(text: str, profile: Profile) -> bool:
    """Does the line read as an institution's name, as under (or over) a signature: two
    words or more, each capitalised but the small ones ("Institute for Lifelong
    Learning"), no sentence ended, no label's colon ("CONTACT: Ann Ek")? A photo's
    caption goes on in lowercase ("Pupils at work in Klow").

    >>> from .profile import DEFAULT_PROFILE as p
    >>> names_an_institution("Klow Institute for Adult Learning", p), names_an_institution("Pupils at work in Klow", p)
    (True, False)
    >>> names_an_institution("FOR FURTHER INFORMATION CONTACT: Ann", p)
    False
    """
    words = text.split()
    small = profile.language.run_on_words | profile.name_small_words
    return len(words) >= 2 and words[0][:1].isupper() and not profile.sentence_end.search(text) \
        and ":" not in text and all(word[:1].isupper() or word.casefold() in small for word in words)


def _small_word(word: str, profile: Profile) -> bool:
    """A word no place is named by alone: "The", "Of", "Our"."""
    return word.lower() in profile.name_small_words or bool(profile.name_lead.fullmatch(f"{word} "))


_WORD_THEN_FULL_STOP = lazy(r"\p{L}{4}[.!?]\s*$")
"""A full stop after a word (not an abbreviation's, "St."): a sentence ends, no place."""


def split_country_city(text: str, profile: Profile) -> tuple[str, str] | None:
    """'People’s Republic of Syldavia, Klow' -> (country, city), at the last comma. Not a
    sentence's last line ("Strelsau, Klow and Ekberg.")."""
    if "," not in text or _WORD_THEN_FULL_STOP.search(text):
        return None
    country, _, city = text.rpartition(",")
    country, city = country.strip(), city.strip()
    if is_name(country, profile) and is_name(city, profile):
        return readable(country), readable(city)
    return None


UNREADABLE = "\ufffd"
"""A glyph the PDF's font cannot map (see `textnorm`)."""


def readable(name: str) -> str:
    """A place name without the glyphs no one can read: a name is a key, matched
    against the front matter's list and looked up by users; the field that
    dropped one is flagged (`fields.build_city`). PDFium drops them itself.

    >>> readable("Hu\ufffd")
    'Hu'
    """
    return name.replace(UNREADABLE, "")


def place_label(text: str, profile: Profile) -> str | None:
    """"city" or "country" for a box's label alone on its line ("City", "Country:"), as a
    table's cells read down its columns give it over the name; None for any other line."""
    if profile.city_label.match(text):
        return "city"
    return "country" if profile.country_label.match(text) else None


def box_entry(text: str, profile: Profile) -> tuple[str, str] | None:
    """("city" or "country", the name) of a stats box's line that names one: "City:
    Strelsau", "Country: Ruritania"; None for any other line."""
    if (entry := profile.city_entry.match(text)) is not None:
        return "city", entry["name"]
    if (entry := profile.country_entry.match(text)) is not None:
        return "country", entry["name"]
    return None


_CITY_THEN_COUNTRY = lazy(r"(?P<city>[^()]+?)\s*\((?P<country>[^()]+(?:\([^()]+\))?)\)")
ENDS_CAPITALISED = lazy(r"\p{Lu}\S*$")


def heading_place(text: str, profile: Profile) -> tuple[str, str] | None:
    """(country, city) of a heading, in the forms booklets of the genre print:
    "Country, City", "Country: City", "Country – City" or "City (Country)".

    >>> from .profile import DEFAULT_PROFILE as p
    >>> heading_place("Ruritania: Strelsau", p), heading_place("Strelsau (Ruritania)", p)
    (('Ruritania', 'Strelsau'), ('Ruritania', 'Strelsau'))
    >>> heading_place("Ruritania – Strelsau", p), heading_place("Ruritania-Borduria – Zenda", p)
    (('Ruritania', 'Strelsau'), ('Ruritania-Borduria', 'Zenda'))
    >>> heading_place("Syldavia (Federal Republic of)", p) is None
    True
    """
    if pair := split_country_city(text, profile):
        return pair
    for parts in (text.split(":"), profile.place_dash.split(text)):
        if len(parts) == 2:
            country, city = (part.strip() for part in parts)
            if is_name(country, profile) and is_name(city, profile):
                return readable(country), readable(city)
    return city_then_country(text, profile)


def city_then_country(text: str, profile: Profile) -> tuple[str, str] | None:
    """(country, city) of "City (Country)", which says by itself which name is which.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> city_then_country("Strelsau (Ruritania)", p), city_then_country("Syldavia (Federal Republic of)", p)
    (('Ruritania', 'Strelsau'), None)
    >>> city_then_country("Klow (Syldavia (Federal Republic of))", p)
    ('Syldavia (Federal Republic of)', 'Klow')
    """
    # A qualifier ends on a small word ("(Federal Republic of)"); a country does not,
    # though it may hold a qualifier of its own.
    if (match := _CITY_THEN_COUNTRY.fullmatch(text.strip())) \
            and ENDS_CAPITALISED.search(profile.name_qualifier.sub("", match.group("country")).strip()):
        country, city = match.group("country").strip(), match.group("city").strip()
        if is_name(country, profile) and is_name(city, profile):
            return readable(country), readable(city)
    return None


def attribution_parts(text: str, profile: Profile) -> tuple[str, str] | None:
    """(name, role) from "Name, Role of Place", or the role first, "Role of Place, Name"
    (a name of two to five capitalised words after the last comma), or None.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> attribution_parts("Ann Ek, Mayor of Alpha", p), attribution_parts("— Mayor of Alpha, Ann Maria Ek", p)
    (('Ann Ek', 'Mayor of Alpha'), ('Ann Maria Ek', 'Mayor of Alpha'))
    >>> attribution_parts("Mayor of Alpha, Ruritania", p) is None
    True

    A speech verb before the name or after the role is left out, and so is the full
    stop or colon its clause ends on:

    >>> attribution_parts("says Ann Ek, Mayor of Alpha.", p), attribution_parts("Ann Ek, Mayor of Alpha, said:", p)
    (('Ann Ek', 'Mayor of Alpha'), ('Ann Ek', 'Mayor of Alpha'))
    """
    text = without_speech_verb(text, profile)
    match = profile.attribution.match(text)
    if not match:
        return _role_first(text, profile)
    name = match.group("name").strip()
    if len(name.split()) > 6 or not is_name(name, profile):
        return None
    return name, match.group("role").strip()


def without_speech_verb(text: str, profile: Profile) -> str:
    """`text` without a speech verb before the name ("says Ann Ek, ...") or after the role
    ("..., Mayor of Alpha, said:"), nor the stop its clause ends on; else as it is."""
    if before := profile.speech_verb_before.match(text):
        rest: str = before.group("rest")
        return rest
    after = profile.speech_verb_after.search(text)  # a search for the line's end: no backtracking over the line
    return text[: after.start()] if after and after.start() > 0 else text


def _role_first(text: str, profile: Profile) -> tuple[str, str] | None:
    role, comma, name = text.strip().lstrip("—–- ").rpartition(",")
    name = name.strip()
    if not comma or not profile.role_line.match(role) or not 2 <= len(name.split()) <= 5:
        return None
    if not is_name(name, profile) or not all(word[:1].isupper() for word in name.split()):
        return None
    return name, role.strip()


def split_attribution(name_line: str, role_line: str, profile: Profile) -> tuple[str, str] | None:
    """(name, role) from an attribution set on two lines, or None.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> split_attribution("— Ann Ek", "Lord Mayor of Alpha", p)
    ('Ann Ek', 'Lord Mayor of Alpha')
    >>> split_attribution("Learning for all", "Mayor of Alpha", p) is None
    True
    >>> split_attribution("Agro Box", "Mayor’s message", p) is None  # a template's label, not a role
    True
    """
    name_match = profile.attribution_name.match(name_line)
    role_match = profile.role_line.match(role_line)
    if not (name_match and role_match) or profile.section_labels.match(role_line):
        return None
    name = name_match.group("name").strip()
    if len(name.split()) > 6 or not is_name(name, profile) or not all(w[0].isupper() for w in name.split()[-1:]):
        return None
    return name, role_match.group("role").strip()


def is_caption_like(texts: Sequence[str], profile: Profile) -> bool:
    """Short, at most two lines, and not ending like a sentence."""
    joined = " ".join(t.strip() for t in texts)
    return (
        len(texts) <= profile.caption_max_lines
        and len(joined) <= profile.caption_max_chars
        and not profile.sentence_end.search(joined)
    )


def opens_quote(text: str, profile: Profile) -> bool:
    return text.lstrip()[:1] in profile.open_quotes


def closes_quote(text: str, profile: Profile, opener: str = "") -> bool:
    """A line that ends a quotation: closing mark, optionally followed by . or ,

    Given the mark the quotation `opener`s with, only a mark of its family closes
    it: a quoted phrase inside ("... education “from ABC to PhD”.") does not.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> closes_quote("education “from ABC to PhD”.", p), closes_quote("education “from ABC to PhD”.", p, "‘")
    (True, False)
    """
    match = _closing(profile.close_quotes)[0].search(text)
    if match is None or not opener:
        return match is not None
    family = quote_family(opener, profile)
    return match.group(0)[0] in family


def quotes_a_name(text: str, profile: Profile, *, words_after: int = 2) -> bool:
    """Does the text open with a quoted name and go on after it (an item, not a quote)?

    An item goes on for a few words; a caption may add only one ("'Learn with us'
    programme": `words_after=1`).

    >>> from .profile import DEFAULT_PROFILE as p
    >>> quotes_a_name("‘Learn Together’, a course for parents and their children.", p)
    True
    >>> quotes_a_name("‘We learn together.’", p)
    False
    >>> quotes_a_name("'Learn with us' programme", p), quotes_a_name("'Learn with us' programme", p, words_after=1)
    (False, True)
    >>> quotes_a_name("‘We call it ‘learning for all’, and it works.’", p)
    False
    """
    stripped = text.strip()
    if stripped[:1] not in profile.open_quotes:
        return False
    close = _quote_close(stripped[:80], profile)
    if close is None:
        return False
    inside, after = stripped[1:close], stripped[close + 1 :]
    return len(inside.split()) <= 8 and len(_LETTERS.findall(after)) >= words_after


def _quote_close(text: str, profile: Profile) -> int | None:
    """Where the quotation `text` opens with is closed: the first closing mark not followed
    by a letter (an apostrophe is: "Men’s") once every quotation opened inside it by a mark
    of its family is closed ("‘We call it ‘learning for all’, and it works.’" closes at its
    end, not after "all": a quote, not a quoted name). A mark opens where a space or a
    bracket is before it and text after it.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _quote_close("‘We call it ‘learning for all’, and it works.’", p), _quote_close("‘Men’s Sheds’ open", p)
    (45, 12)
    """
    family = quote_family(text[:1], profile)
    depth = 1
    for k in range(1, len(text)):
        mark, before, after = text[k], text[k - 1], text[k + 1 : k + 2]
        if mark in family and mark in profile.open_quotes and (before.isspace() or before in "([") \
                and after and not after.isspace():
            depth += 1
        elif mark in profile.close_quotes and not after.isalpha():
            depth -= 1
            if depth == 0:
                return k
    return None


def first_key(patterns: dict[str, Pattern], text: str) -> str | None:
    return next((key for key, pattern in patterns.items() if pattern.match(text)), None)


_LABEL_SEPARATORS = lazy(r"[\s:|–-]*")


def prints_stats_labels(text: str, profile: Profile) -> bool:
    """Is the line a stats label, a row of them, or a whole "Label: figure" entry: what a
    booklet prints again on purpose? Not a line that only opens with a label's word (a
    caption "Residents at the citizens' university", printed twice, is a repeat).

    >>> from .profile import DEFAULT_PROFILE as p
    >>> [prints_stats_labels(t, p) for t in ("Population", "Population  Area  GDP per capita",
    ...     "Population: 1,200", "Residents at the citizens' university")]
    [True, True, True, False]
    """
    text = text.strip()
    at = 0
    while at < len(text) and (label := profile.stat_label_any.match(text, at)) and label.end() > at:
        at = _LABEL_SEPARATORS.match(text, label.end()).end()
    if at == 0:
        return False
    return at >= len(text) or any(pattern.match(text) for pattern in profile.stat_line.values())


def stat_key(text: str, profile: Profile) -> str | None:
    """Which stat a stats-box line gives ('population', ...), or None: a whole
    "Label: figure" entry, or a label and colon whose figure is missing or unreadable."""
    return first_key(profile.stat_line, text) or first_key(profile.stat_label_only, text)


def is_map_label(text: str, names: list[str]) -> bool:
    """A line made only of known place names and label separators ("Place I Country").

    >>> is_map_label("Klow I Syldavia Zenda I New Ruritania", ["new ruritania", "klow", "syldavia", "zenda"])
    True
    >>> is_map_label("Klow Learning Festival", ["klow"])
    False
    """
    folded = fold_name(text)
    if not any(n in folded for n in names):
        return False
    for name in names:  # longest first, so "republic of syldavia" goes before "syldavia"
        folded = folded.replace(name, " ")
    return not _MAP_SEPARATORS.sub("", folded)


HEADING_MAX_CHARS = 60
"""A heading's line, or a place's, is at most this long (a role's wrapped line too)."""


def folded_pair(pair: tuple[str, str]) -> tuple[str, str]:
    """A (country, city) pair folded for comparison (`fold_name`)."""
    return fold_name(pair[0]), fold_name(pair[1])


def joined_forms(pair: tuple[str, str]) -> tuple[str, str]:
    """A pair's two names folded (`fold_name`) and joined by a space, in either order: how
    Markdown gives a heading's two lines as one ("RURITANIA STRELSAU").

    >>> joined_forms(("Ruritania", "Strelsau"))
    ('ruritania strelsau', 'strelsau ruritania')
    """
    a, b = folded_pair(pair)
    return f"{a} {b}", f"{b} {a}"


def ends_on_small_word(text: str) -> bool:
    """Does the line stop on a lowercase word ("United Federation of Ruritania and"),
    so that a name goes on on the next line?"""
    words = text.split()
    return bool(words) and words[-1].islower()


# --- typography ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Typography:
    """What the fonts say, when the source knows them (PDFs); silent for raw text.

    The body size is the size most of the document's characters are set in.
    Captions are set smaller and in italics; headings are never smaller than body.
    """

    body_size: float | None

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Typography:
        weight: dict[float, int] = {}
        for line in lines:
            if line.font_size:
                weight[line.font_size] = weight.get(line.font_size, 0) + len(line.text)
        return cls(max(weight, key=lambda k: weight[k]) if weight else None)

    def says_caption(self, lines: Sequence[Line]) -> bool:
        """Small italic type: a caption, whatever its punctuation; not a block of more lines
        than a caption runs to (a pull quote set small in the margin, its marks left out)."""
        if self.body_size is None or any(ln.font_size is None for ln in lines) or len(lines) > _CAPTION_MAX_SET_LINES:
            return False
        return all(ln.italic and ln.font_size < 0.95 * self.body_size for ln in lines)  # type: ignore[operator]

    def says_label(self, lines: Sequence[Line], texts: Sequence[str], profile: Profile) -> bool:
        """Small type, a few short lines, no sentence: a caption however many lines it wraps to."""
        if self.body_size is None or any(ln.font_size is None for ln in lines) or len(lines) > 4:
            return False
        return (all(ln.font_size < 0.9 * self.body_size for ln in lines)  # type: ignore[operator]
                and not profile.sentence_end.search(texts[-1]))

    def too_small_for_heading(self, line: Line) -> bool:
        return self.body_size is not None and line.font_size is not None and line.font_size < self.body_size


# --- the cursor the recognisers read -----------------------------------------------------------


_CAPTION_MAX_SET_LINES = 6  # lines of small italic type a caption runs to at most

MIN_SECTION_LINES = 8  # lines a city's section holds at least (heading, intro, items, quote)


@dataclass
class Cursor:
    """What recognisers see: the lines, their repaired texts, and what was found so far."""

    lines: Sequence[Line]
    texts: Sequence[str]
    profile: Profile
    typography: Typography
    taken: list[bool]
    last_heading: int = 0  # numbers of headings only increase through a booklet
    heading_numbers: set[int] = field(default_factory=set)  # the numbers of the headings found
    last_place: tuple[str, str] | None = None  # the last heading's (country, city), folded
    names: set[str] = field(default_factory=set)  # places named by headings and the list
    running_heads: frozenset[int] = frozenset()  # lines repeated page after page
    repeated: Collection[int] = frozenset()  # positions of lines the repairs found printed again
    numbers_apart: bool = True  # the booklet may set a heading's number on a line of its own
    numbered: bool = True  # the booklet numbers its headings (on their line or apart)
    colon_headings: bool = False  # the booklet prints two lines or more "Country: City"
    apart_headings: bool = False  # the booklet prints two headings or more "City | Country", a section apart
    capitals_headings: Collection[int] = frozenset()  # its "COUNTRY, CITY" lines heading sections (see headings)
    labelled: Collection[int] = frozenset()  # lines whose template label before a heading was left out
    # of those, the lines whose title after the place was left out, each with its title
    subtitled: Mapping[int, str] = field(default_factory=dict)
    # headings whose city the front matter's prose names, by first line (`named_headings`)
    named: Mapping[int, NamedHeading] = field(default_factory=dict)
    # the front matter's prose names three places or more (`enumerated_names`): its own
    # account of the cities, which a heading read from other evidence must not overrule
    enumerates: bool = False
    # the texts heading recognisers read (`heading_view`): a label or title left out there
    heading_texts: Sequence[str] = ()
    # the front matter's (country, city) pairs, folded, each with the pair as printed
    listed: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    heading_line: int = -MIN_SECTION_LINES  # the last line of the last heading found (a booklet may open on one)
    # reads the front matter's list run into one line by the places the booklet prints
    # alone (`listed_runs`; made at first need)
    run_reader: RunReader | None = None

    def text(self, i: int) -> str:
        return self.texts[i].strip()

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.lines) and not self.taken[i]

    @property
    def before_cities(self) -> bool:
        return self.last_heading == 0


@contextmanager
def heading_view(cur: Cursor) -> Iterator[None]:
    """Let heading recognisers read `cur.heading_texts` (a template's label before a
    heading, a title after its place, left out); every other recogniser reads the
    printed texts, so that a line so shortened is no list's entry or caption."""
    printed = cur.texts
    cur.texts = cur.heading_texts or printed
    try:
        yield
    finally:
        cur.texts = printed


Found = tuple[Block, list[int]]  # the block, and the indexes of the lines it takes
Recogniser = Callable[[Cursor, int], "Found | list[Found] | None"]


def take(cur: Cursor, kind: BlockKind, i: int, n: int = 1, data: BlockData = None) -> Found:
    """A recogniser's find: a block of `n` lines from line i."""
    return take_lines(cur, kind, list(range(i, i + n)), data)


def take_lines(cur: Cursor, kind: BlockKind, taken: list[int], data: BlockData = None) -> Found:
    """A recogniser's find: a block of the lines `taken` (not always next to each other)."""
    return Block(kind, [cur.lines[k] for k in taken], [cur.texts[k] for k in taken], data), taken


def is_noise_line(cur: Cursor, i: int) -> bool:
    """A page number, a running head or a front-matter label, which may sit inside a
    wrapped heading."""
    text = cur.text(i)
    return bool(cur.profile.page_number.match(text) or cur.profile.front_labels.match(text)) \
        or i in cur.running_heads


def hangs_before(cur: Cursor, i: int) -> bool:
    """Is line i set on the same row as the next line, left of it (a hanging number)?"""
    a, b = cur.lines[i].bbox, cur.lines[i + 1].bbox if i + 1 < len(cur.lines) else None
    return a is not None and b is not None and abs(a[1] - b[1]) <= 2.0 and a[2] <= b[0]
