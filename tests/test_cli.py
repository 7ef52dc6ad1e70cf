"""The command line: exact error lines and exit codes, atomic output, --expect, --strict."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from booklet_extract.cli import main

from .conftest import SAMPLE, SAMPLES

TXT = SAMPLES / f"{SAMPLE}.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def test_text_sample_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cities.json"
    rc, stdout, err = run(capsys, str(TXT), "-o", str(out))
    assert rc == 0 and stdout == "" and err == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [c["number"] for c in data["cities"]] == list(range(1, 11))
    assert list(tmp_path.iterdir()) == [out]  # no temp file left behind


def test_stdout_when_no_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    rc, stdout, _ = run(capsys, str(TXT))
    assert rc == 0 and json.loads(stdout)["schema_version"] == "1.0"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\x01\x02binary\x00data" * 10, "not a PDF and not text (binary data)"),
        (b"caf\xe9 latin-1 text", "not a PDF and not UTF-8 text (invalid byte at offset 3)"),
        (b"%PDF-1.7\n%%EOF\n", None),
        (b"", "no text (the input is empty, blank or NUL bytes only)"),
        (b" \n\t\r\n  \n", "no text (the input is empty, blank or NUL bytes only)"),
        (b"\x00" * 64, "no text (the input is empty, blank or NUL bytes only)"),
        ("\ufeff\u00a0\n\u3000\n".encode(), "no text (the input is empty, blank or NUL bytes only)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not a PDF and not text (binary data)"),
    ],
)
def test_unreadable_input_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str | None) -> None:
    bad = tmp_path / ("bad.pdf" if content.startswith(b"%PDF") else "bad.dat")
    bad.write_bytes(content)
    out = tmp_path / "out.json"
    rc, stdout, err = run(capsys, str(bad), "-o", str(out))
    assert rc == 3 and stdout == ""
    assert err.count("\n") == 1 and err.startswith(f"extract: error: {bad}: ")
    if reason:
        assert err == f"extract: error: {bad}: {reason}\n"
    assert "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_missing_file_exit_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    rc, _, err = run(capsys, str(missing))
    assert rc == 3 and err == f"extract: error: {missing}: no such file\n"


def test_failed_run_keeps_previous_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 100)
    rc, _, _ = run(capsys, str(bad), "-o", str(out))
    assert rc == 3 and out.read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize("args", [["--pages", "0-3"], ["--pages", "5-2"], ["--pages", "x"], ["--bogus"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    rc, _, err = run(capsys, str(TXT), *args)
    assert rc == 2 and "error" in err


def test_pages_on_text_input_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    rc, _, err = run(capsys, str(TXT), "--pages", "2-3")
    assert rc == 2 and err == f"extract: error: {TXT}: --pages applies to PDF input only\n"


def test_strict_turns_validation_flags_into_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _, err = run(capsys, str(TXT), "-o", str(tmp_path / "o.json"), "--strict")
    assert rc == 1  # the malformed population figure, counted per kind and located
    assert err == (f"extract: {TXT}: 1 problem flag(s): malformed_number 1; "
                   "first: malformed_number at city 1 (Medellín), line 77 (--strict)\n")
    assert (tmp_path / "o.json").exists()


def test_expect_same_and_different(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "saved.json"
    assert run(capsys, str(TXT), "-o", str(saved))[0] == 0
    rc, stdout, _ = run(capsys, str(TXT), "--expect", str(saved))
    assert rc == 0 and stdout == ""
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["cities"][2]["stats"]["population"]["value"] = 1
    data["cities"][2]["quote"]["speaker"] = "Someone Else"
    saved.write_text(json.dumps(data), encoding="utf-8")
    rc, stdout, err = run(capsys, str(TXT), "--expect", str(saved))
    assert rc == 1
    lines = stdout.splitlines()
    assert "city 3 (Aswan): stats.population.value: expected 1, got 1425000" in lines
    assert "city 3 (Aswan): quote.speaker: expected 'Someone Else', got 'Ahmed Ebrahem'" in lines
    assert len(lines) == 2 and "2 difference(s)" in err


def test_raw_text_keeps_printed_words_and_still_flags(capsys: pytest.CaptureFixture[str]) -> None:
    rc, stdout, _ = run(capsys, str(TXT), "--raw-text")
    data = json.loads(stdout)
    intro = data["cities"][0]["intro"]
    assert rc == 0 and "fi nancial invest- ments" in intro
    assert any(f["kind"] == "ligature_split" and f["printed"] == "fi nancial" for f in data["flags"])


def test_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "booklet_extract", "--help"],
                          check=False, capture_output=True, text=True)
    assert done.returncode == 0 and "exit codes" in done.stdout
    assert "4    the output could not be written" in done.stdout and "130  interrupted" in done.stdout


def test_pages_reads_only_the_selected_spread(capsys: pytest.CaptureFixture[str]) -> None:
    rc, stdout, _ = run(capsys, str(SAMPLES / f"{SAMPLE}.pdf"), "--pages", "4-5")
    data = json.loads(stdout)
    assert rc == 0 and data["source"]["pages"] == 24
    assert [(c["number"], c["city"]) for c in data["cities"]] == [(1, "Medellín")]
    city = data["cities"][0]
    assert len(city["initiatives"]) == 3 and city["quote"]["speaker"] == "Federico Gutiérrez"
    assert {p for c in data["cities"] for p in c["provenance"]["heading"]["pages"]} == {4}


def _loaded_after(code: str, modules: set[str]) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded after running `code`."""
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(set({sorted(modules)!r}) & set(sys.modules))))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_start_up_loads_only_what_the_run_needs(tmp_path: Path) -> None:
    """Start-up is the cost of a short run (issue 10): the command imports no PDF library,
    numpy, or export module until an input asks for it, and text input never does."""
    heavy = {"numpy", "pypdfium2", "pdfplumber", "pdfminer", "wordfreq", "PIL",
             "booklet_extract.review", "booklet_extract.crops", "booklet_extract.csv_export",
             "booklet_extract.table", "booklet_extract.sources.pdfium", "booklet_extract.sources.pdf",
             "booklet_extract.batch", "booklet_extract.exports"}
    assert _loaded_after("import booklet_extract.cli", heavy) == []
    out = tmp_path / "out.json"
    run_text = f"from booklet_extract.cli import main; main([{str(TXT)!r}, '-o', {str(out)!r}])"
    assert _loaded_after(run_text, heavy) == []
    pdf = SAMPLES / f"{SAMPLE}.pdf"
    run_pdfium = f"from booklet_extract.cli import main; main([{str(pdf)!r}, '--backend', 'pdfium', '-o', {str(out)!r}])"
    assert _loaded_after(run_pdfium, heavy) == ["booklet_extract.sources.pdfium", "numpy", "pypdfium2"]
