"""Regular expressions compiled at their first use, not at import.

`regex` parses a pattern in Python before compiling it: importing the profile's patterns
alone cost about 190 M instructions (a bare PDFium script reads the whole 24-page sample
in 322 M), and a run needs only some of them (the sample never needs the patterns for a
stats row read across, nor a third of the stages' own). A `lazy` pattern compiles when it
is first used, then keeps the compiled pattern's methods as its own attributes, so that
every later call costs what a compiled pattern's does.
"""

from __future__ import annotations

from typing import Any, TypeAlias, cast

import regex as re

Pattern: TypeAlias = "re.Pattern[str]"

_ATTRIBUTES = ("match", "fullmatch", "search", "sub", "subn", "split", "splititer", "findall",
               "finditer", "scanner", "pattern", "flags", "groups", "groupindex")
"""What a compiled pattern offers; bound on the lazy one at its first use."""


class _Lazy:
    """A pattern's source until something of the pattern is asked for."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Only called for what the instance does not hold yet: the first use of the pattern.
        if name.startswith("_"):  # copy and pickle probing, or `_source` before __init__
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[type[_Lazy], tuple[str, int]]:
        return _Lazy, self._source  # the source, not the bound methods: pickled for workers

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: str, flags: int = 0) -> Pattern:
    """`regex.compile(pattern, flags)`, done when the pattern is first used."""
    return cast("Pattern", _Lazy(pattern, flags))
