"""Text laid out as printed (`pdftotext -layout`): columns side by side with spaces are
read one after the other (sources/text_columns.py).

Each text here is set as a layout mode sets it: every column at its own character
position, so that one line of the text runs across all the columns beside it.
"""

from __future__ import annotations

import pytest

from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.sources.lines_alone import read_line_alone
from booklet_extract.sources.margin_rows import margin_rows_after_paragraph
from booklet_extract.sources.text_columns import read_columns_apart

INTRO = ("Zenda is a small town on a lake with a long history of adult education, "
         "whose libraries, schools and museums work together. Its initiatives include:")


def _row(*cells: str, width: int = 34) -> str:
    """One line across columns `width` characters apart."""
    return "".join(cell.ljust(width) for cell in cells[:-1]) + cells[-1]


def _city(items: list[str]) -> str:
    return "\n".join(["1. Ruritania, Zenda", INTRO, *items, "",
                      "‘We believe in learning for all, at every age, in every district of the town.’",
                      "Ann Ek, Mayor of Zenda"]) + "\n"


def test_items_in_three_columns_are_read_column_by_column() -> None:
    """Each line runs across the three columns: read as given, the items came out mixed
    row by row. The attribution under the first column, after a line that ends its
    sentence, comes after all three."""
    items = [_row("1. Reading clubs that meet in", "2. Evening classes for adults", "3. A festival of learning"),
             _row("every library of the town.", "in the old school.", "held every spring.")]
    text = _city(items).replace("\n\n‘We", "\n\n" + " " * 8 + "\n‘We")
    city = parse_text(text).cities[0]
    assert [i.text for i in city.initiatives] == ["Reading clubs that meet in every library of the town.",
                                                 "Evening classes for adults in the old school.",
                                                 "A festival of learning held every spring."]
    assert city.quote is not None and city.quote.role == "Mayor of Zenda"


def test_a_stats_table_laid_out_reads_each_label_over_its_figure() -> None:
    """A stats table's row of labels over its row of figures, columns apart."""
    stats = [_row("City population", "City/urban area", "Annual GDP", width=22),
             _row("1,200,000 (2018)", "300 km2", "US$12,000", width=22)]
    items = ["1. Reading clubs in every library.", "2. Evening classes for adults."]
    text = _city(items).replace("1. Ruritania, Zenda\n", "1. Ruritania, Zenda\n" + "\n".join(stats) + "\n")
    city = parse_text(text).cities[0]
    assert city.stats.population is not None and city.stats.population.value == 1_200_000
    assert city.stats.area_km2 is not None and city.stats.area_km2.value == 300
    assert city.stats.gdp_usd is not None and city.stats.gdp_usd.value == 12_000


def test_a_first_column_item_below_a_blank_line_stays_in_its_column() -> None:
    """Two columns of bulleted items, the first holding two: its second item, below a
    paragraph's blank line, is read before the second column's."""
    rows = [_row("• Reading clubs that meet in", "• A festival of learning"),
            _row("every library of the town.", "held every spring."), "",
            "• Evening classes for adults.", "", "Ann Ek, Mayor of Zenda"]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True)]
    assert out[:6] == ["• Reading clubs that meet in", "every library of the town.", "",
                       "• Evening classes for adults.", "", "• A festival of learning"]


def test_two_facing_pages_side_by_side_are_read_one_after_the_other() -> None:
    """A booklet exported as spreads, laid out: the two pages' lines run across the
    sheet. A gutter down the whole page parts them, and each is read on its own."""
    left = ["1. Ruritania, Zenda", INTRO[:60], INTRO[60:], "1. Reading clubs in every library.",
            "2. Evening classes for adults.", "‘Zenda learns together.’", "Ann Ek, Mayor of Zenda"]
    right = ["2. Ruritania, Strelsau", "Strelsau is the capital. Its main initiatives are these:", "",
             "1. A network of community schools.", "2. A lending library on wheels.",
             "‘Strelsau learns together.’", "Rudolf Elphberg, Mayor of Strelsau"]
    sheet = "\n".join(_row(a, b, width=90) for a, b in zip(left, right, strict=True))
    cities = parse_text("The cities are Zenda and Strelsau.\n\f" + sheet + "\n").cities
    assert [(c.city, len(c.initiatives)) for c in cities] == [("Zenda", 2), ("Strelsau", 2)]
    assert [c.quote.role for c in cities if c.quote] == ["Mayor of Zenda", "Mayor of Strelsau"]


def test_justified_text_and_plain_text_are_left_as_they_are() -> None:
    """Hard negatives: justified lines whose word spaces are all wide (pdfminer) have no
    gutter, however their gaps line up; text with no run of spaces wider than a word
    space is no layout."""
    justified = ["A   network   of   reading   clubs   that   meets   in",
                 "every   district   of   the   town,   run   by   all   the",
                 "volunteers   who   give   their   evenings   to   it."]
    rows = list(enumerate(justified, 1))
    assert read_columns_apart(rows, laid_out=True) == rows
    plain = list(enumerate(["1. Reading clubs in every library.", "2. Evening classes for adults."], 1))
    assert read_columns_apart(plain) == plain


def test_a_line_alone_across_columns_is_parted_at_its_wide_gaps() -> None:
    """Two captions set side by side under the photos, one line across the page: two
    captions, not one (nor an item). A line whose widest gap is no wider than twice
    its word spaces stays whole."""
    captions = _row("Pupils at the library", "Evening class in session", width=60)
    city = parse_text(_city(["1. Reading clubs in every library.", "2. Evening classes for adults."])
                      + "\n" + captions + "\n").cities[0]
    assert city.captions == ["Pupils at the library", "Evening class in session"]
    assert len(city.initiatives) == 2
    spaced = list(enumerate([INTRO, "A    network    of    clubs       in    town"], 1))
    assert read_columns_apart(spaced, laid_out=True) == spaced


def test_an_unmarked_item_under_the_first_column_stays_in_it() -> None:
    """Unmarked items, two in the first column and one in the second: the first
    column's second item, under a blank line and set to the column's measure, is read
    before the second column. Hard negative: a one-line attribution under the columns
    comes after both."""
    rows = [_row("A network of reading clubs that meets in", "A festival of learning held in",
                 width=50),
            _row("every library of the town each week.", "the old town every spring.", width=50), "",
            "Evening classes for adults in the old school,", "held after the pupils go home.", "",
            "Ann Ek, Mayor of Zenda"]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True)]
    assert out.index("Evening classes for adults in the old school,") < out.index("A festival of learning held in")
    assert out[-1] == "Ann Ek, Mayor of Zenda"


