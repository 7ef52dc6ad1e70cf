"""Sections -> field values: stats, intro, initiatives, quote, captions, front matter.

Builders return the value and record in the shared `FieldContext` the lines they
used (for coverage), the repairs made while joining lines, and the flags raised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import regex as re

from .blocks import (
    UNREADABLE,
    AttributionData,
    Block,
    BlockKind,
    ItemData,
    ListedData,
    StatData,
    is_caption_like,
    names_an_institution,
)
from .line import Line, LineSet, Repair, RepairedLines
from .markers import counted_from_one
from .models import (
    City,
    CityProvenance,
    Flag,
    FrontMatter,
    Initiative,
    ListedCity,
    PageBox,
    Provenance,
    Quote,
    Signatory,
    Stat,
    Stats,
    StatsProvenance,
)
from .patterns import lazy
from .profile import DEFAULT_PROFILE, Profile
from .row_reading import in_column_order, item_columns, read_row_by_row
from .sections import CitySection, is_list_label, may_be_intro, names_place, right_under
from .sources.paragraphs import JOINED_SHARE, next_word_fits


@dataclass
class FieldContext:
    """What field builders share: the repaired lines (and their glue), the genre's
    profile, the text mode, and what they collect.

    `used` is a `LineSet` (a byte per line number): a long booklet uses tens of
    thousands of lines, and a hash set of them was a megabyte at the peak of memory.
    """

    repaired: RepairedLines
    profile: Profile
    raw: bool = False
    dot_thousands: bool = False  # the booklet groups thousands with dots (see `groups_thousands_with_dots`)
    item_columns: int | None = None  # columns of items shown by text input's widths (see `row_reading`)
    line_numbers: LineSet = field(default_factory=LineSet)  # every line's number (where `item_columns` is set)
    used: LineSet = field(default_factory=LineSet)
    repairs: list[Repair] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def text_of(self, lines: Sequence[Line], texts: Sequence[str]) -> str:
        """Join lines into one clean text (or the printed text with `raw`). A clean text
        has one space between words: the runs of spaces a justified line's stretched gaps
        left in some extractors' text (pdfminer's) say nothing of the words."""
        source = [line.stripped for line in lines] if self.raw else list(texts)
        text, repairs = self.repaired.join(lines, source, raw=self.raw)
        self.repairs += repairs
        self.used.update(line.number for line in lines)
        return text if self.raw else _SPACES.sub(" ", text)


def provenance(lines: Sequence[Line]) -> Provenance:
    """Line numbers (each once: a Markdown row parted into lines gives them all its
    number), pages and one union box per page."""
    boxes: dict[int, list[float]] = {}
    for line in lines:
        if line.page is None or line.bbox is None:
            continue
        x0, top, x1, bottom = line.bbox
        box = boxes.get(line.page)
        if box is None:
            boxes[line.page] = [x0, top, x1, bottom]
        else:
            boxes[line.page] = [min(box[0], x0), min(box[1], top), max(box[2], x1), max(box[3], bottom)]
    pages = sorted({line.page for line in lines if line.page is not None})
    return Provenance(
        lines=list(dict.fromkeys(line.number for line in lines)),
        pages=pages,
        boxes=[PageBox(page=p, bbox=[round(v, 2) for v in b]) for p, b in sorted(boxes.items())],
    )


# --- stats ---------------------------------------------------------------------------


_DECIMAL_COMMA = lazy(r"\d+,\d{1,2}")
_SPACES = lazy(r" {2,}")
_ONE_DOT_GROUP = lazy(r"\d{1,3}\.\d{3}")
_SPACE_GROUPED = lazy(r"[^\u2009 ]+|\d{1,3}(?:[\u2009 ]\d{3})+(?:[.,]\d+)?")
"""A number with no spaces in it, or thousands grouped by spaces: three digits to a group."""
_FIGURE_DIGITS = lazy(r"\d[\d,.\u2009 ]*\d|\d")


def groups_thousands_with_dots(figures: Iterable[str], profile: Profile) -> bool:
    """Does the booklet write numbers the continental way, as a booklet keeps one
    style: a decimal comma ("380,2 km2") or thousands grouped by two dots or more
    ("2.448.723") in any of its figures?

    >>> from .profile import DEFAULT_PROFILE as p
    >>> groups_thousands_with_dots(["Area: 380,2 km2", "74.737"], p), groups_thousands_with_dots(["380.2 km2"], p)
    (True, False)
    """
    return any(_DECIMAL_COMMA.fullmatch(digits) or profile.dot_thousands.fullmatch(digits)
               for figure in figures for digits in _digit_runs(figure))


def _digit_runs(figure: str) -> list[str]:
    """The numbers of a figure as `parse_figure` reads them, thin spaces and spaces out."""
    return [re.sub(r"[\u2009 ]", "", m.group()) for m in _FIGURE_DIGITS.finditer(figure)]


def parse_figure(figure: str, profile: Profile, whole: bool = False, counted: bool = False) -> int | float | None:
    """The number in a printed figure, or None when it is malformed.

    `whole`: the figure counts people or money (a population, a GDP), which is never
    printed with three decimals, or the booklet groups its thousands with dots: then
    one dot before three digits ("74.737", "US$56.394") groups thousands. An area
    ("74.737 km2") in a booklet that does not may be a decimal.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> parse_figure("1,2345,678", p), parse_figure("US$7,250", p), parse_figure("215.5 km2", p)
    (None, 7250, 215.5)
    >>> parse_figure("1.2 million", p), parse_figure("495 km²", p), parse_figure("US$ 3.5bn", p)
    (1200000, 495, 3500000000)
    >>> parse_figure("2.448.723", p), parse_figure("74.737", p), parse_figure("74.737", p, whole=True)
    (2448723, 74.737, 74737)
    >>> parse_figure("1.234 million", p, whole=True), parse_figure("74.5", p, whole=True)
    (1234000, 74.5)

    Thousands grouped by spaces are groups of three, as commas' are:

    >>> parse_figure("2 448 723", p), parse_figure("2\u2009448\u2009723", p), parse_figure("2 4486 723", p)
    (2448723, 2448723, None)

    A comma before one or two digits can only be a decimal comma ("380,2 km2"):

    >>> parse_figure("380,2 km2", p), parse_figure("1,25 million", p), parse_figure("6,800 km2", p)
    (380.2, 1250000, 6800)

    `counted`: the figure counts people or money, which are whole: a decimal comma
    with no scale after it was cut short or misprinted ("US$41,0"), not guessed:

    >>> parse_figure("US$41,0", p, counted=True), parse_figure("1,25 million", p, counted=True)
    (None, 1250000)
    """
    match = re.search(r"(\d[\d,.\u2009 ]*\d|\d)\s*(?:(" + "|".join(profile.scales) + r")(?!\p{L}))?", figure)
    if not match:
        return None
    digits = re.sub(r"[\u2009 ]", "", match.group(1))
    decimal_comma = _DECIMAL_COMMA.fullmatch(digits)
    if not (profile.well_formed_number.match(digits) or decimal_comma) or not _SPACE_GROUPED.fullmatch(match.group(1)):
        return None
    scale = profile.scales.get((match.group(2) or "").lower())
    if decimal_comma and counted and not scale:
        return None
    one_dot_thousands = whole and not scale and _ONE_DOT_GROUP.fullmatch(digits)
    number = (digits.replace(".", "").replace(",", ".") if profile.dot_thousands.match(digits) or one_dot_thousands
              or decimal_comma else digits.replace(",", ""))
    if scale:
        value = float(number) * scale
        return int(value) if value.is_integer() else value
    return float(number) if "." in number else int(number)


_WHOLE_STATS = frozenset({"population", "gdp_usd"})  # counts of people and of money


def parse_stat(block: Block, data: StatData, city: int, ctx: FieldContext) -> Stat:
    key = data.key
    text = data.entry if not ctx.raw else " ".join(line.stripped for line in block.lines)
    match = ctx.profile.stat_line[key].match(data.entry)
    ctx.used.update(line.number for line in block.lines)
    if not match:
        raw = text.split(":", 1)[-1].strip()
        if ctx.profile.stat_not_available.match(raw):  # printed as missing: nothing malformed
            ctx.flags.append(flag_at("missing_field", f"{key}: printed as not available ('{raw}')", block.first,
                                   printed=text.strip(), city=city))
        else:
            ctx.flags.append(flag_at("malformed_number", f"{key}: no figure could be read", block.first,
                                   printed=text.strip(), city=city))
        return Stat(raw=raw, value=None, year=None)
    raw = match.group("figure").strip()
    printed_year = match.group("year") or match.group("label_year")
    year = int(printed_year) if printed_year else None
    if key == "gdp_usd" and (currency := ctx.profile.other_currency.search(raw)):
        ctx.flags.append(flag_at("other_currency", f"{key}: printed in {currency.group()} ('{raw}'), not in US "
                                 "dollars: no value given (never converted)", block.first, printed=raw, city=city))
        return Stat(raw=raw, value=None, year=year)
    value = parse_figure(raw, ctx.profile, whole=key in _WHOLE_STATS or ctx.dot_thousands,
                         counted=key in _WHOLE_STATS)
    if value is None:
        ctx.flags.append(flag_at("malformed_number", f"{key}: '{raw}' is not a well-formed number",
                               block.first, printed=raw, city=city))
    return Stat(raw=raw, value=value, year=year)


# --- initiatives -----------------------------------------------------------------------

def item_text(block: Block) -> tuple[list[Line], list[str]]:
    """An item's lines and texts without its printed marker ("1.", "(2)", "•").

    A marker set apart on its own line (a hanging number) leaves no text behind.
    """
    if not isinstance(block.data, ItemData):
        return list(block.lines), list(block.texts)
    first = block.texts[0].strip()
    rest = first[len(block.data.marker):].strip() if first.startswith(block.data.marker) else first
    if not rest:
        return list(block.lines[1:]), list(block.texts[1:])
    return list(block.lines), [rest, *block.texts[1:]]




def _item_goes_on_in_next_column(item: Block, block: Block) -> bool:
    """In a PDF, an unmarked block heading the next column after a marked item that has
    not ended ("(3) 'Zenda, How Are We" / "Doing?', a ..."), or after any item where it
    opens with a figure ("... enrolled since" / "2017."): the item's rest. A marked list's
    next item would carry its marker, and an item that has not ended goes on. Same page
    only: what opens the next page may be anything."""
    return (isinstance(item.data, ItemData) or block.texts[0].strip()[:1].isdigit()) and _heads_next_column(item, block)


def _heads_next_column(item: Block, block: Block) -> bool:
    """In a PDF, the block opens the next column of the item's page: it starts higher
    than the item's last line and right of it."""
    first, last = block.first, item.last
    if first.bbox is None or last.bbox is None:
        return False
    return first.printed_page == last.printed_page and first.bbox[1] < last.bbox[1] and first.bbox[0] > last.bbox[2]


