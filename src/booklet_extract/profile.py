"""Every pattern and label of the booklet genre, in one place.

Another booklet of the same genre (another award year, another organisation)
should mean editing this table, not the code. Nothing here names the content of
a particular booklet: only the genre's furniture (labels, roles, units).
"""

from __future__ import annotations

import regex as re

# --- characters -----------------------------------------------------------------

OPEN_QUOTES = "‘“'\"«"
CLOSE_QUOTES = "’”'\"»"
APOSTROPHES = "’'‘"

# --- headings -------------------------------------------------------------------

# "1. Ruritania, Strelsau": a number, the country, a comma, the city. The country may
# be wrapped over two lines and the city may sit on the next line.
HEADING_START = re.compile(r"^\s*(?P<number>\d{1,3})\s*[.)]\s+(?P<rest>\p{Lu}.*?)\s*$")
# A name part (country or city): capitalised words, with the small words that occur
# in official names ("Republic of Korea", "Bosnia and Herzegovina").
NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}’'.\-]*|\p{Ll}{1,3}[\-’']?\p{Lu}[\p{L}\p{M}\-]*|[\p{L}]+\-\p{Ll}{1,3})"
NAME_SMALL = (
    r"(?:of|and|the|de|del|la|le|du|da|do|dos|das|el|al|upon|on|am|an|der|den|di|y|et|sur|im|"
    r"van|von|ten|ter|bin|binti|ibn|bint|zu)"
)
# A parenthesised qualifier inside an official name: "Iran (Islamic Republic of)".
NAME_QUALIFIER = re.compile(r"\s*\([\p{L}\p{M}’'.,\- ]{1,40}\)")
NAME = re.compile(rf"^(?:{NAME_WORD}|{NAME_SMALL})(?:[\s\-]+(?:{NAME_WORD}|{NAME_SMALL}))*$")
MAX_NAME_WORDS = 8

# --- front matter ---------------------------------------------------------------

# Labels printed on front-matter pages that are furniture, not content.
FRONT_LABELS = re.compile(
    r"^(?:introduction|foreword|preface|contents|table of contents|acknowledgements?|"
    r"message from the director|map|the cities|award(?:-winning)? cities)$",
    re.IGNORECASE,
)
# Titles of signatories and speakers; the word after "Name, " must start with one.
ROLE_WORDS = (
    # up to two qualifying words before the title: "Deputy", "Assistant", "Metropolitan Chief"
    r"(?:\p{Lu}[\p{L}\-]+[ -]){0,2}"
    r"(?:Mayor|Governor|President|Director(?:-General)?|Chair(?:man|woman|person)?|Minister|"
    r"Head|Prefect|Secretary|Commissioner|Executive|Chief|Councillor|Councilor|Premier|"
    r"Leader|Rector|Dean|Manager|Coordinator|Officer|Superintendent|Magistrate|"
    r"Burgomaster|Mayoress|Intendant|Intendente|Alcalde|Alcaldesa|Presidente|Bürgermeister|"
    r"Oberbürgermeister|Administrator|Representative|Ambassador|Senator|Member)"
)
# "Name, Role of Place": an attribution or signature line.
ATTRIBUTION = re.compile(
    rf"^\s*(?:[-–—]\s*)?(?P<name>[\p{{Lu}}][\p{{L}}\p{{M}}’'.\- ]{{1,60}}?),\s+(?P<role>{ROLE_WORDS}\b.{{0,120}}?)\s*$"
)
# The same set on two lines: "Name" / "Role of Place".
ATTRIBUTION_NAME = re.compile(r"^\s*(?:[-–—]\s*)?(?P<name>[\p{Lu}][\p{L}\p{M}’'.\- ]{1,60}?)\s*$")
ROLE_LINE = re.compile(rf"^\s*(?P<role>{ROLE_WORDS}\b.{{0,120}}?)\s*$")
# A lead-in that closes an intro paragraph: "... Initiatives include:".
LEAD_IN_END = re.compile(r":\s*$")

