"""Repair cases as data (tests/cases/*.json), including the hard negatives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from booklet_extract.block_stage import build_blocks
from booklet_extract.blocks import BlockKind
from booklet_extract.line import Line
from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.repairs import (
    Vocabulary,
    collapse_repeated_run,
    find_repeated_lines,
    fix_ligature_splits,
    join_lines,
    repair_line,
    repair_lines,
)
from booklet_extract.sources.text import lines_from_text

CASES = Path(__file__).parent / "cases"


def _cases(name: str) -> list[dict[str, object]]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", _cases("ligature_split.json"), ids=lambda c: str(c["label"]))
def test_ligature_split_cases(case: dict[str, str]) -> None:
    fixed, changes = fix_ligature_splits(case["printed"], Vocabulary([case["printed"]]))
    assert fixed == case["fixed"]
    assert bool(changes) == (case["expect"] == "repair")


@pytest.mark.parametrize("case", _cases("hyphen_join.json"), ids=lambda c: str(c["label"]))
def test_hyphen_join_cases(case: dict[str, object]) -> None:
    texts = list(case["lines"])  # type: ignore[call-overload]
    lines = [Line(t, n) for n, t in enumerate(texts, start=1)]
    context = case.get("context", "")
    vocab = Vocabulary([*texts, *([context] if isinstance(context, str) else context)])  # type: ignore[list-item]
    fixed, repairs = join_lines(texts, lines, vocab)
    assert fixed == case["fixed"]
    kinds = {"repair": ["hyphen_join"], "report": ["hyphen_kept"], "keep": []}
    assert [r.kind for r in repairs] == kinds[str(case["expect"])]
    if "printed" in case:  # the flag shows the whole printed token
        assert repairs[0].printed == case["printed"]


def test_repairs_replay() -> None:
    """Applying each repair's printed -> fixed to the printed line gives the clean line."""
    printed = "large fi nancial and offi  cials eff orts"
    line = Line(printed, 1)
    clean, repairs = repair_line(line, Vocabulary([printed]))
    replayed = printed
    for repair in repairs:
        assert repair.printed in replayed
        replayed = replayed.replace(repair.printed, repair.fixed, 1)
    assert replayed == clean == "large financial and officials efforts"


def test_repairs_only_recorded_when_text_changes() -> None:
    clean, repairs = repair_line(Line("nothing to fix here", 1), Vocabulary([]))
    assert clean == "nothing to fix here" and repairs == []


def test_raw_mode_keeps_printed_text_but_reports() -> None:
    texts = ["large invest-", "ments"]
    lines = [Line(t, n) for n, t in enumerate(texts, 1)]
    text, repairs = join_lines(texts, lines, Vocabulary(texts), raw=True)
    assert text == "large invest- ments"
    assert [(r.printed, r.fixed) for r in repairs] == [("invest-\nments", "investments")]


@pytest.mark.parametrize(
    ("printed", "fixed"),
    [
        ("Smart gamesSmart games", "Smart games"),
        ("ABCABCABC ", "ABC"),
        ("Bora Bora", "Bora Bora"),  # a repeat with a space may be real: left alone
        ("2020", "2020"),
        ("no repeat here", "no repeat here"),
    ],
)
def test_collapse_repeated_run(printed: str, fixed: str) -> None:
    assert collapse_repeated_run(printed) == fixed


def _lines(spec: list[tuple[str, bool]]) -> list[Line]:
    return [Line(t, n, block_start=b) for n, (t, b) in enumerate(spec, start=1)]


def test_repeated_line_and_repeated_block() -> None:
    lines = _lines([
        ("Foreword text ends here.", True),
        ("Jane Doe, Director", True),
        ("Some Institute", False),
        ("Jane Doe, Director", True),  # a block that only repeats earlier lines
        ("Some Institute", False),
        ("Workshop", True),
        ("Workshop", True),  # the same line twice in a row
        ("Jane Doe, Director", True),
        ("and a new line", False),  # block has new text: not a repeat
    ])
    repeats = find_repeated_lines(lines, [ln.text for ln in lines], protected=set())
    assert sorted(r.line.number for r in repeats) == [4, 5, 7]


