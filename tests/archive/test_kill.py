"""A real ``ganjina ingest`` killed halfway (kill -9 of the whole process group, as a power
loss would; then Ctrl-C) and run again: no duplicate, no loss, no corrupt state."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.archive.sqlite import DB_NAME

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "en-flood-relief" / "article.md"
N = 400

pytestmark = pytest.mark.slow


def _corpus(folder: Path, n: int = N) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert "Flood relief reaches" in text
    for i in range(n):
        variant = text.replace("Flood relief reaches", f"Flood relief {i} reaches")
        path = folder / f"batch{i % 7}" / f"article-{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(variant, encoding="utf-8")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the archive goes: a folder, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        return str(tmp_path / "archive")
    url: str = request.getfixturevalue("postgres_url")
    return url


def _ingest(folder: Path, archive: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "GANJINA_BATCH_SIZE": "20",
        "PYTHONPATH": str(ROOT),
        "GANJINA_INDEX_DIR": str(folder.parent / "index"),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ganjina",
            "ingest",
            str(folder),
            "--archive",
            str(archive),
            "--workers",
            "2",
            "--no-progress",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, workers included
    )


def _saved(archive: str) -> int:
    if archive.startswith("postgresql:"):
        import psycopg

        try:
            with psycopg.connect(archive) as conn:
                row = conn.execute("SELECT COUNT(*) FROM files").fetchone()
                return int(row[0]) if row else 0
        except psycopg.Error:
            return 0
    try:
        uri = f"file:{Path(archive) / DB_NAME}?mode=ro"
        with sqlite3.connect(uri, uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM files").fetchone()[0])
    except sqlite3.Error:
        return 0


def _wait_for(archive: str, at_least: int, proc: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        n = _saved(archive)
        if n >= at_least:
            return n
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"ingest ended before it could be stopped: {out!r} {err!r}")
        time.sleep(0.02)
    pytest.fail("ingest made no progress")


def _intact(archive: str) -> None:
    if not archive.startswith("postgresql:"):
        with sqlite3.connect(Path(archive) / DB_NAME) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _check_complete(archive_url: str, index_dir: Path) -> None:
    _intact(archive_url)
    with Archive.open(archive_url, index_dir=index_dir) as archive:
        stats = archive.stats()
        assert stats["records"] == N
        assert stats["files"] == N
        assert stats["originals"] == N
        assert stats["versions"] == 0  # nothing was stored twice as a spurious update
        assert stats["health"]["failed_files"] == 0
        result = archive.search("flood", limit=1)
        assert result.total == N
        assert archive.index.num_docs() == N
        assert stats["index"]["behind"] == 0
        ids = {h.id for h in archive.search("relief", limit=1000).hits}
        assert len(ids) == N


def test_kill_9_halfway_then_resume(tmp_path: Path, target: str) -> None:
    _corpus(tmp_path / "in")
    archive = target
    for stop_at in (40, 160):  # killed twice, at different points
        proc = _ingest(tmp_path / "in", archive)
        saved = _wait_for(archive, stop_at, proc)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        assert saved < N
        _intact(archive)
    proc = _ingest(tmp_path / "in", archive)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    summary = out.decode()
    assert f"read {N} files" in summary and "0 failed" in summary
    _check_complete(archive, tmp_path / "index")


def test_ctrl_c_then_resume(tmp_path: Path, target: str) -> None:
    _corpus(tmp_path / "in")
    archive = target
    proc = _ingest(tmp_path / "in", archive)
    _wait_for(archive, 60, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    # the summary says so on stdout; a Ctrl-C that lands inside a PostgreSQL call is
    # reported as a one-line error on stderr instead (nothing was committed)
    assert "interrupted" in out.decode() + err.decode()
    assert "Traceback" not in err.decode()
    proc = _ingest(tmp_path / "in", archive)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    _check_complete(archive, tmp_path / "index")
