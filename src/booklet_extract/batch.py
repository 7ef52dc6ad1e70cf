"""Many booklets in one run: inputs expanded from folders, one worker per CPU,
a bad file reported and counted but never stopping the rest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BookletError, UsageError
from .output import to_json, to_json_line, write_atomic

INPUT_SUFFIXES = (".pdf", ".txt", ".text")


def expand_inputs(paths: Sequence[str]) -> list[Path]:
    """Files as given; folders expanded to the PDF and text files inside (sorted)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
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
class _Outcome:
    path: str
    json_text: str | None = None
    json_line: str | None = None
    cities: int = 0
    flags: int = 0
    problems: int = 0
    error: str | None = None


def _extract_one(path: str, options: dict[str, Any]) -> _Outcome:
    """Run in a worker: everything returned is plain data, cheap to send back."""
    from .cli import PROBLEM_KINDS
    from .pipeline import extract

    try:
        booklet = extract(path, **options)
    except BookletError as exc:
        return _Outcome(path=path, error=str(exc) if exc.path else f"{path}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a batch must go on past any bad file
        return _Outcome(path=path, error=f"{path}: internal error ({type(exc).__name__}: {exc})")
    return _Outcome(
        path=path,
        json_text=to_json(booklet),
        json_line=to_json_line(booklet),
        cities=len(booklet.cities),
        flags=len(booklet.flags),
        problems=sum(f.kind in PROBLEM_KINDS for f in booklet.flags),
    )


def _outcomes(paths: list[Path], options: dict[str, Any], jobs: int) -> Iterator[_Outcome]:
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    workers = min(workers, len(paths))
    if workers <= 1:
        for path in paths:
            yield _extract_one(str(path), options)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_one, [str(p) for p in paths], [options] * len(paths))


def _output_name(path: Path, taken: set[str]) -> str:
    """Same stem, .json; a second input with the same stem gets a numbered name."""
    name = f"{path.stem}.json"
    n = 2
    while name in taken:
        name = f"{path.stem}-{n}.json"
        n += 1
    taken.add(name)
    return name


def run_batch(
    paths: list[Path],
    *,
    out_dir: Path | None,
    jsonl: Path | None,
    options: dict[str, Any],
    jobs: int = 0,
    progress: bool = False,
) -> BatchResult:
    result = BatchResult()
    taken: set[str] = set()
    lines: list[str] = []
    outcomes = _outcomes(paths, options, jobs)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(paths), unit="booklet", file=None)
    for path, outcome in zip(paths, outcomes):
        if bar is not None:
            bar.update(1)
        if outcome.error is not None:
            result.failures.append(outcome.error)
            continue
        result.booklets += 1
        result.cities += outcome.cities
        result.flags += outcome.flags
        result.problems += outcome.problems
        if out_dir is not None and outcome.json_text is not None:
            write_atomic(out_dir / _output_name(path, taken), outcome.json_text)
        if jsonl is not None and outcome.json_line is not None:
            lines.append(outcome.json_line)
    if bar is not None:
        bar.close()
    if jsonl is not None:
        write_atomic(jsonl, "".join(lines))
    return result
