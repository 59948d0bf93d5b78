"""Permanent links: ``/article/{id}/v/{n}`` answers version n, the same content after the
record changes, on SQLite and on PostgreSQL; the plain address shows the current
version and says which it is."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.record import Article, Block, Provenance, Section
from ganjina.web import create_app

from .conftest import BASE, SITE
from .consumers import bibtex, ris
from .pagemeta import head, names

SUFFIXES = (".bib", ".ris", ".csl.json")


def story(
    body: str, translators: tuple[str, ...] = (), title: str = "Water talks resume"
) -> Article:
    return Article(
        title=title,
        site=SITE,
        section=Section("european-languages", ["European Languages"]),
        language="en",
        authors=["Farid Noori"],
        translators=list(translators),
        date="2024-04-02",
        blocks=[Block("paragraph", body)],
        provenance=Provenance("pdf", ""),
    )


def without_accessed(suffix: str, text: str) -> object:
    """An export without the date accessed, the one thing that changes with the day."""
    if suffix == ".csl.json":
        return [{k: v for k, v in item.items() if k != "accessed"} for item in json.loads(text)]
    return [line for line in text.splitlines() if "urldate" not in line and "Y2  -" not in line]


def test_a_version_keeps_its_address_and_content(archive: Archive) -> None:
    id = archive.add(story("The first text."), original=b"%PDF first", filename="a.pdf")
    client = TestClient(create_app(archive), base_url=BASE)
    before = client.get(f"/article/{id}/v/1.json").json()
    exports = {s: client.get(f"/article/{id}/v/1{s}").text for s in SUFFIXES}
    assert before["is_current"] and before["cite"]["versions"] == 1

    # a corrected file of the same article: version 2
    assert archive.add(story("The corrected text.", ("Tom Reilly",)), original=b"%PDF second") == id
    after = client.get(f"/article/{id}/v/1.json").json()
    assert after["article"] == before["article"] and after["body"] == before["body"]
    assert after["version"] == 1 and not after["is_current"]
    for suffix, text in exports.items():
        now = client.get(f"/article/{id}/v/1{suffix}").text
        assert without_accessed(suffix, now) == without_accessed(suffix, text), suffix
    html = client.get(f"/article/{id}/v/1").text
    assert "The first text." in html and "The corrected text." not in html
    assert "a newer version exists" in html
    page = head(html)
    canonical = [link["href"] for link in page.links if link.get("rel") == "canonical"]
    assert canonical == [f"{BASE}/article/{id}/v/1"]
    # the original file of version 1 is still the first file
    pdf = names(page.meta, "citation_pdf_url")[0]
    assert client.get(pdf.removeprefix(BASE)).content == b"%PDF first"

    # the plain address: the current version, which it names
    plain = client.get(f"/article/{id}")
    assert "The corrected text." in plain.text
    assert re.search(r"This is version 2 of 2, the current version", plain.text)
    assert f'href="/article/{id}/v/2"' in plain.text
    current = client.get(f"/article/{id}.json").json()
    assert current["cite"]["version"] == 2 and current["cite"]["permalink"] == f"/article/{id}/v/2"
    assert client.get(f"/article/{id}/v/2.json").json()["article"] == current["article"]
    entry = bibtex(client.get(f"/article/{id}.bib").text)[0]
    assert entry["version"] == "2" and entry["url"] == f"{BASE}/article/{id}/v/2"
    assert entry["translator"] == "Tom Reilly"
    assert "translator" not in bibtex(client.get(f"/article/{id}/v/1.bib").text)[0]
    assert ris(client.get(f"/article/{id}/v/1.ris").text)[0]["accession_number"].endswith(
        "version 1"
    )
    # the archive's own API gives each version, on both stores
    first, second = archive.get(id, 1), archive.get(id, 2)
    assert first and second and first.blocks[0].text == "The first text."
    assert second.blocks[0].text == "The corrected text."


def test_old_and_wrong_addresses(archive: Archive) -> None:
    id = archive.add(story("The first text."))
    archive.add(story("The second text."))
    # the article's title was corrected: its new content id becomes an alias
    renamed = story("The third text.", title="Water talks resume in Kabul")
    assert archive.add(renamed, replaces=id) == id
    client = TestClient(create_app(archive), base_url=BASE)
    moved = client.get(f"/article/{id}?version=1&ui=fa", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/article/{id}/v/1?ui=fa"
    twin = client.get(f"/article/{id}.json?version=2", follow_redirects=False)
    assert twin.headers["location"] == f"/article/{id}/v/2.json"
    alias = client.get(f"/article/{renamed.id}/v/1", follow_redirects=False)
    assert alias.status_code == 301 and alias.headers["location"] == f"/article/{id}/v/1"
    cite_alias = client.get(f"/article/{renamed.id}/v/1.bib", follow_redirects=False)
    assert cite_alias.headers["location"] == f"/article/{id}/v/1.bib"
    assert client.get(f"/article/{renamed.id}/v/1.bib").text.startswith(f"@article{{{id}-v1,")
    assert client.get(f"/article/{id}/v/3.json").json()["is_current"]
    for path, status in (
        (f"/article/{id}/v/4", 404),
        (f"/article/{id}/v/4.ris", 404),
        (f"/article/{id}/v/0", 400),
        (f"/article/{id}/v/x.bib", 400),
        ("/article/gj-nothing.csl.json", 404),
        (f"/api/articles/{id}/citation?version=9", 404),
    ):
        assert client.get(path).status_code == status, path
    # the API answers an alias with the citation itself, under the record's own id
    api = client.get(f"/api/articles/{renamed.id}/citation", params={"format": "ris"})
    assert api.status_code == 200 and f"{id}, version 3" in api.text
