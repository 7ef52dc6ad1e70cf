"""Items set in side-by-side columns that an extractor read row by row, put back in column order.

A city's items flow down the first column, then the next: with four items in two columns
the first column holds 1 and 2, the second 3 and 4. pdftotext (not in layout mode) makes
a text block of the lines it reads together and sets a blank line between blocks. Where
the items of a column are each a block of their own, it gives them row by row: the
first column's top item, the second column's top item, then the next row (1, 3, 2, 4).
The text shows it thus: the first item runs straight on from the intro above it (one
block: the first column's lines read on from the full-width text), and every later item
opens a block of its own right after the item before. A single column of items, read
down, comes as one block (no blank lines between its items), so nothing moves there; nor
where a bullet is a block of its own over its item's text (a word processor's hanging
bullet), which puts blank lines between the lines of a column read down as well. pdfminer
sets every text box apart, so its blocks show nothing of rows (it reads two columns' items
row by row where their first items are equally tall, and down the columns where not, and
its text holds no heights): its order stays as given.

A row of items may also come on one line of the text, a whole item and the first line of
the item beside it (layout-mode text with too few rows to show the gutter), parted again
by `sources.text`: the items opening on that line are a row, as many columns as they are,
and the next item is the first column's second.

How many columns the items are set in shows in their lines' width in characters: a
wrapped line of an item in two columns holds about half of a wrapped line of the
full-width intro, in three about a third (`item_columns`, over the whole booklet, as a
booklet keeps one layout). The columns are taken as filled in turn with as many items
each as the count needs (two and one of three, two and two of four): the usual way a
designer sets a list in columns. Items whose numbers count 1..N never move here (their
numbers give their order; see `fields.in_printed_order`), items some of which carry numbers
only where the numbers then count up; nor does PDF input (its geometry gives the order of
its columns).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from itertools import pairwise, takewhile
from statistics import median

from .blocks import Block, ItemData
from .markers import comes_later, marker_numbers
from .profile import Profile

_TWO_COLUMNS = (0.40, 0.65)
"""Item line / intro line, in characters, of items in two columns (half a line less a gutter)."""
_THREE_COLUMNS = (0.25, 0.37)
"""The same for three columns (a third of a line less two gutters): apart from two by a margin."""
_MARKER_ALONE = 3
"""A line this short is a marker set apart from its item's text, no measure of a column."""
_MIN_LINES = 3
"""Wrapped lines of each kind needed before their widths are taken as the booklet's."""


def _wrapped_widths(block: Block) -> list[int]:
    """The widths of a block's lines that wrap (all but its last), as printed; not a
    marker set apart on a line of its own."""
    return [len(line.stripped) for line in block.lines[:-1] if len(line.stripped) > _MARKER_ALONE]


def item_columns(intros: Sequence[Block], items: Sequence[Block]) -> int | None:
    """How many columns a booklet of text input sets its items in (2 or 3), by the widths
    of their wrapped lines against the intros': None where the widths say one column, or
    fall between two counts, or there are too few wrapped lines to tell.

    >>> from .blocks import BlockKind
    >>> from .line import Line
    >>> def block(*widths): return Block(BlockKind.PROSE, [Line("x" * w, 1) for w in widths], [""] * len(widths))
    >>> intros = [block(100, 98, 40)] * 3
    >>> item_columns(intros, [block(48, 47, 20)] * 3), item_columns(intros, [block(31, 30, 9)] * 3)
    (2, 3)
    >>> item_columns(intros, [block(96, 20)] * 3) is None, item_columns(intros, [block(20)] * 3) is None
    (True, True)
    """
    intro_widths = [max(widths) for widths in map(_wrapped_widths, intros) if widths]
    item_widths = [width for block in items for width in _wrapped_widths(block)]
    if len(intro_widths) < _MIN_LINES or len(item_widths) < _MIN_LINES:
        return None
    share = median(item_widths) / median(intro_widths)
    for count, (low, high) in ((2, _TWO_COLUMNS), (3, _THREE_COLUMNS)):
        if low <= share <= high:
            return count
    return None


def read_row_by_row(intro: Block | None, items: Sequence[Block], present: Container[int],
                    columns: int | None, profile: Profile) -> int | None:
    """How many columns a city's items were read row by row from, where the text shows
    it; else None. Three or more items of text input, and either the first item, whole
    on one line of the text (`_whole_item`), shares it with the next (the extractor read
    a row of items across, parted again by `sources.text`: as many columns as items open
    there), or the booklet's items are in `columns` columns and the blocks show rows (see
    the module's text): the first item on the line right after the intro's last, each
    item one block (no blank line inside: a bullet set apart over its text reads column
    by column), each later one right after the one before with one blank line between (a
    number no line of the text has, `present` holding those that have one)."""
    if len(items) < 3 or any(line.bbox is not None for block in items for line in block.lines):
        return None
    opening = items[0].lines[0].number
    if len(items[0].lines) == 1 and _whole_item(items[0].texts[0], profile):
        across = sum(1 for _ in takewhile(lambda block: block.lines[0].number == opening, items))
        if 1 < across < len(items):
            return across
    if columns is None or intro is None or opening != intro.lines[-1].number + 1:
        return None
    one_block_each = all(b.number == a.number + 1 for block in items for a, b in pairwise(block.lines))
    blocks_apart = all(after.lines[0].number == before.lines[-1].number + 2 and before.lines[-1].number + 1 not in present
                       for before, after in pairwise(items))
    return columns if one_block_each and blocks_apart else None


def _whole_item(text: str, profile: Profile) -> bool:
    """Is `text` one whole item: it ends there (`profile.item_end`), and no bullet inside
    it opens another (Markdown's paragraph of two columns' lines run together row by row
    holds one: "... for school• The annual ...")?

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _whole_item("• A fund for families.", p), _whole_item("• A fund for school• The fair.", p)
    (True, False)
    >>> _whole_item("• A fund for families of the", p)
    False
    """
    body = text.strip()
    return bool(profile.item_end.search(body)) and not any(ch in profile.bullets for ch in body[1:])


def column_order(count: int, columns: int) -> list[int]:
    """For `count` items read row by row from `columns` columns filled in turn, the place
    in column order of each item in the text's order.

    >>> column_order(3, 2), column_order(4, 2), column_order(5, 2), column_order(3, 3), column_order(4, 3)
    ([0, 2, 1], [0, 2, 1, 3], [0, 3, 1, 4, 2], [0, 1, 2], [0, 2, 1, 3])
    """
    per = -(-count // columns)
    used = -(-count // per)
    return [column * per + row for row in range(per) for column in range(used) if column * per + row < count]


def in_column_order(items: Sequence[Block], columns: int) -> list[Block] | None:
    """The items, read row by row from `columns` columns, in column order; None where
    the items' numbers, those that have one, would then not count up (a number or letter
    says more of the order than rows do: a list of numbers the text lost one of, "1" "3"
    "2" and an unnumbered item, is put back by rows only where the numbers agree)."""
    places = column_order(len(items), columns)
    ordered: list[Block | None] = [None] * len(items)
    for block, place in zip(items, places):
        ordered[place] = block
    result = [block for block in ordered if block is not None]
    markers = [block.data.marker for block in result if isinstance(block.data, ItemData)]
    numbers = [marker for marker in markers if marker_numbers([marker]) is not None]  # no bullet, no dash
    return result if all(comes_later(a, b) for a, b in pairwise(numbers)) else None
