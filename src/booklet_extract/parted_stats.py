"""Stats labels and their figures that the text's reading order parted, made entries again.

An extractor that reads a page row by row (pdftotext without its layout mode, say) may
read a sidebar's stats box apart: a label whose figure is read lines before it, or a
figure whose label comes out below an item or on the section's next page; a margin box
may come out as its figures, then its labels. Neither half is then an entry, and both
would be reported as captions. Where a city's section holds lone labels of fields it
lacks, each field once, and as many lone figures left over, the two read in the same
order, and each figure's unit fits its label's field ("US$…" is no area), each pair is
that field's entry again, at the figure's place. Anything less certain (more figures
than labels, a label whose field the city already has, a unit that names another field)
stays as printed and the field is reported missing as before.
"""

from __future__ import annotations

from .blocks import Block, BlockKind, StatData, first_key, fits_field, stat_entry
from .profile import Profile
from .sections import CitySection


def rejoin_parted_stats(sections: list[CitySection], profile: Profile) -> None:
    """Each city's lone labels and lone figures, where they can only pair one way, as entries."""
    for section in sections:
        _rejoin(section, profile)


def _rejoin(section: CitySection, profile: Profile) -> None:
    have = {b.data.key for b in section.blocks if isinstance(b.data, StatData)}
    labels = [(b, key) for b in section.blocks if b.kind is BlockKind.CAPTION
              and (key := first_key(profile.stat_label_alone, b.text)) is not None]
    figures = [b for b in section.blocks if b.kind is BlockKind.CAPTION and profile.stat_figure_alone.match(b.text)]
    keys = [key for _, key in labels]
    if not labels or len(labels) != len(figures) or len(set(keys)) < len(keys) or have.intersection(keys):
        return
    pairs = list(zip(labels, figures, strict=True))
    if not all(fits_field(key, figure.text, profile) for (_, key), figure in pairs):
        return
    joined = {id(figure): Block(BlockKind.STATS, [*figure.lines, *label.lines], [*figure.texts, *label.texts],
                                StatData(key, stat_entry(label.text, figure.text)))
              for (label, key), figure in pairs}
    parted = {id(label) for label, _ in labels}
    for part in (section.leading, section.body):
        part[:] = [joined.get(id(b), b) for b in part if id(b) not in parted]
