"""Sources turn an input file into `Line`s. The format is decided by content."""

from __future__ import annotations

from pathlib import Path

from ..errors import NotABooklet, UnreadableInput, UsageError
from ..line import SourceDocument
from .text import decode_text, lines_from_text

PDF_MAGIC = b"%PDF-"


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
    """Read `path` and return its lines plus the raw bytes (for the checksum)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("no such file", str(path)) from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory", str(path)) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror})", str(path)) from None
    if not data.strip():
        raise NotABooklet("empty file", str(path))
    if sniff_format(data) == "text" and p.suffix.lower() == ".pdf":
        # A failed download (an HTML error page) or a renamed file: the user meant a PDF.
        raise NotABooklet("named .pdf but not a PDF (no %PDF header)", str(path))
    if sniff_format(data) == "pdf":
        if backend == "pdfium":
            from .pdfium import lines_from_pdf_pdfium

            return lines_from_pdf_pdfium(data, str(path), password=password, pages=pages), data
        if backend != "pdfplumber":
            raise UsageError(f"unknown backend {backend!r}", str(path))
        from .pdf import lines_from_pdf

        return lines_from_pdf(data, str(path), password=password, pages=pages), data
    if pages is not None:
        raise UsageError("--pages applies to PDF input only", str(path))
    text = decode_text(data, str(path))
    return lines_from_text(text), data
