"""`--debug-pages DIR`: each PDF page as a PNG with the extracted fields' boxes drawn.

A person can then see at a glance what was taken from where. Colours by field:
heading red, stats orange, intro blue, initiatives green, quote purple,
attribution magenta, captions grey, front matter teal, flags (repairs) yellow.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .errors import OutputError, UsageError
from .models import Booklet, Provenance
from .output import make_folder

COLOURS = {
    "heading": (220, 20, 60),
    "stats": (255, 140, 0),
    "intro": (30, 100, 220),
    "initiative": (20, 160, 60),
    "quote": (140, 40, 200),
    "attribution": (220, 0, 180),
    "caption": (110, 110, 110),
    "flag": (230, 200, 0),
    "front": (0, 150, 150),
}


def _boxes(booklet: Booklet) -> dict[int, list[tuple[str, list[float]]]]:
    """Page number -> (field kind, bbox) for every field of every city, and every flag."""
    by_page: dict[int, list[tuple[str, list[float]]]] = defaultdict(list)

    def add(kind: str, prov: Provenance | None) -> None:
        if prov is not None:
            for box in prov.boxes:
                by_page[box.page].append((kind, box.bbox))

    front = booklet.booklet.provenance
    for prov in (front.title, front.introduction, front.foreword, front.signatory, *front.listed_cities):
        add("front", prov)
    for city in booklet.cities:
        p = city.provenance
        add("heading", p.heading)
        for key in ("population", "area_km2", "gdp_usd"):
            add("stats", getattr(p.stats, key))
        add("intro", p.intro)
        for item in p.initiatives:
            add("initiative", item)
        add("quote", p.quote)
        add("attribution", p.attribution)
        for caption in p.captions:
            add("caption", caption)
    for flag in booklet.flags:
        if flag.page is not None and flag.bbox is not None:
            by_page[flag.page].append(("flag", flag.bbox))
    return by_page


def render_debug_pages(path: Path, booklet: Booklet, out_dir: Path, *, password: str | None = None,
                       resolution: int = 72) -> int:
    """Write DIR/page-NNN.png for each page; return how many were written."""
    if booklet.source.format != "pdf":
        raise UsageError("--debug-pages needs a PDF input", str(path))
    import pdfplumber

    make_folder(out_dir)
    by_page = _boxes(booklet)
    written = 0
    with pdfplumber.open(path, password=password or "") as pdf:
        for index, page in enumerate(pdf.pages, start=1):
            image = page.to_image(resolution=resolution)
            for kind, bbox in by_page.get(index, []):
                colour = COLOURS[kind]
                x0, top, x1, bottom = bbox
                image.draw_rect((x0, top, x1, bottom), fill=(*colour, 40), stroke=(*colour, 255), stroke_width=2)
            target = out_dir / f"page-{index:03d}.png"
            try:
                image.save(target)
            except OSError as exc:
                raise OutputError(f"cannot write a page image ({exc.strerror or exc})", str(target)) from None
            page.close()
            written += 1
    return written
