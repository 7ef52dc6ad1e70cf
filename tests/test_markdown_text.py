"""Markdown an extractor made of a booklet (pymupdf4llm, docling, markitdown) read as its text."""

from __future__ import annotations

import pytest

from booklet_extract.pipeline import parse_text
from booklet_extract.sources.markdown import is_markdown, plain_rows
from booklet_extract.sources.text import lines_from_text

_BOOKLET = """# Learning Cities Award 2031

## Foreword

The award honours cities that open learning to all their people.

Ann Ek
Chair of the Jury

## **1. Syldavia, Klow**

**Population:** 410,000
**Area:** 96 km²
**GDP per capita:** US$21,300

Klow is an old trading town where the university and the guilds work together. Its initiatives include:

- The Guild Academy, where master craftsmen train young people.
- Learning Saturdays, when the university opens its halls to everyone.
- A mobile library that visits the mountain villages every week.

_"In Klow, knowledge passes from hand to hand."_ **Hergé Muskar, Mayor of Klow**

_Apprentices at the Guild Academy_

## **2. Ruritania, Strelsau**

|**Population**|**Area**|**GDP per capita**|
|---|---|---|
|1.2 million|412 km²|US$18,400|

Strelsau has treated learning as a public service for two decades. Its initiatives include:

* River Schools, with evening classes in boathouses.
* Learning cafés, where residents teach one another.
* The Reading Year, which gives every newborn child a bag of books.

> "A city that learns can change its own future."

**Rudolf Elphberg, Mayor of Strelsau**

<!-- image -->
Evening class in a ferry station
"""


def test_a_markdown_booklet_reads_as_its_text() -> None:
    """Headings after `#`, bold labels, a Markdown table, bullets after `-` and `*`, a quote
    in italics run together with its speaker in bold: every field as in plain text."""
    booklet = parse_text(_BOOKLET)
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [(1, "Syldavia", "Klow"),
                                                                     (2, "Ruritania", "Strelsau")]
    klow, strelsau = booklet.cities
    assert [klow.stats.population.value, klow.stats.area_km2.value, klow.stats.gdp_usd.value] == [410000, 96, 21300]
    assert [strelsau.stats.population.value, strelsau.stats.area_km2.value, strelsau.stats.gdp_usd.value] \
        == [1200000, 412, 18400]
    assert klow.initiatives[0].text == "The Guild Academy, where master craftsmen train young people."
    assert len(klow.initiatives) == len(strelsau.initiatives) == 3
    assert klow.quote is not None and klow.quote.text == "In Klow, knowledge passes from hand to hand."
    assert (klow.quote.speaker, klow.quote.role) == ("Hergé Muskar", "Mayor of Klow")
    assert strelsau.quote is not None and strelsau.quote.speaker == "Rudolf Elphberg"
    assert klow.captions == ["Apprentices at the Guild Academy"]
    assert strelsau.captions == ["Evening class in a ferry station"]
    assert "*" not in klow.intro + "".join(i.text for i in strelsau.initiatives)


def test_markdown_lines_keep_their_numbers() -> None:
    """Provenance points at the Markdown file's own lines; a row an HTML line break parts
    gives lines that share its number."""
    doc = lines_from_text("# Award 2031\n\n## Klow I Syldavia<br>Zenda I Ruritania\n\n**Population:** 1,200\n")
    assert [(line.number, line.text) for line in doc.lines] == [
        (1, "Award 2031"), (3, "Klow I Syldavia"), (3, "Zenda I Ruritania"), (5, "Population: 1,200")]


@pytest.mark.parametrize(
    "rows",
    [
        ["Population*: 1,200", "* 2016 census", "- a dash opening a line", "Area: 96 km2"],
        ["1. Syldavia, Klow", "The *Guild* Academy and the _Learning Saturdays_.", "Population: 1,200"],
        ["# one hash opening a line", "Population: 1,200"],
    ],
    ids=["footnote-and-dash", "one-pair-of-marks", "one-heading"],
)
def test_plain_text_is_not_read_as_markdown(rows: list[str]) -> None:
    """Hard negatives: a plain text's asterisks, dashes and one hash stay as printed."""
    assert not is_markdown(rows)
    assert [line.text for line in lines_from_text("\n".join(rows)).lines] == rows


@pytest.mark.parametrize(
    ("row", "plain"),
    [
        ("### _Knowledge ceremony_ ", "Knowledge ceremony"),
        ("**_network._** ", "network."),
        ("1\\. The Guild Academy", "1. The Guild Academy"),
        ("See [the city's site](https://klow.example/learning) for more.", "See the city's site for more."),
        ("![a photo](img/klow.png)", ""),
        ("**City population City/urban area Annual GDP** <mark>355,573 (2014) 2,075 km2 US$2,300</mark>",
         "City population City/urban area Annual GDP 355,573 (2014) 2,075 km2 US$2,300"),
        ("Learning &amp; work", "Learning & work"),
        ("-----", ""),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),  # no emphasis inside words
    ],
)
def test_marks_taken_off(row: str, plain: str) -> None:
    assert plain_rows(["# a", "# b", row])[2][1] == plain


def test_a_quote_in_italics_and_its_speaker_in_bold_are_two_lines() -> None:
    rows = ["# a", "# b", "_'We learn.'_ **Ann Ek, Mayor of Alpha**", "**Bold** and plain **bold**"]
    assert [text for _, text in plain_rows(rows)][2:] == ["'We learn.'", "Ann Ek, Mayor of Alpha",
                                                          "Bold and plain bold"]


def test_a_quote_given_as_a_list_item_is_the_quote() -> None:
    """pymupdf4llm gives an indented quote in italics as a list's item ("- _'We learn.'_"),
    its speaker in bold after it on the row or on the next: the quote is the city's
    quote, not a fourth item. Hard negative: an item that is a quoted name alone, no stop
    inside its marks ("- _'Evening Club'_"), stays an item."""
    def city(k: int, country: str, name: str, quote_row: str) -> str:
        return (f"## **{k}. {country}, {name}**\n\n**Population:** 88,150\n\n"
                f"{name} lies where two valleys meet. Its initiatives include:\n\n"
                f"- Evening courses carried by bus to the hamlets around {name}.\n"
                f"- Workshops where retired joiners of {name} teach young people.\n"
                f"- A book fair set up every autumn in the old mills of {name}.\n\n{quote_row}\n\n"
                f"Evening class in the old mills of {name}\n\n")
    rows = ["- _‘Two valleys, one town: here everyone learns.’_ **Ann Ek, Mayor of Klow**",
            "- _‘Learning is for all of us, in every street,’_\n\n**Jan Orlo, Mayor of Szohod**"]
    booklet = parse_text("# **Learning Towns Prize 2031**\n\n" + city(1, "Syldavia", "Klow", rows[0])
                         + city(2, "Borduria", "Szohod", rows[1]))
    assert [len(c.initiatives) for c in booklet.cities] == [3, 3]
    assert [(c.quote.text, c.quote.speaker) for c in booklet.cities if c.quote] == [
        ("Two valleys, one town: here everyone learns.", "Ann Ek"),
        ("Learning is for all of us, in every street,", "Jan Orlo")]
    assert [text for _, text in plain_rows(["# a", "# b", "- _‘Evening Club’_"])][2:] == ["• ‘Evening Club’"]


def test_a_highlighted_box_run_into_the_intro_and_numbers_after_bullets() -> None:
    """pymupdf4llm runs a box's bold labels, its figures highlighted (`<mark>`) and the
    paragraph set under the box into one row, and gives numbered items nested under a
    bullet ("   - (2) ..."): the intro is the paragraph alone, the stats are read, and
    each item's text is its own, without its number. Hard negative: a highlighted run
    with nothing after it, and a bullet before a word, stay as they were."""
    def city(k: int, country: str, name: str) -> str:
        return (f"## **{k}. {country}, {name}**\n\n**City population City/urban area** <mark>88,150 (2029) 41.2 km2</mark> "
                f"{name} lies where two valleys meet.\n\n- (1) Evening courses carried by bus around {name}.\n\n"
                f"   - (2) Workshops where retired joiners of {name} teach young people.\n\n"
                f"   - (3) A book fair set up every autumn in the old mills of {name}.\n\n"
                f"_‘Two valleys, one town.’_ **Ann Ek, Mayor of {name}**\n\n")
    booklet = parse_text("# **Learning Towns Prize 2031**\n\n" + city(1, "Syldavia", "Klow") + city(2, "Borduria", "Szohod"))
    for got, name in zip(booklet.cities, ("Klow", "Szohod"), strict=True):
        assert got.intro == f"{name} lies where two valleys meet."
        assert got.stats.population is not None and got.stats.population.value == 88150
        assert got.stats.area_km2 is not None and got.stats.area_km2.value == 41.2
        assert [i.text.split()[0] for i in got.initiatives] == ["Evening", "Workshops", "A"]
    assert [text for _, text in plain_rows(["# a", "# b", "<mark>88,150 41.2 km2</mark>", "- The list"])][2:] == [
        "88,150 41.2 km2", "• The list"]


