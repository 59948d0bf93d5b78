"""What only an admin may do: accounts, sections, and the whole desk's audit log and
sign-in attempts. An editor asking for these pages gets the answer for a page that does
not exist."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from starlette.requests import Request
from starlette.responses import Response

from ganjina.errors import ArchiveError
from ganjina.web.desk import accounts, fields
from ganjina.web.desk.pages import admin_only, archive_of, form_of, respond, see, text
from ganjina.web.desk.publishing import sections
from ganjina.web.desk.views_publish import _entries
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError

router = APIRouter(prefix="/desk")

Account = Annotated[str, Path(max_length=40)]
Before = Annotated[int | None, Query(ge=1)]
SECTION_ID = re.compile(r"[a-z][a-z0-9-]{1,39}")
PAGE = 100


def _users_page(request: Request, status: int = 200, **data: Any) -> Response:
    archive = archive_of(request)
    data.setdefault("error", None)
    data.setdefault("typed", {})
    return respond(
        request,
        "users.html",
        {
            "users": [u.public() for u in archive.desk.users()],
            "sections": list(sections(archive)),
            **data,
        },
        status,
    )


@router.get("/users", include_in_schema=False)
def users(request: Request) -> Response:
    admin_only(request)
    return _users_page(request)


@router.post("/users", include_in_schema=False)
def add_user(request: Request) -> Response:
    admin = admin_only(request)
    form = form_of(request)
    archive = archive_of(request)
    name = text(form, "name").strip()
    chosen = [s for s in form.getlist("sections") if isinstance(s, str)]
    try:
        accounts.check_password(name, text(form, "password"), text(form, "again"))
        accounts.create(
            archive, name, text(form, "role"), text(form, "password"), chosen,
            known_sections=list(sections(archive)), by=admin.name,
        )  # fmt: skip
    except accounts.AccountError as err:
        error = {"template": err.template, "values": err.values}
        typed = {"name": name, "role": text(form, "role"), "sections": chosen}
        return _users_page(request, 400, error=error, typed=typed)
    return see(f"/desk/users/{name}")


@router.get("/users/{name}", include_in_schema=False)
def user_page(request: Request, name: Account) -> Response:
    admin_only(request)
    archive = archive_of(request)
    user = archive.desk.user(name)
    if user is None:
        raise PageError(404, N_("no account %(name)s"), values={"name": name})
    data = {"user": user.public(), "sections": list(sections(archive)), "error": None}
    return respond(request, "user.html", data)


@router.post("/users/{name}", include_in_schema=False)
def change_user(request: Request, name: Account) -> Response:
    admin = admin_only(request)
    form = form_of(request)
    archive = archive_of(request)
    password = text(form, "password") or None
    try:
        if password is not None:
            accounts.check_password(name, password, text(form, "again"))
        if name == admin.name and (text(form, "role") != "admin" or "disabled" in form):
            raise accounts.AccountError(N_("an admin cannot take away their own admin rights"))
        accounts.change(
            archive, name, by=admin.name, role=text(form, "role"), password=password,
            disabled="disabled" in form,
            sections=[s for s in form.getlist("sections") if isinstance(s, str)],
            known_sections=list(sections(archive)),
        )  # fmt: skip
    except accounts.AccountError as err:
        user = archive.desk.user(name)
        if user is None:
            raise PageError(404, N_("no account %(name)s"), values={"name": name}) from None
        error = {"template": err.template, "values": err.values}
        data = {"user": user.public(), "sections": list(sections(archive)), "error": error}
        return respond(request, "user.html", data, 400)
    return see(f"/desk/users/{name}")


@router.get("/sections", include_in_schema=False)
def sections_page(request: Request) -> Response:
    admin_only(request)
    return _sections_page(request)


def _sections_page(request: Request, status: int = 200, error: Any = None) -> Response:
    known = sections(archive_of(request))
    rows = [{"id": s.id, "labels": s.labels} for s in known.values()]
    return respond(request, "sections.html", {"rows": rows, "error": error}, status)


@router.post("/sections", include_in_schema=False)
def add_section(request: Request) -> Response:
    admin = admin_only(request)
    form = form_of(request)
    section_id = text(form, "id").strip()
    labels = fields.names(text(form, "labels"))
    language = fields.clean(text(form, "language"), 40) or None
    error = None
    if not SECTION_ID.fullmatch(section_id):
        error = N_(
            "a section id is 2 to 40 lower-case letters, digits or dashes, starting with a letter"
        )
    elif not labels:
        error = N_("a section needs a label, as its pages print it")
    if error is None:
        try:
            archive_of(request).desk.add_section(section_id, labels, language, admin.name)
        except ArchiveError:
            error = N_("there is already a section %(section)s")
    if error is not None:
        return _sections_page(request, 400, {"template": error, "values": {"section": section_id}})
    archive_of(request).desk.audit(
        admin.name, "section created", detail={"id": section_id, "labels": labels}
    )
    return see("/desk/sections")


@router.get("/audit", include_in_schema=False)
def audit(request: Request, before: Before = None) -> Response:
    admin_only(request)
    desk = archive_of(request).desk
    entries = desk.audit_log(limit=PAGE, before=before)
    older = f"/desk/audit?before={entries[-1].entry}" if len(entries) == PAGE else None
    data = {
        "history": _entries(entries),
        "older": older,
        "logins": desk.logins(50) if before is None else [],
    }
    return respond(request, "audit.html", data)
