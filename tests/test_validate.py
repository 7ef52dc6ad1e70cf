"""Cross-field checks raise flags, never exceptions."""

from __future__ import annotations

from booklet_extract.pipeline import parse_text

BOOKLET = """\
The award goes to three cities. The cities are:

Aland, Alpha
Borduria, Szohod
Carpania, Gamma

Alpha has done much for learning and has:

1. Aland, Alpha
City population: 10,000
City/urban area: 12 km2
Annual GDP: US$1,000

Opened one library
for every village.

Trained one hundred
adult educators.

‘Learning is our future.’

Ann Ek, Mayor of Alpha

Szohod is a city of readers and has:

3. Borduria, Szohod
City population: 1,00,000
Annual GDP: US$2,000

Opened a reading room
at the station.

‘We read together.’

Bo Berg, Mayor of Szohod
"""


def test_flags_for_an_incomplete_booklet() -> None:
    booklet = parse_text(BOOKLET)
    kinds = [(f.kind, f.city) for f in booklet.flags]
    messages = " | ".join(f.message for f in booklet.flags)
    assert [c.number for c in booklet.cities] == [1, 3]
    assert ("count_mismatch", None) in kinds and "listed but not found: carpania, gamma" in messages
    assert "city numbering is [1, 3], expected 1..2" in messages
    assert ("missing_field", 3) in kinds and "Szohod: no area_km2 in the stats box" in messages
    assert ("malformed_number", 3) in kinds  # 1,00,000 groups by two: not guessed
    szohod = booklet.cities[1]
    assert szohod.stats.population is not None and szohod.stats.population.value is None
    assert szohod.stats.population.raw == "1,00,000"


def test_complete_booklet_has_no_validation_flags() -> None:
    head, _, _ = BOOKLET.partition("Szohod is a city")
    text = head.replace("Borduria, Szohod\nCarpania, Gamma\n", "")
    booklet = parse_text(text)
    assert [f.kind for f in booklet.flags] == []
    assert booklet.booklet.listed_cities[0].city == "Alpha"


def test_stat_line_variants() -> None:
    text = (
        "1. Aland, Alpha\n"
        "Population (2019): 1.2 million\n"
        "Total area: 12 km²\n"
        "GDP per capita: 6,643 USD (2018)\n"
    )
    stats = parse_text(text).cities[0].stats
    assert stats.population is not None and (stats.population.value, stats.population.year) == (1_200_000, 2019)
    assert stats.area_km2 is not None and (stats.area_km2.raw, stats.area_km2.value) == ("12 km²", 12)
    assert stats.gdp_usd is not None and (stats.gdp_usd.value, stats.gdp_usd.year) == (6643, 2018)
