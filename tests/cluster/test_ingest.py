"""A cluster ingest (real ``dask scheduler`` and ``dask worker`` processes, real
PostgreSQL) gives the same archive as a local ingest of the same files, and a rerun adds
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from ganjina.archive import Archive

from .conftest import corpus, count, ganjina
from .dask_cluster import ROOT, DaskCluster

SAMPLES = ROOT / "samples"

pytestmark = pytest.mark.postgres


def _records(archive: Archive) -> dict[str, dict[str, object]]:
    return {a.id: a.to_dict() for a in archive.iter_articles()}


def _files(url: str) -> dict[str, tuple[str, str | None]]:
    """path -> (sha256, the id of the record it gave) from the files table."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT f.path, f.sha256, a.id FROM files f LEFT JOIN articles a ON a.num = f.num"
        ).fetchall()
    return {p: (s, i) for p, s, i in rows}


def _cluster_ingest(
    url: str, cluster: DaskCluster, *paths: str, extra: tuple[str, ...] = ()
) -> dict[str, object]:
    proc = ganjina(
        "ingest", *paths, "--archive", url, "--scheduler", cluster.address, "--json", *extra
    )
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    report: dict[str, object] = json.loads(out)
    return report


@pytest.mark.slow
def test_samples_as_a_local_sqlite_ingest(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    report = _cluster_ingest(pg_url, dask_cluster, str(SAMPLES))
    cluster = report["cluster"]
    assert isinstance(cluster, dict) and cluster["tasks"] >= 2
    assert (
        report["failed"] == 0
        and report["read"]
        == report["new"] + report["updated"] + report["unchanged"] + report["not_articles"]
    )
    with Archive.open(tmp_path / "local", create=True) as local:
        local_report = local.ingest([str(SAMPLES)], workers=1)
        expected = _records(local)
        # the only files set aside are those that are not articles
        local_files = {Path(f.path).name: f.message for f in local.store.errors()}
        assert local_files and all(m.startswith("not an article") for m in local_files.values())
    with Archive.open(pg_url, index_dir=tmp_path / "index") as shared:
        got = _records(shared)
        assert set(got) == set(expected)  # the same ids
        for rid, record in expected.items():
            assert got[rid] == record, rid  # the same fields, every one
        assert {Path(f.path).name: f.message for f in shared.store.errors()} == local_files
        mine, theirs = shared.stats(), local.stats()
        for key in ("records", "files", "originals", "original_bytes", "by_language"):
            assert mine[key] == theirs[key], key
        # the node's index is built from the store and finds what the local one finds
        assert shared.search("flood").total == local.search("flood").total > 0
    assert report["read"] == local_report.read
    # READMEs and a publisher's sources are set aside, not failed, as locally
    assert report["not_articles"] == local_report.not_articles > 0
    # a rerun reads nothing again and adds nothing
    rows = {t: count(pg_url, t) for t in ("articles", "versions", "blobs", "files", "people")}
    again = _cluster_ingest(pg_url, dask_cluster, str(SAMPLES))
    assert again["unchanged"] + again["not_articles"] == again["read"] == report["read"]
    assert again["not_articles"] == report["not_articles"]  # looked at again, as locally
    assert again["new"] == again["updated"] == again["failed"] == 0
    assert {t: count(pg_url, t) for t in rows} == rows


def test_fsspec_urls_and_files_read_by_the_workers(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    paths = corpus(tmp_path / "in", 30)
    # file:// URLs go through fsspec on the client and on the workers; nothing shipped
    report = _cluster_ingest(
        pg_url, dask_cluster, (tmp_path / "in").as_uri(), extra=("--ship-max", "0")
    )
    assert report["new"] == 30 and report["failed"] == 0
    files = _files(pg_url)
    assert set(files) == {str(p) for p in paths}  # keyed as a local ingest keys them
    # the same files named as local paths: already read, by path and by content
    again = _cluster_ingest(pg_url, dask_cluster, str(tmp_path / "in"))
    assert again["unchanged"] == 30 and again["new"] == 0
    # a copy at a new path is known by its bytes: no new record, the path remembered
    copy = tmp_path / "copy" / "same.md"
    copy.parent.mkdir()
    copy.write_bytes(paths[0].read_bytes())
    third = _cluster_ingest(pg_url, dask_cluster, str(copy))
    assert third["unchanged"] == 1 and third["new"] == 0
    assert _files(pg_url)[str(copy)][1] == files[str(paths[0])][1]


def test_bad_files_never_stop_the_batch(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    corpus(tmp_path / "in", 20)
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    (tmp_path / "in" / "empty.docx").write_bytes(b"")
    missing = tmp_path / "in" / "gone.md"
    proc = ganjina(
        "ingest", str(tmp_path / "in"), str(missing), "--archive", pg_url,
        "--scheduler", dask_cluster.address, "--no-progress",
    )  # fmt: skip
    out, err = proc.communicate()
    assert proc.returncode == 1  # some files failed: reported, not fatal
    assert "read 23 files: 20 new, 0 updated, 0 unchanged, 3 failed" in out
    assert "failed: " in err and "broken.pdf" in err and "gone.md" in err
    assert "Traceback" not in err
    with Archive.open(pg_url, index_dir=tmp_path / "index") as archive:
        failures = {Path(f.path).name: f.message for f in archive.errors()}
        assert set(failures) == {"broken.pdf", "empty.docx", "gone.md"}
        assert "cannot open" in failures["gone.md"]
        assert len(archive.errors(history=True)) == 3


def test_cluster_needs_postgresql_and_a_reachable_scheduler(tmp_path: Path, pg_url: str) -> None:
    proc = ganjina(
        "ingest", str(SAMPLES), "--archive", str(tmp_path / "a"), "--scheduler", "tcp://127.0.0.1:9"
    )
    _out, err = proc.communicate()
    assert proc.returncode == 2 and "needs a postgresql:// archive" in err
    proc = ganjina(
        "ingest", str(SAMPLES), "--archive", pg_url, "--scheduler", "tcp://127.0.0.1:9",
        "--connect-timeout", "2",
    )  # fmt: skip
    _out, err = proc.communicate()
    assert proc.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