def test_a_block_printed_again_past_a_running_footer_is_kept() -> None:
    """Text without form feeds: a running footer ("Award Book 4", another number on each
    page) marks the page's edge, so a caption two cities' pages both print is no copy
    drawn twice. Hard negative: printed again on its own page, it still is one."""
    rows = [("Strelsau Reads festival", True), ("Award Book 2", True), ("Zenda has many libraries.", True),
            ("Award Book 3", True), ("Strelsau Reads festival", True), ("Award Book 4", True)]
    lines = _lines(rows)
    texts = [ln.text for ln in lines]
    edges = {1, 3, 5}
    assert find_repeated_lines(lines, texts, protected=set(), page_edges=edges) == []
    assert [r.line.number for r in find_repeated_lines(lines, texts, protected=set())] == [5]
    same_page = _lines([*rows[:4], ("Zenda Book Fair", True), ("Strelsau Reads festival", True),
                        ("Zenda Book Fair", True), ("Award Book 4", True)])
    repeats = find_repeated_lines(same_page, [ln.text for ln in same_page], protected=set(), page_edges={1, 3, 7})
    assert [r.line.number for r in repeats] == [7]


_TEMPLATE_CITY = ("{n}. Ruritania, {city}\nPopulation: 1,200\n\n{city} lies on a wide river.\n\n"
                  "Its learning plan rests on three pillars:\n\n1. Evening classes in {city}.\n\n"
                  "2. A library on wheels.\n\n‘{city} learns.’\n\nAnn Ek, Mayor of {city}\n\n")


def test_a_template_sentence_every_city_prints_is_no_copy() -> None:
    """Text with no page edges: each city's intro closes on the same lead-in, "Its
    learning plan rests on three pillars:", and two cities print the same item. A line
    printed under three cities' headings or more is the template's, no copy drawn twice
    (a caption two cities print stays a copy: `test_a_stats_figure_two_cities_print_is_no_copy`).
    Hard negative: the lead-in printed twice in a row is still a copy."""
    text = "A booklet of learning cities.\n\n" + "".join(
        _TEMPLATE_CITY.format(n=n, city=city) for n, city in enumerate(("Zenda", "Strelsau", "Klow"), 1))
    booklet = parse_text(text)
    assert [c.intro for c in booklet.cities] == [
        f"{city} lies on a wide river. Its learning plan rests on three pillars:" for city in ("Zenda", "Strelsau", "Klow")]
    assert [len(c.initiatives) for c in booklet.cities] == [2, 2, 2]
    assert not [f for f in booklet.flags if f.kind == "duplicate"]
    twice = text.replace("Klow lies on a wide river.\n\nIts learning plan rests on three pillars:\n",
                         "Klow lies on a wide river.\n\nIts learning plan rests on three pillars:\n"
                         "Its learning plan rests on three pillars:\n")
    flags = [f for f in parse_text(twice).flags if f.kind == "duplicate"]
    assert [f.printed.splitlines() for f in flags] == [["Its learning plan rests on three pillars:"] * 2]
    assert flags[0].city == 3


def test_a_stats_figure_two_cities_print_is_no_copy() -> None:
    """Text with no running heads (each page's number alone, no title beside it): a figure
    alone that the next city prints alike ("US$4,210 (2015)") is its own field, not a copy
    drawn twice. Hard negatives: the figure twice in a row, and a caption block printed
    again, still are copies."""
    first = [("1. Ruritania, Strelsau", True), ("US$4,210 (2015)", True), ("Annual GDP", True),
             ("Night school in the old mill", True)]
    second = [("2. Borduria, Szohod", True), ("US$4,210 (2015)", True), ("Annual GDP", True)]
    assert not repair_lines(_lines(first + second), DEFAULT_PROFILE).repeated
    twice = _lines(first[:2] + [("US$4,210 (2015)", False)] + first[2:])
    assert sorted(repair_lines(twice, DEFAULT_PROFILE).repeated) == [3]
    caption = _lines(first + second + [("Night school in the old mill", True)])
    assert sorted(repair_lines(caption, DEFAULT_PROFILE).repeated) == [8]


def test_protected_lines_are_never_repeats() -> None:
    lines = _lines([("Seoul", True), ("Seoul", True)])
    assert find_repeated_lines(lines, [ln.text for ln in lines], protected={2}) == []