def _unmarked_cut_at_column_foot(item: Block, block: Block, blocks: list[Block], profile: Profile) -> bool:
    """In a PDF, an unmarked paragraph that has not ended at the foot of a column, where
    every other paragraph of the list ends a sentence and so does the block heading the
    next column ("... the Vesk" | "National Park."): the list's items end on a
    full stop, so the one that does not was cut there. A list of titles without full
    stops shows no such habit, nor does a list of two."""
    others = [b for b in blocks if b is not item and b is not block]
    return (item.data is None and bool(others) and _heads_next_column(item, block)
            and bool(profile.block_end.search(block.texts[-1]))
            and all(profile.block_end.search(b.texts[-1]) for b in others))


def _marked_item_cut(item: Block, block: Block, blocks: list[Block], profile: Profile) -> bool:
    """A marked item that has not ended, before an unmarked paragraph that ends a
    sentence, where every other item of the list is marked and ends one ("(1) The
    Harbour" / "Reading Rooms, which ... town."): the item was cut where a short
    line looked like a paragraph's end, its rest is no item of a marked list. Another
    item cut the same way (its rest after it) does not break the habit, where one at
    least ends whole (an extractor that boxes each hanging number's first line apart).
    A list of titles without full stops shows no such habit."""
    def ends(b: Block) -> bool:
        return bool(profile.block_end.search(b.texts[-1]))

    def cut_alike(k: int) -> bool:
        return k + 1 < len(blocks) and blocks[k + 1].data is None and ends(blocks[k + 1])

    others = [k for k, b in enumerate(blocks) if b is not item and b is not block and isinstance(b.data, ItemData)]
    return (isinstance(item.data, ItemData) and any(ends(blocks[k]) for k in others) and ends(block)
            and all(ends(blocks[k]) or cut_alike(k) for k in others))


