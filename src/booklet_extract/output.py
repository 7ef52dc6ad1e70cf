"""Deterministic JSON, and writes that never leave half a file or clobber the wrong thing.

Where the result goes, by what the output path names:

- a regular file, or nothing yet: a temporary file beside it, renamed into place
  (a failed or interrupted run leaves the previous file, never a partial one);
  an existing file's permissions are kept;
- a symbolic link: the same, beside the file the link points to; the link stays;
- anything that is not a regular file (a FIFO, a device, `/dev/stdout`): written
  straight into it, never renamed over or replaced;
- `-`: standard output.

Every failure to write is an `OutputError` (exit 4) naming the output.
Temporary files are named `.NAME.extract-tmp-PID-XXXX.tmp`; one whose process is
gone (a run killed with SIGKILL, which nothing can clean up after) is removed by
the next run writing the same output.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from .errors import OutputError, UsageError
from .models import Booklet

log = logging.getLogger(__name__)

STDOUT = "-"
TEMP_MARK = "extract-tmp"
"""Part of every temporary file's name, so a stale one is recognisable as ours."""

Writer = Callable[[str], None]


def to_json(booklet: Booklet) -> str:
    """Fixed key order (the models'), UTF-8 kept, two-space indent, trailing newline."""
    return json.dumps(booklet.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def json_chunks(booklet: Booklet) -> Iterator[str]:
    """`to_json(booklet)` piece by piece, the same characters, in pieces of about 64 KiB.

    A long booklet's document is then never held whole, neither as nested dicts nor
    as one string (nor as that string encoded at once): its peak memory would
    otherwise grow with the page count on top of the models'. One city or flag at
    a time is turned into dicts, and its text is encoded as it is written.
    """
    batch: list[str] = []
    size = 0
    for piece in _pieces(booklet):
        batch.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            yield "".join(batch)
            batch.clear()
            size = 0
    if batch:
        yield "".join(batch)


_CHUNK = 1 << 16
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
"""What `to_json`'s `json.dumps` uses; with an indent it encodes in Python, piece by piece."""


_LONG = 64
"""Inside a city (or flag), a list of more models than this is written an item at a time."""


def _pieces(booklet: Booklet) -> Iterator[str]:
    """The document's fields in turn, its lists (cities, flags) an item at a time."""
    yield "{"
    for k, name in enumerate(type(booklet).model_fields):  # declaration order is dump order
        yield f"{',' if k else ''}\n  {json.dumps(name, ensure_ascii=False)}: "
        value = getattr(booklet, name)
        if isinstance(value, list) and value:
            yield from _list_pieces(value, 1)
        else:  # a small part: dumped as the whole document would dump it
            yield from _nested(booklet.model_dump(mode="json", include={name})[name], 1)
    yield "\n}\n"


def _list_pieces(items: list[object], depth: int) -> Iterator[str]:
    inner = "\n" + "  " * (depth + 1)
    for n, item in enumerate(items):
        yield f"{',' if n else '['}{inner}"
        if isinstance(item, BaseModel) and _holds_long_list(item):
            yield from _model_pieces(item, depth + 1)
        else:
            yield from _nested(item.model_dump(mode="json") if isinstance(item, BaseModel)
                               else to_jsonable_python(item), depth + 1)
    yield "\n" + "  " * depth + "]"


def _model_pieces(model: BaseModel, depth: int) -> Iterator[str]:
    """A model holding a long list (a section hundreds of items long), field by field."""
    inner = "\n" + "  " * (depth + 1)
    yield "{"
    for k, name in enumerate(type(model).model_fields):
        yield f"{',' if k else ''}{inner}{json.dumps(name, ensure_ascii=False)}: "
        value = getattr(model, name)
        if _is_long(value):
            yield from _list_pieces(value, depth + 1)
        elif isinstance(value, BaseModel) and _holds_long_list(value):
            yield from _model_pieces(value, depth + 1)
        else:
            yield from _nested(model.model_dump(mode="json", include={name})[name], depth + 1)
    yield "\n" + "  " * depth + "}"


def _is_long(value: object) -> bool:
    return isinstance(value, list) and len(value) > _LONG and isinstance(value[0], BaseModel)


def _holds_long_list(model: BaseModel) -> bool:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if _is_long(value) or (isinstance(value, BaseModel) and _holds_long_list(value)):
            return True
    return False


def _nested(value: object, depth: int) -> Iterator[str]:
    """`value` as `to_json` writes it `depth` levels down: JSON strings hold no raw line
    breaks, so every line break is where the indented layout puts one."""
    indent = "\n" + "  " * depth
    for piece in _ENCODER.iterencode(value):
        yield piece.replace("\n", indent) if "\n" in piece else piece


def to_json_line(booklet: Booklet) -> str:
    return json.dumps(booklet.model_dump(mode="json"), ensure_ascii=False) + "\n"


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to `path` (see the module docstring for what that means per kind of path)."""
    with open_output(path) as write:
        write(text)


def write_json(path: str | Path, booklet: Booklet) -> None:
    """Write `to_json(booklet)` to `path` as `write_atomic` would, a city at a time."""
    with open_output(path) as write:
        for chunk in json_chunks(booklet):
            write(chunk)


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one existing file (through links too: device and inode)."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def refuse_inputs(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise `UsageError` when `output` is one of `inputs`: writing would destroy it."""
    if str(output) == STDOUT:
        return
    for source in inputs:
        if str(source) == STDOUT:  # standard input: compare with what fd 0 is
            try:
                fd0, out = os.fstat(0), os.stat(output)
            except (OSError, ValueError):
                continue
            clash = stat.S_ISREG(fd0.st_mode) and (fd0.st_dev, fd0.st_ino) == (out.st_dev, out.st_ino)
        else:
            clash = same_file(output, source)
        if clash:
            raise UsageError("is also an input; refusing to overwrite it", str(output))


def _error(exc: OSError, shown: str, what: str = "cannot write output") -> OutputError:
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"{what} ({reason})", shown)


