"""Drafts: started from an uploaded file or written in a form, then edited field by
field. Every save is a new revision; a form built on an older revision than the newest
is refused (someone saved meanwhile), so no edit is silently lost."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from ganjina.archive.desk import Draft, Figure, Revision
from ganjina.errors import ArchiveError
from ganjina.record import Article, Block, Provenance
from ganjina.web.desk import fields
from ganjina.web.desk.guard import desk_config
from ganjina.web.desk.pages import (
    archive_of,
    draft_for,
    form_of,
    may_touch,
    respond,
    see,
    signed,
    text,
)
from ganjina.web.desk.publishing import sections
from ganjina.web.desk.uploads import IMAGE_TYPES, UploadRefused, read_upload
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError

router = APIRouter(prefix="/desk")

Revisionno = Annotated[int | None, Query(ge=1, le=1_000_000)]
MAX_LIST = 100


def new_id() -> str:
    return "d-" + secrets.token_hex(8)


def status_of(request: Request, draft: Draft) -> str:
    if draft.article is None:
        return "draft"
    return "withdrawn" if archive_of(request).withdrawal(draft.article) else "published"


def draft_summary(request: Request, draft: Draft) -> dict[str, Any]:
    return {
        "id": draft.id,
        "url": f"/desk/drafts/{draft.id}",
        "title": draft.title,
        "language": draft.language,
        "dir": "rtl" if fields.is_rtl(draft.language) else "ltr",
        "section": draft.section,
        "changed": draft.changed,
        "created_by": draft.created_by,
        "status": status_of(request, draft),
        "article": draft.article,
    }


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    user = signed(request).user
    desk = archive_of(request).desk
    visible = None if user.is_admin else list(user.sections)
    found = desk.drafts(sections=visible, user=user.name, limit=MAX_LIST)
    return respond(request, "home.html", {"drafts": [draft_summary(request, d) for d in found]})


def _choices(request: Request, current: str | None = None) -> dict[str, Any]:
    """What the form's lists offer: the sections the editor may publish in (and the
    draft's own), the languages, the kinds of block."""
    user = signed(request).user
    known = sections(archive_of(request))
    allowed = [s for s in known if user.may_publish_in(s) or s == current]
    return {
        "sections": [{"id": s, "labels": known[s].labels} for s in allowed],
        "article_languages": list(fields.LANGUAGES),
        "block_types": ["paragraph", "heading", "list_item", "quote", "caption"],
    }


@router.get("/new", include_in_schema=False)
def new(request: Request) -> Response:
    limit = int(desk_config(request).max_upload_mb)
    return respond(request, "new.html", {"error": None, "limit": limit, **_choices(request)})


def _start(request: Request, record: Article, **kwargs: Any) -> Response:
    draft_id = new_id()
    user = signed(request).user
    section = record.section.id if record.section else None
    if section is not None and not user.may_publish_in(section):
        # read from a file of another section: the editor keeps it, without the section
        record = Article.from_dict({**record.to_dict(), "section": None})
    archive = archive_of(request)
    archive.desk.new_draft(draft_id, user.name, record, **kwargs)
    archive.desk.audit(
        user.name, "draft started", draft=draft_id,
        detail={"title": record.title, "from": kwargs.get("source_name") or "form"},
    )  # fmt: skip
    return see(f"/desk/drafts/{draft_id}")


@router.post("/upload", include_in_schema=False)
def upload(request: Request) -> Response:
    form = form_of(request)
    sent = form.get("file")
    config = desk_config(request)
    limit = int(config.max_upload_mb)
    if not isinstance(sent, UploadFile):
        error = {"template": N_("choose a file to upload"), "values": {}}
        return respond(
            request, "new.html", {"error": error, "limit": limit, **_choices(request)}, 400
        )
    data = sent.file.read(config.max_upload_bytes + 1)
    try:
        got = read_upload(data, sent.filename, config)
    except UploadRefused as refused:
        error = {"template": refused.template, "values": refused.values}
        status = 413 if len(data) > config.max_upload_bytes else 400
        return respond(
            request, "new.html", {"error": error, "limit": limit, **_choices(request)}, status
        )
    archive = archive_of(request)
    source_sha = archive.desk.put_blob(data, "application/octet-stream")
    figures = [
        Figure(archive.desk.put_blob(p.data, IMAGE_TYPES[p.suffix]), p.suffix, p.block)
        for p in got.pictures
    ]
    return _start(request, got.record, source_sha=source_sha, source_name=got.name, figures=figures)