def _merge_continued(blocks: list[Block], profile: Profile = DEFAULT_PROFILE) -> list[Block]:
    """Re-join a paragraph cut by a column or page break: no full stop (a comma is
    none), and the next block goes on in lowercase, or the cut fell after a word no
    sentence ends with ("... entrepreneurship in" / "Strelsau. The ..."), or a marked
    item's rest heads the next column, or an unmarked one's in a list whose paragraphs
    all end sentences, or a marked item's in a marked list whose items all end them."""
    merged: list[Block] = []
    for block in blocks:
        if (merged and not profile.block_end.search(merged[-1].texts[-1]) and block.data is None
                and (block.texts[0].strip()[:1].islower() or profile.language.stops_on_run_on_word(merged[-1].texts[-1])
                     or _item_goes_on_in_next_column(merged[-1], block)
                     or _unmarked_cut_at_column_foot(merged[-1], block, blocks, profile)
                     or _marked_item_cut(merged[-1], block, blocks, profile))):
            merged[-1] = Block(BlockKind.PROSE, merged[-1].lines + block.lines, merged[-1].texts + block.texts,
                               merged[-1].data)
        else:
            merged.append(block)
    return merged


def _item_blocks(section: CitySection, profile: Profile) -> list[Block]:
    """The section's prose blocks that will be its items (see `build_city`): not a list's
    label ("Key initiatives:"), a line of a few words that only leads into the items."""
    return [b for b in section.body if b.kind is BlockKind.PROSE and not is_list_label(b, profile)]


_USUAL_SHARE = 0.3
"""Share of the cities that must have a count of items for it to be the booklet's usual one."""


def intro_from_usual_count(sections: list[CitySection], profile: Profile) -> None:
    """Give a city without an intro the first of its items when it has one item more than
    the booklet's cities with an intro have (the count at least two of them share, and
    30% of them), or more and that first item is the longest by a third
    (`_LEAD_LONGER_SAME_COUNT`), and that first item is a plain paragraph ending a sentence with its
    attribution not next: every city of the genre has an intro, and one that ends on a
    full stop over unmarked items set as wide as it shows no other sign (a single column
    of items, or columns the intro flows into). A city whose items all carry markers
    never gets here (`sections` reads those)."""
    usual = _usual_count_with_intro(sections, profile)
    if usual is None:
        return
    for section in sections:
        if section.intro is not None:
            continue
        items = _item_blocks(section, profile)
        merged = _merge_continued(items, profile)
        count = len(merged)
        # More paragraphs still (a city with more items): its first is the intro when it is
        # the longest by a third, as the intros of cities of one count are.
        if count != usual + 1 and not (
                count > usual + 1 and _leading_paragraph(section, profile, _LEAD_LONGER_SAME_COUNT) is not None):
            continue
        # The first paragraph, perhaps cut by a page or column break ("... it has" / the
        # page's edge / "made the whole town ..."): its pieces make the intro.
        parts: list[Block] = []
        used = 0
        while used < len(merged[0].lines):
            parts.append(items[len(parts)])
            used += len(parts[-1].lines)
        if parts[0].data is None and may_be_intro(section.body, parts[-1], profile):
            section.intro = merged[0] if len(parts) > 1 else parts[0]
            section.body = [b for b in section.body if all(b is not part for part in parts)]


def _item_count(section: CitySection, profile: Profile) -> int:
    """How many items the city's paragraphs make as read so far (a paragraph a column or
    page break cut counts once)."""
    return len(_merge_continued(_item_blocks(section, profile), profile))


def _usual_count_with_intro(sections: list[CitySection], profile: Profile) -> int | None:
    """The number of items of the booklet's cities with an intro: the count several of them
    share (two at least, and `_USUAL_SHARE` of them). Where they share none (few cities show
    an intro; items run together lower some counts), the count of one of them that as many
    cities without an intro show one paragraph more of, opening with a possible intro."""
    with_intro = [_item_count(s, profile) for s in sections if s.intro is not None]
    shared = [count for count, seen in Counter(with_intro).items()
              if seen >= max(2, _USUAL_SHARE * len(with_intro))]
    if len(shared) == 1:
        return shared[0]
    if shared:
        return None
    without = [s for s in sections if s.intro is None]
    one_more = Counter(_item_count(s, profile) - 1 for s in without
                       if (blocks := _item_blocks(s, profile)) and may_be_intro(s.body, blocks[0], profile))
    backed = [count for count in set(with_intro) if one_more[count] >= max(2, _USUAL_SHARE * len(without))]
    return backed[0] if len(backed) == 1 else None


_LEAD_LONGER = 2.0
"""How many times longer than each item after it a city's first paragraph is, when the
booklet's cities show it as their intro by that alone (`intro_from_leading_length`)."""
_LEAD_LONGER_SAME_COUNT = 1.3
"""The same, when the cities print as many paragraphs each: their count already speaks."""
_LEAD_SHARE = 0.6
"""Share of the cities without an intro that must show such a paragraph."""
_LEAD_SHARE_ANY_COUNT = 2 / 3
"""The same, for a paragraph the longest by a third, where the cities print different
numbers of paragraphs: a habit only when most show it."""
_LEAD_CITIES = 3
"""Fewest cities that show a habit by length alone."""


def _leading_paragraph(section: CitySection, profile: Profile, longer: float = _LEAD_LONGER) -> Block | None:
    """The city's first unmarked paragraph when it may be an intro by its look
    (`sections.may_be_intro`) and is at least `longer` times as long as each of the
    two or more paragraphs after it. Not a paragraph a column or page break cut (its
    pieces run on): its length says nothing then."""
    blocks = _item_blocks(section, profile)
    items = _merge_continued(blocks, profile)
    if len(items) < 3 or any(b.data is not None for b in items) or len(items[0].lines) != len(blocks[0].lines):
        return None
    first = blocks[0]
    if not may_be_intro(section.body, first, profile):
        return None
    longest = max(len(piece) for b in items[1:] for piece in _pieces(b, profile))
    return first if len(" ".join(first.texts)) >= longer * longest else None


def _pieces(block: Block, profile: Profile) -> list[str]:
    """The block's text, cut where a line ends a sentence and the next opens an item when
    it comes from text without geometry: there an extractor that gives no blank lines
    runs unmarked items together (`split_to_usual_count` cuts them later), so each piece
    may be an item of its own. A PDF's spacing already parted them: its block is whole.

    >>> b = Block(BlockKind.PROSE, [Line("One item.", 1), Line("Another item.", 2)], ["One item.", "Another item."])
    >>> _pieces(b, DEFAULT_PROFILE)
    ['One item.', 'Another item.']
    """
    if block.first.bbox is not None:
        return [" ".join(block.texts)]
    cuts = [0, *_item_ends(block, profile), len(block.texts)]
    return [" ".join(block.texts[a:b]) for a, b in pairwise(cuts)]


