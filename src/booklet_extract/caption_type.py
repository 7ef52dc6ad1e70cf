"""Captions told by the booklet's own caption type, whatever their punctuation.

A caption is known by its look (`blocks`): a few words with no sentence end, or small
italics. A caption that ends on a full stop ("Pupils at the new library.") has only its
type left to tell it from a one-line item, and a PDF keeps that: the booklet sets its
captions in one size of its own, smaller than the body. Once the captions already
known agree on that type (three at least), a short block set in it is a caption too.
Raw text knows no fonts: there nothing changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .blocks import Block, BlockKind, Typography, opens_quote
from .profile import Profile

_MIN_CAPTIONS = 3
"""Captions that must share a type before it is the booklet's caption type."""
_MAX_LINES = 2
"""Lines a caption ending a sentence may have: a longer block in small type is a note."""
_PROSE_LINES = 3
"""A paragraph this long set in the type makes it no caption's own (items set small)."""
_SMALLER = 0.9
"""The caption type is at most this share of the body size."""

Style = tuple[float, bool]


def _style(block: Block) -> Style | None:
    """The block's size and slant when all its lines share them, else None."""
    styles = {(line.font_size, line.italic) for line in block.lines}
    if len(styles) != 1:
        return None
    size, italic = styles.pop()
    return None if size is None else (round(size, 1), italic)


def caption_type(blocks: Sequence[Block], typography: Typography) -> Style | None:
    """The type most of the booklet's known captions share, when it is smaller than the
    body, at least `_MIN_CAPTIONS` captions share it and no paragraph of prose of
    `_PROSE_LINES` lines or more is set in it."""
    if typography.body_size is None:
        return None
    styles = Counter(style for block in blocks if block.kind is BlockKind.CAPTION
                     and (style := _style(block)) is not None)
    if not styles:
        return None
    style, count = styles.most_common(1)[0]
    if count < _MIN_CAPTIONS or style[0] >= _SMALLER * typography.body_size:
        return None
    if any(b.kind is BlockKind.PROSE and len(b.lines) >= _PROSE_LINES and _style(b) == style for b in blocks):
        return None
    return style


def captions_by_type(blocks: list[Block], typography: Typography, profile: Profile) -> list[Block]:
    """Make a caption of each short unmarked prose block set in the booklet's caption type
    (`caption_type`): not a quotation, not a lead-in ending on a colon."""
    style = caption_type(blocks, typography)
    if style is None:
        return blocks
    for block in blocks:
        if (block.kind is BlockKind.PROSE and block.data is None and len(block.lines) <= _MAX_LINES
                and _style(block) == style and not opens_quote(block.texts[0], profile)
                and not block.texts[-1].rstrip().endswith(":")):
            block.kind = BlockKind.CAPTION
    return blocks
