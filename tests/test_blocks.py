"""Typed blocks: names, the recognisers one by one, map labels, and what typography adds."""

from __future__ import annotations

from dataclasses import replace

import pytest

from booklet_extract.block_stage import RECOGNISERS, build_blocks
from booklet_extract.blocks import (
    AttributionData,
    BlockKind,
    HeadingData,
    ItemData,
    StatData,
    attribution_parts,
    is_map_label,
    is_name,
    split_country_city,
    stat_key,
)
from booklet_extract.line import Line
from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE as P
from booklet_extract.repairs import repair_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("People’s Republic of China, Chengdu", ("People’s Republic of China", "Chengdu")),
        ("Côte d’Ivoire, Yamoussoukro", ("Côte d’Ivoire", "Yamoussoukro")),
        ("Italy, L’Aquila", ("Italy", "L’Aquila")),
        ("Bosnia and Herzegovina, Sarajevo", ("Bosnia and Herzegovina", "Sarajevo")),
        # Small words inside place names of other languages: "es", "aan", "op", "sul", "los".
        ("Ruritania, Port es Zenda", ("Ruritania", "Port es Zenda")),
        ("Ruritania, Alphen aan den Zenda", ("Ruritania", "Alphen aan den Zenda")),
        ("Ruritania, Bergen op Zenda", ("Ruritania", "Bergen op Zenda")),
        ("Ruritania, Castel sul Zenda", ("Ruritania", "Castel sul Zenda")),
        # A Dutch name after an elided article, in mixed case or in capitals, either side.
        ("Ruritania, ’s-Alphenbosch", ("Ruritania", "’s-Alphenbosch")),
        ("’s-Alphenbosch, Ruritania", ("’s-Alphenbosch", "Ruritania")),
        ("RURITANIA, ’S-ALPHENBOSCH", ("RURITANIA", "’S-ALPHENBOSCH")),
        ("Korea, Republic of, Seoul", None),  # a comma inside the country is not supported
        ("David Atchoarena, Director", ("David Atchoarena", "Director")),
        ("which fosters educational, social", None),
    ],
)
def test_split_country_city(text: str, expected: tuple[str, str] | None) -> None:
    assert split_country_city(text, P) == expected


def test_is_name_rejects_sentences() -> None:
    assert is_name("Petaling Jaya", P) and is_name("Seodaemun-gu", P)
    assert not is_name("over 4,600 school dropouts", P)


def _lines(*texts: str, size: float | None = None, italic: bool = False, starts: bool = True) -> list[Line]:
    return [Line(t, n, block_start=starts, font_size=size, italic=italic) for n, t in enumerate(texts, 1)]


def _blocks(lines: list[Line]) -> list[tuple[BlockKind, list[str], object]]:
    return [(b.kind, [t.strip() for t in b.texts], b.data) for b in build_blocks(repair_lines(lines, P), P)]


def test_recognisers_are_named_and_ordered() -> None:
    names = [name for name, _ in RECOGNISERS]
    assert names.index("heading") < names.index("list_item")  # "1. Country, City" is a heading first
    assert len(set(names)) == len(names)


def test_heading_wrapped_over_lines() -> None:
    got = _blocks(_lines("8. United Kingdom of Great Britain and", "Northern Ireland, Bristol", "City population: 1"))
    assert got[0] == (BlockKind.HEADING, ["8. United Kingdom of Great Britain and", "Northern Ireland, Bristol"],
                      HeadingData(8, "United Kingdom of Great Britain and Northern Ireland", "Bristol"))


def test_heading_numbers_must_increase() -> None:
    got = _blocks(_lines("2. Denmark, Odense", "1. Norway, Bergen"))
    assert [k for k, _, _ in got] == [BlockKind.HEADING, BlockKind.PROSE]


def _numbered_items_city(number: int, country: str, city: str, items: list[str]) -> str:
    """One city's pages, its items given as printed lines."""
    listed = "\n".join(items)
    return f"""{number}. {country}, {city}

City population: 410,000

{city} lies at the foot of the mountains. Its main programmes are:

{listed}

‘In {city}, every street is a school.’

Ann Ek, Mayor of {city}
"""


@pytest.mark.parametrize(("marker", "cities"), [
    ("{k}.", ["Strelsau", "Klow", "Szohod"]),
    ("•", ["Strelsau", "Szohod"]),
])
def test_a_numbered_item_wrapped_word_by_word_is_no_heading(marker: str, cities: list[str]) -> None:
    """pdfminer breaks a narrow justified column's item at its wide spaces, one word a
    line ("3. The" / "Town," / "Forum"), which reads as a numbered place. It counts on
    from the item above it ("2. A course ...") and a place further on prints the same
    number ("3. Borduria, Szohod"): it is that list's next item, under heading 1 (its
    number skipping 2) as under heading 2, and the headings after it are read. Hard
    negative: under items with bullets, a heading that skips a number (a selection of the
    cities, "1." and "3.") is still a heading."""
    def items(k: int) -> list[str]:
        lines = [f"{marker.format(k=n)} A course for every resident, number {n} of the town." for n in (1, 2)]
        return [*lines, f"{marker.format(k=3)} The", "Town,", "Forum", "which gives every child a book."]
    if marker == "•":
        text = "\n".join([_numbered_items_city(1, "Ruritania", "Strelsau", items(1)),
                          _numbered_items_city(3, "Borduria", "Szohod", items(3))])
    else:
        text = "\n".join(_numbered_items_city(k, country, city, items(k)) for k, (country, city) in
                         enumerate([("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")], 1))
    booklet = parse_text("Learning Towns Prize 2031\n\n" + text)
    assert [c.city for c in booklet.cities] == cities
    if marker != "•":
        assert [len(c.initiatives) for c in booklet.cities] == [3, 3, 3]
        assert booklet.cities[0].initiatives[2].text.startswith("The Town, Forum")


def test_a_heading_counting_on_from_the_items_above_it_is_still_a_heading() -> None:
    """Hard negative: a heading whose number counts on from the last item above it ("2.
    ..." / "3. Borduria, Szohod"), with no place printing that number further on, is the
    heading (`test_a_numbered_item_wrapped_word_by_word_is_no_heading`)."""
    items = [f"{n}. A course for every resident, number {n} of the town." for n in (1, 2)]
    text = "\n".join(_numbered_items_city(k, country, city, items) for k, (country, city) in
                     enumerate([("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")], 1))
    booklet = parse_text("Learning Towns Prize 2031\n\n" + text)
    assert [c.city for c in booklet.cities] == ["Strelsau", "Klow", "Szohod"]
    assert [len(c.initiatives) for c in booklet.cities] == [2, 2, 2]


def test_small_type_is_never_a_heading() -> None:
    body = _lines("Some body text set in the usual size, long enough to count.", size=10.0)
    small = [Line("1. Green Schools, Bristol", 2, block_start=True, font_size=7.0)]
    assert BlockKind.HEADING not in [k for k, _, _ in _blocks(body + small)]
    assert BlockKind.HEADING in [k for k, _, _ in _blocks(_lines(body[0].text, small[0].text))]


def test_small_italic_type_is_a_caption_even_with_a_full_stop() -> None:
    body = _lines("A paragraph of body text that runs on for a while and ends.", size=10.0)
    caption = [Line("Pupils planting trees in the school garden.", 2, block_start=True, font_size=8.0, italic=True)]
    assert [k for k, _, _ in _blocks(body + caption)] == [BlockKind.PROSE, BlockKind.CAPTION]
    plain = _lines(body[0].text, caption[0].text)
    assert [k for k, _, _ in _blocks(plain)] == [BlockKind.PROSE, BlockKind.PROSE]  # without fonts: a sentence


def test_a_box_stopping_mid_word_before_lowercase_is_no_caption() -> None:
    """pdfminer gives a wrapped item's middle line as a box of its own: short and with
    no sentence end, it looked like a caption, and the item's halves then joined
    across it into a made-up word."""
    got = _blocks(_lines("• A festival of learning, which raises awareness of the impor-",
                         "tance of learning among citizens through workshops and ac-",
                         "tivities aimed at learners and businesses."))
    assert BlockKind.CAPTION not in [k for k, _, _ in got]
    # hard negatives: a short line before a capital, or ending in a whole word, stays a caption
    for second in ("Pupils at the school garden open day", "Pupils at the open-"):
        got = _blocks(_lines("A paragraph of body text that runs on for a while and ends.", second,
                             "Another paragraph that starts with a capital and ends."))
        assert [k for k, _, _ in got][1] is BlockKind.CAPTION, second


@pytest.mark.parametrize(
    ("texts", "entry"),
    [
        (["City population: 1,200 (2016)"], "City population: 1,200 (2016)"),
        (["City population (2016)", "1,200"], "City population (2016): 1,200"),
        (["City population:", "1,200 (2016)"], "City population: 1,200 (2016)"),
        (["1,200 (2016)", "City population"], "City population: 1,200 (2016)"),  # figure above its label
        (["1,200", "(2016)", "City population"], "City population: 1,200 (2016)"),  # the year on its own line
        (["City population", "1,200", "(2016)"], "City population: 1,200 (2016)"),
        # a narrow sidebar wraps a one-line entry: its figure after a qualifier, or its year
        (["City population: approx.", "1,200 (2016)"], "City population: approx. 1,200 (2016)"),
        (["City population: 1,200", "(2016)"], "City population: 1,200 (2016)"),
    ],
    ids=["one-line", "label-year-then-figure", "label-then-figure-year", "figure-above", "figure-year-label",
         "label-figure-year", "qualifier-then-figure", "entry-then-year"],
)
def test_stat_label_and_figure_on_separate_lines(texts: list[str], entry: str) -> None:
    got = _blocks(_lines(*texts))
    assert got == [(BlockKind.STATS, texts, StatData("population", entry))]


@pytest.mark.parametrize("unit", ["km2", "km2 (2016)"])
def test_a_unit_wrapped_off_its_figure_in_a_pdf_goes_back_to_its_entry(unit: str) -> None:
    """A narrow box wraps the area's unit (and year) off its figure, and the PDF's layout
    starts a block there ("City/urban area: 4,310" / "km2"): the unit alone is the entry's
    end, not a caption. Hard negative: a block under the entry that only opens with the
    unit is its own."""
    box = (400.0, 100.0, 520.0, 110.0)
    below = (400.0, 112.0, 430.0, 122.0)
    lines = [Line("City/urban area: 4,310", 1, True, bbox=box), Line(unit, 2, True, bbox=below)]
    entry = f"City/urban area: 4,310 {unit}"
    assert _blocks(lines) == [(BlockKind.STATS, ["City/urban area: 4,310", unit], StatData("area_km2", entry))]
    lines[1] = Line("km2 of parks and gardens", 2, True, bbox=below)
    assert _blocks(lines)[0] == (BlockKind.STATS, ["City/urban area: 4,310"], StatData("area_km2", "City/urban area: 4,310"))


def test_a_year_below_an_entry_with_its_own_year_is_not_taken() -> None:
    """Hard negative: an entry whose figure has its year takes no second one from the
    line below; one whose label has a year does take the figure's own."""
    entry = "City population: 1,200 (2016)"
    assert _blocks(_lines(entry, "(2017)"))[0] == (BlockKind.STATS, [entry], StatData("population", entry))
    labelled = "City population (2016): 1,200"
    assert _blocks(_lines(labelled, "(2017)"))[0] == (
        BlockKind.STATS, [labelled, "(2017)"], StatData("population", labelled + " (2017)"))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Population: 74,737", "population"),
        ("Total population: 74,737", "population"),
        ("Population of the city: 74,737", "population"),
        ("Population (city): 74,737", "population"),
        ("Number of inhabitants (2016): 74,737", "population"),
        ("Surface area: 495 km2", "area_km2"),
        ("Area (km2): 495", "area_km2"),
        ("Gross domestic product: US$56,394", "gdp_usd"),
        ("GDP (per capita): US$56,394", "gdp_usd"),
        ("GDP per head (2014): US$6,643", "gdp_usd"),
        ("Residents: 74,737", "population"),
        ("Number of residents (2016): 74,737", "population"),
        ("GDP per person: USD 55,900", "gdp_usd"),
        ("GDP per resident (2021): USD 5,900", "gdp_usd"),
        ("Population size: 74,737", "population"),
        ("Metro population: 2.1 million", "population"),
        ("Population in 2016: 74,737", "population"),
        ("Population (2016 census): 74,737", "population"),
        ("Per capita GDP: US$56,394", "gdp_usd"),
        ("GDP (PPP) per capita: US$56,394", "gdp_usd"),
        ("GDP per capita, PPP: US$56,394", "gdp_usd"),
        ("GDP per capita (USD, 2014): 6,643", "gdp_usd"),
        # hard negatives: prose that names a label, a bracket holding more than a qualifier
        ("Residents of the old town: 1,200 people took part.", None),
        ("Population growth has slowed since 2010: 1,200 people left.", None),
        ("The area around the harbour: 495 km2", None),
        ("Population (see page 12): 74,737", None),
        ("Population in the old town: 1,200", None),
        ("Population growth (2016 census): 2%", None),
    ],
)
def test_stat_label_wordings(text: str, key: str | None) -> None:
    """Other booklets of the genre word their labels otherwise; the figure after the
    colon still says which stat it is."""
    assert stat_key(text, P) == key


def test_stats_table_run_into_one_line() -> None:
    """An extractor that joins a block's lines gives a table it did not see as one line:
    labels side by side, then the figures in the same order."""
    got = _blocks(_lines("City population City/urban area Annual GDP 1,200 (2016) 45 km2 US$900"))
    assert [data for _, _, data in got] == [StatData("population", "City population: 1,200 (2016)"),
                                            StatData("area_km2", "City/urban area: 45 km2"),
                                            StatData("gdp_usd", "Annual GDP: US$900")]


def test_stats_table_run_into_one_line_needs_a_figure_for_each_label() -> None:
    got = _blocks(_lines("City population City/urban area Annual GDP 1,200 (2016) 45 km2"))
    assert StatData("gdp_usd", "Annual GDP: US$900") not in [data for _, _, data in got]
    assert all(kind != BlockKind.STATS or data != StatData("area_km2", "City/urban area: 45 km2")
               for kind, _, data in got)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("1,200 (2016) City population", StatData("population", "City population: 1,200 (2016)")),
        ("495 km2 City/urban area", StatData("area_km2", "City/urban area: 495 km2")),
        ("US$56,394 Annual GDP", StatData("gdp_usd", "Annual GDP: US$56,394")),
        # hard negatives: a figure that does not fit the label's field, a year before words
        ("495 km2 City population", None),
        ("2015 Learning City Award", None),
    ],
)
def test_figure_over_its_label_run_into_one_line(text: str, data: StatData | None) -> None:
    got = _blocks(_lines(text))
    if data is None:
        assert BlockKind.STATS not in [kind for kind, _, _ in got]
    else:
        assert got == [(BlockKind.STATS, [text], data)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Population*: 74,737", "population"),
        ("Population¹: 74,737", "population"),
        ("GDP per capita (2014)†: US$6,643", "gdp_usd"),
        ("Population: 74,737*", "population"),
        ("Area: 495 km2²", "area_km2"),
        ("Population**: 74,737", "population"),
    ],
)
def test_stat_label_or_figure_with_a_footnote_mark(text: str, key: str) -> None:
    """A box refers its reader to a note under it by a mark after the label or the figure."""
    assert stat_key(text, P) == key


def test_stats_note_under_the_box_is_no_caption() -> None:
    """The note a mark refers to, or one on the box's figures, is an entry no field is
    for; its sources (plural too) are a credit's line."""
    got = _blocks(_lines("Population*: 74,737", "Area: 495 km2", "* 2016 census", "Note: figures for 2016",
                         "Sources: National Statistics Office; World Bank"))
    assert [kind for kind, _, _ in got] == [BlockKind.STATS, BlockKind.STATS, BlockKind.OTHER_STAT,
                                             BlockKind.OTHER_STAT, BlockKind.CREDIT]


def test_stats_note_figure_alone_with_its_mark() -> None:
    got = _blocks(_lines("Population", "74,737*", "* Estimate"))
    assert got == [(BlockKind.STATS, ["Population", "74,737*"], StatData("population", "Population: 74,737*")),
                   (BlockKind.OTHER_STAT, ["* Estimate"], None)]


@pytest.mark.parametrize(
    "texts",
    [
        # an asterisk no entry above carries: a list's marker, not a note
        ["Population: 74,737", "Area: 495 km2", "* Guild Academy trains young people."],
        # a note far from any box
        ["Klow trains its people.", "Note: the city's own survey of its learners"],
    ],
    ids=["asterisk-item", "note-in-prose"],
)
def test_stats_note_hard_negatives(texts: list[str]) -> None:
    assert BlockKind.OTHER_STAT not in [kind for kind, _, _ in _blocks(_lines(*texts))]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("City population 1,200 (2016)", "population"),  # no colon
        ("City population – 1,200", "population"),
        ("Annual GDP - US$6,643", "gdp_usd"),
        ("Population 2016", None),  # hard negative: a label and its year, the figure elsewhere
        ("Population 2016: 1,200", "population"),  # the label's year bare, before the colon
        ("GDP per capita 2019 – US$8,300", "gdp_usd"),
        ("Population | 1,200", "population"),  # a two-cell table's row read as one line
        ("GDP per capita | US$8,300", "gdp_usd"),
    ],
)
def test_stat_label_and_figure_without_a_colon(text: str, key: str | None) -> None:
    assert stat_key(text, P) == key


@pytest.mark.parametrize(
    "texts",
    [
        ["1 Ruritania, Strelsau", "2 Borduria, Szohod"],  # big numbers without their dot
        ["1. Ruritania – Strelsau", "2. Borduria – Szohod"],  # a dash between country and city
    ],
)
def test_heading_wordings(texts: list[str]) -> None:
    got = [(k, d) for k, _, d in _blocks(_lines(texts[0], "City population: 1,200", texts[1]))]
    assert got[0] == (BlockKind.HEADING, HeadingData(1, "Ruritania", "Strelsau"))
    assert got[2] == (BlockKind.HEADING, HeadingData(2, "Borduria", "Szohod"))


