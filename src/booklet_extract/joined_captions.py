"""Photo captions an extractor read across as one line, parted again.

pypdfium2 gives captions printed side by side under their photos as one line with no
seam ("Reading club at the library Pupils in the garden"). Nothing in the line says
where the first ends for sure, but two habits of the booklet do:
- Two cities or more show a caption line with a place where a caption opens
  (`_seams_across`): a capitalised common word that ends no name, then a lowercase
  word, after a lowercase word that is no small word ("... the library | Pupils in the
  garden") or after a name that "in", "at" or "on" make a place ("... in Zenda |
  Volunteers at work"); in capitals, after a name that a word such as "College" ends,
  or before a common word after a one-word place (`_seams_in_capitals`, stacked lines
  too). Every such line is parted there, before the city's own name where it opens one.
- Several cities print the same number of captions (the highest several share:
  captions read across only lower a city's count) and a city shows n fewer: its
  one-line captions are parted at the n places where a caption may open, the strict
  ones first (before the city's own name after a capitalised word, "... Old Town Zenda
  Reads festival"; before a capital after a lowercase word that is no small word;
  before a capital and a lowercase word right after a one-word place), else the ones
  above. Where the places are more or fewer than n, the lines stay as read.
Any other capital after a capitalised word stays, which a single caption's name gives
as often ("Spring Reading Festival parade", "at the Old Mill plenary session"); so does
anything inside brackets. PyMuPDF and pypdf may give two captions a line each with no
blank line between: in capitals, where case cannot tell them from one caption wrapped,
the city's one such two-line block is parted at its line break, unless its first line
runs on ("... IN THE"). Text without geometry only: a PDF's layout keeps side-by-side
captions apart.

Where the booklet labels its captions ("Photo: ..."), the label itself shows the seam: a
caption that opens on a label and prints one again inside ("Photo: Guild hall Photo:
Harbour school") is two captions, in text and PDF alike, whatever the count.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from . import wordlist
from .blocks import Block, BlockKind, is_caption_like
from .line import Line
from .patterns import lazy
from .profile import Language, Profile
from .sections import CitySection
from .text_blocks import caption_pair_seams

_MIN_CITIES = 3
"""Fewest cities whose captions show a habit."""
_SHARED_BY = 2
"""Fewest cities printing the usual number of captions."""
_DWARFED_BY = 2
"""How many times more cities may show one caption fewer than the usual number."""
_MIN_WORDS = 2
"""Fewest words the first caption holds."""

_PAGE_FURNITURE = (BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD)
"""Blocks that mark a page's edge in text that gives no page breaks."""

_CLOSINGS = (BlockKind.QUOTE, BlockKind.ATTRIBUTION, BlockKind.CAPTION)
"""What a city's body closes on before its photos' captions."""

_CAPITALISED = lazy(r"^[‘“'\"(]?\p{Lu}")


