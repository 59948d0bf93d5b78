"""Preview, publish, correct, withdraw: a draft's way to the site, and an article's
history at the desk (its versions, the draft's revisions, the audit entries)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from starlette.requests import Request
from starlette.responses import Response

from ganjina.archive import Original
from ganjina.archive.desk import AuditEntry, AuditNote
from ganjina.errors import GanjinaError
from ganjina.record import Article
from ganjina.web.desk import fields
from ganjina.web.desk.pages import (
    admin_only,
    archive_of,
    article_for,
    draft_for,
    form_of,
    respond,
    see,
    signed,
    text,
)
from ganjina.web.desk.publishing import Previews, publish, sections
from ganjina.web.desk.views_drafts import draft_summary, new_id
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError
from ganjina.web.views.article import published_file_response

router = APIRouter(prefix="/desk")

Number = Annotated[int, Path(ge=1, le=1_000_000)]
Name = Annotated[str, Path(max_length=200)]


def previews(request: Request) -> Previews:
    kept: Previews = request.app.state.desk_previews
    return kept


def _revision(request: Request, draft_id: str, number: int | None = None) -> Any:
    draft = draft_for(request, draft_id)
    found = archive_of(request).desk.revision(draft.id, number or draft.revision)
    if found is None:
        raise PageError(
            404, N_("no revision %(n)s of draft %(id)s"), values={"n": number, "id": draft_id}
        )
    return draft, found


@router.get("/drafts/{draft_id}/preview", include_in_schema=False)
def preview(request: Request, draft_id: str) -> Response:
    draft, revision = _revision(request, draft_id)
    user = signed(request).user
    known = sections(archive_of(request))
    problems = fields.problems(revision.record, [s for s in known if user.may_publish_in(s)], known)
    data: dict[str, Any] = {
        "draft": draft_summary(request, draft),
        "revision": revision.number,
        "problems": problems,
        "pages": [],
        "failure": None,
    }
    try:
        made = previews(request).get(archive_of(request), draft, revision)
    except GanjinaError as err:
        data["failure"] = str(err)
        return respond(request, "preview.html", data, 422)
    base = f"/desk/drafts/{draft.id}/preview/{revision.number}"
    data["pages"] = [f"{base}/page-{n}.png" for n in range(1, len(made.pages) + 1)]
    data["html"] = f"{base}/article.html"
    data["pdf"] = f"{base}/article.pdf"
    return respond(request, "preview.html", data)


@router.get("/drafts/{draft_id}/preview/{number}/{name}", include_in_schema=False)
def preview_file(request: Request, draft_id: str, number: Number, name: Name) -> Response:
    draft, revision = _revision(request, draft_id, number)
    try:
        made = previews(request).get(archive_of(request), draft, revision)
    except GanjinaError as err:
        raise PageError(
            422, N_("the preview could not be made: %(problem)s"), values={"problem": str(err)}
        ) from None
    found = made.files().get(name)
    if found is None:
        raise PageError(404, N_("no published file %(name)s"), values={"name": name})
    response = published_file_response(Original(found[0], name, found[1]))
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post("/drafts/{draft_id}/publish", include_in_schema=False)
def publish_draft(request: Request, draft_id: str) -> Response:
    draft, revision = _revision(request, draft_id)
    form = form_of(request)
    if text(form, "revision") != str(revision.number):
        raise PageError(409, N_("the draft changed since this preview: look at the new one"))
    user = signed(request).user
    known = sections(archive_of(request))
    blocking = fields.problems(revision.record, [s for s in known if user.may_publish_in(s)], known)
    if blocking:
        return see(f"/desk/drafts/{draft.id}")
    try:
        publish(archive_of(request), previews(request), draft, revision, user)
    except GanjinaError as err:
        raise PageError(
            422, N_("the article could not be published: %(problem)s"), values={"problem": str(err)}
        ) from None
    done = "corrected" if draft.article else "published"
    return see(f"/desk/drafts/{draft.id}?done={done}")


# -- published articles -------------------------------------------------------------------
def _entries(entries: list[AuditEntry]) -> list[dict[str, Any]]:
    return [
        {
            "entry": e.entry,
            "at": e.at,
            "actor": e.actor,
            "action": e.action,
            "article": e.article,
            "draft": e.draft,
            "detail": e.detail,
        }
        for e in entries
    ]


@router.get("/articles/{article_id}", include_in_schema=False)
def article_page(request: Request, article_id: str) -> Response:
    record = article_for(request, article_id)
    archive = archive_of(request)
    gone = archive.withdrawal(record.id)
    draft = archive.desk.draft_of_article(record.id)
    data = {
        "article": {
            "id": record.id,
            "title": record.title,
            "language": record.language,
            "dir": "rtl" if fields.is_rtl(record.language) else "ltr",
            "section": record.section.id if record.section else None,
            "date": record.date,
            "url": f"/article/{record.id}",
        },
        "withdrawn": {"at": gone.at, "note": gone.note} if gone else None,
        "versions": [
            {
                "number": v.number,
                "stored_at": v.stored_at,
                "current": v.current,
                "filename": v.filename,
            }
            for v in archive.versions(record.id, withdrawn=True)
        ],
        "draft": draft_summary(request, draft) if draft else None,
        "revisions": [
            {"number": r.number, "at": r.at, "by": r.by, "note": r.note, "title": r.record.title}
            for r in (archive.desk.revisions(draft.id) if draft else [])
        ],
        "history": _entries(
            archive.desk.audit_log(article=record.id, draft=draft.id if draft else None)
        ),
    }
    return respond(request, "article.html", data)


@router.get("/drafts/{draft_id}/history", include_in_schema=False)
def draft_history(request: Request, draft_id: str) -> Response:
    draft = draft_for(request, draft_id)
    if draft.article:
        return see(f"/desk/articles/{draft.article}")
    archive = archive_of(request)
    data = {
        "article": None,
        "withdrawn": None,
        "versions": [],
        "draft": draft_summary(request, draft),
        "revisions": [
            {"number": r.number, "at": r.at, "by": r.by, "note": r.note, "title": r.record.title}
            for r in archive.desk.revisions(draft.id)
        ],
        "history": _entries(archive.desk.audit_log(draft=draft.id)),
    }
    return respond(request, "article.html", data)


@router.post("/articles/{article_id}/correct", include_in_schema=False)
def correct(request: Request, article_id: str) -> Response:
    """Open the article's draft for a correction; an article published without the
    desk gets a draft made from its current record."""
    record = article_for(request, article_id)
    archive = archive_of(request)
    if archive.withdrawal(record.id) is not None:
        raise PageError(409, N_("a withdrawn article is put back before it is corrected"))
    draft = archive.desk.draft_of_article(record.id)
    if draft is not None:
        return see(f"/desk/drafts/{draft.id}")
    user = signed(request).user
    draft_id = new_id()
    start = Article.from_dict({**record.to_dict(), "warnings": []})
    archive.desk.new_draft(draft_id, user.name, start, article=record.id, note="from the archive")
    archive.desk.audit(user.name, "draft started", draft=draft_id, article=record.id,
                       detail={"title": record.title, "from": "archive"})  # fmt: skip
    return see(f"/desk/drafts/{draft_id}")


@router.post("/articles/{article_id}/withdraw", include_in_schema=False)
def withdraw(request: Request, article_id: str) -> Response:
    record = article_for(request, article_id)
    user = signed(request).user
    note = fields.clean(text(form_of(request), "note"), 500) or None
    audit = AuditNote(user.name, "withdraw", detail={"title": record.title})
    archive_of(request).withdraw(record.id, note, audit=audit)
    return see(f"/desk/articles/{record.id}")


@router.post("/articles/{article_id}/restore", include_in_schema=False)
def restore(request: Request, article_id: str) -> Response:
    admin = admin_only(request)
    record = article_for(request, article_id)
    audit = AuditNote(admin.name, "restore", detail={"title": record.title})
    archive_of(request).restore(record.id, audit=audit)
    return see(f"/desk/articles/{record.id}")
