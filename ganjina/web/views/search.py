"""The search page: the query box, facets as filters, highlighted hits, sort, pages.

Each hit says which other form or spelling of a query word it was found by ("found
``کتاب‌ها`` for ``کتاب``"); a query finding nothing shows the hits of its "did you
mean" suggestion and says so, and one finding few offers the suggestion as a link.

Filters chosen from the facets travel as their own parameters (``section``, ``language``,
``year``, ``source``, ``author``), so each can be removed on its own; they are added to
the query as field terms of the archive's query language. A query that does not parse
gives the search page again, at status 400, with the archive's message and position.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from starlette.requests import Request

from ganjina.errors import QueryError
from ganjina.web import urls
from ganjina.web.errors import query_page_error
from ganjina.web.represent import page
from ganjina.web.state import site
from ganjina.web.views.common import MAX_PARAM, hit_summary

router = APIRouter()

Sort = Literal["relevance", "date", "date_asc"]
SORTS: tuple[Sort, ...] = ("relevance", "date", "date_asc")
MAX_QUERY = 500
MAX_PAGE = 500
#: facet name -> (the filter parameter, the query-language field)
FACETS = {
    "section": ("section", "section"),
    "language": ("language", "lang"),
    "year": ("year", "date"),
    "source": ("source", "source"),
    "author": ("author", "author"),
}

Filter = Annotated[str | None, Query(max_length=MAX_PARAM)]


def filter_terms(filters: dict[str, str]) -> str:
    """The filters as query-language terms; a value's own quotes cannot be escaped in the
    language, so they are dropped (no section, language or name needs them)."""
    terms = []
    for name, value in filters.items():
        field = FACETS[name][1]
        clean = value.replace('"', " ").replace("“", " ").replace("”", " ").strip()
        if clean:
            terms.append(f'{field}:"{clean}"')
    return " ".join(terms)


@page(router, "/search", "search.html")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
    sort: Sort = "relevance",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    section: Filter = None,
    language: Filter = None,
    year: Annotated[int | None, Query(ge=1, le=9999)] = None,
    source: Filter = None,
    author: Filter = None,
) -> dict[str, Any]:
    state = site(request)
    size = state.config.search_page_size
    chosen = {"section": section, "language": language, "source": source, "author": author}
    filters = {k: v for k, v in chosen.items() if v}
    if year is not None:
        filters["year"] = str(year)
    params: dict[str, Any] = {"sort": sort if sort != "relevance" else None, **filters}

    def link(**change: Any) -> str:
        query = change.pop("q", q)
        return urls.search(query, **{**params, **change})

    data: dict[str, Any] = {
        "query": q,
        "sort": sort,
        "page": page,
        "filters": [
            {"name": k, "value": v, "remove": link(**{k: None})} for k, v in filters.items()
        ],
        "sorts": {s: link(sort=None if s == "relevance" else s) for s in SORTS},
        "feed": urls.feed_search(q) if q else None,
        "result": None,
        "error": None,
    }
    if not q.strip() and not filters:
        return data
    full = " ".join(x for x in (q, filter_terms(filters)) if x.strip())
    try:
        # a query that finds nothing shows the hits of its "did you mean" instead
        result = state.archive.search(
            full, limit=size, offset=(page - 1) * size, sort=sort, facets=True, correct=True
        )
    except QueryError as err:
        raise query_page_error(err, data) from None
    pages = max(1, -(-result.total // size))
    tail = len(full) - len(q)  # the filters come after what the reader typed

    def typed(query: str) -> str:
        return query[: len(query) - tail] if tail else query

    data["result"] = {
        "corrected": typed(result.corrected) if result.corrected else None,
        "suggestions": [
            {"query": typed(sug.query), "total": sug.total, "url": link(q=typed(sug.query))}
            for sug in result.suggestions
            if sug.query != result.corrected
        ],
        "total": result.total,
        "took_ms": round(result.took_ms, 2),
        "offset": result.offset,
        "hits": [hit_summary(h) for h in result.hits],
        "facets": {
            name: _facet_values(counts, urls.search_varying(FACETS[name][0], q, **params))
            for name, counts in (result.facets or {}).items()
            if name in FACETS and counts
        },
        "pages": pages,
        "prev": link(page=page - 1) if page > 1 else None,
        "next": link(page=page + 1) if page < pages else None,
    }
    return data


def _facet_values(
    counts: list[tuple[str, int]], url: Callable[[str | int | None], str]
) -> list[dict[str, Any]]:
    # ``url(value)`` is the page's ``link(**{parameter: value})``
    return [{"value": value, "count": count, "url": url(value)} for value, count in counts]
