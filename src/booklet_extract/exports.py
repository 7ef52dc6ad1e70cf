"""The exports beside the JSON (`--csv`, `--review`), for one input or a batch.

Kept out of cli.py and batch.py so they only pass options through: a worker
calls `make_parts` on its booklet (the expensive part runs where the
extraction ran), the main process hands each input's parts to `Exports`, in
input order, and `Exports.finish` writes what can only be written at the end
(the CSV, whose columns depend on every booklet).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UsageError
from .output import make_folder, write_atomic
from .sources import STDIN

if TYPE_CHECKING:  # imported where used: a run without --csv or --review never loads them
    from .csv_export import CsvSink
    from .models import Booklet
    from .review import Summary
    from .table import Row

INDEX = "index.html"


@dataclass(frozen=True)
class ExportRequest:
    """What a worker makes besides the JSON: only what the run writes."""

    rows: bool = False
    review: bool = False
    backend: str | None = None
    password: str | None = None


@dataclass(frozen=True)
class ExportParts:
    """One input's share of the exports, plain data (cheap to send from a worker)."""

    rows: list[Row] | None = None
    review_html: str | None = None
    summary: Summary | None = None


def make_parts(booklet: Booklet, request: ExportRequest) -> ExportParts:
    """Build one booklet's parts of the requested exports (in a batch: in the worker)."""
    from .review import review_file, summary
    from .table import city_rows

    rows = city_rows(booklet.model_dump(mode="json")) if request.rows else None
    page = None
    if request.review:
        if booklet.source.path in (None, STDIN):
            raise UsageError("--review needs an input file (it reads it again for the crops)", STDIN)
        page = review_file(booklet, booklet.source.path, backend=request.backend, password=request.password)
    return ExportParts(rows=rows, review_html=page, summary=summary(booklet, "") if page else None)


def review_pages(paths: list[Path], folder: Path) -> list[Path]:
    """A batch's review pages: FOLDER/STEM.html, numbered when stems repeat, never the index."""
    taken = {INDEX}
    out = []
    for path in paths:
        stem = "stdin" if str(path) == STDIN else path.stem
        name, n = f"{stem}.html", 2
        while name in taken:
            name, n = f"{stem}-{n}.html", n + 1
        taken.add(name)
        out.append(folder / name)
    return out


class Exports:
    """The run's exports: parts come in per input, files are written as soon as they can be."""

    def __init__(self, *, csv: str | None = None, bom: bool = True, review: str | None = None,
                 review_pages: list[Path] | None = None, backend: str | None = None,
                 password: str | None = None) -> None:
        """`review`: the page of a single input, or (with `review_pages`) a batch's folder."""
        self._csv: CsvSink | None = None
        if csv:
            from .csv_export import CsvSink

            self._csv = CsvSink(csv, bom=bom)
        self._review = review
        self._pages = review_pages
        self._entries: list[Summary] = []
        self._failures: list[str] = []
        self._done = 0
        self.request = ExportRequest(rows=csv is not None, review=review is not None, backend=backend,
                                     password=password)
        self.written: list[str] = []

    def add(self, parts: ExportParts | None, error: str | None = None) -> None:
        """The next input's parts (None with its `error` for an input that failed: skipped)."""
        index, self._done = self._done, self._done + 1
        if parts is None:
            self._failures.append(error or "failed")
            return
        if self._csv is not None and parts.rows is not None:
            self._csv.add(parts.rows)
        if self._review is not None and parts.review_html is not None:
            target = self._pages[index] if self._pages is not None else Path(self._review)
            write_atomic(target, parts.review_html)
            if str(target) != STDIN:
                self.written.append(str(target))
            if parts.summary is not None:
                self._entries.append(replace(parts.summary, page=target.name))

    def finish(self) -> None:
        """Write the files that wait for the last input; raises `OutputError` (exit 4)."""
        if self._csv is not None:
            self._csv.finish()
            if self._csv.target != STDIN:
                self.written.append(self._csv.target)
        if self._review is not None and self._pages is not None:
            from .review import index_page

            index = Path(self._review) / INDEX
            write_atomic(index, index_page(self._entries, self._failures))
            self.written.append(str(index))

    def close(self) -> None:
        """Drop what is held (an interrupted or failed run writes no partial export)."""
        if self._csv is not None:
            self._csv.close()


def prepare_review_folder(folder: str, paths: list[Path]) -> list[Path]:
    """A batch's review folder, made before any work (so an unwritable one fails at once)."""
    if Path(folder).exists() and not Path(folder).is_dir():
        raise UsageError("several inputs need --review to name a folder, not a file", folder)
    make_folder(folder)
    return [*review_pages(paths, Path(folder)), Path(folder) / INDEX]


def write_exports(booklet: Booklet, exports: Exports) -> None:
    """The single-input case: one booklet's parts, written at once."""
    try:
        exports.add(make_parts(booklet, exports.request))
        exports.finish()
    finally:
        exports.close()


def single_target(target: str, source: Path, suffix: str) -> str:
    """An existing folder as `target` means FOLDER/STEM.suffix, as `-o` does."""
    if target == STDIN or not Path(target).is_dir():
        return target
    stem = "stdin" if str(source) == STDIN else source.stem
    return str(Path(target) / f"{stem}{suffix}")