@pytest.mark.parametrize(
    ("printed", "fixed"),
    [("Smart gamesSmart games", "Smart games"), ("Book fair Book fair", "Book fair"),
     ("Book fair Book fair Book fair", "Book fair"),
     # hard negatives: a word said twice, a short word recurring, digits
     ("Bora Bora", "Bora Bora"), ("the the", "the the"), ("1010", "1010"),
     ("and so on and so forth", "and so on and so forth")],
)
def test_repeated_runs(printed: str, fixed: str) -> None:
    assert collapse_repeated_run(printed) == fixed



@pytest.mark.parametrize(
    ("printed", "fixed"),
    [("Taalhuis volunteers Book fairBook fair", "Taalhuis volunteers Book fair"),
     # hard negatives: capitals inside real words and names
     ("Meet the McDonald family", "Meet the McDonald family"), ("our PhD students", "our PhD students"),
     ("the iPhone app", "the iPhone app")],
)
def test_glued_copies_inside_a_line(printed: str, fixed: str) -> None:
    from booklet_extract.repairs import collapse_glued_copies

    assert collapse_glued_copies(printed)[0] == fixed


@pytest.mark.parametrize(
    ("printed", "kept", "dropped"),
    [(["Smart games for the young and the", "old of the citySmart games for the young", "and the old of the city"],
      ["Smart games for the young and the", "old of the city"], [3]),
     # in capitals, where no case change shows the seam, and wrapped elsewhere in the copy
     (["PARTICIPATION OF GIRLS IN SOLAR SCHOOL IN", "ALPHAPARTICIPATION OF GIRLS IN SOLAR", "SCHOOL IN ALPHA"],
      ["PARTICIPATION OF GIRLS IN SOLAR SCHOOL IN", "ALPHA"], [3]),
     # the whole second copy in the seam's line
     (["SMART GAMES FOR THE", "YOUNGSMART GAMES FOR THE YOUNG"], ["SMART GAMES FOR THE", "YOUNG"], []),
     # the seam in the first copy's own line, the copy opening with a quotation mark
     (["'WE COUNT ON YOU AT SCHOOL' PROGRAMME'WE COUNT ON YOU AT SCHOOL'", "PROGRAMME"],
      ["'WE COUNT ON YOU AT SCHOOL' PROGRAMME"], [2]),
     # the second copy breaks a word at the seam line's end (a hyphenated caption)
     (["LIBRARY LEARNING WORKSHOPLIBRARY LEARNING WORK-", "SHOP"], ["LIBRARY LEARNING WORKSHOP"], [2]),
     # the first copy's line ends in a name's hyphen, or in a word broken at the line end
     (["Reading hub in the Old-", "TownReading hub in the Old-Town"], ["Reading hub in the Old-", "Town"], []),
     (["Evening classes in the commu-", "nityEvening classes in the community"],
      ["Evening classes in the commu-", "nity"], [])],
    ids=["mixed-case", "capitals", "copy-in-one-line", "seam-in-the-first-line", "copy-broken-at-a-hyphen",
         "first-copy-at-a-name's-hyphen", "first-copy-broken-at-a-hyphen"],
)
def test_a_wrapped_run_printed_twice_is_one_repair(printed: list[str], kept: list[str], dropped: list[int]) -> None:
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(printed, start=1)]
    repaired = repair_lines(lines, DEFAULT_PROFILE)
    assert [t.strip() for t in repaired.texts[: len(kept)]] == kept
    assert sorted(repaired.repeated) == dropped
    repairs = {id(r): r for r in [*repaired.repeated.values(), *(r for rs in repaired.inline for r in rs)]}
    assert len(repairs) == 1
    (repair,) = repairs.values()
    assert repair.kind == "duplicate" and repair.fixed == " ".join(kept)