def split_joined_captions(sections: list[CitySection], profile: Profile, trailing: list[Block] | None = None,
                          noise: list[Block] | None = None) -> None:
    """In place: in each city showing one caption fewer than the booklet's usual number,
    the one caption line with one place where a second caption may open, or the one
    two-line block of two captions in capitals, is parted there. Where the booklet reads
    captions across, a line of them too long for a caption right after the last city's
    closing (`trailing`, the matter after it) is that city's photos too."""
    for section in sections:
        for blocks in (section.leading, section.body):
            blocks[:] = [piece for block in blocks for piece in _parted_at_labels(block, profile)]
    if len(sections) < _MIN_CITIES:
        return
    long_lines = [{id(b): b for b in _long_lines(section, profile)} for section in sections]
    across = _reads_captions_across(sections, long_lines, profile)
    if across:
        furniture = frozenset(line.number for b in noise or [] if b.kind in _PAGE_FURNITURE for line in b.lines)
        for n, section in enumerate(sections):
            longs = long_lines[n]
            opening = section.leading[0] if section.leading else None
            for blocks in (section.leading, section.body):
                blocks[:] = [piece for block in blocks
                             for piece in _parted_across(block, section.city, profile, id(block) in longs)]
            if n and opening is not None and id(opening) in longs and section.leading[0] is not opening:
                _hand_back_closing_captions(sections[n - 1], section, furniture)
        if trailing:
            _closing_captions_of_the_last(sections[-1], trailing, profile, furniture)
    counts = [_captions(section) for section in sections]
    tally = Counter(len(found) for found in counts)
    # The most captions two cities or more show, unless far fewer cities show it than
    # show one fewer: a caption wrongly added to two cities (a wrapped line read as two
    # captions, a signature's organisation) makes no habit.
    usual = max((n for n, cities in tally.items()
                 if cities >= _SHARED_BY and cities * _DWARFED_BY >= tally.get(n - 1, 0)), default=0)
    if usual < 2:
        return
    for section, found in zip(sections, counts, strict=True):
        missing = usual - len(found)
        if missing < 1:
            continue
        lines = [block for block in found if len(block.lines) == 1 and block.first.bbox is None]
        places = [(block, k) for block in lines for k in _seams(block.texts[0], section.city, profile)] \
            or [(block, k) for block in lines for k in _seams_across(block, profile)]
        # Case cannot part a two-line block in capitals: the habit must be most cities',
        # or the words at its line break must show a caption opening there ("... IN ZENDA" /
        # "A READING CLASS", "... KLOW COLLEGE" / "DIGITAL SKILLS CLASS": `_seams_in_capitals`).
        habit = tally[usual] * 2 >= len(sections)
        broken = [block for block in found if _two_captions_a_line_each(block, profile)
                  and (habit or _seams_across(block, profile))]
        # Where the booklet reads captions across, fewer places than captions missing are
        # parted too: the cities print different numbers of photos (a usual count of three
        # over a city of two joined into one line).
        if len(places) + len(broken) != missing and not (across and 0 < len(places) + len(broken) < missing):
            continue
        parted = {id(block): [Block(BlockKind.CAPTION, [line], [text])
                              for line, text in zip(block.lines, block.texts, strict=True)] for block in broken}
        for block in {id(block): block for block, _ in places}.values():
            words = block.texts[0].split()
            seams = [k for b, k in places if b is block]
            parted[id(block)] = [Block(BlockKind.CAPTION, [block.first], [" ".join(words[a:b])])
                                 for a, b in zip([0, *seams], [*seams, len(words)], strict=True)]
        for blocks in (section.leading, section.body):
            blocks[:] = [piece for block in blocks for piece in parted.get(id(block), [block])]


def _reads_captions_across(sections: list[CitySection], long_lines: list[dict[int, Block]], profile: Profile) -> bool:
    """Did the extractor read the booklet's captions across? It does so wherever captions
    stand side by side, and a booklet sets them alike from city to city: where
    `_SHARED_BY` cities show a caption line with a place where a second caption opens
    (`_seams_across`) or two captions parted from one line already (`_pair_parted`),
    though the count of captions may show no habit (every city lost its second caption,
    or the cities print different numbers of photos). `long_lines`: each city's
    `_long_lines`, by id, found once for this and for the parting."""
    showing = sum(any(_seams_across(block, profile) for block in [*_captions(section), *longs.values()])
                  or _pair_parted(section)
                  for section, longs in zip(sections, long_lines, strict=True))
    return showing >= _SHARED_BY


def _pair_parted(section: CitySection) -> bool:
    """Do two of the city's captions come from one line of text without geometry (a
    pair read across, which the block stage parted where its seam was sure)?"""
    lines = Counter(b.first.number for b in _captions(section) if len(b.lines) == 1 and b.first.bbox is None)
    return any(count > 1 for count in lines.values())


def _long_lines(section: CitySection, profile: Profile) -> list[Block]:
    """The city's paragraphs of one line, in text without geometry, that end no sentence
    and run longer than a caption: three captions read across make such a line, which
    would otherwise count as an item (or, as a paragraph after the city before's quote,
    open this city's leading matter)."""
    return [b for b in [*section.leading, *section.body] if _long_line(b, profile)]


def _long_line(block: Block, profile: Profile) -> bool:
    """Is `block` a paragraph of one line, in text without geometry, that ends no sentence
    and runs longer than a caption (`_long_lines`)?"""
    return (block.kind is BlockKind.PROSE and block.data is None and len(block.lines) == 1
            and block.first.bbox is None and len(block.texts[0].strip()) > profile.caption_max_chars
            and not profile.sentence_end.search(block.texts[0]))


