"""Headings whose city the front matter's prose names.

A booklet with no list of places may still say which cities it is about, in a sentence
of its introduction ("The winning cities are Strelsau, Klow and Zenda."). A heading
that prints one of those names beside another name, its country, on the line above or
below or on its own line ("RURITANIA" / "STRELSAU", "RURITANIA STRELSAU"), heads that
city: the sentence says which of the two names is the city, as a list would. Such
headings carry no comma and often no capitals of their own, so nothing else tells them
from a caption or a speaker's name. A number before the names ("1. RURITANIA STRELSAU")
is the heading's. Part of the blocks stage (`headings.unnumbered_heading`, and
`headings.heading` for a numbered one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

import regex as re

from .blocks import HEADING_MAX_CHARS, fold_name, readable
from .headings import short_name
from .profile import Profile

_WORD = r"\p{Lu}[\p{L}\p{M}'’-]*"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
_MIN_HEADINGS = 2  # headings so printed at least: the booklet's form, not one caption's


class _Side(Enum):
    """Where a heading prints the country against its city: first (above it, or before it
    on its line) or second."""

    COUNTRY_FIRST = 1
    CITY_FIRST = 2


@dataclass(frozen=True, slots=True)
class NamedHeading:
    """A heading the front matter's prose names: its (country, city) as printed, and its
    lines in text order."""

    place: tuple[str, str]
    lines: tuple[int, ...]


def enumerated_names(text: str, profile: Profile) -> dict[str, int]:
    """Each name that a sentence enumerates with two others at least ("Strelsau, Klow and
    Zenda": "A and B" is any pair of nouns), folded, with the offset in `text` where its enumeration ends. A name may run
    to three words; the first and last names may have taken in a capitalised word that
    opens the sentence or follows the name, so their shorter forms count too."""
    joins = "|".join(re.escape(word) for word in profile.language.enumeration_joins)
    pattern = re.compile(
        rf"(?<![\p{{L}}\p{{M}}'’-])(?P<name>{_NAME})(?:\s*,\s*(?P<name>{_NAME}))+\s*,?\s+(?:{joins})\s+"
        rf"(?P<name>{_NAME})(?![\p{{L}}\p{{M}}'’-])")
    found: dict[str, int] = {}
    for match in pattern.finditer(text):
        names = [" ".join(name.split()) for name in match.captures("name")]
        first, last = names[0].split(), names[-1].split()
        forms = [*names[1:-1], *(" ".join(first[k:]) for k in range(len(first))),
                 *(" ".join(last[: k + 1]) for k in range(len(last)))]
        for form in forms:
            found.setdefault(fold_name(form), match.end())
    return found


def named_headings(texts: Sequence[str], profile: Profile,
                   named: Mapping[str, int] | None = None) -> Mapping[int, NamedHeading]:
    """The headings of a booklet whose front matter's prose names its cities (see the
    module's docstring), keyed by their first line. A line that is one named city whole,
    with another name beside it that the prose does not name as a city (two named cities
    together are a list, or a map's labels). The booklet keeps one side for the country:
    the side most such lines print it on, two lines at least, and more than on the other
    side; a tie says nothing. A line before the sentence that names it is no heading of
    that name (the title page, a table of contents). `named`: the texts'
    `enumerated_names`, where the caller has read them already."""
    if named is None:
        named = enumerated_names("\n".join(texts), profile)
    if not named:
        return {}
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1

    def other_name(k: int) -> str | None:
        """The text of line k where it is one short name that names no listed city."""
        if not 0 <= k < len(texts):
            return None
        text = " ".join(texts[k].split())
        return text if _short_name(text, profile) and fold_name(text) not in named else None

    options: dict[_Side, dict[int, NamedHeading]] = {side: {} for side in _Side}
    for k, text in enumerate(texts):
        text = " ".join(text.split())
        if (numbered := profile.heading_start.match(text)) is not None:
            text = numbered["rest"].strip()  # "1. RURITANIA STRELSAU": the names after the number
        if not text or len(text) > HEADING_MAX_CHARS:
            continue  # no heading's line
        folded = fold_name(text)
        if folded in named and named[folded] <= starts[k]:
            if (above := other_name(k - 1)) is not None:
                options[_Side.COUNTRY_FIRST][k - 1] = NamedHeading((readable(above), readable(text)), (k - 1, k))
            if (below := other_name(k + 1)) is not None:
                options[_Side.CITY_FIRST][k] = NamedHeading((readable(below), readable(text)), (k, k + 1))
            continue
        words, folded_words = text.split(), folded.split()
        if len(words) != len(folded_words):
            continue
        for cut in range(1, len(words)):
            parts = [(" ".join(words[:cut]), " ".join(folded_words[:cut])),
                     (" ".join(words[cut:]), " ".join(folded_words[cut:]))]
            for (city, city_key), (country, country_key), side in ((parts[1], parts[0], _Side.COUNTRY_FIRST),
                                                                   (parts[0], parts[1], _Side.CITY_FIRST)):
                if city_key in named and named[city_key] <= starts[k] and country_key not in named \
                        and _short_name(country, profile):
                    options[side][k] = NamedHeading((readable(country), readable(city)), (k,))
    first, second = (options[side] for side in _Side)
    if len(first) == len(second):
        return {}
    chosen = first if len(first) > len(second) else second
    cities = {fold_name(heading.place[1]) for heading in chosen.values()}
    return chosen if len(cities) >= _MIN_HEADINGS else {}


def _short_name(text: str, profile: Profile) -> bool:
    """A name alone, short enough for a heading's line (`headings.short_name`), and no
    stats label ("Population") or role either."""
    return short_name(text, profile) and not profile.stat_label_any.match(text) and not profile.role_line.match(text)
