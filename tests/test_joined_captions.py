"""Two captions read across as one line (pypdfium2) are parted by the booklet's habit."""

from __future__ import annotations

from booklet_extract.pipeline import parse_text


def _city(n: int, name: str, captions: list[str]) -> str:
    return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its initiatives include:",
                        f"1) Reading clubs in {name}.", f"2) Evening classes in {name}.",
                        f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}", *captions])


def _booklet(third: list[str]) -> list[list[str]]:
    text = "\n\n".join([_city(1, "Alpha", ["Pupils in the library", "Night school in Alpha"]),
                        _city(2, "Beta", ["Town hall in winter", "Beta Reads festival"]),
                        _city(3, "Gamma", third)]) + "\n"
    return [city.captions for city in parse_text(text).cities]


def test_a_city_one_caption_short_has_its_joined_line_parted_at_its_one_seam() -> None:
    """Two cities print two captions, Gamma one line holding two: parted before the
    city's own name, or where a capital follows a lowercase word that is no small word
    (which `text_blocks.split_caption_pair` parts in any city)."""
    assert _booklet(["Reading club at the library Pupils in the garden"])[2] == [
        "Reading club at the library", "Pupils in the garden"]
    assert _booklet(["Learning centre on the Old Quay Gamma Reads festival"])[2] == [
        "Learning centre on the Old Quay", "Gamma Reads festival"]


def test_a_line_without_one_sure_seam_or_a_city_at_its_usual_count_stays_whole() -> None:
    """Hard negatives: a capital after a capitalised word (a name's end) is no seam, nor
    a capital after a small word, nor the city's name ending the line; two seams are
    too many; and a city with the usual number of captions keeps each as read."""
    for line in ("Spring Reading Festival parade", "Pupils at the Zenda Museum", "Night market Gamma",
                 "Reading club Pupils in the garden Night school"):
        assert _booklet([line])[2] == [line], line
    assert _booklet(["Learning centre on the Old Quay Gamma Reads festival", "Night school"])[2] == [
        "Learning centre on the Old Quay Gamma Reads festival", "Night school"]


def test_a_joined_line_parted_after_a_place_where_the_next_caption_opens_in_sentence_case() -> None:
    """Gamma shows one caption fewer than the others: its line holds a place closing the
    first caption ("in Zenda") and a second one in sentence case ("Young weavers at
    their looms"), the capital after a capitalised word. Hard negatives: a name of two
    capitalised words after an article ("at the Old Mill plenary session"), or after
    "of" ("class of Zenda Young weavers"), is no seam."""
    assert _booklet(["Pottery class in Zenda Young weavers at their looms"])[2] == [
        "Pottery class in Zenda", "Young weavers at their looms"]
    for line in ("Weavers at the Old Mill plenary session", "Pottery class of Zenda Young weavers"):
        assert _booklet([line])[2] == [line], line


def test_two_caption_lines_in_capitals_in_a_city_one_caption_short_are_two_captions() -> None:
    """Gamma shows one caption fewer than the others, and one of its caption blocks is
    two lines in capitals, the first running on into nothing: two captions an extractor
    gave a line each, with no blank line between (case cannot tell them from one caption
    wrapped). Hard negatives: a first line ending on a small word ("... IN THE") is a
    caption wrapped, and so is any two-line caption in a city at its usual count, or
    where fewer than half the cities print the usual count (no habit to go by)."""
    assert _booklet(["DIGITAL ARCHIVE OPENING\nHARBOUR FESTIVAL DAY"])[2] == [
        "DIGITAL ARCHIVE OPENING", "HARBOUR FESTIVAL DAY"]
    assert _booklet(["LEARNING CENTRE IN THE\nOLD TOWN SQUARE"])[2] == ["LEARNING CENTRE IN THE OLD TOWN SQUARE"]
    assert _booklet(["DIGITAL ARCHIVE OPENING\nHARBOUR FESTIVAL DAY", "Night school"])[2] == [
        "DIGITAL ARCHIVE OPENING HARBOUR FESTIVAL DAY", "Night school"]
    text = "\n\n".join([_city(1, "Alpha", ["Pupils in the library", "Night school", "Town hall in winter"]),
                        _city(2, "Beta", ["Choir in the square", "Book fair", "Harbour walk"]),
                        _city(3, "Gamma", ["Reading club"]),
                        _city(4, "Delta", ["DIGITAL ARCHIVE OPENING\nHARBOUR FESTIVAL DAY", "Pottery class"]),
                        _city(5, "Epsilon", ["Market day", "Weaving circle"])]) + "\n"
    assert parse_text(text).cities[3].captions == ["DIGITAL ARCHIVE OPENING HARBOUR FESTIVAL DAY", "Pottery class"]


