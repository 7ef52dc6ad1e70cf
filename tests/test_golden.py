"""Golden outputs for the bundled samples (pytest-regressions).

To update after a deliberate change: `pytest tests/test_golden.py --force-regen`,
then read `git diff samples/` by eye before committing: a golden that records a
wrong value is a bug, not a baseline.
"""

from __future__ import annotations

import pytest

from booklet_extract.output import to_json
from booklet_extract.pipeline import extract

from .conftest import ROOT, SAMPLE, SAMPLES


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_sample_golden(suffix: str, file_regression, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)  # the output records the path as given: keep it relative
    booklet = extract(f"samples/{SAMPLE}.{suffix}")
    file_regression.check(
        to_json(booklet),
        extension=".json",
        fullpath=SAMPLES / f"{SAMPLE}.{suffix}.expected.json",
    )