@pytest.mark.parametrize("number", ["1", "1."])
def test_heading_number_set_apart_above_its_place(number: str) -> None:
    got = [(k, d) for k, _, d in _blocks(_lines(number, "Lao People’s Democratic Republic,", "Vientiane",
                                                "City population: 1,200", "2", "Borduria, Szohod"))]
    assert got[0] == (BlockKind.HEADING, HeadingData(1, "Lao People’s Democratic Republic", "Vientiane"))
    assert got[2] == (BlockKind.HEADING, HeadingData(2, "Borduria", "Szohod"))


def test_page_number_above_a_list_of_places_is_no_heading() -> None:
    """Hard negatives: a page number above the front matter's list of places, and a
    number that is not the next of the sequence."""
    got = [k for k, _, _ in _blocks(_lines("1", "Ruritania, Strelsau", "Borduria, Szohod"))]
    assert got[0] is BlockKind.PAGE_NUMBER and BlockKind.HEADING not in got
    got = [k for k, _, _ in _blocks(_lines("7", "Ruritania, Strelsau", "City population: 1,200"))]
    assert got[0] is BlockKind.PAGE_NUMBER and BlockKind.HEADING not in got


def test_a_page_number_above_a_capitals_caption_is_no_heading_where_numbers_sit_on_headings() -> None:
    """Hard negative: a booklet that prints "2. Borduria, Szohod" keeps that style, so a
    page number "2" over a caption in capitals with a comma is a page number, not the
    heading of a city "Technical College" / "Elekuro Booth"."""
    got = _blocks(_lines("1. Ruritania, Strelsau", "City population: 1,200", "2", "TECHNICAL COLLEGE,",
                         "ELEKURO BOOTH", "2. Borduria, Szohod"))
    headings = [d for k, _, d in got if k is BlockKind.HEADING]
    assert headings == [HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "Borduria", "Szohod")]


_UNNUMBERED_CITY = ("{place}", "City population: 1,200", "{city} is a city of learners. Its initiatives include:",
                    "A network of reading clubs.", "A school for adult learners.", "A festival of learning.",
                    "‘We learn together.’", "Ann Ek, Mayor of {city}")


def _unnumbered_city(place: str) -> list[str]:
    city = place.rsplit(",", 1)[1].strip()
    return [t.format(place=place, city=city) for t in _UNNUMBERED_CITY]


def _headings(*texts: str) -> list[HeadingData]:
    return [d for k, _, d in _blocks(_lines(*texts)) if k is BlockKind.HEADING and isinstance(d, HeadingData)]


def test_unnumbered_headings_of_a_listed_booklet() -> None:
    """A booklet that numbers no heading: its headings are the pairs its front matter
    listed, numbered in order; the list itself, and a heading's copy, head nothing."""
    front = ["The cities are:", "Ruritania, Strelsau", "Borduria, Szohod", "Syldavia, Klow", "Our thanks to all."]
    got = _headings(*front, *_unnumbered_city("Ruritania, Strelsau"), *_unnumbered_city("Borduria, Szohod"))
    assert got == [HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "Borduria", "Szohod")]


def test_unnumbered_headings_without_a_list() -> None:
    """Without a list, a place line heads a city when the text under it names the city."""
    got = _headings("Welcome to the award.", *_unnumbered_city("Ruritania, Strelsau"),
                    *_unnumbered_city("Borduria, Szohod"))
    assert got == [HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "Borduria", "Szohod")]


def test_unnumbered_headings_printed_city_first_without_a_list() -> None:
    """Booklets print "City, Country" too: without a list, a place line heads a city
    when the text under it names either of its names (which is the city is settled
    later, for the whole booklet). Hard negatives: a place line a few lines under the
    heading (a caption) heads nothing; nor does a form's label over its office, its
    first name a common word the text below prints (a regulation's "Section")."""
    def city_first(city: str, country: str) -> list[str]:
        return [t.format(place=f"{city}, {country}", city=city.title()) for t in _UNNUMBERED_CITY]
    got = _headings("Welcome to the award.", *city_first("Strelsau", "Ruritania"), *city_first("Szohod", "Borduria"))
    assert got == [HeadingData(1, "Strelsau", "Ruritania"), HeadingData(2, "Szohod", "Borduria")]
    # In capitals over its stats, the city first: the text names it "Strelsau".
    got = _headings("Welcome to the award.", *city_first("STRELSAU", "RURITANIA"), *city_first("SZOHOD", "BORDURIA"))
    assert [(d.country, d.city) for d in got] == [("STRELSAU", "RURITANIA"), ("SZOHOD", "BORDURIA")]
    caption = city_first("Strelsau", "Ruritania")
    caption.insert(3, "Klow Hall, Strelsau")
    assert _headings("Welcome to the award.", *caption) == [HeadingData(1, "Strelsau", "Ruritania")]
    # A form's label over its office, a common word the text below repeats: no city.
    form = [*city_first("Strelsau", "Ruritania"), "Section, Northern Office", "Section 12 of the rules applies."]
    assert _headings("Welcome to the award.", *form) == [HeadingData(1, "Strelsau", "Ruritania")]


def test_unnumbered_headings_in_capitals_over_their_stats() -> None:
    """A booklet setting its unnumbered headings in capitals ("RURITANIA, STRELSAU"):
    a place line in capitals heads a city where its stats open on the next line and the
    text under it names the city. Hard negative: a caption in capitals with a comma, the
    city's name in the prose under it, but no stats there, heads nothing."""
    first, second = _unnumbered_city("RURITANIA, STRELSAU"), _unnumbered_city("BORDURIA, SZOHOD")
    got = _headings("Welcome to the award.", *first, *second)
    assert [(d.number, d.country.casefold(), d.city.casefold()) for d in got] == [
        (1, "ruritania", "strelsau"), (2, "borduria", "szohod")]
    for caption in (["OLD HARBOUR, STRELSAU", "Strelsau welcomes learners from the whole region."],
                    ["LEARNERS AT THE MARKET, KLOW", "In Klow the market is a school."]):
        got = _headings("Welcome to the award.", *first, *caption, "More about the city's learners.", *second)
        assert [(d.number, d.city.casefold()) for d in got] == [(1, "strelsau"), (2, "szohod")]


@pytest.mark.parametrize("stats", [["Population 1,200 | Area 45 km² | GDP per capita US$9,800"],
                                   ["City population", "1,200"]])
def test_unnumbered_headings_in_capitals_over_a_stats_strip_or_a_label_alone(stats: list[str]) -> None:
    """Capitals headings, the city first ("STRELSAU, RURITANIA"), over stats printed as
    one strip of entries or as a label over its figure: the stats open under the heading
    as surely as an entry does. Hard negative: a capitals caption over prose that opens
    with a label's word ("Population growth ...") heads nothing."""
    def city(place: str) -> list[str]:
        name = place.split(",")[0].title()
        return [place, *stats, f"{name} is a city of learners. Its initiatives include:", "A network of reading clubs.",
                "A school for adult learners.", "A festival of learning.", "A library on wheels.",
                "‘We learn together.’", f"Ann Ek, Mayor of {name}"]
    # (which name is the city is settled booklet-wide later: `places.city_named_first`)
    got = _headings("Welcome to the award.", *city("STRELSAU, RURITANIA"), *city("SZOHOD, BORDURIA"))
    assert [(d.number, d.country.casefold()) for d in got] == [(1, "strelsau"), (2, "szohod")]
    caption = ["OLD HARBOUR, STRELSAU", "Population growth in Strelsau has slowed."]
    got = _headings("Welcome to the award.", *city("STRELSAU, RURITANIA"), *caption, "More about its learners.",
                    *city("SZOHOD, BORDURIA"))
    assert [(d.number, d.country.casefold()) for d in got] == [(1, "strelsau"), (2, "szohod")]


def test_a_title_first_attribution_with_a_colon_over_its_quote() -> None:
    """"Mayor Ann Ek:" over the quotation: the speaker and the title as the role, the
    colon no part of either."""
    got = _blocks(_lines("Zenda learns.", "Mayor Ann Ek:", "‘We learn together, all our lives.’"))
    assert got[1] == (BlockKind.ATTRIBUTION, ["Mayor Ann Ek:"], AttributionData("Ann Ek", "Mayor", before_quote=True))


def test_an_unnumbered_heading_wraps_its_long_country_name_after_a_small_word() -> None:
    """A heading whose long country name wraps: "United Federation of the" / "Northern
    Isles, Zenda", a place the front matter listed or one the text under it names. A
    name does not end on "the", so the place goes on over the next line. Hard negatives: a prose line ending on "the" over a line with a comma heads
    nothing, nor does a wrapped place the text under it never names."""
    first = _unnumbered_city("Ruritania, Strelsau")
    wrapped = _unnumbered_city("United Federation of the Northern Isles, Zenda")
    wrapped[0:1] = ["United Federation of the", "Northern Isles, Zenda"]
    front = ["The cities are:", "Ruritania, Strelsau", "United Federation of the Northern Isles, Zenda", "Thanks."]
    want = [HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "United Federation of the Northern Isles", "Zenda")]
    assert _headings(*front, *first, *wrapped) == want
    assert _headings("Welcome to the award.", *first, *wrapped) == want  # no list: the text under it names Zenda
    filler = ["Some text that runs on."] * 8
    assert _headings(*filler, "Its partners are schools of the", "Northern Isles, Zenda and Klow.") == []
    assert _headings(*filler, "UNITED FEDERATION OF THE", "NORTHERN ISLES, ZENDA", "A paragraph about Klow.") == []


@pytest.mark.parametrize(("place", "wrapped", "want"), [
    ("United Federation of the Northern Isles, Zenda", ["United Federation of the Northern", "Isles, Zenda"],
     HeadingData(2, "United Federation of the Northern Isles", "Zenda")),
    ("Zenda, United Federation of the Northern Isles", ["Zenda, United Federation of the Northern", "Isles"],
     HeadingData(2, "Zenda", "United Federation of the Northern Isles")),
])
def test_an_unnumbered_heading_wrapped_after_any_word_is_the_listed_pair(place: str, wrapped: list[str],
                                                                        want: HeadingData) -> None:
    """A long country name wrapped after a capitalised word ("United Federation of the
    Northern" / "Isles, Zenda"), or its last word wrapped alone after a whole place
    ("Zenda, United Federation of the Northern" / "Isles"): where the front matter lists
    the whole pair, the two lines are the heading, not "Isles, Zenda" nor a place no list
    names. Hard negatives: a caption right above the whole heading, and a short one right
    under it, make no listed pair with it and stay apart."""
    first = _unnumbered_city("Ruritania, Strelsau")
    city = _unnumbered_city(place)
    city[0:1] = wrapped
    front = ["The cities are:", "Ruritania, Strelsau", place, "Thanks."]
    assert _headings(*front, *first, *city) == [HeadingData(1, "Ruritania", "Strelsau"), want]
    whole = _unnumbered_city(place)
    whole[1:1] = ["Harbour"]
    got = _blocks(_lines(*front, *first, "Reading Room", *whole))
    assert [d for k, _, d in got if k is BlockKind.HEADING] == [HeadingData(1, "Ruritania", "Strelsau"), want]
    assert [t for _, t, _ in got if t[0] in (place, "Harbour", "Reading Room")][-3:] == [
        ["Reading Room"], [place], ["Harbour"]]


def test_place_like_lines_that_head_no_city() -> None:
    """Hard negatives in a booklet without numbers: a caption with a comma right under a
    heading, a speaker whose role wraps ("Ann Ek, Lord" / "Mayor of Alpha"), a list of
    three places, a caption in capitals, "Agency, Department of" (no place ends in a
    small word), a form's "AGENCY: Federal Aviation", and a place the text under it
    never names."""
    city = _unnumbered_city("Ruritania, Strelsau")
    got = _headings(*city[:1], "Technical College, Exhibition Booth", "Exhibition Booth opens daily.", *city[1:],
                    "Ann Ek, Lord", "Mayor of Strelsau", "Strelsau grows.")
    assert got == [HeadingData(1, "Ruritania", "Strelsau")]
    assert _headings("Ruritania, Strelsau", "Borduria, Szohod", "Syldavia, Klow", "Strelsau, Szohod and Klow.") == []
    filler = ["Some text that runs on."] * 8
    assert _headings(*filler, "TECHNICAL COLLEGE, EXHIBITION BOOTH", "The Exhibition Booth was full.") == []
    assert _headings(*filler, "Aviation Agency, Department of", "The Department of Transport rules.") == []
    assert _headings(*filler, "AGENCY: Federal Aviation", "The Federal Aviation agency rules.") == []
    assert _headings(*filler, "Notice: Federal Aviation", "The Federal Aviation agency rules.") == []
    assert _headings(*filler, "Ruritania, Strelsau", "A paragraph about something else.") == []


def test_page_numbers_over_unnumbered_headings_are_no_heading_numbers() -> None:
    """A booklet that opens each city on a new page may print page numbers right over
    its headings; they skip a number sooner or later ("1", "2", "4"), so they are page
    numbers, and the cities are numbered in order."""
    texts: list[str] = []
    for page, place in zip(("1", "2", "4"), ("Ruritania, Strelsau", "Borduria, Szohod", "Syldavia, Klow")):
        texts += [page, *_unnumbered_city(place)]
    got = [(k, d) for k, _, d in _blocks(_lines(*texts)) if k in (BlockKind.HEADING, BlockKind.PAGE_NUMBER)]
    assert [k for k, _ in got] == [BlockKind.PAGE_NUMBER, BlockKind.HEADING] * 3
    assert [d.number for k, d in got if isinstance(d, HeadingData)] == [1, 2, 3]


def test_a_stray_marker_over_an_unnumbered_heading_takes_no_item() -> None:
    """pdfminer may give an item's bullet apart, just before the next city's heading."""
    front = ["The cities are:", "Ruritania, Strelsau", "Borduria, Szohod", "Syldavia, Klow", "Our thanks to all."]
    got = _headings(*front, *_unnumbered_city("Ruritania, Strelsau"), "•", *_unnumbered_city("Borduria, Szohod"))
    assert got == [HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "Borduria", "Szohod")]


def test_a_signature_line_over_an_unnumbered_heading_is_no_list_entry() -> None:
    """A wrapped list entry's second line is never a whole entry itself: "UNESCO" (a
    signature's last line) over the first heading does not swallow it."""
    front = ["The cities are:", "Ruritania, Strelsau", "Borduria, Szohod", "Ann Ek, Director", "UNESCO"]
    got = _headings(*front, *_unnumbered_city("Ruritania, Strelsau"), *_unnumbered_city("Borduria, Szohod"))
    assert got == [HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "Borduria", "Szohod")]


def test_numbers_without_a_dot_head_only_a_place_pair() -> None:
    """Hard negatives: a count opening a sentence or a caption is no heading."""
    for text in ("3 Young learners at the fair", "12 Learning festivals, held in spring.", "5 Learning Cities"):
        assert BlockKind.HEADING not in [k for k, _, _ in _blocks(_lines(text))], text


@pytest.mark.parametrize(
    "text", ["Ann Ek, Lord Mayor of Alpha", "Ann Ek – Lord Mayor of Alpha", "Ann Ek (Lord Mayor of Alpha)"])
def test_attribution_wordings(text: str) -> None:
    got = _blocks(_lines("‘We learn together, all our lives.’", text))
    assert got[1] == (BlockKind.ATTRIBUTION, [text], AttributionData("Ann Ek", "Lord Mayor of Alpha"))


@pytest.mark.parametrize("text", ["says Ann Ek, Lord Mayor of Alpha.", "— said Ann Ek, Lord Mayor of Alpha",
                                  "Ann Ek, Lord Mayor of Alpha, says:", "Ann Ek (Lord Mayor of Alpha) explained."])
def test_attribution_with_a_speech_verb(text: str) -> None:
    """A speech verb before the name or after the role, and the stop its clause ends on,
    are no part of either."""
    got = _blocks(_lines("‘We learn together, all our lives.’", text))
    assert got[1] == (BlockKind.ATTRIBUTION, [text], AttributionData("Ann Ek", "Lord Mayor of Alpha"))


def test_a_speech_verb_on_the_quotes_last_line_opens_its_attribution() -> None:
    """"… our lives,’ says Ann Ek, Mayor of Alpha.": the quote's end stays the quote's,
    the rest is the attribution. Hard negative: a lowercase word that is no speech verb
    after the closing mark leaves the line to the quotation."""
    got = _blocks(_lines("‘We learn together,", "all our lives,’ says Ann Ek, Mayor of Alpha."))
    assert [(k, d) for k, _, d in got][-1] == (BlockKind.ATTRIBUTION, AttributionData("Ann Ek", "Mayor of Alpha"))
    got = _blocks(_lines("‘We learn together,", "all our lives,’ with Ann Ek, Mayor of Alpha."))
    assert not any(k is BlockKind.ATTRIBUTION for k, _, _ in got)


@pytest.mark.parametrize("text", ["The mayor says Alpha learns.", "Ann Ek says", "Alpha learns, they said.",
                                  "says Alpha learns."])
def test_a_speech_verb_in_prose_makes_no_attribution(text: str) -> None:
    """Hard negatives: a verb inside a sentence, or a name with no role, is no attribution."""
    assert attribution_parts(text, P) is None


@pytest.mark.parametrize("role", ["Lord Provost of Alpha", "Borgmester of Alpha", "Sindaca di Alpha", "Prefeito de Alpha"])
def test_attribution_role_titles_of_other_countries(role: str) -> None:
    assert attribution_parts(f"Ann Ek, {role}", P) == ("Ann Ek", role)


def test_a_role_cut_short_does_not_run_on_into_a_sentence() -> None:
    """"Ann Ek, President of the" at a column's foot (its rest on the next page), then an
    item read after it: a line of a sentence's lowercase words is no role's rest. Hard
    negative: a wrapped role's lowercase rest ("lifelong learning and culture") is."""
    got = _blocks(_lines("‘We learn together.’", "Ann Ek, President of the", "A tutoring plan that links old sailors",
                         "with young people who want to sail.", starts=False))
    assert got[1] == (BlockKind.ATTRIBUTION, ["Ann Ek, President of the"], AttributionData("Ann Ek", "President of the"))
    got = _blocks(_lines("‘We learn together.’", "Ann Ek, Deputy Mayor responsible for", "lifelong learning and culture",
                         starts=False))
    assert got[1][2] == AttributionData("Ann Ek", "Deputy Mayor responsible for lifelong learning and culture")


