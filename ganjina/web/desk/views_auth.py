"""Signing in and out, and an editor's own password.

The sign-in form is the one desk page without a session: it carries a token of its own
(a cookie and the same value in the form), so another site cannot sign a browser in to
an account of its choosing. Signing in starts a new session (:mod:`sessions`).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ganjina.web.desk import accounts, sessions
from ganjina.web.desk.guard import check_login_token, desk_config, read_form
from ganjina.web.desk.pages import archive_of, form_of, respond, see, signed, text
from ganjina.web.desk.signin import SignInRefused, sign_in
from ganjina.web.i18n import N_
from ganjina.web.views.about import local_target

#: routes a visitor without a session may use: only these two
public = APIRouter(prefix="/desk")
router = APIRouter(prefix="/desk")

Next = Annotated[str | None, Query(max_length=600)]


def _next(target: str | None) -> str:
    path = local_target(target)
    return path if path.startswith("/desk/") and not path.startswith("/desk/login") else "/desk/"


def _login_page(request: Request, status: int = 200, **data: Any) -> Response:
    token = secrets.token_urlsafe(32)
    data.setdefault("error", None)
    data.setdefault("name", "")
    data.setdefault("next", "/desk/")
    response = respond(request, "login.html", {**data, "login_csrf": token}, status)
    sessions.set_cookie(request, response, sessions.LOGIN_COOKIE, token)
    return response


@public.get("", include_in_schema=False)
def desk_root() -> Response:
    return see("/desk/")


@public.get("/login", include_in_schema=False)
def login_form(request: Request, next: Next = None) -> Response:
    return _login_page(request, next=_next(next))


@public.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    form = await read_form(request)
    await form.close()  # a sign-in has no files; close what a client may have sent
    check_login_token(request, form)
    name, password = text(form, "name"), text(form, "password")
    target = _next(text(form, "next"))
    state = archive_of(request)
    try:
        user = await run_in_threadpool(
            sign_in, state, desk_config(request), name, password, sessions.address(request)
        )
    except SignInRefused as refused:
        error = {"template": refused.template, "values": refused.values}
        return _login_page(request, refused.status, error=error, name=name[:100], next=target)
    response = see(target)
    await run_in_threadpool(sessions.start, state, request, response, user)
    response.delete_cookie(sessions.LOGIN_COOKIE, path=sessions.PATH)
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request) -> Response:
    response = see("/desk/login")
    sessions.end(archive_of(request), request, response, "signed out")
    return response


@router.get("/account", include_in_schema=False)
def account(request: Request) -> Response:
    return respond(request, "account.html", {"error": None, "done": "done" in request.query_params})


@router.post("/account", include_in_schema=False)
def change_password(request: Request) -> Response:
    form = form_of(request)
    who = signed(request).user
    archive = archive_of(request)
    from ganjina.web.desk import passwords

    if not passwords.verify(who.password, text(form, "current")):
        error = {"template": N_("the present password is wrong"), "values": {}}
        return respond(request, "account.html", {"error": error, "done": False}, 400)
    try:
        accounts.check_password(who.name, text(form, "password"), text(form, "again"))
        accounts.change(archive, who.name, by=who.name, password=text(form, "password"))
    except accounts.AccountError as err:
        error = {"template": err.template, "values": err.values}
        return respond(request, "account.html", {"error": error, "done": False}, 400)
    # the change ended every session of the account, this one too: sign in again
    response = see("/desk/login?next=/desk/account")
    response.delete_cookie(sessions.COOKIE, path=sessions.PATH)
    return response