def test_a_caption_opening_on_its_label_is_parted_where_the_label_opens_another() -> None:
    """The booklet labels its captions ("Photo: ..."): a caption line that prints the
    label again inside is two captions, whatever the city's count (every city here shows
    its two captions read across as one line), mid-line or wrapped, in capitals too.
    Hard negatives: a label word inside a caption before a small letter ("... from the
    left: a view") opens nothing, and a line that does not itself open on a label stays
    as read (no habit of labels to go by)."""
    joined = [_city(n, name, [f"Photo: Pupils in {name} Photo: Night school in the old town"])
              for n, name in ((1, "Alpha"), (2, "Beta"), (3, "Gamma"))]
    assert [city.captions for city in parse_text("\n\n".join(joined) + "\n").cities] == [
        [f"Pupils in {name}", "Night school in the old town"] for name in ("Alpha", "Beta", "Gamma")]
    assert _booklet(["PHOTO: GUILD HALL IN THE\nOLD TOWN PHOTO: HARBOUR SCHOOL", "Book fair"])[2] == [
        "GUILD HALL IN THE OLD TOWN", "HARBOUR SCHOOL", "Book fair"]
    assert _booklet(["Photo: Gamma from the left: a view of the harbour", "Book fair"])[2] == [
        "Gamma from the left: a view of the harbour", "Book fair"]
    assert _booklet(["Old Guild Hall Photo: Harbour school", "Book fair"])[2] == [
        "Old Guild Hall Photo: Harbour school", "Book fair"]


def test_two_cities_with_a_caption_too_many_make_no_habit_against_five() -> None:
    """Hard negative: five cities print two captions and two print three (one line too
    many each, as a wrapped caption read as two gives): three is no habit, so a city at
    two keeps its caption that names it mid-line ("Harbour Week Gamma sporting day") whole,
    though a city one caption short of a habit would have it parted before its name."""
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta"]
    captions = {name: [f"Pupils in the {name} library", f"Night school of {name}"] for name in names}
    captions["Alpha"].append("Town hall in winter")
    captions["Beta"].append("Harbour walk at dusk")
    captions["Gamma"] = ["Harbour Week Gamma sporting day", "Night school of Gamma"]
    text = "\n\n".join(_city(n, name, captions[name]) for n, name in enumerate(names, 1)) + "\n"
    gamma = parse_text(text).cities[2]
    assert gamma.captions == ["Harbour Week Gamma sporting day", "Night school of Gamma"]


def _cities(captions: dict[str, list[str]]) -> list[list[str]]:
    text = "\n\n".join(_city(n, name, lines) for n, (name, lines) in enumerate(captions.items(), 1)) + "\n"
    return [city.captions for city in parse_text(text).cities]


def test_lines_read_across_in_two_cities_are_parted_whatever_the_counts() -> None:
    """The cities print one, two and three captions: no count is a habit, but two cities
    show a line with a place where a caption opens in sentence case (a common word in
    capitals, then a lowercase word, after a lowercase word that is no small word, or
    after a name "in"/"at" make a place): the extractor read the captions across. Each
    such line is parted, at every such place (three captions in one line too)."""
    assert _cities({
        "Alpha": ["Reading club in Klow Pupils at work in the garden"],
        "Beta": ["Night school at Strelsau College Volunteers at the harbour library Weavers in their shop"],
        "Gamma": ["Town hall in winter"],
    }) == [["Reading club in Klow", "Pupils at work in the garden"],
           ["Night school at Strelsau College", "Volunteers at the harbour library", "Weavers in their shop"],
           ["Town hall in winter"]]


def test_a_line_read_across_parts_before_the_citys_own_name_only() -> None:
    """Lines read across in two cities; Gamma's names an event after the city ("Gamma Reads
    festival") after a place that "on" leads: "Reads" would open a caption by the other
    rule, but the city's own name after a capitalised word opens it, and the line parts
    there only."""
    assert _cities({
        "Alpha": ["Reading club in Klow Pupils at work in the garden"],
        "Beta": ["Night school at Strelsau College Volunteers at the harbour"],
        "Gamma": ["Learning centre on Old Quay Gamma Reads festival"],
    })[2] == ["Learning centre on Old Quay", "Gamma Reads festival"]


