"""The word-frequency cache answers exactly what wordfreq answers, and never breaks a run."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex as re
from wordfreq import zipf_frequency

from booklet_extract import wordlist
from booklet_extract.repairs import Vocabulary, _hyphen_action, is_ligature_split, word_zipf

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/layouts/**/text/*.txt")])


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh cache folder, built once for the module; the process tables reset around it."""
    folder = tmp_path_factory.mktemp("cache")
    saved = os.environ.get("BOOKLET_EXTRACT_CACHE")
    os.environ["BOOKLET_EXTRACT_CACHE"] = str(folder)
    wordlist._tables.clear()
    try:
        assert wordlist.table("en") is not None
        yield folder
    finally:
        wordlist._tables.clear()
        if saved is None:
            del os.environ["BOOKLET_EXTRACT_CACHE"]
        else:
            os.environ["BOOKLET_EXTRACT_CACHE"] = saved


def _tokens() -> set[str]:
    """Every distinct word token of the samples and the layout suite, in the forms the
    repairs ask about (letters, words with inner hyphens or apostrophes, raw tokens with
    digits and punctuation), as printed and lowercased."""
    found: set[str] = set()
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        for token in [*re.findall(r"\p{L}+", text), *re.findall(r"\p{L}+(?:[’'\-]\p{L}+)*", text),
                      *text.split()]:
            found.update((token, token.lower()))
    return found


def test_texts_are_found() -> None:
    assert len(TEXTS) > 20


def test_cache_file_is_written(cached: Path) -> None:
    files = list(cached.glob("zipf-*-en.tsv"))
    assert len(files) == 1
    assert files[0].read_bytes().startswith(wordlist.FORMAT.encode())


def test_every_word_of_the_suite_has_wordfreqs_value(cached: Path) -> None:
    tokens = _tokens()
    assert len(tokens) > 5000
    wrong = {w: (wordlist.zipf(w, "en"), zipf_frequency(w, "en")) for w in tokens
             if wordlist.zipf(w, "en") != zipf_frequency(w, "en")}
    assert not wrong
    served = [w for w in tokens if wordlist.plain(w)]
    assert len(served) > len(tokens) / 3  # the cache, not wordfreq, answered most of them


@pytest.mark.parametrize("word", ["financial", "café", "naïve", "zzzqqq", "ß", "straße", "Ærø",
                                  "ﬁnal", "don't", "co-op", "a1", "İstanbul", "ǆ", "ª", "",
                                  "e\u0301", "ʼn", "ŉ"])
def test_odd_words_have_wordfreqs_value(cached: Path, word: str) -> None:
    assert wordlist.zipf(word, "en") == zipf_frequency(word, "en")


def test_decisions_match_wordfreqs(cached: Path) -> None:
    """The repairs decide the same with the cache as with wordfreq itself."""
    pairs = [("fi", "nancial"), ("eff", "orts"), ("staff", "are"), ("off", "line"),
             ("govern", "ments"), ("high", "rise"), ("reinte", "grated"), ("socio", "economic")]
    vocab = Vocabulary([])
    word_zipf.cache_clear()
    with_cache = [(is_ligature_split(h, t, vocab), _hyphen_action(h, t, vocab)) for h, t in pairs]
    wordlist._tables["en"] = None  # every lookup to wordfreq
    word_zipf.cache_clear()
    try:
        direct = [(is_ligature_split(h, t, vocab), _hyphen_action(h, t, vocab)) for h, t in pairs]
    finally:
        del wordlist._tables["en"]
        word_zipf.cache_clear()
    assert with_cache == direct


