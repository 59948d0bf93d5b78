"""Search nodes that follow a shared PostgreSQL store, each with a local Tantivy index.

The index is derived data: every node keeps its own and brings it up to date from the
store's change counter (``seq``), which is handed out in commit order (``ganjina.cluster.
shared``), so "every change after the last one I indexed" is one query. A node started
with an empty index builds it that way and then keeps following.

* **Who writes a node's index.** One process per index folder, chosen by an ``flock`` on
  ``<index folder>.lock`` (released by the kernel if that process dies, so another takes
  over). The store's own writer lock is not used: it belongs to the cluster's writers,
  and a node building its index must not stall them. Other processes of the node (the
  other ``serve --workers``) read the same folder; Tantivy reloads their searchers
  within about half a second of each commit.
* **How soon.** Writers notify the channel ``ganjina_changes`` when a batch commits;
  the follower ``LISTEN``s, so it starts catching up at once, and polls every
  ``POLL_SECONDS`` as well in case a notification was lost (a reconnect, a writer that
  does not notify). ``bench/cluster.py`` measures the latency from commit to searchable.
* **Failures.** An unreachable store is retried with a backoff; the index is never ahead
  of the store, so stopping anywhere is harmless.
"""

from __future__ import annotations

import fcntl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ganjina.archive.batch import catch_up
from ganjina.errors import ArchiveError, ArchiveLocked

if TYPE_CHECKING:
    from ganjina.archive.facade import Archive

#: the channel writers notify after a commit (payload: the highest seq committed)
CHANNEL = "ganjina_changes"
#: a follower looks at the store at least this often, notified or not
POLL_SECONDS = 2.0
#: while following, commit the index at least this often (records): a node started
#: empty becomes searchable part by part while it builds
FOLLOW_COMMIT = 20_000


#: the index locks this process holds, by lock file (a follower's lasts its lifetime)
_HELD: dict[str, IndexLock] = {}


class IndexLock:
    """The right to write one index folder, among the processes of this machine."""

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir.parent / f"{index_dir.name}.lock"
        self._fh: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock if it is free (never waits); True if this process holds it."""
        if self._fh is not None:
            return True
        if str(self.path) in _HELD:
            return False  # another object of this process has it
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "ab")  # noqa: SIM115 - held open while the lock is held
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        _HELD[str(self.path)] = self
        return True

    def release(self) -> None:
        if self._fh is not None:
            _HELD.pop(str(self.path), None)
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None

    @classmethod
    def held_here(cls, index_dir: Path) -> bool:
        return str(index_dir.parent / f"{index_dir.name}.lock") in _HELD


def ensure_local(archive: Archive) -> None:
    """Catch this node's index up with the store when no other process of the node is
    doing it (what a search does before it runs, on a PostgreSQL archive)."""
    index = archive.index
    if IndexLock.held_here(index.path):  # this process's follower keeps it current
        return
    index.reload_state()
    if index.usable and index.seq >= archive.store.max_seq():
        return
    lock = IndexLock(index.path)
    if not lock.acquire():
        if not index.usable:
            raise ArchiveLocked(
                f"the search index at {index.path} is being built by another process; "
                "try again when it has finished"
            )
        return  # another process of this node is catching it up
    try:
        index.reload_state()
        catch_up(archive.store, index)
    finally:
        index.close()
        lock.release()


def rebuild_local(archive: Archive) -> int:
    """Rebuild this node's index from the store (``ganjina reindex``)."""
    lock = IndexLock(archive.index.path)
    if not lock.acquire():
        raise ArchiveLocked(
            f"the search index at {archive.index.path} is being written by another "
            "process (a `serve` or `reindex --follow` on this machine); stop it first"
        )
    try:
        archive.index.reset()
        return catch_up(archive.store, archive.index)
    finally:
        archive.index.close()
        lock.release()


@dataclass
class Step:
    """One catch-up of a follower."""

    records: int
    seq: int
    seconds: float


class Follower:
    """Keeps ``archive``'s index following its store; :meth:`run` until ``stop`` is set."""

    def __init__(
        self,
        archive: Archive,
        *,
        poll_seconds: float = POLL_SECONDS,
        on_step: Callable[[Step], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self.archive = archive
        self.poll_seconds = poll_seconds
        self.on_step = on_step
        self.on_error = on_error
        self.lock = IndexLock(archive.index.path)
        self.error: str | None = None
        self.steps = 0

    def step(self) -> Step | None:
        """Catch up once, if this process writes the index; None if another one does."""
        index = self.archive.index
        if not self.lock.acquire():
            index.reload_state()
            return None
        started = time.perf_counter()
        done = catch_up(self.archive.store, index, commit_every=FOLLOW_COMMIT)
        self.steps += 1
        step = Step(done, index.seq, time.perf_counter() - started)
        if done and self.on_step:
            self.on_step(step)
        return step

    def run(self, stop: threading.Event) -> None:
        listener = None
        delay = 0.5
        try:
            while not stop.is_set():
                try:
                    if listener is None:
                        listener = self._listen()
                    self.step()
                    self.error = None
                    delay = 0.5
                    self._wait(listener, stop)
                except _passing() as err:  # the store is away: wait, then start again
                    message = str(err).strip().splitlines()[0] if str(err) else repr(err)
                    if message != self.error and self.on_error:
                        self.on_error(message)
                    self.error = message
                    _close(listener)
                    listener = None
                    stop.wait(delay)
                    delay = min(delay * 2, 10.0)
        finally:
            _close(listener)
            self.archive.index.close()
            self.lock.release()

    def _listen(self) -> object | None:
        """A connection LISTENing for the writers' notifications (PostgreSQL only)."""
        store = self.archive.store
        url = getattr(store, "url", None)
        if store.kind != "postgresql" or not url:
            return None
        import psycopg

        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise ArchiveError(f"cannot reach the archive at {store.display}: {err}") from None
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _wait(self, listener: object | None, stop: threading.Event) -> None:
        """Until a writer notifies, the poll interval passes, or ``stop`` is set."""
        if listener is None:
            stop.wait(self.poll_seconds)
            return
        deadline = time.monotonic() + self.poll_seconds
        while not stop.is_set() and time.monotonic() < deadline:
            # short waits, so that stopping never takes longer than a fraction of a second
            for _note in listener.notifies(timeout=0.25, stop_after=1):  # type: ignore[attr-defined]
                return


def _passing() -> tuple[type[Exception], ...]:
    """What a follower waits out: the store's errors (psycopg's from the listener)."""
    try:
        import psycopg
    except ImportError:
        return (ArchiveError, OSError)
    return (ArchiveError, OSError, psycopg.Error)


def _close(conn: object | None) -> None:
    if conn is not None:
        with suppress(Exception):  # it is being dropped because it broke
            conn.close()  # type: ignore[attr-defined]


@contextmanager
def following(archive: Archive, *, poll_seconds: float = POLL_SECONDS) -> Iterator[Follower | None]:
    """A follower thread for the duration (PostgreSQL archives only: an SQLite archive's
    index is kept by its writers)."""
    if archive.store.kind != "postgresql":
        yield None
        return
    follower = Follower(archive, poll_seconds=poll_seconds)
    stop = threading.Event()
    thread = threading.Thread(target=follower.run, args=(stop,), name="ganjina-follow", daemon=True)
    thread.start()
    try:
        yield follower
    finally:
        stop.set()
        thread.join(timeout=30)
