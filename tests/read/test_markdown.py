"""PDF-to-Markdown artefacts are undone before the recognizer sees the text."""

from __future__ import annotations

from ganjina.read.markdown import read_markdown


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
