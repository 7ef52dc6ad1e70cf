#!/usr/bin/env python3
"""Score booklet-extract on the layout suite (tests/layouts/MANIFEST.json).

Each PDF is read twice (backend pdfplumber and pdfium), each extractor's text once, and every
output is scored with the shared scorer (../shared/check/score.py) against its expected file.

usage: python scripts/score_layouts.py [--held-out | --all] [--only SUBSTRING]
                                       [--fails CASE/INPUT] [--update-floors] [--markdown] [--jobs N]
                                       [--pdfplumber-text]

Prints a table layout x input with the score per cell, mean and min, and the number of false
repairs (scorer fail lines for a flag that is not an artifact, or a surplus flag).
--update-floors raises (never lowers) the floors in tests/quality_floors.json under "layouts",
and lowers (never raises) the ceilings under "layouts_false_repairs".
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ROOT / "tests" / "layouts"
MANIFEST = LAYOUTS / "MANIFEST.json"
FLOORS = ROOT / "tests" / "quality_floors.json"
SCORER = ROOT.parent / "shared" / "check" / "score.py"
INPUT_KINDS = ("pdf-plumber", "pdf-pdfium", "pdfminer", "pypdfium2", "pdftotext", "pymupdf", "pypdf", "pdftotext-layout",
               "pymupdf4llm")
BACKENDS = {"pdf-plumber": "pdfplumber", "pdf-pdfium": "pdfium"}


@cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def manifest() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return rows


def inputs(which: str = "dev", only: str | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(key, input kind, manifest row) with key '<case>/<input kind>'; which: dev | held-out | all."""
    out = []
    for row in manifest():
        if which == "dev" and row["held_out"] or which == "held-out" and not row["held_out"]:
            continue
        kinds = ["pdf-plumber", "pdf-pdfium"] if row["kind"] == "pdf" else [row["kind"]]
        for kind in kinds:
            key = f"{row['case']}/{kind}"
            if only and only not in key:
                continue
            out.append((key, kind, row))
    return out


def is_false_repair(fail: str) -> bool:
    return "false repair" in fail or "surplus flag" in fail


def run_one(kind: str, row: dict[str, Any]) -> tuple[float, list[str]]:
    """Run booklet-extract in-process on one input; score it. Returns (score, fail lines)."""
    from booklet_extract.output import to_json
    from booklet_extract.pipeline import extract, parse_text

    path = LAYOUTS / row["input"]
    try:
        if kind in BACKENDS:
            booklet = extract(path, backend=BACKENDS[kind])
        else:
            booklet = parse_text(path.read_text(encoding="utf-8"), path=str(path))
        out = json.loads(to_json(booklet))
    except Exception as exc:  # noqa: BLE001 - a crash scores 0 and is reported
        return 0.0, [f"[crash] {type(exc).__name__}: {exc}"]
    gold = json.loads((LAYOUTS / row["expected"]).read_text(encoding="utf-8"))
    sc = scorer().score(out, gold)
    return sc.passed / max(1, sc.total), list(sc.fails)


def plumber_text_score(row: dict[str, Any]) -> float:
    """Score the text pdfplumber's own `extract_text` gives for a case's PDF (not an input
    of the suite: made here, to show where it merges side-by-side columns into one line)."""
    import pdfplumber

    from booklet_extract.output import to_json
    from booklet_extract.pipeline import parse_text

    with pdfplumber.open(LAYOUTS / row["input"]) as pdf:
        text = "\f".join(page.extract_text() or "" for page in pdf.pages)
    out = json.loads(to_json(parse_text(text, path="extract_text")))
    gold = json.loads((LAYOUTS / row["expected"]).read_text(encoding="utf-8"))
    sc = scorer().score(out, gold)
    return sc.passed / max(1, sc.total)


def _task(args: tuple[str, str, dict[str, Any]]) -> tuple[str, float, list[str]]:
    key, kind, row = args
    score, fails = run_one(kind, row)
    return key, score, fails


def score_all(items: list[tuple[str, str, dict[str, Any]]], jobs: int = 2) -> dict[str, tuple[float, list[str]]]:
    if jobs <= 1 or len(items) < 4:
        results = map(_task, items)
        return {k: (s, f) for k, s, f in results}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return {k: (s, f) for k, s, f in pool.map(_task, items, chunksize=2)}


def floor3(x: float) -> float:
    f = math.floor(x * 1000) / 1000
    while f > x:
        f = round(f - 0.001, 3)
    return f


