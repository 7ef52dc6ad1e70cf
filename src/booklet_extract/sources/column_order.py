"""A list set in two columns that the extractor read row by row, box by box.

pdfminer gives a page's boxes in an order that follows their height across the page.
Where a list flows down two columns and each item's first line is a box of its own
(the marker's hanging indent sets it apart from its rest), the boxes of the two columns
come interleaved: the left column's first box, the right column's first box, the left
column's second, and so on, at whatever heights they fall:

    a) The Zenda Education Office ...   left column: a whole item
    residents meet to practise ...      right column: the rest of item b
    c) A learning festival held in the  right column: item c's first line
    b) Language cafés in which the      left column: item b's first line
    old town and on the square.         right column: the rest of item c

The printed order is the left column's boxes, then the right column's, each column in
the extractor's order. The text does not say which box stood in which column, but the
items do: only one way of dealing the boxes into two columns may make a list whose
markers count on in order (`a)` `b)` `c)`), whose first lines that end no sentence are
each followed by a rest opening in lowercase that they had no room for, and whose every
rest follows such a line.
When exactly one way does, and the extractor's order is not already such a list, the
boxes go back in that order and each box moved (past the others, which keep their
sequence) is reported. Where several ways do, the one way that mends more words broken
at line ends ("communi-" / "ties") than any other is taken; else the text stays as printed
(bullets, which do not count, seldom leave one way only; nor does a tie: taking the plain
row-by-row reading of two columns then was tried, and lost more than it won).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise, product

from ..line import Line, Repair, boxes_of
from ..markers import counts_on
from ..profile import DEFAULT_PROFILE, Profile
from ..wordlist import zipf
from .paragraphs import next_word_fits

# Runs of more boxes than this are left alone (2**n ways to deal them).
_MAX_BOXES = 10


def restore_column_lists(lines: list[Line], *, profile: Profile = DEFAULT_PROFILE) -> tuple[list[Line], list[Repair]]:
    """The lines with each list read row by row put back column by column, and one
    repair (kind `reading_order`) per box moved. Only for text whose boxes the
    extractor marked with blank lines.

    >>> texts = ["a) Reading clubs in every district.", "and their families.", "c) Courses for the workers of the old",
    ...          "b) A school for the parents of pupils", "town's mills."]
    >>> lines = [Line(t, n, True) for n, t in enumerate(texts, 1)]
    >>> [line.text for line in restore_column_lists(lines)[0]][1:4]
    ['b) A school for the parents of pupils', 'and their families.', 'c) Courses for the workers of the old']
    """
    boxes = boxes_of(lines)
    firsts = [lines[box[0]] for box in boxes]
    out: list[Line] = []
    repairs: list[Repair] = []
    b = 0
    while b < len(boxes):
        run = _list_run(firsts, b, profile)
        order = _column_order([[lines[j] for j in box] for box in boxes[b : b + run]], profile) if run else None
        if order is None:
            out.extend(lines[j] for j in boxes[b])
            b += 1
            continue
        stay = _kept_in_place(order)
        for place, k in enumerate(order):
            box = [lines[j] for j in boxes[b + k]]
            if place and _opens_in_lowercase(box[0], profile):
                box[0] = replace(box[0], block_start=False)  # a rest goes on its item's line
            out.extend(box)
            if k not in stay:
                repairs.append(Repair(
                    "reading_order", box[0].text.strip(), box[0].text.strip(), box[0],
                    "a list set in two columns, read across them box by box (the extractor's "
                    "order): read column by column"))
        b += run
    return out, repairs


def _kept_in_place(order: Sequence[int]) -> set[int]:
    """The boxes that keep their place: the most that the new order leaves in the old
    one's sequence (a longest increasing run); the others are the ones moved.

    >>> sorted(_kept_in_place([0, 2, 3, 1]))
    [0, 2, 3]
    """
    best: list[list[int]] = []
    for k, box in enumerate(order):
        longest: list[int] = []
        for j in range(k):
            if order[j] < box and len(best[j]) > len(longest):
                longest = best[j]
        best.append([*longest, box])
    kept: list[int] = []
    for run in best:
        kept = run if len(run) > len(kept) else kept
    return set(kept)


def _is_marked(line: Line, profile: Profile) -> bool:
    return bool(profile.box_item_marker.match(line.text)) and not profile.box_marker_alone.match(line.text)


def _opens_in_lowercase(line: Line, profile: Profile) -> bool:
    """A box that may be an item's rest: it goes on in lowercase (box_order's `_is_rest` also asks
    that it end the item; here a rest may go on into the next)."""
    text = line.text.lstrip()
    return text[:1].islower() and not profile.box_item_marker.match(text)


def _list_run(firsts: Sequence[Line], b: int, profile: Profile) -> int:
    """How many boxes from `b` on (`firsts`: each box's first line) may be one list's:
    items opening with a marker and rests opening in lowercase, starting with a marked
    item, two marked items and one rest at least, on one page."""
    if not _is_marked(firsts[b], profile):
        return 0
    end = b
    while end < len(firsts) and firsts[end].printed_page == firsts[b].printed_page and (
            _is_marked(firsts[end], profile) or _opens_in_lowercase(firsts[end], profile)):
        end += 1
    marked = sum(_is_marked(first, profile) for first in firsts[b:end])
    if marked < 2 or marked == end - b or end - b > _MAX_BOXES:
        return 0
    return end - b


def _column_order(boxes: list[list[Line]], profile: Profile) -> list[int] | None:
    """The one order of `boxes` dealt into two columns (each kept in the extractor's
    order) that makes a list, when the extractor's own order does not; else None."""
    measure = max(len(_spaced(line.text)) for box in boxes for line in box)
    if _is_list(boxes, measure, profile):
        return None
    found: set[tuple[int, ...]] = set()
    for deal in product((0, 1), repeat=len(boxes)):
        order = tuple(k for column in (0, 1) for k in range(len(boxes)) if deal[k] == column)
        if _is_list([boxes[k] for k in order], measure, profile):
            found.add(order)
    if len(found) > 1:
        # Where more than one way makes a list, the words broken at line ends may tell:
        # "communi-" goes on in "ties", not in "bookkeeping". Only one way that mends more
        # of them into words than any other is taken.
        joined = {order: _words_mended([boxes[k] for k in order], profile) for order in found}
        best = max(joined.values())
        found = {order for order, n in joined.items() if n == best}
    return list(found.pop()) if len(found) == 1 else None


def _words_mended(boxes: Sequence[Sequence[Line]], profile: Profile) -> int:
    """How many boxes ending on a word broken at the line end ("communi-") the next box,
    in this order, completes into a word of the language's word list ("ties")."""
    mended = 0
    for box, rest in pairwise(boxes):
        last, nxt = box[-1].text.split(), rest[0].text.split()
        if not last or not nxt or not last[-1].endswith("-") or not last[-1][:-1].isalpha():
            continue
        word = last[-1][:-1] + "".join(ch for ch in nxt[0] if ch.isalpha())
        mended += zipf(word.lower(), profile.language.code) >= profile.language.min_word_zipf
    return mended


def _spaced(text: str) -> str:
    """The text with single spaces (pdfminer keeps a justified line's wide ones)."""
    return " ".join(text.split())


def _is_list(boxes: Sequence[Sequence[Line]], measure: int, profile: Profile) -> bool:
    """Do the boxes, in this order, make a list: marked items whose markers count on,
    each box that ends no sentence followed by a rest its last line had no room for
    (`measure`: the run's longest line), each rest after such a box?"""
    markers: list[str] = []
    for k, box in enumerate(boxes):
        first, last = box[0].text.strip(), box[-1].text.strip()
        if _is_marked(box[0], profile):
            marker = first[0] if first[0] in profile.bullets else first.split()[0]
            if markers and not (counts_on(markers[-1], marker) or marker == markers[-1] and not marker[:1].isalnum()):
                return False
            markers.append(marker)
        elif k == 0 or profile.item_end.search(boxes[k - 1][-1].text.strip()):
            return False  # a rest after a box that ended its item, or opening the list
        goes_on = not profile.item_end.search(last)
        if goes_on and (k + 1 == len(boxes) or not _opens_in_lowercase(boxes[k + 1][0], profile)):
            return False
        if goes_on and not last.endswith("-") and next_word_fits(_spaced(last), boxes[k + 1][0].text, measure):
            return False  # the line had room for the rest's first word: it ended its item
    return bool(markers)
