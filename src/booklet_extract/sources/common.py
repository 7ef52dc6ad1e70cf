"""What both PDF backends share and neither library provides: page ranges,
font styles from font names, and the wording of their errors.

Kept free of pdfplumber and pypdfium2 imports, so either backend can use it alone.
"""

from __future__ import annotations

from ..errors import BrokenPDF, NoTextLayer, UsageError

NEEDS_PASSWORD = "encrypted: needs a password (use password=)"
WRONG_PASSWORD = "encrypted: wrong password"
NO_TEXT = "no text layer (scanned or empty pages?)"


def font_style(fontname: str) -> tuple[bool, bool]:
    """(bold, italic) from a font's name, the only place PDFs reliably say it.

    >>> font_style("AAAAAA+DejaVuSansCondensed-BoldOblique")
    (True, True)
    """
    name = fontname.split("+", 1)[-1].lower()
    bold = any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))
    italic = any(w in name for w in ("italic", "oblique", "slanted"))
    return bold, italic


def select_pages(count: int, path: str, pages: tuple[int, int] | None) -> list[int]:
    """0-based indexes of the `pages=` range (1-based, inclusive, end 0 = to the end).

    >>> select_pages(5, "x.pdf", (2, 0))
    [1, 2, 3, 4]
    """
    if count <= 0:
        raise BrokenPDF("no pages", path)
    if pages is None:
        return list(range(count))
    start, end = pages
    last = count if end == 0 else end
    if start < 1 or last < start or last > count:
        shown = str(start) if end == start else f"{start}-{end or ''}"
        raise UsageError(f"pages={shown} is outside the document ({count} page(s))", path)
    return list(range(start - 1, last))


def require_text(char_count: int, path: str) -> None:
    """Raise `NoTextLayer` when the pages read hold no characters at all.

    Scans and blank pages open fine and "succeed" with nothing in them; an
    empty booklet would be a silent failure, so it is an error of its own.
    """
    if char_count <= 0:
        raise NoTextLayer(NO_TEXT, path)
