"""Sources turn an input file into `Line`s. The format is decided by content."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Union

from ..errors import NoText, UnreadableInput, UsageError
from ..line import SourceDocument
from ..profile import DEFAULT_PROFILE, Profile
from .text import decode_text, lines_from_text

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
STDIN = "-"
"""The input path that means standard input."""
NO_TEXT = "no text (the input is empty, blank or NUL bytes only)"
_NOT_BLANK = re.compile(rb"[^ \t\r\n\f\v\x00]")

Input = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]
"""What `load` reads: a path (`-`: standard input), the bytes themselves, or a binary
file object (an open file, `io.BytesIO`, an fsspec file on object storage)."""


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
    path: Input,
    *,
    password: str | None = None,
    pages: tuple[int, int] | None = None,
    backend: str = "pdfplumber",
    name: str | None = None,
    profile: Profile = DEFAULT_PROFILE,
) -> tuple[SourceDocument, bytes | str]:
    """Read `path` and return its lines plus, for the checksum, the raw bytes, or the
    SHA-256 hex digest already taken for a PDF in a regular file.

    Such a PDF is hashed as it is read and then parsed from the file, page by page:
    a long PDF's bytes are never held whole while its pages are laid out.
    Bytes and file objects carry no name of their own: `name` is what errors and
    the output call them (None for none); for a path it overrides the path shown.
    Text is read with the genre's patterns in `profile` (items out of order, paragraph
    ends), as are the ends of a PDF's one-line paragraphs stacked a little apart.
    """
    shown = name if name is not None else display_name(path)
    pdf_file = _pdf_file(path, shown)
    if pdf_file is not None:
        digest = _sha256(pdf_file, shown)
        return _read_pdf(pdf_file, shown, password=password, pages=pages, backend=backend, profile=profile), digest
    data = _read(path, shown)
    if not _NOT_BLANK.search(data):  # not data.strip(): that copies a long PDF whole
        raise NoText(NO_TEXT, shown)
    kind = sniff_format(data)
    log.debug("%s: %d bytes, read as %s", shown, len(data), kind)
    if kind == "pdf":
        return _read_pdf(data, shown, password=password, pages=pages, backend=backend, profile=profile), data
    if pages is not None:
        raise UsageError("pages= applies to PDF input only", shown)
    doc = lines_from_text(decode_text(data, shown), profile=profile)
    if not doc.lines:  # only blanks once decoded (a BOM, NBSPs, ideographic spaces...)
        raise NoText(NO_TEXT, shown)
    return doc, data


def _read_pdf(
    source: bytes | Path, shown: str | None, *, password: str | None, pages: tuple[int, int] | None,
    backend: str, profile: Profile,
) -> SourceDocument:
    """The PDF's lines as its layout blocks them, then paragraphs of one line stacked a
    little apart told by the whole document's line spacing (`stacked_paragraphs`)."""
    where = shown or ""  # the PDF readers' errors name no file when the input has none
    if backend == "pdfium":
        from .pdfium import lines_from_pdf_pdfium

        doc = lines_from_pdf_pdfium(source, where, password=password, pages=pages)
    elif backend == "pdfplumber":
        from .pdf import lines_from_pdf

        doc = lines_from_pdf(source, where, password=password, pages=pages)
    else:
        raise UsageError(f"unknown backend {backend!r} (backend= takes pdfplumber or pdfium)", shown)
    # Imported here with the layout it measures by (numpy): text input never loads it.
    from .stacked_paragraphs import split_stacked_paragraphs

    return split_stacked_paragraphs(doc, profile)


def _pdf_file(path: Input, shown: str | None) -> Path | None:
    """`path` when it names a regular file that reads as a PDF (it can be read twice:
    hashed, then parsed), else None: standard input, pipes, text, bytes, streams."""
    if not isinstance(path, (str, os.PathLike)) or str(path) == STDIN:
        return None
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            head = handle.read(1024)
    except OSError:
        return None  # `_read` reports it, as for any input
    if sniff_format(head) != "pdf":
        return None
    log.debug("%s: read as pdf, from the file", shown)
    return Path(path).absolute()  # PDFium expands a leading "~"; this names the file read


def _sha256(path: Path, shown: str | None) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror})", shown) from None
    return digest.hexdigest()


def display_name(source: Input) -> str | None:
    """A path as given (`-` for standard input); None for bytes or a file object."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return None


def _read(path: Input, shown: str | None) -> bytes:
    if isinstance(path, (bytes, bytearray, memoryview)):
        return bytes(path)
    if not isinstance(path, (str, os.PathLike)):
        return _read_stream(path, shown)
    if str(path) == STDIN:
        try:
            return sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as exc:
            raise UnreadableInput(f"cannot read standard input ({exc})", STDIN) from None
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("no such file", shown) from None
    except IsADirectoryError:
        raise UnreadableInput("is a directory", shown) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror})", shown) from None


def _read_stream(stream: BinaryIO, shown: str | None) -> bytes:
    """All of a binary file object, from where it stands; a text stream is refused."""
    try:
        data = stream.read()
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror or exc})", shown) from None
    except AttributeError:
        raise UsageError(f"expected a path, bytes or a binary file, got {type(stream).__name__}",
                         shown) from None
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise UsageError("expected a binary file (opened with 'rb'), got text", shown)
    return bytes(data)
