"""`extract ... --scheduler ADDRESS`: a batch whose inputs are extracted on a Dask cluster.

Only the mapping of inputs to outcomes moves to the cluster; `batch.run_batch`
still writes every output, in input order, and counts for the summary, so the
files, lines, messages and exit codes are those of a local batch. Workers run
the local batch's own task function, so their results are the same by
construction. Inputs are paths that the workers can read (shared storage); a
relative path is taken relative to this process's folder.

Memory on this side stays flat: a bounded window of tasks is in flight, results
are taken in input order as they are written, and finished ones are released.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from .batch import CRASHED, OutcomeSource, _extract_one, _Outcome, _Task
from .errors import EXIT_USAGE, BookletError, UsageError
from .sources import STDIN

log = logging.getLogger(__name__)

LOCAL = "local"
CONNECT_TIMEOUT = 10.0
"""Seconds to reach a scheduler before giving up with a one-line error."""
IN_FLIGHT_PER_THREAD = 4
"""Tasks queued per worker thread: a slow input must not leave the others idle."""
DASK_LOGGERS = ("distributed", "bokeh", "tornado")


class ClusterError(BookletError):
    """The scheduler cannot be reached, or went away during the run."""

    exit_code = EXIT_USAGE


def local_workers(address: str) -> int | None:
    """N for `local:N` (`local`: one per CPU); None for a scheduler's address.

    >>> local_workers("local:3"), local_workers("tcp://10.0.0.5:8786")
    (3, None)
    """
    if address != LOCAL and not address.startswith(f"{LOCAL}:"):
        return None
    count = address.partition(":")[2]
    if not count:
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise UsageError(f"--scheduler {address}: use local:N with N at least 1")
    return int(count)


@contextmanager
def on_cluster(address: str, inputs: list[Path]) -> Iterator[OutcomeSource]:
    """Connect to (or start) the cluster; yield what maps a batch's tasks onto it.

    A local cluster started here is closed on the way out, whatever happened.
    """
    if any(str(path) == STDIN for path in inputs):
        raise UsageError("--scheduler reads files that the workers can open, not standard input")
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'booklet-extract[dask]'") from None
    workers = local_workers(address)
    _quiet_dask()
    cluster: Any = None
    try:
        if workers is not None:
            with _sigint_blocked(), _fast_start():
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", preload=[__name__],
                                       silence_logs=_dask_log_level())
                client = Client(cluster)
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - Dask fails in many shapes; each is one line here
        if cluster is not None:
            cluster.close()
        what = "cannot start a local cluster" if workers is not None else "cannot reach the scheduler"
        raise ClusterError(f"{what} ({_reason(exc)})", address) from None
    log.info("%s: %d worker(s)", address, len(client.nthreads()))
    try:
        yield lambda tasks: _outcomes(client, tasks, os.getcwd())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


FORK_METHOD_SETTING = "distributed.worker.multiprocessing-method"


@contextmanager
def _fast_start() -> Iterator[None]:
    """Fork the local workers where fork exists, unless Dask's start method is set in the environment.

    Dask spawns worker processes by default: each starts a fresh interpreter and
    imports Dask and this package again, and stops slowly; forked workers share
    what this process has already loaded. On a small batch that is most of the
    difference between `--scheduler local:2` and `-j 2` (see scripts/bench.py --dask).
    """
    import dask

    chosen = "DASK_" + FORK_METHOD_SETTING.upper().replace(".", "__").replace("-", "_")
    if chosen in os.environ or not hasattr(os, "fork") or sys.platform == "darwin":
        yield  # macOS: forking a process that runs threads is unsafe there
        return
    with dask.config.set({FORK_METHOD_SETTING: "fork"}):
        yield


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Start a local cluster with SIGINT held back in this process.

    Ctrl-C while the cluster starts is taken once it is whole: interrupted half
    way, Dask's own exit hook fails on the half-built cluster with a traceback.
    (Worker processes ignore SIGINT once they run, see `dask_setup`; a spawned one
    still starting at that moment may print Python's KeyboardInterrupt trace.)
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def dask_setup(worker: object) -> None:
    """Dask's preload hook, run in each local worker process as it starts (`preload=`).

    Ctrl-C reaches the whole process group; the driver decides what it means
    and stops the workers itself, as the local batch does with its own.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _dask_log_level() -> int:
    """Dask logs its lifecycle, and a lost connection with whole tracebacks; the one-line
    error rule wins (what failed is reported as our own error) unless -v."""
    verbose = logging.getLogger("booklet_extract").isEnabledFor(logging.INFO)
    return logging.WARNING if verbose else logging.CRITICAL


def _quiet_dask() -> None:
    """Every Dask logger, the children too: Dask sets levels on some of them (`distributed.client`)."""
    level = _dask_log_level()
    known = list(logging.root.manager.loggerDict)
    for name in {*DASK_LOGGERS, *(n for n in known if n.startswith(tuple(f"{d}." for d in DASK_LOGGERS)))}:
        logging.getLogger(name).setLevel(level)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]


def _outcomes(client: Any, tasks: list[_Task], cwd: str) -> Generator[_Outcome, None, None]:
    """Submit a sliding window of tasks; yield their outcomes in input order."""
    threads = sum(client.nthreads().values()) or 1
    window = max(2, threads * IN_FLIGHT_PER_THREAD)
    pending: deque[tuple[_Task, Any]] = deque()
    try:
        for task in tasks:
            pending.append((task, client.submit(_run_task, task, cwd, pure=False)))
            while len(pending) >= window:
                yield _take(pending)
        while pending:
            yield _take(pending)
    finally:  # interrupted or closed early: drop what is queued on the cluster
        if pending:
            client.cancel([future for _, future in pending])


def _take(pending: deque[tuple[_Task, Any]]) -> _Outcome:
    """The oldest outcome. A task whose workers died (Dask retries it on another worker
    until its `allowed-failures`) fails alone, as a crashed worker does in a local batch."""
    from distributed import KilledWorker

    task, future = pending[0]
    try:
        outcome: _Outcome = future.result()
    except KilledWorker:
        outcome = _Outcome(path=task.path, error=f"{task.path}: {CRASHED}")
    except (OSError, CancelledError, TimeoutError) as exc:
        raise ClusterError(f"lost the scheduler ({_reason(exc)})", None) from None
    pending.popleft()
    future.release()
    return outcome


def _run_task(task: _Task, cwd: str) -> _Outcome:
    """Runs on a worker: the local batch's task, reading a relative path from the caller's folder.

    The output still names the input as it was given, so it equals a local batch's.
    """
    if task.path == STDIN or Path(task.path).is_absolute():
        return _extract_one(task)
    located = replace(task, path=str(Path(cwd) / task.path), options={**task.options, "name": task.path})
    return replace(_extract_one(located), path=task.path)
