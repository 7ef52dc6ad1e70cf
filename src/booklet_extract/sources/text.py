"""Raw text -> `Line`s: UTF-8 (with or without BOM) or UTF-16 with BOM, any newline
convention, form feeds as page breaks.

Layout cues that survive in a text dump are kept on the lines: a blank line or a
line opening with whitespace starts a block, and a line opening with whitespace
or a form feed starts a new region (see `Line`). Text laid out as printed (an
extractor's layout mode, columns side by side with spaces) is first read column by
column (`text_columns.read_columns_apart`); Markdown an extractor made for language
models has its marks taken off first (`markdown`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import regex as re

from ..errors import NotABooklet
from ..line import Line, SourceDocument
from ..markers import comes_later, counts_on
from ..profile import DEFAULT_PROFILE, Profile
from ..textnorm import dingbat_bullets, name_bullet, name_dingbat_bullet, normalize_glyphs
from .box_order import restore_first_words, restore_item_rows, restore_number_columns
from .column_order import restore_column_lists
from .joined_rows import part_joined_rows
from .line_shapes import ENDS_SENTENCE, GUTTER_GAP, hanging_indent, indent_of
from .markdown import is_markdown, plain_rows
from .paragraphs import infer_paragraph_starts
from .place_columns import place_columns_apart
from .text_columns import is_laid_out, read_columns_apart

_BINARY_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"}


def decode_text(data: bytes, path: str | None = None) -> str:
    """Decode bytes as text or raise `NotABooklet` with a one-line reason.

    >>> decode_text("\\ufeffa\\r\\nb".encode("utf-8"))
    'a\\nb'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotABooklet("not a PDF and not valid UTF-16 text", path) from None
    else:
        head = data[:8192]
        # A few NULs are glyphs a PDF's font could not map, in some extractors' text.
        if head.count(b"\x00") > len(head) // 200:
            raise NotABooklet("not a PDF and not text (binary data)", path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NotABooklet(
                f"not a PDF and not UTF-8 text (invalid byte at offset {exc.start})", path
            ) from None
    text = text.lstrip("\ufeff")
    sample = text[:8192]
    if sample and sum(ord(ch) in _BINARY_CONTROL for ch in sample) > len(sample) // 100:
        raise NotABooklet("not a PDF and not text (control characters)", path)
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac files) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lines_from_text(text: str, *, profile: Profile = DEFAULT_PROFILE) -> SourceDocument:
    """Split decoded text into `Line`s, skipping blank lines but keeping their numbers.

    Items the extractor gave out of order are put back (`box_order`), and paragraph
    ends it ran on are marked, by the genre's patterns in `profile`.

    >>> doc = lines_from_text("a\\n\\n b\\fc")
    >>> [(l.text, l.number, l.block_start, l.region, l.page) for l in doc.lines]
    [('a', 1, True, 0, 1), (' b', 3, True, 1, 1), ('c', 3, True, 2, 2)]

    pdfium marks a word broken at a line end with U+FFFE and runs the two lines
    together; the break is restored, so the hyphen reads as printed:

    >>> [l.text for l in lines_from_text("an invest\\ufffement here").lines]
    ['an invest-', 'ment here']
    """
    lines: list[Line] = []
    has_pages = "\f" in text
    page = 1
    region = 0
    new_block = True
    blanks = 0  # runs of blank lines between two lines of text
    after_blank = False
    hang: int | None = None  # where the text of the item opened above starts (its hanging indent), or its indent
    marked = False  # the indent is an item's hanging indent
    above = ""  # the last line of text, none after a blank line
    extracted = _box_names_apart(_extracted_rows(text.split("\n")), profile)
    laid_out = is_laid_out(extracted)
    if not laid_out:  # text laid out as printed keeps a table's cells in their columns
        extracted = place_columns_apart(extracted, profile)
    items_across = _ItemsAcross(profile)
    read = read_columns_apart(extracted, profile, laid_out)
    if laid_out:  # its columns read apart, a table's cells stand a line each
        read = place_columns_apart(read, profile)
    for number, raw_line in read:
        # A form feed may sit anywhere in a line (pdftotext puts it at the start).
        parts = raw_line.split("\f")
        for i, part in enumerate(parts):
            if i > 0:
                page += 1
                region += 1
                new_block = True
            for clean in items_across.part(_printed_lines(part)):
                if not clean.strip():
                    after_blank = True
                    new_block = True
                    hang, above = None, ""
                    continue
                blanks += after_blank and bool(lines)
                after_blank = False
                lead = indent_of(clean)
                if lead and lead == hang and (marked or len(above) >= _FULL_LINE * len(clean.strip())):
                    clean = clean.lstrip(" ")  # an item's hanging indent, or a paragraph's indent: it goes on
                elif lead >= _GAP_INDENT and above and not laid_out and not ENDS_SENTENCE.search(above):
                    # A justified line's stretched gap pdfminer left opening the line it broke off
                    # ("Neighbourhood" / "  Libraries, ..."): the line goes on from the one above.
                    clean = clean.lstrip(" ")
                else:
                    marked = (item := hanging_indent(clean, profile)) is not None
                    hang = item if marked else lead or None
                above = clean.strip()
                indented = clean[0] == " "
                if indented and lines:
                    region += 1
                lines.append(
                    Line(
                        text=clean,
                        number=number,
                        block_start=new_block or indented,
                        region=region,
                        page=page if has_pages else None,
                    )
                )
                new_block = False
    # Blank lines between most paragraphs: the extractor marked them, so only the
    # clearest unmarked ends are added. Otherwise the lines are all there is to go by.
    marked = blanks >= _MARKED_SHARE * max(1, len(lines))
    if letters := dingbat_bullets([line.text for line in lines]):
        lines = [replace(line, text=name_dingbat_bullet(line.text, letters)) for line in lines]
    lines, joined = part_joined_rows(lines, profile=profile)
    lines, repairs = restore_number_columns(lines, profile=profile)
    repairs = joined + repairs
    if marked:  # blank lines between boxes: a row of items may come box by box
        lines, columns = restore_column_lists(lines, profile=profile)
        lines, rows = restore_item_rows(lines, profile=profile)
        lines, words = restore_first_words(lines, profile=profile)
        repairs += columns + rows + words
    return SourceDocument(lines=infer_paragraph_starts(lines, cautious=marked, profile=profile), format="text",
                          pages=page if has_pages else None, repairs=repairs)


