"""The robust front door to pdfplumber: every failure becomes a typed error.

pdfplumber and pdfminer fail in many shapes on real-world files: a
`PdfminerException` wrapping the real cause in `args[0]` (with an EMPTY message
for a wrong password), a bare `TypeError` from `pdf.pages` when /MediaBox is
missing, a `ValueError` from a broken content stream, or silent success with
zero pages. The command line must still print one short line and exit 3, so
this module turns all of them into `Encrypted`, `BrokenPDF` or `NoTextLayer`
with a one-line human reason.

Used by `pdf.py`'s backend through `pdf_reader.read_pdf`: `open_pdf`, `page_count`,
then per page `guard_page` and `safe_page`, and `close_pdf`.

Do not use `with pdfplumber.open(...)` or `pdf.close()`: pdfplumber's close()
rebuilds the whole page list, which is slow on long files and raises again on a broken
page tree. `opened_pdf` / `close_pdf` close without touching the page tree.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFNoValidXRef, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSEOF, PSException, PSSyntaxError
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import BookletError, BrokenPDF, Encrypted
from .common import NEEDS_PASSWORD, WRONG_PASSWORD

MAX_REASON = 120
"""Longest library message we quote; pdfminer sometimes dumps whole objects."""



def open_pdf(data: bytes | Path, path: str, password: str | None = None) -> PDF:
    """Open PDF bytes (or a PDF file) with pdfplumber, or raise `Encrypted` / `BrokenPDF`.

    Non-ASCII passwords are tried as given and then as UTF-8 bytes: pdfminer
    encodes passwords of RC4/AES-128 files as Latin-1 (and fails outright on
    characters outside it), while many tools write those passwords as UTF-8.
    """
    first, *others = _password_candidates(password)
    try:
        return _open(data, first)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises anything; classified below
        cause = unwrap(exc)
        if not _is_password_failure(cause, first):
            raise BrokenPDF(describe(cause), path) from None
    for candidate in others:
        # Only a second spelling of a password already refused: any failure
        # here (even SASLprep rejecting the Latin-1 spelling) means "wrong".
        with suppress(Exception):
            return _open(data, candidate)
    raise Encrypted(WRONG_PASSWORD if password else NEEDS_PASSWORD, path) from None


def _open(data: bytes | Path, password: str | None) -> PDF:
    """pdfplumber on an in-memory stream (the caller already holds the bytes), or on the
    file, read as pages need it (`close_pdf` closes it)."""
    stream = open(data, "rb") if isinstance(data, Path) else io.BytesIO(data)  # noqa: SIM115
    try:
        return pdfplumber.open(stream, password=password)
    except BaseException:
        stream.close()
        raise


@contextmanager
def opened_pdf(data: bytes | Path, path: str, password: str | None = None) -> Iterator[PDF]:
    """`open_pdf` as a context manager that always closes safely (see `close_pdf`)."""
    pdf = open_pdf(data, path, password)
    try:
        yield pdf
    finally:
        close_pdf(pdf)


def close_pdf(pdf: PDF) -> None:
    """Release the pages already built and the stream, without pdfplumber's `close()`.

    `PDF.close()` flushes its cache and then walks `pdf.pages`, i.e. parses the
    whole page tree again; on a damaged file that raises a second time, turning
    a clean error into a traceback.
    """
    for page in pdf.__dict__.get("_pages") or []:
        if page is None:  # released once read (`pdf.release_page`)
            continue
        with suppress(Exception):  # closing only drops caches; nothing to report
            page.close()
    with suppress(Exception):  # a BytesIO cannot really fail to close
        pdf.stream.close()


def page_count(pdf: PDF, path: str) -> int:
    """Number of pages, raising `BrokenPDF` when the page tree is unusable or empty."""
    try:
        count = len(pdf.pages)
    except Exception as exc:  # noqa: BLE001 - e.g. bare TypeError when /MediaBox is missing
        reason = f"damaged PDF: cannot read the page tree: {detail(unwrap(exc))}"
        raise BrokenPDF(reason, path) from None
    if count == 0:
        raise BrokenPDF("no pages", path)
    return count


def safe_page(pdf: PDF, index: int, path: str) -> Page:
    """The page at 0-based `index`, or `BrokenPDF` if building it fails."""
    try:
        page: Page = pdf.pages[index]
        return page
    except Exception as exc:  # noqa: BLE001 - building a page parses boxes and resources
        raise BrokenPDF(f"page {index + 1}: {describe(unwrap(exc))}", path) from None


@contextmanager
def guard_page(path: str, page_no: int) -> Iterator[None]:
    """Turn any exception while reading page `page_no` (1-based) into `BrokenPDF`.

    pdfminer parses content streams lazily, so errors such as "Ascii85
    overflow" only surface when a page's chars are first touched; wrap all
    per-page work in this. Our own `BookletError`s pass through unchanged.
    """
    try:
        yield
    except BookletError:
        raise
    except Exception as exc:  # noqa: BLE001 - any library failure on one page
        raise BrokenPDF(f"page {page_no}: {describe(unwrap(exc))}", path) from None


def unwrap(exc: BaseException) -> BaseException:
    """The pdfminer exception inside pdfplumber's `PdfminerException` wrapper."""
    seen: set[int] = set()
    while isinstance(exc, PdfminerException) and id(exc) not in seen:
        seen.add(id(exc))
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        inner = inner or exc.__cause__ or exc.__context__
        if inner is None:
            break
        exc = inner
    return exc