@pytest.mark.parametrize(
    ("printed", "kept", "dropped", "fixed"),
    [(["Photo: GUILD HALL OPEN DAYGUILD HALL OPEN DAY"], ["Photo: GUILD HALL OPEN DAY"], [],
      "GUILD HALL OPEN DAY"),
     # after another caption an extractor read across, in capitals
     (["GUILD HALL DAY NIGHT SCHOOL MEETINGNIGHT SCHOOL MEETING"], ["GUILD HALL DAY NIGHT SCHOOL MEETING"], [],
      "NIGHT SCHOOL MEETING"),
     # wrapped, after a label, in capitals and in sentence case
     (["Photo: GUILD ACADEMY IN THE", "OLD TOWNGUILD ACADEMY IN", "THE OLD TOWN"],
      ["Photo: GUILD ACADEMY IN THE", "OLD TOWN"], [3], "GUILD ACADEMY IN THE OLD TOWN"),
     (["Photo: Guild academy in the", "Old TownGuild academy in", "the Old Town"],
      ["Photo: Guild academy in the", "Old Town"], [3], "Guild academy in the Old Town")],
    ids=["after-a-label", "after-another-caption", "wrapped-capitals", "wrapped-sentence-case"],
)
def test_a_run_printed_twice_from_inside_a_line_is_one_repair(printed: list[str], kept: list[str],
                                                               dropped: list[int], fixed: str) -> None:
    """The first copy opens inside a line, after a label ("Photo:") or another caption
    read across; in capitals no case change shows the seam. The repair reports the run
    from the copy's start, not the label."""
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(printed, start=1)]
    repaired = repair_lines(lines, DEFAULT_PROFILE)
    assert [t.strip() for t in repaired.texts[: len(kept)]] == kept
    assert sorted(repaired.repeated) == dropped
    repairs = {id(r): r for r in [*repaired.repeated.values(), *(r for rs in repaired.inline for r in rs)]}
    (repair,) = repairs.values()
    assert repair.kind == "duplicate" and repair.fixed == fixed
    assert repair.printed.replace(" ", "") == (fixed + fixed).replace(" ", "")


@pytest.mark.parametrize(
    "printed",
    [["Photo: THE OLD MILLTHE OLD MILL WORKS"],  # the copy goes on otherwise
     ["IN THE OLD TOWN OLDTOWN"],  # a word glued to a later one, no run repeated
     ["Meet the McDonald family and Donald Mc"],  # a capital inside a name
     ["Photo: HARBOUR SCHOOL HARBOUR SCHOOL"]],  # a space at the seam: no glued copy
    ids=["copy-goes-on", "no-run", "name", "spaced"],
)
def test_text_that_only_recurs_inside_a_line_is_no_copy(printed: list[str]) -> None:
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(printed, start=1)]
    repaired = repair_lines(lines, DEFAULT_PROFILE)
    assert repaired.texts == printed and not repaired.repeated and not any(repaired.inline)


def test_a_capitalised_head_keeps_its_hyphen_before_a_tail_another_broken_head_completes() -> None:
    """pdfminer may give a justified line out of order ("... groups in-" / "and North-" /
    "cluding farmers"): "cluding" ends the word "in-" broke, so "North-" is not joined to
    it ("Northcluding"). Hard negative: a name's head before a tail no other broken head
    completes is still joined ("the Inten-" / "dencia", a place)."""
    lines = _lines([("groups of every kind in-", True), ("and North-", False), ("cluding farmers", False)])
    repaired = repair_lines(lines, DEFAULT_PROFILE)
    fixed = [g.repair.fixed for glue in repaired.glue for g in glue if g.repair is not None]
    assert "Northcluding" not in fixed and "including" in fixed
    name = repair_lines(_lines([("the In-", True), ("tendencia of", False)]), DEFAULT_PROFILE)
    assert [g.repair.fixed for g in name.glue[0] if g.repair is not None] == ["Intendencia"]


def test_a_wrapped_copy_whose_rest_opens_a_guessed_block_is_one_repair() -> None:
    """Text without geometry, its blocks guessed (no blank lines): the copy's rest may open
    a block of its own ("Night school meetingNight" / "school meeting"), and the copy is one
    repair still. Hard negative: in a PDF, whose blocks the layout gives, a block start ends
    the copy, and the lines are kept as printed."""
    printed = ["Spring reading festival", "Night school meetingNight", "school meeting"]
    text = [Line(t, n, block_start=True) for n, t in enumerate(printed, start=1)]
    repaired = repair_lines(text, DEFAULT_PROFILE)
    assert [t.strip() for t in repaired.texts[:2]] == ["Spring reading festival", "Night school meeting"]
    assert sorted(repaired.repeated) == [3]
    pdf = [Line(t, n, block_start=True, bbox=(0.0, 10.0 * n, 200.0, 10.0 * n + 8)) for n, t in enumerate(printed, 1)]
    assert not repair_lines(pdf, DEFAULT_PROFILE).repeated


