"""Items an extractor gave box by box (first lines of a row, then their rests) put back in order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from booklet_extract.patterns import lazy
from booklet_extract.pipeline import extract, parse_text
from booklet_extract.profile import DEFAULT_PROFILE, Profile
from booklet_extract.sources import load
from booklet_extract.sources.box_order import restore_item_rows, restore_number_columns
from booklet_extract.sources.text import lines_from_text

COLUMN = [  # the rests' lines give the column's measure (about 30 characters)
    "1. Launched an entrepreneurship",
    "",
    "2. Made a concerted effort to ensure",
    "",
    "programme in cooperation with the",
    "Social Fund that has, to date, helped",
    "1,000 young people.",
    "",
    "lifelong learning is available to all",
    "by building 120 community centres.",
]


def _read(rows: list[str]) -> list[tuple[str, bool]]:
    lines, _ = restore_item_rows(lines_from_text("\n".join(rows)).lines)
    return [(ln.text, ln.block_start) for ln in lines]


def _texts(rows: list[str]) -> list[str]:
    return [t for t, _ in _read(rows)]


def test_rests_follow_their_first_lines_in_the_extractors_order() -> None:
    doc = lines_from_text("\n".join(["Aswan has:", "", *COLUMN]))
    got = [(ln.text, ln.block_start) for ln in doc.lines]
    assert got == [
        ("Aswan has:", True),
        ("1. Launched an entrepreneurship", True),
        ("programme in cooperation with the", False),
        ("Social Fund that has, to date, helped", False),
        ("1,000 young people.", False),
        ("2. Made a concerted effort to ensure", True),
        ("lifelong learning is available to all", False),
        ("by building 120 community centres.", False),
    ]
    assert [(r.kind, r.line.number, r.printed) for r in doc.repairs] == [
        ("reading_order", 7, "programme in cooperation with the"),
        ("reading_order", 11, "lifelong learning is available to all")]
    assert doc.repairs[0].fixed == "1. Launched an entrepreneurship programme in cooperation with the"


def test_a_broken_word_decides_the_pairing() -> None:
    rows = ["• The En el Colegio Conta-", "", "• The development of the", "",
            "mos con Vos (We count on", "you at school) initiative.", "",
            "Mova Teacher’s Innovation", "Center, for teachers."]
    assert _texts(rows) == ["• The En el Colegio Conta-", "mos con Vos (We count on", "you at school) initiative.",
                            "• The development of the", "Mova Teacher’s Innovation", "Center, for teachers."]


def test_broken_words_that_fit_either_order_move_nothing() -> None:
    """Hard negative: two first lines ending 'pro-' and two rests opening in lowercase;
    the extractor may have given the rests the other way round."""
    rows = ["• The ‘Fit for All’ pro-", "", "• The ‘Demoscopio’ to pro-", "",
            "mote democratic dialogue and youth", "innovation in the city.", "",
            "gramme, an innovative and fun way", "to bring people together."]
    assert _texts(rows) == [r for r in rows if r]


ROMAN_ROW = ["i. Community workshops in the convent gardens, where el-", "",
             "ii. A reading corner in each of the town’s markets, stocked", "",
             "iii. Adult literacy circles in two languages, run with", ""]


def test_a_row_of_lettered_items_whose_broken_word_makes_a_word_only_in_this_order() -> None:
    """Items marked `i.` `ii.` `iii.`; every rest opens in lowercase, so any order pairs the
    broken word `el-`, but only the extractor's makes a word of it ("elders")."""
    rests = ["ders teach traditional crafts to young people.", "by the public library.",
             "the state education institute."]
    got = _texts(ROMAN_ROW + [r for rest in rests for r in (rest, "")][:-1])
    assert got == [line for head, rest in zip(ROMAN_ROW[::2], rests) for line in (head, rest)]


def test_a_broken_word_made_only_by_another_order_moves_nothing() -> None:
    """Hard negative: in the extractor's order `el-` meets `by the ...`: no word; another
    order would make one, so the order is not the extractor's to trust, and nothing moves."""
    rests = ["by the public library.", "ders teach traditional crafts to young people.",
             "the state education institute."]
    rows = ROMAN_ROW + [r for rest in rests for r in (rest, "")][:-1]
    assert _texts(rows) == [r for r in rows if r]