def _item_ends(block: Block, profile: Profile) -> list[int]:
    """Where unmarked items run together in `block` may be cut: the lines after a line that
    ends a sentence, when they open as an item does."""
    return [k for k in range(1, len(block.texts))
            if profile.finished_sentence.search(block.texts[k - 1]) and profile.item_start.match(block.texts[k])]


def intro_from_leading_length(sections: list[CitySection], profile: Profile) -> None:
    """Give the cities without an intro their first paragraph when the booklet shows it
    as its intros by length: unmarked items as wide as an intro that ends on a full stop,
    and no city with an intro to count items by (`intro_from_usual_count`), leave only
    this sign: in most of those cities (`_LEAD_SHARE`, two at least) the first paragraph
    is twice as long as any item after it; or, where those cities all print the same
    number of paragraphs (a booklet's cities have as many items), the longest by a third,
    and then also in the cities of another count where it is the longest by as much; or,
    where the cities print many counts, longest by a third in two cities of three (three
    at least).
    One city alone with a long first item is not the booklet's habit and keeps it (hard
    negative)."""
    without = [s for s in sections if s.intro is None]
    enough = max(2, _LEAD_SHARE * len(without))
    leads = [(s, lead) for s in without if (lead := _leading_paragraph(s, profile)) is not None]
    if len(leads) < enough:
        counts = {id(s): _item_count(s, profile) for s in without}
        usual, seen = Counter(counts.values()).most_common(1)[0] if counts else (0, 0)
        leads = [(s, lead) for s in without
                 if (lead := _leading_paragraph(s, profile, _LEAD_LONGER_SAME_COUNT)) is not None]
        # The cities of the usual count show the habit; then (every city of the genre has an
        # intro) a city of another count whose first paragraph is as much longer keeps it too.
        # Cities of many counts (three to five items) show it by their number alone.
        by_count = seen >= enough and sum(counts[id(s)] == usual for s, _ in leads) >= enough
        if not by_count:
            # Not in text whose first paragraph may hold the first item run into it (a
            # line ending a sentence over one opening as an item): it is long for that.
            whole = [(s, lead) for s, lead in leads if lead.first.bbox is not None or not _item_ends(lead, profile)]
            if len(whole) < max(_LEAD_CITIES, _LEAD_SHARE_ANY_COUNT * len(without)):
                return
            leads = whole
    for section, lead in leads:
        section.intro = lead
        section.body = [b for b in section.body if b is not lead]


_NAMING_SHARE = 2 / 3
"""Share of the cities (`_LEAD_CITIES` at least) whose intro, or first paragraph, names
the city in its first sentence, for the booklet to show its intros so."""
_NAMING_OTHERS = 0.5
"""How often, at most, against the first paragraphs, the other paragraphs do the same."""
_SENTENCE_END = lazy(r"[.!?][’”'\")]?\s+(?=[‘“'\"]?\p{Lu})")


def intro_naming_its_city(sections: list[CitySection], profile: Profile) -> None:
    """Give the cities without an intro their first paragraph when the booklet shows its
    intros by naming their city: the genre's intro says first where the city is and what
    it is ("Zenda, a port on the lake, ..."), which an item seldom does. Where most of the
    cities (`_NAMING_SHARE`, three at least) name their city in the first sentence of
    their intro, or, without one yet, of their first plain paragraph, and the items'
    paragraphs (or the pieces of one that items ran together in) do so at most half as
    often, each such first paragraph that names its city is the intro. Unmarked items as
    wide as the intro, and as many as each other, leave no sign of length or count
    (`intro_from_leading_length`). A city with marked items counts too: one marked
    paragraph (items an extractor ran together) is too few for `sections` to take the
    paragraph over it as the intro, and a marked first paragraph is no plain one; where
    the first is marked, the city's one plain paragraph among its marked items is the
    one asked (`_plain_among_marked`: an intro read after some items)."""
    candidates: list[tuple[CitySection, Block]] = []
    named = seen = 0
    others: list[bool] = []
    for section in sections:
        blocks = _item_blocks(section, profile)
        if section.intro is not None:
            seen += 1
            named += _names_in_first_sentence(" ".join(section.intro.texts), section.city)
        elif len(blocks) >= 2:
            seen += 1
            among = _plain_among_marked(blocks)
            first = among or blocks[0]
            blocks = [b for b in blocks if b is not first]
            if may_be_intro(section.body, first, profile) and _names_in_first_sentence(" ".join(first.texts), section.city):
                named += 1
                # Not a paragraph of text that may hold the first item run into it: the
                # items' split (`split_to_usual_count`) parts those (marked items are apart).
                if among is not None or first.first.bbox is not None or not _item_ends(first, profile):
                    candidates.append((section, first))
        others += [_names_in_first_sentence(piece, section.city) for b in blocks for piece in _pieces(b, profile)]
    share = named / max(1, seen)
    if not candidates or named < _LEAD_CITIES or share < _NAMING_SHARE \
            or sum(others) > _NAMING_OTHERS * share * len(others):
        return
    for section, first in candidates:
        section.intro = first
        section.body = [b for b in section.body if b is not first]


def _plain_among_marked(blocks: list[Block]) -> Block | None:
    """The one plain paragraph among a city's items that all else carry markers (two at
    least), where the first is marked: an extractor that read the page's columns out of
    order gave the intro after some of the items ("1) ..." / "2) ..." / the intro /
    "3) ..."). An item's rest given apart goes on in lowercase and is none. None where
    there is no such one paragraph."""
    plain = [b for b in blocks if not isinstance(b.data, ItemData) and b.texts[0].strip()[:1].isupper()]
    marked = sum(isinstance(b.data, ItemData) for b in blocks)
    return plain[0] if len(plain) == 1 and marked >= 2 and isinstance(blocks[0].data, ItemData) else None


def _names_in_first_sentence(text: str, city: str) -> bool:
    """Does the first sentence of `text` name `city`?"""
    return names_place(_SENTENCE_END.split(text, maxsplit=1)[0], city)


def _items_before_closing(section: CitySection, profile: Profile) -> list[Block]:
    """The city's paragraphs that will be its items (`_item_blocks`), less the quote
    printed without marks that `build_city` takes from them (the paragraph before the
    attribution, where the city has no marked quote): it is no item to count."""
    items = _item_blocks(section, profile)
    attribution = next((b for b in section.blocks if b.kind is BlockKind.ATTRIBUTION), None)
    if attribution is None or any(b.kind is BlockKind.QUOTE for b in section.blocks):
        return items
    rest = list(items)
    return rest if _unmarked_quote(rest, attribution, profile) is not None else items


