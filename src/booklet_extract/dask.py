"""Booklets on Dask: a bag of records from files on any fsspec storage, and a frame of cities.

Needs the `dask` extra (`pip install 'booklet-extract[dask]'`); `import booklet_extract`
never imports this module. Imports here are absolute, so `import dask` below is
the Dask package, not this module.

    bag = read_booklets("s3://archive/booklets/**/*.pdf", backend="pdfium")
    bag.map(json.dumps).to_textfiles("out/part-*.jsonl")     # JSON Lines, one file per partition
    cities_frame(bag).to_parquet("out/cities/")              # one row per city, the --csv columns

Each input is read on the worker that extracts it (inputs never pass through
the driver), and a bad input becomes an error record instead of an exception.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

try:
    import dask.bag as db
    from fsspec.core import OpenFile, url_to_fs
    from fsspec.implementations.local import LocalFileSystem
except ImportError as exc:  # pragma: no cover - the bare install
    raise ImportError(
        "booklet_extract.dask needs Dask: pip install 'booklet-extract[dask]'"
    ) from exc

from .errors import UnreadableInput
from .inputs import INPUT_SUFFIXES
from .records import Record, error_record, is_error, output_record
from .table import STAT_KEYS, city_rows, columns, widest

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

PathsOrUrl = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
GLOB_CHARS = ("*", "?", "[")


def read_booklets(
    urlpath_or_paths: PathsOrUrl,
    *,
    partition_size: int = 1,
    storage_options: Mapping[str, Any] | None = None,
    **options: Any,
) -> db.Bag:
    """A bag with one record per input, in input order: its output dict or an error record.

    Inputs are paths or fsspec URLs, globs among them; a folder means the PDF
    and text files under it (sorted), as in a local batch. `options` are
    `extract`'s (`backend=`, `password=`, `pages=`, `raw_text=`). One input per
    partition by default: the unit a lost worker costs, and the finest spread.
    """
    _check_options(options)
    named = list(_expand(urlpath_or_paths, dict(storage_options or {})))
    return db.from_sequence(named, partition_size=partition_size).starmap(
        partial(_record_of_file, options=options))


def _check_options(options: Mapping[str, Any]) -> None:
    """A misspelt option fails here, once, not as an error record for every input."""
    import inspect

    from .pipeline import extract

    inspect.signature(extract).bind(b"", **options)


def _expand(urlpath_or_paths: PathsOrUrl, storage_options: dict[str, Any]) -> Iterable[tuple[Any, str]]:
    """(fsspec OpenFile, the name it gets in the output) for each input file."""
    given = ([urlpath_or_paths] if isinstance(urlpath_or_paths, (str, os.PathLike))
             else list(urlpath_or_paths))
    for item in [os.fspath(entry) for entry in given]:
        fs, path = url_to_fs(item, **storage_options)
        if any(ch in path for ch in GLOB_CHARS):
            found = sorted(p for p in fs.glob(path) if not fs.isdir(p))
        elif fs.isdir(path):
            found = sorted(p for p in fs.find(path) if p.lower().endswith(INPUT_SUFFIXES))
            if not found:
                raise FileNotFoundError(f"{item}: folder holds no .pdf, .txt or .md files")
        else:
            found = [path]  # a missing file becomes its error record, as in a local batch
        plain = isinstance(fs, LocalFileSystem) and "://" not in item
        for p in found:
            # Local paths keep the form they were given in (relative stays relative),
            # so the output equals a local batch's; URLs stay URLs.
            name = (p if os.path.isabs(item) else os.path.relpath(p)) if plain else fs.unstrip_protocol(p)
            yield OpenFile(fs, p, mode="rb"), name


def _record_of_file(openfile: Any, name: str, options: Mapping[str, Any]) -> Record:
    """Runs on a worker: read the file there and extract it; failures become error records."""
    try:
        with openfile as handle:
            data = handle.read()
    except FileNotFoundError:
        return error_record(name, UnreadableInput("no such file", name))
    except IsADirectoryError:
        return error_record(name, UnreadableInput("is a directory", name))
    except OSError as exc:
        return error_record(name, UnreadableInput(f"cannot read file ({exc.strerror or exc})", name))
    return output_record(data, name=name, **options)


def is_output(record: Record) -> bool:
    """A booklet's output, not an error record (for `bag.filter`)."""
    return not is_error(record)


def errors(bag: db.Bag) -> db.Bag:
    """Only the error records: `errors(bag).compute()` lists what failed."""
    return bag.filter(is_error)


def cities_frame(bag: db.Bag, *, initiatives: int | None = None) -> dd.DataFrame:
    """One row per city of every booklet in `bag`, with the columns of `extract --csv`.

    The columns hold one `initiative_N` per initiative of the widest booklet; pass
    `initiatives=` to fix that number, else it is counted first, which runs
    the bag once more (`bag.persist()` first to extract only once).
    """
    booklets = bag.filter(is_output)
    if initiatives is None:
        initiatives = int(booklets.map(_most_initiatives).fold(max, max, initial=0).compute())
    return booklets.map(city_rows).flatten().to_dataframe(meta=frame_meta(initiatives))


def _most_initiatives(record: Record) -> int:
    return widest(city_rows(record))


def frame_meta(initiatives: int) -> pd.DataFrame:
    """The frame's empty prototype: `table.columns` with one dtype each.

    Numbers that may be missing are floats (stat values) or nullable integers
    (years); text is pandas' string dtype, so Parquet gets one type per column.
    """
    import pandas as pd

    numbers = {"number": "int64", "flags": "int64", "problems": "int64"}
    for key in STAT_KEYS:
        numbers[key] = "float64"
        numbers[f"{key}_year"] = "Int64"
    dtypes = {name: numbers.get(name, "string") for name in columns(initiatives)}
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})


__all__ = ["cities_frame", "errors", "frame_meta", "is_output", "read_booklets"]
