"""Writing many records: store transactions of a batch each, the index fed behind them.

The order of saving is what makes a crash harmless. A batch of records (with their
originals and the state of the files they came from) is one store transaction. Only after
it is committed are the batch's documents given to the index, which commits every few
seconds and then records the store ``seq`` it has reached. Killed anywhere, the store
holds whole batches only, and the index is at most behind, never ahead: the next writer
catches it up from the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager
from functools import partial
from itertools import islice
from types import TracebackType
from typing import TypeVar

from ganjina.archive.index import Prepared, SearchIndex, prepare
from ganjina.archive.keying_cost import KeyingCost
from ganjina.archive.store import FileState, PutResult, Store, serialize
from ganjina.children import process_pool
from ganjina.record import Article

#: records read from the store at a time while catching up, and keyed at a time
CATCH_UP_CHUNK = 1000
CATCH_UP_PIECE = 250
#: commit the index at least this often while catching up (documents)
CATCH_UP_COMMIT = 100_000
#: a catch-up of at least this many changes may be keyed in helper processes: its first
#: ``CATCH_UP_TRIAL`` records are keyed here and timed to decide (``keying_cost``)
CATCH_UP_POOL_MIN = 10_000
CATCH_UP_TRIAL = 2_000

log = logging.getLogger("ganjina.archive")

P = TypeVar("P")
R = TypeVar("R")
T = TypeVar("T")


#: what a helper process computes for the writer: the index document and the record's
#: stored JSON with its fingerprint (``store.serialize``)
Encoded = tuple[Prepared, tuple[str, str]]


def encode(article: Article) -> Encoded:
    return prepare(article), serialize(article)


def _encode_all(articles: list[Article]) -> list[Encoded]:
    return [encode(a) for a in articles]


def in_order(parts: Iterable[P], work: Callable[[P], R], workers: int) -> Iterator[tuple[P, R]]:
    """``(part, work(part))`` for every part, in order, ``work`` done by ``workers``
    processes (``work`` and the parts must pickle).

    A bounded number of parts is in flight, so memory stays flat. When the next result
    is not ready yet, this process does the next part itself rather than wait: on two
    cores that balances the load whichever side is faster. ``workers == 0``: all here."""
    source = iter(parts)
    if workers <= 0:
        for part in source:
            yield part, work(part)
        return
    with process_pool(workers) as pool:
        window: deque[tuple[P, Future[R]]] = deque()
        in_pool = workers * 3

        def submit() -> None:
            part = next(source, None)
            if part is not None:
                window.append((part, pool.submit(work, part)))

        for _ in range(in_pool):
            submit()
        while window:
            part, future = window[0]
            if not future.done() and len(window) < in_pool + 4:
                mine = next(source, None)
                if mine is not None:  # do the work ourselves instead of waiting
                    done: Future[R] = Future()
                    done.set_result(work(mine))
                    window.append((mine, done))
                    continue
            window.popleft()
            submit()
            yield part, future.result()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    source = iter(items)
    while part := list(islice(source, size)):
        yield part


def prepared(
    articles: Iterable[Article], workers: int, chunk: int = 128
) -> Iterator[tuple[Article, Encoded | None]]:
    """Records with their index documents and stored JSON computed by ``workers``
    processes (keying and encoding are the costly part; the writer then only stores).
    ``workers == 0``: computed later, by the writer itself."""
    if workers <= 0:
        for article in articles:
            yield article, None
        return
    for part, encoded in in_order(_chunks(articles, chunk), _encode_all, workers):
        yield from zip(part, encoded, strict=True)


#: a stored record to index: (num, its stored JSON)
Row = tuple[int, str]


def _prepare_rows(rows: list[Row]) -> list[Prepared]:
    """The index documents of stored records (a helper process's share of a catch-up:
    reading the JSON and keying it)."""
    return [prepare(Article.from_json(record), num) for num, record in rows]


def catch_up(
    store: Store,
    index: SearchIndex,
    *,
    commit_every: int = CATCH_UP_COMMIT,
    workers: int | None = None,
) -> int:
    """Feed the index every change the store made after the index's ``seq``; the caller is
    the writer. ``workers``: helper processes keying the records (default: decided by
    what keying costs, see :mod:`ganjina.archive.keying_cost`: a backlog of at least
    ``CATCH_UP_POOL_MIN`` changes has its first ``CATCH_UP_TRIAL`` records keyed here and
    timed). Returns how many records were (re)indexed."""
    if not index.usable:
        index.reset()
    done = since_commit = 0
    seq = index.seq
    backlog = store.max_seq() - seq
    # withdrawn records leave the index first: every commit below then includes it
    gone = store.withdrawn_since(seq)
    if gone:
        index.remove(num for _s, num in gone)

    def parts() -> Iterator[tuple[int, list[Row]]]:
        """(the seq reached, rows) in pieces of a page, so keying and indexing overlap."""
        at = seq
        while page := store.since_records(at, CATCH_UP_CHUNK):
            for piece in _chunks(page, CATCH_UP_PIECE):
                yield piece[-1][0], [(num, record) for _s, num, record in piece]
            at = page[-1][0]

    def feed(reached: int, rows: list[Row], docs: list[Prepared]) -> None:
        nonlocal seq, done, since_commit
        index.apply(docs)
        seq = reached
        done += len(rows)
        since_commit += len(rows)
        if since_commit >= commit_every:
            commit()

    def commit() -> None:
        nonlocal since_commit
        index.commit(seq)
        since_commit = 0

    source = parts()
    cores = os.cpu_count() or 1
    if workers is None:
        workers = 0
        if backlog >= CATCH_UP_POOL_MIN and cores > 1:
            cost = KeyingCost()
            for _ in range(CATCH_UP_TRIAL // CATCH_UP_PIECE):
                # reading the store stays in this thread, helpers or not
                piece = cost.apply(partial(next, source, None))
                if piece is None:
                    break
                reached, rows = piece
                docs = cost.key(rows, _prepare_rows, len(rows))
                cost.apply(partial(feed, reached, rows, docs))
            # Tantivy's threads run up to thousands of documents behind: a commit waits
            # for them, so their whole share of the trial is timed
            cost.apply(commit)
            workers = cost.helpers(backlog - done, cores)
            log.info("catch-up: %s; %d helper processes", cost.describe(), workers)
    for (reached, rows), docs in in_order(source, _work_on_rows, workers):
        feed(reached, rows, docs)
    index.commit(max(seq, gone[-1][0]) if gone else seq)
    return done


def _work_on_rows(part: tuple[int, list[Row]]) -> list[Prepared]:
    return _prepare_rows(part[1])


class BatchWriter(AbstractContextManager["BatchWriter"]):
    """Put records in batches. Use as a context manager; the caller is the writer.

    Leaving the block normally saves everything; leaving it with an exception (Ctrl-C
    included) rolls back the unfinished batch, so no record is half-saved.
    """

    def __init__(
        self,
        store: Store,
        index: SearchIndex,
        *,
        batch_size: int = 200,
        batch_seconds: float = 2.0,
        commit_seconds: float = 10.0,
        commit_every: int | None = None,
    ) -> None:
        self.store = store
        self.index = index
        self.batch_size = max(1, batch_size)
        self.batch_seconds = batch_seconds
        self.commit_seconds = commit_seconds
        #: commit the index after this many documents instead of every ``commit_seconds``
        #: (a bulk load: each Tantivy commit blocks the writer and makes segments to merge)
        self.commit_every = commit_every
        self._since_commit = 0
        self._tx: AbstractContextManager[None] | None = None
        self._docs: list[Prepared] = []
        self._count = 0
        self._started = 0.0
        self._seq = 0  # the store seq whose changes the index has been given
        self._batch_seq = 0  # the highest seq in the open batch (not yet committed)
        self._last_commit = time.monotonic()

    def __enter__(self) -> BatchWriter:
        self.store.acquire_writer()
        if self.index.seq != self.store.max_seq():
            catch_up(self.store, self.index)
        self._seq = self.index.seq
        return self

    def _begin(self) -> None:
        if self._tx is None:
            self._tx = self.store.write()
            self._tx.__enter__()
            self._started = time.monotonic()

    def put(
        self,
        article: Article,
        *,
        original: bytes | None = None,
        filename: str | None = None,
        path: str | None = None,
        replaces: str | None = None,
        encoded: Encoded | None = None,
        file: FileState | None = None,
        run: int | None = None,
    ) -> PutResult:
        """Store one record (and the file it came from) in the current batch."""
        self._begin()
        result = self.store.put(
            article,
            original=original,
            filename=filename,
            path=path,
            replaces=replaces,
            serialized=encoded[1] if encoded else None,
        )
        if file is not None:
            self.store.record_file(dataclasses.replace(file, num=result.num), run)
        if result.status != "unchanged":
            doc = encoded[0] if encoded is not None else prepare(article)
            self._docs.append(dataclasses.replace(doc, num=result.num))
            self._batch_seq = max(self._batch_seq, result.seq)
        self._tick()
        return result

    def fail(self, file: FileState, run: int | None) -> None:
        """Record a file that could not be read (in the import log)."""
        self._begin()
        self.store.record_file(file, run)
        self._tick()

    def _tick(self) -> None:
        self._count += 1
        if self._count >= self.batch_size or time.monotonic() - self._started >= self.batch_seconds:
            self.flush()

    def flush(self, *, commit_index: bool = False) -> None:
        """Commit the batch to the store, then hand its documents to the index."""
        if self._tx is not None:
            tx, self._tx = self._tx, None
            tx.__exit__(None, None, None)
        self._count = 0
        if self._docs:
            self.index.apply(self._docs)
            self._since_commit += len(self._docs)
            self._docs = []
        # only now has the index been given the batch: a Ctrl-C inside ``apply`` leaves
        # ``_seq`` where it was, so the index commits the old seq on the way out and the
        # next run's catch-up feeds it the batch (moved before ``apply``, the index had
        # once committed past nine records it never got: 391 of 400 found)
        self._seq = max(self._seq, self._batch_seq)
        if self.commit_every is not None:
            due = self._since_commit >= self.commit_every
        else:
            due = time.monotonic() - self._last_commit >= self.commit_seconds
        if commit_index or due:
            self.index.commit(self._seq)
            self._last_commit = time.monotonic()
            self._since_commit = 0

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.flush(commit_index=True)
            return
        tx, self._tx = self._tx, None
        self._docs = []
        if tx is not None:
            tx.__exit__(exc_type, exc, tb)  # rolls back the unfinished batch
        # What earlier batches saved reaches the index now, or else at the next catch-up:
        # we are already failing, so a second error here must not hide the first.
        with contextlib.suppress(Exception):
            self.index.commit(self._seq)
