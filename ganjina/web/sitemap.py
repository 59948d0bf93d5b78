"""``robots.txt`` and the sitemaps: an index, one sitemap of the fixed pages, and one of
articles per Gregorian year (split by month when a year passes the protocol's 50,000
addresses), so no sitemap is ever too large and each is read with the archive's cursors.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ganjina.archive import Archive
from ganjina.record import Article
from ganjina.web import urls, xmldoc
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError
from ganjina.web.state import public_base, site
from ganjina.web.views.lists import MAIN_SECTIONS

router = APIRouter()

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
READ = 1000
MEDIA_TYPE = "application/xml; charset=utf-8"


@router.get("/robots.txt", include_in_schema=False)
def robots(request: Request) -> Response:
    base = public_base(request)
    text = (
        "User-agent: *\n"
        "Disallow: /search\n"  # endless combinations of queries and filters
        "Disallow: /feeds/search.atom\n"
        "Disallow: /api/\n"
        "Disallow: /ui/\n"
        "Disallow: /oai\n"
        f"Sitemap: {base}/sitemap.xml\n"
    )
    return PlainTextResponse(text)


def _parts(request: Request) -> list[str]:
    """The names of the article sitemaps: ``2023``, or ``2023-05`` for a large year,
    and ``undated``."""
    parts = []
    for year, count in site(request).stats()["by_year"]:
        if year is None:
            parts.append("undated")
        elif count > MAX_URLS:
            parts += [f"{year}-{m:02d}" for m in range(1, 13)]
        else:
            parts.append(str(year))
    return parts


_PART = re.compile(r"[0-9]{1,4}(-(0[1-9]|1[0-2]))?")


@router.get("/sitemap.xml", include_in_schema=False)
def sitemap_index(request: Request) -> Response:
    base = public_base(request)
    root = ET.Element("sitemapindex", {"xmlns": SITEMAP})
    for part in ["pages", *_parts(request)]:
        xmldoc.sub(xmldoc.sub(root, "sitemap"), "loc", f"{base}/sitemap/{part}.xml")
    return Response(xmldoc.serialize(root), media_type=MEDIA_TYPE)


def _articles(archive: Archive, part: str) -> Iterator[Article]:
    """The articles of one sitemap part (see :func:`_parts`)."""
    if part == "undated":
        # undated records sort first, oldest-first: read until the first dated one
        cursor = None
        while True:
            page = archive.articles(cursor=cursor, limit=READ, order="date_asc")
            for a in page.articles:
                if a.date:
                    return
                yield a
            if page.next_cursor is None:
                return
            cursor = page.next_cursor
    # only the names _parts makes: a huge or negative number would overflow the
    # store's integer and answer 500 instead of 404
    if not _PART.fullmatch(part):
        raise PageError(404, N_("no sitemap %(name)s"), values={"name": part})
    year, _, month = part.partition("-")
    cursor = None
    while True:
        page = archive.articles(
            year=int(year), month=int(month) if month else None, cursor=cursor, limit=READ
        )
        yield from page.articles
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


@router.get("/sitemap/{part}.xml", include_in_schema=False)
def sitemap(request: Request, part: str) -> Response:
    base = public_base(request)
    root = ET.Element("urlset", {"xmlns": SITEMAP})
    if part == "pages":
        fixed = [urls.home(), urls.browse(), "/about", urls.search()]
        fixed += [urls.section(s) for s in MAIN_SECTIONS]
        for path in fixed:
            xmldoc.sub(xmldoc.sub(root, "url"), "loc", base + path)
    else:
        for n, article in enumerate(_articles(site(request).archive, part)):
            if n >= MAX_URLS:
                break
            # no <lastmod>: the archive knows when an article was published, not when
            # its page last changed, and a wrong lastmod is worse than none
            xmldoc.sub(xmldoc.sub(root, "url"), "loc", base + urls.article(article.id))
    return Response(xmldoc.serialize(root), media_type=MEDIA_TYPE)
