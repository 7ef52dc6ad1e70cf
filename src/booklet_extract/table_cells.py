"""The cells of a stats table's row as an extractor gives it: one line holding the
cells side by side, spaces or a bar between. Shared by the stats recognisers and by the
reading of a table whose first column names the place (`place_tables`)."""

from __future__ import annotations

from .patterns import Pattern, lazy


def row_cells(pattern: Pattern, text: str) -> list[str]:
    """The cells of a table row: matches of `pattern` side by side, filling the line."""
    text = text.strip()
    cells, end = leading_cells(pattern, text)
    return cells if end == len(text) else []


def leading_cells(pattern: Pattern, text: str) -> tuple[list[str], int]:
    """The matches of `pattern` side by side from the line's start (spaces or a bar
    between), and where the first text that is none begins."""
    cells: list[str] = []
    pos = 0
    while pos < len(text) and (match := pattern.match(text, pos)) and match.end() > pos:
        cells.append(match.group().strip())
        pos = match.end()
        while pos < len(text) and text[pos] in " \t|":
            pos += 1
    return cells, pos


_OPEN_GROUPS = lazy(r"(?:^|[^\d,.])\d{1,3}(?: \d{3})*$")
_GROUP_OF_THREE = lazy(r"^\d{3}(?![\d,.])")


def join_spaced_groups(row: list[str]) -> list[str]:
    """Cells that are one figure whose thousands are grouped by spaces: a cell ending on
    a bare group of up to three digits, the next opening with three ("1", "975 km²").

    >>> join_spaced_groups(["3.8 million (2022)", "1", "975 km²", "USD 28.4 billion"])
    ['3.8 million (2022)', '1 975 km²', 'USD 28.4 billion']
    >>> join_spaced_groups(["719,474", "789.95 km²"])
    ['719,474', '789.95 km²']
    """
    joined: list[str] = []
    for cell in row:
        if joined and _OPEN_GROUPS.search(joined[-1]) and _GROUP_OF_THREE.match(cell):
            joined[-1] = f"{joined[-1]} {cell}"
        else:
            joined.append(cell)
    return joined