def describe(exc: BaseException) -> str:
    """A short, one-line, never empty reason for a parsing failure.

    >>> describe(PSEOF("Unexpected EOF"))
    'truncated or damaged PDF (unexpected end of file)'
    >>> describe(TypeError("'NoneType' object is not iterable"))
    'damaged PDF: malformed object (TypeError in the parser)'
    """
    if isinstance(exc, PSEOF):
        return "truncated or damaged PDF (unexpected end of file)"
    if isinstance(exc, PDFSyntaxError) and "/Root" in str(exc):
        return "not a valid PDF (no document catalog)"
    if isinstance(exc, PDFEncryptionError):
        return f"unsupported encryption ({_one_line(str(exc)) or type(exc).__name__})"
    return f"damaged PDF: {detail(exc)}"


def detail(exc: BaseException) -> str:
    """What went wrong inside the file, in a few words (no Python internals)."""
    message = _one_line(str(exc))
    if isinstance(exc, PSEOF):
        return "unexpected end of file"
    if isinstance(exc, PDFNoValidXRef):
        return "no valid cross-reference table"
    if isinstance(exc, (PSSyntaxError, PDFSyntaxError, PSException)):
        return f"syntax error ({message or type(exc).__name__})"
    if isinstance(exc, RecursionError):
        return "objects nested too deeply or in a cycle"
    if isinstance(exc, MemoryError):
        return "ran out of memory while parsing"
    if isinstance(exc, _INTERNAL_ERRORS) or not message:
        # A library bug tripped by bad data: its message ("'NoneType' object is
        # not iterable") means nothing to a user, the type at least names it.
        return f"malformed object ({type(exc).__name__} in the parser)"
    return message


_INTERNAL_ERRORS = (TypeError, AttributeError, KeyError, IndexError, AssertionError, ZeroDivisionError)


def _one_line(text: str) -> str:
    """Collapse whitespace and cut long library messages to `MAX_REASON` characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def _password_candidates(password: str | None) -> list[str | None]:
    """The password as given, then its UTF-8 bytes spelled as Latin-1 if that differs."""
    if not password:
        return [password]
    candidates: list[str | None] = [password]
    as_utf8 = password.encode("utf-8").decode("latin-1")
    if as_utf8 != password:
        candidates.append(as_utf8)
    return candidates


def _is_password_failure(exc: BaseException, password: str | None) -> bool:
    """True for a wrong/missing password, including one pdfminer cannot encode as Latin-1."""
    if isinstance(exc, PDFPasswordIncorrect):
        return True
    if not password:
        return False
    # Latin-1 cannot spell it (RC4/AES-128), or SASLprep refuses it (AES-256).
    return isinstance(exc, UnicodeEncodeError) or str(exc).startswith("SASLprep")
