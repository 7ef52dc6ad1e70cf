"""Columns a text extractor set side by side with spaces, read one after the other.

An extractor's layout mode (`pdftotext -layout`, and tools like it) keeps each page's
columns where they were printed: one line of its text runs across every column beside
it, so a list in three columns, a stats table or a margin column beside the body reads
row by row across them. The page's own geometry, on a grid of characters, says where
the columns are, as it does in a PDF (`layout.py`): a gutter is a band of character
positions blank on every line of a run of lines, with text on both sides on at least
two of them, its gap at least twice the other gaps of the lines it parts (justified
text's stretched word spaces are alike). Such a run is read column by column, each
column cut in turn where it holds columns of its own; a line alone across columns (two
captions side by side) is parted at its widest gaps (`lines_alone`); every other line is
left as it was. Text that is not laid out (no line holds a run of `WIDE_SPACE` spaces)
is not touched at all. Columns set one space apart, which no band shows, are first widened
where a row of items' markers shows them (`marked_gutters`); a margin's rows left
between a paragraph's lines are then read after it (`margin_rows`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import regex as re

from ..markers import comes_later
from ..profile import DEFAULT_PROFILE, Profile
from .line_shapes import ENDS_SENTENCE, GUTTER_SPACES, SPACES, WIDE_SPACE, indent_of, text_span
from .lines_alone import read_line_alone
from .margin_rows import margin_rows_after_paragraph
from .marked_gutters import widen_marked_gutters

Row = tuple[int, str]  # (line number, text)

# The narrowest gutter: positions blank on every line of the run.
_MIN_GUTTER = 2
# Lines with text on both sides that make a gutter (one line is a row of a table, or chance).
_MIN_ROWS = 2
# Lines starting at one column's left edge that show it beside text it shares one line with.
_EDGE_ROWS = 3

# Lines holding `WIDE_SPACE` spaces: the share of a text's lines from which it is laid out
# as printed (0 in every extractor's text of the layout suite; 7% and more in pdftotext
# -layout's of every layout).
_WIDE = re.compile(rf"(?:^|\S) {{{WIDE_SPACE},}}\S")
_LAID_OUT_SHARE = 0.03
# An unmarked paragraph under the first column is set to its measure when its first
# line is at least this share of the column's widest line.
_MEASURE = 0.6
# A gutter's gap against the line's usual word space.
_WIDER = 2
# A run of columns of at least this many lines may hold one line in this many whose gap
# at a gutter is no wider than its word spaces (`_gutters`).
_FEW_NARROW = 4
# Characters a layout mode may set a column's lines off its left edge (rounding, a
# bullet it drops).
_NUDGE = 2
# Lines of the first column alone, one after another, that a sidebar's lines above a
# run may pass over (`_gutters_with_column_above`).
_LEFT_ONLY = 2
# Spaces between two words that may open a gutter.
_SEED = GUTTER_SPACES
# A line over a gap in its column is a label or caption when at most this share of the
# column's widest line and of the line under the gap.
_LABEL_SHARE = 0.6
# A column's line that ends a sentence: a line below it with text only in the first
# column is the next matter (an attribution under a list), not the column going on.
_ENDS_SENTENCE = ENDS_SENTENCE


def read_columns_apart(rows: Sequence[Row], profile: Profile = DEFAULT_PROFILE,
                       laid_out: bool | None = None) -> list[Row]:
    """`rows` with every run of lines set in columns side by side read column by
    column: each column's lines in order, a blank line between columns (and where the
    run had a blank line, within each column). Only in text laid out as printed
    (`laid_out`, else `is_laid_out` decides): other text is returned as it is.

    >>> rows = list(enumerate(["Zenda is a town of learners. Its initiatives include:",
    ...                        "1. Reading clubs in     2. Evening classes",
    ...                        "every library.          for adults.", "Ann Ek, Mayor"], 1))
    >>> [text for _, text in read_columns_apart(rows, laid_out=True)][1:]
    ['1. Reading clubs in', 'every library.', '', '2. Evening classes', 'for adults.', 'Ann Ek, Mayor']
    """
    if not (is_laid_out(rows) if laid_out is None else laid_out):
        return list(rows)
    pages: list[list[Row]] = [[]]
    for number, text in rows:
        if "\f" in text:  # a page break (pdftotext's opens the page's first line)
            head, _, rest = text.rpartition("\f")
            if head.replace("\f", "").strip():
                pages[-1].append((number, head.replace("\f", "")))
            pages.append([(number, rest)])
        else:
            pages[-1].append((number, text))
    out: list[Row] = []
    for n, page in enumerate(pages):
        cut = margin_rows_after_paragraph(_cut(widen_marked_gutters(page, profile), profile), page)
        if n > 0:  # the page break goes back before the page's first line
            first = cut[0] if cut else (page[0][0], "")
            cut[:1] = [(first[0], "\f" + first[1])]
        out.extend(cut)
    return out


def _column_shown(texts: list[str], band: tuple[int, int], profile: Profile) -> bool:
    """Do `texts` show a column right of `band`: text on both sides on two lines, or on
    one and three lines starting right at the band's end, or three lines on each side
    alone (two columns a layout mode set on lines of their own, their baselines apart)?
    Not where all that stands left of it is items' markers (a list's hanging bullets or
    numbers)."""
    lefts = [re.split(r" {2,}", text[: band[0]].strip())[-1] for text in texts if all(_sides(text, band))]
    if lefts and all(profile.item_marker_alone.match(left) for left in lefts):
        return False
    both = len(lefts)
    edge = sum(len(text) > band[1] and text[band[1]] != " " and text[band[1] - 1] == " " for text in texts)
    sides = [_sides(text, band) for text in texts]
    alone = min(sum(left and not right for left, right in sides), sum(right and not left for left, right in sides))
    return both >= _MIN_ROWS or (both >= 1 and (edge >= _EDGE_ROWS or alone >= _EDGE_ROWS))


def _cut(rows: Sequence[Row], profile: Profile) -> list[Row]:
    """A page's (or a column's) lines read column by column: where a gutter runs down
    all of it (two facing pages side by side), its columns one after the other, each cut
    in turn; else each run of lines set in columns (`_run_at`) read apart."""
    whole = [text for _, text in rows if text.strip()]
    width = max((len(text) for _, text in rows), default=0) + 1
    if len(whole) >= _MIN_ROWS:
        mask = [all(column) for column in zip(*(_blank_mask(text, width) for text in whole), strict=True)]
        gutters = _gutters(whole, mask, profile)
        if gutters:
            # Lines under the first column alone, after it ends a sentence where no other
            # column goes on: the matter after the columns (an attribution under a list).
            last = max(k for k, (_, text) in enumerate(rows) if _sides(text, gutters[0])[1])
            left = [text[: gutters[0][0]].strip() for _, text in rows[: last + 1] if text[: gutters[0][0]].strip()]
            above = left[-1] if left else ""
            while last + 1 < len(rows) and (not rows[last + 1][1].strip() or _first_column_goes_on(
                    rows, 0, last + 1, mask, width, profile) or not _ENDS_SENTENCE.search(above)
                    or _quotation_open(left, profile)):
                last += 1  # the first column's list, its line, or its quotation goes on
                above = rows[last][1].strip() or above
                left += [above] if rows[last][1].strip() else []
            if above and _ENDS_SENTENCE.search(above) and any(text.strip() for _, text in rows[last + 1 :]):
                return _columns(rows[: last + 1], gutters, profile) + _cut(rows[last + 1 :], profile)
            return _columns(rows, gutters, profile)
    out: list[Row] = []
    k = floor = held = 0
    while k < len(rows):
        found = _run_at(rows, k, floor, width, profile) if _SEED.search(rows[k][1]) and "\f" not in rows[k][1] else None
        if found is None:
            read, taken = read_line_alone(rows, k, rows[k - 1][1] if k > floor else None, profile)
            out += read
            k += taken
            if taken > 1:
                held = k  # lines read with a part of the line above, before the part beside it
            continue
        first, end, bands = found
        first = max(first, held)  # a run takes no line a line alone took in
        del out[len(out) - (k - first) :]  # lines above the seed that the run took in
        out.extend(_columns(rows[first:end], bands, profile))
        k = floor = end
    return out


def is_laid_out(rows: Sequence[Row]) -> bool:
    """Does the text keep the page's horizontal positions (a layout mode)? Then some of
    its lines hold a run of spaces no word space is (`WIDE_SPACE`), between words or
    before the first: a gutter, a margin, a column set alone."""
    texts = [text for _, text in rows if text.strip()]
    wide = sum(bool(_WIDE.search(text)) for text in texts)
    return wide >= _LAID_OUT_SHARE * max(1, len(texts))


def _blank_in(text: str, bands: list[tuple[int, int]]) -> bool:
    """Is the line blank (a space, or past its end) at every position of `bands`?"""
    return all(i >= len(text) or text[i] == " " for a, b in bands for i in range(a, b))


def _blank_mask(text: str, width: int) -> list[bool]:
    """For each position up to `width`: is the line blank there (a space, or past its end)?"""
    return [i >= len(text) or text[i] == " " for i in range(width)]


def _bands(mask: list[bool]) -> list[tuple[int, int]]:
    """Runs of blank positions at least a gutter wide, as (start, end)."""
    line = "".join(" " if blank else "x" for blank in mask)
    return [(m.start(), m.end()) for m in re.finditer(rf" {{{_MIN_GUTTER},}}(?=x)", line)]


def _sides(text: str, band: tuple[int, int]) -> tuple[bool, bool]:
    """Has the line text left of `band`, and right of it?"""
    first, last = _ends(text)
    return first < band[0], last >= band[1]


@lru_cache(maxsize=4096)
def _ends(text: str) -> tuple[int, int]:
    """Where the line's text starts and ends (its first and last character that is no
    space); asked for every band of every line of a run, so kept."""
    start, end = text_span(text)
    return start, end - 1


def _run_at(rows: Sequence[Row], seed: int, floor: int, width: int,
            profile: Profile) -> tuple[int, int, list[tuple[int, int]]] | None:
    """(first, end, gutters) of the run of lines set in columns that line `seed` is in
    (no higher than line `floor`, where the last run ended), or None when no gutter
    holds (`_gutters`). Lines above `seed` blank at every gutter are the run's too (a
    short line over the first column, a line of the second column alone). `width`: the
    longest line's, once for the page."""
    mask = _blank_mask(rows[seed][1], width)
    end = seed + 1
    k = seed + 1
    item = False  # line k opens one more item of a list in the first column
    while k < len(rows):
        text = rows[k][1]
        if "\f" in text:
            break
        if not text.strip():
            # A blank line inside the run (a paragraph's space; a wider gap parts the
            # columns from what follows): only if the columns go on below it.
            below = k + 1
            if below >= len(rows) or not rows[below][1].strip():
                break
            item = _first_column_goes_on(rows, seed, below, mask, width, profile)
            if not (item or _goes_on(rows, seed, below, mask, width, every=True)):
                break
            k = below
            continue
        new = [m and b for m, b in zip(mask, _blank_mask(text, width), strict=True)]
        if not _keeps_gutters(rows[seed:k], mask, new) or (not item and _next_matter(rows, seed, k, mask, width, profile)):
            break
        item = False
        mask = new
        k += 1
        end = k
    gutters = _gutters([text for _, text in rows[seed:end]], mask, profile, few_narrow=True)
    if not gutters:
        gutters = _gutters_with_column_above(rows, seed, end, floor, mask, width, profile)
    if not gutters:
        return None
    first = seed
    while first > floor and rows[first - 1][1].strip() and "\f" not in rows[first - 1][1] \
            and _blank_in(rows[first - 1][1], gutters):
        first -= 1
    return first, end, gutters


