"""Raw text -> `Line`s: UTF-8 (with or without BOM) or UTF-16 with BOM, any newline
convention, form feeds as page breaks.

Layout cues that survive in a text dump are kept on the lines: a blank line or a
line opening with whitespace starts a block, and a line opening with whitespace
or a form feed starts a new region (see `Line`).
"""

from __future__ import annotations

from ..errors import NotABooklet
from ..line import Line, SourceDocument
from ..textnorm import normalize_glyphs

_BINARY_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"}


def decode_text(data: bytes, path: str | None = None) -> str:
    """Decode bytes as text or raise `NotABooklet` with a one-line reason.

    >>> decode_text("\\ufeffa\\r\\nb".encode("utf-8"))
    'a\\nb'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotABooklet("not a PDF and not valid UTF-16 text", path) from None
    else:
        if b"\x00" in data[:8192]:
            raise NotABooklet("not a PDF and not text (binary data)", path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NotABooklet(
                f"not a PDF and not UTF-8 text (invalid byte at offset {exc.start})", path
            ) from None
    text = text.lstrip("\ufeff")
    sample = text[:8192]
    if sample and sum(ord(ch) in _BINARY_CONTROL for ch in sample) > len(sample) // 100:
        raise NotABooklet("not a PDF and not text (control characters)", path)
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac files) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lines_from_text(text: str) -> SourceDocument:
    """Split decoded text into `Line`s, skipping blank lines but keeping their numbers.

    >>> doc = lines_from_text("a\\n\\n b\\fc")
    >>> [(l.text, l.number, l.block_start, l.region, l.page) for l in doc.lines]
    [('a', 1, True, 0, 1), (' b', 3, True, 1, 1), ('c', 3, True, 2, 2)]
    """
    lines: list[Line] = []
    has_pages = "\f" in text
    page = 1
    region = 0
    new_block = True
    number = 0
    for raw_line in text.split("\n"):
        number += 1
        # A form feed may sit anywhere in a line (pdftotext puts it at the start).
        parts = raw_line.split("\f")
        for i, part in enumerate(parts):
            if i > 0:
                page += 1
                region += 1
                new_block = True
            clean = normalize_glyphs(part).rstrip()
            if not clean.strip():
                new_block = True
                continue
            indented = clean[0] == " "
            if indented and lines:
                region += 1
            lines.append(
                Line(
                    text=clean,
                    number=number,
                    block_start=new_block or indented,
                    region=region,
                    page=page if has_pages else None,
                )
            )
            new_block = False
    return SourceDocument(lines=lines, format="text", pages=page if has_pages else None)