def test_a_place_that_goes_on_a_name_or_one_city_alone_is_no_caption_read_across() -> None:
    """Hard negatives. A capital on a word that ends names ("Park", "College"), on a word
    no word list holds, after an article ("at the Old Mill plenary session") or in a line
    in capitals that no name's end or one-word place leads, or that leaves a piece of
    fewer than three words, opens no caption, though another city shows lines read across; and one
    city alone showing such a line, where the counts show no habit either, keeps it."""
    for line in ("Pupils in Zenda Park at dawn", "Pupils in Zenda Szohod weavers at work",
                 "Weavers at the Old Mill plenary session", "PUPILS AT THE LIBRARY READING ROOM",
                 "BOOKS IN ZENDA PARK AT NIGHT"):
        assert _cities({
            "Alpha": ["Reading club in Klow Pupils at work in the garden"],
            "Beta": ["Night school at Strelsau College Volunteers at the harbour"],
            "Gamma": [line, "Town hall in winter", "Harbour walk"],
        })[2] == [line, "Town hall in winter", "Harbour walk"], line
    assert _cities({
        "Alpha": ["Reading club in Klow Pupils at work in the garden"],
        "Beta": ["Night school", "Town hall in winter", "Harbour walk"],
        "Gamma": ["Book fair in the square"],
    })[0] == ["Reading club in Klow Pupils at work in the garden"]


def test_a_city_two_captions_short_has_its_line_of_three_parted_at_both_places() -> None:
    """Three cities print three captions, Gamma one line: the line holds two places where
    a caption opens, as many as Gamma lacks, so it is parted at both."""
    three = ["Pupils in the library", "Night school", "Town hall in winter"]
    assert _cities({
        "Alpha": three, "Beta": three, "Delta": three,
        "Gamma": ["Reading club in the library Pupils at work in the garden Weavers at their looms"],
    })[3] == ["Reading club in the library", "Pupils at work in the garden", "Weavers at their looms"]


def test_a_name_wrapped_onto_a_line_of_its_last_word_alone_is_one_caption() -> None:
    """A caption wrapped inside a name ("Graduation ceremony at Zenda" / "College"): a line
    of one word that ends names, under a line ending on a capitalised word, goes on the
    caption above. Hard negative: under a line ending in lowercase it is a caption of its
    own, as any capitalised line there is."""
    assert _booklet(["Graduation ceremony at Zenda\nCollege", "Night school"])[2] == [
        "Graduation ceremony at Zenda College", "Night school"]
    assert _booklet(["Reading club in the harbour\nLibrary", "Night school"])[2] == [
        "Reading club in the harbour", "Library", "Night school"]


def test_a_name_wrapped_onto_its_last_word_alone_in_text_with_no_blank_lines() -> None:
    """Text with no blank lines (pypdf): "College", printed alike in every city under its
    caption's first line, opens no paragraph (the caption's column is narrower than the
    text's, so the first line had no room for it) and is no caption of its own."""
    cities = [_city(n, name, [f"Graduation ceremony at {name}\nCollege", f"Night school in {name}"])
              for n, name in ((1, "Alpha"), (2, "Beta"), (3, "Gamma"))]
    text = "\n".join(cities).replace("\n\n", "\n") + "\n"
    assert [city.captions for city in parse_text(text).cities] == [
        [f"Graduation ceremony at {name} College", f"Night school in {name}"] for name in ("Alpha", "Beta", "Gamma")]


def test_captions_in_capitals_read_across_or_stacked_are_parted_after_a_name_or_a_place() -> None:
    """Captions in capitals, read across into one line (pypdfium2) or stacked a line each
    with no blank line between (PyMuPDF, pypdf), in two cities: case cannot show where one
    opens, but a name ended by a word that ends names ("... STRELSAU COLLEGE") or a one-word
    place after "in"/"at"/"on" ("... IN KLOW") closes one, and the next opens on a common
    word ("DIGITAL", "OPENING"). Stacked lines part only at their line breaks."""
    assert _cities({
        "Alpha": ["GRADUATION AT STRELSAU COLLEGE DIGITAL SKILLS CLASS"],
        "Beta": ["COMMUNITY GARDEN IN KLOW\nOPENING OF THE FAIR", "Night school"],
        "Gamma": ["Town hall in winter"],
    }) == [["GRADUATION AT STRELSAU COLLEGE", "DIGITAL SKILLS CLASS"],
           ["COMMUNITY GARDEN IN KLOW", "OPENING OF THE FAIR", "Night school"],
           ["Town hall in winter"]]


