"""Two columns of items whose first lines an extractor ran into one line.

pdftotext, reading two narrow columns of numbered items, may join the columns' first
lines into one line and then give the columns' next lines one after the other, row by
row:

    1. Reading clubs in every library of the   3. A festival of learning held
    town and its villages.                     (the first column's second line)
    every spring in the old square.            (the second column's second line)
    2. Evening classes for adults ...

The line holds a second marker in the middle of a sentence, one that numbers a later
item of the same list: there the second column begins. The lines after it, up to the
next item or paragraph, alternate between the two columns (all go to the first where
the joined line ends the second column's item). They are put back column by column
only where that reading holds up: an even count of lines to alternate, each column's
last line ending its item and no other line ending one. Any other text is left as
given, and each move is reported.
"""

from __future__ import annotations

from dataclasses import replace

from ..line import Line, Repair
from ..markers import comes_later
from ..profile import DEFAULT_PROFILE, Profile


def _second_column_at(text: str, profile: Profile) -> int | None:
    """Where in a line opening with a list number a later number of that list opens a
    second column, in the middle of a sentence (after a finished one, the extractor
    read items across: `text._items_read_across`). Not after a hyphen: a word broken
    at the first column's line end, but in the middle of the given line, where joining
    it would change the text as given."""
    first = profile.item_marker.match(text)
    if first is None:
        return None
    for inside in profile.item_number_anywhere.finditer(text, first.end()):
        before = text[: inside.start()].rstrip()
        if comes_later(first.group().strip(), inside.group("marker")) and not profile.item_end.search(before) \
                and not before.endswith("-"):
            return int(inside.start("marker"))
    return None


def _rows_after(lines: list[Line], i: int, profile: Profile) -> list[Line]:
    """The lines after line `i` that go on its item's row: up to a blank line, a page
    break or the next item's marker."""
    k = i + 1
    while k < len(lines) and not lines[k].block_start and lines[k].page == lines[i].page \
            and not profile.item_marker.match(lines[k].text):
        k += 1
    return lines[i + 1 : k]


def _columns_of(rows: list[Line], second_ended: bool, profile: Profile) -> tuple[list[Line], list[Line]] | None:
    """`rows` as the two columns' lines: in turn, as many for each, or all the first
    column's where the second column's item ended on the joined line (`second_ended`).
    None unless in each column only the last line ends its item."""
    if not rows or not second_ended and len(rows) % 2:
        return None
    columns = (rows, []) if second_ended else (rows[0::2], rows[1::2])
    for column in columns:
        ends = [bool(profile.item_end.search(line.text.rstrip())) for line in column]
        if column and (not ends[-1] or any(ends[:-1])):
            return None
    return columns


def part_joined_rows(lines: list[Line], *, profile: Profile = DEFAULT_PROFILE) -> tuple[list[Line], list[Repair]]:
    """The lines with each pair of item columns run into one line put back column by
    column, and one repair (kind `reading_order`) per line moved."""
    out: list[Line] = []
    repairs: list[Repair] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        at = _second_column_at(line.text, profile)
        rows = _rows_after(lines, i, profile) if at is not None else []
        columns = _columns_of(rows, bool(profile.item_end.search(line.text.rstrip())), profile)
        if at is None or columns is None:
            out.append(line)
            i += 1
            continue
        first, rest = columns
        head = replace(line, text=line.text[:at].rstrip())
        second = replace(line, text=line.text[at:], block_start=True)
        out += [head, *first, second, *rest]
        repairs.append(Repair("reading_order", line.text.strip(), f"{head.text.strip()} / {second.text.strip()}",
                              line, "two columns' first lines run into one line: read column by column"))
        repairs += [Repair("reading_order", row.text.strip(), row.text.strip(), row,
                           "a line of the second column, given between the first column's lines") for row in rest]
        i += 1 + len(rows)
    return out, repairs
