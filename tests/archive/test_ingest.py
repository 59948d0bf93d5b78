"""Ingest: walking, idempotence, updates with versions, failures in the import log."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ganjina.archive import Archive

from .helpers import fake_parser, write_fake


def _tree(root: Path, n: int = 6) -> list[Path]:
    files = [
        write_fake(root / f"y{i % 2}" / f"a{i}.txt", f"Story {i}", f"body{i} shared")
        for i in range(n)
    ]
    (root / "notes.xyz").write_text("not an article")  # unsupported: skipped by the walk
    (root / ".hidden").mkdir()
    write_fake(root / ".hidden" / "h.txt", "Hidden")  # hidden folders are skipped
    return files


def test_ingest_walks_and_stores_records_and_originals(archive: Archive, tmp_path: Path) -> None:
    files = _tree(tmp_path / "in")
    report = archive.ingest([tmp_path / "in"], workers=0, parser=fake_parser)
    assert (report.read, report.new, report.updated, report.unchanged, report.failed) == (
        6,
        6,
        0,
        0,
        0,
    )
    assert archive.search("shared").total == 6
    hit = archive.search("body3").hits[0]
    data, filename, media_type = archive.original(hit.id)  # type: ignore[misc]
    assert data == files[3].read_bytes()
    assert filename == "a3.txt" and media_type == "text/plain"


def test_second_run_skips_everything(archive: Archive, tmp_path: Path) -> None:
    _tree(tmp_path / "in")
    archive.ingest([tmp_path / "in"], workers=0, parser=fake_parser)
    report = archive.ingest([tmp_path / "in"], workers=0, parser=fake_parser)
    assert (report.read, report.new, report.unchanged) == (6, 0, 6)
    assert archive.stats()["records"] == 6


def test_same_file_twice_is_stored_once(archive: Archive, tmp_path: Path) -> None:
    f = write_fake(tmp_path / "a" / "x.txt", "Twin", "same bytes")
    shutil.copy(f, tmp_path / "b.txt")
    os.utime(f, ns=(1, 1))  # touched: read again, but the bytes are known
    report = archive.ingest([f, tmp_path / "b.txt", f], workers=0, parser=fake_parser)
    assert report.new == 1
    stats = archive.stats()
    assert (stats["records"], stats["originals"], stats["versions"]) == (1, 1, 0)


def test_changed_file_updates_its_record_and_keeps_the_old(
    archive: Archive, tmp_path: Path
) -> None:
    f = write_fake(tmp_path / "x.txt", "Draft title", "first wording")
    archive.ingest([f], workers=0, parser=fake_parser)
    first_id = archive.search("first").hits[0].id
    write_fake(tmp_path / "x.txt", "Final title", "second wording")
    os.utime(f, ns=(10**18, 10**18))
    report = archive.ingest([f], workers=0, parser=fake_parser)
    assert (report.new, report.updated) == (0, 1)
    assert archive.stats()["records"] == 1
    record = archive.get(first_id)
    assert record is not None and record.title == "Final title"
    assert archive.search("first").total == 0
    assert archive.search("second").hits[0].id == first_id
    old = archive.get(first_id, version=1)
    assert old is not None and old.title == "Draft title"
    assert archive.original(first_id, version=1).data.startswith(b"Draft")  # type: ignore[union-attr]


def test_bad_files_never_stop_the_batch(archive: Archive, tmp_path: Path) -> None:
    write_fake(tmp_path / "1.txt", "Good one")
    (tmp_path / "2.txt").write_text("BAD\nx")
    (tmp_path / "3.txt").write_text("BOOM\nx")
    write_fake(tmp_path / "4.txt", "Good two")
    missing = tmp_path / "missing.txt"
    report = archive.ingest([tmp_path, missing], workers=0, parser=fake_parser)
    assert (report.new, report.failed) == (2, 3)
    reasons = {Path(f.path).name: f.message for f in report.failures}
    assert reasons["2.txt"] == "truncated file"
    assert reasons["3.txt"] == "unexpected RuntimeError: reader bug"
    assert reasons["missing.txt"].startswith("cannot open")
    logged = {Path(f.path).name for f in archive.errors()}
    assert logged == {"2.txt", "3.txt", "missing.txt"}
    assert archive.stats()["health"]["failed_files"] == 3
    # fixed, the file is read on the next run and leaves the list (not the history)
    write_fake(tmp_path / "2.txt", "Repaired")
    report = archive.ingest([tmp_path], workers=0, parser=fake_parser)
    assert report.new == 1
    assert {Path(f.path).name for f in archive.errors()} == {"3.txt", "missing.txt"}
    assert len(archive.errors(history=True)) == 4


def test_parallel_workers_give_the_same_result(archive: Archive, tmp_path: Path) -> None:
    _tree(tmp_path / "in", n=12)
    (tmp_path / "in" / "bad.txt").write_text("BAD\n")
    report = archive.ingest([tmp_path / "in"], workers=2, parser=fake_parser)
    assert (report.new, report.failed) == (12, 1)
    assert archive.search("shared").total == 12


class _Recorder:
    def __init__(self, stop_after: int | None = None) -> None:
        self.total: int | None = None
        self.events: list[tuple[str, str]] = []
        self.stop_after = stop_after

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, path: str, status: str) -> None:
        self.events.append((Path(path).name, status))
        if self.stop_after is not None and len(self.events) >= self.stop_after:
            raise KeyboardInterrupt


def test_progress_is_reported(archive: Archive, tmp_path: Path) -> None:
    _tree(tmp_path / "in", n=3)
    rec = _Recorder()
    archive.ingest([tmp_path / "in"], workers=0, parser=fake_parser, progress=rec)
    assert rec.total == 3
    assert sorted(rec.events) == [("a0.txt", "new"), ("a1.txt", "new"), ("a2.txt", "new")]


def test_ctrl_c_stops_cleanly_and_a_rerun_finishes(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GANJINA_BATCH_SIZE", "3")
    from ganjina.settings import get_settings

    get_settings.cache_clear()
    archive.settings = get_settings()
    _tree(tmp_path / "in", n=10)
    report = archive.ingest(
        [tmp_path / "in"], workers=0, parser=fake_parser, progress=_Recorder(stop_after=7)
    )
    assert report.interrupted
    saved = archive.stats()["records"]
    assert 0 < saved < 10  # whole batches only
    assert archive.search("shared").total == saved
    report = archive.ingest([tmp_path / "in"], workers=0, parser=fake_parser)
    assert not report.interrupted
    assert report.new == 10 - saved
    assert archive.stats()["records"] == 10
    assert archive.search("shared").total == 10


def test_samples_with_the_real_reader(tmp_path: Path) -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    pdfs = sorted(samples.glob("*/article.pdf"))
    assert pdfs, "the sample corpus is part of the repository"
    with Archive.open(tmp_path / "a", create=True) as archive:
        report = archive.ingest(pdfs, workers=0)
        assert report.failed == 0, report.failures
        assert report.new == len(pdfs)
        for hit in archive.search("", limit=50).hits:
            original = archive.original(hit.id)
            assert original is not None and original.media_type == "application/pdf"


@pytest.mark.slow
def test_a_crashing_or_hanging_reader_is_blamed_on_its_file(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ganjina.archive.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "READ_TIMEOUT_SECONDS", 5.0)
    for i in range(4):
        write_fake(tmp_path / f"ok{i}.txt", f"Fine {i}", "fine words")
    (tmp_path / "crash.txt").write_text("CRASH\n")
    (tmp_path / "hang.txt").write_text("HANG\n")
    report = archive.ingest([tmp_path], workers=2, parser=fake_parser)
    assert (report.new, report.failed) == (4, 2)
    reasons = {Path(f.path).name: f.message for f in report.failures}
    assert reasons == {
        "crash.txt": "the reader crashed on this file",
        "hang.txt": "reading took longer than 5 s",
    }
    assert archive.search("fine").total == 4