def _hand_back_closing_captions(before: CitySection, section: CitySection, furniture: frozenset[int]) -> None:
    """In place: the captions parted from the line that opened `section`'s leading matter
    go to the city before, where that city's body closes on its quote, its attribution
    or a caption, or on its stats box where page furniture follows the captions (they
    end the city's page): read as a paragraph, the line had ended the city before there,
    but as captions after the city's closing it is that city's photos
    (`sections._closing_split` keeps captions there)."""
    k = next((k for k, b in enumerate(section.leading) if b.kind is not BlockKind.CAPTION), len(section.leading))
    ends_page = k > 0 and _page_edge_after(section.leading[k - 1], section.heading.first.number, furniture)
    if not _closes_its_matter(before, box_too=ends_page):
        return
    before.body.extend(section.leading[:k])
    section.leading[:k] = []


def _closing_captions_of_the_last(last: CitySection, trailing: list[Block], profile: Profile,
                                  furniture: frozenset[int]) -> None:
    """In place: the captions parted from a line too long for a caption that opens the
    matter after the last city go to that city, where its body closes on its quote, its
    attribution or a caption (as `_hand_back_closing_captions` does for the others)."""
    first = trailing[0]
    if not _long_line(first, profile):
        return
    pieces = _parted_across(first, last.city, profile, long_line=True)
    after = trailing[1].first.number if len(trailing) > 1 else None
    if len(pieces) < 2 or not _closes_its_matter(last, box_too=_page_edge_after(first, after, furniture)):
        return
    last.body.extend(pieces)
    trailing[:1] = []


def _page_edge_after(block: Block, upto: int | None, furniture: frozenset[int]) -> bool:
    """Does a page number or running head follow `block` before line `upto` (the next
    heading, the next matter; None: the text's end), so that the block ends its page?"""
    return any(block.last.number < n and (upto is None or n < upto) for n in furniture)


def _closes_its_matter(section: CitySection, box_too: bool = False) -> bool:
    """Does the city's body close on its quote, its attribution or a caption (page
    furniture aside), so that captions after it are the city's photos? `box_too`: or on
    its stats box, the captions ending the page (page furniture under them)."""
    closing = [b for b in section.body if not b.kind.is_noise]
    return bool(closing) and (closing[-1].kind in _CLOSINGS or box_too and closing[-1].kind is BlockKind.STATS)


def _parted_across(block: Block, city: str, profile: Profile, long_line: bool = False) -> list[Block]:
    """A caption line read across, parted at each place a caption opens (one caption a
    piece), or a block of captions in capitals stacked, parted at the line breaks where
    one opens; any other block as it is. Where the city's own name opens a caption after
    a capitalised word, outside brackets ("... on the Old Quay | Zenda Reads festival"),
    the line parts there only: an event named after the city may hold a capitalised
    common word ("Reads") that would part it too. A paragraph's line too long for a
    caption (`long_line`, `_long_lines`) is parted so only where every piece reads as a
    caption; its pieces are captions."""
    if block.kind is not BlockKind.CAPTION and not long_line:
        return [block]
    seams = _seams_across(block, profile)
    if not seams:
        return [block]
    if len(block.lines) == 1:
        words = block.texts[0].split()
        own = _city_seam(words, city)
        if own is not None and not _inside_brackets(words[:own]):
            seams = [own]
    if len(block.lines) > 1:
        starts = _line_starts(block)
        cuts = [0, *(starts.index(k) for k in seams), len(block.lines)]
        return [Block(BlockKind.CAPTION, block.lines[a:b], block.texts[a:b]) for a, b in pairwise(cuts)]
    words = block.texts[0].split()
    pieces = [" ".join(words[a:b]) for a, b in zip([0, *seams], [*seams, len(words)], strict=True)]
    if long_line and not all(is_caption_like([piece], profile) for piece in pieces):
        return [block]
    return [Block(BlockKind.CAPTION, [block.first], [piece]) for piece in pieces]


def _line_starts(block: Block) -> list[int]:
    """The index, in the block's words, of each line's first word."""
    starts, at = [], 0
    for text in block.texts:
        starts.append(at)
        at += len(text.split())
    return starts


