"""Fixtures of the hardening tests: the archive fixtures, and small articles of our own."""

from __future__ import annotations

from tests.archive.conftest import (  # noqa: F401
    archive,
    archive_url,
    fresh_settings,
    index_dir,
    postgres_url,
)
