"""`--review FILE.html`: one self-contained page a person checks an extraction with.

Why: trusting a result should not mean reading the JSON. The page puts each
field beside the crop of the page region it was read from (its provenance),
outlined; every flag beside the place it was printed; and at the top, what to
look at first (the problems, each a link to its place). For a text input the
input's own numbered lines stand in for the crops.

Self-contained and inert: CSS inline, images as `data:` URIs, no script, and a
Content-Security-Policy that forbids any request, so the page works offline,
with JavaScript off, and cannot call out even if booklet text tried to. All
booklet text is untrusted and goes through `html.escape`.
"""

from __future__ import annotations

import hashlib
import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .crops import Colour, Crop, Region, render_crops
from .errors import UnreadableInput
from .models import Booklet, City, Flag, Provenance
from .palette import COLOURS, KIND_LABELS
from .review_style import CSS
from .sources.text import decode_text
from .validate import PROBLEM_KINDS, UNSURE_KINDS

MAX_EXCERPT_LINES = 30
"""Longest run of input lines shown for one text field (the rest is elided)."""
ZOOM = 1.5
"""CSS pixels per PDF point for a crop: print-size text is small on a screen; the 2x
render keeps it sharp at this size."""
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def e(text: object) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Summary:
    """One booklet's line in a batch's index page."""

    source: str
    page: str
    cities: int
    flags: int
    problems: int
    coverage: float


