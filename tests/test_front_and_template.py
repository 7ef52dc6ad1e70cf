"""Front matter and city templates of other booklets of the genre: a table of contents, a
bulleted or "City (Country)" list of the cities, a signature closing the list, country and
city on two lines with no number, a label every city prints. Invented places only."""

from __future__ import annotations

import pytest

from booklet_extract.line import Line, SourceDocument
from booklet_extract.models import Booklet
from booklet_extract.pipeline import build_booklet, parse_text

PLACES = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")]


def _city(country: str, city: str, heading: str, label: str = "") -> str:
    """One city's pages: heading, stats, intro, a label (or none), three items, a quote;
    only the label and the stats' labels are printed alike in every city."""
    return f"""{heading}

Population: 205,100
Area: 71.3 km²
GDP per capita: US$12,800

{city} lies where two valleys meet, and its plan links every school and library.

{label}
1) Evening courses carried by bus to the hamlets around {city}.
2) Workshops where retired joiners of {city} teach young people.
3) A book fair set up every autumn in the old mills of {city}.

"Two valleys, one town: here everyone teaches and learns, in {city}."
Ann Ek, Mayor of {city}

First evening of the book fair in {city}
"""


def _booklet(front: str, heading: str = "{country}, {city}", label: str = "") -> Booklet:
    cities = "\n".join(_city(c, t, heading.format(country=c, city=t), label) for c, t in PLACES)
    return parse_text(f"Learning Towns Prize 2031\n\n{front}\n\n{cities}")


FOREWORD = """Small towns, too, can give everyone a chance to learn. These pages tell how the
winners did it, in the words of their own people."""


def _listed(booklet: Booklet) -> list[tuple[str, str]]:
    return [(c.country, c.city) for c in booklet.booklet.listed_cities]


def _kinds(booklet: Booklet, kind: str) -> list[str]:
    return [f.printed or "" for f in booklet.flags if f.kind == kind]


@pytest.mark.parametrize(("entry", "heading", "lone"), [
    ("• {country}, {city}", "{country}, {city}", "The jury looked at:\n• Valves, Pumps\nand much else."),
    ("{city} ({country})", "{city} ({country})", "The jury used Open Planning Software (OPS)\n\nto score each town."),
])
def test_bulleted_or_city_first_list_is_read_but_a_lone_such_line_is_no_list(entry: str, heading: str, lone: str) -> None:
    """Entries bulleted ("• Ruritania, Strelsau") or printed "Strelsau (Ruritania)" make
    the list among others. Hard negative: alone, such a line is a term list's line or an
    acronym spelled out ("Software (OPS)")."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(entry.format(country=c, city=t) for c, t in PLACES)
    booklet = _booklet(front, heading=heading)
    assert _listed(booklet) == PLACES
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert _listed(_booklet(f"{FOREWORD}\n\n{lone}")) == []


@pytest.mark.parametrize("heading", ["{number}. {country}, {city}", "{city}, {country}"])
def test_list_run_into_one_line_is_read_by_the_headings(heading: str) -> None:
    """An extractor that joins a block's lines gives the list as one run ("Ruritania,
    Strelsau Syldavia, Klow Borduria, Szohod"): the headings' places settle its seams."""
    run = " ".join(f"{c}, {t}" for c, t in PLACES)
    cities = "\n".join(_city(c, t, heading.format(number=k, country=c, city=t)) for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\nThe winners are:\n\n{run}\n\n{cities}")
    assert _listed(booklet) == PLACES
    assert [(c.country, c.city) for c in booklet.cities] == PLACES


@pytest.mark.parametrize(
    "line",
    [
        "Ruritania, Strelsau and Syldavia, Klow shared the prize.",  # words between the places: prose
        "Ruritania, Strelsau Syldavia, Zenda",  # a place no heading names
    ],
)
def test_a_line_not_wholly_of_headed_places_is_no_list(line: str) -> None:
    cities = "\n".join(_city(c, t, f"{k}. {c}, {t}") for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{line}\n\n{cities}")
    assert _listed(booklet) == []


def test_table_of_contents_then_the_list_reads_each_city_once() -> None:
    """Three listed places in a row are a list, not three headings with nothing under
    them (the contents listed them first); each city is listed once."""
    contents = "Contents\nForeword .......... 2\nThe winning cities .......... 3\n" + "\n".join(
        f"{c}, {t} .......... {4 + 2 * k}" for k, (c, t) in enumerate(PLACES))
    front = f"{contents}\n\nForeword\n\n{FOREWORD}\n\nThe winning cities\n\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    booklet = _booklet(front)
    assert _listed(booklet) == PLACES
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert all(c.intro and len(c.initiatives) == 3 for c in booklet.cities)
    # The contents' other entries and the front's labels are furniture, not unread text.
    assert not [t for t in _kinds(booklet, "unassigned_text") if "Foreword" in t or "winning" in t]


def test_front_labels_of_other_templates_are_furniture() -> None:
    front = f"About this booklet\n\nMessage from the Chair of the Jury\n\n{FOREWORD}\n\nThis year's laureates\n\n" + "\n".join(
        f"{c}, {t}" for c, t in PLACES)
    booklet = _booklet(front)
    assert _kinds(booklet, "unassigned_text") == []


def test_signature_closing_the_list_is_read() -> None:
    """"Name" / "Role" right after the list's last entry signs the front matter, as it
    does after a paragraph."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"• {c}, {t}" for c, t in PLACES) + "\n\nIlse Varga\nDirector-General"
    booklet = _booklet(front)
    signatory = booklet.booklet.signatory
    assert signatory is not None and (signatory.name, signatory.role, signatory.organization) == (
        "Ilse Varga", "Director-General", None)
    assert all("Ilse Varga" not in caption for c in booklet.cities for caption in c.captions)


def test_signature_body_is_not_taken_across_a_page_number() -> None:
    """The next page's first line after a page number is no signature's body."""
    front = f"{FOREWORD}\n\nBo Ek\nChair of the Jury\n\n2\n\nPrize winners\n\n" + "\n".join(
        f"{c}, {t}" for c, t in PLACES)
    signatory = _booklet(front).booklet.signatory
    assert signatory is not None and (signatory.role, signatory.organization) == ("Chair of the Jury", None)
    # Hard negative: a body right under the role is the signature's.
    front = f"{FOREWORD}\n\nBo Ek\nChair of the Jury\nInstitute for Learning\n\n" + "\n".join(
        f"{c}, {t}" for c, t in PLACES)
    signatory = _booklet(front).booklet.signatory
    assert signatory is not None and signatory.organization == "Institute for Learning"


def test_country_and_city_on_two_lines_without_a_number_head_the_cities() -> None:
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    booklet = _booklet(front, heading="{country}\n{city}")
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert all(c.stats.population is not None and c.stats.population.value == 205100 and len(c.initiatives) == 3 for c in booklet.cities)


def test_country_in_capitals_over_the_city_heads_the_cities_without_a_list() -> None:
    """With no list to match, the stats opening under the two names say heading."""
    booklet = parse_text("Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{c.upper()}\n{t}") for c, t in PLACES))
    assert [(c.country.casefold(), c.city) for c in booklet.cities] == [(c.casefold(), t) for c, t in PLACES]


def test_two_name_lines_with_no_stats_under_and_no_list_are_no_heading() -> None:
    """Two names over each other with no list and no stats below: a speaker, a title,
    two captions; never a city's heading."""
    text = "Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{c}\n{t}").replace("Population: 205,100\nArea: 71.3 km²\nGDP per capita: US$12,800\n", "")
        for c, t in PLACES)
    assert parse_text(text).cities == []


def test_label_every_unnumbered_city_prints_is_no_duplicate() -> None:
    """"Highlights:" under every city is the template's, printed on purpose: no copy
    removed, no duplicate flag."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    booklet = _booklet(front, label="Highlights:")
    assert _kinds(booklet, "duplicate") == []


def test_line_printed_again_near_itself_stays_a_duplicate() -> None:
    """Hard negative: a caption printed three times close together (another caption's
    copies between) is a copy drawn again."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    text = "Learning Towns Prize 2031\n\n" + front + "\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}") for c, t in PLACES).replace(
        "First evening of the book fair in Klow\n",
        "First evening of the book fair in Klow\n\nTraders at a course\n\nFirst evening of the book fair in Klow\n"
        "\nTraders at a course\n\nFirst evening of the book fair in Klow\n")
    duplicates = _kinds(parse_text(text), "duplicate")
    assert sum(printed.count("First evening") for printed in duplicates) == 2


def test_numbered_list_of_cities_does_not_make_the_headings_numbered() -> None:
    """"1. Strelsau (Ruritania)", "2. ..." in a row are the front matter's list: the
    headings under it print no number and are read ("Strelsau" / "Ruritania", the city
    first, as the list says)."""
    front = FOREWORD + "\n\nLaureates\n\n" + "\n".join(f"{k}. {t} ({c})" for k, (c, t) in enumerate(PLACES, 1))
    booklet = _booklet(front, heading="{city}\n{country}")
    assert _listed(booklet) == PLACES
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [(k, c, t) for k, (c, t) in enumerate(PLACES, 1)]


