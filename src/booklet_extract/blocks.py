"""Lines -> typed blocks: the stage every layout's quirks are taught to.

A block is a run of lines that belong together (a paragraph, a caption, a stats
entry, a heading). Blocks are found by an ordered list of named recognisers, as
Python-Markdown's block processors are: each looks at the lines ahead of the
cursor and may take one line or several (a stat label and its figure on the next
line, a hanging number and its item, a role wrapped over two lines). The first
recogniser that takes the line wins. A new layout of the genre is one more
recogniser in `RECOGNISERS`, not a special case in a later stage.

Lines no recogniser takes are text; consecutive text lines are grouped into
paragraphs and each paragraph is typed as a quote, prose or a caption.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import pairwise

import regex as re

from .line import Line, RepairedLines
from .patterns import Pattern, lazy
from .profile import Profile
from .sources.paragraphs import in_capitals


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


@dataclass(frozen=True, slots=True)
class StatData:
    """Which stat, and its entry as one "Label: figure" text however it was set."""

    key: str
    entry: str


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

    >>> fold_name("Côte  d‘Ivoire")
    "côte d'ivoire"
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
    """
    text = profile.name_qualifier.sub("", text).strip()
    if not text or len(text.split()) > profile.max_name_words:
        return False
    return bool(profile.name.match(text)) and bool(re.match(r"\p{Lu}", text))


def split_country_city(text: str, profile: Profile) -> tuple[str, str] | None:
    """'People’s Republic of Syldavia, Klow' -> (country, city), at the last comma."""
    if "," not in text:
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


_CITY_THEN_COUNTRY = lazy(r"(?P<city>[^()]+?)\s*\((?P<country>[^()]+)\)")
_ENDS_CAPITALISED = lazy(r"\p{Lu}\S*$")


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
    # A qualifier ends on a small word ("(Islamic Republic of)"); a country does not.
    if (match := _CITY_THEN_COUNTRY.fullmatch(text.strip())) and _ENDS_CAPITALISED.search(match.group("country")):
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
    """
    match = profile.attribution.match(text)
    if not match:
        return _role_first(text, profile)
    name = match.group("name").strip()
    if len(name.split()) > 6 or not is_name(name, profile):
        return None
    return name, match.group("role").strip()


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
    """
    name_match = profile.attribution_name.match(name_line)
    role_match = profile.role_line.match(role_line)
    if not (name_match and role_match):
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


