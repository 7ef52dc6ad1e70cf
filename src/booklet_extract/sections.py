"""Typed blocks -> front matter + one section per city: cutting, nothing else.

The order of a booklet's text layer is not reading order: a stats box or a
caption may come before the heading it belongs to, and the intro paragraph
sits before its heading. The rules here are about the genre's structure, not
its words:

- A city's intro is the prose paragraph just before its heading on the heading's
  page (captions and stats between them are allowed), or failing that the first paragraph after
  the heading that ends in a lead-in colon.
- A city whose next heading opens a later page owns everything up to that page.
- Otherwise a city closes with its quote and attribution (a quote printed without
  quotation marks below its attribution is told by its place, `_quote_below_attribution`).
  What follows in the same region (page, or text box run in raw text) is still the city's
  (trailing captions);
  from the first block in a new region, the first stats line the city already
  has, or the first paragraph, the blocks belong to the next city.
- Before the first city, walking back from its intro, captions and stats are
  the city's; the first thing that is neither ends the front matter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

import regex as re

from .blocks import Block, BlockKind, HeadingData, ItemData, StatData, names_an_institution
from .line import Line
from .markers import counted_from_one, counts_one_to_n, marker_numbers
from .profile import DEFAULT_PROFILE, Profile

Names = tuple[str, str]
"""A heading's two names, (city, country) as printed or the other way round: which is
which is only known once every heading is read (`places.orient_places`)."""


@dataclass
class CitySection:
    number: int
    country: str
    city: str
    heading: Block
    leading: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    intro: Block | None = None

    @property
    def blocks(self) -> list[Block]:
        return self.leading + self.body


@dataclass
class Sections:
    front: list[Block]
    cities: list[CitySection]
    noise: list[Block]
    trailing: list[Block] = field(default_factory=list)
    """What follows the last city's closing (reported as unassigned unless a later stage
    finds it the city's: its photos' captions read across into one line)."""


def split_sections(blocks: list[Block], profile: Profile) -> Sections:
    """Cut the block stream into front matter and city sections (the rest is unassigned)."""
    noise = [b for b in blocks if b.kind.is_noise]
    content = [b for b in blocks if not b.kind.is_noise]
    heads = [i for i, b in enumerate(content) if b.kind is BlockKind.HEADING]
    position = {id(b): i for i, b in enumerate(blocks)}
    content_index = {id(b): i for i, b in enumerate(content)}
    if not heads:
        return Sections(front=content, cities=[], noise=noise)

    content = _mark_quotes_below_attributions(content, heads, profile, blocks, position)
    heads = [i for i, b in enumerate(content) if b.kind is BlockKind.HEADING]
    # Find each city's intro and where its leading blocks begin.
    edges = _page_edges(blocks)
    starts: list[int] = []
    intros: list[int | None] = []
    prev_end = -1
    for n, h in enumerate(heads):
        intro = None
        j = h - 1
        while j > prev_end and content[j].kind in (BlockKind.CAPTION, BlockKind.STATS):
            j -= 1
        # On the heading's own page: a paragraph ending the page before is the
        # previous city's (its intro may follow its quote in a margin layout). A marked
        # item is no intro: a list's last item set after the quote is the previous city's.
        own = content[h + 1 : heads[n + 1] if n + 1 < len(heads) else len(content)]
        if j > prev_end and content[j].kind is BlockKind.PROSE and content[j].data is None \
                and _ends_on_its_page(blocks, position, content[j], content[h]) \
                and not _lead_in_wins(content[j], own, profile) \
                and not _under_front_label(blocks, position[id(content[j])], profile) \
                and not (n > 0 and all(b.kind in _BETWEEN_FACING for b in content[prev_end + 1 : j])):
            # (A paragraph that opens the heading before's matter, nothing but captions
            # and stats above it, is that city's intro.)
            intro = j
        intros.append(intro)
        if n == 0:
            # Walk back over the full stream: noise (a page number, a map label)
            # marks the page edge, so it ends the walk; a photo's credit does not. A quote set on the heading's
            # own page before it (a margin column read first) is the city's too.
            page = content[h].first.printed_page
            s = position[id(content[intro if intro is not None else h])]
            intro_at = position[id(content[intro])] if intro is not None else -1
            margin = _margin_after_edge(blocks, position[id(content[h])]) if page is None else None
            while s - 1 >= 0 and not _signature_body(blocks, s - 1, page, profile) and (
                    blocks[s - 1].kind in (BlockKind.CAPTION, BlockKind.STATS, BlockKind.CREDIT) or (
                    (blocks[s - 1].first.printed_page == page if page is not None
                     else margin is not None and s - 1 >= margin)
                    and (blocks[s - 1].kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION)
                         or blocks[s - 1].kind.is_noise
                         # the quote printed without marks, just above its attribution
                         or (blocks[s - 1].kind is BlockKind.PROSE and blocks[s].kind is BlockKind.ATTRIBUTION)))
                    # an intro's first paragraphs, right above it
                    or (intro_at - _MAX_INTRO_PARAGRAPHS < s <= intro_at
                        and all(b.kind is BlockKind.PROSE for b in blocks[s : intro_at + 1])
                        and _opens_intro(blocks[s - 1], page, profile))):
                s -= 1
            while blocks[s].kind.is_noise:  # the walk may have stopped on noise: skip it
                s += 1
            foot = _foot_heading_page(content, -1, h, edges) if page is None else None
            starts.append(min(content_index[id(blocks[s])], h if foot is None else foot))
        else:
            starts.append(-1)  # decided below, from the previous city's closing
        prev_end = h

    under_text = _headings_under_their_text(content, heads)
    if under_text is not None:
        starts[0] = min(starts[0], under_text[0])
    cities: list[CitySection] = []
    runs_on = _cities_run_on(content, heads)
    captions_close = runs_on and _captions_follow_quotes(content, heads)
    for n, h in enumerate(heads):
        head = content[h]
        assert isinstance(head.data, HeadingData)
        section = CitySection(
            number=head.data.number,
            country=head.data.country,
            city=head.data.city,
            heading=head,
        )
        cities.append(section)
        # The next city's intro bounds this city's body from above, and so does the
        # next city's page: what its page holds before its heading is its own (a
        # margin column with its stats and quote, read before the body).
        next_intro = intros[n + 1] if n + 1 < len(heads) else None
        limit = next_intro if next_intro is not None else (heads[n + 1] if n + 1 < len(heads) else len(content))
        page_top = _page_top(content, h, heads[n + 1]) if n + 1 < len(heads) and not runs_on else len(content)
        if n + 1 < len(heads) and page_top == heads[n + 1] and (foot := _foot_heading_page(content, h, heads[n + 1], edges)):
            page_top = foot  # text without pages: the next heading ends its page, its text above it
        limit = min(limit, page_top)
        body = content[h + 1 : limit]
        leading = content[starts[n] : h]
        leading_keys = frozenset(_stat_keys(_on_heading_page(leading, content[h])))
        own_entries = _figured_entries(leading)
        if n + 1 < len(heads) and under_text is not None and under_text[n + 1] <= limit:
            split = under_text[n + 1] - (h + 1)  # the next city's text, set above its heading
        elif n + 1 < len(heads) and (page_top == limit < heads[n + 1]
                                     or (not runs_on and _opens_its_page(content, h, heads[n + 1]))):
            split = len(body)  # the next city's page says where this one ends
        else:
            # The next city's margin matter, read after the page edge, starts it at the latest.
            over = _margin_over_the_edge(leading, body, content[heads[n + 1]], edges) \
                if n + 1 < len(heads) else None
            split = _closing_split(body[:over], leading_keys, runs_on, captions_close,
                                   _box_above(leading), own_entries, profile=profile)
        if n + 1 == len(heads):
            split += _items_completing_lists(body[:split], body[split:])
            split += _stats_ending_its_page(body[:split], body[split:], leading_keys)
            split += _boxes_completing_pages(body[:split], body[split:])
            split += _photos_ending_the_booklet(body[:split], body[split:])
        section.body = body[:split]
        if n + 1 < len(heads):
            starts[n + 1] = h + 1 + split
        else:
            trailing = body[split:]  # after the last city: reported as unassigned
    _deal_facing_headings(cities, profile)
    for n, h in enumerate(heads):
        section = cities[n]
        section.leading = content[starts[n] : h]
        # The first city's text above its heading starts where its page's text does.
        page_start = _page_text_above(content, starts[0], section.heading, edges) if n == 0 else starts[n]
        above = section.leading if any(b.kind is BlockKind.PROSE for b in section.leading) else content[page_start:h]
        if _matter_above_heading(section, above, cities[n - 1] if n else None,
                                 [city.city for city in cities if city is not section]):
            # The city's text read before the heading set in a sidebar beside it.
            if n == 0:
                starts[0] = page_start
                section.leading = content[starts[0] : h]
            k = next(k for k, b in enumerate(section.leading) if b.kind in _CITY_TEXT)
            section.body[:0] = section.leading[k:]
            section.leading = section.leading[:k]
        intro_index = intros[n]
        before = content[intro_index] if intro_index is not None and starts[n] <= intro_index < h else None
        if before is not None and all(b is not before for b in section.leading):
            before = None  # moved into the body with the city's text read above its heading
        after = _lead_in_after_heading(section.body, profile)
        head_page = section.heading.first.printed_page
        if after is None and (before is None or not profile.sentence_end.search(before.texts[-1])
                              or head_page is None):
            # A paragraph before the heading that ends no sentence (captions run
            # together) is a weaker intro than one over a plain list after it; so is
            # any in text without pages, where it may end the page before.
            after = _paragraph_above_list(section.body, profile)
        # The paragraph before the heading is the intro unless it lacks the lead-in
        # colon that a paragraph after the heading has (then it is other matter).
        if before is not None and (after is None or profile.lead_in_end.search(before.texts[-1])):
            parts = _intro_paragraphs(section.leading, section.leading.index(before), head_page, profile, edges)
            section.leading = [b for b in section.leading if all(b is not part for part in parts)]
        elif after is not None:
            at = section.body.index(after)
            parts = _intro_paragraphs(section.body, at, head_page, profile, edges)
            if _list_read_before_lead_in(section.body, at, parts):
                parts = [after]  # the paragraphs above stay in the body: the list under the intro
            section.body = [b for b in section.body if all(b is not part for part in parts)]
        else:
            continue
        section.intro = parts[0] if len(parts) == 1 else Block(
            BlockKind.PROSE, [ln for b in parts for ln in b.lines], [t for b in parts for t in b.texts])
    _attributions_over_the_page(cities)
    _margin_closings_of_the_next_city(cities)
    _margin_captions_below_headings(cities)
    _side_stats_of_the_page_before(cities)
    _side_stats_above_headings(cities)
    _two_stats_boxes_in_a_run(cities)
    starts[0] = _front_paragraphs_above(content, starts[0], cities[0])
    front = content[: starts[0]]
    # Facing pages' headings read right page first keep the booklet's order.
    if len({city.number for city in cities}) == len(cities):
        cities.sort(key=lambda city: city.number)
    return Sections(front=front, cities=cities, noise=noise, trailing=trailing)


def _headings_under_their_text(content: list[Block], heads: list[int]) -> list[int] | None:
    """In text without pages: where each city's text begins, when the booklet sets every
    heading (a box naming the city, beside the text on the page) under its city's text,
    as an extractor that reads the box after the main column gives it. Each heading,
    two at least, then stands right under a run of the city's text (paragraphs, quote,
    attribution) since the heading before or the attribution before (the foreword's),
    whose attribution names no other city, and most of them (more than half) that
    heading's city or country (a governor's title may name the region instead), or whose
    first paragraph's first sentence does (an intro names its town first): a booklet that
    sets its headings over their text has the city before's text there. The first town's
    text opens with such a paragraph where one is found, not in the foreword above it.
    None otherwise; with pages, the page tells."""
    if len(heads) < 2 or any(content[h].first.printed_page is not None for h in heads):
        return None
    places = [(data.city, data.country) for h in heads if isinstance(data := content[h].data, HeadingData)]
    if len(places) != len(heads):
        return None
    found, own = [], 0
    for n, h in enumerate(heads):
        k, said_once = h, False
        while k - 1 > (heads[n - 1] if n else -1) and content[k - 1].kind in _CITY_TEXT \
                and not (said_once and content[k - 1].kind is BlockKind.ATTRIBUTION):
            said_once = said_once or content[k - 1].kind is BlockKind.ATTRIBUTION
            k -= 1  # (an attribution above the city's own closes the text before: the foreword's)
        run = content[k:h]
        said = " ".join(t for b in run if b.kind is BlockKind.ATTRIBUTION for t in b.texts)
        others = [city for m, (city, _) in enumerate(places) if m != n]
        if not any(b.kind is BlockKind.PROSE for b in run) or any(names_place(said, other) for other in others):
            return None
        opening = _opening_intro(run, places[n], others, first=n == 0)
        if n == 0 and opening:
            k += opening  # the first town's text opens with its intro, not in the foreword above
        own += _said_of(said, places[n], others) or opening is not None
        found.append(k)
    return found if 2 * own > len(heads) else None


def _opening_intro(run: list[Block], names: tuple[str, str], others: list[str], first: bool) -> int | None:
    """Where in a town's text read above its box (`run`, its closing included) the intro
    stands that names the town (`names`, and no other town) in its first sentence: the
    run's first paragraph, or for the booklet's first town, whose run may begin in the
    front matter, the second where the first names no town at all (a foreword). None
    where no such intro opens the run, or the run holds no closing (then only an intro
    stands over the heading, the rest of the text under it)."""
    if not any(b.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION) for b in run):
        return None
    prose = [m for m, b in enumerate(run) if b.kind is BlockKind.PROSE]
    for m in prose[: 2 if first else 1]:
        sentence = _first_sentence(run[m])
        if _said_of(sentence, names, others):
            return m
        if any(names_place(sentence, name) for name in (*names, *others)):
            return None
    return None


def _margin_over_the_edge(leading: list[Block], body: list[Block], head: Block, edges: dict[int, int]) -> int | None:
    """In text that gives no pages: where the next city's margin matter begins in `body`,
    read after the page edge (a page number, a running head) and before its heading
    (`head`): its quote or a stats entry the city has already, with nothing but stats
    and photos' captions about it, where the city has its own quote (in its `leading`
    matter or its body) and has closed on its attribution before the edge. None when
    the body holds no such matter: a city whose photos run over to the next page's
    top keeps them, and so does one whose quote is set below its attribution."""
    if head.first.printed_page is not None or not body:
        return None
    page = edges.get(id(head))
    k = len(body)
    while k > 0 and edges.get(id(body[k - 1])) == page:
        k -= 1
    tail = body[k:]
    if not tail or k == 0 or not all(b.kind in _MARGIN_MATTER for b in tail) \
            or not (any(b.kind is BlockKind.QUOTE for b in tail)
                    or set(_stat_keys(tail)) & set(_stat_keys(leading + body[:k]))) \
            or not any(b.kind is BlockKind.ATTRIBUTION for b in body[:k]) \
            or not any(b.kind is BlockKind.QUOTE for b in leading + body[:k]):
        return None
    return k


def _margin_after_edge(blocks: list[Block], head: int) -> int | None:
    """In text that gives no pages: where the first heading's margin matter (its quote,
    stats, captions, read before it) begins, right after a page edge (a page number or
    running head) with nothing else between it and the heading `blocks[head]`. None
    when no edge stands right above such matter."""
    k = head
    while k > 0 and blocks[k - 1].kind in _MARGIN_MATTER + (BlockKind.ATTRIBUTION, BlockKind.CREDIT):
        k -= 1
    if k == head or k == 0 or blocks[k - 1].kind not in (BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD):
        return None
    return k


# What a margin column beside a city's body holds.
_MARGIN_MATTER = (BlockKind.STATS, BlockKind.CAPTION, BlockKind.QUOTE)


def _front_paragraphs_above(content: list[Block], start: int, first: CitySection) -> int:
    """Where the front matter ends (`start`, or later): the first city's leading blocks up
    to its last paragraph that is not the city's intro are the front's (in text with no
    pages, the walk back from an intro candidate above the heading takes the front's
    paragraph and the title over it; once the intro is found under the heading, they are
    no city's). Moves them out of the city. Not where a quote or its speaker leads too (a
    margin column read first, whose paragraph may be the city's quote printed without
    marks), nor where the intro or body sits among them."""
    if any(b.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION) for b in first.leading):
        return start
    leading = {id(b) for b in first.leading}
    head = next(k for k in range(start, len(content)) if content[k] is first.heading)
    last = next((k for k in range(head - 1, start - 1, -1) if id(content[k]) in leading
                 and content[k].kind is BlockKind.PROSE and content[k].data is None), None)
    if last is None or any(id(b) not in leading for b in content[start:last]):
        return start
    moved = {id(b) for b in content[start : last + 1]}
    first.leading = [b for b in first.leading if id(b) not in moved]
    return last + 1


def _margin_captions_below_headings(cities: list[CitySection]) -> None:
    """Captions of a margin column beside two cities, read whole before the body (the
    first city's leading blocks, or its body): those set left or right of the next
    city's heading, lower on its page than its top, are that city's, in place. Only
    where the city before has no other matter that low on the page: in two columns, its
    text may go on in the first column beside the next city's heading, and so may its
    captions."""
    for before, after in pairwise(cities):
        head = after.heading.first
        if head.bbox is None:
            continue
        if any(_set_below(b, head) for b in [*before.leading, *before.body] if b.kind is not BlockKind.CAPTION):
            continue
        moved = [b for b in [*before.leading, *before.body]
                 if b.kind is BlockKind.CAPTION and _set_below(b, head) and _beside(b, head)]
        if moved:
            before.leading = [b for b in before.leading if all(b is not m for m in moved)]
            before.body = [b for b in before.body if all(b is not m for m in moved)]
            after.body = [*after.body, *moved]


def _attributions_over_the_page(cities: list[CitySection]) -> None:
    """An attribution read before a city's heading that names the city before and not
    this one is the city before's, in place, where that city has a quote and no
    attribution: a margin quote ran over the page, and its speaker stands at the next
    page's top, above the next city's heading (a margin column read first). The first
    city's own margin quote and attribution, read before its heading, name that city.
    Read inside the next city's matter, where that city has an attribution of its own
    besides, it is the city before's too (facing pages read across: the left page's
    speaker after the right page's items). A city before with no closing at all takes the
    attribution with the quote right above it, read above the next heading or inside the
    next city's matter on the same page, where the next city has a speaker of its own."""
    for before, after in pairwise(cities):
        own = [*before.leading, *before.body]
        quoted = any(b.kind is BlockKind.QUOTE for b in own)
        if any(b.kind is BlockKind.ATTRIBUTION for b in own):
            continue
        for part in ("leading", "body"):
            blocks: list[Block] = getattr(after, part)
            moved = [b for b in blocks if b.kind is BlockKind.ATTRIBUTION
                     and names_place(b.text, before.city) and not names_place(b.text, after.city)]
            own_speaker = any(b.kind is BlockKind.ATTRIBUTION and all(b is not m for m in moved) for b in after.blocks)
            if len(moved) != 1:
                continue
            at = next(k for k, b in enumerate(blocks) if b is moved[0])
            if quoted and (part == "leading" or own_speaker):
                setattr(after, part, blocks[:at] + blocks[at + 1 :])
                before.body = [*before.body, moved[0]]
                break
            # A city with no closing at all takes it with the quote right above it, read
            # above the next heading (each facing page read whole, the left page's closing
            # after the running heads) or inside its matter on the same page (facing pages
            # read across).
            if not quoted and (part == "leading" or _same_page(before.heading, after.heading)) \
                    and own_speaker and at > 0 and (
                    blocks[at - 1].kind is BlockKind.QUOTE
                    or (blocks[at - 1].kind is BlockKind.PROSE and blocks[at - 1].data is None)):
                setattr(after, part, blocks[: at - 1] + blocks[at + 1 :])
                before.body = [*before.body, *blocks[at - 1 : at + 1]]
                break


def _margin_closings_of_the_next_city(cities: list[CitySection]) -> None:
    """Two cities' quotes read together (two cities on one page, their quotes in a margin
    column): an attribution that names the next city and not this one (or, naming none,
    under a quote that does), with the quote right above it, is the next city's, in
    place, where the next city has no quote or attribution of its own. It may stand
    before this city's heading (the margin column read first) or at the end of its
    matter (read after the body). The last pair is looked at first: where every city's
    quote was read before the next city's, each passes one on."""
    for before, after in reversed(list(pairwise(cities))):  # the last first: each may pass one on
        if any(b.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION) for b in after.blocks):
            continue
        for part in ("leading", "body"):
            blocks: list[Block] = getattr(before, part)
            named = [k for k, b in enumerate(blocks) if b.kind is BlockKind.ATTRIBUTION
                     and _names_the_next(b, blocks[k - 1] if k else None, before.city, after.city)]
            if len(named) != 1:
                continue
            k = named[0]
            first = k - 1 if k > 0 and blocks[k - 1].kind is BlockKind.QUOTE else k
            after.leading = [*blocks[first : k + 1], *after.leading]
            setattr(before, part, blocks[:first] + blocks[k + 1 :])
            break