@pytest.mark.parametrize(
    "printed",
    [["Reading clubs for the", "young in town and Reading", "clubs for the young"],  # a space at the seam
     ["Reading clubs for the", "young in townReading clubs for", "the old of the city"],  # not the same words
     ["Book", "fairBook"],  # too short to call a copy
     ["LEARNING FESTIVALS IN THE TOWNLEARNING FESTI-", "VALS IN THE HILLS"]],  # the broken copy goes on otherwise
    ids=["spaced", "different-words", "short", "broken-copy-goes-on-otherwise"],
)
def test_text_that_only_recurs_is_no_wrapped_copy(printed: list[str]) -> None:
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = [Line(t, n, block_start=n == 1) for n, t in enumerate(printed, start=1)]
    repaired = repair_lines(lines, DEFAULT_PROFILE)
    assert repaired.texts == printed and not repaired.repeated


def test_a_name_finishing_a_line_that_stops_on_a_small_word_is_no_duplicate() -> None:
    """A heading's city printed alone ("1. Ruritania" / "Strelsau") and later the end of
    a wrapped role ("Ann Ek, Mayor of" / "Strelsau"): the second is the role's end, not
    the first printed again. A name alone again after a full line still is a duplicate."""
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = _lines([("1. Ruritania", True), ("Strelsau", False), ("Ann Ek, Mayor of", True), ("Strelsau", True)])
    assert not repair_lines(lines, DEFAULT_PROFILE).repeated
    lines = _lines([("Strelsau", True), ("Some text here.", True), ("Strelsau", True)])
    assert repair_lines(lines, DEFAULT_PROFILE).repeated
    lines = _lines([("Better than never.", True), ("If the", True), ("If the", True)])  # no name: a duplicate
    assert repair_lines(lines, DEFAULT_PROFILE).repeated


def test_a_wrapped_roles_head_printed_again_by_another_city_is_no_duplicate() -> None:
    """Two cities' attributions wrapped alike ("Ann Ek," / "Mayor of" / "Strelsau", later
    "Jan Orlo," / "Mayor of" / "Klow"), each line its own block (text with no blank lines):
    the second "Mayor of" is that role's head, not the first printed again. Hard
    negatives: the head printed twice in a row after its doubled name (an overprinted
    attribution) is a duplicate; so is a longer line printed again later."""
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = _lines([("Ann Ek,", True), ("Mayor of", True), ("Strelsau", True), ("Some text of the town.", True),
                    ("Jan Orlo,", True), ("Mayor of", True), ("Klow", True)])
    assert not repair_lines(lines, DEFAULT_PROFILE).repeated
    lines = _lines([("Ann Ek,", True), ("Ann Ek,", True), ("Mayor of", True), ("Mayor of", True), ("Strelsau", True)])
    assert sorted(repair_lines(lines, DEFAULT_PROFILE).repeated) == [2, 4]
    lines = _lines([("Reading clubs in the town of", True), ("Some text.", True), ("Reading clubs in the town of", True)])
    assert list(repair_lines(lines, DEFAULT_PROFILE).repeated) == [3]


def test_a_line_printed_again_past_a_page_number_alone_is_kept() -> None:
    """Text with no blank lines and no form feeds, its pages told by a page number alone
    (its running title, the same on every page, carries none that changes): two
    cities' roles wrapped alike ("Ann Ek, Deputy" / "Mayor for Education," / "Zenda") on
    two pages print one same line, which is no copy drawn twice (before, the second was
    dropped as one, and the role lost); nor is it on one page, a few words stopping on a
    comma as a wrapped role's head does. Hard negative: a caption printed again on its
    own page still is a duplicate."""
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    rows = [("Ann Ek, Deputy", True), ("Mayor for Education,", True), ("Zenda", True), ("4", True),
            ("Award Book 2023", True), ("Some text of the town.", True), ("Jan Orlo, Deputy", True),
            ("Mayor for Education,", True), ("Klow", True), ("5", True)]
    assert not repair_lines(_lines(rows), DEFAULT_PROFILE).repeated
    same_page = [*rows[:3], *rows[5:]]
    assert not repair_lines(_lines(same_page), DEFAULT_PROFILE).repeated
    caption = [("The Zenda reading festival", True), ("Some text of the town.", True),
               ("The Zenda reading festival", True), ("5", True)]
    assert list(repair_lines(_lines(caption), DEFAULT_PROFILE).repeated) == [3]