# Spaces opening a line that are a justified line's stretched gap, not a block's indent (one
# space), in text not laid out as printed.
_GAP_INDENT = 2
# An indented line under a line indented alike goes on with it when that line is at least this
# share of it: a paragraph's lines are full; a caption over an indented paragraph is short.
_FULL_LINE = 0.75


def _extracted_rows(rows: list[str]) -> list[tuple[int, str]]:
    """(line number, line) for each line the extractor gave: Markdown's marks taken off
    (`markdown.plain_rows`), a line PyMuPDF broke up word by word joined again."""
    if not is_markdown(rows):
        return _spread_words_joined(rows)
    numbered = plain_rows(rows)
    return [(numbered[k - 1][0], row) for k, row in _spread_words_joined([row for _, row in numbered])]


_BOX_NAME_WORDS = 10  # words of a place's name in a box at most ("Country: United Kingdom of ... and Northern Ireland")


def _box_names_apart(rows: list[tuple[int, str]], profile: Profile) -> list[tuple[int, str]]:
    """Each row that opens a stats box by naming the city or its country ("City:
    Strelsau") and runs the box's other entries on after it ("Country: Ruritania City
    population: 1,200,000 ..."), as an extractor that joins a block's lines gives it,
    parted into a line for each entry, all under the row's number: each label opens
    one. A row that names no place first is left as it is (a stats row is read entry by
    entry as it stands).

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> _box_names_apart([(4, "City: Szohod Nova Country: Borduria City population: 88,500")], p)
    [(4, 'City: Szohod Nova'), (4, 'Country: Borduria'), (4, 'City population: 88,500')]
    >>> _box_names_apart([(4, "Country: Borduria, where Szohod lies (City population: 88,500)")], p)
    [(4, 'Country: Borduria, where Szohod lies (City population: 88,500)')]
    """
    out: list[tuple[int, str]] = []
    for number, row in rows:
        text = row.strip()
        if not profile.box_name_label.match(text):
            out.append((number, row))
            continue
        starts = sorted({m.start() for m in profile.box_name_label.finditer(text)}
                        | {m.start() for m in profile.stat_label_any.finditer(text)
                           if m.start() == 0 or not text[m.start() - 1].isalnum()})
        parts = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
        name = profile.box_name_label.sub("", parts[0], count=1).strip()
        if len(parts) < 2 or not name or len(name.split()) > _BOX_NAME_WORDS or any(mark in name for mark in ",.;"):
            out.append((number, row))  # one entry, or prose that opens on a label ("Country: Ruritania, where ...")
            continue
        out += [(number, part) for part in parts]
    return out


