"""Many booklets in one run: inputs expanded from folders, one worker per CPU,
a bad file reported and counted but never stopping the rest.

Memory stays flat however many files there are: at most two tasks per worker
are in flight, each result is written (one JSON file, or one line of the JSON
Lines file) as soon as it is its turn, and only counters are kept. Results come
back in input order, so `-j 2` writes exactly what `-j 1` writes.

Stopping: on Ctrl-C (or SIGTERM) the main process kills its workers at once
instead of waiting for the tasks they run; the caller's `BatchResult` then holds
what finished. Workers ignore SIGINT (the main process decides) and die with
the main process however it ends: on Linux the kernel kills them
(PR_SET_PDEATHSIG), and everywhere a watcher thread ends a worker whose parent
is gone.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import interrupts, wordlist
from .errors import BookletError
from .exports import ExportParts, ExportRequest, Exports, make_parts
from .inputs import output_paths
from .output import open_output, write_atomic
from .profile import DEFAULT_PROFILE
from .sources import STDIN
from .validate import count_problems, has_no_sections, problem_summary

if TYPE_CHECKING:  # the pool machinery is imported only when a batch runs on several workers
    from concurrent.futures import Future, ProcessPoolExecutor

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2
"""Tasks queued per worker: enough to keep workers busy, few enough to hold little."""
CRASHED = "the worker process died while reading this file (a crash in the PDF library?)"


@dataclass
class BatchResult:
    """What a batch did so far (filled in as it goes, so an interrupted run can report it)."""

    total: int = 0
    booklets: int = 0
    """Inputs read, with or without city sections."""
    cities: int = 0
    flags: int = 0
    problems: int = 0
    failures: list[str] = field(default_factory=list)
    no_sections: list[str] = field(default_factory=list)
    """Inputs read but without any city section (written, and flagged `no_sections`)."""
    strict: list[str] = field(default_factory=list)
    """One line per input with problem flags: `path: summary` (see `problem_summary`)."""
    written: list[str] = field(default_factory=list)
    """Output files complete on disk (the JSON Lines file only once the batch ends)."""


@dataclass(frozen=True)
class _Task:
    """One input and what to send back: only the serialisations the run writes."""

    path: str
    options: dict[str, Any]
    want_json: bool
    want_line: bool
    exports: ExportRequest | None = None


@dataclass(frozen=True)
class _Outcome:
    path: str
    json_text: str | None = None
    json_line: str | None = None
    cities: int = 0
    flags: int = 0
    problems: int = 0
    no_sections: bool = False
    problem_summary: str | None = None
    error: str | None = None
    parts: ExportParts | None = None


def _extract_one(task: _Task) -> _Outcome:
    """Run in a worker: everything returned is plain data, cheap to send back."""
    from .output import to_json, to_json_line
    from .pipeline import extract

    path = task.path
    try:
        booklet = extract(path, **task.options)
        parts = make_parts(booklet, task.exports) if task.exports else None
    except BookletError as exc:
        return _Outcome(path=path, error=str(exc) if exc.path else f"{path}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a batch must go on past any bad file
        return _Outcome(path=path, error=f"{path}: internal error ({type(exc).__name__}: {exc})")
    return _Outcome(
        path=path,
        json_text=to_json(booklet) if task.want_json else None,
        json_line=to_json_line(booklet) if task.want_line else None,
        cities=len(booklet.cities),
        flags=len(booklet.flags),
        problems=count_problems(booklet),
        no_sections=has_no_sections(booklet),
        problem_summary=problem_summary(booklet),
        parts=parts,
    )


def _outcomes(tasks: list[_Task], jobs: int) -> Generator[_Outcome, None, None]:
    """Outcomes in input order: in this process for one worker, else on a process pool."""
    workers = min(jobs if jobs > 0 else (os.cpu_count() or 1), len(tasks))
    if workers <= 1:
        return (_checked(_extract_one, task) for task in tasks)
    return _pooled(tasks, workers)


def _checked(run: Callable[[_Task], _Outcome], task: _Task) -> _Outcome:
    """Run one task in this process, unless a signal asked to stop before it."""
    interrupts.check()
    return run(task)


PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 0.5


def _pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers stop with this process and log as it does.

    The word-frequency table is read (or its cache built) here, once: forked
    workers inherit it, others read the cache file the first worker did not
    have to build.
    """
    from concurrent.futures import ProcessPoolExecutor

    wordlist.table(DEFAULT_PROFILE.language.code)
    levels = {name: logging.getLogger(name or None).level for name in ("", "booklet_extract", "pdfminer")}
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_init,
                               initargs=(os.getpid(), levels))


