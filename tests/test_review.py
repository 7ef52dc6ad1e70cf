"""`--review`: one self-contained page per booklet, every field beside its crop (PDF) or its
numbered input lines (text), all text escaped, no reference to the network."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from booklet_extract import parse_text
from booklet_extract.cli import main
from booklet_extract.models import Booklet
from booklet_extract.review import review_page

from .conftest import SAMPLE, SAMPLES

Capture = pytest.CaptureFixture[str]
MAX_BYTES = 5_000_000
_URL_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background", "content"}
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]*)|@import\s+["']([^"']*)""", re.IGNORECASE)


class _References(HTMLParser):
    """The page's real tags (not text that looks like one): their URL attributes and CSS url()s."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.found += [a or b for a, b in _CSS_URL.findall(value)]
            elif tag == "meta" and name == "content":  # only a refresh's url= loads anything
                self.found += [value] if "url=" in value.lower() else []
            elif name in _URL_ATTRIBUTES:
                self.found.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [a or b for a, b in _CSS_URL.findall(data)]


def network_references(page: str) -> list[str]:
    """Every URL the page would load or link that is neither a data: URI nor an in-page anchor."""
    parser = _References()
    parser.feed(page)
    parser.close()
    return [ref for ref in parser.found if not ref.strip().startswith(("data:", "#"))]


def test_the_reference_finder_finds_what_it_must() -> None:
    page = ('<style>p{background:url("/a.png")}</style><img src="http://x.test/a.png"><a href=\'//x.test\'>x</a>'
            '<div style="background:url(https://x)"><img src="data:image/jpeg;base64,AAAA"><a href="#flag-1">ok</a>'
            '<p>text that reads &lt;img src=x&gt; is no reference</p>')
    assert network_references(page) == ["/a.png", "http://x.test/a.png", "//x.test", "https://x"]


def _headings(booklet: Booklet) -> list[str]:
    return [f"{c.number}. {c.country}, {c.city}" for c in booklet.cities]


@pytest.fixture(scope="module")
def pdf_page(sample_pdf_booklet: Booklet) -> str:
    return review_page(sample_pdf_booklet, (SAMPLES / f"{SAMPLE}.pdf").read_bytes(), backend="pdfplumber")


def test_pdf_page_has_a_card_and_a_crop_for_every_field(pdf_page: str, sample_pdf_booklet: Booklet) -> None:
    assert len(pdf_page.encode("utf-8")) <= MAX_BYTES
    assert network_references(pdf_page) == []
    assert "<script" not in pdf_page.lower()
    cards = re.findall(r'<section class="card" id="city-\d+">\s*<h2>(.*?)</h2>', pdf_page)
    assert cards == [html.escape(h) for h in _headings(sample_pdf_booklet)] and len(cards) == 10
    assert "outside the document" not in pdf_page
    for index, city in enumerate(sample_pdf_booklet.cities):
        card = pdf_page.split(f'id="city-{index}"', 1)[1].split("</section>", 1)[0]
        p = city.provenance
        provs = [p.heading, p.stats.population, p.stats.area_km2, p.stats.gdp_usd, p.intro,
                 *p.initiatives, p.quote, p.attribution, *p.captions]
        boxes = sum(len(prov.boxes) for prov in provs if prov is not None)
        flags = sum(f.city == city.number and f.bbox is not None for f in sample_pdf_booklet.flags)
        assert boxes >= 10, "every field of the sample has a box"
        assert card.count('<img src="data:image/jpeg;base64,') == boxes + flags


def test_text_page_shows_the_input_lines(sample_text_booklet: Booklet) -> None:
    data = (SAMPLES / f"{SAMPLE}.txt").read_bytes()
    page = review_page(sample_text_booklet, data)
    assert "<img" not in page and network_references(page) == []
    assert page.count('<section class="card" id="city-') == 10
    first = sample_text_booklet.cities[0]
    number = first.provenance.heading.lines[0]
    printed = data.decode("utf-8-sig").split("\n")[number - 1]
    assert f'<span class="n">{number}</span>{html.escape(printed)}' in page


def test_booklet_text_is_escaped() -> None:
    text = ("1. Ruritania, <script>alert(1)</script>\nCity population: 1,000 (2016)\n\n"
            "An intro with <img src=x onerror=alert(2)> and \"quotes\" & more. Initiatives include:\n\n"
            "1. A plan <b>bold</b>.\n\n‘Say <i>hi</i>.’\nA. Person, Mayor of <Strelsau>\n")
    booklet = parse_text(text, path="t.txt")
    page = review_page(booklet, text.encode("utf-8"))
    assert "<script" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert network_references(page) == []


def test_cli_single_and_batch_with_a_bad_input(tmp_path: Path, capsys: Capture) -> None:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    shutil.copy(SAMPLES / f"{SAMPLE}.txt", shelf / "a.txt")
    (shelf / "index.txt").write_text("not a booklet at all\n", encoding="utf-8")
    (shelf / "broken.pdf").write_bytes(b"%PDF-1.7 broken")
    one = tmp_path / "one.html"
    assert main([str(shelf / "a.txt"), "--review", str(one)]) == 0
    assert capsys.readouterr().out == "", "with --review and no -o, the JSON is not printed"
    assert one.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    folder = tmp_path / "review"
    assert main([str(shelf), "--review", str(folder), "-j", "1", "-q"]) == 3
    assert "broken.pdf" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["a.html", "index-2.html", "index.html"]
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="a.html"' in index and 'href="index-2.html"' in index and "broken.pdf" in index
    assert network_references(index) == ["a.html", "index-2.html"], "only links to the pages beside it"


def test_cli_review_errors(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "a.txt"
    shutil.copy(SAMPLES / f"{SAMPLE}.txt", source)
    assert main([str(source), "--review", str(source)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main([str(source), "--review", str(blocker / "r.html")]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert main([str(source), str(source), "--review", str(blocker / "dir")]) == 4
    assert "cannot create the folder" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", open(source, encoding="utf-8"))  # noqa: SIM115
    assert main(["-", "--review", str(tmp_path / "r.html")]) == 2
    assert "not standard input" in capsys.readouterr().err


def test_interrupted_batch_lists_the_pages_written_and_writes_no_csv(
        tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    from booklet_extract import batch

    real = batch._extract_one
    calls = []

    def second_is_interrupted(task: batch._Task) -> batch._Outcome:
        calls.append(task.path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(task)

    monkeypatch.setattr(batch, "_extract_one", second_is_interrupted)
    for name in ("a.txt", "b.txt"):
        shutil.copy(SAMPLES / f"{SAMPLE}.txt", tmp_path / name)
    folder, table = tmp_path / "review", tmp_path / "all.csv"
    code = main([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--review", str(folder),
                 "--csv", str(table), "-j", "1", "-q"])
    assert code == 130
    assert f"complete outputs: {folder / 'a.html'}" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == ["a.html"] and not table.exists()


def test_a_kept_hyphen_is_shown_as_unsure_not_as_an_applied_repair() -> None:
    """A hyphen the reader kept as printed because it could not tell (`hyphen_kept`) is
    neither a problem nor a repair applied: the page says so."""
    text = ("Front matter paragraph that introduces the booklet.\n\n1. Ruritania, Zenda\nCity population: 1,200\n\n"
            "Zenda is a town. Its initiatives include:\n1. Polishing the brass door-\nknobs of the old school.\n"
            "2. Evening classes.\n\n‘We learn.’\nAnn Ek, Mayor of Zenda\n")
    booklet = parse_text(text)
    assert [f.kind for f in booklet.flags if f.kind.startswith("hyphen")] == ["hyphen_kept"]
    page = review_page(booklet, text.encode("utf-8"))
    assert "<tr class=\"unsure\"><td>hyphen_kept</td><td>1</td><td>kept as printed (unsure)</td></tr>" in page
    assert "repair (applied)" not in page