def test_attribution_with_a_role_on_two_lines() -> None:
    got = _blocks(_lines("‘We learn together.’", "Ann Ek, Mayor of the", "Metropolitan Municipality of Alpha"))
    assert got[1] == (BlockKind.ATTRIBUTION, ["Ann Ek, Mayor of the", "Metropolitan Municipality of Alpha"],
                      AttributionData("Ann Ek", "Mayor of the Metropolitan Municipality of Alpha"))


def test_a_name_over_a_role_that_runs_on_to_a_third_line() -> None:
    """"Ann Ek" / "Mayor" / "City of Alpha" under the quote: the name on its own line
    and the role wrapped after its title, the line below naming the city's body. Hard
    negative: a caption under a finished two-line attribution stays a caption."""
    got = _blocks(_lines("1. Ruritania, Alpha", "‘We learn together.’", "Ann Ek", "Mayor", "City of Alpha"))
    assert got[2] == (BlockKind.ATTRIBUTION, ["Ann Ek", "Mayor", "City of Alpha"],
                      AttributionData("Ann Ek", "Mayor City of Alpha"))
    got = _blocks(_lines("1. Ruritania, Alpha", "‘We learn together.’", "Ann Ek", "Mayor of Alpha",
                         "Reading club by the river"))
    assert got[2] == (BlockKind.ATTRIBUTION, ["Ann Ek", "Mayor of Alpha"], AttributionData("Ann Ek", "Mayor of Alpha"))
    assert got[3][0] is BlockKind.CAPTION


def test_role_wrap_in_a_pdf_block_and_a_caption_after_a_role() -> None:
    """In a PDF the layout says the second line is the same block; in text a capitalised
    short line after a finished role is a caption (hard negative)."""
    box = (0.0, 0.0, 1.0, 1.0)
    pdf = [Line("‘We learn.’", 1, True, bbox=box), Line("Ann Ek, Mayor of Metropolitan", 2, True, bbox=box),
           Line("Alpha City", 3, False, bbox=box)]
    assert _blocks(pdf)[1][2] == AttributionData("Ann Ek", "Mayor of Metropolitan Alpha City")
    text = _lines("‘We learn.’", "Ann Ek, Mayor of Alpha", "Pupils at the library", starts=False)
    assert [k for k, _, _ in _blocks(text)] == [BlockKind.QUOTE, BlockKind.ATTRIBUTION, BlockKind.CAPTION]


def test_an_item_line_in_the_same_pdf_block_does_not_continue_a_role() -> None:
    """Hard negative: the layout keeps an attribution and the next column's item line in
    one block; a line opening with an item's marker is the item, not the role's rest."""
    box = (0.0, 0.0, 1.0, 1.0)
    pdf = [Line("‘We learn.’", 1, True, bbox=box), Line("Ann Ek, Mayor of Alpha", 2, True, bbox=box),
           Line("c) The festival of learning held", 3, False, bbox=box)]
    assert _blocks(pdf)[1] == (BlockKind.ATTRIBUTION, ["Ann Ek, Mayor of Alpha"], AttributionData("Ann Ek", "Mayor of Alpha"))


def test_a_sentence_end_in_the_same_pdf_block_does_not_continue_a_role() -> None:
    """Hard negative: an item's last words, set at the top of the next column and read
    after the attribution in one block ("Ann Ek, Mayor" / "visitor in the valley."): a
    lowercase word and a full stop end a sentence, no title. A role's lowercase rest with
    no full stop still goes on (`test_a_role_cut_short_does_not_run_on_into_a_sentence`)."""
    box = (0.0, 0.0, 1.0, 1.0)
    pdf = [Line("‘We learn.’", 1, True, bbox=box), Line("Ann Ek, Mayor", 2, True, bbox=box),
           Line("visitor in the valley.", 3, False, bbox=box)]
    got = _blocks(pdf)
    assert got[1] == (BlockKind.ATTRIBUTION, ["Ann Ek, Mayor"], AttributionData("Ann Ek", "Mayor"))
    assert got[2][1] == ["visitor in the valley."]


@pytest.mark.parametrize("quote", [["‘We learn together.’ — Ann Ek, Mayor of Alpha"],
                                   ["‘We learn together, young and old, at home and", "at school.’ — Ann Ek, Mayor of Alpha"],
                                   ["‘We learn together, young and old, at home and", "at school.’ — Ann Ek,", "Mayor of Alpha"]])
def test_attribution_on_the_quotes_last_line(quote: list[str]) -> None:
    got = [(k, " ".join(t), d) for k, t, d in _blocks(_lines("1. Ruritania, Alpha", *quote, starts=False))]
    assert [k for k, _, _ in got] == [BlockKind.HEADING, BlockKind.QUOTE, BlockKind.ATTRIBUTION]
    assert got[1][1].endswith("school.’") or got[1][1] == "‘We learn together.’"
    assert got[2][2] == AttributionData("Ann Ek", "Mayor of Alpha")


def test_a_dash_after_a_quoted_name_is_no_attribution() -> None:
    """Hard negative: a sentence going on after a quoted name and a dash."""
    got = _blocks(_lines("1. Ruritania, Alpha", "The city runs ‘Learning Together’ — a programme for all ages.",
                         starts=False))
    assert BlockKind.ATTRIBUTION not in [k for k, _, _ in got]


@pytest.mark.parametrize("text", ["12", "xii", "– 12 –", "- 12 -", "Page 12", "p. 12"])
def test_page_numbers_plain_and_dressed(text: str) -> None:
    got = _blocks(_lines("Some text that runs on for a while and ends here.", text, "More text that runs on."))
    assert got[1][0] is BlockKind.PAGE_NUMBER


@pytest.mark.parametrize("text", ["© UNESCO/City of Alpha", "Photo: Ann Ek", "Photo credit: Ann Ek",
                                  "Source: Census 2016"])
def test_credits_and_sources_are_noise(text: str) -> None:
    got = _blocks(_lines("Reading club", text))
    assert [k for k, _, _ in got] == [BlockKind.CAPTION, BlockKind.CREDIT]


def test_a_sentence_about_photos_or_sources_is_no_credit() -> None:
    for text in ("Photos of the festival were shown in every school.", "Sources of funding include the city.",
                 "(c) Applicability of the rule to small towns."):
        assert BlockKind.CREDIT not in [k for k, _, _ in _blocks(_lines(text))], text


def test_a_number_among_words_given_one_per_line_is_no_page_number() -> None:
    """An extractor that parts a justified line's every word gives "in" / "40" /
    "secondary": the number is the sentence's, not a page's."""
    got = _blocks(_lines("(2)", "Health", "clubs", "in", "40", "secondary", "schools."))
    assert BlockKind.PAGE_NUMBER not in [k for k, _, _ in got]
    assert "40" in [text for _, texts, _ in got for text in texts]


@pytest.mark.parametrize("around", [("Some text that runs on for a while about the people of", "the city and its schools."),
                                    ("schools.", "clubs"), ("in", "Health clubs meet weekly.")])
def test_a_page_number_inside_a_sentence_between_pages_is_noise(around: tuple[str, str]) -> None:
    """Hard negatives: a page number between whole lines of a sentence that runs over the
    page, after a one-word line ending a sentence, or before a whole line."""
    got = _blocks(_lines(around[0], "12", around[1]))
    assert got[1][0] is BlockKind.PAGE_NUMBER


def test_a_dash_before_a_number_and_words_is_no_page_number() -> None:
    for text in ("– 12 reading clubs", "Page 12 of the report says so."):
        got = _blocks(_lines("Some text that runs on for a while and ends here.", text))
        assert BlockKind.PAGE_NUMBER not in [k for k, _, _ in got], text


@pytest.mark.parametrize("quote", [["‘We learn together, in every district.’"],
                                   ["‘We learn together, in every district,", "and at every age.’"],
                                   ["“Our children’s future is our own.”"]])
def test_attribution_beside_its_quote_read_across_as_one_line(quote: list[str]) -> None:
    """An attribution set left of its quote, read across with the quote's first line
    ("Ann Ek, Mayor of Zenda ‘We learn ...’", spaces after it as text extractors leave
    them): the attribution, then the quote opening on the same line (an apostrophe inside
    it is no closing mark)."""
    got = _blocks(_lines("2. Ruritania, Zenda", f"Ann Ek, Mayor of Zenda {quote[0]}  ", *quote[1:], starts=False))
    assert got[1] == (BlockKind.ATTRIBUTION, ["Ann Ek, Mayor of Zenda"],
                      AttributionData("Ann Ek", "Mayor of Zenda", before_quote=True))
    assert got[2][:2] == (BlockKind.QUOTE, quote)


def test_a_role_beside_a_closed_quote_goes_on_in_the_lines_under_it() -> None:
    """Layout-mode text left a margin attribution's first line on the quote's row ("Ann
    Ek, President   ‘We learn together.’"), the role's rest under it ("of Zenda" /
    "Municipality"): the quote closes on the row, so the lines under it are the role's,
    not the quote's (they had run into the quote, with the captions under it). Hard
    negative: a caption under the row stays a caption."""
    got = _blocks(_lines("2. Ruritania, Zenda", "Ann Ek, President   ‘We learn together.’", "of Zenda",
                         "Municipality", starts=False))
    assert got[1] == (BlockKind.ATTRIBUTION, ["Ann Ek, President", "of Zenda", "Municipality"],
                      AttributionData("Ann Ek", "President of Zenda Municipality", before_quote=True))
    assert got[2][:2] == (BlockKind.QUOTE, ["‘We learn together.’"])
    got = _blocks(_lines("2. Ruritania, Zenda", "Ann Ek, Mayor of Zenda   ‘We learn together.’",
                         "Children at the harbour library", starts=False))
    assert got[1][2] == AttributionData("Ann Ek", "Mayor of Zenda", before_quote=True)
    assert ["Children at the harbour library"] in [texts for _, texts, _ in got[2:]]


@pytest.mark.parametrize("text", ["Ann Ek, Director of the ‘Zenda Reads’ Programme",
                                  "Pupils at the ‘Zenda Reads’ festival",
                                  "The city, its schools and the ‘Learning Together’ network"])
def test_a_quoted_name_closing_inside_the_line_is_no_quote_beside_an_attribution(text: str) -> None:
    """Hard negatives: a role holding a quoted name stays whole, and a line without an
    attribution before its quotation mark is not parted."""
    got = _blocks(_lines("2. Ruritania, Zenda", text, starts=False))
    assert [t for _, texts, _ in got[1:] for t in texts] == [text]
    assert BlockKind.QUOTE not in [k for k, _, _ in got]


def test_attribution_set_above_its_quote() -> None:
    got = _blocks(_lines("2. Ruritania, Zenda", "Ann Ek", "Mayor of Zenda", "‘We learn together.’"))
    assert got[1] == (BlockKind.ATTRIBUTION, ["Ann Ek", "Mayor of Zenda"],
                      AttributionData("Ann Ek", "Mayor of Zenda", before_quote=True))
    assert got[2][0] is BlockKind.QUOTE


def test_attribution_with_the_title_before_the_name() -> None:
    """"Mayor Ann Ek, Alpha" after a quote, "— Mayor Ann Maria Ek" above one: the title is
    the role (with the place printed after it), the rest the name."""
    got = _blocks(_lines("‘We learn together.’", "Mayor Ann Ek, Alpha"))
    assert got[1] == (BlockKind.ATTRIBUTION, ["Mayor Ann Ek, Alpha"], AttributionData("Ann Ek", "Mayor, Alpha"))
    got = _blocks(_lines("— Lord Mayor Ann Maria Ek", "‘We learn together.’"))
    assert got[0] == (BlockKind.ATTRIBUTION, ["— Lord Mayor Ann Maria Ek"],
                      AttributionData("Ann Maria Ek", "Lord Mayor", before_quote=True))


def test_a_title_and_name_away_from_any_quote_is_no_attribution() -> None:
    """Hard negatives: "Mayor Ann Ek" alone between paragraphs may caption a photo; a
    title and name going on in lowercase is a sentence."""
    got = _blocks(_lines("The library opened in May.", "Mayor Ann Ek", "The school opened in June."))
    assert BlockKind.ATTRIBUTION not in [k for k, _, _ in got]
    got = _blocks(_lines("‘We learn together.’", "Mayor Ann Ek opened the library"))
    assert BlockKind.ATTRIBUTION not in [k for k, _, _ in got]


def _set(texts: list[str], size: float, italic: bool, first: int) -> list[Line]:
    """Lines of one block in a PDF: the first starts it, the others go on in it."""
    return [Line(t, first + k, block_start=k == 0, font_size=size, italic=italic) for k, t in enumerate(texts)]


_BODY = _set(["The city has a long history of learning in its schools and its libraries,",
              "and its people have made adult education part of everyday life."] * 5, 10.0, False, 1)


def test_small_italics_right_before_an_attribution_are_the_quote_not_a_caption() -> None:
    """Small italic type says caption, unless the block (two lines or more) ends a sentence
    right before an attribution: the speaker's words printed without quotation marks.
    Hard negative: the same type followed by other text is a caption."""
    quote = _set(["We learn together in Alpha,", "young and old alike."], 8.0, True, 11)
    attribution = _set(["Ann Ek, Mayor of Alpha"], 8.0, False, 13)
    kinds = [k for k, _, _ in _blocks([*_BODY, *quote, *attribution])]
    assert kinds == [BlockKind.PROSE, BlockKind.PROSE, BlockKind.ATTRIBUTION]
    caption = _set(["Pupils of the old town school", "at the library."], 8.0, True, 11)
    kinds = [k for k, _, _ in _blocks([*_BODY, *caption, *_set(["The city grew fast.", "It grew more."], 10.0, False, 13)])]
    assert kinds[1] is BlockKind.CAPTION


def test_a_long_block_in_small_italics_is_no_caption() -> None:
    """A caption runs to a few lines; seven lines of small italics are a pull quote or a
    sidebar's text, prose. Hard negative: two such lines are a caption."""
    long = _set([f"line {n} of a long passage set small in the margin and" for n in range(6)] + ["ending here."],
                8.0, True, 11)
    assert [k for k, _, _ in _blocks([*_BODY, *long])][1] is BlockKind.PROSE
    short = _set(["Line one of a passage set small and", "ending here."], 8.0, True, 11)
    assert [k for k, _, _ in _blocks([*_BODY, *short])][1] is BlockKind.CAPTION


@pytest.mark.parametrize("marker", ["1.", "1)", "(1)", "•", "–", "▪"])
def test_list_items_by_marker(marker: str) -> None:
    lines = _lines(f"{marker} A library on wheels", "for villages.", f"{marker.replace('1', '2')} A festival",
                   "held every spring.", starts=False)
    got = _blocks(lines)
    assert [(k, len(t)) for k, t, _ in got] == [(BlockKind.PROSE, 2), (BlockKind.PROSE, 2)]
    assert isinstance(got[0][2], ItemData) and got[0][2].marker == marker


@pytest.mark.parametrize("first,second", [("a)", "b)"), ("(a)", "(b)"), ("a.", "b."), ("i.", "ii."),
                                          ("(iii)", "(iv)"), ("►", "►"), ("➢", "➢"), ("✓", "✓"),
                                          ("Initiative 1:", "Initiative 2:"), ("Project 1 –", "Project 2 –"),
                                          ("INITIATIVE 1", "INITIATIVE 2")])
def test_list_items_by_letter_numeral_or_other_bullet(first: str, second: str) -> None:
    """Lettered, small-roman and other bullets mark items as numbers do, and so does a
    number under a word naming what the list counts ("Initiative 2: A festival ...");
    their marker is not kept in the item's text."""
    lines = _lines(f"{first} A library on wheels", "for villages.", f"{second} A festival",
                   "held every spring.", starts=False)
    got = _blocks(lines)
    assert [(k, len(t)) for k, t, _ in got] == [(BlockKind.PROSE, 2), (BlockKind.PROSE, 2)]
    assert [d for _, _, d in got] == [ItemData(first), ItemData(second)]
    text = "1. Ruritania, Zenda\nZenda learns. Its initiatives include:\n\n" + "\n".join(t.text for t in lines)
    city = parse_text(text + "\n").cities[0]
    assert [i.text for i in city.initiatives] == ["A library on wheels for villages.", "A festival held every spring."]


def test_labelled_numbers_put_their_items_in_order() -> None:
    """Items given out of their printed order ("Initiative 2: ..." read before
    "Initiative 1: ..."): the labelled numbers put them back, as bare numbers do."""
    text = ("1. Ruritania, Zenda\nZenda learns. Its initiatives include:\n\nInitiative 2: A festival held every spring.\n\n"
            "Initiative 1: A library on wheels for villages.\n")
    city = parse_text(text).cities[0]
    assert [i.text for i in city.initiatives] == ["A library on wheels for villages.", "A festival held every spring."]


def test_a_labelled_number_set_over_its_item_takes_it() -> None:
    """The label on a line of its own over the item's text ("Initiative 2" / "A festival
    ..."), as a hanging number."""
    got = _blocks(_lines("Initiative 1", "A library on wheels for villages.", "Initiative 2:", "A festival."))
    assert [(t, d) for _, t, d in got] == [(["Initiative 1", "A library on wheels for villages."],
                                            ItemData("Initiative 1")),
                                           (["Initiative 2:", "A festival."], ItemData("Initiative 2:"))]


def test_a_numbered_caption_or_phase_is_no_labelled_item() -> None:
    """Hard negatives: only words that name an item count (`Figure 2:` is a caption's,
    `Phase 2:` a plan's), and a label word before a lowercase word or a year is prose."""
    for line in ("Figure 2: A reading room in the market.", "Phase 2: The town opens its library.",
                 "Project 2 was opened in the spring.", "Programme 2030 opened in the spring."):
        got = _blocks(_lines("The city grew.", line, starts=False))
        assert not any(isinstance(d, ItemData) for _, _, d in got), line


def test_bullet_touching_its_item() -> None:
    """An extractor may drop the space of a hanging bullet ("▪The", PyMuPDF): still an item.
    A dash touching a word is no bullet (hard negative)."""
    got = _blocks(_lines("▪The library on wheels", "for villages.", "•‘Learn Together’, a course",
                         "for parents.", starts=False))
    assert [(k, len(t), d) for k, t, d in got] == [(BlockKind.PROSE, 2, ItemData("▪")),
                                                   (BlockKind.PROSE, 2, ItemData("•"))]
    got = _blocks(_lines("The city grew.", "–Then it shrank.", starts=False))
    assert not any(isinstance(d, ItemData) for _, _, d in got)


