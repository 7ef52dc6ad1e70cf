"""Robustness: every PDF of the shared real-world corpus through the command line.

Whatever a file holds, `extract` must either write valid JSON (exit 0) or say
in one line why it cannot (exit 3), leaving no output or temp file behind.
The corpus lives beside the project (`../shared/corpus`); without it the
module is skipped. The two long books are marked `slow` (about 30 s together);
deselect them with `-m "not slow"`, or set BOOKLET_CORPUS_QUICK=1 to read only
their first 20 pages.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from booklet_extract.cli import main
from booklet_extract.models import Booklet

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PDFS = CORPUS / "pdfs"

if not PDFS.is_dir():
    pytest.skip(f"shared corpus not found at {PDFS}", allow_module_level=True)

BIG = {"pdfjs-freeculture-352p.pdf": "1-20", "sf-geotopo-117p.pdf": "1-20"}
"""Long books, and the pages read when BOOKLET_CORPUS_QUICK is set."""

QUICK = os.environ.get("BOOKLET_CORPUS_QUICK", "") not in ("", "0")
TIME_LIMIT = 120.0
"""Seconds one file may take; the slowest (352 pages) needed 25 s in bare pdfplumber."""


@dataclass(frozen=True)
class Entry:
    """One MANIFEST.tsv row, reduced to what the tests check."""

    name: str
    password: str | None
    category: str
    expected: str


def read_manifest() -> dict[str, Entry]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {
            row["file"]: Entry(
                name=row["file"],
                password=None if row["password"] in ("", "-") else row["password"],
                category=row["category"],
                expected=row["expected"],
            )
            for row in rows
        }


MANIFEST = read_manifest()
FILES = sorted(p.name for p in PDFS.glob("*.pdf"))


READ_AS_TEXT = frozenset({"synthetic-text-file.pdf", "synthetic-html-404.pdf"})
"""Text files named .pdf. The manifest expects them refused, but the content decides the
format (issue 8): they are read as text, find no city section, and exit 0 with a
`no_sections` flag and a warning (`--strict` makes that exit 1)."""


def expected_rc(entry: Entry | None) -> int | None:
    """The exit code the manifest makes clear-cut (with the known password), else None."""
    if entry is None:
        return None
    if entry.name in READ_AS_TEXT:
        return 0
    text = entry.expected
    if "should fail with a clear error" in text or "no text layer" in text:
        return 3
    if "or clear error" in text:
        return None
    if "text extracts" in text or text.startswith("malformed but recoverable"):
        return 0
    if entry.password is not None:  # "encrypted: needs password ..." opens with it
        return 0
    return None


def needs_password(entry: Entry) -> bool:
    return entry.password is not None and "needs password" in entry.expected


def params(names: list[str]) -> list[object]:
    return [pytest.param(n, marks=pytest.mark.slow) if n in BIG else n for n in names]


@dataclass
class Run:
    rc: int
    out: Path
    stdout: str
    stderr: str
    seconds: float


def run_cli(pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
            password: str | None = None, pages: str | None = None) -> Run:
    """Run `extract PDF -o tmp/out.json -q` in-process and capture everything."""
    out = tmp_path / "out.json"
    argv = [str(pdf), "-o", str(out), "-q"]
    if password is not None:
        argv += ["--password", password]
    if pages is None and pdf.name in BIG and QUICK:
        pages = BIG[pdf.name]
    if pages is not None:
        argv += ["--pages", pages]
    capsys.readouterr()
    start = time.perf_counter()
    rc = main(argv)
    seconds = time.perf_counter() - start
    captured = capsys.readouterr()
    return Run(rc, out, captured.out, captured.err, seconds)


def check_outcome(run: Run, pdf: Path, tmp_path: Path) -> str | None:
    """Assert the exit-0/exit-3 contract; return the error reason for rc 3."""
    assert run.rc in (0, 3), f"rc {run.rc}, stderr: {run.stderr!r}"
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stdout == "", "with -o nothing goes to stdout"
    assert run.seconds < TIME_LIMIT, f"took {run.seconds:.1f} s"
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    if run.rc == 3:
        lines = run.stderr.splitlines()
        assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
        prefix = f"extract: error: {pdf}:"
        assert lines[0].startswith(prefix), lines[0]
        reason = lines[0][len(prefix):].strip()
        assert reason, "the error line must give a reason"
        assert leftovers == [], f"failed run left files: {leftovers}"
        return reason
    assert "extract: error" not in run.stderr, run.stderr
    assert leftovers == ["out.json"], f"expected only out.json, found {leftovers}"
    data = json.loads(run.out.read_text(encoding="utf-8"))
    Booklet.model_validate(data)
    return None


@pytest.mark.parametrize("name", params(FILES))
def test_corpus_file(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each file, with its known password: exit 0 with valid JSON or exit 3 with a reason."""
    entry = MANIFEST.get(name)
    pdf = PDFS / name
    run = run_cli(pdf, tmp_path, capsys, entry.password if entry else None)
    reason = check_outcome(run, pdf, tmp_path)
    want = expected_rc(entry)
    if want is not None:
        assert run.rc == want, f"MANIFEST expects exit {want}: {entry.expected!r}; got {reason!r}"
    if entry and "no text layer" in entry.expected:
        assert reason is not None and "text layer" in reason, reason
    if name in READ_AS_TEXT:
        data = json.loads(run.out.read_text(encoding="utf-8"))
        assert data["source"]["format"] == "text"
        # Nothing of the genre in it: no city, and the no_sections flag (its repeated
        # lines are flagged as the duplicates they are).
        assert data["cities"] == [] and "no_sections" in {f["kind"] for f in data["flags"]}


