"""The citation line: rendered by citeproc-py in the interface's language, its words all
from the message catalogue, the record's own text untouched."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

from ganjina.cite import Citable, Original, csl
from ganjina.cite.line import CslLocale, _line, render
from ganjina.web import i18n
from ganjina.web.citation import build_locale, citation_line, csl_locale, date_order
from ganjina.web.present import Ui

from .conftest import ACCESSED, BASE, SITE

URL = f"{BASE}/article/gj-00000000000000aa/v/3"
DARI = Citable(
    id="gj-00000000000000aa",
    version=3,
    current=True,
    stored_at="2024-06-01T10:00:00.000000Z",
    title="گزارش ۲۰۲۴: بازار کتاب در کابل",
    authors=("ژاله رحیمی", "Helen Marsh", "احمد ناصری"),
    translators=("نجیب الله ځدراڼ",),
    language="fa-AF",
    date="2024-05-12",
    date_text=None,
    publisher=SITE.name,
    accessed=ACCESSED,
    archive_name="Ganjina",
    page_url=f"{BASE}/article/gj-00000000000000aa",
    version_url=URL,
    original=Original("translation", "Kabul's book market, 2024", "Harbour Review", "2024-05-07"),
)
ENGLISH = replace(DARI, title="A teacher's letter from Bamiyan, 2024", language="en")


def cite_data(c: Citable) -> dict[str, Any]:
    """What an article page hands the template (``web.citation.page_citation``)."""
    return {"csl": csl.item(c), "version": c.version}


def record_text(c: Citable) -> list[str]:
    return [
        str(c.title),
        *c.authors,
        *c.translators,
        str(c.publisher),
        URL,
        *(x for x in (c.original.title, c.original.publisher) if c.original and x),
    ]


def test_english_line() -> None:
    line = citation_line(cite_data(ENGLISH), Ui.for_code("en"))
    assert line.startswith("ژاله رحیمی, Helen Marsh, and احمد ناصری.")
    assert "“A Teacher's Letter from Bamiyan, 2024”" in line  # the style title-cases English
    assert "Translated by نجیب الله ځدراڼ" in line and "May 12, 2023" not in line
    assert "May 12, 2024" in line and "Accessed January 3, 2025" in line
    assert "Originally published as Kabul's Book Market, 2024 (Harbour Review, May 7, 2024)" in line
    assert "Version 3. Ganjina." in line and line.endswith(URL + ".")
    # citeproc-py would print the label of a missing edition (its issue #204)
    assert "Edition" not in line and "edition" not in line


def test_dari_line_is_dari_around_the_record_text() -> None:
    line = citation_line(cite_data(DARI), Ui.for_code("fa"))
    assert line.startswith("ژاله رحیمی، Helen Marsh و احمد ناصری.")
    assert "«گزارش ۲۰۲۴: بازار کتاب در کابل»" in line
    assert "ترجمهٔ نجیب الله ځدراڼ" in line
    assert "۱۲ می ۲۰۲۴" in line and "دسترسی در ۳ جنوری ۲۰۲۵" in line
    assert "نسخهٔ ۳" in line and "گنجینه" in line
    # the record's text keeps its own digits and punctuation; so does the address
    assert "Kabul's book market, 2024 (Harbour Review، ۷ می ۲۰۲۴)" in line
    assert line.endswith(URL + ".")
    rest = line
    for text in record_text(DARI):
        rest = rest.replace(text, "")
    assert not re.search(r"[A-Za-z0-9]", rest), rest  # no English word, no Latin digit


def test_every_word_of_the_line_comes_from_the_catalogue() -> None:
    """A language whose catalogue translates every message into ⟨…⟩ gets a line whose
    words are all ⟨…⟩: nothing falls back to CSL's English, so a new interface language
    is catalogue entries only."""

    class Marked(Ui):
        def gettext(self, message: str, **values: Any) -> str:
            return "⟨" + (message % values if values else message) + "⟩"

    ui = Marked(i18n.LANGUAGES["en"])
    locale = build_locale(ui)
    months = set(locale.months)
    item = csl.item(replace(ENGLISH, language="de"))
    item["archive_location"] = "⟨version⟩"
    item["archive"] = "⟨Ganjina⟩"
    line = render(item, locale)
    rest = re.sub(r"⟨[^⟩]*⟩", "", line)
    for text in record_text(ENGLISH):
        rest = rest.replace(text, "")
    for month in months:
        rest = rest.replace(month, "")
    assert not re.search(r"[^\W\d_]", rest), rest


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_every_interface_language_renders(code: str) -> None:
    """Each interface language renders, and every one but English says nothing in
    English: a language added without its citation words fails here."""
    line = citation_line(cite_data(DARI), Ui.for_code(code))
    for name in DARI.authors + DARI.translators:
        assert name in line
    assert DARI.title in line and URL in line and "Edition" not in line
    if code != i18n.DEFAULT:
        rest = line
        for text in record_text(DARI):
            rest = rest.replace(text, "")
        assert not re.search(r"[A-Za-z]", rest), (code, rest)


def test_a_record_without_authors_or_date() -> None:
    bare = replace(
        DARI, authors=(), translators=(), date=None, date_text="۱۰ حمل ۱۴۰۱", original=None
    )
    line = citation_line(cite_data(bare), Ui.for_code("fa"))
    assert "۱۰ حمل ۱۴۰۱" in line and "ترجمهٔ" not in line
    undated = citation_line(cite_data(replace(bare, date_text=None)), Ui.for_code("fa"))
    assert "بی‌تا" in undated


def test_date_order_from_the_catalogue() -> None:
    assert date_order("{day} {month} {year}") == (("day", " "), ("month", " "), ("year", ""))
    assert date_order("{year}/{month}/{day}") == (("year", "/"), ("month", "/"), ("day", ""))
    # a translation that lost a part falls back to the source order, never a broken date
    assert date_order("{day} {year}") == date_order("{month} {day}, {year}")


def test_lines_are_cached_per_item_and_language() -> None:
    data = cite_data(replace(DARI, version=7))
    before = _line.cache_info().hits
    first = citation_line(data, Ui.for_code("fa"))
    assert citation_line(data, Ui.for_code("fa")) == first
    assert _line.cache_info().hits == before + 1
    assert citation_line(data, Ui.for_code("en")) != first
    assert isinstance(csl_locale("fa"), CslLocale) and csl_locale("fa") is csl_locale("fa")
