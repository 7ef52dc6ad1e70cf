"""The sample booklet reworded as other booklets of the genre word it: every field
must still be read (scored with the shared scorer against the sample's truth).

Each rewriting changes only the genre's furniture (how a heading, a stats line or an
attribution is set), never the content, so the sample's hand-checked fields stay the
truth.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from booklet_extract.pipeline import extract

from .conftest import SAMPLE, SAMPLES
from .test_quality import GOLD, SCORER, _score

pytestmark = pytest.mark.skipif(
    not (GOLD.exists() and SCORER.exists()), reason="../shared (hand-checked truth) is not beside the checkout"
)

_HEADING = re.compile(r"^(\d{1,2})\. ([^\n,]+?), ([^\n,]+?) *$", re.MULTILINE)
_HEADING_START = re.compile(r"^(\d{1,2})\. (\S)", re.MULTILINE)
_WRAPPED_HEADING = re.compile(r"^(\d{1,2})\. ([^\n,]+),\n([^\n,]+?) *$", re.MULTILINE)  # the city on the next line
_STAT = re.compile(r"^(City population|City/urban area|Annual GDP): ", re.MULTILINE)
_ATTRIBUTION = re.compile(r"^(\S[^\n,]{3,40}), (Mayor of [^\n]*?) *$", re.MULTILINE)

_FIGURE_LINE = re.compile(r"^( ?(?:City population|City/urban area|Annual GDP): (?:US\$)?)([\d,.]+)", re.MULTILINE)


def _continental(match: re.Match[str]) -> str:
    """Thousands grouped by dots, a decimal comma: "1,425,000" -> "1.425.000", "380.2" -> "380,2".
    A malformed figure stays as printed (its flag reports the printed token)."""
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", match.group(2)):
        return match.group(0)
    return match.group(1) + match.group(2).translate(str.maketrans(",.", ".,"))


def _one_dot_counts(match: re.Match[str]) -> str:
    """Only counts of people and money with one group of thousands: "74,737" -> "74.737"."""
    label, figure = match.group(1), match.group(2)
    if "area" in label or not re.fullmatch(r"\d{1,3},\d{3}", figure):
        return match.group(0)
    return label + figure.replace(",", ".")


_STATS_BOX = re.compile(r"^ ?(City population: [^\n]*?) *\n(City/urban area: [^\n]*?) *\n\n?(Annual GDP: [^\n]*?) *$",
                        re.MULTILINE)


def _stats_on_one_line(separator: str) -> Callable[[str], str]:
    """A city's three stats entries set as one strip: "City population: 1,200 | ..."."""
    return lambda t: _STATS_BOX.sub(lambda m: separator.join(m.groups()), t)


def _with_units(text: str) -> str:
    """Figures that say what they count: "74,737 inhabitants", "US$ 6,643 per capita",
    "380.2 square kilometres"."""
    text = re.sub(r"^( ?City population: [\d,]+)", r"\1 inhabitants", text, flags=re.MULTILINE)
    text = re.sub(r"^(City/urban area: [\d,.]+) ?km2", r"\1 square kilometres", text, flags=re.MULTILINE)
    return re.sub(r"^(Annual GDP: )US\$([\d,]+)", r"\1US$ \2 per capita", text, flags=re.MULTILINE)


_WRAPPED_HEADING = re.compile(r"^(\d{1,2})\. ([^\n,]+?),[ \t]*\n([^\n,]+?) *$", re.MULTILINE)


def _heading_set_apart(separator: str) -> Callable[[str], str]:
    """Country and city set apart by a bar, or on two lines: "1. Ruritania | Strelsau"."""
    def reword(text: str) -> str:
        text = _WRAPPED_HEADING.sub(r"\1. \2, \3", text)
        return _HEADING.sub(lambda m: f"{m.group(1)}. {m.group(2)}{separator}{m.group(3)}", text)
    return reword


