"""Backend-agnostic page layout: characters -> lines in reading order.

PDF backends (pdfplumber, pypdfium2) only have to produce `Char`s per page; the
rest (overprint removal, words, lines, blocks, columns, reading order) is shared,
so both backends give the same `Line`s.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

from ..line import Line, Repair, SourceDocument
from ..textnorm import name_bullet, normalize_glyphs
from . import rotation


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph as drawn: its text and box in PDF points (top-left origin).

    `direction` is the way its baseline runs on the page (`rotation.direction`):
    0 upright, 90, 180 or 270 for quarter turns, -1 for anything else. `upright`
    is pdfminer's test, kept for the glyphs that are neither (skewed text).
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    upright: bool = True
    direction: int = 0


@dataclass(frozen=True, slots=True)
class Page:
    """One page's characters, in content-stream order, and its size."""

    number: int
    width: float
    height: float
    chars: list[Char]


# --- the layout engine -------------------------------------------------------------------

OVERPRINT_TOLERANCE = 1.0
"""Glyphs with the same text drawn within this many points of each other are one glyph."""
WORD_GAP = 0.20
"""A gap wider than this many font sizes between glyphs is a space."""
FRAGMENT_GAP = 1.2
"""A gap wider than this many font sizes, with no word space beside it to compare it with,
ends a line fragment; gaps in a row of words are judged by `_gutters`."""
LINE_GAP = 0.75
"""A vertical gap wider than this many font sizes between two lines ends a block."""
GAP_TOLERANCE = 0.05
"""Points by which a vertical gap may fall short of LINE_GAP and still end a block."""
SAME_LINE = 0.5
"""Glyphs whose tops differ by less than this many font sizes share a line."""


@dataclass(slots=True)
class _Fragment:
    """A run of glyphs on one baseline, unbroken by a column gutter.

    Its text, box, size and style are computed once: blocks and reading order ask
    for them many times per fragment.
    """

    chars: list[Char]
    copies: int  # most extra copies drawn of any glyph here (0: drawn once)
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)
    bold: bool = field(init=False)
    italic: bool = field(init=False)
    text: str = field(init=False)

    def __post_init__(self) -> None:
        chars = self.chars
        self.text = self._text()
        if not chars:  # only spaces: dropped by `_fragments`
            self.x0 = self.x1 = self.top = self.bottom = self.size = 0.0
            self.bold = self.italic = False
            return
        self.x0 = chars[0].x0
        self.x1 = max(c.x1 for c in chars)
        self.top = min(c.top for c in chars)
        self.bottom = max(c.bottom for c in chars)
        self.size = median(c.size for c in chars)
        self.bold = sum(c.bold for c in chars) * 2 > len(chars)
        self.italic = sum(c.italic for c in chars) * 2 > len(chars)

    def _text(self) -> str:
        out: list[str] = []
        prev: Char | None = None
        for char in self.chars:
            if prev is not None and char.text != " " and prev.text != " ":
                gap = char.x0 - prev.x1
                if gap > WORD_GAP * max(char.size, prev.size, 1.0):
                    out.append(" ")
            out.append(char.text)
            prev = char
        # Overprinted copies leave their spaces behind; one space is what was meant.
        return " ".join(normalize_glyphs("".join(out)).split())


@dataclass(slots=True)
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


def remove_overprint(chars: list[Char]) -> tuple[list[Char], list[int]]:
    """Drop glyphs drawn again at (almost) the same place; keep the first of each.

    Returns the kept glyphs and, per kept glyph, how many copies were dropped.
    Works on a 1-point grid, looking at the neighbouring cells, so it stays linear.
    """
    kept: list[Char] = []
    copies: list[int] = []
    grid: dict[tuple[str, int, int], list[int]] = {}
    for char in chars:
        if char.text.isspace():
            kept.append(char)
            copies.append(0)
            continue
        gx, gy = round(char.x0), round(char.top)
        found = -1
        for dx in (0, -1, 1):
            for dy in (0, -1, 1):
                for idx in grid.get((char.text, gx + dx, gy + dy), ()):
                    other = kept[idx]
                    if abs(other.x0 - char.x0) <= OVERPRINT_TOLERANCE and abs(other.top - char.top) <= OVERPRINT_TOLERANCE:
                        found = idx
                        break
                if found >= 0:
                    break
            if found >= 0:
                break
        if found >= 0:
            copies[found] += 1
            continue
        grid.setdefault((char.text, gx, gy), []).append(len(kept))
        kept.append(char)
        copies.append(0)
    return kept, copies


