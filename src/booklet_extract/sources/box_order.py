"""Items an extractor read box by box: the first lines of a row of items, then their rests.

pdfminer groups a page's characters into boxes and gives the boxes one after another,
a blank line between them. In a row of list items set side by side, each item's first
line (set apart by the marker's hanging indent) is a box of its own, so the text gives
the first lines of all the row's items, then the rest of each item, in the same order:

    • The Zenda Reading Net-            first line of item 1
    • The opening of the                first line of item 2
    work, which links the ...           rest of item 1
    Strelsau Teachers' Centre ...       rest of item 2

Each of those first lines was full (its column had no room for the next word, or it
ends in a hyphen), so no item ends there: the rests are put back after their first
lines, in the extractor's order, and each move is reported. Nothing moves unless every
first line is full and every rest ends a sentence, so short items without a full stop
stay as printed. The order is the only evidence of which rest is whose, so nothing moves
when a word broken at a first line's end speaks against it (a rest in capitals after a
hyphen) or speaks as well for another order (two first lines ending 'pro-' and two rests
opening in lowercase: in a flowed layout the extractor may give the rests the other way
round). A single first line set apart from its own rest is joined to it again. A row may
also hold a whole item of one line (`(c) … waste.`, a column with one item): the rests
that follow are then those of the row's other items, in order (`_mixed_row_at`). A word
processor's hanging marker may come as a box of its own over its first line (`(a)` /
`Market-day courses in book-`): the two are that item's first line
(`_markers_over_first_lines`).

pdftotext, for its part, may give a column of hanging numbers apart from the items they
number: `1)` `2)`, then the two items' text run together. The text then holds exactly
one fewer place where a line ends a sentence and the next opens with a capital than
there are numbers, before the next number or a quotation: the numbers go back to those
places (`restore_number_columns`). Any other count leaves the lines as printed. Where
the column came before the city's stats and intro, the first number goes after the
intro's lead-in ("Its initiatives are:"), not onto the stats.

What counts as a marker, an item's start or end and a quotation is the genre's, so it
comes from the `Profile` passed in (`box_item_marker`, `box_marker_alone`, `item_start`,
`item_end`, `quote_mark_start`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import permutations

from .. import wordlist
from ..line import Line, Repair, boxes_of
from ..profile import DEFAULT_PROFILE, Language, Profile
from .paragraphs import next_word_fits

# Rows longer than this are not searched for another order (k! orders).
_MAX_ROW = 4


def _is_first_line(line: Line, profile: Profile) -> bool:
    """An item's first line that does not end it, or its marker alone (the item's first
    line then went with the rest's box)."""
    if profile.box_marker_alone.match(line.text):
        return True
    return bool(profile.box_item_marker.match(line.text)) and not profile.item_end.search(line.text) \
        and not line.text.rstrip().endswith(":")


def _is_rest(lines: Sequence[Line], block: range, profile: Profile) -> bool:
    """A block that may be an item's rest: no marker, no quotation, ends the item.

    A rest opening with a quotation mark may be the quote after the list: never moved."""
    first, last = lines[block[0]].text, lines[block[-1]].text
    return not profile.box_item_marker.match(first) and not profile.quote_mark_start.match(first) \
        and bool(profile.item_end.search(last))


def _broken_word_support(heads: Sequence[str], rests: Sequence[str]) -> int | None:
    """How many first lines ending in a hyphen meet a rest opening in lowercase when
    paired in this order; None when one meets a rest opening otherwise."""
    support = 0
    for head, rest in zip(heads, rests, strict=True):
        if head.endswith("-"):
            if not rest.lstrip()[:1].islower():
                return None
            support += 1
    return support


_HEAD_END = re.compile(r"([^\W\d_]+)-$")
_TAIL_START = re.compile(r"^\s*([^\W\d_]+)")


def _words_made(heads: Sequence[str], rests: Sequence[str], language: Language) -> set[int]:
    """Which first lines, ending in a hyphen, make a word of the word list with the rest
    they meet in this order ("el-" / "ders teach" is "elders"; "el-" / "by the" no word)."""
    made = set()
    for n, (head, rest) in enumerate(zip(heads, rests, strict=True)):
        end, start = _HEAD_END.search(head), _TAIL_START.match(rest)
        if end and start and wordlist.zipf((end.group(1) + start.group(1)).lower(), language.code) \
                >= language.min_word_zipf:
            made.add(n)
    return made


