"""The store of record through the Archive API, on both backends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.archive.sqlite import DB_NAME
from ganjina.errors import ArchiveError, ArchiveLocked, ArchiveNotFound, ArchiveTooNew

from .helpers import article


def test_add_and_get_round_trip(archive: Archive) -> None:
    a = article("Flood relief reaches Kabul", "Aid arrived.\n\nMore later.")
    assert archive.add(a) == a.id
    got = archive.get(a.id)
    assert got == a
    assert archive.get("gj-0000000000000000") is None


def test_same_record_twice_is_stored_once(archive: Archive) -> None:
    a = article("Once")
    archive.add(a, b"%PDF-1.4 one", "one.pdf")
    archive.add(a, b"%PDF-1.4 one", "one.pdf")
    stats = archive.stats()
    assert stats["records"] == 1
    assert stats["originals"] == 1
    assert stats["versions"] == 0
    assert [v.number for v in archive.versions(a.id)] == [1]


def test_changed_record_becomes_a_new_version(archive: Archive) -> None:
    a = article("Versions", "First text.")
    archive.add(a, b"%PDF-1.4 v1", "v.pdf")
    edited = article("Versions", "First text.")
    edited.id = a.id
    edited.authors = ["Someone Else"]
    archive.add(edited, b"%PDF-1.4 v2", "v.pdf")
    versions = archive.versions(a.id)
    assert [(v.number, v.current) for v in versions] == [(2, True), (1, False)]
    assert archive.get(a.id).authors == ["Someone Else"]  # type: ignore[union-attr]
    assert archive.get(a.id, version=1).authors == ["Ahmad Karimi"]  # type: ignore[union-attr]
    assert archive.original(a.id) is not None
    assert archive.original(a.id).data == b"%PDF-1.4 v2"  # type: ignore[union-attr]
    assert archive.original(a.id, version=1).data == b"%PDF-1.4 v1"  # type: ignore[union-attr]


def test_replaces_keeps_the_id_and_aliases_the_new_one(archive: Archive) -> None:
    a = article("Old title")
    archive.add(a)
    b = article("New title")
    assert b.id != a.id
    assert archive.add(b, replaces=a.id) == a.id
    assert archive.get(b.id).title == "New title"  # type: ignore[union-attr]
    assert archive.get(a.id).id == a.id  # type: ignore[union-attr]
    assert archive.stats()["records"] == 1


def test_lower_ranked_format_does_not_replace(archive: Archive) -> None:
    pdf = article("Ranked", "From the PDF.", fmt="pdf")
    md = article("Ranked", "From the PDF.", fmt="markdown", authors=("Typo Name",))
    md.id = pdf.id
    archive.add(pdf)
    archive.add(md)
    assert archive.get(pdf.id).authors == ["Ahmad Karimi"]  # type: ignore[union-attr]
    assert len(archive.versions(pdf.id)) == 1


def test_original_round_trip(archive: Archive) -> None:
    a = article("With original")
    archive.add(a, b"%PDF-1.7\nbytes", "story.pdf")
    data, filename, media_type = archive.original(a.id)  # type: ignore[misc]
    assert (data, filename, media_type) == (b"%PDF-1.7\nbytes", "story.pdf", "application/pdf")
    b = article("Without original")
    archive.add(b)
    assert archive.original(b.id) is None
    assert archive.original("gj-missing") is None


def test_articles_filters_and_cursor(archive: Archive) -> None:
    for i in range(7):
        archive.add(
            article(
                f"Story {i}",
                date=f"2022-0{i + 1}-01",
                language="fa-AF" if i % 2 else "en",
                section="dari" if i % 2 else "english",
                authors=(f"Author {i % 3}",),
                source="BBC" if i == 3 else None,
            )
        )
    seen, cursor = [], None
    while True:
        page = archive.articles(limit=3, cursor=cursor)
        seen += [a.title for a in page.articles]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [f"Story {i}" for i in reversed(range(7))]
    asc = archive.articles(limit=2, order="date_asc")
    assert [a.title for a in asc.articles] == ["Story 0", "Story 1"]
    assert [a.title for a in archive.articles(language="fa").articles] == [
        "Story 5",
        "Story 3",
        "Story 1",
    ]
    assert len(archive.articles(section="english").articles) == 4
    assert [a.title for a in archive.articles(author="Author 2").articles] == ["Story 5", "Story 2"]
    assert [a.title for a in archive.articles(source="BBC").articles] == ["Story 3"]
    assert [a.title for a in archive.articles(year=2022, month=2).articles] == ["Story 1"]
    with pytest.raises(ArchiveError, match="cursor"):
        archive.articles(cursor="garbage!")
    with pytest.raises(ArchiveError, match="order"):
        archive.articles(order="sideways")


def test_changes_since_is_ordered_with_timestamps(archive: Archive) -> None:
    a, b = article("A"), article("B")
    archive.add(a)
    archive.add(b)
    edited = article("A", "Changed body.")
    archive.add(edited, replaces=a.id)
    changes = archive.changes_since(0)
    assert [c.id for c in changes] == [b.id, a.id]  # A changed last
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)
    assert all(c.modified.endswith("Z") for c in changes)
    later = archive.changes_since(changes[0].seq)
    assert [c.id for c in later] == [a.id]
    assert archive.changes_since(0, from_=changes[-1].modified) == [changes[-1]]
    assert archive.changes_since(0, until="2000-01-01T00:00:00Z") == []


def test_stats_health(archive: Archive) -> None:
    archive.add(article("Dated", date="2021-05-01"))
    archive.add(article("Undated", date=None, authors=(), warnings=("no date found",)))
    stats = archive.stats()
    assert stats["records"] == 2
    assert stats["health"]["without_date"] == 1
    assert stats["health"]["without_author"] == 1
    assert stats["health"]["with_warnings"] == 1
    assert (2021, 1) in stats["by_year"]
    assert stats["index"]["behind"] == 0


def test_missing_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveNotFound, match="no archive at"):
        Archive.open(tmp_path / "nothing-here")
    assert not (tmp_path / "nothing-here").exists()


@pytest.mark.postgres
def test_missing_postgres_archive(postgres_url: str) -> None:
    with pytest.raises(ArchiveNotFound, match="no archive in"):
        Archive.open(postgres_url)


@pytest.mark.postgres
def test_new_postgres_archives_compress_records_and_originals_with_lz4(
    postgres_url: str, tmp_path: Path
) -> None:
    """The store's serial step compresses every record it writes; LZ4 (the server has it,
    as Debian builds it) costs less than PostgreSQL's default pglz."""
    import psycopg

    with Archive.open(postgres_url, create=True, index_dir=tmp_path / "i") as archive:
        archive.add(article("One"))
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute(
            "SELECT attrelid::regclass::text, attname, attcompression FROM pg_attribute "
            "WHERE (attrelid, attname) IN (('articles'::regclass, 'record'), "
            "('versions'::regclass, 'record'), ('blobs'::regclass, 'data'))"
        ).fetchall()
    assert sorted(rows) == [
        ("articles", "record", "l"),
        ("blobs", "data", "l"),
        ("versions", "record", "l"),
    ]


