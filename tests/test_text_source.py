"""Raw text input: encodings, newlines, form feeds, odd spaces, layout cues."""

from __future__ import annotations

import pytest

from booklet_extract.errors import NotABooklet
from booklet_extract.sources import sniff_format
from booklet_extract.sources.text import decode_text, lines_from_text


@pytest.mark.parametrize(
    "data",
    [
        b"Line one\nLine two\n",
        "\ufeffLine one\r\nLine two\r\n".encode("utf-8"),
        b"Line one\rLine two\r",
        "Line one\nLine two\n".encode("utf-16"),
    ],
    ids=["utf8", "bom-crlf", "cr", "utf16"],
)
def test_decodings_agree(data: bytes) -> None:
    assert decode_text(data) == "Line one\nLine two\n"


def test_binary_is_rejected() -> None:
    with pytest.raises(NotABooklet, match="binary data"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_form_feeds_are_page_breaks() -> None:
    doc = lines_from_text("a\nb\fc\n\fd")
    assert [(ln.text, ln.page) for ln in doc.lines] == [("a", 1), ("b", 1), ("c", 2), ("d", 3)]
    assert doc.pages == 3


def test_no_pages_without_form_feeds() -> None:
    doc = lines_from_text("a\nb")
    assert doc.pages is None and all(ln.page is None for ln in doc.lines)


def test_nbsp_and_ligature_glyphs_normalised() -> None:
    doc = lines_from_text("US$\u00a06,643 and ﬁnance in 12 km²")
    assert doc.lines[0].text == "US$ 6,643 and finance in 12 km²"


def test_blocks_and_regions() -> None:
    doc = lines_from_text("para one\ncontinues\n\npara two\n new box\nsame box")
    got = [(ln.number, ln.block_start, ln.region) for ln in doc.lines]
    assert got == [(1, True, 0), (2, False, 0), (4, True, 0), (5, True, 1), (6, False, 1)]


def test_format_is_sniffed_by_content() -> None:
    assert sniff_format(b"\n\n%PDF-1.4") == "pdf"
    assert sniff_format(b"PDF is mentioned here") == "text"


@pytest.mark.parametrize(
    "raw",
    ["large invest\ufffements in schools", "large invest\ufffe\nments in schools",
     "large invest\u00ad\nments in schools", "large invest\u2010\nments in schools"],
    ids=["pdfium-run-on", "pdfium-line-end", "soft-hyphen", "unicode-hyphen"],
)
def test_line_end_hyphen_encodings_read_as_printed(raw: str) -> None:
    """Every extractor's way of marking a typesetter's hyphen becomes "-" at a line end."""
    assert [ln.text for ln in lines_from_text(raw).lines] == ["large invest-", "ments in schools"]


def test_soft_hyphen_inside_a_line_is_invisible() -> None:
    assert lines_from_text("learn\u00ading").lines[0].text == "learning"


def test_unicode_hyphens_inside_words_become_plain() -> None:
    assert lines_from_text("one\u2010to\u2011one").lines[0].text == "one-to-one"


NO_BLANKS = """\
The first item runs on to
a second line and then to
a third one.
Another item that runs on
across three lines like the
one above it did.
"""


def test_paragraphs_found_without_blank_lines() -> None:
    """Text with no blank lines: a finished sentence whose line had room for the
    next word ends its paragraph."""
    starts = [ln.block_start for ln in lines_from_text(NO_BLANKS).lines]
    assert starts == [True, False, False, True, False, False]


def test_what_ends_a_paragraph_is_the_profiles() -> None:
    """The sentence ends come from the Profile passed in: a profile for which only "!"
    and "?" end one finds no paragraph end after "a third one."."""
    from dataclasses import replace

    from booklet_extract.patterns import lazy
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    no_full_stops = replace(DEFAULT_PROFILE, paragraph_end=lazy(r"[!?][’”'\")\]]?\s*$"))
    starts = [ln.block_start for ln in lines_from_text(NO_BLANKS, profile=no_full_stops).lines]
    assert starts == [True, False, False, False, False, False]
    lines = lines_from_text(NO_BLANKS, profile=no_full_stops).lines
    assert [ln.block_start for ln in infer_paragraph_starts(lines)] == [True, False, False, True, False, False]


def test_full_line_ending_a_sentence_does_not_split() -> None:
    """Hard negative: a sentence that ends on a full line is no paragraph end."""
    text = ("We met the teachers of the old town school.\nThey told us how the classes\n"
            "had grown over the last years.\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, False, False]


def test_caption_run_into_a_paragraph_is_split_off() -> None:
    text = ("A long paragraph about the city that fills\nits lines to the measure and ends.\n"
            "Evening class\nThe next paragraph starts here and\nfills its lines too, to the end.\n")
    starts = [ln.block_start for ln in lines_from_text(text).lines]
    assert starts == [True, False, True, True, False]


def test_a_caption_given_twice_on_one_line_is_measured_as_printed_once() -> None:
    """A caption the extractor gave twice glued ("Class at the millClass at the mill", a
    run drawn twice) is as long as a full line, but printed once it is a
    short one: it ends its block, and the paragraph under it opens one. Hard negative: a
    full line made of other words, no run twice, still runs on into the line below."""
    above = "A long paragraph about the city that fills\nits lines to the measure and ends.\n"
    body = "The next paragraph starts here and\nfills its lines too, to the end.\n"
    text = above + "Class at the millClass at the mill\n" + body
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, False, True, True, False]
    text = above + "Class at the mill and the old school\n" + body
    assert not lines_from_text(text).lines[3].block_start


def test_a_caption_wrapped_after_a_small_word_goes_on_over_narrow_lines() -> None:
    """Under a stats row, a caption wrapped after "in" ("Participation of girls in solar
    energy school in" / "Strelsau"), then a short caption given twice: the lines narrow
    under the long one, but a line stopping on a word no text ends with goes on below, so
    no block opens at its name. Hard negative
    (`test_a_caption_given_twice_on_one_line_is_measured_as_printed_once`): a short
    caption after a finished paragraph still opens its block."""
    text = ("GDP\n1,425,000\n(2012) 34,608 km2 US$2,549\nParticipation of girls in solar energy school in\n"
            "Strelsau\nStrelsau Green CityStrelsau Green City\n4. Ruritania, Zenda\n")
    assert [ln.block_start for ln in lines_from_text(text).lines][4] is False


def test_a_short_line_going_on_after_a_run_on_word_is_no_caption() -> None:
    """A narrow column's sentence wraps inside a name onto a short line ("... and the" /
    "Zeda Mirn and Ul" / "Rovanek Foundations ..."): both open with a capital, but a
    caption opens after a finished line, not after one that stops on "the".
    Hard negatives: a short caption after a finished sentence is still split off, and so
    are captions under a caption row or an attribution (lines that end no sentence
    either), and capitals captions wrapped ("... WITH DIS-" / "ABILITIES", "... SCHOOL IN" /
    "ZENDA"): a caption's lines are short or in capitals, a sentence's line is neither."""
    text = ("• Launched an entrepreneur-\nship programme in cooper-\nation with the Social Fund\n"
            "for Development and the\nZeda Mirn and Ul\nRovanek Foundations that\nhas, to date, benefitted\n"
            "1,000 young people, half of\nwhom are girls.\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True] + [False] * 8
    caption = ("for Development and the\nZenda Mirn Foundations.\nZenda Green City\nRovanek Foundations that\n"
               "has, to date, benefitted\n1,000 young people, half of\nwhom are girls.\n")
    assert [ln.block_start for ln in lines_from_text(caption).lines] == [True, False, True, True, False, False, False]
    row = ("rivers, run with neighbourhood water boards.\nHat weaving workshop River clean-up with pupils\n"
           "Hat weaving workshop\nRiver clean-up with pupils\n‘Our crafts have always been a\n"
           "school. We are opening its doors to\nevery young person in Zenda.’\n")
    assert [ln.block_start for ln in lines_from_text(row).lines][3:5] == [True, True]
    capitals = ("EMPLOYMENT TRAINING FOR PEOPLE WITH DIS-\nABILITIES\nADULT LEARNING ACTIVITIES IN THE CITY\n"
                "EMPLOYMENT TRAIN-\nING FOR PEOPLE WITH\nDISABILITIES\n")
    assert [ln.block_start for ln in lines_from_text(capitals).lines][:3] == [True, False, True]
    wrapped = ("PARTICIPATION OF\nGIRLS IN SOLAR EN-\nERGY SCHOOL IN\nZENDA\nZENDA GREEN CITY\n"
               "‘In addition to being a\nmember of the network,\nZenda is part of it.’\n")
    assert [ln.block_start for ln in lines_from_text(wrapped).lines][4] is True


def test_a_finished_sentence_inside_a_quotation_set_as_a_paragraph_ends_nothing() -> None:
    """A pull quote of two sentences in a narrow column, under a wider caption line: its
    first sentence ends where the next word would have fitted, yet the quotation goes on
    to its closing mark. Hard negatives: a quoted name that closes mid-line opens no such
    paragraph (the sentence after it may end one), nor does an apostrophe close a quote."""
    captions = ("Restoration class in the citadel Community learning centre in a ward\n"
                "Restoration class in the citadel\nCommunity learning centre in a ward\n")
    text = captions + ("‘In Zenda, the past is a teacher.\nWe want each family to keep\nlearning from it.’\n"
                       "Ann Ek, Chairman\nof the People’s Committee of\nZenda Province\n")
    assert [ln.block_start for ln in lines_from_text(text).lines][4:6] == [False, False]
    name = captions + "‘Zenda Reads’ is a programme.\nWe want each family to keep\nlearning from it.\n"
    assert [ln.block_start for ln in lines_from_text(name).lines][4] is True
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.sources.paragraphs import _whole_quote_end

    lines = lines_from_text("‘Zenda’s schools open.\nAll learn there.’\n").lines
    assert _whole_quote_end(lines, 0, DEFAULT_PROFILE) == 1


def test_a_caption_run_into_a_paragraph_given_as_one_line_is_split_off() -> None:
    """An extractor that gives each paragraph as one line (pypdfium2) runs a caption into
    the intro under it, the list's first item opening a box of its own: the paragraph's
    line is its own measure. Hard negative: a short line over a one-line paragraph that
    ends no sentence (a heading's wrapped part, a role) is not parted by this rule."""
    intro = ("Zenda is the most populous city of the country. Its learning city strategy began with the "
             "public libraries and now reaches every district.")
    text = f"Reading room at the library\n{intro}\n Reading clubs in every district of the town.\n"
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, True, True]
    unfinished = f"Reading room at the library\n{intro.rstrip('.')}\n Reading clubs in every district.\n"
    assert [ln.block_start for ln in lines_from_text(unfinished).lines] == [True, False, True]


def test_blank_line_text_is_read_cautiously() -> None:
    """Where blank lines mark the paragraphs, a merely short line is no new paragraph."""
    text = "Photo caption\n\nOne paragraph that runs\non, then ends.\nA label\nMore text here\n\nEnd.\n"
    starts = [ln.block_start for ln in lines_from_text(text).lines]
    assert starts == [True, True, False, False, False, True]


def test_caption_closing_a_marked_block_is_split_off() -> None:
    """Where blank lines mark the blocks, a short line without a sentence end closing a
    block after a finished sentence is a caption the extractor ran onto the item
    (pdftotext beside a margin column). Hard negative: a block that ends mid-sentence on
    a full line, where its column ends, stays whole."""
    item = ("(2) The annual celebration of volunteers,\nwhen local politicians serve dinner\n"
            "to all volunteers of the municipality.\n")
    text = f"{item}Local action\n\n(3) The next item of the list.\n"
    starts = [ln.block_start for ln in lines_from_text(text).lines]
    assert starts == [True, False, False, True, True]
    cut = f"{item}The purpose of the event is to celebrate\n\nvoluntary work of every kind.\n"
    starts = [ln.block_start for ln in lines_from_text(cut).lines]
    assert starts == [True, False, False, False, True]


def test_change_between_capitals_and_mixed_case_starts_a_block() -> None:
    """A caption set in capitals after a paragraph, with no blank line between."""
    text = ("A network of village reading rooms, run by\nvolunteers and supported by libraries.\n"
            "COMMUNITY LEARNING CENTRE\nThe next paragraph goes on here.\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, False, True, True]


def test_one_line_items_with_run_in_labels_are_paragraphs_of_their_own() -> None:
    """Text with no blank lines: a full-width intro, then one-line items each opening with
    a run-in label ("Reading clubs: ..."), each as full as the line above. The labels part
    them. Hard negative: one line that opens on a clause with a colon after a finished
    sentence ("The aim is plain: ...") is the paragraph going on."""
    intro = "Klow lies on a wide river and for two decades the town has treated learning as a public service."
    items = ["Reading clubs: evening classes held in the boathouses and the ferry stations along the river.",
             "Study circles: older residents meet in the libraries and teach one another their old crafts.",
             "Open lectures: the university opens its lecture halls to every resident on Saturday mornings."]
    text = "\n".join([intro, *items, "Ann Ek, Mayor"]) + "\n"
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, True, True, True, True]
    prose = ("Klow lies on a wide river and for two decades the town has treated learning as a public service.\n"
             "The aim is plain: every resident should find a class within a short walk of home, at any age,\n"
             "and the town has built its libraries, its schools and its evening classes to that end.\n")
    assert [ln.block_start for ln in lines_from_text(prose).lines] == [True, False, False]


def test_lead_in_colon_ends_its_paragraph() -> None:
    text = "Intro text runs on over a line and then\nit ends. Its initiatives are:\nThe first item here.\n\nEnd.\n"
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, False, True, True]


