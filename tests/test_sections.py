"""Section splitting on small synthetic booklets: what goes to which city, and why."""

from __future__ import annotations

from dataclasses import replace

import pytest

from booklet_extract import sections
from booklet_extract.block_stage import build_blocks
from booklet_extract.blocks import Block, BlockKind, ItemData, StatData
from booklet_extract.fields import (
    intro_from_leading_length,
    intro_from_usual_count,
    intro_naming_its_city,
)
from booklet_extract.headings import heading_style
from booklet_extract.line import Line, SourceDocument
from booklet_extract.models import Booklet
from booklet_extract.pipeline import build_booklet, parse_text
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.repairs import repair_lines
from booklet_extract.sections import CitySection
from booklet_extract.sources.text import lines_from_text

CITY_A = """\
Photo of the harbour

Ruritania’s capital has a long history of adult learning. Its main efforts
include:

1. Ruritania, Strelsau
City population: 1,200,000 (2018)
City/urban area: 300 km2
Annual GDP: US$12,000

A network of community schools
that reach every district.

Evening classes for workers
in the old town.

‘We believe in learning for all,
at every age.’

Rudolf Rassendyll, Mayor of Strelsau

Evening class in session
"""

CITY_B_STATS_FIRST = """\
 City population: 50,000
City/urban area: 20 km2
Annual GDP: US$3,000

Zenda is a small town that has done much for learners. It has
created:

2. Ruritania, Zenda
A lending library on wheels
for remote villages.

A festival of learning held
every spring.

‘Zenda learns together.’

Flavia Elphberg, Governor of Zenda Province
"""


def test_stats_before_heading_go_to_the_next_city() -> None:
    booklet = parse_text(CITY_A + "\n" + CITY_B_STATS_FIRST)
    a, b = booklet.cities
    assert a.stats.population and a.stats.population.value == 1_200_000 and a.stats.population.year == 2018
    assert b.stats.population and b.stats.population.value == 50_000
    assert b.intro and b.intro.endswith("It has created:")
    assert [i.text for i in b.initiatives] == [
        "A lending library on wheels for remote villages.",
        "A festival of learning held every spring.",
    ]
    assert b.quote and b.quote.text == "Zenda learns together." and b.quote.role == "Governor of Zenda Province"


def test_trailing_caption_stays_in_the_same_region() -> None:
    booklet = parse_text(CITY_A + "\n" + CITY_B_STATS_FIRST)
    assert booklet.cities[0].captions == ["Photo of the harbour", "Evening class in session"]


def test_caption_opening_a_new_text_box_goes_to_the_next_city() -> None:
    moved = CITY_A + " Mobile library van\n\n" + CITY_B_STATS_FIRST.lstrip()
    a, b = parse_text(moved).cities
    assert "Mobile library van" not in a.captions
    assert b.captions == ["Mobile library van"]


def test_quote_without_marks_before_an_attribution() -> None:
    text = CITY_A.replace("‘We believe in learning for all,\nat every age.’", "We believe in learning for all,\nat every age.")
    city = parse_text(text).cities[0]
    assert city.quote and city.quote.text == "We believe in learning for all, at every age."
    assert len(city.initiatives) == 2


def test_numbered_initiatives_in_one_paragraph() -> None:
    text = CITY_A.replace(
        "A network of community schools\nthat reach every district.\n\nEvening classes for workers\nin the old town.",
        "1. A network of community schools\nthat reach every district.\n2. Evening classes for workers\nin the old town.",
    )
    city = parse_text(text).cities[0]
    assert [i.text for i in city.initiatives] == [
        "A network of community schools that reach every district.",
        "Evening classes for workers in the old town.",
    ]


def test_missing_quote_is_flagged_not_fatal() -> None:
    text = CITY_A.replace("‘We believe in learning for all,\nat every age.’\n\nRudolf Rassendyll, Mayor of Strelsau\n", "")
    booklet = parse_text(text)
    assert booklet.cities[0].quote is None
    assert any(f.kind == "missing_field" and "no quote" in f.message for f in booklet.flags)


def test_every_line_is_accounted_for() -> None:
    booklet = parse_text(CITY_A + "\nA stray line after everything.\n")
    cov = booklet.coverage
    assert cov.lines == cov.assigned + cov.noise + cov.unassigned
    assert cov.unassigned == 1
    assert [f.printed for f in booklet.flags if f.kind == "unassigned_text"] == ["A stray line after everything."]


def test_attribution_on_two_lines_or_after_a_dash() -> None:
    two_lines = CITY_A.replace("Rudolf Rassendyll, Mayor of Strelsau", "Rudolf Rassendyll\nMayor of Strelsau")
    city = parse_text(two_lines).cities[0]
    assert city.quote and (city.quote.speaker, city.quote.role) == ("Rudolf Rassendyll", "Mayor of Strelsau")
    assert city.captions == ["Photo of the harbour", "Evening class in session"]
    dashed = CITY_A.replace("Rudolf Rassendyll, Mayor", "— Rudolf Rassendyll, Mayor")
    city = parse_text(dashed).cities[0]
    assert city.quote and city.quote.speaker == "Rudolf Rassendyll"


def test_two_short_lines_after_a_paragraph_are_not_an_attribution() -> None:
    text = CITY_A.replace("Evening class in session", "Evening Class\nDirector of studies at work")
    city = parse_text(text).cities[0]
    assert city.quote and city.quote.speaker == "Rudolf Rassendyll"
    # Two capitalised caption lines one under another read as two captions.
    assert city.captions[-2:] == ["Evening Class", "Director of studies at work"]


MARGIN_FIRST = """\
Front matter paragraph that introduces the booklet and its cities.
\f1,200
City population
‘We learn together.’
Ann Ek, Mayor of Alpha
1. Ruritania, Alpha
Alpha is a city of learners. Its initiatives include:
1. A library on wheels.
2. A festival of learning.
\f50,000
City population
‘Zenda learns.’
Bo Ek, Mayor of Zenda
2. Ruritania, Zenda
Zenda is small. It has created:
1. Evening classes.
"""


def test_a_heading_page_holds_its_city_when_the_margin_column_is_read_first() -> None:
    """Text from an extractor that reads a page's margin column (stats, quote) before
    its body: what the heading's page holds before the heading is that city's."""
    a, b = parse_text(MARGIN_FIRST).cities
    assert a.stats.population and a.stats.population.value == 1200
    assert a.quote and a.quote.speaker == "Ann Ek" and [i.text for i in a.initiatives] == [
        "A library on wheels.", "A festival of learning."]
    assert b.stats.population and b.stats.population.value == 50_000
    assert b.quote and b.quote.speaker == "Bo Ek" and [i.text for i in b.initiatives] == ["Evening classes."]


QUOTE_BEFORE_BODY = """\
Front matter paragraph that introduces the booklet and its cities.
\fCity population: 1,200
1. Ruritania, Alpha
‘We learn together.’
Ann Ek, Mayor of Alpha
Alpha is a city of learners. Its initiatives include:
1. A library on wheels.
2. A festival of learning.
\fCity population: 50,000
2. Ruritania, Zenda
Zenda is small. It has created:
1. Evening classes.
‘Zenda learns.’
Bo Ek, Mayor of Zenda
"""


def test_quote_read_before_the_body_on_the_heading_page() -> None:
    """The quote comes before the intro (a margin column read first): the intro after it
    is still the city's, and it is not taken for the next city's intro, which the next
    page begins."""
    a, b = parse_text(QUOTE_BEFORE_BODY).cities
    assert a.intro == "Alpha is a city of learners. Its initiatives include:"
    assert [i.text for i in a.initiatives] == ["A library on wheels.", "A festival of learning."]
    assert a.quote and a.quote.speaker == "Ann Ek"
    assert b.intro == "Zenda is small. It has created:"
    assert [i.text for i in b.initiatives] == ["Evening classes."]


STATS_AFTER_QUOTE = """\
Front matter paragraph that introduces the booklet and its cities.
\f1. Ruritania, Alpha
Alpha is a city of learners. Its initiatives include:
1. A library on wheels.
City population: 1,200
‘We learn together.’
Ann Ek, Mayor of Alpha
City/urban area: 30 km2
Annual GDP: US$5,000
\f2. Ruritania, Zenda
City population: 50,000
Zenda is small. It has created:
1. Evening classes.
‘Zenda learns.’
Bo Ek, Mayor of Zenda
"""


def test_stats_the_city_lacks_after_its_quote_are_its_own() -> None:
    """A row of stats set below the quote: the stats the city has not had yet stay with it."""
    a, b = parse_text(STATS_AFTER_QUOTE).cities
    assert a.stats.area_km2 and a.stats.area_km2.value == 30
    assert a.stats.gdp_usd and a.stats.gdp_usd.value == 5000
    assert b.stats.population and b.stats.population.value == 50_000 and b.stats.area_km2 is None


OVERFLOW_PAGE = """\
Front matter paragraph that introduces the booklet and its cities.
\f1. Ruritania, Alpha
City population: 1,200
Alpha is a city of learners. Its initiatives include:
1. A library on wheels.
2. A festival of learning.
‘We learn together.’
Ann Ek, Mayor of Alpha
Reading club
\fEvening class
""" + STATS_AFTER_QUOTE[STATS_AFTER_QUOTE.index("\f2. Ruritania, Zenda"):]  # the next city opens a page


def test_a_page_of_captions_before_a_heading_that_opens_its_page_is_the_city_before() -> None:
    """A caption that overflowed onto a page of its own, after the quote: the next
    heading opens the next page, so nothing of that city comes before it."""
    a, b = parse_text(OVERFLOW_PAGE).cities
    assert a.captions == ["Reading club", "Evening class"]
    assert b.captions == []


def test_matter_above_a_heading_on_its_own_page_is_the_next_city() -> None:
    """Hard negative: the caption shares the next heading's page, set above it."""
    text = OVERFLOW_PAGE.replace("\fEvening class\n\f2.", "\fEvening class\n2.")
    a, b = parse_text(text).cities
    assert a.captions == ["Reading club"]
    assert b.captions == ["Evening class"]


def _city(n: int, name: str, items: list[str]) -> str:
    return "\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its initiatives include:",
                      *items, f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}"])


def _items(name: str) -> list[str]:
    """Three unnumbered items, each of whose last lines leaves room for the next word."""
    return [f"A network of reading clubs that meets in {name} in every",
            "district of the town, run by volunteers.",
            f"Evening classes for workers in the old town of {name}, held",
            "in the school after the pupils go home.",
            f"A festival of learning held in {name} every spring."]


def _with_two_regular_cities(gamma: list[str]) -> Booklet:
    """A booklet whose first two cities have three items each, then Gamma."""
    return parse_text("\n".join([_city(1, "Alpha", _items("Alpha")), _city(2, "Beta", _items("Beta")),
                                 _city(3, "Gamma", gamma)]))


def test_items_run_together_are_split_to_the_booklet_usual_count() -> None:
    """No blank lines and a full last line: two unnumbered items run together. The other
    cities have three items, and one place ends a sentence at a line end: the cut."""
    gamma = ["A network of reading clubs that meets in Gamma in every",
             "district of the town every week, run by the volunteers.",
             "Evening classes for workers in the old town of Gamma.", "A festival held every spring."]
    booklet = _with_two_regular_cities(gamma)
    assert [len(c.initiatives) for c in booklet.cities] == [3, 3, 3]
    city = booklet.cities[2]
    assert city.initiatives[0].text.endswith("run by the volunteers.")
    assert city.initiatives[1].text == "Evening classes for workers in the old town of Gamma."


def test_an_item_opening_with_a_figure_is_cut_to_the_usual_count() -> None:
    """An item may open with a figure that counts what the word after it names ("1,200
    volunteers who ..."): run into the item above, it is cut at the booklet's usual count
    as an item opening with a capital is. Hard negative: a line opening with a year and a
    capital ("2019 Annual ...") opens no item."""
    gamma = ["A network of reading clubs that meets in Gamma in every",
             "district of the town every week, run by the volunteers.",
             "1,200 volunteers who guide the visitors of the old town.", "A festival held every spring."]
    booklet = _with_two_regular_cities(gamma)
    assert [len(c.initiatives) for c in booklet.cities] == [3, 3, 3]
    assert booklet.cities[2].initiatives[1].text == "1,200 volunteers who guide the visitors of the old town."
    year = [*gamma[:2], "2019 Annual reports of the old town are read by all.", gamma[3]]
    assert not any(i.text.startswith("2019") for i in _with_two_regular_cities(year).cities[2].initiatives)


def test_two_places_for_one_missing_item_are_left_as_printed() -> None:
    """Hard negative: one item is missing but two places could end it: too unsure to cut.
    (The third line is wide: three short sentence lines in a row would be a column of
    one-line items, `paragraphs._one_liners`.)"""
    gamma = ["A network of reading clubs that meets in Gamma every week.",
             "It is run by the volunteers of every district of the town.",
             "Evening classes in the old town of Gamma, daily.", "A festival held every spring."]
    assert [len(c.initiatives) for c in _with_two_regular_cities(gamma).cities] == [3, 3, 2]


def _merged(name: str) -> list[str]:
    """Three items run together: two places end a sentence at a line end."""
    return [f"A network of reading clubs that meets in {name} in every",
            "district of the town every week, run by the volunteers.",
            f"Evening classes for workers in the old town of {name}.", "A festival held every spring."]


def test_the_usual_count_is_the_highest_several_cities_share() -> None:
    """Run-together items only lower a city's count: with two cities of three items and
    three run together into one, three is the booklet's count, though one is more frequent."""
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    regular = {"Alpha", "Beta"}
    text = "\n".join(_city(n, name, _items(name) if name in regular else _merged(name))
                     for n, name in enumerate(names, start=1))
    assert [len(c.initiatives) for c in parse_text(text).cities] == [3, 3, 3, 3, 3]


def test_every_city_cut_at_its_sentence_ends_to_one_count_gives_the_usual_count() -> None:
    """Three items run together into one in four of five cities, the fifth whole: a count
    only one city has. But cut at every line that ends a sentence before a capital, every
    city has three: that is the booklet's count, and the four are cut so. Where one city
    would have four so (an item of two sentences), the cities do not agree: then a city
    holding exactly the places it lacks (the rule for any count) is cut there, and one
    holding more only where a line had room for the next word (hard negative: the
    two-sentence city is not cut at its full line)."""
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    text = "\n".join(_city(n, name, _items(name) if name == "Alpha" else _merged(name))
                     for n, name in enumerate(names, start=1))
    cities = parse_text(text).cities
    assert [len(c.initiatives) for c in cities] == [3, 3, 3, 3, 3]
    assert [i.text for i in cities[1].initiatives] == [
        "A network of reading clubs that meets in Beta in every district of the town every week, run by the volunteers.",
        "Evening classes for workers in the old town of Beta.", "A festival held every spring."]
    two_sentences = [*_merged("Epsilon")[:3], "A festival held in the town every spring.", "It is open to all."]
    text = "\n".join(_city(n, name, _items(name) if name == "Alpha" else two_sentences if name == "Epsilon"
                           else _merged(name)) for n, name in enumerate(names, start=1))
    cities = parse_text(text).cities
    assert [len(c.initiatives) for c in cities][1:4] == [3, 3, 3]
    assert cities[4].initiatives[0].text.endswith("run by the volunteers. Evening classes for workers in the old town"
                                                  " of Epsilon.")


def _unmarked_quote_city(n: int, name: str, items: list[str]) -> str:
    """A city whose quote is printed without marks, above its attribution."""
    return "\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its initiatives include:", *items,
                      f"{name} learns together, young and old, in every school and", "library of the town.",
                      f"Ann Ek, Mayor of {name}"])


def test_a_quote_without_marks_is_no_item_when_counting_the_usual_count() -> None:
    """Two items run together in Alpha at a full line, in Beta at a line with room left
    for the next word. The quote printed without marks above each attribution is the
    city's quote, not an item: counted as one, Alpha would seem to have one item fewer
    than it could only where lines had room. Without it, each city cut at each line that
    ends a sentence before a capital has three: the booklet's count, cut so in Alpha
    too, though its line was full."""
    def run_together(name: str, tail: str) -> list[str]:
        return [f"A network of reading clubs that meets in {name} in every", "district of the town, run by volunteers.",
                f"Evening classes for workers in the old town of {name}, held", tail,
                f"A festival held in {name} each spring."]
    full, roomy, short = ("in the school after the pupils go home, every day at seven.",
                          "in the school after the pupils go home, each evening.", "in the school after the pupils go home.")
    text = "\n".join([_unmarked_quote_city(1, "Alpha", run_together("Alpha", full)),
                      _unmarked_quote_city(2, "Beta", run_together("Beta", roomy)),
                      _unmarked_quote_city(3, "Gamma", run_together("Gamma", short))])
    cities = parse_text(text).cities
    assert [len(c.initiatives) for c in cities] == [3, 3, 3]
    assert cities[0].initiatives[2].text == "A festival held in Alpha each spring."
    assert [c.quote and c.quote.text.startswith(c.city) for c in cities] == [True, True, True]


def test_a_city_without_an_intro_is_cut_once_more_for_its_intro_run_into_its_items() -> None:
    """No blank lines: Alpha's intro ends on a full line and runs into its items, and two
    of its items run together, so it shows no intro. Its lines ending a sentence before
    a capital are one more than the items it lacks: the one more is its intro's end, and
    cut there the intro is found."""
    def city(n: int, name: str, intro: list[str], tail: str) -> str:
        return "\n".join([f"{n}. Ruritania, {name}", *intro,
                          f"A network of reading clubs that meets in {name} in every",
                          "district of the town, run by volunteers.",
                          f"Evening classes for workers in the old town of {name}, held", tail,
                          f"A festival held in {name} each spring.", f"‘{name} learns together.’",
                          f"Ann Ek, Mayor of {name}"])
    lead = "{0} is a town of learners. Its initiatives include:"
    text = "\n".join([
        city(1, "Alpha", ["Alpha is a town of learners by the river, with schools and",
                          "libraries in every district of the old and the new towns."],
             "in the school after the pupils go home at six daily."),
        city(2, "Beta", [lead.format("Beta")], "in the school after the pupils go home, each evening."),
        city(3, "Gamma", [lead.format("Gamma")], "in the school after the pupils go home.")])
    alpha = parse_text(text).cities[0]
    assert alpha.intro is not None and alpha.intro.endswith("of the old and the new towns.")
    assert [i.text[:20] for i in alpha.initiatives] == ["A network of reading", "Evening classes for ",
                                                        "A festival held in A"]


def _paired(lines: list[str]) -> list[list[str]]:
    """`_items`' five lines as its three items (two of two lines, one of one)."""
    return [lines[0:2], lines[2:4], lines[4:5]]


def _plain_items(name: str) -> list[str]:
    """`_items` as three unmarked paragraphs, one per item."""
    return ["\n".join(pair) for pair in _paired(_items(name))]


def test_a_quote_read_before_the_city_text_does_not_close_the_last_city() -> None:
    """A margin column read first puts the last city's quote and attribution right after
    its heading: its intro, stats and items still follow and are its own, not trailing
    matter. Hard negative: a quote after the city's text still closes it."""
    first = _city(1, "Alpha", _items("Alpha"))
    last = "\n\n".join(["2. Ruritania, Beta", "‘Beta learns together.’\nAnn Ek, Mayor of Beta",
                        "Beta is a town of learners. Its initiatives include:",
                        "City population: 1,200", *("\n".join(pair) for pair in _paired(_items("Beta")))])
    city = parse_text(f"{first}\n\n{last}\n").cities[1]
    assert city.quote is not None and city.quote.speaker == "Ann Ek"
    assert city.intro is not None and city.stats.population is not None
    assert len(city.initiatives) == 3
    closing = f"{first}\n\n{_city(2, 'Beta', _items('Beta'))}\n\nA back cover paragraph that ends the booklet.\n"
    beta = parse_text(closing).cities[1]
    assert not any("back cover" in item.text for item in beta.initiatives)


def _below(n: int, name: str, items: list[str], *, intro_after_heading: bool = True, quote: bool = True,
           intro: str = "{name} is a town of learners. Its initiatives include:") -> str:
    """A city whose attribution is set above its quote, printed without quotation marks."""
    intro = intro.format(name=name)
    return "\n\n".join([*([] if intro_after_heading else [intro]), f"{n}. Ruritania, {name}",
                        *([intro] if intro_after_heading else []), *items, f"Ann Ek, Mayor of {name}",
                        *([f"We in {name} believe in learning for all,\nat every age."] if quote else []),
                        f"City population: {n},200"])


_NUMBERED = ["1. A network of community schools\nthat reach every district.",
             "2. Evening classes for workers\nin the old town."]


def test_an_unmarked_quote_below_its_attribution_is_the_citys_quote() -> None:
    """The attribution set above a quote printed without quotation marks: the paragraph
    below it is the quote (the paragraph above is a numbered item, so the quote cannot be
    there), and the stats after it stay the city's, not the next city's."""
    text = "\n\n".join([_below(1, "Alpha", _NUMBERED), _below(2, "Beta", _NUMBERED)]) + "\n"
    booklet = parse_text(text)
    for n, city in enumerate(booklet.cities, start=1):
        assert city.quote is not None, city.city
        assert city.quote.text == f"We in {city.city} believe in learning for all, at every age."
        assert city.quote.speaker == "Ann Ek"
        assert city.stats.population is not None and city.stats.population.value == n * 1000 + 200
        assert len(city.initiatives) == 2


def test_an_unmarked_quote_broken_over_a_column_is_taken_whole() -> None:
    """The quote's paragraph broken mid-sentence (a column end): its pieces are one quote."""
    text = _below(1, "Alpha", _NUMBERED).replace("for all,\nat every age.", "for all,\n\nat every age.")
    city = parse_text(text + "\n").cities[0]
    assert city.quote is not None and city.quote.text == "We in Alpha believe in learning for all, at every age."


def test_a_paragraph_below_an_attribution_that_may_be_the_next_intro_is_left() -> None:
    """Hard negative: no quote printed, and the paragraph after the first city's
    attribution is the one the next heading takes as its intro (the next city has no
    lead-in after its heading): it stays the next city's intro, not a quote."""
    first = _below(1, "Alpha", _NUMBERED, quote=False)
    second = _below(2, "Beta", _NUMBERED, intro_after_heading=False, intro="{name} is a town of many learners.")
    booklet = parse_text(f"{first}\n\n{second}\n")
    alpha, beta = booklet.cities
    assert alpha.quote is None
    assert beta.intro == "Beta is a town of many learners."


def test_a_paragraph_below_an_attribution_naming_its_city_is_no_next_intro() -> None:
    """The paragraph after the first city's attribution is the one the next heading could
    take as its intro (the next city has none after its heading), but it names the first
    city and not the next: an intro names its own city, so it is the first city's quote.
    Hard negative: one naming neither city is still left as it was."""
    second = "\n\n".join(["2. Ruritania, Beta", *_NUMBERED, "Ann Ek, Mayor of Beta"])
    for quote, taken in (("We in Alpha believe in learning for all,\nat every age.", True),
                         ("We believe in learning for all,\nat every age.", False)):
        first = _below(1, "Alpha", _NUMBERED).replace("We in Alpha believe in learning for all,\nat every age.", quote)
        first = first.replace("\n\nCity population: 1,200", "")
        alpha = parse_text(f"{first}\n\n{second}\n").cities[0]
        assert (alpha.quote is not None and alpha.quote.text == quote.replace("\n", " ")) is taken


def test_unnumbered_items_leave_the_quote_above_unless_the_booklet_sets_it_below() -> None:
    """With unnumbered items the paragraph above the attribution could be the quote too.
    The booklet's habit decides: when most cities print a paragraph below their
    attribution, that is the quote; hard negative: when most print none (their quotes
    are above), a city's paragraph below is not taken, and its last item above is."""
    names = ["Alpha", "Beta", "Gamma"]
    below = "\n\n".join(_below(n, name, _plain_items(name)) for n, name in enumerate(names, start=1))
    for city in parse_text(below + "\n").cities:
        assert city.quote is not None and city.quote.text.startswith(f"We in {city.city}")
        assert len(city.initiatives) == 3
    above = "\n\n".join("\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its initiatives include:",
                                       *_plain_items(name), f"{name} learns together.", f"Ann Ek, Mayor of {name}"])
                          for n, name in enumerate(names[:2], start=1))
    booklet = parse_text(f"{above}\n\n{_below(3, 'Gamma', _plain_items('Gamma'))}\n")
    assert [c.quote.text if c.quote else None for c in booklet.cities[:2]] == [
        "Alpha learns together.", "Beta learns together."]
    gamma = booklet.cities[2]
    assert gamma.quote is not None and gamma.quote.text == "A festival of learning held in Gamma every spring."


def test_a_list_label_before_the_items_is_no_item() -> None:
    """"Key initiatives:" set alone above the items labels the list: it is not an item
    (it stays unassigned, flagged). Hard negative: a lead-in sentence of more words
    ending in a colon, set after the heading, is still the city's intro."""
    text = CITY_A.replace("A network of community schools", "Key initiatives:\n\nA network of community schools")
    booklet = parse_text(text)
    city = booklet.cities[0]
    assert [i.text for i in city.initiatives] == ["A network of community schools that reach every district.",
                                                  "Evening classes for workers in the old town."]
    assert any(f.kind == "unassigned_text" and f.printed == "Key initiatives:" for f in booklet.flags)
    after = "1. Ruritania, Strelsau\n\nStrelsau has long taught its adults. Its main efforts include:\n\n" \
        "A network of community schools\nthat reach every district.\n"
    city = parse_text(after).cities[0]
    assert city.intro == "Strelsau has long taught its adults. Its main efforts include:"


def test_the_paragraph_above_a_list_label_after_the_heading_is_the_intro() -> None:
    """An intro after the heading that ends with no colon, then the list's label: the
    paragraph is the intro (the label leads into the items), not an item, and the label
    is no intro."""
    text = "\n\n".join(["1. Ruritania, Alpha", "Alpha is a town of learners on the river, with a long history.",
                        "Key initiatives:", *_NUMBERED, "‘We learn together.’", "Ann Ek, Mayor of Alpha"]) + "\n"
    city = parse_text(text).cities[0]
    assert city.intro == "Alpha is a town of learners on the river, with a long history."
    assert [i.text for i in city.initiatives] == ["A network of community schools that reach every district.",
                                                  "Evening classes for workers in the old town."]
    # Hard negative: a short lead-in sentence alone ("Its initiatives include:") is no label
    # but the intro's end.
    city = parse_text(text.replace("Key initiatives:", "Its initiatives include:")).cities[0]
    assert city.intro == "Alpha is a town of learners on the river, with a long history. Its initiatives include:"
    assert len(city.initiatives) == 2


