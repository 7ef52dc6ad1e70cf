"""A booklet exported as spreads: two facing pages side by side on each sheet
(sources/layout.py `spread_order`, `Line.printed_page`).

The sheets are drawn with reportlab: the pages hold what a city's pages hold, set as
the sample's designer sets them (the intro above the heading), so that a sheet read as
one page would give a city's quote on the left-hand page to the next city, whose
heading is on the right-hand page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet_extract.pipeline import extract
from booklet_extract.sources.layout import Char, Page, page_lines

canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")

PAGE_W, PAGE_H = 420.0, 595.0  # one A5 page; a sheet holds two


def _city(canvas: object, x: float, number: int, place: str) -> None:
    """A city's first page from x: its intro above its heading, stats, three items."""
    c = canvas
    y = PAGE_H - 60
    for line in (f"{place.split(', ')[1]} is a city by a river. Its libraries, schools and",
                 "museums work together so that every resident can learn. Initiatives include:"):
        c.setFont("Helvetica", 9)
        c.drawString(x + 36, y, line)
        y -= 12
    y -= 14
    c.setFont("Helvetica-Bold", 14)
    c.drawString(x + 36, y, f"{number}. {place}")
    y -= 22
    c.setFont("Helvetica", 9)
    for stat in ("City population: 120,000 (2020)", "City/urban area: 45 km2", "Annual GDP: US$5,000"):
        c.drawString(x + 36, y, stat)
        y -= 12
    y -= 12
    for n, item in enumerate(("Reading clubs in every district library.", "Evening classes for adults.",
                              "A learning festival each spring."), 1):
        c.drawString(x + 36, y, f"{n}. {item}")
        y -= 14


def _quote_page(canvas: object, x: float, speaker: str, role: str) -> None:
    """A city's second page from x: its quote and attribution at the top."""
    c = canvas
    c.setFont("Helvetica-Oblique", 11)
    c.drawString(x + 36, PAGE_H - 80, "‘Learning is how our city grows, together.’")
    c.setFont("Helvetica-Bold", 9)
    c.drawString(x + 36, PAGE_H - 100, f"{speaker}, {role}")


def _spreads(path: Path) -> Path:
    """Sheet 1: city 1's first page, its other half empty; sheet 2: city 1's quote page
    facing city 2's first page; sheet 3: city 2's quote page."""
    c = canvas_mod.Canvas(str(path), pagesize=(2 * PAGE_W, PAGE_H))
    _city(c, 0.0, 1, "Ruritania, Zenda")
    c.showPage()
    _quote_page(c, 0.0, "Ann Ek", "Mayor of Zenda")
    _city(c, PAGE_W, 2, "Borduria, Alpha")
    c.showPage()
    _quote_page(c, 0.0, "Bo Li", "Mayor of Alpha")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_facing_pages_on_one_sheet_are_read_as_two_pages(backend: str, tmp_path: Path) -> None:
    """The left-hand page's quote stays with the city before; the right-hand page's
    intro, set above its heading, opens the next city. Read as one page, the sheet gave
    the first city's quote to the second."""
    booklet = extract(_spreads(tmp_path / "spreads.pdf"), backend=backend)
    assert [(c.city, c.quote.speaker if c.quote else None) for c in booklet.cities] == [
        ("Zenda", "Ann Ek"), ("Alpha", "Bo Li")]
    assert booklet.cities[1].intro is not None and booklet.cities[1].intro.startswith("Alpha is a city by a river.")


def _words(text: str, x: float, top: float) -> list[Char]:
    return [Char(ch, x + 5.0 * k, top, x + 5.0 * k + 5.0, top + 10.0, 10.0) for k, ch in enumerate(text)
            if not ch.isspace()]


def test_a_sheet_of_two_pages_reads_the_left_page_first_and_tells_them_apart() -> None:
    """Lines of the right-hand page set higher than the left page's last line come
    after it, and each half is a printed page of its own."""
    chars = (_words("Left page top line", 40, 100) + _words("Left page last line", 40, 500)
             + _words("Right page top line", 460, 80))
    lines, _ = page_lines(Page(3, 840.0, 595.0, chars), 1)
    assert [line.text for line in lines] == ["Left page top line", "Left page last line", "Right page top line"]
    assert [line.printed_page for line in lines] == [3, 3, -3]
    assert {line.page for line in lines} == {3}


def test_a_line_across_the_middle_keeps_the_sheet_one_page() -> None:
    """Hard negative: a heading set across the sheet's middle makes it one page, its
    columns read in the usual order, one printed page."""
    chars = (_words("A heading set right across the middle of the whole sheet here ok", 200, 60)
             + _words("Left column line", 40, 100) + _words("Right column line", 460, 100))
    lines, _ = page_lines(Page(3, 840.0, 595.0, chars), 1)
    assert {line.printed_page for line in lines} == {3}
