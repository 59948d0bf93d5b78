"""Atom feeds per section, per author and per search; sitemaps and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient

from ganjina.web import xmldoc

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def entries(client: TestClient, path: str) -> list[ET.Element]:
    response = client.get(path)
    assert response.status_code == 200, response.text[:200]
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    return feed.findall(f"{ATOM}entry")


def test_section_feed(client: TestClient) -> None:
    found = entries(client, "/feeds/section/dari.atom")
    assert len(found) == 4
    first = found[0]
    assert first.find(f"{ATOM}title").get("{http://www.w3.org/XML/1998/namespace}lang") == "fa-AF"  # type: ignore[union-attr]
    link = first.find(f"{ATOM}link").get("href")  # type: ignore[union-attr]
    assert link and link.startswith("http://testserver/article/gj-")
    updated = [e.findtext(f"{ATOM}updated") for e in found]
    assert updated == sorted(updated, reverse=True)  # type: ignore[type-var]


def test_author_and_search_feeds(client: TestClient) -> None:
    assert len(entries(client, "/feeds/author/Nadia%20Rahimzai.atom")) == 1
    assert len(entries(client, "/feeds/search.atom?q=flood")) == 2
    assert client.get("/feeds/search.atom?q=%22x").status_code == 400
    assert client.get("/feeds/search.atom").status_code == 400
    assert client.get("/feeds/section/none.atom").status_code == 404


def test_xml_text_drops_what_xml_forbids() -> None:
    assert xmldoc.text("a\x1bb\x00c\ufffe\td") == "abc\td"


def test_robots_and_sitemaps(client: TestClient) -> None:
    robots = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in robots and "Disallow: /search" in robots
    index = ET.fromstring(client.get("/sitemap.xml").content)
    parts = [loc.text or "" for loc in index.iter(f"{SITEMAP}loc")]
    assert parts[0].endswith("/sitemap/pages.xml")
    assert any(p.endswith("/sitemap/undated.xml") for p in parts)
    articles = set()
    for part in parts:
        urlset = ET.fromstring(client.get(part.replace("http://testserver", "")).content)
        articles |= {
            loc.text for loc in urlset.iter(f"{SITEMAP}loc") if "/article/" in (loc.text or "")
        }
    assert len(articles) == 14
    assert client.get("/sitemap/notayear.xml").status_code == 404
