"""Headings printed as a box's entries under a number set apart, the box read by each
extractor its own way, and items numbered "01" with no space before their text: each
booklet gives every city its place, number and items."""

from __future__ import annotations

import pytest

from booklet_extract.headings import heading_style
from booklet_extract.line import Line
from booklet_extract.models import City
from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.sources.place_columns import place_columns_apart

PLACES = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")]
FOREWORD = "Small towns, too, can give everyone a chance to learn. These pages tell how the winners did it."


def _body(city: str, markers: tuple[str, str, str] = ("a) ", "b) ", "c) ")) -> str:
    """A city's intro, three items and quote, a line each (text with no blank lines)."""
    one, two, three = markers
    return (f"{city} lies where two valleys meet, and its plan links every school and library.\n"
            f"{one}Evening courses carried by bus to the hamlets around {city}.\n"
            f"{two}Workshops where retired joiners of {city} teach young people.\n"
            f"{three}A book fair set up every autumn in the old mills of {city}.\n"
            f"‘Two valleys, one town: here everyone teaches and learns.’\nAnn Ek, Mayor of {city}\n")


def _check_body(got: City, city: str) -> None:
    """The city's intro and three items, as `_body` prints them."""
    assert got.intro == f"{city} lies where two valleys meet, and its plan links every school and library."
    assert [i.text for i in got.initiatives] == [
        f"Evening courses carried by bus to the hamlets around {city}.",
        f"Workshops where retired joiners of {city} teach young people.",
        f"A book fair set up every autumn in the old mills of {city}."]


def _check(text: str, numbered: bool = True) -> None:
    booklet = parse_text(text)
    assert [(c.country, c.city) for c in booklet.cities] == [(c.upper(), t.upper()) for c, t in PLACES]
    if numbered:
        assert [c.number for c in booklet.cities] == [1, 2, 3]
    for got, (_, city) in zip(booklet.cities, PLACES, strict=True):
        _check_body(got, city)
        assert got.stats.population is not None and (got.stats.population.value, got.stats.population.year) == (
            412300, 2029)


@pytest.mark.parametrize("name_first", [False, True])
def test_numbers_over_boxes_naming_the_place_a_cell_to_a_line_are_set_apart(name_first: bool) -> None:
    """A PDF whose only headings are "1." over a box read down its cells, each label over
    its name ("City" / "STRELSAU" / "Country" / "RURITANIA") or each name over its label:
    the booklet sets its numbers apart over its places (the number is the heading's).
    Hard negative: numbers over a label and a caption that name no place ("Photo" /
    "The old mills") set nothing apart."""
    def page(k: int, country: str, city: str, first: tuple[str, str] = ("City", "")) -> list[str]:
        cells = [(first[0], first[1] or city.upper()), ("Country", country.upper())]
        return [f"{k}.", *(cell for pair in cells for cell in (pair[::-1] if name_first else pair)),
                "City population", "412,300", f"{city} lies where two valleys meet."]

    def style(pages: list[list[str]]) -> tuple[bool, bool]:
        lines = [Line(t, n, page=p) for p, texts in enumerate(pages, 1) for n, t in enumerate(texts)]
        return heading_style(lines, [line.text for line in lines], DEFAULT_PROFILE, ())

    assert style([page(k, c, t) for k, (c, t) in enumerate(PLACES, 1)]) == (True, True)
    assert style([page(k, c, t, ("Photo", "The old mills")) for k, (c, t) in enumerate(PLACES, 1)]) == (False, False)


