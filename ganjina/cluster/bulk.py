"""One batch of read files as one PostgreSQL transaction, in a few statements.

The record logic is the store's (``sqlstore.SqlStore.put``); this module only does the
common case in bulk, because on a cluster the record rows are written one transaction at
a time and the time that takes per record is what bounds the whole cluster:

1. before the write lock, in parallel with every other worker: the originals the store
   lacks (one query to find them, one multi-row insert; sorted by hash, so two batches
   holding the same originals never wait on each other in a cycle);
2. under the lock: one query finds which records exist; records new to the archive are
   numbered and written with ``COPY`` (rows and people); anything else (a changed file,
   an id seen twice in the batch, a file whose path gave another record) goes through
   ``put`` one by one, exactly as a local ingest does;
3. the files table and the import log in one multi-row upsert each; a notification for
   the followers; commit.

Killed anywhere, the transaction is rolled back whole: nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from ganjina.archive import blobs
from ganjina.archive.batch import Encoded
from ganjina.archive.sqlstore import _columns
from ganjina.archive.store import FileState, serialize, utcnow
from ganjina.cluster.shared import SharedStore
from ganjina.record import Article

_ARTICLE_COLUMNS = (
    "num, id, seq, version, title, language, section, date, year, month, source, "
    "n_authors, n_warnings, fingerprint, sha256, filename, path, format, record, "
    "created, modified"
)
_FILES_UPSERT = (
    "INSERT INTO files (path, sha256, size, mtime_ns, num, error, run, seen_at) "
    "SELECT * FROM unnest(%s::text[], %s::text[], %s::bigint[], %s::bigint[], "
    "%s::bigint[], %s::text[], %s::bigint[], %s::text[]) "
    "ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, "
    "mtime_ns = excluded.mtime_ns, num = excluded.num, error = excluded.error, "
    "run = excluded.run, seen_at = excluded.seen_at"
)


@dataclass(frozen=True)
class Item:
    """One file's outcome, ready to store (made on a worker by ``tasks.py``)."""

    key: str  #: the files-table key (absolute path or URL)
    name: str  #: the path as the user gave it (the record's provenance uses it)
    sha256: str
    size: int
    mtime_ns: int
    data: bytes | None  #: the original (None: failed, or already stored)
    article: Article | None
    encoded: Encoded | None
    error: str | None
    #: the record this path gave before, when its bytes have changed since
    replaces: str | None = None
    #: the record these bytes already gave (their hash is in the store): nothing to parse
    known_num: int | None = None

    @property
    def filename(self) -> str:
        return PurePath(self.name).name


def write_batch(store: SharedStore, items: Sequence[Item], run: int | None) -> list[str]:
    """Store ``items`` in one transaction; returns each item's status (new, updated,
    unchanged, failed), in order. Call it through ``store.retry``."""
    with store.transaction() as conn:
        _put_blobs(conn, items)
        store.lock()
        statuses, nums = _put_records(store, conn, items)
        states = [
            FileState(i.key, i.sha256, i.size, i.mtime_ns, nums[k], i.error)
            for k, i in enumerate(items)
        ]
        _put_files(conn, states, run)
        top = store._seq_next
        if top is not None and any(s in ("new", "updated") for s in statuses):
            store.notify(top - 1)
    return statuses


def _put_blobs(conn: Any, items: Sequence[Item]) -> None:
    wanted = {i.sha256: i for i in items if i.data is not None and i.article is not None}
    if not wanted:
        return
    have = conn.execute(
        "SELECT sha256 FROM blobs WHERE sha256 = ANY(%s)", (list(wanted),)
    ).fetchall()
    missing = sorted(set(wanted) - {r[0] for r in have})
    rows = []
    for sha in missing:
        item = wanted[sha]
        assert item.data is not None and item.article is not None
        media = blobs.media_type(item.data, item.filename, item.article.provenance.format)
        rows.append((sha, len(item.data), media, item.data))
    if rows:
        conn.cursor().executemany(
            "INSERT INTO blobs (sha256, size, media_type, data) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (sha256) DO NOTHING",
            rows,
        )


