"""Issue 8 at the command line: where outputs go, exit 4, closed pipes, stdin and stdout,
the content deciding the format, no_sections, --strict, logging, --expect, messages.

Each case asserts the exit code, the whole of stderr (one line, or none on success),
and what is left on disk. Devices and FIFOs are made in the test's temp folder.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from booklet_extract import output
from booklet_extract.cli import cli_words, main
from booklet_extract.errors import UsageError
from booklet_extract.pipeline import extract

from .conftest import SAMPLE, SAMPLES

TXT = SAMPLES / f"{SAMPLE}.txt"
PDF = SAMPLES / f"{SAMPLE}.pdf"
Capture = pytest.CaptureFixture[str]
NO_TEXT = "no text (the input is empty, blank or NUL bytes only)"
NO_SECTIONS = "no city sections found (no 'N. Country, City' heading)"
ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="making device nodes needs root")


def run(capsys: Capture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """The command in a process of its own (for real file descriptors)."""
    return subprocess.run([sys.executable, "-m", "booklet_extract", *args],  # type: ignore[call-overload, no-any-return]
                          check=False, capture_output=kwargs.pop("capture_output", True), **kwargs)


def one_error(err: str, where: str, reason: str) -> None:
    assert err == f"extract: error: {where}: {reason}\n"


def char_device(path: Path, minor: int) -> Path:
    """A twin of /dev/null (minor 3) or /dev/full (minor 7), made in a temp folder."""
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return path


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- where -o writes -------------------------------------------------------------------


def test_symlink_output_writes_through_to_its_target(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "cities.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "links" / "out.json"
    link.symlink_to(target)
    code, stdout, err = run(capsys, str(TXT), "-o", str(link))
    assert (code, stdout, err) == (0, "", "")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["format"] == "text"
    assert files(tmp_path / "real") == ["cities.json"] and files(tmp_path / "links") == ["out.json"]


def test_dangling_symlink_output_creates_its_target(tmp_path: Path, capsys: Capture) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "made.json")
    code, _, err = run(capsys, str(TXT), "-o", str(link))
    assert (code, err) == (0, "") and link.is_symlink()
    assert json.loads((tmp_path / "made.json").read_text(encoding="utf-8"))["cities"]


def test_fifo_output_is_written_into_not_replaced(tmp_path: Path, capsys: Capture) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, stdout, err = run(capsys, str(TXT), "-o", str(fifo))
    reader.join(timeout=30)
    assert (code, stdout, err) == (0, "", "")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and files(tmp_path) == ["pipe"]
    assert json.loads(got[0])["source"]["format"] == "text"


@needs_root
def test_device_output_is_written_into_not_replaced(tmp_path: Path, capsys: Capture) -> None:
    null = char_device(tmp_path / "null", 3)
    code, stdout, err = run(capsys, str(TXT), "-o", str(null))
    assert (code, stdout, err) == (0, "", "")
    assert stat.S_ISCHR(os.stat(null).st_mode) and files(tmp_path) == ["null"]


def test_fd_alias_output_writes_into_the_open_file(tmp_path: Path) -> None:
    """`-o /proc/self/fd/1` (what /dev/stdout is) writes into stdout's file, not beside it."""
    captured = tmp_path / "captured.json"
    with captured.open("wb") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        done = cli(str(TXT), "-o", "/proc/self/fd/1", stdout=handle, stderr=subprocess.PIPE,
                   capture_output=False)
    assert done.returncode == 0 and done.stderr == b""
    assert os.stat(captured).st_ino == inode and files(tmp_path) == ["captured.json"]
    assert json.loads(captured.read_text(encoding="utf-8"))["cities"]


@pytest.mark.parametrize("how", ["same path", "symlink", "hardlink"])
def test_output_naming_an_input_is_refused(tmp_path: Path, capsys: Capture, how: str) -> None:
    source = tmp_path / "booklet.txt"
    shutil.copy(TXT, source)
    out = tmp_path / "out.json"
    if how == "same path":
        out = source
    elif how == "symlink":
        out.symlink_to(source)
    else:
        os.link(source, out)
    before = files(tmp_path)
    code, stdout, err = run(capsys, str(source), "-o", str(out))
    assert code == 2 and stdout == ""
    one_error(err, str(out), "is also an input; refusing to overwrite it")
    assert source.read_bytes() == TXT.read_bytes() and files(tmp_path) == before