def test_a_broken_word_before_a_capital_moves_nothing() -> None:
    rows = ["• The En el Colegio Conta-", "", "• The development of the", "",
            "Mova Teacher’s Innovation", "Center, for teachers.", "", "mos con Vos (We count on",
            "you at school) initiative."]
    assert _texts(rows) == [r for r in rows if r]


def test_short_items_without_a_full_stop_stay_as_printed() -> None:
    """Hard negative: short items (room left on their lines) before two paragraphs."""
    rows = ["• Reading clubs", "", "• Sports for all", "",
            "The city also runs a festival every", "spring for all its residents.", "",
            "It opened three new libraries in the", "last ten years."]
    assert _read(rows) == [(r, True) if i in (0, 1, 2, 4) else (r, False)
                           for i, r in enumerate(r for r in rows if r)]


def test_a_first_line_set_apart_from_its_rest_joins_it() -> None:
    rows = ["• The PJ City Bus (and PJ", "", "School Bus), a free bus service", "across four city routes.", "",
            "• The Recycled Sack Project, where", "residents make bags."]
    assert _read(rows) == [("• The PJ City Bus (and PJ", True), ("School Bus), a free bus service", False),
                           ("across four city routes.", False), ("• The Recycled Sack Project, where", True),
                           ("residents make bags.", False)]
    _, repairs = restore_item_rows(lines_from_text("\n".join(rows)).lines)
    assert repairs == []  # nothing moved


def test_a_quote_after_the_list_is_never_a_rest() -> None:
    rows = ["• A library on wheels for all the", "", "• A festival held every spring in", "",
            "‘We learn together, every day of", "the year.’", "", "villages of the region.", "", "the old town."]
    assert _texts(rows) == [r for r in rows if r]


def test_pdfminer_text_of_a_margin_quote_layout_reads_whole_items() -> None:
    """pdfminer's text of a layout suite case: items in three columns come first lines first."""
    from pathlib import Path

    from booklet_extract.pipeline import parse_text

    path = Path(__file__).parent / "layouts" / "rl-landscape-margin-quote--sample" / "text" / "pdfminer.txt"
    booklet = parse_text(path.read_text(encoding="utf-8"), path=str(path))
    city = next(c for c in booklet.cities if c.number == 3)
    assert [i.text.split()[:6] for i in city.initiatives] == [
        ["Launched", "an", "entrepreneurship", "programme", "in", "cooperation"],
        ["Made", "a", "concerted", "effort", "to", "ensure"],
        ["Implemented", "the", "‘Green", "Eco-Friendly", "Schools’", "project"]]
    moved = [(f.city, f.printed) for f in booklet.flags if f.kind == "reading_order" and f.city == 3]
    assert moved == [(3, "programme in cooperation with the"), (3, "lifelong learning is available to all by"),
                     (3, "Schools’ project in 15 primary schools;")]


NUMBERS_APART = ["Aswan has:", "1)", "", "2)", "", "Launched an entrepreneurship programme in",
                 "cooperation with the Social Fund, helping", "1,000 young people.",
                 "Made a concerted effort to ensure learning", "is available to all by building 120", "",
                 "community centres.", "3)", "", "Implemented the ‘Green Schools’ project.", "",
                 "‘We learn together.’"]


def test_numbers_given_apart_from_their_items_go_back_before_them() -> None:
    """pdftotext gives a column of hanging numbers apart: `1)` `2)`, then both items."""
    doc = lines_from_text("\n".join(NUMBERS_APART))
    assert [(ln.text, ln.block_start) for ln in doc.lines][:9] == [
        ("Aswan has:", True), ("1)", True), ("Launched an entrepreneurship programme in", False),
        ("cooperation with the Social Fund, helping", False), ("1,000 young people.", False),
        ("2)", True), ("Made a concerted effort to ensure learning", False),
        ("is available to all by building 120", False), ("community centres.", True)]
    assert [(r.kind, r.printed, r.line.number) for r in doc.repairs] == [("reading_order", "2)", 4)]


