"""A margin's lines that a layout mode set between the lines of a paragraph beside them.

A text extractor's layout mode (`pdftotext -layout`) gives each printed line a row of
its own. Where a sidebar or margin beside the body sets its lines at their own
baselines, between the body's, its rows come between the lines of the body's
paragraph, which they part:

    ... has long been a meeting place for the traders of the whole of the
                                                                          16,045,000
                                                                          City population
    valley. To keep that place, the town offers learning to all through:

Where the page's columns reader (`text_columns`) left such rows between the paragraph's
lines (no gutter shared by rows holding both showed the margin as a column), they are
read after the paragraph's sentence, as a column beside it is. A margin's row, as
printed, starts right of the line above the run, where every line near it is blank just
left of it; the paragraph runs on across the run: the line above ends no sentence, and
the line below opens in lowercase at the paragraph's left edge (or goes on after a
hyphen or a comma), both lines of one column. Anything else is left as read.
"""

from __future__ import annotations

from collections.abc import Sequence

from .line_shapes import ENDS_SENTENCE, GUTTER_SPACES, text_span

Row = tuple[int, str]  # (line number, text)

# Blank characters between the body's text and a margin row's, at the least.
_MIN_GAP = 2
# Rows above and below a margin row that must all be blank just left of it.
_NEAR = 6
# Characters by which the paragraph's line under the margin rows may start off the edge of the
# line over them.
_NUDGE = 2


def margin_rows_after_paragraph(read: Sequence[Row], page: Sequence[Row]) -> list[Row]:
    """A page's lines as read (`read`, each with its line number) with each run of margin
    rows read between two lines of one paragraph moved after that paragraph's sentence.
    Where each line stood is told by the page as printed (`page`).

    >>> page = list(enumerate(["Zenda is a town of learners in the", "                                      1,200",
    ...                        "                                      Population", "north. Its initiatives include:",
    ...                        "                                      45 km2"], 1))
    >>> [text.strip() for _, text in margin_rows_after_paragraph(page, page)]
    ['Zenda is a town of learners in the', 'north. Its initiatives include:', '1,200', 'Population', '45 km2']
    """
    printed = {number: (k, text) for k, (number, text) in enumerate(page)}
    out = list(read)
    k, moves = 1, 0
    while k < len(out):
        run = _margin_run(out, k, page, printed) if moves < len(out) else None  # each move passes a line
        if run is None:
            k += 1
            continue
        start, end, to = run
        out[start:to] = out[end:to] + out[start:end]
        moves += 1
        k = start  # the moved run may now join the next one
    return out


def _margin_run(read: list[Row], k: int, page: Sequence[Row], printed: dict[int, tuple[int, str]]
                ) -> tuple[int, int, int] | None:
    """Where the margin rows read from line `k` go (`k`, the end of the run, and the index
    before which they go: after the paragraph that runs on across them), or None."""
    number, above = read[k - 1]
    if not above.strip() or number not in printed:
        return None
    over = printed[number][1]  # the line above as printed
    if not _margin_row(read[k], page, printed, over):
        return None
    end = k
    while end < len(read) and (not read[end][1].strip() or _margin_row(read[end], page, printed, over)):
        end += 1
    if end >= len(read) or not _runs_on(above, read[end][1]) or read[end][0] not in printed:
        return None
    margin = text_span(printed[read[k][0]][1])[0]
    if abs(text_span(printed[read[end][0]][1])[0] - text_span(over)[0]) > _NUDGE:
        return None
    to = end
    while to < len(read) and read[to][1].strip() and read[to][0] in printed \
            and text_span(printed[read[to][0]][1])[0] < margin:
        to += 1
        if ENDS_SENTENCE.search(read[to - 1][1]):
            break
    return k, end, to


def _margin_row(row: Row, page: Sequence[Row], printed: dict[int, tuple[int, str]], over: str) -> bool:
    """Did line `row` stand, as printed, right of the line over the run (`over`), on an edge
    that every line near it leaves blank just left of (a gutter down the page): a margin's
    row, not the body's?"""
    if not row[1].strip() or row[0] not in printed:
        return False
    at, text = printed[row[0]]
    start = text_span(text)[0]
    if start < text_span(over)[1] + _MIN_GAP:
        return False
    near = page[max(0, at - _NEAR) : at + _NEAR + 1]
    return all(not other[start - _MIN_GAP : start].strip() for _, other in near)


def _runs_on(above: str, below: str) -> bool:
    """Does the paragraph of line `above` go on in line `below`: `above` ends no sentence,
    and `below` opens in lowercase, or `above` ends on a hyphen or a comma? Both are lines
    of one column (a row of columns side by side is read by `text_columns`)."""
    below = below.strip()
    if not below or ENDS_SENTENCE.search(above) or GUTTER_SPACES.search(above.strip()) or GUTTER_SPACES.search(below):
        return False
    return below[0].islower() or above.rstrip().endswith(("-", ","))


