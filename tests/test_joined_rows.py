"""Two columns of items whose first lines pdftotext ran into one line (`sources/joined_rows.py`)."""

from __future__ import annotations

import pytest

from booklet_extract.line import Line
from booklet_extract.sources.joined_rows import part_joined_rows
from booklet_extract.sources.text import lines_from_text


def _lines(*texts: str) -> list[Line]:
    return [Line(text, n, block_start=n == 1) for n, text in enumerate(texts, 1)]


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


@pytest.mark.parametrize(("first", "third", "second"), [("1.", "3.", "2."), ("a)", "c)", "b)")],
                         ids=["numbers", "letters"])
def test_joined_first_lines_are_parted_and_the_rows_after_read_in_turn(first: str, third: str, second: str) -> None:
    """"1. ... 3. ..." (or "a) ... c) ...") in the middle of a sentence: the second column
    begins at the later marker of the list, and the lines after it alternate between the
    columns, each column's last line ending its item. Each moved line is reported."""
    lines = _lines(f"{first} Reading clubs that meet in every library {third} A festival of learning held in the",
                   "of the town and its villages.", "old square every spring.", f"{second} Evening classes for adults.")
    out, repairs = part_joined_rows(lines)
    assert _texts(out) == [f"{first} Reading clubs that meet in every library", "of the town and its villages.",
                           f"{third} A festival of learning held in the", "old square every spring.",
                           f"{second} Evening classes for adults."]
    assert out[2].block_start and [r.kind for r in repairs] == ["reading_order", "reading_order"]


def test_a_second_column_ending_on_the_joined_line_leaves_the_rest_to_the_first() -> None:
    lines = _lines("1. Free access to computers in every 3. A school of arts, open to all adults.",
                   "library of the town.", "2. Evening classes for adults.")
    out, _ = part_joined_rows(lines)
    assert _texts(out) == ["1. Free access to computers in every", "library of the town.",
                           "3. A school of arts, open to all adults.", "2. Evening classes for adults."]


def test_joined_lines_that_do_not_read_in_turn_are_left_as_given() -> None:
    """Hard negatives: a column whose last line does not end its item; a line before a
    column's last that ends an item; a number that does not count on ("1. ... 1."); a
    number or a bullet after a hyphen (joining the word would change the text as given);
    a second bullet after the first's item ended."""
    cases = [
        ("1. Reading clubs that meet in every library 3. A festival of learning held in the",
         "of the town and its villages.", "old square every", "spring and"),
        ("1. Reading clubs that meet in every library 3. A festival of learning held in the",
         "of the town.", "old square.", "And more.", "In spring."),
        ("2. Reading clubs that meet in every library 1. A festival of learning held in the",
         "of the town and its villages.", "old square every spring."),
        ("1. Reading clubs that meet in every net- 3. A festival of learning held in the",
         "work of the town and its villages.", "old square every spring."),
        ("• Reading clubs that meet in every net- • A festival of learning held in the",
         "work of the town and its villages.", "old square every spring."),
        ("• Reading clubs in every library. • A festival of learning held in the",
         "old square every spring.", "Ann Ek, Mayor"),
    ]
    for texts in cases:
        lines = _lines(*texts)
        out, repairs = part_joined_rows(lines)
        assert _texts(out) == list(texts) and not repairs, texts


def test_a_column_whose_item_ended_leaves_the_rest_to_the_other() -> None:
    """The first column's item ends on its second line, the second column's takes two
    more: dealt in turn until the first column's item ended, the rest go to the second.
    (Before, an odd count of lines after the joined line was left as given.)"""
    lines = _lines("1. Reading clubs that meet in every library 3. A festival of learning held in the",
                   "of the town and its villages.", "old square every", "spring.")
    out, _ = part_joined_rows(lines)
    assert _texts(out) == ["1. Reading clubs that meet in every library", "of the town and its villages.",
                           "3. A festival of learning held in the", "old square every", "spring."]


def test_a_bullet_inside_the_line_opens_the_second_column() -> None:
    """Bulleted columns: the line opening with a bullet holds the same bullet after a
    word in the middle of a sentence; there the second column begins, and the rows after
    alternate between the columns."""
    lines = _lines("▪ Reading clubs that meet in every library ▪ A festival of learning held in the",
                   "of the town and its villages.", "old square every spring.", "▪ Evening classes.")
    out, repairs = part_joined_rows(lines)
    assert _texts(out) == ["▪ Reading clubs that meet in every library", "of the town and its villages.",
                           "▪ A festival of learning held in the", "old square every spring.", "▪ Evening classes."]
    assert len(repairs) == 2


def test_a_bullet_ending_the_line_after_a_hanging_bullet_opens_the_second_column_below() -> None:
    """The extractor set the first column's bullet alone on a line, and the second
    column's bullet at the end of the joined line: the second column's text opens the
    next line, and the rows after it alternate, the first column's first."""
    lines = _lines("•", "Reading clubs that meet in every library •", "A festival of learning held in the",
                   "of the town and its villages.", "old square every spring.")
    out, _ = part_joined_rows(lines)
    assert _texts(out) == ["•", "Reading clubs that meet in every library", "of the town and its villages.",
                           "•", "A festival of learning held in the", "old square every spring."]


def test_text_read_from_pdftotext_gives_each_item_whole() -> None:
    text = ("Zenda is a town of learners. Its initiatives include:\n"
            "1. Reading clubs that meet in every library 3. A festival of learning held in the\n"
            "of the town and its villages.\nold square every spring.\n2. Evening classes for adults.\n")
    assert _texts(lines_from_text(text).lines)[1:] == [
        "1. Reading clubs that meet in every library", "of the town and its villages.",
        "3. A festival of learning held in the", "old square every spring.", "2. Evening classes for adults."]


def test_a_full_line_under_both_ended_items_is_the_matter_under_the_columns() -> None:
    """No blank line under the columns: once both columns' items ended, a line wider
    than any of theirs (an unmarked quote across the page) is the matter under them, and
    the columns are still parted. (A short line there may be an item going on: the hard
    negatives above leave it.)"""
    quote = "Zenda keeps its lamps lit after dark, so that the ferry workers can come and read with us."
    lines = _lines("•", "Reading clubs that meet in every library •", "A festival of learning held in the",
                   "of the town and its villages.", "old square every spring.", quote, "Ann Ek, Mayor of Zenda")
    out, _ = part_joined_rows(lines)
    assert _texts(out) == ["•", "Reading clubs that meet in every library", "of the town and its villages.",
                           "•", "A festival of learning held in the", "old square every spring.", quote,
                           "Ann Ek, Mayor of Zenda"]


def test_a_letter_of_another_dress_opens_no_second_column() -> None:
    """Hard negative: "c." inside a line opened by "a)" numbers no item of that list."""
    other = _lines("a) Reading clubs that meet in every library c. A festival of learning held in the",
                   "of the town and its villages.", "old square every spring.")
    assert part_joined_rows(other) == (other, [])
