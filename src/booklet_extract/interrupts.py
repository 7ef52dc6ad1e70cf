"""A stop asked for by a signal, remembered until it is acted on.

Python drops an exception raised while a finalizer (`__del__`) runs: it prints
"Exception ignored" and carries on. A Ctrl-C or SIGTERM that lands there (the
regex module finalises objects while it compiles a pattern) would be lost, and a
batch would run to its end. The command line's handlers record the stop here as
well as raising it, and long loops (pages, batch inputs) call `check`, which
raises it again. Used as a library, nothing is recorded and `check` is free.
"""

from __future__ import annotations

from collections.abc import Callable

_pending: Callable[[], BaseException] | None = None


def request(make: Callable[[], BaseException]) -> None:
    """Remember the stop, then raise it (from a signal handler)."""
    global _pending
    _pending = make
    raise make()


def check() -> None:
    """Raise the stop a signal asked for, if one was asked for (even if it was lost)."""
    if _pending is not None:
        raise _pending()


def clear() -> None:
    """Forget a stop once it has been acted on (a command line run that returned).

    CPython forgets it too: a KeyboardInterrupt that leaves code run by a string
    `exec` (where `dataclass` builds its methods, so a Ctrl-C can land there
    while a module is imported) sets the interpreter's "unhandled Ctrl-C" flag
    even though we caught it. Under `python -m`, the interpreter then kills
    itself with SIGINT at exit (status -2) after we have returned 130. Every
    string evaluation starts by resetting that flag: one that cannot fail does
    it here.
    """
    global _pending
    _pending = None
    eval("None", {})  # a constant: resets CPython's unhandled-Ctrl-C flag
