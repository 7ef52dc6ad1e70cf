"""Backend-agnostic page layout: characters -> lines in reading order.

PDF backends (pdfplumber, pypdfium2) only have to produce `Char`s per page; the
rest (overprint removal, words, lines, blocks, columns, reading order) is shared,
so both backends give the same `Line`s.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter
from statistics import median

import numpy as np

from ..line import Line, Repair, SourceDocument
from ..markers import counts_on
from ..patterns import lazy
from ..profile import BULLETS, ITEM_LETTER, LIST_MARK, Language
from ..textnorm import name_bullet, normalize_glyphs
from . import rotation
from .glyphs import UNNAMED, Char, Glyphs

__all__ = ["Char", "Glyphs", "Page", "build_document", "page_lines"]


class Page:
    """One page's glyphs, in content-stream order, and its size."""

    __slots__ = ("glyphs", "height", "number", "width")

    def __init__(self, number: int, width: float, height: float,
                 chars: Glyphs | Sequence[Char]) -> None:
        self.number = number
        self.width = width
        self.height = height
        self.glyphs = chars if isinstance(chars, Glyphs) else Glyphs.from_chars(chars)

    @property
    def chars(self) -> list[Char]:
        """The glyphs one by one (tests and tools; the layout reads `glyphs`)."""
        return self.glyphs.chars()


class _Cols:
    """A page's glyph columns as Python lists: the fastest per-glyph access from Python."""

    __slots__ = ("bold", "bottom", "copies", "italic", "size", "spaced", "text", "top", "word_gap", "word_gaps",
                 "x0", "x1")

    def __init__(self, glyphs: Glyphs) -> None:
        self.copies = False
        """Whether any glyph of the page had copies dropped (else no fragment looks)."""
        self.text = glyphs.text
        self.x0: list[float] = glyphs.x0.tolist()
        self.top: list[float] = glyphs.top.tolist()
        self.x1: list[float] = glyphs.x1.tolist()
        self.bottom: list[float] = glyphs.bottom.tolist()
        self.size: list[float] = glyphs.size.tolist()
        self.bold: list[bool] = glyphs.bold.tolist()
        self.italic: list[bool] = glyphs.italic.tolist()
        self.word_gaps = WORD_GAP * np.maximum(glyphs.size, 1.0)
        self.word_gap: list[float] = self.word_gaps.tolist()
        """WORD_GAP * max(size, 1.0): a gap wider than both glyphs' is a word space."""
        self.spaced: list[bool] = glyphs.spaced.tolist()
        """The source said a word space comes before the glyph (see `SPACED_GAP`)."""


# --- the layout engine -------------------------------------------------------------------

# The records below are private and only ever told apart by identity: they are declared
# without a generated __eq__ and __repr__ (dataclasses write each method with exec at
# import, a cost every run pays before reading a page).

OVERPRINT_TOLERANCE = 1.0
"""Glyphs with the same text drawn within this many points of each other are one glyph."""
WORD_GAP = 0.20
"""A gap wider than this many font sizes between glyphs is a space."""
SPACED_GAP = 0.5
"""Where the source says a word space comes (PDFium generates one), a gap of this share of
the word gap is enough: a space the typesetter kerned narrower than a fifth of an em."""
FRAGMENT_GAP = 1.2
"""A gap wider than this many font sizes, with no word space beside it to compare it with,
ends a line fragment; gaps in a row of words are judged by `_gutters`."""
LINE_GAP = 0.75
"""A vertical gap wider than this many font sizes between two lines ends a block."""
GAP_TOLERANCE = 0.05
"""Points by which a vertical gap may fall short of LINE_GAP and still end a block."""
SAME_LINE = 0.5
"""Glyphs whose tops differ by less than this many font sizes share a line."""


@dataclass(slots=True, eq=False, repr=False)
class _Fragment:
    """A run of glyphs on one baseline, unbroken by a column gutter.

    Only what blocks, reading order and lines read is kept: its text, box, size
    and style, computed once (they are asked for many times per fragment).
    """

    text: str
    copies: int  # most extra copies drawn of any glyph here (0: drawn once)
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


def _make_fragment(cols: _Cols, idx: list[int], copies: int, raw: str | None = None) -> _Fragment:
    """A fragment of the glyphs `idx` (left to right, no space glyph at either end).

    `raw` is their text with its word spaces already put in (`_spaced_texts`), when known.
    """
    text = _text(cols, idx) if raw is None else _clean(raw)
    if not idx:  # only spaces: dropped by `_fragments`
        return _Fragment(text, copies, 0.0, 0.0, 0.0, 0.0, 0.0, False, False)
    first = idx[0]
    if len(idx) == 1:  # a lone glyph (a bullet, a page number's digit): its own box and style
        return _Fragment(text, copies, cols.x0[first], cols.x1[first], cols.top[first],
                         cols.bottom[first], cols.size[first], cols.bold[first], cols.italic[first])
    pick = itemgetter(*idx)  # the glyphs' values as one tuple per column, gathered in C
    half = len(idx)
    return _Fragment(
        text, copies, cols.x0[first], max(pick(cols.x1)), min(pick(cols.top)), max(pick(cols.bottom)),
        median(pick(cols.size)), sum(pick(cols.bold)) * 2 > half, sum(pick(cols.italic)) * 2 > half,
    )


def _text(cols: _Cols, idx: list[int]) -> str:
    out: list[str] = []
    append = out.append
    texts, x0, x1, word_gap, spaced = cols.text, cols.x0, cols.x1, cols.word_gap, cols.spaced
    prev, prev_text = -1, " "  # as if a space came first: no gap is measured before the first glyph
    for i in idx:
        text = texts[i]
        if text != " " and prev_text != " ":
            gap = x0[i] - x1[prev]
            # WORD_GAP * max(size, size of prev, 1.0), from the page's precomputed column.
            if gap > word_gap[i] and gap > word_gap[prev] or spaced[i] and gap > SPACED_GAP * word_gap[i]:
                append(" ")
        append(text)
        prev, prev_text = i, text
    return _clean("".join(out))


def _clean(raw: str) -> str:
    """Overprinted copies leave their spaces behind; one space is what was meant."""
    return " ".join(normalize_glyphs(raw).split())


def _spaced_texts(glyphs: Glyphs, cols: _Cols, order: list[int]) -> list[str]:
    """Each glyph's text, in `order` (the page's rows one after another), with a space put
    before it where `_text` would put one after the glyph before it in that order.

    The same test as `_text`'s, made for the whole page at once with arrays instead of
    once per glyph and fragment; a fragment's text is then its glyphs' pieces joined (the
    first glyph's without its space).
    """
    texts = cols.text
    ordered = [texts[i] for i in order]
    if len(order) < 2:
        return ordered
    at = np.array(order, dtype=np.int64)
    prev, cur = at[:-1], at[1:]
    blank = np.array([t == " " for t in ordered], dtype=np.bool_)
    word_gap = cols.word_gaps
    gap = glyphs.x0[cur] - glyphs.x1[prev]
    wide = ((gap > word_gap[cur]) & (gap > word_gap[prev])) | (
        glyphs.spaced[cur] & (gap > SPACED_GAP * word_gap[cur]))
    space = (wide & ~blank[1:] & ~blank[:-1]).tolist()
    return [ordered[0], *[" " + t if s else t for t, s in zip(ordered[1:], space)]]


@dataclass(slots=True, eq=False, repr=False)
class _Block:
    fragments: list[_Fragment]
    x0: float
    top: float
    x1: float
    bottom: float

    def add(self, frag: _Fragment) -> None:
        self.fragments.append(frag)
        self.x0, self.x1 = min(self.x0, frag.x0), max(self.x1, frag.x1)
        self.top, self.bottom = min(self.top, frag.top), max(self.bottom, frag.bottom)


def remove_overprint(glyphs: Glyphs) -> tuple[list[int], list[int]]:
    """Drop glyphs drawn again at (almost) the same place; keep the first of each.

    Returns the indexes of the kept glyphs and, per kept glyph, how many copies
    were dropped. Only a glyph with another of the same text within the tolerance
    across can be a copy or have one: those few are found with one sort
    (`_overprint_candidates`), and only they go through the exact pass.
    """
    n = len(glyphs)
    candidates = _overprint_candidates(glyphs)
    if not candidates:
        return list(range(n)), [0] * n
    text, x0s, tops = glyphs.text, glyphs.x0.tolist(), glyphs.top.tolist()
    dropped: set[int] = set()
    extra: dict[int, int] = {}
    grid: dict[tuple[str, int, int], list[int]] = {}
    for i in candidates:
        char_text, x0, top = text[i], x0s[i], tops[i]
        gx, gy = round(x0), round(top)
        found = -1
        for dx in (0, -1, 1):
            for dy in (0, -1, 1):
                for k in grid.get((char_text, gx + dx, gy + dy), ()):
                    if abs(x0s[k] - x0) <= OVERPRINT_TOLERANCE and abs(tops[k] - top) <= OVERPRINT_TOLERANCE:
                        found = k
                        break
                if found >= 0:
                    break
            if found >= 0:
                break
        if found >= 0:
            extra[found] = extra.get(found, 0) + 1
            dropped.add(i)
            continue
        grid.setdefault((char_text, gx, gy), []).append(i)
    keep = np.ones(n, dtype=np.bool_)
    keep[sorted(dropped)] = False
    count = np.zeros(n, dtype=np.int64)
    count[list(extra)] = list(extra.values())
    return np.flatnonzero(keep).tolist(), count[keep].tolist()


def _overprint_candidates(glyphs: Glyphs) -> list[int]:
    """Indexes (in order) of the non-space glyphs that have another glyph of the same text
    within OVERPRINT_TOLERANCE both across and down: a superset of the copies and their
    originals, found with sorts instead of a loop.

    Two glyphs that close down the page share a band of `_BAND` points in at least
    one of two band grids offset by half a band; sorted by text, band and x, two
    such glyphs of a band have only glyphs close across between them, so comparing
    neighbours finds them all.
    """
    n = len(glyphs)
    if n < 2:
        return []
    # Each distinct text's number, in order of first appearance (a dict lookup per glyph, in C).
    ids = {t: k for k, t in enumerate(dict.fromkeys(glyphs.text))}
    if len(ids) == n:
        return []
    code = np.fromiter(map(ids.__getitem__, glyphs.text), dtype=np.int64, count=n)
    useful = ~np.array([t.isspace() for t in ids], dtype=np.bool_)[code]
    marked = np.zeros(n, dtype=np.bool_)
    for shift in (0.0, _BAND / 2):
        band = np.floor((glyphs.top + shift) / _BAND)
        order = np.lexsort((glyphs.x0, band, code))
        order = order[useful[order]]
        xs = glyphs.x0[order]
        close = ((code[order[1:]] == code[order[:-1]]) & (band[order[1:]] == band[order[:-1]])
                 & (xs[1:] - xs[:-1] <= OVERPRINT_TOLERANCE + 1e-9))
        marked[order[1:][close]] = True
        marked[order[:-1][close]] = True
    return np.flatnonzero(marked).tolist()


