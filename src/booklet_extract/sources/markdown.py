"""Markdown from an extractor (pymupdf4llm, docling, markitdown, marker) read as the text
it marks up.

Tools that turn a PDF into text for language models give Markdown: headings after `#`,
bold and italic runs between `**` and `_`, list items after `- `, tables between bars,
HTML tags (`<mark>`, `<br>`, comments). The marks are the extractor's, not the booklet's:
left in, the genre's patterns see none of its headings, stats or items. They are taken off
line by line, so every line keeps its number; an HTML line break parts a row into lines
that share it. Only text that is Markdown throughout is read so (`is_markdown`): a plain
text's asterisk footnote or dash stays as printed.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from itertools import pairwise, takewhile

import regex as re

from ..profile import BULLETS

_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?=\S)")
_ATX_CLOSING = re.compile(r"\s+#+\s*$")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?![\w*])"
                       r"|(?<![\w\\])_(?=[^\s_])([^_]+?)(?<=[^\s_\\])_(?!\w)")
_BLOCK_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
_BULLET_BEFORE_NUMBER = re.compile(r"^\s*[-*+]\s+(?=\(?\d{1,2}[.)]\s)")
"""A list's bullet before the item's own printed number ("- (2) A seed library ..."): the
extractor's mark, not the booklet's; an item nested under another is indented too."""
_BULLETED_QUOTE = re.compile(
    r"^\s*[-*+]\s+(?=(?:_[‘“'\"][^_]+?[.,;!?…][’”'\"]_|\*[‘“'\"][^*]+?[.,;!?…][’”'\"]\*)(?:\s+\*\*[^*]+\*\*)?\s*$)")
"""A quotation alone in italics, its speaker perhaps after it in bold, that an extractor
gave as a list's item ("- _'We learn.'_ **Ann Ek**"): pymupdf4llm takes an indented
quote for one. A quoted name alone ("- _'Evening Club'_") ends on no stop inside
its marks, and stays an item."""
_BULLETED_SPEAKER = re.compile(r"^\s*[-*+]\s+(?=\*\*[^*]+\*\*\s*$)")
"""A speaker alone in bold given as a list's item ("- **Ann Ek, Mayor**"): pymupdf4llm
takes the dash a booklet sets before an attribution for a bullet. Read so only under a
quotation alone in italics (`_ITALIC_ROW`): a list's entry in bold stays an entry."""
_ITALIC_ROW = re.compile(r"^\s*(?:#{1,6}\s+|[-+]\s+)?(?:_[^_\s][^_]*_|\*[^*\s][^*]*\*)\s*$")
"""A row holding one run in italics alone (a quotation), perhaps under a heading's mark or
after a list's bullet (pymupdf4llm takes an indented quotation for an item)."""
_ESCAPED_NUMBER = re.compile(r"^(\s*\d{1,3})\\([.)])")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
_COMMENT = re.compile(r"<!--.*?-->")
_LINE_BREAK = re.compile(r"<br\s*/?>|(?<=</mark>)\s+(?=[\p{Lu}\d‘“'\"])", re.IGNORECASE)
"""An HTML line break, or the end of a highlighted run with text after it: pymupdf4llm
marks a box's run (its labels' figures) and joins the paragraph set under the box to it."""
_TAG = re.compile(r"</?(?:mark|u|b|i|em|strong|sup|sub|span|s|del|ins|small|big|font)\b[^>]*>", re.IGNORECASE)
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|={3,})$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# A table's rule: two cells or more ("|---|---|", "---|---"), or one between pipes ("|---|",
# a one-column table such as a stats box's).
_TABLE_RULE = re.compile(r"^\s*(?:\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?|\|\s*:?-{3,}:?\s*\|)\s*$")

# A Markdown dump shows its marks on many lines; a plain text has none of these.
_MIN_HEADINGS = 2
_MIN_MARKED_ROWS = 3


def is_markdown(rows: list[str]) -> bool:
    """Is this text Markdown throughout: two headings after `#` or more, or a table's rule,
    or marks (bold, a table's row, an HTML tag) on three lines or more?

    >>> is_markdown(["# Award 2031", "", "## 1. Syldavia, Klow", "Population: 1,200"])
    True
    >>> is_markdown(["Population*: 1,200", "* 2016 census", "- a dash opening a line"])
    False
    """
    headings = marked = 0
    for row in rows:
        if _ATX_HEADING.match(row):
            headings += 1
        elif _TABLE_RULE.match(row):
            return True
        if _STRONG.search(row) or _TABLE_ROW.match(row) or _COMMENT.search(row) or _TAG.search(row) \
                or _LINE_BREAK.search(row):
            marked += 1
        if headings >= _MIN_HEADINGS or marked >= _MIN_MARKED_ROWS:
            return True
    return False