def test_a_number_over_the_citys_entry_alone_takes_the_country_named_further_on() -> None:
    """pdfminer reads a box's cells apart: "1." / "City" / "STRELSAU", then the intro,
    then the stats with "Country" / "RURITANIA" among them. The number heads the city
    named under it, its country the box's entry further on."""
    cities = "".join(f"{k}.\n\nCity\n{t.upper()}\n{_body(t).split(chr(10))[0]}\n\nCity population\n412,300 (2029)\n\n"
                     f"Country\n{c.upper()}\n\nCity/urban area\n96.5 km2\n\n"
                     + "\n".join(_body(t).split("\n")[1:]) + f"\nLearning Towns Prize 2031 | {k}\n\n"
                     for k, (c, t) in enumerate(PLACES, 1))
    _check(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")


def test_a_table_row_naming_city_and_country_run_together_heads_the_city() -> None:
    """A box set as a table, its rows read as two lines ("City Country City population
    City/urban area" / "STRELSAU RURITANIA 412,300 (2029) 96.5 km2"), under the number
    alone: two words before the figures are the two names, though the country is
    printed nowhere else. In pdftotext's layout mode the same table's cells come a line
    each with blank lines between: read alike."""
    rows = "".join(f"{k}.\nCity Country City population City/urban area\n{t.upper()} {c.upper()} 412,300 (2029) 96.5 km2\n"
                   f"{_body(t)}Learning Towns Prize 2031 | {k}\n" for k, (c, t) in enumerate(PLACES, 1))
    _check(f"Learning Towns Prize 2031\n{FOREWORD}\n{rows}")
    laid = "".join(f"{k}.\n"
                   f"City                Country             City population     City/urban area\n"
                   f"{t.upper():<20}{c.upper():<20}412,300 (2029)      96.5 km2\n"
                   f"{_body(t)}\n     Learning Towns Prize 2031 | {k}\n\f" for k, (c, t) in enumerate(PLACES, 1))
    _check(f"Learning Towns Prize 2031\n{FOREWORD}\n\f{laid}")


def test_two_words_run_together_are_one_name_where_the_booklet_prints_them_so() -> None:
    """Hard negative of the two-word parting: "Nova Strelsau" before the figures under
    "City Country ...", where the booklet prints "Nova Strelsau" as one name elsewhere,
    is one name with a cell left empty, not a city and a country: left as it is."""
    rows = [(1, "Nova Strelsau lies on the river."), (2, "City Country City population Area"),
            (3, "Nova Strelsau 88,150 41.2 km²")]
    assert place_columns_apart(rows, DEFAULT_PROFILE) == rows
    parted = [(1, "A town on the river."), *rows[1:]]
    assert place_columns_apart(parted, DEFAULT_PROFILE)[1:3] == [(3, "City: Nova"), (3, "Country: Strelsau")]


def test_a_long_name_its_cell_wrapped_is_one_name() -> None:
    """A table row whose country's cell wrapped on a word no name ends with ("Zenda United
    Federation of Ruritania and" / "Northern Isles" / figures), and the same box read
    down its cells ("Country" / "United Federation of Ruritania and" / "Northern Isles"):
    the two lines are one country. Hard negative: a row whose names end on no such word
    and whose next line holds no figures is left as it is."""
    country = "United Federation of Ruritania and Northern Isles"
    text = f"The winners: Zenda, {country}.\n"
    rows = [(1, text), (2, "City Country City population Area"), (3, "Zenda United Federation of Ruritania and"),
            (4, "Northern Isles"), (5, "88,150 41.2 km²")]
    assert place_columns_apart(rows, DEFAULT_PROFILE) == [
        rows[0], (3, "City: Zenda"), (3, f"Country: {country}"), (2, "City population Area"), (5, "88,150 41.2 km²")]
    plain = [(1, text), (2, "City Country City population Area"), (3, "Zenda Northern Isles"), (4, "Its people read.")]
    assert place_columns_apart(plain, DEFAULT_PROFILE) == plain
    from booklet_extract.headings import box_entry_from
    cells = ["City", "Zenda", "Country", "United Federation of Ruritania and", "Northern Isles", "Population"]
    assert box_entry_from(cells, 2, DEFAULT_PROFILE) == ("country", country, [2, 3, 4])
    assert box_entry_from(cells, 0, DEFAULT_PROFILE) == ("city", "Zenda", [0, 1])


def test_items_numbered_01_touching_their_text_are_items() -> None:
    """A word processor's "01" set in a hanging indent, its tab lost by the extractor
    ("01Evening courses ..."), in text with no blank lines: each line counting on from
    the last is an item, its number no part of its text, and the first is no part of the
    intro above it. Hard negative: one such line with no number counting on beside it
    stays the text it is."""
    cities = "".join(f"{k}. {c}, {t}\nCity population: 412,300 (2029)\n{_body(t, ('01', '02', '03'))}"
                     for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n{FOREWORD}\n{cities}")
    for got, (_, city) in zip(booklet.cities, PLACES, strict=True):
        _check_body(got, city)
    lone = parse_text(f"Learning Towns Prize 2031\n{FOREWORD}\n" + "".join(
        f"{k}. {c}, {t}\nCity population: 412,300 (2029)\n{_body(t, ('1) ', '2) ', '3) '))}"
        f"07Alpha is the name of the night bus.\n" for k, (c, t) in enumerate(PLACES, 1)))
    assert all(not any(i.text.startswith("Alpha") for i in c.initiatives) for c in lone.cities)


def test_a_number_over_the_citys_entry_takes_no_country_from_under_the_next_number() -> None:
    """Hard negative of the country named further on: a box read down its cells, each name
    over its label, whose country's name wrapped over two lines ("Syldavia (Federal" /
    "Republic of)" / "Country") reads as no entry; the country's entry under the next
    number ("3." / "SZOHOD" / "City" / "BORDURIA" / "Country") is the next city's. The
    city keeps the country its listed pair gives it."""
    places = [("Ruritania", "Strelsau"), ("Syldavia (Federal Republic of)", "Klow"), ("Borduria", "Szohod")]
    listed = "".join(f"{k}. {c}, {t}\n" for k, (c, t) in enumerate(places, 1))

    def country_cells(country: str) -> str:
        return "Syldavia (Federal\nRepublic of)" if country.startswith("Syldavia") else country

    cities = "".join(f"{k}.\n{t}\nCity\n{country_cells(c)}\nCountry\n412,300\n(2029)\nCity population\n{_body(t)}"
                     f"Learning Towns Prize 2031 {k}\n" for k, (c, t) in enumerate(places, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n{listed}{FOREWORD}\n{cities}")
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [
        (k, c, t) for k, (c, t) in enumerate(places, 1)]


def test_a_box_entry_whose_name_wraps_in_a_narrow_box_is_one_name() -> None:
    """A narrow box naming the place, each entry on its line, wraps a long country name
    ("Country: Federal Republic of" / "Syldavia", or "Country: Syldavian Free" / "Federal
    Republic" where the list holds that name): the two lines are one name, and the box
    heads its city. Hard negative: where the list names the country "Syldavian Free", the
    line under "Country: Syldavian Free" is no part of its name."""
    countries = ["Ruritania", "Federal Republic of Syldavia", "Syldavian Free Federal Republic"]
    cities = ["Strelsau", "Klow", "Szohod"]
    wrapped = ["Ruritania", "Federal Republic of\nSyldavia", "Syldavian Free\nFederal Republic"]

    def read(listed_countries: list[str]) -> list[tuple[str, str]]:
        listed = "The cities are:\n" + "\n".join(f"• {c}, {t}" for c, t in zip(listed_countries, cities, strict=True))
        pages = "".join(f"{_body(t)}City: {t}\nCountry: {w}\nCity population: 412,300 (2029)\n"
                        f"City/urban area: 96.5 km2\nEvening class in {t}\n\f" for t, w in zip(cities, wrapped, strict=True))
        return [(c.country, c.city) for c in parse_text(f"Learning Towns Prize 2031\n{FOREWORD}\n{listed}\n\f{pages}").cities]

    assert read(countries) == list(zip(countries, cities, strict=True))
    assert ("Syldavian Free Federal Republic", "Szohod") not in read([*countries[:2], "Syldavian Free"])
