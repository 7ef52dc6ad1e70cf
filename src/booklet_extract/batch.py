"""Many booklets in one run: inputs expanded from folders, one worker per CPU,
a bad file reported and counted but never stopping the rest.

Memory stays flat however many files there are: at most two tasks per worker
are in flight, each result is written (one JSON file, or one line of the JSON
Lines file) as soon as it is its turn, and only counters are kept. Results come
back in input order, so `-j 2` writes exactly what `-j 1` writes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BookletError, UsageError
from .output import write_atomic
from .validate import count_problems

INPUT_SUFFIXES = (".pdf", ".txt", ".text")
IN_FLIGHT_PER_WORKER = 2
"""Tasks queued per worker: enough to keep workers busy, few enough to hold little."""
CRASHED = "the worker process died while reading this file (a crash in the PDF library?)"


def expand_inputs(paths: Sequence[str]) -> list[Path]:
    """Files as given; folders expanded to the PDF and text files inside (sorted)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
            )
            if not found:
                raise UsageError("folder holds no .pdf or .txt files", raw)
            out += found
        else:
            out.append(path)
    return out


@dataclass
class BatchResult:
    booklets: int = 0
    cities: int = 0
    flags: int = 0
    problems: int = 0
    failures: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Task:
    """One input and what to send back: only the serialisations the run writes."""

    path: str
    options: dict[str, Any]
    want_json: bool
    want_line: bool


@dataclass(frozen=True)
class _Outcome:
    path: str
    json_text: str | None = None
    json_line: str | None = None
    cities: int = 0
    flags: int = 0
    problems: int = 0
    error: str | None = None


def _extract_one(task: _Task) -> _Outcome:
    """Run in a worker: everything returned is plain data, cheap to send back."""
    from .output import to_json, to_json_line
    from .pipeline import extract

    path = task.path
    try:
        booklet = extract(path, **task.options)
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
    )


def _outcomes(tasks: list[_Task], jobs: int) -> Generator[_Outcome, None, None]:
    """Outcomes in input order: in this process for one worker, else on a process pool."""
    workers = min(jobs if jobs > 0 else (os.cpu_count() or 1), len(tasks))
    if workers <= 1:
        return (_extract_one(task) for task in tasks)
    return _pooled(tasks, workers)


def _pooled(tasks: Iterable[_Task], workers: int) -> Generator[_Outcome, None, None]:
    """Feed the pool a bounded window of tasks and yield their outcomes in order.

    A worker that dies (a crash inside a C library) breaks the whole pool; the
    tasks in flight are then rerun one by one in a fresh process, so only the
    file that kills its worker is reported, and a new pool takes the rest.
    """
    window = workers * IN_FLIGHT_PER_WORKER
    pool = ProcessPoolExecutor(max_workers=workers)
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
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _take(
    pending: deque[tuple[_Task, Future[_Outcome]]], pool: ProcessPoolExecutor, workers: int
) -> tuple[_Outcome, ProcessPoolExecutor]:
    """The oldest outcome, and the pool to go on with (a new one if this one broke)."""
    try:
        outcome = pending[0][1].result()
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        redone = [(t, _finished(_isolated(t))) for t, _ in pending]
        pending.clear()
        pending.extend(redone)
        pool = ProcessPoolExecutor(max_workers=workers)
        outcome = pending[0][1].result()
    pending.popleft()
    return outcome, pool


def _isolated(task: _Task) -> _Outcome:
    """Run one task in a process of its own; its death is this file's failure only."""
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(_extract_one, task).result()
        except BrokenProcessPool:
            return _Outcome(path=task.path, error=f"{task.path}: {CRASHED}")


def _finished(outcome: _Outcome) -> Future[_Outcome]:
    future: Future[_Outcome] = Future()
    future.set_result(outcome)
    return future


def _output_name(path: Path, taken: set[str]) -> str:
    """Same stem, .json; a second input with the same stem gets a numbered name."""
    name = f"{path.stem}.json"
    n = 2
    while name in taken:
        name = f"{path.stem}-{n}.json"
        n += 1
    taken.add(name)
    return name


@contextmanager
def _json_lines(target: Path | None) -> Iterator[Callable[[str], None]]:
    """A writer for the JSON Lines file (a no-op without one).

    Lines go into a temporary file beside the target, renamed into place when
    the batch ends: readers never see half a file, an interrupted run leaves none.
    """
    if target is None:
        yield lambda line: None
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; the result is not
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:

            def write(line: str) -> None:
                handle.write(line)

            yield write
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def _umask() -> int:
    """The process umask (only readable by setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _progress_bar(total: int, show: bool) -> Any:
    """A tqdm bar on stderr, or None. tqdm is imported only when a bar is drawn."""
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="booklet", file=sys.stderr, leave=False, dynamic_ncols=True)


def run_batch(
    paths: list[Path],
    *,
    out_dir: Path | None,
    jsonl: Path | None,
    options: dict[str, Any],
    jobs: int = 0,
    progress: bool = False,
) -> BatchResult:
    """Extract every input, writing each result as it comes; return the counts and failures."""
    tasks = [_Task(str(p), options, out_dir is not None, jsonl is not None) for p in paths]
    result = BatchResult()
    taken: set[str] = set()
    bar = _progress_bar(len(tasks), progress)
    try:
        outcomes = _outcomes(tasks, jobs)
        with _json_lines(jsonl) as write_line, closing(outcomes):
            for path, outcome in zip(paths, outcomes):
                if bar is not None:
                    bar.update(1)
                _record(result, outcome)
                if out_dir is not None and outcome.json_text is not None:
                    write_atomic(out_dir / _output_name(path, taken), outcome.json_text)
                if outcome.json_line is not None:
                    write_line(outcome.json_line)
    finally:
        if bar is not None:
            bar.close()
    return result


def _record(result: BatchResult, outcome: _Outcome) -> None:
    if outcome.error is not None:
        result.failures.append(outcome.error)
        return
    result.booklets += 1
    result.cities += outcome.cities
    result.flags += outcome.flags
    result.problems += outcome.problems