def _spread_words_joined(rows: list[str]) -> list[tuple[int, str]]:
    """(line number, line) for each extracted line, a line broken up word by word joined
    again: PyMuPDF gives a widely justified line's words one per line, each two apart
    by a line of spaces only ("dialogue," / " " / "youth" / " " / "innovation").

    >>> _spread_words_joined(["to promote", "dialogue,", " ", "youth", " ", "and", "the rest"])
    [(1, 'to promote'), (2, 'dialogue, youth and'), (7, 'the rest')]
    >>> _spread_words_joined(["Reading club", " ", "Book fair"])  # not single words: a blank line
    [(1, 'Reading club'), (2, ' '), (3, 'Book fair')]
    """
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(rows):
        words = [rows[k]]
        while (_one_word(words[-1]) and k + 2 < len(rows) and _spaces_only(rows[k + 1])
               and _one_word(rows[k + 2])):
            words.append(rows[k + 2])
            k += 2
        out.append((k + 3 - 2 * len(words), " ".join(w.strip() for w in words) if len(words) > 1 else words[0]))
        k += 1
    return out


def _one_word(row: str) -> bool:
    stripped = row.strip()
    return bool(stripped) and "\f" not in row and len(stripped.split()) == 1


def _spaces_only(row: str) -> bool:
    return bool(row) and not row.strip(" \t")


# Runs of blank lines per text line from which blank lines count as paragraph marks.
_MARKED_SHARE = 0.1

# How extractors mark a hyphen at a line end that the typesetter added: pdfium's
# U+FFFE (with the next line run on), a soft hyphen, or a Unicode hyphen.
_BREAK_MARK = "\ufffe"
_LINE_END_HYPHENS = ("\u00ad", "\u2010", "\u2011", "\ufffe")


