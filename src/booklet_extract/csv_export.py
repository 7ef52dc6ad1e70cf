"""`--csv FILE`: the per-city rows of one or many booklets as one spreadsheet file.

The rows are `table.city_rows` (the JSON's values, cell for cell); this module
only writes them. UTF-8 with a byte order mark by default, because Excel reads
a CSV without one in the machine's legacy code page and garbles every accent;
`--csv-no-bom` leaves it out for tools that do not expect it.

The column count depends on the booklet with the most initiatives, known only
once every booklet is in, so a batch spools its rows to a temporary file (a
long batch holds no rows in memory) and writes the CSV when it ends, through
`output.open_output` (atomic, never half a file).
"""

from __future__ import annotations

import json
import tempfile
from typing import IO

from .output import Writer, open_output
from .table import Row, widest, write_csv

BOM = "\ufeff"


class _WriterStream:
    """`output.open_output`'s writer as the stream `csv.writer` wants."""

    def __init__(self, write: Writer) -> None:
        self._write = write

    def write(self, text: str, /) -> None:
        self._write(text)


class CsvSink:
    """Rows booklet by booklet, written to `target` (a path or `-`) by `finish`."""

    def __init__(self, target: str, *, bom: bool = True) -> None:
        self.target = target
        self.bom = bom
        self.rows = 0
        self._initiatives = 0
        self._spool: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def add(self, rows: list[Row]) -> None:
        """Keep one booklet's rows (in input order) until the file is written."""
        self._initiatives = max(self._initiatives, widest(rows))
        for row in rows:
            self._spool.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.rows += len(rows)

    def finish(self) -> None:
        """Write the CSV: header, then every row kept; raises `OutputError` (exit 4)."""
        self._spool.seek(0)
        spooled = (json.loads(line) for line in self._spool)
        with open_output(self.target) as write:
            if self.bom:
                write(BOM)
            write_csv(spooled, _WriterStream(write), initiatives=self._initiatives)
        self.close()

    def close(self) -> None:
        self._spool.close()


def write_csv_file(target: str, rows: list[Row], *, bom: bool = True) -> None:
    """One booklet's rows as a CSV file (or `-`: stdout)."""
    sink = CsvSink(target, bom=bom)
    try:
        sink.add(rows)
        sink.finish()
    finally:
        sink.close()
