"""Free text into typed paragraphs: the lines no recogniser took.

Consecutive free lines are grouped into paragraphs (`group_text`); each paragraph is
then typed as a quote, prose or a caption (`type_text_blocks`), after captions run
together and quotes run into the text before or after them are split apart. The last
part of the blocks stage (`block_stage.build_blocks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

from .blocks import (
    Block,
    BlockKind,
    ItemData,
    Typography,
    closes_quote,
    is_caption_like,
    opens_quote,
    quotes_a_name,
)
from .line import Line
from .patterns import lazy
from .profile import Profile
from .sources.paragraphs import in_capitals


def runs_on_into(
    lines: Sequence[Line], texts: Sequence[str], taken: list[bool], found: list[list[Block]], k: int,
    profile: Profile,
) -> bool:
    """Line k goes on from text just before it that ends with a word no text ends with
    ("... solar school in" / "Zenda", "2. The" / "Zenda"): a place name finishing a
    caption, a sentence or an item, not a label on a map. The text above is free, or a
    one-line block that free lines go on (an item's marker line), or a text block of
    several lines (a hanging number and the line beside it: "3." / "The" / "Zenda" /
    "Reading", a justified line's words given a line each) where the text goes on below."""
    if k == 0 or lines[k].block_start:
        return False
    if taken[k - 1] and not (found[k - 1] and found[k - 1][-1].kind is BlockKind.TEXT
                             and found[k - 1][-1].lines == [lines[k - 1]]):
        # Or a text block of several lines ends there, and the text goes on below the name.
        start = next((j for j in range(k - 1, -1, -1) if found[j]), None)
        above = found[start][-1] if start is not None else None
        if above is None or above.kind is not BlockKind.TEXT or above.lines[-1] is not lines[k - 1] \
                or (k + 1 < len(lines) and (taken[k + 1] or lines[k + 1].block_start)):
            return False
    return profile.language.stops_on_run_on_word(texts[k - 1])


def _copy_of_the_line_above(
    founds: list[list[Block]], open_text: Block, lines: Sequence[Line], texts: Sequence[str], k: int,
) -> bool:
    """Is line k alone a copy of the paragraph's last line, just above it, and the next
    line too followed by its copy? Text of several lines drawn twice at one place, read
    line by line (pdfminer: "LEARNING HUB IN" twice, then the caption's next line
    twice): the copies go, the paragraph goes on below them. A copy after which the next
    line is printed once ends its paragraph as any duplicate does (text with no blank
    lines: a caption printed twice, then the intro)."""

    def copy_alone(found: list[Block], j: int) -> bool:
        return (len(found) == 1 and found[0].kind is BlockKind.DUPLICATE and len(found[0].lines) == 1
                and texts[j].strip() == texts[j - 1].strip())

    return (copy_alone(founds[k], k) and open_text.lines[-1] is lines[k - 1]
            and k + 2 < len(lines) and not founds[k + 1] and copy_alone(founds[k + 2], k + 2))


def group_text(
    lines: Sequence[Line], texts: Sequence[str], found: list[list[Block]], taken: list[bool],
    profile: Profile,
) -> list[Block]:
    """Blocks in text order; lines no recogniser took are grouped into paragraphs."""
    blocks: list[Block] = []
    open_text: Block | None = None  # the paragraph the next free line may continue
    for k, line in enumerate(lines):
        if found[k]:
            first = found[k][0]
            if first.kind is BlockKind.TEXT and first.lines[0] is line and len(found[k]) > 1 \
                    and open_text is not None and not line.block_start:  # a paragraph's last line, its rest another block
                open_text.lines.append(line)
                open_text.texts.append(first.texts[0])
                blocks += found[k][1:]
            else:
                blocks += found[k]
            if not (open_text is not None and _copy_of_the_line_above(found, open_text, lines, texts, k)):
                open_text = found[k][-1] if found[k][-1].kind is BlockKind.TEXT else None
            continue
        if taken[k]:  # a later line of a block opened above
            continue
        text = texts[k]
        continues = (
            open_text is not None
            and not line.block_start
            and not (opens_quote(text, profile) and profile.sentence_end.search(open_text.texts[-1]))
            and not _caption_label_opens(text, open_text.texts[-1], profile)
        )
        if continues and open_text is not None:
            open_text.lines.append(line)
            open_text.texts.append(text)
        else:
            open_text = Block(BlockKind.TEXT, [line], [text])
            blocks.append(open_text)
    return blocks


def _caption_label_opens(text: str, above: str, profile: Profile) -> bool:
    """Does a caption's label ("Photo: ...", capitalised) open line `text` under a line
    that ends a sentence or a clause (`above`)? Then a caption starts there, not the
    paragraph's next line: text with no blank lines runs a caption into the quote or
    item above it."""
    return (profile.caption_label.match(text) is not None and text.lstrip()[:1].isupper()
            and (profile.sentence_end.search(above) is not None or above.rstrip().endswith(",")))


def _caption_run_max_lines(profile: Profile) -> int:
    """The most lines of captions set one under another: two captions of the longest
    kind, perhaps printed twice (a copy in the margin beside the photos' own)."""
    return 4 * profile.caption_max_lines


def _caption_stack(texts: Sequence[str], profile: Profile) -> bool:
    """Lines that may be a run of captions set one under another: a short stack, no
    line ending a sentence or longer than a caption."""
    return (2 <= len(texts) <= _caption_run_max_lines(profile)
            and not any(profile.sentence_end.search(t) or len(t) > profile.caption_max_chars for t in texts))


def capitals_measure(blocks: Sequence[Block], profile: Profile) -> int:
    """The longest line of the booklet's stacks of captions in capitals: the width
    its captions in capitals are set to. A capitals line shorter than that by more
    than the next line's first word ended on purpose, wherever it stands in its stack.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> stack = Block(BlockKind.TEXT, [Line("x", 1), Line("x", 2)], ["READING CLUB AT THE LIBRARY", "BOOK FAIR"])
    >>> capitals_measure([stack], p)
    27
    """
    lengths = [len(t.strip()) for block in _caption_stacks(blocks, profile) for t in block.texts]
    return max(lengths, default=0)


def _caption_stacks(blocks: Sequence[Block], profile: Profile, capitals: bool = True) -> list[Block]:
    """The booklet's free stacks of lines that may be captions, in capitals only or any."""
    return [block for block in blocks if block.kind is BlockKind.TEXT and block.data is None
            and _caption_stack([t.strip() for t in block.texts], profile)
            and (not capitals or all(t.isupper() for t in block.texts))]


Edges = list[tuple[float, float]]


def stack_edges(blocks: Sequence[Block], profile: Profile, capitals: bool = True) -> Edges:
    """The left and right edges of the lines of several words of the booklet's stacks
    of captions (in capitals, or any), where the lines have their places on the page: a
    caption's column is as wide as its longest line there, whatever the column (a
    margin's, a photo's). Lines of one word (labels in a figure: "T1" / "T2") show no
    column's measure."""
    return [(line.bbox[0], line.bbox[2]) for block in _caption_stacks(blocks, profile, capitals)
            for line, text in zip(block.lines, block.texts, strict=True)
            if line.bbox is not None and len(text.split()) > 1]


# Glyphs' side bearings move a line's left edge by a point or so; a column's lines share it.
_SAME_LEFT_EDGE = 2.0


def _no_room_on_the_page(above: Line, below: Line, text_above: str, text_below: str, edges: Edges,
                         reach: float | None = None) -> bool | None:
    """Had the line above no room for the first word of the line below in its column?
    Told in points where both lines have their places (the column's right edge: the
    furthest any caption line of its left edge reaches; the word's width: its share of
    its line's), None where they have none or no line of several words shows the column
    (with `reach`: none ending less than that short of the line's end)."""
    if above.bbox is None or below.bbox is None or not text_above or not text_below:
        return None
    x0, x1 = above.bbox[0], above.bbox[2]
    column = [r for left, r in edges if abs(left - x0) <= _SAME_LEFT_EDGE]
    if not column or reach is not None and max(column) < x1 - reach:
        return None
    right = max(x1, *column)
    space = (x1 - x0) / len(text_above)
    word = text_below.split()[0]
    word_width = (below.bbox[2] - below.bbox[0]) * len(word) / len(text_below)
    return x1 + space + word_width > right


# A line in capitals opening with one of these goes on the line above ("ZENDA VOICES" /
# "FOR DEMOCRACY"): captions seldom open so.
_GOES_ON_WORDS = frozenset(("of", "and", "or", "for", "with", "by", "from"))


def _name_wrapped(above: Line, below: Line, text_above: str, text_below: str, edges: Edges,
                  own: AbstractSet[tuple[float, float]], profile: Profile) -> bool:
    """Does a caption's line end inside a name that the line below goes on ("Reading in
    the Old" / "Harbour"): a line of a caption set in sentence case (a lowercase word in
    it) ends on a capitalised word, the line below opens with a capital, and the line had
    no room in its column, on the page, for that line's first word? A caption set under
    it would have fitted after a short line. Lines of capitalised words only (a list of
    names or titles, one a line) say nothing of where a name ends. The column's measure is
    shown by other captions (`edges` less the stack's `own` lines) reaching about as far: a
    list's longest entry alone shows none. Where the page does not tell (or the text has
    no places), a name's last word alone ("Graduation at Zenda" / "College") goes on
    the line above: no caption is that one word (`Language.name_head_alone`)."""
    words = text_above.split()
    if len(words) > 1 and words[-1][:1].isupper() and text_below[:1].isupper() \
            and any(word[:1].islower() for word in words[:-1]):
        others = [edge for edge in edges if edge not in own]
        no_room = _no_room_on_the_page(above, below, text_above, text_below, others, _OTHER_REACH)
        if no_room is not None:
            return no_room
    return profile.language.name_head_alone(text_above, text_below)


# How far short of a line's end another caption of its column may stop and still show the
# column's measure (a ragged column's lines end a word or so apart).
_OTHER_REACH = 6.0


def split_caption_run(block: Block, profile: Profile, capitals_width: int = 0, edges: Edges | None = None,
                      any_edges: Edges | None = None) -> list[Block]:
    """A short block of lines none of which ends a sentence, each opening with a capital
    or a quotation mark, is a run of captions set one under another: one block each.
    A line that opens in lowercase goes on the caption above it.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> run = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3)],
    ...             ["Reading club", "Pupils at the school", "garden in spring"])
    >>> [b.texts for b in split_caption_run(run, p)]
    [['Reading club'], ['Pupils at the school', 'garden in spring']]
    """
    texts = [t.strip() for t in block.texts]
    if block.data is not None or not _caption_stack(texts, profile):
        return [block]
    if opens_quote(texts[0], profile) and not quotes_a_name(" ".join(texts), profile) \
            and not closes_quote(texts[0], profile):
        return [block]  # a quotation running on past this block
    measure = max(map(len, texts))
    own = {(line.bbox[0], line.bbox[2]) for line in block.lines if line.bbox is not None}

    def no_room(k: int) -> bool:
        on_page = _no_room_on_the_page(block.lines[k - 1], block.lines[k], texts[k - 1], texts[k], edges or [])
        if on_page is not None:
            return on_page
        return len(texts[k - 1]) + 1 + len(texts[k].split()[0]) > max(measure, capitals_width)

    starts = [k for k, t in enumerate(texts) if k == 0 or (
        profile.caption_line_start.match(t) and not profile.language.stops_on_run_on_word(texts[k - 1])
        and not texts[k - 1].endswith("-")  # a word broken at the line end goes on
        # In capitals a capital says nothing: there a line that had room for the next
        # line's first word was ended on purpose (the measure: the line's column on the
        # page; in text, the stack's longest line or the booklet's longest line of
        # captions in capitals).
        and not (t.isupper() and texts[k - 1].isupper()
                 and (no_room(k) or t.split()[0].casefold() in _GOES_ON_WORDS))
        and not _name_wrapped(block.lines[k - 1], block.lines[k], texts[k - 1], t, any_edges or [], own, profile))]
    if len(starts) < 2:
        return [block]
    bounds = [*starts, len(texts)]
    pieces = [Block(BlockKind.TEXT, block.lines[a:b], block.texts[a:b]) for a, b in pairwise(bounds)]
    if not all(is_caption_like(p.texts, profile) for p in pieces):
        return [block]
    return pieces


_LOWERCASE_WORD = lazy(r"\p{Ll}[\p{L}\p{M}’'-]*")


def caption_pair_seams(words: Sequence[str], profile: Profile) -> list[int]:
    """Where a second caption may open in two captions read as one line: the indexes of
    the words opening with a capital after a lowercase word that is no small word
    ("in", "the", "de"), two words or more on each side."""
    return [k for k in range(2, len(words) - 1)
            if _LOWERCASE_WORD.fullmatch(words[k - 1])
            and words[k - 1].lower() not in profile.language.run_on_words
            and words[k - 1].lower() not in profile.language.name_particles
            and profile.item_start.match(words[k])]


def split_caption_pair(block: Block, profile: Profile) -> list[Block]:
    """Two captions printed side by side and read across as one line by an extractor
    ("Reading club Pupils at the school garden"): split where a lowercase word is
    followed by a capital that opens the second caption.

    Only for text without geometry (a PDF's own layout keeps the two apart), only for a
    one-line caption-like block, and only at a single such place, with two words or
    more on each side; a capital after a little word ("in", "the", "de") belongs to a
    name, not to a new caption, and so does one after a preposition ("during").

    >>> from .profile import DEFAULT_PROFILE as p
    >>> pair = Block(BlockKind.TEXT, [Line("x", 1)], ["Reading club Pupils at the Royal Library"])
    >>> [b.texts for b in split_caption_pair(pair, p)]
    [['Reading club'], ['Pupils at the Royal Library']]
    >>> one = Block(BlockKind.TEXT, [Line("x", 1)], ["Pupils at the Royal Library"])
    >>> [b.texts for b in split_caption_pair(one, p)]
    [['Pupils at the Royal Library']]
    >>> named = Block(BlockKind.TEXT, [Line("x", 1)], ["Prototype workshop during Zenda Week"])
    >>> [b.texts for b in split_caption_pair(named, p)]
    [['Prototype workshop during Zenda Week']]
    """
    if block.data is not None or len(block.texts) != 1 or block.lines[0].bbox is not None:
        return [block]
    text = block.texts[0].strip()
    if not profile.item_start.match(text) or not is_caption_like([text], profile):
        return [block]
    words = text.split()
    places = caption_pair_seams(words, profile)
    if len(places) != 1:
        return [block]
    k = places[0]
    line = block.lines[0]
    return [Block(BlockKind.TEXT, [line], [" ".join(words[:k])]),
            Block(BlockKind.TEXT, [line], [" ".join(words[k:])])]


def split_after_quote(block: Block, profile: Profile) -> list[Block]:
    """A quotation whose closing line is not its block's last: the lines after it (a
    caption the extractor ran on) are a block of their own. A closing mark followed
    by a lowercase line was an apostrophe ("our teachers’" / "and families’ ideas").

    >>> from .profile import DEFAULT_PROFILE as p
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3)], ["‘We learn", "together.’", "Reading club"])
    >>> [piece.texts for piece in split_after_quote(b, p)]
    [['‘We learn', 'together.’'], ['Reading club']]
    """
    texts = block.texts
    if block.data is not None or len(texts) < 2 or not opens_quote(texts[0], profile):
        return [block]
    opener = texts[0].lstrip()[:1]
    for k in range(len(texts) - 1):
        if closes_quote(texts[k], profile, opener) and not texts[k + 1].strip()[:1].islower():
            return [Block(BlockKind.TEXT, block.lines[: k + 1], texts[: k + 1]),
                    Block(BlockKind.TEXT, block.lines[k + 1 :], texts[k + 1 :])]
    return [block]


_SENTENCE_INSIDE = lazy(r"\p{Ll}[.!?]\s+\p{Lu}")


def split_before_quote(block: Block, profile: Profile, quote_next: bool = False) -> list[Block]:
    """A quotation that a few caption lines run into: the extractor gave no break
    between a caption (or a caption printed again) and the quotation under it, and
    perhaps none between the paragraph or item above and the captions.

    Split where a line opens a quotation that the block's last line closes, when the
    lines just before it are caption-like on their own and the block either starts
    with them or has a finished sentence before them: [paragraph] [captions] [quote].
    A lead-in that ends with a colon or a comma ("The mayor said:") is prose
    introducing the quote, and stays. Where the quotation is the next block
    (`quote_next`: an extractor that gives no blank lines, its captions read after the
    last item), the captions end this item (`_captions_ending_item`).

    >>> from .blocks import ItemData
    >>> from .profile import DEFAULT_PROFILE as p
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3)], ["Reading club", "‘We learn", "together.’"])
    >>> [piece.texts for piece in split_before_quote(b, p)]
    [['Reading club'], ['‘We learn', 'together.’']]
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2, 3, 4)],
    ...           ["A club for", "parents.", "Reading club", "‘We learn.’"], ItemData("1."))
    >>> [(piece.texts, piece.data) for piece in split_before_quote(b, p)]
    [(['A club for', 'parents.'], ItemData(marker='1.')), (['Reading club'], None), (['‘We learn.’'], None)]
    >>> b = Block(BlockKind.TEXT, [Line("x", n) for n in (1, 2)], ["As the mayor said,", "‘We learn.’"])
    >>> [piece.texts for piece in split_before_quote(b, p)]
    [['As the mayor said,', '‘We learn.’']]
    """
    texts = block.texts
    if len(texts) < 2:
        return [block]
    # A caption that opens by quoting a name ("'Learn with us' programme") opens no quotation.
    k = next((k for k in range(1, len(texts))
              if profile.quote_start.match(texts[k]) and not quotes_a_name(texts[k], profile, words_after=1)), None)
    closes = closes_quote(texts[-1], profile)
    if k is None or not closes:
        if closes or not quote_next:
            return [block]
        k = len(texts)  # the quotation is the next block: the captions end this one
    j = k
    while j > 0 and k - j < _caption_run_max_lines(profile):
        before = texts[j - 1].rstrip()
        if not is_caption_like([before], profile) or _SENTENCE_INSIDE.search(before):
            break  # a sentence, or a lead-in to the quote: prose
        j -= 1
    if j == k:
        return [block]
    if j == 0:
        if block.data is not None or k == len(texts) or (
                opens_quote(texts[0], profile) and not quotes_a_name(texts[0], profile, words_after=1)):
            return [block]
    elif not profile.finished_sentence.search(texts[j - 1]) or k == len(texts) and not _captions_ending_item(
            block, j, profile):
        return [block]
    pieces = [Block(block.kind, block.lines[:j], texts[:j], block.data)] if j > 0 else []
    quote = [Block(BlockKind.TEXT, block.lines[k:], texts[k:])] if k < len(texts) else []
    return [*pieces, Block(BlockKind.TEXT, block.lines[j:k], texts[j:k]), *quote]


def type_text_blocks(blocks: list[Block], typography: Typography, profile: Profile) -> list[Block]:
    """Turn text blocks into quote, prose or caption blocks."""
    blocks = [piece for block in blocks
              for piece in (split_after_quote(block, profile) if block.kind is BlockKind.TEXT else [block])]
    blocks = [piece for i, block in enumerate(blocks)
              for piece in (split_before_quote(block, profile, _quote_next(blocks, i, profile))
                            if block.kind is BlockKind.TEXT else [block])]
    capitals_width, edges = capitals_measure(blocks, profile), stack_edges(blocks, profile)
    any_edges = stack_edges(blocks, profile, capitals=False)
    blocks = [piece for block in blocks for piece in (
        split_caption_run(block, profile, capitals_width, edges, any_edges) if block.kind is BlockKind.TEXT
        else [block])]
    blocks = [piece for block in blocks
              for piece in (split_caption_pair(block, profile) if block.kind is BlockKind.TEXT else [block])]
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind is not BlockKind.TEXT:
            out.append(block)
            i += 1
            continue
        if (
            block.data is None
            and opens_quote(block.texts[0], profile)
            and not quotes_a_name(block.text, profile)
            and (not is_caption_like(block.texts, profile) or _continued_by(blocks, i + 1))
        ):
            span = Block(BlockKind.QUOTE, list(block.lines), list(block.texts))
            opener = block.texts[0].lstrip()[:1]
            j = i + 1
            while (
                (not closes_quote(span.texts[-1], profile, opener) or _continued_by(blocks, j))
                and j < len(blocks)
                and blocks[j].kind in (BlockKind.TEXT, BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD)
                and blocks[j].data is None
            ):
                if blocks[j].kind is BlockKind.TEXT:
                    span.lines += blocks[j].lines
                    span.texts += blocks[j].texts
                else:
                    out.append(blocks[j])  # a page number inside a quote stays noise
                j += 1
            out.append(span)
            i = j
            continue
        if block.data is None and len(block.texts) == 1 and profile.item_marker_alone.match(block.texts[0]) \
                and not any(ch.isalnum() for ch in block.texts[0]):
            block.kind = BlockKind.LABEL  # a stray bullet that lost its item: no field's
        elif block.data is None and not _breaks_off_mid_word(blocks, i) and not _mid_sentence(blocks, i, profile) \
                and not _quoted_by_next(blocks, i, profile) \
                and not _goes_on_in_next_column(blocks, i, typography, profile) and (
                is_caption_like(block.texts, profile) or typography.says_caption(block.lines)
                or typography.says_label(block.lines, block.texts, profile)
                or _set_in_capitals(block.texts, profile)):
            block.kind = BlockKind.CAPTION
        else:
            block.kind = BlockKind.PROSE
        out.append(block)
        i += 1
    return out


def _captions_ending_item(block: Block, j: int, profile: Profile) -> bool:
    """May the lines of `block` from line j be captions read after its last sentence:
    the block is a list's item whose text ends a sentence on line j - 1 (no marker set
    alone there), and line j opens as a caption does? Prose running into a quotation
    ("... that he was" / "'Only a ...'") is no item."""
    return isinstance(block.data, ItemData) and not profile.item_marker_alone.match(block.texts[j - 1].strip()) \
        and bool(profile.caption_line_start.match(block.texts[j]))


def _quote_next(blocks: list[Block], i: int, profile: Profile) -> bool:
    """Does a quotation open the next block after block i, past lines printed again and
    page furniture?"""
    j = i + 1
    while j < len(blocks) and (blocks[j].kind is BlockKind.DUPLICATE or blocks[j].kind.is_noise):
        j += 1
    return j < len(blocks) and blocks[j].kind is BlockKind.TEXT and opens_quote(blocks[j].texts[0], profile) \
        and not quotes_a_name(blocks[j].text, profile)


_CAPITALS_MAX_LINES = 8


def _set_in_capitals(texts: Sequence[str], profile: Profile) -> bool:
    """A few lines in capitals throughout, with no sentence end: captions or labels set
    in capitals (a stack of them, perhaps), never prose; headings were taken before."""
    return (len(texts) <= _CAPITALS_MAX_LINES and in_capitals(" ".join(texts))
            and not profile.sentence_end.search(texts[-1]))


_BROKEN_WORD_END = lazy(r"\p{Ll}-$")


def _mid_sentence(blocks: list[Block], i: int, profile: Profile) -> bool:
    """Block i opens in lowercase, ends no sentence, the text block before ends none
    either and the next goes on in lowercase: words of a sentence an extractor set apart
    one box each (a justified line's wide spaces: "Extending" / "vocational" /
    "training" / "opportunities in ..."), never a caption. After a finished sentence
    such words are strays of a scrambled reading, not an item's."""
    before = _past_page_furniture(blocks, i - 1, step=-1)
    return (before >= 0 and blocks[before].kind in (BlockKind.TEXT, BlockKind.PROSE)
            and not profile.sentence_end.search(blocks[before].texts[-1])
            and blocks[i].texts[0].strip()[:1].islower() and not profile.sentence_end.search(blocks[i].texts[-1])
            and _continued_by(blocks, i + 1))


def _quoted_by_next(blocks: list[Block], i: int, profile: Profile) -> bool:
    """Block i, of two lines or more, ends a sentence right before an attribution: the
    speaker's words printed without quotation marks (small italics in a margin, say),
    never a caption, however it is set."""
    j = _past_page_furniture(blocks, i + 1)
    return (j < len(blocks) and blocks[j].kind is BlockKind.ATTRIBUTION and len(blocks[i].lines) >= 2
            and bool(profile.finished_sentence.search(blocks[i].texts[-1])))


def _past_page_furniture(blocks: list[Block], j: int, step: int = 1) -> int:
    """The first block from j on (`step` -1: back) that is no page number or running head
    (the page's furniture, which may fall between two pieces of one text)."""
    while 0 <= j < len(blocks) and blocks[j].kind in (BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD):
        j += step
    return j


def _breaks_off_mid_word(blocks: list[Block], i: int) -> bool:
    """Block i ends on a word broken at the line end ("... workshops and ac-") and
    the next text block goes on in lowercase ("tivities aimed at ..."): a piece of a
    paragraph an extractor gave as a box of its own, never a caption (no caption
    stops in the middle of a word)."""
    return bool(_BROKEN_WORD_END.search(blocks[i].texts[-1].rstrip())) and _continued_by(blocks, i + 1)


def _goes_on_in_next_column(blocks: list[Block], i: int, typography: Typography, profile: Profile) -> bool:
    """Block i (stopping on a word) is a paragraph a column break cut, never a caption:
    the next text block goes on in lowercase, in a PDF at the head of the next column
    ("... with online" | "services."), block i set in body type (a caption is set apart
    from it), one line too (an item's first line at a column's foot); in text, of two
    lines or more, see `_cut_at_the_measure`."""
    block = blocks[i]
    if (len(block.texts) < 2 and typography.body_size is None) or not _WORD_END.search(block.texts[-1]) \
            or not _continued_by(blocks, i + 1):
        return False  # in text one line, or a symbol at the end, may be a label or a formula's piece
    if typography.body_size is None:
        return _cut_at_the_measure(blocks, i, profile)
    if any(ln.font_size is None or ln.italic or ln.font_size < 0.95 * typography.body_size for ln in block.lines):
        return False
    nxt = blocks[_past_page_furniture(blocks, i + 1)].first
    first, last = block.first, block.last
    if nxt.bbox is None or first.bbox is None or last.bbox is None or nxt.printed_page != last.printed_page:
        return False
    # Wholly above the block's first line (not a fragment of the same row, as a running
    # header's date beside its file name) and right of the block's middle.
    return nxt.bbox[3] <= first.bbox[1] and nxt.bbox[0] >= last.bbox[0] + 0.5 * (last.bbox[2] - last.bbox[0])


_SAME_MEASURE = 0.8
_WORD_END = lazy(r"[\p{L},]\s*$")  # a sentence cut between words stops on a word (or its comma)


def _cut_at_the_measure(blocks: list[Block], i: int, profile: Profile) -> bool:
    """In text, without the layout: block i wraps with its first line as long as the lines
    of the paragraph before it (set in the same column), which ends its sentence, so only
    block i can own the lowercase rest after it. A caption that cuts a sentence of the
    body in two follows a paragraph that has not ended (hard negative)."""
    before = blocks[i - 1] if i else None
    if before is None or before.kind not in (BlockKind.TEXT, BlockKind.PROSE):
        return False
    measure = max(len(t.strip()) for t in before.texts)
    return (bool(profile.paragraph_end.search(before.texts[-1]))
            and len(blocks[i].texts[0].strip()) >= _SAME_MEASURE * measure)


def _continued_by(blocks: list[Block], j: int) -> bool:
    """Does block j carry on the sentence before it (text opening in lowercase)?

    A closing mark followed by lowercase text was an apostrophe ("our teachers’"
    / "and families’ ideas"), not the end of a quotation.
    """
    j = _past_page_furniture(blocks, j)
    return j < len(blocks) and blocks[j].kind is BlockKind.TEXT and blocks[j].texts[0].strip()[:1].islower()
