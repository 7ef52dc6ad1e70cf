"""A front matter's list of places run into one line: "Syldavia, Klow Borduria, Szohod".

An extractor that joins a block's lines into one (Markdown for language models, a
paragraph-per-line dump) gives the list of award cities as one run where no mark parts the
entries, and a name of several words leaves the seams ambiguous ("Klow Borduria"). The
booklet's own headings settle them: a line made wholly of the places it prints on lines of
their own, each as "Country, City", "City, Country" or "City (Country)", or of "Country,
City" entries whose cities it prints alone (`printed_places_and_names`), is that list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .blocks import (
    HEADING_MAX_CHARS,
    Cursor,
    city_then_country,
    fold_name,
    heading_place,
    is_name,
    joined_forms,
)
from .profile import Profile

# Marks a list may leave between two entries ("; ", " | ", " • "), skipped.
_SEPARATORS = ";|•·"
_ENTRY_MAX_WORDS = 14  # words of one entry at most ("United Federation of ... Syldavia, Klow")
_SPARE_MAX_WORDS = 6  # words of the one entry no heading prints alone, at most
_KNOWN_AROUND_SPARE = 3  # entries a run with such an entry holds at least


def run_at(cur: Cursor, k: int) -> list[tuple[str, str, str]] | None:
    """The entries of line k read as the front matter's list run together (`RunReader`,
    made for the booklet at first need), or None."""
    if not 0 <= k < len(cur.lines):
        return None
    return run_in(cur, cur.text(k))


def run_in(cur: Cursor, text: str) -> list[tuple[str, str, str]] | None:
    """The entries of `text` read as the front matter's list run together, or None."""
    return _reader(cur).read(text)


def _reader(cur: Cursor) -> RunReader:
    """The booklet's `RunReader`, made at first need and kept on the cursor."""
    if cur.run_reader is None:
        cur.run_reader = RunReader.of(cur.heading_texts or cur.texts, cur.profile)
    return cur.run_reader


def run_after_lead_in(cur: Cursor, k: int) -> tuple[str, list[tuple[str, str, str]]] | None:
    """Line k as a paragraph's lead-in and the list run on after it ("... The cities are:
    Syldavia, Klow Borduria, Szohod"), as Markdown joins a paragraph and the list under it:
    the lead-in up to its colon, and the entries (`run_at`). None where the text after the
    paragraph's last colon is not wholly the list, or the sentence before it leads in to
    nothing ("are:", "include:", `Profile.lead_in_sentence`)."""
    if not 0 <= k < len(cur.lines) or (parted := lead_in_apart(cur.text(k), cur.profile)) is None:
        return None
    lead_in, rest = parted
    entries = run_in(cur, rest)
    return (lead_in, entries) if entries is not None else None


def lead_in_apart(text: str, profile: Profile) -> tuple[str, str] | None:
    """A line's lead-in up to its last colon ("... The cities are:") and the text run on
    after it, where the sentence before the colon leads in to a list
    (`Profile.lead_in_sentence`); else None.

    >>> from .profile import DEFAULT_PROFILE as p
    >>> lead_in_apart("This year we honour five towns. The towns are: Syldavia, Klow", p)
    ('This year we honour five towns. The towns are:', 'Syldavia, Klow')
    >>> lead_in_apart("Note: Syldavia, Klow", p) is None
    True
    """
    colon = text.rfind(": ")
    if colon < 0 or not profile.lead_in_sentence.search(text[: colon + 1]):
        return None
    return text[: colon + 1], text[colon + 2 :]