def _order_is_clear(heads: Sequence[str], rests: Sequence[str], language: Language) -> bool:
    """The extractor's order pairs a broken word with its end at least as no other order
    does; or, when the rests all open in lowercase (any order pairs them), its pairs make
    words of the word list that no other order makes as many of without those very pairs
    (where the words say nothing, the extractor's order is all there is)."""
    own = _broken_word_support(heads, rests)
    if own is None or len(heads) > _MAX_ROW:
        return False
    if own == 0:  # no broken word to go by: the extractor's order is all there is
        return True
    others = [order for order in permutations(rests) if list(order) != list(rests)]
    if all((other := _broken_word_support(heads, order)) is None or other < own for order in others):
        return True
    made = _words_made(heads, rests, language)
    if not made:
        return False
    for order in others:
        theirs = _words_made(heads, order, language)
        if len(theirs) >= len(made) and any(order[n] != rests[n] for n in made):
            return False
    return True


def _first_line_of(lines: Sequence[Line], block: range, profile: Profile) -> Line | None:
    """The block's item first line (`_is_first_line`), when the block is one, or is its
    marker alone over it ("(a)" / "Market-day courses in book-": a word processor's
    hanging marker, a box of its own, `_markers_over_first_lines`; not a bare number, which
    may be a page's); else None."""
    last = lines[block[-1]]
    if len(block) == 1:
        return last if _is_first_line(last, profile) else None
    marker = lines[block[0]].text.strip()
    if len(block) == 2 and profile.item_marker_alone.match(marker) and not marker.isdigit() \
            and not profile.item_marker_alone.match(last.text) and not profile.box_item_marker.match(last.text) \
            and not profile.quote_mark_start.match(last.text) and not profile.item_end.search(last.text) \
            and not last.text.rstrip().endswith(":"):
        return last
    return None


def _markers_over_first_lines(lines: Sequence[Line], blocks: list[range], profile: Profile) -> list[range]:
    """The blocks, each marker alone on its line in a box of its own ("(a)") taken together
    with the one-line box after it, its item's first line (`_first_line_of`)."""
    out: list[range] = []
    for block in blocks:
        if out and len(out[-1]) == 1 and len(block) == 1 \
                and _first_line_of(lines, range(out[-1].start, block.stop), profile) is not None:
            out[-1] = range(out[-1].start, block.stop)
        else:
            out.append(block)
    return out


def _first_lines_at(lines: Sequence[Line], blocks: list[range], b: int, profile: Profile) -> int:
    """How many blocks from `b` are items' first lines (`_first_line_of`), one after another."""
    k = 0
    while b + k < len(blocks) and _first_line_of(lines, blocks[b + k], profile) is not None:
        k += 1
    return k


def _row_at(lines: Sequence[Line], blocks: list[range], b: int, profile: Profile) -> int:
    """How many one-line first lines of items start at block `b` and have their rests,
    in order, right after them (0 when the blocks there are not such a row)."""
    k = _first_lines_at(lines, blocks, b, profile)
    if k == 0 or b + 2 * k > len(blocks):
        return 0
    rests = blocks[b + k:b + 2 * k]
    measure = max(len(lines[j].text.strip()) for r in rests for j in r)
    return k if _rests_belong(lines, blocks[b:b + k], rests, measure, profile) else 0


def _rests_belong(lines: Sequence[Line], heads: Sequence[range], rests: Sequence[range], measure: int,
                  profile: Profile) -> bool:
    """May `rests` go back after the first lines `heads`, in order? Each is an item's rest;
    no first line had room for its rest's first word (the item may have ended there; a
    marker alone has no room to judge); and the order is clear (`_order_is_clear`)."""
    if not all(_is_rest(lines, r, profile) for r in rests):
        return False
    texts = [lines[h[-1]].text.rstrip() for h in heads]
    for head, rest in zip(texts, rests, strict=True):
        if not head.endswith("-") and not profile.box_marker_alone.match(head) \
                and next_word_fits(head, lines[rest[0]].text, measure):
            return False
    return _order_is_clear(texts, [lines[r[0]].text for r in rests], profile.language)


def _is_whole_item(line: Line, profile: Profile) -> bool:
    """A one-line item, marker and end: in a row, its box holds all of it."""
    return bool(profile.box_item_marker.match(line.text)) and bool(profile.item_end.search(line.text))


