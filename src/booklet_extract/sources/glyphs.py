"""A page's glyphs, one column per attribute: what the PDF backends hand the layout.

A page holds hundreds to thousands of glyphs; one Python object per glyph was
the largest cost of reading a page. Columns let a backend fill positions
straight from arrays, and let the layout find the few glyphs that need a
closer look (overprinted copies) with vector operations. `Char` remains the
one-glyph view, for tests and for the rare glyph laid out on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # numpy.typing costs an import at run time; the aliases are for mypy only
    from typing import TypeAlias

    import numpy.typing as npt

    Floats: TypeAlias = npt.NDArray[np.float64]
    Flags: TypeAlias = npt.NDArray[np.bool_]
    Ints: TypeAlias = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph as drawn: its text and box in PDF points (top-left origin).

    `direction` is the way its baseline runs on the page (`rotation.direction`):
    0 upright, 90, 180 or 270 for quarter turns, -1 for anything else. `upright`
    is pdfminer's test, kept for the glyphs that are neither (skewed text).
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    upright: bool = True
    direction: int = 0


@dataclass(frozen=True, slots=True)
class Glyphs:
    """Glyphs in content-stream order, as parallel columns (see `Char` for each one's meaning)."""

    text: list[str]
    x0: Floats
    top: Floats
    x1: Floats
    bottom: Floats
    size: Floats
    bold: Flags
    italic: Flags
    upright: Flags
    direction: Ints
    spaced: Flags
    """The source says a word space comes before this glyph (PDFium's generated spaces)."""

    def __len__(self) -> int:
        return len(self.text)

    @classmethod
    def of(cls, text: list[str], x0: Any, top: Any, x1: Any, bottom: Any, size: Any,
           bold: Any, italic: Any, upright: Any, direction: Any, spaced: Any = None) -> Glyphs:
        """Columns from sequences or arrays of equal length (`spaced` all false when not given)."""
        def floats(values: Any) -> Floats:
            return np.asarray(values, dtype=np.float64).reshape(-1)

        return cls(list(text), floats(x0), floats(top), floats(x1), floats(bottom), floats(size),
                   np.asarray(bold, dtype=np.bool_).reshape(-1),
                   np.asarray(italic, dtype=np.bool_).reshape(-1),
                   np.asarray(upright, dtype=np.bool_).reshape(-1),
                   np.asarray(direction, dtype=np.int64).reshape(-1),
                   np.zeros(len(text), dtype=np.bool_) if spaced is None
                   else np.asarray(spaced, dtype=np.bool_).reshape(-1))

    @classmethod
    def from_chars(cls, chars: Sequence[Char]) -> Glyphs:
        return cls.of([c.text for c in chars], [c.x0 for c in chars], [c.top for c in chars],
                      [c.x1 for c in chars], [c.bottom for c in chars], [c.size for c in chars],
                      [c.bold for c in chars], [c.italic for c in chars],
                      [c.upright for c in chars], [c.direction for c in chars])

    @classmethod
    def concat(cls, parts: Sequence[Glyphs]) -> Glyphs:
        if len(parts) == 1:
            return parts[0]
        return cls([t for p in parts for t in p.text],
                   *(np.concatenate([getattr(p, name) for p in parts]) for name in _ARRAYS))

    def take(self, idx: Any) -> Glyphs:
        """The glyphs at `idx` (an index array or list), in that order."""
        idx = np.asarray(idx, dtype=np.int64)
        text = self.text
        return Glyphs([text[i] for i in idx.tolist()],
                      *(getattr(self, name)[idx] for name in _ARRAYS))

    def chars(self) -> list[Char]:
        """One `Char` per glyph (for tests and rare paths; the layout reads the columns)."""
        return [Char(*row) for row in zip(self.text, self.x0.tolist(), self.top.tolist(),
                                          self.x1.tolist(), self.bottom.tolist(),
                                          self.size.tolist(), self.bold.tolist(),
                                          self.italic.tolist(), self.upright.tolist(),
                                          self.direction.tolist())]


UNNAMED = re.compile(r"\(cid:\d+\)$")
"""pdfminer's text for a glyph it could not name: the font's encoding leaves its code
unnamed (a bullet drawn at code 127 with a standard font is one). pdfminer gives it no
width either; `sources/pdf.py` gives it the room the PDF left after it, up to half an em,
so that an item's first word is not a gutter's width away, and the layout takes it alone
for a bullet (`textnorm.name_bullet` names it later)."""

_ARRAYS = ("x0", "top", "x1", "bottom", "size", "bold", "italic", "upright", "direction", "spaced")


def empty() -> Glyphs:
    return Glyphs.of([], [], [], [], [], [], [], [], [], [])


# ZapfDingbats codes whose Unicode lies outside the Dingbats block (the rest of 0x21-0x7E
# sit at U+2700 + code - 0x20): Apple's Mac OS Dingbats table, a superset of the font's
# built-in encoding.
_DINGBATS_ELSEWHERE = {0x25: "☎", 0x2A: "☛", 0x2B: "☞", 0x48: "★", 0x6C: "●", 0x6E: "■", 0x73: "▲",
                       0x74: "▼", 0x75: "◆", 0x77: "◗"}


def dingbat(glyph: str) -> str:
    """What a ZapfDingbats glyph draws, given the letter pdfminer reads for its code: the
    standard-14 font has no map to Unicode in the PDF, so a square bullet comes out as
    "n" and a check mark as "3" ("n Bilingual courses ..." would be no item).

    >>> dingbat("n"), dingbat("l"), dingbat("3"), dingbat("é")
    ('■', '●', '✓', 'é')
    """
    code = ord(glyph) if len(glyph) == 1 else 0
    if not 0x21 <= code <= 0x7E:
        return glyph
    return _DINGBATS_ELSEWHERE.get(code) or chr(0x2700 + code - 0x20)


def is_dingbat_font(fontname: str) -> bool:
    """A font of pictures drawn at letters' codes: ZapfDingbats, under any subset prefix.

    >>> is_dingbat_font("ABCDEF+ZapfDingbats"), is_dingbat_font("Dingbats"), is_dingbat_font("Times-Roman")
    (True, True, False)
    """
    return "dingbats" in fontname.split("+", 1)[-1].lower()
