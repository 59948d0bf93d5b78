"""The article page's meta tags, as Zotero, Mendeley and Google Scholar read them:
Highwire ``citation_*`` names from the Highwire field list only, Dublin Core for the
translator and the original, and a ``<link rel="alternate">`` to each export that
answers in its format."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.cite import Context, cite_many, meta
from ganjina.web.urls import Absolute

from .conftest import BASE, SITE, special_records
from .consumers import bibtex, citeproc, ris
from .pagemeta import DUBLIN_CORE, HIGHWIRE_FIELDS, head, names

VIEWER_NAMES = {"viewport"}


def _ids(client: TestClient) -> dict[str, str]:
    data = client.get("/api/search", params={"q": "", "limit": 10}).json()
    return {h["language"]: h["id"] for h in data["hits"]}


def test_every_name_is_a_known_field_and_the_required_ones_are_there(
    site_client: TestClient,
) -> None:
    records = {a.language: a for a in special_records()}
    for language, id in _ids(site_client).items():
        page = head(site_client.get(f"/article/{id}").text)
        meta = page.meta
        unknown = {
            name for name, _ in meta if name not in HIGHWIRE_FIELDS | DUBLIN_CORE | VIEWER_NAMES
        }
        assert not unknown, unknown
        record = records[language]
        assert names(meta, "citation_title") == [record.title]
        # one tag per author, in the order and the script printed
        assert names(meta, "citation_author") == record.authors
        assert names(meta, "citation_publisher") == [SITE.name]
        assert names(meta, "citation_language") == [language]
        assert names(meta, "citation_pdf_url") == [f"{BASE}/article/{id}/original?version=1"]
        assert names(meta, "citation_public_url") == [f"{BASE}/article/{id}/v/1"]
        if record.date:
            slashed = record.date.replace("-", "/")
            assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", slashed)
            assert names(meta, "citation_publication_date") == [slashed]
            assert names(meta, "citation_online_date") == [slashed]
        else:  # no date is better than a wrong one
            assert not names(meta, "citation_publication_date")
        assert names(meta, "DC.contributor") == record.translators
        assert names(meta, "DC.creator") == record.authors
        assert names(meta, "DC.identifier") == [f"{BASE}/article/{id}/v/1"]
        assert record.source is not None
        assert names(meta, "DC.source")[0].startswith(str(record.source.name))
        schemas = {link["rel"]: link["href"] for link in page.links if "schema" in link["rel"]}
        assert schemas["schema.DC"] == "http://purl.org/dc/elements/1.1/"


def test_the_original_of_a_reprint_is_named(site_client: TestClient) -> None:
    en = _ids(site_client)["en"]
    meta = head(site_client.get(f"/article/{en}").text).meta
    # the outlet's own address, since the archive does not hold the original
    assert names(meta, "DC.relation.isVersionOf") == ["https://ledger.example/a?b=1&c=2"]
    assert names(meta, "DC.source") == ["Kabul Ledger, 2024-03-01"]


def test_each_export_is_linked_and_answers_in_its_format(site_client: TestClient) -> None:
    for id in _ids(site_client).values():
        links = head(site_client.get(f"/article/{id}").text).links
        alternates = {
            link["type"]: link["href"] for link in links if link.get("rel") == "alternate"
        }
        assert set(alternates) == {
            "application/json",
            "application/x-bibtex",
            "application/x-research-info-systems",
            "application/vnd.citationstyles.csl+json",
        }
        for media_type, href in alternates.items():
            response = site_client.get(href)
            assert response.status_code == 200, href
            assert response.headers["content-type"].startswith(media_type)
            if media_type == "application/json":
                continue
            assert "attachment" in response.headers["content-disposition"]
            assert f"{id}-v1" in response.headers["content-disposition"]
            text = response.text
            if media_type == "application/x-bibtex":
                assert bibtex(text)[0]["ID"] == f"{id}-v1"
            elif media_type == "application/x-research-info-systems":
                assert ris(text)[0]["accession_number"] == f"{id}, version 1"
            else:
                assert f"{BASE}/article/{id}/v/1" in citeproc(text)[0]


def test_the_page_and_the_library_agree(site_client: TestClient, site_archive: Archive) -> None:
    """The page's tags are ``ganjina.cite``'s, not a second implementation."""
    context = Context(Absolute(BASE), None, "Ganjina — Afghanistan Azad archive")
    for c in cite_many(site_archive, None, context):
        page = head(site_client.get(f"/article/{c.id}").text).meta
        assert [pair for pair in page if pair[0] != "viewport"] == meta.tags(c)
