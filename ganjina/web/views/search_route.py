"""The search page's own route, in front of FastAPI's: the same view, fewer layers.

A search never asked before costs its server some 3–4 ms of CPU, and a third of it was
FastAPI's part, not the search: matching the path against every router's routes before
the search page's (the article, list and browse pages come first), then solving the
view's nine parameters through pydantic. :class:`SearchRoute` stands first in the app's
routes and takes ``GET /search`` and ``/search.json`` when every parameter is plainly
valid (text within its length, a known sort, a page and a year written as plain
numbers in range), reads them itself and runs the same view in the thread pool, so a
slow query still never holds the event loop. Anything else — a value FastAPI would
refuse, or one whose reading might differ (``page=01``, ``year=``) — is not matched
here and goes on to FastAPI's route, which answers it exactly as before: one place
decides what a bad parameter says.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send

from ganjina.web.represent import answer
from ganjina.web.views.common import MAX_PARAM
from ganjina.web.views.search import MAX_PAGE, MAX_QUERY, SORTS, search

PATHS = frozenset({"/search", "/search.json"})
#: the text parameters and their longest accepted value (as FastAPI's ``max_length``)
TEXT = {
    "q": MAX_QUERY,
    "section": MAX_PARAM,
    "language": MAX_PARAM,
    "source": MAX_PARAM,
    "author": MAX_PARAM,
}
#: the number parameters and their largest value (the smallest is 1 for both)
NUMBERS = {"page": MAX_PAGE, "year": 9999}
_SCOPE_KEY = "ganjina.search"


def _plain_number(value: str, top: int) -> int | None:
    """``value`` as a number if it is written as one plainly (digits, no leading zero)
    and within 1…``top``; None otherwise (FastAPI decides)."""
    if not (0 < len(value) <= 4 and value.isascii() and value.isdigit()) or value[0] == "0":
        return None
    number = int(value)
    return number if number <= top else None


def plain_parameters(query: QueryParams) -> dict[str, Any] | None:
    """The view's parameters as FastAPI passes them (the last of a repeated one; those
    not given left to the view's defaults), or None if FastAPI must read them."""
    params: dict[str, Any] = {}
    for name, longest in TEXT.items():
        text = query.get(name)
        if text is not None:
            if len(text) > longest:
                return None
            params[name] = text
    sort = query.get("sort")
    if sort is not None:
        if sort not in SORTS:
            return None
        params["sort"] = sort
    for name, top in NUMBERS.items():
        written = query.get(name)
        if written is not None:
            number = _plain_number(written, top)
            if number is None:
                return None
            params[name] = number
    return params


class SearchRoute(BaseRoute):
    """``GET /search`` and ``/search.json`` with plainly valid parameters."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"] in PATHS
            # behind a path prefix the address is FastAPI's to read
            and not scope.get("root_path")
        ):
            params = plain_parameters(QueryParams(scope.get("query_string", b"")))
            if params is not None:
                return Match.FULL, {_SCOPE_KEY: params}
        return Match.NONE, {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        params = scope[_SCOPE_KEY]
        response = await run_in_threadpool(answer, search, "search.html", request=request, **params)
        await response(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        # addresses are made by ``web.urls``; FastAPI's route keeps the names
        raise NoMatchFound(name, path_params)
