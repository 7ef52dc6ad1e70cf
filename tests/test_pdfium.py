"""The PDFium backend: same glyphs, same lines, same cities as the pdfplumber backend.

pdfplumber stays the default until PDFium is proven equal; these tests are that proof
on the sample: city fields and flags identical, glyph boxes within a point, and the
same one-line errors (exit 3) for files that cannot be read.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from booklet_extract.cli import main
from booklet_extract.models import Booklet
from booklet_extract.sources import common, pdf_open, pdfium
from booklet_extract.sources.layout import Char
from booklet_extract.sources.pdf import lines_from_pdf

from .conftest import SAMPLE, SAMPLES, SHARED

PDF = SAMPLES / f"{SAMPLE}.pdf"
CORPUS = SHARED / "corpus" / "pdfs"
PASSWORD_PDF = CORPUS / "plumber-password-test.pdf"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")

CITY_FIELDS = ("number", "country", "city", "stats", "intro", "initiatives", "quote", "captions")
BOOKLET_FIELDS = ("title", "year", "introduction", "foreword", "signatory", "listed_cities")


@pytest.fixture(scope="module")
def pdfium_booklet() -> Booklet:
    from booklet_extract.pipeline import extract

    return extract(PDF, backend="pdfium")


def _fields(item: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: item.model_dump(mode="json")[name] for name in names}


def _flags(booklet: Booklet) -> Counter[tuple[Any, ...]]:
    return Counter((f.kind, f.printed, f.fixed, f.city) for f in booklet.flags)


def test_same_cities(sample_pdf_booklet: Booklet, pdfium_booklet: Booklet) -> None:
    plumber = [_fields(c, CITY_FIELDS) for c in sample_pdf_booklet.cities]
    assert [_fields(c, CITY_FIELDS) for c in pdfium_booklet.cities] == plumber
    assert len(plumber) == 10


def test_same_front_matter(sample_pdf_booklet: Booklet, pdfium_booklet: Booklet) -> None:
    expected = _fields(sample_pdf_booklet.booklet, BOOKLET_FIELDS)
    assert _fields(pdfium_booklet.booklet, BOOKLET_FIELDS) == expected


def test_same_flags_and_coverage(sample_pdf_booklet: Booklet, pdfium_booklet: Booklet) -> None:
    # Overprinted copies PDFium drops itself are put back, so "drawn N times" agrees too.
    assert _flags(pdfium_booklet) == _flags(sample_pdf_booklet)
    assert pdfium_booklet.coverage == sample_pdf_booklet.coverage
    assert pdfium_booklet.source.pages == sample_pdf_booklet.source.pages == 24


def _plumber_chars(path: Path, index: int) -> list[Char]:
    """pdfplumber's own glyph dicts (its public `page.chars`) as layout `Char`s."""
    import pdfplumber

    from booklet_extract.sources.common import font_style

    with pdfplumber.open(path) as pdf:
        return [
            Char(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]),
                 float(c["size"]), *font_style(c.get("fontname") or ""), bool(c["upright"]))
            for c in pdf.pages[index].chars if c.get("text")
        ]


def _pdfium_chars(path: Path, index: int) -> list[Char]:
    doc = pdfium.open_document(path.read_bytes(), str(path), None)
    try:
        return pdfium.read_page(doc, index, str(path)).chars
    finally:
        doc.close()


def _unmatched(expected: list[Char], got: list[Char], tolerance: float) -> list[Char]:
    """Glyphs of `expected` with no glyph of the same text, size and style within `tolerance`."""
    pool: dict[str, list[Char]] = {}
    for char in got:
        pool.setdefault(char.text, []).append(char)
    missing = []
    for char in expected:
        candidates = pool.get(char.text, [])
        match = next((c for c in candidates if _close(char, c, tolerance)), None)
        if match is None:
            missing.append(char)
        else:
            candidates.remove(match)
    return missing


def _close(a: Char, b: Char, tolerance: float) -> bool:
    edges = ((a.x0, b.x0), (a.top, b.top), (a.x1, b.x1), (a.bottom, b.bottom), (a.size, b.size))
    same_style = (a.bold, a.italic, a.upright) == (b.bold, b.italic, b.upright)
    return same_style and all(abs(p - q) <= tolerance for p, q in edges)


@pytest.mark.parametrize("page", [2, 6, 10])
def test_glyphs_match_pdfplumber_within_a_point(page: int) -> None:
    """Every visible glyph, overprinted copies and ligatures included, is where pdfplumber puts it.

    PDFium drops a space glyph that follows another space; the layout finds those word
    gaps from positions, so spaces are left out of the comparison.
    """
    plumber = [c for c in _plumber_chars(PDF, page - 1) if not c.text.isspace()]
    ours = [c for c in _pdfium_chars(PDF, page - 1) if not c.text.isspace()]
    assert Counter(c.text for c in ours) == Counter(c.text for c in plumber)
    assert _unmatched(plumber, ours, tolerance=1.0) == []


