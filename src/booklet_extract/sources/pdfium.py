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
from itertools import compress, islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import BrokenPDF, Encrypted, UnreadableInput
from ..line import SourceDocument
from .common import NEEDS_PASSWORD, WRONG_PASSWORD, font_style
from .glyphs import Char, Glyphs, empty
from .layout import Page
from .pdf_reader import read_pdf
from .rotation import direction

if TYPE_CHECKING:
    import numpy.typing as npt

    from .glyphs import Flags, Floats, Ints

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


def open_document(data: bytes | Path, path: str, password: str | None) -> pdfium.PdfDocument:
    """Open PDF bytes (or a PDF file, read as pages need it) with PDFium, or raise
    `Encrypted` / `BrokenPDF` with a one-line reason.

    PDFium itself retries a non-ASCII password in Latin-1 and UTF-8, so one attempt is enough.
    """
    try:
        return pdfium.PdfDocument(data, password=password)
    except OSError as exc:  # the file went away since it was hashed
        raise UnreadableInput(f"cannot read file ({exc.strerror or exc})", path) from None
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

# The records below are private and only ever told apart by identity: they are declared
# without a generated __eq__ and __repr__ (dataclasses write each method with exec at
# import, a cost every run pays before reading a page).


def _address(handle: Any) -> int:
    """A PDFium handle's address: a cheap, hashable identity for caches."""
    return ctypes.c_void_p.from_buffer(handle).value or 0


def _fast(func: Any, restype: Any, *argtypes: Any) -> Any:
    """A lean prototype of a pypdfium2 raw function: plain pointers, no type checks.

    pypdfium2's bindings check pointer types on every call; for the calls made
    once per glyph that doubles the cost of reading a page.
    """
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(func, ctypes.c_void_p).value or 0)


def _per_glyph(func: Any, restype: Any) -> Any:
    """A prototype of a (text page, glyph index, ...) function for the calls made once per glyph.

    It declares no argument types, so ctypes converts nothing in Python: the text page
    goes as a `c_void_p` made once per page, the index as a plain C int, a pointer as a
    `ctypes.byref`. That is about 40% cheaper per call than converting each argument
    (`_fast`), and these calls are most of the cost of reading a page. It keeps the GIL
    through the call (`PYFUNCTYPE`): PDFium calls back no Python, and dropping and taking
    the lock again was another seventh of each call's instructions.
    """
    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(func, ctypes.c_void_p).value or 0)