def test_three_captions_read_across_into_a_line_too_long_for_one_are_captions_not_an_item() -> None:
    """Three captions read across, under the items, make a line longer than any caption:
    it would count as an item. Where two cities show such lines, each is parted into
    captions when every piece reads as one. Hard negative: a long line with no place
    where a caption opens stays as read (an item of its own, with no full stop)."""
    def city(n: int, name: str, under: str) -> str:
        return "\n\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of learners. Its initiatives include:",
                              f"Reading clubs in {name}.", f"Evening classes in {name}.", under,
                              f"‘{name} learns together.’", f"Ann Ek, Mayor of {name}"])

    def line(name: str) -> str:
        return (f"Reading club in the {name} library Pupils at work in the school garden"
                f" Weavers at their looms in the old mill")
    long_item = "Evening classes for the workers of the mills in every district of the town and its villages"
    cities = parse_text("\n\n".join([city(1, "Alpha", line("Alpha")), city(2, "Beta", line("Beta")),
                                      city(3, "Gamma", long_item)]) + "\n").cities
    assert [c.captions for c in cities[:2]] == [[f"Reading club in the {name} library", "Pupils at work in the school garden",
                                                 "Weavers at their looms in the old mill"] for name in ("Alpha", "Beta")]
    assert [len(c.initiatives) for c in cities] == [2, 2, 3] and cities[2].captions == []


def test_a_name_wrapped_onto_its_last_word_alone_in_capitals_in_text_with_no_blank_lines() -> None:
    """Captions in capitals, no blank lines (pypdf): "LIBRARY" under "CHILDREN AT THE
    BETA" goes on the caption, though a longer caption line elsewhere shows that the first
    line had room for it (the letters' measure says nothing); the word ends names."""
    def city(n: int, name: str, captions: list[str]) -> str:
        return "\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of readers where everyone learns. Its initiatives include:",
                          f"1. Evening classes in the old mills of {name}.", f"2. A reading week in {name} every spring.",
                          f"‘In {name} everyone learns.’", f"— Ann Ek, Mayor of {name}", *captions, str(n + 2)])

    text = "\n".join([city(1, "Alpha", ["WORKSHOP FOR FAMILIES IN ALPHA", "GRADUATION CEREMONY AT THE ALPHA COLLEGE"]),
                      city(2, "Beta", ["CHILDREN AT THE BETA", "LIBRARY", "OPENING OF THE BETA", "FESTIVAL"]),
                      city(3, "Gamma", ["STUDENTS AT THE GAMMA CENTRE", "NIGHT SCHOOL IN GAMMA"])]) + "\n"
    assert [city.captions for city in parse_text(text).cities][1] == [
        "CHILDREN AT THE BETA LIBRARY", "OPENING OF THE BETA FESTIVAL"]


def _closing_city(n: int, name: str, after: str) -> str:
    """A city in text with no blank lines (pypdfium2): heading, intro, two items, quote,
    attribution, then `after` (its captions, say)."""
    return "\n".join([f"{n}. Ruritania, {name}", f"{name} is a town of readers where everyone learns. Its initiatives include:",
                      f"1. Evening classes in the old mills of {name}.", f"2. A reading week in {name} every spring.",
                      f"‘In {name} everyone learns.’", f"— Ann Ek, Mayor of {name}", after])


_CLOSING_CAPTIONS = {
    "Alpha": ["Students at the harbour centre", "A reading class in the old town", "Volunteers at work in the Klow hills"],
    "Beta": ["Workshop for older adults in Szohod", "Volunteers at work in the market", "Night school in old Strelsau"],
    "Gamma": ["Community garden in Zenda", "Students at the river school", "Digital skills class in the Borduria mills"]}