@pytest.mark.parametrize("bullet", ["\x7f", "\uf0b7", "(cid:127)", "\x00", "\ufffd", "\x13"])
def test_unnamed_bullet_glyphs_read_as_bullets(bullet: str) -> None:
    assert lines_from_text(f"{bullet} A library on wheels").lines[0].text == "• A library on wheels"


@pytest.mark.parametrize("bullet", ["\x7f", "\uf0b7", "(cid:127)", "\x00", "\ufffd", "\x13"])
def test_unnamed_bullet_glyph_alone_on_its_line_hangs_before_its_item(bullet: str) -> None:
    """pypdf gives a hanging WinAnsi bullet as U+007F alone on its line."""
    lines = lines_from_text(f"Initiatives include:\n{bullet}\nA library on wheels.\n{bullet}\nA festival.").lines
    assert [ln.text for ln in lines] == ["Initiatives include:", "•", "A library on wheels.", "•", "A festival."]


def test_bulleted_items_read_across_as_one_line_are_lines_of_their_own() -> None:
    """pypdfium2 reads a row of items set side by side across the columns: the same
    bullet after a finished sentence opens the next item, which goes on below."""
    text = "Initiatives include:\n• Reading tents on market days. • A school of farming for young people who\nreturn home.\n"
    lines = lines_from_text(text).lines
    assert [ln.text for ln in lines] == ["Initiatives include:", "• Reading tents on market days.",
                                         "• A school of farming for young people who", "return home."]
    assert [ln.block_start for ln in lines][1:3] == [True, True]