def test_a_sidebar_of_figures_beside_the_intro_is_read_after_it() -> None:
    """A sidebar of figures over labels sharing one line only with the intro beside
    it: its lines starting at one left edge show the column, and the intro is read
    whole before it."""
    rows = ["Zenda is a small town on a lake with a long history of adult education, whose",
            _row("libraries, schools and museums work together.", "1,200", width=60),
            _row("", "City population", width=60),
            "Its initiatives include:",
            _row("", "300 km2", width=60),
            _row("", "City/urban area", width=60)]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out == [rows[0], "libraries, schools and museums work together.", "Its initiatives include:",
                   "1,200", "City population", "300 km2", "City/urban area"]


def test_a_marked_item_under_the_first_column_goes_on_in_it_without_a_blank_line() -> None:
    """The first column's second item right under its first (no blank line), the first
    ending a sentence: the item marker says the column goes on. Hard negative: the
    attribution and quote across the columns below end it."""
    rows = [_row("■ Reading clubs that meet in every", "■ A festival of learning held every", width=50),
            _row("library of the town.", "spring in the old town.", width=50),
            _row("", "■ A lending library on wheels.", width=50),
            "■ Evening classes for adults.", "",
            "Ann Ek, Mayor of Zenda   ‘Zenda learns together, in every district and at every age.’"]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out[:4] == ["■ Reading clubs that meet in every", "library of the town.", "■ Evening classes for adults.",
                       "■ A festival of learning held every"]
    assert out[-1] == rows[-1]


def test_a_name_and_role_wrapped_beside_a_one_line_quote_are_read_before_it() -> None:
    """A margin attribution wrapped over two lines beside a one-line quote: the line
    across is parted, and the role's rest (`of Zenda`, under a line ending on a word
    that needs it) goes with the name, before the quote. Hard negative: a justified
    line whose gaps are all stretched stays whole."""
    rows = [INTRO, _row("Ann Ek, Mayor", "‘Zenda learns together, in every district.’", width=30), "of Zenda", "",
            "Pupils at the library"]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out == [INTRO, "Ann Ek, Mayor", "of Zenda", "‘Zenda learns together, in every district.’",
                   "Pupils at the library"]
    justified = [INTRO, "(3) Heritage walks along the       old   town   wall"]
    assert read_columns_apart(list(enumerate(justified, 1)), laid_out=True) == list(enumerate(justified, 1))


def test_a_first_name_alone_beside_a_one_line_quote_goes_on_in_the_surname_under_it() -> None:
    """A margin attribution whose name wraps after its first name, the surname and its
    comma on the next line: the name goes on there, and the name and role are read
    before the quote (before, the first name was read alone, before the quote, and the
    surname after it). Hard negative: two capitalised lines without the comma that ends
    a name (a caption wrapped) are not run on."""
    def read(first: str, second: str) -> list[str]:
        rows = [INTRO, _row(first, "‘Zenda learns together, in every district.’", width=30), second, "Mayor of Zenda",
                "", "Pupils at the library"]
        return [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]

    assert read("Ann", "Ek-Berg,")[1:5] == ["Ann", "Ek-Berg,", "Mayor of Zenda", "‘Zenda learns together, in every district.’"]
    assert read("Reading Club", "Old Town")[1:3] == ["Reading Club", "‘Zenda learns together, in every district.’"]


def test_a_role_wrapped_in_capitalised_lines_beside_a_one_line_quote_goes_on_with_the_name() -> None:
    """A margin attribution whose role wraps where case tells nothing: after a word that
    only qualifies the title ("Chief" / "Executive of Zenda City") and over the word that
    closes the body's name ("Council", "Province"). Its lines are read with the name,
    before the quote (before, the role stopped at "Chief" and the rest became a caption).
    Hard negative: a caption wrapped in capitalised words ending on no such word stays
    after the quote."""
    def read(*lines: str) -> list[str]:
        rows = [INTRO, _row(lines[0], "‘Zenda learns together, in every district.’", width=30), *lines[1:], "",
                "Pupils at the library"]
        return [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]

    quote = "‘Zenda learns together, in every district.’"
    assert read("Ann Ek, Chief", "Executive of Zenda City", "Council")[1:5] == [
        "Ann Ek, Chief", "Executive of Zenda City", "Council", quote]
    assert read("Ann Ek,", "Governor of Zenda", "Province")[1:5] == ["Ann Ek,", "Governor of Zenda", "Province", quote]
    assert read("Ann Ek,", "Governor of Zenda", "Old Town Gallery")[1:4] == ["Ann Ek,", "Governor of Zenda", quote]


def test_a_table_under_a_wrapped_attribution_takes_none_of_its_lines_and_keeps_the_quote() -> None:
    """A stats table right under a margin attribution whose role wraps beside a one-line
    quote: the name's lines are read with it before the quote, and the table's run of
    columns takes none of them in (before, the run took the role's last lines back and
    dropped the two read last in their place: the quote and the blank line before it)."""
    quote = "‘Zenda learns together, in every district.’"
    rows = [INTRO, _row("Ann Ek, Deputy", quote, width=30), "Mayor for Education,", "Zenda",
            _row("City population", "City/urban area", "Annual GDP", width=26),
            _row("1,200,000", "450 km2", "US$3,730", width=26), "", "Pupils at the library"]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out[1:5] == ["Ann Ek, Deputy", "Mayor for Education,", "Zenda", quote]
    assert out[-1] == "Pupils at the library" and "US$3,730" in out


def test_columns_set_on_lines_of_their_own_are_read_apart() -> None:
    """Two columns whose baselines fall between each other's: the layout mode gives each
    line of either its own line of text, the first column's and the second's in turn.
    Three lines on each side alone, with a line across both ends on the gutter, show the
    gutter."""
    rows = [INTRO,
            _row("• Reading clubs that meet", "members.", width=40),
            "  in every library of the",
            _row("", "• A festival of learning", width=40),
            "  town, run by volunteers.",
            _row("", "  held in the old town", width=40),
            "  and by the schools.",
            _row("", "  every spring.", width=40)]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out == [INTRO, "• Reading clubs that meet", "in every library of the", "town, run by volunteers.",
                   "and by the schools.", "members.", "• A festival of learning", "held in the old town",
                   "every spring."]


