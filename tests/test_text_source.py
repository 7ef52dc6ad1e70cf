"""Raw text input: encodings, newlines, form feeds, odd spaces, layout cues."""

from __future__ import annotations

import pytest

from booklet_extract.errors import NotABooklet
from booklet_extract.sources import sniff_format
from booklet_extract.sources.text import decode_text, lines_from_text


@pytest.mark.parametrize(
    "data",
    [
        b"Line one\nLine two\n",
        "\ufeffLine one\r\nLine two\r\n".encode("utf-8"),
        b"Line one\rLine two\r",
        "Line one\nLine two\n".encode("utf-16"),
    ],
    ids=["utf8", "bom-crlf", "cr", "utf16"],
)
def test_decodings_agree(data: bytes) -> None:
    assert decode_text(data) == "Line one\nLine two\n"


def test_binary_is_rejected() -> None:
    with pytest.raises(NotABooklet, match="binary data"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_form_feeds_are_page_breaks() -> None:
    doc = lines_from_text("a\nb\fc\n\fd")
    assert [(ln.text, ln.page) for ln in doc.lines] == [("a", 1), ("b", 1), ("c", 2), ("d", 3)]
    assert doc.pages == 3


def test_no_pages_without_form_feeds() -> None:
    doc = lines_from_text("a\nb")
    assert doc.pages is None and all(ln.page is None for ln in doc.lines)


def test_nbsp_and_ligature_glyphs_normalised() -> None:
    doc = lines_from_text("US$\u00a06,643 and ﬁnance in 12 km²")
    assert doc.lines[0].text == "US$ 6,643 and finance in 12 km²"


def test_blocks_and_regions() -> None:
    doc = lines_from_text("para one\ncontinues\n\npara two\n new box\nsame box")
    got = [(ln.number, ln.block_start, ln.region) for ln in doc.lines]
    assert got == [(1, True, 0), (2, False, 0), (4, True, 0), (5, True, 1), (6, False, 1)]


def test_format_is_sniffed_by_content() -> None:
    assert sniff_format(b"\n\n%PDF-1.4") == "pdf"
    assert sniff_format(b"PDF is mentioned here") == "text"
