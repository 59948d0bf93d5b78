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
from ganjina.web.represent import PageError, json_response, respond, wants_json

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
        response = respond(request, "error.html", data, err.status)
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


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(PageError)
    async def page_error(request: Request, err: PageError) -> Response:
        return error_response(request, err)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Response:
        message = "no such page" if err.status_code == 404 else str(err.detail)
        return error_response(request, PageError(err.status_code, message))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, err: RequestValidationError) -> Response:
        return error_response(request, PageError(400, _validation_message(err)))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, err: QueryError) -> Response:
        return error_response(request, PageError(400, str(err), position=err.position))

    @app.exception_handler(ArchiveLocked)
    async def busy(request: Request, err: ArchiveLocked) -> Response:
        return error_response(request, PageError(503, str(err)))

    @app.exception_handler(GanjinaError)
    async def archive_failed(request: Request, err: GanjinaError) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, err)
        return error_response(request, PageError(500, "the archive could not answer"))

    @app.exception_handler(Exception)
    async def bug(request: Request, err: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(request, PageError(500, "something went wrong on our side"))
