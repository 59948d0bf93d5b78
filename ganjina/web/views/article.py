"""The article page, its earlier versions, and the download of its original file.

The original comes out of the archive's store as bytes, by record id: no path from the
request ever reaches the file system, so a download cannot leave the archive.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Path, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ganjina.archive import Original
from ganjina.record import Article
from ganjina.text import gregorian_to_solar_hijri
from ganjina.web import urls
from ganjina.web.citation import page_citation
from ganjina.web.i18n import N_
from ganjina.web.present import parse_date, text_direction
from ganjina.web.represent import PageError, page
from ganjina.web.state import public_base, site
from ganjina.web.views.similar import more_like_this

router = APIRouter()

Version = Annotated[int | None, Query(ge=1, le=1_000_000, description="an earlier version")]
VersionNumber = Annotated[int, Path(ge=1, le=1_000_000, description="a version")]
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def _groups(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive list items become one list; every other block stands alone."""
    groups: list[dict[str, Any]] = []
    for block in blocks:
        if block["type"] == "list_item" and groups and groups[-1]["type"] == "list":
            groups[-1]["items"].append(block)
        elif block["type"] == "list_item":
            groups.append({"type": "list", "items": [block]})
        else:
            groups.append(block)
    return groups


def _web_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: a record could say ``javascript:…``."""
    if not url:
        return None
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("www."):
        return "https://" + url
    return None


def json_ld(article: Article, url: str) -> dict[str, Any]:
    """schema.org ``NewsArticle`` metadata for search engines and citation tools."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "identifier": article.id,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.title,
        "inLanguage": article.language,
        "datePublished": article.date,
        "author": [{"@type": "Person", "name": n} for n in article.authors],
    }
    if article.translators:
        data["translator"] = [{"@type": "Person", "name": n} for n in article.translators]
    if article.section:
        data["articleSection"] = (
            article.section.labels[0] if article.section.labels else (article.section.id)
        )
    if article.site and article.site.name:
        data["publisher"] = {"@type": "Organization", "name": article.site.name}
        if _web_url(article.site.url):
            data["publisher"]["url"] = _web_url(article.site.url)
    if article.source and (article.source.name or article.source.text):
        based: dict[str, Any] = {"@type": "CreativeWork"}
        based["name"] = article.source.name or article.source.text
        if article.source.date:
            based["datePublished"] = article.source.date
        if _web_url(article.source.url):
            based["url"] = _web_url(article.source.url)
        data["isBasedOn"] = based
    return {k: v for k, v in data.items() if v not in (None, [])}


def _iso(ymd: tuple[int, int, int]) -> str:
    return f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"


def public_record(article: Article) -> dict[str, Any]:
    """The record as published: the server's own path to the file is left out."""
    record = article.to_dict()
    path = record["provenance"].get("path")
    record["provenance"]["path"] = path.replace("\\", "/").rsplit("/", 1)[-1] if path else None
    return record


@page(router, "/article/{article_id}", "article.html")
def article(
    request: Request, article_id: str, version: Version = None
) -> dict[str, Any] | Response:
    """The current version; ``?version=N`` (the older form) moves to the permanent
    address of version N."""
    if version is not None:
        twin = ".json" if request.url.path.endswith(".json") else ""
        rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "version"])
        target = urls.article_version(article_id, version) + twin + (f"?{rest}" if rest else "")
        return RedirectResponse(target, status_code=301)
    return article_page(request, article_id, None)


@page(router, "/article/{article_id}/v/{number}", "article.html")
def article_version(
    request: Request, article_id: str, number: VersionNumber
) -> dict[str, Any] | Response:
    """One version, at an address that never shows anything else."""
    return article_page(request, article_id, number)


