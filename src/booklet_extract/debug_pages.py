"""`--debug-pages DIR`: each PDF page as a PNG with the extracted fields' boxes drawn.

A person can then see at a glance what was taken from where. Each box is an
outline drawn a few points outside the text it frames (never over a letter),
in its field's colour (`palette.py`, the review page's too), with a short
label beside its top-left corner; a legend band under the page says which
colour is which field, and which backend and pages were read. Only the pages
`--pages` asked for are drawn, at `--dpi` (default 150).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from .errors import OutputError, UsageError
from .models import Booklet, Provenance
from .output import make_folder
from .palette import COLOURS, KIND_LABELS, SHORT_LABELS

DEFAULT_DPI = 150
DPI_RANGE = (18, 600)
PAD = 2.5
"""Points between a field's text and its outline."""
FLAG_PAD = 1.2
"""Points between a flagged line and its outline: inside the field's own outline, and within
the gap between two lines of text (about 3 points in body text)."""
Box = tuple[str, str, list[float]]
"""(colour kind, label, bbox)."""


def _boxes(booklet: Booklet) -> dict[int, list[Box]]:
    """Page number -> (kind, label, bbox) for every field of every city, and every flag."""
    by_page: dict[int, list[Box]] = defaultdict(list)

    def add(kind: str, prov: Provenance | None, label: str | None = None) -> None:
        if prov is not None:
            for box in prov.boxes:
                by_page[box.page].append((kind, label or SHORT_LABELS[kind], box.bbox))

    front = booklet.booklet.provenance
    for prov in (front.title, front.introduction, front.foreword, front.signatory, *front.listed_cities):
        add("front", prov)
    for city in booklet.cities:
        p = city.provenance
        add("heading", p.heading, f"{city.number} head")
        for key, short in (("population", "pop"), ("area_km2", "area"), ("gdp_usd", "gdp")):
            add("stats", getattr(p.stats, key), short)
        add("intro", p.intro)
        for number, item in enumerate(p.initiatives, start=1):
            add("initiative", item, f"init {number}")
        add("quote", p.quote)
        add("attribution", p.attribution)
        for caption in p.captions:
            add("caption", caption)
    for flag in booklet.flags:
        if flag.page is not None and flag.bbox is not None:
            by_page[flag.page].append(("flag", flag.kind.split("_")[0], flag.bbox))
    return by_page


def render_debug_pages(path: Path, booklet: Booklet, out_dir: Path, *, password: str | None = None,
                       resolution: int = DEFAULT_DPI, pages: tuple[int, int] | None = None,
                       backend: str = "pdfplumber") -> int:
    """Write DIR/page-NNN.png for each page read (`pages`: the --pages range); return how many."""
    if booklet.source.format != "pdf":
        raise UsageError("--debug-pages needs a PDF input", str(path))
    if not DPI_RANGE[0] <= resolution <= DPI_RANGE[1]:
        raise UsageError(f"--dpi {resolution} is out of range ({DPI_RANGE[0]} to {DPI_RANGE[1]})", str(path))
    from .sources.pdfium import open_document

    make_folder(out_dir)
    by_page = _boxes(booklet)
    scale = resolution / 72
    written = 0
    pdf = open_document(Path(path).read_bytes(), str(path), password)
    try:
        first, last = pages if pages is not None else (1, 0)
        last = min(last or len(pdf), len(pdf))
        for number in range(first, last + 1):
            page = pdf[number - 1]
            try:
                image = page.render(scale=scale).to_pil().convert("RGB")
            finally:
                page.close()
            image = _draw(image, by_page.get(number, []), scale, f"page {number}, backend {backend}")
            target = out_dir / f"page-{number:03d}.png"
            try:
                image.save(target)
            except OSError as exc:
                raise OutputError(f"cannot write a page image ({exc.strerror or exc})", str(target)) from None
            written += 1
    finally:
        pdf.close()
    return written


def dpi(text: str) -> int:
    """`--dpi`'s argument type: refused at parse time, before any work, when out of range."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid resolution {text!r} (a whole number of dots per inch)") from None
    if not DPI_RANGE[0] <= value <= DPI_RANGE[1]:
        raise argparse.ArgumentTypeError(f"{value} is out of range ({DPI_RANGE[0]} to {DPI_RANGE[1]})")
    return value


def _font(size: int) -> Any:
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except (TypeError, ImportError, OSError):  # Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()


def _draw(page: Any, boxes: list[Box], scale: float, caption: str) -> Any:
    """Outlines and labels on the page, and the legend band under it."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(page)
    font = _font(max(9, round(6 * scale)))
    width = max(1, round(scale))
    for kind, label, (x0, top, x1, bottom) in boxes:
        colour = COLOURS[kind]
        pad = (FLAG_PAD if kind == "flag" else PAD) * scale
        left, upper, right, lower = x0 * scale - pad, top * scale - pad, x1 * scale + pad, bottom * scale + pad
        draw.rectangle((left, upper, right, lower), outline=colour, width=width)
        tag = draw.textbbox((0, 0), label, font=font)
        w, h = tag[2] - tag[0] + 4, tag[3] - tag[1] + 2
        # Fields: left of the top-left corner, in the margin or gutter; flags: right of the
        # top-right corner, so a flag's label never hides its field's. Above where there is no room.
        if kind == "flag":
            at = (right + 1, upper) if right + w + 1 <= page.width else (right - w, max(0.0, upper - h - 1))
        else:
            at = (left - w - 1, upper) if left - w - 1 >= 0 else (left, max(0.0, upper - h - 1))
        draw.rectangle((at[0], at[1], at[0] + w, at[1] + h), fill=colour)
        draw.text((at[0] + 2 - tag[0], at[1] + 1 - tag[1]), label, fill=(255, 255, 255), font=font)
    return _with_legend(page, font, caption)


def _with_legend(page: Any, font: Any, caption: str) -> Any:
    """The page with a band under it: one swatch and name per field colour, then the caption."""
    from PIL import Image, ImageDraw

    probe = ImageDraw.Draw(page)
    line = int(probe.textbbox((0, 0), "Ag", font=font)[3]) + 8
    items = [(COLOURS[kind], KIND_LABELS[kind]) for kind in COLOURS]
    x, rows = 10, 1
    for _, name in items:  # how many rows the legend needs at this width
        w = int(probe.textbbox((0, 0), name, font=font)[2]) + line + 24
        if x + w > page.width - 10:
            x, rows = 10, rows + 1
        x += w
    band = (rows + 1) * line + 10
    out = Image.new("RGB", (page.width, page.height + band), (255, 255, 255))
    out.paste(page, (0, 0))
    draw = ImageDraw.Draw(out)
    draw.line((0, page.height, page.width, page.height), fill=(160, 160, 160), width=1)
    x, y = 10, page.height + 6
    for colour, name in items:
        w = int(draw.textbbox((0, 0), name, font=font)[2]) + line + 24
        if x + w > page.width - 10:
            x, y = 10, y + line
        draw.rectangle((x, y + 2, x + line - 8, y + line - 6), outline=colour, width=3)
        draw.text((x + line, y), name, fill=(30, 30, 30), font=font)
        x += w
    draw.text((10, y + line), caption, fill=(90, 90, 90), font=font)
    return out