@pytest.mark.parametrize("first, second", [("i.", "ii."), ("2)", "3)"), ("(a)", "(b)")])
def test_numbered_items_read_across_as_one_line_are_lines_of_their_own(first: str, second: str) -> None:
    """The same with numbers, letters or roman numerals: the next one after a finished
    sentence opens the next item."""
    text = f"{first} Reading tents on market days. {second} A school of farming for young people who\nreturn home.\n"
    assert [ln.text for ln in lines_from_text(text).lines] == [
        f"{first} Reading tents on market days.", f"{second} A school of farming for young people who", "return home."]


@pytest.mark.parametrize("first, later", [("i.", "iii."), ("1.", "3."), ("(a)", "(c)")])
def test_a_later_number_a_gutter_apart_opens_its_own_line(first: str, later: str) -> None:
    """A layout mode sets two one-line items of balanced columns side by side, a gutter's
    spaces apart: items 1 and 3 ("i. ... .    iii. ..."), 2 under the first. The later
    number after a finished sentence and a gutter opens its own line. Hard negative: a
    number that does not count on, one space after the sentence, stays (the next test)."""
    text = f"{first} Reading tents on market days.    {later} A school of farming for the young.\n"
    assert [ln.text.strip() for ln in lines_from_text(text).lines] == [
        f"{first} Reading tents on market days.", f"{later} A school of farming for the young."]


@pytest.mark.parametrize("line", ["• Reading • Writing • Arithmetic", "• Courses in reading, • numeracy",
                                  "Reading tents. • A school of farming",
                                  "1. Courses for ages 5 to 7. 3. A school", "1. Courses for ages 5 to 7. 2) A school",
                                  "i. Reading tents. ii. and more"])
def test_a_bullet_inside_a_line_that_ends_no_sentence_or_opens_no_item_stays(line: str) -> None:
    """Hard negatives: bullets as separators between words, one before a lowercase word,
    and one inside a line that opens with no bullet are the printed line's."""
    assert [ln.text for ln in lines_from_text(line).lines] == [line]


def test_a_lost_glyph_opening_a_word_is_no_bullet() -> None:
    """Hard negative: a glyph with no Unicode inside or before a word's letters is a lost
    letter, kept as the replacement character, never a bullet."""
    assert lines_from_text("\x00cole des Arts").lines[0].text == "\ufffdcole des Arts"


def test_symbol_font_bullet_letters_read_as_bullets() -> None:
    """pdfminer gives a ZapfDingbats square as "n": a letter opening two lines or more,
    alone before a capital, is a bullet; once, or before lowercase, it stays (hard negatives)."""
    text = "n The Learning Network links libraries.\n\nn A festival.\n\nv Once only.\n\nn and lowercase."
    assert [ln.text for ln in lines_from_text(text).lines] == [
        "• The Learning Network links libraries.", "• A festival.", "v Once only.", "n and lowercase."]


