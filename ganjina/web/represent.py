"""One handler, two representations.

A view is a function returning a plain dict; :func:`page` registers it twice, at
``/path`` (HTML, or JSON when the request's ``Accept`` asks for it) and at
``/path.json`` (always JSON). Both run the same code, so the JSON twin of a page is
exactly the data the page shows.

A view that cannot answer raises :class:`PageError`: without ``data`` the site's error
page is shown; with it, the view's own page is shown with the message (a search page
with a malformed query keeps the query box and the guide), at the error's status.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from ganjina.web.pagecache import prefers_json
from ganjina.web.templating import render

#: a view returns its data, or a finished response (a redirect to an article's own id)
View = Callable[..., dict[str, Any] | Response]


class PageError(Exception):
    """An answer other than the page: ``status`` with a one-line ``message``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        data: dict[str, Any] | None = None,
        position: int | None = None,
        values: dict[str, Any] | None = None,
        english: str | None = None,
    ) -> None:
        # ``message`` is a catalogue template (marked N_) filled with ``values``, so the
        # error page can say it in the visitor's language; the JSON keeps the English
        self.template = message
        self.values = dict(values or {})
        # in English, a name or id from the request is quoted: "no article 'gj-x'"
        quoted = {k: repr(v) if isinstance(v, str) else v for k, v in self.values.items()}
        text = english or (message % quoted if values else message)
        super().__init__(text)
        self.status = status
        self.message = text
        self.data = data
        self.position = position

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status, "message": self.message}
        if self.position is not None:
            out["position"] = self.position
        return out

    def to_page(self) -> dict[str, Any]:
        """What an HTML page shows: the message's template and values as well, so that
        it is said in the interface's language (the JSON keeps the English message)."""
        return {**self.to_dict(), "template": self.template, "values": self.values}


def not_found(message: str) -> PageError:
    return PageError(404, message)


def wants_json(request: Request) -> bool:
    """JSON when the path ends in ``.json`` or ``Accept`` prefers JSON to HTML."""
    if request.url.path.endswith(".json"):
        return True
    return prefers_json(request.headers.get("accept", ""))


def json_response(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status, media_type="application/json")


def respond(
    request: Request,
    template: str,
    data: dict[str, Any],
    status: int = 200,
    page_only: dict[str, Any] | None = None,
) -> Response:
    """``data`` as ``template`` rendered, or as JSON (see :func:`wants_json`);
    ``page_only`` is given to the template but is not part of the JSON."""
    if wants_json(request):
        response = json_response(data, status)
    else:
        response = HTMLResponse(render(request, template, {**data, **(page_only or {})}), status)
    # the same address answers in two forms, and in two interface languages
    response.headers["Vary"] = "Accept, Accept-Language, Cookie"
    return response


def answer(view: View, template: str, *args: Any, **kwargs: Any) -> Response:
    """What a view registered with :func:`page` answers: its page (or the page with the
    message of the :class:`PageError` it raised with ``data``), or its own response."""
    request: Request = kwargs["request"]
    extra = None
    try:
        data, status = view(*args, **kwargs), 200
    except PageError as err:
        if err.data is None:
            raise
        data, status = {**err.data, "error": err.to_dict()}, err.status
        extra = {"error": err.to_page()}
    if isinstance(data, Response):
        return data
    return respond(request, template, data, status, extra)


def page(router: APIRouter, path: str, template: str) -> Callable[[View], View]:
    """Register a view at ``path`` and its ``.json`` twin (see the module docstring).

    The view's parameters are FastAPI's (path and query parameters, validated; a bad
    one becomes a 400 page); it must take ``request: Request``.
    """

    def register(view: View) -> View:
        @functools.wraps(view)
        def endpoint(*args: Any, **kwargs: Any) -> Response:
            return answer(view, template, *args, **kwargs)

        twin = "/index.json" if path == "/" else path + ".json"
        # the twin first: a trailing {param} would otherwise swallow the ".json"
        for route in (twin, path):
            router.add_api_route(
                route,
                endpoint,
                methods=["GET"],
                response_model=None,
                include_in_schema=False,
                name=f"{view.__name__}{'.json' if route == twin else ''}",
            )
        return view

    return register
