"""The JSON API under ``/api/``, described by OpenAPI at ``/api/openapi.json``.

Each endpoint hands its parameters to one :class:`~ganjina.archive.Archive` call and
returns what comes back; errors have one shape, ``{"error": {"status", "message"}}``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import Response

from ganjina.archive.blobs import MEDIA_TYPES
from ganjina.errors import ArchiveError
from ganjina.web import urls
from ganjina.web.api_models import (
    ERRORS,
    ArticleListModel,
    ArticleModel,
    RelatedModel,
    SearchModel,
    StatsModel,
    VersionModel,
)
from ganjina.web.represent import PageError
from ganjina.web.state import site
from ganjina.web.views import article as article_view
from ganjina.web.views import cite as cite_view
from ganjina.web.views.about import public_stats
from ganjina.web.views.common import MAX_PARAM

router = APIRouter(prefix="/api", tags=["archive"], responses=ERRORS)

Text = Annotated[str | None, Query(max_length=MAX_PARAM)]
MAX_API_LIMIT = 100
#: hits one citation export may hold
MAX_CITATIONS = 1000


@router.get("/articles", response_model=ArticleListModel, summary="Browse articles")
def articles(
    request: Request,
    section: Text = None,
    language: Annotated[
        str | None, Query(max_length=40, description="`fa` also matches `fa-AF`")
    ] = None,
    author: Text = None,
    source: Text = None,
    year: Annotated[int | None, Query(ge=1, le=9999, description="Gregorian")] = None,
    month: Annotated[int | None, Query(ge=1, le=12)] = None,
    cursor: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_API_LIMIT)] = 20,
    order: Literal["date_desc", "date_asc"] = "date_desc",
) -> dict[str, Any]:
    """Articles newest first (or oldest first), filtered; page on with ``next_cursor``."""
    try:
        found = site(request).archive.articles(
            section=section,
            language=language,
            author=author,
            source=source,
            year=year,
            month=month,
            cursor=cursor,
            limit=limit,
            order=order,
        )
    except ArchiveError as err:
        # the only argument the archive can refuse after validation is the cursor
        raise PageError(400, str(err)) from None
    nxt = None
    if found.next_cursor:
        given = {"section": section, "language": language, "author": author, "source": source}
        params: dict[str, str | int] = {k: v for k, v in given.items() if v is not None}
        params.update({k: v for k, v in (("year", year), ("month", month)) if v is not None})
        params.update(cursor=found.next_cursor, limit=limit, order=order)
        nxt = "/api/articles?" + urlencode(params)
    return {
        "articles": [article_view.public_record(a) for a in found.articles],
        "next_cursor": found.next_cursor,
        "next": nxt,
    }


@router.get("/articles/{article_id}", response_model=ArticleModel, summary="One article")
def article(
    request: Request,
    article_id: str,
    version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
) -> dict[str, Any]:
    archive = site(request).archive
    record = archive.get(article_id, version)
    if record is None:
        raise article_view.missing(archive, article_id, version)
    return article_view.public_record(record)


@router.get(
    "/articles/{article_id}/related",
    summary="How the archive connects an article: translation of, translated as, "
    "also in the archive as (near-duplicates and reprints)",
)
def related(request: Request, article_id: str) -> dict[str, Any]:
    archive = site(request).archive
    if archive.get(article_id) is None:
        raise article_view.missing(archive, article_id)
    return article_view.related(archive, article_id)


@router.get(
    "/articles/{article_id}/similar",
    response_model=list[RelatedModel],
    summary="More like this: articles sharing the article's most telling words",
)
def similar(
    request: Request, article_id: str, limit: Annotated[int, Query(ge=1, le=50)] = 5
) -> list[dict[str, Any]]:
    archive = site(request).archive
    if archive.get(article_id) is None:
        raise PageError(404, f"no article {article_id!r}")
    return [r.to_dict() for r in archive.similar(article_id, limit)]


@router.get(
    "/articles/{article_id}/versions",
    response_model=list[VersionModel],
    summary="Every version of an article, newest first",
)
def versions(request: Request, article_id: str) -> list[dict[str, Any]]:
    archive = site(request).archive
    found = archive.versions(article_id)
    if not found:
        raise article_view.missing(archive, article_id)
    return [
        {
            "number": v.number,
            "stored_at": v.stored_at,
            "filename": v.filename,
            "current": v.current,
            "original": urls.original(article_id, None if v.current else v.number)
            if v.sha256
            else None,
        }
        for v in found
    ]


CitationFormat = Annotated[
    Literal["csl-json", "bibtex", "ris"], Query(description="csl-json, bibtex or ris")
]
_CITATION_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "application/vnd.citationstyles.csl+json": {},
            "application/x-bibtex": {},
            "application/x-research-info-systems": {},
        }
    }
}


@router.get(
    "/articles/{article_id}/citation",
    response_class=Response,
    summary="An article's citation as CSL-JSON, BibTeX or RIS, naming the version",
    responses=_CITATION_DOC,
)
def citation(
    request: Request,
    article_id: str,
    format: CitationFormat = "csl-json",
    version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
) -> Response:
    return cite_view.citation_response(request, article_id, version, format, redirect=False)


@router.get(
    "/search/citations",
    response_class=Response,
    summary="The citations of a search's hits (at most 1000), newest first",
    responses=_CITATION_DOC,
)
def search_citations(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="The query language; empty: all")] = "",
    format: CitationFormat = "csl-json",
    limit: Annotated[int, Query(ge=1, le=MAX_CITATIONS)] = 100,
) -> Response:
    """Streamed as it is written: a large list starts at once and holds no memory."""
    archive = site(request).archive
    archive.search(q, limit=1)  # a query that does not parse is a 400 before streaming
    return cite_view.many_response(request, q, format, limit)


@router.get(
    "/articles/{article_id}/original",
    response_class=Response,
    summary="The original file of an article",
    # the file's own type, as stored; a file of no known type is octet-stream
    responses={
        200: {
            "description": "The file as it was read, in its own media type",
            "content": {
                t: {} for t in (*sorted(set(MEDIA_TYPES.values())), "application/octet-stream")
            },
        }
    },
)
def original(
    request: Request,
    article_id: str,
    version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
) -> Response:
    return article_view.original(request, article_id, version)


@router.get("/search", response_model=SearchModel, summary="Search with facets")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="The query language; empty: all")] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_API_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    sort: Literal["relevance", "date", "date_asc"] = "relevance",
    facets: bool = True,
    explain: Annotated[bool, Query(description="Say what each way of matching scored")] = False,
    correct: Annotated[
        bool, Query(description="For a query finding nothing, search its suggestion instead")
    ] = False,
) -> dict[str, Any]:
    """Hits with highlighted (text, is_match) segments, the words found as another form or
    spelling of a query word, facet counts, and "did you mean" suggestions for a query
    finding few records. A query that does not parse is a 400 whose ``position`` points
    at the problem."""
    result = site(request).archive.search(
        q,
        limit=limit,
        offset=offset,
        sort=sort,
        facets=facets,
        explain=explain,
        correct=correct,
    )
    return result.to_dict()


@router.get("/stats", response_model=StatsModel, summary="Counts by section, language, year")
def stats(request: Request) -> dict[str, Any]:
    data = site(request).stats()
    public = public_stats(data)
    for key in ("by_section", "by_language", "by_year"):
        public[key] = [list(pair) for pair in data[key]]
    return public


@router.get("/", include_in_schema=False)
def index() -> dict[str, Any]:
    """Where to start: the endpoints and the description."""
    return {
        "openapi": "/api/openapi.json",
        "endpoints": [
            "/api/articles",
            "/api/articles/{id}",
            "/api/articles/{id}/versions",
            "/api/articles/{id}/similar",
            "/api/articles/{id}/original",
            "/api/articles/{id}/citation",
            "/api/search",
            "/api/search/citations",
            "/api/stats",
        ],
    }
