"""Fields from blocks: an item cut by a column or page break is one item again."""

from __future__ import annotations

import pytest

from booklet_extract.blocks import Block, BlockKind, ItemData
from booklet_extract.fields import _merge_continued
from booklet_extract.line import Line
from booklet_extract.pipeline import parse_text
from booklet_extract.validate import count_problems


def _prose(text: str, n: int, marker: str | None = None) -> Block:
    return Block(BlockKind.PROSE, [Line(text, n)], [text], ItemData(marker) if marker else None)


def test_a_cut_after_a_word_no_sentence_ends_with_joins_a_capitalised_tail() -> None:
    blocks = [_prose("1. A forum for young people in", 1, "1."), _prose("Strelsau. It meets monthly.", 2),
              _prose("2. A reading club.", 3, "2.")]
    merged = _merge_continued(blocks)
    assert [b.texts for b in merged] == [["1. A forum for young people in", "Strelsau. It meets monthly."],
                                         ["2. A reading club."]]


def test_a_lowercase_tail_joins_and_a_finished_item_does_not() -> None:
    blocks = [_prose("A forum for young", 1), _prose("people of the city.", 2), _prose("Strelsau Reads.", 3)]
    assert [b.texts for b in _merge_continued(blocks)] == [["A forum for young", "people of the city."],
                                                           ["Strelsau Reads."]]


def test_a_capitalised_block_after_a_full_word_stays_apart() -> None:
    # No full stop, but the last word could end a title or a name: not enough to join.
    blocks = [_prose("The Strelsau Learning Festival", 1), _prose("Reading Week for all ages.", 2)]
    assert len(_merge_continued(blocks)) == 2


def _placed(text: str, n: int, box: tuple[float, float, float, float], page: int = 2,
            marker: str | None = None) -> Block:
    line = Line(text, n, True, bbox=box, page=page)
    return Block(BlockKind.PROSE, [line], [text], ItemData(marker) if marker else None)


def test_a_marked_items_rest_heading_the_next_column_joins_it() -> None:
    """'(3) 'Medellín, How Are We' ends column 2; 'Doing?', a ...' heads column 3."""
    item = _placed("(3) ’Medellín, How Are We", 50, (220.0, 230.0, 346.0, 239.0), marker="(3)")
    rest = _placed("Doing?’, a multi-sectoral mechanism.", 51, (414.0, 150.0, 524.0, 160.0))
    assert [b.texts for b in _merge_continued([item, rest])] == [
        ["(3) ’Medellín, How Are We", "Doing?’, a multi-sectoral mechanism."]]


def test_an_unmarked_block_below_or_on_the_next_page_stays_apart() -> None:
    """Hard negatives: under the item in its own column, or opening the next page, an
    unmarked capitalised block may be anything; nor does an unmarked item pull one in."""
    item = _placed("(3) The Strelsau Learning Festival", 50, (220.0, 230.0, 346.0, 239.0), marker="(3)")
    below = _placed("Reading Week for all ages.", 51, (220.0, 260.0, 346.0, 269.0))
    next_page = _placed("Reading Week for all ages.", 51, (414.0, 150.0, 524.0, 160.0), page=3)
    unmarked = _placed("The Strelsau Learning Festival", 50, (220.0, 230.0, 346.0, 239.0))
    column = _placed("Reading Week for all ages.", 51, (414.0, 150.0, 524.0, 160.0))
    assert len(_merge_continued([item, below])) == 2
    assert len(_merge_continued([item, next_page])) == 2
    assert len(_merge_continued([unmarked, column])) == 2


def test_an_unmarked_item_cut_at_a_column_foot_joins_where_the_list_ends_sentences() -> None:
    """'... the Strelsau' ends column 1 of a list whose paragraphs all end on a full stop;
    'National Park.' heads column 2 above the next item: the cut item's rest."""
    first = _placed("A school for adult learners, open at night.", 40, (51.0, 141.0, 280.0, 167.0))
    cut = _placed("Guides for young people through the Strelsau", 41, (51.0, 173.0, 273.0, 199.0))
    rest = _placed("National Park.", 42, (305.0, 141.0, 366.0, 153.0))
    last = _placed("A children's library with stories in three languages.", 43, (305.0, 159.0, 525.0, 185.0))
    assert [b.texts for b in _merge_continued([first, cut, rest, last])] == [
        ["A school for adult learners, open at night."],
        ["Guides for young people through the Strelsau", "National Park."],
        ["A children's library with stories in three languages."]]


