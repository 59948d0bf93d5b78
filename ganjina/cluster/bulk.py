"""One batch of read files as one PostgreSQL transaction, in a few statements.

The record logic is the store's (``sqlstore.SqlStore.put``); this module only does the
common case in bulk, because on a cluster the record rows are written one transaction at
a time and the time that takes per record is what bounds the whole cluster:

1. before the write lock, in parallel with every other writer: the originals the store
   lacks (one query finds them, one multi-row insert); which records are new to the
   archive, as far as can be seen now, and their numbers (a sequence), people (``COPY``)
   and files rows and import log (one multi-row upsert each);
2. under the lock, only what must be in commit order: one query for the last change
   number and for the records another writer has stored meanwhile (rare: their rows
   made in step 1 are undone), the new records' rows with ``COPY``, and anything else
   (a changed file, an id seen twice in the batch, a file whose path gave another
   record) through ``put`` one by one, exactly as a local ingest does;
3. a notification for the followers; commit, which releases the lock.

Killed anywhere, the transaction is rolled back whole: nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from ganjina.archive import blobs
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
    #: the stored JSON and fingerprint (``store.serialize``), made on the worker
    serialized: tuple[str, str] | None
    error: str | None
    #: the record this path gave before, when its bytes have changed since
    replaces: str | None = None
    #: the record these bytes already gave (their hash is in the store): nothing to parse
    known_num: int | None = None
    #: the file reads but is not an article (a README, a publisher's source): counted
    #: apart from failures, as the local ingest counts it
    not_article: bool = False

    @property
    def filename(self) -> str:
        return PurePath(self.name).name


def write_batch(store: SharedStore, items: Sequence[Item], run: int | None) -> list[str]:
    """Store ``items`` in one transaction; returns each item's status (new, updated,
    unchanged, failed), in order. Call it through ``store.retry``."""
    with store.transaction() as conn:
        _put_blobs(conn, items)
        # before the lock, on what the archive holds now: which records look new, their
        # numbers, people and files rows (in parallel with the other writers)
        plan = _Plan(items, _existing(conn, _ids(items)))
        plan.number(conn)
        _put_people(conn, plan.people(plan.fast))
        _put_files(conn, plan.states(), run)
        store.lock()
        # under the lock: only what must be in commit order, the record rows and seqs
        top, existing = _locked_view(conn, _ids(items))
        late = [k for k in plan.fast if plan.id(k) in existing]  # another writer was first
        if late:
            conn.execute("DELETE FROM people WHERE num = ANY(%s)", ([plan.nums[k] for k in late],))
            plan.demote(late)
        _copy_new(conn, plan, top)
        store._seq_next = top + 1 + len(plan.fast)  # ``put`` numbers its changes on from here
        plan.put_slow(store)
        if plan.slow:
            _put_files(conn, plan.states(plan.slow), run)
        if plan.changed():
            store.notify(store._seq_next - 1)
    return plan.statuses


def _put_blobs(conn: Any, items: Sequence[Item]) -> None:
    """The originals the store lacks, sorted by hash (two batches holding the same ones
    then never wait on each other in a cycle)."""
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


def _ids(items: Sequence[Item]) -> list[str]:
    return sorted({i.article.id for i in items if i.article is not None and i.known_num is None})


class _Plan:
    """Which items go in bulk (new to the archive) and which through ``put``."""

    def __init__(self, items: Sequence[Item], existing: set[str]) -> None:
        self.items = items
        self.statuses = ["failed"] * len(items)
        self.nums: list[int | None] = [None] * len(items)
        self.fast: list[int] = []
        self.slow: list[int] = []
        seen: set[str] = set()
        for k, item in enumerate(items):
            if item.known_num is not None:
                self.statuses[k], self.nums[k] = "unchanged", item.known_num
            elif item.not_article:
                self.statuses[k] = "not_articles"
            elif item.article is not None:
                aid = item.article.id
                simple = aid not in existing and aid not in seen and item.replaces is None
                (self.fast if simple else self.slow).append(k)
                seen.add(aid)

    def id(self, k: int) -> str:
        article = self.items[k].article
        assert article is not None
        return article.id

    def number(self, conn: Any) -> None:
        """Numbers for the new records (a sequence: no lock needed)."""
        if not self.fast:
            return
        rows = conn.execute(
            "SELECT nextval(pg_get_serial_sequence('articles', 'num')) FROM generate_series(1, %s)",
            (len(self.fast),),
        ).fetchall()
        for k, row in zip(self.fast, rows, strict=True):
            self.statuses[k], self.nums[k] = "new", int(row[0])

    def demote(self, late: list[int]) -> None:
        """Items that turned out not to be new after all go through ``put``."""
        for k in late:
            self.fast.remove(k)
            self.statuses[k], self.nums[k] = "failed", None
        self.slow = sorted([*self.slow, *late])

    def people(self, ks: list[int]) -> list[tuple[int, str, str]]:
        rows: set[tuple[int, str, str]] = set()
        for k in ks:
            article, num = self.items[k].article, self.nums[k]
            assert article is not None and num is not None
            rows |= {(num, "author", a) for a in article.authors if a}
            rows |= {(num, "translator", t) for t in article.translators if t}
        return sorted(rows)

    def states(self, ks: list[int] | None = None) -> list[FileState]:
        """Files rows: of ``ks``, or (before the lock) of everything but the slow items."""
        if ks is None:
            ks = [k for k in range(len(self.items)) if k not in set(self.slow)]
        return [
            FileState(i.key, i.sha256, i.size, i.mtime_ns, self.nums[k], i.error)
            for k in ks
            for i in (self.items[k],)
        ]

    def put_slow(self, store: SharedStore) -> None:
        for k in self.slow:
            item = self.items[k]
            assert item.article is not None
            result = store.put(
                item.article,
                original=item.data,
                filename=item.filename,
                path=item.key,
                replaces=item.replaces,
                serialized=item.serialized,
            )
            self.statuses[k], self.nums[k] = result.status, result.num

    def changed(self) -> bool:
        return any(s in ("new", "updated") for s in self.statuses)


_EXISTING = (
    "SELECT id FROM articles WHERE id = ANY(%s) UNION SELECT id FROM aliases WHERE id = ANY(%s)"
)


def _existing(conn: Any, ids: list[str]) -> set[str]:
    """Which of ``ids`` the archive has, as a record's id or as an alias of one."""
    if not ids:
        return set()
    return {r[0] for r in conn.execute(_EXISTING, (ids, ids)).fetchall()}


