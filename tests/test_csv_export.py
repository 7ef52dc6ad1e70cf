"""`--csv`: one row per city, the JSON's values cell for cell, one file for a whole batch."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from booklet_extract.cli import main
from booklet_extract.csv_export import BOM, CsvSink
from booklet_extract.table import STAT_KEYS, city_rows

from .conftest import SAMPLE, SAMPLES

Capture = pytest.CaptureFixture[str]


def _read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _assert_rows_equal_json(rows: list[dict[str, str]], output: dict) -> None:
    """Every cell against the JSON read back from the file the same run wrote."""
    assert len(rows) == len(output["cities"])
    for row, city in zip(rows, output["cities"], strict=True):
        assert row["source"] == output["source"]["path"]
        assert (row["number"], row["country"], row["city"]) == (str(city["number"]), city["country"], city["city"])
        for key in STAT_KEYS:
            stat = city["stats"][key]
            assert row[key] == _cell(stat["value"]) and row[f"{key}_raw"] == stat["raw"]
            assert row[f"{key}_year"] == _cell(stat["year"])
        assert row["intro"] == _cell(city["intro"])
        for initiative in city["initiatives"]:
            assert row[f"initiative_{initiative['number']}"] == initiative["text"]
        assert (row["quote"], row["speaker"], row["role"]) == tuple(
            _cell(city["quote"][k]) for k in ("text", "speaker", "role"))
        assert row["captions"] == " | ".join(city["captions"])
        assert row["flags"] == str(sum(f["city"] == city["number"] for f in output["flags"]))


@pytest.mark.parametrize("suffix", ["pdf", "txt"])
def test_csv_rows_equal_the_json(tmp_path: Path, capsys: Capture, suffix: str) -> None:
    source = SAMPLES / f"{SAMPLE}.{suffix}"
    out, table = tmp_path / "s.json", tmp_path / "s.csv"
    assert main([str(source), "-o", str(out), "--csv", str(table)]) == 0
    data = table.read_bytes()
    assert data.startswith(BOM.encode("utf-8")), "the BOM is written by default (Excel reads accents right)"
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    rows = _read_csv(table)
    assert len(rows) == 10
    _assert_rows_equal_json(rows, json.loads(out.read_text(encoding="utf-8")))


def test_csv_without_bom_and_json_not_on_stdout(tmp_path: Path, capsys: Capture) -> None:
    table = tmp_path / "s.csv"
    assert main([str(SAMPLES / f"{SAMPLE}.txt"), "--csv", str(table), "--csv-no-bom"]) == 0
    assert capsys.readouterr().out == "", "with --csv and no -o, the JSON is not printed"
    assert table.read_bytes().startswith(b"source,number,")


def test_batch_writes_one_csv_and_skips_a_bad_input(tmp_path: Path, capsys: Capture) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    shutil.copy(SAMPLES / f"{SAMPLE}.txt", shelf / "a.txt")
    shutil.copy(SAMPLES / f"{SAMPLE}.txt", shelf / "b.txt")
    (shelf / "broken.pdf").write_bytes(os.urandom(2048))
    table, jsonl = tmp_path / "all.csv", tmp_path / "all.jsonl"
    code = main([str(shelf), "--csv", str(table), "--jsonl", str(jsonl), "-j", "1", "-q"])
    assert code == 3 and "broken.pdf" in capsys.readouterr().err
    rows = _read_csv(table)
    outputs = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [row["source"] for row in rows] == [str(shelf / "a.txt")] * 10 + [str(shelf / "b.txt")] * 10
    _assert_rows_equal_json(rows[:10], outputs[0])
    _assert_rows_equal_json(rows[10:], outputs[1])


def test_csv_naming_an_input_is_refused(tmp_path: Path, capsys: Capture) -> None:
    source = tmp_path / "b.txt"
    shutil.copy(SAMPLES / f"{SAMPLE}.txt", source)
    before = source.read_bytes()
    assert main([str(source), "--csv", str(source)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_csv_that_cannot_be_written_is_exit_4(tmp_path: Path, capsys: Capture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main([str(SAMPLES / f"{SAMPLE}.txt"), "--csv", str(blocker / "s.csv")]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write output" in err and "Traceback" not in err


def test_csv_naming_a_folder_means_folder_stem_csv(tmp_path: Path, capsys: Capture) -> None:
    assert main([str(SAMPLES / f"{SAMPLE}.txt"), "--csv", str(tmp_path)]) == 0
    assert len(_read_csv(tmp_path / f"{SAMPLE}.csv")) == 10


def test_two_outputs_on_stdout_are_a_usage_error(capsys: Capture) -> None:
    assert main([str(SAMPLES / f"{SAMPLE}.txt"), "--csv", "-", "-o", "-"]) == 2
    assert "only one output" in capsys.readouterr().err


def test_a_batch_gets_as_many_initiative_columns_as_its_widest_booklet(tmp_path: Path) -> None:
    def booklet(path: str, initiatives: int) -> dict:
        city = {"number": 1, "country": "Ruritania", "city": "Strelsau", "stats": {}, "intro": "Ça va",
                "initiatives": [{"number": n, "text": f"plan {n}"} for n in range(1, initiatives + 1)]}
        return {"source": {"path": path}, "cities": [city], "flags": []}

    target = tmp_path / "all.csv"
    sink = CsvSink(str(target), bom=False)
    sink.add(city_rows(booklet("a.txt", 2)))
    sink.add(city_rows(booklet("b.txt", 4)))
    sink.finish()
    rows = _read_csv(target)
    assert [r["initiative_4"] for r in rows] == ["", "plan 4"]
    assert [r["initiative_2"] for r in rows] == ["plan 2", "plan 2"]
    assert rows[0]["intro"] == "Ça va" and target.read_bytes().startswith(b"source,")