def plain_rows(rows: list[str]) -> list[tuple[int, str]]:
    """(line number, text) for each row with its marks taken off; a row an HTML line
    break parts gives a line for each part, all under its number. A table's row whose
    cells hold line breaks is read cell by cell (`_cells_down`), but for a stats header
    over its one row of values (`_header_over_one_row`) and rows whose cells run on into
    the row under them (`_rows_running_on`). An item's wrapped line given a bullet of its
    own loses it, and the blank rows above it (`_bullets_on_wrapped_lines`).

    >>> plain_rows(["# **1. Syldavia, Klow**", "**Population:** 1,200", "- The _Guild_ Academy"])
    [(1, '1. Syldavia, Klow'), (2, 'Population: 1,200'), (3, '• The Guild Academy')]
    >>> plain_rows(["|**Population**|**Area**|", "|---|---|", "|1,200|96 km2|"])
    [(1, 'Population | Area'), (2, ''), (3, '1,200 | 96 km2')]
    >>> plain_rows(["|**Syldavia**|", "|---|", "|Country|"])  # a one-column table's rule too
    [(1, 'Syldavia'), (2, ''), (3, 'Country')]
    >>> plain_rows(["Klow I Syldavia<br>Zenda I Ruritania<br>"])
    [(1, 'Klow I Syldavia'), (1, 'Zenda I Ruritania')]
    >>> plain_rows(["```", "City population **412 km²**", "Annual GDP", "```"])  # fenced: as printed
    [(1, ''), (2, 'City population **412 km²**'), (3, 'Annual GDP'), (4, '')]
    """
    out: list[tuple[int, str]] = []
    fenced = False
    labels_before = _labels_before_figures(rows)
    running_on = _rows_running_on(rows)
    header_and_values = _header_over_one_row(rows)
    wrapped_items = _bullets_on_wrapped_lines(rows)
    years_under = _years_under_figures(rows)
    above = ""  # the last row with text
    for number, row in enumerate(rows, 1):
        under_quote = bool(_ITALIC_ROW.match(above))
        above = row if row.strip() else above
        if _FENCE.match(row):
            fenced = not fenced
            out.append((number, ""))
            continue
        if fenced:
            out.append((number, row))
            continue
        if number in labels_before:
            label, figure = labels_before[number]
            out += [(number, label), (number, _plain(figure))]
            continue
        if under_quote:
            row = _BULLETED_SPEAKER.sub("", row)
        if number - 1 in wrapped_items:  # the item's next line: no bullet, no blank line before it
            row = _BULLET.sub("", row)
            while out and not out[-1][1].strip():
                out.pop()
        if number - 1 in years_under:
            out.append((number, years_under[number - 1]))
            continue
        if number - 1 in header_and_values:
            out += [(number, text) for text in header_and_values[number - 1]]
            continue
        if _TABLE_ROW.match(row) and _LINE_BREAK.search(row) and number - 1 not in running_on:
            out += _cells_down(number, row)
            continue
        parts = _LINE_BREAK.split(_COMMENT.sub("", row))
        if len(parts) > 1:
            parts = [part for part in parts if part.strip()] or [""]
        out.extend((number, _plain(line)) for part in parts for line in _parted(part))
    return out


def _parted(part: str) -> list[str]:
    """A row's text parted into the lines an extractor ran together in it, each parter
    (`_PARTERS`) in turn over every piece the ones before it gave."""
    pieces = [part]
    for parter in _PARTERS:
        pieces = [line for piece in pieces for line in parter(piece)]
    return pieces


def _cells(row: str) -> list[list[str]]:
    """A table row's cells, each as its lines (the pieces its line breaks part), marks off."""
    return [[_plain(piece) for piece in _LINE_BREAK.split(cell) if piece.strip()]
            for cell in _COMMENT.sub("", row).strip().strip("|").split("|")]


def _table_rows(rows: list[str]) -> list[int]:
    """The indexes of the rows that are a table's rows of cells (its rule rows left out)."""
    return [k for k, row in enumerate(rows) if _TABLE_ROW.match(row) and not _TABLE_RULE.match(row)]


def _rows_running_on(rows: list[str]) -> set[int]:
    """The table rows (by index) whose text runs on into the next row's or from the one
    above, cell under cell: a table an extractor made of text columns, a row for each
    printed line, its cells a column's lines ("... learn-" over "ing activity ..."). Read
    cell by cell, a row there would take a column's lines out of their order."""
    found: set[int] = set()
    for a, b in pairwise(_table_rows(rows)):
        if b != a + 1 and not (b == a + 2 and _TABLE_RULE.match(rows[a + 1])):
            continue
        above, below = _cells(rows[a]), _cells(rows[b])
        if any(up and down and _RUNS_ON.search(up[-1]) and down[0][:1].islower()
               for up, down in zip(above, below, strict=False)):
            found |= {a, b}
    return found


_BULLETED_TEXT = re.compile(r"^\s*[-*+]\s+(\S.*?)\s*$")
_LETTER_MARKER = re.compile(r"^\(?\p{Ll}[.)]\s")
"""An item's own printed letter ("b) The Belmir programme ..."), not a wrapped line's first word."""
_ROWS_RUN_TOGETHER = re.compile(rf"[.!?…][’”'\"]?\s+\p{{Ll}}|\S\s*[{BULLETS}]")
"""A sentence's end before a small letter, or a bullet inside a row: the row holds the
lines of columns side by side, run together ("... districts. learning scheme for ..."),
and is no item's one line."""


