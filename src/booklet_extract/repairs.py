"""The repair stage: what text extraction did to the printed words, undone and reported.

`repair_lines` runs once over the whole document, before any block is found,
and hands on `RepairedLines`: each line's clean text, the repairs made inside
lines, the lines printed again, and how each line joins the next (the glue).
Later stages only apply that glue; every decision is made here. Each fixer
makes a change only when it can justify it, and records a `Repair` for it:

- ligature splits ("fi nal report"): joined only when the joined form is a word
  (by wordfreq or because the document itself uses it) and is more likely than
  the two halves read as words;
- line-end hyphens ("govern-" / "ments"): the hyphen is dropped only when the
  joined form is a known word and the document never prints the hyphenated form;
- runs repeated inside a line ("Reading clubReading club") collapse to one copy;
- repeated lines are found in `find_repeated_lines`.

The word list and thresholds come from the profile's `Language`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property, lru_cache
from itertools import islice, pairwise

import regex as re

from . import wordlist
from .blocks import MIN_SECTION_LINES, prints_stats_labels, split_country_city
from .line import NO_SPACE, SPACE, Glue, Line, Repair, RepairedLines
from .patterns import lazy
from .profile import Language, Profile
from .running_heads import find_running_heads

_WORD = lazy(r"\p{L}+(?:[’'\-]\p{L}+)*")


@lru_cache(maxsize=8)
def _ligature_patterns(endings: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(split inside a line, ligature head at a line end) for a language's ligatures. The
    gap may be wide: pdfminer keeps a justified line's stretched word gaps as runs of
    spaces, and a ligature's gap there is wider still ("offi     ces" among gaps of three);
    the vocabulary, not the gap, decides (`is_ligature_split`)."""
    alternatives = "|".join(endings)
    inside = re.compile(
        r"(?<!\p{L})(?P<head>\p{L}*?(?i:" + alternatives + r"))(?P<gap> {1,6})(?P<tail>\p{Ll}\p{L}*)"
        r"(?P<rest>(?:-\p{L}+)*)"  # the rest of a compound, so the flag shows the whole token
    )
    at_end = re.compile(r"(?<!\p{L})(\p{L}*?(?i:" + alternatives + r"))$")
    return inside, at_end


@lru_cache(maxsize=8)
def _ending_letters(endings: tuple[str, ...]) -> frozenset[str] | None:
    """The lowercase last letters of the ligature endings; None when one is not ASCII
    (then case-insensitive matching may pair it with other letters, and no shortcut holds)."""
    last = {ending[-1:] for ending in endings}
    if not all(ch.isascii() for ch in last):
        return None
    return frozenset(ch.lower() for ch in last)


def _may_end_in_ligature(text: str, endings: tuple[str, ...]) -> bool:
    """False only when `text` cannot end in a ligature head: a cheap test that spares most
    lines the search (the pattern, anchored at the end, is tried at every position)."""
    letters = _ending_letters(endings)
    last = text[:-1][-1:] if text.endswith("\n") else text[-1:]
    return letters is None or not last.isascii() or last.lower() in letters


def _ends_in_hyphen(text: str) -> bool:
    """Whether `text` ends in "-" (before a final newline, as `$` allows): else `_LAST_WORD`
    cannot match, and its search, tried at every position of the line, is spared."""
    return text.endswith(("-", "-\n"))


@lru_cache(maxsize=65536)
def word_zipf(word: str, language: str = "en") -> float:
    """Zipf frequency of `word` in `language` (0 when unknown): wordfreq's, through its cache."""
    return wordlist.zipf(word, language)


class Vocabulary:
    """The document's own words plus a general word-frequency list.

    The document's vocabulary lets a word the booklet uses elsewhere count as a
    word even when a general list does not know it (names of places, jargon).
    """

    def __init__(self, texts: Iterable[str], language: Language | None = None) -> None:
        self.language = language or Language()
        words: Counter[str] = Counter()
        hyphenated: set[str] = set()
        broken: set[str] = set()
        breaks: list[tuple[str, str]] = []
        head = ""
        for text in texts:
            if head and (start := _FIRST_WORD.match(text.lstrip())):
                breaks.append((head, start.group(1).lower()))
            head = ""
            for match in _WORD.finditer(text):
                token = match.group().lower()
                words[token] += 1
                if "-" in token:
                    hyphenated.add(token)
            last = text.rstrip()
            if _ends_in_hyphen(last) and (end := _LAST_WORD.search(last)):
                head = end.group(2).lower()
                broken.add(head)
        self.words = words
        self.hyphenated = hyphenated
        self.broken_heads = broken
        """Every word head the booklet breaks at a line end ("liter-"), lowercased."""
        self._breaks = breaks
        """Each line-end head with the next line's first word ("vo", "cational"), in order."""
        self._heads_of: dict[str, frozenset[str]] = {}
        self._listed_after: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}

    @cached_property
    def keeps_word_breaks(self) -> bool:
        """Does the text keep line-end hyphens inside words: two breaks whose next line
        opens on no listed word that joins the head into one ("vo-" / "cational")? Then its
        extractor joins no broken words itself (pdftotext drops every line-end hyphen it
        can), so a closed form printed elsewhere is the booklet's own spelling, never the
        extractor's join of a compound broken at another line's end."""
        inside = (head for head, tail in self._breaks
                  if self.zipf(tail) < self.language.min_word_zipf and self.is_word(head + tail))
        return len(list(islice(inside, 2))) == 2  # two are enough: stop looking there

    def heads_making_words(self, tail: str) -> frozenset[str]:
        """The booklet's broken heads that make a word with `tail` (lowercased): asked
        once per tail, since a line's glue is tried against the lines after it."""
        low = tail.lower()
        heads = self._heads_of.get(low)
        if heads is None:
            heads = self._heads_of[low] = frozenset(h for h in self.broken_heads if self._makes_word(h, low))
        return heads

    def _makes_word(self, head: str, tail: str) -> bool:
        """`is_word(head + tail)`, answered from the words the frequency list holds after
        `head` (read once per head): a long text breaks many words, and each tail is tried
        against every head, so a lookup per pair cost seconds."""
        joined = head + tail
        if self.words.get(joined, 0) > 0:
            return True  # the booklet prints the word
        listed = self._words_after(head)
        if listed is None or not wordlist.plain(joined) or tail in listed[1]:
            return self.is_word(joined)
        return tail in listed[0]

    def _words_after(self, head: str) -> tuple[frozenset[str], frozenset[str]] | None:
        """(the endings that make a word with `head` by the frequency list, the endings
        only wordfreq can judge), or None when the list cannot say (no table for the
        language, or words it lacks count as words)."""
        if head not in self._listed_after:
            table = wordlist.table(self.language.code)
            found: tuple[frozenset[str], frozenset[str]] | None = None
            if table is not None and table.usable and table.missing < self.language.min_word_zipf:
                words, ask = set(), set()
                for word, value in table.starting_with(head):
                    if value is None:
                        ask.add(word[len(head):])
                    elif value >= self.language.min_word_zipf:
                        words.add(word[len(head):])
                found = frozenset(words), frozenset(ask)
            self._listed_after[head] = found
        return self._listed_after[head]

    def zipf(self, word: str) -> float:
        return word_zipf(word.lower(), self.language.code)

    def is_word(self, word: str) -> bool:
        """A word by the frequency list or by the document's own use of it."""
        low = word.lower()
        return self.zipf(low) >= self.language.min_word_zipf or self.words.get(low, 0) > 0


