"""The article page shows how the archive connects an article: "translation of …",
"translated as …" (issue 7), in HTML and in its JSON twin."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ganjina.archive import Archive


def _ids(archive: Archive) -> dict[str, str]:
    return {
        a.language or "": a.id
        for a in archive.iter_articles()
        if (a.source and a.source.name == "Harbour Review")
        or (a.title or "").startswith("Kabul and Tehran")
    }


def test_translation_and_original_point_at_each_other(client: TestClient, archive: Archive) -> None:
    ids = _ids(archive)
    original, translation = ids["en"], ids["fa-AF"]
    page = client.get(f"/article/{translation}.json").json()
    assert [r["id"] for r in page["related"]["translation_of"]] == [original]
    back = client.get(f"/article/{original}.json").json()
    assert [r["id"] for r in back["related"]["translated_as"]] == [translation]
    html = client.get(f"/article/{translation}").text
    assert "Translation of" in html and f'href="/article/{original}"' in html
    dari = client.get(f"/article/{translation}", params={"ui": "fa"}).text
    assert "ترجمهٔ" in dari


def test_the_api_says_the_same(client: TestClient, archive: Archive) -> None:
    ids = _ids(archive)
    got = client.get(f"/api/articles/{ids['fa-AF']}/related").json()
    assert [r["id"] for r in got["translation_of"]] == [ids["en"]]
    assert got["also_in_archive"] == []
    assert client.get("/api/articles/gj-0000000000000000/related").status_code == 404
