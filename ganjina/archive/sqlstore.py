"""Record logic shared by the SQL backends, in SQL both SQLite and PostgreSQL accept.

Backends supply connections (:meth:`_reading` and the writer connection inside
:meth:`write`), the placeholder style, locking and the schema; everything here is plain
``SELECT``/``INSERT``/``UPDATE`` with ``?`` placeholders (rewritten for PostgreSQL).

Tables (see the backends' migrations): ``articles`` (current records; ``num`` is a stable
internal number, ``seq`` the change counter bumped on every change), ``versions`` (earlier
versions), ``aliases`` (content ids that now point at an older record), ``people``
(authors and translators, for filtering), ``blobs`` (originals by sha256), ``files``
(what each path held when read), ``runs`` and ``import_log`` (every failure, ever).
"""

from __future__ import annotations

import base64
import json
import threading
import uuid
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import PurePath
from typing import Any

from ganjina.archive import blobs
from ganjina.archive.paths import shown
from ganjina.archive.store import (
    FORMAT_RANK,
    ORDERS,
    FileState,
    Filters,
    PutResult,
    Store,
    serialize,
    utcnow,
)
from ganjina.archive.types import ArticlePage, Change, Failure, Original, Version, Withdrawal
from ganjina.errors import ArchiveError
from ganjina.record import Article

_CURRENT = "SELECT num, id, seq, version, fingerprint, path, format FROM articles"
_CHUNK = 500


def _columns(article: Article) -> dict[str, Any]:
    """The filterable columns of a record."""
    date = article.date or ""
    year = int(date[:4]) if date[:4].isdigit() else None
    month = int(date[5:7]) if date[5:7].isdigit() else None
    return {
        "title": article.title,
        "language": (article.language or "").lower() or None,
        "section": article.section.id if article.section else None,
        "date": date,
        "year": year,
        "month": month,
        "source": article.source.name if article.source else None,
        "n_authors": len(article.authors),
        "n_warnings": len(article.warnings),
    }


