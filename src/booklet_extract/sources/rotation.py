"""Text that runs rotated on the page: which way it runs, and turning it upright.

A glyph's direction is the way its baseline runs on the page as a reader sees
it, counter-clockwise from "left to right": 0 (upright), 90 (bottom to top),
180 (upside down) or 270 (top to bottom). It comes from the glyph's matrix in
the page's own space, with the page's /Rotate already applied.

The layout engine only knows upright text. To read the rest, the glyphs of one
direction are moved into a frame where they are upright (the page turned so
that they read left to right), laid out there like any other page, and the
resulting boxes are moved back. Every turn is a multiple of 90 degrees, so boxes
stay axis-aligned both ways and nothing is lost in the round trip.

Pure geometry: no PDF library is imported here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .glyphs import Char

UPRIGHT = 0
SKEWED = -1
"""Not upright and not a clean quarter turn (mirrored, sheared, or at an odd angle)."""
TURNS = (90, 180, 270)
"""Directions read by turning them upright."""
ANGLE_TOLERANCE = 5.0
"""Degrees a baseline may be off a quarter turn and still count as that turn."""

_Box = tuple[float, float, float, float]


def direction(a: float, b: float, c: float, d: float) -> int:
    """The direction of text drawn with matrix (a b c d) in page space (y up).

    Only the baseline (a, b) and the matrix's handedness count: a mirrored
    matrix, or a baseline more than `ANGLE_TOLERANCE` off a quarter turn, is
    `SKEWED`. pdfminer's `upright` says less: it holds for any unmirrored
    baseline not exactly vertical, upside-down text included.

    >>> direction(1, 0, 0, 1), direction(0, 1, -1, 0), direction(-1, 0, 0, -1), direction(0, -1, 1, 0)
    (0, 90, 180, 270)
    >>> direction(0, 1, 1, 0), direction(0.87, 0.5, -0.5, 0.87)  # mirrored; 30 degrees
    (-1, -1)
    """
    if b == 0 and c == 0 and a > 0 and d > 0:  # nearly every glyph: spare it the trigonometry
        return UPRIGHT
    if a * d - b * c <= 0:
        return SKEWED
    angle = math.degrees(math.atan2(b, a)) % 360.0
    turn = round(angle / 90.0) % 4 * 90
    off = abs((angle - turn + 180.0) % 360.0 - 180.0)
    return turn if off <= ANGLE_TOLERANCE else SKEWED


@dataclass(frozen=True, slots=True)
class Turn:
    """The page (`width` x `height`, top-left origin) turned so `degrees` text reads upright.

    >>> turn = Turn(90, 600, 800)
    >>> turn.size
    (800, 600)
    >>> turn.to_upright((10, 700, 20, 760))
    (40, 10, 100, 20)
    >>> turn.to_page((40, 10, 100, 20))
    (10, 700, 20, 760)
    """

    degrees: int
    width: float
    height: float

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) of the turned page."""
        if self.degrees in (90, 270):
            return self.height, self.width
        return self.width, self.height

    def point_to_upright(self, x: float, y: float) -> tuple[float, float]:
        if self.degrees == 90:  # read bottom to top: the page's bottom edge becomes its left
            return self.height - y, x
        if self.degrees == 270:  # read top to bottom: the page's top edge becomes its left
            return y, self.width - x
        if self.degrees == 180:
            return self.width - x, self.height - y
        return x, y

    def point_to_page(self, x: float, y: float) -> tuple[float, float]:
        if self.degrees == 90:
            return y, self.height - x
        if self.degrees == 270:
            return self.width - y, x
        if self.degrees == 180:
            return self.width - x, self.height - y
        return x, y

    def to_upright(self, box: _Box) -> _Box:
        """A page box (x0, top, x1, bottom) -> the same box in the turned frame."""
        return _span(self.point_to_upright(box[0], box[1]), self.point_to_upright(box[2], box[3]))

    def to_page(self, box: _Box) -> _Box:
        """A box in the turned frame -> the same box on the page."""
        return _span(self.point_to_page(box[0], box[1]), self.point_to_page(box[2], box[3]))

    def char(self, char: Char) -> Char:
        """A glyph as it stands in the turned frame: upright, its size its height there.

        Both PDF libraries give a rotated glyph the size of its box's height on
        the page, which is its advance width, not its font size.
        """
        x0, top, x1, bottom = self.to_upright((char.x0, char.top, char.x1, char.bottom))
        return replace(char, x0=x0, top=top, x1=x1, bottom=bottom, size=bottom - top,
                       upright=True, direction=UPRIGHT)


def _span(p: tuple[float, float], q: tuple[float, float]) -> _Box:
    return min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])


def turned_groups(chars: list[Char], width: float, height: float) -> list[tuple[Turn, list[Char]]]:
    """The page's rotated glyphs, one group per direction, each turned upright.

    Glyphs keep their content-stream order within a group.
    """
    groups: dict[int, list[Char]] = {}
    for char in chars:
        if char.direction in TURNS:
            groups.setdefault(char.direction, []).append(char)
    out = []
    for degrees in TURNS:
        if degrees in groups:
            turn = Turn(degrees, width, height)
            out.append((turn, [turn.char(c) for c in groups[degrees]]))
    return out
