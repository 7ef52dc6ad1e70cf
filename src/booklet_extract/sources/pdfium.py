"""PDF -> `Line`s with pypdfium2 (PDFium, C++): the fast backend.

PDFium hands out glyphs through its text page, which is built for selecting and
searching text, not for faithful glyph lists. Its habits that would make the
layout see something other than pdfplumber's glyphs are undone here:

- it inserts spaces and line breaks that are not in the PDF (`IsGenerated`): skipped;
- it splits ligature glyphs (U+FB01) into pieces at one origin: joined again;
- it marks a line-end hyphen as U+0002: turned back into "-";
- it silently drops a text object drawn again over an earlier one (an
  overprinted duplicate, which the layout must see to flag it): such objects are
  found among the page objects and their glyphs cloned from the one PDFium kept;
- its "loose" glyph box also covers ink past the advance width: boxes are
  rebuilt from the glyph origin, the font's advance width and descent, the
  way pdfminer builds them, so word gaps measure the same in both backends.

Known differences that remain: PDFium drops a space glyph that follows another
space (the layout finds word gaps from positions, so only gaps narrower than
0.2 em are lost); a soft hyphen at a line end reads "-" where pdfplumber keeps
U+00AD; vertical (CJK) writing is boxed differently; an encrypted file whose
owner password is empty still needs its user password.

Everything else (overprint removal, lines, blocks, reading order) is `layout.py`,
shared with the pdfplumber backend. Pages are loaded and closed one at a time.
pdfplumber is never imported here: its import alone costs more than PDFium
needs to read a whole booklet.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import BrokenPDF, Encrypted
from ..line import SourceDocument
from .common import NEEDS_PASSWORD, WRONG_PASSWORD, font_style
from .layout import Char, Page
from .pdf_reader import read_pdf
from .rotation import direction

# Same wording as `pdf_open` (not imported: it would import pdfplumber); a test keeps them equal.

_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_SUCCESS: "no pages",  # pypdfium2 refuses a document that opens with none
    pdfium_c.FPDF_ERR_FILE: "cannot read the file",
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF, or damaged beyond repair (PDFium: format error)",
    pdfium_c.FPDF_ERR_SECURITY: "unsupported encryption (PDFium: security handler error)",
    pdfium_c.FPDF_ERR_PAGE: "damaged PDF: no usable page tree",
}
_GENERATED_CANDIDATES = frozenset((0x20, 0x0D, 0x0A))
"""PDFium only ever generates spaces and line breaks; only these need `IsGenerated`."""
_HYPHEN_MARK = 0x02
"""What PDFium puts in place of a hyphen it thinks ends a line."""
_FONT_NAME_BUFFER = 256


# --- opening ------------------------------------------------------------------------------


def open_document(data: bytes, path: str, password: str | None) -> pdfium.PdfDocument:
    """Open PDF bytes with PDFium, or raise `Encrypted` / `BrokenPDF` with a one-line reason.

    PDFium itself retries a non-ASCII password in Latin-1 and UTF-8, so one attempt is enough.
    """
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise Encrypted(WRONG_PASSWORD if password else NEEDS_PASSWORD, path) from None
        reason = _OPEN_ERRORS.get(code or 0, "damaged PDF (PDFium: unknown error)")
        raise BrokenPDF(reason, path) from None


# --- coordinates --------------------------------------------------------------------------

_Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Frame:
    """PDF user space -> pdfplumber's page space (top-left origin, page /Rotate applied).

    Mirrors pdfminer's page matrix and pdfplumber's MediaBox offsets, so both
    backends put a glyph at the same place even on rotated or shifted pages.
    """

    ctm: tuple[float, float, float, float, float, float]
    x_offset: float
    top_offset: float
    width: float
    height: float

    @classmethod
    def of(cls, mediabox: _Box, rotation: int) -> Frame:
        x0, x1 = sorted((mediabox[0], mediabox[2]))
        y0, y1 = sorted((mediabox[1], mediabox[3]))
        rotation %= 360
        ctm = {
            90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }.get(rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
        nx0, ny0, nx1, ny1 = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        height = ny1 - ny0
        return cls(ctm, nx0, height - ny1, nx1 - nx0, height)

    def box(self, left: float, bottom: float, right: float, top: float) -> _Box:
        """A user-space box -> (x0, top, x1, bottom) in page space."""
        a, b, c, d, e, f = self.ctm
        xs = (a * left + c * bottom + e, a * right + c * top + e)
        ys = (b * left + d * bottom + f, b * right + d * top + f)
        return (
            min(xs) + self.x_offset,
            self.height - max(ys) + self.top_offset,
            max(xs) + self.x_offset,
            self.height - min(ys) + self.top_offset,
        )

    def shifts(self) -> tuple[float, float] | None:
        """For an unrotated page, (dx, base) with x = x_user + dx and top = base - y_user.

        Lets the per-glyph loop skip the general transform on nearly every page.
        """
        a, b, c, d, e, f = self.ctm
        if (a, b, c, d) != (1.0, 0.0, 0.0, 1.0):
            return None
        return e + self.x_offset, self.height - f + self.top_offset

    def page_matrix(self, a: float, b: float, c: float, d: float) -> tuple[float, float, float, float]:
        """A glyph matrix in user space -> in page space (y up), as pdfminer has it."""
        ra, rb, rc, rd = self.ctm[:4]
        return a * ra + b * rc, a * rb + b * rd, c * ra + d * rc, c * rb + d * rd

    def upright(self, a: float, b: float, c: float, d: float) -> bool:
        """pdfminer's test on the glyph matrix after the page rotation."""
        a2, b2, c2, d2 = self.page_matrix(a, b, c, d)
        return a2 * d2 > 0 and b2 * c2 <= 0

    def direction(self, a: float, b: float, c: float, d: float) -> int:
        """The way the glyph's text runs on the page (`rotation.direction`)."""
        return direction(*self.page_matrix(a, b, c, d))