def test_a_table_after_a_blank_line_is_not_the_columns_going_on() -> None:
    """A margin attribution beside the quote, then a blank line and a stats table whose
    columns stand elsewhere: the attribution and quote are read apart, the table after
    them, not cut at the quote's gutter. Hard negative: a paragraph after a blank line
    that starts where the second column's lines start goes on in it."""
    quote = ["‘Zenda learns together, in every district", "and at every age, in the old town and", "in the new.’"]
    rows = [INTRO, _row("Ann Ek, Mayor of", quote[0], width=24), _row("Zenda", quote[1], width=24),
            _row("", quote[2], width=24), "",
            _row("City population", "City/urban area", "Annual GDP", width=34),
            _row("1,200", "300 km2", "US$12,000", width=34)]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out[:6] == [INTRO, "Ann Ek, Mayor of", "Zenda", *quote]
    assert "City population" in out[6:]
    more = rows[:5] + [_row("", "Its people say so.", width=24), _row("", "Every year.", width=24)]
    out = [text for _, text in read_columns_apart(list(enumerate(more, 1)), laid_out=True) if text]
    assert out == [INTRO, "Ann Ek, Mayor of", "Zenda", *quote, "Its people say so.", "Every year."]


def test_a_gutter_one_space_wide_is_shown_by_the_items_numbers() -> None:
    """Narrow justified columns a layout mode set one space apart, as close as words:
    the third item's number, counting on from the second's on the same line, shows the
    gutter. Its column's lines start one character off (a layout mode rounds), and the
    second column's broken word is joined with its own next line, not the third's."""
    second = "2) Evening classes for long-time res-"
    p = 34 + len(second) + 1
    rows = [_row("1) Reading clubs that meet in", second + " 3) A festival of learning held"),
            _row("every library of the town.", "idents of the old town.".ljust(p - 34 - 1) + "in the market every spring.")]
    city = parse_text(_city(rows)).cities[0]
    assert [i.text for i in city.initiatives] == ["Reading clubs that meet in every library of the town.",
                                                 "Evening classes for long-time residents of the old town.",
                                                 "A festival of learning held in the market every spring."]


@pytest.mark.parametrize(("markers", "tail"), [(("1 –", "2 –", "3 –"), "each big"), (("i.", "ii.", "iii."), "every big"),
                                               (("(a)", "(b)", "(c)"), "each big"), (("1", "2", "3"), "each big")])
def test_a_gutter_one_space_wide_is_shown_by_numbers_dashes_numerals_and_letters(markers: tuple[str, ...],
                                                                                 tail: str) -> None:
    """The same one-space gutter, shown by items numbered "3 –", "iii.", "(c)" or a bare "3"
    (a layout tool balanced the columns: items 1 and 2 in the first, 3 in the second). A
    line of the first column that runs one word over the second column's edge, one space
    off, with nothing beside it ("... teach one"), is the first column's still."""
    first = f"{markers[0]} Reading clubs that meet in {tail}"
    over = f"{markers[1]} Evening classes where the old teach one"
    edge = len(first) + 1
    assert over.index(" one") + 1 == edge  # the word over the edge, one space off
    rows = [f"{first} {markers[2]} A festival of learning held",
            _row("library of the town.", "in the market every spring.", width=edge),
            over, "another their crafts and trades."]
    city = parse_text(_city(rows)).cities[0]
    assert [i.text for i in city.initiatives] == [f"Reading clubs that meet in {tail} library of the town.",
                                                 "Evening classes where the old teach one another their crafts and trades.",
                                                 "A festival of learning held in the market every spring."]


def test_a_gutter_one_space_wide_where_a_first_column_line_ends_right_at_it() -> None:
    """The same one-space gutter, the columns beside a stats sidebar: a line of the first
    column may end right at the second's edge, with nothing beside it (a layout mode sets
    a column's longest lines a character over). Hard negative: a word running across the
    edge leaves the lines as given
    (`test_numbers_inside_a_line_show_no_gutter_where_text_runs_across`)."""
    left = 20
    first = "1 – A workshop where the old masters"
    edge = left + len(first) + 1
    touching = "2 – Evening classes at schools, where"
    assert len(touching) == edge - left  # ends right at the second column's edge
    rows = ["City population".ljust(left) + f"{first} 3 – A city card that opens",
            "260,000",
            " " * left + "teach the young.".ljust(edge - left) + "every museum to all.",
            "Annual GDP",
            "US$9,800".ljust(left) + touching,
            " " * left + "parents learn side by side."]
    city = parse_text(_city(rows)).cities[0]
    assert [i.text for i in city.initiatives] == ["A workshop where the old masters teach the young.",
                                                 "Evening classes at schools, where parents learn side by side.",
                                                 "A city card that opens every museum to all."]


def test_numbers_inside_a_line_show_no_gutter_where_text_runs_across() -> None:
    """Hard negatives: numbers counting on inside a line of prose, and a row of numbered
    items whose next line has a word running across where the narrow gutter would be,
    are left as the layout mode gave them."""
    prose = ["Its three aims are 1) reading, 2) writing and 3) counting for everyone, in",
             "every district of the town, at every age and in every language it speaks."]
    items = [_row("1) Reading clubs that meet in", "2) Evening classes 3) A festival"),
             _row("every library of the town.", "in the old schoolhouse, every spring.")]
    for rows in (prose, items):
        out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
        assert out == [rows[0].strip() if rows is prose else "1) Reading clubs that meet in", *out[1:]]
        assert not any(line.startswith("3)") for line in out)


@pytest.mark.parametrize("mark", ["•", "–"])
def test_a_gutter_one_space_wide_is_shown_by_the_row_of_bullets(mark: str) -> None:
    """Three bulleted columns one space apart: the bullets inside the line that opens
    with one show the gutters (or its dashes, each before a capital). A layout mode
    rounds a justified line's words on its grid: under the second bullet the column's
    word starts three characters left of it, after the first column's broken word
    ("neighbour- classes"); under the third, a broken word ("ap-") stands on the
    bullet's text and is still the second column's."""
    top = "• Reading clubs that meet in • Evening classes for adults, • A festival of learning".replace("•", mark)
    second, third = top.index(f"{mark} Evening"), top.index(f"{mark} A festival")
    middle = "all the towns' neighbour- classes and courses for all, in an ap- and reading in the"
    assert middle.index("classes") == second - 3 and middle.index("ap-") == third + 2
    bottom = "hoods.".ljust(second) + "prentice scheme.".ljust(third - second) + "market square."
    city = parse_text(_city([top, middle, bottom])).cities[0]
    assert [i.text for i in city.initiatives] == [
        "Reading clubs that meet in all the towns' neighbourhoods.",
        "Evening classes for adults, classes and courses for all, in an apprentice scheme.",
        "A festival of learning and reading in the market square."]