def article_page(
    request: Request, article_id: str, version: int | None
) -> dict[str, Any] | Response:
    archive = site(request).archive
    record = archive.get(article_id, version)
    if record is None:
        raise missing(archive, article_id, version)
    if record.id != article_id:
        # an id the article had before it was corrected: send readers to its own address
        twin = ".json" if request.url.path.endswith(".json") else ""
        own = (
            urls.article(record.id) if version is None else urls.article_version(record.id, version)
        )
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(own + twin + query, status_code=301)
    versions = archive.versions(record.id)
    shown = next(
        (v for v in versions if (v.current if version is None else v.number == version)), None
    )
    if shown is None:  # changed between the two reads: as if it had not been found
        raise PageError(404, f"no article {article_id!r} version {version}")
    date = parse_date(record.date)
    url = public_base(request) + (
        urls.article(record.id) if shown.current else urls.article_version(record.id, shown.number)
    )
    return {
        "article": public_record(record),
        "url": urls.article(record.id),
        "dir": text_direction(record.language),
        "date_solar": _iso(gregorian_to_solar_hijri(date)) if date else None,
        "body": _groups([b.to_dict() for b in record.blocks]),
        "source_url": _web_url(record.source.url) if record.source else None,
        "version": shown.number,
        "is_current": shown.current,
        "versions": [
            {
                "number": v.number,
                "stored_at": v.stored_at,
                "filename": v.filename,
                "current": v.current,
                "url": urls.article(record.id)
                if v.current
                else urls.article_version(record.id, v.number),
                "original": urls.original(record.id, None if v.current else v.number)
                if v.sha256
                else None,
            }
            for v in versions
        ],
        "links": {
            "section": urls.section(record.section.id) if record.section else None,
            "authors": [urls.author(n) for n in record.authors],
            "source": urls.source(record.source.name)
            if record.source and record.source.name
            else None,
        },
        "json_ld": json_ld(record, url),
        "related": (links := related(archive, record.id)),
        "similar": more_like_this(archive, record.id, links),
        "cite": page_citation(request, record, shown, len(versions)),
        "published_files": [
            {"name": name, "url": urls.published_file(record.id, name, version)}
            for name in archive.published_files(record.id, version)
            if name.endswith(".html")
        ],
    }


def missing(archive: Any, article_id: str, version: int | None = None) -> PageError:
    """404 for an unknown article (or version); 410 for one its editors withdrew."""
    gone = archive.withdrawal(article_id)
    if gone is not None:
        return PageError(
            410,
            N_("this article was withdrawn by its editors on %(day_date)s"),
            values={"day_date": gone.at[:10]},
        )
    if version:
        return PageError(
            404,
            N_("no version %(version)s of article %(id)s"),
            values={"version": version, "id": article_id},
        )
    return PageError(404, N_("no article %(id)s"), values={"id": article_id})


def related(archive: Any, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """Near-duplicates, reprints and translations of the article (``ganjina.links``),
    each with its own page address. Empty lists where the links were never built."""
    from ganjina.links import Links  # only the article page needs them

    found = Links(archive).page(article_id)

    def linked(items: list[dict[str, Any]], key: str | None) -> list[dict[str, Any]]:
        out = []
        for item in items:
            ref = item[key] if key else item
            if archive.withdrawal(ref["id"]) is not None:
                continue  # a withdrawn article is linked from nowhere
            out.append({**ref, "url": urls.article(ref["id"]), "kind": item.get("kind")})
        return out

    return {
        "also_in_archive": linked(found.get("also_in_archive", []), None),
        "translation_of": linked(found.get("translation_of", []), "other"),
        "translated_as": linked(found.get("translated_as", []), "other"),
    }


def content_disposition(filename: str | None, fallback: str) -> str:
    """An ``attachment`` header naming the file: an ASCII name for old clients, the real
    one (UTF-8, percent-encoded) for the rest; never a path."""
    name = (filename or fallback).replace("\\", "/").rsplit("/", 1)[-1] or fallback
    ascii_name = _UNSAFE_FILENAME.sub("_", name).strip("._") or fallback
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


@router.get("/article/{article_id}/original", include_in_schema=False)
def original(request: Request, article_id: str, version: Version = None) -> Response:
    """The file the article was read from, as it was uploaded."""
    archive = site(request).archive
    found = archive.original(article_id, version)
    if found is None:
        if archive.withdrawal(article_id) is not None:
            raise missing(archive, article_id)
        raise PageError(404, N_("no original file for %(id)s"), values={"id": article_id})
    data, filename, media_type = found
    return Response(
        data,
        media_type=media_type or "application/octet-stream",
        headers={"Content-Disposition": content_disposition(filename, f"{article_id}.bin")},
    )


#: a published HTML page is self-contained (its stylesheet inline); this policy lets that
#: one stylesheet apply and nothing else run, and keeps the page in a sandbox
PUBLISHED_HTML_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox"
)


def published_file_response(found: Original) -> Response:
    """A published HTML page or figure, under its own policy (see PUBLISHED_HTML_CSP)."""
    headers = {"Content-Security-Policy": PUBLISHED_HTML_CSP}
    return Response(found.data, media_type=found.media_type, headers=headers)


@router.get("/article/{article_id}/published/{name}", include_in_schema=False)
def published_file(
    request: Request, article_id: str, name: str, version: Version = None
) -> Response:
    """The HTML page (or a figure of it) published beside the article's PDF; looked up
    by name in the store, never on a disk."""
    archive = site(request).archive
    found = archive.published_files(article_id, version).get(name)
    if found is None:
        if archive.withdrawal(article_id) is not None:
            raise missing(archive, article_id)
        raise PageError(404, N_("no published file %(name)s"), values={"name": name})
    return published_file_response(found)