def test_second_writer_is_refused(archive_url: str, tmp_path: Path) -> None:
    with Archive.open(archive_url, create=True, index_dir=tmp_path / "i1") as first:
        first.add(article("One"))
        with (
            Archive.open(archive_url, index_dir=tmp_path / "i2") as second,
            first._writing(),
        ):
            with pytest.raises(ArchiveLocked, match="being written"):
                second.add(article("Two"))
            assert second.get(article("One").id) is not None  # reading still works


def test_archive_made_by_newer_version(tmp_path: Path) -> None:
    root = tmp_path / "a"
    Archive.open(root, create=True).close()
    with sqlite3.connect(root / DB_NAME) as conn:
        conn.execute("INSERT INTO migrations VALUES ('0099_from_the_future', 'x')")
    with pytest.raises(ArchiveTooNew, match="newer Ganjina"):
        Archive.open(root)


def test_not_a_database(tmp_path: Path) -> None:
    root = tmp_path / "a"
    root.mkdir()
    (root / DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ArchiveError, match="not a Ganjina archive"):
        Archive.open(root)


def test_full_disk_saves_nothing_half_written(tmp_path: Path) -> None:
    root = tmp_path / "a"
    with Archive.open(root, create=True) as archive:
        archive.add(article("Before"))
    # Simulate a full disk: SQLite reports SQLITE_FULL when it may not grow the file.
    with sqlite3.connect(root / DB_NAME) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    big = "x" * 200_000
    with Archive.open(root) as archive:
        archive.store.acquire_writer()
        archive.store._writer.execute(f"PRAGMA max_page_count = {pages + 2}")  # type: ignore[attr-defined]
        with pytest.raises(ArchiveError, match=r"disk .* is full"):
            archive.add(article("Too big", big))
        archive.store.release_writer()
    with Archive.open(root) as archive:
        assert archive.stats()["records"] == 1
        assert archive.get(article("Too big", big).id) is None
        assert archive.search("before").total == 1
        assert archive.add(article("After")) == article("After").id
