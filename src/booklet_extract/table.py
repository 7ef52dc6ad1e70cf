"""One row per city, for spreadsheets and data frames.

Rows are built from the output as JSON (``Booklet.model_dump(mode="json")``),
not from the models, so the CSV export, a data frame and anyone reading the
JSON see the same values by construction. Only the shaping lives here;
writing a file is the caller's job (see ``write_csv``).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from .validate import PROBLEM_KINDS

STAT_KEYS = ("population", "area_km2", "gdp_usd")
CAPTION_SEPARATOR = " | "

Cell = str | int | float | None
Row = dict[str, Cell]


def base_columns() -> list[str]:
    """The columns before the initiatives: who, where, and each stat's value, year and raw text."""
    columns = ["source", "number", "country", "city"]
    for key in STAT_KEYS:
        columns += [key, f"{key}_year", f"{key}_raw"]
    columns.append("intro")
    return columns


def columns(initiatives: int) -> list[str]:
    """Every column, with one per initiative up to the widest booklet's count."""
    tail = ["quote", "speaker", "role", "captions", "flags", "problems"]
    return base_columns() + [f"initiative_{n}" for n in range(1, initiatives + 1)] + tail


def _source_name(output: Mapping[str, Any]) -> str:
    """The input's path as the JSON gives it; stdin has no path, so '-'."""
    path = output.get("source", {}).get("path")
    return str(path) if path is not None else "-"


def city_rows(output: Mapping[str, Any]) -> list[Row]:
    """One row per city of one booklet's JSON output.

    Initiatives go in ``initiative_1`` .. ``initiative_N`` in their numbered
    order; a missing field is ``None``. ``flags`` counts every flag that names
    the city, ``problems`` only those that say something is missing or wrong.
    """
    source = _source_name(output)
    flag_count: Counter[int | None] = Counter()
    problem_count: Counter[int | None] = Counter()
    for flag in output.get("flags", []):  # counted once, not once per city
        flag_count[flag.get("city")] += 1
        problem_count[flag.get("city")] += flag["kind"] in PROBLEM_KINDS
    rows: list[Row] = []
    for city in output.get("cities", []):
        number = city["number"]
        row: Row = {"source": source, "number": number, "country": city["country"], "city": city["city"]}
        for key in STAT_KEYS:
            stat = (city.get("stats") or {}).get(key)
            row[key] = stat["value"] if stat else None
            row[f"{key}_year"] = stat["year"] if stat else None
            row[f"{key}_raw"] = stat["raw"] if stat else None
        row["intro"] = city.get("intro")
        for initiative in sorted(city.get("initiatives", []), key=lambda item: item["number"]):
            row[f"initiative_{initiative['number']}"] = initiative["text"]
        quote = city.get("quote")
        row["quote"] = quote["text"] if quote else None
        row["speaker"] = quote.get("speaker") if quote else None
        row["role"] = quote.get("role") if quote else None
        captions = city.get("captions", [])
        row["captions"] = CAPTION_SEPARATOR.join(captions) if captions else None
        row["flags"] = flag_count[number]
        row["problems"] = problem_count[number]
        rows.append(row)
    return rows


def widest(rows: Iterable[Row]) -> int:
    """The most initiatives any row holds, so every row gets as many columns."""
    most = 0
    for row in rows:
        for name in row:
            if name.startswith("initiative_"):
                most = max(most, int(name.removeprefix("initiative_")))
    return most


def cell_text(value: Cell) -> str:
    """A cell as the CSV prints it: empty for a missing value, numbers as JSON writes them."""
    if value is None:
        return ""
    return str(value)


class Writable(Protocol):
    """Anything with ``write(str)``: a text stream, or an output writer wrapped in one."""

    def write(self, text: str, /) -> object: ...


def write_csv(rows: Iterable[Row], stream: Writable, initiatives: int | None = None) -> None:
    """Write ``rows`` as RFC 4180 CSV (CRLF line ends, quotes where needed).

    A file stream should be opened with ``newline=""``; the byte order mark, if
    wanted, is the caller's (it belongs to the file, not to the rows).
    ``initiatives`` is the number of initiative columns; without it the rows
    are read twice to find the widest (pass it when they come from a spool).
    """
    if initiatives is None:
        rows = list(rows)
        initiatives = widest(rows)
    header = columns(initiatives)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(row.get(name)) for name in header])
