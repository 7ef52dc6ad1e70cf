"""The genre's patterns and the language's data, as two frozen objects.

A `Profile` holds what makes a booklet of this genre (headings "N. Country,
City", stats labels, roles, lead-ins, noise); a `Language` holds what the
repairs need to know about the words (word list, thresholds, ligatures). Stages
receive them as arguments and read nothing else, so another booklet of the genre
means another `Profile`, and another language another `Language`, never a code
change. Nothing here names the content of a particular booklet: only the
genre's furniture (labels, roles, units).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from .patterns import Pattern, lazy

# --- building blocks of the patterns below -------------------------------------------

# A name part (country or city): capitalised words, with the small words that occur
# in official names ("Republic of Syldavia", "Ruritania and Borduria").
# A name's word: capitalised; after a small lowercase prefix ("al-Zenda", "d’Alpha"); with a
# small lowercase suffix ("Zenda-gu"); or after an elided Dutch article ("’s-Alphenbosch").
_NAME_WORD = (r"(?:\p{Lu}[\p{L}\p{M}’'.\-\ufffd]*|\p{Ll}{1,3}[\-’']?\p{Lu}[\p{L}\p{M}\-]*|[\p{L}]+\-\p{Ll}{1,3}"
              r"|[’'][sS]-\p{Lu}[\p{L}\p{M}\-]*)")
_NAME_SMALL = (
    r"(?:of|and|the|de|del|la|le|les|los|las|du|da|do|dos|das|el|es|al|upon|on|am|an|aan|op|der|den|di|"
    r"y|et|sur|sul|im|van|von|ten|ter|bin|binti|ibn|bint|zu)"
)
# Titles of signatories and speakers; the word after "Name, " must start with one.
_ROLE_WORDS = (
    # up to two qualifying words before the title: "Deputy", "Assistant", "Metropolitan Chief"
    r"(?:\p{Lu}[\p{L}\-]+[ -]){0,2}"
    r"(?:Mayor|Governor|President|Director(?:-General)?|Chair(?:man|woman|person)?|Minister|"
    r"Head|Prefect|Secretary|Commissioner|Executive|Chief|Councillor|Councilor|Premier|"
    r"Leader|Rector|Dean|Manager|Coordinator|Officer|Superintendent|Magistrate|"
    r"Burgomaster|Mayoress|Intendant|Intendente|Alcalde|Alcaldesa|Presidente|Bürgermeister|"
    r"Oberbürgermeister|Administrator|Representative|Ambassador|Senator|Member|Provost|Maire|"
    r"Sindaco|Sindaca|Prefeito|Prefeita|Presidenta|Gobernador|Gobernadora|Borgmester|Burgemeester)"
)
# Bullet symbols a list may be set with (never a dash: it may open a word; never "*" or "·",
# which open footnotes and stray glyphs).
BULLETS = "•▪●◦■►▶▸➢➤✓✔◆◇‣⁃"
# A list's marker as it hangs alone: a number with its dot or bracket, or a bullet (no dash:
# a dash alone may be prose's).
LIST_MARK = rf"\(?\d{{1,2}}[.)]|[{BULLETS}]"
# An item's letter or small roman numeral, as "a)", "(b)", "c.", "iv." print it: lowercase only
# ("I." may open a heading or a name), with its bracket or dot; as an item's marker, only before
# a capital or a quotation mark ("p. 12", "c. 1900", "v. the state" are abbreviations).
ITEM_LETTER = r"\(?(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)[.)]"
# A number under a word that names what the list counts ("Initiative 2:", "PROJECT 3 –"):
# another way to mark an item. Only these words, as printed at a line's start or in capitals:
# a caption's "Figure 2:" or a prose line's "Phase 2: ..." is no item.
_ITEM_LABEL_WORDS = ("Initiative", "Project", "Programme", "Program", "Action", "Activity", "Practice")
ITEM_LABEL = r"(?:" + "|".join(w for word in _ITEM_LABEL_WORDS for w in (word, word.upper())) + r")\s+\d{1,2}"
_NUMBER = r"\d(?:[\d.\u2009 ]|,(?=\d))*\d|\d"  # a comma groups digits only when a digit follows it
_SCALE = r"(?:million|billion|thousand|bn|m)\b"
# Square kilometres; an extractor may set the superscript two apart ("km 2").
_KM2 = r"km\s?2\b|km²"
# Currencies other than the US dollar a booklet may print a GDP in: read as a GDP's
# figure, never taken for dollars (`Profile.other_currency`).
_OTHER_CURRENCY = r"(?:€|£|¥|₹|₩|\b(?:EUR|GBP|JPY|CNY|RMB|INR|KRW|CHF)\b|euros?\b)"
_CURRENCY = rf"(?:US\s?\$|USD|US\s?dollars|\$|{_OTHER_CURRENCY})"
# Verbs that say who spoke a quotation ("says Ann Ek", "Ann Ek, Mayor of Alpha, said").
_SPEECH_VERBS = r"(?:says|said|adds|added|explains|explained|notes|noted|concludes|concluded|states|stated)"
# What a figure may say after its number: whom a population counts, what a GDP is per.
_PEOPLE = r"inhabitants|residents|people|persons"
_PER = rf"(?:\s+(?:{_PEOPLE}|per\s+(?:capita|head|inhabitant|person|resident)))?"
# A figure given as an estimate: "approx. 74,737", "about 1.2 million", "c. 380 km2".
_APPROX = r"(?:(?:approx(?:imately|\.)?|about|around|circa|ca\.|c\.|some|over|nearly|almost|~)\s*)?"
_FIGURE = (
    rf"(?P<figure>{_APPROX}{_CURRENCY}?\s?(?:{_NUMBER})(?:\s?{_SCALE})?"
    rf"(?:\s?(?:{_KM2}|sq\.?\s?km|square kilomet(?:re|er)s)|\s{_CURRENCY})?{_PER})"
)
# What may close around a line's final punctuation: a quotation mark or bracket.
_AFTER_END = r"[’”'\")\]]?\s*$"
# Thousands grouped by dots, two groups or more: "2.448.723".
_DOT_THOUSANDS = r"\d{1,3}(?:\.\d{3}){2,}"
# A figure as a table's cell holds it, its year after it.
_FIGURE_TOKEN = (rf"{_APPROX}{_CURRENCY}?\s?\d[\d,.]*(?:\s?{_SCALE})?(?:\s?(?:{_KM2}|sq\.?\s?km|square\s+kilomet(?:re|er)s))?"
                 rf"(?:\s{_CURRENCY}(?!\s?\d))?{_PER}(?:\s*\((?:1[89]|20)\d{{2}}\))?")
# A stat printed as not available: "n/a", "n.a.", "not available", a dash.
_NOT_AVAILABLE = r"n\.?\s?/?\s?a\.?|not\s+available|unavailable|none|unknown|[–—-]+"
# Between label and figure: a colon, a dash, a table's bar ("Population | 1,200"), or only
# space ("City population 1,200"; not "Population 2016", a label with its year, the figure
# on another line).
_STAT_SEPARATOR = r"(?:\s*[:–—|-]\s*|\s+(?!(?:1[89]|20)\d{2}\s*$))"
# The year may follow the figure, "1,200 (2016)", "1,200 [2016]", "1,200 (2016 est.)",
# "1,200, 2016", or the label, "Population (2016): 1,200".
_YEAR = (r"(?:\s*[(\[](?:est(?:\.|imated?)?\s*)?(?P<year>(?:1[89]|20)\d{2})(?:\s*est(?:\.|imated?)?)?[)\]]"
         r"|,\s*(?P<year>(?:1[89]|20)\d{2}))?")
# The label's year, bracketed or bare before the separator: "Population (2016): 1,200",
# "Population 2016: 1,200", "Population in 2016: 1,200", with a word in its brackets
# ("(2016 census)", "(USD, 2014)"); bare and with no separator, "Population 2016" is a
# label and its year, the figure elsewhere (`_STAT_SEPARATOR`).
_LABEL_YEAR = (r"(?:\s*\((?:[\p{L}$.]+,?\s+)?(?P<label_year>(?:1[89]|20)\d{2})(?:,?\s+[\p{L}.]+)?\)"
               r"|\s+(?:in\s+)?(?P<label_year>(?:1[89]|20)\d{2})(?=\s*[:–—-]))?")
# A label may carry a qualifier in brackets, not a year: "Population (city)", "Area (km2)",
# "GDP (per capita)".
_LABEL_QUALIFIER = r"(?:\s*\((?:[\p{L}$€²/.,]|km2|\s)+\))?"
# A footnote's mark after a label or a figure: "Population*: 1,200", "1,200¹" (the note
# itself, "* 2016 census", is `Profile.stat_note_mark`).
_NOTE_MARK = r"(?:\s?[*†‡]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})?"
_STAT_LABELS: dict[str, str] = {
    "population": (r"(?:(?:City|Urban|Metropolitan|Metro|Municipal|Total|Resident)\s+)?population(?:\s+size)?"
                   r"(?:\s+of\s+the\s+(?:city|municipality))?|(?:Number\s+of\s+)?(?:inhabitants|residents)"),
    "area_km2": r"(?:City\s*/\s*urban\s+|(?:City|Urban|Metropolitan|Municipal|Land|Total|Surface)\s+)?(?:area|surface)",
    "gdp_usd": (r"(?:Annual\s+)?(?:Per\s+(?:capita|head)\s+)?(?:GDP|Gross\s+domestic\s+product)(?:\s*\(PPP\))?"
                r"(?:\s+per\s+(?:capita|head|inhabitant|person|resident)|\s*/\s*(?:capita|head|inhabitant|person))?"
                r"(?:,\s*PPP)?"),
}
_STAT_LABELS = {key: f"(?:{label}){_LABEL_QUALIFIER}" for key, label in _STAT_LABELS.items()}
# The label a stats box names its city by ("City: Strelsau", "Town: Klow").
_CITY_LABEL = r"(?:City\s+name|City|Town|Municipality)"  # the longer label first: a cell's match stops at its end


def _compiled(pattern: str, flags: int = 0) -> Pattern:
    """Compiled at first use (`patterns.lazy`): a run needs only some of the genre's patterns."""
    return lazy(pattern, flags)