def test_a_caption_opening_with_a_stats_label_word_printed_twice_is_a_duplicate() -> None:
    """Stats labels are printed again on purpose ("Population", a row of labels, a whole
    entry) and are never repeats; a caption that only opens with a label's word
    ("Residents at the library") printed twice is one. Hard negative: the labels."""
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = _lines([("Reading club.", True), ("Residents at the library", True), ("Residents at the library", True)])
    assert list(repair_lines(lines, DEFAULT_PROFILE).repeated) == [3]
    for label in ("Residents", "Population  Area  GDP per capita"):
        lines = _lines([("Reading club.", True), (label, True), (label, True)])
        assert not repair_lines(lines, DEFAULT_PROFILE).repeated, label


def test_short_words_recurring_are_no_duplicates() -> None:
    """Hard negatives: a short word on a line of its own, twice in a row or again
    later in the region (a fragment of a justified line split at a wide space)."""
    lines = _lines([("the", True), ("the", True), ("and", True), ("Some text here.", True), ("and", True)])
    assert find_repeated_lines(lines, [ln.text for ln in lines], protected=set()) == []



@pytest.mark.parametrize(
    ("broken", "fixed"),
    [("off er-\ning", "offering"),  # the gap before the break, in the head
     ("eff ec-\ntive", "effective"),  # the gap just before the break: no word in the line alone
     ("diver-\nsifi ed", "diversified"),  # the gap just after the break
     ("diver\ufffesifi ed", "diversified")],  # the same with pdfium's mark for the break
)
def test_a_ligature_split_broken_at_the_line_end_is_one_repair_and_one_flag(broken: str, fixed: str) -> None:
    from booklet_extract import parse_text

    text = ("1. Ruritania, Strelsau\nStrelsau is a city of learners. Its initiatives include:\n"
            f"1. Learning spaces for older people, {broken} courses and themed activities.\n"
            "2. A festival of learning.\n‘We learn together.’\nAnn Ek, Mayor of Strelsau\n")
    booklet = parse_text(text)
    assert booklet.cities[0].initiatives[0].text == (
        f"Learning spaces for older people, {fixed} courses and themed activities.")
    flags = [(f.kind, f.printed, f.fixed) for f in booklet.flags if f.kind in ("ligature_split", "hyphen_join")]
    assert flags == [("ligature_split", broken.replace("\ufffe", "-\n"), fixed)]
def test_glue_is_found_by_position_and_lines_never_decided_join_with_a_space() -> None:
    """`RepairedLines` finds a line's position by number, checked by identity (a copy of a
    line is not one of them), and falls back to an identity map for lines out of order."""
    from dataclasses import replace

    from booklet_extract.line import RepairedLines
    from booklet_extract.profile import DEFAULT_PROFILE
    from booklet_extract.repairs import repair_lines

    lines = [Line("local govern-", 1), Line("ments agree", 2), Line("and more", 3)]
    repaired = repair_lines(lines, DEFAULT_PROFILE)
    assert [repaired.position(line) for line in lines] == [0, 1, 2]
    assert repaired.position(replace(lines[1])) == -1
    assert repaired.join(lines, repaired.texts)[0] == "local governments agree and more"
    assert repaired.join([lines[0], replace(lines[1])], repaired.texts[:2])[0] == "local govern- ments agree"
    shuffled = RepairedLines(lines=lines[::-1], texts=repaired.texts[::-1], inline=[(), (), ()], repeated={},
                             glue=[])
    assert [shuffled.position(line) for line in lines] == [2, 1, 0]


def test_a_line_keeps_its_box_exactly() -> None:
    from dataclasses import replace

    box = (12.345678901234, 0.1 + 0.2, 1e-9, 841.89)
    line = Line("x", 7, page=2, bbox=box, font_size=9.5)
    assert line.bbox == box and replace(line, block_start=True).bbox == box
    assert Line("x", 7).bbox is None and replace(Line("x", 7), region=3).bbox is None


