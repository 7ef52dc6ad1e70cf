"""Paragraph starts in text that has no blank lines between paragraphs.

Several extractors (pypdfium2, PyMuPDF, pypdf) give one line per printed line and
nothing between paragraphs. The lines still tell where a paragraph ended: a
typesetter breaks a line only when the next word does not fit, so a line that
ends a sentence while the next line's first word would have fitted on it was
ended on purpose. The measure is the line lengths around it, not a fixed width,
so narrow columns and full-width text are judged alike. What ends a sentence or
opens a paragraph, quotation or caption is the genre's: the `Profile` passed in
(`paragraph_end`, `paragraph_start`, `quoted_capital_start`, `caption_start`).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from ..line import Line
from ..patterns import Pattern, lazy
from ..profile import DEFAULT_PROFILE, Profile, quote_family
from ..running_heads import find_running_heads

# A short line without sentence punctuation is a caption or a label, not a paragraph's end.
_SHORT_SHARE = 0.6
# Lines around the candidate that give the measure; the fitted word must leave this share free.
_WINDOW = 3
_FIT_SHARE = 0.92
# When the extractor marked most paragraphs, an unmarked end must be plain to see.
_CAUTIOUS_FIT_SHARE = 0.8
# A caption closing a block under a one-line paragraph is at most this share of its line.
_SHORT_BESIDE_ONE = 0.36
# Lines this share of the line above them, or less, are set in a narrower column...
_NARROWER_SHARE = 0.5
# ...or this share, for lines that each end a sentence of a few words (one-line items in
# two columns under a one-line intro): the line above wider by `_WIDER_SHARE`.
_ONE_LINERS_SHARE = 0.625
# ...and at least one of them holds this many words.
_COLUMN_WORDS = 3
# A line this many times as long as every line above it, after a finished sentence, is set wider.
_WIDER_SHARE = 1.6


def _worded(words: Sequence[int], order: range) -> list[int]:
    """The first `_WINDOW` lines in `order`, the lines that give a column's measure. But
    where each of them holds one word, a justified line an extractor (PyMuPDF) gave a
    word a line, it says nothing of the measure: then the first `_WINDOW` lines past
    them that hold more than one.

    >>> _worded([4, 5, 1, 1, 6, 7, 8], range(6, -1, -1)), _worded([4, 5, 1, 1, 1, 7, 8], range(4, -1, -1))
    ([6, 5, 4], [1, 0])
    """
    near = list(order)[:_WINDOW]
    if not near or any(words[j] > 1 for j in near):
        return near
    return [j for j in order if words[j] > 1][:_WINDOW]


def measure_of(lengths: Sequence[int], span: Sequence[int], *, cautious: bool = False) -> int:
    """The likely measure of the lines in `span` (a few lines of one column).

    The longest of them, or with `cautious` the upper middle of those not short beside
    the longest (a paragraph's last line or a label says nothing of the measure): in a
    proportional font full lines differ by several characters, so one long line makes
    its neighbours look short. Text whose paragraphs are already mostly marked by blank
    lines is read cautiously; text with no marks at all is not.

    >>> measure_of([30, 29, 12, 31, 28], range(5)), measure_of([30, 29, 12, 31, 28], range(5), cautious=True)
    (31, 30)
    """
    near = sorted(lengths[j] for j in span)
    if not near:
        return 0
    if not cautious:
        return near[-1]
    full = [n for n in near if n > _SHORT_SHARE * near[-1]]
    return full[len(full) // 2]


def next_word_fits(prev: str, nxt: str, measure: int, share: float = _FIT_SHARE) -> bool:
    """Would the first word of `nxt` have fitted at the end of `prev`?

    >>> next_word_fits("a one-to-one basis.", "The development of the", 30)
    True
    >>> next_word_fits("rising from its darkest hours.", "Its people have found", 32)
    False
    """
    words = nxt.split()
    if not words:
        return False
    return len(prev.strip()) + 1 + len(words[0]) <= share * measure


def in_capitals(text: str) -> bool:
    """Set in capitals throughout (a caption or label style), not just an acronym.

    >>> in_capitals("VILLAGE READING ROOM"), in_capitals("UNESCO"), in_capitals("The UNESCO network")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and len(text.split()) >= 2 and all(c.isupper() for c in letters)


def _case_changes(a: str, b: str) -> bool:
    """From capitals throughout to mixed case, or back (a short capital line is neither)."""
    def mixed(t: str) -> bool:
        return any(c.islower() for c in t)
    return (in_capitals(a) and mixed(b)) or (mixed(a) and in_capitals(b))


def _narrows_here(lengths: Sequence[int], words: Sequence[int], i: int, end: int, above: int | None = None,
                  share: float = _NARROWER_SHARE) -> bool:
    """Do the lines from `i` on run far narrower than line `i - 1` (a new, narrower column)?

    A paragraph's lines share one measure; a run of lines all much shorter than
    the full line above them is another column the extractor read after it. Given
    `above` (where its block begins: the line before ends a sentence), a paragraph's last
    line may stop short, so the line before it counts too, and two narrow lines to the
    block's end (an item of two lines) are a run.
    """
    run = lengths[i:min(end, i + _WINDOW)]
    # A word or two a line is text broken up by the extractor, not a column.
    counts = words[i:i + len(run)]
    full, finished = lengths[i - 1], False
    if above is not None and above < i:
        full, finished = max(lengths[max(above, i - 2):i]), True
    return ((len(run) == _WINDOW or (finished and len(run) == 2 and i + 2 == end))
            and max(run) <= share * full and max(counts) >= _COLUMN_WORDS)


def _one_liners(lines: Sequence[Line], i: int, end: int, profile: Profile) -> bool:
    """Are the lines from `i` on (a window's worth, to the block's end) each a sentence of
    a few words with no item marker: a column of unmarked one-line items, not a
    paragraph's last line over captions (no sentence end), hanging numbers (`1.`, a word
    alone) nor marked items (`– A school ...`: their markers part them, and the unmarked
    line over them is the paragraph's last)?"""
    run = lines[i:min(end, i + _WINDOW)]
    return len(run) == _WINDOW and all(
        profile.paragraph_end.search(line.text) and len(line.text.split()) >= _COLUMN_WORDS
        and not profile.item_marker.match(line.text) for line in run)


def _widens_here(lengths: Sequence[int], words: Sequence[int], i: int, lo: int) -> bool:
    """Is line `i` far wider than every line of the column above it (at least two lines
    of a few words: a paragraph's short last line may be among them)? A paragraph's lines
    share one measure: after a finished sentence, a line half again as wide opens other
    matter set across the page (an unmarked quote after the items' narrow column)."""
    above = range(max(lo, i - _WINDOW), i)
    return (sum(words[j] >= _COLUMN_WORDS for j in above) >= 2
            and lengths[i] >= _WIDER_SHARE * max(lengths[j] for j in above))


def _short_in_its_block(lengths: Sequence[int], block: tuple[int, int], i: int) -> bool:
    """Line i is short beside the lines above it in its block (at least two of them), or
    beside the one line above it, a paragraph of one line, by half again as much (a
    caption pdftotext read onto a one-line intro: a column's last line is full)."""
    above = range(max(block[0], i - _WINDOW), i)
    if len(above) == 1:
        return lengths[i] <= _SHORT_BESIDE_ONE * lengths[above[0]]
    return len(above) >= 2 and lengths[i] <= _SHORT_SHARE * measure_of(lengths, above, cautious=True)


JOINED_SHARE = 1.3
"""A line this much longer than the lines below it may be two an extractor joined (a word
broken at the line end, given whole): no measure."""


def _wraps_into(lines: Sequence[Line], lengths: Sequence[int], k: int, below: Sequence[int], ends_sentence: Pattern) -> bool:
    """Line k ends no sentence and goes on in the line after it: a full line of the
    paragraph, its length the measure. Not when far longer than the lines below."""
    near = [lengths[j] for j in below]
    return (not ends_sentence.search(lines[k].text) and bool(near)
            and lengths[k] <= JOINED_SHARE * max(near))


_FULL_SHARE = 0.85
"""A line at least this share of the measure is full: whether the next word fitted cannot tell."""


def _sentence_a_full_line(lines: Sequence[Line], lengths: Sequence[int], i: int, measure: int,
                          profile: Profile) -> bool:
    """In text with no marks: lines i - 1 and i each fill the measure and end a sentence,
    after a line that ended one too. Full one-line items run together (an extractor that
    gives no blank lines); the fit of the next word cannot tell, the run of sentence ends
    can. An item of two sentences on two lines after a finished one is the hard negative,
    and both its lines must then fill the column and end a sentence: a short line, or a
    lead-in's colon before the pair, keeps it whole."""
    full = _FULL_SHARE * measure
    return _sentence_a_line(lines, i, profile) and lengths[i - 1] >= full and lengths[i] >= full


def _full_line_opened(lines: Sequence[Line], lengths: Sequence[int], block_of: Sequence[tuple[int, int]],
                      i: int, lo: int) -> bool:
    """Did line i - 1 open its block (`lo`) as a full line: set in (an indented box: the
    text source keeps one space before it), or at least as wide as every line of the
    block above? Then line i - 2 ended that other block, which every block does on a
    sentence's end, and line i - 1 ending one is the only chance in three: a quote's
    first line over its last, under a list (a one-line item shorter than the block above,
    over the next, is an item's end)."""
    if i - 1 != lo or i < 2:
        return False
    first, end = block_of[i - 2]
    return lines[lo].text.startswith(" ") or lengths[lo] >= max(lengths[first:end])


def _title_over_its_block(lines: Sequence[Line], i: int, lo: int, below: Sequence[int], profile: Profile,
                          furniture: AbstractSet[int] = frozenset()) -> bool:
    """In cautious text: is the line above `i` a title the extractor set in one block with
    the paragraph under it (pdftotext gives a booklet's title and its foreword so)? It
    opens the block (`lo`) at the top of the text or of a page, past the page's running
    head (a line in `furniture`), and at least two lines follow in the block; a
    quotation's first line is no title. (The caller asks that the line be short and the
    next word would have fitted on it.) Lower on a page a block's short first line may be
    a paragraph wrapped round a picture, so only the top counts."""
    if lo != i - 1 or len(below) < 2 or profile.quoted_capital_start.match(lines[i - 1].text):
        return False
    k = i - 2
    while k >= 0 and k in furniture and lines[k].printed_page == lines[i - 1].printed_page:
        k -= 1
    return k < 0 or lines[k].printed_page != lines[i - 1].printed_page


def _sentence_a_line(lines: Sequence[Line], i: int, profile: Profile) -> bool:
    """Lines i - 2, i - 1 and i each end a sentence: one-line paragraphs (items of a
    line each, run together). A typesetter's line ends on a sentence's end by chance now
    and then, three in a row hardly ever. Asked only in text whose extractor marked most
    paragraphs with blank lines (pdftotext runs closely set ones together); without
    marks, an item of two short sentences on two lines is as likely, and whether the next
    word would have fitted decides, or lines that fill the measure (`_sentence_a_full_line`)."""
    done = profile.finished_sentence
    return i >= 2 and all(done.search(lines[k].text.rstrip()) for k in (i - 2, i - 1, i)) \
        and lines[i - 2].printed_page == lines[i].printed_page


def _caption_over_quote(lines: Sequence[Line], i: int, profile: Profile) -> bool:
    """Is line i, after a finished sentence, a caption over the quotation that opens the
    next line? It ends no sentence and leads nothing in ("The mayor said:" or "As she
    put it," introduce the quote and go with the paragraph), and the quotation stands
    alone: it closes at the end of a line soon after (a quoted motto inside a sentence,
    "the motto" / "‘Zenda Learns’ in 2015.", closes mid-line)."""
    if i + 1 >= len(lines) or lines[i + 1].printed_page != lines[i].printed_page or lines[i + 1].block_start:
        return False
    text = lines[i].text.rstrip()
    if not (profile.quoted_capital_start.match(lines[i + 1].text) and profile.caption_start.match(text)
            and not profile.paragraph_end.search(text) and not text.endswith((",", ":", ";", "-"))):
        return False
    return any(line.text.rstrip().rstrip(".,")[-1:] in profile.close_quotes
               for line in lines[i + 1 : i + 2 + _QUOTE_LINES])


# The most lines a pull quote under a caption runs to before it closes.
_QUOTE_LINES = 6


_WHOLE_QUOTE_LINES = 8
"""The most lines a quotation set as a paragraph of its own runs over (a pull quote)."""
_AFTER_CLOSE = lazy(r"[.,!?]?\s*$")


def _whole_quote_end(lines: Sequence[Line], i: int, profile: Profile) -> int | None:
    """The position of the line that closes, at its end, the quotation line i opens with,
    when no closing mark of its family comes before (a quoted name closes mid-line: "‘Zenda
    Reads’, a ..."); else None. A closing single mark before a letter is an apostrophe."""
    if not profile.quote_start.match(lines[i].text):
        return None
    first = lines[i].text.lstrip()
    closers = [mark for mark in quote_family(first[0], profile) if mark in profile.close_quotes]
    for j in range(i, min(len(lines), i + _WHOLE_QUOTE_LINES)):
        text = first[1:] if j == i else lines[j].text
        for at, char in enumerate(text):
            if char in closers and not (at + 1 < len(text) and text[at + 1].isalpha()):
                return j if _AFTER_CLOSE.match(text, at + 1) else None
    return None


def _printed_once(text: str) -> str:
    """The line as printed once where the extractor gave it twice, glued or a space apart
    ("Evening class in the millEvening class in the mill"): its shape is the once-printed
    line's (a short caption's, not a full line's). The repairs stage reports the copy."""
    text = text.strip()
    half = len(text) // 2
    head, tail = text[:half], text[half:] if len(text) % 2 == 0 else text[half + 1:]
    glued = len(text) % 2 == 0 or text[half] == " "  # the copy glued on, or a space apart
    return head if glued and head == tail and len(head.split()) >= 2 else text


_ITEM_LABEL = lazy(r"^\s*\p{Lu}[\p{L}\p{M}'’-]*(?:\s+[\p{L}\p{M}'’-]+){0,3}:\s+\p{L}")
"""An item's run-in label of a few words, its first capitalised, then its text:
"Reading clubs: evening classes ...". No stats entry: a figure follows that colon."""
_LABEL_REACH = 6  # lines from one labelled item's first line to the next one's at most


def _labelled_item(lines: Sequence[Line], k: int, profile: Profile) -> bool:
    """Does line k open an item with a run-in label, after a line ending a sentence?"""
    return 0 < k < len(lines) and _ITEM_LABEL.match(lines[k].text) is not None \
        and profile.stat_label_any.match(lines[k].text) is None \
        and profile.finished_sentence.search(lines[k - 1].text.rstrip()) is not None \
        and lines[k - 1].printed_page == lines[k].printed_page


def _in_labelled_run(lines: Sequence[Line], i: int, profile: Profile) -> bool:
    """Does line i open one of a run of items with run-in labels ("Reading clubs: ..." /
    "Study circles: ..."), each after a finished sentence? One-line items of that form run
    together in text with no blank lines, each as full as the intro above them; the labels
    part them, where one label alone may be a sentence's ("The aim is plain: ...")."""
    return _labelled_item(lines, i, profile) and any(
        _labelled_item(lines, k, profile) for k in range(max(1, i - _LABEL_REACH), min(len(lines), i + _LABEL_REACH + 1))
        if k != i)


def _opens_marked_item(text: str, profile: Profile) -> bool:
    """Does the line open with a list's number or bullet (not a dash, which prose may
    print) before a capital or a quotation mark?"""
    marker = profile.item_marker.match(text)
    return marker is not None and marker.group().strip() not in ("-", "–") \
        and bool(profile.caption_start.match(text[marker.end():]))


def infer_paragraph_starts(
    lines: Sequence[Line], *, cautious: bool = False, profile: Profile = DEFAULT_PROFILE
) -> list[Line]:
    """Mark as block starts the lines that open a paragraph the extractor ran on.

    Only adds starts; a start the extractor gave (a blank line, an indent) stays.
    With `cautious` (the extractor marked most paragraphs already) only a
    finished sentence followed by a word that would have fitted counts.

    >>> ls = [Line(t, n) for n, t in enumerate(["The first item runs on to",
    ...     "a second line and then to", "a third one.", "Another item that runs on", "to its end."], 1)]
    >>> [ln.block_start for ln in infer_paragraph_starts(ls)]
    [False, False, False, True, False]
    """
    ends_sentence, opens_paragraph = profile.paragraph_end, profile.paragraph_start
    opens_with_quote, opens_caption = profile.quoted_capital_start, profile.caption_start
    once = [_printed_once(line.text) for line in lines]
    lengths = [len(text) for text in once]
    words = [len(text.split()) for text in once]
    # A running header or footer ("Title | 12", or "Title 12" recurring page after page
    # with another number) is page furniture, a block of its own: what it follows closes
    # there (a caption run on under a paragraph, say), and what follows it opens a block.
    # (A title recurring without a number may be a caption printed again: left to the
    # block stage, which reads blocks.)
    heads = find_running_heads([line.text for line in lines], profile)
    recurring = heads.numbered
    furniture = [bool(profile.running_head.match(line.text)) or k in recurring for k, line in enumerate(lines)]
    starts = [line.block_start or furniture[k] or (k > 0 and furniture[k - 1]) for k, line in enumerate(lines)]
    # The extractor's own blocks bound the measure: a stats line or a heading set
    # beside a narrow column must not widen it.
    block_of: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or starts[i]:
            block_of += [(first, i)] * (i - first)
            first = i
    # Inside a quotation set as a paragraph, a finished sentence ends no paragraph.
    quote_until = _whole_quote_end(lines, 0, profile) if lines else None
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        if quote_until is None or i > quote_until:
            quote_until = _whole_quote_end(lines, i, profile)
        elif line.printed_page == prev.printed_page:
            continue
        if starts[i] or line.printed_page != prev.printed_page:
            continue
        if _case_changes(prev.text, line.text) and not prev.text.rstrip().endswith("-"):
            starts[i] = True  # a change between capitals and mixed case: a caption, a label
            continue
        if not opens_paragraph.match(line.text):
            continue
        lo, hi = block_of[i - 1]
        finished = bool(ends_sentence.search(prev.text))
        if not finished and _opens_marked_item(line.text, profile) and not prev.text.rstrip().endswith("-"):
            starts[i] = True  # no sentence goes on with a list's marker: the line above closed a caption
            continue
        # A paragraph's last line is measured against the lines above it (its
        # own column); a caption against the paragraph it ran into.
        above = _worded(words, range(i - 2, lo - 1, -1))[::-1]
        below = _worded(words, range(i, hi))
        if prev.text.rstrip().endswith(":"):  # a lead-in ends its paragraph; a list follows
            starts[i] = True
        elif finished:
            measure = measure_of(lengths, above if len(above) >= 2 else below, cautious=cautious)
            if len(above) == 1 and _wraps_into(lines, lengths, above[0], below, ends_sentence):
                measure = max(measure, lengths[above[0]])  # a paragraph of two lines: its first is full
            share = _CAUTIOUS_FIT_SHARE if cautious else _FIT_SHARE
            # A short line with no sentence end after a finished sentence is a caption or
            # a label, not the paragraph going on (its last line would end a sentence).
            # Short beside its own paragraph's measure: a line set wider than the lines
            # above it (an unmarked quote across the page after the items' column) is one.
            label = (not cautious and lengths[i] <= _SHORT_SHARE * max(measure, lengths[i - 1])
                     and not ends_sentence.search(line.text) and bool(opens_caption.match(line.text)))
            if not cautious and _caption_over_quote(lines, i, profile):
                label = True  # however long: captions set side by side, read as one line
                starts[i + 1] = True
            starts[i] = bool(opens_with_quote.match(line.text)) or label or next_word_fits(
                prev.text, line.text, measure, share) or (not cautious and _widens_here(lengths, words, i, lo)) \
                or (cautious and not _full_line_opened(lines, lengths, block_of, i, lo)
                    and _sentence_a_line(lines, i, profile)) \
                or (not cautious and _sentence_a_full_line(lines, lengths, i, measure, profile)) \
                or _in_labelled_run(lines, i, profile)
        elif (not cautious and opens_with_quote.match(line.text) and starts[i - 1]
              and lengths[i - 1] <= _SHORT_SHARE * measure_of(lengths, below if len(below) >= 2 else above)):
            starts[i] = True  # a quotation after a caption or label line
        elif (not cautious and opens_with_quote.match(line.text) and len(below) >= 2
              and next_word_fits(once[i - 1], line.text, measure_of(lengths, below))):
            starts[i] = True  # a quotation after a line ended on purpose (a caption's last line)
        elif ((not cautious or _title_over_its_block(lines, i, lo, below, profile, heads.every)) and (len(below) >= 2 or bool(ends_sentence.search(line.text)))
              and opens_caption.match(prev.text) and opens_caption.match(line.text)
              and not (i >= 2 and words[i - 1] == 1 and 1 in (words[i - 2], words[i]))):
            # A caption run into the paragraph after it: both open with a capital (the
            # paragraph may be one line that ends a sentence, as an extractor gives a
            # paragraph a line: it is its own measure). Lone words line after line (the
            # line above one, and this line or the one above that one too) are a justified
            # line the extractor gave a word a line. But a short line under a full line of
            # prose that stops on a word no text ends with is that sentence
            # going on ("... for Development and the" / "Zeda Mirn and Ul" / "Rovanek
            # Foundations ..."), not a caption, whose own lines are short or in capitals
            # ("... EN-" / "ERGY SCHOOL IN" / "ZENDA" / "ZENDA GREEN CITY"); and a short
            # line stopping so is a caption wrapped ("OPENING OF THE" / "ZENDA FAIR").
            measure = measure_of(lengths, below)
            starts[i] = lengths[i - 1] <= _SHORT_SHARE * measure and next_word_fits(once[i - 1], line.text, measure) \
                and not profile.language.stops_on_run_on_word(prev.text) \
                and not (i - 2 >= lo and lengths[i - 2] > _SHORT_SHARE * measure
                         and not in_capitals(lines[i - 2].text)
                         and profile.language.stops_on_run_on_word(lines[i - 2].text))
        one_liners = finished and _one_liners(lines, i, hi, profile)
        if not starts[i] and (not cautious or finished) \
                and (not ends_sentence.search(line.text) or one_liners) \
                and not profile.language.stops_on_run_on_word(prev.text) \
                and _narrows_here(lengths, words, i, hi, lo if finished else None,
                                  _ONE_LINERS_SHARE if one_liners else _NARROWER_SHARE):
            # A narrow column (a margin, items under a full-width intro) begins under a
            # full-width line: plain to see even in cautious text after a finished sentence.
            # A line that ends a sentence may be the paragraph's last; after a finished
            # sentence, a run of narrow lines that each end one is a column of one-line items.
            # A line stopping on a word no text ends with ("... school in") goes on below.
            starts[i] = True
    # A caption run onto the end of the paragraph before it: a line without
    # sentence punctuation after a finished sentence, closing its block. Where the
    # extractor marked its blocks, a block may also end where a column does, in the middle
    # of a sentence: there only a short line counts (a column's last line is full).
    for i in range(1, len(lines)):
        closes_block = i + 1 == len(lines) or starts[i + 1]
        if (not starts[i] and closes_block and not ends_sentence.search(lines[i].text)
                and ends_sentence.search(lines[i - 1].text) and opens_paragraph.match(lines[i].text)
                and lines[i].printed_page == lines[i - 1].printed_page
                and (not cautious or _short_in_its_block(lengths, block_of[i], i))):
            starts[i] = True
    # A name's last word alone ("College") under a line ending on a capitalised word goes on
    # that line: a caption wrapped inside a name, in a column narrower than the text's.
    for i in range(1, len(lines)):
        if starts[i] and profile.language.name_head_alone(lines[i - 1].text, lines[i].text):
            starts[i] = False
    return [replace(line, block_start=True) if starts[k] and not line.block_start else line
            for k, line in enumerate(lines)]
