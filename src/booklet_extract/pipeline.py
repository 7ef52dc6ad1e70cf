"""extract(source) -> Booklet: the ordered list of stages, and nothing else."""

from __future__ import annotations

import hashlib
import logging
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .block_stage import build_blocks
from .blocks import Block, BlockKind, StatData
from .errors import NotABooklet
from .fields import (
    FieldContext,
    build_city,
    build_front_matter,
    flag_at,
    groups_thousands_with_dots,
    intro_from_leading_length,
    intro_from_usual_count,
    intro_naming_its_city,
    item_columns_of,
    split_to_usual_count,
)
from .joined_captions import split_joined_captions
from .line import Line, LineSet, SourceDocument
from .models import Booklet, City, Coverage, Flag, FrontMatter, Source
from .parted_stats import rejoin_parted_stats
from .places import orient_places
from .profile import DEFAULT_PROFILE, Profile
from .repairs import fold_broken_ligatures, repair_lines
from .sections import CitySection, split_sections
from .sources import Input, display_name, load
from .sources.text import lines_from_text, normalize_newlines
from .stopped_captions import captions_ending_like_sentences
from .validate import check_cities

log = logging.getLogger(__name__)


def extract(
    path: Input,
    *,
    name: str | None = None,
    password: str | None = None,
    pages: tuple[int, int] | None = None,
    raw_text: bool = False,
    backend: str = "pdfplumber",
    profile: Profile = DEFAULT_PROFILE,
) -> Booklet:
    """Extract a booklet from a PDF or text file (the format is told by content).

    `path` may also be the file's bytes or a binary file object (the format is
    sniffed, never taken from a name); `name` is then `source.path` in the output
    and in error messages, since such input has no name of its own.
    """
    started = time.perf_counter()
    shown = name if name is not None else display_name(path)
    doc, data = load(path, password=password, pages=pages, backend=backend, name=shown, profile=profile)
    log.info("%s: read %s: %s%d line(s) in %.3f s", shown, doc.format,
             f"{doc.pages} page(s), " if doc.pages else "", len(doc.lines), time.perf_counter() - started)
    digest = data if isinstance(data, str) else hashlib.sha256(data).hexdigest()
    del data  # a long input's bytes are not held through the later stages
    analysed = analyse(doc, digest, shown, raw_text=raw_text, profile=profile)
    del doc  # the lines go (but those a flag is at) before the flags are made
    return analysed.booklet()


def parse_text(
    text: str, *, raw_text: bool = False, path: str | None = None, profile: Profile = DEFAULT_PROFILE
) -> Booklet:
    """Extract a booklet from text already in memory."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: text that came from a broken decode
        raise NotABooklet(f"not valid Unicode text (lone surrogate at position {exc.start})", path) from None
    return build_booklet(lines_from_text(normalize_newlines(text), profile=profile), data, path,
                         raw_text=raw_text, profile=profile)


def build_booklet(
    doc: SourceDocument, data: bytes | str, path: str | None, *, raw_text: bool = False,
    profile: Profile = DEFAULT_PROFILE,
) -> Booklet:
    """Run the stages on a source document: repairs, blocks, sections, fields, checks.

    `data` is the input's bytes, or their SHA-256 hex digest already taken.
    """
    return analyse(doc, data, path, raw_text=raw_text, profile=profile).booklet()


FlagAt = tuple[str, str, Line, str | None, str | None, int | None]
"""A flag still to be made: `flag_at`'s kind, message, line, printed, fixed and city."""


@dataclass(slots=True)
class Analysed:
    """What the stages found, the flags not yet made into models.

    It holds none of the document's lines (but those a flag is at), blocks or glue:
    a caller that lets the source document go before `booklet()` (as `extract`
    does) makes the flags, thousands of models in a long booklet, in the memory the
    lines leave, rather than on top of them.
    """

    source: Source
    front: FrontMatter
    cities: list[City]
    located: list[FlagAt]  # repairs and repeated lines
    field_flags: list[Flag]
    unassigned: list[FlagAt]
    coverage: Coverage
    path: str | None
    lap: Callable[[], float]

    def booklet(self) -> Booklet:
        """The checks across fields, every flag in line order, and the booklet."""
        flags = [flag_at(kind, message, line, printed=printed, fixed=fixed, city=city)
                 for kind, message, line, printed, fixed, city in self.located]
        flags += self.field_flags
        flags += check_cities(self.front, self.cities)
        flags += [flag_at(kind, message, line, printed=printed, fixed=fixed, city=city)
                  for kind, message, line, printed, fixed, city in self.unassigned]
        flags.sort(key=lambda f: (f.line if f.line is not None else -1, f.kind))
        coverage = self.coverage
        log.info("%s: validation: %d flag(s), %d of %d line(s) assigned, %d noise in %.3f s",
                 self.path, len(flags), coverage.assigned, coverage.lines, coverage.noise, self.lap())
        return Booklet(source=self.source, booklet=self.front, cities=self.cities, flags=flags,
                       coverage=coverage)