def is_ligature_split(head: str, tail: str, vocab: Vocabulary) -> bool:
    """Is "head tail" one word broken after a ligature?

    >>> v = Vocabulary([])
    >>> is_ligature_split("fi", "nancial", v), is_ligature_split("eff", "orts", v)
    (True, True)
    >>> is_ligature_split("staff", "are", v), is_ligature_split("off", "line", v)
    (False, False)
    """
    joined = head + tail
    if not vocab.is_word(joined):
        return False
    joined_z = max(vocab.zipf(joined), vocab.language.min_word_zipf)
    # Two real words that are each more common than the joined form: leave them.
    return min(vocab.zipf(head), vocab.zipf(tail)) < joined_z


def fix_ligature_splits(text: str, vocab: Vocabulary) -> tuple[str, list[tuple[str, str]]]:
    """Join words broken after a ligature; return the text and (printed, fixed) pairs.

    >>> fix_ligature_splits("a fi nal report", Vocabulary([]))
    ('a final report', [('fi nal', 'final')])
    >>> fix_ligature_splits("not suffi  cient yet", Vocabulary([]))[0]
    'not sufficient yet'
    >>> fix_ligature_splits("if fish are staff are", Vocabulary([]))[1]
    []
    >>> fix_ligature_splits("a fi fteen-minute city", Vocabulary([]))[1]
    [('fi fteen-minute', 'fifteen-minute')]
    """
    changes: list[tuple[str, str]] = []

    def join(match: re.Match[str]) -> str:
        head, tail, rest = match.group("head"), match.group("tail"), match.group("rest")
        if is_ligature_split(head, tail, vocab):
            changes.append((match.group(), head + tail + rest))
            return str(head + tail + rest)
        return str(match.group())

    fixed = _ligature_patterns(vocab.language.ligature_endings)[0].sub(join, text)
    return fixed, changes


def smallest_period(text: str) -> int:
    """Length of the shortest unit that `text` repeats (len(text) when none).

    Linear: `text` is a repetition exactly when it occurs inside itself doubled,
    short of the two trivial places.

    >>> smallest_period("abcabcabc"), smallest_period("abcab")
    (3, 5)
    """
    at = (text + text).find(text, 1, 2 * len(text) - 1)
    return at if at > 0 else len(text)


_DOUBLED_WORD_ZIPF = 4.0
"""How common a word must be for a line that is it printed twice, with no seam a word
shows ("ROOMROOM"), to be a copy drawn again rather than a name that says a syllable twice
("BAUBAU"); a name's syllable is rarely a common word of four letters or more."""


def collapse_repeated_run(text: str, vocab: Vocabulary | None = None) -> str:
    """Collapse a line that is one run printed several times over.

    The copies may touch ("Reading clubReading club") or, when the run has
    several words, be set a space apart (an extractor's view of text drawn twice
    side by side). A single word said twice ("Walla Walla") is left alone.

    >>> collapse_repeated_run("Reading clubReading club")
    'Reading club'
    >>> collapse_repeated_run("Book fair Book fair"), collapse_repeated_run("Bora Bora")
    ('Book fair', 'Bora Bora')
    >>> collapse_repeated_run("  Book fair ")
    'Book fair'
    >>> collapse_repeated_run("1010")
    '1010'

    One word printed as two copies that meet with no seam a word shows ("BAUBAU", a name
    in capitals, not "BAU" printed twice) is left alone, unless the copy is a common word
    of four letters or more (`vocab`: "ROOMROOM"); "WorkshopWorkshop" meets where a small
    letter touches a capital, and three copies or more are no name.

    >>> collapse_repeated_run("BAUBAU"), collapse_repeated_run("WorkshopWorkshop")
    ('BAUBAU', 'Workshop')
    >>> collapse_repeated_run("ROOMROOM", Vocabulary([])), collapse_repeated_run("BAUBAU", Vocabulary([]))
    ('ROOM', 'BAUBAU')
    """
    core = text.strip()
    period = smallest_period(core)
    unit = core[:period]
    if 3 <= period < len(core) and re.search(r"\p{L}", unit) and (
            len(unit.split()) > 1 or _GLUED.match(core, period) is not None or len(core) >= 3 * period
            or vocab is not None and len(unit.strip()) >= 4 and vocab.zipf(unit.strip()) >= _DOUBLED_WORD_ZIPF):
        return unit.strip()
    spaced = " ".join(core.split()) + " "
    period = smallest_period(spaced)
    if period < len(spaced) and len(spaced[:period].split()) >= 2:
        return spaced[:period].strip()
    return core


_GLUED = lazy(r"(?<=\p{Ll}|[.’'\")])(?=\p{Lu}|[‘“'\"])")
_MAX_GLUED_WORDS = 12
_MAX_GLUED_CHARS = 200


