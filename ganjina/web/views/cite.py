"""An article's citation as a file: ``/article/{id}.bib``, ``.ris``, ``.csl.json``, and the
same of one version, ``/article/{id}/v/{n}.bib`` …

Registered before the article page, whose ``/article/{id}`` would otherwise take
``gj-….bib`` for an id. An id the article had before it was corrected is sent to the
same export under its own id.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Path
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse

from ganjina.cite import FORMATS, cite_many, dumps
from ganjina.cite.export import chunks
from ganjina.cite.meta import ALTERNATES
from ganjina.web import urls
from ganjina.web.citation import citable_for, context
from ganjina.web.represent import PageError
from ganjina.web.state import site
from ganjina.web.views.article import content_disposition

router = APIRouter()

Number = Annotated[int, Path(ge=1, le=1_000_000, description="a version of the article")]
#: file suffix -> format name of ``ganjina.cite``
SUFFIXES = {suffix: fmt for fmt, (_w, _m, suffix) in FORMATS.items()}


def citation_response(
    request: Request, article_id: str, number: int | None, fmt: str, *, redirect: bool = True
) -> Response:
    """The citation of ``article_id`` (version ``number``, or the current one) as ``fmt``;
    an old id is redirected to the site's export under the article's own id (the API
    answers at once: its citation names the own id anyway)."""
    cited = citable_for(request, article_id, number)
    if cited is None:
        suffix = f" version {number}" if number else ""
        raise PageError(404, f"no article {article_id!r}{suffix}")
    _writer, media_type, suffix = FORMATS[fmt]
    if redirect and cited.id != article_id:
        return RedirectResponse(urls.citation(cited.id, suffix, number), status_code=301)
    charset = "" if media_type.endswith("json") else "; charset=utf-8"
    return Response(
        dumps(fmt, [cited]),
        media_type=media_type + charset,
        headers={"Content-Disposition": content_disposition(f"{cited.key}{suffix}", "cite")},
    )


def many_response(request: Request, query: str, fmt: str, limit: int) -> Response:
    """The citations of a search's first ``limit`` hits, newest first, streamed."""
    found = cite_many(site(request).archive, query, context(request))
    _writer, media_type, suffix = FORMATS[fmt]
    charset = "" if media_type.endswith("json") else "; charset=utf-8"
    return StreamingResponse(
        chunks(fmt, itertools.islice(found, limit)),
        media_type=media_type + charset,
        headers={"Content-Disposition": content_disposition(f"ganjina-search{suffix}", "cite")},
    )


def _current(fmt: str) -> Callable[[Request, str], Response]:
    def export(request: Request, article_id: str) -> Response:
        return citation_response(request, article_id, None, fmt)

    return export


def _version(fmt: str) -> Callable[[Request, str, int], Response]:
    def export(request: Request, article_id: str, number: Number) -> Response:
        return citation_response(request, article_id, number, fmt)

    return export


_ROUTES = (("/article/{article_id}/v/{number}", _version), ("/article/{article_id}", _current))
for _suffix, _media, _name in ALTERNATES:
    for _path, _factory in _ROUTES:
        router.add_api_route(
            _path + _suffix,
            _factory(SUFFIXES[_suffix]),
            methods=["GET"],
            include_in_schema=False,
            name=f"citation:{_path}{_suffix}",
        )