def test_numbered_headings_under_a_numbered_list_stay_numbered() -> None:
    """Hard negative: headings printing their number, one per city, are numbered
    headings whatever the list above prints."""
    front = FOREWORD + "\n\nLaureates\n\n" + "\n".join(f"{k}. {c}, {t}" for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text("Learning Towns Prize 2031\n\n" + front + "\n\n" + "\n".join(
        _city(c, t, f"{k}. {c}, {t}") for k, (c, t) in enumerate(PLACES, 1)))
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [(k, c, t) for k, (c, t) in enumerate(PLACES, 1)]


def test_one_word_part_labels_are_no_text() -> None:
    """"Background" over the intro and "Initiatives" over the items label the city's
    parts: neither opens the intro nor is a caption."""
    text = "Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}", label="Initiatives").replace(f"\n{t} lies where", f"\nBackground\n{t} lies where")
        for c, t in PLACES)
    booklet = parse_text(text)
    assert [(c.intro or "").startswith(f"{t} lies where two valleys") for c, (_, t) in zip(booklet.cities, PLACES)] == [True] * 3
    assert not [caption for c in booklet.cities for caption in c.captions if caption in ("Initiatives", "Background")]


def test_signature_role_and_body_after_a_comma_over_a_label() -> None:
    """"Chair, International Jury" with the list's label under it: role and body from the
    line, the label no body."""
    front = f"{FOREWORD}\n\nBo Ek\nChair, International Jury\n\nLaureates\n\n" + "\n".join(
        f"{c}, {t}" for c, t in PLACES)
    signatory = _booklet(front).booklet.signatory
    assert signatory is not None and (signatory.role, signatory.organization) == ("Chair", "International Jury")


def test_wrapped_items_last_capitalised_word_stays_the_items() -> None:
    """Hard negative: a capitalised word alone over the next item, after a line that
    ends no sentence, is the wrapped item's last word, not a label."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    text = "Learning Towns Prize 2031\n\n" + front + "\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}").replace(f"hamlets around {t}.\n", "hamlets of the Learning\nInitiatives\n")
        for c, t in PLACES)
    booklet = parse_text(text)
    assert [c.initiatives[0].text for c in booklet.cities] == [
        "Evening courses carried by bus to the hamlets of the Learning Initiatives"] * 3


def test_lone_word_over_a_later_item_or_a_numbered_heading_is_kept() -> None:
    """Hard negatives: a capitalised word alone over the second item (a word an
    extractor moved out of it) or over a numbered heading (a signature's one-word body)
    is no label: the word stays in the output."""
    front = f"{FOREWORD}\n\nIlse Varga\nDirector\n\nInstitute\n"
    words = ["Riverside", "Harbour", "Uplands"]  # one a city: a word every city prints is a running head
    text = "Learning Towns Prize 2031\n\n" + front + "\n" + "\n".join(
        _city(c, t, f"{k}. {c}, {t}").replace("\n2) ", f"\n\n{word}\n\n2) ")
        for k, ((c, t), word) in enumerate(zip(PLACES, words), 1))
    output = parse_text(text).model_dump_json()
    assert all(word in output for word in words) and "Institute" in output


@pytest.mark.parametrize(("first", "second"), [("Photo", "Photo"), ("Photo 1", "Photo 2"), ("Fig. 1", "Fig. 2")])
def test_caption_after_a_photo_label_is_read_without_it(first: str, second: str) -> None:
    """"Photo: First evening ..." (or "Photo 1:", "Fig. 1:") is a caption after its label,
    not a credit; the label is no part of it. So is a name in title case with no plain
    caption over it."""
    text = "Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}").replace("\nFirst evening", f"\n{first}: First evening") + f"{second}: {t} Harbour Gate\n"
        for c, t in PLACES)
    booklet = parse_text(text)
    assert [c.captions for c in booklet.cities] == [
        [f"First evening of the book fair in {t}", f"{t} Harbour Gate"] for _, t in PLACES]


@pytest.mark.parametrize("label", ["Photo", "Photo 1"])
def test_credit_naming_someone_under_a_caption_is_no_caption(label: str) -> None:
    """Hard negative: "Photo: Ann Ek" right under a plain caption credits it."""
    credits = ["Ann Ek", "Bo Ek", "Jan Orlo"]
    text = "Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}") + f"{label}: {name}\n" for (c, t), name in zip(PLACES, credits))
    booklet = parse_text(text)
    assert [c.captions for c in booklet.cities] == [[f"First evening of the book fair in {t}"] for _, t in PLACES]


def test_country_and_city_apart_by_a_bar_over_the_stats_head_the_cities() -> None:
    booklet = parse_text("Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{t.upper()} | {c.upper()}") for c, t in PLACES))
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [
        (c.casefold(), t.casefold()) for c, t in PLACES]


def test_names_apart_by_a_bar_with_no_stats_under_are_no_heading() -> None:
    """Hard negative: "Strelsau | Ruritania" with no stats under it is a map's label."""
    text = "Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{t} | {c}").replace("Population: 205,100\nArea: 71.3 km²\nGDP per capita: US$12,800\n", "")
        for c, t in PLACES)
    assert parse_text(text).cities == []


def test_front_paragraph_over_unnumbered_headings_is_the_introduction() -> None:
    """Title, one paragraph with no label, then unnumbered headings (text, no pages): the
    paragraph is the booklet's introduction and the title its title, not matter of the
    first city read before its heading (its intro is under the heading)."""
    booklet = parse_text("Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}") for c, t in PLACES))
    assert booklet.booklet.introduction == " ".join(FOREWORD.split())
    assert (booklet.booklet.title, booklet.booklet.year) == ("Learning Towns Prize 2031", 2031)
    assert booklet.cities[0].captions == ["First evening of the book fair in Strelsau"]


_STATS = "Population: 205,100\nArea: 71.3 km²\nGDP per capita: US$12,800\n"


@pytest.mark.parametrize("stats", [
    "Population | Area | GDP per capita\n205,100 | 71.3 km² | US$12,800\n",  # a row of labels over the figures
    "205,100\nPopulation\n71.3 km²\nArea\nUS$12,800\nGDP per capita\n",  # each figure over its label
    "205,100 Population\n71.3 km² Area\nUS$12,800 GDP per capita\n",  # the figure, then its label
])
def test_bar_heading_over_stats_in_other_forms_heads_the_cities(stats: str) -> None:
    booklet = parse_text("Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{t.upper()} | {c.upper()}").replace(_STATS, stats) for c, t in PLACES))
    assert [c.city.casefold() for c in booklet.cities] == [t.casefold() for _, t in PLACES]


def test_names_apart_by_a_bar_over_a_bare_figure_are_no_heading() -> None:
    """Hard negative: a bar between two names over a bare figure with no stats label
    under it is a table's header over its cells."""
    text = "Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{t} | {c}").replace(_STATS, "205,100\n71.3\n") for c, t in PLACES)
    assert parse_text(text).cities == []


def test_a_sentences_last_line_naming_places_is_no_list_entry_nor_heading() -> None:
    """"The winning towns are" / "Strelsau, Klow and Szohod." ends a sentence: no entry of
    a list and no heading, so the first city's bar heading is read."""
    front = FOREWORD + " The winning towns are\nStrelsau, Klow and Szohod."
    booklet = parse_text("Learning Towns Prize 2031\n\n" + front + "\n\n" + "\n".join(
        _city(c, t, f"{t.upper()} | {c.upper()}") for c, t in PLACES))
    assert _listed(booklet) == []
    assert [c.city.casefold() for c in booklet.cities] == [t.casefold() for _, t in PLACES]
    assert (booklet.booklet.introduction or "").endswith("Strelsau, Klow and Szohod.")


def test_bar_heading_over_a_page_number_then_its_stats_heads_the_city() -> None:
    """The heading at a page's foot: its page's number, then the next page's stats."""
    booklet = parse_text("Learning Towns Prize 2031\n\n" + FOREWORD + "\n\n" + "\n".join(
        _city(c, t, f"{t.upper()} | {c.upper()}\n\n{k + 3}") for k, (c, t) in enumerate(PLACES)))
    assert [c.city.casefold() for c in booklet.cities] == [t.casefold() for _, t in PLACES]


def test_listed_places_apart_by_a_bar_head_the_cities_but_a_maps_labels_do_not() -> None:
    """With the list, "Strelsau | Ruritania" heads its city with no stats under it; a run
    of such lines (a map's labels, one per place) heads none (hard negative)."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    no_stats = "\n".join(_city(c, t, f"{t} | {c}").replace(_STATS, "") for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{front}\n\n{no_stats}")
    assert [c.city for c in booklet.cities] == [t for _, t in PLACES]
    labels = "\n".join(f"{t} | {c}" for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{front}\n\nMap of the winners\n\n{labels}\n\n"
                         + "\n".join(_city(c, t, f"{c}, {t}") for c, t in PLACES))
    assert [c.number for c in booklet.cities] == [1, 2, 3]


@pytest.mark.parametrize(("first", "rest"), [
    ("UNITED FEDERATION OF RURITANIA AND\nTHE NORTHERN ISLES\nSTRELSAU", "{country}\n{city}"),
    ("UNITED FEDERATION OF RURITANIA AND THE NORTHERN\nISLES | STRELSAU", "{country} | {city}"),
])
def test_listed_wrapped_country_heads_the_city(first: str, rest: str) -> None:
    """A country wrapped over its city on a line of its own ("... AND" / "THE NORTHERN
    ISLES" / "STRELSAU"), or wrapped after any word before a bar ("... NORTHERN" / "ISLES
    | STRELSAU"): the list holds the whole pair and says where the country ends."""
    places = [("United Federation of Ruritania and the Northern Isles", "Strelsau"), *PLACES[1:]]
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in places)
    headings = [first, *(rest.format(country=c.upper(), city=t.upper()) for c, t in PLACES[1:])]
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{front}\n\n" + "\n".join(
        _city(c, t, head) for (c, t), head in zip(places, headings)))
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [
        (c.casefold(), t.casefold()) for c, t in places]


