"""A stats label and its figure that the text's reading order parted, made one entry again.

An extractor that reads a page row by row (pdftotext without its layout mode, say) may
read a sidebar's stats box apart: a label whose figure is read lines before it, or a
figure whose label comes out below an item or on the section's next page. Neither half
is then an entry, and both would be reported as captions. Where a city lacks a field,
its section holds exactly one lone label of that field and exactly one lone figure left
over, and the figure's unit names no other field ("US$…" is no area), the two are that
field's entry again, at the figure's place. Anything less certain (two lone figures, a
label whose field the city already has) stays as printed and the field is reported
missing as before.
"""

from __future__ import annotations

from .blocks import Block, BlockKind, StatData, first_key, fits_field, stat_entry
from .profile import Profile
from .sections import CitySection


def rejoin_parted_stats(sections: list[CitySection], profile: Profile) -> None:
    """Each city's lone label and lone figure, when they can only be one entry, as that entry."""
    for section in sections:
        _rejoin(section, profile)


def _rejoin(section: CitySection, profile: Profile) -> None:
    have = {b.data.key for b in section.blocks if isinstance(b.data, StatData)}
    labels = [(b, key) for b in section.blocks if b.kind is BlockKind.CAPTION
              and (key := first_key(profile.stat_label_alone, b.text)) is not None]
    figures = [b for b in section.blocks if b.kind is BlockKind.CAPTION and profile.stat_figure_alone.match(b.text)]
    if len(labels) != 1 or len(figures) != 1:
        return
    (label, key), figure = labels[0], figures[0]
    if key in have or not fits_field(key, figure.text, profile):
        return
    joined = Block(BlockKind.STATS, [*figure.lines, *label.lines], [*figure.texts, *label.texts], StatData(key, stat_entry(label.text, figure.text)))
    for part in (section.leading, section.body):
        part[:] = [joined if b is figure else b for b in part if b is not label]
