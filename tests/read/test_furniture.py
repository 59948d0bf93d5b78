"""Running headers and footers a Word user makes, removed by what they say and where."""

from __future__ import annotations

from ganjina.house.furniture import strip_furniture
from ganjina.house.profile import builtin_profile
from ganjina.read.layout import Line

HEIGHT = 842.0  # an A4 page in points
SITE = "افغانستان آزاد – آزاد افغانستان"


def _at(text: str, page: int, top: float) -> Line:
    return Line(text, page=page, bbox=(72.0, top, 520.0, top + 12.0), size=11.0)


def _kept(lines: list[Line]) -> list[str]:
    kept, _ = strip_furniture(lines, builtin_profile(), pages=2, page_height=HEIGHT)
    return [ln.text for ln in kept]


def test_the_site_name_at_a_later_page_top_is_a_running_header() -> None:
    lines = [
        _at("The clinic opened in spring.", 1, 400),
        _at(SITE, 2, 40),
        _at("Its doctor sees forty patients a day.", 2, 120),
    ]
    assert _kept(lines) == ["The clinic opened in spring.", "Its doctor sees forty patients a day."]


def test_the_site_name_inside_a_page_stays() -> None:
    # in the middle of a page it is text (a quoted masthead, a list of outlets), not furniture
    lines = [_at("The clinic opened in spring.", 1, 400), _at(SITE, 2, 400)]
    assert _kept(lines) == ["The clinic opened in spring.", SITE]


def test_the_url_with_a_page_number_is_a_footer_in_any_order() -> None:
    lines = [
        _at("The clinic opened in spring.", 1, 400),
        _at("www.afgazad.com | 1", 1, 800),
        _at("Seite 2 – www.afgazad.com", 2, 800),
        _at("www.afgazad.com lists 2 clinics", 2, 800),  # words beside it: no footer
    ]
    assert _kept(lines) == ["The clinic opened in spring.", "www.afgazad.com lists 2 clinics"]


def test_page_x_of_y_footers_in_every_language_are_page_numbers() -> None:
    footers = ["Page 2 of 3", "Seite 2 von 3", "صفحه ۲ از ۳", "مخ 2 له 3"]
    lines = [_at("The clinic opened in spring.", 1, 400), *(_at(f, 2, 800) for f in footers)]
    assert _kept(lines) == ["The clinic opened in spring."]


def test_a_word_hyphenated_across_printed_lines_is_whole() -> None:
    from ganjina.house.blocks import join_lines

    assert join_lines(["most of them under twenty-", "five years old"]) == (
        "most of them under twenty-five years old"
    )
    # a dash set between words, and a line ending in a number and a hyphen, keep the space
    assert join_lines(["the road -", "closed"]) == "the road - closed"
    assert join_lines(["pages 10-", "12"]) == "pages 10- 12"


def _number_between(suffix: str) -> bytes:
    first = "The survey counted the dry wells of the three districts, and their count came to"
    last = "The figures come from the district offices and were not checked on the ground."
    if suffix == "html":
        page = f"<html><body><h1>Wells of Parwan</h1><p>{first}</p><p>120</p><p>{last}</p>"
        return (page + "</body></html>").encode()
    if suffix == "md":
        return f"# Wells of Parwan\n\n{first}\n\n120\n\n{last}\n".encode()
    import io

    import docx

    document = docx.Document()
    document.add_heading("Wells of Parwan", level=1)
    for text in (first, "120", last):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_line_of_only_a_number_is_text_in_a_word_file_and_a_web_page() -> None:
    # Word prints page numbers from its footer parts, a web page prints none: a body
    # paragraph "120" is the author's (it had been dropped as a page number)
    from ganjina.reader import parse_bytes

    for suffix in ("docx", "html"):
        article = parse_bytes(_number_between(suffix), f"wells.{suffix}")
        assert "120" in [b.text for b in article.blocks], suffix
    # a PDF-to-Markdown conversion prints a page's number in the text flow: furniture
    # where it counts the pages (1), text where it counts none (120: no page 119 before)
    converted = parse_bytes(_number_between("md"), "wells.md")
    assert "120" in [b.text for b in converted.blocks]
    page_one = _number_between("md").replace(b"\n120\n", b"\n1\n")
    assert "1" not in [b.text for b in parse_bytes(page_one, "wells.md").blocks]
