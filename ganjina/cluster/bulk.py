"""One batch of read files as one PostgreSQL transaction, in a few statements.

The record logic is the store's (``sqlstore.SqlStore.put``); this module only does the
common case in bulk, because on a cluster the record rows are written one transaction at
a time and the time that takes per record is what bounds the whole cluster:

1. before the write lock, in parallel with every other writer, in one query: which
   records are new to the archive as far as can be seen now, which originals the store
   lacks, and numbers for the new records (a sequence); then, sent together without
   waiting (psycopg's pipeline): the originals, people and files rows and import log
   (one multi-row statement each), the lock, and
2. under the lock, only what must be in commit order: the last change number and the
   records another writer has stored meanwhile (rare: their rows made in step 1 are
   undone), the new records' rows in one multi-row insert, and anything else (a changed
   file, an id seen twice in the batch, a file whose path gave another record) through
   ``put`` one by one, exactly as a local ingest does;
3. a notification for the followers (with the rows when nothing else is to do); commit,
   which releases the lock.

Killed anywhere, the transaction is rolled back whole: nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
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
    "SELECT * FROM unnest(%b::text[], %b::text[], %b::bigint[], %b::bigint[], "
    "%b::bigint[], %b::text[], %b::bigint[], %b::text[]) "
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
    unchanged, failed), in order. Call it through ``store.retry``.

    Five round trips in the common case (begin, look, write and lock, records, commit),
    whatever the batch's size: a round trip costs a millisecond or more on a busy
    server and a task's batch is small, so their number, not the rows, bounded the
    store's rate (15 round trips a batch before: 1,700 records/s, 64 a batch)."""
    ids = _ids(items)
    wanted = _wanted_blobs(items)
    with store.transaction() as conn:
        # before the lock, on what the archive holds now: which records look new, which
        # originals it lacks, and numbers for every record that may be new (one goes
        # unused when its record turns out known: a sequence may have gaps)
        existing, stored_blobs, numbers = _look(conn, ids, list(wanted), len(ids))
        plan = _Plan(items, existing)
        plan.number(numbers)
        with conn.pipeline():
            # originals, people and files rows in parallel with the other writers; then
            # the lock, and what only the lock makes certain: the last change number and
            # the records another writer stored meanwhile
            _put_blobs(conn, [wanted[sha] for sha in sorted(set(wanted) - stored_blobs)])
            _put_people(conn, plan.people(plan.fast))
            _put_files(conn, plan.states(), run)
            store.lock()
            view = conn.execute(_LOCKED_VIEW, (ids, ids))
        top, existing = _locked_view(view.fetchone())
        late = [k for k in plan.fast if plan.id(k) in existing]  # another writer was first
        if late:
            conn.execute("DELETE FROM people WHERE num = ANY(%s)", ([plan.nums[k] for k in late],))
            plan.demote(late)
        store._seq_next = top + 1 + len(plan.fast)  # ``put`` numbers its changes on from here
        # the rows and the notification in one round trip, unless ``put`` has records to
        # store one by one in between (it reads what it writes)
        with nullcontext() if plan.slow else conn.pipeline():
            _insert_new(conn, plan, top)
            if plan.slow:
                plan.put_slow(store)
                _put_files(conn, plan.states(plan.slow), run)
            if plan.changed():
                store.notify(store._seq_next - 1)
    return plan.statuses


def _wanted_blobs(items: Sequence[Item]) -> dict[str, Item]:
    """The originals of the batch's readable files, by hash."""
    return {i.sha256: i for i in items if i.data is not None and i.article is not None}


def _look(
    conn: Any, ids: list[str], shas: list[str], count: int
) -> tuple[set[str], set[str], list[int]]:
    """Which of ``ids`` the archive has (as a record or an alias), which of ``shas`` it
    stores, and ``count`` new record numbers: one round trip."""
    row = conn.execute(
        f"SELECT array({_EXISTING}), array(SELECT sha256 FROM blobs WHERE sha256 = ANY(%s)), "
        "array(SELECT nextval(pg_get_serial_sequence('articles', 'num')) "
        "FROM generate_series(1, %s))",
        (ids, ids, shas, count),
    ).fetchone()
    return set(row[0] or ()), set(row[1] or ()), [int(n) for n in row[2] or ()]


def _put_blobs(conn: Any, missing: list[Item]) -> None:
    """The originals the store lacks, sorted by hash (two batches holding the same ones
    then never wait on each other in a cycle)."""
    if not missing:
        return
    rows = []
    for item in missing:
        assert item.data is not None and item.article is not None
        media = blobs.media_type(item.data, item.filename, item.article.provenance.format)
        rows.append((item.sha256, len(item.data), media, item.data))
    conn.execute(
        "INSERT INTO blobs (sha256, size, media_type, data) SELECT * FROM "
        "unnest(%b::text[], %b::bigint[], %b::text[], %b::bytea[]) "
        "ON CONFLICT (sha256) DO NOTHING",
        [list(column) for column in zip(*rows, strict=True)],
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

    def number(self, numbers: list[int]) -> None:
        """Numbers for the new records, from the sequence (no lock needed)."""
        assert len(numbers) >= len(self.fast)
        for k, num in zip(self.fast, numbers, strict=False):
            self.statuses[k], self.nums[k] = "new", num

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


_LOCKED_VIEW = f"SELECT (SELECT COALESCE(MAX(seq), 0) FROM articles), array({_EXISTING})"


def _locked_view(row: Any) -> tuple[int, set[str]]:
    """The last change number and which of the batch's ids exist, read under the lock."""
    return int(row[0]), set(row[1] or ())


_INSERT_ARTICLES = (
    f"INSERT INTO articles ({_ARTICLE_COLUMNS}) SELECT * FROM unnest("
    "%b::bigint[], %b::text[], %b::bigint[], %b::integer[], %b::text[], %b::text[], "
    "%b::text[], %b::text[], %b::integer[], %b::integer[], %b::text[], %b::integer[], "
    "%b::integer[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], "
    "%b::text[], %b::text[])"
)


def _insert_new(conn: Any, plan: _Plan, top: int) -> None:
    """The rows of the records new to the archive, numbered on from ``top``: one
    statement (it can share a round trip with the notification)."""
    if not plan.fast:
        return
    now = utcnow()
    rows = []
    for offset, k in enumerate(plan.fast):
        item, num = plan.items[k], plan.nums[k]
        article = item.article
        assert article is not None
        record, fp = item.serialized or serialize(article)
        c = _columns(article)
        rows.append(
            (
                *(num, article.id, top + 1 + offset, 1, c["title"], c["language"]),
                *(c["section"], c["date"], c["year"], c["month"], c["source"]),
                *(c["n_authors"], c["n_warnings"], fp, item.sha256 or None, item.filename),
                *(item.key, article.provenance.format, record, now, now),
            )
        )
    conn.execute(_INSERT_ARTICLES, [list(column) for column in zip(*rows, strict=True)])


def _put_people(conn: Any, rows: list[tuple[int, str, str]]) -> None:
    if rows:
        conn.execute(
            "INSERT INTO people (num, role, name) "
            "SELECT * FROM unnest(%b::bigint[], %b::text[], %b::text[])",
            [list(column) for column in zip(*rows, strict=True)],
        )


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