class RunReader:
    """Reads a line as the list run together, by the places (or the cities) the booklet
    prints alone: built once per booklet, each line a walk over its words (no pattern of
    every place is compiled)."""

    def __init__(self, places: Sequence[tuple[str, str]], cities: Sequence[str], profile: Profile) -> None:
        self.profile = profile
        self.forms: dict[str, tuple[str, str]] = {}
        for country, city in places:
            for form in (f"{country}, {city}", f"{city}, {country}", f"{city} ({country})"):
                self.forms.setdefault(fold_name(form), (country, city))
        self.cities = {fold_name(city) for city in cities}
        # The words of names alone of several words: a heading's two names Markdown gave as
        # one line ("RURITANIA STRELSAU") is among them (`_joined`).
        self.joined_words = {word for name in self.cities if " " in name for word in name.split()}
        self.firsts = {form.split()[0] for form in self.forms}
        self.city_firsts = {city.split()[0] for city in self.cities}
        # Either name of a printed place (read before the booklet knows which is the city).
        self.known = {fold_name(name) for place in self.forms.values() for name in place} | self.cities

    @classmethod
    def of(cls, texts: Sequence[str], profile: Profile) -> RunReader:
        """The reader of a booklet whose lines are `texts`."""
        return cls(*printed_places_and_names(texts, profile), profile)

    def read(self, text: str) -> list[tuple[str, str, str]] | None:
        """(country, city, entry as printed) for each entry where `text` is wholly two
        entries or more: places the booklet prints alone in any order of names, or "Country,
        City" entries whose cities it prints alone (its headings name the city alone); of
        three entries or more, one may be any "Country, City" the others leave between them
        (a heading the extractor garbled prints that place nowhere alone); else None.

        >>> from .profile import DEFAULT_PROFILE as p
        >>> reader = RunReader([("Syldavia", "Klow"), ("Borduria", "Szohod Nova")], [], p)
        >>> reader.read("Syldavia, Klow Borduria, Szohod Nova")
        [('Syldavia', 'Klow', 'Syldavia, Klow'), ('Borduria', 'Szohod Nova', 'Borduria, Szohod Nova')]
        >>> reader.read("Syldavia, Klow and its people") is None
        True
        >>> RunReader([], ["Klow", "Szohod"], p).read("Syldavia, Klow New Borduria, Szohod")
        [('Syldavia', 'Klow', 'Syldavia, Klow'), ('New Borduria', 'Szohod', 'New Borduria, Szohod')]
        >>> RunReader([], ["Klow", "Szohod"], p).read("Syldavia, Klow and then, Szohod") is None
        True
        >>> RunReader([], ["Klow", "Szohod Nova"], p).read("Klow (Syldavia) Szohod Nova (Borduria) Dawa (Khemed)")
        [('Syldavia', 'Klow', 'Klow (Syldavia)'), ('Borduria', 'Szohod Nova', 'Szohod Nova (Borduria)'), ('Khemed', 'Dawa', 'Dawa (Khemed)')]
        >>> RunReader([], ["Klow", "Szohod"], p).read("Klow (Syldavia) and Szohod (Borduria)") is None
        True
        >>> both = RunReader([("Syldavia", "Klow"), ("Borduria", "Szohod")], [], p)
        >>> [e[:2] for e in both.read("Syldavia, Klow Ruritania, Old Zenda Borduria, Szohod")]  # one unknown between
        [('Syldavia', 'Klow'), ('Ruritania', 'Old Zenda'), ('Borduria', 'Szohod')]
        >>> both.read("Syldavia, Klow Ruritania, Zenda Khemed, Dawa Borduria, Szohod") is None  # two unknown
        True
        """
        words = [word for word in text.split() if word.strip(_SEPARATORS)]
        if len(words) < 4:
            return None
        if (bracketed := self._bracketed(words)) is not None:
            return bracketed
        folded = [fold_name(word) for word in words]
        by_places = bool(self.forms) and folded[0] in self.firsts
        by_cities = len(self.cities) >= 2 and sum(
            1 for k in range(len(words) - 1)
            if words[k].endswith(",") and (folded[k + 1] in self.city_firsts or folded[k + 1] in self.joined_words)) >= 2
        for entry in ((self._place,) if by_places else ()) + ((self._listed_city,) if by_cities else ()):
            found = self._walk(words, entry)
            if found is not None and len(found) >= 2:
                return found
        if by_places:  # one entry whose place no heading prints alone (a garbled heading)
            found = self._walk(words, self._place, spare=self._any_place)
            if found is not None and len(found) >= _KNOWN_AROUND_SPARE:
                return found
        return None

    def _any_place(self, words: list[str]) -> tuple[str, str] | None:
        """("Country", "City") of "Country, City": one comma, a name on either side."""
        pair = _at_one_comma(words) if len(words) <= _SPARE_MAX_WORDS else None
        return pair if pair is not None and all(is_name(name, self.profile) for name in pair) else None

    def _walk(self, words: list[str], entry: Callable[[list[str]], tuple[str, str] | None],
              spare: Callable[[list[str]], tuple[str, str] | None] | None = None) -> list[tuple[str, str, str]] | None:
        """The entries that cover `words` from the first to the last, each the fewest words
        `entry` reads as one (and, given `spare`, one entry at most that only `spare`
        reads, where the others leave exactly its words between them), or None where no
        such cover is. A cover without the spare entry is taken before one with it."""
        end = len(words)
        # back[(j, spares used)] = (i, spares used before, pair): the entry ending at word j.
        back: dict[tuple[int, int], tuple[int, int, tuple[str, str]]] = {}
        reach = {(0, 0)}
        for i in range(end):
            for used in (0, 1):
                if (i, used) not in reach:
                    continue
                for j in range(i + 1, min(end, i + _ENTRY_MAX_WORDS) + 1):
                    if (j, used) not in reach and (pair := entry(words[i:j])) is not None:
                        reach.add((j, used))
                        back[(j, used)] = (i, used, pair)
                    elif spare is not None and not used and (j, 1) not in reach \
                            and (pair := spare(words[i:j])) is not None:
                        reach.add((j, 1))
                        back[(j, 1)] = (i, 0, pair)
        state = (end, 0) if (end, 0) in reach else (end, 1) if spare is not None and (end, 1) in reach else None
        if state is None:
            return None
        found = []
        while state[0] > 0:
            i, used, pair = back[state]
            found.append((*pair, " ".join(words[i : state[0]]).rstrip(_SEPARATORS).strip()))
            state = (i, used)
        return found[::-1]

    def _bracketed(self, words: list[str]) -> list[tuple[str, str, str]] | None:
        """The entries of a run of "City (Country)" entries, each ending on its bracket
        and read as a line of the list is (`city_then_country`, a country's own bracket
        too: "Klow (Syldavia (Federal Republic of))"), where most of the cities are ones
        the booklet prints alone or in places of their own (a list may name a city that
        has no section of its own); else None."""
        if not words[-1].rstrip(_SEPARATORS).endswith(")"):
            return None
        found: list[tuple[str, str, str]] = []
        start = 0
        for end, word in enumerate(words, 1):
            if not word.rstrip(_SEPARATORS).endswith(")"):
                continue
            printed = " ".join(words[start:end]).rstrip(_SEPARATORS).strip()
            if end - start > _ENTRY_MAX_WORDS or (place := city_then_country(printed, self.profile)) is None:
                return None
            found.append((*place, printed))
            start = end
        if start != len(words) or len(found) < 2 \
                or 2 * sum(fold_name(c) in self.known or self._joined(k, c) for k, c, _ in found) <= len(found):
            return None
        return found

    def _place(self, words: list[str]) -> tuple[str, str] | None:
        return self.forms.get(fold_name(" ".join(words).rstrip(_SEPARATORS)))

    def _listed_city(self, words: list[str]) -> tuple[str, str] | None:
        """("Country", "City") of "Country, City" whose city the booklet prints alone (in
        capitals, say: the entry's own spelling is given)."""
        pair = _at_one_comma(words)  # as the list prints it, not the heading
        if pair is None:
            return None
        country, city = pair
        if (fold_name(city) not in self.cities and not self._joined(country, city)) or not is_name(country, self.profile):
            return None
        return country, city

    def _joined(self, country: str, city: str) -> bool:
        """Does the booklet print the two names alone on a line with nothing between them,
        in either order ("RURITANIA STRELSAU": Markdown gives a heading's two lines as one)?"""
        return any(form in self.cities for form in joined_forms((country, city)))


