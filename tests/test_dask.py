"""Batch extraction on Dask: a bag of records, a frame of cities, and `extract --scheduler`,
all on one LocalCluster of 2 worker processes (1 thread each) shared by the module.

The layout suite is represented by one case of each of its layouts, its PDF on the pdfium
backend (the other cases and the 125 extractor texts are left out to keep these tests
short); the samples go in whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from booklet_extract import batch, cluster
from booklet_extract.cli import main
from booklet_extract.dask import cities_frame, errors, read_booklets
from booklet_extract.errors import EXIT_UNREADABLE, EXIT_USAGE
from booklet_extract.table import city_rows, columns, widest

from .conftest import ROOT, SAMPLE, SAMPLES

PDF = SAMPLES / f"{SAMPLE}.pdf"
TXT = SAMPLES / f"{SAMPLE}.txt"
LAYOUTS = ROOT / "tests" / "layouts"


def _one_case_per_layout() -> list[Path]:
    """Each layout family's first case other than the sample's content (the shortest ones)."""
    chosen: dict[str, Path] = {}
    for pdf in sorted(LAYOUTS.glob("*/layout.pdf")):
        family, _, case = pdf.parent.name.partition("--")
        if case != "sample":
            chosen.setdefault(family, pdf)
    return list(chosen.values())


LAYOUT_PDFS = _one_case_per_layout()
Capture = pytest.CaptureFixture[str]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """One local cluster for the module; the client is Dask's default while it lives."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local, distributed.Client(local) as c:
        yield c


def test_the_package_never_imports_dask() -> None:
    """The bare install has no Dask: only `booklet_extract.dask` and `--scheduler` need it."""
    code = ("import sys, booklet_extract, booklet_extract.cli, booklet_extract.records; "
            "print(sorted({'dask', 'distributed', 'pandas'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _broken_pdf(folder: Path) -> Path:
    path = folder / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    return path


def test_bag_gives_the_local_batch_json(client: Any, tmp_path: Path) -> None:
    broken = _broken_pdf(tmp_path)
    paths = [PDF, *LAYOUT_PDFS[:3], broken, *LAYOUT_PDFS[3:], TXT]
    local = tmp_path / "local.jsonl"
    batch.run_batch(paths, out_dir=None, jsonl=local, options={"backend": "pdfium"}, jobs=1)
    expected = [json.loads(line) for line in local.read_text(encoding="utf-8").splitlines()]

    records = read_booklets([str(p) for p in paths], backend="pdfium").compute()

    assert len(records) == len(paths)
    bad = records.pop(4)
    assert bad["path"] == str(broken) and bad["error"] == "BrokenPDF"
    assert bad["exit_code"] == EXIT_UNREADABLE and bad["message"]
    assert records == expected  # every other input complete, in input order


def test_folders_globs_and_missing_files(client: Any, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(TXT, tmp_path / "b.txt")
    shutil.copy(TXT, tmp_path / "a.txt")
    (tmp_path / "notes.docx").write_text("not an input", encoding="utf-8")  # .md is Markdown text: an input
    from_folder = read_booklets(str(tmp_path)).compute()
    from_glob = read_booklets(f"{tmp_path}/*.txt").compute()
    assert [r["source"]["path"] for r in from_folder] == [str(tmp_path / n) for n in ("a.txt", "b.txt")]
    assert from_glob == from_folder
    monkeypatch.chdir(tmp_path)
    relative = read_booklets(["b.txt"]).compute()
    assert relative[0]["source"]["path"] == "b.txt"  # as given, as a local batch names it
    with pytest.raises(TypeError):
        read_booklets("b.txt", bakend="pdfium")
    missing = errors(read_booklets([str(tmp_path / "gone.pdf")])).compute()
    assert [(r["error"], r["message"], r["exit_code"]) for r in missing] == [
        ("UnreadableInput", "no such file", EXIT_UNREADABLE)]


def test_cities_frame_has_the_csv_columns_and_writes_parquet(client: Any, tmp_path: Path) -> None:
    bag = read_booklets([str(TXT), str(_broken_pdf(tmp_path)), str(LAYOUT_PDFS[0])],
                        backend="pdfium").persist()
    outputs = [r for r in bag.compute() if "error" not in r]
    rows = [row for output in outputs for row in city_rows(output)]
    frame = cities_frame(bag)
    assert list(frame.columns) == columns(widest(rows))
    got = frame.compute()
    assert len(got) == len(rows)
    assert list(got["city"]) == [row["city"] for row in rows]
    assert list(got["flags"]) == [row["flags"] for row in rows]

    frame.to_parquet(tmp_path / "cities")
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "cities")) == len(rows)
    bag.map(json.dumps).to_textfiles(str(tmp_path / "jsonl" / "*.jsonl"))
    lines = [ln for f in sorted((tmp_path / "jsonl").iterdir()) for ln in f.read_text().splitlines()]
    assert len(lines) == 3