def test_one_word_list_label_is_read_only_before_the_cities() -> None:
    """Hard negative: "Cities" or "Laureates" alone on a line in a city's pages is a
    wrapped name's word ("Healthy" / "Cities" / "network"), never a label."""
    front = FOREWORD + "\n\nLaureates\n\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    text = "Learning Towns Prize 2031\n\n" + front + "\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}").replace(f"hamlets around {t}.\n", "Healthy\nCities\nnetwork and the\nLaureates\nclub.\n")
        for c, t in PLACES)
    booklet = parse_text(text)
    assert _listed(booklet) == PLACES
    assert [c.initiatives[0].text for c in booklet.cities] == [
        "Evening courses carried by bus to the Healthy Cities network and the Laureates club."] * 3


def _pdf_city_with_captions(captions: list[str]) -> Booklet:
    """One city on a PDF page, every line its own block, its captions under the quote."""
    rows = [("1. Ruritania, Zenda", 40, 40, 300, 56, 16.0),
            ("Zenda is a town of learners on the river. Its schools open at night. It has created:", 40, 70, 550, 80, 10.0),
            ("1. Reading clubs in every district of the town.", 40, 90, 300, 100, 10.0),
            ("2. Evening classes for the workers of the mills.", 40, 106, 300, 116, 10.0),
            ("‘Zenda learns together.’", 44, 140, 200, 150, 10.0),
            ("Ann Ek, Mayor of Zenda", 44, 152, 200, 162, 10.0),
            *((text, 44, 180 + 10 * k, 200, 188 + 10 * k, 8.0) for k, text in enumerate(captions))]
    lines = [Line(text, n, True, region=1, page=1, bbox=(x0, top, x1, bottom), font_size=size)
             for n, (text, x0, top, x1, bottom, size) in enumerate(rows, 1)]
    return build_booklet(SourceDocument(lines=lines, format="pdf", pages=1), "0" * 64, None)


def test_labelled_captions_rest_on_the_next_line_is_that_caption() -> None:
    """In a PDF, "Photo: THE BOOK FAIR ON ITS FIRST" / "EVENING", each line its own block:
    where captions open on their label, a line with none right under one is its rest.
    Hard negative: captions with no label, one under the other, stay apart."""
    labelled = _pdf_city_with_captions(["Photo: THE BOOK FAIR ON ITS FIRST", "EVENING", "Photo: THE OLD MILL BY NIGHT"])
    assert labelled.cities[0].captions == ["THE BOOK FAIR ON ITS FIRST EVENING", "THE OLD MILL BY NIGHT"]
    plain = _pdf_city_with_captions(["THE OLD MILL BY NIGHT", "PUPILS AT THE LIBRARY"])
    assert plain.cities[0].captions == ["THE OLD MILL BY NIGHT", "PUPILS AT THE LIBRARY"]


def test_page_numbers_over_the_cities_that_open_a_page_do_not_number_the_headings() -> None:
    """"1" / "RURITANIA, STRELSAU", "2" / "BORDURIA, SZOHOD": page numbers over the cities
    that open a page run 1, 2 as numbers set apart would, but the list holds three cities
    and one heading has no number over it: the unnumbered headings are all read."""
    places = [*PLACES, ("Vesk", "Ekberg")]
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in places)
    heads = [f"1\n\n{places[0][0].upper()}, {places[0][1].upper()}", f"{places[1][0].upper()}, {places[1][1].upper()}",
             f"2\n\n{places[2][0].upper()}, {places[2][1].upper()}", f"{places[3][0].upper()}, {places[3][1].upper()}"]
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{front}\n\n" + "\n".join(
        _city(c, t, head) for (c, t), head in zip(places, heads)))
    assert [c.city.casefold() for c in booklet.cities] == [t.casefold() for _, t in places]


def test_a_maps_label_on_two_lines_among_its_others_is_no_heading() -> None:
    """Hard negative: a map's labels ("Strelsau I Ruritania"), one of them set on two
    lines ("Syldavia" / "Klow", the list's pair turned), head no city."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    map_labels = "Strelsau I Ruritania\n\nSyldavia\nKlow\n\nSzohod I Borduria"
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{front}\n\n{map_labels}\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}") for c, t in PLACES))
    assert [(c.number, c.city) for c in booklet.cities] == [(k, t) for k, (_, t) in enumerate(PLACES, 1)]


def test_two_headings_on_two_lines_read_one_after_the_other_are_both_headings() -> None:
    """Hard negative of the map's labels: facing pages read across give "RURITANIA" /
    "STRELSAU" then "SYLDAVIA" / "KLOW"; a name alone beside a heading is no map's label."""
    front = FOREWORD + "\n\nThe winners are:\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    (c1, t1), (c2, t2), (c3, t3) = PLACES
    bodies = [_city(c, t, "").lstrip("\n") for c, t in PLACES[:2]]
    text = (f"Learning Towns Prize 2031\n\n{front}\n\n{c1.upper()}\n{t1.upper()}\n\n{c2.upper()}\n{t2.upper()}\n\n"
            + "\n".join(bodies) + "\n" + _city(c3, t3, f"{c3.upper()}\n{t3.upper()}"))
    assert [c.city.casefold() for c in parse_text(text).cities] == [t.casefold() for _, t in PLACES]


@pytest.mark.parametrize("heading", [
    "{city}\nCountry: {country}",
    "{CITY}\nCountry: {country}",
    "{CITY}\nCountry\n{country}",
    "{city}\n{country}\nCountry",
])
def test_city_alone_over_a_box_naming_its_country_heads_the_city(heading: str) -> None:
    """A heading that prints the city alone, its stats box naming the country ("Country:
    Syldavia", or the label alone under or over the name), heads the city with no list and
    no comma: the label says which name is the country, and the country's line is the
    heading's, not text."""
    cities = "\n".join(_city(c, t, heading.format(city=t, CITY=t.upper(), country=c)) for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country, c.city.casefold()) for c in booklet.cities] == [(c, t.casefold()) for c, t in PLACES]
    assert all(c.stats.population and c.stats.population.value == 205100 for c in booklet.cities)
    assert not any("Country" in p for p in _kinds(booklet, "unassigned_text"))


@pytest.mark.parametrize("box", [
    "Ilse Varga\nCountry: Syldavia\nPhone: +1 555 0100",
    "Ilse Varga\nCountry: to be announced\nPopulation: 205,100",
])
def test_name_over_a_country_line_outside_a_stats_box_heads_nothing(box: str) -> None:
    """Hard negatives: a contact's name over her country and phone (no stat of the genre in
    the box), and a name over a country line that names no country."""
    booklet = _booklet(f"{FOREWORD}\n\nContact\n\n{box}")
    assert [(c.country, c.city) for c in booklet.cities] == PLACES


@pytest.mark.parametrize("form", [
    'Mayor Ann Ek says:\n"Two valleys, one town: here everyone teaches and learns, in {t}."',
    '"Two valleys, one town: here everyone teaches and learns, in {t}," said Mayor Ann Ek.',
])
def test_title_first_attribution_with_a_speech_verb_over_its_quote(form: str) -> None:
    """"Mayor Ann Ek says:" over the quotation, or "said Mayor Ann Ek." after it on its
    last line, is its attribution: the speaker and her title, without the verb."""
    cities = "\n".join(_city(c, t, f"{c}, {t}").replace(
        f'"Two valleys, one town: here everyone teaches and learns, in {t}."\nAnn Ek, Mayor of {t}',
        form.format(t=t)) for c, t in PLACES)
    assert cities.count("Mayor Ann Ek") == len(PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.quote.speaker, c.quote.role) if c.quote else None for c in booklet.cities] == [("Ann Ek", "Mayor")] * 3
    assert all(c.quote and c.quote.text.startswith("Two valleys") for c in booklet.cities)


def _box(country: str) -> str:
    return f"Country: {country}\nPopulation: 205,100\nArea: 71.3 km²"


def _body(city: str) -> str:
    return (f"{city} lies where two valleys meet, and its plan links every school and library. Its initiatives include:\n"
            f"1) Evening courses carried by bus to the hamlets.\n2) Workshops where retired joiners teach.\n"
            f"3) A book fair set up every autumn in the old mills.\n\n"
            f'"Two valleys, one town: here everyone teaches and learns."\nAnn Ek, Mayor of {city}\n')


def test_city_alone_with_a_caption_in_capitals_between_it_and_its_box() -> None:
    """A caption in capitals between the city's name and its box (pdftotext reads the photo's
    caption there): the name the text after the box prints heads the city, not the caption's
    last line right over the box; a caption over the name is no city either."""
    (c1, t1), (c2, t2), _ = PLACES
    text = (f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{t1.upper()}\nEVENING CLASS IN A\nFERRY STATION\n\n{_box(c1)}\n\n"
            f"{_body(t1)}\nBOOK FAIR IN THE OLD MILL\n{t2.upper()}\n\n{_box(c2)}\n\n{_body(t2)}")
    assert [(c.country, c.city) for c in parse_text(text).cities] == [(c1, t1.upper()), (c2, t2.upper())]


@pytest.mark.parametrize("boxes", [
    "{box1}\n\n{box2}",
    "Country\n{c1}\nCountry\n{c2}\nPopulation\n205,100\nPopulation\n98,400",
])
def test_two_cities_names_then_both_boxes_pair_in_order(boxes: str) -> None:
    """Two cities side by side read across: both names, then both boxes (one after the
    other, or row by row: "Country" / "Ruritania" / "Country" / "Syldavia"), then both
    bodies. The names take the countries in order (the second name is not the first
    box's city, nor a name over a "Country" label)."""
    (c1, t1), (c2, t2), _ = PLACES
    both = boxes.format(box1=_box(c1), box2=_box(c2), c1=c1, c2=c2)
    text = (f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{t1.upper()}\n\n{t2.upper()}\n\n{both}\n\n"
            f"{_body(t1)}\n{_body(t2)}")
    assert [(c.country, c.city) for c in parse_text(text).cities] == [(c1, t1.upper()), (c2, t2.upper())]