ENCRYPTED = sorted(n for n, e in MANIFEST.items() if e.password is not None and n in FILES)


@pytest.mark.parametrize("name", ENCRYPTED)
def test_encrypted_without_password(name: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Files that need a password fail cleanly without one; the others still open."""
    entry = MANIFEST[name]
    pdf = PDFS / name
    run = run_cli(pdf, tmp_path, capsys)
    reason = check_outcome(run, pdf, tmp_path)
    if needs_password(entry):
        assert run.rc == 3
        assert reason is not None and "password" in reason, reason
    else:
        assert run.rc == 0, f"{entry.expected!r}; got {reason!r}"


@pytest.mark.parametrize("name", [n for n in ENCRYPTED if needs_password(MANIFEST[n])])
def test_encrypted_wrong_password(name: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong password (ASCII or not) is its own clear error, not "broken"."""
    pdf = PDFS / name
    for password in ("wrong", "Жук"):
        run = run_cli(pdf, tmp_path, capsys, password)
        reason = check_outcome(run, pdf, tmp_path)
        assert run.rc == 3
        assert reason is not None and "wrong password" in reason, reason


def test_page_range_inside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--pages reads only part of a long book, and provenance stays within it."""
    pdf = PDFS / "pdfjs-freeculture-352p.pdf"
    run = run_cli(pdf, tmp_path, capsys, pages="340-345")
    check_outcome(run, pdf, tmp_path)
    assert run.rc == 0
    data = json.loads(run.out.read_text(encoding="utf-8"))
    pages = {f["page"] for f in data["flags"] if f.get("page") is not None}
    assert pages <= set(range(340, 346)), sorted(pages)


@pytest.mark.parametrize("pages", ["353", "400-", "350-360"])
def test_page_range_outside(pages: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A range past the last page is a usage error (exit 2) in one line."""
    pdf = PDFS / "pdfjs-freeculture-352p.pdf"
    run = run_cli(pdf, tmp_path, capsys, pages=pages)
    assert run.rc == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"extract: error: {pdf}:"), lines
    assert "352" in lines[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name", ["pdfjs-form-cycle.pdf", "pdfjs-fuzz-no-pages-tree.pdf", "synthetic-truncated-half.pdf"]
)
def test_real_process_one_error_line(name: str, tmp_path: Path) -> None:
    """In a real process (logging not captured by pytest), a failure is still one line.

    pdfminer logs WARNINGs about the damage it meets ("MediaBox missing ...");
    in-process tests cannot see them because pytest captures logging.
    """
    pdf = PDFS / name
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "booklet_extract", str(pdf), "-o", str(out), "-q"],
        capture_output=True, text=True, timeout=TIME_LIMIT, check=False,
    )
    if done.returncode == 0:
        Booklet.model_validate(json.loads(out.read_text(encoding="utf-8")))
        return
    assert done.returncode == 3, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"extract: error: {pdf}:")
    assert list(tmp_path.iterdir()) == []
