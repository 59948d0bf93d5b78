"""What the running site holds: the archive, its configuration, and short-lived counts.

Counts over the whole archive (``Archive.stats``, year totals in the solar calendar) are
the only slow reads behind the home, browse and about pages; they are kept for
``WebConfig.stats_ttl`` seconds. Two threads may both recompute after expiry; the
result is the same, so that costs time once and needs no lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.requests import Request

from ganjina.archive import Archive
from ganjina.web.config import WebConfig

T = TypeVar("T")


class SiteState:
    def __init__(self, archive: Archive, config: WebConfig) -> None:
        self.archive = archive
        self.config = config
        self._cache: dict[str, tuple[float, Any]] = {}

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, reused for ``stats_ttl`` seconds under ``key``."""
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is not None and now - hit[0] < self.config.stats_ttl:
            value: T = hit[1]
            return value
        value = compute()
        self._cache[key] = (now, value)
        return value

    def stats(self) -> dict[str, Any]:
        return self.cached("stats", self.archive.stats)


def site(request: Request) -> SiteState:
    """The state of the app serving ``request``."""
    state: SiteState = request.app.state.ganjina
    return state


def public_base(request: Request) -> str:
    """The site's public address, without a trailing slash: the configured base URL,
    else (local use) the address this request was made to."""
    configured = site(request).config.base_url
    return (configured or str(request.base_url)).rstrip("/")
