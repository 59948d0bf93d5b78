"""The search page's quicker paths give what the plain computation gives.

A search page makes one highlight marker per language of its hits (not one per hit),
compiles each marker's candidate pattern once, and builds the links of a facet with
the parameters around the facet's own encoded once. Here each is compared with the
straightforward computation on the demo archive: every hit made on its own with its own
marker, facet counts counted over every matching record's index document, every link
made by ``urls.search`` from the whole parameter set.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.archive.compiler import compile_query
from ganjina.archive.facade import SORTS
from ganjina.archive.index import prepare
from ganjina.archive.query import parse
from ganjina.archive.results import make_hit
from ganjina.web import urls
from ganjina.web.views.search import FACETS

#: words in each language of the samples, forms of words, names, fields, a phrase, dates
QUERIES = [
    "flood",
    "floods OR water",
    "زعفران",
    "هرات",
    "lang:ps",
    "date:1402",
    "date:2020..2025",
    '"flood relief"',
    "water OR آب",
    "section:dari OR section:pashto",
    "Herat",
    "-flood",
]
#: facet name -> what the index document holds for it
FACET_FIELDS = {"section": "f_section", "language": "f_lang", "source": "f_source"}


def reference_hits(archive: Archive, query: str, limit: int, offset: int, sort: str) -> list[Any]:
    compiled = compile_query(parse(query), query)
    _, found = archive.index.search_addresses(compiled.query, limit, offset, SORTS[sort])
    records = archive.store.by_nums([num for num, _, _ in found])
    return [make_hit(records[n], score, compiled) for n, score, _ in found if n in records]


def reference_facets(archive: Archive, query: str) -> dict[str, Counter[str]]:
    compiled = compile_query(parse(query), query)
    total, _ = archive.index.search(compiled.query, 1, 0, None)
    _, every = archive.index.search(compiled.query, max(total, 1), 0, None)
    records = archive.store.by_nums([num for num, _ in every])
    counts: dict[str, Counter[str]] = {
        name: Counter() for name in (*FACET_FIELDS, "year", "author")
    }
    for record in records.values():
        document = prepare(record)
        for name, field in FACET_FIELDS.items():
            counts[name].update(v for f, v in document.fields if f == field)
        counts["author"].update(v for f, v in document.fields if f == "f_author")
        if document.date is not None:
            counts["year"][str(document.date // 10000)] += 1
    return counts


@pytest.mark.parametrize("query", QUERIES)
def test_hits_and_facets_are_the_plain_computation(archive: Archive, query: str) -> None:
    compared = 0
    for sort in ("relevance", "date", "date_asc"):
        for limit, offset in ((10, 0), (3, 0), (3, 3)):
            result = archive.search(query, limit=limit, offset=offset, sort=sort, facets=True)
            expected = reference_hits(archive, query, limit, offset, sort)
            assert list(result.hits) == expected
            compared += len(expected)
    facets = archive.search(query, facets=True).facets
    assert facets is not None
    for name, counts in reference_facets(archive, query).items():
        shown = facets[name]
        assert dict(shown) == dict(counts.most_common(10)) or len(counts) > 10
        assert [n for _, n in shown] == sorted((n for _, n in shown), reverse=True)
    assert compared or archive.search(query).total == 0


def test_the_queries_find_hits_in_several_languages(archive: Archive) -> None:
    languages = {h.language for q in QUERIES for h in archive.search(q, limit=20).hits}
    assert {"en", "fa-AF", "ps"} <= languages  # one marker per language is exercised


def test_facet_links_are_the_page_links(client: TestClient) -> None:
    typed = "water OR آب"
    asked = {"q": typed, "sort": "date", "section": "dari", "page": "1"}
    data = client.get("/search.json", params=asked).json()
    facets = data["result"]["facets"]
    assert facets
    params = {"sort": "date", "section": "dari"}
    for name, values in facets.items():
        for value in values:
            change = {FACETS[name][0]: value["value"]}
            assert value["url"] == urls.search(typed, **{**params, **change})


def test_varying_links_equal_whole_links() -> None:
    rng = random.Random(20241204)
    values: list[str | int | None] = ["", None, "a b", "کابل", "x&y=z", "2020", 2020, '"q"']
    names = ["sort", "section", "language", "year", "source", "author", "page"]
    for _ in range(2000):
        q = rng.choice(["", "flood", "a&b", "کتاب\u200cها"])
        params = {k: rng.choice(values) for k in rng.sample(names, rng.randint(0, 6))}
        name = rng.choice(names)
        link = urls.search_varying(name, q, **params)
        for value in values:
            assert link(value) == urls.search(q, **{**params, name: value})


def test_byline_shows_what_the_item_has_as_data() -> None:
    from ganjina.web.present import Ui
    from ganjina.web.templating import byline

    item = {
        "date": "2024-07-13",
        "section": "dari",
        "authors": ["<b>A</b>", "ب"],
        "language": "fa-AF",
        "dir": "rtl",
    }
    for code in ("en", "fa", "ps"):
        ui = Ui.for_code(code)
        html = str(byline(ui, item))
        assert html.startswith('<p class="meta">\n') and html.endswith("</p>\n")
        assert f'<time datetime="2024-07-13">{ui.gregorian("2024-07-13")}</time>' in html
        assert f'href="{urls.section("dari")}">{ui.section("dari")}</a>' in html
        assert "&lt;b&gt;A&lt;/b&gt;" in html and "<b>" not in html
        assert html.count('lang="fa-AF" dir="rtl"') == 2
        assert html.index("<time") < html.index("<a href") < html.index("&lt;b&gt;")
    bare = str(byline(Ui.for_code("en"), {**item, "date": None, "section": None, "authors": []}))
    assert bare == '<p class="meta">\n</p>\n'
