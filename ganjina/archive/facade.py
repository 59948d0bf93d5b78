"""``Archive``: the one object the CLI, the web site and the publisher talk to.

    >>> with Archive.open("demo-archive", create=True) as archive:  # doctest: +SKIP
    ...     report = archive.ingest(["samples/"])
    ...     result = archive.search('lang:fa-AF "سیل" date:1401', facets=True)
    ...     article = archive.get(result.hits[0].id)

Reads need no lock and may run in many threads and processes at once. Every change
(``add``, ``ingest``, ``reindex``) makes this process the archive's one writer for its
duration, or raises :class:`ArchiveLocked` when another process is writing.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from ganjina.archive.batch import CATCH_UP_COMMIT, BatchWriter, catch_up, prepared
from ganjina.archive.compiler import compile_query
from ganjina.archive.desk import AuditNote
from ganjina.archive.index import SearchIndex, prepare
from ganjina.archive.ingest import Ingest, Parser, Progress, default_parser, supported_suffixes
from ganjina.archive.query import parse
from ganjina.archive.results import explain, hit_marker, make_hit
from ganjina.archive.similar import similar_query
from ganjina.archive.snippets import Marker
from ganjina.archive.store import Filters, Store, is_postgres_url, open_store, utcnow
from ganjina.archive.suggest import corrections, rewrite
from ganjina.archive.types import (
    ArticlePage,
    Change,
    Failure,
    IngestReport,
    Original,
    Related,
    SearchResult,
    Suggestion,
    Version,
    Withdrawal,
)
from ganjina.errors import ArchiveError, ArchiveLocked, IndexWriteFailed
from ganjina.record import Article
from ganjina.settings import Settings, get_settings

if TYPE_CHECKING:
    from ganjina.archive.check import CheckReport
    from ganjina.archive.desk_store import DeskStore

SORTS = {"relevance": None, "date": "desc", "date_desc": "desc", "date_asc": "asc"}
MAX_LIMIT = 1000
#: a query finding fewer records than this gets "did you mean" suggestions
FEW_RESULTS = 3
#: how often a long-lived reader checks that the index has caught up with the store
RECHECK_SECONDS = 30.0


class Archive:
    """The store of record, its search index and the import log, behind one API."""

    def __init__(self, store: Store, index_dir: Path, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.index = SearchIndex(index_dir, store.uuid, memory_mb=settings.index_memory_mb)
        self._writing_depth = 0
        self._checked = 0.0
        self._behind = 0  # changes the index could not catch up with (a full disk)
        self._desk: DeskStore | None = None

    @classmethod
    def open(
        cls,
        url: str | Path | None = None,
        *,
        create: bool = False,
        index_dir: str | Path | None = None,
    ) -> Archive:
        """Open the archive at ``url``: a folder (SQLite) or a ``postgresql://`` URL.

        ``None`` means ``GANJINA_ARCHIVE`` or ``./ganjina-archive/``. Without ``create`` a
        missing archive raises :class:`ArchiveNotFound`.
        """
        settings = get_settings()
        target = str(url) if url is not None else settings.archive
        store = open_store(target, create=create)
        if index_dir is None and settings.index_dir:
            index_dir = settings.index_dir
        if index_dir is None:
            index_dir = Path("ganjina-index") if is_postgres_url(target) else Path(target) / "index"
        return cls(store, Path(index_dir), settings)

    @property
    def location(self) -> str:
        """Where the archive is, fit to show (a PostgreSQL password is hidden)."""
        return self.store.display

    def close(self) -> None:
        self.index.close()
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Be the one writer for the duration (re-entrant); release it afterwards so that
        another process may write between our changes."""
        if self._writing_depth == 0:
            self.store.acquire_writer()
        self._writing_depth += 1
        try:
            yield
        finally:
            self._writing_depth -= 1
            if self._writing_depth == 0:
                self.index.close()
                self.store.release_writer()

    def writing(self) -> AbstractContextManager[None]:
        """Be the one writer for a block (re-entrant), for derived data kept outside this
        package (``ganjina.links``); raises ArchiveLocked while another process writes."""
        return self._writing()

    #: Derived data that follows the store besides the search index, brought up to date
    #: after ``ingest`` and ``add`` while still the writer: "module:function" taking the
    #: archive. Named, not imported, so the archive never imports what is built on it.
    FOLLOWERS: tuple[str, ...] = ("ganjina.links.engine:follow",)

    def _follow(self) -> None:
        for target in self.FOLLOWERS:
            module, _, name = target.partition(":")
            getattr(importlib.import_module(module), name)(self)

    def _batch(self, batch_size: int | None = None, commit_every: int | None = None) -> BatchWriter:
        return BatchWriter(
            self.store,
            self.index,
            batch_size=batch_size or self.settings.batch_size,
            commit_seconds=self.settings.index_commit_seconds,
            commit_every=commit_every,
        )

    def add(
        self,
        article: Article,
        original: bytes | None = None,
        filename: str | None = None,
        *,
        replaces: str | None = None,
    ) -> str:
        """Store one record (and its original file) and index it; returns its id.

        The same record twice is stored once. A record with the id of a stored one but
        different content becomes its new version (the earlier one stays retrievable);
        ``replaces`` names the record an edited article continues when its id changed.
        """
        with self._writing():
            with self._batch(1) as writer:
                result = writer.put(
                    article, original=original, filename=filename, replaces=replaces
                )
            self._follow()  # links (ganjina.links) follow the new record
        return result.id

    def add_many(self, articles: Iterable[Article], *, workers: int = 0) -> IngestReport:
        """Store many already-read records in batches (bulk loads, benchmarks).

        ``workers`` processes compute the index documents meanwhile (0: this process
        does everything; on two cores, 1 is fastest)."""
        report = IngestReport()
        started = time.monotonic()
        # bigger transactions than ingest's: a bulk load has no slow reader to wait for;
        # and the index commits by count, as catch-up does (the end always commits, and a
        # crash leaves the index behind the store, never ahead: catch-up replays the rest)
        batch = self._batch(max(self.settings.batch_size, 1000), commit_every=CATCH_UP_COMMIT)
        with self._writing(), batch as writer:
            for article, encoded in prepared(articles, workers):
                status = writer.put(article, encoded=encoded).status
                setattr(report, status, getattr(report, status) + 1)
                report.read += 1
        report.seconds = time.monotonic() - started
        return report

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        workers: int | None = None,
        progress: Progress | None = None,
        parser: Parser | None = None,
        timeout: float | None = None,
        ocr: str = "auto",
    ) -> IngestReport:
        """Read every supported file under ``paths`` into the archive (see ``ingest.py``).

        ``workers``: reading processes (default: the ``GANJINA_WORKERS`` setting, one per
        core; 0 reads in this process). ``parser``: a picklable ``(bytes, name) -> Article``
        replacing the built-in reader (tests, custom formats). ``timeout``: seconds one file
        may take (default: the ``GANJINA_READ_TIMEOUT`` setting). ``ocr``: how the built-in
        reader treats scanned pages (auto, always, never). Ctrl-C stops cleanly: the
        report says ``interrupted`` and a new run finishes the job.
        """
        if workers is None:
            workers = self.settings.workers or os.cpu_count() or 1
        with self._writing():
            job = Ingest(
                self.store,
                self._batch(),
                workers=workers,
                parser=parser or partial(default_parser, ocr=ocr),
                progress=progress,
                timeout=timeout if timeout is not None else self.settings.read_timeout,
            )
            report = job.run(paths, supported_suffixes())
            if not report.interrupted:  # links follow; after Ctrl-C the next run catches up
                self._follow()
            return report

    # -- publishing from the desk: publish, correct, withdraw ---------------------------
    def publish(
        self,
        article: Article,
        pdf: bytes,
        filename: str,
        *,
        files: Sequence[tuple[str, bytes, str]] = (),
        replaces: str | None = None,
        audit: AuditNote | None = None,
    ) -> str:
        """Store an article Ganjina published: its PDF is the original, ``files``
        (``(name, data, media_type)``: the HTML page, figures) are kept beside it, and it
        is indexed and linked at once. ``replaces`` names the record it corrects: the
        correction becomes that record's new version, the earlier ones stay. ``audit`` is
        written in the same transaction. Returns the record's id.
        """
        target = replaces or article.id
        if self.store.withdrawal(target) is not None:
            raise ArchiveError(
                f"{target} is withdrawn: put it back on the site before correcting it"
            )
        with self._writing():
            self._caught_up()
            with self.store.write():
                result = self.store.put(article, original=pdf, filename=filename, replaces=replaces)
                if result.status != "unchanged":
                    self.store.put_files(result.num, files)
                if audit is not None:
                    self._audit(
                        audit, result.id, {"status": result.status, "version": result.version}
                    )
            if result.status != "unchanged":
                self.index.apply([dataclasses.replace(prepare(article), num=result.num)])
                self.index.commit(result.seq)
            self._follow()
        return result.id

    def withdraw(self, id: str, note: str | None = None, *, audit: AuditNote | None = None) -> bool:
        """Take ``id`` off the site, the search, the feeds and exports (OAI-PMH then lists
        it as deleted); it stays in the store with every version. False: it already was.
        Raises :class:`ArchiveError` for an unknown id."""
        return self._set_withdrawn(id, utcnow(), note, audit)

    def restore(self, id: str, *, audit: AuditNote | None = None) -> bool:
        """Put a withdrawn record back on the site. False: it was not withdrawn."""
        return self._set_withdrawn(id, None, None, audit)

    def _set_withdrawn(
        self, id: str, at: str | None, note: str | None, audit: AuditNote | None
    ) -> bool:
        with self._writing():
            self._caught_up()
            with self.store.write():
                result = self.store.set_withdrawn(id, at, note)
                if result is None:
                    raise ArchiveError(f"no article {id!r}")
                if audit is not None and result.status != "unchanged":
                    self._audit(audit, result.id, {"note": note} if note else {})
            if result.status == "unchanged":
                return False
            if at is None:
                record = self.store.get(result.id)
                assert record is not None
                self.index.apply([dataclasses.replace(prepare(record), num=result.num)])
            else:
                self.index.remove([result.num])
            self.index.commit(result.seq)
            self._follow()
        return True

    def _caught_up(self) -> None:
        """The writer's index has every change of the store before ours is added."""
        if self.index.seq != self.store.max_seq():
            catch_up(self.store, self.index)

    def _audit(self, note: AuditNote, article_id: str, extra: dict[str, Any]) -> None:
        self.desk.audit(
            note.actor,
            note.action,
            article=article_id,
            draft=note.draft,
            detail={**note.detail, **extra},
        )

    @property
    def desk(self) -> DeskStore:
        """The editors' desk: accounts, sessions, drafts and the audit log."""
        from ganjina.archive.desk_store import DeskStore
        from ganjina.archive.sqlstore import SqlStore

        if self._desk is None:
            assert isinstance(self.store, SqlStore)
            self._desk = DeskStore(self.store)
        return self._desk

    def reindex(self) -> int:
        """Rebuild the search index from the store; returns the number of records."""
        if self.store.kind == "postgresql":  # a node's own index: not the store's lock
            from ganjina.archive.follow import rebuild_local

            return rebuild_local(self)
        with self._writing():
            self.index.reset()
            return catch_up(self.store, self.index)

    # -- reading --------------------------------------------------------------------------
    def get(
        self, id: str, version: int | None = None, *, withdrawn: bool = False
    ) -> Article | None:
        """The record ``id`` (or an earlier ``version`` of it); ``None`` if there is none,
        or if it was withdrawn (unless ``withdrawn`` asks for those too)."""
        return self.store.get(id, version, withdrawn)

    def versions(self, id: str, *, withdrawn: bool = False) -> list[Version]:
        """Every version of a record, newest first (empty if there is no such record)."""
        return self.store.versions(id, withdrawn)

    def original(
        self, id: str, version: int | None = None, *, withdrawn: bool = False
    ) -> Original | None:
        """The file a record was read from: ``(data, filename, media_type)``, or ``None``."""
        return self.store.original(id, version, withdrawn)

    def published_files(
        self, id: str, version: int | None = None, *, withdrawn: bool = False
    ) -> dict[str, Original]:
        """The files published beside a version's PDF (its HTML page, figures), by name."""
        return self.store.published_files(id, version, withdrawn)

    def withdrawal(self, id: str) -> Withdrawal | None:
        """When and why ``id`` was withdrawn; ``None`` when it is on the site or unknown."""
        return self.store.withdrawal(id)

    def articles(
        self,
        *,
        section: str | None = None,
        language: str | None = None,
        author: str | None = None,
        source: str | None = None,
        year: int | None = None,
        month: int | None = None,
        cursor: str | None = None,
        limit: int = 50,
        order: str = "date_desc",
    ) -> ArticlePage:
        """Browse records, newest first (``order="date_asc"``: oldest first), filtered.

        ``language="fa"`` also matches ``fa-AF``. Pass ``page.next_cursor`` back as
        ``cursor`` for the next page; it is ``None`` on the last page.
        """
        if not 1 <= limit <= MAX_LIMIT:
            raise ArchiveError(f"limit must be between 1 and {MAX_LIMIT}")
        filters = Filters(section, language, author, source, year, month)
        return self.store.articles(filters, cursor, limit, order)

    def changes_since(
        self,
        seq: int = 0,
        *,
        limit: int = 1000,
        from_: str | None = None,
        until: str | None = None,
    ) -> list[Change]:
        """Records changed after change number ``seq``, in order of change, each with its
        UTC ``modified`` time; ``from_``/``until`` (ISO 8601, inclusive) narrow by time.
        Page on with the last change's ``seq``."""
        return self.store.changes(seq, limit, from_, until)

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = False,
        explain: bool = False,
        correct: bool = False,
    ) -> SearchResult:
        """Search with the query language of ``query.py``; snippets from the stored text.

        ``sort``: ``relevance``, ``date`` (newest first) or ``date_asc``. ``facets``: add
        counts of all matches by section, language, year, source and author.
        ``explain``: give each hit the ways it matched and what each scored. A query
        finding fewer than FEW_RESULTS records gets "did you mean" ``suggestions``;
        with ``correct`` a query finding nothing returns the hits of the first
        suggestion instead, and says so in ``corrected``.
        Raises :class:`QueryError` (with a position) for a query that does not parse.
        """
        started = time.perf_counter()
        if sort not in SORTS:
            raise ArchiveError(f"unknown sort {sort!r}: use relevance, date or date_asc")
        if not 1 <= limit <= MAX_LIMIT or offset < 0:
            raise ArchiveError(f"limit must be 1..{MAX_LIMIT} and offset 0 or more")
        compiled = compile_query(parse(query), query)
        self._ensure_index()
        searcher = self.index.searcher()
        try:
            total, found = self.index.search_addresses(
                compiled.query, limit, offset, SORTS[sort], searcher=searcher
            )
            suggestions = self._suggest(query, compiled, searcher) if total < FEW_RESULTS else ()
            corrected = None
            if correct and total == 0 and suggestions and suggestions[0].total:
                corrected = suggestions[0].query
                compiled = compile_query(parse(corrected), corrected)
                total, found = self.index.search_addresses(
                    compiled.query, limit, offset, SORTS[sort], searcher=searcher
                )
            facet_counts = self.index.facets(compiled.query) if facets else None
        except ValueError as err:  # an engine error would be our bug: say so in one line
            raise ArchiveError(f"the search failed: {err}") from None
        records = self.store.by_nums([num for num, _, _ in found])
        markers: dict[str | None, Marker] = {}  # the hits of one language mark alike
        hits = []
        for num, score, address in found:
            record = records.get(num)
            if record is None:
                continue
            mark = markers.get(record.language)
            if mark is None:
                mark = markers[record.language] = hit_marker(compiled, record.language)
            why = _explained(compiled, searcher, address) if explain else ()
            hits.append(make_hit(record, score, compiled, why, mark))
        took = (time.perf_counter() - started) * 1000
        return SearchResult(
            query,
            total,
            tuple(hits),
            offset,
            facet_counts,
            took,
            tuple(suggestions),
            corrected,
            behind=self._behind,
        )

    def generation(self) -> tuple[Any, ...]:
        """What every search answer is made from, for caches of finished pages: the
        store's change counter (a record added, changed or withdrawn), and the index's
        build, the store change it has reached and what its searcher holds (documents,
        segments). Raises ``ArchiveError`` while the index is not built."""
        searcher = self.index.searcher()
        return (
            self.store.max_seq(),
            self.index.build,
            self.index.seq,
            self._behind,
            int(searcher.num_docs),
            int(searcher.num_segments),
        )

    def _suggest(self, query: str, compiled: Any, searcher: Any) -> list[Suggestion]:
        """Did you mean: the query with its words no record holds replaced by the
        nearest indexed terms (``suggest.py``), if that finds anything."""
        if not compiled.words:
            return []

        def count(key: str) -> int:
            return self.index.doc_freq("body", key, searcher) + self.index.doc_freq(
                "title", key, searcher
            )

        changes = corrections(searcher, self.index.generation(), compiled.words, count)
        if not changes:
            return []
        suggested = rewrite(query, compiled.words, changes)
        better = compile_query(parse(suggested), suggested)
        total, _ = self.index.search(better.query, 1, 0, None, searcher=searcher)
        if not total:
            return []
        return [Suggestion(suggested, total, tuple(changes.items()))]

    def similar(self, id: str, limit: int = 5) -> list[Related]:
        """More like this: the records sharing most of the record's telling terms
        (``similar.py``), best first; empty for an unknown id or a record without text."""
        from ganjina.archive.index import prepare

        found = self.store.get(id)
        if found is None:
            return []
        self._ensure_index()
        num = self.store.num_of(found.id)
        if num is None:
            return []
        query = similar_query(prepare(found, num), self.index.num_docs())
        if query is None:
            return []
        _, hits = self.index.search(query, limit, 0, None)
        records = self.store.by_nums([n for n, _ in hits])
        return [
            Related(r.id, r.title, r.date, r.language, score)
            for n, score in hits
            if (r := records.get(n)) is not None
        ]

    def _ensure_index(self) -> None:
        """Catch the index up with the store when it is behind (after a crash) and no other
        process is writing; checked on first use and then every RECHECK_SECONDS."""
        now = time.monotonic()
        if self._checked and now - self._checked < RECHECK_SECONDS and self.index.usable:
            return
        self._checked = now
        if self.store.kind == "postgresql":
            # a node's own index, caught up under a lock of this machine: the store's
            # writer lock belongs to the (cluster's) writers, whom a search must not stall
            from ganjina.archive.follow import ensure_local

            ensure_local(self)
            return
        self.index.reload_state()
        self._behind = 0
        if self.index.usable and self.index.seq >= self.store.max_seq():
            return
        try:
            with self._writing():
                self.index.reload_state()
                catch_up(self.store, self.index)
        except ArchiveLocked:
            if not self.index.usable:
                raise ArchiveLocked(
                    f"the search index of {self.location} is being built by another "
                    "process; try again when it has finished"
                ) from None
        except IndexWriteFailed:
            # the index could not be caught up (a full disk): a complete index that is
            # behind still answers; one that is not built cannot
            self.index.reload_state()
            if not self.index.usable:
                raise
            self._behind = max(0, self.store.max_seq() - self.index.seq)

    def stats(self) -> dict[str, Any]:
        """Counts by section, language and year, and the archive's health."""
        stats = self.store.stats()
        self.index.reload_state()
        stats["index"] = {
            "path": str(self.index.path),
            "seq": self.index.seq,
            "behind": max(0, stats["seq"] - self.index.seq) if self.index.usable else None,
        }
        stats["archive"] = self.location
        return stats

    def errors(self, *, history: bool = False) -> list[Failure]:
        """Files that could not be read, with the reason (``history``: every failure ever
        logged, including files read successfully since)."""
        return self.store.errors(history)

    def check(self, *, repair: bool = False, tick: Callable[[], None] | None = None) -> CheckReport:
        """Check the store, the originals and the index (``check.py``); with ``repair``,
        rebuild the index when that is what is wrong. ``tick`` is called per item read."""
        from ganjina.archive import check

        report = check.check_archive(self, tick or (lambda: None))
        if repair:
            check.repair(self, report)
        return report

    def export(self, fmt: str, out: str | Path | IO[bytes], query: str | None = None) -> int:
        """Write records as ``jsonl``, ``csv`` or ``parquet`` to a path or binary stream, in
        constant memory; ``query`` limits them to a search. Returns the number written."""
        from ganjina.archive.export import export

        return export(self, fmt, out, query)

    def iter_articles(self, query: str | None = None) -> Iterator[Article]:
        """Every record (oldest stored first), or those matching ``query`` (newest first)."""
        if query is None:
            yield from self.store.iter_articles()
            return
        compiled = compile_query(parse(query), query)
        self._ensure_index()
        total, _ = self.index.search(compiled.query, 1, 0, "desc")
        nums = [num for num, _ in self.index.search(compiled.query, max(total, 1), 0, "desc")[1]]
        for i in range(0, len(nums), 500):
            chunk = nums[i : i + 500]
            records = self.store.by_nums(chunk)
            yield from (records[n] for n in chunk if n in records)


def _explained(compiled: Any, searcher: Any, address: Any) -> tuple[tuple[str, float], ...]:
    return explain(compiled, searcher, address)