def test_numbers_apart_with_another_count_of_item_starts_stay_as_printed() -> None:
    """Hard negative: two places where a sentence ends before a capital, for two numbers."""
    rows = list(NUMBERS_APART)
    rows.insert(rows.index("1,000 young people.") + 1, "The city thanks them.")
    doc = lines_from_text("\n".join(rows))
    assert [ln.text for ln in doc.lines] == [r for r in rows if r]
    assert doc.repairs == []


def test_numbers_apart_above_a_citys_stats_and_intro_go_to_the_items_after_its_lead_in() -> None:
    """pdftotext gives the column of hanging numbers before the stats and the intro
    that end on a lead-in ("... are:"): the first number goes after the lead-in, not
    onto the stats label, and both moves are reported. Hard negative: a colon inside the
    second item moves nothing of the first."""
    rows = ["1)", "", "2)", "", "Annual GDP", "US$1,200", "", "Zenda has a long tradition of adult",
            "education. Its initiatives are:", "Launched a programme for young people.", "",
            "Made an effort to open 12 centres.", "3)", "", "Opened a library.", "", "‘We learn together.’"]
    doc = lines_from_text("\n".join(rows))
    assert [(ln.text, ln.block_start) for ln in doc.lines][:9] == [
        ("Annual GDP", True), ("US$1,200", False), ("Zenda has a long tradition of adult", True),
        ("education. Its initiatives are:", False), ("1)", True),
        ("Launched a programme for young people.", False), ("2)", True),
        ("Made an effort to open 12 centres.", False), ("3)", True)]
    assert [r.printed for r in doc.repairs] == ["1)", "2)"]
    later = [*NUMBERS_APART[:9], "is available in two towns:", "Alpha and Beta.", *NUMBERS_APART[12:]]
    assert [ln.text for ln in lines_from_text("\n".join(later)).lines][:6] == [
        NUMBERS_APART[0], "1)", "Launched an entrepreneurship programme in", "cooperation with the Social Fund, helping",
        "1,000 young people.", "2)"]


def test_numbers_out_of_sequence_are_no_column() -> None:
    rows = ["1)", "3)", "Launched a programme.", "Made an effort."]
    assert [ln.text for ln in lines_from_text("\n".join(rows)).lines] == rows


def test_a_marker_alone_heads_its_rest_in_a_row() -> None:
    """The last item's first line went with its rest's box: its number stands alone."""
    rows = [*COLUMN[:4], "3.", "", *COLUMN[4:], "", "Implemented the ‘Green Schools’", "project in 15 schools."]
    assert _texts(rows) == [
        "1. Launched an entrepreneurship", "programme in cooperation with the",
        "Social Fund that has, to date, helped", "1,000 young people.",
        "2. Made a concerted effort to ensure", "lifelong learning is available to all",
        "by building 120 community centres.", "3.", "Implemented the ‘Green Schools’", "project in 15 schools."]


LETTERED_ROW = ["(a)", "", "Market-day courses in book-", "", "(b)", "", "A seed library run by the", "",
                "keeping for traders.", "", "secondary school."]


def test_a_row_whose_markers_stand_in_boxes_of_their_own_puts_the_rests_back() -> None:
    """pdfminer gives a word processor's hanging marker ("(a)") as a box of its own, then
    the item's first line as another, then the rests of the row's items: each marker and
    the line under it are the item's first line, and the rests go back after them. Hard
    negatives: a line under the marker that ends its item (a one-line item) is no first
    line, and two markers stacked over the lines move nothing either."""
    assert _texts(LETTERED_ROW) == ["(a)", "Market-day courses in book-", "keeping for traders.",
                                    "(b)", "A seed library run by the", "secondary school."]
    whole = [row.replace("book-", "bookkeeping.") for row in LETTERED_ROW]
    assert _texts(whole) == [r for r in whole if r]
    stacked = ["(a)", "", "(b)", "", *LETTERED_ROW[2:4], *LETTERED_ROW[6:]]
    assert _texts(stacked) == [r for r in stacked if r]


