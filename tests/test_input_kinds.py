"""`extract` reads bytes and binary file objects as it reads paths: the format is
sniffed from the content, `name=` becomes the source path, the checksum is the bytes'."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from booklet_extract import extract
from booklet_extract.errors import BrokenPDF, UsageError

from .conftest import SAMPLE, SAMPLES

TXT = SAMPLES / f"{SAMPLE}.txt"


def test_bytes_and_file_objects_give_what_the_path_gives() -> None:
    from_path = extract(TXT).model_dump(mode="json")
    data = TXT.read_bytes()
    for source in (data, bytearray(data), io.BytesIO(data)):
        got = extract(source, name=str(TXT)).model_dump(mode="json")
        assert got == from_path


def test_an_open_file_and_a_path_like_read_the_same(tmp_path: Path) -> None:
    renamed = tmp_path / "no-suffix"  # no suffix to go by: the content decides
    renamed.write_bytes(TXT.read_bytes())
    with renamed.open("rb") as handle:
        booklet = extract(handle)
    assert booklet.source.path is None and booklet.source.format == "text"
    assert booklet.source.sha256 == extract(renamed).source.sha256


def test_unnamed_pdf_bytes_are_sniffed_and_errors_name_what_was_given() -> None:
    pdf = (SAMPLES / f"{SAMPLE}.pdf").read_bytes()
    assert extract(pdf, backend="pdfium").source.format == "pdf"
    with pytest.raises(BrokenPDF) as caught:
        extract(b"%PDF-1.7 not really", name="upload-7")
    assert str(caught.value).startswith("upload-7: ")
    with pytest.raises(BrokenPDF) as caught:
        extract(b"%PDF-1.7 not really")
    assert caught.value.path in (None, "")


def test_a_text_stream_is_refused_with_a_reason() -> None:
    with pytest.raises(UsageError, match="binary file"):
        extract(io.StringIO("1. Ruritania, Strelsau\n"))  # type: ignore[arg-type]


def test_a_pdf_path_is_parsed_from_the_file_with_the_checksum_of_its_bytes() -> None:
    """A PDF named by a path is hashed and then parsed from the file (its bytes are not held
    while pages are laid out): the result is what the bytes themselves give."""
    import hashlib

    from booklet_extract.sources import load

    pdf = SAMPLES / f"{SAMPLE}.pdf"
    data = pdf.read_bytes()
    for backend in ("pdfplumber", "pdfium"):
        doc, digest = load(pdf, backend=backend, pages=(1, 3))
        assert digest == hashlib.sha256(data).hexdigest()
        from_bytes, same = load(data, backend=backend, pages=(1, 3))
        assert same == data and from_bytes.lines == doc.lines