class _ItemsAcross:
    """The printed lines with items read across parted (`_items_read_across`), line after
    line of the text: a line going on an item that opened with a bullet is parted where
    that bullet follows a finished sentence, one going on a numbered item where the next
    number does. The item a line opening with a marker (a bullet, an en dash and a space,
    a number) opens goes on until a line ends a sentence or a blank line comes."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.bullet = ""  # the bullet of the item the next line may go on
        self.number = ""  # the number of the item the next line may go on

    def part(self, printed: Iterable[str]) -> Iterator[str]:
        for line in printed:
            pieces = _items_read_across(line, self.profile, self.bullet, self.number)
            yield from pieces
            last = pieces[-1].strip()
            if not last or ENDS_SENTENCE.search(last):
                self.bullet = self.number = ""
            elif bullet := _opening_bullet(last, self.profile):
                self.bullet, self.number = bullet, ""
            elif number := _opening_number(last, self.profile):
                self.bullet, self.number = "", number


def _items_read_across(text: str, profile: Profile, within: str = "", number: str = "") -> list[str]:
    """Items set side by side that the extractor read across as one line: a line
    opening with a bullet (or an en dash and a space) holds another item where the same
    marker follows a finished sentence ("• Reading clubs. • Courses for ..."), one
    opening with a number where the next number does ("i. Reading clubs. ii. Courses
    ..."); each item is a line of its own. A bullet between words that end no sentence
    ("Reading • Writing") stays, and so does a number that does not count on ("1. Courses
    for ages 5 to 7. 3. ...").

    >>> p = DEFAULT_PROFILE
    >>> _items_read_across("• Reading clubs for all. • Courses for adults in", p)
    ['• Reading clubs for all.', '• Courses for adults in']
    >>> _items_read_across("• Reading • Writing • Arithmetic", p)
    ['• Reading • Writing • Arithmetic']
    >>> _items_read_across("– Reading clubs for all. – Courses for adults in", p)
    ['– Reading clubs for all.', '– Courses for adults in']
    >>> _items_read_across("– Reading clubs – for all – in every town.", p)
    ['– Reading clubs – for all – in every town.']
    >>> _items_read_across("i. Reading clubs for all. ii. Courses for adults in", p)
    ['i. Reading clubs for all.', 'ii. Courses for adults in']

    A line going on an item that opened with a bullet (`within`) is parted the same way,
    and one going on a numbered item (`number`) where the next number follows a finished
    sentence:

    >>> _items_read_across("of the town. • Courses for adults in", p, "•")
    ['of the town.', '• Courses for adults in']
    >>> _items_read_across("workshops. (2) The annual festival, with", p, number="(1)")
    ['workshops.', '(2) The annual festival, with']
    >>> _items_read_across("workshops. (3) The annual festival, with", p, number="(1)")
    ['workshops. (3) The annual festival, with']

    A line opening with a bare number ("1 The ...") parts where the next bare number
    follows a finished sentence, counting on; a figure that does not count on stays:

    >>> _items_read_across("1 The annual fair in the parks. 2 A network of centres.", p)
    ['1 The annual fair in the parks.', '2 A network of centres.']
    >>> _items_read_across("1 The annual fair in the parks. 5 Towns joined it.", p)
    ['1 The annual fair in the parks. 5 Towns joined it.']
    """
    first = _opening_bullet(text, profile)
    if first or within:
        bullet = within if within and first != within else first
        pieces = re.split(rf"(?<=[.!?][’”'\"]?)\s+(?={re.escape(bullet)}\s*[\p{{Lu}}‘“'\"])", text)
        return [piece.rstrip() for piece in pieces]
    marker = profile.item_marker.match(text)
    bare = profile.item_number_bare.match(text) if marker is None else None
    if marker is None and bare is None and not number:
        return [text]
    pieces, start = [], 0
    if marker is not None:
        last, after = marker.group().strip(), marker.end()
    elif bare is not None:  # "1 The annual fair ... parks. 2 A network ...": bare numbers count on
        last, after = bare["number"], bare.end()
    else:
        last, after = number, 0
    inside_pattern = _BARE_NUMBER_INSIDE if bare is not None else profile.item_number_inside
    for inside in inside_pattern.finditer(text, after):
        # Set a gutter's spaces apart, a later number than the next opens a column (a
        # layout tool balanced the columns: "i. ... .    iii. ...").
        apart = inside.start("marker") - inside.start() >= GUTTER_GAP
        if counts_on(last, inside.group("marker")) or apart and comes_later(last, inside.group("marker")):
            pieces.append(text[start : inside.start()].rstrip())
            start, last = inside.start("marker"), inside.group("marker")
    return [*pieces, text[start:].rstrip()]



_BARE_NUMBER_INSIDE = re.compile(r"(?<=[.!?][’”'\"]?)\s+(?P<marker>0?[1-9])\s+(?=[\p{Lu}‘“'\"])")
"""A bare list number after a finished sentence inside a line, before an item's first word
("... parks. 2 A network ..."): it parts the line only where it counts on from the bare
number the line opens with."""


def _opening_number(text: str, profile: Profile) -> str:
    """The list number (or letter, or roman number) that opens the line as an item's
    marker ("(1)", "2.", "iv."), or ""."""
    marker = profile.item_marker.match(text)
    found = marker.group().strip() if marker is not None else ""
    return found if _NUMBERED.fullmatch(found) else ""


_NUMBERED = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")
"""A list's number, letter or roman number in its dress, as `Profile.item_number_inside`
reads the next one."""


def _opening_bullet(text: str, profile: Profile) -> str:
    """The bullet that opens the line as an item's marker (an en dash too, with a space
    after it), or ""."""
    first = text.lstrip()[:1]
    return first if first and (first in profile.bullets or first == "–" and text.lstrip()[1:2] == " ") else ""


# A glyph the PDF's font could not map, given as NUL, that ends a word, with a capitalised word
# right after it ("Sz\x00City population"), or a one-letter word after a word in small
# letters ("Sz\x00I am"): PyMuPDF ran the next line on there. (Not a one-letter word after
# capitals: "SZ\x00A" may be one word in capitals.)
_RUN_ON_AFTER_LOST_GLYPH = re.compile(r"(?<=\p{L}\x00)(?=\p{Lu}\p{Ll})|(?<=\p{Ll}\x00)(?=\p{Lu}\s)")


def _printed_lines(part: str) -> list[str]:
    """One extracted line as the printed lines it holds, each normalised.

    A line-end hyphen in any of its encodings becomes a plain "-", so that the
    repairs see one form; elsewhere a soft hyphen is invisible and dropped. A
    bullet glyph the extractor could not name reads as "•". A line run on after a
    glyph the extractor could not map (`_RUN_ON_AFTER_LOST_GLYPH`) is parted again; a
    lost glyph inside a word, or before a word in capitals, stays as it is:

    >>> _printed_lines("5. Klow, Sz\\x00Learning at home"), _printed_lines("Sz\\x00I am glad")
    (['5. Klow, Sz\\ufffd', 'Learning at home'], ['Sz\\ufffd', 'I am glad'])
    >>> _printed_lines("Ph\\x00\\x00ng and SZ\\x00HOD"), _printed_lines("TH\\x00A TOWN")
    (['Ph\\ufffd\\ufffdng and SZ\\ufffdHOD'], ['TH\\ufffdA TOWN'])
    """
    return [line for piece in _RUN_ON_AFTER_LOST_GLYPH.split(part) for line in _printed_piece(piece)]


def _printed_piece(part: str) -> list[str]:
    """`_printed_lines` of one printed line and the lines pdfium ran on to it."""
    part = name_bullet(part)
    pieces = part.split(_BREAK_MARK)
    if len(pieces) > 1 and not pieces[-1].strip():
        pieces.pop()  # the mark ended the line itself: no run-on line after it, and no blank
        pieces[-1] += _BREAK_MARK
    out = []
    for k, piece in enumerate(pieces):
        piece = piece.rstrip()
        if k < len(pieces) - 1 or piece.endswith(_LINE_END_HYPHENS):
            piece = piece.rstrip("".join(_LINE_END_HYPHENS)) + "-"
        out.append(normalize_glyphs(piece).rstrip())
    return out