def test_a_wrapped_copy_is_flagged_once_and_its_caption_kept() -> None:
    """The sample's caption printed twice, made to wrap over three lines in capitals."""
    from booklet_extract import parse_text

    from .conftest import SAMPLE, SAMPLES

    text = (SAMPLES / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    printed = "SMART GAMES FOR THE YOUNG AND THE\nOLD OF THE CITYSMART GAMES FOR THE YOUNG\nAND THE OLD OF THE CITY"
    assert "Smart gamesSmart games" in text
    booklet = parse_text(text.replace("Smart gamesSmart games", printed))
    assert "SMART GAMES FOR THE YOUNG AND THE OLD OF THE CITY" in [c for city in booklet.cities for c in city.captions]
    flags = [f for f in booklet.flags if f.kind == "duplicate" and "SMART GAMES" in (f.printed or "")]
    assert len(flags) == 1 and flags[0].fixed == "SMART GAMES FOR THE YOUNG AND THE OLD OF THE CITY"


def test_a_tail_that_fits_another_broken_head_is_not_joined_to_this_one() -> None:
    """Two halves that stand alone nowhere are joined ("Virkelig-" / "heden"), unless the
    tail makes a word with another head the booklet breaks at a line end: an extractor
    that gave a box out of order put "acy" after "univer-" when it is "liter-"'s. Hard
    negative: with no such head, the unknown halves are joined as before."""
    lines = [Line("x", n) for n in (1, 2)]
    texts = ["courses in liter-", "free lectures by univer-", "acy, crafts and health."]
    vocab = Vocabulary(texts)
    text, repairs = join_lines(texts[1:], lines, vocab)
    assert text == "free lectures by univer-acy, crafts and health."  # the hyphen kept, as printed
    assert not repairs
    vocab = Vocabulary(["a programme by Virkelig-", "heden for the town."])
    text, repairs = join_lines(["a programme by Virkelig-", "heden for the town."], lines, vocab)
    assert text == "a programme by Virkeligheden for the town." and [r.kind for r in repairs] == ["hyphen_join"]


def test_a_block_drawn_twice_and_read_line_by_line_loses_its_short_copies_too() -> None:
    """An overprinted attribution read line by line: each line twice, its short last
    line ("City") as well. Hard negatives: a short line twice after a line printed three
    times or more (a form's column of one value) stays, and so does a short line three times."""
    twice = _lines([("Ana Zen, Mayor of Nova", True), ("Ana Zen, Mayor of Nova", False), ("City", False),
                    ("City", False), ("Next paragraph here.", True)])
    repeats = find_repeated_lines(twice, [ln.text for ln in twice], protected=set())
    assert sorted(r.line.number for r in repeats) == [2, 4]
    column = _lines([("$85 ..........", True), ("$85 ..........", False), ("$85 ..........", False),
                     ("$6,205.", True), ("$6,205.", False)])
    assert sorted(r.line.number for r in find_repeated_lines(column, [ln.text for ln in column], set())) == [2, 3]
    thrice = _lines([("Ana Zen, Mayor of Nova", True), ("Ana Zen, Mayor of Nova", False), ("Yes", False),
                     ("Yes", False), ("Yes", False)])
    assert sorted(r.line.number for r in find_repeated_lines(thrice, [ln.text for ln in thrice], set())) == [2]


def test_only_the_copy_among_lines_sharing_a_number_is_a_duplicate() -> None:
    """Laid-out text gives the columns of one printed row one line number: a margin
    quote's line and a caption printed again beside it. Only the caption's copy is a
    duplicate; the quote keeps its line (before, every line of that number was)."""
    text = "\n".join(["WEEKLY READING CLUB", "", "‘Zenda is a town that learns, and",
                      "will go on learning" + " " * 12 + "WEEKLY READING CLUB", "in every district.’",
                      "Ann Ek, Mayor of Zenda"])
    repaired = repair_lines(lines_from_text(text).lines, DEFAULT_PROFILE)
    assert [(b.kind, b.texts) for b in build_blocks(repaired, DEFAULT_PROFILE)][1:3] == [
        (BlockKind.QUOTE, ["‘Zenda is a town that learns, and", "will go on learning", "in every district.’"]),
        (BlockKind.DUPLICATE, ["WEEKLY READING CLUB"])]


def test_only_the_lines_of_a_wrapped_copy_are_duplicates_not_lines_sharing_their_numbers() -> None:
    """A caption printed twice, the copies touching and wrapping (laid-out text, beside a
    margin quote): the copy's second line shares its number with the quote's middle line,
    one printed row. Only the copy's line is a duplicate; the quote keeps its middle line
    (before, every line of that number went, and the quote broke in two)."""
    rows = ["1. Ruritania, Zenda", ("Zenda is a small town on a lake with a long history of adult education. "
                                   "Its initiatives include:"), "– Reading clubs in every district of the town.", "",
            "– Evening classes for adults in the old school.", "",
            "‘Zenda is a town that learns".ljust(40) + "READING ROOM IN THE OLDREADING",
            "together, in every district,".ljust(40) + "ROOM IN THE OLD", "at every age.’",
            "Ann Ek, Mayor of Zenda", ""]
    booklet = parse_text("\n".join(rows))
    city = booklet.cities[0]
    assert city.quote is not None and city.quote.text == "Zenda is a town that learns together, in every district, at every age."
    assert city.captions == ["READING ROOM IN THE OLD"]
    assert [f.printed for f in booklet.flags if f.kind == "duplicate"] == ["READING ROOM IN THE OLDREADING ROOM IN THE OLD"]


def test_a_name_in_capitals_made_of_a_syllable_twice_is_no_run_printed_twice() -> None:
    """"ZENZEN" (a town's name in capitals, its syllable said twice) is printed once: no
    copy is removed and no duplicate is flagged; a heading's names keep it whole. Hard
    negatives: a run of words printed twice, one word printed twice where a small letter
    touches the capital of the copy, and a common word printed twice ("ROOMROOM"), still
    collapse."""
    from booklet_extract.pipeline import parse_text
    from booklet_extract.repairs import collapse_repeated_run

    assert collapse_repeated_run("ZENZEN", Vocabulary([])) == "ZENZEN"
    assert collapse_repeated_run("ROOMROOM", Vocabulary([])) == "ROOM"  # a common word drawn twice
    assert collapse_repeated_run("BOOK FAIRBOOK FAIR") == "BOOK FAIR"
    assert collapse_repeated_run("LibraryLibrary") == "Library"
    places = [("Syldavia", "Zenzen"), ("Borduria", "Klow"), ("Ruritania", "Strelsau")]
    front = "Introduction\n\nThe jury chose three towns. The towns are:\n\n" + "".join(
        f"{country}, {city}\n" for country, city in places) + "\n"
    cities = "".join(
        f"{country.upper()}\n{city.upper()}\n\n{city} is a town where learning never stops. Its initiatives include:\n\n"
        f"1. Evening classes in the boathouses of {city}.\n\n2. A reading week in {city} every spring.\n\n"
        f"‘{city} learns together.’\nAnn Ek, Mayor of {city}\n\n" for country, city in places)
    booklet = parse_text(front + cities)
    assert [c.city.casefold() for c in booklet.cities] == [city.casefold() for _, city in places]
    assert not [f for f in booklet.flags if f.kind == "duplicate"]


def test_a_ligature_gap_wider_than_a_justified_lines_stretched_word_gaps_is_joined() -> None:
    """pdfminer keeps a justified line's stretched gaps as runs of spaces, and the gap
    a ligature left is wider still ("offi     ces" among gaps of three): the word is
    joined and reported as printed, and the clean text has one space between words.
    Hard negative: two words no longer than the joined form is common stay apart."""
    text = ("1. Ruritania, Zenda\n\nZenda is a town of learners on the river. Its main initiatives are:\n\n"
            "1. Evening   classes   for   adults,   held   in   schools   and   offi     ces   across   the   town.\n\n"
            "2. Reading circles where the staff     are   volunteers from the old town.\n\n"
            "‘Zenda learns together.’\n\nAnn Ek, Mayor of Zenda\n")
    booklet = parse_text(text)
    assert [i.text for i in booklet.cities[0].initiatives] == [
        "Evening classes for adults, held in schools and offices across the town.",
        "Reading circles where the staff are volunteers from the old town."]
    flags = [(f.kind, " ".join((f.printed or "").split())) for f in booklet.flags if f.kind == "ligature_split"]
    assert flags == [("ligature_split", "offi ces")]