def test_a_dash_going_on_in_lowercase_shows_no_gutter() -> None:
    """Hard negative: a line opening on a dash whose other dash goes on in lowercase is
    prose's dash ("... of the town – a home for every learner ..."), even with a word
    starting under it on the next line: the lines stay whole."""
    prose = ["– Reading clubs meet in the town – a home for every one",
             "of us who live on the lake shore or in the hills all year."]
    dash = prose[0].index("– a")
    assert prose[1][dash - 1] == " " and prose[1][dash] != " "  # a word starts under it
    assert [text for _, text in read_columns_apart(list(enumerate(prose, 1)), laid_out=True)] == prose


def test_a_bullet_hung_at_the_end_of_the_column_before_opens_its_own_column() -> None:
    """A layout mode set the second column's hanging bullet left of the gutter, right
    after the first column's text ("... free access •      A waste bank ..."): it opens
    the second column's item, not the first column's line."""
    rows = [_row("•   Reading clubs with free access •", "A festival of learning held", width=48),
            _row("    in every library of the town.", "in the market every spring.", width=48)]
    city = parse_text(_city(rows)).cities[0]
    assert [i.text for i in city.initiatives] == ["Reading clubs with free access in every library of the town.",
                                                 "A festival of learning held in the market every spring."]


def test_a_bullet_ending_a_column_line_stays_where_no_column_goes_on_beside_it() -> None:
    """Hard negative: a bullet ending the first column's line with nothing beside it on
    that line stays on its line."""
    rows = [_row("Reading clubs, music and art •", "", width=48).rstrip(),
            _row("in every library of the town.", "A festival of learning held", width=48),
            _row("Evening classes for adults.", "in the market every spring.", width=48)]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out[0] == "Reading clubs, music and art •"


def test_a_list_number_hung_at_the_end_of_the_column_before_opens_its_own_column() -> None:
    """A layout mode set the third column's hanging number left of the gutter, one
    space after the second column's text ("... for adults, which re-   3." |
    "A festival ..."), the gutter before it a single space: it opens the third column's
    item, which its next lines hang on. Hard negative: a number ending a column's
    sentence ("... of rule 3.") that counts on from no number on its line stays there."""
    rows = ["1.   Reading clubs that meet      2.   Evening classes for adults, which re-    3.   A festival of learning",
            "     in every library of the           main open to all in the old town and its      held in the market every",
            "     town, every week.                 school.                                       spring."]
    city = parse_text(_city(rows)).cities[0]
    assert [i.text for i in city.initiatives] == [
        "Reading clubs that meet in every library of the town, every week.",
        "Evening classes for adults, which remain open to all in the old town and its school.",
        "A festival of learning held in the market every spring."]
    prose = ["Reading clubs keep the terms of rule 3.     A festival of learning",
             "Each club meets in a library.               is held every spring."]
    out = [text for _, text in read_columns_apart(list(enumerate(prose, 1)), laid_out=True) if text]
    assert out == ["Reading clubs keep the terms of rule 3.", "Each club meets in a library.",
                   "A festival of learning", "is held every spring."]


def test_bullets_inside_a_line_show_no_gutter_where_text_runs_across() -> None:
    """Hard negatives: a bulleted line naming things with bullets between them, whose
    next line runs across where the gutter would be, and a list with no line under
    its first, are left as the layout mode gave them."""
    prose = ["• Its aims: • reading • writing • counting for everyone, from the lake shore to",
             "the hill farms, for young and old, in whichever tongue each household uses."]
    alone = ["• Reading clubs in every library • Evening classes for adults"]
    for rows in (prose, alone):
        out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
        assert out == rows


def test_the_matter_under_bullets_one_space_apart_is_not_cut_at_their_gutter() -> None:
    """The attribution and the quote under a row of bulleted columns one space apart
    (no blank line between) run across the gutter: they are the matter under the list,
    read whole after it, not cut where the columns were."""
    top = "• Reading clubs that meet in • Evening classes for all"
    second = top.index("• Evening")
    rows = [top, "every library of the town.".ljust(second) + "in the old schoolhouse.",
            "Ann Ek, Mayor of Zenda",
            "‘Our lamps stay lit after dark so that the ferry workers can come and read with us.’"]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out == ["• Reading clubs that meet in", "every library of the town.", "• Evening classes for all",
                   "in the old schoolhouse.", *rows[2:]]


def test_a_right_columns_hanging_bullets_are_no_column_of_their_own() -> None:
    """Two columns of bulleted items, each bullet hanging left of its text: the second
    column opens with the end of an item the first column broke off ("based clinics."),
    set on its text's edge, with the next bullet below it. The band between the second
    column's bullets and its text is no gutter (only markers stand between it and the
    gutter before), so the broken item's end is read before the next bullet. Hard
    negative: the first column's bullets beside their text stay with their lines."""
    rows = [_row("▪      Reading clubs that meet in every", "       based clinics.", width=48),
            _row("       library of the town.", "", width=48),
            _row("", "▪      A youth programme that places", width=48),
            _row("▪      Training for nurses who staff home-", "       pupils in the town hall.", width=48)]
    out = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True) if text]
    assert out == ["▪      Reading clubs that meet in every", "library of the town.",
                   "▪      Training for nurses who staff home-", "based clinics.", "▪      A youth programme that places",
                   "pupils in the town hall."]


def _read(rows: list[str]) -> list[str]:
    return [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True)]