def test_a_worker_killed_mid_run_loses_nothing(client: Any, tmp_path: Path) -> None:
    """Dask reruns the tasks of a worker that dies (up to `allowed-failures`): every input
    still gets exactly one record."""
    import dask

    assert dask.config.get("distributed.scheduler.allowed-failures") >= 1
    paths = []
    for n in range(12):
        paths.append(tmp_path / f"copy-{n:02d}.pdf")
        shutil.copy(PDF, paths[-1])
    pids = client.run(os.getpid)
    future = client.compute(read_booklets([str(p) for p in paths], backend="pdfium"))
    victim = min(pids)
    while not client.processing().get(victim):  # kill it while it runs a task
        time.sleep(0.01)
    os.kill(pids[victim], signal.SIGKILL)

    records = future.result()

    assert Counter(r["source"]["path"] for r in records) == Counter(str(p) for p in paths)
    assert all("error" not in r for r in records)
    client.wait_for_workers(2)  # the nanny restarted it; later tests keep two workers
    assert pids[victim] not in client.run(os.getpid).values()  # the kill did happen


SUMMARY = re.compile(r"^extract: \d+ booklet\(s\), \d+ cities, \d+ flags; \d+ without city sections; 1 failed$")


def test_cli_scheduler_writes_what_the_local_batch_writes(
    client: Any, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    shutil.copy(PDF, shelf / "a.pdf")
    shutil.copy(TXT, shelf / "b.txt")
    _broken_pdf(shelf)
    shutil.copy(LAYOUT_PDFS[0], shelf / "c.pdf")
    monkeypatch.chdir(tmp_path)  # relative inputs: the workers read them from here
    runs = {}
    for how in (["-j", "1"], ["--scheduler", client.scheduler.address]):
        tag = how[0].strip("-")
        code = main(["shelf", "-o", f"out-{tag}", "--jsonl", f"all-{tag}.jsonl", "--backend", "pdfium",
                     "--strict", *how])
        out, err = capsys.readouterr()
        files = {p.name: p.read_text(encoding="utf-8") for p in sorted((tmp_path / f"out-{tag}").iterdir())}
        runs[tag] = (code, out, err, files, (tmp_path / f"all-{tag}.jsonl").read_text(encoding="utf-8"))
    assert runs["j"] == runs["scheduler"]
    code, _, err, files, lines = runs["scheduler"]
    assert code == EXIT_UNREADABLE and len(files) == 3 and len(lines.splitlines()) == 3
    assert SUMMARY.match(err.splitlines()[-1]) and "extract: error: shelf/broken.pdf: " in err


def test_cli_local_cluster(tmp_path: Path, capsys: Capture) -> None:
    target = tmp_path / "all.jsonl"
    code = main([str(TXT), str(TXT), "--jsonl", str(target), "--scheduler", "local:1", "-q"])
    assert (code, capsys.readouterr().err) == (0, "")
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_cli_bad_scheduler_is_one_line(tmp_path: Path, capsys: Capture,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    for address in ("tcp://127.0.0.1:9", "local:0", "no-such-scheme://x"):
        target = tmp_path / "all.jsonl"
        code = main([str(TXT), str(TXT), "--jsonl", str(target), "--scheduler", address])
        err = capsys.readouterr().err
        assert code == EXIT_USAGE, (address, err)
        assert err.count("\n") == 1 and err.startswith("extract: error: "), err
        assert not target.exists()


def test_a_task_that_kills_every_worker_fails_alone() -> None:
    """After `allowed-failures` Dask gives up on a task (KilledWorker): that input fails as
    a crashing input does in a local batch, and the batch goes on."""

    class Killed:
        def result(self) -> Any:
            raise distributed.KilledWorker("task", "worker", "died")

        def release(self) -> None:
            pass

    task = batch._Task("x.pdf", {}, False, True)
    from collections import deque

    outcome = cluster._take(deque([(task, Killed())]))
    assert outcome.error == f"x.pdf: {batch.CRASHED}"


def test_urls_are_read_through_fsspec_and_keep_their_name() -> None:
    """Any fsspec file system (here the in-memory one, so in this process) reads like a path."""
    import dask
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/shelf/booklet.txt", TXT.read_bytes())
    with dask.config.set(scheduler="sync"):
        (record,) = read_booklets("memory://shelf/*.txt").compute()
    assert record["source"]["path"] == "memory:///shelf/booklet.txt"
    assert record["source"]["sha256"] == hashlib.sha256(TXT.read_bytes()).hexdigest()
    assert len(record["cities"]) == 10
    fs.rm("/shelf", recursive=True)
