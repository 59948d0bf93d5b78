"""Finished search pages are kept (``ganjina/web/pagecache.py``) and never outlive what
they show: a record added, changed or withdrawn is on the next page at once; each
interface language, each host and the JSON twin get their own answer."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.record import Article, Block, Provenance, Section
from ganjina.web import WebConfig, create_app
from ganjina.web.pagecache import PageCache


def _article(n: int, title: str, body: str, language: str = "en") -> Article:
    return Article(
        title=title,
        language=language,
        date=f"2024-03-{n:02d}",
        section=Section("european-languages", ["european-languages"]),
        authors=["Mina Kohistani"],
        blocks=[Block("paragraph", body)],
        provenance=Provenance("md", f"{n:064x}"),
        id=f"gj-{n:016x}",
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    """Two records, on SQLite and on PostgreSQL (a node's own index beside the store)."""
    if request.param == "sqlite":
        with Archive.open(tmp_path / "a", create=True) as opened:
            yield _filled(opened)
        return
    import psycopg

    from tests.archive.conftest import postgres_base

    base = postgres_base()
    schema = "gj_pages_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-csearch_path%3D{schema}"
    try:
        with Archive.open(url, create=True, index_dir=tmp_path / "index") as opened:
            yield _filled(opened)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _filled(archive: Archive) -> Archive:
    archive.add(_article(1, "Orchards along the river", "Apricot orchards bloom early."))
    archive.add(_article(2, "Market day", "Traders sold apricot jam and walnuts."))
    return archive


def _find(client: TestClient) -> PageCache | None:
    """The app's page cache layer, once the app has been called."""
    layer = client.app.middleware_stack  # type: ignore[attr-defined]
    while layer is not None and not isinstance(layer, PageCache):
        layer = getattr(layer, "app", None)
    return layer


def _cache(client: TestClient) -> PageCache:
    found = _find(client)
    assert found is not None
    return found


@pytest.fixture
def client(archive: Archive) -> Iterator[TestClient]:
    with TestClient(create_app(archive, WebConfig(page_cache=8))) as c:
        yield c


def test_a_second_ask_gets_the_kept_page(client: TestClient) -> None:
    first = client.get("/search", params={"q": "apricot"})
    assert first.status_code == 200 and "Market day" in first.text
    assert len(_cache(client).pages) == 1
    again = client.get("/search", params={"q": "apricot"})
    assert again.text == first.text and len(_cache(client).pages) == 1
    # the kept answer still carries the site's headers
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert again.headers["vary"] == "Accept, Accept-Language, Cookie"


def test_added_changed_and_withdrawn_records_show_at_once(
    client: TestClient, archive: Archive
) -> None:
    third = 'href="/article/gj-0000000000000003"'
    assert third not in client.get("/search?q=apricot").text
    archive.add(_article(3, "Winter stores", "Dried apricot sold in winter."))
    page = client.get("/search?q=apricot").text
    assert third in page and "Winter stores" in page and "3 results" in page
    archive.add(_article(3, "Winter stores, dried", "Dried apricot sold in winter."))
    assert "Winter stores, dried" in client.get("/search?q=apricot").text
    archive.withdraw("gj-0000000000000003", "asked by the author")
    page = client.get("/search?q=apricot").text
    assert third not in page and "2 results" in page


def test_each_interface_language_has_its_own_page(client: TestClient) -> None:
    english = client.get("/search?q=apricot").text
    by_param = client.get("/search?q=apricot&ui=fa").text
    by_header = client.get("/search?q=apricot", headers={"Accept-Language": "fa"}).text
    client.cookies.set("ui", "fa")
    by_cookie = client.get("/search?q=apricot").text
    client.cookies.clear()
    assert 'lang="en"' in english and english != by_header
    for dari in (by_param, by_header, by_cookie):
        assert '<html lang="fa-AF" dir="rtl">' in dari
    assert client.get("/search?q=apricot").text == english


def test_the_json_twin_and_errors_are_answered_afresh(client: TestClient) -> None:
    client.get("/search?q=apricot")
    answer = client.get("/search?q=apricot", headers={"Accept": "application/json"})
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["result"]["total"] == 2
    assert client.get("/search.json?q=apricot").json()["result"]["total"] == 2
    for _ in range(2):
        assert client.get("/search?q=%22apricot").status_code == 400
    assert len(_cache(client).pages) == 1


def test_hosts_do_not_share_pages_without_a_public_address(client: TestClient) -> None:
    client.get("/search?q=apricot", headers={"Host": "a.example"})
    client.get("/search?q=apricot", headers={"Host": "b.example"})
    assert len(_cache(client).pages) == 2


def test_head_gets_the_headers_of_a_kept_page_without_its_body(client: TestClient) -> None:
    full = client.get("/search?q=walnuts")
    head = client.head("/search?q=walnuts")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == full.headers["content-length"]


def test_the_list_is_bounded_and_kept_pages_age_out(archive: Archive) -> None:
    with TestClient(create_app(archive, WebConfig(page_cache=2))) as small:
        for q in ("apricot", "walnuts", "orchards", "market"):
            assert small.get("/search", params={"q": q}).status_code == 200
        assert len(_cache(small).pages) == 2
    config = WebConfig(page_cache=2, page_cache_seconds=0.0)
    with TestClient(create_app(archive, config)) as aged:
        first = aged.get("/search?q=apricot").text
        (key,) = _cache(aged).pages._pages
        made = _cache(aged).pages._pages[key][0]
        # the archive is unchanged: only the page's age makes it anew
        assert aged.get("/search?q=apricot").text == first
        assert _cache(aged).pages._pages[key][0] > made


def test_zero_keeps_nothing(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GANJINA_PAGE_CACHE", "0")
    from ganjina.settings import get_settings

    get_settings.cache_clear()
    try:
        app = create_app(archive)
    finally:
        monkeypatch.delenv("GANJINA_PAGE_CACHE")
        get_settings.cache_clear()
    assert app.state.ganjina.config.page_cache == 0
    with TestClient(app) as plain:
        assert plain.get("/search?q=apricot").status_code == 200
        assert _find(plain) is None
