"""The numbers items' printed markers count: `2.`, `(ii)` and `b)` all say 2.

Extractors may give a city's items out of order (a grid read row by row, flowed columns),
or a layout may set its last item after the quote; the markers say where each belongs.
A list is read under one scheme throughout: arabic numbers, else small roman numerals,
else letters (`i.` counts as a numeral, so `i.` `ii.` `iii.` are numerals, `a)` `b)`
letters).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import regex as re

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _arabic(core: str) -> int | None:
    return int(core) if core.isdigit() else None


def _roman(core: str) -> int | None:
    return _ROMAN.get(core)


def _letter(core: str) -> int | None:
    """A letter's place in the alphabet."""
    return ord(core) - ord("a") + 1 if len(core) == 1 and "a" <= core <= "z" else None


_SCHEMES: tuple[Callable[[str], int | None], ...] = (_arabic, _roman, _letter)

_CORE = re.compile(r"\w+(?=\W*$)")
"""A marker's count: its last word ("ii" of "(ii)", "2" of "Initiative 2:"); none in a bullet."""


def _core(marker: str) -> str:
    """The count a marker prints, lowercased ("" for a bullet)."""
    found = _CORE.search(marker)
    return found.group().lower() if found else ""


def _dress(marker: str) -> str:
    """What a marker prints around its count: "()" of "(2)", "Initiative :" of "Initiative 2:"."""
    found = _CORE.search(marker)
    return marker[: found.start()] + marker[found.end() :] if found else marker


def marker_numbers(markers: Sequence[str]) -> list[int] | None:
    """Each marker's number under the first scheme that reads them all, else None
    (several lists read together may repeat numbers: `counted_from_one` is for one).

    >>> marker_numbers(["1.", "3.", "1.", "2."]), marker_numbers(["1.", "•"])
    ([1, 3, 1, 2], None)
    """
    return next(_readings(markers), None)


def counted_from_one(markers: Sequence[str]) -> list[int] | None:
    """Each marker's number when, under one scheme, they count 1..N in some order; else None.

    >>> counted_from_one(["1.", "3.", "2."]), counted_from_one(["(i)", "ii."]), counted_from_one(["b)", "a)"])
    ([1, 3, 2], [1, 2], [2, 1])
    >>> counted_from_one(["1.", "3."]) is None, counted_from_one(["•", "•"]) is None
    (True, True)
    """
    return next((numbers for numbers in _readings(markers) if counts_one_to_n(numbers)), None)


def counts_one_to_n(numbers: Sequence[int]) -> bool:
    """Are `numbers` 1..N in some order?"""
    return sorted(numbers) == list(range(1, len(numbers) + 1))


def _readings(markers: Sequence[str]) -> Iterator[list[int]]:
    """The markers' numbers under each scheme that reads them all, in the schemes' order."""
    cores = [_core(marker) for marker in markers]
    for read in _SCHEMES:
        numbers = [n for n in map(read, cores) if n is not None]
        if len(numbers) == len(cores):
            yield numbers


def counts_on(before: str, after: str) -> bool:
    """Does marker `after` number the item after `before`'s, in the same scheme and
    dress ("ii." after "i.", "(3)" after "(2)"; not "b)" after "1.", nor "2)" after "1.")?

    >>> counts_on("i.", "ii."), counts_on("(2)", "(3)"), counts_on("1.", "b)"), counts_on("1.", "2)")
    (True, True, False, False)
    """
    pair = _pair_numbers(before, after)
    return pair is not None and pair[1] == pair[0] + 1


def comes_later(before: str, after: str) -> bool:
    """Does marker `after` number a later item of `before`'s list, in the same scheme and
    dress: the next one or any after it ("3." after "1.", as columns a layout tool
    balanced print them on one row)?

    >>> comes_later("1.", "3."), comes_later("1.", "2."), comes_later("3.", "1."), comes_later("1.", "3)")
    (True, True, False, False)
    """
    pair = _pair_numbers(before, after)
    return pair is not None and pair[1] > pair[0]


def _pair_numbers(before: str, after: str) -> tuple[int, int] | None:
    """Two markers' numbers under the first scheme that reads both, where they are
    dressed alike ("(2)" and "(3)", not "2)" and "(3)"); else None."""
    if _dress(before) != _dress(after):
        return None
    cores = [_core(before), _core(after)]
    for read in _SCHEMES:
        first, second = read(cores[0]), read(cores[1])
        if first is not None and second is not None:
            return first, second
    return None