def test_city_alone_named_by_the_list_heads_the_city() -> None:
    """A heading printing the city alone ("STRELSAU"), no country in its box: the front
    matter's list names the city with its country. The front matter's first line over the
    list alone (no paragraph) is the booklet's title."""
    listed = "The laureates\n\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{listed}\n\n"
                         + "\n".join(_city(c, t, t.upper()) for c, t in PLACES))
    assert [(c.country, c.city) for c in booklet.cities] == PLACES  # as the list prints them
    assert (booklet.booklet.title, booklet.booklet.year) == ("Learning Towns Prize 2031", 2031)


def test_city_alone_under_a_role_wrapped_onto_the_citys_name_heads_the_city() -> None:
    """A quote set in the margin, read before the heading: its speaker's role wraps onto
    the city's name ("Mayor of the City of" / "Klow"), right over the heading "Klow". The
    name above is the city's own, no other listed name (a map's labels): it heads."""
    listed = "The laureates\n\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    cities = "\n".join(_city(c, t, f"‘In {t} everyone teaches and learns.’\nAnn Ek, Mayor of the City of\n{t}\n\n{t}")
                       for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{listed}\n\n{cities}")
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert all(len(c.initiatives) == 3 for c in booklet.cities)


def test_listed_names_alone_in_a_row_or_again_on_the_citys_page_head_nothing() -> None:
    """Hard negatives: a map's labels (the listed cities' names alone, one under another)
    head no city; the city's name printed again on its second page (a running head there)
    is no second heading."""
    (_, t1), *_ = PLACES
    listed = "The laureates\n\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    map_labels = "\n".join(t for _, t in PLACES)
    cities = "\n".join(_city(c, t, t.upper()) for c, t in PLACES).replace(
        f'\n"Two valleys, one town: here everyone teaches and learns, in {t1}."',
        f'\n{t1}\n\n"Two valleys, one town: here everyone teaches and learns, in {t1}."')
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{listed}\n\n{map_labels}\n\n{cities}")
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert len(booklet.cities[0].initiatives) == 3 and booklet.cities[0].quote is not None


@pytest.mark.parametrize("heading", ["{city}\nCountry: {country}", "{city}\n{country}\nCountry"])
def test_page_numbers_over_cities_named_alone_do_not_number_them(heading: str) -> None:
    """Page numbers over headings that print the city alone over "Country: ..." (pypdf
    gives "1" / "STRELSAU" / "Country: RURITANIA", or the country over its label): the
    name and the country's line are no place on two lines under a number, and the cities
    are read with their countries."""
    cities = "\n".join(f"{k}\n\n" + _city(c, t, heading.format(city=t.upper(), country=c.upper()))
                       for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country, c.city) for c in booklet.cities] == [(c.upper(), t.upper()) for c, t in PLACES]


def test_list_entry_city_then_country_with_its_own_qualifier() -> None:
    """"Klow (Syldavia (Federal Republic of))": the country keeps its qualifier, and the
    entry stays in the list, so the next entry keeps its neighbour."""
    places = [("Ruritania", "Strelsau"), ("Syldavia (Federal Republic of)", "Klow"), ("Borduria", "Szohod")]
    listed = "The cities are:\n" + "\n".join(f"{t} ({c})" for c, t in places)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{listed}\n\n"
                         + "\n".join(_city(c, t, t.upper()) for c, t in places))
    assert _listed(booklet) == places
    assert [(c.country, c.city) for c in booklet.cities] == places


def test_two_listed_names_alone_read_across_facing_pages_head_both_cities() -> None:
    """Facing pages read across (pdftotext): both cities' names alone, then both stats
    boxes, then both bodies. Two different listed names over stats head both cities;
    three in a row stay a map's labels (`test_listed_names_alone_in_a_row_...`)."""
    (_, t1), (_, t2), (c3, t3) = PLACES
    listed = "The laureates\n\n" + "\n".join(f"{c}, {t}" for c, t in PLACES)
    stats = "Population\n\n205,100\n\n98,400\n\nArea\n\n71.3 km²\n\n40.2 km²"
    text = (f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{listed}\n\n{t1}\n\n{t2}\n\n{stats}\n\n{_body(t1)}\n{_body(t2)}\n"
            + _city(c3, t3, t3))
    assert [(c.country, c.city) for c in parse_text(text).cities] == PLACES


def test_contact_lines_and_back_matter_labels_are_no_captions() -> None:
    """A city's contact for readers ("Contact: ...", an e-mail or web address) and the
    back matter's labels ("About the network", "Acknowledgments") are no captions; the
    contact is reported as text no field holds. Hard negative: a caption opening on
    "About" that names no body of the booklet stays a caption."""
    contact = "Contact: Office for Lifelong Learning, learning@{city}.example\nwww.{city}.example/learning\n"
    cities = "\n".join(_city(c, t, f"{c}, {t}") + "\n" + contact.format(city=t.lower()) for c, t in PLACES)
    back = ("About the network\n\nThe network links cities that share what they learn, every year, in every region.\n\n"
            "Acknowledgments\n\nWe thank the jury and the city teams who made this booklet possible.\n")
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}\n{back}")
    assert [c.captions for c in booklet.cities] == [[f"First evening of the book fair in {t}"] for _, t in PLACES]
    assert sum("Contact:" in p for p in _kinds(booklet, "unassigned_text")) == len(PLACES)
    kept = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(
        _city(c, t, f"{c}, {t}").replace("First evening of the book fair", "About town on a fair day") for c, t in PLACES))
    assert [c.captions for c in kept.cities] == [[f"About town on a fair day in {t}"] for _, t in PLACES]


def test_bare_numbers_mark_items_but_not_numbered_captions_nor_a_figure_opening_prose() -> None:
    """"1 Evening courses ..." / "2 Workshops ..." are items (each number counts on from
    the last). Hard negatives: photos' captions numbered "1 ..." / "2 ..." stay captions,
    and a paragraph opening on a figure with no number counting on beside it stays text."""
    def city(c: str, t: str) -> str:
        return (_city(c, t, f"{c}, {t}").replace("1) ", "1 ").replace("2) ", "2 ").replace("3) ", "3 ")
                .replace(f"First evening of the book fair in {t}", f"1 First evening of the fair\n\n2 Old mills of {t}"))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n3 Towns were chosen from forty.\n\n"
                         + "\n".join(city(c, t) for c, t in PLACES))
    assert [len(c.initiatives) for c in booklet.cities] == [3, 3, 3]
    assert all(c.initiatives[0].text.startswith("Evening courses") for c in booklet.cities)
    assert [c.captions for c in booklet.cities] == [["1 First evening of the fair", f"2 Old mills of {t}"] for _, t in PLACES]


def test_an_item_first_line_boxed_apart_from_its_paragraph_is_the_item_opening() -> None:
    """An extractor that boxes a hanging number's line apart from the rest of its
    paragraph gives "01 The Harbour Reading" / "Rooms, which ..." as two paragraphs, in
    two items of four: each is the item's opening, not a numbered caption, where a
    neighbour's number opens a whole item, or its rest carries on in lowercase. The
    paragraph after it is its rest. Hard negative (the test above): numbered captions,
    each a line alone, stay captions."""
    def city(c: str, t: str) -> str:
        items = ("01 The Harbour Reading\n\nRooms, which lend books to sailors.\n\n"
                 f"02 Evening courses carried by bus to the hamlets\naround {t}.\n\n"
                 f"03 Workshops where retired joiners of {t} teach\nyoung people.\n\n"
                 "04 A floating\n\nlibrary for the river villages.\n")
        return _city(c, t, f"{c}, {t}").replace(
            f"1) Evening courses carried by bus to the hamlets around {t}.\n2) Workshops where retired joiners of "
            f"{t} teach young people.\n3) A book fair set up every autumn in the old mills of {t}.\n", items)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(city(c, t) for c, t in PLACES))
    for got, (_, t) in zip(booklet.cities, PLACES, strict=True):
        assert [i.text for i in got.initiatives] == [
            "The Harbour Reading Rooms, which lend books to sailors.", f"Evening courses carried by bus to the hamlets around {t}.",
            f"Workshops where retired joiners of {t} teach young people.", "A floating library for the river villages."]
        assert got.captions == [f"First evening of the book fair in {t}"]
    # Every item boxed apart: no neighbour opens a whole item, the rests in lowercase say so.
    apart = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(
        city(c, t).replace("Rooms, which", "rooms, which").replace(" the hamlets\naround", "\n\nthe hamlets around")
        .replace(" teach\nyoung", "\n\nteach young") for c, t in PLACES))
    assert [len(c.initiatives) for c in apart.cities] == [4, 4, 4]
    assert apart.cities[0].initiatives[3].text == "A floating library for the river villages."
    # Hard negative: three columns' first lines read row by row, then their rests (pdfminer
    # on narrow columns): a first line followed by the next one's number has no rest after
    # it, and is not made an item by its neighbours (what such text gives stays garbled).
    rows = ("01 Evening courses carried by\n\n02 Workshops where retired\n\n03 A book fair set up\n\n"
            "bus to the hamlets.\n\njoiners teach young people.\n\nevery autumn in the mills.\n")

    def by_rows(c: str, t: str) -> str:
        return _city(c, t, f"{c}, {t}").replace(
            f"1) Evening courses carried by bus to the hamlets around {t}.\n2) Workshops where retired joiners of "
            f"{t} teach young people.\n3) A book fair set up every autumn in the old mills of {t}.\n", rows)
    across = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(by_rows(c, t) for c, t in PLACES))
    firsts = {"Evening courses carried by", "Workshops where retired"}
    assert not [i.text for c in across.cities for i in c.initiatives if i.text in firsts]


