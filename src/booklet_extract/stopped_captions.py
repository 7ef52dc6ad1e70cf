"""A caption that ends like a sentence ("The mobile library, 2019."), told by its place.

A caption is told from text by its shape: short, and ending on no full stop
(`blocks.is_caption_like`). Some designers end theirs with one; in a PDF the type
size still tells, in text nothing does, and such a caption read among a list's items
becomes one more item. Where a city's items carry markers and it has its quote, an
unmarked block of one short line beside another caption, after the list's first item,
is a caption too: the list's next item would carry its marker, and the quote is found.
Before the list it may be a one-line intro. Anything else stays prose.
"""

from __future__ import annotations

from .blocks import Block, BlockKind, ItemData
from .profile import Profile
from .sections import CitySection

_MARKED_ITEMS = 2
"""Marked items a city needs for an unmarked block among them to be no item."""


def captions_ending_like_sentences(sections: list[CitySection], profile: Profile) -> None:
    """Each city's unmarked one-line blocks beside a caption, where its items are marked
    and its quote is found, retyped as captions."""
    for section in sections:
        _retype(section, profile)


def _retype(section: CitySection, profile: Profile) -> None:
    body = section.body
    if sum(isinstance(b.data, ItemData) for b in body) < _MARKED_ITEMS \
            or not any(b.kind is BlockKind.QUOTE for b in section.blocks):
        return
    first_item = next(k for k, b in enumerate(body) if isinstance(b.data, ItemData))
    for k, block in enumerate(body):
        if k < first_item:  # before the list: an intro of one line may stand beside a caption
            continue
        beside = [body[j] for j in (k - 1, k + 1) if 0 <= j < len(body)]
        if block is not section.intro and _short_unmarked_line(block, profile) and any(b.kind is BlockKind.CAPTION for b in beside):
            body[k] = Block(BlockKind.CAPTION, block.lines, block.texts)


def _short_unmarked_line(block: Block, profile: Profile) -> bool:
    text = block.text
    return (block.kind is BlockKind.PROSE and block.data is None and len(block.lines) == 1
            and len(text) <= profile.caption_max_chars and bool(profile.caption_line_start.match(text)))