def analyse(
    doc: SourceDocument, data: bytes | str, path: str | None, *, raw_text: bool = False,
    profile: Profile = DEFAULT_PROFILE,
) -> Analysed:
    """The stages up to the flags: repairs, blocks, sections, fields (see `build_booklet`)."""
    lines = doc.lines
    lap = _stopwatch()
    repaired = repair_lines(lines, profile)
    log.info("%s: repairs: %d line(s), %d repair(s), %d repeated line(s) in %.3f s", path, len(lines),
             sum(len(r) for r in repaired.inline), len(repaired.repeated), lap())  # candidates: running heads drop out
    blocks = build_blocks(repaired, profile)
    sections = split_sections(blocks, profile)
    orient_places(sections, profile)
    rejoin_parted_stats(sections.cities, profile)
    captions_ending_like_sentences(sections.cities, profile)
    split_joined_captions(sections.cities, profile, sections.trailing, sections.noise)
    intro_from_usual_count(sections.cities, profile)
    intro_from_leading_length(sections.cities, profile)
    intro_naming_its_city(sections.cities, profile)
    split_to_usual_count(sections.cities, profile)
    intro_from_usual_count(sections.cities, profile)  # a split may show an intro run into the items
    log.info("%s: blocks and sections: %d block(s), %d city section(s) in %.3f s",
             path, len(blocks), len(sections.cities), lap())
    figures = (b.data.entry for b in blocks if isinstance(b.data, StatData))
    columns = item_columns_of(sections.cities, profile)
    ctx = FieldContext(repaired=repaired, profile=profile, raw=raw_text,
                       dot_thousands=groups_thousands_with_dots(figures, profile), item_columns=columns,
                       line_numbers=LineSet(line.number for line in lines) if columns else LineSet())
    front = build_front_matter(sections.front, ctx, before_cities=bool(sections.cities))
    cities = [build_city(section, ctx) for section in sections.cities]
    log.info("%s: fields: %d cities in %.3f s", path, len(cities), lap())
    for city in cities:
        log.debug("%s: city %d: %s, %s: %d initiative(s), quote %s", path, city.number, city.country,
                  city.city, len(city.initiatives), "yes" if city.quote else "no")

    city_of_line = _cities_by_line(sections.cities, lines)
    # Repairs inside noise (map labels, page numbers, repeated lines) are not reported:
    # a repeated line is reported once, as the repeat it is.
    noise = LineSet(line.number for b in sections.noise for line in b.lines)
    reported = [r for repairs in repaired.inline for r in repairs if r.line.number not in noise]
    reported, joined = fold_broken_ligatures(reported, ctx.repairs)
    # One repair may cover several lines (a copy wrapped over lines): reported once.
    repeats = list({id(repair): repair for repair in (
        repaired.repeated[line.number] for b in blocks if b.kind is BlockKind.DUPLICATE
        for line in b.lines if line.number in repaired.repeated)}.values())
    located: list[FlagAt] = [
        (repair.kind, repair.message, repair.line, repair.printed, repair.fixed,
         city_of_line.get(repair.line.number))
        for repair in [*doc.repairs, *reported, *joined, *repeats]
    ]
    unassigned: list[FlagAt] = [
        ("unassigned_text", f"{len(block.lines)} line(s) not assigned to any field", block.first,
         block.text, None, city_of_line.get(block.first.number))
        for block in _unassigned(blocks, ctx.used)
    ]
    coverage = _coverage(lines, ctx.used, noise)
    source = Source(path=path, sha256=data if isinstance(data, str) else hashlib.sha256(data).hexdigest(),
                    format="pdf" if doc.format == "pdf" else "text", pages=doc.pages)
    return Analysed(source=source, front=front, cities=cities, located=located, field_flags=ctx.flags,
                    unassigned=unassigned, coverage=coverage, path=path, lap=lap)


def _coverage(lines: Sequence[Line], used: LineSet, noise: LineSet) -> Coverage:
    """How many of the lines the fields used, how many are noise, how many neither.

    Counted over `LineSet`s (a byte per line number), not hash sets: a set of every
    line number of a long booklet was the top of its peak of memory.
    """
    present = LineSet(line.number for line in lines)
    assigned = sum(1 for n in used if n in present and n not in noise)
    noise_lines = sum(1 for n in noise if n in present)
    return Coverage(lines=len(present), assigned=assigned, noise=len(noise),
                    unassigned=len(present) - assigned - noise_lines)


def _stopwatch() -> Callable[[], float]:
    """A function giving the seconds since it was last called (or made)."""
    last = [time.perf_counter()]

    def lap() -> float:
        now = time.perf_counter()
        elapsed, last[0] = now - last[0], now
        return elapsed

    return lap


class _CityOfLine:
    """The city number of each line number, -1 for none: one machine integer a line
    (a dict of every line of a long booklet was a few MB at the peak of memory)."""

    def __init__(self, top: int) -> None:
        self.cities = array("i", [-1]) * (top + 1)

    def get(self, number: int) -> int | None:
        city = self.cities[number] if 0 <= number < len(self.cities) else -1
        return city if city >= 0 else None


def _cities_by_line(sections: list[CitySection], lines: Sequence[Line]) -> _CityOfLine:
    """Each line's city: the lines of its sections, and a line outside every field (noise,
    a repeated line) the city around it, when the nearest assigned lines before and after
    it belong to that same city."""
    city_of_line = _CityOfLine(max((line.number for line in lines), default=0))
    cities = city_of_line.cities
    for section in sections:
        for block in [section.heading, *section.blocks, *([section.intro] if section.intro else [])]:
            for line in block.lines:
                cities[line.number] = section.number
    before = array("i", [-1]) * len(lines)
    last = -1
    for i, line in enumerate(lines):
        if cities[line.number] >= 0:
            last = cities[line.number]
        before[i] = last
    after = -1
    for i in range(len(lines) - 1, -1, -1):
        n = lines[i].number
        if cities[n] >= 0:
            after = cities[n]
        elif after >= 0 and before[i] == after:
            cities[n] = after
    return city_of_line


def _unassigned(blocks: list[Block], used: LineSet) -> list[Block]:
    return [b for b in blocks if not b.kind.is_noise and not any(ln.number in used for ln in b.lines)]


__all__ = ["Analysed", "analyse", "build_booklet", "extract", "parse_text"]
