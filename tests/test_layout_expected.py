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


DRAWN_TWICE = {"printed": "Harbour reading room\nHarbour reading room", "fixed": "Harbour reading room"}
RUN_TWICE = {"printed": "Guild hall open dayGuild hall open day", "fixed": "Guild hall open day"}


@pytest.mark.parametrize(
    ("text", "duplicate", "shown"),
    [("Photo: HARBOUR READING ROOM\nPhoto: HARBOUR READING ROOM\n", DRAWN_TWICE, True),  # in capitals
     ("Harbour reading roomHarbour reading room\n", DRAWN_TWICE, True),  # the copies touching
     ("Photo: GUILD HALL OPEN DAYGUILD HALL OPEN DAY\n", RUN_TWICE, True),
     # drawn once; an item holds the caption's words and goes on ("rooms"): no second copy
     ("Photo: HARBOUR READING ROOM\n3. A network of harbour reading rooms.\n", DRAWN_TWICE, False),
     ("Photo: GUILD HALL OPEN DAY\n", RUN_TWICE, False)],
    ids=["capitals", "touching", "run-in-capitals", "once-and-an-item", "run-collapsed"],
)
def test_a_duplicate_is_expected_where_the_text_shows_both_copies(generator: ModuleType, text: str,
                                                                   duplicate: dict[str, str], shown: bool) -> None:
    damage = generator.Damage(printed_pieces=["Harbour reading room", "Guild hall open day",
                                              "A network of harbour reading rooms."])
    notes: list[str] = []
    assert generator.duplicates_shown([duplicate], text, damage, notes) == ([duplicate] if shown else [])
    assert bool(notes) is not shown


def test_a_layout_modes_text_keeps_the_pdfs_hyphens_but_not_a_line_it_draws_once(generator: ModuleType) -> None:
    """pdftotext -layout sets columns side by side (a broken word's lines apart: the PDF's
    hyphens are the reference) and draws an overprinted line once."""
    expected = {"_notes": [], "artifacts": {"hyphen_joins": [{"printed": "in-\nclude", "fixed": "include"}],
                                            "duplicates": [DRAWN_TWICE]}}
    text = "   in-           Photo: Harbour reading room\n   clude\n"
    out = generator.laid_out(expected, text, generator.Damage(printed_pieces=["Harbour reading room"]))
    assert out["artifacts"] == {"hyphen_joins": [{"printed": "in-\nclude", "fixed": "include"}], "duplicates": []}
    assert expected["artifacts"]["duplicates"] == [DRAWN_TWICE]  # the PDF's own file is left as it is
