#!/usr/bin/env python3
"""Write schemas/booklet.schema.json from the pydantic models.

The schema is generated, never edited by hand; tests/test_schema.py fails when
the file and the models drift apart. Run: python scripts/export_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from booklet_extract.models import Booklet

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "booklet.schema.json"


def schema_text() -> str:
    schema = Booklet.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://booklet-extract.invalid/schemas/booklet.schema.json"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
