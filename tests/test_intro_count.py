"""The intro of a city whose items carry no marker, found by the booklet's count of items."""

from __future__ import annotations

from booklet_extract.pipeline import parse_text

PLACES = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod")]


def _city(k: int, country: str, city: str, cut: bool) -> str:
    """A city whose intro, when `cut`, breaks over its page's edge mid-sentence."""
    intro = (f"{city} lies where two valleys meet, on the old road to the\nsea. With few schools of its own, it has\n\n"
             f"Learning Towns Prize 2031 | {k + 1}\n\fmade the whole town a classroom." if cut else
             f"{city} lies where two valleys meet, on the old road to the\nsea. With few schools of its own, it has made the whole town a classroom.")
    return (f"{k}. {country}, {city}\n\nCity population: 88,150\n\n{intro}\n\n"
            f"Evening courses carried by bus to the hamlets around {city}.\n\n"
            f"Workshops where retired joiners of {city} teach young people.\n\n"
            f"A book fair set up every autumn in the old mills of {city}.\n\n"
            f"‘Two valleys, one town.’\nAnn Ek, Mayor of {city}\n\nLearning Towns Prize 2031 | {k}\n\f")


def test_an_intro_cut_by_a_page_break_is_the_intro_whole() -> None:
    """Unmarked items, each a paragraph, and one city's intro cut by its page's edge
    mid-sentence ("... it has" / the running footer / "made the whole town ..."): the
    booklet's count of items says the first paragraph is the intro, and it is the whole
    of it, both pieces, not the first item."""
    text = "Learning Towns Prize 2031\n\nSmall towns, too, can give everyone a chance to learn.\n\n\f" + "".join(
        _city(k, c, t, cut=k == 3) for k, (c, t) in enumerate(PLACES, 1))
    booklet = parse_text(text)
    for got, (_, city) in zip(booklet.cities, PLACES, strict=True):
        assert got.intro == (f"{city} lies where two valleys meet, on the old road to the sea. With few schools "
                             "of its own, it has made the whole town a classroom.")
        assert [i.text.split()[0] for i in got.initiatives] == ["Evening", "Workshops", "A"]


def test_an_intro_read_after_some_marked_items_is_the_intro() -> None:
    """pdftotext reads a page's columns out of order: one city's intro comes after its
    first two marked items ("1) ..." / "2) ..." / the intro / "3) ..."). The booklet's
    intros name their city in their first sentence, its items do not: the one plain
    paragraph among the marked items, naming its city, is the intro, not a fourth item.
    Hard negative: an item's rest given apart (in lowercase) is no such paragraph."""
    towns = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Carpania", "Zenda")]

    def city(k: int, country: str, town: str) -> str:
        intro = f"{town} lies where two valleys meet, on the old road to the sea. Its schools work together."
        items = ["1) Evening courses carried by bus to the hamlets.", "2) Workshops where retired joiners teach.",
                 "3) A book fair set up every autumn in the old", "mills of the valley."]
        body = [intro, *items] if k != 2 else [*items[:2], intro, *items[2:]]
        return "\n\n".join([f"{k}. {country}, {town}", *body, "‘Two valleys, one town.’\nAnn Ek, Mayor"]) + "\n\n"

    booklet = parse_text("".join(city(k, *place) for k, place in enumerate(towns, 1)))
    klow = booklet.cities[1]
    assert klow.intro is not None and klow.intro.startswith("Klow lies where two valleys meet")
    assert [i.text for i in klow.initiatives] == ["Evening courses carried by bus to the hamlets.",
                                                 "Workshops where retired joiners teach.",
                                                 "A book fair set up every autumn in the old mills of the valley."]


def test_a_first_item_run_into_the_intro_is_parted_by_the_booklets_count() -> None:
    """Unmarked items and intros with no lead-in colon: pdftotext gives one city's first
    item, a one-line paragraph, right under its intro with no blank line between. The
    city is one item short of the count the others share, its items hold no place to cut,
    and the intro's last line is a whole sentence: it is the first item. Hard negative: a
    city one item short (it prints two) whose intro's last line goes on a sentence keeps
    its intro whole."""
    towns = [("Ruritania", "Strelsau"), ("Syldavia", "Klow"), ("Borduria", "Szohod"), ("Carpania", "Zenda")]
    items = ["Evening courses carried by bus to the hamlets.", "Workshops where retired joiners teach.",
             "A book fair set up every autumn in the old mills."]

    def city(k: int, country: str, town: str) -> str:
        intro = f"{town} lies where two valleys meet, on the old road to the sea, with a long history\nof schools."
        body = {2: [f"{intro}\n{items[0]}", *items[1:]], 3: [intro, *items[1:]]}.get(k, [intro, *items])
        return "\n\n".join([f"{k}. {country}, {town}", *body, "‘Two valleys, one town.’\nAnn Ek, Mayor"]) + "\n\n"

    booklet = parse_text("".join(city(k, *place) for k, place in enumerate(towns, 1)))
    klow, szohod = booklet.cities[1], booklet.cities[2]
    assert klow.intro is not None and klow.intro.endswith("of schools.")
    assert [i.text for i in klow.initiatives] == items
    assert szohod.intro is not None and szohod.intro.endswith("of schools.")
    assert [i.text for i in szohod.initiatives] == items[1:]