def test_a_form_feed_in_markdown_stays_a_page_break() -> None:
    doc = lines_from_text("# A\n\n# B\n\n**Population:** 1,200\f\n**Area:** 96 km2\n")
    assert [(line.text, line.page) for line in doc.lines][-2:] == [("Population: 1,200", 1), ("Area: 96 km2", 2)]


_CITY_ALONE = """# **Learning Cities Award 2031**

The award honours cities that open learning to all their people. The laureates are:

Syldavia, Klow New Borduria, Szohod Nova

# **Klow**

**410,000 (2029)** City population **96 km²** City/urban area **US$21,300** Annual GDP

Klow is an old trading town where the university and the guilds work together. Its initiatives include:

1. The Guild Academy, where master craftsmen train young people.

2. Learning Saturdays, when the university opens its halls to everyone.

_"In Klow, knowledge passes from hand to hand."_ **Ann Ek, Mayor of Klow**

# **Szohod Nova**

**Country:** New Borduria **City population:** 88,500 **City/urban area:** 57 km²

Szohod Nova is a small port where the whole town is a classroom. Its initiatives include:

1. The Harbour School, where fishers share what they know of the sea.

2. Study circles for older residents in cafés and halls.

_"Szohod Nova never stops learning."_ **Bo Ek, Mayor of Szohod Nova**
"""


def test_headings_naming_the_city_alone_under_a_list_run_into_one_line() -> None:
    """The list run into one line is parted by the cities the booklet prints alone; a box
    an extractor joined into one row (bold figures over their labels, or bold labels) is
    parted where each bold run opens an entry."""
    booklet = parse_text(_CITY_ALONE)
    assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == [("Syldavia", "Klow"),
                                                                          ("New Borduria", "Szohod Nova")]
    klow, szohod = booklet.cities
    assert (klow.country, klow.city, szohod.country, szohod.city) == ("Syldavia", "Klow", "New Borduria", "Szohod Nova")
    assert [klow.stats.population.value, klow.stats.area_km2.value, klow.stats.gdp_usd.value] == [410000, 96, 21300]
    assert [szohod.stats.population.value, szohod.stats.area_km2.value] == [88500, 57]
    assert klow.quote is not None and klow.quote.speaker == "Ann Ek"


def _labelled_city(name: str, country: str, population: str) -> str:
    """A city under a heading in capitals naming it alone, its box one row of bold labels
    with no colon, each before its plain value."""
    return (f"## **{name.upper()}**\n\n{name} is a town where the guilds and the schools work together. "
            "Its initiatives include:\n\n- The Lamp School, where old weavers teach their craft.\n\n"
            f"- Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n"
            f"**Country** {country} **City population** {population} (2029) **City/urban area** 96 km² "
            f"**Annual GDP** US$21,300\n\n_‘In {name}, every street is a classroom.’_\n\n"
            f"### **Ann Ek, Mayor of {name}**\n\n")


def test_a_box_of_bold_labels_without_colons_and_a_list_whose_first_entry_stands_apart() -> None:
    """Two things an extractor for language models does to such a booklet: it joins the
    box into one row where only the bold shows where a label ends (each label then goes
    over its value, as the box set them), and it gives the front matter's list as its
    first entry on a line and the others run together. The first entry is the list's, not
    a heading, and each city is named as the list prints it."""
    text = ("# **Learning Towns Prize 2031**\n\nThe prize honours towns where people of every age "
            "study together. The laureates are:\n\nSyldavia, Klow\n\nNew Borduria, Szohod Nova Ruritania, Strelsau\n\n"
            + _labelled_city("Klow", "Syldavia", "410,000") + _labelled_city("Szohod Nova", "New Borduria", "88,500")
            + _labelled_city("Strelsau", "Ruritania", "1,200,000"))
    booklet = parse_text(text)
    places = [("Syldavia", "Klow"), ("New Borduria", "Szohod Nova"), ("Ruritania", "Strelsau")]
    assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == places
    assert [(c.country, c.city) for c in booklet.cities] == places
    for city, population in zip(booklet.cities, [410000, 88500, 1200000], strict=True):
        assert city.stats.population is not None and city.stats.population.value == population
        assert city.stats.gdp_usd is not None and city.stats.gdp_usd.value == 21300
        assert city.quote is not None and city.quote.speaker == "Ann Ek"
    # Hard negative: prose with words in bold and figures stays one line (a part is long).
    prose = "**Klow** has 3 schools, and **Strelsau** has 12 schools and reading rooms in every district."
    assert plain_rows([prose]) == [(1, "Klow has 3 schools, and Strelsau has 12 schools and reading rooms in every district.")]


def _bracketed_city(n: int, name: str, country: str, heading: str) -> str:
    """A city under a numbered heading (`heading`: its names as printed), its quote printed
    in italics without quotation marks on one row with its speaker in bold."""
    return (f"# **{n}. {heading}**\n\n**City population:** 88,500 **City/urban area:** 57 km²\n\n"
            f"{name} is a town of {country} where the guilds and the schools work together. "
            f"Its initiatives include:\n\n- The Lamp School, where the old weavers of {name} teach their craft.\n\n"
            f"- Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n"
            f"_Every street of {name} is a classroom, and every neighbour a teacher._ **Ann Ek, Mayor of {name}**\n\n")


def test_a_list_of_bracketed_entries_run_together_and_headings_in_capitals_without_a_mark() -> None:
    """Three things Markdown for language models does to a booklet its other texts read
    well: it runs the front list's "City (Country)" entries into one line (each entry
    ends on its bracket; one is a city with no section of its own), under headings that
    name the city alone; it gives a heading's two lines as one with no mark between the
    names ("1. KLOW SYLDAVIA", the list's "Klow, Syldavia"); and it gives an unmarked
    quote in italics and its speaker in bold as one row, parted into two lines with one
    line number. Each city keeps its country, and its quote, read before the speaker on
    that row."""
    def front(entries: str) -> str:
        return ("# **Learning Towns Prize**\n\nThe prize honours towns where people of every age study together. "
                f"The laureates are:\n\n{entries}\n\n")

    run = front("Klow (Syldavia) Dawa (Khemed) Szohod Nova (New Borduria)")
    apart = front("Klow, Syldavia\n\nDawa, Khemed\n\nSzohod Nova, New Borduria")
    for head, alone in ((run, True), (apart, False)):
        def heading(name: str, country: str, alone: bool = alone) -> str:
            return name if alone else f"{name.upper()} {country.upper()}"
        text = head + _bracketed_city(1, "Klow", "Syldavia", heading("Klow", "Syldavia")) \
            + _bracketed_city(2, "Szohod Nova", "New Borduria", heading("Szohod Nova", "New Borduria"))
        booklet = parse_text(text)
        assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == [
            ("Syldavia", "Klow"), ("Khemed", "Dawa"), ("New Borduria", "Szohod Nova")], alone
        assert [(c.country, c.city) for c in booklet.cities] == [("Syldavia", "Klow"), ("New Borduria", "Szohod Nova")]
        for city in booklet.cities:
            assert city.quote is not None and city.quote.text.startswith(f"Every street of {city.city} is"), city.city
            assert city.quote.speaker == "Ann Ek" and len(city.initiatives) == 2
    # Hard negatives: a heading whose names the list does not hold is no heading; a line
    # that names places in brackets amid other words is no list.
    assert parse_text(apart + _bracketed_city(1, "Klow", "Syldavia", "KLOW MARKETS")).cities == []
    prose = front("Klow (Syldavia) and Dawa (Khemed) met Szohod Nova (New Borduria)")
    assert parse_text(prose + _bracketed_city(1, "Klow", "Syldavia", "Klow")).booklet.listed_cities == []