def split_to_usual_count(sections: list[CitySection], profile: Profile) -> None:
    """Split unmarked items run together in text without blank lines, when the booklet
    says how many a city has.

    An extractor that gives no blank lines runs two unnumbered items together when the
    first one's last line is full: nothing in the lines tells the end. The booklet's
    own regularity does: when several cities have the same number of items and a city
    has fewer, and its unmarked items hold exactly the missing number of places where
    a line ends a sentence and the next opens with a capital, those places are the
    items' ends. Where it holds more (a city with more items than usual, or an item of
    two sentences), only the places where the line had room left for the next line's
    first word are ends, and only when they are missing places enough. Any other count
    is left as printed (a city may have fewer items). A city one item short whose items
    hold no such place may have its first item run into its intro: the intro's last line,
    a whole sentence, is then that item (`_item_run_into_intro`).
    Only for text without geometry: a PDF's own spacing marks its paragraphs.
    """
    if len(sections) < 3:
        return
    blocks = [_items_before_closing(s, profile) for s in sections]
    counts = [len(_merge_continued(items, profile)) for items in blocks]
    plain = [not any(b.data is not None or b.first.bbox is not None for b in items) for items in blocks]
    # A city whose items are all one full line each wraps none: the booklet's measure then,
    # its items' or, where none wraps, its intros' and other paragraphs' (one column).
    booklet = _wrapped_measure([t for items, ok in zip(blocks, plain) if ok for b in items for t in b.texts], profile) \
        or _wrapped_measure([t for s, ok in zip(sections, plain) if ok
                             for b in ([s.intro] if s.intro else []) + s.body if b.kind is BlockKind.PROSE
                             for t in b.texts], profile)
    measures = [_wrapped_measure([t for b in items for t in b.texts], profile) or booklet for items in blocks]
    # Items run together only ever lower a city's count, so the booklet's count is the
    # highest one that several cities share, not the most frequent. Where most cities
    # lost an item so, the count they would have where a line had room for the next
    # line's first word says it; then only such places are cut.
    usual = _highest_shared(counts)
    possible = _highest_shared([count + len(_roomy(_places(items, profile), measure)) if ok else count
                                for count, items, ok, measure in zip(counts, blocks, plain, measures)])
    roomy_only = possible is not None and (usual is None or possible > usual)
    usual = possible if roomy_only else usual
    # Where every city would have the same number of items, no lower than any shared count,
    # if each line that ends a sentence before a capital ended an item, that number is
    # the booklet's (every city lost items so; an item of two sentences breaks the tie),
    # and each such line ends one, had it room for the next word or not.
    totals = {count + len(_places(items, profile)) for count, items, ok in zip(counts, blocks, plain, strict=True)
              if ok}
    if sum(plain) >= 3 and len(totals) == 1 and (usual is None or max(totals) >= usual):
        usual, roomy_only = max(totals), False
    if usual is None:
        return
    for section, count, items, ok, measure in zip(sections, counts, blocks, plain, measures):
        if count >= usual or not ok:
            continue
        # A city without an intro holds one paragraph more: its intro, run into its items
        # (`intro_from_usual_count` then finds it).
        missing = usual - count + (section.intro is None)
        places = _places(items, profile)
        if (roomy_only and len(places) != missing) or len(places) > missing:  # more items, or an item of two sentences
            places = _roomy(places, measure)
        if len(places) + 1 == missing and _item_run_into_intro(section, items, profile):
            continue
        if len(places) < usual - count:
            continue
        for block in items:
            cuts = [0, *(k for b, k in places if b is block), len(block.texts)]
            if len(cuts) > 2:
                at = next(n for n, b in enumerate(section.body) if b is block)
                section.body[at : at + 1] = [Block(BlockKind.PROSE, block.lines[a:b], block.texts[a:b])
                                             for a, b in pairwise(cuts)]


def _item_run_into_intro(section: CitySection, items: list[Block], profile: Profile) -> bool:
    """In place: where the city's items hold no place to cut and its intro's last line is
    a whole sentence opening as an item does (the line before it ending one), that line
    is the city's first item, run into the intro (the intro has no lead-in colon, and
    the extractor gave no blank line under it). True if it was moved to the items."""
    intro = section.intro
    if intro is None or _places(items, profile) or intro.first.bbox is not None or len(intro.texts) < 2 \
            or isinstance(intro.data, ItemData):
        return False
    last = len(intro.texts) - 1
    if last not in _item_ends(intro, profile) or not profile.item_end.search(intro.texts[last]):
        return False
    at = next((n for n, b in enumerate(section.body) if b is items[0]), 0) if items else 0
    section.intro = Block(intro.kind, intro.lines[:last], intro.texts[:last])
    section.body.insert(at, Block(BlockKind.PROSE, intro.lines[last:], intro.texts[last:]))
    return True


def _highest_shared(counts: Sequence[int]) -> int | None:
    """The highest count that several cities share (two, and `_USUAL_SHARE` of them)."""
    shared = [count for count, seen in Counter(counts).items() if seen >= max(2, _USUAL_SHARE * len(counts))]
    return max(shared, default=None)


def _places(items: Sequence[Block], profile: Profile) -> list[tuple[Block, int]]:
    """Where a line of the items ends a sentence and the next opens as an item does."""
    return [(block, k) for block in items for k in _item_ends(block, profile)]


def _roomy(places: list[tuple[Block, int]], measure: int) -> list[tuple[Block, int]]:
    """The places where the line had room for the next line's first word: the
    typesetter ended the item there."""
    return [(block, k) for block, k in places if next_word_fits(block.texts[k - 1], block.texts[k], measure, share=1.0)]


