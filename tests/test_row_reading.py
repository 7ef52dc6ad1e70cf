"""Unnumbered items set in columns that pdftotext read row by row, put back in column order."""

from __future__ import annotations

import textwrap

import pytest

from booklet_extract.blocks import Block, BlockKind, ItemData
from booklet_extract.line import Line
from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.row_reading import column_order, in_column_order, read_row_by_row

PLACES = [("Ruritania", "Zenda"), ("Syldavia", "Klow"), ("Borduria", "Szohod")]
ITEMS = [
    "A network of twelve learning centres that offer evening courses in reading and writing to adults of every age.",
    "The river school, which teaches boat building and fishing to young people who left school early.",
    "A festival of learning held every spring in the old market hall, with more than forty free workshops.",
    "Mobile libraries that bring books and digital skills training to the villages of the upper valley.",
]
INTRO_WIDTH = 100


def _wrapped(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width))


def _city(number: int, items: list[str], *, width: int, blank_after_intro: bool = False,
          blank_between: bool = True, marks: list[str] | None = None) -> str:
    country, city = PLACES[number - 1]
    intro = (f"{city} is a river town in the north of {country}, known for its boat yards and its markets. The "
             f"council of {city} works with schools, libraries and employers to offer learning to all. "
             "Its main initiatives are:")
    marks = marks or ["•"] * len(items)
    blocks = [_wrapped(f"{mark} {item}", width) for mark, item in zip(marks, items)]
    body = ("\n\n" if blank_between else "\n").join(blocks)
    return (f"{number}. {country}, {city}\n{_wrapped(intro, INTRO_WIDTH)}\n" + ("\n" if blank_after_intro else "")
            + body + f"\n\n‘Learning is what keeps {city} young.’\nAnn Ek, Mayor of {city}\n\n")


def _booklet(order: list[int], count: int = 3, **kw: object) -> str:
    """Three cities whose items (the first `count` of ITEMS) come in `order`."""
    return "".join(_city(n, [ITEMS[k] for k in order], **kw) for n in range(1, 4))  # type: ignore[arg-type]


def _initiatives(text: str) -> list[list[str]]:
    return [[i.text for i in city.initiatives] for city in parse_text(text).cities]


@pytest.mark.parametrize(("count", "width", "read"), [
    (3, 48, [0, 2, 1]),  # two columns: 1 and 2 on the left, 3 on the right; rows: 1 3, 2
    (4, 48, [0, 2, 1, 3]),  # two columns of two
    (4, 31, [0, 2, 1, 3]),  # three columns filled two by two: the third stays empty
])
def test_items_of_columns_read_row_by_row_are_put_back_in_column_order(count: int, width: int,
                                                                       read: list[int]) -> None:
    text = _booklet(read, width=width)
    assert _initiatives(text) == [ITEMS[:count]] * 3
    flags = [f for f in parse_text(text).flags if f.kind == "reading_order"]
    assert len(flags) == 3 and all(f.city == n for f, n in zip(flags, (1, 2, 3)))


@pytest.mark.parametrize("kw", [
    {"width": 48, "blank_between": False},  # one block: a column read down, in order
    {"width": 96},  # items as wide as the intro: one column
    {"width": 31},  # three items in three columns: one row, read in order
    {"width": 48, "blank_after_intro": True},  # every paragraph a block (pdfminer's way): no sign of rows
], ids=["one-block", "one-column", "one-row", "every-paragraph-a-block"])
def test_items_whose_text_shows_no_rows_read_across_stay_in_the_text_order(kw: dict[str, object]) -> None:
    """Hard negatives: the order moves only where the widths show columns and the blocks
    show rows read across."""
    order = [0, 2, 1]
    assert _initiatives(_booklet(order, **kw)) == [[ITEMS[k] for k in order]] * 3
    assert not [f for f in parse_text(_booklet(order, **kw)).flags if f.kind == "reading_order"]


def test_numbered_items_take_their_numbers_order_not_the_columns() -> None:
    """Hard negative: numbers give the order, whatever the widths and blocks."""
    text = _booklet([0, 1, 2], width=48, marks=["1.", "2.", "3."])
    assert _initiatives(text) == [ITEMS[:3]] * 3
    assert not [f for f in parse_text(text).flags if f.kind == "reading_order"]


def test_column_order_of_five_items_in_two_columns() -> None:
    """Three on the left and two on the right, read by rows: 1 4, 2 5, 3."""
    assert column_order(5, 2) == [0, 3, 1, 4, 2]


