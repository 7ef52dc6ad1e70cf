#!/usr/bin/env python3
"""Generate the layout suite: tests/layouts/<case>/{layout.pdf, expected.json, text/*}.

Each *layout* re-typesets booklet *content* (the clean, hand-checked fields of the shared
2019 sample and of the variation booklets in tests/variations) through a real typesetter:
reportlab (our own line breaker + pyphen hyphenation), LibreOffice (flat ODT with automatic
hyphenation) or Chromium (HTML/CSS columns, hyphenation by soft hyphens from pyphen).
Damage is injected on purpose (ligature splits, overprinted lines, duplicated runs) and
every expected file is derived from the source content plus the damage injected here, plus
the typesetter's own line-end hyphens read back from the generated PDF's lines. Nothing is
taken from booklet-extract's output.

usage: python scripts/make_layouts.py [--only CASE_SUBSTRING] [--add-texts EXTRACTOR]

PyMuPDF (AGPL) is imported here only, to produce the pymupdf.txt fixture text and to read
line geometry, and so is pymupdf4llm (AGPL, built on it), for the Markdown a language-model
pipeline makes of the PDF (pymupdf4llm.txt); tests and src never import either.
"""

from __future__ import annotations

import argparse
import collections
import copy
import html
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE_GOLD = SHARED / "booklets" / "learning-city-award-2019.expected.json"
VARIATIONS = ROOT / "tests" / "variations"
OUT = ROOT / "tests" / "layouts"
# pdftotext's layout mode last: its text keeps each page's columns side by side.
LAID_OUT = "pdftotext-layout"
# Markdown for language models (pymupdf4llm) after it: a text whose marks the reader takes off.
MARKDOWN = "pymupdf4llm"
EXTRACTORS = ("pdfminer", "pypdfium2", "pdftotext", "pymupdf", "pypdf", LAID_OUT, MARKDOWN)

LIG_MARK = "\ue000"  # placeholder for the gap after a ligature glyph: drawn as a space, never broken
STAT_LABELS = {"population": "City population", "area_km2": "City/urban area", "gdp_usd": "Annual GDP"}


# ----------------------------------------------------------------------------- content


@dataclass
class Content:
    name: str
    booklet: dict[str, Any]
    cities: list[dict[str, Any]]

    @property
    def running_title(self) -> str:
        return self.booklet.get("title") or "UNESCO Learning City Award"


def load_sample() -> Content:
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    b = gold["booklet"]
    booklet = {k: b.get(k) for k in ("title", "year", "introduction", "foreword", "signatory", "listed_cities")}
    cities = [{k: c[k] for k in ("number", "country", "city", "stats", "intro", "initiatives", "quote",
                                 "speaker", "speaker_role", "captions")} for c in gold["cities"]]
    return Content("sample", booklet, cities)


def load_variation(name: str) -> Content:
    v = json.loads((VARIATIONS / f"{name}.expected.json").read_text(encoding="utf-8"))
    b = v["booklet"]
    booklet = {k: b.get(k) for k in ("title", "year", "introduction", "foreword", "signatory")}
    booklet["listed_cities"] = [{"country": c, "city": ci} for c, ci in b["listed_cities"]]
    cities = []
    for c in v["cities"]:
        q = c.get("quote") or {}
        stats = {k: c["stats"].get(k) for k in STAT_LABELS}
        cities.append({"number": c["number"], "country": c["country"], "city": c["city"], "stats": stats,
                       "intro": c["intro"], "initiatives": list(c["initiatives"]), "quote": q.get("text"),
                       "speaker": q.get("speaker"), "speaker_role": q.get("role"),
                       "captions": list(c["captions"])})
    return Content(name, booklet, cities)


VARIATION_NAMES = sorted(p.name.removesuffix(".expected.json") for p in VARIATIONS.glob("*.expected.json"))


# ----------------------------------------------------------------------------- damage


LIG_RE = re.compile(r"ffi|ffl|ff|fi|fl")
WORD_RE = re.compile(r"\S+")
CORE_RE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$")


@dataclass
class Damage:
    """Injected artifacts of one case, in the checker's format."""

    lig_every: int = 1  # split every n-th ligature candidate (0: none)
    overprint: set[str] = field(default_factory=set)  # keys of lines drawn twice at one place
    run_dup: set[str] = field(default_factory=set)  # keys of runs printed twice in a row
    counter: int = 0
    ligature_splits: list[dict[str, str]] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)
    dup_strings: list[str] = field(default_factory=list)  # fixed strings drawn twice (overprint)
    printed_pieces: list[str] = field(default_factory=list)  # every clean piece printed once

    def body(self, text: str) -> str:
        """Body text with ligature splits: 'financial' -> 'fi' LIG_MARK 'nancial'."""
        self.printed_pieces.append(text)
        if not self.lig_every:
            return text

        def split(m: re.Match[str]) -> str:
            lead, core, trail = CORE_RE.match(m.group(0)).groups()  # type: ignore[union-attr]
            if not core.isalpha() or not core.islower() or len(core) < 4:
                return m.group(0)
            lig = LIG_RE.search(core)
            if not lig or lig.end() >= len(core) - 1:
                return m.group(0)
            self.counter += 1
            if (self.counter - 1) % self.lig_every:
                return m.group(0)
            head, tail = core[: lig.end()], core[lig.end():]
            gap = LIG_MARK * (2 if lig.group(0) == "ffi" else 1)
            self.ligature_splits.append({"printed": head + " " * len(gap) + tail, "fixed": core})
            return lead + head + gap + tail + trail

        return WORD_RE.sub(split, text)

    def line(self, key: str, text: str) -> tuple[str, bool]:
        """A short line (caption, attribution, signature): returns (printed, overprint?)."""
        self.printed_pieces.append(text)
        if key in self.run_dup:
            self.duplicates.append({"printed": text + text, "fixed": text})
            return text + text, False
        if key in self.overprint:
            self.duplicates.append({"printed": text + "\n" + text, "fixed": text})
            self.dup_strings.append(text)
            return text, True
        return text, False


def shown(text: str) -> str:
    return text.replace(LIG_MARK, " ")


# ----------------------------------------------------------------------------- document model


def stat_parts(city: dict[str, Any], cfg: dict[str, Any] | None = None) -> list[tuple[str, str, str]]:
    """(key, label, figure) for each printed stat; the figure carries the year if any.
    Under a heading that prints the city alone (`heading_form` "city-alone") the box
    names the country first ("Country: Ruritania")."""
    out = []
    if (cfg or {}).get("heading_form") == "box":
        out += [("city", "City", city["city"]), ("country", "Country", city["country"])]
    if (cfg or {}).get("heading_form") == "city-alone":
        out.append(("country", "Country", city["country"]))
    for key, label in STAT_LABELS.items():
        s = (city.get("stats") or {}).get(key)
        if not s:
            continue
        fig = s["raw"] + (f" ({s['year']})" if s.get("year") else "")
        out.append((key, label, fig))
    return out


# A stat printed as not available: missing, not a malformed number.
NOT_AVAILABLE = frozenset({"n/a", "n.a.", "not available", "–", "—", "-"})


# A GDP printed in another currency than the US dollar: no value, and no malformed number
# either (the reader flags it `other_currency`, which the checker does not count).
OTHER_CURRENCY = re.compile(r"€|£|¥|₹|₩|\b(?:EUR|GBP|JPY|CNY|RMB|INR|KRW|CHF)\b|euros?\b", re.IGNORECASE)


def malformed(content: Content) -> list[dict[str, Any]]:
    out = []
    for c in content.cities:
        for key, s in (c.get("stats") or {}).items():
            if key == "gdp_usd" and s and OTHER_CURRENCY.search(s.get("raw") or ""):
                continue
            if s and s.get("value") is None and s.get("raw") and s["raw"].strip().lower() not in NOT_AVAILABLE:
                out.append({"printed": s["raw"], "field": key, "city": c["city"]})
    return out


def place_text(city: dict[str, Any], city_first: bool = False) -> str:
    """"Country, City", or "City, Country" as many booklets print it."""
    return f"{city['city']}, {city['country']}" if city_first else f"{city['country']}, {city['city']}"


# Titles a magazine-like template prints after each city's place.
SUBTITLES = ("Learning in every street", "A river that teaches", "Where the guilds still train",
             "Every library a school", "A city of second chances", "Open doors, open minds")


def heading(city: dict[str, Any], caps: bool = False, numbered: bool = True, city_first: bool = False,
            form: str = "line", label: str = "Laureate") -> str:
    """A city's heading; `form` "two-lines" sets its names on two lines ("Ruritania" /
    "Strelsau"), "bar" parts them by a bar ("STRELSAU | RURITANIA"), "city-alone" prints
    the city only (its stats box names the country), "city-alone-listed" too (only the
    front matter's list names the country), "colon" prints "Ruritania: Strelsau",
    "labelled" the place after a template's label ("Laureate: Ruritania, Strelsau"),
    "subtitled" a title after the place ("Ruritania, Strelsau – A town of mills") and
    "box" nothing (the stats box names city and country). Lines part at "\n"."""
    names = [city["city"], city["country"]] if city_first else [city["country"], city["city"]]
    h = {"two-lines": "\n".join(names), "bar": " | ".join(names), "city-alone": city["city"],
         "city-alone-listed": city["city"], "colon": f"{city['country']}: {city['city']}",
         "labelled": f"{label}: {place_text(city, city_first)}", "box": "",
         "subtitled": f"{place_text(city, city_first)} – {SUBTITLES[(city['number'] - 1) % len(SUBTITLES)]}",
         }.get(form, place_text(city, city_first))
    h = f"{city['number']}. {h}" if numbered else h
    return h.upper() if caps else h


def list_entry(place: dict[str, Any], cfg: dict[str, Any], k: int) -> str:
    """An entry of the front matter's list of cities, as `cfg["front_list"]` sets it:
    plain, bulleted ("• Ruritania, Strelsau"), numbered ("1. ...") or "Strelsau (Ruritania)"."""
    style = cfg.get("front_list", "plain")
    if style == "city-country":
        return f"{place['city']} ({place['country']})"
    text = place_text(place, cfg.get("city_first", False))
    return {"bulleted": f"• {text}", "numbered": f"{k}. {text}"}.get(style, text)


def city_heading(city: dict[str, Any], cfg: dict[str, Any]) -> str:
    return heading(city, cfg.get("caps_heading", False), cfg.get("numbered_headings", True),
                   cfg.get("city_first", False), cfg.get("heading_form", "line"), cfg.get("heading_label", "Laureate"))


def labelled(cfg: dict[str, Any], caption: str) -> str:
    """A caption as printed: after a "Photo:" label where `cfg["photo_label"]`."""
    return f"Photo: {caption}" if cfg.get("photo_label") else caption


def attribution(city: dict[str, Any]) -> str:
    return f"{city['speaker']}, {city['speaker_role']}"


def list_marker(style: str, i: int) -> str:
    letter, roman = "abcdefghij"[i - 1], ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][i - 1]
    return {"1.": f"{i}.", "1)": f"{i})", "(1)": f"({i})", "a)": f"{letter})", "(a)": f"({letter})",
            "i.": f"{roman}.", "•": "•", "–": "–", "▪": "▪", "►": "►", "✓": "✓",
            "Initiative 1:": f"Initiative {i}:", "INITIATIVE 1": f"INITIATIVE {i}",
            "1": f"{i}", "01": f"{i:02d}", "1 –": f"{i} –"}.get(style, "")


