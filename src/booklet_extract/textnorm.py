"""Character-level normalisation shared by every source.

Only glyph-level noise is normalised here: ligature glyphs (U+FB00..U+FB06) are
expanded and exotic spaces become plain spaces. Full NFKC is deliberately not
applied, because it would also rewrite meaningful characters such as the
superscript in "km²". These changes need no flag: the text reads the same.
"""

from __future__ import annotations

import unicodedata

_LIGATURES = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}
_SPACES = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u2002": " ",
    "\u2003": " ",
    "\t": " ",
}
_HYPHENS = {"\u2010": "-", "\u2011": "-"}  # Unicode hyphen, non-breaking hyphen
_DROP = {"\u200b": "", "\ufeff": "", "\u00ad": ""}  # zero-width space, BOM, soft hyphen
_TABLE = str.maketrans({**_LIGATURES, **_SPACES, **_HYPHENS, **_DROP})


def normalize_glyphs(text: str) -> str:
    """Expand ligature glyphs and unify spaces.

    >>> normalize_glyphs("ﬁnancial\u00a0aid")
    'financial aid'
    >>> normalize_glyphs("12 km²")
    '12 km²'
    """
    return text.translate(_TABLE)