_BAND = 3.0 * OVERPRINT_TOLERANCE
"""Band height for `_overprint_candidates`: two glyphs closer than the tolerance down the page
never straddle the edges of both grids (edges of the two are half a band apart)."""


GUTTER_GAP = 0.9
"""A gap at least this many font sizes wide, and twice the word spaces beside it, is a gutter."""
ALIGNED_GAP = 0.6
"""A narrower gap (down to this many font sizes) is a gutter when the text right of it starts
at a column edge shared by several nearby rows."""
SAME_SIZE = 0.6
"""Points within which two font sizes are one size (a block, a page's line spacing)."""
TABLE_GAP = 4.0
"""A gap this many font sizes wide is a gutter whatever is beside it (table cells)."""
EDGE_TOLERANCE = 1.0
"""Word starts within this many points of each other are on one column edge."""
EDGE_ROWS = 3
"""Rows (the gap's own included) that must start text on an edge for it to be a column edge."""
EDGE_WINDOW = 3
"""How many rows above and below a gap are looked at for its column edge."""


def _rows(glyphs: Glyphs, cols: _Cols) -> list[list[int]]:
    """Glyph indices grouped by baseline, top-down; each row left to right.

    In (rounded top, x) order, a glyph joins the row of the glyph that started it (its
    head) while their tops are within either one's reach; the first that is not starts
    the next row. Each row's end is found with one vector comparison over the glyphs
    after its head (`_ROW_WINDOW` at a time), not one Python step per glyph.
    """
    order = np.lexsort((glyphs.x0, np.round(glyphs.top, 0)))
    # SAME_LINE * max(size, 1.0) per glyph: scaling is monotone, so the larger of two of
    # these is SAME_LINE * max(head size, size, 1.0) exactly.
    reach = (SAME_LINE * np.maximum(glyphs.size, 1.0))[order]
    tops = glyphs.top[order]
    ordered: list[int] = order.tolist()
    n = len(ordered)
    rows: list[list[int]] = []
    head = 0
    while head < n:
        head_top, head_reach = tops[head], reach[head]
        end, window = -1, _ROW_WINDOW
        start = head + 1
        while start < n:
            stop = min(n, start + window)
            apart = np.abs(tops[start:stop] - head_top)
            leaves = ~((apart <= head_reach) | (apart <= reach[start:stop]))  # as written per glyph
            if leaves.any():
                end = start + int(leaves.argmax())
                break
            start, window = stop, window * 2
        if end < 0:
            end = n
        rows.append(ordered[head:end])
        head = end
    x0 = cols.x0.__getitem__
    for row in rows:
        row.sort(key=x0)
    return rows


_ROW_WINDOW = 128
"""Glyphs compared at a time when looking for the end of a row (longer rows take more looks)."""


@dataclass(slots=True, eq=False, repr=False)
class _Row:
    """One row's glyphs (spaces dropped) and the gaps between them, for gutter finding."""

    idx: list[int]  # non-space glyphs, left to right
    top: float
    size: float
    # Gaps of a word space or wider: (position in idx of the glyph after it, left, right).
    gaps: list[tuple[int, float, float]]
    # Rounded x -> x of the text starts (row start, or after a gap of ALIGNED_GAP or more)
    # and of the text ends (row end, or before such a gap): where column edges can be.
    starts: dict[int, list[float]]
    ends: dict[int, list[float]]
    xs: list[float]  # left edge of each glyph in `idx`
    reach: list[float]  # rightmost edge of the glyphs up to each one in `idx`


def _row_geometry(cols: _Cols, row: list[int]) -> _Row:
    texts, x0s, x1s = cols.text, cols.x0, cols.x1
    idx = [i for i in row if not texts[i].isspace()]
    if not idx:
        return _Row(idx, 0.0, 1.0, [], {}, {}, [], [])
    size = median(itemgetter(*idx)(cols.size)) if len(idx) > 1 else cols.size[idx[0]]
    gaps: list[tuple[int, float, float]] = []
    word_gap, aligned_gap = WORD_GAP * max(size, 1.0), ALIGNED_GAP * max(size, 1.0)
    gutter_gap = GUTTER_GAP * max(size, 1.0)
    xs = [x0s[i] for i in idx]
    starts: dict[int, list[float]] = {round(xs[0]): [xs[0]]}
    ends: dict[int, list[float]] = {}
    reach = x1s[idx[0]]
    reaches: list[float] = [reach]
    for k in range(1, len(idx)):
        x0 = xs[k]
        gap = x0 - reach
        if gap > word_gap:
            gaps.append((k, reach, x0))
        x1 = x1s[idx[k]]
        if x1 > reach:  # noqa: PLR1730 - max(reach, x1) without a call, once per glyph
            reach = x1
        reaches.append(reach)
    ends.setdefault(round(reach), []).append(reach)
    for m, (_, left, right) in enumerate(gaps):
        if right - left >= aligned_gap and (right - left >= gutter_gap or not _amid_even_spaces(gaps, m)):
            starts.setdefault(round(right), []).append(right)
            ends.setdefault(round(left), []).append(left)
    return _Row(idx, cols.top[idx[0]], max(size, 1.0), gaps, starts, ends, xs, reaches)


def _amid_even_spaces(gaps: list[tuple[int, float, float]], m: int) -> bool:
    """Whether gap m is as wide as the gaps on both sides of it: a justified line's even
    word space, where a word starts or ends by chance at a column edge of the rows near
    it (an intro's line over two columns of items), not a column's own edge. Asked only
    of gaps narrower than a gutter may be: a table's evenly spaced cells keep their edges."""
    if not 0 < m < len(gaps) - 1:
        return False
    widths = [right - left for _, left, right in gaps[m - 1 : m + 2]]
    return all(abs(widths[1] - w) <= EVEN_SPACING * max(widths[1], w) for w in (widths[0], widths[2]))


def _channel(rows: list[_Row], r: int, left: float, right: float) -> bool:
    """Whether the gap (left, right) of row r goes on down or up the page: the nearest row
    above or below with text left of it (a sidebar's rows between, at their own
    baselines, have none) leaves at least half an em of it empty too. A lone row's gap
    (labels on a map) is not a gutter for that."""
    row = rows[r]
    for step in (-1, 1):
        j = r + step
        while 0 <= j < len(rows) and abs(rows[j].top - row.top) <= 2.0 * row.size:
            other = rows[j]
            k = bisect_left(other.xs, right)
            if k == 0:
                j += step
                continue
            start = other.xs[k] if k < len(other.xs) else right
            if min(right, start) - max(left, other.reach[k - 1]) >= 0.5 * row.size:
                return True
            break
    return False


BRIDGED_GAP = 2.0
"""Font sizes: the widest gap that text above and below can show to be a word space."""


def _bridged(rows: list[_Row], r: int, left: float, right: float) -> bool:
    """Whether the rows just above and just below row r both run text across its gap
    (left, right), leaving no half an em of it empty: a wide space inside a paragraph (a
    justified line's, widened by a ligature's gap), not a gutter, which goes on down the
    page. A row with no neighbour that close bridges nothing, nor does a gap wider than
    BRIDGED_GAP: no word space is that wide (a label set into a figure may be)."""
    row = rows[r]
    if right - left > BRIDGED_GAP * row.size:
        return False
    for j in (r - 1, r + 1):
        if not 0 <= j < len(rows) or abs(rows[j].top - row.top) > 2.0 * row.size:
            return False
        other = rows[j]
        if not other.xs or other.xs[0] >= left or other.reach[-1] <= right:
            return False  # the row does not run across the gap
        if _widest_hole(other, left, right) >= 0.5 * row.size:
            return False
    return True


def _widest_hole(row: _Row, left: float, right: float) -> float:
    """The widest stretch of (left, right) that no glyph of `row` covers."""
    k = bisect_left(row.xs, left)
    edge = max(left, row.reach[k - 1]) if k else left  # covered up to here
    widest = 0.0
    while k < len(row.xs) and row.xs[k] < right:
        widest = max(widest, row.xs[k] - edge)
        edge = max(edge, row.reach[k])
        k += 1
    return max(widest, right - edge)


def _on_edge(edges: dict[int, list[float]], x: float) -> bool:
    key = round(x)
    return any(
        abs(x0 - x) <= EDGE_TOLERANCE for k in (key - 1, key, key + 1) for x0 in edges.get(k, ())
    )


def _is_marker(cols: _Cols, idx: list[int], after: int | None = None, in_line: bool = False) -> bool:
    """A list marker (`1.`, `2)`, `(3)`, `a)`, `iv.`, a bullet): kept with the item text
    after it. A glyph pdfminer could not name is one only before a capital (glyph index
    `after`): a bullet it could not name opens an item, a formula's unnamed symbol does not.
    A bare figure of three digits or more ("offering   100   learning") is a justified
    line's word, no list's number: no booklet's list counts that far; so is one that
    follows its line's even word spaces (`in_line`: "of   37 | 2. The", "of   37 | The",
    the next column's text after it); so is a lowercase
    letter alone before a lowercase word, and a one-letter word prose runs on from ("a")
    that follows its line's even word spaces (`in_line`)."""
    text = "".join([cols.text[i] for i in idx])
    if len(idx) == 1 and UNNAMED.match(text):
        return after is not None and cols.text[after][:1].isupper()
    if len(text) == 1 and text.islower() and after is not None:
        # A lowercase letter alone: a symbol font's bullet ("o", "l") or a form's item
        # letter before an item's capital, or a justified line's last word before the
        # next column's text: "a" set as the line's next word is that whatever follows.
        return not (in_line and text in _RUN_ON_LETTERS) and cols.text[after][:1].isupper()
    if text.isdigit() and (len(text) >= 3 or in_line):
        return False
    return len(text) <= 1 or (len(text) <= 4 and not text[0].isalpha()) or bool(_ITEM_LETTER.match(text))


_RUN_ON_LETTERS = frozenset(word for word in Language().run_on_words if len(word) == 1)
"""One-letter words a line of prose runs on from ("a"): a word, never a list's marker."""

_ITEM_LETTER = lazy(rf"^{ITEM_LETTER}$")
"""A lowercase letter or small roman numeral with its dot or bracket, as the profile's item
markers print it (`a)`, `(b)`, `iv.`); "etc." and other words are no marker."""

_LIST_MARK = lazy(rf"^(?:{LIST_MARK})$")
"""A bullet or a list number with its dot or bracket (`•`, `1.`, `(2)`): a marker prose
does not print alone after a wide gap (a dash it may)."""


_PADDED_NUMBER = lazy(r"^0\d$")
"""A list number padded with a zero (`02`): a designer's item number, which prose does not
print (its figures are not padded)."""

_DASH_MARK = lazy(r"^[-–—]$")
"""A dash alone: an item's marker only where the line below hangs on the text after it
(prose's dash has text running on below it, `_hangs_before_column`)."""


