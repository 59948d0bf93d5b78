"""Citations of the sample corpus on the site: every sample's exports read back by the
real consumers, the translation cites its original, the citation line in both
interface languages, and ``ganjina export --format bibtex|ris|csl-json``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from ganjina.cli.main import cli
from tests.cite.consumers import bibtex, bibtex_names, citeproc, ris
from tests.cite.pagemeta import DUBLIN_CORE, HIGHWIRE_FIELDS, head, names

from .conftest import DARI_ID, PASHTO_ID

#: fa-helmand-water is the Dari translation of en-helmand-water (ganjina.links finds it)
TRANSLATION_ID = "gj-b423c344a1d5bb81"
BASE = "http://testserver"


def records(client: TestClient) -> list[dict[str, Any]]:
    found = client.get("/api/articles", params={"limit": 100}).json()["articles"]
    assert len(found) == 14
    return found


def test_every_sample_reads_back_through_the_real_consumers(client: TestClient) -> None:
    for record in records(client):
        id, key = record["id"], f"{record['id']}-v1"
        csl_text = client.get(f"/article/{id}.csl.json").text
        line = citeproc(csl_text)[0]
        for name in record["authors"] + record["translators"]:
            assert name in line, (id, name)
        assert record["title"].casefold() in line.casefold()
        item = json.loads(csl_text)[0]
        assert item["title"] == record["title"] and item["id"] == key
        if record["date"]:
            y, m, d = (int(p) for p in record["date"].split("-"))
            assert item["issued"] == {"date-parts": [[y, m, d]]}
            assert str(y) in line
        entry = bibtex(client.get(f"/article/{id}.bib").text)[0]
        assert entry["ID"] == key and entry["title"] == record["title"]
        assert bibtex_names(entry.get("author", "")) == (record["authors"] or [""])
        assert bibtex_names(entry.get("translator", "")) == (record["translators"] or [""])
        assert entry.get("date") == record["date"]
        assert entry["url"] == f"{BASE}/article/{id}/v/1"
        found = ris(client.get(f"/article/{id}.ris").text)[0]
        assert found["title"] == record["title"]
        assert found.get("authors", []) == record["authors"]
        assert found.get("subsidiary_authors", []) == record["translators"]
        assert found["language"] == record["language"]
        if record["source"] and record["source"]["name"]:
            assert record["source"]["name"] in found["original_publication"]
            assert entry["origpublisher"] == record["source"]["name"]


def test_every_sample_page_carries_known_meta_tags(client: TestClient) -> None:
    for record in records(client):
        meta = head(client.get(f"/article/{record['id']}").text).meta
        assert {n for n, _ in meta} <= HIGHWIRE_FIELDS | DUBLIN_CORE | {"viewport"}
        assert names(meta, "citation_title") == [record["title"]]
        assert names(meta, "citation_author") == record["authors"]
        assert names(meta, "DC.contributor") == record["translators"]


def test_a_translation_cites_its_original(client: TestClient) -> None:
    original = client.get(f"/api/articles/{TRANSLATION_ID}/related").json()["translation_of"][0]
    item = json.loads(client.get(f"/article/{TRANSLATION_ID}.csl.json").text)[0]
    assert item["original-title"] == original["title"]
    assert item["original-publisher"] == "Harbour Review"
    assert item["original-date"] == {"date-parts": [[2023, 5, 7]]}
    assert [t["literal"] for t in item["translator"]] == ["شکیبا هاشمی"]
    meta = head(client.get(f"/article/{TRANSLATION_ID}").text).meta
    assert names(meta, "DC.relation.isVersionOf") == [f"{BASE}{original['url']}"]
    entry = bibtex(client.get(f"/article/{TRANSLATION_ID}.bib").text)[0]
    assert entry["origtitle"] == original["title"]
    line = citeproc(client.get(f"/article/{TRANSLATION_ID}.csl.json").text)[0]
    assert "Originally published as" in line and "Harbour Review" in line
    dari = client.get(f"/article/{TRANSLATION_ID}?ui=fa").text
    assert f"نشر نخست با عنوان {original['title']}" in dari


def textarea(html: str) -> str:
    match = re.search(r'<textarea id="cite-line"[^>]*readonly[^>]*>(.*?)</textarea>', html, re.S)
    assert match, "no read-only citation field"
    return match.group(1)


def test_the_citation_line_in_both_interface_languages(client: TestClient) -> None:
    english = client.get(f"/article/{PASHTO_ID}").text
    line = textarea(english)
    assert "Translated by احمد شاه ستانکزی" in line and "September 14, 2023" in line
    assert f"{BASE}/article/{PASHTO_ID}/v/1" in line and "Accessed " in line
    assert '<label for="cite-line">' in english  # the field says what it is, no script needed
    dari = client.get(f"/article/{PASHTO_ID}?ui=fa").text
    line = textarea(dari)
    assert "ترجمهٔ احمد شاه ستانکزی" in line and "۱۴ سپتمبر ۲۰۲۳" in line
    assert "دسترسی در" in line and "Translated" not in line
    assert 'lang="fa-AF" dir="rtl"' in dari.split('id="cite-line"')[1].split(">")[0]
    assert "ارجاع به این مقاله" in dari and "<script" not in dari.split("</head>")[1]


def test_the_json_twin_is_the_same_in_every_interface_language(client: TestClient) -> None:
    one = client.get(f"/article/{DARI_ID}.json").json()["cite"]
    assert client.get(f"/article/{DARI_ID}.json?ui=fa").json()["cite"] == one
    assert one["permalink"] == f"/article/{DARI_ID}/v/1" and one["csl"]["version"] == "1"


def test_search_results_as_citations(client: TestClient) -> None:
    response = client.get("/api/search/citations", params={"q": "lang:ps", "format": "ris"})
    assert response.status_code == 200
    assert [r["language"] for r in ris(response.text)] == ["ps", "ps", "ps"]
    limited = client.get("/api/search/citations", params={"format": "bibtex", "limit": 2})
    assert len(bibtex(limited.text)) == 2
    items = client.get("/api/search/citations", params={"q": "هلمند"}).json()
    assert {i["id"].rsplit("-v", 1)[0] for i in items} >= {TRANSLATION_ID}
    bad = client.get("/api/search/citations", params={"q": "title:"})
    assert bad.status_code == 400 and bad.json()["error"]["position"] == 0
    one = client.get(f"/api/articles/{PASHTO_ID}/citation", params={"format": "bibtex"})
    assert one.headers["content-type"].startswith("application/x-bibtex")
    assert bibtex(one.text)[0]["ID"] == f"{PASHTO_ID}-v1"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json"])
def test_cli_exports_citations(demo_path: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"all.{fmt}"
    code, _out, err = run(
        "export", "--archive", str(demo_path), "--format", fmt, "-o", str(target),
        "--base-url", "https://archive.example.org",
    )  # fmt: skip
    assert code == 0 and "exported 14 records" in err
    text = target.read_text(encoding="utf-8")
    read = {"bibtex": bibtex, "ris": ris, "csl-json": citeproc}[fmt]
    assert len(read(text)) == 14
    assert "https://archive.example.org/article/" in text
    code, out, err = run("export", "--archive", str(demo_path), "--format", fmt, "-q", "lang:ps")
    assert code == 0 and len(read(out)) == 3 and "no --base-url" in err


def test_cli_export_refuses_a_bad_base_url(demo_path: Path) -> None:
    code, _out, err = run("export", "--archive", str(demo_path), "--format", "ris",
                          "--base-url", "javascript:alert(1)")  # fmt: skip
    assert code == 2 and "--base-url" in err and "Traceback" not in err
