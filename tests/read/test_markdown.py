"""PDF-to-Markdown artefacts are undone before the recognizer sees the text."""

from __future__ import annotations

from ganjina.read.markdown import read_markdown
from ganjina.read.markdown_runs import split_styled_runs
from ganjina.reader import parse_bytes
from ganjina.record import Article


def test_escapes_links_emphasis_and_hard_breaks() -> None:
    layout = read_markdown(
        "## ***A \\$5 title***\n\n[www.afgazad.com](http://www.afgazad.com)\n\n"
        "Jane Example  \n14.02.2023\n"
    )
    title, link, byline, date = layout.lines
    assert (title.text, title.hint, title.bold, title.italic) == ("A $5 title", "h2", True, True)
    assert (link.text, link.hint) == ("www.afgazad.com", "link")
    assert byline.soft_break_after and byline.para_start
    assert date.text == "14.02.2023" and not date.para_start


def test_list_markers_kept_as_printed() -> None:
    layout = read_markdown("- 1) first\n- 2) second\n- plain\n3. third\n")
    assert [(ln.marker, ln.text) for ln in layout.lines] == [
        ("1)", "first"),
        ("2)", "second"),
        ("•", "plain"),
        ("3.", "third"),
    ]


def test_page_rules_count_pages_and_images_are_marked() -> None:
    layout = read_markdown("one\n\n-----\n\n![](img.png)\n\ntwo\n")
    assert [(ln.text, ln.page, ln.hint) for ln in layout.lines] == [
        ("one", 1, None),
        ("", 2, "image"),
        ("two", 2, None),
    ]
    assert layout.pages == 2


MASTHEAD = [
    "# **افغانستان آزاد – آزاد افغانستان**",
    "**AA-AA**",
    "چو کشور نباشد تن من مباد",
    "بدین بوم و بر زنده یک تن مباد",
    "همه سر به سر تن به کشتن دهیم",
    "از آن به که کشور به دشمن دهیم",
    "www.afgazad.com afgazad@gmail.com",
    "**European Languages**",
    "Mara Lindqvist",
    "11.03.2024",
    "# The well that the whole street dug",
]
# written for these tests: one long paragraph per entry, each a single Markdown line
PARAGRAPHS = [
    "The street had waited three summers for the city's water truck, and when it stopped "
    "coming the families decided to dig a well of their own behind the old bakery. Every "
    "household gave one evening a week, and the children carried the spoil away in buckets "
    "to fill the ruts of the lane.",
    "The first attempt struck rock at eleven metres, and for a month nobody spoke of trying "
    "again. Then a retired surveyor walked the lane with a bent wire and pointed at a spot "
    "near the mosque wall, where the ground stayed damp long after the rains had passed.",
    "Water came at nineteen metres on a Thursday morning. The bakery lent its pump, a "
    "mechanic from the next district mended it for the cost of the parts, and by the end "
    "of the week the first buckets were being drawn by the women who had cooked for the "
    "diggers.",
    "The well now serves about sixty families, and a committee of four keeps the key to "
    "the pump house and a notebook of who has paid for diesel. The city has promised to "
    "test the water twice a year, though the first visit is still awaited by the street.",
]


def _article(*body: str) -> Article:
    text = "\n\n".join([*MASTHEAD, *body]) + "\n"
    return parse_bytes(text.encode(), "a.md")


def test_whole_paragraphs_are_kept_under_short_front_matter_lines() -> None:
    # the masthead, motto and byline are short lines without a full stop, as printed lines
    # are; the long lines show that this converter kept its paragraphs whole
    article = _article(*PARAGRAPHS)
    assert [b.text for b in article.blocks] == PARAGRAPHS


def test_a_whole_styled_run_inside_a_line_is_a_paragraph_of_its_own() -> None:
    quote = "_We dug because nobody else was going to dig for us._"
    heading = "**What the surveyor found**"
    article = _article(
        f"{PARAGRAPHS[0]} {quote}", f"{PARAGRAPHS[1]} {heading}", PARAGRAPHS[2], PARAGRAPHS[3]
    )
    assert [(b.type, b.text[:24]) for b in article.blocks] == [
        ("paragraph", PARAGRAPHS[0][:24]),
        ("quote", "We dug because nobody el"),
        ("paragraph", PARAGRAPHS[1][:24]),
        ("heading", "What the surveyor found"),
        ("paragraph", PARAGRAPHS[2][:24]),
        ("paragraph", PARAGRAPHS[3][:24]),
    ]


