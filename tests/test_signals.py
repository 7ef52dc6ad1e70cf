"""Issue 8: Ctrl-C, SIGTERM and kill -9, each sent to a real `extract` process.

Each case asserts the exit code, the one stderr line, no traceback, that worker
processes are gone, and what is left on disk (finished outputs complete, no
temporary file, except the stale one `kill -9` leaves, removed by the next run).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import SAMPLE, SAMPLES

TXT = SAMPLES / f"{SAMPLE}.txt"
PDF = SAMPLES / f"{SAMPLE}.pdf"

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def spawn(*args: str, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "booklet_extract", *args],  # type: ignore[call-overload, no-any-return]
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            **kwargs)


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def gone(pid: int) -> bool:
    """Exited (a zombie waiting for whoever adopted it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def long_pdf(target: Path, copies: int = 10) -> None:
    """The sample repeated: a PDF that takes a worker several seconds."""
    import pypdfium2

    src, out = pypdfium2.PdfDocument(PDF), pypdfium2.PdfDocument.new()
    try:
        for _ in range(copies):
            out.import_pages(src)
        out.save(target)
    finally:
        out.close()
        src.close()


def shelf(tmp_path: Path, pdfs: int = 4) -> list[str]:
    """A quick text first (its output says the batch is under way), then long PDFs."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(TXT, folder / "a0.txt")
    long_pdf(folder / "a1.pdf")
    for i in range(2, pdfs + 1):
        shutil.copy(folder / "a1.pdf", folder / f"a{i}.pdf")
    return sorted(str(p) for p in folder.iterdir())


def stopped_while_reading_stdin(tmp_path: Path, signum: int) -> tuple[int, bytes, list[str]]:
    """Start `extract - -o out.json`, feed it more than a pipe holds (so it is reading), signal it."""
    out = tmp_path / "out.json"
    proc = spawn("-", "-o", str(out), stdin=subprocess.PIPE)
    assert proc.stdin is not None
    text = TXT.read_bytes()
    proc.stdin.write(text * (200_000 // len(text) + 1))  # returns once the child is reading
    proc.stdin.flush()
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    return proc.returncode, err, sorted(p.name for p in tmp_path.iterdir())


def test_ctrl_c_on_one_input(tmp_path: Path) -> None:
    code, err, left = stopped_while_reading_stdin(tmp_path, signal.SIGINT)
    assert code == 130 and err == b"extract: interrupted\n" and left == []


def test_sigterm_on_one_input(tmp_path: Path) -> None:
    code, err, left = stopped_while_reading_stdin(tmp_path, signal.SIGTERM)
    assert code == 143 and err == b"extract: terminated\n" and left == []


def _stop_batch(tmp_path: Path, signum: int, whole_group: bool, jobs: int = 2) -> None:
    inputs = shelf(tmp_path)
    out, lines = tmp_path / "out", tmp_path / "all.jsonl"
    proc = spawn(*inputs, "-o", str(out), "--jsonl", str(lines), "-j", str(jobs))
    wait_for(lambda: (out / "a0.json").exists())
    workers = children(proc.pid)
    assert len(workers) == (jobs if jobs > 1 else 0)
    sent = time.monotonic()
    if whole_group:
        os.killpg(proc.pid, signum)  # what a terminal's Ctrl-C does
    else:
        proc.send_signal(signum)
    stdout, err = proc.communicate(timeout=30)
    assert time.monotonic() - sent < 3, "stopped at once, not after the running tasks"
    assert proc.returncode == (130 if signum == signal.SIGINT else 143) and stdout == b""
    text = err.decode()
    how = "interrupted" if signum == signal.SIGINT else "terminated"
    assert text.count("\n") == 1 and "Traceback" not in text, text
    assert text.startswith(f"extract: {how} after ") and f" of {len(inputs)} input(s); complete outputs: " in text
    listed = text.rstrip("\n").split("complete outputs: ")[1].split(", ")
    written = sorted(str(p) for p in out.iterdir())
    assert sorted(listed) == written and str(out / "a0.json") in written
    for path in written:
        assert json.loads(Path(path).read_text(encoding="utf-8"))["cities"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # no JSON Lines, no temp file
    wait_for(lambda: all(gone(pid) for pid in workers), timeout=5)


def test_ctrl_c_to_the_process_group_stops_a_batch_at_once(tmp_path: Path) -> None:
    _stop_batch(tmp_path, signal.SIGINT, whole_group=True)


def test_ctrl_c_to_the_main_process_stops_a_batch_at_once(tmp_path: Path) -> None:
    _stop_batch(tmp_path, signal.SIGINT, whole_group=False)


def test_ctrl_c_stops_a_batch_in_one_process(tmp_path: Path) -> None:
    _stop_batch(tmp_path, signal.SIGINT, whole_group=True, jobs=1)


def test_sigterm_stops_a_batch_at_once(tmp_path: Path) -> None:
    _stop_batch(tmp_path, signal.SIGTERM, whole_group=False)


def test_workers_die_with_a_killed_main_process(tmp_path: Path) -> None:
    """kill -9 cannot be caught: the workers still go, and the next run removes the stale temp."""
    inputs = shelf(tmp_path)
    lines = tmp_path / "all.jsonl"
    proc = spawn(*inputs, "--jsonl", str(lines), "-j", "2", "-q")
    wait_for(lambda: len(children(proc.pid)) == 2 and any(tmp_path.glob(".all.jsonl.*.tmp")))
    workers = children(proc.pid)
    proc.kill()
    proc.communicate(timeout=30)
    wait_for(lambda: all(gone(pid) for pid in workers), timeout=5)
    stale = [p.name for p in tmp_path.glob(".all.jsonl.*.tmp")]
    assert len(stale) == 1 and f"extract-tmp-{proc.pid}-" in stale[0]
    done = subprocess.run([sys.executable, "-m", "booklet_extract", inputs[0], "--jsonl", str(lines), "-q"],
                          check=False, capture_output=True)
    assert done.returncode == 0 and done.stderr == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "in"]


def test_a_stop_dropped_inside_a_finalizer_is_raised_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python drops an exception raised in __del__ (where a Ctrl-C can land while the regex
    module compiles): the stop is remembered, and the next check raises it."""
    from booklet_extract import interrupts

    dropped: list[BaseException] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: dropped.append(u.exc_value))

    class Finalised:
        def __del__(self) -> None:
            interrupts.request(KeyboardInterrupt)

    try:
        Finalised()
        assert len(dropped) == 1 and isinstance(dropped[0], KeyboardInterrupt)
        with pytest.raises(KeyboardInterrupt):
            interrupts.check()
    finally:
        interrupts.clear()
    interrupts.check()  # cleared: nothing pending


def test_a_caught_ctrl_c_leaves_no_unhandled_flag_for_the_interpreter() -> None:
    """A Ctrl-C caught after it left a string `exec` (a dataclass being built while a module
    is imported) made `python -m` die with SIGINT (status -2) after `main` returned 130:
    CPython had set its "unhandled Ctrl-C" flag. Clearing the stop clears that flag too."""
    import ctypes

    from booklet_extract import interrupts

    try:
        flag = ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt")
    except ValueError:
        pytest.skip("this Python keeps the flag where ctypes cannot read it (3.12 and later)")
    try:
        exec("raise KeyboardInterrupt", {})  # noqa: S102 - a constant: the string exec is the case
    except KeyboardInterrupt:
        pass
    assert flag.value == 1  # what CPython does: the case the reset is for
    interrupts.clear()
    assert flag.value == 0