# --- glyphs -------------------------------------------------------------------------------


def _address(handle: Any) -> int:
    """A PDFium handle's address: a cheap, hashable identity for caches."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _fast(func: Any, restype: Any, *argtypes: Any) -> Any:
    """A lean prototype of a pypdfium2 raw function: plain pointers, no type checks.

    pypdfium2's bindings check pointer types on every call; for the calls made
    once per glyph that doubles the cost of reading a page.
    """
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(func))


_VOID, _INT, _DOUBLE_P = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_double)
_get_unicode = _fast(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _VOID, _INT)
_is_generated = _fast(pdfium_c.FPDFText_IsGenerated, _INT, _VOID, _INT)
_get_text_object = _fast(pdfium_c.FPDFText_GetTextObject, _VOID, _VOID, _INT)
_get_origin = _fast(pdfium_c.FPDFText_GetCharOrigin, _INT, _VOID, _INT, _DOUBLE_P, _DOUBLE_P)
_glyph_width = _fast(pdfium_c.FPDFFont_GetGlyphWidth, _INT, _VOID, ctypes.c_uint, ctypes.c_float,
                     ctypes.POINTER(ctypes.c_float))

_LIGATURES = {"ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02", "ffi": "\ufb03", "ffl": "\ufb04",
              "\u017ft": "\ufb05", "st": "\ufb06"}
"""PDFium's spelling of each ligature glyph it splits -> the glyph pdfplumber reports."""


@dataclass(slots=True)
class _Font:
    """One font as the glyph boxes need it: style from its name, descent, advance widths."""

    handle: int
    bold: bool
    italic: bool
    descent: float
    """Below the baseline, per point of font size (negative), as pdfminer boxes glyphs."""
    widths: dict[int, float]
    """Code point -> advance per point of font size; 0.0 when PDFium cannot tell."""

    def advance(self, code: int) -> float:
        width = self.widths.get(code)
        if width is None:
            out = ctypes.c_float()
            ok = _glyph_width(self.handle, code, 1.0, ctypes.byref(out))
            width = self.widths[code] = out.value if ok and out.value > 0 else 0.0
        return width


