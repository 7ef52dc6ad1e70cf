"""Shared paths and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SAMPLE = "learning-city-award-2019"


@pytest.fixture(scope="session")
def sample_text_booklet():  # type: ignore[no-untyped-def]
    from booklet_extract.pipeline import extract

    return extract(SAMPLES / f"{SAMPLE}.txt")


@pytest.fixture(scope="session")
def sample_pdf_booklet():  # type: ignore[no-untyped-def]
    from booklet_extract.pipeline import extract

    return extract(SAMPLES / f"{SAMPLE}.pdf")