def test_unmarked_titles_without_full_stops_stay_apart_at_a_column_foot() -> None:
    """Hard negative: items printed as titles end no sentence, so one at a column's foot
    shows no cut, though the next column's block ends on a full stop."""
    first = _placed("Reading clubs for all ages", 40, (51.0, 141.0, 280.0, 153.0))
    foot = _placed("The Strelsau Learning Festival", 41, (51.0, 173.0, 273.0, 185.0))
    head = _placed("Night school for adults.", 42, (305.0, 141.0, 366.0, 153.0))
    assert len(_merge_continued([first, foot, head])) == 3


_UNMARKED_QUOTE_CITY = """The cities are:

Ruritania, Strelsau
Borduria, Szohod

1. Ruritania, Strelsau
City population: 1,200
Strelsau is a city of learners. Its initiatives include:

A network of reading clubs for all ages.

A school for adult learners, open at night.

A festival of learning held each spring.

Learning is the key to our future, and we want every
resident to share it. We open our schools

to every resident, young and old.

Ann Ek, Mayor of Strelsau
"""


def test_a_quote_without_quotation_marks_broken_mid_sentence_is_read_whole() -> None:
    """An unmarked quote is the block before the attribution, with the block before it
    when that one stops mid-sentence and this one opens in lowercase (a break inside
    the quote); the finished item before it stays an item (hard negative)."""
    from booklet_extract.pipeline import parse_text

    city = parse_text(_UNMARKED_QUOTE_CITY, path="unmarked.txt").cities[0]
    assert city.quote is not None
    assert city.quote.text == ("Learning is the key to our future, and we want every resident to share it. "
                               "We open our schools to every resident, young and old.")
    assert [i.text for i in city.initiatives][-1] == "A festival of learning held each spring."
    assert len(city.initiatives) == 3


@pytest.mark.parametrize("area", ["300 km 2", "300 km 2 (2016)", "300 km²", "300 sq km"])
def test_an_area_whose_superscript_two_an_extractor_set_apart_is_read(area: str) -> None:
    """Square kilometres as extractors give them: the superscript two may come apart from
    `km` by a space; the figure is still whole, not malformed."""
    from .test_sections import CITY_A

    city = parse_text(CITY_A.replace("300 km2", area)).cities[0]
    assert city.stats.area_km2 is not None and city.stats.area_km2.value == 300
    assert city.stats.area_km2.raw == area.removesuffix(" (2016)")


def test_a_stat_printed_as_not_available_is_missing_not_malformed() -> None:
    """"GDP per capita: n/a" keeps what was printed, reads no value, and is reported as a
    missing field, not a malformed number. Hard negative: a figure that is no number
    ("US$9,7800") is still malformed."""
    text = ("Front matter paragraph that introduces the booklet.\n\n1. Ruritania, Zenda\nCity population: 1,200\n"
            "GDP per capita: {gdp}\n\nZenda is a town. Its initiatives include:\n1. Reading clubs.\n"
            "2. Evening classes.\n\n‘We learn.’\nAnn Ek, Mayor of Zenda\n")
    booklet = parse_text(text.format(gdp="n/a"))
    gdp = booklet.cities[0].stats.gdp_usd
    assert gdp is not None and (gdp.raw, gdp.value) == ("n/a", None)
    kinds = {f.kind for f in booklet.flags if f.message.startswith("gdp_usd")}
    assert kinds == {"missing_field"}
    malformed = parse_text(text.format(gdp="US$9,7800"))
    assert {f.kind for f in malformed.flags if "gdp_usd" in f.message} == {"malformed_number"}


@pytest.mark.parametrize("gdp,currency", [("€12,000", "€"), ("12,000 EUR", "EUR"), ("£9,500 (2019)", "£"),
                                          ("12,000 euros per capita", "euros")])
def test_a_gdp_in_another_currency_is_kept_as_printed_never_taken_for_dollars(gdp: str, currency: str) -> None:
    """`gdp_usd` holds US dollars: a GDP printed in euros or pounds is read (its raw text,
    its year) but given no value, never converted, and flagged; --strict counts it. Hard
    negatives: `US$12,000`, `USD 12,000` and a bare `$12,000` are dollars."""
    text = ("Front matter paragraph that introduces the booklet.\n\n1. Ruritania, Zenda\nCity population: 1,200\n"
            "Annual GDP: {gdp}\n\nZenda is a town. Its initiatives include:\n1. Reading clubs.\n"
            "2. Evening classes.\n\n‘We learn.’\nAnn Ek, Mayor of Zenda\n")
    booklet = parse_text(text.format(gdp=gdp))
    stat = booklet.cities[0].stats.gdp_usd
    assert stat is not None and stat.value is None and stat.raw == gdp.removesuffix(" (2019)")
    assert stat.year == (2019 if "2019" in gdp else None)
    flags = [f for f in booklet.flags if f.message.startswith("gdp_usd")]
    assert [f.kind for f in flags] == ["other_currency"] and f"printed in {currency} " in flags[0].message
    for dollars in ("US$12,000", "USD 12,000", "$12,000"):
        in_dollars = parse_text(text.format(gdp=dollars))
        stat = in_dollars.cities[0].stats.gdp_usd
        assert stat is not None and stat.value == 12000, dollars
        assert count_problems(booklet) == count_problems(in_dollars) + 1


