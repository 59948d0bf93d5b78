"""Front-matter lines read by what they say, in the shapes Word users and converters make."""

from __future__ import annotations

from ganjina.reader import parse_bytes
from ganjina.record import Article

MASTHEAD = ["# **افغانستان آزاد – آزاد افغانستان**", "**AA-AA**"]
TITLE = "## **Der Fluss bleibt trocken**"
BODY = (
    "Die Bauern am Fluss warten seit Wochen auf Regen, und die Brunnen im Dorf geben nur noch "
    "am Morgen Wasser, sagen die Ältesten, die sich jeden Freitag in der Moschee treffen."
)


def _read(*front: str) -> Article:
    text = "\n\n".join([*MASTHEAD, *front, BODY]) + "\n"
    return parse_bytes(text.encode(), "a.md")


def test_a_credit_naming_the_language_translated_from_is_the_translator() -> None:
    article = _read(
        "www.afgazad.com afgazad@gmail.com", "European Languages", "Maria Keller",
        "Aus dem Englischen von Jonas Brandt", "03.04.2023", TITLE,
    )  # fmt: skip
    assert article.authors == ["Maria Keller"]
    assert article.translators == ["Jonas Brandt"]
    assert article.title == "Der Fluss bleibt trocken"


def test_a_byline_that_runs_on_into_the_translator_is_split() -> None:
    article = _read(
        "www.afgazad.com afgazad@gmail.com", "European Languages",
        "Maria Keller – Übersetzt von Jonas Brandt 03.04.2023", TITLE,
    )  # fmt: skip
    assert (article.authors, article.translators) == (["Maria Keller"], ["Jonas Brandt"])
    assert article.date == "2023-04-03"


def test_contact_and_section_on_one_line() -> None:
    article = _read(
        "www.afgazad.com afgazad@gmail.com European Languages", "Maria Keller 03.04.2023", TITLE
    )
    assert article.site is not None and article.site.url and article.site.email
    assert article.section is not None and article.section.labels == ["European Languages"]
    assert not any("afgazad" in b.text for b in article.blocks)


def test_a_byline_under_a_date_printed_under_the_title() -> None:
    article = _read(
        "www.afgazad.com afgazad@gmail.com", "European Languages", TITLE, "03.04.2023",
        "Maria Keller und Jonas Brandt",
    )  # fmt: skip
    assert article.authors == ["Maria Keller", "Jonas Brandt"]
    assert article.blocks[0].text.startswith("Die Bauern")


def test_a_body_line_that_begins_with_by_is_no_byline() -> None:
    # a paragraph's printed line may start with "by" after a line break: it names nobody
    text = "\n".join(
        [
            *MASTHEAD, "", "www.afgazad.com afgazad@gmail.com", "", "European Languages", "",
            "Daniel Sorensen", "", "## **A quiet fight over water**", "",
            "Hydrologists warn that the ground water under the plain has fallen",
            "by more than 4 metres over the last decade. Young men from the district",
            "repaired the canal themselves.", "",
        ]
    )  # fmt: skip
    article = parse_bytes(text.encode(), "a.md")
    assert article.authors == ["Daniel Sorensen"]
    assert any("by more than 4 metres" in b.text for b in article.blocks)


def test_a_labelled_byline_with_initials_is_read() -> None:
    article = _read(
        "www.afgazad.com afgazad@gmail.com", "European Languages", "Von A. K. Rahimi",
        "03.04.2023", TITLE,
    )  # fmt: skip
    assert article.authors == ["A. K. Rahimi"]


# -- front matter set in Word and read from its lines (sizes, styles, paragraph starts) --
def _layout_read(*front: tuple[str, float, dict[str, bool]], motto: int = 0) -> Article:
    """Read a page of lines: masthead (with ``motto`` lines of a poem), the ``front``
    lines (text, size, flags), body."""
    from ganjina.house.profile import builtin_profile
    from ganjina.house.recognize import recognize
    from ganjina.read.layout import Layout, Line

    def line(text: str, size: float, **flags: bool) -> Line:
        return Line(text, size=size, para_start=flags.pop("para_start", True), **flags)

    lines = [
        line("افغانستان آزاد – آزاد افغانستان", 21, bold=True),
        line("AA-AA", 12, bold=True),
        *(line(f"Ein Vers über die Berge, Zeile {n}", 10, italic=True) for n in range(motto)),
        line("www.afgazad.com    afgazad@gmail.com", 10),
        line("European Languages", 11, bold=True),
        *(line(text, size, **flags) for text, size, flags in front),
        *(line(BODY, 11) for _ in range(3)),
    ]
    return recognize(Layout("pdf", lines, pages=1), builtin_profile())


def test_a_byline_with_the_translator_and_both_calendars_on_one_line() -> None:
    article = _layout_read(
        ("Der Fluss bleibt trocken", 16, {"bold": True}),
        ("Maria Keller – Translated by Jonas Roth | ۱۴ حمل ۱۴۰۲ - 03.04.2023", 11, {}),
    )
    assert (article.authors, article.translators) == (["Maria Keller"], ["Jonas Roth"])
    assert article.date == "2023-04-03"
    assert article.blocks[0].text == BODY  # nothing of the byline left in the body


def test_a_byline_above_the_translator_line_without_a_date() -> None:
    article = _layout_read(
        ("Maria Keller and Jonas Roth", 11, {}),
        ("Translated by Lena Wirth", 11, {}),
        ("Der Fluss bleibt trocken", 16, {"bold": True}),
    )
    assert article.authors == ["Maria Keller", "Jonas Roth"]
    assert article.translators == ["Lena Wirth"]
    assert article.date is None and article.title == "Der Fluss bleibt trocken"