def _wrapped_measure(texts: Sequence[str], profile: Profile) -> int:
    """The width, in characters, up to which a column's lines are filled: the longest line
    that wraps (ends no sentence), leaving out lines far longer than most, which an
    extractor made by joining a hyphenated line with the next. 0 (nothing fits) when
    fewer than three lines wrap."""
    wrapped = sorted(len(t.strip()) for t in texts if not profile.finished_sentence.search(t))
    if len(wrapped) < 3:
        return 0
    usual = wrapped[len(wrapped) // 2]
    return max(n for n in wrapped if n <= JOINED_SHARE * usual)


def in_printed_order(items: list[Block]) -> list[Block]:
    """Items in the order of their printed markers when they count 1..N (numbers, small
    roman numerals or letters), whatever order the text came in (an extractor may read a
    grid of items row by row, or flowed columns out of order).

    >>> from .line import Line
    >>> def blocks(*ms): return [Block(BlockKind.PROSE, [Line(m, 1)], [m], ItemData(m)) for m in ms]
    >>> [b.texts[0] for b in in_printed_order(blocks("1.", "3.", "2."))]
    ['1.', '2.', '3.']
    >>> [b.texts[0] for b in in_printed_order(blocks("i.", "iii.", "ii."))]
    ['i.', 'ii.', 'iii.']
    >>> [b.texts[0] for b in in_printed_order(blocks("(a)", "(c)", "(b)"))]
    ['(a)', '(b)', '(c)']
    >>> [b.texts[0] for b in in_printed_order(blocks("•", "•"))]
    ['•', '•']
    """
    if len(items) < 2:
        return items
    markers = [block.data.marker if isinstance(block.data, ItemData) else "" for block in items]
    numbers = counted_from_one(markers)
    if numbers is None:
        return items
    return [block for _, block in sorted(zip(numbers, items), key=lambda pair: pair[0])]


def _items_in_order(section: CitySection, items: list[Block], ctx: FieldContext) -> list[Block]:
    """The items in their printed order: by their numbers where they count 1..N, else
    where the text shows columns read row by row, in column order (one `reading_order`
    flag)."""
    markers = [block.data.marker if isinstance(block.data, ItemData) else "" for block in items]
    if counted_from_one(markers) is None \
            and (columns := read_row_by_row(section.intro, items, ctx.line_numbers, ctx.item_columns, ctx.profile)) \
            and (ordered := in_column_order(items, columns)) is not None:
        moved = next((block for block, before in zip(ordered, items) if block is not before), None)
        if moved is not None:
            ctx.flags.append(flag_at(
                "reading_order", f"items in {columns} columns read row by row: put back in column order",
                moved.first, printed=moved.first.stripped, city=section.number))
        return ordered
    return in_printed_order(items)


def item_columns_of(sections: list[CitySection], profile: Profile) -> int | None:
    """How many columns the booklet's items are set in, where text input shows it
    (`row_reading.item_columns`)."""
    return item_columns([s.intro for s in sections if s.intro is not None],
                        [block for s in sections for block in _item_blocks(s, profile)])


def initiative_name(text: str, profile: Profile) -> str | None:
    """The programme's name when the text opens by naming it.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> initiative_name("The ‘Learn Together’ programme, an open course", p)
    'Learn Together'
    >>> initiative_name("The Floating Library Project, where residents learn", p)
    'Floating Library Project'
    >>> initiative_name("Opened a new adult school", p) is None
    True
    """
    quoted = re.match(r"^(?:\p{L}+\s+){0,3}[‘“'\"](?P<name>[^’”'\"]{3,60})[’”'\"]", text)
    if quoted:
        return str(quoted.group("name")).strip()
    lead = profile.name_lead.match(text)
    if not lead:
        return None
    words = re.split(r"\s+", text[lead.end():])
    name: list[str] = []
    for word in words:
        bare = word.rstrip(",.;:")
        if bare and (bare[0].isupper() or bare[0].isdigit()) or bare.lower() in profile.name_small_words and name:
            name.append(bare)
        else:
            break
        if bare != word:
            break
    while name and name[-1].lower() in profile.name_small_words:
        name.pop()
    capitalised = [w for w in name if w[0].isupper()]
    return " ".join(name) if len(capitalised) >= 2 else None


# --- quote ----------------------------------------------------------------------------


def strip_outer_quotes(text: str, profile: Profile) -> str:
    """Remove the quote's own opening and closing marks, keep inner ones.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> strip_outer_quotes("‘From “ABC to PhD” we learn.’", p)
    'From “ABC to PhD” we learn.'
    """
    text = text.strip()
    if text[:1] in profile.open_quotes:
        text = text[1:]
    match = re.search(r"[" + re.escape(profile.close_quotes) + r"]([.,]?)\s*$", text)
    if match:
        text = text[: match.start()] + match.group(1)
    return text.strip()


# --- cities ---------------------------------------------------------------------------


def build_city(section: CitySection, ctx: FieldContext) -> City:
    number = section.number
    ctx.used.update(line.number for line in section.heading.lines)
    prov = CityProvenance(heading=provenance(section.heading.lines))
    stats = Stats()
    stats_prov = StatsProvenance()
    intro = None
    if section.intro is not None:
        intro = ctx.text_of(section.intro.lines, section.intro.texts)
        prov.intro = provenance(section.intro.lines)

    profile = ctx.profile
    # The quote may be set before the heading (a margin column read first).
    quote_block = next((b for b in section.blocks if b.kind is BlockKind.QUOTE), None)
    attribution = next((b for b in section.blocks if b.kind is BlockKind.ATTRIBUTION), None)
    prose = _item_blocks(section, profile)
    if quote_block is None and attribution is not None:
        # A margin column read first puts the quote before the heading, with its attribution.
        leading = [b for b in section.leading if b.kind is BlockKind.PROSE] if attribution in section.leading else []
        quote_block = _unmarked_quote(prose, attribution, profile, leading, section.blocks) \
            or _lone_paragraph(prose, profile)

    for block in section.blocks:
        if isinstance(block.data, StatData):
            key = block.data.key
            if getattr(stats, key) is None:
                setattr(stats, key, parse_stat(block, block.data, number, ctx))
                setattr(stats_prov, key, provenance(block.lines))
    captions: list[str] = []
    for lines, texts in _caption_runs(section, profile):
        caption = ctx.text_of(lines, texts)
        # A photo credit printed at the caption's end, and a label at its start ("Photo:",
        # "Above:"), are no part of it (kept under --raw-text).
        uncredited = caption if ctx.raw else profile.caption_label.sub(
            "", profile.credit_after_caption.sub("", caption), count=1)
        captions.append(uncredited or caption)
        prov.captions.append(provenance(lines))
    prov.stats = stats_prov

    initiatives = []
    for k, block in enumerate(_items_in_order(section, _merge_continued(prose, profile), ctx), start=1):
        ctx.used.update(line.number for line in block.lines)
        lines, texts = item_text(block)
        text = ctx.text_of(lines, texts)
        initiatives.append(Initiative(number=k, text=text, name=initiative_name(text, profile)))
        prov.initiatives.append(provenance(block.lines))

    quote = None
    if quote_block is not None:
        text = strip_outer_quotes(ctx.text_of(quote_block.lines, quote_block.texts), profile)
        speaker = role = None
        if attribution is not None:
            speaker, role = _attribution_of(attribution, ctx)
            prov.attribution = provenance(attribution.lines)
        quote = Quote(text=text, speaker=speaker, role=role)
        prov.quote = provenance(quote_block.lines)
    heading_text = " ".join(section.heading.texts)
    if UNREADABLE in heading_text:
        ctx.flags.append(flag_at(
            "unreadable_glyph", "a glyph the PDF's font cannot map was left out of the place names",
            section.heading.first, printed=heading_text.strip(), fixed=f"{section.country}, {section.city}",
            city=number))
    return City(
        number=number,
        country=section.country,
        city=section.city,
        stats=stats,
        intro=intro,
        initiatives=initiatives,
        quote=quote,
        captions=captions,
        provenance=prov,
    )


def _unmarked_quote(prose: list[Block], attribution: Block, profile: Profile,
                    leading: Sequence[Block] = (), order: Sequence[Block] = ()) -> Block | None:
    """A quote printed without quotation marks: the unmarked block just before the
    attribution, with the blocks before it that it goes on from (a column or page
    break inside the quote: the block before stops mid-sentence, this one opens in
    lowercase). Taken out of `prose`. With the attribution read before the heading,
    the blocks before it there (`leading`) are where the quote is. `order`: the
    section's blocks in reading order, which say what came first of two blocks read
    from one line of the input (`_read_before`)."""
    at = {id(b): k for k, b in enumerate(order)}
    before = [b for b in (leading or prose) if _read_before(b, attribution, at)]
    if before and before[-1].data is not None and before[-1] in prose:
        return _quote_run_into_item(prose, before[-1], profile)
    if not before or before[-1].data is not None:
        return None
    parts = [before.pop()]
    while before and before[-1].data is None and parts[0].texts[0].strip()[:1].islower() \
            and not profile.finished_sentence.search(before[-1].texts[-1]):
        parts.insert(0, before.pop())
    for part in parts:
        if part in prose:
            prose.remove(part)
    if len(parts) == 1:
        return parts[0]
    return Block(BlockKind.QUOTE, [line for b in parts for line in b.lines], [t for b in parts for t in b.texts])


def _read_before(block: Block, attribution: Block, at: dict[int, int]) -> bool:
    """Was `block` read before `attribution`? Their lines' numbers say, or, where the two
    come from one line of the input (Markdown's row of a quote in italics and its
    speaker in bold, parted), their places in the section's reading order (`at`, by id)."""
    if block.first.number != attribution.first.number:
        return block.first.number < attribution.first.number
    return id(block) in at and id(attribution) in at and at[id(block)] < at[id(attribution)]


def _quote_run_into_item(prose: list[Block], item: Block, profile: Profile) -> Block | None:
    """In text without blank lines, an unmarked quote run into the marked item before its
    attribution: the item's lines from the first that follows a finished sentence and opens
    as a sentence does ("– A school ... produce." / "Our stones tell ..."). The item keeps
    the lines before; the quote is returned. An item's own lines go on from its marker's
    sentence, so a city of one-sentence items loses nothing; a PDF's spacing parts them."""
    if item.first.bbox is not None:
        return None
    ends = _item_ends(item, profile)
    if not ends:
        return None
    k = ends[0]
    prose[prose.index(item)] = Block(item.kind, item.lines[:k], item.texts[:k], item.data)
    return Block(BlockKind.QUOTE, item.lines[k:], item.texts[k:])


def _lone_paragraph(prose: list[Block], profile: Profile) -> Block | None:
    """The one unmarked paragraph among marked items, when the city has an attribution
    and no quote: its quote, printed without marks where the extractor read it apart
    from its attribution (a margin column read into the body, a quote box under a list
    read into its first column). Only a paragraph that ends a sentence, of two lines or
    more or, in a PDF, set in italics where no item is; taken out of `prose`."""
    plain = [b for b in prose if b.data is None]
    marked = [b for b in prose if b.data is not None]
    if len(plain) != 1 or len(marked) < 2:
        return None
    quote = plain[0]
    italic_apart = all(line.italic for line in quote.lines) and not any(line.italic for b in marked for line in b.lines)
    if (len(quote.lines) < 2 and not italic_apart) or not profile.finished_sentence.search(quote.texts[-1]) \
            or profile.lead_in_end.search(quote.texts[-1]):
        return None
    prose.remove(quote)
    return quote


def _attribution_of(block: Block, ctx: FieldContext) -> tuple[str, str]:
    """(speaker, role) of an attribution block; as printed under --raw-text. A colon
    after the role ("Ann Ek, Mayor of Alpha:" over the quote) introduces the quotation:
    no part of the role."""
    ctx.used.update(line.number for line in block.lines)
    assert isinstance(block.data, AttributionData)
    if not ctx.raw:
        return block.data.name, block.data.role.removesuffix(":").rstrip()
    first, rest = block.lines[0].stripped, [line.stripped for line in block.lines[1:]]
    if ", " not in first and rest:  # "Name" / "Role" on two lines
        return first, " ".join(rest)
    name, _, role = first.partition(", ")
    return name, " ".join([role, *rest])


# --- front matter ----------------------------------------------------------------------


_TITLE_THEN_BODY = lazy(r"^(?P<title>[^,]+?),\s+(?P<body>\p{Lu}[^,]*)$")
"""A signature's role that names its body after a comma, with no line of its own for it:
"Director, Institute for Adult Learning"."""


def _caption_runs(section: CitySection, profile: Profile) -> list[tuple[list[Line], list[str]]]:
    """The city's captions, each as its lines and texts, in order: its caption blocks (and
    caption-like paragraphs leading it), a labelled caption's rest joined to it."""
    runs: list[tuple[list[Line], list[str]]] = []
    labelled = False  # the last caption opens on a label ("Photo:")
    broken = False  # an earlier caption ends on a broken word: a rest below is its own
    # Line numbers two caption blocks share: captions set side by side, read across (a
    # laid-out text's columns), whose rests below may be either's.
    shared = {n for n, count in Counter(line.number for b in section.blocks if b.kind is BlockKind.CAPTION
                                        for line in b.lines).items() if count > 1}
    for block in section.blocks:
        if not (block.kind is BlockKind.CAPTION or (
                block.kind is BlockKind.PROSE and block in section.leading and is_caption_like(block.texts, profile))):
            continue
        if any(profile.contact.search(text) for text in block.texts):
            continue  # the city's address for readers, no caption
        lines, texts = list(block.lines), list(block.texts)
        last = runs[-1] if runs else None
        if last is not None and labelled and not broken and last[0][-1].number not in shared \
                and _goes_on_labelled_caption(last[0][-1], block, profile):
            # "Photo: NIGHT CLASS AT THE" / "OLD MILL": where captions open on their
            # label, a line with none right under one is that caption's rest.
            runs[-1] = (last[0] + lines, last[1] + texts)
            continue
        if last is not None and labelled and last[1][-1].rstrip().endswith("-"):
            broken = True  # that caption's rest is still to come, set apart from it
        labelled = bool(profile.caption_label.match(texts[0]))
        runs.append((lines, texts))
    return runs


def _goes_on_labelled_caption(last: Line, block: Block, profile: Profile) -> bool:
    """Is a caption block with no label the rest of the labelled caption whose last line
    is `last`: a line or two right under it on its page?"""
    first = block.lines[0]
    return (not profile.caption_label.match(block.texts[0]) and len(block.lines) <= _CAPTION_REST_LINES
            and first.number == last.number + 1 and first.page == last.page)


_CAPTION_REST_LINES = 2


def _signature_end(block: Block, ctx: FieldContext) -> Line:
    """The signature's last line, or the last copy of it printed right under it (an
    overprinted signature read twice): where its body's line is looked for under it."""
    lines, k = ctx.repaired.lines, ctx.repaired.position(block.lines[-1])
    if k < 0:
        return block.lines[-1]
    while k + 1 < len(lines) and k + 1 in ctx.repaired.repeated_at:
        k += 1
    return lines[k]


def _body_over_signature(blocks: list[Block], i: int, profile: Profile) -> Block | None:
    """The one line right over signature `blocks[i]` that names an institution, set
    over the name rather than under it (or so read: a signature printed twice), else None."""
    above = blocks[i - 1] if i > 0 else None
    if above is None or above.kind is not BlockKind.CAPTION or len(above.lines) != 1 \
            or not right_under(above.lines[0], blocks[i].lines[0]):
        return None
    return above if names_an_institution(above.texts[0], profile) else None


def build_front_matter(blocks: list[Block], ctx: FieldContext, *, before_cities: bool = True) -> FrontMatter:
    """Introduction, foreword, signatory and the printed list of cities. `before_cities`:
    city sections follow (else the input is no booklet, all of it "front matter")."""
    front = FrontMatter()
    prose_before_signature: list[Block] = []
    prose_all: list[Block] = []
    for i, block in enumerate(blocks):
        if isinstance(block.data, ListedData):
            ctx.used.update(line.number for line in block.lines)
            city = ListedCity(country=block.data.country, city=block.data.city)
            if city not in front.listed_cities:  # a table of contents, then the list: one list
                front.listed_cities.append(city)
                front.provenance.listed_cities.append(provenance(block.lines))
        elif block.kind is BlockKind.ATTRIBUTION and front.signatory is None:
            name, role = _attribution_of(block, ctx)
            organization = None
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            signature_lines = list(block.lines)
            if nxt is not None and nxt.kind is BlockKind.CAPTION and len(nxt.lines) == 1 \
                    and right_under(_signature_end(block, ctx), nxt.lines[0]):
                organization = ctx.text_of(nxt.lines, nxt.texts)
                signature_lines += nxt.lines
            elif (title_then_body := _TITLE_THEN_BODY.match(role)) is not None:
                role, organization = title_then_body["title"], title_then_body["body"]
            elif (above := _body_over_signature(blocks, i, ctx.profile)) is not None:
                organization = ctx.text_of(above.lines, above.texts)  # "Klow Institute" / "Ann Ek, Director"
                signature_lines[:0] = above.lines
            front.signatory = Signatory(name=name, role=role, organization=organization)
            front.provenance.signatory = provenance(signature_lines)
            prose_before_signature = list(prose_all)
        elif block.kind in (BlockKind.PROSE, BlockKind.QUOTE):
            prose_all.append(block)
    if front.signatory is not None and prose_before_signature:
        foreword = prose_before_signature[-1]
        front.foreword = ctx.text_of(foreword.lines, foreword.texts)
        front.provenance.foreword = provenance(foreword.lines)
        intro_blocks = prose_before_signature[:-1]
        if not intro_blocks and before_cities and (after := prose_all[len(prose_before_signature):]):
            # A signed foreword first, the introduction after it (under its label).
            intro_blocks = _first_paragraphs(blocks, after)
    else:
        intro_blocks = _first_paragraphs(blocks, prose_all) if before_cities else prose_all[:1]
    if intro_blocks:
        lines = [ln for b in intro_blocks for ln in b.lines]
        texts = [t for b in intro_blocks for t in b.texts]
        front.introduction = ctx.text_of(lines, texts)
        front.provenance.introduction = provenance(lines)
    # The first line is the title where front matter follows it (an introduction, a
    # signed foreword, the list of the cities); alone before the first heading it may be
    # a caption over it.
    title_block = blocks[0] if blocks and blocks[0].kind is BlockKind.CAPTION else None
    if title_block is not None and (front.introduction is not None or front.foreword is not None
                                    or any(b.kind is BlockKind.LISTED for b in blocks)):
        front.title = ctx.text_of(title_block.lines, title_block.texts)
        front.provenance.title = provenance(title_block.lines)
        # The year, in the title or else in a subtitle under it ("Award winners 2026").
        subtitle = blocks[1] if len(blocks) > 1 and blocks[1].kind is BlockKind.CAPTION else None
        year = _YEAR_IN_TITLE.search(front.title) or (subtitle and _YEAR_IN_TITLE.search(subtitle.text))
        front.year = int(year.group()) if year else None
    return front


_YEAR_IN_TITLE = lazy(r"\b(?:19|20)\d{2}\b")

def _first_paragraphs(blocks: list[Block], prose: list[Block]) -> list[Block]:
    """The introduction of a booklet's front matter with no signed foreword: its first
    paragraph and the paragraphs right after it, no other block between."""
    if not prose:
        return []
    at = next(k for k, block in enumerate(blocks) if block is prose[0])
    run = [prose[0]]
    for block in blocks[at + 1 :]:
        if block.kind is not BlockKind.PROSE or len(run) == len(prose) or block is not prose[len(run)]:
            break
        run.append(block)
    return run


def flag_at(kind: str, message: str, line: Line, *, printed: str | None = None,
          fixed: str | None = None, city: int | None = None) -> Flag:
    """A flag located at one line (its page and box too, for PDFs)."""
    return Flag(
        kind=kind,  # type: ignore[arg-type]
        message=message,
        printed=printed,
        fixed=fixed,
        city=city,
        page=line.page,
        line=line.number,
        bbox=[round(v, 2) for v in line.bbox] if line.bbox else None,
    )
