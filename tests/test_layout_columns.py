"""Column gutters told from word spaces by the page's own geometry (sources/layout.py)."""

from __future__ import annotations

import pytest

from booklet_extract.sources import load
from booklet_extract.sources.layout import Char, Page, page_lines

from .conftest import SHARED

SIZE = 10.0
ADVANCE = 5.0  # every glyph is 5 pt wide


def words(
    text: str, x: float, top: float, space: float = 3.0, size: float = SIZE
) -> tuple[list[Char], float]:
    """Glyphs of `text` from x, words `space` points apart; returns them and the right edge."""
    out: list[Char] = []
    for n, word in enumerate(text.split()):
        if n:
            x += space
        for ch in word:
            out.append(Char(ch, x, top, x + ADVANCE, top + size, size))
            x += ADVANCE
    return out, x


def lines_of(chars: list[Char], width: float = 595.0, height: float = 842.0) -> list[str]:
    lines, _ = page_lines(Page(1, width, height, chars), 1)
    return [line.text for line in lines]


LEFT = ["alpha beta gamma", "delta epsilon", "zeta eta theta iota", "kappa lambda"]
RIGHT = ["one two three", "four five six", "seven eight", "nine ten"]


def two_columns(gutter_em: float, top: float = 100.0, x: float = 40.0) -> list[Char]:
    chars: list[Char] = []
    col_right = x + max(len(t) for t in LEFT) * ADVANCE  # ragged right, never beyond this
    for row, (left, right) in enumerate(zip(LEFT, RIGHT)):
        y = top + row * 12.0
        chars += words(left, x, y, space=ADVANCE)[0]
        chars += words(right, col_right + gutter_em * SIZE, y, space=ADVANCE)[0]
    return chars


def test_one_em_gutter_splits_two_columns() -> None:
    got = lines_of(two_columns(1.0))
    assert got == LEFT + RIGHT


def test_justified_wide_word_spaces_stay_one_line() -> None:
    rows = [
        "wide set justified words here",
        "more words spaced out wide",
        "every line alike in spacing",
        "the column keeps its measure",
    ]
    chars: list[Char] = []
    for row, text in enumerate(rows):
        # word spaces of 1.5 em and more: wider than the old fixed 1.2 em gutter
        chars += words(text, 40.0, 100.0 + row * 12.0, space=15.0 + row)[0]
    assert lines_of(chars) == rows


def test_tab_like_gap_in_one_line_still_splits() -> None:
    chars = words("Knowledge ceremony", 40.0, 300.0)[0] + words("Programme", 400.0, 300.0)[0]
    assert lines_of(chars) == ["Knowledge ceremony", "Programme"]


def test_list_marker_stays_with_its_item() -> None:
    chars: list[Char] = []
    for n, top in enumerate((100.0, 136.0, 172.0)):
        chars += words(f"{n + 1}.", 40.0, top)[0]
        chars += words("The first line of an item", 56.0, top)[0]
        chars += words("and its hanging indent", 56.0, top + 12.0)[0]
        chars += words("runs on here", 56.0, top + 24.0)[0]
    got = lines_of(chars)
    assert got[0] == "1. The first line of an item"
    assert len(got) == 9


def test_margin_page_number_and_header_do_not_stop_columns() -> None:
    chars = words("Running header of the booklet", 40.0, 40.0)[0]
    chars += two_columns(1.0, top=100.0)
    # a page number centred under the gutter, and one in the outer margin
    chars += words("7", 150.0, 800.0)[0]
    chars += words("8", 10.0, 400.0, size=7.0)[0]
    got = lines_of(chars)
    assert got[0] == "Running header of the booklet"
    body = [t for t in got if t not in ("Running header of the booklet", "7", "8")]
    assert body == LEFT + RIGHT


def test_margin_column_beside_the_body() -> None:
    margin = ["'Only with", "education do", "we close the", "social gaps.'", "A. Mayor"]
    body = [
        "Within the past decade the city has broken",
        "free from its troubled past and is now",
        "recognized around the globe for its work",
        "in technology and innovation today",
        "and more.",
    ]
    chars: list[Char] = []
    for row, (m, b) in enumerate(zip(margin, body)):
        y = 200.0 + row * 12.0
        chars += words(m, 40.0, y, size=9.0)[0]
        chars += words(b, 146.0, y)[0]
    chars += words("2", 40.0, 800.0, size=7.0)[0]  # page number in the margin column
    got = lines_of(chars)
    assert "2" in got
    got.remove("2")
    # never merged across the margin gutter; each column read whole
    assert sorted(got) == sorted(margin + body)
    i = got.index(body[0])
    assert got[i:i + len(body)] == body
    j = got.index(margin[0])
    assert got[j:j + len(margin)] == margin


def justified(text: str, x: float, top: float, width: float) -> list[Char]:
    """`text` set on one line from x to x + width, its word spaces stretched evenly."""
    parts = text.split()
    ink = sum(len(w) for w in parts) * ADVANCE
    space = (width - ink) / (len(parts) - 1)
    chars, _ = words(text, x, top, space=space)
    return chars


def test_two_justified_columns_with_wide_spaces_beside_a_narrow_gutter() -> None:
    # Left column spaced about 1.6 em, right column over 2 em: the 0.9-em gutter is
    # narrower than both, but it lies between a shared right edge and a shared left edge.
    left = ["abc de fghij kl mnopq", "rs tuvw xy zabcd efghi", "jklmn op qrs tu vwxyz"]
    right = ["one two three", "four five six", "seven eight ab"]
    chars: list[Char] = []
    for row, (lt, rt) in enumerate(zip(left, right)):
        y = 100.0 + row * 12.0
        chars += justified(lt, 40.0, y, 150.0)
        chars += justified(rt, 199.0, y, 100.0)
    assert lines_of(chars) == left + right


def test_an_intro_over_the_columns_does_not_take_their_lines() -> None:
    chars = words("An intro paragraph set across the whole measure of the page here", 40.0, 88.0)[0]
    # Items straight under it, the second column set half a line lower than the first.
    first = ["alpha beta gamma", "delta epsilon", "zeta eta theta"]
    second = ["one two three", "four five six", "seven eight"]
    for row, (a, b) in enumerate(zip(first, second)):
        chars += words(a, 40.0, 100.0 + row * 12.0, space=ADVANCE)[0]
        chars += words(b, 150.0, 106.0 + row * 12.0, space=ADVANCE)[0]
    got = lines_of(chars)
    assert got[1:4] == first
    assert got[4:] == second


def test_very_wide_justified_spaces_in_a_column_stay_one_line() -> None:
    # A justified line of three words stretched to 5 em spaces, between lines that share
    # its column's edges: not table cells.
    rows = ["mapping of educational resources", "on google maps", "to disseminate learning widely"]
    chars: list[Char] = []
    for row, text in enumerate(rows):
        chars += justified(text, 40.0, 100.0 + row * 12.0, 170.0)
    assert lines_of(chars) == rows


def test_backends_agree_on_a_gap_at_the_paragraph_threshold() -> None:
    """Two boxes a hundredth of a point apart (as the two backends measure them) must not
    fall on either side of the paragraph break."""
    from booklet_extract.sources.layout import LINE_GAP, Char, Page, page_lines

    def page(shift: float) -> Page:
        size = 9.0
        first = [Char(c, 10 + 5 * k, 100.0, 15 + 5 * k, 109.0, size) for k, c in enumerate("First")]
        top = 109.0 + LINE_GAP * size + shift
        second = [Char(c, 10 + 5 * k, top, 15 + 5 * k, top + 9.0, size) for k, c in enumerate("Second")]
        return Page(1, 600.0, 800.0, first + second)

    starts = {shift: [ln.block_start for ln in page_lines(page(shift), 1)[0]] for shift in (-0.01, 0.0, 0.01)}
    assert starts[-0.01] == starts[0.0] == starts[0.01] == [True, True]


def test_first_column_close_under_a_full_width_paragraph_is_still_a_column() -> None:
    # The intro's last line is short and the first column's first line sits close under it,
    # so the two stack into one block; the second column opens with the tail of the first
    # column's item, and its own next item starts a little lower.
    y = 100.0
    chars: list[Char] = []
    intro = ["intro words run across the whole page width here and on", "the intro ends here:"]
    for row, text in enumerate(intro):
        chars += words(text, 40.0, y + row * 12.0, space=ADVANCE)[0]
    top = y + 2 * 12.0  # no paragraph gap: 12 pt pitch, like the intro's own lines
    col1 = ["first item text a", "goes on and on", "and on still"]
    col2 = ["the tail of it", "", "second item b", "goes on too"]
    col3 = ["third item c", "ends here too"]
    for row, text in enumerate(col1):
        chars += words(text, 40.0, top + row * 12.0, space=ADVANCE)[0]
    for row, text in enumerate(col2):
        if text:
            chars += words(text, 140.0, top + row * 12.0, space=ADVANCE)[0]
    for row, text in enumerate(col3):
        chars += words(text, 240.0, top + row * 12.0, space=ADVANCE)[0]
    got = lines_of(chars)
    assert got == intro + col1 + [t for t in col2 if t] + col3


def test_a_row_of_three_under_a_quote_beside_its_attribution_is_not_one_grid() -> None:
    # Under a full-width paragraph, the attribution and the quote side by side, then a stats
    # row of three cells: the two bands share a gap, but the quote crosses the row's second gutter.
    intro = "an intro paragraph set across the whole width of the page above all of it"
    chars: list[Char] = words(intro, 40.0, 80.0, space=ADVANCE)[0]
    chars += words("Ann Ek,", 40.0, 100.0, space=ADVANCE)[0]
    chars += words("Mayor here", 40.0, 112.0, space=ADVANCE)[0]
    quote = ["quote words that run across two of the", "three cells of the row below it"]
    for row, text in enumerate(quote):
        chars += words(text, 120.0, 100.0 + row * 12.0, space=ADVANCE)[0]
    cells = [("Population", "1,200"), ("Area", "30 km2"), ("GDP", "US$5")]
    for col, (label, figure) in enumerate(cells):
        chars += words(label, 40.0 + col * 110.0, 140.0, space=ADVANCE)[0]
        chars += words(figure, 40.0 + col * 110.0, 152.0, space=ADVANCE)[0]
    got = lines_of(chars)
    assert got[:5] == [intro, "Ann Ek,", "Mayor here", *quote]
    assert got[5:] == ["Population", "1,200", "Area", "30 km2", "GDP", "US$5"]


def test_a_kerned_word_space_the_source_marks_is_a_space() -> None:
    """A gap of 0.15 em is no word space by geometry alone; where the source says a word
    space comes (PDFium generates one there), it is."""
    from booklet_extract.sources.glyphs import Glyphs

    chars = words("Ann", 40.0, 100.0)[0]
    x = chars[-1].x1 + 0.15 * SIZE
    chars += words("Ek", x, 100.0)[0]
    plain = Glyphs.from_chars(chars)
    marked = Glyphs.of(plain.text, plain.x0, plain.top, plain.x1, plain.bottom, plain.size, plain.bold,
                       plain.italic, plain.upright, plain.direction, spaced=[k == 3 for k in range(len(chars))])
    assert [line.text for line in page_lines(Page(1, 595.0, 842.0, plain), 1)[0]] == ["AnnEk"]
    assert [line.text for line in page_lines(Page(1, 595.0, 842.0, marked), 1)[0]] == ["Ann Ek"]


def test_a_sidebar_box_beside_a_photo_and_the_intro_stays_one_column() -> None:
    # A stats box at the right edge (big figures over small labels) beside a photo with
    # its caption and the head of the intro; a row of three items spans the width below.
    chars: list[Char] = words("2. Ruritania, Zenda", 40.0, 50.0, space=ADVANCE, size=16.0)[0]
    box = [("355,573 (2014)", 14.0), ("City population", 8.0), ("2,075 km2", 14.0),
           ("City/urban area", 8.0), ("US$2,300", 14.0), ("Annual GDP", 8.0)]
    y = 75.0
    for text, size in box:
        chars += words(text, 450.0, y, space=ADVANCE, size=size)[0]
        y += size + 2.0
    chars += words("Literacy centre in Kossou", 40.0, 126.0, space=ADVANCE, size=8.0)[0]
    intro = ["Zenda is a small town that has done much for its", "learners of every age and it has created:"]
    for row, text in enumerate(intro):
        chars += words(text, 40.0, 138.0 + row * 12.0, space=ADVANCE)[0]
    items = ["(1) Literacy centres", "(2) A digital campus", "(3) Farm training"]
    for col, text in enumerate(items):
        chars += words(text, 40.0 + col * 150.0, 180.0, space=ADVANCE)[0]
    got = lines_of(chars)
    sidebar = [text for text, _ in box]
    start = got.index(sidebar[0])
    assert got[start:start + len(sidebar)] == sidebar
    caption = got.index("Literacy centre in Kossou")
    assert got[caption + 1:caption + 3] == intro
    assert got[-3:] == items