def test_an_unmarked_quote_in_a_margin_column_read_first_is_the_citys_quote() -> None:
    """The margin column read before the body holds the quote printed without quotation
    marks, then its attribution: for the first city too (the front matter ends before
    it), the paragraph just above the attribution is the quote, not an item."""
    text = MARGIN_FIRST.replace("‘We learn together.’", "We learn together in Alpha,\nyoung and old alike.") \
        .replace("‘Zenda learns.’", "Zenda learns at every age,\nin every village.")
    a, b = parse_text(text).cities
    assert a.quote is not None and a.quote.text == "We learn together in Alpha, young and old alike."
    assert a.quote.speaker == "Ann Ek"
    assert [i.text for i in a.initiatives] == ["A library on wheels.", "A festival of learning."]
    assert b.quote is not None and b.quote.text == "Zenda learns at every age, in every village."
    assert [i.text for i in b.initiatives] == ["Evening classes."]


def test_the_one_unmarked_paragraph_among_marked_items_is_the_quote_read_apart() -> None:
    """An extractor read a margin's unmarked quote into the body, away from its attribution
    after the items: with marked items, the one unmarked paragraph is the quote. Hard
    negatives: with a single marked item, or a one-line paragraph, it stays an item."""
    def city(items: list[str], paragraph: str) -> str:
        return "\n\n".join(["1. Ruritania, Alpha", "Alpha is a town of learners. Its initiatives include:",
                            paragraph, *items, "Ann Ek, Mayor of Alpha"]) + "\n"
    quote = "We learn together in Alpha,\nyoung and old alike."
    got = parse_text(city(_NUMBERED, quote)).cities[0]
    assert got.quote is not None and got.quote.text == "We learn together in Alpha, young and old alike."
    assert len(got.initiatives) == 2
    got = parse_text(city(_NUMBERED[:1], quote)).cities[0]
    assert got.quote is None and len(got.initiatives) == 2
    got = parse_text(city(_NUMBERED, "We learn together in Alpha.")).cities[0]
    assert got.quote is None and len(got.initiatives) == 3


_FULL_WIDTH_INTRO = ("Alpha is a river town of some forty thousand people, known for its markets and its old\n"
                     "schools. Its council has made learning the thread that runs through all of its plans.")
_COLUMN_ITEMS = ["A network of community\nschools that reach every\ndistrict of the town.",
                 "Evening classes for the\nworkers of the old town\nand their families.",
                 "A festival of learning\nheld every spring in the\nmarket square."]


def _full_stop_city(intro: str, items: list[str]) -> str:
    return "\n\n".join(["1. Ruritania, Alpha", intro, *items, "‘We learn together.’", "Ann Ek, Mayor of Alpha"]) + "\n"


def test_an_intro_ending_on_a_full_stop_above_marked_items_is_the_intro() -> None:
    """No lead-in colon after the heading, but the items are numbered or bulleted: the one
    plain paragraph above them is the intro, not a first item."""
    for items in (_NUMBERED, [item.replace("1. ", "• ").replace("2. ", "• ") for item in _NUMBERED]):
        city = parse_text(_full_stop_city("Alpha is a town of learners on the river.", items)).cities[0]
        assert city.intro == "Alpha is a town of learners on the river."
        assert [i.text for i in city.initiatives] == ["A network of community schools that reach every district.",
                                                      "Evening classes for workers in the old town."]
    # An extractor lost the first item's bullet: the two marked items after it still say
    # where the list is.
    items = ["A library on wheels\nfor the villages.", *_NUMBERED]
    city = parse_text(_full_stop_city("Alpha is a town of learners on the river.", items)).cities[0]
    assert city.intro == "Alpha is a town of learners on the river."
    assert len(city.initiatives) == 3


def test_an_intro_over_items_in_a_narrower_column_is_the_intro() -> None:
    """Unmarked items set in columns under a full-width intro: their lines are far shorter
    than the intro's, so the wide paragraph above them is the intro."""
    city = parse_text(_full_stop_city(_FULL_WIDTH_INTRO, _COLUMN_ITEMS)).cities[0]
    assert city.intro is not None and city.intro.startswith("Alpha is a river town")
    assert len(city.initiatives) == 3 and city.initiatives[0].text.startswith("A network of community")


def test_a_plain_paragraph_without_a_sign_of_a_list_below_stays_an_item() -> None:
    """Hard negatives: unmarked items as wide as the paragraph above them give no sign
    that it is no item, so it stays one; nor is a single marked item a list; nor is a
    plain paragraph its attribution follows (an unmarked quote) an intro."""
    wide_items = [item.replace("\n", " ") for item in _COLUMN_ITEMS]
    intro = "Alpha is a town of learners\non the river, with a long\nhistory of schools."
    city = parse_text(_full_stop_city(intro, wide_items)).cities[0]
    assert city.intro is None and len(city.initiatives) == 4
    city = parse_text(_full_stop_city("Alpha is a town of learners on the river.", _NUMBERED[:1])).cities[0]
    assert city.intro is None
    text = "\n\n".join(["1. Ruritania, Alpha", "We learn together in Alpha,\nyoung and old alike.",
                        "Ann Ek, Mayor of Alpha", *_NUMBERED]) + "\n"
    city = parse_text(text).cities[0]
    assert city.intro is None
    assert city.quote is not None and city.quote.text == "We learn together in Alpha, young and old alike."


def test_captions_run_together_before_the_heading_give_way_to_the_intro_after_it() -> None:
    """Captions an extractor ran into one paragraph just above the heading end no sentence:
    they are a weaker intro than the full-stop paragraph over the marked items."""
    text = "Reading club in the old town Evening class in session\n\n" + \
        _full_stop_city("Alpha is a town of learners on the river.", _NUMBERED)
    city = parse_text(text).cities[0]
    assert city.intro == "Alpha is a town of learners on the river."
    assert len(city.initiatives) == 2


def test_an_intro_printed_in_two_paragraphs_is_taken_whole() -> None:
    """An intro of two plain paragraphs, the second leading into the list: both are the
    intro, before the heading (the first city's too, found by walking back from its
    heading) and after it on the heading's page (each page of the text apart by a form
    feed). Hard negative: the front matter's last paragraph, on the page before the first
    city's, is no part of its intro."""
    first, second = "Alpha is a town of learners on the river.", "Its main efforts include:"
    def city(n: int, name: str, before: bool) -> str:
        intro = [first.replace("Alpha", name), second]
        return "\n\n".join([*(intro if before else []), f"{n}. Ruritania, {name}", *(intro if not before else []),
                            *_NUMBERED, "‘We learn together.’", f"Ann Ek, Mayor of {name}"])
    for before in (True, False):
        text = "\f".join(city(n, name, before) for n, name in enumerate(["Alpha", "Beta"], start=1)) + "\n"
        for got in parse_text(text).cities:
            assert got.intro == f"{first.replace('Alpha', got.city)} {second}", (before, got.city)
            assert len(got.initiatives) == 2
    text = "We thank every city for its work.\f" + city(1, "Alpha", True) + "\n"
    assert parse_text(text).cities[0].intro == f"{first} {second}"


def test_a_city_without_an_intro_and_one_item_too_many_gets_its_first_as_intro() -> None:
    """Unmarked items in one column, as wide as an intro that ends on a full stop: no sign
    in the city itself. The booklet's cities with an intro have two items each; the city
    with three paragraphs and no intro has its first as the intro. Hard negative: a city
    with as many paragraphs as the others have items keeps them all as items."""
    def city(n: int, name: str, intro: str, items: list[str]) -> str:
        items = [f"{item[:-1]} in {name}." for item in items]  # no line printed twice
        return "\n\n".join([f"{n}. Ruritania, {name}", intro, *items, f"‘We learn together in {name}.’",
                            f"Ann Ek, Mayor of {name}"])
    wide = [item.replace("\n", " ") for item in _COLUMN_ITEMS]
    lead_in = "{} is a town of learners on the river. Its main efforts include:"
    text = "\n\n".join([city(1, "Alpha", lead_in.format("Alpha"), wide[:2]),
                        city(2, "Beta", lead_in.format("Beta"), wide[:2]),
                        city(3, "Gamma", "Gamma is a town of learners on the river.", wide[:2]),
                        city(4, "Delta", "Delta is a town of learners on the river.", wide[1:2])]) + "\n"
    cities = parse_text(text).cities
    assert cities[2].intro == "Gamma is a town of learners on the river."
    assert len(cities[2].initiatives) == 2
    assert cities[3].intro is None and len(cities[3].initiatives) == 2


_LONG_INTRO = ("{0} lies on the river between two ranges of hills, and its old town is known for its markets, its "
               "festivals and a library that has lent books since the sixteenth century. The council has turned "
               "these traditions into occasions for learning in every district of {0}.")
_SHORT_ITEMS = ["Craft workshops in the convent gardens of {0}.", "A reading corner in each of the markets of {0}.",
                "Literacy circles for adults in two languages in {0}."]


def _lead_city(n: int, name: str, first: str) -> str:
    return "\n\n".join([f"{n}. Ruritania, {name}", first.format(name), *(i.format(name) for i in _SHORT_ITEMS),
                         f"‘We learn together in {name}.’", f"Ann Ek, Mayor of {name}"])


def test_first_paragraphs_twice_as_long_as_the_items_are_the_intros_when_most_cities_show_it() -> None:
    """No lead-in colon, no marker, no narrower column, no city with an intro to count by:
    in every city the first paragraph is more than twice as long as each item after it,
    the booklet's habit, so it is the intro. Hard negative: one city alone with a long
    first item (the others' first paragraphs as short as their items) keeps it an item."""
    names = ["Alpha", "Beta", "Gamma"]
    cities = parse_text("\n\n".join(_lead_city(n, name, _LONG_INTRO) for n, name in enumerate(names, 1))).cities
    assert [c.intro for c in cities] == [_LONG_INTRO.format(name) for name in names]
    assert [len(c.initiatives) for c in cities] == [3, 3, 3]
    alone = [_LONG_INTRO, "A choir for all ages in {0}.", "Evening classes for workers in {0}."]
    cities = parse_text("\n\n".join(_lead_city(n, name, first) for n, (name, first)
                                     in enumerate(zip(names, alone), 1))).cities
    assert [c.intro for c in cities] == [None, None, None]
    assert [len(c.initiatives) for c in cities] == [4, 4, 4]


def test_a_first_paragraph_cut_in_two_is_left_out_of_the_length_rule() -> None:
    """A first paragraph a break cut in two (its second piece goes on in lowercase) has no
    length to judge by, and nothing fails on the pieces: the cities whose first paragraph
    is whole still get theirs. The booklet's count of items (the others' items, one
    paragraph fewer) then gives the cut city its intro, both pieces joined."""
    names = ["Alpha", "Beta", "Gamma"]
    cut = _LONG_INTRO.replace(" has turned", "\n\nhas turned")
    firsts = [_LONG_INTRO, _LONG_INTRO, cut]
    cities = parse_text("\n\n".join(_lead_city(n, name, first) for n, (name, first)
                                     in enumerate(zip(names, firsts), 1))).cities
    assert [c.intro for c in cities] == [_LONG_INTRO.format(name) for name in names]
    assert [len(c.initiatives) for c in cities] == [len(cities[0].initiatives)] * 3


_WRAPPED_INTRO = ["{0} lies on the river between two ranges of hills, and its old town is known for its markets and",
                  "festivals and a library that has lent books since the sixteenth century. The council has turned these",
                  "traditions into occasions for learning in every district."]
_ONE_LINE_ITEMS = ["Craft workshops in the gardens of {0}.", "A reading corner in each of the markets of {0}.", "Literacy circles for adults in {0}."]
_RUN_TOGETHER = ["Craft workshops in the gardens of {0}, where elders teach the old trades to young people there.",
                 "A reading corner in each of the markets of {0}.",
                 "Literacy circles for adults in {0}."]
_ONE_LONG_ITEM = ["Craft workshops in the convent gardens of {0}, where the elders of the town teach their old trades",
                  "and crafts to the young people who come after school, with the help of the public library.",
                  "Literacy circles for adults in {0}."]


def _unspaced_city(n: int, name: str, items: list[str]) -> str:
    """A city as an extractor that gives no blank lines prints it: nothing parts the intro
    from the unmarked items, one line each, under it."""
    return "\n".join([f"{n}. Ruritania, {name}", *(line.format(name) for line in _WRAPPED_INTRO),
                      *(item.format(name) for item in items), f"‘We learn together in {name}.’",
                      f"Ann Ek, Mayor of {name}"])


def test_items_run_together_without_blank_lines_are_measured_as_the_items_they_may_be() -> None:
    """Text without blank lines: the third city's first two one-line items run together (the
    next word would not have fitted), so as one paragraph they are nearly as long as the
    intro. Cut where a line ends a sentence and the next opens an item, each piece is short:
    the intro is twice as long as each, as in the other cities, and is the intro; the two
    items are then parted to the booklet's usual count. Hard negative: one item of two
    lines whose first line ends no sentence is one piece, long, and the city keeps its
    first paragraph as an item."""
    def parse(third: list[str]) -> list:
        cities = [("Alpha", _ONE_LINE_ITEMS), ("Beta", _ONE_LINE_ITEMS), ("Gamma", third)]
        return parse_text("\n".join(_unspaced_city(n, name, items)
                                    for n, (name, items) in enumerate(cities, 1)) + "\n").cities
    intro = " ".join(_WRAPPED_INTRO).format("Gamma")
    gamma = parse(_RUN_TOGETHER)[2]
    assert gamma.intro == intro
    assert [item.text for item in gamma.initiatives] == [item.format("Gamma") for item in _RUN_TOGETHER]
    gamma = parse(_ONE_LONG_ITEM)[2]
    assert gamma.intro is None
    assert gamma.initiatives[0].text == intro


def _word_a_line_city(n: int, name: str) -> str:
    """A city as PyMuPDF may give it: no blank lines, and an item's justified first line
    given one word a line, the city's name one of them."""
    return "\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners on the river. Its programmes include:",
                      f"1. Reading clubs in every district of {name}, open to all.", "2. The", name, "Education",
                      "Chance,", "which offers free courses to adults.", f"3. Evening classes for the workers of {name}.",
                      f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}"])


def test_an_item_given_one_word_a_line_keeps_the_city_name_inside_it() -> None:
    """"2. The" over a line that is only a city's name is no heading ("The" names no
    place), that name no map label (the item's line stops on a word no text ends with),
    and the lone words after it go on the same item."""
    names = ["Alpha", "Beta", "Gamma"]
    cities = parse_text("\n".join(_word_a_line_city(n, name) for n, name in enumerate(names, 1)) + "\n").cities
    assert [(c.country, c.city) for c in cities] == [("Ruritania", name) for name in names]
    assert [c.initiatives[1].text for c in cities] == [
        f"The {name} Education Chance, which offers free courses to adults." for name in names]


def _footed_city(n: int, name: str) -> str:
    """A city as text with no page breaks: its page ends on a full-stop caption after the
    quote, then the running footer."""
    intro = f"{name} is a town of learners on the river. It has made learning a right for all of its residents."
    return "\n\n".join([f"{n}. Ruritania, {name}", intro, f"1. Reading clubs in every district of {name}.",
                        f"2. Evening classes for the workers of {name}.", f"‘{name} learns together.’",
                        f"Ann Ek, Mayor of {name}", f"Pupils at the new library of {name}.",
                        f"Ruritania Learning Award | {n + 1}"])


def test_a_paragraph_before_a_running_footer_is_not_the_next_city_intro() -> None:
    """Text without page breaks (PyMuPDF): a caption ending on a full stop closes a city's
    page, and the running footer after it marks the page's end. It is not the next
    city's intro printed above its heading: that city's own intro, after its heading,
    is. Hard negative: an intro printed right above its heading, no footer between, is
    still that city's (layouts print it there)."""
    names = ["Alpha", "Beta", "Gamma"]
    text = "\n\n".join(_footed_city(n, name) for n, name in enumerate(names, 1)) + "\n"
    cities = parse_text(text).cities
    assert [c.intro for c in cities] == [f"{name} is a town of learners on the river. It has made learning a right "
                                         f"for all of its residents." for name in names]
    beta = _footed_city(2, "Beta").split("\n\n")
    above = "\n\n".join([beta[1], beta[0], *beta[2:]])  # the intro set over the heading
    text = "\n\n".join([_footed_city(1, "Alpha").replace("Pupils at the new library of Alpha.\n\n", ""), above,
                        _footed_city(3, "Gamma")]) + "\n"
    assert parse_text(text).cities[1].intro == beta[1]


def test_without_pages_an_intro_over_a_list_beats_a_paragraph_above_the_heading() -> None:
    """Text with no page breaks and no footer: the previous city's two captions, the second
    ending on a full stop, run together right above the next heading. That city's own
    intro after its heading, a plain paragraph over marked items, is its intro."""
    def city(n: int, name: str) -> str:
        intro = f"{name} is a town of learners on the river. It has made learning a right for all."
        return "\n\n".join([f"{n}. Ruritania, {name}", intro, f"▪ Reading clubs in every district of {name}.",
                            f"▪ Evening classes for the workers of {name}.", f"‘{name} learns together.’",
                            f"Ann Ek, Mayor of {name}", f"Reading club\nWomen at the cooperative of {name}."])
    cities = parse_text("\n\n".join(city(n, name) for n, name in enumerate(["Alpha", "Beta", "Gamma"], 1))).cities
    assert [c.intro for c in cities] == [f"{name} is a town of learners on the river. It has made learning a right "
                                         "for all." for name in ["Alpha", "Beta", "Gamma"]]


def _two_item_city(n: int, name: str, marks: tuple[str, str], after: str) -> str:
    """A city whose two items carry `marks`, with `after` printed after its attribution."""
    return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its initiatives include:",
                        f"{marks[0]} Reading clubs in every district of {name}.",
                        f"{marks[1]} Evening classes for the workers of {name}.", f"‘{name} learns together.’",
                        f"Ann Ek, Mayor of {name}", after])


def test_a_list_item_set_after_the_quote_that_counts_on_is_the_city_own() -> None:
    """A layout sets a list's last column after the quote the reader met first (`3.` after
    the attribution): its number counts on from the city's `1.` and `2.`, so it is the
    city's third item, the last city's too, not trailing matter. Hard negative: a list
    that starts again (`1.`) after the last city's quote stays out of it."""
    def city(n: int, name: str, after: str) -> str:
        return _two_item_city(n, name, ("1.", "2."), after)
    third = "3. A festival of learning held every spring in the market square."
    text = "\n\n".join([city(1, "Alpha", third), city(2, "Beta", third)]) + "\n"
    for got in parse_text(text).cities:
        assert [i.text for i in got.initiatives][2:] == [third[3:]], got.city
    again = "1. A list of the partners who made this booklet."
    beta = parse_text("\n\n".join([city(1, "Alpha", third), city(2, "Beta", again)]) + "\n").cities[1]
    assert len(beta.initiatives) == 2


def test_a_bulleted_item_after_the_quote_on_its_page_is_the_last_city_own() -> None:
    """Bullets do not count, but every item of the list carries the same one: an item set
    after the last city's quote on the quote's own page is the list's last column read
    after it. Hard negatives: the same item on the next page, or in text that gives no
    pages, may be back matter and stays out."""
    def city(n: int, name: str, after: str) -> str:
        return _two_item_city(n, name, ("–", "–"), after)
    third = "– A festival of learning held every spring in the market square."
    paged = "\f".join([city(1, "Alpha", third), city(2, "Beta", third)]) + "\n"
    assert [len(c.initiatives) for c in parse_text(paged).cities] == [3, 3]
    next_page = "\f".join([city(1, "Alpha", third), city(2, "Beta", "\f" + third)]) + "\n"
    assert len(parse_text(next_page).cities[1].initiatives) == 2
    unpaged = "\n\n".join([city(1, "Alpha", third), city(2, "Beta", third)]) + "\n"
    assert len(parse_text(unpaged).cities[1].initiatives) == 2


def test_stats_below_the_last_city_quote_on_its_page_are_its_own() -> None:
    """Cities that open their pages: what a city's page holds after its quote is its own
    (the next city's page says where it ends), and the last city's page too, where it
    gives the city the stats it lacks: an unmarked list's last item, the stats and a
    photo, read below the quote. Hard negatives: on the next page, or past a stats entry
    the city already has, it may be back matter and stays out."""
    def city(n: int, name: str, tail: str, own: str = "") -> str:
        return "\n\n".join([f"{n}. Ruritania, {name}", *([own] if own else []),
                             f"{name} is a town of learners. Its initiatives include:",
                             f"Reading clubs: volunteers meet readers in every district of {name}.",
                             f"Evening classes: the schools of {name} open to workers after dark.",
                             f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}", tail])

    def tail(name: str, gap: str = "") -> str:
        return (f"Spring festival: a week of talks in the market square.\n\n{gap}Population: 88,500\n\n"
                f"Area: 57 km²\n\nPupils at the {name} library")

    def booklet(last: str) -> Booklet:
        foreword = "The prize honours towns where every age learns. Here its laureates tell their stories."
        return parse_text(f"Learning Towns Prize 2031\n\n{foreword}\n\f" + "\f".join([city(1, "Alpha", tail("Alpha")), last]) + "\n")

    for got in booklet(city(2, "Beta", tail("Beta"))).cities:
        assert [i.text.split(":")[0] for i in got.initiatives] == ["Reading clubs", "Evening classes", "Spring festival"]
        assert (got.stats.population.value, got.stats.area_km2.value) == (88500, 57), got.city
        assert got.captions == [f"Pupils at the {got.city} library"]
    next_page = booklet(city(2, "Beta", tail("Beta", gap="\f"))).cities[1]
    assert next_page.stats.population is None and len(next_page.initiatives) == 2
    has_its_own = booklet(city(2, "Beta", tail("Beta"), own="Population: 91,200")).cities[1]
    assert has_its_own.stats.population.value == 91200 and has_its_own.stats.area_km2 is None
    assert len(has_its_own.initiatives) == 2


def test_an_item_rest_after_the_quote_keeps_the_list_going() -> None:
    """An item cut at a column's foot ("... workers of the"), its rest ("old mills.") read
    after the quote on the quote's page: the rest is the item's, and the list's next item
    after it stays the city's too, the last city's as well. Hard negative: on the next
    page the rest may be anything and stays out."""
    def city(n: int, name: str, gap: str = "") -> str:
        return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its initiatives include:",
                             f"– Reading clubs in every district of {name}.", "– Evening classes for the workers of the",
                             f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}", gap + "old mills.",
                             "– A festival of learning held every spring."])
    paged = parse_text("\f".join([city(1, "Alpha"), city(2, "Beta")]) + "\n").cities
    for got in paged:
        assert [i.text for i in got.initiatives] == [f"Reading clubs in every district of {got.city}.",
                                                     "Evening classes for the workers of the old mills.",
                                                     "A festival of learning held every spring."], got.city
        assert got.quote is not None and got.quote.role == f"Mayor of {got.city}"
    next_page = parse_text("\f".join([city(1, "Alpha"), city(2, "Beta", gap="\f")]) + "\n").cities[1]
    assert [i.text for i in next_page.initiatives][1:] == ["Evening classes for the workers of the"]


def test_a_list_after_the_margin_column_is_the_last_city_own() -> None:
    """A margin column (a caption, the quote, the attribution) read between the last city's
    intro and its list: the city has no list before the quote, so a list after it on the
    quote's own page is its own. Hard negative: on the next page it may be back matter."""
    def city(n: int, name: str, gap: str) -> str:
        return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners on the river.",
                             "Reading club in the old town", f"‘{name} learns together.’",
                             f"Ann Ek, Mayor of {name}", gap + f"– Reading clubs in every district of {name}.",
                             f"– Evening classes for the workers of {name}.",
                             "– A festival of learning held every spring."])
    alpha = _two_item_city(1, "Alpha", ("–", "–"), "Pupils at the library")
    same_page = parse_text("\f".join([alpha, city(2, "Beta", "")]) + "\n").cities[1]
    assert [i.text.split()[0] for i in same_page.initiatives] == ["Reading", "Evening", "A"]
    assert same_page.intro == "Beta is a town of learners on the river."
    next_page = parse_text("\f".join([alpha, city(2, "Beta", "\f")]) + "\n").cities[1]
    assert not any(i.text.startswith(("Reading", "Evening")) for i in next_page.initiatives)


def _gamma(first_item_end: str, second_item: str) -> list[str]:
    """Gamma's items as text without blank lines, every end a line that ends a sentence
    close to the measure (60 characters): too close for the text source to part them."""
    return ["A network of reading clubs that meets in Gamma in every part", first_item_end,
            f"{second_item} classes for workers in the old town, held in",
            "the school hall after the pupils have gone home.",
            "Festivals of learning held in Gamma every spring and every",
            "autumn, with talks and workshops for all families.",
            "Summer schools for children who need extra support."]


def test_more_items_than_usual_are_cut_where_the_line_had_room() -> None:
    """Gamma has four items where the booklet's cities have three, run together: three
    places end a sentence for two missing items, too many to cut by count. Each line
    there had room for the next line's first word (the longest wrapped line is the
    measure), so the typesetter ended a paragraph at each: four items."""
    gamma = _gamma("of the town, run by volunteers from the districts.", "Evening")
    assert all(len(line) <= 60 for line in gamma)
    city = _with_two_regular_cities(gamma).cities[2]
    assert [i.text.split()[0] for i in city.initiatives] == ["A", "Evening", "Festivals", "Summer"]


def test_an_item_of_two_sentences_stays_whole_where_the_line_was_full() -> None:
    """Hard negative: the first item's first sentence ends a line with no room for "It";
    the two places with room are the two missing ends."""
    gamma = _gamma("of the town, and run by volunteers from all the districts.", "It runs evening")
    city = _with_two_regular_cities(gamma).cities[2]
    assert [i.text.split()[0] for i in city.initiatives] == ["A", "Festivals", "Summer"]
    assert "districts. It runs evening classes" in city.initiatives[0].text


