"""Typed lines -> front matter + one section per city.

The order of a booklet's text layer is not reading order: a stats box or a
caption may come before the heading it belongs to, and the intro paragraph
sits before its heading. The rules here are about the genre's structure, not
its words:

- A city's intro is the prose paragraph just before its heading (captions and
  stats between them are allowed), or failing that the first paragraph after
  the heading that ends in a lead-in colon.
- A city closes with its quote and attribution. What follows in the same region
  (page, or text box run in raw text) is still the city's (trailing captions);
  from the first block in a new region, the first stats line (when the city
  already has stats) or the first paragraph, the blocks belong to the next city.
- Before the first city, walking back from its intro, captions and stats are
  the city's; the first thing that is neither ends the front matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from . import profile
from .blocks import (
    NOISE_KINDS,
    Block,
    Typography,
    attribution_parts,
    closes_quote,
    find_headings,
    fold_name,
    is_caption_like,
    is_map_label,
    opens_quote,
    split_attribution,
    split_country_city,
    stat_key,
)
from .line import Line, Repair
from .repairs import find_repeated_lines


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


def _two_line_attribution(
    texts: Sequence[str], kinds: list[str | None], i: int, *, before_cities: bool
) -> tuple[str, str] | None:
    """Name on line i, role on line i+1, right after a quotation (or, in the front
    matter, after a paragraph): the signature of a quote or a foreword."""
    if i == 0 or i + 1 >= len(texts) or kinds[i + 1] is not None:
        return None
    prev = texts[i - 1]
    if not (closes_quote(prev) or (before_cities and profile.SENTENCE_END.search(prev))):
        return None
    return split_attribution(texts[i], texts[i + 1])


def _listed_pair(texts: Sequence[str], kinds: list[str | None], i: int) -> tuple[str, str, bool] | None:
    """A front-matter "Country, City" entry at line i, perhaps wrapped onto line i+1.

    Returns (country, city, wrapped).
    """
    pair = None if texts[i].rstrip().endswith(",") else split_country_city(texts[i])
    if pair:
        return pair[0], pair[1], False
    if i + 1 < len(texts) and kinds[i + 1] is None and len(texts[i + 1].strip()) <= 60:
        pair = split_country_city(f"{texts[i].strip()} {texts[i + 1].strip()}")
        if pair:
            return pair[0], pair[1], True
    return None


def classify_lines(lines: Sequence[Line], texts: Sequence[str]) -> tuple[list[Block], list[Repair]]:
    """Give every line a kind and group the lines into blocks, in text order."""
    kinds: list[str | None] = [None] * len(lines)
    data: dict[int, dict[str, str]] = {}
    for i, text in enumerate(texts):
        stripped = text.strip()
        if profile.PAGE_NUMBER.match(stripped):
            kinds[i] = "page_number"
        elif profile.FRONT_LABELS.match(stripped):
            kinds[i] = "label"
    skip = {i for i, k in enumerate(kinds) if k}
    typography = Typography.of(list(lines))
    headings = find_headings(list(lines), list(texts), skip, typography)
    heading_lines: dict[int, int] = {}
    for start, (number, country, city, used) in headings.items():
        for j in used:
            kinds[j] = "heading"
            heading_lines[j] = start
        data[start] = {"number": str(number), "country": country, "city": city}
    first_heading = min(headings) if headings else len(lines)

    names: set[str] = set()
    for _, country, city, _ in headings.values():
        names.update((fold_name(country), fold_name(city)))
    for i, text in enumerate(texts):
        if kinds[i]:
            continue
        if parts := attribution_parts(text):
            kinds[i] = "attribution"
            data[i] = {"name": parts[0], "role": parts[1]}
        elif parts2 := _two_line_attribution(texts, kinds, i, before_cities=i < first_heading):
            kinds[i] = kinds[i + 1] = "attribution"
            data[i] = {"name": parts2[0], "role": parts2[1]}
        elif key := stat_key(text):
            kinds[i] = "stats"
            data[i] = {"stat": key}
        elif i < first_heading and (pair := _listed_pair(texts, kinds, i)):
            kinds[i] = "listed"
            data[i] = {"country": pair[0], "city": pair[1]}
            names.update(fold_name(p) for p in pair[:2])
            if pair[2]:
                kinds[i + 1] = "listed"  # the wrapped second half of the entry
    ordered_names = sorted(names, key=len, reverse=True)
    for i, text in enumerate(texts):
        if kinds[i] is None and is_map_label(text, ordered_names):
            kinds[i] = "map_label"

    # Repeated lines, among what is left (headings are protected).
    keep = [i for i, k in enumerate(kinds) if k not in ("page_number", "label", "map_label")]
    repeats = find_repeated_lines(
        [lines[i] for i in keep], [texts[i] for i in keep], {lines[i].number for i in heading_lines}
    )
    repeated = {r.line.number for r in repeats}
    for i in keep:
        if lines[i].number in repeated:
            kinds[i] = "duplicate"

    blocks: list[Block] = []
    for i, line in enumerate(lines):
        kind = kinds[i]
        if kind == "heading":
            start = heading_lines[i]
            if i == start:
                blocks.append(Block("heading", [line], [texts[i]], data[start]))
            else:
                blocks[-1].lines.append(line)
                blocks[-1].texts.append(texts[i])
            continue
        if kind in ("listed", "attribution") and i not in data:  # second line of a wrapped entry
            blocks[-1].lines.append(line)
            blocks[-1].texts.append(texts[i])
            continue
        if kind is not None:
            blocks.append(Block(kind, [line], [texts[i]], data.get(i, {})))
            continue
        prev = blocks[-1] if blocks else None
        continues = (
            prev is not None
            and prev.kind == "text"
            and not line.block_start
            and not (opens_quote(texts[i]) and profile.SENTENCE_END.search(prev.texts[-1]))
        )
        if continues and prev is not None:
            prev.lines.append(line)
            prev.texts.append(texts[i])
        else:
            blocks.append(Block("text", [line], [texts[i]]))
    return _type_text_blocks(blocks, typography), repeats


def _type_text_blocks(blocks: list[Block], typography: Typography) -> list[Block]:
    """Turn 'text' blocks into quote, prose or caption blocks."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind != "text":
            out.append(block)
            i += 1
            continue
        if typography.says_caption(block.lines):
            block.kind = "caption"
            out.append(block)
            i += 1
            continue
        if opens_quote(block.texts[0]) and (
            not is_caption_like(block.texts) or _continued_by(blocks, i + 1)
        ):
            span = Block("quote", list(block.lines), list(block.texts))
            j = i + 1
            while (
                (not closes_quote(span.texts[-1]) or _continued_by(blocks, j))
                and j < len(blocks)
                and blocks[j].kind in ("text", "page_number")
            ):
                if blocks[j].kind == "text":
                    span.lines += blocks[j].lines
                    span.texts += blocks[j].texts
                else:
                    out.append(blocks[j])  # a page number inside a quote stays noise
                j += 1
            out.append(span)
            i = j
            continue
        block.kind = "caption" if is_caption_like(block.texts) else "prose"
        out.append(block)
        i += 1
    return out