def _seams_across(block: Block, profile: Profile) -> list[int]:
    """Where, in a one-line caption of text without geometry, a second caption opens: a
    capitalised common word that is no name's last word ("Park", "College":
    `Language.name_heads`), neither in nor opening brackets, followed by
    a lowercase word, right after a lowercase word that is no small word ("... the
    library | Pupils at work") or after a name that "in", "at" or "on" make a place ("...
    in Zenda | Volunteers at work", "... at Zenda College | Pupils in class"; after an
    article or "of" a name may go on: "at the Old Mill plenary session"). Each piece
    `_MIN_WORDS` words at least. In capitals, where case cannot tell, see
    `_seams_in_capitals`; there a block of lines stacked may part at its line breaks.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> def seams(text): return _seams_across(Block(BlockKind.CAPTION, [Line("x", 1)], [text]), p)
    >>> seams("Community garden in Zenda Volunteers at work in Klow")
    [4]
    >>> seams("Graduation at Zenda College Children at the library Opening of the fair")
    [4, 8]
    >>> seams("Pupils in Zenda Park in spring"), seams("Pupils visit Zenda museum"), seams("PUPILS IN ZENDA PARK AT PLAY")
    ([], [], [])
    >>> seams("Weavers at the Old Mill plenary session"), seams("Pottery class of Zenda Young weavers")
    ([], [])
    >>> seams("Apprentices at work (Photo: Klow Guild Academy)"), seams("Pupils at work (Photo by Ann Ek)")
    ([], [])

    A name opens a caption after a name a word that ends names closes ("... the Zenda
    festival | Klow learning fair"); not after a common noun ("Pupils reading Klow
    newspapers"), nor before a small word:

    >>> seams("Opening of the Zenda festival Klow learning fair"), seams("Graduation at Zenda College Klow book fair")
    ([5], [4])
    >>> seams("Pupils reading Klow newspapers"), seams("Opening of the Zenda festival Klow in spring")
    ([], [])
    """
    if any(line.bbox is not None for line in block.lines):
        return []
    text = " ".join(t.strip() for t in block.texts)
    words = text.split()
    if text.isupper():
        found = _seams_in_capitals(words, profile)
        return found if len(block.lines) == 1 else [k for k in found if k in _line_starts(block)]
    if len(block.lines) != 1 or len(words) < 2 * _MIN_WORDS:
        return []
    language = profile.language
    seams: list[int] = []
    for k in range(_MIN_WORDS, len(words) - _MIN_WORDS + 1):
        word, after, before = words[k], words[k + 1], words[k - 1]
        if not (_CAPITALISED.match(word) and after[:1].islower()) or seams and k - seams[-1] < _MIN_WORDS \
                or word[:1] in "([" or _inside_brackets(words[:k]):
            continue
        bare = word.strip("‘“'\"(").casefold()
        if bare in language.name_heads or bare in language.name_particles:
            continue
        if wordlist.zipf(bare, language.code) < language.common_word_zipf:
            if _after_a_named_place(words, k, language) and after.casefold() not in language.run_on_words:
                seams.append(k)  # a name opening the caption: "... the Zenda festival | Klow learning fair"
            continue
        if _LOWERCASE.fullmatch(before):
            opens = before.casefold() not in language.run_on_words and before.casefold() not in language.name_particles
        else:
            run = k - 1
            while run > 0 and _CAPITALISED.match(words[run]) and words[run].casefold() not in language.run_on_words:
                run -= 1
            opens = run < k - 1 and words[run].casefold() in _PLACE_WORDS
        if opens:
            seams.append(k)
    return seams


def _after_a_named_place(words: list[str], k: int, language: Language) -> bool:
    """Does word k follow a name closed by a word that ends names, itself after a
    capitalised word ("... at Zenda College", "... of the Zenda festival")? A name may then
    open the next caption ("Klow learning fair"): no name goes on past its closing word
    into another name and a lowercase word."""
    before, earlier = words[k - 1].strip(",;:").casefold(), words[k - 2]
    return before in language.name_heads and bool(_CAPITALISED.match(earlier)) \
        and earlier.casefold() not in language.run_on_words


_CAPITALS_MIN_WORDS = 3
"""Fewest words a caption in capitals parted from another holds: where case cannot show
where a caption opens, a short piece is as likely a name's end ("... LIBRARY READING ROOM")."""