def _one_line_items_city(n: int, first_end: str, together: bool) -> str:
    """A city in one column, text without blank lines: an intro wrapped at 84 characters
    ending on a lead-in, then three items of one line each; with `together`, the first
    two run together (the first's line too full for the text source to part them)."""
    name = ["Alpha", "Gamma", "Delta", "Sigma"][n - 1]  # names of one length: lines of one length
    intro = [f"{name} is a town of learners on the wide river, where most families live from farming",
             "and trade. Its main initiatives are:"]
    items = [f"A network of reading clubs that meets in every district of {name}{first_end}",
             f"Evening classes for the workers of old {name}, held in the school after the shifts.",
             f"A festival of learning held in the square of {name} every spring, with talks for all."]
    body = [*intro, *items] if together else [*intro, items[0], "", *items[1:]]
    return "\n".join([f"{n}. Ruritania, {name}", *body, f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}"])


@pytest.mark.parametrize(("first_end", "roomy"), [(", weekly.", True), (", every week.", False)])
def test_one_line_items_run_together_in_most_cities_are_cut_where_the_line_had_room(
        first_end: str, roomy: bool) -> None:
    """Three of four cities ran two of their one-line items together: two items is the count
    most cities share, but where the line had room for the next line's first word (measured
    by the intros' wrapped lines, as no item wraps) they would have three, as the fourth
    city has: the booklet's count, and those places are cut. A line with no room for the
    next word may go on, but here every city, cut where a line ends a sentence before a
    capital, has three: that says the places are the items' ends (before stop 31 nothing
    was cut there). Hard negative: where one city would then have four (an item of two
    sentences), the cities disagree, and a line with no room is not cut."""
    first = f"A network of reading clubs that meets in every district of Alpha{first_end}"
    assert (len(first) + 1 + len("Evening") <= 84) is roomy
    text = "\n".join(_one_line_items_city(n, first_end, together=n > 1) for n in range(1, 5))
    assert [len(c.initiatives) for c in parse_text(text + "\n").cities] == [3, 3, 3, 3]
    parts = [_one_line_items_city(n, first_end, together=n > 1) for n in range(1, 5)]
    held = "held in the school after the shifts."
    parts[3] = parts[3].replace(held, held + "\nThey are free.")
    counts = [len(c.initiatives) for c in parse_text("\n".join(parts) + "\n").cities]
    assert counts[1:3] == ([3, 3] if roomy else [2, 2])


def _blank_lined_city(n: int, name: str, body: str) -> str:
    return f"{n}. Ruritania, {name}\n\n{body}\n\n‘{name} learns together.’\nAnn Ek, Mayor of {name}\n"


def _regular_body(name: str) -> str:
    """An intro on full-width lines (ending on a full stop) over three items, blank lines between."""
    return (f"{name} is a town of learners on the river, where most families live from farming and trade. "
            f"The town has taken learning to its villages, instead of\nwaiting for people to come.\n\n"
            f"A network of reading clubs that meets in {name} in every\ndistrict of the town, run by volunteers.\n\n"
            f"Evening classes for workers in the old town of {name}, held\nin the school after the pupils go home.\n\n"
            f"A festival of learning held in {name} every spring.")


def test_an_intro_run_into_the_items_is_found_once_they_are_cut() -> None:
    """Text mostly parted by blank lines (read cautiously) runs Gamma's stats, intro and
    first two items together. Cut where the lines had room, the first piece is one paragraph more
    than the booklet's items: Gamma's intro, as the other cities' intros are."""
    gamma = ("2,874 km2\nCity/urban area\nGamma is a rural commune in the eastern region, where many families live "
             "from herding. The commune has taken learning to the villages, instead of waiting\n"
             "for people to come to town.\nMobile schools that follow herding families during the dry season.\n"
             "Women’s cooperatives that combine literacy lessons with training in shea butter\nproduction.\n\n"
             "A commune library in a converted shipping container, with solar lamps for\nevening reading.")
    text = "\n".join([_blank_lined_city(1, "Alpha", _regular_body("Alpha")),
                      _blank_lined_city(2, "Beta", _regular_body("Beta")), _blank_lined_city(3, "Gamma", gamma)])
    city = parse_text(text).cities[2]
    assert city.intro is not None and city.intro.endswith("for people to come to town.")
    assert [i.text.split()[0] for i in city.initiatives] == ["Mobile", "Women’s", "A"]


def _paragraphs(*texts: str) -> str:
    return "\n\n".join(texts)


def _three(name: str) -> list[str]:
    return [f"A reading club for parents and children of {name}.", f"Evening classes for workers in old {name}.",
            f"A festival of learning held in {name} every spring."]


def test_the_usual_count_backed_by_cities_without_an_intro() -> None:
    """Two cities show an intro (a lead-in's colon) but share no count: one has three items,
    the other two (or three run together into two). Two cities without an intro each open with a
    paragraph ending a sentence over three items: one paragraph more than the first
    city's count, so those paragraphs are their intros. Hard negative: when no city with
    an intro has three items, they stay items."""
    alpha = _blank_lined_city(1, "Alpha", _paragraphs("Alpha is a town of learners. Its initiatives include:",
                                                      *_three("Alpha")))
    beta = _blank_lined_city(2, "Beta", _paragraphs("Beta is a town of learners. Its initiatives include:",
                                                    *_three("Beta")[:2]))
    plain = [_blank_lined_city(n, name, _paragraphs(f"{name} is a town of learners on the river.", *_three(name)))
             for n, name in ((3, "Gamma"), (4, "Delta"))]
    cities = parse_text("\n".join([alpha, beta, *plain])).cities
    assert [c.intro for c in cities[2:]] == ["Gamma is a town of learners on the river.",
                                             "Delta is a town of learners on the river."]
    assert [len(c.initiatives) for c in cities] == [3, 2, 3, 3]
    alpha_two = _blank_lined_city(1, "Alpha", _paragraphs("Alpha is a town of learners. Its initiatives include:",
                                                          *_three("Alpha")[:2]))
    cities = parse_text("\n".join([alpha_two, beta, *plain])).cities
    assert [c.intro for c in cities[2:]] == [None, None]


def _numbered_city(n: int, name: str, quote: str) -> str:
    """A city whose intro ends on a full stop, three numbered items, the attribution above
    an unmarked quote."""
    return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners on the river.",
                        f"(1) A reading club for the parents of {name}.", f"(2) Evening classes in old {name}.",
                        f"(3) A festival of learning in {name} every spring.", f"Ann Ek, Mayor of {name}", quote])


def test_a_quote_below_its_attribution_ending_the_page_before_the_next_heading() -> None:
    """The unmarked quote under its attribution is the paragraph right above the next
    heading; the next city has no lead-in. On the page before the heading's (the text
    gives pages), it is no intro of the next city: it is this city's quote. In text without
    pages one naming neither city is this city's quote too where the next city prints its
    own intro after its heading, over its list (an intro is not cut in two by its
    heading). Hard negative: where the next city's list follows its heading, the paragraph
    is as likely the next city's intro, and stays unassigned (one naming this city and not
    the next is this city's quote:
    `test_a_paragraph_below_an_attribution_naming_its_city_is_no_next_intro`)."""
    alpha = _numbered_city(1, "Alpha", "We want every resident of Alpha to know where the next lesson is.")
    beta = _numbered_city(2, "Beta", "We want every resident of Beta to know where the next lesson is.")
    cities = parse_text(f"{alpha}\n\f{beta}\n").cities
    assert cities[0].quote is not None and cities[0].quote.text.startswith("We want every resident of Alpha")
    assert cities[0].quote.speaker == "Ann Ek"
    assert cities[1].intro == "Beta is a town of learners on the river."
    unnamed = _numbered_city(1, "Alpha", "We want every resident to know where the next lesson is.")
    cities = parse_text(f"{unnamed}\n\n{beta}\n").cities
    assert cities[0].quote is not None and cities[0].quote.text.startswith("We want every resident to know")
    assert cities[1].intro == "Beta is a town of learners on the river."
    no_intro_after = beta.replace("Beta is a town of learners on the river.\n\n", "")
    cities = parse_text(f"{unnamed}\n\n{no_intro_after}\n").cities
    assert cities[0].quote is None


def _section_of(n: int, name: str, items: int, intro: str = "") -> CitySection:
    """A city section as the blocks stage leaves it: heading, then unmarked paragraphs, the
    first 1.5 times as long as the longest after it unless `intro` says otherwise (PDF
    blocks: whole paragraphs)."""
    intro = intro or f"{name} is a port town on the river that treats learning as part of its identity and plans it."
    own = [f"A reading club for the parents and children of {name}, every week.",
           f"Evening classes for the workers of old {name}, after the shifts.",
           f"A festival of learning held in {name} every spring, with talks.",
           f"A summer school for the pupils of {name} who need more support."][:items]
    def block(k: int, text: str) -> Block:
        return Block(BlockKind.PROSE, [Line(text, 100 * n + k, bbox=(0.0, 10.0 * k, 400.0, 10.0 * k + 9))], [text])
    heading = Block(BlockKind.HEADING, [Line(f"{n}. Ruritania, {name}", 100 * n)], [f"{n}. Ruritania, {name}"])
    return CitySection(n, "Ruritania", name, heading, body=[block(k, t) for k, t in enumerate([intro, *own], 1)])


def test_intros_by_length_when_the_cities_print_as_many_paragraphs() -> None:
    """No city shows an intro, and each first paragraph is only 1.5 times as long as the
    longest item after it (less than twice): but the cities print four paragraphs each,
    and in each the first is the longest by a third: the booklet's intros. Cities that
    print different numbers of paragraphs (three to five) show it by their number: every
    one of three does. Hard negative: where one of the three does not (its first paragraph
    hardly longer than its items), two of three with different counts are no habit."""
    sections = [_section_of(n, name, 3) for n, name in enumerate(["Alpha", "Beta", "Gamma"], 1)]
    intro_from_leading_length(sections, DEFAULT_PROFILE)
    assert all(s.intro is not None and s.intro.texts[0].startswith(f"{s.city} is a port town") for s in sections)
    assert [len(s.body) for s in sections] == [3, 3, 3]
    names, counts = ["Alpha", "Beta", "Gamma"], (2, 3, 4)
    mixed = [_section_of(n, name, k) for n, name, k in zip((1, 2, 3), names, counts, strict=True)]
    intro_from_leading_length(mixed, DEFAULT_PROFILE)
    assert [len(s.body) for s in mixed] == [2, 3, 4]
    short = "Gamma is a port town on the river that plans its learning."
    mixed = [_section_of(n, name, k, short if name == "Gamma" else "")
             for n, name, k in zip((1, 2, 3), names, counts, strict=True)]
    intro_from_leading_length(mixed, DEFAULT_PROFILE)
    assert [s.intro for s in mixed] == [None, None, None]


def test_a_first_paragraph_holding_a_run_in_item_shows_no_habit_by_length_alone() -> None:
    """Text without geometry: cities of different counts whose first paragraph holds the
    first item run into the intro (a line ending a sentence over one opening as an item)
    are long for that; by length alone (no count habit) they are no intros, and the items'
    split (`split_to_usual_count`) may part them later. The same paragraphs as whole PDF
    blocks are intros (hard negative)."""
    def city(n: int, name: str, items: int, geometry: bool) -> CitySection:
        section = _section_of(n, name, items)
        first = section.body[0]
        texts = [f"{name} is a port town that plans its learning.", f"A mobile library that visits the villages of {name}."]
        lines = [Line(t, first.first.number + k, bbox=first.first.bbox if geometry else None)
                 for k, t in enumerate(texts)]
        section.body[0] = Block(BlockKind.PROSE, lines, texts)
        return section
    for geometry in (False, True):
        sections = [city(n, name, k, geometry) for n, name, k in zip((1, 2, 3), ["Alpha", "Beta", "Gamma"], (2, 3, 4))]
        intro_from_leading_length(sections, DEFAULT_PROFILE)
        assert [s.intro is not None for s in sections] == [geometry] * 3


@pytest.mark.parametrize(("intro", "taken"), [
    (("Delta grew from a village of mills into a town of design and craft, and its learning policy "
     "follows the same path: companies, the college and the schools of Delta share one plan."), True),
    ("", True),  # `_section_of`'s own: 1.5 times the longest item
    ("Delta is a port town on the river that plans its learning well.", False),
], ids=["twice", "a-third", "hardly-longer"])
def test_a_city_with_more_items_than_usual_keeps_an_intro_longer_by_a_third(intro: str, taken: bool) -> None:
    """Three cities of three items show the booklet's intros by length (a third longer);
    a fourth of four items takes its first paragraph as its intro too when it is the
    longest by as much (every city of the genre has an intro). Hard negative: hardly
    longer than its items, it stays the first item (nothing tells it apart)."""
    delta = _section_of(4, "Delta", 4, intro)
    sections = [*(_section_of(n, name, 3) for n, name in enumerate(["Alpha", "Beta", "Gamma"], 1)), delta]
    intro_from_leading_length(sections, DEFAULT_PROFILE)
    assert all(s.intro is not None for s in sections[:3])
    assert (delta.intro is not None) is taken


@pytest.mark.parametrize(("intro", "taken"), [("", True), ("Delta is a port town on the river that plans its learning well.", False)],
                         ids=["a-third", "hardly-longer"])
def test_a_city_of_more_items_than_one_more_takes_its_longest_first_paragraph(intro: str, taken: bool) -> None:
    """Three cities show an intro (a lead-in) over three items; a fourth without one prints
    five paragraphs, two more than the usual count: its first is the intro when it is the
    longest by a third, as an intro is. Hard negative: hardly longer, it stays an item."""
    sections = [_section_of(n, name, 3) for n, name in enumerate(["Alpha", "Beta", "Gamma"], 1)]
    for section in sections:
        section.intro, section.body = section.body[0], section.body[1:]
    delta = _section_of(4, "Delta", 4, intro)
    intro_from_usual_count([*sections, delta], DEFAULT_PROFILE)
    assert (delta.intro is not None) is taken


def test_an_unmarked_quote_run_into_the_last_item_is_the_quote() -> None:
    """Text without blank lines: a pull quote printed without marks runs into the last
    marked item before its attribution, the item's line too full for the text source to
    part them; the lines from the one after the item's finished sentence are the quote.
    Hard negative: an item whose lines go on from its sentence keeps them."""
    def city(name: str, last: list[str]) -> str:
        return "\n".join(["1. Ruritania, " + name, f"{name} is a town of learners. Its initiatives include:",
                          "– A guides’ academy that trains young residents to show visitors the historic centre.",
                          "– Evening classes in English and accounting for the owners of small shops.",
                          *last, f"Ann Ek, President of the Greater {name} Municipality"]) + "\n"
    quoted = ["– A women’s cooperative that teaches traditional cooking and sells its produce.",
              "Our stones tell a long story, and our young people learn to tell it."]
    alpha = parse_text(city("Alpha", quoted)).cities[0]
    assert alpha.quote is not None and alpha.quote.text == quoted[1]
    assert alpha.initiatives[-1].text == quoted[0][2:]
    going_on = ["– A women’s cooperative that teaches traditional cooking and sells its produce",
                "in the market of the old town."]
    beta = parse_text(city("Beta", going_on)).cities[0]
    assert beta.initiatives[-1].text.endswith("in the market of the old town.")


_Row = tuple[str, float, float, float, float, float, bool]
"""A typeset line: text, x0, top, x1, bottom, font size, italic."""

# A city's heading, intro and the first column of its list, then its attribution.
_FIRST_COLUMN: list[_Row] = [
    ("1. Ruritania, Zenda", 40, 40, 300, 56, 16.0, False),
    ("Zenda is a town of learners on the river. Its initiatives include:", 40, 70, 550, 80, 10.0, False),
    ("Reading clubs in every district of the town.", 40, 100, 280, 110, 10.0, False),
    ("Evening classes for the workers of the mills.", 40, 130, 282, 140, 10.0, False),
]
_ATTRIBUTION: _Row = ("Ann Ek, Mayor of Zenda", 40, 160, 200, 170, 10.0, False)
_CAPTION: _Row = ("Pupils at the library", 40, 400, 140, 408, 8.0, False)


def _typeset(rows: list[_Row], going_on: tuple[str, ...] = ()) -> Booklet:
    """A one-page PDF booklet of `rows` in reading order, each line opening a block but
    those that start with one of `going_on` (a paragraph's later lines)."""
    lines = [Line(text, n, not text.startswith(going_on) if going_on else True, region=1, page=1,
                  bbox=(x0, top, x1, bottom), font_size=size, italic=it)
             for n, (text, x0, top, x1, bottom, size, it) in enumerate(rows, 1)]
    return build_booklet(SourceDocument(lines=lines, format="pdf", pages=1), "0" * 64, None)


def _pdf_city(last_item_top: float) -> Booklet:
    """One city typeset on a page: its list in two columns, the second column's one item
    read after the quote (the reader met the first column, the attribution and the quote
    first), at `last_item_top` in the right-hand column."""
    return _typeset([*_FIRST_COLUMN, _ATTRIBUTION, ("‘Zenda learns together.’", 44, 180, 200, 190, 10.0, False),
                     ("A festival of learning held every spring.", 300, last_item_top, 520, last_item_top + 10, 10.0,
                      False), _CAPTION])


def test_a_paragraph_beside_the_list_read_after_the_quote_is_the_list_last_column() -> None:
    """In a PDF: an unmarked item read after the last city's quote, but set above the
    attribution and the quote, right of the list's first column, is the list's last
    column, and the captions after it are the city's too. Hard negative: the same
    paragraph set below the quote is what follows it, and stays out of the list."""
    beside = _pdf_city(100).cities[0]
    assert [i.text for i in beside.initiatives] == [
        "Reading clubs in every district of the town.", "Evening classes for the workers of the mills.",
        "A festival of learning held every spring."]
    assert beside.captions == ["Pupils at the library"]
    below = _pdf_city(300).cities[0]
    assert len(below.initiatives) == 2


def _pdf_page(rows: list[tuple[str, float, float, float, float, float]], page: int = 1, first: int = 1) -> list[Line]:
    """Lines of one PDF page, each its own block: (text, x0, top, x1, bottom, size)."""
    return [Line(text, n, True, region=page, page=page, bbox=(x0, top, x1, bottom), font_size=size)
            for n, (text, x0, top, x1, bottom, size) in enumerate(rows, first)]


def _pdf_booklet(lines: list[Line], pages: int = 1) -> Booklet:
    return build_booklet(SourceDocument(lines=lines, format="pdf", pages=pages), "0" * 64, None)


def _one_line_pdf_city(second_column_x: float, intro_right: float) -> Booklet:
    """A PDF city whose paragraphs are all one line: an intro, then two items in each of
    two columns (the second column's at `second_column_x`), the quote and attribution."""
    rows = [
        ("1. Ruritania, Zenda", 40, 40, 300, 56, 16.0),
        ("Zenda is a town of learners on the river. Its schools open at night.", 40, 70, intro_right, 80, 10.0),
        ("Reading clubs in every district of the town.", 40, 90, 280, 100, 10.0),
        ("Evening classes for the workers of the mills.", 40, 106, 282, 116, 10.0),
        ("A festival of learning held every spring.", second_column_x, 90, second_column_x + 220, 100, 10.0),
        ("Radio lessons for the villages of the hills.", second_column_x, 106, second_column_x + 225, 116, 10.0),
        ("‘Zenda learns together.’", 44, 140, 200, 150, 10.0),
        ("Ann Ek, Mayor of Zenda", 44, 152, 200, 162, 10.0),
    ]
    return _pdf_booklet(_pdf_page(rows))


def test_a_one_line_intro_across_columns_of_one_line_items_is_the_intro() -> None:
    """In a PDF: every paragraph one line, so no column width can be measured, but two
    items stand side by side under the first paragraph and it runs across the right one's
    left edge: items in columns under a full-width intro. Hard negative: a first paragraph
    that stops short of the second column is as likely an item, and stays one."""
    city = _one_line_pdf_city(300, 550).cities[0]
    assert city.intro == "Zenda is a town of learners on the river. Its schools open at night."
    assert len(city.initiatives) == 4
    city = _one_line_pdf_city(300, 290).cities[0]
    assert city.intro is None and len(city.initiatives) == 5


def _quote_box_city(italic: bool) -> Booklet:
    """A PDF city whose three marked items stand in three columns, and whose one-line quote,
    printed without marks in a box under the list, was read into the first column (after
    item 1); its attribution after item 2. The quote is set in `italic` or upright."""
    rows = [
        ("1. Ruritania, Zenda", 40, 40, 300, 56, 16.0, False),
        ("Zenda is a town of learners on the river. Its schools open at night.", 40, 70, 600, 80, 10.0, False),
        ("1) Reading clubs in every district of the town.", 40, 100, 280, 110, 10.0, False),
        ("Zenda learns together, at every age.", 46, 140, 260, 150, 10.5, italic),
        ("2) Evening classes for the workers of the mills.", 300, 100, 540, 110, 10.0, False),
        ("Ann Ek, Mayor of Zenda", 46, 156, 200, 166, 9.0, False),
        ("3) A festival of learning held every spring.", 560, 100, 790, 110, 10.0, False),
    ]
    return _typeset(rows)



def test_a_one_line_italic_quote_read_among_marked_items_is_the_quote() -> None:
    """Hard negative: set upright like the items, the one-line paragraph stays where it
    is (one line alone says too little)."""
    city = _quote_box_city(italic=True).cities[0]
    assert city.quote is not None and city.quote.text == "Zenda learns together, at every age."
    assert city.quote.speaker == "Ann Ek" and len(city.initiatives) == 3
    upright = _quote_box_city(italic=False).cities[0]
    assert upright.quote is None or upright.quote.text != "Zenda learns together, at every age."


def _lettered_city(after_caption: str, quote: str = "‘Zenda learns together.’\n") -> Booklet:
    """A city whose lettered list goes on after its quote, attribution and captions (a
    reading order across columns), the second caption `after_caption`; a second city
    on the next page."""
    text = f"""\
Front matter paragraph that introduces the booklet and its cities.

1. Ruritania, Zenda
Zenda is a town of learners on the river. Its initiatives include:
(a) Reading clubs in every district of the town.

(b) Evening classes for the workers of the mills.

{quote}Ann Ek, Mayor of Zenda

Pupils at the library

{after_caption}

(c) A festival of learning held every spring.
\f2. Ruritania, Strelsau
Strelsau is a city of schools. Its initiatives include:
(a) Libraries open at night.

(b) Courses for the workers of the port.

‘We learn.’
Bo Ek, Mayor of Strelsau
"""
    return parse_text(text)


def test_a_caption_ending_with_a_full_stop_among_lettered_items_is_a_caption() -> None:
    """Hard negatives: without its quote found, the same line may be the quote printed
    without marks and stays prose; a marked item beside a caption stays an item."""
    city = _lettered_city("The mobile library, 2019.").cities[0]
    assert [i.text for i in city.initiatives] == [
        "Reading clubs in every district of the town.", "Evening classes for the workers of the mills.",
        "A festival of learning held every spring."]
    assert city.captions == ["Pupils at the library", "The mobile library, 2019."]
    without_quote = _lettered_city("The mobile library, 2019.", quote="").cities[0]
    assert "The mobile library, 2019." not in without_quote.captions
    item = _lettered_city("(d) Radio lessons for the villages.").cities[0]
    assert len(item.initiatives) == 4 and item.captions == ["Pupils at the library"]


def test_a_one_line_intro_beside_a_caption_before_the_list_stays_the_intro() -> None:
    """Hard negative for captions that end like sentences: a one-line intro under a
    caption, before the lettered list, is the city's intro, however short."""
    text = ("Front matter paragraph that introduces the booklet and its cities.\n"
            "\f1. Ruritania, Zenda\nPupils at the library\n\nZenda is a town of learners.\n\n"
            "(a) Reading clubs in every district of the town.\n\n(b) Evening classes for the workers of the mills.\n\n"
            "‘Zenda learns together.’\nAnn Ek, Mayor of Zenda\n"
            "\f2. Ruritania, Strelsau\nStrelsau is a city of schools.\n\n(a) Libraries open at night.\n\n"
            "(b) Courses for the workers of the port.\n\n‘We learn.’\nBo Ek, Mayor of Strelsau\n")
    zenda = parse_text(text).cities[0]
    assert zenda.intro == "Zenda is a town of learners."
    assert zenda.captions == ["Pupils at the library"]


RUN_ON = """\
1. Ruritania, Strelsau
City population: 1,200,000 (2018)
Strelsau has a long history of adult learning. Its main efforts include:
1. Community schools in every district.
2. Evening classes for workers.
‘We believe in learning for all.’
Rudolf Rassendyll, Mayor of Strelsau
Evening class in session

2. Ruritania, Zenda
City population: 50,000
Zenda is a small town that has done much for learners. It has created:
\f1. A lending library on wheels for remote villages.
2. A festival of learning held every spring.
‘Zenda learns together.’
Flavia Elphberg, Governor of Zenda Province
The library on wheels

3. Ruritania, Tarlenheim
City population: 20,000
Tarlenheim is a river town that learns by its river. Its efforts include:
1. A river school for young people.
2. Reading clubs in the town hall.
‘Our river teaches us.’
Fritz Tarlenheim, Mayor of Tarlenheim
"""


def test_cities_running_on_keep_what_goes_on_at_the_next_page_top() -> None:
    """Cities set one after another down the page (two headings on page 1): the top of
    page 2, above the third heading, goes on with the second city (its list and quote),
    not the third, as it would in a booklet that opens each city on its own page."""
    a, b, c = parse_text(RUN_ON).cities
    assert [i.text for i in b.initiatives] == ["A lending library on wheels for remote villages.",
                                              "A festival of learning held every spring."]
    assert b.quote is not None and b.quote.speaker == "Flavia Elphberg"
    assert c.quote is not None and c.quote.speaker == "Fritz Tarlenheim"
    assert len(c.initiatives) == 2 and a.captions == ["Evening class in session"]


def test_cities_running_on_keep_a_stats_box_under_the_quote_on_the_next_page() -> None:
    """Where cities run on, a city's stats box set under its quote may open the next page:
    entries the city lacks are still its own. Hard negative: in a booklet that opens
    each city on its own page, the next page after the last quote is not the city's."""
    text = RUN_ON.replace("City population: 20,000\n", "") + "\fCity population: 20,000\n"
    c = parse_text(text).cities[2]
    assert c.stats.population is not None and c.stats.population.value == 20000
    apart = "\f".join(RUN_ON.split("\n\n"))  # each city on its own page
    apart = apart.replace("City population: 20,000\n", "") + "\fCity population: 20,000\n"
    assert parse_text(apart).cities[2].stats.population is None


def test_cities_running_on_keep_their_photos_pushed_to_the_next_page_top() -> None:
    """Where cities run on and each sets its photos after its quote (the last city closes
    on captions), captions pushed to the next page's top, above the next heading, are the
    city's before. Hard negative: where photos sit over each heading (a caption right
    above the first heading, on its page), such captions stay the next city's."""
    pushed = RUN_ON.replace("\nThe library on wheels\n", "\n\fThe library on wheels\n")
    closing = pushed + "A river school class\n"
    b, c = parse_text(closing).cities[1:]
    assert b.captions == ["The library on wheels"] and c.captions == ["A river school class"]
    assert parse_text(pushed).cities[2].captions == ["The library on wheels"]  # no caption closes the last city
    on_top = "The front page photo\n" + closing.replace("Evening class in session\n", "")
    b, c = parse_text(on_top).cities[1:]
    assert b.captions == [] and "The library on wheels" in c.captions


