"""Faults in the middle of a cluster ingest, made for real: a worker killed with
``kill -9``, the client killed, PostgreSQL stopped for a few seconds (and for longer than
the retry bound), two overlapping ingests at once. After each: every file once, nothing
duplicated, nothing half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from .conftest import corpus, count, ganjina, schema_url, wait_for_rows
from .dask_cluster import DaskCluster
from .private_pg import PrivatePostgres

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

N = 480


def _start(
    url: str, cluster: DaskCluster, *paths: Path, extra: tuple[str, ...] = ()
) -> subprocess.Popen[str]:
    return ganjina(
        "ingest", *map(str, paths), "--archive", url, "--scheduler", cluster.address,
        "--files-per-task", "4", "--json", *extra, background=True,
    )  # fmt: skip


def _finish(proc: subprocess.Popen[str]) -> dict[str, object]:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err
    report: dict[str, object] = json.loads(out)
    return report


def _complete(url: str, n: int = N) -> None:
    """Every file once: one record, one original, one files row each; nothing twice."""
    with psycopg.connect(url) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT COUNT(*) FROM articles") == n
        assert one("SELECT COUNT(DISTINCT id) FROM articles") == n
        assert one("SELECT COUNT(*) FROM files WHERE error IS NULL AND num IS NOT NULL") == n
        assert one("SELECT COUNT(*) FROM files") == n
        assert one("SELECT COUNT(*) FROM blobs") == n
        assert one("SELECT COUNT(*) FROM versions") == 0  # nothing stored twice as an update
        assert one("SELECT COUNT(*) FROM import_log") == 0
        # every record has its original and its author
        assert one("SELECT COUNT(*) FROM articles a JOIN blobs b USING (sha256)") == n
        assert one("SELECT COUNT(DISTINCT num) FROM people") == n
        # the change numbers are unique and have no holes a follower could fall into
        assert one("SELECT COUNT(DISTINCT seq) FROM articles") == n


@pytest.fixture
def own_cluster(tmp_path: Path) -> Iterator[DaskCluster]:
    with DaskCluster(tmp_path / "dask", workers=2) as cluster:
        yield cluster


def test_kill_9_a_worker_mid_run(tmp_path: Path, pg_url: str, own_cluster: DaskCluster) -> None:
    corpus(tmp_path / "in", N)
    proc = _start(pg_url, own_cluster, tmp_path / "in")
    saved = wait_for_rows(pg_url, "files", 40, proc)
    own_cluster.kill_worker(1)  # nanny and worker together, as a machine dying would
    assert saved < N and proc.poll() is None
    report = _finish(proc)
    # a task the dead worker had committed but not yet reported runs again elsewhere,
    # and finds its files stored: unchanged, not new twice
    assert report["new"] + report["unchanged"] == N and report["failed"] == 0
    assert report["unchanged"] <= 2 * 4  # at most its running and its next task
    _complete(pg_url)


def test_kill_the_client_then_run_again(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    corpus(tmp_path / "in", N)
    proc = _start(pg_url, dask_cluster, tmp_path / "in")
    wait_for_rows(pg_url, "files", 40, proc)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    before = count(pg_url, "files")
    assert 0 < before < N
    report = _finish(_start(pg_url, dask_cluster, tmp_path / "in"))
    # what the killed run saved is skipped (a task it left running may still have been
    # committing while this run started: it then counts as unchanged here)
    assert report["new"] + report["unchanged"] == N and report["failed"] == 0
    assert report["unchanged"] >= before
    _complete(pg_url)


def test_postgres_stopped_for_seconds_mid_run(tmp_path: Path, dask_cluster: DaskCluster) -> None:
    server = PrivatePostgres().start()
    try:
        url, _schema = schema_url(server.url)
        corpus(tmp_path / "in", N)
        proc = _start(url, dask_cluster, tmp_path / "in")
        wait_for_rows(url, "files", 40, proc)
        server.stop("fast")  # every session cut, new ones refused
        time.sleep(4)
        assert proc.poll() is None  # waiting, not failing
        server.start()
        report = _finish(proc)
        assert report["new"] + report["unchanged"] == N and report["failed"] == 0
        _complete(url)
    finally:
        server.remove()


def test_postgres_away_longer_than_the_bound_stops_with_one_line(
    tmp_path: Path, dask_cluster: DaskCluster
) -> None:
    server = PrivatePostgres().start()
    try:
        url, _schema = schema_url(server.url)
        corpus(tmp_path / "in", N)
        proc = _start(url, dask_cluster, tmp_path / "in", extra=("--store-wait", "3"))
        wait_for_rows(url, "files", 40, proc)
        server.stop("fast")
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 2
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err, err
        assert "cannot reach the archive" in lines[0] and "run the same command again" in lines[0]
        server.start()
        report = _finish(_start(url, dask_cluster, tmp_path / "in"))
        assert report["failed"] == 0
        _complete(url)
    finally:
        server.remove()


def test_two_overlapping_ingests_at_once(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    corpus(tmp_path / "in", N, parts=3)
    parts = [tmp_path / "in" / f"part{i}" for i in range(3)]
    first = _start(pg_url, dask_cluster, parts[0], parts[1])
    second = _start(pg_url, dask_cluster, parts[1], parts[2])
    a, b = _finish(first), _finish(second)
    # each file is new exactly once, whichever ingest got to it first
    assert a["new"] + b["new"] == N
    assert a["failed"] == b["failed"] == 0
    overlap = len(list(parts[1].iterdir()))
    assert a["unchanged"] + b["unchanged"] == overlap
    _complete(pg_url)


def test_a_reader_that_crashes_or_hangs_fails_its_file_only(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    from archive.helpers import fake_parser, write_fake

    from ganjina.cluster import ClusterIngest, ClusterOptions

    def run(folder: Path, bad: tuple[str, ...]) -> tuple[ClusterIngest, dict[str, str]]:
        for i in range(6):
            write_fake(folder / f"good{i}.txt", f"Good article {folder.name} {i}")
        for name in bad:
            (folder / f"{name.lower()}.txt").write_text(f"{name}\nbody\n", encoding="utf-8")
        options = ClusterOptions(
            dask_cluster.address, files_per_task=4, timeout=3, links=False, ship_max_bytes=0
        )
        job = ClusterIngest(pg_url, options, parser=fake_parser)
        report = job.run([str(folder)])
        # a task finished on a worker killed before its result was fetched runs again:
        # its files are found stored (unchanged), never stored twice
        assert report.new + report.unchanged == 6 and report.failed == len(bad)
        return job, {Path(f.path).stem: f.message for f in report.failures}

    # a reader killing its process kills the worker: Dask replaces it, runs the task
    # again, and after a second death the file alone is blamed
    _job, failures = run(tmp_path / "a", ("CRASH", "BAD"))
    assert "died" in failures["crash"]
    assert failures["bad"] == "truncated file"
    dask_cluster.wait_for_workers(2)  # nannies restarted the killed workers
    # a hanging reader fails its file after the timeout; its worker is restarted after
    job, failures = run(tmp_path / "b", ("HANG", "BOOM"))
    assert failures["hang"] == "reading took longer than 3 s"
    assert failures["boom"] == "unexpected RuntimeError: reader bug"
    assert job.restarts == 1
    dask_cluster.wait_for_workers(2)
    with psycopg.connect(pg_url) as conn:
        logged = conn.execute("SELECT COUNT(*) FROM import_log").fetchone()
        assert logged is not None and logged[0] == 4  # each failure logged once