def test_three_captions_read_across_before_the_next_heading_stay_the_citys_own() -> None:
    """Three captions read across into one line too long for a caption, right after the
    city's attribution and before the next heading (pypdfium2, no blank lines): read as a
    paragraph the line opened the next city's matter; parted into captions, they are the
    city's own, after its closing, as captions there always are."""
    rows = _CLOSING_CAPTIONS
    # The last city's captions a line each (its matter after its closing is the booklet's end).
    text = "\n".join(_closing_city(n, name, ("\n" if name == "Gamma" else " ").join(captions))
                     for n, (name, captions) in enumerate(rows.items(), 1)) + "\n"
    assert all(len(" ".join(captions)) > 90 for captions in rows.values())
    assert [city.captions for city in parse_text(text).cities] == list(rows.values())


def test_the_last_citys_captions_read_across_after_its_closing_are_its_own() -> None:
    """Where the booklet reads captions across, the last city's three, in one line too
    long for a caption right after its attribution, are its own photos too (before,
    the line was the matter after the last city, reported as unassigned). Hard negative:
    a sentence there (a closing note of the booklet) stays after the city."""
    rows = _CLOSING_CAPTIONS
    text = "\n".join(_closing_city(n, name, " ".join(captions)) for n, (name, captions) in enumerate(rows.items(), 1)) + "\n"
    assert [city.captions for city in parse_text(text).cities] == list(rows.values())
    note = "The award will be given again next year to cities that open their schools and libraries to everyone."
    ended = "\n".join(_closing_city(n, name, " ".join(captions) if name != "Gamma" else note)
                      for n, (name, captions) in enumerate(rows.items(), 1)) + "\n"
    gamma = parse_text(ended).cities[2]
    assert gamma.captions == [] and all(note not in i.text for i in gamma.initiatives)


def test_a_city_short_of_the_usual_count_by_more_than_its_seams_is_parted_where_the_booklet_reads_across() -> None:
    """The cities print three, three and two photos; the extractor read captions across
    (two cities show a line of two): Delta's two captions in one line ("... in Szohod |
    Klow learning fair", a name opening the second) are parted at their one place, though
    Delta is two short of the usual three. Hard negative: where no city shows a line read
    across, a city two short with one such place keeps its line."""
    across = {"Alpha": ["Opening of the Zenda Festival Klow learning fair", "Pupils at the harbour library"],
              "Beta": ["Graduation at Strelsau College Vesk reading circle", "Weavers in their shop"],
              "Gamma": ["Town hall in winter", "Night school in the mill", "Market day by the river"],
              "Delta": ["Community garden in Szohod Klow learning fair"]}
    got = _cities(across)
    assert got[0] == ["Opening of the Zenda Festival", "Klow learning fair", "Pupils at the harbour library"]
    assert got[3] == ["Community garden in Szohod", "Klow learning fair"]
    apart = {"Alpha": ["Opening of the Zenda Festival", "Pupils at the harbour library", "Weavers in their shop"],
             "Beta": ["Town hall in winter", "Night school in the mill", "Market day by the river"],
             "Gamma": ["Community garden in Szohod Klow learning fair"]}
    assert _cities(apart)[2] == ["Community garden in Szohod Klow learning fair"]


def test_three_captions_read_across_after_the_citys_stats_box_and_before_its_page_end_are_its_own() -> None:
    """The city closes on its stats box, set after its quote; the line of three captions
    read across follows, then the page's number and running head, then the next heading
    (pypdfium2, no blank lines). Page furniture under the captions puts them on the
    city's page: they are its photos, not the next city's. Hard negative: with no page
    furniture between the line and the next heading, a city closing on its box does not
    take them back (captions above a heading may be the next city's)."""
    box = "City population City/urban area Annual GDP\n1,250,000 (2019) 410 km² (2018) US$21,400 (2019)"

    def text(furniture: bool) -> str:
        return "\n".join(_closing_city(n, name, "\n".join([box, " ".join(captions),
                                                             *([str(n + 1), "Learning City Award"] if furniture else [])]))
                         for n, (name, captions) in enumerate(_CLOSING_CAPTIONS.items(), 1)) + "\n"
    assert [city.captions for city in parse_text(text(True)).cities] == list(_CLOSING_CAPTIONS.values())
    assert parse_text(text(False)).cities[0].captions == []


