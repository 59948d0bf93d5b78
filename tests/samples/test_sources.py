"""The source format (Markdown with front matter) → Article: fields, blocks, errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ganjina.errors import PublishError
from ganjina.record import Article
from ganjina.render.sources import (
    BULLET_MARKER,
    format_date,
    join_names,
    load_source,
    parse_body,
    parse_source,
    parse_source_document,
    site_identity,
)


def src(front: str, body: str = "A paragraph.") -> str:
    return "---\n" + textwrap.dedent(front).strip() + "\n---\n" + textwrap.dedent(body)


EN = textwrap.dedent("""
    title: Flood relief reaches three provinces
    authors: [Jane Example, Omar Siddiqi]
    date: 2023-02-14
    section: european-languages
    language: en
""")


# --- front matter --------------------------------------------------------------------
def test_front_matter_fields() -> None:
    text = src(EN + "source:\n  name: Example Herald\n  date: 2023-02-13\n")
    a = parse_source(text)
    assert a.title == "Flood relief reaches three provinces"
    assert a.authors == ["Jane Example", "Omar Siddiqi"]
    assert a.translators == []
    assert (a.date, a.date_text) == ("2023-02-14", "14.02.2023")
    assert a.language == "en"
    assert a.source is not None
    assert (a.source.name, a.source.date, a.source.url) == ("Example Herald", "2023-02-13", None)
    assert a.source.text == "Example Herald 13.02.2023"
    assert a.warnings == []
    assert a.provenance.format == "markdown" and len(a.provenance.sha256) == 64


def test_site_and_section_come_from_the_profile() -> None:
    ident = site_identity()
    a = parse_source(src(EN))
    assert a.site is not None and a.section is not None
    assert a.site.name == ident.name == "افغانستان آزاد – آزاد افغانستان"
    assert (a.site.url, a.site.email) == ("www.afgazad.com", "afgazad@gmail.com")
    assert a.site.motto is not None and len(a.site.motto.split("\n")) == 4
    assert a.section.id == "european-languages"
    assert a.section.labels == ["European Languages", "زبانهای اروپایی"]
    dari = parse_source(src("title: ت\nsection: dari", "متن."))
    assert dari.section is not None and dari.section.labels == ["دری", "Dari"]


@pytest.mark.parametrize(("section", "language"), [("dari", "fa-AF"), ("pashto", "ps")])
def test_language_defaults_from_the_section(section: str, language: str) -> None:
    assert parse_source(src(f"title: ت\nsection: {section}", "متن.")).language == language


def test_persian_defaults_date_source_and_translators() -> None:
    a_doc = parse_source_document(
        src(
            """
        title: عنوان
        authors: [فریبا رحیمی, احمد نوری, سیما نیک‌بین]
        translators: [شکیبا هاشمی]
        date: 2023-05-12
        section: dari
        source:
          name: Harbour Review
          date: 2023-05-07
    """,
            "متن.",
        )
    )
    a = a_doc.article
    assert a.date_text == "۱۲.۰۵.۲۰۲۳"
    assert a.source is not None and a.source.text == "منبع: Harbour Review ۰۷.۰۵.۲۰۲۳"
    assert a_doc.byline == "فریبا رحیمی، احمد نوری و سیما نیک‌بین"
    assert a_doc.translators_line == "ترجمه: شکیبا هاشمی"
    assert a_doc.justify is True


def test_printed_forms_are_kept_apart_from_the_record() -> None:
    doc = parse_source_document(
        src(
            """
        title: عنوان
        authors: [فریبا رحیمی]
        date: 2022-03-30
        date_text: ۱۰ حمل ۱۴۰۱
        section: dari
        print:
          byline: "نوشته: فریبا رحیمی"
          justify: false
    """,
            "متن.",
        )
    )
    assert doc.byline == "نوشته: فریبا رحیمی"
    assert doc.article.authors == ["فریبا رحیمی"]
    assert doc.article.date_text == "۱۰ حمل ۱۴۰۱" and doc.article.date == "2022-03-30"
    assert doc.justify is False


def test_missing_byline_date_and_attribution_stay_empty() -> None:
    doc = parse_source_document(src("title: T\nsection: european-languages\nlanguage: de"))
    a = doc.article
    assert (a.authors, a.date, a.date_text, a.source) == ([], None, None, None)
    assert doc.byline is None and doc.translators_line is None
    assert a.warnings == []  # a source is the truth: nothing is uncertain


def test_text_is_nfc_whitespace_collapsed_and_keeps_zwnj() -> None:
    a = parse_source(src("title: '  کتاب‌ها   و  e\u0301 '\nsection: dari", "می‌شود   خوب\n  است."))
    assert a.title == "کتاب‌ها و é"
    assert a.blocks[0].text == "می‌شود خوب است."


def test_round_trips_through_json() -> None:
    a = parse_source(src(EN, "Text.\n\n1) one\n- two\n> three\n"))
    assert Article.from_json(a.to_json()) == a


# --- body blocks ---------------------------------------------------------------------
def test_each_block_type() -> None:
    blocks, figures = parse_body(
        textwrap.dedent("""
        First line of a paragraph
        and its second line.

        ## A sub-heading
        1) one,
           continued
        2) two
        12) twelve
        ۱) یک
        - dash
        * star
        • dot
        > quoted first
        > quoted second
        ![A caption (AP Photo/Jane Roe)](figure-1.png)
        \\1) is not a list item
        10. Januar stays a paragraph
    """)
    )
    got = [(b.type, b.text, b.marker) for b in blocks]
    assert got == [
        ("paragraph", "First line of a paragraph and its second line.", None),
        ("heading", "A sub-heading", None),
        ("list_item", "one, continued", "1)"),
        ("list_item", "two", "2)"),
        ("list_item", "twelve", "12)"),
        ("list_item", "یک", "۱)"),
        ("list_item", "dash", BULLET_MARKER),
        ("list_item", "star", BULLET_MARKER),
        ("list_item", "dot", BULLET_MARKER),
        ("quote", "quoted first quoted second", None),
        ("caption", "A caption (AP Photo/Jane Roe)", None),
        ("paragraph", "1) is not a list item 10. Januar stays a paragraph", None),
    ]
    assert [(f.image, f.caption, f.block_index) for f in figures] == [
        ("figure-1.png", "A caption (AP Photo/Jane Roe)", 10)
    ]
    assert all(b.page is None for b in blocks)


def test_blank_line_ends_a_block() -> None:
    blocks, _ = parse_body("one\n\ntwo\n\n\n> q\n\n> r\n")
    assert [(b.type, b.text) for b in blocks] == [
        ("paragraph", "one"),
        ("paragraph", "two"),
        ("quote", "q"),
        ("quote", "r"),
    ]


# --- helpers ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("names", "lang", "joined"),
    [
        (["A"], "en", "A"),
        (["A", "B"], "en", "A and B"),
        (["A", "B", "C"], "en", "A, B and C"),
        (["A", "B"], "de", "A und B"),
        (["الف", "ب", "ج"], "fa-AF", "الف، ب و ج"),
        (["الف", "ب"], "ps", "الف او ب"),
    ],
)
def test_join_names(names: list[str], lang: str, joined: str) -> None:
    assert join_names(names, lang) == joined


def test_format_date() -> None:
    assert format_date("2023-02-14", "en") == "14.02.2023"
    assert format_date("2022-03-31", "fa-AF") == "۳۱.۰۳.۲۰۲۲"


# --- errors: one clear line each -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (src("section: european-languages\nlanguage: en"), "no title"),
        (src("title: '  '\nsection: dari"), "no title"),
        (src("title: T\nsection: sports\nlanguage: en"), "unknown section 'sports'"),
        (src("title: T\nlanguage: en"), "unknown section None"),
        (src("title: T\nsection: dari\ndate: 14.02.2023"), "unparsable date '14.02.2023'"),
        (src("title: T\nsection: dari\ndate: '2023-02-30'"), "unparsable date '2023-02-30'"),
        (src("title: T\nsection: dari\ndate: 2023-02-14T10:00:00"), "unparsable date"),
        (
            src("title: T\nsection: dari\nsource:\n  name: X\n  date: May 2023"),
            "unparsable source.date",
        ),
        (src("title: T\nsection: dari\nlanguage: en"), "does not fit section"),
        (src("title: T\nsection: european-languages"), "missing or malformed language"),
        (src("title: T\nsection: dari\nauthor: X"), "unknown front matter key 'author'"),
        (
            src("title: T\nsection: dari\nauthors: [A]\nprint:\n  byline: 'B'"),
            "does not name author 'A'",
        ),
        (src("title: T\nsection: dari\nprint:\n  justify: maybe"), "print.justify"),
        (src("title: T\nsection: dari", ""), "the body is empty"),
        ("title: T\n\nbody", "no front matter"),
        ("---\ntitle: T\nbody", "no closing '---'"),
        ("---\ntitle: [T\n---\nbody", "not valid YAML"),
    ],
)
def test_errors_are_one_line(text: str, message: str) -> None:
    with pytest.raises(PublishError) as info:
        parse_source(text, path="x/source.md")
    msg = str(info.value)
    assert message in msg
    assert msg.startswith("x/source.md: ")
    assert "\n" not in msg


def test_load_source_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "source.md"
    path.write_text(src(EN), encoding="utf-8")
    a = load_source(path)
    assert a.provenance.path == str(path)
    assert a.title == "Flood relief reaches three provinces"


def test_load_source_errors(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="cannot read"):
        load_source(tmp_path / "missing.md")
    bad = tmp_path / "latin1.md"
    bad.write_bytes(src(EN).encode("utf-8") + "é".encode("latin-1"))
    with pytest.raises(PublishError, match="not UTF-8"):
        load_source(bad)