def _names_the_next(attribution: Block, above: Block | None, own: str, nxt: str) -> bool:
    """Does an attribution name the next city `nxt` and not its own, or, naming neither,
    does the quote right above it?"""
    to_next, to_own = names_place(attribution.text, nxt), names_place(attribution.text, own)
    if not (to_next or to_own) and above is not None and above.kind is BlockKind.QUOTE:
        to_next, to_own = names_place(above.text, nxt), names_place(above.text, own)
    return to_next and not to_own


def _side_stats_of_the_page_before(cities: list[CitySection]) -> None:
    """A side column of stats on a page of cities run on, read after that page's body:
    read after the last city's closing there, it fell among the next city's leading
    matter, though that city's heading is on a later page (a box set above a heading is
    on its page). Such entries go back to the city before, whose text is on their page,
    where `_side_stats_above_headings` deals them between that page's cities."""
    for before, after in pairwise(cities):
        head = after.heading.first.printed_page
        if head is None:
            continue
        pages = {line.printed_page for block in before.body for line in block.lines}
        moved = [b for b in after.leading if isinstance(b.data, StatData) and _on_a_page_before(b, head)
                 and b.first.printed_page in pages]
        if moved:
            after.leading = [b for b in after.leading if all(b is not m for m in moved)]
            before.body = [*before.body, *moved]


def _side_stats_above_headings(cities: list[CitySection]) -> None:
    """A side column of stats beside two cities, read whole after the page's body: the
    entries set above the second city's heading, left or right of it, are the first
    city's, in place. Only where the second city holds each such field twice (its own
    entry lower down) and the first none: a stats box set above its own heading keeps
    its entries."""
    for before, after in pairwise(cities):
        head = after.heading.first
        if head.bbox is None:
            continue
        keys = Counter(_stat_keys(after.body))
        held = set(_stat_keys([*before.leading, *before.body]))
        moved = [b for b in after.body if isinstance(b.data, StatData) and keys[b.data.key] > 1
                 and b.data.key not in held and b.first.page == head.page and not _set_below(b, head)
                 and _beside(b, head)]
        if moved:
            after.body = [b for b in after.body if all(b is not m for m in moved)]
            before.body = [*before.body, *moved]


def _two_stats_boxes_in_a_run(cities: list[CitySection]) -> None:
    """Two cities' stats boxes read one after the other in the second city's body (a
    side column read after the page's body, in text without positions): a run of stats
    entries whose fields come twice in the same order ("City population", "Area", "GDP",
    then again). The first box is the first city's where it holds none of those fields."""
    for before, after in pairwise(cities):
        held = set(_stat_keys([*before.leading, *before.body]))
        body = after.body
        k = 0
        while k < len(body):
            end = k
            while end < len(body) and isinstance(body[end].data, StatData):
                end += 1
            run = body[k:end]
            keys = _stat_keys(run)
            half = len(keys) // 2
            if len(keys) >= 4 and len(keys) % 2 == 0 and keys[:half] == keys[half:] \
                    and len(set(keys[:half])) == half and not held & set(keys):
                before.body = [*before.body, *run[:half]]
                after.body = [*body[:k], *body[k + half :]]
                break
            k = end + 1


