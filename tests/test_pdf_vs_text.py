"""The PDF gives the same fields as its text layer, plus page and box everywhere."""

from __future__ import annotations

from typing import Any

from booklet_extract.models import Booklet, Provenance


def _fields(booklet: Booklet) -> list[dict[str, Any]]:
    return [c.model_dump(exclude={"provenance"}) for c in booklet.cities]


def test_same_cities_and_fields(sample_text_booklet: Booklet, sample_pdf_booklet: Booklet) -> None:
    assert len(sample_pdf_booklet.cities) == 10
    assert _fields(sample_pdf_booklet) == _fields(sample_text_booklet)
    assert sample_pdf_booklet.booklet.model_dump(exclude={"provenance"}) == sample_text_booklet.booklet.model_dump(
        exclude={"provenance"}
    )


def test_same_repairs(sample_text_booklet: Booklet, sample_pdf_booklet: Booklet) -> None:
    def fixes(b: Booklet, kind: str) -> list[str | None]:
        return sorted((f.fixed or "") for f in b.flags if f.kind == kind)

    for kind in ("ligature_split", "hyphen_join", "malformed_number"):
        assert fixes(sample_pdf_booklet, kind) == fixes(sample_text_booklet, kind), kind
    assert set(fixes(sample_pdf_booklet, "duplicate")) == set(fixes(sample_text_booklet, "duplicate"))


def _has_box(p: Provenance | None) -> bool:
    return p is not None and bool(p.pages) and bool(p.boxes) and all(len(b.bbox) == 4 for b in p.boxes)


def test_every_field_has_page_and_box(sample_pdf_booklet: Booklet) -> None:
    for city in sample_pdf_booklet.cities:
        prov = city.provenance
        assert _has_box(prov.heading), city.city
        for key in ("population", "area_km2", "gdp_usd"):
            assert _has_box(getattr(prov.stats, key)), (city.city, key)
        assert _has_box(prov.intro) and _has_box(prov.quote) and _has_box(prov.attribution), city.city
        assert len(prov.initiatives) == len(city.initiatives) and all(map(_has_box, prov.initiatives))
        assert len(prov.captions) == len(city.captions) and all(map(_has_box, prov.captions))


def test_every_flag_has_page_and_box(sample_pdf_booklet: Booklet) -> None:
    for flag in sample_pdf_booklet.flags:
        if flag.kind in ("ligature_split", "hyphen_join", "duplicate", "malformed_number"):
            assert flag.page is not None and flag.bbox is not None, flag


def test_boxes_lie_on_the_page(sample_pdf_booklet: Booklet) -> None:
    # The sample is A4 landscape: 841.89 x 595.28 points.
    for city in sample_pdf_booklet.cities:
        for box in city.provenance.heading.boxes + city.provenance.intro.boxes:  # type: ignore[union-attr]
            x0, top, x1, bottom = box.bbox
            assert 0 <= x0 < x1 <= 842 and 0 <= top < bottom <= 596