def _labelled_city(n: int, name: str) -> str:
    """A city as a designer's template sets it: photo caption, intro above the heading,
    a label over the stats, over the list and over the quote."""
    return "\n\n".join([f"Pupils in {name}",
                        f"{name} is a town of learners by a river. Its initiatives include:",
                        "Key initiatives", f"{n}. Ruritania, {name}", "At a glance",
                        "City population: 12,000", "1. Reading clubs in every district.",
                        "2. Evening classes for workers.", "Mayor’s message", f"‘{name} learns together.’",
                        f"Ann Ek, Mayor of {name}"])


def test_a_templates_section_labels_are_noise() -> None:
    """Labels printed over every city's parts ("Key initiatives", "At a glance", "Mayor’s
    message") are neither captions nor fields; printed three times, they had read as a
    running head, whose place between the intro and its heading marks a page's edge, and
    the intros were lost; a caption over "Mayor’s message" had read as a speaker and a
    role. Hard negative: a lead-in ending in a colon stays the intro's."""
    booklet = parse_text("\n\n".join(_labelled_city(n, name) for n, name in enumerate(["Alpha", "Beta", "Gamma"], 1)))
    for city in booklet.cities:
        assert city.intro == f"{city.city} is a town of learners by a river. Its initiatives include:"
        assert city.quote is not None and city.quote.speaker == "Ann Ek"
        assert [i.text for i in city.initiatives] == ["Reading clubs in every district.", "Evening classes for workers."]
        assert "Key initiatives" not in city.captions and "Mayor’s message" not in city.captions


@pytest.mark.parametrize("text", ["Key initiatives:", "Initiatives include:", "Key initiatives of the city",
                                  "Mayor’s message to the learners", "programmes", "Initiatives",
                                  "key initiatives"])
def test_a_lead_in_a_longer_line_or_a_lone_word_is_no_section_label(text: str) -> None:
    """Hard negatives: a label ending in a colon leads into a list; a line that only
    opens like a label is text; a lone word or a line in lowercase may be a wrapped
    line's end ("... learning" / "programmes" / "in which ..."): never noise."""
    assert DEFAULT_PROFILE.section_labels.match(text) is None


def test_two_headings_with_no_quote_between_are_no_cities_running_on() -> None:
    """Hard negative: two headings on one page with nothing of a city's end between them
    (an extractor that read two facing pages across gives both headings first) do not
    make the booklet's cities run on; one city's quote, then the next heading, on one page
    does."""
    from booklet_extract.sections import _cities_run_on

    def block(kind: BlockKind, page: int) -> Block:
        return Block(kind, [Line("x", 1, region=page, page=page)], ["x"])

    across = [block(BlockKind.HEADING, 1), block(BlockKind.HEADING, 1), block(BlockKind.QUOTE, 1),
              block(BlockKind.QUOTE, 1)]
    assert not _cities_run_on(across, [0, 1])
    run_on = [block(BlockKind.HEADING, 1), block(BlockKind.QUOTE, 1), block(BlockKind.HEADING, 1)]
    assert _cities_run_on(run_on, [0, 2])
    apart = [block(BlockKind.HEADING, 1), block(BlockKind.QUOTE, 1), block(BlockKind.HEADING, 2)]
    assert not _cities_run_on(apart, [0, 2])


@pytest.mark.parametrize("entry", ["{n}. Ruritania, {name}", "Ruritania, {name} ........ {page}",
                                   "{page}  Ruritania, {name}", "Ruritania, {name} … {page}"],
                         ids=["numbered", "dot-leaders", "page-first", "ellipsis"])
def test_a_front_list_of_places_numbered_or_paged_is_no_run_of_headings(entry: str) -> None:
    """The front matter lists the cities with their numbers, or with their pages as a
    table of contents does. Numbered, each entry had read as a city's heading, and the
    real headings, numbered again from 1, as list items: every city lost its fields. Three
    numbered places within a few lines are a list; the page numbers are no part of a name."""
    names = ["Alpha", "Beta", "Gamma"]
    front = "\n".join(entry.format(n=n, name=name, page=2 * n + 4) for n, name in enumerate(names, 1))
    text = "The cities are:\n" + front + "\n\n" + "\n\n".join(_city(n, name, _items(name))
                                                            for n, name in enumerate(names, 1))
    booklet = parse_text(text)
    assert [(c.number, c.city) for c in booklet.cities] == [(1, "Alpha"), (2, "Beta"), (3, "Gamma")]
    assert all(c.quote is not None and c.quote.speaker == "Ann Ek" for c in booklet.cities)
    assert [(p.country, p.city) for p in booklet.booklet.listed_cities] == [("Ruritania", n) for n in names]


def test_two_headings_together_stay_headings() -> None:
    """Hard negative: two numbered places in a row (an extractor that read two facing
    pages across gives both headings first) are two cities' headings, not a list."""
    text = "1. Ruritania, Alpha\n2. Ruritania, Beta\n" + "\n".join(_city(n, name, _items(name))[len(f"{n}. Ruritania, {name}\n"):]
                                                                  for n, name in ((1, "Alpha"), (2, "Beta")))
    assert [c.city for c in parse_text(text).cities] == ["Alpha", "Beta"]


def test_a_number_set_apart_over_a_city_and_its_country_on_two_lines() -> None:
    """A big number on its own line, the city's name under it and the country under
    that ("1" / "Alpha" / "Ruritania"): the front matter's list pairs the names. Hard
    negative: a page number over three names (map labels) is no heading's number."""
    names = ["Alpha", "Beta", "Gamma"]
    front = "The cities are:\n" + "\n".join(f"Ruritania, {n}" for n in names) + "\n\n7\nAlpha I Ruritania\nBeta I Ruritania\nGamma I Ruritania\n"
    cities = [_city(n, name, _items(name)).replace(f"{n}. Ruritania, {name}", f"{n}\n{name}\nRuritania")
              for n, name in enumerate(names, 1)]
    booklet = parse_text(front + "\n\n" + "\n\n".join(cities))
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [(1, "Ruritania", "Alpha"),
                                                                     (2, "Ruritania", "Beta"),
                                                                     (3, "Ruritania", "Gamma")]
    assert all(c.quote is not None for c in booklet.cities)


def test_words_an_extractor_set_apart_one_box_each_stay_in_their_item() -> None:
    """pdftotext gives a justified narrow column's widely spaced words as boxes of their
    own ("2) Extending" / "vocational" / "training" / "opportunities in ..."): lowercase
    words between an item and its lowercase rest are the item's, not captions. Hard
    negatives: a lowercase caption before a capitalised paragraph stays a caption; stray
    lowercase words after a finished sentence (a scrambled reading) make no item."""
    items = ["1) Reading clubs in every district.", "2) Extending", "", "vocational", "", "training", "",
             "opportunities for workers in the town.", "3) A festival of learning."]
    city = parse_text(_city(1, "Zenda", items)).cities[0]
    assert [i.text for i in city.initiatives][1] == "Extending vocational training opportunities for workers in the town."
    assert "vocational" not in city.captions and "training" not in city.captions
    caption = parse_text(_city(1, "Zenda", ["1) Reading clubs in every district.", "", "iPad lessons at the library",
                                            "", "2) A festival of learning."])).cities[0]
    assert caption.captions == ["iPad lessons at the library"]
    strays = parse_text(_city(1, "Zenda", ["1) Reading clubs in every district.", "", "local", "", "politicians", "",
                                           "2) A festival of learning."])).cities[0]
    assert [i.text for i in strays.initiatives] == ["Reading clubs in every district.", "A festival of learning."]


def test_a_stats_entry_no_field_is_for_is_reported_not_a_caption() -> None:
    """A stats box may print an entry the schema has no field for ("Literacy rate: 81%
    (2015)" under the GDP): it is no photo's caption; no field takes it, and it is
    reported as unassigned text so the user sees it. Hard negative: a caption holding a
    colon and a figure away from the stats ("Summer school: class of 2019") stays one."""
    text = _city(1, "Zenda", _items("Zenda")).replace(
        "Zenda is a town", "City population: 12,000\nLiteracy rate: 81% (2015)\nZenda is a town", 1)
    text += "\nSummer school: class of 2019\n"
    booklet = parse_text(text)
    city = booklet.cities[0]
    assert city.stats.population is not None and city.stats.population.value == 12000
    assert "Literacy rate: 81% (2015)" not in city.captions
    assert "Summer school: class of 2019" in city.captions
    assert any(f.kind == "unassigned_text" and f.printed == "Literacy rate: 81% (2015)" for f in booklet.flags)


QUOTE_OF_ZENDA = "Zenda learns together, at every age and in every street of the old town, and will go on learning."


def _attribution_over_quote_city(quote_italic: bool, between: bool = True) -> Booklet:
    """A PDF city whose unmarked items stand in two columns, the attribution set over an
    unmarked quote under them; the attribution, as narrow as the first column, was read
    with it, before the second column's item (`between`). Without `between` the second
    column's item is read before the attribution, and an italic caption follows the quote."""
    item: _Row = ("A festival of learning held every spring.", 300, 100, 520, 110, 10.0, False)
    rows: list[_Row] = [
        _FIRST_COLUMN[0], ("Zenda is a town of learners on the river. Its schools open at night.", *_FIRST_COLUMN[1][1:]),
        *_FIRST_COLUMN[2:], *([] if between else [item]), _ATTRIBUTION, *([item] if between else []),
        ("Zenda learns together, at every age and in every street of the old", 44, 180, 540, 190, 10.5, quote_italic),
        ("town, and will go on learning.", 44, 193, 260, 203, 10.5, quote_italic),
        *([] if between else [(*_CAPTION[:6], True)]),
    ]
    return _typeset(rows, going_on=("town,",))


def test_an_italic_quote_under_its_attribution_past_a_column_read_between() -> None:
    """An unmarked quote in italics under its attribution, with the second column's item
    read between them (upright, like the items): the italic paragraph is the quote and
    the item stays an item. Hard negative: an upright quote right under the attribution,
    an italic caption after it, stays the quote."""
    city = _attribution_over_quote_city(quote_italic=True).cities[0]
    assert city.quote is not None and city.quote.text == QUOTE_OF_ZENDA
    assert [i.text for i in city.initiatives][-1] == "A festival of learning held every spring."
    upright = _attribution_over_quote_city(quote_italic=False, between=False).cities[0]
    assert upright.quote is not None and upright.quote.text == QUOTE_OF_ZENDA
    assert upright.captions == ["Pupils at the library"]


def test_a_quote_below_its_attribution_before_a_page_edge_is_the_citys() -> None:
    """Text without pages: a paragraph below the attribution, then a running footer, then
    the next heading. The next heading cannot take a paragraph across the page's edge as
    its intro (a paragraph follows it here, ending on a full stop), so the paragraph is the
    city's quote, printed without marks under its attribution. (Without the page edge the
    existing hard negative above holds: it may be the next intro, and is left.)"""
    names = ["Alpha", "Beta", "Gamma"]
    text = "\n\n".join(_below(n, name, _plain_items(name), intro="{name} is a town of learners on a river.")
                       + f"\n\nLearning City Award | {n}" for n, name in enumerate(names, start=1))
    for city in parse_text(text + "\n").cities:
        assert city.quote is not None and city.quote.text.startswith(f"We in {city.city}"), city.city
        assert city.stats.population is not None


def test_a_paragraph_below_an_attribution_ending_no_sentence_is_no_sign_of_quotes_above() -> None:
    """A paragraph below the attribution that ends no sentence (captions an extractor ran
    into it) is not taken as the quote, and neither is it a sign that the booklet sets
    its quotes above (which would outvote the cities whose paragraph below is plain):
    no answer. Hard negative: with no paragraph below at all, the quote is above."""
    from booklet_extract.sections import _quote_below_attribution

    def block(kind: BlockKind, text: str) -> Block:
        return Block(kind, [Line(text, 1)], [text])

    item = block(BlockKind.PROSE, "A festival of learning held every spring.")
    attribution = block(BlockKind.ATTRIBUTION, "Ann Ek, Mayor of Zenda")
    glued = block(BlockKind.PROSE, "We believe in learning for all. Pupils at the library Evening class")
    assert _quote_below_attribution([item, attribution, glued], DEFAULT_PROFILE) is None
    assert _quote_below_attribution([item, attribution], DEFAULT_PROFILE) == (None, False)
    plain = block(BlockKind.PROSE, "We believe in learning for all.")
    assert _quote_below_attribution([item, attribution, plain], DEFAULT_PROFILE) == ((2, 2), False)


def test_an_unmarked_quote_below_its_attribution_ending_on_a_comma_is_the_quote() -> None:
    """A quote printed without marks below its attribution may end on the comma of the
    "..., said" it was cut from: it is the quote still, where the booklet sets its quotes
    below (every city), and the items above stay items. Hard negative: a paragraph there
    ending on no mark at all (captions run into it) is still no quote
    (`test_a_paragraph_below_an_attribution_ending_no_sentence_is_no_sign_of_quotes_above`)."""
    from booklet_extract.sections import _quote_below_attribution

    names = ["Alpha", "Beta", "Gamma"]
    text = "\n\n".join(_below(n, name, _plain_items(name)).replace("for all,\nat every age.", "for all,")
                       for n, name in enumerate(names, start=1))
    for city in parse_text(text + "\n").cities:
        assert city.quote is not None and city.quote.text == f"We in {city.city} believe in learning for all,"
        assert len(city.initiatives) == 3, city.city
    item = Block(BlockKind.PROSE, [Line("A festival.", 1)], ["A festival."])
    attribution = Block(BlockKind.ATTRIBUTION, [Line("Ann Ek, Mayor of Zenda", 2)], ["Ann Ek, Mayor of Zenda"])
    bare = Block(BlockKind.PROSE, [Line("We believe in learning for all", 3)], ["We believe in learning for all"])
    assert _quote_below_attribution([item, attribution, bare], DEFAULT_PROFILE) is None


def test_a_labelled_caption_run_into_the_quote_above_is_a_caption_of_its_own() -> None:
    """Text with no blank lines runs a labelled caption ("Photo: ...") into the quote above
    it, ended on a comma or a full stop: the label opens a caption of its own, and the
    quote keeps its words. Hard negative: under a line that ends on no mark, a line opening
    with such a word and a colon is the paragraph's next line."""
    for end in (",", "."):
        text = "\n\n".join(_below(n, name, _plain_items(name)).replace(
            "for all,\nat every age.", f"for all{end}\nPhoto: Pupils at the library of {name}")
            for n, name in enumerate(["Alpha", "Beta"], start=1))
        for city in parse_text(text + "\n").cities:
            assert city.quote is not None and city.quote.text == f"We in {city.city} believe in learning for all{end}"
            assert city.captions == [f"Pupils at the library of {city.city}"], city.city
    from booklet_extract.text_blocks import _caption_label_opens
    assert _caption_label_opens("Photo: Pupils at the library", "We believe in learning,", DEFAULT_PROFILE)
    assert not _caption_label_opens("Below: the figures of the census", "as the table shows", DEFAULT_PROFILE)


def test_a_role_does_not_run_on_into_a_stats_label_a_narrow_cell_wrapped() -> None:
    """A sidebar's stats table read after the attribution, its labels wrapped by narrow
    cells ("City" / "population"): the role stops before them, and the label is read.
    Hard negatives: a role whose place goes on over "City" alone stays whole, also over a
    capitalised label on the next line ("City" / "Population": the label's own line)."""
    text = _city(1, "Zenda", _items("Zenda")) + "\nCity\npopulation\n1,200\n"
    city = parse_text(text).cities[0]
    assert city.quote is not None and city.quote.role == "Mayor of Zenda"
    assert city.stats.population is not None and city.stats.population.value == 1200
    wrapped = _city(1, "Zenda", _items("Zenda")).replace("Ann Ek, Mayor of Zenda", "Ann Ek, Mayor of Strelsau\nCity")
    quote = parse_text(wrapped + "\n").cities[0].quote
    assert quote is not None and quote.role == "Mayor of Strelsau City"
    labelled = parse_text(wrapped + "\nPopulation\n1,200\n").cities[0]
    assert labelled.quote is not None and labelled.quote.role == "Mayor of Strelsau City"
    assert labelled.stats.population is not None and labelled.stats.population.value == 1200


def _facing(name: str, stats: str = "") -> dict[str, str]:
    """One city's pieces as a facing page prints them (blank-line apart in the text)."""
    return {"stats": stats, "photo": f"Photo of {name} library",
            "intro": f"{name} is a town of learners. Its initiatives include:",
            "items": f"1) Reading clubs in {name}.\n\n2) Evening classes in {name}.\n\n3) A festival in {name}.",
            "quote": f"‘{name} learns together.’", "attribution": f"Ann Ek, Mayor of {name}",
            "caption": f"Pupils in {name}"}


def _assert_dealt(text: str) -> None:
    booklet = parse_text(text)
    for city in booklet.cities:
        assert city.quote is not None and city.quote.role == f"Mayor of {city.city}", city.city
        assert city.intro is not None and city.intro.startswith(city.city), city.city
        assert [i.text for i in city.initiatives] == [f"Reading clubs in {city.city}.", f"Evening classes in {city.city}.",
                                                     f"A festival in {city.city}."]
        assert city.captions and all(city.city in c for c in city.captions), city.city


def test_facing_pages_read_across_give_each_heading_its_own_city() -> None:
    """A booklet exported as spreads, read across by pdfminer or pdftotext: both
    headings first, then the left-hand city's matter, then the right-hand one's. The
    second heading had taken both, the first nothing; two closings after prose of their
    own deal the matter in turn."""
    a, b = _facing("Alpha"), _facing("Beta")
    text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(
        [a["intro"], a["items"], a["quote"], a["attribution"] + "\n" + a["caption"],
         b["intro"], b["items"], b["quote"], b["attribution"], b["caption"]]) + "\n"
    _assert_dealt(text)


def test_stats_read_across_facing_pages_row_by_row_are_dealt_in_turn() -> None:
    """pdftotext reads the two pages' stats boxes row by row (both populations, then
    both areas): the first of each label is the left-hand city's. Hard negative: a
    city's stats read whole before the other's are left in their order."""
    a, b = _facing("Alpha"), _facing("Beta")
    rows = "City population\n1,200 (2018)\n\nCity population\n3,400\n\nCity/urban area\n12 km2\n\nCity/urban area\n56 km2"
    tail = "\n\n".join([a["intro"], a["items"], a["quote"], a["attribution"] + "\n" + a["caption"],
                        b["intro"], b["items"], b["quote"], b["attribution"], b["caption"]]) + "\n"
    cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + rows + "\n\n" + tail).cities
    assert [(c.stats.population.value, c.stats.area_km2.value) for c in cities  # type: ignore[union-attr]
            ] == [(1200, 12), (3400, 56)]
    whole = "City population\n1,200 (2018)\n\nCity/urban area\n12 km2"
    cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + whole + "\n\n" + tail).cities
    assert cities[0].stats.population is not None and cities[0].stats.population.value == 1200
    assert cities[1].stats.population is None


def test_facing_pages_openings_read_before_the_first_list_go_to_their_cities() -> None:
    """pdfminer reads both facing pages' openings (stats box, intro) before the left-hand
    city's list, and the left-hand intro ends on a full stop, not a lead-in colon: the
    stats label printed again opens the right-hand city's box, and that box and intro
    are its. Hard negative: one box, its labels once each, around one intro, stays."""
    a, b = _facing("Alpha"), _facing("Beta")
    box = "City population\n{}\n\n{}\n\nCity/urban area\n{}"
    alpha_intro = "Alpha is a town of learners on the river, and has been for a long time."
    opening = box.format("1,200 (2018)", alpha_intro, "12 km2") + "\n\n" + box.format("3,400", b["intro"], "56 km2")
    closings = [a["items"], a["quote"], a["attribution"], b["items"], b["quote"], b["attribution"]]
    cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + opening + "\n\n"
                        + "\n\n".join(closings) + "\n").cities
    assert [(c.stats.population.value, c.stats.area_km2.value) for c in cities  # type: ignore[union-attr]
            ] == [(1200, 12), (3400, 56)]
    assert [c.intro for c in cities] == [alpha_intro, b["intro"]]
    assert [[i.text for i in c.initiatives] for c in cities] == [
        [f"Reading clubs in {n}.", f"Evening classes in {n}.", f"A festival in {n}."] for n in ("Alpha", "Beta")]
    one_box = box.format("1,200 (2018)", alpha_intro, "12 km2")
    cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + one_box + "\n\n"
                        + "\n\n".join(closings) + "\n").cities
    assert cities[0].stats.population is not None and cities[0].stats.population.value == 1200
    assert cities[0].intro == alpha_intro


def test_facing_pages_with_level_quotes_are_cut_where_each_city_opens() -> None:
    """Quotes set level on facing pages are read row by row too (both quotes, both
    attributions, both captions): the cities' texts are cut at each lead-in, and the
    closing blocks dealt one of each kind per city."""
    a, b = _facing("Alpha"), _facing("Beta")
    text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(
        [a["intro"], a["items"], b["photo"], b["intro"], b["items"], a["quote"], b["quote"], a["attribution"],
         b["attribution"], a["caption"], b["caption"]]) + "\n"
    _assert_dealt(text)
    cities = parse_text(text).cities
    assert cities[1].captions == ["Photo of Beta library", "Pupils in Beta"]


def test_the_second_pages_opening_read_before_the_first_list_goes_to_its_city() -> None:
    """pdfminer may read both pages' openings (stats, photo, intro) before the first
    city's list: the second lead-in, with the stats and photo just above it, opens the
    second city."""
    a = _facing("Alpha", "City population\n1,200 (2018)")
    b = _facing("Beta", "City population\n3,400")
    text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(
        [a["stats"], a["intro"], b["stats"], b["photo"], b["intro"], a["items"], a["quote"],
         a["attribution"] + "\n" + a["caption"], b["items"], b["quote"], b["attribution"], b["caption"]]) + "\n"
    _assert_dealt(text)
    assert [c.stats.population.value for c in parse_text(text).cities] == [1200, 3400]  # type: ignore[union-attr]


def test_headings_together_without_two_cities_matter_or_pages_apart_are_not_dealt() -> None:
    """Hard negatives: a city printed with its heading only, before the next city (one
    closing for two headings), keeps nothing; headings on two pages are not facing
    pages read across."""
    b = _facing("Beta")
    text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(
        [b["intro"], b["items"], b["quote"], b["attribution"], b["caption"]]) + "\n"
    alpha, beta = parse_text(text).cities
    assert alpha.quote is None and not alpha.initiatives and alpha.intro is None
    assert beta.quote is not None and len(beta.initiatives) == 3
    a = _facing("Alpha")
    paged = "1. Ruritania, Alpha\n\f2. Ruritania, Beta\n\n" + "\n\n".join(
        [a["intro"], a["items"], a["quote"], a["attribution"], b["intro"], b["items"], b["quote"],
         b["attribution"]]) + "\n"
    alpha, beta = parse_text(paged).cities
    assert alpha.quote is None and beta.quote is not None


def test_facing_pages_read_row_by_row_throughout_are_dealt_kind_by_kind() -> None:
    """Facing pages on one baseline grid, read across by pdftotext row by row: both
    photos, both stats boxes, both intros (no lead-in colon), the items of all four
    columns in turn, both quotes, both attributions, on one sheet (one page of the text). Each
    kind is dealt in turn, an item to the
    first city whose list lacks its number, and the lists put in order; where the row of
    quotes was read right page first, the attributions' places say whose they are."""
    a, b = _facing("Alpha", "City population\n1,200 (2018)"), _facing("Beta", "City population\n3,400")
    intro = "{0} is a town of learners with a long history of adult education."
    rows = [a["photo"], b["photo"], a["stats"], b["stats"], intro.format("Alpha"), intro.format("Beta"),
            "1) Reading clubs in Alpha.", "3) A festival in Alpha.", "1) Reading clubs in Beta.",
            "2) Evening classes in Alpha.", "2) Evening classes in Beta.", "3) A festival in Beta.",
            a["quote"], b["quote"], a["attribution"], b["attribution"]]
    right_first = rows[:12] + [b["quote"], a["quote"], b["attribution"], a["attribution"]]
    for order in (rows, right_first):
        spread = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(order) + "\n"
        cities = parse_text("The cities are Alpha and Beta.\n\f" + spread + "\fBack matter.\n").cities
        for city in cities:
            assert city.quote is not None and city.quote.role == f"Mayor of {city.city}", city.city
            assert city.quote.text == f"{city.city} learns together."
            assert city.intro == intro.format(city.city)
            assert [i.text for i in city.initiatives] == [f"Reading clubs in {city.city}.",
                                                         f"Evening classes in {city.city}.", f"A festival in {city.city}."]
            assert city.captions == [f"Photo of {city.city} library"]
        assert [c.stats.population.value for c in cities] == [1200, 3400]  # type: ignore[union-attr]


def test_facing_pages_lists_read_one_after_the_other_go_to_their_cities() -> None:
    """pdfminer may read both pages' openings, then the left page's list and the right
    page's, then the closings: cut where each city opens, the second city had taken both
    lists. Each numbered item goes to the first city whose list lacks its number, and
    bulleted items go in runs where the items naming a city stand in its run (see
    `test_facing_pages_bulleted_lists_read_page_by_page_after_both_openings_go_in_runs`).
    Hard negatives: bullets naming no city say nothing of whose they are, and three
    first items for two cities are no two lists: both are left as cut."""
    a = _facing("Alpha", "City population\n1,200 (2018)")
    b = _facing("Beta", "City population\n3,400")
    pieces = [a["stats"], a["photo"], a["intro"], b["stats"], b["photo"], b["intro"], a["items"], b["items"],
              a["quote"], a["attribution"], a["caption"], b["quote"], b["attribution"], b["caption"]]
    text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(pieces) + "\n"
    _assert_dealt(text)
    bullets = text.replace("1) ", "• ").replace("2) ", "• ").replace("3) ", "• ")
    _assert_dealt(bullets)
    unnamed = bullets.replace(" in Alpha.", ".").replace(" in Beta.", " for all.")
    alpha, beta = parse_text(unnamed).cities
    assert not alpha.initiatives and len(beta.initiatives) == 6
    firsts = text.replace("2) Evening classes in Alpha", "1) Evening classes in Alpha")
    alpha, beta = parse_text(firsts).cities
    assert not alpha.initiatives and len(beta.initiatives) == 6


