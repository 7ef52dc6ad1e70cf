"""Exact wordfreq Zipf frequencies without loading wordfreq on every run.

Importing wordfreq and reading its list costs about a third of a second and
40 MB per process, for the few hundred words a booklet's repairs ask about.
So the list is turned once, at first use, into a sorted text file in the
user's cache folder (keyed by the wordfreq version and the language), and
later runs look words up in that file by binary search: no parsing, no import.

The file holds the Zipf value wordfreq gives each single word of its list,
read from wordfreq itself (one `zipf_frequency` call per frequency band), so
the answers are wordfreq's own. It answers only for words that wordfreq would
look up unchanged: letters only, already case-folded and NFC-normalised, in
the Latin blocks, and only for a language whose lookups do nothing more to
such a word (no transliteration, no special case folding).
Anything else (digits, apostrophes, several tokens, other scripts) goes to
wordfreq as before. A cache folder that is missing, read-only or full only
means wordfreq is used directly.
"""

from __future__ import annotations

import logging
import mmap
import os
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = "booklet-extract zipf cache 1"
"""The first line of a cache file; a file without it is rebuilt."""
UNUSABLE = "unusable"
"""The second line of a cache file for a language whose lookups change plain words."""
_PLAIN_LIMIT = 0x0250
"""Letters below this code point (Latin blocks) are one token to wordfreq's tokenizer."""


def cache_dir() -> Path:
    """Where cache files go: $BOOKLET_EXTRACT_CACHE, else $XDG_CACHE_HOME or ~/.cache."""
    own = os.environ.get("BOOKLET_EXTRACT_CACHE")
    if own:
        return Path(own)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "booklet-extract"


def plain(word: str) -> bool:
    """Whether wordfreq looks `word` up as it is: one token, nothing to fold or normalise.

    >>> plain("financial"), plain("café"), plain("Capital"), plain("don't"), plain("a1")
    (True, True, False, False, False)
    """
    return (
        word.isalpha()
        and all(ord(ch) < _PLAIN_LIMIT for ch in word)
        and word.casefold() == word
        and unicodedata.is_normalized("NFC", word)
    )


def wordfreq_version() -> str | None:
    """wordfreq's installed version (from its dist-info folder), without importing it."""
    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    try:
        found = sorted(p.name for p in package.parent.glob("wordfreq-*.dist-info"))
    except OSError:
        found = []
    if found:
        return found[-1][len("wordfreq-"):-len(".dist-info")]
    try:  # no metadata beside it (a source checkout): the file's identity will do
        stat = Path(spec.origin).stat()
    except OSError:
        return None
    return f"mtime-{stat.st_mtime_ns}-{stat.st_size}"


ASK = "?"
"""A listed word's value in the file when wordfreq changes it on lookup: ask wordfreq."""


@dataclass(frozen=True, slots=True)
class ZipfTable:
    """One language's cache file in memory, searched by bisection: no parsing at load.

    `data` is the file mapped into memory (read-only) or its bytes: a run looks up a few
    hundred words, so only the pages they fall on are ever read, and nothing is copied.
    """

    data: bytes | mmap.mmap
    start: int
    """Offset of the first word line (after the header)."""
    missing: float
    """wordfreq's value for a plain word it does not list."""
    usable: bool = True
    """False for a language whose lookups change plain words: wordfreq answers every one."""

    def get(self, word: str) -> float | None:
        """The Zipf value of a `plain` word; None when only wordfreq can tell."""
        if not self.usable:
            return None
        key = word.encode("utf-8") + b"\t"
        data = self.data
        lo = self._first_line_at(key)
        if data[lo:lo + len(key)] != key:  # (a mapped file has no startswith)
            return self.missing
        value = data[lo + len(key):data.find(b"\n", lo)]
        return None if value == ASK.encode() else float(value)

    def _first_line_at(self, key: bytes) -> int:
        """Where the first word line at or after `key` starts (the lines are sorted): a
        binary search over the bytes, each step widened to the line it falls in."""
        data = self.data
        lo, hi = self.start, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            line = max(data.rfind(b"\n", 0, mid) + 1, self.start)
            end = data.find(b"\n", line)
            if data[line:end] < key:
                lo = end + 1
            else:
                hi = line
        return lo

    def starting_with(self, prefix: str) -> Iterator[tuple[str, float | None]]:
        """Each listed word opening with `prefix` (a `plain` one), with its Zipf value
        (None when only wordfreq can tell): one search, then a walk down the sorted lines.
        A tail joined to a head broken at a line end is looked up among these at once,
        not word by word."""
        if not self.usable:
            return
        key = prefix.encode("utf-8")
        data = self.data
        lo = self._first_line_at(key)
        while lo < len(data) and data[lo:lo + len(key)] == key:
            end = data.find(b"\n", lo)
            end = len(data) if end < 0 else end
            word, _, value = data[lo:end].partition(b"\t")
            yield word.decode("utf-8"), None if value == ASK.encode() else float(value)
            lo = end + 1

    @classmethod
    def parse(cls, data: bytes | mmap.mmap) -> ZipfTable | None:
        """A table from a cache file's bytes (or the file mapped); None for a file that is
        not a whole cache file of this format. Only the two header lines are copied."""
        first = data.find(b"\n")
        end = data.find(b"\n", first + 1) if first >= 0 else -1
        if data[:first] != FORMAT.encode() or end < 0:
            return None
        second = data[first + 1:end]
        if second == UNUSABLE.encode():
            return cls(data, len(data), 0.0, usable=False)
        fields = second.split(b"\t")
        if len(fields) != 4 or fields[0] != b"missing" or fields[2] != b"bytes":
            return None
        try:
            missing, size = float(fields[1]), int(fields[3])
        except ValueError:
            return None
        body = len(data) - (end + 1)
        if size != body or not body or data[-1:] != b"\n":  # cut short, or edited
            return None
        return cls(data, end + 1, missing)


