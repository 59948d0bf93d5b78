"""The JSON API under /api/ and its OpenAPI description."""

from __future__ import annotations

import json

import jsonschema
from fastapi.testclient import TestClient

from ganjina.web.api_models import ArticleModel

from .conftest import DARI_ID, ROOT

SCHEMA = json.loads((ROOT / "docs" / "article.schema.json").read_text())


def test_articles_with_cursor_pagination(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/articles?limit=5"
    pages = 0
    while url:
        data = client.get(url).json()
        seen += [a["id"] for a in data["articles"]]
        url, pages = data["next"], pages + 1
    assert pages == 3 and len(seen) == len(set(seen)) == 14


def test_articles_filters(client: TestClient) -> None:
    assert len(client.get("/api/articles?language=fa").json()["articles"]) == 4
    assert len(client.get("/api/articles?section=pashto").json()["articles"]) == 3
    data = client.get("/api/articles?year=2023&month=5&order=date_asc").json()
    assert [a["date"] for a in data["articles"]] == ["2023-05-09", "2023-05-12"]
    by = client.get("/api/articles", params={"author": "Nadia Rahimzai"}).json()
    assert len(by["articles"]) == 1


def test_one_article_matches_the_schema(client: TestClient) -> None:
    record = client.get(f"/api/articles/{DARI_ID}").json()
    jsonschema.validate(record, SCHEMA)
    assert record["language"] == "fa-AF"
    missing = client.get("/api/articles/gj-nothing")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"status": 404, "message": "no article 'gj-nothing'"}}


def test_versions_and_original(client: TestClient) -> None:
    versions = client.get(f"/api/articles/{DARI_ID}/versions").json()
    assert versions[0]["current"] and versions[0]["original"]
    assert client.get(f"/api/articles/{DARI_ID}/original").content.startswith(b"%PDF")
    assert client.get("/api/articles/gj-nothing/versions").status_code == 404


def test_search_with_facets(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "lang:ps", "limit": 2}).json()
    assert data["total"] == 3 and len(data["hits"]) == 2
    assert data["facets"]["language"] == [["ps", 3]]
    error = client.get("/api/search", params={"q": "title:"})
    assert error.status_code == 400 and error.json()["error"]["position"] == 0


def test_stats(client: TestClient) -> None:
    data = client.get("/api/stats").json()
    assert data["records"] == 14
    assert ["dari", 4] in data["by_section"]
    assert "archive" not in data and "index" not in data


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/articles/{article_id}/versions",
        "/api/articles/{article_id}/related",
        "/api/articles/{article_id}/similar",
        "/api/articles/{article_id}/original",
        "/api/articles/{article_id}/citation",
        "/api/search",
        "/api/search/citations",
        "/api/stats",
    }
    params = {p["name"] for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert {"section", "language", "author", "source", "year", "month", "cursor"} <= params
    assert "400" in spec["paths"]["/api/search"]["get"]["responses"]


def test_article_model_follows_the_schema() -> None:
    assert set(ArticleModel.model_fields) == set(SCHEMA["properties"])