def test_facing_pages_read_across_with_lists_mixed_are_dealt_kind_by_kind() -> None:
    """pdftotext may read facing pages' blocks in a mixed order: both intros, the lists'
    items interleaved (1, 1, 3, 2), the left page's quote before the right page's other
    items, the right page's closing, then the left page's attribution. Cut at each
    closing, the first city took four items; dealt kind by kind, each list counts from
    one, each quote goes to the city it names, and an attribution that names no city
    goes to the city the other attribution does not name."""
    a, b = _facing("Alpha", "City population\n1,200 (2018)"), _facing("Beta", "City population\n3,400")
    pieces = [a["photo"], a["stats"], b["stats"], b["photo"], a["intro"], b["intro"],
              "1) Reading clubs in Alpha.", "1) Reading clubs in Beta.", "3) A festival in Alpha.",
              "2) Evening classes in Alpha.", a["quote"], "2) Evening classes in Beta.", "3) A festival in Beta.",
              b["quote"] + "\n" + b["attribution"], b["caption"], "Ann Ek, President of the Council\n" + a["caption"]]
    text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(pieces) + "\n"
    cities = parse_text(text).cities
    for city in cities:
        assert [i.text for i in city.initiatives] == [f"Reading clubs in {city.city}.",
                                                     f"Evening classes in {city.city}.", f"A festival in {city.city}."]
        assert city.quote is not None and city.quote.text == f"{city.city} learns together."
    assert [c.quote.role for c in cities] == ["President of the Council", "Mayor of Beta"]  # type: ignore[union-attr]


def test_the_last_facing_pages_list_ending_below_the_quotes_keeps_its_last_item() -> None:
    """The booklet's last spread, read across: the right page's third item, set below
    both quotes, is read last, after the page's footer. It fills the gap in that city's
    list and is its item, not trailing matter. Hard negatives: a first item there (both
    lists have one) is back matter, and so is a fourth (it would make a list longer
    than any printed, not whole)."""
    a, b = _facing("Alpha"), _facing("Beta")
    items_b = b["items"].replace("\n\n3) A festival in Beta.", "")
    pieces = [a["intro"], b["intro"], a["items"], items_b, a["quote"], a["attribution"], a["caption"],
              b["quote"], b["attribution"], b["caption"]]
    spread = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(pieces)
    _assert_dealt(spread + "\n\nAward | 6\n\f3) A festival in Beta.\n\nAward | 7\n")
    annex = parse_text(spread + "\n\nAward | 6\n\f1) A list of the jury.\n\nAward | 7\n").cities
    assert [len(c.initiatives) for c in annex] == [3, 2]
    fourth = parse_text(spread + "\n\nAward | 6\n\f4) A list of the jury.\n\nAward | 7\n").cities
    assert [len(c.initiatives) for c in fourth] == [3, 2]


def test_facing_headings_read_right_page_first_keep_both_cities() -> None:
    """pdftotext may read a spread's right-hand heading first ("2. ..., Beta" over "1.
    ..., Alpha"): the second is a heading still (right under the first, its number one
    less and not yet seen, the front matter listing it just before the first), the cities
    keep the booklet's order, and the left page's matter, read first, is Alpha's. Hard
    negatives: "1." below some text after the heading is a list item, and so is "1."
    right under a heading numbered 3, or one the list does not put just before it (or
    with no list at all: `test_heading_numbers_must_increase`)."""
    a, b = _facing("Alpha"), _facing("Beta")
    front = "The cities are:\nRuritania, Alpha\nRuritania, Beta\n\f"
    matter = "\n\n".join([a["intro"], a["items"], a["quote"], a["attribution"] + "\n" + a["caption"],
                           b["intro"], b["items"], b["quote"], b["attribution"], b["caption"]]) + "\n"
    text = front + "2. Ruritania, Beta\n\n1. Ruritania, Alpha\n\n" + matter
    _assert_dealt(text)
    assert [(c.number, c.city) for c in parse_text(text).cities] == [(1, "Alpha"), (2, "Beta")]
    later = front + "2. Ruritania, Beta\n\nSome words.\n\n1. Ruritania, Alpha\n\n" + matter
    assert [c.city for c in parse_text(later).cities] == ["Beta"]
    third = front + "3. Ruritania, Beta\n\n1. Ruritania, Alpha\n\n" + matter
    assert [c.city for c in parse_text(third).cities] == ["Beta"]
    swapped = "The cities are:\nRuritania, Beta\nRuritania, Alpha\n\f2. Ruritania, Beta\n\n1. Ruritania, Alpha\n\n"
    assert [c.city for c in parse_text(swapped + matter).cities] == ["Beta"]


def test_facing_headings_read_right_page_first_with_its_opening_between_keep_both_cities() -> None:
    """pdftotext may read the right-hand page's stats and intro before the left-hand
    page's heading: a few lines between the two headings that end on the intro's lead-in
    (its list not read yet) leave the second a heading. Hard negative: the same lines
    ending on a full stop make it a list item (`test_facing_headings_read_right_page_first_keep_both_cities`)."""
    front = "The cities are:\nRuritania, Alpha\nRuritania, Beta\n\f"
    between = "City population\n1,200\n\nBeta is a town of learners. Its initiatives include:\n\n"
    rest = "Alpha is a town by a river. Its initiatives include:\n\n1) Reading clubs.\n\n2) Evening classes.\n"
    text = front + "2. Ruritania, Beta\n\n" + between + "1. Ruritania, Alpha\n\n" + rest
    assert [c.city for c in parse_text(text).cities] == ["Alpha", "Beta"]
    ended = text.replace("Its initiatives include:\n\n1. Ruritania", "It has many libraries.\n\n1. Ruritania")
    assert [c.city for c in parse_text(ended).cities] == ["Beta"]


def _text_before_sidebar(n: int, name: str) -> str:
    """A page whose main column pdfminer read before the sidebar holding the heading, the
    stats and the photo: the city's text, then its heading, stats and caption."""
    return "\n\n".join([f"{name} is a town of learners. Its initiatives include:",
                         f"1) Reading clubs in {name}.", f"2) Evening classes in {name}.",
                         f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}", f"{n}. Ruritania, {name}",
                         "City population\n1,200", f"Pupils in {name}"])


def test_a_citys_text_read_before_the_sidebar_with_its_heading_is_its_own() -> None:
    """Each page's text came before its heading (set in a sidebar with the stats and the
    photo): the heading's body holds only stats and captions, and the blocks above it
    close on an attribution naming the city. That text is the city's, the first city's
    too (on its heading's page). So is text closing on a quote and an attribution naming
    no city of the booklet ("Mayor of Zenda", a role naming the city otherwise) where the
    city before has its own quote and attribution. Hard negative: where the attribution
    above names another city of the booklet (the city before's, set at the top of the
    page), nothing moves."""
    text = "Foreword of the booklet.\n\f" + "\n\f".join(
        _text_before_sidebar(n, name) for n, name in enumerate(["Alpha", "Beta", "Gamma"], 1)) + "\n"
    for city in parse_text(text).cities:
        assert city.intro == f"{city.city} is a town of learners. Its initiatives include:", city.city
        assert [i.text for i in city.initiatives] == [f"Reading clubs in {city.city}.", f"Evening classes in {city.city}."]
        assert city.quote is not None and city.quote.role == f"Mayor of {city.city}"
        assert city.captions == [f"Pupils in {city.city}"]
    unknown = parse_text(text.replace("Ann Ek, Mayor of Beta", "Ann Ek, Mayor of Zenda")).cities[1]
    assert unknown.intro == "Beta is a town of learners. Its initiatives include:"
    assert unknown.quote is not None and unknown.quote.role == "Mayor of Zenda"
    other = text.replace("Ann Ek, Mayor of Beta", "Ann Ek, Mayor of Gamma")
    beta = parse_text(other).cities[1]
    assert beta.intro is None and not beta.initiatives


def _text_before_sidebar_closing_after(n: int, name: str, quote_above: bool, named: str | None = None) -> str:
    """A page whose main column (the city's paragraphs) was read before the sidebar holding
    the heading and the stats, the closing's attribution (and perhaps its quote) read
    after them."""
    quote, said = f"‘{name} learns together.’", f"Ann Ek, Mayor of {named or name}"
    above = [f"{name} is a town of learners. Its initiatives include:",
             f"1) Reading clubs in {name}.", f"2) Evening classes in {name}."]
    below = [f"{n}. Ruritania, {name}", "City population\n1,200"]
    closing = [said] if quote_above else [quote, said]
    return "\n\n".join([*above, *([quote] if quote_above else []), *below, *closing, f"Pupils in {name}"])


@pytest.mark.parametrize("quote_above", [True, False])
def test_a_citys_paragraphs_read_before_its_sidebar_heading_with_its_closing_after_are_its_own(
        quote_above: bool) -> None:
    """Each page's paragraphs came before its heading (a sidebar with the stats), its quote
    with them or after the stats, its attribution after the stats: the heading's body holds
    no paragraph, and its attribution names the city. The paragraphs above are the city's,
    the first city's too (on its heading's page). Hard negative: where that attribution
    names another city of the booklet, the paragraphs above stay out of the city."""
    names = ["Alpha", "Beta", "Gamma"]

    def booklet(named: dict[str, str]) -> str:
        return "Foreword of the booklet.\n\f" + "\n\f".join(
            _text_before_sidebar_closing_after(n, name, quote_above, named.get(name))
            for n, name in enumerate(names, 1)) + "\n"

    for city in parse_text(booklet({})).cities:
        assert city.intro == f"{city.city} is a town of learners. Its initiatives include:", city.city
        assert [i.text for i in city.initiatives] == [f"Reading clubs in {city.city}.", f"Evening classes in {city.city}."]
        assert city.quote is not None and city.quote.text == f"{city.city} learns together."
        assert city.quote.role == f"Mayor of {city.city}"
        assert city.captions == [f"Pupils in {city.city}"]
    beta = parse_text(booklet({"Beta": "Gamma"})).cities[1]
    assert beta.intro is None and not beta.initiatives


def test_a_citys_text_read_before_its_sidebar_heading_printed_city_first_is_its_own() -> None:
    """The same pages, each heading printing the city first ("Alpha, Ruritania"), as the
    front matter's list does ("Alpha (Ruritania)"): the attribution above the heading
    names the city, whichever of the heading's names the reader takes for the city at
    that stage. Hard negative: an attribution naming another city of the booklet moves
    nothing (`test_a_citys_text_read_before_the_sidebar_with_its_heading_is_its_own`)."""
    names = ["Alpha", "Beta", "Gamma"]
    front = "Foreword of the booklet. The cities are:\n\n" + "\n".join(f"{n} (Ruritania)" for n in names) + "\n\f"
    pages = [_text_before_sidebar(n, name).replace(f"{n}. Ruritania, {name}", f"{name}, Ruritania")
             for n, name in enumerate(names, 1)]
    cities = parse_text(front + "\n\f".join(pages) + "\n").cities
    assert [(c.city, c.country) for c in cities] == [(name, "Ruritania") for name in names]
    for city in cities:
        assert city.intro == f"{city.city} is a town of learners. Its initiatives include:", city.city
        assert [i.text for i in city.initiatives] == [f"Reading clubs in {city.city}.", f"Evening classes in {city.city}."]
        assert city.captions == [f"Pupils in {city.city}"]


def test_a_facing_pages_caption_naming_the_other_city_is_that_citys() -> None:
    """Facing pages read across: the right page's photo caption, read among the left
    page's closing, names the right page's city and no other: it is that city's. Hard
    negatives: a caption naming both cities stays where it was dealt, and so does one that
    names its own city."""
    def captions(first: str, second: str) -> list[list[str]]:
        a, b = _facing("Alpha"), _facing("Beta")
        text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(
            [a["intro"], a["items"], a["quote"], a["attribution"] + "\n" + first,
             b["intro"], b["items"], b["quote"], b["attribution"], second]) + "\n"
        return [city.captions for city in parse_text(text).cities]
    assert captions("Festival in Beta", "Library day") == [[], ["Library day", "Festival in Beta"]]
    assert captions("Alpha and Beta together", "Library day") == [["Alpha and Beta together"], ["Library day"]]
    assert captions("Festival in Alpha", "Library day") == [["Festival in Alpha"], ["Library day"]]


def _facing_tail(a_closing: list[str], b_closing: list[str]) -> str:
    a, b = _facing("Alpha"), _facing("Beta")
    return "\n\n".join([a["intro"], a["items"], *a_closing, b["intro"], b["items"], *b_closing]) + "\n"


def test_stats_boxes_side_by_side_read_row_by_row_give_each_figure_its_label() -> None:
    """pdftotext reads facing pages' stats boxes, figure over label, row by row: both
    figures, then both labels ("1,200" / "3,400" / "City population" / "City
    population"). The k-th figure is the k-th label's, and the left-hand city's; so with
    the labels first. Hard negatives: two figures over two labels of different fields,
    or over three labels of one field, are read entry by entry as before."""
    a, b = _facing("Alpha"), _facing("Beta")
    tail = _facing_tail([a["quote"], a["attribution"]], [b["quote"], b["attribution"]])
    head = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n"
    figures_first = "1,200 (2018)\n\n3,400\n\nCity population\n\nCity population\n\n12 km2\n\n56 km2\n\n" \
        "City/urban area\n\nCity/urban area"
    labels_first = "City population\n\nCity population\n\n1,200 (2018)\n\n3,400\n\nCity/urban area\n\n" \
        "City/urban area\n\n12 km2\n\n56 km2"
    for rows in (figures_first, labels_first):
        cities = parse_text(head + rows + "\n\n" + tail).cities
        assert [(c.stats.population.value, c.stats.area_km2.value) for c in cities  # type: ignore[union-attr]
                ] == [(1200, 12), (3400, 56)], rows
    mixed = "1,200 (2018)\n\n3,400\n\nCity population\n\nCity/urban area"
    assert _stats_blocks(mixed) == [["3,400", "City population"]]
    three = "1,200 (2018)\n\n3,400\n\nCity population\n\nCity population\n\nCity population"
    assert _stats_blocks(three) == [["3,400", "City population"]]


def _stats_blocks(text: str) -> list[list[str]]:
    """The texts of the stats blocks the recognisers make of `text`."""
    lines = lines_from_text(text).lines
    return [b.texts for b in build_blocks(repair_lines(lines, DEFAULT_PROFILE), DEFAULT_PROFILE)
            if b.kind is BlockKind.STATS]


def test_a_facing_pages_attribution_naming_the_other_city_follows_that_citys_quote() -> None:
    """Facing pages read across: the left page's attribution comes after the right
    page's, among the right city's matter. It names the left city, whose quote has
    none: it is that city's. Hard negative: where the left city has an attribution of
    its own, a second one naming it stays where it was read."""
    a, b = _facing("Alpha"), _facing("Beta")
    text = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + _facing_tail(
        [a["quote"]], [b["quote"], b["attribution"], a["attribution"], b["caption"]])
    cities = parse_text(text).cities
    assert [(c.quote.speaker, c.quote.role) for c in cities if c.quote] == [
        ("Ann Ek", "Mayor of Alpha"), ("Ann Ek", "Mayor of Beta")]
    own = "1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + _facing_tail(
        [a["quote"], "Bo Ek, Mayor of Alpha"], [b["quote"], b["attribution"], a["attribution"], b["caption"]])
    cities = parse_text(own).cities
    assert [c.quote.speaker for c in cities if c.quote] == ["Bo Ek", "Ann Ek"]


def test_two_places_under_a_lead_in_are_the_front_matters_list() -> None:
    """A booklet of two cities lists them under "The cities are:": two places make the
    list there (three elsewhere), and facing pages' unnumbered headings, read one after
    the other, are headings, not a second list. Hard negative: two places with no
    lead-in above them are no list."""
    a, b = _facing("Alpha"), _facing("Beta")
    front = "Introduction\n\nThis year the award goes to two cities. The cities are:\nRuritania, Alpha\n" \
        "Ruritania, Beta\n\nI hope they inspire others.\n\n"
    body = "Ruritania, Alpha\n\nRuritania, Beta\n\n" + _facing_tail(
        [a["quote"], a["attribution"], a["caption"]], [b["quote"], b["attribution"], b["caption"]])
    booklet = parse_text(front + body)
    assert [(c.country, c.city) for c in booklet.booklet.listed_cities] == [("Ruritania", "Alpha"), ("Ruritania", "Beta")]
    assert [c.city for c in booklet.cities] == ["Alpha", "Beta"]
    assert [c.quote.role for c in booklet.cities if c.quote] == ["Mayor of Alpha", "Mayor of Beta"]
    plain = front.replace("The cities are:", "They are both old towns.")
    assert parse_text(plain + body).booklet.listed_cities == []


def test_matter_read_row_by_row_is_not_dealt_without_numbers_or_one_intro_each() -> None:
    """Hard negatives: bulleted items say nothing of whose they are where nothing shows
    the rows read across (each quote right after its own attribution, no item naming
    a city, or an item naming a city out of its turn), and a number that every city's
    list already has (three first items for two cities) is no row read across; nor is
    matter with one intro for two cities. No dealing, no guess. (Bulleted items with
    both quotes read one after the other: `test_bulleted_facing_lists_...`.)"""
    from booklet_extract.blocks import ItemData
    from booklet_extract.sections import _parts_by_turns

    def block(kind: BlockKind, text: str, marker: str | None = None) -> Block:
        return Block(kind, [Line(text, 1)], [text], ItemData(marker) if marker else None)

    intros = [block(BlockKind.PROSE, "Alpha is a town."), block(BlockKind.PROSE, "Beta is a town.")]
    closing = [block(BlockKind.QUOTE, "‘We learn.’"), block(BlockKind.QUOTE, "‘We too.’")]
    numbered = [block(BlockKind.PROSE, f"{m} Item.", m) for m in ("1.", "1.", "2.", "2.")]
    assert _parts_by_turns(intros + numbered + closing, ["Alpha", "Beta"]) is not None
    bullets = [block(BlockKind.PROSE, "• Item.", "•") for _ in range(4)]
    attributions = [block(BlockKind.ATTRIBUTION, "Ann Ek, Mayor"), block(BlockKind.ATTRIBUTION, "Ula Ek, Mayor")]
    apart = [closing[0], attributions[0], closing[1], attributions[1]]
    assert _parts_by_turns(intros + bullets + apart, ["Alpha", "Beta"]) is None
    out_of_turn = [block(BlockKind.PROSE, "• Reading clubs in Beta.", "•"), *bullets[1:]]
    assert _parts_by_turns(intros + out_of_turn + apart, [("Alpha", "Ruritania"), ("Beta", "Ruritania")]) is None
    three_firsts = [block(BlockKind.PROSE, "1. Item.", "1.") for _ in range(3)]
    assert _parts_by_turns(intros + three_firsts + closing, ["Alpha", "Beta"]) is None
    assert _parts_by_turns(intros[:1] + numbered + closing, ["Alpha", "Beta"]) is None


def test_bulleted_facing_lists_read_across_are_dealt_in_turn() -> None:
    """pdfminer reads facing pages' bulleted lists row by row (the left page's first
    item, the right page's, ...), then both quotes, printed without marks, one after the
    other, then the attributions: the rows were read across, and the items alternate
    between the pages. So do they where each item naming a city stands in its turn,
    though each quote follows its own attribution. Stats some city lacks go with the
    box above them; a run of two captions per city is dealt the left page's first."""
    a, b = _facing("Alpha"), _facing("Beta")
    intro = "{0} is a town of learners with a long history of adult education."
    items = ["• Reading clubs in every district.", "• A festival of music and books.",
             "• Evening classes for workers.", "• Literacy circles for parents."]
    quote = "{0} learns together, young and old, and will go on doing so for many years."
    closing_rows = [quote.format("Alpha"), quote.format("Beta"), a["attribution"], b["attribution"]]
    stats = ["City population\n1,200 (2018)", "City population\n3,400\n\nCity/urban area\n56 km2"]
    captions = ["Pupils in Alpha", "Library of Alpha", "Pupils in Beta", "Library of Beta"]
    spread = [intro.format("Alpha"), stats[0], intro.format("Beta"), stats[1], *items, *closing_rows, *captions]
    cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(spread) + "\n").cities
    assert [[i.text for i in c.initiatives] for c in cities] == [
        ["Reading clubs in every district.", "Evening classes for workers."],
        ["A festival of music and books.", "Literacy circles for parents."]]
    assert [(c.intro, c.quote and c.quote.text, c.quote and c.quote.role) for c in cities] == [
        (intro.format(n), quote.format(n), f"Mayor of {n}") for n in ("Alpha", "Beta")]
    assert [c.stats.area_km2 and c.stats.area_km2.value for c in cities] == [None, 56]
    assert [c.captions for c in cities] == [captions[:2], captions[2:]]
    named = [items[0].replace("every district", "Alpha"), items[1].replace("music and books", "Beta"), *items[2:]]
    marked = [f"‘{quote.format('Alpha')}’", a["attribution"], f"‘{quote.format('Beta')}’", b["attribution"]]
    spread = [intro.format("Alpha"), intro.format("Beta"), *named, *marked]
    cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(spread) + "\n").cities
    assert [[i.text for i in c.initiatives] for c in cities] == [
        ["Reading clubs in Alpha.", "Evening classes for workers."],
        ["A festival of Beta.", "Literacy circles for parents."]]


def test_facing_pages_bulleted_lists_read_page_by_page_after_both_openings_go_in_runs() -> None:
    """pdfminer may read both pages' intros, then the left page's column of items, then
    the right page's (each a box), then both quotes: the first run of items is the left
    city's where the items naming a city stand in its run. A mark pdfminer set on a line
    of its own inside a block (a scrambled justified line) still counts an item."""
    intro = "{0} is a town of learners. Its initiatives include:"
    left = ["• Reading clubs in Alpha for all ages.", "• Evening classes for workers.", "• A festival of books."]
    right = ["• Literacy circles for\n•\nparents.", "• The Beta Reading Hall, open daily.", "• Night lectures for all."]
    closings = ["‘Alpha learns together.’", "‘Beta learns too.’", "Ann Ek, Mayor of Alpha", "Bo Ek, Mayor of Beta"]
    spread = [intro.format("Alpha"), intro.format("Beta"), *left, *right, *closings]
    cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(spread) + "\n").cities
    assert [len(c.initiatives) for c in cities] == [3, 3]
    assert [c.initiatives[0].text for c in cities] == ["Reading clubs in Alpha for all ages.",
                                                       "Literacy circles for • parents."]
    assert [c.quote and c.quote.role for c in cities] == ["Mayor of Alpha", "Mayor of Beta"]


def test_facing_pages_items_in_one_part_stay_without_a_name_in_its_run() -> None:
    """Hard negatives: where no item names a city, runs and turns look alike: the quotes
    read one after the other say the rows were read across, and the items go in turn,
    not in runs. Where the first item names the right-hand city, neither runs nor turns
    fit: the items stay where the cut put them."""
    intro = "{0} is a town of learners. Its initiatives include:"
    closings = ["‘Alpha learns together.’", "‘Beta learns too.’", "Ann Ek, Mayor of Alpha", "Bo Ek, Mayor of Beta"]
    rest = ["• Evening classes for workers.", "• A festival of books.", "• Literacy circles.",
            "• A garden library.", "• Night lectures for all."]

    def read(first: str) -> list[list[str]]:
        spread = [intro.format("Alpha"), intro.format("Beta"), first, *rest, *closings]
        cities = parse_text("1. Ruritania, Alpha\n\n2. Ruritania, Beta\n\n" + "\n\n".join(spread) + "\n").cities
        return [[i.text for i in c.initiatives] for c in cities]

    assert read("• Reading clubs for all ages.") == [
        ["Reading clubs for all ages.", "A festival of books.", "A garden library."],
        ["Evening classes for workers.", "Literacy circles.", "Night lectures for all."]]
    assert [len(texts) for texts in read("• Reading clubs in Beta for all ages.")] == [0, 6]


def test_facing_pages_numbered_lists_read_page_by_page_after_both_intros_go_in_their_runs() -> None:
    """pdfminer may read both facing pages' intros, then each page's numbered list with the
    quote and attribution set around it, a stray piece of an item among them: each run of
    items counting from 1 is a city's, with the blocks it holds, and the k-th intro is the
    k-th city's. Hard negatives: three runs for two cities, or a run skipping a number,
    or one intro for two cities, are not cut so."""
    def block(text: str, n: int, kind: BlockKind = BlockKind.PROSE, marker: str | None = None) -> Block:
        return Block(kind, [Line(text, n)], [text], ItemData(marker) if marker else None)

    def matter(markers: list[str], intros: int = 2) -> list[Block]:
        blocks = [block(f"Intro {k}: its initiatives include:", k) for k in range(intros)]
        for n, marker in enumerate(markers, start=10):
            blocks.append(block(f"{marker} An item.", n, marker=marker))
            if n == 11:  # a stray piece and the attribution set beside the first list
                blocks += [block("Vesk River.", 50), block("Ann Ek, Mayor of Alpha", 51, BlockKind.ATTRIBUTION)]
        return [*blocks, block("‘We learn.’", 60, BlockKind.QUOTE)]

    def texts(parts: list[list[Block]]) -> list[list[str]]:
        return [[b.texts[0] for b in part] for part in parts]

    parts = sections._parts_by_numbered_runs(matter(["1.", "2.", "3.", "1.", "2.", "3."]), 2)
    assert parts is not None and texts(parts) == [
        ["Intro 0: its initiatives include:", "1. An item.", "2. An item.", "Vesk River.", "Ann Ek, Mayor of Alpha",
         "3. An item."],
        ["Intro 1: its initiatives include:", "1. An item.", "2. An item.", "3. An item.", "‘We learn.’"]]
    assert sections._parts_by_numbered_runs(matter(["1.", "2.", "1.", "2.", "1.", "2."]), 2) is None
    assert sections._parts_by_numbered_runs(matter(["1.", "2.", "3.", "1.", "2.", "4."]), 2) is None
    assert sections._parts_by_numbered_runs(matter(["1.", "2.", "3.", "1.", "2.", "3."], intros=1), 2) is None


def test_facing_pages_openings_read_page_by_page_then_across_are_dealt() -> None:
    """pdfminer reads each facing page's opening (heading, intro, stats) in turn, then
    the rest of both pages across: the left-hand city has its intro and box only, the
    right-hand one both lists and both closings. The intro right under the left-hand
    heading is its city's (not the next heading's, printed above it), and the two
    cities' matter is dealt. Hard negative: a city with an intro alone, followed by a
    city with one closing, keeps what it has and takes nothing."""
    a, b = _facing("Alpha"), _facing("Beta")
    intro = "{0} is a town of learners. Its programmes include:"
    items = ["• Reading clubs in Alpha.", "• Reading clubs in Beta.", "• Evening classes for workers.",
             "• Literacy circles for parents."]
    text = "\n\n".join(["1. Ruritania, Alpha", intro.format("Alpha"), "City population\n1,200 (2018)",
                         "2. Ruritania, Beta", intro.format("Beta"), "City population\n3,400", *items,
                         a["quote"], b["quote"], a["attribution"], b["attribution"]]) + "\n"
    cities = parse_text(text).cities
    assert [(c.intro, c.stats.population and c.stats.population.value) for c in cities] == [
        (intro.format("Alpha"), 1200), (intro.format("Beta"), 3400)]
    assert [[i.text for i in c.initiatives] for c in cities] == [
        ["Reading clubs in Alpha.", "Evening classes for workers."], ["Reading clubs in Beta.", "Literacy circles for parents."]]
    assert [c.quote and c.quote.role for c in cities] == ["Mayor of Alpha", "Mayor of Beta"]
    alone = "\n\n".join(["1. Ruritania, Alpha", intro.format("Alpha"), "2. Ruritania, Beta", intro.format("Beta"),
                          b["items"], b["quote"], b["attribution"]]) + "\n"
    cities = parse_text(alone).cities
    assert [c.intro for c in cities] == [intro.format("Alpha"), intro.format("Beta")]
    assert [len(c.initiatives) for c in cities] == [0, 3] and cities[0].quote is None