@dataclass(frozen=True)
class Language:
    """What the repairs know about the booklet's language: its word list and thresholds."""

    # wordfreq language code, and the Zipf frequency from which a joined form counts as a word.
    code: str = "en"
    min_word_zipf: float = 2.5
    # Both halves this frequent: a real two-word phrase or compound, not a broken word.
    common_word_zipf: float = 3.0
    # Word endings that never stand alone after a line-end hyphen: "citizen-" / "ship".
    # The ending that turns a singular into its plural: a word broken at a line end whose
    # other number the booklet prints closed is joined ("man-" / "groves", "Mangrove").
    plural_ending: str = "s"
    suffix_tails: frozenset[str] = frozenset((
        "ship", "ships", "ness", "ment", "ments", "tion", "tions", "sion", "sions", "ful", "ity",
        "ities", "ism", "ist", "ists", "ing", "ings", "ed", "er", "ers", "est", "ly", "able", "ible",
        "ance", "ence", "ive", "ous", "ize", "ise", "ized", "ised", "al", "ally", "ure", "ures",
        "let", "lets",  # "book-" / "let", "leaf-" / "lets": the diminutive, written closed
    ))
    # A joined form this frequent is the word itself, even when both halves are common
    # words ("class-" / "room", "every-" / "day"); hyphenated compounds are rarer joined
    # ("highrise" 2.3, "onboard" 3.6, "wellbeing" 3.5).
    closed_compound_zipf: float = 4.0
    # Prefixes written closed before a lowercase word ("un-" / "employed", "up-" / "grades"):
    # a line-end hyphen after one is the typesetter's whenever the joined form is a word
    # ("out-" / "of" stays: "outof" is none).
    # A prefix ending in the vowel its tail opens with keeps its hyphen ("re-" / "establish",
    # "co-" / "operate"): see `repairs._hyphen_action`.
    closed_prefixes: frozenset[str] = frozenset(("un", "dis", "mis", "up", "out", "over", "under", "down", "re"))
    # First halves that usually join a word with a real hyphen ("socio-economic",
    # "self-help"): before a whole word the hyphen at a line end is kept.
    compound_heads: frozenset[str] = frozenset((
        "self", "socio", "non", "well", "cross", "multi", "ex", "anti", "semi", "pan", "post", "pre",
        "all", "half", "low", "high", "long", "short", "full", "part", "cost", "world",
    ))
    # Words a hyphen is suspended before inside a line ("pre- and post-war", a German
    # title's "Innen- und Außenwinkel"): no word broken there by columns run together.
    suspended_before: frozenset[str] = frozenset(("and", "or", "nor", "to", "und", "oder", "bis", "et", "ou"))
    # Words before the last name of an enumeration ("Strelsau, Klow and Zenda").
    enumeration_joins: frozenset[str] = frozenset(("and", "&"))
    # Letter pairs a font draws as one ligature glyph; extraction may leave a gap after them.
    ligature_endings: tuple[str, ...] = ("ffi", "ffl", "ff", "fi", "fl")
    # Words no sentence, caption or line of prose ends with: articles, conjunctions,
    # possessives and prepositions. Text that stops on one goes on ("... a school in" /
    # "Zenda"); a capital after one opens a name ("during Zenda Week"), not a caption.
    run_on_words: frozenset[str] = frozenset((
        "the", "of", "and", "a", "an", "to", "in", "for", "with", "on", "at", "by", "from", "or", "as",
        "that", "its", "their", "our", "during", "near", "into", "across", "through", "around", "about",
        "after", "before", "between", "among", "along", "beside", "inside", "outside", "towards",
        "toward", "within", "without", "behind", "beyond", "under", "upon", "via",
        "than", "whose", "because",
    ))
    # Articles, of the run-on words: one may open a caption ("A reading class in the old
    # town"), so in captions in capitals read across it may open the second
    # (`joined_captions._seams_in_capitals`).
    articles: frozenset[str] = frozenset(("a", "an", "the"))
    # Words that join the parts of a name ("Rue de la Paix", "Rudolf von Zenda"): a
    # capital after one goes on the same name.
    name_particles: frozenset[str] = frozenset((
        "de", "la", "le", "les", "del", "della", "des", "du", "el", "los", "las", "da", "do", "dos", "das",
        "di", "y", "e", "et", "und", "van", "von", "der", "den", "al",
    ))

    # Nouns that end a place's or an institution's name ("Zenda Castle", "Old Mill
    # Library"): a capital on one of them after a capitalised word goes on the name ("in
    # Zenda Park in spring"), where another common word opens a new caption ("in Zenda
    # Pupils at work"; see `joined_captions`).
    name_heads: frozenset[str] = frozenset((
        "park", "square", "street", "road", "avenue", "lane", "way", "gate", "bridge", "river", "lake",
        "bay", "beach", "coast", "island", "islands", "hill", "hills", "mountain", "mountains", "valley",
        "port", "harbour", "harbor", "quay", "station", "airport", "castle", "palace", "tower", "cathedral",
        "church", "temple", "mosque", "abbey", "hall", "house", "centre", "center", "library", "museum",
        "gallery", "theatre", "theater", "stadium", "arena", "zoo", "market", "college", "university",
        "school", "academy", "institute", "hospital", "garden", "gardens", "forest", "festival", "fair",
        "week", "day", "days", "prize", "award", "awards", "programme", "program", "project", "network",
        "city", "town", "village", "district", "province", "region", "county", "state", "council",
        "ministry", "foundation", "society", "club", "association", "trust", "fund", "campus", "plaza",
        "field", "fields", "heights", "point", "north", "south", "east", "west",
    ))

    # Endings of a noun's possessive ("Mayor's"). After one of the run-on words ("at
    # the Mayor's") the possessive owns a noun still to come ("Garden"); after a
    # name ("Port Ann's") it may end a place's name, and says nothing.
    possessive_endings: tuple[str, ...] = ("'s", "’s")

    def name_head_alone(self, text_above: str, text: str) -> bool:
        """Is `text` one word that ends names (`name_heads`: "College") under a line ending
        on a capitalised word ("Graduation at Zenda" / "College")? No caption or paragraph
        is that word alone: the name wrapped onto the line."""
        words, above = text.split(), text_above.split()
        return len(words) == 1 and bool(above) and above[-1][:1].isupper() \
            and words[0].strip(".,;:").casefold() in self.name_heads

    def stops_on_run_on_word(self, text: str) -> bool:
        """Does the text stop on a word no sentence ends with ("in", "the", "and"), or on a
        possessive after one ("at the Mayor's")?"""
        words = text.split()
        return bool(words) and (words[-1].casefold() in self.run_on_words or (
            len(words) > 1 and words[-1].endswith(self.possessive_endings) and words[-2].casefold() in self.run_on_words))