def test_a_bracketed_list_run_together_but_its_last_entry_under_headings_that_print_places() -> None:
    """The list's entries run into one line but for the last, on a line of its own, and
    headings that print each place ("1. Klow, Syldavia", before the booklet knows which
    name is the city): the run is read by the places the headings print, and the last
    entry beside it is the list's too. Hard negative: a line of one bracketed name with
    no entry beside it stays out of the list ("Software (OPS)" in a document's terms)."""
    def front(entries: str) -> str:
        return ("# **Learning Towns Prize**\n\nThe prize honours towns where people of every age study together. "
                f"The laureates are:\n\n{entries}\n\nWe thank the juries of every town.\n\n")
    cities = _bracketed_city(1, "Klow", "Syldavia", "Klow, Syldavia") \
        + _bracketed_city(2, "Szohod Nova", "New Borduria", "Szohod Nova, New Borduria") \
        + _bracketed_city(3, "Dawa", "Khemed", "Dawa, Khemed")
    booklet = parse_text(front("Klow (Syldavia) Szohod Nova (New Borduria)\n\nDawa (Khemed)") + cities)
    places = [("Syldavia", "Klow"), ("New Borduria", "Szohod Nova"), ("Khemed", "Dawa")]
    assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == places
    assert [(c.country, c.city) for c in booklet.cities] == places
    lone = parse_text(front("Our work is shared under one licence.\n\nSoftware (OPS)") + cities)
    assert lone.booklet.listed_cities == []


