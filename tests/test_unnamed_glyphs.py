"""A bullet the font's encoding leaves unnamed (pdfminer's "(cid:127)", drawn with no
width) hanging before its items: both backends keep it with the item's text.

The PDF is drawn here with reportlab, as a designer's tool sets a hanging list: the
bullet at the margin, the text a tab's width to its right, the first item two lines long.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from booklet_extract.sources import pdfium
from booklet_extract.sources.pdf import lines_from_pdf
from booklet_extract.textnorm import dingbat_bullets, name_dingbat_bullet

canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")

ITEMS = [["Community workshops in the gardens, where elders teach traditional crafts to young",
          "people of the town."],
         ["A reading corner in each of the town's markets, stocked by the public library."],
         ["Adult literacy circles in two languages, run with the state education institute."]]


def _draw_items(canvas: Any, items: list[list[str]], bullets: str, top: float, leading: float,
                bullet: Callable[[str, float], None], line: Callable[[int, int, str, float], None]) -> None:
    """Each item's bullet, then its lines (`line(n, of, text, y)`: line n of `of`),
    `leading` apart, 8 points between items, from `top` down."""
    y = top
    for item, mark in zip(items, bullets):
        bullet(mark, y)
        for n, text in enumerate(item):
            line(n, len(item), text, y)
            y -= leading
        y -= 8.0


def _hanging_list(path: Path, bullets: str = "\u2022" * 3, font: str = "Helvetica", size: float = 9.5) -> Path:
    """The items, each with its bullet drawn in `font` (reportlab's standard encoding draws
    "\u2022" at code 127 in Helvetica)."""
    canvas = canvas_mod.Canvas(str(path), pagesize=(595.0, 842.0))

    def bullet(mark: str, y: float) -> None:
        canvas.setFont(font, size)
        canvas.drawString(154.0, y, mark)
        canvas.setFont("Helvetica", 9.5)

    _draw_items(canvas, ITEMS, bullets, 700.0, 12.0, bullet, lambda _n, _of, text, y: canvas.drawString(166.0, y, text))
    canvas.save()
    return path


@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_an_unnamed_hanging_bullet_stays_with_its_item(backend: str, tmp_path: Path) -> None:
    pdf = _hanging_list(tmp_path / "list.pdf")
    read = lines_from_pdf if backend == "pdfplumber" else pdfium.lines_from_pdf_pdfium
    texts = [line.text for line in read(pdf.read_bytes(), str(pdf)).lines]
    assert texts == [f"\u2022 {item[0]}" if n == 0 else line
                     for item in ITEMS for n, line in enumerate(item)]


@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_a_dingbat_bullet_is_read_as_what_it_draws(backend: str, tmp_path: Path) -> None:
    """pdfminer reads a ZapfDingbats glyph as the letter of its code ("n Community ..."):
    it is read as the square or check mark it draws, so the items keep their markers.
    Letters in the body's font stay letters (hard negative: the items' own text). The
    bullets are drawn in ZapfDingbats, the standard-14 font of pictures: reportlab draws a
    black square at the code of "n", a check mark at the code of "3", and the PDF maps
    neither code to Unicode."""
    pdf = _hanging_list(tmp_path / "dingbats.pdf", "■■✓", "ZapfDingbats", 7.0)
    read = lines_from_pdf if backend == "pdfplumber" else pdfium.lines_from_pdf_pdfium
    texts = [line.text for line in read(pdf.read_bytes(), str(pdf)).lines]
    assert texts == [f"{mark} {item[0]}" if n == 0 else line
                     for item, mark in zip(ITEMS, "■■✓") for n, line in enumerate(item)]


def test_dingbat_letters_before_items_opening_with_a_figure_are_bullets() -> None:
    """pdfminer's text of a ZapfDingbats list where an item opens with a figure ("n 2,000
    volunteers ..."): the letter is the list's bullet there as before a capital. Hard
    negatives: a lone letter opening a line once, or before a lowercase word, stays."""
    texts = ["n ‘Little Libraries’, built with residents’ donations.", "n 2,000 volunteers who teach reading.",
             "n 12 reading clubs.", "s 3 cases", "p. 12", "v and so on"]
    assert dingbat_bullets(texts) == frozenset("n")
    assert [name_dingbat_bullet(t, frozenset("n")) for t in texts[1:3]] == ["• 2,000 volunteers who teach reading.",
                                                                        "• 12 reading clubs."]
    assert dingbat_bullets(["n 2,000 volunteers", "s 3 cases", "v and so on", "v and more"]) == frozenset()


LEFT = [["An affordable housing and learning scheme for", "migrants and the weavers, combining shelter with",
         "lessons in the national language."],
        ["Training for older adults in vocational skills, run", "jointly with local employers and the chamber of",
         "commerce."]]
RIGHT = [["A network of 120 community learning centres that", "provide literacy classes for unemployed adults."]]


def _justified(canvas: object, x: float, y: float, text: str, width: float | None) -> None:
    """One line at (x, y), its word spaces stretched to `width` (None: set ragged)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    obj = canvas.beginText(x, y)  # type: ignore[attr-defined]
    obj.setFont("Times-Roman", 9)
    if width is not None and text.count(" "):
        obj.setWordSpace((width - stringWidth(text, "Times-Roman", 9)) / text.count(" "))
    obj.textOut(text)
    canvas.drawText(obj)  # type: ignore[attr-defined]


def _two_columns_of_bullets(path: Path) -> Path:
    """Two justified columns of bulleted items 8 points apart, as a designer's tool set
    them: the bullet (code 127 in Times: unnamed, drawn with no width) before each item's
    first line, the item's next lines flush with it, the right column's first word a
    little closer to its bullet than the left's. The right column holds one item of two
    lines, so only its bullet says where it opens."""
    canvas = canvas_mod.Canvas(str(path), pagesize=(595.0, 842.0))
    for x, items, indent in ((170.0, LEFT, 7.3), (368.6, RIGHT, 5.8)):
        def bullet(mark: str, y: float, x: float = x) -> None:
            canvas.setFont("Times-Roman", 9)
            canvas.drawString(x, y, mark)

        def line(n: int, of: int, text: str, y: float, x: float = x, indent: float = indent) -> None:
            first = indent if n == 0 else 0.0
            _justified(canvas, x + first, y, text, None if n == of - 1 else 190.6 - first)

        _draw_items(canvas, items, "\u2022" * len(items), 676.0, 11.5, bullet, line)
    canvas.save()
    return path


@pytest.mark.parametrize("backend", ["pdfplumber", "pdfium"])
def test_an_unnamed_bullet_touching_its_word_opens_a_column(backend: str, tmp_path: Path) -> None:
    """pdfminer gives the right column's bullet as "(cid:127)A" (no space between them): it
    is still an item's marker after the gutter (pypdfium2 names the glyph), so the rows are parted into their columns
    and the item is read after the left column's (hard negative: the left column's words,
    a justified line's stretched spaces, stay together)."""
    pdf = _two_columns_of_bullets(tmp_path / "columns.pdf")
    read = lines_from_pdf if backend == "pdfplumber" else pdfium.lines_from_pdf_pdfium
    texts = [line.text for line in read(pdf.read_bytes(), str(pdf)).lines]
    assert texts == [f"\u2022 {line}" if n == 0 else line
                     for item in LEFT + RIGHT for n, line in enumerate(item)]