def test_foreword_first_then_introduction_and_a_list_with_bars() -> None:
    """A signed foreword under "Foreword by the Director-General", then an "Introduction"
    paragraph, then "The 2031 laureates" over "Ruritania | Strelsau" entries: the
    introduction is the paragraph after the signature, the labels are furniture, the
    bars part the listed names."""
    front = (f"Foreword by the Director-General\n\n{FOREWORD}\n\nIlse Varga\nDirector-General\n\n"
             "Introduction\n\nEvery two years a jury chooses the laureates among the towns of the network.\n\n"
             "The 2031 laureates\n\n" + "\n".join(f"{c} | {t}" for c, t in PLACES))
    booklet = _booklet(front)
    assert _listed(booklet) == PLACES
    assert booklet.booklet.introduction == "Every two years a jury chooses the laureates among the towns of the network."
    assert booklet.booklet.foreword == " ".join(FOREWORD.split())
    assert _kinds(booklet, "unassigned_text") == []


def test_a_maps_labels_with_bars_are_no_list() -> None:
    """Hard negative: "Strelsau | Ruritania" labels of a map, under no list label, list
    no city."""
    front = f"{FOREWORD}\n\n" + "\n".join(f"{t} | {c}" for c, t in PLACES)
    assert _listed(_booklet(front)) == []


@pytest.mark.parametrize("box", ["Country: {country}", "Country\n{country}"])
def test_numbered_city_alone_over_a_box_naming_its_country(box: str) -> None:
    """"1. KLOW" over "Country: Syldavia" (or the label over the name), no list: the
    numbered heading prints the city alone and its box names the country (before, the
    label's country and the first stat's label were read as one city)."""
    cities = "\n".join(_city(c, t, f"{k}. {t.upper()}\n" + box.format(country=c)) for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [
        (k, c, t.upper()) for k, (c, t) in enumerate(PLACES, 1)]
    assert all(len(c.initiatives) == 3 and c.stats.population for c in booklet.cities)


def test_numbered_city_alone_with_a_caption_between_and_a_wrapped_country() -> None:
    """"1. STRELSAU", then a photo's caption in capitals whose words the items print ("BOOK
    FAIR"), then the box: the numbered heading takes the box's country whatever stands
    between. A country wrapped over two lines above its "Country" label ("United
    Federation of" / "Northern Syldavia") is the one the list prints whole, and its first
    line heads no city of its own."""
    places = [("Ruritania", "Strelsau"), ("United Federation of Northern Syldavia", "Klow"), ("Borduria", "Szohod")]
    listed = "The cities are:\n" + "\n".join(f"{t} ({c})" for c, t in places)
    boxes = ["BOOK FAIR\nIN THE MILL\n\nCountry: Ruritania", "United Federation of\nNorthern Syldavia\nCountry",
             "Country: Borduria"]
    cities = "\n".join(_city(c, t, f"{k}. {t.upper()}\n{box}").replace("A book fair", "The Book Fair")
                       for k, ((c, t), box) in enumerate(zip(places, boxes), 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{listed}\n\n{cities}")
    assert [(c.country, c.city) for c in booklet.cities] == places  # as the list prints them
    assert "BOOK FAIR IN THE MILL" in booklet.cities[0].captions


def _margin_first(country: str, city: str, k: int) -> str:
    """A city whose margin column (caption, quote, speaker) an extractor read between its
    numbered heading "2. KLOW" and its box "Country: Syldavia"."""
    text = _city(country, city, f"{k}. {city.upper()}\nPhoto: Evening class in the mill\n\n"
                 f"'Two valleys, one town:\nhere everyone teaches\nand learns.'\nAnn Ek, Mayor of\n{city}\n\n"
                 f"Country: {country}")
    return text.replace(f'"Two valleys, one town: here everyone teaches and learns, in {city}."\nAnn Ek, Mayor of {city}\n', "")


def test_numbered_city_alone_with_a_margin_column_read_before_its_box() -> None:
    """"1. STRELSAU", then the margin column's caption, quote and speaker, then "Country:
    Ruritania" over the stats, no list: the heading, the next number, takes the box's
    country past the other matter, since the text after the box prints the city's name.
    Hard negatives: no box naming the country (a numbered line over a caption and a
    quote heads nothing), a heading number that skips one, and a box whose text after
    never names the city."""
    cities = "\n".join(_margin_first(c, t, k) for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [
        (k, c, t.upper()) for k, (c, t) in enumerate(PLACES, 1)]
    assert all(len(c.initiatives) == 3 and c.stats.population for c in booklet.cities)
    assert [c.quote.speaker for c in booklet.cities] == ["Ann Ek"] * 3
    no_box = cities.replace("Country: ", "Partner: ")
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{no_box}").cities == []
    skipped = "\n".join(_margin_first(c, t, k) for k, (c, t) in zip((2, 4, 6), PLACES))
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{skipped}").cities == []
    unnamed = "\n".join(_margin_first(c, t, k).replace(f" {t}", " the town").replace(f"{t} lies", "It lies")
                         for k, (c, t) in enumerate(PLACES, 1))
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{unnamed}").cities == []


def _box_last(country: str, city: str, k: int, box: str) -> str:
    """A city whose stats box, naming its country, is set last: under its quote and
    caption, at the foot of its last page (numbered heading "2. KLOW", no list)."""
    text = _city(country, city, f"{k}. {city.upper()}")
    stats = "Population: 205,100\nArea: 71.3 km²\nGDP per capita: US$12,800\n\n"
    return text.replace(stats, "") + "\n" + box.format(country=country) + "\n" + stats


@pytest.mark.parametrize("box", ["Country: {country}", "Country\n{country}"])
def test_numbered_city_alone_whose_box_naming_the_country_comes_last(box: str) -> None:
    """"1. STRELSAU", its intro, items, quote and caption, then "Country: Ruritania" over
    the stats, no list: the heading, the next number, takes the country of the box that
    ends its section, since the section prints the city's name before it. Hard
    negatives: a section that never names the city, a box with no stat of the genre, and
    a numbered short name between heading and box (a second heading's, or a list's)."""
    cities = "\n".join(_box_last(c, t, k, box) for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [
        (k, c, t.upper()) for k, (c, t) in enumerate(PLACES, 1)]
    assert all(len(c.initiatives) == 3 and c.stats.population and c.quote.speaker == "Ann Ek"
               for c in booklet.cities)
    unnamed = "\n".join(_box_last(c, t, k, box).replace(t, "the town").replace("the town lies", "It lies")
                         for k, (c, t) in enumerate(PLACES, 1))
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{unnamed}").cities == []
    no_stats = "\n".join(_box_last(c, t, k, box).replace("Population: ", "Partners: ").replace(
        "Area: ", "Founded: ").replace("GDP per capita: ", "Budget: ") for k, (c, t) in enumerate(PLACES, 1))
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{no_stats}").cities == []
    between = "\n".join(_box_last(c, t, k, box).replace("\n1) ", "\n2. BOOK FAIR\n\n1) ")
                         for k, (c, t) in enumerate(PLACES, 1))
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{between}").cities == []


def _page_named_atop(country: str, city: str) -> str:
    """A city's page opened by its name alone in capitals, a caption, the intro, then its
    sidebar's box naming the country (name over label, figures over labels), the items
    and the quote: a sidebar read after the main column's first lines."""
    return (f"{city.upper()}\n\nTHE OLD MILLS OF {city.upper()} AT DUSK\n\n{city} lies where two valleys meet, and its plan "
            f"links every school and library.\n\n{country.upper()}\nCountry\n\n205,100\nCity population\n\n"
            f"71.3 km²\nCity/urban area\n\n– Evening courses carried by bus to the hamlets.\n\n"
            f"– Workshops where retired joiners teach young people.\n\nAnn Ek, Mayor of {city}\n"
            f"'Two valleys, one town: here everyone teaches and learns.'\n\f")


def test_a_city_named_alone_atop_its_page_takes_the_country_of_the_pages_box() -> None:
    """No numbers, no list: "STRELSAU" opens its page, and the box naming the country
    ("RURITANIA" / "Country") comes later on that page, past a caption and the intro.
    The name heads the city, the page's box giving its country. Hard negatives: text
    that gives no pages (where the intro under the name does not open with it, a
    caption between), a name that does not open its page, a page whose prose never
    names the city, and a page with no stat of the genre."""
    def read(pages: str, edge: str = "\f") -> list[tuple[str, str]]:
        booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\f{pages}".replace("\f", edge))
        return [(c.country, c.city) for c in booklet.cities]

    pages = "".join(_page_named_atop(c, t) for c, t in PLACES)
    assert read(pages) == [(c.upper(), t.upper()) for c, t in PLACES]
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\f{pages}")
    assert [len(c.initiatives) for c in booklet.cities] == [2, 2, 2]
    assert all(c.stats.population and c.quote and c.quote.speaker == "Ann Ek" for c in booklet.cities)
    assert read(pages, "\n\n") == []
    seasons = ("spring", "summer", "autumn")
    assert read("".join(f"The jury visited the town in {season}.\n\n" + _page_named_atop(c, t)
                        for season, (c, t) in zip(seasons, PLACES, strict=True))) == []
    unnamed = "".join(_page_named_atop(c, t).replace(f"{t} lies", "It lies").replace(f"Mayor of {t}", "Mayor")
                      for c, t in PLACES)
    assert read(unnamed) == []
    no_stats = pages.replace("City population", "Partners").replace("City/urban area", "Founded")
    assert read(no_stats) == []


def _city_boxed_last(country: str, city: str) -> str:
    """A city's text under its name alone in capitals, the intro opening with the name,
    its box naming the country set last (a sidebar read after the main column)."""
    return (f"{city.upper()}\n{city} lies where two valleys meet, and its plan links every school and library.\n"
            f"1) Evening courses carried by bus to the hamlets.\n2) Workshops where retired joiners teach.\n"
            f"Two valleys, one town: here everyone teaches and learns.\nAnn Ek, Mayor of {city}\n"
            f"Country: {country.upper()}\nCity population: 205,100\nCity/urban area: 71.3 km²\n"
            f"Evening class in the old mills\n")


def test_a_city_named_alone_over_an_intro_opening_with_its_name_takes_the_country_of_its_box() -> None:
    """No numbers, no list, no pages, no blank lines: "STRELSAU" over "Strelsau lies ...",
    the box naming the country after the items and the quote. The name heads the city,
    its box giving the country, up to the next name over an intro opening with it. Hard
    negatives: an intro that does not open with the name, and a name with no box after
    it before the next such name."""
    def read(text: str) -> list[tuple[str, str]]:
        return [(c.country, c.city) for c in parse_text(f"Learning Towns Prize 2031\n{FOREWORD}\n{text}").cities]

    cities = "".join(_city_boxed_last(c, t) for c, t in PLACES)
    assert read(cities) == [(c.upper(), t.upper()) for c, t in PLACES]
    booklet = parse_text(f"Learning Towns Prize 2031\n{FOREWORD}\n{cities}")
    assert all(len(c.initiatives) == 2 and c.stats.population and c.quote for c in booklet.cities)
    not_opening = "".join(_city_boxed_last(c, t).replace(f"\n{t} lies", "\nIt lies").replace(
        "every school and library.", f"every school and library of {t}.") for c, t in PLACES)
    assert read(not_opening) == []
    unboxed = _city_boxed_last(*PLACES[0]).replace("Country: RURITANIA\n", "") + _city_boxed_last(*PLACES[1])
    assert read(unboxed) == [("SYLDAVIA", "KLOW")]


def test_bare_numbered_items_read_out_of_order_are_put_back_in_order() -> None:
    """Columns read out of order give "1 ...", "3 ...", "2 ...": each bare number has a
    neighbour counting next to it, so all three are items, read in their numbers' order."""
    def city(c: str, t: str) -> str:
        text = _city(c, t, f"{c}, {t}")
        first, second, third = (line for line in text.split("\n") if line[:3] in ("1) ", "2) ", "3) "))
        return text.replace(f"{first}\n{second}\n{third}", f"1 {first[3:]}\n\n3 {third[3:]}\n\n2 {second[3:]}")
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(city(c, t) for c, t in PLACES))
    assert [[i.text.split()[0] for i in c.initiatives] for c in booklet.cities] == [["Evening", "Workshops", "A"]] * 3


def test_a_bare_number_past_an_item_read_before_it_marks_an_item() -> None:
    """Two columns of four items read out of order: "1 ...", "3 ...", "2 ...", "4 ...". The
    "4" finds its neighbour "3" past the item "2 A fund ... autumn." read before it: an
    item ending a sentence is no numbered heading between, so all four are items, read in
    their numbers' order."""
    def city(c: str, t: str) -> str:
        text = _city(c, t, f"{c}, {t}")
        first, second, third = (line for line in text.split("\n") if line[:3] in ("1) ", "2) ", "3) "))
        return text.replace(f"{first}\n{second}\n{third}",
                            f"1 {first[3:]}\n\n3 {third[3:]}\n\n2 {second[3:]}\n\n4 Night classes in the town hall of {t}.")
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(city(c, t) for c, t in PLACES))
    assert [[i.text.split()[0] for i in c.initiatives] for c in booklet.cities] == [["Evening", "Workshops", "A", "Night"]] * 3


@pytest.mark.parametrize("heading", ["City of {city}, {country}", "{country}, City of {city}"])
def test_a_city_printed_after_city_of_heads_its_city_in_either_order(heading: str) -> None:
    """"City of Strelsau, Ruritania", with no list: the text names the city without the
    prefix ("Strelsau lies ..."), and the name printed with it is the city whichever order
    the heading keeps; the heading's words are kept as printed."""
    cities = "\n".join(_city(c, t, heading.format(city=t, country=c)) for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country, c.city) for c in booklet.cities] == [(c, f"City of {t}") for c, t in PLACES]


def _stats_after_intro(text: str) -> str:
    """A city's pages with its stats box moved under the intro (a sidebar read later)."""
    head, box, rest = text.split("\n\n", 2)
    intro, rest = rest.split("\n\n", 1)
    return f"{head}\n\n{intro}\n\n{box}\n\n{rest}"


def test_a_figure_wrapped_in_every_citys_box_is_no_running_head() -> None:
    """A narrow box sets each figure over its label and wraps the area's spelled unit
    ("412 square" / "kilometres"): printed in every city with another number, the first
    line looked like a running head with its page number and was dropped, and the area's
    label took the GDP figure under it. Each city's area is its own."""
    boxes = {"Strelsau": "412", "Klow": "96", "Szohod": "57"}

    def city(n: int, c: str, t: str) -> str:
        box = (f"205,100\nCity population\n\n{boxes[t]} square\nkilometres\nCity/urban area\n\n"
               "US$ 12,800\nAnnual GDP")
        return _city(c, t, f"{n}. {c}, {t}").replace(
            "Population: 205,100\nArea: 71.3 km²\nGDP per capita: US$12,800", box)

    cities = "\n".join(city(n, c, t) for n, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.stats.area_km2.value, c.stats.gdp_usd.value) for c in booklet.cities] == [
        (int(boxes[t]), 12800) for _, t in PLACES]


def test_a_currency_figure_under_an_area_label_is_no_caption_beside_the_area() -> None:
    """Figures over their labels, the area's figure missing: under "City/urban area" the
    next line is the GDP's "US$ 12,800". It used to be read as a caption "US$" beside a
    figure "12,800", given to the area (a wrong value, silently) while the GDP was lost.
    The line is one figure whole: the area is reported missing, the GDP kept."""
    def city(n: int, c: str, t: str) -> str:
        box = "205,100\nCity population\n\nCity/urban area\n\nUS$ 12,800\nAnnual GDP"
        return _city(c, t, f"{n}. {c}, {t}").replace(
            "Population: 205,100\nArea: 71.3 km²\nGDP per capita: US$12,800", box)

    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n"
                         + "\n".join(city(n, c, t) for n, (c, t) in enumerate(PLACES, 1)))
    assert [(c.stats.area_km2, c.stats.gdp_usd and c.stats.gdp_usd.value) for c in booklet.cities] == [(None, 12800)] * 3
    assert all("US$" not in c.captions for c in booklet.cities)
    assert sum(f.kind == "missing_field" and "area" in f.message for f in booklet.flags) == 3


