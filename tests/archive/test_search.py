"""Search: the query language against a small corpus, snippets, facets, Dari spellings."""

from __future__ import annotations

import pytest

from ganjina.archive import Archive, SearchResult, segments_html
from ganjina.errors import ArchiveError, QueryError
from ganjina.record import Article

from .helpers import article

ZWNJ = "\u200c"


def corpus() -> list[Article]:
    return [
        article(
            "Flood relief reaches Kabul",
            "Aid reached the flooded villages of the north after a week of cut roads.\n\n"
            "The ministry said <b>twenty</b> families lost their homes.",
            date="2022-04-05",
            authors=("Ahmad Karimi",),
            section="european-languages",
        ),
        article(
            "Drought in the south",
            "No rain has fallen in Kandahar for months; the harvest failed.",
            date="2021-07-01",
            authors=("Laila Noori",),
            translators=("Jan Meyer",),
            source="BBC Persian",
        ),
        article(
            "Dürre und Hunger",
            "Die Dürre trifft die Bauern in Kandahar hart.",
            language="de",
            date="2023-01-10",
            section="european-languages",
            authors=("Jan Meyer",),
        ),
        article(
            "سیلاب در کابل",
            f"کمک{ZWNJ}ها به روستاهای سیل{ZWNJ}زده می{ZWNJ}رسد. ۲۰ خانواده آسیب دیدند.",
            language="fa-AF",
            date="2022-06-01",
            section="dari",
            authors=("احمد کریمی",),
        ),
        article(
            "كتاب جديد",  # Arabic kaf and yeh, as some files spell them
            "يك كتاب تازه درباره تاريخ كابل منتشر شد در سال ١٣٩٩.",
            language="fa-AF",
            date="2020-09-01",
            section="dari",
            authors=(),
        ),
        article(
            "د کندهار انار",
            "د کندهار انار په ټوله نړۍ کې مشهور دي. بزګران خوشحاله دي.",
            language="ps",
            date="2023-10-01",
            section="pashto",
            authors=("ګل احمد",),
        ),
    ]


@pytest.fixture
def filled(archive: Archive) -> Archive:
    archive.add_many(corpus())
    return archive


def titles(result: SearchResult) -> set[str | None]:
    return {h.title for h in result.hits}


def test_words_and_implicit_and(filled: Archive) -> None:
    # Kandahar is a place of the gazetteer: the Pashto record spelling it کندهار counts
    assert titles(filled.search("kandahar")) == {
        "Drought in the south",
        "Dürre und Hunger",
        "د کندهار انار",
    }
    assert titles(filled.search("kandahar rain")) == {"Drought in the south"}
    assert titles(filled.search("KANDAHAR AND harvest")) == {"Drought in the south"}


def test_phrase_or_exclusion_groups(filled: Archive) -> None:
    assert titles(filled.search('"flooded villages"')) == {"Flood relief reaches Kabul"}
    assert filled.search('"villages flooded"').total == 0
    assert titles(filled.search("rain OR flooded")) == {
        "Flood relief reaches Kabul",
        "Drought in the south",
    }
    assert titles(filled.search("kandahar -rain")) == {"Dürre und Hunger", "د کندهار انار"}
    assert titles(filled.search("kandahar NOT rain")) == {"Dürre und Hunger", "د کندهار انار"}
    # without Kandahar in any spelling: the complement of "kandahar"
    assert filled.search("-kandahar").total == 3
    assert titles(filled.search("(rain OR flooded) -kabul")) == {"Drought in the south"}


def test_field_filters(filled: Archive) -> None:
    assert titles(filled.search("title:kabul")) == {"Flood relief reaches Kabul", "سیلاب در کابل"}
    # Karimi is a name of the table: كريمی in Arabic script is the same author
    assert titles(filled.search("author:karimi")) == {"Flood relief reaches Kabul", "سیلاب در کابل"}
    assert titles(filled.search('author:"ahmad karimi"')) == {"Flood relief reaches Kabul"}
    assert titles(filled.search("translator:meyer")) == {"Drought in the south"}
    assert titles(filled.search("author:meyer")) == {"Dürre und Hunger"}
    assert titles(filled.search("source:bbc")) == {"Drought in the south"}
    assert filled.search("section:dari").total == 2
    assert filled.search("section:european-languages").total == 3
    assert titles(filled.search("lang:de")) == {"Dürre und Hunger"}
    assert filled.search("lang:fa").total == 2  # fa matches fa-AF
    assert filled.search("lang:fa-af").total == 2
    assert filled.search("lang:dari").total == 2
    assert titles(filled.search("lang:pashto")) == {"د کندهار انار"}


def test_dates_in_either_calendar(filled: Archive) -> None:
    assert filled.search("date:2022").total == 2
    assert titles(filled.search("date:2022-03..2022-05")) == {"Flood relief reaches Kabul"}
    # 1401 SH = 2022-03-21 .. 2023-03-20
    assert titles(filled.search("date:1401")) == {
        "Flood relief reaches Kabul",
        "سیلاب در کابل",
        "Dürre und Hunger",
    }
    assert titles(filled.search("date:1401-03")) == {"سیلاب در کابل"}  # Jawza 1401
    assert titles(filled.search("date:۱۴۰۱-۰۱..۱۴۰۱-۰۲")) == {"Flood relief reaches Kabul"}
    assert filled.search("date:..2020").total == 1
    assert filled.search("kandahar date:2023..").total == 2  # and د کندهار انار


