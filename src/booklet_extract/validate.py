"""Cross-field checks. Problems become flags, never exceptions: a booklet with a
missing quote is still worth extracting, and the reader must see what is missing.
"""

from __future__ import annotations

from collections import Counter

from .blocks import fold_name
from .models import Booklet, City, Flag, FrontMatter

PROBLEM_KINDS = frozenset(
    {"missing_field", "count_mismatch", "unassigned_text", "malformed_number", "other_currency", "no_sections"}
)
"""Flags that say the booklet is incomplete or unreadable (what --strict fails on)."""
UNSURE_KINDS = frozenset({"hyphen_kept"})
"""Flags that report printed text kept where a repair was unsure: neither a problem nor
an applied repair, a place for the reader to look."""
NO_SECTIONS = "no city sections found (no 'N. Country, City' heading)"


def count_problems(booklet: Booklet) -> int:
    return sum(f.kind in PROBLEM_KINDS for f in booklet.flags)


def has_no_sections(booklet: Booklet) -> bool:
    return any(f.kind == "no_sections" for f in booklet.flags)


def problem_summary(booklet: Booklet, first: int = 3) -> str | None:
    """One line: the problem flags counted per kind, and where the first few are.

    None when there is no problem flag. A location is the city (number and
    name), then the page for PDFs or the line for text.
    """
    problems = [f for f in booklet.flags if f.kind in PROBLEM_KINDS]
    if not problems:
        return None
    counts = Counter(f.kind for f in problems)
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    names = {c.number: c.city for c in booklet.cities}
    places = [f"{f.kind} at {_where(f, names)}" for f in problems[:first]]
    more = f"; {len(problems) - first} more" if len(problems) > first else ""
    return f"{len(problems)} problem flag(s): {kinds}; first: {'; '.join(places)}{more}"


def _where(flag: Flag, names: dict[int, str]) -> str:
    parts = []
    if flag.city is not None:
        parts.append(f"city {flag.city} ({names.get(flag.city, '?')})")
    if flag.page is not None:
        parts.append(f"page {flag.page}")
    elif flag.line is not None:
        parts.append(f"line {flag.line}")
    return ", ".join(parts) or "the whole booklet"


def _flag(kind: str, message: str, city: City | None = None) -> Flag:
    line = city.provenance.heading.lines[0] if city else None
    page = city.provenance.heading.pages[0] if city and city.provenance.heading.pages else None
    bbox = city.provenance.heading.boxes[0].bbox if city and city.provenance.heading.boxes else None
    return Flag(kind=kind, message=message, city=city.number if city else None,  # type: ignore[arg-type]
                line=line, page=page, bbox=bbox)


def check_cities(front: FrontMatter, cities: list[City]) -> list[Flag]:
    """The listed cities match the sections; numbering runs 1..N; each city is complete."""
    flags: list[Flag] = []
    if not cities:
        flags.append(_flag("no_sections", NO_SECTIONS))
    listed = [(fold_name(c.country), fold_name(c.city)) for c in front.listed_cities]
    found = [(fold_name(c.country), fold_name(c.city)) for c in cities]
    if listed and listed != found:
        missing = [f"{c}, {t}" for c, t in listed if (c, t) not in found]
        extra = [f"{c}, {t}" for c, t in found if (c, t) not in listed]
        detail = "; ".join(
            part for part in (
                f"listed but not found: {', '.join(missing)}" if missing else "",
                f"found but not listed: {', '.join(extra)}" if extra else "",
                "same cities in another order" if not missing and not extra else "",
            ) if part
        )
        flags.append(_flag("count_mismatch",
                           f"front matter lists {len(listed)} cities, {len(found)} sections found ({detail})"))
    numbers = [c.number for c in cities]
    if numbers and numbers != list(range(1, len(cities) + 1)):
        flags.append(_flag("count_mismatch", f"city numbering is {numbers}, expected 1..{len(cities)}"))

    for city in cities:
        for key in ("population", "area_km2", "gdp_usd"):
            if getattr(city.stats, key) is None:
                flags.append(_flag("missing_field", f"{city.city}: no {key} in the stats box", city))
        if city.intro is None:
            flags.append(_flag("missing_field", f"{city.city}: no intro paragraph", city))
        if not city.initiatives:
            flags.append(_flag("missing_field", f"{city.city}: no initiatives", city))
        if city.quote is None:
            flags.append(_flag("missing_field", f"{city.city}: no quote", city))
        elif city.quote.speaker is None:
            flags.append(_flag("missing_field", f"{city.city}: quote has no attribution", city))

    counts = Counter(len(c.initiatives) for c in cities if c.initiatives)
    if len(cities) >= 3 and len(counts) > 1:
        usual, seen = counts.most_common(1)[0]
        if seen > len(cities) // 2:
            for city in cities:
                if city.initiatives and len(city.initiatives) != usual:
                    flags.append(_flag(
                        "count_mismatch",
                        f"{city.city}: {len(city.initiatives)} initiatives where most cities have {usual}",
                        city,
                    ))
    return flags
