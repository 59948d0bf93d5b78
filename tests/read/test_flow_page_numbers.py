"""A lone number in a text flow without positions (Markdown) is a page number only where
it counts the pages on; any other is the author's text and stays in the body."""

from __future__ import annotations

from ganjina.reader import parse_bytes

HEAD = "# The count of wells in Parwan\n\nBy Sara Ahmadi\n\n"


def _body(text: str) -> list[str]:
    article = parse_bytes((HEAD + text).encode(), "wells.md")
    return [b.text for b in article.blocks]


def test_a_number_an_article_gives_stays_in_its_body() -> None:
    text = "The district office gave one number for the dry wells:\n\n137\n\nA third of all.\n"
    assert "137" in _body(text)  # it had been dropped as "a page number"


def test_numbers_that_count_the_pages_on_are_page_numbers() -> None:
    text = (
        "The survey counted the wells of three districts in the spring\n\n1\n\n"
        "and found a third of them dry. The office gave one number:\n\n137\n\n"
        "That is the count of the dry wells.\n\n2\n\nThe figures were not checked.\n\n"
        "۳\n\nThey come from the district offices.\n\n5\n"
    )
    body = _body(text)
    assert "137" in body
    for page in ("1", "2", "۳", "5"):  # (4 lost: the one after the next counts too)
        assert page not in body
    assert not any(b.endswith((" 1", " 2", " 5")) for b in body)


def test_the_last_pages_number_alone_is_still_one() -> None:
    # a converter may keep only the last page's footer: a small number as the last line
    text = "The survey counted the wells of three districts.\n\nThe figures were checked.\n\n3\n"
    assert _body(text) == [
        "The survey counted the wells of three districts.",
        "The figures were checked.",
    ]
    text = "The survey counted the wells of three districts.\n\nThe dry wells were:\n\n412\n"
    assert _body(text)[-1] == "412"


def test_worded_page_numbers_count_the_pages_too() -> None:
    text = (
        "The survey counted the wells of three districts.\n\nPage 1 of 3\n\n"
        "The figures were checked.\n\n2\n\nThey come from the district offices.\n"
    )
    body = _body(text)
    assert "2" not in body and "Page 1 of 3" not in body