def test_a_box_that_names_the_city_run_into_one_row_under_a_bare_number() -> None:
    """Headings that print only a number, the box under each naming the city and its
    country ("City: Klow" / "Country: Syldavia" over the stats), which Markdown gives as
    one row: each label opens an entry, so the box names the city and its stats are
    read. Hard negative: a row that names no place first stays one line."""
    def city(n: int, name: str, country: str, population: str) -> str:
        return (f"## **{n}.**\n\nCity: {name.upper()} Country: {country.upper()} City population: {population} "
                f"City/urban area: 57 km²\n\n{name} is a town of learners on the river. Its initiatives include:\n\n"
                f"- Reading clubs in every district of {name}.\n\n- Evening classes for the workers of {name}.\n\n"
                f"_‘{name} learns together.’_\n\n#### **Ann Ek, Mayor**\n\n")
    text = ("# **LEARNING TOWNS PRIZE**\n\n### **Introduction**\n\nThree towns of the north are honoured this year "
            "for bringing learning to every resident.\n\n" + city(1, "Klow", "Syldavia", "410,000")
            + city(2, "Szohod", "United Federation of Borduria and the Northern Isles", "88,500")
            + city(3, "Strelsau", "Ruritania", "1,200,000"))
    booklet = parse_text(text)
    assert [(c.number, c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [
        (1, "syldavia", "klow"), (2, "united federation of borduria and the northern isles", "szohod"),
        (3, "ruritania", "strelsau")]
    for got, population in zip(booklet.cities, [410000, 88500, 1200000], strict=True):
        assert got.stats.population is not None and got.stats.population.value == population
        assert got.stats.area_km2 is not None and got.stats.area_km2.value == 57
        assert len(got.initiatives) == 2 and got.quote is not None
    prose = "Country: Borduria, where the city of Szohod lies on the coast (City population: 88,500)."
    assert [line.text for line in lines_from_text(f"# a\n\n# b\n\n{prose}\n").lines][2:] == [prose]


def _joined_city(heading: str, name: str, country: str) -> str:
    """A city under a heading whose two lines Markdown gave as one (`heading`), no mark
    between its names ("RURITANIA STRELSAU")."""
    return (f"# **{heading}**\n\nCity population: 88,500 (2029) City/urban area: 57 km²\n\n"
            f"{name} is a town of {country} where the schools and the guilds work together. "
            f"Its initiatives include:\n\n- Reading clubs in every district of {name}.\n\n"
            f"- Evening classes for the workers of {name}.\n\n_‘{name} learns together.’_\n\n"
            f"#### **Ann Ek, Mayor of {name}**\n\n")


_JOINED_PLACES = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("New Borduria", "Szohod Nova")]


def _joined_booklet(entries: str, numbered: bool) -> str:
    head = ("# **Learning Towns Prize**\n\nThe prize honours towns where people of every age study together. "
            f"The laureates are:\n\n{entries}\n\nWe thank the juries of every town.\n\n")
    return head + "".join(
        _joined_city(f"{n}. " * numbered + f"{country.upper()} {city.upper()}", city, country)
        for n, (country, city) in enumerate(_JOINED_PLACES, 1))


def test_unnumbered_headings_printing_two_names_as_one_line_under_a_list_of_entries() -> None:
    """Headings with no number, each "COUNTRY" over "CITY" given as one line with nothing
    between the names: a pair the front matter's list holds is a heading, named as the list
    prints it (the list says where one name ends). Hard negative: a line of two names the
    list does not pair stays no heading."""
    entries = "\n\n".join(f"- {country}, {city}" for country, city in _JOINED_PLACES)
    booklet = parse_text(_joined_booklet(entries, numbered=False))
    assert [(c.country, c.city) for c in booklet.cities] == _JOINED_PLACES
    for city in booklet.cities:
        assert len(city.initiatives) == 2 and city.quote is not None and city.quote.role == f"Mayor of {city.city}"
    unpaired = _joined_booklet(entries, numbered=False).replace("# **SYLDAVIA KLOW**", "# **BORDURIA KLOW**")
    assert [c.city for c in parse_text(unpaired).cities] == ["Strelsau", "Szohod Nova"]


@pytest.mark.parametrize("entries", [
    "Ruritania, Strelsau Syldavia, Klow New Borduria, Szohod Nova",
    "Strelsau (Ruritania) Klow (Syldavia) Szohod Nova (New Borduria)",
])
def test_a_list_run_into_one_line_under_numbered_headings_printing_two_names_as_one(entries: str) -> None:
    """The front matter's list run into one line, under numbered headings that print their
    two names as one line ("1. RURITANIA STRELSAU"): the entries are parted by the pairs
    the headings print (either name first), so the list is read, and the headings by it.
    Hard negative: a run whose pairs no heading prints is no list."""
    booklet = parse_text(_joined_booklet(entries, numbered=True))
    assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == _JOINED_PLACES
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [
        (n, country, city) for n, (country, city) in enumerate(_JOINED_PLACES, 1)]
    other = entries.replace("Syldavia", "Khemed").replace("Ruritania", "Zenda")
    assert parse_text(_joined_booklet(other, numbered=True)).booklet.listed_cities == []


def test_a_list_run_into_one_line_under_headings_with_a_bar_between_their_names() -> None:
    """The front matter's list run into one line ("Ruritania, Strelsau Syldavia, Klow ..."),
    under unnumbered headings that set a bar between their two names ("Syldavia | Klow"):
    the bar parts a heading's names as a colon does, so the pairs part the list and the
    headings are read by it. Hard negative: a run whose pairs no heading prints is no list."""
    entries = "Ruritania, Strelsau Syldavia, Klow New Borduria, Szohod Nova"
    def booklet(listed: str) -> str:
        head = ("# **Learning Towns Prize**\n\nThe prize honours towns where people of every age study together. "
                f"The laureates are:\n\n{listed}\n\nWe thank the juries of every town.\n\n")
        return head + "".join(_joined_city(f"{country} | {city}", city, country) for country, city in _JOINED_PLACES)
    read = parse_text(booklet(entries))
    assert [(c.country, c.city) for c in read.booklet.listed_cities] == _JOINED_PLACES
    assert [(c.country, c.city) for c in read.cities] == _JOINED_PLACES
    other = entries.replace("Syldavia", "Khemed").replace("Ruritania", "Zenda")
    assert parse_text(booklet(other)).booklet.listed_cities == []


def _numbered_front(places: list[tuple[str, str]]) -> str:
    """A prize's front matter in Markdown: its title, a sentence and its numbered list of
    places ("1. Syldavia, Klow")."""
    return ("# **Learning Towns Prize 2031**\n\nThe prize honours towns where people of every age "
            "study together. The laureates are:\n\n"
            + "".join(f"{n}. {country}, {name}\n\n" for n, (country, name) in enumerate(places, 1)))


_THREE = [("Syldavia", "Klow"), ("Ruritania", "Strelsau"), ("Borduria", "Szohod")]


def _figures_city(n: int, name: str, country: str, population: str) -> str:
    """A city under a numbered heading in capitals naming it alone, its box one row where
    each bold name or figure stands before its plain label, as a box that sets figures
    over labels gives it when an extractor joins its lines."""
    return (f"# **{n}. {name.upper()}**\n\n**{country}** Country **{population} (2029)** City population "
            f"**96 km² (2028)** City/urban area **US$21,300** Annual GDP\n\n"
            f"{name} is a town where the guilds and the schools of {country} work together. Its initiatives include:\n\n"
            f"(a) The Lamp School, where the old weavers of {name} teach their craft.\n\n"
            f"(b) Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n"
            f"_‘In {name}, every street is a classroom.’_\n\n### **Ann Ek, Mayor of {name}**\n\n")


def test_a_box_of_bold_figures_each_before_its_plain_label() -> None:
    """A box setting each figure over its label, joined into one row: the bold runs are
    the figures (and the country's name), each plain part after one its label. Each goes
    on a line of its own, as the box set them, and the stats are read."""
    text = (_numbered_front(_THREE) + _figures_city(1, "Klow", "Syldavia", "410,000")
            + _figures_city(2, "Strelsau", "Ruritania", "88,500") + _figures_city(3, "Szohod", "Borduria", "1,200,000"))
    booklet = parse_text(text)
    assert [(c.country, c.city) for c in booklet.cities] == _THREE
    for city, population in zip(booklet.cities, [410000, 88500, 1200000], strict=True):
        assert city.stats.population is not None and city.stats.population.value == population
        assert city.stats.population.year == 2029
        assert city.stats.area_km2 is not None and city.stats.area_km2.value == 96
        assert city.stats.gdp_usd is not None and city.stats.gdp_usd.value == 21300
        assert [item.text for item in city.initiatives] == [
            f"The Lamp School, where the old weavers of {city.city} teach their craft.",
            f"Open Sundays, when the schools of {city.city} lend their rooms to everyone."]
    row = "**Syldavia** Country **410,000 (2029)** City population **96 km²** City/urban area"
    assert [text for _, text in plain_rows([row])] == [
        "Syldavia", "Country", "410,000 (2029)", "City population", "96 km²", "City/urban area"]


def test_prose_with_bold_names_and_figures_stays_one_line() -> None:
    """Hard negative: prose whose bold runs are names and figures goes on in small letters
    after each: it is no box, and stays one line."""
    prose = "**Klow** has **1,200** learners and **45** study centres"
    assert plain_rows([prose]) == [(1, "Klow has 1,200 learners and 45 study centres")]


def test_a_box_of_figures_over_labels_joined_two_lines_a_row() -> None:
    """A box setting each figure over its label, its lines joined two by two: each row
    holds one figure's label and the next figure in bold ("City population **96 km²**"),
    the last label alone. Each row gives the label and the figure as lines apart, and the
    figures go to the right stats."""
    def city(n: int, name: str, country: str, population: str) -> str:
        box = (f"### **{population} (2029)**\n\nCity population **96 km²**\n\n"
               "City/urban area **US$21,300 (2028)**\n\nAnnual GDP\n\n")
        return _figures_city(n, name, country, population).replace(
            f"**{country}** Country **{population} (2029)** City population "
            "**96 km² (2028)** City/urban area **US$21,300** Annual GDP\n\n", box)
    text = (_numbered_front(_THREE) + city(1, "Klow", "Syldavia", "410,000") + city(2, "Strelsau", "Ruritania", "88,500")
            + city(3, "Szohod", "Borduria", "1,200,000"))
    assert "City population **96 km²**" in text
    booklet = parse_text(text)
    for town, population in zip(booklet.cities, [410000, 88500, 1200000], strict=True):
        assert town.stats.population is not None and town.stats.population.value == population
        assert town.stats.area_km2 is not None and town.stats.area_km2.value == 96
        assert town.stats.gdp_usd is not None and (town.stats.gdp_usd.value, town.stats.gdp_usd.year) == (21300, 2028)


def test_prose_ending_on_a_bold_figure_stays_one_line() -> None:
    """Hard negative: a row of prose that ends on a bold figure, a paragraph under it, is
    no label before a figure: it stays one line."""
    rows = ["The town has **1,200**", "", "And the number of its learners grows each year, as its plan foresaw."]
    assert [text for _, text in plain_rows(rows)] == ["The town has 1,200", "", rows[2]]


def _dashed_city(n: int, name: str, country: str, closing: str) -> str:
    """A city whose closing is `closing`: Markdown of its quote and attribution."""
    return (f"# **{n}. {country}, {name}**\n\n**City population:** 88,500\n\n"
            f"{name} is a town where the guilds and the schools work together. Its initiatives include:\n\n"
            f"1) The Lamp School, where the old weavers of {name} teach their craft.\n\n"
            f"2) Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n" + closing)


@pytest.mark.parametrize("closing", [
    "_‘In {name}, every street is a classroom.’_\n\n- **Ann Ek, Mayor of {name}**\n\n",
    "## _‘In {name}, every street is a classroom,’_ **Ann Ek, Mayor of {name}**\n\n",
])
def test_a_speaker_given_as_a_list_item_or_beside_the_quote_in_a_heading(closing: str) -> None:
    """Two closings pymupdf4llm gives: the dash a booklet sets before an attribution
    taken for a list's bullet under the quotation in italics ("- **Ann Ek, Mayor of
    Klow**"), and the quotation and its speaker in one heading row. Each city gets its
    quote and its speaker."""
    text = _numbered_front(_THREE) + "".join(_dashed_city(n, name, country, closing.format(name=name))
                                              for n, (country, name) in enumerate(_THREE, 1))
    booklet = parse_text(text)
    assert [(c.country, c.city) for c in booklet.cities] == _THREE
    for city in booklet.cities:
        assert city.quote is not None and city.quote.text.startswith(f"In {city.city}, every street")
        assert (city.quote.speaker, city.quote.role) == ("Ann Ek", f"Mayor of {city.city}")


def test_a_bold_list_entry_not_under_a_quotation_keeps_its_bullet() -> None:
    """Hard negative: a list's entry in bold under a paragraph (no quotation in italics
    above it) keeps its bullet: it is an entry, not a speaker."""
    rows = ["The laureates are:", "", "- **Syldavia, Klow**", "", "- **Ruritania, Strelsau**"]
    assert [text for _, text in plain_rows(rows)] == [
        "The laureates are:", "", "• Syldavia, Klow", "", "• Ruritania, Strelsau"]


def _names_box_city(n: int, name: str, country: str, population: str, *, heading_row: bool) -> str:
    """A city under a bare number, its box after the intro naming the city and its country,
    each bold name before its plain label, then the figures likewise: one row up to the
    population, or (`heading_row`) the two names as a heading's row whose last label is
    the next row."""
    names = (f"#### **{name}** City **{country}**\n\nCountry\n\n**{population} (2029)** City population"
             if heading_row else f"**{name}** City **{country}** Country **{population} (2029)** City population")
    return (f"### **{n}.**\n\n{name} is a town where the guilds and the schools work together. "
            f"Its initiatives include:\n\n{names}\n\n**96 km²** City/urban area **US$21,300** Annual GDP\n\n"
            f"- The Lamp School, where the old weavers of {name} teach their craft.\n\n"
            f"- Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n"
            f"_‘In {name}, every street is a classroom.’_\n\n**Ann Ek, Mayor of {name}**\n\n")


@pytest.mark.parametrize("heading_row", [False, True], ids=["one row", "names as a heading row"])
def test_a_box_of_bold_names_each_before_its_place_label(heading_row: bool) -> None:
    """A box setting the city's and the country's names over their labels ("Klow" over
    "City"), joined into rows: the bold names with no figure are parted from their labels
    as bold figures are, a heading's mark dropped, and the box names each city its number
    heads."""
    populations = ["410,000", "88,500", "1,200,000"]
    text = _numbered_front(_THREE) + "".join(
        _names_box_city(n, name, country, population, heading_row=heading_row)
        for n, ((country, name), population) in enumerate(zip(_THREE, populations, strict=True), 1))
    booklet = parse_text(text)
    assert [(c.country, c.city) for c in booklet.cities] == _THREE
    assert [c.stats.population.value if c.stats.population else None for c in booklet.cities] == [
        410000, 88500, 1200000]


def test_bold_names_before_a_heading_number_or_prose_stay_one_line() -> None:
    """Hard negatives: a bold number opens a heading ("**1.** Syldavia **Klow**"), and
    bold names joined by prose in small letters are no box: each row stays one line."""
    assert plain_rows(["**1.** Syldavia **Klow**"]) == [(1, "1. Syldavia Klow")]
    assert plain_rows(["**Klow** and **Szohod** Towns"]) == [(1, "Klow and Szohod Towns")]


def test_a_table_header_in_bold_run_into_its_row_of_values() -> None:
    """A table's bold row of labels and its plain row of values joined into one row
    ("**City Country City population** Klow Syldavia 410,000 (2029)"): the bold run is
    the header, the rest its values, and each city is read from its table."""
    populations = ["410,000", "88,500", "1,200,000"]
    text = _numbered_front(_THREE) + "".join(
        f"**City Country City population City/urban area** {name} {country} {population} (2029) 96 km²\n\n"
        f"{name} is a town where the guilds and the schools work together. Its initiatives include:\n\n"
        f"- The Lamp School, where the old weavers of {name} teach their craft.\n\n"
        f"- Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n"
        f"_‘In {name}, every street is a classroom.’_\n\n**Ann Ek, Mayor of {name}**\n\n"
        for (country, name), population in zip(_THREE, populations, strict=True))
    booklet = parse_text(text)
    assert [(c.country, c.city) for c in booklet.cities] == _THREE
    assert [c.stats.population.value if c.stats.population else None for c in booklet.cities] == [
        410000, 88500, 1200000]


@pytest.mark.parametrize("row", ["**Klow Town** has 1,200 learners in 12 halls.",
                                 "**Open Sundays** In 2029, Klow opened its halls",
                                 "**Klow** Syldavia 1,200"])
def test_a_bold_opening_before_prose_or_a_one_word_label_stays_one_line(row: str) -> None:
    """Hard negatives: prose after a bold opening (small letters, a sentence's end, a
    comma before a word) is no row of values, and one bold word is no table's header."""
    assert plain_rows([row]) == [(1, row.replace("**", ""))]


def test_a_stats_table_whose_cells_hold_line_breaks() -> None:
    """A header of bold labels over one row of values, its cells holding line breaks: two
    labels stacked in one cell over their two figures give a cell each; a value wrapped
    in its cell (a long country's name) is one value. Each stays under its label."""
    stacked = ["|**City population**|**City/urban area**<br>**Annual GDP**|", "|---|---|",
               "|410,000|96 km2<br>US$21,300|"]
    assert [text for _, text in plain_rows(stacked)] == [
        "City population | City/urban area | Annual GDP", "", "410,000 | 96 km2 | US$21,300"]
    wrapped = ["|**City**|**Country**|**City population**|", "|---|---|---|",
               "|Klow|United Federation of<br>Northern Syldavia|410,000|"]
    assert [text for _, text in plain_rows(wrapped)] == [
        "City | Country | City population", "", "Klow | United Federation of Northern Syldavia | 410,000"]


def test_a_stats_tables_figures_each_over_a_photos_caption_in_its_cell() -> None:
    """A stats table whose value cells each hold a figure and, after a line break, the
    caption of a photo set under the box ("412,000 (2029)<br>Learners at the Klow guild
    hall"): the figures are the stats, each caption the city's, not one value run
    into a caption. Hard negative: a cell whose first line is no figure (a long
    country's name wrapped) stays one value."""
    def city(n: int, country: str, name: str, population: str) -> str:
        return (f"## **{n}. {country}, {name}**\n\n{name} is a town where the guilds teach. Its initiatives "
                f"include:\n\n- The Lamp School, where the old weavers of {name} teach their craft.\n\n"
                f"- Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n"
                f"_‘In {name}, every street is a classroom.’_\n\n**Ann Ek, Mayor of {name}**\n\n"
                "|**City population**|**City/urban area**|**Annual GDP**|\n|---|---|---|\n"
                f"|{population} (2029)<br>Learners at the {name} guild hall|96 km2<br>A reading week in {name}"
                f"|US$21,300<br>OPENING OF THE {name.upper()} FAIR|\n\n")
    populations = ["410,000", "88,500", "1,200,000"]
    booklet = parse_text(_numbered_front(_THREE) + "".join(
        city(n, country, name, population)
        for n, ((country, name), population) in enumerate(zip(_THREE, populations, strict=True), 1)))
    assert [(c.stats.population.value, c.stats.population.year) if c.stats.population else None
            for c in booklet.cities] == [(410000, 2029), (88500, 2029), (1200000, 2029)]
    assert [c.stats.area_km2.value if c.stats.area_km2 else None for c in booklet.cities] == [96, 96, 96]
    assert [c.stats.gdp_usd.value if c.stats.gdp_usd else None for c in booklet.cities] == [21300] * 3
    assert [c.captions for c in booklet.cities] == [
        [f"Learners at the {name} guild hall", f"A reading week in {name}", f"OPENING OF THE {name.upper()} FAIR"]
        for _, name in _THREE]
    wrapped = ["|**City**|**Country**|**City population**|", "|---|---|---|",
               "|Klow|United Federation of<br>Northern Syldavia|410,000<br>(2029)|"]
    assert [text for _, text in plain_rows(wrapped)] == [
        "City | Country | City population", "", "Klow | United Federation of Northern Syldavia | 410,000 (2029)"]


def test_a_quote_in_italics_run_together_row_by_row_with_the_column_beside_it() -> None:
    """A quote set in italics in a column beside the body, which the extractor ran
    together with it row by row: beside a city's heading and intro ("_'In Strelsau,
    every_ **2. Ruritania, Strelsau** _street ...'_ Strelsau is ..."), and beside its
    stats box, the quote's opening line given as a row of its own above ("_'In Szohod
    we_" over "_all learn together,_ City population: 1,200,000 _young and old.'_ ...").
    The italic runs are the quote, the rest the other column, each in its own order.
    Hard negatives: prose naming titles in italics, or with words in italics and no
    quotation mark, stays one line."""
    def items(name: str) -> str:
        return (f"- The Lamp School, where the old weavers of {name} teach their craft.\n\n"
                f"- Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n")
    text = (_numbered_front(_THREE)
            + "## **1. Syldavia, Klow**\n\nKlow is a town where the guilds teach. Its initiatives include:\n\n"
            + items("Klow") + "_‘In Klow, we learn.’_\n\n**Ann Ek, Mayor of Klow**\n\nCity population: 410,000\n\n"
            + "_‘In Strelsau, every_ **2. Ruritania, Strelsau** _street is a classroom.’_ Strelsau is a town "
            "where the schools open at night. Its initiatives include:\n\n" + items("Strelsau")
            + "**Ann Ek, Mayor of Strelsau**\n\nCity population: 88,500\n\n"
            + "## **3. Borduria, Szohod**\n\nSzohod is a town of readers. Its initiatives include:\n\n" + items("Szohod")
            + "_‘In Szohod we_\n\n_all learn together,_ City population: 1,200,000 _young and old.’_ "
            "City/urban area: 96 km2\n\n**Ann Ek, Mayor of Szohod**\n\n")
    booklet = parse_text(text)
    assert [(c.country, c.city) for c in booklet.cities] == _THREE
    assert [c.quote.text if c.quote else None for c in booklet.cities] == [
        "In Klow, we learn.", "In Strelsau, every street is a classroom.", "In Szohod we all learn together, young and old."]
    assert booklet.cities[1].intro == "Strelsau is a town where the schools open at night. Its initiatives include:"
    assert [c.stats.population.value if c.stats.population else None for c in booklet.cities] == [410000, 88500, 1200000]
    assert booklet.cities[2].stats.area_km2 is not None and booklet.cities[2].stats.area_km2.value == 96
    for prose in ("The _‘Lamp’_ and the _‘Loom’_ schools teach in Klow.", "Klow has _two_ schools and _three_ halls."):
        assert plain_rows([prose]) == [(1, prose.replace("_", ""))]


def test_a_row_of_items_set_as_table_cells_is_read_cell_by_cell() -> None:
    """Items side by side that an extractor gave as one table row, each cell an item with
    its line breaks: read cell by cell, each item's lines together, an item after another."""
    row = ("|The Lamp School, where the old weavers<br>teach their craft.|Open Sundays, when the schools<br>"
           "lend their rooms to everyone.|")
    assert [text for _, text in plain_rows([row])] == [
        "The Lamp School, where the old weavers", "teach their craft.", "",
        "Open Sundays, when the schools", "lend their rooms to everyone."]


def test_table_rows_that_run_on_into_each_other_are_left_as_rows() -> None:
    """Hard negative: a table made of text columns, a row for each printed line, whose
    cells run on into the cells under them ("... weav-" over "ers teach ..."): read cell
    by cell, a row would take a column's lines out of order, so the rows are read as
    before, row by row."""
    rows = ["|The Lamp School, where the old weav-<br>ers of Klow|Open Sundays, when the|",
            "|teach their craft.|schools lend their rooms.|"]
    assert [text for _, text in plain_rows(rows)] == [
        "|The Lamp School, where the old weav-", "ers of Klow|Open Sundays, when the|",
        "teach their craft. | schools lend their rooms."]


def test_a_two_row_table_of_prose_is_no_stats_header() -> None:
    """Hard negative: a table of two rows whose first row is prose, not bold labels, is no
    header over values: its cells are read one by one, not joined into a row of values."""
    rows = ["|Klow is an old town<br>by the river.|Its schools work<br>with the guilds.|", "|---|---|",
            "|The Lamp School teaches.|Open Sundays<br>are for all.|"]
    assert [text for _, text in plain_rows(rows)] == [
        "Klow is an old town", "by the river.", "", "Its schools work", "with the guilds.", "",
        "The Lamp School teaches.", "", "Open Sundays", "are for all."]


def _two_heading_city(country: str, name: str, population: str) -> str:
    """A city under its country's and its own name as two Markdown headings, no number, its
    intro naming it only later, its stats after its items."""
    return (f"## **{country}**\n\n## **{name}**\n\nWith a port that has grown quickly, {name} has made learning "
            "part of its trade. Its initiatives include:\n\n"
            f"- The Lamp School, where the old weavers of {name} teach their craft.\n\n"
            f"- Open Sundays, when the schools of {name} lend their rooms to everyone.\n\n"
            f"**City population** {population}\n\n_‘In {name}, every street is a classroom.’_\n\n"
            f"**Ann Ek, Mayor of {name}**\n\n")


@pytest.mark.parametrize("ending", ["The towns are:", "Among them are the towns of"])
def test_a_list_run_on_after_the_sentence_that_leads_in_to_it(ending: str) -> None:
    """Markdown joined the introduction's last sentence and the list under it into one
    paragraph ("... The towns are: Syldavia, Klow New Borduria, Szohod Nova ..."): the
    paragraph stays the introduction, up to its colon, and the run is the list, parted
    by the names the headings print alone. Hard negative: where no colon leads in to the
    run, the paragraph is the introduction whole and no list is read from it."""
    places = [("Syldavia", "Klow"), ("New Borduria", "Szohod Nova"), ("Ruritania", "Strelsau")]
    run = " ".join(f"{country}, {city}" for country, city in places)
    text = (f"# **Learning Towns Prize 2031**\n\nThe prize honours towns where people of every age study "
            f"together. {ending} {run}\n\n"
            + "".join(_two_heading_city(country, city, f"{k}10,000") for k, (country, city) in enumerate(places, 1)))
    booklet = parse_text(text)
    if ending.endswith(":"):
        assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == places
        assert [(c.country, c.city) for c in booklet.cities] == places
        assert booklet.booklet.introduction is not None and booklet.booklet.introduction.endswith(ending)
        assert [c.stats.population.value if c.stats.population else None for c in booklet.cities] == [
            110000, 210000, 310000]
    else:
        assert booklet.booklet.listed_cities == []
        assert booklet.booklet.introduction is not None and f"{ending} {run}" in booklet.booklet.introduction


def test_a_row_of_years_under_a_stats_tables_figures_gives_each_figure_its_year() -> None:
    """A stats table whose narrow cells set each figure's year on a line of its own, given
    by the extractor as a row of years in brackets under the row of figures: each year is
    its figure's. Hard negative: a row under the figures that holds more than years stays
    a row of its own, and no year is taken from it."""
    def city(under: str) -> str:
        return ("## **1. Syldavia, Klow**\n\n|**City**|**City/urban**|**Annual**|\n|---|---|---|\n"
                f"|**population**|**area**|**GDP**|\n|412,000|96 km2|US$21,300|\n{under}\n\n"
                "Klow is a town of readers. Its initiatives include:\n\n- Evening classes in the old mills of Klow.\n"
                "- A reading week in Klow every spring.\n\n_‘In Klow everyone learns.’_\n\n**Ann Ek, Mayor of Klow**\n")
    (klow,) = parse_text(city("|(2020)|(2018)|(2019)|")).cities
    assert [(s.value, s.year) for s in (klow.stats.population, klow.stats.area_km2, klow.stats.gdp_usd) if s] == [
        (412000, 2020), (96, 2018), (21300, 2019)]
    (klow,) = parse_text(city("|(2020)|source: the town hall|(2019)|")).cities
    assert klow.stats.population is not None and klow.stats.population.year is None


def _town(name: str, marks: tuple[str, ...] = ("- ", "- ", "- ")) -> str:
    """A town's intro and its items, a Markdown paragraph each, the items marked by `marks`."""
    items = [f"Evening courses carried by bus to the hamlets around {name}.",
             f"Workshops where retired joiners of {name} teach.", f"A book fair set up every autumn in the old mills of {name}."]
    return (f"{name} lies where two valleys meet, and its plan links every school and library. Its initiatives"
            f" include: \n\n" + "".join(f"{mark}{item} \n\n" for mark, item in zip(marks, items, strict=True)))


@pytest.mark.parametrize("page_foot", [" \n\n{k} \n\n", " \n\n"])
def test_a_one_column_box_naming_the_country_over_its_label_heads_no_city(page_foot: str) -> None:
    """A stats box set as a one-column table, each figure over its label, the first the
    country ("|**Ruritania**|" / "|---|" / "|Country|"), over the numbered heading "1.
    Strelsau"; a caption in capitals ends each city, right over the next city's box. The
    table's rule is no text, the country over its label is no city named alone (the list
    names it, as a country), and the caption, which the list does not name, heads nothing."""
    places = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")]

    def city(k: int, country: str, name: str) -> str:
        return (f"|**{country}**|\n|---|\n|Country|\n|**205,10{k}**|\n|City population|\n|**71.{k} km²**|\n"
                f"|City/urban area|\n\n## **{k}. {name}** \n\n{_town(name)}Ann Ek, Mayor of {name} \n\n‘In {name}"
                f" everyone teaches and learns.’ \n\nEVENING CLASS AT THE {name.upper()} GUILD HALL" + page_foot.format(k=k))

    listed = " ".join(f"{c}, {t}" for c, t in places)
    text = (f"# **Learning Towns Prize 2031** \n\nSmall towns, too, can give everyone a chance to learn. The laureates"
            f" are: \n\n{listed} \n\n" + "".join(city(k, c, t) for k, (c, t) in enumerate(places, 1)))
    cities = parse_text(text).cities
    assert [(c.country, c.city) for c in cities] == places
    assert [len(c.initiatives) for c in cities] == [3, 3, 3]


def test_names_set_apart_over_a_stats_table_run_into_one_line_head_their_cities() -> None:
    """"## **Ruritania | Strelsau**" over a stats table whose two rows the dump ran into one
    line ("**City population City/urban area Annual GDP** 205,101 (2018) 71 km2 ..."), no
    list of places, sections of a few lines each: the labels run before their figures open
    the city's stats right under the names, so the names head the city."""
    places = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")]

    def city(k: int, country: str, name: str) -> str:
        return (f"## **{country} | {name}** \n\n**City population City/urban area Annual GDP** 205,10{k} (2018)"
                f" 7{k} km2 US$12,80{k} \n\n{_town(name, ('1 ', '2 ', '3 '))}### **Ann Ek, Mayor of {name}** \n\n_‘In"
                f" {name} everyone teaches and learns.’_ \n\nNight school in {name} \n\n")

    text = "# **Learning Towns Prize 2031** \n\nSmall towns, too, can give everyone a chance to learn. \n\n" + "".join(
        city(k, c, t) for k, (c, t) in enumerate(places, 1))
    cities = parse_text(text).cities
    assert [(c.country, c.city) for c in cities] == places
    assert [c.stats.population.value for c in cities if c.stats and c.stats.population] == [205101, 205102, 205103]


def test_a_list_run_on_with_one_place_no_heading_prints_alone_is_still_the_list() -> None:
    """The list of four places run on after its lead-in; the dump garbled the third city's
    heading into a quotation's line, so no line prints that place alone. The other three
    entries, printed as headings, leave exactly "Borduria, Szohod Nova" between them: one
    such entry is read with them, and the list and the introduction are the booklet's."""
    places = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod Nova"), ("Khemed", "Wadesdah")]

    def city(k: int, country: str, name: str) -> str:
        head = f"## **{k}. {country}, {name}** \n\n" if k != 3 else \
            f"> _‘In {name} we learn_ **{k}. {country}, {name}** _together.’_ \n\n"
        return head + f"{_town(name)}**Ann Ek, Mayor of {name}** \n\n_‘In {name} everyone teaches and learns.’_ \n\n"

    listed = " ".join(f"{c}, {t}" for c, t in places)
    text = (f"# **Learning Towns Prize 2031** \n\nSmall towns, too, can give everyone a chance to learn. The laureates"
            f" are: \n\n{listed} \n\n" + "".join(city(k, c, t) for k, (c, t) in enumerate(places, 1)))
    booklet = parse_text(text).booklet
    assert [(c.country, c.city) for c in booklet.listed_cities] == places
    assert booklet.introduction == "Small towns, too, can give everyone a chance to learn. The laureates are:"


def test_an_items_wrapped_lines_each_given_a_bullet_of_their_own_are_one_item() -> None:
    """pymupdf4llm makes every line of an item set with a hanging indent a list's item of
    its own ("- ... and retired volun-", "- teers learn ..."): a bulleted line opening on a
    small letter under one that runs on (a hyphen, a small letter, a comma) is the item's
    next line. Hard negatives: an item's printed letter ("- b) The Dawa ...") opens an
    item; a list whose entries all open small keeps them apart; rows holding two columns'
    lines run together (a sentence's end before a small letter) are not joined."""
    items = ("- The Lamp School, where unemployed adults and retired volun- \n\n"
             "- teers learn weaving together. \n\n"
             "   - The Dawa fund, which finances small projects proposed by farmers, \n\n"
             "   - from digital skills to urban \n\n   - gardening. \n\n"
             "- Open Sundays, when the schools lend their rooms to everyone.\n\n")
    text = _BOOKLET.replace(
        "- The Guild Academy, where master craftsmen train young people.\n"
        "- Learning Saturdays, when the university opens its halls to everyone.\n"
        "- A mobile library that visits the mountain villages every week.\n", items)
    klow = parse_text(text).cities[0]
    assert [item.text for item in klow.initiatives] == [
        "The Lamp School, where unemployed adults and retired volunteers learn weaving together.",
        "The Dawa fund, which finances small projects proposed by farmers, from digital skills to urban gardening.",
        "Open Sundays, when the schools lend their rooms to everyone."]
    lettered = plain_rows(["- a) The Lamp School, where the weavers of", "- b) The Dawa fund, which finances"])
    assert [text for _, text in lettered] == ["• a) The Lamp School, where the weavers of", "• b) The Dawa fund, which finances"]
    scrambled = plain_rows(["- The Lamp School, where the weavers districts. of", "- teach their craft to"])
    assert [text for _, text in scrambled] == ["• The Lamp School, where the weavers districts. of", "• teach their craft to"]
    fragments = plain_rows(["Its themes:", "", "- adult education and", "", "- family learning,", "", "- reading clubs"])
    assert [text for _, text in fragments if text] == [
        "Its themes:", "• adult education and", "• family learning,", "• reading clubs"]


def test_a_stats_box_run_on_after_the_items_sentence_end_is_read_as_the_box() -> None:
    """An extractor joined the last item's text to the stats box set under it ("...
    everyone. **City** **<u>population</u> City/urban area Annual GDP** 410,000 (2029)
    ..."): the box after the sentence's end is its own line, and its figures are read.
    Hard negative: prose with a bold name and figures after a sentence's end stays prose."""
    def city(tail: str) -> str:
        return ("# Learning Towns Prize 2031\n\nThe prize honours towns where people of every age study together.\n\n"
                "## **1. Syldavia, Klow**\n\nKlow is an old trading town where the guilds work together. "
                "Its initiatives include:\n\n- The Lamp School, where the old weavers teach their craft.\n\n"
                f"- Open Sundays, when the schools lend their rooms to everyone. {tail}\n\n"
                "_‘In Klow, every street is a classroom.’_\n\n### **Ann Ek, Mayor of Klow**\n\n")
    box = "**City** **<u>population</u> City/urban area Annual GDP** 410,000 (2029) 96 km² (2028) US$21,300 (2029)"
    klow = parse_text(city(box)).cities[0]
    assert (klow.stats.population.value, klow.stats.population.year) == (410000, 2029)
    assert (klow.stats.area_km2.value, klow.stats.gdp_usd.value) == (96, 21300)
    assert klow.initiatives[-1].text == "Open Sundays, when the schools lend their rooms to everyone."
    prose = "**Klow** had 1,200 learners in 2016. Now it has 1,500."
    assert plain_rows([f"Open Sundays for all. {prose}"]) == [(1, "Open Sundays for all. Klow had 1,200 learners in 2016. Now it has 1,500.")]


@pytest.mark.parametrize("under", ["Borduria, Szohod Nova \n\nRuritania, Strelsau \n\n",
                                   "Borduria, Szohod Nova Ruritania, Strelsau \n\n", "We thank every jury. \n\n"])
def test_the_lists_first_entry_run_on_after_its_lead_in_over_the_other_entries(under: str) -> None:
    """Markdown joined the introduction's last line and the list's first entry ("... The
    towns are: Syldavia, Klow"), the other entries each on a line of their own or run
    together on the next, and the headings name the town alone: the lead-in stays the introduction, the first entry is
    the list's, and every town gets its country from the list. Hard negative: with no
    entry under it, a colon before "Name, Name" is prose's, and no list is read."""
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod Nova"), ("Ruritania", "Strelsau")]
    text = ("# **Learning Towns Prize 2031** \n\nThe prize honours towns where people of every age study together. "
            f"The towns are: Syldavia, Klow \n\n{under}"
            + "".join(f"# **{city}** \n\n{_town(city)}_‘In {city} everyone teaches and learns.’_ \n\n"
                      f"**Ann Ek, Mayor of {city}** \n\n" for _, city in places))
    booklet = parse_text(text)
    if under.startswith("Borduria"):
        assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == places
        assert [(c.country, c.city) for c in booklet.cities] == places
        assert booklet.booklet.introduction is not None and booklet.booklet.introduction.endswith("The towns are:")
    else:
        assert booklet.booklet.listed_cities == []
        assert booklet.booklet.introduction is not None and "The towns are: Syldavia, Klow" in booklet.booklet.introduction


def test_a_signature_in_bold_run_on_after_the_forewords_last_sentence_signs_it() -> None:
    """Markdown joined the foreword's last line and its signature under it ("... part of
    everyday life. **Ann Ek, Director**"): the bold run after the sentence's end is the
    signatory's line, and the foreword ends on its sentence. Hard negative: a bold
    sentence after another ("Join us. **Learn every day.**") stays the paragraph's."""
    def booklet(ending: str) -> str:
        return ("# **Learning Towns Prize 2031** \n\n## **Foreword** \n\nThe prize honours towns where people of every "
                f"age study together. {ending} \n\nInstitute for Town Learning \n\n"
                + "".join(f"## **{k}. {country}, {city}** \n\n{_town(city)}_‘In {city} everyone teaches and learns.’_ "
                          f"\n\n**Bo Dawa, Mayor of {city}** \n\n"
                          for k, (country, city) in enumerate([("Syldavia", "Klow"), ("Borduria", "Szohod")], 1)))
    front = parse_text(booklet("We thank every jury. **Ann Ek, Director**")).booklet
    assert front.signatory is not None and (front.signatory.name, front.signatory.role) == ("Ann Ek", "Director")
    assert front.foreword is not None and front.foreword.endswith("We thank every jury.")
    kept = parse_text(booklet("We thank every jury. **Learn every day.**")).booklet
    assert kept.signatory is None
    assert (kept.foreword or kept.introduction or "").endswith("We thank every jury. Learn every day.")



def _plain_text(marked: str) -> str:
    """A row's text with its bold marks taken off, as one line."""
    return marked.replace("**", "")


def test_a_sidebar_box_run_together_with_the_intros_last_lines() -> None:
    """A stats box set in a sidebar, each label over its figure, run together row by row
    with the intro's last lines and the items after it ("... of the ed- **City
    population** ucation. Its initiatives include: 412,000 (2029) **City/urban area** 96
    km² (2028) **Annual GDP** US$21,300 • The Lamp School ..."): the box's figures are
    read, and the intro is whole. Hard negative: prose naming things in bold, each before
    a figure, stays prose."""
    row = ("Klow is an old trading town where the guilds and the schools share the work of the ed- **City "
           "population** ucation. Its initiatives include: 412,000 (2029) **City/urban area** 96 km² (2028) "
           "**Annual GDP** US$21,300 (2029) • The Lamp School, where the old weavers teach their craft.")
    text = ("# **Learning Towns Prize 2031** \n\nThe prize honours towns where people of every age study together. \n\n"
            f"## **1. Syldavia, Klow** \n\n{row} \n\n• Open Sundays, when the schools lend their rooms to everyone. \n\n"
            "_‘In Klow, every street is a classroom.’_ \n\n**Ann Ek, Mayor of Klow** \n\n"
            "## **2. Borduria, Szohod** \n\n" + _town("Szohod") + "_‘In Szohod everyone teaches and learns.’_ \n\n"
            "**Bo Dawa, Mayor of Szohod** \n\n")
    klow = parse_text(text).cities[0]
    stats = klow.stats
    assert (stats.population.value, stats.population.year) == (412000, 2029)
    assert (stats.area_km2.value, stats.gdp_usd.value) == (96, 21300)
    assert klow.intro == ("Klow is an old trading town where the guilds and the schools share the work of the "
                          "education. Its initiatives include:")
    assert klow.initiatives[0].text == "The Lamp School, where the old weavers teach their craft."
    prose = ("The **Guild Academy** has trained 1,200 weavers of the valley since 2016; the **Open Sundays** "
             "drew 3,400 visitors from the hills.")
    assert plain_rows([prose]) == [(1, _plain_text(prose))]


@pytest.mark.parametrize("marks", [("(1) ", "(2) ", "(3) "), ("01 ", "02 ", "03 "), ("a) ", "b) ", "c) ")])
def test_the_intros_lead_in_run_on_into_the_first_item(marks: tuple[str, str, str]) -> None:
    """Markdown joined the intro's last line and the first item under it ("... Its
    initiatives include: (1) Evening courses ..."): the intro ends at its colon and the
    item is the first of three. Hard negative: a capital after a colon opens no item."""
    intro, first, *others = _town("Klow", marks).split(" \n\n")
    text = ("# **Learning Towns Prize 2031** \n\nThe prize honours towns where people of every age study together. \n\n"
            f"## **1. Syldavia, Klow** \n\n{intro} {first} \n\n" + "".join(f"{other} \n\n" for other in others if other)
            + "_‘In Klow, every street is a classroom.’_ \n\n**Ann Ek, Mayor of Klow** \n\n"
            "## **2. Borduria, Szohod** \n\n" + _town("Szohod", marks) + "_‘In Szohod everyone teaches and learns.’_ \n\n"
            "**Bo Dawa, Mayor of Szohod** \n\n")
    klow = parse_text(text).cities[0]
    assert klow.intro == "Klow lies where two valleys meet, and its plan links every school and library. Its initiatives include:"
    assert [item.text for item in klow.initiatives] == [
        "Evening courses carried by bus to the hamlets around Klow.", "Workshops where retired joiners of Klow teach.",
        "A book fair set up every autumn in the old mills of Klow."]
    assert plain_rows(["Its motto says: Learn every day."]) == [(1, "Its motto says: Learn every day.")]


def test_a_stats_box_run_on_after_a_quotation_in_italics_is_read_as_the_box() -> None:
    """A quotation in italics, its speaker in bold beside it, and the stats box under them
    run into one row ("_'... path.'_ **City** **<u>population</u> Annual GDP** 412,000
    (2029) US$21,300"): the box after the quotation's end is its own line, so the
    speaker's role ends where it does and the box's figures are read. Hard negative: a
    name in bold after the quotation is the speaker's line beside it, joined to the rest."""
    row = ("**Ann Ek, Lord Mayor** _‘In Klow, every street_ **of Klow** _is a classroom.’_ "
           "**City** **<u>population</u> City/urban area Annual GDP** 412,000 (2029) 96 km² (2028) US$21,300 (2029)")
    text = ("# **Learning Towns Prize 2031** \n\nThe prize honours towns where people of every age study together. \n\n"
            f"## **1. Syldavia, Klow** \n\n{_town('Klow')}{row} \n\n"
            "## **2. Borduria, Szohod** \n\n" + _town("Szohod") + "_‘In Szohod everyone teaches and learns.’_ \n\n"
            "**Bo Dawa, Mayor of Szohod** \n\n")
    klow = parse_text(text).cities[0]
    assert klow.quote is not None and (klow.quote.speaker, klow.quote.role) == ("Ann Ek", "Lord Mayor of Klow")
    assert (klow.stats.population.value, klow.stats.area_km2.value, klow.stats.gdp_usd.value) == (412000, 96, 21300)
    beside = "**Ann Ek, Mayor of** _‘In Klow we learn.’_ **the City of Klow**"  # a name, not a box, after the quotation
    assert plain_rows([beside]) == [(1, "Ann Ek, Mayor of the City of Klow"), (1, "‘In Klow we learn.’")]


def test_a_bulleted_quotation_and_its_bulleted_speaker() -> None:
    """pymupdf4llm took an indented quotation and the speaker under it for a list's items
    ("- _'In Klow ...'_", "- **Ann Ek, Mayor of Klow**"): the speaker's bullet is the
    extractor's, so the attribution is read, and no caption holds the speaker."""
    text = ("# **Learning Towns Prize 2031** \n\nThe prize honours towns where people of every age study together. \n\n"
            + "".join(f"## **{k}. {country}, {city}** \n\n{_town(city)}- _‘In {city}, every street is a classroom.’_ \n\n"
                      f"- **Ann Ek, Mayor of {city}** \n\nWeavers at the {city} guild hall \n\n"
                      for k, (country, city) in enumerate([("Syldavia", "Klow"), ("Borduria", "Szohod")], 1)))
    for town in parse_text(text).cities:
        assert town.quote is not None and (town.quote.speaker, town.quote.role) == ("Ann Ek", f"Mayor of {town.city}")
        assert town.captions == [f"Weavers at the {town.city} guild hall"]


def test_a_list_run_together_over_its_last_entry_alone() -> None:
    """The front matter's list, its first entries run into one line and its last alone on
    the next ("Ruritania, Strelsau Syldavia, Klow" over "New Borduria, Szohod Nova"): the
    last entry is the list's (a listed run above it), not the first town's heading, so
    every town is read under its own heading, and the paragraph after the list is the
    front matter's."""
    entries = "Ruritania, Strelsau Syldavia, Klow\n\nNew Borduria, Szohod Nova"
    read = parse_text(_joined_booklet(entries, numbered=True))
    assert [(c.country, c.city) for c in read.booklet.listed_cities] == _JOINED_PLACES
    assert [(c.number, c.country, c.city) for c in read.cities] == [
        (n, country, city) for n, (country, city) in enumerate(_JOINED_PLACES, 1)]
