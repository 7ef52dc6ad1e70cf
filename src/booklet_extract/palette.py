"""One colour per kind of field, shared by the review page's outlines and the debug pages' boxes,
so a reader who learnt one legend can read the other."""

from __future__ import annotations

COLOURS: dict[str, tuple[int, int, int]] = {
    "heading": (220, 20, 60),
    "stats": (255, 140, 0),
    "intro": (30, 100, 220),
    "initiative": (20, 160, 60),
    "quote": (140, 40, 200),
    "attribution": (220, 0, 180),
    "caption": (110, 110, 110),
    "front": (0, 150, 150),
    "flag": (200, 170, 0),
}

KIND_LABELS: dict[str, str] = {
    "heading": "city heading",
    "stats": "stats",
    "intro": "intro",
    "initiative": "initiative",
    "quote": "quote",
    "attribution": "speaker and role",
    "caption": "caption",
    "front": "front matter",
    "flag": "flag (repair or problem)",
}
"""What each colour stands for, in the legends."""

SHORT_LABELS: dict[str, str] = {
    "heading": "head",
    "stats": "stat",
    "intro": "intro",
    "initiative": "init",
    "quote": "quote",
    "attribution": "attr",
    "caption": "capt",
    "front": "front",
    "flag": "flag",
}
"""The label printed on a box in the debug pages (short: it must not hide the page)."""
