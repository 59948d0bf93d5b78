"""Fixtures of the cluster tests: a real Dask cluster, PostgreSQL schemas, corpora.

One cluster (a ``dask scheduler`` and two ``dask worker`` processes) serves the tests
that leave it as they found it; the fault tests that kill its processes start their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from archive.conftest import postgres_base

from .dask_cluster import ROOT, DaskCluster

SAMPLE = ROOT / "samples" / "en-flood-relief" / "article.md"


@pytest.fixture(autouse=True)
def _settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from ganjina.settings import get_settings

    monkeypatch.delenv("GANJINA_ARCHIVE", raising=False)
    monkeypatch.delenv("GANJINA_INDEX_DIR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def schema_url(base: str) -> tuple[str, str]:
    """A fresh schema on the server of ``base``: (its archive URL, its name)."""
    schema = "gjc_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(base: str, schema: str) -> None:
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL archive URL in a schema of its own."""
    base = postgres_base()
    url, schema = schema_url(base)
    yield url
    drop_schema(base, schema)


@pytest.fixture(scope="session")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaskCluster]:
    """A shared scheduler with two single-threaded workers, for the whole session."""
    postgres_base()  # no PostgreSQL, no point in starting a cluster
    cluster = DaskCluster(tmp_path_factory.mktemp("dask"), workers=2)
    cluster.start()
    yield cluster
    cluster.stop()


def corpus(folder: Path, n: int, *, start: int = 0, parts: int = 7) -> list[Path]:
    """``n`` distinct Markdown articles (the sample article, retitled), in ``parts``
    sub-folders, as a portal's archive might be laid out."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert "Flood relief reaches" in text
    out = []
    for i in range(start, start + n):
        variant = text.replace("Flood relief reaches", f"Flood relief {i} reaches")
        path = folder / f"part{i % parts}" / f"article-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(variant, encoding="utf-8")
        out.append(path)
    return out


def ganjina(
    *args: str, env: dict[str, str] | None = None, background: bool = False
) -> subprocess.Popen[str]:
    """Run the ``ganjina`` command of this worktree, in a process group of its own."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ganjina", *args],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    if not background:
        proc.wait(timeout=600)
    return proc


def count(url: str, table: str) -> int:
    """Rows of ``table`` (0 while the archive does not exist yet or is unreachable)."""
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            row = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error:
        return 0


def wait_for_rows(url: str, table: str, at_least: int, proc: subprocess.Popen[str]) -> int:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        n = count(url, table)
        if n >= at_least:
            return n
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the ingest ended before it could be disturbed: {out} {err}")
        time.sleep(0.05)
    pytest.fail(f"{table} never reached {at_least} rows")
