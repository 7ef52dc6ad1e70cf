"""A front matter's list of places run into one line: "Syldavia, Klow Borduria, Szohod".

An extractor that joins a block's lines into one (Markdown for language models, a
paragraph-per-line dump) gives the list of award cities as one run where no mark parts the
entries, and a name of several words leaves the seams ambiguous ("Klow Borduria"). The
booklet's own headings settle them: a line made wholly of the places it prints on lines of
their own (`printed_places`), each as "Country, City", "City, Country" or "City (Country)",
is that list.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from .blocks import HEADING_MAX_CHARS, heading_place, is_name
from .profile import Profile

# Between two entries: spaces, or a mark a list may leave ("; ", " | ", " • ").
_BETWEEN = r"\s*[;|•·]?\s*"
_APOSTROPHE = "[’‘'`´]"


def listed_by_cities(text: str, cities: Sequence[str], profile: Profile) -> list[tuple[str, str, str]] | None:
    """(country, city, entry as printed) for each entry where `text` is wholly two
    "Country, City" entries or more whose cities the booklet prints alone on lines of their
    own (its headings name the city alone: `printed_names`); else None.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> listed_by_cities("Syldavia, Klow New Borduria, Szohod", ["Klow", "Szohod"], p)
    [('Syldavia', 'Klow', 'Syldavia, Klow'), ('New Borduria', 'Szohod', 'New Borduria, Szohod')]
    >>> listed_by_cities("Syldavia, Klow and then, Szohod", ["Klow", "Szohod"], p) is None
    True
    """
    if len(cities) < 2 or text.count(",") < 2:
        return None
    names = "|".join(_name(city) for city in sorted(cities, key=len, reverse=True))
    entry = rf"(?P<country>[^,]+?)\s*,\s*(?P<city>{names})(?!\w)"
    if not re.fullmatch(rf"(?:\s*{entry}{_BETWEEN})+", text, re.IGNORECASE):
        return None
    found = [(m["country"].strip(), m["city"], m.group().strip())
             for m in re.finditer(entry, text, re.IGNORECASE)]
    if len(found) < 2 or not all(is_name(country, profile) for country, _, _ in found):
        return None
    return found


def listed_run_together(text: str, places: list[tuple[str, str]]) -> list[tuple[str, str, str]] | None:
    """(country, city, entry as printed) for each entry where `text` is wholly two places or
    more of `places` (country, city pairs the headings name), in either order of names; else
    None.

    >>> listed_run_together("Syldavia, Klow Borduria, Szohod Nova", [("Syldavia", "Klow"), ("Borduria", "Szohod Nova")])
    [('Syldavia', 'Klow', 'Syldavia, Klow'), ('Borduria', 'Szohod Nova', 'Borduria, Szohod Nova')]
    >>> listed_run_together("Syldavia, Klow and its people", [("Syldavia", "Klow"), ("Borduria", "Szohod")]) is None
    True
    """
    if len(places) < 2 or "," not in text:
        return None
    forms: dict[str, tuple[str, str]] = {}
    for country, city in places:
        for first, second in ((country, city), (city, country)):
            forms[f"{_name(first)}\\s*,\\s*{_name(second)}"] = (country, city)
        forms[f"{_name(city)}\\s*\\(\\s*{_name(country)}\\s*\\)"] = (country, city)
    alternatives = "|".join(f"(?P<p{k}>{form})" for k, form in enumerate(sorted(forms, key=len, reverse=True)))
    entry = re.compile(rf"(?:{alternatives})(?!\w)", re.IGNORECASE)
    whole = re.compile(rf"\s*(?:(?:{alternatives})(?!\w){_BETWEEN})+", re.IGNORECASE)
    if not whole.fullmatch(text):
        return None
    by_group = {f"p{k}": forms[form] for k, form in enumerate(sorted(forms, key=len, reverse=True))}
    found = []
    pos = 0
    while (match := entry.search(text, pos)) is not None:
        group = next(name for name, value in match.groupdict().items() if value is not None)
        found.append((*by_group[group], match.group()))
        pos = match.end()
    return found if len(found) >= 2 else None


def _name(name: str) -> str:
    """A name as a pattern: its words apart by any space, its apostrophes any of theirs."""
    return r"\s+".join(_APOSTROPHE.join(re.escape(piece) for piece in re.split(_APOSTROPHE, word))
                       for word in name.split())


_PLACE_LINE_MAX_CHARS = 2 * HEADING_MAX_CHARS
"""A place line's length at most: a heading's, or a long country's unwrapped (Markdown
gives a heading on one line however long)."""


def printed_places(texts: Sequence[str], profile: Profile) -> list[tuple[str, str]]:
    """(country, city) of every line that is a place alone, as a heading prints it
    ("3. Syldavia, Klow", "Syldavia: Klow", "Klow (Syldavia)"), or of two lines where a long
    country wraps before its comma ("1. United Federation of" / "Syldavia, Klow"), each once."""
    places: dict[tuple[str, str], None] = {}
    lines = [text.strip() for text in texts]
    for k, text in enumerate(lines):
        if not text or len(text) > _PLACE_LINE_MAX_CHARS:
            continue
        candidates = [text]
        if "," not in text and k + 1 < len(lines) and "," in lines[k + 1] and len(lines[k + 1]) <= HEADING_MAX_CHARS:
            candidates.append(f"{text} {lines[k + 1]}")
        for candidate in candidates:
            numbered = profile.heading_start.match(candidate)
            if (place := heading_place(numbered["rest"] if numbered else candidate, profile)) is not None:
                places[place] = None
    return list(places)


def printed_names(texts: Sequence[str], profile: Profile) -> list[str]:
    """Every line that is one name alone ("Klow", "KLOW", "3. Klow"), as a heading that
    names the city alone prints it, each once."""
    names: dict[str, None] = {}
    for text in texts:
        text = text.strip()
        if not text or len(text) > HEADING_MAX_CHARS or "," in text:
            continue
        numbered = profile.heading_start.match(text)
        name = numbered["rest"] if numbered else text
        if is_name(name, profile):
            names[name] = None
    return list(names)