def _bullets_on_wrapped_lines(rows: list[str]) -> set[int]:
    """The bulleted rows (by index) that are an item's wrapped lines, each given a bullet
    of its own: pymupdf4llm makes every line of an item set with a hanging indent a list's
    item ("- ... retired volun-", "- teers learn ..."). Such a row opens on a small letter
    (no item's printed letter) under a bulleted row that runs on (`_RUNS_ON`: a hyphen, a
    small letter, a comma) and is an item's first line or a wrapped line itself. A list
    whose entries all open small ("- adult education", "- family learning") has no first
    line to run on from, and keeps its bullets; nor are rows holding two columns' lines
    run together (`_ROWS_RUN_TOGETHER`) joined."""
    found: set[int] = set()
    above = ""  # the text of the last bulleted row that opens an item or goes on from one
    for k, row in enumerate(rows):
        if not row.strip():
            continue
        bulleted = _BULLETED_TEXT.match(row)
        text = bulleted.group(1) if bulleted else ""
        small = text[:1].islower() and not _LETTER_MARKER.match(text)
        if small and _RUNS_ON.search(above) and not _ROWS_RUN_TOGETHER.search(above) \
                and not _ROWS_RUN_TOGETHER.search(text):
            found.add(k)
        above = text if text and not (small and k not in found) else ""
    return found


def _header_over_one_row(rows: list[str]) -> dict[int, list[str]]:
    """A table of a header and one row of values (a stats box) whose cells hold line breaks,
    as rows of cells apart by bars, by row index. Where each header cell holds as many lines
    as the value cell under it, each line is a cell of its own (two labels stacked in one
    cell over their two figures); where each value cell opens on a figure and goes on to
    a caption (`_figures_and_captions`: a box whose photos' captions an extractor set in
    its cells), the figures are the row and each caption a line of its own after it;
    otherwise a cell's lines are one value wrapped (a long country's name) and are joined."""
    found: dict[int, list[str]] = {}
    for k in range(len(rows) - 2):
        if not (_TABLE_ROW.match(rows[k]) and _TABLE_RULE.match(rows[k + 1]) and _TABLE_ROW.match(rows[k + 2])) \
                or k + 3 < len(rows) and _TABLE_ROW.match(rows[k + 3]) \
                or not (_LINE_BREAK.search(rows[k]) or _LINE_BREAK.search(rows[k + 2])):
            continue
        if not _bold_labels(rows[k]):
            continue  # a row of text set as a table, not a header of labels
        header, values = _cells(rows[k]), _cells(rows[k + 2])
        if len(header) == len(values) and all(len(up) == len(down) for up, down in zip(header, values, strict=True)):
            found[k], found[k + 2] = ([" | ".join(piece for cell in cells for piece in cell)] for cells in (header, values))
        elif len(header) == len(values) and (parted := _figures_and_captions(values)) is not None:
            figures, captions = parted
            found[k] = [_cells_joined(header)]
            found[k + 2] = [" | ".join(figures), *(line for caption in captions for line in ("", caption))]
        else:
            found[k], found[k + 2] = [_cells_joined(header)], [_cells_joined(values)]
    return found


def _cells_joined(cells: list[list[str]]) -> str:
    """A row's cells apart by bars, each cell's lines joined into one value."""
    return " | ".join(" ".join(cell) for cell in cells if cell)


def _figures_and_captions(values: list[list[str]]) -> tuple[list[str], list[str]] | None:
    """A stats row's cells that each open on a figure (its year or unit perhaps wrapped
    under it) and go on to a photo's caption ("412,000 (2029)<br>Students at the Lamp
    School"): the cells' figures and, in order, their captions; None unless every cell
    holds a figure and one at least a caption.

    >>> _figures_and_captions([["412,000", "Students at the Lamp School"], ["96 km2", "(2029)"]])
    (['412,000', '96 km2 (2029)'], ['Students at the Lamp School'])
    >>> _figures_and_captions([["United Federation of", "Northern Syldavia"], ["412,000"]]) is None
    True
    """
    figures: list[str] = []
    captions: list[str] = []
    for cell in values:
        taken = list(takewhile(lambda piece: bool(_FIGURE_PIECE.match(piece.strip())), cell))
        rest = cell[len(taken):]
        if not taken or not re.search(r"\d", taken[0]) or not all(_CAPTION_PIECE.match(piece.strip()) for piece in rest):
            return None
        figures.append(" ".join(taken))
        captions += rest
    return (figures, captions) if captions else None


_YEAR_CELL = re.compile(r"^\(\s*(?:1[89]|20)\d{2}\s*\)$")
"""A table cell that is a year alone in brackets: "(2020)"."""
_FIGURE_PIECE = re.compile(rf"{_YEAR_CELL.pattern}|^(?:km|sq|mi)\S*$|^\S*\d")
"""A cell's line that goes with the figure over it: a year in brackets, a unit, a figure."""
_CAPTION_PIECE = re.compile(r"^[\p{Lu}‘“'\"][\p{L}’'-]*(?:\s+\S+)+$")
"""A cell's line that is a photo's caption: words, the first a capital's, two at least."""