def _writer(handle: TextIO, shown: str) -> Writer:
    """`handle.write`, its failures turned into `OutputError` (a closed pipe excepted)."""

    def write(text: str) -> None:
        try:
            handle.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _error(exc, shown) from None

    return write


def _finish(handle: TextIO, shown: str, *, sync: bool = False) -> None:
    try:
        handle.flush()
        if sync:
            os.fsync(handle.fileno())
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _error(exc, shown) from None


@contextmanager
def open_output(path: str | Path) -> Iterator[Writer]:
    """A writer for `path`; what it writes is in place only when the block ends without error."""
    shown = str(path)
    if shown == STDOUT:
        write = _writer(sys.stdout, "stdout")
        yield write
        _finish(sys.stdout, "stdout")
        return
    p = Path(path)
    try:
        existing: os.stat_result | None = os.stat(p)  # through a link, to what it names
    except FileNotFoundError:
        existing = None
    except OSError as exc:  # e.g. ENOTDIR: a path under a regular file
        raise _error(exc, shown) from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise _error(OSError(errno.EISDIR, os.strerror(errno.EISDIR)), shown)
    if (existing is not None and not stat.S_ISREG(existing.st_mode)) or _is_fd_alias(p):
        with _in_place(p, shown) as write:
            yield write
        return
    target = Path(os.path.realpath(p)) if p.is_symlink() else p
    if existing is not None and not os.access(target, os.W_OK):
        # A rename would go through (it needs the folder's permission only), but the
        # file's own write protection is what its owner asked for.
        raise _error(OSError(errno.EACCES, os.strerror(errno.EACCES)), shown)
    with _replacing(target, existing, shown) as write:
        yield write


FD_ALIASES = ("/dev/fd/", "/dev/stdout", "/dev/stderr", "/proc/")


def _is_fd_alias(path: Path) -> bool:
    """`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`, or a link to one of them: an open
    descriptor, whatever it points to, is written into, never renamed over."""
    hop = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links followed
        if hop.startswith(FD_ALIASES):
            return True
        if not os.path.islink(hop):
            return False
        hop = os.path.join(os.path.dirname(hop), os.readlink(hop))
    return False


def make_folder(path: str | Path) -> None:
    """Create an output folder (and its parents), or raise `OutputError`."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _error(exc, str(path), "cannot create the folder") from None


@contextmanager
def _in_place(path: Path, shown: str) -> Iterator[Writer]:
    """Write straight into a FIFO or device (opening a FIFO waits for its reader)."""
    log.debug("%s: not a regular file, writing into it", shown)
    try:
        handle = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as exc:
        raise _error(exc, shown) from None
    try:
        yield _writer(handle, shown)
        _finish(handle, shown)
    finally:
        with suppress(OSError):
            handle.close()


@contextmanager
def _replacing(target: Path, existing: os.stat_result | None, shown: str) -> Iterator[Writer]:
    """Write a temporary file beside `target`, then rename it onto `target`."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _error(exc, shown, f"cannot create the folder {folder}") from None
    remove_stale_temps(folder, target.name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{TEMP_MARK}-{os.getpid()}-",
                                   suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _error(exc, shown) from None
    log.debug("%s: writing %s, then renaming it onto %s", shown, tmp, target)
    try:
        try:
            if existing is not None:
                os.fchmod(fd, stat.S_IMODE(existing.st_mode))
                if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
                    with suppress(OSError):  # only root may give a file away
                        os.fchown(fd, existing.st_uid, existing.st_gid)
            else:
                os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; results follow the umask
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            os.close(fd)
            raise _error(exc, shown) from None
        try:
            yield _writer(handle, shown)
            _finish(handle, shown, sync=True)
        finally:
            with suppress(OSError):  # flushed above; a failure here is already reported
                handle.close()
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise _error(exc, shown) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process umask (only readable by setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_temps(folder: Path, name: str) -> None:
    """Remove our temporary files for `name` left by processes that no longer run."""
    prefix = f".{name}.{TEMP_MARK}-"
    try:
        entries = [e for e in os.listdir(folder) if e.startswith(prefix) and e.endswith(".tmp")]
    except OSError:
        return
    for entry in entries:
        pid_text = entry[len(prefix):].split("-", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            log.debug("removing %s, left by process %s", folder / entry, pid_text)
            with suppress(OSError):
                os.unlink(folder / entry)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True