def _put_records(
    store: SharedStore, conn: Any, items: Sequence[Item]
) -> tuple[list[str], list[int | None]]:
    """Insert the new records in bulk and put the others one by one (under the lock)."""
    statuses = ["failed"] * len(items)
    nums: list[int | None] = [None] * len(items)
    ids = sorted({i.article.id for i in items if i.article is not None})
    existing = _existing(conn, ids)
    fast: list[int] = []
    slow: list[int] = []
    seen: set[str] = set()
    for k, item in enumerate(items):
        if item.known_num is not None:
            statuses[k], nums[k] = "unchanged", item.known_num
        elif item.article is not None:
            aid = item.article.id
            simple = aid not in existing and aid not in seen and item.replaces is None
            (fast if simple else slow).append(k)
            seen.add(aid)
    if fast:
        for k, num in zip(fast, _insert_new(store, conn, [items[k] for k in fast]), strict=True):
            statuses[k], nums[k] = "new", num
    for k in slow:
        item = items[k]
        assert item.article is not None
        result = store.put(
            item.article,
            original=item.data,
            filename=item.filename,
            path=item.key,
            replaces=item.replaces,
            serialized=item.encoded[1] if item.encoded else None,
        )
        statuses[k], nums[k] = result.status, result.num
    return statuses, nums


def _existing(conn: Any, ids: list[str]) -> set[str]:
    """Which of ``ids`` the archive has, as a record's id or as an alias of one."""
    if not ids:
        return set()
    rows = conn.execute(
        "SELECT id FROM articles WHERE id = ANY(%s) "
        "UNION SELECT id FROM aliases WHERE id = ANY(%s)",
        (ids, ids),
    ).fetchall()
    return {r[0] for r in rows}


def _insert_new(store: SharedStore, conn: Any, items: Sequence[Item]) -> list[int]:
    """COPY records new to the archive (and their people); returns their nums."""
    n = len(items)
    top = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
    nums = [
        int(r[0])
        for r in conn.execute(
            "SELECT nextval(pg_get_serial_sequence('articles', 'num')) FROM generate_series(1, %s)",
            (n,),
        ).fetchall()
    ]
    now = utcnow()
    people: set[tuple[int, str, str]] = set()
    with conn.cursor().copy(f"COPY articles ({_ARTICLE_COLUMNS}) FROM STDIN") as copy:
        for offset, (num, item) in enumerate(zip(nums, items, strict=True)):
            article = item.article
            assert article is not None
            record, fp = item.encoded[1] if item.encoded else serialize(article)
            c = _columns(article)
            copy.write_row(
                (
                    *(num, article.id, top + 1 + offset, 1, c["title"], c["language"]),
                    *(c["section"], c["date"], c["year"], c["month"], c["source"]),
                    *(c["n_authors"], c["n_warnings"], fp, item.sha256 or None, item.filename),
                    *(item.key, article.provenance.format, record, now, now),
                )
            )
            people |= {(num, "author", a) for a in article.authors if a}
            people |= {(num, "translator", t) for t in article.translators if t}
    if people:
        with conn.cursor().copy("COPY people (num, role, name) FROM STDIN") as copy:
            for row in sorted(people):
                copy.write_row(row)
    # the slow path (``put``) numbers its changes on from here
    store._seq_next = top + 1 + n
    return nums


def _put_files(conn: Any, states: Sequence[FileState], run: int | None) -> None:
    """Upsert the files rows (the last state of a path wins) and log the failures."""
    latest = {s.path: s for s in states}
    if not latest:
        return
    now = utcnow()
    rows = list(latest.values())
    columns = [
        [s.path for s in rows],
        [s.sha256 for s in rows],
        [s.size for s in rows],
        [s.mtime_ns for s in rows],
        [s.num for s in rows],
        [s.error for s in rows],
        [run] * len(rows),
        [now] * len(rows),
    ]
    conn.execute(_FILES_UPSERT, columns)
    failed = [s for s in states if s.error is not None]
    if failed:
        # once per run: a task Dask runs again (its worker died after it committed) must
        # not log its failures twice
        conn.cursor().executemany(
            "INSERT INTO import_log (run, path, sha256, message, at) "
            "SELECT %s, %s, %s, %s, %s WHERE NOT EXISTS (SELECT 1 FROM import_log "
            "WHERE run IS NOT DISTINCT FROM %s AND path = %s AND sha256 = %s AND message = %s)",
            [(run, s.path, s.sha256, s.error, now, run, s.path, s.sha256, s.error) for s in failed],
        )


def failed_item(key: str, name: str, message: str, sha: str = "", size: int = 0) -> Item:
    """An item for a file the cluster could not read at all (its worker died, say)."""
    return Item(key, name, sha, size, 0, None, None, None, message)