def _years_under_figures(rows: list[str]) -> dict[int, str]:
    """A stats table's row of years in brackets right under its row of figures, cell under
    cell ("|412,000|96 km2|" over "|(2020)|(2018)|", each figure's year a narrow cell
    wrapped as a row of its own), by row index: the figures' row with each year after its
    figure, and the years' row emptied. A row of anything else under the figures, or a year
    under a cell that holds no figure, is left as given."""
    found: dict[int, str] = {}
    for a, b in pairwise(_table_rows(rows)):
        if b != a + 1:
            continue
        figures, years = _cells(rows[a]), _cells(rows[b])
        if len(figures) != len(years) or not any(years) \
                or not all(len(year) <= 1 and all(_YEAR_CELL.match(y) for y in year) for year in years) \
                or not all(len(figure) == 1 and re.search(r"\d", figure[0]) for figure, year in zip(figures, years)
                           if year):
            continue
        found[a] = " | ".join(" ".join([*figure, *year]) for figure, year in zip(figures, years, strict=True))
        found[b] = ""
    return found


def _bold_labels(row: str) -> bool:
    """Is every line of every cell of the row a short label in bold, as a header's?"""
    pieces = [piece.strip() for cell in _COMMENT.sub("", row).strip().strip("|").split("|")
              for piece in _LINE_BREAK.split(cell) if piece.strip()]
    return bool(pieces) and all(_BOLD_RUN.fullmatch(piece) and len(piece.split()) <= _LABEL_WORDS for piece in pieces)


_RUNS_ON = re.compile(r"(?:[-\p{Ll},;])\s*$")
"""A cell's last line that a column's next line goes on from: a hyphen, a small letter, a comma."""


def _cells_down(number: int, row: str) -> list[tuple[int, str]]:
    """A table's row whose cells hold line breaks, read cell by cell, each cell's lines in
    turn: the lines of a cell (an item's wrapped lines, a label over another) belong together."""
    out: list[tuple[int, str]] = []
    for pieces in _cells(row):
        if not pieces:
            continue
        if out:
            out.append((number, ""))
        out += [(number, piece) for piece in pieces if piece]
    return out


_LABEL_BEFORE_FIGURE = re.compile(r"^\s*(\p{Lu}[^*\d.!?,;:|#]{0,40}?)\s+(\*\*[^*]*\d[^*]*\*\*)\s*$")
_LABEL_ALONE = re.compile(r"^\s*\p{Lu}[^*\d.!?,;:|#]{0,40}$")
_LABEL_WORDS = 4  # words of a box's label at most


def _labels_before_figures(rows: list[str]) -> dict[int, tuple[str, str]]:
    """Rows (by line number) that are a plain label and a bold figure ending it ("City
    population **412 km²**"), each parted into label and figure. A box that sets each
    figure over its label, its lines joined two by two by the extractor, gives one
    figure's label before the next figure; the row below is then another such row or the
    last label alone ("Annual GDP"). Prose that ends on a bold figure has no such row
    below it."""
    found: dict[int, tuple[str, str]] = {}
    filled = [(number, row) for number, row in enumerate(rows, 1) if row.strip()]
    for (number, row), (_, below) in pairwise(filled):
        match = _LABEL_BEFORE_FIGURE.match(row)
        if match and len(match.group(1).split()) <= _LABEL_WORDS \
                and (_LABEL_BEFORE_FIGURE.match(below) or (_LABEL_ALONE.match(below) and len(below.split()) <= _LABEL_WORDS)):
            found[number] = (match.group(1), match.group(2))
    return found


_STAT_FIGURE = re.compile(r"(?:US\$\s?\d[\d,.]*|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?\s?km[²2])(?:\s\(\d{4}\))?")
"""A box's figure as prose seldom prints one: grouped thousands, an area in km², a sum in
US$, perhaps its year after it ("7,857,986 (2018)", "370.3 km² (2017)", "US$58,144")."""
_AFTER_SENTENCE = re.compile(r"(?<=[.!?…][’”'\"]?[_*]{0,2})\s+(?=\*\*\S)")
"""A sentence's end (perhaps a quotation's, in italics: "... path.’_"), then a bold run."""
_INNER_SENTENCE_END = re.compile(r"[.!?…][’”'\"]?(?:\s+\p{Lu}|\s*$)")
_NAME_WORDS = 14  # words of a name and its role in one bold run at most ("Ann Ek, Deputy Mayor for ...")