@pytest.mark.parametrize("marker,x", [("•", 220.0), ("ii.", 205.0), ("(b)", 205.0), ("12", 210.0), ("o", 220.0),
                                      ("a", 220.0)])
def test_a_marker_hanging_in_the_gutter_stays_with_its_item(marker: str, x: float) -> None:
    # Two columns; in the right one an item's bullet (a symbol font's given as a letter,
    # "o"), letter (a form's bare "a") or numeral hangs left of the
    # text edge, in the gutter, a gutter's width from its text: the marker is the item's,
    # not a column. Hard negative: a word such as "etc." alone on a left column's line
    # before the gutter is no marker; the columns are cut there.
    chars: list[Char] = []
    left = ["a left column line of text here", "another left line of the text", "etc."]
    for row, text in enumerate(left):
        chars += words(text, 40.0, 100.0 + row * 12.0, space=ADVANCE)[0]
    right = ["the end of an item", f"{marker} The next item opens", "and goes on here", "to its end"]
    for row, text in enumerate(right):
        if text.startswith(f"{marker} "):
            chars += words(marker, x, 100.0 + row * 12.0)[0]
            chars += words(text[len(marker) + 1:], 235.0, 100.0 + row * 12.0)[0]
        else:
            chars += words(text, 235.0, 100.0 + row * 12.0)[0]
    got = lines_of(chars)
    assert f"{marker} The next item opens" in got
    assert marker not in got
    assert "etc." in got


def test_a_number_hanging_in_the_gutter_after_a_justified_line_stays_with_its_item() -> None:
    # Two justified columns of numbered items (a word processor's hanging indent). The
    # left item's first line is stretched wide after its number's tab; the right item's
    # number "2)" hangs in the gutter. The gutter is before the "2)", not after the "1) The".
    chars: list[Char] = []
    left_x, width, right_x = 60.0, 180.0, 269.0  # a gutter of 1.2 em, the number in it
    chars += words("1)", 40.0, 100.0)[0]
    chars += justified("The Long-Name-Here, or Alley", left_x, 100.0, width)
    chars += words("2)", right_x - 17.0, 100.0)[0]
    chars += words("Second item opens here", right_x, 100.0)[0]
    for row, text in enumerate(["Activation, which takes", "the many high-rise flats", "to its end"], start=1):
        chars += justified(text, left_x, 100.0 + row * 12.0, width) if row < 3 else words(text, left_x, 136.0)[0]
    for row, text in enumerate(["and goes on further", "to the right end here"], start=1):
        chars += justified(text, right_x, 100.0 + row * 12.0, width)
    got = lines_of(chars)
    assert got[0] == "1) The Long-Name-Here, or Alley"
    assert "2) Second item opens here" in got
    assert not any(t.endswith("2)") or t == "1) The" for t in got)


def test_a_marker_tab_is_not_a_word_space_of_a_justified_line() -> None:
    # A stretched line after its number: the number's tab is narrower than the stretched
    # spaces, and must not make them look like gutters.
    chars = words("1)", 40.0, 100.0)[0] + justified("The Long-Name-Here, or the Alley", 60.0, 100.0, 240.0)
    chars += justified("then a second line set as wide", 60.0, 112.0, 240.0)
    assert lines_of(chars)[0] == "1) The Long-Name-Here, or the Alley"


def test_a_block_drawn_twice_is_one_duplicate() -> None:
    # A wrapped attribution drawn twice at the same place: one repair for the block,
    # not one per line; a line of the block drawn once ends the run.
    chars: list[Char] = []
    for text, top in (("Ann Example Person,", 100.0), ("Mayor of Alpha", 112.0)):
        chars += words(text, 40.0, top)[0] * 2
    chars += words("and more", 40.0, 124.0)[0]
    lines, repairs = page_lines(Page(1, 595.0, 842.0, chars), 1)
    assert [line.text for line in lines] == ["Ann Example Person,", "Mayor of Alpha", "and more"]
    assert [(r.kind, r.fixed, r.line.number) for r in repairs] == [("duplicate", "Ann Example Person, Mayor of Alpha", 1)]


def test_paragraphs_set_a_little_apart_are_blocks_of_their_own() -> None:
    # A word processor's space after a paragraph (3.7 pt more than a 12-pt line pitch: too little
    # to end a block by itself) starts a new block; even spacing does not.
    chars: list[Char] = []
    top = 100.0
    for paragraph in (["The first item runs over", "two lines."], ["A second item, one line."],
                      ["And a third that also", "takes two."]):
        for text in paragraph:
            chars += words(text, 40.0, top)[0]
            top += 12.0
        top += 3.7
    lines, _ = page_lines(Page(1, 595.0, 842.0, chars), 1)
    assert [line.block_start for line in lines] == [True, False, True, True, False]
    even = [c for row, text in enumerate(["one line here", "and the next", "and the last"])
            for c in words(text, 40.0, 100.0 + row * 12.0)[0]]
    lines, _ = page_lines(Page(1, 595.0, 842.0, even), 1)
    assert [line.block_start for line in lines] == [True, False, False]


def test_one_line_paragraphs_half_a_line_apart_are_blocks_of_their_own() -> None:
    """A browser's half-line margin between one-line paragraphs (items under an intro) is
    too little to end a block by itself, and a block of two one-line items shows no line
    spacing of its own: the page's does (the intro's, same size). Hard negatives: the
    intro's own two lines stay one block; one-line paragraphs as far apart as a page's
    lines are one block (no spacing is narrower)."""
    chars: list[Char] = []
    top = 100.0
    for paragraph, space in ((["An intro that runs over", "two lines of the page."], 6.0),
                             (["A first item, one line."], 4.0), (["A second item, one line."], 0.0)):
        for text in paragraph:
            chars += words(text, 40.0, top)[0]
            top += 12.0
        # after the intro a gap of 8 pt (a block's end by itself); between the items 6 pt,
        # against the intro's 2 pt
        top += space
    lines, _ = page_lines(Page(1, 595.0, 842.0, chars), 1)
    assert [line.block_start for line in lines] == [True, False, True, True]
    chars = [c for row, text in enumerate(["A first item, one line.", "A second item, one line."])
             for c in words(text, 40.0, 100.0 + row * 16.0)[0]]
    lines, _ = page_lines(Page(1, 595.0, 842.0, chars), 1)
    assert [line.block_start for line in lines] == [True, False]


def test_a_wide_gap_inside_a_paragraph_is_no_gutter() -> None:
    """One line of a justified paragraph with a gap of 1.6 em (a wide space widened by a
    ligature's gap, "offi" / "cials"): the lines just above and below run text across it,
    so it is a word space, not a gutter. Hard negative: the same gap with the lines
    around it leaving it empty is a gutter (`test_one_em_gutter_splits_two_columns`,
    `test_tab_like_gap_in_one_line_still_splits`)."""
    rows = ["the annual celebration of volunteers when", "politicians and offi",
            "volunteers within the municipality the end"]
    chars = words(rows[0], 40.0, 100.0)[0]
    left, right = words(rows[1], 40.0, 112.0, space=6.0)
    chars += left + words("cials serve dinner", right + 16.0, 112.0, space=6.0)[0]
    chars += words(rows[2], 40.0, 124.0)[0]
    assert lines_of(chars) == [rows[0], "politicians and offi cials serve dinner", rows[2]]


@pytest.mark.parametrize("markers", [["▪", "▪", "▪"], ["a)", "b)", "c)"], ["–", "–", "–"]])
def test_short_items_in_columns_split_before_their_hanging_bullets(markers: list[str]) -> None:
    # Three columns of items two lines long, each opening with a hanging "▪" (a word
    # processor's list), a letter or a dash: the first lines are justified with wide word spaces
    # and end 1.1 em before the next column's marker; the second lines stop short. Only one other
    # row shares each edge, yet the gap before a bullet whose next line hangs on its text,
    # with the row below leaving the gap empty, is the gutter. Hard negative: an inline
    # "(2)" after as wide a gap in a justified paragraph, text running under it, is no
    # column.
    chars: list[Char] = []
    firsts = ["The first item of the list", "A second item in its own", "A third item at the right"]
    seconds = ["goes on here.", "column ends.", "side ends."]
    for col, (first, second, marker) in enumerate(zip(firsts, seconds, markers)):
        mx = 40.0 + col * 250.0
        chars += words(marker, mx, 100.0)[0]
        chars += justified(first, mx + 14.0, 100.0, 225.0)
        chars += words(second, mx + 14.0, 112.0, space=ADVANCE)[0]
    got = lines_of(chars, width=842.0, height=595.0)
    assert [t for t in got if t.startswith(tuple(markers))] == [f"{m} {t}" for m, t in zip(markers, firsts)]
    prose = words("A paragraph that counts its goals", 40.0, 200.0)[0]
    prose += words("and then", 40.0, 212.0, space=ADVANCE)[0] + words("(2)", 91.0, 212.0)[0]
    prose += words("names the second", 111.0, 212.0)[0]  # 11 pt after "then", a space after "(2)"
    # the row below starts a word under "names" too, and runs text under the gap
    prose += words("with more", 40.0, 224.0, space=ADVANCE)[0] + words("te", 88.0, 224.0)[0]
    prose += words("running under", 111.0, 224.0)[0]
    assert "and then (2) names the second" in lines_of(prose)
    # A dash in prose after as wide a gap, text under it, opens no column either.
    dash = words("A paragraph that counts its goals", 40.0, 200.0)[0]
    dash += words("and then", 40.0, 212.0, space=ADVANCE)[0] + words("–", 91.0, 212.0)[0]
    dash += words("names the second", 103.0, 212.0)[0]
    dash += words("with more", 40.0, 224.0, space=ADVANCE)[0] + words("te", 88.0, 224.0)[0]
    dash += words("running under", 103.0, 224.0)[0]
    assert "and then – names the second" in lines_of(dash)


def test_a_ligature_gap_is_no_word_space_to_measure_a_justified_line_by() -> None:
    """A justified line stretched to one-em word spaces ends on a word whose ligature left
    a little gap ("fi sh"): beside that gap the last word space looked twice as wide as
    the words', a gutter, and "fi sh" went off as a column. The ligature's gap measures
    nothing. Hard negative: a gap twice the line's real word spaces is still a gutter."""
    chars, right = words("1) Numeracy and classes for", 40.0, 100.0, space=10.0)
    fi, after = words("fi", right + 10.0, 100.0)
    chars += fi + words("sh", after + 3.0, 100.0)[0]
    chars += words("traders, most of them.", 40.0, 112.0, space=3.0)[0]
    assert lines_of(chars)[0] == "1) Numeracy and classes for fi sh"
    apart, right = words("Reading clubs for all", 40.0, 200.0, space=3.0)
    apart += words("Evening classes", right + 20.0, 200.0, space=3.0)[0]
    assert lines_of(apart) == ["Reading clubs for all", "Evening classes"]


def test_a_gutter_after_a_ligature_word_is_measured_by_the_spaces_before_it() -> None:
    """A column's line ends on a word whose ligature left a little gap ("fi rms"), a gutter
    a little over an em wide after it, and the next column's first line ("ers.", under it
    the next column's items on the same edge). The ligature's gap is inside a word: the
    line's word spaces lie left of "fi". Measured by nothing, the gutter was held to a lone
    gap's 1.2 em and "ers." joined the other column's line. Hard negative: the same gap
    with the rows above and below running text across it is a justified line's space."""
    line, right = words("train inside high-tech", 40.0, 100.0)
    fi, after = words("fi", right + 3.0, 100.0)
    rms, end = words("rms", after + 3.0, 100.0)
    line += fi + rms
    column = end + 11.5
    chars = words("hood schools share one plan.", 40.0, 88.0)[0] + line
    chars += words("ers.", column, 100.0)[0]
    chars += words("for two years.", 40.0, 112.0)[0]
    chars += words("Neighbourhood houses offer a meal.", column, 116.0)[0]
    chars += words("A city fund for courses.", column, 132.0)[0]
    got = lines_of(chars)
    assert "train inside high-tech fi rms" in got
    assert "ers." in got
    bridged = words("text running all across the gap above here", 40.0, 88.0)[0] + line
    bridged += words("ers.", column, 100.0)[0]
    bridged += words("and text running across it below as well", 40.0, 112.0)[0]
    assert "train inside high-tech fi rms ers." in lines_of(bridged)