def _seams_in_capitals(words: list[str], profile: Profile) -> list[int]:
    """Where a caption opens in captions in capitals read across or stacked: right after a
    name ended by a word that ends names ("... DENLUNSAV COLLEGE | DIGITAL SKILLS CLASS",
    the name's word before it no small word), or before a common word right after a
    one-word place that "in", "at" or "on" lead ("... IN ZENDA | OPENING OF THE FAIR"). The
    word opening the caption is no small word nor a name's end itself ("IN ZENDA PARK"),
    unless an article before a common word ("... IN ZENDA | A READING CLASS").
    Each piece `_CAPITALS_MIN_WORDS` words at least.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _seams_in_capitals("GRADUATION AT ZENDA COLLEGE DIGITAL SKILLS CLASS".split(), p)
    [4]
    >>> _seams_in_capitals("COMMUNITY GARDEN IN ZENDA OPENING OF THE FAIR".split(), p)
    [4]
    >>> _seams_in_capitals("PUPILS AT THE LIBRARY READING ROOM".split(), p), _seams_in_capitals("BOOKS IN ZENDA PARK AT NIGHT".split(), p)
    ([], [])
    >>> _seams_in_capitals("DIGITAL SKILLS CLASS IN ZENDA A READING CLASS".split(), p)
    [5]
    >>> _seams_in_capitals("CHILDREN AT THE KLOW LIBRARY THE OPENING OF THE FAIR".split(), p)
    [5]
    >>> _seams_in_capitals("WEAVERS AT THE KLOW MILL A ZENDA CRAFT".split(), p)
    []
    """
    language = profile.language
    seams: list[int] = []

    def folded(word: str) -> str:
        return word.strip("‘“'\"(),.;:").casefold()

    for k in range(_CAPITALS_MIN_WORDS, len(words) - _CAPITALS_MIN_WORDS + 1):
        word, before, earlier = folded(words[k]), folded(words[k - 1]), folded(words[k - 2])
        # An article opens a caption before a common word ("... IN ZENDA | A READING CLASS").
        article = word in language.articles and k + 1 < len(words) \
            and wordlist.zipf(folded(words[k + 1]), language.code) >= language.common_word_zipf \
            and folded(words[k + 1]) not in language.run_on_words
        if seams and k - seams[-1] < _CAPITALS_MIN_WORDS or words[k][:1] in "([" or _inside_brackets(words[:k]) \
                or word in language.name_heads or (word in language.run_on_words and not article) \
                or word in language.name_particles:
            continue
        ends_name = before in language.name_heads and earlier not in language.run_on_words
        place = earlier in _PLACE_WORDS and wordlist.zipf(before, language.code) < language.common_word_zipf \
            and wordlist.zipf(word, language.code) >= language.common_word_zipf
        if ends_name or place:
            seams.append(k)
    return seams


_LOWERCASE = lazy(r"\p{Ll}[\p{L}\p{M}’'-]*")

_OPENS_CAPTION = lazy(r"[\p{Lu}\d‘“'\"]")
"""What a caption after its label opens on: a capital, a figure or a quotation mark."""


def _parted_at_labels(block: Block, profile: Profile) -> list[Block]:
    """A caption that opens on its label, parted where a label opens another inside it
    (mid-line, or at a later line's start): "Photo: Guild hall Photo: Harbour school" is
    two captions. The block itself where there is no such label, or it is no caption. A
    label inside must come after a space and before a capital, a figure or a quotation
    mark ("Photo: Klow from the left: ..." stays whole)."""
    if block.kind is not BlockKind.CAPTION or profile.caption_label.match(block.texts[0]) is None:
        return [block]
    pieces: list[tuple[list[Line], list[str]]] = [([], [])]
    for k, (line, text) in enumerate(zip(block.lines, block.texts, strict=True)):
        cuts = [m.start() for m in _WORD_START.finditer(text)
                if (m.start() or k) and _labels_a_caption(text[m.start():], profile)]
        for n, (start, end) in enumerate(zip([0, *cuts], [*cuts, len(text)])):
            if n:
                pieces.append(([], []))
            if text[start:end].strip():
                pieces[-1][0].append(line)
                pieces[-1][1].append(text[start:end].rstrip())
    if len(pieces) == 1:
        return [block]
    return [Block(BlockKind.CAPTION, lines, texts) for lines, texts in pieces if lines]


