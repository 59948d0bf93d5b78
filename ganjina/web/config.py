"""What a site needs to know beyond the archive, fixed when the app is made.

Not environment settings: the archive location comes from ``ganjina.settings`` (read
once, ``GANJINA_ARCHIVE``); these are choices of whoever starts the site (the CLI, the
tests, the benchmark) and are passed to :func:`ganjina.web.create_app` explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ganjina.web.desk.config import DeskConfig
from ganjina.web.i18n import N_

#: the site's name unless another is chosen; translated in each interface language
DEFAULT_NAME = N_("Ganjina — Afghanistan Azad archive")


@dataclass(frozen=True)
class WebConfig:
    #: shown as the site's name, in feeds and in OAI-PMH Identify
    name: str = DEFAULT_NAME
    #: the middle part of OAI identifiers, ``oai:<repository_id>:<article id>``; keep it
    #: stable once harvesters know the site
    repository_id: str = "ganjina"
    #: OAI-PMH Identify needs one; None takes the portal's address from the records
    admin_email: str | None = None
    #: the public address every absolute URL is made from; only its host is served.
    #: None: each request's own (local use)
    base_url: str | None = None
    #: articles per list page, entries per feed
    page_size: int = 20
    #: hits per search page: ten, as search engines show (each hit costs a snippet)
    search_page_size: int = 10
    #: records or identifiers per OAI-PMH response before a resumption token
    oai_page_size: int = 100
    #: how long counts for the home, browse and about pages are reused (seconds)
    stats_ttl: float = 30.0
    #: finished search pages kept (``pagecache.py``); None: ``GANJINA_PAGE_CACHE``
    page_cache: int | None = None
    #: the longest a kept search page is used (seconds), changed archive or not
    page_cache_seconds: float = 60.0
    #: the editors' desk: session lifetimes, sign-in lockout, upload limits
    desk: DeskConfig = field(default_factory=DeskConfig)

    def with_settings(self) -> WebConfig:
        """This config, with the base URL and administrator's address of the environment
        (``GANJINA_BASE_URL``, ``GANJINA_ADMIN_EMAIL``, ``GANJINA_PAGE_CACHE``) where it
        sets none itself."""
        from dataclasses import replace

        from ganjina.settings import get_settings

        settings = get_settings()
        return replace(
            self,
            base_url=self.base_url or settings.base_url,
            admin_email=self.admin_email or settings.admin_email,
            page_cache=settings.page_cache if self.page_cache is None else self.page_cache,
        )


def checked_base_url(url: str) -> tuple[str, str]:
    """``(base without a trailing slash, host)`` of a public base URL, or ValueError."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise ValueError(f"not a base URL (http:// or https:// and a host): {url!r}")
    return url.strip().rstrip("/"), parts.hostname