def _plain_section(n: int, name: str, first: str, items: list[str]) -> CitySection:
    """A city section as the blocks stage leaves it: heading, then unmarked paragraphs
    (PDF blocks: whole paragraphs)."""
    def block(k: int, text: str) -> Block:
        return Block(BlockKind.PROSE, [Line(text, 100 * n + k, bbox=(0.0, 10.0 * k, 400.0, 10.0 * k + 9))], [text])
    heading = Block(BlockKind.HEADING, [Line(f"{n}. RURITANIA, {name.upper()}", 100 * n)], [f"{n}. RURITANIA, {name.upper()}"])
    return CitySection(n, "Ruritania", name.upper(), heading, body=[block(k, t) for k, t in enumerate([first, *items], 1)])


_NAMING_ITEMS = ["A reading club for parents and children, every week of the year.",
                 "Evening classes for the workers of the old mills, after their shifts.",
                 "A festival of learning held every spring, with talks and workshops.",
                 "A summer school for the pupils who need more support in reading."]


def test_first_paragraphs_naming_their_city_are_the_intros_when_most_cities_show_it() -> None:
    """No lead-in colon, no marker, items as long as the first paragraph and as many as
    nothing shares (two to four): but in every city the first paragraph names the city
    (its heading in capitals) in its first sentence and no item does: the booklet's
    intros. Hard negatives: where the items name their city as often, or one city alone
    names it first, the first paragraphs stay items."""
    names, counts = ["Alpha", "Beta Nova", "Gamma"], (2, 3, 4)
    first = "{0}, a port on the lake, has built its learning plan on its libraries. It has done so since 2015."
    sections = [_plain_section(n, name, first.format(name), _NAMING_ITEMS[:k])
                for n, name, k in zip((1, 2, 3), names, counts, strict=True)]
    intro_naming_its_city(sections, DEFAULT_PROFILE)
    assert [s.intro.texts[0] if s.intro else None for s in sections] == [first.format(name) for name in names]
    assert [len(s.body) for s in sections] == list(counts)
    naming = ["In {0}: " + item[0].lower() + item[1:] for item in _NAMING_ITEMS]
    for firsts, items in (([first] * 3, [[i.format(name) for i in naming[:k]] for name, k in zip(names, counts)]),
                          ([first, _NAMING_ITEMS[3], _NAMING_ITEMS[3]], [_NAMING_ITEMS[:k] for k in counts])):
        sections = [_plain_section(n, name, f.format(name), its)
                    for n, name, f, its in zip((1, 2, 3), names, firsts, items, strict=True)]
        intro_naming_its_city(sections, DEFAULT_PROFILE)
        assert [s.intro for s in sections] == [None, None, None]


def test_a_first_paragraph_of_text_holding_a_run_in_item_is_left_to_the_items_split() -> None:
    """Text without geometry: a first paragraph whose line ending a sentence is followed
    by one opening as an item may hold the first item run into the intro; naming the city
    does not make all of it the intro (the items' split parts it first). The other cities
    still show the habit and get theirs."""
    names, counts = ["Alpha", "Beta", "Gamma"], (2, 3, 4)
    first = "{0}, a port on the lake, has built its learning plan on its libraries."
    sections = [_plain_section(n, name, first.format(name), _NAMING_ITEMS[:k])
                for n, name, k in zip((1, 2, 3), names, counts, strict=True)]
    texts = [first.format("Gamma"), "Craft workshops for the young, in the old mills."]
    sections[2].body[0] = Block(BlockKind.PROSE, [Line(t, 301 + k) for k, t in enumerate(texts)], texts)
    intro_naming_its_city(sections, DEFAULT_PROFILE)
    assert [s.intro is not None for s in sections] == [True, True, False]


def test_facing_pages_quotes_read_in_the_other_pages_order_are_swapped_back() -> None:
    """Facing pages read across, the right page's quote and attribution read before the
    left page's: each names the other city and no other, so the two swap back. The
    headings print the city first ("1. Alpha, Ruritania"), so either name of a heading
    counts. Hard negative: quotes naming no city stay where they were read."""
    def quotes(a_quote: str, b_quote: str) -> list[tuple[str, str | None]]:
        a, b = _facing("Alpha"), _facing("Beta")
        text = "1. Alpha, Ruritania\n\n2. Beta, Borduria\n\n" + _facing_tail(
            [b_quote, b["attribution"], a["caption"]], [a_quote, a["attribution"], b["caption"]])
        return [(c.quote.text, c.quote.role) for c in parse_text(text).cities if c.quote]
    assert quotes("‘Alpha learns together.’", "‘Beta learns together.’") == [
        ("Alpha learns together.", "Mayor of Alpha"), ("Beta learns together.", "Mayor of Beta")]
    assert quotes("‘We learn together.’", "‘We read together.’") == [
        ("We read together.", "Mayor of Alpha"), ("We learn together.", "Mayor of Beta")]


def _opening(number: int, name: str, x: float, top: float, items: list[str]) -> list[tuple[str, float, float, float, float, float]]:
    """A PDF city's heading at (x, top), its intro 30 pt below and its items 20 pt apart."""
    return [(f"{number}. Ruritania, {name}", x, top, x + 210, top + 16, 16.0),
            (f"{name} is a town of learners. Its initiatives include:", x, top + 30, x + 310, top + 40, 10.0),
            *[(item, x, top + 50 + 20 * k, x + 310, top + 60 + 20 * k, 10.0) for k, item in enumerate(items)]]


def _margin_pdf(zenda_text_x: float) -> Booklet:
    """Two cities on one PDF page, a margin column of captions at the left read first
    (as PDF reading order gives a full-height column): one caption beside the first
    city, two beside the second, below its heading. `zenda_text_x` places the first
    city's last item (in the margin's column when it is left of the headings)."""
    rows = [
        ("Library day", 20, 100, 100, 108, 8.0),
        ("Night school", 20, 420, 100, 428, 8.0),
        ("River festival", 20, 480, 100, 488, 8.0),
        *_opening(1, "Alpha", 190, 64, ["1. Reading clubs in every district."]),
        ("2. Evening classes for adults.", zenda_text_x, 150 if zenda_text_x > 150 else 440, zenda_text_x + 300,
         160 if zenda_text_x > 150 else 450, 10.0),
        ("‘Alpha learns together.’", 198, 220, 500, 230, 10.0),
        ("Ann Ek, Mayor of Alpha", 198, 250, 400, 260, 10.0),
        *_opening(2, "Beta", 190, 384, ["1. Book boxes in the markets.", "2. A radio school for the hills."]),
        ("‘Beta reads together.’", 198, 540, 500, 550, 10.0),
        ("Bo Ek, Mayor of Beta", 198, 570, 400, 580, 10.0),
    ]
    return _pdf_booklet(_pdf_page(rows))


def test_margin_captions_beside_the_next_heading_are_the_next_citys() -> None:
    """A PDF page holding two cities, with a margin column of captions read whole before
    the body: the captions set beside the second city, lower than its heading, are its
    own, not the first city's. Hard negative: where the first city's matter goes on as
    low as them (its last item set there, as in two columns), they stay with it."""
    booklet = _margin_pdf(190)
    assert [c.captions for c in booklet.cities] == [["Library day"], ["Night school", "River festival"]]
    low = _margin_pdf(20)
    assert low.cities[0].captions == ["Library day", "Night school", "River festival"]


def test_margin_captions_beside_the_next_heading_move_after_its_margin_quote() -> None:
    """The margin column holds both cities' captions and quotes (read whole before the
    bodies): the second city's quote and speaker, set below its heading's top, go to it
    first, and then its captions, no longer below any matter of the first city's, go too."""
    rows = [
        ("Library day", 20, 100, 100, 108, 8.0),
        ("‘Alpha learns together.’", 20, 140, 100, 148, 8.0), ("Ann Ek, Mayor of Alpha", 20, 170, 100, 178, 8.0),
        ("Night school", 20, 420, 100, 428, 8.0),
        ("River festival", 20, 480, 100, 488, 8.0),
        ("‘Beta reads together.’", 20, 520, 100, 528, 8.0), ("Bo Ek, Mayor of Beta", 20, 550, 100, 558, 8.0),
        *_opening(1, "Alpha", 190, 64, ["1. Reading clubs in every district.", "2. Evening classes for adults."]),
        *_opening(2, "Beta", 190, 384, ["1. Book boxes in the markets.", "2. A radio school for the hills."]),
    ]
    booklet = _pdf_booklet(_pdf_page(rows))
    assert [c.captions for c in booklet.cities] == [["Library day"], ["Night school", "River festival"]]
    assert [(c.quote.text, c.quote.speaker) if c.quote else None for c in booklet.cities] == [
        ("Alpha learns together.", "Ann Ek"), ("Beta reads together.", "Bo Ek")]


@pytest.mark.parametrize("kind", ["State", "Province", "County"])
def test_a_role_wrapped_before_its_places_kind_goes_on_over_it(kind: str) -> None:
    """"Governor of Alpha" / "State": a kind of place alone on the line under a role
    ending on a capitalised name finishes the role, as "City" does. Hard negative: a
    capitalised word that names no kind of place ("Library") stays apart."""
    def role(below: str) -> str | None:
        text = _city(1, "Zenda", _items("Zenda")).replace("Ann Ek, Mayor of Zenda", f"Ann Ek, Governor of Alpha\n{below}")
        quote = parse_text(text + "\n").cities[0].quote
        return quote.role if quote else None
    assert role(kind) == f"Governor of Alpha {kind}"
    assert role("Library") == "Governor of Alpha"


def _intro_over_pages(first_part: str, rest: str = "learning spaces that open schools to families.") -> Booklet:
    """A PDF city whose intro breaks off at the end of the heading's page (its second
    line `first_part`) and goes on over the next page (`rest`) with its lead-in; three
    numbered items follow."""
    first = _pdf_page([("1. Ruritania, Zenda", 40, 40, 300, 56, 16.0),
                       ("Zenda is a fishing town on the island. Early school leaving was once high;",
                        40, 488, 500, 498, 10.0),
                       (first_part, 40, 500, 500, 510, 10.0)])
    first[2] = replace(first[2], block_start=False)  # the paragraph's second line
    second = _pdf_page([(f"{rest} Its main actions are:", 40, 40, 400, 50, 10.0),
                        ("1. Reading clubs in every district of the town.", 40, 60, 400, 70, 10.0),
                        ("2. Evening classes for the workers of the mills.", 40, 76, 400, 86, 10.0),
                        ("3. A festival of learning held every spring.", 40, 92, 400, 102, 10.0),
                        ("‘Zenda learns together.’", 44, 120, 200, 130, 10.0),
                        ("Ann Ek, Mayor of Zenda", 44, 132, 200, 142, 10.0)], page=2, first=4)
    return _pdf_booklet(first + second, pages=2)


def test_an_intro_broken_off_at_the_pages_end_goes_on_over_the_page() -> None:
    """The intro's first part ends the heading's page mid-sentence ("... with a network
    of"); its rest, with the lead-in, opens the next page in lowercase. Both are the
    intro, and no item. Hard negative: where the next page opens with a capital, the
    page's paragraph is not taken into the intro."""
    city = _intro_over_pages("the town answered with a network of").cities[0]
    assert city.intro == ("Zenda is a fishing town on the island. Early school leaving was once high; the town "
                          "answered with a network of learning spaces that open schools to families. Its main "
                          "actions are:")
    assert [i.text for i in city.initiatives] == ["Reading clubs in every district of the town.",
                                                 "Evening classes for the workers of the mills.",
                                                 "A festival of learning held every spring."]
    capital = _intro_over_pages("the town answered with a network of", "Learning spaces open schools.").cities[0]
    assert capital.intro == "Learning spaces open schools. Its main actions are:"


def test_an_intro_broken_off_after_a_comma_at_the_pages_end_goes_on_over_the_page() -> None:
    """A comma ends no sentence: an intro whose part on the heading's page closes on one
    ("... across cultures, so that,") goes on over the page too (before, the comma was
    taken for an end, and the part became an item). Hard negative: a capital opening the
    next page still keeps the part out."""
    city = _intro_over_pages("the town answered with learning spaces,", "that open schools to families.").cities[0]
    assert city.intro == ("Zenda is a fishing town on the island. Early school leaving was once high; the town "
                          "answered with learning spaces, that open schools to families. Its main actions are:")
    assert len(city.initiatives) == 3
    capital = _intro_over_pages("the town answered with learning spaces,", "Learning spaces open schools.").cities[0]
    assert capital.intro == "Learning spaces open schools. Its main actions are:"


def _side_stats_pdf(stats_top_first: float) -> Booklet:
    """Two cities on one PDF page, the body at the left and a side column of stats at
    the right, read after the body: the first city's entries at `stats_top_first`, the
    second city's beside its heading; the second city's quote goes on over the page,
    where a third city follows."""
    rows = [
        *_opening(1, "Alpha", 40, 40, ["1. Reading clubs in every district.", "2. Evening classes for adults."]),
        ("‘Alpha learns together.’", 44, 140, 300, 150, 10.0),
        ("Ann Ek, Mayor of Alpha", 44, 152, 300, 162, 10.0),
        *_opening(2, "Beta", 40, 300, ["1. Book boxes in the markets.", "2. A radio school for the hills."]),
        ("City population: 1,200", 700, stats_top_first, 800, stats_top_first + 10, 10.0),
        ("City population: 3,400", 700, 320, 800, 330, 10.0),
    ]
    lines = _pdf_page(rows)
    third = [("‘Beta reads together.’", 44, 20, 300, 30, 10.0),  # Beta's closing, over the page
             ("Bo Ek, Mayor of Beta", 44, 32, 300, 42, 10.0),
             ("3. Ruritania, Gamma", 40, 60, 300, 76, 16.0),
             ("Gamma is a town of singers. Its initiatives include:", 40, 90, 500, 100, 10.0),
             ("1. Choirs in every school.", 40, 110, 500, 120, 10.0),
             ("‘Gamma sings together.’", 44, 140, 300, 150, 10.0),
             ("Cy Ek, Mayor of Gamma", 44, 152, 300, 162, 10.0),
             ("City population: 5,600", 700, 80, 800, 90, 10.0)]
    return _pdf_booklet(lines + _pdf_page(third, page=2, first=len(rows) + 1), pages=2)


def test_a_side_column_of_stats_read_after_the_body_gives_each_city_its_own() -> None:
    """A side column of stats beside two cities on one page, read after the whole body:
    the entry set above the second city's heading is the first city's (before, the
    second city took both, the first's as its own, a wrong value). Hard negative: where
    both entries stand below the second heading, the first city takes none."""
    cities = _side_stats_pdf(80).cities
    assert [c.stats.population.value if c.stats.population else None for c in cities] == [1200, 3400, 5600]
    low = _side_stats_pdf(340).cities
    assert low[0].stats.population is None


def test_two_stats_boxes_read_in_a_run_give_the_first_to_the_city_before() -> None:
    """Text without positions (pdfminer): a side column holding two cities' stats boxes
    is read after the second city's text, the two boxes one after the other, each
    field twice in the same order. The first box is the first city's, which has none
    (before, the second city took its figures). Hard negatives: where the first city
    holds a box of its own, or the run's fields do not come twice in one order, nothing
    moves."""
    def populations(alpha_stats: str, run: list[str]) -> list[int | None]:
        text = (f"1. Ruritania, Alpha\n\n{alpha_stats}Alpha is a town of learners. Its initiatives include:\n\n"
                "1) Reading clubs.\n\n2) Evening classes.\n\n‘Alpha learns together.’\n\nAnn Ek, Mayor of Alpha\n\n"
                "2. Ruritania, Beta\n\nBeta is a town of readers. Its initiatives include:\n\n1) Book boxes.\n\n"
                "2) Radio lessons.\n\n" + "\n\n".join(run) + "\n\n‘Beta reads together.’\n\nBo Ek, Mayor of Beta\n")
        return [c.stats.population.value if c.stats.population else None for c in parse_text(text).cities]
    boxes = ["1,200\nCity population", "45 km2\nCity/urban area", "3,400\nCity population", "67 km2\nCity/urban area"]
    assert populations("", boxes) == [1200, 3400]
    assert populations("City population: 900\n\n", boxes)[0] == 900
    assert populations("", [boxes[0], boxes[1], boxes[3], boxes[2]])[0] is None


def test_an_indented_unmarked_quote_below_the_attribution_is_the_quote() -> None:
    """Text a layout mode gave: the last city's quote, printed without marks below its
    attribution, is indented, and an indent opens a region of its own in text; in text
    the page, not the region, says the quote stands with its attribution. Hard
    negative: on the next page (a form feed between) it is not taken."""
    def quote(between: str) -> str | None:
        text = ("1. Ruritania, Zenda\n\nZenda is a town of learners. Its initiatives include:\n\n"
                "– Reading clubs in every district of the town.\n\n– Evening classes for adults.\n\n"
                f"Ann Ek, Mayor of Zenda\n{between}\n  A town full of students should also be a town where everyone "
                "keeps learning, in every district.\n")
        city = parse_text(text).cities[0]
        return city.quote.text if city.quote else None
    assert quote("") == "A town full of students should also be a town where everyone keeps learning, in every district."
    assert quote("\f") is None


_UNMARKED_ITEMS_BEFORE_NEXT_HEADING = """‘Alpha learns together.’
Ann Ek, Mayor of Alpha

1. Ruritania, Alpha

Alpha is a town of readers on the river. Its initiatives include:

Reading clubs in every district of the town.

Evening classes for the workers of the mills.

A festival of learning held every spring.

2. Ruritania, Beta

Beta is a town of singers on the coast. Its initiatives include:

Choirs in every school of the town.

Book boxes in the markets of the coast.

‘Beta sings together.’
Bo Ek, Mayor of Beta
"""

_INTRO_ABOVE_ITS_HEADING = """1. Ruritania, Alpha

Alpha is a town of readers on the river. Its initiatives include:

1. Reading clubs in every district of the town.

2. Evening classes for the workers of the mills.

‘Alpha learns together.’
Ann Ek, Mayor of Alpha

Beta is a town of singers on the coast. It sings in every school.

2. Ruritania, Beta

1. Choirs in every school of the town.

2. Book boxes in the markets of the coast.

‘Beta sings together.’
Bo Ek, Mayor of Beta
"""


def test_a_last_unmarked_item_above_the_next_heading_is_no_intro_where_a_lead_in_follows() -> None:
    """Unmarked items, the first city's quote read before its heading (a margin column):
    the last item stands right above the next heading. Where the next heading's own text
    opens on a lead-in, that item is no intro of the next city, and the first city keeps
    it (before, it was cut off the first city and lost). Hard negative: a paragraph above
    a heading whose body opens on its list, no lead-in, is still that city's intro."""
    alpha, beta = parse_text(_UNMARKED_ITEMS_BEFORE_NEXT_HEADING).cities
    assert [i.text for i in alpha.initiatives] == ["Reading clubs in every district of the town.",
                                                  "Evening classes for the workers of the mills.",
                                                  "A festival of learning held every spring."]
    assert beta.intro == "Beta is a town of singers on the coast. Its initiatives include:"
    assert len(beta.initiatives) == 2
    beta = parse_text(_INTRO_ABOVE_ITS_HEADING).cities[1]
    assert beta.intro == "Beta is a town of singers on the coast. It sings in every school."
    assert len(beta.initiatives) == 2


def _margin_quote_over_the_page(speaker_place: str) -> Booklet:
    """Three PDF cities with their quotes in a margin column: the first's beside its
    heading, read before it; the second's at its page's foot, its attribution (naming
    `speaker_place`) at the next page's top, above the third city's heading; the third's
    below its own text."""
    first = _pdf_page([("‘Alpha learns together.’", 40, 40, 150, 50, 9.0),
                       ("Ann Ek, Mayor of Alpha", 40, 54, 150, 64, 9.0),
                       *_opening(1, "Alpha", 200, 40, ["1. Reading clubs.", "2. Evening classes."]),
                       *_opening(2, "Beta", 200, 300, ["1. Choirs in every school.", "2. Book boxes."]),
                       ("‘Beta sings together.’", 40, 400, 150, 410, 9.0)])
    second = _pdf_page([(f"Bo Ek, Mayor of {speaker_place}", 40, 40, 150, 50, 9.0),
                        *_opening(3, "Gamma", 200, 100, ["1. Murals on every school.", "2. Night classes."]),
                        ("‘Gamma paints together.’", 40, 400, 150, 410, 9.0),
                        ("Cy Ek, Mayor of Gamma", 40, 414, 150, 424, 9.0)], page=2, first=len(first) + 1)
    return _pdf_booklet(first + second, pages=2)


def _margin_page(margin: list[str]) -> str:
    """Three cities, the first two on one page under a margin column read first."""
    def city(n: int, name: str) -> str:
        return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its programmes include:",
                             f"1) Reading clubs in {name}.", f"2) Evening classes in {name}.", f"3) A festival in {name}."])
    return ("The cities are Alpha, Beta and Gamma.\n\f" + "\n\n".join([*margin, city(1, "Alpha"), city(2, "Beta")])
            + "\n\f‘Gamma reads.’\n\nOla Nor, Mayor of Gamma\n\n" + city(3, "Gamma") + "\n")


def test_a_margin_column_with_two_cities_quotes_gives_the_second_to_the_next_city() -> None:
    """Two cities on one page, both quotes in a margin column read before the first
    heading: the attribution naming the second city, with its quote, is that city's.
    Hard negative: where the second city prints its own quote, nothing moves."""
    margin = ["‘Alpha learns together, every day.’", "Ann Ek, Mayor of Alpha", "‘Beta learns too, young and old.’",
              "Ula Berg, Lord Mayor of\nBeta"]
    cities = parse_text(_margin_page(margin)).cities
    assert [(c.quote and c.quote.text, c.quote and c.quote.role) for c in cities] == [
        ("Alpha learns together, every day.", "Mayor of Alpha"), ("Beta learns too, young and old.", "Lord Mayor of Beta"),
        ("Gamma reads.", "Mayor of Gamma")]
    own = _margin_page(margin).replace("3) A festival in Beta.", "3) A festival in Beta.\n\n‘Beta reads.’\n\nEli Sand, Mayor of Beta")
    beta = parse_text(own).cities[1]
    assert beta.quote is not None and beta.quote.text == "Beta reads."


def test_quotes_each_read_before_their_own_heading_pass_on_to_their_cities() -> None:
    """pdfminer reads every city's margin quote just before its heading, after the city
    before's matter: each attribution naming the next city (or, naming none, under a
    quote that does) is the next city's, the last pair first so that each passes one on.
    Hard negative: an attribution naming its own city stays."""
    def city(n: int, name: str) -> str:
        return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its programmes include:",
                             f"1) Reading clubs in {name}.", f"2) Evening classes in {name}."])
    closings = {"Alpha": "‘Alpha learns.’\n\nAnn Ek, Mayor of Alpha",
                "Beta": "‘Beta reads, young and old.’\n\nUla Berg, President of the Council",
                "Gamma": "‘Gamma learns too.’\n\nOla Nor, Mayor of Gamma"}
    text = "The cities are Alpha, Beta and Gamma.\n\f" + "\n\n".join(
        [closings["Alpha"], city(1, "Alpha"), closings["Beta"], city(2, "Beta"), closings["Gamma"], city(3, "Gamma")]) + "\n"
    cities = parse_text(text).cities
    assert [(c.quote and c.quote.text, c.quote and c.quote.speaker) for c in cities] == [
        ("Alpha learns.", "Ann Ek"), ("Beta reads, young and old.", "Ula Berg"), ("Gamma learns too.", "Ola Nor")]
    own = text.replace("‘Gamma learns too.’\n\nOla Nor, Mayor of Gamma", "‘We learn.’\n\nOla Nor, Mayor of Beta")
    assert parse_text(own).cities[2].quote is None


def test_an_attribution_over_the_page_above_the_next_heading_is_the_city_befores() -> None:
    """A margin quote at a page's foot, its attribution at the next page's top above the
    next city's heading: the attribution names the city before, whose quote has none, and
    is its (before, the next city took it in place of its own). Hard negative: an
    attribution naming a place that is neither city stays where it was read."""
    alpha, beta, gamma = _margin_quote_over_the_page("Beta").cities
    assert (alpha.quote.speaker, beta.quote.speaker, gamma.quote.speaker) == ("Ann Ek", "Bo Ek", "Cy Ek")
    assert beta.quote.role == "Mayor of Beta"
    beta = _margin_quote_over_the_page("Zenda").cities[1]
    assert beta.quote.speaker is None


def _intro_over_a_page_number(rest: str, edge: str = "12") -> str:
    """A city in text without page breaks whose intro breaks off mid-sentence where a page
    ends, the page's number (`edge`) between its first part and its rest (`rest`)."""
    return f"""1. Ruritania, Zenda

Zenda is a fishing town on the island. Early school leaving was once high; the town
answered with a network of

{edge}

{rest} Its main actions are:

1. Reading clubs in every district of the town.

2. Evening classes for the workers of the mills.

3. A festival of learning held every spring.

‘Zenda learns together.’
Ann Ek, Mayor of Zenda
"""


def test_an_intro_broken_off_at_a_page_number_in_text_goes_on_over_it() -> None:
    """Text without page breaks (pypdfium2, pypdf, PyMuPDF) says where a page ends by its
    number: an intro cut there mid-sentence, its rest opening in lowercase after the
    number, is one intro (before, its first part became an item). Hard negatives: a
    capital after the number, or no page number between, keeps the part out."""
    city = parse_text(_intro_over_a_page_number("learning spaces that open schools to families.")).cities[0]
    assert city.intro == ("Zenda is a fishing town on the island. Early school leaving was once high; the town "
                          "answered with a network of learning spaces that open schools to families. Its main "
                          "actions are:")
    assert len(city.initiatives) == 3
    capital = parse_text(_intro_over_a_page_number("Learning spaces open schools.")).cities[0]
    assert capital.intro == "Learning spaces open schools. Its main actions are:"
    no_edge = parse_text(_intro_over_a_page_number("learning spaces that open schools to families.", "")).cities[0]
    assert no_edge.intro == "learning spaces that open schools to families. Its main actions are:"