def test_a_capital_numeral_or_an_abbreviation_opening_a_line_is_no_item_marker() -> None:
    """Hard negatives: only lowercase letters and numerals with their bracket or dot,
    before a capital, mark items; "I." (a heading's or a name's), "i.e." and "p. cm." do not."""
    got = _blocks(_lines("The city grew.", "I. Ek founded the first school.", starts=False))
    assert not any(isinstance(d, ItemData) for _, _, d in got)
    got = _blocks(_lines("The city grew.", "i.e. it doubled in size.", starts=False))
    assert not any(isinstance(d, ItemData) for _, _, d in got)
    got = _blocks(_lines("Lessig, Lawrence.", "p. cm. Includes index.", starts=False))
    assert not any(isinstance(d, ItemData) for _, _, d in got)


def test_a_roman_numeral_marks_an_item_that_opens_with_a_figure() -> None:
    """"ii. 50 reading champions": a small roman numeral of the list before a figure marks
    an item, as before a capital. Hard negatives: a lone "v." or a letter before a figure
    is an abbreviation ("v. 2", "c. 1900", "p. 12"), never a marker."""
    got = _blocks(_lines("i. Reading clubs in every district.", "ii. 50 reading champions in the schools.",
                         starts=False))
    assert [d for _, _, d in got] == [ItemData("i."), ItemData("ii.")]
    for line in ("v. 2 of the statutes applies.", "c. 1900 the town had a school.", "p. 12 of the report."):
        got = _blocks(_lines("The city grew.", line, starts=False))
        assert not any(isinstance(d, ItemData) for _, _, d in got), line


@pytest.mark.parametrize("markers", [("a)", "b)"), ("(a)", "(b)")])
def test_a_letter_in_parentheses_marks_an_item_that_opens_with_a_figure(markers: tuple[str, str]) -> None:
    """"a) 12 reading rooms": a letter and a parenthesis before a figure marks an item, as a
    roman numeral does (a letter and a full stop stays an abbreviation, above)."""
    got = _blocks(_lines(f"{markers[0]} 12 reading rooms in the markets.", f"{markers[1]} A festival every spring.",
                         starts=False))
    assert [d for _, _, d in got] == [ItemData(markers[0]), ItemData(markers[1])]


def test_a_number_in_parentheses_touching_its_text_marks_an_item() -> None:
    """A word processor's marker fills its hanging indent and the tab after it is a hair
    wide: "(2)‘Learning ...", "(1)12 centres" read without a space. Markers all the same.
    Hard negatives: a year in parentheses, a number before a lowercase word, and a number
    with only a parenthesis after it stay text."""
    got = _blocks(_lines("(1)12 reading rooms in the markets.", "(2)‘Learn Together’, a festival every spring.",
                         "(3)A school for parents.", starts=False))
    assert [d for _, _, d in got] == [ItemData("(1)"), ItemData("(2)"), ItemData("(3)")]
    for line in ("(2020)Zenda opened its library.", "(3)and more", "1)The town grew."):
        got = _blocks(_lines("The city grew.", line, starts=False))
        assert not any(isinstance(d, ItemData) for _, _, d in got), line


def test_hanging_number_takes_its_item() -> None:
    got = _blocks(_lines("1.", "A library on wheels for villages.", "(2)", "A festival every spring."))
    assert [(k, t, d) for k, t, d in got] == [
        (BlockKind.PROSE, ["1.", "A library on wheels for villages."], ItemData("1.")),
        (BlockKind.PROSE, ["(2)", "A festival every spring."], ItemData("(2)")),
    ]


def test_a_hanging_number_dressed_with_a_dash_takes_its_item() -> None:
    """PyMuPDF gives a word processor's hanging "1 –" on a line of its own, the item's text
    under it: the number and its dash are the item's marker, as "1." alone is."""
    got = _blocks(_lines("Its initiatives are:", "1 –", "Reading clubs in every", "district of the town.",
                         "2 –", "A festival every spring.", starts=False))
    assert [(t, d) for _, t, d in got][1:] == [(["1 –", "Reading clubs in every", "district of the town."], ItemData("1 –")),
                                              (["2 –", "A festival every spring."], ItemData("2 –"))]


def test_a_hanging_marker_takes_an_item_that_opens_with_a_figure() -> None:
    """pdfminer sets a roman numeral apart from its item, which opens with a figure ("i." /
    "1,000 volunteers ..."): the marker carries its dot, so the figure is the item's first
    word. Hard negative: a bare number alone (a page number) over a line opening with a
    figure takes nothing, nor does a letter and a full stop (a variable, an abbreviation:
    "n." / "2 points lie on it.")."""
    got = _blocks(_lines("i.", "1,000 volunteers who guide visitors.", "ii.", "A festival every spring."))
    assert [(t, d) for _, t, d in got] == [(["i.", "1,000 volunteers who guide visitors."], ItemData("i.")),
                                          (["ii.", "A festival every spring."], ItemData("ii."))]
    for alone in ("7", "n."):
        got = _blocks(_lines("The city grew.", alone, "12 reading rooms opened in the markets."))
        assert not any(isinstance(d, ItemData) for _, _, d in got), alone


def test_bare_number_hanging_on_the_row_of_its_item() -> None:
    """In a PDF a bare "1" beside its item's first line is a hanging number; alone on a
    row of its own it is a page number (hard negative)."""
    lines = [Line("1", 1, True, bbox=(50.0, 100.0, 56.0, 110.0)),
             Line("A library on wheels.", 2, True, bbox=(70.0, 100.0, 200.0, 110.0)),
             Line("7", 3, True, bbox=(290.0, 800.0, 296.0, 810.0))]
    got = _blocks(lines)
    assert [(k, d) for k, _, d in got] == [(BlockKind.PROSE, ItemData("1")), (BlockKind.PAGE_NUMBER, None)]


def test_dash_inside_running_text_is_no_bullet() -> None:
    got = _blocks(_lines("The city has grown a lot in the last", "– and fast – in ten years.", starts=False))
    assert [k for k, _, _ in got] == [BlockKind.PROSE]


def test_item_opening_with_a_quoted_name_is_not_the_quote() -> None:
    got = _blocks(_lines("‘Learn Together’, a course for parents", "and their children.", starts=False))
    assert [k for k, _, _ in got] == [BlockKind.PROSE]


def test_running_heads_are_noise() -> None:
    got = _blocks(_lines("Learning Cities 2021 | 12", "14 | Learning Cities 2021"))
    assert [k for k, _, _ in got] == [BlockKind.RUNNING_HEAD, BlockKind.RUNNING_HEAD]


def test_an_item_label_alone_on_every_page_is_the_items_marker_not_a_running_head() -> None:
    """pdftotext gives a labelled item's marker on a line of its own ("INITIATIVE 3"), and
    reads a grid of items row by row (1, 3, 2). The label recurs page after page with
    numbers that change, as a running head's page number would; it is the items' marker:
    the items are read in its order. Hard negative: a title with its page number is still
    a running head."""
    cities = []
    for page, (country, city) in enumerate([("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")], 2):
        items = {k: f"A course in {city} that opens door number {k} to every resident of the town." for k in (1, 2, 3)}
        cities.append(f"""{page - 1}. {country}, {city}
Population: 205,100

{city} lies where two valleys meet. Its initiatives include:

INITIATIVE 1
{items[1]}

INITIATIVE 3
{items[3]}

INITIATIVE 2
{items[2]}

"Here everyone teaches and learns, in {city}."
Ann Ek, Mayor of {city}

Learning Towns Prize 2031 | {page}
""")
    booklet = parse_text("Learning Towns Prize 2031\n\n" + "\n".join(cities))
    assert [c.city for c in booklet.cities] == ["Strelsau", "Klow", "Szohod"]
    for city in booklet.cities:
        assert [(i.number, i.text) for i in city.initiatives] == [
            (k, f"A course in {city.city} that opens door number {k} to every resident of the town.") for k in (1, 2, 3)]
    texts = [i.text for c in booklet.cities for i in c.initiatives] + [c.intro or "" for c in booklet.cities]
    assert not any("Learning Towns Prize" in t or "INITIATIVE" in t for t in texts)


def test_the_cover_title_before_its_numbered_running_heads_is_no_running_head() -> None:
    """Text with no form feeds: the cover's title "Learning Towns Prize 2031" opens the
    text, and the pages after print it with their numbers ("... | 2"). The bare title
    before the first numbered copy is the cover's, kept; a bare copy after it (a page
    whose number the extractor lost) is still a page's edge (hard negative)."""
    texts = ["Learning Towns Prize 2031", "Foreword", "Each year the prize honours towns that learn."]
    for page in range(2, 5):
        texts += [f"Learning Towns Prize 2031 | {page}", *[f"Line {page}-{k} of the page's own text." for k in range(12)]]
    texts += ["Learning Towns Prize 2031", "The last page's text."]
    kinds = [k for k, _, _ in _blocks(_lines(*texts))]
    assert kinds[0] is not BlockKind.RUNNING_HEAD
    assert kinds.count(BlockKind.RUNNING_HEAD) == 4


def test_map_labels() -> None:
    names = ["republic of korea", "seoul", "ghana", "accra"]
    assert is_map_label("Accra I Ghana Seoul I Republic of Korea", names)
    assert is_map_label("Republic of Korea", names)
    assert not is_map_label("Accra Learning Festival", names)


@pytest.mark.parametrize(
    "texts",
    [["City population  City/urban area  Annual GDP", "1,200 (2016)  300 km2  US$5,000"],
     ["City population City/urban area Annual GDP", "1,200 (2016)", "300 km2", "US$5,000"],
     ["City population", "City/urban area", "Annual GDP", "1,200 (2016)", "300 km2", "US$5,000"],
     ["City population", "City/urban area Annual GDP", "1,200 (2016)", "300 km2 US$5,000"]],
    ids=["one-row-each", "labels-row-figures-apart", "one-cell-per-line", "rows-wrapped-unevenly"],
)
def test_stats_table(texts: list[str]) -> None:
    """Labels in one row, figures in the next: each label gets the figure in its place."""
    got = [(k, d) for k, _, d in _blocks(_lines(*texts))]
    assert got == [(BlockKind.STATS, StatData("population", "City population: 1,200 (2016)")),
                   (BlockKind.STATS, StatData("area_km2", "City/urban area: 300 km2")),
                   (BlockKind.STATS, StatData("gdp_usd", "Annual GDP: US$5,000"))]


@pytest.mark.parametrize("figures", [["approx. 1,200 (2016)", "about 300 km²", "USD 5,000 per capita (2020)"],
                                     ["approx. 1,200 (2016) about 300 km² USD 5,000 per capita (2020)"]],
                         ids=["one-cell-per-line", "one-row"])
def test_stats_table_figures_given_as_estimates_or_per_head(figures: list[str]) -> None:
    """A table's figures read column by column may say they are estimates ("approx.") or
    what they count per ("per capita"), as a figure beside its label may."""
    got = [(k, d) for k, _, d in _blocks(_lines("Inhabitants", "Land area", "GDP (per capita)", *figures))]
    assert got == [(BlockKind.STATS, StatData("population", "Inhabitants: approx. 1,200 (2016)")),
                   (BlockKind.STATS, StatData("area_km2", "Land area: about 300 km²")),
                   (BlockKind.STATS, StatData("gdp_usd", "GDP (per capita): USD 5,000 per capita (2020)"))]


@pytest.mark.parametrize("figures", [["3.4 million (2016)", "1 975 km²", "USD 12 500"],
                                     ["3.4 million (2016) 1 975 km² USD 12 500"]],
                         ids=["one-cell-per-line", "one-row"])
def test_stats_table_figures_with_thousands_grouped_by_spaces(figures: list[str]) -> None:
    """A figure whose thousands a space groups ("1 975 km²") is one figure, not two side
    by side ("1", "975 km²"): the reading whose count matches the labels' is the table's."""
    got = [(k, d) for k, _, d in _blocks(_lines("Population", "Area", "GDP", *figures))]
    assert got == [(BlockKind.STATS, StatData("population", "Population: 3.4 million (2016)")),
                   (BlockKind.STATS, StatData("area_km2", "Area: 1 975 km²")),
                   (BlockKind.STATS, StatData("gdp_usd", "GDP: USD 12 500"))]


@pytest.mark.parametrize("figures", [["1.2 million", "412 square kilometres", "US$ 18,400"],
                                     ["1.2 million 412 square kilometres US$ 18,400"]],
                         ids=["one-cell-per-line", "one-row"])
def test_stats_table_area_in_square_kilometres_spelled_out(figures: list[str]) -> None:
    """An area whose unit is spelled out ("412 square kilometres") is a table's figure as
    "412 km²" is: the labels one per line, then the figures, pair in order."""
    got = [(k, d) for k, _, d in _blocks(_lines("City population", "City/urban area", "Annual GDP", *figures))]
    assert got == [(BlockKind.STATS, StatData("population", "City population: 1.2 million")),
                   (BlockKind.STATS, StatData("area_km2", "City/urban area: 412 square kilometres")),
                   (BlockKind.STATS, StatData("gdp_usd", "Annual GDP: US$ 18,400"))]


def test_stats_table_whose_last_label_wraps_in_its_cell() -> None:
    """"Number of inhabitants Surface area Gross domestic product per" / "capita" / the
    figures: the row's last label wrapped in its cell; the two lines make the label row.
    Hard negative: a line of labels over a line that is a label row of its own stays
    two rows (`test_stats_table`'s wrapped rows)."""
    got = [(k, d) for k, _, d in _blocks(_lines("Number of inhabitants Surface area Gross domestic product per",
                                                "capita", "305,274 (2022) 528 km² USD 55,900 (2021)"))]
    assert got == [(BlockKind.STATS, StatData("population", "Number of inhabitants: 305,274 (2022)")),
                   (BlockKind.STATS, StatData("area_km2", "Surface area: 528 km²")),
                   (BlockKind.STATS, StatData("gdp_usd", "Gross domestic product per capita: USD 55,900 (2021)"))]


def test_stats_table_one_label_per_line_whose_last_wraps_in_its_cell() -> None:
    """"Number of inhabitants" / "Surface area" / "Gross domestic product per" / "capita",
    then one figure per line: a table read down its column of labels, the last label
    wrapped in its cell. Each label gets the figure in its place (the GDP label had
    taken the population's figure). Hard negative: a line that is a label of its own
    under one that is none stays apart."""
    got = [(k, d) for k, _, d in _blocks(_lines("Number of inhabitants", "Surface area", "Gross domestic product per",
                                                "capita", "305,274 (2022)", "528 km²", "USD 55,900 (2021)"))]
    assert got == [(BlockKind.STATS, StatData("population", "Number of inhabitants: 305,274 (2022)")),
                   (BlockKind.STATS, StatData("area_km2", "Surface area: 528 km²")),
                   (BlockKind.STATS, StatData("gdp_usd", "Gross domestic product per capita: USD 55,900 (2021)"))]
    apart = [d for k, _, d in _blocks(_lines("Number of inhabitants", "Surface area", "Gross domestic product per",
                                             "Annual GDP", "305,274 (2022)", "528 km²", "USD 55,900 (2021)"))
             if isinstance(d, StatData)]
    assert StatData("gdp_usd", "Gross domestic product per Annual GDP: USD 55,900 (2021)") not in apart


def test_stats_table_one_label_per_line_wrapped_before_a_label_word() -> None:
    """"City population" / "City/urban" / "area", then the figures one per line, the first
    with its year below: the wrapped label's second line ("area") is a label word of its
    own, yet the two lines make the one label; the figures go to their labels in order
    (the area had taken the population's figure)."""
    got = [d for _, _, d in _blocks(_lines("City population", "City/urban", "area", "approx. 355,000", "(2021)",
                                           "2,075 km2"))]
    assert got == [StatData("population", "City population: approx. 355,000 (2021)"),
                   StatData("area_km2", "City/urban area: 2,075 km2")]


def test_stats_table_whose_narrow_cells_wrap_every_label() -> None:
    """A table in a narrow sidebar wraps each label in its cell, and an extractor gives
    the cells a line at a time: "City" / "population" / "City/urban" / "area" / "Annual" /
    "GDP", then the figures' row. The fewest lines that make a row of labels, each ending
    where a line ends, are the label row. Hard negative: lines that make labels only by
    cutting a line in two are no row ("City population City/urban" / "area of the old town
    Annual GDP"), and stay text."""
    lines = ["City", "population", "City/urban", "area", "Annual", "GDP", "74,737 495 km2 US$56,394"]
    got = [(k, t, d) for k, t, d in _blocks(_lines(*lines))]
    assert got == [(BlockKind.STATS, ["City", "population", "74,737 495 km2 US$56,394"],
                    StatData("population", "City population: 74,737")),
                   (BlockKind.STATS, ["City/urban", "area", "74,737 495 km2 US$56,394"],
                    StatData("area_km2", "City/urban area: 495 km2")),
                   (BlockKind.STATS, ["Annual", "GDP", "74,737 495 km2 US$56,394"],
                    StatData("gdp_usd", "Annual GDP: US$56,394"))]
    cut = [k for k, _, _ in _blocks(_lines("City population City/urban", "area of the old town Annual GDP",
                                           "74,737 495 km2 US$56,394"))]
    assert BlockKind.STATS not in cut[:2]


def test_a_figure_a_narrow_pdf_cell_wraps_over_many_lines_is_one_figure() -> None:
    """In a PDF, a table cell too narrow for its figure wraps it over five lines of one
    block ("USD" / "6,100" / "per" / "capita" / "(2020)"): the lines make one figure, its
    year kept. Hard negative: a block of three figures, each one alone, is no one figure."""
    def pdf_lines(*blocks: list[str]) -> list[Line]:
        out: list[Line] = []
        for block in blocks:
            for k, text in enumerate(block):
                n = len(out) + 1
                out.append(Line(text, n, block_start=k == 0, bbox=(0.0, 10.0 * n, 40.0, 10.0 * n + 7)))
        return out
    got = [d for _, _, d in _blocks(pdf_lines(["Annual GDP"], ["USD", "6,100", "per", "capita", "(2020)"]))]
    assert got == [StatData("gdp_usd", "Annual GDP: USD 6,100 per capita (2020)")]
    got = [d for _, _, d in _blocks(pdf_lines(["Annual GDP"], ["74,737", "495 km2", "US$56,394"]))]
    assert StatData("gdp_usd", "Annual GDP: 74,737 495 km2 US$56,394") not in got