_WORD_START = lazy(r"(?<!\S)\S")


def _labels_a_caption(text: str, profile: Profile) -> bool:
    """Does `text` open on a caption's label followed by the caption's first letter?"""
    label = profile.caption_label.match(text)
    return label is not None and _OPENS_CAPTION.match(text, label.end()) is not None


def _two_captions_a_line_each(block: Block, profile: Profile) -> bool:
    """Is `block`, read without geometry, two lines in capitals whose first runs on into
    nothing ("DIGITAL ARCHIVE OPENING" / "HARBOUR FESTIVAL DAY"): two captions an
    extractor gave a line each, with nothing between, which case cannot tell from one
    caption wrapped? A first line ending on a small word, a comma or a hyphen
    ("LEARNING CENTRE IN THE" / "OLD TOWN") is a caption wrapped."""
    if len(block.lines) != 2 or block.first.bbox is not None:
        return False
    first, second = (text.strip() for text in block.texts)
    if not (first.isupper() and second.isupper()) or len(first.split()) < _MIN_WORDS or len(second.split()) < _MIN_WORDS:
        return False
    return not first.endswith((",", "-", "–", "&")) and first.split()[-1].lower() not in profile.language.run_on_words


def _captions(section: CitySection) -> list[Block]:
    """The city's caption blocks, wherever the section holds them."""
    return [b for b in section.blocks if b.kind is BlockKind.CAPTION]


def _seams(text: str, city: str, profile: Profile) -> list[int]:
    """The word indexes in `text` where a second caption may open (see the module's
    docstring), each caption of `_MIN_WORDS` words at least.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _seams("Reading club at the library Pupils in the garden", "Vesk", p)
    [5]
    >>> _seams("Pottery class in Zenda Young weavers at their looms", "Vesk", p)
    [4]
    >>> _seams("Pottery class of Zenda Young Weavers at their looms", "Vesk", p)
    []
    >>> _seams("Learning centre on the Old Quay Zenda Reads festival", "Zenda", p)
    [6]
    >>> _seams("Pupils at the school garden in spring", "Zenda", p), _seams("Night market in Old Zenda", "Old Zenda", p)
    ([], [])
    """
    words = text.split()
    own = _city_seam(words, city)
    if own is not None:
        return [own]
    return sorted({*caption_pair_seams(words, profile), *_after_a_place(words, profile)})


def _inside_brackets(words: list[str]) -> bool:
    """Do the words leave a bracket open ("... Academy (Photo: Klow")? No caption ends there."""
    text = " ".join(words)
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


def _city_seam(words: list[str], city: str) -> int | None:
    """The index where the city's own name opens a second caption: after a capitalised
    word, `_MIN_WORDS` words in at least, and not all of the second caption."""
    name = [w.casefold() for w in city.split()]
    for k in range(_MIN_WORDS, len(words) - len(name)):
        if _CAPITALISED.match(words[k - 1]) and [w.strip(",.").casefold() for w in words[k : k + len(name)]] == name:
            return k
    return None


def _after_a_place(words: list[str], profile: Profile) -> list[int]:
    """Where a caption in sentence case opens (a capital, then a lowercase word that is no
    small word) right after a one-word name that "in", "at" or "on" before it makes a
    place ("... class in Zenda" | "Harbour reading room"). A name's own words go on in
    capitals ("Spring Reading Festival parade" has none).

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _after_a_place("Pottery class in Zenda Harbour reading room".split(), p)
    [4]
    >>> _after_a_place("Spring Reading Festival parade".split(), p), _after_a_place("Pupils in Zenda Museum".split(), p)
    ([], [])
    """
    small = profile.language.run_on_words
    return [k for k in range(3, len(words) - 1)
            if words[k - 2].lower() in _PLACE_WORDS and _CAPITALISED.match(words[k - 1])
            and _CAPITALISED.match(words[k]) and words[k + 1][:1].islower() and words[k + 1].lower() not in small]


_PLACE_WORDS = frozenset(("in", "at", "on"))
"""Words that make the one name after them a place ("in Zenda"); after an article the name
may go on ("at the Old Mill plenary session")."""
