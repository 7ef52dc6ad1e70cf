"""PDF -> `Line`s with pdfplumber: the only module that reads glyphs through it.

pdfplumber gives each glyph with its box and font; `layout.py` does the rest
(overprint removal, lines, blocks, reading order). Pages are read and released
one at a time, so memory stays flat however long the booklet is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pdfminer.layout import LTChar, LTContainer

from ..line import SourceDocument
from .common import font_style
from .layout import Char, Page, build_document
from .pdf_open import (
    close_pdf,
    guard_page,
    open_pdf,
    page_count,
    page_numbers,
    require_text,
    safe_page,
)
from .rotation import direction


def page_chars(page: Any, styles: dict[str, tuple[bool, bool]]) -> list[Char]:
    """The page's glyphs, read from pdfplumber's layout tree.

    `page.chars` would build a dict of some twenty attributes per glyph; reading
    the layout objects directly costs a fraction of that and gives the same
    boxes, with pdfplumber's own conversion to a top-left origin (see
    pdfplumber.page.Page.process_object).
    """
    height = float(page.height)
    mb_x0, mb_top = (float(v) for v in page.mediabox[:2])
    out: list[Char] = []
    stack = list(reversed(page.layout._objs))
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            text = obj.get_text()
            if not text:
                continue
            fontname = obj.fontname
            if isinstance(fontname, bytes):
                fontname = fontname.decode("latin-1")
            style = styles.get(fontname)
            if style is None:
                style = styles[fontname] = font_style(fontname)
            out.append(Char(
                text=text,
                x0=obj.x0 + mb_x0,
                top=height - obj.y1 + mb_top,
                x1=obj.x1 + mb_x0,
                bottom=height - obj.y0 + mb_top,
                size=float(obj.size),
                bold=style[0],
                italic=style[1],
                upright=bool(obj.upright),
                # pdfminer's matrix is in page space, /Rotate applied (its page matrix).
                direction=direction(*obj.matrix[:4]),
            ))
        elif isinstance(obj, LTContainer):
            stack.extend(reversed(obj._objs))
    return out


def lines_from_pdf(
    data: bytes, path: str, *, password: str | None = None, pages: tuple[int, int] | None = None
) -> SourceDocument:
    """Open, read each selected page's glyphs, and lay them out into lines."""
    pdf = open_pdf(data, path, password)
    try:
        indexes = page_numbers(pdf, path, pages)
        total_chars = 0
        styles: dict[str, tuple[bool, bool]] = {}

        def page_stream() -> Iterator[Page]:
            nonlocal total_chars
            for index in indexes:
                with guard_page(path, index + 1):
                    page = safe_page(pdf, index, path)
                    chars = page_chars(page, styles)
                    width, height = float(page.width), float(page.height)
                    page.close()  # release pdfminer's layout objects for this page
                total_chars += len(chars)
                yield Page(number=index + 1, width=width, height=height, chars=chars)

        # `pages` in the output is the document's page count, also under --pages.
        doc = build_document(page_stream(), page_count(pdf, path))
        require_text(total_chars, path)
        return doc
    finally:
        close_pdf(pdf)  # pdfplumber's own close() rebuilds the page list, which may raise