def test_narrow_justified_columns_whose_word_spaces_match_the_gutter_on_one_line() -> None:
    """Three narrow justified columns three spaces apart: on one line of six, two
    columns stretched their word spaces to three spaces and more, as wide as the
    gutters, so that line alone cannot tell them from word spaces. The gutters run down
    every line and the other five part at gaps far wider than their words': the lines are
    read column by column. Hard negative: three justified lines whose spaces are all
    alike have no gutter, however their gaps line up."""
    cols = [["1. The Zenda Reading Club,", "which meets in every", "library of the town for", "young and old on the",
             "first Monday of each", "month, all year round."],
            ["2. Evening classes in", "the old school, where", "volunteers    teach    the", "adults of the valley",
             "their trades and crafts", "for a small fee."],
            ["3. A festival of learning", "held each spring in", "all    the    squares    of", "the town, with music",
             "and readings for all", "families."]]
    rows = ["   ".join(cell.ljust(26) for cell in row).rstrip() for row in zip(*cols, strict=True)]
    assert [text for text in _read(rows) if text] == [text for col in cols for text in col]
    justified = ["A   network   of   reading   clubs   that   meets   in",
                 "every   district   of   the   town,   run   by   all   the",
                 "volunteers   who   give   their   evenings   to   it   and",
                 "the   library   which   opens   its   rooms   to   them."]
    assert _read(justified) == justified


def test_a_caption_beside_another_wrapped_goes_on_under_its_own_edge() -> None:
    """Two captions side by side, the right one wrapped onto a line of its own that
    starts on its left edge: that line goes on with it, read right after it (no
    indent, so no new block). Hard negatives: a longer line under it (a heading over
    its intro) and a line under a caption that ends a sentence open their own blocks."""
    assert _read([_row("READING CLUB IN ALPHA", "EVENING CLASS IN THE OLD", width=40), " " * 40 + "TOWN HALL"]) == [
        "READING CLUB IN ALPHA", "", "EVENING CLASS IN THE OLD", "TOWN HALL"]
    longer = " " * 40 + "A much longer line of text under the caption."
    assert _read([_row("READING CLUB IN ALPHA", "EVENING CLASS", width=40), longer])[-1] == " " + longer.strip()
    assert _read([_row("READING CLUB IN ALPHA.", "EVENING CLASS.", width=40), " " * 40 + "TOWN HALL"])[-1] == " TOWN HALL"


def test_a_caption_in_capitals_wrapped_under_the_first_part_goes_on_with_it() -> None:
    """Captions set in capitals side by side, the left one wrapped: case tells nothing
    of a line running on, so a line in capitals under one that ends no sentence goes
    on with it (in lowercase, a small last word says so, as before). Hard negative: a
    line in capitals under one that ends a sentence stays apart."""
    assert _read([_row("READING CLUB IN THE", "EVENING CLASS", width=40), "OLD TOWN HALL"]) == [
        "READING CLUB IN THE", "OLD TOWN HALL", "", "EVENING CLASS"]
    assert _read([_row("READING CLUB.", "EVENING CLASS", width=40), "OLD TOWN HALL"]) == [
        "READING CLUB.", "", "EVENING CLASS", "OLD TOWN HALL"]


def test_a_gutter_one_space_wide_is_shown_by_balanced_columns_numbers() -> None:
    """Columns a layout tool balanced: the first holds items 1 and 2, the second 3 and
    4, one space apart. "3." after "1." on a line numbers a later item of the same list
    (not the next), and the lines under it start at its column: the gutter is there.
    Hard negative: a later number in another dress ("1." then "3)") shows nothing."""
    left = ["1. Reading clubs that meet in the", "library of the town every week.", "2. Evening classes for workers",
            "of the mills in the old town."]
    right = ["3. A festival of learning held", "in the market every spring.", "4. Radio lessons for the villages",
             "of the hills and the valleys."]
    rows = [f"{a} {b}" if k == 0 else a.ljust(len(left[0]) + 1) + b for k, (a, b) in enumerate(zip(left, right))]
    assert _read(rows) == [*left, "", *right]
    other = [rows[0].replace("3. A", "3) A"), *rows[1:]]
    assert _read(other)[0] == other[0]


def test_a_pages_columns_one_space_apart_are_read_apart_beside_the_facing_page() -> None:
    """The balanced columns above (one space apart, "1." then "3." on a line) on the left
    of two facing pages: across the whole sheet the numbers stood too far apart for
    columns of one measure, and the row ran across; each page's columns are looked for
    such numbers too. Hard negative: a later number in another dress shows nothing."""
    left = ["1. Reading clubs that meet in the", "library of the town every week.", "2. Evening classes for workers",
            "of the mills in the old town."]
    right = ["3. A festival of learning held", "in the market every spring.", "4. Radio lessons for the villages",
             "of the hills and the valleys."]
    page = [f"{a} {b}" if k == 0 else a.ljust(len(left[0]) + 1) + b for k, (a, b) in enumerate(zip(left, right))]
    facing = ["Beta is a town of singers. Its initiatives include:", "1. Choirs in every school.",
              "2. Book boxes in the markets.", "3. Songs on the radio."]
    rows = [row.ljust(90) + other for row, other in zip(page, facing, strict=True)]
    assert _read(rows) == [*left, "", *right, "", *facing]
    other = [rows[0].replace("3. A", "3) A"), *rows[1:]]
    assert _read(other)[0] == other[0][:90].rstrip()


def test_a_first_columns_next_item_under_two_items_side_by_side_is_read_before_the_second() -> None:
    """A balanced list of three one-line items in two columns: the line holding the first
    column's first item and the second column's is parted at its wide gap, and the item
    under the first (from its edge, ending before the second) is read before the second
    column's: columns are read down before across. Hard negative: numbered items whose
    number under the first counts past the second's were read across, and stay so."""
    bullets = [_row("▪ Reading clubs in every library.", "▪ A festival of learning.", width=44),
               "▪ Evening classes for adults."]
    out = [text for _, text in read_columns_apart(list(enumerate(bullets, 1)), laid_out=True) if text]
    assert out == ["▪ Reading clubs in every library.", "▪ Evening classes for adults.", "▪ A festival of learning."]
    numbered = [_row("1. Reading clubs in every library.", "2. A festival of learning.", width=44),
                "3. Evening classes for adults."]
    out = [text for _, text in read_columns_apart(list(enumerate(numbered, 1)), laid_out=True) if text]
    assert out == ["1. Reading clubs in every library.", "2. A festival of learning.", "3. Evening classes for adults."]
    balanced = [_row("1. Reading clubs in every library.", "3. A festival of learning.", width=44),
                "2. Evening classes for adults."]
    out = [text for _, text in read_columns_apart(list(enumerate(balanced, 1)), laid_out=True) if text]
    assert out == ["1. Reading clubs in every library.", "2. Evening classes for adults.", "3. A festival of learning."]


