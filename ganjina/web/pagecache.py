"""Finished search pages kept for the next visitor who asks the same thing.

A search page costs its server some 4 ms of CPU (the query, ten snippets, the facets,
the template), and the same searches come back: the links of the facets, the pager and
the sorts, feeds, crawlers. :class:`PageCache` is ASGI middleware that keeps the HTML
answers of ``GET /search`` in a bounded LRU and sends a kept one without routing,
validating or rendering again.

A page is kept under everything it is made from: the address as asked (path and query
string), the interface language the request gets (``ui`` parameter, cookie,
``Accept-Language``: :func:`ganjina.web.i18n.choose`), the host when the site has no
configured public address, and the archive's :meth:`~ganjina.archive.Archive.generation`
(the store's change counter and what the index's searcher holds), so a record added,
changed or withdrawn makes new pages at once. The generation is read for every request
(one store query, some 13 µs on SQLite), and a kept page is used for ``max_age`` seconds
at most, whatever the generation says (two index states with the same counts, after a
merge, could otherwise share a page). Only complete 200 answers in HTML that set no
cookie are kept; the JSON twin is not (it reports the time its search took).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ganjina.errors import GanjinaError
from ganjina.web import i18n

PATHS = frozenset({"/search"})

Key = tuple[Any, ...]
Page = tuple[float, list[Message]]


def prefers_json(accept: str) -> bool:
    """Whether an ``Accept`` header asks for JSON rather than HTML (``represent.py``)."""
    return "application/json" in accept and "text/html" not in accept


class _Lru:
    """At most ``size`` pages, the least recently used dropped first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[Key, Page] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Page | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Key, page: Page) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)


class PageCache:
    def __init__(
        self,
        app: ASGIApp,
        generation: Callable[[], Key],
        *,
        size: int,
        max_age: float,
        by_host: bool,
    ) -> None:
        self.app = app
        self.generation = generation
        self.pages = _Lru(size)
        self.max_age = max_age
        self.by_host = by_host

    def _current(self) -> Key | None:
        try:
            return self.generation()
        except GanjinaError:  # no usable index yet: nothing is kept
            return None

    def _key(self, scope: Scope, generation: Key) -> Key | None:
        # the first of a repeated header, as Starlette's ``request.headers.get`` reads it
        headers = {k: v for k, v in reversed(scope["headers"]) if k in _KEY_HEADERS}
        if prefers_json(headers.get(b"accept", b"").decode("latin-1")):
            return None
        query = scope.get("query_string", b"")
        ui = _ui_param(query.decode("latin-1")) if b"ui=" in query else None
        cookie = headers.get(b"cookie", b"").decode("latin-1")
        code = i18n.choose(
            ui,
            cookie_parser(cookie).get(i18n.COOKIE) if cookie else None,
            headers.get(b"accept-language", b"").decode("latin-1"),
        )
        host = headers.get(b"host") if self.by_host else None
        return (scope["path"], query, code, host, scope.get("scheme"), generation)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in PATHS:
            await self.app(scope, receive, send)
            return
        now = time.monotonic()
        generation = self._current()
        key = self._key(scope, generation) if generation is not None else None
        if key is None:
            await self.app(scope, receive, send)
            return
        kept = self.pages.get(key)
        if kept is not None and now - kept[0] < self.max_age:
            for message in kept[1]:
                await send(_copy(message))  # what is sent on may be changed on its way
            return

        sent: list[Message] = []
        keep = True

        async def send_and_keep(message: Message) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                names = {bytes(k).lower() for k, _ in message.get("headers", ())}
                keep = message["status"] == 200 and b"set-cookie" not in names
            if keep:
                sent.append(_copy(message))
            await send(message)

        await self.app(scope, receive, send_and_keep)
        complete = bool(sent) and not sent[-1].get("more_body", False)
        if keep and complete and sent[-1]["type"] == "http.response.body":
            self.pages.put(key, (now, sent))


_KEY_HEADERS = frozenset({b"accept", b"accept-language", b"cookie", b"host"})


def _copy(message: Message) -> Message:
    copy = dict(message)
    if "headers" in copy:
        copy["headers"] = list(copy["headers"])
    return copy


def _ui_param(query: str) -> str | None:
    """The ``ui`` parameter as Starlette's ``query_params.get`` reads it (the last)."""
    found = None
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == "ui":
            found = value
    return found
