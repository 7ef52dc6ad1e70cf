"""Columns a layout mode set one space apart, shown by a row of items' markers.

A layout mode (`pdftotext -layout`) may set narrow justified columns one space apart, as
close as words: no band of blank positions tells that gutter from a word space, so the
columns reader (`text_columns`) would read each row across. A row of items' markers
shows it; the columns' lines are then set apart by a gutter's spaces, each column flush
on its edge, for the columns reader to read column by column.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import regex as re

from ..markers import comes_later
from ..profile import Profile
from .line_shapes import GUTTER_GAP, GUTTER_SPACES

Row = tuple[int, str]  # (line number, text)

# Characters a word after a column's broken word may stand off its column's edge.
_BROKEN_NUDGE = 8
# A word broken at its column's end, then the gutter: a letter, a hyphen, one space.
_BROKEN_BEFORE = re.compile(r"\p{Ll}- $")
# What may be a numbered item's marker opening text on a line: a number, letter or small
# roman numeral with its dot or bracket, a number and a dash ("3 – "), or a bare number
# before a capital ("3 The ..."). The profile's item markers say which are (`_narrow_markers`).
_NUMBER_AT = re.compile(r"(?<!\S)(?:\(?[\da-z]{1,4}[.)]|\d{1,2} [–—]|\d{1,2}(?= [\p{Lu}‘“'\"])) (?=\S)")
# Dashes that open items ("– Reading clubs"): markers too where the line opens with one and
# each opens a capitalised word (prose's dash mostly goes on in lowercase).
_DASHES = "–—"
# Columns of one measure: the widest no more than this many times the narrowest.
_SAME_MEASURE = 1.5


def widen_marked_gutters(rows: Sequence[Row], profile: Profile) -> list[Row]:
    """`rows` with each gutter one space wide that a list's markers show widened to
    `GUTTER_GAP` spaces (its column's lines set flush: `_set_apart`), so that it is read as
    the gutter it is. A layout mode may set narrow justified columns one space apart, as
    close as words (`... long-time res- 3) A learning ...`): no band of blank positions
    tells that gutter from a word space, but a row of items' markers does, where a number
    later in the list than the one before it on the line (`2)` then `3)`, or `1.` then
    `3.` in columns a layout tool balanced; `iii.`, `(c)` and `3 –` alike), or the bullet
    that opens the line (or its dash, each before a capital), follows a single space, the
    markers stand as far apart as columns of one measure do (`_SAME_MEASURE`), and every
    line under them, down to the columns' end (`_columns_go_on`), has a word starting at
    each such marker (`_edge_near`) or is blank there, or ends its first column's line
    (`_runs_over`)."""
    out = list(rows)
    k = 0
    while k < len(out):
        starts, places = _narrow_markers(out[k][1], profile)
        if not places:  # most lines: no row of numbers one space apart
            k += 1
            continue
        end = k + 1
        while end < len(out) and _columns_go_on(out, end, starts[1] - 1):
            end += 1
        right = max(len(text.rstrip()) for _, text in out[k:end])
        measures = [b - a for a, b in pairwise([*starts, right])]
        if max(measures) > _SAME_MEASURE * min(measures):
            k = end
            continue
        cuts: list[list[int]] = []
        for p, width in places:
            edges = [len(text) if _runs_over(text, p) else _edge_near(text, p, width)
                     for _, text in out[k + 1 : end]]
            # No line has a word running across the edge (a line of the first column may
            # end right at it: a layout mode sets its longest lines a character over).
            if end == k + 1 or edges[0] is None or any(q is None and t[p : p + 1].strip()
                                                       for q, (_, t) in zip(edges, out[k + 1 : end], strict=True)):
                continue
            cuts.append([p, *(p if q is None else q for q in edges)])
        if cuts:
            out[k:end] = [(n, text) for (n, _), text in zip(out[k:end], _set_apart([t for _, t in out[k:end]], cuts),
                                                            strict=True)]
        k = end
    return out


def _columns_go_on(rows: Sequence[Row], k: int, edge: int) -> bool:
    """Is line `k` still a row of the columns whose second starts at `edge`: a line with
    text beside the first column, or with the first column's alone where the next line
    has text beside it only (the first column's item ended, the others' go on)? A line
    under the columns with nothing beside the first column (an attribution) ends them,
    and so does a blank line or a page break."""
    text = rows[k][1]
    if not text.strip() or "\f" in text:
        return False
    if text[edge:].strip():
        return True
    after = rows[k + 1][1] if k + 1 < len(rows) else ""
    return bool(after[edge:].strip()) and not after[:edge].strip() and "\f" not in after


def _set_apart(texts: list[str], cuts: list[list[int]]) -> list[str]:
    """`texts` cut where each column starts (`cuts`: for each column left to right, its
    start on each line) and set again with each column flush on one edge, `GUTTER_GAP`
    spaces right of the widest line's text before it: a layout mode rounds a column's
    lines to a character or more off its edge. What stands beyond the last column's
    text, past a gutter (a facing page's columns), moves as one, keeping its edges.

    >>> _set_apart(["ab • cd", "efg hi     xy", "e   jk     zw"], [[3, 4, 4]])
    ['ab    • cd', 'efg   hi      xy', 'e     jk      zw']
    """
    done = [""] * len(texts)
    starts = [0] * len(texts)
    for column in cuts:
        pieces = [text[a:b] for text, a, b in zip(texts, starts, column, strict=True)]
        done = [d + piece for d, piece in zip(done, pieces, strict=True)]
        edge = max(len(d.rstrip()) for d in done) + GUTTER_GAP
        done = [d.rstrip().ljust(edge) for d in done]
        starts = column
    tails = [GUTTER_SPACES.split(text[a:], maxsplit=1) for text, a in zip(texts, starts, strict=True)]
    shift = max(len(d) - a for d, a in zip(done, starts, strict=True))
    out = []
    for d, a, text, tail in zip(done, starts, texts, tails, strict=True):
        line = d + tail[0]
        if len(tail) > 1:
            beyond = text.index(tail[1], a + len(tail[0]))
            line = line.ljust(max(beyond + shift, len(line) + GUTTER_GAP)) + tail[1]
        out.append(line.rstrip())
    return out


def _narrow_markers(text: str, profile: Profile) -> tuple[list[int], list[tuple[int, int]]]:
    """Where each item's marker on the line starts, and (position, width with its space)
    of those that follow a single space: numbers each later in the list than the one
    before it (`markers.comes_later`), or bullets like the one opening the line (dashes
    each before a capital: `_DASHES`); the first marker opens the line's text or follows a
    gutter's spaces. Else nothing."""
    found = [m for m in _NUMBER_AT.finditer(text)
             if profile.item_marker.match(text[m.start() :]) or profile.item_number_bare.match(text[m.start() :])]
    numbered = len(found) >= 2
    if not numbered:
        marks = _bullets_at(profile.bullets + _DASHES)
        found = [m for m in marks.finditer(text) if text[m.start()] == text.lstrip()[:1]]
        if found and text[found[0].start()] in _DASHES and not all(
                text[m.end() : m.end() + 1].isupper() for m in found):
            return [], []  # a dash inside prose ("a town – a home for all"), not items' dashes
    if len(found) < 2 or text[: found[0].start()].strip() and text[found[0].start() - 2 : found[0].start()] != "  ":
        return [], []
    narrow: list[tuple[int, int]] = []
    for before, after in pairwise(found):
        if numbered and not comes_later(before.group(0).strip(), after.group(0).strip()):
            return [], []
        p = after.start()
        if text[p - 2] != " ":
            narrow.append((p, after.end() - p))
    return [m.start() for m in found], narrow


@lru_cache(maxsize=8)
def _bullets_at(bullets: str) -> re.Pattern[str]:
    """A bullet with a space after it, opening a word (`Profile.bullets`)."""
    return re.compile(rf"(?<!\S)[{re.escape(bullets)}] (?=\S)")


def _runs_over(line: str, p: int) -> bool:
    """Does the line's last word, alone past one space at the marker's edge, end a line of
    the first column that ran over it, not open the second's ("... residents teach one",
    nothing beside it)? It goes on in small letters and ends no sentence: a layout mode
    sets a column's longest lines a character or two past where the next column starts.

    >>> _runs_over("1 – Reading clubs where residents teach one", 39)
    True
    >>> _runs_over("1 – Reading clubs where residents teach one more", 39), _runs_over("... in town. 3 – A fair", 13)
    (False, False)
    """
    last = line.rstrip()
    at = last.rfind(" ") + 1
    return at > 1 and last[at - 2] != " " and abs(at - p) <= 1 and last[at:].isalpha() and last[at:].islower()


def _edge_near(line: str, p: int, width: int) -> int | None:
    """Where a word of `line` (under a marker at `p` of `width`) starts at the marker,
    give or take one character, or at its text (a hanging indent); None if none does.
    A word after a word broken at its column's end (`neighbour- classes`) may start a few
    characters further off (`_BROKEN_NUDGE`), and is taken first: a layout mode sets a
    justified line's characters on its grid only roughly, and a hyphen then a space
    inside a line is where a column ends (the broken word, even on the marker, is its
    column's last, never the next one's first)."""
    for q in sorted(range(p - _BROKEN_NUDGE, p + width + _BROKEN_NUDGE + 1), key=lambda q: abs(q - p)):
        if 0 < q < len(line) and line[q] != " " and _BROKEN_BEFORE.search(line, 0, q):
            return q
    places: set[int] = {*range(p - 1, p + 2), *range(p + width - 1, p + width + 2)}
    for q in sorted(places, key=lambda q: abs(q - p)):
        if 0 < q < len(line) and line[q] != " " and line[q - 1] == " ":
            return q
    return None