def test_justified_words_one_per_line_stay_one_paragraph() -> None:
    """PyMuPDF may give a justified line's words one per line: a short line opening in
    lowercase, then a number, is no caption before a new paragraph (hard negative)."""
    text = ("The first initiative,\nwhich\nhas\nreintegrated\nover\n4,600 school\n"
            "dropouts by engaging with them on a\none-to-one basis.\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True] + [False] * 7


def test_a_caption_and_a_quotation_after_a_finished_item_start_blocks() -> None:
    """No blank lines: a short line without a sentence end after a finished sentence is a
    caption, and a quotation after it starts its own block too."""
    lines = [
        "• A network of reading clubs that meets in every district of the city every week and",
        "supports parents who want to read with their children at home and at school.",
        "Reading club in the old town",
        "‘We learn together, every day, in every part of the city, and we will go on.’",
    ]
    text = "\n".join(lines)
    starts = [line.block_start for line in lines_from_text(text).lines]
    assert starts == [True, False, True, True]


def test_a_narrow_margin_column_under_a_full_line_starts_a_block() -> None:
    """No blank lines: a margin column read after the body is a run of lines far narrower
    than the line above it; its first line starts a block, and so does a quotation after
    a caption line that had room for the quotation's first word."""
    lines = [
        "course of the city as a learning city, where every district has its own reading club.",
        "Reading club in the",
        "old town",
        "‘We learn together",
        "in every part of the",
        "city, every day.’",
    ]
    starts = [line.block_start for line in lines_from_text("\n".join(lines)).lines]
    assert starts == [True, True, False, True, False, False]


def test_captions_read_across_over_a_quotation_start_blocks_however_long() -> None:
    """No blank lines: two captions side by side read as one line, as long as the item
    above, between a finished item and a pull quote in a narrow margin: a block of their
    own, and the quote another."""
    lines = [
        "1. Heritage classes given by craftspeople who restore the old town’s buildings.",
        "2. A ‘learning family’ award given each year to households that study together.",
        "Restoration class in the old town Community learning centre in a ward",
        "‘In Zenda, the past is a teacher.",
        "We want each family to keep",
        "learning from it.’",
    ]
    starts = [line.block_start for line in lines_from_text("\n".join(lines)).lines]
    assert starts[2:4] == [True, True]


@pytest.mark.parametrize("lead", ["In 2015 the town council of Zenda adopted for its learning programme the motto",
                                  "As the mayor of Zenda put it at the opening of the new learning centre last year,"])
def test_a_line_leading_into_a_quotation_stays_in_its_paragraph(lead: str) -> None:
    """Hard negatives: a line that goes on into a quoted motto closing mid-line, or that
    leads a quotation in with a comma, is the paragraph's, however long."""
    lines = [
        "Zenda has been a learning city since the old town’s schools opened to adults.",
        lead,
        "‘Learning for All’ and it has kept that promise ever since, in every district.",
    ]
    starts = [line.block_start for line in lines_from_text("\n".join(lines)).lines]
    assert starts[1] is False


_FULL_INTRO = ("Zenda, the capital of Ruritania, organises learning through its schools, libraries and village "
               "councils. It stresses reading and digital skills.")


@pytest.mark.parametrize(("below", "starts"), [
    (["Village reading corners run by youth volunteers.", "Digital skills courses for civil servants and small traders.",
      "Family learning days at the water village of the old town."], True),
    # Items in two columns under a one-line intro: each line ends a sentence, three in a
    # row, up to five eighths of the intro's width.
    (["Learning buses: mobile classrooms that visit the markets and bus stations every week.",
      "Literacy circles for women traders, run in three languages in the markets of the town.",
      "A digital academy for young people who left school early, with free laptops on loan."], True),
    # Hard negative: a paragraph's last line, one short sentence, over marked items: their
    # markers part them, and the unmarked line is no item of their column.
    (["The city works with churches, schools and cooperatives.", "– Tourism skills courses for guides and cooks.",
      "– A school of farming for young people who return to their land."], False),
    # Hard negative: lines ending sentences nearly as wide as the intro (seven tenths).
    (["Learning buses: mobile classrooms that visit the markets and the bus stations of Zenda every week.",
      "Literacy circles for women traders, run in three languages in the markets of the town and villages.",
      "A digital academy for young people who left school early, with free laptops on loan for a year."], False),
    # Hard negative: numbers set apart from their items end in a full stop too, but a
    # number is a word alone: no column of one-line items.
    (["1.", "Village reading corners run by youth volunteers.", "2.",
      "Digital skills courses for civil servants and small traders."], False),
    # Hard negative: a paragraph's last line, one short sentence, over two narrow captions.
    (["It also teaches digital skills.", "Reading corner in a village", "Family learning day in the old town"], False),
], ids=["one-line-items", "two-columns-of-one-liners", "last-line-over-marked-items", "nearly-as-wide",
        "hanging-numbers",
        "last-line-over-captions"])
def test_one_line_items_under_a_full_width_intro_start_a_column(below: list[str], starts: bool) -> None:
    """No blank lines: an intro set on one full-width line, then a column of one-line items
    far narrower, each a sentence of a few words: the first item starts a block, though it
    ends a sentence as a paragraph's last line would."""
    got = [line.block_start for line in lines_from_text("\n".join([_FULL_INTRO, *below])).lines]
    assert got[1] is starts


def test_a_quoted_phrase_inside_a_running_sentence_starts_no_block() -> None:
    """Hard negative: a full line runs on into a quoted name; the quotation mark opens
    the next line only because the name did not fit."""
    lines = [
        "The city council runs a network of reading clubs, known across the region as",
        "‘Learn Together’, which meets in every district of the city every week and",
        "supports parents who want to read with their children at home and at school.",
    ]
    starts = [line.block_start for line in lines_from_text("\n".join(lines)).lines]
    assert starts == [True, False, False]


def test_words_one_per_line_are_no_narrow_column() -> None:
    """Hard negative: a justified line given one word a line is no margin column."""
    lines = ["(1) The State Employment Trust", "Fund", "training", "programmes,",
             "which have helped thousands of young people start small businesses."]
    starts = [line.block_start for line in lines_from_text("\n".join(lines)).lines]
    assert starts == [True, False, False, False, False]


def test_capitalised_words_one_per_line_stay_one_item() -> None:
    """Hard negative: a justified line given a word a line, its last words capitalised
    (a name), is no caption run into the paragraph after it."""
    text = ("(2)\nThe\ndevelopment\nof\nthe\nMova\nTeacher’s\nInnovation\nCenter,\nwhere\n"
            "teachers can access teacher-training op-\nportunities and benefit from pedagogical\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True] + [False] * 11


def test_lone_words_after_an_item_line_stay_one_item() -> None:
    """A justified line given a word a line after the item's marker line ("(2) The"): a
    capitalised lone word under it, then another, are the same line's words, not a
    caption before a new paragraph. Hard negative: a one-word caption line before a
    paragraph's first full line still parts them."""
    text = ("(2) The\nZenda\nEducation\nChance,\nwhich offers free courses to adults who\n"
            "want to complete their basic education.\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True] + [False] * 5
    text = ("Reading club at the town library\nZenda\nEducation is the key to a fair and open city, and it is "
            "free for everyone who\nlives in it, young or old.\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, True, True, False]


def test_an_item_ending_after_lone_words_parts_from_the_next_item() -> None:
    """PyMuPDF gave a justified line's words one per line just above an item's last line:
    those lines say nothing of the column's measure, the full line above them does, and
    the next item's first word would have fitted on the last line, so it opens an item.
    Hard negative: with a full line among the lines above, the measure stays theirs
    and a line too full for the next word goes on."""
    text = ("The Strelsau Reading Hall, a warm\nroom\nand\nquiet\nplace open to readers.\n"
            "Night lectures for adults held twice\na week in the town squares.\n")
    assert [ln.block_start for ln in lines_from_text(text).lines] == [True, False, False, False, False, True, False]
    full = ("The Strelsau Reading Hall, a warm\nroom\nand\nquiet place open to\nall of its readers.\n"
            "Free for anyone who wants\nto learn.\n")
    assert [ln.block_start for ln in lines_from_text(full).lines] == [True] + [False] * 6


def test_a_caption_run_on_before_a_recurring_footer_is_a_block_of_its_own() -> None:
    """No blank lines: "Award Book 5" recurs with another number page after page, so it is
    page furniture, and the caption line run on under the paragraph's full last line
    before it closes there, as does the paragraph; what follows the footer opens a
    block. Hard negative: with text going on below it instead, the line goes on too."""
    page = ("Strelsau belongs to its people, and so does its future. We\n"
            "want every citizen to have the knowledge and skills to shape it.\n"
            "Reading club Book fair in the old town square\n")
    text = "".join(f"{page}Award Book {n}\n" for n in (2, 3, 4))
    starts = [ln.block_start for ln in lines_from_text(text).lines]
    assert starts == [True, False, True, True] * 3
    going_on = page + "and its schools, libraries and museums work together.\n"
    assert [ln.block_start for ln in lines_from_text(going_on).lines] == [True, False, False, False]


def test_a_justified_line_given_word_by_word_is_one_line_again() -> None:
    # PyMuPDF's view of a widely justified line: its words one per line, a line of
    # spaces between each two.

    doc = lines_from_text("2) The Demoscopio to promote democratic\ndialogue,\n \nyouth\n \ninnovation\n \nand\n"
                          "entrepreneurship in the city.\n")
    assert [(line.text, line.number) for line in doc.lines] == [
        ("2) The Demoscopio to promote democratic", 1), ("dialogue, youth innovation and", 2),
        ("entrepreneurship in the city.", 9)]
    # hard negatives: a line of spaces between longer lines, or a page break, stays a break
    doc = lines_from_text("Reading club\n \nBook fair\n")
    assert [(line.text, line.block_start) for line in doc.lines] == [("Reading club", True), ("Book fair", True)]
    doc = lines_from_text("one\n\f\ntwo\n")
    assert [line.text for line in doc.lines] == ["one", "two"]


def test_a_glyph_the_font_could_not_map_is_read_as_unreadable_not_as_binary() -> None:
    # pdfminer gives NUL for a glyph a standard font cannot map ("Huế" in Times): the text
    # is still text, the glyph reads as U+FFFD, and the heading holding it is a heading.
    from booklet_extract import parse_text

    intro = "Intro text of the booklet, long enough to be a booklet's front matter. " * 10
    text = decode_text((f"{intro}\n\n5. Viet Nam, Hu\x00\n\n"
                        "Hu\x00 is a city of learning. Its efforts include:\n").encode())
    booklet = parse_text(text)
    # The name, a key, leaves the glyph out (as PDFium does), and says so in a flag.
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [(5, "Viet Nam", "Hu")]
    assert [(f.kind, f.printed, f.fixed, f.city) for f in booklet.flags if f.kind == "unreadable_glyph"] == [
        ("unreadable_glyph", "5. Viet Nam, Hu\ufffd", "Viet Nam, Hu", 5)]
    assert booklet.cities[0].intro.startswith("Hu\ufffd is a city")  # running text keeps the mark
    with pytest.raises(NotABooklet, match="binary data"):
        decode_text(b"text\x00with\x00many\x00nul\x00bytes")


def test_a_line_run_on_after_a_glyph_the_font_could_not_map_is_parted_again() -> None:
    """PyMuPDF gives a glyph it cannot map as NUL and, where it ends a line, runs the next
    line on ("Sz\\x00City population"): a capitalised word right after a lost glyph that
    ends a word opens a line of its own, so the heading and the stats are read. Hard
    negatives: a lost glyph inside a word ("Sz\\x00\\x00hod") or before a word in capitals
    keeps the line whole."""
    from booklet_extract import parse_text

    intro = "Intro text of the booklet, long enough to be a booklet's front matter. " * 20
    city = ("5. Borduria, Sz\x00City population\n88,500 (2019)\nCity/urban area\n57 km2\n\n"
            "Sz\x00 is a port town. Its Sz\x00\x00hod Days and its SZ\x00HOD FAIR bring people together. "
            "Its efforts include:\n")
    booklet = parse_text(decode_text(f"{intro}\n\n{city}".encode()))
    assert [(c.number, c.country, c.city) for c in booklet.cities] == [(5, "Borduria", "Sz")]
    stats = booklet.cities[0].stats
    assert stats.population is not None and (stats.population.value, stats.population.year) == (88500, 2019)
    assert booklet.cities[0].intro == ("Sz\ufffd is a port town. Its Sz\ufffd\ufffdhod Days and its "
                                       "SZ\ufffdHOD FAIR bring people together. Its efforts include:")


def test_a_wide_line_after_a_narrow_column_opens_a_paragraph() -> None:
    """An item's narrow column ends a sentence on a full line, then a line half again as
    wide goes on (an unmarked quote set across the page): another paragraph. Hard
    negative: a line only a little longer than the column's goes on the same paragraph."""
    column = ("iii. A festival of learning that brings\nthe people of the old town together\n"
              "each spring in the big main square here.\n")
    wide = "We believe in learning for all of our citizens, at every age, in every district of the city.\n"
    assert [ln.block_start for ln in lines_from_text(column + wide).lines] == [True, False, False, True]
    near = "They come from every district of the town.\n"
    assert [ln.block_start for ln in lines_from_text(column + near).lines] == [True, False, False, False]
    # The short last line of the item before is in the window above: still a column.
    items = ("ii. Language cafes in which the newcomers\nmeet.\niii. A festival of learning that brings\n"
             "the people together in the big main square.\n")
    assert [ln.block_start for ln in lines_from_text(items + wide).lines][-1] is True


def test_a_break_mark_ending_its_line_leaves_no_blank_line() -> None:
    """U+FFFE may end the line itself (the next line given on a line of its own): the
    hyphen reads as printed and the paragraph goes on; it does not end it as a blank
    line would."""
    text = "In the last years the city made large invest\ufffe\nments in its schools and libraries.\n"
    lines = lines_from_text(text).lines
    assert [(ln.text, ln.block_start) for ln in lines] == [
        ("In the last years the city made large invest-", True), ("ments in its schools and libraries.", False)]


def test_items_in_a_narrow_column_under_an_intro_start_a_block_in_marked_text() -> None:
    """Text whose paragraphs are mostly marked by blank lines is read cautiously, yet a
    finished sentence followed by a run of lines half as wide (the items' column under
    a full-width intro) ends the paragraph there. Hard negative: a run no narrower than
    the paragraph above it goes on."""
    intro = ["Alpha is a river town of some forty thousand people, known for its markets and its old",
             "schools. Its council has made learning the thread of all its plans."]
    column = ["A network of community", "schools that reach every", "district of the town."]
    tail = ["", "Evening classes for the", "workers of the old town.", "", "A festival of learning.", ""]
    starts = [ln.block_start for ln in lines_from_text("\n".join(intro + column + tail)).lines]
    assert starts[:5] == [True, False, True, False, False]
    # An item of two lines, to its block's end, is a run too.
    starts = [ln.block_start for ln in lines_from_text("\n".join(intro + column[:2] + tail)).lines]
    assert starts[:4] == [True, False, True, False]
    wide = ["A network of community schools that reach every district of the town and all the", "villages."]
    starts = [ln.block_start for ln in lines_from_text("\n".join(intro + wide + tail)).lines]
    assert starts[:4] == [True, False, False, False]


def test_lines_that_each_end_a_sentence_are_one_line_paragraphs_even_in_cautious_text() -> None:
    """pdftotext runs a column of one-line items together (their spacing is small) in text
    otherwise marked by blank lines: three lines in a row each ending a sentence are
    paragraphs of a line each, though each is nearly as long as the measure. Hard
    negative: two such lines inside a paragraph stay one paragraph."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    body = ["Alpha lies on the river between two ranges of hills, and its old town is known for",
            "its markets and festivals; the council has turned these traditions into chances for",
            "learning in every district.",
            "The Family Reading Club, a weekly evening where parents and children read together.",
            "A heritage programme that teaches young people boat building and the town's history.",
            "Digital skills courses for workers, offered in five languages at the housing centres."]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(body, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)] == \
        [True, False, False, True, True, True]
    prose = ["Alpha lies on the river between two ranges of hills, and its old town is known.",
             "Its markets and festivals draw visitors; the council has made them times to learn.",
             "Every district of the town now holds a week of learning in the spring and autumn,",
             "with courses for all."]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(prose, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)] == [True, False, False, False]


def test_full_one_line_items_run_together_are_parted() -> None:
    """Text with no marks: three one-line items that each fill the measure and end a
    sentence, under an intro that ended one. Whether the next word fitted cannot tell;
    the run of full lines ending sentences can. Hard negatives: two full lines after a
    lead-in's colon, or a full line and a short one after a finished sentence, are one
    item of two sentences."""
    intro = ["The town has opened its schools and halls to learners of every age, and its plan",
             "links them all."]
    items = ["The reading club, a weekly evening where parents and children read in the halls.",
             "A heritage course that teaches young people boat building and the town's past.",
             "Digital skills courses for workers, given in five languages at the housing centres."]
    starts = [ln.block_start for ln in lines_from_text("\n".join(intro + items) + "\n").lines]
    assert starts == [True, False, True, True, True]
    lead_in = ["The town has opened its schools and halls to learners of every age. It includes:"]
    starts = [ln.block_start for ln in lines_from_text("\n".join(lead_in + items[:2]) + "\n").lines]
    assert starts == [True, True, False]
    two_sentences = [items[0], "It meets on Fridays."]
    starts = [ln.block_start for ln in lines_from_text("\n".join(intro + two_sentences) + "\n").lines]
    assert starts == [True, False, True, False]


def test_a_two_line_paragraph_measures_by_its_full_first_line() -> None:
    """Cautious text (pdftotext): an intro of two lines ends a sentence short of the
    measure; the item lines below it are narrower than the intro's first line, which
    wrapped, so that line is the measure: the long first word of the next item would
    have fitted. Hard negative: a first line far longer than the lines below (two lines
    an extractor joined at a broken word) measures nothing."""
    from dataclasses import replace

    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    first = "Our town on the river links learning to the care of its temples, crafts, markets and"
    texts = [first + " its", "river banks. Teachers and the monks share the work.",
             "Intergenerational walks along the old wall, led by the retired teachers of the town.",
             "A weaving centre where young women learn natural dyeing from the masters."]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(texts, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)][:3] == [True, False, True]
    joined = [replace(lines[0], text=f"{first} its bro-ken fields and the river banks near the old wall where we")]
    assert [ln.block_start for ln in infer_paragraph_starts(joined + lines[1:], cautious=True)][2] is False


def test_a_short_line_below_does_not_narrow_the_cautious_measure() -> None:
    """Cautious text: three one-line items over a short attribution line. The measure is
    the upper middle of the lines near, leaving out lines short beside the longest (the
    attribution's 21 characters said the column was 92 wide, and the first item's end
    looked full). Hard negative: a first item filling the measure still runs on."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    items = ["Reading circles in two languages held in the market halls after trading hours.",
             "A mobile library on a converted bus that visits the villages of the commune each week.",
             "Vocational courses in tailoring, welding and solar panel repair, certified by the chamber of trades."]
    texts = [*items, "Ann Ek, Mayor of Zenda"]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(texts, 1)]
    assert infer_paragraph_starts(lines, cautious=True)[1].block_start is True
    full = "Reading circles in two languages held in the market halls of the old town after the trading hours."
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate([full, *texts[1:]], 1)]
    assert infer_paragraph_starts(lines, cautious=True)[1].block_start is False


def test_a_caption_read_onto_a_one_line_paragraph_in_cautious_text_is_apart() -> None:
    """pdftotext reads a margin caption onto the end of a one-line intro, no blank line
    between: a short line with no sentence end after a finished one, closing its block,
    is a caption, though the block has only the one line above to measure by. Hard
    negative: a line ending no sentence that is not much shorter than the line above (a
    paragraph going on in the next column) stays with it."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    intro = "Zenda, the river capital, built its learning plan around its old districts. Most adults read."
    for second, apart in (("Literacy circle in the market", True),
                          ("The city of Zenda has since then opened its schools to", False)):
        lines = [Line(intro, 1, block_start=True), Line(second, 2), Line("Next paragraph.", 3, block_start=True)]
        assert infer_paragraph_starts(lines, cautious=True)[1].block_start is apart, second


def test_a_caption_under_a_one_line_quote_set_wider_than_the_items_opens_a_block() -> None:
    """Text without blank lines: an unmarked quote set across the page is one long line
    after the items' narrow column and its attribution; the captions read across under it
    are short beside the quote's own measure, though not beside the column's. Hard
    negative: a wide line going on after a wide line that ends a sentence, as long as it,
    is the paragraph going on."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    head = ["EcCoWell, an approach that links economy, community,", "culture, well-being and learning.",
            "Cllr Ann Ek, Lord Mayor of Zenda"]
    quote = "In Zenda, learning is not something that ends when you leave school; it is part of the life of the whole city."
    caption = "Opening of the learning festival A learning neighbourhood meeting"
    lines = [Line(t, n) for n, t in enumerate([*head, quote, caption, "Learning City Award | 5"], 1)]
    assert infer_paragraph_starts(lines)[-2].block_start
    going_on = "and so the town has gone on learning in every street, in every school and in every library of the old"
    lines = [Line(t, n) for n, t in enumerate([*head, quote, going_on], 1)]
    assert not infer_paragraph_starts(lines)[-1].block_start


