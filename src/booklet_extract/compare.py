"""Field-by-field comparison of an extraction with a saved output (`--expect`).

Lets users regression-test their own booklets without writing Python. Compared:
the front matter, every city field, the flags (kind, printed, fixed, city) and the
coverage counts. Not compared (`NOT_COMPARED`): provenance (boxes move with the
backend, line numbers with an edit elsewhere), the source path and checksum, and
the flags' messages and positions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

NOT_COMPARED = "provenance, source path and checksum, flag messages and positions"


@dataclass(frozen=True)
class Difference:
    where: str
    field: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: expected {self.expected!r}, got {self.got!r}"


@dataclass(frozen=True)
class FlagDifference:
    """A flag found on one side only, shown as `kind printed -> fixed (where)`."""

    side: str  # "expected" (missing from the result) or "got" (new in the result)
    flag: dict[str, Any]

    def __str__(self) -> str:
        f = self.flag
        text = str(f.get("kind"))
        if f.get("printed") is not None or f.get("fixed") is not None:
            text += f" {_quoted(f.get('printed'))} -> {_quoted(f.get('fixed'))}"
        where = ", ".join(
            f"{label} {f[key]}" for key, label in (("city", "city"), ("page", "page"), ("line", "line"))
            if f.get(key) is not None
        )
        text += f" ({where or 'booklet'})"
        lead = "flag expected, not raised" if self.side == "expected" else "flag raised, not expected"
        return f"flags: {lead}: {text}"


def _quoted(value: Any) -> str:
    if value is None:
        return "(none)"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


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


def compare(expected: dict[str, Any], got: dict[str, Any]) -> list[Difference | FlagDifference]:
    """Every field that differs, city by city (matched by number), then coverage and flags."""
    diffs: list[Difference | FlagDifference] = []
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
    for key in ("lines", "assigned", "noise", "unassigned"):
        e_n = (expected.get("coverage") or {}).get(key)
        g_n = (got.get("coverage") or {}).get(key)
        if e_n != g_n:
            diffs.append(Difference("coverage", key, e_n, g_n))
    diffs += compare_flags(expected.get("flags") or [], got.get("flags") or [])
    return diffs


def compare_flags(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[FlagDifference]:
    """Flags on one side only, matched by (kind, printed, fixed, city), in input order."""

    def key(f: dict[str, Any]) -> tuple[Any, ...]:
        return (f.get("kind"), f.get("printed"), f.get("fixed"), f.get("city"))

    left = Counter(key(f) for f in got)
    out: list[FlagDifference] = []
    for f in expected:
        if left[key(f)] > 0:
            left[key(f)] -= 1
        else:
            out.append(FlagDifference("expected", f))
    right = Counter(key(f) for f in expected)
    for f in got:
        if right[key(f)] > 0:
            right[key(f)] -= 1
        else:
            out.append(FlagDifference("got", f))
    return out