def test_emphasis_inside_a_sentence_splits_nothing() -> None:
    line = "The *Evening Courier* reported it first. A **second** well is planned for spring."
    assert split_styled_runs(line) == [line]
    # a title run on after the byline, and a bold section label after the contact line
    assert split_styled_runs("Mara Lindqvist **The well that the whole street dug**") == [
        "Mara Lindqvist",
        "**The well that the whole street dug**",
    ]
    assert split_styled_runs("<u>www.afgazad.com</u> **European Languages**") == [
        "<u>www.afgazad.com</u>",
        "**European Languages**",
    ]


def test_a_typed_dash_marker_inside_a_converter_bullet() -> None:
    layout = read_markdown("- 1 - first\n- ۲ - second\n")
    assert [(ln.marker, ln.text) for ln in layout.lines] == [("1 -", "first"), ("۲ -", "second")]


def test_an_attribution_run_into_the_last_paragraph_is_the_source() -> None:
    article = _article(*PARAGRAPHS[:3], f"{PARAGRAPHS[3]} Harbour Evening Post 09.03.2024")
    assert article.source is not None
    assert (article.source.name, article.source.date) == ("Harbour Evening Post", "2024-03-09")
    assert article.blocks[-1].text == PARAGRAPHS[3]


def test_a_labelled_attribution_run_into_the_last_paragraph() -> None:
    article = _article(*PARAGRAPHS[:3], f"{PARAGRAPHS[3]} Source: Harbour Evening Post")
    assert article.source is not None and article.source.name == "Harbour Evening Post"
    assert article.blocks[-1].text == PARAGRAPHS[3]


def _front(*lines: str) -> Article:
    head = [*MASTHEAD[:7], "**European Languages**", *lines, "## **The well that the street dug**"]
    return parse_bytes(("\n\n".join([*head, *PARAGRAPHS]) + "\n").encode(), "a.md")


def test_byline_date_and_credit_run_together_by_the_converter() -> None:
    article = _front("By Mara Lindqvist | 11.03.2024 Translated by Jonas Ebert and Ida Roth")
    assert article.authors == ["Mara Lindqvist"]
    assert article.translators == ["Jonas Ebert", "Ida Roth"]
    assert article.date == "2024-03-11"
    assert article.blocks[0].text == PARAGRAPHS[0]


def test_a_translator_credit_with_the_date_run_on() -> None:
    article = _front("Mara Lindqvist", "Aus dem Englischen von Jonas Ebert 11.03.2024")
    assert article.authors == ["Mara Lindqvist"]
    assert article.translators == ["Jonas Ebert"]
    assert article.date == "2024-03-11"


def test_the_site_name_in_the_body_is_a_running_header() -> None:
    # the conversion shows no page breaks: the site's name repeated at a page's top
    # stands among the paragraphs, and must not open a block (its dash is no list marker)
    article = _article(*PARAGRAPHS[:2], "– افغانستان آزاد  آزاد افغانستان", *PARAGRAPHS[2:])
    assert [b.text for b in article.blocks] == PARAGRAPHS


def test_a_paragraph_cut_mid_sentence_goes_on_after_the_cut() -> None:
    head = "Water came at nineteen metres on a Thursday morning, and the first to taste it was"
    # the rest starts with a capital (a name): only the cut can say that it goes on
    rest = "Amina Sadat, who had cooked for the diggers every evening of that long month."
    article = _article(PARAGRAPHS[0], head, rest, *PARAGRAPHS[1:])
    assert [b.text for b in article.blocks] == [PARAGRAPHS[0], f"{head} {rest}", *PARAGRAPHS[1:]]
    # a short line without a stop after a cut is no sentence's rest (an attribution)
    ended = _article(*PARAGRAPHS[:3], PARAGRAPHS[3].rstrip("."), "Harbour Evening Post 09.03.2024")
    assert ended.source is not None and ended.source.name == "Harbour Evening Post"


def test_a_running_header_run_into_the_first_line_of_a_page() -> None:
    head = "Water came at nineteen metres on a Thursday morning, and the first to taste it was"
    rest = "Amina Sadat, who had cooked for the diggers every evening of that long month."
    article = _article(
        PARAGRAPHS[0], head, f"www.afgazad.com afgazad@gmail.com {rest}", *PARAGRAPHS[1:]
    )
    assert [b.text for b in article.blocks] == [PARAGRAPHS[0], f"{head} {rest}", *PARAGRAPHS[1:]]


