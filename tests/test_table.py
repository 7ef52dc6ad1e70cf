"""The per-city rows (CSV and data frames) carry the JSON's values, cell for cell."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from booklet_extract import extract
from booklet_extract.table import city_rows, columns, write_csv

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "learning-city-award-2019.txt"


def _output() -> dict:
    return json.loads(extract(SAMPLE).model_dump_json())


def test_one_row_per_city_with_the_json_values() -> None:
    output = _output()
    rows = city_rows(output)
    assert [row["number"] for row in rows] == [city["number"] for city in output["cities"]]
    for row, city in zip(rows, output["cities"], strict=True):
        assert (row["country"], row["city"], row["intro"]) == (city["country"], city["city"], city["intro"])
        for key, stat in city["stats"].items():
            assert row[key] == (stat["value"] if stat else None)
            assert row[f"{key}_raw"] == (stat["raw"] if stat else None)
        assert [row[f"initiative_{i['number']}"] for i in city["initiatives"]] == [
            i["text"] for i in city["initiatives"]
        ]
        assert row["quote"] == city["quote"]["text"]
        assert row["captions"] == " | ".join(city["captions"])
        assert row["flags"] == sum(flag["city"] == city["number"] for flag in output["flags"])


def test_a_malformed_figure_has_no_value_but_keeps_its_raw_text() -> None:
    rows = city_rows(_output())
    malformed = [row for row in rows if row["population_raw"] and row["population"] is None]
    assert malformed, "the sample prints one malformed population"
    assert all(row["problems"] >= 1 for row in malformed)


def test_csv_round_trip_gives_the_same_cells() -> None:
    rows = city_rows(_output())
    stream = io.StringIO(newline="")
    write_csv(rows, stream)
    text = stream.getvalue()
    assert text.count("\r\n") >= len(rows) + 1
    read = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(read[0]) == columns(3)
    for got, row in zip(read, rows, strict=True):
        assert got == {name: "" if row.get(name) is None else str(row.get(name)) for name in columns(3)}


def test_missing_fields_are_empty_cells() -> None:
    output = {
        "source": {"path": None},
        "cities": [{"number": 1, "country": "Ruritania", "city": "Strelsau", "stats": {}, "initiatives": []}],
        "flags": [{"kind": "missing_field", "city": 1}],
    }
    (row,) = city_rows(output)
    assert row["source"] == "-"
    assert row["population"] is None and row["quote"] is None and row["captions"] is None
    assert row["problems"] == 1
    stream = io.StringIO(newline="")
    write_csv([row], stream)
    empty_cells = 9 + 1 + 4  # three stats of three cells, the intro, quote, speaker, role, captions
    assert stream.getvalue().splitlines()[1] == "-,1,Ruritania,Strelsau," + "," * empty_cells + "1,1"
