"""The recognisers of page furniture, attributions, stats, the list of places and items.

Each looks at the line under the cursor (and the lines after it) and takes what it
recognises as one block: a page number, a running head, a credit, a front-matter label,
an attribution (its role perhaps wrapped over lines), a stats entry (label and figure
perhaps apart, or a row or table of them), an entry of the front matter's list of places,
a list item's first line. Headings have their own module (`headings`); the order they
are all tried in is `block_stage.RECOGNISERS`.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

import regex as re

from .blocks import (
    HEADING_MAX_CHARS,
    AttributionData,
    Block,
    BlockKind,
    Cursor,
    Found,
    ItemData,
    ListedData,
    StatData,
    attribution_parts,
    box_entry,
    city_then_country,
    closes_quote,
    ends_on_small_word,
    first_key,
    fits_field,
    fold_name,
    folded_pair,
    hangs_before,
    is_caption_like,
    is_name,
    is_noise_line,
    opens_quote,
    place_label,
    split_attribution,
    split_country_city,
    stat_entry,
    stat_key,
    take,
    take_lines,
    without_speech_verb,
)
from .headings import heading_apart, is_unnumbered_heading, names_set_apart, place_number
from .line import Line
from .listed_runs import lead_in_apart, run_after_lead_in, run_at
from .patterns import lazy
from .profile import Profile, quote_family
from .table_cells import join_spaced_groups, leading_cells, row_cells
from .wrapped_roles import BODY_MAX_WORDS, names_a_body, title_to_come


def page_number(cur: Cursor, i: int) -> Found | None:
    """A page number alone on its line: "6", "xii" (not a number hanging before its item,
    nor a section's number set above its place)."""
    if not cur.profile.page_number.match(cur.text(i)) or hangs_before(cur, i) or heading_apart(cur, i) \
            or _among_words_one_per_line(cur, i):
        return None
    return take(cur, BlockKind.PAGE_NUMBER, i)


def _among_words_one_per_line(cur: Cursor, i: int) -> bool:
    """Is the number one word of a sentence an extractor gave a word per line (a
    justified line whose spaces were wide enough to part every word: "in" / "40" /
    "secondary")? A page number between pages sits between whole lines of text.

    Only a number in figures, with a single word on each side, the one before ending no
    sentence and the one after in lowercase, counts (a lone letter that reads as a roman
    numeral, "c" or "i", may be a letter of text set letter by letter, which stays noise)."""
    if i == 0 or i + 1 >= len(cur.lines) or not cur.text(i).strip().isdigit():
        return False
    before, after = cur.text(i - 1).split(), cur.text(i + 1).split()
    return (len(before) == 1 and len(after) == 1 and after[0][:1].islower()
            and not cur.profile.sentence_end.search(before[0]))


def running_head(cur: Cursor, i: int) -> Found | None:
    """A running header or footer: "Booklet Title | 12", or any text that recurs with
    another page number on page after page ("Booklet Title 12", "13 Booklet Title")."""
    if i in cur.running_heads or (cur.profile.running_head.match(cur.text(i))
                                  and place_number(cur.text(i), cur.profile) is None):
        return take(cur, BlockKind.RUNNING_HEAD, i)  # "1 | Ruritania, Strelsau" is a heading's form
    return None


def credit(cur: Cursor, i: int) -> Found | None:
    """A photo credit or a source line under a picture or a stats box ("© UNESCO",
    "Photo: Ann Ek", "Source: Census 2016"): no caption, no field."""
    text = cur.text(i)
    if not cur.profile.credit.match(text) or _labelled_caption(cur, i):
        return None
    return take(cur, BlockKind.CREDIT, i)


_CAPTION_MAX_WORDS = 10
_CREDIT_NAME_WORDS = range(2, 5)  # a credit's name: "Ann Ek", "City of Alpha"


def _labelled_caption(cur: Cursor, i: int) -> bool:
    """Is "Photo: ..." a caption after its label ("Photo: Pupils at the harbour
    school", "Photo: Science Centre 2020"), not a credit? A credit says so ("©",
    "courtesy", "archive") or names someone ("Photo: Ann Ek", "Photo: City of Alpha")
    (two to four words, not in capitals) right under the caption it credits; a name with
    no plain caption over it (the label on every caption, "Photo: Harbour Reading
    Corner"; a running head over it) is the caption. Unsure, the printed words are kept
    as a caption rather than dropped as a credit."""
    text, profile = cur.text(i), cur.profile
    label = profile.caption_label.match(text)
    if label is None or profile.credit_words.search(text):
        return False
    rest = text[label.end() :].strip()
    if not is_name(rest, profile) or any(ch.isdigit() for ch in rest) or rest.isupper() \
            or len(rest.split()) not in _CREDIT_NAME_WORDS:
        return True  # a caption's words, or a caption set in capitals
    return i == 0 or not cur.free(i - 1) or not _plain_caption_line(cur.text(i - 1), profile)


def _plain_caption_line(text: str, profile: Profile) -> bool:
    """A short line with no sentence end, label, speaker or stat: a caption a credit may
    sit under."""
    words = text.split()
    return (0 < len(words) <= _CAPTION_MAX_WORDS and not profile.sentence_end.search(text)
            and not profile.credit.match(text) and not profile.caption_label.match(text)
            and attribution_parts(text, profile) is None and stat_key(text, profile) is None)


def front_label(cur: Cursor, i: int) -> Found | None:
    """A front-matter label: "Introduction", "Foreword"; "Laureates" over the list."""
    text = cur.text(i)
    if cur.profile.front_labels.match(text) or cur.before_cities and cur.profile.front_list_label.match(text):
        return take(cur, BlockKind.LABEL, i)
    return None


def contents_entry(cur: Cursor, i: int) -> Found | None:
    """An entry of the front matter's table of contents that is no listed city (tried
    after `listed`): "Message from the Chair ........ 2"."""
    return take(cur, BlockKind.LABEL, i) if cur.before_cities and cur.profile.contents_entry.match(cur.text(i)) else None


def section_label(cur: Cursor, i: int) -> Found | None:
    """A label a designer's template sets over a city's parts ("Key initiatives", "At a
    glance", "Mayor’s message"): noise, neither a caption nor a field's text."""
    if cur.profile.section_labels.match(cur.text(i)) or _lone_word_over_a_list(cur, i):
        return take(cur, BlockKind.LABEL, i)
    return None


_LONE_WORD = lazy(r"^\s*\p{Lu}\p{L}{3,}\s*:?\s*$")
_SENTENCE_ENDS = lazy(r"[.!?:][’”'\")]?\s*$")


def _lone_word_over_a_list(cur: Cursor, i: int) -> bool:
    """One capitalised word alone right over a list's first item ("Initiatives" / "1.
    ..."), after a sentence's end or a blank line: a label over the city's items. A
    wrapped item's last word ("... the Learning" / "Initiatives") follows no sentence's
    end; a word over a later item ("(2) ...") may be one an extractor moved out of it,
    and a numbered heading ("1. Ruritania, Strelsau") is no item."""
    if i == 0 or not _LONE_WORD.match(cur.text(i)) or not cur.free(i + 1):
        return False
    nxt = cur.text(i + 1)
    marker = cur.profile.item_marker.match(nxt)
    if marker is None or place_number(nxt, cur.profile) is not None or _NOT_FIRST.search(marker.group()):
        return False
    return cur.lines[i].block_start or _SENTENCE_ENDS.search(cur.text(i - 1)) is not None


_NOT_FIRST = lazy(r"(?<!\d)(?:[02-9]|1\d)(?!\d)")
"""A marker's number other than 1: a later item's."""


_ROLE_MAX_LINES = 4


def _role_continues(role: str, line: Line, nxt: str, profile: Profile, names: AbstractSet[str] = frozenset(),
                    by_layout: bool = True) -> bool:
    """Is `nxt` the rest of a role wrapped onto a second line ("Mayor of the" / "City of X")?

    Said by the words (the role stops on a small word, the next line goes on in
    lowercase, or a place's name goes on: see `_place_goes_on`) or, in a PDF and while
    `by_layout`, by the layout keeping the two lines in one block.
    """
    if not _may_hold_a_role(nxt, profile):
        return False
    word = role.split()[-1] if role.split() else ""
    last = word.lower()
    capital = word[:1].isupper()
    if title_to_come(role, nxt, profile):
        return True  # "Chief" / "Executive Officer of Alpha": the title is still to come
    if names_a_body(nxt, profile) and capital:
        return True  # "Mayor of Alpha" / "County Council": the body's name goes on
    if _POSSESSIVE.search(word) and nxt[:1].isupper() and not _ends_on_a_name(role, names):
        return True  # "Chair of the People’s" / "Committee of Alpha": a possessive ends no role
    if _opens_with_a_body(nxt, profile) and capital:
        return True  # "Officer of the Royal" / "Commission in Alpha"
    if capital and not _ends_on_a_name(role, names) and (
            _kind_of_named_place(nxt, names, profile) or _place_then_body(nxt, names, profile)):
        # "Governor of the Autonomous" / "District of Alpha"; "Chairman of the Vesk Orlo" /
        # "Alpha Provincial People’s Committee"
        return True
    if _place_goes_on(role, nxt, names, profile):
        return True
    if role.rstrip().endswith(",") and is_name(nxt, profile) and len(nxt.split()) <= _PLACE_MAX_WORDS:
        return True  # "Deputy Mayor for Education," / "Alpha": no role ends on a comma
    # A role ending on a place the booklet names is whole: its last word is the name's
    # (a particle too: "Mayor of Alpha Do"), and a line under it going on in lowercase
    # ("Harbour learning fair") is a caption set close under it.
    named = _ends_on_a_name(role, names)
    same_block = by_layout and line.bbox is not None and not line.block_start \
        and not (named and _goes_on_in_lowercase(nxt, profile))
    return nxt[:1].islower() or (last in profile.name_small_words and not named) or same_block


def _goes_on_in_lowercase(text: str, profile: Profile) -> bool:
    """Does a capitalised line go on in lowercase words other than a name's small words
    ("Harbour learning fair")? A body's name ("City Council") does not."""
    words = text.split()
    return text[:1].isupper() and any(w[:1].islower() and w not in profile.name_small_words for w in words[1:])


_PLACE_MAX_WORDS = 4
"""Words of a place's name that a role cut at its comma goes on with ("Szohod Nova")."""


def _may_hold_a_role(text: str, profile: Profile) -> bool:
    """Could the line be (part of) a role: short, no sentence nor a sentence's run of
    lowercase words, no stat, heading, quote, item or figure (a figure set apart from its
    label, "approx. 355,000", goes on in lowercase too)?"""
    if not text or len(text) > HEADING_MAX_CHARS or profile.sentence_end.search(
            text.rstrip(".,") if _portfolio_cut_at_comma(text) else text.rstrip(".")):
        return False
    if sum(word.islower() and word not in profile.name_small_words for word in text.split()) >= _PROSE_WORDS:
        return False  # "A tutoring plan that links old sailors": a sentence's words, no title's
    if _SENTENCE_CLOSE.search(text):
        return False  # "in the valley.": a lowercase word and a full stop end a sentence, no title
    return not (stat_key(text, profile) or profile.heading_start.match(text) or opens_quote(text, profile)
                or profile.item_marker.match(text) or profile.stat_figure_alone.match(text))


def _portfolio_cut_at_comma(text: str) -> bool:
    """A few words and no figure before a comma ending the line ("Education,", "Sports
    and Culture,"): a role's portfolio cut at its comma, which goes on; an address cut so
    ("FAA, 2200 South 216th St.,") is no role's."""
    return text.rstrip().endswith(",") and len(text.split()) <= _PORTFOLIO_WORDS and not any(ch.isdigit() for ch in text)


_PORTFOLIO_WORDS = 4
"""Words a role's line cut at its comma holds at most ("Sports and Creative Industries,")."""


_PROSE_WORDS = 4
"""Lowercase words (small words aside) from which a line reads as prose, not a role's:
a role's wrapped rest holds a few at most ("lifelong learning and culture")."""

_SENTENCE_CLOSE = lazy(r"(?<![\w.])\p{Ll}{2,}\.$")
"""A lowercase word and a full stop ending a line ("in the valley."): a sentence's end,
which a title does not have (an abbreviation's dot follows a capital or another dot)."""


def _rest_above_quote(cur: Cursor, role: str, taken: list[int]) -> list[int]:
    """The lines of a role cut at a comma ("Minister of Education," / "Sports and Creative"
    / "Industries") down to the quote set under the attribution: a list of portfolios
    wraps anywhere, and only the quote's opening mark (or the page's foot under the role)
    says where it ends. Empty without such a quote within the role's lines. A role ending
    on a place's name goes on, in the same way, over one line of capitalised words that
    ends on a kind of place or a body ("Mayor of Alpha" / "Harbour City" / the quote)."""
    if not role.rstrip().endswith(","):
        j = _past_copies(cur, taken[-1] + 1)
        k = _past_copies(cur, j + 1)
        named = cur.free(j) and cur.free(k) and opens_quote(cur.text(k), cur.profile) \
            and role.split()[-1][:1].isupper() and _place_kind_named(cur.text(j), cur.profile)
        return [j] if named else []
    rest: list[int] = []
    j = _past_copies(cur, taken[-1] + 1)
    while cur.free(j) and len(taken) + len(rest) <= _ROLE_MAX_LINES:
        if opens_quote(cur.text(j), cur.profile) or _furniture(cur, j):
            return rest  # the quote, or the page's foot ("Award Book | 3"), ends the role
        if not _may_hold_a_role(cur.text(j), cur.profile):
            break
        rest.append(j)
        j = _past_copies(cur, j + 1)
    return []


def _place_kind_named(text: str, profile: Profile) -> bool:
    """A short line of capitalised words (a name's particles between them) ending on a
    kind of place or a body's word: "Harbour City", "Metropolitan Municipality"."""
    words = text.split()
    return (0 < len(words) <= BODY_MAX_WORDS and _may_hold_a_role(text, profile)
            and all(w[:1].isupper() or w in profile.language.name_particles for w in words)
            and words[-1].lower().strip(".,") in profile.place_kinds | profile.role_bodies)


_POSSESSIVE = lazy(r"\p{L}['’]s$|\p{L}s['’]$")


def _ends_on_a_name(role: str, names: AbstractSet[str]) -> bool:
    """Does the role end on a place the booklet names ("Mayor of Port Ann’s", with
    "Port Ann’s" a heading's place)? Its possessive is then the name's own, and the role
    may end there.

    >>> _ends_on_a_name("Mayor of the City of Port Ann’s", {"port ann's"})
    True
    >>> _ends_on_a_name("Chair of the People’s", {"port ann's"})
    False
    """
    head = f" {fold_name(role)}"
    return any(head.endswith(f" {name}") for name in names)


def _place_goes_on(role: str, nxt: str, names: AbstractSet[str], profile: Profile) -> bool:
    """Does a place's name that the role ends on go on in `nxt`? Either the role's last
    words and `nxt` make a place the booklet names ("Intendente of Santa" / "Ana", with
    "Santa Ana" in its list or a heading), or `nxt` ends on such a place (below), or is
    one word naming a kind of place ("Mayor of Alpha" / "City", `Profile.place_kinds`).
    Both need the role to end on a
    capitalised word, and `nxt` to be capitalised words only, or a name's particles
    between them ("Alba del Sur").

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _place_goes_on("Intendente of Santa", "Ana", {"santa ana"}, p)
    True
    >>> _place_goes_on("Mayor of Alpha", "City", set(), p)
    True
    >>> _place_goes_on("Mayor of Alpha", "City library", set(), p)
    False
    >>> _place_goes_on("Mayor of Santa", "Ana Reading Club", {"santa ana"}, p)
    False
    >>> _place_goes_on("President of Nova", "Alba del Sur", {"nova alba del sur"}, p)
    True

    A role whose place has just begun ("of the Vesk": one word after a small word) goes
    on over a line of capitalised words, no comma, ending on a place the booklet names;
    a role ending on that place, or on a body ("Zenda State"), goes on over no such
    line (a caption, an unnumbered heading):

    >>> _place_goes_on("Chairman of the Vesk", "Orlo Zenda", {"zenda"}, p)
    True
    >>> _place_goes_on("Mayor of Zenda", "Old Town Strelsau", {"zenda", "strelsau"}, p)
    False
    >>> _place_goes_on("Governor of Zenda State", "Old Town Strelsau", {"zenda", "strelsau"}, p)
    False
    """
    words, role_words = nxt.split(), role.split()
    if not words or not role_words or not role_words[-1][:1].isupper() or not words[0][:1].isupper() \
            or not all(w[:1].isupper() or w in profile.language.name_particles for w in words):
        return False
    if len(words) == 1 and words[0].lower().strip(".,") in profile.place_kinds:
        return True
    head = fold_name(role)
    tail = fold_name(nxt)
    if len(role_words) > 1 and role_words[-2].lower() in profile.name_small_words and "," not in nxt \
            and not _ends_on_a_name(role, names) and any(tail.endswith(f" {name}") for name in names):
        return True  # "Chairman of the Vesk" / "Orlo Zenda": a region named after its city
    return any(name.endswith(f" {tail}") and f" {head}".endswith(f" {name[: -len(tail) - 1]}")
               for name in names)


def _opens_with_a_body(text: str, profile: Profile) -> bool:
    """A short line opening on a body's word, in capitalised words and a name's small
    words only ("Commission in Alpha", "Council of Zenda"): a role's body, wrapped; a
    caption goes on in lowercase ("Council meeting in the town hall")."""
    words = text.split()
    return (0 < len(words) <= BODY_MAX_WORDS + 1 and words[0].lower() in profile.role_bodies
            and all(w[:1].isupper() or w in profile.name_small_words for w in words))


def _kind_of_named_place(text: str, names: AbstractSet[str], profile: Profile) -> bool:
    """A short line of capitalised words (a name's small words between them) opening on
    a kind of place or a body and ending on a place the booklet names ("District of
    Alpha", "Municipality of Alpha"): the rest of a role wrapped after a capitalised word
    of its place ("Governor of the Autonomous").

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _kind_of_named_place("District of Alpha", {"alpha"}, p), _kind_of_named_place("District of Beta", {"alpha"}, p)
    (True, False)
    >>> _kind_of_named_place("Old town of Alpha", {"alpha"}, p)
    False
    """
    words = text.split()
    return (1 < len(words) <= BODY_MAX_WORDS + 2 and words[0].lower() in profile.place_kinds | profile.role_bodies
            and all(w[:1].isupper() or w in profile.name_small_words or w in profile.language.name_particles
                    for w in words)
            and _ends_on_a_name(text, names))


def _place_then_body(text: str, names: AbstractSet[str], profile: Profile) -> bool:
    """A line opening on a place the booklet names, perhaps after the last words of a
    region's name around it (at most `_REGION_LEAD` capitalised words), the rest a body's
    name (`names_a_body`): "Alpha Provincial People’s Committee", a role's place and
    body wrapped after the first words of a region's name ("Chairman of the Vesk Orlo"),
    or "Orlo Alpha Provincial People’s Committee" after "Chairman of the Vesk".

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _place_then_body("Alpha Provincial People’s Committee", {"alpha"}, p)
    True
    >>> _place_then_body("Orlo Alpha Provincial People’s Committee", {"alpha"}, p)
    True
    >>> _place_then_body("Alpha Reading Club", {"alpha"}, p), _place_then_body("Beta City Council", {"alpha"}, p)
    (False, False)
    >>> _place_then_body("Beta Orlo Vesk Alpha City Council", {"alpha"}, p)
    False
    """
    words = text.split()
    for name in names:
        n = len(name.split())
        for lead in range(_REGION_LEAD + 1):
            if 0 < n + lead < len(words) and fold_name(" ".join(words[lead:lead + n])) == name \
                    and all(word[:1].isupper() for word in words[:lead]) \
                    and names_a_body(" ".join(words[lead + n:]), profile):
                return True
    return False


_REGION_LEAD = 2
"""Capitalised words of a region's name that may stand before the place a booklet names
("Vesk Orlo Alpha": the region wrapped inside its name)."""


def _role_begun(text: str) -> bool:
    """Does the line end with a name's comma, perhaps with the first words of a role
    after it ("Ann Ek," or "Ann Ek, Lord"), so that the role goes on below?"""
    if "," not in text:
        return False
    tail = text.rsplit(",", 1)[1].split()
    return len(tail) <= 2 and all(word[:1].isupper() for word in tail)


def _past_copies(cur: Cursor, j: int) -> int:
    """The first line from `j` that is not a copy the repairs found printed again
    (an extractor that gives an overprinted line twice puts the copy in between)."""
    while cur.free(j) and j in cur.repeated:
        j += 1
    return j


def attribution(cur: Cursor, i: int) -> Found | list[Found] | None:
    """"Name, Role of Place" on one line; a role that runs on to the next line comes along.
    An attribution set beside its quote and read across with it ("Ann Ek, Mayor of Alpha
    ‘We learn …’") is parted from the quote, which opens a text block on the same line."""
    if (beside := _attribution_beside_quote(cur.text(i), cur.profile)) is not None:
        (name, role), at = beside
        line, text = cur.lines[i], cur.text(i)
        taken = [i]
        if closes_quote(text, cur.profile):
            # The quote ends beside the attribution's first line: the lines under it are
            # no quote's, and may hold the role's rest ("Ann Ek, President" / "of Alpha
            # Municipality", a margin column in layout-mode text).
            role = _role_run_on(cur, role, taken)
        rest = [cur.lines[k] for k in taken[1:]]
        return [(Block(BlockKind.ATTRIBUTION, [line, *rest], [text[:at].rstrip(), *(cur.text(k) for k in taken[1:])],
                       AttributionData(name, role, before_quote=True)), taken),
                (Block(BlockKind.TEXT, [line], [text[at:].rstrip()]), [i])]
    found = _attribution_lines(cur, cur.text(i), i)
    return None if found is None else take_lines(cur, BlockKind.ATTRIBUTION, found[1], found[0])


def _attribution_beside_quote(text: str, profile: Profile) -> tuple[tuple[str, str], int] | None:
    """((name, role), where the quote opens) in a line that reads an attribution and then
    the quote set beside it, or None. The quote opens with a mark after a space and before a capital,
    and closes nowhere but at the line's end (an apostrophe has a letter after it), so
    that a role holding a quoted name ("Director of the ‘Zenda Reads’ Programme") stays
    whole.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _attribution_beside_quote("Ann Ek, Mayor of Alpha ‘Our children’s future.’  ", p)
    (('Ann Ek', 'Mayor of Alpha'), 23)
    >>> _attribution_beside_quote("Ann Ek, Director of the ‘Zenda Reads’ Programme", p) is None
    True
    """
    for match in _MARK_OPENING_QUOTE.finditer(text):
        mark = match.group("mark")
        if mark not in profile.open_quotes:
            continue
        quote = text[match.start("mark"):].rstrip()
        family = quote_family(mark, profile)
        closes = [k for k, ch in enumerate(quote) if k > 0 and ch in family and ch in profile.close_quotes
                  and not (k + 1 < len(quote) and quote[k + 1].isalpha())]
        if closes and (len(closes) > 1 or closes[0] < len(quote.rstrip(".,")) - 1):
            return None  # the quotation closes before the line ends: a quoted name
        parts = attribution_parts(text[: match.start("mark")].rstrip(), profile)
        return None if parts is None else (parts, match.start("mark"))
    return None


_MARK_OPENING_QUOTE = lazy(r"\s(?P<mark>[‘“'\"«])(?=\p{Lu})")


def _attribution_lines(cur: Cursor, text: str, i: int) -> tuple[AttributionData, list[int]] | None:
    """The attribution that opens with `text` on line i, and the lines it takes: the
    role may begin on the next line ("Name," / "Role"), the name may wrap onto the
    role's line, and the role may run on over the lines after."""
    parts = attribution_parts(text, cur.profile)
    taken = [i]
    k = _past_copies(cur, i + 1)
    if parts is None and _beside(cur, i, k) and opens_quote(cur.text(k), cur.profile):
        # Layout-mode text parts a row into its columns' pieces, read row by row: the
        # quote set beside the attribution's first line comes between it and the role's
        # rest ("Ann Ek, Deputy" / "‘We learn ...’" / "Mayor for Education, Alpha").
        k = _past_copies(cur, k + 1)
    if parts is None and cur.free(k) and _role_begun(text):  # "Name," or "Name, Lord" / "Role"
        parts = attribution_parts(f"{text} {cur.text(k)}", cur.profile)
        taken.append(k)
        k2 = _past_copies(cur, k + 1)
        if parts is None and cur.free(k2) and _role_begun(f"{text} {cur.text(k)}"):
            # The role's first word alone on its line, in a narrow column: "Ann Ek," /
            # "Metropolitan" / "Mayor of Alpha".
            parts = attribution_parts(f"{text} {cur.text(k)} {cur.text(k2)}", cur.profile)
            taken.append(k2)
    if parts is None and cur.free(k) and is_name(text, cur.profile) and len(text.split()) <= 3:
        # A name wrapped onto the role's line: "Ann Maria" / "Ek, Mayor of Alpha". Only
        # when the second line alone would leave a one-word name (a caption before a
        # whole attribution stays a caption).
        alone = attribution_parts(cur.text(k), cur.profile)
        rest = [k]
        k2 = _past_copies(cur, k + 1)
        if alone is None and cur.free(k2) and _role_begun(cur.text(k)):  # "Ek, Deputy" / "Mayor of Alpha"
            alone = attribution_parts(f"{cur.text(k)} {cur.text(k2)}", cur.profile)
            rest = [k, k2]
        if alone is not None and len(alone[0].split()) == 1:
            parts = attribution_parts(" ".join([text, *(cur.text(j) for j in rest)]), cur.profile)
            taken = [i, *rest]
    if parts is None and cur.profile.speech_verb_before.match(text):
        parts = _title_first_parts(without_speech_verb(text, cur.profile), cur.profile)  # "said Mayor Ann Ek."
    if parts is None:
        return None
    name, role = parts
    role = _role_run_on(cur, role, taken)
    return AttributionData(name, role), taken


def _beside(cur: Cursor, i: int, k: int) -> bool:
    """Is line k a piece of line i's printed row, set beside it (text without geometry
    whose source parted a row into its columns' pieces, each keeping the row's number)?"""
    return cur.free(k) and cur.lines[k].bbox is None and cur.lines[k].number == cur.lines[i].number


def _title_first_parts(text: str, profile: Profile) -> tuple[str, str] | None:
    """(name, role) of "Mayor Ann Ek" or "Mayor Ann Ek, Alpha": the role is the title,
    with the place when one follows."""
    match = profile.title_first.match(text)
    if match is None or not is_name(match.group("name"), profile):
        return None
    role = match.group("role") if match.group("place") is None else f"{match.group('role')}, {match.group('place')}"
    return match.group("name"), role


def _role_run_on(cur: Cursor, role: str, taken: list[int]) -> str:
    """The role with the lines it runs on over (a role wrapped in a narrow column, line
    after line); their numbers are added to `taken`. The lines the words carry on are
    counted from the role's first: a name wrapped above it ("Jean Paul" / "Ekberg-Orlo,")
    leaves the role its own. The layout alone (one block) carries it no further than the
    attribution's usual count of lines, the name's among them."""
    named = len(taken) - 1  # the lines holding the name alone, above the role's first

    def lines() -> int:
        return len(taken) - named

    while lines() < _ROLE_MAX_LINES + 1 or (lines() < 2 * _ROLE_MAX_LINES and _role_cut_short(role, cur.profile)):
        j = _past_copies(cur, taken[-1] + 1)
        if not cur.free(j) or _opens_a_stat(cur, j) or (_furniture(cur, j) and not _body_read_as_running_head(cur, j)):
            break
        if rest := _rest_above_quote(cur, role, taken):
            role = " ".join([role, *(cur.text(k) for k in rest)])
            taken += rest
            break
        by_layout = len(taken) < _ROLE_MAX_LINES + 1 or _role_cut_short(role, cur.profile)
        if _role_continues(role, cur.lines[j], cur.text(j), cur.profile, cur.names, by_layout):
            role = f"{role} {cur.text(j)}"
            taken.append(j)
            continue
        # A body's name wrapped once more ("... of Alpha" / "Metropolitan" / "Municipality"),
        # or a place's ("... Autonomous" / "District of Upper" / "Alpha").
        k = _past_copies(cur, j + 1)
        pair = f"{cur.text(j)} {cur.text(k)}" if cur.free(k) and not _furniture(cur, k) else ""
        if not (lines() < _ROLE_MAX_LINES and pair and role.split()[-1][:1].isupper()
                and (names_a_body(pair, cur.profile) or _kind_of_named_place(pair, cur.names, cur.profile)
                     or _place_then_body(pair, cur.names, cur.profile))
                and _role_continues(role, cur.lines[j], pair, cur.profile, cur.names, by_layout)):
            break
        role = f"{role} {pair}"
        taken += [j, k]
    return role


def _furniture(cur: Cursor, j: int) -> bool:
    """Is line j the page's furniture (a page number, a running head: "Award Book | 3")?
    No role runs on into it, though the layout set it in the role's column."""
    return is_noise_line(cur, j) or cur.profile.running_head.match(cur.text(j)) is not None


def _body_read_as_running_head(cur: Cursor, j: int) -> bool:
    """Is line j a body's name that every city's role wraps onto ("Chief Executive of
    Alpha" / "City Council"), which, printed in city after city, reads as a running head?
    Every copy follows a line ending on a capitalised word, no sentence's end (a role's
    place); a running title at a page's foot follows whatever the page ends on."""
    text = cur.text(j)
    if j not in cur.running_heads or not names_a_body(text, cur.profile):
        return False
    key = text.strip().casefold()
    copies = [k for k in cur.running_heads if cur.text(k).strip().casefold() == key]
    return all(k > 0 and _ends_on_a_capital(cur.text(k - 1), cur.profile) for k in copies)


def _ends_on_a_capital(text: str, profile: Profile) -> bool:
    """Does the line end on a capitalised word and read as (part of) a role?"""
    words = text.split()
    return bool(words) and words[-1][:1].isupper() and _may_hold_a_role(text, profile)


def _role_cut_short(role: str, profile: Profile) -> bool:
    """Does the role stop where no role ends, on a small word or a possessive ("District
    of", "Provincial People’s")? Then it goes on past the usual count of lines: a
    narrow column wraps a long role line after line."""
    words = role.split()
    return bool(words) and (words[-1] in profile.name_small_words or bool(_POSSESSIVE.search(words[-1])))


def _opens_a_stat(cur: Cursor, j: int) -> bool:
    """Does line j open a stats entry, alone or with the line after it going on in
    lowercase (a label a narrow table cell wrapped: "City" / "population"), or a box's
    "City: Klow" or "Country: Syldavia"? No role runs on into one. A capitalised line
    after it opens the entry itself: "Mayor of Zenda" / "City" / "Population" / "1,200"
    is the role "Mayor of Zenda City" over a label."""
    profile = cur.profile
    text = cur.text(j)
    if profile.city_entry.match(text) or profile.country_entry.match(text) or _place_label_over_box(cur, j):
        return True
    return stat_key(text, profile) is not None or first_key(profile.stat_label_alone, text) is not None or (
        cur.free(j + 1) and cur.text(j + 1)[:1].islower()
        and first_key(profile.stat_label_alone, f"{text} {cur.text(j + 1)}") is not None)


def _place_label_over_box(cur: Cursor, j: int) -> bool:
    """Is line j a box's label alone ("City", "Country") over a name, with the box's next
    entry or stat under the name, as a table's cells read down its columns give it? A
    role that ends on "City" ("Mayor of Alpha" / "City") is followed by no such box."""
    profile = cur.profile
    if place_label(cur.text(j), profile) is None or not cur.free(j + 1) or not cur.free(j + 2) \
            or not is_name(cur.text(j + 1), profile):
        return False
    below = cur.text(j + 2)
    return place_label(below, profile) is not None or box_entry(below, profile) is not None \
        or stat_key(below, profile) is not None or first_key(profile.stat_label_alone, below) is not None


def attribution_after_quote(cur: Cursor, i: int) -> list[Found] | None:
    """A quote's last line that goes on with its attribution after a dash or a speech
    verb: "… for all.’ — Ann Ek, Mayor of Alpha", "… for all,’ says Ann Ek, Mayor of
    Alpha." (its role perhaps on the lines after). The quote's
    end stays text (the quote paragraph takes it), the rest is the attribution; both
    blocks share the line."""
    text = cur.text(i)
    if not _QUOTE_CLOSE_THEN_DASH.search(text):  # most lines: one quick search
        return None
    match = _QUOTE_THEN_ATTRIBUTION.match(text)
    if match is None or match.group("close") not in cur.profile.close_quotes:
        return None
    found = _attribution_lines(cur, match.group("attribution"), i)
    if found is None:
        return None
    data, taken = found
    attribution_block = Block(BlockKind.ATTRIBUTION, [cur.lines[k] for k in taken],
                              [match.group("attribution"), *(cur.texts[k] for k in taken[1:])], data)
    return [(Block(BlockKind.TEXT, [cur.lines[i]], [match.group("quote")]), [i]), (attribution_block, taken)]


_QUOTE_CLOSE_THEN_DASH = lazy(r"[’”\"»'][.,]?\s+(?:[—–-]|\p{Ll}+\s+\p{Lu})")
_QUOTE_THEN_ATTRIBUTION = lazy(r"^(?P<quote>.*\S(?P<close>[’”\"»'])[.,]?)\s+(?P<attribution>(?:[—–-]\s*|\p{Ll}+\s+)\p{Lu}.*)$")
"""A closing mark, then a dash or a word in lowercase (a speech verb: "’ says Ann Ek,
...", which `attribution_parts` reads) before a capital."""


def attribution_title_first(cur: Cursor, i: int) -> Found | None:
    """"Mayor Ann Ek" or "— Mayor Ann Ek, Alpha": the title before the name, right after
    a quotation or right before one (alone, such a line may as well caption a photo),
    perhaps with a speech verb ("Mayor Ann Ek says:" over the quote). The role is the
    title, with the place when one follows."""
    parts = _title_first_parts(without_speech_verb(cur.text(i), cur.profile), cur.profile)
    if parts is None:
        return None
    after_quote = i > 0 and closes_quote(cur.texts[i - 1], cur.profile)
    if not after_quote and not (cur.free(i + 1) and opens_quote(cur.text(i + 1), cur.profile)):
        return None
    return take(cur, BlockKind.ATTRIBUTION, i, 1, AttributionData(*parts, before_quote=not after_quote))


def attribution_two_lines(cur: Cursor, i: int) -> Found | None:
    """"Name" / "Role of Place", right after a quotation (or, in the front matter, after
    a paragraph: a signature) or right before one (an attribution set above its quote);
    the role may run on over the lines after, as a one-line attribution's does."""
    if i == 0 or not cur.free(i + 1):
        return None
    profile = cur.profile
    prev = cur.texts[i - 1]
    after_quote = closes_quote(prev, profile) or (cur.before_cities and (
        bool(profile.sentence_end.search(prev)) or _listed_entry(cur, prev)))
    before_quote = cur.free(i + 2) and opens_quote(cur.texts[i + 2], profile)
    if not (after_quote or before_quote):
        return None
    parts = split_attribution(cur.texts[i], cur.texts[i + 1], profile)
    if parts is None:
        return None
    # The role may run on over the next lines ("Ann Ek" / "Mayor" / "City of Alpha").
    taken = [i, i + 1]
    name, role = parts[0], _role_run_on(cur, parts[1], taken)
    return take_lines(cur, BlockKind.ATTRIBUTION, taken, AttributionData(name, role, before_quote=not after_quote))


_PERSON_WORDS = range(2, 6)


def attribution_any_title(cur: Cursor, i: int) -> Found | None:
    """"Name, Title of Place" with a title the profile does not know (a local title, a
    word of another language: "Ann Ek, Alderwoman of Alpha"). Alone, such a line may as
    well caption a photo in title case ("Open Day, Festival of Learning"), so it is an
    attribution only where its place says so (right after a quotation's close, or right
    before one opens) or where its role ends on a body's word ("... of Alpha County
    Council", `Profile.role_bodies`), as a speaker's office does and a caption seldom."""
    profile = cur.profile
    text, taken = cur.text(i), [i]
    if text.endswith(",") and cur.free(k := _past_copies(cur, i + 1)):  # "Ann Ek," / "Alderwoman of Zenda"
        text, taken = f"{text} {cur.text(k)}", [i, k]
    match = profile.attribution_any_title.match(text)
    if match is None:
        return None
    name, role = match.group("name").strip(), match.group("role").strip()
    if len(name.split()) not in _PERSON_WORDS or not is_name(name, profile) or profile.sentence_end.search(role):
        return None
    role = _role_run_on(cur, role, taken)
    after_quote = i > 0 and closes_quote(cur.texts[i - 1], profile)
    below = _past_copies(cur, taken[-1] + 1)
    before_quote = cur.free(below) and opens_quote(cur.text(below), profile)
    ends_on_body = role.split()[-1].lower().strip(".,") in profile.role_bodies
    if not (after_quote or before_quote or ends_on_body):
        return None
    return take_lines(cur, BlockKind.ATTRIBUTION, taken,
                      AttributionData(name, role, before_quote=before_quote and not after_quote))


_ENTRY_SEPARATOR = lazy(r"[\s|·•;,–—/]+$")


def stats_row(cur: Cursor, i: int) -> list[Found] | None:
    """Several stats entries on one line, as a strip under a heading sets them:
    "City population: 1,200 | Area: 45 km2 | GDP: US$900" (a bar, a dot, a semicolon
    or only spaces between). Each entry must be a whole "Label: figure"; the blocks
    share the line."""
    profile = cur.profile
    text = cur.text(i)
    if not profile.stat_label_any.match(text):  # most lines: one anchored attempt
        return None
    starts = [m.start() for m in profile.stat_label_any.finditer(text)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    entries = [_ENTRY_SEPARATOR.sub("", text[a:b]) for a, b in zip(starts, [*starts[1:], len(text)])]
    keys = [first_key(profile.stat_line, entry) for entry in entries]
    below = _figure_under_last_label(cur, i, entries[-1]) if keys[-1] is None else None
    if below is not None:
        keys[-1] = below[0]
    if None in keys or len(set(keys)) < len(keys):
        return None
    found: list[Found] = [(Block(BlockKind.STATS, [cur.lines[i]], [entry], StatData(key, entry)), [i])
                          for key, entry in zip(keys, entries) if key is not None]
    if below is not None:
        key, figure = below
        found[-1] = (Block(BlockKind.STATS, [cur.lines[i], cur.lines[i + 1]], [entries[-1], figure],
                           StatData(key, stat_entry(entries[-1], figure))), [i, i + 1])
    return found


def _figure_under_last_label(cur: Cursor, i: int, label: str) -> tuple[str, str] | None:
    """(key, figure) where a row of stats entries ends on a label alone whose figure an
    extractor set on the next line ("City/urban area 231 km² (2019) Annual GDP" /
    "US$20,614 (2017)"): the next line is a figure alone that fits the label's field."""
    key = first_key(cur.profile.stat_label_alone, label.strip())
    if key is None or not cur.free(i + 1):
        return None
    figure = cur.text(i + 1)
    if not cur.profile.stat_figure_alone.match(figure) or not fits_field(key, figure, cur.profile):
        return None
    return key, figure


def stats_across(cur: Cursor, i: int) -> list[Found] | None:
    """One row of stats boxes set side by side (facing pages, one box per city) read row
    by row: n figures alone on their lines, then n labels of one field ("1,200 (2012)" /
    "3,400" / "City population" / "City population"), or the labels first. The k-th
    figure is the k-th label's. Only where the labels say one field n times, exactly:
    any other run is read entry by entry (`stats`)."""
    profile = cur.profile

    def figure(k: int) -> bool:
        return cur.free(k) and profile.stat_figure_alone.match(cur.text(k)) is not None \
            and first_key(profile.stat_label_alone, cur.text(k)) is None

    def label(k: int) -> str | None:
        return first_key(profile.stat_label_alone, cur.text(k)) if cur.free(k) else None

    for figures_first in (True, False):
        n = 0
        while (figure(i + n) if figures_first else label(i + n) is not None):
            n += 1
        if n < 2:
            continue
        figures, labels = (range(i, i + n), range(i + n, i + 2 * n)) if figures_first \
            else (range(i + n, i + 2 * n), range(i, i + n))
        keys = {label(k) for k in labels}
        after = i + 2 * n
        if len(keys) != 1 or None in keys or not all(figure(k) for k in figures) \
                or (label(after) if figures_first else figure(after)):
            continue
        key = keys.pop()
        assert key is not None
        if not all(fits_field(key, cur.text(k), profile) for k in figures):
            continue
        return [take_lines(cur, BlockKind.STATS, sorted((f, lab)),
                           StatData(key, stat_entry(cur.text(lab), cur.text(f))))
                for f, lab in zip(figures, labels, strict=True)]
    return None


def stats(cur: Cursor, i: int) -> Found | list[Found] | None:
    """A stats entry: "Label: figure" on one line, or the label and its figure on two
    lines (a box, a sidebar, a table column), the figure after or before the label."""
    profile = cur.profile
    text = cur.text(i)
    key = first_key(profile.stat_line, text)
    # A box too narrow for the entry wraps its figure's end ("GDP: USD 6,100" / "per capita
    # (2020)") or its label ("Gross domestic product per" / "capita: USD 61,300"): the two
    # lines make the entry, the second is none alone.
    # The year alone on the next line, for an entry whose figure has none yet.
    year_below = key is not None and cur.free(i + 1) and profile.stat_year_alone.match(cur.text(i + 1)) is not None \
        and not _has_year(profile.stat_line[key].match(text))
    if (_goes_on_below(cur, i) or (key is not None and cur.free(i + 1) and _unit_alone(cur.text(i + 1), key, profile))) \
            and not _is_stat_part(below := cur.text(i + 1), profile) \
            and stat_key(below, profile) is None \
            and (joined := first_key(profile.stat_line, f"{text} {below}")) is not None and key in (None, joined) \
            and (key is None or year_below or not profile.stat_year_alone.match(below)):
        return take(cur, BlockKind.STATS, i, 2, StatData(joined, f"{text} {below}"))
    if key:
        # A narrow sidebar may set the year on the next line, its own block in a PDF
        # ("Annual GDP: USD 27,400" / "(2019)").
        if year_below:
            return take(cur, BlockKind.STATS, i, 2, StatData(key, f"{text} {cur.text(i + 1)}"))
        return take(cur, BlockKind.STATS, i, 1, StatData(key, text))
    if (label := _label_lines(cur, i)) and cur.free(i + label[2]):
        key, label_text, m = label
        if (found := _figure_lines(cur, i + m)) and fits_field(key, found[0], profile):
            figure_text, n = found
            return take(cur, BlockKind.STATS, i, m + n, StatData(key, stat_entry(label_text, figure_text)))
        if m == 1 and (split := _figure_beside_caption(cur, i + 1)):
            beside, figure_text = split
            return [beside, take(cur, BlockKind.STATS, i, 2, StatData(key, stat_entry(text, figure_text)))]
    if (found := _figure_lines(cur, i)) and cur.free(i + found[1]) and (label := _label_lines(cur, i + found[1])) \
            and fits_field(label[0], found[0], profile):
        figure_text, n = found
        key, label_text, m = label
        return take(cur, BlockKind.STATS, i, n + m, StatData(key, stat_entry(label_text, figure_text)))
    if key := first_key(profile.stat_label_only, text):  # a label whose figure is missing or unreadable
        # ... or set on the next line after a qualifier, its own block in a PDF ("City
        # population: approx." / "280,000 (2020)").
        if cur.free(i + 1) and profile.stat_figure_alone.match(cur.text(i + 1)) \
                and first_key(profile.stat_line, f"{text} {cur.text(i + 1)}") == key:
            entry, n = _with_year_below(cur, i + 1, cur.text(i + 1))
            return take(cur, BlockKind.STATS, i, 1 + n, StatData(key, f"{text} {entry}"))
        return take(cur, BlockKind.STATS, i, 1, StatData(key, text))
    if (figure_first := _figure_then_label(text, profile)) is not None:
        key, entry = figure_first
        return take(cur, BlockKind.STATS, i, 1, StatData(key, entry))
    if profile.stat_figure_alone.match(text) and profile.stat_units["population"].search(text) \
            and _THOUSANDS_AT_LEAST.search(text):
        # A figure in people with no label beside it ("2,448,723 inhabitants (2016)"); a
        # city counts thousands at least ("300 people" is a caption's crowd).
        return take(cur, BlockKind.STATS, i, 1, StatData("population", stat_entry(profile.population_label, text)))
    return None


def _figure_then_label(text: str, profile: Profile) -> tuple[str, str] | None:
    """(key, entry) for a figure set over its label, run into one line by an extractor
    that joins a block's lines ("1,200 (2016) City population"): only a figure that says it
    is one (grouped digits, a unit, a currency) before a whole label whose field it fits."""
    match = profile.stat_figure_before_text.match(text)
    if match is None or profile.stat_figure_alone.match(text):  # "1,200 inhabitants (2016)": one figure
        return None
    label = match.group("text")
    key = first_key(profile.stat_label_alone, label)
    figure = text[: match.start("text")].strip()
    if key is None or not fits_field(key, figure, profile):
        return None
    return key, stat_entry(label, figure)


def other_stat(cur: Cursor, i: int) -> Found | None:
    """An entry of a stats box that no field is for ("Literacy rate: 81% (2015)" under the
    GDP): set among the stats (a stats entry next to it, or another such entry between),
    it is no caption; no field takes it, so it is reported as unassigned text. So is a
    box's "Country:" or "City:" line naming the city its heading named already, and a
    box's "Country" label alone over its name with the stats under it ("Country" /
    "Ruritania" / "City population"), set before the heading that names the city (a
    "City" label's name, or a country's over the city's entry, heads a city: the
    heading recognisers read those)."""
    profile = cur.profile
    if _names_the_city_headed(cur, i):
        return take(cur, BlockKind.OTHER_STAT, i)
    if _country_over_the_stats(cur, i):
        return take_lines(cur, BlockKind.OTHER_STAT, [i, i + 1])
    if not profile.stat_other_line.match(cur.text(i)) or stat_key(cur.text(i), profile) is not None:
        return None
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(cur.lines) and abs(j - i) <= _OTHER_STATS_APART and profile.stat_other_line.match(cur.text(j)) \
                and stat_key(cur.text(j), profile) is None:
            j += step
        if 0 <= j < len(cur.lines) and abs(j - i) <= _OTHER_STATS_APART and stat_key(cur.text(j), profile) is not None:
            return take(cur, BlockKind.OTHER_STAT, i)
    return None


def _country_over_the_stats(cur: Cursor, i: int) -> bool:
    """Is line i a box's "Country" label alone over the country's name, a stat under it?"""
    profile = cur.profile
    if not profile.country_label.match(cur.text(i)) or not _place_label_over_box(cur, i):
        return False
    below = cur.text(i + 2)
    return stat_key(below, profile) is not None or first_key(profile.stat_label_alone, below) is not None


def stats_note(cur: Cursor, i: int) -> Found | None:
    """A stats box's note set under it: the footnote for a mark one of its entries
    carries ("Population*: 1,200" over "* 2016 census") or a note on its figures ("Note:
    figures for 2016"). No caption; no field takes it, so it is reported as unassigned
    text. A line opened by a mark no entry above carries ("* The Guild Academy ...", a
    list's asterisk) is left to the other recognisers."""
    profile, text = cur.profile, cur.text(i)
    mark = profile.stat_note_mark.match(text)
    if mark is None and not profile.stat_note_label.match(text):
        return None
    box = _box_lines_above(cur, i)
    if not box:
        return None
    if mark is not None and not any(mark["mark"] in cur.text(j).lstrip()[1:] for j in box):
        return None
    return take(cur, BlockKind.OTHER_STAT, i)


def _box_lines_above(cur: Cursor, i: int) -> list[int]:
    """The stats box's lines right over line i (entries, labels or figures alone, entries no
    field is for, other notes), nearest first; empty where the line above is none of these."""
    profile, box = cur.profile, []
    j = i - 1
    while j >= 0 and i - j <= _NOTE_UNDER_BOX:
        text = cur.text(j)
        if stat_key(text, profile) is not None or first_key(profile.stat_label_alone, text) \
                or profile.stat_figure_alone.match(text):
            box.append(j)
        elif not (profile.stat_other_line.match(text) or profile.stat_note_mark.match(text)
                  or profile.stat_note_label.match(text)):
            break
        j -= 1
    return box


_NOTE_UNDER_BOX = 8
"""Lines from a stats note up to the farthest of its box's lines (three label and figure
pairs, two notes)."""


def _names_the_city_headed(cur: Cursor, i: int) -> bool:
    """Is line i a box's "Country: Syldavia" or "City: Klow" naming the city the heading
    above named already? A box entry no field is for, no caption."""
    entry = box_entry(cur.text(i), cur.profile)
    return entry is not None and cur.last_place is not None and fold_name(entry[1]) in cur.last_place


_OTHER_STATS_APART = 3
"""Lines from an unknown entry to the box's nearest known one (two unknown ones between at most)."""


_THOUSANDS_AT_LEAST = lazy(r"\d{1,3}(?:[,.\u2009 ]\d{3})+|\d{4,}|million|thousand", re.IGNORECASE)


def _unit_alone(text: str, key: str, profile: Profile) -> bool:
    """Is `text` only the unit of a `key` entry's figure, perhaps with its year ("km2",
    "km² (2016)")? A narrow box wraps it off its figure, and a PDF may start a block there.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _unit_alone("km2 (2016)", "area_km2", p), _unit_alone("km2 of parks", "area_km2", p)
    (True, False)
    """
    unit, paren, year = text.rpartition("(")
    if not (paren and profile.stat_year_alone.match(paren + year)):
        unit = text
    return profile.stat_units[key].fullmatch(unit.strip()) is not None


def _has_year(entry: re.Match[str] | None) -> bool:
    """Does a stats entry's figure carry its year? (A label's year, "Population (2020)",
    leaves room for the figure's own below it, the more precise of the two.)"""
    return entry is not None and bool(entry.groupdict().get("year"))


def _goes_on_below(cur: Cursor, i: int) -> bool:
    """Is line i + 1 free and, in a PDF, in line i's own block (a narrow box wraps it)?"""
    return cur.free(i + 1) and (cur.lines[i + 1].bbox is None or not cur.lines[i + 1].block_start)


def _label_lines(cur: Cursor, i: int) -> tuple[str, str, int] | None:
    """(key, label, lines taken) of a stat's label alone at line i, perhaps wrapped onto
    the next line in a narrow box or table cell when the two make a longer label
    ("Gross domestic product" / "per capita"), or make one where line i alone is none
    ("Gross domestic product per" / "capita")."""
    profile = cur.profile
    text = cur.text(i)
    key = first_key(profile.stat_label_alone, text)
    if _goes_on_below(cur, i) and not _is_stat_part(cur.text(i + 1), profile):
        joined = f"{text} {cur.text(i + 1)}"
        if (joined_key := first_key(profile.stat_label_alone, joined)) is not None and key in (None, joined_key):
            return joined_key, joined, 2
    return None if key is None else (key, text, 1)


def _is_stat_part(text: str, profile: Profile) -> bool:
    """A label or a figure on its own: not the rest of a wrapped one."""
    return first_key(profile.stat_label_alone, text) is not None or profile.stat_figure_alone.match(text) is not None


def _figure_lines(cur: Cursor, i: int) -> tuple[str, int] | None:
    """(figure, lines taken) of a stat's figure at line i: the line (with its year when set
    below it), or the line and the next when a narrow box wrapped the figure ("approx." /
    "355,000", "USD 6,100 per" / "capita (2020)", "250" / "km²"): the two make a figure and
    one of them alone does not, and the next line is no label."""
    profile = cur.profile
    text = cur.text(i)
    if (cell := _figure_cell(cur, i)) is not None:
        return cell
    alone = profile.stat_figure_alone.match(text)
    if _goes_on_below(cur, i) and first_key(profile.stat_label_alone, cur.text(i + 1)) is None:
        below = cur.text(i + 1)
        joined = profile.stat_figure_alone.match(f"{text} {below}")
        if joined and (alone is None or profile.stat_figure_alone.match(below) is None) \
                and not profile.stat_year_alone.match(below):
            return f"{text} {below}", 2
    return None if alone is None else _with_year_below(cur, i, text)


def _figure_cell(cur: Cursor, i: int) -> tuple[str, int] | None:
    """In a PDF, a figure a narrow cell wrapped over three lines or more of one block
    ("USD" / "6,100" / "per" / "capita" / "(2020)"): the most lines from line i that make
    one figure, no more than one of them a figure alone (two figures in a block are two
    entries). None in text, whose lines carry no block."""
    if cur.lines[i].bbox is None:
        return None
    profile = cur.profile
    texts = [cur.text(i)]
    k = i
    while len(texts) < _CELL_LINES and _goes_on_below(cur, k) and first_key(profile.stat_label_alone, cur.text(k + 1)) is None:
        k += 1
        texts.append(cur.text(k))
    for n in range(len(texts), 2, -1):
        joined = " ".join(texts[:n])
        if profile.stat_figure_alone.match(joined) and sum(bool(profile.stat_figure_alone.match(t)) for t in texts[:n]) <= 1:
            return joined, n
    return None


def _with_year_below(cur: Cursor, i: int, figure: str, n: int = 1) -> tuple[str, int]:
    """The figure set on `n` lines from line i, with its year when that stands alone on
    the next line and the figure has none yet ("1,200" / "(2016)"; "USD" / "1,150" /
    "(2021)"), and how many lines they take."""
    alone = cur.profile.stat_figure_alone.match(figure)
    if alone is not None and alone.group("year") is None and cur.free(i + n) \
            and cur.profile.stat_year_alone.match(cur.text(i + n)):
        return f"{figure} {cur.text(i + n)}", n + 1
    return figure, n


def _figure_beside_caption(cur: Cursor, i: int) -> tuple[Found, str] | None:
    """A label's figure at the end (or the start) of a caption: an extractor that reads a
    row across the page runs the caption beside a stats box into the box's figure
    ("Reading club US$1,200 (2016)", "US$1,200 (2016) Reading club"). The caption
    becomes a block of its own (on the same line) and the figure is returned; only a
    caption-like text qualifies, so a sentence beside a figure stays unsplit, and a line
    that is one figure whole ("US$ 12,800") is no caption ("US$") beside a figure: under
    a label it does not fit ("City/urban area"), it is another label's."""
    text = cur.text(i)
    if cur.profile.stat_figure_alone.match(text):
        return None
    match = cur.profile.stat_figure_after_text.match(text)
    if match is not None:
        beside, figure = match.group("text"), text[match.end("text"):].strip()
    elif (match := cur.profile.stat_figure_before_text.match(text)) is not None:
        beside, figure = match.group("text"), text[: match.start("text")].strip()
    else:
        return None
    if not cur.profile.caption_line_start.match(beside) or not is_caption_like([beside], cur.profile):
        return None
    return (Block(BlockKind.TEXT, [cur.lines[i]], [beside]), [i]), figure


def stats_table(cur: Cursor, i: int) -> list[Found] | None:
    """Stats set as a table: a row of labels, then a row of figures in the same order.

    The labels may share one line ("Population  Area  GDP") or stand one per line,
    and so may the figures; each label is paired with the figure in its place. The last
    label of a row may wrap in its cell onto the next line.
    """
    profile = cur.profile
    labels = row_cells(profile.stat_label_any, cur.text(i))
    label_lines: list[tuple[int, ...]] = [(i,) for _ in labels]  # the lines of each label
    j = i + 1
    # The row's last label wrapped in its cell ("... Gross domestic product per" / "capita").
    if not labels and cur.free(j) and not row_cells(profile.stat_label_any, cur.text(j)) \
            and len(joined := row_cells(profile.stat_label_any, f"{cur.text(i)} {cur.text(j)}")) >= 2:
        label_lines = [(i,) if n + 1 < len(joined) else (j,) for n in range(len(joined))]
        labels, j = joined, j + 1
    if not labels and (wrapped := _labels_word_by_word(cur, i)):
        labels, label_lines, j = wrapped
    while labels and cur.free(j):
        row = row_cells(profile.stat_label_any, cur.text(j))
        lines: tuple[int, ...] = (j,)
        if not row and cur.free(j + 1):
            # One label per line, a cell wrapping one ("Gross domestic product per" /
            # "capita", "City/urban" / "area"): one label the two lines make.
            row, lines = row_cells(profile.stat_label_any, f"{cur.text(j)} {cur.text(j + 1)}"), (j, j + 1)
            if len(row) != 1:
                break
        if not row:
            break
        labels += row  # the label row wrapped, or one label per line
        label_lines += [lines for _ in row]
        j = lines[-1] + 1
    keys = [first_key(profile.stat_label_alone, label) for label in labels]
    if len(labels) < 2 or None in keys or len(set(keys)) < len(keys):
        return None
    # Digits grouped by spaces ("1 975 km²") read as figures side by side ("1", "975 km²")
    # as well: the reading whose count matches the labels' is the table's.
    for spaced in (True, False):
        figures, figure_lines = _figure_row(cur, j, len(labels), spaced)
        if len(figures) == len(labels):
            break
    else:
        return None
    if not all(key is None or fits_field(key, figure, profile) for key, figure in zip(keys, figures)):
        return None  # a figure in another field's unit ("Annual GDP" / "953 km2"): the row is dealt wrong
    return [
        take_lines(cur, BlockKind.STATS, sorted({*a, *b}), StatData(key, stat_entry(label, figure)))
        for key, label, figure, a, b in zip(keys, labels, figures, label_lines, figure_lines)
        if key is not None
    ]


def stats_table_in_a_line(cur: Cursor, i: int) -> list[Found] | None:
    """A stats table's two rows run into one line, as an extractor that joins a block's
    lines gives a table it did not see: two labels or more side by side, then as many
    figures in the same order ("City population City/urban area Annual GDP 1,200 (2016)
    45 km2 US$900"). Each label is paired with the figure in its place; the blocks share
    the line."""
    profile = cur.profile
    text = cur.text(i)
    labels, pos = leading_cells(profile.stat_label_any, text)
    keys = [first_key(profile.stat_label_alone, label) for label in labels]
    if len(labels) < 2 or None in keys or len(set(keys)) < len(keys) or pos == len(text):
        return None
    for spaced in (True, False):
        figures = row_cells(profile.stat_figure_cell, text[pos:])
        if spaced:
            figures = join_spaced_groups(figures)
        if len(figures) == len(labels):
            break
    else:
        return None
    entries = [stat_entry(label, figure) for label, figure in zip(labels, figures, strict=True)]
    return [(Block(BlockKind.STATS, [cur.lines[i]], [entry], StatData(key, entry)), [i])
            for key, entry in zip(keys, entries, strict=True) if key is not None]


_CELL_LINES = 8
"""Lines a row of labels may take when narrow cells wrap each label word by word."""
_CELL_WORDS = 3
"""Words a line of such a cell holds at most (a line of prose is no cell's: the search stops)."""


def _labels_word_by_word(cur: Cursor, i: int) -> tuple[list[str], list[tuple[int, ...]], int] | None:
    """A row of labels whose narrow cells wrapped them, read a line at a time ("City" /
    "population" / "City/urban" / "area" / "Annual" / "GDP"): the fewest lines from line i
    that together make two labels or more, each ending where a line ends, with a row of
    figures on the next line. (labels, the lines of each, the figures' first line)."""
    profile = cur.profile
    if not profile.stat_label_any.match(cur.text(i), partial=True):
        return None  # the first line opens no label, even cut short (most lines: a quick no)
    texts: list[str] = []
    for k in range(i, min(i + _CELL_LINES, len(cur.lines))):
        if not cur.free(k) or len(cur.text(k).split()) > _CELL_WORDS or row_cells(profile.stat_figure_cell, cur.text(k)):
            return None
        texts.append(cur.text(k))
        labels = row_cells(profile.stat_label_any, " ".join(texts))
        if len(labels) < 2 or not cur.free(k + 1) or not row_cells(profile.stat_figure_cell, cur.text(k + 1)):
            continue
        lines = _lines_of_cells(labels, texts, i)
        if lines is not None:
            return labels, lines, k + 1
    return None


def _lines_of_cells(labels: list[str], texts: list[str], first: int) -> list[tuple[int, ...]] | None:
    """The lines (from `first`) each label of `labels` was read from, when every label
    ends where a line ends: each line is whole inside one label."""
    out: list[tuple[int, ...]] = []
    k = 0
    for label in labels:
        taken: list[int] = []
        rest = label
        while rest and k < len(texts) and rest.startswith(texts[k]):
            taken.append(first + k)
            rest = rest[len(texts[k]):].lstrip()
            k += 1
        if rest or not taken:
            return None
        out.append(tuple(taken))
    return out if k == len(texts) else None


def _figure_row(cur: Cursor, j: int, count: int, spaced: bool) -> tuple[list[str], list[tuple[int, ...]]]:
    """The figures of a table from line j on, up to `count`, with the lines of each;
    `spaced`: digits grouped by a space are one figure (`_join_spaced_groups`). A narrow
    cell may wrap its figure, its year or its currency onto lines of their own
    ("1,104,521" / "(2022)", "USD" / "1,150" / "(2021)"): those lines make one figure
    (`_figure_lines`)."""
    figures: list[str] = []
    figure_lines: list[tuple[int, ...]] = []
    while cur.free(j) and len(figures) < count:
        row = row_cells(cur.profile.stat_figure_cell, cur.text(j))
        wrapped = _figure_lines(cur, j) if len(row) <= 1 else None
        if wrapped is not None and wrapped[1] > 1:
            figure, n = _with_year_below(cur, j, *wrapped)
            figures.append(figure)
            figure_lines.append(tuple(range(j, j + n)))
            j += n
            continue
        if not row and figures and (tail := _tail_then_cells(cur.profile, cur.text(j), figures[-1])):
            # The cell before wrapped its year or unit onto this line, the next cells'
            # figures beside it ("312,400" / "(2013) 88.5 km2 US$7,100", "88.5" / "km2 US$7,100").
            figures[-1] = f"{figures[-1]} {tail[0]}"
            figure_lines[-1] = (*figure_lines[-1], j)
            row = row_cells(cur.profile.stat_figure_cell, tail[1])
        if not row:
            break
        if spaced:
            row = join_spaced_groups(row)
        figures += row
        figure_lines += [(j,)] * len(row)
        j += 1
    return figures, figure_lines


def _tail_then_cells(profile: Profile, text: str, figure: str) -> tuple[str, str] | None:
    """(the figure's tail, the rest) where `text` opens with what `figure`'s cell wrapped,
    with more text after it: a year, where `figure` has none; or the unit printed after an
    area's figure ("km2"), where `figure` is a bare number. (A currency is printed before
    its figure: a line opening with one is that figure's.)"""
    if (year := _YEAR_THEN_CELLS.match(text)) and not _YEAR_AT_END.search(figure):
        return year.group("year"), year.group("rest")
    found = profile.stat_units["area_km2"].match(text.lstrip())
    if found is None or not _BARE_NUMBER.fullmatch(figure.strip()):
        return None
    rest = text.lstrip()[found.end() :].strip()
    return (found.group(), rest) if rest else None


_BARE_NUMBER = lazy(r"\d[\d,.]*")
_YEAR_THEN_CELLS = lazy(r"^\s*(?P<year>\((?:1[89]|20)\d{2}\))\s+(?P<rest>\S.*)$")
_YEAR_AT_END = lazy(r"\((?:1[89]|20)\d{2}\)\s*$")




def _entry_of_list(text: str, profile: Profile) -> str:
    """A front-matter entry without its number or its page ("3. Ruritania, Zenda",
    "Ruritania, Zenda ........ 12"): the place alone.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> _entry_of_list("3. Ruritania, Zenda", p), _entry_of_list("Ruritania, Zenda ........ 12", p)
    ('Ruritania, Zenda', 'Ruritania, Zenda')
    >>> _entry_of_list("12  Ruritania, Zenda", p), _entry_of_list("Ruritania, Zenda 12", p)
    ('Ruritania, Zenda', 'Ruritania, Zenda 12')
    """
    place: str = profile.listed_page.sub("", profile.listed_number.sub("", text))
    return place.strip()


def _entry_pair(text: str, profile: Profile) -> tuple[tuple[str, str] | None, bool]:
    """The place a front-matter line lists, "Country, City" or "City (Country)", and
    whether it is an entry only among others: a bulleted pair or one with a name in
    brackets may as well be a lone line of a document's list of terms ("• Valves, Pumps",
    "Software (OPS)"), so only a neighbour listing a place makes it a list's entry."""
    bullet = profile.listed_bullet.match(text)
    entry = _entry_of_list(text[bullet.end() :] if bullet else text, profile)
    if entry.endswith(","):
        return None, False
    pair = split_country_city(entry, profile)
    if pair is not None and bullet is None:
        return pair, False
    pair = pair or city_then_country(entry, profile)
    return pair, pair is not None


def _bar_entry(cur: Cursor, i: int) -> tuple[str, str] | None:
    """"Ruritania | Strelsau" as an entry of the front matter's list: in a run of such
    lines under the list's label or a lead-in ending on a colon. A map sets its labels so
    too, with no such label over them (or under "Map")."""
    def pair_at(k: int) -> tuple[str, str] | None:
        return names_set_apart(cur.text(k), cur.profile) if 0 <= k < len(cur.lines) and " | " in cur.text(k) else None

    if (pair := pair_at(i)) is None or pair_at(i - 1) is None and pair_at(i + 1) is None:
        return None
    k = i - 1
    while pair_at(k) is not None:
        k -= 1
    label = cur.text(k) if k >= 0 else ""
    labelled = bool(cur.profile.front_labels.match(label) or cur.profile.front_list_label.match(label))
    listing = label.rstrip().endswith(":") or (labelled and label.strip().lower() != "map")
    return pair if listing else None


def _listed_entry(cur: Cursor, text: str) -> bool:
    """Is the line an entry of the front matter's list of cities, already read? A signature
    may close the list as it closes a paragraph."""
    pair = _entry_pair(text, cur.profile)[0]
    return pair is not None and folded_pair(pair) in cur.listed


def listed_run(cur: Cursor, i: int) -> list[Found] | None:
    """The front matter's list run into one line ("Syldavia, Klow Borduria, Szohod Nova"),
    as an extractor that joins a block's lines gives it: two entries or more, each a place
    the booklet prints on a line of its own (or whose city it prints alone), and nothing
    else (`listed_runs`); or the list's first entry alone run on after its lead-in, the
    next entry under it (`_first_entry_after_lead_in`)."""
    text = cur.text(i)
    if not cur.before_cities:
        return None
    if (first := _first_entry_after_lead_in(cur, i)) is not None:
        lead_in, pair = first
        cur.names.update(fold_name(p) for p in pair)
        cur.listed[folded_pair(pair)] = pair
        return [(Block(BlockKind.PROSE, [cur.lines[i]], [lead_in]), [i]),
                (Block(BlockKind.LISTED, [cur.lines[i]], [text[len(lead_in):].strip()], ListedData(*pair)), [i])]
    if text.count(",") + text.count("(") < 2:
        return None
    entries = run_at(cur, i)
    found: list[Found] = []
    if entries is None and (after := run_after_lead_in(cur, i)) is not None:
        # The list run on after the paragraph that leads in to it: the paragraph stays prose.
        lead_in, entries = after
        found.append((Block(BlockKind.PROSE, [cur.lines[i]], [lead_in]), [i]))
    if entries is None:
        return None
    for country, city, printed in entries:
        cur.names.update(fold_name(p) for p in (country, city))
        cur.listed[folded_pair((country, city))] = (country, city)
        found.append((Block(BlockKind.LISTED, [cur.lines[i]], [printed], ListedData(country, city)), [i]))
    return found


def _first_entry_after_lead_in(cur: Cursor, i: int) -> tuple[str, tuple[str, str]] | None:
    """The lead-in up to its colon and the one entry run on after it, where the list's
    first entry alone was joined to the paragraph that leads in to it and the next line is
    the list's next entry, or its next entries run together ("... The cities are:
    Syldavia, Klow" over "Borduria, Szohod"): an extractor joins a paragraph's last line
    and the line under it. A colon before a "Name, Name" with no entry under it is prose's."""
    if i + 1 >= len(cur.lines) or (parted := lead_in_apart(cur.text(i), cur.profile)) is None:
        return None
    lead_in, rest = parted
    pair, among_others = _entry_pair(rest.strip(), cur.profile)
    if pair is None or among_others:
        return None
    below = _entry_pair(cur.text(i + 1), cur.profile)[0] is not None or run_at(cur, i + 1) is not None
    return (lead_in, pair) if below else None


def listed(cur: Cursor, i: int) -> Found | None:
    """A "Country, City" entry of the front matter's list of cities (bulleted, or printed
    "City (Country)" among others), perhaps wrapped."""
    if not cur.before_cities:
        return None
    pair, among_others = _entry_pair(cur.text(i), cur.profile)
    # (The others may be run into the line beside it: "Klow (Syldavia) Dawa (Khemed)".)
    if among_others and not any(_entry_pair(cur.text(k), cur.profile)[0] or run_at(cur, k) is not None
                                for k in (i - 1, i + 1) if 0 <= k < len(cur.lines)):
        return None
    if pair is None and (apart := _bar_entry(cur, i)) is not None:
        pair = apart
    text = _entry_of_list(cur.text(i), cur.profile)
    n = 1
    # A line wraps onto a whole entry only when it stops on a small word ("United Federation
    # of Ruritania and" / "Northern Borduria, Zenda"): a signature's last line,
    # "UNESCO", over an unnumbered heading is no country's first words.
    nxt = _entry_of_list(cur.text(i + 1), cur.profile) if cur.free(i + 1) else ""
    if pair is None and nxt and len(nxt) <= HEADING_MAX_CHARS and (
            split_country_city(nxt, cur.profile) is None or ends_on_small_word(text)):
        pair = split_country_city(f"{text} {nxt}", cur.profile)
        n = 2
    if pair is None:
        return None
    cur.names.update(fold_name(p) for p in pair)
    cur.listed[folded_pair(pair)] = pair
    return take(cur, BlockKind.LISTED, i, n, ListedData(*pair))


_FIGURE_THEN_WORD = lazy(r"\s*\d[\d,.]*\s+\p{L}")
"""A line opening with a figure and then a word ("1,000 volunteers"), not a formula's digit."""


_BARE_REACH = 30  # lines within which a bare number's next or last one is printed


def _bare_neighbours(cur: Cursor, i: int, number: int) -> list[int]:
    """The nearest line above and below line i that opens on the bare number before or
    after the one at its start ("2 Learning ..."), at a paragraph's start, with no heading
    between (columns read out of order give "3 ..." before "2 ..."): where there is one, the
    number marks an item. A figure opening a line of prose ("3 New centres opened in
    2019.") has no such neighbour."""
    profile = cur.profile
    found = []
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(cur.lines) and abs(k - i) <= _BARE_REACH:
            bare = profile.item_number_bare.match(cur.text(k))
            if bare is not None and abs(int(bare["number"]) - number) == 1 and (
                    cur.lines[k].block_start or k > 0 and profile.sentence_end.search(cur.texts[k - 1].rstrip())):
                found.append(k)
                break
            if is_unnumbered_heading(cur, k) or cur.taken[k] and _may_head(cur.text(k), profile):
                break
            k += step
    return found


def _may_head(text: str, profile: Profile) -> bool:
    """Could a taken line be a numbered heading ("2 Syldavia, Klow")? Not one that ends a
    sentence or runs longer than a heading: an item read before ("2 A network of 25
    centres that ... schoolchildren.", columns read out of order)."""
    text = text.strip()
    return profile.heading_start.match(text) is not None and len(text) <= HEADING_MAX_CHARS \
        and not profile.sentence_end.search(text)


def _goes_past_a_caption(cur: Cursor, i: int) -> bool:
    """Does a line opening on a bare number read as an item rather than a numbered photo's
    caption ("1 Evening class at the mill"): it ends a sentence, or its paragraph goes on
    over the next line, or the next paragraph carries on its sentence in lowercase (an
    extractor that boxes a hanging number's line apart: "04 A floating" /
    "library for the river villages, ...")?"""
    if cur.profile.sentence_end.search(cur.texts[i].rstrip()):
        return True
    k = i + 1
    return k < len(cur.lines) and cur.profile.item_number_bare.match(cur.text(k)) is None and (
        not cur.lines[k].block_start or cur.text(k)[:1].islower())


def _rest_follows(cur: Cursor, i: int) -> bool:
    """Is line i followed by a paragraph that opens on no item's marker nor bare number?"""
    k = i + 1
    return k < len(cur.lines) and cur.free(k) and cur.profile.item_number_bare.match(cur.text(k)) is None \
        and cur.profile.item_marker.match(cur.text(k)) is None


def list_item(cur: Cursor, i: int) -> Found | None:
    """The first line of a numbered or bulleted item; a number set apart on its own
    line (a hanging number) takes the item's first line with it."""
    profile = cur.profile
    text = cur.text(i)
    # Only where a paragraph may start: a dash inside running text is no bullet.
    if not (cur.lines[i].block_start or i == 0 or profile.sentence_end.search(cur.texts[i - 1].rstrip())
            or cur.taken[i - 1]):
        return None
    if (marker := profile.item_marker.match(text)) is not None:
        return take(cur, BlockKind.TEXT, i, 1, ItemData(marker.group().strip()))
    # A list is items or captions throughout: a line alone whose neighbour is an item's
    # paragraph is an item too, its first line set apart (an extractor that boxes a
    # hanging number's line apart from the rest of its paragraph), where an unmarked
    # paragraph, its rest, follows it (not another number's line: columns' first lines
    # read row by row).
    if (bare := profile.item_number_bare.match(text)) is not None \
            and (near := _bare_neighbours(cur, i, int(bare["number"]))) \
            and (_goes_past_a_caption(cur, i) or _rest_follows(cur, i)
                 and any(_goes_past_a_caption(cur, k) for k in near)):
        return take(cur, BlockKind.TEXT, i, 1, ItemData(bare.group().strip()))
    hanging = profile.item_marker_alone.match(text) and (
        not profile.page_number.match(text) or hangs_before(cur, i))
    # A marker ending its page is a stray: its item's text never opens the next page. The
    # item opens with a capital or a quotation mark, or with a figure and a word after a
    # number or letter whose dot or bracket the profile's marker takes before a figure on
    # one line ("i." / "1,000 volunteers ..."; not "n." / "2 points", a variable, a bare
    # "7", a page's number, nor a bullet or dash).
    if hanging and cur.free(i + 1) and cur.lines[i].printed_page == cur.lines[i + 1].printed_page \
            and (re.match(r"\p{Lu}|[‘“’'\"]", cur.text(i + 1))
                 or text.rstrip()[-1:] in ".)" and _FIGURE_THEN_WORD.match(cur.text(i + 1))
                 and profile.item_marker.match(f"{text.strip()} {cur.text(i + 1).lstrip()}")) \
            and not is_unnumbered_heading(cur, i + 1):
        return take(cur, BlockKind.TEXT, i, 2, ItemData(text))
    return None
