"""Batch ingest: walk folders, read files in parallel, store records and originals.

* **Parallel**: files are read in worker processes (reading is pure: bytes in, Article
  out); the workers also compute the index terms, the costly part of indexing. The main
  process is the one writer.
* **Idempotent**: a path whose size and modification time are unchanged since it was read
  is skipped without being opened; a file whose bytes are already stored adds nothing; a
  changed file updates the record it gave and keeps the earlier version.
* **Resumable**: results are saved in path order, a batch per transaction (``batch.py``);
  killed anywhere, the next run skips what was saved and redoes the rest.
* **One bad file never stops the batch**: a read error, an unexpected exception, even a
  reader crashing or hanging its process, becomes a line in the import log.
"""

from __future__ import annotations

import os
import sys
import time
import weakref
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ganjina.archive.batch import BatchWriter, Encoded, encode
from ganjina.archive.blobs import sha256
from ganjina.archive.paths import path_key, shown, to_text
from ganjina.archive.store import FileState, Store, utcnow
from ganjina.archive.types import Failure, IngestReport
from ganjina.children import kill_pool, process_pool, warm_pool
from ganjina.errors import GanjinaError, NotAnArticle
from ganjina.read.files import describe, read_file
from ganjina.record import Article

#: reads one file's bytes into a record; must be picklable (a module-level function)
Parser = Callable[[bytes, str], Article]
#: a file taking longer than this to read is recorded as failed
READ_TIMEOUT_SECONDS = 300.0
#: what every worker imports before its first file is timed (the reader's own modules)
WARM_MODULES = ("ganjina.reader",)


class Progress(Protocol):
    """What ingest reports while it runs (the CLI draws a bar from it)."""

    def start(self, total: int) -> None: ...

    def advance(self, path: str, status: str) -> None: ...


def default_parser(data: bytes, name: str, ocr: str = "auto") -> Article:
    from ganjina.reader import parse_bytes

    return parse_bytes(data, name, ocr=ocr)


def supported_suffixes() -> frozenset[str]:
    from ganjina.reader import SUPPORTED_SUFFIXES

    return frozenset(s.lower() for s in SUPPORTED_SUFFIXES)