@dataclass(frozen=True, slots=True)
class _Style:
    """What every glyph of one text object shares: font, size, and its matrix."""

    font: _Font
    size: float
    """pdfplumber's size: the drawn height (Tf times the matrix's vertical scale)."""
    upright: bool
    direction: int
    tf: float
    matrix: tuple[float, float, float, float]
    straight: tuple[float, float, float, float, float] | None
    """For unrotated text on an unrotated page: (dx, base, advance scale, descent, height)."""

    def user_box(self, ox: float, oy: float, advance: float) -> _Box:
        """pdfminer's glyph box in user space: advance wide, one font size high from the descent."""
        a, b, c, d = self.matrix
        x1, y0 = advance * self.tf, self.font.descent * self.tf
        y1 = y0 + self.tf
        xs = [ox + a * x + c * y for x in (0.0, x1) for y in (y0, y1)]
        ys = [oy + b * x + d * y for x in (0.0, x1) for y in (y0, y1)]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True, slots=True)
class _TextObject:
    """A text object's identity and geometry, to tell a redrawn copy from new text."""

    key: int
    font: int
    size: float
    left: float
    bottom: float
    right: float
    top: float

    def copies(self, earlier: _TextObject) -> bool:
        """PDFium's "same text object" test, minus the glyph codes we cannot see.

        Same font and size, boxes overlapping by at least half and of the same
        width (same glyphs), and less than an eighth of a line apart vertically.
        """
        if self.font != earlier.font or self.size != earlier.size:
            return False
        width = self.right - self.left
        overlap = min(self.right, earlier.right) - max(self.left, earlier.left)
        if overlap <= 0 or width - overlap > width / 2:
            return False
        if abs(width - (earlier.right - earlier.left)) > 0.1 * width + 1.0:
            return False
        height = max(self.top - self.bottom, earlier.top - earlier.bottom, self.size)
        return abs(self.bottom - earlier.bottom) <= height / 8