def test_a_byline_wrapped_inside_its_credit_is_read_whole() -> None:
    article = _layout_read(
        ("Der Fluss bleibt trocken", 16, {"bold": True}),
        ("Von Maria Keller, Jonas Roth und Lena Wirth – Aus dem", 11, {}),
        ("Englischen von Paul Sieber – 03.04.2023", 11, {"para_start": False}),
    )
    assert article.authors == ["Maria Keller", "Jonas Roth", "Lena Wirth"]
    assert article.translators == ["Paul Sieber"]


def test_an_italic_title_a_little_larger_than_the_body_is_the_title() -> None:
    article = _layout_read(
        ("Der Fluss bleibt trocken", 14, {"italic": True}),
        ("03.04.2023", 11, {}),
        ("Maria Keller", 11, {}),
    )
    assert article.title == "Der Fluss bleibt trocken"
    assert article.authors == ["Maria Keller"]


def test_a_bold_title_set_smaller_than_its_sub_headings_is_the_title() -> None:
    # the title stands before the body; a sub-heading further down may be set larger
    article = _layout_read(
        ("Der Fluss bleibt trocken", 12, {"bold": True}),
        ("Von Maria Keller", 11, {}),
        ("03.04.2023", 11, {}),
        (BODY, 11, {}),
        ("Was die Bauern fordern", 15, {"bold": True}),
        motto=4,
    )
    assert article.title == "Der Fluss bleibt trocken"
    assert [b.type for b in article.blocks[:3]] == ["paragraph", "heading", "paragraph"]


def test_a_title_a_converter_moved_above_the_masthead_leaves_the_masthead_out() -> None:
    text = "\n\n".join(
        [TITLE, *MASTHEAD, "www.afgazad.com afgazad@gmail.com", "European Languages",
         "Maria Keller", "03.04.2023", BODY]
    )  # fmt: skip
    article = parse_bytes(text.encode() + b"\n", "a.md")
    assert article.title == "Der Fluss bleibt trocken"
    assert article.authors == ["Maria Keller"] and article.date == "2023-04-03"
    assert [b.text for b in article.blocks] == [BODY]


def test_a_large_italic_title_under_the_byline_beats_a_bold_sub_heading() -> None:
    article = _layout_read(
        ("Von Maria Keller", 11, {}),
        ("03.04.2023", 11, {}),
        ("Der Fluss, der im Sommer trocken bleibt und das Tal verlässt", 17, {"italic": True}),
        # a page's printed lines: short, so the front matter's region runs on past them
        ("Die Bauern am Fluss warten seit Wochen auf Regen, und die", 11, {}),
        ("Brunnen im Dorf geben nur noch am Morgen Wasser.", 11, {"para_start": False}),
        ("Was die Bauern fordern", 13, {"bold": True}),
    )
    assert article.title == "Der Fluss, der im Sommer trocken bleibt und das Tal verlässt"


def test_a_scanned_motto_set_larger_than_the_title_stays_in_the_masthead() -> None:
    # OCR loses the motto's italic and measures its Arabic-script rows up to a fifth too
    # large: the verse, centred under the site's name, must not take the bold title's place
    from ganjina.house.profile import builtin_profile
    from ganjina.house.recognize import recognize
    from ganjina.read.layout import Layout, Line

    verses = [  # nine words or so each, as a line of prose has
        "دل من در هوای کوه و دره و دشت است هنوز",
        "باد از سوی کابل خبر از خانه می‌آورد هر شب",
        "هر چه دوریم ز خاک وطن ای یار عزیز",
        "باز در سینه همان شوق و همان سوز بجاست",
    ]
    lines = [
        Line("افغانستان آزاد – آزاد افغانستان", size=24, bold=True, align="center"),
        Line("AA-AA", size=11, bold=True, align="center"),
        *(
            Line(v, size=s, align="center")
            for v, s in zip(verses, (16.5, 12.3, 18.4, 20.4), strict=True)
        ),
        Line("www.afgazad.com", size=7, align="center"),
        Line("afgazad@gmail.com", size=10, align="center"),
        Line("European Languages", size=11, bold=True, align="center"),
        Line("ahs! clels", size=18.4, align="center"),  # the label's Persian line, misread
        Line("Maria Keller", size=12.3, align="left"),
        Line("03.04.2023", size=12.3, align="left"),
        Line("Der Fluss bleibt trocken", size=16.5, bold=True, align="center"),
        *(Line(BODY, size=12.3, align="justify") for _ in range(3)),
    ]
    article = recognize(Layout("pdf", lines, pages=1), builtin_profile())
    assert article.title == "Der Fluss bleibt trocken"
    assert article.authors == ["Maria Keller"] and article.date == "2023-04-03"
    assert not any(v in b.text for v in verses for b in article.blocks)


def test_a_regular_title_a_size_over_the_body_beats_a_bold_sub_heading() -> None:
    # set neither bold nor italic, 14 pt over an 11 pt body (under the 1.3x of "large"):
    # it stands before the body, so a bold sub-heading further down is not the title
    article = _layout_read(
        ("Von Maria Keller", 11, {}),
        ("03.04.2023", 11, {}),
        ("Eine Klinik im Tal hat nur einen Arzt", 14, {}),
        ("Die Bauern am Fluss warten seit Wochen auf Regen, und die", 11, {}),
        ("Brunnen im Dorf geben nur noch am Morgen Wasser.", 11, {"para_start": False}),
        ("Zu Fuß zu den Müttern", 13, {"bold": True}),
    )
    assert article.title == "Eine Klinik im Tal hat nur einen Arzt"
    assert any(b.type == "heading" and b.text == "Zu Fuß zu den Müttern" for b in article.blocks)
