"""One cluster ingest, seen from the client: plan, submit, watch, tally, link.

The client lists the files, skips those unchanged since they were read (size and
modification time, from the store's files table, as a local ingest does), and submits
tasks of a few files each to the Dask scheduler, keeping only a bounded window of them
in flight, so memory stays flat for millions of files. Workers write the results into
PostgreSQL themselves; the client only tallies what each task reports.

What can go wrong, and what happens:

* a worker dies (kill -9, a reader crashing its process, its memory limit): Dask runs
  its tasks again elsewhere; a task that keeps killing workers is split into single
  files, and the file that still does is recorded as failed;
* a file hangs its reader: recorded as failed after the timeout, and the worker is
  restarted once its task is done;
* PostgreSQL goes away: every writer retries with a backoff (``shared.py``); if it stays
  away longer than the bound, the run stops with one line, and running the same
  command again resumes it;
* the client is killed: the scheduler drops its tasks (the ones running finish and
  commit); running the same command again reads only what is missing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from ganjina.archive.ingest import READ_TIMEOUT_SECONDS, Parser, Progress, default_parser
from ganjina.archive.store import FileState, utcnow
from ganjina.archive.types import Failure, IngestReport
from ganjina.cluster.bulk import failed_item, write_batch
from ganjina.cluster.inputs import SHIP_MAX_BYTES, Listed, list_inputs, read_bytes
from ganjina.cluster.shared import RETRY_SECONDS, SharedStore, StoreUnavailable
from ganjina.cluster.tasks import Done, Job, Ref, ingest_files
from ganjina.errors import ArchiveError, ClusterError

#: a task carries at most this many shipped bytes
TASK_SHIPPED_BYTES = 8 << 20
#: how often the progress line asks the scheduler what its workers are doing
WATCH_SECONDS = 1.0
DIED = "the worker reading it died (the reader crashed, or the worker's memory limit)"


@dataclass(frozen=True)
class ClusterOptions:
    """How to run on the cluster (the CLI's options)."""

    scheduler: str
    #: files per task: more shares a task's overhead better, fewer balances better
    files_per_task: int = 16
    #: local files up to this size travel with their task (0: workers read every file)
    ship_max_bytes: int = SHIP_MAX_BYTES
    #: seconds one file may take to parse
    timeout: float = READ_TIMEOUT_SECONDS
    #: seconds to keep retrying an unreachable store
    retry_seconds: float = RETRY_SECONDS
    #: seconds to wait for the scheduler and its first worker
    connect_seconds: float = 30.0
    #: make the near-duplicate and translation links after the ingest
    links: bool = True


class ClusterIngest:
    """``ganjina ingest PATH... --archive postgresql://... --scheduler tcp://...``."""

    def __init__(
        self,
        url: str,
        options: ClusterOptions,
        *,
        parser: Parser | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.url = url
        self.options = options
        self.parser = parser or default_parser
        self.progress = progress
        self.report = IngestReport()
        self.workers_seen: set[str] = set()
        self.tasks = 0
        self.restarts = 0
        #: seconds the workers spent reading (and parsing) and writing, over all tasks
        self.read_seconds = 0.0
        self.write_seconds = 0.0
        #: seconds from the start of the run to the first task submitted
        self.setup_seconds = 0.0
        self._store: SharedStore | None = None
        self._client: Any = None
        self._job: Job | None = None
        self._keys = 0
        self._started = 0.0
        #: how often a file read alone has failed (by key)
        self._alone: dict[str, int] = {}

    # -- the run --------------------------------------------------------------------------
    def run(self, paths: Sequence[str]) -> IngestReport:
        from ganjina.archive.ingest import supported_suffixes

        started = self._started = time.monotonic()
        store = self._store = self._open_store()
        try:
            self._client = self._connect()
            listed = list_inputs([str(p) for p in paths], supported_suffixes())
            if self.progress:
                self.progress.start(len(listed))
            run = store.retry(lambda: store.start_run([str(p) for p in paths]))
            self.report.run = run
            self._job = Job(
                self.url, run, self.parser, self.options.timeout, self.options.retry_seconds
            )
            try:
                self._execute(self._plan(listed))
            except KeyboardInterrupt:
                self.report.interrupted = True
            except StoreUnavailable as err:
                self._finish(run, failing=True)
                raise StoreUnavailable(
                    f"{err}; the run stopped: run the same command again to finish it"
                ) from None
            except BaseException:
                self._finish(run, failing=True)
                raise
            self.report.seconds = time.monotonic() - started
            self._finish(run)
            if self.options.links and not self.report.interrupted:
                from ganjina.cluster.links import link

                link(self.url, self._client)
            return self.report
        finally:
            store.close()
            if self._client is not None:
                self._client.close()

    def _connect(self) -> Any:
        from distributed import Client

        address = self.options.scheduler
        try:
            client = Client(address, timeout=self.options.connect_seconds, set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from None
        try:
            client.wait_for_workers(1, timeout=self.options.connect_seconds)
            problems = client.run(probe, self.url)
        except TimeoutError:
            client.close()
            raise ClusterError(
                f"the Dask scheduler at {address} has no workers "
                f"(none joined within {self.options.connect_seconds:.0f} s)"
            ) from None
        except Exception as err:  # a worker that cannot even run the probe
            client.close()
            raise ClusterError(
                f"the workers of {address} cannot run Ganjina's tasks ({type(err).__name__}: "
                f"{err}); install ganjina[cluster] on them"
            ) from None
        for worker, problem in sorted(problems.items()):
            if problem:
                client.close()
                raise ClusterError(f"worker {worker}: {problem}")
        return client

    def _open_store(self) -> SharedStore:
        return SharedStore(self.url, create=True, retry_seconds=self.options.retry_seconds)

    def _finish(self, run: int, *, failing: bool = False) -> None:
        """Close the run's entry in the runs table (once only, when already failing)."""
        store = self._store
        assert store is not None
        names = ("read", "new", "updated", "unchanged", "not_articles", "failed")
        counts = {k: getattr(self.report, k) for k in names}
        stopped = self.report.interrupted or failing
        if failing:
            with suppress(ArchiveError):  # the store may be what failed
                store.finish_run(run, counts, True)
            return
        try:
            store.retry(lambda: store.finish_run(run, counts, stopped))
        except ArchiveError:
            if not stopped:
                raise

    # -- planning -------------------------------------------------------------------------
    def _plan(self, listed: list[Listed]) -> Iterator[list[Ref]]:
        """Tasks of refs, the unchanged files counted and left out."""
        store = self._store
        assert store is not None
        task: list[Ref] = []
        shipped = 0
        for i in range(0, len(listed), 500):
            chunk = listed[i : i + 500]
            keys = [x.key for x in chunk]
            known = store.retry(lambda k=keys: store.file_states(k), "read")  # type: ignore[misc]
            for item in chunk:
                state = known.get(item.key)
                if _unchanged(item, state):
                    self.report.unchanged += 1
                    self._tell(item.name, "unchanged")
                    continue
                previous = (state.sha256, state.article_id) if state else None
                data = self._shipped(item)
                if task and (
                    len(task) >= self.options.files_per_task
                    or shipped + len(data or b"") > TASK_SHIPPED_BYTES
                ):
                    yield task
                    task, shipped = [], 0
                task.append(Ref(item, data, previous))
                shipped += len(data or b"")
        if task:
            yield task

    def _shipped(self, item: Listed) -> bytes | None:
        if item.remote or not 0 <= item.size <= self.options.ship_max_bytes:
            return None
        try:
            return read_bytes(item)
        except OSError:
            return None  # the worker tries, and says why it cannot

    # -- running --------------------------------------------------------------------------
    def _execute(self, tasks: Iterator[list[Ref]]) -> None:
        from distributed import wait

        client = self._client
        window = max(8, 3 * sum(client.nthreads().values()))
        pending: dict[Any, list[Ref]] = {}
        # Files of a task that kept killing workers. Each runs alone on the cluster, with
        # nothing else in flight: a process that dies then takes no innocent file along,
        # so the file blamed is the file at fault.
        suspects: list[list[Ref]] = []

        def fill() -> None:
            if suspects:
                if not pending:
                    suspect = suspects.pop()
                    pending[self._submit(suspect)] = suspect
                return
            while len(pending) < window:
                refs = next(tasks, None)
                if refs is None:
                    return
                pending[self._submit(refs)] = refs

        try:
            fill()
            last_watch = 0.0
            while pending:
                # ``wait`` finds its client as the current one
                with suppress(TimeoutError), client.as_current():
                    wait(list(pending), timeout=WATCH_SECONDS, return_when="FIRST_COMPLETED")
                if time.monotonic() - last_watch >= WATCH_SECONDS:
                    self._watch()
                    last_watch = time.monotonic()
                for future in [f for f in pending if f.done()]:
                    refs = pending.pop(future)
                    suspects.extend(self._collect(future, refs))
                fill()
        # distributed raises concurrent.futures' CancelledError for a dropped task (its
        # FutureCancelledError of later releases is a subclass): the base is caught, so every
        # allowed version is
        except CancelledError:
            raise ClusterError(
                f"the Dask scheduler at {self.options.scheduler} dropped the tasks (did it "
                "restart?); run the same command again to finish"
            ) from None
        finally:
            if pending:  # interrupted or failing: the tasks still queued are not wanted
                with suppress(Exception):  # the scheduler may be gone
                    client.cancel(list(pending), force=True)

    def _submit(self, refs: list[Ref]) -> Any:
        assert self._job is not None
        if not self.setup_seconds:
            self.setup_seconds = time.monotonic() - self._started
        self._keys += 1
        self.tasks += 1
        key = f"ganjina-ingest-{self._job.run}-{self._keys}"
        return self._client.submit(ingest_files, self._job, refs, key=key, pure=False)

    def _collect(self, future: Any, refs: list[Ref]) -> list[list[Ref]]:
        """Tally a finished task; returns the tasks to run again (split) if it failed."""
        from distributed import KilledWorker

        if future.status == "finished":
            done: Done = future.result()
            self._tally(done)
            if done.abandoned and done.worker:
                self._restart(done.worker)
            return []
        err = future.exception()
        if isinstance(err, StoreUnavailable):
            raise err
        if len(refs) > 1:  # find the file at fault: each one alone
            return [[ref] for ref in reversed(refs)]
        ref = refs[0]
        # A worker that dies takes the tasks queued on it along (Dask counts the death
        # against each): a file alone gets a second chance before it is blamed.
        tries = self._alone.get(ref.listed.key, 0) + 1
        self._alone[ref.listed.key] = tries
        if isinstance(err, KilledWorker) and tries < 2:
            return [[ref]]
        if isinstance(err, KilledWorker):
            message = DIED
        else:
            message = f"unexpected {type(err).__name__}: {err}"
        store = self._store
        assert store is not None and self._job is not None
        item = failed_item(ref.listed.key, ref.listed.name, message)
        run = self._job.run
        store.retry(lambda: write_batch(store, [item], run))
        self._tally(Done([ref.listed.name], ["failed"], [message], [""]))
        return []

    def _restart(self, worker: str) -> None:
        """A parse thread outlived its timeout there: restart that worker's process."""
        try:
            self._client.restart_workers([worker], timeout=60, raise_for_error=False)
            self.restarts += 1
        except Exception:  # no nanny to restart it: the thread runs on, harmless but busy
            return

    def _watch(self) -> None:
        """Show what the cluster is doing (from the scheduler's task states)."""
        try:
            processing = self._client.processing()
        except Exception:
            return
        self.workers_seen |= set(processing)
        running = sum(len(keys) for keys in processing.values())
        note = getattr(self.progress, "cluster", None)
        if note:
            note(f"{len(processing)} workers, {running} tasks running")

    # -- tally ----------------------------------------------------------------------------
    def _tally(self, done: Done) -> None:
        self.read_seconds += done.read_seconds
        self.write_seconds += done.write_seconds
        if done.worker:
            self.workers_seen.add(done.worker)
        run = self.report.run
        for name, status, error, sha in zip(
            done.names, done.statuses, done.errors, done.shas, strict=True
        ):
            setattr(self.report, status, getattr(self.report, status) + 1)
            if status == "failed":
                message = error or "unknown error"
                self.report.failures.append(Failure(name, message, sha or None, utcnow(), run))
            elif status == "not_articles":
                self.report.skipped.append(Failure(name, error or "", sha or None, utcnow(), run))
            self._tell(name, status)

    def _tell(self, name: str, status: str) -> None:
        self.report.read += 1
        if self.progress:
            self.progress.advance(name, status)

    def cluster_summary(self) -> dict[str, Any]:
        """What the cluster did (for the ``--json`` report)."""
        return {
            "scheduler": self.options.scheduler,
            "workers": len(self.workers_seen),
            "tasks": self.tasks,
            "workers_restarted": self.restarts,
        }


#: the client never touches a search index: followers keep theirs
_NO_INDEX = "/nonexistent/ganjina-cluster-client-index"


def _unchanged(item: Listed, state: FileState | None) -> bool:
    return (
        state is not None
        and state.error is None
        and state.num is not None
        and item.mtime_ns != 0
        and item.size == state.size
        and item.mtime_ns == state.mtime_ns
    )


def probe(url: str) -> str | None:
    """Run on every worker before the ingest: can it reach the store? (None: yes)."""
    try:
        SharedStore(url, retry_seconds=0).close()
    except ArchiveError as err:
        return str(err)
    return None