def _continued_by(blocks: list[Block], j: int) -> bool:
    """Does block j carry on the sentence before it (text opening in lowercase)?

    A closing mark followed by lowercase text was an apostrophe ("our teachers’"
    / "and families’ ideas"), not the end of a quotation.
    """
    while j < len(blocks) and blocks[j].kind == "page_number":
        j += 1
    return j < len(blocks) and blocks[j].kind == "text" and blocks[j].texts[0].strip()[:1].islower()


def split_sections(blocks: list[Block]) -> Sections:
    """Cut the block stream into front matter and city sections (the rest is unassigned)."""
    noise = [b for b in blocks if b.kind in NOISE_KINDS]
    content = [b for b in blocks if b.kind not in NOISE_KINDS]
    heads = [i for i, b in enumerate(content) if b.kind == "heading"]
    position = {id(b): i for i, b in enumerate(blocks)}
    content_index = {id(b): i for i, b in enumerate(content)}
    if not heads:
        return Sections(front=content, cities=[], noise=noise)

    # Find each city's intro and where its leading blocks begin.
    starts: list[int] = []
    intros: list[int | None] = []
    prev_end = -1
    for n, h in enumerate(heads):
        intro = None
        j = h - 1
        while j > prev_end and content[j].kind in ("caption", "stats"):
            j -= 1
        if j > prev_end and content[j].kind == "prose":
            intro = j
        intros.append(intro)
        if n == 0:
            # Walk back over the full stream: noise (a page number, a map label)
            # marks the page edge, so it ends the walk.
            s = position[id(content[intro if intro is not None else h])]
            while s - 1 >= 0 and blocks[s - 1].kind in ("caption", "stats"):
                s -= 1
            starts.append(content_index[id(blocks[s])])
        else:
            starts.append(-1)  # decided below, from the previous city's closing
        prev_end = h

    cities: list[CitySection] = []
    for n, h in enumerate(heads):
        head = content[h]
        section = CitySection(
            number=int(head.data["number"]),
            country=head.data["country"],
            city=head.data["city"],
            heading=head,
        )
        cities.append(section)
        # The next city's intro bounds this city's body from above.
        limit = intros[n + 1] if n + 1 < len(heads) and intros[n + 1] is not None else (
            heads[n + 1] if n + 1 < len(heads) else len(content)
        )
        body = content[h + 1 : limit]
        leading_has_stats = any(b.kind == "stats" for b in content[starts[n] : h])
        split = _closing_split(body, leading_has_stats)
        section.body = body[:split]
        if n + 1 < len(heads):
            starts[n + 1] = h + 1 + split
        # After the last city, body[split:] is trailing matter: reported as unassigned.
    for n, h in enumerate(heads):
        section = cities[n]
        section.leading = content[starts[n] : h]
        intro_index = intros[n]
        if intro_index is not None and starts[n] <= intro_index < h:
            section.intro = content[intro_index]
            section.leading = [b for b in section.leading if b is not section.intro]
        else:
            section.intro = _lead_in_after_heading(section.body)
            if section.intro is not None:
                section.body = [b for b in section.body if b is not section.intro]
    front = content[: starts[0]]
    return Sections(front=front, cities=cities, noise=noise)


def _closing_split(body: list[Block], has_stats: bool = False) -> int:
    """Index in `body` where the city's own blocks end and the next city's begin."""
    anchor = None
    for i, block in enumerate(body):
        if block.kind in ("attribution", "quote"):
            anchor = i
    if anchor is None:
        # No quote: the city's blocks run until a stats box repeats.
        seen_stats: set[str] = set()
        for i, block in enumerate(body):
            if block.kind == "stats":
                key = block.data["stat"]
                if key in seen_stats:
                    return i
                seen_stats.add(key)
        return len(body)
    has_stats = has_stats or any(b.kind == "stats" for b in body[:anchor])
    region = body[anchor].last.region
    for i in range(anchor + 1, len(body)):
        block = body[i]
        if block.first.region != region or block.kind == "prose" or block.kind == "heading":
            return i
        if block.kind == "stats" and has_stats:
            return i
    return len(body)


def _lead_in_after_heading(body: list[Block]) -> Block | None:
    """An intro printed after the heading: the first paragraph ending in a lead-in colon."""
    for block in body:
        if block.kind == "prose" and profile.LEAD_IN_END.search(block.texts[-1]):
            return block
        if block.kind in ("quote", "attribution"):
            break
    return None