_VOID, _INT = ctypes.c_void_p, ctypes.c_int
_get_unicode = _per_glyph(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_is_generated = _per_glyph(pdfium_c.FPDFText_IsGenerated, _INT)
_get_text_object = _per_glyph(pdfium_c.FPDFText_GetTextObject, ctypes.c_size_t)
"""The glyph's text object as an address: 0, not None, when it has none."""
_get_origin = _per_glyph(pdfium_c.FPDFText_GetCharOrigin, _INT)
"""Writes the origin straight into two float64 arrays (pointers passed as `byref`s into them)."""
_glyph_width = _fast(pdfium_c.FPDFFont_GetGlyphWidth, _INT, _VOID, ctypes.c_uint, ctypes.c_float,
                     _VOID)
_char_matrix = _fast(pdfium_c.FPDFText_GetMatrix, _INT, _VOID, _INT, _VOID)
_char_font_size = _fast(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VOID, _INT)
_font_name = _fast(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _VOID, _VOID, ctypes.c_size_t)
_font_descent = _fast(pdfium_c.FPDFFont_GetDescent, _INT, _VOID, ctypes.c_float, _VOID)

_page_count_objects = _fast(pdfium_c.FPDFPage_CountObjects, _INT, _VOID)
_page_object = _fast(pdfium_c.FPDFPage_GetObject, _VOID, _VOID, _INT)
_form_count_objects = _fast(pdfium_c.FPDFFormObj_CountObjects, _INT, _VOID)
_form_object = _fast(pdfium_c.FPDFFormObj_GetObject, _VOID, _VOID, ctypes.c_ulong)
_object_type = _fast(pdfium_c.FPDFPageObj_GetType, _INT, _VOID)
_object_bounds = _fast(pdfium_c.FPDFPageObj_GetBounds, _INT, _VOID, _VOID, _VOID, _VOID, _VOID)
_text_font_size = _fast(pdfium_c.FPDFTextObj_GetFontSize, _INT, _VOID, _VOID)
_text_font = _fast(pdfium_c.FPDFTextObj_GetFont, _VOID, _VOID)

_LIGATURES = {"ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02", "ffi": "\ufb03", "ffl": "\ufb04",
              "\u017ft": "\ufb05", "st": "\ufb06"}
"""PDFium's spelling of each ligature glyph it splits -> the glyph pdfplumber reports."""


@dataclass(slots=True, eq=False, repr=False)
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
            ok = _glyph_width(self.handle, code, 1.0, ctypes.addressof(out))
            width = self.widths[code] = out.value if ok and out.value > 0 else 0.0
        return width


@dataclass(frozen=True, slots=True, eq=False, repr=False)
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


@dataclass(frozen=True, slots=True, eq=False, repr=False)
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
        self.shared_styles: dict[tuple[bytes, float, float, int], _Style] = {}
        self.glyphs = empty()
        self.keys: npt.NDArray[np.uint64] = np.zeros(0, dtype=np.uint64)
        """The text object of each glyph of `glyphs`."""
        self.present: set[int] = set()
        """Text objects PDFium's text page holds (glyphs or not): never redrawn copies."""
        self.clones: dict[int, Glyphs] = {}
        self.described: dict[int, _TextObject] = {}
        """Text objects already described (`_described`), by handle."""

    def read(self) -> Glyphs:
        """The page's real glyphs: PDFium's own, then the overprinted copies it dropped."""
        self.glyphs = self.textpage_glyphs()
        copies = self.dropped_copies()
        return Glyphs.concat([self.glyphs, *copies]) if copies else self.glyphs

    def textpage_glyphs(self) -> Glyphs:
        """The glyphs PDFium's text page keeps, in its order, ligature pieces joined.

        The hot path of the backend: a few ctypes calls per glyph, driven by map(),
        origins written straight into arrays; boxes of the common
        glyph (upright, of known width) are then computed for all glyphs at once,
        and only the rest (`glyph`) one by one.
        """
        tp = _address(self.textpage.raw)
        handle = ctypes.c_void_p(tp)  # what the argument-free prototypes (`_per_glyph`) take
        count = pdfium_c.FPDFText_CountChars(self.textpage)
        # map() drives the ctypes calls from C: no Python loop step per glyph.
        codes = list(map(_get_unicode, repeat(handle, count), range(count)))
        code_array = np.array(codes, dtype=np.int64)
        # PDFium only ever generates spaces and line breaks: ask only about those.
        maybe = np.flatnonzero((code_array == 0x20) | (code_array == 0x0D) | (code_array == 0x0A))
        candidates = maybe.tolist()
        generated = list(compress(candidates, [flag == 1 for flag in map(
            _is_generated, repeat(handle, len(candidates)), candidates)]))
        keep = np.ones(count, dtype=np.bool_)
        keep[generated] = False
        index_array = np.flatnonzero(keep)
        kept = index_array.tolist()
        objects = np.array(list(map(_get_text_object, repeat(handle, len(kept)), kept)), dtype=np.uint64)
        self.present = set(objects.tolist())
        # A glyph with no text at all is dropped (pdfplumber drops those too).
        chosen = code_array[index_array] != 0
        index_array, keys = index_array[chosen], objects[chosen]
        index = index_array.tolist()
        n = len(index)
        xs, ys = np.zeros(n), np.zeros(n)
        x_buffer = (ctypes.c_double * n).from_address(xs.ctypes.data)
        y_buffer = (ctypes.c_double * n).from_address(ys.ctypes.data)
        offsets = range(0, 8 * n, 8)
        done = list(map(_get_origin, repeat(handle, n), index, map(ctypes.byref, repeat(x_buffer), offsets),
                        map(ctypes.byref, repeat(y_buffer), offsets)))
        if not all(done):  # PDFium could not tell: the last origin it gave stands
            _carry_forward(xs, ys, done)
        glyph_codes = code_array[index_array]  # a copy: the hyphen marks are mended in it
        texts = list(map(chr, glyph_codes.tolist()))
        hyphens = np.flatnonzero(glyph_codes == _HYPHEN_MARK)
        for k in hyphens.tolist():
            texts[k] = "-"
        glyph_codes[hyphens] = ord("-")
        found = self._styles_of(keys, index)
        joined = _ligature_pieces(keys, xs, ys, texts)
        # PDFium's own word spaces are not glyphs (pdfplumber has none there), but they say a
        # word ends: the layout then takes a narrower gap for a space (a kerned one).
        spaces = np.array([i for i in generated if codes[i] == 0x20], dtype=np.int64)
        spaced = np.isin(index_array - 1, spaces)  # the hot path: no loop over glyphs
        return self._boxes(index, texts, glyph_codes, xs, ys, keys, found, joined, spaced)

    def _styles_of(self, keys: npt.NDArray[np.uint64], index: list[int]) -> tuple[list[_Style], Ints]:
        """Each distinct text object's style, read at its first glyph, and each glyph's style."""
        if not len(keys):
            return [], np.zeros(0, dtype=np.int64)
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        styles = [self.styles.get(key) or self.style(key, index[k])
                  for key, k in zip(distinct.tolist(), first.tolist())]
        return styles, inverse.reshape(-1).astype(np.int64)

    def _boxes(self, index: list[int], texts: list[str], codes: Ints, xs: Floats, ys: Floats,
               keys: npt.NDArray[np.uint64], found: tuple[list[_Style], Ints],
               joined: dict[int, int], spaced: Flags) -> Glyphs:
        """Box every glyph as pdfminer does: all at once for upright glyphs of known width."""
        n = len(index)
        styles, sidx = found
        advance = self._advances(codes, sidx, styles)
        straight = [st.straight or (0.0, 0.0, 0.0, 0.0, 0.0) for st in styles]
        table = np.array(straight, dtype=np.float64).reshape(-1, 5)[sidx] if n else np.zeros((0, 5))
        ok = np.array([st.straight is not None for st in styles], dtype=np.bool_)[sidx] if n else \
            np.zeros(0, dtype=np.bool_)
        fast = ok & (advance > 0)
        dx, base, per_advance, descent, height = (table[:, j] for j in range(5))
        x0 = xs + dx
        x1 = x0 + advance * per_advance
        bottom = base - ys - descent
        top = bottom - height
        pick = np.array([(st.size, st.font.bold, st.font.italic) for st in styles],
                        dtype=np.float64).reshape(-1, 3)[sidx] if n else np.zeros((0, 3))
        size = pick[:, 0].copy()
        bold, italic = pick[:, 1] > 0, pick[:, 2] > 0
        upright = np.ones(n, dtype=np.bool_)
        direction = np.zeros(n, dtype=np.int64)
        read, texts = texts, list(texts)
        slow = [(k, k) for k in np.flatnonzero(~fast).tolist() if k not in joined]
        for k, last in [*slow, *joined.items()]:
            text = read[k]
            if last != k:  # ligature pieces: one glyph, read at the last piece
                text = "".join(read[k:last + 1])
                text = _LIGATURES.get(text, text)
            char = self.glyph(index[last], text, float(xs[k]), float(ys[k]), styles[sidx[k]])
            texts[k] = char.text
            x0[k], top[k], x1[k], bottom[k], size[k] = char.x0, char.top, char.x1, char.bottom, char.size
            bold[k], italic[k], upright[k], direction[k] = (char.bold, char.italic, char.upright,
                                                            char.direction)
        keep = np.ones(n, dtype=np.bool_)
        for k, last in joined.items():
            keep[k + 1:last + 1] = False
        glyphs = Glyphs(texts, x0, top, x1, bottom, size, bold, italic, upright, direction, spaced)
        if not keep.all():
            glyphs = glyphs.take(np.flatnonzero(keep))
            keys = keys[keep]
        self.keys = keys
        return glyphs

    def _advances(self, codes: Ints, sidx: Ints, styles: list[_Style]) -> Floats:
        """Each glyph's advance per point of font size (0.0 when unknown), from its code point."""
        fonts: dict[int, _Font] = {}
        font_of = np.array([fonts.setdefault(id(st.font), st.font) and list(fonts).index(id(st.font))
                            for st in styles], dtype=np.int64)
        if not len(codes):
            return np.zeros(0)
        # One sort for the page: (font, code point) packed in one integer (code points < 2**21).
        distinct, inverse = np.unique(font_of[sidx] << 21 | codes, return_inverse=True)
        by_number = list(fonts.values())
        values = np.array([by_number[key >> 21].advance(key & 0x1FFFFF) for key in distinct.tolist()],
                          dtype=np.float64)
        out: Floats = values[inverse.reshape(-1)]
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
        if straight is not None:  # upright: the height every glyph of the font gets, so that
            # a ligature whose advance is unknown sits on its line's row like its neighbours
            _, base, _, descent, height = straight
            bottom = base - y - descent
            top = bottom - height
        size = style.size if style.upright else bottom - top  # pdfminer: the box's height
        font = style.font
        return Char(text, x0, top, x1, bottom, size, font.bold, font.italic, style.upright,
                    style.direction)

    def style(self, key: int, index: int) -> _Style:
        """Font, size and orientation of text object `key`, read at its glyph `index`."""
        m = pdfium_c.FS_MATRIX()
        textpage = _address(self.textpage.raw)
        _char_matrix(textpage, index, ctypes.addressof(m))
        tf = float(_char_font_size(textpage, index))
        handle = _text_font(key) or 0
        # Text objects of a page mostly share a few styles: one is made per distinct font,
        # size and matrix. The key holds the matrix's bytes (a to d) and the size's sign,
        # so that -0.0 and 0.0 stay apart.
        same = (bytes(m)[:16], tf, math.copysign(1.0, tf), handle)
        known = self.shared_styles.get(same)
        if known is not None:
            self.styles[key] = known
            return known
        font = self.font(handle)
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
        self.styles[key] = self.shared_styles[same] = style
        return style

    def font(self, key: int) -> _Font:
        """A font handle's style (from its name, as pdfplumber decides it) and metrics."""
        font = self.fonts.get(key)
        if font is None:
            name = ctypes.create_string_buffer(_FONT_NAME_BUFFER)
            _font_name(key, name, _FONT_NAME_BUFFER)
            bold, italic = font_style(name.value.decode("utf-8", "replace"))
            descent = ctypes.c_float()
            if not _font_descent(key, 1.0, ctypes.addressof(descent)):
                descent.value = 0.0
            font = self.fonts[key] = _Font(key, bold, italic, descent.value, {})
        return font

    def dropped_copies(self) -> list[Glyphs]:
        """Glyphs of text objects PDFium skipped as redrawn copies of an earlier one.

        PDFium compares each text object with the five text objects before it in
        the same content stream (page or form) and drops it when they match; we
        walk the same objects in the same order and clone the glyphs of the one
        that was kept, moved by the offset between the two objects. A dropped object
        none of those five matches (a run drawn again glyph by glyph, one text object a
        glyph, as Chromium may) is matched against every earlier one of the stream.
        """
        out: list[Glyphs] = []
        page = _address(self.page.raw)
        self._walk([_page_object(page, j) for j in range(_page_count_objects(page))], out)
        return out

    def _walk(self, objects: list[int], out: list[Glyphs]) -> None:
        # Text objects are described (four calls each) only when one that PDFium dropped
        # is compared with them: on most pages none was dropped and none is described.
        recent: list[int] = []
        earlier: list[int] = []  # every text object before, for a copy drawn further back
        for obj in objects:
            kind = _object_type(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                count = _form_count_objects(obj)
                self._walk([_form_object(obj, j) for j in range(count)], out)
                continue
            if kind != pdfium_c.FPDF_PAGEOBJ_TEXT:
                continue
            if obj not in self.present and obj not in self.clones:
                info = self._described(obj)
                if info.right - info.left >= 0.01:
                    source = next((o for o in map(self._described, reversed(recent)) if info.copies(o)),
                                  None)
                    if source is None:  # a run redrawn glyph by glyph: its first copy is further back
                        further = islice(reversed(earlier), len(recent), None)  # no copy of the list
                        source = next((o for o in map(self._described, further) if info.copies(o)), None)
                    if source is not None:
                        clones = self.moved(self.of_object(source.key), info, source)
                        self.clones[info.key] = clones  # a copy of this copy resolves too
                        out.append(clones)
            recent = [*recent[-4:], obj]
            earlier.append(obj)

    def _described(self, obj: int) -> _TextObject:
        """`describe`, once per text object of the page."""
        info = self.described.get(obj)
        if info is None:
            info = self.described[obj] = self.describe(obj)
        return info

    def of_object(self, key: int) -> Glyphs:
        """The glyphs read from text object `key` (or cloned for it), in order."""
        if key in self.clones:
            return self.clones[key]
        if key not in self.present:
            return empty()
        return self.glyphs.take(np.flatnonzero(self.keys == np.uint64(key)))

    def describe(self, obj: int) -> _TextObject:
        box = self._box
        for value in (*box, self._size):
            value.value = 0.0  # what a failed call leaves
        _object_bounds(obj, *self._box_refs)
        _text_font_size(obj, self._size_ref)
        return _TextObject(obj, _text_font(obj) or 0, self._size.value,
                           box[0].value, box[1].value, box[2].value, box[3].value)

    def moved(self, glyphs: Glyphs, copy: _TextObject, source: _TextObject) -> Glyphs:
        """`glyphs` shifted from where `source` is to where `copy` is, in page space."""
        dx, dy = copy.left - source.left, copy.bottom - source.bottom
        a, b, c, d = self.frame.ctm[:4]
        px, py = a * dx + c * dy, b * dx + d * dy  # user-space offset -> page space (y down)
        return Glyphs(list(glyphs.text), glyphs.x0 + px, glyphs.top - py, glyphs.x1 + px,
                      glyphs.bottom - py, glyphs.size, glyphs.bold, glyphs.italic,
                      glyphs.upright, glyphs.direction, glyphs.spaced)

    _box = tuple(ctypes.c_float() for _ in range(4))
    _box_refs = tuple(ctypes.byref(v) for v in _box)
    _size = ctypes.c_float()
    _size_ref = ctypes.byref(_size)


def _carry_forward(xs: Floats, ys: Floats, done: list[int]) -> None:
    """Where PDFium gave no origin, the last one it gave stands (0, 0 before any)."""
    for k, ok in enumerate(done):
        if not ok:
            xs[k], ys[k] = (xs[k - 1], ys[k - 1]) if k else (0.0, 0.0)


def _ligature_pieces(keys: npt.NDArray[np.uint64], xs: Floats, ys: Floats,
                     texts: list[str]) -> dict[int, int]:
    """Glyphs PDFium split into pieces at one origin: first piece -> last piece.

    Only glyphs at the same origin as the one before them, in the same text
    object, are looked at (a vector comparison finds them).
    """
    if len(texts) < 2:
        return {}
    same = (keys[1:] == keys[:-1]) & (xs[1:] == xs[:-1]) & (ys[1:] == ys[:-1])
    joined: dict[int, int] = {}
    head_of: dict[int, int] = {}
    for k in (np.flatnonzero(same) + 1).tolist():
        head = head_of.get(k - 1, k - 1)
        if _continues("".join(texts[head:k]), texts[k]):
            joined[head] = k
            head_of[k] = head
    return joined


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
            glyphs = _PageReader(page, textpage, frame).read()
        finally:
            textpage.close()
    except pdfium.PdfiumError as exc:
        raise BrokenPDF(f"page {index + 1}: damaged page ({exc})", path) from None
    finally:
        page.close()
    return Page(index + 1, frame.width, frame.height, glyphs)


REOPEN_PAGES = 200
"""PDFium keeps what it parsed of every page until the document closes (about 50 KB a
page of a typical booklet); reopening the document after this many pages keeps memory
flat for any length, at the cost of one reopen (a few ms) per that many pages."""


@dataclass(slots=True, eq=False, repr=False)
class _Open:
    """An open document and how to open it again."""

    doc: pdfium.PdfDocument
    data: bytes | Path
    password: str | None
    served: int = 0


class PdfiumBackend:
    """PDFium's way through `pdf_reader.read_pdf`'s steps."""

    def open(self, data: bytes | Path, path: str, password: str | None) -> _Open:
        return _Open(open_document(data, path, password), data, password)

    def page_count(self, doc: _Open, path: str) -> int:
        return len(doc.doc)

    def read_page(self, doc: _Open, index: int, path: str) -> Page:
        if doc.served and doc.served % REOPEN_PAGES == 0:
            doc.doc.close()
            doc.doc = open_document(doc.data, path, doc.password)
        doc.served += 1
        return read_page(doc.doc, index, path)

    def close(self, doc: _Open) -> None:
        doc.doc.close()


def lines_from_pdf_pdfium(
    data: bytes | Path, path: str, *, password: str | None = None, pages: tuple[int, int] | None = None
) -> SourceDocument:
    """Open, read each selected page's glyphs, and lay them out into lines."""
    return read_pdf(PdfiumBackend(), data, path, password=password, pages=pages)