def test_unwritable_cache_folder_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               cached: Path) -> None:
    """A cache folder that cannot be made (a file is in the way: this fails even for root)
    leaves the table built in memory for this process, and writes nothing."""
    data = next(cached.glob("zipf-*-en.tsv")).read_bytes()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BOOKLET_EXTRACT_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(wordlist, "_tables", {})
    monkeypatch.setattr(wordlist, "build", lambda language: data)
    assert wordlist.zipf("financial", "en") == zipf_frequency("financial", "en")
    assert wordlist._tables["en"] is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_cache_folder_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              cached: Path) -> None:
    data = next(cached.glob("zipf-*-en.tsv")).read_bytes()
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("BOOKLET_EXTRACT_CACHE", str(folder))
    monkeypatch.setattr(wordlist, "_tables", {})
    monkeypatch.setattr(wordlist, "build", lambda language: data)
    try:
        assert wordlist.zipf("financial", "en") == zipf_frequency("financial", "en")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_without_a_table_wordfreq_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No usable table at all (here: an empty build): every word is asked of wordfreq."""
    monkeypatch.setenv("BOOKLET_EXTRACT_CACHE", str(tmp_path / "inside"))
    monkeypatch.setattr(wordlist, "_tables", {})
    monkeypatch.setattr(wordlist, "build", lambda language: b"")
    assert wordlist.zipf("financial", "en") == zipf_frequency("financial", "en")
    assert wordlist._tables["en"] is None


def test_missing_cache_folder_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      cached: Path) -> None:
    data = next(cached.glob("zipf-*-en.tsv")).read_bytes()
    monkeypatch.setenv("BOOKLET_EXTRACT_CACHE", str(tmp_path / "a" / "b"))
    monkeypatch.setattr(wordlist, "_tables", {})
    monkeypatch.setattr(wordlist, "build", lambda language: data)
    assert wordlist.zipf("financial", "en") == zipf_frequency("financial", "en")
    assert list((tmp_path / "a" / "b").glob("zipf-*.tsv"))


def test_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       cached: Path) -> None:
    data = next(cached.glob("zipf-*-en.tsv")).read_bytes()
    monkeypatch.setenv("BOOKLET_EXTRACT_CACHE", str(tmp_path))
    monkeypatch.setattr(wordlist, "_tables", {})
    path = wordlist.cache_file("en")
    assert path is not None
    monkeypatch.setattr(wordlist, "build", lambda language: data)
    for damaged in (data[: len(data) // 3], b"something else\n", b""):
        path.write_bytes(damaged)
        wordlist._tables.clear()
        assert wordlist.zipf("financial", "en") == zipf_frequency("financial", "en")
        assert path.read_bytes() == data


def test_a_language_the_cache_cannot_serve_asks_wordfreq(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOOKLET_EXTRACT_CACHE", str(tmp_path))
    monkeypatch.setattr(wordlist, "_tables", {})
    assert wordlist.zipf("istanbul", "tr") == zipf_frequency("istanbul", "tr")
    found = wordlist._tables["tr"]
    assert found is not None and not found.usable
    assert wordlist.zipf("istanbul", "tr") == zipf_frequency("istanbul", "tr")


def test_heads_making_words_match_a_lookup_per_pair(cached: Path) -> None:
    """The heads a line-end tail makes words with, read from the table's words after each
    head (`ZipfTable.starting_with`), are those a lookup of every head + tail finds: every
    broken head of the suite's texts against their tails, with a word the list lacks that
    the booklet prints (`zendaville`) and one only wordfreq judges (an accented ending)."""
    texts = [line for path in TEXTS for line in path.read_text(encoding="utf-8").splitlines()]
    texts += ["the zenda-", "ville library", "Zendaville is near.", "a caf-", "é", "cen-", "tres"]
    vocab = Vocabulary(texts)
    tails = sorted({w for t in texts for w in re.findall(r"\p{L}+", t.lower())})[::100] + ["ville", "é", "tres"]
    assert len(vocab.broken_heads) > 20
    for tail in tails:
        assert vocab.heads_making_words(tail) == {h for h in vocab.broken_heads if vocab.is_word(h + tail)}, tail
    assert "zenda" in vocab.heads_making_words("ville") and "cen" in vocab.heads_making_words("tres")


def test_words_starting_with_a_prefix_are_read_in_order(cached: Path) -> None:
    """`starting_with` gives each listed word opening with the prefix, with the value a
    lookup of that word gives, and nothing past them."""
    table = wordlist.table("en")
    assert table is not None
    found = list(table.starting_with("finan"))
    assert [w for w, _ in found] == sorted(w for w, _ in found)
    assert {"finance", "financial"} <= {w for w, _ in found}
    assert all(w.startswith("finan") and table.get(w) == v for w, v in found)
    assert list(table.starting_with("zzzzqx")) == []