def _stat_keys(blocks: list[Block]) -> list[str]:
    """The fields of the stats entries among `blocks`, in order."""
    return [b.data.key for b in blocks if isinstance(b.data, StatData)]


def _beside(block: Block, head: Line) -> bool:
    """Is every line of `block` set left or right of the heading `head` (a side column),
    none across its width?"""
    assert head.bbox is not None
    x0, x1 = head.bbox[0], head.bbox[2]
    return all(ln.bbox is not None and (ln.bbox[2] <= x0 or ln.bbox[0] >= x1) for ln in block.lines)


def _set_below(block: Block, head: Line) -> bool:
    """Is `block` set on `head`'s page, its top no higher than the heading's?"""
    line = block.first
    return line.bbox is not None and head.bbox is not None and line.page == head.page and line.bbox[1] >= head.bbox[1]


# The kinds of a city's own text, as against the stats and photos set beside its heading.
_CITY_TEXT = (BlockKind.PROSE, BlockKind.QUOTE, BlockKind.ATTRIBUTION)


def _matter_above_heading(section: CitySection, above: list[Block], before: CitySection | None,
                          others: list[str]) -> bool:
    """Was the city's text read before its heading? An extractor may read a page's main
    column before a sidebar holding the heading, the stats and the photos (pdfminer on
    a grid layout, page by page as it goes): then the heading's body holds nothing but
    stats and captions, and the blocks above it open with a paragraph naming the city
    (and no other) in its first sentence, as an intro does, their attribution naming no
    other city, or close on an attribution
    naming the city, or, with a quote, on one naming no other city of the booklet
    (`others`) where the city before has closed on its own quote and attribution (a role
    may name the city otherwise: "... in Alpha" for "Alpha Harbour City")."""
    if any(b.kind is BlockKind.PROSE for b in section.body):
        return False
    if any(b.kind in _CITY_TEXT for b in section.body):
        return _prose_above_closing_below(section, above, others)
    said = " ".join(t for b in above if b.kind is BlockKind.ATTRIBUTION for t in b.texts)
    opening = next((b for b in above if b.kind is BlockKind.PROSE), None)
    if opening is not None and _said_of(_first_sentence(opening), (section.city, section.country), others) \
            and not any(names_place(said, other) for other in others):
        return True  # the text above opens with the city's intro, naming it first
    if not said or names_place(said, section.city) or names_place(said, section.country):
        return bool(said)  # (the heading's names may be read in either order yet: "Klow, Syldavia")
    closed = before is not None and all(any(b.kind is kind for b in before.body)
                                        for kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION))
    return closed and any(b.kind is BlockKind.QUOTE for b in above) and not any(names_place(said, o) for o in others)


def _prose_above_closing_below(section: CitySection, above: list[Block], others: list[str]) -> bool:
    """Was the city's prose read before its heading, its closing after it? A sidebar
    holding the heading (a box naming the city and the country) may be read after the
    main column's paragraphs and before the quote, or the quote may be read with the
    paragraphs and its attribution with the sidebar: the heading's body then holds no
    paragraph, only stats, photos and the closing, whose attribution names the city
    or its country, and the blocks above it hold the city's paragraphs. A heading over
    a closing naming another city, or none, keeps the paragraphs above it where they
    are (the city before's)."""
    said = " ".join(t for b in section.body if b.kind is BlockKind.ATTRIBUTION for t in b.texts)
    return _said_of(said, (section.city, section.country), others) and any(b.kind is BlockKind.PROSE for b in above)


def _first_sentence(block: Block) -> str:
    """The first sentence of a paragraph (an intro names its town there)."""
    first: str = _FIRST_SENTENCE_END.split(" ".join(block.texts), maxsplit=1)[0]
    return first


_FIRST_SENTENCE_END = re.compile(r"[.!?][’”'\")]?\s+(?=[‘“'\"]?\p{Lu})")


def _said_of(said: str, names: tuple[str, str], others: list[str]) -> bool:
    """Does an attribution (`said`) name the city or its country (`names`), and none of
    the booklet's other cities (`others`)? Then the closing is that city's."""
    return any(names_place(said, name) for name in names) and not any(names_place(said, other) for other in others)


def _page_text_above(content: list[Block], start: int, heading: Block, edges: dict[int, int]) -> int:
    """Where the first city's text read before its heading begins: the text blocks on the
    heading's page above `start` (its quote and attribution) are the city's too. In text
    without pages, the page edges (`_page_edges`) say where the page begins; text with no
    edge above the heading gives no bound."""
    page, edge = heading.first.printed_page, edges.get(id(heading))
    if page is None and not edge:
        return start

    def on_its_page(block: Block) -> bool:
        return block.first.printed_page == page if page is not None else edges.get(id(block)) == edge

    k = start
    while k > 0 and content[k - 1].kind in _CITY_TEXT and on_its_page(content[k - 1]):
        k -= 1
    return k


def _foot_heading_page(content: list[Block], prev: int, head: int, edges: dict[int, int]) -> int | None:
    """In text that gives no pages: where heading `head`'s page begins (`_page_edges`),
    when the heading is set at its page's foot under its city's text (a box naming the
    city, set last): its stats after it and nothing but stats and photos' captions
    before the page edge, the page's text above it closing on an attribution, and
    heading `prev` (-1 for none) on an earlier page. None otherwise: a heading over its
    page's edge has its stats and text on the next page."""
    heading = content[head]
    page = edges.get(id(heading))
    if heading.first.printed_page is not None or not page or (prev >= 0 and edges.get(id(content[prev])) == page):
        return None
    after = head + 1
    while after < len(content) and edges.get(id(content[after])) == page:
        if content[after].kind not in _BETWEEN_FACING:
            return None
        after += 1
    if not any(b.kind is BlockKind.STATS for b in content[head + 1 : after]):
        return None
    k = head
    while k - 1 > prev and edges.get(id(content[k - 1])) == page:
        k -= 1
    text = [b for b in content[k:head] if b.kind in _CITY_TEXT]
    if not text or text[-1].kind is not BlockKind.ATTRIBUTION or not any(b.kind is BlockKind.PROSE for b in text):
        return None
    return k


def _items_completing_lists(body: list[Block], trailing: list[Block]) -> int:
    """How many of the blocks after the last city's closing are items of its facing
    pages' lists, one list's last item set after the quotes (read below them): numbered
    items in the body's style, each filling a gap (a number another list has and this
    one lacks), so that every list then counts 1..N. Else none: back matter is not
    taken, nor an item that would make a list longer than any printed before it."""
    items = [b for b in body if isinstance(b.data, ItemData)]
    styles = {re.sub(r"\w", "", b.data.marker) for b in items if isinstance(b.data, ItemData)}
    taken = 0
    while taken < len(trailing) and isinstance(data := trailing[taken].data, ItemData) \
            and re.sub(r"\w", "", data.marker) in styles:
        taken += 1
    numbers = marker_numbers([b.data.marker for b in [*items, *trailing[:taken]] if isinstance(b.data, ItemData)])
    if not taken or numbers is None:
        return 0
    counts = Counter(numbers[: len(items)])
    whole = Counter(numbers)
    lists = max(counts.values())
    if lists < 2 or any(counts[k] >= lists for k in numbers[len(items):]) or set(whole.values()) != {lists} \
            or sorted(whole) != list(range(1, len(whole) + 1)):
        return 0
    return taken


def _stats_ending_its_page(body: list[Block], trailing: list[Block], leading_keys: frozenset[str]) -> int:
    """How many of the blocks after the last city's closing are its own, set below its
    quote on the quote's page: the run up to the last stats entry there, where that run
    gives the city stats it has none of (not in its body, not in a box above its
    heading), each once, with only paragraphs, captions and page furniture between (an
    unmarked list's last item, read after the quote). Else none: back matter prints no
    city's stats, and text that gives no pages says nothing of where the city ends."""
    page = body[-1].last.printed_page if body else None
    if page is None:
        return 0
    seen = set(leading_keys) | set(_stat_keys(body))
    end = 0
    for k, block in enumerate(trailing):
        if block.first.printed_page != page:
            break
        if isinstance(block.data, StatData):
            if block.data.key in seen:
                return 0
            seen.add(block.data.key)
            end = k + 1
        elif not (block.kind in (BlockKind.PROSE, BlockKind.CAPTION) or block.kind.is_noise) \
                or (block.kind is BlockKind.PROSE and end):
            break
    return end


def _boxes_completing_pages(body: list[Block], trailing: list[Block]) -> int:
    """How many of the blocks after the last city's closing are its facing pages' stats
    boxes and photos, read after both pages' quotes: where the body closes on the quotes
    (or attributions) of several pages, the run of stats and captions after it that
    holds a stats entry and, with the body's, each label once per page. Else none: a
    box that does not make one per page is back matter's."""
    pages = _closings(body)
    if pages < 2:
        return 0
    taken = 0
    while taken < len(trailing) and trailing[taken].kind in (BlockKind.STATS, BlockKind.CAPTION):
        taken += 1
    labels = Counter(_stat_keys([*body, *trailing[:taken]]))
    return taken if _stat_keys(trailing[:taken]) and set(labels.values()) == {pages} else 0


def _photos_ending_the_booklet(body: list[Block], trailing: list[Block]) -> int:
    """How many of the blocks after the last city's closing are its photos' captions: all
    of them, where they are captions (and page furniture) only, on the page the city
    closes on, and the city has none before. A layout mode's text sets a row of captions
    apart (indented, a region of its own), so the closing's split left them behind."""
    if not trailing or any(b.kind is BlockKind.CAPTION for b in body) or not body:
        return 0
    if not all(b.kind is BlockKind.CAPTION or b.kind.is_noise for b in trailing):
        return 0
    captions = [b for b in trailing if b.kind is BlockKind.CAPTION]
    page = body[-1].last.printed_page
    if not captions or page is None or any(b.first.printed_page != page for b in captions):
        return 0
    return trailing.index(captions[-1]) + 1


def _lead_in_wins(before: Block, body: list[Block], profile: Profile) -> bool:
    """Is the paragraph `before`, set above a heading, not its city's intro, because it
    ends no lead-in and the heading's own `body` holds one (the rule that picks the intro
    in `split_sections` says so)? Then it is the city before's: the last of its unmarked
    items, set above the next heading on its page."""
    return not profile.lead_in_end.search(before.texts[-1]) and _lead_in_after_heading(body, profile) is not None


def _under_front_label(blocks: list[Block], k: int, profile: Profile) -> bool:
    """Is the paragraph blocks[k] set under a front-matter label ("Introduction",
    "Foreword": furniture, so read in the whole stream), right under it or after other
    plain paragraphs under it (`_MAX_INTRO_PARAGRAPHS` in all)? Then it is the
    booklet's, not the intro of the heading after it."""
    j = k - 1
    while j >= 0 and k - j < _MAX_INTRO_PARAGRAPHS and blocks[j].kind is BlockKind.PROSE and blocks[j].data is None:
        j -= 1
    return j >= 0 and blocks[j].kind is BlockKind.LABEL and bool(profile.front_labels.match(blocks[j].text.strip()))


def _ends_on_its_page(blocks: list[Block], position: dict[int, int], block: Block, heading: Block) -> bool:
    """Does `block` end on `heading`'s page? Where the text gives pages, they say; where
    it gives none, no page number or running head may stand between the two."""
    page = heading.first.printed_page
    if page is not None:
        return block.last.printed_page == page
    return not _page_edge_between(blocks, position[id(block)], position[id(heading)])


def _page_edge_between(blocks: list[Block], a: int, b: int) -> bool:
    """Is a page number or running head printed between blocks `a` and `b`? In text that
    gives no page breaks, that is where one page ended and the next began."""
    return any(block.kind in (BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD) for block in blocks[a + 1 : b])


