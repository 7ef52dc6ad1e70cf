"""The unit every source produces and every later stage consumes.

A `Line` is one printed line of text together with where it came from. Sources
(`sources/text.py`, `sources/pdf.py`) build them; nothing downstream ever goes
back to the file, so provenance must travel on the line itself.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

BBox = tuple[float, float, float, float]
"""[x0, top, x1, bottom] in PDF points, pdfplumber's convention (origin top-left)."""


_BOX = struct.Struct("<4d")


@dataclass(frozen=True, slots=True, init=False, repr=False)
class Line:
    """One line of printed text with its provenance and typography.

    `block_start` marks the first line of a layout block (a paragraph, a caption,
    a box): in raw text that is the line after a blank line or a line that opens
    with whitespace (the extractor's sign of a new text box); in a PDF it comes
    from the layout. `region` is a coarser unit: the page in a PDF (its number,
    negated for the right-hand page of a spread: see `printed_page`), and in raw text a
    counter that moves at every line opening with whitespace and at form feeds. Section
    splitting uses it to tell a city's trailing captions from the next city's leading
    material.

    Every line of the document is held until the output is built, so the box is
    kept packed (four doubles in one bytes object, the same values) rather than
    as a tuple of four float objects: a third of a line's memory.
    """

    text: str
    number: int
    block_start: bool
    region: int
    page: int | None
    _box: bytes | None
    font_size: float | None
    bold: bool
    italic: bool

    def __init__(self, text: str, number: int, block_start: bool = False, region: int = 0,
                 page: int | None = None, bbox: BBox | None = None, font_size: float | None = None,
                 bold: bool = False, italic: bool = False, *, _box: bytes | None = None) -> None:
        # `_box` is what `dataclasses.replace` hands back: the packed box as it is.
        setter = object.__setattr__
        setter(self, "text", text)
        setter(self, "number", number)
        setter(self, "block_start", block_start)
        setter(self, "region", region)
        setter(self, "page", page)
        setter(self, "_box", _BOX.pack(*bbox) if bbox is not None else _box)
        setter(self, "font_size", font_size)
        setter(self, "bold", bold)
        setter(self, "italic", italic)

    @property
    def bbox(self) -> BBox | None:
        """[x0, top, x1, bottom] in PDF points (see `BBox`), or None for text input."""
        return None if self._box is None else _BOX.unpack(self._box)

    @property
    def printed_page(self) -> int | None:
        """The printed page the line is on, for rules that ask whether two lines share a
        page: the PDF page, or on a sheet of two facing pages (a spread) one of its halves
        (the right-hand page's `region` is its sheet's number negated, so the value is
        told apart from every sheet's). None for text input."""
        if self.page is None:
            return None
        return -self.page if self.region < 0 else self.page

    @property
    def stripped(self) -> str:
        """The text without surrounding whitespace."""
        return self.text.strip()

    def __repr__(self) -> str:
        return (f"Line(text={self.text!r}, number={self.number!r}, block_start={self.block_start!r}, "
                f"region={self.region!r}, page={self.page!r}, bbox={self.bbox!r}, "
                f"font_size={self.font_size!r}, bold={self.bold!r}, italic={self.italic!r})")