def test_stats_table_whose_narrow_cells_wrap_every_label_and_figure() -> None:
    """A narrow table read a line at a time, labels and figures alike: "City" /
    "population" / ... / "1,104,521" / "(2022)" / "1,324 km²" / "USD" / "1,150" / "(2021)".
    A figure's year or currency wrapped onto a line of its own is the figure's, and each
    label gets the figure in its place (the GDP label had taken the population's figure).
    Hard negative: a figure that has its year takes no year line after it."""
    lines = ["City", "population", "City/urban", "area", "Annual", "GDP",
             "1,104,521", "(2022)", "1,324 km²", "USD", "1,150", "(2021)"]
    got = [d for _, _, d in _blocks(_lines(*lines))]
    assert got == [StatData("population", "City population: 1,104,521 (2022)"),
                   StatData("area_km2", "City/urban area: 1,324 km²"),
                   StatData("gdp_usd", "Annual GDP: USD 1,150 (2021)")]
    dated = [*lines[:9], "USD", "1,150 (2020)", "(2021)"]
    got = [d for _, _, d in _blocks(_lines(*dated))]
    assert got[2] == StatData("gdp_usd", "Annual GDP: USD 1,150 (2020)")


_NARROW_LABELS = ["City", "population", "City/urban", "area", "Annual", "GDP"]


@pytest.mark.parametrize(("figures", "twice", "doubled"), [
    # The first figure alone, its year wrapped onto the line of the other cells' figures
    # (before, the table was not read, and "GDP" took the population's figure).
    (["312,400", "(2013) 88.5 km2 US$7,100"], ["312,400 (2012)", "(2013) 88.5 km2 US$7,100"], "(2012) (2013)"),
    # An area's figure alone, its unit wrapped onto the line of the next cell's figure
    # (before, every label took the figure before its own).
    (["312,400", "(2013)", "88.5", "km2 US$7,100"], ["312,400", "(2013)", "88.5 km2", "km2 US$7,100"], "km2 km2"),
], ids=["year", "unit"])
def test_stats_table_whose_figure_wraps_its_year_or_unit_beside_the_next_figures(
        figures: list[str], twice: list[str], doubled: str) -> None:
    """Narrow cells, read a line at a time: a figure's year or unit, wrapped in its cell,
    stands on the line of the next cells' figures. It is that figure's, and each label
    gets its own figure. Hard negative: a figure that has its year or unit takes no
    second one."""
    got = [d for _, _, d in _blocks(_lines(*_NARROW_LABELS, *figures))]
    assert got == [StatData("population", "City population: 312,400 (2013)"),
                   StatData("area_km2", "City/urban area: 88.5 km2"),
                   StatData("gdp_usd", "Annual GDP: US$7,100")]
    got = [d for _, _, d in _blocks(_lines(*_NARROW_LABELS, *twice))]
    assert not any(isinstance(d, StatData) and doubled in d.entry for d in got)


@pytest.mark.parametrize("figures", [["48,838 (2011) 18.6 km²", "n/a"], ["48,838 (2011) 18.6 km² n/a"]],
                         ids=["own-line", "in-row"])
def test_stats_table_cell_printed_as_not_available(figures: list[str]) -> None:
    """"48,838 (2011) 18.6 km²" and "n/a" under three labels: the cell printed as not
    available is the row's third figure (the row had been short of one, and each figure
    went to the label before its own; or the table was no table)."""
    got = [(k, d) for k, _, d in _blocks(_lines("Inhabitants", "Surface area GDP per capita", *figures))]
    assert got == [(BlockKind.STATS, StatData("population", "Inhabitants: 48,838 (2011)")),
                   (BlockKind.STATS, StatData("area_km2", "Surface area: 18.6 km²")),
                   (BlockKind.STATS, StatData("gdp_usd", "GDP per capita: n/a"))]


def test_not_available_after_a_full_stats_table_is_no_cell_of_it() -> None:
    """Hard negative: "n/a" under a table whose every label has its figure is not taken."""
    got = _blocks(_lines("Population Area", "1,200 450 km²", "n/a"))
    assert [k for k, _, _ in got][:2] == [BlockKind.STATS, BlockKind.STATS]
    assert got[2][1] == ["n/a"] and got[2][0] is not BlockKind.STATS


def test_stats_table_figures_side_by_side_that_could_be_one_stay_two() -> None:
    """Hard negative: two labels over "120 450 km²": read as one figure the row would
    leave a label without one, so the two figures stay apart."""
    got = [(k, d) for k, _, d in _blocks(_lines("Population Area", "120 450 km²"))]
    assert got == [(BlockKind.STATS, StatData("population", "Population: 120")),
                   (BlockKind.STATS, StatData("area_km2", "Area: 450 km²"))]


@pytest.mark.parametrize("separator", [" | ", " · ", "; ", "   ", " "])
def test_stats_entries_on_one_line(separator: str) -> None:
    line = separator.join(["City population: 1,200 (2016)", "City/urban area: 45.5 km2", "Annual GDP: US$900"])
    got = [(k, d) for k, _, d in _blocks(_lines("1. Ruritania, Alpha", line))]
    assert got[1:] == [(BlockKind.STATS, StatData("population", "City population: 1,200 (2016)")),
                       (BlockKind.STATS, StatData("area_km2", "City/urban area: 45.5 km2")),
                       (BlockKind.STATS, StatData("gdp_usd", "Annual GDP: US$900"))]


def test_stats_entries_on_one_line_ending_on_a_label_whose_figure_is_under_it() -> None:
    """An extractor ran a box's lines into a row that ends on a label alone, its figure
    on the next line ("City/urban area 231 km² (2019) Annual GDP" / "US$20,614 (2017)"):
    every entry is read, the last with the figure under it (before, the row was no
    row of entries and became a caption). Hard negatives: a line under it that is no
    figure, or a figure of another field (an area under "Annual GDP"), gives the label
    no figure."""
    row = "City population 1,200 (2016) City/urban area 231.5 km² (2019) Annual GDP"
    got = [(k, d) for k, _, d in _blocks(_lines("1. Ruritania, Alpha", row, "US$20,614 (2017)"))]
    assert got[1:] == [(BlockKind.STATS, StatData("population", "City population 1,200 (2016)")),
                       (BlockKind.STATS, StatData("area_km2", "City/urban area 231.5 km² (2019)")),
                       (BlockKind.STATS, StatData("gdp_usd", "Annual GDP: US$20,614 (2017)"))]
    for below in ("Pupils at the harbour library", "450 km²"):
        got = [(k, d) for k, _, d in _blocks(_lines("1. Ruritania, Alpha", row, below))]
        assert not any(isinstance(d, StatData) and d.key == "gdp_usd" for _, d in got), below


def test_a_sentence_naming_two_stats_is_no_row_of_entries() -> None:
    """Hard negatives: text before the first label, an entry that is no whole "Label:
    figure", one stat twice."""
    for text in ("In 2016 the city population: 1,200 and area: 45 km2",
                 "City population: 1,200 and growing fast, with its urban area: 45 km2 and more.",
                 "City population: 1,200 | Population: 1,300"):
        got = _blocks(_lines("1. Ruritania, Alpha", text))
        assert len([k for k, _, _ in got if k is BlockKind.STATS]) <= 1, text


def test_recurring_title_is_a_running_head_but_stats_labels_and_signatures_are_not() -> None:
    """Hard negatives: stats labels recur in every city, a signature drawn twice is a
    duplicate, neither is a running head; a title printed on page after page is."""
    texts = []
    for n in range(3):
        texts += ["Award Booklet", "City population", f"{n + 1},000", "Jane Doe, Director"]
        texts += [f"Paragraph {n}-{k} of the city's own text." for k in range(10)]
    kinds = [k for k, _, _ in _blocks(_lines(*texts))]
    assert kinds.count(BlockKind.RUNNING_HEAD) == 3 and kinds.count(BlockKind.STATS) == 3
    assert kinds.count(BlockKind.ATTRIBUTION) + kinds.count(BlockKind.DUPLICATE) == 3


def test_attribution_name_ending_in_a_comma() -> None:
    got = _blocks(_lines("‘We learn.’", "Ann Ek,", "Mayor of Alpha"))
    assert got[1][0] is BlockKind.ATTRIBUTION and got[1][2] == AttributionData("Ann Ek", "Mayor of Alpha")


def test_captions_in_capitals_split_where_the_next_word_would_have_fitted() -> None:
    got = _blocks(_lines("PARTICIPATION OF GIRLS IN A SOLAR ENERGY", "SCHOOL IN ALPHA", starts=False))
    assert [t for _, t, _ in got] == [["PARTICIPATION OF GIRLS IN A SOLAR ENERGY", "SCHOOL IN ALPHA"]]
    got = _blocks(_lines("CULTURAL WALK", "LITERACY GRADUATION IN THE OLD CITY", starts=False))
    assert [t for _, t, _ in got] == [["CULTURAL WALK"], ["LITERACY GRADUATION IN THE OLD CITY"]]


def _stacked(*blocks: tuple[str, ...]) -> list[Line]:
    """Lines in layout blocks: each tuple is one block, its first line starting it."""
    texts = [(t, k == 0) for block in blocks for k, t in enumerate(block)]
    return [Line(t, n, block_start=b) for n, (t, b) in enumerate(texts, 1)]


def test_captions_in_capitals_measured_by_the_booklets_longest_caption_line() -> None:
    # The first line is its stack's longest: only the booklet's other captions in
    # capitals show that the next line's first word would have fitted after it.
    other = ("KNOWLEDGE FESTIVAL AT THE OLD TOWN LIBRARY OF ALPHA", "IN SPRING")
    got = _blocks(_stacked(("1. Ruritania, Alpha",), ("Alpha learns.",), other,
                           ("YOUNG LEARNERS WITH THEIR CERTIFICATES", "AGRO BOX")))
    assert [t for k, t, _ in got if k is BlockKind.CAPTION] == [list(other), ["YOUNG LEARNERS WITH THEIR CERTIFICATES"],
                                                                ["AGRO BOX"]]
    # hard negative: a line opening with a word that joins goes on the line above
    got = _blocks(_stacked(("1. Ruritania, Alpha",), ("Alpha learns.",), other, ("MELITOPOL VOICES", "FOR DEMOCRACY")))
    assert [t for k, t, _ in got if k is BlockKind.CAPTION][-1] == ["MELITOPOL VOICES", "FOR DEMOCRACY"]


def _in_column(*blocks: tuple[tuple[str, float], ...], x0: float = 40.0) -> list[Line]:
    """Lines set on a page in layout blocks: (text, right edge) each, one under another."""
    out, y = [], 100.0
    for block in blocks:
        for k, (text, x1) in enumerate(block):
            out.append(Line(text, len(out) + 1, block_start=k == 0, page=1, bbox=(x0, y, x1, y + 8)))
            y += 10
        y += 40  # a photo between the captions
    return out


def test_captions_in_capitals_measured_by_their_column_on_the_page() -> None:
    """In a narrow margin column a caption's line may hold fewer letters than another
    caption's and still be full: where lines have their places, the room after a line
    is told in points against its column's right edge, not in letters."""
    head = [Line("1. Ruritania, Alpha", 1, block_start=True), Line("Alpha learns.", 2, block_start=True)]
    wide = (("COMMUNITY GARDEN OF THE", 130.0), ("OLD QUARTER", 95.0))
    wrapped = (("HARBOUR READING", 112.0), ("ROOM", 64.0))
    stacked = (("BOOK FAIR", 80.0), ("YOUTH COUNCIL", 105.0))
    lines = head + [Line(t.text, n, block_start=t.block_start, page=1, bbox=t.bbox)
                    for n, t in enumerate(_in_column(wide, wrapped, stacked), 3)]
    got = [t for k, t, _ in _blocks(lines) if k is BlockKind.CAPTION]
    assert ["HARBOUR READING", "ROOM"] in got  # no room for ROOM after READING in the column
    assert ["COMMUNITY GARDEN OF THE", "OLD QUARTER"] in got
    # hard negative: a short line with room for the next line's first word ended on purpose
    assert ["BOOK FAIR"] in got and ["YOUTH COUNCIL"] in got


def test_lines_drawn_twice_read_line_by_line_stay_one_caption() -> None:
    """pdfminer reads a caption drawn twice at one place line by line, each line twice:
    the copies are duplicates and the caption's lines one caption. Hard negative: a
    caption printed twice and then text printed once (no blank lines) stay apart."""
    head = ("1. Ruritania, Alpha",), ("Alpha is a city of learning and has done much for its people.",)
    got = _blocks(_stacked(*head, ("Reading hub in", "Reading hub in", "the Old Quarter", "the Old Quarter"),
                           ("Youth council session",)))
    assert (BlockKind.CAPTION, ["Reading hub in", "the Old Quarter"], None) in got
    assert [k for k, _, _ in got].count(BlockKind.DUPLICATE) == 2
    got = _blocks(_stacked(*head, ("Girls at the solar school", "Girls at the solar school",
                                   "Alpha lies on a river and has many schools.")))
    assert (BlockKind.CAPTION, ["Girls at the solar school"], None) in got


def test_a_place_name_finishing_a_line_is_no_map_label() -> None:
    head = ("1. Ruritania, Alpha",), ("Alpha is a city.",)
    got = _blocks(_stacked(*head, ("Girls at the solar school in", "ALPHA")))
    assert got[-1][1] == ["Girls at the solar school in", "ALPHA"]
    # hard negatives: after a finished line, or set apart, the name alone is a label
    got = _blocks(_stacked(*head, ("Girls at the solar school.", "ALPHA")))
    assert got[-1] == (BlockKind.MAP_LABEL, ["ALPHA"], None)
    got = _blocks(_stacked(*head, ("Girls at the solar school in",), ("ALPHA",)))
    assert got[-1] == (BlockKind.MAP_LABEL, ["ALPHA"], None)


def test_a_place_name_after_a_hanging_number_and_its_first_word_is_no_map_label() -> None:
    """A justified item's words a line each (PyMuPDF): "3." / "The" / "Alpha" / "Reading" ...:
    the name goes on the item the number and its first word opened. Hard negative: after an
    item line that ends a sentence, the name alone is a label."""
    head = ("1. Ruritania, Alpha",), ("Alpha is a city. Its initiatives include:",)
    got = _blocks(_stacked(*head, ("3.", "The", "Alpha", "Reading", "Festival.")))
    assert BlockKind.MAP_LABEL not in [k for k, _, _ in got]
    assert any("Alpha" in t for _, texts, _ in got[2:] for t in texts)
    got = _blocks(_stacked(*head, ("3.", "The reading festival.", "Alpha")))
    assert got[-1] == (BlockKind.MAP_LABEL, ["Alpha"], None)


def test_name_wrapped_onto_the_role_line() -> None:
    got = _blocks(_lines("‘We learn.’", "Ann Maria", "Ek, Governor of", "Alpha State"))
    assert got[1][2] == AttributionData("Ann Maria Ek", "Governor of Alpha State")
    # hard negative: a caption line before a whole attribution stays a caption
    got = _blocks(_lines("1. Ruritania, Alpha", "‘We learn.’", "Youth Council", "Ann Ek, Mayor of Alpha"))
    assert [k for k, _, _ in got] == [BlockKind.HEADING, BlockKind.QUOTE, BlockKind.CAPTION, BlockKind.ATTRIBUTION]


@pytest.mark.parametrize(
    ("line", "tail_kind", "tail"),
    [("1. Ruritania, Alpha City population: 1,200", BlockKind.STATS, "City population: 1,200"),
     ("1. Ruritania, AlphaCity population: 1,200", BlockKind.STATS, "City population: 1,200"),
     ("1. Ruritania, Alpha The first item runs on", BlockKind.PROSE, "The first item runs on")],
    ids=["stats-after-space", "stats-glued", "listed-city-then-text"],
)
def test_heading_run_together_with_the_next_line(line: str, tail_kind: BlockKind, tail: str) -> None:
    got = _blocks(_lines("Ruritania, Alpha", line, "to its end.", starts=False))
    assert got[1] == (BlockKind.HEADING, [line[: line.index(tail)].rstrip()], HeadingData(1, "Ruritania", "Alpha"))
    assert got[2][0] is tail_kind and got[2][1][0] == tail


def test_small_type_label_wrapped_over_three_lines_is_a_caption() -> None:
    body = _lines("A paragraph of body text that runs on for a while and ends.", size=10.0)
    label = [Line(t, n, block_start=n == 2, font_size=8.0) for n, t in
             enumerate(["LITERACY CLASS IN", "THE OLD MARKET OF", "ALPHA"], 2)]
    assert [k for k, _, _ in _blocks(body + label)] == [BlockKind.PROSE, BlockKind.CAPTION]


def test_quote_in_small_italics_is_a_quote_not_a_caption() -> None:
    body = _lines("A paragraph of body text that runs on for a while and ends.", size=10.0)
    quote = [Line(t, n, block_start=n == 2, font_size=9.0, italic=True) for n, t in
             enumerate(["‘Every citizen has", "something to teach.’"], 2)]
    assert [k for k, _, _ in _blocks(body + quote)] == [BlockKind.PROSE, BlockKind.QUOTE]


def test_role_wrapped_over_three_lines_in_a_narrow_column() -> None:
    got = _blocks(_lines("‘We learn.’", "Ann Ek,", "Governor of the", "Autonomous District of", "Alpha",
                         "Pupils at the library"))
    assert got[1][2] == AttributionData("Ann Ek", "Governor of the Autonomous District of Alpha")
    assert got[2][0] is BlockKind.CAPTION


def test_a_role_naming_a_region_after_its_city_goes_on_over_the_lines_that_name_it() -> None:
    """Text without positions: "Chairman of the Vesk" has just begun a place's name; the
    next line, capitalised words ending on the heading's city, goes on with it (and the
    body and possessive after it). Hard negative: "Governor of Zenda State" is whole,
    and an unnumbered heading after it ending on another city is no part of it."""
    got = _blocks(_lines("1. Ruritania, Zenda", "‘We learn.’", "Ann Ek,", "Chairman of the Vesk", "Orlo Zenda",
                         "Provincial People’s", "Committee", "Pupils at the library"))
    assert got[2][2] == AttributionData("Ann Ek", "Chairman of the Vesk Orlo Zenda Provincial People’s Committee")
    got = _blocks(_lines("1. Ruritania, Zenda", "2. Borduria, Strelsau", "‘We learn.’", "Ann Ek,",
                         "Governor of Zenda State", "Old Town Strelsau", "Pupils at the library"))
    assert got[3][2] == AttributionData("Ann Ek", "Governor of Zenda State")


