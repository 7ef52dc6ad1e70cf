"""Two columns of items whose first lines an extractor ran into one line.

pdftotext, reading two narrow columns of items, may join the columns' first lines into
one line and then give the columns' next lines one after the other, row by row:

    1. Reading clubs in every library of the   3. A festival of learning held
    town and its villages.                     (the first column's second line)
    every spring in the old square.            (the second column's second line)
    2. Evening classes for adults ...

The line holds a second marker in the middle of a sentence: one that numbers a later
item of the same list, or the bullet the line opens with (at the line's end, where the
second column's text opens the next line). There the second column begins. The lines
after it, up to the next item or paragraph, alternate between the two columns, all
going to one once the other's item ended (all to the first where the joined line ends
the second column's item). They are put back column by column only where that reading
holds up: each column's last line ends its item and no other line ends one. A second
marker after a hyphen is left alone: the extractor gave the broken word inside a line,
and joining it would change the text as given. Any other text is left as given, and
each move is reported.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex as re

from ..line import Line, Repair
from ..markers import comes_later
from ..profile import DEFAULT_PROFILE, Profile

# A line under two columns' ended items is the matter under them when it is this many
# times as wide as their widest line.
_WIDER = 1.25


def _second_column_at(text: str, profile: Profile) -> int | None:
    """Where in a line opening with a list marker a second column begins, in the middle
    of a sentence (after a finished one, the extractor read items across:
    `text._items_read_across`): a later number of that list, or the bullet that opens
    the line, set inside it or at its end (the second column's text then opens the next
    line). Not after a hyphen: a word broken at the first column's line end, but in the
    middle of the given line, where joining it would change the text as given."""
    first = profile.item_marker.match(text)
    if first is None:
        return None
    marker = first.group().strip()
    bulleted = len(marker) == 1 and marker in profile.bullets
    inside: list[int] = (
        [int(m.start()) + 1 for m in _bullet_inside(marker).finditer(text, first.end())] if bulleted
        else [int(m.start("marker")) for m in profile.item_number_anywhere.finditer(text, first.end())
              if comes_later(marker, m.group("marker"))])
    for at in inside:
        before = text[:at].rstrip()
        if not profile.item_end.search(before) and not before.endswith("-"):
            return at
        if bulleted:
            return None  # the first bullet inside the line ends no column's line: a list run on
    return None


@lru_cache(maxsize=16)
def _bullet_inside(bullet: str) -> re.Pattern[str]:
    """`bullet` after a word and a space, before a word or at the line's end."""
    return re.compile(rf"(?<=\S) {re.escape(bullet)}(?= \S| *$)")


def _rows_after(lines: list[Line], i: int, profile: Profile) -> list[Line]:
    """The lines after line `i` that go on its item's row: up to a blank line, a page
    break or the next item's marker."""
    k = i + 1
    while k < len(lines) and not lines[k].block_start and lines[k].page == lines[i].page \
            and not profile.item_marker.match(lines[k].text):
        k += 1
    return lines[i + 1 : k]


def _columns_of(rows: list[Line], second_ended: bool, second_below: bool,
                profile: Profile) -> tuple[list[Line], list[Line]] | None:
    """`rows` (as many as the columns take) as the two columns' lines: dealt in turn (the
    second column's first where its marker ended the joined line, `second_below`), all to
    one column once the other's item ended, up to where both ended (what follows is the
    matter under the columns); or all the first column's up to where its item ended, where
    the second column's item ended on the joined line (`second_ended`). None unless each
    column's last line ends its item."""
    columns: tuple[list[Line], list[Line]] = ([], [])
    ended = [False, second_ended]
    turn = 1 if second_below and not second_ended else 0
    for line in rows:
        if all(ended):
            break
        if ended[turn]:
            turn = 1 - turn  # this column's item ended: the rest are the other's
        columns[turn].append(line)
        ended[turn] = bool(profile.item_end.search(line.text.rstrip()))
        if not ended[1 - turn]:
            turn = 1 - turn
    if not all(ended) or not columns[0] or not (columns[1] or second_ended):
        return None
    return columns


def part_joined_rows(lines: list[Line], *, profile: Profile = DEFAULT_PROFILE) -> tuple[list[Line], list[Repair]]:
    """The lines with each pair of item columns run into one line put back column by
    column, and one repair (kind `reading_order`) per line moved. A bullet alone on the
    line before (a hanging bullet the extractor set apart) opens the joined line."""
    out: list[Line] = []
    repairs: list[Repair] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        hanging = _hanging_bullet(lines, i, profile)
        if hanging:
            out.append(line)  # the bullet alone stays where it was given
            i += 1
            line = lines[i]
        found = _second_column_at(hanging + line.text, profile)
        at = None if found is None else found - len(hanging)
        columns = None if at is None else _parted_rows(lines, i, at, profile)
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
        i += 1 + len(first) + len(rest)
    return out, repairs


def _parted_rows(lines: list[Line], i: int, at: int, profile: Profile) -> tuple[list[Line], list[Line]] | None:
    """The lines after joined line `i` (its second column starting at `at`) as the two
    columns' (`_columns_of`), where a line under both ended items is wider than theirs
    (a full line under the columns: else an item may go on there)."""
    text = lines[i].text
    rows = _rows_after(lines, i, profile)
    second_below = len(text[at:].strip()) == 1 and text[at:].strip() in profile.bullets
    columns = _columns_of(rows, bool(profile.item_end.search(text.rstrip())), second_below, profile)
    taken = sum(map(len, columns)) if columns is not None else 0
    if columns is None or taken < len(rows) and not _wider(rows[taken], columns[0] + columns[1]):
        return None
    return columns


def _wider(line: Line, rows: list[Line]) -> bool:
    """Is `line` wider than every one of `rows` by `_WIDER`: a full line under the
    columns (a quote), not a column's?"""
    return len(line.text.strip()) > _WIDER * max(len(row.text.strip()) for row in rows)


def _hanging_bullet(lines: list[Line], i: int, profile: Profile) -> str:
    """The bullet and a space where line `i` is a bullet alone with text on the next
    line of its page; else nothing."""
    text = lines[i].text.strip()
    if len(text) == 1 and text in profile.bullets and i + 1 < len(lines) \
            and lines[i + 1].page == lines[i].page and lines[i + 1].text.strip():
        return text + " "
    return ""
