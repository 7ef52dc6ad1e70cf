"""Quality gate: score the samples against the hand-checked truth in ../shared.

Floors live in tests/quality_floors.json and only go up: lowering one needs
`--allow-regression` on purpose (see conftest option below).
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from booklet_extract.models import Booklet
from booklet_extract.output import to_json

from .conftest import ROOT, SAMPLE, SHARED

GOLD = SHARED / "booklets" / f"{SAMPLE}.expected.json"
SCORER = SHARED / "check" / "score.py"
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(
    not (GOLD.exists() and SCORER.exists()), reason="../shared (hand-checked truth) is not beside the checkout"
)


def _score(booklet: Booklet) -> tuple[float, list[str]]:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.score(json.loads(to_json(booklet)), json.loads(GOLD.read_text(encoding="utf-8")))
    return result.passed / max(1, result.total), result.fails


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_score_meets_floor(suffix: str, sample_text_booklet: Booklet, sample_pdf_booklet: Booklet) -> None:
    booklet = sample_text_booklet if suffix == "txt" else sample_pdf_booklet
    score, fails = _score(booklet)
    assert score >= FLOORS[suffix], "\n".join(fails)
