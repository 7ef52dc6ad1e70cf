"""What the readers of text laid out as printed ask of one line's shape: where a gutter's
spaces part it, whether it ends a sentence, where an item's text starts after its marker.

Shared by the columns reader (`text_columns`), the margin reader (`margin_rows`) and
the text source (`text`), so that all three tell a gutter, a sentence's end and an
item's hanging indent alike.
"""

from __future__ import annotations

import regex as re

from ..profile import Profile

GUTTER_GAP = 3
"""Spaces between two words that no word space runs to."""

SPACES = re.compile(r" +")
"""A line's spaces: each run between two words, a word space or a gutter's."""

WIDE_SPACE = 6
"""Spaces no extractor's word space runs to: a gutter, a margin, a column set alone."""

GUTTER_SPACES = re.compile(rf"(?<=\S) {{{GUTTER_GAP},}}(?=\S)")
"""`GUTTER_GAP` spaces or more between two words: a gutter, or the spaces that may open one."""

ENDS_SENTENCE = re.compile(r"[.!?:][’”'\")]*\s*$")
"""A line that ends a sentence (a closing quotation mark or bracket may follow)."""


def indent_of(text: str) -> int:
    """The spaces a line opens with: where it stands on the page in laid-out text."""
    return len(text) - len(text.lstrip(" "))


def text_span(text: str) -> tuple[int, int]:
    """Where the line's text starts and where it ends (one past its last character that is
    no blank)."""
    return len(text) - len(text.lstrip()), len(text.rstrip())


def hanging_indent(text: str, profile: Profile) -> int | None:
    """Where the text of an item opening the line starts, after its marker ("▪ Its plan"
    -> 2): the item's next lines, indented to there, go on with it. None for other lines,
    and for a line holding a gutter (items side by side: there the indent of the line
    below tells which item it goes on).

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> hanging_indent("  ▪ Its plan", p), hanging_indent("Its plan", p), hanging_indent("1. A plan    3. A fair", p)
    (4, None, None)
    """
    lead = indent_of(text)
    marker = profile.item_marker.match(text[lead:])
    if marker is None or GUTTER_SPACES.search(text):
        return None
    return lead + len(marker.group())
