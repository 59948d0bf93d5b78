"""Atom feeds: the newest articles of a section, of an author, or matching a search.

    /feeds/section/dari.atom
    /feeds/author/Nadia%20Rahimzai.atom
    /feeds/search.atom?q=flood%20lang:en

An entry's ``updated`` is the article's publication date (the archive keeps no time of
day); a feed reader keys entries by ``id``, the article's address, which never changes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import Response

from ganjina.archive import Hit
from ganjina.record import Article
from ganjina.web import urls, xmldoc
from ganjina.web.config import DEFAULT_NAME
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError
from ganjina.web.state import public_base, site
from ganjina.web.templating import ui_for

router = APIRouter()

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
#: for an undated article: Atom needs a time, and this one sorts it last
EPOCH = "1970-01-01T00:00:00Z"
SUMMARY_CHARS = 600


@dataclass
class Entry:
    id: str
    title: str
    date: str | None
    language: str | None
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    section: str | None = None

    @property
    def updated(self) -> str:
        return f"{self.date}T00:00:00Z" if self.date else EPOCH


def _shorten(text: str) -> str:
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def from_article(a: Article) -> Entry:
    first = next((b.text for b in a.blocks if b.type == "paragraph"), "")
    section = a.section.id if a.section else None
    return Entry(a.id, a.title or a.id, a.date, a.language, a.authors, _shorten(first), section)


def from_hit(h: Hit) -> Entry:
    snippet = "".join(text for text, _ in h.snippet)
    return Entry(h.id, h.title or h.id, h.date, h.language, list(h.authors), snippet, h.section)


def feed_title(request: Request, template: str, **values: str) -> str:
    """A feed's title in the interface language of the request (``?ui=``, the cookie or
    ``Accept-Language``, as for pages): the site's name and what the feed follows."""
    ui = ui_for(request)
    name = site(request).config.name
    shown = ui.gettext(name) if name == DEFAULT_NAME else name
    return ui.gettext(template, site=shown, **values)


def atom(request: Request, title: str, page: str, entries: Iterable[Entry]) -> Response:
    """An Atom document: ``page`` is the HTML page the feed follows."""
    base = public_base(request)
    self_url = base + request.url.path + (f"?{request.url.query}" if request.url.query else "")
    entries = list(entries)
    feed = ET.Element("feed", {"xmlns": ATOM})
    xmldoc.sub(feed, "id", self_url)
    xmldoc.sub(feed, "title", title)
    xmldoc.sub(feed, "updated", max((e.updated for e in entries), default=EPOCH))
    xmldoc.sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    xmldoc.sub(feed, "link", rel="alternate", href=base + page, type="text/html")
    author = xmldoc.sub(feed, "author")
    xmldoc.sub(author, "name", site(request).config.name)
    xmldoc.sub(feed, "generator", "Ganjina")
    for e in entries:
        entry = xmldoc.sub(feed, "entry")
        url = base + urls.article(e.id)
        xmldoc.sub(entry, "id", url)
        lang = {"xml:lang": e.language} if e.language else {}
        xmldoc.sub(entry, "title", e.title, **lang)
        xmldoc.sub(entry, "updated", e.updated)
        if e.date:
            xmldoc.sub(entry, "published", e.updated)
        for name in e.authors:
            xmldoc.sub(xmldoc.sub(entry, "author"), "name", name)
        xmldoc.sub(entry, "link", rel="alternate", href=url, type="text/html")
        if e.section:
            xmldoc.sub(entry, "category", term=e.section)
        if e.summary:
            xmldoc.sub(entry, "summary", e.summary, **lang)
    return Response(xmldoc.serialize(feed), media_type=MEDIA_TYPE)


@router.get("/feeds/section/{section_id}.atom", include_in_schema=False)
def section_feed(request: Request, section_id: str) -> Response:
    state = site(request)
    found = state.archive.articles(section=section_id, limit=state.config.page_size)
    if not found.articles:
        raise PageError(404, N_("no articles in section %(value)s"), values={"value": section_id})
    entries = [from_article(a) for a in found.articles]
    title = feed_title(
        request, N_("%(site)s: %(section)s"), section=ui_for(request).section(section_id)
    )
    return atom(request, title, urls.section(section_id), entries)


@router.get("/feeds/author/{name}.atom", include_in_schema=False)
def author_feed(request: Request, name: str) -> Response:
    state = site(request)
    found = state.archive.articles(author=name, limit=state.config.page_size)
    if not found.articles:
        raise PageError(404, N_("no articles by %(value)s"), values={"value": name})
    entries = [from_article(a) for a in found.articles]
    title = feed_title(request, N_("%(site)s: articles by %(author)s"), author=name)
    return atom(request, title, urls.author(name), entries)


@router.get("/feeds/search.atom", include_in_schema=False)
def search_feed(
    request: Request, q: Annotated[str, Query(min_length=1, max_length=500)]
) -> Response:
    """The newest matches of a query (a bad query is a 400 with the archive's message)."""
    state = site(request)
    result = state.archive.search(q, limit=state.config.page_size, sort="date")
    entries = [from_hit(h) for h in result.hits]
    title = feed_title(request, N_("%(site)s: search for %(query)s"), query=q)
    return atom(request, title, urls.search(q), entries)