def marker_above(style: str) -> bool:
    """Is the marker a label set on a line of its own over its item ("INITIATIVE 2")?"""
    return style == "INITIATIVE 1"


def quoted(cfg: dict[str, Any], text: str) -> str:
    """The quote as the layout prints it: in quotation marks, or (`quote_marks=False`,
    an italic pull quote whose text layer keeps no marks) without."""
    return "‘" + text + "’" if cfg.get("quote_marks", True) else text


# ----------------------------------------------------------------------------- hyphenation

_PYPHEN: Any = None


def hyphen_points(core: str) -> list[int]:
    global _PYPHEN
    if _PYPHEN is None:
        import pyphen

        _PYPHEN = pyphen.Pyphen(lang="en_US", left=2, right=3)
    return list(_PYPHEN.positions(core.lower()))


class WordMarks:
    """Hyphenation of one Chromium document, word occurrence by word occurrence.

    Occurrences are the body words of 6+ letters that pyphen can break, numbered in document order.
    breaks None (first pass): U+00AD at every pyphen point. Otherwise {occurrence: position}: a plain
    hyphen at that point of those occurrences only; every other occurrence is printed as in the source.
    """

    def __init__(self, breaks: dict[int, int] | None = None) -> None:
        self.breaks = breaks
        self.cores: list[str] = []  # core of occurrence i

    def __call__(self, text: str) -> str:
        def one(m: re.Match[str]) -> str:
            w = m.group(0)
            if LIG_MARK in w:
                return w
            lead, core, trail = CORE_RE.match(w).groups()  # type: ignore[union-attr]
            if len(core) < 6 or not core.isalpha() or core.isupper():
                return w
            pts = hyphen_points(core)
            if not pts:
                return w
            i = len(self.cores)
            self.cores.append(core)
            if self.breaks is None:
                for p in reversed(pts):
                    core = core[:p] + "\u00ad" + core[p:]
            elif i in self.breaks:
                p = self.breaks[i]
                core = core[:p] + "-" + core[p:]
            return lead + core + trail

        return WORD_RE.sub(one, text)


# ----------------------------------------------------------------------------- reportlab

FONT_FILES = {
    "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    "LiberationSerif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold": "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic": "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
    "LiberationSans": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "LiberationSans-Bold": "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "LiberationSans-Italic": "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
}
FAMILIES = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"),
    "LiberationSerif": ("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"),
    "LiberationSans": ("LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic"),
}
# standard 14 fonts only encode cp1252: fall back to the metric-compatible Liberation face
FALLBACK = {"Helvetica": "LiberationSans", "Times": "LiberationSerif"}


def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, path in FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))


def content_chars(content: Content) -> str:
    return json.dumps([content.booklet, content.cities], ensure_ascii=False)


def fits_cp1252(s: str) -> bool:
    try:
        s.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


@dataclass
class St:
    font: str
    size: float
    leading: float
    align: str = "left"  # left | justify | center
    hyphenate: bool = False
    hyph_caps: bool = False
    color: tuple[float, float, float] = (0, 0, 0)


@dataclass
class RLine:
    words: list[str]
    last: bool  # last line of its paragraph
    hyph: str = ""  # "soft": typesetter-inserted hyphen at the end; "real": break after an existing hyphen


