"""Typed errors, each carrying the exit code the command line reports for it.

Library code raises these and never exits; `cli.py` turns them into one stderr
line and the error's exit code.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_VALIDATION = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3


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


class NoTextLayer(UnreadableInput):
    """The PDF opens but carries no text (a scan, or empty pages)."""


class UsageError(BookletError):
    """The caller asked for something impossible (bad page range, missing file)."""

    exit_code = EXIT_USAGE