def _titled(title: str, *more: str) -> Article:
    motto = [f"_{verse}_" for verse in MASTHEAD[2:6]]
    head = [*MASTHEAD[:2], *motto, *MASTHEAD[6:8], "Mara Lindqvist 11.03.2024", title, *more]
    return parse_bytes(("\n\n".join([*head, *PARAGRAPHS]) + "\n").encode(), "a.md")


def test_nested_emphasis_says_bold_and_italic() -> None:
    (line,) = read_markdown("**_The well that the street dug_**\n").lines
    assert (line.text, line.bold, line.italic) == ("The well that the street dug", True, True)
    assert _titled("**_The well that the street dug_**").title == "The well that the street dug"


def test_a_title_in_italic_or_bold_where_the_format_gives_no_sizes() -> None:
    # an italic motto stands above the italic title: the lowest such line is the title
    article = _titled("_The well that the street dug_")
    assert article.title == "The well that the street dug"
    assert [b.text for b in article.blocks] == PARAGRAPHS
    assert _titled("**The well that the street dug**").title == "The well that the street dug"


def test_a_title_the_converter_wrote_as_two_headings() -> None:
    article = _titled("## **The well that the whole**", "## **street dug**")
    assert article.title == "The well that the whole street dug"
    assert [b.text for b in article.blocks] == PARAGRAPHS


def test_one_bold_word_against_a_link_is_a_paragraph_of_its_own() -> None:
    assert split_styled_runs("<u>www.afgazad.com afgazad@gmail.com</u> **پښتو**") == [
        "<u>www.afgazad.com afgazad@gmail.com</u>",
        "**پښتو**",
    ]


ITEMS = ["Clean the channel before the snow melts;", "Share the night turns fairly;"]


def test_the_first_list_item_run_into_the_paragraph_before_it() -> None:
    # a page break (its footer and header) between the run-on item and the next one
    text = "\n\n".join(
        [f"{PARAGRAPHS[0]} 1. {ITEMS[0]}", "Page 1 of 2", "www.afgazad.com afgazad@gmail.com",
         f"2. {ITEMS[1]}", PARAGRAPHS[1]]
    )  # fmt: skip
    lines = [ln for ln in read_markdown(text).lines if ln.hint == "list" or len(ln.text) > 60]
    assert [(ln.hint, ln.marker, ln.text) for ln in lines] == [
        (None, None, PARAGRAPHS[0]),
        ("list", "1.", ITEMS[0]),
        ("list", "2.", ITEMS[1]),
        (None, None, PARAGRAPHS[1]),
    ]


def test_the_paragraph_run_on_after_the_last_list_item() -> None:
    last = "Line the worst stretches with stone."
    text = "\n\n".join(
        [PARAGRAPHS[0], f"1. {ITEMS[0]}", f"2. {ITEMS[1]}", f"3. {last} {PARAGRAPHS[1]}"]
    )
    assert [(ln.hint, ln.text) for ln in read_markdown(text).lines] == [
        (None, PARAGRAPHS[0]),
        ("list", ITEMS[0]),
        ("list", ITEMS[1]),
        ("list", last),
        (None, PARAGRAPHS[1]),
    ]
    # an item of two sentences in a list of such items stays whole
    two = "\n\n".join(
        ["1. One. Two.", "2. Three. Four and five and six words more here.", "3. Seven."]
    )
    assert [ln.text for ln in read_markdown(two).lines][-1] == "Seven."


def test_the_contact_line_run_on_after_an_italic_motto() -> None:
    motto = "_" + " ".join(MASTHEAD[2:6]) + "_"
    assert split_styled_runs(f"{motto} www.afgazad.com afgazad@gmail.com") == [
        motto,
        "www.afgazad.com afgazad@gmail.com",
    ]
    # the motto, in italic, above the masthead's last line is no title
    head = [*MASTHEAD[:2], f"{motto} www.afgazad.com afgazad@gmail.com", "**Dari**"]
    text = "\n\n".join([*head, "Mara Lindqvist", "11.03.2024", "_The well that the street dug_"])
    article = parse_bytes(("\n\n".join([text, *PARAGRAPHS]) + "\n").encode(), "a.md")
    assert article.site is not None and article.site.url == "www.afgazad.com"
    assert article.site.motto == " ".join(MASTHEAD[2:6])
    assert article.title == "The well that the street dug"


def test_a_latin_credit_drawn_first_in_a_right_to_left_caption() -> None:
    (line,) = read_markdown(")AP Photo/Omid Karimi( . نرسی وزن کودکی را در کلینیک می‌سنجد\n").lines
    assert line.text == "نرسی وزن کودکی را در کلینیک می‌سنجد. (AP Photo/Omid Karimi)"