def _laid_out_city(items: list[str]) -> str:
    """A city laid out as printed (`pdftotext -layout`), its items' rows as given."""
    intro = [("Since joining the network of learning towns, Zenda has reformed its schools and its libraries. Its plan "
              "focuses on"), "inclusion and the use of public buildings. Among its initiatives are:"]
    quote = "  ‘We believe that learning must reach everyone, from the youngest child to the oldest citizen of Zenda.’"
    return "\n".join(["1. Ruritania, Zenda", *intro, *items, "", "Ann Ek, Mayor of Zenda", "", quote, ""])


def _row(left: str, right: str, at: int) -> str:
    return left.ljust(at) + right


def test_a_row_of_items_read_across_puts_the_item_under_the_first_in_the_first_column() -> None:
    """A whole item on its line, the right column's item beside it (one row, read
    across: too few rows to show the gutter), then the left column's next item: the
    text gives the first row, then the second; the columns are read in turn."""
    text = _laid_out_city([
        _row("■ A fund that finances small projects proposed by families, from reading courses to urban gardening.",
             "■ Training for young people in music and arts workshops, run jointly with local employers and the", 107),
        _row("", "chamber of commerce.", 107),
        "■ The ‘Kelzutel’ project, in which families and retired volunteers learn music and arts workshops to-",
        "gether."])
    assert [i.text for i in parse_text(text).cities[0].initiatives] == [
        "A fund that finances small projects proposed by families, from reading courses to urban gardening.",
        "The ‘Kelzutel’ project, in which families and retired volunteers learn music and arts workshops together.",
        ("Training for young people in music and arts workshops, run jointly with local employers and the chamber of "
         "commerce.")]


def test_columns_read_apart_whose_first_items_share_a_row_stay_in_column_order() -> None:
    """Hard negative: one item on the left over three lines, two on the right, the
    columns read apart: the first two items open on one row, but the first is no whole
    line, so the text's order is the columns' already."""
    text = _laid_out_city([
        _row("■ A fund that finances small projects proposed by", "■ Training for young people in music, held in the", 60),
        _row("families, from reading courses and writing classes", "old school on the square.", 60),
        _row("to urban gardening in every district of the town.", "■ The ‘Kelzutel’ project, in which families learn", 60),
        _row("", "music together.", 60)])
    assert [i.text for i in parse_text(text).cities[0].initiatives] == [
        ("A fund that finances small projects proposed by families, from reading courses and writing classes to urban "
         "gardening in every district of the town."),
        "Training for young people in music, held in the old school on the square.",
        "The ‘Kelzutel’ project, in which families learn music together."]


def test_bullets_set_apart_over_their_items_leave_the_order_as_given() -> None:
    """Hard negative: a bullet a block of its own over each item's text (a word
    processor's hanging bullet) puts blank lines between all the lines of a single column
    read down as well: nothing shows rows read across, so nothing moves."""
    text = _booklet([0, 2, 1], width=48).replace("• ", "•\n\n")
    assert _initiatives(text) == [[ITEMS[k] for k in (0, 2, 1)]] * 3


def test_rows_move_numbered_items_only_where_their_numbers_then_count_up() -> None:
    """A list of bare numbers the text lost one of ("1" "3" "2" and an unnumbered item,
    read row by row): put back by rows, the numbers count up, so the rows rule holds.
    Hard negative: a row of numbered items read across ("1) ... 3) ..." on one line)
    with a paragraph that is no item among them (Markdown's run-together text): by rows
    the numbers would not count up, so nothing moves."""
    def item(marker: str, text: str, number: int) -> Block:
        printed = f"{marker} {text}".strip()
        return Block(BlockKind.PROSE, [Line(printed, number)], [printed], ItemData(marker) if marker else None)

    lost = [item("1", "The annual festival.", 5), item("3", "Training for women.", 7),
            item("2", "The river school.", 9), item("", "Mobile libraries.", 11)]
    assert [b.texts[0][:1] for b in in_column_order(lost, 2) or []] == ["1", "2", "3", "M"]
    across = [item("1)", "The annual festival, with free events.", 5), item("3)", "Training for women in", 5),
              item("", "Zenda is a town on a lake.", 7), item("2)", "The river school for adults.", 9)]
    assert read_row_by_row(None, across, set(), 2, DEFAULT_PROFILE) == 2
    assert in_column_order(across, 2) is None