def _gutters(cols: _Cols, rows: list[_Row], r: int) -> set[int]:
    """Positions (in row r's glyphs) that start a new fragment: the text left of them is
    another column.

    First the gaps between two column edges: the text right of the gap starts, and the
    text left of it ends, where the text of EDGE_ROWS nearby rows starts and ends (two
    justified columns side by side, whatever their word spacing). Then, within what is
    left, a gap is a gutter when it is much wider than the word spaces beside it, or wider
    than them with the text right of it on a column edge. Justified lines space their words
    evenly, so their wide spaces are never wider than their neighbours. Last, a table of
    two rows shows no column edge that EDGE_ROWS rows share: a gap an em wide before a
    cell is a gutter where the other row starts its cells where this one does
    (`_table_row_edge`)."""
    row = rows[r]
    size = row.size
    wide = row.gaps
    cut = [False] * len(wide)
    runs = _even_runs(wide)
    start = 0  # where the fragment that the gap at hand would end starts
    # A list marker is set apart by an aligned gap before it, or opens the row: the text
    # since such a gap is what the marker test reads (a gutter before it may only be
    # found in the second pass below, after the gap at hand was judged).
    apart = 0
    for n, (k, left, right) in enumerate(wide):
        if n and wide[n - 1][2] - wide[n - 1][1] >= ALIGNED_GAP * size:
            apart = wide[n - 1][0]
        prev_size = cols.size[row.idx[k - 1]]
        if abs(cols.size[row.idx[k]] - prev_size) > 0.6 * max(prev_size, 1.0):
            cut[n] = True
        elif _other_baseline(cols, row.idx, k):
            cut[n] = True  # two lines set side by side at their own baselines, a row apart
        elif right - left > TABLE_GAP * size:
            cut[n] = not _justified_run(cols, rows, r, wide, runs, n) and not _two_word_justified_line(cols, rows, r, n)
        elif right - left >= ALIGNED_GAP * size and (
            _edge_rows(rows, r, right, "starts") >= EDGE_ROWS
        ):
            ends = _edge_rows(rows, r, left, "ends")
            # A column's first row: its left column's item ends short two rows down, but
            # the right column's text starts on an edge more rows share.
            cut[n] = (ends >= EDGE_ROWS or ends > 1 and _numbers_on(cols, row, start, n)
                      or ends > 1 and _edge_rows(rows, r, right, "starts") > EDGE_ROWS
                      # a justified line's first word alone ("a" | "learning city ...",
                      # a list's hanging text on the edge after it) is one of its even spaces
                      or _one_word_cell(cols, rows, r, n) and not _among_word_spaces(rows, r, runs, n)) \
                and not _is_marker(
                cols, row.idx[max(start, apart):k], row.idx[k], _after_even_spaces(wide, runs, max(start, apart))
            )
        elif right - left >= ALIGNED_GAP * size:
            cut[n] = _hangs_before_column(cols, rows, r, n, left, start)
        if cut[n]:
            start = k
    start = 0
    for n, (k, left, right) in enumerate(wide):
        if cut[n]:
            start = k
            continue
        gap = right - left
        beside = [space for step in (-1, 1) if (space := _word_space_beside(cols, row, cut, n, step)) is not None]
        # The narrower side: a gutter beside another gutter is still wider than the words.
        spacing = min(beside, default=0.0)
        if not beside:
            # Measured in the em of the text beside the gap: small cells (a table in a
            # sidebar) sharing a row with larger body text are apart by their own em.
            local = min(size, max(cols.size[row.idx[k - 1]], cols.size[row.idx[k]], 1.0))
            cut[n] = gap > FRAGMENT_GAP * local and not _bridged(rows, r, left, right) and not _lone_justified_space(
                cols, rows, r, cut, start, n)
        elif gap >= GUTTER_GAP * size and gap > 2 * spacing:
            # A list marker hanging in the gutter before its item stays with it; so does
            # a word's tail after a ligature's gap, on no column's edge ("diffi   cult").
            cut[n] = not _is_marker(cols, row.idx[start:k], row.idx[k]) and not _split_at_ligature(
                cols, rows, r, n, max(beside)) and (
                gap > FRAGMENT_GAP * size and not _bridged(rows, r, left, right) or _channel(rows, r, left, right))
        elif gap >= ALIGNED_GAP * size and gap > 1.2 * spacing:
            # A gutter-wide gap needs one other row on its edge (an item of two lines), and
            # so does a narrower one before a bullet or number opening an item, its next
            # line flush with it (justified columns of items 8 pt apart).
            need = EDGE_ROWS if gap < GUTTER_GAP * size and not _item_marker_column(cols, rows, r, n) \
                and not _ragged_gutter(cols, rows, r, n, spacing) else 2
            if gap > 2 * spacing and _bullet_as_the_rows(cols, row, n):
                need = 1  # a row of items: the row's own bullet again, after a gap wider than its words'
            cut[n] = not _is_marker(cols, row.idx[start:k], row.idx[k]) and (
                _edge_rows(rows, r, right, "starts") >= need)
        if not cut[n] and gap >= GUTTER_GAP * size and _edge_rows(rows, r, right, "starts") == 2 \
                and _table_row_edge(rows, r, right):
            cut[n] = not _justified_run(cols, rows, r, wide, runs, n) and not _is_marker(
                cols, row.idx[start:k], row.idx[k])
        if cut[n]:
            start = k
    return {wide[n][0] for n in range(len(wide)) if cut[n]}


def _table_row_edge(rows: list[_Row], r: int, x: float) -> bool:
    """Does row r start a cell at x the way a table's other row does: a row just above or
    below, in the same size and starting where row r starts, starts text where row r does
    after each of its gutter-wide gaps, x one of them, and row r where it does (two rows
    of a table, a header over its values, whose cells share their left edges though no
    third row shows them as columns)? Justified lines, whose word spaces may be as wide,
    share one or two word starts by chance, never all of them."""
    row = rows[r]
    for j in (r - 1, r + 1):
        if not 0 <= j < len(rows) or abs(rows[j].top - row.top) > 2.0 * row.size:
            continue
        other = rows[j]
        if not other.xs or abs(other.size - row.size) > SAME_SIZE or abs(other.xs[0] - row.xs[0]) > EDGE_TOLERANCE:
            continue
        cells = [right for _, left, right in row.gaps if right - left >= GUTTER_GAP * row.size]
        other_cells = [right for _, left, right in other.gaps if right - left >= GUTTER_GAP * other.size]
        if len(cells) >= 2 and any(abs(at - x) <= EDGE_TOLERANCE for at in cells) \
                and all(_on_edge(other.starts, at) for at in cells) and all(_on_edge(row.starts, at) for at in other_cells):
            return True
    return False


def _after_even_spaces(wide: list[tuple[int, float, float]], runs: list[tuple[int, int]], k: int) -> bool:
    """Does the text from row glyph k follow a space as wide as the one before it (the
    even word spaces of one justified line)?"""
    m = next((q for q, (at, _, _) in enumerate(wide) if at == k), None)
    return m is not None and runs[m][0] < m


def _ragged_gutter(cols: _Cols, rows: list[_Row], r: int, n: int, spacing: float) -> bool:
    """Is row r's gap n, narrower than a gutter may be elsewhere, one between two ragged
    columns of short items: over twice the line's word spaces (ragged text spaces its
    words alike), before a word opening in a capital, then lowercase (an item's first
    word), with the row above or below leaving it empty (a channel)? Two rows on its
    right edge (an item's two lines) then show the column."""
    _, left, right = rows[r].gaps[n]
    return right - left > 2 * spacing and bool(_ITEM_WORD.match(_word_after(cols, rows[r], n))) \
        and _channel(rows, r, left, right)


_ITEM_WORD = lazy(r"^[‘“'\"]?\p{Lu}\p{Ll}")
"""An item's first word: a capital, perhaps after an opening quotation mark, then lowercase."""


def _one_word_cell(cols: _Cols, rows: list[_Row], r: int, n: int) -> bool:
    """Is the text left of gap n one word set apart on both sides, starting on a column
    edge that rows above or below share: a table cell, ragged on the right (its width
    says nothing), whose left edge is aligned, as is that of the cell right of the gap?
    A heading's letter or number ("A.", "IV.", "12)") before its title is no cell."""
    row = rows[r]
    wide = row.gaps
    if n and wide[n - 1][2] - wide[n - 1][1] < ALIGNED_GAP * row.size:
        return False  # a word space before it: the text left of the gap is more than a word
    word = _word_after(cols, row, n - 1) if n else "".join(cols.text[i] for i in row.idx[: wide[0][0]])
    start = wide[n - 1][2] if n else row.xs[0]
    return not _NUMBERING.match(word) and _edge_rows(rows, r, start, "starts") >= EDGE_ROWS


_NUMBERING = lazy(r"^\(?[\p{L}\d]{1,3}[.)]$")
"""A heading's or item's letter or number with its dot or bracket ("A.", "IV.", "12)")."""


def _other_baseline(cols: _Cols, idx: list[int], k: int) -> bool:
    """Do the row's glyphs before and from position k, of one size, stand on baselines
    `OTHER_LINE` of it or more apart, each side's next glyph on its own (two glyphs or
    more each side), their boxes of one height: the lines of two columns that a row took
    together (a column's line set a little lower than the one beside it), not one line's
    words, nor a symbol raised within them?"""
    if k < 2 or k + 1 >= len(idx):
        return False
    left, right = idx[k - 1], idx[k]
    size = cols.size[left]
    shift = cols.bottom[right] - cols.bottom[left]
    rigid = abs((cols.top[right] - cols.top[left]) - shift) <= 0.05 * size
    level = abs(cols.bottom[idx[k - 2]] - cols.bottom[left]) <= 0.05 * size \
        and abs(cols.bottom[idx[k + 1]] - cols.bottom[right]) <= 0.05 * size
    return abs(cols.size[right] - size) <= 0.1 * size and abs(shift) >= OTHER_LINE * size and rigid and level


OTHER_LINE = 0.3
"""Font sizes by which two glyphs' baselines differ where they stand on different lines (one
line's glyphs share theirs; fonts of one line differ in descent by less)."""


def _item_marker_opens(cols: _Cols, row: _Row, n: int) -> bool:
    """Does an item's marker follow gap n of the row (a bullet, a glyph pdfminer could not
    name, an en dash, or a list number: `•`, `–`, `3.`, `(2)`; a letter or roman number on
    a row opened by one, `_lettered_row`), then a word opening with a capital or a
    quotation mark: an item, not prose?"""
    wide = row.gaps
    if n + 1 >= len(wide) or wide[n + 1][0] >= len(row.idx):
        return False
    mark = _word_after(cols, row, n)
    if _UNNAMED_TOUCHING.match(mark):
        return True  # a bullet pdfminer could not name, set close to the item's first word: "(cid:127)A network"
    return bool(_ITEM_MARK.match(mark) or UNNAMED.match(mark) or _lettered_row(cols, row, mark)
                or _numbered_row(cols, row, mark)) and _item_word_after(cols, row, n)