GUTTER_GAP = 0.9
"""A gap at least this many font sizes wide, and twice the word spaces beside it, is a gutter."""
ALIGNED_GAP = 0.6
"""A narrower gap (down to this many font sizes) is a gutter when the text right of it starts
at a column edge shared by several nearby rows."""
TABLE_GAP = 4.0
"""A gap this many font sizes wide is a gutter whatever is beside it (table cells)."""
EDGE_TOLERANCE = 1.0
"""Word starts within this many points of each other are on one column edge."""
EDGE_ROWS = 3
"""Rows (the gap's own included) that must start text on an edge for it to be a column edge."""
EDGE_WINDOW = 3
"""How many rows above and below a gap are looked at for its column edge."""


def _rows(chars: list[Char]) -> list[list[int]]:
    """Glyph indices grouped by baseline, top-down; each row left to right."""
    order = sorted(range(len(chars)), key=lambda i: (round(chars[i].top, 0), chars[i].x0))
    rows: list[list[int]] = []
    for i in order:
        char = chars[i]
        if rows:
            head = chars[rows[-1][0]]
            if abs(char.top - head.top) <= SAME_LINE * max(head.size, char.size, 1.0):
                rows[-1].append(i)
                continue
        rows.append([i])
    for row in rows:
        row.sort(key=lambda i: chars[i].x0)
    return rows


@dataclass(slots=True)
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


def _row_geometry(chars: list[Char], row: list[int]) -> _Row:
    idx = [i for i in row if not chars[i].text.isspace()]
    size = median(chars[i].size for i in idx) if idx else 1.0
    gaps: list[tuple[int, float, float]] = []
    starts: dict[int, list[float]] = {}
    ends: dict[int, list[float]] = {}
    reach = 0.0
    for k, i in enumerate(idx):
        char = chars[i]
        if k == 0:
            starts.setdefault(round(char.x0), []).append(char.x0)
        else:
            gap = char.x0 - reach
            if gap > WORD_GAP * max(size, 1.0):
                gaps.append((k, reach, char.x0))
                if gap >= ALIGNED_GAP * max(size, 1.0):
                    starts.setdefault(round(char.x0), []).append(char.x0)
                    ends.setdefault(round(reach), []).append(reach)
        reach = char.x1 if k == 0 else max(reach, char.x1)
    if idx:
        ends.setdefault(round(reach), []).append(reach)
    top = chars[idx[0]].top if idx else 0.0
    xs = [chars[i].x0 for i in idx]
    reaches: list[float] = []
    for i in idx:
        reaches.append(max(reaches[-1], chars[i].x1) if reaches else chars[i].x1)
    return _Row(idx, top, max(size, 1.0), gaps, starts, ends, xs, reaches)


def _channel(rows: list[_Row], r: int, left: float, right: float) -> bool:
    """Whether the gap (left, right) of row r goes on down or up the page: an adjacent row,
    with text left of it, leaves at least half an em of it empty too. A lone row's gap
    (labels on a map) is not a gutter for that."""
    row = rows[r]
    for j in (r - 1, r + 1):
        if not 0 <= j < len(rows) or abs(rows[j].top - row.top) > 2.0 * row.size:
            continue
        other = rows[j]
        k = bisect_left(other.xs, right)
        if k == 0:
            continue
        start = other.xs[k] if k < len(other.xs) else right
        if min(right, start) - max(left, other.reach[k - 1]) >= 0.5 * row.size:
            return True
    return False


def _on_edge(edges: dict[int, list[float]], x: float) -> bool:
    key = round(x)
    return any(
        abs(x0 - x) <= EDGE_TOLERANCE for k in (key - 1, key, key + 1) for x0 in edges.get(k, ())
    )


def _is_marker(chars: list[Char], idx: list[int]) -> bool:
    """A list marker ('1.', '2)', '(3)', a bullet): kept with the item text after it."""
    text = "".join(chars[i].text for i in idx)
    return len(text) <= 1 or (len(text) <= 4 and not text[0].isalpha())