def _intro_paragraphs(blocks: list[Block], k: int, page: int | None, profile: Profile,
                      edges: dict[int, int]) -> list[Block]:
    """The intro found at `blocks[k]` with the paragraphs it goes on from: an intro of
    two or three paragraphs is printed as one run of plain paragraphs, each ending a
    sentence, right above the one that leads into the list, on the heading's `page`. A
    lead-in colon or an item's marker above stops the run (a list is there). `edges`:
    `_page_edges` of the whole stream."""
    first = k
    while first > max(0, k - _MAX_INTRO_PARAGRAPHS + 1) and (
            _opens_intro(blocks[first - 1], page, profile) or _goes_on_over_the_page(blocks[first - 1], blocks[first],
                                                                                      page, profile, edges)):
        first -= 1
    # A sidebar's stats or photos read between the page's last line and the next page's
    # rest ("... the people of" / the box / "the hills. ...:"), or between two lines of
    # the page (a layout mode's row of the sidebar between the intro's rows): the rest
    # goes on from the paragraph above them all the same.
    above = first - 1
    while above >= 0 and blocks[above].kind in (BlockKind.STATS, BlockKind.CAPTION):
        above -= 1
    if above < first - 1 and above >= 0 and _goes_on(blocks[above], blocks[first], profile):
        return [blocks[above], *blocks[first : k + 1]]
    return blocks[first : k + 1]


def _list_read_before_lead_in(body: list[Block], k: int, parts: list[Block]) -> bool:
    """Are the plain paragraphs above the lead-in `body[k]` that `_intro_paragraphs` took
    with it (`parts`) its list, read before it (plain pdftotext reads a list in columns
    before the full-width lead-in over it)? Two or more of them, and no paragraph at all
    after the lead-in: a lead-in always has its list after it, and an intro's first
    paragraphs leave it there."""
    return len(parts) > 2 and not any(block.kind is BlockKind.PROSE for block in body[k + 1 :])


def _page_edges(blocks: list[Block]) -> dict[int, int]:
    """For each block of the stream (by id), how many page numbers and running heads come
    before it: two blocks with different counts stand on either side of a page edge, in
    text that gives no page breaks too."""
    edges: dict[int, int] = {}
    seen = 0
    for block in blocks:
        if block.kind in (BlockKind.PAGE_NUMBER, BlockKind.RUNNING_HEAD):
            seen += 1
        edges[id(block)] = seen
    return edges


def _goes_on_over_the_page(above: Block, block: Block, page: int | None, profile: Profile,
                           edges: dict[int, int]) -> bool:
    """Is `block` the rest of the plain paragraph `above`, broken off mid-sentence at the
    end of the heading's page ("... with a network of" / "learning spaces ...", or
    after a comma)? The next page's text opens in lowercase where it goes on. Text that
    gives no pages says where one ends by a page number or running head between the two."""
    if page is not None:
        over = above.last.printed_page == page and block.first.printed_page != page
    else:
        over = edges.get(id(above), 0) != edges.get(id(block), 0)
    return over and _goes_on(above, block, profile)


def _goes_on(above: Block, block: Block, profile: Profile) -> bool:
    """Is `block` the rest of the plain paragraph `above`, which stops mid-sentence, the
    rest opening in lowercase?"""
    return (_plain_paragraph(above, profile) and not profile.item_end.search(above.texts[-1])
            and block.texts[0].lstrip()[:1].islower())


def _opens_intro(above: Block, page: int | None, profile: Profile) -> bool:
    """May `above`, just over an intro paragraph, be the intro's first paragraph? A plain
    paragraph ending a sentence (no lead-in colon, hence no list label; no marker) on the
    heading's page."""
    return (_plain_paragraph(above, profile) and bool(profile.item_end.search(above.texts[-1]))
            and (page is None or above.last.printed_page == page))


# An intro printed in more paragraphs than this is taken as its last ones only.
_MAX_INTRO_PARAGRAPHS = 3


def _cities_run_on(content: list[Block], heads: list[int]) -> bool:
    """Do the booklet's cities run on down the page (some page holds one city's quote and
    then the next city's heading)? Then a page's top goes on with the city before, and no
    page says where a city ends: its quote does (`_closing_split`). Only pages say this:
    text without page breaks never runs on here. Two headings on one page with no quote
    between them are no city ending there (an extractor that read two facing pages
    across gives both headings first). A city longer than its page runs on too where
    the next heading's page opens on a quote though the next city closes its own text
    after its heading (`_closes_its_text`) and the city before has none before that
    page (nor on its heading's page above it, a margin quote read first): one quote a
    city, so the page's is the city's before."""
    closing = (BlockKind.QUOTE, BlockKind.ATTRIBUTION)
    for n, (a, b) in enumerate(pairwise(heads)):
        page = content[b].first.printed_page
        if page is None:
            continue
        on_page = [block for block in content[a + 1 : b] if block.last.printed_page == page]
        if content[a].first.printed_page == page and any(block.kind in closing for block in on_page):
            return True
        if not any(block.kind in closing for block in on_page):
            continue
        # The city before's own closing: after its heading before this page, or read
        # above its heading on its own page (a margin quote read first).
        before = heads[n - 1] + 1 if n else 0
        own = [block for block in content[before:a] if block.last.printed_page == content[a].first.printed_page]
        own += [block for block in content[a + 1 : b] if block.last.printed_page != page]
        end = heads[n + 2] if n + 2 < len(heads) else len(content)
        if _closes_its_text(content[b + 1 : end], page) and not any(block.kind in closing for block in own):
            return True
    return False


def _closes_its_text(blocks: list[Block], page: int) -> bool:
    """Do `blocks` (a city's, after its heading on `page`) go on with a paragraph on that
    page and hold a quote or attribution after a paragraph on the same page: the city's
    own closing, not one opening a page (which may be the next city's, read first from a
    margin)? A heading with no text after it on its page (set in a sidebar beside its
    city's text, read before it) says nothing."""
    if not any(block.kind is BlockKind.PROSE and block.first.printed_page == page for block in blocks):
        return False
    text_on: set[int | None] = set()
    for block in blocks:
        if block.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION) and block.first.printed_page in text_on:
            return True
        if block.kind is BlockKind.PROSE:
            text_on.add(block.last.printed_page)
    return False


def _captions_follow_quotes(content: list[Block], heads: list[int]) -> bool:
    """Does the booklet set a city's photos after its quote? The last city says so: it
    closes on captions after its quote, and no caption sits right above the first
    heading on its page (where a layout with photos over each heading puts the first
    city's; the front matter's last line may read as a caption on the page before)."""
    tail = content[heads[-1] + 1 :]
    quotes = [i for i, block in enumerate(tail) if block.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION)]
    above = content[heads[0] - 1] if heads[0] > 0 else None
    return (bool(quotes) and any(block.kind is BlockKind.CAPTION for block in tail[quotes[-1] + 1 :])
            and not (above is not None and above.kind is BlockKind.CAPTION
                     and above.last.printed_page == content[heads[0]].first.printed_page))


def _signature_body(blocks: list[Block], k: int, page: int | None, profile: Profile) -> bool:
    """Is block k the one line right under a signature on a page before the first
    heading's (`page`): the signatory's body ("Institute for Lifelong Learning" under
    "Ann Ek, Director"), which the front matter reads as its signature's, not a photo's
    caption of the first city? In text without pages (`page` None) the line must read
    as a body's name (`names_an_institution`): a photo's caption ("Pupils at work in Klow")
    right under the signature stays the first city's."""
    block = blocks[k]
    if k == 0 or block.kind is not BlockKind.CAPTION or len(block.lines) != 1:
        return False
    line, j = block.lines[0], k - 1
    while j > 0 and blocks[j].kind is BlockKind.DUPLICATE:  # the signature printed twice
        j -= 1
    if blocks[j].kind is not BlockKind.ATTRIBUTION or not right_under(blocks[k - 1].lines[-1], line):
        return False
    if page is None:
        return line.printed_page is None and names_an_institution(block.texts[0], profile)
    return line.printed_page is not None and line.printed_page < page


_UNDER_REACH = 2
"""Line numbers from a signature's last line to its body's (a blank line between)."""


def right_under(above: Line, below: Line) -> bool:
    """Is `below` set right under `above`, on its page: a signature's body, not the next
    page's first line after a page number?"""
    return 0 < below.number - above.number <= _UNDER_REACH and below.page == above.page


def _page_top(content: list[Block], prev: int, head: int) -> int:
    """Index of the first block, after heading `prev`, on heading `head`'s own page,
    when that page does not also hold heading `prev`; else `head` (no bound).

    Only pages say this: text without page breaks gives no bound.
    """
    page = content[head].first.printed_page
    if page is None or content[prev].first.printed_page == page:
        return head
    k = head
    while k - 1 > prev and content[k - 1].first.printed_page == page:
        k -= 1
    return k


def _opens_its_page(content: list[Block], prev: int, head: int) -> bool:
    """Does heading `head` open its page, a later page than heading `prev`'s?

    Then the pages between hold the previous city's overflow (a caption or photo
    page after its quote): a city's matter set before its heading sits on the
    heading's own page, above or beside it.
    """
    page = content[head].first.printed_page
    before = content[head - 1].last.printed_page if head - 1 > prev else None
    return page is not None and page != content[prev].first.printed_page and before is not None and before != page


def _closing_split(body: list[Block], leading_keys: frozenset[str] = frozenset(), runs_on: bool = False,
                   captions_close: bool = False, box_above: frozenset[str] = frozenset(),
                   own_entries: frozenset[str] = frozenset(), *, profile: Profile = DEFAULT_PROFILE) -> int:
    """Index in `body` where the city's own blocks end and the next city's begin
    (`runs_on`: the booklet's cities run on down the page, `_cities_run_on`;
    `captions_close`: and each sets its photos after its quote, `_captions_follow_quotes`;
    `box_above`: the stats of a box set right above the city's heading, `_box_above`;
    `own_entries`: the figured stats entries set above it, `_figured_entries`). An entry
    printed again word for word, figures and all, is the city's box repeated (a sidebar
    beside its text besides the box over its heading), never the next city's."""
    anchor = None
    for i, block in enumerate(body):
        if block.kind in (BlockKind.ATTRIBUTION, BlockKind.QUOTE):
            anchor = i
    if anchor is not None and not any(b.kind is BlockKind.PROSE for b in body[:anchor]):
        anchor = None  # the quote was read before the city's text (a margin column): it closes nothing
    if anchor is None:
        # No quote: the city's blocks run until a stats box repeats, or one the city
        # printed above its heading comes again with none of the city's text after it
        # (the next city's, set above its own heading).
        seen_stats: set[str] = set()
        for i, block in enumerate(body):
            if isinstance(block.data, StatData) and _entry_key(block.data.entry) not in own_entries:
                if block.data.key in seen_stats or (block.data.key in box_above and _box_ends_body(body, i)):
                    return i
                seen_stats.add(block.data.key)
                own_entries |= _figured_entries([block])
        return len(body)
    # The stats the city already has: one of them again is the next city's box; another
    # after the quote (a row of stats set below it) is still this city's.
    seen = set(leading_keys) | set(_stat_keys(body[:anchor]))
    own_entries |= _figured_entries(body[:anchor])
    region = body[anchor].last.region
    for i in range(anchor + 1, len(body)):
        block = body[i]
        if _list_goes_on(body[:anchor], block, body[anchor]) or _column_beside_list(body[:anchor], block, body) \
                or _item_rest(body[:anchor], block, body[anchor], profile):
            region = block.last.region  # the list's last item, set in a column after the quote
            continue
        if isinstance(block.data, StatData) and _entry_key(block.data.entry) in own_entries:
            region = block.last.region  # the city's own box printed again
            continue
        new_stat = block.data.key if isinstance(block.data, StatData) and block.data.key not in seen else None
        if new_stat and not _box_is_new(body, i, seen):
            return i  # a box one of whose entries the city has: the next city's box, whole
        if (runs_on and new_stat) or (captions_close and block.kind is BlockKind.CAPTION):
            # Cities run on: the stats box under the quote, or the city's photos, may be
            # pushed to the next page's top.
            region = block.last.region
            if new_stat:
                seen.add(new_stat)
            continue
        if block.first.region != region or block.kind in (BlockKind.PROSE, BlockKind.HEADING):
            return i
        if isinstance(block.data, StatData):
            if block.data.key in seen:
                return i
            seen.add(block.data.key)
    return len(body)


