"""The output contract (schema_version "1.0") as pydantic models. No logic here.

`schemas/booklet.schema.json` is generated from `Booklet` by
`scripts/export_schema.py`; a test fails when the two drift apart.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .compact_model import CompactModel

SCHEMA_VERSION = "1.0"  # keep equal to Booklet.schema_version


class _Model(CompactModel):  # instances share their set of given field names (memory)
    model_config = ConfigDict(extra="forbid")


class PageBox(_Model):
    """Where a piece of text sits on one page."""

    page: int = Field(ge=1, description="1-based page number")
    bbox: list[float] = Field(
        min_length=4, max_length=4, description="[x0, top, x1, bottom] in PDF points"
    )


class Provenance(_Model):
    """Where a field came from: input line numbers, and for PDFs pages and boxes."""

    lines: list[int] = Field(description="1-based line numbers in the extracted text")
    pages: list[int] = Field(default_factory=list, description="1-based pages (PDF only)")
    boxes: list[PageBox] = Field(
        default_factory=list, description="union box of the field's lines, one per page"
    )


class Stat(_Model):
    """A figure from the stats box, kept as printed and parsed when it parses."""

    raw: str = Field(description="the figure as printed, unit included")
    value: int | float | None = Field(description="parsed number; null when malformed")
    year: int | None = Field(description="the year printed in parentheses, if any")


class Stats(_Model):
    population: Stat | None = None
    area_km2: Stat | None = None
    gdp_usd: Stat | None = None


class Initiative(_Model):
    number: int = Field(ge=1, description="1-based, in reading order")
    text: str
    name: str | None = Field(default=None, description="the programme's name, when the text names it")


class Quote(_Model):
    text: str = Field(description="the quote without its outer quotation marks")
    speaker: str | None = None
    role: str | None = None


class StatsProvenance(_Model):
    population: Provenance | None = None
    area_km2: Provenance | None = None
    gdp_usd: Provenance | None = None


class CityProvenance(_Model):
    heading: Provenance
    stats: StatsProvenance = Field(default_factory=StatsProvenance)
    intro: Provenance | None = None
    initiatives: list[Provenance] = Field(default_factory=list)
    quote: Provenance | None = None
    attribution: Provenance | None = None
    captions: list[Provenance] = Field(default_factory=list)


class City(_Model):
    number: int
    country: str
    city: str
    stats: Stats = Field(default_factory=Stats)
    intro: str | None = None
    initiatives: list[Initiative] = Field(default_factory=list)
    quote: Quote | None = None
    captions: list[str] = Field(default_factory=list)
    provenance: CityProvenance


class Signatory(_Model):
    name: str
    role: str | None = None
    organization: str | None = None


class ListedCity(_Model):
    country: str
    city: str


class FrontMatterProvenance(_Model):
    title: Provenance | None = None
    introduction: Provenance | None = None
    foreword: Provenance | None = None
    signatory: Provenance | None = None
    listed_cities: list[Provenance] = Field(default_factory=list)


class FrontMatter(_Model):
    title: str | None = None
    year: int | None = None
    introduction: str | None = None
    foreword: str | None = None
    signatory: Signatory | None = None
    listed_cities: list[ListedCity] = Field(default_factory=list)
    provenance: FrontMatterProvenance = Field(default_factory=FrontMatterProvenance)


FlagKind = Literal[
    "ligature_split",
    "hyphen_join",
    "hyphen_kept",
    "duplicate",
    "malformed_number",
    "other_currency",
    "missing_field",
    "count_mismatch",
    "unassigned_text",
    "no_sections",
    "unreadable_glyph",
    "reading_order",
]


class Flag(_Model):
    """Something the PDF did to the text, or something the booklet lacks."""

    kind: FlagKind
    message: str
    printed: str | None = None
    fixed: str | None = None
    city: int | None = Field(default=None, description="number of the city concerned")
    page: int | None = None
    line: int | None = None
    bbox: list[float] | None = Field(default=None, min_length=4, max_length=4)


class Coverage(_Model):
    """Every non-blank input line is assigned to a field, recognised as noise, or unassigned."""

    lines: int
    assigned: int
    noise: int
    unassigned: int


class Source(_Model):
    path: str | None
    sha256: str
    format: Literal["pdf", "text"]
    pages: int | None


class Booklet(_Model):
    schema_version: Literal["1.0"] = "1.0"
    source: Source
    booklet: FrontMatter
    cities: list[City]
    flags: list[Flag]
    coverage: Coverage
