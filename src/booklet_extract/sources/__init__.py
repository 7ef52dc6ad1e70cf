"""Sources turn an input file into `Line`s. The format is decided by content."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from ..errors import NoText, UnreadableInput, UsageError
from ..line import SourceDocument
from .text import decode_text, lines_from_text

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
STDIN = "-"
"""The input path that means standard input."""
NO_TEXT = "no text (the input is empty, blank or NUL bytes only)"


def sniff_format(head: bytes) -> str:
    """Tell a PDF from text by the first bytes, whatever the file is named.

    >>> sniff_format(b"%PDF-1.7 ...")
    'pdf'
    >>> sniff_format(b"City population: 1,000")
    'text'
    """
    # The PDF spec allows junk before the header; readers accept it within 1 KiB.
    return "pdf" if PDF_MAGIC in head[:1024] else "text"


def load(
    path: str | Path,
    *,
    password: str | None = None,
    pages: tuple[int, int] | None = None,
    backend: str = "pdfplumber",
) -> tuple[SourceDocument, bytes]:
    """Read `path` (`-`: standard input) and return its lines plus the raw bytes (for the checksum)."""
    shown = str(path)
    data = _read(path)
    if not data.strip(b" \t\r\n\f\v\x00"):
        raise NoText(NO_TEXT, shown)
    kind = sniff_format(data)
    log.debug("%s: %d bytes, read as %s", shown, len(data), kind)
    if kind == "pdf":
        if backend == "pdfium":
            from .pdfium import lines_from_pdf_pdfium

            return lines_from_pdf_pdfium(data, shown, password=password, pages=pages), data
        if backend != "pdfplumber":
            raise UsageError(f"unknown backend {backend!r} (backend= takes pdfplumber or pdfium)", shown)
        from .pdf import lines_from_pdf

        return lines_from_pdf(data, shown, password=password, pages=pages), data
    if pages is not None:
        raise UsageError("pages= applies to PDF input only", shown)
    doc = lines_from_text(decode_text(data, shown))
    if not doc.lines:  # only blanks once decoded (a BOM, NBSPs, ideographic spaces...)
        raise NoText(NO_TEXT, shown)
    return doc, data


def _read(path: str | Path) -> bytes:
    if str(path) == STDIN:
        try:
            return sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as exc:
            raise UnreadableInput(f"cannot read standard input ({exc})", STDIN) from None
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("no such file", str(path)) from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory", str(path)) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror})", str(path)) from None
