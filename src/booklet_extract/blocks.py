"""Lines -> typed blocks: the vocabulary the section splitter works with.

A block is a run of lines that the layout keeps together (a paragraph, a
caption, a stats line, a heading). Each gets one kind:

- noise: page numbers, front-matter labels, map labels, repeated lines
- heading: "N. Country, City", possibly wrapped over up to three lines
- stats: one stats-box line ("City population: ...")
- listed: a "Country, City" line of the front matter's list of cities
- attribution: "Name, Role ..." after a quote (or a signature)
- quote: a span of text opening with a quotation mark and closing with one
- prose: a paragraph (intro, initiative, front-matter text)
- caption: a short line or two without sentence punctuation
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex as re

from . import profile
from .line import Line

NOISE_KINDS = ("page_number", "label", "map_label", "duplicate")


@dataclass
class Block:
    kind: str
    lines: list[Line]
    texts: list[str]
    data: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(t.strip() for t in self.texts)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]


def fold_name(text: str) -> str:
    """A name folded for comparison: quotes unified, case and accents kept apart.

    >>> fold_name("Côte  d‘Ivoire")
    "côte d'ivoire"
    """
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[’‘`´]", "'", text)
    return " ".join(text.split()).casefold()


def is_name(text: str) -> bool:
    """Does `text` read as a place name (capitalised words, official small words)?

    >>> is_name("Lao People’s Democratic Republic"), is_name("Saint-Louis-du-Nord")
    (True, True)
    >>> is_name("The Escuela Abierta (Open School) initiative"), is_name("Iran (Islamic Republic of)")
    (False, True)
    """
    text = profile.NAME_QUALIFIER.sub("", text).strip()
    if not text or len(text.split()) > profile.MAX_NAME_WORDS:
        return False
    return bool(profile.NAME.match(text)) and bool(re.match(r"\p{Lu}", text))


def split_country_city(text: str) -> tuple[str, str] | None:
    """'Lao People’s Democratic Republic, Vientiane' -> (country, city), at the last comma."""
    if "," not in text:
        return None
    country, _, city = text.rpartition(",")
    country, city = country.strip(), city.strip()
    if is_name(country) and is_name(city):
        return country, city
    return None


def attribution_parts(text: str) -> tuple[str, str] | None:
    """(name, role) from "Name, Role of Place", or None when the line is not one."""
    match = profile.ATTRIBUTION.match(text)
    if not match:
        return None
    name = match.group("name").strip()
    if len(name.split()) > 6 or not is_name(name):
        return None
    return name, match.group("role").strip()


def split_attribution(name_line: str, role_line: str) -> tuple[str, str] | None:
    """(name, role) from an attribution set on two lines, or None.

    >>> split_attribution("— Ann Ek", "Lord Mayor of Alpha")
    ('Ann Ek', 'Lord Mayor of Alpha')
    >>> split_attribution("Learning for all", "Mayor of Alpha") is None
    True
    """
    name_match = profile.ATTRIBUTION_NAME.match(name_line)
    role_match = profile.ROLE_LINE.match(role_line)
    if not (name_match and role_match):
        return None
    name = name_match.group("name").strip()
    if len(name.split()) > 6 or not is_name(name) or not all(w[0].isupper() for w in name.split()[-1:]):
        return None
    return name, role_match.group("role").strip()


def is_caption_like(texts: list[str]) -> bool:
    """Short, at most two lines, and not ending like a sentence."""
    joined = " ".join(t.strip() for t in texts)
    return (
        len(texts) <= profile.CAPTION_MAX_LINES
        and len(joined) <= profile.CAPTION_MAX_CHARS
        and not profile.SENTENCE_END.search(joined)
    )


@dataclass(frozen=True)
class Typography:
    """What the fonts say, when the source knows them (PDFs); silent for raw text.

    The body size is the size most of the document's characters are set in.
    Captions are set smaller and in italics; headings are never smaller than body.
    """

    body_size: float | None

    @classmethod
    def of(cls, lines: list[Line]) -> Typography:
        weight: dict[float, int] = {}
        for line in lines:
            if line.font_size:
                weight[line.font_size] = weight.get(line.font_size, 0) + len(line.text)
        return cls(max(weight, key=lambda k: weight[k]) if weight else None)

    def says_caption(self, lines: list[Line]) -> bool:
        """Small italic type: a caption, whatever its punctuation."""
        if self.body_size is None or any(ln.font_size is None for ln in lines):
            return False
        return all(ln.italic and ln.font_size < 0.95 * self.body_size for ln in lines)  # type: ignore[operator]

    def too_small_for_heading(self, line: Line) -> bool:
        return self.body_size is not None and line.font_size is not None and line.font_size < self.body_size


def opens_quote(text: str) -> bool:
    return text.lstrip()[:1] in profile.OPEN_QUOTES


def closes_quote(text: str) -> bool:
    """A line that ends a quotation: closing mark, optionally followed by . or ,"""
    return bool(re.search(r"[" + re.escape(profile.CLOSE_QUOTES) + r"][.,]?\s*$", text))


def stat_key(text: str) -> str | None:
    """Which stat a stats-box line gives ('population', ...), or None."""
    for key, pattern in profile.STAT_LINE.items():
        if pattern.match(text):
            return key
    if profile.STAT_LABEL_ONLY.match(text):
        for key, label in profile.STAT_LABELS.items():
            if re.match(rf"^\s*{label}{profile.STAT_LABEL_YEAR}\s*:", text, re.IGNORECASE):
                return key
    return None


def find_headings(
    lines: list[Line], texts: list[str], skip: set[int], typography: Typography | None = None
) -> dict[int, tuple[int, str, str, list[int]]]:
    """Heading lines: index of first line -> (number, country, city, indices used).

    Numbers must increase through the document; a numbered line that breaks the
    sequence backwards is a numbered list item, not a heading.
    """
    found: dict[int, tuple[int, str, str, list[int]]] = {}
    last_number = 0
    i = 0
    while i < len(lines):
        if i in skip:
            i += 1
            continue
        match = profile.HEADING_START.match(texts[i])
        if (
            not match
            or int(match.group("number")) <= last_number
            or (typography is not None and typography.too_small_for_heading(lines[i]))
        ):
            i += 1
            continue
        rest = match.group("rest").strip()
        used = [i]
        j = i + 1
        parsed = None if rest.endswith(",") else split_country_city(rest)
        while parsed is None and j < len(lines) and len(used) < 3:
            if j in skip:
                j += 1
                continue
            nxt = texts[j].strip()
            if len(nxt) > 60 or profile.SENTENCE_END.search(nxt) and not nxt.endswith(","):
                break
            if stat_key(nxt) or profile.HEADING_START.match(nxt):
                break
            rest = f"{rest} {nxt}"
            used.append(j)
            j += 1
            if not rest.endswith(","):
                parsed = split_country_city(rest)
        if parsed is not None:
            number = int(match.group("number"))
            found[i] = (number, parsed[0], parsed[1], used)
            last_number = number
            i = used[-1] + 1
        else:
            i += 1
    return found


def is_map_label(text: str, names: list[str]) -> bool:
    """A line made only of known place names and label separators ("Place I Country").

    >>> is_map_label("Accra I Ghana Kandy I Sri Lanka", ["sri lanka", "accra", "ghana", "kandy"])
    True
    >>> is_map_label("Accra Learning Festival", ["accra"])
    False
    """
    folded = fold_name(text)
    if not any(n in folded for n in names):
        return False
    for name in names:  # longest first, so "republic of korea" goes before "korea"
        folded = folded.replace(name, " ")
    return not re.sub(r"[\s,|•·]|(?<!\p{L})i(?!\p{L})", "", folded)
