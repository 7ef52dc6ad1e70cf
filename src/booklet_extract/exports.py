"""The exports beside the JSON (`--csv`, `--review`), for one input or a batch.

Kept out of cli.py and batch.py so they only pass options through: a worker
calls `make_parts` on its booklet (the expensive part runs where the
extraction ran), the main process hands each input's parts to `Exports`, in
input order, and `Exports.finish` writes what can only be written at the end
(the CSV, whose columns depend on every booklet).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .csv_export import CsvSink
from .models import Booklet
from .table import Row, city_rows


@dataclass(frozen=True)
class ExportRequest:
    """What a worker makes besides the JSON: only what the run writes."""

    rows: bool = False


@dataclass(frozen=True)
class ExportParts:
    """One input's share of the exports, plain data (cheap to send from a worker)."""

    rows: list[Row] | None = None


def make_parts(booklet: Booklet, request: ExportRequest) -> ExportParts:
    """Build one booklet's parts of the requested exports."""
    rows = city_rows(booklet.model_dump(mode="json")) if request.rows else None
    return ExportParts(rows=rows)


class Exports:
    """The run's exports: parts come in per input, files are written as soon as they can be."""

    def __init__(self, *, csv: str | None = None, bom: bool = True) -> None:
        self._csv = CsvSink(csv, bom=bom) if csv else None
        self.written: list[str] = []

    @property
    def request(self) -> ExportRequest:
        return ExportRequest(rows=self._csv is not None)

    def add(self, parts: ExportParts | None) -> None:
        """One input's parts (None for an input that failed: it is skipped)."""
        if parts is None:
            return
        if self._csv is not None and parts.rows is not None:
            self._csv.add(parts.rows)

    def finish(self) -> None:
        """Write the files that wait for the last input; raises `OutputError` (exit 4)."""
        if self._csv is not None:
            self._csv.finish()
            if self._csv.target != "-":
                self.written.append(self._csv.target)

    def close(self) -> None:
        """Drop what is held (an interrupted or failed run writes no partial export)."""
        if self._csv is not None:
            self._csv.close()


def write_exports(booklet: Booklet, exports: Exports) -> None:
    """The single-input case: one booklet's parts, written at once."""
    try:
        exports.add(make_parts(booklet, exports.request))
        exports.finish()
    finally:
        exports.close()


def single_target(target: str, source: Path, suffix: str) -> str:
    """An existing folder as `target` means FOLDER/STEM.suffix, as `-o` does."""
    if target == "-" or not Path(target).is_dir():
        return target
    stem = "stdin" if str(source) == "-" else source.stem
    return str(Path(target) / f"{stem}{suffix}")