def _locked_view(conn: Any, ids: list[str]) -> tuple[int, set[str]]:
    """The last change number and which of ``ids`` exist, in one round trip."""
    row = conn.execute(
        f"SELECT (SELECT COALESCE(MAX(seq), 0) FROM articles), array({_EXISTING})", (ids, ids)
    ).fetchone()
    return int(row[0]), set(row[1] or ())


def _copy_new(conn: Any, plan: _Plan, top: int) -> None:
    """COPY the rows of the records new to the archive, numbered on from ``top``."""
    if not plan.fast:
        return
    now = utcnow()
    with conn.cursor().copy(f"COPY articles ({_ARTICLE_COLUMNS}) FROM STDIN") as copy:
        for offset, k in enumerate(plan.fast):
            item, num = plan.items[k], plan.nums[k]
            article = item.article
            assert article is not None
            record, fp = item.serialized or serialize(article)
            c = _columns(article)
            copy.write_row(
                (
                    *(num, article.id, top + 1 + offset, 1, c["title"], c["language"]),
                    *(c["section"], c["date"], c["year"], c["month"], c["source"]),
                    *(c["n_authors"], c["n_warnings"], fp, item.sha256 or None, item.filename),
                    *(item.key, article.provenance.format, record, now, now),
                )
            )


def _put_people(conn: Any, rows: list[tuple[int, str, str]]) -> None:
    if rows:
        with conn.cursor().copy("COPY people (num, role, name) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


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
