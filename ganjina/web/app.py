"""The FastAPI application: the routers of ``views/``, the API, feeds, OAI-PMH and
sitemaps on one archive, behind the security headers and the error pages.

    >>> app = create_app("ganjina-demo")  # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)  # doctest: +SKIP

The archive is opened when the app is made, so a wrong location fails at once with the
archive's one-line message, and closed when the server shuts down.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles
from starlette.types import Message, Receive, Scope, Send

from ganjina.archive import Archive
from ganjina.archive.follow import following
from ganjina.errors import GanjinaError
from ganjina.web import api, desk, errors, feeds, fonts, oai, sitemap
from ganjina.web.config import WebConfig, checked_base_url
from ganjina.web.pagecache import PageCache
from ganjina.web.security import SecurityHeaders
from ganjina.web.state import SiteState
from ganjina.web.templating import STATIC
from ganjina.web.views import about, article, browse, cite, lists, search
from ganjina.web.views.search_route import SearchRoute

#: static files are addressed with a hash of their content (``static_url``)
STATIC_CACHE = "public, max-age=31536000, immutable"


class _Static(StaticFiles):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_cached(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                headers.append((b"cache-control", STATIC_CACHE.encode()))
                message["headers"] = headers
            await send(message)

        await super().__call__(scope, receive, send_cached)


def create_app(
    archive: Archive | str | Path | None = None, config: WebConfig | None = None
) -> FastAPI:
    """The site of ``archive``: an open :class:`Archive` (the caller closes it), or where
    one is (``None``: ``GANJINA_ARCHIVE``, else ``./ganjina-archive/``), opened here and
    closed at shutdown."""
    config = (config or WebConfig()).with_settings()
    host = None
    if config.base_url:
        try:
            base, host = checked_base_url(config.base_url)
        except ValueError as err:
            raise GanjinaError(f"GANJINA_BASE_URL / --base-url: {err}") from None
        config = replace(config, base_url=base)
    owned = not isinstance(archive, Archive)
    opened = Archive.open(archive) if not isinstance(archive, Archive) else archive
    state = SiteState(opened, config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # on a PostgreSQL archive this node keeps its own index following the store
        with following(opened):
            yield
        if owned:
            opened.close()

    app = FastAPI(
        title="Ganjina archive API",
        summary="The Afghanistan Azad article archive: browse, search, read.",
        version="1",
        openapi_url="/api/openapi.json",
        # Swagger UI and ReDoc load scripts from a CDN: not on a site without JavaScript
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ganjina = state
    # cite before article: /article/{id}.bib must not be read as the page of an id
    for module in (lists, browse, cite, article, search, about):
        app.include_router(module.router)
    for router in (api.router, feeds.router, oai.router, sitemap.router, fonts.router):
        app.include_router(router)
    # the search page's own route first: FastAPI's layers cost a new search a third of
    # its CPU (``views/search_route.py``); what it does not take goes on to FastAPI's
    app.router.routes.insert(0, SearchRoute())
    app.mount("/static", _Static(directory=str(STATIC)), name="static")
    errors.install(app)
    # the editors' desk (/desk/): its own routes, all behind its gate but the sign-in
    desk.install(app, state.config.desk.max_upload_bytes)
    if state.config.page_cache:
        # innermost of the three: a kept page still gets the host check and the headers
        app.add_middleware(
            PageCache,
            generation=opened.generation,
            size=state.config.page_cache,
            max_age=state.config.page_cache_seconds,
            by_host=not state.config.base_url,
        )
    if host is not None:
        # with a public address set, a request naming another host is refused: links,
        # feed ids and OAI base URLs never come from what a client wrote
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=[host])
    app.add_middleware(SecurityHeaders)
    return app