def _box_or_name_after_prose(row: str) -> list[str]:
    """A row of prose that ends a sentence and runs on into a stats box opening on a bold
    label ("... across the city. **City** **<u>population</u> Annual GDP** 3,391,830
    US$29,768"), or into one bold run that ends the row (a signature or a speaker: "...
    everyday life. **Ann Ek, Director**"), parted into the prose and the rest: an extractor
    joined the text of columns to the box set under them, a paragraph to the name under
    it. The box must give two of a box's figures at least (`_STAT_FIGURE`: a figure and its
    year are one), and neither ends a sentence (prose with a bold name and figures after it
    goes on as prose: "... in 2016. **Klow** grew from 1,200 to 1,500 learners.").

    >>> _box_or_name_after_prose("Evening classes. **City population** 1,200 (2016) **Annual GDP** US$9,300")
    ['Evening classes.', '**City population** 1,200 (2016) **Annual GDP** US$9,300']
    >>> _box_or_name_after_prose("We thank the cities. **Ann Ek, Director of the Institute** ")
    ['We thank the cities.', '**Ann Ek, Director of the Institute** ']
    >>> _box_or_name_after_prose("It grew. **Klow** had 1,200 learners in 2016. Now it has more.")
    ['It grew. **Klow** had 1,200 learners in 2016. Now it has more.']
    >>> _box_or_name_after_prose("Join us. **Learn every day.**")  # a bold sentence: prose's own
    ['Join us. **Learn every day.**']
    >>> row = "_we learn.’_ **Area Ann Ek, Mayor of** 96 km2 (2028) **Klow GDP**"  # one figure: no box
    >>> _box_or_name_after_prose(row) == [row]
    True
    """
    for seam in _AFTER_SENTENCE.finditer(row):
        head, rest = row[:seam.start()], row[seam.end():]
        if not head.strip() or _INNER_SENTENCE_END.search(_plain(rest)):
            continue
        alone = _BOLD_RUN.fullmatch(rest.strip()) if not head.endswith(("_", "*")) else None
        if len(_STAT_FIGURE.findall(rest)) >= 2 or alone is not None and len(rest.split()) <= _NAME_WORDS:
            return [head, rest]  # (a name after a quotation in italics is the speaker's line beside it: `_runs_apart`'s)
    return [row]


_LEAD_IN_THEN_ITEM = re.compile(rf"(?<=\p{{Ll}}:)\s+(?=(?:\(?\d{{1,2}}[.)]|\(?\p{{Ll}}[.)]|0\d|\d{{1,2}} [–—]|[{BULLETS}])\s*\p{{Lu}})")
"""A sentence that leads in to a list, then the list's first item on the same row ("...
Highlights include: 1) The Lamp School ..."): its number, letter or bullet, a capital."""


def _items_after_lead_in(row: str) -> list[str]:
    """A row of prose that leads in to a list and runs on into its items ("... Key
    initiatives are: (1) The Lamp School ..."), parted after the colon: an extractor
    joined the intro's last line and the items under it. A bare capital after a colon
    ("... as its motto says: Learn") opens no item; nor does the pronoun "I".

    >>> _items_after_lead_in("Klow weaves. Its initiatives include: 01 The Lamp School. 02 Open Sundays.")
    ['Klow weaves. Its initiatives include:', '01 The Lamp School. 02 Open Sundays.']
    >>> _items_after_lead_in("Its motto says: Learn. Its mayor says: I Learn.")
    ['Its motto says: Learn. Its mayor says: I Learn.']
    """
    if _TABLE_ROW.match(row) or _ATX_HEADING.match(row):
        return [row]
    seam = _LEAD_IN_THEN_ITEM.search(row)
    return [row[:seam.start()], row[seam.end():]] if seam else [row]


_SMALL_WORD_FIRST = re.compile(r"\p{Ll}\p{L}")


def _box_amid_prose(row: str) -> list[str]:
    """A row where a box's bold labels and their figures alternate with prose ("... on
    community ed- **City population** ucation. Its initiatives include: 7,857,986 (2018)
    **City/urban area** 370.3 km² (2017) • The Lamp School ..."), parted into the prose's
    pieces, the box's lines (each label, then its figure) and the rest after the last
    figure: an extractor ran a box set in a sidebar beside the text's last lines together
    with them row by row. Each label (a bold run of a few words, no digit, no sentence's
    end) has a figure after it before the next (`_STAT_FIGURE`), the prose between them
    gives no digit, and two labels at least: prose with one bold name and a figure stays.

    >>> _box_amid_prose("Klow weaves. Its ed- **Population** ucation is free: 7,857,986 (2018) **Area** 37.3 km² • Fairs.")
    ['Klow weaves. Its ed-', 'ucation is free:', '', '**Population**', '7,857,986 (2018)', '**Area**', '37.3 km²', '', '• Fairs.']
    >>> _box_amid_prose("The **Guild Academy** has trained 1,200 weavers since 2016.")  # one bold name
    ['The **Guild Academy** has trained 1,200 weavers since 2016.']
    >>> _box_amid_prose("**Lamp School** trained 1,200 weavers; **Open Sundays** drew 3,400 visitors.")  # prose
    ['**Lamp School** trained 1,200 weavers; **Open Sundays** drew 3,400 visitors.']
    """
    if _TABLE_ROW.match(row) or _ATX_HEADING.match(row):
        return [row]
    labels = [run for run in _BOLD_RUN.finditer(row) if not any(ch.isdigit() for ch in run.group())
              and len(run.group().split()) <= _LABEL_WORDS and not _SENTENCE_END.search(run.group()[2:-2] + " ")]
    if len(labels) < 2:
        return [row]
    prose = [row[: labels[0].start()].strip()]
    box: list[str] = []
    for label, end in zip(labels, [*(run.start() for run in labels[1:]), len(row)], strict=True):
        figure = _STAT_FIGURE.search(row, label.end(), end)
        if figure is None or any(ch.isdigit() for ch in row[label.end():figure.start()]):
            return [row]
        if row[figure.end():end].strip() and end < len(row):
            return [row]  # words after a figure before the next label: prose's ("... 1,200 weavers; **Open** ...")
        prose.append(row[label.end():figure.start()].strip())
        box += [label.group(), figure.group()]
    rest = row[figure.end():].strip()
    if _SMALL_WORD_FIRST.match(rest):
        return [row]  # prose goes on after the last figure (an item's letter, "c) ...", may open the rest)
    prose = [piece for piece in prose if piece]
    if not prose and not rest:
        return [row]  # labels and figures alone: `_labels_apart` parts them
    return [*prose, *([""] if prose else []), *box, *(["", rest] if rest else [])]


