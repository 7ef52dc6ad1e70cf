"""Character-level normalisation shared by every source.

Only glyph-level noise is normalised here: ligature glyphs (U+FB00..U+FB06) are
expanded, exotic spaces become plain spaces, and an unmapped glyph (NUL) becomes
U+FFFD. Full NFKC is deliberately not
applied, because it would also rewrite meaningful characters such as the
superscript in "km²". These changes need no flag: the text reads the same.
"""

from __future__ import annotations

import re
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
# A glyph the PDF's font cannot map reaches some extractors as NUL: it is shown as
# Unicode's replacement character, visibly unread, and names may hold it.
_UNREADABLE = {"\x00": "\ufffd"}
_TABLE = str.maketrans({**_LIGATURES, **_SPACES, **_HYPHENS, **_DROP, **_UNREADABLE})


def normalize_glyphs(text: str) -> str:
    """Expand ligature glyphs and unify spaces.

    >>> normalize_glyphs("ﬁnancial\u00a0aid")
    'financial aid'
    >>> normalize_glyphs("12 km²"), normalize_glyphs("Hu\\x00") == "Hu\\ufffd"
    ('12 km²', True)
    """
    return text.translate(_TABLE)


# A bullet whose glyph the extractor could not name: a control character (pypdf
# gives U+007F; PyMuPDF and pypdf U+0000 for a glyph with no Unicode, which others
# give as U+FFFD; PyMuPDF a dingbat font's code below 32 as it stands, U+0013 for a
# check mark), a private-use code point (a symbol font's) or pdfminer's "(cid:127)",
# set before the text, or alone on its line (a hanging bullet, its text on the next
# line). A lost letter opening a word has the word's letters after it. (Tab, line
# feed, form feed and the like are the text's own spacing, never a glyph.)
_SYMBOL_GLYPH = r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ue000-\uf8ff]|\(cid:\d+\)"
_UNNAMED_BULLET = re.compile(rf"^(\s*)(?:{_SYMBOL_GLYPH}|\ufffd)(?=\s|$)")
# The same glyph touching the item's first word when the bullet is set close to its
# text ("(cid:127)Adult ...", pypdf's "\x7fThe ..."), where what follows opens an item
# (`_opens_an_item`; an unnamed glyph inside a word, a ligature, has lowercase letters
# after it). Not U+FFFD: a lost opening quotation mark is given so too.
_UNNAMED_BULLET_TOUCHING = re.compile(rf"^(\s*)(?:{_SYMBOL_GLYPH})(?=\S)")


def _opens_an_item(char: str) -> bool:
    """Does an item's text open with `char` after its bullet: a capital, an opening
    quotation mark or a figure ("2,000 volunteers ...")?"""
    return char.isupper() or char.isdigit() or char in "‘“'\""


def name_bullet(line: str) -> str:
    """A line's unnamed bullet glyph as "•".

    >>> name_bullet("(cid:127) A library on wheels"), name_bullet("\x7f Item"), name_bullet("\x7f")
    ('• A library on wheels', '• Item', '•')
    >>> name_bullet("\x13 A library on wheels"), name_bullet("Ab\x13c")
    ('• A library on wheels', 'Ab\\x13c')
    >>> name_bullet("(cid:127)Adult classes"), name_bullet("\x7fThe club"), name_bullet("(cid:12)nancial aid")
    ('• Adult classes', '• The club', '(cid:12)nancial aid')
    >>> name_bullet("\ufffdWe learn.")
    '\ufffdWe learn.'
    """
    line = _UNNAMED_BULLET.sub(r"\1•", line)
    touching = _UNNAMED_BULLET_TOUCHING.match(line)
    if touching is not None and _opens_an_item(line[touching.end()]):
        return f"{touching.group(1)}• {line[touching.end():]}"
    return line


# pdfminer gives a ZapfDingbats bullet as the letter of its code: "l" for ●, "n" for ■,
# "u" for ◆, "q" for ❑ and so on, set before the item's text ("n The city's network").
_DINGBAT_BULLET = re.compile(r"^(\s*)([l-v])\s+(?=\S)")
# A letter is taken for a bullet only when it opens this many lines of the text.
_DINGBAT_MIN_LINES = 2


def _dingbat_at(text: str) -> re.Match[str] | None:
    """A lone letter l..v opening `text` before a capital, an opening quotation mark or a
    figure (an item may open with one: "n 2,000 volunteers ...")."""
    m = _DINGBAT_BULLET.match(text)
    return m if m is not None and _opens_an_item(text[m.end()]) else None


def dingbat_bullets(texts: list[str]) -> frozenset[str]:
    """The letters that stand for a symbol font's bullet in this text: each opens, alone
    and before a capital or a figure, at least two lines (an English line never opens so).

    >>> sorted(dingbat_bullets(["n The network of libraries", "n A festival", "v Not twice"]))
    ['n']
    """
    counts: dict[str, int] = {}
    for text in texts:
        if (m := _dingbat_at(text)) is not None:
            counts[m.group(2)] = counts.get(m.group(2), 0) + 1
    return frozenset(letter for letter, n in counts.items() if n >= _DINGBAT_MIN_LINES)


def name_dingbat_bullet(text: str, letters: frozenset[str]) -> str:
    """A line's symbol-font bullet letter as "•".

    >>> name_dingbat_bullet("n The network", frozenset("n")), name_dingbat_bullet("n The", frozenset())
    ('• The network', 'n The')
    """
    m = _dingbat_at(text)
    if m is None or m.group(2) not in letters:
        return text
    return f"{m.group(1)}•{text[m.end(2):]}"
