"""Headings whose city the front matter's prose names ("The winning cities are A, B and C."),
in a booklet that lists no places (numbered or not)."""

from __future__ import annotations

import re

import pytest

from booklet_extract.named_headings import enumerated_names, named_headings
from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE

_PLACES = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("New Borduria", "Szohod Nova")]
_SENTENCE = "The winning towns are Strelsau, Klow and Szohod Nova."


def _city(lines: str, name: str) -> str:
    """A town under a heading of two names (`lines`), its stats set after its items (a
    sidebar read last), so that no stats open under the heading."""
    return (f"{lines}\n\n{name} lies on a wide river. For two decades it has treated learning as a public "
            "service. The town has focused on two initiatives.\n\n"
            f"• Reading clubs – evening classes held in every district of {name}.\n\n"
            f"• Study circles – older residents meet in the libraries of {name}.\n\n"
            "Ann Ek, Mayor\n\n‘A town that learns can change its own future.’\n\n"
            "Evening class by the river\n\n"
            "City population: 88,500\nCity/urban area: 57 km²\nAnnual GDP: US$21,300\n\n")


def _booklet(sentence: str, heading: str) -> str:
    """Front matter whose intro names the towns in `sentence`, then each town under
    `heading` (formatted with its number, and its country and city in capitals)."""
    head = ("LEARNING TOWNS OF THE NORTH\n\nIntroduction\n\nThree towns of the north are honoured this year "
            f"for bringing learning to every resident. {sentence}\n\n")
    return head + "".join(_city(heading.format(number=k, country=country.upper(), city=city.upper()), city)
                          for k, (country, city) in enumerate(_PLACES, 1))


@pytest.mark.parametrize("heading", ["{country}\n{city}", "{city}\n{country}", "{country} {city}"])
def test_headings_the_intro_names_in_a_booklet_with_no_list_and_no_numbers(heading: str) -> None:
    """Country and city on two lines, in either order, or on one line with nothing between:
    the intro's sentence says which name is the city. Each town gets its items, quote and
    stats."""
    booklet = parse_text(_booklet(_SENTENCE, heading))
    assert [(c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [
        (country.casefold(), city.casefold()) for country, city in _PLACES]
    for city in booklet.cities:
        assert len(city.initiatives) == 2 and city.quote is not None and city.quote.speaker == "Ann Ek"
        assert city.stats.population is not None and city.stats.population.value == 88500


def test_numbered_headings_printing_two_names_as_one_line_the_intro_names() -> None:
    """"1. RURITANIA STRELSAU": a number, then country and city with nothing between (as
    Markdown joins a heading's two lines): the intro's sentence says which name is the
    city, and the heading keeps its number. Hard negative: where the intro names other
    towns, no heading is read so."""
    booklet = parse_text(_booklet(_SENTENCE, "{number}. {country} {city}"))
    assert [(c.number, c.country.casefold(), c.city.casefold()) for c in booklet.cities] == [
        (k, country.casefold(), city.casefold()) for k, (country, city) in enumerate(_PLACES, 1)]
    assert all(len(city.initiatives) == 2 for city in booklet.cities)
    other = parse_text(_booklet("The winning towns are Zenda, Alpha and Beta.", "{number}. {country} {city}"))
    assert other.cities == []


def _unnamed_intros(text: str) -> str:
    """The booklet with each town's intro opening "The town lies ..." instead of its name."""
    return re.sub(r"\n\n[^\n]+ lies on a wide river", "\n\nThe town lies on a wide river", text)


def test_no_headings_where_the_intro_names_other_towns_or_only_two() -> None:
    """Hard negatives: an intro naming other towns, or naming two towns only ("A and B" is
    any pair of nouns), makes no heading of two names in capitals; nor do town intros
    opening with their town's name where the front matter's sentence names other towns
    (the booklet's own account wins). With no such account, those intros alone show the
    two names a heading."""
    for sentence in ("The winning towns are Zenda, Alpha and Beta.", "The winning towns are Strelsau and Klow."):
        assert parse_text(_unnamed_intros(_booklet(sentence, "{country}\n{city}"))).cities == []
    assert parse_text(_booklet("The winning towns are Zenda, Alpha and Beta.", "{country}\n{city}")).cities == []
    headed = parse_text(_booklet("The winning towns are Strelsau and Klow.", "{country}\n{city}")).cities
    assert [c.city.casefold() for c in headed] == [city.casefold() for _, city in _PLACES]


def test_an_enumeration_gives_its_names_and_their_shorter_forms() -> None:
    """Three names at least; a name of up to three words; the first name may have taken in
    the word that opens the sentence, and the last one the word after it."""
    names = enumerated_names("Winners Strelsau, Klow and Szohod Nova. Also Alpha and Beta.", DEFAULT_PROFILE)
    assert {"strelsau", "winners strelsau", "klow", "szohod", "szohod nova"} <= set(names)
    assert "alpha" not in names and "beta" not in names


def test_the_booklet_keeps_one_side_for_the_country() -> None:
    """Two headings print the country above the city, one (a spread's next heading read
    right under the first) could be read either way: the side most print it on wins. A
    tie says nothing, and a line before the sentence naming it heads nothing."""
    texts = ["Intro", _SENTENCE, "RURITANIA", "STRELSAU", "SYLDAVIA", "KLOW", "Klow lies on a river.",
             "NEW BORDURIA", "SZOHOD NOVA", "Szohod Nova is a port."]
    found = named_headings(texts, DEFAULT_PROFILE)
    assert {k: h.place for k, h in found.items()} == {
        2: ("RURITANIA", "STRELSAU"), 4: ("SYLDAVIA", "KLOW"), 7: ("NEW BORDURIA", "SZOHOD NOVA")}
    tie = ["Intro", _SENTENCE, "RURITANIA", "STRELSAU", "SYLDAVIA", "KLOW", "BORDURIA"]
    assert named_headings(tie, DEFAULT_PROFILE) == {}
    before = ["RURITANIA", "STRELSAU", "SYLDAVIA", "KLOW", _SENTENCE]
    assert named_headings(before, DEFAULT_PROFILE) == {}
