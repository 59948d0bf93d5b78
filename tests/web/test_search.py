"""The search page: box and guide, highlighted hits, facets as filters, sort, pages, and
a clear message for a query that does not parse."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

from ganjina.web.views.search import filter_terms

from .conftest import DARI_ID


def test_empty_search_shows_the_box_and_the_guide(client: TestClient) -> None:
    html = client.get("/search").text
    assert 'role="search"' in html and 'name="q"' in html
    assert "How to search" in html and "<details" in html and "open" in html
    assert client.get("/search.json").json()["result"] is None


def test_hits_are_highlighted(client: TestClient) -> None:
    data = client.get("/search.json?q=flood").json()
    assert data["result"]["total"] == 2
    hit = data["result"]["hits"][0]
    assert any(is_match for _, is_match in hit["snippet"])
    html = client.get("/search?q=flood").text
    assert "<mark>" in html and "2 results" in html


def test_dari_query_finds_dari_hits(client: TestClient) -> None:
    data = client.get("/search.json", params={"q": "زعفران"}).json()
    assert DARI_ID in [h["id"] for h in data["result"]["hits"]]
    hit = next(h for h in data["result"]["hits"] if h["id"] == DARI_ID)
    assert hit["dir"] == "rtl"
    html = client.get("/search", params={"q": "زعفران"}).text
    assert 'class="snippet" lang="fa-AF" dir="rtl"' in html


def test_facets_are_filters(client: TestClient) -> None:
    data = client.get("/search.json?q=").json()
    assert data["result"] is None
    everything = client.get("/search.json?year=2023").json()["result"]
    sections = {f["value"]: f for f in everything["facets"]["section"]}
    dari = client.get(sections["dari"]["url"].replace("/search", "/search.json")).json()
    assert dari["result"]["total"] == sections["dari"]["count"]
    assert dari["filters"] == [
        {"name": "section", "value": "dari", "remove": "/search?year=2023"},
        {"name": "year", "value": "2023", "remove": "/search?section=dari"},
    ]
    assert all(h["section"] == "dari" for h in dari["result"]["hits"])
    # filters alone, without words
    only = client.get("/search.json?language=ps&year=2023").json()["result"]
    assert only["total"] == 3


def test_filter_values_cannot_break_out_of_their_quotes() -> None:
    assert filter_terms({"author": 'x" OR "y'}) == 'author:"x  OR  y"'


def test_sort_and_pages(small_client: TestClient) -> None:
    newest = small_client.get("/search.json?section=european-languages&sort=date").json()
    dates = [h["date"] for h in newest["result"]["hits"]]
    assert dates == sorted(dates, reverse=True)
    assert newest["result"]["pages"] == 3 and newest["result"]["next"]
    query = parse_qs(urlsplit(newest["result"]["next"]).query)
    assert query == {"sort": ["date"], "section": ["european-languages"], "page": ["2"]}
    seen = []
    for page in (1, 2, 3):
        r = small_client.get(f"/search.json?section=european-languages&sort=date_asc&page={page}")
        seen += [h["id"] for h in r.json()["result"]["hits"]]
    assert len(set(seen)) == 7
    html = small_client.get("/search?section=european-languages&page=2").text
    assert "Page 2 of 3" in html and 'rel="prev"' in html and 'rel="next"' in html


def test_malformed_query_is_a_clear_400(client: TestClient) -> None:
    response = client.get("/search", params={"q": 'flood "relief'})
    assert response.status_code == 400
    html = response.text
    assert "The query could not be read" in html and "never closed" in html
    assert 'role="alert"' in html and 'name="q"' in html  # the box stays, to fix the query
    assert "<mark>&#34;relief</mark>" in html  # the problem is pointed at
    data = client.get("/search.json", params={"q": "(a OR"}).json()
    assert data["error"]["status"] == 400 and data["error"]["position"] == 3
    assert "Traceback" not in html


def test_bad_search_parameters(client: TestClient) -> None:
    for query in ("page=0", "page=x", "sort=random", "year=abc", "q=" + "a" * 501):
        response = client.get(f"/search?{query}")
        assert response.status_code == 400, query
        assert "Traceback" not in response.text


def test_search_page_in_dari(client: TestClient) -> None:
    html = client.get("/search?q=flood&ui=fa").text
    assert "۲ نتیجه" in html and "جستجو" in html and 'dir="rtl"' in html
