"""Markdown written by hand or by pandoc: footnotes, and a short article's paragraphs."""

from __future__ import annotations

from ganjina.reader import parse_bytes

FRONT = [
    "# **افغانستان آزاد – آزاد افغانستان**",
    "**AA-AA**",
    "www.afgazad.com afgazad@gmail.com",
    "European Languages",
    "By Laura Penn",
    "08.06.2023",
    "## **Rain returns late to the valley**",
]
ONE = (
    "The farmers of the lower valley have waited for rain since the spring, and the wells "
    "give water only at dawn.[^1] The council met on Friday and agreed to share the river."
)
TWO = "Nobody remembers a drier year, though some recall the drought of their childhood.[^dry]"


def _read(*lines: str):  # type: ignore[no-untyped-def]
    return parse_bytes(("\n\n".join([*FRONT, *lines]) + "\n").encode(), "a.md")


def test_footnotes_are_notes_after_the_body_and_the_attribution_stays_last() -> None:
    article = _read(
        ONE, TWO, "Valley Post, 05.06.2023",
        "[^1]: The valley lies north of the city,\n    and its river is fed by snow.",
        "[^dry]: The drought of the 1970s.",
    )  # fmt: skip
    blocks = [(b.type, b.marker, b.text) for b in article.blocks]
    assert blocks[-2:] == [
        ("list_item", "[1]", "The valley lies north of the city, and its river is fed by snow."),
        ("list_item", "[dry]", "The drought of the 1970s."),
    ]
    assert "at dawn.[1] The council" in blocks[0][2]
    assert blocks[1][2].endswith("childhood.[dry]")
    assert article.source is not None and article.source.name == "Valley Post"


def test_a_short_article_keeps_its_paragraphs_apart() -> None:
    # its front matter ends no sentence: that is not a converter's line-by-line writing
    three = "The water masters were elected each spring and kept the hours of every family."
    four = "By the end of May the channel above the village carried water again, they said."
    article = _read(ONE, TWO, three, four)
    assert [b.text[:12] for b in article.blocks] == [t[:12] for t in (ONE, TWO, three, four)]
