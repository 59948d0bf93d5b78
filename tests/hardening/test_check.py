"""Item 8: damage to the store and the index is found, and said, never looked past."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.archive.sqlite import DB_NAME
from tests.archive.helpers import article

from .cli import ganjina, one_line_error


@pytest.fixture
def healthy(tmp_path: Path) -> Path:
    root = tmp_path / "a"
    with Archive.open(root, create=True) as archive:
        archive.add_many(
            [article(f"Story {i} of the canals", f"Water words {i}.") for i in range(300)]
        )
        for i in range(3):
            archive.add(article(f"With original {i}"), f"original {i}".encode(), f"o{i}.txt")
    return root


def _scramble(db: Path, seed: int = 5) -> None:
    """Overwrite parts of every third page, leaving the header (page 1) intact."""
    rnd = random.Random(seed)
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        for page in range(2, size // 4096, 3):
            fh.seek(page * 4096 + 100)
            fh.write(bytes(rnd.randrange(256) for _ in range(300)))


def test_a_healthy_archive_checks_healthy(healthy: Path) -> None:
    result = ganjina("check", "--archive", str(healthy), "--json")
    assert result.returncode == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["healthy"] and report["records"] == 303 and report["originals"] == 3


def test_scrambled_pages_are_found_and_no_command_looks_healthy(healthy: Path) -> None:
    _scramble(healthy / DB_NAME)
    check = ganjina("check", "--archive", str(healthy))
    assert check.returncode == 1
    assert "SQLite finds the store damaged" in check.stdout
    assert "repair:" in check.stdout and "Traceback" not in check.stderr
    # search reads only the pages it needs and may still answer; stats and reindex read
    # everything and must say the store is damaged
    for args in (["stats"], ["reindex"]):
        result = ganjina(*args, "--archive", str(healthy))
        line = one_line_error(result)
        assert "damaged" in line
        assert '{"id"' not in line  # never the raw JSON of a record


def test_a_zero_byte_store_beside_a_full_index_is_refused(healthy: Path) -> None:
    (healthy / DB_NAME).write_bytes(b"")
    for args in (["search", "water"], ["stats"], ["ingest", str(healthy)]):
        line = one_line_error(ganjina(*args, "--archive", str(healthy)))
        assert "is empty (0 bytes) but its search index holds records" in line
    check = ganjina("check", "--archive", str(healthy))
    assert check.returncode == 1 and "empty (0 bytes)" in check.stdout
    assert (healthy / DB_NAME).stat().st_size == 0  # nothing made a new archive of it


def test_a_damaged_original_and_record_are_found(healthy: Path) -> None:
    import sqlite3

    with sqlite3.connect(healthy / DB_NAME) as conn:
        conn.execute("UPDATE blobs SET data = X'00' WHERE rowid = 1")
        conn.execute("UPDATE articles SET record = '{\"title\": ' WHERE num = 7")
    check = ganjina("check", "--archive", str(healthy))
    assert check.returncode == 1
    assert "1 originals are damaged" in check.stdout
    assert "1 records no longer parse" in check.stdout


def test_a_lost_index_is_found_and_repaired(healthy: Path) -> None:
    shutil.rmtree(healthy / "index")
    check = ganjina("check", "--archive", str(healthy))
    assert check.returncode == 1 and "index" in check.stdout
    repaired = ganjina("check", "--archive", str(healthy), "--repair")
    assert repaired.returncode == 0, repaired.stdout
    assert "rebuilt the search index (303 records)" in repaired.stdout
    assert ganjina("check", "--archive", str(healthy)).returncode == 0


def test_an_index_of_another_archive_is_not_taken(healthy: Path, tmp_path: Path) -> None:
    other = tmp_path / "b"
    with Archive.open(other, create=True) as archive:
        archive.add(article("Another archive"))
    shutil.rmtree(healthy / "index")
    shutil.copytree(other / "index", healthy / "index")
    check = ganjina("check", "--archive", str(healthy))
    assert check.returncode == 1 and "index" in check.stdout