def walk(
    paths: Iterable[str | Path],
    suffixes: frozenset[str],
    unlistable: list[tuple[str, str]] | None = None,
    listed: list[str] | None = None,
) -> Iterator[Path]:
    """Files to read, in a stable order: named files as given, folders walked (hidden entries
    and unsupported suffixes skipped, symbolic links to folders not followed).

    A folder that cannot be listed is not skipped in silence: ``(folder, reason)`` is added
    to ``unlistable``, which ingest reports as a failure; the folders listed are added to
    ``listed`` (so that a folder's earlier failure can be cleared)."""

    def note(err: OSError) -> None:
        if unlistable is not None:
            where = err.filename if isinstance(err.filename, str) else str(err.filename)
            unlistable.append((where, f"cannot list this folder: {describe(err)}"))

    for given in paths:
        p = Path(given)
        if not p.is_dir():
            yield p  # named explicitly: read it, and report why if it cannot be
            continue
        for root, dirs, files in os.walk(p, onerror=note):
            if listed is not None:
                listed.append(root)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith((".", "~$")):
                    continue
                if Path(name).suffix.lower() in suffixes:
                    yield Path(root) / name


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one file."""

    path: str
    sha256: str
    size: int
    mtime_ns: int
    data: bytes
    article: Article | None
    encoded: Encoded | None
    error: str | None
    #: the file reads but is not an article (``NotAnArticle``): counted apart from failures
    not_article: bool = False


def read_one(path: str, parser: Parser) -> Outcome:
    """Read one file into a record (runs in a worker); never raises for a bad file."""
    try:
        data, st = read_file(path)
    except GanjinaError as err:
        return Outcome(path, "", 0, 0, b"", None, None, f"cannot open: {err}")
    return parse_outcome(path, data, st.st_mtime_ns, parser)


def parse_outcome(
    path: str, data: bytes, mtime_ns: int, parser: Parser, *, encoded: bool = True
) -> Outcome:
    """Read bytes already in memory into a record (a cluster worker's part too);
    ``encoded``: also compute its index document and stored JSON (``batch.encode``)."""
    sha = sha256(data)
    try:
        # the name only words errors and provenance: shown, so a non-UTF-8 name encodes
        article = parser(data, shown(path))
        done = encode(article) if encoded else None
        return Outcome(path, sha, len(data), mtime_ns, data, article, done, None)
    except NotAnArticle as err:
        return Outcome(path, sha, len(data), mtime_ns, b"", None, None, str(err), True)
    except GanjinaError as err:
        message = str(err) or type(err).__name__
    except Exception as err:
        message = f"unexpected {type(err).__name__}: {err}"
    return Outcome(path, sha, len(data), mtime_ns, data, None, None, message)


class _Reader:
    """Reads files in order, in worker processes (or in-process with ``workers == 0``).

    Each file has ``timeout`` seconds. A file that overruns it is the one waited on (the
    oldest in flight, already running), so only its worker is to blame: the pool is
    replaced and the other files in flight are simply sent again, in parallel. A crash
    names no file: the files in flight are then read again each in a process of its own,
    ``workers`` at a time, so that a second crash names the right one.
    """

    def __init__(self, workers: int, parser: Parser, timeout: float | None = None) -> None:
        self.workers = workers
        self.parser = parser
        self.timeout = timeout
        self.pool: ProcessPoolExecutor | None = None
        #: futures of files the pool was already broken for (``_submit``)
        self.unsent: weakref.WeakSet[Future[Outcome]] = weakref.WeakSet()

    @property
    def budget(self) -> float:
        # read at call time: tests shorten the module constant
        return self.timeout if self.timeout is not None else READ_TIMEOUT_SECONDS

    def read(self, paths: Iterator[str]) -> Generator[Outcome, None, None]:
        if self.workers == 0:
            for p in paths:
                yield read_one(p, self.parser)
            return
        self.pool = self._started_pool(self.workers)
        window: deque[tuple[str, Future[Outcome]]] = deque()
        try:
            for p in paths:
                window.append((p, self._submit(p)))
                if len(window) >= self.workers * 4:
                    yield self._next(window)
            while window:
                yield self._next(window)
        finally:
            kill_pool(self.pool)

    def _submit(self, path: str) -> Future[Outcome]:
        assert self.pool is not None
        try:
            return self.pool.submit(read_one, path, self.parser)
        except BrokenProcessPool as err:
            # a worker died since the last result was taken: the file waits its turn, and
            # ``_next`` deals with the broken pool as for a file in flight
            broken: Future[Outcome] = Future()
            broken.set_exception(err)
            self.unsent.add(broken)
            return broken

    def _next(self, window: deque[tuple[str, Future[Outcome]]]) -> Outcome:
        path, fut = window.popleft()
        try:
            return fut.result(timeout=self.budget)
        except FutureTimeout:
            self._replace_pool()
            pending = [p for p, _ in window]
            window.clear()
            window.extend((p, self._submit(p)) for p in pending)
            message = f"reading took longer than {self.budget:g} s"
        except BrokenProcessPool:
            self._replace_pool()
            if fut in self.unsent:  # never sent (a worker died idle): not to blame
                self.unsent.discard(fut)
                window.appendleft((path, fut))
                self._isolate(window)
                return self._next(window)
            self._isolate(window)
            message = "the reader crashed on this file"
        return Outcome(path, "", 0, 0, b"", None, None, message)

    def _started_pool(self, workers: int) -> ProcessPoolExecutor:
        """A pool whose workers are up, with the reader imported: a file's time budget
        starts when it is waited on, and must not pay for a process starting (under load
        that alone once took longer than a 3 s budget, failing good files)."""
        pool = process_pool(workers)
        warm_pool(pool, workers, WARM_MODULES)
        return pool

    def _replace_pool(self) -> None:
        assert self.pool is not None
        kill_pool(self.pool)
        self.pool = self._started_pool(self.workers)

    def _isolate(self, window: deque[tuple[str, Future[Outcome]]]) -> None:
        """Read each file still in flight alone, ``workers`` at a time."""
        pending = [p for p, _ in window]
        window.clear()
        for i in range(0, len(pending), self.workers):
            group = pending[i : i + self.workers]
            pools = [self._started_pool(1) for _ in group]
            futures = [
                pool.submit(read_one, p, self.parser) for pool, p in zip(pools, group, strict=True)
            ]
            deadline = time.monotonic() + self.budget
            for p, fut in zip(group, futures, strict=True):
                done: Future[Outcome] = Future()
                done.set_result(self._alone(p, fut, deadline))
                window.append((p, done))
            for pool in pools:
                kill_pool(pool)

    def _alone(self, path: str, fut: Future[Outcome], deadline: float) -> Outcome:
        try:
            return fut.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            message = f"reading took longer than {self.budget:g} s"
        except BrokenProcessPool:
            message = "the reader crashed on this file"
        return Outcome(path, "", 0, 0, b"", None, None, message)


class Ingest:
    """One run of ``Archive.ingest``; the caller holds the writer lock."""

    def __init__(
        self,
        store: Store,
        writer: BatchWriter,
        *,
        workers: int,
        parser: Parser,
        progress: Progress | None,
        timeout: float | None = None,
    ) -> None:
        self.timeout = timeout
        self.store = store
        self.writer = writer
        self.workers = workers
        self.parser = parser
        self.progress = progress
        self.report = IngestReport()
        self.run_id: int | None = None
        #: what the files table said of the paths now being read
        self._known: dict[str, FileState] = {}
        #: records this run created
        self._made: set[int] = set()

    def run(self, paths: Sequence[str | Path], suffixes: frozenset[str]) -> IngestReport:
        started = time.monotonic()
        unlistable: list[tuple[str, str]] = []
        listed: list[str] = []
        files = [str(p) for p in walk(paths, suffixes, unlistable, listed)]
        self.run_id = self.store.start_run([to_text(str(p)) for p in paths])
        self.report.run = self.run_id
        if self.progress:
            self.progress.start(len(files))
        try:
            with (
                self.writer,
                closing(
                    _Reader(self.workers, self.parser, self.timeout).read(
                        self._skip_unchanged(files)
                    )
                ) as outcomes,
            ):
                self._folders(listed, unlistable)
                for outcome in outcomes:
                    self._save(outcome)
        except KeyboardInterrupt:
            self.report.interrupted = True
        finally:
            self.report.seconds = time.monotonic() - started
            failing = sys.exc_info()[0] is not None
            try:
                self.store.finish_run(self.run_id, self._counts(), self.report.interrupted)
            except GanjinaError:
                if not failing:
                    raise
        return self.report

    def _folders(self, listed: list[str], unlistable: list[tuple[str, str]]) -> None:
        """Folders that could not be listed are failures; one listed again is cleared."""
        for folder, reason in unlistable:
            self._save(Outcome(folder, "", 0, 0, b"", None, None, reason))
        keys = [_key(f) for f in listed]
        for i in range(0, len(keys), 500):
            for key, state in self.store.file_states(keys[i : i + 500]).items():
                if state.error is not None and state.num is None:
                    self.writer.fail(FileState(key, "", 0, 0, None, None), self.run_id)

    def _counts(self) -> dict[str, int]:
        names = ("read", "new", "merged", "updated", "unchanged", "not_articles", "failed")
        return {name: getattr(self.report, name) for name in names}

    def _tell(self, path: str, status: str) -> None:
        self.report.read += 1
        if self.progress:
            self.progress.advance(shown(path), status)

    def _skip_unchanged(self, files: list[str]) -> Iterator[str]:
        """Yield the files that must be read; count the others as unchanged."""
        for i in range(0, len(files), 500):
            chunk = files[i : i + 500]
            known = self.store.file_states([_key(p) for p in chunk])
            for p in chunk:
                state = known.get(_key(p))
                if state is not None and state.error is None and state.num is not None:
                    try:
                        st = os.stat(p)
                    except OSError:
                        st = None
                    if st and st.st_size == state.size and st.st_mtime_ns == state.mtime_ns:
                        self.report.unchanged += 1
                        self._tell(p, "unchanged")
                        continue
                if state is not None:
                    self._known[_key(p)] = state
                yield p

    def _save(self, o: Outcome) -> None:
        key = _key(o.path)
        state = FileState(key, o.sha256, o.size, o.mtime_ns, None, o.error)
        if o.article is None:
            self._known.pop(key, None)
            self.writer.fail(state, self.run_id)
            if o.not_article:
                self.report.not_articles += 1
                self.report.skipped.append(
                    Failure(shown(o.path), o.error or "", o.sha256 or None, utcnow(), self.run_id)
                )
                self._tell(o.path, "not an article")
                return
            self.report.failed += 1
            self.report.failures.append(
                Failure(
                    shown(o.path),
                    o.error or "unknown error",
                    o.sha256 or None,
                    utcnow(),
                    self.run_id,
                )
            )
            self._tell(o.path, "failed")
            return
        previous = self._known.pop(key, None)
        replaces = previous.article_id if previous and previous.sha256 != o.sha256 else None
        result = self.writer.put(
            o.article,
            original=o.data,
            filename=shown(Path(o.path).name),
            path=key,
            replaces=replaces,
            encoded=o.encoded,
            file=state,
            run=self.run_id,
        )
        status: str = result.status
        if status == "new":
            self._made.add(result.num)
        elif result.num in self._made:
            # another file of an article first stored in this run (its PDF, then its Word
            # file): on an empty archive that is not an "update"
            status = "merged"
        setattr(self.report, status, getattr(self.report, status) + 1)
        self._tell(o.path, status)


def _key(path: str) -> str:
    """The files-table key of a path: absolute, so any working folder finds it; a name that
    is not UTF-8 is kept losslessly (``paths.py``)."""
    return path_key(path)