@pytest.mark.parametrize(("city", "wrapped", "role"), [
    # The place's own name wraps too ("Upper Zenda", the heading's city): neither line
    # alone names it, the two together do ("District of Upper Zenda").
    ("Upper Zenda", ["Ann Ek, Governor", "of the Autonomous", "District of Upper", "Zenda"],
     "Governor of the Autonomous District of Upper Zenda"),
    # Hard negative: two lines that name no place of the booklet are not taken.
    ("Upper Zenda", ["Ann Ek, Governor", "of the Autonomous", "District of Upper", "Vesk"],
     "Governor of the Autonomous"),
    # A region's name begun in two words ("Vesk Orlo"), then the heading's city with a
    # body's name after it.
    ("Zenda", ["Ann Ek, Chairman", "of the Vesk Orlo", "Zenda Provincial", "People’s Committee"],
     "Chairman of the Vesk Orlo Zenda Provincial People’s Committee"),
    # Hard negative: the city followed by no body.
    ("Zenda", ["Ann Ek, Chairman", "of the Vesk Orlo", "Zenda Reading", "Club"], "Chairman of the Vesk Orlo"),
    # The region's name wrapped inside it: its last word, the city, then the body's name
    # begun ("Orlo Zenda Provincial" / "People’s Committee").
    ("Zenda", ["Ann Ek,", "Chairman of the Vesk", "Orlo Zenda Provincial", "People’s Committee"],
     "Chairman of the Vesk Orlo Zenda Provincial People’s Committee"),
    # Hard negatives: more words before the city than a region's name wraps; the city
    # followed by no body.
    ("Zenda", ["Ann Ek,", "Chairman of the Vesk", "Orlo Beta Gamma Zenda Provincial People’s Committee"],
     "Chairman of the Vesk"),
    ("Zenda", ["Ann Ek,", "Chairman of the Vesk", "Orlo Zenda Reading Club"], "Chairman of the Vesk"),
], ids=["place-wrapped", "no-place", "region-and-body", "no-body", "region-wrapped-inside", "too-long-a-lead",
        "region-wrapped-inside-no-body"])
def test_a_role_whose_place_wraps_over_two_lines_goes_on_over_both(city: str, wrapped: list[str], role: str) -> None:
    """Text without positions, a role wrapped a few words a line: where the place's name
    (or a region's and its body's) wraps over two lines that only together name a place
    the booklet names, the role goes on over both."""
    got = _blocks(_lines(f"1. Ruritania, {city}", "‘We learn.’", *wrapped, "Pupils at the library"))
    assert got[2][2] == AttributionData("Ann Ek", role)


def test_role_cut_short_goes_on_past_the_usual_count_of_lines() -> None:
    """A PDF's name and role wrapped a word or two a line in a narrow column, one block of
    six lines: a role that stops on a small word or a possessive goes on past the usual
    four. Hard negative: one that stops on a name does not take the next line of its
    block."""
    def column(*texts: str) -> list[Line]:
        quote = Line("‘We learn.’", 1, block_start=True, bbox=(40.0, 80.0, 140.0, 90.0))
        return [quote, *(Line(t, n, block_start=n == 2, bbox=(40.0, 100.0 + 14 * n, 140.0, 110.0 + 14 * n))
                         for n, t in enumerate(texts, 2))]
    got = _blocks(column("Ann", "Ek-Berg,", "Governor of the", "Autonomous", "District of", "Alpha"))
    assert got[1][2] == AttributionData("Ann Ek-Berg", "Governor of the Autonomous District of Alpha")
    got = _blocks(column("Ann", "Ek-Berg,", "Chair of the", "Alpha Provincial", "People’s", "Committee"))
    assert got[1][2] == AttributionData("Ann Ek-Berg", "Chair of the Alpha Provincial People’s Committee")
    got = _blocks(column("Ann", "Ek-Berg,", "Governor of the", "Autonomous", "District", "Alpha Reads"))
    assert got[1][2] == AttributionData("Ann Ek-Berg", "Governor of the Autonomous District")


@pytest.mark.parametrize("row", ["Reading club US$1,200 (2016)", "US$1,200 (2016) Reading club"])
def test_figure_run_into_the_caption_beside_the_box(row: str) -> None:
    # A row read across the page: the caption beside a stats box ran into its figure.
    blocks = _blocks(_lines("Annual GDP", row, "Strelsau is a city of rivers and bridges."))
    assert blocks[0][:2] == (BlockKind.CAPTION, ["Reading club"])
    assert blocks[1][0] is BlockKind.STATS
    assert blocks[1][2] == StatData("gdp_usd", "Annual GDP: US$1,200 (2016)")
    assert blocks[2][:2] == (BlockKind.PROSE, ["Strelsau is a city of rivers and bridges."])


@pytest.mark.parametrize(
    "beside",
    [
        "The city invests in schools, parks and libraries, and it has done so since",  # a sentence
        "Graduates of the class of 2015",  # a year is no figure
    ],
)
def test_only_a_caption_is_split_from_a_figure(beside: str) -> None:
    blocks = _blocks(_lines("Annual GDP", beside))
    assert not any(kind is BlockKind.STATS and data == StatData("gdp_usd", f"Annual GDP: {beside}")
                   for kind, _, data in blocks)
    assert beside in [" ".join(texts) for _, texts, _ in blocks]


@pytest.mark.parametrize(
    ("line", "captions"),
    [
        ("Knowledge fair 'Learn with us' programme", ["Knowledge fair", "'Learn with us' programme"]),
        ("Youth workshop Local action", ["Youth workshop", "Local action"]),
        # Hard negatives: a capital after a little word or a name particle is part of a name.
        ("Pupils at the Royal Library", ["Pupils at the Royal Library"]),
        ("Esquinas de la Cultura workshop", ["Esquinas de la Cultura workshop"]),
        ("Day of the Dead festival", ["Day of the Dead festival"]),
        # ... and so is a capital after a preposition: a named event or place.
        ("Prototype workshop during Zenda Week", ["Prototype workshop during Zenda Week"]),
        ("Volunteers planting trees along Strelsau Road", ["Volunteers planting trees along Strelsau Road"]),
        # Two places where a caption could start: too unsure to split.
        ("Reading club Garden day Music week", ["Reading club Garden day Music week"]),
        # One word on a side is too little to be a caption of its own.
        ("Choir Festival opening", ["Choir Festival opening"]),
    ],
)
def test_captions_side_by_side_read_as_one_line(line: str, captions: list[str]) -> None:
    blocks = _blocks(_lines("1. Ruritania, Strelsau", line))
    assert [texts for kind, texts, _ in blocks if kind is BlockKind.CAPTION] == [[c] for c in captions]


def test_captions_side_by_side_are_split_only_without_geometry() -> None:
    # A PDF's own layout keeps side-by-side captions apart: a line it gives is one caption.
    lines = [Line("Youth workshop Local action", 1, block_start=True, bbox=(0.0, 0.0, 200.0, 10.0), page=1)]
    assert [b.texts for b in build_blocks(repair_lines(lines, P), P)] == [["Youth workshop Local action"]]


def test_a_stack_of_lines_in_capitals_is_captions_never_an_item() -> None:
    from booklet_extract import parse_text

    lines = ["1. Ruritania, Strelsau", "Strelsau is a city of rivers. Its initiatives include:",
             "1.", "A reading club for parents.", "2.", "A garden day at every school.",
             "READING CLUB IN THE OLD TOWN", "GARDEN DAY AT THE SCHOOL", "READING CLUB IN", "THE OLD TOWN",
             "‘We learn together.’", "Anna Berg, Mayor of Strelsau"]
    text = "\n".join(lines)
    (city,) = parse_text(text).cities
    assert [i.text for i in city.initiatives] == ["A reading club for parents.", "A garden day at every school."]
    assert "READING CLUB IN THE OLD TOWN" in " | ".join(city.captions)


@pytest.mark.parametrize(
    "heading",
    ["1. Ruritania, Strelsau", "1. Ruritania: Strelsau", "1. Strelsau (Ruritania)"],
)
def test_heading_forms(heading: str) -> None:
    (block,) = [b for b in _blocks(_lines(heading)) if b[0] is BlockKind.HEADING]
    assert block[2] == HeadingData(1, "Ruritania", "Strelsau")


@pytest.mark.parametrize(
    "line",
    ["1. Iran (Islamic Republic of)", "1. Results: the first year", "1. A library (for all ages)"],
)
def test_numbered_lines_that_are_no_heading(line: str) -> None:
    assert not any(kind is BlockKind.HEADING for kind, _, _ in _blocks(_lines(line)))


def test_role_wrapped_past_lines_printed_twice() -> None:
    # An extractor gave each line of an overprinted attribution twice.
    lines = _lines("‘We learn together.’", "Ann Ek, Mayor", "Ann Ek, Mayor", "of Strelsau", "of Strelsau",
                   starts=False)
    blocks = _blocks(lines)
    attributions = [data for kind, _, data in blocks if kind is BlockKind.ATTRIBUTION]
    assert attributions == [AttributionData("Ann Ek", "Mayor of Strelsau")]
    assert [kind for kind, _, _ in blocks].count(BlockKind.DUPLICATE) == 2


def test_name_and_role_lines_each_printed_twice() -> None:
    lines = _lines("She ends here.", "Ann Ek,", "Ann Ek,", "Mayor of Strelsau", "Mayor of Strelsau",
                   "‘We learn together.’", starts=False)
    attributions = [data for kind, _, data in _blocks(lines) if kind is BlockKind.ATTRIBUTION]
    assert attributions == [AttributionData("Ann Ek", "Mayor of Strelsau")]


def test_caption_run_on_after_a_closed_quote_is_not_the_quote() -> None:
    lines = _lines("‘We learn", "together.’", "Reading club Garden day", starts=False)
    blocks = _blocks(lines)
    assert blocks[0][:2] == (BlockKind.QUOTE, ["‘We learn", "together.’"])
    assert all(kind is not BlockKind.QUOTE for kind, _, _ in blocks[1:])


def test_apostrophe_at_a_line_end_does_not_close_the_quote() -> None:
    lines = _lines("‘In our city we listen to all of our teachers’", "and families’ ideas.’", starts=False)
    assert [kind for kind, _, _ in _blocks(lines)] == [BlockKind.QUOTE]


def test_role_begun_on_the_name_line() -> None:
    lines = _lines("‘We learn together.’", "Dr. Ann O’Ek, Lord", "Mayor of Strelsau", starts=False)
    attributions = [data for kind, _, data in _blocks(lines) if kind is BlockKind.ATTRIBUTION]
    assert attributions == [AttributionData("Dr. Ann O’Ek", "Lord Mayor of Strelsau")]


@pytest.mark.parametrize("first, second", [("Chief", "Executive Officer of Strelsau"),
                                           ("Deputy", "Mayor of Strelsau"),
                                           ("Vice", "President of the Zenda District Council")])
def test_role_wrapped_after_a_word_that_only_qualifies_the_title(first: str, second: str) -> None:
    """In text, with no layout to tell: "Chief" ends no role, the title on the next line is its rest."""
    lines = _lines("‘We learn together.’", f"Ann Ek, {first}", second, starts=False)
    attributions = [data for kind, _, data in _blocks(lines) if kind is BlockKind.ATTRIBUTION]
    assert attributions == [AttributionData("Ann Ek", f"{first} {second}")]


def test_a_finished_title_does_not_take_a_caption_that_opens_with_a_title_word() -> None:
    """Hard negative: "Mayor" is a whole role; "Head office of the library" under it is a caption."""
    lines = _lines("‘We learn together.’", "Ann Ek, Mayor", "Head office of the library", starts=False)
    blocks = _blocks(lines)
    assert blocks[1][2] == AttributionData("Ann Ek", "Mayor")
    assert blocks[2][:2] == (BlockKind.CAPTION, ["Head office of the library"])


@pytest.mark.parametrize("role, rest", [("Leader of Zenda", "Borough Council"), ("Governor of Zenda", "County"),
                                        ("Chief Executive Officer of the Royal", "Commission in Zenda"),
                                        ("Chairman of the Zenda Seri", "Alpha Municipal Board"),
                                        ("President of the Strelsau", "Metropolitan Municipality"),
                                        ("Governor of Upper", "Zenda Province"),
                                        ("President of the District", "Chamber of Zenda")])
def test_role_wrapped_before_the_name_of_the_body_it_serves(role: str, rest: str) -> None:
    """In text, a narrow column: the role wraps inside the name of its council or county
    ("Leader of Zenda" / "Borough Council"); a short line of capitalised words ending on
    such a word goes on with it, and the caption after stays a caption."""
    lines = _lines("‘We learn together.’", f"Ann Ek, {role}", rest, "Pupils at the library", starts=False)
    blocks = _blocks(lines)
    assert blocks[1][2] == AttributionData("Ann Ek", f"{role} {rest}")
    assert blocks[2][:2] == (BlockKind.CAPTION, ["Pupils at the library"])


@pytest.mark.parametrize("caption", ["Council meeting in the town hall", "Learning Festival", "Zenda Green City",
                                     "Council of Europe visit", "Chamber music class"])
def test_a_caption_under_a_finished_role_is_no_body_name(caption: str) -> None:
    """Hard negatives: a caption that names a council in lowercase words, or capitalised
    words that end on no body's word (a city is no body: captions name them), stays a
    caption under a role ending on a name."""
    lines = _lines("‘We learn together.’", "Ann Ek, Mayor of Zenda", caption, starts=False)
    blocks = _blocks(lines)
    assert blocks[1][2] == AttributionData("Ann Ek", "Mayor of Zenda")
    assert blocks[2][:2] == (BlockKind.CAPTION, [caption])


@pytest.mark.parametrize("role, rest", [("Intendente of Nova", "Zenda"), ("Mayor of Zenda", "City"),
                                        ("Governor of Zenda", "District")])
def test_role_wrapped_inside_its_place_name(role: str, rest: str) -> None:
    """In text, a narrow column: the role wraps inside its place's name, a city the
    booklet lists ("Intendente of Nova" / "Zenda") or the place's kind alone on the line
    ("Mayor of Zenda" / "City")."""
    lines = _lines("1. Ruritania, Nova Zenda", "‘We learn together.’", f"Ann Ek, {role}", rest,
                   "Pupils at the library", starts=False)
    blocks = _blocks(lines)
    assert blocks[2][2] == AttributionData("Ann Ek", f"{role} {rest}")
    assert blocks[3][:2] == (BlockKind.CAPTION, ["Pupils at the library"])


@pytest.mark.parametrize("rest", ["District of Nova Zenda", "Municipality of Nova Zenda"])
def test_role_wrapped_after_a_capitalised_word_goes_on_to_its_named_place(rest: str) -> None:
    """A role wrapped after a capitalised word of its place ("Governor of the Autonomous"
    / "District of Nova Zenda"): a line opening on a kind of place or a body and ending
    on a place the booklet names is the rest of it, even with a caption, not the quote,
    under it. Hard negatives: a place's kind under a role already ending on the place's
    name ("Mayor of Nova Zenda"), or a line naming no place of the booklet, stays apart."""
    def attribution(role: str, nxt: str) -> object:
        lines = _lines("1. Ruritania, Nova Zenda", "‘We learn together.’", f"Ann Ek, {role}", nxt,
                       "Pupils at the library", starts=False)
        return _blocks(lines)[2][2]
    assert attribution("Governor of the Autonomous", rest) == AttributionData(
        "Ann Ek", f"Governor of the Autonomous {rest}")
    assert attribution("Mayor of Nova Zenda", "District of Nova Zenda") == AttributionData("Ann Ek", "Mayor of Nova Zenda")
    assert attribution("Governor of the Autonomous", "District of Strelsau") == AttributionData(
        "Ann Ek", "Governor of the Autonomous")


@pytest.mark.parametrize("small", ["es", "aan", "op", "sul", "van"])
def test_role_wrapped_after_a_small_word_of_a_place_name(small: str) -> None:
    """A role that wraps after a small word inside its place's name ("... of Port es" /
    "Zenda"): the small words of other languages' place names go on as "of" does."""
    lines = _lines("‘We learn together.’", f"Ann Ek, Mayor of the City of Port {small}", "Zenda", starts=False)
    assert _blocks(lines)[1][2] == AttributionData("Ann Ek", f"Mayor of the City of Port {small} Zenda")


@pytest.mark.parametrize("role", [["Chair of the People’s", "Committee of Nova", "Zenda Province"],
                                  ["Executive Mayor of the", "City of Zenda", "Metropolitan", "Municipality"]])
def test_role_wrapped_over_four_lines_in_a_narrow_column(role: list[str]) -> None:
    """In a narrow column: a possessive ends no role ("People’s" / "Committee"), and a
    body's name may wrap once more ("Metropolitan" / "Municipality"), up to four lines
    of role under the name."""
    lines = _lines("‘We learn together.’", "Ann Ek,", *role, "Pupils at the library", starts=False)
    blocks = _blocks(lines)
    assert blocks[1][2] == AttributionData("Ann Ek", " ".join(role))
    assert blocks[2][:2] == (BlockKind.CAPTION, ["Pupils at the library"])


@pytest.mark.parametrize("role", [["Metropolitan", "Mayor of Zenda"], ["Deputy Mayor for", "Education,", "Zenda"]])
def test_role_wrapped_a_word_or_two_a_line_in_a_narrow_margin(role: list[str]) -> None:
    """A margin column narrow enough to set a role's first word alone ("Ann Ek," /
    "Metropolitan" / "Mayor of Zenda"), or to cut a role at its comma on a line of its
    own ("Deputy Mayor for" / "Education," / "Zenda"): the role goes on over each."""
    lines = _lines("‘We learn together.’", "Ann Ek,", *role, "Pupils at the library", starts=False)
    blocks = _blocks(lines)
    assert blocks[1][2] == AttributionData("Ann Ek", " ".join(role))
    assert blocks[2][:2] == (BlockKind.CAPTION, ["Pupils at the library"])