def test_a_running_footer_closes_the_block_a_caption_ran_on_under() -> None:
    """Text without blank lines: a one-line quote, the captions read across as one line
    under it (as long as the quote: no measure parts them), then the page's footer
    (`Title | 3`). The footer is page furniture, a block of its own, so the caption line
    closes its block and is parted from the quote. Hard negative: a paragraph's last line
    before the footer that ends a sentence stays in its paragraph."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    head = ["Reading corners in all 56 wards, stocked and run by vol-", "unteers.",
            "Ann Ek, Chairman of the People’s Committee of Zenda"]
    quote = "A city that learns is a city that can choose its own future."
    caption = "Reading corner in a ward office Hospitality trainees (2019)"
    lines = [Line(t, n) for n, t in enumerate([*head, quote, caption, "Learning City Award | 3"], 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines)][-2:] == [True, True]
    ending = "in the old town of Zenda, who learn there every week."
    lines = [Line(t, n) for n, t in enumerate([*head, quote.replace(".", ","), ending, "Learning City Award | 3"], 1)]
    assert not infer_paragraph_starts(lines)[-2].block_start


def test_an_items_hanging_indent_and_an_indented_paragraph_go_on_in_text() -> None:
    """Text that keeps indents but is not laid out in columns: an item's next lines
    indented to its text after the bullet, and a quote whose every line is indented
    alike, go on with the line above (before, each indented line opened a block of its
    own, read as a caption). The first indented line still opens a block. Hard
    negatives: a deeper indent, and the same indent after a blank line, open blocks, as
    does a paragraph's indented first line under a short caption indented alike."""
    text = ("▪ Its green plan, which rests on\n  (environmental and social) goals.\n"
            "Ann Ek, Mayor of Zenda\n ‘We believe in learning\n for all, at every age.’\n    Pupils at work\n\n"
            " Reading club\n")
    got = [(line.text, line.block_start) for line in lines_from_text(text).lines]
    assert got == [("▪ Its green plan, which rests on", True), ("(environmental and social) goals.", False),
                   ("Ann Ek, Mayor of Zenda", False), (" ‘We believe in learning", True),
                   ("for all, at every age.’", False), ("    Pupils at work", True), (" Reading club", True)]
    caption = "\n Pupils at the library\n Zenda is a town of learners whose schools work together\nwith its libraries.\n"
    assert [(line.text[:1] == " ", line.block_start) for line in lines_from_text(caption).lines] == [
        (True, True), (True, True), (False, False)]


