"""Captions told by the booklet's own caption type (`caption_type`)."""

from __future__ import annotations

from booklet_extract.blocks import Block, BlockKind, Typography
from booklet_extract.caption_type import captions_by_type
from booklet_extract.line import Line
from booklet_extract.profile import DEFAULT_PROFILE

BODY = ["Alpha lies on the river between two ranges of hills, and its old town",
        "is known for its markets and festivals; the council has turned these",
        "traditions into chances for learning in every district of the town."]


def _block(kind: BlockKind, texts: list[str], size: float | None, start: int) -> Block:
    lines = [Line(t, start + k, page=1, font_size=size) for k, t in enumerate(texts)]
    return Block(kind, lines, list(texts))


def _booklet(captions: int, *, small_items: bool = False, size: float | None = 8.0) -> list[Block]:
    """Body prose, `captions` known captions in small type, then a one-line block in
    that type ending on a full stop."""
    body = 10.0 if size is not None else None
    blocks = [_block(BlockKind.PROSE, BODY, body, 1)] * 3
    blocks += [_block(BlockKind.CAPTION, [f"Reading club number {n}"], size, 10 + n) for n in range(captions)]
    if small_items:
        blocks.append(_block(BlockKind.PROSE, BODY, size, 20))
    blocks.append(_block(BlockKind.PROSE, ["Women at the textile cooperative."], size, 30))
    blocks.append(_block(BlockKind.PROSE, ["A one-line item set in the body type."], body, 31))
    return blocks


def _kinds(blocks: list[Block]) -> list[BlockKind]:
    typography = Typography.of([line for block in blocks for line in block.lines])
    return [b.kind for b in captions_by_type(blocks, typography, DEFAULT_PROFILE)][-2:]


def test_a_short_block_in_the_caption_type_is_a_caption_though_it_ends_a_sentence() -> None:
    """Three captions share a size smaller than the body: the one-line block set in it
    that ends on a full stop is a caption; the one-line block in body type stays prose."""
    assert _kinds(_booklet(3)) == [BlockKind.CAPTION, BlockKind.PROSE]


def test_no_caption_type_without_enough_captions_or_fonts() -> None:
    """Hard negatives: two captions do not make a type; items set in that small type
    make it no caption's own; raw text has no fonts."""
    assert _kinds(_booklet(2)) == [BlockKind.PROSE, BlockKind.PROSE]
    assert _kinds(_booklet(3, small_items=True)) == [BlockKind.PROSE, BlockKind.PROSE]
    assert _kinds(_booklet(3, size=None)) == [BlockKind.PROSE, BlockKind.PROSE]