def _entry_key(entry: str) -> str:
    """A stats entry as compared with another: its characters bar spaces (a figure and
    its year wrapped in a narrow sidebar, on one line in a box)."""
    return "".join(entry.split())


def _figured_entries(blocks: list[Block]) -> frozenset[str]:
    """The stats entries of `blocks` that hold a figure (`_entry_key`): a figure printed
    twice is one city's; an entry without one ("Area: –") may be any city's."""
    return frozenset(_entry_key(b.data.entry) for b in blocks
                     if isinstance(b.data, StatData) and any(c.isdigit() for c in b.data.entry))


def _box_is_new(body: list[Block], i: int, seen: set[str]) -> bool:
    """Are all the stats entries of the box opening at block i (its entries in a row,
    page furniture between) new to the city, each once? A box is one city's: where the
    city already has one of its entries (printed above its heading, say, its population
    missing), the box is the next city's, not partly this one's."""
    keys: set[str] = set()
    for block in body[i:]:
        if block.kind.is_noise:
            continue
        if not isinstance(block.data, StatData):
            break
        if block.data.key in seen or block.data.key in keys:
            return False
        keys.add(block.data.key)
    return True


def _on_heading_page(leading: list[Block], heading: Block) -> list[Block]:
    """The matter before a heading that may be its city's box set above it: none on an
    earlier page (a side column of the page before, read after its body, see
    `_side_stats_of_the_page_before`). All of it in text without pages."""
    return [b for b in leading if not _on_a_page_before(b, heading.first.printed_page)]


def _on_a_page_before(block: Block, page: int | None) -> bool:
    """Is `block` printed on a page before `page` (no, where either page is unknown)?"""
    printed = block.first.printed_page
    return page is not None and printed is not None and printed < page


def _box_above(leading: list[Block]) -> frozenset[str]:
    """The stats entries of a box set right above the city's heading, at the end of the
    matter the city has before it (page furniture between): its own, printed there. A
    box with a quote or an attribution between it and the heading may be a facing
    page's, read across."""
    keys = []
    for block in reversed(leading):
        if not (isinstance(block.data, StatData) or block.kind.is_noise):
            break
        if isinstance(block.data, StatData):
            keys.append(block.data.key)
    return frozenset(keys)


def _box_ends_body(body: list[Block], i: int) -> bool:
    """Does only a box's matter (stats, captions, page furniture) follow block i to the
    end of the body: a box set above the next heading, not one among the city's text?"""
    return all(isinstance(b.data, StatData) or b.kind is BlockKind.CAPTION or b.kind.is_noise for b in body[i:])


def _deal_facing_headings(cities: list[CitySection], profile: Profile) -> None:
    """Deal the matter of headings printed together among their cities, in place.

    An extractor that reads two facing pages across (pdfminer, pdftotext on a booklet
    exported as spreads) gives both pages' headings first, then the left-hand city's
    matter, then the right-hand one's: every heading of such a run but the last has
    nothing after it but captions or stats, and the last has the matter of all. Where
    that matter closes on as many quotes as the run has headings, each after some prose
    of its own, the cities take it in turn, cut where a city closes (`_closing_split`),
    a second lead-in read before the first list opening the next (`_move_openings`). Stats read
    across the pages row by row (the left page's population, the right page's, then
    the areas) come before the first city's text, each label once per page: the
    first of each goes to the first city, the next to the next. Where the pages set
    their quotes level, the extractor reads them row by row too (both quotes, then
    both attributions): then the cities' texts are cut where each opens, on its
    lead-in paragraph (`_parts_by_opening`). Where the pages share one baseline grid
    the extractor may read every row across both (photos, intros, the items of all
    columns, quotes, attributions, stats): then each kind of block is dealt in turn
    (`_parts_by_turns`). Headings a page or more apart, or one city with nothing
    printed (one closing or one opening for two headings), are left as they are.
    """
    n = 0
    while n < len(cities):
        run = n
        while (run + 1 < len(cities) and _opens_a_facing_run(cities[run], cities[run + 1])
               and _same_page(cities[run].heading, cities[run + 1].heading)):
            run += 1
        if run > n:
            matter = [b for city in cities[n : run + 1] for b in city.body]
            run_names = [(city.city, city.country) for city in cities[n : run + 1]]
            parts = _parts_by_closing(matter, len(run_names), profile=profile)
            if parts is not None:
                parts = _move_openings(parts, profile)
                if not all(map(_list_counts_from_one, parts)):
                    parts = _parts_by_turns(matter, run_names) or parts
            else:
                parts = _parts_by_opening(matter, len(run_names), profile)
                if parts is None or not _lists_in_all_or_none(parts):  # lists read row by row after the openings
                    parts = _parts_by_turns(matter, run_names) or parts
                if parts is None:  # both openings, then each page's numbered list with its closing
                    parts = _parts_by_numbered_runs(matter, len(run_names))
                if parts is not None and not _lists_in_all_or_none(parts):  # or page by page, after both openings
                    parts = _deal_item_runs(parts, run_names) or parts
                if parts is not None:  # unmarked lists page by page, after both openings
                    parts = _deal_paragraph_runs(parts, run_names, profile) or parts
                if parts is None:  # each page read whole, the last page's closing past the run
                    parts = _parts_by_closing(matter, len(run_names), last_open=True, profile=profile)
                    parts = parts if parts is not None and all(map(_one_page, parts)) else None
            if parts is not None:
                parts = _deal_numbered_items(parts)
                # The left-hand page's city first (its heading may have been read second).
                in_order = sorted(cities[n : run + 1], key=lambda city: city.number)
                names = [(city.city, city.country) for city in in_order]
                parts = _captions_to_the_city_named(_swap_named(_deal_stats_rows(parts), names), names)
                for city, part in zip(in_order, parts, strict=True):
                    city.body = part
        n = run + 1


# What an extractor may give between two facing pages' headings: a photo's caption, a
# stats box read across (never a city's text).
_BETWEEN_FACING = (BlockKind.CAPTION, BlockKind.STATS)


def _opens_a_facing_run(city: CitySection, after: CitySection) -> bool:
    """Is `city`'s matter printed under the `after` heading (facing pages read across)?
    Yes where nothing but captions and stats stand between the two headings; or where
    `city` has one intro at most, no item, quote or attribution, and `after` has the
    quotes or attributions of two cities (the extractor read both pages' openings
    page by page, then the rest across)."""
    if all(b.kind in _BETWEEN_FACING for b in city.body):
        return True
    opening_only = all(b.kind in _BETWEEN_FACING or (b.kind is BlockKind.PROSE and b.data is None) for b in city.body)
    text_only = all(b.kind in (*_BETWEEN_FACING, BlockKind.PROSE) for b in city.body)
    if not (opening_only and sum(b.kind is BlockKind.PROSE for b in city.body) <= 1 or text_only):
        return False
    return _closings(after.body) >= 2


def _swap_named(parts: list[list[Block]], names: list[Names]) -> list[list[Block]]:
    """Facing pages' quotes (and attributions) swapped between two cities' parts where
    each names the other city and no other of the run: the two pages' quotes were read
    in the other page's order ("‘Zenda belongs to its people’" among Strelsau's, and
    Strelsau's among Zenda's)."""
    parts = [list(part) for part in parts]
    for kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION):
        naming = [[(k, _cities_named(b, names)) for k, b in enumerate(part) if b.kind is kind] for part in parts]
        for a in range(len(parts)):
            for b in range(a + 1, len(parts)):
                here = next((k for k, named in naming[a] if named == [b]), None)
                there = next((k for k, named in naming[b] if named == [a]), None)
                if here is not None and there is not None:
                    parts[a][here], parts[b][there] = parts[b][there], parts[a][here]
    return parts


def _captions_to_the_city_named(parts: list[list[Block]], names: list[Names]) -> list[list[Block]]:
    """Facing pages' captions dealt to another city's part where they name that city and
    no other of the run ("Zenda Reads festival" among Strelsau's): the two pages' photos
    are read in either page's order, a name says whose a caption is. So is an
    attribution naming one city of the run whose part has none ("Ann Ek, Mayor of
    Zenda" read after Strelsau's): it goes after that part's quote."""
    has_attribution = [any(b.kind is BlockKind.ATTRIBUTION for b in part) for part in parts]
    moved: list[list[Block]] = [[] for _ in parts]
    kept: list[list[Block]] = []
    for c, part in enumerate(parts):
        stay = []
        for block in part:
            named = _cities_named(block, names) if block.kind in (BlockKind.CAPTION, BlockKind.ATTRIBUTION) else []
            if len(named) == 1 and named[0] != c and (
                    block.kind is BlockKind.CAPTION or not has_attribution[named[0]]):
                moved[named[0]].append(block)
            else:
                stay.append(block)
        kept.append(stay)
    return [_after_quote(part, extra) for part, extra in zip(kept, moved, strict=True)]


def _after_quote(part: list[Block], extra: list[Block]) -> list[Block]:
    """`part` with the blocks dealt to it: an attribution right after its last quote,
    captions at its end."""
    attributions = [b for b in extra if b.kind is BlockKind.ATTRIBUTION]
    quote = max((k for k, b in enumerate(part) if b.kind is BlockKind.QUOTE), default=len(part) - 1)
    rest = [b for b in extra if b.kind is not BlockKind.ATTRIBUTION]
    return [*part[: quote + 1], *attributions, *part[quote + 1 :], *rest]


def _cities_named(block: Block, names: list[Names]) -> list[int]:
    """The indexes of the cities in `names` that `block`'s text names (`names_place`):
    either name of a heading, which may print its city or its country first."""
    text = " ".join(block.texts)
    return [k for k, pair in enumerate(names) if any(names_place(text, name) for name in pair)]


def _deal_numbered_items(parts: list[list[Block]]) -> list[list[Block]]:
    """Facing pages' numbered items dealt among the cities' parts where the parts as cut
    do not each count from one (the extractor read one page's list, then the other's,
    after both intros): each item goes to the first city whose list lacks its number,
    and a city's items stand in their numbers' order where its own first item stood,
    else after its prose. Left as they are unless every list then counts 1..N."""
    if all(map(_list_counts_from_one, parts)):
        return parts
    items = [b for part in parts for b in part if isinstance(b.data, ItemData)]
    numbers = marker_numbers([b.data.marker for b in items if isinstance(b.data, ItemData)])
    if numbers is None:
        return parts
    cities = _owners_by_number(numbers, len(parts))
    if cities is None:
        return parts
    owner = {id(block): city for block, city in zip(items, cities, strict=True)}
    number_of = {id(b): n for b, n in zip(items, numbers, strict=True)}
    dealt = []
    for city, part in enumerate(parts):
        first = next((k for k, b in enumerate(part) if id(b) in owner), None)
        kept = [b for b in part if id(b) not in owner]
        if first is not None:
            at = sum(id(b) not in owner for b in part[:first])
        else:
            at = next((k + 1 for k in range(len(kept) - 1, -1, -1) if kept[k].kind is BlockKind.PROSE), len(kept))
        mine = sorted((b for b in items if owner[id(b)] == city), key=lambda b: number_of[id(b)])
        dealt.append(kept[:at] + mine + kept[at:])
    return dealt


def _one_bullet(blocks: list[Block]) -> str:
    """The one mark every item among `blocks` carries, where it is no number or letter
    (a bullet or a dash); else nothing."""
    marks = {b.data.marker for b in blocks if isinstance(b.data, ItemData)}
    mark = marks.pop() if len(marks) == 1 else ""
    return "" if any(ch.isalnum() for ch in mark) else mark


