"""Settings, read once from the environment (prefix ``GANJINA_``), typed, each with help.

Every setting is declared in :data:`SETTINGS` with its type, default and help text; a test
fails when one is missing from the documentation. Read them through :func:`get_settings`,
which parses the environment the first time it is called and caches the result (tests
call ``get_settings.cache_clear()`` or build :class:`Settings` from their own mapping).

Example::

    >>> Settings.from_env({"GANJINA_WORKERS": "3"}).workers
    3
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

PREFIX = "GANJINA_"


@dataclass(frozen=True)
class Setting:
    """One documented setting: the attribute ``name`` is read from ``GANJINA_<NAME>``."""

    name: str
    parse: Callable[[str], Any]
    default: Any
    help: str

    @property
    def env(self) -> str:
        return PREFIX + self.name.upper()


def _optional_str(value: str) -> str | None:
    return value or None


def _optional_seconds(value: str) -> float | None:
    if not value:
        return None
    seconds = float(value)
    if not seconds > 0:
        raise ValueError("must be more than 0 seconds")
    return seconds


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError("must be 0 or more")
    return number


#: Every setting Ganjina reads; the order is the order of the documentation.
SETTINGS: tuple[Setting, ...] = (
    Setting(
        "archive",
        str,
        "./ganjina-archive/",
        "Where the archive lives when no --archive is given: a folder (SQLite file plus "
        "search index) or a postgresql:// URL.",
    ),
    Setting(
        "index_dir",
        _optional_str,
        None,
        "Folder of the Tantivy search index. Default: `index/` inside an SQLite archive; "
        "`./ganjina-index/` for a PostgreSQL archive.",
    ),
    Setting(
        "workers",
        _positive_int,
        0,
        "Processes reading files during ingest; 0 means one per CPU core.",
    ),
    Setting(
        "read_timeout",
        _optional_seconds,
        None,
        "Seconds one file may take to read (ingest and parse) before it is reported as "
        "failed; empty means 300.",
    ),
    Setting(
        "batch_size",
        _positive_int,
        200,
        "Records written to the store in one transaction during ingest.",
    ),
    Setting(
        "index_commit_seconds",
        float,
        10.0,
        "How often a long ingest commits the search index (it is always committed at the end).",
    ),
    Setting(
        "index_memory_mb",
        _positive_int,
        256,
        "Memory budget of the search index writer, in megabytes.",
    ),
    Setting(
        "base_url",
        _optional_str,
        None,
        "The site's public address (`https://archive.example.org`). Every absolute URL the "
        "site writes (feeds, sitemap, robots.txt, OAI-PMH, JSON-LD) is made from it, and a "
        "request for any other host is refused with 400. Empty: each request's own host, "
        "for local use only (a Host header could then poison caches and feed ids).",
    ),
    Setting(
        "admin_email",
        _optional_str,
        None,
        "The address OAI-PMH Identify gives as the repository's administrator. Empty: the "
        "portal's address from the newest record.",
    ),
    Setting(
        "page_cache",
        _positive_int,
        256,
        "Search pages each server process keeps finished (a least-recently-used list of "
        "HTML pages, used while the archive is unchanged and for 60 s at most); 0 keeps none.",
    ),
    Setting(
        "test_postgres",
        _optional_str,
        None,
        "PostgreSQL URL the test suite uses for its PostgreSQL runs (set by .ci/postgres.sh).",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Typed values of :data:`SETTINGS` (a test keeps the two in step)."""

    archive: str = "./ganjina-archive/"
    index_dir: str | None = None
    workers: int = 0
    read_timeout: float | None = None
    batch_size: int = 200
    index_commit_seconds: float = 10.0
    index_memory_mb: int = 256
    base_url: str | None = None
    admin_email: str | None = None
    page_cache: int = 256
    test_postgres: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``environ`` (default ``os.environ``); a bad value names its variable."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            raw = env.get(setting.env)
            if raw is None:
                continue
            try:
                values[setting.name] = setting.parse(raw.strip())
            except ValueError as err:
                raise ValueError(f"{setting.env}={raw!r}: {err}") from None
        return cls(**values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings.from_env()
