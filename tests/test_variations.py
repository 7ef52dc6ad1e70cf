"""Variation booklets: the 2019 sample edited the way another year's booklet could differ.

Each `variations/NAME.txt` is a complete booklet text; `variations/NAME.expected.json`
holds the values a careful reader takes from it, written by hand:

    {"about": "what the variation changes",
     "booklet": {"title", "year", "introduction", "foreword",
                 "signatory": {"name", "role", "organization"},
                 "listed_cities": [[country, city], ...]},
     "cities": [{"number", "country", "city",
                 "stats": {"population"|"area_km2"|"gdp_usd": {"raw", "value", "year"} | null},
                 "intro": str, "initiatives": [str, ...],
                 "quote": {"text", "speaker", "role"}, "captions": [str, ...]}],
     "flags": {kind: [{"city"?, "printed"?, "fixed"?, "message_contains"?}, ...]}}

Every field is compared exactly. Under "flags", each listed kind must match one to one
(an empty list means: no flag of that kind); kinds not listed are not checked.

Each field is its own test, so a bug in one field of one city shows as one failure.
Known tool bugs are listed in KNOWN_BUGS and run as strict xfails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from booklet_extract.models import Booklet, City, Flag
from booklet_extract.pipeline import parse_text

VARIATIONS = Path(__file__).parent / "variations"
CASES = sorted(p.name.removesuffix(".expected.json") for p in VARIATIONS.glob("*.expected.json"))
BOOKLET_FIELDS = ("title", "introduction", "foreword", "signatory", "listed_cities")
CITY_PARTS = ("heading", "stats", "intro", "initiatives", "quote", "captions")
STAT_KEYS = ("population", "area_km2", "gdp_usd")

# Test id glob -> why the tool (not the fixture) is wrong, run as strict xfails.
# Empty: the seven bugs this set found (parenthesised country names, possessive
# apostrophes ending a quote chunk, role prefixes, name particles, wrapped list
# entries, lone surrogates) are fixed and their cases now pass.
KNOWN_BUGS: dict[str, str] = {}


# --- loading -------------------------------------------------------------------------


@cache
def parsed(case: str) -> Booklet:
    text = (VARIATIONS / f"{case}.txt").read_text(encoding="utf-8")
    return parse_text(text, path=f"{case}.txt")


@cache
def expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VARIATIONS / f"{case}.expected.json").read_text(encoding="utf-8"))
    return data


def expected_city(case: str, number: int) -> dict[str, Any]:
    return next(c for c in expected(case)["cities"] if c["number"] == number)


def _param(test_id: str, *values: object) -> Any:
    marks = [
        pytest.mark.xfail(strict=True, reason=reason)
        for pattern, reason in KNOWN_BUGS.items()
        if fnmatch(test_id, pattern)
    ]
    return pytest.param(*values, id=test_id, marks=marks[:1])


def _booklet_params() -> Iterator[Any]:
    for case in CASES:
        for field in BOOKLET_FIELDS:
            yield _param(f"{case}/booklet/{field}", case, field)


def _city_params() -> Iterator[Any]:
    for case in CASES:
        for city in expected(case)["cities"]:
            for part in CITY_PARTS:
                yield _param(f"{case}/city-{city['number']}/{part}", case, city["number"], part)


def _flag_params() -> Iterator[Any]:
    for case in CASES:
        for kind in expected(case)["flags"]:
            yield _param(f"{case}/flags/{kind}", case, kind)


# --- comparison helpers ----------------------------------------------------------------


def text_diff(got: str | None, want: str | None) -> str:
    """Where two texts part, with some context on each side."""
    if got is None or want is None:
        return f"got {got!r}, want {want!r}"
    at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    lo = max(0, at - 40)
    return (f"texts differ at char {at} (len got {len(got)}, want {len(want)}):\n"
            f"  got:  …{got[lo:at + 60]!r}\n  want: …{want[lo:at + 60]!r}")


def assert_text(label: str, got: str | None, want: str | None) -> None:
    assert got == want, f"{label}: {text_diff(got, want)}"


def find_city(booklet: Booklet, number: int) -> City:
    found = [c for c in booklet.cities if c.number == number]
    assert found, (f"no city section numbered {number}; sections found: "
                   f"{[(c.number, c.country, c.city) for c in booklet.cities]}")
    assert len(found) == 1, f"{len(found)} sections numbered {number}"
    return found[0]


def flag_matches(flag: Flag, spec: dict[str, Any]) -> bool:
    for key, want in spec.items():
        if key == "message_contains":
            if want.casefold() not in flag.message.casefold():
                return False
        elif getattr(flag, key) != want:
            return False
    return True


def describe(flag: Flag) -> str:
    return (f"{flag.kind} city={flag.city} line={flag.line} printed={flag.printed!r} "
            f"fixed={flag.fixed!r} message={flag.message!r}")


# --- tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "field"), list(_booklet_params()))
def test_booklet_field(case: str, field: str) -> None:
    got = parsed(case).booklet
    want = expected(case)["booklet"]
    if field == "title":
        assert (got.title, got.year) == (want["title"], want["year"]), "title/year"
    elif field in ("introduction", "foreword"):
        assert_text(field, getattr(got, field), want[field])
    elif field == "signatory":
        sig = got.signatory.model_dump() if got.signatory else None
        assert sig == want["signatory"], f"signatory: got {sig}, want {want['signatory']}"
    else:
        listed = [[c.country, c.city] for c in got.listed_cities]
        assert listed == want["listed_cities"], f"listed cities: got {listed}"


@pytest.mark.parametrize("case", [_param(f"{case}/city_count", case) for case in CASES])
def test_city_sections(case: str) -> None:
    got = [(c.number, c.country, c.city) for c in parsed(case).cities]
    want = [(c["number"], c["country"], c["city"]) for c in expected(case)["cities"]]
    assert got == want, f"{len(got)} sections found, {len(want)} expected:\n got  {got}\n want {want}"


@pytest.mark.parametrize(("case", "number", "part"), list(_city_params()))
def test_city_part(case: str, number: int, part: str) -> None:
    city = find_city(parsed(case), number)
    want = expected_city(case, number)
    label = f"city {number} ({want['city']})"
    if part == "heading":
        assert (city.country, city.city) == (want["country"], want["city"]), f"{label}: heading"
    elif part == "stats":
        for key in STAT_KEYS:
            stat = getattr(city.stats, key)
            got = stat.model_dump() if stat else None
            assert got == want["stats"][key], f"{label}: {key}: got {got}, want {want['stats'][key]}"
    elif part == "intro":
        assert_text(f"{label}: intro", city.intro, want["intro"])
    elif part == "initiatives":
        texts = [i.text for i in city.initiatives]
        assert len(texts) == len(want["initiatives"]), (
            f"{label}: {len(texts)} initiatives, want {len(want['initiatives'])}: "
            + "; ".join(t[:50] for t in texts))
        assert [i.number for i in city.initiatives] == list(range(1, len(texts) + 1))
        for k, (got_text, want_text) in enumerate(zip(texts, want["initiatives"]), start=1):
            assert_text(f"{label}: initiative {k}", got_text, want_text)
    elif part == "quote":
        assert city.quote is not None, f"{label}: no quote"
        assert_text(f"{label}: quote", city.quote.text, want["quote"]["text"])
        attribution = (city.quote.speaker, city.quote.role)
        want_attribution = (want["quote"]["speaker"], want["quote"]["role"])
        assert attribution == want_attribution, f"{label}: speaker/role {attribution}, want {want_attribution}"
    else:
        assert city.captions == want["captions"], f"{label}: captions {city.captions}"


@pytest.mark.parametrize(("case", "kind"), list(_flag_params()))
def test_flags(case: str, kind: str) -> None:
    flags = [f for f in parsed(case).flags if f.kind == kind]
    unmatched_specs: list[dict[str, Any]] = []
    for spec in expected(case)["flags"][kind]:
        hit = next((f for f in flags if flag_matches(f, spec)), None)
        if hit is None:
            unmatched_specs.append(spec)
        else:
            flags.remove(hit)
    assert not unmatched_specs and not flags, (
        f"{kind} flags differ:\n missing: {unmatched_specs}\n unexpected: "
        + "".join(f"\n  {describe(f)}" for f in flags))


def test_every_variation_has_text_and_expectation() -> None:
    texts = sorted(p.name.removesuffix(".txt") for p in VARIATIONS.glob("*.txt"))
    assert texts == CASES and len(CASES) >= 5
    for case in CASES:
        assert expected(case)["about"], f"{case}: say what the variation changes"