def table(results: dict[str, tuple[float, list[str]]]) -> str:
    cases = sorted({k.rsplit("/", 1)[0] for k in results}, key=lambda c: [k for k in results].index(c + "/" + next(
        kind for kind in INPUT_KINDS if f"{c}/{kind}" in results)))
    w = max(len(c) for c in cases) + 2
    head = "case".ljust(w) + "".join(k.rjust(12) for k in INPUT_KINDS) + "     mean    min  false"
    lines = [head, "-" * len(head)]
    for c in cases:
        cells = [results.get(f"{c}/{k}") for k in INPUT_KINDS]
        vals = [x[0] for x in cells if x]
        fr = sum(sum(map(is_false_repair, x[1])) for x in cells if x)
        lines.append(c.ljust(w) + "".join((f"{x[0]:.3f}" if x else "-").rjust(12) for x in cells)
                     + f"   {sum(vals) / len(vals):.3f}  {min(vals):.3f}  {fr:5d}")
    cols = []
    for k in INPUT_KINDS:
        vals = [s for key, (s, _f) in results.items() if key.endswith("/" + k)]
        cols.append(vals)
    lines.append("-" * len(head))
    lines.append("mean".ljust(w) + "".join((f"{sum(v) / len(v):.3f}" if v else "-").rjust(12) for v in cols))
    lines.append("min".ljust(w) + "".join((f"{min(v):.3f}" if v else "-").rjust(12) for v in cols))
    allv = [s for s, _f in results.values()]
    total_fr = sum(sum(map(is_false_repair, f)) for _s, f in results.values())
    lines.append(f"all {len(allv)} inputs: mean {sum(allv) / len(allv):.3f}, min {min(allv):.3f}, "
                 f"false repairs {total_fr}")
    return "\n".join(lines)


def markdown(results: dict[str, tuple[float, list[str]]]) -> str:
    """Layout x input kind (mean over the layout's cases), as a Markdown table for the README."""
    layouts: dict[str, dict[str, list[float]]] = {}
    for key, (score, _fails) in results.items():
        case, kind = key.rsplit("/", 1)
        layouts.setdefault(case.split("--", 1)[0], {}).setdefault(kind, []).append(score)
    lines = ["| layout | " + " | ".join(INPUT_KINDS) + " |", "|---" * (len(INPUT_KINDS) + 1) + "|"]
    for layout, kinds in layouts.items():
        cells = [f"{100 * sum(v) / len(v):.1f}" if (v := kinds.get(k)) else "-" for k in INPUT_KINDS]
        lines.append(f"| {layout} | " + " | ".join(cells) + " |")
    cols = [[s for key, (s, _f) in results.items() if key.endswith("/" + k)] for k in INPUT_KINDS]
    lines.append("| **mean** | " + " | ".join(f"**{100 * sum(v) / len(v):.1f}**" if v else "-" for v in cols) + " |")
    lines.append("| **min** | " + " | ".join(f"{100 * min(v):.1f}" if v else "-" for v in cols) + " |")
    return "\n".join(lines)


def update_floors(results: dict[str, tuple[float, list[str]]]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    fl = floors.setdefault("layouts", {})
    ce = floors.setdefault("layouts_false_repairs", {})
    raised = lowered = 0
    for key, (score, fails) in results.items():
        f = floor3(score)
        if key not in fl or f > fl[key]:
            raised += key in fl
            fl[key] = f
        n = sum(map(is_false_repair, fails))
        if key not in ce or n < ce[key]:
            lowered += key in ce
            ce[key] = n
    floors["layouts"] = dict(sorted(fl.items()))
    floors["layouts_false_repairs"] = dict(sorted(ce.items()))
    FLOORS.write_text(json.dumps(floors, indent=1) + "\n", encoding="utf-8")
    print(f"floors: {raised} raised, ceilings: {lowered} lowered, {len(fl)} keys in {FLOORS.name}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--held-out", action="store_true", help="score only the held-out layouts")
    g.add_argument("--all", action="store_true", help="score development and held-out layouts")
    ap.add_argument("--only", help="only inputs whose '<case>/<input>' contains this")
    ap.add_argument("--fails", metavar="CASE/INPUT", help="print the scorer's fail list for one input")
    ap.add_argument("--update-floors", action="store_true")
    ap.add_argument("--markdown", action="store_true", help="print the layout x input table in Markdown")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pdfplumber-text", action="store_true",
                    help="score pdfplumber's own extract_text of each PDF (not a suite input)")
    a = ap.parse_args()
    if not SCORER.exists():
        print(f"needs the shared scorer at {SCORER}", file=sys.stderr)
        return 2
    if a.fails:
        hits = [x for x in inputs("all") if x[0] == a.fails]
        if not hits:
            print(f"no input {a.fails!r}; keys look like <case>/<{'|'.join(INPUT_KINDS)}>", file=sys.stderr)
            return 2
        score, fails = run_one(hits[0][1], hits[0][2])
        print("\n".join(fails))
        print(f"score {score:.3f}, {len(fails)} fails, {sum(map(is_false_repair, fails))} false repairs")
        return 0
    which = "held-out" if a.held_out else "all" if a.all else "dev"
    if a.pdfplumber_text:
        for key, _, row in inputs(which, a.only):
            if key.endswith("/pdf-plumber"):
                print(f"{key.split('/')[0]:55} {plumber_text_score(row):.3f}")
        return 0
    if a.update_floors and which != "dev":
        print("--update-floors only uses the development inputs", file=sys.stderr)
        return 2
    items = inputs(which, a.only)
    if not items:
        print("no inputs selected", file=sys.stderr)
        return 2
    results = score_all(items, a.jobs)
    print(markdown(results) if a.markdown else table(results))
    if a.update_floors:
        if a.only:
            print("(floors updated for the selected inputs only)")
        update_floors(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
