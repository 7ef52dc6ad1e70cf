"""Batch mode: one JSON per good input, bad files reported and counted, JSON Lines,
workers giving the same output as one process, quiet runs, a dying worker contained."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
from pathlib import Path

import pytest

from booklet_extract import batch
from booklet_extract.cli import main

from .conftest import SAMPLE, SAMPLES
from .test_markdown_text import _BOOKLET as MARKDOWN_BOOKLET

PDF = SAMPLES / f"{SAMPLE}.pdf"
TXT = SAMPLES / f"{SAMPLE}.txt"
Capture = pytest.CaptureFixture[str]
SUMMARY = re.compile(
    r"^extract: (\d+) booklet\(s\), (\d+) cities, (\d+) flags; (\d+) without city sections; (\d+) failed$"
)


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def shelf(tmp_path: Path) -> Path:
    """Two copies of the sample PDF, its text, and random bytes named .pdf."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    shutil.copy(PDF, folder / "a-2019.pdf")
    shutil.copy(PDF, folder / "b-2019.pdf")
    shutil.copy(TXT, folder / "c-2019.txt")
    (folder / "broken.pdf").write_bytes(os.urandom(4096))
    return folder


def test_folder_to_out_dir(shelf: Path, tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(capsys, str(shelf), "-o", str(out), "-j", "1")
    assert code == 3 and stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["a-2019.json", "b-2019.json", "c-2019.json"]
    for source in ("a-2019.pdf", "b-2019.pdf", "c-2019.txt"):
        data = json.loads((out / f"{Path(source).stem}.json").read_text(encoding="utf-8"))
        assert data["source"]["path"] == str(shelf / source) and len(data["cities"]) == 10
    lines = err.splitlines()
    assert len(lines) == 2, err
    bad = shelf / "broken.pdf"
    prefix = f"extract: error: {bad}: "
    assert lines[0].startswith(prefix) and len(lines[0]) > len(prefix)  # file, then a reason
    match = SUMMARY.match(lines[1])
    assert match and match.group(1, 2, 4, 5) == ("3", "30", "0", "1")


def test_folder_takes_markdown_files(tmp_path: Path, capsys: Capture) -> None:
    """Markdown an extractor made (`.md`) is read in a folder as a text is; other files are not."""
    folder = tmp_path / "md"
    folder.mkdir()
    (folder / "booklet.md").write_text(MARKDOWN_BOOKLET, encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    code, _, err = run(capsys, str(folder), "-o", str(out), "-j", "1")
    assert code == 0, err
    assert [p.name for p in out.iterdir()] == ["booklet.json"]
    assert len(json.loads((out / "booklet.json").read_text(encoding="utf-8"))["cities"]) == 2


def test_jsonl_one_line_per_good_booklet(shelf: Path, tmp_path: Path, capsys: Capture) -> None:
    target = tmp_path / "all.jsonl"
    code, _, err = run(capsys, str(shelf), "--jsonl", str(target), "--backend", "pdfium", "-j", "1")
    assert code == 3
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    names = [Path(r["source"]["path"]).name for r in rows]
    assert names == ["a-2019.pdf", "b-2019.pdf", "c-2019.txt"]
    assert all(len(r["cities"]) == 10 for r in rows)
    assert sorted(tmp_path.iterdir()) == sorted([shelf, target])  # no temporary file left
    assert err.count("extract: error: ") == 1


def test_two_workers_write_what_one_writes(shelf: Path, tmp_path: Path, capsys: Capture) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        out, lines = tmp_path / f"out-{jobs}", tmp_path / f"all-{jobs}.jsonl"
        code, _, err = run(capsys, str(shelf), "-o", str(out), "--jsonl", str(lines),
                           "-j", jobs, "--backend", "pdfium")
        assert code == 3
        files = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
        outputs[jobs] = (files, lines.read_text(encoding="utf-8"), err)
    assert outputs["1"] == outputs["2"]
    assert len(outputs["2"][0]) == 3


def test_quiet_prints_no_summary(tmp_path: Path, capsys: Capture) -> None:
    code, stdout, err = run(capsys, str(TXT), str(TXT), "-o", str(tmp_path / "out"), "-q")
    assert code == 0 and stdout == "" and err == ""
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [f"{SAMPLE}-2.json", f"{SAMPLE}.json"]  # same stem twice: numbered


def test_quiet_still_reports_failures(shelf: Path, tmp_path: Path, capsys: Capture) -> None:
    (shelf / "a-2019.pdf").unlink()
    (shelf / "b-2019.pdf").unlink()
    code, _, err = run(capsys, str(shelf), "-o", str(tmp_path / "out"), "-q")
    assert code == 3 and err.count("\n") == 1 and err.startswith("extract: error: ")


def test_progress_bar_only_when_asked(tmp_path: Path, capsys: Capture) -> None:
    for show in (True, False):
        out = tmp_path / str(show)
        batch.run_batch([TXT], out_dir=out, jsonl=None, options={}, jobs=1, progress=show)
        err = capsys.readouterr().err
        assert ("booklet" in err) is show


def test_interrupted_jsonl_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(task: batch._Task) -> batch._Outcome:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "_extract_one", boom)
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch([TXT], out_dir=None, jsonl=tmp_path / "x.jsonl", options={}, jobs=1)
    assert list(tmp_path.iterdir()) == []


_real_extract_one = batch._extract_one


def _dies_on_crash_files(task: batch._Task) -> batch._Outcome:
    """Stands in for a PDF library that kills its process on one file."""
    if "crash" in Path(task.path).name:
        os._exit(1)
    return _real_extract_one(task)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the stand-in worker reaches the workers only through fork")
def test_dying_worker_fails_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_extract_one", _dies_on_crash_files)
    names = ["a.txt", "crash.txt", "c.txt", "d.txt"]
    for name in names:
        shutil.copy(TXT, tmp_path / name)
    paths = [tmp_path / n for n in names]
    result = batch.run_batch(paths, out_dir=tmp_path / "out", jsonl=None, options={}, jobs=2)
    assert result.booklets == 3
    assert result.failures == [f"{tmp_path / 'crash.txt'}: {batch.CRASHED}"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "c.json", "d.json"]
