"""A two-column list that pdfminer read across the columns, box by box, put back column by column."""

from __future__ import annotations

import pytest

from booklet_extract.line import Line
from booklet_extract.pipeline import parse_text
from booklet_extract.sources.column_order import restore_column_lists

INTRO = "1. Ruritania, Zenda\n\nZenda is a town of learners on the river. Its main initiatives are:\n\n"
QUOTE = "\n\n‘Zenda learns together.’\n\nAnn Ek, Mayor of Zenda\n"
# The left column: a) whole, then b)'s first line; the right: b)'s rest, c) in two boxes.
# pdfminer follows the boxes' heights: a), b)'s rest, c)'s first line, b)'s first line, c)'s rest.
ACROSS = ["a) The Zenda Education Office, which advises all\nresidents on learning and training.",
          "newcomers meet to practise the language.",
          "c) A learning festival held each autumn in the old",
          "b) Language cafés in which long-time residents and",
          "town and on the castle square."]
ITEMS = ["The Zenda Education Office, which advises all residents on learning and training.",
         "Language cafés in which long-time residents and newcomers meet to practise the language.",
         "A learning festival held each autumn in the old town and on the castle square."]


def test_a_list_read_across_two_columns_is_read_column_by_column() -> None:
    booklet = parse_text(INTRO + "\n\n".join(ACROSS) + QUOTE)
    assert [i.text for i in booklet.cities[0].initiatives] == ITEMS
    moved = [f for f in booklet.flags if f.kind == "reading_order"]
    assert moved and all(f.line is not None for f in moved)


def test_a_list_already_in_order_is_left_as_printed() -> None:
    """Hard negative: the same boxes in the printed order move nothing and report nothing."""
    in_order = [ACROSS[0], ACROSS[3], ACROSS[1], ACROSS[2], ACROSS[4]]
    booklet = parse_text(INTRO + "\n\n".join(in_order) + QUOTE)
    assert [i.text for i in booklet.cities[0].initiatives] == ITEMS
    assert not [f for f in booklet.flags if f.kind == "reading_order"]


@pytest.mark.parametrize("boxes", [
    # Two ways of dealing the boxes make a list: which rest is whose, nothing says.
    ["i. Reading circles where more than 1,200 older residents follow",
     "pupils in the morning and to families at weekends.",
     "lectures, language courses and sailing classes each year.",
     "iii. A map of learning, an online register of every course,",
     "ii. Laboratories in the port’s former warehouses, open to school",
     "club and workshop offered in the town."],
    # Bullets do not count: the rests could go either way.
    ["• Courses for the", "• A school for the", "workers of the mills.", "parents of the pupils."],
    # The first line had room for the rest's first word: it may have ended its item.
    ["a) Reading circles for adults", "c) River days that teach households to sort waste.",
     "basics of writing at home.", "b) A weaving centre for young women."],
], ids=["two-ways", "bullets", "room-left"])
def test_a_list_that_two_orders_could_make_stays_as_printed(boxes: list[str]) -> None:
    """Hard negatives: where more than one dealing into two columns makes a list, the
    boxes stay in the extractor's order."""
    lines = [Line(text, n, True) for n, text in enumerate(boxes, 1)]
    restored, repairs = restore_column_lists(lines)
    assert restored == lines and not repairs


def test_where_two_ways_make_a_list_the_words_broken_at_line_ends_decide() -> None:
    """A list in two columns, each item two boxes, read row by row: two ways of dealing
    the boxes make a list ("... communi-" / "bookkeeping, ..." as well as "... communi-" /
    "ties ..."); only one mends the broken word into one of the language's words, and it is
    taken. Hard negative: where the two ways mend as many, the text stays as printed."""
    rows = ["1. Floating classrooms that bring literacy and numeracy lessons to fishing communi-",
            "bookkeeping, health and civic rights.",
            "ties on the islands of the lake.",
            "3. 3,000 teachers trained since 2018 in inclusive methods for pupils with hearing or",
            "2. A network of 40 ward learning centres where adults can follow evening courses in",
            "visual impairments."]
    booklet = parse_text(INTRO + "\n\n".join(rows) + QUOTE)
    assert [i.text for i in booklet.cities[0].initiatives] == [
        "Floating classrooms that bring literacy and numeracy lessons to fishing communities on the islands of the lake.",
        ("A network of 40 ward learning centres where adults can follow evening courses in bookkeeping, health and "
         "civic rights."),
        "3,000 teachers trained since 2018 in inclusive methods for pupils with hearing or visual impairments."]
    tie = [rows[0].replace("communi-", "many"), rows[1], rows[2].replace("ties on", "people on"), *rows[3:]]
    lines = [Line(t, n, True) for n, t in enumerate(tie, 1)]
    assert [ln.text for ln in restore_column_lists(lines)[0]] == tie
