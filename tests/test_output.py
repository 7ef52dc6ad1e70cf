"""Deterministic JSON and atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from booklet_extract.models import Booklet
from booklet_extract.output import to_json, write_atomic


def test_json_is_deterministic_and_readable(sample_text_booklet: Booklet) -> None:
    text = to_json(sample_text_booklet)
    assert text == to_json(Booklet.model_validate(json.loads(text)))  # round trip, same bytes
    assert text.endswith("}\n") and "Medellín" in text  # UTF-8 kept, trailing newline
    assert list(json.loads(text)) == ["schema_version", "source", "booklet", "cities", "flags", "coverage"]


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.json"
    write_atomic(target, "first\n")
    write_atomic(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_atomic_write_failure_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(TypeError):  # write() fails after the temp file was created
        write_atomic(target, 123)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_interrupted_write_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from booklet_extract import output

    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_finish", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert target.read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("booklet", ["sample_text_booklet", "sample_pdf_booklet"])
def test_json_written_a_city_at_a_time_is_to_json(booklet: str, request: pytest.FixtureRequest,
                                                  tmp_path: Path) -> None:
    from booklet_extract.output import json_chunks, write_json

    whole: Booklet = request.getfixturevalue(booklet)
    for b in (whole, whole.model_copy(update={"cities": [], "flags": []})):
        assert "".join(json_chunks(b)) == to_json(b)
    with pytest.MonkeyPatch.context() as patch:  # every list of models written an item at a time
        patch.setattr("booklet_extract.output._LONG", 0)
        assert "".join(json_chunks(whole)) == to_json(whole)
    write_json(tmp_path / "out.json", whole)
    assert (tmp_path / "out.json").read_bytes() == to_json(whole).encode("utf-8")
