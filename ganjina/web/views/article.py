"""The article page, its earlier versions, and the download of its original file.

The original comes out of the archive's store as bytes, by record id: no path from the
request ever reaches the file system, so a download cannot leave the archive.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ganjina.record import Article
from ganjina.text import gregorian_to_solar_hijri
from ganjina.web import urls
from ganjina.web.present import parse_date, text_direction
from ganjina.web.represent import PageError, page
from ganjina.web.state import site
from ganjina.web.views.similar import more_like_this

router = APIRouter()

Version = Annotated[int | None, Query(ge=1, le=1_000_000, description="an earlier version")]
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
    archive = site(request).archive
    record = archive.get(article_id, version)
    if record is None:
        raise PageError(
            404, f"no article {article_id!r}" + (f" version {version}" if version else "")
        )
    if record.id != article_id:
        # an id the article had before it was corrected: send readers to its own address
        twin = ".json" if request.url.path.endswith(".json") else ""
        target = urls.article(record.id) + twin
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(target + query, status_code=301)
    versions = archive.versions(record.id)
    current = next((v.number for v in versions if v.current), None)
    date = parse_date(record.date)
    url = str(request.base_url).rstrip("/") + urls.article(record.id)
    return {
        "article": public_record(record),
        "url": urls.article(record.id),
        "dir": text_direction(record.language),
        "date_solar": _iso(gregorian_to_solar_hijri(date)) if date else None,
        "body": _groups([b.to_dict() for b in record.blocks]),
        "source_url": _web_url(record.source.url) if record.source else None,
        "version": version or current,
        "is_current": version is None or version == current,
        "versions": [
            {
                "number": v.number,
                "stored_at": v.stored_at,
                "filename": v.filename,
                "current": v.current,
                "url": urls.article(record.id) + ("" if v.current else f"?version={v.number}"),
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
    }


def related(archive: Any, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """Near-duplicates, reprints and translations of the article (``ganjina.links``),
    each with its own page address. Empty lists where the links were never built."""
    from ganjina.links import Links  # only the article page needs them

    found = Links(archive).page(article_id)

    def linked(items: list[dict[str, Any]], key: str | None) -> list[dict[str, Any]]:
        out = []
        for item in items:
            ref = item[key] if key else item
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
    found = site(request).archive.original(article_id, version)
    if found is None:
        raise PageError(404, f"no original file for {article_id!r}")
    data, filename, media_type = found
    return Response(
        data,
        media_type=media_type or "application/octet-stream",
        headers={"Content-Disposition": content_disposition(filename, f"{article_id}.bin")},
    )