def collapse_glued_copies(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Collapse a run of words printed twice with no space between the copies, inside a
    line ("Our guests Book fairBook fair" -> "Our guests Book fair"). The copies must
    meet where a lowercase letter touches a capital, and match word for word.

    Linear: word starts are found once, and each meeting point looks back over a
    bounded number of words.

    >>> collapse_glued_copies("Our guests at the Book fairBook fair")
    ('Our guests at the Book fair', [('Book fairBook fair', 'Book fair')])
    >>> collapse_glued_copies("Meet the McDonald family and the PhD students")[1]
    []
    """
    boundaries = [m.start() for m in _GLUED.finditer(text)]
    if not boundaries:
        return text, []
    word_starts = [m.start() for m in re.finditer(r"(?<!\S)\S", text)]
    cuts: list[tuple[int, int]] = []  # [start, end) of each second copy, right to left
    changes: list[tuple[str, str]] = []
    for boundary in reversed(boundaries):
        if cuts and boundary >= cuts[-1][0]:
            continue  # inside a copy already cut
        first = bisect_left(word_starts, boundary)
        for start in word_starts[max(0, first - _MAX_GLUED_WORDS):first]:  # the longest run first
            if boundary - start > _MAX_GLUED_CHARS:
                continue  # bounded, so a long line without spaces stays linear
            unit = text[start:boundary]
            end = boundary + len(unit)
            if end > len(text) or len(unit) < 3:
                continue
            after_ok = end == len(text) or text[end] == " " or bool(cuts and end == cuts[-1][0])
            if after_ok and text.startswith(unit, boundary):
                cuts.append((boundary, end))
                changes.append((text[start:end], unit))
                break
    if not cuts:
        return text, []
    kept: list[str] = []
    pos = 0
    for cut_start, cut_end in reversed(cuts):
        kept.append(text[pos:cut_start])
        pos = cut_end
    kept.append(text[pos:])
    return "".join(kept), changes[::-1]


def repair_line(line: Line, vocab: Vocabulary) -> tuple[str, list[Repair]]:
    """Apply the in-line fixers to one line; whitespace is trimmed, not flagged."""
    repairs: list[Repair] = []
    text = collapse_repeated_run(line.text, vocab)
    if text != line.stripped:
        repairs.append(
            Repair("duplicate", line.stripped, text, line, "run printed more than once in one line")
        )
    text, glued = collapse_glued_copies(text)
    for printed, fixed in glued:
        repairs.append(Repair("duplicate", printed, fixed, line, "run printed twice, the copies touching"))
    text, changes = fix_ligature_splits(text, vocab)
    for printed, fixed in changes:
        repairs.append(Repair("ligature_split", printed, fixed, line, "word split after a ligature"))
    return text, repairs


_COMPOUND_MARGIN = 0.5
"""Zipf by which both halves must beat the joined form to read as a compound."""
_RARE_CLOSED_MARGIN = 2.5
"""Zipf by which both halves must beat a closed form the booklet prints for that print
to be doubted (an extractor's join, not the booklet's spelling)."""
_UNSURE_MARGIN = 0.5
"""Zipf below the word list's threshold within which a joined form is nearly a word: a
kept hyphen between halves that are words (one no common one) is then reported."""


def _hyphen_action(head: str, tail: str, vocab: Vocabulary) -> str:
    """'join' to drop a line-end hyphen, 'keep' to keep it as a real hyphen.

    Joined when the booklet prints the joined form elsewhere (but 'unsure' where the
    list knows that form as a far rarer spelling of two very common words,
    "decisionmaking", which an extractor may have joined itself, in a text that keeps none
    of the words it breaks); when the joined form
    is a word by the list, unless both halves are common words of their own ("high-rise") and
    the joined form is not common itself ("classroom"); after a closed prefix ("un-"); when the
    joined form is rare but listed and a half is no word at all ("reinte-" /
    "grated"); or when neither half stands alone, unless the tail makes a word with
    another head the booklet breaks at a line end; or when a capitalised head that spells
    a word goes on in letters that are none (a name: "In-" / "tendencia"), with the same
    exception. Kept when the booklet prints
    the hyphenated form, before a capital ("Eco-" / "Friendly"), or when unsure: 'unsure'
    where the joined form is nearly a listed word and both halves are words, one of them
    no common one ("door-" / "knobs", "doorknobs"), or where a closed prefix comes before
    a very common word into a rare one ("dis-" / "information"), which the caller keeps
    and reports. An all-capital word is judged in lowercase ("ACRO-" / "NYM").

    >>> v = Vocabulary(["a Self-Guided tour"])
    >>> _hyphen_action("govern", "ments", v), _hyphen_action("Self", "Guided", v)
    ('join', 'keep')
    >>> _hyphen_action("multi", "sectoral", v), _hyphen_action("high", "rise", v)
    ('keep', 'keep')
    >>> _hyphen_action("reinte", "grated", v), _hyphen_action("mi", "grants", v), _hyphen_action("ACA", "DEMY", v)
    ('join', 'join', 'join')
    >>> _hyphen_action("socio", "economic", v), _hyphen_action("multi", "ple", v)
    ('keep', 'join')
    >>> _hyphen_action("class", "room", v), _hyphen_action("un", "employed", v), _hyphen_action("on", "board", v)
    ('join', 'join', 'keep')
    >>> _hyphen_action("up", "grades", v), _hyphen_action("out", "of", v)
    ('join', 'keep')
    >>> _hyphen_action("class", "rooms", v), _hyphen_action("high", "rises", v)
    ('join', 'keep')
    >>> _hyphen_action("In", "tendencia", v), _hyphen_action("in", "tendencia", v), _hyphen_action("Self", "esteem", v)
    ('join', 'keep', 'keep')
    >>> _hyphen_action("door", "knobs", v), _hyphen_action("dis", "information", v)
    ('unsure', 'unsure')
    """
    if head.isupper() and tail.isupper() and len(head) > 1:
        head, tail = head.lower(), tail.lower()
    if not tail[:1].islower() or not head[-1:].isalpha():
        return "keep"
    if f"{head}-{tail}".lower() in vocab.hyphenated:
        return "keep"
    joined = head + tail
    language = vocab.language
    if vocab.words.get(joined.lower(), 0) > 0:  # the booklet prints it as one word elsewhere
        if 0 < vocab.zipf(joined) and min(vocab.zipf(head), vocab.zipf(tail)) >= max(
                language.common_word_zipf, vocab.zipf(joined) + _RARE_CLOSED_MARGIN) \
                and not vocab.keeps_word_breaks:
            # Two common words whose closed form the list knows as a far rarer spelling
            # ("decisionmaking"): the closed form printed elsewhere may be an extractor's
            # own join of the same compound broken at another line's end, not the booklet's,
            # unless the text keeps the words it breaks ("school-" / "children").
            return "unsure"
        return "join"
    if _printed_in_another_number(joined.lower(), vocab):  # "man-" / "groves" where "Mangrove" is printed
        return "join"
    # By the word list alone: the booklet's own text holds every broken head ("reinte-").
    head_word = vocab.zipf(head) >= language.min_word_zipf
    tail_word = vocab.zipf(tail) >= language.min_word_zipf
    if vocab.is_word(joined):
        if tail.lower() in language.suffix_tails:
            return "join"
        if head.lower() in language.closed_prefixes and not _doubled_vowel(head, tail):
            if vocab.zipf(tail) >= language.closed_compound_zipf and vocab.zipf(joined) < language.common_word_zipf:
                # A very common word after the prefix, joined into a rare one ("dis-" /
                # "information"): as likely a scrambled reading's next line as the word's end.
                return "unsure"
            return "join"
        # As common a word in its other number ("class-" / "rooms", "classroom") is one too.
        other = _other_number(joined.lower(), language)
        if max(vocab.zipf(joined), vocab.zipf(other) if other else 0.0) >= language.closed_compound_zipf:
            return "join"
        if head.lower() in language.compound_heads and vocab.zipf(tail) >= language.common_word_zipf:
            return "keep"
        # Two common words of their own, each clearly more common than the joined
        # form: a compound ("high-rise", "on-board"), not a broken word ("mi-grants").
        common = max(language.common_word_zipf, vocab.zipf(joined) + _COMPOUND_MARGIN)
        if min(vocab.zipf(head), vocab.zipf(tail)) >= common:
            return "keep"
        return "join"
    if vocab.zipf(joined) > 0 and not (head_word and tail_word):
        if vocab.zipf(tail) >= language.closed_compound_zipf and not head_word:
            # A very common word after a head that is none, joined into a form the list
            # barely knows ("includ-" / "in", "includin"): more likely the next line's
            # own word, a scrambled reading's, than the broken word's end.
            return "unsure"
        return "join"
    if not head_word and not tail_word:
        # Unless the tail makes a word with another head the booklet breaks ("liter-" /
        # "acy"): an extractor that gave a box out of order put it after the wrong line.
        if vocab.heads_making_words(tail) - {head.lower()}:
            return "keep"
        return "join"
    if head[:1].isupper() and head_word and not tail_word:
        # A name broken after letters that spell a word ("In-" / "tendencia"), unless the
        # tail makes a word with another head the booklet breaks ("in-" / "cluding" above
        # "North-": a scrambled reading put the tail after the wrong line).
        return "keep" if vocab.heads_making_words(tail) - {head.lower()} else "join"
    if vocab.zipf(joined) >= language.min_word_zipf - _UNSURE_MARGIN \
            and min(vocab.zipf(head), vocab.zipf(tail)) < language.closed_compound_zipf:
        return "unsure"  # the joined form nearly a listed word, a half no common one ("door-" / "knobs")
    return "keep"


def _printed_in_another_number(joined: str, vocab: Vocabulary) -> bool:
    """Does the booklet print the joined word elsewhere in the singular or plural (one
    closed word), so that its halves are no two-word compound? Only the language's plain
    plural ending is added or taken away, on words of five letters or more ("mangroves" /
    "mangrove")."""
    other = _other_number(joined, vocab.language)
    return other is not None and vocab.words.get(other, 0) > 0


def _other_number(word: str, language: Language) -> str | None:
    """The word in the other number by the language's plain plural ending, for words of
    five letters or more ("classrooms" -> "classroom", "mangrove" -> "mangroves")."""
    ending = language.plural_ending
    if len(word) < 5 or not ending:
        return None
    return word.removesuffix(ending) if word.endswith(ending) else word + ending


def _doubled_vowel(head: str, tail: str) -> bool:
    """The same vowel on both sides of the hyphen ("re-establish", "co-operate"): English
    keeps the hyphen there, so a closed prefix does not say the hyphen is the typesetter's."""
    return head[-1:].lower() in "aeiou" and head[-1:].lower() == tail[:1].lower()


# A word broken at the line end; some extractors set a space before the hyphen ("invest -").
_LAST_WORD = lazy(r"(?<![\p{L}-])((?:\p{L}+-)*)(\p{L}+)( ?)-$")
_FIRST_WORD = lazy(r"^(\p{L}+)((?:-\p{L}+)*)")
_BROKEN_INSIDE = lazy(r"\p{L}\p{Ll}- (\(|\p{L}+)")
"""A word broken inside a line, and the word (or item number's bracket) right after it."""


def _columns_run_together(text: str, end: int, language: Language) -> bool:
    """Does `text` before `end` hold a word broken inside the line ("... bring to- The
    Academy ...", "cre- (2) Learning")? Then it is columns an extractor set one space apart
    on one line, whose end is the last column's and whose next line opens in the first. A
    hyphen suspended before "and" ("pre- and post-war") is no such break."""
    return any(m.group(1).casefold() not in language.suspended_before
               for m in _BROKEN_INSIDE.finditer(text, 0, end))


_LineEnd = tuple["re.Match[str] | None", "re.Match[str] | None"]
"""A line's broken word at its end, if any: (hyphenated word, ligature head); see `_line_end`."""


def _line_end(last: str, vocab: Vocabulary) -> _LineEnd:
    """The word broken at the end of `last`: a hyphenated one, or else a ligature head.

    Found once per line: the repair stage tries a broken word's line against up to
    `_GLUE_REACH` lines after it.
    """
    hyphen = _LAST_WORD.search(last) if _ends_in_hyphen(last) else None
    endings = vocab.language.ligature_endings
    lig = None if hyphen else (
        _ligature_patterns(endings)[1].search(last) if _may_end_in_ligature(last, endings) else None)
    return hyphen, lig


def glue_between(last: str, text: str, line: Line, vocab: Vocabulary) -> Glue:
    """How a line ending in `last` joins the line `text` that follows it in a field.

    A hyphen at the end is dropped when the two halves make a word (`_hyphen_action`),
    kept when it is a real one ("Eco-" / "Friendly"); a ligature head at the end
    joins its tail. `line` is the earlier line, where a repair is reported.
    """
    return _glue(_line_end(last, vocab), text, line, vocab)


def _glue(end: _LineEnd, text: str, line: Line, vocab: Vocabulary) -> Glue:
    """`glue_between` for a line whose end `_line_end` has already read."""
    hyphen, lig = end
    if not hyphen and not lig:  # most lines: no word is broken at their end
        return Glue(" ")
    first = _FIRST_WORD.search(text)
    if hyphen:
        # The decision is on the two halves around the break; the flag shows the whole
        # printed token, compounds included ("multi-sec-" / "toral", "path-" / "break-ing").
        before, head, spaced = hyphen.groups()
        tail, after = (first.group(1), first.group(2)) if first else ("", "")
        action = _hyphen_action(head, tail, vocab) if first else "keep"
        if action == "join" and _columns_run_together(hyphen.string, hyphen.start(), vocab.language):
            action = "unsure"  # the next line's first word is another column's
        if action == "join":
            repair = Repair("hyphen_join", f"{before}{head}-\n{tail}{after}", f"{before}{head}{tail}{after}",
                            line, "hyphen at line end joined")
            return Glue("", 1 + len(spaced), repair)
        if spaced:  # "word -" + "next": a dash set between spaces, not a broken word
            return Glue(" ")
        if action == "unsure":
            repair = Repair("hyphen_kept", f"{before}{head}-\n{tail}{after}", f"{before}{head}-{tail}{after}",
                            line, "hyphen at line end kept as printed: its halves and the joined form say "
                            "neither that it is the typesetter's nor that it is part of the word")
            return Glue("", 0, repair)
        return Glue("")  # a kept hyphen is a real one: "Eco-" + "Friendly"
    if lig and first and is_ligature_split(lig.group(1), first.group(1), vocab):
        head, tail = lig.group(1), first.group(1)
        repair = Repair("ligature_split", f"{head}\n{tail}", head + tail, line,
                        "word split after a ligature at a line end")
        return Glue("", 0, repair)
    return Glue(" ")


def join_lines(
    texts: Sequence[str], lines: Sequence[Line], vocab: Vocabulary, *, raw: bool = False
) -> tuple[str, list[Repair]]:
    r"""Join lines that follow each other with their glue (see `glue_between`).

    `texts` are the lines' already repaired texts (or printed texts with `raw`);
    repairs are reported either way, but with `raw` the lines are only joined.

    >>> v = Vocabulary(["Self-Guided"])
    >>> ls = [Line("x", n) for n in (1, 2, 3)]
    >>> text, reps = join_lines(["local govern-", "ments in Self-", "Guided schools"], ls, v)
    >>> text, [(r.kind, r.printed, r.fixed, r.line.number) for r in reps]
    ('local governments in Self-Guided schools', [('hyphen_join', 'govern-\nments', 'governments', 1)])
    """
    glues = [glue_between(texts[k].strip(), texts[k + 1].strip(), lines[k], vocab) for k in range(len(texts) - 1)]
    return Glue.apply([t.strip() for t in texts], glues, raw=raw)


_CLOSING_SPLIT = lazy(r"(?<!\p{L})(?P<head>\p{L}+)(?P<gap>[ \t]{1,3})(?P<tail>\p{L}+)[ \t]?-$")
_OPENING_SPLIT = lazy(r"^(?P<lead>\s*)(?P<tail>\p{L}+)(?P<gap>[ \t]{1,3})(?P<rest>\p{L}+)")


def fix_splits_after_breaks(lines: Sequence[Line], texts: list[str], inline: list[list[Repair]],
                            vocab: Vocabulary) -> None:
    """A ligature split next to a line-end hyphen, just after it ("diver-" / "sifi ed")
    or just before it ("eff ec-" / "tive"): the line on its own holds no word to join
    ("sified", "effec"), the broken word does ("diversified", "effective").

    The gap is closed in the next line's text and reported there; the hyphen is then
    joined as any other, and `fold_broken_ligatures` reports the two as one token.
    """
    endings = vocab.language.ligature_endings
    for k in range(len(texts) - 1):
        last = texts[k].rstrip()
        hyphen = _LAST_WORD.search(last) if _ends_in_hyphen(last) else None
        if hyphen is None:
            continue
        first = _FIRST_WORD.search(texts[k + 1].lstrip())
        closing = _CLOSING_SPLIT.search(last)
        if (closing and first and _may_end_in_ligature(closing.group("head"), endings)
                and is_ligature_split(closing.group("head"), closing.group("tail") + first.group(1), vocab)):
            # "eff ec-" / "tive": the gap is before the break, in this line.
            head, tail = closing.group("head"), closing.group("tail")
            texts[k] = last[: closing.start()] + head + tail + last[closing.end("tail"):]
            inline[k] = [*inline[k], Repair("ligature_split", f"{head}{closing.group('gap')}{tail}", head + tail,
                                            lines[k], "word split after a ligature")]
            continue
        opening = _OPENING_SPLIT.match(texts[k + 1])
        if opening is None:
            continue
        tail, rest = opening.group("tail"), opening.group("rest")
        if not _may_end_in_ligature(tail, endings) or not is_ligature_split(hyphen.group(2) + tail, rest, vocab):
            continue
        texts[k + 1] = opening.group("lead") + tail + rest + texts[k + 1][opening.end():]
        inline[k + 1] = [*inline[k + 1], Repair("ligature_split", f"{tail}{opening.group('gap')}{rest}",
                                                tail + rest, lines[k + 1], "word split after a ligature")]


_MAX_COPY_LINES = 4
"""How many lines a run printed twice, touching its copy, may wrap over."""


def _spaceless(text: str) -> str:
    return "".join(text.split()).casefold()


def _line_key(text: str) -> str:
    """A line's text folded to compare with another's: its words, single-spaced, casefolded."""
    return " ".join(text.split()).casefold()


def collapse_wrapped_copies(lines: Sequence[Line], texts: list[str], inline: list[list[Repair]]) -> dict[int, Repair]:
    """A run printed twice, the copies touching, where the run wraps over lines
    ("Smart games for the" / "young of the citySmart games for" / "the young of the city"),
    in capitals too ("...SCHOOL IN" / "ZENDAPARTICIPATION OF ..."), where no case
    change shows the seam.

    The first copy starts a line (the seam's line or one before), or inside one after a
    label or a caption read across ("Photo: GUILD HALL OPEN DAYGUILD ...", see
    `_copy_inside`); the second starts glued to its end ("...PROGRAMME'WE COUNT"), repeats it
    letter for letter (wherever either copy wraps) and ends where a line ends.
    The cut is made in the seam's line; the lines that only hold the rest of the
    second copy are returned by position, each mapped to the one `Repair` that reports
    it (reported once, on the seam's line). A copy that ends inside the seam's line
    is an in-line repair there.
    """
    wrapped: dict[int, Repair] = {}
    for k in range(len(texts)):
        text = texts[k]
        found: tuple[int, int, int, int] | None = None
        for i in range(max(0, k - _MAX_COPY_LINES + 1), k + 1):
            if any(lines[m].block_start or m in wrapped for m in range(i + 1, k + 1)):
                continue
            head = texts[i].split()[:1]
            if head and (at := _copy_from(lines, texts, i, k, head[0])) is not None:
                found = (i, 0, *at)
                break
        if found is None:
            found = _copy_inside(lines, texts, k, wrapped)
        if found is None:
            continue
        i, start, p, j = found
        first = " ".join(t.strip() for t in _first_copy(texts, i, start, k, p))
        printed = " ".join(line.stripped for line in lines[i : j + 1]) if start == 0 \
            else " ".join(t.strip() for t in [texts[i][start:], *texts[i + 1 : j + 1]])
        repair = Repair("duplicate", printed, first, lines[k], "run printed twice, the copies touching")
        texts[k] = text[:p].rstrip()
        if j == k:
            inline[k] = [*inline[k], repair]
        for m in range(k + 1, j + 1):
            wrapped[m] = repair
    return wrapped


_GLUED_OPENING = lazy(r"(?<=\S)[\p{Lu}‘“'\"]")
"""Where a copy glued to the text before it may open inside a line: a capital or a
quotation mark (a caption or a name after a label or a caption read across, never a
sentence's middle)."""


def _copy_inside(lines: Sequence[Line], texts: list[str], k: int,
                 wrapped: dict[int, Repair]) -> tuple[int, int, int, int] | None:
    """(first copy's line, its start there, seam in line k, last line of the second copy)
    for a run whose first copy starts inside a line, after a label or another caption read
    across ("Photo: GUILD HALL OPEN DAYGUILD HALL OPEN DAY"), where no case change
    shows the seam; None if there is none.

    The seam is a capital (or quotation mark) glued to the text before it, and the word it
    opens is one the lines before print whole: only those words are tried as the copy's
    start, the earliest first (the longest copy)."""
    text = texts[k]
    seams = [m.start() for m in _GLUED_OPENING.finditer(text)]
    if not seams:
        return None
    reach = range(max(0, k - _MAX_COPY_LINES + 1), k + 1)
    words = {word for i in reach for word in texts[i].split()}
    for seam in seams:
        head = text[seam:].split(maxsplit=1)[0]
        if head in words:
            for i in reach:
                if any(lines[m].block_start or m in wrapped for m in range(i + 1, k + 1)):
                    continue
                line_text = texts[i][:seam] if i == k else texts[i]
                for start in (m.start() for m in re.finditer(rf"(?<!\S){re.escape(head)}(?!\S)", line_text)):
                    if start == 0:
                        continue  # a copy from the line's start: `_copy_from`'s
                    if (j := _second_copy(lines, texts, _first_copy(texts, i, start, k, seam), k, seam)) is not None:
                        return i, start, seam, j
    return None


def _copy_from(lines: Sequence[Line], texts: list[str], i: int, k: int, head: str) -> tuple[int, int] | None:
    """(seam in line k, last line of the second copy) when line k holds, glued to the
    text before it, a second copy of the run from line i's start (i may be k); else None."""
    text = texts[k]
    p = text.find(head, 1)
    while p > 0:
        seam, p = p, text.find(head, p + 1)
        if text[seam - 1].isspace():
            continue
        if (j := _second_copy(lines, texts, _first_copy(texts, i, 0, k, seam), k, seam)) is not None:
            return seam, j
    return None


def _first_copy(texts: list[str], i: int, start: int, k: int, seam: int) -> list[str]:
    """The first copy's text, line by line: from `start` in line i to the seam in line k."""
    return [texts[k][start:seam]] if i == k else [texts[i][start:], *texts[i + 1 : k], texts[k][:seam]]


def _second_copy(lines: Sequence[Line], texts: list[str], first_lines: list[str], k: int, seam: int) -> int | None:
    """The last line of a second copy glued at `seam` in line k to a first copy printed as
    `first_lines` (from its start, perhaps a word inside a line, to the seam); None where
    the text after the seam is no copy of it, letter for letter, ending where a line ends."""
    first = _spaceless(" ".join(first_lines))
    if len(first) < _MIN_REPEAT_CHARS or len(" ".join(first_lines).split()) < 2:
        return None
    # A line of the first copy ending in a hyphen ("Old-" / "Town"): matched with
    # it (a name's hyphen) and without it (a word broken at the line end).
    firsts = {first, _spaceless(" ".join([*(t.rstrip().removesuffix("-") for t in first_lines[:-1]), first_lines[-1]]))}
    copies = {_spaceless(texts[k][seam:])}
    j = k
    # The copy's rest may open a block in text without geometry, where blocks are
    # guessed (a short line after a caption looks like a new one).
    while not firsts & copies and min(map(len, copies)) < len(first) and j + 1 < len(texts) \
            and j + 1 - k < _MAX_COPY_LINES and (not lines[j + 1].block_start or lines[j + 1].bbox is None):
        j += 1
        rest = _spaceless(texts[j])
        # A word the second copy breaks at a line end: with its hyphen, and without.
        copies = {c + rest for c in copies} | {c[:-1] + rest for c in copies if c.endswith("-")}
    return j if firsts & copies else None


_GLUE_REACH = 40
"""How far ahead a broken word's other half may be printed (a column or page later)."""


def repair_lines(lines: Sequence[Line], profile: Profile) -> RepairedLines:
    """The repair stage: clean text per line, in-line repairs, repeated lines, glue.

    Glue is decided for each line and the next one, and, for a line that ends in
    a broken word, for the lines a little further on too, since a paragraph may
    go on in the next column after a caption.
    """
    vocab = Vocabulary((line.text for line in lines), profile.language)
    texts: list[str] = []
    inline: list[list[Repair]] = []
    for line in lines:
        text, repairs = repair_line(line, vocab)
        texts.append(line.text if text == line.text else text)  # most lines: one string, not two
        inline.append(repairs)
    fix_splits_after_breaks(lines, texts, inline, vocab)
    wrapped_at = collapse_wrapped_copies(lines, texts, inline)
    wrapped = {lines[m].number: repair for m, repair in wrapped_at.items()}
    # Lines the genre prints again on purpose: headings, page numbers, stats labels.
    protected = {line.number for line in lines
                 if profile.heading_start.match(line.text) or profile.page_number.match(line.text)
                 or prints_stats_labels(line.text, profile)}
    # A name that finishes a line stopping on a small word ("Ann Ek, Mayor of" / "Strelsau")
    # is that line's end, even where the name was printed alone before (a heading's city).
    protected |= {lines[k].number for k in range(1, len(lines))
                  if _stops_on_small_word(texts[k - 1], profile) and _short_name(texts[k])}
    heads = find_running_heads(texts, profile)
    # A figure alone ("US$4,210 (2015)") is a city's field: two cities may print the same one.
    figures = {line.number for line in lines if profile.stat_figure_alone.match(line.text)}
    # So may a wrapped role's head, a few words stopping on a small word ("Mayor of") or
    # on a comma ("Mayor for Education,", the role's place on the next line).
    heads_of_wraps = {lines[k].number for k in range(len(lines))
                      if (_stops_on_small_word(texts[k], profile) or texts[k].rstrip().endswith(","))
                      and len(texts[k].split()) <= _WRAP_HEAD_WORDS}
    # A page's edge: a running title with its number, or a page number alone (in text
    # without form feeds, where a title printed bare with it would not say so alone).
    edges = heads.numbered | {k for k, line in enumerate(lines) if profile.page_number.match(line.text)}
    repeats = find_repeated_lines(lines, texts, protected | set(wrapped), edges,
                                  figures | heads_of_wraps | _template_lines(lines, texts, profile))
    glue: list[tuple[Glue, ...]] = []
    stripped = [text.strip() for text in texts]
    for k in range(len(lines) - 1):
        last = stripped[k]
        end = _line_end(last, vocab)
        reach = _GLUE_REACH if (last.endswith("-") or end[1]) else 1
        ahead = tuple(_shared(_glue(end, stripped[j], lines[k], vocab))
                      for j in range(k + 1, min(len(lines), k + 1 + reach)))
        glue.append(_held_once(ahead))
    held: list[Sequence[Repair]] = [repairs or () for repairs in inline]  # one empty tuple for most lines
    copies = {id(r.line) for r in repeats}
    repeated_at = frozenset(k for k, line in enumerate(lines) if id(line) in copies or k in wrapped_at)
    return RepairedLines(lines=list(lines), texts=texts, inline=held,
                         repeated={**wrapped, **{r.line.number: r for r in repeats}}, glue=glue,
                         repeated_at=repeated_at, running_heads=heads.every)


_TEMPLATE_CITIES = 3
"""A line printed under this many cities' headings or more is the template's."""


def _template_lines(lines: Sequence[Line], texts: Sequence[str], profile: Profile) -> set[int]:
    """Numbers of the lines a booklet's template prints under every city's heading,
    alike ("Its learning plan rests on three pillars:", "Highlights:"): printed under
    `_TEMPLATE_CITIES` numbered headings or more or, where the headings are not known
    yet (unnumbered), as often, each a section's length or more after the last. A copy
    drawn twice is printed twice; a block printed again repeats its lines near them."""
    keys = [_line_key(text) for text in texts]
    cities: dict[str, set[int]] = {}
    at: dict[str, list[int]] = {}
    city = 0
    for k, (line, key) in enumerate(zip(lines, keys)):
        if (heading := profile.heading_start.match(line.text)) and split_country_city(heading["rest"], profile):
            city += 1
        elif key:
            at.setdefault(key, []).append(k)
            if city:
                cities.setdefault(key, set()).add(city)
    template = {key for key, under in cities.items() if len(under) >= _TEMPLATE_CITIES}
    template |= {key for key, ks in at.items() if len(ks) >= _TEMPLATE_CITIES
                 and min(b - a for a, b in pairwise(ks)) >= MIN_SECTION_LINES}
    return {line.number for line, key in zip(lines, keys) if key in template}


_WRAP_HEAD_WORDS = 3
"""At most this many words stopping on a small word or a comma make a wrapped line's head alone."""


def _stops_on_small_word(text: str, profile: Profile) -> bool:
    words = text.split()
    return bool(words) and words[-1] in profile.name_small_words


def _short_name(text: str) -> bool:
    """A few words opening and ending on a capital, no comma: a place's name alone on
    its line ("Port Alba", not "If the")."""
    words = text.split()
    return 0 < len(words) <= 4 and "," not in text and words[0][:1].isupper() and words[-1][:1].isupper()


_SHARED_GLUE = {glue.text: glue for glue in (SPACE, NO_SPACE)}
_SPACE_ONLY, _NO_SPACE_ONLY = (SPACE,), (NO_SPACE,)


def _shared(glue: Glue) -> Glue:
    """The one shared copy of a plain glue (a space, or nothing), else `glue` itself.

    Plain glue, and a line's one plain glue to the next (`_held_once`), are the same
    for every line: held once, not once per line of a long booklet."""
    if glue.repair is None and not glue.cut:
        return _SHARED_GLUE.get(glue.text, glue)
    return glue


def _held_once(ahead: tuple[Glue, ...]) -> tuple[Glue, ...]:
    if len(ahead) == 1 and ahead[0] is SPACE:
        return _SPACE_ONLY
    if len(ahead) == 1 and ahead[0] is NO_SPACE:
        return _NO_SPACE_ONLY
    return ahead


_MIN_REPEAT_CHARS = 8


def _substantial(key: str) -> bool:
    """Enough text to call a repeat a duplicate: a short word ("the", "and") or a
    fragment of a line split at a wide space may recur by itself."""
    return len(key) >= _MIN_REPEAT_CHARS or len(key.split()) >= 2


def find_repeated_lines(
    lines: Sequence[Line], texts: Sequence[str], protected: set[int], page_edges: AbstractSet[int] = frozenset(),
    recurring: AbstractSet[int] = frozenset(),
) -> list[Repair]:
    """Lines that only repeat text printed just before: the PDF drew them twice.

    Two cases, both independent of what the words say:
    - a line equal to the line right before it;
    - a block whose every line repeats an earlier line of the same region (a
      signature block drawn again, a stray copy of a paragraph's last line).
      A region ends at a page's edge too: the indexes in `page_edges` (running
      headers and footers, page numbers), which in text without form feeds are all
      that marks a page, so that two cities' pages printing one same caption, or one
      same line of two speakers' roles ("Mayor for Education,"), keep both.
    Lines in `protected` (headings) are never treated as repeats; lines in `recurring`
    (a stats figure, a wrapped role's head "Mayor of": another city may print them alike)
    only when printed twice in a row.
    """
    repairs: list[Repair] = []
    flagged: set[int] = set()
    seen_in_region: dict[tuple[int, int], set[str]] = {}
    page = 0  # pages passed, counted by their running heads
    block: list[tuple[int, str]] = []  # (index, folded text) of the current layout block
    keys = [_line_key(text) for text in texts]
    doubled_at = -3  # the last substantial line printed twice (none yet: no i - 2 matches)
    never_copies = protected | recurring  # of a block's earlier lines

    def close_block() -> None:
        """Flag the block when every line repeats; then its lines count as seen."""
        if block and all(
            lines[i].number not in never_copies and key in seen_in_region.get((lines[i].region, page), set())
            for i, key in block
        ) and _substantial(" ".join(key for _, key in block)):
            for i, _ in block:
                if lines[i].number not in flagged:
                    flagged.add(lines[i].number)
                    repairs.append(Repair("duplicate", lines[i].stripped, texts[i].strip(), lines[i],
                                          "block repeats lines printed earlier"))
        for i, key in block:
            seen_in_region.setdefault((lines[i].region, page), set()).add(key)

    for i, line in enumerate(lines):
        past_edge = i - 1 in page_edges
        if line.block_start or past_edge:
            close_block()
            block = []
            page += past_edge
        key = keys[i]
        after = keys[i + 1] if i + 1 < len(keys) else None
        # A short line twice is a duplicate where the two lines before it were another
        # line twice: a block drawn twice, read line by line ("... Mayor of" twice, then
        # "City" twice). Short lines alone repeat on purpose (a form's column of one value).
        if key and i > 0 and key == keys[i - 1] and line.number not in protected and (
                _substantial(key) or (i - 2 == doubled_at and key != keys[doubled_at] and after != key)):
            flagged.add(line.number)
            if _substantial(key) and (i < 2 or keys[i - 2] != key):  # twice, not a column of copies
                doubled_at = i
            repairs.append(Repair("duplicate", f"{lines[i - 1].stripped}\n{line.text}", texts[i].strip(),
                                  line, "line printed twice"))
        block.append((i, key))
    close_block()
    return repairs


_NEXT_LIGATURES = 4
"""How many ligature repairs after a broken word's line may hold its other half."""


def _ligature_in_token(join: Repair, inline: list[Repair], by_line: dict[int, list[int]],
                       numbers: list[int], folded: set[int]) -> int | None:
    """Index in `inline` of the ligature repair inside the word `join` joined: on the
    join's own line, its last word; or on the next line that holds one, its first."""
    head, _, tail = join.printed.partition("-\n")
    printed_end = join.line.text.rstrip().removesuffix("-").rstrip()
    for k in by_line.get(join.line.number, ()):
        lig = inline[k]
        if k not in folded and lig.line is join.line and printed_end.endswith(lig.printed) \
                and head.endswith(lig.fixed):
            return k
    start = bisect_left(numbers, join.line.number)
    later = (k for number in numbers[start:start + _NEXT_LIGATURES] for k in by_line[number])
    for k in later:
        lig = inline[k]
        if k not in folded and lig.line is not join.line and lig.line.text.lstrip().startswith(lig.printed) \
                and tail.startswith(lig.fixed):
            return k
    return None


def fold_broken_ligatures(inline: list[Repair], joins: list[Repair]) -> tuple[list[Repair], list[Repair]]:
    r"""One repair for a word both split after a ligature and broken at the line end.

    The line "… off er-" then "ing …" is repaired twice: the ligature gap inside the
    line ("off er" -> "offer"), then the line-end hyphen when the lines are joined
    ("offer-" + "ing"). The reader sees one printed token, so one flag reports it whole,
    "off er-\ning" -> "offering", in place of the two.

    >>> line = Line("which off er-", 4)
    >>> lig = Repair("ligature_split", "off er", "offer", line)
    >>> hyph = Repair("hyphen_join", "offer-\ning", "offering", line)
    >>> inline, joins = fold_broken_ligatures([lig], [hyph])
    >>> [(r.kind, r.printed, r.fixed) for r in inline], joins
    ([('ligature_split', 'off er-\ning', 'offering')], [])
    """
    by_line: dict[int, list[int]] = {}
    for k, r in enumerate(inline):
        if r.kind == "ligature_split":
            by_line.setdefault(r.line.number, []).append(k)
    if not by_line:
        return inline, joins
    numbers = sorted(by_line)
    inline = list(inline)
    folded: set[int] = set()
    kept: list[Repair] = []
    for join in joins:
        at = None if join.kind != "hyphen_join" else _ligature_in_token(join, inline, by_line, numbers, folded)
        if at is None:
            kept.append(join)
            continue
        lig = inline[at]
        head, _, tail = join.printed.partition("-\n")
        if lig.line is join.line:  # the gap before the break: "off er-" / "ing"
            printed = f"{head[: len(head) - len(lig.fixed)]}{lig.printed}-\n{tail}"
        else:  # the gap after it: "diver-" / "sifi ed"
            printed = f"{head}-\n{lig.printed}{tail[len(lig.fixed):]}"
        inline[at] = Repair("ligature_split", printed, join.fixed, lig.line,
                            "word split after a ligature and broken at the line end")
        folded.add(at)
    return inline, kept
