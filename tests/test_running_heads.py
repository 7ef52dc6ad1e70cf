"""Running heads (`running_heads.find_running_heads`) against lines a booklet prints alike
in every city that are no page furniture."""

from __future__ import annotations

from booklet_extract.pipeline import parse_text
from booklet_extract.profile import DEFAULT_PROFILE
from booklet_extract.running_heads import find_running_heads


def _city(n: int, country: str, city: str, people: str) -> str:
    """A town whose second item opens on a line every town prints alike, its text going on
    in small letters on the next line (a column's width broke it there)."""
    return (f"{n}. {country}, {city}\n\n{city} is a town of {people} where everyone learns. Its initiatives include:\n"
            f"The {city} evening school, open to all\nresidents of the town.\n"
            f"An affordable housing and learning scheme\nfor the {people}, combining shelter with lessons.\n\n"
            f"‘In {city} learning never stops.’\nAnn Ek, Mayor of {city}\n\n"
            f"Evening class in {city}\n\nThe harbour of {city} at dawn\n\nReaders in the {city} library\n\f")


def test_a_sentence_opening_printed_alike_in_every_city_is_no_running_head() -> None:
    places = [("Syldavia", "Klow", "fishers"), ("Borduria", "Szohod", "weavers"), ("Ruritania", "Zenda", "miners")]
    booklet = parse_text("".join(_city(n, *place) for n, place in enumerate(places, 1)))
    assert [c.initiatives[1].text for c in booklet.cities] == [
        f"An affordable housing and learning scheme for the {people}, combining shelter with lessons."
        for _, _, people in places]


def test_a_running_title_over_pages_going_on_mid_sentence_stays_a_running_head() -> None:
    # Hard negative: a title in capitals over each page, each page going on in small
    # letters, is still the page's furniture.
    page = ["Learning Towns Review", "ning in the evenings, and so on.", *["Some text of the page."] * 10]
    heads = find_running_heads(page * 3, DEFAULT_PROFILE)
    assert sorted(heads.alone) == [0, 12, 24]


def test_a_line_stopping_on_a_word_no_title_ends_with_is_no_running_head() -> None:
    # A quote set in a narrow column breaks alike in every city ("We are proud that" /
    # "Klow has taken this path."): the line is the quote's, not the page's furniture.
    page = ["We are proud that", "Klow has taken this path.", *["Some text of the page."] * 10]
    assert not find_running_heads(page * 3, DEFAULT_PROFILE).every
    titled = ["Learning Towns of the North", "Klow has taken this path.", *["Some text of the page."] * 10]
    assert sorted(find_running_heads(titled * 3, DEFAULT_PROFILE).alone) == [0, 12, 24]


def test_an_item_numbered_apart_whose_line_stops_on_a_word_no_title_ends_with_is_no_running_head() -> None:
    # "4 Mobile libraries that bring books to" over "the farms of Klow.": a number before
    # a line printed alike in every city reads like a page number before a title; a title
    # does not stop on "to".
    lines = []
    for number, town in (("4", "Klow"), ("2", "Szohod"), ("1", "Zenda")):
        lines += [f"{number} Mobile libraries that bring books to", f"the farms of {town}.", *["Text."] * 10]
    assert not find_running_heads(lines, DEFAULT_PROFILE).every


def test_a_role_wrapped_over_the_last_lines_of_a_page_stops_at_the_running_foot() -> None:
    # "Ann Ek, Deputy" / "Mayor for Education," / "Klow", then the page's foot, then the
    # next page opening with the next town's quote (set in a margin read first): the
    # foot is the page's, not the rest of the role.
    def closing(city: str, speaker: str) -> list[str]:
        return [f"‘In {city} everyone learns.’", f"{speaker}, Deputy", "Mayor for Education,", city]

    def text(n: int, country: str, city: str) -> list[str]:
        return [f"{n}. {country}, {city}", f"{city} is a town of readers where everyone learns. Its initiatives include:",
                f"1. Evening classes in the old mills of {city}.", f"2. A reading week in {city} every spring."]

    pages = [text(1, "Syldavia", "Klow") + closing("Klow", "Ann Ek"),
             closing("Szohod", "Bo Ek") + text(2, "Borduria", "Szohod"),
             text(3, "Ruritania", "Zenda") + closing("Zenda", "Cy Ek")]
    booklet = parse_text("\f".join("\n".join([*page, f"Learning Towns Review | {n}"]) + "\n"
                                   for n, page in enumerate(pages, 1)))
    # The second town's closing, set above its heading, opens the second page with a
    # quote; its role, cut at its comma over the heading, goes on with the town's name.
    assert [c.quote.role if c.quote else None for c in booklet.cities] == [
        "Deputy Mayor for Education, Klow", "Deputy Mayor for Education, Szohod", "Deputy Mayor for Education, Zenda"]