def test_a_line_opening_on_a_justified_gap_goes_on_from_the_line_above() -> None:
    """pdfminer may break a narrow justified column's line after its first word and leave
    the stretched gap opening the rest ("Neighbourhood" / "  Libraries, ..."): under a line
    that ends no sentence, the line goes on (it opened a block of its own, then an item).
    Hard negatives: a one-space indent opens a block as before (`lines_from_text`'s
    mark of a new box), and so does a deeper indent under a finished sentence."""
    text = ("Zenda offers:\n\n1. The network of forty Reading\nNeighbourhood\n  Libraries, that   stay   lit   at\n"
            "night   for   all.\n\n2. Evening classes for adults.\n")
    got = [(line.text, line.block_start) for line in lines_from_text(text).lines]
    assert got[1:5] == [("1. The network of forty Reading", True), ("Neighbourhood", False),
                        ("Libraries, that   stay   lit   at", False), ("night   for   all.", False)]
    for text in ("Reading club in the old\n Pupils at work in the garden\n", "Zenda learns together.\n  Pupils at work\n"):
        assert lines_from_text(text).lines[1].block_start, text


@pytest.mark.parametrize("indent", [" ", ""])
def test_an_unquoted_quote_of_two_sentence_lines_under_a_list_stays_one_paragraph(indent: str) -> None:
    """Text whose extractor marked its paragraphs: an unquoted quote under the list, set
    in (a layout mode) or after a blank line (plain pdftotext), its first line as wide as
    the page and ending a sentence, its second too, after a list item that ended one.
    Three sentence ends in a row run across two blocks, but the item ended its block, as
    every block ends, so the quote's first line is the only chance: the quote stays one
    paragraph (its second line had been read as a paragraph of its own, the quote). Hard
    negatives: three one-line sentences in one block are still three paragraphs, and so
    are three whose second opens a block after a blank line, shorter than the line above
    (one-line items)."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    rows = [("Reading clubs meet in every library of the town and in the old harbour hall.", True),
            ("Evening classes for miners and their wives.", True),
            (f"{indent}Our river has taught this town to share its bread and its books. In Zenda, every pupil is a teacher.",
             True),
            ("Zenda will go on opening its doors to all who come to its riverside schools.", False)]
    lines = [Line(t, n, block_start=start) for n, (t, start) in enumerate(rows, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)] == [True, True, True, False]
    items = [Line(t, n, block_start=n == 1) for n, t in enumerate(
        ["Reading clubs meet in every library.", "Evening classes for adults.", "A festival each spring."], 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(items, cautious=True)] == [True, False, True]
    items = [Line(t, n, block_start=n < 3) for n, t in enumerate(
        ["Reading clubs meet in every library.", "Evening classes for adults.", "A festival each spring."], 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(items, cautious=True)] == [True, True, True]



@pytest.mark.parametrize("bullet", ["▪", "–"])
def test_an_item_going_on_holds_the_next_items_bullet_after_a_finished_sentence(bullet: str) -> None:
    """pypdf ran the next item's bullet (or en dash) into the line that ends an item, the
    item opened with that bullet two lines above: the line is parted there. Hard
    negative: a paragraph that opened with no bullet, or an item that ended its sentence
    before, keeps such a line whole (prose's dash, set after a sentence too)."""
    item = [f"{bullet} The Zenda Reading Rooms, which lend books and hold",
            "story hours in two languages, with lessons in weaving",
            f"and pottery for all. {bullet} A radio school that has reached",
            "1,200 listeners in the hills since 2016."]
    texts = [line.text for line in lines_from_text("\n".join(item)).lines]
    assert "and pottery for all." in texts and f"{bullet} A radio school that has reached" in texts
    prose = ["The Zenda Reading Rooms lend books and hold", "story hours in two languages, with lessons in weaving",
             f"and pottery for all. {bullet} A sign marks each room."]
    assert [line.text for line in lines_from_text("\n".join(prose)).lines][-1] == prose[-1]
    ended = [f"{bullet} The Zenda Reading Rooms lend books in two languages.",
             f"Their helpers are volunteers. {bullet} A sign marks them."]
    assert [line.text for line in lines_from_text("\n".join(ended)).lines][-1] == ended[-1]



@pytest.mark.parametrize("marker", ["1.", "(1)", "•", "Initiative 1:"])
def test_a_list_marker_after_a_caption_opens_a_block_without_blank_lines(marker: str) -> None:
    """No blank lines: a caption with no sentence end, then an item opening with its
    marker. No sentence goes on with a list's number or bullet, so the item opens a
    block (and the caption stays one). Hard negatives: a dash after an unfinished line
    (prose prints one), a broken word's head before a marker-like line, and a figure
    after a number ("12. 5 per cent") open nothing."""
    text = ("Zenda learns all through life. Its initiatives are:\nReaders of the evening school\n"
            f"{marker} A library on wheels for the\nvillages of the river valley.\n")
    starts = [ln.block_start for ln in lines_from_text(text).lines]
    assert starts[2] is True
    for before, after in (("Readers of the evening school", "– A library on wheels for the"),
                          ("Readers of the evening sch-", "2. Then the villages of the"),
                          ("Readers of the evening school", "12. 5 per cent of the")):
        lines = lines_from_text(f"Zenda learns all through life. Its initiatives are:\n{before}\n{after}\n"
                                "villages of the river valley.\n").lines
        assert lines[2].block_start is False, after


def test_a_short_title_opening_a_block_of_cautious_text_is_a_line_apart() -> None:
    """pdftotext sets a booklet's title and the foreword under it in one block, no blank
    line between: in cautious text the block's short first line, which stops on no
    sentence end though the next line's first word would have fitted, is a line apart
    (a title, a caption), not the paragraph's first line. Hard negatives: a block whose
    first line fills the measure runs on, and so does one whose next line opens in small
    letters."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    foreword = ["Every spring the guild honours villages whose schools stay open after dark, and this",
                "edition tells how three of them did it, from a harbour town to a market in the hills."]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(["Zenda Lamp Prize 2040", *foreword], 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)] == [True, True, False]
    full = ["Every spring the guild honours the villages whose schools stay open after dark, like",
            "Strelsau and Klow, and this edition tells how three of them did it, from a harbour town."]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(full, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)] == [True, False]
    small = ["Villages of the prize", "and the stories of what they did, told by their mayors for the readers of this year."]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(small, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)] == [True, False]
    # A quotation's first line at the top of a page, short beside a picture, is no title.
    quote = ["‘It is an honour to win", "The prize is for all who teach and learn in our town, and we share it with all of them.",
             "Every school and library of the town has earned it over many years of patient work, and"]
    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(quote, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)][:2] == [True, False]
    # Lower on the page, a block's short first line may wrap round a picture: no title.
    lines = [Line(t, n, block_start=n in (1, 3)) for n, t in enumerate(
        ["The villages of the prize are named below.", "", "Zenda Lamp Prize 2040", *foreword], 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)][2:] == [True, False, False]


def test_a_short_title_under_the_running_head_opening_its_page_is_a_line_apart() -> None:
    """The same title and foreword in one block, under the page's running head (a title
    with the page number, printed page after page): the head is page furniture, so the
    block still opens the page, and its short first line is a line apart."""
    from booklet_extract.line import Line
    from booklet_extract.sources.paragraphs import infer_paragraph_starts

    foreword = ["Every spring the guild honours villages whose schools stay open after dark, and this",
                "edition tells how three of them did it, from a harbour town to a market in the hills."]
    texts = ["Lamp Prize | 1", "The Lamp Prize of Zenda", *foreword,
             "Lamp Prize | 2", "Klow is a market town in the hills where the schools stay open late.",
             "Lamp Prize | 3", "Szohod is a harbour town whose lamps burn in every school at night."]
    lines = [Line(t, n, block_start=n in (1, 2, 5, 6, 7, 8)) for n, t in enumerate(texts, 1)]
    assert [ln.block_start for ln in infer_paragraph_starts(lines, cautious=True)][:4] == [True, True, True, False]


def test_a_numbered_items_last_line_run_on_into_the_next_item_is_parted() -> None:
    """pypdf ends one column's item and opens the next column's on one line ("workshops.
    (2) The annual ..."): the line goes on item (1), and the next number after a finished
    sentence opens item (2). Hard negatives: a number that does not count on ("(3)" after
    "(1)", a reference) and a line going on no numbered item stay whole."""
    def lines(*rows: str) -> list[str]:
        return [line.text for line in lines_from_text("\n".join(rows)).lines]

    item = ["Key initiatives are:", "(1) An affordable housing and learning scheme for",
            "migrants, combining shelter with music and arts"]
    assert lines(*item, "workshops. (2) The annual festival, with", "more than 300 free events.") == [
        *item, "workshops.", "(2) The annual festival, with", "more than 300 free events."]
    assert lines(*item, "workshops. (3) The annual festival, with")[-1] == "workshops. (3) The annual festival, with"
    prose = ["The town reads together.", "Its libraries, its schools and its", "workshops. (2) The annual festival, with"]
    assert lines(*prose)[-1] == "workshops. (2) The annual festival, with"


def test_items_numbered_by_bare_numbers_read_across_are_parted() -> None:
    """pypdfium2 reads two items side by side as one line, numbered by bare numbers ("1
    The annual fair ... parks. 2 A network ..."): parted where the next number follows a
    finished sentence and counts on. Hard negative: a figure opening a sentence that does
    not count on ("5 Towns joined it.") stays in the line."""
    lines = [line.text for line in lines_from_text(
        "Its initiatives are:\n1 The annual fair held in the parks. 2 A network of centres for adults.\n").lines]
    assert lines == ["Its initiatives are:", "1 The annual fair held in the parks.", "2 A network of centres for adults."]
    kept = [line.text for line in lines_from_text("Its initiatives are:\n1 The annual fair held in the parks. 5 Towns joined it.\n").lines]
    assert kept == ["Its initiatives are:", "1 The annual fair held in the parks. 5 Towns joined it."]


@pytest.mark.parametrize("caps", [False, True])
def test_a_short_caption_line_stopping_on_a_small_word_goes_on_below(caps: bool) -> None:
    """Text without blank lines: a caption wrapped after a word no caption ends on
    ("Opening of the" / "Zenda fair") runs on into the line below, which opens no
    caption of its own, though it would have fitted on the short line. Hard negative: a
    short whole caption ("Book fair in Zenda") over another still ends its own."""
    def starts(first: str, second: str) -> list[bool]:
        lines = [first, second] if not caps else [first.upper(), second.upper()]
        text = ("A long paragraph about the city that fills\nits lines to the measure and ends.\n"
                + "\n".join(lines) + "\nThe next paragraph starts here and\nfills its lines too, to the end.\n")
        return [ln.block_start for ln in lines_from_text(text).lines]

    assert starts("Opening of the", "Zenda fair in the old mills")[2:4] == [True, False]
    assert starts("Book fair in Zenda", "Pupils at work in the mills")[2:4] == [True, True]