def test_an_address_cut_at_its_comma_is_no_rest_of_a_role() -> None:
    """Hard negative: a line of an address ending on a comma ("Office, 2200 South Street,
    Zenda,"), figures in it, under a role cut at its comma in the same PDF block is no
    portfolio: the role ends."""
    box = (0.0, 0.0, 1.0, 1.0)
    pdf = [Line("‘We learn together.’", 1, True, bbox=box), Line("Ann Ek, Manager, Harbour Branch,", 2, True, bbox=box),
           Line("Office, 2200 South Street, Zenda,", 3, False, bbox=box), Line("phone: 206 231 3595", 4, False, bbox=box)]
    assert _blocks(pdf)[1][2] == AttributionData("Ann Ek", "Manager, Harbour Branch,")


@pytest.mark.parametrize("caption", ["Boats at the harbour school", "Harbour School"])
def test_a_role_ending_on_a_place_named_with_a_possessive_ends_there(caption: str) -> None:
    """A role ending on a place the booklet names with a possessive ("... of Port
    Ann’s"): the possessive is the name's own, so the caption under it stays a caption.
    The possessive rule's own case (a possessive that is no listed place) is
    `test_role_wrapped_over_four_lines_in_a_narrow_column`."""
    lines = _lines("1. Ruritania, Port Ann’s", "‘We learn together.’", "Ann Ek, Mayor of the City of Port Ann’s",
                   caption, starts=False)
    blocks = _blocks(lines)
    assert blocks[2][2] == AttributionData("Ann Ek", "Mayor of the City of Port Ann’s")
    assert blocks[3][:2] == (BlockKind.CAPTION, [caption])


@pytest.mark.parametrize("figure", ["approx. 355,000 (2020)", "about 47 km²"])
def test_a_figure_in_lowercase_under_a_role_is_no_part_of_it(figure: str) -> None:
    """Hard negative: a stats box's figure set under an attribution in a margin column
    opens in lowercase ("approx."), as a role's rest may; it is a figure, not the role's."""
    lines = _lines("‘We learn together.’", "Ann Ek, President of", "the Zenda Municipality", figure, starts=False)
    assert _blocks(lines)[1][2] == AttributionData("Ann Ek", "President of the Zenda Municipality")


@pytest.mark.parametrize("after", [["Green", "City"], ["Metropolitan", "Festival"]])
def test_two_short_lines_under_a_role_that_name_no_body_stay_apart(after: list[str]) -> None:
    """Hard negative: two short capitalised lines under a finished role join it only
    when together they end on a body's word."""
    lines = _lines("‘We learn together.’", "Ann Ek, Mayor of Zenda", *after, starts=False)
    assert _blocks(lines)[1][2] == AttributionData("Ann Ek", "Mayor of Zenda")


@pytest.mark.parametrize("rest", ["Zenda Reading Club", "City Library", "Nova Zenda"])
def test_a_caption_under_a_role_is_no_place_going_on(rest: str) -> None:
    """Hard negatives: a caption of capitalised words after a role ending on a place
    stays a caption: a kind of place with more words after it, a name the booklet lists
    with words after it, or a listed name that the role's end does not begin."""
    lines = _lines("1. Ruritania, Nova Zenda", "‘We learn together.’", "Ann Ek, Mayor of Strelsau", rest,
                   starts=False)
    blocks = _blocks(lines)
    assert blocks[2][2] == AttributionData("Ann Ek", "Mayor of Strelsau")
    assert blocks[3][1] == [rest]  # a caption, or a map's label when it is a place alone


def test_name_wrapped_onto_a_line_whose_role_wraps_again() -> None:
    """A narrow margin column: "Ann Maria" / "Ek, Municipal" / "President of Strelsau", the
    role begun after the name's last word and ended on the line below."""
    lines = _lines("‘We learn together.’", "Ann Maria", "Ek, Municipal", "President of Strelsau", starts=False)
    blocks = _blocks(lines)
    assert blocks[1] == (BlockKind.ATTRIBUTION, ["Ann Maria", "Ek, Municipal", "President of Strelsau"],
                         AttributionData("Ann Maria Ek", "Municipal President of Strelsau"))


def _placed(text: str, n: int, x: float, top: float, width: float, start: bool) -> Line:
    return Line(text, n, start, page=1, bbox=(x, top, x + width, top + 10.0), font_size=10.0)


def test_a_paragraph_cut_by_the_column_break_is_no_caption() -> None:
    """In a PDF: an item's two lines at the foot of a column, no sentence end, its last word
    at the head of the next column in lowercase: one item, not a caption and a fragment."""
    lines = [_placed("Evening circles in the market halls, with free talks,", 1, 40, 700, 250, True),
             _placed("tours and workshops each autumn.", 2, 40, 712, 160, False),
             _placed("Digital inclusion hubs in public libraries,", 3, 40, 730, 240, True),
             _placed("where older people get help with online", 4, 40, 742, 230, False),
             _placed("services.", 5, 310, 100, 45, True),
             _placed("Homework clubs run by students in the inner city.", 6, 310, 118, 250, True)]
    kinds = [(kind, texts) for kind, texts, _ in _blocks(lines)]
    assert (BlockKind.CAPTION, ["Digital inclusion hubs in public libraries,",
                                "where older people get help with online"]) not in kinds
    assert [kind for kind, _ in kinds] == [BlockKind.PROSE] * 4


def _paragraphs(*paragraphs: list[str]) -> list[Line]:
    """Lines of raw text, each paragraph's first after a blank line."""
    texts = [(t, k == 0) for p in paragraphs for k, t in enumerate(p)]
    return [Line(t, n, block_start=start) for n, (t, start) in enumerate(texts, 1)]


def test_a_paragraph_cut_by_a_break_in_text_is_no_caption_but_a_caption_inside_a_sentence_is() -> None:
    """In text: the cut piece wraps at the measure of the paragraph before, which ended its
    sentence, so only it can own the lowercase rest. Hard negative: a caption printed in the
    middle of a sentence of the body (the paragraph before it has not ended) stays a caption."""
    cut = _paragraphs(["The Learning Festival, with free talks,", "tours and workshops each autumn."],
                      ["Digital inclusion hubs in public libraries,", "where older people get help with online"],
                      ["services."])
    assert [kind for kind, _, _ in _blocks(cut)] == [BlockKind.PROSE] * 3
    inside = _paragraphs(["The city has opened libraries in every district and"],
                         ["Pupils at the reading club", "of the old town"], ["invested in evening classes for adults."])
    assert (BlockKind.CAPTION, ["Pupils at the reading club", "of the old town"]) in \
        [(kind, texts) for kind, texts, _ in _blocks(inside)]


def test_a_marker_ending_its_page_takes_nothing_from_the_next_page() -> None:
    """pdfminer gives an item's bullet, lost from its line, at the end of the page: it is
    no item's marker there (the next page opens with a caption) and no caption either.
    The same bullet before a line of its own page is a hanging marker."""
    lines = [Line("Radio lessons for children far from a school.", 1, True, page=1),
             Line("•", 2, True, page=1), Line("EVENING CLASS AT", 3, True, page=2), Line("THE OLD SCHOOL", 4, False, page=2)]
    blocks = _blocks(lines)
    assert [(kind, texts) for kind, texts, _ in blocks[1:]] == [
        (BlockKind.LABEL, ["•"]), (BlockKind.CAPTION, ["EVENING CLASS AT", "THE OLD SCHOOL"])]
    same_page = [replace(line, page=1) for line in lines]
    assert _blocks(same_page)[1][2] == ItemData("•")


def test_captions_run_into_the_quotation_under_them_are_split_off() -> None:
    # Captions printed twice (under the photos and again in the margin) run into the quote.
    lines = _lines("Reading club Garden day", "Reading club", "Garden day", "‘We learn", "together.’",
                   starts=False)
    blocks = _blocks(lines)
    assert (BlockKind.QUOTE, ["‘We learn", "together.’"]) in [b[:2] for b in blocks]
    assert all(kind is BlockKind.CAPTION for kind, _, _ in blocks[:-1])


@pytest.mark.parametrize(
    "before",
    [["As the mayor said,"], ["In the words of the mayor:"],
     ["The council met the", "new mayor. She said"]],  # a sentence ended above: prose
)
def test_a_lead_in_before_a_quotation_is_not_split_off(before: list[str]) -> None:
    from booklet_extract.blocks import Block
    from booklet_extract.text_blocks import split_before_quote

    texts = [*before, "‘We learn", "together.’"]
    block = Block(BlockKind.TEXT, _lines(*texts, starts=False), texts)
    assert [piece.texts for piece in split_before_quote(block, P)] == [texts]


def test_captions_between_an_item_and_the_quotation_are_split_off() -> None:
    # No breaks at all: an item's last line, two captions wider than the column, the quote.
    lines = _lines("1. A club for parents that meets", "every week in the town hall.",
                   "Employment training for people with disabilities", "Adult learning in the city",
                   "‘We learn", "together.’", starts=False)
    blocks = _blocks(lines)
    assert blocks[0][:2] == (BlockKind.PROSE, ["1. A club for parents that meets", "every week in the town hall."])
    assert [kind for kind, _, _ in blocks[1:]] == [BlockKind.CAPTION, BlockKind.CAPTION, BlockKind.QUOTE]


def test_a_caption_quoting_a_name_before_the_quotation_is_a_caption() -> None:
    lines = _lines("Knowledge ceremony", "'We count on you at school' programme", "‘Only with education",
                   "do we close the gaps.’", starts=False)
    blocks = _blocks(lines)
    assert [(kind, texts) for kind, texts, _ in blocks] == [
        (BlockKind.CAPTION, ["Knowledge ceremony"]),
        (BlockKind.CAPTION, ["'We count on you at school' programme"]),
        (BlockKind.QUOTE, ["‘Only with education", "do we close the gaps.’"])]


def test_a_quoted_phrase_ending_a_line_does_not_close_the_quotation() -> None:
    quote = ("‘Learning is a core endeavour of our city, from quality education “from ABC to PhD”.",
             "By embracing the four dimensions, we grow.’")
    got = _blocks(_stacked(("1. Ruritania, Alpha",), ("Alpha learns.",), quote, ("Ann Ek, Mayor of Alpha",)))
    assert (BlockKind.QUOTE, list(quote), None) in got
    # hard negative: the closing mark of the quotation's own family still closes it
    got = _blocks(_stacked(("1. Ruritania, Alpha",), ("Alpha learns.",), ("‘We learn from ABC to PhD.’",
                                                                          "Reading club"),))
    assert got[2][:2] == (BlockKind.QUOTE, ["‘We learn from ABC to PhD.’"])


def test_a_numbered_heading_printing_one_name_takes_its_pair_from_the_list() -> None:
    """`1. Strelsau` (the country printed only in the front matter's list): the heading is
    the listed pair that holds the name. Hard negatives: without a list, or with the name
    in two listed pairs, the line heads nothing."""
    front = ["The cities are:", "Ruritania, Strelsau", "Borduria, Szohod", "Our thanks to all."]
    body = ["City population: 1,200", "Strelsau is a town of learners."]
    assert _headings(*front, "1. Strelsau", *body, "2. Szohod", *body) == [
        HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "Borduria", "Szohod")]
    # A caption in capitalised words on the next line is no second name; the pair's other
    # name there is.
    got = _blocks(_lines(*front, "1. Strelsau", "Harbour Walk", *body, "2. Borduria", "Szohod", *body))
    heads = [(texts, data) for kind, texts, data in got if kind is BlockKind.HEADING]
    assert heads == [(["1. Strelsau"], HeadingData(1, "Ruritania", "Strelsau")),
                     (["2. Borduria", "Szohod"], HeadingData(2, "Borduria", "Szohod"))]
    assert _headings("Our thanks to all.", "1. Strelsau", *body, "2. Szohod", *body) == []
    twice = ["The cities are:", "Ruritania, Strelsau", "Syldavia, Strelsau", "Borduria, Szohod", "Our thanks."]
    assert _headings(*twice, "1. Strelsau", *body, "2. Szohod", *body) == [HeadingData(2, "Borduria", "Szohod")]


def test_a_numbered_item_wrapped_a_word_a_line_is_no_place_on_two_lines() -> None:
    """A narrow justified column may set an item's words a line each ("2. Harbour" /
    "Walks" / "for families."): where the front matter lists the cities, two short
    names under a number head a city only as a pair it lists. The listed pair on two
    lines ("2. Borduria" / "Szohod") still does."""
    front = ["The cities are:", "Ruritania, Strelsau", "Borduria, Szohod", "Our thanks to all."]
    first = ["1. Ruritania", "Strelsau", "City population: 1,200", "Strelsau is a town of learners. It offers:",
             "1. Reading clubs in every district.", "2. Harbour", "Walks", "for families in the old town."]
    second = ["2. Borduria", "Szohod", "City population: 900", "Szohod learns."]
    assert _headings(*front, *first, *second) == [
        HeadingData(1, "Ruritania", "Strelsau"), HeadingData(2, "Borduria", "Szohod")]


@pytest.mark.parametrize("lines, role", [
    # right after the quotation's close, a title the profile does not know
    (["‘We learn together.’", "Ann Ek, Alderwoman of Zenda", "Reading club"], "Alderwoman of Zenda"),
    # right before the quotation (an attribution set above its quote)
    (["Reading club", "Ann Ek, Alderwoman of Zenda", "‘We learn together.’"], "Alderwoman of Zenda"),
    # nothing around it says so, but the role ends on a body's word; wrapped after "of"
    (["We learn together.", "Ann Ek, Alderwoman of", "Zenda City and County Council"],
     "Alderwoman of Zenda City and County Council"),
])
def test_an_attribution_whose_title_the_profile_does_not_know(lines: list[str], role: str) -> None:
    """"Name, Title of Place" with a local title: an attribution where its place (next to
    a quotation) or its role's end (a body's word) says so."""
    blocks = _blocks(_lines(*lines, starts=False))
    found = [b for b in blocks if b[0] is BlockKind.ATTRIBUTION]
    assert [b[2] for b in found] == [AttributionData("Ann Ek", role, before_quote=lines[-1].startswith("‘"))]


@pytest.mark.parametrize("text", ["Open Day, Festival of Learning", "Learning Festival, House of Culture",
                                  "Ann Ek, Friend of the library."])
def test_a_title_case_caption_is_no_attribution_of_an_unknown_title(text: str) -> None:
    """Hard negatives: away from a quotation, "Words, Words of Words" ending on no body's
    word (or ending a sentence) is a caption's shape as much as a speaker's."""
    blocks = _blocks(_lines("Our city learns in every street.", text, "Pupils at the library", starts=False))
    assert all(b[0] is not BlockKind.ATTRIBUTION for b in blocks)


_WRAPPED = ["2. Strelsau, United Federation of Ruritania and Northern", "Borduria"]
_WHOLE = HeadingData(2, "Strelsau", "United Federation of Ruritania and Northern Borduria")


def test_a_heading_whose_last_name_goes_on_over_the_next_line() -> None:
    """"2. Strelsau, United Federation of Ruritania and Northern" reads as a whole place;
    its last name goes on over "Borduria" where the front matter lists the longer place
    (in text too), or where the PDF sets that line in the heading's block and size."""
    front = ["The cities are:", "Strelsau, United Federation of Ruritania and Northern Borduria", "Thanks."]
    body = ["City population: 1,200", "Strelsau is a town of learners."]
    got = _blocks(_lines(*front, *_WRAPPED, *body))
    assert (BlockKind.HEADING, _WRAPPED, _WHOLE) in got
    placed = [_placed(text, n, 40.0, 100.0 + 18 * n, 300.0, start=n == 1) for n, text in enumerate(_WRAPPED, 1)]
    placed = [replace(line, font_size=16.0, bold=True) for line in placed]
    placed += [_placed(text, n, 40.0, 160.0 + 12 * n, 300.0, start=True) for n, text in enumerate(body, 3)]
    assert _blocks(placed)[0] == (BlockKind.HEADING, _WRAPPED, _WHOLE)


def test_a_short_name_under_a_whole_heading_is_not_its_own() -> None:
    """Hard negatives: with no list naming the longer place, a short name on the next line
    (a caption, a label) stays apart, in text and in a PDF block of its own."""
    body = ["City population: 1,200", "Strelsau is a town of learners."]
    got = _blocks(_lines(*_WRAPPED, *body))
    assert got[0] == (BlockKind.HEADING, _WRAPPED[:1], HeadingData(2, "Strelsau", "United Federation of Ruritania and Northern"))
    placed = [replace(_placed(text, n, 40.0, 100.0 + 30 * n, 300.0, start=True), font_size=16.0, bold=n == 1)
              for n, text in enumerate(_WRAPPED, 1)]
    assert _blocks(placed)[0][1] == _WRAPPED[:1]


@pytest.mark.parametrize("texts, entry", [
    (["approx.", "355,000 (2021)", "Population (city)"], ("population", "Population (city): approx. 355,000 (2021)")),
    (["USD 6,100 per", "capita (2020)", "Gross domestic product", "per capita"],
     ("gdp_usd", "Gross domestic product per capita: USD 6,100 per capita (2020)")),
    (["approx. 250", "km²", "Surface"], ("area_km2", "Surface: approx. 250 km²")),
    (["Surface", "approx. 250", "km²"], ("area_km2", "Surface: approx. 250 km²")),
    (["Gross domestic product per", "capita", "USD 55,900 (2021)"],
     ("gdp_usd", "Gross domestic product per capita: USD 55,900 (2021)")),
], ids=["estimate-word-above", "per-capita-and-label-wrapped", "unit-below", "label-first", "label-wrapped-after-per"])
def test_a_stat_wrapped_in_a_narrow_box(texts: list[str], entry: tuple[str, str]) -> None:
    """A sidebar too narrow for a big figure wraps it, and its label, onto a second line:
    the two lines are one figure (one label) when together they make one and one of them
    alone does not."""
    got = [(k, d) for k, _, d in _blocks(_lines(*texts, starts=False))]
    assert got == [(BlockKind.STATS, StatData(*entry))]


def test_a_figure_over_its_year_or_another_figure_is_not_joined() -> None:
    """Hard negatives: a year set below its figure stays the year's reading ("1,200" /
    "(2016)"); a figure and a whole figure below it (each with its label) stay two."""
    got = [(k, d) for k, _, d in _blocks(_lines("1,200", "(2016)", "Population (city)", "300 km2", "Surface",
                                                starts=False))]
    assert got == [(BlockKind.STATS, StatData("population", "Population (city): 1,200 (2016)")),
                   (BlockKind.STATS, StatData("area_km2", "Surface: 300 km2"))]


