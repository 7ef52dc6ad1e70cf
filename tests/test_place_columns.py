"""A stats table whose first columns name the place ("Country | City population | ..."
over "Syldavia | 88,150 | ..."), as extractors give it: its two rows as two lines, every
cell on a line of its own, or a Markdown table. The names become the box's entries
naming the place, and the numbered headings that print the city alone take the
country from them."""

from __future__ import annotations

import pytest

from booklet_extract.block_stage import build_blocks
from booklet_extract.blocks import AttributionData
from booklet_extract.models import City
from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.repairs import repair_lines
from booklet_extract.sources.place_columns import place_columns_apart
from booklet_extract.sources.text import lines_from_text

PLACES = [("Ruritania", "Strelsau", "412,300"), ("Syldavia", "Klow", "88,150"), ("Borduria", "Szohod", "205,100")]
FOREWORD = "Small towns, too, can give everyone a chance to learn. These pages tell how the winners did it."


def _table(form: str, country: str, population: str) -> str:
    """The city's facts table with its country in the first column, as `form` gives it."""
    if form == "rows":
        return f"Country City population City/urban area\n{country.upper()} {population} 71.3 km²"
    if form == "cells":
        return f"Country\nCity population\nCity/urban area\n{country.upper()}\n{population}\n71.3 km²"
    return (f"|**Country**|**City population**|**City/urban area**|\n|---|---|---|\n"
            f"|{country.upper()}|{population}|71.3 km²|")


def _city(k: int, country: str, city: str, population: str, form: str) -> str:
    """A city headed by its number and name alone ("2. KLOW"), its table set last."""
    return (f"{k}. {city.upper()}\n\n{city} lies where two valleys meet. Its initiatives include:\n\n"
            f"1) Evening courses carried by bus to the hamlets around {city}.\n"
            f"2) Workshops where retired joiners of {city} teach young people.\n\n"
            f"'Two valleys, one town: here everyone teaches and learns.'\nAnn Ek, Mayor of {city}\n\n"
            f"{_table(form, country, population)}\n\nEvening class in the old mills\n\n")


@pytest.mark.parametrize("form", ["rows", "cells", "markdown"])
def test_a_numbered_city_alone_takes_its_country_from_the_tables_first_column(form: str) -> None:
    """"1. STRELSAU" with no list, its country only in the facts table set under its
    quote, the table given as two lines, a cell to a line, or a Markdown table: each
    city has its country, and the stats are read from the other columns."""
    head = "# **Learning Towns Prize 2031**\n\n" if form == "markdown" else "Learning Towns Prize 2031\n\n"
    text = head + f"{FOREWORD}\n\n" + "".join(_city(k, *place, form) for k, place in enumerate(PLACES, 1))
    booklet = parse_text(text)
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [
        (k, country.upper(), city.upper()) for k, (country, city, _) in enumerate(PLACES, 1)]
    for got, (_, _, population) in zip(booklet.cities, PLACES, strict=True):
        assert got.stats.population is not None and got.stats.population.raw == population
        assert got.stats.area_km2 is not None and got.stats.area_km2.value == 71.3
        assert len(got.initiatives) == 2 and got.quote is not None and got.quote.speaker == "Ann Ek"


def test_two_names_run_together_are_parted_where_the_booklet_prints_each() -> None:
    """"City Country ..." over "Szohod Nova Borduria 88,150 ...": the one parting whose
    two names the booklet prints elsewhere ("Szohod Nova", "Borduria") gives the box's
    entries. Hard negatives: where no parting, or two partings, are printed elsewhere,
    the rows are left as they are; so are rows with a cell too many or too few, and a
    row of labels whose next line holds prose."""
    rows = [(1, "Szohod Nova lies in the north of Borduria."), (2, "City Country City population Area"),
            (3, "Szohod Nova Borduria 88,150 41.2 km²")]
    assert place_columns_apart(rows, DEFAULT_PROFILE) == [
        rows[0], (3, "City: Szohod Nova"), (3, "Country: Borduria"), (2, "City population Area"),
        (3, "88,150 41.2 km²")]
    unnamed = [(1, "A town in the north."), *rows[1:]]
    assert place_columns_apart(unnamed, DEFAULT_PROFILE) == unnamed
    both = [(1, "Szohod Nova, Borduria, Szohod and Nova Borduria."), *rows[1:]]
    assert place_columns_apart(both, DEFAULT_PROFILE) == both
    for values in ("Szohod Nova Borduria 88,150", "Szohod Nova Borduria 88,150 41.2 km² US$900",
                   "Its people read a great deal."):
        other = [rows[0], rows[1], (3, values)]
        assert place_columns_apart(other, DEFAULT_PROFILE) == other


