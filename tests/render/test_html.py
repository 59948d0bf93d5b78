"""The HTML page: same content and style as the PDF, text always text, record inside."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from ganjina.render.html import script_json
from ganjina.render.publish import Publisher

from .conftest import SourceFactory, sample_sources


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def test_markup_in_text_stays_text(publisher: Publisher, write_source: SourceFactory) -> None:
    evil = "<script>alert(1)</script> & <b>not bold</b> {{ jinja }} {% raw %}"
    rendered = publisher.render(write_source(evil, title="<i>T</i>"))
    parser = _Text()
    parser.feed(rendered.html)
    assert "b" not in parser.tags and "i" not in parser.tags
    assert parser.tags.count("script") == 1  # only the record
    assert evil in "".join(parser.chunks)


def test_record_travels_in_the_page(publisher: Publisher, write_source: SourceFactory) -> None:
    rendered = publisher.render(write_source("Ends with </script><!-- here"))
    match = re.search(
        r'<script type="application/json" id="ganjina-record">(.*?)</script>', rendered.html, re.S
    )
    assert match
    assert json.loads(match.group(1)) == rendered.record.to_dict()


def test_script_json_is_the_same_json() -> None:
    text = json.dumps({"a": "</script> & <!--"})
    assert "<" not in script_json(text)
    assert json.loads(str(script_json(text))) == json.loads(text)


def test_sample_pages_carry_the_house_style(publisher: Publisher) -> None:
    for source in sample_sources():
        page = publisher.render(source).html
        for part in ('class="masthead"', 'class="section"', 'class="title"', "afgazad@gmail.com"):
            assert part in page
        if "fa-" in source.parent.name or "ps-" in source.parent.name:
            assert 'dir="rtl"' in page


_TABLE_BODY = (
    "Rain by province, written for this test.\n\n"
    "| Province | Rain (mm) |\n|---|---|\n| Herat | 12 |\n| Kandahar | 3 |\n\n"
    "After the table."
)


def test_table_is_a_table_with_a_header_row(
    publisher: Publisher, write_source: SourceFactory
) -> None:
    rendered = publisher.render(write_source(_TABLE_BODY))
    table = next(b for b in rendered.record.blocks if b.type == "table")
    assert table.rows == [["Province", "Rain (mm)"], ["Herat", "12"], ["Kandahar", "3"]]
    assert table.header
    page = rendered.html[rendered.html.index('<div class="body">') :]
    assert '<th scope="col">Province</th>' in page and "<td>Kandahar</td>" in page
    assert page.index("Rain by province") < page.index("<table") < page.index("After the table")


def test_right_to_left_table_page(publisher: Publisher, write_source: SourceFactory) -> None:
    body = "| ولایت | باران |\n|---|---|\n| هرات | ۱۲ |\n\nمتن پس از جدول."
    page = publisher.render(
        write_source(body, title="باران", section="dari", language="fa-AF")
    ).html
    # the table sits in the right-to-left body, so its first column stands on the right
    assert 'dir="rtl"' in page[: page.index("<table")]
    assert "<td>هرات</td>" in page
