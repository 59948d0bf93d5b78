"""The desk's gate: every route of the desk router depends on :func:`guard`, so a route
added later cannot forget it (a test walks the routes and knocks on each, unsigned).

``guard`` finds the request's session (:mod:`sessions`) or refuses it; on a ``POST`` it
also reads the form and compares its ``csrf`` field with the session's token in constant
time, before any handler runs. The sign-in form, which has no session yet, carries a
token of its own (a double-submit cookie, :func:`check_login_token`). Request bodies are
bounded before they are read (:class:`BodyLimit`).
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ganjina.web.desk import sessions
from ganjina.web.desk.config import DeskConfig
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError
from ganjina.web.state import site

#: fields of one form: a draft of a few hundred blocks has three fields a block
MAX_FIELDS = 5000
MAX_FIELD_BYTES = 2 * 1024 * 1024
PREFIX = "/desk/"


class SignInNeeded(Exception):
    """No good session: sign in first."""


class Refused(PageError):
    """A desk request refused with a status and a catalogue message."""


class BodyTooLarge(Exception):
    pass


def desk_config(request: Request) -> DeskConfig:
    config: DeskConfig = site(request).config.desk
    return config


def _same(given: Any, expected: str) -> bool:
    return isinstance(given, str) and hmac.compare_digest(given.encode(), expected.encode())


async def read_form(request: Request) -> FormData:
    """The request's form, bounded in size, fields and files (read once, then cached)."""
    length = request.headers.get("content-length")
    if length is not None and (
        not length.isdigit() or int(length) > desk_config(request).max_upload_bytes
    ):
        raise BodyTooLarge()
    return await request.form(max_files=1, max_fields=MAX_FIELDS, max_part_size=MAX_FIELD_BYTES)


async def guard(request: Request) -> AsyncIterator[sessions.Signed]:
    """The signed-in editor, or :class:`SignInNeeded`; a POST without the session's CSRF
    token is refused (403) before the form reaches any handler. The form's files are
    closed once the answer is sent."""
    state = site(request)
    signed = await run_in_threadpool(sessions.current, state.archive, request, state.config.desk)
    if signed is None:
        raise SignInNeeded()
    form = FormData()
    if request.method == "POST":
        form = await read_form(request)
        if not _same(form.get("csrf"), signed.csrf):
            raise Refused(
                403, N_("this form is out of date or was not sent by the desk: open the page again")
            )
    request.state.signed = signed
    request.state.form = form
    try:
        yield signed
    finally:
        await form.close()


def check_login_token(request: Request, form: FormData) -> None:
    token = request.cookies.get(sessions.LOGIN_COOKIE)
    if not token or not _same(form.get("csrf"), token):
        raise Refused(
            403, N_("this form is out of date or was not sent by the desk: open the page again")
        )


class BodyLimit:
    """Refuse a desk request whose body is larger than the upload limit: at once when
    it says so in ``Content-Length``, else as soon as more has arrived."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge()
            return message

        await self.app(scope, counted, send)


def install_handlers(app: FastAPI) -> None:
    from ganjina.web.errors import error_response

    @app.exception_handler(SignInNeeded)
    async def sign_in_first(request: Request, err: SignInNeeded) -> Response:
        if request.method in ("GET", "HEAD"):
            target = "/desk/login?" + urlencode({"next": request.url.path})
            return RedirectResponse(target, status_code=303)
        return error_response(request, PageError(401, N_("sign in to the desk first")))

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, err: BodyTooLarge) -> Response:
        limit = int(desk_config(request).max_upload_mb)
        return error_response(
            request,
            PageError(413, N_("the upload is larger than %(limit)s MB"), values={"limit": limit}),
        )