def _gutters_with_column_above(rows: Sequence[Row], seed: int, end: int, floor: int, mask: list[bool], width: int,
                               profile: Profile) -> list[tuple[int, int]]:
    """The run's gutters, found with the lines just above it that hold only text at or
    right of where the seed line's second column starts: a sidebar whose last line alone
    shares a line with the body (its caption or its intro) shows its column by its
    lines above (`_column_shown`: three lines starting at the gutter's end). Only where
    the line after the run is blank or itself set in columns: a line of one column
    running on across the gutter shows the run ended inside a paragraph."""
    seam = _SEED.search(rows[seed][1])
    below = rows[end][1] if end < len(rows) else ""
    if seam is None or below[seam.start():].strip() and not _SEED.search(below):
        return []  # the run would end inside a paragraph going on across the gutter
    column = seam.end()
    lead: list[str] = []
    k = seed - 1
    left_only = 0  # the lines just taken that hold text left of the seam only
    while k >= floor and "\f" not in rows[k][1] and (text := rows[k][1]).strip() and (
            not text[:column - _NUDGE].strip()
            or (left_only < _LEFT_ONLY and not text[seam.start():].strip())):
        # A short line of the first column alone among the sidebar's (a caption over the
        # body, beside the sidebar's gap between two entries) is passed over.
        left_only = left_only + 1 if text[:column - _NUDGE].strip() else 0
        lead.append(text)
        k -= 1
    del lead[len(lead) - left_only :]
    if not lead:
        return []
    for text in lead:
        mask = [m and b for m, b in zip(mask, _blank_mask(text, width), strict=True)]
    return _gutters([*reversed(lead), *(text for _, text in rows[seed:end])], mask, profile, few_narrow=True)


