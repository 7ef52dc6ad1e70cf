"""Property tests: whatever text comes in, `parse_text` returns a sound Booklet or raises
`BookletError`, never another exception.

"Sound" means: the result survives a round trip through the pydantic model (and through
JSON, as the CLI writes it), and the coverage adds up (lines == assigned + noise + unassigned).
Inputs: random unicode, random lines in the genre's shapes, the sample's lines shuffled, and
the sample or a variation booklet with lines deleted, repeated, moved or garbled.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booklet_extract.errors import BookletError
from booklet_extract.models import Booklet
from booklet_extract.pipeline import parse_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_LINES = (ROOT / "samples" / "learning-city-award-2019.txt").read_text(encoding="utf-8").split("\n")
SOURCES = [SAMPLE_LINES] + [
    p.read_text(encoding="utf-8").split("\n") for p in sorted((ROOT / "tests" / "variations").glob("*.txt"))
]

PROPERTY = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_booklet(text: str) -> None:
    """The invariants every input must keep."""
    try:
        booklet = parse_text(text)
    except BookletError:
        return
    assert isinstance(booklet, Booklet)
    assert Booklet.model_validate(booklet.model_dump()) == booklet, "model round trip changed the booklet"
    assert Booklet.model_validate_json(booklet.model_dump_json()) == booklet, "JSON round trip changed it"
    cov = booklet.coverage
    assert cov.lines == cov.assigned + cov.noise + cov.unassigned, f"coverage does not add up: {cov}"
    assert min(cov.assigned, cov.noise, cov.unassigned) >= 0, f"negative coverage: {cov}"


# --- strategies ------------------------------------------------------------------------

NAMES = st.sampled_from([
    "Colombia", "Medellín", "People’s Republic of China", "Republic of Korea", "Seodaemun-gu",
    "Côte d’Ivoire", "São Paulo", "United Kingdom of Great Britain and", "Northern Ireland",
    "Iran (Islamic Republic of)", "Dr. Ngozi O’Neill", "de la", "X",
])
HEADING = st.builds("{}. {}, {}".format, st.integers(0, 20), NAMES, NAMES)
STAT = st.builds(
    "{}: {}".format,
    st.sampled_from(["City population", "City/urban area", "Annual GDP", "Population", "Land area", "GDP"]),
    st.from_regex(r"(US\$ ?)?[0-9][0-9,. ]{0,12}( ?(million|bn|km2|km²))?( \((19|20)[0-9]{2}\))?", fullmatch=True),
)
ATTRIBUTION = st.builds(
    "{}, {}".format, NAMES, st.sampled_from(["Mayor of Medellín", "Director", "Governor of Oyo State", "Lord Mayor"])
)
QUOTE = st.builds("{}{}{}".format, st.sampled_from("‘“'\"«"), st.text(max_size=60), st.sampled_from(["’", "”", "’.", ""]))
GENRE_LINE = st.one_of(
    st.sampled_from(SAMPLE_LINES), HEADING, STAT, ATTRIBUTION, QUOTE,
    st.integers(0, 300).map(str), st.text(max_size=80), st.just(""), st.just("Introduction"),
)
DECORATED_LINE = st.builds(
    "{}{}{}".format, st.sampled_from(["", " ", "  ", "\f", "\t", "\ufeff"]), GENRE_LINE,
    st.sampled_from(["", " ", "\r", "\u00a0"]),
)
EDITS = ("delete", "repeat", "move", "replace", "insert", "splice", "truncate", "blank")


@st.composite
def perturbed_booklet(draw: st.DrawFn) -> str:
    """The sample or a variation with a few dozen random line edits."""
    lines = list(draw(st.sampled_from(SOURCES)))
    edits = draw(st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000), st.integers(0, 10_000), st.text(max_size=30)),
        max_size=25,
    ))
    for op, a, b, junk in edits:
        if not lines:
            break
        i, j = a % len(lines), b % len(lines)
        if op == "delete":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "move":
            lines.insert(j, lines.pop(i))
        elif op == "replace":
            lines[i] = junk
        elif op == "insert":
            lines.insert(i, junk)
        elif op == "splice":
            cut = b % (len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + junk + lines[i][cut:]
        elif op == "truncate":
            lines[i] = lines[i][: b % (len(lines[i]) + 1)]
        else:
            lines.insert(i, "")
    return "\n".join(lines)


# --- properties ---------------------------------------------------------------------------


@PROPERTY
@given(st.text(max_size=2000))
def test_random_unicode(text: str) -> None:
    check_booklet(text)


@PROPERTY
@given(st.lists(DECORATED_LINE, max_size=80).map("\n".join))
def test_random_genre_lines(text: str) -> None:
    check_booklet(text)


@settings(PROPERTY, max_examples=50)
@given(st.permutations(SAMPLE_LINES).map("\n".join))
def test_shuffled_sample(text: str) -> None:
    check_booklet(text)


@PROPERTY
@given(perturbed_booklet())
def test_perturbed_booklets(text: str) -> None:
    check_booklet(text)


@pytest.mark.parametrize("text", [
    "", "\n", "   \n\t\n", "\f\f", "\ufeff", "\r\n\r\n", "6", "1. Colombia, Medellín",
    "City population: 2,4486,723 (2016)", "‘", "’", "David Atchoarena, Director",
    "\n".join(SAMPLE_LINES).replace("\n", "\r\n"), "\n".join(SAMPLE_LINES).replace("\n\n", "\n\f"),
], ids=["empty", "newline", "blank", "formfeeds", "bom", "crlf-blank", "page-number", "heading-only",
        "stats-only", "open-quote", "close-quote", "signature-only", "sample-crlf", "sample-formfeeds"])
def test_edge_inputs(text: str) -> None:
    check_booklet(text)


def test_lone_surrogate() -> None:
    with pytest.raises(BookletError, match="lone surrogate"):
        parse_text("1. Colombia, Medellín\n\ud800\n")
