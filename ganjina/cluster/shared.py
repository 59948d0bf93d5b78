"""A PostgreSQL store that many processes write at once, and bounded retries for it.

The local store has one writer: a session advisory lock held for a whole ingest. On a
cluster every worker writes its own batches, so :class:`SharedStore` takes the same lock
per transaction instead (``pg_advisory_xact_lock`` on the same key), and only for the
part of a batch that needs it: the originals are written first, in parallel with every
other worker, and the record rows after the lock is granted. That order also keeps the
followers right: change numbers (``seq``) are handed out and committed under the lock,
so a follower that has seen change N has seen every change numbered below N. A local
writer (``ganjina ingest`` without ``--scheduler``, ``ganjina links``) still excludes
them all, since session and transaction advisory locks on one key exclude each other.

Transient failures (the server restarting or out of reach, a lock wait timing out, a
deadlock) make :meth:`SharedStore.retry` reconnect and run the whole transaction again,
with a backoff, for at most ``retry_seconds``; then it gives up with one line. Running a
batch again is harmless: the writes are idempotent (content ids and file hashes decide).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

import psycopg

from ganjina.archive.postgres import _LOCK_KEY, PostgresStore, translate
from ganjina.errors import ArchiveError

T = TypeVar("T")

#: a statement waiting longer than this for the write lock fails, and is retried
LOCK_TIMEOUT_SECONDS = 30
#: by default, give up on an unreachable store after this long
RETRY_SECONDS = 120.0
#: SQLSTATE classes and codes worth retrying: connection lost (08), server shutting down
#: or starting (57P01-57P03), lock timeout (55P03), deadlock (40P01), serialization (40001)
_TRANSIENT = ("08", "57P01", "57P02", "57P03", "55P03", "40P01", "40001")
#: the channel a batch notifies when it commits changes (payload: the highest seq)
CHANNEL = "ganjina_changes"


class StoreBusy(ArchiveError):
    """A failure that may pass: the server is restarting, unreachable, or contended."""


class StoreUnavailable(ArchiveError):
    """The store stayed out of reach for longer than the retry bound."""


def transient(err: BaseException) -> bool:
    if isinstance(err, StoreBusy):
        return True
    if not isinstance(err, psycopg.Error):
        return False
    state = getattr(err, "sqlstate", None) or ""
    if state:
        return state.startswith(_TRANSIENT)
    # no SQLSTATE: the connection broke before the server could say why
    return isinstance(err, psycopg.OperationalError | psycopg.InterfaceError)


class SharedStore(PostgresStore):
    """A :class:`PostgresStore` whose write lock lasts one transaction, not one run."""

    def __init__(
        self, url: str, *, create: bool = False, retry_seconds: float = RETRY_SECONDS
    ) -> None:
        self.retry_seconds = retry_seconds
        # migrating a new archive happens in ``write``, so under the lock as well
        super().__init__(url, create=create)

    # -- connections ----------------------------------------------------------------------
    def _connect(self) -> Any:
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise self._error(err) from None

    def _error(self, err: psycopg.Error) -> ArchiveError:
        one_line = translate(err, self.display)
        return StoreBusy(str(one_line)) if transient(err) else one_line

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        try:
            yield conn
        except psycopg.Error as err:
            raise self._error(err) from None

    def acquire_writer(self) -> None:
        # a connection of our own, without the session lock: each transaction locks
        with self._lock:
            if self._writer is None or self._writer.closed:
                self._writer = self._connect()
                # for the connection's life, not per transaction: a round trip less a batch
                self._writer.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_SECONDS}s'")

    def release_writer(self) -> None:
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    def reset(self) -> None:
        """Drop every connection (after a transient failure they may all be dead)."""
        with self._lock:
            for conn in self._readers:
                with suppress(Exception):
                    conn.close()
            self._readers.clear()
            self._local.conn = None
            if self._writer is not None:
                with suppress(Exception):
                    self._writer.close()
                self._writer = None
            self._depth = 0

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One transaction on the writer connection, without the write lock (yet)."""
        self.acquire_writer()
        with self._lock:
            conn = self._writer
            if self._depth:
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
            try:
                with conn.transaction():
                    self._tx_begin()
                    self._depth = 1
                    try:
                        yield conn
                    finally:
                        self._depth = 0
            except psycopg.Error as err:
                raise self._error(err) from None

    def lock(self) -> None:
        """Take the write lock until the current transaction ends."""
        self._writer_conn().execute(f"SELECT pg_advisory_xact_lock(({_LOCK_KEY}))")

    @contextmanager
    def write(self) -> Iterator[None]:
        with self.transaction():
            self.lock()
            yield

    def notify(self, seq: int) -> None:
        """Tell the followers (at commit) that changes up to ``seq`` are there."""
        self._x(self._writer_conn(), "SELECT pg_notify(?, ?)", (CHANNEL, str(seq)))

    # -- retrying -------------------------------------------------------------------------
    def retry(self, action: Callable[[], T], what: str = "write") -> T:
        """Run ``action`` (a whole transaction, or a read), again after transient
        failures, with a capped exponential backoff, for at most ``retry_seconds``."""
        started = time.monotonic()
        delay = 0.25
        while True:
            try:
                return action()
            except StoreBusy as err:
                self.reset()
                waited = time.monotonic() - started
                if waited + delay > self.retry_seconds:
                    raise StoreUnavailable(
                        f"{err} (gave up the {what} after {waited:.0f} s of retries)"
                    ) from None
                time.sleep(delay * random.uniform(0.8, 1.2))
                delay = min(delay * 2, 5.0)