def test_an_unknown_title_begun_on_the_line_after_the_name() -> None:
    """A narrow cell beside the quote: "Ann Ek," / "Alderwoman of" / "Zenda City and" /
    "County Council": the name's comma says the role comes below; it ends on a body's word."""
    lines = ["We learn together.", "Ann Ek,", "Alderwoman of", "Zenda City and", "County Council"]
    blocks = _blocks(_lines(*lines, starts=False))
    assert [b[2] for b in blocks if b[0] is BlockKind.ATTRIBUTION] == [
        AttributionData("Ann Ek", "Alderwoman of Zenda City and County Council")]


def test_a_stats_entry_wrapped_in_a_narrow_box() -> None:
    """"GDP per capita: USD 6,100" / "per capita (2020)": the entry's figure ends on the
    next line, and the two lines make one entry; so they do where the box wraps the label.
    Hard negatives: prose that opens with a label's word over a line with a colon, a
    caption after an entry, and the next entry, stay apart."""
    got = [(k, d) for k, _, d in _blocks(_lines("GDP per capita: USD 6,100", "per capita (2020)", starts=False))]
    assert got == [(BlockKind.STATS, StatData("gdp_usd", "GDP per capita: USD 6,100 per capita (2020)"))]
    # Wrapped inside its label: "Gross domestic product per" / "capita: USD 61,300 (2021)".
    got = [(k, d) for k, _, d in _blocks(_lines("Gross domestic product per", "capita: USD 61,300 (2021)",
                                                starts=False))]
    assert got == [(BlockKind.STATS, StatData("gdp_usd", "Gross domestic product per capita: USD 61,300 (2021)"))]
    got = _blocks(_lines("Population growth has slowed since", "2010: 1,200 people left.", starts=False))
    assert not any(k is BlockKind.STATS for k, _, _ in got)
    got = [(k, d) for k, _, d in _blocks(_lines("City population: 1,200", "Area: 45 km2", "Reading club",
                                                starts=False))]
    assert got[:2] == [(BlockKind.STATS, StatData("population", "City population: 1,200")),
                       (BlockKind.STATS, StatData("area_km2", "Area: 45 km2"))]
    assert got[2][0] is not BlockKind.STATS


@pytest.mark.parametrize("rest", ["Harbour City", "Metropolitan Municipality"])
def test_a_place_name_going_on_above_the_quote_is_the_roles(rest: str) -> None:
    """An attribution set above its quote, its place's name wrapped ("Mayor of Zenda" /
    "Harbour City" / the quote): the line of capitalised words ending on a kind of place
    or a body, right above the quote, ends the role."""
    blocks = _blocks(_lines("Ann Ek,", "Mayor of Zenda", rest, "‘We learn together.’", starts=False))
    assert isinstance(blocks[0][2], AttributionData)
    assert (blocks[0][2].name, blocks[0][2].role) == ("Ann Ek", f"Mayor of Zenda {rest}")
    assert blocks[1][0] is BlockKind.QUOTE


@pytest.mark.parametrize("rest, after", [("Reading Club", "‘We learn together.’"),
                                         ("Harbour City", "Pupils at the library")])
def test_capitalised_words_under_a_finished_role_stay_apart_unless_a_quote_follows(rest: str, after: str) -> None:
    """Hard negatives: a line of capitalised words that names no kind of place or body, or
    one that does with no quote right under it, is no part of the role."""
    blocks = _blocks(_lines("‘We learn.’", "Ann Ek, Mayor of Zenda", rest, after, starts=False))
    assert blocks[1][2] == AttributionData("Ann Ek", "Mayor of Zenda")


def test_a_role_cut_at_a_comma_goes_on_down_to_the_quote_under_it() -> None:
    """An attribution set above its quote, its list of portfolios wrapped anywhere in a
    narrow column ("Minister of Education," / "Sports and Creative" / "Industries"): the
    quote's opening mark ends the role. Hard negatives: without a quote below, the lines
    after the comma stay captions; a role that ends on no comma takes no caption above a quote."""
    above = _lines("Hon. Ann Ek,", "Minister of Education,", "Sports and Creative", "Industries",
                   "‘A small island can be a great school.’", starts=False)
    blocks = _blocks(above)
    assert blocks[0][1] == ["Hon. Ann Ek,", "Minister of Education,", "Sports and Creative", "Industries"]
    assert isinstance(blocks[0][2], AttributionData)
    assert blocks[0][2].role == "Minister of Education, Sports and Creative Industries"
    no_quote = _blocks(_lines("‘We learn.’", "Ann Ek, Minister of Education,", "Pupils at the library",
                              "Reading club in the old town", starts=False))
    assert no_quote[1][2] == AttributionData("Ann Ek", "Minister of Education,")
    finished = _blocks(_lines("Ann Ek, Mayor of Zenda", "Pupils at the library", "‘We learn together.’",
                              starts=False))
    assert finished[0][2] == AttributionData("Ann Ek", "Mayor of Zenda")
    assert finished[1][:2] == (BlockKind.CAPTION, ["Pupils at the library"])


@pytest.mark.parametrize("figure", ["2,448,723 inhabitants (2016)", "about 1.2 million residents", "74737 people"])
def test_a_figure_in_people_with_no_label_is_the_population(figure: str) -> None:
    """A stats box that prints the population as a figure in people, with no label: the
    unit says the field. Hard negatives in the next test."""
    got = [(k, d) for k, _, d in _blocks(_lines("1. Ruritania, Zenda", figure, "Area: 45 km2"))]
    assert got[1] == (BlockKind.STATS, StatData("population", f"Population: {figure}"))


@pytest.mark.parametrize("text", ["300 people", "2,000 people attended the festival.", "12 residents"])
def test_a_small_crowd_or_a_sentence_is_no_population(text: str) -> None:
    """Hard negatives: a figure of a few hundred people is a caption's crowd, and a line
    that goes on after the figure is a sentence."""
    got = _blocks(_lines("1. Ruritania, Zenda", text, starts=False))
    assert BlockKind.STATS not in [k for k, _, _ in got]


@pytest.mark.parametrize("label", ["GDP/capita", "GDP / head", "GDP per capita"])
def test_gdp_per_capita_written_with_a_slash(label: str) -> None:
    got = [(k, d) for k, _, d in _blocks(_lines("1. Ruritania, Zenda", f"{label}\tUS$6,643"))]
    assert got[1][0] is BlockKind.STATS and isinstance(got[1][1], StatData) and got[1][1].key == "gdp_usd"


@pytest.mark.parametrize("heading", ["1 – Ruritania, Zenda", "1 | Ruritania, Zenda", "1: Ruritania, Zenda",
                                     "1 - Ruritania, Zenda"])
def test_a_heading_number_before_a_dash_a_bar_or_a_colon(heading: str) -> None:
    """A designer may set the number apart from the place by a dash, a bar or a colon.
    "1 | Ruritania, Zenda" is no running head ("12 | Award Book") either: its rest is a place."""
    got = _blocks(_lines(heading, "City population: 1,200", "Ruritania’s town learns."))
    assert got[0][0] is BlockKind.HEADING and got[0][2] == HeadingData(1, "Ruritania", "Zenda")


@pytest.mark.parametrize("text", ["12 | Learning City Award", "1 – The town runs reading clubs."])
def test_a_running_head_or_an_item_after_a_number_and_a_dash_is_no_heading(text: str) -> None:
    """Hard negatives: a page number and a title is a running head; a number, a dash and a
    sentence is no place."""
    got = _blocks(_lines("Some text that runs on for a while and ends here.", text))
    assert BlockKind.HEADING not in [k for k, _, _ in got]


def test_a_role_wrapped_in_a_narrow_cell_under_a_wrapped_name_keeps_its_own_lines() -> None:
    """An attribution set in a narrow cell beside its quote: the name wraps ("Jean Paul" /
    "Ekberg-Orlo,") and so does the role, a line a word or two. The role's lines are
    counted from its first, so the name's second line leaves the role as many as a
    one-line name does."""
    head = ("1. Ruritania, Zenda", "Zenda is a city of learning.")
    role = ("Prefect of the", "Free", "Canton of", "Zenda")
    for name in (("Jean Paul", "Ekberg-Orlo,"), ("Jean Ekberg,",)):
        got = _blocks(_lines(*head, *name, *role, "‘We learn.’", starts=False))
        (data,) = [d for k, _, d in got if k is BlockKind.ATTRIBUTION]
        assert data.role == "Prefect of the Free Canton of Zenda", name


def test_a_caption_in_sentence_case_wrapped_inside_a_name_stays_one_in_its_column() -> None:
    """Captions in a narrow margin column, each a photo's height apart: a line that ends
    on a name's first word ("Reading in the Old" / "Harbour") had no room in the column
    (shown by the other captions' lines) for the next word, so the name goes on. Hard
    negatives: lines of capitalised words only (a list of names) and a stack whose column
    no other caption shows (the others there end well short of it) keep their lines apart,
    unless the line below is one word that ends names alone."""
    head = [Line("1. Ruritania, Zenda", 1, block_start=True), Line("Zenda learns.", 2, block_start=True)]
    wrapped = (("Reading in the Old", 128.0), ("Harbour", 80.0))
    other = (("Pupils at the Royal", 133.0), ("Mint", 72.0))
    names = (("Zenda Youth Council Hall", 131.0), ("Book Fair", 85.0))
    column = _in_column(wrapped, other, names, x0=44.0)
    lines = head + [Line(t.text, n, block_start=t.block_start, page=1, bbox=t.bbox) for n, t in enumerate(column, 3)]
    got = [t for k, t, _ in _blocks(lines) if k is BlockKind.CAPTION]
    assert ["Reading in the Old", "Harbour"] in got and ["Pupils at the Royal", "Mint"] in got
    assert ["Zenda Youth Council Hall"] in got and ["Book Fair"] in got
    alone = _in_column((("Reading in the Old", 384.0), ("Mint", 336.0)), (("Book fair in spring", 350.0), ("Reading circle", 360.0)),
                       (("Graduation at Zenda", 384.0), ("College", 336.0)), x0=300.0)
    lines = head + [Line(t.text, n, block_start=t.block_start, page=1, bbox=t.bbox) for n, t in enumerate(alone, 3)]
    got = [t for k, t, _ in _blocks(lines) if k is BlockKind.CAPTION]
    assert ["Reading in the Old"] in got and ["Mint"] in got
    # Where the page shows no measure, the words tell: one word that ends names
    # ("College") is no caption of its own, as in text with no places.
    assert ["Graduation at Zenda", "College"] in got


def test_captions_ending_the_last_item_before_the_quotation_block_are_split_off() -> None:
    """No blank lines, and the quotation set apart from the captions by a line printed
    again (a block of its own): an item that ended its sentence, then the margin's
    captions (one wrapped) read after it. With the quotation next, the captions are a
    block of their own. Hard negatives: with no quotation next, or where the block is
    prose (a sentence running on into a quotation: "... that he was" / "'Only a ...'"),
    or the item's marker stands alone before a title, the block stays whole."""
    from booklet_extract.blocks import Block
    from booklet_extract.text_blocks import split_before_quote

    texts = ["▪ Evening classes for the workers", "of the mills, held in the market hall.",
             "Reading club in the library", "Evening class at the market", "hall"]
    item = Block(BlockKind.TEXT, _lines(*texts, starts=False), texts, ItemData("▪"))
    assert [(p.texts, p.data) for p in split_before_quote(item, P, quote_next=True)] == [
        (texts[:2], ItemData("▪")), (texts[2:], None)]
    assert [p.texts for p in split_before_quote(item, P)] == [texts]
    said = ["I heard what the workers said.", "Then one of the boys", "told me that he was"]
    prose = Block(BlockKind.TEXT, _lines(*said, starts=False), said)
    assert len(split_before_quote(prose, P, quote_next=True)) == 1
    title = Block(BlockKind.TEXT, _lines("1.", "Common Ground", starts=False), ["1.", "Common Ground"], ItemData("1."))
    assert len(split_before_quote(title, P, quote_next=True)) == 1


def test_a_caption_stopping_on_a_possessive_after_a_small_word_goes_on() -> None:
    """A caption wrapped after a possessive ("Pupils at the Mayor’s" / "Garden"):
    after a small word ("the") the possessive owns a noun still to come, so the line
    below goes on, as after a line ending on "the". Hard negatives: after a name ("in
    Port Ann’s") the possessive may end a place's name, and a caption under it stays
    apart; a sentence ending on one ("a friend of Ann’s.") stops."""
    from booklet_extract.blocks import Block
    from booklet_extract.text_blocks import split_caption_run

    def run(*texts: str) -> list[list[str]]:
        block = Block(BlockKind.TEXT, [Line("x", n) for n in range(1, len(texts) + 1)], list(texts))
        return [piece.texts for piece in split_caption_run(block, P)]

    assert run("Reading club", "Pupils at the Mayor’s", "Garden") == \
        [["Reading club"], ["Pupils at the Mayor’s", "Garden"]]
    assert run("Reading club", "Evening class in Port Ann’s", "Library steps") == \
        [["Reading club"], ["Evening class in Port Ann’s"], ["Library steps"]]
    assert P.language.stops_on_run_on_word("Reading at the Guildhall’s") is True
    assert P.language.stops_on_run_on_word("a friend of Ann’s.") is False


def test_a_role_cut_at_its_comma_goes_on_with_the_place_on_the_next_line() -> None:
    """"Deputy Mayor for Education," / "Szohod Nova": no role ends on a comma, so a name
    on the next line is its place. Hard negative: a caption in small letters after it
    is no part of the role."""
    def city(after: str) -> str:
        return ("1. Borduria, Szohod Nova\n\nSzohod Nova is a port. Its initiatives include:\n\n"
                "1. Evening classes in the harbour.\n\n2. A reading week every spring.\n\n"
                f"‘In Szohod Nova everyone learns.’\nBo Ek, Deputy\nMayor for Education,\n{after}\n")
    (got,) = parse_text(city("Szohod Nova")).cities
    assert got.quote is not None and got.quote.role == "Deputy Mayor for Education, Szohod Nova"
    (got,) = parse_text(city("Evening class in the old harbour")).cities
    assert got.quote is not None and "Evening" not in (got.quote.role or "")


def test_a_role_ending_on_a_named_place_is_whole_before_a_caption() -> None:
    """A role ending on the city's name ("Mayor of Porto Do", the name's last word a
    particle elsewhere) is whole: a caption set close under it, in the same PDF block or
    in text ("Klow learning fair"), is no rest of the role. Hard negative: a body's name
    under it ("City Council") still goes on the role."""
    box = (0.0, 0.0, 1.0, 1.0)
    head = [Line("1. Ruritania, Porto Do", 1, True, bbox=box), Line("‘We learn.’", 2, True, bbox=box),
            Line("Ann Ek, Mayor of Porto Do", 3, True, bbox=box)]
    for under, role in (("Klow learning fair", "Mayor of Porto Do"), ("City Council", "Mayor of Porto Do City Council")):
        pdf = [*head, Line(under, 4, False, bbox=box)]
        text = _lines(*(line.text for line in pdf), starts=False)
        for lines in (pdf, text):
            (data,) = [d for k, _, d in _blocks(lines) if k is BlockKind.ATTRIBUTION]
            assert data == AttributionData("Ann Ek", role), (under, lines is pdf)


def test_a_stats_table_row_dealt_into_another_fields_unit_is_no_table() -> None:
    """A table's labels, then figures one short (a cell the extractor lost): dealt in
    order, an area in km² would go under "Annual GDP". A figure whose unit names another
    field says the row is dealt wrong: no pair is made so. Hard negative: figures that fit
    their fields pair as before."""
    wrong = _blocks(_lines("1. Ruritania, Zenda", "City/urban area", "Annual GDP", "4,534,857", "953 km2", starts=False))
    assert StatData("gdp_usd", "Annual GDP: 953 km2") not in [d for _, _, d in wrong]
    right = _blocks(_lines("1. Ruritania, Zenda", "City/urban area", "Annual GDP", "953 km2", "US$4,534", starts=False))
    assert [d for _, _, d in right if isinstance(d, StatData)] == [
        StatData("area_km2", "City/urban area: 953 km2"), StatData("gdp_usd", "Annual GDP: US$4,534")]


def test_a_pdf_headings_title_wrapped_in_its_block_is_no_part_of_its_place() -> None:
    """In a PDF the heading's block goes on in its own size after a title ("1. RURITANIA,
    STRELSAU – A SCHOOL IN EVERY" / "STREET OF THE TOWN"): the place ended at the dash, so the line is
    the title's rest, taken into the heading, and the place is not "Strelsau Street of the Town".
    Hard negative: without a title, a short name the block goes on with is still the
    place's last name ("2. Strelsau, United Federation of the Northern" / "Isles")."""
    def heading(first: str, second: str, number: int) -> list[Line]:
        box = (40.0, 100.0, 400.0, 118.0)
        return [Line(first, number, True, bbox=box, font_size=16.0, bold=True),
                Line(second, number + 1, False, bbox=box, font_size=16.0, bold=True),
                Line("Population: 205,100", number + 2, True, bbox=box, font_size=9.0),
                Line("Strelsau lies where two valleys meet and plans its learning.", number + 3, True, bbox=box,
                     font_size=9.0)]

    titled = [*heading("1. RURITANIA, STRELSAU – A SCHOOL IN EVERY", "STREET OF THE TOWN", 1),
              *heading("2. SYLDAVIA, KLOW – A TOWN OF OLD", "MILLS AND MARKETS", 5)]
    got = [(t, d) for k, t, d in _blocks(titled) if k is BlockKind.HEADING]  # the texts as the headings read them
    assert got == [(["1. RURITANIA, STRELSAU", "STREET OF THE TOWN"], HeadingData(1, "RURITANIA", "STRELSAU")),
                   (["2. SYLDAVIA, KLOW", "MILLS AND MARKETS"], HeadingData(2, "SYLDAVIA", "KLOW"))]
    plain = heading("2. Strelsau, United Federation of the Northern", "Isles", 1)
    assert [d for k, _, d in _blocks(plain) if k is BlockKind.HEADING] == [
        HeadingData(2, "Strelsau", "United Federation of the Northern Isles")]