def boxes_of(lines: Sequence[Line]) -> list[range]:
    """Positions of each run of lines from one block start to the next (the source's boxes)."""
    starts = [k for k, line in enumerate(lines) if k == 0 or line.block_start]
    return [range(a, b) for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to printed text: what was printed, what we made of it, where.

    Every repair becomes a `Flag` in the output, so a reader can audit it.
    """

    kind: str
    printed: str
    fixed: str
    line: Line
    message: str = ""


@dataclass(slots=True)
class SourceDocument:
    """What a source hands to the pipeline: the lines plus what it repaired itself."""

    lines: list[Line]
    format: str
    pages: int | None = None
    repairs: list[Repair] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Glue:
    """How one line joins the next inside a field, as the repair stage decided.

    `cut` characters are dropped from the end of the first line (a line-end
    hyphen) and `text` is put between them; `repair` is what that join reports.
    """

    text: str = " "
    cut: int = 0
    repair: Repair | None = None

    @staticmethod
    def apply(texts: Sequence[str], glues: Sequence[Glue], *, raw: bool = False) -> tuple[str, list[Repair]]:
        """Join `texts` with the glue between each two; with `raw` the printed text
        stays as it is (lines joined by a space) but the repairs are still reported."""
        parts: list[str] = []
        repairs: list[Repair] = []
        for k, text in enumerate(texts):
            if k > 0:
                glue = glues[k - 1]
                if glue.repair is not None:
                    repairs.append(glue.repair)
                if raw:
                    parts.append(" ")
                else:
                    if glue.cut:
                        parts[-1] = parts[-1][: -glue.cut]
                    parts.append(glue.text)
            parts.append(text)
        return "".join(parts), repairs


SPACE = Glue(" ")
"""The glue of lines never decided on: a space (frozen, so one instance serves all)."""
NO_SPACE = Glue("")


@dataclass(slots=True)
class RepairedLines:
    """What the repair stage hands on: the lines with their clean texts, what was
    repaired inside them, which lines only repeat earlier ones, and the glue
    between lines (by their positions) for every join a field may make.

    `glue[k][d]` joins the line at position k to the one at k + 1 + d; a pair not
    covered joins with a space. A line's text is its printed text object when the
    repairs left it alone, and lines without an in-line repair share one empty
    tuple: per line only what the later stages read is held.
    """

    lines: list[Line]
    texts: list[str]
    inline: list[Sequence[Repair]]
    repeated: dict[int, Repair]  # line number -> the duplicate repair
    glue: list[tuple[Glue, ...]]
    # Positions of the lines that only repeat: laid-out text gives several lines (the
    # columns of one printed row) one number, and only the copy among them repeats.
    repeated_at: frozenset[int] = frozenset()
    # Positions of the running heads (`running_heads.find_running_heads`), found once here.
    running_heads: frozenset[int] = frozenset()
    _position: dict[int, int] | None = None
    _numbers: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        numbers = [line.number for line in self.lines]
        if all(a < b for a, b in pairwise(numbers)):  # every source numbers lines in order
            self._numbers = numbers
        else:
            self._position = {id(line): k for k, line in enumerate(self.lines)}

    def position(self, line: Line) -> int:
        """Where `line` (this very object) is among the lines; -1 when it is not one of them."""
        if self._position is not None:
            return self._position.get(id(line), -1)
        k = bisect_left(self._numbers, line.number)
        return k if k < len(self.lines) and self.lines[k] is line else -1

    def glue_of(self, first: int, second: int) -> Glue:
        """The glue joining the lines at positions `first` and `second` (a space when undecided)."""
        ahead = self.glue[first] if 0 <= first < len(self.glue) else ()
        return ahead[second - first - 1] if 0 <= second - first - 1 < len(ahead) else SPACE

    def join(self, lines: Sequence[Line], texts: Sequence[str], *, raw: bool = False) -> tuple[str, list[Repair]]:
        """Join a field's lines with the decided glue; lines never decided on join with a space."""
        positions = [self.position(line) for line in lines]
        glues = [self.glue_of(a, b) for a, b in pairwise(positions)]
        return Glue.apply([t.strip() for t in texts], glues, raw=raw)


class LineSet:
    """A set of line numbers held as one byte per number (a mark), not as a hash set.

    Coverage asks which lines the fields used, which are noise, and which exist at
    all: sets of every line number of a long booklet were megabytes at the peak of
    memory (a set's table alone is 16 to 32 bytes per number). Numbers below zero,
    which no source makes, are held in a small set beside the marks.
    """

    __slots__ = ("_count", "_marks", "_negative")

    def __init__(self, numbers: Iterable[int] = ()) -> None:
        self._marks = bytearray()
        self._count = 0
        self._negative: set[int] = set()
        self.update(numbers)

    def add(self, number: int) -> None:
        if number < 0:
            self._negative.add(number)
            return
        marks = self._marks
        if number >= len(marks):
            marks.extend(bytes(max(number + 1 - len(marks), len(marks) // 2)))  # amortised growth
        if not marks[number]:
            marks[number] = 1
            self._count += 1

    def update(self, numbers: Iterable[int]) -> None:
        for number in numbers:
            self.add(number)

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, int):
            return False
        if number < 0:
            return number in self._negative
        return number < len(self._marks) and self._marks[number] == 1

    def __len__(self) -> int:
        return self._count + len(self._negative)

    def __iter__(self) -> Iterator[int]:
        """The numbers in increasing order."""
        yield from sorted(self._negative)
        marks = self._marks
        start = marks.find(1)
        while start >= 0:
            yield start
            start = marks.find(1, start + 1)