_DECIMAL_STATS = """1. Ruritania, Alpha
City population: {population}
City/urban area: 380,2 km2
Annual GDP: {gdp}
Alpha is a town of learners. Its initiatives include:
1. Reading clubs.
2. Evening classes.
‘Alpha learns together.’
Ann Ek, Mayor of Alpha
"""


def test_a_count_of_people_or_money_with_a_decimal_comma_is_malformed_not_a_decimal() -> None:
    """A GDP printed "US$41,0" (a cell that cut its figure short) is no 41.0: people and
    money are counted whole, so the figure is malformed, its raw text kept and flagged.
    Hard negatives: an area's decimal comma ("380,2 km2") is a decimal, and so is a
    count's before a scale ("1,25 million")."""
    booklet = parse_text(_DECIMAL_STATS.format(population="1,200", gdp="US$41,0"))
    stats = booklet.cities[0].stats
    assert stats.gdp_usd is not None and stats.gdp_usd.raw == "US$41,0" and stats.gdp_usd.value is None
    assert any(f.kind == "malformed_number" and "US$41,0" in f.message for f in booklet.flags)
    assert stats.area_km2 is not None and stats.area_km2.value == 380.2
    scaled = parse_text(_DECIMAL_STATS.format(population="1,25 million", gdp="US$6,643")).cities[0].stats
    assert scaled.population is not None and scaled.population.value == 1250000
    assert scaled.gdp_usd is not None and scaled.gdp_usd.value == 6643


_CITY_AFTER_FRONT = """1. Ruritania, Strelsau

City population: 1,200

Strelsau is a city of learners. Its initiatives include:

1. A network of reading clubs.

2. A school for adult learners.

3. A festival of learning.

‘We learn together.’

Ann Ek, Mayor of Strelsau
"""


def test_the_title_over_a_foreword_with_no_introduction_is_the_booklet_title() -> None:
    """The booklet's first line is its title where front matter follows it, a foreword
    signed by its author as well as an introduction. Hard negative: a first line with no
    front matter after it (the first city's heading next) is no title: it may be a
    caption over that heading."""
    front = "LEARNING TOWNS PRIZE 2031\n\nFOREWORD\n\nEach year the prize honours towns that learn.\n\n" \
            "Orlo Vesk\nDirector, Institute for Learning\n\n"
    booklet = parse_text(front + _CITY_AFTER_FRONT, path="foreword.txt").booklet
    assert (booklet.title, booklet.year) == ("LEARNING TOWNS PRIZE 2031", 2031)
    assert booklet.foreword == "Each year the prize honours towns that learn."
    bare = parse_text("LEARNING TOWNS PRIZE 2031\n\n" + _CITY_AFTER_FRONT, path="bare.txt").booklet
    assert (bare.title, bare.year) == (None, None)


def test_an_attribution_set_above_its_quote_drops_the_colon_that_opens_the_quote() -> None:
    """'Ann Ek, Mayor of Strelsau:' over the quote: the colon introduces the quotation
    and is no part of the role. Hard negative: --raw-text keeps it as printed."""
    city = _CITY_AFTER_FRONT.replace("‘We learn together.’\n\nAnn Ek, Mayor of Strelsau\n",
                                     "Ann Ek, Mayor of Strelsau:\n‘We learn together.’\n")
    quote = parse_text(city, path="above.txt").cities[0].quote
    assert quote is not None and (quote.speaker, quote.role, quote.text) == ("Ann Ek", "Mayor of Strelsau", "We learn together.")
    raw = parse_text(city, path="above.txt", raw_text=True).cities[0].quote
    assert raw is not None and raw.role == "Mayor of Strelsau:"