_BOLD_RUN = re.compile(r"\*\*(?=\S)[^*]{1,60}?\*\*|__(?=\S)[^_]{1,60}?__")
_ENTRY_WORDS = 6  # words of an entry's plain part at most: a box's, not prose's


def _entries_apart(row: str) -> list[str]:
    """A row of entries, each a bold label and its value ("**Country:** Syldavia") or a
    bold figure and its label ("**1,200 (2016)** City population"), parted into a line
    each: a box an extractor joined into one row, where the bold runs show where each of
    its lines began. Prose with words in bold is no such row: it opens on plain text, its
    bold runs are neither labels nor figures, or their plain parts are long.

    >>> _entries_apart("**Country:** Syldavia **Population:** 1,200 (2016)")
    ['**Country:** Syldavia', '**Population:** 1,200 (2016)']
    >>> _entries_apart("**1,200 (2016)** City population **45 km2** City/urban area")
    ['**1,200 (2016)** City population', '**45 km2** City/urban area']
    >>> _entries_apart("**Note:** the figures are for 2016.")  # one entry
    ['**Note:** the figures are for 2016.']
    >>> _entries_apart("**Klow** is a town where **learning** matters to all")  # prose
    ['**Klow** is a town where **learning** matters to all']
    """
    runs = [run for run in _BOLD_RUN.finditer(row)
            if run.group()[2:-2].rstrip().endswith(":") or any(ch.isdigit() for ch in run.group())]
    if len(runs) < 2 or row[:runs[0].start()].strip():
        return _labels_apart(row)
    if any(len(value.split()) > _ENTRY_WORDS for value in _values_after(row, runs)):
        return [row]
    starts = [run.start() for run in runs]
    return [row[a:b].strip() for a, b in pairwise([*starts, len(row)])]


def _values_after(row: str, runs: list[re.Match[str]]) -> list[str]:
    """The plain text after each bold run of `runs`, up to the next one or the row's end."""
    ends = [*(run.start() for run in runs[1:]), len(row)]
    return [row[run.end():end].strip() for run, end in zip(runs, ends, strict=True)]


def _labels_apart(row: str) -> list[str]:
    """A box's row of bold labels with no colon, each before its plain value ("**Country**
    Syldavia **City population** 1,200 **Area** 45 km2"), parted into its lines: each
    label over its value, as the box set them (with no colon, only the bold showed where
    a label ended). Two entries or more must give a figure (a digit), and every plain part
    be short. Plain text before the first label (the value of a label the row above ended
    on) is a line of its own. The same row read the other way, bold figures or names each
    before its plain label, is parted likewise (`_figures_over_labels`), a heading's mark
    left out.

    >>> _labels_apart("Syldavia **City population** 1,200 (2016) **Annual GDP** US$ 9,300")
    ['Syldavia', '**City population**', '1,200 (2016)', '**Annual GDP**', 'US$ 9,300']
    >>> _labels_apart("**Klow** opened its **guild hall** to every learner")  # prose
    ['**Klow** opened its **guild hall** to every learner']
    >>> _labels_apart("#### **Klow** City **Syldavia**")  # the last label on the next row
    ['**Klow**', 'City', '**Syldavia**']
    >>> _labels_apart("**1.** Syldavia **Klow**")  # a heading's number: no box
    ['**1.** Syldavia **Klow**']
    """
    printed, row = row, _ATX_HEADING.sub("", row, count=1)  # a heading's mark says nothing of its runs
    runs = list(_BOLD_RUN.finditer(row))
    if len(runs) == 1:
        return _header_over_values(printed, row, runs[0])
    if len(runs) < 2:
        return [printed]
    head = row[: runs[0].start()].strip()
    values = _values_after(row, runs)
    over_labels = _figures_over_labels(runs, values)
    if any(len(value.split()) > _ENTRY_WORDS for value in [*values, head]) \
            or not all(values[:-1]) or not values[-1] and not over_labels:
        return [printed]
    if sum(any(ch.isdigit() for ch in value) for value in values) < 2 and not over_labels:
        return [printed]
    values[-1:] = [value for value in values[-1:] if value]  # a last name whose label the next row holds
    return [*([head] if head else []), *(part for k, run in enumerate(runs)
                                         for part in (run.group(), *values[k:k + 1]))]