def test_a_caption_over_its_paragraph_with_space_between_is_a_block_of_its_own() -> None:
    """A photo's caption set over the intro, a stats box beside them: where the caption's
    column is blank on the line between (space under the caption, the box's text beside
    it), the short caption that ends no sentence is parted from the intro's full first
    line. Hard negatives: no blank beside-line between them, and a name wrapped in a
    narrow column (as short as the line under it), are read on as given."""
    intro = ["Zenda, a town of ferries and orchards on a lake, keeps its evening schools",
             "open all year, and its boatyards teach trades to the young. Its initiatives include:"]

    def read(rows: list[str]) -> list[str]:
        return [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True)]

    rows = [_row("Reading club in the old library", "City population", width=80), _row("", "(2021)", width=80),
            _row(intro[0], "12,500", width=80), _row(intro[1], "Annual GDP", width=80)]
    out = read(rows)
    assert out[: out.index(intro[0]) + 1] == ["Reading club in the old library", "", intro[0]]
    together = [rows[0], rows[2], rows[3]]
    assert read(together)[:2] == ["Reading club in the old library", intro[0]]
    name = [_row("Ann Ekberg", "City population", width=30), _row("", "(2021)", width=30),
            _row("Mayor of Zenda", "12,500", width=30), _row("", "Annual GDP", width=30)]
    assert read(name)[:2] == ["Ann Ekberg", "Mayor of Zenda"]


def _margin_between(above: str, below: str, shared: bool = False) -> list[str]:
    """A paragraph's two lines with a sidebar's figure and label set on rows of their own
    between them (the sidebar's baselines fall between the body's), as a layout mode
    gives them, two characters right of the line above; then the sidebar's next entry,
    its figure beside the paragraph's last line where `shared`."""
    last = [_row(below, "300 km2", width=86)] if shared else [below, _row("", "300 km2", width=86)]
    return [above, _row("", "1,200", width=86), _row("", "City population", width=86), *last,
            _row("", "City/urban area", width=86)]


def test_a_sidebars_rows_between_a_paragraphs_lines_are_read_after_its_sentence() -> None:
    """A sidebar whose rows fall between two lines of the intro beside it: the line above
    ends no sentence and the line below goes on in lowercase at the same edge, so the
    intro runs on across the sidebar's rows, which are read after its sentence, before the
    sidebar's next entry (before, they parted the intro into two paragraphs). So it does
    after a comma, before a capital. Hard negatives: above them a line that ends a
    sentence, or below them one that opens with a capital after a line ending on a word,
    leave the rows where they are: a new paragraph may open there."""
    def read(above: str, below: str, shared: bool = False) -> list[str]:
        rows = list(enumerate(_margin_between(above, below, shared), 1))
        return [text.strip() for _, text in read_columns_apart(rows, laid_out=True) if text]

    above = "Zenda is a small town on a lake with a long history of adult education, and all its"
    for shared in (False, True):
        assert read(above, "libraries and schools work together. Its initiatives include:", shared) == [
            above, "libraries and schools work together. Its initiatives include:",
            "1,200", "City population", "300 km2", "City/urban area"]
    comma = "Zenda is a small town on a lake with a long history of adult education, as Strelsau,"
    assert read(comma, "Vesk and Orlo, whose schools work together. Their initiatives include:")[1].startswith("Vesk")
    ended = "Zenda is a small town on a lake with a long history of adult education and learning."
    for first, second in ((ended, "libraries and schools work together. Its initiatives include:"),
                          (above, "Libraries and schools work together. Its initiatives include:")):
        rows = list(enumerate(_margin_between(first, second), 1))
        assert margin_rows_after_paragraph(rows, rows) == rows


def _sidebar_over_caption(after: str) -> list[str]:
    """A city's heading, a stats sidebar whose last figure alone shares a line with a
    caption, the intro under the caption (its lines within the body's measure), then
    `after`, and a quote across the page (no gutter runs down all of it)."""
    return ["1. Ruritania, Zenda", _row("", "City population", width=60), _row("", "1,200 (2020)", width=60),
            _row("", "Annual GDP", width=60), _row("Reading club in the library", "US$5,000", width=60),
            "Zenda is a small town on a lake with a long history", "of adult education. Its initiatives include:", after,
            "", "‘We believe in learning for all, at every age, in each quarter of the town.’"]


def test_a_sidebar_sharing_only_its_last_line_is_read_as_a_column_by_its_lines_above() -> None:
    """A sidebar whose only line beside the body is its last figure (beside a caption):
    its lines above, starting on the same edge, show the column, and the figure is read
    with its label, after the body (before, the figure came after the caption and the
    label above it stood alone). Hard negative: where the line after the run is a line
    of one column running across the gutter (the intro going on), nothing is cut."""
    def read(after: str) -> list[str]:
        rows = list(enumerate(_sidebar_over_caption(after), 1))
        return [text.strip() for _, text in read_columns_apart(rows, laid_out=True) if text]

    assert read("") == ["1. Ruritania, Zenda", "Reading club in the library",
                        "Zenda is a small town on a lake with a long history",
                        "of adult education. Its initiatives include:",
                        "City population", "1,200 (2020)", "Annual GDP", "US$5,000", _sidebar_over_caption("")[-1]]
    across = "and a paragraph that goes on under the sidebar, past the gutter"
    assert read(across)[1:4] == ["City population", "1,200 (2020)", "Annual GDP"]


