"""Fixtures: a fresh archive per test, on SQLite and (marked ``postgres``) on PostgreSQL.

PostgreSQL runs need ``GANJINA_TEST_POSTGRES`` (``source .ci/postgres.sh``). Without it
those tests skip on a developer's machine, but under ``CI=true`` they fail: CI must test
both backends. Each PostgreSQL test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.settings import get_settings


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Settings are read once per process: make every test read its own environment."""
    monkeypatch.delenv("GANJINA_ARCHIVE", raising=False)
    monkeypatch.delenv("GANJINA_INDEX_DIR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def postgres_base() -> str:
    """The test server's URL, or skip (fail under CI) when there is none."""
    url = os.environ.get("GANJINA_TEST_POSTGRES")
    problem = None
    if not url:
        problem = "GANJINA_TEST_POSTGRES is not set (source .ci/postgres.sh)"
    else:
        try:
            import psycopg

            with psycopg.connect(url, connect_timeout=5):
                pass
        except Exception as err:
            problem = f"cannot reach PostgreSQL at GANJINA_TEST_POSTGRES: {err}"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true needs PostgreSQL: {problem}")
        pytest.skip(problem)
    assert url is not None
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL archive URL in a fresh schema."""
    import psycopg

    base = postgres_base()
    schema = "gj_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def archive_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh archive goes, for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "archive")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def archive(archive_url: str, index_dir: Path) -> Iterator[Archive]:
    with Archive.open(archive_url, create=True, index_dir=index_dir) as a:
        yield a
