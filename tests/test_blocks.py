"""Typed blocks: names, headings, map labels, and what typography adds for PDFs."""

from __future__ import annotations

import pytest

from booklet_extract.blocks import (
    Typography,
    find_headings,
    is_map_label,
    is_name,
    split_country_city,
)
from booklet_extract.line import Line
from booklet_extract.sections import classify_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("People’s Republic of China, Chengdu", ("People’s Republic of China", "Chengdu")),
        ("Côte d’Ivoire, Yamoussoukro", ("Côte d’Ivoire", "Yamoussoukro")),
        ("Italy, L’Aquila", ("Italy", "L’Aquila")),
        ("Bosnia and Herzegovina, Sarajevo", ("Bosnia and Herzegovina", "Sarajevo")),
        ("Korea, Republic of, Seoul", None),  # a comma inside the country is not supported
        ("David Atchoarena, Director", ("David Atchoarena", "Director")),
        ("which fosters educational, social", None),
    ],
)
def test_split_country_city(text: str, expected: tuple[str, str] | None) -> None:
    assert split_country_city(text) == expected


def test_is_name_rejects_sentences() -> None:
    assert is_name("Petaling Jaya") and is_name("Seodaemun-gu")
    assert not is_name("over 4,600 school dropouts")


def _lines(*texts: str, size: float | None = None, italic: bool = False) -> list[Line]:
    return [Line(t, n, block_start=True, font_size=size, italic=italic) for n, t in enumerate(texts, 1)]


def test_heading_wrapped_over_lines() -> None:
    lines = _lines("8. United Kingdom of Great Britain and", "Northern Ireland, Bristol", "City population: 1")
    found = find_headings(lines, [ln.text for ln in lines], set())
    assert found == {0: (8, "United Kingdom of Great Britain and Northern Ireland", "Bristol", [0, 1])}


def test_heading_numbers_must_increase() -> None:
    lines = _lines("2. Denmark, Odense", "1. Norway, Bergen")
    assert list(find_headings(lines, [ln.text for ln in lines], set())) == [0]


def test_small_type_is_never_a_heading() -> None:
    body = _lines("Some body text set in the usual size, long enough to count.", size=10.0)
    small = [Line("1. Green Schools, Bristol", 2, block_start=True, font_size=7.0)]
    lines = body + small
    typo = Typography.of(lines)
    assert find_headings(lines, [ln.text for ln in lines], set(), typo) == {}
    assert find_headings(lines, [ln.text for ln in lines], set()) != {}  # text alone would take it


def test_small_italic_type_is_a_caption_even_with_a_full_stop() -> None:
    body = _lines("A paragraph of body text that runs on for a while and ends.", size=10.0)
    caption = [Line("Pupils planting trees in the school garden.", 2, block_start=True, font_size=8.0, italic=True)]
    lines = body + caption
    blocks, _ = classify_lines(lines, [ln.text for ln in lines])
    assert [b.kind for b in blocks] == ["prose", "caption"]
    plain = _lines(body[0].text, caption[0].text)
    blocks, _ = classify_lines(plain, [ln.text for ln in plain])
    assert [b.kind for b in blocks] == ["prose", "prose"]  # without fonts it reads as a sentence


def test_map_labels() -> None:
    names = ["republic of korea", "seoul", "ghana", "accra"]
    assert is_map_label("Accra I Ghana Seoul I Republic of Korea", names)
    assert is_map_label("Republic of Korea", names)
    assert not is_map_label("Accra Learning Festival", names)