_QUOTE_FAMILIES = ("‘’'", "“”\"", "«»")
"""Marks that may close what each family's marks open (extractors mix curly and straight)."""


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
    family = next((f for f in _QUOTE_FAMILIES if opener in f), opener)
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
    """
    stripped = text.strip()
    if stripped[:1] not in profile.open_quotes:
        return False
    closing = _closing(profile.close_quotes)[1].search(stripped[1:80])
    if not closing:
        return False
    inside, after = stripped[1 : closing.start() + 1], stripped[closing.end() + 1 :]
    return len(inside.split()) <= 8 and len(_LETTERS.findall(after)) >= words_after


def _first_key(patterns: dict[str, Pattern], text: str) -> str | None:
    return next((key for key, pattern in patterns.items() if pattern.match(text)), None)


def stat_key(text: str, profile: Profile) -> str | None:
    """Which stat a stats-box line gives ('population', ...), or None: a whole
    "Label: figure" entry, or a label and colon whose figure is missing or unreadable."""
    return _first_key(profile.stat_line, text) or _first_key(profile.stat_label_only, text)


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


# --- the recognisers ---------------------------------------------------------------------------


_CAPTION_MAX_SET_LINES = 6  # lines of small italic type a caption runs to at most

_MIN_SECTION_LINES = 8  # lines a city's section holds at least (heading, intro, items, quote)


@dataclass
class Cursor:
    """What recognisers see: the lines, their repaired texts, and what was found so far."""

    lines: Sequence[Line]
    texts: Sequence[str]
    profile: Profile
    typography: Typography
    taken: list[bool]
    last_heading: int = 0  # numbers of headings only increase through a booklet
    names: set[str] = field(default_factory=set)  # places named by headings and the list
    running_heads: set[int] = field(default_factory=set)  # lines repeated page after page
    repeated: Collection[int] = frozenset()  # numbers of lines the repairs found printed again
    numbers_apart: bool = True  # the booklet may set a heading's number on a line of its own
    numbered: bool = True  # the booklet numbers its headings (on their line or apart)
    # the front matter's (country, city) pairs, folded, each with the pair as printed
    listed: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    heading_line: int = -_MIN_SECTION_LINES  # the last line of the last heading found (a booklet may open on one)

    def text(self, i: int) -> str:
        return self.texts[i].strip()

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.lines) and not self.taken[i]

    @property
    def before_cities(self) -> bool:
        return self.last_heading == 0


Found = tuple[Block, list[int]]  # the block, and the indexes of the lines it takes
Recogniser = Callable[[Cursor, int], "Found | list[Found] | None"]


def _block(cur: Cursor, kind: BlockKind, i: int, n: int = 1, data: BlockData = None) -> Found:
    return _block_of(cur, kind, list(range(i, i + n)), data)


def _block_of(cur: Cursor, kind: BlockKind, taken: list[int], data: BlockData = None) -> Found:
    return Block(kind, [cur.lines[k] for k in taken], [cur.texts[k] for k in taken], data), taken


def _is_noise_line(cur: Cursor, i: int) -> bool:
    """A page number, a running head or a front-matter label, which may sit inside a
    wrapped heading."""
    text = cur.text(i)
    return bool(cur.profile.page_number.match(text) or cur.profile.front_labels.match(text)) \
        or i in cur.running_heads


def _hangs_before(cur: Cursor, i: int) -> bool:
    """Is line i set on the same row as the next line, left of it (a hanging number)?"""
    a, b = cur.lines[i].bbox, cur.lines[i + 1].bbox if i + 1 < len(cur.lines) else None
    return a is not None and b is not None and abs(a[1] - b[1]) <= 2.0 and a[2] <= b[0]


def page_number(cur: Cursor, i: int) -> Found | None:
    """A page number alone on its line: "6", "xii" (not a number hanging before its item,
    nor a section's number set above its place)."""
    if not cur.profile.page_number.match(cur.text(i)) or _hangs_before(cur, i) or _heading_apart(cur, i):
        return None
    return _block(cur, BlockKind.PAGE_NUMBER, i)


def running_head(cur: Cursor, i: int) -> Found | None:
    """A running header or footer: "Booklet Title | 12", or any text that recurs with
    another page number on page after page ("Booklet Title 12", "13 Booklet Title")."""
    if i in cur.running_heads or cur.profile.running_head.match(cur.text(i)):
        return _block(cur, BlockKind.RUNNING_HEAD, i)
    return None


_NUMBERED = lazy(r"^\s*(?:(?P<lead>\d{1,3})\s*[|•·]?\s+)?(?P<title>\D.*?\S)(?:\s*[|•·]?\s+(?P<trail>\d{1,3}))?\s*$")
_RUNNING_MIN = 3  # pages a running head must recur on
_RUNNING_SPREAD = 10  # lines between two of its copies at least (closer: a duplicate)


def find_running_heads(texts: Sequence[str], profile: Profile) -> set[int]:
    """Lines repeated page after page: a title with a page number that changes
    ("Award Book 2", "3 Award Book"), or a title of a few words alone, printed
    three times or more. Sentences and lead-ins never are.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> sorted(find_running_heads(["Award Book 2", "text", "Award Book 3", "4 Award Book", "Award Book 2021"], p))
    [0, 2, 3]
    >>> sorted(find_running_heads((["Learning Cities", "Initiatives include:"] + ["text"] * 10) * 3, p))
    [0, 12, 24]
    >>> sorted(find_running_heads(["495 km2", "text", "49 km2", "text", "110 km2"], p))
    []
    """
    numbers: dict[str, set[str]] = {}
    bare: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    keyed: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        match = _NUMBERED.match(text)
        if not match:
            continue
        key = " ".join(match.group("title").split()).casefold()
        numbered = bool(match.group("lead")) != bool(match.group("trail"))
        if not numbered and not (
                not match.group("lead") and len(key.split()) >= 2 and match.group("title")[:1].isupper()
                and "," not in key and len(key) <= _HEADING_MAX_CHARS and not profile.sentence_end.search(key)):
            continue
        # Stats labels and figures ("495 km2", "US$1,200") recur as content. (Tested last:
        # the label search reads the whole line, and most lines are out by now.)
        if profile.stat_label_any.search(text) or profile.stat_figure_alone.match(text):
            continue
        if numbered:
            numbers.setdefault(key, set()).add(match.group("lead") or match.group("trail"))
        else:
            if i - last_seen.get(key, -_RUNNING_SPREAD) >= _RUNNING_SPREAD:  # a copy close by is a duplicate
                bare[key] = bare.get(key, 0) + 1
            last_seen[key] = i
        keyed.append((i, key))
    return {i for i, key in keyed
            if len(numbers.get(key, ())) >= _RUNNING_MIN or bare.get(key, 0) >= _RUNNING_MIN}


def credit(cur: Cursor, i: int) -> Found | None:
    """A photo credit or a source line under a picture or a stats box ("© UNESCO",
    "Photo: Ann Ek", "Source: Census 2016"): no caption, no field."""
    return _block(cur, BlockKind.CREDIT, i) if cur.profile.credit.match(cur.text(i)) else None


def front_label(cur: Cursor, i: int) -> Found | None:
    """A front-matter label: "Introduction", "Foreword"."""
    return _block(cur, BlockKind.LABEL, i) if cur.profile.front_labels.match(cur.text(i)) else None


_HEADING_MAX_LINES = 3
_HEADING_MAX_CHARS = 60


def heading(cur: Cursor, i: int) -> Found | list[Found] | None:
    """"N. Country, City", the country perhaps wrapped and the city on the next line,
    the number perhaps set apart on the line above.

    Numbers must increase through the document: a numbered line that breaks the
    sequence backwards is a list item, not a heading.
    """
    profile = cur.profile
    match = profile.heading_start.match(cur.texts[i])
    if match is None:
        apart = _heading_apart(cur, i)
        return None if apart is None else _heading_found(cur, cur.last_heading + 1, *apart)
    number, rest = int(match.group("number")), match.group("rest").strip()
    if number <= cur.last_heading or cur.typography.too_small_for_heading(cur.lines[i]):
        return None
    parsed = None if rest.endswith(",") else numbered_place(rest, profile)
    if parsed is None and (run_on := _heading_run_on(rest, cur)) is not None:
        return _run_on_blocks(cur, i, number, *run_on)
    found = (parsed, [i]) if parsed is not None else (
        _listed_place_named(cur, rest, i) or _place_on_two_lines(cur, rest, i) or _wrapped_place(cur, rest, [i]))
    return None if found is None else _heading_found(cur, number, *found)


def _listed_place_named(cur: Cursor, rest: str, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A numbered heading that prints one name only ("1. Strelsau"), the other standing in
    the front matter's list: the one listed pair that holds the name, as the list prints
    it (a caption on the next line is no second name). The pair's other name on the next
    line ("1. Ruritania" / "Strelsau") is the heading's too. Without a list, or with the
    name in two pairs, it is no heading."""
    name = fold_name(rest)
    pairs = [(folded, pair) for folded, pair in cur.listed.items() if name in folded]
    if len(pairs) != 1 or not is_name(rest, cur.profile):
        return None
    folded, pair = pairs[0]
    nxt = fold_name(cur.text(i + 1)) if cur.free(i + 1) else ""
    return pair, [i, i + 1] if nxt in folded and nxt != name else [i]


_PLACE_SEPARATOR = lazy(r"\s+[|/•·]\s+")
_TWO_LINE_NAME_CHARS = _HEADING_MAX_CHARS


def numbered_place(text: str, profile: Profile) -> tuple[str, str] | None:
    """The place after a heading's number: any form `heading_place` reads, or two names
    set apart by a bar, slash or dot ("Ruritania | Strelsau"), which a number makes a
    heading (unnumbered, the same line is a map label).

    >>> from .profile import DEFAULT_PROFILE as p
    >>> numbered_place("Ruritania | Strelsau", p), numbered_place("Ruritania / Strelsau", p)
    (('Ruritania', 'Strelsau'), ('Ruritania', 'Strelsau'))
    >>> numbered_place("Reading clubs / learning festivals", p) is None
    True
    """
    if pair := heading_place(text, profile):
        return pair
    parts = _PLACE_SEPARATOR.split(text)
    if len(parts) == 2 and all(is_name(part.strip(), profile) for part in parts):
        return readable(parts[0].strip()), readable(parts[1].strip())
    return None


def _place_on_two_lines(cur: Cursor, rest: str, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A numbered heading whose country and city stand on two lines with nothing between
    ("1. Ruritania" / "Strelsau"): both short names, the second no stats entry."""
    if not cur.free(i + 1) or len(rest) > _TWO_LINE_NAME_CHARS or not is_name(rest, cur.profile):
        return None
    nxt = cur.text(i + 1)
    if len(nxt) > _TWO_LINE_NAME_CHARS or "," in nxt or not is_name(nxt, cur.profile) or stat_key(nxt, cur.profile) \
            or _ends_on_small_word(cur.profile.name_qualifier.sub("", rest)):
        return None  # "United Federation of Ruritania and" / "Northern Borduria, Zenda" is one place wrapped
    return (readable(rest), readable(nxt)), [i, i + 1]


def _heading_found(cur: Cursor, number: int, place: tuple[str, str], used: list[int]) -> Found:
    cur.last_heading, cur.heading_line = number, used[-1]
    cur.names.update((fold_name(place[0]), fold_name(place[1])))
    return _block_of(cur, BlockKind.HEADING, used, HeadingData(number, *place))


def _wrapped_place(cur: Cursor, rest: str, used: list[int]) -> tuple[tuple[str, str], list[int]] | None:
    """The place of a heading whose text so far (`rest`) goes on over the next lines."""
    profile = cur.profile
    used = list(used)
    j = used[-1] + 1
    while cur.free(j) and len(used) < _HEADING_MAX_LINES:
        if _is_noise_line(cur, j):
            j += 1
            continue
        nxt = cur.text(j)
        if len(nxt) > _HEADING_MAX_CHARS or profile.sentence_end.search(nxt) and not nxt.endswith(","):
            return None
        if stat_key(nxt, profile) or profile.heading_start.match(nxt):
            return None
        rest = f"{rest} {nxt}"
        used.append(j)
        j += 1
        if not rest.endswith(",") and (parsed := heading_place(rest, profile)) is not None:
            return parsed, used
    return None


def _prints_numbered_headings(texts: Sequence[str], profile: Profile) -> bool:
    """Does the booklet print a heading with its number on the line ("7. Ruritania,
    Strelsau")? A booklet keeps one style: then a number alone on its line is a page
    number, even when a caption with a comma follows it. Headings that print one name
    ("7. Strelsau", the pair in the front matter's list) count when two of them name
    a listed place."""
    singles = 0
    listed_names: set[str] | None = None
    for text in texts:
        match = profile.heading_start.match(text)
        if not match:
            continue
        rest = match.group("rest").strip()
        if numbered_place(rest, profile):
            return True
        if is_name(rest, profile):
            if listed_names is None:
                listed_names = {fold_name(name) for line in texts
                                if (pair := split_country_city(line.strip(), profile)) for name in pair}
            singles += fold_name(rest) in listed_names
    return singles >= _MIN_ONE_NAME_HEADINGS


_MIN_ONE_NAME_HEADINGS = 2


def _heading_apart(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A section's number set apart on the line above its place ("1" / "Ruritania,
    Strelsau"), as a designer sets a big number: only the next number of the sequence,
    and not above a list of places (the front matter's, under a page number), nor in a
    booklet that prints its numbers on the heading's line.
    Changes nothing: `page_number` asks it too."""
    if not cur.numbers_apart:
        return None
    match = cur.profile.heading_number_alone.match(cur.text(i))
    if not match or int(match.group("number")) != cur.last_heading + 1 or not cur.free(i + 1) \
            or cur.lines[i].page != cur.lines[i + 1].page:
        return None
    rest = cur.text(i + 1)
    if not re.match(r"\p{Lu}", rest) or cur.typography.too_small_for_heading(cur.lines[i + 1]) \
            or i + 1 in cur.running_heads:
        return None
    if rest.endswith(",") or (parsed := heading_place(rest, cur.profile)) is None:
        return _wrapped_place(cur, rest, [i, i + 1])
    if cur.free(i + 2) and heading_place(cur.text(i + 2), cur.profile):
        return None
    return parsed, [i, i + 1]


def _heading_run_on(rest: str, cur: Cursor) -> tuple[tuple[str, str], str] | None:
    """A heading run together with the next line ("Ruritania, Alpha City population: 1"
    or "Ruritania, AlphaThe first item"): ((country, city), the rest of the line).

    The city ends where a stats entry begins, or where a city named in the front
    matter's list ends and a capitalised word follows.
    """
    profile = cur.profile
    comma = rest.find(",")
    if comma < 0 or not is_name(rest[:comma], profile):
        return None
    country, after = rest[:comma].strip(), rest[comma + 1 :].lstrip()
    # Word ends, a glued capital ("AlphaThe") counting as one too.
    ends = sorted({m.start() for m in re.finditer(r"(?<=\S)(?:\s|(?<=[\p{Ll}\ufffd])(?=\p{Lu}))", after)})
    for end in ends[:4]:
        city, remainder = after[:end].strip(), after[end:].strip()
        if not remainder or not is_name(city, profile):
            continue
        if stat_key(remainder, profile) or fold_name(city) in cur.names and re.match(r"\p{Lu}", remainder):
            return (readable(country), readable(city)), remainder
    return None


def _folded_pair(pair: tuple[str, str]) -> tuple[str, str]:
    return fold_name(pair[0]), fold_name(pair[1])


def _heading_style(lines: Sequence[Line], texts: Sequence[str], profile: Profile,
                   running_heads: Collection[int]) -> tuple[bool, bool]:
    """How the booklet numbers its headings (a booklet keeps one style): on the
    heading's line, on a line of its own above it ("1" / "Ruritania, Strelsau"), or
    not at all: (numbered, numbers set apart). Set apart, the numbers over places (on
    the same page, not over a list) must run 1, 2, 3... without a gap: page numbers
    over the places of a booklet that opens each city on a new page skip one sooner
    or later."""
    if _prints_numbered_headings(texts, profile):
        return True, False

    def place_lines(k: int) -> int:
        """How many lines from k make a place (0: none), a wrapped one included."""
        first = texts[k].strip()
        if k in running_heads:
            return 0
        if not first.endswith(",") and heading_place(first, profile):
            return 1
        return 2 if k + 1 < len(texts) and heading_place(f"{first} {texts[k + 1].strip()}", profile) else 0

    numbers = []
    for k in range(len(texts) - 1):
        match = profile.heading_number_alone.match(texts[k])
        if not match or lines[k].page != lines[k + 1].page or not (n := place_lines(k + 1)):
            continue
        if k + 1 + n < len(texts) and place_lines(k + 1 + n):
            continue  # a page number over a list of places
        numbers.append(int(match.group("number")))
    apart = len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))
    return apart, apart


def unnumbered_heading(cur: Cursor, i: int) -> Found | list[Found] | None:
    """"Country, City" alone on its line as a city's heading, in a booklet that numbers
    no heading. A place line may also be a list entry or a caption, so it heads a city
    only when it is no entry of a list and, where the front matter listed the cities,
    it is one of the pairs listed; without that list, when it opens a new section that
    speaks of its city (see `_opens_a_city`).
    """
    if cur.numbered:
        return None
    found = _place_line(cur, i)
    if found is None:
        return _unnumbered_run_on(cur, i)
    return _heading_found(cur, cur.last_heading + 1, *found) if _heads_a_city(cur, i, *found) else None


def _place_line(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """The place a line names, perhaps wrapped over the next ones, and its lines."""
    text = cur.text(i)
    if not re.match(r"\p{Lu}", text) or cur.typography.too_small_for_heading(cur.lines[i]):
        return None
    if text.endswith(","):
        return _wrapped_place(cur, text, [i])
    parsed = heading_place(text, cur.profile)
    return None if parsed is None else (parsed, [i])


def _heads_a_city(cur: Cursor, i: int, place: tuple[str, str], used: list[int]) -> bool:
    """Does the place at line i head a city (see `unnumbered_heading`)? Changes nothing."""
    text = cur.text(i)
    if _in_place_list(cur, used, text):
        return False
    if cur.lines[i].number in cur.repeated and i > 0 and cur.text(i - 1) == text:
        return False  # the heading's copy printed right under it
    return _folded_pair(place) in cur.listed or _opens_a_city(cur, used, place)


def _is_unnumbered_heading(cur: Cursor, k: int) -> bool:
    """Is line k an unnumbered heading (a stray marker before it takes no item)?"""
    if cur.numbered or not cur.free(k):
        return False
    found = _place_line(cur, k)
    return found is not None and _heads_a_city(cur, k, *found)


def _unnumbered_run_on(cur: Cursor, i: int) -> list[Found] | None:
    """A listed place run together with the next line ("Ruritania, StrelsauCity
    population: 1"): the heading, and the rest of the line as its own block."""
    run_on = _heading_run_on(cur.text(i), cur)
    if run_on is None or _folded_pair(run_on[0]) not in cur.listed:
        return None
    return _run_on_blocks(cur, i, cur.last_heading + 1, *run_on)


def _run_on_blocks(cur: Cursor, i: int, number: int, place: tuple[str, str], remainder: str) -> list[Found]:
    """A heading run together with the next line: the heading, then the rest of the line
    as its own block (a stats entry, or text), both on line i."""
    cur.last_heading, cur.heading_line = number, i
    cur.names.update(_folded_pair(place))
    line = cur.lines[i]
    head = Block(BlockKind.HEADING, [line], [cur.texts[i][: len(cur.texts[i]) - len(remainder)].rstrip()],
                 HeadingData(number, *place))
    key = stat_key(remainder, cur.profile)
    tail = Block(BlockKind.STATS if key else BlockKind.TEXT, [line], [remainder],
                 StatData(key, remainder) if key else None)
    return [(head, [i]), (tail, [i])]


_LIST_MIN_ENTRIES = 3  # places in a row that make a list (a heading and a place-like caption are two)


def _in_place_list(cur: Cursor, used: list[int], text: str) -> bool:
    """Is the candidate one entry of a list of places (the front matter's, a table of
    contents)? Where the front matter listed the cities, a listed pair beside it says
    so; before that, a run of at least three places. A copy of the candidate, or a
    speaker's "Name, Role", is no entry."""
    def place_at(k: int) -> tuple[str, str] | None:
        if not 0 <= k < len(cur.lines) or cur.text(k) == text or attribution_parts(cur.text(k), cur.profile):
            return None
        return heading_place(cur.text(k), cur.profile)

    if cur.listed:
        return any(p is not None and _folded_pair(p) in cur.listed
                   for p in (place_at(used[0] - 1), place_at(used[-1] + 1)))
    run = 1
    k = used[0] - 1
    while run < _LIST_MIN_ENTRIES and place_at(k) is not None:
        run, k = run + 1, k - 1
    k = used[-1] + 1
    while run < _LIST_MIN_ENTRIES and place_at(k) is not None:
        run, k = run + 1, k + 1
    return run >= _LIST_MIN_ENTRIES


_NAMED_REACH = 40  # lines below a heading in which its city's text names the city


def _opens_a_city(cur: Cursor, used: list[int], place: tuple[str, str]) -> bool:
    """Without the front matter's word for it: a place line is a heading when both its
    names end on a capitalised word, neither is in capitals (a caption, an acronym), it
    is no form's "Label: value" and no speaker's name and role, it stands a section's
    length after the last heading (not a caption under it), and the text under it names
    the city, as an intro or a speaker's role does."""
    profile = cur.profile
    joined = " ".join(cur.text(k) for k in used)
    if not all(_ENDS_CAPITALISED.search(profile.name_qualifier.sub("", part).strip()) for part in place):
        return False  # "Agency, Department of" names no place; "Syldavia (Federal Republic of)" does
    if ":" in joined or any(part.isupper() for part in place):
        return False  # a form's "AGENCY: Federal Aviation", "CBI: Confidential ..."
    if attribution_parts(joined, profile) or any(profile.role_line.match(cur.text(k)) for k in used):
        return False
    if used[0] - cur.heading_line < _MIN_SECTION_LINES:
        return False
    nxt = cur.text(used[-1] + 1) if used[-1] + 1 < len(cur.lines) else ""
    if profile.role_line.match(nxt) or profile.role_line.match(f"{place[1]} {nxt}"):
        return False  # a speaker's name over a role ("Ann Ek, Lord" / "Mayor of Alpha")
    return _named_below(cur, used, place, joined)


def _named_below(cur: Cursor, used: list[int], place: tuple[str, str], joined: str) -> bool:
    """Does text under the candidate name its city? Another place line, or a line
    holding the candidate whole (a copy, the same place as a numbered heading), says
    nothing."""
    city = re.compile(rf"(?<!\w){re.escape(fold_name(place[1]))}(?!\w)")
    own = fold_name(joined)
    hi = min(len(cur.lines), used[-1] + 1 + _NAMED_REACH)
    for k in range(used[-1] + 1, hi):
        folded = fold_name(cur.text(k))
        if own not in folded and city.search(folded) and heading_place(cur.text(k), cur.profile) is None:
            return True
    return False


_ROLE_MAX_LINES = 3


def _role_continues(role: str, line: Line, nxt: str, profile: Profile) -> bool:
    """Is `nxt` the rest of a role wrapped onto a second line ("Mayor of the" / "City of X")?

    Said by the words (the role stops on a small word, the next line goes on in
    lowercase) or, in a PDF, by the layout keeping the two lines in one block.
    """
    if not nxt or len(nxt) > _HEADING_MAX_CHARS or profile.sentence_end.search(nxt.rstrip(".")):
        return False
    if stat_key(nxt, profile) or profile.heading_start.match(nxt) or opens_quote(nxt, profile) \
            or profile.item_marker.match(nxt):
        return False
    last = role.split()[-1].lower() if role.split() else ""
    if last in profile.role_qualifiers and profile.role_line.match(nxt):
        return True  # "Chief" / "Executive Officer of Alpha": the title is still to come
    if _names_a_body(nxt, profile) and role.split()[-1][:1].isupper():
        return True  # "Mayor of Alpha" / "County Council": the body's name goes on
    same_block = line.bbox is not None and not line.block_start
    return nxt[:1].islower() or last in profile.name_small_words or same_block


_BODY_MAX_WORDS = 3


def _names_a_body(text: str, profile: Profile) -> bool:
    """A short line of capitalised words ending on a word that closes a body's name
    (`Profile.role_bodies`: "Borough Council", "County"): the end of a wrapped role,
    not a caption, which goes on in lowercase ("Council meeting")."""
    words = text.split()
    return (0 < len(words) <= _BODY_MAX_WORDS and all(w[:1].isupper() for w in words)
            and words[-1].lower().strip(".,") in profile.role_bodies)


def _role_begun(text: str) -> bool:
    """Does the line end with a name's comma, perhaps with the first words of a role
    after it ("Ann Ek," or "Ann Ek, Lord"), so that the role goes on below?"""
    if "," not in text:
        return False
    tail = text.rsplit(",", 1)[1].split()
    return len(tail) <= 2 and all(word[:1].isupper() for word in tail)


def _past_copies(cur: Cursor, j: int) -> int:
    """The first line from `j` that is not a copy the repairs found printed again
    (an extractor that gives an overprinted line twice puts the copy in between)."""
    while cur.free(j) and cur.lines[j].number in cur.repeated:
        j += 1
    return j


def attribution(cur: Cursor, i: int) -> Found | None:
    """"Name, Role of Place" on one line; a role that runs on to the next line comes along."""
    found = _attribution_lines(cur, cur.text(i), i)
    return None if found is None else _block_of(cur, BlockKind.ATTRIBUTION, found[1], found[0])


def _attribution_lines(cur: Cursor, text: str, i: int) -> tuple[AttributionData, list[int]] | None:
    """The attribution that opens with `text` on line i, and the lines it takes: the
    role may begin on the next line ("Name," / "Role"), the name may wrap onto the
    role's line, and the role may run on over the lines after."""
    parts = attribution_parts(text, cur.profile)
    taken = [i]
    k = _past_copies(cur, i + 1)
    if parts is None and cur.free(k) and _role_begun(text):  # "Name," or "Name, Lord" / "Role"
        parts = attribution_parts(f"{text} {cur.text(k)}", cur.profile)
        taken.append(k)
    if parts is None and cur.free(k) and is_name(text, cur.profile) and len(text.split()) <= 3:
        # A name wrapped onto the role's line: "Ann Maria" / "Ek, Mayor of Alpha". Only
        # when the second line alone would leave a one-word name (a caption before a
        # whole attribution stays a caption).
        alone = attribution_parts(cur.text(k), cur.profile)
        rest = [k]
        k2 = _past_copies(cur, k + 1)
        if alone is None and cur.free(k2) and _role_begun(cur.text(k)):  # "Ek, Deputy" / "Mayor of Alpha"
            alone = attribution_parts(f"{cur.text(k)} {cur.text(k2)}", cur.profile)
            rest = [k, k2]
        if alone is not None and len(alone[0].split()) == 1:
            parts = attribution_parts(" ".join([text, *(cur.text(j) for j in rest)]), cur.profile)
            taken = [i, *rest]
    if parts is None:
        return None
    name, role = parts
    while len(taken) < _ROLE_MAX_LINES + 1:
        j = _past_copies(cur, taken[-1] + 1)
        if not (cur.free(j) and _role_continues(role, cur.lines[j], cur.text(j), cur.profile)):
            break
        role = f"{role} {cur.text(j)}"  # a role wrapped in a narrow column, line after line
        taken.append(j)
    return AttributionData(name, role), taken


def attribution_after_quote(cur: Cursor, i: int) -> list[Found] | None:
    """A quote's last line that goes on with its attribution after a dash: "… for
    all.’ — Ann Ek, Mayor of Alpha" (its role perhaps on the lines after). The quote's
    end stays text (the quote paragraph takes it), the rest is the attribution; both
    blocks share the line."""
    text = cur.text(i)
    if not _QUOTE_CLOSE_THEN_DASH.search(text):  # most lines: one quick search
        return None
    match = _QUOTE_THEN_ATTRIBUTION.match(text)
    if match is None or match.group("close") not in cur.profile.close_quotes:
        return None
    found = _attribution_lines(cur, match.group("attribution"), i)
    if found is None:
        return None
    data, taken = found
    attribution_block = Block(BlockKind.ATTRIBUTION, [cur.lines[k] for k in taken],
                              [match.group("attribution"), *(cur.texts[k] for k in taken[1:])], data)
    return [(Block(BlockKind.TEXT, [cur.lines[i]], [match.group("quote")]), [i]), (attribution_block, taken)]


_QUOTE_CLOSE_THEN_DASH = lazy(r"[’”\"»'][.,]?\s+[—–-]")
_QUOTE_THEN_ATTRIBUTION = lazy(r"^(?P<quote>.*\S(?P<close>[’”\"»'])[.,]?)\s+(?P<attribution>[—–-]\s*\p{Lu}.*)$")


def attribution_title_first(cur: Cursor, i: int) -> Found | None:
    """"Mayor Ann Ek" or "— Mayor Ann Ek, Alpha": the title before the name, right after
    a quotation or right before one (alone, such a line may as well caption a photo).
    The role is the title, with the place when one follows."""
    match = cur.profile.title_first.match(cur.text(i))
    if match is None or not is_name(match.group("name"), cur.profile):
        return None
    after_quote = i > 0 and closes_quote(cur.texts[i - 1], cur.profile)
    if not after_quote and not (cur.free(i + 1) and opens_quote(cur.text(i + 1), cur.profile)):
        return None
    role = match.group("role") if match.group("place") is None else f"{match.group('role')}, {match.group('place')}"
    return _block(cur, BlockKind.ATTRIBUTION, i, 1,
                  AttributionData(match.group("name"), role, before_quote=not after_quote))


def attribution_two_lines(cur: Cursor, i: int) -> Found | None:
    """"Name" / "Role of Place", right after a quotation (or, in the front matter, after
    a paragraph: a signature) or right before one (an attribution set above its quote)."""
    if i == 0 or not cur.free(i + 1):
        return None
    profile = cur.profile
    prev = cur.texts[i - 1]
    after_quote = closes_quote(prev, profile) or (cur.before_cities and bool(profile.sentence_end.search(prev)))
    before_quote = cur.free(i + 2) and opens_quote(cur.texts[i + 2], profile)
    if not (after_quote or before_quote):
        return None
    parts = split_attribution(cur.texts[i], cur.texts[i + 1], profile)
    if parts is None:
        return None
    return _block(cur, BlockKind.ATTRIBUTION, i, 2, AttributionData(*parts, before_quote=not after_quote))


_ENTRY_SEPARATOR = lazy(r"[\s|·•;,–—/]+$")


def stats_row(cur: Cursor, i: int) -> list[Found] | None:
    """Several stats entries on one line, as a strip under a heading sets them:
    "City population: 1,200 | Area: 45 km2 | GDP: US$900" (a bar, a dot, a semicolon
    or only spaces between). Each entry must be a whole "Label: figure"; the blocks
    share the line."""
    profile = cur.profile
    text = cur.text(i)
    if not profile.stat_label_any.match(text):  # most lines: one anchored attempt
        return None
    starts = [m.start() for m in profile.stat_label_any.finditer(text)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    entries = [_ENTRY_SEPARATOR.sub("", text[a:b]) for a, b in zip(starts, [*starts[1:], len(text)])]
    keys = [_first_key(profile.stat_line, entry) for entry in entries]
    if None in keys or len(set(keys)) < len(keys):
        return None
    return [(Block(BlockKind.STATS, [cur.lines[i]], [entry], StatData(key, entry)), [i])
            for key, entry in zip(keys, entries) if key is not None]


def stats(cur: Cursor, i: int) -> Found | list[Found] | None:
    """A stats entry: "Label: figure" on one line, or the label and its figure on two
    lines (a box, a sidebar, a table column), the figure after or before the label."""
    profile = cur.profile
    text = cur.text(i)
    if key := _first_key(profile.stat_line, text):
        return _block(cur, BlockKind.STATS, i, 1, StatData(key, text))
    if (key := _first_key(profile.stat_label_alone, text)) and cur.free(i + 1):
        if figure := profile.stat_figure_alone.match(cur.text(i + 1)):
            figure_text, n = _with_year_below(cur, i + 1, figure)
            return _block(cur, BlockKind.STATS, i, n + 1, StatData(key, _entry(text, figure_text)))
        if split := _figure_beside_caption(cur, i + 1):
            beside, figure_text = split
            return [beside, _block(cur, BlockKind.STATS, i, 2, StatData(key, _entry(text, figure_text)))]
    if figure := profile.stat_figure_alone.match(text):
        figure_text, n = _with_year_below(cur, i, figure)
        if cur.free(i + n) and (key := _first_key(profile.stat_label_alone, cur.text(i + n))):
            return _block(cur, BlockKind.STATS, i, n + 1, StatData(key, _entry(cur.text(i + n), figure_text)))
    if key := _first_key(profile.stat_label_only, text):  # a label whose figure is missing or unreadable
        return _block(cur, BlockKind.STATS, i, 1, StatData(key, text))
    return None


def _with_year_below(cur: Cursor, i: int, figure: re.Match[str]) -> tuple[str, int]:
    """The figure on line i, with its year when that is set alone on the next line
    ("1,200" / "(2016)"), and how many lines the two take."""
    if figure.group("year") is None and cur.free(i + 1) and cur.profile.stat_year_alone.match(cur.text(i + 1)):
        return f"{cur.text(i)} {cur.text(i + 1)}", 2
    return cur.text(i), 1


def _figure_beside_caption(cur: Cursor, i: int) -> tuple[Found, str] | None:
    """A label's figure at the end (or the start) of a caption: an extractor that reads a
    row across the page runs the caption beside a stats box into the box's figure
    ("Reading club US$1,200 (2016)", "US$1,200 (2016) Reading club"). The caption
    becomes a block of its own (on the same line) and the figure is returned; only a
    caption-like text qualifies, so a sentence beside a figure stays unsplit."""
    text = cur.text(i)
    match = cur.profile.stat_figure_after_text.match(text)
    if match is not None:
        beside, figure = match.group("text"), text[match.end("text"):].strip()
    elif (match := cur.profile.stat_figure_before_text.match(text)) is not None:
        beside, figure = match.group("text"), text[: match.start("text")].strip()
    else:
        return None
    if not cur.profile.caption_line_start.match(beside) or not is_caption_like([beside], cur.profile):
        return None
    return (Block(BlockKind.TEXT, [cur.lines[i]], [beside]), [i]), figure


def _row(pattern: Pattern, text: str) -> list[str]:
    """The cells of a table row: matches of `pattern` side by side, filling the line."""
    cells: list[str] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        match = pattern.match(text, pos)
        if not match or match.end() == pos:
            return []
        cells.append(match.group().strip())
        pos = match.end()
        while pos < len(text) and text[pos] in " \t|":
            pos += 1
    return cells


def stats_table(cur: Cursor, i: int) -> list[Found] | None:
    """Stats set as a table: a row of labels, then a row of figures in the same order.

    The labels may share one line ("Population  Area  GDP") or stand one per line,
    and so may the figures; each label is paired with the figure in its place.
    """
    profile = cur.profile
    labels = _row(profile.stat_label_any, cur.text(i))
    label_lines = [i] * len(labels)
    j = i + 1
    while labels and cur.free(j) and (row := _row(profile.stat_label_any, cur.text(j))):
        labels += row  # the label row wrapped, or one label per line
        label_lines += [j] * len(row)
        j += 1
    keys = [_first_key(profile.stat_label_alone, label) for label in labels]
    if len(labels) < 2 or None in keys or len(set(keys)) < len(keys):
        return None
    figures: list[str] = []
    figure_lines: list[int] = []
    while cur.free(j) and len(figures) < len(labels):
        row = _row(profile.stat_figure_token, cur.text(j))
        if not row:
            break
        figures += row
        figure_lines += [j] * len(row)
        j += 1
    if len(figures) != len(labels):
        return None
    return [
        _block_of(cur, BlockKind.STATS, sorted({a, b}), StatData(key, _entry(label, figure)))
        for key, label, figure, a, b in zip(keys, labels, figures, label_lines, figure_lines)
        if key is not None
    ]


def _entry(label: str, figure: str) -> str:
    """A stat set as label and figure apart, as one "Label: figure" entry."""
    return f"{label.rstrip(': ')}: {figure.strip()}"


def listed(cur: Cursor, i: int) -> Found | None:
    """A "Country, City" entry of the front matter's list of cities, perhaps wrapped."""
    if not cur.before_cities:
        return None
    text = cur.text(i)
    pair = None if text.endswith(",") else split_country_city(text, cur.profile)
    n = 1
    # A line wraps onto a whole entry only when it stops on a small word ("United Federation
    # of Ruritania and" / "Northern Borduria, Zenda"): a signature's last line,
    # "UNESCO", over an unnumbered heading is no country's first words.
    if pair is None and cur.free(i + 1) and len(cur.text(i + 1)) <= _HEADING_MAX_CHARS and (
            split_country_city(cur.text(i + 1), cur.profile) is None or _ends_on_small_word(text)):
        pair = split_country_city(f"{text} {cur.text(i + 1)}", cur.profile)
        n = 2
    if pair is None:
        return None
    cur.names.update(fold_name(p) for p in pair)
    cur.listed[_folded_pair(pair)] = pair
    return _block(cur, BlockKind.LISTED, i, n, ListedData(*pair))


def _ends_on_small_word(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].islower()


def list_item(cur: Cursor, i: int) -> Found | None:
    """The first line of a numbered or bulleted item; a number set apart on its own
    line (a hanging number) takes the item's first line with it."""
    profile = cur.profile
    text = cur.text(i)
    # Only where a paragraph may start: a dash inside running text is no bullet.
    if not (cur.lines[i].block_start or i == 0 or profile.sentence_end.search(cur.texts[i - 1].rstrip())
            or cur.taken[i - 1]):
        return None
    if (marker := profile.item_marker.match(text)) is not None:
        return _block(cur, BlockKind.TEXT, i, 1, ItemData(marker.group().strip()))
    hanging = profile.item_marker_alone.match(text) and (
        not profile.page_number.match(text) or _hangs_before(cur, i))
    # A marker ending its page is a stray: its item's text never opens the next page.
    if hanging and cur.free(i + 1) and cur.lines[i].page == cur.lines[i + 1].page \
            and re.match(r"\p{Lu}|[‘“’'\"]", cur.text(i + 1)) \
            and not _is_unnumbered_heading(cur, i + 1):
        return _block(cur, BlockKind.TEXT, i, 2, ItemData(text))
    return None


def repeated(repaired: RepairedLines) -> Recogniser:
    """Lines the repair stage found printed again: kept out as duplicates."""

    def recognise(cur: Cursor, i: int) -> Found | None:
        return _block(cur, BlockKind.DUPLICATE, i) if cur.lines[i].number in repaired.repeated else None

    return recognise


RECOGNISERS: tuple[tuple[str, Recogniser], ...] = (
    ("page_number", page_number),
    ("running_head", running_head),
    ("credit", credit),
    ("unnumbered_heading", unnumbered_heading),
    ("front_label", front_label),
    ("heading", heading),
    ("attribution_title_first", attribution_title_first),
    ("attribution", attribution),
    ("attribution_after_quote", attribution_after_quote),
    ("attribution_two_lines", attribution_two_lines),
    ("stats_table", stats_table),
    ("stats_row", stats_row),
    ("stats", stats),
    ("listed", listed),
    ("list_item", list_item),
)
"""The recognisers in the order they are tried (the repeated-line one goes fifth, after
page furniture: an unnumbered heading repeats its entry in the front matter's list)."""


def build_blocks(repaired: RepairedLines, profile: Profile) -> list[Block]:
    """Every line into a typed block, in text order."""
    lines, texts = repaired.lines, repaired.texts
    typography = Typography.of(lines)
    running_heads = find_running_heads(texts, profile)
    numbered, numbers_apart = _heading_style(lines, texts, profile, running_heads)
    cur = Cursor(lines, texts, profile, typography, taken=[False] * len(lines),
                 running_heads=running_heads, repeated=frozenset(repaired.repeated),
                 numbers_apart=numbers_apart, numbered=numbered)
    # Page furniture first: a running head printed on every page is no duplicate.
    split = [name for name, _ in RECOGNISERS].index("unnumbered_heading") + 1
    recognisers = (*RECOGNISERS[:split], ("repeated", repeated(repaired)), *RECOGNISERS[split:])
    found: list[list[Block]] = [[] for _ in lines]  # per first line, the blocks it opens
    for i in range(len(lines)):
        if cur.taken[i]:
            continue
        for _, recognise in recognisers:
            hit = recognise(cur, i)
            if hit is None:
                continue
            hits = hit if isinstance(hit, list) else [hit]
            first = min(taken[0] for _, taken in hits)  # blocks sharing lines stay in hit order
            for block, taken in hits:
                found[first].append(block)
                for k in taken:
                    cur.taken[k] = True
            break
    # Map labels are only known once every place name is (the map comes first).
    names = sorted(cur.names, key=len, reverse=True)
    for k, line in enumerate(lines):
        if not cur.taken[k] and is_map_label(texts[k], names) and not _runs_on_into(lines, texts, cur.taken, k):
            found[k] = [Block(BlockKind.MAP_LABEL, [line], [texts[k]])]
            cur.taken[k] = True
    return _type_text_blocks(_group_text(lines, texts, found, cur.taken, profile), typography, profile)


def _runs_on_into(lines: Sequence[Line], texts: Sequence[str], taken: list[bool], k: int) -> bool:
    """Line k goes on from free text just before it that ends with a word no text
    ends with ("... solar school in" / "Zenda"): a place name finishing a caption
    or a sentence, not a label on a map."""
    if k == 0 or lines[k].block_start or taken[k - 1]:
        return False
    words = texts[k - 1].split()
    return bool(words) and words[-1].casefold() in RUN_ON_WORDS


def _group_text(
    lines: Sequence[Line], texts: Sequence[str], found: list[list[Block]], taken: list[bool],
    profile: Profile,
) -> list[Block]:
    """Blocks in text order; lines no recogniser took are grouped into paragraphs."""
    blocks: list[Block] = []
    open_text: Block | None = None  # the paragraph the next free line may continue
    for k, line in enumerate(lines):
        if found[k]:
            first = found[k][0]
            if first.kind is BlockKind.TEXT and first.lines[0] is line and len(found[k]) > 1 \
                    and open_text is not None and not line.block_start:  # a paragraph's last line, its rest another block
                open_text.lines.append(line)
                open_text.texts.append(first.texts[0])
                blocks += found[k][1:]
            else:
                blocks += found[k]
            open_text = found[k][-1] if found[k][-1].kind is BlockKind.TEXT else None
            continue
        if taken[k]:  # a later line of a block opened above
            continue
        text = texts[k]
        continues = (
            open_text is not None
            and not line.block_start
            and not (opens_quote(text, profile) and profile.sentence_end.search(open_text.texts[-1]))
        )
        if continues and open_text is not None:
            open_text.lines.append(line)
            open_text.texts.append(text)
        else:
            open_text = Block(BlockKind.TEXT, [line], [text])
            blocks.append(open_text)
    return blocks


def _caption_run_max_lines(profile: Profile) -> int:
    """The most lines of captions set one under another: two captions of the longest
    kind, perhaps printed twice (a copy in the margin beside the photos' own)."""
    return 4 * profile.caption_max_lines


# A line ending on one of these words runs on into the next: no caption ends so.
RUN_ON_WORDS = frozenset(("the", "of", "and", "a", "an", "to", "in", "for", "with", "on", "at", "by",
                           "from", "or", "as", "that", "its", "their", "our"))


def _caption_stack(texts: Sequence[str], profile: Profile) -> bool:
    """Lines that may be a run of captions set one under another: a short stack, no
    line ending a sentence or longer than a caption."""
    return (2 <= len(texts) <= _caption_run_max_lines(profile)
            and not any(profile.sentence_end.search(t) or len(t) > profile.caption_max_chars for t in texts))


def capitals_measure(blocks: Sequence[Block], profile: Profile) -> int:
    """The longest line of the booklet's stacks of captions in capitals: the width
    its captions in capitals are set to. A capitals line shorter than that by more
    than the next line's first word ended on purpose, wherever it stands in its stack.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> stack = Block(BlockKind.TEXT, [Line("x", 1), Line("x", 2)], ["READING CLUB AT THE LIBRARY", "BOOK FAIR"])
    >>> capitals_measure([stack], p)
    27
    """
    lengths = [len(t.strip()) for block in blocks if block.kind is BlockKind.TEXT and block.data is None
               and _caption_stack([t.strip() for t in block.texts], profile)
               and all(t.isupper() for t in block.texts) for t in block.texts]
    return max(lengths, default=0)


# A line in capitals opening with one of these goes on the line above ("ZENDA VOICES" /
# "FOR DEMOCRACY"): captions seldom open so.
_GOES_ON_WORDS = frozenset(("of", "and", "or", "for", "with", "by", "from"))


def split_caption_run(block: Block, profile: Profile, capitals_width: int = 0) -> list[Block]:
    """A short block of lines none of which ends a sentence, each opening with a capital
    or a quotation mark, is a run of captions set one under another: one block each.
    A line that opens in lowercase goes on the caption above it.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> run = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3)],
    ...             ["Reading club", "Pupils at the school", "garden in spring"])
    >>> [b.texts for b in split_caption_run(run, p)]
    [['Reading club'], ['Pupils at the school', 'garden in spring']]
    """
    texts = [t.strip() for t in block.texts]
    if block.data is not None or not _caption_stack(texts, profile):
        return [block]
    if opens_quote(texts[0], profile) and not quotes_a_name(" ".join(texts), profile) \
            and not closes_quote(texts[0], profile):
        return [block]  # a quotation running on past this block
    measure = max(map(len, texts))
    starts = [k for k, t in enumerate(texts) if k == 0 or (
        profile.caption_line_start.match(t) and texts[k - 1].split()[-1].lower() not in RUN_ON_WORDS
        and not texts[k - 1].endswith("-")  # a word broken at the line end goes on
        # In capitals a capital says nothing: there a line that had room for the next
        # line's first word was ended on purpose (the measure: the stack's longest line,
        # or the booklet's longest line of captions in capitals).
        and not (t.isupper() and texts[k - 1].isupper()
                 and (len(texts[k - 1]) + 1 + len(t.split()[0]) > max(measure, capitals_width)
                      or t.split()[0].casefold() in _GOES_ON_WORDS)))]
    if len(starts) < 2:
        return [block]
    bounds = [*starts, len(texts)]
    pieces = [Block(BlockKind.TEXT, block.lines[a:b], block.texts[a:b]) for a, b in pairwise(bounds)]
    if not all(is_caption_like(p.texts, profile) for p in pieces):
        return [block]
    return pieces


# Words that join the parts of a name ("Rue de la Paix", "Rudolf von Zenda"): a
# capital after one of them goes on the same name, it does not open another caption.
_NAME_PARTICLES = frozenset(("de", "la", "le", "les", "del", "della", "des", "du", "el", "los", "las", "da",
                             "do", "dos", "das", "di", "y", "e", "et", "und", "van", "von", "der", "den", "al"))
_NO_CAPTION_AFTER = RUN_ON_WORDS | _NAME_PARTICLES
_LOWERCASE_WORD = lazy(r"\p{Ll}[\p{L}\p{M}’'-]*")


def split_caption_pair(block: Block, profile: Profile) -> list[Block]:
    """Two captions printed side by side and read across as one line by an extractor
    ("Reading club Pupils at the school garden"): split where a lowercase word is
    followed by a capital that opens the second caption.

    Only for text without geometry (a PDF's own layout keeps the two apart), only for a
    one-line caption-like block, and only at a single such place, with two words or
    more on each side; a capital after a little word ("in", "the", "de") belongs to a
    name, not to a new caption.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> pair = Block(BlockKind.TEXT, [Line("x", 1)], ["Reading club Pupils at the Royal Library"])
    >>> [b.texts for b in split_caption_pair(pair, p)]
    [['Reading club'], ['Pupils at the Royal Library']]
    >>> one = Block(BlockKind.TEXT, [Line("x", 1)], ["Pupils at the Royal Library"])
    >>> [b.texts for b in split_caption_pair(one, p)]
    [['Pupils at the Royal Library']]
    """
    if block.data is not None or len(block.texts) != 1 or block.lines[0].bbox is not None:
        return [block]
    text = block.texts[0].strip()
    if not profile.item_start.match(text) or not is_caption_like([text], profile):
        return [block]
    words = text.split()
    places = [k for k in range(2, len(words) - 1)
              if _LOWERCASE_WORD.fullmatch(words[k - 1])
              and words[k - 1].lower() not in _NO_CAPTION_AFTER
              and profile.item_start.match(words[k])]
    if len(places) != 1:
        return [block]
    k = places[0]
    line = block.lines[0]
    return [Block(BlockKind.TEXT, [line], [" ".join(words[:k])]),
            Block(BlockKind.TEXT, [line], [" ".join(words[k:])])]


def split_after_quote(block: Block, profile: Profile) -> list[Block]:
    """A quotation whose closing line is not its block's last: the lines after it (a
    caption the extractor ran on) are a block of their own. A closing mark followed
    by a lowercase line was an apostrophe ("our teachers’" / "and families’ ideas").

    >>> from .profile import DEFAULT_PROFILE as p
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3)], ["‘We learn", "together.’", "Reading club"])
    >>> [piece.texts for piece in split_after_quote(b, p)]
    [['‘We learn', 'together.’'], ['Reading club']]
    """
    texts = block.texts
    if block.data is not None or len(texts) < 2 or not opens_quote(texts[0], profile):
        return [block]
    opener = texts[0].lstrip()[:1]
    for k in range(len(texts) - 1):
        if closes_quote(texts[k], profile, opener) and not texts[k + 1].strip()[:1].islower():
            return [Block(BlockKind.TEXT, block.lines[: k + 1], texts[: k + 1]),
                    Block(BlockKind.TEXT, block.lines[k + 1 :], texts[k + 1 :])]
    return [block]


_SENTENCE_INSIDE = lazy(r"\p{Ll}[.!?]\s+\p{Lu}")


def split_before_quote(block: Block, profile: Profile) -> list[Block]:
    """A quotation that a few caption lines run into: the extractor gave no break
    between a caption (or a caption printed again) and the quotation under it, and
    perhaps none between the paragraph or item above and the captions.

    Split where a line opens a quotation that the block's last line closes, when the
    lines just before it are caption-like on their own and the block either starts
    with them or has a finished sentence before them: [paragraph] [captions] [quote].
    A lead-in that ends with a colon or a comma ("The mayor said:") is prose
    introducing the quote, and stays.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3)], ["Reading club", "‘We learn", "together.’"])
    >>> [piece.texts for piece in split_before_quote(b, p)]
    [['Reading club'], ['‘We learn', 'together.’']]
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3, 4)],
    ...           ["A club for", "parents.", "Reading club", "‘We learn.’"], ItemData("1."))
    >>> [(piece.texts, piece.data) for piece in split_before_quote(b, p)]
    [(['A club for', 'parents.'], ItemData(marker='1.')), (['Reading club'], None), (['‘We learn.’'], None)]
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2)], ["As the mayor said,", "‘We learn.’"])
    >>> [piece.texts for piece in split_before_quote(b, p)]
    [['As the mayor said,', '‘We learn.’']]
    """
    texts = block.texts
    if len(texts) < 2 or not closes_quote(texts[-1], profile):
        return [block]
    # A caption that opens by quoting a name ("'Learn with us' programme") opens no quotation.
    k = next((k for k in range(1, len(texts))
              if profile.quote_start.match(texts[k]) and not quotes_a_name(texts[k], profile, words_after=1)), None)
    if k is None:
        return [block]
    j = k
    while j > 0 and k - j < _caption_run_max_lines(profile):
        before = texts[j - 1].rstrip()
        if not is_caption_like([before], profile) or _SENTENCE_INSIDE.search(before):
            break  # a sentence, or a lead-in to the quote: prose
        j -= 1
    if j == k:
        return [block]
    if j == 0:
        if block.data is not None or (opens_quote(texts[0], profile) and not quotes_a_name(texts[0], profile, words_after=1)):
            return [block]
    elif not profile.finished_sentence.search(texts[j - 1]):
        return [block]
    pieces = [Block(block.kind, block.lines[:j], texts[:j], block.data)] if j > 0 else []
    return [*pieces, Block(BlockKind.TEXT, block.lines[j:k], texts[j:k]),
            Block(BlockKind.TEXT, block.lines[k:], texts[k:])]


def _type_text_blocks(blocks: list[Block], typography: Typography, profile: Profile) -> list[Block]:
    """Turn text blocks into quote, prose or caption blocks."""
    blocks = [piece for block in blocks
              for piece in (split_after_quote(block, profile) if block.kind is BlockKind.TEXT else [block])]
    blocks = [piece for block in blocks
              for piece in (split_before_quote(block, profile) if block.kind is BlockKind.TEXT else [block])]
    capitals_width = capitals_measure(blocks, profile)
    blocks = [piece for block in blocks for piece in (
        split_caption_run(block, profile, capitals_width) if block.kind is BlockKind.TEXT else [block])]
    blocks = [piece for block in blocks
              for piece in (split_caption_pair(block, profile) if block.kind is BlockKind.TEXT else [block])]
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind is not BlockKind.TEXT:
            out.append(block)
            i += 1
            continue
        if (
            block.data is None
            and opens_quote(block.texts[0], profile)
            and not quotes_a_name(block.text, profile)
            and (not is_caption_like(block.texts, profile) or _continued_by(blocks, i + 1))
        ):
            span = Block(BlockKind.QUOTE, list(block.lines), list(block.texts))
            opener = block.texts[0].lstrip()[:1]
            j = i + 1
            while (
                (not closes_quote(span.texts[-1], profile, opener) or _continued_by(blocks, j))
                and j < len(blocks)
                and blocks[j].kind in (BlockKind.TEXT, BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD)
                and blocks[j].data is None
            ):
                if blocks[j].kind is BlockKind.TEXT:
                    span.lines += blocks[j].lines
                    span.texts += blocks[j].texts
                else:
                    out.append(blocks[j])  # a page number inside a quote stays noise
                j += 1
            out.append(span)
            i = j
            continue
        if block.data is None and len(block.texts) == 1 and profile.item_marker_alone.match(block.texts[0]) \
                and not any(ch.isalnum() for ch in block.texts[0]):
            block.kind = BlockKind.LABEL  # a stray bullet that lost its item: no field's
        elif block.data is None and not _breaks_off_mid_word(blocks, i) and not _quoted_by_next(blocks, i, profile) \
                and not _goes_on_in_next_column(blocks, i, typography, profile) and (
                is_caption_like(block.texts, profile) or typography.says_caption(block.lines)
                or typography.says_label(block.lines, block.texts, profile)
                or _set_in_capitals(block.texts, profile)):
            block.kind = BlockKind.CAPTION
        else:
            block.kind = BlockKind.PROSE
        out.append(block)
        i += 1
    return out


_CAPITALS_MAX_LINES = 8


def _set_in_capitals(texts: Sequence[str], profile: Profile) -> bool:
    """A few lines in capitals throughout, with no sentence end: captions or labels set
    in capitals (a stack of them, perhaps), never prose; headings were taken before."""
    return (len(texts) <= _CAPITALS_MAX_LINES and in_capitals(" ".join(texts))
            and not profile.sentence_end.search(texts[-1]))


_BROKEN_WORD_END = lazy(r"\p{Ll}-$")


def _quoted_by_next(blocks: list[Block], i: int, profile: Profile) -> bool:
    """Block i, of two lines or more, ends a sentence right before an attribution: the
    speaker's words printed without quotation marks (small italics in a margin, say),
    never a caption, however it is set."""
    j = _past_page_furniture(blocks, i + 1)
    return (j < len(blocks) and blocks[j].kind is BlockKind.ATTRIBUTION and len(blocks[i].lines) >= 2
            and bool(profile.finished_sentence.search(blocks[i].texts[-1])))


def _past_page_furniture(blocks: list[Block], j: int) -> int:
    """The first block from j that is no page number or running head (the page's
    furniture, which may fall between two pieces of one text)."""
    while j < len(blocks) and blocks[j].kind in (BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD):
        j += 1
    return j


def _breaks_off_mid_word(blocks: list[Block], i: int) -> bool:
    """Block i ends on a word broken at the line end ("... workshops and ac-") and
    the next text block goes on in lowercase ("tivities aimed at ..."): a piece of a
    paragraph an extractor gave as a box of its own, never a caption (no caption
    stops in the middle of a word)."""
    return bool(_BROKEN_WORD_END.search(blocks[i].texts[-1].rstrip())) and _continued_by(blocks, i + 1)


def _goes_on_in_next_column(blocks: list[Block], i: int, typography: Typography, profile: Profile) -> bool:
    """Block i (two lines or more, stopping on a word) is a paragraph a column break cut,
    never a caption: the next text block goes on in lowercase, in a PDF at the head of the
    next column ("... with online" | "services."), block i set in body type (a caption is
    set apart from it); in text, see `_cut_at_the_measure`."""
    block = blocks[i]
    if len(block.texts) < 2 or not _WORD_END.search(block.texts[-1]) or not _continued_by(blocks, i + 1):
        return False  # one line, or a symbol at the end, may be a label or a formula's piece
    if typography.body_size is None:
        return _cut_at_the_measure(blocks, i, profile)
    if any(ln.font_size is None or ln.italic or ln.font_size < 0.95 * typography.body_size for ln in block.lines):
        return False
    nxt = blocks[_past_page_furniture(blocks, i + 1)].first
    first, last = block.first, block.last
    if nxt.bbox is None or first.bbox is None or last.bbox is None or nxt.page != last.page:
        return False
    # Wholly above the block's first line (not a fragment of the same row, as a running
    # header's date beside its file name) and right of the block's middle.
    return nxt.bbox[3] <= first.bbox[1] and nxt.bbox[0] >= last.bbox[0] + 0.5 * (last.bbox[2] - last.bbox[0])


_SAME_MEASURE = 0.8
_WORD_END = lazy(r"[\p{L},]\s*$")  # a sentence cut between words stops on a word (or its comma)


def _cut_at_the_measure(blocks: list[Block], i: int, profile: Profile) -> bool:
    """In text, without the layout: block i wraps with its first line as long as the lines
    of the paragraph before it (set in the same column), which ends its sentence, so only
    block i can own the lowercase rest after it. A caption that cuts a sentence of the
    body in two follows a paragraph that has not ended (hard negative)."""
    before = blocks[i - 1] if i else None
    if before is None or before.kind not in (BlockKind.TEXT, BlockKind.PROSE):
        return False
    measure = max(len(t.strip()) for t in before.texts)
    return (bool(profile.paragraph_end.search(before.texts[-1]))
            and len(blocks[i].texts[0].strip()) >= _SAME_MEASURE * measure)


def _continued_by(blocks: list[Block], j: int) -> bool:
    """Does block j carry on the sentence before it (text opening in lowercase)?

    A closing mark followed by lowercase text was an apostrophe ("our teachers’"
    / "and families’ ideas"), not the end of a quotation.
    """
    j = _past_page_furniture(blocks, j)
    return j < len(blocks) and blocks[j].kind is BlockKind.TEXT and blocks[j].texts[0].strip()[:1].islower()
