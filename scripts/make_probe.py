#!/usr/bin/env python3
"""Probe rounds: booklets of the genre the suite has never seen, to score a change blind.

Each round invents its content (places named by random syllables, never a real one;
stats, intros, items, quotes and captions from varied sentences) and typesets it in
random layouts through scripts/make_layouts.py's typesetters and extractors, so that the
reader is measured on layouts and texts no rule was written against. The rounds are
written outside the project (they are many MB and are never committed); a seed is the
round's number, so a round can be made again.

usage: python scripts/make_probe.py make ROUND [ROUND ...] [--cases 8] [--out DIR]
       python scripts/make_probe.py score FIRST-LAST -o scores.json [--out DIR]
       python scripts/make_probe.py compare OLD.json NEW.json
       python scripts/make_probe.py fails ROUND CASE KIND [--out DIR]

`make` needs what scripts/make_layouts.py needs (`pip install '.[layouts]'`, Debian's
`libreoffice-writer`, `chromium` and `poppler-utils`; without the last two a round is set
by reportlab and LibreOffice only, or reportlab alone). `score` runs the booklet_extract
on the path (set PYTHONPATH to score another checkout's `src` against this one's rounds),
each input with the shared scorer as scripts/score_layouts.py does. Score a change on
rounds made before it, and make new rounds for the next change: a round read while
mending a rule is no longer blind.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT.parent / "probe"  # outside the project: never committed


@cache
def _script(name: str) -> Any:
    """Load scripts/<name>.py as a module, once (registered, so that its worker processes find it)."""
    spec = importlib.util.spec_from_file_location(f"{name}_for_probe", ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# ----------------------------------------------------------------------------- content

SYL = ["ka", "lo", "mir", "va", "den", "sol", "tar", "bri", "nu", "wes", "hal", "or", "pen", "zu", "ri",
       "mo", "gan", "el", "ast", "bel", "cor", "dun", "fra", "gol", "ith", "jor", "kel", "lun", "mar", "nev",
       "os", "pra", "quin", "ros", "sav", "tel", "ul", "vor", "yan", "zel", "ber", "char", "do", "em", "fen"]
FIRST = ["Ann", "Bo", "Carla", "Dev", "Elin", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemi", "Luis", "Mira",
         "Nils", "Olga", "Pavel", "Rosa", "Sami", "Tomas", "Una", "Vera", "Wen", "Yara", "Zoltan", "Aiko", "Bruno"]
ROLES = ["Mayor of {city}", "Mayor", "Lord Mayor of {city}", "Governor of {city} Province",
         "Chief Executive of {city} City Council", "Mayor of the City of {city}", "President of {city} Municipality",
         "Deputy Mayor for Education, {city}", "Metropolitan Mayor of {city}"]
INTRO_OPEN = [
    "{city} is a {adj} city in the {where} of {country}, known for its {known}.",
    "With a population that has grown quickly over the past two decades, {city} has made learning a part of its {known}.",
    "Located on the {where} coast of {country}, {city} has long been a centre of {known}.",
    "The city of {city} sits in a {adj} valley and draws on its {known} to build a learning city.",
    "Since joining the UNESCO Global Network of Learning Cities, {city} has reformed its {known}.",
]
INTRO_MID = [
    "The municipality of {city} works with universities, businesses and civil society to offer learning opportunities to all residents.",
    "Its strategy focuses on inclusion, affordable education and the efficient use of public buildings.",
    "Local officials in {city} have placed lifelong learning at the heart of urban planning.",
    "The city offers free courses for adults and young people in every district.",
    "Over the last five years the council has doubled its spending on community education.",
]
INTRO_END = ["Its main initiatives include:", "Highlights include:", "Key initiatives are:",
             "Among its initiatives are:", "The city’s efforts include:", ""]
ADJ = ["mid-sized", "historic", "fast-growing", "coastal", "mountain", "river", "industrial", "university"]
WHERE = ["north", "south", "east", "west", "centre", "north-east", "south-west"]
KNOWN = ["crafts and markets", "textile industry", "port and fisheries", "old town", "festivals",
         "schools and libraries", "official heritage sites", "efficient public transport", "fine arts"]
ITEM = [
    "The {name} programme, which offers free {what} to {who} in {place}.",
    "A network of {n} community learning centres that provide {what} for {who}.",
    "{name}, an initiative that helps {who} find work through {what}.",
    "Mobile libraries that bring books and digital skills training to {who} in remote districts.",
    "The annual {name} festival, with more than {n} free events held in {place}.",
    "Training for {who} in {what}, run jointly with local employers and the chamber of commerce.",
    "An affordable housing and learning scheme for {who}, combining shelter with {what}.",
    "The ‘{name}’ project, in which {who} and retired volunteers learn {what} together.",
    "Evening classes in {what} for {who}, held in schools and offices across the city.",
    "A fund that finances small projects proposed by {who}, from {what} to urban gardening.",
]
WHAT = ["literacy classes", "digital skills", "language courses", "vocational training", "financial literacy",
        "first-aid courses", "environmental education", "music and arts workshops", "coding lessons",
        "entrepreneurship coaching", "fluency in the national language"]
WHO = ["older adults", "young people", "migrants and refugees", "women", "unemployed adults", "schoolchildren",
       "families", "people with disabilities", "small business owners", "farmers"]
PLACE = ["the old town", "public parks", "every district", "the central market", "libraries and museums",
         "the harbour area", "community halls"]
QUOTE = [
    "Learning is the foundation of a city where everyone can take part. In {city}, we want every resident to have the chance to learn throughout life.",
    "A learning city is a city that never stops asking how it can do better. We are proud that {city} has taken this path together with its citizens.",
    "Our efforts in {city} show that investing in people is the most efficient investment a city can make.",
    "We believe that education must reach everyone, from the youngest child to the oldest citizen. {city} will continue on this path.",
    "Lifelong learning has changed the face of {city}. Our neighbourhoods are now places where people meet, share and learn from each other.",
]
CAPTION = ["Students at the {name} centre", "Opening of the {name} festival", "A reading class in {place}",
           "Volunteers at work in {name}", "Graduation ceremony at {name} College", "Workshop for {who} in {name}",
           "{name} learning fair", "Children at the {name} library", "Community garden in {name}",
           "Digital skills class in {name}"]
TITLES = [None, "Learning Cities Award {year}", "UNESCO Learning City Award {year}", "Award-winning Learning Cities"]


def name(rng: random.Random, parts: tuple[int, int] = (2, 3)) -> str:
    return "".join(rng.choice(SYL) for _ in range(rng.randint(*parts))).capitalize()


def place_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15:
        return f"{name(rng)} {name(rng, (1, 2))}"
    if r < 0.2:
        return f"{name(rng)}-{name(rng, (1, 2))}"
    return name(rng)


def stat(rng: random.Random, kind: str, year_p: float) -> dict[str, Any] | None:
    if rng.random() < 0.05:
        return None
    year = rng.choice([2015, 2016, 2017, 2018, 2019, 2020]) if rng.random() < year_p else None
    if kind == "population":
        v: float = rng.randint(40_000, 9_000_000)
        raw = f"{v:,}"
    elif kind == "area_km2":
        v = rng.choice([rng.randint(20, 2500), round(rng.uniform(20, 900), 1)])
        raw = f"{v} km2" if rng.random() < 0.7 else f"{v} km²"
    else:
        v = rng.randint(900, 80_000)
        raw = f"US${v:,}"
    return {"raw": raw, "value": v, "year": year}


def speaker(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {name(rng)}"


def fill(rng: random.Random, t: str, **kw: str) -> str:
    return t.format(name=name(rng, (2, 3)), what=rng.choice(WHAT), who=rng.choice(WHO), place=rng.choice(PLACE),
                    n=rng.choice([12, 25, 40, 120, 300]), adj=rng.choice(ADJ), where=rng.choice(WHERE),
                    known=rng.choice(KNOWN), **kw)


def _unique(make: Callable[[], str], seen: set[str]) -> str:
    """A text `make` gives that the booklet has not printed yet (`seen`): the genre prints
    no item, quote or caption twice, and a line printed in every city reads as the page's
    furniture."""
    for _ in range(50):
        text = make()
        if text not in seen:
            seen.add(text)
            return text
    raise RuntimeError("no unique text")


def make_content(seed: int, n_cities: int | None = None) -> dict[str, Any]:
    """A booklet in the variation expected-file format."""
    rng = random.Random(seed)
    n = n_cities or rng.randint(3, 8)
    year = rng.choice([2021, 2023, 2025, 2027])
    n_items = rng.choice([2, 3, 3, 3, 4])
    year_p = rng.choice([0.0, 0.5, 1.0])
    cities = []
    used: set[str] = set()
    seen: set[str] = set()
    for k in range(1, n + 1):
        country = place_name(rng) + rng.choice(["ia", "a", "land", "istan", "o", ""])
        city = place_name(rng)
        while city in used:
            city = place_name(rng)
        used.add(city)
        intro = " ".join(x for x in (fill(rng, rng.choice(INTRO_OPEN), city=city, country=country),
                                     fill(rng, rng.choice(INTRO_MID), city=city), rng.choice(INTRO_END)) if x)
        items = [_unique(lambda t=t: fill(rng, t), seen) for t in rng.sample(ITEM, n_items)]
        quote = _unique(lambda c=city: fill(rng, rng.choice(QUOTE), city=c), seen)
        caps = [_unique(lambda t=t: fill(rng, t), seen) for t in rng.sample(CAPTION, rng.choice([1, 2, 2, 2, 3]))]
        cities.append({"number": k, "country": country, "city": city,
                       "stats": {s: stat(rng, s, year_p) for s in ("population", "area_km2", "gdp_usd")},
                       "intro": intro, "initiatives": items,
                       "quote": {"text": quote, "speaker": speaker(rng), "role": rng.choice(ROLES).format(city=city)},
                       "captions": caps})
    title = rng.choice(TITLES)
    booklet = {"title": title.format(year=year) if title else None, "year": year if title and "{year}" in title else None,
               "introduction": ("Cities are where lifelong learning for all is made real. This year the award "
                                f"recognizes {n} cities for their outstanding progress. The cities are:"),
               "foreword": ("I congratulate the award-winning cities and thank their mayors and residents for "
                            "their efforts to make learning a part of everyday life."),
               "signatory": {"name": speaker(rng), "role": "Director", "organization": "Institute for Lifelong Learning"},
               "listed_cities": [[c["country"], c["city"]] for c in cities]}
    return {"about": f"probe content, seed {seed}", "booklet": booklet, "cities": cities, "flags": []}


# ----------------------------------------------------------------------------- layouts



RL_FAMILIES = ["Helvetica", "Times", "DejaVuSans", "LiberationSerif", "LiberationSans"]
LO_FONTS = ["Liberation Serif", "Liberation Sans", "DejaVu Sans", "DejaVu Serif"]
CH_FONTS = ["'Liberation Sans', sans-serif", "'DejaVu Serif', serif", "'Liberation Serif', serif",
            "'DejaVu Sans', sans-serif"]
MARKERS = ["", "1.", "1)", "(1)", "•", "▪", "–", "01", "1", "a)", "►", "1 –"]
STATS = ["box-line", "label-then-figure", "figure-above", "table-rows"]
FORMS = [None, None, None, "colon", "labelled", "subtitled", "two-lines", "bar", "city-alone"]


def random_layout(rng: random.Random, engines: list[str]) -> dict[str, Any]:
    engine = rng.choice(engines)
    damage: dict[str, Any] = {"lig_every": rng.choice([1, 1, 2, 3]), "overprint": set(), "run_dup": set()}
    if rng.random() < 0.6:
        damage["overprint"].add(rng.choice(["caption:1:0", "caption:0:1", "attribution:1", "signature"]))
    if rng.random() < 0.5:
        damage["run_dup"].add(rng.choice(["caption:2:0", "caption:1:1", "caption:0:0"]))
    cfg: dict[str, Any] = {"engine": engine, "landscape": rng.random() < 0.5, "align": rng.choice(["left", "justify"]),
                 "cols": rng.choice([1, 2, 2, 3, 3]), "marker": rng.choice(MARKERS), "damage": damage}
    form = rng.choice(FORMS)
    if form:
        cfg["heading_form"] = form
        if form in ("colon", "labelled", "two-lines", "bar") and rng.random() < 0.6:
            cfg["numbered_headings"] = False
    if form == "city-alone":
        cfg["numbered_headings"] = rng.random() < 0.5
    if rng.random() < 0.25:
        cfg["caps_heading"] = True
    if engine == "reportlab":
        cfg.update(family=rng.choice(RL_FAMILIES), margin=rng.choice([36, 40, 44, 48]),
                   size=rng.choice([8.5, 9, 9.5, 10, 10.5]), stats=rng.choice(STATS),
                   gutter=rng.choice([8, 10, 14, 18, 24]), quote=rng.choice(["below", "beside", "above", "dash", "margin"]),
                   running=rng.choice(["footer-bar", "header-plain", "number-only", "margin-number"]),
                   photos=rng.choice(["top", "bottom", "bottom"]), hyphenate=rng.random() < 0.6,
                   head_scale=rng.choice([1.5, 1.7, 1.9]))
        if rng.random() < 0.35 and cfg["stats"] != "table-rows":  # a table's labels overprint in a sidebar
            cfg["sidebar"] = rng.choice([100, 110, 120])
        if cfg["quote"] == "margin" or rng.random() < 0.1:
            cfg["quote"] = "margin"
            cfg["margin_col"] = rng.choice([92, 110, 120])
            if rng.random() < 0.5:
                cfg["photos"] = "margin"
        if rng.random() < 0.2:
            cfg["caption_caps"] = True
        if rng.random() < 0.15 and cfg["stats"] != "table-rows":  # the generator prints such a table twice
            cfg["stats_first"] = True
        if rng.random() < 0.15:
            cfg["run_on"] = True
        elif rng.random() < 0.1:
            cfg["spreads"] = True
        if cfg["marker"] in ("1.", "1)") and rng.random() < 0.3:
            cfg["hang"] = 14
    elif engine == "libreoffice":
        damage["overprint"] = set()  # the generator's LibreOffice pages draw no line twice
        cfg.update(font=rng.choice(LO_FONTS), size=rng.choice([9, 10, 11]), footer_sep=rng.choice(["|", ""]))
        if rng.random() < 0.4:
            cfg.update(stats="table-rows", stats_last=rng.random() < 0.5)
    else:
        cfg.update(font=rng.choice(CH_FONTS), size=rng.choice([9, 9.5, 10]),
                   stats=rng.choice(STATS), quote=rng.choice(["below", "above"]))
        if rng.random() < 0.25:
            cfg["aside"] = "right"
    return cfg


# ----------------------------------------------------------------------------- rounds


def make_round(number: int, cases: int, out: Path) -> int:
    """Make round `number` under `out`/r<number>: `cases` booklets, each of fresh content in
    a random layout (a layout the typesetter cannot set is drawn again); returns the
    number of cases made."""
    seed = number * 100 + number - 270
    rng = random.Random(seed)
    layouts = _script("make_layouts")
    where = out / f"r{number}"
    if where.exists():
        shutil.rmtree(where)
    contents = where / "_content"
    contents.mkdir(parents=True)
    layouts.OUT, layouts.VARIATIONS = where, contents
    engines = ["reportlab", "reportlab"] + [engine for engine, tool in (("libreoffice", "soffice"),
                                                                       ("chromium", "chromium")) if shutil.which(tool)]
    rows: list[dict[str, Any]] = []
    made = attempt = 0
    with tempfile.TemporaryDirectory(prefix="probe-") as tmp:
        while made < cases and attempt < cases * 4:
            attempt += 1
            name = f"c{made + 1:02d}"
            (contents / f"{name}.expected.json").write_text(
                json.dumps(make_content(seed * 1000 + attempt), ensure_ascii=False), encoding="utf-8")
            cfg = random_layout(rng, engines)
            if cfg.get("heading_form") == "city-alone" and rng.random() < 0.5:
                cfg["heading_form"] = "city-alone-listed"
            work = Path(tmp) / f"{name}-{attempt}"
            work.mkdir()
            try:
                case_rows = layouts.make_case(f"r{number}", cfg, layouts.load_variation(name), work)
            except (SystemExit, Exception) as exc:  # noqa: BLE001 - a layout the typesetter refuses: draw again
                print(f"r{number} {name}: layout refused ({type(exc).__name__}: {str(exc)[:120]}), drawn again")
                shutil.rmtree(where / f"r{number}--{name}", ignore_errors=True)
                continue
            settings = {k: sorted(v) if isinstance(v, set) else v for k, v in cfg.items() if k != "damage"}
            settings["damage"] = {k: sorted(v) if isinstance(v, set) else v for k, v in cfg["damage"].items()}
            (where / f"r{number}--{name}" / "layout.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")
            rows += [dict(row, held_out=False) for row in case_rows]
            made += 1
    (where / "MANIFEST.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return made


def _rounds(spec: str) -> list[int]:
    """"330-333" or "330,335" -> the round numbers."""
    out: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        out += range(int(first), int(last or first) + 1)
    return out


def score_rounds(numbers: list[int], out: Path, jobs: int) -> dict[str, list[Any]]:
    """{'r<n>/<case>/<input kind>': [score, fail lines]} for every input of the rounds."""
    scoring = _script("score_layouts")
    results: dict[str, list[Any]] = {}
    for number in numbers:
        scoring.LAYOUTS = out / f"r{number}"
        scoring.MANIFEST = scoring.LAYOUTS / "MANIFEST.json"
        for key, (score, fails) in scoring.score_all(scoring.inputs("all"), jobs=jobs).items():
            results[f"r{number}/{key}"] = [score, fails]
    return results


def _false_repairs(fails: list[str]) -> int:
    """How many of an input's fail lines are false repairs, as scripts/score_layouts.py counts them."""
    return sum(map(_script("score_layouts").is_false_repair, fails))


