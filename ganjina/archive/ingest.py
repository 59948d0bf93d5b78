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
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Protocol

from ganjina.archive.batch import BatchWriter, Encoded, encode
from ganjina.archive.blobs import sha256
from ganjina.archive.paths import path_key, shown, to_text
from ganjina.archive.store import FileState, Store, utcnow
from ganjina.archive.types import Failure, IngestReport
from ganjina.errors import GanjinaError
from ganjina.record import Article

#: reads one file's bytes into a record; must be picklable (a module-level function)
Parser = Callable[[bytes, str], Article]
#: a file taking longer than this to read is recorded as failed
READ_TIMEOUT_SECONDS = 300.0


class Progress(Protocol):
    """What ingest reports while it runs (the CLI draws a bar from it)."""

    def start(self, total: int) -> None: ...

    def advance(self, path: str, status: str) -> None: ...


def default_parser(data: bytes, name: str) -> Article:
    from ganjina.reader import parse_bytes

    return parse_bytes(data, name)


def supported_suffixes() -> frozenset[str]:
    from ganjina.reader import SUPPORTED_SUFFIXES

    return frozenset(s.lower() for s in SUPPORTED_SUFFIXES)


def walk(paths: Iterable[str | Path], suffixes: frozenset[str]) -> Iterator[Path]:
    """Files to read, in a stable order: named files as given, folders walked (hidden entries
    and unsupported suffixes skipped, symbolic links to folders not followed)."""
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            yield p  # named explicitly: read it, and report why if it cannot be
            continue
        for root, dirs, files in os.walk(p):
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


def read_one(path: str, parser: Parser) -> Outcome:
    """Read one file into a record (runs in a worker); never raises for a bad file."""
    try:
        st = os.stat(path)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        return Outcome(path, "", 0, 0, b"", None, None, f"cannot open: {err.strerror}")
    sha = sha256(data)
    try:
        article = parser(data, shown(path))
        return Outcome(path, sha, len(data), st.st_mtime_ns, data, article, encode(article), None)
    except GanjinaError as err:
        message = str(err) or type(err).__name__
    except Exception as err:
        message = f"unexpected {type(err).__name__}: {err}"
    return Outcome(path, sha, len(data), st.st_mtime_ns, data, None, None, message)


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; only the main process decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Reader:
    """Reads files in order, in worker processes (or in-process with ``workers == 0``)."""

    def __init__(self, workers: int, parser: Parser) -> None:
        self.workers = workers
        self.parser = parser
        self.pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers, mp_context=get_context("spawn"), initializer=_ignore_sigint
        )

    def read(self, paths: Iterator[str]) -> Generator[Outcome, None, None]:
        if self.workers == 0:
            for p in paths:
                yield read_one(p, self.parser)
            return
        self.pool = self._new_pool()
        window: deque[tuple[str, Future[Outcome]]] = deque()
        try:
            for p in paths:
                window.append((p, self.pool.submit(read_one, p, self.parser)))
                if len(window) >= self.workers * 4:
                    yield self._next(window)
            while window:
                yield self._next(window)
        finally:
            self.pool.shutdown(wait=False, cancel_futures=True)

    def _next(self, window: deque[tuple[str, Future[Outcome]]]) -> Outcome:
        path, fut = window.popleft()
        try:
            return fut.result(timeout=READ_TIMEOUT_SECONDS)
        except FutureTimeout:
            message = f"reading took longer than {READ_TIMEOUT_SECONDS:.0f} s"
        except BrokenProcessPool:
            message = "the reader crashed on this file"
        # A stuck or dead worker: replace the pool, give the other files a fresh start.
        self._restart(window)
        return Outcome(path, "", 0, 0, b"", None, None, message)

    def _restart(self, window: deque[tuple[str, Future[Outcome]]]) -> None:
        assert self.pool is not None
        self._kill(self.pool)
        # Which file broke the pool is unknown: read each one still in flight alone, in a
        # process of its own, so a second crash or hang names the right file.
        pending = [p for p, _ in window]
        window.clear()
        for p in pending:
            done: Future[Outcome] = Future()
            done.set_result(self._isolated(p))
            window.append((p, done))
        self.pool = self._new_pool()

    def _isolated(self, path: str) -> Outcome:
        pool = ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=_ignore_sigint)
        try:
            return pool.submit(read_one, path, self.parser).result(timeout=READ_TIMEOUT_SECONDS)
        except FutureTimeout:
            message = f"reading took longer than {READ_TIMEOUT_SECONDS:.0f} s"
        except BrokenProcessPool:
            message = "the reader crashed on this file"
        finally:
            self._kill(pool)
        return Outcome(path, "", 0, 0, b"", None, None, message)

    @staticmethod
    def _kill(pool: ProcessPoolExecutor) -> None:
        # ProcessPoolExecutor cannot stop a hung task; killing its processes is the only way
        # (``_processes`` is private, hence the getattr).
        processes = getattr(pool, "_processes", None) or {}
        for proc in list(processes.values()):
            proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)


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
    ) -> None:
        self.store = store
        self.writer = writer
        self.workers = workers
        self.parser = parser
        self.progress = progress
        self.report = IngestReport()
        self.run_id: int | None = None
        #: what the files table said of the paths now being read
        self._known: dict[str, FileState] = {}

    def run(self, paths: Sequence[str | Path], suffixes: frozenset[str]) -> IngestReport:
        started = time.monotonic()
        files = [str(p) for p in walk(paths, suffixes)]
        self.run_id = self.store.start_run([to_text(str(p)) for p in paths])
        self.report.run = self.run_id
        if self.progress:
            self.progress.start(len(files))
        try:
            with (
                self.writer,
                closing(
                    _Reader(self.workers, self.parser).read(self._skip_unchanged(files))
                ) as outcomes,
            ):
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

    def _counts(self) -> dict[str, int]:
        names = ("read", "new", "updated", "unchanged", "failed")
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
            self.report.failed += 1
            self.report.failures.append(
                Failure(
                    shown(o.path), o.error or "unknown error", o.sha256 or None, utcnow(), self.run_id
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
        setattr(self.report, result.status, getattr(self.report, result.status) + 1)
        self._tell(o.path, result.status)


def _key(path: str) -> str:
    """The files-table key of a path: absolute, so any working folder finds it; a name that
    is not UTF-8 is kept losslessly (``paths.py``)."""
    return path_key(path)
