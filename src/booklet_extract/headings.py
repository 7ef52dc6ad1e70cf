"""City headings: the recognisers that find where each city's section begins.

A heading is "1. Ruritania, Strelsau" on one line, or wrapped (the country over two
lines, the city on the next), its number set apart on the line above, run on into
the text after it, or printed with no number at all (then the front matter's list
of places and the city's own text naming it say it is a heading, not a caption).
Part of the blocks stage (`block_stage.RECOGNISERS`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex as re

from .blocks import (
    ENDS_CAPITALISED,
    HEADING_MAX_CHARS,
    MIN_SECTION_LINES,
    Block,
    BlockKind,
    Cursor,
    Found,
    HeadingData,
    StatData,
    attribution_parts,
    box_entry,
    city_then_country,
    ends_on_small_word,
    fold_name,
    folded_pair,
    heading_place,
    heading_view,
    is_map_label,
    is_name,
    is_noise_line,
    joined_forms,
    place_label,
    prints_stats_labels,
    readable,
    split_country_city,
    stat_key,
    take_lines,
)
from .line import Line
from .listed_runs import lead_in_apart, run_at, run_in
from .markers import counts_on
from .patterns import lazy
from .profile import Profile
from .table_cells import leading_cells
from .wordlist import zipf

_HEADING_MAX_LINES = 3


def heading(cur: Cursor, i: int) -> Found | list[Found] | None:
    """"N. Country, City", the country perhaps wrapped and the city on the next line,
    the number perhaps set apart on the line above.

    Numbers must increase through the document: a numbered line that breaks the
    sequence backwards is a list item, not a heading.
    """
    profile = cur.profile
    match = profile.heading_start.match(cur.texts[i])
    if match is None:
        apart = heading_apart(cur, i)
        return None if apart is None else _heading_found(cur, cur.last_heading + 1, *apart)
    number, rest = int(match.group("number")), match.group("rest").strip()
    if (number <= cur.last_heading and not _facing_heading_read_second(cur, i, number, rest)) \
            or cur.typography.too_small_for_heading(cur.lines[i]) or _in_a_list_of_places(cur, i) \
            or _next_item_of_the_list_above(cur, i, number):
        return None
    parsed = None if rest.endswith(",") else numbered_place(rest, profile)
    if parsed is None and (labelled := _city_over_its_country(cur, i, rest)) is not None:
        return _heading_found(cur, number, *labelled, labelled=True)  # "1. KLOW" / "Country: Syldavia"
    if parsed is None and (run_on := _heading_run_on(rest, cur)) is not None:
        return _run_on_blocks(cur, i, number, *run_on)
    found = (_place_goes_on(cur, parsed, i) or (parsed, [i])) if parsed is not None else (
        _listed_place_named(cur, rest, i) or _place_on_two_lines(cur, rest, i) or _wrapped_place(cur, rest, [i])
        or _named_heading(cur, i))
    if found is None and parsed is None and number == cur.last_heading + 1 \
            and (labelled := _box_past_other_matter(cur, i, rest) or _box_late_in_section(cur, i, rest)) is not None:
        return _heading_found(cur, number, *labelled, labelled=True)  # "2. KLOW" / caption, quote / "Country: ..."
    return None if found is None else _heading_found(cur, number, *found)


_ITEM_REACH = 12
"""Lines above a numbered line within which the item it may count on from opens."""


def _next_item_of_the_list_above(cur: Cursor, i: int, number: int) -> bool:
    """Is the numbered line i the next item of the list above it, not a heading? The last
    item opened above it in the section, within `_ITEM_REACH` lines, counts on into it
    ("2. Evening classes, ..." / "3. The" / "Town," / "Forum": a narrow column's item that
    pdfminer broke at its wide spaces reads as a place), and a place further on prints
    the same number on its own line ("3. Borduria, Szohod"): that is the heading."""
    if cur.before_cities:
        return False
    marker = cur.profile.item_marker.match(cur.texts[i])
    above = next((found for j in range(i - 1, max(cur.heading_line, i - _ITEM_REACH - 1), -1)
                  if (found := cur.profile.item_marker.match(cur.texts[j])) is not None), None)
    if marker is None or above is None or not counts_on(above.group().strip(), marker.group().strip()):
        return False
    return any(place_number(cur.texts[j], cur.profile) == number
               for j in range(i + 1, min(len(cur.texts), i + _SECTION_REACH + 1)))


_LIST_REACH = 4
"""Lines either side of a numbered place within which two more make it a list's entry."""


def _in_a_list_of_places(cur: Cursor, i: int) -> bool:
    """Is the numbered place on line i one entry of a list of places (the front matter's
    cities numbered, or each given its page first: "12  Ruritania, Zenda")? Two more
    numbered places within `_LIST_REACH` lines, numbered in order with it (lower above,
    higher below), say so: a city's heading has its stats, intro and list around it, never
    two more headings (an extractor that read two facing pages across gives two headings
    together, not three), and the first heading after a numbered list starts again at 1."""
    number = place_number(cur.texts[i], cur.profile)
    if number is None:
        return False
    near = 0
    for j in range(max(0, i - _LIST_REACH), min(len(cur.lines), i + _LIST_REACH + 1)):
        other = place_number(cur.texts[j], cur.profile) if j != i else None
        if other is not None and other != number and (other < number) == (j < i):
            near += 1
            if near >= 2:
                return True
    return False


def place_number(text: str, profile: Profile) -> int | None:
    """The number of a numbered place, or of a number and a country cut at its comma (a
    wrapped entry); None for any other line."""
    match = profile.heading_start.match(text)
    if match is None:
        return None
    rest = match.group("rest").strip()
    if (rest.endswith(",") and is_name(rest[:-1], profile)) or numbered_place(rest, profile) is not None:
        return int(match.group("number"))
    return None


_RUN_ON_NAME_WORDS = 3