def test_a_run_redrawn_glyph_by_glyph_is_kept_as_pdfplumber_has_it() -> None:
    """Chromium draws each glyph of a run as a text object of its own and, for a caption
    printed twice, the whole run again at the same place: the copy's first glyph lies tens of
    objects back, beyond the five PDFium compares, yet PDFium drops it. The copy is read as
    pdfplumber reads it, so the layout can report the overprint (it was lost before)."""
    path = Path(__file__).parent / "layouts" / "chromium-columns--sample" / "layout.pdf"
    plumber = [c for c in _plumber_chars(path, 1) if not c.text.isspace()]
    ours = [c for c in _pdfium_chars(path, 1) if not c.text.isspace()]
    assert Counter(c.text for c in ours) == Counter(c.text for c in plumber)
    assert _unmatched(plumber, ours, tolerance=1.0) == []


def test_a_ligature_glyph_sits_on_its_line_like_its_neighbours() -> None:
    """PDFium splits a ligature into pieces at one origin ("f", "f"); joined again, its
    advance is unknown and its box was PDFium's loose ink box, whose top lies lower than
    the line's. Half a point was enough to drop it from its row when a neighbouring
    column's baseline sat just within reach, leaving "o i" and a stray "ff". Its top and
    bottom are now the font's, as for every other glyph."""
    path = Path(__file__).parent / "layouts" / "lo-landscape-squares--sample" / "layout.pdf"
    checked = 0
    for page in range(1, 5):
        chars = [c for c in _pdfium_chars(path, page) if not c.text.isspace()]
        for before, char in pairwise(chars):
            if "\ufb00" <= char.text <= "\ufb04" and abs(char.bottom - before.bottom) < 0.5 * char.size:
                checked += 1
                assert (char.top, char.bottom) == pytest.approx((before.top, before.bottom), abs=0.01)
    assert checked >= 5


@needs_corpus
def test_rotated_page_glyphs_match_pdfplumber() -> None:
    """/Rotate 90: both backends turn the page the same way (pdfminer's page matrix)."""
    path = CORPUS / "plumber-rotated90.pdf"
    plumber = [c for c in _plumber_chars(path, 0) if not c.text.isspace()]
    ours = [c for c in _pdfium_chars(path, 0) if not c.text.isspace()]
    assert _unmatched(plumber, ours, tolerance=1.0) == []


def test_frame_matches_pdfminer_page_matrix() -> None:
    unrotated = pdfium.Frame.of((0, 0, 600, 800), 0)
    assert unrotated.box(10, 700, 20, 712) == (10, 88, 20, 100)
    turned = pdfium.Frame.of((0, 0, 800, 600), 90)
    assert (turned.width, turned.height) == (600, 800)
    assert turned.box(100, 50, 110, 60) == (50, 100, 60, 110)
    assert turned.upright(0, -1, 1, 0) and not turned.upright(1, 0, 0, 1)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--backend", "pdfium"])
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_error(err: str, path: Path, reason: str) -> None:
    assert err == f"extract: error: {path}: {reason}\n"


def test_not_a_pdf_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "header-only.pdf"
    bad.write_bytes(b"%PDF-1.7\n%%EOF\n")
    out = tmp_path / "out.json"
    code, stdout, err = _run(capsys, str(bad), "-o", str(out))
    assert code == 3 and stdout == "" and not out.exists()
    _assert_one_error(err, bad, "not a PDF, or damaged beyond repair (PDFium: format error)")


def test_truncated_pdf_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(PDF.read_bytes()[:2000])
    code, stdout, err = _run(capsys, str(bad))
    assert code == 3 and stdout == ""
    assert err.startswith(f"extract: error: {bad}: ") and err.count("\n") == 1


@needs_corpus
def test_encrypted_without_password_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = _run(capsys, str(PASSWORD_PDF))
    assert code == 3 and stdout == ""
    _assert_one_error(err, PASSWORD_PDF, "encrypted: needs a password (use --password)")


@needs_corpus
def test_encrypted_wrong_password_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(PASSWORD_PDF), "--password", "nope")
    assert code == 3
    _assert_one_error(err, PASSWORD_PDF, pdf_open.WRONG_PASSWORD)


@needs_corpus
def test_encrypted_with_password_reads_the_same_lines() -> None:

    data = PASSWORD_PDF.read_bytes()
    ours = pdfium.lines_from_pdf_pdfium(data, str(PASSWORD_PDF), password="test", pages=None)
    plumber = lines_from_pdf(data, str(PASSWORD_PDF), password="test", pages=None)
    assert [ln.text for ln in ours.lines] == [ln.text for ln in plumber.lines]


@needs_corpus
def test_scan_without_text_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    scan = CORPUS / "sf-scan-ccitt.pdf"
    code, _, err = _run(capsys, str(scan))
    assert code == 3
    _assert_one_error(err, scan, common.NO_TEXT)


def test_page_range_outside_document_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(PDF), "--pages", "30-31")
    assert code == 2
    _assert_one_error(err, PDF, "--pages 30-31 is outside the document (24 page(s))")


def test_page_range_reads_only_those_pages() -> None:
    """Both backends read only the chosen pages and report the document's page count
    (they share one skeleton; pdfium used to report the number of pages read)."""
    data = PDF.read_bytes()
    ours = pdfium.lines_from_pdf_pdfium(data, str(PDF), password=None, pages=(5, 6))
    plumber = lines_from_pdf(data, str(PDF), password=None, pages=(5, 6))
    assert ours.pages == plumber.pages == 24
    assert {ln.page for ln in ours.lines} == {ln.page for ln in plumber.lines} == {5, 6}