# --- stats box --------------------------------------------------------------------

_NUMBER = r"\d[\d,.\u2009 ]*\d|\d"
_SCALE = r"(?:million|billion|thousand|bn|m)\b"
_CURRENCY = r"(?:US\s?\$|USD|US\s?dollars|\$|€|EUR)"
STAT_FIGURE = (
    rf"(?P<figure>{_CURRENCY}?\s?(?:{_NUMBER})(?:\s?{_SCALE})?"
    rf"(?:\s?(?:km2|km²|sq\.?\s?km|square kilomet(?:re|er)s)|\s{_CURRENCY})?)"
)
# The year may follow the figure, "1,200 (2016)", or the label, "Population (2016): 1,200".
STAT_YEAR = r"(?:\s*\((?P<year>(?:1[89]|20)\d{2})\))?"
STAT_LABEL_YEAR = r"(?:\s*\((?P<label_year>(?:1[89]|20)\d{2})\))?"
STAT_LABELS: dict[str, str] = {
    "population": r"(?:City\s+|Urban\s+|Metropolitan\s+|Total\s+)?population",
    "area_km2": r"(?:City\s*/\s*urban\s+|City\s+|Urban\s+|Metropolitan\s+|Land\s+|Total\s+)?(?:area|surface)",
    "gdp_usd": r"(?:Annual\s+)?GDP(?:\s+per\s+capita)?",
}
STAT_LINE = {
    key: re.compile(rf"^\s*{label}{STAT_LABEL_YEAR}\s*:\s*{STAT_FIGURE}{STAT_YEAR}\s*$", re.IGNORECASE)
    for key, label in STAT_LABELS.items()
}
# A stats label whose value is missing or unparseable still marks the line as stats.
STAT_LABEL_ONLY = re.compile(
    rf"^\s*(?:{'|'.join(STAT_LABELS.values())}){STAT_LABEL_YEAR}\s*:", re.IGNORECASE
)
# Thousands separators must group by three; anything else is malformed.
WELL_FORMED_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
SCALES = {"thousand": 1_000, "million": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000}

# --- noise --------------------------------------------------------------------------

PAGE_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[ivxlc]{1,6})\s*$", re.IGNORECASE)
# Map labels join a place and its country with a separator: "Place I Country".
MAP_LABEL_SEPARATOR = re.compile(r"\s+[I|•·]\s+")

# --- captions and initiatives -------------------------------------------------------

CAPTION_MAX_CHARS = 90
CAPTION_MAX_LINES = 2
SENTENCE_END = re.compile(r"[.!?;:,][’”'\"»)]?\s*$")
# Words that may open an initiative before the programme's name: "The ‘Learn Together’ programme".
NAME_LEAD = re.compile(r"^(?:The|Its|Their|A|An|Our)\s+", re.IGNORECASE)
NAME_SMALL_WORDS = {"of", "for", "and", "the", "in", "on", "to", "el", "la", "de", "del", "con", "til", "des", "da"}

# --- repairs ------------------------------------------------------------------------

# Letter pairs a font draws as one ligature glyph; text extraction may leave a gap after them.
LIGATURE_ENDINGS = ("ffi", "ffl", "ff", "fi", "fl")
# wordfreq language and the Zipf frequency from which a joined form counts as a word.
LANGUAGE = "en"
MIN_WORD_ZIPF = 2.5
# Word endings that never stand alone after a line-end hyphen: "citizen-" / "ship".
SUFFIX_TAILS = frozenset((
    "ship", "ships", "ness", "ment", "ments", "tion", "tions", "sion", "sions", "ful", "ity",
    "ities", "ism", "ist", "ists", "ing", "ings", "ed", "er", "ers", "est", "ly", "able", "ible",
    "ance", "ence", "ive", "ous", "ize", "ise", "ized", "ised", "al", "ally", "ure", "ures",
))
# Both halves this frequent: a real two-word phrase or compound, not a broken word.
COMMON_WORD_ZIPF = 3.0