def _place_goes_on(cur: Cursor, place: tuple[str, str], i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A heading whose line reads as a whole place but whose last name goes on over the
    next line ("2. Strelsau, United Federation of Ruritania and Northern" / "Borduria"): a
    short name with no comma, that the PDF sets in the heading's own block and size, or
    that makes the place one the front matter lists. After a title ("2. Strelsau,
    Ruritania – A river that" / "teaches") the place ended at the dash."""
    if not cur.free(i + 1) or i in cur.subtitled:
        return None
    nxt = cur.text(i + 1).strip()
    if "," in nxt or len(nxt.split()) > _RUN_ON_NAME_WORDS or not is_name(nxt, cur.profile) \
            or stat_key(nxt, cur.profile):
        return None
    longer = (place[0], f"{place[1]} {nxt}")
    line, below = cur.lines[i], cur.lines[i + 1]
    same_block = (line.bbox is not None and below.bbox is not None and not below.block_start
                  and line.font_size == below.font_size and line.bold == below.bold)
    return (longer, [i, i + 1]) if same_block or _listed(cur, longer) else None


def _listed(cur: Cursor, place: tuple[str, str]) -> bool:
    """Does the front matter's list hold the place, in either order of its names?"""
    folded = folded_pair(place)
    return folded in cur.listed or folded[::-1] in cur.listed


def _listed_place_named(cur: Cursor, rest: str, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A numbered heading that prints one name only ("1. Strelsau"), the other standing in
    the front matter's list: the one listed pair that holds the name, as the list prints
    it (a caption on the next line is no second name). The pair's other name on the next
    line ("1. Ruritania" / "Strelsau") is the heading's too, and so are both names on the
    line with no mark between them ("1. STRELSAU RURITANIA": Markdown gives a heading's
    two lines as one). Without a list, or with the name in two pairs, it is no heading."""
    name = fold_name(rest)
    pairs = [(folded, pair) for folded, pair in cur.listed.items() if name in folded or name in joined_forms(folded)]
    if len(pairs) != 1 or not is_name(rest, cur.profile):
        return None
    folded, pair = pairs[0]
    if name not in folded:
        return pair, [i]
    nxt = fold_name(cur.text(i + 1)) if cur.free(i + 1) else ""
    return pair, [i, i + 1] if nxt in folded and nxt != name else [i]


_PLACE_SEPARATOR = lazy(r"\s+[|/•·]\s+")
_TWO_LINE_NAME_CHARS = HEADING_MAX_CHARS


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
    return heading_place(text, profile) or names_set_apart(text, profile)


def names_set_apart(text: str, profile: Profile) -> tuple[str, str] | None:
    """Two names set apart by a bar, slash or dot: "Ruritania | Strelsau"."""
    parts = _PLACE_SEPARATOR.split(text)
    if len(parts) == 2 and all(is_name(part.strip(), profile) for part in parts):
        return readable(parts[0].strip()), readable(parts[1].strip())
    return None


def _place_on_two_lines(cur: Cursor, rest: str, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A numbered heading whose country and city stand on two lines with nothing between
    ("1. Ruritania" / "Strelsau"): both short names, the second no stats entry, and,
    where the front matter lists the cities, a pair it lists (a numbered item wrapped one
    word a line in a narrow column, "2. Reading" / "Circles", is no place)."""
    if not cur.free(i + 1) or len(rest) > _TWO_LINE_NAME_CHARS or not is_name(rest, cur.profile):
        return None
    nxt = cur.text(i + 1)
    if not short_name(nxt, cur.profile) or stat_key(nxt, cur.profile) \
            or ends_on_small_word(cur.profile.name_qualifier.sub("", rest)):
        return None  # "United Federation of Ruritania and" / "Northern Borduria, Zenda" is one place wrapped
    place = readable(rest), readable(nxt)
    return None if cur.listed and not _listed(cur, place) else (place, [i, i + 1])


_FACING_REACH = 16
"""Most lines between two facing pages' headings read right page first: the right-hand
page's stats and intro."""


def _facing_heading_read_second(cur: Cursor, i: int, number: int, rest: str) -> bool:
    """Is line i, numbered one less than the last heading, the left-hand page's heading
    that an extractor read after the right-hand page's (a booklet exported as spreads,
    "2. Borduria, Szohod" then "1. Ruritania, Strelsau")? Only right under that heading,
    nothing but blank lines between, or a few lines under it on its page where what
    stands between ends on a lead-in (pdftotext read the right-hand page's stats and
    intro first, its list not yet); only a number no heading has had, and only where the
    front matter listed both places, this one just before the other."""
    if number != cur.last_heading - 1 or number in cur.heading_numbers or cur.last_place is None:
        return False
    between = [cur.text(k) for k in range(cur.heading_line + 1, i) if cur.text(k)]
    if between and (i - cur.heading_line > _FACING_REACH or not cur.profile.lead_in_end.search(between[-1])
                    or any(cur.lines[k].printed_page != cur.lines[i].printed_page
                           for k in range(cur.heading_line, i))):
        return False
    place = numbered_place(rest, cur.profile)
    listed = list(cur.listed)
    return place is not None and folded_pair(place) in listed and cur.last_place in listed \
        and listed.index(folded_pair(place)) + 1 == listed.index(cur.last_place)


def _heading_found(cur: Cursor, number: int, place: tuple[str, str], used: list[int],
                   labelled: bool = False) -> Found:
    used = used + _title_lines(cur, used[-1])
    if labelled:
        place = _as_listed(cur, place)
    cur.heading_numbers.add(number)
    cur.last_heading, cur.heading_line = max(number, cur.last_heading), used[-1]
    cur.last_place = folded_pair(place)
    cur.names.update((fold_name(place[0]), fold_name(place[1])))
    return take_lines(cur, BlockKind.HEADING, used, HeadingData(number, *place, labelled=labelled))


def _as_listed(cur: Cursor, place: tuple[str, str]) -> tuple[str, str]:
    """A city named alone ("KLOW"), its country from its box or the list: both names as
    the front matter's list prints them, where it holds the pair (as a numbered heading's
    one name is read, `_listed_place_named`)."""
    folded = folded_pair(place)
    for key, printed in cur.listed.items():
        if key in (folded, folded[::-1]):
            return printed if key == folded else (printed[1], printed[0])
    return place


def _wrapped_place(cur: Cursor, rest: str, used: list[int]) -> tuple[tuple[str, str], list[int]] | None:
    """The place of a heading whose text so far (`rest`) goes on over the next lines (in
    any form `numbered_place` reads: "... Northern" / "Isles | Strelsau" too)."""
    profile = cur.profile
    used = list(used)
    j = used[-1] + 1
    while cur.free(j) and len(used) < _HEADING_MAX_LINES:
        if is_noise_line(cur, j):
            j += 1
            continue
        nxt = cur.text(j)
        if len(nxt) > HEADING_MAX_CHARS or profile.sentence_end.search(nxt) and not nxt.endswith(","):
            return None
        if stat_key(nxt, profile) or profile.heading_start.match(nxt) or profile.country_entry.match(nxt):
            return None  # a stats box's line: "Country: Ruritania" too
        rest = f"{rest} {nxt}"
        used.append(j)
        j += 1
        if not rest.endswith(",") and (parsed := numbered_place(rest, profile)) is not None:
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
    matches = [profile.heading_start.match(text) for text in texts]
    numbered = [match is not None and numbered_place(match.group("rest").strip(), profile) is not None
                for match in matches]
    for k, match in enumerate(matches):
        if not match:
            continue
        rest = match.group("rest").strip()
        if numbered[k]:
            if not _in_a_run(numbered, k):
                return True
            continue  # a numbered list of the cities ("1. Strelsau (Ruritania)", "2. ...")
        if is_name(rest, profile):
            if listed_names is None:  # the list's entries, numbered too ("1. Ruritania, Strelsau")
                listed_names = {fold_name(name) for line, entry in zip(texts, matches, strict=True)
                                if (pair := split_country_city(entry.group("rest").strip() if entry else line.strip(),
                                                               profile)) for name in pair}
            singles += fold_name(rest) in listed_names
    return singles >= _MIN_ONE_NAME_HEADINGS


_MIN_ONE_NAME_HEADINGS = 2


def _in_a_run(marked: Sequence[bool], k: int) -> bool:
    """Is line k one of `_LIST_MIN_ENTRIES` marked lines in a row or more (a list's
    entries)? Facing pages' two headings read one after the other are no list."""
    lo = hi = k
    while lo > 0 and marked[lo - 1]:
        lo -= 1
    while hi + 1 < len(marked) and marked[hi + 1]:
        hi += 1
    return hi - lo + 1 >= _LIST_MIN_ENTRIES


def heading_apart(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A section's number set apart on the line above its place ("1" / "Ruritania,
    Strelsau"), as a designer sets a big number: only the next number of the sequence,
    and not above a list of places (the front matter's, under a page number), nor in a
    booklet that prints its numbers on the heading's line.
    Changes nothing: `page_number` asks it too."""
    if not cur.numbers_apart:
        return None
    with heading_view(cur):
        return _heading_apart(cur, i)


def _heading_apart(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    match = cur.profile.heading_number_alone.match(cur.text(i))
    if not match or int(match.group("number")) != cur.last_heading + 1 or not cur.free(i + 1) \
            or cur.lines[i].printed_page != cur.lines[i + 1].printed_page:
        return None
    if (boxed := _box_naming_both(cur, i + 1)) is not None:
        return boxed[0], [i, *boxed[1]]  # the box under the number names the place
    if (entry := _box_entry_at(cur, i + 1)) is not None and entry[0] == "city":
        # The box names the city under the number, its country further on, past the
        # intro or stats an extractor read between ("1." / "City" / "Strelsau" / ... /
        # "Country" / "Ruritania").
        at = entry[2][-1]
        later = _box_past_other_matter(cur, at, entry[1]) or _box_late_in_section(cur, at, entry[1])
        if later is not None and not any(cur.profile.heading_number_alone.match(cur.text(k))
                                         for k in range(at + 1, later[1][-1])):
            return later[0], [i, *entry[2], *later[1][1:]]  # not a country under the next number
    if (boxed := _box_after_the_intro(cur, i)) is not None:
        return boxed[0], [i, *boxed[1]]
    rest = cur.text(i + 1)
    if box_entry(rest, cur.profile) is not None:
        return None  # one box entry ("Country: Ruritania") names no place whole
    if not cur.profile.name_start.match(rest) or cur.typography.too_small_for_heading(cur.lines[i + 1]) \
            or i + 1 in cur.running_heads:
        return None
    if rest.endswith(",") or (parsed := heading_place(rest, cur.profile)) is None:
        # One name under the number, the other the front matter's list pairs with it,
        # perhaps on the next line ("1" / "Strelsau" / "Ruritania").
        named = None if rest.endswith(",") else _listed_place_named(cur, rest, i + 1)
        return (named[0], [i, *named[1]]) if named else _wrapped_place(cur, rest, [i, i + 1])
    if cur.free(i + 2) and heading_place(cur.text(i + 2), cur.profile):
        return None
    return parsed, [i, i + 1]


def _box_after_the_intro(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A box naming the city and its country (`_box_naming_both`) set after the intro
    under a bare number ("1." / "Klow lies on ..." / "Klow" / "City" / "Syldavia" /
    "Country"): the lines between print the city's name in prose, as its intro does, and
    no other number or place heading stands between."""
    profile = cur.profile
    for k in range(i + 2, min(len(cur.lines), i + 1 + _BOX_REACH)):
        text = cur.text(k)
        if not cur.free(k) or profile.heading_number_alone.match(text) or profile.heading_start.match(text) \
                or _place_heading_line(text, profile):
            return None
        if (boxed := _box_naming_both(cur, k)) is not None:
            return boxed if _printed_between(cur, boxed[0][1], i + 1, k, prose=True) else None
    return None


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


def short_name(text: str, profile: Profile) -> bool:
    """A name short enough for a heading's line, with no comma and no colon (a label's,
    "Country: Ruritania"), not the label "Country": one name of a place."""
    text = text.strip()
    return len(text) <= _TWO_LINE_NAME_CHARS and "," not in text and ":" not in text \
        and not profile.country_label.match(text) and is_name(text, profile)


def heading_style(lines: Sequence[Line], texts: Sequence[str], profile: Profile,
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
        if k in running_heads or attribution_parts(first, profile) is not None:
            return 0  # a page number over a speaker's "Name, Mayor of Alpha" numbers no place
        if (entry := box_entry_from(texts, k, profile)) is not None:
            below = box_entry_from(texts, entry[2][-1] + 1, profile) if entry[2][-1] + 1 < len(texts) else None
            # A box naming both under the number ("City: Strelsau" / "Country: Ruritania",
            # or each label over its name); one box entry names no place whole.
            if below is not None and {entry[0], below[0]} == {"city", "country"}:
                return len(entry[2]) + len(below[2])
            # The city's entry alone, its label apart ("City" / "Strelsau"): the box names
            # the country further on, where an extractor read other matter between.
            return len(entry[2]) if entry[0] == "city" and len(entry[2]) > 1 else 0
        if not first.endswith(",") and heading_place(first, profile):
            return 1
        if k + 1 < len(texts) and not profile.country_entry.match(texts[k + 1]) \
                and heading_place(f"{first} {texts[k + 1].strip()}", profile):
            return 2
        # A name over a name, each alone on its line ("Strelsau" / "Ruritania"): city and
        # country (or country and city) set on two lines under the number; a third name
        # under them makes a list (map labels), no place, and a "Country" label under
        # the second makes it a stats box's country ("STRELSAU" / "RURITANIA" / "Country").
        names = [short_name(texts[j], profile) if j < len(texts) else False for j in (k, k + 1, k + 2)]
        third = k + 2 < len(texts) and (names[2] or profile.country_label.match(texts[k + 2]) is not None)
        return 2 if names[0] and names[1] and not third else 0

    def box_after_intro(k: int) -> bool:
        """Does a box naming city and country follow the prose under the number on line k,
        the prose printing the city's name (`_box_after_the_intro`)?"""
        for j in range(k + 2, min(len(texts), k + 1 + _BOX_REACH)):
            if profile.heading_number_alone.match(texts[j]) or profile.heading_start.match(texts[j]):
                return False
            if (entry := box_entry_from(texts, j, profile)) is not None:
                below = box_entry_from(texts, entry[2][-1] + 1, profile) if entry[2][-1] + 1 < len(texts) else None
                if below is None or {entry[0], below[0]} != {"city", "country"}:
                    return False
                city = entry[1] if entry[0] == "city" else below[1]
                pattern = re.compile(rf"(?<!\w){re.escape(city.strip())}(?!\w)", re.IGNORECASE)
                return any(len(texts[m].split()) >= _PROSE_WORDS and pattern.search(texts[m]) for m in range(k + 1, j))
        return False

    numbers = []
    for k in range(len(texts) - 1):
        match = profile.heading_number_alone.match(texts[k])
        if not match or lines[k].printed_page != lines[k + 1].printed_page:
            continue
        if not (n := place_lines(k + 1)):
            if box_after_intro(k):
                numbers.append(int(match.group("number")))
            continue
        if k + 1 + n < len(texts) and place_lines(k + 1 + n):
            continue  # a page number over a list of places
        numbers.append(int(match.group("number")))
    apart = len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1)) \
        and len(numbers) >= _listed_places(texts, profile)
    return apart, apart


_LABEL_MIN_HEADINGS = 2
_DIGITS = lazy(r"\d+")


def colon_place(text: str, profile: Profile, *, common: bool = False) -> bool:
    """Is the line "Country: City" as a heading prints it, no form's "Label: value"? Two
    names, neither a common word ("Agency: Federal Aviation", "Photo: Ann Ek"), a label of
    the stats box ("Country: Syldavia", "Population"), nor a role ("Ann Ek: Mayor of Klow").
    `common`: a name may be a common word, as many a country's and city's are ("Jordan:
    Reading", "Chile: Bath"), where the city's stats open right under the line."""
    parts = [part.strip() for part in text.split(":")]
    return len(parts) == 2 and all(
        is_name(part, profile) and (common or not _common_word(part, profile)) and not profile.role_line.match(part)
        and not profile.country_label.match(part) and not profile.stat_label_any.match(part) for part in parts)


def headings_set_apart(texts: Sequence[str], profile: Profile) -> bool:
    """Does the booklet print its headings as two names set apart ("Strelsau | Ruritania")?
    Two such lines at least, each a section's length from the next: a map's labels stand
    together."""
    at = [k for k, text in enumerate(texts) if names_set_apart(text.strip(), profile) is not None]
    return len(at) >= _LABEL_MIN_HEADINGS and all(b - a >= MIN_SECTION_LINES for a, b in pairwise(at))


def capitals_place_headings(texts: Sequence[str], profile: Profile) -> frozenset[int]:
    """The lines of a booklet that heads its sections "COUNTRY, CITY" in capitals with no
    number, no list and its stats later in the section (none right under the heading):
    two such lines at least, each a section's length from the next and each with a stats
    entry before the next. A caption in capitals naming a place ("BOOK FAIR, KLOW") is
    such a line too, and breaks the pattern (no stats between it and a heading next to
    it): then none is returned, and capitals place lines head only over their stats."""
    at = [k for k, text in enumerate(texts) if text.strip().isupper() and heading_place(text.strip(), profile)]
    if len(at) < _LABEL_MIN_HEADINGS:
        return frozenset()
    for a, b in zip(at, [*at[1:], len(texts)], strict=True):
        if (b < len(texts) and b - a < MIN_SECTION_LINES) or not any(
                stat_key(texts[k], profile) is not None or prints_stats_labels(texts[k], profile) for k in range(a + 1, b)):
            return frozenset()
    return frozenset(at)


def colon_headings(texts: Sequence[str], profile: Profile) -> bool:
    """Does the booklet print its headings "Country: City"? Two such lines at least: one
    alone heads a city only right over its stats (`_opens_a_city`). A line whose names are
    common words counts where stats open right under it."""
    def over_stats(k: int) -> bool:
        below = texts[k + 1] if k + 1 < len(texts) else ""
        return stat_key(below, profile) is not None or prints_stats_labels(below, profile)

    return sum(1 for k, text in enumerate(texts) if colon_place(text, profile)
               or colon_place(text, profile, common=True) and over_stats(k)) >= _LABEL_MIN_HEADINGS


def heading_labels_removed(texts: Sequence[str], profile: Profile) -> dict[int, str]:
    """The lines that print a template's label before a heading, each with its text left
    out ("Laureate: Strelsau, Ruritania" reads "Strelsau, Ruritania"): a label the profile
    knows, before a place, a name alone or a country cut at its comma (the city on the
    next line), the same label opening two such lines at least (once, it is as likely a
    sentence's: "Award: Strelsau, Ruritania and Klow share it")."""
    def place(rest: str) -> bool:
        return heading_place(rest.removesuffix("-"), profile) is not None or short_name(rest, profile) \
            or (rest.endswith(",") and is_name(rest[:-1], profile))

    def label(match: re.Match[str]) -> str:  # "Laureate 1" and "Laureate 2" are one label
        return str(_DIGITS.sub("#", match["label"].casefold()))

    found = [(k, match) for k, text in enumerate(texts)
             if (match := profile.heading_label.match(text)) and place(match["rest"])]
    labels = Counter(label(match) for _, match in found)
    return {k: match["rest"] for k, match in found if labels[label(match)] >= _LABEL_MIN_HEADINGS}


_SUBTITLED = lazy(r"^\s*(?P<place>[^:–—|]{3,80}?)\s*(?::|\s[–—|])(?:\s+(?P<title>\p{Lu}[^.:]{2,80}?))?\s*$")
"""A place, then a title after a colon, a dash or a bar: "Strelsau, Ruritania: A river
that teaches"; the title may wrap whole onto the next line."""


_SUBTITLE_ALONE = lazy(r"\p{Lu}[^.:]{2,80}")


def heading_subtitles_removed(texts: Sequence[str], profile: Profile) -> dict[int, tuple[str, str]]:
    """The lines that print a title after a heading's place, each with its place alone
    and the title it printed ("Strelsau, Ruritania – A river that teaches" reads
    "Strelsau, Ruritania", "A river that teaches"; "" for a title wrapped whole onto the
    next line, which `_title_lines` takes into the heading): a place with a comma or a
    bracket ("Country, City", "City (Country)"), a title that is no sentence and no role,
    two such lines at least (the booklet's form of heading). A caption so printed ("Klow,
    Syldavia: Apprentices at work") still heads nothing unless it opens a city
    (`_heads_a_city`)."""
    found: dict[int, tuple[str, str]] = {}
    for k, text in enumerate(texts):
        match = _SUBTITLED.match(text)
        if match is None or attribution_parts(text, profile):
            continue
        # The title may stand whole on the next line ("1. RURITANIA, STRELSAU –" / "A RIVER
        # THAT TEACHES"), which keeps it.
        title = match["title"] if match["title"] is not None else (texts[k + 1].strip() if k + 1 < len(texts) else "")
        if not _SUBTITLE_ALONE.fullmatch(title) or profile.role_line.match(title):
            continue
        place = match["place"]
        numbered = profile.heading_start.match(place)  # "1. Strelsau, Ruritania: A river ..."
        bare = numbered["rest"] if numbered else place
        if split_country_city(bare, profile) or city_then_country(bare, profile):
            found[k] = (place, match["title"] or "")
    return found if len(found) >= _LABEL_MIN_HEADINGS else {}


_TITLE_TAIL = lazy(r"[^.:;!?]{1,60}")
"""A title's line after its first: no sentence, short."""

_TITLE_TAIL_WORDS = 6
_TITLE_TAIL_ALONE_WORDS = 2
_TITLE_LINES_MAX = 2


def _title_lines(cur: Cursor, k: int) -> list[int]:
    """The lines after a heading's line that carry the rest of the title left out of its
    place: the title whole on the next line when the line ends on its dash ("1. RURITANIA,
    STRELSAU –" / "A RIVER THAT TEACHES"), and a title's next line when the title stops
    on a word no phrase ends with ("LEARNING IN" / "EVERY STREET") or, in a PDF, when the
    heading's own block goes on in its size. Left out, they would read as the city's
    captions (and a PDF's as its place's last name)."""
    title = cur.subtitled.get(k)
    if title is None:
        return []
    used: list[int] = []
    at = k
    if not title:  # `heading_subtitles_removed` read the next line as the title
        if not cur.free(k + 1):
            return []
        at, title = k + 1, cur.text(k + 1)
        used.append(at)
    while len(used) < _TITLE_LINES_MAX and _title_goes_on(cur, at, title):
        at += 1
        used.append(at)
        title = cur.text(at)
    return used


def _title_goes_on(cur: Cursor, at: int, title: str) -> bool:
    """Does a title's line `at`, ending on `title`, go on over the next line (see
    `_title_lines`)?"""
    if not cur.free(at + 1):
        return False
    nxt = cur.text(at + 1)
    if not _TITLE_TAIL.fullmatch(nxt) or len(nxt.split()) > _TITLE_TAIL_WORDS \
            or cur.profile.heading_start.match(nxt):
        return False
    words = title.split()
    if words and words[-1].casefold() in cur.profile.language.run_on_words:
        return True
    # A word or two no caption is: in lower case ("Where the guilds still" / "train"), or
    # in the capitals of a title in capitals ("OPEN DOORS, OPEN" / "MINDS").
    if len(nxt.split()) <= _TITLE_TAIL_ALONE_WORDS and not stat_key(nxt, cur.profile) \
            and (nxt[0].islower() or (nxt.isupper() and title.isupper())):
        return True
    line, below = cur.lines[at], cur.lines[at + 1]
    return line.bbox is not None and below.bbox is not None and not below.block_start \
        and line.font_size == below.font_size and line.bold == below.bold


def _listed_places(texts: Sequence[str], profile: Profile) -> int:
    """How many places the front matter's list holds (its longest run of place lines,
    three at least; 0 without one). Numbers set apart over the headings number every
    city: fewer, they are page numbers over the cities that open a page."""
    longest = run = 0
    for text in texts:
        place = not text.rstrip().endswith(",") and heading_place(text.strip(), profile) is not None \
            and attribution_parts(text, profile) is None  # a signature under the list is no place
        run = run + 1 if place else 0
        longest = max(longest, run)
    return longest if longest >= _LIST_MIN_ENTRIES else 0


def unnumbered_heading(cur: Cursor, i: int) -> Found | list[Found] | None:
    """"Country, City" alone on its line as a city's heading, in a booklet that numbers
    no heading. A place line may also be a list entry or a caption, so it heads a city
    only when it is no entry of a list and, where the front matter listed the cities,
    it is one of the pairs listed; without that list, when it opens a new section that
    speaks of its city (see `_opens_a_city`).
    """
    if cur.numbered:
        return None
    if (boxed := _box_naming_both(cur, i)) is not None:
        if _just_headed(cur, boxed[0]):  # a box under the heading naming its city again
            return take_lines(cur, BlockKind.OTHER_STAT, boxed[1])
        return _heading_found(cur, cur.last_heading + 1, *boxed, labelled=True)
    if (labelled := _city_over_its_country(cur, i) or _box_later_on_its_page(cur, i)) is not None:
        return _heading_found(cur, cur.last_heading + 1, *labelled, labelled=True)
    if (named := _named_heading(cur, i)) is not None:
        return _heading_found(cur, cur.last_heading + 1, *named, labelled=True)
    found = _place_line(cur, i)
    if found is None and (alone := _listed_city_alone(cur, i)) is not None:
        return _heading_found(cur, cur.last_heading + 1, *alone, labelled=True)
    if found is None:
        return _unnumbered_run_on(cur, i)
    return _heading_found(cur, cur.last_heading + 1, *found) if _heads_a_city(cur, i, *found) else None


def _place_line(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """The place a line names, perhaps wrapped over the next ones, and its lines."""
    text = cur.text(i)
    if not cur.profile.name_start.match(text) or cur.typography.too_small_for_heading(cur.lines[i]):
        return None
    if text.endswith(","):
        return _wrapped_place(cur, text, [i])
    if text.endswith("-") and cur.free(i + 1) and short_name(cur.text(i + 1), cur.profile) \
            and (broken := heading_place(f"{text}{cur.text(i + 1)}", cur.profile)) is not None:
        # A name broken at its own hyphen ("Ruritania, ALPHA-" / "GU"): the place goes on
        # over the next line, the hyphen kept.
        return broken, [i, i + 1]
    parsed = heading_place(text, cur.profile)
    if parsed is None and text.split()[-1].casefold() in cur.profile.language.run_on_words:
        # A long country name wrapped before its city ("UNITED KINGDOM OF RURITANIA AND THE"
        # / "NORTHERN ISLANDS, ZENDA"): a name does not end on "the", "of" or "and". Its
        # city may stand on a line of its own (`_listed_place_on_three_lines`).
        wrapped = _wrapped_place(cur, text, [i])
        if wrapped is not None or not cur.listed:
            return wrapped
    if parsed is None and cur.listed and (wrapped := _wrapped_place(cur, text, [i])) is not None \
            and _listed(cur, wrapped[0]):
        # Wrapped after any word ("United Federation of Ruritania and Northern" / "Isles,
        # Zenda"), where the front matter's list holds the whole pair.
        return wrapped
    if parsed is not None and cur.listed and not _listed(cur, parsed) \
            and (longer := _place_goes_on(cur, parsed, i)) is not None and _listed(cur, longer[0]):
        # A whole place on the line, whose last name goes on over the next one ("Strelsau,
        # United Federation of the Northern" / "Isles"), where the front matter lists the
        # longer pair: without it the heading would be a place no list names.
        return longer
    if parsed is None and (two := _place_on_two_lines(cur, text, i)) is not None \
            and (cur.listed and not _among_map_labels(cur, two[1]) or _stats_open_under(cur, two[1])
                 or _named_by_its_intro(cur, two[1], two[0])):
        # Country and city on two lines with no number ("RURITANIA" / "Strelsau"): a pair
        # the front matter lists or, with no list, one the city's stats open under or its
        # intro opens under, naming the city first (two names over each other are
        # otherwise a speaker, a title, two captions or a map's label set on two lines
        # among the map's others).
        return two
    if parsed is None and cur.listed and (three := _listed_place_on_three_lines(cur, i)) is not None \
            and not _among_map_labels(cur, three[1]):
        return three
    if parsed is None and cur.listed and (joined := _listed_pair_joined(cur, text)) is not None \
            and not _among_map_labels(cur, [i]):
        # Country and city with nothing between them ("RURITANIA STRELSAU"): Markdown gives
        # a heading's two lines as one; only the front matter's list says where one ends.
        return joined, [i]
    if parsed is None and (apart := names_set_apart(text, cur.profile)) is not None \
            and ((_listed(cur, apart) or cur.apart_headings and _stats_in_section(cur, i))
                 and not _among_map_labels(cur, [i]) or _stats_open_under(cur, [i])):
        # "STRELSAU | RURITANIA", a pair the front matter lists or right over its stats, or
        # one of the booklet's headings so printed over a section that holds stats
        # (`headings_set_apart`; then it must open a city, `_opens_a_city`); elsewhere two
        # names set apart by a bar are a map's label or a table's header.
        return apart, [i]
    return None if parsed is None else (parsed, [i])


def _named_heading(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A heading whose city the front matter's prose names (`named_headings`), where the
    booklet lists no places (a list says which pairs head cities itself), its lines not
    read yet, not the city just headed again (a running head), and the text under it
    naming the city (a caption printed over its photo's credit names none)."""
    named = cur.named.get(i)
    if named is None or cur.listed or not all(cur.free(k) for k in named.lines):
        return None
    used = list(named.lines)
    if _just_headed(cur, named.place) or not _named_below(cur, used, named.place, " ".join(cur.text(k) for k in used)):
        return None
    return named.place, used


def _listed_pair_joined(cur: Cursor, text: str) -> tuple[str, str] | None:
    """The one pair of the front matter's list whose names, in either order and joined by
    a space, are the whole of `text` (as the list prints it), or None."""
    name = fold_name(text)
    pairs = [pair for folded, pair in cur.listed.items() if name in joined_forms(folded)]
    return pairs[0] if len(pairs) == 1 else None


def _listed_place_on_three_lines(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """Country and city on lines of their own, one of them wrapped ("UNITED FEDERATION OF
    RURITANIA AND" / "THE NORTHERN ISLES" / "STRELSAU"), as a pair the front matter
    lists: only the list says where one name ends."""
    if not all(cur.free(k) for k in (i + 1, i + 2)):
        return None
    first, second, third = (cur.text(k).strip() for k in (i, i + 1, i + 2))
    for place in ((f"{first} {second}", third), (first, f"{second} {third}")):
        if all(is_name(name, cur.profile) for name in place) and _listed(cur, place):
            return (readable(place[0]), readable(place[1])), [i, i + 1, i + 2]
    return None


_MAP_JOIN = lazy(r"\s(?:I|\||•|·|/)\s")
"""What joins a map label's place and country ("Klow I Syldavia"): no list's comma."""


def _among_map_labels(cur: Cursor, used: list[int]) -> bool:
    """Is a line beside the place's lines a map's label (two names set apart, or known
    places joined by a map's separators only: "Klow I Syldavia"), as the map sets one per
    place? A name alone is no label: two headings on two lines each may follow each other."""
    names = sorted(cur.names, key=len, reverse=True)

    def map_label(text: str) -> bool:  # two names or more: not a name alone (the next heading's)
        return names_set_apart(text, cur.profile) is not None or (
            is_map_label(text, names) and _MAP_JOIN.search(text) is not None)

    return any(0 <= k < len(cur.lines) and map_label(cur.text(k)) for k in (used[0] - 1, used[-1] + 1))


def _heads_a_city(cur: Cursor, i: int, place: tuple[str, str], used: list[int]) -> bool:
    """Does the place at line i head a city (see `unnumbered_heading`)? Changes nothing."""
    text = cur.text(i)
    if _in_place_list(cur, used, text, place):
        return False
    if i in cur.repeated and i > 0 and cur.text(i - 1) == text:
        return False  # the heading's copy printed right under it
    if _just_headed(cur, place):
        return False  # the city just headed, named again (a caption, a running head)
    return _listed(cur, place) or _opens_a_city(cur, used, place) or _named_by_its_intro(cur, used, place)


def _named_by_its_intro(cur: Cursor, used: list[int], place: tuple[str, str]) -> bool:
    """Is a place on two lines in capitals ("RURITANIA" / "STRELSAU") right over a
    paragraph opening with the city's name as a name ("Strelsau lies on ..."), as an intro
    does under its heading, in a booklet whose front matter neither lists nor enumerates
    places? Capitals do not stop it then: a caption in capitals is followed by no intro
    naming it. Two names in plain case over each other are as often a speaker and a
    town; a booklet that names its cities itself is read by that account only."""
    return len(used) == 2 and not cur.listed and not cur.enumerates \
        and all(cur.text(k).isupper() for k in used) \
        and _intro_opened_by_name(cur, used[-1], place[1]) is not None


def _just_headed(cur: Cursor, place: tuple[str, str]) -> bool:
    """Is the place the city the last heading headed (its names in either order)?"""
    return cur.last_place is not None and folded_pair(place) in (cur.last_place, cur.last_place[::-1])


def is_unnumbered_heading(cur: Cursor, k: int) -> bool:
    """Is line k an unnumbered heading (a stray marker before it takes no item)?"""
    if cur.numbered or not cur.free(k):
        return False
    with heading_view(cur):
        return _is_unnumbered_heading(cur, k)


def _is_unnumbered_heading(cur: Cursor, k: int) -> bool:
    if (boxed := _box_naming_both(cur, k)) is not None:
        return not _just_headed(cur, boxed[0])
    if _city_over_its_country(cur, k) is not None or _box_later_on_its_page(cur, k) is not None \
            or _named_heading(cur, k) is not None or _listed_city_alone(cur, k) is not None:
        return True
    found = _place_line(cur, k)
    return found is not None and _heads_a_city(cur, k, *found)


def _unnumbered_run_on(cur: Cursor, i: int) -> list[Found] | None:
    """A listed place run together with the next line ("Ruritania, StrelsauCity
    population: 1"): the heading, and the rest of the line as its own block."""
    run_on = _heading_run_on(cur.text(i), cur)
    if run_on is None or folded_pair(run_on[0]) not in cur.listed:
        return None
    return _run_on_blocks(cur, i, cur.last_heading + 1, *run_on)


def _run_on_blocks(cur: Cursor, i: int, number: int, place: tuple[str, str], remainder: str) -> list[Found]:
    """A heading run together with the next line: the heading, then the rest of the line
    as its own block (a stats entry, or text), both on line i."""
    cur.heading_numbers.add(number)
    cur.last_heading, cur.heading_line = number, i
    cur.names.update(folded_pair(place))
    line = cur.lines[i]
    head = Block(BlockKind.HEADING, [line], [cur.texts[i][: len(cur.texts[i]) - len(remainder)].rstrip()],
                 HeadingData(number, *place))
    key = stat_key(remainder, cur.profile)
    tail = Block(BlockKind.STATS if key else BlockKind.TEXT, [line], [remainder],
                 StatData(key, remainder) if key else None)
    return [(head, [i]), (tail, [i])]


_LIST_MIN_ENTRIES = 3  # places in a row that make a list (a heading and a place-like caption are two)


def _listed_run(cur: Cursor, k: int, step: int, listed_at: Callable[[int], bool]) -> int:
    """How many listed places follow line k (step 1) or precede it (step -1) in a row, up
    to `_LIST_MIN_ENTRIES`; a page number between pages does not break the row."""
    run = 0
    while run < _LIST_MIN_ENTRIES:
        k += step
        if 0 <= k < len(cur.lines) and cur.profile.page_number.match(cur.text(k)):
            continue
        if not listed_at(k):
            break
        run += 1
    return run


def _in_place_list(cur: Cursor, used: list[int], text: str, place: tuple[str, str]) -> bool:
    """Is the candidate one entry of a list of places (the front matter's, a table of
    contents)? Where the front matter listed the cities, a listed pair beside it says
    so; before that, a run of at least three places, or of two under a lead-in ending
    on a colon. A copy of the candidate, or a speaker's "Name, Role", is no entry."""
    def place_at(k: int) -> tuple[str, str] | None:
        if not 0 <= k < len(cur.lines) or cur.text(k) == text or attribution_parts(cur.text(k), cur.profile):
            return None
        line = cur.text(k)
        if (parted := lead_in_apart(line, cur.profile)) is not None:
            line = parted[1]  # the list's first entry run on after its lead-in ("... are: Syldavia, Klow")
        elif ":" in line and not colon_place(line, cur.profile):
            return None  # a jury's "Ann Ek: Chair of the Jury", a form's "Agency: Federal Aviation"
        if (place := heading_place(line, cur.profile)) is None and (run := run_in(cur, line)):
            country, city, _ = run[-1]  # the list's entries run together ("Syldavia, Klow Borduria, Szohod")
            place = (country, city)
        return place

    def listed_at(k: int) -> bool:
        return (p := place_at(k)) is not None and folded_pair(p) in cur.listed

    if cur.listed:
        # Once listed, a place comes again as its heading: facing pages' two headings
        # read one after the other are no second list, and the first heading may follow
        # the list's last entry. Three listed places in a row are a list all but the last
        # (a table of contents, then the list itself).
        if not _listed(cur, place):
            return listed_at(used[0] - 1) or listed_at(used[-1] + 1)
        before = _listed_run(cur, used[0], -1, listed_at)
        after = _listed_run(cur, used[-1], 1, listed_at)
        return after > 0 and 1 + before + after >= _LIST_MIN_ENTRIES
    run = 1
    k = used[0] - 1
    while run < _LIST_MIN_ENTRIES and place_at(k) is not None:
        run, k = run + 1, k - 1
    lead_in = 0 <= k < len(cur.lines) and cur.text(k).rstrip().endswith(":")
    k = used[-1] + 1
    while run < _LIST_MIN_ENTRIES and place_at(k) is not None:
        run, k = run + 1, k + 1
    if run < _LIST_MIN_ENTRIES and (entries := run_at(cur, k)) is not None:
        run += len(entries)  # the list's other entries run together into one line
    # Under a lead-in ("The cities are:") two places make a list too: a booklet of two.
    return run >= _LIST_MIN_ENTRIES or lead_in and run >= 2


_NAMED_REACH = 40  # lines below a heading in which its city's text names the city
_SECTION_REACH = 150  # lines of one city's section, its stats box set last
_PROSE_WORDS = 6  # words of a line of prose at least (an intro's), not a role's or a caption's


def _opens_a_city(cur: Cursor, used: list[int], place: tuple[str, str]) -> bool:
    """Without the front matter's word for it: a place line is a heading when both its
    names end on a capitalised word, neither is in capitals (a caption, an acronym)
    unless the city's stats open on the next line (headings set in capitals), it is no
    form's "Label: value" and no speaker's name and role, it stands a section's length
    after the last heading (not a caption under it), and the text under it names the
    city, as an intro or a speaker's role does."""
    profile = cur.profile
    joined = " ".join(cur.text(k) for k in used)
    if not all(ENDS_CAPITALISED.search(profile.name_qualifier.sub("", part).strip()) for part in place):
        return False  # "Agency, Department of" names no place; "Syldavia (Federal Republic of)" does
    colon = ":" in joined
    under = _stats_open_under(cur, used)
    if colon and not (colon_place(joined, profile, common=under) and (cur.colon_headings or under)):
        return False  # a form's "AGENCY: Federal Aviation", "CBI: Confidential ..."
    formed = colon or used[0] in cur.labelled or used[0] in cur.capitals_headings \
        or (cur.apart_headings and names_set_apart(joined, profile) is not None)
    if any(part.isupper() for part in place) and not under and not formed:
        return False  # a caption in capitals, an acronym (the booklet's form of heading says headings)
    if attribution_parts(joined, profile) or any(profile.role_line.match(cur.text(k)) for k in used):
        return False
    if used[0] - cur.heading_line < (_MIN_LINES_OVER_STATS if under else MIN_SECTION_LINES):
        return False
    nxt = cur.text(used[-1] + 1) if used[-1] + 1 < len(cur.lines) else ""
    if profile.role_line.match(nxt) or profile.role_line.match(f"{place[1]} {nxt}"):
        return False  # a speaker's name over a role ("Ann Ek, Lord" / "Mayor of Alpha")
    return _named_below(cur, used, place, joined)


_MIN_LINES_OVER_STATS = 4
"""Lines from the last heading to a place line over stats: its heading, stats, intro and an
item at least (a paragraph a line, as Markdown for language models gives them); a caption
has no stats under it."""
_BOX_REACH = 12  # lines of one stats box
_RUN_MAX = 4  # short lines between a city's name and its box: other names, a caption in capitals


@dataclass(frozen=True, slots=True)
class _Country:
    """A country a stats box names: the name, its lines, and whether another heading
    took them already."""

    name: str
    lines: list[int]
    claimed: bool


def _city_over_its_country(cur: Cursor, i: int, name: str | None = None) -> tuple[tuple[str, str], list[int]] | None:
    """A city's name alone over its stats box, which names the country ("KLOW" /
    "Country: Syldavia" / "Population: 1,200"): the label says which name is which, and
    the heading takes the country's lines. The box must hold one of the genre's stats
    too: a form's "Country:" under a name heads nothing.

    A caption in capitals may stand between name and box, and an extractor reading two
    cities side by side gives both names, then both boxes (one after the other, or row by
    row): with other short lines between, a name heads a city only where the text after
    the boxes prints it (a caption's words are no name there), and the names so printed
    take the countries in order, the last ones where countries are fewer (the first
    names' boxes come later). `name`: the city's name on line i after its number."""
    profile = cur.profile
    text = (cur.text(i) if name is None else name).strip()
    if not short_name(text, profile) or cur.typography.too_small_for_heading(cur.lines[i]):
        return None
    if name is None and (_last_place_again(cur, text) or _unlisted(cur, text)):
        return None
    run, k = [i], _past_noise(cur, i + 1)
    while len(run) <= _RUN_MAX and cur.free(k) and _country_at(cur, k) is None and not _stats_at(cur, k) \
            and _short_line(cur.text(k), profile) and not profile.city_entry.match(cur.text(k)) \
            and not _place_heading_line(cur.text(k), profile):  # the box names its city, a heading its place
        run.append(k)
        k = _past_noise(cur, k + 1)
    countries, k = _countries_from(cur, k)
    free = [country for country in countries if not country.claimed]
    if not free:
        return None
    first = free[0]
    if len(run) > 1 and first.lines[0] == _past_noise(cur, run[-1] + 1) \
            and _listed(cur, (wrapped := f"{cur.text(run[-1])} {first.name}", text)):
        # The country's name wrapped over the line above ("United Kingdom of Great" /
        # "Britain and Northern Ireland" / "Country"), as the list prints it whole.
        run, free[0] = run[:-1], _Country(wrapped, [run[-1], *first.lines], first.claimed)
    if len(run) > 1 and name is None:  # a numbered heading is one whatever stands between
        texts = [text, *(cur.text(j) for j in run[1:])]
        named = [j for n, j in enumerate(run) if short_name(texts[n], profile)
                 and not (n and profile.language.stops_on_run_on_word(texts[n - 1]))  # a caption's rest
                 and _printed_after(cur, texts[n], k)]
        named = named[-len(free):]
        if i not in named:
            return None
        free = free[named.index(i):]
    return (readable(free[0].name), readable(text)), [i, *free[0].lines]


def _box_past_other_matter(cur: Cursor, i: int, name: str) -> tuple[tuple[str, str], list[int]] | None:
    """The place of a numbered heading naming its city alone ("2. KLOW"), the next
    number, whose stats box names the country after other matter: an extractor may give
    a margin column's caption, quote and speaker between (`_city_over_its_country` takes
    only short lines). The box must come within `_BOX_REACH` lines with no other heading
    or place line between, hold a stat of the genre and be followed by text printing the
    city's name (its intro)."""
    profile = cur.profile
    if not short_name(name, profile) or cur.typography.too_small_for_heading(cur.lines[i]):
        return None
    for k in range(i + 1, min(len(cur.lines), i + 1 + _BOX_REACH)):
        text = cur.text(k)
        if not cur.free(k) or profile.heading_start.match(text) or _place_heading_line(text, profile):
            return None
        if _country_at(cur, k) is not None:
            countries, after = _countries_from(cur, k)
            if countries and not countries[0].claimed and _printed_after(cur, name, after):
                return (readable(countries[0].name), readable(name.strip())), [i, *countries[0].lines]
            return None
    return None


def _box_late_in_section(cur: Cursor, i: int, name: str) -> tuple[tuple[str, str], list[int]] | None:
    """The place of a numbered heading naming its city alone ("2. KLOW"), the next
    number, whose stats box names the country at the section's end, after its intro,
    items and quote (a box set last, or at the foot of the city's last page). The
    section's own prose must print the city's name as a name before the box (its
    intro), the box must hold a stat of the genre, and no other heading
    may stand between: a name in a list, or a caption's words, heads nothing."""
    profile = cur.profile
    if not short_name(name, profile) or cur.typography.too_small_for_heading(cur.lines[i]):
        return None
    for k in range(i + 1, min(len(cur.lines), i + 1 + _SECTION_REACH)):
        text = cur.text(k)
        if not cur.free(k) or _place_heading_line(text, profile) or names_set_apart(text, profile) is not None \
                or ((start := profile.heading_start.match(text)) is not None and short_name(start["rest"], profile)):
            return None
        if (country := _country_at(cur, k)) is not None:
            stats = any(_stats_at(cur, j) for j in range(i + 1, min(len(cur.lines), k + _BOX_REACH)))
            if stats and _printed_between(cur, name, i + 1, k, prose=True):
                return (readable(country[0]), readable(name.strip())), [i, *country[1]]
            return None
    return None


def _box_later_on_its_page(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A city's name alone opening its page ("STRELSAU"), in a booklet that numbers no
    heading, its stats box naming the country later on the same page, past a caption and
    the intro (a sidebar read after the main column's first lines, or beside them). The
    page's prose must print the city's name as a name, the page must hold a stat of the
    genre, and no place heading may stand between name and box. Only where the source
    gives pages; in text without them, where the paragraph under the name opens with it
    (`_intro_opened_by_name`), up to the next such name."""
    profile = cur.profile
    text, page = cur.text(i).strip(), cur.lines[i].printed_page
    if not short_name(text, profile) or cur.typography.too_small_for_heading(cur.lines[i]) \
            or _last_place_again(cur, text):
        return None
    end = _intro_opened_by_name(cur, i, text) if page is None else _page_opened_by(cur, i)
    if end is None:
        return None
    for k in range(i + 1, end):
        if not cur.free(k) or _place_heading_line(cur.text(k), profile):
            return None
        if (country := _country_at(cur, k)) is not None:
            stats = any(_stats_at(cur, j) for j in range(i + 1, end))
            if stats and all(cur.free(j) for j in country[1]) and _printed_between(cur, text, i + 1, end, prose=True):
                return (readable(country[0]), readable(text)), [i, *country[1]]
            return None
    return None


def _page_opened_by(cur: Cursor, i: int) -> int | None:
    """Where the page that line i opens (past its page number or running head) ends, or
    `_SECTION_REACH` lines on; None where the line does not open its page."""
    page = cur.lines[i].printed_page
    above = i - 1
    while above >= 0 and _noise_at(cur, above):
        above -= 1
    if above >= 0 and cur.lines[above].printed_page == page:
        return None
    end = i + 1
    while end < min(len(cur.lines), i + 1 + _SECTION_REACH) and cur.lines[end].printed_page == page:
        end += 1
    return end


def _intro_opened_by_name(cur: Cursor, i: int, name: str) -> int | None:
    """In text that gives no pages: where the section under a name alone ("STRELSAU") may
    end, when the paragraph right under it opens with the name as a name ("Strelsau is a
    river port ..."), as an intro does under its heading: the next line that is such a
    name over such a paragraph, or `_SECTION_REACH` lines on. None where no intro opens
    under the name."""
    def opens_intro(k: int, named: str) -> bool:
        below = _past_noise(cur, k + 1)
        return below < len(cur.lines) and len(cur.text(below).split()) >= _PROSE_WORDS \
            and re.match(rf"{re.escape(named)}(?!\w)", cur.text(below).strip(), re.IGNORECASE) is not None \
            and not cur.text(below).strip()[: len(named)].isupper()

    if not opens_intro(i, name):
        return None
    end = min(len(cur.lines), i + 1 + _SECTION_REACH)
    for k in range(i + 2, end):
        if short_name(cur.text(k), cur.profile) and opens_intro(k, cur.text(k).strip()):
            return k
    return end


def _last_place_again(cur: Cursor, text: str) -> bool:
    """Is the name the last heading's name printed again, or a line of it wrapped ("Lao
    People's Democratic")?"""
    return cur.last_place is not None and any(
        re.search(rf"(?<!\w){re.escape(fold_name(text))}(?!\w)", part) for part in cur.last_place)


def _box_naming_both(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A stats box that opens by naming the city and its country ("City: Strelsau" /
    "Country: Ruritania", either order) over stats of the genre, with no heading above:
    the box's labels say which name is which. A form's city and country over a phone
    number (a contact) head nothing."""
    profile = cur.profile
    first = _box_entry_at(cur, i)
    if first is None:
        return None
    j = _past_noise(cur, first[2][-1] + 1)
    second = _box_entry_at(cur, j) if cur.free(j) else None
    if second is None:
        return None
    named = {key: name for key, name, _ in (first, second)}
    if set(named) != {"city", "country"} or not all(short_name(name, profile) for name in named.values()):
        return None
    below = _past_noise(cur, second[2][-1] + 1)
    if below < len(cur.lines) and _stats_at(cur, below):
        return (readable(named["country"]), readable(named["city"])), [*first[2], *second[2]]
    return None


def _box_entry_at(cur: Cursor, k: int) -> tuple[str, str, list[int]] | None:
    """A box's entry naming a place at line k (`box_entry_from`), its lines not read yet,
    a name wrapped in it going on where the front matter's list holds the two lines' name."""
    return box_entry_from(cur.texts, k, cur.profile, cur.free, cur.listed.values())


def box_entry_from(texts: Sequence[str], k: int, profile: Profile, free: Callable[[int], bool] = lambda _: True,
                   listed: Collection[tuple[str, str]] = ()) -> tuple[str, str, list[int]] | None:
    """("city" or "country", the name, its lines) of a box's entry at line k naming a
    place: "City: Strelsau" on one line, or the label alone over the name ("City" /
    "Strelsau"), as a table's cells read down its columns give it, or under it. A name
    its narrow box or cell wrapped goes on over the next line (`_name_goes_on`)."""
    if (entry := box_entry(texts[k].strip(), profile)) is not None:
        joined = _name_goes_on(texts, k, entry[1], profile, free, listed)
        return (entry[0], joined, [k, k + 1]) if joined is not None else (entry[0], entry[1], [k])
    if k + 1 >= len(texts) or not free(k + 1):
        return None
    # The label over the name, or the name over its label ("Strelsau" / "City"), as a box
    # that sets its figures over their labels prints its names too (see `_country_at`).
    for label, name in ((k, k + 1), (k + 1, k)):
        if (key := place_label(texts[label].strip(), profile)) is not None:
            if name > label and (joined := _name_goes_on(texts, name, texts[name].strip(), profile, free, listed)):
                return key, joined, [k, k + 1, k + 2]
            whole = short_name(texts[name], profile) and not profile.language.stops_on_run_on_word(texts[name])
            return (key, texts[name].strip(), [k, k + 1]) if whole else None
    return None


def _name_goes_on(texts: Sequence[str], at: int, name: str, profile: Profile, free: Callable[[int], bool],
                  listed: Collection[tuple[str, str]]) -> str | None:
    """The name of a box's entry ending on line `at`, with the next line, where its box or
    cell wrapped it there ("Country: Ruritania and the" / "Northern Isles", "Country" /
    "United Federation of Ruritania and" / "Northern Isles"): it stops on a word no name
    ends with, or the two lines make a name of a `listed` pair (the front matter's list).
    None where the next line is no name's rest (another entry, a stat's label)."""
    if at + 1 >= len(texts) or not free(at + 1):
        return None
    rest = texts[at + 1].strip()
    joined = f"{name} {rest}"
    if box_entry(rest, profile) is not None or profile.stat_label_any.match(rest) \
            or not short_name(rest, profile) or not short_name(joined, profile):
        return None
    if profile.language.stops_on_run_on_word(name):
        return joined
    folded = fold_name(joined)
    return joined if any(folded in (fold_name(pair[0]), fold_name(pair[1])) for pair in listed) else None


def _place_heading_line(text: str, profile: Profile) -> bool:
    """Does the line print a place as a heading does ("Klow – Syldavia"), no speaker's
    "Ann Ek, Mayor of Klow" and no label's "Photo: THE OLD MILL"?"""
    return heading_place(text, profile) is not None and attribution_parts(text, profile) is None \
        and (":" not in text or colon_place(text, profile))


def _countries_from(cur: Cursor, k: int) -> tuple[list[_Country], int]:
    """The countries named by the stats boxes from line k on (one box or several, one
    after another or read row by row), and the line after them; none where the boxes
    hold no stat of the genre."""
    countries: list[_Country] = []
    stats = False
    for _ in range(_BOX_REACH * (_RUN_MAX + 1)):
        k = _past_noise(cur, k)
        if k >= len(cur.lines):
            break
        if (country := _country_at(cur, k)) is not None:
            countries.append(_Country(country[0], country[1], not all(cur.free(j) for j in country[1])))
            k = country[1][-1] + 1
        elif _stats_at(cur, k) or cur.profile.stat_figure_alone.match(cur.text(k)):
            stats, k = True, k + 1
        else:
            break
    return (countries if stats else []), k


def _listed_city_alone(cur: Cursor, i: int) -> tuple[tuple[str, str], list[int]] | None:
    """A city's name alone as its heading ("STRELSAU"), where the front matter's list
    names it with its country: the list says which country. Not a name the list holds
    twice, nor one beside another listed name alone (a map's labels, a list of names)
    unless its stats open under it, nor the city just headed again (a running head on
    its second page), nor a box's country by its label. The city's own name on the
    line above is no other name: a speaker's role wrapped onto it ("Mayor of the City
    of" / "Klow") may end right over the heading."""
    text = cur.text(i).strip()
    if not cur.listed or not short_name(text, cur.profile) or cur.typography.too_small_for_heading(cur.lines[i]):
        return None
    folded = fold_name(text)
    pairs = [(printed, side) for key, printed in cur.listed.items() for side in (0, 1) if key[side] == folded]
    if len(pairs) != 1 or (cur.last_place is not None and folded in cur.last_place) or _by_country_label(cur, i):
        return None

    def listed_alone(k: int) -> bool:  # another listed name: the city's own above is a role's last line
        return 0 <= k < len(cur.lines) and (name := fold_name(cur.text(k))) != folded and _name_listed(cur, name)

    if (listed_alone(_past_noise(cur, i + 1)) or listed_alone(i - 1)) and not _stats_open_under(cur, [i]) \
            and not _facing_names(cur, i, listed_alone):
        return None
    printed, side = pairs[0]
    return (readable(printed[1 - side]), readable(text)), [i]


def _unlisted(cur: Cursor, text: str) -> bool:
    """Does the front matter list its places, and not this name among them (a caption in
    capitals over a box: "GRADUATION DAY AT THE GUILD HALL" / "Syldavia" / "Country")?"""
    return bool(cur.listed) and not _name_listed(cur, fold_name(text))


def _name_listed(cur: Cursor, folded: str) -> bool:
    """Is the (folded) name one of the front matter's listed names, country or city?"""
    return any(folded in key for key in cur.listed)


def _by_country_label(cur: Cursor, i: int) -> bool:
    """Is line i a box's country, its label "Country" right over it, or right under it
    with no name under the label (figures set over their labels: "Syldavia" / "Country" /
    "205,100"; in "Klow" / "Country" / "Syldavia" the label is over the next name's)?"""
    label = cur.profile.country_label
    if i > 0 and label.match(cur.text(i - 1)):
        return True
    below = _past_noise(cur, i + 1)
    if below >= len(cur.lines) or not label.match(cur.text(below)):
        return False
    after = _past_noise(cur, below + 1)
    return after >= len(cur.lines) or not short_name(cur.text(after), cur.profile)


def _facing_names(cur: Cursor, i: int, listed_alone: Callable[[int], bool]) -> bool:
    """Is line i one of two listed names alone in a row, two different cities, with
    stats right under the second (an extractor reading facing pages across: both
    names, then both boxes)? Three or more in a row are a map's labels."""
    run = [i - 1, i] if listed_alone(i - 1) else [i, _past_noise(cur, i + 1)]
    if listed_alone(run[0] - 1) or listed_alone(after := _past_noise(cur, run[1] + 1)) \
            or fold_name(cur.text(run[0])) == fold_name(cur.text(run[1])) or after >= len(cur.lines):
        return False
    return _stats_at(cur, after) or cur.profile.stat_figure_alone.match(cur.text(after)) is not None


def _short_line(text: str, profile: Profile) -> bool:
    """A short line ending no sentence, opening on a capital: a name or a caption."""
    text = text.strip()
    return len(text) <= HEADING_MAX_CHARS and bool(profile.name_start.match(text)) \
        and not profile.sentence_end.search(text)


def _printed_after(cur: Cursor, name: str, k: int) -> bool:
    """Does the text from line k print the name as a name (its capital first, not all in
    capitals: a caption's words in an intro are in lowercase, its copy in capitals)?"""
    return _printed_between(cur, name, k, k + _NAMED_REACH)


def _printed_between(cur: Cursor, name: str, start: int, end: int, prose: bool = False) -> bool:
    """Does the text of lines start to end print the name as a name (see `_printed_after`)?
    `prose`: only in a line of prose (`_PROSE_WORDS` words or more), as an intro prints
    it; a speaker's role wrapped onto a line of its own ("Mayor of" / "Klow") does not."""
    pattern = re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", re.IGNORECASE)
    for j in range(start, min(len(cur.lines), end)):
        if prose and len(cur.text(j).split()) < _PROSE_WORDS:
            continue
        if any(_capitalised(match) and not match.group().isupper() for match in pattern.finditer(cur.text(j))):
            return True
    return False


def _country_at(cur: Cursor, k: int) -> tuple[str, list[int]] | None:
    """The country a stats box names at line k, and its lines: "Country: Syldavia", or
    the label alone under or over the name."""
    profile = cur.profile
    text = cur.text(k)
    if (entry := profile.country_entry.match(text)) is not None:
        return (entry["name"], [k]) if is_name(entry["name"], profile) else None
    if k + 1 >= len(cur.lines):
        return None
    for label, name in ((k, k + 1), (k + 1, k)):
        if profile.country_label.match(cur.text(label)) and short_name(cur.text(name), profile):
            if name == k and k + 2 < len(cur.lines) and short_name(cur.text(k + 2), profile):
                return None  # the label over the next name: boxes read row by row ("Country" / "Japan")
            return cur.text(name).strip(), sorted((label, name))
    return None


def _past_noise(cur: Cursor, k: int) -> int:
    """The first line from k that is no page number or running head."""
    while k < len(cur.lines) and _noise_at(cur, k):
        k += 1
    return k


def _noise_at(cur: Cursor, k: int) -> bool:
    """Is line k a page number or a running head?"""
    return k in cur.running_heads or cur.profile.page_number.match(cur.text(k)) is not None


def _stats_in_section(cur: Cursor, i: int) -> bool:
    """Does the text under line i hold a stats entry of the genre before the next line of
    two names set apart (the section a heading there would open)?"""
    for k in range(i + 1, min(len(cur.lines), i + 1 + _NAMED_REACH)):
        if names_set_apart(cur.text(k), cur.profile) is not None:
            return False
        if _stats_at(cur, k):
            return True
    return False


def _stats_open_under(cur: Cursor, used: list[int]) -> bool:
    """Does the line right under a place line open its stats (see `_stats_at`)? A page's
    number or running head between (the heading at a page's foot) is skipped."""
    below = _past_noise(cur, used[-1] + 1)
    return below < len(cur.lines) and _stats_at(cur, below)


def _stats_at(cur: Cursor, below: int) -> bool:
    """Does line `below` open a city's stats: an entry ("Population: 1,200"), a label
    alone over its figure ("City population" / "1,200"), a figure over its label, a row
    of labels over their figures (or run into one line with them: "City population Area
    1,200 45 km²"), or a strip of entries ("Population 1,200 | Area 45 km²")? A label's
    word opening a sentence ("Population growth has slowed") does not."""
    text, profile = cur.text(below), cur.profile
    label = profile.stat_label_any.match(text)
    if stat_key(text, profile) is not None or prints_stats_labels(text, profile) \
            or label is not None and _STAT_GOES_ON.match(text, label.end()) is not None:
        return True
    labels, pos = leading_cells(profile.stat_label_any, text)
    if len(labels) >= 2 and _STAT_GOES_ON.match(text, pos) is not None:
        return True  # a table's two rows run into one line: labels, then their figures
    # The figure over its label: alone on its line over the label's, or the label after
    # it on one line (a bare figure alone under two names is a table's cell).
    if profile.stat_figure_alone.match(text) is not None:
        label = below + 1
        if label < len(cur.lines) and profile.stat_year_alone.match(cur.text(label)):
            label += 1  # the figure's year under it: "1.2 million" / "(2021)" / "City population"
        return label < len(cur.lines) and prints_stats_labels(cur.text(label), profile)
    figure = profile.stat_figure_before_text.match(text)
    return figure is not None and profile.stat_label_any.fullmatch(figure["text"].strip()) is not None


_STAT_GOES_ON = lazy(r"\s*(?:$|[:–—|-]|\d|US\s?\$|\$|€|£)")
"""What follows a stats label: nothing (its figure below), a separator, or the figure."""


def _named_below(cur: Cursor, used: list[int], place: tuple[str, str], joined: str) -> bool:
    """Does text under the candidate name its city? Booklets print "City, Country" too
    (`places.city_named_first` tells which, later), so the first name counts where the
    text prints it with a capital (a heading in capitals, "STRELSAU", is named
    "Strelsau") and it is no common word ("Section", "Branch": a form's label). Another
    place line, or a line holding the candidate whole (a copy, the same place as a
    numbered heading), says nothing."""
    prefix = cur.profile.city_prefix
    # Hyphens left out on both sides: an extractor's own dehyphenation joins a name broken
    # at its hyphen in the heading ("ZENDA-" / "GU" reads "ZENDAGU").
    city = re.compile(rf"(?<!\w){re.escape(fold_name(prefix.sub('', place[1].strip())).replace('-', ''))}(?!\w)")
    first = prefix.sub("", place[0].strip())  # "City of Klow" is named "Klow"
    printed = None if _common_word(first, cur.profile) else re.compile(rf"(?<!\w){re.escape(first)}(?!\w)", re.IGNORECASE)
    own = fold_name(joined)
    hi = min(len(cur.lines), used[-1] + 1 + _NAMED_REACH)
    for k in range(used[-1] + 1, hi):
        text = cur.text(k)
        folded = fold_name(text)
        if own not in folded and (city.search(folded.replace("-", "")) or printed is not None and _capitalised(printed.search(text))) \
                and heading_place(text, cur.profile) is None:
            return True
    return False


def _capitalised(match: re.Match[str] | None) -> bool:
    """Does a name found in text start with a capital there (a name, not a common word)?"""
    return match is not None and match.group()[:1].isupper()


def _common_word(name: str, profile: Profile) -> bool:
    """Is a one-word name a common word of the booklet's language?"""
    return " " not in name and zipf(name.casefold(), profile.language.code) >= profile.language.common_word_zipf