def _one_line_at_a_column_foot(size: float) -> Booklet:
    """A PDF city whose second item's first line (set at `size`) ends the second column,
    its rest heading the third column in lowercase."""
    rows = [("1. Ruritania, Zenda", 40, 40, 300, 56, 16.0),
            ("Zenda is a town of learners on the river. Its initiatives include:", 40, 70, 780, 80, 10.0),
            ("The Zenda Centres, which offer reading classes", 40, 100, 280, 110, 10.0),
            ("to the women of the town in the evenings.", 40, 112, 280, 122, 10.0),
            ("A digital programme that has trained more", 300, 130, 520, 140, size),
            ("than 2,000 young people in coding.", 560, 100, 780, 110, 10.0),
            ("‘Zenda learns together.’", 44, 160, 300, 170, 10.0),
            ("Ann Ek, Mayor of Zenda", 44, 172, 300, 182, 10.0)]
    lines = _pdf_page(rows)
    lines[3] = replace(lines[3], block_start=False)  # the first item's second line
    return _pdf_booklet(lines)


def test_an_items_one_line_at_a_column_foot_goes_on_at_the_next_columns_head() -> None:
    """An item's first line alone at a column's foot, in body type, ending on a word, its
    rest heading the next column in lowercase: a paragraph the column break cut, not a
    caption (before, only blocks of two lines or more were; the line became a caption and
    its rest an item of its own). Hard negative: the same line in a caption's smaller type
    stays a caption."""
    city = _one_line_at_a_column_foot(10.0).cities[0]
    assert [i.text for i in city.initiatives] == [
        "The Zenda Centres, which offer reading classes to the women of the town in the evenings.",
        "A digital programme that has trained more than 2,000 young people in coding."]
    small = _one_line_at_a_column_foot(7.0).cities[0]
    assert "A digital programme that has trained more" in small.captions


def _year_at_a_column_head(first_item_end: str) -> Booklet:
    """A PDF city of unmarked items in columns: the first ends its column on
    `first_item_end`, and the next column opens with a figure ("2017.")."""
    rows = [("1. Ruritania, Zenda", 40, 40, 300, 56, 16.0),
            ("Zenda is a town of learners on the river. Its initiatives include:", 40, 70, 780, 80, 10.0),
            ("The Zenda Reads programme, which offers literacy", 40, 100, 280, 110, 10.0),
            ("and numeracy classes in the neighbourhood halls,", 40, 112, 280, 122, 10.0),
            (f"with more than 3,000 adults enrolled {first_item_end}", 40, 124, 280, 134, 10.0),
            ("2017.", 300, 100, 330, 110, 10.0),
            ("Evening classes for the workers of the mills.", 560, 100, 780, 110, 10.0),
            ("‘Zenda learns together.’", 44, 160, 300, 170, 10.0),
            ("Ann Ek, Mayor of Zenda", 44, 172, 300, 182, 10.0)]
    lines = _pdf_page(rows)
    lines[3:5] = [replace(line, block_start=False) for line in lines[3:5]]  # the first item's next lines
    return _pdf_booklet(lines)


def test_an_items_rest_opening_with_a_figure_at_the_next_columns_head_goes_on() -> None:
    """An unmarked item that has not ended at a column's foot ("... enrolled since"), the
    next column opening with a figure ("2017."): the item's rest, as lowercase text there
    is (before, the year became an item of its own). Hard negative: after an item that
    ends a sentence, a figure heading the next column stays apart."""
    city = _year_at_a_column_head("since").cities[0]
    assert city.initiatives[0].text == (
        "The Zenda Reads programme, which offers literacy and numeracy classes in the neighbourhood halls, "
        "with more than 3,000 adults enrolled since 2017.")
    assert len(city.initiatives) == 2
    ended = _year_at_a_column_head("in all.").cities[0]
    assert "2017." in [i.text for i in ended.initiatives]


def test_a_list_read_before_its_lead_in_goes_after_it() -> None:
    """Plain pdftotext may read a list set in columns before the full-width lead-in over
    it: two unmarked paragraphs, then "... Its initiatives include:", then the quote.
    A lead-in always has its list after it, so they are its items, not the intro's first
    paragraphs. Hard negatives: an intro of three paragraphs, its lead-in the last, over
    its list keeps all three; one paragraph over a lead-in with nothing after it stays
    the intro's."""
    def city(*body: str) -> str:
        return "\n\n".join(["1. Ruritania, Zenda", "City population: 1,200", *body,
                            "‘Zenda learns together.’\nAnn Ek, Mayor of Zenda"]) + "\n"
    lead = "Zenda is a lake town of learners and its libraries work together. Its initiatives include:"
    first = "Reading clubs in every library of the town, run by volunteers."
    second = "A festival of learning held in the market every spring."
    got = parse_text(city(first, second, lead)).cities[0]
    assert got.intro == lead
    assert [i.text for i in got.initiatives] == [first, second]
    opening = "Zenda lies on a lake among old farms, far from any large road."
    history = "Its people have kept schools open to all ages for many years."
    got = parse_text(city(opening, history, lead, first, second)).cities[0]
    assert got.intro == f"{opening} {history} {lead}"
    assert [i.text for i in got.initiatives] == [first, second]
    got = parse_text(city(opening, lead)).cities[0]
    assert got.intro == f"{opening} {lead}"


def _spread_read_across(beta_speaker: str) -> str:
    """Three cities; Alpha and Beta on facing pages read across: Alpha's quote ends its
    page, its attribution comes after Beta's items, then Beta's own quote and speaker."""
    def city(n: int, name: str) -> list[str]:
        return [f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its programmes include:",
                f"1) Reading clubs in {name}.", f"2) Evening classes in {name}."]
    return "The cities are Alpha, Beta and Gamma.\n\f" + "\n\n".join(
        [*city(1, "Alpha"), "‘Alpha learns together.’", *city(2, "Beta"), "Ann Ek, Mayor of Alpha",
         "‘Beta reads.’", beta_speaker, *city(3, "Gamma"), "‘Gamma paints.’", "Cy Ek, Mayor of Gamma"]) + "\n"


def test_an_attribution_naming_the_city_before_inside_the_next_citys_matter_is_the_city_befores() -> None:
    """Facing pages read across: the first city's attribution, naming it, stands among the
    second city's blocks, after its items, and the second city has its own speaker. The
    first city has a quote and no attribution: the attribution is its. Hard negative:
    where the second city has no attribution of its own, the one among its blocks stays
    (it may be the second city's speaker, whose role names the city before)."""
    alpha, beta, _ = parse_text(_spread_read_across("Bo Ek, Mayor of Beta")).cities
    assert (alpha.quote.speaker, alpha.quote.role) == ("Ann Ek", "Mayor of Alpha")
    assert (beta.quote.speaker, beta.quote.role) == ("Bo Ek", "Mayor of Beta")
    alpha, beta, _ = parse_text(_spread_read_across("")).cities
    assert alpha.quote.speaker is None


_UNMARKED = {"Alpha": ["Reading clubs in Alpha for all ages.", "Evening classes for the workers of the mills.",
                       "A festival of books every spring."],
             "Beta": ["Literacy circles for parents and carers.", "A garden library open every day.",
                      "Night lectures for all residents."]}


def _unmarked_spread(names: list[str], page_by_page: bool, boxes: bool = True) -> str:
    """Two facing pages with unmarked lists as pdfminer reads them: the openings (and,
    `page_by_page`, each page's list after its own intro) first, then both quotes, both
    attributions, both stats boxes and both pages' photos."""
    intro = "{0} is a town of learners. Its initiatives include:"
    texts = [intro.format(names[0])]
    if page_by_page:
        texts += [*_UNMARKED[names[0]], intro.format(names[1]), *_UNMARKED[names[1]]]
    else:
        texts += [intro.format(names[1]), *_UNMARKED[names[0]], *_UNMARKED[names[1]]]
    texts += [f"‘{name} learns together.’" for name in names] + [f"Ann Ek, Mayor of {name}" for name in names]
    if boxes:
        texts += ["City population\n1,200 (2018)", "City/urban area\n12 km2", "City population\n3,400 (2019)",
                  "City/urban area\n56 km2"]
    texts += ["Pupils in the first library", "A class in the park", "Workers at an evening class",
              "A lecture in the town hall"]
    return "\n\n".join(["1. Ruritania, Alpha", "2. Ruritania, Beta", *texts]) + "\n"


@pytest.mark.parametrize("page_by_page", [False, True], ids=["both-openings-first", "each-page-then-closings"])
def test_facing_pages_unmarked_lists_and_their_closings_read_after_both_go_to_their_cities(page_by_page: bool) -> None:
    """pdfminer may read both facing pages' intros, then each page's unmarked list (one
    run of paragraphs), or each page's intro and list in turn; then both quotes, both
    attributions, both stats boxes and the photos of both pages, the last pair of
    cities too. Each run of paragraphs goes to its city where a paragraph naming a city
    stands in its run; quotes, attributions, boxes and photos in turn, each page's own
    in order."""
    cities = parse_text(_unmarked_spread(["Alpha", "Beta"], page_by_page)).cities
    assert [[i.text for i in c.initiatives] for c in cities] == [_UNMARKED["Alpha"], _UNMARKED["Beta"]]
    assert [c.quote and c.quote.role for c in cities] == ["Mayor of Alpha", "Mayor of Beta"]
    assert [(c.stats.population and c.stats.population.value, c.stats.area_km2 and c.stats.area_km2.value)
            for c in cities] == [(1200, 12), (3400, 56)]
    assert [c.captions for c in cities] == [["Pupils in the first library", "A class in the park"],
                                            ["Workers at an evening class", "A lecture in the town hall"]]


def test_facing_pages_unmarked_runs_without_a_name_or_a_box_per_page_stay() -> None:
    """Hard negatives: where no paragraph names a city, runs and turns look alike, and the
    paragraphs stay where the cut put them; the last pair of cities takes no box after
    its closings that does not make one per page; a city with its own closing, before a
    city printing two quotes, keeps what it has."""
    unnamed = _unmarked_spread(["Alpha", "Beta"], False).replace("Reading clubs in Alpha", "Reading clubs")
    assert [len(c.initiatives) for c in parse_text(unnamed).cities] == [0, 6]
    def block(kind: BlockKind, text: str, key: str | None = None) -> Block:
        return Block(kind, [Line(text, 1)], [text], StatData(key, f"{text}: 1,200") if key else None)

    closings = [block(BlockKind.PROSE, "Alpha is a town."), block(BlockKind.QUOTE, "‘We learn.’"),
                block(BlockKind.QUOTE, "‘We read.’")]
    boxes = [block(BlockKind.STATS, "City population", "population"), block(BlockKind.STATS, "Area", "area_km2")]
    assert sections._boxes_completing_pages(closings, [*boxes, *boxes, block(BlockKind.CAPTION, "Pupils")]) == 5
    assert sections._boxes_completing_pages(closings, [*boxes, *boxes, boxes[0]]) == 0  # no box per page
    assert sections._boxes_completing_pages(closings[:2], [*boxes, *boxes]) == 0  # one page's closing
    intro = "{0} is a town of learners. Its initiatives include:"
    own = "\n\n".join(["1. Ruritania, Alpha", intro.format("Alpha"), *_UNMARKED["Alpha"], "‘Alpha learns together.’",
                        "Ann Ek, Mayor of Alpha", "2. Ruritania, Beta", intro.format("Beta"), *_UNMARKED["Beta"],
                        "‘Beta learns together.’", "‘And Beta reads.’", "Bo Ek, Mayor of Beta"]) + "\n"
    cities = parse_text(own).cities
    assert [c.quote and c.quote.role for c in cities] == ["Mayor of Alpha", "Mayor of Beta"]
    assert [[i.text for i in c.initiatives] for c in cities] == [_UNMARKED["Alpha"], _UNMARKED["Beta"]]


def _pages_read_whole(gamma_speaker: bool = True) -> str:
    """Facing pages each read whole after both headings (pdfminer): the left page's box,
    intro, list, quote and speaker, then the right page's box, intro and list; the right
    page's quote and speaker after the sheet's end and the next pages' running heads,
    above the next heading."""
    def page(name: str, figure: str) -> list[str]:
        return [f"City population: {figure}", f"{name} is a town of learners on the river.",
                f"1) Reading clubs in {name}.\n2) Evening classes in {name}.\n3) A festival in {name}."]
    gamma = ["3. Ruritania, Gamma", *page("Gamma", "5,600"), "‘Gamma reads every day.’"]
    gamma += ["Cy Ek, Mayor of Gamma"] if gamma_speaker else []
    return "\n\n".join(["Award Book | 2", "Award Book | 3", "1. Ruritania, Alpha", "2. Ruritania, Beta",
                        *page("Alpha", "1,200"), "‘Alpha learns together.’", "Ann Ek, Mayor of Alpha",
                        *page("Beta", "3,400"), "\fAward Book | 4", "Award Book | 5", "‘Beta learns too.’",
                        "Bo Ek, Mayor of Beta", *gamma]) + "\n"


def test_facing_pages_read_whole_give_each_city_its_page_and_its_closing_over_the_page() -> None:
    """Both headings, then each facing page read whole, the right page's closing read
    after the running heads (above the next heading): the left city closes on its quote,
    the right one takes the rest of the run, and its quote and speaker, naming it, come
    back from the next city, which has a speaker of its own. Hard negative: where the
    next city has none, they stay where they were read (a role may name another place)."""
    cities = parse_text(_pages_read_whole()).cities
    assert [len(c.initiatives) for c in cities] == [3, 3, 3]
    assert [c.initiatives[0].text for c in cities] == ["Reading clubs in Alpha.", "Reading clubs in Beta.",
                                                       "Reading clubs in Gamma."]
    assert [c.stats.population and c.stats.population.value for c in cities] == [1200, 3400, 5600]
    assert [c.quote and c.quote.role for c in cities] == ["Mayor of Alpha", "Mayor of Beta", "Mayor of Gamma"]
    alone = parse_text(_pages_read_whole(gamma_speaker=False)).cities
    assert [c.quote and c.quote.role for c in alone] == ["Mayor of Alpha", None, "Mayor of Beta"]


def test_a_last_page_closing_past_the_run_cuts_only_one_page_each() -> None:
    """The cut for facing pages read whole, the last page's closing past the run: one
    closing fewer than pages and prose after it. Hard negative: where the part before the
    cut holds two pages' closings read together (both speakers, both quotes), it is no
    page read whole, and nothing is cut there."""
    def block(kind: BlockKind, text: str) -> Block:
        return Block(kind, [Line(text, 1)], [text])

    intro_a, intro_b = block(BlockKind.PROSE, "Alpha is a town."), block(BlockKind.PROSE, "Beta is a town.")
    quote, speaker = block(BlockKind.QUOTE, "‘We learn.’"), block(BlockKind.ATTRIBUTION, "Ann Ek, Mayor of Alpha")
    whole = [intro_a, quote, speaker, intro_b]
    parts = sections._parts_by_closing(whole, 2, last_open=True)
    assert parts == [[intro_a, quote, speaker], [intro_b]] and all(map(sections._one_page, parts))
    assert sections._parts_by_closing(whole, 2) is None
    other = block(BlockKind.ATTRIBUTION, "Bo Ek, Mayor of Beta")
    together = [intro_a, other, quote, speaker, quote, intro_b]
    parts = sections._parts_by_closing(together, 2, last_open=True)
    assert parts is not None and not sections._one_page(parts[0])


def _stats_first_city(n: int, name: str, population: int) -> str:
    """A city with its stats box above its heading and no quote in its text (set in a
    margin read elsewhere)."""
    return "\n".join([f"City population: {population},000 (2020)", "City/urban area: 45 km2", "Annual GDP: US$3,400", "",
                      f"{n}. Ruritania, {name}", "", f"{name} is a city of learning on a river. Its initiatives include:",
                      "", f"1. Evening classes for the adults of {name}.", "", "2. A festival of reading in the old town.",
                      "", "3. Courses for the workers of the mills.", "", f"Reading club in {name}", ""])


def test_a_stats_box_above_the_next_heading_is_the_next_citys_where_each_city_prints_its_own_above() -> None:
    """Cities run on down the page, each with its stats box above its heading and no
    quote closing its text: a box after a city's captions is the next city's, since the
    city printed its own above its heading, not a second box of its own. Hard negative:
    where each city prints its box at the end of its text, the box after the captions is
    the city's own."""
    text = "\n".join(_stats_first_city(n, name, pop) for n, name, pop in ((1, "Alpha", 120), (2, "Zenda", 340),
                                                                        (3, "Orlo", 560)))
    cities = parse_text(text).cities
    assert [(c.city, c.stats.population.value if c.stats.population else None) for c in cities] == [
        ("Alpha", 120000), ("Zenda", 340000), ("Orlo", 560000)]
    assert all(len(c.initiatives) == 3 for c in cities)
    boxes_last = "\n".join(
        "\n".join(_stats_first_city(n, name, pop).split("\n")[4:] + _stats_first_city(n, name, pop).split("\n")[:4])
        for n, name, pop in ((1, "Alpha", 120), (2, "Zenda", 340), (3, "Orlo", 560)))
    cities = parse_text(boxes_last).cities
    assert [c.stats.population.value if c.stats.population else None for c in cities] == [120000, 340000, 560000]


def test_a_marked_item_cut_after_than_goes_on_in_the_figure_below() -> None:
    """pdfminer gave an item's last line as a box of its own, its bullet hanging in a box
    before it ("... with more than" / "1,500 pupils taking part."): no sentence ends on
    "than", so the box is the item's
    rest, not one more item. Hard negative: after an item that ends its sentence, a
    paragraph opening with a figure is no item's rest."""
    def city(first_end: str) -> str:
        return "\n".join(["1. Ruritania, Zenda", "", "Zenda is a town of readers. Two programmes lead its work:", "", "▪", "",
                          "The Zenda Reads programme, which offers classes in libraries and in",
                          f"the schools of the town, {first_end}", "", "1,500 pupils taking part each year.", "",
                          "▪ Evening classes for adults in the old school.", "",
                          "‘We believe in learning for all.’", "Ann Ek, Mayor of Zenda", ""])
    (got,) = parse_text(city("with more than")).cities
    assert [i.text for i in got.initiatives] == [
        ("The Zenda Reads programme, which offers classes in libraries and in the schools of the town, with more than"
         " 1,500 pupils taking part each year."), "Evening classes for adults in the old school."]
    (got,) = parse_text(city("each week.")).cities
    assert "1,500" not in got.initiatives[0].text


def test_a_marked_item_cut_at_a_short_line_goes_on_in_the_paragraph_below() -> None:
    """Text with no blank lines (PyMuPDF): a hanging number alone, then an item's first
    line short where a justified column broke it ("The Harbour"), and its rest opening
    with a capital. In a marked list whose other items end sentences, the item that has
    not ended goes on in the unmarked paragraph below. Hard negative: where the list's
    items end no sentences (titles), the paragraph stays apart."""
    def city(second: str) -> str:
        lines = ["1. Ruritania, Zenda", "Zenda is a port city of readers. Its initiatives include:",
                 "(1)", "The Harbour", "Reading Rooms, which lend books to the", "dock workers of the town.",
                 "(2)", second, "‘We believe in learning for all.’", "Ann Ek, Mayor of Zenda", ""]
        return "\n".join(lines)
    (got,) = parse_text(city("A seed library in which growers swap their seeds each spring.")).cities
    assert got.initiatives[0].text == "The Harbour Reading Rooms, which lend books to the dock workers of the town."
    (got,) = parse_text(city("A seed library for growers")).cities
    assert got.initiatives[0].text == "The Harbour"


def test_only_a_box_right_above_the_heading_is_the_citys_own() -> None:
    """A box counts as printed above the city's heading only with page furniture between;
    a quote or an attribution read between it and the heading (facing pages read across)
    leaves it nobody's in particular."""
    def stat(key: str) -> Block:
        return Block(BlockKind.STATS, [Line(key, 1)], [key], StatData(key, f"{key}: 1"))
    quote = Block(BlockKind.QUOTE, [Line("‘We read.’", 2)], ["‘We read.’"])
    folio = Block(BlockKind.PAGE_NUMBER, [Line("3", 3)], ["3"])
    assert sections._box_above([stat("population"), stat("area_km2"), folio]) == {"population", "area_km2"}
    assert sections._box_above([stat("population"), quote]) == frozenset()


def _laid_out_city(n: int, name: str, tail: str = "") -> str:
    """A city as a layout mode gives it: its photos' captions in a row, indented, after
    its attribution; `tail` after them on its page."""
    return "\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of readers on a lake. Its initiatives include:",
                      f"1. Reading clubs in every library of {name}.", "2. Evening classes for adults.",
                      "3. A festival of learning.", "", f"‘We believe in learning for all in {name}.’",
                      f"Ann Ek, Mayor of {name}", "", "",
                      f"          Reading club in {name}                      Youth council of {name}", "", tail, ""])


def test_the_last_citys_row_of_captions_after_its_closing_is_its_own() -> None:
    """A layout mode's text: the last city's captions, a row set apart after its
    attribution on its page, are its photos, not matter after the booklet. Hard
    negative: with prose after them, the captions stay unassigned with it."""
    text = _laid_out_city(1, "Alpha") + "\f" + _laid_out_city(2, "Zenda") + "\n"
    assert [c.captions for c in parse_text(text).cities][-1] == ["Reading club in Zenda", "Youth council of Zenda"]
    back = _laid_out_city(1, "Alpha") + "\f" + _laid_out_city(
        2, "Zenda", "The award is given every two years to cities of the network.") + "\n"
    assert [c.captions for c in parse_text(back).cities][-1] == []


def _intro_over_a_box(rest: str, page_break: str = "\f") -> str:
    """A city whose intro breaks off at its page's foot, its stats box (a sidebar) read
    after that line, and `rest` opening the next page (or, without `page_break`, the
    next line of the page)."""
    return "\n".join(["1. Ruritania, Zenda", "",
                      "Zenda lies on a lake in the hills and has put reading at the heart of its plans, working",
                      "with the groups that reach the people of", "", "City population: 120,000 (2020)",
                      "City/urban area: 45 km2", "Annual GDP: US$3,400", "", page_break + rest, "",
                      "1. Evening classes for adults in the old school.", "", "2. A festival of learning held every spring.",
                      "", "3. Reading clubs in every library of the town.", "", "‘We believe in learning for all.’",
                      "Ann Ek, Mayor of Zenda", ""])


@pytest.mark.parametrize("page_break", ["\f", ""], ids=["over-the-page", "on-its-page"])
def test_an_intro_broken_by_its_sidebar_box_goes_on_past_it(page_break: str) -> None:
    """The intro's line stops mid-sentence, its sidebar's stats box follows, then the
    intro's rest opens in lowercase with its lead-in: one intro, not an item and a
    lead-in. The box is read after the intro's last line on its page and the rest opens
    the next page, or (a layout mode's text) a row of the box sits between two rows of the
    intro on one page. Hard negative: a paragraph opening with a capital after the box is
    no such rest."""
    (got,) = parse_text(_intro_over_a_box("the hills. Its initiatives include:", page_break)).cities
    assert got.intro is not None and got.intro.startswith("Zenda lies on a lake") and got.intro.endswith("include:")
    assert len(got.initiatives) == 3 and got.stats.population is not None
    (got,) = parse_text(_intro_over_a_box("Learning is for all. Its initiatives include:", page_break)).cities
    assert got.intro == "Learning is for all. Its initiatives include:"


_LABELLED_CITY = """1. Ruritania, Strelsau

City population: 1,200

Strelsau is a city of learners on the northern river.

Key initiatives

1. A network of reading clubs.

2. A school for adult learners.

3. A festival of learning.

‘We learn together.’

Ann Ek, Mayor of Strelsau
"""


def test_a_paragraph_under_the_introduction_label_is_the_booklets_not_the_first_citys() -> None:
    """A paragraph right above the first heading may be that city's intro (a layout
    that sets it first); under the front matter's "Introduction" label it is the
    booklet's introduction, the city's own intro (no lead-in: its items follow a label)
    after its stats. Hard negative: a city's intro set above its heading under its
    template's label ("At a glance") stays the city's."""
    text = "Learning Towns Prize 2031\n\nIntroduction\n\nThis booklet presents the towns that won the prize.\n\n"
    booklet = parse_text(text + _LABELLED_CITY, path="labelled.txt")
    assert booklet.booklet.introduction == "This booklet presents the towns that won the prize."
    assert booklet.booklet.title == "Learning Towns Prize 2031"
    assert booklet.cities[0].intro == "Strelsau is a city of learners on the northern river."
    above = "At a glance\n\nStrelsau is a city of learners. Its initiatives include:\n\n" + \
        _LABELLED_CITY.replace("Strelsau is a city of learners on the northern river.\n\nKey initiatives\n\n", "")
    booklet = parse_text(text + above, path="above.txt")
    assert booklet.booklet.introduction == "This booklet presents the towns that won the prize."
    assert booklet.cities[0].intro == "Strelsau is a city of learners. Its initiatives include:"