class _PageReader:
    """Reads one page's glyphs. Handles are only valid while the page is open,
    so every cache keyed by a handle's address lives here, per page."""

    def __init__(self, page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, frame: Frame) -> None:
        self.page = page
        self.textpage = textpage
        self.frame = frame
        self.fonts: dict[int, _Font] = {}
        self.styles: dict[int, _Style] = {}
        self.by_object: dict[int, list[Char]] = {}

    def chars(self) -> list[Char]:
        """The page's real glyphs: PDFium's own, then the overprinted copies it dropped."""
        glyphs = self.textpage_chars()
        glyphs += self.dropped_copies()
        return glyphs

    def textpage_chars(self) -> list[Char]:
        """The glyphs PDFium's text page keeps, in its order, ligature pieces joined.

        The hot loop of the backend (once per glyph): the common case, an
        upright glyph of known width, is boxed inline; `glyph` does the rest.
        """
        tp = _address(self.textpage.raw)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
        by_object, styles = self.by_object, self.styles
        out: list[Char] = []
        glyphs: list[Char] = []
        glyphs_key = last_key = -1
        last_x = last_y = 0.0
        pieces = ""
        for i in range(pdfium_c.FPDFText_CountChars(self.textpage)):
            code = _get_unicode(tp, i)
            if code in _GENERATED_CANDIDATES and _is_generated(tp, i) == 1:
                continue
            key = _get_text_object(tp, i) or 0
            if key != glyphs_key:
                glyphs, glyphs_key = by_object.setdefault(key, []), key
            if code == 0:
                continue  # a glyph with no text at all; pdfplumber drops those too
            text = "-" if code == _HYPHEN_MARK else chr(code)
            _get_origin(tp, i, ox_ref, oy_ref)
            x, y = ox.value, oy.value
            style = styles.get(key) or self.style(key, i)
            if key == last_key and x == last_x and y == last_y and _continues(pieces, text):
                pieces += text  # PDFium split one ligature glyph into pieces at one origin
                glyphs[-1] = out[-1] = self.glyph(i, _LIGATURES.get(pieces, pieces), x, y, style)
                continue
            last_key, last_x, last_y, pieces = key, x, y, text
            font, straight = style.font, style.straight
            advance = font.widths.get(code)
            if advance is None:
                advance = font.advance(ord(text))
            if advance > 0 and straight is not None:
                dx, base, per_advance, descent, height = straight
                bottom = base - y - descent
                char = Char(text, x + dx, bottom - height, x + dx + advance * per_advance, bottom,
                            style.size, font.bold, font.italic, True)
            else:
                char = self.glyph(i, text, x, y, style)
            out.append(char)
            glyphs.append(char)
        return out

    def glyph(self, index: int, text: str, x: float, y: float, style: _Style) -> Char:
        """A glyph boxed the way pdfminer boxes it, so both backends agree to a fraction of a point.

        PDFium's own "loose" box also covers ink past the advance (the hook of
        an f), which would hide word gaps; it is only the fallback when the
        font's advance width is unknown.
        """
        advance = style.font.advance(ord(text)) if len(text) == 1 else 0.0
        straight = style.straight
        if advance > 0 and straight is not None:
            dx, base, per_advance, descent, height = straight
            bottom = base - y - descent
            right = x + dx + advance * per_advance
            return Char(text, x + dx, bottom - height, right, bottom, style.size,
                        style.font.bold, style.font.italic, style.upright, style.direction)
        if advance > 0:
            left, lower, right, upper = style.user_box(x, y, advance)
        else:
            rect = pdfium_c.FS_RECTF()
            pdfium_c.FPDFText_GetLooseCharBox(self.textpage, index, rect)
            left, lower, right, upper = rect.left, rect.bottom, rect.right, rect.top
        x0, top, x1, bottom = self.frame.box(left, lower, right, upper)
        size = style.size if style.upright else bottom - top  # pdfminer: the box's height
        font = style.font
        return Char(text, x0, top, x1, bottom, size, font.bold, font.italic, style.upright,
                    style.direction)

    def style(self, key: int, index: int) -> _Style:
        """Font, size and orientation of text object `key`, read at its glyph `index`."""
        m = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(self.textpage, index, m)
        tf = float(pdfium_c.FPDFText_GetFontSize(self.textpage, index))
        font = self.font(pdfium_c.FPDFTextObj_GetFont(ctypes.cast(key, pdfium_c.FPDF_PAGEOBJECT)))
        shifts = self.frame.shifts()
        straight = None
        if shifts is not None and m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0:
            straight = (shifts[0], shifts[1], m.a * tf, m.d * tf * font.descent, m.d * tf)
        style = _Style(
            font=font,
            size=tf * math.hypot(m.c, m.d),  # PDFium's size is the Tf operand alone
            upright=self.frame.upright(m.a, m.b, m.c, m.d),
            direction=self.frame.direction(m.a, m.b, m.c, m.d),
            tf=tf,
            matrix=(m.a, m.b, m.c, m.d),
            straight=straight,
        )
        self.styles[key] = style
        return style

    def font(self, handle: object) -> _Font:
        """A font handle's style (from its name, as pdfplumber decides it) and metrics."""
        key = _address(handle)
        font = self.fonts.get(key)
        if font is None:
            name = ctypes.create_string_buffer(_FONT_NAME_BUFFER)
            pdfium_c.FPDFFont_GetBaseFontName(handle, name, _FONT_NAME_BUFFER)
            bold, italic = font_style(name.value.decode("utf-8", "replace"))
            descent = ctypes.c_float()
            if not pdfium_c.FPDFFont_GetDescent(handle, 1.0, descent):
                descent.value = 0.0
            font = self.fonts[key] = _Font(key, bold, italic, descent.value, {})
        return font

    def dropped_copies(self) -> list[Char]:
        """Glyphs of text objects PDFium skipped as redrawn copies of an earlier one.

        PDFium compares each text object with the five text objects before it in
        the same content stream (page or form) and drops it when they match; we
        walk the same objects in the same order and clone the glyphs of the one
        that was kept, moved by the offset between the two objects.
        """
        out: list[Char] = []
        count = pdfium_c.FPDFPage_CountObjects(self.page)
        self._walk([pdfium_c.FPDFPage_GetObject(self.page, j) for j in range(count)], out)
        return out

    def _walk(self, objects: list[object], out: list[Char]) -> None:
        recent: list[_TextObject] = []
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                self._walk([pdfium_c.FPDFFormObj_GetObject(obj, j) for j in range(count)], out)
                continue
            if kind != pdfium_c.FPDF_PAGEOBJ_TEXT:
                continue
            info = self.describe(obj)
            if info.key not in self.by_object and info.right - info.left >= 0.01:
                source = next((o for o in reversed(recent) if info.copies(o)), None)
                if source is not None:
                    clones = self.moved(self.by_object.get(source.key, []), info, source)
                    self.by_object[info.key] = clones  # a copy of this copy resolves too
                    out += clones
            recent = [*recent[-4:], info]

    def describe(self, obj: object) -> _TextObject:
        left, bottom, right, top, size = (ctypes.c_float() for _ in range(5))
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        pdfium_c.FPDFTextObj_GetFontSize(obj, size)
        font = _address(pdfium_c.FPDFTextObj_GetFont(obj))
        return _TextObject(_address(obj), font, size.value,
                           left.value, bottom.value, right.value, top.value)

    def moved(self, glyphs: list[Char], copy: _TextObject, source: _TextObject) -> list[Char]:
        """`glyphs` shifted from where `source` is to where `copy` is, in page space."""
        dx, dy = copy.left - source.left, copy.bottom - source.bottom
        a, b, c, d = self.frame.ctm[:4]
        px, py = a * dx + c * dy, b * dx + d * dy  # user-space offset -> page space (y down)
        return [
            Char(g.text, g.x0 + px, g.top - py, g.x1 + px, g.bottom - py,
                 g.size, g.bold, g.italic, g.upright, g.direction)
            for g in glyphs
        ]