def test_a_page_number_over_a_caption_is_no_marker_over_a_first_line() -> None:
    """Hard negative: a bare number alone in its box (a page's number) over a one-line
    caption is no item's marker over its first line: the paragraph after the caption
    stays where it was given, not joined to the caption as its rest."""
    rows = ["Its initiatives include:", "", "16", "", "Pupils and their parents at the book fair", "",
            "The Zenda Reading Network, which", "links every library of the town.", "",
            "The Strelsau Night School, open to", "all residents every evening."]
    assert _read(rows) == [(r, i not in (7, 10)) for i, r in enumerate(rows) if r]


# The genre's patterns come from the Profile passed in, not from the module: a booklet
# whose items open with "*" (a profile that says so) has its rows put back; by default
# "*" is no marker and nothing moves.
STAR_BULLETS = replace(DEFAULT_PROFILE, box_item_marker=lazy(r"^\s*(?:\(?\d{1,2}[.)]\s+|[•▪●◦■*]\s*|–\s+)\S"))
STAR_COLUMN = [row.replace("1. ", "* ").replace("2. ", "* ") for row in COLUMN]


def test_the_profiles_item_marker_decides_what_opens_a_row() -> None:
    lines = lines_from_text("\n".join(STAR_COLUMN)).lines
    as_printed, none = restore_item_rows(lines)
    assert none == [] and as_printed == lines
    moved, repairs = restore_item_rows(lines, profile=STAR_BULLETS)
    assert [ln.text for ln in moved] == [
        "* Launched an entrepreneurship", "programme in cooperation with the",
        "Social Fund that has, to date, helped", "1,000 young people.",
        "* Made a concerted effort to ensure", "lifelong learning is available to all",
        "by building 120 community centres."]
    assert [r.printed for r in repairs] == ["programme in cooperation with the",
                                            "lifelong learning is available to all"]


def test_the_profiles_marker_alone_decides_what_a_column_of_numbers_is() -> None:
    """Numbers set as "1]" "2]": a column of them only for a profile that knows the form."""
    rows = [row.replace(")", "]") if row[:1].isdigit() and len(row) == 2 else row for row in NUMBERS_APART]
    lines = lines_from_text("\n".join(rows)).lines
    assert restore_number_columns(lines) == (lines, [])
    brackets = replace(DEFAULT_PROFILE, box_marker_alone=lazy(r"^\s*(?:\(?(?P<number>\d{1,2})[.)\]]|[•▪●◦■])\s*$"))
    moved, repairs = restore_number_columns(lines, profile=brackets)
    assert [ln.text for ln in moved][:6] == [
        "Aswan has:", "1]", "Launched an entrepreneurship programme in",
        "cooperation with the Social Fund, helping", "1,000 young people.", "2]"]
    assert [r.printed for r in repairs] == ["2]"]


def _reading_order_via(way: str, text: str, profile: Profile) -> list[str | None]:
    if way == "lines_from_text":
        return [r.printed for r in lines_from_text(text, profile=profile).repairs]
    if way == "load":
        return [r.printed for r in load(text.encode("utf-8"), profile=profile)[0].repairs]
    booklet = extract(text.encode("utf-8"), profile=profile) if way == "extract" else parse_text(text, profile=profile)
    return [f.printed for f in booklet.flags if f.kind == "reading_order"]


@pytest.mark.parametrize("way", ["lines_from_text", "load", "extract", "parse_text"])
def test_the_profile_reaches_the_text_source(way: str) -> None:
    text = "\n".join(["Aswan has:", "", *STAR_COLUMN])
    assert _reading_order_via(way, text, DEFAULT_PROFILE) == []
    assert _reading_order_via(way, text, STAR_BULLETS) == ["programme in cooperation with the",
                                                           "lifelong learning is available to all"]