def _at_one_comma(words: list[str]) -> tuple[str, str] | None:
    """(first, second) of an entry's words parted by its one comma ("Syldavia," "Klow"),
    the list's separators off its end; None where it holds no comma or several."""
    commas = [k for k, word in enumerate(words[:-1]) if word.endswith(",")]
    if len(commas) != 1:
        return None
    return " ".join(words[: commas[0] + 1])[:-1], " ".join(words[commas[0] + 1 :]).rstrip(_SEPARATORS)


_PLACE_LINE_MAX_CHARS = 2 * HEADING_MAX_CHARS
"""A place line's length at most: a heading's, or a long country's unwrapped (Markdown
gives a heading on one line however long)."""


_PLACE_MARKS = ",:(–—-"
"""What parts a place's two names on a line: a comma, a colon, a bracket, a dash (a name
alone, "Klow", is no place)."""
_BAR = " | "
"""A bar between spaces, which a heading may set between its two names ("Syldavia | Klow")."""


def printed_places_and_names(texts: Sequence[str], profile: Profile) -> tuple[list[tuple[str, str]], list[str]]:
    """In one pass over the lines: (country, city) of every line that is a place alone, as a
    heading prints it ("3. Syldavia, Klow", "Syldavia: Klow", "Syldavia | Klow", "Klow
    (Syldavia)"), or of two lines where a long country wraps before its comma ("1. United
    Federation of" / "Syldavia, Klow"); and every line that is one name alone ("Klow",
    "KLOW", "3. Klow"), as a heading that names the city alone prints it. Each once."""
    places: dict[tuple[str, str], None] = {}
    names: dict[str, None] = {}
    lines = [text.strip() for text in texts]
    for k, text in enumerate(lines):
        if not text or len(text) > _PLACE_LINE_MAX_CHARS:
            continue
        candidates = [text] if any(mark in text for mark in _PLACE_MARKS) else []
        if text.count(_BAR) == 1:
            candidates.append(text.replace(_BAR, ": "))  # "Syldavia | Klow": a bar parts the names as a colon does
        if "," not in text and k + 1 < len(lines) and "," in lines[k + 1] and len(lines[k + 1]) <= HEADING_MAX_CHARS:
            candidates.append(f"{text} {lines[k + 1]}")
        for candidate in candidates:
            numbered = profile.heading_start.match(candidate)
            if (place := heading_place(numbered["rest"] if numbered else candidate, profile)) is not None:
                places[place] = None
        if len(text) <= HEADING_MAX_CHARS and "," not in text:
            numbered = profile.heading_start.match(text)
            if is_name(name := numbered["rest"] if numbered else text, profile):
                names[name] = None
    return list(places), list(names)
