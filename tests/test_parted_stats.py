"""A stats label and its figure parted by the text's reading order (`parted_stats`)."""

from __future__ import annotations

from booklet_extract.models import City
from booklet_extract.pipeline import parse_text

FRONT = "Front matter paragraph that introduces the booklet and its cities.\n\n"


def _city(stats: str, between_items: str) -> City:
    """A sidebar read row by row: stats at the top, one line of the box between two items."""
    text = FRONT + f"""\
1. Ruritania, Strelsau
{stats}

Harbour workshop

Strelsau has a long history of adult learning. Its main efforts include:
(1) A network of community schools that reach every district.

(2) Evening classes for workers in the old town.

{between_items}

(3) A library on wheels for remote villages.

‘We believe in learning for all, at every age.’

Rudolf Rassendyll, Mayor of Strelsau
"""
    (city,) = parse_text(text).cities
    return city


def test_a_label_read_below_an_item_rejoins_its_lone_figure() -> None:
    city = _city("1,200,000\n(2018)\nCity population\n\n300 km2\nCity/urban area\n\nUS$12,000", "Annual GDP")
    assert city.stats.gdp_usd is not None and city.stats.gdp_usd.value == 12_000
    assert city.captions == ["Harbour workshop"]
    assert len(city.initiatives) == 3


def test_a_figure_with_its_year_rejoins_a_label_read_apart() -> None:
    city = _city("1,200,000\nCity population\n\n300 km2\n(2016)\n\nAnnual GDP\nUS$12,000", "City/urban area")
    area = city.stats.area_km2
    assert area is not None and (area.value, area.year) == (300, 2016)
    assert city.captions == ["Harbour workshop"]


def test_a_figure_whose_unit_names_another_field_stays_as_printed() -> None:
    """Dollars are no area: the label and the figure stay apart, the area is missing."""
    city = _city("1,200,000\nCity population\n\nUS$12,000", "City/urban area")
    assert city.stats.area_km2 is None and city.stats.gdp_usd is None
    assert "US$12,000" in city.captions


def test_two_lone_figures_for_one_label_stay_as_printed() -> None:
    city = _city("1,200,000\nCity population\n\n300 km2\n\nUS$12,000", "Annual GDP")
    assert city.stats.area_km2 is None and city.stats.gdp_usd is None


def test_a_label_of_a_field_the_city_has_takes_no_lone_figure() -> None:
    city = _city("City population: 1,200,000\nAnnual GDP: US$9,000\n\n300 km2", "Annual GDP")
    assert city.stats.gdp_usd is not None and city.stats.gdp_usd.value == 9000
    assert city.stats.area_km2 is None


def test_a_box_read_as_its_figures_then_its_labels_pairs_in_order() -> None:
    city = _city("1,200,000 (2020)\n\n300 km²\n\nPopulation (2020)\n\nArea (km²)\n\nAnnual GDP: US$9,000", "")
    population, area = city.stats.population, city.stats.area_km2
    assert population is not None and (population.value, population.year) == (1_200_000, 2020)
    assert area is not None and area.value == 300
    assert city.captions == ["Harbour workshop"]


def test_figures_and_labels_whose_order_names_other_units_stay_as_printed() -> None:
    """Hard negative: read in order, the area's label would get the dollars; nothing pairs."""
    city = _city("City population: 1,200,000\n\nUS$9,000\n\n300 km2", "City/urban area\n\nAnnual GDP")
    assert city.stats.area_km2 is None and city.stats.gdp_usd is None
    assert {"US$9,000", "300 km2", "City/urban area", "Annual GDP"} <= set(city.captions)
