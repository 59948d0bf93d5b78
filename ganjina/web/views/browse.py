"""Browsing by year and month, in the Gregorian or the Afghan solar hijri calendar.

Both calendars go through the archive's query language (``date:2023-05``,
``date:1402-03``: years below 1700 are solar hijri), so one code path serves both and
the counts agree with what a search for the same dates finds. Year and month totals
are kept for ``WebConfig.stats_ttl`` seconds.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from starlette.requests import Request

from ganjina.web import urls
from ganjina.web.i18n import N_
from ganjina.web.represent import PageError, page
from ganjina.web.state import SiteState, site
from ganjina.web.views.common import hit_summary

router = APIRouter()

Calendar = Literal["gregorian", "solar"]
#: a solar year runs from March 21 to March 20: Gregorian year Y holds parts of these
SOLAR_OFFSETS = (622, 621)
YEAR_LIMITS = {"gregorian": (1700, 2299), "solar": (1078, 1699)}
MAX_PAGE = 500


def _total(state: SiteState, query: str) -> int:
    return state.archive.search(query, limit=1).total


def _date_query(year: int, month: int | None = None) -> str:
    return f"date:{year}" if month is None else f"date:{year}-{month:02d}"


def _years(state: SiteState) -> dict[str, list[dict[str, Any]]]:
    gregorian = sorted((int(y), int(n)) for y, n in state.stats()["by_year"] if y is not None)
    candidates = sorted({y - off for y, _ in gregorian for off in SOLAR_OFFSETS}, reverse=True)
    solar = [(y, _total(state, _date_query(y))) for y in candidates]
    return {
        "gregorian": [
            {"year": y, "count": n, "url": urls.browse("gregorian", y)}
            for y, n in reversed(gregorian)
        ],
        "solar": [{"year": y, "count": n, "url": urls.browse("solar", y)} for y, n in solar if n],
    }


@page(router, "/browse", "browse.html")
def browse(request: Request) -> dict[str, Any]:
    state = site(request)
    return {"calendar": None, "calendars": state.cached("browse-years", lambda: _years(state))}


def _check_year(calendar: str, year: int) -> None:
    low, high = YEAR_LIMITS[calendar]
    if not low <= year <= high:
        template = (
            N_("a Gregorian year must be between %(low)s and %(high)s")
            if calendar == "gregorian"
            else N_("a solar hijri year must be between %(low)s and %(high)s")
        )
        raise PageError(400, template, values={"low": low, "high": high})


@page(router, "/browse/{calendar}/{year}", "browse.html")
def year(request: Request, calendar: Calendar, year: int) -> dict[str, Any]:
    _check_year(calendar, year)
    state = site(request)

    def months() -> list[dict[str, Any]]:
        out = []
        for month in range(1, 13):
            n = _total(state, _date_query(year, month))
            out.append({"month": month, "count": n, "url": urls.browse(calendar, year, month)})
        return out

    counted = state.cached(f"browse-{calendar}-{year}", months)
    return {
        "calendar": calendar,
        "year": year,
        "count": sum(m["count"] for m in counted),
        "months": counted,
        "up": urls.browse(),
    }


@page(router, "/browse/{calendar}/{year}/{month}", "month.html")
def month(
    request: Request,
    calendar: Calendar,
    year: int,
    month: Annotated[int, Path(ge=1, le=12)],
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> dict[str, Any]:
    _check_year(calendar, year)
    state = site(request)
    size = state.config.page_size
    result = state.archive.search(
        _date_query(year, month), limit=size, offset=(page - 1) * size, sort="date_asc"
    )
    pages = max(1, -(-result.total // size))
    here = urls.browse(calendar, year, month)
    return {
        "calendar": calendar,
        "year": year,
        "month": month,
        "total": result.total,
        "page": page,
        "pages": pages,
        "articles": [hit_summary(h) for h in result.hits],
        "prev": f"{here}?page={page - 1}" if page > 1 else None,
        "next": f"{here}?page={page + 1}" if page < pages else None,
        "up": urls.browse(calendar, year),
    }
