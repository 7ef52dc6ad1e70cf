"""PDF -> `Line`s with pdfplumber: the only module that reads glyphs through it.

pdfplumber gives each glyph with its box and font; `layout.py` does the rest
(overprint removal, lines, blocks, reading order). Pages are read and released
one at a time, so memory stays flat however long the booklet is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from pdfminer.layout import LTChar, LTContainer
from pdfplumber.pdf import PDF

from ..line import SourceDocument
from .common import font_style
from .glyphs import UNNAMED, Glyphs, dingbat, empty, is_dingbat_font
from .layout import Page
from .pdf_open import close_pdf, guard_page, open_pdf, page_count, safe_page
from .pdf_reader import read_pdf
from .rotation import direction


def _give_room(k: int, x0: list[float], y0: list[float], x1: list[float], size: list[float]) -> None:
    """Glyph k, unnamed and drawn with no width (see `glyphs.UNNAMED`), gets the room the
    PDF left after it on its baseline, up to half an em: a bullet set a tab before its
    item gets a bullet's width; a glyph the next one is drawn right against keeps none (a
    formula's unnamed symbols stay where pdfminer put them)."""
    room = size[k] / 2
    if k + 1 < len(x0) and abs(y0[k + 1] - y0[k]) < size[k] / 2 and x0[k + 1] >= x0[k]:
        room = min(room, x0[k + 1] - x0[k])
    x1[k] = x0[k] + room


def page_glyphs(page: Any, styles: dict[str, tuple[bool, bool, bool]]) -> Glyphs:
    """The page's glyphs, read from pdfplumber's layout tree into columns.

    `page.chars` would build a dict of some twenty attributes per glyph; reading
    the layout objects directly costs a fraction of that and gives the same
    boxes, with pdfplumber's own conversion to a top-left origin (see
    pdfplumber.page.Page.process_object). `styles` caches each font's (bold, italic,
    dingbats): a ZapfDingbats glyph is read as what it draws (`glyphs.dingbat`).
    """
    height = float(page.height)
    mb_x0, mb_top = (float(v) for v in page.mediabox[:2])
    text: list[str] = []
    x0: list[float] = []
    y0: list[float] = []
    x1: list[float] = []
    y1: list[float] = []
    size: list[float] = []
    bold: list[bool] = []
    italic: list[bool] = []
    upright: list[bool] = []
    turn: list[int] = []
    unmeasured: list[int] = []  # glyphs pdfminer could not name, drawn with no width
    stack = list(reversed(page.layout._objs))
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            glyph = obj.get_text()
            if not glyph:
                continue
            fontname = obj.fontname
            if isinstance(fontname, bytes):
                fontname = fontname.decode("latin-1")
            style = styles.get(fontname)
            if style is None:
                style = styles[fontname] = (*font_style(fontname), is_dingbat_font(fontname))
            text.append(dingbat(glyph) if style[2] else glyph)
            x0.append(obj.x0)
            y0.append(obj.y0)
            x1.append(obj.x1)
            if obj.x1 <= obj.x0 and UNNAMED.match(glyph):
                unmeasured.append(len(x1) - 1)
            y1.append(obj.y1)
            size.append(obj.size)
            bold.append(style[0])
            italic.append(style[1])
            upright.append(bool(obj.upright))
            # pdfminer's matrix is in page space, /Rotate applied (its page matrix).
            turn.append(direction(*obj.matrix[:4]))
        elif isinstance(obj, LTContainer):
            stack.extend(reversed(obj._objs))
    if not text:
        return empty()
    for k in unmeasured:
        _give_room(k, x0, y0, x1, size)
    xs0, ys0 = np.array(x0, dtype=np.float64), np.array(y0, dtype=np.float64)
    xs1, ys1 = np.array(x1, dtype=np.float64), np.array(y1, dtype=np.float64)
    return Glyphs.of(text, xs0 + mb_x0, height - ys1 + mb_top, xs1 + mb_x0, height - ys0 + mb_top,
                     size, bold, italic, upright, turn)


def forget_parsed_objects(doc: PDF) -> None:
    """Drop pdfminer's cache of parsed objects (a page's content streams, decoded, among
    them), which otherwise keeps every page read until the document closes: memory
    would grow with the page count. Objects a later page needs are parsed again;
    fonts stay cached by the resource manager."""
    cached = getattr(getattr(doc, "doc", None), "_cached_objs", None)
    if isinstance(cached, dict):
        cached.clear()


def release_page(doc: PDF, index: int) -> None:
    """Drop pdfplumber's page object once its glyphs are read.

    pdfplumber builds every page (with pdfminer's parsed page dictionary) when the
    pages are first counted and keeps them all until the document closes: about
    5 KB a page, 10 MB of a 2,000-page document held through the whole read. Each
    page is read once, in order, so its slot is emptied (the list keeps its length).
    """
    pages = doc.__dict__.get("_pages")
    if isinstance(pages, list) and 0 <= index < len(pages):
        pages[index] = None


FORGET_FONTS_PAGES = 200
"""pdfminer keeps every font it parsed (its widths, its decoded ToUnicode map) until the
document closes; a document made of merged parts has fonts of its own per part, so that
cache grows with the page count. It is emptied after this many pages: a font used
throughout is parsed again once per that many pages (as PDFium's `REOPEN_PAGES`)."""


def forget_fonts(doc: PDF) -> None:
    """Empty pdfminer's font cache (see `FORGET_FONTS_PAGES`)."""
    cached = getattr(getattr(doc, "rsrcmgr", None), "_cached_fonts", None)
    if isinstance(cached, dict):
        cached.clear()


class PdfplumberBackend:
    """pdfplumber's way through `pdf_reader.read_pdf`'s steps."""

    def __init__(self) -> None:
        self.styles: dict[str, tuple[bool, bool, bool]] = {}  # font name -> (bold, italic, dingbats), shared by pages
        self.served = 0

    def open(self, data: bytes | Path, path: str, password: str | None) -> PDF:
        return open_pdf(data, path, password)

    def page_count(self, doc: PDF, path: str) -> int:
        return page_count(doc, path)

    def read_page(self, doc: PDF, index: int, path: str) -> Page:
        with guard_page(path, index + 1):
            page = safe_page(doc, index, path)
            glyphs = page_glyphs(page, self.styles)
            width, height = float(page.width), float(page.height)
            page.close()  # release pdfminer's layout objects for this page
            release_page(doc, index)
            forget_parsed_objects(doc)
            self.served += 1
            if self.served % FORGET_FONTS_PAGES == 0:
                forget_fonts(doc)
        return Page(index + 1, width, height, glyphs)

    def close(self, doc: PDF) -> None:
        close_pdf(doc)  # pdfplumber's own close() rebuilds the page list, which may raise


def lines_from_pdf(
    data: bytes | Path, path: str, *, password: str | None = None, pages: tuple[int, int] | None = None
) -> SourceDocument:
    """Open, read each selected page's glyphs, and lay them out into lines."""
    return read_pdf(PdfplumberBackend(), data, path, password=password, pages=pages)
