"""The page about the archive (counts by section, language and year) and the switch of
the interface language."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ganjina.web import i18n, urls
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError, page
from ganjina.web.state import site
from ganjina.web.views.common import MAX_PARAM

router = APIRouter()

#: a year of cookie: the choice of language is the reader's until they change it
COOKIE_SECONDS = 365 * 24 * 3600


def public_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """The archive's counts, without where it lives on the server."""
    return {
        "records": stats["records"],
        "versions": stats["versions"],
        "originals": stats["originals"],
        "original_bytes": stats["original_bytes"],
        "by_section": [
            {"section": s, "count": n, "url": urls.section(s) if s else None}
            for s, n in stats["by_section"]
        ],
        "by_language": [
            {"language": lang, "count": n, "url": urls.search(language=lang) if lang else None}
            for lang, n in stats["by_language"]
        ],
        "by_year": [
            {"year": y, "count": n, "url": urls.browse("gregorian", y) if y else None}
            for y, n in stats["by_year"]
        ],
        "health": stats["health"],
    }


@page(router, "/about", "about.html")
def about(request: Request) -> dict[str, Any]:
    return public_stats(site(request).stats())


def local_target(target: str | None) -> str:
    """``target`` if it is a path on this site, else the home page (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return urls.home()
    return target


@router.get("/ui/{code}", include_in_schema=False)
def switch_language(
    code: str, next: Annotated[str | None, Query(max_length=2 * MAX_PARAM)] = None
) -> Response:
    """Remember the interface language in a cookie and go back to the page (no JavaScript)."""
    if code not in i18n.LANGUAGES:
        raise PageError(404, N_("no interface language %(code)s"), values={"code": code})
    response = RedirectResponse(local_target(next), status_code=303)
    response.set_cookie(i18n.COOKIE, code, max_age=COOKIE_SECONDS, httponly=True, samesite="lax")
    return response
