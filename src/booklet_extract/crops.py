"""Page crops for the review page: the region a field was read from, outlined, as a `data:` image.

A reviewer trusts a field when they see it beside the print it came from. Each
needed page is rendered once (pypdfium2, at `SCALE` times 72 dpi), every
region on it is cut from that one bitmap, and the bitmap is dropped before the
next page: memory holds one page, whatever the booklet's length. The outline
is drawn `PAD` points outside the region, so it never covers a letter; a
margin of `CONTEXT` points shows what surrounds it. JPEG at `QUALITY` holds
the sample's page near 3.5 MB; WebP would be 40% smaller but encodes five
times slower, and the crops must not cost more than the extraction's half.
"""

from __future__ import annotations

import base64
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SCALE = 2.0
"""Pixels per PDF point: 2x, sharp on a high-density screen."""
PAD = 2.5
"""Points between a region's text and its outline."""
CONTEXT = 9.0
"""Points of the page shown around a region."""
QUALITY = 70
OUTLINE = 2
"""Outline width in pixels."""

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Region:
    """A box on one page (1-based), `[x0, top, x1, bottom]` in PDF points, top-left origin."""

    page: int
    bbox: tuple[float, float, float, float]


@dataclass(frozen=True)
class Crop:
    """An image ready for `<img src>`, with its size in PDF points (the page's own scale)."""

    uri: str
    width: int
    height: int


def render_crops(
    data: bytes, regions: Iterable[Region], colours: Mapping[Region, Colour], *,
    path: str, password: str | None = None,
) -> dict[Region, Crop]:
    """Every region's crop, each page rendered once; regions off the document are left out."""
    by_page: dict[int, list[Region]] = defaultdict(list)
    for region in dict.fromkeys(regions):
        by_page[region.page].append(region)
    from .sources.pdfium import open_document  # PDFium and numpy load only for a review

    crops: dict[Region, Crop] = {}
    pdf = open_document(data, path, password)
    try:
        for number in sorted(by_page):
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            try:
                bitmap, origin = _render_around(page, by_page[number])
            finally:
                page.close()
            image = bitmap.to_pil()  # shares the bitmap's memory: `bitmap` stays alive meanwhile
            for region in by_page[number]:
                crops[region] = _crop(image, origin, region, colours.get(region, (220, 20, 60)))
            del image, bitmap
    finally:
        pdf.close()
    return crops


def _render_around(page: Any, regions: list[Region]) -> tuple[Any, tuple[float, float]]:
    """Render only the part of the page the regions (and their context) cover: photos and
    margins elsewhere cost nothing. Returns the bitmap (RGBX: Pillow reads it without a
    copy, JPEG encodes it as RGB) and its top-left corner in points."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    left = max(0.0, min(r.bbox[0] for r in regions) - CONTEXT - PAD)
    top = max(0.0, min(r.bbox[1] for r in regions) - CONTEXT - PAD)
    right = min(width, max(r.bbox[2] for r in regions) + CONTEXT + PAD)
    bottom = min(height, max(r.bbox[3] for r in regions) + CONTEXT + PAD)
    if right <= left or bottom <= top:  # every box off the page: render it whole
        left, top, right, bottom = 0.0, 0.0, width, height
    bitmap = page.render(scale=SCALE, crop=(left, height - bottom, width - right, top), rev_byteorder=True,
                         force_bitmap_format=pdfium_c.FPDFBitmap_BGRx)
    return bitmap, (left, top)


def _crop(image: Any, origin: tuple[float, float], region: Region, colour: Colour) -> Crop:
    """Cut `region` with its context from a rendered page, outline it, encode it."""
    from PIL import ImageDraw

    ox, oy = origin
    x0, top, x1, bottom = ((region.bbox[0] - ox) * SCALE, (region.bbox[1] - oy) * SCALE,
                           (region.bbox[2] - ox) * SCALE, (region.bbox[3] - oy) * SCALE)
    pad, context = PAD * SCALE, CONTEXT * SCALE
    left, upper = max(0, int(x0 - context)), max(0, int(top - context))
    right, lower = min(image.width, int(x1 + context + 1)), min(image.height, int(bottom + context + 1))
    if right <= left or lower <= upper:  # a box outside the page: show the page's corner it names
        left, upper, right, lower = 0, 0, min(image.width, 40), min(image.height, 40)
    piece = image.crop((left, upper, right, lower))
    draw = ImageDraw.Draw(piece)
    draw.rectangle((x0 - pad - left, top - pad - upper, x1 + pad - left, bottom + pad - upper),
                   outline=colour, width=OUTLINE)
    buffer = io.BytesIO()
    piece.save(buffer, "JPEG", quality=QUALITY, optimize=True)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return Crop(uri=f"data:image/jpeg;base64,{encoded}", width=max(1, round(piece.width / SCALE)),
                height=max(1, round(piece.height / SCALE)))
