"""Rotated text is read in its own direction, by both backends alike.

The PDFs are drawn here with reportlab: a page turned by /Rotate, text drawn with a
rotated matrix on an upright page, and an upright page with one rotated margin label.
Each must read as the lines drawn, word for word and in order, with boxes on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from booklet_extract.line import Line
from booklet_extract.sources import pdfium, rotation
from booklet_extract.sources.layout import Char, Page, page_lines
from booklet_extract.sources.pdf import lines_from_pdf

canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
A4 = (595.2756, 841.8898)
WIDTH, HEIGHT = A4

SECTION = [
    "1. Colombia, Medellín",
    "City population: 2,486,723 (2016)",
    "City/urban area: 380.2 km2 (2016)",
    "Annual GDP: US$6,643 (2014)",
    "",
    "Within the past decade, Medellín has broken free from its",
    "troubled past and is now known for its advances in technology.",
    "Initiatives include:",
    "",
    "Learning festivals held in every district of the city each",
    "year, open to all ages.",
]
DRAWN = [t for t in SECTION if t]
LABEL = "Photo: City of Medellín archive"

Backend = Callable[[Path], list[Line]]


def _plumber(path: Path) -> list[Line]:
    return lines_from_pdf(path.read_bytes(), str(path)).lines


def _pdfium(path: Path) -> list[Line]:
    return pdfium.lines_from_pdf_pdfium(path.read_bytes(), str(path)).lines


BACKENDS = pytest.mark.parametrize("read", [_plumber, _pdfium], ids=["pdfplumber", "pdfium"])


def _draw_section(canvas: object, x: float, y: float) -> None:
    """The section as a booklet sets it: bold heading, body lines, blank lines between blocks."""
    for i, text in enumerate(SECTION):
        if not text:
            y -= 10
            continue
        canvas.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 16 if i == 0 else 11)  # type: ignore[attr-defined]
        canvas.drawString(x, y, text)  # type: ignore[attr-defined]
        y -= 20 if i == 0 else 15


def _rotated_page(path: Path, degrees: int) -> Path:
    """The section drawn upright in user space, on a page with /Rotate `degrees`.

    reportlab swaps the MediaBox for 90 and 270, so the page still shows as A4 portrait.
    """
    canvas = canvas_mod.Canvas(str(path), pagesize=A4)
    canvas.setPageRotation(degrees)
    user_height = WIDTH if degrees in (90, 270) else HEIGHT
    _draw_section(canvas, 40, user_height - 60)
    canvas.save()
    return path


def _rotated_matrix(path: Path, degrees: int) -> Path:
    """The section drawn with a text matrix turned `degrees` on an upright page."""
    canvas = canvas_mod.Canvas(str(path), pagesize=A4)
    origin = {90: (60, 60), 180: (WIDTH - 60, 60), 270: (WIDTH - 60, HEIGHT - 60)}[degrees]
    canvas.translate(*origin)
    canvas.rotate(degrees)
    _draw_section(canvas, 0, -16)
    canvas.save()
    return path


def _margin_label(path: Path) -> Path:
    """An upright section with a photo credit running up the left margin."""
    canvas = canvas_mod.Canvas(str(path), pagesize=A4)
    _draw_section(canvas, 72, HEIGHT - 72)
    canvas.saveState()
    canvas.translate(40, 250)
    canvas.rotate(90)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(0, 0, LABEL)
    canvas.restoreState()
    canvas.save()
    return path


def _inside_page(lines: list[Line]) -> None:
    for line in lines:
        assert line.bbox is not None
        x0, top, x1, bottom = line.bbox
        assert 0 <= x0 < x1 <= WIDTH and 0 <= top < bottom <= HEIGHT, (line.text, line.bbox)


@BACKENDS
@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_rotated_page_reads_in_its_own_direction(tmp_path: Path, read: Backend, degrees: int) -> None:
    lines = read(_rotated_page(tmp_path / f"rotate{degrees}.pdf", degrees))
    assert [ln.text for ln in lines] == DRAWN
    _inside_page(lines)
    assert [ln.font_size for ln in lines[:2]] == [16, 11]  # font sizes, not glyph widths
    assert lines[0].bold and not lines[1].bold


@BACKENDS
@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_rotated_text_matrix_reads_in_its_own_direction(
    tmp_path: Path, read: Backend, degrees: int
) -> None:
    lines = read(_rotated_matrix(tmp_path / f"matrix{degrees}.pdf", degrees))
    assert [ln.text for ln in lines] == DRAWN
    _inside_page(lines)


@BACKENDS
def test_blocks_of_rotated_text_are_kept(tmp_path: Path, read: Backend) -> None:
    """Blank lines drawn between blocks start a block, as on an upright page."""
    lines = read(_rotated_page(tmp_path / "rotate90.pdf", 90))
    starts = [ln.text for ln in lines if ln.block_start]
    assert starts[:2] == ["1. Colombia, Medellín", "City population: 2,486,723 (2016)"]
    assert "Within the past decade, Medellín has broken free from its" in starts


@BACKENDS
def test_rotated_margin_label_beside_upright_text(tmp_path: Path, read: Backend) -> None:
    lines = read(_margin_label(tmp_path / "label.pdf"))
    assert [ln.text for ln in lines] == [*DRAWN, LABEL]
    _inside_page(lines)
    label = lines[-1]
    assert label.block_start and label.bbox is not None
    x0, top, x1, bottom = label.bbox
    assert 31 <= x0 < x1 <= 43 and bottom - top > 5 * (x1 - x0)  # tall and narrow, at x = 40


def test_both_backends_give_the_same_lines(tmp_path: Path) -> None:
    for path in (_rotated_page(tmp_path / "r90.pdf", 90), _rotated_matrix(tmp_path / "m270.pdf", 270),
                 _margin_label(tmp_path / "label.pdf")):
        plumber, ours = _plumber(path), _pdfium(path)
        assert [(ln.text, ln.block_start, ln.font_size) for ln in ours] == [
            (ln.text, ln.block_start, ln.font_size) for ln in plumber
        ]
        for a, b in zip(plumber, ours):
            assert a.bbox is not None and b.bbox is not None
            assert all(abs(p - q) <= 1.0 for p, q in zip(a.bbox, b.bbox)), (a.text, a.bbox, b.bbox)


@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_rotated_page_keeps_its_city(tmp_path: Path, backend: str) -> None:
    """The city on a turned page is found just as on an upright one."""
    from booklet_extract.pipeline import extract

    upright = extract(_rotated_page(tmp_path / "r0.pdf", 0), backend=backend).cities
    turned = extract(_rotated_page(tmp_path / "r90.pdf", 90), backend=backend).cities
    assert [(c.number, c.country, c.city) for c in upright] == [(1, "Colombia", "Medellín")]
    fields = ("number", "country", "city", "stats", "intro", "initiatives")
    assert [c.model_dump(include=set(fields)) for c in turned] == [
        c.model_dump(include=set(fields)) for c in upright
    ]


# --- the transform alone ------------------------------------------------------------------


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_turn_round_trip_keeps_boxes(degrees: int) -> None:
    turn = rotation.Turn(degrees, 600, 800)
    box = (10.0, 700.0, 25.0, 760.0)
    turned = turn.to_upright(box)
    width, height = turn.size
    assert 0 <= turned[0] < turned[2] <= width and 0 <= turned[1] < turned[3] <= height
    assert turn.to_page(turned) == box


def _glyphs(text: str, degrees: int, page: tuple[float, float]) -> list[Char]:
    """`text` set at 10 pt, 6 pt per glyph, running in direction `degrees` on the page."""
    turn = rotation.Turn(degrees, *page)
    out = []
    for i, ch in enumerate(text):
        x0, top, x1, bottom = turn.to_page((100.0 + 6 * i, 100.0, 106.0 + 6 * i, 110.0))
        out.append(Char(ch, x0, top, x1, bottom, bottom - top, upright=degrees == 0,
                        direction=degrees))
    return out


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_page_lines_turns_each_direction_upright(degrees: int) -> None:
    page = Page(1, 600, 800, _glyphs("Learning cities", degrees, (600, 800)))
    lines, repairs = page_lines(page, 1)
    assert [ln.text for ln in lines] == ["Learning cities"] and repairs == []
    assert lines[0].font_size == 10


def test_skewed_glyphs_keep_the_old_fallback() -> None:
    """Glyphs in no clean direction stay one per line, as before."""
    chars = [Char(ch, 100.0, 100.0 + 8 * i, 108.0, 106.0 + 8 * i, 6.0, upright=False,
                  direction=rotation.SKEWED) for i, ch in enumerate("ab")]
    lines, _ = page_lines(Page(1, 600, 800, chars), 1)
    assert [ln.text for ln in lines] == ["a", "b"]
