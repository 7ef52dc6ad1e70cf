"""The unit every source produces and every later stage consumes.

A `Line` is one printed line of text together with where it came from. Sources
(`sources/text.py`, `sources/pdf.py`) build them; nothing downstream ever goes
back to the file, so provenance must travel on the line itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

BBox = tuple[float, float, float, float]
"""[x0, top, x1, bottom] in PDF points, pdfplumber's convention (origin top-left)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of printed text with its provenance and typography.

    `block_start` marks the first line of a layout block (a paragraph, a caption,
    a box): in raw text that is the line after a blank line or a line that opens
    with whitespace (the extractor's sign of a new text box); in a PDF it comes
    from the layout. `region` is a coarser unit: the page in a PDF, and in raw
    text a counter that moves at every line opening with whitespace and at form
    feeds. Section splitting uses it to tell a city's trailing captions from the
    next city's leading material.
    """

    text: str
    number: int
    block_start: bool = False
    region: int = 0
    page: int | None = None
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    italic: bool = False

    @property
    def stripped(self) -> str:
        """The text without surrounding whitespace."""
        return self.text.strip()


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


@dataclass(slots=True)
class RepairedLines:
    """What the repair stage hands on: the lines with their clean texts, what was
    repaired inside them, which lines only repeat earlier ones, and the glue
    between lines (by their positions) for every join a field may make."""

    lines: list[Line]
    texts: list[str]
    inline: list[list[Repair]]
    repeated: dict[int, Repair]  # line number -> the duplicate repair
    glue: dict[tuple[int, int], Glue]
    _position: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._position = {id(line): k for k, line in enumerate(self.lines)}

    def join(self, lines: Sequence[Line], texts: Sequence[str], *, raw: bool = False) -> tuple[str, list[Repair]]:
        """Join a field's lines with the decided glue; lines never decided on join with a space."""
        positions = [self._position.get(id(line), -1) for line in lines]
        glues = [self.glue.get(pair, Glue(" ")) for pair in pairwise(positions)]
        return Glue.apply([t.strip() for t in texts], glues, raw=raw)