def _gutters(chars: list[Char], rows: list[_Row], r: int) -> set[int]:
    """Positions (in row r's glyphs) that start a new fragment: the text left of them is
    another column.

    First the gaps between two column edges: the text right of the gap starts, and the
    text left of it ends, where the text of EDGE_ROWS nearby rows starts and ends (two
    justified columns side by side, whatever their word spacing). Then, within what is
    left, a gap is a gutter when it is much wider than the word spaces beside it, or wider
    than them with the text right of it on a column edge. Justified lines space their words
    evenly, so their wide spaces are never wider than their neighbours."""
    row = rows[r]
    size = row.size
    wide = row.gaps
    cut = [False] * len(wide)
    runs = _even_runs(wide)
    start = 0  # where the fragment that the gap at hand would end starts
    for n, (k, left, right) in enumerate(wide):
        prev_size = chars[row.idx[k - 1]].size
        if abs(chars[row.idx[k]].size - prev_size) > 0.6 * max(prev_size, 1.0):
            cut[n] = True
        elif right - left > TABLE_GAP * size:
            cut[n] = not _justified_run(rows, r, wide, runs, n)
        elif right - left >= ALIGNED_GAP * size and (
            _edge_rows(rows, r, right, "starts") >= EDGE_ROWS
        ):
            cut[n] = _edge_rows(rows, r, left, "ends") >= EDGE_ROWS and not _is_marker(
                chars, row.idx[start:k]
            )
        if cut[n]:
            start = k
    start = 0
    for n, (k, left, right) in enumerate(wide):
        if cut[n]:
            start = k
            continue
        gap = right - left
        beside = [
            wide[m][2] - wide[m][1] for m in (n - 1, n + 1) if 0 <= m < len(wide) and not cut[m]
        ]
        # The narrower side: a gutter beside another gutter is still wider than the words.
        spacing = min(beside, default=0.0)
        if not beside:
            cut[n] = gap > FRAGMENT_GAP * size
        elif gap >= GUTTER_GAP * size and gap > 2 * spacing:
            cut[n] = gap > FRAGMENT_GAP * size or _channel(rows, r, left, right)
        elif gap >= ALIGNED_GAP * size and gap > 1.2 * spacing:
            # A gutter-wide gap needs one other row on its edge (an item of two lines).
            need = EDGE_ROWS if gap < GUTTER_GAP * size else 2
            cut[n] = not _is_marker(chars, row.idx[start:k]) and (
                _edge_rows(rows, r, right, "starts") >= need)
        if cut[n]:
            start = k
    return {wide[n][0] for n in range(len(wide)) if cut[n]}


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


def _justified_run(rows: list[_Row], r: int, wide: list[tuple[int, float, float]],
                   runs: list[tuple[int, int]], n: int) -> bool:
    """Whether gap n is one of the even spaces of a justified line of a column: the words
    around the run of equal gaps start and end on column edges that nearby rows share."""
    row = rows[r]
    first, last = runs[n]
    if first == last:
        return False
    start_k = wide[first - 1][0] if first > 0 else 0
    end_k = wide[last + 1][0] if last + 1 < len(wide) else len(row.idx)
    x0, x1 = row.xs[start_k], row.reach[end_k - 1]
    return (
        _edge_rows(rows, r, x0, "starts") >= EDGE_ROWS
        and _edge_rows(rows, r, x1, "ends") >= EDGE_ROWS
    )


def _edge_rows(rows: list[_Row], r: int, x: float, side: str) -> int:
    """How many rows near row r (itself included; at most EDGE_WINDOW above and below, each
    within two and a half font sizes of the next) start (side "starts") or end ("ends")
    text at x."""
    count = 1
    for step in (-1, 1):
        j, last = r + step, rows[r].top
        while 0 <= j < len(rows) and abs(j - r) <= EDGE_WINDOW:
            if abs(rows[j].top - last) > 2.5 * rows[r].size:
                break
            if _on_edge(rows[j].starts if side == "starts" else rows[j].ends, x):
                count += 1
            last = rows[j].top
            j += step
    return count


def _fragments(chars: list[Char], copies: list[int]) -> list[_Fragment]:
    """Group glyphs into same-baseline runs, split at gutters, sorted top-down.

    Which gaps are gutters is told by the page's own geometry (`_gutters`), not by one
    fixed width, so a 1-em gutter splits and a wide justified word space does not."""
    rows = _rows(chars)
    geometry = [_row_geometry(chars, row) for row in rows]
    frags: list[_Fragment] = []
    for r, row in enumerate(rows):
        geo = geometry[r]
        cuts = {geo.idx[k] for k in _gutters(chars, geometry, r)}
        current: list[int] = []
        for i in row:
            if i in cuts and current:
                frags.append(_fragment(chars, copies, current))
                current = []
            current.append(i)
        if current:
            frags.append(_fragment(chars, copies, current))
    return [f for f in frags if f.text]


def _fragment(chars: list[Char], copies: list[int], idx: list[int]) -> _Fragment:
    kept = [chars[i] for i in idx]
    while kept and kept[-1].text.isspace():
        kept.pop()
    while kept and kept[0].text.isspace():
        kept.pop(0)
    return _Fragment(kept, max((copies[i] for i in idx), default=0))


