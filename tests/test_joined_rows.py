"""Two columns of items whose first lines pdftotext ran into one line (`sources/joined_rows.py`)."""

from __future__ import annotations

from booklet_extract.line import Line
from booklet_extract.sources.joined_rows import part_joined_rows
from booklet_extract.sources.text import lines_from_text


def _lines(*texts: str) -> list[Line]:
    return [Line(text, n, block_start=n == 1) for n, text in enumerate(texts, 1)]


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_joined_first_lines_are_parted_and_the_rows_after_read_in_turn() -> None:
    """"1. ... 3. ..." in the middle of a sentence: the second column begins at "3.", and
    the lines after it alternate between the columns, each column's last line ending
    its item. Each moved line is reported."""
    lines = _lines("1. Reading clubs that meet in every library 3. A festival of learning held in the",
                   "of the town and its villages.", "old square every spring.", "2. Evening classes for adults.")
    out, repairs = part_joined_rows(lines)
    assert _texts(out) == ["1. Reading clubs that meet in every library", "of the town and its villages.",
                           "3. A festival of learning held in the", "old square every spring.",
                           "2. Evening classes for adults."]
    assert out[2].block_start and [r.kind for r in repairs] == ["reading_order", "reading_order"]


def test_a_second_column_ending_on_the_joined_line_leaves_the_rest_to_the_first() -> None:
    lines = _lines("1. Free access to computers in every 3. A school of arts, open to all adults.",
                   "library of the town.", "2. Evening classes for adults.")
    out, _ = part_joined_rows(lines)
    assert _texts(out) == ["1. Free access to computers in every", "library of the town.",
                           "3. A school of arts, open to all adults.", "2. Evening classes for adults."]


def test_joined_lines_that_do_not_read_in_turn_are_left_as_given() -> None:
    """Hard negatives: an odd count of lines after the joined line; a line before a
    column's last that ends an item; a number that does not count on ("1. ... 1."); a
    number after a hyphen (joining the word would change the text as given)."""
    cases = [
        ("1. Reading clubs that meet in every library 3. A festival of learning held in the",
         "of the town and its villages.", "old square every", "spring."),
        ("1. Reading clubs that meet in every library 3. A festival of learning held in the",
         "of the town.", "old square.", "And more.", "In spring."),
        ("2. Reading clubs that meet in every library 1. A festival of learning held in the",
         "of the town and its villages.", "old square every spring."),
        ("1. Reading clubs that meet in every net- 3. A festival of learning held in the",
         "work of the town and its villages.", "old square every spring."),
    ]
    for texts in cases:
        lines = _lines(*texts)
        out, repairs = part_joined_rows(lines)
        assert _texts(out) == list(texts) and not repairs, texts


def test_text_read_from_pdftotext_gives_each_item_whole() -> None:
    text = ("Zenda is a town of learners. Its initiatives include:\n"
            "1. Reading clubs that meet in every library 3. A festival of learning held in the\n"
            "of the town and its villages.\nold square every spring.\n2. Evening classes for adults.\n")
    assert _texts(lines_from_text(text).lines)[1:] == [
        "1. Reading clubs that meet in every library", "of the town and its villages.",
        "3. A festival of learning held in the", "old square every spring.", "2. Evening classes for adults."]