def test_a_row_with_a_whole_one_line_item_puts_the_other_rest_back() -> None:
    """Two columns of lettered items, the second holding one item of a line: pdfminer gives
    the row's boxes ("(a)" first line, "(c)" whole item), then the rest of (a), then (b)
    under it. The rest goes back after its own first line, and the columns are read one
    after the other (`column_order`): (c) after (b), the one box reported moved. Hard
    negative: a first line with room for the rest's first word may have ended there:
    nothing moves."""
    row = ["(a) Reading circles that teach adults and young people the", "",
           "(c) River days that teach households to sort waste.", "", "basics of writing at home.", "",
           "(b) A weaving centre for young women.", ""]
    doc = lines_from_text("\n".join(row))
    assert [ln.text for ln in doc.lines] == [row[0], row[4], row[6], row[2]]
    assert [(r.kind, r.printed) for r in doc.repairs] == [("reading_order", row[2])]
    roomy = ["(a) Reading circles for adults", *row[1:]]
    assert _texts(roomy) == [t for t in roomy if t]


def test_every_rest_moved_past_another_block_is_reported() -> None:
    """A mixed row of a whole item and two first lines, then the two rests: both rests
    were moved past other blocks, and each move is reported (the last first line's too:
    the other rest stood between it and its own)."""
    row = ["(a) River days that teach households to sort waste.", "",
           "(b) Reading circles that teach adults and young people the", "",
           "(c) Evening classes that teach the workers of the old town", "",
           "basics of writing at home.", "", "skills for new jobs in the port.", ""]
    doc = lines_from_text("\n".join(row))
    assert [ln.text for ln in doc.lines] == [row[0], row[2], row[6], row[4], row[8]]
    assert [r.printed for r in doc.repairs] == ["basics of writing at home.", "skills for new jobs in the port."]


def _first_word_apart(before: str) -> str:
    """pdfminer's text of a city whose first item's first word stands as a box of its
    own before the item's marker (a justified first line's wide space set it apart),
    after the box `before`."""
    return f"""1. Ruritania, Zenda

{before}

Neighbourhood

1)
learning houses offering courses in literacy, crafts,
health and the arts.

2) Evening classes for the workers of the mills.

3) A festival of learning held every spring.

‘Zenda learns together.’
Ann Ek, Mayor of Zenda
"""


def test_an_items_first_word_given_before_its_marker_goes_back_after_it() -> None:
    """An item's first word given as a box before its marker alone, the item's text going
    on in lowercase after the marker, after a lead-in: the word is the item's first and
    goes back after the marker, reported (before, it stood alone and the item lost it).
    Hard negative: after a box that ends no sentence, the word may end that sentence,
    and nothing moves."""
    booklet = parse_text(_first_word_apart("Zenda is a town of learners on the river. Its initiatives include:"))
    city = booklet.cities[0]
    assert city.initiatives[0].text == ("Neighbourhood learning houses offering courses in literacy, "
                                                    "crafts, health and the arts.")
    assert len(city.initiatives) == 3
    assert [f.printed for f in booklet.flags if f.kind == "reading_order"] == ["Neighbourhood"]
    kept = parse_text(_first_word_apart("Zenda is a town of learners on the river. Its initiatives include"))
    assert not [f for f in kept.flags if f.kind == "reading_order"]
    assert not kept.cities[0].initiatives[0].text.startswith("Neighbourhood")


@pytest.mark.parametrize("markers", [("1 –", "3 –"), ("01", "03"), ("1/", "3/")])
def test_a_row_numbered_by_dressed_bare_numbers_puts_the_rests_back(markers: tuple[str, str]) -> None:
    """A designer's bare number dressed so no figure of prose is ("1 – ", "01 ", "1/ "):
    two columns' first lines read row by row, then their rests, go back item by item.
    Hard negative: a bare number with no dash and no padding ("1 Evening ...") may be a
    figure opening prose, and the lines stay as given."""
    first, second = markers
    rows = [f"{first} Evening classes in language courses for people with", "",
            f"{second} A network of 120 community learning centres that provide", "",
            "disabilities, held in schools and offices across the city.", "",
            "environmental education for women."]
    assert _texts(rows) == [rows[0], rows[4], rows[2], rows[6]]
    bare = [row.replace(first, "1").replace(second, "3") for row in rows]
    assert _texts(bare) == [row for row in bare if row]