def test_capitals_place_headings_over_stats_set_later_head_their_cities() -> None:
    """"RURITANIA, STRELSAU" in capitals, no number, no list, the stats box under the
    intro: the booklet prints two such lines or more, a section apart, each with stats
    before the next, so they are its headings. Hard negative: where captions in capitals
    name places too ("BOOK FAIR, KLOW", one per city), the pattern breaks and no capitals
    line heads a city over stats set later (a caption is never taken for a heading)."""
    def city(c: str, t: str, caption: str) -> str:
        text = _city(c, t, f"{c.upper()}, {t.upper()}").replace(f"First evening of the book fair in {t}", caption)
        return _stats_after_intro(text)

    cities = "\n".join(city(c, t, f"First evening of the book fair in {t}") for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country, c.city) for c in booklet.cities] == [(c.upper(), t.upper()) for c, t in PLACES]
    assert all(len(c.initiatives) == 3 and c.stats.population for c in booklet.cities)
    captioned = "\n".join(city(c, t, f"BOOK FAIR, {t.upper()}") for c, t in PLACES)
    cities_found = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{captioned}").cities
    assert all(not c.country.startswith("BOOK FAIR") for c in cities_found)
    assert cities_found == []


@pytest.mark.parametrize("heading", ["{country}: {city}", "{COUNTRY}: {CITY}", "{city} | {country}", "{CITY} / {COUNTRY}"])
@pytest.mark.parametrize("stats_late", [False, True])
def test_country_colon_city_headings_head_their_cities(heading: str, stats_late: bool) -> None:
    """"Ruritania: Strelsau" on its own line, as UNESCO's own pages print the awarded
    cities, heads its city with no list and no number, the stats right under it or not
    (two such lines say the booklet prints its headings so; two names set apart by a
    bar or a slash, too, a section apart); in capitals too. Hard
    negative: a city's "Partner: Klow Guild Academy", named by the line under it, heads
    nothing: its label is a common word."""
    def city(c: str, t: str) -> str:
        text = _city(c, t, heading.format(country=c, city=t, COUNTRY=c.upper(), CITY=t.upper()))
        text = _stats_after_intro(text) if stats_late else text
        return f"{text}\nPartner: {t} Guild Academy\nThe {t} Guild Academy trains apprentices in every trade.\n"
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(city(c, t) for c, t in PLACES))
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == \
        [(c.casefold(), t.casefold()) for c, t in PLACES]
    assert all(c.stats.population and c.stats.population.value == 205100 for c in booklet.cities)
    assert all(len(c.initiatives) == 3 and c.quote and c.quote.speaker == "Ann Ek" for c in booklet.cities)


