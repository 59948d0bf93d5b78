"""Every failure as a page (or JSON) with a one-line message; never a traceback.

unknown address, id or name     404
a bad parameter or query        400, naming the parameter
the archive busy (being built)  503
anything else                   500, logged here, a plain apology there
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ganjina.errors import ArchiveLocked, GanjinaError, QueryError
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError, json_response, respond, wants_json
from ganjina.web.security import HEADERS

log = logging.getLogger("ganjina.web")

_REASONS = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    500: "Server error",
    503: "Unavailable",
}


def error_response(request: Request, err: PageError) -> Response:
    if request.url.path.startswith("/api/") or wants_json(request):
        response = json_response({"error": err.to_dict()}, err.status)
    else:
        data = {"error": err.to_dict(), "reason": _REASONS.get(err.status, "Error")}
        response = respond(request, "error.html", data, err.status, {"error": err.to_page()})
    if err.status == 405:
        response.headers["Allow"] = "GET, HEAD"
    return response


def _validation_message(err: RequestValidationError) -> str:
    """``page: Input should be greater than or equal to 1`` for the first problem."""
    parts = []
    for problem in err.errors()[:3]:
        where = ".".join(str(x) for x in problem.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {problem.get('msg', 'not valid')}")
    return "; ".join(parts) or "the request is not valid"


def _first_parameter(err: RequestValidationError) -> str:
    for problem in err.errors()[:1]:
        return ".".join(str(x) for x in problem.get("loc", ())[1:]) or "request"
    return "request"


def query_page_error(err: QueryError, data: dict[str, object] | None = None) -> PageError:
    """A query that does not parse, as a page error the interface can translate."""
    return PageError(
        400,
        err.template,
        values=err.values,
        english=str(err),
        position=err.position,
        data=data,
    )


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(PageError)
    async def page_error(request: Request, err: PageError) -> Response:
        return error_response(request, err)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Response:
        if err.status_code == 404:
            return error_response(request, PageError(404, N_("no such page")))
        if err.status_code == 405:
            return error_response(request, PageError(405, N_("this address takes no such request")))
        return error_response(request, PageError(err.status_code, str(err.detail)))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, err: RequestValidationError) -> Response:
        where = _first_parameter(err)
        template = N_("a value in this address is not valid: %(name)s")
        english = _validation_message(err)
        return error_response(
            request, PageError(400, template, values={"name": where}, english=english)
        )

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, err: QueryError) -> Response:
        return error_response(request, query_page_error(err))

    @app.exception_handler(ArchiveLocked)
    async def busy(request: Request, err: ArchiveLocked) -> Response:
        return error_response(
            request,
            PageError(503, N_("the archive is busy; try again soon"), english=str(err)),
        )

    @app.exception_handler(GanjinaError)
    async def archive_failed(request: Request, err: GanjinaError) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, err)
        return error_response(request, PageError(500, N_("the archive could not answer")))

    @app.exception_handler(Exception)
    async def bug(request: Request, err: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        response = error_response(request, PageError(500, N_("something went wrong on our side")))
        # Starlette answers an unexpected error from its outermost layer, outside every
        # middleware: the security headers are added here, and the connection is closed,
        # since whatever failed may have left it in an unknown state
        for name, value in HEADERS:
            response.headers.setdefault(name.decode(), value.decode())
        response.headers["connection"] = "close"
        return response