def _header_over_values(printed: str, row: str, run: re.Match[str]) -> list[str]:
    """A table's row of bold labels and its row of plain values joined into one ("**City
    Country Population** Klow Syldavia 1,200 (2016)"), parted into the two rows: the bold
    run opens the row and holds two words at least, and the plain rest opens on a capital,
    gives a figure and ends no sentence (prose after a bold name goes on in small letters
    or ends on a full stop: "**Klow** has 1,200 learners.").

    >>> row = "**City Country Population** Klow Syldavia 1,200"
    >>> _header_over_values(row, row, next(_BOLD_RUN.finditer(row)))
    ['**City Country Population**', 'Klow Syldavia 1,200']
    """
    rest = row[run.end():].strip()
    if run.start() or len(run.group().split()) < 2 or not rest[:1].isupper() or not any(ch.isdigit() for ch in rest) \
            or _SENTENCE_END.search(rest) or len(rest.split()) > _VALUES_WORDS:
        return [printed]
    return [run.group(), rest]


_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)|,\s")
"""Where prose shows itself: a sentence's end, a colon or semicolon, or a comma before a word
(a figure's comma has a digit after it)."""
_VALUES_WORDS = 16  # words of a table's row of values at most


def _figures_over_labels(runs: list[re.Match[str]], values: list[str]) -> bool:
    """Whether bold runs are a box's figures or names, each before its plain label
    ("**Syldavia** Country **1,200 (2016)** City population", "**Klow** City **Syldavia**
    Country"): each plain part opens on a capital, as a label does (prose with bold words
    goes on in small letters: "**Klow** has **1,200** learners"), and two runs at least
    give a figure, or every plain part is a label of a word or two (a box that names the
    place before its figures; its last name's label may be on the next row, "**Klow** City
    **Syldavia**" over "Country")."""
    if not all(value[:1].isupper() for value in values[:-1]) or values[-1] and not values[-1][0].isupper() \
            or any(_NUMBER_RUN.match(run.group()) for run in runs):
        return False  # prose, or a heading's number in bold ("**1.** Syldavia **Klow**")
    return sum(any(ch.isdigit() for ch in run.group()) for run in runs) >= 2 and all(values) \
        or all(len(value.split()) <= _PLACE_LABEL_WORDS for value in values)


_NUMBER_RUN = re.compile(r"^(?:\*\*|__)\s*\(?\d{1,2}[.)]\s*(?:\*\*|__)$")
"""A heading's or item's number alone in bold ("**1.**", "**(2)**"): no box's figure."""
_PLACE_LABEL_WORDS = 2  # words of a label under a name ("City", "Country", "City population")


_RUN = re.compile(r"\*\*(?=\S).+?(?<=\S)\*\*|__(?=\S).+?(?<=\S)__|(?<![\w*])\*(?=[^\s*]).+?(?<=[^\s*])\*(?![\w*])"
                  r"|(?<!\w)_(?=[^\s_]).+?(?<=[^\s_])_(?!\w)")


def _runs_apart(row: str) -> list[str]:
    """A row made only of marked runs, italic beside bold, parted into the italic runs and
    the bold ones, in the order the first of each comes: an extractor that joins a block's
    lines gives a quote in italics and its speaker in bold as one row ("_'We learn.'_ **Ann
    Ek, Mayor of Alpha**"), and a speaker set in a margin beside the quote line by line
    ("**Ann Ek,** _'We learn_ **Mayor of Alpha** _and teach.'_"); the marks are all that
    show the two texts the page printed.

    >>> _runs_apart("_'We learn.'_ **Ann Ek, Mayor of Alpha**")
    ["_'We learn.'_", '**Ann Ek, Mayor of Alpha**']
    >>> _runs_apart("**Ann Ek,** _'We learn_ **Mayor of Alpha** _and teach.'_")
    ['**Ann Ek,** **Mayor of Alpha**', "_'We learn_ _and teach.'_"]
    >>> _runs_apart("## _'We learn,'_ **Ann Ek, Mayor**")  # a heading's mark left out
    ["_'We learn,'_", '**Ann Ek, Mayor**']
    >>> _runs_apart("**_network._** **Ann Ek**")  # bold throughout: one line
    ['**_network._** **Ann Ek**']
    """
    printed, row = row, _ATX_HEADING.sub("", row, count=1)  # a heading's mark says nothing of its runs
    runs = list(_RUN.finditer(row))
    if len(runs) < 2 or "".join(row[a.end():b.start()] for a, b in pairwise(runs)).strip() \
            or row[:runs[0].start()].strip() or row[runs[-1].end():].strip():
        return [printed]
    bold = [run.group().startswith(("**", "__")) for run in runs]
    if all(bold) or not any(bold):
        return [printed]
    first = [run.group() for run, is_bold in zip(runs, bold, strict=True) if is_bold == bold[0]]
    other = [run.group() for run, is_bold in zip(runs, bold, strict=True) if is_bold != bold[0]]
    return [" ".join(first), " ".join(other)]


_OPENING_MARK = re.compile(r"^[‘“'\"]")
_CLOSING_MARK = re.compile(r"[’”'\"][.,;]?$")
_MIDDLE_RUNS = 3  # italic runs of a quote's middle rows at least, with no quotation mark to show it