def test_cells_apart_by_bars_or_wide_gaps_give_the_names_as_printed() -> None:
    """Bars (a Markdown table) or wide gaps part the cells: the names are the first
    cells whatever their words. A name cell holding a figure is no name: left as it is."""
    rows = [(5, "City | Country | Population"), (6, ""), (7, "Klow | United Federation of Borduria | 88,150")]
    assert place_columns_apart(rows, DEFAULT_PROFILE) == [
        (7, "City: Klow"), (7, "Country: United Federation of Borduria"), (5, "Population"), (7, "88,150")]
    figure = [(5, "City | Country | Population"), (7, "Klow 2 | Borduria | 88,150")]
    assert place_columns_apart(figure, DEFAULT_PROFILE) == figure


def _page_boxed_last(country: str, city: str, population: str, role: str, edge: str = "\f") -> str:
    """A city's page with no heading: its text, then the facts table naming it, read
    down its columns (label over name, label over figure), then a caption."""
    return (f"{city} lies where two valleys meet. Its initiatives include:\n\n"
            f"1) Evening courses carried by bus to the hamlets around {city}.\n"
            f"2) Workshops where retired joiners of {city} teach young people.\n\n"
            f"'Two valleys, one town: here everyone teaches and learns.'\nAnn Ek, {role}\n"
            f"City\n{city}\nCountry\n{country}\nCity population\n{population}\nCity/urban area\n71.3 km²\n\n"
            f"Evening class in the old mills\n{edge}")


@pytest.mark.parametrize("edge", ["\f", "\nLearning Towns Prize 2031 | {page}\n\n"])
def test_a_box_read_down_its_columns_names_the_place_and_ends_no_role(edge: str) -> None:
    """Pages whose only heading is the facts table at their foot, read down its columns
    ("City" / "Klow" / "Country" / "Syldavia" / "City population" / "88,150"), right under
    the speaker's role: the label "City" is the box's, not the role's last word, and the
    box heads the page's city. The pages are parted by form feeds, or, in text that
    gives no pages, by a running footer: the page's text above the box is its city's.
    Hard negative: a role that ends on "City" with no box under it keeps the word
    ("Mayor of Alpha" / "City")."""
    listed = "The cities are:\n" + "\n".join(f"{country}, {city}" for country, city, _ in PLACES)
    pages = "".join(_page_boxed_last(country, city, population, f"Mayor of {city}", edge.format(page=k))
                    for k, (country, city, population) in enumerate(PLACES, 2))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{listed}\n{edge.format(page=1)}{pages}")
    assert [(c.country, c.city) for c in booklet.cities] == [(country, city) for country, city, _ in PLACES]
    assert [c.quote.role for c in booklet.cities if c.quote] == [f"Mayor of {city}" for _, city, _ in PLACES]
    assert [c.stats.population.raw for c in booklet.cities if c.stats.population] == [p for _, _, p in PLACES]
    assert [(c.intro or "").split(" lies")[0] for c in booklet.cities] == [city for _, city, _ in PLACES]
    assert [len(c.initiatives) for c in booklet.cities] == [2, 2, 2]
    def roles(text: str) -> list[str]:
        blocks = build_blocks(repair_lines(lines_from_text(text).lines, DEFAULT_PROFILE), DEFAULT_PROFILE)
        return [b.data.role for b in blocks if isinstance(b.data, AttributionData)]

    box = "City\nKlow\nCountry\nSyldavia\nCity population\n88,150\n"
    assert roles(f"'Learning is for all of us.'\nAnn Ek, Mayor of Klow\n{box}") == ["Mayor of Klow"]
    assert roles("'Learning is for all of us.'\nAnn Ek, Mayor of Alpha\nCity\n\nEvening class in the old mills\n") \
        == ["Mayor of Alpha City"]


