"""Typed errors, each carrying the exit code the command line reports for it.

Library code raises these and never exits; `cli.py` turns them into one stderr
line and the error's exit code.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_VALIDATION = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_OUTPUT = 4
EXIT_SIGINT = 130  # 128 + SIGINT, as shells report a process ended by Ctrl-C
EXIT_SIGTERM = 143  # 128 + SIGTERM
EXIT_SIGPIPE = 141  # 128 + SIGPIPE: stdout's reader went away (`extract ... | head -1`)


class BookletError(Exception):
    """Base class for every error the library raises on purpose."""

    exit_code: int = EXIT_UNREADABLE

    def __init__(self, reason: str, path: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class UnreadableInput(BookletError):
    """The input cannot be read as a text or PDF booklet."""


class NotABooklet(UnreadableInput):
    """The file is neither a PDF nor text (binary data, an image...)."""


class BrokenPDF(UnreadableInput):
    """The file claims to be a PDF but cannot be parsed."""


class Encrypted(UnreadableInput):
    """The PDF needs a password we were not given, or the one given is wrong."""


class NoText(UnreadableInput):
    """The input holds no text: an empty, blank or NUL-only file."""


class NoTextLayer(NoText):
    """The PDF opens but carries no text (a scan, or empty pages)."""


class UsageError(BookletError):
    """The caller asked for something impossible (bad page range, missing file)."""

    exit_code = EXIT_USAGE


class OutputError(BookletError):
    """The result could not be written: disk full, no permission, read-only file
    system, a folder that cannot be made, or a path naming something unwritable."""

    exit_code = EXIT_OUTPUT


class Interrupted(BaseException):
    """The run was stopped by a signal (SIGINT, SIGTERM).

    A `BaseException`, like `KeyboardInterrupt`, so that no `except Exception`
    swallows it; cleanup in `finally`/`except BaseException` blocks still runs.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