def _goes_on(rows: Sequence[Row], seed: int, below: int, mask: list[bool], width: int, every: bool = False) -> bool:
    """Does line `below` go on with the columns from `seed`: blank where their gutters
    are, with text right of one (a column other than the first goes on)? After a blank
    line (`every`), blank at all the gutters shown so far, and its text in each column
    starting where a line of that column above started, give or take `_NUDGE` (a table
    below, set to other columns, is not the columns going on)."""
    text = rows[below][1]
    if "\f" in text:
        return False
    new = [m and b for m, b in zip(mask, _blank_mask(text, width), strict=True)]
    if every:
        shown = _shown(rows[seed:below], mask)
        if not all(all(new[band[0] : band[1]]) for band in shown):
            return False
        for a, b in _spans(shown):
            starts = [start for _, t in rows[seed:below] if (start := _start(t, a, b)) is not None]
            mine = _start(text, a, b)
            if mine is not None and not any(abs(mine - start) <= _NUDGE for start in starts):
                return False
    return _keeps_gutters(rows[seed:below], mask, new) and any(_sides(text, band)[1] for band in _bands(new))


def _start(text: str, a: int, b: int | None) -> int | None:
    """Where the line's text between positions `a` and `b` starts (None: none there)."""
    cell = text[a:b]
    return a + indent_of(cell) if cell.strip() else None