def _same_style(a: _Fragment, b: _Fragment) -> bool:
    return abs(a.size - b.size) <= 0.6 and a.italic == b.italic and a.bold == b.bold


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
    return _cut_where_overlapped(blocks)


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
    spans = sorted(spans)
    cuts: list[float] = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start > reach + MIN_CUT_GAP:
            cuts.append((reach + start) / 2)
        reach = max(reach, end)
    return cuts


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
            if _margin_item(block) and block.bottom < below.top:  # above all the rest
                head.append(block)
                continue
        break
    for _ in range(2):
        rest = len(blocks) - len(head) - len(foot)
        if rest > 2:
            block, above = by_bottom[len(foot)], by_bottom[len(foot) + 1]
            fresh = all(block is not h for h in head)
            if fresh and _margin_item(block) and block.top > above.bottom:
                foot.append(block)
                continue
        break
    kept = [b for b in blocks if not any(b is h for h in head) and not any(b is f for f in foot)]
    return head + reading_order(kept) + foot[::-1]


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
            if len(runs) == 1 and x_cuts:  # the bands only make sense as columns
                return [b for col in columns for b in reading_order(col)]
            return [b for run in runs for b in reading_order(run)]
    return sorted(blocks, key=lambda b: (b.top, b.x0))


def _column_runs(bands: list[list[_Block]]) -> list[list[_Block]]:
    """Join consecutive bands that share a column gutter, so a grid of items or a
    table (a row of labels over a row of figures) is read column by column; a
    full-width band (an intro, a quote) ends the run."""
    runs: list[list[_Block]] = [list(bands[0])]
    for band in bands[1:]:
        joined = runs[-1] + band
        if _gaps([(b.x0, b.x1) for b in joined]) and _same_columns(runs[-1], band):
            runs[-1] = joined
        else:
            runs.append(list(band))
    return runs


def _same_columns(upper: list[_Block], lower: list[_Block]) -> bool:
    """Do two bands share their columns: no block of either crosses a gutter of the other?

    A row of three stats under a quote set beside its attribution shares a gap with
    it, but the quote crosses the stats' second gutter: the two are not one grid.
    """
    def crosses(blocks: list[_Block], cuts: list[float]) -> bool:
        return any(b.x0 < cut < b.x1 for b in blocks for cut in cuts)

    upper_cuts = _gaps([(b.x0, b.x1) for b in upper])
    lower_cuts = _gaps([(b.x0, b.x1) for b in lower])
    return not crosses(lower, upper_cuts) and not crosses(upper, lower_cuts)


def page_lines(page: Page, first_number: int) -> tuple[list[Line], list[Repair]]:
    """One page's glyphs -> `Line`s in reading order, plus a repair per overprinted line.

    Text turned a quarter or half turn is laid out in a frame where it stands upright
    (`rotation`), by the same engine; its boxes are reported on the page. Each
    direction is read whole, the direction with the most glyphs first.
    """
    upright = [c for c in page.chars if c.upright and c.direction not in rotation.TURNS]
    kept, copies = remove_overprint(upright)
    frags = _fragments(kept, copies)
    # Skewed or mirrored glyphs: kept, in their own simple top-to-bottom order.
    others = [c for c in page.chars if not c.upright and c.direction not in rotation.TURNS]
    if others:
        o_kept, o_copies = remove_overprint(sorted(others, key=lambda c: (round(c.x0), c.top)))
        frags += [_Fragment([c], n) for c, n in zip(o_kept, o_copies) if not c.text.isspace()]
    parts: list[tuple[int, rotation.Turn | None, list[_Block]]] = [
        (len(upright) + len(others), None, page_order(_blocks(frags))),
    ]
    for turned, chars in rotation.turned_groups(page.chars, page.width, page.height):
        t_kept, t_copies = remove_overprint(chars)
        parts.append((len(chars), turned, page_order(_blocks(_fragments(t_kept, t_copies)))))
    parts.sort(key=lambda part: -part[0])  # stable: upright first among equals
    lines: list[Line] = []
    repairs: list[Repair] = []
    number = first_number
    for turn, block in [(turn, block) for _, turn, blocks in parts for block in blocks]:
        for k, frag in enumerate(block.fragments):
            text = name_bullet(frag.text)
            box = (frag.x0, frag.top, frag.x1, frag.bottom)
            x0, top, x1, bottom = box if turn is None else turn.to_page(box)
            line = Line(
                text=text,
                number=number,
                block_start=k == 0,
                region=page.number,
                page=page.number,
                bbox=(round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)),
                font_size=round(frag.size, 2),
                bold=frag.bold,
                italic=frag.italic,
            )
            lines.append(line)
            if frag.copies:
                times = frag.copies + 1
                repairs.append(Repair(
                    "duplicate", "\n".join([text] * times), text, line,
                    f"text drawn {times} times at the same place (overprint removed)",
                ))
            number += 1
    return lines, repairs


def build_document(pages: Iterable[Page], page_count: int) -> SourceDocument:
    """All pages -> one `SourceDocument`; pages are consumed one at a time."""
    lines: list[Line] = []
    repairs: list[Repair] = []
    for page in pages:
        page_ln, page_rep = page_lines(page, len(lines) + 1)
        lines += page_ln
        repairs += page_rep
    return SourceDocument(lines=lines, format="pdf", pages=page_count, repairs=repairs)
