"""The desk's tables (``desk_schema.py``) in SQL both backends accept.

Reached as ``archive.desk``. Every change goes through :meth:`SqlStore.ledger`: a short
transaction of its own, or the archive writer's when it is called inside one (a
publication and its audit entry are saved together). Drafts are append-only: saving
adds a revision; the audit log is append-only too. What changes in place is only
state, never content: a session's last-seen time, an account's role, sections or hash
(each change audited by the caller).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ganjina.archive import blobs
from ganjina.archive.desk import (
    AuditEntry,
    DeskSection,
    Draft,
    Figure,
    Revision,
    Session,
    User,
)
from ganjina.archive.store import utcnow
from ganjina.errors import ArchiveError
from ganjina.record import Article

if TYPE_CHECKING:
    from ganjina.archive.sqlstore import SqlStore

_USER = "SELECT name, role, password, created, changed, disabled FROM desk_users"
_SESSION = "SELECT token, name, csrf, created, seen, ended, ended_why, address FROM desk_sessions"
_DRAFT = (
    "SELECT d.draft, d.created, d.created_by, d.section, d.article, d.revision, d.changed, "
    "r.record FROM desk_drafts d JOIN desk_revisions r "
    "ON r.draft = d.draft AND r.revision = d.revision"
)
_REVISION = (
    "SELECT draft, revision, at, by, record, source_sha, source_name, figures, note "
    "FROM desk_revisions"
)
_AUDIT = "SELECT entry, at, actor, action, article, draft, detail FROM desk_audit"
MAX_LIST = 500


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class DeskStore:
    def __init__(self, store: SqlStore) -> None:
        self.s = store

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.s.ledger() as conn:
            return self.s._x(conn, sql, params)

    # -- accounts -------------------------------------------------------------------------
    def add_user(self, name: str, role: str, password: str, sections: Sequence[str]) -> User:
        now = utcnow()
        with self.s.ledger() as conn:
            if self.s._x(conn, "SELECT 1 FROM desk_users WHERE name = ?", (name,)).fetchone():
                raise ArchiveError(f"there is already an account {name!r}")
            self.s._x(
                conn,
                "INSERT INTO desk_users (name, role, password, created, changed, disabled) "
                "VALUES (?, ?, ?, ?, ?, 0)",
                (name, role, password, now, now),
            )
            self._grant(conn, name, sections)
        user = self.user(name)
        assert user is not None
        return user

    def _grant(self, conn: Any, name: str, sections: Sequence[str]) -> None:
        self.s._x(conn, "DELETE FROM desk_grants WHERE name = ?", (name,))
        for section in sorted(set(sections)):
            self.s._x(
                conn, "INSERT INTO desk_grants (name, section) VALUES (?, ?)", (name, section)
            )

    def _user(self, row: Any, sections: dict[str, list[str]]) -> User:
        name, role, password, created, changed, disabled = row
        granted = tuple(sections.get(name, ()))
        return User(name, role, password, created, changed, bool(disabled), granted)

    def user(self, name: str) -> User | None:
        row = self.s._one(_USER + " WHERE name = ?", (name,))
        if row is None:
            return None
        rows = self.s._all(
            "SELECT section FROM desk_grants WHERE name = ? ORDER BY section", (name,)
        )
        return self._user(row, {name: [r[0] for r in rows]})

    def users(self) -> list[User]:
        grants: dict[str, list[str]] = {}
        for name, section in self.s._all(
            "SELECT name, section FROM desk_grants ORDER BY name, section"
        ):
            grants.setdefault(name, []).append(section)
        return [self._user(r, grants) for r in self.s._all(_USER + " ORDER BY name")]

    def update_user(
        self,
        name: str,
        *,
        role: str | None = None,
        password: str | None = None,
        disabled: bool | None = None,
        sections: Sequence[str] | None = None,
    ) -> None:
        """Change what is given; the caller writes the audit entry."""
        with self.s.ledger() as conn:
            sets: list[str] = ["changed = ?"]
            params: list[Any] = [utcnow()]
            for column, value in (("role", role), ("password", password)):
                if value is not None:
                    sets.append(f"{column} = ?")
                    params.append(value)
            if disabled is not None:
                sets.append("disabled = ?")
                params.append(1 if disabled else 0)
            self.s._x(
                conn, f"UPDATE desk_users SET {', '.join(sets)} WHERE name = ?", [*params, name]
            )
            if sections is not None:
                self._grant(conn, name, sections)

    # -- sections made in the browser -----------------------------------------------------
    def add_section(
        self, id: str, labels: Sequence[str], language: str | None, by: str | None
    ) -> None:
        with self.s.ledger() as conn:
            if self.s._x(conn, "SELECT 1 FROM desk_sections WHERE id = ?", (id,)).fetchone():
                raise ArchiveError(f"there is already a section {id!r}")
            self.s._x(
                conn,
                "INSERT INTO desk_sections (id, labels, language, created, created_by) "
                "VALUES (?, ?, ?, ?, ?)",
                (id, _dumps(list(labels)), language, utcnow(), by),
            )

    def sections(self) -> list[DeskSection]:
        rows = self.s._all(
            "SELECT id, labels, language, created, created_by FROM desk_sections ORDER BY id"
        )
        return [DeskSection(i, tuple(json.loads(lb)), lang, c, b) for i, lb, lang, c, b in rows]

    # -- sessions -------------------------------------------------------------------------
    def new_session(self, token: str, name: str, csrf: str, address: str | None) -> None:
        now = utcnow()
        self._run(
            "INSERT INTO desk_sessions (token, name, csrf, created, seen, address) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (token, name, csrf, now, now, address),
        )

    def session(self, token: str) -> Session | None:
        row = self.s._one(_SESSION + " WHERE token = ?", (token,))
        return Session(*row) if row else None

    def touch_session(self, token: str) -> None:
        self._run("UPDATE desk_sessions SET seen = ? WHERE token = ?", (utcnow(), token))

    def end_session(self, token: str, why: str) -> None:
        self._run(
            "UPDATE desk_sessions SET ended = ?, ended_why = ? WHERE token = ? AND ended IS NULL",
            (utcnow(), why, token),
        )

    def end_sessions_of(self, name: str, why: str) -> None:
        self._run(
            "UPDATE desk_sessions SET ended = ?, ended_why = ? WHERE name = ? AND ended IS NULL",
            (utcnow(), why, name),
        )

    # -- sign-in attempts -----------------------------------------------------------------
    def log_login(self, name: str, address: str | None, ok: bool, why: str) -> None:
        self._run(
            "INSERT INTO desk_logins (at, name, address, ok, why) VALUES (?, ?, ?, ?, ?)",
            (utcnow(), name, address, 1 if ok else 0, why),
        )

    def failures(self, since: str, *, name: str | None = None, address: str | None = None) -> int:
        """Failed attempts after ``since`` for an account (after its last success), or
        from an address (a success does not reset that: one client signing in to an
        account of its own between guesses at others must not start again at nought)."""
        if name is None:
            row = self.s._one(
                "SELECT COUNT(*) FROM desk_logins WHERE address = ? AND ok = 0 AND at > ?",
                (address, since),
            )
            return int(row[0])
        row = self.s._one(
            "SELECT COUNT(*) FROM desk_logins WHERE name = ? AND ok = 0 AND at > ? "
            "AND at > COALESCE((SELECT MAX(at) FROM desk_logins WHERE name = ? AND ok = 1), '')",
            (name, since, name),
        )
        return int(row[0])

    def logins(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.s._all(
            "SELECT at, name, address, ok, why FROM desk_logins ORDER BY entry DESC LIMIT ?",
            (min(limit, MAX_LIST),),
        )
        return [
            {"at": a, "name": n, "address": ad, "ok": bool(ok), "why": w}
            for a, n, ad, ok, w in rows
        ]

    # -- drafts ---------------------------------------------------------------------------
    def put_blob(self, data: bytes, media_type: str) -> str:
        sha = blobs.sha256(data)
        self._run(
            "INSERT INTO blobs (sha256, size, media_type, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (sha256) DO NOTHING",
            (sha, len(data), media_type, data),
        )
        return sha

    def blob(self, sha: str) -> bytes | None:
        row = self.s._one("SELECT data FROM blobs WHERE sha256 = ?", (sha,))
        return bytes(row[0]) if row else None

    def new_draft(
        self,
        draft: str,
        by: str,
        record: Article,
        *,
        article: str | None = None,
        source_sha: str | None = None,
        source_name: str | None = None,
        figures: Sequence[Figure] = (),
        note: str | None = None,
    ) -> None:
        now = utcnow()
        section = record.section.id if record.section else None
        with self.s.ledger() as conn:
            self.s._x(
                conn,
                "INSERT INTO desk_drafts (draft, created, created_by, section, article, "
                "revision, changed) VALUES (?, ?, ?, ?, ?, 1, ?)",
                (draft, now, by, section, article, now),
            )
            self._revision(conn, draft, 1, by, record, source_sha, source_name, figures, note)

    def _revision(
        self,
        conn: Any,
        draft: str,
        number: int,
        by: str,
        record: Article,
        source_sha: str | None,
        source_name: str | None,
        figures: Sequence[Figure],
        note: str | None,
    ) -> None:
        self.s._x(
            conn,
            "INSERT INTO desk_revisions (draft, revision, at, by, record, source_sha, "
            "source_name, figures, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                draft,
                number,
                utcnow(),
                by,
                record.to_json(indent=None),
                source_sha,
                source_name,
                _dumps([f.to_dict() for f in figures]),
                note,
            ),
        )

    def add_revision(
        self,
        draft: str,
        by: str,
        record: Article,
        *,
        based_on: int,
        figures: Sequence[Figure] | None = None,
        note: str | None = None,
    ) -> int:
        """Save a new revision of ``draft`` edited from revision ``based_on``; refused
        (ArchiveError) when someone saved another revision meanwhile, so no edit is lost."""
        with self.s.ledger() as conn:
            row = self.s._x(
                conn, "SELECT revision FROM desk_drafts WHERE draft = ?", (draft,)
            ).fetchone()
            if row is None:
                raise ArchiveError(f"no draft {draft!r}")
            if int(row[0]) != based_on:
                raise ArchiveError(
                    f"the draft was saved by someone else meanwhile (revision {row[0]})"
                )
            prev = self.s._x(
                conn,
                "SELECT source_sha, source_name, figures FROM desk_revisions "
                "WHERE draft = ? AND revision = ?",
                (draft, based_on),
            ).fetchone()
            kept = [Figure.from_dict(d) for d in json.loads(prev[2])]
            number = based_on + 1
            self._revision(
                conn, draft, number, by, record, prev[0], prev[1],
                kept if figures is None else figures, note,
            )  # fmt: skip
            self.s._x(
                conn,
                "UPDATE desk_drafts SET revision = ?, section = ?, changed = ? WHERE draft = ?",
                (number, record.section.id if record.section else None, utcnow(), draft),
            )
        return number

    def set_article(self, draft: str, article: str) -> None:
        """The draft became (or corrects) the archive's record ``article``."""
        self._run("UPDATE desk_drafts SET article = ? WHERE draft = ?", (article, draft))

    def _draft(self, row: Any) -> Draft:
        draft, created, by, section, article, revision, changed, record_json = row
        record = json.loads(record_json)
        return Draft(
            draft, created, by, section, article, int(revision), changed,
            title=record.get("title"), language=record.get("language"),
        )  # fmt: skip

    def draft(self, draft: str) -> Draft | None:
        row = self.s._one(_DRAFT + " WHERE d.draft = ?", (draft,))
        return self._draft(row) if row else None

    def draft_of_article(self, article: str) -> Draft | None:
        row = self.s._one(_DRAFT + " WHERE d.article = ? ORDER BY d.created LIMIT 1", (article,))
        return self._draft(row) if row else None

    def drafts(
        self,
        *,
        sections: Sequence[str] | None = None,
        user: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Draft]:
        """Newest change first; ``sections``/``user`` narrow to what an editor may see:
        drafts in those sections, and drafts without a section that ``user`` started."""
        sql, params = _DRAFT, []
        if sections is not None:
            where = "d.section IN " + self.s._in(len(sections)) if sections else "1 = 0"
            sql += f" WHERE ({where} OR (d.section IS NULL AND d.created_by = ?))"
            params = [*sections, user]
        sql += " ORDER BY d.changed DESC, d.draft LIMIT ? OFFSET ?"
        rows = self.s._all(sql, [*params, min(limit, MAX_LIST), offset])
        return [self._draft(r) for r in rows]

    def _revision_of(self, row: Any) -> Revision:
        figures = tuple(Figure.from_dict(d) for d in json.loads(row[7]))
        return Revision(
            row[0], int(row[1]), row[2], row[3], Article.from_json(row[4]), row[5], row[6],
            figures, row[8],
        )  # fmt: skip

    def revision(self, draft: str, number: int) -> Revision | None:
        row = self.s._one(_REVISION + " WHERE draft = ? AND revision = ?", (draft, number))
        return self._revision_of(row) if row else None

    def revisions(self, draft: str) -> list[Revision]:
        rows = self.s._all(_REVISION + " WHERE draft = ? ORDER BY revision DESC", (draft,))
        return [self._revision_of(r) for r in rows]

    # -- the audit log --------------------------------------------------------------------
    def audit(
        self,
        actor: str,
        action: str,
        *,
        article: str | None = None,
        draft: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        self._run(
            "INSERT INTO desk_audit (at, actor, action, article, draft, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (utcnow(), actor, action, article, draft, _dumps(detail or {})),
        )

    def audit_log(
        self,
        *,
        article: str | None = None,
        draft: str | None = None,
        limit: int = 100,
        before: int | None = None,
    ) -> list[AuditEntry]:
        """Newest first; ``before`` (an entry number) pages back."""
        where: list[str] = []
        params: list[Any] = []
        if article is not None or draft is not None:
            where.append("(article = ? OR draft = ?)")
            params += [article, draft]
        if before is not None:
            where.append("entry < ?")
            params.append(before)
        sql = _AUDIT + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.s._all(sql + " ORDER BY entry DESC LIMIT ?", [*params, min(limit, MAX_LIST)])
        return [
            AuditEntry(int(e), a, ac, act, ar, d, json.loads(det))
            for e, a, ac, act, ar, d, det in rows
        ]
