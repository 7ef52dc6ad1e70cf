"""Which name of a heading is the city: "Country, City" or "City, Country" (`places`)."""

from __future__ import annotations

from booklet_extract.pipeline import parse_text

_PLACES = [("Ruritania", "Strelsau"), ("Borduria", "Szohod"), ("Syldavia", "Klow")]


def _city(number: int, heading: str, city: str) -> str:
    return f"""{number}. {heading}
City population: 1,200

{city} is a city of learners. Since 2015, {city} has opened its schools at night. Initiatives include:

A network of reading clubs for all ages.

A school for adult learners, open at night.

A festival of learning held each spring.

‘Learning is the key to our future.’

Ann Ek, Mayor of {city}
"""


def _booklet(headings: list[str], listed: list[str]) -> str:
    front = "The cities are:\n\n" + "\n".join(listed) + "\n\nOur thanks to all of them.\n\n"
    return front + "\n".join(_city(n, h, city) for n, (h, (_, city)) in enumerate(zip(headings, _PLACES), 1))


def _read(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    booklet = parse_text(text, path="places.txt")
    return ([(c.country, c.city) for c in booklet.cities],
            [(c.country, c.city) for c in booklet.booklet.listed_cities])


def test_city_first_headings_and_list_are_read_as_country_and_city() -> None:
    places = [f"{city}, {country}" for country, city in _PLACES]
    assert _read(_booklet(places, places)) == (_PLACES, _PLACES)


def test_country_first_booklet_stays_as_printed() -> None:
    """Hard negative: the genre's usual order is kept, also where one section speaks of
    its country more than of its city (the others outvote it)."""
    places = [f"{country}, {city}" for country, city in _PLACES]
    text = _booklet(places, places).replace("Since 2015, Strelsau", "Since 2015, Ruritania, and Ruritania")
    assert _read(text) == (_PLACES, _PLACES)


def test_a_list_in_the_other_order_than_the_headings_follows_its_own_entries() -> None:
    headings = [f"{city}, {country}" for country, city in _PLACES]
    listed = [f"{country}, {city}" for country, city in _PLACES]
    assert _read(_booklet(headings, listed)) == (_PLACES, _PLACES)


def test_city_then_country_in_brackets_is_never_turned() -> None:
    """"Strelsau (Ruritania)" orders its names by itself, whatever the text repeats."""
    headings = [f"{city} ({country})" for country, city in _PLACES]
    listed = [f"{country}, {city}" for country, city in _PLACES]
    text = _booklet(headings, listed)
    for country, city in _PLACES:  # every section speaks of its country more than of its city
        text = text.replace(f"Since 2015, {city}", f"Since 2015, {country}, {country}, {country}")
    assert _read(text)[0] == _PLACES
