"""The home page and the lists of a section, an author and a source outlet.

Lists page with the archive's cursors (``?cursor=``), so a page deep in a large section
costs what the first one does.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from starlette.requests import Request

from ganjina.errors import ArchiveError
from ganjina.web import urls
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError, page
from ganjina.web.state import site
from ganjina.web.views.common import MAX_PARAM, summary

router = APIRouter()

#: the portal's three sections, in the order its own front page shows them
MAIN_SECTIONS = ("dari", "pashto", "european-languages")
HOME_LATEST = 6

#: the message of an empty list, by kind
NOTHING = {
    "section": N_("no articles in section %(value)s"),
    "author": N_("no articles by %(value)s"),
    "source": N_("no articles from %(value)s"),
}
#: the address of each kind of list
PAGES = {"section": urls.section, "author": urls.author, "source": urls.source}

Cursor = Annotated[str | None, Query(max_length=MAX_PARAM, description="from next_cursor")]


@page(router, "/", "home.html")
def home(request: Request) -> dict[str, Any]:
    state = site(request)
    sections = []
    for section_id in MAIN_SECTIONS:
        latest = state.archive.articles(section=section_id, limit=HOME_LATEST)
        sections.append(
            {
                "id": section_id,
                "url": urls.section(section_id),
                "feed": urls.feed_section(section_id),
                "articles": [summary(a) for a in latest.articles],
                "more": latest.next_cursor is not None,
            }
        )
    stats = state.stats()
    others = [
        {"id": sid, "url": urls.section(sid), "count": n}
        for sid, n in stats["by_section"]
        if sid and sid not in MAIN_SECTIONS
    ]
    return {"records": stats["records"], "sections": sections, "other_sections": others}


def _listing(
    request: Request, kind: str, value: str, cursor: str | None, feed: str | None
) -> dict[str, Any]:
    """One page of the articles whose ``kind`` (section, author, source) is ``value``."""
    state = site(request)
    try:
        found = state.archive.articles(
            section=value if kind == "section" else None,
            author=value if kind == "author" else None,
            source=value if kind == "source" else None,
            cursor=cursor,
            limit=state.config.page_size,
        )
    except ArchiveError as err:
        # the only argument a visitor controls that the archive can refuse is the cursor
        raise PageError(
            400, N_("this address has a cursor the archive did not make"), english=str(err)
        ) from None
    if not found.articles and cursor is None:
        raise PageError(404, NOTHING[kind], values={"value": value})
    here = PAGES[kind](value)
    return {
        "kind": kind,
        "value": value,
        "feed": feed,
        "articles": [summary(a) for a in found.articles],
        "next_cursor": found.next_cursor,
        "next": f"{here}?{urlencode({'cursor': found.next_cursor})}" if found.next_cursor else None,
        "first": here if cursor else None,
    }


@page(router, "/section/{section_id}", "list.html")
def section(request: Request, section_id: str, cursor: Cursor = None) -> dict[str, Any]:
    return _listing(request, "section", section_id, cursor, urls.feed_section(section_id))


@page(router, "/author/{name}", "list.html")
def author(request: Request, name: str, cursor: Cursor = None) -> dict[str, Any]:
    return _listing(request, "author", name, cursor, urls.feed_author(name))


@page(router, "/source/{name}", "list.html")
def source(request: Request, name: str, cursor: Cursor = None) -> dict[str, Any]:
    return _listing(request, "source", name, cursor, None)
