"""Headings printed as a box's entries under a number set apart, the box read by each
extractor its own way, and items numbered "01" with no space before their text: each
booklet gives every city its place, number and items."""

from __future__ import annotations

from booklet_extract.pipeline import parse_text

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
        assert got.intro == f"{city} lies where two valleys meet, and its plan links every school and library."
        assert [i.text for i in got.initiatives] == [
            f"Evening courses carried by bus to the hamlets around {city}.",
            f"Workshops where retired joiners of {city} teach young people.",
            f"A book fair set up every autumn in the old mills of {city}."]
    lone = parse_text(f"Learning Towns Prize 2031\n{FOREWORD}\n" + "".join(
        f"{k}. {c}, {t}\nCity population: 412,300 (2029)\n{_body(t, ('1) ', '2) ', '3) '))}"
        f"07Alpha is the name of the night bus.\n" for k, (c, t) in enumerate(PLACES, 1)))
    assert all(not any(i.text.startswith("Alpha") for i in c.initiatives) for c in lone.cities)

