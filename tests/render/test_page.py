"""The page data both templates lay out: dates, directions, identity from the profile."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from ganjina.render.page import page_view, printed_date, published_record, text_dir
from ganjina.render.publish import Publisher, output_stem
from ganjina.render.sources import parse_source_document

from .conftest import SourceFactory


def test_dari_date_in_the_afghan_calendar_with_gregorian_beside() -> None:
    doc = parse_source_document("---\ntitle: T\nsection: dari\ndate: 2024-07-13\n---\nمتن\n")
    assert printed_date(doc) == "۲۳ سرطان ۱۴۰۳ ـ ۱۳.۰۷.۲۰۲۴"
    assert published_record(doc).date_text == "۲۳ سرطان ۱۴۰۳ ـ ۱۳.۰۷.۲۰۲۴"


def test_pashto_month_names() -> None:
    doc = parse_source_document("---\ntitle: T\nsection: pashto\ndate: 2017-05-31\n---\nمتن\n")
    assert printed_date(doc) == "۱۰ غبرګولی ۱۳۹۶ ـ ۳۱.۰۵.۲۰۱۷"


def test_printed_date_as_the_editor_wrote_it() -> None:
    doc = parse_source_document(
        "---\ntitle: T\nsection: dari\ndate: 2022-03-30\ndate_text: ۱۰ حمل ۱۴۰۱\n---\nمتن\n"
    )
    assert printed_date(doc) == "۱۰ حمل ۱۴۰۱"


def test_english_date_is_dd_mm_yyyy() -> None:
    doc = parse_source_document(
        "---\ntitle: T\nsection: european-languages\nlanguage: en\ndate: 2023-02-14\n---\nx\n"
    )
    assert printed_date(doc) == "14.02.2023"


def test_directions() -> None:
    assert text_dir("European Languages") == "ltr"
    assert text_dir("زبانهای اروپایی") == "rtl"
    assert text_dir("۱۴۰۱ حمل") == "rtl"  # digits are weak; the letters decide
    assert text_dir("2023", default="rtl") == "rtl"


def test_view_of_a_dari_page() -> None:
    doc = parse_source_document(
        "---\ntitle: T\nsection: dari\nauthors: [الف]\ndate: 2022-03-30\n---\nمتن\n"
    )
    view = page_view(doc, published_record(doc))
    assert (view["dir"], view["lang"], view["region"], view["digits"]) == (
        "rtl",
        "fa",
        "AF",
        "persian",
    )
    assert [s["dir"] for s in view["section"]] == ["rtl", "ltr"]
    assert view["fonts"]["body"][0] == "Amiri"


def test_output_names() -> None:
    assert output_stem(Path("samples/fa-nowruz-mazar/source.md")) == "fa-nowruz-mazar"
    assert output_stem(Path("x/flood.docx")) == "flood"


def test_another_portal_needs_no_code(tmp_path: Path, write_source: SourceFactory) -> None:
    profile = tmp_path / "other.toml"
    profile.write_text(
        """
[site]
name = "دیگر سایت"
tag = "DS"
url = "www.other.example"
email = "desk@other.example"
motto = ["یک", "دو"]
[render]
accent = "#0a5f38"
rule = "#222222"
[sections.european-languages]
labels = ["Foreign Desk", "بخش خارجی"]
""",
        encoding="utf-8",
    )
    rendered = Publisher(tmp_path / "out", profile=profile).render(write_source("Body."))
    with pymupdf.open(stream=rendered.pdf) as doc:
        text = doc[0].get_text()
    for printed in ("دیگر سایت", "DS", "www.other.example", "desk@other.example", "Foreign Desk"):
        assert printed in text
    assert "afgazad" not in text
    assert "#0a5f38" in rendered.html and "Foreign Desk" in rendered.html
    assert rendered.record.site is not None and rendered.record.site.url == "www.other.example"


def test_source_date_may_be_solar_hijri() -> None:
    for written in ('"۱۰ حمل ۱۴۰۱"', "1401-01-10", '"1401-01-10"', '"۱۴۰۱/۰۱/۱۰"', "2022-03-30"):
        doc = parse_source_document(f"---\ntitle: T\nsection: dari\ndate: {written}\n---\nمتن\n")
        assert doc.article.date == "2022-03-30"
        assert printed_date(doc) == "۱۰ حمل ۱۴۰۱ ـ ۳۰.۰۳.۲۰۲۲"
