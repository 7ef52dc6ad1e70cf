"""The one skeleton both PDF backends follow: open, choose pages, read glyphs, lay out.

A backend only says how to open a document, count its pages, read one page's
glyphs and close; the order of those steps, the page selection, the page count
reported (the document's, also under `pages=`), the no-text check and the layout
are decided here once, so the backends cannot disagree on them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from .. import interrupts
from ..line import SourceDocument
from .common import require_text, select_pages
from .layout import Page, build_document

Doc = TypeVar("Doc")


class PdfBackend(Protocol, Generic[Doc]):
    """What a glyph reader must provide. Errors it raises are `BookletError`s."""

    def open(self, data: bytes | Path, path: str, password: str | None) -> Doc: ...

    def page_count(self, doc: Doc, path: str) -> int: ...

    def read_page(self, doc: Doc, index: int, path: str) -> Page: ...

    def close(self, doc: Doc) -> None: ...


def read_pdf(
    backend: PdfBackend[Doc], data: bytes | Path, path: str, *,
    password: str | None = None, pages: tuple[int, int] | None = None,
) -> SourceDocument:
    """Open, read each selected page's glyphs (one page in memory at a time), lay them out."""
    doc = backend.open(data, path, password)
    try:
        count = backend.page_count(doc, path)
        indexes = select_pages(count, path, pages)
        total_chars = 0

        def page_stream() -> Iterator[Page]:
            nonlocal total_chars
            for index in indexes:
                interrupts.check()  # a Ctrl-C a finalizer swallowed stops here, a page later
                page = backend.read_page(doc, index, path)
                total_chars += len(page.glyphs)
                yield page

        result = build_document(page_stream(), count)
        require_text(total_chars, path)
        return result
    finally:
        backend.close(doc)