def compare(old: dict[str, list[Any]], new: dict[str, list[Any]]) -> str:
    """Mean, inputs up and down, false repairs and inputs below 98%, old -> new."""
    keys = sorted(set(old) & set(new))
    if not keys:
        return "no input in both"
    up = sorted(((new[k][0] - old[k][0], k) for k in keys if new[k][0] > old[k][0] + 1e-9), reverse=True)
    down = sorted((new[k][0] - old[k][0], k) for k in keys if new[k][0] < old[k][0] - 1e-9)
    lines = [(f"{len(keys)} inputs: {100 * sum(old[k][0] for k in keys) / len(keys):.2f} -> "
             f"{100 * sum(new[k][0] for k in keys) / len(keys):.2f}%, {len(up)} up, {len(down)} down, "
             f"false repairs {sum(_false_repairs(old[k][1]) for k in keys)} -> "
             f"{sum(_false_repairs(new[k][1]) for k in keys)}, below 98% "
             f"{sum(old[k][0] < 0.98 for k in keys)} -> {sum(new[k][0] < 0.98 for k in keys)}")]
    lines += [f"  down {100 * d:+.2f} {k} ({old[k][0]:.3f} -> {new[k][0]:.3f})" for d, k in down]
    lines += [f"  up {100 * d:+.2f} {k} ({old[k][0]:.3f} -> {new[k][0]:.3f})" for d, k in up[:20]]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=PROBE, help=f"where the rounds are (default {PROBE})")
    sub = ap.add_subparsers(dest="command", required=True)
    make = sub.add_parser("make", help="make rounds")
    make.add_argument("rounds", type=int, nargs="+")
    make.add_argument("--cases", type=int, default=8)
    score = sub.add_parser("score", help="score rounds with the booklet_extract on the path")
    score.add_argument("rounds", help="FIRST-LAST or N,M")
    score.add_argument("-o", "--output", type=Path, required=True)
    score.add_argument("--jobs", type=int, default=2)
    cmp = sub.add_parser("compare", help="compare two score files")
    cmp.add_argument("old", type=Path)
    cmp.add_argument("new", type=Path)
    fails = sub.add_parser("fails", help="the scorer's fail lines for one input")
    fails.add_argument("round", type=int)
    fails.add_argument("case", help="e.g. r330--c01")
    fails.add_argument("kind", help="pdf-plumber, pdf-pdfium or an extractor's name")
    a = ap.parse_args()
    if a.command == "make":
        for number in a.rounds:
            print(f"round {number}: {make_round(number, a.cases, a.out)} cases")
    elif a.command == "score":
        results = score_rounds(_rounds(a.rounds), a.out, a.jobs)
        a.output.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
        scores = [v[0] for v in results.values()]
        print(f"{len(scores)} inputs: mean {100 * sum(scores) / max(1, len(scores)):.2f}%, "
              f"below 98% {sum(s < 0.98 for s in scores)}, "
              f"false repairs {sum(_false_repairs(v[1]) for v in results.values())}")
    elif a.command == "compare":
        print(compare(*(json.loads(p.read_text(encoding="utf-8")) for p in (a.old, a.new))))
    else:
        scoring = _script("score_layouts")
        scoring.LAYOUTS = a.out / f"r{a.round}"
        row = next(r for r in json.loads((scoring.LAYOUTS / "MANIFEST.json").read_text(encoding="utf-8"))
                   if r["case"] == a.case and (r["kind"] == a.kind or r["kind"] == "pdf" and a.kind.startswith("pdf-")))
        score_value, lines = scoring.run_one(a.kind, row)
        print("\n".join([*lines, f"score {score_value:.3f}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
