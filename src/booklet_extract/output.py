"""Deterministic JSON and atomic writes: a failed run never leaves half a file."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .models import Booklet


def to_json(booklet: Booklet) -> str:
    """Fixed key order (the models'), UTF-8 kept, two-space indent, trailing newline."""
    return json.dumps(booklet.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def to_json_line(booklet: Booklet) -> str:
    return json.dumps(booklet.model_dump(mode="json"), ensure_ascii=False) + "\n"


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp creates 0600; results should follow the umask
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
