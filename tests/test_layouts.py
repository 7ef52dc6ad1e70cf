"""Layout suite: booklet-extract on the same content typeset many ways (tests/layouts/).

Every development input (each case's PDF read with backend pdfplumber and pdfium, the text
of five extractors and of pdftotext's layout mode) is scored with the shared scorer against
its expected file and must reach its floor in tests/quality_floors.json["layouts"]; its false repairs (flags for something
that is not an artifact) must stay at or under tests/quality_floors.json["layouts_false_repairs"].
Floors only go up and ceilings only go down: `python scripts/score_layouts.py --update-floors`.
Held-out layouts are never scored here (`scripts/score_layouts.py --held-out` does that).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import ROOT, SHARED

LAYOUTS = ROOT / "tests" / "layouts"
MANIFEST = LAYOUTS / "MANIFEST.json"
SCORER = SHARED / "check" / "score.py"
FLOORS: dict[str, Any] = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(
    not (SCORER.exists() and MANIFEST.exists()), reason="../shared (the shared scorer) is not beside the checkout"
)


@cache
def runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_layouts", ROOT / "scripts" / "score_layouts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # so worker processes can find its functions
    spec.loader.exec_module(module)
    return module


def _manifest() -> list[dict[str, Any]]:
    if not MANIFEST.exists():
        return []
    rows: list[dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return rows


def _dev_keys() -> list[str]:
    keys = []
    for row in _manifest():
        if row["held_out"]:
            continue
        kinds = ["pdf-plumber", "pdf-pdfium"] if row["kind"] == "pdf" else [row["kind"]]
        keys += [f"{row['case']}/{k}" for k in kinds]
    return keys


@cache
def results() -> dict[str, tuple[float, list[str]]]:
    mod = runner()
    out: dict[str, tuple[float, list[str]]] = mod.score_all(mod.inputs("dev"), jobs=2)
    return out


@pytest.mark.parametrize("key", _dev_keys())
def test_layout_score_meets_floor(key: str) -> None:
    floors = FLOORS.get("layouts", {})
    assert key in floors, f"no floor for {key}: run scripts/score_layouts.py --update-floors"
    score, fails = results()[key]
    assert score >= floors[key], f"{key}: {score:.3f} < floor {floors[key]}\n" + "\n".join(fails)


@pytest.mark.parametrize("key", _dev_keys())
def test_layout_false_repairs_under_ceiling(key: str) -> None:
    ceilings = FLOORS.get("layouts_false_repairs", {})
    assert key in ceilings, f"no false-repair ceiling for {key}: run scripts/score_layouts.py --update-floors"
    _score, fails = results()[key]
    false = [f for f in fails if runner().is_false_repair(f)]
    assert len(false) <= ceilings[key], "\n".join(false)


def test_manifest_is_complete_and_consistent() -> None:
    rows = _manifest()
    assert rows, "tests/layouts/MANIFEST.json is empty"
    kinds = Counter(r["kind"] for r in rows)
    assert set(kinds) == {"pdf", "pdfminer", "pypdfium2", "pdftotext", "pymupdf", "pypdf", "pdftotext-layout",
                          "pymupdf4llm"}, kinds
    assert len(set(kinds.values())) == 1, f"every case needs its PDF and seven texts: {kinds}"
    for r in rows:
        assert (LAYOUTS / r["input"]).is_file(), r["input"]
        assert (LAYOUTS / r["expected"]).is_file(), r["expected"]
        assert r["case"] == f"{r['layout']}--{r['content']}"
    held = {r["layout"] for r in rows if r["held_out"]}
    dev = {r["layout"] for r in rows if not r["held_out"]}
    assert len(held) >= 2 and not held & dev, held
    assert len(dev) >= 8, dev
    by_engine = {lay.split("-")[0] for lay in dev}
    assert {"rl", "lo", "chromium"} <= by_engine, by_engine


def test_no_floor_for_held_out_or_unknown_inputs() -> None:
    keys = set(_dev_keys())
    for table in ("layouts", "layouts_false_repairs"):
        stale = set(FLOORS.get(table, {})) - keys
        assert not stale, f"{table} has keys that are not development inputs: {sorted(stale)[:5]}"


def test_expected_files_have_the_scorer_shape() -> None:
    for path in sorted({r["expected"] for r in _manifest()}):
        gold = json.loads((LAYOUTS / path).read_text(encoding="utf-8"))
        assert set(gold["artifacts"]) == {"ligature_splits", "hyphen_joins", "duplicates", "malformed_numbers",
                                          "allowed"}, path
        for city in gold["cities"]:
            assert all(isinstance(i, str) for i in city["initiatives"]), path
            assert isinstance(city["quote"], str) and city["speaker"] and city["speaker_role"], path
        for join in gold["artifacts"]["hyphen_joins"]:
            head, tail = join["printed"].split("-\n")
            assert head + tail == join["fixed"], (path, join)


def test_the_suite_does_not_depend_on_agpl_code() -> None:
    for p in [Path(__file__), ROOT / "scripts" / "score_layouts.py", *sorted((ROOT / "src").rglob("*.py"))]:
        hit = re.search(r"^\s*(import|from)\s+(pymupdf\w*|fitz|pypdf)\b", p.read_text(encoding="utf-8"), re.MULTILINE)
        assert hit is None, f"{p}: {hit.group(0) if hit else ''}"


def _strings(o: Any) -> list[str]:
    if isinstance(o, str):
        return [o]
    if isinstance(o, dict):
        return [s for v in o.values() for s in _strings(v)]
    if isinstance(o, list):
        return [s for v in o for s in _strings(v)]
    return []


def test_no_break_hyphen_inside_a_line() -> None:
    """A typesetter prints a break hyphen only at a line end: a word printed 'sus-tainable' inside a
    line while the source has 'sustainable' (and not 'sus-tainable') is a fixture defect. Checked on
    every case's pymupdf.txt (one typeset line per text line, hyphens as printed)."""
    bad = {}
    for case in sorted({r["case"] for r in _manifest()}):
        gold = json.loads((LAYOUTS / case / "expected.json").read_text(encoding="utf-8"))
        words = set()
        for s in _strings({"booklet": gold["booklet"], "cities": gold["cities"]}):
            for w in s.split():
                words.add(re.sub(r"^\W+|\W+$", "", w).casefold())
                words.update(x.casefold() for x in re.findall(r"\w+", w))
        text = (LAYOUTS / case / "text" / "pymupdf.txt").read_text(encoding="utf-8")
        for m in re.finditer(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])", text):
            tok = m.group(0)
            if tok.casefold() not in words and any(
                    (tok[: h.start()] + tok[h.end():]).casefold() in words for h in re.finditer("-", tok)):
                bad.setdefault(case, []).append(tok)
    assert not bad, bad