def test_a_stat_labels_bare_year_before_its_colon_is_the_figures_year() -> None:
    """"Population 2020: 1,200,000": the label's year, bare, is the figure's, as the
    bracketed "Population (2020): ..." is. Hard negative: "Population 2016" alone is
    no stat line (`test_stat_label_and_figure_without_a_colon`)."""
    city = _CITY_AFTER_FRONT.replace("City population: 1,200", "Population 2020: 1,200,000\nGDP per capita 2019 – US$8,300")
    stats = parse_text(city, path="years.txt").cities[0].stats
    assert stats.population is not None and (stats.population.value, stats.population.year) == (1200000, 2020)
    assert stats.gdp_usd is not None and (stats.gdp_usd.value, stats.gdp_usd.year) == (8300, 2019)


_FRONT = ("Learning Cities 2027\n\nForeword\n\nCities that learn open their libraries to all.\n\n"
          "Ilse Varga\n{role}\n{after}\n\n1. Ruritania, Zenda\nPopulation: 1,200\n\nZenda is a town. Its initiatives "
          "include:\n1. Reading clubs.\n2. Evening classes.\n\n‘We learn.’\nAnn Ek, Mayor of Zenda\n")


def test_a_signatures_body_after_a_comma_is_its_organization() -> None:
    """"Director, Institute for Adult Learning" with no line of its own for the body: the
    title is the role, the body after the comma the organization; a heading over the list
    of cities ("The award-winning cities") is furniture, no organization. Hard negative:
    with the body on a line of its own, a role with a comma stays whole."""
    booklet = parse_text(_FRONT.format(role="Director, Institute for Adult Learning",
                                       after="\nThe award-winning cities\n\nRuritania, Zenda"))
    signatory = booklet.booklet.signatory
    assert signatory is not None
    assert (signatory.name, signatory.role, signatory.organization) == (
        "Ilse Varga", "Director", "Institute for Adult Learning")
    signatory = parse_text(_FRONT.format(role="Director, Education Sector", after="Institute for Adult Learning\n\n"
                                         "The award-winning cities\n\nRuritania, Zenda")).booklet.signatory
    assert signatory is not None
    assert (signatory.role, signatory.organization) == ("Director, Education Sector", "Institute for Adult Learning")


def test_an_unsigned_introduction_of_several_paragraphs_and_a_year_in_the_subtitle() -> None:
    """Front matter with no signed foreword: the paragraphs under its "Introduction"
    label are the booklet's introduction, all of them (not the first city's intro); the
    year printed in the subtitle under the title is the booklet's. Hard negative: a text
    with no city sections (no booklet) keeps only its first paragraph as the
    introduction, its other paragraphs left unassigned, in view."""
    text = ("LEARNING CITIES OF THE NORTH\nAward winners 2026\n\nIntroduction\n\n"
            "Two cities have been honoured this year for their work.\n\nThe winning cities are Zenda and Klow.\n\n"
            + "".join(f"{n}. Ruritania, {city}\nPopulation: 1,200\n\n{city} is a town. Its initiatives include:\n"
                      f"1. Reading clubs.\n2. Evening classes.\n\n‘We learn.’\nAnn Ek, Mayor of {city}\n\n"
                      for n, city in ((1, "Zenda"), (2, "Klow"))))
    booklet = parse_text(text)
    assert booklet.booklet.introduction == ("Two cities have been honoured this year for their work. "
                                            "The winning cities are Zenda and Klow.")
    assert (booklet.booklet.title, booklet.booklet.year) == ("LEARNING CITIES OF THE NORTH", 2026)
    assert booklet.cities[0].intro == "Zenda is a town. Its initiatives include:"
    plain = parse_text("The first paragraph of the report.\n\nThe second paragraph of it.\n")
    assert plain.booklet.introduction == "The first paragraph of the report."
    assert any(f.kind == "unassigned_text" and f.printed == "The second paragraph of it." for f in plain.flags)


def test_a_photo_credit_at_a_captions_end_is_no_part_of_it() -> None:
    """"Night school (Photo: Jan Orlo)", "Book fair © City of Zenda": the credit, printed
    on its own line a credit and no caption, is none printed at the caption's end either;
    --raw-text keeps the caption as printed. Hard negative: a year in brackets stays."""
    text = ("1. Ruritania, Zenda\nPopulation: 1,200\n\nZenda is a town. Its initiatives include:\n1. Reading clubs.\n"
            "2. Evening classes.\n\n‘We learn.’\nAnn Ek, Mayor of Zenda\n\nBook fair © City of Zenda\n\n"
            "Night school (Photo: Jan Orlo)\n\nOld harbour (2019)\n")
    assert parse_text(text).cities[0].captions == ["Book fair", "Night school", "Old harbour (2019)"]
    assert parse_text(text, raw_text=True).cities[0].captions == [
        "Book fair © City of Zenda", "Night school (Photo: Jan Orlo)", "Old harbour (2019)"]