def test_a_heading_under_a_row_of_captions_is_read_after_the_whole_row() -> None:
    """Cities running on down a page: two captions side by side under the photos of one
    city, then the next city's heading and stats box under the first caption only, and
    its intro across the page. The heading, set far larger, opens a new run: both
    captions come before it (the row and the heading had been read as one grid, down its
    first column). Hard negative: a caption row over a second row of the same size stays
    one grid, read column by column."""
    chars = words("Weaving apprentices", 40.0, 300.0, size=7.0)[0]
    chars += words("Reading club", 300.0, 300.0, size=7.0)[0]
    chars += words("2. Zenda, Alpha", 40.0, 340.0, space=8.0, size=16.0)[0]
    chars += words("City population: 210,853", 44.0, 370.0, size=8.5)[0]
    chars += words("Alpha, the second city, hosted the third conference on learning cities.", 40.0, 400.0)[0]
    assert lines_of(chars) == ["Weaving apprentices", "Reading club", "2. Zenda, Alpha", "City population: 210,853",
                               "Alpha, the second city, hosted the third conference on learning cities."]
    grid = words("Weaving apprentices", 40.0, 300.0, size=7.0)[0] + words("Reading club", 300.0, 300.0, size=7.0)[0]
    grid += words("Market school", 40.0, 312.0, size=7.0)[0]
    assert lines_of(grid) == ["Weaving apprentices", "Market school", "Reading club"]


def test_a_sidebar_at_its_own_baselines_does_not_hide_a_gutter() -> None:
    # Two justified columns a one-em gutter apart, and beside them a sidebar (a stats box)
    # whose lines sit between the columns' rows. The rows that show the gutter's edges are
    # the columns' own: the sidebar's, interleaved, had taken their place in the window
    # of nearby rows, and the first row ran across the gutter as one line.
    left = ["alpha betas gamma", "delta omega kappa", "sigma theta iotas", "lamda sigma omega"]
    right = ["every item opens", "goes on to a line", "a third line here", "and a last line"]
    chars: list[Char] = []
    for row, (a, b) in enumerate(zip(left, right)):
        top = 100.0 + row * 12.0
        _, end = words(a, 40.0, top)
        chars += words(a, 40.0, top)[0] + words(b, end + SIZE, top)[0]
        chars += words(["Population", "1,200", "Area", "50 km2"][row], 400.0, top + 6.0)[0]
    got = lines_of(chars)
    assert left[0] in got and right[0] in got


def test_a_hanging_number_after_a_margin_column_stays_with_its_item() -> None:
    # A margin column (a quote) shares the body's baselines; the body's items hang their
    # numbers before the text. The margin's gutter is found after the number's gap was
    # judged: the number is still a marker, read from the gap before it, and stays with
    # its item ("3." had been cut from its text).
    margin = ["'We believe that", "learning should", "be open to all,", "in every part",
              "of the city and", "at every age.'"]
    body = [("1.", "The first item opens"), ("", "and ends here."), ("2.", "The second item"),
            ("", "goes on to its end."), ("3.", "The third item of"), ("", "the list ends.")]
    chars: list[Char] = []
    for row, (m, (number, text)) in enumerate(zip(margin, body)):
        top = 100.0 + row * 12.0
        chars += words(m, 40.0, top)[0]
        if number:
            chars += words(number, 146.0, top)[0]
        chars += words(text, 162.0, top)[0]
    got = lines_of(chars)
    assert "3. The third item of" in got and "2. The second item" in got


def test_small_table_cells_sharing_a_row_with_body_text_stay_apart() -> None:
    # A stats table in a sidebar, its cells set in 7 pt, shares its rows with the 10 pt
    # body text beside it. Its cells are apart by more than a lone gap in their own em
    # (10 pt, 1.4 of theirs), though less than in the body's; and the gap to the body
    # (a gutter still to be judged) is no word space to measure them by. They had run
    # together ("Cityurban Annual").
    small = 7.0
    chars: list[Char] = []
    for row, (cells, body) in enumerate([(("City", "Cityurban", "Annual"), "Zenda lies on the shore of a lake and is"),
                                         (("people", "area", "GDP"), "the second city in the country. Fishing")]):
        top = 74.0 + row * 10.0
        for cell, x in zip(cells, (43.0, 97.0, 151.0)):  # the table's columns, 54 pt apart
            chars += words(cell, x, top + 3.0, size=small)[0]
        chars += words(body, 230.0, top)[0]
    got = lines_of(chars)
    assert "Annual" in got and "Cityurban" in got and "City" in got


def _justified_pair(left: list[str], right: list[str], width: float, gutter: float) -> list[Char]:
    """Two justified columns `width` wide, `gutter` apart, from x = 40: every line set to
    the measure but the last (ragged, as a paragraph's last line is)."""
    chars: list[Char] = []
    for row, (lt, rt) in enumerate(zip(left, right)):
        y = 100.0 + row * 12.0
        if row < len(left) - 1:
            chars += justified(lt, 40.0, y, width) + justified(rt, 40.0 + width + gutter, y, width)
        else:
            chars += words(lt, 40.0, y)[0] + words(rt, 40.0 + width + gutter, y)[0]
    return chars


def _items_side_by_side(second: str) -> list[Char]:
    """Two numbered items in justified columns a 1-em gutter apart, three lines each, the
    last short: only two rows end on the left column's edge, and the first line's word
    spaces (about 2 em) are wider than the gutter."""
    left = ["1) Night classes in", "in towns and the far villages", "by volunteers."]
    right = [f"{second} Farm schools for", "young people who sell", "rice and coffee."]
    return _justified_pair(left, right, 150.0, 10.0)


def test_justified_items_side_by_side_split_where_the_next_number_opens_a_column() -> None:
    """The gap before "2)" is narrower than the stretched word spaces of the line, and only
    two rows end on the column's edge (the items' last lines are short): but the right-hand
    text opens with the number after the one opening the line, on an edge three rows
    share, so the gap is the gutter. Hard negative: numbers counting on inside one wide
    justified paragraph (its rows below start at its left edge only) stay in their line."""
    got = lines_of(_items_side_by_side("2)"))
    assert got == ["1) Night classes in", "in towns and the far villages", "by volunteers.",
                   "2) Farm schools for", "young people who sell", "rice and coffee."]
    prose = ["1) Night classes in 2) farm schools for", "young people who sell their rice and",
             "coffee at the market of the town."]
    chars = [c for row, text in enumerate(prose) for c in (
        justified(text, 40.0, 100.0 + row * 12.0, 310.0) if row < 2 else words(text, 40.0, 124.0)[0])]
    assert lines_of(chars) == prose