def encode_cursor(date: str, num: int) -> str:
    raw = json.dumps([date, num]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date, num = json.loads(raw)
        if isinstance(date, str) and isinstance(num, int):
            return date, num
    except (ValueError, TypeError):
        pass
    raise ArchiveError(f"not a cursor this archive made: {cursor!r}")


class SqlStore(Store):
    """Portable implementation; a backend subclasses it."""

    placeholder = "?"

    # -- what a backend provides --------------------------------------------------------
    @abstractmethod
    def _reading(self) -> AbstractContextManager[Any]:
        """A connection for reading (each backend pools its own)."""

    @abstractmethod
    def _writer_conn(self) -> Any:
        """The writer's connection; only valid inside :meth:`write`."""

    _depth = 0

    # -- helpers ------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _x(self, conn: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        return conn.execute(self._sql(sql), tuple(params))

    def _apply(self, conn: Any, todo: Sequence[Any]) -> None:
        """Apply the pending migrations and stamp a new archive; inside :meth:`write`.

        Both backends share this: only their placeholders differ (``_x`` translates).
        The applied names are read again here, inside the transaction, because another
        process may have migrated since the caller looked.
        """
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations "
            "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in conn.execute("SELECT name FROM migrations").fetchall()}
        for migration in todo:
            if migration.name in done:
                continue
            for statement in migration.statements:
                conn.execute(statement)
            self._x(
                conn,
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, utcnow()),
            )
        self._x(
            conn,
            "INSERT INTO meta (key, value) VALUES ('uuid', ?), ('created', ?) "
            "ON CONFLICT (key) DO NOTHING",
            (uuid.uuid4().hex, utcnow()),
        )

    def _in(self, n: int) -> str:
        return "(" + ",".join("?" * n) + ")"

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._reading() as conn:
            return list(self._x(conn, sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._reading() as conn:
            return self._x(conn, sql, params).fetchone()

    # -- writing ------------------------------------------------------------------------
    def put(
        self,
        article: Article,
        *,
        original: bytes | None = None,
        filename: str | None = None,
        path: str | None = None,
        replaces: str | None = None,
        serialized: tuple[str, str] | None = None,
    ) -> PutResult:
        conn = self._writer_conn()
        fmt = article.provenance.format
        sha = article.provenance.sha256 or None
        if filename is None and path:
            filename = PurePath(path).name
        if original is not None:
            sha = blobs.sha256(original)
            media = blobs.media_type(original, filename, fmt)
            self._x(
                conn,
                "INSERT INTO blobs (sha256, size, media_type, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (sha256) DO NOTHING",
                (sha, len(original), media, original),
            )
        record, fp = serialized or serialize(article)
        target = self._current(conn, article.id)
        via_replaces = False
        if target is None and replaces:
            candidate = self._current(conn, replaces)
            # a path's new content continues the record that path gave, not another's
            if candidate is not None and (path is None or candidate[5] == path):
                target, via_replaces = candidate, True
        if target is None:
            return self._insert(conn, article, record, fp, sha, filename, path)
        num, tid, seq, version, tfp, tpath, tformat = target
        if tfp == fp:
            return PutResult(tid, num, "unchanged", seq, version)
        same_file = via_replaces or (path is not None and path == tpath)
        if not same_file and FORMAT_RANK.get(fmt, 0) < FORMAT_RANK.get(tformat or "", 0):
            return PutResult(tid, num, "unchanged", seq, version)
        return self._update(conn, article, num, tid, version, fp, sha, filename, path)

    # Within one write transaction the one writer keeps the next seq and whether any alias
    # exists in memory: two queries fewer per record in a bulk load.
    _seq_next: int | None = None
    _have_aliases: bool | None = None

    #: the thread inside the open write transaction (see :meth:`ledger`)
    _write_thread: int | None = None

    def _tx_begin(self) -> None:
        """Called by the backend when a write transaction begins."""
        self._seq_next = None
        self._have_aliases = None
        self._write_thread = threading.get_ident()

    @abstractmethod
    def _side_write(self) -> AbstractContextManager[Any]:
        """A short transaction of its own (a connection for it), outside the writer lock."""

    @contextmanager
    def ledger(self) -> Iterator[Any]:
        """A connection to change the desk's tables on (``archive/desk_store.py``).

        Inside this thread's write transaction it is that transaction's (so a publication
        and its audit entry are saved together); elsewhere a short transaction of its own.
        The desk's tables are not indexed, so they need not wait for the archive's one
        writer: the database itself orders the two (SQLite's lock, with its busy timeout;
        PostgreSQL's rows).
        """
        if self._depth and self._write_thread == threading.get_ident():
            yield self._writer_conn()
            return
        with self._side_write() as conn:
            yield conn

    def _current(self, conn: Any, id: str) -> Any:
        row = self._x(conn, _CURRENT + " WHERE id = ?", (id,)).fetchone()
        if row is None:
            if self._have_aliases is None:
                found = self._x(conn, "SELECT 1 FROM aliases LIMIT 1").fetchone()
                self._have_aliases = found is not None
            if self._have_aliases:
                row = self._x(
                    conn, _CURRENT + " WHERE num = (SELECT num FROM aliases WHERE id = ?)", (id,)
                ).fetchone()
        return row

    def _next_seq(self, conn: Any) -> int:
        if self._seq_next is None:
            row = self._x(conn, "SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()
            self._seq_next = int(row[0]) + 1
        seq = self._seq_next
        self._seq_next += 1
        return seq

    def _insert(
        self,
        conn: Any,
        article: Article,
        record: str,
        fp: str,
        sha: str | None,
        filename: str | None,
        path: str | None,
    ) -> PutResult:
        now = utcnow()
        seq = self._next_seq(conn)
        cols = _columns(article)
        cols.update(
            id=article.id,
            seq=seq,
            version=1,
            fingerprint=fp,
            sha256=sha,
            filename=filename,
            path=path,
            format=article.provenance.format,
            record=record,
            created=now,
            modified=now,
        )
        names = ", ".join(cols)
        row = self._x(
            conn,
            f"INSERT INTO articles ({names}) VALUES {self._in(len(cols))} RETURNING num",
            list(cols.values()),
        ).fetchone()
        num = int(row[0])
        self._put_people(conn, num, article)
        return PutResult(article.id, num, "new", seq, 1)

    def _update(
        self,
        conn: Any,
        article: Article,
        num: int,
        tid: str,
        version: int,
        fp: str,
        sha: str | None,
        filename: str | None,
        path: str | None,
    ) -> PutResult:
        seq = self._next_seq(conn)
        self._x(
            conn,
            "INSERT INTO versions (num, version, record, fingerprint, sha256, filename, "
            "stored_at) SELECT num, version, record, fingerprint, sha256, filename, modified "
            "FROM articles WHERE num = ?",
            (num,),
        )
        if article.id != tid:
            self._have_aliases = True
            self._x(
                conn,
                "INSERT INTO aliases (id, num) VALUES (?, ?) "
                "ON CONFLICT (id) DO UPDATE SET num = excluded.num",
                (article.id, num),
            )
            record = Article.from_dict({**article.to_dict(), "id": tid})
        else:
            record = article
        cols = _columns(record)
        cols.update(
            seq=seq,
            version=version + 1,
            fingerprint=fp,
            sha256=sha,
            filename=filename,
            path=path,
            format=record.provenance.format,
            record=serialize(record)[0],
            modified=utcnow(),
        )
        assignments = ", ".join(f"{name} = ?" for name in cols)
        self._x(conn, f"UPDATE articles SET {assignments} WHERE num = ?", [*cols.values(), num])
        self._x(conn, "DELETE FROM people WHERE num = ?", (num,))
        self._put_people(conn, num, record)
        return PutResult(tid, num, "updated", seq, version + 1)

    def _put_people(self, conn: Any, num: int, article: Article) -> None:
        rows = {(num, "author", n) for n in article.authors if n}
        rows |= {(num, "translator", n) for n in article.translators if n}
        if rows:
            conn.cursor().executemany(
                self._sql("INSERT INTO people (num, role, name) VALUES (?, ?, ?)"),
                sorted(rows),
            )

    def record_file(self, state: FileState, run: int | None) -> None:
        conn = self._writer_conn()
        now = utcnow()
        self._x(
            conn,
            "INSERT INTO files (path, sha256, size, mtime_ns, num, error, run, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
            "sha256 = excluded.sha256, size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "num = excluded.num, error = excluded.error, run = excluded.run, "
            "seen_at = excluded.seen_at",
            (
                state.path,
                state.sha256,
                state.size,
                state.mtime_ns,
                state.num,
                state.error,
                run,
                now,
            ),
        )
        if state.error is not None:
            self._x(
                conn,
                "INSERT INTO import_log (run, path, sha256, message, at) VALUES (?, ?, ?, ?, ?)",
                (run, state.path, state.sha256, state.error, now),
            )

    def start_run(self, paths: Sequence[str]) -> int:
        with self.write():
            row = self._x(
                self._writer_conn(),
                "INSERT INTO runs (started, paths) VALUES (?, ?) RETURNING run",
                (utcnow(), json.dumps(list(paths), ensure_ascii=False)),
            ).fetchone()
        return int(row[0])

    def finish_run(self, run: int, counts: dict[str, int], interrupted: bool) -> None:
        with self.write():
            self._x(
                self._writer_conn(),
                "UPDATE runs SET finished = ?, counts = ?, interrupted = ? WHERE run = ?",
                (utcnow(), json.dumps(counts), 1 if interrupted else 0, run),
            )

    # -- reading ------------------------------------------------------------------------
    def _num(self, conn: Any, id: str, withdrawn: bool = False) -> Any:
        """The current row of ``id`` (or of the record it is an alias of); a withdrawn
        record only when ``withdrawn`` is asked for."""
        hide = "" if withdrawn else " AND withdrawn IS NULL"
        return self._x(
            conn,
            "SELECT num, version, record, sha256, filename, modified FROM articles "
            f"WHERE (id = ? OR num = (SELECT num FROM aliases WHERE id = ?)){hide}",
            (id, id),
        ).fetchone()

    def get(self, id: str, version: int | None = None, withdrawn: bool = False) -> Article | None:
        with self._reading() as conn:
            row = self._num(conn, id, withdrawn)
            if row is None:
                return None
            if version is None or version == row[1]:
                return Article.from_json(row[2])
            old = self._x(
                conn, "SELECT record FROM versions WHERE num = ? AND version = ?", (row[0], version)
            ).fetchone()
            return Article.from_json(old[0]) if old else None

    def num_of(self, id: str) -> int | None:
        with self._reading() as conn:
            row = self._num(conn, id)
        return int(row[0]) if row is not None else None

    def versions(self, id: str, withdrawn: bool = False) -> list[Version]:
        with self._reading() as conn:
            row = self._num(conn, id, withdrawn)
            if row is None:
                return []
            num, version, _record, sha, filename, modified = row
            out = [Version(version, modified, sha, filename, True)]
            for v, stored_at, vsha, vname in self._x(
                conn,
                "SELECT version, stored_at, sha256, filename FROM versions WHERE num = ? "
                "ORDER BY version DESC",
                (num,),
            ).fetchall():
                out.append(Version(v, stored_at, vsha, vname, False))
            return out

    def original(
        self, id: str, version: int | None = None, withdrawn: bool = False
    ) -> Original | None:
        chosen = next(
            (
                v
                for v in self.versions(id, withdrawn)
                if (v.current if version is None else v.number == version)
            ),
            None,
        )
        if chosen is None or not chosen.sha256:
            return None
        row = self._one("SELECT data, media_type FROM blobs WHERE sha256 = ?", (chosen.sha256,))
        if row is None:
            return None
        return Original(bytes(row[0]), chosen.filename, row[1])

    def articles(self, filters: Filters, cursor: str | None, limit: int, order: str) -> ArticlePage:
        if order not in ORDERS:
            raise ArchiveError(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")
        where, params = ["withdrawn IS NULL"], []
        for column in ("section", "source", "year", "month"):
            value = getattr(filters, column)
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if filters.language:
            lang = filters.language.lower()
            where.append("(language = ? OR language LIKE ?)")
            params += [lang, lang + "-%"]
        if filters.author:
            where.append("num IN (SELECT num FROM people WHERE name = ? AND role = 'author')")
            params.append(filters.author)
        desc = order == "date_desc"
        if cursor:
            date, num = decode_cursor(cursor)
            where.append("(date, num) < (?, ?)" if desc else "(date, num) > (?, ?)")
            params += [date, num]
        direction = "DESC" if desc else "ASC"
        sql = "SELECT num, date, record FROM articles WHERE " + " AND ".join(where)
        sql += f" ORDER BY date {direction}, num {direction} LIMIT ?"
        rows = self._all(sql, [*params, limit + 1])
        page = [Article.from_json(r[2]) for r in rows[:limit]]
        nxt = encode_cursor(rows[limit - 1][1], rows[limit - 1][0]) if len(rows) > limit else None
        return ArticlePage(page, nxt)

    def by_nums(self, nums: Sequence[int]) -> dict[int, Article]:
        if not nums:
            return {}
        rows = self._all(
            f"SELECT num, record FROM articles WHERE num IN {self._in(len(nums))} "
            "AND withdrawn IS NULL",
            list(nums),
        )
        return {int(num): Article.from_json(record) for num, record in rows}

    def since(self, seq: int, limit: int) -> list[tuple[int, int, Article]]:
        return [(s, n, Article.from_json(r)) for s, n, r in self.since_records(seq, limit)]

    def since_records(self, seq: int, limit: int) -> list[tuple[int, int, str]]:
        rows = self._all(
            "SELECT seq, num, record FROM articles WHERE seq > ? AND withdrawn IS NULL "
            "ORDER BY seq LIMIT ?",
            (seq, limit),
        )
        return [(int(s), int(n), r) for s, n, r in rows]

    def withdrawn_since(self, seq: int) -> list[tuple[int, int]]:
        """(seq, num) of records withdrawn after ``seq``: what derived data must drop."""
        rows = self._all(
            "SELECT seq, num FROM articles WHERE seq > ? AND withdrawn IS NOT NULL ORDER BY seq",
            (seq,),
        )
        return [(int(s), int(n)) for s, n in rows]

    def changes(self, seq: int, limit: int, from_: str | None, until: str | None) -> list[Change]:
        sql = "SELECT seq, id, modified, withdrawn FROM articles WHERE seq > ?"
        params: list[Any] = [seq]
        if from_:
            sql += " AND modified >= ?"
            params.append(from_)
        if until:
            sql += " AND modified <= ?"
            params.append(until)
        rows = self._all(sql + " ORDER BY seq LIMIT ?", [*params, limit])
        return [Change(int(s), i, m, w is not None) for s, i, m, w in rows]

    def max_seq(self) -> int:
        return int(self._one("SELECT COALESCE(MAX(seq), 0) FROM articles")[0])

    def count(self) -> int:
        return int(self._one("SELECT COUNT(*) FROM articles")[0])

    def stats(self) -> dict[str, Any]:
        def grouped(column: str) -> list[tuple[Any, int]]:
            rows = self._all(
                f"SELECT {column}, COUNT(*) FROM articles WHERE withdrawn IS NULL "
                f"GROUP BY {column} "
                f"ORDER BY COUNT(*) DESC, {column}"
            )
            return [(value, int(n)) for value, n in rows]

        totals = self._one(
            "SELECT COUNT(*), "
            "COALESCE(SUM(CASE WHEN date = '' THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN n_authors = 0 THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN n_warnings > 0 THEN 1 ELSE 0 END), 0) FROM articles "
            "WHERE withdrawn IS NULL"
        )
        files = self._one(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN error IS NULL THEN 0 ELSE 1 END), 0) "
            "FROM files"
        )
        blob = self._one("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM blobs")
        return {
            "records": int(totals[0]),
            "by_section": grouped("section"),
            "by_language": grouped("language"),
            "by_year": sorted(grouped("year"), key=lambda kv: (kv[0] is None, kv[0] or 0)),
            "health": {
                "without_date": int(totals[1]),
                "without_author": int(totals[2]),
                "with_warnings": int(totals[3]),
                "failed_files": int(files[1]),
            },
            "files": int(files[0]),
            "versions": int(self._one("SELECT COUNT(*) FROM versions")[0]),
            "originals": int(blob[0]),
            "original_bytes": int(blob[1]),
            "seq": self.max_seq(),
            "withdrawn": int(
                self._one("SELECT COUNT(*) FROM articles WHERE withdrawn IS NOT NULL")[0]
            ),
        }

    def errors(self, history: bool = False) -> list[Failure]:
        if history:
            rows = self._all("SELECT path, message, sha256, at, run FROM import_log ORDER BY entry")
        else:
            rows = self._all(
                "SELECT path, error, sha256, seen_at, run FROM files "
                "WHERE error IS NOT NULL ORDER BY path"
            )
        return [Failure(shown(p), m, s, a, r) for p, m, s, a, r in rows]

    def file_states(self, paths: Sequence[str]) -> dict[str, FileState]:
        out: dict[str, FileState] = {}
        for i in range(0, len(paths), _CHUNK):
            part = list(paths[i : i + _CHUNK])
            for row in self._all(
                "SELECT f.path, f.sha256, f.size, f.mtime_ns, f.num, f.error, a.id "
                "FROM files f LEFT JOIN articles a ON a.num = f.num "
                f"WHERE f.path IN {self._in(len(part))}",
                part,
            ):
                out[row[0]] = FileState(*row)
        return out

    def known_shas(self, shas: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in range(0, len(shas), _CHUNK):
            part = list(shas[i : i + _CHUNK])
            for sha, num in self._all(
                "SELECT sha256, num FROM files WHERE error IS NULL AND num IS NOT NULL "
                f"AND sha256 IN {self._in(len(part))}",
                part,
            ):
                out[sha] = int(num)
        return out

    def iter_articles(self, chunk: int = 500) -> Iterator[Article]:
        last = 0
        while True:
            rows = self._all(
                "SELECT num, record, withdrawn FROM articles WHERE num > ? ORDER BY num LIMIT ?",
                (last, chunk),
            )
            if not rows:
                return
            for _num, record, withdrawn in rows:
                if withdrawn is None:  # a withdrawn record stays in the store, not in exports
                    yield Article.from_json(record)
            last = int(rows[-1][0])

    # -- withdrawal and published files -------------------------------------------------
    # A withdrawn record keeps its row, its versions and its files: it only leaves every
    # public read (lists, search, feeds, exports). Its change counter moves, so the index
    # and OAI-PMH (which calls it deleted) follow.
    def set_withdrawn(self, id: str, at: str | None, note: str | None = None) -> PutResult | None:
        """Withdraw the record ``id`` at ``at`` (``None``: put it back); inside :meth:`write`.
        ``None`` when there is no such record; ``unchanged`` when it already is so."""
        conn = self._writer_conn()
        row = self._x(
            conn,
            "SELECT num, id, seq, withdrawn FROM articles "
            "WHERE id = ? OR num = (SELECT num FROM aliases WHERE id = ?)",
            (id, id),
        ).fetchone()
        if row is None:
            return None
        num, tid, seq, was = row
        if (was is None) == (at is None):
            return PutResult(tid, num, "unchanged", seq)
        seq = self._next_seq(conn)
        self._x(
            conn,
            "UPDATE articles SET withdrawn = ?, withdrawn_note = ?, seq = ?, modified = ? "
            "WHERE num = ?",
            (at, note if at else None, seq, utcnow(), num),
        )
        return PutResult(tid, num, "updated", seq)

    def withdrawal(self, id: str) -> Withdrawal | None:
        """When and why ``id`` was withdrawn; ``None`` when it is on the site (or unknown)."""
        row = self._one(
            "SELECT id, withdrawn, withdrawn_note FROM articles WHERE withdrawn IS NOT NULL "
            "AND (id = ? OR num = (SELECT num FROM aliases WHERE id = ?))",
            (id, id),
        )
        return Withdrawal(row[0], row[1], row[2]) if row else None

    def put_files(self, num: int, files: Sequence[tuple[str, bytes, str]]) -> None:
        """Keep ``(name, data, media_type)`` files with the current version of ``num`` (the
        HTML page and figures published beside its PDF); inside :meth:`write`."""
        conn = self._writer_conn()
        version = int(
            self._x(conn, "SELECT version FROM articles WHERE num = ?", (num,)).fetchone()[0]
        )
        for name, data, media in files:
            sha = blobs.sha256(data)
            self._x(
                conn,
                "INSERT INTO blobs (sha256, size, media_type, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (sha256) DO NOTHING",
                (sha, len(data), media, data),
            )
            self._x(
                conn,
                "INSERT INTO published_files (num, version, name, sha256, media_type) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (num, version, name) DO UPDATE SET "
                "sha256 = excluded.sha256, media_type = excluded.media_type",
                (num, version, name, sha, media),
            )

    def published_files(
        self, id: str, version: int | None = None, withdrawn: bool = False
    ) -> dict[str, Original]:
        """The files kept with a version of ``id`` (default: the current one), by name."""
        with self._reading() as conn:
            row = self._num(conn, id, withdrawn)
            if row is None:
                return {}
            rows = self._x(
                conn,
                "SELECT p.name, b.data, p.media_type FROM published_files p "
                "JOIN blobs b ON b.sha256 = p.sha256 WHERE p.num = ? AND p.version = ? "
                "ORDER BY p.name",
                (row[0], version or row[1]),
            ).fetchall()
        return {name: Original(bytes(data), name, media) for name, data, media in rows}

    # -- derived tables of other packages (a hook for ganjina.links) --------------------
    # ganjina.links keeps its derived data (record profiles, LSH bands, typed relations)
    # in the link_* tables of migration 0002_links, and reaches them only through these
    # methods, in SQL both backends accept (``?`` placeholders): no other package holds
    # a connection. Inside a write transaction, reads see that transaction's writes.
    def derived_rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The rows of a query (on the writer's connection inside :meth:`write`)."""
        if getattr(self, "_depth", 0):
            return list(self._x(self._writer_conn(), sql, params).fetchall())
        return self._all(sql, params)

    def derived_execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement; inside :meth:`write`."""
        self._x(self._writer_conn(), sql, params)

    def derived_executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement per parameter row; inside :meth:`write`."""
        if rows:
            self._writer_conn().cursor().executemany(self._sql(sql), rows)
