"""The public address comes from settings, never from the Host header; OAI-PMH errors
and Identify as the protocol's schema wants them (issue 13, item 11)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.errors import GanjinaError
from ganjina.settings import get_settings
from ganjina.web import create_app
from ganjina.web.config import WebConfig

PUBLIC = "https://archive.example.org"
OAI = "{http://www.openarchives.org/OAI/2.0/}"


@pytest.fixture(scope="module")
def public(archive: Archive) -> TestClient:
    app = create_app(archive, WebConfig(base_url=PUBLIC + "/", admin_email="desk@example.org"))
    return TestClient(app, base_url=PUBLIC, raise_server_exceptions=False)


def test_every_absolute_url_is_made_from_the_configured_base(public: TestClient) -> None:
    robots = public.get("/robots.txt").text
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    assert f"<loc>{PUBLIC}/" in public.get("/sitemap.xml").text
    feed = public.get("/feeds/section/dari.atom").text
    assert f"{PUBLIC}/" in feed and "testserver" not in feed
    identify = ET.fromstring(public.get("/oai?verb=Identify").content)
    assert identify.findtext(f"{OAI}Identify/{OAI}baseURL") == f"{PUBLIC}/oai"


def test_a_request_for_another_host_is_refused(public: TestClient) -> None:
    response = public.get("/robots.txt", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "evil.example" not in response.text


def test_without_a_base_url_the_request_host_is_used_for_local_use(archive: Archive) -> None:
    local = TestClient(create_app(archive), raise_server_exceptions=False)
    assert "http://testserver/sitemap.xml" in local.get("/robots.txt").text


def test_the_base_url_comes_from_the_environment(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GANJINA_BASE_URL", "https://mirror.example.net")
    get_settings.cache_clear()
    try:
        client = TestClient(create_app(archive), base_url="https://mirror.example.net")
        assert "https://mirror.example.net/sitemap.xml" in client.get("/robots.txt").text
    finally:
        monkeypatch.delenv("GANJINA_BASE_URL")
        get_settings.cache_clear()


@pytest.mark.parametrize(
    "bad", ["ftp://x.org", "archive.example.org", "https://", "https://a.org/?q=1"]
)
def test_a_wrong_base_url_is_one_clear_error(archive: Archive, bad: str) -> None:
    with pytest.raises(GanjinaError, match="base URL"):
        create_app(archive, WebConfig(base_url=bad))


@pytest.mark.parametrize(
    "query",
    [
        "verb=ListRecords&metadataPrefix=oai_dc&set=bogus",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2020-13-45",
        "verb=Nonsense&x=1",
    ],
)
def test_bad_argument_and_bad_verb_echo_no_request_attributes(
    public: TestClient, query: str
) -> None:
    root = ET.fromstring(public.get(f"/oai?{query}").content)
    error = root.find(f"{OAI}error")
    assert error is not None and error.get("code") in ("badArgument", "badVerb")
    request = root.find(f"{OAI}request")
    assert request is not None and request.attrib == {} and request.text == f"{PUBLIC}/oai"


def test_other_errors_still_echo_the_request(public: TestClient) -> None:
    root = ET.fromstring(
        public.get("/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:ganjina:none").content
    )
    assert root.find(f"{OAI}error").get("code") == "idDoesNotExist"  # type: ignore[union-attr]
    assert root.find(f"{OAI}request").get("verb") == "GetRecord"  # type: ignore[union-attr]


def test_identify_gives_the_configured_administrator(public: TestClient) -> None:
    root = ET.fromstring(public.get("/oai?verb=Identify").content)
    assert root.findtext(f"{OAI}Identify/{OAI}adminEmail") == "desk@example.org"


def test_the_fallback_administrator_is_a_schema_valid_address(archive: Archive) -> None:
    local = TestClient(create_app(archive), raise_server_exceptions=False)
    email = ET.fromstring(local.get("/oai?verb=Identify").content).findtext(
        f"{OAI}Identify/{OAI}adminEmail"
    )
    assert email and re.fullmatch(r"\S+@(\S+\.)+\S+", email)  # the OAI-PMH schema's emailType


def test_the_openapi_says_which_types_an_original_is_served_in(public: TestClient) -> None:
    spec = public.get("/api/openapi.json").json()
    content = spec["paths"]["/api/articles/{article_id}/original"]["get"]["responses"]["200"]
    types = set(content["content"])
    assert {"application/pdf", "text/markdown", "text/html"} <= types
    served = public.get(f"/api/articles/{_any_id(public)}/original")
    assert served.status_code == 200
    assert served.headers["content-type"].split(";")[0] in types


def _any_id(client: TestClient) -> str:
    return str(client.get("/api/articles?limit=1").json()["articles"][0]["id"])
