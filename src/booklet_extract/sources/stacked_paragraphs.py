"""One-line paragraphs stacked a little apart, told by the document's line spacing.

The layout cuts a block where a gap between its lines is wider than the block's own
line spacing or the page's for that font size (`layout._cut_at_paragraph_space`). A
page whose text of that size is all one-line paragraphs (items of one sentence each,
a word processor's space after every paragraph) shows no line spacing of its own: the
paragraph space is the only gap it has, and two one-line items stayed one paragraph.
Other pages show the size's line spacing wherever a paragraph wraps. This pass, run
once the whole document is laid out, cuts where a gap exceeds that spacing as the
layout would, after a finished sentence (the genre's `paragraph_end`), and only in a
block whose every line ends one or that shows the spacing itself between two of its
lines: a design that sets some text of one size tighter than its body must not cut the
body's paragraphs, whose lines run on.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from ..line import Line, SourceDocument, boxes_of
from ..profile import Profile
from .layout import PARAGRAPH_SPACE, SAME_SIZE

SAME_SPACING = 0.3
"""Points within which two gaps are the same spacing (the backends' boxes differ by less)."""


def _stacked(a: Line, b: Line) -> float | None:
    """The gap from line a down to line b when b sits under a on a's page, in one size."""
    if a.bbox is None or b.bbox is None or a.printed_page != b.printed_page or a.font_size is None or b.font_size is None:
        return None
    if abs(a.font_size - b.font_size) > SAME_SIZE:
        return None
    overlap = min(a.bbox[2], b.bbox[2]) - max(a.bbox[0], b.bbox[0])
    gap = b.bbox[1] - a.bbox[3]
    return gap if overlap > 0 and gap >= 0 else None


def document_spacing(lines: list[Line]) -> dict[int, float]:
    """Per font size (rounded to a point), the narrowest gap the document shows twice or
    more between lines of that size stacked in one block, or in two blocks that only a
    change of style parts (an italic quote over its bold attribution): its line spacing.
    Once is no habit (a line set tight by accident, a superscript's box)."""
    gaps: dict[int, list[float]] = {}
    for a, b in pairwise(lines):
        restyled = a.bold != b.bold or a.italic != b.italic
        if (not b.block_start or restyled) and (gap := _stacked(a, b)) is not None:
            gaps.setdefault(round(b.font_size or 0), []).append(gap)
    spacing: dict[int, float] = {}
    for size, values in gaps.items():
        values.sort()
        for low, high in pairwise(values):
            if high - low <= SAME_SPACING:
                spacing[size] = low
                break
    return spacing


def split_stacked_paragraphs(doc: SourceDocument, profile: Profile) -> SourceDocument:
    """`doc` with a block start on each line under a finished sentence where the gap above
    the line is wider than the document's line spacing for its size by a paragraph's
    space, in a block that either ends a sentence on every line (one-line paragraphs) or
    shows that spacing itself between two of its lines (a wrapped intro over one-line
    items: the block's lower quartile was the items' paragraph space). A block of wrapped
    text spaced wider than the document's spacing throughout keeps its lines."""
    spacing = document_spacing(doc.lines)
    lines = list(doc.lines)
    changed = False
    for box in boxes_of(lines):
        # (line index, its gap above, the document's spacing for its size), where both are known
        pairs = [(k, gap, known) for k in box[1:]
                 if (gap := _stacked(lines[k - 1], lines[k])) is not None
                 and (known := spacing.get(round(lines[k].font_size or 0))) is not None]
        shows = any(abs(gap - known) <= SAME_SPACING for _, gap, known in pairs)
        if not pairs or not shows and not all(profile.paragraph_end.search(lines[k].text) for k in box):
            continue
        for k, gap, known in pairs:
            a, b = lines[k - 1], lines[k]
            if gap - known > PARAGRAPH_SPACE * max(a.font_size or 0, b.font_size or 0) \
                    and profile.paragraph_end.search(a.text):
                lines[k] = replace(b, block_start=True)
                changed = True
    return replace(doc, lines=lines) if changed else doc