@dataclass(frozen=True)
class Profile:
    """Every pattern and label of the booklet genre, compiled once."""

    # --- characters
    open_quotes: str = "‘“'\"«"
    # Symbols that mark a list's items (never a dash, which also joins words).
    bullets: str = BULLETS
    close_quotes: str = "’”'\"»"
    # Marks that may close what each family's marks open (extractors mix curly and straight).
    quote_families: tuple[str, ...] = ("‘’'", "“”\"", "«»")

    # --- headings: "1. Ruritania, Strelsau"; the country may wrap, the city sit on the next line.
    # The number may stand before a dash, a bar or a colon: "1 – Ruritania, Strelsau".
    heading_start: Pattern = field(default=_compiled(
        r"^\s*(?P<number>\d{1,3})\s*(?:[.):]|\s[–—|·•-])?\s+(?P<rest>(?:\p{Lu}|[’'][sS]-\p{Lu}).*?)\s*$"))
    # How a place's name opens: a capital, or an elided Dutch article before one ("’s-Alphen").
    name_start: Pattern = field(default=_compiled(r"\p{Lu}|[’'][sS]-\p{Lu}"))
    # A heading's number set alone on the line above its place.
    heading_number_alone: Pattern = field(default=_compiled(r"^\s*(?P<number>\d{1,3})\s*[.)]?\s*$"))
    # A dash between country and city: "Ruritania – Strelsau" (a hyphen inside a name has no spaces).
    place_dash: Pattern = field(default=_compiled(r"\s+[–—-]\s+"))
    name: Pattern = field(default=_compiled(
        rf"^(?:{_NAME_WORD}|{_NAME_SMALL})(?:[\s\-]+(?:{_NAME_WORD}|{_NAME_SMALL}))*$"))
    # What a heading may print before a city's own name ("City of Klow"): its text names
    # it without, and the name so printed is the city, whichever order the heading keeps.
    city_prefix: Pattern = field(default=_compiled(
        r"^(?:the\s+)?(?:city|town|municipality|borough|metropolitan\s+city)\s+of\s+(?=(?-i:\p{Lu}))", re.IGNORECASE))
    # A template's label before every city's heading ("Laureate: Strelsau, Ruritania",
    # "Award winner 2031: Strelsau (Ruritania)"): furniture, left out only where the same
    # label opens two places or more (`headings.heading_labels_removed`).
    heading_label: Pattern = field(default=_compiled(
        r"^\s*(?P<label>[^:]{0,60}?\b(?:laureate|awardee|winner|recipient|honou?ree|award|prize|case\s+study"
        r"|spotlight|featured\s+city|profile|portrait)s?\b[^:]{0,30}?)\s*:\s+(?P<rest>\S.*?)\s*$", re.IGNORECASE))
    # A parenthesised qualifier inside an official name: "Syldavia (Federal Republic of)".
    name_qualifier: Pattern = field(default=_compiled(r"\s*\([\p{L}\p{M}’'.,\- ]{1,40}\)"))
    max_name_words: int = 8

    # A list of the cities in the front matter may number or bullet its entries or give each
    # its page, as a table of contents does: "3. Ruritania, Zenda", "12  Ruritania, Zenda",
    # "• Ruritania, Zenda", "Ruritania, Zenda ........ 12", "Ruritania, Zenda … 12".
    listed_number: Pattern = field(default=_compiled(r"^\s*\d{1,3}(?:[.)]\s+|\s{2,}|\t)"))
    listed_bullet: Pattern = field(default=_compiled(rf"^\s*[{BULLETS}–]\s*"))
    listed_page: Pattern = field(default=_compiled(r"(?:\s*(?:\.\s?){2,}|\s*…+|\s{2,}|\t)\s*\d{1,3}\s*$"))

    # --- front matter: labels printed on its pages that are furniture, not content.
    front_labels: Pattern = field(default=_compiled(
        r"^(?:introduction|foreword|preface|contents|table of contents|acknowledge?ments?|"
        r"(?:a\s+)?(?:message|foreword|preface)\s+(?:from|by)\s+(?:the\s+)?\p{L}+(?:[\s-]\p{L}+){0,3}|map"
        r"|about\s+this\s+(?:booklet|publication|edition|issue|report)|about\s+(?:the\s+|this\s+|our\s+)?(?:\p{L}+\s+){0,3}"
        r"(?:network|institute|award|prize|programme|program|organi[sz]ation|jury|partners|authors|unesco|gnlc|uil)"
        r"(?:\s+(?:of|for)(?:\s+\p{L}+){1,4})?"
        r"|contacts?|imprint|photo\s+credits"
        r"|(?:the|our|this\s+year['’]s)\s+(?:(?:19|20)\d{2}\s+)?(?:(?:winning|awarded|award-winning|prize-winning|honoured)\s+)?"
        r"(?:cities|laureates|winners)|(?:the\s+)?award(?:-winning)? cities)$", re.IGNORECASE))
    # A label over the front matter's list that is one word ("Laureates"): before the first
    # city only (elsewhere a word alone on its line may be a wrapped name's, "Healthy" /
    # "Cities").
    front_list_label: Pattern = field(default=_compiled(r"^\s*(?:laureates|winners|award\s+winners)\s*:?\s*$", re.IGNORECASE))
    # An entry of a table of contents that names no city: a title, leader dots, a page
    # ("Message from the Chair ........ 2"); furniture.
    contents_entry: Pattern = field(default=_compiled(r"^\s*\S.{0,80}?\s*(?:\.\s?){3,}\s*\d{1,3}\s*$"))

    # Labels a designer's template sets over a city's parts ("Key initiatives", "At a
    # glance", "Mayor’s message"): no field's text. Two words at least, the first
    # capitalised, alone on the line: a lone word ("programmes") may be a wrapped line's
    # last, and a label ending in a colon leads into a list as an intro's last line does.
    # One word alone, capitalised, a colon after it or not, names a city's part only
    # where it is a word no sentence wraps on alone ("Highlights", "Background"; other
    # words over a list's first item: `recognisers.section_label`).
    section_labels: Pattern = field(default=_compiled(
        r"^\s*(?-i:(?=\p{Lu}))(?:(?:highlights|background|overview)\s*:?|(?:key|main|major|selected|our)\s+(?:initiatives|projects|programmes|programs"
        r"|achievements)|(?:the\s+)?mayor['’]s\s+(?:message|words|quote)|(?:a\s+)?message\s+from\s+the\s+mayor"
        r"|at\s+a\s+glance|facts\s+and\s+figures|key\s+(?:facts|figures|data)|in\s+(?:numbers|figures|brief)"
        r"|city\s+profile|in\s+(?:their|his|her)\s+(?:own\s+)?words)\s*$",
        re.IGNORECASE))

    # --- attributions: "Name, Role of Place" (or "Name – Role", "Name (Role)"), or "Name" /
    # "Role of Place" on two lines.
    attribution: Pattern = field(default=_compiled(
        rf"^\s*(?:[-–—]\s*)?(?P<name>[\p{{Lu}}][\p{{L}}\p{{M}}’'.\-\ufffd ]{{1,60}}?)"
        rf"(?:,\s+(?P<role>{_ROLE_WORDS}\b.{{0,120}}?)|\s+[–—-]\s+(?P<role>{_ROLE_WORDS}\b.{{0,120}}?)"
        rf"|\s*\((?P<role>{_ROLE_WORDS}\b[^()]{{0,120}}?)\))\s*$"))
    # A speech verb around an attribution: "says Ann Ek, Mayor of Alpha." under (or on the
    # last line of) its quote, "Ann Ek, Mayor of Alpha, says:" over it. No part of the name
    # or the role: the verb, and the full stop or colon its clause ends on, are left out.
    speech_verb_before: Pattern = field(default=_compiled(
        rf"^\s*(?:[-–—]\s*)?{_SPEECH_VERBS}\s+(?=\p{{Lu}})(?P<rest>.*?)\s*\.?\s*$"))
    speech_verb_after: Pattern = field(default=_compiled(rf",?\s+{_SPEECH_VERBS}\s*[.:]?\s*$"))
    attribution_name: Pattern = field(default=_compiled(
        r"^\s*(?:[-–—]\s*)?(?P<name>[\p{Lu}][\p{L}\p{M}’'.\-\ufffd ]{1,60}?)\s*$"))
    role_line: Pattern = field(default=_compiled(rf"^\s*(?P<role>{_ROLE_WORDS}\b.{{0,120}}?)\s*$"))
    # "Name, Title of Place" whose title the profile does not know (a local title, a word
    # of another language): one to three capitalised words, then "of" or "for" and a name.
    # Taken only where the place or the role's own end says attribution
    # (`recognisers.attribution_any_title`).
    attribution_any_title: Pattern = field(default=_compiled(
        r"^\s*(?:[-–—]\s*)?(?P<name>\p{Lu}[\p{L}\p{M}’'.\-\ufffd ]{1,60}?),\s+"
        r"(?P<role>\p{Lu}[\p{L}\p{M}\-]+(?:\s+\p{Lu}[\p{L}\p{M}\-]+){0,2}\s+(?:of|for)(?:\s+\p{Lu}.{0,110}?)?)\s*$"))
    # A role's last word that only qualifies the title to come: a role wrapped after it
    # ("Ann Ek, Chief" / "Executive Officer of Alpha") goes on with the next line's title.
    role_qualifiers: frozenset[str] = frozenset(
        {"chief", "deputy", "vice", "lord", "lady", "acting", "executive", "assistant", "senior",
         "first", "interim", "honorary", "lieutenant", "associate", "principal"})
    # The word that closes the name of the body a role serves ("... of Alpha County
    # Council"): a role that wraps before it ("Mayor of Alpha" / "City Council") goes on
    # with a short line of capitalised words ending on one.
    # Not "City", "Town" or "Community": a caption ends on them too ("Alpha Green City").
    role_bodies: frozenset[str] = frozenset(
        {"council", "county", "committee", "municipality", "government", "assembly", "authority",
         "corporation", "borough", "prefecture", "province", "administration", "commission", "board", "chamber"})
    # Words naming a kind of place that a role's place may carry ("Mayor of Alpha City"):
    # alone on the line after a role ending on a name, they finish it. Alone only: a
    # caption may well end on one ("Zenda Green City").
    place_kinds: frozenset[str] = frozenset({"city", "town", "district", "region", "village", "state", "province",
                                              "county", "prefecture", "governorate", "canton", "municipality"})
    # The title before the name: "Mayor Ann Maria Ek" or "— Lord Mayor Ann Ek, Alpha" (two to
    # five capitalised words of name, perhaps the place after a comma), perhaps a colon
    # after it over the quotation ("Mayor Ann Ek:").
    title_first: Pattern = field(default=_compiled(
        rf"^\s*(?:[-–—]\s*)?(?P<role>{_ROLE_WORDS})\s+"
        r"(?P<name>\p{Lu}[\p{L}\p{M}’'.\-]*(?:\s+\p{Lu}[\p{L}\p{M}’'.\-]*){1,4})"
        r"(?:,\s*(?P<place>\p{Lu}[^,:]{1,60}?))?\s*:?\s*$"))
    # A lead-in that closes an intro paragraph: "... Initiatives include:".
    lead_in_end: Pattern = field(default=_compiled(r":\s*$"))
    # A lead-in that is a sentence, not a list's label: it ends on a verb or a word that
    # governs what follows ("Its initiatives include:", "... achieved through:"), where
    # a label ends on its noun ("Key initiatives:").
    lead_in_sentence: Pattern = field(default=_compiled(
        r"\b(?:include[sd]?|including|are|is|were|was|has|have|had|by|through|as|with|follows?|following"
        r"|below|these|to|of|from)\s*:\s*$", re.IGNORECASE))

    # --- stats box: label, optional year, colon, figure, optional year.
    stat_labels: dict[str, str] = field(default_factory=lambda: dict(_STAT_LABELS))
    stat_line: dict[str, Pattern] = field(default_factory=lambda: {
        key: _compiled(rf"^\s*{label}{_LABEL_YEAR}{_NOTE_MARK}{_STAT_SEPARATOR}{_FIGURE}{_YEAR}{_NOTE_MARK}\s*$", re.IGNORECASE)
        for key, label in _STAT_LABELS.items()
    })
    # A label alone on its line ("City population (2016)" or "Annual GDP:"), its figure
    # on the line after or before it.
    stat_label_alone: dict[str, Pattern] = field(default_factory=lambda: {
        key: _compiled(rf"^\s*{label}{_LABEL_YEAR}{_NOTE_MARK}\s*:?\s*$", re.IGNORECASE)
        for key, label in _STAT_LABELS.items()
    })
    # A figure alone on its line, perhaps with its year.
    stat_figure_alone: Pattern = field(default=_compiled(rf"^\s*{_FIGURE}{_YEAR}{_NOTE_MARK}\s*$", re.IGNORECASE))
    # A stats box's entry the profile has no field for ("Literacy rate: 81% (2015)"): a
    # short capitalised label, a colon, a short value holding a figure.
    stat_other_line: Pattern = field(default=_compiled(
        r"^\s*\p{Lu}[\p{L}’'/()-]*(?:\s+[\p{L}’'/()-]+){0,4}\s*:\s*(?=[^\s].{0,30}$)[^.;:!?]*\d[^.;:!?]*$"))
    # A stats box's note under it: a footnote for a mark its entries carry ("* 2016
    # census", "¹ Estimate"), or a note on its figures ("Note: figures for 2016"; a
    # source line is a `credit`).
    stat_note_mark: Pattern = field(default=_compiled(r"^\s*(?P<mark>[*†‡]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})\s*\S.{0,100}$"))
    stat_note_label: Pattern = field(default=_compiled(r"^\s*(?:Notes?|Data)\s*:\s*\S.{0,120}$"))
    # A stats box may name the city's country, where the heading prints the city alone:
    # "Country: Ruritania", or the label alone on a line under or over the name.
    country_entry: Pattern = field(default=_compiled(r"^\s*Country\s*[:–—]\s*(?P<name>\S.*?)\s*$", re.IGNORECASE))
    country_label: Pattern = field(default=_compiled(r"^\s*Country\s*:?\s*$", re.IGNORECASE))
    # A box that names the city too, over or under its country: "City: Strelsau".
    city_entry: Pattern = field(default=_compiled(
        rf"^\s*{_CITY_LABEL}\s*[:–—]\s*(?P<name>\S.*?)\s*$", re.IGNORECASE))
    # The city's label alone on its line, over the name (a table's cells read down a column).
    city_label: Pattern = field(default=_compiled(rf"^\s*{_CITY_LABEL}\s*:?\s*$", re.IGNORECASE))
    # Either label as a cell of a table's row of labels ("City | Country | City population"),
    # the group named for the place it names.
    place_label_cell: Pattern = field(default=_compiled(
        rf"(?:(?P<city>{_CITY_LABEL})|(?P<country>Country))(?=\s|\||$)", re.IGNORECASE))
    # Either label inside a row that runs a box's entries together ("City: Strelsau
    # Country: Ruritania City population: ..."), where each label opens an entry.
    box_name_label: Pattern = field(default=_compiled(rf"(?<!\w)(?:{_CITY_LABEL}|Country)\s*:", re.IGNORECASE))
    # A year alone on its line, under its figure: "(2016)".
    stat_year_alone: Pattern = field(default=_compiled(r"^\s*\((?:1[89]|20)\d{2}\)\s*$"))
    # A figure that ends (or opens) a line of other text: a row read across, where the
    # text beside the figure (a caption, say) ran into it. Only a figure that says it is one (a
    # currency, a unit, a scale or grouped digits) counts, so "Class of 2015" does not.
    stat_figure_before_text: Pattern = field(default=_compiled(
        rf"^\s*(?={_CURRENCY}|\d{{1,3}}[,.\u2009 ]\d|\d+(?:\.\d+)?\s?(?:{_SCALE}|{_KM2}))"
        rf"{_FIGURE}{_YEAR}\s+(?P<text>[\p{{Lu}}‘“'\"].*?)\s*$", re.IGNORECASE))
    stat_figure_after_text: Pattern = field(default=_compiled(
        rf"^(?P<text>.*?\S)\s+(?={_CURRENCY}|\d{{1,3}}[,.\u2009 ]\d|\d+(?:\.\d+)?\s?(?:{_SCALE}|{_KM2}))"
        rf"{_FIGURE}{_YEAR}\s*$", re.IGNORECASE))
    # A row of a stats table: labels side by side (the figures' row: `stat_figure_cell`).
    stat_label_any: Pattern = field(default=_compiled(
        rf"(?:{'|'.join(_STAT_LABELS.values())}){_LABEL_YEAR}", re.IGNORECASE))
    # The units that name a field: a figure in km² is an area, one in dollars a GDP.
    # A figure in people needs no label: "2,448,723 inhabitants (2016)" is a population.
    stat_units: dict[str, Pattern] = field(default_factory=lambda: {
        "area_km2": _compiled(rf"{_KM2}|sq\.?\s?km|square kilomet(?:re|er)s", re.IGNORECASE),
        "gdp_usd": _compiled(_CURRENCY, re.IGNORECASE),
        "population": _compiled(rf"\d\s*(?:million\s+|thousand\s+)?(?:{_PEOPLE})\b", re.IGNORECASE),
    })
    # A GDP printed in another currency than the US dollar: its value is not given (never
    # converted), `raw` keeps it, a flag says why.
    other_currency: Pattern = field(default=_compiled(_OTHER_CURRENCY, re.IGNORECASE))
    # The label a figure in people goes under when the booklet prints none (the entry's
    # text; the stat's raw is the figure as printed).
    population_label: str = "Population"
    # A stat printed as not available ("GDP per capita: n/a"): missing, not malformed.
    stat_not_available: Pattern = field(default=_compiled(rf"^(?:{_NOT_AVAILABLE})$", re.IGNORECASE))
    # A cell of a table's figure row: a figure (no spaces inside its digits, so that
    # neighbours stay apart), or a stat printed as not available.
    stat_figure_cell: Pattern = field(default=_compiled(
        rf"{_FIGURE_TOKEN}|(?:{_NOT_AVAILABLE})(?!\S)", re.IGNORECASE))
    # A label and its colon, whose figure is missing or unparseable, still marks the line as stats.
    stat_label_only: dict[str, Pattern] = field(default_factory=lambda: {
        key: _compiled(rf"^\s*{label}{_LABEL_YEAR}{_NOTE_MARK}\s*:", re.IGNORECASE) for key, label in _STAT_LABELS.items()
    })
    # Thousands separators must group by three; anything else is malformed.
    # Two groups or more after dots ("2.448.723") can only be thousands; one ("74.737") is
    # thousands only in a count of people or money, or in a booklet that writes its numbers
    # the continental way (`fields.parse_figure`); an area may be a decimal.
    well_formed_number: Pattern = field(default=_compiled(
        rf"^(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|{_DOT_THOUSANDS}(?:,\d+)?)$"))
    dot_thousands: Pattern = field(default=_compiled(rf"^{_DOT_THOUSANDS}"))
    scales: dict[str, int] = field(default_factory=lambda: {
        "thousand": 1_000, "million": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000,
        "bn": 1_000_000_000})

    # --- noise
    # "12", "xii", and the dressed forms "– 12 –", "Page 12", "p. 12".
    page_number: Pattern = field(default=_compiled(
        r"^\s*(?:\d{1,3}|[ivxlc]{1,6}|[-–—]\s*(?:\d{1,3}|[ivxlc]{1,6})\s*[-–—]|(?:page|p\.)\s*\d{1,3})\s*$",
        re.IGNORECASE))
    # A running header or footer: a title and a page number, "Title | 12" or "12 Title".
    # A photo credit or source line: "© UNESCO/City of Alpha", "Photo: Ann Ek", "Source: Census 2016"
    # (not "(c)": a lettered list's third item).
    credit: Pattern = field(default=_compiled(
        r"^\s*(?:©|(?:photo(?:graph)?s?|images?|pictures?)(?:\s+\d{1,2})?\s*(?:credits?)?\s*:|credits?\s*:|sources?\s*:)",
        re.IGNORECASE))
    # Words that say a line credits a photo ("Photo: courtesy of ...", "City archive").
    credit_words: Pattern = field(default=_compiled(
        r"\b(?:courtesy|archives?|collection|credits?|copyright)\b|[©/]", re.IGNORECASE))
    # A city's contact for the reader: "Contact: ...", an e-mail address, a web address.
    # No caption (left unassigned, and so reported).
    contact: Pattern = field(default=_compiled(
        r"^\s*contacts?\s*:|[\w.+-]+@[\w-]+\.[\w.-]+|\b(?:https?://|www\.)\S+", re.IGNORECASE))
    # A label opening a caption: "Photo: Night class at the old mill", "Above: ...",
    # "Photo 2: ...", "Fig. 1: ...".
    # No part of the caption; after "Photo:" only a caption's words, not a credit's name
    # (`recognisers.credit`).
    caption_label: Pattern = field(default=_compiled(
        r"^\s*(?:(?:photo(?:graph)?|image|picture|figure|fig\.)(?:\s+\d{1,2})?|above|below|left|right|top|bottom)"
        r"\s*:\s*(?=\S)", re.IGNORECASE))
    # The same credit printed at a caption's end: "Evening class (Photo: Ann Ek)", "Book
    # fair © City of Alpha". No part of the caption.
    credit_after_caption: Pattern = field(default=_compiled(
        r"(?:\s*[(\[](?:©|(?:photo(?:graph)?s?|images?|pictures?)\s*(?:credits?)?\s*:|credits?\s*:)[^()\[\]]*[)\]]"
        r"|\s+©[^©]*)\s*$", re.IGNORECASE))
    running_head: Pattern = field(default=_compiled(
        r"^\s*(?:\p{Lu}[^|•·]{2,80}?\s*[|•·]\s*\d{1,3}|\d{1,3}\s*[|•·]\s*\p{Lu}[^|•·]{2,80}?)\s*$"))
    # Map labels join a place and its country with a separator: "Place I Country".
    map_label_separator: Pattern = field(default=_compiled(r"\s+[I|•·]\s+"))

    # --- sentence and block ends, caption and quotation openings (blocks, fields)
    # A line that ends a sentence (a colon, semicolon or comma leads on: no end).
    finished_sentence: Pattern = field(default=_compiled(r"[.!?][’”'\")]?\s*$"))
    # A block cut by a column or page break ends here, or else the next block may go on
    # with it: a sentence's end or a lead-in's colon (a comma is none).
    block_end: Pattern = field(default=_compiled(r"[.!?:][’”'\")]?\s*$"))
    # A line that may open a caption: a capital, a digit or a quotation mark (a stack of
    # captions is cut there; text beside a stats figure must open so).
    caption_line_start: Pattern = field(default=_compiled(r"[\p{Lu}\d‘“'\"]"))
    # An opening quotation mark before a capital: where a quotation opens inside a block.
    # Unlike `quoted_capital_start`, a closing single mark does not count here.
    quote_start: Pattern = field(default=_compiled(r"\s*[‘“\"«]\p{Lu}"))

    # --- captions and initiatives
    caption_max_chars: int = 90
    caption_max_lines: int = 2
    sentence_end: Pattern = field(default=_compiled(r"[.!?;:,][’”'\"»)]?\s*$"))
    # A list item's marker: "1." "1)" "(1)", "a)" "(b)" "iv.", or a bullet, set before the item's text. A bullet
    # symbol (never a dash, which may open a word) may touch the capital or quotation mark
    # after it: an extractor drops the hanging indent's space ("▪The ...", PyMuPDF).
    # A small roman numeral opens an item before a figure too ("ii. 50 reading champions"),
    # and so does a letter in parentheses ("a) 12 reading rooms"), but not a lone "v." or a
    # letter and a full stop ("v. 2", "c. 1900", "p. 12" are abbreviations). A number in
    # parentheses may touch its text too ("(2)‘Learning ...", "(1)12 centres"): a word
    # processor's marker fills its hanging indent, and the tab after it is a hair wide.
    item_marker: Pattern = field(default=_compiled(
        rf"^\s*(?:(?:\(?\d{{1,2}}[.)]|[{BULLETS}\-–])\s+|{ITEM_LETTER}\s+(?=[\p{{Lu}}‘“’'\"])"
        rf"|\(?(?:i{{1,3}}|iv|vi{{1,3}}|ix)[.)]\s+(?=\d)|\(?[a-z]\)\s+(?=\d)|[{BULLETS}](?=[\p{{Lu}}‘“’'\"])"
        rf"|\(\d{{1,2}}\)(?=[\p{{Lu}}\d‘“'\"])"
        rf"|{ITEM_LABEL}(?:\s*[:.–—]\s+|\s+(?=[\p{{Lu}}‘“’'\"])))"))
    # A numbered item's marker after a finished sentence inside a line: items set side by
    # side that an extractor read across as one line ("i. Reading clubs. ii. Courses ...").
    item_number_inside: Pattern = field(default=_compiled(
        r"(?<=[.!?][’”'\"]?)\s+(?P<marker>\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+(?=[\p{Lu}‘“'\"])"))
    # A list number (or letter, or roman number) anywhere inside a line, before an item's
    # first word: where a second column begins when an extractor ran two columns' first
    # lines into one (`sources/joined_rows.py`, which asks that it count on from the
    # marker the line opens with, in the same scheme and dress: "a) ... c) ...").
    item_number_anywhere: Pattern = field(default=_compiled(
        r"\s(?P<marker>\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+(?=[\p{Lu}‘“'\"])"))
    # A number with no dot or bracket before an item's text: "1 The ...", "01 The ...",
    # "1 – The ...", "1/ The ...". A figure may open a line of prose the same way, so such
    # a number marks an item only where the next or the last counts on from it
    # (`recognisers.list_item`).
    item_number_bare: Pattern = field(default=_compiled(
        r"^\s*(?P<number>0?[1-9])(?:\s*[–—/]\s*|\s+|(?<=0\d))(?=[\p{Lu}‘“’'\"])"))
    # The same marker alone on its line, its text set apart (a hanging number), a number
    # dressed with a dash too ("1 –").
    item_marker_alone: Pattern = field(default=_compiled(
        rf"^\s*(?:\(?\d{{1,2}}(?:[.)]|\s*[–—])?|{ITEM_LETTER}|[{BULLETS}\-–]|{ITEM_LABEL}\s*[:.–—]?)\s*$"))
    # A line that opens an item where no marker says so, after a finished sentence: a
    # capital, perhaps inside an opening quotation mark, or a figure that counts what the
    # lowercase word after it names ("1,000 volunteers who ..."; not a marker, "1. The")
    # (unmarked items run together, `fields.split_to_usual_count`; items given apart
    # from their numbers, `sources/box_order.py`).
    item_start: Pattern = field(default=_compiled(r"^\s*(?:[‘“'\"]?\p{Lu}|\d[\d,.]*\s+\p{Ll})"))
    # An item's text ends here: a sentence's end or a semicolon, perhaps inside a closing
    # mark or bracket. Unlike `sentence_end`, a colon (a lead-in: a list follows) or a comma
    # ends no item.
    item_end: Pattern = field(default=_compiled(rf"[.!?;]{_AFTER_END}"))
    # Words that may open an initiative before the programme's name: "The ‘Learn Together’ programme".
    name_lead: Pattern = field(default=_compiled(r"^(?:The|Its|Their|A|An|Our)\s+", re.IGNORECASE))
    name_small_words: frozenset[str] = frozenset(
        {"of", "for", "and", "the", "in", "on", "to", "el", "la", "de", "del", "con", "til", "des", "da",
         "es", "do", "dos", "das", "du", "di", "van", "von", "der", "den", "aan", "op", "sul", "les", "los", "las"})

    # --- text without geometry: items an extractor gave box by box or apart from their
    # numbers (`sources/box_order.py`), paragraph ends it ran on (`sources/paragraphs.py`).
    # An item's first line in a box of its own. Unlike `item_marker`: text must follow the
    # marker (a marker alone is `box_marker_alone`), a bullet symbol may touch any text (it
    # never opens a word), a letter or small roman numeral opens an item only before a
    # capital or quotation mark (`item_marker`), and of the dashes only the en dash followed by a space counts, as
    # the box-order repair was built and checked with (a hyphen or em dash opening a box's
    # line is not taken for a marker). A designer's bare number counts where it is dressed
    # so no figure of prose is: before a dash or slash ("1 – The ..."), or padded ("01 The ...").
    box_item_marker: Pattern = field(default=_compiled(
        rf"^\s*(?:\(?\d{{1,2}}[.)]\s+|[{BULLETS}]\s*|–\s+|{ITEM_LETTER}\s+(?=[\p{{Lu}}‘“’'\"])|\(?[a-z]\)\s+(?=\d)"
        rf"|0?[1-9]\s*[–—/]\s+(?=[\p{{Lu}}‘“’'\"])|0[1-9]\s+(?=[\p{{Lu}}‘“’'\"]))\S"))
    # A number or bullet alone on its line, its item set apart (a row's last first line went
    # with its rest's box; a column of hanging numbers). Unlike `item_marker_alone`: a number
    # needs its "." or ")" (a bare number alone on its line may be a page number) and no dash
    # counts, as the repair was built and checked with; the number is captured, since a
    # column's numbers must count up one by one.
    box_marker_alone: Pattern = field(default=_compiled(rf"^\s*(?:\(?(?P<number>\d{{1,2}})[.)]|[{BULLETS}])\s*$"))
    # A line opening with a quotation mark (the quote after a list, never an item's rest).
    # The straight single quote is left out: it may as well be an apostrophe.
    quote_mark_start: Pattern = field(default=_compiled(r"^\s*[‘“\"«]"))
    # A line that may end a paragraph: `item_end`, or a colon (a lead-in ends its paragraph).
    paragraph_end: Pattern = field(default=_compiled(rf"[.:!?;]{_AFTER_END}"))
    # A line that may open one: a capital, a digit, an opening quotation mark or bracket, a
    # bullet or dash (a list item), or a closing single mark before a capital (typeset as the
    # opening one).
    paragraph_start: Pattern = field(default=_compiled(rf"^\s*(?:[\p{{Lu}}\d‘“'\"«({BULLETS}–—\-]|’\p{{Lu}})"))
    # A quotation mark before a capital: after a finished sentence such a line opens a new
    # block even when it fills its line (a quote, or an item opening with a quoted name).
    quoted_capital_start: Pattern = field(default=_compiled(r"^\s*[‘“\"«’]\p{Lu}"))
    # A line that may open a caption or a label: a capital or an opening quotation mark.
    caption_start: Pattern = field(default=_compiled(r"^\s*[\p{Lu}‘“'\"]"))

    language: Language = field(default_factory=Language)


DEFAULT_PROFILE = Profile()
"""The award-booklet genre (one section per award city), in English."""


def quote_family(mark: str, profile: Profile) -> str:
    """The marks of `mark`'s family (`Profile.quote_families`), or the mark alone."""
    return next((family for family in profile.quote_families if mark in family), mark)
