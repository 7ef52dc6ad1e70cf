"""Unit tests for `sources/pdf_open.py`: every failure is a typed, one-line error.

Most cases use tiny PDFs built here, so they run without the shared corpus;
the password and damaged-file cases use corpus files and skip when it is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from booklet_extract.errors import BrokenPDF, Encrypted, NoTextLayer, UsageError
from booklet_extract.sources.common import NO_TEXT, require_text, select_pages
from booklet_extract.sources.pdf_open import (
    NEEDS_PASSWORD,
    WRONG_PASSWORD,
    close_pdf,
    describe,
    guard_page,
    open_pdf,
    opened_pdf,
    page_count,
    safe_page,
    unwrap,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdfs"


def make_pdf(texts: list[str]) -> bytes:
    """A minimal valid PDF with one page per text (Helvetica, no compression)."""
    n = len(texts)
    font_id = 3 + 2 * n
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
        + b"] /Count %d >>" % n,
        font_id: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for i, text in enumerate(texts):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        stream = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1") if text else b""
        objs[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)
        )
        objs[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objs[num])
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def corpus_file(name: str) -> bytes:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return path.read_bytes()


def assert_one_line(exc: Exception) -> None:
    reason = getattr(exc, "reason", "")
    assert reason and reason.strip(), "reason must not be empty"
    assert "\n" not in str(exc) and "Traceback" not in str(exc)
    assert len(reason) < 200


# --- open_pdf ---------------------------------------------------------------

def test_open_valid_pdf() -> None:
    with opened_pdf(make_pdf(["Hello"]), "x.pdf", None) as pdf:
        assert len(pdf.pages) == 1
        assert "".join(c["text"] for c in pdf.pages[0].chars) == "Hello"


def test_password_ignored_for_unencrypted_pdf() -> None:
    with opened_pdf(make_pdf(["Hello"]), "x.pdf", "secret") as pdf:
        assert len(pdf.pages) == 1


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.4\n%%EOF\n", b"<html>404</html>", bytes(range(256)) * 10],
    ids=["empty", "header-only", "html", "binary"],
)
def test_not_a_pdf_is_broken(data: bytes) -> None:
    with pytest.raises(BrokenPDF) as info:
        open_pdf(data, "bad.pdf", None)
    assert info.value.reason == "not a valid PDF (no document catalog)"
    assert info.value.path == "bad.pdf"
    assert str(info.value).startswith("bad.pdf: ")
    assert_one_line(info.value)


def test_truncated_pdf_is_broken() -> None:
    data = make_pdf(["Hello world"] * 3)
    with pytest.raises(BrokenPDF) as info:
        open_pdf(data[: len(data) // 2], "half.pdf", None)
    assert_one_line(info.value)


@pytest.mark.parametrize("password", [None, ""])
def test_missing_password(password: str | None) -> None:
    data = corpus_file("plumber-password-test.pdf")
    with pytest.raises(Encrypted) as info:
        open_pdf(data, "p.pdf", password)
    assert info.value.reason == NEEDS_PASSWORD
    assert info.value.exit_code == 3


@pytest.mark.parametrize("password", ["nope", "Жук", "æøå"])
def test_wrong_password_rc4(password: str) -> None:
    # "Жук" cannot be encoded as Latin-1, which pdfminer tries for RC4 files.
    data = corpus_file("plumber-password-test.pdf")
    with pytest.raises(Encrypted) as info:
        open_pdf(data, "p.pdf", password)
    assert info.value.reason == WRONG_PASSWORD


def test_right_password_rc4() -> None:
    with opened_pdf(corpus_file("plumber-password-test.pdf"), "p.pdf", "test") as pdf:
        assert len(pdf.pages) == 4


def test_utf8_password_aes256() -> None:
    data = corpus_file("pdfjs-utf8-password.pdf")
    with pytest.raises(Encrypted, match="needs a password"):
        open_pdf(data, "u.pdf", None)
    for wrong in ("aeoa", "Жук", "bad\x07control"):  # the last one fails SASLprep
        with pytest.raises(Encrypted, match="wrong password"):
            open_pdf(data, "u.pdf", wrong)
    with opened_pdf(data, "u.pdf", "æøå") as pdf:
        assert pdf.pages[0].chars


@pytest.mark.parametrize("name", ["pypdf-r6-ownerpw.pdf", "pdfminer-kampo-ja.pdf"])
def test_empty_user_password_opens_without_one(name: str) -> None:
    with opened_pdf(corpus_file(name), name, None) as pdf:
        assert len(pdf.pages) == 1


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("pdfjs-severely-corrupt.pdf", "syntax error"),
        ("synthetic-truncated-half.pdf", "unexpected end of file"),
        ("pdfjs-huge-objnum.pdf", "no document catalog"),
    ],
)
def test_corpus_open_failures(name: str, words: str) -> None:
    with pytest.raises(BrokenPDF) as info:
        open_pdf(corpus_file(name), name, None)
    assert words in info.value.reason
    assert_one_line(info.value)


# --- page selection / safe_page ------------------------------------------------

@pytest.mark.parametrize(
    ("pages", "expected"),
    [(None, [0, 1, 2, 3]), ((1, 0), [0, 1, 2, 3]), ((2, 3), [1, 2]), ((4, 4), [3]), ((3, 0), [2, 3])],
)
def test_page_numbers_ranges(pages: tuple[int, int] | None, expected: list[int]) -> None:
    with opened_pdf(make_pdf(["a", "b", "c", "d"]), "x.pdf", None) as pdf:
        assert select_pages(page_count(pdf, "x.pdf"), "x.pdf", pages) == expected


@pytest.mark.parametrize("pages", [(5, 5), (5, 0), (2, 9), (3, 2)])
def test_page_range_outside_document(pages: tuple[int, int]) -> None:
    with (
        opened_pdf(make_pdf(["a", "b", "c", "d"]), "x.pdf", None) as pdf,
        pytest.raises(UsageError) as info,
    ):
        select_pages(page_count(pdf, "x.pdf"), "x.pdf", pages)
    assert info.value.exit_code == 2
    assert "4 page(s)" in info.value.reason


class FakePDF:
    """Stands in for `pdfplumber.PDF` where a real file cannot produce the failure."""

    def __init__(self, pages: Any) -> None:
        self._pages = pages

    @property
    def pages(self) -> Any:
        if isinstance(self._pages, BaseException):
            raise self._pages
        return self._pages


def test_zero_pages_is_broken() -> None:
    with pytest.raises(BrokenPDF) as info:
        select_pages(page_count(FakePDF([]), "z.pdf"), "z.pdf", None)  # type: ignore[arg-type]
    assert info.value.reason == "no pages"


def test_page_tree_type_error_is_broken() -> None:
    fake = FakePDF(TypeError("'NoneType' object is not iterable"))
    with pytest.raises(BrokenPDF) as info:
        select_pages(page_count(fake, "t.pdf"), "t.pdf", None)  # type: ignore[arg-type]
    assert "page tree" in info.value.reason
    assert "NoneType" not in info.value.reason
    assert_one_line(info.value)


def test_safe_page_failure_names_the_page() -> None:
    fake = FakePDF(RecursionError("maximum recursion depth exceeded"))
    with pytest.raises(BrokenPDF) as info:
        safe_page(fake, 6, "r.pdf")  # type: ignore[arg-type]
    assert info.value.reason.startswith("page 7: ")


def test_safe_page_returns_page() -> None:
    with opened_pdf(make_pdf(["a", "b"]), "x.pdf", None) as pdf:
        assert safe_page(pdf, 1, "x.pdf").page_number == 2


def test_corpus_form_cycle_page_tree() -> None:
    name = "pdfjs-form-cycle.pdf"
    with opened_pdf(corpus_file(name), name, None) as pdf, pytest.raises(BrokenPDF, match="page tree"):
        select_pages(page_count(pdf, name), name, None)


def test_corpus_bad_xref_has_no_pages() -> None:
    name = "pdfjs-bad-xref-w.pdf"
    with opened_pdf(corpus_file(name), name, None) as pdf, pytest.raises(BrokenPDF, match="no pages"):
        select_pages(page_count(pdf, name), name, None)


def test_close_pdf_does_not_touch_a_broken_page_tree() -> None:
    name = "pdfjs-form-cycle.pdf"
    pdf = open_pdf(corpus_file(name), name, None)
    with pytest.raises(TypeError):
        pdf.close()  # pdfplumber's own close() re-reads the page tree
    close_pdf(pdf)
    assert pdf.stream.closed


def test_opened_pdf_closes_stream() -> None:
    with opened_pdf(make_pdf(["a"]), "x.pdf", None) as pdf:
        _ = pdf.pages[0].chars
    assert pdf.stream.closed


# --- guard_page / require_text ----------------------------------------------

def test_guard_page_converts_errors() -> None:
    with pytest.raises(BrokenPDF) as info, guard_page("g.pdf", 3):
        raise ValueError("Ascii85 overflow")
    assert info.value.reason == "page 3: damaged PDF: Ascii85 overflow"
    assert info.value.path == "g.pdf"


def test_guard_page_passes_booklet_errors_through() -> None:
    with pytest.raises(NoTextLayer), guard_page("g.pdf", 1):
        require_text(0, "g.pdf")


def test_guard_page_leaves_keyboard_interrupt_alone() -> None:
    with pytest.raises(KeyboardInterrupt), guard_page("g.pdf", 1):
        raise KeyboardInterrupt


def test_corpus_lazy_content_stream_error() -> None:
    name = "pdfjs-fuzz-no-pages-tree.pdf"
    with opened_pdf(corpus_file(name), name, None) as pdf:
        (index,) = select_pages(page_count(pdf, name), name, None)
        with pytest.raises(BrokenPDF) as info, guard_page(name, index + 1):
            _ = safe_page(pdf, index, name).chars
    assert info.value.reason.startswith("page 1: ")
    assert "Ascii85" in info.value.reason


def test_require_text() -> None:
    require_text(1, "t.pdf")
    with pytest.raises(NoTextLayer) as info:
        require_text(0, "t.pdf")
    assert info.value.reason == NO_TEXT
    assert "text layer" in str(info.value)


def test_blank_page_has_no_chars() -> None:
    with opened_pdf(make_pdf([""]), "b.pdf", None) as pdf:
        chars = len(pdf.pages[0].chars)
    with pytest.raises(NoTextLayer):
        require_text(chars, "b.pdf")


# --- describe / unwrap -------------------------------------------------------

def test_unwrap_pdfplumber_wrapper() -> None:
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    inner = PDFPasswordIncorrect()
    assert unwrap(PdfminerException(inner)) is inner
    assert isinstance(unwrap(PdfminerException("plain message")), PdfminerException)


@pytest.mark.parametrize(
    "exc",
    [ValueError(""), KeyError("Root"), Exception("a\nb\n  c"), ValueError("x" * 500), MemoryError()],
)
def test_describe_is_one_short_nonempty_line(exc: BaseException) -> None:
    reason = describe(exc)
    assert reason.strip() and "\n" not in reason and len(reason) < 160


def test_pdfplumber_pages_are_released_once_read() -> None:
    """pdfplumber keeps every page object until the document closes; the backend
    empties each page's slot once read (memory), and closing skips the empty slots."""
    from booklet_extract.sources.pdf import PdfplumberBackend

    sample = Path(__file__).resolve().parents[1] / "samples" / "learning-city-award-2019.pdf"
    backend = PdfplumberBackend()
    doc = backend.open(sample, str(sample), None)
    try:
        count = backend.page_count(doc, str(sample))
        page = backend.read_page(doc, 1, str(sample))
        assert page.number == 2 and len(page.glyphs) > 0
        assert len(doc.pages) == count and doc.pages[1] is None and doc.pages[0] is not None
    finally:
        backend.close(doc)
