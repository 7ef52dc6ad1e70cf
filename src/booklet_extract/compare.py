"""Field-by-field comparison of an extraction with a saved output (`--expect`).

Lets users regression-test their own booklets without writing Python. Provenance,
checksums and paths are ignored: they change when a file moves, the fields don't.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Difference:
    where: str
    field: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: expected {self.expected!r}, got {self.got!r}"


def _city_fields(city: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {"country": city.get("country"), "city": city.get("city")}
    for key, stat in (city.get("stats") or {}).items():
        for part in ("raw", "value", "year"):
            fields[f"stats.{key}.{part}"] = (stat or {}).get(part)
    fields["intro"] = city.get("intro")
    for i, item in enumerate(city.get("initiatives") or [], start=1):
        fields[f"initiatives[{i}].text"] = item.get("text")
        fields[f"initiatives[{i}].name"] = item.get("name")
    fields["initiatives.count"] = len(city.get("initiatives") or [])
    quote = city.get("quote") or {}
    for part in ("text", "speaker", "role"):
        fields[f"quote.{part}"] = quote.get(part)
    fields["captions"] = city.get("captions") or []
    return fields


def compare(expected: dict[str, Any], got: dict[str, Any]) -> list[Difference]:
    """Every field that differs, city by city (matched by number), then the flags."""
    diffs: list[Difference] = []
    eb, gb = expected.get("booklet") or {}, got.get("booklet") or {}
    for key in sorted((set(eb) | set(gb)) - {"provenance"}):  # boxes move with the backend
        if eb.get(key) != gb.get(key):
            diffs.append(Difference("booklet", key, eb.get(key), gb.get(key)))
    ecities = {c.get("number"): c for c in expected.get("cities") or []}
    gcities = {c.get("number"): c for c in got.get("cities") or []}
    for number in sorted(set(ecities) | set(gcities), key=lambda n: (n is None, n)):
        e, g = ecities.get(number), gcities.get(number)
        name = (e or g or {}).get("city")
        where = f"city {number} ({name})"
        if e is None or g is None:
            diffs.append(Difference(where, "city", name if e else None, name if g else None))
            continue
        ef, gf = _city_fields(e), _city_fields(g)
        for key in ef.keys() | gf.keys():
            if ef.get(key) != gf.get(key):
                diffs.append(Difference(where, key, ef.get(key), gf.get(key)))
    def flag_key(f: dict[str, Any]) -> tuple[Any, ...]:
        return (f.get("kind"), f.get("printed"), f.get("fixed"), f.get("city"))

    eflags = Counter(flag_key(f) for f in expected.get("flags") or [])
    gflags = Counter(flag_key(f) for f in got.get("flags") or [])
    for key in sorted((eflags - gflags).keys(), key=str):
        diffs.append(Difference("flags", str(key[0]), key[1:], None))
    for key in sorted((gflags - eflags).keys(), key=str):
        diffs.append(Difference("flags", str(key[0]), None, key[1:]))
    return diffs