COMMON_WORD_PLACES = [("Jordan", "Reading"), ("Chile", "Bath"), ("Turkey", "Nice")]


def test_colon_headings_whose_names_are_common_words_head_over_their_stats() -> None:
    """Many a country's or city's name is a common word ("Jordan", "Reading"): "Jordan:
    Reading" heads its city where the stats open right under it, in Markdown too, whose
    sections are a paragraph a line (a section of a few lines). Hard negative: a
    "Partner: Reading" line closing each city, with no stats under it, heads nothing."""
    def city(c: str, t: str) -> str:
        return f"{_city(c, t, f'{c}: {t}')}\nPartner: {t}\nThe {t} guild trains apprentices.\n"
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(city(c, t) for c, t in COMMON_WORD_PLACES))
    assert [(c.country, c.city) for c in booklet.cities] == COMMON_WORD_PLACES
    assert all(c.stats.population and c.stats.population.value == 205100 for c in booklet.cities)
    assert all(len(c.initiatives) == 3 for c in booklet.cities)
    markdown = "# Learning Towns Prize 2031\n\n" + "\n".join(
        f"# **{c}: {t}**\n\nPopulation: 205,100 Area: 71.3 km² GDP per capita: US$12,800\n\n"
        f"{t} lies where two valleys meet.\n\n1. Evening courses in {t}.\n\n2. Workshops in {t}.\n"
        for c, t in COMMON_WORD_PLACES)
    assert [(c.country, c.city) for c in parse_text(markdown).cities] == COMMON_WORD_PLACES


def test_colon_lines_of_common_words_with_no_stats_under_head_nothing() -> None:
    """Hard negative: "Jordan: Reading" lines with no stats right under them and no booklet
    form of colon headings (each names a common word) are no headings."""
    text = "\n\n".join(f"{c}: {t}\nThe {t} guild trains apprentices in every trade of {t}." for c, t in COMMON_WORD_PLACES)
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{text}\n").cities == []


def test_a_jurys_name_colon_role_lines_are_no_list_of_places() -> None:
    """Hard negative: a jury printed "Ann Ek: Chair of the Jury", a line each, right over the
    first "Country: City" heading, is no list of places: the first city keeps its heading."""
    jury = "The jury:\n\nAnn Ek: Chair of the Jury\nBo Ek: Member of the Jury\nJan Orlo: Member of the Jury"
    booklet = _booklet(f"{FOREWORD}\n\n{jury}", heading="{country}: {city}")
    assert [(c.country, c.city) for c in booklet.cities] == PLACES


