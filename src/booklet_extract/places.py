"""Which name of a heading is the city: booklets print "Country, City" or "City, Country".

A heading names two places and says which is which only by their order, and booklets of
the genre use both orders. The booklet itself tells: the city is the name its section
repeats (its intro, its items, the speaker's role "Mayor of Strelsau"), the country the
name it mentions once or not at all. A booklet keeps one style, so this is one decision
for the whole booklet, and the front matter's list follows its headings. "City (Country)"
says which is which by itself and is never turned.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from .blocks import Block, HeadingData, ListedData, fold_name
from .profile import Profile
from .sections import CitySection, Sections


def _mentions(name: str, text: str) -> int:
    """How often a (folded) name stands as words in a (folded) text."""
    return len(re.findall(rf"(?<!\w){re.escape(fold_name(name))}(?!\w)", text))


def _section_text(section: CitySection) -> str:
    blocks: Iterable[Block] = [*section.blocks, *([section.intro] if section.intro else [])]
    return fold_name(" ".join(t for b in blocks if b is not section.heading for t in b.texts))


def _names_itself(section: CitySection) -> bool:
    """Is the heading printed "City (Country)", or its country labelled ("Country:
    Syldavia"), which orders its names by itself? (Not "Klow, Syldavia (Federal Republic
    of)": a comma, colon or dash separates that one.)"""
    if isinstance(section.heading.data, HeadingData) and section.heading.data.labelled:
        return True
    texts = [t.strip() for t in section.heading.texts]
    if len(texts) > 1 and "(" in texts[-1] and not texts[-1].startswith("(") \
            and not any("(" in t for t in texts[:-1]):
        return False  # "KLOW" over "SYLDAVIA (FEDERAL REPUBLIC OF)": the line parts the names
    text = " ".join(texts)
    return text.endswith(")") and not re.search(r",|:|\s[–—-]\s", text.split("(", 1)[0])


def city_named_first(cities: list[CitySection], profile: Profile) -> bool:
    """Do the headings print the city first? Each section votes for the name its text
    repeats more (a name printed "City of Klow" counts as "Klow", and is the city by
    itself); the first name wins only with more votes than the second (a tie keeps the
    genre's usual "Country, City")."""
    first = second = 0
    for section in cities:
        if _names_itself(section):
            continue
        prefixed = [bool(profile.city_prefix.match(name)) for name in (section.country, section.city)]
        if prefixed[0] != prefixed[1]:
            first, second = first + prefixed[0], second + prefixed[1]
            continue
        text = _section_text(section)
        a, b = _mentions(section.country, text), _mentions(section.city, text)
        first += a > b
        second += b > a
    return first > second


def orient_places(sections: Sections, profile: Profile) -> bool:
    """Put each heading's and listed entry's names in (country, city) order, in place.
    Returns whether the booklet printed its cities first."""
    turned = city_named_first(sections.cities, profile)
    if turned:
        for section in sections.cities:
            if not _names_itself(section):
                section.country, section.city = section.city, section.country
    found = {(fold_name(s.country), fold_name(s.city)) for s in sections.cities}
    listed = [b for b in sections.front if isinstance(b.data, ListedData)]
    pairs = [(fold_name(b.data.country), fold_name(b.data.city)) for b in listed if isinstance(b.data, ListedData)]
    direct = sum(pair in found for pair in pairs)
    reverse = sum(pair[::-1] in found for pair in pairs)
    # The list follows the headings' order unless its entries say otherwise.
    if reverse > direct or (reverse == direct == 0 and turned):
        for block in listed:
            assert isinstance(block.data, ListedData)
            block.data = ListedData(country=block.data.city, city=block.data.country)
    return turned
