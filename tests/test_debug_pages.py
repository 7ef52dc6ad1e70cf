"""`--debug-pages`: only the pages read, at --dpi, outlines that leave the text untouched,
a label per box and a legend band."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from booklet_extract.cli import main

from .conftest import SAMPLE, SAMPLES

PDF = SAMPLES / f"{SAMPLE}.pdf"
Capture = pytest.CaptureFixture[str]


def test_pages_dpi_and_untouched_text(tmp_path: Path, capsys: Capture) -> None:
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops

    out, images = tmp_path / "s.json", tmp_path / "png"
    code = main([str(PDF), "--pages", "4-5", "--dpi", "100", "--backend", "pdfium", "-o", str(out),
                 "--debug-pages", str(images)])
    assert code == 0, capsys.readouterr().err
    assert sorted(p.name for p in images.iterdir()) == ["page-004.png", "page-005.png"]
    drawn = Image.open(images / "page-004.png").convert("RGB")
    pdf = pdfium.PdfDocument(str(PDF))
    plain = pdf[3].render(scale=100 / 72).to_pil().convert("RGB")
    pdf.close()
    assert drawn.width == plain.width and drawn.height > plain.height, "a legend band under the page"
    assert ImageChops.difference(drawn.crop((0, 0, *plain.size)), plain).getbbox() is not None, "boxes drawn"
    output = json.loads(out.read_text(encoding="utf-8"))
    lines = [box["bbox"] for city in output["cities"] for prov in
             [city["provenance"]["heading"], *city["provenance"]["stats"].values(), *city["provenance"]["captions"]]
             if prov for box in prov["boxes"] if box["page"] == 4]
    lines += [flag["bbox"] for flag in output["flags"] if flag["page"] == 4 and flag["bbox"]]
    assert len(lines) >= 5
    scale = 100 / 72
    for x0, top, x1, bottom in lines:  # one-line boxes: every pixel of their text is as rendered
        inner = (round(x0 * scale) + 1, round(top * scale) + 1, round(x1 * scale) - 1, round(bottom * scale) - 1)
        assert ImageChops.difference(drawn.crop(inner), plain.crop(inner)).getbbox() is None, (x0, top)


def test_text_input_and_bad_dpi_are_usage_errors(tmp_path: Path, capsys: Capture) -> None:
    txt = SAMPLES / f"{SAMPLE}.txt"
    assert main([str(txt), "-o", str(tmp_path / "t.json"), "--debug-pages", str(tmp_path / "p")]) == 2
    assert "needs a PDF" in capsys.readouterr().err
    assert main([str(PDF), "--pages", "4", "-o", str(tmp_path / "s.json"), "--dpi", "5",
                 "--debug-pages", str(tmp_path / "p")]) == 2
    assert "--dpi: 5 is out of range" in capsys.readouterr().err
