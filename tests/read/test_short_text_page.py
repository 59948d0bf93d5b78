"""A page ended by hand inside a paragraph, seen without positions: in a converter's
Markdown the only trace is a page that holds much less text than the full pages, between
two removed page numbers. Its paragraph goes on after the page number; a page that ended
by itself at a sentence's end starts a new paragraph."""

from __future__ import annotations

from ganjina.reader import parse_bytes

SENTENCE = "The council met again on Friday and spoke for a long time about the road."


def _paragraph(sentences: int, opening: str = "") -> str:
    return " ".join([opening + SENTENCE if opening else SENTENCE] * sentences)


def _markdown(pages: list[list[str]]) -> bytes:
    parts = ["# Water for the valley", ""]
    for number, paragraphs in enumerate(pages, start=1):
        for text in paragraphs:
            parts += [text, ""]
        if number < len(pages):
            parts += [f"Page {number}", ""]
    return "\n".join(parts).encode()


def _paragraphs(data: bytes) -> list[str]:
    article = parse_bytes(data, "article.md")
    return [b.text for b in article.blocks if b.type == "paragraph"]


FULL = [_paragraph(8, "A "), _paragraph(9, "B "), _paragraph(8, "C ")]


def test_the_paragraph_on_a_short_page_goes_on_after_the_page_number() -> None:
    short = [_paragraph(2, "D ")]  # a tenth of a full page, then a page break typed
    after = [_paragraph(3, "E "), _paragraph(8, "F "), _paragraph(8, "G ")]
    found = _paragraphs(_markdown([FULL, short, after, [_paragraph(3, "H ")]]))
    joined = [p for p in found if p.startswith("D ") and "E The council" in p]
    assert len(joined) == 1, found
    assert len(found) == 3 + 1 + 2 + 1


def test_a_full_page_that_ends_a_sentence_ends_its_paragraph() -> None:
    found = _paragraphs(_markdown([FULL, FULL, [_paragraph(3, "E ")]]))
    assert len(found) == 7
    assert found[3].startswith("A ") and found[6].startswith("E ")


def test_a_short_page_with_a_picture_must_be_shorter_still() -> None:
    # a photo and its caption take part of the page: 45 % of the text is no early end
    pictured = ["![](photo.png)", "*Farmers at the new well, 3 May.*", _paragraph(11, "D ")]
    after = [_paragraph(3, "E "), _paragraph(8, "F "), _paragraph(8, "G ")]
    found = _paragraphs(_markdown([FULL, pictured, after, [_paragraph(3, "H ")]]))
    assert not any(p.startswith("D ") and "E The council" in p for p in found), found