def test_a_pair_the_block_stage_parted_shows_the_habit_for_a_line_whose_seam_follows_a_place() -> None:
    """Alpha's two captions read across part only after a place ("... in Klow |
    Volunteers at work"), a seam that needs the booklet's habit; Beta's pair was parted
    already where its seam was sure ("... public parks | Children ..."): that is the
    second city showing captions read across, so Alpha's line is parted too. Hard
    negative: with Beta's two captions apart as printed, no second city shows the habit
    and Alpha's line stays whole."""
    alpha = "Digital skills class in Klow Volunteers at work in Zenda"
    got = _cities({"Alpha": [alpha], "Beta": ["A reading class in public parks Children at the Strelsau library"],
                   "Gamma": ["Community garden in Szohod"]})
    assert got == [["Digital skills class in Klow", "Volunteers at work in Zenda"],
                   ["A reading class in public parks", "Children at the Strelsau library"], ["Community garden in Szohod"]]
    apart = _cities({"Alpha": [alpha], "Beta": ["A reading class in public parks", "Children at the Strelsau library"],
                     "Gamma": ["Community garden in Szohod"]})
    assert apart[0] == [alpha]


def test_captions_in_capitals_read_across_part_before_an_article_opening_the_second() -> None:
    """Captions in capitals read across, the second opening on an article ("... IN KLOW | A
    READING CLASS ...", "... ZENDA LIBRARY | A WRITING CLASS"): after a one-word place or a
    name a word such as "Library" ends, an article before a common word opens a caption, as
    a common word does there. Hard negative: an article before a name ("... KLOW MILL A
    ZENDA CRAFT") opens none."""
    got = _cities({"Alpha": ["DIGITAL SKILLS CLASS IN KLOW A READING CLASS IN THE OLD TOWN"],
                   "Beta": ["CHILDREN AT THE ZENDA LIBRARY A WRITING CLASS FOR ADULTS"],
                   "Gamma": ["COMMUNITY GARDEN IN STRELSAU", "NIGHT SCHOOL IN THE MILL"]})
    assert got[:2] == [["DIGITAL SKILLS CLASS IN KLOW", "A READING CLASS IN THE OLD TOWN"],
                       ["CHILDREN AT THE ZENDA LIBRARY", "A WRITING CLASS FOR ADULTS"]]
    kept = _cities({"Alpha": ["DIGITAL SKILLS CLASS IN KLOW A READING CLASS IN THE OLD TOWN"],
                    "Beta": ["WEAVERS AT THE KLOW MILL A ZENDA CRAFT"],
                    "Gamma": ["COMMUNITY GARDEN IN STRELSAU OPENING OF THE FAIR"]})
    assert kept[2] == ["COMMUNITY GARDEN IN STRELSAU", "OPENING OF THE FAIR"]  # the booklet reads across
    assert kept[1] == ["WEAVERS AT THE KLOW MILL A ZENDA CRAFT"]


def test_two_caption_lines_in_capitals_part_where_their_words_show_a_seam_without_a_habit() -> None:
    """Fewer than half the cities print the usual count, so the habit cannot part a
    two-line block in capitals; but where the line break falls after a name a word such
    as "College" ends, or after a one-word place before an article and a common word,
    the words show a caption opening there, and the block of a city one caption short is
    parted. Hard negative: a line break the words show nothing at stays as read."""
    def booklet(delta: str) -> list[str]:
        text = "\n\n".join([_city(1, "Alpha", ["Pupils in the library", "Night school", "Town hall in winter"]),
                            _city(2, "Beta", ["Choir in the square", "Book fair", "Harbour walk"]),
                            _city(3, "Gamma", ["Reading club"]),
                            _city(4, "Delta", [delta, "Pottery class"]),
                            _city(5, "Epsilon", ["Market day", "Weaving circle"])]) + "\n"
        return parse_text(text).cities[3].captions

    assert booklet("GRADUATION AT STRELSAU COLLEGE\nDIGITAL SKILLS CLASS IN KLOW") == [
        "GRADUATION AT STRELSAU COLLEGE", "DIGITAL SKILLS CLASS IN KLOW", "Pottery class"]
    assert booklet("WORKSHOP FOR PUPILS IN KLOW\nA READING CLASS IN THE HARBOUR") == [
        "WORKSHOP FOR PUPILS IN KLOW", "A READING CLASS IN THE HARBOUR", "Pottery class"]
    assert booklet("DIGITAL ARCHIVE OPENING\nHARBOUR FESTIVAL DAY") == [
        "DIGITAL ARCHIVE OPENING HARBOUR FESTIVAL DAY", "Pottery class"]
