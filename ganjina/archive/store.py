"""The store of record: one narrow interface, two backends (SQLite, PostgreSQL).

The store is the truth; the search index and every export are derived from it. Backends
live in ``sqlite.py`` and ``postgres.py`` (imported lazily, so PostgreSQL stays an optional
extra); the record logic they share (versions, aliases, the import log) is portable SQL in
``sqlstore.py``. Nothing outside ``ganjina/archive`` talks to a store: the
:class:`~ganjina.archive.facade.Archive` facade does.

Writing is single-writer: :meth:`Store.acquire_writer` takes an exclusive lock (a file lock
for SQLite, an advisory lock for PostgreSQL) or raises :class:`ArchiveLocked`; every change
happens inside one ``with store.write():`` transaction, so nothing is ever half-written.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ganjina.archive.types import ArticlePage, Change, Failure, Original, Version, Withdrawal
from ganjina.errors import ArchiveError
from ganjina.record import Article

PutStatus = Literal["new", "updated", "unchanged"]

#: an article's format ranks: a record read from a higher-ranked file replaces one read from
#: a lower-ranked file of the same article, never the other way round (PDFs Ganjina writes
#: embed their record exactly; Markdown and DOCX sources come next)
FORMAT_RANK = {"pdf": 4, "docx": 3, "markdown": 2, "html": 1, "text": 0}

ORDERS = ("date_desc", "date_asc")


@dataclass(frozen=True)
class PutResult:
    id: str
    num: int
    status: PutStatus
    seq: int
    #: the record's version number after the put (0 where it was not looked up)
    version: int = 0


@dataclass(frozen=True)
class FileState:
    """What the archive knows of one path it has read."""

    path: str
    sha256: str
    size: int
    mtime_ns: int
    num: int | None
    error: str | None
    #: the id of the record ``num`` (filled when read back, ignored when written)
    article_id: str | None = None


@dataclass(frozen=True)
class Filters:
    section: str | None = None
    language: str | None = None
    author: str | None = None
    source: str | None = None
    year: int | None = None
    month: int | None = None


def utcnow() -> str:
    """Now in UTC as sortable ISO 8601 with microseconds, e.g. ``2024-07-13T08:00:00.000001Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def serialize(article: Article) -> tuple[str, str]:
    """The record as stored JSON, and its fingerprint: a hash of what it says, ignoring
    its id and where it was read from (one JSON encoding serves both)."""
    d = article.to_dict()
    head = {"id": d.pop("id"), "provenance": d.pop("provenance")}
    body = json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    fp = hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]
    start = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    return (start[:-1] + "," + body[1:] if len(body) > 2 else start), fp


def fingerprint(article: Article) -> str:
    """A hash of what the record says, ignoring its id and where it was read from."""
    return serialize(article)[1]


class Store(ABC):
    """What the archive needs from a database; see the module docstring."""

    #: "sqlite" or "postgresql"
    kind: str
    #: where it is, fit to show (no password)
    display: str
    #: a random id made when the store was created; the index remembers it
    uuid: str

    @abstractmethod
    def close(self) -> None: ...

    # -- writing ------------------------------------------------------------------------
    @abstractmethod
    def acquire_writer(self) -> None:
        """Become the one writer, or raise ArchiveLocked. Idempotent."""

    @abstractmethod
    def release_writer(self) -> None:
        """Stop being the writer, so another process may write."""

    @abstractmethod
    def write(self) -> AbstractContextManager[None]:
        """One transaction: everything inside is saved together or not at all."""

    @abstractmethod
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
        """Store a record (and its original); inside :meth:`write`. ``serialized`` is
        ``serialize(article)`` when a helper process has computed it already."""

    @abstractmethod
    def record_file(self, state: FileState, run: int | None) -> None:
        """Remember a path as read (``error`` None) or failed; failures go to the import log."""

    @abstractmethod
    def start_run(self, paths: Sequence[str]) -> int: ...

    @abstractmethod
    def finish_run(self, run: int, counts: dict[str, int], interrupted: bool) -> None: ...

    @abstractmethod
    def set_withdrawn(self, id: str, at: str | None, note: str | None = None) -> PutResult | None:
        """Take a record off the site at ``at`` (``None``: back on it); inside :meth:`write`."""

    @abstractmethod
    def put_files(self, num: int, files: Sequence[tuple[str, bytes, str]]) -> None:
        """Keep ``(name, data, media_type)`` files with the record's current version."""

    # -- reading (``withdrawn``: include a withdrawn record, for the desk) ---------------
    @abstractmethod
    def get(
        self, id: str, version: int | None = None, withdrawn: bool = False
    ) -> Article | None: ...

    @abstractmethod
    def num_of(self, id: str) -> int | None:
        """The internal number of a record (or of the record an old id now names)."""

    @abstractmethod
    def versions(self, id: str, withdrawn: bool = False) -> list[Version]: ...

    @abstractmethod
    def original(
        self, id: str, version: int | None = None, withdrawn: bool = False
    ) -> Original | None: ...

    @abstractmethod
    def withdrawal(self, id: str) -> Withdrawal | None: ...

    @abstractmethod
    def published_files(
        self, id: str, version: int | None = None, withdrawn: bool = False
    ) -> dict[str, Original]: ...

    @abstractmethod
    def withdrawn_since(self, seq: int) -> list[tuple[int, int]]:
        """(seq, num) of records withdrawn after ``seq``."""

    @abstractmethod
    def articles(
        self, filters: Filters, cursor: str | None, limit: int, order: str
    ) -> ArticlePage: ...

    @abstractmethod
    def by_nums(self, nums: Sequence[int]) -> dict[int, Article]:
        """Current records by their internal number (what index documents point at)."""

    @abstractmethod
    def since(self, seq: int, limit: int) -> list[tuple[int, int, Article]]:
        """(seq, num, article) of records changed after ``seq``, oldest change first;
        withdrawn records are left out (see :meth:`withdrawn_since`)."""

    @abstractmethod
    def since_records(self, seq: int, limit: int) -> list[tuple[int, int, str]]:
        """As :meth:`since`, each record as its stored JSON (``Article.from_json``): what
        a catch-up hands to helper processes, cheaper to send than an Article."""

    @abstractmethod
    def changes(
        self, seq: int, limit: int, from_: str | None, until: str | None
    ) -> list[Change]: ...

    @abstractmethod
    def max_seq(self) -> int: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def stats(self) -> dict[str, Any]: ...

    @abstractmethod
    def errors(self, history: bool = False) -> list[Failure]: ...

    @abstractmethod
    def file_states(self, paths: Sequence[str]) -> dict[str, FileState]: ...

    @abstractmethod
    def known_shas(self, shas: Sequence[str]) -> dict[str, int]:
        """sha256 -> record number, for originals already read into a record."""

    @abstractmethod
    def iter_articles(self, chunk: int = 500) -> Iterator[Article]:
        """Every current record, oldest first, a chunk of rows in memory at a time."""


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str | Path, *, create: bool) -> Store:
    """A store for ``url``: a folder (SQLite) or a ``postgresql://`` URL."""
    text = str(url)
    if is_postgres_url(text):
        from ganjina.archive.postgres import PostgresStore

        return PostgresStore(text, create=create)
    if text.startswith("sqlite:"):
        text = text.removeprefix("sqlite:").removeprefix("//")
    if "://" in text:
        raise ArchiveError(f"unknown archive URL {text!r}: use a folder or postgresql://")
    from ganjina.archive.sqlite import SqliteStore

    return SqliteStore(Path(text), create=create)