def test_a_sidebar_over_a_caption_alone_and_a_list_under_the_intro_is_read_as_a_column() -> None:
    """A stats sidebar whose last figure alone shares a line with the intro, a caption of
    the body alone on a line between two of its entries, and a list under the intro
    shorter than the body's measure, a quote across the page under it (no gutter runs down
    all of it): the sidebar's lines above, passing over the caption, show its column, and
    the list's lines, ending left of the gutter, do not run across it. The figure is read with its label after the intro (before, it ran into the intro's
    first line, the label and the caption into the intro above it). Hard negative: where
    the intro's next line runs on past the gutter, the sidebar is read where it stands."""
    def rows(second: str) -> list[tuple[int, str]]:
        return list(enumerate(["1. Ruritania, Zenda", _row("", "City population", width=60),
                               _row("", "1,200 (2020)", width=60), "Reading club in the library",
                               _row("", "Annual GDP", width=60),
                               _row("Zenda is a small town on a lake with a long history", "US$5,000", width=60),
                               second, "• Reading clubs in every library.", "• Evening classes for adults.", "",
                               "‘We believe in learning for all, at every age, in each quarter of the town and beyond.’"],
                              1))

    got = [text.strip() for _, text in read_columns_apart(rows("of adult education. Its initiatives include:"),
                                                          laid_out=True) if text.strip()]
    intro = got.index("Zenda is a small town on a lake with a long history")
    assert got[intro + 1] == "of adult education. Its initiatives include:"
    label = got.index("Annual GDP")
    assert got[label + 1] == "US$5,000" and got[label - 1] == "1,200 (2020)"
    across = "of adult education, which goes on under the sidebar past the gutter. Its initiatives:"
    got = [text.strip() for _, text in read_columns_apart(rows(across), laid_out=True) if text.strip()]
    assert got[1:4] == ["City population", "1,200 (2020)", "Reading club in the library"]


def test_a_caption_beside_a_sidebars_last_line_is_parted_from_the_paragraph_under_it() -> None:
    """A caption that shares its line with a sidebar's last figure, over the intro whose
    lines stand alone: a short line beside another column's text that ends no sentence,
    then a longer line alone that opens with a capital, is a caption over a paragraph;
    a blank line parts them (before, the caption opened the intro). Hard negative: a
    role wrapped in a margin beside a quote ("Chair of" / "Zenda Town Council")
    has both lines beside the quote's, and goes on."""
    rows = list(enumerate(_sidebar_over_caption(""), 1))
    got = [text.strip() for _, text in read_columns_apart(rows, laid_out=True)]
    at = got.index("Reading club in the library")
    assert got[at + 1 : at + 3] == ["", "Zenda is a small town on a lake with a long history"]
    margin = [_row("Ann Ek,", "‘We believe in learning for all, at every age,", width=20),
              _row("Chair of", "in each quarter of the town, and we will go on", width=20),
              _row("Zenda Town Council", "opening our schools to anyone keen to learn.’", width=20)]
    read = [text.strip() for _, text in read_columns_apart(list(enumerate(margin, 1)), laid_out=True)]
    assert read[:3] == ["Ann Ek,", "Chair of", "Zenda Town Council"]


def _caption_under_item(space: int) -> list[str]:
    """A margin quote beside an item that ends a sentence, then `space` lines with text
    in the margin only, then a caption beside the attribution."""
    quote = ["learning where its", "people meet and read.’"][:space]
    return [_row("‘Zenda is a town of", "A reading week held every winter in the old town square.", width=28),
            *quote, _row("Ann Ek, Mayor", "Reading in the garden", width=28)]


def test_a_caption_under_a_column_space_after_a_sentence_is_parted_from_it() -> None:
    """A body column's item that ends a sentence, two lines of the column's own space
    (the margin quote goes on beside them), then a short line opening with a capital
    that ends no sentence: a caption, parted from the item by a blank line (before, the
    paragraph logic ran the caption into the item). Hard negative: one line of space, as
    a sidebar at its own baselines leaves between a paragraph's lines, parts nothing."""
    def body(space: int) -> list[str]:
        out = [text for _, text in read_columns_apart(list(enumerate(_caption_under_item(space), 1)), laid_out=True)]
        return out[out.index("A reading week held every winter in the old town square."):]

    assert body(2) == ["A reading week held every winter in the old town square.", "", "Reading in the garden"]
    assert body(1) == ["A reading week held every winter in the old town square.", "Reading in the garden"]


def test_an_items_hanging_indent_goes_on_with_it_in_laid_out_text() -> None:
    """Laid-out text outside columns: a bulleted item's next lines stand indented to
    where its text starts after the bullet (a hanging indent). They go on with the item,
    whatever they open with (before, a line opening "(environmental" was read as a new
    block: a caption). Under a line holding two items side by side, a line indented to
    the first item's text goes on with that item, read before the second."""
    rows = [_row("", "Award booklet 5", width=40), "Zenda is a town of learners. Its initiatives include:",
            "▪ Its green plan, which rests on the three pillars of the",
            "  (environmental, economic and social), the goals of the town.", "",
            "▪ The annual day of volunteers, held in every district."]
    got = [text for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True)]
    assert got[3] == "(environmental, economic and social), the goals of the town."
    side = [_row("1.   The Zenda reading festival, held", "3.   A town council for the young.", width=45),
            "     each spring."]
    assert [text for _, text in read_columns_apart(list(enumerate(side, 1)), laid_out=True) if text] == [
        "1.   The Zenda reading festival, held", "each spring.", "3.   A town council for the young."]


def test_a_bullet_hung_at_the_end_of_the_column_before_opens_the_item_beside() -> None:
    """Laid-out text: a line alone holds two bulleted items side by side, the second's
    bullet set one space after the first's last word ("... to newcomers •", then the
    gutter), as a layout mode places a bullet hanging left of its column. The bullet
    opens the second item, the tab after the first bullet is no gutter, and the first
    item's next line, indented to its text past the bullet, goes on with it before the
    second. Hard negative: a bullet ending the line, nothing after it, stays where it is."""
    rows = ["Zenda has welcomed many newcomers. Its efforts include:",
            "•      The Zenda Study Rooms, which lend books to newcomers •             A youth council for the young.",
            "       and their neighbours alike.", ""]
    assert [text for text in _read(rows) if text] == [
        rows[0], "• The Zenda Study Rooms, which lend books to newcomers", "and their neighbours alike.",
        "• A youth council for the young."]
    end = ["Zenda has welcomed many newcomers.", "Reading club in the harbour             Walks in the old town •", ""]
    assert [text for text in _read(end) if text][-1] == "Walks in the old town •"
    # A narrow justified column's item line parted at its stretched space: the part
    # beside opens no item, so the line under the item's text is not taken before it.
    justified = [(1, "(2) Pottery         work-"), (2, "    shops in the hills and"), (3, "    valleys."), (4, "")]
    assert read_line_alone(justified, 0, None, DEFAULT_PROFILE)[1] == 1
    # An item's end the column before began, set at the top of the next column, ends a
    # sentence: the item beside it goes on under its text before that end is read.
    flowed = [(1, "2. Courses in two languages for         tal skills."), (2, "   farmers keen to gain digi-"), (3, "")]
    assert [text for _, text in read_line_alone(flowed, 0, None, DEFAULT_PROFILE)[0] if text] == [
        "2. Courses in two languages for", "farmers keen to gain digi-", "tal skills."]


