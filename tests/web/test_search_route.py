"""The search page's own route (``views/search_route.py``) answers every address exactly
as FastAPI's route does, and leaves to FastAPI whatever it does not read plainly."""

from __future__ import annotations

import json
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.datastructures import QueryParams

from ganjina.archive import Archive
from ganjina.web import WebConfig, create_app
from ganjina.web.views.search_route import SearchRoute, plain_parameters

#: plain addresses (taken by the route) and odd or bad ones (left to FastAPI)
ADDRESSES = [
    "/search?q=flood",
    "/search?q=flood&sort=date&page=2",
    "/search?q=زعفران&language=fa-AF",
    "/search?q=water+OR+آب&section=dari&year=2024",
    "/search?q=flood&q=drought",
    "/search?q=&section=pashto",
    "/search?section=&q=flood",
    "/search?q=%22flood",
    "/search?q=lang:ps&sort=date_asc&ui=ps",
    "/search.json?q=flood&author=Nadia+Rahimzai",
    "/search?q=flood&page=01",
    "/search?q=flood&page=0",
    "/search?q=flood&page=501",
    "/search?q=flood&year=",
    "/search?q=flood&year=abc",
    "/search?q=flood&sort=best",
    "/search?q=" + "a" * 501,
    "/search?q=a&section=" + "b" * 301,
    "/search",
]


@pytest.fixture(scope="module")
def apps(archive: Archive) -> tuple[FastAPI, FastAPI]:
    config = WebConfig(page_cache=0)  # every answer made again, none kept
    quick = create_app(archive, config)
    plain = create_app(archive, config)
    plain.router.routes[:] = [r for r in plain.router.routes if not isinstance(r, SearchRoute)]
    assert any(isinstance(r, SearchRoute) for r in quick.router.routes)
    return quick, plain


def _comparable(path: str, body: str) -> str:
    # the JSON twin reports the time its search took
    return re.sub(r'"took_ms":[0-9.e-]+', "", body) if ".json" in path else body


@pytest.mark.parametrize("path", ADDRESSES)
def test_the_same_answer_as_fastapis_route(apps: tuple[FastAPI, FastAPI], path: str) -> None:
    quick, plain = (TestClient(a, raise_server_exceptions=False) for a in apps)
    a, b = quick.get(path), plain.get(path)
    assert a.status_code == b.status_code
    assert _comparable(path, a.text) == _comparable(path, b.text)
    assert a.headers.get("vary") == b.headers.get("vary")
    assert a.headers.get("content-type") == b.headers.get("content-type")


def test_plain_parameters_read_as_fastapi_reads_them() -> None:
    read = plain_parameters(QueryParams("q=a&q=b&page=3&year=1402&sort=date&n=7&section="))
    assert read == {"q": "b", "section": "", "sort": "date", "page": 3, "year": 1402}
    for odd in ("page=01", "page=0", "page=501", "year=", "year=10000", "page=٣", "sort=x"):
        assert plain_parameters(QueryParams(odd)) is None, odd
    assert plain_parameters(QueryParams("q=" + "a" * 500)) is not None
    assert plain_parameters(QueryParams("q=" + "a" * 501)) is None


def test_the_route_takes_plain_searches_only(apps: tuple[FastAPI, FastAPI]) -> None:
    route = SearchRoute()
    scope = {"type": "http", "method": "GET", "path": "/search", "query_string": b"q=x"}
    assert route.matches(scope)[0].name == "FULL"
    for change in (
        {"method": "POST"},
        {"path": "/search/"},
        {"query_string": b"q=x&page=0"},
        {"root_path": "/archive"},
    ):
        assert route.matches({**scope, **change})[0].name == "NONE", change
    # the API's description does not list it (it is the page's route, not the API's)
    quick, _ = apps
    schema = json.loads(TestClient(quick).get("/api/openapi.json").text)
    assert "/search" not in schema["paths"]