def test_batch_output_naming_an_input_is_refused(tmp_path: Path, capsys: Capture) -> None:
    """An input whose content is text but is named .json would be overwritten by its own result."""
    shutil.copy(TXT, tmp_path / "a.json")
    shutil.copy(TXT, tmp_path / "b.txt")
    code, _, err = run(capsys, str(tmp_path / "a.json"), str(tmp_path / "b.txt"), "-o", str(tmp_path))
    assert code == 2
    one_error(err, str(tmp_path / "a.json"), "is also an input; refusing to overwrite it")
    assert files(tmp_path) == ["a.json", "b.txt"]


def test_output_naming_a_folder_means_that_folder(tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "results"
    folder.mkdir()
    code, stdout, err = run(capsys, str(TXT), "-o", str(folder))
    assert (code, stdout, err) == (0, "", "")
    assert files(folder) == [f"{SAMPLE}.json"]
    assert json.loads((folder / f"{SAMPLE}.json").read_text(encoding="utf-8"))["cities"]


def test_existing_output_keeps_its_permissions(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "out.json"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    code, _, err = run(capsys, str(TXT), "-o", str(out))
    assert (code, err) == (0, "")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640 and out.read_text(encoding="utf-8") != "old\n"
    assert files(tmp_path) == ["out.json"]


# -- exit 4: the output could not be written ------------------------------------------


@needs_root
def test_full_disk_is_exit_4(tmp_path: Path, capsys: Capture) -> None:
    full = char_device(tmp_path / "full", 7)
    code, stdout, err = run(capsys, str(TXT), "-o", str(full))
    assert code == 4 and stdout == ""
    one_error(err, str(full), "cannot write output (No space left on device)")
    assert stat.S_ISCHR(os.stat(full).st_mode) and files(tmp_path) == ["full"]


@needs_root
def test_full_disk_on_stdout_is_exit_4(tmp_path: Path) -> None:
    full = char_device(tmp_path / "full", 7)
    with full.open("wb") as handle:
        done = cli(str(TXT), stdout=handle, stderr=subprocess.PIPE, capture_output=False)
    assert done.returncode == 4
    assert done.stderr == b"extract: error: stdout: cannot write output (No space left on device)\n"
    assert files(tmp_path) == ["full"]


def test_output_under_a_regular_file_is_exit_4(tmp_path: Path, capsys: Capture) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder\n", encoding="utf-8")
    out = blocker / "out.json"
    code, stdout, err = run(capsys, str(TXT), "-o", str(out))
    assert code == 4 and stdout == ""
    one_error(err, str(out), "cannot write output (Not a directory)")
    assert files(tmp_path) == ["file.txt"] and blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_output_folder_that_cannot_be_made_is_exit_4_before_any_work(tmp_path: Path, capsys: Capture) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x\n", encoding="utf-8")
    out = blocker / "out"
    code, _, err = run(capsys, str(TXT), str(PDF), "-o", str(out), "-j", "1")
    assert code == 4
    one_error(err, str(out), "cannot create the folder (Not a directory)")
    assert files(tmp_path) == ["file.txt"]


def test_jsonl_that_cannot_be_written_is_exit_4(tmp_path: Path, capsys: Capture) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x\n", encoding="utf-8")
    target = blocker / "all.jsonl"
    code, _, err = run(capsys, str(TXT), "--jsonl", str(target), "-q")
    assert code == 4
    one_error(err, str(target), "cannot write output (Not a directory)")
    assert files(tmp_path) == ["file.txt"]


@pytest.mark.parametrize(("code", "reason"), [(errno.EACCES, "Permission denied"),
                                              (errno.EROFS, "Read-only file system")])
def test_unwritable_folder_is_exit_4(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch,
                                     code: int, reason: str) -> None:
    """Root writes through chmod, so the refusal the file system would give is simulated."""
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.tempfile, "mkstemp", refuse)
    out = tmp_path / "out.json"
    rc, stdout, err = run(capsys, str(TXT), "-o", str(out))
    assert rc == 4 and stdout == ""
    one_error(err, str(out), f"cannot write output ({reason})")
    assert files(tmp_path) == []


def test_debug_pages_folder_that_cannot_be_made_is_exit_4(tmp_path: Path, capsys: Capture) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x\n", encoding="utf-8")
    out = tmp_path / "out.json"
    code, _, err = run(capsys, str(PDF), "--pages", "4", "-o", str(out), "--debug-pages", str(blocker / "png"))
    assert code == 4
    one_error(err, str(blocker / "png"), "cannot create the folder (Not a directory)")
    assert files(tmp_path) == ["file.txt", "out.json"]


def test_output_naming_a_folder_through_the_library_is_an_output_error(tmp_path: Path) -> None:
    from booklet_extract.errors import OutputError

    with pytest.raises(OutputError, match="Is a directory"):
        output.write_atomic(tmp_path, "x")


# -- stdout: closed pipes, '-' -----------------------------------------------------------


def test_closed_pipe_on_stdout_ends_quietly(tmp_path: Path) -> None:
    """As `extract ... | head -1` once head has quit: no traceback, the shell's 141."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = cli(str(TXT), stdout=write_end, stderr=subprocess.PIPE, capture_output=False)
    finally:
        os.close(write_end)
    assert done.returncode == 141 and done.stderr == b""


def test_closed_pipe_on_jsonl_stdout_ends_quietly(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = cli(str(TXT), str(TXT), "--jsonl", "-", "-q", "-j", "1", stdout=write_end,
                   stderr=subprocess.PIPE, capture_output=False, cwd=tmp_path)
    finally:
        os.close(write_end)
    assert done.returncode == 141 and done.stderr == b""
    assert files(tmp_path) == []


def test_head_reads_the_first_line() -> None:
    done = subprocess.run(f"{sys.executable} -m booklet_extract {PDF} {PDF} --jsonl - -q | head -c 10",
                          shell=True, check=False, capture_output=True)
    assert done.returncode == 0 and done.stdout == b'{"schema_v' and done.stderr == b""


def test_dash_reads_stdin_and_content_decides(tmp_path: Path) -> None:
    for source, kind in ((TXT, "text"), (PDF, "pdf")):
        done = cli("-", "--backend", "pdfium", input=source.read_bytes())
        assert done.returncode == 0 and done.stderr == b""
        data = json.loads(done.stdout)
        assert data["source"]["path"] == "-" and data["source"]["format"] == kind
        assert len(data["cities"]) == 10


def test_dash_output_and_jsonl_go_to_stdout(tmp_path: Path, capsys: Capture) -> None:
    code, stdout, err = run(capsys, str(TXT), "-o", "-")
    assert (code, err) == (0, "") and json.loads(stdout)["cities"]
    code, stdout, err = run(capsys, str(TXT), str(TXT), "--jsonl", "-", "-q", "-j", "1")
    assert (code, err) == (0, "")
    assert [len(json.loads(line)["cities"]) for line in stdout.splitlines()] == [10, 10]
    assert not (Path.cwd() / "-").exists()


def test_stdin_must_be_the_only_input(capsys: Capture) -> None:
    code, stdout, err = run(capsys, "-", str(TXT), "--jsonl", "-")
    assert code == 2 and stdout == ""
    one_error(err, "-", "standard input must be the only input")


def test_empty_stdin_is_no_text(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n \n")))
    code, stdout, err = run(capsys, "-")
    assert code == 3 and stdout == ""
    one_error(err, "-", NO_TEXT)


# -- the content decides; no text; no sections ---------------------------------------------


def test_text_named_pdf_is_read_as_text(tmp_path: Path, capsys: Capture) -> None:
    renamed = tmp_path / "booklet.pdf"
    shutil.copy(TXT, renamed)
    out = tmp_path / "out.json"
    code, _, err = run(capsys, str(renamed), "-o", str(out))
    assert (code, err) == (0, "")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["format"] == "text" and len(data["cities"]) == 10
    assert files(tmp_path) == ["booklet.pdf", "out.json"]


def test_no_sections_warns_and_flags(tmp_path: Path, capsys: Capture) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Minutes of the meeting\nNothing about cities here.\n", encoding="utf-8")
    out = tmp_path / "out.json"
    code, _, err = run(capsys, str(notes), "-o", str(out))
    assert code == 0 and err == f"extract: warning: {notes}: {NO_SECTIONS}\n"
    flags = json.loads(out.read_text(encoding="utf-8"))["flags"]
    assert [f["kind"] for f in flags if f["kind"] != "unassigned_text"] == ["no_sections"]
    code, _, err = run(capsys, str(notes), "-o", str(out), "--strict")
    assert code == 1 and err.count("\n") == 1 and "no_sections 1" in err and str(notes) in err
    assert files(tmp_path) == ["notes.txt", "out.json"]


def test_batch_counts_inputs_without_sections_apart(tmp_path: Path, capsys: Capture) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Minutes of the meeting\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, str(TXT), str(notes), "-o", str(out), "-j", "1")
    assert code == 0
    assert err.splitlines() == [
        f"extract: warning: {notes}: {NO_SECTIONS}",
        "extract: 1 booklet(s), 10 cities, 50 flags; 1 without city sections; 0 failed",
    ]
    assert files(out) == [f"{SAMPLE}.json", "notes.json"]


def test_strict_in_a_batch_names_each_file(tmp_path: Path, capsys: Capture) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Minutes of the meeting\n", encoding="utf-8")
    code, _, err = run(capsys, str(TXT), str(notes), "-o", str(tmp_path / "out"), "-j", "1",
                       "--strict", "-q")
    assert code == 1
    assert err.splitlines() == [
        (f"extract: {TXT}: 1 problem flag(s): malformed_number 1; "
         "first: malformed_number at city 1 (Medellín), line 77 (--strict)"),
        (f"extract: {notes}: 2 problem flag(s): no_sections 1, unassigned_text 1; "
         "first: no_sections at the whole booklet; unassigned_text at line 1 (--strict)"),
    ]


# -- logging -------------------------------------------------------------------------------


def test_verbose_prints_one_line_per_stage(capsys: Capture) -> None:
    code, stdout, err = run(capsys, str(PDF), "-v", "--pages", "4-5")
    assert code == 0 and json.loads(stdout)["cities"]
    stages = [line.split(": ")[3] for line in err.splitlines()]
    assert all(line.startswith("extract: INFO: ") for line in err.splitlines()), err
    assert [s.split()[0] for s in stages] == ["read", "repairs", "blocks", "fields", "validation"]
    assert "2 page(s)" not in err and "24 page(s)" in err and "1 cities" in err


def test_debug_keeps_other_libraries_quiet(capsys: Capture) -> None:
    code, _, err = run(capsys, str(PDF), "-vv", "--pages", "4")
    lines = err.splitlines()
    assert code == 0 and 5 < len(lines) < 100
    assert all(line.split(": ")[2].startswith("booklet_extract") for line in lines), lines[:5]
    code, _, err = run(capsys, str(PDF), "-vv", "--pages", "4", "--debug-libs")
    assert code == 0 and "pdfminer" in err


# -- --expect ----------------------------------------------------------------------------------


def test_expect_compares_coverage_and_shows_flags_readably(tmp_path: Path, capsys: Capture) -> None:
    saved = tmp_path / "saved.json"
    assert run(capsys, str(TXT), "-o", str(saved))[0] == 0
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["coverage"]["assigned"] -= 1
    dropped = next(f for f in data["flags"] if f["kind"] == "ligature_split" and f["city"])
    data["flags"].remove(dropped)
    saved.write_text(json.dumps(data), encoding="utf-8")
    code, stdout, err = run(capsys, str(TXT), "--expect", str(saved))
    assert code == 1
    assert stdout.splitlines() == [
        f"coverage: assigned: expected {data['coverage']['assigned']}, got {data['coverage']['assigned'] + 1}",
        (f"flags: flag raised, not expected: ligature_split {dropped['printed']!r} -> {dropped['fixed']!r} "
         f"(city {dropped['city']}, line {dropped['line']})"),
    ]
    assert err == (f"extract: 2 difference(s) from {saved} (not compared: provenance, source path "
                   "and checksum, flag messages and positions)\n")


# -- messages name the library's arguments; the CLI names its flags --------------------------


def test_library_errors_name_arguments_not_flags() -> None:
    with pytest.raises(UsageError) as info:
        extract(PDF, pages=(30, 31), backend="pdfium")
    assert str(info.value) == f"{PDF}: pages=30-31 is outside the document (24 page(s))"
    with pytest.raises(UsageError, match="pages= applies to PDF input only"):
        extract(TXT, pages=(1, 2))


def test_cli_words() -> None:
    assert cli_words("encrypted: needs a password (use password=)") == \
        "encrypted: needs a password (use --password)"
    assert cli_words("x.pdf: pages=3-4 is outside") == "x.pdf: --pages 3-4 is outside"
    assert cli_words("pages= applies to PDF input only") == "--pages applies to PDF input only"


# -- temporary files ---------------------------------------------------------------------------


def test_stale_temp_of_a_dead_process_is_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          check=True, capture_output=True, text=True)
    stale = tmp_path / f".out.json.{output.TEMP_MARK}-{int(dead.stdout)}-abc.tmp"
    stale.write_text("partial", encoding="utf-8")
    live = tmp_path / f".out.json.{output.TEMP_MARK}-{os.getppid()}-abc.tmp"
    live.write_text("someone else's", encoding="utf-8")
    output.write_atomic(tmp_path / "out.json", "{}\n")
    assert files(tmp_path) == [live.name, "out.json"]