@pytest.mark.parametrize(
    "query",
    [
        f"کمک{ZWNJ}ها",  # as printed
        "کمکها",  # typed without the ZWNJ
        "كمكها",  # Arabic kaf
        "کمک",  # the first part of the ZWNJ word
        "میرسد",
        "رسد",
        "20",  # ASCII digits find Persian ۲۰
        "۲۰",
        "٢٠",  # Arabic-Indic digits
        "سیل زده",  # typed with a space: the parts, as a phrase
    ],
)
def test_dari_spellings_either_side(filled: Archive, query: str) -> None:
    assert titles(filled.search(query)) == {"سیلاب در کابل"}


@pytest.mark.parametrize("query", ["کتاب", "كتاب", "یک", "تاریخ", "1399", "۱۳۹۹"])
def test_arabic_spelled_document_found_with_persian_query(filled: Archive, query: str) -> None:
    assert titles(filled.search(query)) == {"كتاب جديد"}


def test_pashto_loose_spelling(filled: Archive) -> None:
    assert titles(filled.search("بزګران")) == {"د کندهار انار"}
    assert titles(filled.search("بزگران")) == {"د کندهار انار"}  # Persian gaf typed


def test_snippets_come_from_the_stored_text(filled: Archive) -> None:
    hit = filled.search("كمكها").hits[0]
    marked = [text for text, is_match in hit.snippet if is_match]
    assert marked == [f"کمک{ZWNJ}ها"]  # the stored spelling, ZWNJ kept, not the key
    assert "".join(t for t, _ in hit.snippet).startswith(f"کمک{ZWNJ}ها به روستاهای")
    assert [t for t, m in filled.search("1399").hits[0].snippet if m] == ["١٣٩٩"]


def test_snippet_html_is_escaped(filled: Archive) -> None:
    hit = filled.search("twenty").hits[0]
    html = hit.snippet_html()
    assert "&lt;b&gt;<mark>twenty</mark>&lt;/b&gt;" in html
    assert "<b>" not in html
    assert segments_html([("<script>", True)]) == "<mark>&lt;script&gt;</mark>"


def test_title_segments_mark_matches(filled: Archive) -> None:
    hit = filled.search("kabul flooded").hits[0]
    assert ("Kabul", True) in hit.title_segments
    assert ("flooded", True) in hit.snippet


def test_long_text_snippet_is_a_window(archive: Archive) -> None:
    body = " ".join(f"word{i}" for i in range(400)) + " needle " + "tail " * 100
    archive.add(article("Long", body))
    snippet = archive.search("needle").hits[0].snippet
    text = "".join(t for t, _ in snippet)
    assert text.startswith("… ") and text.endswith(" …")
    assert len(text) <= 260
    assert ("needle", True) in snippet


def test_hit_fields_sort_and_paging(filled: Archive) -> None:
    result = filled.search("-nothingatall", sort="date", limit=2)
    assert result.total == 6
    assert [h.date for h in result.hits] == ["2023-10-01", "2023-01-10"]
    page2 = filled.search("-nothingatall", sort="date", limit=2, offset=2)
    assert [h.date for h in page2.hits] == ["2022-06-01", "2022-04-05"]
    oldest = filled.search("", sort="date_asc", limit=1).hits[0]
    assert oldest.date == "2020-09-01"
    hit = filled.search("drought").hits[0]
    assert hit.authors == ("Laila Noori",)
    assert hit.language == "en" and hit.section == "european-languages"
    assert hit.score > 0
    assert hit.to_dict()["snippet"]


def test_facets(filled: Archive) -> None:
    result = filled.search("", facets=True)
    assert result.facets is not None
    assert dict(result.facets["section"]) == {"european-languages": 3, "dari": 2, "pashto": 1}
    assert dict(result.facets["language"])["fa-AF"] == 2
    assert dict(result.facets["year"]) == {"2020": 1, "2021": 1, "2022": 2, "2023": 2}
    assert dict(result.facets["source"]) == {"BBC Persian": 1}
    assert dict(result.facets["author"])["Jan Meyer"] == 1
    narrowed = filled.search("kandahar date:2021", facets=True)
    assert narrowed.facets is not None
    assert dict(narrowed.facets["year"]) == {"2021": 1}
    assert filled.search("kandahar").facets is None


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed', "never closed"),
        ("colour:red", "unknown field"),
        ("date:2022-02-31", "impossible date"),
        ("!!!", "nothing to search for"),
    ],
)
def test_bad_queries_are_query_errors(filled: Archive, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        filled.search(query)


def test_bad_arguments(filled: Archive) -> None:
    with pytest.raises(ArchiveError, match="sort"):
        filled.search("x", sort="random")
    with pytest.raises(ArchiveError, match="limit"):
        filled.search("x", limit=0)


def test_update_replaces_the_indexed_document(archive: Archive) -> None:
    a = article("Replace me", "original words")
    archive.add(a)
    b = article("Replace me", "brand new words")
    b.id = a.id
    archive.add(b)
    assert archive.search("original").total == 0
    assert archive.search("brand").total == 1
    assert archive.search("replace").total == 1
