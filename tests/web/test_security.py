"""Read-only, escaped, contained: what the site promises about security."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.web import create_app
from ganjina.web.views.about import local_target
from ganjina.web.views.article import _web_url, content_disposition

from .conftest import DARI_ID, SCRIPT_ID

TITLE = "Why a <script> tag in a headline can still break a news site"


def scripts(html: str) -> list[str]:
    return re.findall(r"<script[^>]*>", html)


@pytest.mark.parametrize(
    "path",
    [
        f"/article/{SCRIPT_ID}",
        "/search?q=script",
        "/search?q=title:script",
        "/author/Nadia%20Rahimzai",
        "/section/european-languages",
        "/",
        "/browse/gregorian/2024/3",
    ],
)
def test_script_in_a_title_stays_text(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert "<script> tag" not in html
    assert "&lt;script&gt;" in html or "&lt;<mark>script</mark>&gt;" in html
    # the only script element on any page is the article's JSON-LD data block
    assert all(s == '<script type="application/ld+json">' for s in scripts(html))


def test_json_ld_cannot_close_its_element(client: TestClient) -> None:
    html = client.get(f"/article/{SCRIPT_ID}").text
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "\\u003cscript\\u003e" in block


def test_json_keeps_the_title_exact(client: TestClient) -> None:
    assert client.get(f"/article/{SCRIPT_ID}.json").json()["article"]["title"] == TITLE
    feed = client.get("/feeds/author/Nadia%20Rahimzai.atom").text
    assert "&lt;script&gt;" in feed and "<script>" not in feed


def test_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/index.json", "/nowhere", "/api/stats", "/oai?verb=Identify",
                 "/static/site.css", "/robots.txt"):  # fmt: skip
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert "script-src" not in csp  # no script may run at all
        assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/fonts/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/fonts/../../../../etc/passwd",
        "/fonts/%2e%2e%2f%2e%2e%2fapp.py",
        "/static/../app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e/app.py",
        "/static/..%5capp.py",
        "/article/..%2F..%2F..%2Fetc%2Fpasswd/original",
        "/article/%2e%2e/original",
        "/article/....%2F%2F....%2F%2Fetc%2Fpasswd/original",
        "/article/%2Fetc%2Fpasswd/original",
        "/article/gj-x/original?version=../../etc/passwd",
        "/sitemap/..%2F..%2Fetc%2Fpasswd.xml",
    ],
)
def test_downloads_cannot_escape(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404), (path, response.status_code)
    assert b"root:" not in response.content and b"create_app" not in response.content


def test_only_known_fonts_are_served(client: TestClient) -> None:
    css = client.get("/fonts/fonts.css").text
    names = re.findall(r'url\("/fonts/([^"]+)"\)', css)
    assert len(names) >= 3
    for name in names:
        assert client.get(f"/fonts/{name}").status_code == 200
    assert client.get("/fonts/site.css").status_code == 404


def test_download_names_are_never_paths() -> None:
    header = content_disposition("../../etc/passwd", "x.bin")
    assert header == "attachment; filename=\"passwd\"; filename*=UTF-8''passwd"
    header = content_disposition('مقاله "1".pdf', "x.bin")
    assert 'filename="1_.pdf"' in header and "%D9%85" in header and '"1"' not in header


def test_read_only(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        response = client.request(method, f"/article/{DARI_ID}")
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, HEAD"
    assert client.post("/oai", data={"verb": "Identify"}).status_code == 200


def test_no_open_redirect(client: TestClient) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x"):
        assert local_target(target) == "/"
        response = client.get("/ui/fa", params={"next": target}, follow_redirects=False)
        assert response.headers["location"] == "/"
    assert local_target("/search?q=a") == "/search?q=a"


def test_only_web_addresses_become_links() -> None:
    assert _web_url("javascript:alert(1)") is None
    assert _web_url("data:text/html,x") is None
    assert _web_url("https://example.org/a") == "https://example.org/a"
    assert _web_url("www.afgazad.com") == "https://www.afgazad.com"


def test_errors_never_show_a_traceback(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    client = TestClient(create_app(archive), raise_server_exceptions=False)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail /srv/ganjina/archive.sqlite3")

    monkeypatch.setattr(archive, "get", broken)
    for path in (f"/article/{DARI_ID}", f"/article/{DARI_ID}.json", f"/api/articles/{DARI_ID}"):
        response = client.get(path)
        assert response.status_code == 500
        assert "secret" not in response.text and "Traceback" not in response.text
        assert "something went wrong" in response.text


def test_bad_parameters_are_400_with_a_message(client: TestClient) -> None:
    cases = {
        "/api/articles?limit=0": "limit",
        "/api/articles?limit=abc": "limit",
        "/api/articles?cursor=zzz": "cursor",
        "/api/search?sort=sideways": "sort",
        "/api/search?q=%22open": "quote",
        f"/article/{DARI_ID}?version=-1": "version",
        "/section/dari?cursor=" + "x" * 400: "cursor",
    }
    for path, word in cases.items():
        response = client.get(path)
        assert response.status_code == 400, path
        assert word in response.text, (path, response.text[:200])
        assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "part", ["9223372036854775808", "-1", "2023-13", "2023-99999999999999999999"]
)
def test_huge_sitemap_numbers_are_404(client: TestClient, part: str) -> None:
    # a number past the store's integer once answered 500
    assert client.get(f"/sitemap/{part}.xml").status_code == 404


def test_an_unexpected_error_is_a_500_with_the_security_headers_and_a_closed_connection(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a fault inside the archive that no handler expects (not a GanjinaError)
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk controller on fire")

    client = TestClient(create_app(archive), raise_server_exceptions=False)
    monkeypatch.setattr(archive, "get", broken)
    response = client.get("/api/articles/anything")
    assert response.status_code == 500
    assert "fire" not in response.text  # nothing of the fault is shown
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["connection"] == "close"