def _parts_by_numbered_runs(matter: list[Block], count: int) -> list[list[Block]] | None:
    """`matter` cut into `count` cities' parts where both facing pages' intros were read
    first, then each page's numbered list with the quote and attribution set around it
    (pdfminer reading each page's column after the openings): the lists are the runs of
    items counting from 1, the k-th intro (an unmarked paragraph before the first item)
    is the k-th city's, and each block from the first item on goes with the run it
    stands in. What comes before the first item stays with the first city (stats read
    row by row are dealt after, `_deal_stats_rows`). None unless there are `count` runs,
    each counting 1..N, and `count` intros."""
    at = [k for k, b in enumerate(matter) if isinstance(b.data, ItemData)]
    numbers = marker_numbers([b.data.marker for b in matter if isinstance(b.data, ItemData)])
    if not at or numbers is None:
        return None
    starts = [n for n, number in enumerate(numbers) if number == 1]
    runs = [numbers[a:b] for a, b in pairwise([*starts, len(numbers)])]
    if len(starts) != count or starts[0] != 0 or not all(map(counts_one_to_n, runs)):
        return None
    intros = [k for k in range(at[0]) if matter[k].kind is BlockKind.PROSE and matter[k].data is None]
    if len(intros) != count:
        return None
    parts: list[list[Block]] = [[] for _ in range(count)]
    for k in range(at[0]):
        parts[intros.index(k) if k in intros else 0].append(matter[k])
    owner = 0
    first_of_run = {at[n]: r for r, n in enumerate(starts)}
    for k in range(at[0], len(matter)):
        owner = first_of_run.get(k, owner)
        parts[owner].append(matter[k])
    return parts


def _deal_item_runs(parts: list[list[Block]], names: list[Names]) -> list[list[Block]] | None:
    """Facing pages' bulleted lists read page by page after both openings (pdfminer
    reads each page's column of items as one box): one city's part holds every item, as
    many for each city in a row. An item is a block holding its mark, on its first line
    or (a justified line pdfminer scrambled) on a line inside. The k-th run of them is
    the k-th city's, with the blocks among them, where the items that name one city of
    the run each stand in its run (one at least: without a name, runs and turns look
    alike). A city's run goes after its last prose (its intro). None where that does
    not hold."""
    count = len(parts)
    holders = [c for c, part in enumerate(parts) if any(isinstance(b.data, ItemData) for b in part)]
    if len(holders) != 1:
        return None
    part = parts[holders[0]]
    mark = _one_bullet(part)
    if not mark:
        return None
    first = next(k for k, b in enumerate(part) if isinstance(b.data, ItemData))
    starts = [k for k in range(first, len(part)) if part[k].kind is BlockKind.PROSE
              and any(text.strip().startswith(mark) for text in part[k].texts)]
    size, rest = divmod(len(starts), count)
    if rest or size < 2:
        return None
    run_of = {k: n // size for n, k in enumerate(starts)}
    named = [(run_of[k], hits[0]) for k in run_of if len(hits := _cities_named(part[k], names)) == 1]
    if not named or any(run != city for run, city in named):
        return None
    runs: list[list[Block]] = [[] for _ in range(count)]
    owner = 0
    for k in range(first, starts[-1] + 1):
        owner = run_of.get(k, owner)
        runs[owner].append(part[k])
    dealt = []
    for c, own in enumerate(parts):
        if c == holders[0]:
            dealt.append([*own[:first], *runs[c], *own[starts[-1] + 1 :]])
            continue
        last_prose = max((k for k, b in enumerate(own) if b.kind is BlockKind.PROSE), default=None)
        if last_prose is None:
            return None
        dealt.append([*own[: last_prose + 1], *runs[c], *own[last_prose + 1 :]])
    return dealt


def _deal_paragraph_runs(parts: list[list[Block]], names: list[Names], profile: Profile) -> list[list[Block]] | None:
    """Facing pages' unmarked lists read page by page after both openings (pdfminer reads
    each page's column of paragraphs as one run): each city's part opens on its lead-in,
    and one part holds, right after its lead-in, as many unmarked paragraphs for each
    city in a row, the others none. The k-th run is the k-th city's, put right after its
    lead-in, where the paragraphs that name one city of the run each stand in its run
    (one at least: without a name, runs and turns look alike). None where that does not
    hold."""
    count = len(parts)
    opens = [_lead_ins(part, profile)[:1] for part in parts]
    if not all(opens):
        return None
    after = [_paragraphs_after(part, at[0]) for part, at in zip(parts, opens, strict=True)]
    holders = [c for c, run in enumerate(after) if run]
    if len(holders) != 1:
        return None
    holder = holders[0]
    paragraphs = after[holder]
    size, rest = divmod(len(paragraphs), count)
    if rest or size < 2:
        return None
    named = [(n // size, hits[0]) for n, block in enumerate(paragraphs)
             if len(hits := _cities_named(block, names)) == 1]
    if not named or any(run != city for run, city in named):
        return None
    first = opens[holder][0] + 1
    dealt = []
    for c, part in enumerate(parts):
        at = opens[c][0] + 1
        own = paragraphs[c * size : (c + 1) * size]
        rest_of_part = part[first + len(paragraphs) :] if c == holder else part[at:]
        dealt.append([*part[:at], *own, *rest_of_part])
    return dealt


def _paragraphs_after(part: list[Block], lead_in: int) -> list[Block]:
    """The unmarked paragraphs right after a part's lead-in, up to any other block."""
    run = []
    for block in part[lead_in + 1 :]:
        if block.kind is not BlockKind.PROSE or block.data is not None:
            break
        run.append(block)
    return run


def _owners_by_number(numbers: list[int], count: int) -> list[int] | None:
    """For facing pages' numbered items in reading order, the city each goes to: the
    first of `count` whose list lacks its number (each row is read left page first).
    None unless every list then counts 1..N."""
    lists: list[list[int]] = [[] for _ in range(count)]
    owners = []
    for number in numbers:
        city = next((c for c in range(count) if number not in lists[c]), None)
        if city is None:
            return None
        lists[city].append(number)
        owners.append(city)
    return owners if all(map(counts_one_to_n, lists)) else None


def _lists_in_all_or_none(parts: list[list[Block]]) -> bool:
    """Does every city's part hold items, or none?"""
    listing = [any(isinstance(b.data, ItemData) for b in part) for part in parts]
    return all(listing) or not any(listing)


def _list_counts_from_one(part: list[Block]) -> bool:
    """Do the items of a city's part count 1..N (true where they bear no numbers)?"""
    numbers = marker_numbers([b.data.marker for b in part if isinstance(b.data, ItemData)])
    return numbers is None or counts_one_to_n(numbers)


def _same_page(a: Block, b: Block) -> bool:
    """Are two headings printed on one page, as far as the text says (without pages, yes)?"""
    return a.first.printed_page is None or a.first.printed_page == b.first.printed_page


def _parts_by_closing(body: list[Block], count: int, last_open: bool = False, *,
                      profile: Profile = DEFAULT_PROFILE) -> list[list[Block]] | None:
    """`body` cut into `count` cities' parts, each closing on its quote or attribution
    after some prose of its own; None unless it holds exactly that many closings. With
    `last_open`, the last part closes past `body` (the last page's quote read after the
    pages' running heads, out of the run): one closing fewer, and prose after the last."""
    closings = []
    prose = False
    for i, block in enumerate(body):
        if block.kind is BlockKind.PROSE:
            prose = True
        elif block.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION) and prose and (
                i + 1 == len(body) or body[i + 1].kind not in (BlockKind.QUOTE, BlockKind.ATTRIBUTION)):
            closings.append(i)
            prose = False
    if last_open:
        if len(closings) != count - 1 or not any(b.kind is BlockKind.PROSE for b in body[closings[-1] + 1 :]):
            return None
        anchors = closings
    elif len(closings) != count:
        return None
    else:
        anchors = closings[:-1]
    parts: list[list[Block]] = []
    start = 0
    for anchor in anchors:
        # What follows the closing up to the next city's first prose is the city's
        # trailing matter or the next city's opening: `_closing_split` says which.
        upto = next((k for k in range(anchor + 1, len(body)) if body[k].kind is BlockKind.PROSE), len(body))
        cut = start + _closing_split(body[start:upto], profile=profile)
        parts.append(body[start:cut])
        start = cut
    parts.append(body[start:])
    return parts


def _one_page(part: list[Block]) -> bool:
    """Does a city's part hold one page's matter at most: one quote, one attribution,
    each stats label once from its first prose on (not two pages' closings or boxes read
    together; boxes read across before any prose are dealt by `_deal_stats_rows`)?"""
    prose = next((k for k, b in enumerate(part) if b.kind is BlockKind.PROSE), len(part))
    return _closings(part) <= 1 and max(Counter(_stat_keys(part[prose:])).values(), default=0) <= 1


def _closings(blocks: list[Block]) -> int:
    """How many pages' closings `blocks` hold: their quotes or their speakers, whichever
    are more (a quote printed without marks, or a speaker alone, still closes a page)."""
    return max(sum(b.kind is kind for b in blocks) for kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION))


def _parts_by_opening(matter: list[Block], count: int, profile: Profile) -> list[list[Block]] | None:
    """`matter` cut into `count` cities' parts where facing pages set their quotes level
    and the extractor read them row by row: the cities' texts in turn, each opening on
    its lead-in paragraph (the first before any other prose), then the quotes and
    attributions of all. A city's part begins at its lead-in, or at the captions and
    stats just above it (a stats label the city before already has); the closing
    quotes and attributions are dealt in order, one of each kind per city, and so are
    the stats after them where each label comes once per city (each page's box in
    turn), and the captions where each city has as many (each page's photos in turn;
    else each goes with the closing block above it). None unless there are exactly
    `count` lead-ins, no prose after the closings, and one quote (or attribution) per
    city."""
    prose = [k for k, block in enumerate(matter) if block.kind is BlockKind.PROSE]
    openings = _lead_ins(matter, profile)
    if len(openings) != count or openings[0] != prose[0]:
        return None
    end = prose[-1] + 1
    tail = matter[end:]
    closing = {kind: [b for b in tail if b.kind is kind] for kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION)}
    if not any(closing.values()) or any(len(blocks) not in (0, count) for blocks in closing.values()):
        return None
    cuts = [0]
    for k in openings[1:]:
        cuts.append(_opening_cut(matter, cuts[-1], k, cuts[-1]))
    parts = [matter[a:b] for a, b in pairwise([*cuts, end])]
    captions = sum(b.kind is BlockKind.CAPTION for b in tail)
    per_city = captions // count if captions % count == 0 else 0
    labels = Counter(b.data.key for b in tail if isinstance(b.data, StatData))
    boxes = bool(labels) and set(labels.values()) == {count}  # each page's stats box, one after the other
    owner = 0
    turns: dict[object, int] = {}
    for block in tail:
        key = block.kind if block.kind in closing or (block.kind is BlockKind.CAPTION and per_city) else \
            block.data.key if boxes and isinstance(block.data, StatData) else None
        if key is not None:
            turn = turns.get(key, 0)
            turns[key] = turn + 1
            owner = turn // per_city if key is BlockKind.CAPTION else turn
        parts[owner].append(block)
    return parts


