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


def test_ctrl_c_while_the_index_takes_a_batch_leaves_it_for_the_catch_up(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ganjina.archive.batch import BatchWriter

    real_apply = archive.index.apply

    def interrupted(docs: object) -> int:
        raise KeyboardInterrupt  # Ctrl-C lands while the index is given the batch

    writer = BatchWriter(archive.store, archive.index, batch_size=2, commit_every=1)
    with pytest.raises(KeyboardInterrupt), writer:
        for i in range(2):
            writer.put(article(f"Kept {i}", f"keptword{i}"))  # stored, indexed
        monkeypatch.setattr(archive.index, "apply", interrupted)
        for i in range(2, 4):
            writer.put(article(f"Kept {i}", f"keptword{i}"))  # stored, not indexed
    monkeypatch.setattr(archive.index, "apply", real_apply)
    # the index committed no further than what it was given
    assert archive.index.seq == 2 < archive.store.max_seq() == 4
    with BatchWriter(archive.store, archive.index):  # the next run catches up
        pass
    assert all(archive.search(f"keptword{i}").total == 1 for i in range(4))


def test_a_catch_up_keyed_in_helper_processes_builds_the_same_index(
    archive: Archive,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="ganjina.archive")
    from ganjina.archive import batch, keying_cost
    from ganjina.archive.index import SearchIndex

    texts = ["آب و برق می‌شود", "Trinkwasserversorgung im Dorf", "flooded villages", "کورونه"]
    archive.add_many(
        [article(f"Doc {i}", f"{texts[i % 4]} catchword{i}", language=lang)
         for i, lang in enumerate(["fa-AF", "de", "en", "ps"] * 5)]
    )  # fmt: skip
    # small pieces and commits, so the pool gets many parts and the index commits between
    monkeypatch.setattr(batch, "CATCH_UP_PIECE", 3)
    # the default decides after a trial of 6 records keyed here: forced each way (a
    # margin of 0 always starts the helpers, a huge one never does), the trial's records
    # and the rest must make the same index as an explicit choice does
    monkeypatch.setattr(batch, "CATCH_UP_POOL_MIN", 0)
    monkeypatch.setattr(batch, "CATCH_UP_TRIAL", 6)
    monkeypatch.setattr(keying_cost, "POOL_START_SECONDS", float("-inf"))
    monkeypatch.setattr(batch.os, "cpu_count", lambda: 2)  # the same choice on any machine
    built = {}
    for workers, margin in ((0, 1.0), (1, 1.0), (None, 0.0), (None, 1e9)):
        monkeypatch.setattr(keying_cost, "KEYING_OVER", margin)
        caplog.clear()
        index = SearchIndex(tmp_path / f"pooled-{workers}-{margin}", archive.store.uuid)
        assert batch.catch_up(archive.store, index, commit_every=4, workers=workers) == 20
        assert index.seq == archive.store.max_seq()
        if workers is None:  # the trial decided as forced
            chosen = "; 1 helper processes" if margin == 0.0 else "; 0 helper processes"
            assert any(chosen in r.getMessage() for r in caplog.records)
        searcher = index.searcher()
        built[workers, margin] = {
            (field, term): index.doc_freq(field, term, searcher)
            for field in ("body", "forms", "loose", "title")
            for term in ("catchword7", "villag", "wass", "کور", "شود", "doc", "میشود")
        }
        assert index.num_docs() == 20
        index.close()
    first = built[0, 1.0]
    assert all(made == first for made in built.values())
    assert first[("forms", "villag")] == 5 and first[("body", "شود")] == 5


def test_helpers_key_a_catch_up_only_where_keying_is_the_bound() -> None:
    from ganjina.archive.keying_cost import KeyingCost

    # Dari-like: keying 800 µs a record against Tantivy's 200 and pickling 50
    costly = KeyingCost(records=1000, keying=0.8, applying=0.1, indexing=0.2, transfer=0.05)
    assert costly.helpers(100_000, cores=2) == 1
    assert costly.helpers(100_000, cores=8) == 7
    assert costly.helpers(100_000, cores=1) == 0
    assert costly.helpers(2_000, cores=2) == 0  # 1.1 s taken off does not repay the start
    # ASCII-like: keying 70 µs against Tantivy's 50: helpers would mostly pickle
    cheap = KeyingCost(records=1000, keying=0.07, applying=0.01, indexing=0.05, transfer=0.01)
    assert cheap.helpers(1_000_000, cores=2) == 0
    assert KeyingCost().helpers(100_000, cores=2) == 0  # nothing timed: no guess
    assert "keying 800 µs a record" in costly.describe()