def test_the_one_word_space_of_a_justified_line_in_a_narrow_column_is_no_gutter() -> None:
    """Narrow justified columns: a line of two words ("Learning, neigh-") has one word
    space, three and a half ems wide, and no other in its column to compare it with. Its
    text starts and ends on the column's edges, no other row has an edge at the gap, and
    the line below runs across it: a word space, not a gutter. Hard negative: a stats
    box, its labels on the left edge and figures set flush right on the right edge, keeps
    each label and figure apart (the gap runs on down the box empty)."""
    left = ["Learning, neigh-", "bourhood clubs and many", "evening classes for the", "adults of the whole town", "each week."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    assert lines_of(_justified_pair(left, right, 110.0, 10.0)) == left + right
    box: list[Char] = []
    for row, (label, figure) in enumerate([("Population", "1,200"), ("Area", "56 km2"), ("GDP", "US$3,400")]):
        box += words(label, 40.0, 300.0 + row * 12.0)[0] + words(figure, 150.0 - len(figure) * ADVANCE, 300.0 + row * 12.0)[0]
    assert lines_of(box) == ["Population", "Area", "GDP", "1,200", "56 km2", "US$3,400"]


def test_a_two_word_justified_line_with_a_table_wide_space_stays_one_line() -> None:
    """Narrow justified columns: a line of two short words ("Zed Reads") stretched to the
    measure leaves a space wider than a table's gap, with nothing on the line to compare
    it with. Its words sit on the column's edges and the lines above and below are lines
    of that column whose words cover the gap: one line. Hard negative: a table of names
    and words set flush right, the rows leaving the channel empty, keeps its cells apart."""
    left = ["Reading clubs on", "Zed Reads", "offered to adults of", "every town and village", "each week."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    assert lines_of(_justified_pair(left, right, 110.0, 10.0)) == left + right
    table: list[Char] = []
    for row, (name, word) in enumerate([("Alpha", "Reads"), ("Beta", "Books"), ("Gamma", "Clubs")]):
        y = 300.0 + row * 12.0
        table += words(name, 40.0, y)[0] + words(word, 150.0 - len(word) * ADVANCE, y)[0]
    assert lines_of(table) == ["Alpha", "Beta", "Gamma", "Reads", "Books", "Clubs"]


def test_words_of_justified_lines_meeting_at_one_place_make_no_column_edge() -> None:
    """Three justified lines, each spaced evenly at two thirds of an em (a word processor's
    justified intro over the first lines of its items): by chance a word ends and the
    next starts at the same place in all three. That is no column edge, and no line is
    cut there. Hard negative: a gap wider than the line's word spaces at that place (a
    gutter) still is one: the columns beside it split."""
    rows = ["alpha beta gamma delta epsilon", "towns hall open far wide", "Open doors for all the people"]
    chars = [c for n, text in enumerate(rows) for c in words(text, 40.0, 100.0 + 12.0 * n, space=6.5)[0]]
    assert lines_of(chars) == rows
    left = ["alpha beta", "towns hall", "Open doors"]
    right = ["gamma delta epsilon", "open far wide", "for all the people"]
    columns = [c for n, (lt, rt) in enumerate(zip(left, right)) for c in
               words(lt, 40.0, 100.0 + 12.0 * n, space=6.5)[0] + words(rt, 40.0 + 45.0 + 13.0 + 12.0, 100.0 + 12.0 * n,
                                                                    space=6.5)[0]]
    assert lines_of(columns) == left + right


def test_a_number_hanging_in_a_gutter_narrower_than_an_em_opens_the_next_item() -> None:
    """A word processor's numbered items in columns: the next column's number hangs in a
    gutter of 0.8 em, left of its item's text, right after the line of the item before.
    The number counts on from the one opening the line ("1)" ... "2)"): it opens the next
    item. Hard negative: a number that does not count on ("4)" after "1)") stays where a
    gutter this narrow leaves it."""
    def page(second: str) -> list[str]:
        chars = words("1)", 40.0, 100.0)[0] + justified("Night schools that follow", 62.0, 100.0, 128.0)
        chars += words(second, 198.0, 100.0)[0] + words("Farm cooperatives that", 220.0, 100.0)[0]
        chars += words("lies in the dry months.", 62.0, 112.0)[0] + words("teach literacy with", 220.0, 112.0)[0]
        chars += words("crafts.", 220.0, 124.0)[0]
        return lines_of(chars)
    assert page("2)") == ["1) Night schools that follow", "lies in the dry months.",
                          "2) Farm cooperatives that", "teach literacy with", "crafts."]
    assert page("4)")[0] == "1) Night schools that follow 4)"


def test_a_columns_paragraph_below_a_sidebar_entry_goes_on_in_its_column() -> None:
    """Two columns of items under a full-width intro, the left one longer (columns
    balanced by a browser), beside a stats sidebar whose entry ends just above the left
    column's second paragraph. That paragraph's band has one wide gap, from the left
    column to the sidebar's last label; it holds the narrow gutter before the sidebar
    of the band above, so the two bands share their columns and the left column is read
    whole before the right one: first, second, then third item (before, the third came
    second). Hard negative (`test_a_row_of_three_under_a_quote_beside_its_attribution_is_not_one_grid`):
    a gap meeting none of the other band's gutters is tested in its middle, as before."""
    chars: list[Char] = []

    def put(text: str, x: float, top: float, size: float = SIZE) -> None:
        chars.extend(words(text, x, top, space=ADVANCE, size=size)[0])

    put("1. Ruritania, Zenda", 43, 49, 18.0)
    for k in range(3):
        put((f"intro line {k} " + "wide words " * 12)[:115].strip(), 43, 77 + 12.5 * k)
    for text, top in zip(["1,200 (2020)", "Population", "45 km2", "Area", "US$5,000"], [82, 98, 109, 125, 136]):
        put(text, 658, top)
    put("first item opens with some words and more words", 43, 120)
    put("and ends here.", 43, 132)
    put("third item opens with some words and more words ok", 343, 120)
    put("and ends there.", 343, 132)
    put("second item opens with some words", 43, 149)
    put("and ends too.", 43, 162)
    put("GDP", 658, 151)
    put("Ann Ek, Mayor of Zenda", 43, 180)
    put(("quote line " + "across the body " * 8)[:114].strip(), 47, 202)
    put("and its end.", 47, 214)
    put("A caption", 653, 278)
    put("Another caption", 653, 394)
    got = lines_of(chars, width=842.0, height=595.0)
    items = [line for line in got if " item opens" in line]
    assert items == ["first item opens with some words and more words", "second item opens with some words",
                     "third item opens with some words and more words ok"]
    assert got.index("1,200 (2020)") > got.index("and ends there.")


def test_an_unnamed_bullet_hanging_in_a_narrow_gutter_opens_the_next_column() -> None:
    """Two justified columns of bulleted items about an em apart, each bullet a glyph
    pdfminer could not name ("(cid:127)", drawn in the gutter) before a capital: the gap
    before the right column's bullet is the gutter, as before a named bullet, so each
    column is read whole (before, the first row ran across both). Hard negative
    (`test_a_marker_hanging_in_the_gutter_stays_with_its_item`): a word such as "etc."
    is no marker."""
    bullet = "(cid:127)"
    left = ["A learning centre, which is responsible for adopting and running all",
            "the programme of general adult education for all members of our town",
            "and of society, with a particular focus on its most vulnerable groups",
            "such as the unemployed and refugees."]
    right = ["The games programme, an innovative and fun way to bring the citizens",
             "and the refugees in the town closer together by promoting inclusion",
             "through sports and classes based on subjects such as local culture",
             "and tradition."]
    chars: list[Char] = []
    for x, lines in ((61.0, left), (438.0, right)):
        chars.append(Char(bullet, x - 12.0, 155.0, x - 7.0, 155.0 + SIZE, SIZE))
        for k, text in enumerate(lines):
            top = 155.0 + 14.0 * k
            chars += justified(text, x, top, 355.0) if k < len(lines) - 1 else words(text, x, top, space=ADVANCE)[0]
    assert lines_of(chars, width=842.0, height=595.0) == [
        f"\u2022 {left[0]}", *left[1:], f"\u2022 {right[0]}", *right[1:]]


def _placed(rows: dict[int, list[tuple[float, float, str]]], size: float) -> list[Char]:
    """Glyphs of words placed as a PDF placed them: each word's letters spread evenly
    between its left and right edge, on the row's top."""
    chars: list[Char] = []
    for top, placed in rows.items():
        for x0, x1, word in placed:
            step = (x1 - x0) / len(word)
            chars += [Char(c, x0 + i * step, float(top), x0 + (i + 1) * step, top + size, size)
                      for i, c in enumerate(word)]
    return chars


# Three justified columns of bulleted items 8 pt apart (less than an em at 9 pt), each
# item's next lines flush with its bullet, as a layout tool set them: each word's left
# and right edge as the PDF placed it, the letters replaced.
_BULLET_ROWS = {194: [(48.0, 52.0, '•'), (56.0, 71.5, 'Wod'), (76.4, 122.4, 'Woooooood'), (127.3, 142.8, 'Wood'), (147.7, 182.7, 'Wooooood'), (187.6, 223.1, 'Woooooo,'), (228.0, 251.0, 'woood'), (255.9, 273.9, 'woood'), (278.8, 291.3, 'wod'), (299.3, 303.3, '•'), (307.5, 335.5, 'Wooood'), (340.6, 377.6, 'wooooood'), (382.7, 425.7, 'woooooood'), (430.8, 441.3, 'wod'), (446.4, 494.9, 'woooooooo,'), (500.0, 510.0, 'wod'), (512.5, 530.5, 'wood'), (535.6, 542.6, 'wd'), (550.6, 554.6, '•'), (558.4, 573.9, 'Wod'), (578.6, 624.7, 'Woooooood'), (629.4, 644.9, 'Wood'), (649.5, 673.1, 'Woood'), (677.8, 710.3, 'Woooooo,'), (715.0, 738.0, 'woood'), (742.7, 764.7, 'wooood'), (769.4, 793.9, 'woood')],
206: [(48.0, 68.0, 'wooood'), (72.3, 82.3, 'w5'), (86.6, 110.2, 'wooood'), (114.5, 146.0, 'woooooood'), (150.3, 166.3, 'wood'), (170.6, 214.1, 'woooooood'), (218.4, 272.0, 'woooooooooood'), (276.3, 291.3, 'wod'), (299.3, 330.8, 'woooooood'), (333.3, 348.3, 'wod'), (350.8, 394.3, 'woooooood'), (396.8, 426.3, 'woooood'), (428.8, 435.8, 'wd'), (438.3, 460.3, 'woood'), (462.8, 498.4, 'woooooo.'), (550.6, 577.6, 'wooood'), (587.6, 595.1, 'wd'), (605.2, 622.2, 'wood'), (632.2, 647.7, 'wood'), (657.7, 664.7, 'wd'), (674.8, 698.3, 'wooood'), (708.3, 740.3, 'woooood'), (750.3, 765.4, 'wod'), (775.4, 793.9, 'woood')],
218: [(48.0, 74.0, 'wooood'), (76.5, 105.0, 'woooood'), (107.5, 139.5, 'woooooo.'), (550.6, 618.1, 'woooooooooooooo.')]}


def test_columns_of_bulleted_items_a_narrow_gutter_apart_are_read_one_after_the_other() -> None:
    """A gap narrower than an em before a bullet opening an item (a capital after it),
    whose next line starts flush with the bullet, is a gutter on two rows: the bullet's
    and the next. Before, three such rows needed the same edge, and the first two
    columns ran across as one line. Hard negative
    (`test_a_marker_hanging_in_the_gutter_stays_with_its_item`): a word such as "etc."
    before a gap is no marker."""
    got = lines_of(_placed(_BULLET_ROWS, 9.0), width=842.0, height=595.0)
    assert [line.split()[-1] for line in got] == ["wod", "wod", "woooooo.", "wd", "woooooo.", "woood", "woood",
                                                 "woooooooooooooo."]
    assert [line for line in got if line.startswith("•")] == [
        "• Wod Woooooood Wood Wooooood Woooooo, woood woood wod", "• Wooood wooooood woooooood wod woooooooo, wod wood wd",
        "• Wod Woooooood Wood Woood Woooooo, woood wooood woood"]


# Two columns of numbered items 8 pt apart (less than an em at 9.5 pt), the right one
# opening on item 3 (the left holds 1 and 2), each item's next line flush with its number.
_NUMBERED_ROWS = {
    232: [(151.0, 160.1, "1."), (163.4, 208.0, "‘Wood"), (211.4, 254.2, "Woooooooo,"), (257.5, 263.4, "w"),
          (266.7, 291.7, "wood"), (295.1, 318.0, "wood"), (321.4, 350.9, "wooood"), (354.3, 374.5, "wood"),
          (377.8, 402.7, "wood"), (406.0, 427.6, "wood"), (431.0, 449.1, "wo0"), (452.5, 471.4, "wood"),
          (479.4, 488.5, "3."), (492.1, 498.6, "W"), (502.1, 525.4, "wooood"), (529.0, 561.4, "wooood"),
          (565.0, 596.5, "wooood"), (600.0, 611.7, "wd"), (615.2, 633.4, "wo0"), (636.9, 689.8, "woooooooo,"),
          (693.4, 713.0, "wod"), (716.6, 729.1, "wod"), (732.1, 741.8, "wd"), (745.4, 799.9, "wooooooooo-")],
    245: [(151.0, 183.0, "wooood"), (186.0, 194.7, "wd"), (197.7, 224.5, "woood"), (227.6, 247.0, "wood"),
          (250.1, 259.2, "wd"), (262.2, 277.8, "wod"), (280.9, 301.1, "wooo."), (479.4, 504.0, "woood"),
          (507.1, 524.9, "wod"), (527.9, 548.5, "wood"), (551.5, 577.8, "woood"), (580.9, 609.6, "woooo.")],
}


def test_a_list_number_opening_an_item_after_a_narrow_gap_opens_a_column() -> None:
    """As a bullet does (the test above), a list number ("3.") before a capital, its
    item's next line flush with it, after a gap narrower than an em: the right column
    opens there, though its number does not count on from the row's first ("1.")."""
    got = lines_of(_placed(_NUMBERED_ROWS, 9.5), width=842.0, height=595.0)
    assert [line.split()[0] for line in got] == ["1.", "wooood", "3.", "woood"]


def _ragged_item_rows(first_word: str) -> list[Char]:
    """An intro's line over two ragged columns of short unnumbered items 7.5 pt apart
    (0.75 em, at word spaces of 0.3 em), the right column's item opening with
    `first_word`: each item two lines, so two rows start on the right column's edge."""
    chars = words("Zenda is a small town on a lake whose schools work together with all its", 40.0, 88.0)[0]
    left, edge = words("A learning network, which links the town's", 40.0, 100.0)
    chars += left + words(f"{first_word} youth council, which trains", edge + 7.5, 100.0)[0]
    chars += words("libraries with its schools.", 40.0, 112.0)[0] + words("people in debates.", edge + 7.5, 112.0)[0]
    return chars


def test_a_gap_over_twice_the_word_spaces_of_ragged_items_before_a_capital_opens_a_column() -> None:
    """Ragged columns of unnumbered items two lines long: the gap before the right item's
    first word (a capital, then lowercase) is narrower than an em but over twice the
    line's word spaces, and the row below leaves it empty: with the item's next line on
    the same edge, it is the gutter (before, three rows had to start there and the first
    row ran across both columns). Hard negative: before a word in lowercase the row runs
    on, as a line of prose with a wide space does."""
    got = lines_of(_ragged_item_rows("The"))
    assert got[1:] == ["A learning network, which links the town's", "libraries with its schools.",
                       "The youth council, which trains", "people in debates."]
    prose = lines_of(_ragged_item_rows("the"))
    assert prose[1] == "A learning network, which links the town's the youth council, which trains"


def _hung_number_rows(second_item_end: float) -> list[Char]:
    """Two justified columns of numbered items 8.5 pt apart (0.85 em), each item's next
    lines hanging on its text, not flush with its number. The right column opens on
    item 3; the left holds items 1 and 2, item 2's first line justified to the column's
    edge when `second_item_end` is 320 (else ragged, ending there)."""
    chars = words("1.", 40.0, 100.0)[0] + justified("The Zenda book fortnight, kept every June in li-", 58.0, 100.0, 262.0)
    chars += words("3.", 328.5, 100.0)[0] + justified("A scheme with the town's shops that offers appren-", 344.0, 100.0, 256.0)
    chars += words("braries, museums and town halls.", 58.0, 112.0)[0]
    chars += words("ticeships to school leavers of the town.", 344.0, 112.0)[0]
    chars += words("2.", 40.0, 129.0)[0] + justified("Evening courses in two languages", 58.0, 129.0, second_item_end - 58.0)
    chars += words("for adults.", 58.0, 141.0)[0]
    return chars


def test_a_list_number_hanging_before_its_text_after_a_narrow_gap_opens_a_column() -> None:
    """A list number before a capital after a gap narrower than an em, its item's next
    line hanging on the text after the number (not flush with it): where the text before
    the gap ends on the column's edge that another row shares (two justified first lines
    of items; the short items leave no third), the gap is the gutter. Before, only a gap
    of GUTTER_GAP ems or a number counting on from the row's first opened a column
    there, and the first row ran across both. Hard negative: where nothing else ends at
    the gap (item 2 ragged), the row runs on."""
    got = lines_of(_hung_number_rows(320.0), width=842.0, height=595.0)
    assert got == ["1. The Zenda book fortnight, kept every June in li-", "braries, museums and town halls.",
                   "2. Evening courses in two languages", "for adults.",
                   "3. A scheme with the town's shops that offers appren-",
                   "ticeships to school leavers of the town."]
    ragged = lines_of(_hung_number_rows(296.0), width=842.0, height=595.0)
    assert ragged[0].startswith("1. The Zenda book fortnight, kept every June in li- 3. A scheme")


# Three justified columns of numbered items one em apart (10.5 pt), and at the right a
# stats sidebar whose lines sit at their own baselines, between the columns' rows.
_SIDEBAR_ROWS = {
    109: [(42.7, 55.6, "(1)"), (60.5, 78.6, "Wod"), (83.6, 108.1, "Wood"), (113.2, 145.5, "Wooood"),
          (150.6, 197.3, "Woooooood"), (202.3, 232.5, "Wooooo,"), (243.0, 255.8, "(2)"), (259.1, 305.8, "Wooooood"),
          (309.1, 334.2, "woood"), (337.5, 345.7, "wd"), (348.9, 375.8, "woood"), (379.1, 432.7, "woooooood"),
          (443.3, 456.1, "(3)"), (459.4, 466.4, "W"), (469.7, 507.1, "wooooood"), (511.0, 543.7, "wooooood"),
          (547.6, 567.4, "wood"), (571.3, 594.1, "wood"), (598.0, 633.0, "wooood")],
    116: [(657.6, 676.0, "woo6"), (678.6, 696.5, "wo2")],
    123: [(42.7, 69.6, "woood"), (74.8, 110.4, "woooood"), (115.5, 158.1, "woooooood"), (163.3, 172.0, "wd"),
          (177.2, 187.7, "wod"), (192.9, 215.6, "wood"), (220.8, 232.5, "wd"), (243.0, 260.5, "wod"),
          (264.0, 307.2, "woooooood"), (310.7, 353.3, "woooooood"), (356.9, 380.2, "wood"), (383.7, 392.5, "wd"),
          (396.0, 432.7, "wooooood"), (443.3, 451.4, "wd"), (456.3, 470.9, "wod"), (475.8, 533.6, "Woooooooood"),
          (538.3, 574.5, "Woooood"), (579.4, 596.9, "wod"), (601.8, 613.5, "wd"), (618.4, 633.0, "wod")],
    129: [(657.6, 689.6, "Wooood"), (692.2, 712.7, "Wod")],
    136: [(42.7, 80.1, "wooooood"), (83.0, 100.5, "wod"), (103.5, 137.9, "wooooood"), (140.8, 203.9, "woooooooooooo."),
          (243.0, 280.9, "Wooood"), (283.8, 301.4, "wod"), (304.3, 328.2, "woood"), (331.1, 382.5, "woooooooo."),
          (443.3, 492.9, "Woooooood"), (495.8, 530.8, "wooooo.")],
    141: [(657.6, 704.9, "Wooooooo0")],
}


def test_a_gutter_shows_past_a_sidebars_rows_set_between_the_columns_rows() -> None:
    """The columns' middle row, justified, has a one-em gap at each gutter, hardly wider
    than twice its word spaces: the rows above and below leave it empty (a channel).
    The sidebar's rows, at their own baselines, stand between them and hold no text left
    of the gap: they are passed over, not taken for the rows beside (before, no channel
    was found and the middle row ran across the three columns)."""
    got = lines_of(_placed(_SIDEBAR_ROWS, 10.5), width=842.0, height=595.0)
    assert [line.split()[0] for line in got if not line.startswith(("woo6", "Wooood Wod", "Wooooooo0"))] == [
        "(1)", "woood", "wooooood", "(2)", "wod", "Wooood", "(3)", "wd", "Woooooood"]


def _items_over_a_margin_quote(quote_top: float) -> list[Char]:
    """A page of two columns of items (two at the left, one at the right), a row of
    three stats cells under them, and a margin quote at the far left from `quote_top`."""
    chars: list[Char] = []
    rows = [("First item of the list, set in the left column, first line", 166.0, 55.0),
            ("and its second line, as wide as the column is wide to the", 166.0, 67.0),
            ("Third item of the list, in the right column, first line", 493.0, 55.0),
            ("and its last line.", 493.0, 67.0),
            ("Second item of the list, set in the left column, its first", 166.0, 100.0),
            ("line and its last.", 166.0, 112.0),
            ("Population", 166.0, 150.0), ("Area", 375.0, 150.0), ("GDP", 583.0, 150.0),
            ("74,737", 166.0, 162.0), ("495 km2", 375.0, 162.0), ("US$56,394", 583.0, 162.0)]
    for text, x, top in rows:
        chars += words(text, x, top, space=ADVANCE)[0]
    for k, text in enumerate(["'Learning is a", "core endeavour", "of our town.'"]):
        chars += words(text, 50.0, quote_top + 12.0 * k, size=9.0)[0]
    return chars


def test_a_body_above_a_margin_quote_is_read_whole_before_it() -> None:
    """A margin quote set wholly below the body's end, left of it: the body and the quote
    lie one above the other, and each is read whole, the body's columns one after the
    other (before, no band ended the body's grid, and the page was read row by row: the
    right column's item between the left column's two). Hard negative: a margin quote
    beside the body keeps the margin column read first."""
    got = lines_of(_items_over_a_margin_quote(300.0), width=842.0, height=595.0)
    firsts = [line.split()[0] for line in got]
    assert [w for w in firsts if w in ("First", "Second", "Third")] == ["First", "Second", "Third"]
    assert firsts.index("Second") + 1 == firsts.index("line")  # the item's second line follows it
    assert firsts[-3:] == ["'Learning", "core", "of"]
    assert len(set(got)) == len(got) == 15  # every line once, none run into another
    beside = lines_of(_items_over_a_margin_quote(55.0), width=842.0, height=595.0)
    assert beside[:3] == ["'Learning is a", "core endeavour", "of our town.'"]


# A narrow stats table in a sidebar (8.9 pt), each cell one word, ragged on the right and
# 10 pt from the next cell's aligned left edge, beside body text (11 pt) on the same rows.
_SIDEBAR_TABLE = {
    88: [(42.7, 60.4, "City"), (101.4, 148.5, "City/urban"), (158.5, 190.0, "Annual")],
    99: [(42.7, 91.4, "population"), (101.4, 121.6, "area"), (158.5, 177.6, "GDP")],
    113: [(158.5, 197.5, "US$4,300")],
    119: [(42.7, 83.5, "4,061,150"), (101.4, 124.3, "1,680"), (126.8, 144.4, "km2")],
    125: [(158.5, 185.1, "(2019)")],
}
_SIDEBAR_BODY = {
    86: [(210.0, 255.0, "Zenda,"), (258.0, 275.0, "the"), (278.0, 320.0, "capital")],
    100: [(210.0, 270.0, "neighbouring"), (273.0, 330.0, "countries.")],
}


def test_one_word_table_cells_apart_less_than_an_em_are_cells() -> None:
    """One-word cells of a table, each row's next cell less than an em of the row's
    (body) type away, but starting on a left edge three rows share: each cell is a line
    of its own, and the table reads column by column (before, "City/urban Annual" and
    "population area" ran across as lines). Hard negative: a heading's letter before
    its title ("A.   Mesure", a corpus PDF), the title on an edge rows below share, stays
    one line."""
    chars = _placed(_SIDEBAR_TABLE, 8.9) + _placed(_SIDEBAR_BODY, 11.0)
    got = lines_of(chars, width=842.0, height=595.0)
    assert got[:10] == ["City", "population", "4,061,150", "City/urban", "area", "1,680 km2", "Annual", "GDP",
                        "US$4,300", "(2019)"]
    lines = load((SHARED / "corpus" / "pdfs" / "plumber-dupchars-2.pdf").read_bytes())[0].lines
    assert "A. Mesure du pH et de la gazom\u00e9trie circulante sanguine" in [line.text for line in lines]


def _glued_number_rows(below_x: float) -> dict[int, list[tuple[float, float, str]]]:
    """Two justified columns of numbered items whose numbers touch their first words
    ("(2)Intercultural"), as a word processor fills a hanging indent: the right column's
    text starts at 230.8 on the first row, its next lines at `below_x`; its gutter (16 pt)
    is barely wider than the first row's stretched word spaces (13 pt)."""
    return {
        129: [(48.0, 59.0, "(1)"), (59.0, 83.0, "Open"), (96.0, 117.2, "days"), (130.2, 139.2, "at"),
              (152.2, 167.0, "the"), (179.9, 203.8, "city’s"), (219.8, 230.8, "(2)"), (230.8, 286.0, "Intercultural"),
              (338.7, 375.5, "learning")],
        142: [(59.0, 105.7, "museums,"), (128.1, 164.4, "libraries"), (186.8, 203.8, "and"),
              (below_x, below_x + 57.5, "programmes"), (311.1, 329.4, "that"), (352.2, 375.5, "bring")],
        155: [(59.0, 99.6, "theatres,"), (102.9, 122.0, "with"), (125.2, 143.2, "free"), (146.5, 177.4, "guided"),
              (180.6, 203.8, "tours"), (below_x, below_x + 38.7, "together"), (278.3, 306.3, "young"),
              (315.1, 345.6, "people"), (354.4, 375.5, "from")],
        168: [(59.0, 71.4, "for"), (74.2, 110.6, "schools."), (below_x, below_x + 38.5, "different"),
              (274.6, 332.8, "communities"), (338.1, 350.5, "for"), (355.8, 375.5, "joint")],
        181: [(below_x, below_x + 38.9, "projects.")],
    }


def test_a_list_number_glued_to_its_item_opens_a_column_where_its_text_hangs() -> None:
    """A list number touching its item's first word after a gap barely wider than the
    justified line's word spaces: where the rows below start on the item's text (a
    hanging indent) and the column before ends on a shared edge, the gap is the gutter
    (before, the first row ran across both columns). Hard negative: rows below that do
    not hang on the text leave the first row as it was."""
    got = lines_of(_placed(_glued_number_rows(230.8), 10.0), width=595.0, height=842.0)
    assert got == ["(1)Open days at the city’s", "museums, libraries and", "theatres, with free guided tours",
                   "for schools.", "(2)Intercultural", "learning", "programmes that bring", "together young people from",
                   "different communities for joint", "projects."]
    apart = lines_of(_placed(_glued_number_rows(234.0), 10.0), width=595.0, height=842.0)
    assert apart[0].startswith("(1)Open days at the city’s (2)Intercultural")


def _ragged_glued_rows(second: str) -> dict[int, list[tuple[float, float, str]]]:
    """Two ragged (left-aligned) columns of items whose numbers touch their first words,
    the next lines hanging at 65 and 233: the left column's first row ends 10 pt (under
    an em) before the right column's number, and no other row ends where it does."""
    return {
        86: [(51.0, 65.0, "(1)"), (65.0, 82.0, "The"), (85.0, 122.0, "Night"), (125.0, 174.0, "Ferry,"),
             (177.0, 182.3, "a"), (185.0, 209.2, "boat"), (219.0, 233.0, second), (233.0, 273.3, "Dockside"),
             (276.0, 344.3, "workshops"), (347.0, 355.3, "in")],
        99: [(65.0, 81.3, "that"), (84.0, 113.3, "takes"), (116.0, 151.3, "night"), (154.0, 187.3, "classes"),
             (190.0, 199.6, "to"), (233.0, 259.3, "where"), (262.0, 291.2, "old"), (294.0, 345.2, "caulkers")],
        111: [(65.0, 78.2, "the"), (81.0, 115.3, "hamlets"), (118.0, 143.3, "down"), (146.0, 159.3, "the"),
              (162.0, 190.0, "lake."), (233.0, 260.3, "teach"), (263.0, 295.0, "pupils.")],
    }


def test_a_glued_number_counting_on_opens_a_ragged_column() -> None:
    """Ragged columns end on no shared edge: a glued number that counts on from the one
    opening the row ("(1)The ... boat" "(2)Dockside"), its item's next lines hanging on
    its text and the gap empty down the rows below, opens the next column (before, the
    first rows of both items ran into one line). Hard negative: a number that does not
    count on ("(5)") leaves the row as it was."""
    got = lines_of(_placed(_ragged_glued_rows("(2)"), 11.0), width=595.0, height=842.0)
    assert got == ["(1)The Night Ferry, a boat", "that takes night classes to", "the hamlets down the lake.",
                   "(2)Dockside workshops in", "where old caulkers", "teach pupils."]
    other = lines_of(_placed(_ragged_glued_rows("(5)"), 11.0), width=595.0, height=842.0)
    assert other[0].startswith("(1)The Night Ferry, a boat (5)Dockside")


def _padded_number_rows(second: str) -> dict[int, list[tuple[float, float, str]]]:
    """Two justified columns of two-line items numbered "01", "02": the first rows'
    stretched word spaces (7 pt) nearly as wide as the gutter (9.4 pt), the second lines
    short, so no edge is shared where the left column ends."""
    return {
        80: [(51.0, 62.0, "01"), (65.0, 83.5, "The"), (86.0, 106.5, "Lamp"), (113.0, 149.5, "School,"),
             (156.0, 178.0, "where"), (185.0, 209.6, "weavers"), (219.0, 228.0, second), (233.0, 264.7, "Evening"),
             (269.0, 306.7, "Courses,"), (311.0, 330.6, "when"), (335.0, 346.6, "the"), (351.0, 381.0, "univer-")],
        90: [(65.0, 100.8, "trained"), (103.0, 119.7, "teach"), (122.0, 143.7, "young"), (146.0, 175.0, "people."),
             (233.0, 245.8, "sity"), (248.0, 268.7, "opens"), (271.0, 279.8, "its"), (282.0, 298.7, "rooms"),
             (301.0, 307.8, "to"), (310.0, 345.0, "everyone.")],
    }


def test_a_number_padded_with_a_zero_hangs_in_the_gutter_before_its_item() -> None:
    """"02" after a gutter-wide gap, its item's next line hanging on the text after it:
    a designer's item number (prose pads no figure), so the gap is the gutter (before,
    both items' first rows ran into one line). Hard negative: an unpadded "12" there may
    be a justified line's figure and leaves the row as it was."""
    got = lines_of(_placed(_padded_number_rows("02"), 9.0), width=595.0, height=842.0)
    assert got == ["01 The Lamp School, where weavers", "trained teach young people.",
                   "02 Evening Courses, when the univer-", "sity opens its rooms to everyone."]
    other = lines_of(_placed(_padded_number_rows("12"), 9.0), width=595.0, height=842.0)
    assert other[0].startswith("01 The Lamp School, where weavers 12 Evening")


def _dashed(rows: dict[int, list[tuple[float, float, str]]], x: float) -> dict[int, list[tuple[float, float, str]]]:
    """`_NUMBERED_ROWS` with its list numbers as en dashes, the right column's item's
    next line starting at `x` (479.4: flush with the dash)."""
    out = {top: [(a, b, "–" if word in ("1.", "3.") else word) for a, b, word in placed]
           for top, placed in rows.items()}
    out[245] = [(a, b, w) if a < 470 else (a - 479.4 + x, b - 479.4 + x, w) for a, b, w in out[245]]
    return out


def test_an_en_dash_opening_an_item_after_a_narrow_gap_opens_a_column() -> None:
    """An en dash before a capital, its item's next line flush with it, after a gap
    narrower than an em, opens a column as a list number does (before, dashes were left
    out: prose prints them between words). Hard negative: where the line below does not
    start at the dash, the row runs on (a dash of prose)."""
    got = lines_of(_placed(_dashed(_NUMBERED_ROWS, 479.4), 9.5), width=842.0, height=595.0)
    assert [line.split()[0] for line in got] == ["–", "wooood", "–", "woood"]
    prose = lines_of(_placed(_dashed(_NUMBERED_ROWS, 489.0), 9.5), width=842.0, height=595.0)
    assert prose[0].startswith("– ‘Wood") and "– W wooood" in prose[0]


def _offset_columns(shift: float) -> list[Char]:
    """Two ragged columns 7.5 pt apart (less than an em), the right column's lines set
    `shift` points lower than the left's, as a word processor may set a column."""
    chars: list[Char] = []
    left = ["Guide training for young people who learn to lead", "visitors through the hills of the old forest of"]
    right = ["and Latin.", "Women learn weaving and reading together."]
    for k, text in enumerate(left):
        chars += words(text, 40.0, 100.0 + 12.0 * k, space=ADVANCE, size=9.5)[0]
    edge = 40.0 + max(len(t) for t in left) * ADVANCE + 7.5
    for k, text in enumerate(right):
        chars += words(text, edge, 100.0 + shift + 12.0 * k, space=ADVANCE, size=9.5)[0]
    return chars


def test_lines_of_two_columns_at_their_own_baselines_are_parted() -> None:
    """Two columns less than an em apart whose lines stand at baselines 0.45 em apart
    (one row took both): the glyphs either side of the gap stand on two lines, each of
    several glyphs, and the gap parts them (before, "... learn to lead and Latin." ran
    across). Hard negative: a symbol raised alone within a line stays in it."""
    got = lines_of(_offset_columns(4.3))
    assert "and Latin." in got and "Guide training for young people who learn to lead" in got
    line = words("respiratoire", 40.0, 100.0, size=10.0)[0]
    line += [Char("\u00a8", line[-1].x1 + 3.0, 96.8, line[-1].x1 + 12.0, 106.8, 10.0)]
    line += words("compensatrice", line[-1].x1 + 3.0, 100.0, size=10.0)[0]
    assert lines_of(line) == ["respiratoire \u00a8 compensatrice"]


def _hung_items_column(second_first_line: str) -> list[Char]:
    """A narrow justified column of numbered items, each number hanging left of its
    item's text (x 35, text from 52 to 162): two lines of two words each, a whole
    column's width apart, over a paragraph's or an item's short last line."""
    rows = [("1)", "A programme of walks in"), (None, "the old town for all"), (None, "schoolchildren and"),
            (None, "their parents."), ("2)", second_first_line), (None, "for families in the old"),
            (None, "town on every Sunday."), ("3)", "Evening classes for the"), (None, "workers of the mills.")]
    chars: list[Char] = []
    for row, (marker, text) in enumerate(rows):
        y = 100.0 + row * 12.0
        if marker:
            chars += words(marker, 35.0, y)[0]
        chars += justified(text, 52.0, y, 110.0) if not text.endswith(".") else words(text, 52.0, y)[0]
    return chars


def test_two_words_of_a_justified_item_line_over_a_short_line_stay_one_line() -> None:
    """A narrow justified column's line of two words ("schoolchildren   and") leaves a
    space 2.5 em wide, over the item's short last line, which runs nowhere near it:
    that row says nothing of the gap, the line above runs across it, so it is a word
    space. So is the one of an item's first line ("2)  Riverside   Learning"), measured
    from its text past the hanging number. Hard negatives: the column beside a gutter
    still splits (a two-column page whose right column's lines leave the channel empty);
    a bullet set on the column's edge, justified with its words ("•   The   Riverside"),
    is where its line starts, and the line stays whole."""
    got = lines_of(_hung_items_column("Riverside Learning"))
    assert got == ["1) A programme of walks in", "the old town for all", "schoolchildren and", "their parents.",
                   "2) Riverside Learning", "for families in the old", "town on every Sunday.",
                   "3) Evening classes for the", "workers of the mills."]
    left = ["Learning, neigh-", "bourhood clubs and many", "evening classes for the", "adults of the whole town", "each week."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    assert lines_of(_justified_pair(left, right, 110.0, 14.0)) == left + right
    bulleted = ["• The Riverside", "Reading Circle, which", "links the libraries of", "the town with schools", "each week."]
    assert lines_of(_justified_pair(bulleted, right, 110.0, 14.0)) == bulleted + right


def test_a_figure_ending_a_justified_line_before_a_narrow_gutter_is_no_list_number() -> None:
    """Justified columns spaced wider than their one-em gutter: a line of the left column
    ends in a figure ("... in all 100") set a wide word space after the word before it.
    A bare number of three digits is no list's number hanging before the next column's
    text: the gutter after it is cut as on every other row. Hard negative: a bare list
    number of two digits hanging in the gutter stays with its item (the parametrized
    hanging-marker test)."""
    left = ["abc de fghij kl mnopq", "rs tuvw offering 100", "jklmn op qrs tu vwxyz"]
    right = ["one two three", "four five six", "seven eight ab"]
    chars: list[Char] = []
    for row, (lt, rt) in enumerate(zip(left, right)):
        y = 100.0 + row * 12.0
        chars += justified(lt, 40.0, y, 150.0) + justified(rt, 199.0, y, 100.0)
    assert lines_of(chars) == left + right


def test_a_two_word_justified_line_over_its_paragraphs_last_line_stays_one_line() -> None:
    """A narrow justified column's line of two words ("Zed   Reads") stretched over a
    table-wide space, under a whole line of the column and over the paragraph's short last
    line ("every evening.", which runs under the gap's left end but not to the column's
    right edge): one line. Hard negative: a table of names and words set flush right whose
    last row holds its first cell alone keeps its cells apart (its rows leave the channel
    empty, so no row above is a line of a column)."""
    left = ["Reading clubs on", "offered to adults of", "every town and village", "Zed Reads", "every evening."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    assert lines_of(_justified_pair(left, right, 110.0, 10.0)) == left + right
    table: list[Char] = []
    for row, (name, word) in enumerate([("Alpha", "Reads"), ("Bet", "Bookshops"), ("Gammas", "Cafe"),
                                        ("Deltaepsilonzeta", "")]):
        y = 300.0 + row * 12.0
        table += words(name, 40.0, y)[0] + (words(word, 150.0 - len(word) * ADVANCE, y)[0] if word else [])
    assert "Gammas" in lines_of(table) and "Cafe" in lines_of(table)



def test_a_justified_line_ending_in_a_one_letter_word_keeps_the_gutter_after_it() -> None:
    """Three justified columns a one-em gutter apart: a line of the first column ends in
    "a", its word spaces stretched wider than the gutter. A lowercase letter alone before
    the gutter is no list marker hanging before the next column's text when that text
    opens in lowercase: the gutter cuts the row (hard negative: a symbol font's bullet
    given as "o" hanging before an item's capital, in
    `test_a_marker_hanging_in_the_gutter_stays_with_its_item`)."""
    left = ["Reading circles for", "pupils and a", "book fair with", "the schools of the", "town."]
    right = ["Evening classes", "hoods, a programme", "for workers of the", "mills and the farms", "alike."]
    got = lines_of(_justified_pair(left, right, 110.0, 10.0))
    assert got == left + right


def test_a_row_of_captions_far_below_two_columns_is_read_after_both() -> None:
    """Two columns of items, then a photo's height below them a row of two captions (the
    first on the left column's edge) and a stats box on that edge: a new row, read after
    both columns, not down the first column. Hard negative: a column's next item only a
    paragraph's space below goes on down its column."""
    chars: list[Char] = []
    chars += words("an intro line across the whole width of the page body", 40.0, 80.0)[0]
    left = ["first item of the", "list goes on here", "", "second item there", "and goes on"]
    right = ["third item of the", "list set in the", "", "fourth item in", "the right column"]
    for row, (lt, rt) in enumerate(zip(left, right)):
        y = 100.0 + row * 12.0
        if lt:
            chars += words(lt, 40.0, y)[0]
        if rt:
            chars += words(rt, 200.0, y)[0]
    chars += words("reading room", 40.0, 220.0)[0] + words("book fair", 260.0, 220.0)[0]
    chars += words("population 1,200", 40.0, 250.0)[0]
    chars += words("a heading across the whole width of the body", 40.0, 275.0)[0]
    got = lines_of(chars)
    assert got.index("third item of the") < got.index("reading room") < got.index("population 1,200")
    assert got.index("and goes on") < got.index("third item of the")  # across the paragraph space


def test_a_ligature_gap_stretched_at_a_justified_line_end_stays_in_its_word() -> None:
    """A justified line's last word split after its ligature glyph ("di" "ff" "i" | "cult"),
    the gap stretched to a gutter's width, the line below a paragraph's short last line:
    the tail is no column of its own (no other row starts on its edge), and the line
    keeps it for the ligature repair. Hard negatives: a left column's lines ending in
    "staff" before a gutter, the right column's lowercase lines on one edge, are cut; so is
    a gutter three ems wide after "staff" before a hanging line alone on its edge."""
    chars, x = words("the towns of the guide prove that even in di", 40.0, 100.0, space=4.5)
    chars += [Char("ff", x, 100.0, x + 2 * ADVANCE, 110.0, SIZE), Char("i", x + 10.0, 100.0, x + 15.0, 110.0, SIZE)]
    chars += words("cult", x + 15.0 + 9.5, 100.0)[0]
    chars += words("times, learning brings people together.", 40.0, 112.0)[0]
    assert lines_of(chars) == ["the towns of the guide prove that even in diffi cult", "times, learning brings people together."]
    columns: list[Char] = []
    for row, (left, right) in enumerate([("the mill and its staff", "members of the club"),
                                         ("the school and its staff", "members of the choir"),
                                         ("the farms and their staff", "workers of the valley")]):
        y = 100.0 + row * 12.0
        columns += words(left, 40.0, y)[0] + words(right, 40.0 + 26 * ADVANCE + 9.5, y)[0]
    got = lines_of(columns)
    assert "the mill and its staff" in got and "members of the club" in got
    # nor a gutter three ems wide after "staff", the next column's hanging line alone on its edge
    hanging = words("(1) The mill pledge, by which em-", 40.0, 100.0)[0]
    hanging += words("(3) The farm school, which offers ex-", 188.5, 100.0)[0]
    hanging += words("ployers train their staff", 55.0, 112.0)[0] + words("perience to the young.", 203.5, 112.0)[0]
    hanging += words("of every age.", 55.0, 124.0)[0]
    assert "ployers train their staff" in lines_of(hanging)


def test_a_ligature_given_as_its_own_character_is_read_as_its_letters_at_a_stretched_gap() -> None:
    """PDFium may give a ligature glyph as the ligature's character ("\ufb03", where
    pdfplumber gives "ffi"): a justified line's word split after it, the gap stretched to
    a gutter's width, went off as a column of its own in that backend only ("effi" |
    "cient use of", its paragraph's next line read before it). Read as its letters, the
    gap is the ligature's, as in the other backend."""
    chars, x = words("the efficient use of the parks and squares in every e", 40.0, 100.0, space=4.5)
    chars += [Char("\ufb03", x, 100.0, x + 3 * ADVANCE, 110.0, SIZE)]
    chars += words("cient use of", x + 3 * ADVANCE + 9.5, 100.0)[0]
    chars += words("public buildings.", 40.0, 112.0)[0]
    got = lines_of(chars)
    assert got[0].endswith("cient use of") and got[1] == "public buildings."


def _bare_numbered_columns(first: str) -> list[Char]:
    """Items of two lines in three columns, numbered with bare numbers ("1 The ...", "2 An
    ..."), the first two columns 8.5 pt apart (less than a gutter's em), each item's next
    line flush with its number; `first`, the first column's first line."""
    chars, x = words(first, 40.0, 100.0)
    second = x + 8.5
    chars += words("2 An affordable housing scheme for", second, 100.0)[0]
    _, x3 = words("2 An affordable housing scheme for", second, 100.0)
    chars += words("3 Evening classes", x3 + 15.0, 100.0)[0]
    chars += words("ses to the young.", 40.0, 112.0)[0] + words("young people of the town.", second, 112.0)[0]
    chars += words("for older adults.", x3 + 15.0, 112.0)[0]
    return chars


def test_a_bare_list_number_after_a_narrow_gutter_opens_its_column_on_a_numbered_row() -> None:
    """Bare-numbered items in columns under a gutter narrower than an em, each item two
    lines (only two rows start on the second column's edge): on a row opened by a lower
    bare number, "2" opening a capitalised word is an item's marker, as "2." is, and the
    gap before it the gutter (before, the first item ran on into the second's first line).
    Hard negative: on a row of prose, not opened by a number, the gap stays a word space."""
    got = lines_of(_bare_numbered_columns("1 The Zenda programme offers cour-"))
    assert "1 The Zenda programme offers cour-" in got and "2 An affordable housing scheme for" in got
    prose = lines_of(_bare_numbered_columns("The Zenda programme of the town in"))
    assert "The Zenda programme of the town in 2 An affordable housing scheme for" in prose


def test_a_rows_own_bullet_after_a_narrow_gutter_opens_the_item_beside_a_longer_one() -> None:
    """Bulleted items in two columns 8 pt apart (less than an em): the right item one line
    long beside a left item of two, so no other row starts on the right column's edge.
    The bullet that opens the row, again after a gap wider than twice its words' spaces,
    before a capital, opens the item beside (before, it ran into the left item, whose
    broken word's tail came after it). Hard negative: bullets between a line's words at
    its word spaces ("▪ Its aims: ▪ Reading ▪ Writing") part nothing."""
    chars, x = words("▪ A network of centres that teach the national lan-", 40.0, 100.0)
    chars += words("▪ The annual festival, with free events.", x + 8.0, 100.0)[0]
    chars += words("guage to adults.", 52.0, 112.0)[0] + words("▪ Evening classes for workers.", 40.0, 128.0)[0]
    got = lines_of(chars)
    assert "▪ A network of centres that teach the national lan-" in got
    assert "▪ The annual festival, with free events." in got
    assert lines_of(words("▪ Its aims: ▪ Reading ▪ Writing for all", 40.0, 100.0)[0]) == ["▪ Its aims: ▪ Reading ▪ Writing for all"]


def _one_letter_first_word(space_after: float, spaces: float) -> list[Char]:
    """An intro's justified line opening on a one-letter word ("a"), the gap after it
    `space_after` and its other word spaces `spaces` wide, over a list whose items' text
    hangs on the edge just after that gap."""
    chars = justified("The city of Zenda sits in a historic valley and draws on its port to build", 40.0, 88.0, 420.0)
    chars += words("a", 40.0, 100.0)[0]
    chars += words("learning city. Over the last five years the council doubled its spending on",
                   45.0 + space_after, 100.0, space=spaces)[0]
    chars += words("community education. Its main initiatives include:", 40.0, 112.0)[0]
    text_at = 45.0 + space_after
    for row, line in enumerate(["An affordable housing", "and learning scheme for", "women and men."]):
        chars += words(line, text_at, 130.0 + 12.0 * row)[0]
    chars += words("–", 40.0, 130.0)[0]
    return chars


def test_a_justified_lines_one_letter_first_word_stays_on_its_line_over_hanging_items() -> None:
    """A justified line opening on "a", its word spaces stretched to 0.7 em, over items
    whose text hangs on the edge just after the first space: "a" read as a table's
    one-word cell and went off alone. A gap as wide as three or more of its row's other
    gaps, on no column edge, is a word space. Hard negative: a first word set apart by a
    gap wider than the row's plain word spaces is still a cell."""
    got = lines_of(_one_letter_first_word(7.0, 7.0))
    assert any(line.startswith("a learning city. Over the last") for line in got)
    apart = lines_of(_one_letter_first_word(7.0, 3.0))
    assert "a" in apart


def test_a_first_row_of_justified_items_is_cut_where_the_right_column_starts_on_a_shared_edge() -> None:
    """Unmarked items in justified columns under a one-em gutter: the first row's left line
    of three words stretched wider than the gutter, the left item's last line short (only
    two rows end on its column's edge), but the right item's four lines start on one edge:
    the gap is the gutter (the justified lines' own spaces are kept whole: the test's
    three-column and intro tests above hold the other side)."""
    left = ["The Zenda Reading Fair,", "set up every May in the parks", "of the town."]
    right = ["Evening classes in the", "old school for workers who", "wish to read and count", "with their children."]
    chars: list[Char] = []
    for row in range(4):
        y = 100.0 + row * 12.0
        if row < len(left):
            chars += justified(left[row], 40.0, y, 150.0) if row < 2 else words(left[row], 40.0, y)[0]
        chars += justified(right[row], 199.0, y, 150.0) if row < 3 else words(right[row], 199.0, y)[0]
    got = lines_of(chars)
    assert got[:3] == left and got[3:7] == right


def test_a_margin_line_beside_a_justified_line_spaced_as_wide_is_cut_at_the_size_change() -> None:
    """A margin quote set smaller (9 pt) left of the body's narrow justified column: one
    margin line ends as far from the column's edge as the body line beside it spaces its
    two words ("responsible   for", 5 em). The two gaps look like a justified line's even
    spaces, from the margin's edge to the column's; but a justified line sets its words in
    one size, so the margin's gap is no space of it, and the margin line stays apart. Hard
    negative: the body's own two-word line keeps its 5-em space (it is justified)."""
    margin = ["Reading is how", "our town meets", "cooperation,", "and its future", "for all."]
    body = ["A programme of walks", "in the old town of", "responsible for", "apprentice weavers and", "potters."]
    chars: list[Char] = []
    for row, (quote, text) in enumerate(zip(margin, body)):
        y = 100.0 + row * 12.0
        chars += words(quote, 40.0, y + 1.0, space=2.7, size=9.0)[0]
        chars += justified(text, 150.0, y, 120.0) if row < len(body) - 1 else words(text, 150.0, y)[0]
    assert lines_of(chars) == margin + body


def test_two_short_worded_justified_lines_in_a_row_stay_whole() -> None:
    """A narrow justified column sets two lines of two words each one after the other
    ("harbours,   kilns" over "pottery   and"), their wide spaces overlapping but not
    lined up; a whole line of the column above and below. Each one's neighbour is no
    whole line, but a line of few words spaced elsewhere, with a whole line beyond it:
    word spaces, not a gutter. Hard negatives: a table's two rows between whole lines,
    their second cells starting on one edge (the first row's channel, the second row's
    longer first cell runs into it), keep their cells apart; so do rows whose cells
    start and end on shared edges (their channel runs on empty)."""
    left = ["Reading clubs on", "harbours, kilns", "pottery and", "every town and village", "each week."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    assert lines_of(_justified_pair(left, right, 110.0, 10.0)) == left + right
    for table in (["a line above all the table", "Readers Alpha", "Novelists Vesko", "a line below all the table"],
                  ["a line above all the table", "Readers Alpha", "Writers Vesko", "a line below all the table"]):
        chars = [c for row, text in enumerate(table) for c in justified(text, 40.0, 300.0 + row * 12.0, 130.0)]
        got = lines_of(chars)
        assert "Readers" in got and "Alpha" in got and table[0] in got and table[3] in got


def test_margin_lines_between_a_columns_lines_do_not_hide_them() -> None:
    """A margin column set at its own baselines, its lines falling between the body's:
    the line above or below a two-word justified line ("Zed   Reads") of the body's narrow
    column is the body's next line, not the margin line between them, which lies nowhere
    near the column. Hard negative: the table beside a margin keeps its cells apart."""
    left = ["Reading clubs on", "Zed Reads", "offered to adults of", "every town and village", "each week."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    margin = ["Learning is the", "way our town", "meets its future", "every day of", "the year."]
    body = [Char(c.text, c.x0 + 110.0, c.top, c.x1 + 110.0, c.bottom, c.size) for c in _justified_pair(left, right, 110.0, 10.0)]
    chars = body + [c for row, text in enumerate(margin) for c in words(text, 40.0, 106.0 + row * 12.0, size=9.0)[0]]
    assert lines_of(chars) == margin + left + right
    table: list[Char] = []
    for row, (name, word) in enumerate([("Alpha", "Reads"), ("Beta", "Books"), ("Gamma", "Clubs")]):
        y = 300.0 + row * 12.0
        table += words(name, 150.0, y)[0] + words(word, 260.0 - len(word) * ADVANCE, y)[0]
        table += words(margin[row], 40.0, y + 6.0, size=9.0)[0]
    got = lines_of(table)
    assert "Alpha" in got and "Reads" in got


def test_a_columns_two_word_first_line_under_the_intro_stays_whole() -> None:
    """Two narrow justified columns under an intro set across both: the first column's
    first line holds two words ("Zed   Reads") spaced over a table's gap. No line of the
    column lies above it (the intro's runs on across the column's edge): the column opens
    there, and the whole line below it shows the space is a word space. Hard negatives: a
    table's first row under a heading keeps its cells apart, whether its rows below leave
    the channel empty or run a long cell into it (that row spaces its cells wider than
    its words: no line of text)."""
    left = ["Zed Reads", "offered to adults of", "every town and village", "in the whole valley", "each week."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    intro = words("An intro set across the whole width of both columns of items", 40.0, 86.0)[0]
    assert lines_of(intro + _justified_pair(left, right, 110.0, 10.0)) == [
        "An intro set across the whole width of both columns of items", *left, *right]
    table = words("Figures of the town", 40.0, 286.0)[0]
    for row, (name, word) in enumerate([("Alpha", "Reads"), ("Beta", "Books"), ("Gamma", "Clubs")]):
        y = 300.0 + row * 12.0
        table += words(name, 40.0, y)[0] + words(word, 150.0 - len(word) * ADVANCE, y)[0]
    got = lines_of(table)
    assert "Alpha" in got and "Reads" in got
    table = words("Table 2: Clubs of the town.", 80.0, 470.0)[0]
    for row, (text, figure) in enumerate([("Description", "Rows"), ("Reading clubs met in the old hall.", "8/16"),
                                          ("Night classes for the mill workers.", "4/7"),
                                          ("Walks in the old town on Sundays.", "3/5")]):
        y = 500.0 + row * 12.0
        table += words(text, 40.0, y)[0] + words(figure, 250.0 - len(figure) * ADVANCE, y)[0]
    got = lines_of(table)
    assert "Description" in got and "Rows" in got


def test_a_justified_line_ending_in_a_before_a_capital_keeps_the_gutter_after_it() -> None:
    """Justified columns a one-em gutter apart, their word spaces wider: a line of the left
    column ends in "a" and the next column's line opens with a capital ("Together,").
    "a" set as the line's next word, after a space as wide as the one before it, is a
    word a line of prose runs on from, no list's marker hanging before an item: the
    gutter after it cuts the row. Hard negative: a symbol font's bullet given as "o", or
    a form's bare item letter "a" hanging in the gutter, stays with its item
    (`test_a_marker_hanging_in_the_gutter_stays_with_its_item`)."""
    left = ["Reading circles for", "pupils and a", "book fair with", "the schools of the", "town."]
    right = ["Evening classes", "Together, a group", "for workers of the", "mills and the farms", "alike."]
    assert lines_of(_justified_pair(left, right, 110.0, 10.0)) == left + right


def test_a_columns_first_line_over_a_two_word_line_spaced_wider_stays_whole() -> None:
    """Under an intro, a narrow justified column's first line holds two words ("Learning
    Reads"), its second too ("Zed,   a"), spaced so wide that its space spans all
    of the first one's: the first line's space is measured against the line beyond, a
    whole line of the column, and both lines stay whole. Hard negative: the table rows
    of `test_two_short_worded_justified_lines_in_a_row_stay_whole` keep their cells
    apart."""
    left = ["Learning Reads", "Zed, a", "school for weavers", "every town and village", "each week."]
    right = ["Free courses for", "the workers of all the", "mills and the farms of", "the valley and the hills", "all year."]
    intro = words("An intro set across the whole width of both columns of items", 40.0, 86.0)[0]
    assert lines_of(intro + _justified_pair(left, right, 110.0, 10.0)) == [
        "An intro set across the whole width of both columns of items", *left, *right]


def test_a_number_hanging_in_the_gutter_over_lines_hung_on_its_right_edge_opens_its_item() -> None:
    """A word processor's numbered items in columns, each item's lines after the first
    hung on the number's right edge (an indent as wide as "(2)") and its first line's
    text set further off by a tab: the next column's number stands an em after the left
    column's line, its item's text a tab beyond. The gutter is before the number, which
    opens its item, though no line below starts where the first line's text does. Hard
    negative: an inline "(2)" in prose, its line's next line running under it, stays in
    its line (`test_a_number_hanging_in_a_gutter_narrower_than_an_em_opens_the_next_item`
    and the marker tests keep the other sides)."""
    chars = words("(1)", 40.0, 100.0)[0] + justified("The kiln club, a monthly", 70.0, 100.0, 130.0)
    chars += words("firing for potters and", 55.0, 112.0)[0] + words("weavers of the valley.", 55.0, 124.0)[0]
    chars += words("(2)", 210.0, 100.0)[0] + justified("A boat building course", 240.0, 100.0, 130.0)
    chars += words("teaches young people the", 225.0, 112.0)[0] + words("crafts of the harbour.", 225.0, 124.0)[0]
    assert lines_of(chars) == ["(1) The kiln club, a monthly", "firing for potters and", "weavers of the valley.",
                               "(2) A boat building course", "teaches young people the", "crafts of the harbour."]
    prose = words("the clubs named in (2) above meet every week in the old hall", 40.0, 300.0)[0]
    prose += words("of the town and on Sundays in the library by the harbour", 40.0, 312.0)[0]
    assert lines_of(prose) == ["the clubs named in (2) above meet every week in the old hall",
                               "of the town and on Sundays in the library by the harbour"]


def _overhung_items(first_line: str) -> list[Char]:
    """Two numbered items side by side, each item's lines after the first hung 2 pt short
    of its number's right edge (a hanging indent narrower than "(2)"), its first line's
    text set a tab further on; columns 150 pt wide, a 10-pt gutter."""
    chars = words("(1)", 40.0, 100.0)[0] + justified(first_line, 75.0, 100.0, 128.0)
    chars += justified("halls that teach the old", 53.0, 112.0, 150.0) + words("crafts to all.", 53.0, 124.0)[0]
    chars += words("(2)", 213.0, 100.0)[0] + justified("A boat building course", 248.0, 100.0, 128.0)
    chars += justified("teaches young people the", 226.0, 112.0, 150.0)
    chars += words("crafts of the harbour.", 226.0, 124.0)[0]
    return chars


def test_a_number_overhanging_its_hanging_indent_opens_its_item() -> None:
    """A word processor's number wider than its item's hanging indent runs past the edge
    its next lines hang on (by 2 pt), its first line's text a tab beyond: the gutter is
    before the number, narrower than the first line's justified space (28 pt) in the
    column before, whose two words stay one line (the gutter found, its column's next line
    ends where it does; the third is short). Hard negatives: an inline "(2)" in prose keeps its line
    (the marker tests and
    `test_a_number_hanging_in_the_gutter_over_lines_hung_on_its_right_edge_opens_its_item`);
    `test_a_wide_space_before_a_gutter_stays_apart_where_the_next_lines_end_elsewhere`."""
    assert lines_of(_overhung_items("Loomhouses, riverside")) == [
        "(1) Loomhouses, riverside", "halls that teach the old", "crafts to all.",
        "(2) A boat building course", "teaches young people the", "crafts of the harbour."]


def test_a_wide_space_before_a_gutter_stays_apart_where_the_next_lines_end_elsewhere() -> None:
    """A ragged column's line of two pieces 28 pt apart (a formula's), a gutter after it:
    one row two lines down ends where the line does, by chance, but the lines just above
    and below it end elsewhere, so nothing shows a justified column's edge there: the two
    pieces stay apart (a rule taking any one other row's end as the edge joins them)."""
    chars: list[Char] = []
    left = ["alpha beta gamma delta", "", "epsilon zeta eta theta", "kappa mu nu rho"]
    right = ["one two three", "four five six", "seven eight", "nine ten"]
    for row, (lt, rt) in enumerate(zip(left, right)):
        y = 100.0 + row * 12.0
        chars += words(lt, 40.0, y)[0] if lt else words("Orlo", 40.0, y)[0] + words("Vesk", 89.0, y)[0]
        chars += words(rt, 160.0, y)[0]
    assert lines_of(chars) == ["alpha beta gamma delta", "Orlo", "Vesk", "epsilon zeta eta theta",
                               "kappa mu nu rho", *right]


@pytest.mark.parametrize("second", ["2. Farm schools for", "Farm schools for the"])
def test_a_figure_ending_a_justified_line_before_the_gutter_is_no_list_number(second: str) -> None:
    """A justified first line ending on a bare figure ("1. Classes in all 37"), its word
    spaces wider than the one-em gutter after it: the figure is the line's last word, not a
    number hanging before the next column's item, whether that item opens with its own
    number ("2. Farm") or in words (its label set on the line above). Hard negative: a bare
    number after a gap wider than the line's word spaces, before an item's capital, still
    hangs with its item (`test_list_marker_stays_with_its_item`)."""
    left = ["1. Classes in all 37", "districts and the far villages", "given by the volunteers", "of the town."]
    right = [second, "young people who sell", "their rice, coffee and", "cocoa."]
    got = lines_of(_justified_pair(left, right, 150.0, 10.0))
    assert got == [*left, *right]


def _columns_then_quote(right_rows: int = 4, quote_x: float = 60.0) -> list[Char]:
    """Two columns of two paragraphs each, a full-width intro over them, and a quote with
    its speaker set below them, indented, a wider space above it than between the
    columns' paragraphs. `right_rows`: lines of the right column (4: the columns end
    together); `quote_x`: the quote's left edge (40: the left column's own)."""
    left = ["alpha beta gamma", "delta epsilon", "zeta eta theta", "iota kappa"]
    right = ["one two three", "four five six", "seven eight", "nine ten"][:right_rows]
    col_right = 40.0 + max(len(t) for t in left) * ADVANCE
    chars = words("an intro over both columns of the page in one line", 40.0, 60.0, space=ADVANCE)[0]
    for row, text in enumerate(left):
        chars += words(text, 40.0, 100.0 + row * 12.0 + (7.0 if row >= 2 else 0.0), space=ADVANCE)[0]
    for row, text in enumerate(right):
        chars += words(text, col_right + 15.0, 100.0 + row * 12.0 + (7.0 if row >= 2 else 0.0), space=ADVANCE)[0]
    chars += words("we learn", quote_x, 170.0, space=ADVANCE)[0]
    chars += words("ann ek", quote_x, 182.0, space=ADVANCE)[0]
    return chars


def test_a_quote_indented_below_balanced_columns_is_read_after_both() -> None:
    """Two columns ending together (a word processor balances them), then a quote set
    below them, indented, farther off than their paragraphs stand apart: the quote is
    read after both columns, not as the first column's end. Hard negatives: under
    columns that end apart (the first full, the next short), and on the first column's
    own left edge, the lines below go on down the first column."""
    got = lines_of(_columns_then_quote())
    assert got[-2:] == ["we learn", "ann ek"]
    assert got.index("nine ten") < got.index("we learn")
    flowing = lines_of(_columns_then_quote(right_rows=2))
    assert flowing.index("we learn") < flowing.index("one two three")
    on_edge = lines_of(_columns_then_quote(quote_x=40.0))
    assert on_edge.index("we learn") < on_edge.index("one two three")


def _lettered(first: str, second: str) -> dict[int, list[tuple[float, float, str]]]:
    """`_NUMBERED_ROWS` with its rows' two numbers printed as `first` and `second`."""
    marks = {"1.": first, "3.": second}
    return {top: [(x0, x1, marks.get(word, word)) for x0, x1, word in row] for top, row in _NUMBERED_ROWS.items()}


def test_a_roman_number_opening_an_item_after_a_narrow_gap_opens_a_column() -> None:
    """As a list number does (the test above), a roman number ("iii.") after a gap
    narrower than an em opens the right column, on a row whose own text opens with one
    ("i."): lettered items side by side. Hard negative: a letter after such a gap on a row
    of prose ("v." in "Smith v. Jones") opens nothing: the row stays one line."""
    got = lines_of(_placed(_lettered("i.", "iii."), 9.5), width=842.0, height=595.0)
    assert [line.split()[0] for line in got] == ["i.", "wooood", "iii.", "woood"]
    prose = lines_of(_placed(_lettered("Smith", "v."), 9.5), width=842.0, height=595.0)
    assert prose[0].startswith("Smith") and " v. " in prose[0]


def _cells(texts: list[str], xs: list[float], top: float) -> list[Char]:
    """One table row: each cell's text from its x, its words a plain word space apart."""
    return [ch for text, x in zip(texts, xs, strict=True) for ch in words(text, x, top)[0]]


def test_a_table_of_two_rows_splits_its_cells_about_an_em_apart() -> None:
    # A header over one row of values, no third row to show the columns; the cells are
    # about an em apart (10.5 pt), no more than a wide word space elsewhere, but every
    # cell of one row starts where a cell of the other does. They had run together
    # ("Klow Syldavia" read as one name, "City Country" as one label).
    header = ["City", "Country", "Population", "Area"]
    values = ["Klow", "Syldavia", "410,000", "96 km2"]
    xs = [40.0, 70.5, 120.0, 180.5]  # each cell 10.5 pt past the widest text of its column
    chars = _cells(header, xs, 100.0) + _cells(values, xs, 114.0)
    chars += words("Klow is a market town in the mountains where learning follows", 40.0, 140.0)[0]
    got = lines_of(chars)
    assert {"City", "Country", "Klow", "Syldavia", "Population", "410,000", "Area", "96 km2"} <= set(got)


def test_two_justified_lines_sharing_some_word_starts_are_no_table() -> None:
    # Two lines of a paragraph, each spacing its words evenly an em or more apart; two of
    # their word starts meet by chance, the others do not: no table's rows, so neither
    # line is cut there.
    first = [("Alpha", 40.0), ("beta", 75.0), ("gamma", 105.0), ("delta", 140.0), ("epsilon", 175.0)]
    second = [("zeta", 40.0), ("eta", 75.0), ("theta", 105.0), ("iota", 145.0), ("kappa", 180.0)]
    chars = [ch for text, x in first for ch in words(text, x, 100.0)[0]]
    chars += [ch for text, x in second for ch in words(text, x, 114.0)[0]]
    got = lines_of(chars)
    assert got == ["Alpha beta gamma delta epsilon", "zeta eta theta iota kappa"]


def test_a_gutter_found_in_one_row_goes_on_in_the_rows_under_it() -> None:
    """Three columns of items 11.5 pt apart, the middle one narrow and justified so that
    its word spaces (15-20 pt) are wider than its gutters. The first row shows the right
    gutter (the right column's spaces are 4 pt there); under it the right column's line
    is spread too (10 pt), and only the edges say it is the same gutter: the text after it
    starts where the rows above and below start theirs, the text before it ends where
    the row above ends. Hard negative: the middle column's own wide spaces, on no such
    edge, stay word spaces."""
    left = ["The annual show with more than", "free events in the old harbour"]
    middle = ["A fund that pays small", "plans of the families", "literacy to gardens"]
    right = ["Training for women in art codes", "jointly with firms and the", "chamber of commerce"]
    chars: list[Char] = []
    for row in range(3):
        y = 100.0 + row * 12.0
        if row < len(left):
            chars += words(left[row], 40.0, y, space=4.4)[0]
        last = row == 2
        for x, column in ((201.5, middle), (363.0, right)):
            chars += words(column[row], x, y, space=ADVANCE)[0] if last else justified(column[row], x, y, 150.0)
    assert lines_of(chars) == left + middle + right