_QUOTE_END_THEN_ATTRIBUTION = re.compile(r"’\s*\n\s*\n(\S[^\n,]{3,40}, (?:Mayor|Governor) of [^\n]*)")


def _with_credits(text: str) -> str:
    """A credit under some photos and a source under every stats box."""
    text = re.sub(r"^(Knowledge ceremony|Smart games|Agro Box)$", r"\1\n© UNESCO/City archive", text, flags=re.MULTILINE)
    return re.sub(r"^(Annual GDP: [^\n]*)$", r"\1\nSource: city statistics office", text, flags=re.MULTILINE)


_STAT_YEAR_IN_LABEL = re.compile(r"^( ?(?:City population|City/urban area|Annual GDP)): ([^\n(]*?) ?\((\d{4})\)",
                                 re.MULTILINE)
_STAT_YEAR = re.compile(r"^( ?(?:City population|City/urban area|Annual GDP): [^\n(]*?) ?\((\d{4})\)", re.MULTILINE)


def _opening(item: str, words: int) -> re.Pattern[str]:
    """An item's first words at a line's start, quotation marks around them or not (a
    word broken at the line end is matched by fewer words)."""
    parts = [r"['‘’]?" + re.escape(word.strip("'‘’")) + r"['‘’]?" for word in item.split()[:words]]
    return re.compile(r"^\s*" + r"\s+".join(parts))


def _items_marked(markers: list[str]) -> Callable[[str], str]:
    """Each city's items opened with the given markers (`a) `, `i. `, `► `), found by the
    first words of the hand-checked initiatives."""
    def reword(text: str) -> str:
        lines = text.split("\n")
        marked: set[int] = set()
        for city in json.loads(GOLD.read_text(encoding="utf-8"))["cities"]:
            for marker, item in zip(markers, city["initiatives"]):
                k = next(k for n in (3, 2) for k, line in enumerate(lines)
                         if _opening(item, n).match(line) and k not in marked)
                lines[k] = marker + lines[k].lstrip()
                marked.add(k)
        return "\n".join(lines)
    return reword


