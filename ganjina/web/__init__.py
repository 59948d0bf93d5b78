"""The archive on the web: server-rendered pages, their JSON twins, a JSON API, Atom feeds,
OAI-PMH and a sitemap, all read-only and all drawn from :class:`ganjina.archive.Archive`.

    >>> from ganjina.web import create_app
    >>> app = create_app("ganjina-demo")  # doctest: +SKIP

See ``docs/web.md``. ``create_app`` is imported on first use, so that the catalogue tool
(``python -m ganjina.web.i18n``) does not load FastAPI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ganjina.web.app import create_app
    from ganjina.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from ganjina.web.app import create_app

        return create_app
    if name == "WebConfig":
        from ganjina.web.config import WebConfig

        return WebConfig
    raise AttributeError(f"module 'ganjina.web' has no attribute {name!r}")