def _numbered_narrow_columns(second_marker: str, third_marker: str) -> list[str]:
    """Three narrow justified columns of numbered items, 34 characters apart, their
    stretched word spaces (four and five) as wide as the gutters (four)."""
    first = ["1)    Evening    classes", "for     miners    and    their", "wives    at    the    pit", "in the town hall."]
    second = [f"{second_marker} Farm schools for", "young    growers    who    sell", "rice     and     coffee    at", "the market."]
    third = [f"{third_marker} A festival held", "each    spring    in    the", "old square.", ""]
    return [a.ljust(34) + b.ljust(34) + c for a, b, c in zip(first, second, third)]


def test_numbered_items_side_by_side_show_their_gutters_past_justified_word_spaces() -> None:
    """Layout-mode text: three narrow justified columns of items whose word spaces are
    as wide as the gutters, on most lines, so their lines alone cannot tell gutter from
    word space. A line opening each column with a list number that counts on from the
    one before ("1)", "2)", "3)") shows the gutters: the columns are read one after the
    other. Hard negative: numbers that number no later item ("1)", "1)", "1)") show
    nothing, and the lines stay as given."""
    rows = _numbered_narrow_columns("2)", "3)")
    assert [text for text in _read(rows) if text] == [
        "1)    Evening    classes", "for     miners    and    their", "wives    at    the    pit", "in the town hall.",
        "2) Farm schools for", "young    growers    who    sell", "rice     and     coffee    at", "the market.",
        "3) A festival held", "each    spring    in    the", "old square."]
    assert _read(_numbered_narrow_columns("1)", "1)"))[0].startswith("1)    Evening    classes    ")


def test_captions_side_by_side_on_a_line_alone_part_at_narrower_gaps_too() -> None:
    """Three captions side by side on a line alone: the layout mode leaves gaps of
    different widths between them (seven spaces, then four). Once one gap is wide, a
    narrower one between two runs of words set a space apart parts the line too. Hard
    negative: a justified line's stretched spaces between single words part nothing more
    (the line stays whole, as its gap is no wider than three of its word spaces)."""
    captions = ["Photos", "Reading club in Zenda       Pupils at the school    Book fair in Klow", ""]
    assert [text for text in _read(captions) if text] == [
        "Photos", "Reading club in Zenda", "Pupils at the school", "Book fair in Klow"]
    justified = ["Heritage walks along the       old   town   wall", ""]
    assert [text for text in _read(justified) if text] == ["Heritage walks along the       old   town   wall"]


def test_a_narrow_justified_columns_two_word_lines_stay_whole() -> None:
    """Layout-mode text of one narrow justified column: lines of two words stretched to
    its measure leave one wide gap each. Two such lines with their gaps meeting are no
    two columns (their second words end on the column's edge but start apart), and one
    alone, under a line whose words run across its gap, is no two cells: every line
    stays whole. Hard negatives: two one-word captions side by side under a line that
    leaves their gap blank are parted, and so are a stats box's labels over their
    figures, each column's text starting on one edge."""
    column = ["Evening classes in the town for", "woodworking     apprentices", "carpenters,          potters",
              "and all keen to master a trade."]
    assert [text for text in _read(column) if text] == column
    alone = ["tends the flowers by the", "riverside       gardens,", "weekly           lessons",
             "and shady lanes."]
    assert [text for text in _read(alone) if text] == alone
    captions = ["Photos", "Festival          Workshop", ""]
    assert [text for text in _read(captions) if text] == ["Photos", "Festival", "Workshop"]
    box = ["Population          Area", "1,200               56"]
    assert [text for text in _read(box) if text] == ["Population", "1,200", "Area", "56"]


def test_a_margin_quote_going_on_below_the_body_stays_in_its_column() -> None:
    """A layout mode's page: a quote set in a margin column beside the body's items, its
    last sentences below the body's last line. The quote's lines stay together, read
    with the margin column, though a line of it ends a sentence where the body ends: the
    quotation is still open. Hard negative: after the quote's closing mark, a line under
    the margin column is the matter after the columns."""
    rows = [_row("‘Every reader of Zenda", "1. Reading clubs that meet in every library", width=28),
            _row("has a book to share", "of the town each week.", width=28),
            _row("and a story to tell.", "2. Evening classes for adults in the school.", width=28),
            "We make the room where", "all of us can meet.’", "", "Ann Ek, Mayor of Zenda"]
    out = [text.strip() for _, text in read_columns_apart(list(enumerate(rows, 1)), laid_out=True)]
    quote = out.index("‘Every reader of Zenda")
    assert out[quote:quote + 5] == ["‘Every reader of Zenda", "has a book to share", "and a story to tell.",
                                    "We make the room where", "all of us can meet.’"]
    assert out[-1] == "Ann Ek, Mayor of Zenda"
    assert out.index("2. Evening classes for adults in the school.") < out.index("Ann Ek, Mayor of Zenda")


def test_an_attribution_beside_its_quote_keeps_its_role_wrapped_under_the_quote_row() -> None:
    """Layout-mode text: the attribution's first line and the quote share a row, the
    role's rest on the row below ("Ann Ek, Deputy   ‘We learn ...’" / "Mayor for
    Education, Zenda"). The row is parted into its pieces, read row by row, so the quote
    comes between the attribution's two lines: the role still goes on past it."""
    text = "\n".join(["1. Ruritania, Zenda", INTRO, "",
                      "1. Reading clubs that meet in every library of the town.", "",
                      "2. Evening classes for adults in the old school.", "",
                      _row("Ann Ek, Deputy", "‘We believe in learning for all, at every age, in every district.’", width=40),
                      "Mayor for Education, Zenda", "Children at the harbour library"]) + "\n"
    city = parse_text(text).cities[0]
    assert city.quote is not None
    assert (city.quote.text, city.quote.speaker, city.quote.role) == (
        "We believe in learning for all, at every age, in every district.", "Ann Ek", "Deputy Mayor for Education, Zenda")
