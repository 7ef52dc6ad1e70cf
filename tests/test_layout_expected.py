"""The layout suite's expected files for extractors' texts (scripts/make_layouts.py):
a duplicate is expected only where the text shows it, whatever its case."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_layouts.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_layouts_under_test", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


DRAWN_TWICE = {"printed": "Village reading room\nVillage reading room", "fixed": "Village reading room"}
RUN_TWICE = {"printed": "Youth council sessionYouth council session", "fixed": "Youth council session"}


@pytest.mark.parametrize(
    ("text", "duplicate", "shown"),
    [("Photo: VILLAGE READING ROOM\nPhoto: VILLAGE READING ROOM\n", DRAWN_TWICE, True),  # in capitals
     ("Village reading roomVillage reading room\n", DRAWN_TWICE, True),  # the copies touching
     ("Photo: YOUTH COUNCIL SESSIONYOUTH COUNCIL SESSION\n", RUN_TWICE, True),
     # drawn once; an item holds the caption's words and goes on ("rooms"): no second copy
     ("Photo: VILLAGE READING ROOM\n3. A network of village reading rooms.\n", DRAWN_TWICE, False),
     ("Photo: YOUTH COUNCIL SESSION\n", RUN_TWICE, False)],
    ids=["capitals", "touching", "run-in-capitals", "once-and-an-item", "run-collapsed"],
)
def test_a_duplicate_is_expected_where_the_text_shows_both_copies(generator: ModuleType, text: str,
                                                                   duplicate: dict[str, str], shown: bool) -> None:
    damage = generator.Damage(printed_pieces=["Village reading room", "Youth council session",
                                              "A network of village reading rooms."])
    notes: list[str] = []
    assert generator.duplicates_shown([duplicate], text, damage, notes) == ([duplicate] if shown else [])
    assert bool(notes) is not shown


def test_a_layout_modes_text_keeps_the_pdfs_hyphens_but_not_a_line_it_draws_once(generator: ModuleType) -> None:
    """pdftotext -layout sets columns side by side (a broken word's lines apart: the PDF's
    hyphens are the reference) and draws an overprinted line once."""
    expected = {"_notes": [], "artifacts": {"hyphen_joins": [{"printed": "in-\nclude", "fixed": "include"}],
                                            "duplicates": [DRAWN_TWICE]}}
    text = "   in-           Photo: Village reading room\n   clude\n"
    out = generator.laid_out(expected, text, generator.Damage(printed_pieces=["Village reading room"]))
    assert out["artifacts"] == {"hyphen_joins": [{"printed": "in-\nclude", "fixed": "include"}], "duplicates": []}
    assert expected["artifacts"]["duplicates"] == [DRAWN_TWICE]  # the PDF's own file is left as it is