def _intros_reworded(split: bool) -> Callable[[str], str]:
    """Each hand-checked intro as printed in the sample, with its lead-in colon made a full
    stop (`split` False), or broken into two paragraphs at its middle sentence end."""
    def words(text: str) -> str:
        return r"\s+".join(re.escape(word).replace("’", "['’]") for word in text.split())

    def reword(text: str) -> str:
        for city in json.loads(GOLD.read_text(encoding="utf-8"))["cities"]:
            intro = city["intro"]
            ends = list(re.finditer(r"\. (?=[A-Z])", intro))
            if split and ends:
                end = ends[len(ends) // 2]
                before, after = intro[: end.start()].split()[-2:], intro[end.end() :].split()[0]
                text = re.sub(f"({words(' '.join(before))}\\.)\\s+({re.escape(after)})", r"\1\n\n\2", text,
                              count=1)
            elif not split:
                text = re.sub(f"({words(' '.join(intro[:-1].split()[-3:]))}):", r"\1.", text, count=1)
        return text
    return reword


REWORDINGS: dict[str, Callable[[str], str]] = {
    "intro-ending-on-a-full-stop": _intros_reworded(split=False),
    "intro-in-two-paragraphs": _intros_reworded(split=True),
    "items-lettered": _items_marked(["a) ", "b) ", "c) "]),
    "items-lettered-in-brackets": _items_marked(["(a) ", "(b) ", "(c) "]),
    "items-small-roman-numerals": _items_marked(["i. ", "ii. ", "iii. "]),
    "items-arrow-bullets": _items_marked(["► "] * 3),
    "items-check-bullets": _items_marked(["✓ "] * 3),
    "items-under-a-list-label": _items_marked(["Key initiatives:\n\n"]),
    "items-labelled-numbers": _items_marked(["Initiative 1: ", "Initiative 2: ", "Initiative 3: "]),
    "items-numbers-without-a-dot": _items_marked(["1 ", "2 ", "3 "]),
    "items-numbers-zero-padded": _items_marked(["01 ", "02 ", "03 "]),
    "items-numbers-and-a-dash": _items_marked(["1 – ", "2 – ", "3 – "]),
    "items-labelled-numbers-with-a-dash": _items_marked(["Project 1 – ", "Project 2 – ", "Project 3 – "]),
    "items-labelled-numbers-over-their-text": _items_marked(["INITIATIVE 1\n", "INITIATIVE 2\n", "INITIATIVE 3\n"]),
    "stats-year-after-a-comma": lambda t: _STAT_YEAR.sub(r"\1, \2", t),
    "stats-year-in-square-brackets-as-an-estimate": lambda t: _STAT_YEAR.sub(r"\1 [\2 est.]", t),
    "stats-approximate-figures": lambda t: re.sub(r"^( ?City population: )", r"\1approx. ", t, flags=re.MULTILINE),
    "photo-credits-and-stats-sources": _with_credits,
    "attribution-on-the-quotes-last-line": lambda t: _QUOTE_END_THEN_ATTRIBUTION.sub(r"’ — \1", t),
    "attribution-after-a-speech-verb": lambda t: _ATTRIBUTION.sub(r"says \1, \2.", t),
    "attribution-then-a-speech-verb": lambda t: _ATTRIBUTION.sub(r"\1, \2, said", t),
    "attribution-after-a-speech-verb-on-the-quotes-last-line": lambda t: _QUOTE_END_THEN_ATTRIBUTION.sub(r"’ says \1.", t),
    "page-numbers-between-dashes": lambda t: re.sub(r"^(\d{1,2})$", r"– \1 –", t, flags=re.MULTILINE),
    "heading-country-and-city-apart-by-a-bar": _heading_set_apart(" | "),
    "heading-country-and-city-on-two-lines": _heading_set_apart("\n"),
    "stats-figures-with-units": _with_units,
    "stats-on-one-line-with-bars": _stats_on_one_line(" | "),
    "stats-on-one-line-with-spaces": _stats_on_one_line("   "),
    "stats-continental-separators": lambda t: _FIGURE_LINE.sub(_continental, t),
    "stats-one-dot-thousands-in-counts": lambda t: _FIGURE_LINE.sub(_one_dot_counts, t),
    "heading-number-without-dot": lambda t: _HEADING_START.sub(r"\1 \2", t),
    "heading-number-on-its-own-line": lambda t: _HEADING_START.sub(r"\1\n\2", t),
    "heading-without-number": lambda t: _HEADING_START.sub(r"\2", t),
    "heading-city-alone-the-country-in-the-list": lambda t: _WRAPPED_HEADING.sub(r"\1. \3", _HEADING.sub(r"\1. \3", t)),
    "heading-dash-between-country-and-city": lambda t: _HEADING.sub(r"\1. \2 – \3", t),
    "stats-without-colon": lambda t: _STAT.sub(r"\1 ", t),
    "stats-with-dash": lambda t: _STAT.sub(r"\1 – ", t),
    "stats-labels-reworded": lambda t: t.replace("City population:", "Population (city):")
    .replace("City/urban area:", "Surface area:").replace("Annual GDP:", "GDP per head:"),
    "stats-labels-reworded-again": lambda t: t.replace("City population:", "Population size:")
    .replace("City/urban area:", "Land area:").replace("Annual GDP:", "Per capita GDP:"),
    "stats-year-in-the-label-with-a-word": lambda t: _STAT_YEAR_IN_LABEL.sub(r"\1 (\3 estimate): \2", t),
    "attribution-with-dash": lambda t: _ATTRIBUTION.sub(r"\1 – \2", t),
    "attribution-role-in-brackets": lambda t: _ATTRIBUTION.sub(r"\1 (\2)", t),
    "attribution-role-first": lambda t: _ATTRIBUTION.sub(r"\2, \1", t),
}


@pytest.mark.parametrize("name", sorted(REWORDINGS))
def test_reworded_sample_reads_fully(name: str, tmp_path: Path) -> None:
    text = (SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    reworded = REWORDINGS[name](text)
    assert reworded != text  # the rewriting found what it rewrites
    path = tmp_path / f"{name}.txt"
    path.write_text(reworded, encoding="utf-8")
    score, fails = _score(extract(path))
    assert score == 1.0, "\n".join(fails)


@pytest.mark.parametrize("name", sorted(n for n in REWORDINGS if n.startswith("items-")))
def test_item_markers_are_not_kept_in_the_initiatives(name: str, tmp_path: Path) -> None:
    """The scorer forgives a marker left at an item's start; the text must not keep it."""
    path = tmp_path / f"{name}.txt"
    path.write_text(REWORDINGS[name]((SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8")), encoding="utf-8")
    plain = extract(SAMPLES / f"{SAMPLE}.txt")
    marked = extract(path)
    assert [[i.text for i in c.initiatives] for c in marked.cities] == \
        [[i.text for i in c.initiatives] for c in plain.cities]


def test_attribution_with_the_title_before_the_name_reads_every_speaker(tmp_path: Path) -> None:
    """"Mayor Ann Ek, Alpha" under each quote: every speaker is read, the role is the title
    with the place as printed ("Mayor, Alpha"), so only the roles differ from the truth's
    "Mayor of Alpha"."""
    text, turned = _ATTRIBUTION.subn(lambda m: f"Mayor {m.group(1)}, {m.group(2).split(' of ', 1)[1]}",
                                     (SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8"))
    assert turned >= 5
    path = tmp_path / "title-first.txt"
    path.write_text(text, encoding="utf-8")
    _, fails = _score(extract(path))
    assert sum(".role:" in fail and "got 'Mayor, " in fail for fail in fails) == turned, "\n".join(fails)
    assert all(".role:" in fail or fail.startswith("      ") for fail in fails), "\n".join(fails)


def test_booklet_without_heading_numbers_or_a_list_reads_every_city(tmp_path: Path) -> None:
    """Headings without numbers and no front-matter list of cities: each place line is
    known as a heading by the text under it naming its city. Only the list is missed."""
    text = (SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    first = _HEADING_START.search(text)
    assert first is not None
    front, body = text[: first.start()], text[first.start():]
    places = {f"{c['country']}, {c['city']}" for c in json.loads(GOLD.read_text(encoding="utf-8"))["cities"]}
    unlisted = "".join(line for line in front.splitlines(keepends=True) if line.strip() not in places)
    assert front.count("\n") - unlisted.count("\n") == len(places)  # the list went, nothing else
    path = tmp_path / "unnumbered-unlisted.txt"
    path.write_text(unlisted + _HEADING_START.sub(r"\2", body), encoding="utf-8")
    score, fails = _score(extract(path))
    assert fails and all("listed_cities" in fail for fail in fails), "\n".join(fails)
    assert score > 0.99


def test_booklet_printing_city_then_country_reads_every_city(tmp_path: Path) -> None:
    """"1. Medellín, Colombia" and a list in the same order: the city is the name each
    section's text repeats, so every field is read as (country, city)."""
    text = (SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    places = {f"{c['country']}, {c['city']}": f"{c['city']}, {c['country']}"
              for c in json.loads(GOLD.read_text(encoding="utf-8"))["cities"]}
    text = _WRAPPED_HEADING.sub(r"\1. \2, \3", text)
    turned = _HEADING.sub(lambda m: f"{m.group(1)}. {m.group(3)}, {m.group(2)}", text)
    turned = "".join(places.get(line.strip(), line.rstrip("\n")) + ("\n" if line.endswith("\n") else "")
                     for line in turned.splitlines(keepends=True))
    assert sum(turned.count(f"{place}\n") for place in places.values()) == len(places) * 2  # list and headings
    path = tmp_path / "city-first.txt"
    path.write_text(turned, encoding="utf-8")
    score, fails = _score(extract(path))
    assert score == 1.0, "\n".join(fails)