def _item_word_after(cols: _Cols, row: _Row, n: int) -> bool:
    """Does the word after the one after gap n open an item (a capital or a quotation
    mark)? The row's gaps run on past it (the caller checks)."""
    return bool(_OPENS_ITEM.match(cols.text[row.idx[row.gaps[n + 1][0]]]))


def _lettered_row(cols: _Cols, row: _Row, mark: str) -> bool:
    """Is `mark` an item's letter or roman number ("b)", "iii.") on a row that opens with
    one too (lettered items side by side)? A letter alone in prose ("v. Jones", "a. m.")
    has no such row."""
    return bool(_LETTER_MARK.match(mark) and _LETTER_MARK.match(_word_from(cols, row, 0)))


def _numbered_row(cols: _Cols, row: _Row, mark: str) -> bool:
    """Is `mark` a bare list number ("2", "02") on a row that opens with a lower one (bare
    numbers side by side: "1 The ... 2 An ...")? A number alone in prose ("in 2 towns")
    has no such row."""
    first = _word_from(cols, row, 0)
    return bool(_BARE_NUMBER.match(mark) and _BARE_NUMBER.match(first)) and int(first) < int(mark)


def _bullet_as_the_rows(cols: _Cols, row: _Row, n: int) -> bool:
    """Does gap n of the row end at the bullet that opens the row ("▪ ... lan-  ▪ The
    annual ..."), before a word opening an item: a row of items side by side, the one
    beside the first a line long (no other row on its edge)?"""
    wide = row.gaps
    if n + 1 >= len(wide) or wide[n + 1][0] >= len(row.idx):
        return False
    mark = _word_after(cols, row, n)
    return bool(_BULLET_MARK.match(mark)) and mark == _word_from(cols, row, 0) and _item_word_after(cols, row, n)


def _item_marker_column(cols: _Cols, rows: list[_Row], r: int, n: int) -> bool:
    """Does gap n of row r end where an item's marker (a bullet or a list number, see
    `_item_marker_opens`) opens an item, on this row or on one of the two rows just above
    (the item's first line, its next lines flush with it)?"""
    right = rows[r].gaps[n][2]
    for above in range(r, max(-1, r - 3), -1):
        row = rows[above]
        if above < r and (r - above) * 2.5 * row.size < rows[r].top - row.top:
            break
        if any(abs(x - right) <= EDGE_TOLERANCE and _item_marker_opens(cols, row, m)
               for m, (_, _, x) in enumerate(row.gaps)):
            return True
    return False


_ITEM_MARK = lazy(r"^(?:[•▪●◦■–]|\(?\d{1,2}[.)])$")
"""A bullet glyph, an en dash or a list number (prose's dash between words has no next
line flush with it, which `_item_marker_column` asks for)."""

_BULLET_MARK = lazy(rf"^[{BULLETS}]$")
"""A bullet glyph (no dash: prose sets dashes between words)."""

_BARE_NUMBER = lazy(r"^(?:0?[1-9]|[1-9]\d)$")
"""A list number with no dot or bracket: "2", "02"."""

_LETTER_MARK = lazy(rf"^{ITEM_LETTER}$")
"""An item's letter or roman number: "b)", "(c)", "iii."."""

_OPENS_ITEM = lazy(r"^[\p{Lu}‘“'\"]")
"""An item's first word: a capital, or a quotation mark before a name."""

_UNNAMED_TOUCHING = lazy(r"^\(cid:\d+\)[\p{Lu}‘“'\"]")
"""A glyph pdfminer could not name, touching a capital or a quotation mark: a bullet set
close to its item's first word ("(cid:127)A network"); a ligature it could not name has
lowercase letters after it."""


def _lone_justified_space(cols: _Cols, rows: list[_Row], r: int, cut: list[bool], start: int, n: int) -> bool:
    """Whether row r's gap n, with no other word space in its fragment, is the one word
    space of a justified line of a narrow column ("Learning,   neigh-"): the text
    left of it starts on a column edge and the text right of it ends on one (each shared
    by EDGE_ROWS rows), while neither side of the gap is such an edge (a word of another
    justified line may end or start there by chance), and the column's text in the rows
    just above and below runs into it (a gutter or a table's channel would run on empty).
    A row that ends before the gap (a paragraph's short last line, an item's) says
    nothing of it; one of the two must run past it. An item's first line is measured
    from its text, past the list number hanging before the column's edge, or where that
    text is a tab further on, from the edge of the lines hung under the number."""
    row = rows[r]
    _, left, right = row.gaps[n]
    after = next((m for m in range(n + 1, len(row.gaps)) if cut[m]), None)
    first, end = row.xs[start], row.gaps[after][1] if after is not None else row.reach[-1]
    opened = next((m for m, (k, _, _) in enumerate(row.gaps) if k > start), n)
    if _edge_rows(rows, r, first, "starts") < EDGE_ROWS and opened < n \
            and _LIST_MARK.match("".join(cols.text[i] for i in row.idx[start:row.gaps[opened][0]])):
        first = row.xs[row.gaps[opened][0]]  # the number hangs: the column's edge is its text's
        if _edge_rows(rows, r, first, "starts") < EDGE_ROWS:
            # or, its text a tab further on, the edge of the lines hung under the number
            under = _edge_under_marker(rows, r, row.xs[start], row.gaps[opened][1])
            first = first if under is None else under
    if not (_edge_rows(rows, r, first, "starts") >= EDGE_ROWS and _column_ends_at(rows, r, first, end, after is not None)
            and _edge_rows(rows, r, left, "ends") < EDGE_ROWS and _edge_rows(rows, r, right, "starts") < EDGE_ROWS):
        return False
    beside = [rows[j] for step in (-1, 1) if (j := _line_beside(rows, r, step, first, end, row.gaps[n])) is not None
              and rows[j].reach[bisect_left(rows[j].xs, end) - 1] > left]
    return bool(beside) and all(_widest_hole(other, left, right) < right - left for other in beside)


def _column_ends_at(rows: list[_Row], r: int, x0: float, x1: float, gutter_after: bool) -> bool:
    """Whether row r's text from x0 ends at x1 on its column's edge: EDGE_ROWS rows end
    there, or, where a gutter found already follows (a list number hanging in it), the
    column's next line above or below does (a short item's justified second line, its
    third short)."""
    if _edge_rows(rows, r, x1, "ends") >= EDGE_ROWS:
        return True
    return gutter_after and any(
        (j := _next_in(rows, r, step, x0, x1)) is not None and _on_edge(rows[j].ends, x1) for step in (-1, 1))


def _line_beside(rows: list[_Row], r: int, step: int, x0: float, x1: float,
                 gap: tuple[int, float, float]) -> int | None:
    """The column's next line above or below row r (`_next_in`), or where that line is one
    of a few words whose space spans all of `gap` (`_few_words_apart`: a narrow column's
    two such lines in a row), the line beyond it."""
    j = _next_in(rows, r, step, x0, x1)
    _, left, right = gap
    if j is not None and _widest_hole(rows[j], left, right) >= right - left and _few_words_apart(rows[j], x0, x1, gap):
        return _next_in(rows, j, step, x0, x1)
    return j


def _numbers_on(cols: _Cols, row: _Row, start: int, n: int) -> bool:
    """Whether the word after the row's gap n is a list number counting on from the one
    that opens the text since `start` ("1) Evening classes in" | "2) Farmer field"):
    items side by side, the first line of each justified with word spaces as wide as the
    gutter, their last lines short (so only two rows end on the column's edge)."""
    before = _word_from(cols, row, start)
    after = _word_after(cols, row, n)
    return bool(_LIST_MARK.match(before) and _LIST_MARK.match(after)) and counts_on(before, after)


def _word_from(cols: _Cols, row: _Row, start: int) -> str:
    """The text from the row's glyph `start` up to the next gap (or the row's end)."""
    end = next((g[0] for g in row.gaps if g[0] > start), len(row.idx))
    return "".join(cols.text[i] for i in row.idx[start:end])


def _word_after(cols: _Cols, row: _Row, n: int) -> str:
    """The text between the row's gap n and the next gap (or the row's end)."""
    end = row.gaps[n + 1][0] if n + 1 < len(row.gaps) else len(row.idx)
    return "".join(cols.text[i] for i in row.idx[row.gaps[n][0]:end])


def _hangs_before_column(cols: _Cols, rows: list[_Row], r: int, n: int, left: float, opening: int = 0) -> bool:
    """Whether row r's gap n ends one column and a list marker hanging in the gutter
    follows it, the marker's item starting on the next column's edge ("... Alley" |
    "2)" "Zenda-dong ..."): the gap, not the one after the marker, is the gutter.
    Short items (two lines, the second short) leave no shared edge where the column
    before ends: a gutter-wide gap before a bullet, a list number or an item's letter
    (`b)`, its justified line's word spaces perhaps wider still) then does, when the
    line below hangs on the text after the marker (the item's second line) and a row
    beside leaves the gap empty too (a channel: an inline "(2)" in prose has text running
    under it); the item's second line may hang under the marker's right edge instead (a
    word processor's hanging indent as wide as the number or a little narrower, its first
    line's text set further off by a tab). A dash counts too, on those two conditions:
    prose's dash has neither. A narrower gap does where the number counts on from the one
    opening the text since `opening` ("1) Night schools ... fami-" "2)" "Farm schools
    ..."): a word processor's numbers hanging in a gutter narrower than an em; or where
    the text before it ends on an edge another row shares (the justified first lines of
    short items)."""
    wide = rows[r].gaps
    if _glued_marker_hangs(cols, rows, r, n, left, opening):
        return True
    marker = rows[r].idx[wide[n][0]:wide[n + 1][0]] if n + 1 < len(wide) else []
    after = rows[r].idx[wide[n + 1][0]] if marker and wide[n + 1][0] < len(rows[r].idx) else None
    if not marker or not _is_marker(cols, marker, after):
        return False
    start = wide[n + 1][2]
    if (_edge_rows(rows, r, start, "starts") >= EDGE_ROWS
            and _edge_rows(rows, r, left, "ends") >= EDGE_ROWS):
        return True
    text = _word_after(cols, rows[r], n)
    unnamed = len(marker) == 1 and bool(UNNAMED.match(text))  # a bullet pdfminer could not name, before a capital
    return ((wide[n][2] - left >= GUTTER_GAP * rows[r].size or _numbers_on(cols, rows[r], opening, n)
             or _edge_rows(rows, r, left, "ends") >= 2)
            and bool(_LIST_MARK.match(text) or _ITEM_LETTER.match(text) or _DASH_MARK.match(text)
                     or _PADDED_NUMBER.match(text) or unnamed)
            and (_hangs_below(rows, r, start) or _edge_under_marker(rows, r, cols.x0[marker[0]], wide[n + 1][1]) is not None)
            and _channel(rows, r, left, wide[n][2]))


