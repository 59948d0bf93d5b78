"""The server-rendered pages and their JSON twins, through FastAPI's TestClient."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.record import Article, Block
from ganjina.web import create_app

from .conftest import DARI_ID, EN_ID, PASHTO_ID, SCRIPT_ID

PAGES = [
    "/",
    "/section/dari",
    "/section/pashto",
    "/section/european-languages",
    "/author/Nadia%20Rahimzai",
    "/source/Harbour%20Review",
    "/browse",
    "/browse/gregorian/2023",
    "/browse/solar/1402",
    "/browse/gregorian/2023/5",
    "/browse/solar/1403/4",
    f"/article/{SCRIPT_ID}",
    f"/article/{DARI_ID}",
    "/search",
    "/search?q=flood",
    "/about",
]


def json_ld(html: str) -> dict[str, object]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    data: dict[str, object] = json.loads(match.group(1))
    return data


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(client: TestClient, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 200, html.text[:300]
    assert html.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = ("/index.json" if base == "/" else base + ".json") + (f"?{query}" if query else "")
    by_suffix = client.get(twin)
    by_accept = client.get(path, headers={"Accept": "application/json"})
    assert by_suffix.headers["content-type"] == "application/json"
    one, other = by_suffix.json(), by_accept.json()
    for data in (one, other):
        if data.get("result"):
            data["result"].pop("took_ms")  # the one thing that differs between two runs
    assert one == other
    assert "Accept" in html.headers["vary"]
    # the page links its twin
    assert f'href="{twin.replace("&", "&amp;")}"' in html.text


def test_home_shows_the_latest_of_each_section(client: TestClient) -> None:
    data = client.get("/index.json").json()
    assert [s["id"] for s in data["sections"]] == ["dari", "pashto", "european-languages"]
    assert data["records"] == 14
    dates = [a["date"] for a in data["sections"][2]["articles"] if a["date"]]
    assert dates == sorted(dates, reverse=True)
    html = client.get("/").text
    assert "European Languages" in html and 'href="/feeds/section/dari.atom"' in html


def test_lists_of_section_author_source(client: TestClient, small_client: TestClient) -> None:
    assert len(client.get("/section/dari.json").json()["articles"]) == 4
    by = client.get("/author/Nadia%20Rahimzai.json").json()
    assert [a["id"] for a in by["articles"]] == [SCRIPT_ID]
    assert len(client.get("/source/Harbour%20Review.json").json()["articles"]) == 2
    # cursor pagination: 7 European-language articles in pages of 3
    seen: list[str] = []
    url: str | None = "/section/european-languages.json"
    while url:
        page = small_client.get(url).json()
        seen += [a["id"] for a in page["articles"]]
        url = page["next"].replace("?", ".json?", 1) if page["next"] else None
    assert len(seen) == len(set(seen)) == 7


def test_unknown_list_and_bad_cursor(client: TestClient) -> None:
    assert client.get("/section/nothing-here").status_code == 404
    assert client.get("/author/Nobody%20At%20All").status_code == 404
    bad = client.get("/section/dari?cursor=notacursor")
    assert bad.status_code == 400 and "cursor" in bad.text


def test_browse_in_both_calendars(client: TestClient) -> None:
    years = client.get("/browse.json").json()["calendars"]
    assert {y["year"] for y in years["gregorian"]} == {2022, 2023, 2024}
    assert sum(y["count"] for y in years["gregorian"]) == 13  # one sample has no date
    assert sum(y["count"] for y in years["solar"]) == 13
    assert {y["year"] for y in years["solar"]} <= {1400, 1401, 1402, 1403}
    # 2024-07-13 is 23 Saratan (month 4) 1403
    month = client.get("/browse/solar/1403/4.json").json()
    assert [a["id"] for a in month["articles"]] == [DARI_ID]
    g = client.get("/browse/gregorian/2023.json").json()
    assert g["count"] == 8 and len(g["months"]) == 12
    html = client.get("/browse/solar/1403?ui=fa").text
    assert "سرطان" in html and "۱۴۰۳" in html
    assert "Saratan" in client.get("/browse/solar/1403").text


def test_browse_bad_parameters(client: TestClient) -> None:
    assert client.get("/browse/julian/2023").status_code == 400
    assert client.get("/browse/gregorian/1300").status_code == 400
    assert client.get("/browse/solar/2023").status_code == 400
    assert client.get("/browse/gregorian/2023/13").status_code == 400
    assert client.get("/browse/gregorian/twenty").status_code == 400


def test_article_page_english(client: TestClient) -> None:
    response = client.get(f"/article/{EN_ID}")
    html = response.text
    data = client.get(f"/article/{EN_ID}.json").json()
    a = data["article"]
    assert a["translators"] and a["source"]
    assert a["title"] in html.replace("&#39;", "'")
    for name in a["authors"] + a["translators"]:
        assert name in html
    assert '<time datetime="2022-11-03">3 November 2022</time>' in html
    assert "12 Aqrab 1401 SH" in html  # 2022-11-03
    assert data["date_solar"] == "1401-08-12"
    assert 'class="article-body" lang="en" dir="ltr"' in html
    assert a["source"]["text"] in html
    assert f'href="/article/{EN_ID}/original"' in html
    ld = json_ld(html)
    assert ld["@type"] == "NewsArticle" and ld["headline"] == a["title"]
    assert ld["datePublished"] == "2022-11-03" and ld["inLanguage"] == "en"
    assert ld["translator"] == [{"@type": "Person", "name": a["translators"][0]}]
    # the server's own path to the file is not published
    assert a["provenance"]["path"] == "article.pdf"


def test_article_page_dari_right_to_left(client: TestClient) -> None:
    html = client.get(f"/article/{DARI_ID}").text
    assert 'class="article-body" lang="fa-AF" dir="rtl"' in html
    assert '<h1 lang="fa-AF" dir="rtl">' in html
    assert "23 Saratan 1403 SH" in html
    dari_ui = client.get(f"/article/{DARI_ID}?ui=fa").text
    assert '<html lang="fa-AF" dir="rtl">' in dari_ui
    assert "۲۳ سرطان ۱۴۰۳" in dari_ui and "۱۳ جولای ۲۰۲۴" in dari_ui


def test_pashto_article_uses_pashto_months_in_the_dari_interface(client: TestClient) -> None:
    html = client.get(f"/article/{PASHTO_ID}?ui=fa").text
    assert 'lang="ps" dir="rtl"' in html
    assert "وږی" in html  # 2023-09-14 is 23 Sonbola (Pashto: Wagay) 1402
    assert "مترجم" in html  # the translator's label, in Dari


def test_captions_headings_and_quotes_keep_their_kind(client: TestClient) -> None:
    kinds = set()
    for a in client.get("/api/articles?limit=100").json()["articles"]:
        kinds |= {b["type"] for b in a["blocks"]}
        if any(b["type"] == "caption" for b in a["blocks"]):
            html = client.get(f"/article/{a['id']}").text
            assert '<p class="caption">' in html
    assert "caption" in kinds and "heading" in kinds
    assert "<h2>What actually goes wrong</h2>" in client.get(f"/article/{SCRIPT_ID}").text


def test_download_of_the_original(client: TestClient) -> None:
    response = client.get(f"/article/{DARI_ID}/original")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response.headers["content-disposition"].startswith('attachment; filename="article.pdf"')
    assert client.get("/article/gj-0000000000000000/original").status_code == 404


def test_unknown_article_is_a_404_page(client: TestClient) -> None:
    response = client.get("/article/gj-0000000000000000")
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.text
    assert client.get("/article/gj-0000000000000000.json").json()["error"]["status"] == 404
    assert client.get(f"/article/{DARI_ID}?version=99").status_code == 404


def test_about_counts(client: TestClient) -> None:
    data = client.get("/about.json").json()
    assert data["records"] == 14
    assert {r["section"]: r["count"] for r in data["by_section"]} == {
        "european-languages": 7,
        "dari": 4,
        "pashto": 3,
    }
    assert sum(r["count"] for r in data["by_language"]) == 14
    assert "archive" not in data  # no server paths
    html = client.get("/about").text
    assert "German" in html and "Pashto" in html
    assert "آلمانی" in client.get("/about?ui=fa").text


def test_head_requests(client: TestClient) -> None:
    response = client.head("/about")
    assert response.status_code == 200 and response.content == b""


def test_versions_and_an_id_that_changed(tmp_path: Path) -> None:
    """A corrected article keeps its address; the id of the correction leads there, and
    the earlier version stays readable and downloadable."""
    first = Article(
        title="Flood relief reaches Kabul",
        language="en",
        date="2023-02-14",
        authors=["Mariam Haidari"],
        blocks=[Block("paragraph", "Aid arrived.")],
    )
    fixed = Article(
        title="Flood relief reaches Kabul and Parwan",
        language="en",
        date="2023-02-14",
        authors=["Mariam Haidari"],
        blocks=[Block("paragraph", "Aid arrived in two provinces.")],
    )
    with Archive.open(tmp_path / "a", create=True) as archive:
        archive.add(first, b"first file", "first.txt")
        archive.add(fixed, b"second file", "second.txt", replaces=first.id)
        client = TestClient(create_app(archive))
        moved = client.get(f"/article/{fixed.id}", follow_redirects=False)
        assert moved.status_code == 301
        assert moved.headers["location"] == f"/article/{first.id}"
        page = client.get(f"/article/{first.id}")
        assert "Kabul and Parwan" in page.text and "Versions" in page.text
        old = client.get(f"/article/{first.id}?version=1")
        assert "earlier version" in old.text and "Aid arrived." in old.text
        data = client.get(f"/article/{first.id}.json?version=1").json()
        assert data["is_current"] is False and data["version"] == 1
        assert client.get(f"/article/{first.id}/original?version=1").content == b"first file"
        assert client.get(f"/article/{first.id}/original").content == b"second file"
