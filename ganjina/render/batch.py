"""Publish many sources: in this process or in a pool, one Typst compiler per worker.

Results come back in the order of the sources, one :class:`Published` or one
:class:`PublishError` each, so a bad source never stops the others. The archive is
written from the calling process only (one writer), after each source's files exist.

Example::

    >>> for result in publish_many([Path("a.md"), Path("b.docx")], Path("out")):  # doctest: +SKIP
    ...     print(result)
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ganjina.errors import PublishError
from ganjina.record import Article
from ganjina.render.publish import Published, Publisher, output_stem
from ganjina.render.sources import PROFILE_PATH

# one Publisher per worker process, made by the pool's initializer
_worker: Publisher | None = None


def _init_worker(out_dir: Path | None, timestamp: dt.datetime | None, profile: Path) -> None:
    global _worker
    _worker = Publisher(out_dir, timestamp, profile)


def _publish_one(source: Path) -> Published | PublishError:
    assert _worker is not None, "worker not initialised"
    try:
        return _worker.publish(source)
    except PublishError as err:
        return err


def worker_count(requested: int, sources: int) -> int:
    """``requested`` processes (0: one per CPU core), never more than there are sources."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    wanted = requested or cores or 1
    return max(1, min(wanted, sources))


def publish_many(
    sources: Sequence[Path],
    out_dir: Path | None = None,
    *,
    jobs: int = 1,
    timestamp: dt.datetime | None = None,
    profile: Path = PROFILE_PATH,
) -> Iterator[Published | PublishError]:
    """Publish every source; yields a result per source, in order."""
    clashes = _clashes(sources, out_dir)
    todo = [s for i, s in enumerate(sources) if i not in clashes]
    results = iter(_publish_all(todo, out_dir, jobs, timestamp, profile))
    for i in range(len(sources)):
        yield clashes[i] if i in clashes else next(results)


def _clashes(sources: Sequence[Path], out_dir: Path | None) -> dict[int, PublishError]:
    """Sources whose outputs would overwrite those of an earlier source in the list."""
    taken: dict[Path, Path] = {}
    clashes: dict[int, PublishError] = {}
    for i, source in enumerate(sources):
        target = (out_dir or source.resolve().parent).resolve() / output_stem(source)
        if target in taken and taken[target].resolve() != source.resolve():
            clashes[i] = PublishError(
                f"{source}: would overwrite {target.name}.pdf, published from {taken[target]}"
            )
        taken.setdefault(target, source)
    return clashes


def _publish_all(
    sources: Sequence[Path],
    out_dir: Path | None,
    jobs: int,
    timestamp: dt.datetime | None,
    profile: Path,
) -> Iterator[Published | PublishError]:
    if not sources:
        return
    workers = worker_count(jobs, len(sources))
    if workers == 1:
        publisher = Publisher(out_dir, timestamp, profile)
        for source in sources:
            try:
                yield publisher.publish(source)
            except PublishError as err:
                yield err
        return
    # "spawn", not fork: forking a process whose Typst compiler has started its worker
    # threads can leave the child waiting forever on a lock held by a thread it lacks.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(out_dir, timestamp, profile),
    ) as pool:
        # small chunks keep the order of results close to the order of work
        yield from pool.map(_publish_one, sources, chunksize=4)


def archived_record(published: Published) -> tuple[Article, bytes]:
    """The record as the archive should keep it, and the original file to keep with it.

    The original is the published PDF, and the record is read back from it, so the
    archive holds exactly what ``ganjina parse`` gives for that PDF (provenance included).
    """
    from ganjina.reader import parse_bytes

    data = published.pdf.read_bytes()
    return parse_bytes(data, str(published.pdf)), data


def add_to_archive(archive: Any, results: Iterable[Published]) -> Iterator[tuple[Published, str]]:
    """Add each published article to ``archive`` (a :class:`ganjina.archive.Archive`)."""
    for published in results:
        record, original = archived_record(published)
        yield published, str(archive.add(record, original, published.pdf.name))