@router.post("/write", include_in_schema=False)
def write(request: Request) -> Response:
    """A draft written in the browser: the form's fields, the body as paragraphs (a
    blank line between two); ``## `` starts a sub-heading, ``> `` a quote."""
    form = form_of(request)
    blank = Article(provenance=Provenance("text", ""))
    record, errors = fields.from_form(form, blank, sections(archive_of(request)))
    body = text(form, "body")[: fields.MAX_BLOCK * 20].replace("\r\n", "\n")
    blocks = []
    for part in body.split("\n\n"):
        line = fields.clean(part)
        if not line:
            continue
        if line.startswith("## "):
            blocks.append(Block("heading", line[3:].strip()))
        elif line.startswith("> "):
            blocks.append(Block("quote", line[2:].strip()))
        else:
            blocks.append(Block("paragraph", line))
    record = Article.from_dict(
        {**record.to_dict(), "id": "", "blocks": [b.to_dict() for b in blocks[: fields.MAX_BLOCKS]]}
    )
    if errors:
        limit = int(desk_config(request).max_upload_mb)
        data = {
            "error": None,
            "errors": errors,
            "limit": limit,
            "typed": dict(form),
            **_choices(request),
        }
        return respond(request, "new.html", data, 400)
    return _start(request, record, source_name=None)


def _form_page(
    request: Request,
    draft: Draft,
    revision: Revision,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, Any] | None = None,
    status: int = 200,
    notice: str | None = None,
) -> Response:
    user = signed(request).user
    record = revision.record
    known = sections(archive_of(request))
    may = [s for s in known if user.may_publish_in(s)]
    data = {
        "draft": draft_summary(request, draft),
        "revision": {
            "number": revision.number,
            "at": revision.at,
            "by": revision.by,
            "current": revision.number == draft.revision,
            "note": revision.note,
            "source_name": revision.source_name,
        },
        "values": values or fields.form_values(record),
        "dir": "rtl" if fields.is_rtl(record.language) else "ltr",
        "lang": record.language or "",
        "date": record.date,
        "source_date": record.source.date if record.source else None,
        "errors": errors or {},
        "problems": fields.problems(record, may, known),
        "warnings": fields.warnings_by_field(record.warnings),
        "figures": len(revision.figures),
        "notice": notice,
        **_choices(request, record.section.id if record.section else None),
    }
    return respond(request, "draft.html", data, status)


NOTICES = {
    "saved": N_("Saved as revision %(n)s."),
    "published": N_("Published. It is on the site, in the search, the feeds and OAI-PMH."),
    "corrected": N_("The correction is published as a new version; the earlier ones stay."),
}


@router.get("/drafts/{draft_id}", include_in_schema=False)
def edit(request: Request, draft_id: str, revision: Revisionno = None) -> Response:
    draft = draft_for(request, draft_id)
    number = revision or draft.revision
    found = archive_of(request).desk.revision(draft.id, number)
    if found is None:
        raise PageError(
            404, N_("no revision %(n)s of draft %(id)s"), values={"n": number, "id": draft_id}
        )
    said = request.query_params.get("done")
    return _form_page(request, draft, found, notice=NOTICES.get(said or ""))


@router.post("/drafts/{draft_id}", include_in_schema=False)
def save(request: Request, draft_id: str) -> Response:
    draft = draft_for(request, draft_id)
    form = form_of(request)
    based = text(form, "based_on")
    based_on = int(based) if based.isdigit() else draft.revision
    archive = archive_of(request)
    base = archive.desk.revision(draft.id, based_on) or archive.desk.revision(
        draft.id, draft.revision
    )
    assert base is not None
    record, errors = fields.from_form(form, base.record, sections(archive))
    user = signed(request).user
    section = record.section.id if record.section else None
    if section is not None and not may_touch(user, section) and "section" not in errors:
        errors["section"] = (N_("you may not publish in this section"), {})
    if errors:
        values = {
            **fields.form_values(record),
            **{
                k: text(form, k)
                for k in ("date", "source_date", "source_url", "language", "section")
            },
        }
        return _form_page(request, draft, base, values=values, errors=errors, status=400)
    note = fields.clean(text(form, "note"), 500) or None
    if record.to_dict() == base.record.to_dict() and note is None and based_on == draft.revision:
        # nothing changed: no revision that says nothing
        then = "/preview" if text(form, "then") == "preview" else ""
        return see(f"/desk/drafts/{draft.id}{then}")
    try:
        number = archive.desk.add_revision(
            draft.id, user.name, record, based_on=based_on, note=note
        )
    except ArchiveError:
        errors = {
            "form": (
                N_(
                    "someone saved this draft meanwhile: your changes are below, "
                    "the newest revision is %(n)s"
                ),
                {"n": draft.revision},
            )
        }
        return _form_page(
            request, draft, base, values=fields.form_values(record), errors=errors, status=409
        )
    archive.desk.audit(user.name, "draft saved", draft=draft.id, article=draft.article,
                       detail={"revision": number, "note": note})  # fmt: skip
    if text(form, "then") == "preview":
        return see(f"/desk/drafts/{draft.id}/preview")
    return see(f"/desk/drafts/{draft.id}?done=saved")