def _parts_by_turns(matter: list[Block], names: list[Names]) -> list[list[Block]] | None:
    """`matter` dealt among the cities `names` kind by kind, for facing pages read row by
    row throughout:
    - the k-th unmarked paragraph before the last item (an intro), the k-th after it (a
      quote printed without marks), the k-th quote and attribution go to the k-th city.
      But where each attribution names one city, and each a different one, it is that
      city's, and the quotes go in the attributions' order: an extractor may read a
      row's right-hand page first.
    - So does the k-th entry of each stats label that every city prints; one that some
      city lacks goes with the block above it.
    - A numbered item goes to the first city whose list lacks its number (each row is
      read left page first), and each city's items are put in their numbers' order.
      Bulleted items go in turn where the text shows the rows read across
      (`_bulleted_read_across`).
    - A run of as many captions per city is dealt in order, the first city's first
      (each page's photos in a row); any other caption goes with the block above it.
    None unless there is one intro per city, one quote or attribution per city (or none
    of either), the items are all numbered or dealt in turn, and each city's list
    counts from one."""
    count = len(names)
    items = [b for b in matter if isinstance(b.data, ItemData)]
    last_item = max((k for k, b in enumerate(matter) if isinstance(b.data, ItemData)), default=len(matter))
    unmarked = [k for k, b in enumerate(matter) if b.kind is BlockKind.PROSE and b.data is None]
    closing_prose = {id(matter[k]) for k in unmarked if k > last_item}  # quotes printed without marks
    if sum(k < last_item for k in unmarked) != count or len(closing_prose) not in (0, count) or any(
            sum(b.kind is kind for b in matter) not in (0, count) for kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION)):
        return None
    numbers = marker_numbers([b.data.marker for b in items if isinstance(b.data, ItemData)])
    if numbers is not None:
        item_owners = _owners_by_number(numbers, count)
    elif _bulleted_read_across(matter, items, closing_prose, names):
        numbers = list(range(len(items)))
        item_owners = [k % count for k in range(len(items))]
    else:
        return None
    if item_owners is None:
        return None
    number_of = {id(b): n for b, n in zip(items, numbers, strict=True)}
    owner_of = {id(b): c for b, c in zip(items, item_owners, strict=True)}
    turns: dict[object, int] = {}
    named = _named_order([b for b in matter if b.kind is BlockKind.ATTRIBUTION], names)
    quoting = _named_order([b for b in matter if b.kind is BlockKind.QUOTE], names) or named
    labels = Counter(b.data.key for b in matter if isinstance(b.data, StatData))
    owners: list[int] = []
    for k, block in enumerate(matter):
        owner = owners[-1] if owners else 0
        if id(block) in owner_of:
            owner = owner_of[id(block)]
        elif block.kind is BlockKind.CAPTION:
            run = _caption_run(matter, k)
            if len(run) % count == 0:  # each page's photos in a row: the left page's first
                owner = run.index(k) // (len(run) // count)
        elif isinstance(block.data, StatData) and labels[block.data.key] < count:
            pass  # a figure some city lacks: it goes with the box above it
        else:
            key = block.data.key if isinstance(block.data, StatData) else _CLOSING_PROSE if id(block) in closing_prose \
                else block.kind if block.kind in _DEALT_IN_TURN and not isinstance(block.data, ItemData) else None
            if key is not None:
                turn = turns.get(key, 0)
                turns[key] = turn + 1
                if turn >= count:
                    return None
                order = quoting if key is BlockKind.QUOTE else named if key is BlockKind.ATTRIBUTION else None
                owner = order[turn] if order else turn
        owners.append(owner)
    parts: list[list[Block]] = [[matter[k] for k in range(len(matter)) if owners[k] == c] for c in range(count)]
    for part in parts:
        slots = [k for k, b in enumerate(part) if id(b) in number_of]
        for k, item in zip(slots, sorted((part[k] for k in slots), key=lambda b: number_of[id(b)]), strict=True):
            part[k] = item
    return parts


def _named_order(blocks: list[Block], names: list[Names]) -> list[int] | None:
    """For each block in turn (one per city), the index of the city in `names` it
    belongs to: the one city it names, or, where it names none, the first city no
    other block names; None unless one block names a city, none names two, and no
    two name the same."""
    found = [_cities_named(block, names) for block in blocks]
    named = [hits[0] for hits in found if hits]
    if len(blocks) != len(names) or not named or any(len(hits) > 1 for hits in found) or len(set(named)) < len(named):
        return None
    rest = iter(k for k in range(len(names)) if k not in named)
    return [hits[0] if hits else next(rest) for hits in found]


# Kinds of which each city of facing pages read row by row has one: its intro (prose
# with no marker), its quote, its attribution.
_DEALT_IN_TURN = (BlockKind.PROSE, BlockKind.QUOTE, BlockKind.ATTRIBUTION)
# The turn key of a quote printed without marks (an unmarked paragraph after the items).
_CLOSING_PROSE = "closing prose"


def _bulleted_read_across(matter: list[Block], items: list[Block], closing_prose: set[int], names: list[Names]) -> bool:
    """Were facing pages' lists of bulleted (or unmarked) items read row by row, so that
    their items alternate between the pages? Only where every item carries one same
    mark that is no number, and the text shows the rows read across: the items that
    name one city of the run each stand in its turn (one at least), or, where none
    names one, the pages' quotes (marked or not) or attributions were read one after
    the other."""
    count = len(names)
    if not _one_bullet(items):
        return False
    named = [(k, hits[0]) for k, item in enumerate(items) if len(hits := _cities_named(item, names)) == 1]
    if named:  # an item naming a city out of its turn: the rows were not read across
        return all(k % count == city for k, city in named)
    closing = [b.kind if id(b) not in closing_prose else BlockKind.QUOTE for b in matter
               if b.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION) or id(b) in closing_prose]
    return any(closing[k : k + count] == [kind] * count for kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION)
               for k in range(len(closing) - count + 1))


def _caption_run(blocks: list[Block], k: int) -> list[int]:
    """The indexes of the run of captions that `blocks[k]` stands in."""
    first, last = k, k
    while first > 0 and blocks[first - 1].kind is BlockKind.CAPTION:
        first -= 1
    while last + 1 < len(blocks) and blocks[last + 1].kind is BlockKind.CAPTION:
        last += 1
    return list(range(first, last + 1))


def _lead_ins(blocks: list[Block], profile: Profile) -> list[int]:
    """Indexes of the paragraphs in `blocks` that lead into a list (a city's intro): no
    marker, a lead-in colon at the end, more than a list's label."""
    return [k for k, block in enumerate(blocks) if block.kind is BlockKind.PROSE and block.data is None
            and profile.lead_in_end.search(block.texts[-1]) and not is_list_label(block, profile)]


def _opening_cut(blocks: list[Block], start: int, k: int, since: int) -> int:
    """Where a city opening on its lead-in `blocks[k]` begins, after `start`: at the
    captions and stats just above the lead-in, a stats label being the city's when
    the city before (from `since`) already has one (it is the next box)."""
    known = set(_stat_keys(blocks[since:k]))
    cut = k
    while cut - 1 > start and (blocks[cut - 1].kind is BlockKind.CAPTION or (
            isinstance(data := blocks[cut - 1].data, StatData) and data.key in known)):
        cut -= 1
    return cut


def _move_openings(parts: list[list[Block]], profile: Profile) -> list[list[Block]]:
    """Parts cut by closing where one city's part holds two lead-ins and the next none
    (the extractor read both pages' openings, stats, photo and intro, before the first
    list): the second opening, with the captions and stats just above it, goes to the
    front of the next part. So does a second opening told by its stats box, where the
    next part has no intro (`_second_box_opening`)."""
    parts = [list(part) for part in parts]
    for k in range(len(parts) - 1):
        here, after = _lead_ins(parts[k], profile), _lead_ins(parts[k + 1], profile)
        if len(here) == 2 and not after:
            cut = _opening_cut(parts[k], here[0], here[1], 0)
            parts[k + 1][:0] = parts[k][cut : here[1] + 1]
            del parts[k][cut : here[1] + 1]
        elif (span := _second_box_opening(parts[k])) is not None and not _intros_before_list(parts[k + 1]):
            parts[k + 1][:0] = parts[k][span[0] : span[1]]
            del parts[k][span[0] : span[1]]
    return parts


def _first_item(part: list[Block]) -> int:
    """The index of the first item of `part` (its length if it holds none)."""
    return next((k for k, b in enumerate(part) if isinstance(b.data, ItemData)), len(part))


def _intros_before_list(part: list[Block]) -> list[int]:
    """Indexes of the unmarked paragraphs of `part` before its first item."""
    return [k for k, b in enumerate(part[: _first_item(part)]) if b.kind is BlockKind.PROSE and b.data is None]


def _second_box_opening(part: list[Block]) -> tuple[int, int] | None:
    """The span of a second city's opening inside a city's part cut by closing: before
    the first item, after an intro, a stats label printed again opens another box (the
    extractor read both pages' boxes and intros before the first list, an intro that
    ends with no lead-in colon among them). The span runs from the captions above
    that box to the first item and holds one intro; None unless there is exactly one
    intro before it and one in it."""
    intros = _intros_before_list(part)
    if len(intros) != 2:
        return None
    first_item = _first_item(part)
    seen: set[str] = set()
    cut = None
    for k, block in enumerate(part[:first_item]):
        if isinstance(block.data, StatData):
            if block.data.key in seen:
                cut = k
                break
            seen.add(block.data.key)
    if cut is None or not intros[0] < cut <= intros[1]:
        return None
    while cut - 1 > intros[0] and part[cut - 1].kind is BlockKind.CAPTION:
        cut -= 1
    return cut, first_item


def _deal_stats_rows(parts: list[list[Block]]) -> list[list[Block]]:
    """Stats before the first city's prose whose labels come once per city (read across
    the facing pages row by row) dealt in turn: the k-th entry of a label to the k-th
    city. Left as they are unless some label comes more than once and none more often
    than there are cities."""
    first = parts[0]
    opening = next((k for k, block in enumerate(first) if block.kind is BlockKind.PROSE), len(first))
    seen: dict[str, int] = {}
    turn: dict[int, int] = {}
    for k, block in enumerate(first[:opening]):
        if isinstance(block.data, StatData):
            turn[k] = seen.get(block.data.key, 0)
            seen[block.data.key] = turn[k] + 1
    if not seen or max(seen.values()) < 2 or max(seen.values()) > len(parts):
        return parts
    dealt: list[list[Block]] = [[] for _ in parts]
    for k, block in enumerate(first[:opening]):
        dealt[turn.get(k, 0)].append(block)
    dealt[0].extend(first[opening:])
    return [dealt[0], *(dealt[c] + part for c, part in enumerate(parts[1:], 1))]


def _list_goes_on(before: list[Block], block: Block, anchor: Block) -> bool:
    """Is `block` one more item of the list in `before`, set after the quote `anchor` (a
    list's last column read after the quote)? Its marker says whose it is: a number that
    counts on (`3.` after `1.` and `2.`; a list that starts again, `1.`, is another's), or
    the bullet every item of the list carries, on the quote's own page (bullets do not
    count, and in text without pages a list after the last quote may be back matter).
    A city with no list before its quote takes one there on the quote's page: a margin
    column was read first."""
    if not isinstance(block.data, ItemData):
        return False
    markers = [b.data.marker for b in before if isinstance(b.data, ItemData)]
    page = anchor.last.printed_page
    if not markers:
        # A margin column (captions, the quote) read before the city's list: a city
        # with no list yet, an intro at most, takes the list on the quote's own page.
        return (sum(b.kind is BlockKind.PROSE for b in before) <= 1 and page is not None
                and block.first.printed_page == page)
    numbers = counted_from_one([*markers, block.data.marker])
    if numbers is not None:
        return numbers[-1] == len(numbers)
    return (not any(ch.isalnum() for ch in block.data.marker) and set(markers) == {block.data.marker}
            and page is not None and block.first.printed_page == page)


def _item_rest(before: list[Block], block: Block, anchor: Block, profile: Profile) -> bool:
    """Is the paragraph `block`, read after the quote `anchor`, the rest of the city's last
    item, cut at a column's foot ("... workers of the" / "old mills.")? It goes on in
    lowercase, on the quote's page, and the last item before the quote ends no sentence."""
    items = [b for b in before if isinstance(b.data, ItemData)]
    page = anchor.last.printed_page
    return (block.kind is BlockKind.PROSE and block.data is None and block.texts[0].strip()[:1].islower()
            and bool(items) and not profile.block_end.search(items[-1].texts[-1])
            and (page is None or block.first.printed_page == page))


def _column_beside_list(before: list[Block], block: Block, body: list[Block]) -> bool:
    """In a PDF, is the paragraph `block`, read after the quote, the list's last column?
    It starts on the quote's page above the attribution and the quote, right of the
    last paragraph read before them: set beside the list, not after the quote."""
    closing = [b for b in body if b.kind in (BlockKind.ATTRIBUTION, BlockKind.QUOTE)]
    items = [b for b in before if b.kind is BlockKind.PROSE]
    if block.kind is not BlockKind.PROSE or not items or not closing:
        return False
    first, last_item = block.first, items[-1].last
    tops = [b.first.bbox[1] for b in closing if b.first.bbox is not None and b.first.printed_page == first.printed_page]
    if first.bbox is None or last_item.bbox is None or last_item.printed_page != first.printed_page or len(tops) != len(closing):
        return False
    return first.bbox[1] < min(tops) and first.bbox[0] >= last_item.bbox[2]


