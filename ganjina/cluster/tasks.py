"""The task a cluster worker runs: read a few files, parse them, write them, report.

A task is a handful of files (``client.py`` decides how many), so the cost of a task
(scheduling, one PostgreSQL transaction) is shared by all of them. It is safe to run
twice, in part or whole (Dask reruns the tasks of a worker that died): what was
committed is found again and counted unchanged.

Each file is parsed in a thread of its own, given ``Job.timeout`` seconds: a file that
takes longer is recorded as failed and its thread is abandoned, and the result says so,
so that the client restarts this worker once the task is done (a thread cannot be
stopped, a worker process can). A reader that crashes its process takes the worker down:
Dask reruns the task elsewhere and, when it keeps failing, the client splits it into
single files so that only the file at fault is recorded as failed.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from ganjina.archive.blobs import sha256
from ganjina.archive.ingest import Outcome, Parser, parse_outcome
from ganjina.archive.store import serialize
from ganjina.cluster.bulk import Item, write_batch
from ganjina.cluster.inputs import Listed, read_bytes
from ganjina.cluster.shared import SharedStore

T = TypeVar("T")


@dataclass(frozen=True)
class Job:
    """What every task of one run shares."""

    url: str
    run: int
    parser: Parser
    #: seconds one file may take to parse
    timeout: float
    #: seconds to keep retrying an unreachable store before giving up
    retry_seconds: float


@dataclass(frozen=True)
class Ref:
    """One file of a task: where it is, its bytes when shipped, what it gave before."""

    listed: Listed
    data: bytes | None = None
    #: (sha256, record id) of what this path held when last read
    previous: tuple[str, str | None] | None = None


@dataclass
class Done:
    """What a task sends back: small, whatever the files weighed."""

    names: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    errors: list[str | None] = field(default_factory=list)
    shas: list[str] = field(default_factory=list)
    read_seconds: float = 0.0
    write_seconds: float = 0.0
    #: parse threads still running after their timeout (the worker should be restarted)
    abandoned: int = 0
    worker: str | None = None


_local = threading.local()


def _store(job: Job) -> SharedStore:
    """This thread's connection to the store (kept for the next task)."""
    stores: dict[str, SharedStore] = getattr(_local, "stores", None) or {}
    _local.stores = stores
    store = stores.get(job.url)
    if store is None:
        store = SharedStore(job.url, retry_seconds=job.retry_seconds)
        stores[job.url] = store
    store.retry_seconds = job.retry_seconds
    return store


def _within(fn: Callable[[], T], seconds: float) -> tuple[T | None, bool]:
    """``fn()`` in a thread, given ``seconds``: (result, False), or (None, True) if it is
    still running then (it is left to run: a daemon thread, ended with its process)."""
    box: list[T] = []
    thread = threading.Thread(target=lambda: box.append(fn()), daemon=True, name="ganjina-read")
    thread.start()
    thread.join(seconds)
    if thread.is_alive() or not box:
        return None, thread.is_alive()
    return box[0], False


def _open(ref: Ref) -> tuple[bytes | None, int, int, str | None]:
    """(bytes, size, mtime_ns, error) of a file, read here unless it was shipped."""
    item = ref.listed
    if ref.data is not None:
        return ref.data, len(ref.data), item.mtime_ns, None
    try:
        data = read_bytes(item)
        if not item.remote:
            st = os.stat(item.target)
            return data, st.st_size, st.st_mtime_ns, None
        return data, len(data), item.mtime_ns, None
    except OSError as err:
        return None, 0, 0, f"cannot open: {err.strerror or err}"


def _item(ref: Ref, outcome: Outcome) -> Item:
    prev = ref.previous
    replaces = prev[1] if prev and prev[0] != outcome.sha256 else None
    return Item(
        ref.listed.key,
        ref.listed.name,
        outcome.sha256,
        outcome.size,
        outcome.mtime_ns,
        outcome.data,
        outcome.article,
        serialize(outcome.article) if outcome.article is not None else None,
        outcome.error,
        replaces,
        not_article=outcome.not_article,
    )


def read_files(job: Job, refs: Sequence[Ref], store: SharedStore) -> tuple[list[Item], int]:
    """The items of ``refs`` (parsed, or known already), and how many threads timed out."""
    opened = [_open(ref) for ref in refs]
    shas = [sha256(data) for data, *_ in opened if data is not None]
    known = store.retry(lambda: store.known_shas(shas), "read") if shas else {}
    items: list[Item] = []
    abandoned = 0
    for ref, (data, size, mtime, error) in zip(refs, opened, strict=True):
        key, name = ref.listed.key, ref.listed.name
        if data is None:
            items.append(Item(key, name, "", 0, 0, None, None, None, error))
            continue
        sha = sha256(data)
        if sha in known:  # these bytes were read into a record already: nothing to parse
            items.append(
                Item(key, name, sha, size, mtime, None, None, None, None, known_num=known[sha])
            )
            continue
        outcome, late = _within(
            partial(parse_outcome, name, data, mtime, job.parser, encoded=False), job.timeout
        )
        if outcome is None:
            abandoned += int(late)
            why = f"reading took longer than {job.timeout:.0f} s" if late else "the reader failed"
            outcome = Outcome(name, sha, size, mtime, data, None, None, why)
        items.append(_item(ref, outcome))
    return items, abandoned


def ingest_files(job: Job, refs: Sequence[Ref]) -> Done:
    """The task: read ``refs`` and store them in one transaction (with retries)."""
    started = time.perf_counter()
    store = _store(job)
    items, abandoned = read_files(job, refs, store)
    done = Done(abandoned=abandoned, worker=_worker_address())
    done.read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    done.statuses = store.retry(lambda: write_batch(store, items, job.run))
    done.write_seconds = time.perf_counter() - started
    done.names = [i.name for i in items]
    done.errors = [i.error for i in items]
    done.shas = [i.sha256 for i in items]
    return done


def _worker_address() -> str | None:
    try:
        from distributed import get_worker

        address: str = get_worker().address
        return address
    except (ImportError, ValueError):  # not on a Dask worker (called directly)
        return None