def test_a_heading_over_its_pages_edge_keeps_the_text_above_for_the_city_before() -> None:
    """Hard negative of a heading at its page's foot, in text that gives no pages: each
    "N. Country, City" set at the foot of the page before its text, the running footer
    right under it, the city's stats and text on the next page. The text above the
    heading closes on the city before's attribution and stays that city's."""
    def city(k: int, country: str, name: str, population: str) -> str:
        return (f"{k}. {country}, {name}\n\nLearning Towns Prize 2031 | {k}\n\n"
                f"City population: {population}\nCity/urban area: 71.3 km²\n\n"
                f"{name} lies where two valleys meet. Its initiatives include:\n\n"
                f"1) Evening courses carried by bus to the hamlets around {name}.\n"
                f"2) Workshops where retired joiners of {name} teach young people.\n\n"
                f"'Two valleys, one town: here everyone teaches and learns.'\nAnn Ek, Mayor of {name}\n\n")
    cities = "".join(city(k, *place) for k, place in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [c.city for c in booklet.cities] == [name for _, name, _ in PLACES]
    assert [(c.intro or "").split(" lies")[0] for c in booklet.cities] == [name for _, name, _ in PLACES]
    assert [c.quote.role for c in booklet.cities if c.quote] == [f"Mayor of {name}" for _, name, _ in PLACES]


def test_a_markdown_tables_last_column_cut_short_is_left_out() -> None:
    """An extractor cut the table at its edge: the last label ("Annual G") and the figure
    under it ("US$21,30") are cut short. The country and the whole columns are read; the
    cut column is left out, its GDP reported missing rather than read as US$21,30 (or as
    US$2 where the cut fell after a digit). Hard negatives: a last cell that is no
    label's start ("Notes") leaves the table as it was, and a whole table reads its GDP."""
    def city(k: int, country: str, town: str, population: str, last: str, figure: str) -> str:
        table = (f"|**Country**|**City population**|**City/urban area**|**{last}**|\n|---|---|---|---|\n"
                 f"|{country}|{population}|71.3 km²|{figure}|")
        return _city(k, country, town, population, "markdown").replace(_table("markdown", country, population), table)

    def booklet(last: str, figure: str) -> list[City]:
        text = "# **Learning Towns Prize 2031**\n\n" + f"{FOREWORD}\n\n" + "".join(
            city(k, *place, last, figure) for k, place in enumerate(PLACES, 1))
        return parse_text(text).cities

    cut = booklet("Annual G", "US$21,30")
    assert [(c.country, c.city) for c in cut] == [(country, city.upper()) for country, city, _ in PLACES]
    assert [c.stats.population.raw if c.stats.population else None for c in cut] == [p for _, _, p in PLACES]
    assert all(c.stats.area_km2 is not None and c.stats.area_km2.value == 71.3 for c in cut)
    assert all(c.stats.gdp_usd is None for c in cut)
    assert not any("US$21" in caption for c in cut for caption in c.captions)

    whole = booklet("Annual GDP", "US$21,300")
    assert all(c.stats.gdp_usd is not None and c.stats.gdp_usd.value == 21300 for c in whole)
    assert all(c.stats.population is not None for c in whole)
    rows = [(1, "Country | City population | Notes"), (2, "Syldavia | 88,150 | see p. 4")]
    assert place_columns_apart(rows, DEFAULT_PROFILE) == rows
    rows = [(1, "Country | City population | City/urban area | Annual G"), (2, "Syldavia | 88,150 | 71.3 km² | US$2")]
    assert place_columns_apart(rows, DEFAULT_PROFILE) == [
        (2, "Country: Syldavia"), (1, "City population | City/urban area"), (2, "88,150 71.3 km²")]
