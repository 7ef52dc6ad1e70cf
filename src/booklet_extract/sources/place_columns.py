"""A stats table whose first columns name the place: "City | Country | City population
| Area" over "Klow | Syldavia | 88,150 | 41.2 km²", as a facts table sets a city's box.

An extractor gives its two rows as two lines (cells side by side), or every cell on a
line of its own, labels first. Either way the place's names are parted from the stats
here, as the box entries a box naming its place prints ("City: Klow", "Country:
Syldavia"), and the stats are left as a table of labels over figures: the readers of
boxes and tables then read both. A row the labels and figures do not fill exactly, or
whose names cannot be told apart, is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex as re

from ..patterns import lazy
from ..profile import Profile
from ..table_cells import join_spaced_groups, leading_cells, row_cells

Row = tuple[int, str]

_CELL_GAP = lazy(r"\s*\|\s*|\s{2,}")
_NAME = lazy(r"\p{Lu}[\p{L}'’.()\- ]*")  # a place's name: capitalised, no digits, no marks of prose


def place_columns_apart(rows: list[Row], profile: Profile) -> list[Row]:
    """The rows, each table whose first columns name the place given as box entries
    naming it, then its stats' labels and figures. `rows`: (line number, text).

    >>> from ..profile import DEFAULT_PROFILE as p
    >>> place_columns_apart([(7, "Country City population Area"), (8, "Syldavia 88,150 41.2 km²")], p)
    [(8, 'Country: Syldavia'), (7, 'City population Area'), (8, '88,150 41.2 km²')]
    >>> place_columns_apart([(7, "Country"), (8, "Population"), (9, "Syldavia"), (10, "88,150")], p)
    [(9, 'Country: Syldavia'), (8, 'Population'), (10, '88,150')]
    """
    out: list[Row] = []
    k = 0
    while k < len(rows):
        found = _table_in_rows(rows, k, profile) or _table_in_cells(rows, k, profile)
        if found is None:
            out.append(rows[k])
            k += 1
            continue
        parted, k = found
        out += parted
    return out


def _place_labels(text: str, profile: Profile) -> tuple[list[str], int]:
    """The keys ("city", "country") of the place labels opening a row of labels, and where
    the stats' labels begin; none where a stat's label comes first ("City population")."""
    keys: list[str] = []
    pos = 0
    while pos < len(text) and profile.stat_label_any.match(text, pos) is None \
            and (match := profile.place_label_cell.match(text, pos)) is not None:
        keys.append("city" if match["city"] else "country")
        pos = match.end()
        while pos < len(text) and text[pos] in " \t|":
            pos += 1
    return keys, pos


def _table_in_rows(rows: list[Row], k: int, profile: Profile) -> tuple[list[Row], int] | None:
    """A table given as two lines, labels over values, perhaps a blank line (a Markdown
    table's rule) between: (the rows it gives, the index after it)."""
    number, labels_row = rows[k][0], rows[k][1].strip().strip("|").strip()
    keys, pos = _place_labels(labels_row, profile)
    if not keys or len(keys) > 2 or len(set(keys)) < len(keys):
        return None
    labels, end = leading_cells(profile.stat_label_any, labels_row[pos:])
    clipped = labels_row[pos + end :]  # the last label cut short at the table's edge ("Annual G")
    if not labels or clipped and not _cut_label(clipped, profile):
        return None
    j = k + 1
    while j < len(rows) and not rows[j][1].strip().strip("|-: "):
        j += 1
    if j >= len(rows) or j - k > 2:
        return None
    values = rows[j][1].strip().strip("|").strip()
    last = j
    # The names are looked for apart from the row: a row wrapped over lines holds a
    # parting's first part whole on its first line ("Zenda United Federation of"). The
    # text is joined only if two names run together need it, and once.
    elsewhere = cache(lambda: "\n".join(row for _, row in (*rows[:k], *rows[j + _WRAPPED_ROW_LINES + 1 :])))
    split = _names_then_figures(values, len(keys), len(labels), profile, elsewhere, cut=bool(clipped))
    # A long name its cell wrapped on a word no name ends with ("Zenda United Federation
    # of Ruritania and" / "Northern Isles" / "88,150 41.2 km²"): the row goes on below.
    wrapped = profile.language.stops_on_run_on_word(values)
    while split is None and wrapped and last + 1 < len(rows) and last - j < _WRAPPED_ROW_LINES:
        last += 1
        values = f"{values} {rows[last][1].strip()}"
        split = _names_then_figures(values, len(keys), len(labels), profile, elsewhere, cut=bool(clipped))
    if split is None:
        return None
    names, figures = split
    parted = [(rows[j][0], f"{key.capitalize()}: {name}") for key, name in zip(keys, names, strict=True)]
    # A column cut short is left out: its figure may be cut as well ("US$31,02" under
    # "Annual G"), and a figure cut at a digit reads as another ("US$4"). Its field is
    # then reported missing.
    return [*parted, (number, labels_row[pos : pos + end].rstrip(" |")), (rows[last][0], figures)], last + 1


def _cut_label(text: str, profile: Profile) -> bool:
    """Is `text` one stat's label cut short ("Annual G", "City/urba"): the start of one, no
    whole label, one cell?"""
    return "|" not in text and profile.stat_label_any.fullmatch(text, partial=True) is not None \
        and profile.stat_label_any.fullmatch(text) is None


_WRAPPED_ROW_LINES = 2
"""Lines a row of values may wrap onto below its first, at a long name's run-on word."""


def _names_then_figures(values: str, places: int, stats: int, profile: Profile,
                        text: Callable[[], str], cut: bool = False) -> tuple[list[str], str] | None:
    """The place names opening a row of values and the row's figures after them (`cut`:
    the last label was cut short, the cell under it left out): the cells apart where bars
    or wide gaps part them, otherwise the names are what comes before the last `stats`
    figures. Two names run together ("Klow Syldavia") are parted only where one way of
    parting them gives two names the booklet prints elsewhere (`text()`: the booklet's
    text apart from this row)."""
    cells = [cell for cell in _CELL_GAP.split(values) if cell]
    if cut:  # the cut cell left out; its figure may read as none, so the cells apart only
        cells = cells[:-1] if len(cells) == places + stats + 1 else []
    if len(cells) == places + stats:
        names, figures = cells[:places], cells[places:]
        if all(row_cells(profile.stat_figure_cell, figure) == [figure] for figure in figures):
            return (names, " ".join(figures)) if all(_NAME.fullmatch(name) for name in names) else None
    if cut:
        return None
    words = [match.start() for match in re.finditer(r"(?<!\S)\S", values)]
    for start in words[1:]:
        figures = join_spaced_groups(row_cells(profile.stat_figure_cell, values[start:]))
        if len(figures) == stats:
            named = values[:start].strip()
            if not _NAME.fullmatch(named):
                return None
            parted = [named] if places == 1 else _two_names(named, text())
            return None if parted is None else (parted, values[start:].strip())
    return None


def _two_names(named: str, text: str) -> list[str] | None:
    """Two names run together ("Szohod Nova Borduria") parted where both parts are printed
    in the booklet apart from this run (in any case: a box may print them in capitals),
    when only one parting does so. Two words are two names, whether printed elsewhere or
    not (a country only the box names), unless the booklet prints them together (one
    name of two words, its other cell empty)."""
    def printed(words: str) -> int:
        return len(re.findall(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE))

    def printed_apart(part: str) -> bool:
        return printed(part) > printed(named)

    words = named.split()
    if len(words) == 2:
        return words if not printed(named) else None
    found = [[" ".join(words[:n]), " ".join(words[n:])] for n in range(1, len(words))
             if printed_apart(" ".join(words[:n])) and printed_apart(" ".join(words[n:]))]
    return found[0] if len(found) == 1 else None


def _table_in_cells(rows: list[Row], k: int, profile: Profile) -> tuple[list[Row], int] | None:
    """A table given a cell to a line, labels first ("City" / "Country" / "City
    population" / "Klow" / "Syldavia" / "88,150"), perhaps blank lines between the cells
    (pdftotext's layout mode, its columns read apart): (the rows it gives, the index of
    the first figure's line, left as it is)."""
    def filled(j: int) -> int:
        """The first row from j that holds text."""
        while j < len(rows) and not rows[j][1].strip():
            j += 1
        return j

    keys: list[str] = []
    j = k
    while j < len(rows) and len(keys) < 2 and (match := profile.place_label_cell.fullmatch(rows[j][1].strip())) is not None:
        keys.append("city" if match["city"] else "country")
        j = filled(j + 1)
    if not keys or len(set(keys)) < len(keys):
        return None
    labels = j
    while j < len(rows) and any(pattern.match(rows[j][1]) for pattern in profile.stat_label_alone.values()):
        j = filled(j + 1)
    if j == labels:
        return None
    at: list[int] = []  # the names' rows
    for _ in keys:
        if j >= len(rows):
            return None
        at.append(j)
        j = filled(j + 1)
    names = [rows[n][1].strip() for n in at]
    if not all(_NAME.fullmatch(name) for name in names) \
            or not row_cells(profile.stat_figure_cell, rows[j][1] if j < len(rows) else ""):
        return None
    parted = [(rows[n][0], f"{key.capitalize()}: {name}") for n, key, name in zip(at, keys, names, strict=True)]
    return [*parted, *rows[labels : at[0]]], j
