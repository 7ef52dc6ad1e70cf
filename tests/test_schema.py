"""The JSON Schema in schemas/ is generated from the models and must not drift."""

from __future__ import annotations

import json
import runpy

import jsonschema

from booklet_extract.output import to_json

from .conftest import ROOT


def _schema_text() -> str:
    module = runpy.run_path(str(ROOT / "scripts" / "export_schema.py"))
    return str(module["schema_text"]())


def test_schema_file_matches_models() -> None:
    on_disk = (ROOT / "schemas" / "booklet.schema.json").read_text(encoding="utf-8")
    assert on_disk == _schema_text(), "schemas/ is stale: run python scripts/export_schema.py"


def test_sample_outputs_validate(sample_text_booklet, sample_pdf_booklet) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads((ROOT / "schemas" / "booklet.schema.json").read_text(encoding="utf-8"))
    for booklet in (sample_text_booklet, sample_pdf_booklet):
        jsonschema.validate(json.loads(to_json(booklet)), schema)


def test_schema_rejects_a_broken_output(sample_text_booklet) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads((ROOT / "schemas" / "booklet.schema.json").read_text(encoding="utf-8"))
    data = json.loads(to_json(sample_text_booklet))
    data["cities"][0]["stats"]["population"]["value"] = "many"
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted a string population")
