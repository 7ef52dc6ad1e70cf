"""Which files a command line names, and where their outputs go.

Apart from `batch.py` so that a run on one booklet does not import the batch machinery
(the pool, the progress bar, the exports): only the command needs these for every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .errors import UsageError
from .sources import STDIN

# Text may be Markdown an extractor made (`sources.markdown`).
INPUT_SUFFIXES = (".pdf", ".txt", ".text", ".md", ".markdown")


def expand_inputs(paths: Sequence[str]) -> list[Path]:
    """Files as given; folders expanded to the PDF, text and Markdown files inside (sorted)."""
    out: list[Path] = []
    if STDIN in paths and len(paths) > 1:
        raise UsageError("standard input must be the only input", STDIN)
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
            )
            if not found:
                raise UsageError("folder holds no .pdf, .txt or .md files", raw)
            out += found
        else:
            out.append(path)
    return out


def _output_name(path: Path, taken: set[str]) -> str:
    """Same stem, .json; a second input with the same stem gets a numbered name."""
    stem = "stdin" if str(path) == STDIN else path.stem
    name = f"{stem}.json"
    n = 2
    while name in taken:
        name = f"{stem}-{n}.json"
        n += 1
    taken.add(name)
    return name


def output_paths(paths: Sequence[Path], out_dir: Path) -> list[Path]:
    """The file each input is written to in `out_dir` (known before any work)."""
    taken: set[str] = set()
    return [out_dir / _output_name(path, taken) for path in paths]
