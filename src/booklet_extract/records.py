"""One record per input, for engines that map many inputs at once (Dask and the like).

A record is the booklet's JSON output as a dict, or an error record saying which
input failed, how, and the exit code the command line would give for it. A
distributed map must not stop on one bad file, so nothing here raises for a bad
input: the failure becomes data that travels with the rest.

>>> record = output_record(b"1. Ruritania, Strelsau\\n", name="inline.txt")
>>> record["source"]["path"], is_error(record)
('inline.txt', False)
>>> output_record(b"%PDF-1.7 truncated", name="bad.pdf")["exit_code"]
3
"""

from __future__ import annotations

from typing import Any

from .errors import EXIT_UNREADABLE, BookletError
from .sources import Input

Record = dict[str, Any]
INTERNAL = "InternalError"
"""The error kind of a failure that is a bug of ours, not a fault of the input."""


def output_record(source: Input, *, name: str | None = None, **options: Any) -> Record:
    """`extract(source)` as a plain dict, or an error record if the input fails."""
    from .pipeline import extract

    try:
        booklet = extract(source, name=name, **options)
    except Exception as exc:  # noqa: BLE001 - one bad input must never stop a distributed map
        return error_record(name, exc)
    return booklet.model_dump(mode="json")


def error_record(path: str | None, exc: BaseException) -> Record:
    """What failed and how, with the exit code `extract` would give for this input alone.

    A library error keeps its own kind and code; anything else is an internal
    error, counted as an unreadable input (exit 3), as a local batch counts it.
    """
    if isinstance(exc, BookletError):
        return {"path": path, "error": type(exc).__name__, "message": exc.reason,
                "exit_code": exc.exit_code}
    return {"path": path, "error": INTERNAL,
            "message": f"internal error ({type(exc).__name__}: {exc})", "exit_code": EXIT_UNREADABLE}


def is_error(record: Record) -> bool:
    """Whether `record` is an error record rather than a booklet's output."""
    return "error" in record and "schema_version" not in record