def _mark_quotes_below_attributions(content: list[Block], heads: list[int], profile: Profile,
                                    blocks: list[Block], position: dict[int, int]) -> list[Block]:
    """`content` with each city's unmarked quote printed below its attribution
    (`_quote_below_attribution`) made one quote block, before intros and closings
    are decided.

    A paragraph after the attribution is taken outright when the block above the
    attribution cannot be the quote; when both could be, by the booklet's own
    habit: only if more cities show a paragraph below their attribution than show
    none (then their quotes are above, as `fields._unmarked_quote` reads them).
    Never when that paragraph is the one the next heading would take as its intro (on
    the heading's own page: `_ends_on_its_page`) and the next city
    has no lead-in paragraph after its heading, nor a plain one over its list
    (`_paragraph_above_list`; an intro is not cut in two by its heading): then it is as
    likely the next city's intro, and an intro is not guessed away.
    """
    ends = [*heads[1:], len(content)]
    found: list[tuple[int, int, bool]] = []
    above = 0
    for n, h in enumerate(heads):
        place = _quote_below_attribution(content[h + 1 : ends[n]], profile)
        if place is None:
            continue
        span, sure = place
        if span is None:
            above += 1
            continue
        first, last = h + 1 + span[0], h + 1 + span[1]
        if n + 1 < len(heads):
            j = heads[n + 1] - 1
            while j > last and content[j].kind in (BlockKind.CAPTION, BlockKind.STATS):
                j -= 1
            if j == last and _ends_on_its_page(blocks, position, content[last], content[heads[n + 1]]) \
                    and _lead_in_after_heading(content[heads[n + 1] + 1 : ends[n + 1]], profile) is None \
                    and _paragraph_above_list(content[heads[n + 1] + 1 : ends[n + 1]], profile) is None \
                    and not _names_only_first(content[first : last + 1], content[h], content[heads[n + 1]]):
                continue
        found.append((first, last, sure))
    habit = len(found) > above
    out = list(content)
    for first, last, sure in reversed(found):
        if sure or habit:
            parts = content[first : last + 1]
            out[first : last + 1] = [Block(BlockKind.QUOTE, [line for b in parts for line in b.lines],
                                           [text for b in parts for text in b.texts])]
    return out


def _names_only_first(parts: list[Block], head: Block, next_head: Block) -> bool:
    """Do `parts` name a place of `head` (its city or country) and none of `next_head`'s?
    Then they are no intro of the next city: an intro names its own city (a quote, its
    speaker's, often does too)."""
    text = " ".join(t for b in parts for t in b.texts)
    if not isinstance(head.data, HeadingData) or not isinstance(next_head.data, HeadingData):
        return False
    ours = (head.data.city, head.data.country)
    theirs = (next_head.data.city, next_head.data.country)
    return any(names_place(text, place) for place in ours) and not any(names_place(text, place) for place in theirs)


def names_place(text: str, place: str) -> bool:
    """Does `text` name `place`, as a whole word or words, whatever their case (a heading
    in capitals gives the name so)?

    >>> names_place("In ZENDA, every school", "Zenda"), names_place("Zendaville", "Zenda")
    (True, False)
    """
    name = place.strip().casefold()
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text.casefold()) is not None


def _quote_below_attribution(body: list[Block], profile: Profile) -> tuple[tuple[int, int] | None, bool] | None:
    """Where a city's quote printed without quotation marks stands against its attribution.

    None when the city has a marked quote, or no attribution after some of its text
    (one read before any of the city's text, a margin column, says nothing). Else
    (first and last index in `body`, sure) of the quote after the attribution: the
    first paragraph past captions (a role's wrapped line may be taken for one), stats
    and numbered items (an attribution read in the middle of the columns), with the
    paragraphs it goes on into (a sentence broken by a column or page end), up to
    one that ends a sentence. Sure when the paragraph above the attribution cannot be
    the quote (a numbered item, a lead-in). (None, False) when there is no such
    paragraph but the one above could be the quote: the quote is above (a paragraph
    there that ends no sentence says neither). Without this,
    a quote below its attribution, and the stats after it, would be cut off as the
    next city's.
    """
    if any(b.kind is BlockKind.QUOTE for b in body):
        return None
    marks = [i for i, b in enumerate(body) if b.kind is BlockKind.ATTRIBUTION]
    if not marks or not any(b.kind is BlockKind.PROSE for b in body[: marks[-1]]):
        return None
    a = marks[-1]
    sure = not _plain_paragraph(next(b for b in reversed(body[:a]) if b.kind is BlockKind.PROSE), profile)
    first = a + 1
    while first < len(body) and (_numbered_item(body[first]) or body[first].kind in (BlockKind.CAPTION, BlockKind.STATS)
                                 or _roman_before_italics(body, first, profile)):
        first += 1
    last = first
    while (last + 1 < len(body) and _plain_paragraph(body[last], profile)
           and not profile.finished_sentence.search(body[last].texts[-1])
           and _plain_paragraph(body[last + 1], profile) and not body[last + 1].texts[0].strip()[:1].isupper()):
        last += 1
    if (last >= len(body) or not all(_plain_paragraph(b, profile) for b in body[first : last + 1])
            or any(not _same_region(b.first, body[a].last) for b in body[first : last + 1])):
        return None if sure else (None, False)
    if not profile.finished_sentence.search(body[last].texts[-1]) and not body[last].texts[-1].rstrip().endswith(","):
        # A paragraph is there, but it ends no sentence (captions an extractor ran into
        # it, say): not taken, and no sign that the booklet sets its quotes above. (A
        # quote may end on the comma of the "..., said" it was cut from.)
        return None
    return (first, last), sure


def _same_region(line: Line, other: Line) -> bool:
    """Do two lines stand in one region of the page: in a PDF its block region; in text,
    where an indent opens a region of its own (an indented quote under its attribution,
    as a layout mode sets it), the same page."""
    if line.bbox is None and other.bbox is None:
        return line.page == other.page
    return line.region == other.region


def _roman_before_italics(body: list[Block], k: int, profile: Profile) -> bool:
    """Is `body[k]` a plain paragraph in roman type with only such paragraphs between it
    and one set in italics throughout? Then the italic one is the quote below the
    attribution (an unmarked quote is set apart by its type), and `body[k]` is text read
    between them (a column's last item, the attribution having been read with the column
    beside it)."""
    for block in body[k:]:
        if not _plain_paragraph(block, profile):
            return False
        if all(line.italic for line in block.lines):
            return block is not body[k]
        if any(line.italic for line in block.lines):
            return False
    return False


def _numbered_item(block: Block) -> bool:
    """A paragraph printed with an item's marker: never an unmarked quote."""
    return block.kind is BlockKind.PROSE and block.data is not None


def _plain_paragraph(block: Block, profile: Profile) -> bool:
    """Prose with no item marker that leads into nothing: what an unmarked quote looks like."""
    return (block.kind is BlockKind.PROSE and block.data is None
            and not profile.lead_in_end.search(block.texts[-1]))


_LABEL_MAX_WORDS = 4


def is_list_label(block: Block, profile: Profile) -> bool:
    """A list's label set alone above its items ("Key initiatives:"): one line of at most
    four words ending in a lead-in colon, with no item marker, and no sentence ("Its
    initiatives include:" ends the intro). It leads into the items but is neither an
    item nor an intro."""
    return (block.data is None and len(block.texts) == 1 and len(block.texts[0].split()) <= _LABEL_MAX_WORDS
            and bool(profile.lead_in_end.search(block.texts[0])) and not profile.lead_in_sentence.search(block.texts[0]))


def _lead_in_after_heading(body: list[Block], profile: Profile) -> Block | None:
    """An intro printed after the heading: the first paragraph ending in a lead-in colon,
    or the plain paragraph just above a list's label (`is_list_label`), before the quote
    closes the city. A quote read before any paragraph (a margin column read first)
    does not close it."""
    seen_prose = False
    for k, block in enumerate(body):
        if block.kind is BlockKind.PROSE:
            if is_list_label(block, profile):
                above = body[k - 1] if k > 0 else None
                if above is not None and _plain_paragraph(above, profile):
                    return above
            elif profile.lead_in_end.search(block.texts[-1]):
                return block
            seen_prose = True
        if block.kind in (BlockKind.QUOTE, BlockKind.ATTRIBUTION) and seen_prose:
            break
    return None


_MIN_ITEMS = 2
# A paragraph set across the page is at least this much wider than the items' column.
_WIDER_THAN_ITEMS = 1.4


def _paragraph_above_list(body: list[Block], profile: Profile) -> Block | None:
    """An intro after the heading that ends on a full stop, not a lead-in colon: the first
    paragraph, unmarked and ending a sentence, when what follows it is plainly a list: the
    next paragraphs open items printed with markers (at least two in the section), or
    the next two paragraphs are unmarked but set in a column markedly narrower than it
    (items in columns under a full-width intro). Without either sign the first of
    several plain paragraphs may as well be an item, and it stays one; a paragraph its
    attribution follows (an unmarked quote) is never taken. A quote or attribution an
    extractor read between columns does not end the list."""
    prose = [b for b in body if b.kind is BlockKind.PROSE]
    if len(prose) < 2:
        return None
    first, items = prose[0], prose[1 : 1 + _MIN_ITEMS]
    if not may_be_intro(body, first, profile):
        return None
    # (An extractor may have lost one item's marker: either of the next two will do.)
    if any(map(_numbered_item, items)) and sum(map(_numbered_item, prose)) >= _MIN_ITEMS:
        return first
    wide = _measure(first)
    if wide is not None and len(items) == _MIN_ITEMS and not any(map(_numbered_item, items)):
        narrow = [_measure(b) for b in items]
        if all(m is not None and m * _WIDER_THAN_ITEMS <= wide for m in narrow):
            return first
    if not any(map(_numbered_item, items)) and _spans_columns_below(first, prose[1:]):
        return first
    return None


def _box(block: Block) -> tuple[float, float, float, float] | None:
    """The block's box on its page (x0, top, x1, bottom), or None: text without geometry,
    or a block that runs onto another page."""
    boxes = [line.bbox for line in block.lines if line.bbox is not None]
    if len(boxes) < len(block.lines) or block.first.printed_page != block.last.printed_page:
        return None
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    return min(x0s), min(tops), max(x1s), max(bottoms)


def _spans_columns_below(first: Block, later: list[Block]) -> bool:
    """In a PDF, does `first` run across columns that paragraphs after it are set in? Two
    of them stand side by side below it on its page (one right of the other, their first
    lines level) and `first` reaches over the right one's left edge. Items of one line
    each in columns under a full-width intro give no column width to measure
    (`_measure`), but this they show."""
    top = _box(first)
    if top is None:
        return False
    below = [(b, box) for b in later if b.first.printed_page == first.first.printed_page
             and (box := _box(b)) is not None and box[1] >= top[3]]
    for left, lbox in below:
        for right, rbox in below:
            level = abs(lbox[1] - rbox[1]) <= 0.5 * (left.first.font_size or 0.0)
            if level and rbox[0] > lbox[2] and top[0] <= lbox[0] + 1.0 and top[2] > rbox[0]:
                return True
    return False


def may_be_intro(body: list[Block], block: Block, profile: Profile) -> bool:
    """May `block` of `body` be the city's intro by its look alone? A plain paragraph
    ending a sentence (no marker, no lead-in colon) that no attribution follows (that
    would be its quote printed without marks)."""
    return (_plain_paragraph(block, profile) and bool(profile.item_end.search(block.texts[-1]))
            and not attribution_follows(body, block))


def attribution_follows(body: list[Block], block: Block) -> bool:
    """Is the next block after `block` in `body`, past captions and stats, an attribution?
    Then `block` is likely its quote printed without marks, not an intro."""
    at = next(k for k, b in enumerate(body) if b is block)
    after = next((b for b in body[at + 1 :] if b.kind not in (BlockKind.CAPTION, BlockKind.STATS)), None)
    return after is not None and after.kind is BlockKind.ATTRIBUTION


def _measure(block: Block) -> float | None:
    """How wide a paragraph is set: its widest line but the last (a last line may stop
    short), in points where the PDF gave boxes and in characters in text. None for a
    paragraph of one line, whose width says nothing of its column."""
    if len(block.lines) < 2:
        return None
    widths = []
    for line in block.lines[:-1]:
        box = line.bbox
        widths.append(box[2] - box[0] if box is not None else float(len(line.stripped)))
    return max(widths)
