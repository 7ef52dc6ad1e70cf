"""The blocks stage: every line into a typed block, in text order.

The recognisers are tried in order on each line not yet taken (`RECOGNISERS`, as
Python-Markdown's block processors are); the first that takes it wins. What none takes
is free text, grouped and typed by `text_blocks`; a last look at captions by the
booklet's caption type follows (`caption_type`). A new layout of the genre is one more
recogniser here, not a special case in a later stage.
"""

from __future__ import annotations

from .blocks import (
    Block,
    BlockKind,
    Cursor,
    Found,
    Recogniser,
    Typography,
    heading_view,
    is_map_label,
    take,
)
from .caption_type import captions_by_type
from .headings import (
    capitals_place_headings,
    colon_headings,
    heading,
    heading_labels_removed,
    heading_style,
    heading_subtitles_removed,
    headings_set_apart,
    unnumbered_heading,
)
from .line import RepairedLines
from .named_headings import enumerated_names, named_headings
from .profile import Profile
from .recognisers import (
    attribution,
    attribution_after_quote,
    attribution_any_title,
    attribution_title_first,
    attribution_two_lines,
    contents_entry,
    credit,
    front_label,
    list_item,
    listed,
    listed_run,
    other_stat,
    page_number,
    running_head,
    section_label,
    stats,
    stats_across,
    stats_note,
    stats_row,
    stats_table,
    stats_table_in_a_line,
)
from .text_blocks import group_text, runs_on_into, type_text_blocks


def reading_headings(recognise: Recogniser) -> Recogniser:
    """A heading recogniser run on the heading texts (`blocks.heading_view`)."""

    def run(cur: Cursor, i: int) -> Found | list[Found] | None:
        with heading_view(cur):
            return recognise(cur, i)

    return run


def repeated(repaired: RepairedLines) -> Recogniser:
    """Lines the repair stage found printed again: kept out as duplicates."""

    def recognise(cur: Cursor, i: int) -> Found | None:
        return take(cur, BlockKind.DUPLICATE, i) if i in repaired.repeated_at else None

    return recognise


RECOGNISERS: tuple[tuple[str, Recogniser], ...] = (
    ("page_number", page_number),
    ("section_label", section_label),
    ("running_head", running_head),
    ("credit", credit),
    ("unnumbered_heading", reading_headings(unnumbered_heading)),
    ("front_label", front_label),
    ("heading", reading_headings(heading)),
    ("attribution_title_first", attribution_title_first),
    ("attribution", attribution),
    ("attribution_after_quote", attribution_after_quote),
    ("attribution_two_lines", attribution_two_lines),
    ("attribution_any_title", attribution_any_title),
    ("stats_table", stats_table),
    ("stats_table_in_a_line", stats_table_in_a_line),
    ("stats_row", stats_row),
    ("stats_across", stats_across),
    ("stats", stats),
    ("other_stat", other_stat),
    ("stats_note", stats_note),
    ("listed_run", listed_run),
    ("listed", listed),
    ("contents_entry", contents_entry),
    ("list_item", list_item),
)
"""The recognisers in the order they are tried (the repeated-line one goes sixth, after
page furniture: an unnumbered heading repeats its entry in the front matter's list). A
template's section label goes before the running heads: printed over every city, it
would read as one, and a running head between an intro and its heading marks a page's
edge there."""


def build_blocks(repaired: RepairedLines, profile: Profile) -> list[Block]:
    """Every line into a typed block, in text order."""
    lines, texts = repaired.lines, repaired.texts
    # What the heading recognisers read: a template's label or a title left out.
    subtitled = heading_subtitles_removed(texts, profile)
    shortened = {k: place for k, (place, _) in subtitled.items()} | heading_labels_removed(texts, profile)
    heading_texts = [shortened.get(k, text) for k, text in enumerate(texts)]
    typography = Typography.of(lines)
    running_heads = repaired.running_heads
    numbered, numbers_apart = heading_style(lines, heading_texts, profile, running_heads)
    enumerated = enumerated_names("\n".join(heading_texts), profile)  # places the front matter's prose names
    cur = Cursor(lines, texts, profile, typography, taken=[False] * len(lines), heading_texts=heading_texts,
                 running_heads=running_heads, repeated=repaired.repeated_at,
                 numbers_apart=numbers_apart, numbered=numbered,
                 colon_headings=colon_headings(heading_texts, profile),
                 apart_headings=headings_set_apart(heading_texts, profile),
                 capitals_headings=capitals_place_headings(heading_texts, profile), labelled=frozenset(shortened),
                 subtitled={k: title for k, (_, title) in subtitled.items()},
                 named=named_headings(heading_texts, profile, enumerated),
                 enumerates=bool(enumerated))
    # Page furniture first: a running head printed on every page is no duplicate.
    split = [name for name, _ in RECOGNISERS].index("unnumbered_heading") + 1
    recognisers = (*RECOGNISERS[:split], ("repeated", repeated(repaired)), *RECOGNISERS[split:])
    found: list[list[Block]] = [[] for _ in lines]  # per first line, the blocks it opens
    for i in range(len(lines)):
        if cur.taken[i]:
            continue
        for _, recognise in recognisers:
            hit = recognise(cur, i)
            if hit is None:
                continue
            hits = hit if isinstance(hit, list) else [hit]
            first = min(taken[0] for _, taken in hits)  # blocks sharing lines stay in hit order
            for block, taken in hits:
                found[first].append(block)
                for k in taken:
                    cur.taken[k] = True
            break
    # Map labels are only known once every place name is (the map comes first).
    names = sorted(cur.names, key=len, reverse=True)
    for k, line in enumerate(lines):
        if not cur.taken[k] and is_map_label(texts[k], names) and not runs_on_into(lines, texts, cur.taken, found, k, profile):
            found[k] = [Block(BlockKind.MAP_LABEL, [line], [texts[k]])]
            cur.taken[k] = True
    typed = type_text_blocks(group_text(lines, texts, found, cur.taken, profile), typography, profile)
    return captions_by_type(typed, typography, profile)
