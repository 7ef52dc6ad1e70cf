"""Backend-agnostic page layout: characters -> lines in reading order.

PDF backends (pdfplumber, pypdfium2) only have to produce `Char`s per page; the
rest (overprint removal, words, lines, blocks, columns, reading order) is shared,
so both backends give the same `Line`s.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph as drawn: its text and box in PDF points (top-left origin)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    upright: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    """One page's characters, in content-stream order, and its size."""

    number: int
    width: float
    height: float
    chars: list[Char]