def test_an_items_first_line_after_its_number_printed_alike_in_every_city_is_no_running_head() -> None:
    # "01 A fund that finances small" / "projects of the weavers ...": the number before the
    # line changes as a page number would, but the line opens a sentence that goes on in
    # small letters under it, in every copy. Hard negative: a title after a page number,
    # over pages that open with capitals, stays a running head.
    lines = []
    for number, people in (("01", "weavers"), ("02", "miners"), ("03", "fishers")):
        lines += [f"{number} A fund that finances small", f"projects of the {people} in the old town.", *["Text."] * 10]
    assert not find_running_heads(lines, DEFAULT_PROFILE).every
    titled = []
    for number in ("1", "2", "3"):
        titled += [f"{number} Learning Towns Review", "Projects of the town.", *["Text."] * 10]
    assert sorted(find_running_heads(titled, DEFAULT_PROFILE).numbered) == [0, 12, 24]



def _closing_page(n: int, country: str, city: str, speaker: str, *, after_role: list[str]) -> str:
    """A town's page whose role wraps in a narrow column ("Ann Ek, Chief" / "Executive of
    Klow"), then the lines `after_role` and the page number."""
    return "\n".join([
        f"{n}. {country}, {city}", f"{city} is a town of readers where everyone learns. Its initiatives include:",
        f"1. Evening classes in the old mills of {city}.", f"2. A reading week in {city} every spring.",
        f"3. Tutors for the farms around {city}.", f"4. A choir school in the {city} town hall.",
        f"‘In {city} everyone learns.’", f"{speaker}, Chief", f"Executive of {city}", *after_role, str(n)]) + "\n\f"


_TOWNS = [("Syldavia", "Klow", "Ann Ek"), ("Borduria", "Szohod", "Bo Ek"), ("Ruritania", "Zenda", "Cy Ek")]


def test_a_bodys_name_every_role_wraps_onto_is_the_roles_not_a_running_head() -> None:
    # "City Council" printed under every town's role, page after page, reads like a
    # running foot; each copy follows a role's place ("Executive of Klow"), so it is the
    # role's rest.
    booklet = parse_text("".join(_closing_page(n, *town, after_role=["City Council"])
                                 for n, town in enumerate(_TOWNS, 1)))
    assert [c.quote.role if c.quote else None for c in booklet.cities] == [
        f"Chief Executive of {city} City Council" for _, city, _ in _TOWNS]


def test_a_running_foot_naming_a_body_after_content_stays_a_running_head() -> None:
    # Hard negative: "Lifelong Learning Council" at every page's foot, after a caption
    # on one page and a role on the others, is the page's furniture: not every copy
    # follows a role.
    foot = "Lifelong Learning Council"
    booklet = parse_text("".join(
        _closing_page(n, *town, after_role=[f"Readers in the {town[1]} library", foot] if n == 2 else [foot])
        for n, town in enumerate(_TOWNS, 1)))
    assert [c.quote.role if c.quote else None for c in booklet.cities] == [
        f"Chief Executive of {city}" for _, city, _ in _TOWNS]


def test_an_items_first_line_after_its_dressed_number_is_no_running_head() -> None:
    """Every city's second item opens alike after a number dressed with a dash ("2 –
    Evening classes in coding"), its number changing from city to city as a page's would,
    its text going on in small letters: an item's first line, not a running title with
    its page number (it had been dropped as page furniture, the item losing its opening).
    Hard negative: a title after a dashed page number, each page going on with a capital,
    stays a running head."""
    def page(n: int, second: str) -> list[str]:
        return [f"{n} – Evening classes in coding", second, *["Some text of the page."] * 10]
    items = page(1, "lessons for farmers, held in schools") + page(2, "lessons for weavers") + page(3, "lessons for all")
    assert not find_running_heads(items, DEFAULT_PROFILE).every
    titles = page(1, "The town of Zenda.") + page(2, "A reading week.") + page(3, "Klow learns.")
    assert sorted(find_running_heads(titles, DEFAULT_PROFILE).numbered) == [0, 12, 24]