def _worker_init(main_pid: int, levels: dict[str, int]) -> None:
    """Runs first in each worker: signals, death with the main process, logging.

    Everything it uses is imported at the top of this module: an import in a
    forked worker can deadlock on a lock another thread held at the fork.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the main process decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler, inherited by fork
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if not _running(main_pid):  # the main process died before the above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(main_pid, parent), daemon=True,
                     name="watch-main-process").start()
    for name, level in levels.items():
        logging.getLogger(name or None).setLevel(level)
    root = logging.getLogger()
    if not root.handlers:  # not forked: the main process's handler did not come along
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("extract: %(levelname)s: %(message)s"))
        root.addHandler(handler)


def _watch_parent(main_pid: int, parent: int) -> None:
    """End this worker once the main process is gone (where the kernel cannot do it for us)."""
    while os.getppid() == parent and _running(main_pid):
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill the workers now (running tasks included), then release the pool."""
    kill_workers = getattr(pool, "kill_workers", None)  # Python 3.14+
    if kill_workers is not None:
        with suppress(Exception):
            kill_workers()
    else:  # older: the executor's own table of worker processes
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            with suppress(Exception):
                process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _pooled(tasks: Iterable[_Task], workers: int) -> Generator[_Outcome, None, None]:
    """Feed the pool a bounded window of tasks and yield their outcomes in order.

    A worker that dies (a crash inside a C library) breaks the whole pool; the
    tasks in flight are then rerun one by one in a fresh process, so only the
    file that kills its worker is reported, and a new pool takes the rest.
    """
    window = workers * IN_FLIGHT_PER_WORKER
    pool = _pool(workers)
    pending: deque[tuple[_Task, Future[_Outcome]]] = deque()
    try:
        for task in tasks:
            pending.append((task, pool.submit(_extract_one, task)))
            while len(pending) >= window:
                outcome, pool = _take(pending, pool, workers)
                yield outcome
        while pending:
            outcome, pool = _take(pending, pool, workers)
            yield outcome
    except BaseException:  # interrupted, or closed early: do not wait for running tasks
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _take(
    pending: deque[tuple[_Task, Future[_Outcome]]], pool: ProcessPoolExecutor, workers: int
) -> tuple[_Outcome, ProcessPoolExecutor]:
    """The oldest outcome, and the pool to go on with (a new one if this one broke)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        outcome = pending[0][1].result()
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        redone = [(t, _finished(_isolated(t))) for t, _ in pending]
        pending.clear()
        pending.extend(redone)
        pool = _pool(workers)
        outcome = pending[0][1].result()
    pending.popleft()
    return outcome, pool


def _isolated(task: _Task) -> _Outcome:
    """Run one task in a process of its own; its death is this file's failure only."""
    from concurrent.futures.process import BrokenProcessPool

    solo = _pool(1)
    try:
        outcome = solo.submit(_extract_one, task).result()
    except BrokenProcessPool:
        outcome = _Outcome(path=task.path, error=f"{task.path}: {CRASHED}")
    except BaseException:
        _stop(solo)
        raise
    solo.shutdown(wait=True)
    return outcome


def _finished(outcome: _Outcome) -> Future[_Outcome]:
    from concurrent.futures import Future

    future: Future[_Outcome] = Future()
    future.set_result(outcome)
    return future


@contextmanager
def _json_lines(target: Path | str | None) -> Iterator[Callable[[str], None]]:
    """A writer for the JSON Lines file (`-`: stdout; a no-op without one).

    Lines go into a temporary file beside the target, renamed into place when
    the batch ends: readers never see half a file, an interrupted run leaves none.
    """
    if target is None:
        yield lambda line: None
        return
    with open_output(target) as write:
        yield write


def _progress_bar(total: int, show: bool) -> Any:
    """A tqdm bar on stderr, or None. tqdm is imported only when a bar is drawn."""
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="booklet", file=sys.stderr, leave=False, dynamic_ncols=True)


OutcomeSource = Callable[[list[_Task]], Generator[_Outcome, None, None]]
"""Maps tasks to outcomes in input order: this machine's pool, or a cluster (`cluster.py`)."""


def run_batch(
    paths: list[Path],
    *,
    out_dir: Path | None,
    jsonl: Path | str | None,
    options: dict[str, Any],
    jobs: int = 0,
    progress: bool = False,
    result: BatchResult | None = None,
    exports: Exports | None = None,
    outcomes_from: OutcomeSource | None = None,
) -> BatchResult:
    """Extract every input, writing each result as it comes; return the counts and failures.

    Pass `result` to see what finished when the run is interrupted (the exception
    still propagates). An `OutputError` stops the batch: the disk is full, or
    the output folder is unwritable, for every file alike. `exports` (CSV,
    review pages) get each input's parts in order and are finished at the end.
    `outcomes_from` replaces the local workers (`-j`); writing and counting stay the same.
    """
    request = exports.request if exports is not None else None
    tasks = [_Task(str(p), options, out_dir is not None, jsonl is not None, request) for p in paths]
    result = result if result is not None else BatchResult()
    if exports is not None:
        exports.written = result.written  # pages listed as written: an interrupt reports them
    result.total = len(tasks)
    targets = output_paths(paths, out_dir) if out_dir is not None else []
    bar = _progress_bar(len(tasks), progress)
    try:
        outcomes = outcomes_from(tasks) if outcomes_from else _outcomes(tasks, jobs)
        with _json_lines(jsonl) as write_line, closing(outcomes):
            for index, outcome in enumerate(outcomes):
                interrupts.check()  # a stop a finalizer swallowed: the batch ends here
                if bar is not None:
                    bar.update(1)
                if out_dir is not None and outcome.json_text is not None:
                    write_atomic(targets[index], outcome.json_text)
                    result.written.append(str(targets[index]))
                if outcome.json_line is not None:
                    write_line(outcome.json_line)
                if exports is not None:
                    exports.add(outcome.parts, outcome.error)
                _record(result, outcome)
        if jsonl is not None and str(jsonl) != STDIN:
            result.written.append(str(jsonl))
        if exports is not None:
            exports.finish()
    finally:
        if bar is not None:
            bar.close()
        if exports is not None:
            exports.close()
    return result


def _record(result: BatchResult, outcome: _Outcome) -> None:
    log.debug("%s: done", outcome.path)
    if outcome.error is not None:
        result.failures.append(outcome.error)
        return
    result.booklets += 1
    result.cities += outcome.cities
    result.flags += outcome.flags
    result.problems += outcome.problems
    if outcome.no_sections:
        result.no_sections.append(outcome.path)
    if outcome.problem_summary is not None:
        result.strict.append(f"{outcome.path}: {outcome.problem_summary}")
