"""The index is derived: rebuilt on demand, caught up after a crash from its seq."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.archive.index import STATE_NAME

from .helpers import article


def _store_only(archive: Archive, title: str, body: str = "Body.") -> None:
    """Save a record as a crash right after the store commit would leave it: unindexed."""
    archive.store.acquire_writer()
    with archive.store.write():
        archive.store.put(article(title, body))
    archive.store.release_writer()


def test_catch_up_after_a_crash(archive_url: str, index_dir: Path) -> None:
    with Archive.open(archive_url, create=True, index_dir=index_dir) as archive:
        archive.add(article("Indexed", "alpha"))
        _store_only(archive, "Lost in a crash", "beta gamma")
        state = json.loads((index_dir / STATE_NAME).read_text())
        assert state["seq"] == 1
    with Archive.open(archive_url, index_dir=index_dir) as archive:
        assert archive.search("beta").total == 1  # caught up on first search
        assert archive.search("alpha").total == 1
        assert archive.stats()["index"]["behind"] == 0
    assert json.loads((index_dir / STATE_NAME).read_text())["seq"] == 2


def test_a_writer_catches_up_before_writing(archive: Archive) -> None:
    archive.add(article("One", "first"))
    _store_only(archive, "Two", "second")
    archive.add(article("Three", "third"))
    assert {h.title for h in archive.search("first OR second OR third").hits} == {
        "One",
        "Two",
        "Three",
    }


def test_replaying_changes_twice_is_harmless(archive_url: str, index_dir: Path) -> None:
    with Archive.open(archive_url, create=True, index_dir=index_dir) as archive:
        archive.add_many([article(f"Doc {i}", f"common word{i}") for i in range(5)])
    # A crash between the index commit and the state file write: state says 0.
    state_path = index_dir / STATE_NAME
    state = json.loads(state_path.read_text())
    state_path.write_text(json.dumps({**state, "seq": 0}))
    with Archive.open(archive_url, index_dir=index_dir) as archive:
        assert archive.search("common").total == 5


def test_lost_or_foreign_index_is_rebuilt(archive_url: str, index_dir: Path) -> None:
    with Archive.open(archive_url, create=True, index_dir=index_dir) as archive:
        archive.add(article("Keep me", "delta"))
    shutil.rmtree(index_dir)
    with Archive.open(archive_url, index_dir=index_dir) as archive:
        assert archive.search("delta").total == 1
    state_path = index_dir / STATE_NAME
    state = json.loads(state_path.read_text())
    state_path.write_text(json.dumps({**state, "store": "some-other-archive"}))
    with Archive.open(archive_url, index_dir=index_dir) as archive:
        assert archive.search("delta").total == 1
    state_path.write_text(json.dumps({**state, "schema": 0}))
    with Archive.open(archive_url, index_dir=index_dir) as archive:
        assert archive.search("delta").total == 1
    state_path.write_text("{not json")
    with Archive.open(archive_url, index_dir=index_dir) as archive:
        assert archive.search("delta").total == 1


def test_reindex(archive: Archive) -> None:
    archive.add_many([article(f"Doc {i}", "epsilon") for i in range(3)])
    assert archive.reindex() == 3
    assert archive.search("epsilon").total == 3
    assert archive.index.num_docs() == 3


def test_default_layout_keeps_the_index_in_the_archive_folder(tmp_path: Path) -> None:
    root = tmp_path / "ganjina-archive"
    with Archive.open(root, create=True) as archive:
        archive.add(article("Layout"))
    assert (root / "archive.sqlite3").is_file()
    assert (root / "index" / STATE_NAME).is_file()


def test_a_bulk_load_commits_the_index_by_count_and_always_at_the_end(
    archive: Archive,
) -> None:
    from ganjina.archive.batch import BatchWriter

    seen: list[int] = []
    with BatchWriter(archive.store, archive.index, batch_size=1, commit_every=3) as writer:
        for i in range(7):
            writer.put(article(f"Bulk {i}", f"bulkword{i}"))
            seen.append(archive.index.seq)
    # committed after the 3rd and the 6th document only: behind the store in between
    assert seen == [0, 0, 3, 3, 3, 6, 6]
    assert archive.index.seq == 7  # the end commits the rest
    assert archive.search("bulkword6").total == 1


def test_a_catch_up_keyed_in_helper_processes_builds_the_same_index(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ganjina.archive import batch
    from ganjina.archive.index import SearchIndex

    texts = ["آب و برق می‌شود", "Trinkwasserversorgung im Dorf", "flooded villages", "کورونه"]
    archive.add_many(
        [article(f"Doc {i}", f"{texts[i % 4]} catchword{i}", language=lang)
         for i, lang in enumerate(["fa-AF", "de", "en", "ps"] * 5)]
    )  # fmt: skip
    # small pieces and commits, so the pool gets many parts and the index commits between
    monkeypatch.setattr(batch, "CATCH_UP_PIECE", 3)
    built = {}
    for workers in (0, 1):
        index = SearchIndex(tmp_path / f"pooled-{workers}", archive.store.uuid)
        assert batch.catch_up(archive.store, index, commit_every=4, workers=workers) == 20
        assert index.seq == archive.store.max_seq()
        searcher = index.searcher()
        built[workers] = {
            (field, term): index.doc_freq(field, term, searcher)
            for field in ("body", "forms", "loose", "title")
            for term in ("catchword7", "villag", "wass", "کور", "شود", "doc", "میشود")
        }
        assert index.num_docs() == 20
        index.close()
    assert built[0] == built[1]
    assert built[0][("forms", "villag")] == 5 and built[0][("body", "شود")] == 5
