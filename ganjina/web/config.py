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
    #: articles per list page, entries per feed
    page_size: int = 20
    #: hits per search page: ten, as search engines show (each hit costs a snippet)
    search_page_size: int = 10
    #: records or identifiers per OAI-PMH response before a resumption token
    oai_page_size: int = 100
    #: how long counts for the home, browse and about pages are reused (seconds)
    stats_ttl: float = 30.0
    #: the editors' desk: session lifetimes, sign-in lockout, upload limits
    desk: DeskConfig = field(default_factory=DeskConfig)
