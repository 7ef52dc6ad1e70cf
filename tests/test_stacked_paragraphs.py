"""One-line paragraphs stacked a little apart, cut by the document's line spacing
(sources/stacked_paragraphs.py)."""

from __future__ import annotations

from booklet_extract.line import Line, SourceDocument
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.sources.stacked_paragraphs import document_spacing, split_stacked_paragraphs

SIZE = 10.0


def _line(text: str, n: int, page: int, top: float, start: bool, *, italic: bool = False) -> Line:
    return Line(text, n, start, region=page, page=page, bbox=(40.0, top, 300.0, top + SIZE), font_size=SIZE,
                italic=italic)


def _wrapped(page: int, first: int, times: int) -> list[Line]:
    """A paragraph wrapped over `times` + 1 lines set 2 pt apart: the size's line spacing."""
    texts = ["A paragraph that runs on", *["over the next line and"] * (times - 1), "ends here."]
    return [_line(t, first + k, page, 100.0 + 12.0 * k, k == 0) for k, t in enumerate(texts)]


def _items(page: int, first: int, texts: list[str], gap: float = 6.0) -> list[Line]:
    """One block of one-line paragraphs `gap` points apart, as the page's layout gave it."""
    return [_line(t, first + k, page, 100.0 + (SIZE + gap) * k, k == 0) for k, t in enumerate(texts)]


ITEMS = ["Reading clubs in every district.", "Evening classes for the workers."]


def _starts(lines: list[Line]) -> list[bool]:
    doc = split_stacked_paragraphs(SourceDocument(lines=lines, format="pdf", pages=2), DEFAULT_PROFILE)
    return [line.block_start for line in doc.lines]


def test_one_line_items_a_little_apart_are_cut_by_the_document_line_spacing() -> None:
    """A page whose text of one size is all one-line items 6 pt apart shows no spacing of
    its own; another page wraps a paragraph 2 pt apart, twice: each item is its own
    paragraph. A quote over its attribution (a style change, two blocks) shows the
    spacing too."""
    assert _starts(_wrapped(1, 1, 2) + _items(2, 4, ITEMS)) == [True, False, False, True, True]
    quote = [_line("‘We learn.’", 1, 1, 100.0, True, italic=True), _line("Ann Ek, Mayor of Alpha", 2, 1, 112.0, True),
             _line("‘We teach.’", 3, 1, 200.0, True, italic=True), _line("Bo Ek, Mayor of Beta", 4, 1, 212.0, True)]
    assert document_spacing(quote) == {10: 2.0}
    assert _starts(quote + _items(2, 5, ITEMS))[-2:] == [True, True]


def test_stacked_lines_keep_their_block_without_a_plain_sign() -> None:
    """Hard negatives: the spacing seen once is no habit; a block whose first line runs on
    is wrapped text, whatever its spacing; a gap wider than the spacing by less than a
    paragraph's space is a line's."""
    assert _starts(_wrapped(1, 1, 1) + _items(2, 3, ITEMS)) == [True, False, True, False]
    runs_on = ["Reading clubs in every district and", "evening classes for the workers."]
    assert _starts(_wrapped(1, 1, 2) + _items(2, 4, runs_on))[-1] is False
    assert _starts(_wrapped(1, 1, 2) + _items(2, 4, ITEMS, gap=4.0))[-1] is False


def test_a_wrapped_intro_over_one_line_items_shows_the_spacing_itself() -> None:
    """An intro wrapped at the line spacing, then one-line items a paragraph's space apart,
    all in one block (its lower quartile was the items' space): the block shows the
    document's spacing between its own lines, so each finished line a paragraph's space
    above the next ends a paragraph. Hard negative: a block of text wrapped wider than the
    document's spacing throughout (no narrow gap of its own) keeps its lines, even after a
    finished sentence."""
    block = [_line("Zenda is a town of learners whose plan", 4, 2, 100.0, True),
             _line("reaches every district.", 5, 2, 112.0, False),
             _line("Reading clubs in every district.", 6, 2, 128.0, False),
             _line("Evening classes for the workers.", 7, 2, 144.0, False)]
    assert _starts(_wrapped(1, 1, 2) + block)[3:] == [True, False, True, True]
    loose = [_line("Zenda is a town of learners whose plan", 4, 2, 100.0, True),
             _line("reaches every district. Its clubs", 5, 2, 116.0, False),
             _line("meet in the evenings.", 6, 2, 132.0, False),
             _line("Its classes are for workers.", 7, 2, 148.0, False)]
    assert _starts(_wrapped(1, 1, 2) + loose)[3:] == [True, False, False, False]