def _mixed_row_at(lines: Sequence[Line], blocks: list[range], b: int, profile: Profile) -> list[bool]:
    """A row whose items' boxes are one line each, some a whole item ("(c) … waste."), the
    others a first line only, with the rests of those, in order, right after the row: for
    each block of the row, whether a rest follows it ([] when the blocks there are not
    such a row). The same checks as `_row_at`: every first line full, the order clear."""
    row: list[bool] = []
    while b + len(row) < len(blocks) and len(blocks[b + len(row)]) == 1:
        line = lines[blocks[b + len(row)][0]]
        if _is_whole_item(line, profile):
            row.append(False)
        elif _is_first_line(line, profile) and not profile.box_marker_alone.match(line.text):
            row.append(True)
        else:
            break
    wanting = sum(row)
    if not wanting or wanting == len(row) or b + len(row) + wanting > len(blocks):
        return []
    rests = blocks[b + len(row):b + len(row) + wanting]
    heads = [blocks[b + k] for k, wants in enumerate(row) if wants]
    measure = max(len(lines[j].text.strip()) for k in range(len(row)) for j in blocks[b + k])
    return row if _rests_belong(lines, heads, rests, measure, profile) else []


def restore_item_rows(
    lines: list[Line], *, profile: Profile = DEFAULT_PROFILE
) -> tuple[list[Line], list[Repair]]:
    """The lines with each item's rest put back after its first line, and one repair
    (kind `reading_order`) per rest moved. Only for text whose blocks the extractor
    marked with blank lines: without them no box shows."""
    blocks = _markers_over_first_lines(lines, boxes_of(lines), profile)
    out: list[Line] = []
    repairs: list[Repair] = []
    b = 0
    while b < len(blocks):
        k = _row_at(lines, blocks, b, profile)
        row = [True] * k if k else _mixed_row_at(lines, blocks, b, profile)
        if row:
            b = _put_back_row(lines, blocks, b, row, out, repairs)
            continue
        # A row whose rests cannot be put back is left whole: the rows within it,
        # from its second first line on, would pair the same rests with other lines.
        for block in blocks[b:b + max(1, _first_lines_at(lines, blocks, b, profile))]:
            out.extend(lines[j] for j in block)
            b += 1
    return out, repairs


def _put_back_row(lines: Sequence[Line], blocks: list[range], b: int, row: list[bool],
                  out: list[Line], repairs: list[Repair]) -> int:
    """Write the row of blocks from `b` (`row`: whether a rest follows each, `_row_at` or
    `_mixed_row_at`) to `out`, each rest after its own first line, one repair per rest
    that other blocks stood before; returns the block after the row's rests."""
    wanting = sum(row)
    rests = iter(blocks[b + len(row):b + len(row) + wanting])
    for k, wants in enumerate(row):
        out.extend(lines[j] for j in blocks[b + k])
        first = lines[blocks[b + k][-1]]
        if not wants:
            continue
        rest = next(rests)
        moved = replace(lines[rest[0]], block_start=False)
        out.append(moved)
        out.extend(lines[j] for j in rest[1:])
        if k == len(row) - 1 and wanting == 1:
            continue  # already in order: only set apart by a blank line
        repairs.append(Repair(
            "reading_order", moved.text.strip(), f"{first.text.strip()} {moved.text.strip()}", moved,
            "an item's rest given after the next item's first line (the extractor's box order): "
            "read after its own first line"))
    return b + len(row) + wanting


_FIRST_WORDS = 2
"""An item's first words an extractor may give before its marker: at most this many."""


def restore_first_words(lines: list[Line], *, profile: Profile = DEFAULT_PROFILE) -> tuple[list[Line], list[Repair]]:
    """The lines with an item's first word put back after its marker, where the extractor
    gave it as a box of its own before the marker (pdfminer, on a justified first line
    whose wide space set the word apart: "Neighbourhood" / "1)" / "learning houses ...").
    The box is one line of at most two words opening with a capital and ending no
    sentence; the box before it ends one (a lead-in, the item before), so the word opens
    something; the next box opens on a marker alone, its text going on in lowercase.
    One repair (kind `reading_order`) per word moved. Only for text whose blocks the
    extractor marked with blank lines."""
    blocks = boxes_of(lines)
    out: list[Line] = []
    repairs: list[Repair] = []
    b = 0
    while b < len(blocks):
        block = blocks[b]
        if b + 1 < len(blocks) and _first_words_before_marker(lines, blocks, b, profile):
            word, after = lines[block[0]], blocks[b + 1]
            marker = lines[after[0]]
            moved = replace(word, block_start=False)
            out += [marker, moved, *(lines[j] for j in after[1:])]
            repairs.append(Repair(
                "reading_order", word.text.strip(), f"{marker.text.strip()} {word.text.strip()}", moved,
                "an item's first word given before its marker (the extractor's box order): read after it"))
            b += 2
            continue
        out.extend(lines[j] for j in block)
        b += 1
    return out, repairs