@pytest.mark.parametrize("heading", [
    "Laureate: {country}, {city}",
    "Award winner 2031: {city} ({country})",
    "CITY PROFILE: {COUNTRY}, {CITY}",
    "Learning City Awardee: {country},\n{city}",
    "Case study {n}: {city} ({country})",
])
def test_a_label_before_every_heading_is_left_out(heading: str) -> None:
    """A template's label before each city's heading ("Laureate: Ruritania, Strelsau",
    "Case study 2: ..." numbered), the place perhaps wrapped after its comma: the place
    heads its city and the label is furniture, in no field. Hard negative: a label the
    profile knows before two names in every city that head nothing ("Prize: Golden Book,
    Harbour Library") stays as printed."""
    def city(n: int, c: str, t: str) -> str:
        text = _city(c, t, heading.format(n=n, country=c, city=t, COUNTRY=c.upper(), CITY=t.upper()))
        return text.replace("\n\nFirst evening", "\n\nPrize: Golden Book, Harbour Library\nFirst evening")
    cities = "\n".join(city(n, c, t) for n, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == \
        [(c.casefold(), t.casefold()) for c, t in PLACES]
    assert all("Prize: Golden Book, Harbour Library" in c.captions for c in booklet.cities)
    fields = " ".join(f"{c.intro} {c.captions} {c.country} {c.city}" for c in booklet.cities).casefold()
    assert "laureate" not in fields and "awardee" not in fields and "profile" not in fields


def test_page_numbers_over_speakers_do_not_number_unnumbered_headings() -> None:
    """A page number over the first heading and over each later city's speaker ("2" /
    "Ann Ek, Mayor of Klow") numbers nothing: a speaker's name and role is no place, so
    the booklet sets no heading numbers apart and the speakers head no city."""
    cities = [_city(c, t, f"{c}, {t}") for c, t in PLACES]
    cities = [text.replace("\nAnn Ek, Mayor", f"\n{k + 1}\nAnn Ek, Mayor") if k else text for k, text in enumerate(cities)]
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n1\n" + "\n".join(cities))
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert [c.quote.speaker if c.quote else None for c in booklet.cities] == ["Ann Ek"] * 3


@pytest.mark.parametrize(("broken", "read"), [("BORDURIA, SZOHOD-\nGU", "szohod-gu"), ("BORDURIA, SZOHODGU", "szohodgu")])
def test_unnumbered_heading_broken_at_a_names_own_hyphen_goes_on_over_the_next_line(broken: str, read: str) -> None:
    """"BORDURIA, SZOHOD-" / "GU" with no number: the place goes on over the next line,
    the name's own hyphen kept (the text names the city "Szohod-gu"). An extractor that
    joined the two lines itself ("SZOHODGU", pdftotext) still heads the city: the text
    names it, hyphens aside; the name is kept as the extractor gave it."""
    places = [*PLACES[:2], ("Borduria", "Szohod-gu")]
    cities = "\n".join(_city(c, t, broken if t == "Szohod-gu" else f"{c.upper()}, {t.upper()}") for c, t in places)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == \
        [(c.casefold(), t.casefold()) for c, t in places[:2]] + [("borduria", read)]


@pytest.mark.parametrize("box", ["City: {city}\nCountry: {country}", "Country: {country}\nCity: {city}"])
def test_a_stats_box_naming_city_and_country_heads_the_city(box: str) -> None:
    """No heading line: the stats box opens "City: Strelsau" / "Country: Ruritania" (either
    order) over the genre's stats; its labels say which name is which. A signature's
    name and role right over the first box are no city (the box names its own). Hard
    negative: a contact's "City:" and "Country:" over a phone number head nothing."""
    def city(c: str, t: str) -> str:
        return _city(c, t, box.format(city=t, country=c)).replace(f"{box.format(city=t, country=c)}\n\n", f"{box.format(city=t, country=c)}\n")
    contact = "Contact\n\nCity: Zenda\nCountry: Ruritania\nPhone: +1 555 0100"
    text = f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{contact}\n\nAnn Ek\nChair of the Jury\n\n"
    booklet = parse_text(text + "\n".join(city(c, t) for c, t in PLACES))
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert all(c.stats.population and c.stats.population.value == 205100 for c in booklet.cities)


def test_a_number_alone_over_a_box_naming_city_and_country_is_the_heading() -> None:
    """The heading prints only the city's number ("1."), the stats box under it opens by
    naming the city and its country: the number and the box head the city, numbered as
    printed, and the number is no paragraph of the city (its intro stays the intro).
    Hard negative: a number over a box naming the country alone heads nothing (no place
    is named whole there)."""
    def city(n: int, c: str, t: str, box: str) -> str:
        return _city(c, t, f"{n}.\n{box}").replace(f"{box}\n\n", f"{box}\n")
    pages = [city(n, c, t, f"City: {t}\nCountry: {c}") for n, (c, t) in enumerate(PLACES, 1)]
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\f" + "\f".join(pages))
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [(n, c, t) for n, (c, t) in enumerate(PLACES, 1)]
    for got in booklet.cities:
        assert got.intro == f"{got.city} lies where two valleys meet, and its plan links every school and library."
        assert got.stats.population is not None and got.stats.population.value == 205100
    alone = [city(n, c, t, f"Country: {c}") for n, (c, t) in enumerate(PLACES, 1)]
    assert parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\f" + "\f".join(alone)).cities == []


@pytest.mark.parametrize("heading", [
    "{city}, {country}: {title}",
    "{city}, {country} – {title}",
    "{n}. {country}, {city}: {title}",
    "{n}. {COUNTRY}, {CITY} –\n{TITLE}",
])
def test_a_title_after_the_headings_place_is_left_out(heading: str) -> None:
    """"Strelsau, Ruritania: Where two valleys meet" (or after a dash, or numbered): the
    place heads its city, the title is no field's text; a title wrapped whole onto the
    next line is the heading's too (no caption), and its place still heads the city. Hard negative: in a booklet whose
    headings print no title, captions that open on their city's place ("Strelsau,
    Ruritania: First evening ...") stay captions, whole, though the front matter lists
    the place: the city just headed is not headed again."""
    titles = ["Where two valleys meet", "A town of mills", "Every street a classroom"]
    cities = "\n".join(_city(c, t, heading.format(n=n + 1, city=t, country=c, title=titles[n], CITY=t.upper(),
                                                  COUNTRY=c.upper(), TITLE=titles[n].upper()))
                       for n, (c, t) in enumerate(PLACES))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [(c.casefold(), t.casefold()) for c, t in PLACES]
    fields = " ".join(f"{c.intro} {c.captions}" for c in booklet.cities)
    assert not any(title in fields or title.upper() in fields for title in titles)

    captioned = "\n".join(_city(c, t, f"{c}, {t}").replace("\nFirst evening", f"\n{t}, {c}: First evening")
                          for c, t in PLACES)
    listed = "\n".join(f"{c}, {t}" for c, t in PLACES)
    plain = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\nThe laureates\n\n{listed}\n\n{captioned}")
    assert [(c.country, c.city) for c in plain.cities] == PLACES
    assert [c.captions for c in plain.cities] == [[f"{t}, {c}: First evening of the book fair in {t}"] for c, t in PLACES]


@pytest.mark.parametrize(("titles", "caps"), [
    (["Learning in|every street", "A town of|mills", "A school on|every corner"], False),  # a word no phrase ends on
    (["Learning in|every street", "A town of|mills", "A school on|every corner"], True),
    (["Where two valleys|meet", "A town of old|mills", "Every street a|classroom"], False),  # a word or two in small letters
    (["Where two valleys|meet", "A town of old|mills", "Every street a|classroom"], True),  # or in capitals
])
def test_a_title_wrapped_after_the_headings_place_is_the_headings(titles: list[str], caps: bool) -> None:
    """"1. RURITANIA, STRELSAU – LEARNING IN" / "EVERY STREET": the title's rest on the
    next line is the heading's, not the city's first caption, when the title stops on a
    word no phrase ends with, or the rest is a word or two in small letters or in the
    title's capitals. Hard negative: a caption under such a heading that goes on after
    a whole title ("... – A TOWN OF MILLS" / "PUPILS AT THE BOOK FAIR IN STRELSAU") stays
    the city's caption."""
    def heading(n: int, country: str, city: str, title: str) -> str:
        text = f"{n}. {country}, {city} – {title.replace('|', chr(10))}"
        return text.upper() if caps else text

    cities = "\n".join(_city(c, t, heading(n + 1, c, t, titles[n])) for n, (c, t) in enumerate(PLACES))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [(c.casefold(), t.casefold()) for c, t in PLACES]
    assert [[k.casefold() for k in c.captions] for c in booklet.cities] == [[f"first evening of the book fair in {t}".casefold()]
                                                                       for _, t in PLACES]

    photo = "Pupils at the book fair in {city}"
    whole = "\n".join(_city(c, t, heading(n + 1, c, t, "A town of mills") + "\n" + photo.format(city=t).upper())
                      for n, (c, t) in enumerate(PLACES))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{whole}")
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [(c.casefold(), t.casefold()) for c, t in PLACES]
    assert all(photo.format(city=c.city).casefold() in [k.casefold() for k in c.captions] for c in booklet.cities)


def test_a_place_before_a_colon_is_shortened_for_headings_only() -> None:
    """Hard negative: "Learning Towns Office, Attention:" over "Awards Desk", twice, under
    the list of cities reads as a place with a title wrapped onto the next line, but only
    the heading recognisers read it shortened: the list gains no entry, the line heads
    nothing and keeps its printed text."""
    listed = "\n".join(f"{c}, {t}" for c, t in PLACES)
    contact = "Learning Towns Office, Attention:\nAwards Desk\nLearning Towns Press, Attention:\nReports Desk"
    cities = "\n".join(_city(c, t, f"{c}, {t}") for c, t in PLACES)
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\nThe laureates\n\n{listed}\n{contact}\n\n{cities}")
    assert _listed(booklet) == PLACES
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert "Learning Towns Office, Attention:" in _kinds(booklet, "unassigned_text")


@pytest.mark.parametrize("box", ["City: {city}\nCountry: {country}", "Country: {country}"])
def test_a_box_naming_the_city_its_heading_named_heads_nothing(box: str) -> None:
    """A heading ("Ruritania – Strelsau") over a box that names the city again ("City:
    Strelsau" / "Country: Ruritania", or the country alone): one city, not two, and the
    box's naming lines are reported as entries no field is for, not captions; a signature
    over the first heading is no city alone over that country."""
    def city(c: str, t: str) -> str:
        named = box.format(city=t, country=c)
        return _city(c, t, f"{c} – {t}").replace("\n\nPopulation:", f"\n\n{named}\nPopulation:", 1)
    text = f"Learning Towns Prize 2031\n\n{FOREWORD}\n\nAnn Ek\nChair of the Jury\n\n" + "\n".join(city(c, t) for c, t in PLACES)
    booklet = parse_text(text)
    assert [(c.country, c.city) for c in booklet.cities] == PLACES
    assert all(c.stats.population and c.stats.population.value == 205100 for c in booklet.cities)
    assert not any("Country:" in caption for c in booklet.cities for caption in c.captions)
    assert any(f"Country: {c}" in p for c, _ in PLACES for p in _kinds(booklet, "unassigned_text"))


@pytest.mark.parametrize("between", ["Photo: FIRST EVENING AT\nTHE OLD MILL", "Ann Ek, Mayor of {city}"])
def test_city_alone_over_a_labelled_caption_or_a_speaker_then_its_box(between: str) -> None:
    """A city's name alone, then a caption after its label or a speaker's name and role
    (facing pages read across), then the box naming the country: the name heads the city.
    Hard negative of the rule that a place heading between name and box stops the run:
    "Photo: ..." and "Ann Ek, Mayor of ..." read as "Label: value" and "Name, Role", no place."""
    def city(c: str, t: str) -> str:
        return _city(c, t, f"{t.upper()}\n{between.format(city=t)}\nCountry: {c}").replace(
            f"Country: {c}\n\nPopulation", f"Country: {c}\nPopulation")
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n" + "\n".join(city(c, t) for c, t in PLACES))
    assert [(c.country, c.city.casefold()) for c in booklet.cities] == [(c, t.casefold()) for c, t in PLACES]


def test_list_run_into_one_line_by_a_heading_wrapped_before_its_comma() -> None:
    """A long country wraps its heading before the comma ("1. United Federation of" /
    "Syldavia, Klow"); the list run into one line prints it whole."""
    places = [("United Federation of Syldavia", "Klow"), ("Borduria", "Szohod")]
    run = " ".join(f"{c}, {t}" for c, t in places)
    headings = ["1. United Federation of\nSyldavia, Klow", "2. Borduria, Szohod"]
    cities = "\n".join(_city(c, t, h) for (c, t), h in zip(places, headings, strict=True))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{run}\n\n{cities}")
    assert _listed(booklet) == places


def test_a_city_over_its_country_with_a_qualifier_is_read_city_first() -> None:
    """Numbered headings that print the city over its country, one of the countries with a
    qualifier in brackets ("3. SZOHOD" / "BORDURIA (FEDERAL REPUBLIC OF)"): the line parts
    the two names, as a comma would, so that heading is no "City (Country)" naming its
    names by itself, and the booklet's order (the city first, each section repeating it)
    reads it as the others: the qualifier stays the country's."""
    places = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria (Federal Republic of)", "Szohod")]
    cities = "\n".join(_city(c, t, f"{n}. {t.upper()}\n{c.upper()}") for n, (c, t) in enumerate(places, 1))
    booklet = parse_text(f"Learning Towns Prize 2031\n\n{FOREWORD}\n\n{cities}")
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [
        (c.casefold(), t.casefold()) for c, t in places]


def test_the_signatory_body_at_the_foot_of_the_front_page_is_not_the_first_citys_caption() -> None:
    """"Ann Ek, Director" / "Institute for Town Learning" end the front matter's page; the
    first city opens the next page under its heading. The line under the signature is the
    signatory's body, not a photo caption of the first city read above its heading."""
    front = (f"Learning Towns Prize 2031\n\n{FOREWORD}\n\nThe winners are:\n"
             + "\n".join(f"{c}, {t}" for c, t in PLACES) + "\n\nBo Ek, Director\nInstitute for Town Learning\n\f")
    booklet = parse_text(front + "\f".join(_city(c, t, f"{n}. {c}, {t}") for n, (c, t) in enumerate(PLACES, 1)))
    assert booklet.booklet.signatory is not None
    assert booklet.booklet.signatory.organization == "Institute for Town Learning"
    assert all("Institute for Town Learning" not in city.captions for city in booklet.cities)
    assert len(booklet.cities) == 3 and booklet.cities[0].captions == ["First evening of the book fair in Strelsau"]


@pytest.mark.parametrize("signature", [
    "Bo Ek, Director\nInstitute for Town Learning",  # the body under the name
    "Bo Ek, Director\nBo Ek, Director\nInstitute for Town Learning",  # the signature printed twice
    "Bo Ek, Director\nBo Ek, Director\n\nInstitute for Town Learning",  # so, and a blank line under it
    "Institute for Town Learning\nBo Ek, Director",  # the body read over the name
])
def test_the_signatory_body_in_text_without_pages_is_not_the_first_citys_caption(signature: str) -> None:
    """Text with no pages and no blank lines (as PyMuPDF gives it): the signature, its
    body, the page's number and the first heading, numbered apart, line after line. The
    capitalised line right under (or over) the signature is the signatory's body, not a
    photo caption of the first city read above its heading. Hard negative: a caption in
    sentence case right under the signature ("Pupils at the book fair in Strelsau") stays
    the first city's."""
    listed = "\n".join(f"{c}, {t}" for c, t in PLACES)

    def booklet(closing: str) -> Booklet:
        cities = "\n".join(f"{n}\n" + _city(c, t, f"{c}\n{t}").replace("\n\n", "\n")
                           for n, (c, t) in enumerate(PLACES, 1))
        return parse_text(f"Learning Towns Prize 2031\n{FOREWORD}\nThe winners are:\n{listed}\n{closing}\n{cities}")

    got = booklet(signature)
    assert got.booklet.signatory is not None
    assert (got.booklet.signatory.name, got.booklet.signatory.organization) == ("Bo Ek", "Institute for Town Learning")
    assert [c.city for c in got.cities] == [t for _, t in PLACES]
    assert all("Institute for Town Learning" not in city.captions for city in got.cities)

    photo = booklet("Bo Ek, Director\nPupils at the book fair in Strelsau")
    assert photo.booklet.signatory is not None and photo.booklet.signatory.organization is None
    assert "Pupils at the book fair in Strelsau" in photo.cities[0].captions