def _continues(pieces: str, text: str) -> bool:
    """Whether `text`, drawn at the same origin as `pieces`, is one more piece of that glyph.

    A glyph drawn twice at one place is an overprint the layout must see, so
    a repeated letter only joins where a ligature spells it ("ff").
    """
    return text != pieces[-1] or (pieces + text) in _LIGATURES


def media_box(page: pdfium.PdfPage) -> _Box:
    """The page's MediaBox, as pdfplumber measures from it.

    PDFium reads /MediaBox only from the page itself, not from the page tree
    above it (crbug.com/pdfium/1786); when it is inherited, fall back to the
    page's bounding box, which PDFium does inherit (MediaBox cut by CropBox).
    """
    box = page.get_mediabox(fallback_ok=False)
    left, bottom, right, top = box if box is not None else page.get_bbox()
    return float(left), float(bottom), float(right), float(top)


def read_page(pdf: pdfium.PdfDocument, index: int, path: str) -> Page:
    """One page's glyphs; the page and its text page are closed before returning."""
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        raise BrokenPDF(f"page {index + 1}: cannot load the page", path) from None
    try:
        frame = Frame.of(media_box(page), page.get_rotation())
        textpage = page.get_textpage()
        try:
            chars = _PageReader(page, textpage, frame).chars()
        finally:
            textpage.close()
    except pdfium.PdfiumError as exc:
        raise BrokenPDF(f"page {index + 1}: damaged page ({exc})", path) from None
    finally:
        page.close()
    return Page(number=index + 1, width=frame.width, height=frame.height, chars=chars)


class PdfiumBackend:
    """PDFium's way through `pdf_reader.read_pdf`'s steps."""

    def open(self, data: bytes, path: str, password: str | None) -> pdfium.PdfDocument:
        return open_document(data, path, password)

    def page_count(self, doc: pdfium.PdfDocument, path: str) -> int:
        return len(doc)

    def read_page(self, doc: pdfium.PdfDocument, index: int, path: str) -> Page:
        return read_page(doc, index, path)

    def close(self, doc: pdfium.PdfDocument) -> None:
        doc.close()


def lines_from_pdf_pdfium(
    data: bytes, path: str, *, password: str | None = None, pages: tuple[int, int] | None = None
) -> SourceDocument:
    """Open, read each selected page's glyphs, and lay them out into lines."""
    return read_pdf(PdfiumBackend(), data, path, password=password, pages=pages)
