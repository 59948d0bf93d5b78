"""What every desk view shares: its answer (a page that is never cached), redirects,
and the checks that a draft or an article is one the signed-in editor may touch.

An editor may touch a draft or an article of a section an admin gave her, and a draft
without a section yet that she started; an admin may touch everything. Anything else
is answered exactly as a draft or article that does not exist (404), so an id that
belongs to another section tells nothing.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ganjina.archive import Archive
from ganjina.archive.desk import Draft, User
from ganjina.record import Article
from ganjina.web.desk.fields import DATE_EXAMPLES
from ganjina.web.desk.sessions import Signed
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError
from ganjina.web.state import site
from ganjina.web.templating import render

NO_STORE = "no-store"


def signed(request: Request) -> Signed:
    who: Signed = request.state.signed
    return who


def archive_of(request: Request) -> Archive:
    return site(request).archive


def form_of(request: Request) -> FormData:
    """The POSTed form the guard has read (and checked)."""
    form: FormData = request.state.form
    return form


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def respond(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    who: Signed | None = getattr(request.state, "signed", None)
    context = {
        **data,
        "date_examples": DATE_EXAMPLES,
        "desk": {
            "user": who.user.public() if who else None,
            "admin": bool(who and who.user.is_admin),
            "csrf": who.csrf if who else None,
        },
    }
    html = render(request, f"desk/{template}", context, json_twin=False)
    response = HTMLResponse(html, status)
    # drafts and accounts are nobody else's business: no copy in any cache
    response.headers["Cache-Control"] = NO_STORE
    response.headers["Vary"] = "Cookie, Accept-Language"
    return response


def see(path: str) -> Response:
    """After a change, the page that shows it (POST, then redirect, then GET)."""
    return RedirectResponse(path, status_code=303)


def may_touch(user: User, section: str | None, started_by: str | None = None) -> bool:
    if user.is_admin:
        return True
    if section is None:
        return started_by == user.name
    return section in user.sections


def draft_for(request: Request, draft_id: str) -> Draft:
    draft = archive_of(request).desk.draft(draft_id) if len(draft_id) < 64 else None
    if draft is None or not may_touch(signed(request).user, draft.section, draft.created_by):
        raise PageError(404, N_("no draft %(id)s"), values={"id": draft_id})
    return draft


def article_for(request: Request, article_id: str) -> Article:
    record = archive_of(request).get(article_id, withdrawn=True) if len(article_id) < 64 else None
    section = record.section.id if record and record.section else None
    if record is None or not may_touch(signed(request).user, section, None):
        raise PageError(404, N_("no article %(id)s"), values={"id": article_id})
    return record


def admin_only(request: Request) -> User:
    user = signed(request).user
    if not user.is_admin:
        raise PageError(404, N_("no such page"))
    return user