def _shown(run: Sequence[Row], mask: list[bool]) -> list[tuple[int, int]]:
    """The bands of `mask` with text on both sides on at least two lines of `run`."""
    return [band for band in _bands(mask) if _parted(run, band, _MIN_ROWS)]


def _parted(run: Sequence[Row], band: tuple[int, int], enough: int) -> bool:
    """Has `band` text on both sides on `enough` lines of `run` (counting stops there)?"""
    found = 0
    for _, text in run:
        first, last = _ends(text)
        if first < band[0] and last >= band[1]:
            found += 1
            if found >= enough:
                return True
    return False


def _first_column_goes_on(rows: Sequence[Row], seed: int, below: int, mask: list[bool], width: int, profile: Profile) -> bool:
    """Does line `below` open one more paragraph of the first column (an item of a list
    set in the columns, under the first one)? Its text only left of the first gutter,
    opening with the bullet the columns' items open with, or a number after theirs in
    the same dress; or, unmarked, a paragraph of two lines or more set to the first
    column's measure (from its left edge, no line past the gutter's middle, the first
    at least `_MEASURE` of the column's widest), which a line after the columns (an
    attribution, a quote set wider or indented) is not."""
    shown = _shown(rows[seed:below], mask)
    text = rows[below][1]
    if not shown or "\f" in text or _sides(text, shown[0])[1]:
        return False
    heads = [m.group(0).strip() for _, t in rows[seed:below] for cell in _cells(t, shown)
             if (m := profile.item_marker.match(cell))]
    mine = profile.item_marker.match(text.strip())
    if not heads and mine is None:
        paragraph = []
        for _, line in rows[below:]:
            if not line.strip() or "\f" in line:
                break
            paragraph.append(line)
        firsts = [t for _, t in rows[seed:below] if t[: shown[0][0]].strip()]
        column = max(len(t[: shown[0][0]].rstrip()) for t in firsts)
        edge = min(indent_of(t) for t in firsts)
        middle = (shown[0][0] + shown[0][1]) // 2
        return (len(paragraph) >= _MIN_ROWS and all(len(line.rstrip()) <= middle for line in paragraph)
                and indent_of(text) == edge and len(text.strip()) >= _MEASURE * column)
    if not heads or mine is None:
        return False
    marker = mine.group(0).strip()
    if not any(ch.isdigit() for ch in marker):
        return marker in heads
    dress = re.sub(r"\d+", "#", marker)
    numbers = [int(re.sub(r"\D", "", h)) for h in heads if re.sub(r"\d+", "#", h) == dress]
    return bool(numbers) and int(re.sub(r"\D", "", marker)) > max(numbers)