def _glued_marker_hangs(cols: _Cols, rows: list[_Row], r: int, n: int, left: float, opening: int = 0) -> bool:
    """Whether a list number glued to its item's first word ("(2)Intercultural": a
    word processor's hanging indent the number fills) follows row r's gap n, the
    item's text starting on an edge rows below share (its next lines hang on it) and
    the column before ending on one (justified): the gap is the gutter, however close
    its width is to the line's stretched word spaces. A ragged column ends on no edge:
    there the number must count on from the glued one opening the text since `opening`
    ("(1)The ... ferry" "(2)Dockside"), and the gap run on down the page (`_channel`)."""
    row = rows[r]
    first = row.gaps[n][0]
    word = _word_after(cols, row, n)
    glued = _GLUED_NUMBER.match(word)
    if glued is None or first + glued.end() >= len(row.idx):
        return False
    text_start = cols.x0[row.idx[first + glued.end()]]
    if _edge_rows(rows, r, text_start, "starts") < EDGE_ROWS:
        return False
    if _edge_rows(rows, r, left, "ends") >= EDGE_ROWS:
        return True
    opens = _GLUED_NUMBER.match("".join(cols.text[i] for i in row.idx[opening : opening + _GLUED_NUMBER_CHARS]))
    return opens is not None and counts_on(opens.group(), glued.group()) and _channel(rows, r, left, row.gaps[n][2])


_GLUED_NUMBER = lazy(r"\(?\d{1,2}[.)](?=[\p{Lu}‘“'\"])")
"""A list number touching its item's first word, a capital or an opening quotation mark."""
_GLUED_NUMBER_CHARS = 5  # "(12)" and the letter after it: all `_GLUED_NUMBER` reads


def _row_below(rows: list[_Row], r: int) -> _Row | None:
    """The row just below row r, if it is within two and a half font sizes."""
    below = r + 1
    return rows[below] if below < len(rows) and rows[below].top - rows[r].top <= 2.5 * rows[r].size else None


def _hangs_below(rows: list[_Row], r: int, x: float) -> bool:
    """Whether the row just below row r starts text at x: an item's second line hanging
    on its first line's text."""
    below = _row_below(rows, r)
    return below is not None and _on_edge(below.starts, x)


def _edge_under_marker(rows: list[_Row], r: int, x0: float, x1: float) -> float | None:
    """Where the row just below row r starts text under the right half of a marker
    spanning x0..x1, up to its right edge (None if it does not): a word processor's
    hanging indent as wide as the number or a little narrower (the number overhangs it,
    its first line's text set a tab further on)."""
    below = _row_below(rows, r)
    middle = (x0 + x1) / 2
    return None if below is None else next(
        (x for xs in below.starts.values() for x in xs if middle < x <= x1 + EDGE_TOLERANCE), None)


def _after_marker(cols: _Cols, row: _Row, cut: list[bool], m: int) -> bool:
    """Whether gap m follows a list marker that opens its fragment: the space after a
    marker is a tab, not one of the line's word spaces."""
    first = row.gaps[m - 1][0] if m > 0 else 0
    return (m == 0 or cut[m - 1]) and _is_marker(cols, row.idx[first:row.gaps[m][0]])


def _word_space_beside(cols: _Cols, row: _Row, cut: list[bool], n: int, step: int) -> float | None:
    """The word space next to row's gap n on one side (step -1 or 1), if that side has one.
    A ligature's little gap lies inside a word, so the space beyond it is the side's: a
    line ending "... fi rms" before a gutter has its word spaces left of "fi" (without
    them the gutter, under the 1.2 em of a lone gap, stayed a word space and the next
    column's first line ran into this one's). A cut gap or the tab after a marker is none,
    nor is a gap over twice as wide as this one and wider than FRAGMENT_GAP ems."""
    gap = row.gaps[n][2] - row.gaps[n][1]
    m = n + step
    while 0 <= m < len(row.gaps) and _ligature_gap(cols, row, m, gap):
        m += step
    if not 0 <= m < len(row.gaps) or cut[m] or _after_marker(cols, row, cut, m):
        return None
    space = row.gaps[m][2] - row.gaps[m][1]
    # A gap over twice this one and wider than a lone gap may be is a gutter still to be
    # judged (small table cells beside a column of body text), no word space.
    return None if space > 2 * gap and space > FRAGMENT_GAP * row.size else space


# The last two letters of each ligature glyph ("ffi" -> "fi"): the gap comes after them.
_LIGATURE_PAIRS = frozenset(ending[-2:] for ending in Language().ligature_endings)


def _ligature_gap(cols: _Cols, row: _Row, m: int, gap: float) -> bool:
    """Whether gap m is the little gap a ligature glyph leaves inside a word ("fi sh"), less
    than half `gap`: no word space to measure a justified line's spacing by (beside it,
    the line's own stretched space looked twice as wide, a gutter)."""
    k = row.gaps[m][0]
    if row.gaps[m][2] - row.gaps[m][1] >= 0.5 * gap:
        return False
    return _after_ligature(cols, row, k) and cols.text[row.idx[k]].isalpha()


def _after_ligature(cols: _Cols, row: _Row, k: int) -> bool:
    """Do the row's glyphs before glyph k end in a ligature's letters ("fi", "ff")? The
    last two letters of the two glyphs before it: a glyph may give two ("ff" + "i"), or
    be the ligature's own character (PDFium's "\ufb03"), read as its letters."""
    if k < 2:
        return False
    letters = unicodedata.normalize("NFKC", cols.text[row.idx[k - 2]] + cols.text[row.idx[k - 1]])
    return letters[-2:].lower() in _LIGATURE_PAIRS


def _split_at_ligature(cols: _Cols, rows: list[_Row], r: int, n: int, spacing: float) -> bool:
    """Is row r's gap n a ligature's gap stretched with a justified line's spaces, inside
    a word ("diffi" / "cult"): after a ligature's letters, before a lowercase letter, no
    more than `LIGATURE_STRETCH` times the widest word space beside it (`spacing`), and
    the text after it on no edge other rows start at (a column's)? A gutter after a word
    ending so ("staff" / the next column's hanging line) is wider."""
    row = rows[r]
    k, left, right = row.gaps[n]
    return right - left <= LIGATURE_STRETCH * spacing and _after_ligature(cols, row, k) \
        and cols.text[row.idx[k]][:1].islower() and _edge_rows(rows, r, right, "starts") < 2


LIGATURE_STRETCH = 2.5
"""A ligature's gap in a justified line stretches with its word spaces: about twice one."""


EVEN_SPACING = 0.1
"""Word spaces within this fraction of each other are one justified line's even spacing."""


def _even_runs(wide: list[tuple[int, float, float]]) -> list[tuple[int, int]]:
    """Per gap, the first and last index of the run of neighbouring gaps as wide as it."""
    bounds: list[tuple[int, int]] = []
    first = 0
    for n in range(1, len(wide) + 1):
        if n < len(wide):
            a, b = wide[n - 1][2] - wide[n - 1][1], wide[n][2] - wide[n][1]
            if abs(a - b) <= EVEN_SPACING * max(a, b):
                continue
        bounds += [(first, n - 1)] * (n - first)
        first = n
    return bounds


def _among_word_spaces(rows: list[_Row], r: int, runs: list[tuple[int, int]], n: int) -> bool:
    """Is gap n one of a justified line's even word spaces: as wide as at least
    `_EVEN_WORD_SPACES` other gaps of its row (`_even_runs`) after which no other row
    starts text? A table's cells are as evenly apart, but each on a column edge."""
    first, last = runs[n]
    wide = rows[r].gaps
    loose = sum(1 for m in range(first, last + 1)
                if m != n and _edge_rows(rows, r, wide[m][2], "starts") < 2)
    return loose >= _EVEN_WORD_SPACES


_EVEN_WORD_SPACES = 3
"""Gaps of a row as wide as one, on no column edge, that make it a word space."""


def _two_word_justified_line(cols: _Cols, rows: list[_Row], r: int, n: int) -> bool:
    """Whether row r's gap n, however wide, is the one word space of a justified line of
    two words in a narrow column ("Zenda            Reads"): taken between the gutter-wide
    gaps either side of it, it is `_lone_justified_space`, and the line above is a whole
    line of that column, the line below one too or the paragraph's short last line (a
    table's cells are neither; `_whole_line_beyond`), and a word, not a figure, follows
    the gap (a table's figures are set flush right too). Where the column opens under the
    line above (`_column_opens_under`), the line below alone shows it, spacing its words
    evenly."""
    row = rows[r]
    if not cols.text[row.idx[row.gaps[n][0]]].isalpha():
        return False
    gutter = [n != m and right - left >= GUTTER_GAP * row.size for m, (_, left, right) in enumerate(row.gaps)]
    start = next((row.gaps[m][0] for m in range(n - 1, -1, -1) if gutter[m]), 0)
    after = next((m for m in range(n + 1, len(row.gaps)) if gutter[m]), None)
    x0, x1 = row.xs[start], row.gaps[after][1] if after is not None else row.reach[-1]
    if not _lone_justified_space(cols, rows, r, gutter, start, n):
        return False
    opens = _column_opens_under(rows, _next_in(rows, r, -1, x0, x1), x0, x1)
    return (opens or _whole_line_beyond(rows, r, -1, x0, x1, row.gaps[n])) and _whole_line_beyond(
        rows, r, 1, x0, x1, row.gaps[n], evenly=opens)


def _whole_line_beyond(rows: list[_Row], r: int, step: int, x0: float, x1: float,
                       gap: tuple[int, float, float], evenly: bool = False) -> bool:
    """Is the next line of the column from x0 to x1 above (step -1) or below (step 1) row r
    a whole line running across its `gap` (below, the paragraph's short last line will
    do), or is it another line of a few words only, its wide spaces elsewhere
    (`_few_words_apart`), and the line beyond it such a whole line? Short-worded lines may
    follow each other in a narrow column ("harbours,   kilns" over "pottery   and"); the
    cells of a table's rows start and end on shared edges; above, the line of a few words
    may be the column's first (`_column_opens_under`). With `evenly`, that whole line
    must space its words evenly, as a justified or ragged line of text does: a table's
    row under its header leaves a wider hole between its cells than between its words."""
    near = r  # the line the next one is looked for from (`_next_in`: within two of its sizes)
    j = _next_in(rows, r, step, x0, x1)
    for beyond in (False, True):
        if j is None:
            return False
        if _full_column_line(rows[j], x0, x1, gap) or step > 0 and _short_last_line(rows[j], x0, x1, rows[near].size):
            return not evenly or _evenly_spaced(rows[j], x0, x1)
        if beyond or not _few_words_apart(rows[j], x0, x1, gap):
            return False
        near, j = j, _next_in(rows, j, step, x0, x1)
        if step < 0 and _column_opens_under(rows, j, x0, x1):
            return True  # that line of a few words is the column's first
    return False