def build(language: str) -> bytes:
    """The cache file for `language`, from wordfreq itself (imported here only).

    Each frequency band's value is asked of wordfreq once; every plain word of
    the list is checked to be looked up as it is (else it is marked `ASK`).
    """
    from wordfreq import get_frequency_dict, get_frequency_list, zipf_frequency
    from wordfreq.language_info import get_language_info
    from wordfreq.tokens import lossy_tokenize

    info = get_language_info(language)
    simple = (info["tokenizer"] == "regex" and info["normal_form"] == "NFC"
              and info["transliteration"] is None and info["lookup_transliteration"] is None
              and not info["remove_marks"] and not info["dotless_i"]
              and info["diacritics_under"] is None)
    if not simple:
        return f"{FORMAT}\n{UNUSABLE}\n".encode()
    rows: list[tuple[bytes, str]] = []
    for bucket in get_frequency_list(language):
        value: str | None = None
        for word in filter(plain, bucket):
            if lossy_tokenize(word, language) != [word]:
                rows.append((word.encode("utf-8"), ASK))
                continue
            if value is None:  # the band's value, as wordfreq gives it
                value = repr(float(zipf_frequency(word, language)))
            rows.append((word.encode("utf-8"), value))
    listed = get_frequency_dict(language)
    absent = "zq"
    while absent in listed:
        absent += "zq"
    missing = repr(float(zipf_frequency(absent, language)))
    rows.sort()
    body = b"".join(word + b"\t" + value.encode() + b"\n" for word, value in rows)
    return f"{FORMAT}\nmissing\t{missing}\tbytes\t{len(body)}\n".encode() + body


def cache_file(language: str) -> Path | None:
    """The cache file's path for `language` under the installed wordfreq; None without wordfreq."""
    version = wordfreq_version()
    if version is None:
        return None
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in f"{version}-{language}")
    return cache_dir() / f"zipf-{safe}.tsv"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def load_table(language: str) -> ZipfTable | None:
    """The language's table from the cache, built there first if needed; None: ask wordfreq."""
    path = cache_file(language)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:  # the mapping outlives the file handle
            found = ZipfTable.parse(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        found = None
    if found is not None:
        return found
    data = build(language)
    try:
        write_atomic(path, data)
    except OSError as exc:  # a read-only or full disk: this process still has the table
        log.debug("zipf cache %s not written (%s)", path, exc)
    return ZipfTable.parse(data)


_tables: dict[str, ZipfTable | None] = {}


def table(language: str) -> ZipfTable | None:
    """The language's table, read once per process (a batch worker inherits it when forked)."""
    if language not in _tables:
        _tables[language] = load_table(language)
    return _tables[language]


def zipf(word: str, language: str) -> float:
    """`wordfreq.zipf_frequency(word, language)`, from the cache when it can answer."""
    if plain(word):
        found = table(language)
        value = found.get(word) if found is not None else None
        if value is not None:
            return value
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language))