def _cells(text: str, bands: list[tuple[int, int]]) -> list[str]:
    """The line's text in each column, stripped."""
    return [text[a:b].strip() for a, b in _spans(bands)]


def _spans(gutters: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    """Each column's (start, end) on the line between `gutters` (the last runs to the end)."""
    return list(zip([0, *(end for _, end in gutters)], [*(start for start, _ in gutters), None], strict=True))


def _keeps_gutters(run: Sequence[Row], mask: list[bool], new: list[bool]) -> bool:
    """Does a line whose blank positions leave `new` of the run's `mask` keep a gutter
    the run has shown so far (text on both sides on two of its lines), or any band
    while it has shown none? A line across some of the columns (a box over two of
    three) ends none: the columns it joins are read apart again within the one they
    make (`_columns`)."""
    kept = _bands(new)
    shown = _shown(run, mask)
    if not shown:
        return bool(kept)
    return any(a <= band[0] < b or band[0] <= a < band[1] for a, b in kept for band in shown)


def _next_matter(rows: Sequence[Row], seed: int, k: int, mask: list[bool], width: int, profile: Profile) -> bool:
    """Is line `k`, with text only left of the run's first gutter, the matter after the
    columns rather than the first column going on? It is when that column's last line
    so far ends a sentence, the line opens no paragraph of that column
    (`_first_column_goes_on`: an item after the column's last), and no other column goes on
    below it (before a line that crosses the gutters)."""
    run = rows[seed:k]
    bands = [band for band in _bands(mask) if _parted(run, band, 1)]
    text = rows[k][1]
    if not bands or _sides(text, bands[0])[1]:
        return False
    left = [t[: bands[0][0]].strip() for _, t in run if t[: bands[0][0]].strip()]
    if not left or not _ENDS_SENTENCE.search(left[-1]) or _first_column_goes_on(rows, seed, k, mask, width, profile):
        return False
    for j in range(k + 1, len(rows)):
        below = rows[j][1]
        if not below.strip() or not _sides(below, bands[0])[1]:
            continue  # blank, or the first column alone: look further
        return not _goes_on(rows, seed, j, mask, width)
    return True


def _quotation_open(lines: list[str], profile: Profile) -> bool:
    """Do the lines end inside a quotation: the last of them opening with a quotation mark
    is followed by none ending with a closing one (a quote set in a margin column, its
    sentences going on below the body's last line)?"""
    opened = [j for j, line in enumerate(lines) if line[:1] in profile.open_quotes]
    return bool(opened) and not any(_ends_quotation(line, profile) for line in lines[opened[-1]:])


def _ends_quotation(line: str, profile: Profile) -> bool:
    """Does the (stripped) line end with a closing quotation mark, perhaps then one stop
    (`.`, `,`, `;`, `:`)? Asked of each line the first column takes on: a plain look at
    its last characters, no pattern built per call."""
    tail = line[:-1] if line[-1:] in ".,;:" else line
    return bool(tail) and tail[-1] in profile.close_quotes


def _gutters(texts: list[str], mask: list[bool], profile: Profile, few_narrow: bool = False) -> list[tuple[int, int]]:
    """The bands of `mask` that part the text of at least two lines, each by a gap at
    least twice that line's usual word space (the median of its other gaps: justified
    text's wide spaces are all alike; a column's own gutters, nested, may be wide). With
    `few_narrow`, for a run of lines in columns, one line in four of four lines or more
    may fail that (narrow justified columns); not for a gutter down a whole page. A
    column of figures beside text (a sidebar) may share one line with it only: then
    three lines of the column starting at the band's end (its left edge) do for the
    second."""
    bands = _past_hanging_markers([band for band in _bands(mask) if _column_shown(texts, band, profile)
                                   and not _stretched_two_word_lines(texts, band)], texts, profile)
    parted = narrow = 0
    for text in texts:
        stripped = text.strip()
        offset = indent_of(text)
        gaps = [(offset + m.start(), offset + m.end()) for m in SPACES.finditer(stripped)]
        parting = [b - a for a, b in gaps if any(a <= band[0] and band[1] <= b for band in bands)]
        words = [b - a for a, b in gaps if not any(a <= band[0] and band[1] <= b for band in bands)] or [1]
        parted += bool(parting)
        narrow += bool(parting) and min(parting) < _WIDER * statistics.median(words)
    # Every line must show it, but one in `_FEW_NARROW` of a long run: there a narrow
    # column's stretched word spaces may match its gutter on a line or two. In a run,
    # items side by side numbered on from column to column show their gutters whatever
    # their justified lines' spaces.
    if narrow and (not few_narrow or parted < _FEW_NARROW or narrow * _FEW_NARROW > parted):
        return _numbered_columns(texts, bands, profile) if few_narrow else []
    return bands


def _stretched_two_word_lines(texts: list[str], band: tuple[int, int]) -> bool:
    """Does `band` part only lines of two words, its gap their one word space, whose
    second words start at different places? Those are a narrow justified column's lines
    stretched to its measure ("woodworking     apprentices" over "carpenters,
    potters"), their second words ending on its right edge: a column's text would
    start on one left edge.

    >>> _stretched_two_word_lines(["woodworking     apprentices", "carpenters,          potters"], (11, 16))
    True
    >>> _stretched_two_word_lines(["Population     Area", "1,000          56"], (10, 15))
    False
    """
    parted = [text for text in texts if all(_sides(text, band))]
    if not parted or any(len(text.split()) != 2 for text in parted):
        return False
    return len({_start(text, band[1], None) for text in parted}) > 1


def _numbered_columns(texts: list[str], bands: list[tuple[int, int]], profile: Profile) -> list[tuple[int, int]]:
    """The bands right after which a line opening with a list number holds a later
    number of its list, each later than the one before ("1)    Weaving    circles
    2) Training ...   3) Lending ...", or "1) ... 3)" for balanced columns): the
    gutters of items set side by side, whatever the narrow justified columns' word
    spaces (as wide as the gutters, and meeting in a band or two by chance: those bands
    are left out). The line with the most such bands tells; none: no gutters.

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> _numbered_columns(["1)   Walks    in   the   2) Night classes", "old     town     for   the  young"], [(22, 25)], p)
    [(22, 25)]
    >>> _numbered_columns(["1)   Walks    in   the   1) Night classes"], [(22, 25)], p)
    []
    """
    best: list[tuple[int, int]] = []
    for text in texts:
        number = _number_at(text, indent_of(text), profile)
        found: list[tuple[int, int]] = []
        for band in bands:
            after = _number_at(text, band[1], profile)
            if number and after and comes_later(number, after):
                found.append(band)
                number = after
        if len(found) > len(best):
            best = found
    return best


def _number_at(text: str, at: int, profile: Profile) -> str | None:
    """The list number (`1)`, `(2)`, `3.`) that starts at `at` in `text`, if one does."""
    if not text[at : at + 1].strip():
        return None
    word = text[at:].split(maxsplit=1)[0]
    marker = profile.box_marker_alone.match(word)
    return word if marker and marker.group("number") else None


def _past_hanging_markers(bands: list[tuple[int, int]], texts: list[str], profile: Profile) -> list[tuple[int, int]]:
    """The bands without those that only set a column's hanging markers apart from its
    text: all that stands between the band before and this one is items' markers (the
    right column's bullets, "▪    A youth ...", beside a left column's lines)."""
    kept: list[tuple[int, int]] = []
    for band in bands:
        start = kept[-1][1] if kept else 0
        strips = [text[start : band[0]].strip() for text in texts]
        if kept and all(profile.item_marker_alone.match(strip) for strip in strips if strip):
            continue
        kept.append(band)
    return kept


def _columns(run: Sequence[Row], gutters: list[tuple[int, int]], profile: Profile) -> list[Row]:
    """The run's lines cut at its gutters, column after column, each column read for
    columns of its own (two facing pages side by side, each with its columns)."""
    out: list[Row] = []
    spans = _spans(gutters)
    # Where a marker hung left of each column's edge (`_hung_before`) stands on each line,
    # found once per gutter: the column before it ends there too (its band is blank on
    # every line, so the gutter's near edge finds the same marker, else itself).
    hung = {a: [_hung_before(text, a, profile) for _, text in run] for a, _ in spans[1:]}
    for col, (a, b) in enumerate(spans):
        cells: list[Row] = []
        beside: list[int] = []  # lines where the column is blank beside another's text
        alone: set[int] = set()  # lines where only the column has text
        here = hung[a] if col else [a] * len(run)
        ends = [None] * len(run) if b is None else [min(at, b) for at in hung[spans[col + 1][0]]]
        start = _hung_start(run, a, here) if col else a  # blank, but where a marker hung left of the gutter is set
        for (number, text), at, end in zip(run, here, ends, strict=True):
            cell = (_hung_on(text, a, at, profile) if col else text)[start:]
            cell = cell[: None if end is None else end - start].rstrip()
            if cell.strip():
                cells.append((number, cell))
                if len(cell.strip()) == len(text.strip()):
                    alone.add(number)
            elif not text.strip() and cells and cells[-1][1]:
                cells.append((number, ""))
            elif cells and cells[-1][1]:
                beside.append(number)
        while cells and not cells[-1][1]:
            cells.pop()
        if not cells:
            continue
        if out and col > 0:
            out.append((cells[0][0], ""))
        # A column's own columns may be one space apart, as the page's may (`marked_gutters`):
        # across the whole page their numbers stood too far apart to show it.
        read = [(number, cell.strip()) for number, cell in _cut(widen_marked_gutters(_dedent(cells), profile), profile)]
        out.extend(_label_gaps(read, beside, alone))
    return out


def _label_gaps(read: list[Row], beside: list[int], alone: set[int]) -> list[Row]:
    """A column's lines as read (`read`) with a blank line between a short line that ends
    no sentence and a longer line that opens with a capital, where the column was blank
    beside another column's text between them (`beside`: space in this column), or where
    the short line stood beside another column's text and the longer one alone (`alone`:
    a caption beside a sidebar's last line, over the body's paragraph): a caption or a
    label over its paragraph, not that paragraph's first line (a paragraph's lines run
    on, its first is full; a name wrapped in a narrow margin goes on in a line as short)."""
    if not read:
        return read
    widest = max(len(text) for _, text in read)
    out: list[Row] = [read[0]]
    for (n, above), (m, below) in pairwise(read):
        space = sum(n < k < m for k in beside)
        if (space or n not in alone and m in alone) and _label_over(above, below, widest) \
                or _caption_below(above, below, space, widest):
            out.append((n, ""))
        out.append((m, below))
    return out


def _label_over(above: str, below: str, widest: int) -> bool:
    """Is `above` a label or caption over `below`: short (a `_LABEL_SHARE` of the
    column's widest line and of `below`), ending no sentence nor on a hyphen or a comma,
    `below` opening with a capital?"""
    return bool(above) and below[:1].isupper() and len(above) <= _LABEL_SHARE * min(widest, len(below)) \
        and not _ENDS_SENTENCE.search(above) and not above.endswith(("-", ","))


def _caption_below(above: str, below: str, space: int, widest: int) -> bool:
    """Is `below`, `space` lines of the column's own space under a line that ends a
    sentence, a caption under it: short (a `_LABEL_SHARE` of the column's widest line),
    opening with a capital and ending no sentence? A paragraph's lines have no such
    space between them, nor a caption's from its photo's side."""
    return space >= _CAPTION_SPACE and bool(above) and bool(_ENDS_SENTENCE.search(above)) \
        and below[:1].isupper() and len(below) <= _LABEL_SHARE * widest and not _ENDS_SENTENCE.search(below)


# Lines of a column's own space (blank beside another column's text) that set a caption
# apart from the line that ends a sentence above it.
_CAPTION_SPACE = 2


def _hung_before(text: str, edge: int, profile: Profile) -> int:
    """Where the column ending at `edge` (a gutter's start) ends on the line: before a
    bullet hanging there after that column's text, where the next column has text (a
    layout mode set the next column's item's bullet at the end of the previous column's
    line), or before a list number there that counts on from the number the line's
    column before holds ("2.   ... which re-   3." | "Evening classes"); else at `edge`."""
    before = text[:edge].rstrip()
    if not text[edge:].strip():
        return edge
    if len(before) >= 2 and before[-1] in profile.bullets and before[-2] == " " and before[:-1].strip():
        return len(before) - 1
    head, _, number = before.rpartition(" ")
    if head.strip() and profile.box_marker_alone.match(number):
        earlier = [word for word in head.split() if profile.box_marker_alone.match(word)]
        if earlier and earlier[-1][0] not in profile.bullets and comes_later(earlier[-1], number):
            return len(head) + 1
    return edge


def _hung_start(run: Sequence[Row], edge: int, hung: list[int]) -> int:
    """Where the column starting at `edge` starts on every line of the run: `_MIN_GUTTER`
    before its edge, or where a list number `_hung_before` it stands (`hung`: where a
    marker hung on each line), where every other line of the run is blank from there (its
    item's text hangs on the number)."""
    start = edge - _MIN_GUTTER
    early = {k: at for k, at in enumerate(hung) if at < start}
    if early and all(not text[min(early.values()) : start].strip() for k, (_, text) in enumerate(run) if k not in early):
        return min(early.values())
    return start


def _hung_on(text: str, edge: int, at: int, profile: Profile) -> str:
    """The line with a bullet `_hung_before` the column starting at `edge` (at `at`) set
    just before that column's text, in its gutter, as a hanging bullet (a list number
    stays where it stands: `_hung_start`)."""
    if at == edge or text[edge] == " " or edge - _MIN_GUTTER <= at or text[at] not in profile.bullets:
        return text
    return text[:at] + " " * (edge - _MIN_GUTTER - at) + text[at] + " " + text[edge:]


def _dedent(cells: list[Row]) -> list[Row]:
    """A column's lines with the indent they all share taken off."""
    indent = min(indent_of(text) for _, text in cells if text)
    return [(number, text[indent:]) for number, text in cells]
