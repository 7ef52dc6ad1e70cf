"""Lazily compiled patterns (`patterns.lazy`) behave as compiled ones."""

from __future__ import annotations

import pickle

import regex as re

from booklet_extract import blocks, repairs
from booklet_extract.patterns import lazy
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.sources import paragraphs


def test_lazy_pattern_matches_as_compiled() -> None:
    pattern = lazy(r"(?P<word>\p{Lu}\w+)", re.IGNORECASE)
    compiled = re.compile(r"(?P<word>\p{Lu}\w+)", re.IGNORECASE)
    assert pattern.search("a Word").group("word") == compiled.search("a Word").group("word")
    assert pattern.findall("one Two") == compiled.findall("one Two")
    assert pattern.pattern == compiled.pattern and pattern.flags == compiled.flags


def test_lazy_pattern_pickles_before_and_after_use() -> None:
    pattern = lazy(r"\d+")
    assert pickle.loads(pickle.dumps(pattern)).match("12").group() == "12"
    pattern.match("1")
    assert pickle.loads(pickle.dumps(pattern)).match("34").group() == "34"


def test_every_pattern_compiles() -> None:
    """Compiling at first use must not hide a broken pattern until a booklet needs it."""
    found = list(vars(DEFAULT_PROFILE).values())
    found += [p for value in vars(DEFAULT_PROFILE).values() if isinstance(value, dict)
              for p in value.values()]
    for module in (blocks, repairs, paragraphs):
        found += list(vars(module).values())
    patterns = [p for p in found if type(p).__name__ == "_Lazy"]
    assert len(patterns) > 40
    for pattern in patterns:
        assert isinstance(pattern.groups, int)