def _columns_apart(row: str) -> list[str]:
    """A row where runs in italics alternate with other text, parted into the italic
    runs and the rest, a line each: an extractor that runs a page's columns together row
    by row gives a quote set in italics beside the body ("_'In Klow we_ **2. Syldavia,
    Klow** _learn together.'_ Klow is a town ..."), each run a line of its column. The
    italic runs must read as a quotation's lines: the first opens it or the last closes
    it, and none is a quotation whole (prose naming two titles in italics), or three and
    more run on with no mark (the quote's middle rows); a row of marked runs alone is
    `_runs_apart`'s. The other column comes first, unless the row opens on an italic run
    that goes on from the rows above; a blank line parts the columns.

    >>> _columns_apart("_'In Klow we_ **2. Syldavia, Klow** _learn together.'_ Klow is a town.")
    ['**2. Syldavia, Klow**', 'Klow is a town.', '', "_'In Klow we_", "_learn together.'_"]
    >>> _columns_apart("_all learn,_ Population: 1,200 _young and old.’_ Area: 96 km2")
    ['_all learn,_', '_young and old.’_', '', 'Population: 1,200', 'Area: 96 km2']
    >>> _columns_apart("The _'Lamp'_ and the _'Loom'_ schools teach.")  # titles: prose
    ["The _'Lamp'_ and the _'Loom'_ schools teach."]
    >>> _columns_apart("|_'In Klow we_|_learn together.'_|")  # a table's cells
    ["|_'In Klow we_|_learn together.'_|"]
    >>> _columns_apart("**Ann Ek,** _'We learn_ **Mayor** _and teach.'_")  # runs alone
    ["**Ann Ek,** _'We learn_ **Mayor** _and teach.'_"]
    """
    if _TABLE_ROW.match(row):
        return [row]  # cells apart by bars are no columns run together
    body = _BLOCK_QUOTE.sub("", _ATX_HEADING.sub("", row, count=1))
    runs = list(_RUN.finditer(body))
    italic = [run for run in runs if not run.group().startswith(("**", "__"))]
    if len(italic) < 2 or not any(body[a.end():b.start()].strip() for a, b in pairwise(italic)):
        return [row]
    cuts = sorted({0, len(body), *(edge for run in runs for edge in (run.start(), run.end()))})
    pieces = [(a, body[a:b].strip()) for a, b in pairwise(cuts) if body[a:b].strip()]
    run_starts = {run.start() for run in runs}
    if all(at in run_starts for at, _ in pieces):
        return [row]  # marked runs alone: `_runs_apart` parts them
    texts = [run.group()[1:-1].strip() for run in italic]
    if any(_OPENING_MARK.match(text) and _CLOSING_MARK.search(text) for text in texts):
        return [row]
    marked = bool(_OPENING_MARK.match(texts[0]) or _CLOSING_MARK.search(texts[-1]))
    if not marked and not (len(texts) >= _MIDDLE_RUNS and all(len(text.split()) > 1 for text in texts[:-1])):
        return [row]
    starts = {run.start() for run in italic}
    quoted = [text for at, text in pieces if at in starts]
    other = [text for at, text in pieces if at not in starts]
    continued = pieces[0][0] in starts and not _OPENING_MARK.match(texts[0])
    first, second = (quoted, other) if continued else (other, quoted)
    return [*first, "", *second]


def _entries_of_a_box(row: str) -> list[str]:
    """`_entries_apart` on a row, a list's bullet before a quotation alone taken off first."""
    return _entries_apart(_BULLETED_QUOTE.sub("", row))


_PARTERS: tuple[Callable[[str], list[str]], ...] = (
    _box_or_name_after_prose, _box_amid_prose, _items_after_lead_in, _entries_of_a_box, _columns_apart, _runs_apart)
"""What parts a row's text, in order: prose from a box or a name after it, a sidebar box from
the prose it runs through, a lead-in from its first item, a box's entries, columns run
together, marked runs."""


def _plain(row: str) -> str:
    """One row's text with its Markdown and HTML marks taken off."""
    if _RULE.match(row) or _TABLE_RULE.match(row):
        return ""
    if _TABLE_ROW.match(row):
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        row = " | ".join(cell for cell in cells if cell)
    row = _ATX_CLOSING.sub("", _ATX_HEADING.sub("", row)) if _ATX_HEADING.match(row) else row
    row = _BLOCK_QUOTE.sub("", row)
    row = _BULLET.sub(r"\1• ", _BULLET_BEFORE_NUMBER.sub("", row))
    row = _ESCAPED_NUMBER.sub(r"\1\2", row)
    row = _IMAGE.sub("", row)
    row = _LINK.sub(r"\1", row)
    row = _TAG.sub("", row)
    for _ in range(3):  # nested runs: "**_network._**"
        unmarked = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), _STRONG.sub(lambda m: m.group(1) or m.group(2), row))
        if unmarked == row:
            break
        row = unmarked
    row = _ESCAPE.sub(r"\1", row)
    return html.unescape(row).rstrip(" \t")  # a form feed at the end is a page break