def _next_in(rows: list[_Row], r: int, step: int, x0: float, x1: float) -> int | None:
    """The nearest row above (step -1) or below (step 1) row r, within two of its font
    sizes, with text between x0 and x1; rows between with none there (a margin column's
    lines, set at their own baselines) are passed over."""
    j = r + step
    while 0 <= j < len(rows) and abs(rows[j].top - rows[r].top) <= 2.0 * rows[r].size:
        row = rows[j]
        k = bisect_left(row.xs, x0)
        if k < len(row.xs) and row.xs[k] < x1 or k and row.reach[k - 1] > x0:
            return j
        j += step
    return None


def _evenly_spaced(row: _Row, x0: float, x1: float) -> bool:
    """Are the word spaces of `row` between x0 and x1 about equally wide (within half
    an em)?"""
    spaces = [right - left for _, left, right in row.gaps if left > x0 + EDGE_TOLERANCE and right < x1 - EDGE_TOLERANCE]
    return not spaces or max(spaces) - min(spaces) <= 0.5 * row.size


def _column_opens_under(rows: list[_Row], j: int | None, x0: float, x1: float) -> bool:
    """Is the line under row j its column's first: none above it within two font sizes,
    or row j runs across the column's left edge x0 without starting there, or across
    its right edge x1 with no gutter after the column's text (an intro's last line over
    the columns of items)?"""
    if j is None:
        return True
    row = rows[j]
    if row.xs[0] < x0 - EDGE_TOLERANCE and not _on_edge(row.starts, x0):
        return True
    k = bisect_left(row.xs, x1 + EDGE_TOLERANCE)  # the first glyph right of the column
    return 0 < k < len(row.xs) and row.xs[k] - row.reach[k - 1] < ALIGNED_GAP * row.size


def _few_words_apart(row: _Row, x0: float, x1: float, gap: tuple[int, float, float]) -> bool:
    """Does `row` hold a line of the column from x0 of one word, or of two or three
    justified to x1, their spaces not ending and starting where `gap` does (as a table's
    cells would)? A narrow column's words too long to share a line leave such lines."""
    inside = [(left, right) for _, left, right in row.gaps
              if left > x0 + EDGE_TOLERANCE and right < x1 - EDGE_TOLERANCE]
    if not _on_edge(row.starts, x0) or len(inside) > SHORT_WORDED - 1:
        return False
    _, gap_left, gap_right = gap
    if not inside:
        k = bisect_left(row.xs, x1)
        return abs(row.reach[k - 1] - gap_left) > EDGE_TOLERANCE
    return _on_edge(row.ends, x1) and all(
        abs(left - gap_left) > EDGE_TOLERANCE and abs(right - gap_right) > EDGE_TOLERANCE for left, right in inside)


SHORT_WORDED = 3
"""Words at most on a narrow column's line that leaves wide spaces between them."""


def _full_column_line(row: _Row, x0: float, x1: float, gap: tuple[int, float, float]) -> bool:
    """Does `row` hold a line of the column from x0 to x1, starting and ending on those
    edges, its words covering at least half of the wide `gap` of the line it neighbours
    (a table's rows leave their channel empty)?"""
    _, left, right = gap
    return _on_edge(row.starts, x0) and _on_edge(row.ends, x1) and _widest_hole(row, left, right) <= (right - left) / 2


def _short_last_line(row: _Row, x0: float, x1: float, size: float) -> bool:
    """Does `row` hold a paragraph's last line in the column from x0 to x1: starting on
    x0's edge and ending over an em (`size`) short of x1 ("from   pedagogical" over
    "innovations.")?"""
    inside = [k for k, x in enumerate(row.xs) if x0 - EDGE_TOLERANCE <= x < x1]
    return bool(inside) and _on_edge(row.starts, x0) and row.reach[inside[-1]] < x1 - size


def _justified_run(cols: _Cols, rows: list[_Row], r: int, wide: list[tuple[int, float, float]],
                   runs: list[tuple[int, int]], n: int) -> bool:
    """Whether gap n is one of the even spaces of a justified line of a column: the words
    around the run of equal gaps start and end on column edges that nearby rows share.

    A justified line sets its words in one size: a gap between two sizes (a margin
    quote's smaller line beside the body's, a margin's width as wide as the body's word
    spaces) is no space of it, and the line's words are those on gap n's side of it."""
    row = rows[r]
    first, last = runs[n]
    if first == last or not _one_size_across(cols, row, wide[n][0]):
        return False
    lo, hi = n, n  # the gaps next to n set between words of one size
    while lo > first and _one_size_across(cols, row, wide[lo - 1][0]):
        lo -= 1
    while hi < last and _one_size_across(cols, row, wide[hi + 1][0]):
        hi += 1
    start_k = wide[lo - 1][0] if lo > 0 else 0
    end_k = wide[hi + 1][0] if hi + 1 < len(wide) else len(row.idx)
    x0, x1 = row.xs[start_k], row.reach[end_k - 1]
    return (
        _edge_rows(rows, r, x0, "starts") >= EDGE_ROWS
        and _edge_rows(rows, r, x1, "ends") >= EDGE_ROWS
    )


def _one_size_across(cols: _Cols, row: _Row, k: int) -> bool:
    """Are the glyphs either side of the gap before row glyph k set in one size?"""
    return abs(cols.size[row.idx[k - 1]] - cols.size[row.idx[k]]) <= SAME_SIZE


def _edge_rows(rows: list[_Row], r: int, x: float, side: str) -> int:
    """How many rows near row r (itself included; at most EDGE_WINDOW above and below, each
    within two and a half font sizes of the next) start (side "starts") or end ("ends")
    text at x. A row whose text lies wholly more than two ems beyond x (a sidebar set at
    its own baselines beside the columns) is passed over: it says nothing of x."""
    count = 1
    size = rows[r].size
    for step in (-1, 1):
        j, last, seen = r + step, rows[r].top, 0
        while 0 <= j < len(rows) and seen < EDGE_WINDOW:
            if abs(rows[j].top - last) > 2.5 * size:
                break
            if rows[j].xs and (rows[j].xs[0] > x + 2 * size or rows[j].reach[-1] < x - 2 * size):
                j += step
                continue
            if _on_edge(rows[j].starts if side == "starts" else rows[j].ends, x):
                count += 1
            last = rows[j].top
            seen += 1
            j += step
    return count


def _fragments(glyphs: Glyphs, copies: list[int]) -> list[_Fragment]:
    """Group glyphs into same-baseline runs, split at gutters, sorted top-down.

    Which gaps are gutters is told by the page's own geometry (`_gutters`), not by one
    fixed width, so a 1-em gutter splits and a wide justified word space does not."""
    cols = _Cols(glyphs)
    cols.copies = any(copies)
    rows = _rows(glyphs, cols)
    geometry = [_row_geometry(cols, row) for row in rows]
    pieces = _spaced_texts(glyphs, cols, [i for row in rows for i in row])
    gutters = [_gutters(cols, geometry, r) if geo.gaps else set() for r, geo in enumerate(geometry)]
    frags: list[_Fragment] = []
    at = 0  # where the row starts among `pieces`
    for r, row in enumerate(rows):
        geo = geometry[r]
        if not geo.gaps:  # no gap wide enough to be a gutter: one fragment
            frags.append(_fragment(cols, copies, row, pieces, at))
            at += len(row)
            continue
        cuts = {geo.idx[k] for k in gutters[r] | _gutters_carried(cols, geometry, gutters, r)}
        start = 0
        for k, i in enumerate(row):
            if i in cuts and k > start:
                frags.append(_fragment(cols, copies, row[start:k], pieces, at + start))
                start = k
        if start < len(row):
            frags.append(_fragment(cols, copies, row[start:], pieces, at + start))
        at += len(row)
    return [f for f in frags if f.text]


def _gutters_carried(cols: _Cols, rows: list[_Row], gutters: list[set[int]], r: int) -> set[int]:
    """Gaps of row r that go on a gutter found in the row just above or below: the same
    channel (the gap overlaps it and ends where it ends), the text after it starting on
    that edge in EDGE_ROWS rows and the text before it ending on its left edge in two.
    A narrow justified column spreads its words as wide as its gutter (12 pt spaces beside
    an 11.5 pt gutter): one row shows the gutter (a narrower word space beside it), the
    rows under it only by their edges. A list marker before the gap (a number hanging
    before its item's column) stays with its item."""
    row = rows[r]
    carried: set[int] = set()
    for k, left, right in row.gaps:
        if k in gutters[r] or right - left < ALIGNED_GAP * row.size:
            continue
        start = max((g for g in gutters[r] if g < k), default=0)
        if _is_marker(cols, row.idx[start:k], row.idx[k]):
            continue
        for j in (r - 1, r + 1):
            if not 0 <= j < len(rows) or abs(rows[j].top - row.top) > 2.5 * row.size:
                continue
            if any(abs(r2 - right) <= EDGE_TOLERANCE and max(l2, left) < min(r2, right)
                   for k2, l2, r2 in rows[j].gaps if k2 in gutters[j]) \
                    and _edge_rows(rows, r, right, "starts") >= EDGE_ROWS and _edge_rows(rows, r, left, "ends") >= 2:
                carried.add(k)
                break
    return carried


def _fragment(cols: _Cols, copies: list[int], idx: list[int], pieces: list[str], at: int) -> _Fragment:
    """The fragment of glyphs `idx` (`pieces[at:]` onwards), spaces at either end dropped."""
    texts = cols.text
    start, end = 0, len(idx)
    while end > start and texts[idx[end - 1]].isspace():
        end -= 1
    while start < end and texts[idx[start]].isspace():
        start += 1
    most = max([copies[i] for i in idx], default=0) if cols.copies else 0
    raw = texts[idx[start]] + "".join(pieces[at + start + 1:at + end]) if start < end else ""
    return _make_fragment(cols, idx[start:end], most, raw)


def _same_style(a: _Fragment, b: _Fragment) -> bool:
    return abs(a.size - b.size) <= SAME_SIZE and a.italic == b.italic and a.bold == b.bold


def _blocks(frags: list[_Fragment]) -> list[_Block]:
    """Stack fragments into blocks: close below, overlapping in x, same style."""
    blocks: list[_Block] = []
    for frag in sorted(frags, key=lambda f: (f.top, f.x0)):
        target = None
        for block in reversed(blocks):
            last = block.fragments[-1]
            gap = frag.top - last.bottom
            # A gap of the threshold itself breaks too: the backends' boxes differ by
            # hundredths of a point, and they must not disagree on a paragraph break.
            if gap > LINE_GAP * max(last.size, frag.size) - GAP_TOLERANCE or gap < -0.5 * last.size:
                continue
            # Under the block's last line, not just somewhere under the block: a block that
            # spans several columns (an intro the first item joined) must not take the
            # lines of the other columns.
            overlap = min(last.x1, frag.x1) - max(last.x0, frag.x0)
            if overlap > 0 and _same_style(last, frag):
                target = block
                break
        if target is None:
            blocks.append(_Block([frag], frag.x0, frag.top, frag.x1, frag.bottom))
        else:
            target.add(frag)
    spacing = _page_spacing(blocks)
    return _cut_where_overlapped([piece for block in blocks for piece in _cut_at_paragraph_space(block, spacing)])