class RLDoc:
    def __init__(self, path: Path, cfg: dict[str, Any], content: Content, dmg: Damage) -> None:
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.pdfgen import canvas

        register_fonts()
        self.cfg, self.content, self.dmg = cfg, content, dmg
        self.W, self.H = landscape(A4) if cfg["landscape"] else A4
        self.c = canvas.Canvas(str(path), pagesize=(self.W, self.H), invariant=1, pageCompression=1)
        self.c.setTitle(content.running_title)
        self.c.setAuthor("booklet-extract layout suite")
        self.c.setCreator("scripts/make_layouts.py")
        fam = cfg["family"]
        if not fits_cp1252(content_chars(content) + "".join(cfg.get("extra_chars", ""))) and fam in FALLBACK:
            fam = FALLBACK[fam]
        self.reg, self.bold, self.ital = FAMILIES[fam]
        m = cfg["margin"]
        self.top, self.bottom = self.H - m, m + 18
        self.x0, self.x1 = m, self.W - m
        self.page_no = cfg.get("first_page", 1)
        self.y = self.top
        self.hyphens: list[tuple[str, str, str]] = []  # (head, tail, kind) as set by the line breaker

    # --- pages
    def finish_page(self) -> None:
        c, cfg = self.c, self.cfg
        title = self.content.running_title + (f" {self.content.booklet['year']}" if self.content.booklet.get("year") else "")
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.setFont(self.reg, 7.5)
        rh = cfg.get("running")
        if rh == "footer-bar":
            c.drawString(self.x0, self.bottom - 24, f"{title} | {self.page_no}")
        elif rh == "header-plain":
            c.drawRightString(self.x1, self.H - self.cfg["margin"] + 14, f"{title} {self.page_no}")
        elif rh == "number-only":
            c.drawCentredString(self.W / 2, self.bottom - 24, str(self.page_no))
        elif rh == "margin-number":
            c.drawString(self.x0, self.bottom - 24, str(self.page_no))
            c.drawRightString(self.x1, self.H - self.cfg["margin"] + 14, title)
        c.setFillColorRGB(0, 0, 0)

    def new_page(self) -> None:
        self.finish_page()
        self.c.showPage()
        self.page_no += 1
        self.y = self.top

    def close(self) -> None:
        self.finish_page()
        self.c.showPage()
        self.c.save()

    # --- text
    def w(self, s: str, font: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(shown(s), font, size)

    def wrap(self, text: str, st: St, width: float, first_width: float | None = None) -> list[RLine]:
        words = text.split()
        lines: list[RLine] = []
        cur: list[str] = []
        avail = first_width if first_width is not None else width
        sp = self.w(" ", st.font, st.size)
        i = 0
        while i < len(words):
            word = words[i]
            cw = self.w(" ".join(cur), st.font, st.size) if cur else 0.0
            need = cw + (sp if cur else 0) + self.w(word, st.font, st.size)
            if need <= avail or not cur and not st.hyphenate:
                cur.append(word)
                i += 1
                continue
            if st.hyphenate:
                br = self.best_break(word, st, avail - cw - (sp if cur else 0))
                if br is not None and (cur or br[0]):
                    head, tail, kind = br
                    lines.append(RLine(cur + [head + ("-" if kind == "soft" else "")], False, kind))
                    self.hyphens.append((head, tail, kind))
                    words[i] = tail
                    cur = []
                    avail = width
                    continue
            if not cur:  # a single word wider than the line
                cur.append(word)
                i += 1
                continue
            lines.append(RLine(cur, False))
            cur = []
            avail = width
        if cur:
            lines.append(RLine(cur, True))
        elif lines:
            lines[-1].last = True
        return lines

    def best_break(self, word: str, st: St, room: float) -> tuple[str, str, str] | None:
        if LIG_MARK in word:
            return None
        lead, core, trail = CORE_RE.match(word).groups()  # type: ignore[union-attr]
        cands: list[tuple[int, str]] = []
        if "-" in core:  # a compound breaks only after its own hyphens
            for m in re.finditer("-", core):
                if 0 < m.start() < len(core) - 1:
                    cands.append((m.end(), "real"))
        elif core.isalpha() and len(core) >= 6 and (st.hyph_caps or not core.isupper()):
            cands = [(p, "soft") for p in hyphen_points(core)]
        for pos, kind in sorted(cands, reverse=True):
            head = lead + core[:pos]
            if self.w(head + ("-" if kind == "soft" else ""), st.font, st.size) <= room:
                return head, core[pos:] + trail, kind
        return None

    def draw_lines(self, lines: list[RLine], st: St, x: float, width: float, first_indent: float = 0.0,
                   overprint: bool = False) -> None:
        c = self.c
        for n, line in enumerate(lines):
            if self.y - st.leading < self.bottom:
                self.new_page()
            self.y -= st.leading
            lx = x + (first_indent if n == 0 else 0)
            lw = width - (first_indent if n == 0 else 0)
            c.setFillColorRGB(*st.color)
            reps = 2 if overprint else 1
            for _ in range(reps):
                t = c.beginText()
                t.setFont(st.font, st.size)
                if st.align == "justify" and not line.last and len(line.words) > 1:
                    natural = sum(self.w(wd, st.font, st.size) for wd in line.words)
                    gap = (lw - natural) / (len(line.words) - 1)
                    xx = lx
                    for wd in line.words:
                        t.setTextOrigin(xx, self.y)
                        t.textOut(shown(wd))
                        xx += self.w(wd, st.font, st.size) + gap
                else:
                    s = shown(" ".join(line.words))
                    if st.align == "center":
                        lx2 = lx + (lw - self.w(s, st.font, st.size)) / 2
                    elif st.align == "right":
                        lx2 = lx + lw - self.w(s, st.font, st.size)
                    else:
                        lx2 = lx
                    t.setTextOrigin(lx2, self.y)
                    t.textOut(s)
                c.drawText(t)
            c.setFillColorRGB(0, 0, 0)

    def para(self, text: str, st: St, x: float | None = None, width: float | None = None, space: float = 4,
             overprint: bool = False, first_indent: float = 0.0) -> None:
        x = self.x0 if x is None else x
        width = (self.x1 - self.x0) if width is None else width
        lines = self.wrap(text, st, width, width - first_indent)
        self.draw_lines(lines, st, x, width, first_indent, overprint)
        self.y -= space

    def height(self, text: str, st: St, width: float) -> float:
        return len(self.wrap_probe(text, st, width)) * st.leading

    def wrap_probe(self, text: str, st: St, width: float) -> list[RLine]:
        saved = list(self.hyphens)
        lines = self.wrap(text, st, width)
        self.hyphens = saved
        return lines

    def ensure(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.new_page()

    def photo(self, x: float, width: float, h: float) -> None:
        self.c.setFillColorRGB(0.86, 0.86, 0.86)
        self.c.rect(x, self.y - h, width, h, stroke=0, fill=1)
        self.c.setFillColorRGB(0, 0, 0)
        self.y -= h + 2


def rl_front(d: RLDoc) -> None:
    cfg, b, dmg = d.cfg, d.content.booklet, d.dmg
    size = cfg["size"]
    body = St(d.reg, size, size * 1.3, cfg.get("align", "left"), cfg.get("hyphenate", False))
    head = St(d.bold, size * 1.6, size * 2.0)
    if b.get("title"):
        d.para(b["title"], St(d.bold, size * 2.2, size * 2.8), space=10)
    width = (d.x1 - d.x0) * (0.62 if cfg["landscape"] else 1.0)
    if b.get("introduction"):  # a content may have none (a foreword alone)
        d.para("Introduction", head, space=6)
        d.para(dmg.body(b["introduction"]), body, width=width, space=4)
    for k, c in enumerate(b["listed_cities"], 1):
        d.para(list_entry(c, cfg, k), St(d.reg, size, size * 1.35), x=d.x0 + 12, width=width, space=0)
    d.y -= 10
    if b.get("foreword"):
        d.para(dmg.body(b["foreword"]), body, width=width, space=8)
    s = b.get("signatory")
    if s:
        text, op = dmg.line("signature", f"{s['name']}, {s['role']}")
        d.para(text, St(d.bold, size, size * 1.3), width=width, space=0, overprint=op)
        if s.get("organization"):  # a signature may name no organization
            d.para(s["organization"], St(d.reg, size, size * 1.3), width=width, space=0)
    d.new_page()


def rl_stats(d: RLDoc, city: dict[str, Any], x: float, width: float) -> None:
    cfg = d.cfg
    size = cfg["size"]
    mode = cfg["stats"]
    parts = stat_parts(city, cfg)
    if not parts:
        return
    reg = St(d.reg, size * 0.9, size * 1.15)
    bold = St(d.bold, size * 0.9, size * 1.15)
    if mode == "box-line":  # "City population: 2,448,723 (2016)" in a shaded box
        h = len(parts) * reg.leading + 6
        d.ensure(h)
        d.c.setFillColorRGB(0.9, 0.93, 0.97)
        d.c.rect(x, d.y - h, width, h, stroke=0, fill=1)
        d.y -= 3
        for _k, label, fig in parts:
            d.para(f"{label}: {fig}", reg, x=x + 4, width=width - 8, space=0)
        d.y -= 6
    elif mode == "label-then-figure":  # bold label, plain figure on the next line
        for _k, label, fig in parts:
            d.para(label, bold, x=x, width=width, space=0)
            d.para(fig, reg, x=x, width=width, space=4)
    elif mode == "figure-above":  # big figure above a small label, in a box
        big = St(d.bold, size * 1.5, size * 1.8)
        h = len(parts) * (big.leading + reg.leading + 4) + 6
        d.ensure(h)
        d.c.setStrokeColorRGB(0.4, 0.4, 0.4)
        d.c.rect(x, d.y - h, width, h, stroke=1, fill=0)
        d.y -= 3
        for _k, label, fig in parts:
            d.para(fig, big, x=x + 5, width=width - 10, space=0)
            d.para(label, reg, x=x + 5, width=width - 10, space=4)
        d.y -= 6
    elif mode == "table-rows":  # labels in one row, figures in the next
        colw = width / 3
        d.ensure(2 * bold.leading + 8)
        y0 = d.y
        for j, (_k, label, _fig) in enumerate(parts):
            d.y = y0
            d.para(label, bold, x=x + j * colw, width=colw - 6, space=0)
        y1 = d.y
        for j, (_k, _label, fig) in enumerate(parts):
            d.y = y1
            d.para(fig, reg, x=x + j * colw, width=colw - 6, space=0)
        d.c.setStrokeColorRGB(0.5, 0.5, 0.5)
        d.c.line(x, y1 - 3, x + width, y1 - 3)
        d.y -= 10


def rl_columns(d: RLDoc, items: list[str], ncol: int, st: St, x: float, width: float, gutter: float,
               marker: str, hang: float) -> None:
    """Initiatives in ncol side-by-side columns (reading order: column after column)."""
    colw = (width - gutter * (ncol - 1)) / ncol
    per = -(-len(items) // ncol)
    groups = [items[i * per:(i + 1) * per] for i in range(ncol)]
    tw = colw - hang
    def h_of(g: list[str]) -> float:
        label = st.leading if marker_above(marker) else 0.0
        return sum(len(d.wrap_probe(t, st, tw)) * st.leading + st.leading * 0.6 + label for t in g)
    tallest = max(h_of(g) for g in groups)
    if d.y - tallest < d.bottom:
        d.new_page()
    if d.y - tallest < d.bottom:  # too tall even for a fresh page: one column
        groups, colw, tw = [items], width, width - hang
    y0, ymin = d.y, d.y
    n = 0
    for j, g in enumerate(groups):
        d.y = y0
        cx = x + j * (colw + gutter)
        for t in g:
            n += 1
            mk = list_marker(marker, n)
            if mk and marker_above(marker):  # a label line over the item
                d.para(mk, St(d.bold, st.size, st.leading), x=cx, width=colw, space=0)
                d.para(t, st, x=cx, width=colw, space=st.leading * 0.6)
            elif mk and hang:  # hanging marker in its own narrow column
                d.c.setFont(st.font, st.size)
                d.c.drawString(cx, d.y - st.leading, mk)
                d.para(t, st, x=cx + hang, width=tw, space=st.leading * 0.6)
            elif mk:
                d.para(f"{mk} {t}", st, x=cx, width=colw, space=st.leading * 0.6)
            else:
                d.para(t, st, x=cx, width=colw, space=st.leading * 0.6)
        ymin = min(ymin, d.y)
    d.y = ymin - 4


def rl_city(d: RLDoc, city: dict[str, Any], idx: int) -> None:
    cfg, dmg = d.cfg, d.dmg
    size = cfg["size"]
    body = St(d.reg, size, size * 1.3, cfg.get("align", "left"), cfg.get("hyphenate", False))
    item = St(d.reg, size, size * 1.3, cfg.get("col_align", cfg.get("align", "left")), cfg.get("hyphenate", False))
    hstyle = St(d.bold, size * cfg.get("head_scale", 1.7), size * cfg.get("head_scale", 1.7) * 1.25,
                color=cfg.get("head_color", (0, 0, 0)))
    qst = St(d.ital, size * 1.1, size * 1.45, cfg.get("align", "left"), cfg.get("hyphenate", False))
    attr_st = St(d.bold, size * 0.95, size * 1.25, hyphenate=False)
    cap_st = St(d.reg, size * 0.8, size * 1.0, hyphenate=cfg.get("caption_hyphenate", False),
                hyph_caps=cfg.get("caption_caps", False), color=(0.25, 0.25, 0.25))
    margin_w = cfg.get("margin_col", 0)
    bx0 = d.x0 + (margin_w + 14 if margin_w else 0)
    bw = d.x1 - bx0
    caps = [dmg.line(f"caption:{idx}:{k}", t) for k, t in enumerate(city["captions"])]
    cap_texts = [(labelled(cfg, t.upper() if cfg.get("caption_caps") else t), op) for t, op in caps]
    quote = quoted(cfg, dmg.body(city["quote"]))
    attr, attr_op = dmg.line(f"attribution:{idx}", attribution(city))
    intro = dmg.body(city["intro"])
    items = [dmg.body(t) for t in city["initiatives"]]
    side_w = cfg.get("sidebar", 0)

    page_top = d.y
    # stats before the heading (in content order), as designers sometimes place them
    if cfg.get("stats_first"):
        rl_stats(d, city, bx0, min(bw, 230))
    head_lines = city_heading(city, cfg).split("\n")
    for k, head_line in enumerate(head_lines, 1):
        d.para(head_line, hstyle, x=bx0, width=bw, space=6 if k == len(head_lines) else 0)
    if side_w:  # a sidebar on the right with the stats; body narrower
        y_head = d.y
        rl_stats(d, city, d.x1 - side_w, side_w)
        y_side = d.y
        d.y = y_head
        bw_main = bw - side_w - 16
    else:
        bw_main = bw
        if not cfg.get("stats_first") and cfg["stats"] != "table-rows":
            rl_stats(d, city, bx0, min(bw, 260))
        y_side = d.y
    if cfg.get("photos") == "top":
        d.photo(bx0, bw_main, 70)
        for t, op in cap_texts[:1]:
            d.para(t, cap_st, x=bx0, width=bw_main, space=4, overprint=op)
    d.para(intro, body, x=bx0, width=bw_main, space=6)
    d.y = min(d.y, y_side)
    rl_columns(d, items, cfg["cols"], item, bx0, bw, cfg.get("gutter", 14), cfg.get("marker", ""),
               cfg.get("hang", 0))
    # quote
    qmode = cfg.get("quote", "below")
    if qmode == "margin":
        pass
    elif qmode == "beside":  # attribution in a narrow cell left of the quote
        cellw = 110
        qh = len(d.wrap_probe(quote, qst, bw - cellw - 14)) * qst.leading
        d.ensure(qh + 10)
        y0 = d.y
        d.para(attr, attr_st, x=bx0, width=cellw, space=0, overprint=attr_op)
        ya = d.y
        d.y = y0
        d.para(quote, qst, x=bx0 + cellw + 14, width=bw - cellw - 14, space=6)
        d.y = min(d.y, ya) - 6
    else:
        qw = bw * cfg.get("quote_width", 1.0)
        qh = len(d.wrap_probe(quote, qst, qw - 16)) * qst.leading + attr_st.leading * 2 + 14
        d.ensure(qh)
        if qmode == "above":
            d.para(attr, attr_st, x=bx0, width=qw, space=2, overprint=attr_op)
        if cfg.get("quote_box"):
            d.c.setFillColorRGB(0.95, 0.95, 0.9)
            d.c.rect(bx0, d.y - qh + 4, qw, qh - 4, stroke=0, fill=1)
            d.c.setFillColorRGB(0, 0, 0)
        d.y -= 4
        d.para(quote, qst, x=bx0 + 8, width=qw - 16, space=4)
        if qmode == "below":
            d.para(attr, attr_st, x=bx0 + 8, width=qw - 16, space=8, overprint=attr_op)
        elif qmode == "dash":
            d.para("— " + attr, attr_st, x=bx0 + 8, width=qw - 16, space=8, overprint=attr_op)
        d.y -= 4
    if cfg["stats"] == "table-rows" and not side_w:  # a sidebar holds the stats already
        rl_stats(d, city, bx0, bw)
    if cfg.get("photos") not in ("top", "margin"):  # margin photos are drawn with the margin column
        d.ensure(60 + cap_st.leading * 2)
        n = len(cap_texts)
        pw = (bw - 12 * (n - 1)) / max(1, n)
        y0 = d.y
        ymin = y0
        for k, (t, op) in enumerate(cap_texts):
            d.y = y0
            d.photo(bx0 + k * (pw + 12), pw, 44)
            d.para(t, cap_st, x=bx0 + k * (pw + 12), width=pw, space=0, overprint=op)
            ymin = min(ymin, d.y)
        d.y = ymin - 4
    elif cfg.get("photos") == "top":
        for t, op in cap_texts[1:]:
            d.para(t, cap_st, x=bx0, width=bw, space=2, overprint=op)
    if margin_w:  # the margin column beside the body: captions, then the quote and its attribution
        y_end = d.y
        d.y = page_top
        for t, op in cap_texts if cfg.get("photos") == "margin" else []:
            d.photo(d.x0, margin_w, 40)
            d.para(t, cap_st, x=d.x0, width=margin_w, space=8, overprint=op)
        if qmode == "margin":
            mq = St(d.ital, size * 0.9, size * 1.2, "left", cfg.get("hyphenate", False))
            d.para(quote, mq, x=d.x0, width=margin_w, space=4)
            d.para(attr, St(d.bold, size * 0.85, size * 1.1), x=d.x0, width=margin_w, space=4,
                   overprint=attr_op)
        d.y = min(d.y, y_end)


def render_reportlab(cfg: dict[str, Any], content: Content, dmg: Damage, pdf: Path, work: Path) -> list[tuple[str, str, str]]:
    d = RLDoc(pdf, cfg, content, dmg)
    rl_front(d)
    for idx, city in enumerate(content.cities):
        if idx and not cfg.get("run_on"):
            d.new_page()
        elif idx:  # cities run on down the page, a gap between them; a new page only when full
            d.y -= 2 * cfg["size"]
            d.ensure(12 * cfg["size"])
        rl_city(d, city, idx)
    d.close()
    return d.hyphens


def impose_spreads(pdf: Path) -> None:
    """The booklet as a designer exports it "as spreads": the first page alone, then each
    pair of facing pages side by side on one sheet twice as wide."""
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    pages = list(reader.pages)
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    writer = pypdf.PdfWriter()
    writer.add_page(pages[0])
    for k in range(1, len(pages), 2):
        sheet = pypdf.PageObject.create_blank_page(width=2 * width, height=height)
        for j, page in enumerate(pages[k : k + 2]):
            sheet.merge_transformed_page(page, pypdf.Transformation().translate(tx=j * width, ty=0))
        writer.add_page(sheet)
    with open(pdf, "wb") as out:
        writer.write(out)


# ----------------------------------------------------------------------------- chromium (HTML/CSS)

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-pdf-header-footer"]


def esc(s: str) -> str:
    """HTML text; a ligature gap is a real space that never breaks."""
    parts = re.split(f"(\\S*{LIG_MARK}+\\S*)", s)
    out = []
    for p in parts:
        if LIG_MARK in p:
            out.append('<span class="nw">' + html.escape(shown(p)) + "</span>")
        else:
            out.append(html.escape(p))
    return "".join(out)


def html_doc(cfg: dict[str, Any], content: Content, dmg: Damage, marks: WordMarks) -> str:
    """marks hyphenates the body text (soft hyphens everywhere, or plain hyphens at chosen occurrences)."""
    def body(t: str) -> str:
        return esc(marks(t))

    b = content.booklet
    size = cfg["size"]
    orient = "landscape" if cfg["landscape"] else "portrait"
    title = content.running_title + (f" {b['year']}" if b.get("year") else "")
    css = f"""
@page {{ size: A4 {orient}; margin: 16mm 15mm 18mm 15mm; }}
body {{ font-family: {cfg['font']}; font-size: {size}pt; line-height: 1.3; margin: 0; }}
p {{ margin: 0 0 0.5em 0; }}
.body, .cols p {{ text-align: {cfg.get('align', 'left')}; }}
.nw {{ white-space: nowrap; }}
section {{ break-before: page; position: relative; }}
h1 {{ font-size: 1.8em; margin: 0 0 0.4em 0; }}
h2 {{ font-size: {cfg.get('head_scale', 1.6)}em; margin: 0 0 0.4em 0; color: #1f4e8c; }}
.cols {{ columns: {cfg['cols']}; column-gap: 1em; margin: 0.6em 0; }}
.cols p {{ break-inside: avoid; }}
table.stats {{ border-collapse: collapse; margin: 0.3em 0 0.6em 0; font-size: 0.9em; }}
table.stats td {{ padding: 1pt 10pt 1pt 0; }}
table.stats tr.l td {{ font-weight: bold; border-bottom: 0.5pt solid #888; }}
.statbox {{ border: 0.5pt solid #666; padding: 4pt; display: inline-block; margin-bottom: 0.5em; }}
.fig {{ font-size: 1.4em; font-weight: bold; }}
blockquote {{ font-style: italic; margin: 0.6em 0 0.3em 0; padding: 0.4em; background: #f2f2ea; }}
.attr {{ font-weight: bold; margin: 0.4em 0 0.2em 0; }}
.photo {{ background: #ddd; height: 36mm; margin-top: 0.6em; }}
.cap {{ font-size: 0.8em; color: #444; position: relative; }}
.cap .copy {{ position: absolute; left: 0; top: 0; }}
.over {{ position: relative; }}
.over .copy {{ position: absolute; left: 0; top: 0; margin: 0; }}
.run {{ position: fixed; font-size: 7pt; color: #555; }}
.grid {{ display: grid; grid-template-columns: {"1fr 52mm" if cfg.get("aside") == "right" else "52mm 1fr"}; column-gap: 7mm; }}
.grid aside {{ grid-row: 1; grid-column: {2 if cfg.get("aside") == "right" else 1}; font-size: 0.9em; }}
.grid .main {{ grid-row: 1; grid-column: {1 if cfg.get("aside") == "right" else 2}; }}
.lab {{ font-weight: bold; }}
"""
    out = [(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
           f"<style>{css}</style></head><body>")]
    if b.get("title"):
        out.append(f"<h1>{esc(b['title'])}</h1>")
    if b.get("introduction"):  # a content may have none (a foreword alone)
        out.append("<h1>Introduction</h1>")
        out.append(f'<p class="body">{body(dmg.body(b["introduction"]))}</p>')
    out.append("<p>" + "<br>".join(esc(list_entry(c, cfg, k)) for k, c in enumerate(b["listed_cities"], 1)) + "</p>")
    if b.get("foreword"):
        out.append(f'<p class="body">{body(dmg.body(b["foreword"]))}</p>')
    s = b.get("signatory")
    if s:
        t, op = dmg.line("signature", f"{s['name']}, {s['role']}")
        out.append(over_html("p", "attr", t, op))
        if s.get("organization"):
            out.append(f"<p>{esc(s['organization'])}</p>")
    for idx, city in enumerate(content.cities):
        out.append("<section>")
        caps = [(labelled(cfg, t), op) for t, op in (dmg.line(f"caption:{idx}:{k}", c) for k, c in enumerate(city["captions"]))]
        quote = quoted(cfg, dmg.body(city["quote"]))
        attr, attr_op = dmg.line(f"attribution:{idx}", attribution(city))
        intro = dmg.body(city["intro"])
        items = [dmg.body(t) for t in city["initiatives"]]
        out.append("<h2>" + "<br>".join(esc(line) for line in city_heading(city, cfg).split("\n")) + "</h2>")
        parts = stat_parts(city, cfg)
        page = main = out
        if cfg.get("aside"):  # a grid: the city's text in one column, its stats and photos in a sidebar
            side: list[str] = []
            out, main = side, []
        if parts and cfg["stats"] == "table-rows":
            out.append('<table class="stats"><tr class="l">' + "".join(f"<td>{esc(lab)}</td>" for _k, lab, _f in parts)
                       + '</tr><tr>' + "".join(f"<td>{esc(f)}</td>" for _k, _l, f in parts) + "</tr></table>")
        elif parts and cfg["stats"] == "box-line":
            out.append('<div class="statbox">' + "".join(
                f'<div><span class="lab">{esc(lab)}:</span> {esc(f)}</div>' for _k, lab, f in parts) + "</div>")
        elif parts and cfg["stats"] == "label-then-figure":
            out.append('<div class="statbox">' + "".join(
                f'<div class="lab">{esc(lab)}</div><div>{esc(f)}</div>' for _k, lab, f in parts) + "</div>")
        elif parts:  # figure above label
            out.append('<div class="statbox">' + "".join(
                f'<div class="fig">{esc(f)}</div><div>{esc(lab)}</div>' for _k, lab, f in parts) + "</div>")
        if cfg.get("aside"):
            for t, op in caps:
                side.append('<div class="photo"></div>')
                side.append(over_html("div", "cap", t, op))
            caps = []
            out = main
        out.append(f'<p class="body">{body(intro)}</p>')
        out.append('<div class="cols">')
        for n, t in enumerate(items, 1):
            mk = list_marker(cfg.get("marker", ""), n)
            if mk and marker_above(cfg.get("marker", "")):
                out.append(f"<p><b>{esc(mk)}</b><br>{body(t)}</p>")
            else:
                out.append(f"<p>{esc(mk) + ' ' if mk else ''}{body(t)}</p>")
        out.append("</div>")
        if cfg.get("quote") == "above":
            out.append(over_html("p", "attr", attr, attr_op))
            out.append(f'<blockquote class="body">{body(quote)}</blockquote>')
        else:
            out.append(f'<blockquote class="body">{body(quote)}</blockquote>')
            out.append(over_html("p", "attr", attr, attr_op))
        for t, op in caps:
            out.append('<div class="photo"></div>')
            out.append(over_html("div", "cap", t, op))
        if cfg.get("aside"):
            out = page
            out.append('<div class="grid"><div class="main">' + "\n".join(main) + "</div><aside>"
                       + "\n".join(side) + "</aside></div>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def over_html(tag: str, cls: str, text: str, overprint: bool) -> str:
    if not overprint:
        return f'<{tag} class="{cls}">{esc(text)}</{tag}>'
    # the same string twice at the same place: an absolutely positioned copy
    return (f'<div class="over"><{tag} class="{cls}">{esc(text)}</{tag}>'
            f'<{tag} class="{cls} copy" aria-hidden="true">{esc(text)}</{tag}></div>')


def run_chromium(html_text: str, pdf: Path, work: Path) -> None:
    src = work / "layout.html"
    src.write_text(html_text, encoding="utf-8")
    prof = tempfile.mkdtemp(prefix="chr-", dir=work)
    subprocess.run([*CHROMIUM, f"--user-data-dir={prof}", f"--print-to-pdf={pdf}", src.as_uri()],
                   check=True, capture_output=True, timeout=300)
    shutil.rmtree(prof, ignore_errors=True)


def soft_breaks(pdf: Path, cores: list[str]) -> dict[int, int]:
    """First pass: {occurrence: position} of the words Chromium broke at a soft hyphen.

    Chromium writes every U+00AD into the text layer (a break: U+00AD U+2010 at the line end), so
    the soft-hyphenated words are found in the text in document order and must be exactly the
    occurrences the HTML holds (cores), else the generation stops.
    """
    found: list[tuple[str, int | None]] = []
    lines = pdf_lines(pdf)
    skip_first = False
    for i, line in enumerate(lines):
        toks = line.split()
        if skip_first:
            toks = toks[1:]  # the tail of the word broken at the previous line's end
            skip_first = False
        for j, tok in enumerate(toks):
            if "\u00ad" not in tok:
                continue
            broken = j == len(toks) - 1 and tok.rstrip("\u2010").endswith("\u00ad") and i + 1 < len(lines)
            head = CORE_RE.match(tok.replace("\u2010", "").replace("\u00ad", "")).group(2)  # type: ignore[union-attr]
            if not broken:
                found.append((head, None))
                continue
            tail_tok = (lines[i + 1].split() or [""])[0]
            tail = CORE_RE.match(tail_tok.replace("\u00ad", "")).group(2)  # type: ignore[union-attr]
            found.append((head + tail, len(head)))
            skip_first = True
    read = [c for c, _ in found]
    if read != cores:
        k = next(k for k, (a, b) in enumerate(itertools.zip_longest(read, cores)) if a != b)
        raise SystemExit(f"{pdf}: soft-hyphenated word {k}: {read[k:k + 1]} in the text, {cores[k:k + 1]} in the HTML")
    return {k: pos for k, (_c, pos) in enumerate(found) if pos is not None}


def printed_breaks(pdf: Path, forms: set[tuple[str, int]]) -> list[tuple[str, int, bool]]:
    """Every word printed with a hyphen at one of forms (core, position), in text order:
    (core, position, at a line end?)."""
    out = []
    lines = pdf_lines(pdf)
    for i, line in enumerate(lines):
        toks = line.split()
        for j, tok in enumerate(toks):
            core = CORE_RE.match(tok).group(2)  # type: ignore[union-attr]
            if j == len(toks) - 1 and tok.endswith("-") and i + 1 < len(lines):
                tail_tok = (lines[i + 1].split() or [""])[0]
                tail = CORE_RE.match(tail_tok).group(2)  # type: ignore[union-attr]
                head = CORE_RE.match(tok[:-1]).group(2)  # type: ignore[union-attr]
                if (head + tail, len(head)) in forms:
                    out.append((head + tail, len(head), True))
                    continue
            for m in re.finditer("-", core):
                form = (core[: m.start()] + core[m.end():], m.start())
                if form in forms:
                    out.append((*form, False))
    return out


def render_chromium(cfg: dict[str, Any], content: Content, dmg: Damage, pdf: Path, work: Path) -> None:
    """Pass 1: soft hyphens at pyphen's points, Chromium picks the breaks. Pass 2: the picked points
    become plain hyphens in the one occurrence Chromium broke, and nowhere else (Chromium writes
    every U+00AD into the text layer, which word processors do not); a pass is repeated until each
    plain hyphen ends a line (an occurrence whose hyphen does not is printed unbroken)."""
    probe = WordMarks()
    run_chromium(html_doc(cfg, content, copy.deepcopy(dmg), probe), pdf, work)
    breaks = soft_breaks(pdf, probe.cores)
    for _ in range(4):
        trial = copy.deepcopy(dmg)
        marks = WordMarks(breaks)
        run_chromium(html_doc(cfg, content, trial, marks), pdf, work)
        chosen = sorted(breaks)
        forms = {(marks.cores[k], breaks[k]) for k in chosen}
        got = printed_breaks(pdf, forms)
        if [(c, p) for c, p, _end in got] != [(marks.cores[k], breaks[k]) for k in chosen]:
            raise SystemExit(f"{pdf}: the plain hyphens printed are not the ones set: {got}")
        missing = [k for k, (_c, _p, end) in zip(chosen, got) if not end]
        if not missing:
            break
        for k in missing:  # a plain hyphen that no longer ends a line: drop it and re-run
            del breaks[k]
    else:
        raise SystemExit(f"{pdf}: chromium breaks did not settle")
    dmg.__dict__.update(trial.__dict__)


# ----------------------------------------------------------------------------- LibreOffice (flat ODT)


def fodt_doc(cfg: dict[str, Any], content: Content, dmg: Damage) -> str:
    b = content.booklet
    size = cfg["size"]
    font = cfg["font"]
    pw, ph = ("29.7cm", "21cm") if cfg["landscape"] else ("21cm", "29.7cm")
    title = content.running_title + (f" {b['year']}" if b.get("year") else "")
    hy = ('fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="3" '
          'fo:language="en" fo:country="US"')
    ncol = cfg["cols"]
    x = html.escape

    def t(s: str) -> str:  # text with ligature gaps as plain spaces
        return x(shown(s)).replace("  ", ' <text:s/>')

    out = []
    out.append(f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{x(title)}</dc:title><meta:creation-date>2020-01-01T00:00:00</meta:creation-date><dc:date>2020-01-01T00:00:00</dc:date></office:meta>
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="'{font}'"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="{font}" fo:font-size="{size}pt" {hy}/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm"/><style:text-properties style:font-name="{font}" fo:font-size="{size}pt" {hy}/></style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{cfg.get('align', 'justify')}" fo:hyphenation-ladder-count="no-limit"/><style:text-properties {hy}/></style:style>
 <style:style style:name="Item" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="{cfg.get('hang_cm', 0.5)}cm" fo:text-indent="-{cfg.get('hang_cm', 0.5)}cm" fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="{size * 1.7:.1f}pt" fo:font-weight="bold" fo:color="#7a1f1f" fo:hyphenate="false"/></style:style>
 <style:style style:name="H0" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="{size * 1.7:.1f}pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
 <style:style style:name="Stat" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0cm" fo:background-color="#e6ecf4"/><style:text-properties fo:font-size="{size * 0.9:.1f}pt" fo:hyphenate="false"/></style:style>
 <style:style style:name="Quote" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="0.8cm" fo:margin-right="0.8cm" fo:margin-top="0.3cm"/><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Attr" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.8cm"/><style:text-properties fo:font-weight="bold" fo:hyphenate="false"/></style:style>
 <style:style style:name="StatLab" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="{size * 0.9:.1f}pt" fo:font-weight="bold" fo:hyphenate="false"/></style:style>
 <style:style style:name="ItemLabel" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:hyphenate="false"/></style:style>
 <style:style style:name="Cap" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="{size * 0.8:.1f}pt" fo:color="#444444" fo:hyphenate="false"/></style:style>
 <style:style style:name="Foot" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="8pt" fo:hyphenate="false"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Sect" style:family="section"><style:section-properties><style:columns fo:column-count="{ncol}" fo:column-gap="{cfg.get('gap_cm', 0.4)}cm"/></style:section-properties></style:style>
 <style:style style:name="Photo" style:family="graphic"><style:graphic-properties draw:fill="solid" draw:fill-color="#dddddd" draw:stroke="none" style:wrap="none" style:vertical-pos="top" style:horizontal-pos="left" style:horizontal-rel="paragraph"/></style:style>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="{pw}" fo:page-height="{ph}" style:print-orientation="{'landscape' if cfg['landscape'] else 'portrait'}" fo:margin-top="1.4cm" fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:footer><text:p text:style-name="Foot">{x(title)} {cfg.get('footer_sep', '|')} <text:page-number text:select-page="current"/></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>''')
    if b.get("title"):
        out.append(f'<text:p text:style-name="H0">{t(b["title"])}</text:p>')
    if b.get("introduction"):  # a content may have none (a foreword alone)
        out.append('<text:p text:style-name="H0">Introduction</text:p>')
        out.append(f'<text:p text:style-name="Body">{t(dmg.body(b["introduction"]))}</text:p>')
    for k, c in enumerate(b["listed_cities"], 1):
        out.append(f'<text:p text:style-name="Standard">{t(list_entry(c, cfg, k))}</text:p>')
    if b.get("foreword"):
        out.append(f'<text:p text:style-name="Body">{t(dmg.body(b["foreword"]))}</text:p>')
    s = b.get("signatory")
    if s:
        sig, _op = dmg.line("signature", f"{s['name']}, {s['role']}")
        out.append(f'<text:p text:style-name="Attr">{t(sig)}</text:p>')
        if s.get("organization"):
            out.append(f'<text:p text:style-name="Standard">{t(s["organization"])}</text:p>')
    for idx, city in enumerate(content.cities):
        caps = [labelled(cfg, dmg.line(f"caption:{idx}:{k}", c)[0]) for k, c in enumerate(city["captions"])]
        quote = quoted(cfg, dmg.body(city["quote"]))
        attr, _op = dmg.line(f"attribution:{idx}", attribution(city))
        intro = dmg.body(city["intro"])
        items = [dmg.body(c) for c in city["initiatives"]]
        out.append('<text:p text:style-name="H1">' + "<text:line-break/>".join(t(line) for line in city_heading(city, cfg).split("\n"))
                   + "</text:p>")
        stats = []
        parts = stat_parts(city, cfg)
        if parts and cfg.get("stats") == "table-rows":  # a real table: labels in bold over their figures
            def row(style: str, cells: list[str]) -> str:
                return "<table:table-row>" + "".join(
                    f'<table:table-cell office:value-type="string"><text:p text:style-name="{style}">{t(c)}</text:p>'
                    "</table:table-cell>" for c in cells) + "</table:table-row>"
            stats.append(f'<table:table table:name="Stats{idx}"><table:table-column table:number-columns-repeated="{len(parts)}"/>'
                         + row("StatLab", [lab for _k, lab, _f in parts]) + row("Stat", [f for _k, _l, f in parts])
                         + "</table:table>")
        else:
            stats += [f'<text:p text:style-name="Stat">{t(label)}: {t(fig)}</text:p>' for _k, label, fig in parts]
        if not cfg.get("stats_last"):
            out += stats
        out.append(f'<text:p text:style-name="Body">{t(intro)}</text:p>')
        out.append(f'<text:section text:style-name="Sect" text:name="Initiatives{idx}">')
        for n, it in enumerate(items, 1):
            mk = list_marker(cfg.get("marker", ""), n)
            if mk and marker_above(cfg.get("marker", "")):
                out.append(f'<text:p text:style-name="ItemLabel">{t(mk)}</text:p>')
                out.append(f'<text:p text:style-name="Body">{t(it)}</text:p>')
            else:
                out.append(f'<text:p text:style-name="{"Item" if mk else "Body"}">{t(mk) + "<text:tab/>" if mk else ""}{t(it)}</text:p>')
        out.append("</text:section>")
        out.append(f'<text:p text:style-name="Quote">{t(quote)}</text:p>')
        out.append(f'<text:p text:style-name="Attr">{t(attr)}</text:p>')
        if cfg.get("stats_last"):  # the stats under the quote
            out += stats
        for c in caps:
            out.append('<text:p text:style-name="Cap"><draw:rect draw:style-name="Photo" text:anchor-type="as-char" '
                       'svg:width="6cm" svg:height="2.2cm"/></text:p>')
            out.append(f'<text:p text:style-name="Cap">{t(c)}</text:p>')
    out.append("</office:text></office:body></office:document>")
    return "\n".join(out)


def render_libreoffice(cfg: dict[str, Any], content: Content, dmg: Damage, pdf: Path, work: Path) -> None:
    src = work / "layout.fodt"
    src.write_text(fodt_doc(cfg, content, dmg), encoding="utf-8")
    prof = tempfile.mkdtemp(prefix="lo-", dir=work)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(src)], check=True, capture_output=True, timeout=300)
    shutil.copyfile(work / "layout.pdf", pdf)
    shutil.rmtree(prof, ignore_errors=True)


# ----------------------------------------------------------------------------- reading the PDF back

HYPHENS = "-\u2010\u00ad"


def pdf_lines(pdf: Path) -> list[str]:
    """Every typeset line in the order MuPDF finds them (block by block, page by page)."""
    import pymupdf

    out = []
    with pymupdf.open(pdf) as doc:
        for page in doc:
            for block in page.get_text("dict", sort=False)["blocks"]:
                for line in block.get("lines", []):
                    out.append("".join(s["text"] for s in line["spans"]).rstrip())
    return out


def line_end_hyphens(lines: list[str]) -> list[tuple[str, str]]:
    """(head, tail) for each line (of `pdf_lines`) that ends in a hyphen right after a letter."""
    out = []
    for a, b in itertools.pairwise(lines):
        a = a.rstrip()
        if len(a) < 3 or a[-1] not in HYPHENS:
            continue
        a = a[:-1].rstrip()  # LibreOffice's justified lines may set the hyphen apart: "advance -"
        if not a or not a[-1].isalpha():
            continue
        head = re.split(r"\s", a)[-1].rstrip(HYPHENS).replace("\u00ad", "")
        tail = (re.split(r"\s", b.strip()) or [""])[0]
        head = re.sub(r"^[^\w]+", "", head)
        # The word's letters, a compound's later parts included (the whole printed token,
        # "re-" / "cently-launched"), not a possessive 's.
        m = re.match(r"\w+(?:-\w+)*", tail.replace("\u00ad", ""))
        tail = m.group(0) if m else ""
        if head and tail:
            out.append((head, tail))
    return out


def source_words(dmg: Damage, extra: list[str]) -> set[str]:
    words = set()
    for piece in dmg.printed_pieces + extra:
        for w in piece.split():
            core = CORE_RE.match(w).group(2)  # type: ignore[union-attr]
            if core:
                words.add(core.casefold())
            words.update(x.casefold() for x in re.findall(r"\w+", w))
    return words


def hyphen_joins(lines: list[str], words: set[str]) -> list[dict[str, str]]:
    """The typesetter's line-end breaks inside words that have no hyphen in the source."""
    out = []
    for head, tail in line_end_hyphens(lines):
        joined = head + tail
        if f"{head}-{tail}".casefold() in words:
            continue  # a break at a real hyphen (one-to-|one): not an artifact
        if joined.casefold() in words:
            out.append({"printed": f"{head}-\n{tail}", "fixed": joined})
    return out


def rebroken_ligatures(lines: list[str], splits: list[dict[str, str]]) -> list[dict[str, str]]:
    """Ligature splits the typesetter also broke at a line end, after the gap ("off er-" /
    "ing") or before it ("diver-" / "sifi ed"): the artifact is the whole printed token,
    "off er-\ning", once per such break."""
    out = [dict(a) for a in splits]
    for a, b in itertools.pairwise(lines):
        a = a.rstrip()
        if not a or a[-1] not in HYPHENS:
            continue
        end = unicodedata.normalize("NFKC", a[:-1].rstrip())
        nxt = unicodedata.normalize("NFKC", b.strip())
        for art in out:
            broken = _broken_at(art["printed"], end, nxt)
            if broken is not None:
                art["printed"] = broken
                break
    return out


def _broken_at(printed: str, end: str, nxt: str) -> str | None:
    """`printed` (a ligature split not yet seen broken) as broken between a line ending
    in `end` and the next line `nxt`, or None when the break is not inside it."""
    gap = re.search(r"\s+", printed)
    if "-\n" in printed or gap is None:
        return None
    for k in [*range(1, gap.start()), *range(gap.end() + 1, len(printed))]:
        head, tail = printed[:k], printed[k:]
        if not (end.endswith(head) and nxt.startswith(tail)):
            continue
        starts_word = len(end) == len(head) or not end[-len(head) - 1].isalpha()
        ends_word = len(nxt) == len(tail) or not nxt[len(tail)].isalpha()
        if starts_word and ends_word:
            return f"{head}-\n{tail}"
    return None


def midline_hyphens(lines: list[str], words: set[str]) -> list[str]:
    """Words printed with a hyphen inside a line that the source has without it: 'sus-tainable' in
    mid-line where the source has 'sustainable' (and no 'sus-tainable'). A typesetter prints a
    break hyphen only at a line end, so each one is a fixture defect. words: casefolded."""
    out = []
    for line in lines:
        for m in re.finditer(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])", line):
            tok = m.group(0)
            if tok.casefold() in words:
                continue
            for h in re.finditer("-", tok):
                if (tok[: h.start()] + tok[h.end():]).casefold() in words:
                    out.append(tok)
                    break
    return out


# ----------------------------------------------------------------------------- extractors


def extract_all(pdf: Path, kinds: tuple[str, ...] = EXTRACTORS) -> dict[str, str]:
    """The PDF's text as each extractor of `kinds` gives it (only those are run: pymupdf4llm
    takes seconds a PDF)."""
    return {kind: _EXTRACT[kind](pdf) for kind in kinds}


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(pdf)))


def _pypdfium2(pdf: Path) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def _pdftotext(pdf: Path, *flags: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.txt"
        subprocess.run(["pdftotext", *flags, str(pdf), str(out)], check=True)
        return out.read_text(encoding="utf-8")


def _pymupdf(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(pdf) as d:
        return "\n".join(p.get_text() for p in d)


def _pypdf(pdf: Path) -> str:
    import pypdf

    return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)


def _pymupdf4llm(pdf: Path) -> str:
    import pymupdf4llm

    return str(pymupdf4llm.to_markdown(str(pdf), show_progress=False))


_EXTRACT = {"pdfminer": _pdfminer, "pypdfium2": _pypdfium2, "pdftotext": _pdftotext, "pymupdf": _pymupdf,
            "pypdf": _pypdf, LAID_OUT: lambda pdf: _pdftotext(pdf, "-layout"), MARKDOWN: _pymupdf4llm}


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def count_word(text: str, s: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text))


def duplicates_shown(duplicates: list[dict[str, Any]], text: str, dmg: Damage, notes: list[str]) -> list[dict[str, Any]]:
    """The duplicates an extractor's text still shows: a line drawn twice at one place
    (overprint) only where the text gives both copies (most extractors draw it once), a
    run printed twice in place where the text has it. Compared without case (a layout in
    capitals prints the content's captions in capitals); a copy must not go on into a
    word's lowercase letters (a caption is no copy of an item holding its words, "village
    reading rooms"), but may touch the next copy ("SDG workshopSDG workshop")."""
    flat = ws(text)
    base: collections.Counter[str] = collections.Counter()
    for piece in dmg.printed_pieces:
        for s in {d["fixed"] for d in duplicates}:
            base[s] += count_word(ws(piece).casefold(), ws(s).casefold()) if "\n" not in s else 0
    kept = []
    used: collections.Counter[str] = collections.Counter()
    for a in duplicates:
        if "\n" in a["printed"]:  # overprint: both copies must be in the text
            ok = count_shown(flat, ws(a["fixed"])) - base[a["fixed"]] > used[a["printed"]]
        else:  # a run repeated in place
            ok = count_shown(flat, ws(a["printed"])) > used[a["printed"]]
        if ok:
            used[a["printed"]] += 1
            kept.append(a)
        else:
            notes.append(f"duplicate {a['printed']!r} collapsed by the extractor")
    return kept


def count_shown(text: str, s: str) -> int:
    """How often `text` shows `s`, in any case, each time not going on in lowercase."""
    return sum(1 for m in re.finditer(re.escape(s), text, re.IGNORECASE)
               if not text[m.end() : m.end() + 1].islower())


def laid_out(expected: dict[str, Any], text: str, dmg: Damage) -> dict[str, Any]:
    """The expected file for a layout mode's text. It sets columns side by side, so a word
    broken at a line end has its two lines apart in the text: what was printed (the PDF's
    expected file) is the reference for hyphens and ligatures, as for the PDF itself. A
    line drawn twice at one place it draws once, as the other extractors do."""
    exp = copy.deepcopy(expected)
    notes: list[str] = []
    exp["artifacts"]["duplicates"] = duplicates_shown(exp["artifacts"]["duplicates"], text, dmg, notes)
    exp["_notes"] = exp["_notes"] + [f"this extractor's text: {n}" for n in notes]
    return exp


def for_extractor(expected: dict[str, Any], text: str, dmg: Damage) -> dict[str, Any]:
    """The expected file for one extractor's text: artifacts its text no longer shows are removed."""
    exp = copy.deepcopy(expected)
    arts = exp["artifacts"]
    flat = ws(text)
    notes = []
    # ligature splits: a ligature glyph before the gap ("signiﬁ cant") is the same split
    unglyphed = ws(unicodedata.normalize("NFKC", text))
    # A split the typesetter also broke at a line end ("off er-\ning") may reach this text
    # joined again ("off ering", the extractor took the hyphen out) or with its lines apart
    # (only "off er-" ends a line): the artifact is then what this text shows.
    splits = []
    plain = collections.Counter(ws(a["printed"]) for a in arts["ligature_splits"])
    for a in arts["ligature_splits"]:
        head, broken, tail = a["printed"].partition("-\n")
        if (broken and count_word(unglyphed, ws(a["printed"])) == 0
                and a["printed"].replace("-\n", "\ufffe") not in text):
            if count_word(unglyphed, head + tail) > plain[head + tail]:
                plain[head + tail] += 1
                a = {**a, "printed": head + tail}
            elif " " in head and re.search(r"(?<!\w)" + re.escape(head) + r"[ \t]*-[ \t]*\r?\n", unicodedata.normalize("NFKC", text)):
                a = {**a, "printed": head, "fixed": a["fixed"][: len(head.replace(" ", ""))]}
        splits.append(a)
    arts["ligature_splits"] = splits
    want = collections.Counter(ws(a["printed"]) for a in arts["ligature_splits"])
    keep_n = {p: min(n, count_word(unglyphed, p)) for p, n in want.items()}
    kept = []
    for a in arts["ligature_splits"]:
        p = ws(a["printed"])
        if keep_n[p] > 0:
            keep_n[p] -= 1
            kept.append(a)
        elif "-\n" in a["printed"] and a["printed"].replace("-\n", "\ufffe") in text:
            arts["allowed"].append(a["printed"])  # pdfium's U+FFFE for the line-end hyphen
            notes.append(f"ligature split {p!r} shown with U+FFFE by the extractor (allowed, not required)")
        else:
            notes.append(f"ligature split {p!r} not in this text")
    arts["ligature_splits"] = kept
    # hyphen joins: the hyphen must still end a line, before the word's tail
    kept = []
    seen: collections.Counter[str] = collections.Counter()
    # Markdown's HTML line break (a table cell's wrapped line, "author-<br>ity") ends a line too.
    lines_text = unicodedata.normalize("NFKC", re.sub(r"<br\s*/?>", "\n", text))
    for a in arts["hyphen_joins"]:
        head, tail = a["printed"].split("-\n")
        # Markdown may give each line of an item a list's bullet of its own ("- ... resi-" / "- dents").
        pat = r"(?<!\w)" + re.escape(head) + r"[ \t]*[-\u2010][ \t]*\r?\n\s*(?:[-*+][ \t]+)?" + re.escape(tail) + r"(?!\w)"
        seen[a["printed"]] += 1
        if len(re.findall(pat, lines_text)) >= seen[a["printed"]]:  # "diversi-" / "ﬁed"
            kept.append(a)
            continue
        if head + "\ufffe" + tail in text:  # pdfium marks a removed line-end hyphen with U+FFFE
            arts["allowed"] += [a["printed"], head + "\ufffe" + tail]
            notes.append(f"hyphen join {a['printed']!r} shown as U+FFFE by the extractor (allowed, not required)")
        elif re.search(r"(?<!\w)" + re.escape(head) + r"[ \t]*-[ \t]*$", text, re.MULTILINE) \
                and re.search(r"^\s*" + re.escape(tail) + r"(?!\w)", text, re.MULTILINE):
            # The extractor gave the two lines apart (box by box): a reader that puts them
            # back together may join the word, and one that does not has lost nothing.
            arts["allowed"].append(a["printed"])
            notes.append(f"hyphen join {a['printed']!r} with its lines apart in this text (allowed, not required)")
        else:
            notes.append(f"hyphen join {a['printed']!r} not in this text (hyphen removed or lines apart)")
    arts["hyphen_joins"] = kept
    arts["duplicates"] = duplicates_shown(arts["duplicates"], text, dmg, notes)
    kept = []
    for a in arts["malformed_numbers"]:
        if a["printed"] in flat:
            kept.append(a)
        else:
            notes.append(f"malformed number {a['printed']!r} not in this text")
    arts["malformed_numbers"] = kept
    exp["_notes"] = exp["_notes"] + [f"this extractor's text: {n}" for n in notes]
    return exp


# ----------------------------------------------------------------------------- layouts and cases

A, B, C, D = "colon-intros-listed-mismatch", "missing-stats-two-initiatives", "names-diacritics", "new-signatory-title"
E, F, G, H = "six-cities-four-initiatives", "speaker-roles", "twelve-cities", "wrapped-country-names"
O = "other-award-year"

LAYOUTS: dict[str, dict[str, Any]] = {
    # sample-like: A4 landscape, stats box "Label: figure (year)", three unnumbered columns, quote box
    "rl-landscape-box": dict(engine="reportlab", landscape=True, family="Helvetica", margin=40, size=9.5,
                             stats="box-line", cols=3, marker="", gutter=18, quote="below", quote_box=True,
                             running="footer-bar", photos="bottom", head_color=(0.1, 0.3, 0.6),
                             damage=dict(lig_every=1, overprint={"caption:1:0"}, run_dup={"caption:3:1"}),
                             contents=["sample", F, O]),
    # portrait, Times, justified + hyphenated, sidebar stats (bold label / plain figure), 2 columns "1."
    "rl-portrait-sidebar": dict(engine="reportlab", landscape=False, family="Times", margin=48, size=10.5,
                                align="justify", hyphenate=True, stats="label-then-figure", sidebar=120, cols=2,
                                marker="1.", gutter=16, quote="below", running="header-plain", photos="top",
                                damage=dict(lig_every=2, overprint={"signature", "attribution:2"}),
                                contents=["sample", E, A]),
    # landscape, DejaVu Sans, narrow justified columns with one-em gutters, figure above label, "1)",
    # attribution beside the quote
    "rl-narrow-justified": dict(engine="reportlab", landscape=True, family="DejaVuSans", margin=36, size=8.5,
                                align="justify", hyphenate=True, stats="figure-above", cols=3, marker="1)",
                                gutter=8.5, quote="beside", running="footer-bar", photos="bottom",
                                head_scale=1.5, damage=dict(lig_every=1, overprint={"attribution:0"},
                                                            run_dup={"caption:1:1"}),
                                contents=["sample", C]),
    # portrait, Liberation Serif, a narrow margin column with captions (ALL CAPS, hyphenated) and the
    # quote (role wraps); stats printed before the heading; numbers hanging in their own column
    "rl-margin-column": dict(engine="reportlab", landscape=False, family="LiberationSerif", margin=40, size=10,
                             align="left", hyphenate=True, stats="box-line", stats_first=True, margin_col=92,
                             cols=1, marker="1.", hang=16, quote="margin", photos="margin", caption_caps=True,
                             caption_hyphenate=True, running="margin-number", head_scale=1.5,
                             damage=dict(lig_every=1, overprint={"caption:2:1"}),
                             contents=["sample", H, B]),
    # landscape, Times, bullets in two columns, stats as a table row after the quote, dash attribution
    "rl-bullets-table": dict(engine="reportlab", landscape=True, family="Times", margin=44, size=10.5,
                             align="left", stats="table-rows", cols=2, marker="•", gutter=24, quote="dash",
                             running="number-only", photos="bottom", head_scale=1.9,
                             damage=dict(lig_every=3, overprint={"caption:4:0"}, run_dup={"caption:0:0"}),
                             contents=["sample", D]),
    # held out: portrait Helvetica, '▪' bullets, attribution above the quote, capitals in headings
    "rl-heldout-caps": dict(engine="reportlab", landscape=False, family="DejaVuSans", margin=42, size=9,
                            align="justify", hyphenate=True, stats="label-then-figure", sidebar=110, cols=2,
                            marker="▪", gutter=12, quote="above", caps_heading=True, running="footer-bar",
                            photos="bottom", held_out=True,
                            damage=dict(lig_every=1, overprint={"caption:1:1"}, run_dup={"caption:2:1"}),
                            contents=["sample", A, D]),
    # LibreOffice: portrait, justified with automatic hyphenation, 2-column section, '–' bullets
    "lo-portrait-dashes": dict(engine="libreoffice", landscape=False, font="Liberation Serif", size=11,
                               align="justify", cols=2, marker="–", footer_sep="|",
                               damage=dict(lig_every=1, run_dup={"caption:2:0"}), contents=["sample", G]),
    # LibreOffice: landscape, 3-column section, '▪' bullets, footer "Title 12"
    "lo-landscape-squares": dict(engine="libreoffice", landscape=True, font="DejaVu Sans", size=9,
                                 align="justify", cols=3, marker="▪", gap_cm=0.32, footer_sep="",
                                 damage=dict(lig_every=2, run_dup={"caption:1:0"}), contents=["sample", E, O]),
    # Chromium: portrait, CSS columns (3, one-em gap), "(1)", stats table rows, attribution above quote
    "chromium-columns": dict(engine="chromium", landscape=False, font="'Liberation Sans', sans-serif", size=9.5,
                             align="justify", cols=3, marker="(1)", stats="table-rows", quote="above",
                             damage=dict(lig_every=1, overprint={"caption:0:1", "attribution:1"}),
                             contents=["sample", B, F]),
    # held out: Chromium landscape, 2 columns, figure-above stats, unnumbered
    "chromium-heldout": dict(engine="chromium", landscape=True, font="'DejaVu Serif', serif", size=9,
                             align="justify", cols=2, marker="", stats="figure-above", quote="below",
                             held_out=True, damage=dict(lig_every=2, overprint={"signature", "caption:2:0"}),
                             contents=["sample", H, G, O]),
    # Added after the first round, from layouts that found bugs the suite had not: portrait, three
    # columns of "(1)" items under the intro, the attribution beside the quote, stats as a table row
    # under them, one photo on top
    "rl-portrait-three-cols": dict(engine="reportlab", landscape=False, family="Helvetica", margin=44, size=9.5,
                                   align="left", stats="table-rows", cols=3, marker="(1)", gutter=14,
                                   quote="beside", running="header-plain", photos="top",
                                   damage=dict(lig_every=2, overprint={"caption:1:0"}, run_dup={"caption:2:1"}),
                                   contents=["sample", F]),
    # landscape Times, a sidebar of figures with the year on its own line above each label,
    # two unnumbered columns, the attribution above the quote, captions in capitals
    "rl-landscape-year-lines": dict(engine="reportlab", landscape=True, family="Times", margin=40, size=10,
                                    align="justify", hyphenate=True, stats="figure-above", sidebar=100, cols=2,
                                    marker="", gutter=20, quote="above", running="number-only", photos="bottom",
                                    caption_caps=True, damage=dict(lig_every=1, overprint={"attribution:1"}),
                                    contents=["sample", G]),
    # LibreOffice: portrait, ragged right, a 3-column section of '•' bullets
    "lo-portrait-bullets": dict(engine="libreoffice", landscape=False, font="DejaVu Serif", size=10,
                                align="left", cols=3, marker="•", footer_sep="|",
                                damage=dict(lig_every=2, run_dup={"caption:3:0"}),
                                contents=["sample", C]),
    # Chromium: portrait, two CSS columns of "1." items, figures above their labels
    "chromium-two-cols": dict(engine="chromium", landscape=False, font="'DejaVu Sans', sans-serif", size=9,
                              align="left", cols=2, marker="1.", stats="figure-above", quote="below",
                              damage=dict(lig_every=1, overprint={"caption:1:1"}),
                              contents=["sample", D]),
    # A stats box in a sidebar beside the photo and the head of the intro, a row of items
    # under both (the sidebar's lines must stay one column).
    "rl-portrait-figures-sidebar": dict(engine="reportlab", landscape=False, family="Helvetica", margin=42,
                                        size=9, align="justify", hyphenate=True, stats="figure-above",
                                        sidebar=110, cols=3, marker="(1)", gutter=10, quote="beside",
                                        running="margin-number", photos="top", head_scale=1.6,
                                        damage=dict(lig_every=2, overprint={"attribution:1"},
                                                    run_dup={"caption:2:0"}),
                                        contents=["sample", F]),
    # A quote set in a wide margin column; captions wider than the text columns.
    "rl-landscape-margin-quote": dict(engine="reportlab", landscape=True, family="DejaVuSans", margin=40, size=9,
                                      align="left", stats="label-then-figure", cols=3, marker="1.", hang=14,
                                      gutter=14, quote="margin", margin_col=120, photos="bottom",
                                      running="footer-bar", head_scale=1.8,
                                      damage=dict(lig_every=1, overprint={"caption:1:0"}, run_dup={"caption:4:1"}),
                                      contents=["sample", D]),
    # LibreOffice's hanging bullets: in the second column the bullet hangs in the gutter.
    "lo-landscape-hanging-bullets": dict(engine="libreoffice", landscape=True, font="Liberation Serif", size=11,
                                         align="left", cols=2, marker="•", footer_sep="|",
                                         damage=dict(lig_every=1, run_dup={"caption:0:0"}), contents=["sample", C]),
    # Exported as spreads: facing pages side by side on one sheet (the cover alone), portrait
    # pages with a sidebar of labels over figures and two columns of "1)" items.
    "rl-portrait-spreads": dict(engine="reportlab", landscape=False, family="LiberationSans", margin=46, size=10,
                                align="justify", hyphenate=True, stats="label-then-figure", sidebar=115, cols=2,
                                marker="1)", gutter=15, quote="below", running="footer-bar", photos="top",
                                spreads=True, damage=dict(lig_every=1, overprint={"caption:2:0"}),
                                contents=["sample", F]),
    # Cities run on down the page, a new page only when one is full: headings mid-page, a
    # city's list or quote opening the next page; bullets in two columns, stats as a
    # table row, the attribution after a dash.
    "rl-portrait-run-on": dict(engine="reportlab", landscape=False, family="Times", margin=48, size=10,
                               align="justify", hyphenate=True, stats="table-rows", cols=2, marker="•", gutter=14,
                               quote="dash", running="header-plain", run_on=True,
                               damage=dict(lig_every=1, overprint={"attribution:1"}), contents=["sample", G]),
    # Chromium: a CSS grid, the city's text in a main column and its stats (bold labels over
    # figures) and photos in a sidebar at their own baselines; two columns of bullets.
    "chromium-aside": dict(engine="chromium", landscape=False, font="'Liberation Sans', sans-serif", size=9.5,
                           align="justify", cols=2, marker="•", stats="label-then-figure", quote="below",
                           aside="right", damage=dict(lig_every=1, overprint={"caption:1:0"}), contents=["sample", E]),
    # LibreOffice: the stats as a real table (bold labels over figures) under the quote;
    # three columns of "(1)" items.
    "lo-stats-table": dict(engine="libreoffice", landscape=True, font="DejaVu Sans", size=9, align="left", cols=3,
                           marker="(1)", stats="table-rows", stats_last=True, footer_sep="",
                           damage=dict(lig_every=2, run_dup={"caption:0:1"}), contents=["sample", C]),
    # Chromium: headings that print the city alone, the stats box naming its country first
    # ("Country: ..."); a bulleted front list; items opened by a bare number; "Photo:" captions.
    "chromium-city-alone": dict(engine="chromium", landscape=False, font="'Liberation Serif', serif", size=9.5,
                                align="justify", cols=2, marker="1", stats="box-line", quote="below",
                                heading_form="city-alone", numbered_headings=False, front_list="bulleted",
                                photo_label=True, damage=dict(lig_every=1, overprint={"caption:1:0"}),
                                contents=["city-alone-template", A]),
    # held out: the city alone over figures above their labels, only the front matter's list
    # naming its country; three columns of zero-padded item numbers.
    "rl-heldout-city-listed": dict(engine="reportlab", landscape=True, family="LiberationSans", margin=40,
                                   size=9.5, align="left", stats="figure-above", cols=3, marker="01", gutter=16,
                                   quote="below", running="footer-bar", photos="bottom",
                                   heading_form="city-alone-listed", numbered_headings=False, held_out=True,
                                   damage=dict(lig_every=2, overprint={"caption:1:0"}), contents=["sample", E]),
    # LibreOffice: unnumbered "Country: City" headings (as UNESCO's own pages print the
    # laureates), the stats box last, under the quote; two columns of bulleted items.
    "lo-colon-headings": dict(engine="libreoffice", landscape=False, font="Liberation Sans", size=10,
                              align="justify", cols=2, marker="•", stats="table-rows", stats_last=True,
                              footer_sep="|", heading_form="colon", numbered_headings=False,
                              damage=dict(lig_every=2, run_dup={"caption:0:1"}), contents=["another-template", F]),
    # held out: a template's label before every heading ("Learning City Awardee: Country,
    # City"), in capitals, figures above their labels in a sidebar.
    "chromium-heldout-labelled": dict(engine="chromium", landscape=False, font="'DejaVu Sans', sans-serif",
                                      size=9, align="left", cols=2, marker="1.", stats="figure-above",
                                      quote="below", caps_heading=True, heading_form="labelled",
                                      heading_label="Learning City Awardee", numbered_headings=False,
                                      held_out=True, damage=dict(lig_every=1, overprint={"caption:1:0"}),
                                      contents=["sample", B]),
    # Held out (stop 48, scored once the stop's work was done): LibreOffice, numbered headings
    # with a title after the place, stats as a table's rows under the heading, '1)' items
    "lo-heldout-subtitled": dict(engine="libreoffice", landscape=False, font="DejaVu Serif", size=10,
                                 align="justify", cols=2, marker="1)", stats="table-rows", footer_sep="|",
                                 heading_form="subtitled", held_out=True,
                                 damage=dict(lig_every=1, run_dup={"caption:2:0"}), contents=[G, C]),
}


def expected_for(content: Content, dmg: Damage, joins: list[dict[str, str]], layout: str) -> dict[str, Any]:
    b = content.booklet
    return {
        "_notes": [
            f"Generated by scripts/make_layouts.py: content '{content.name}' typeset in layout '{layout}'.",
            ("Fields are the source content; artifacts are the damage injected by the generator (ligature "
            "splits, overprinted lines, runs printed twice), malformed numbers of the content, and the "
            "typesetter's line-end hyphens read back from the PDF's lines."),
        ],
        "booklet": {"title": b.get("title"), "year": b.get("year"), "introduction": b["introduction"],
                    "foreword": b.get("foreword"), "signatory": b.get("signatory"),
                    "listed_cities": b["listed_cities"]},
        "cities": content.cities,
        "artifacts": {"ligature_splits": dmg.ligature_splits, "hyphen_joins": joins,
                      "duplicates": dmg.duplicates, "malformed_numbers": malformed(content), "allowed": []},
    }


def dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def make_case(layout: str, cfg: dict[str, Any], content: Content, work: Path) -> list[dict[str, Any]]:
    case = f"{layout}--{content.name}"
    if cfg.get("heading_form") == "city-alone-listed" and not content.booklet["listed_cities"]:
        # The front matter's list is the only place such a booklet names its countries.
        raise SystemExit(f"{case}: headings print the city alone and the content lists no cities: "
                         "no country would be printed")
    cdir = OUT / case
    old_pdf = (cdir / "layout.pdf").read_bytes() if (cdir / "layout.pdf").exists() else None
    if cdir.exists():
        shutil.rmtree(cdir)
    (cdir / "text").mkdir(parents=True)
    pdf = cdir / "layout.pdf"
    dmg = Damage(**cfg["damage"])
    engine = cfg["engine"]
    rl_hyph = render(cfg, content, dmg, pdf, work)
    if cfg.get("spreads"):
        impose_spreads(pdf)
    texts = extract_all(pdf)
    if old_pdf is not None and engine != "reportlab":
        # Chromium and LibreOffice stamp dates and ids into the file: keep the committed bytes
        # when the re-run gives the same text to every extractor (the texts stay the same).
        (work / "old.pdf").write_bytes(old_pdf)
        if extract_all(work / "old.pdf") == texts and pdf_lines(work / "old.pdf") == pdf_lines(pdf):
            pdf.write_bytes(old_pdf)
    extra = [heading(c) for c in content.cities] + [attribution(c) for c in content.cities]
    extra += [cap.upper() for c in content.cities for cap in c["captions"]]
    words = source_words(dmg, extra)
    lines = pdf_lines(pdf)  # read once: every read-back below works on these lines
    bad = midline_hyphens(lines, words)
    if bad:
        raise SystemExit(f"{case}: break hyphens printed inside lines: {bad}")
    joins = hyphen_joins(lines, words)
    if engine == "reportlab":  # the read-back must agree with what our own line breaker did
        made = collections.Counter((CORE_RE.match(h).group(2), CORE_RE.match(t).group(2))  # type: ignore[union-attr]
                                   for h, t, kind in rl_hyph if kind == "soft")
        got = collections.Counter(tuple(j["printed"].split("-\n")) for j in joins)
        if made != got:
            raise SystemExit(f"{case}: hyphens read back {sorted(got - made)} != set {sorted(made - got)}")
    dmg.ligature_splits = rebroken_ligatures(lines, dmg.ligature_splits)
    expected = expected_for(content, dmg, joins, layout)
    dump(cdir / "expected.json", expected)
    held = bool(cfg.get("held_out"))
    rows = [{"input": f"{case}/layout.pdf", "expected": f"{case}/expected.json", "case": case, "layout": layout,
             "content": content.name, "kind": "pdf", "held_out": held}]
    rows += text_rows(layout, cfg, content, texts, expected, dmg)
    a = expected["artifacts"]
    print(f"{case}: {len(a['ligature_splits'])} ligature splits, {len(a['hyphen_joins'])} hyphen joins, "
          f"{len(a['duplicates'])} duplicates, {pdf.stat().st_size // 1024} KB", flush=True)
    return rows


def add_texts(layout: str, cfg: dict[str, Any], content: Content, work: Path, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """The texts of `kinds` (an extractor new to the suite) for a case already made, from its
    committed PDF and expected file: the case is typeset again only to learn its damage
    (a typesetter's update may break lines elsewhere; the committed PDF stays the input)."""
    case = f"{layout}--{content.name}"
    cdir = OUT / case
    dmg = Damage(**cfg["damage"])
    render(cfg, content, dmg, work / "render.pdf", work)
    expected = json.loads((cdir / "expected.json").read_text(encoding="utf-8"))
    rows = text_rows(layout, cfg, content, extract_all(cdir / "layout.pdf", kinds), expected, dmg)
    print(f"{case}: {', '.join(kinds)} added", flush=True)
    return rows


def render(cfg: dict[str, Any], content: Content, dmg: Damage, pdf: Path, work: Path) -> Any:
    """Typeset the case with its engine into `pdf`, filling `dmg`; reportlab's own line-end
    hyphens (the read-back must agree with them), None for the other engines."""
    if cfg["engine"] == "reportlab":
        return render_reportlab(cfg, content, dmg, pdf, work)
    if cfg["engine"] == "chromium":
        render_chromium(cfg, content, dmg, pdf, work)
    else:
        render_libreoffice(cfg, content, dmg, pdf, work)
    return None


def text_rows(layout: str, cfg: dict[str, Any], content: Content, texts: dict[str, str], expected: dict[str, Any],
              dmg: Damage) -> list[dict[str, Any]]:
    """Each extractor's text of the case's PDF (`texts`) and its expected file, written;
    their manifest rows."""
    case = f"{layout}--{content.name}"
    cdir = OUT / case
    held = bool(cfg.get("held_out"))
    rows = []
    for name, text in texts.items():
        (cdir / "text" / f"{name}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
        exp = laid_out(expected, text, dmg) if name == LAID_OUT else for_extractor(expected, text, dmg)
        if exp["artifacts"] != expected["artifacts"]:
            dump(cdir / "text" / f"{name}.expected.json", exp)
            exp_path = f"{case}/text/{name}.expected.json"
        else:
            exp_path = f"{case}/expected.json"
        rows.append({"input": f"{case}/text/{name}.txt", "expected": exp_path, "case": case, "layout": layout,
                     "content": content.name, "kind": name, "held_out": held})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="make only cases whose name contains this")
    ap.add_argument("--add-texts", metavar="KIND", action="append", choices=EXTRACTORS,
                    help="only add this extractor's texts to the cases made already (their PDFs kept)")
    a = ap.parse_args()
    if not SAMPLE_GOLD.exists():
        print(f"needs {SAMPLE_GOLD}", file=sys.stderr)
        return 2
    contents = {"sample": load_sample(), **{n: load_variation(n) for n in VARIATION_NAMES}}
    manifest_path = OUT / "MANIFEST.json"
    old = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else []
    rows: list[dict[str, Any]] = []
    made: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="layouts-") as tmp:
        for layout, cfg in LAYOUTS.items():
            for cname in cfg["contents"]:
                case = f"{layout}--{cname}"
                if a.only and a.only not in case:
                    continue
                work = Path(tmp) / case
                work.mkdir()
                if a.add_texts:
                    rows += add_texts(layout, cfg, contents[cname], work, tuple(a.add_texts))
                    continue
                rows += make_case(layout, cfg, contents[cname], work)
                made.add(case)
    if a.add_texts:  # the other rows stay; the added kinds' rows replace theirs
        made_kinds = {(r["case"], r["kind"]) for r in rows}
        rows += [r for r in old if (r["case"], r["kind"]) not in made_kinds]
    else:
        rows += [r for r in old if r["case"] not in made and (OUT / r["case"]).exists()]
    order = {(layout, c): i for i, (layout, c) in enumerate((lay, c) for lay, cfg in LAYOUTS.items()
                                                                   for c in cfg["contents"])}
    kinds = ("pdf",) + EXTRACTORS
    rows.sort(key=lambda r: (order.get((r["layout"], r["content"]), 999), kinds.index(r["kind"])))
    dump(manifest_path, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