def test_a_margin_column_read_before_each_heading_in_text_without_pages() -> None:
    """Text that gives no pages (no form feeds), each page's margin column (photo
    captions, the quote, the stats) read before its heading and the attribution after
    the list: what follows a page edge (a page number, a running head) before the next
    heading is the next city's, the first city's too. Hard negatives: photos alone over
    the edge (a city's matter run over to the next page's top) and a quote over the
    edge that the city before has none of (its attribution set above it) stay with the
    city before; a paragraph after the attribution, before the edge (photos' captions run
    into one line), is no item of that city."""
    title = "Learning Towns Prize"

    photos = {"Alpha": "PUPILS AT THE OLD MILLS", "Beta": "NIGHT FERRY CLASS", "Gamma": "DOCKSIDE WORKSHOP"}

    def margin(name: str, quote: bool = True) -> list[str]:
        return [photos[name], *([f"‘{name} learns together.’"] if quote else []),
                "City population: 88,500 (2020) City/urban area: 57 km2"]

    def city(n: int, name: str, quote: bool = False) -> list[str]:
        return [f"## **{n}. Ruritania, {name}**", f"{name} lies on the river, in the valley.",
                f"{name} is a town of learners. Its initiatives include:",
                f"1. Reading clubs in every district of {name}.", f"2. Evening classes for the workers of {name}.",
                f"3. A festival of learning held every spring in {name}.",
                *([f"‘{name} learns together.’"] if quote else []), f"**Ann Ek, Mayor of {name}**"]

    def page(n: int, body: list[str]) -> list[str]:
        return [str(n), title, *body] if n > 1 else body  # the cover has none

    front = ["# **Introduction**", "The prize honours towns where every age learns.",
             "Here its laureates tell their stories.", "**Vera Lind, Director**"]
    names = ["Alpha", "Beta", "Gamma"]
    text = [*page(1, front)]
    for n, name in enumerate(names, 1):
        text += page(n + 1, [*margin(name), *city(n, name)])
    got = parse_text("\n\n".join(text) + "\n", path="margin.md").cities
    assert [c.city for c in got] == names
    for c in got:
        assert c.quote is not None and c.quote.text == f"{c.city} learns together.", c.city
        assert c.quote.role == f"Mayor of {c.city}"
        assert c.stats.population is not None and c.stats.population.value == 88500, c.city
        assert c.captions == [photos[c.city]], c.city

    # Photos alone over the edge: the city before's, run over to the next page.
    text = [*page(1, front), *page(2, [*margin("Alpha"), *city(1, "Alpha")]),
            *page(3, [photos["Beta"], *city(2, "Beta", quote=True)]), *page(4, [*margin("Gamma"), *city(3, "Gamma")])]
    alpha, beta, _ = parse_text("\n\n".join(text) + "\n", path="margin.md").cities
    assert alpha.captions == [photos["Alpha"], photos["Beta"]]
    assert beta.captions == [] and beta.quote is not None and beta.quote.text == "Beta learns together."
    # The city before has no quote: the one over the edge is its own (set below its attribution).
    text = [*page(1, front), *page(2, [*margin("Alpha", quote=False), *city(1, "Alpha")]),
            *page(3, ["‘Alpha learns together.’", *city(2, "Beta", quote=True)]), *page(4, [*margin("Gamma"), *city(3, "Gamma")])]
    alpha, beta, _ = parse_text("\n\n".join(text) + "\n", path="margin.md").cities
    assert alpha.quote is not None and alpha.quote.text == "Alpha learns together."
    assert beta.quote is not None and beta.quote.text == "Beta learns together."
    # A paragraph after the attribution, before the edge: the city still closes on its attribution.
    text = [*page(1, front), *page(2, [*margin("Alpha"), *city(1, "Alpha"), "Evening courses at the old mills, exhibition stand Pupils of the harbour school at the spring festival of learning"]),
            *page(3, [*margin("Beta"), *city(2, "Beta")]), *page(4, [*margin("Gamma"), *city(3, "Gamma")])]
    alpha = parse_text("\n\n".join(text) + "\n", path="margin.md").cities[0]
    assert len(alpha.initiatives) == 3


_BOXED = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")]


def _box_after_text(country: str, city: str, mayor_of: str, named: bool = True) -> str:
    """A town as an extractor with no pages gives it when the box naming it is set beside
    the text and read after it: intro (naming the town first, or not: `named`), items,
    attribution and quote, then the box (each name over its label), its stats (each
    figure over its year and label) and a caption."""
    opening = city if named else "The town"
    return (f"{opening} lies on a wide river, and for two decades it has treated learning as a public service.\n"
            "Its plan rests on two pillars:\n"
            f"01 Reading clubs in every district of {city}.\n"
            f"02 Study circles for the older residents of {city}.\n"
            f"Ann Ek, Mayor of {mayor_of}\n‘A town that learns can change its own future.’\n"
            f"{city}\nCity\n{country}\nCountry\n"
            "88,500\n(2021)\nCity population\n57 km²\nCity/urban area\n"
            "Evening class by the river\n")


def _boxes_after_text(mayors: list[str], named: bool = True) -> str:
    front = "".join(f"{country}, {city}\n" for country, city in _BOXED)
    return ("Towns of Lifelong Learning\n" + front
            + "The three towns in this booklet have opened their libraries to learners of every age.\n"
            "Ilse Varga, Director\n"
            + "".join(_box_after_text(country, city, mayor, named)
                      for (country, city), mayor in zip(_BOXED, mayors, strict=True)))


def test_boxes_set_after_their_towns_text_in_text_without_pages() -> None:
    """Text with no pages and no blank lines, each heading a box naming the town over its
    label ("Strelsau" / "City") read after the town's text: each attribution above a box
    names that box's town, so the text above each box is its town's, the first town's
    starting under the foreword's signature. Each town gets its intro, items, quote and
    stats."""
    booklet = parse_text(_boxes_after_text([city for _, city in _BOXED]))
    assert [(c.country, c.city) for c in booklet.cities] == _BOXED
    assert booklet.booklet.signatory is not None and booklet.booklet.signatory.name == "Ilse Varga"
    for city in booklet.cities:
        assert city.intro is not None and city.intro.startswith(city.city)
        assert [item.text for item in city.initiatives] == [
            f"Reading clubs in every district of {city.city}.", f"Study circles for the older residents of {city.city}."]
        assert city.quote is not None and city.quote.role == f"Mayor of {city.city}"
        assert city.stats.population is not None and city.stats.population.value == 88500


def test_no_text_moves_under_a_box_when_an_attribution_names_another_town() -> None:
    """Hard negative: one attribution above a box naming another town (the booklet's
    boxes may stand over their text): no town's text moves down to the box under it; the
    text stays with the box above it, as printed, and the last box has none."""
    booklet = parse_text(_boxes_after_text(["Strelsau", "Szohod", "Szohod"]))
    assert [c.city for c in booklet.cities] == [city for _, city in _BOXED]
    assert [c.intro.split()[0] if c.intro else None for c in booklet.cities] == ["Klow", "Szohod", None]


def test_boxes_set_after_their_towns_text_when_one_attribution_names_a_region() -> None:
    """One attribution above a box names a region, not a town ("Mayor of the Western
    Province", as a governor's title does), the others their own towns and none another:
    the text above each box is still its town's."""
    booklet = parse_text(_boxes_after_text(["Strelsau", "the Western Province", "Szohod"]))
    assert [(c.country, c.city) for c in booklet.cities] == _BOXED
    assert [c.intro.split()[0] if c.intro else None for c in booklet.cities] == ["Strelsau", "Klow", "Szohod"]
    assert all(len(c.initiatives) == 2 for c in booklet.cities)


def test_no_text_moves_under_a_box_when_most_attributions_name_no_town() -> None:
    """Hard negative: only one attribution of three names its box's town, and no intro
    names its town first; that is too little to tell the booklet sets its boxes under
    their text, so the text stays with the box above it, as printed. (Intros that name
    their towns would tell: `test_boxes_under_their_text_where_the_intros_name_their_towns`.)"""
    booklet = parse_text(_boxes_after_text(["the Western Province", "the Northern Hills", "Szohod"], named=False))
    assert [bool(c.intro) for c in booklet.cities] == [True, True, False]


def _box_over_one_name_heading(n: int, country: str, city: str, blank: str) -> str:
    """A city whose box names its country (label over name) before the heading, which
    prints its number and the city alone; `blank` is "" or "\\n" between paragraphs."""
    return blank.join([
        f"Country\n{country}\nCity population\n{n * 100},000\nCity/urban area\n{n * 20} km2\n",
        f"{n}. {city}\n{city} is a town where learning follows the seasons of work and rest.\n",
        f"Initiative 1: Evening courses in {city} for the workers of the mills.\n",
        f"Initiative 2: A seed library that the school of {city} keeps.\n",
        f"Initiative 3: Study circles in the villages around {city}.\n",
        f"Ann Ek, Mayor of {city}\n‘In {city}, every day is a school day.’\n"])


@pytest.mark.parametrize("blank", ["", "\n"], ids=["no blank lines", "blank lines"])
def test_one_name_headings_after_a_numbered_list_and_a_country_box_above(blank: str) -> None:
    # The front matter numbers its list ("1. Syldavia, Klow"); each heading prints its
    # number and the city alone, under a box whose "Country" label stands over the
    # country's name. The list's entries are the places the headings name; the box's
    # country is no heading. Before, the numbered list hid the names, the country over
    # each box headed a city of its own, and the real headings ran into the intros.
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda")]
    front = "Learning Towns\n\nThe jury chose three towns this year.\n\n" + "".join(
        f"{n}. {country}, {city}\n" for n, (country, city) in enumerate(places, 1)) + "\nBo Ek, Chair of the Jury\n\n"
    booklet = parse_text(front + "\n".join(_box_over_one_name_heading(n, country, city, blank)
                                           for n, (country, city) in enumerate(places, 1)))
    assert [(c.country, c.city) for c in booklet.cities] == places
    assert [c.intro for c in booklet.cities] == [
        f"{city} is a town where learning follows the seasons of work and rest." for _, city in places]
    assert [len(c.initiatives) for c in booklet.cities] == [3, 3, 3]
    assert all("Country" not in caption for c in booklet.cities for caption in c.captions)


def _box_after_its_text(city: str, country: str, n: int) -> str:
    """A city whose box, set after its text, names it ("City" over the name, then
    "Country" over the country's) before a caption, the rest of the box on the next page."""
    return (f"{city} is a town where learning follows the seasons of work and rest. Its initiatives include:\n"
            f"(1) Evening courses in {city} for the workers of the mills.\n\n"
            f"(2) A seed library that the school of {city} keeps.\n\n"
            f"‘In {city}, every day is a school day.’\nAnn Ek, Mayor of {city}\n"
            f"City\n{city}\n\nCountry\n{country}\n\nThe market hall of {city}\n\n\f"
            f"City population\n{n * 100},000 (2020)\n\nAnnual GDP\nUS${n},300\n\n")


def test_a_box_naming_city_and_country_after_the_text_is_no_country_entry_alone() -> None:
    # Hard negative for the "Country" box entry read before a heading: where the box
    # names the city too ("City" / "Klow" / "Country" / "Syldavia"), the two entries are
    # the city's heading, set after its text, and no stat follows the country at once.
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda")]
    front = "Introduction\nThe jury chose three towns this year. The towns are:\n" + "".join(
        f"{country}, {city}\n" for country, city in places) + "Bo Ek, Chair of the Jury\n\n\f"
    booklet = parse_text(front + "".join(_box_after_its_text(city, country, n)
                                         for n, (country, city) in enumerate(places, 1)))
    assert [(c.country, c.city) for c in booklet.cities] == places


def _number_over_intro_over_box(n: int, country: str, city: str) -> str:
    """A city under a bare number, its intro first, then its box setting each name over
    its label ("Klow" / "City" / "Syldavia" / "Country") and each figure over its own."""
    return (f"{n}.\n{city} lies on both banks of a wide river and has treated learning as a public service.\n"
            "Its main programmes are:\n\n"
            f"{city}\nCity\n\n{country}\nCountry\n\n{n * 100},000\nCity population\n\n{n * 20} km2\nCity/urban area\n\n"
            f"• Evening classes held in the boathouses of {city}.\n\n"
            f"• A festival of learning in {city} every spring.\n\n"
            f"‘{city} learns together.’\nAnn Ek, Mayor\n\f")


def test_a_bare_number_over_the_intro_then_a_box_naming_both_heads_the_city() -> None:
    # The number stands alone over the intro; the box naming city and country comes
    # after the intro. The number heads the city, so the intro is the city's, not the
    # end of the section before (the booklet's introduction took the first one).
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda")]
    front = "Learning Review\n\nIntroduction\nThe review looks at three towns that learn together.\n\n\f"
    booklet = parse_text(front + "".join(_number_over_intro_over_box(n, country, city)
                                         for n, (country, city) in enumerate(places, 1)))
    assert [(c.country, c.city) for c in booklet.cities] == places
    assert [c.intro for c in booklet.cities] == [
        f"{city} lies on both banks of a wide river and has treated learning as a public service. "
        "Its main programmes are:" for _, city in places]
    assert booklet.booklet.introduction == "The review looks at three towns that learn together."


@pytest.mark.parametrize("named", [True, False], ids=["intro names the city", "prose names no city"])
def test_numbers_over_prose_then_a_box_are_headings_only_where_the_prose_names_its_city(named: bool) -> None:
    # Hard negative: a number alone over prose, then a box naming both, is no heading's
    # number where the prose between never names the box's city (a page number over a
    # page of other text).
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda")]
    text = "".join(_number_over_intro_over_box(n, country, city) for n, (country, city) in enumerate(places, 1))
    if not named:
        for _, city in places:
            text = text.replace(f"{city} lies on", "The town lies on")
    lines = lines_from_text(text).lines
    texts = [line.text for line in lines]
    assert heading_style(lines, texts, DEFAULT_PROFILE, frozenset()) == (named, named)


def _text_then_box(city: str, country: str, role: str, n: int) -> str:
    """A town's text, its box (naming it) set under it as an extractor reads a sidebar
    after the main column, then its photo's caption; no blank lines, no pages."""
    return (f"{city}, the largest town of {country}, lies on a wide river. Its\n"
            "learning plan, adopted in 2024, joins its schools and libraries.\n"
            "Its initiatives include:\n"
            f"Evening courses for the workers of {city}, held\n"
            "in the schools after the pupils go home.\n"
            f"A programme of walks for the {n * 100} children of the old town.\n"
            f"‘{city} learns together, and it learns in every street.’\n"
            f"Ann Ek, {role}\n"
            f"City: {city}\nCountry: {country}\n"
            f"City population: {n},200,000 (2020)\nCity/urban area: {n}00 km2\n"
            f"Walkers in the old town of {city}\n")


@pytest.mark.parametrize(("roles", "closing"), [
    (["Mayor of Klow", "Mayor of the Capital District", "Governor", "Mayor of the Harbour District"],
     "Bo Ek, Chair of the Jury"),
    (["Mayor"] * 4, "Learning Towns 2031 | 1")], ids=["one role names its town", "no role names a town"])
def test_boxes_under_their_text_where_the_intros_name_their_towns(roles: list[str], closing: str) -> None:
    # Each box stands under its town's text. Few speakers' roles name their town, or
    # none; but each intro names its town in its first sentence: the intros say whose
    # text it is. The first town's text opens with its intro, not in the foreword above
    # it (signed, or closed by the page's running foot).
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda"), ("Gamma", "Alpha")]
    front = f"Introduction\nThe jury chose four towns this year, each with its own way.\n{closing}\n"
    booklet = parse_text(front + "".join(_text_then_box(city, country, role, n)
                                         for n, ((country, city), role) in enumerate(zip(places, roles), 1)))
    assert [(c.country, c.city) for c in booklet.cities] == places
    front_matter = booklet.booklet
    assert (front_matter.foreword or front_matter.introduction) == "The jury chose four towns this year, each with its own way."
    for city in booklet.cities:
        assert city.intro is not None and city.intro.startswith(f"{city.city}, the largest town")
        assert len(city.initiatives) == 2
        assert city.quote is not None and city.quote.text.startswith(f"{city.city} learns together")


def test_intros_naming_their_city_over_one_marked_item_each() -> None:
    # Each city prints its intro (naming the city in its first sentence) over one marked
    # paragraph, its items run together by the extractor. One marked paragraph is too
    # few to show a list under the intro; the intros' naming their cities, as most of
    # the booklet's first paragraphs do, shows them.
    def city(n: int, country: str, name: str) -> str:
        return (f"{n}. {country}, {name}\n\n{name} is a market town where learning follows the seasons of work.\n\n"
                f"• The Lamp School, where {n * 10} weavers teach, and evening courses for the workers.\n\n"
                f"‘{name} learns every day.’\n\nAnn Ek, Mayor of {name}\n\n")
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda")]
    booklet = parse_text("".join(city(n, country, name) for n, (country, name) in enumerate(places, 1)))
    assert [c.intro for c in booklet.cities] == [
        f"{name} is a market town where learning follows the seasons of work." for _, name in places]
    assert [len(c.initiatives) for c in booklet.cities] == [1, 1, 1]


def test_a_marked_first_paragraph_naming_its_city_is_no_intro() -> None:
    # Hard negative: where each city's first paragraph is a marked item, naming its city
    # does not make it an intro.
    def city(n: int, country: str, name: str) -> str:
        return (f"{n}. {country}, {name}\n\n• {name} opened the Lamp School, where weavers teach their craft.\n\n"
                f"• Evening courses for the {n * 10} workers of the mills.\n\n"
                f"‘{name} learns every day.’\n\nAnn Ek, Mayor of {name}\n\n")
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda")]
    booklet = parse_text("".join(city(n, country, name) for n, (country, name) in enumerate(places, 1)))
    assert [c.intro for c in booklet.cities] == [None, None, None]
    assert [len(c.initiatives) for c in booklet.cities] == [2, 2, 2]


def _two_line_heading_city(country: str, city: str, n: int, named: bool) -> str:
    """A town under its country's and its own name in capitals on two lines, no number,
    its intro opening with its name (or not: `named`), its stats last."""
    opening = city if named else "The town"
    return (f"{country.upper()}\n{city.upper()}\n"
            f"{opening} lies on both banks of a wide river and has treated learning as a public service.\n"
            f"• Evening classes in the boathouses of {city}.\n• A reading week in {city} every spring.\n"
            f"‘{city} learns together.’\nAnn Ek, Mayor\n"
            f"City population City/urban area\n{n},200,000 {n}00 km2\n")


@pytest.mark.parametrize("named", [True, False], ids=["intros name their towns", "intros name none"])
def test_two_names_in_capitals_over_an_intro_naming_the_second_head_a_city(named: bool) -> None:
    # No list of places, no number, the stats last: only the intro under the two names,
    # opening with the second ("Klow lies on ..."), shows them a heading and which name
    # is the city's. Hard negative: intros that name no town leave the two lines no
    # heading (two lines in capitals may as well be a caption).
    places = [("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Ruritania", "Zenda")]
    text = "Learning Review\nIntroduction\nThe review looks at three towns that learn together.\n" + "".join(
        _two_line_heading_city(country, city, n, named) for n, (country, city) in enumerate(places, 1))
    cities = parse_text(text).cities
    if named:
        assert [(c.country.title(), c.city.title()) for c in cities] == places
        assert all(c.intro and c.intro.startswith(f"{c.city.title()} lies") for c in cities)
    else:
        assert cities == []


def _run_on_city(n: int, name: str, population: int | None) -> str:
    """A city set down the page after the one before: its stats box above its heading
    (the population left out where `population` is None), a quote closing its text."""
    box = ([f"City population: {population},000 (2020)"] if population else []) + [
        f"City/urban area: {n}5 km2", f"Annual GDP: US${n},400", ""]
    return "\n".join([*box, f"{n}. Ruritania, {name}", "", f"{name} is a city of learning on a river. Its initiatives include:",
                      "", f"1. Evening classes for the adults of {name}.", "", f"2. A festival of reading in the old town of {name}.",
                      "", f"‘In {name} everyone learns.’", f"Ann Ek, Mayor of {name}", "", f"Reading club in {name}", ""])


@pytest.mark.parametrize("breaks", ["\f", ""], ids=["pages", "no pages"])
def test_a_box_after_a_citys_quote_goes_whole_to_the_next_city_where_the_city_has_one_of_its_entries(
        breaks: str) -> None:
    """Cities run on down the page (a quote, then the next heading, on one page), each
    box above its heading; the first city's box prints no population. The next city's
    box, read after the first city's quote, is the next city's whole: its population is
    not the first city's, its other figures the next one's; so too in text that gives
    no pages."""
    cities = [(1, "Alpha", None), (2, "Zenda", 340), (3, "Orlo", 560), (4, "Mirow", 780)]
    pages = [_run_on_city(*cities[0]) + _run_on_city(*cities[1]), _run_on_city(*cities[2]) + _run_on_city(*cities[3])]
    got = parse_text(breaks.join(pages)).cities
    assert [(c.city, c.stats.population.value if c.stats.population else None) for c in got] == [
        (name, pop * 1000 if pop else None) for _, name, pop in cities]
    assert [c.stats.area_km2.value if c.stats.area_km2 else None for c in got] == [15, 25, 35, 45]


def _long_city(n: int, name: str, speaker: str, next_page: bool) -> str:
    """A city longer than its page: heading, intro and first item on one page, and its
    second item, quote, speaker and photo at the next page's top (`next_page`), above the
    next heading."""
    over = "\f" if next_page else ""
    return "\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners by a river. Its initiatives include:",
                      f"1. Evening classes for the adults of {name}.", f"{over}2. A festival of reading in the old town.",
                      f"‘{name} learns together, young and old.’", f"{speaker}, Mayor of {name}",
                      f"Reading club in {name}", ""])


def test_a_city_longer_than_its_page_keeps_its_quote_at_the_next_pages_top() -> None:
    """Cities run on, each longer than its page, so that no page holds two headings: the
    next heading's page opens on the last item, quote and speaker of the city before. The
    next city's text goes on after its heading and closes on its own quote after its own
    last item, and a city has one quote: the page's top is the city before's, not the next
    city's (which had passed every quote and item on by one). Hard negative:
    where each city opens its page with its quote read first (a margin column), its
    speaker with it or after its list (the city before's closing all read above its
    heading), the quote at the page's top is the heading's city's."""
    text = "".join(_long_city(n, name, who, True) for n, name, who in (
        (1, "Alpha", "Ann Ek"), (2, "Zenda", "Bo Lund"), (3, "Klow", "Una Vesk")))
    cities = parse_text(text).cities
    assert [(c.city, c.quote.speaker if c.quote else None) for c in cities] == [
        ("Alpha", "Ann Ek"), ("Zenda", "Bo Lund"), ("Klow", "Una Vesk")]
    assert [c.captions for c in cities] == [["Reading club in Alpha"], ["Reading club in Zenda"], ["Reading club in Klow"]]
    assert all(len(c.initiatives) == 2 for c in cities)

    def margin_first(n: int, name: str, speaker: str) -> str:
        said = f"{speaker}, Mayor of {name}"
        return "\n".join([f"\f‘{name} learns together, young and old.’", *([said] if n % 2 else []),
                          f"{n}. Ruritania, {name}", f"{name} is a town of learners by a river. Its initiatives include:",
                          f"1. Evening classes for the adults of {name}.", "2. A festival of reading in the old town.",
                          *([] if n % 2 else [said]), f"Reading club in {name}", ""])
    text = "".join(margin_first(n, name, who) for n, name, who in (
        (1, "Alpha", "Ann Ek"), (2, "Zenda", "Bo Lund"), (3, "Klow", "Una Vesk")))
    cities = parse_text(text).cities
    assert [(c.city, c.quote.speaker if c.quote else None) for c in cities] == [
        ("Alpha", "Ann Ek"), ("Zenda", "Bo Lund"), ("Klow", "Una Vesk")]


def test_a_stats_box_printed_again_word_for_word_is_the_citys_own() -> None:
    """Cities run on, each printing its stats box above its heading and again in a
    sidebar read after its quote: the second box, the same figures word for word, is
    the city's own box repeated, not the next city's, and the city's photos after it stay
    the city's. Hard negative: a box with other figures there is the next city's."""
    def city(n: int, name: str, pop: int, again: int) -> str:
        box = f"City population: {pop},000 (2020)\nAnnual GDP: US$3,400"
        return "\n".join([box, f"{n}. Ruritania, {name}",
                          f"{name} is a town of learners by a river. Its initiatives include:",
                          f"1. Evening classes for the adults of {name}.", "2. A festival of reading in the old town.",
                          f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}",
                          f"City population: {again},000 (2020)\nAnnual GDP: US$3,400", f"Reading club in {name}", ""])
    text = "".join(city(n, name, pop, pop) for n, name, pop in ((1, "Alpha", 120), (2, "Zenda", 340), (3, "Klow", 560)))
    cities = parse_text(text).cities
    assert [c.captions for c in cities] == [["Reading club in Alpha"], ["Reading club in Zenda"], ["Reading club in Klow"]]
    assert [c.stats.population.value if c.stats.population else None for c in cities] == [120000, 340000, 560000]
    other = "".join(city(n, name, pop, pop + 1) for n, name, pop in ((1, "Alpha", 120), (2, "Zenda", 340), (3, "Klow", 560)))
    assert "Reading club in Alpha" not in parse_text(other).cities[0].captions


def _side_box(population: str, area: str, top: float) -> list[tuple[str, float, float, float, float, float]]:
    """A stats box in a side column (right of the body) at `top`."""
    return [("City population", 706, top, 763, top + 9, 9.0), (population, 706, top + 11, 765, top + 20, 9.0),
            ("City/urban area", 706, top + 26, 765, top + 34, 9.0), (area, 706, top + 37, 759, top + 45, 9.0)]


def _city_rows(number: int, country: str, city: str, top: float) -> list[tuple[str, float, float, float, float, float]]:
    """A run-on city's heading, intro, two items, quote and attribution from `top` down."""
    return [(f"{number}. {country}, {city}", 36, top, 204, top + 14, 15.0),
            (f"The city of {city} sits in a river valley and builds a learning city. Its initiatives include:",
             36, top + 22, 680, top + 32, 9.5),
            ("– Reading clubs in every district of the town.", 36, top + 60, 268, top + 70, 9.5),
            ("– Evening classes for the workers of the mills.", 301, top + 60, 519, top + 70, 9.5),
            (f"‘{city} learns together, at every age.’", 44, top + 100, 400, top + 110, 9.5),
            (f"— Ann Ek, Mayor of {city}", 44, top + 117, 200, top + 126, 9.5)]


def test_a_side_column_of_two_boxes_on_the_page_before_a_heading_is_that_pages_cities() -> None:
    """Cities run on, two to a page, each with its box in a side column read after the
    page's body: both boxes came after the second city's closing, before the next city's
    heading on the next page. They are the page's cities' (the upper box the first's), not
    the next city's, whose own box on its page is its own."""
    page2 = _pdf_page([*_city_rows(1, "Ruritania", "Zenda", 43), *_city_rows(2, "Syldavia", "Klow", 304),
                       *_side_box("4,153,505", "590 km²", 64), *_side_box("8,560,992", "852.2 km2", 326)], page=2)
    page3 = _pdf_page([*_city_rows(3, "Borduria", "Szohod", 121), *_side_box("2,618,474", "2262 km2", 143)],
                      page=3, first=len(page2) + 1)
    booklet = _pdf_booklet(page2 + page3, pages=3)
    got = [(c.stats.population.value if c.stats.population else None,
            c.stats.area_km2.value if c.stats.area_km2 else None) for c in booklet.cities]
    assert got == [(4_153_505, 590), (8_560_992, 852.2), (2_618_474, 2262)]


def test_a_box_set_above_its_heading_on_the_headings_page_stays_that_citys() -> None:
    """Hard negative: the next city's box printed above its own heading, on its page,
    is its own (leading matter), while the side column of the page before goes back."""
    page2 = _pdf_page([*_city_rows(1, "Ruritania", "Zenda", 43), *_city_rows(2, "Syldavia", "Klow", 304),
                       *_side_box("4,153,505", "590 km²", 64), *_side_box("8,560,992", "852.2 km2", 326)], page=2)
    page3 = _pdf_page([*_side_box("2,618,474", "2262 km2", 40), *_city_rows(3, "Borduria", "Szohod", 121)],
                      page=3, first=len(page2) + 1)
    booklet = _pdf_booklet(page2 + page3, pages=3)
    got = [(c.stats.population.value if c.stats.population else None) for c in booklet.cities]
    assert got == [4_153_505, 8_560_992, 2_618_474]
