"""The SQLite backend: one file in the archive folder, WAL, one writer, many readers.

Layout of an archive folder::

    ganjina-archive/
      archive.sqlite3     the store of record (+ -wal and -shm while open)
      write.lock          held (flock) by the one process writing
      index/              the Tantivy search index, derived from the store

Readers get a connection per thread (WAL lets them read while the writer writes); the
writer is one connection, used under a lock, inside ``BEGIN IMMEDIATE`` transactions.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ganjina.archive.desk_schema import desk_migration, published_migration
from ganjina.archive.migrations import Migration, pending
from ganjina.archive.sqlstore import SqlStore
from ganjina.errors import ArchiveError, ArchiveLocked, ArchiveNotFound

DB_NAME = "archive.sqlite3"
LOCK_NAME = "write.lock"
#: a query that waits longer than this for a lock fails with ArchiveLocked
BUSY_TIMEOUT_MS = 10_000

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_initial",
        (
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, "
            "media_type TEXT NOT NULL, data BLOB NOT NULL)",
            "CREATE TABLE articles (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
            "seq INTEGER NOT NULL UNIQUE, version INTEGER NOT NULL, title TEXT, "
            "language TEXT, section TEXT, date TEXT NOT NULL, year INTEGER, month INTEGER, "
            "source TEXT, n_authors INTEGER NOT NULL, n_warnings INTEGER NOT NULL, "
            "fingerprint TEXT NOT NULL, sha256 TEXT, filename TEXT, path TEXT, format TEXT, "
            "record TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL)",
            "CREATE INDEX articles_date ON articles (date, num)",
            "CREATE INDEX articles_section ON articles (section, date, num)",
            "CREATE INDEX articles_language ON articles (language, date, num)",
            "CREATE INDEX articles_year ON articles (year, month, date, num)",
            "CREATE INDEX articles_source ON articles (source, date, num)",
            "CREATE INDEX articles_modified ON articles (modified)",
            "CREATE TABLE versions (num INTEGER NOT NULL, version INTEGER NOT NULL, "
            "record TEXT NOT NULL, fingerprint TEXT NOT NULL, sha256 TEXT, filename TEXT, "
            "stored_at TEXT NOT NULL, PRIMARY KEY (num, version))",
            "CREATE TABLE aliases (id TEXT PRIMARY KEY, num INTEGER NOT NULL)",
            "CREATE TABLE people (num INTEGER NOT NULL, role TEXT NOT NULL, "
            "name TEXT NOT NULL, PRIMARY KEY (num, role, name)) WITHOUT ROWID",
            "CREATE INDEX people_name ON people (name, role)",
            "CREATE TABLE files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, "
            "size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, num INTEGER, error TEXT, "
            "run INTEGER, seen_at TEXT NOT NULL)",
            "CREATE INDEX files_sha256 ON files (sha256)",
            "CREATE TABLE runs (run INTEGER PRIMARY KEY, started TEXT NOT NULL, "
            "finished TEXT, paths TEXT NOT NULL, counts TEXT, interrupted INTEGER)",
            "CREATE TABLE import_log (entry INTEGER PRIMARY KEY, run INTEGER, "
            "path TEXT NOT NULL, sha256 TEXT, message TEXT NOT NULL, at TEXT NOT NULL)",
        ),
    ),
    # Derived data of ganjina/links (near-duplicates, translations): per-record profiles
    # and LSH bands, and the typed relations. Rebuildable: `ganjina links rebuild`.
    Migration(
        "0002_links",
        (
            "CREATE TABLE link_profiles (num INTEGER PRIMARY KEY, seq INTEGER NOT NULL, "
            "id TEXT NOT NULL, language TEXT, date TEXT, outlet TEXT, source_name TEXT, "
            "source_url TEXT, source_date TEXT, sketch BLOB, traits TEXT)",
            "CREATE INDEX link_profiles_id ON link_profiles (id)",
            "CREATE INDEX link_profiles_language ON link_profiles (language, date)",
            "CREATE INDEX link_profiles_outlet ON link_profiles (outlet, date)",
            "CREATE INDEX link_profiles_source_date ON link_profiles (source_date)",
            "CREATE TABLE link_bands (band INTEGER NOT NULL, bkey INTEGER NOT NULL, "
            "num INTEGER NOT NULL, PRIMARY KEY (band, bkey, num)) WITHOUT ROWID",
            "CREATE TABLE link_relations (src INTEGER NOT NULL, kind TEXT NOT NULL, "
            "dst INTEGER NOT NULL, score REAL NOT NULL, signals TEXT NOT NULL, "
            "made TEXT NOT NULL, PRIMARY KEY (src, kind, dst))",
            "CREATE INDEX link_relations_dst ON link_relations (dst, kind)",
            "CREATE TABLE link_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
    ),
    # withdrawal and published files; the editors' desk (both in desk_schema.py)
    published_migration("INTEGER"),
    desk_migration("INTEGER PRIMARY KEY"),
)


def translate(err: sqlite3.Error, where: str) -> ArchiveError:
    """An sqlite3 error as the one-line ArchiveError a user can act on."""
    code = getattr(err, "sqlite_errorcode", None)
    text = str(err)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return ArchiveError(
            f"the disk holding {where} is full; the unfinished batch was not saved "
            "(free some space and run again)"
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return ArchiveLocked(f"the archive at {where} is locked by another process; try again")
    if code == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return ArchiveError(f"{where} is not a Ganjina archive (the file is not a database)")
    if code == sqlite3.SQLITE_READONLY or "readonly" in text:
        return ArchiveError(f"the archive at {where} is read-only here")
    if code == sqlite3.SQLITE_CORRUPT or "malformed" in text or "Could not decode" in text:
        # never the raw row: sqlite3 quotes the undecodable record in its message
        return ArchiveError(
            f"the archive at {where} is damaged (its database file is corrupt); "
            "run `ganjina check` for what to do"
        )
    first = text.splitlines()[0] if text else type(err).__name__
    return ArchiveError(f"the archive at {where} failed: {first[:200]}")


def _refuse_truncated(db_path: Path, index_dir: Path, create: bool) -> None:
    """A 0-byte store file is what a truncation or a failed copy leaves; SQLite would take
    it for a new, empty archive. Refuse it when the index still remembers records (the
    store was lost), and whenever we are only asked to read."""
    try:
        if db_path.stat().st_size != 0:
            return
    except OSError:
        return
    remembered = (index_dir / "meta.json").exists()
    if remembered or not create:
        raise ArchiveError(
            f"{db_path} is empty (0 bytes)"
            + (" but its search index holds records" if remembered else "")
            + ": the store was lost or truncated; restore it from a backup "
            "(`ganjina check` explains), or delete the folder to start anew"
        )


class SqliteStore(SqlStore):
    kind = "sqlite"

    def __init__(self, root: Path, *, create: bool) -> None:
        self.root = root
        self.db_path = root / DB_NAME
        self.display = str(root)
        _refuse_truncated(self.db_path, root / "index", create)
        if not self.db_path.exists():
            if not create:
                raise ArchiveNotFound(
                    f"no archive at {root} (run `ganjina ingest` to make one, or pass --archive)"
                )
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise ArchiveError(
                    f"cannot make the archive folder {root}: {err.strerror}"
                ) from None
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._lock = threading.RLock()
        self._writer: sqlite3.Connection | None = None
        self._lock_file: IO[str] | None = None
        self._depth = 0
        try:
            self._migrate()
            self.uuid = self._meta("uuid")
        except BaseException:
            self.close()
            raise

    # -- connections --------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.db_path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as err:
            raise translate(err, self.display) from None
        return conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        try:
            yield conn
        except sqlite3.Error as err:
            raise translate(err, self.display) from None

    @contextmanager
    def _side_write(self) -> Iterator[sqlite3.Connection]:
        # this thread's reader connection, in a transaction of its own; BEGIN IMMEDIATE
        # waits (busy_timeout) while the archive's writer is inside a batch
        with self._reading() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _writer_conn(self) -> sqlite3.Connection:
        if self._writer is None or self._depth == 0:
            raise ArchiveError("internal: a store write outside a transaction")
        return self._writer

    def acquire_writer(self) -> None:
        with self._lock:
            if self._writer is not None:
                return
            try:
                handle = open(self.root / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115
            except OSError as err:
                raise ArchiveError(f"cannot write to {self.root}: {err.strerror}") from None
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                handle.close()
                raise ArchiveLocked(
                    f"the archive at {self.display} is being written by {holder}; "
                    "wait for it to finish"
                ) from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"process {os.getpid()}")
            handle.flush()
            self._lock_file = handle
            self._writer = self._connect()

    @contextmanager
    def write(self) -> Iterator[None]:
        self.acquire_writer()
        with self._lock:
            conn = self._writer
            assert conn is not None
            if self._depth:  # nested: part of the enclosing transaction
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                self._tx_begin()
                self._depth = 1
                try:
                    yield
                finally:
                    self._depth = 0
                conn.execute("COMMIT")
            except BaseException as err:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(err, sqlite3.Error):
                    raise translate(err, self.display) from None
                raise

    def release_writer(self) -> None:
        """Stop being the writer (another process may then write)."""
        with self._lock:
            if self._writer is not None:
                # a checkpoint is an optimisation: the WAL stays valid without it
                with contextlib.suppress(sqlite3.Error):
                    self._writer.execute("PRAGMA wal_checkpoint(PASSIVE)")
                self._writer.close()
                self._writer = None
            if self._lock_file is not None:
                self._lock_file.close()  # closing releases the flock
                self._lock_file = None

    def close(self) -> None:
        with self._lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self._local = threading.local()
            self.release_writer()

    # -- schema -------------------------------------------------------------------------
    def _applied(self) -> list[str]:
        with self._reading() as conn:
            exists = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
            ).fetchone()
            if not exists:
                return []
            return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]

    def _migrate(self) -> None:
        todo = pending(self._applied(), MIGRATIONS, self.display)
        if not todo:
            return
        was_writer = self._writer is not None
        self.acquire_writer()
        with self._lock:
            conn = self._writer
            assert conn is not None
            conn.execute("PRAGMA journal_mode = WAL")
            with self.write():
                self._apply(conn, todo)
        if not was_writer:
            self.release_writer()

    def _meta(self, key: str) -> str:
        row: Any = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        if row is None:
            raise ArchiveError(f"{self.display} is not a Ganjina archive (no {key})")
        return str(row[0])

    # -- health -------------------------------------------------------------------------
    #: ``stats`` runs SQLite's quick check on a store up to this size (it reads every
    #: page: fine for most archives, too slow for a huge one, which ``ganjina check`` is for)
    QUICK_CHECK_BYTES = 512 * 1024 * 1024

    def stats(self) -> dict[str, Any]:
        """The counts, after SQLite's quick check (on stores up to QUICK_CHECK_BYTES): a
        store damaged behind an intact header must not look healthy."""
        result = super().stats()
        if self.db_path.stat().st_size <= self.QUICK_CHECK_BYTES:
            row = self._one("PRAGMA quick_check(1)")
            if row is None or row[0] != "ok":
                raise ArchiveError(
                    f"the archive at {self.display} is damaged (SQLite's quick check "
                    "fails); run `ganjina check` for what to do"
                )
        return result