PARAGRAPH_SPACE = 0.25
"""Font sizes by which a gap must exceed a block's line spacing to be space between paragraphs."""
PAGE_SPACING_GAPS = 2
"""Gaps between lines of one size a page must show before its spacing for that size is known."""


def _lower_quartile(values: list[float]) -> float:
    """The narrowest value but for outliers."""
    return sorted(values)[len(values) // 4]


def _page_spacing(blocks: list[_Block]) -> dict[float, float]:
    """The page's line spacing for each font size (rounded to a point): the lower quartile
    of the gaps between the lines of its blocks set in that size, where the page shows
    `PAGE_SPACING_GAPS` of them or more."""
    gaps: dict[float, list[float]] = {}
    for block in blocks:
        for a, b in pairwise(block.fragments):
            gap = b.top - a.bottom
            if gap >= 0 and abs(a.size - b.size) <= SAME_SIZE:
                gaps.setdefault(round(a.size), []).append(gap)
    return {size: _lower_quartile(values) for size, values in gaps.items() if len(values) >= PAGE_SPACING_GAPS}


def _cut_at_paragraph_space(block: _Block, page_spacing: dict[float, float]) -> list[_Block]:
    """Cut a block where the space between two lines is wider than its line spacing:
    paragraphs set apart by a little space (a word processor's space after a
    paragraph, a browser's margin of half a line), too little to end a block by itself.

    The line spacing is the block's narrowest gap but for outliers (the lower quartile,
    from three lines on), or the page's for the block's size when that is narrower: one-line
    paragraphs stacked half a line apart show no spacing of their own, and two
    one-line items would otherwise stay one paragraph.
    """
    frags = block.fragments
    if len(frags) < 2:
        return [block]
    gaps = [b.top - a.bottom for a, b in pairwise(frags)]
    known = [_lower_quartile(gaps)] if len(frags) >= 3 else []
    if (page := page_spacing.get(round(frags[0].size))) is not None:
        known.append(page)
    if not known:
        return [block]
    spacing = min(known)
    cuts = [k + 1 for k, gap in enumerate(gaps)
            if gap - spacing > PARAGRAPH_SPACE * max(frags[k].size, frags[k + 1].size)]
    if not cuts:
        return [block]
    return [_block_of(frags[a:b]) for a, b in pairwise([0, *cuts, len(frags)])]


def _block_of(frags: list[_Fragment]) -> _Block:
    block = _Block([frags[0]], frags[0].x0, frags[0].top, frags[0].x1, frags[0].bottom)
    for frag in frags[1:]:
        block.add(frag)
    return block


def _cut_where_overlapped(blocks: list[_Block]) -> list[_Block]:
    """Cut a block where another block sits inside its box, beside its lines.

    A paragraph set full width and the first of several columns under it can stack
    into one block (the column's first line is close under the paragraph's last).
    Blocks of one page never overlap, so a block with another inside its box beside
    one of its lines holds two: it is cut before the first such line, and the
    columns under the paragraph are read as columns.
    """
    out: list[_Block] = []
    pending = list(reversed(blocks))  # popped from the end: the blocks in their order
    while pending:
        block = pending.pop()
        inside = [] if len(block.fragments) < 2 else [
            other for other in (*out, *pending)
            if other.top < block.bottom and other.bottom > block.top
            and other.x0 < block.x1 and other.x1 > block.x0]
        cut = next((k for k, frag in enumerate(block.fragments) if k > 0 and any(
            other.top < frag.bottom and other.bottom > frag.top
            and (other.x1 <= frag.x0 or other.x0 >= frag.x1)
            for other in inside)), None) if inside else None
        if cut is None:
            out.append(block)
        else:
            out.append(_block_of(block.fragments[:cut]))
            pending.append(_block_of(block.fragments[cut:]))
    return out


MIN_CUT_GAP = 0.5
"""Empty intervals narrower than this (points) are touching boxes, not a cut."""


def _gaps(spans: list[tuple[float, float]]) -> list[float]:
    """Cut positions: midpoints of the empty intervals between covered spans."""
    return [(start + end) / 2 for start, end in _empty_spans(spans)]


def _empty_spans(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The empty intervals between covered spans, wider than `MIN_CUT_GAP`."""
    spans = sorted(spans)
    empty: list[tuple[float, float]] = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start > reach + MIN_CUT_GAP:
            empty.append((reach, start))
        reach = max(reach, end)
    return empty


MARGIN_ITEM_CHARS = 40
"""A one-line block this short, alone above or below the rest of the page, is a running
header, footer or page number."""


def page_order(blocks: list[_Block]) -> list[_Block]:
    """A page's reading order: its running header and footer (page number) first and last,
    set aside so that they neither join nor block the columns of the body (`reading_order`)."""
    if len(blocks) <= 2:
        return reading_order(blocks)
    by_top = sorted(blocks, key=lambda b: (b.top, b.x0))
    by_bottom = sorted(blocks, key=lambda b: (-b.bottom, b.x0))
    head: list[_Block] = []
    foot: list[_Block] = []
    for _ in range(2):  # a header line and a page number above it, or the like
        rest = len(blocks) - len(head) - len(foot)
        if rest > 2:
            block, below = by_top[len(head)], by_top[len(head) + 1]
            if _margin_item(block) and _set_apart(block, below.top - block.bottom):  # above all the rest
                head.append(block)
                continue
        break
    for _ in range(2):
        rest = len(blocks) - len(head) - len(foot)
        if rest > 2:
            block, above = by_bottom[len(foot)], by_bottom[len(foot) + 1]
            fresh = all(block is not h for h in head)
            if fresh and _margin_item(block) and _set_apart(block, block.top - above.bottom):
                foot.append(block)
                continue
        break
    kept = [b for b in blocks if not any(b is h for h in head) and not any(b is f for f in foot)]
    return head + reading_order(kept) + foot[::-1]


SPREAD_GUTTER_SHARE = 0.02
"""Half the width of the strip down a spread's middle that no block may cross, as a
share of the sheet's width (facing pages leave two margins between them)."""


def spread_order(blocks: list[_Block], width: float) -> tuple[list[_Block], set[int]]:
    """A sheet's reading order, and the ids of the blocks on its right-hand page: two
    facing pages set side by side on one sheet (a booklet exported as spreads) are read
    as two pages, the left one first, each with its own header and footer; any other
    sheet as one page (`page_order`), with no right-hand page."""
    halves = _facing_pages(blocks, width)
    if halves is None:
        return page_order(blocks), set()
    return page_order(halves[0]) + page_order(halves[1]), {id(b) for b in halves[1]}


def _facing_pages(blocks: list[_Block], width: float) -> tuple[list[_Block], list[_Block]] | None:
    """The blocks of a sheet's left and right pages, or None when the sheet is one page.

    Facing pages leave the strip down the sheet's middle empty from top to bottom, with
    text on both sides of it. A sheet whose two columns meet in the middle reads the same
    either way: column after column."""
    middle, half_strip = width / 2, SPREAD_GUTTER_SHARE * width
    left = [b for b in blocks if b.x1 <= middle - half_strip]
    right = [b for b in blocks if b.x0 >= middle + half_strip]
    if not left or not right or len(left) + len(right) < len(blocks):
        return None
    return left, right


def _set_apart(block: _Block, gap: float) -> bool:
    """A running header or footer stands a line's height or more from the body; a
    stats box's first label under its heading does not."""
    return gap >= block.fragments[0].size


def _margin_item(block: _Block) -> bool:
    return len(block.fragments) == 1 and len(block.fragments[0].text) <= MARGIN_ITEM_CHARS


def reading_order(blocks: list[_Block]) -> list[_Block]:
    """Recursive XY-cut: full-height columns first, then horizontal bands, then columns.

    Side-by-side columns come out one after another; each column top to bottom.
    """
    if len(blocks) <= 1:
        return blocks
    top = min(b.top for b in blocks)
    bottom = max(b.bottom for b in blocks)
    height = max(bottom - top, 1.0)
    x_cuts = _gaps([(b.x0, b.x1) for b in blocks])
    y_cuts = _gaps([(b.top, b.bottom) for b in blocks])

    def split(cuts: list[float], key: str) -> list[list[_Block]]:
        groups: list[list[_Block]] = [[] for _ in range(len(cuts) + 1)]
        for b in blocks:
            pos = b.x0 if key == "x" else b.top
            k = sum(pos > c for c in cuts)
            groups[k].append(b)
        return [g for g in groups if g]

    if x_cuts:
        columns = split(x_cuts, "x")
        if len(columns) == 1:  # cannot happen with real gaps; never recurse without progress
            x_cuts = []
    if x_cuts:
        tall = all(
            (max(b.bottom for b in col) - min(b.top for b in col)) >= 0.5 * height for col in columns
        )
        if tall or not y_cuts:
            return [b for col in columns for b in reading_order(col)]
    if y_cuts:
        bands = split(y_cuts, "y")
        if len(bands) > 1:
            runs = _column_runs(bands)
            if len(runs) == 1 and x_cuts and _side_by_side(columns):  # the bands only make sense as columns
                return [b for col in columns for b in reading_order(col)]
            stacks = _stacks(columns) if len(runs) == 1 and x_cuts else []
            if len(stacks) > 1:
                # Columns one above another (a body, and a margin quote set below its
                # end): each stack read whole, the higher first, not their rows interleaved.
                return [b for stack in stacks for b in reading_order(stack)]
            if len(runs) == 1:  # no progress to recurse on: top to bottom
                return sorted(blocks, key=lambda b: (b.top, b.x0))
            return [b for run in runs for b in reading_order(run)]
    return sorted(blocks, key=lambda b: (b.top, b.x0))


def _side_by_side(columns: list[list[_Block]]) -> bool:
    """Does every column share some height with another (columns, not a caption set
    below and apart from a quote, which is read after it)?"""
    spans = [(min(b.top for b in col), max(b.bottom for b in col)) for col in columns]
    return all(any(k != j and top < other_bottom and other_top < bottom
                   for j, (other_top, other_bottom) in enumerate(spans))
               for k, (top, bottom) in enumerate(spans))


def _stacks(columns: list[list[_Block]]) -> list[list[_Block]]:
    """The columns grouped where they share some height, the groups top to bottom: more
    than one where some columns lie wholly above or below the others."""
    stacks: list[tuple[float, float, list[_Block]]] = []
    for top, bottom, col in sorted(((min(b.top for b in c), max(b.bottom for b in c), c) for c in columns),
                                   key=itemgetter(0, 1)):
        if stacks and top < stacks[-1][1]:
            first, last, blocks = stacks[-1]
            stacks[-1] = (first, max(last, bottom), blocks + col)
        else:
            stacks.append((top, bottom, list(col)))
    return [blocks for _, _, blocks in stacks]


def _column_runs(bands: list[list[_Block]]) -> list[list[_Block]]:
    """Join consecutive bands that share a column gutter, so a grid of items or a
    table (a row of labels over a row of figures) is read column by column; a
    full-width band (an intro, a quote) ends the run."""
    runs: list[list[_Block]] = [list(bands[0])]
    for band in bands[1:]:
        joined = runs[-1] + band
        gutters = _gaps([(b.x0, b.x1) for b in joined])
        if _heading_under(runs[-1], band):
            runs.append(list(band))
        elif (gutters and _same_columns(runs[-1], band) and not _far_below(runs[-1], band)
              and not _below_the_columns(runs[-1], band)) or (
                not gutters and _one_column(runs[-1]) and _one_column(band)):
            runs[-1] = joined
        else:
            runs.append(list(band))
    return runs


FAR_BELOW = 2.5
"""A band this many of its text's sizes below the run above it (a photo's height between
them) is a new row, not the run's columns going on."""


def _far_below(run: list[_Block], band: list[_Block]) -> bool:
    """Is the band set far below the run, across an empty stretch no column's lines or
    paragraph spacing leave (a row of photos above a row of captions): a new row, read
    after the whole run, not down the run's first column?"""
    size = max(f.size for b in band for f in b.fragments)
    return min(b.top for b in band) - max(b.bottom for b in run) > FAR_BELOW * size


PARAGRAPH_SPACE_SHARE = 1.5
"""A band set this many times the columns' own paragraph spacing below them is set
below the columns, not in one of them."""


def _below_the_columns(run: list[_Block], band: list[_Block]) -> bool:
    """Is a band of one column set below a run of side-by-side columns that end
    together (balanced, as a word processor or a browser sets them), farther below them
    than their own paragraphs stand apart and than a line's height, off the left edge of
    the column it lies under (a quote indented under two columns, in the left one's
    width)? It is read after the columns, not down the first one. Columns that end apart
    are still flowing (the first full, the next short), and a band on a column's own
    left edge may be its next paragraph: either goes on down the column."""
    if not _one_column(band):
        return False
    cuts = [(a + b) / 2 for a, b in _empty_spans([(b.x0, b.x1) for b in run])]
    if not cuts:
        return False
    columns: dict[int, list[_Block]] = {}
    for block in run:
        columns.setdefault(sum(block.x0 > cut for cut in cuts), []).append(block)
    size = max(f.size for b in band for f in b.fragments)
    bottoms = [max(b.bottom for b in col) for col in columns.values()]
    if max(bottoms) - min(bottoms) > size:
        return False  # columns that do not end together: one is still flowing on
    spaces = [lower.top - upper.bottom for col in columns.values()
              for upper, lower in pairwise(sorted(col, key=lambda b: b.top))]
    if not spaces:
        return False  # one block a column: how far apart its paragraphs stand is not shown
    left = min(b.x0 for b in band)
    under = columns.get(sum(left > cut for cut in cuts), [])
    if any(abs(b.x0 - left) <= EDGE_TOLERANCE for b in under):
        return False  # on the column's own left edge: the column's next paragraph
    gap = min(b.top for b in band) - max(bottoms)
    return gap > max(PARAGRAPH_SPACE_SHARE * max(spaces), size)


HEADING_SCALE = 1.5
"""A line this many times the size of the text above it is a heading, not a grid's cell."""


def _heading_under(run: list[_Block], band: list[_Block]) -> bool:
    """Is the band one block set much larger than the run above it (a heading under a row
    of captions, where cities run on down the page)? It opens a new run: read after
    the whole row, not down the row's first column."""
    if len(band) != 1:
        return False
    above = max(f.size for b in run for f in b.fragments)
    return band[0].fragments[0].size >= HEADING_SCALE * above


def _one_column(blocks: list[_Block]) -> bool:
    """A stack with no gutter of its own (lines of a sidebar split by their styles)."""
    return not _gaps([(b.x0, b.x1) for b in blocks])


def _same_columns(upper: list[_Block], lower: list[_Block]) -> bool:
    """Do two bands share their columns: no block of either crosses a gutter of the other?

    A row of three stats under a quote set beside its attribution shares a gap with
    it, but the quote crosses the stats' second gutter: the two are not one grid.
    """
    def crosses(blocks: list[_Block], cuts: list[float], other: list[_Block]) -> bool:
        return any(b.x0 < cut < b.x1 and not _wider_in_column(b, cut, other) for b in blocks for cut in cuts)

    upper_gaps = _empty_spans([(b.x0, b.x1) for b in upper])
    lower_gaps = _empty_spans([(b.x0, b.x1) for b in lower])
    # A column may end before the one beside it (a browser balances its columns): the
    # band below then has a wider gap than the band above. A band below with a column
    # where the band above had a gap is a new row, not the columns going on.
    return not crosses(lower, [(a + b) / 2 for a, b in upper_gaps], upper) \
        and not crosses(upper, _cuts_against(lower_gaps, upper_gaps), lower)


def _cuts_against(gaps: list[tuple[float, float]], other: list[tuple[float, float]]) -> list[float]:
    """Where to test a band's gutters against the band above: in the stretch a gutter
    shares with the one gutter of the band above it meets, else its middle. A wide gap
    beside a short column ("The item ..." and, far right, a sidebar's label) holds the
    narrow gutter of the band above (its text, then the sidebar) somewhere, not in its
    middle. A gap meeting two gutters says nothing of which it goes on."""
    cuts = []
    for start, end in gaps:
        shared = [(max(start, a), min(end, b)) for a, b in other if max(start, a) < min(end, b)]
        lo, hi = shared[0] if len(shared) == 1 else (start, end)
        cuts.append((lo + hi) / 2)
    return cuts


def _wider_in_column(block: _Block, cut: float, other: list[_Block]) -> bool:
    """Does `block` cross the gap `cut` only as the wider block of a ragged column (a
    heading or paragraph over or under a short caption, on one left edge), not as a
    block set across two columns?"""
    return any(a.x1 < cut and abs(a.x0 - block.x0) <= EDGE_TOLERANCE for a in other)


def page_lines(page: Page, first_number: int) -> tuple[list[Line], list[Repair]]:
    """One page's glyphs -> `Line`s in reading order, plus a repair per overprinted line.

    Text turned a quarter or half turn is laid out in a frame where it stands upright
    (`rotation`), by the same engine; its boxes are reported on the page. Each
    direction is read whole, the direction with the most glyphs first.
    """
    glyphs = page.glyphs
    turned = np.zeros(len(glyphs), dtype=np.bool_)
    for degrees in rotation.TURNS:  # not np.isin: it imports numpy.ma, a tenth of a second
        turned |= glyphs.direction == degrees
    main = glyphs.upright & ~turned
    upright = glyphs if main.all() else glyphs.take(np.flatnonzero(main))
    kept, copies = remove_overprint(upright)
    frags = _fragments(upright if len(kept) == len(upright) else upright.take(kept), copies)
    # Skewed or mirrored glyphs: kept, in their own simple top-to-bottom order.
    others = [] if main.all() else glyphs.take(np.flatnonzero(~glyphs.upright & ~turned)).chars()
    if others:
        ordered = Glyphs.from_chars(sorted(others, key=lambda c: (round(c.x0), c.top)))
        o_kept, o_copies = remove_overprint(ordered)
        o_cols = _Cols(ordered)
        frags += [_make_fragment(o_cols, [i], n) for i, n in zip(o_kept, o_copies)
                  if not ordered.text[i].isspace()]
    in_order, right_page = spread_order(_blocks(frags), page.width)
    parts: list[tuple[int, rotation.Turn | None, list[_Block]]] = [(len(upright) + len(others), None, in_order)]
    if turned.any():
        turned_chars = glyphs.take(np.flatnonzero(turned)).chars()
        for frame, chars in rotation.turned_groups(turned_chars, page.width, page.height):
            group = Glyphs.from_chars(chars)
            t_kept, t_copies = remove_overprint(group)
            t_frags = _fragments(group.take(t_kept), t_copies)
            parts.append((len(chars), frame, page_order(_blocks(t_frags))))
    parts.sort(key=lambda part: -part[0])  # stable: upright first among equals
    lines: list[Line] = []
    repairs: list[Repair] = []
    number = first_number
    for turn, block in [(turn, block) for _, turn, blocks in parts for block in blocks]:
        drawn_again: list[tuple[Line, int]] = []  # the run of the block's lines drawn more than once
        for k, frag in enumerate(block.fragments):
            text = name_bullet(frag.text)
            box = (frag.x0, frag.top, frag.x1, frag.bottom)
            x0, top, x1, bottom = box if turn is None else turn.to_page(box)
            line = Line(
                text=text,
                number=number,
                block_start=k == 0,
                region=-page.number if id(block) in right_page else page.number,
                page=page.number,
                bbox=(round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)),
                font_size=_one_size(round(frag.size, 2)),
                bold=frag.bold,
                italic=frag.italic,
            )
            lines.append(line)
            if drawn_again and frag.copies + 1 != drawn_again[-1][1]:
                repairs.append(_overprint_repair(drawn_again))
                drawn_again = []
            if frag.copies:
                drawn_again.append((line, frag.copies + 1))
            number += 1
        if drawn_again:
            repairs.append(_overprint_repair(drawn_again))
    return lines, repairs


_SIZES: dict[float, float] = {}
"""The one float object of each font size seen: a booklet prints a few dozen sizes,
and a float per line (24 bytes) held by every line of a long booklet was a megabyte."""
_MAX_SIZES = 4096


def _one_size(size: float) -> float:
    """The shared float equal to `size` (the same value: only the object is shared)."""
    if size == 0 or math.isnan(size):  # -0.0 would find 0.0, and NaN finds nothing: as they are
        return size
    shared = _SIZES.get(size)
    if shared is None:
        if len(_SIZES) >= _MAX_SIZES:  # a pathological document: the cache stays bounded
            _SIZES.clear()
        shared = _SIZES.setdefault(size, size)
    return shared


def _overprint_repair(run: list[tuple[Line, int]]) -> Repair:
    """One repair for a run of a block's lines drawn the same number of times over
    (a wrapped attribution drawn twice): the copy is one duplicate, not one per line."""
    times = run[0][1]
    texts = [line.text for line, _ in run]
    return Repair("duplicate", "\n".join(texts * times), " ".join(texts), run[0][0],
                  f"text drawn {times} times at the same place (overprint removed)")


def build_document(pages: Iterable[Page], page_count: int) -> SourceDocument:
    """All pages -> one `SourceDocument`; pages are consumed one at a time."""
    lines: list[Line] = []
    repairs: list[Repair] = []
    for page in pages:
        page_ln, page_rep = page_lines(page, len(lines) + 1)
        lines += page_ln
        repairs += page_rep
    return SourceDocument(lines=lines, format="pdf", pages=page_count, repairs=repairs)