def review_file(booklet: Booklet, path: str | Path, *, backend: str | None = None,
                password: str | None = None) -> str:
    """The review page for `booklet`, read again from `path` for its crops or lines.

    The file must be the one extracted: a changed file would show wrong crops.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read it again for the review page ({exc.strerror})", str(path)) from None
    if hashlib.sha256(data).hexdigest() != booklet.source.sha256:
        raise UnreadableInput("changed while it was read; the review page would not match", str(path))
    return review_page(booklet, data, backend=backend, password=password)


def review_page(booklet: Booklet, data: bytes, *, backend: str | None = None,
                password: str | None = None) -> str:
    """The whole page as one string (`data`: the input's bytes, for crops or lines)."""
    shown = booklet.source.path or "standard input"
    where: _Places
    if booklet.source.format == "pdf":
        colours = _regions(booklet)
        crops = render_crops(data, colours, colours, path=shown, password=password)
        where = _PdfPlaces(crops)
    else:
        where = _TextPlaces(decode_text(data, shown).split("\n"))
    name = Path(shown).name
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n",
        f"<title>Review: {e(name)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        _summary(booklet, name, backend),
        "<main>\n",
        *(_city_card(booklet, index, city, where) for index, city in enumerate(booklet.cities)),
        _front_card(booklet, where),
        _loose_flags(booklet, where),
        "</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


# --- where a field came from: crops (PDF) or numbered lines (text) ---------------------------


class _PdfPlaces:
    def __init__(self, crops: dict[Region, Crop]) -> None:
        self.crops = crops

    def field(self, prov: Provenance | None, label: str) -> str:
        if prov is None:
            return ""
        return "".join(self._img(_region(box.page, box.bbox), label) for box in prov.boxes)

    def flag(self, flag: Flag, label: str) -> str:
        if flag.page is None or flag.bbox is None:
            return ""
        return self._img(_region(flag.page, flag.bbox), label)

    def _img(self, region: Region, label: str) -> str:
        crop = self.crops.get(region)
        if crop is None:
            return f"<p class=\"none\">page {region.page}: outside the document</p>"
        return (f"<figure><img src=\"{crop.uri}\" width=\"{round(crop.width * ZOOM)}\" "
                f"height=\"{round(crop.height * ZOOM)}\" "
                f"alt=\"{e(label)}, as printed on page {region.page}\">"
                f"<figcaption>page {region.page}</figcaption></figure>")


class _TextPlaces:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def field(self, prov: Provenance | None, label: str) -> str:
        return self._excerpt(prov.lines, label) if prov is not None else ""

    def flag(self, flag: Flag, label: str) -> str:
        return self._excerpt([flag.line], label) if flag.line is not None else ""

    def _excerpt(self, numbers: list[int], label: str) -> str:
        """The input's lines from the first to the last number, numbered as in the file."""
        if not numbers:
            return ""
        first, last = min(numbers), max(numbers)
        shown = range(first, min(last, first + MAX_EXCERPT_LINES - 1) + 1)
        rows = [f"<span class=\"l\"><span class=\"n\">{n}</span>{e(self._line(n))}</span>" for n in shown]
        if last > shown[-1]:
            rows.append(f"<span class=\"l\"><span class=\"n\">…</span>"
                        f"({last - shown[-1]} more line(s), to line {last})</span>")
        return (f"<pre class=\"lines\" aria-label=\"{e(label)}, input lines {first} to {last}\">"
                + "".join(rows) + "</pre>")

    def _line(self, number: int) -> str:
        return self.lines[number - 1].replace("\f", "") if 1 <= number <= len(self.lines) else ""


_Places = _PdfPlaces | _TextPlaces


def _region(page: int, bbox: Iterable[float]) -> Region:
    x0, top, x1, bottom = bbox
    return Region(page, (x0, top, x1, bottom))


def _regions(booklet: Booklet) -> dict[Region, Colour]:
    """Every box the page shows, with its outline colour (a field's kind; flags last)."""
    out: dict[Region, Colour] = {}

    def add(prov: Provenance | None, kind: str) -> None:
        for box in prov.boxes if prov is not None else []:
            out.setdefault(_region(box.page, box.bbox), COLOURS[kind])

    for city in booklet.cities:
        p = city.provenance
        add(p.heading, "heading")
        for key in ("population", "area_km2", "gdp_usd"):
            add(getattr(p.stats, key), "stats")
        add(p.intro, "intro")
        for item in p.initiatives:
            add(item, "initiative")
        add(p.quote, "quote")
        add(p.attribution, "attribution")
        for caption in p.captions:
            add(caption, "caption")
    front = booklet.booklet.provenance
    for prov in (front.title, front.introduction, front.foreword, front.signatory, *front.listed_cities):
        add(prov, "front")
    for flag in booklet.flags:
        if flag.page is not None and flag.bbox is not None:
            out.setdefault(_region(flag.page, flag.bbox), COLOURS["flag"])
    return out


# --- the summary at the top ------------------------------------------------------------------


def _summary(booklet: Booklet, name: str, backend: str | None) -> str:
    source, cov = booklet.source, booklet.coverage
    facts = [
        ("Source", source.path or "standard input"),
        ("SHA-256", source.sha256),
        ("Format", source.format),
        ("Pages", source.pages if source.pages is not None else "–"),
        ("Backend", backend if source.format == "pdf" and backend else "– (text input)"
         if source.format == "text" else "–"),
        ("Cities", len(booklet.cities)),
    ]
    rows = "".join(f"<tr><th scope=\"row\">{e(k)}</th><td>{e(v)}</td></tr>" for k, v in facts)
    return (
        f"<header>\n<h1>Review: {e(name)}</h1>\n"
        "<p class=\"lead\">Each field as extracted, beside the place it was read from. "
        "Start with the problems; every flag shows the text as printed and as fixed.</p>\n"
        f"<table class=\"facts\">{rows}</table>\n"
        f"{_coverage(cov.lines, cov.assigned, cov.noise, cov.unassigned)}"
        f"{_flag_counts(booklet.flags)}{_problems(booklet)}{_legend(booklet)}{_contents(booklet)}"
        "</header>\n"
    )


def _coverage(lines: int, assigned: int, noise: int, unassigned: int) -> str:
    """The coverage as a bar (widths in %) and, for screen readers and no-CSS, as words."""
    total = max(lines, 1)
    parts = [("assigned", assigned), ("noise", noise), ("unassigned", unassigned)]
    bar = "".join(f"<span class=\"{k}\" style=\"width:{100 * n / total:.2f}%\"></span>" for k, n in parts if n)
    words = ", ".join(f"<span class=\"key {k}\"></span>{k} {n} ({100 * n / total:.1f}%)" for k, n in parts)
    return (f"<h2>Coverage of {lines} input line(s)</h2>\n"
            f"<div class=\"bar\" role=\"img\" aria-label=\"coverage\">{bar}</div>\n<p>{words}</p>\n")


_TYPE_LABEL = {"problem": "problem", "unsure": "kept as printed (unsure)", "repair": "repair (applied)"}


def _css(kind: str) -> str:
    """A flag's type: a problem, printed text kept where a repair was unsure, or a repair."""
    return "problem" if kind in PROBLEM_KINDS else "unsure" if kind in UNSURE_KINDS else "repair"


def _flag_counts(flags: list[Flag]) -> str:
    counts = Counter(f.kind for f in flags)
    if not counts:
        return "<h2>Flags</h2>\n<p>None.</p>\n"
    rows = "".join(
        f"<tr class=\"{_css(kind)}\"><td>{e(kind)}</td><td>{n}</td><td>{_TYPE_LABEL[_css(kind)]}</td></tr>"
        for kind, n in sorted(counts.items(), key=lambda kv: (kv[0] not in PROBLEM_KINDS, -kv[1], kv[0]))
    )
    return ("<h2>Flags</h2>\n<table class=\"counts\"><thead><tr><th>kind</th><th>count</th><th>type</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>\n")


def _problems(booklet: Booklet) -> str:
    names = {c.number: f"{c.number}. {c.city}" for c in booklet.cities}
    items = [
        f"<li><a href=\"#flag-{i}\"><strong>{e(f.kind)}</strong>: {e(f.message)}</a>"
        f" <span class=\"at\">{e(_place(f, names))}</span></li>"
        for i, f in enumerate(booklet.flags) if f.kind in PROBLEM_KINDS
    ]
    body = f"<ol class=\"problems\">{''.join(items)}</ol>" if items else "<p>None found.</p>"
    return f"<h2 id=\"problems\">Problems ({len(items)})</h2>\n{body}\n"


def _place(flag: Flag, names: dict[int, str]) -> str:
    parts = [f"city {names.get(flag.city, flag.city)}"] if flag.city is not None else []
    if flag.page is not None:
        parts.append(f"page {flag.page}")
    if flag.line is not None:
        parts.append(f"line {flag.line}")
    return ", ".join(parts) or "whole booklet"


def _legend(booklet: Booklet) -> str:
    if booklet.source.format != "pdf":
        return ""
    keys = "".join(
        f"<li><span class=\"key\" style=\"border-color:rgb{colour}\"></span>{e(KIND_LABELS[kind])}</li>"
        for kind, colour in COLOURS.items()
    )
    return f"<h2>Outline colours</h2>\n<ul class=\"legend\">{keys}</ul>\n"


def _contents(booklet: Booklet) -> str:
    items = "".join(
        f"<li><a href=\"#city-{i}\">{e(_heading(c))}</a>{_badge(booklet, c)}</li>"
        for i, c in enumerate(booklet.cities)
    )
    return f"<nav><h2>Cities ({len(booklet.cities)})</h2><ol class=\"contents\">{items}</ol></nav>\n"


def _badge(booklet: Booklet, city: City) -> str:
    problems = sum(f.city == city.number and f.kind in PROBLEM_KINDS for f in booklet.flags)
    return f" <span class=\"badge\">{problems} problem(s)</span>" if problems else ""


def _heading(city: City) -> str:
    return f"{city.number}. {city.country}, {city.city}"


# --- the cards ------------------------------------------------------------------------------


def _field(label: str, value_html: str, place: str, kind: str = "") -> str:
    css = f" {kind}" if kind else ""
    return (f"<div class=\"field{css}\"><div class=\"value\"><h3>{e(label)}</h3>{value_html}</div>"
            f"<div class=\"where\">{place}</div></div>\n")


def _text(value: str | None) -> str:
    return f"<p>{e(value)}</p>" if value else "<p class=\"none\">missing</p>"


def _city_card(booklet: Booklet, index: int, city: City, where: _Places) -> str:
    p = city.provenance
    heading = _heading(city)
    out = [f"<section class=\"card\" id=\"city-{index}\">\n<h2>{e(heading)}</h2>\n",
           _field("Heading", f"<p>{e(heading)}</p>", where.field(p.heading, "heading"))]
    out.append(_stats(city, where))
    out.append(_field("Intro", _text(city.intro), where.field(p.intro, "intro")))
    if not city.initiatives:
        out.append(_field("Initiatives", "<p class=\"none\">missing</p>", ""))
    for n, item in enumerate(city.initiatives):
        prov = p.initiatives[n] if n < len(p.initiatives) else None
        name = f"<p class=\"name\">{e(item.name)}</p>" if item.name else ""
        out.append(_field(f"Initiative {item.number}", name + _text(item.text),
                          where.field(prov, f"initiative {item.number}")))
    if city.quote is None:
        out.append(_field("Quote", "<p class=\"none\">missing</p>", ""))
    else:
        q = city.quote
        out.append(_field("Quote", f"<blockquote>{e(q.text)}</blockquote>", where.field(p.quote, "quote")))
        said = (f"<table class=\"kv\"><tr><th>speaker</th><td>{_cell(q.speaker)}</td></tr>"
                f"<tr><th>role</th><td>{_cell(q.role)}</td></tr></table>")
        out.append(_field("Speaker and role", said, where.field(p.attribution, "attribution")))
    for n, caption in enumerate(city.captions):
        prov = p.captions[n] if n < len(p.captions) else None
        out.append(_field(f"Caption {n + 1}", _text(caption), where.field(prov, "caption")))
    out.append(_flags([(i, f) for i, f in enumerate(booklet.flags) if f.city == city.number], where))
    out.append("</section>\n")
    return "".join(out)


def _cell(value: object) -> str:
    return e(value) if value is not None else "<span class=\"none\">–</span>"


def _stats(city: City, where: _Places) -> str:
    rows = []
    for key, label in (("population", "population"), ("area_km2", "area (km²)"), ("gdp_usd", "GDP (US$)")):
        stat = getattr(city.stats, key)
        place = where.field(getattr(city.provenance.stats, key), label)
        if stat is None:
            rows.append(f"<tr><th scope=\"row\">{e(label)}</th><td colspan=\"3\" class=\"none\">missing</td>"
                        f"<td class=\"where\">{place}</td></tr>")
            continue
        value = _cell(stat.value) if stat.value is not None else "<span class=\"bad\">not a number</span>"
        rows.append(f"<tr><th scope=\"row\">{e(label)}</th><td>{e(stat.raw)}</td><td>{value}</td>"
                    f"<td>{_cell(stat.year)}</td><td class=\"where\">{place}</td></tr>")
    return ("<div class=\"field wide\"><div class=\"value\"><h3>Stats</h3><table class=\"stats\"><thead><tr>"
            "<th></th><th>raw</th><th>value</th><th>year</th><th>where</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div></div>\n")


def _flags(flags: list[tuple[int, Flag]], where: _Places) -> str:
    if not flags:
        return "<h3 class=\"flags\">Flags</h3>\n<p>None.</p>\n"
    items = "".join(_flag(i, f, where) for i, f in flags)
    return f"<h3 class=\"flags\">Flags ({len(flags)})</h3>\n<div class=\"flaglist\">{items}</div>\n"


_NOWHERE = "<p class=\"none\">no single place: it concerns the booklet as a whole</p>"


def _flag(index: int, flag: Flag, where: _Places) -> str:
    css = _css(flag.kind)
    change = ""
    if flag.printed is not None:
        change += f"<dt>printed</dt><dd><code>{e(flag.printed)}</code></dd>"
    if flag.fixed is not None:
        change += f"<dt>fixed</dt><dd><code>{e(flag.fixed)}</code></dd>"
    at = ", ".join(x for x in (f"page {flag.page}" if flag.page else "",
                               f"line {flag.line}" if flag.line else "") if x)
    return (f"<div class=\"flag {css}\" id=\"flag-{index}\"><div class=\"value\">"
            f"<p><strong>{e(flag.kind)}</strong> <span class=\"at\">{e(at)}</span></p>"
            f"<p>{e(flag.message)}</p><dl>{change}</dl></div>"
            f"<div class=\"where\">{where.flag(flag, flag.kind) or _NOWHERE}</div></div>\n")


def _front_card(booklet: Booklet, where: _Places) -> str:
    front, p = booklet.booklet, booklet.booklet.provenance
    fields: list[tuple[str, str, Provenance | None]] = [
        ("Title", _text(front.title), p.title),
        ("Introduction", _text(front.introduction), p.introduction),
        ("Foreword", _text(front.foreword), p.foreword),
    ]
    if front.signatory is not None:
        s = front.signatory
        who = ", ".join(x for x in (s.name, s.role, s.organization) if x)
        fields.append(("Signatory", _text(who), p.signatory))
    listed = "".join(f"<li>{e(c.country)}, {e(c.city)}</li>" for c in front.listed_cities)
    body = "".join(_field(label, html_value, where.field(prov, label.lower()))
                   for label, html_value, prov in fields if prov is not None)
    if listed:
        places = "".join(where.field(prov, "listed city") for prov in p.listed_cities)
        body += _field("Listed cities", f"<ol>{listed}</ol>", places)
    if not body:
        return ""
    return f"<section class=\"card front\" id=\"front\">\n<h2>Front matter</h2>\n{body}</section>\n"


def _loose_flags(booklet: Booklet, where: _Places) -> str:
    """Flags that name no city: the front matter's, and the booklet's as a whole."""
    loose = [(i, f) for i, f in enumerate(booklet.flags) if f.city is None]
    if not loose:
        return ""
    return (f"<section class=\"card\" id=\"booklet-flags\">\n<h2>Flags outside the cities</h2>\n"
            f"{_flags(loose, where)}</section>\n")


# --- a batch's index ------------------------------------------------------------------------


def summary(booklet: Booklet, page: str) -> Summary:
    cov = booklet.coverage
    return Summary(source=booklet.source.path or "standard input", page=page, cities=len(booklet.cities),
                   flags=len(booklet.flags),
                   problems=sum(f.kind in PROBLEM_KINDS for f in booklet.flags),
                   coverage=100 * cov.assigned / cov.lines if cov.lines else 0.0)


def index_page(entries: list[Summary], failures: list[str]) -> str:
    """The batch's index: one row per booklet with a link to its page; failed inputs listed."""
    rows = "".join(
        f"<tr><td><a href=\"{e(s.page)}\">{e(s.source)}</a></td><td>{s.cities}</td><td>{s.flags}</td>"
        f"<td>{s.problems}</td><td>{s.coverage:.1f}%</td></tr>"
        for s in entries
    )
    failed = "".join(f"<li>{e(f)}</li>" for f in failures)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        f"<title>Review: {len(entries)} booklet(s)</title>\n<style>{CSS}</style>\n</head>\n<body>\n<header>\n"
        f"<h1>Review: {len(entries)} booklet(s)</h1>\n<table class=\"counts\"><thead><tr><th>booklet</th>"
        "<th>cities</th><th>flags</th><th>problems</th><th>assigned</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>\n"
        + (f"<h2>Not read ({len(failures)})</h2>\n<ul>{failed}</ul>\n" if failures else "")
        + "</header>\n</body>\n</html>\n"
    )

