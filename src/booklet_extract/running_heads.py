"""Running headers and footers: lines a booklet prints again page after page.

A title with a page number that changes ("Award Book 2", "3 Award Book") marks a page's
edge in text that has no form feeds. The text source reads it in the extractor's lines;
the repairs read it in the repaired ones and hand it on to the block stage
(`RepairedLines.running_heads`), so it lives apart from each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import HEADING_MAX_CHARS
from .patterns import lazy
from .profile import Profile

_NUMBERED = lazy(r"^\s*(?:(?P<lead>\d{1,3})\s*[|•·]?\s+)?(?P<title>\D.*?\S)(?:\s*[|•·]?\s+(?P<trail>\d{1,3}))?\s*$")
_RUNNING_MIN = 3  # pages a running head must recur on
_RUNNING_SPREAD = 10  # lines between two of its copies at least (closer: a duplicate)


@dataclass(frozen=True)
class RunningHeads:
    """The indexes of a text's running heads, by kind."""

    numbered: frozenset[int]
    """A title with a page number that changes: each marks a page's edge."""
    alone: frozenset[int]
    """A title of a few words alone, printed page after page (or a caption printed again)."""

    @property
    def every(self) -> frozenset[int]:
        return self.numbered | self.alone


def find_running_heads(texts: Sequence[str], profile: Profile) -> RunningHeads:
    """Lines repeated page after page: a title with a page number that changes
    ("Award Book 2", "3 Award Book"), and the title bare after its first numbered copy
    (not before it: that is the cover's), or a title of a few words alone, printed three
    times or more. Sentences and lead-ins never are, nor a line stopping on a word no
    title ends with ("We are proud that", a quote's line printed alike in every city), nor
    is a list's marker alone on its line ("INITIATIVE 3"): its number changes from item
    to item as a page's would.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> heads = find_running_heads(["Award Book 2", "text", "Award Book 3", "4 Award Book", "Award Book 2021"], p)
    >>> sorted(heads.numbered), sorted(heads.alone)
    ([0, 2, 3], [])
    >>> sorted(find_running_heads(["Award Book", "text", "Award Book 2", "Award Book 3", "Award Book", "4 Award Book"], p).numbered)
    [2, 3, 4, 5]
    >>> sorted(find_running_heads((["Learning Cities", "Initiatives include:"] + ["text"] * 10) * 3, p).alone)
    [0, 12, 24]
    >>> sorted(find_running_heads(["INITIATIVE 1", "text", "INITIATIVE 2", "text", "INITIATIVE 3"], p).every)
    []
    >>> sorted(find_running_heads(["495 km2", "text", "49 km2", "text", "110 km2"], p).every)
    []
    >>> sorted(find_running_heads(["412 square", "kilometres", "96 square", "kilometres", "57 square", "kilometres"], p).every)
    []
    """
    numbers: dict[str, set[str]] = {}
    alone: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    keyed: list[tuple[int, str]] = []
    first_numbered: dict[str, int] = {}
    for i, text in enumerate(texts):
        match = _NUMBERED.match(text)
        if not match or profile.item_marker_alone.match(text):  # a list's marker set apart ("INITIATIVE 3")
            continue
        key = " ".join(match.group("title").split()).casefold()
        numbered = bool(match.group("lead")) != bool(match.group("trail"))
        if profile.language.stops_on_run_on_word(key):
            continue  # no title stops on "that" or "to": a line of a sentence ("4 Mobile libraries ... to")
        if not numbered and not (
                not match.group("lead") and len(key.split()) >= 2 and match.group("title")[:1].isupper()
                and "," not in key and len(key) <= HEADING_MAX_CHARS and not profile.sentence_end.search(key)):
            continue
        # Stats labels and figures ("495 km2", "US$1,200") recur as content, also a figure
        # a narrow box wrapped ("412 square" / "kilometres"). (Tested last: the label
        # search reads the whole line, and most lines are out by now.)
        if profile.stat_label_any.search(text) or profile.stat_figure_alone.match(text) or (
                i + 1 < len(texts) and profile.stat_figure_alone.match(f"{text.strip()} {texts[i + 1].strip()}")):
            continue
        if numbered:
            numbers.setdefault(key, set()).add(match.group("lead") or match.group("trail"))
            first_numbered.setdefault(key, i)
        else:
            if i - last_seen.get(key, -_RUNNING_SPREAD) >= _RUNNING_SPREAD:  # a copy close by is a duplicate
                alone[key] = alone.get(key, 0) + 1
            last_seen[key] = i
        keyed.append((i, key))
    # A sentence's first line printed alike in every city (an item's opening, its text
    # going on under it) is no title: each copy runs on into a line in small letters.
    copies: dict[str, list[int]] = {}
    for i, key in keyed:
        copies.setdefault(key, []).append(i)
    # So is an item's first line with its number before it ("01 A fund that finances small"),
    # which reads like a title after a page number that changes.
    wrapped = {key for key, at in copies.items() if _opens_a_sentence(texts, at, profile)}
    # The title printed bare before its first numbered copy is the cover's, not a page's edge.
    return RunningHeads(numbered=frozenset(i for i, key in keyed if len(numbers.get(key, ())) >= _RUNNING_MIN
                                           and i >= first_numbered[key] and key not in wrapped),
                        alone=frozenset(i for i, key in keyed if alone.get(key, 0) >= _RUNNING_MIN
                                        and key not in wrapped))


_SMALL_WORD = lazy(r"(?<!\S)\p{Ll}{4,}(?!\S)")
"""A word of four letters or more in small letters: a title capitalises few such."""


def _opens_a_sentence(texts: Sequence[str], at: Sequence[int], profile: Profile) -> bool:
    """Are the lines `at`, printed alike, the first line of a sentence each time: every
    copy runs on into a line opening in small letters, and the line reads as prose (three
    words or more of four letters in small letters: "An affordable housing and learning
    scheme") or opens with an item's marker ("2 – Evening classes in coding", its number
    changing as a page's would)? A running title over a page that goes on mid-sentence has
    its words capitalised, or its page's first line opens with a capital somewhere."""
    if len(_SMALL_WORD.findall(texts[at[0]])) < 3 and not profile.box_item_marker.match(texts[at[0]]):
        return False
    return all(k + 1 < len(texts) and texts[k + 1].strip()[:1].islower() for k in at)
