"""The unit every source produces and every later stage consumes.

A `Line` is one printed line of text together with where it came from. Sources
(`sources/text.py`, `sources/pdf.py`) build them; nothing downstream ever goes
back to the file, so provenance must travel on the line itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
