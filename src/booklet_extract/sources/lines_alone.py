"""A laid-out page's line that no run of columns took in, read as it stands on its own.

A layout mode's line outside any run of columns (`text_columns`) is mostly read as it
is. Three things may still stand in it: an indent that is only where the line stands on
the page (`_outdented`); cells a wide gap parts, two captions or a stats box's entries
side by side (`_cells_apart`); and, under a line so parted, lines that go on with one of
its cells, read with that cell before the next (a name and role wrapped under it, the
first column's next items, a caption wrapped under the last cell).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex as re

from ..markers import comes_later
from ..profile import Profile
from ..wrapped_roles import names_a_body, title_to_come
from .line_shapes import ENDS_SENTENCE, SPACES, WIDE_SPACE, hanging_indent, indent_of

Row = tuple[int, str]  # (line number, text)

# A line alone is parted where a gap is this many times its widest word space.
_APART = 3


def read_line_alone(rows: Sequence[Row], k: int, above: str | None, profile: Profile) -> tuple[list[Row], int]:
    """Line `k` of `rows` read on its own (`above`: the line over it, None at the top of
    its stretch of lines): its cells, each a line with a blank line between, and the
    lines under it that go on with one cell read right after that cell. Returns the lines
    read and how many of `rows` they take (line `k` and those under it).

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> read_line_alone([(1, "Ann Ek,          ‘We learn together.’"), (2, "Mayor of Zenda"), (3, "")], 0, None, p)
    ([(1, 'Ann Ek,'), (2, 'Mayor of Zenda'), (1, ''), (1, '‘We learn together.’')], 2)
    >>> read_line_alone([(1, "READING CLUB          HARBOUR WALK IN"), (2, "                      THE OLD TOWN")], 0, None, p)
    ([(1, 'READING CLUB'), (1, ''), (1, 'HARBOUR WALK IN'), (2, 'THE OLD TOWN')], 2)
    """
    row = _outdented(rows[k], above, profile)
    parts = [row] if _justified_two_words(rows[k][1], above, profile) else _cells_apart(row, profile)
    wrapped = _wrapped_under(rows, k, parts, profile)
    beside = [] if wrapped else _wrapped_under_last(rows, k, parts)
    wrapped = wrapped or ([] if beside else _items_under_first(rows, k, parts, profile))
    return parts[:1] + wrapped + parts[1:] + beside, 1 + len(wrapped) + len(beside)


def _wrapped_under(rows: Sequence[Row], k: int, parts: list[Row], profile: Profile) -> list[Row]:
    """The lines under line `k`, parted into `parts`, that go on with its first part (a
    name and a role wrapped under it, beside a one-line quote; the first item's next
    lines under its text, past its marker, where the part beside opens an item or ends
    one): from the same left edge, ending before the part beside, each run on into from
    the line above (`_runs_on`). They are read before the parts beside it."""
    if len(parts) < 3:
        return []
    out: list[Row] = []
    above = parts[0][1]
    line = rows[k][1]
    marker = profile.item_marker.match(line[indent_of(line):])
    beside = parts[2][1].strip()
    # The part beside opens an item, or ends one the column before began ("tal skills."):
    # a justified line's broken word parted off ("(2) Pottery         work-") goes on below.
    hang = indent_of(line) + marker.end() if marker and (
        profile.item_marker.match(beside) or ENDS_SENTENCE.search(beside)) else None
    for number, text, indent, edge in _under_first_part(rows, k, parts, profile):
        if indent not in (edge, hang) or not (_runs_on(above, text) or _role_goes_on(above, text, profile)):
            break
        out.append((number, text.strip()))
        above = text
    return out


def _under_first_part(rows: Sequence[Row], k: int, parts: list[Row],
                      profile: Profile) -> Iterator[tuple[int, str, int, int]]:
    """(number, text, its indent, the first part's left edge) of each line under line `k`,
    parted into `parts`, that ends before the second part starts: down to a blank line,
    a page break or a line reaching the second part."""
    edge = indent_of(rows[k][1])
    # The part beside found by its text: a bullet hung before it was set back with it.
    beside = rows[k][1].find(_unmarked(parts[2][1].strip(), profile), edge + len(_unmarked(parts[0][1].strip(), profile)))
    for number, text in rows[k + 1 :]:
        if not text.strip() or "\f" in text or len(text.rstrip()) >= beside:
            return
        yield number, text, indent_of(text), edge


def _items_under_first(rows: Sequence[Row], k: int, parts: list[Row], profile: Profile) -> list[Row]:
    """The lines under line `k`, parted into two items side by side (`parts`), that are
    the first column's next items: from the first part's left edge, each opening with a
    marker of its list (or set on its text, an item wrapped) and ending before the second
    part. Columns are read down before across (a balanced list's first column holds the
    extra item), so they are read before the second part. Numbers must say so too: an
    item under the first numbered after the second part's is read across, as given."""
    if len(parts) != 3:
        return []
    marks = [profile.item_marker.match(part[1].strip()) for part in (parts[0], parts[2])]
    if marks[0] is None or marks[1] is None:
        return []
    one, two = marks[0].group().strip(), marks[1].group().strip()
    bullets = one == two and one in profile.bullets
    if not (bullets or comes_later(one, two)):
        return []
    out: list[Row] = []
    for number, text, indent, edge in _under_first_part(rows, k, parts, profile):
        mark = profile.item_marker.match(text.strip())
        item = mark.group().strip() if mark is not None and indent == edge else None
        if item is not None and not bullets and not (comes_later(one, item) and comes_later(item, two)):
            return []  # numbered after the second part's item: the list was read across
        if not (item is not None and (item == one or not bullets)
                or item is None and out and indent == edge + marks[0].end()):
            break
        out.append((number, text.strip()))
    return out


def _wrapped_under_last(rows: Sequence[Row], k: int, parts: list[Row]) -> list[Row]:
    """The lines right under line `k`, parted into `parts`, that go on with its last
    part (a caption beside another, wrapped): each starts on the last part's left edge,
    with nothing left of it, no longer than the line above it, under a line that ends
    no sentence. They are read after the last part, as its own lines. A heading beside a
    margin caption, over its intro's longer lines, takes none."""
    if len(parts) < 3:
        return []
    edge = rows[k][1].rfind(parts[-1][1])
    above = parts[-1][1]
    out: list[Row] = []
    for number, text in rows[k + 1 :]:
        if not (text.strip() and "\f" not in text and indent_of(text) == edge
                and len(text.strip()) <= len(above.strip()) and not ENDS_SENTENCE.search(above)):
            break
        out.append((number, text.strip()))
        above = text
    return out


def _runs_on(line: str, below: str) -> bool:
    """Does `line` run on into `below` (a role wrapped: `Mayor of` / `Zenda`)? It ends
    no sentence, and on a comma or a lowercase word (`of`, `the`), or `below` opens
    lowercase, or both are set in capitals, where case tells nothing (a caption
    wrapped: `WORKSHOP IN THE` / `OLD TOWN`), or a name's first words go on in its last
    before the comma that ends it (`Ann` / `Ek-Berg,`)."""
    words = line.split()
    nxt = below.strip()
    return bool(words) and not ENDS_SENTENCE.search(line) and (
        line.rstrip().endswith(",") or words[-1][:1].islower() or nxt[:1].islower()
        or line.isupper() and nxt.isupper()
        or len(words) <= _NAME_WORDS and all(_NAME_WORD.fullmatch(word) for word in words)
        and bool(_NAME_ENDS.match(nxt)))


def _role_goes_on(line: str, below: str, profile: Profile) -> bool:
    """Does a role wrapped where case tells nothing go on in `below`? After a word that
    only qualifies the title to come ("Ann Ek, Chief" / "Executive of Alpha City",
    `Profile.role_qualifiers`), or over a short line of capitalised words closing the
    body's name ("Governor of Alpha" / "Province", "... Alpha City" / "Council",
    `Profile.role_bodies`). A caption ends on such a word seldom, and one under a
    caption's line goes on in lowercase ("Council meeting")."""
    words = line.split()
    if not words or ENDS_SENTENCE.search(line):
        return False
    return title_to_come(line, below, profile) or (words[-1][:1].isupper() and names_a_body(below, profile))


# A person's name: at most this many words on the line before the line its comma ends.
_NAME_WORDS = 3
_NAME_WORD = re.compile(r"\p{Lu}[\p{L}'’.\-]*")
# A name's last words, then the comma that ends it (a role may follow).
_NAME_ENDS = re.compile(r"\p{Lu}[\p{L}'’.\-]*(?: \p{Lu}[\p{L}'’.\-]*){0,2},(?: |$)")


def _unmarked(text: str, profile: Profile) -> str:
    """`text` without the item marker it opens with, and the space after it."""
    marker = profile.item_marker.match(text)
    return text[marker.end() :] if marker else text


def _justified_two_words(text: str, above: str | None, profile: Profile) -> bool:
    """Is `text` two words a wide gap apart under a line of the same column, its words
    running across that gap: a narrow justified column's line of two words stretched to
    its measure ("weekly           lessons" under "riverside       gardens,", both from
    one left edge to one right edge, give or take a few characters), not two
    cells side by side (a row of cells leaves its gap's channel blank in the row above,
    or has no row above; a paragraph's line over them ends elsewhere)?

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> _justified_two_words("weekly           lessons", "riverside       gardens,", p)
    True
    >>> _justified_two_words("Reading club          Harbour walk", "Photos of the year", p)
    False
    >>> _justified_two_words("Festival          Workshop", "The town holds a week of learning each spring.", p)
    False
    >>> _justified_two_words("Population          Area", "", p)
    False
    """
    words = list(re.finditer(r"\S+", text))
    if len(words) != 2 or not above or not above.strip():
        return False
    ends = len(above.rstrip()), len(text.rstrip())
    # The line above may open an item: the column's edge is then where its text starts.
    starts = {indent_of(above), hanging_indent(above, profile)}
    one_column = any(start is not None and abs(start - indent_of(text)) <= _EDGE_SLACK for start in starts) \
        and abs(ends[0] - ends[1]) <= max(_EDGE_SLACK, _MEASURE_SLACK * max(ends))
    return one_column and bool(above[words[0].end() + 1 : words[1].start() - 1].strip())


# Characters a justified column's lines may start apart in a layout mode's text, and end
# apart at least: proportional type makes lines of one measure up to `_MEASURE_SLACK` of
# it longer or shorter in characters.
_EDGE_SLACK = 2
_MEASURE_SLACK = 0.3


def _cells_apart(row: Row, profile: Profile) -> list[Row]:
    """A line alone that runs across columns (two captions side by side, a stats box's
    entries in a row) parted where a gap no word space is, and at least three times the
    line's widest word space, stands: each part a line of its own, a blank line
    between (a justified line's gaps are all stretched alike). A line with one gap of
    `WIDE_SPACE` spaces is parted at narrower gaps between runs of words too
    (`_cell_pieces`).

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> _cells_apart((1, "Reading club in Zenda       Pupils at the school    Book fair in Klow"), p)
    [(1, 'Reading club in Zenda'), (1, ''), (1, 'Pupils at the school'), (1, ''), (1, 'Book fair in Klow')]
    """
    number, text = row
    indent = text[: indent_of(text)]
    parts, wide = _markers_with_their_items(_cell_pieces(text.strip()), profile)
    # Word spaces within the parts, an item's hanging marker and its space left out.
    words = [len(m.group(0)) for part in parts for m in SPACES.finditer(_unmarked(part, profile))]
    if not wide or min(wide) < _APART * max(words or [1]):
        return [row]  # no gap wide enough: a justified line's stretched spaces
    out: list[Row] = [(number, indent + parts[0])]
    for part in parts[1:]:
        out += [(number, ""), (number, part)]
    return out


def _cell_pieces(text: str) -> list[str]:
    """`text` split at its gaps of `WIDE_SPACE` spaces and, where the line has one, at the
    narrower gaps (`_APART` spaces or more) between two runs of words set a space apart,
    two words each at least ("Reading club in Zenda       Pupils at the school    Book
    fair": the gaps a layout mode leaves between cells differ with their text's widths):
    parts and the gaps between, in turn. A justified line's stretched spaces part single
    words ("along the       old   town   wall") and part nothing more.

    >>> _cell_pieces("Reading club in Zenda       Pupils at the school    Book fair")
    ['Reading club in Zenda', '       ', 'Pupils at the school', '    ', 'Book fair']
    >>> _cell_pieces("walks along the       old   town   wall")
    ['walks along the', '       ', 'old   town   wall']
    """
    pieces: list[str] = re.split(rf"( {{{WIDE_SPACE},}})", text)
    if len(pieces) == 1:
        return pieces
    out: list[str] = []
    for n, piece in enumerate(pieces):
        runs = re.split(rf"( {{{_APART},}})", piece) if n % 2 == 0 else [piece]
        words = runs[::2]
        if len(runs) > 1 and all(len(run.split()) >= _CELL_WORDS and "  " not in run for run in words):
            out += runs
        else:
            out.append(piece)
    return out


# Words each side of a gap narrower than `WIDE_SPACE` that parts two cells, at least.
_CELL_WORDS = 2


def _markers_with_their_items(pieces: list[str], profile: Profile) -> tuple[list[str], list[int]]:
    """The parts of a line split at its wide gaps (`pieces`: parts and the gaps between),
    each item marker with the item it opens, and the widths of the gaps left between them.
    A marker alone before a gap goes with the part after it (the tab after an item's
    bullet is no gutter); so does a bullet ending a part after a word ("... courses to
    refugees •" | "A youth council ..."): a layout mode sets the next column's item's
    bullet, hanging, at the end of the column before's line. A marker ending the line
    stays.

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> _markers_with_their_items(["•", "   ", "Free courses for adults •", "     ", "A youth council"], p)
    (['• Free courses for adults', '• A youth council'], [5])
    >>> _markers_with_their_items(["Reading club", "    ", "Harbour walk •"], p)
    (['Reading club', 'Harbour walk •'], [4])
    """
    parts, gaps = pieces[::2], pieces[1::2]
    out: list[str] = []
    wide: list[int] = []
    carry = ""
    for n, part in enumerate(parts):
        part, carry = f"{carry} {part}" if carry else part, ""
        if n == len(parts) - 1:
            out.append(part)
            break
        head, _, tail = part.rpartition(" ")
        if profile.box_marker_alone.match(part):
            carry = part.strip()
            continue
        if head.strip() and len(tail) == 1 and tail in profile.bullets:
            part, carry = head.rstrip(), tail
        out.append(part)
        wide.append(len(gaps[n]))
    return out, wide


def _outdented(row: Row, above: str | None, profile: Profile) -> Row:
    """A line of laid-out text outside columns: its indent is where it stands on the
    page, not a paragraph's first line. A line indented as the line above it goes on
    with it (the indent is dropped), as does one indented to where the text after the
    item marker opening the line above starts (an item's hanging indent); one indented
    otherwise opens a block (one space is kept, as `lines_from_text` reads it)."""
    number, text = row
    indent = indent_of(text)
    if not indent or not text.strip() or "\f" in text:
        return row
    if above is not None and above.strip() and (indent_of(above) == indent
                                                or hanging_indent(above, profile) == indent):
        return number, text.lstrip(" ")
    return number, " " + text.lstrip(" ")
