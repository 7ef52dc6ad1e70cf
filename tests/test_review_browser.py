"""The review page in a real browser: headless Chromium loads it with no console error and no
request, shows every city heading, and draws a first card that is not blank.

The harness is proven able to fail first: a canary page that fetches from the
network and logs an error must be caught. Skipped only when no Chromium is
installed here; `.ci/run` installs it, and under CI (`CI` set) a missing
browser is a failure, not a skip.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from booklet_extract.models import Booklet
from booklet_extract.review import review_page

from .browser import Browser, find_chromium, launched
from .conftest import SAMPLE, SAMPLES

CHROMIUM = find_chromium()
if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("CI needs Chromium for the review page tests (.ci/run installs it)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")

CANARY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><h2>canary</h2><img src="http://192.0.2.1/pixel.png" alt="">
<script>console.error("canary error")</script></body></html>
"""


BLOCKED = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:">
<title>blocked</title></head><body><h2>blocked</h2><img src="http://192.0.2.1/pixel.png" alt=""></body></html>
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with launched(CHROMIUM) as chromium:
        yield chromium


def test_the_harness_sees_a_request_and_a_console_error(browser: Browser, tmp_path: Path) -> None:
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    report = browser.load(canary.as_uri())
    assert report.network_requests == ["http://192.0.2.1/pixel.png"]
    assert any("canary error" in line for line in report.console)
    assert report.headings == ["canary"]
    blocked = tmp_path / "blocked.html"  # the review page's own policy: a stray URL is still caught
    blocked.write_text(BLOCKED, encoding="utf-8")
    report = browser.load(blocked.as_uri())
    assert any("Content Security Policy" in line for line in report.console), report.console


@pytest.mark.parametrize("suffix", ["pdf", "txt"])
def test_review_page_in_chromium(browser: Browser, tmp_path: Path, suffix: str,
                                 request: pytest.FixtureRequest) -> None:
    from PIL import Image

    booklet: Booklet = request.getfixturevalue(f"sample_{'pdf' if suffix == 'pdf' else 'text'}_booklet")
    page = tmp_path / f"review-{suffix}.html"
    page.write_text(review_page(booklet, (SAMPLES / f"{SAMPLE}.{suffix}").read_bytes(), backend="pdfplumber"),
                    encoding="utf-8")
    report = browser.load(page.as_uri(), shoot="#city-0")
    assert report.console == []
    assert report.network_requests == []
    for city in booklet.cities:
        assert f"{city.number}. {city.country}, {city.city}" in report.headings
    shot = Image.open(io.BytesIO(report.screenshot)).convert("L")
    assert shot.width > 600 and shot.height > 400
    histogram = shot.histogram()
    dark = sum(histogram[:128]) / (shot.width * shot.height)
    assert 0.005 < dark < 0.5, "the first card shows text and crops, not a blank or black box"
    if os.environ.get("REVIEW_SHOTS"):  # keep the screenshot to look at
        Image.open(io.BytesIO(report.screenshot)).save(Path(os.environ["REVIEW_SHOTS"]) / f"card-{suffix}.png")