def _first_words_before_marker(lines: Sequence[Line], blocks: list[range], b: int, profile: Profile) -> bool:
    """Is block b an item's first words given before its marker (`restore_first_words`)?"""
    block, after = blocks[b], blocks[b + 1]
    text = lines[block[0]].text.strip()
    if len(block) != 1 or not 0 < len(text.split()) <= _FIRST_WORDS or not text[:1].isupper() \
            or profile.paragraph_end.search(text):
        return False
    before = lines[blocks[b - 1][-1]].text.strip() if b else ""
    if before and not profile.paragraph_end.search(before):
        return False  # the word may end the sentence before it
    return len(after) > 1 and bool(profile.box_marker_alone.match(lines[after[0]].text)) \
        and lines[after[1]].text.lstrip()[:1].islower()


def _after_lead_in(lines: Sequence[Line], start: int, stop: int, profile: Profile) -> int:
    """Where the first item opens: after the last lead-in ending on a colon ("Its
    initiatives are:") before the second item, where one stands between the numbers and
    it (the stats and intro an extractor read after a column of hanging numbers);
    else right after the numbers."""
    first = start
    for j in range(start + 1, stop):
        if lines[j - 1].text.rstrip().endswith(":") and profile.item_start.match(lines[j].text):
            first = j
    return first


def _stack_at(lines: Sequence[Line], i: int, profile: Profile) -> int:
    """How many markers alone on their lines, numbered one after another (or the same
    bullet), start at line `i`."""
    alone = profile.box_marker_alone
    first = alone.match(lines[i].text)
    if first is None:
        return 0
    k = 1
    while i + k < len(lines) and (m := alone.match(lines[i + k].text)) is not None:
        if first.group("number") is None:
            if m.group("number") is not None or lines[i + k].text.strip() != lines[i].text.strip():
                break
        elif m.group("number") is None or int(m.group("number")) != int(first.group("number")) + k:
            break
        k += 1
    return k


def _item_starts(
    lines: Sequence[Line], start: int, wanted: int, profile: Profile
) -> tuple[list[int], int] | None:
    """Where the items after a stack of `wanted` + 1 markers start after the first one,
    and where the run of their lines ends: the places, before the next marker or
    quotation, where a line ends a sentence and the next opens with a capital; None
    unless there are exactly `wanted` of them."""
    places = []
    j = start + 1
    while j < len(lines) and not profile.box_marker_alone.match(lines[j].text) \
            and not profile.quote_mark_start.match(lines[j].text):
        if profile.item_end.search(lines[j - 1].text) and profile.item_start.match(lines[j].text):
            places.append(j)
        j += 1
    return (places, j) if len(places) == wanted else None


def restore_number_columns(
    lines: list[Line], *, profile: Profile = DEFAULT_PROFILE
) -> tuple[list[Line], list[Repair]]:
    """The lines with each marker of a stack given apart from its items put before its
    own item, and one repair (kind `reading_order`) per marker moved (see the module's
    docstring)."""
    out: list[Line] = []
    repairs: list[Repair] = []
    i = 0
    while i < len(lines):
        k = _stack_at(lines, i, profile)
        found = _item_starts(lines, i + k, k - 1, profile) if k >= 2 and i + k < len(lines) \
            and profile.item_start.match(lines[i + k].text) else None
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        starts, end = found
        markers = lines[i:i + k]
        first = _after_lead_in(lines, i + k, starts[0] if starts else end, profile)
        out.extend(lines[i + k:first])  # a city's stats and intro, read between the numbers and the list
        bounds = [first, *starts, end]
        for n, marker in enumerate(markers):
            item = lines[bounds[n]:bounds[n + 1]]
            out.append(replace(marker, block_start=True))
            out.append(replace(item[0], block_start=False))
            out.extend(item[1:])
            if n or first > i + k:
                repairs.append(Repair(
                    "reading_order", marker.text.strip(), f"{marker.text.strip()} {item[0].text.strip()}", marker,
                    "a number given apart from its item (a column of hanging numbers): put before its item"))
        i = end
    return out, repairs
