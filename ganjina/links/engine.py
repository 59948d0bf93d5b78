"""Keeping the links up to date: rebuilt from the records, or updated after new ones.

Links follow the store the way the search index does: ``link_state.seq`` is the change
counter they have reached. :func:`update` (which the archive calls after ``ingest`` and
``add``) profiles only the records changed since, looks their near-duplicates up in the
stored LSH bands and their translations up among the stored profiles of nearby dates,
and rewrites only the relations those records take part in. When the backlog is large
(a first ingest, a bulk load) a full :func:`rebuild` is faster, and is done instead:
profiles computed in worker processes, candidate pairs grouped in memory.
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import TYPE_CHECKING

import numpy as np

from ganjina.archive.sqlstore import SqlStore
from ganjina.links import dedup, followups, linking, tables, translations
from ganjina.links import sketch as sk
from ganjina.links.profile import Profile, profiles
from ganjina.links.shingles import SHINGLE_WORDS
from ganjina.links.tables import NEAR_KINDS, TRANSLATION_KINDS, sql_store
from ganjina.record import Article

if TYPE_CHECKING:
    from ganjina.archive import Archive

#: what the stored profiles and relations were made with; a change forces a rebuild
VERSION = (
    f"2;minhash={sk.NUM_PERM};lsh={sk.BANDS}x{sk.ROWS};shingle={SHINGLE_WORDS};"
    f"near={dedup.THRESHOLD};translation={translations.THRESHOLD}"
)
#: records read and profiled per step
CHUNK = 1000
#: a backlog bigger than this, and than REBUILD_SHARE of the archive, is rebuilt
REBUILD_MIN = 5000
REBUILD_SHARE = 0.2
#: a backlog this big is profiled in worker processes
PARALLEL_MIN = 4000


@dataclass
class LinkReport:
    """What one update or rebuild did."""

    profiled: int = 0
    near_duplicates: int = 0
    translations: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        how = "rebuilt" if self.rebuilt else "updated"
        return (
            f"links {how}: {self.profiled} records profiled, {self.near_duplicates} "
            f"near-duplicate and {self.translations} translation relations written "
            f"in {self.seconds:.1f} s"
        )


def follow(archive: Archive) -> None:
    """The archive's hook after a write session: bring the links up to date."""
    update(archive)


def update(
    archive: Archive, *, workers: int | None = None, executor: Executor | None = None
) -> LinkReport:
    """Link the records changed since the last update (or rebuild, when that is faster).

    ``executor`` (a Dask cluster's, say) profiles the records of a rebuild instead of
    ``workers`` local processes."""
    started = time.monotonic()
    with archive.writing():
        store = sql_store(archive.store)
        reached = tables.get_state(store, "seq")
        if tables.get_state(store, "version") != VERSION or reached is None:
            return rebuild(archive, workers=workers, executor=executor)
        seq, top = int(reached), store.max_seq()
        backlog = top - seq  # at most this many records changed (fewer if some twice)
        if backlog > REBUILD_MIN and backlog > REBUILD_SHARE * store.count():
            return rebuild(archive, workers=workers, executor=executor)
        rows: list[tuple[int, int, Article]] = []
        while batch := store.since(seq, CHUNK):
            rows += batch
            seq = batch[-1][0]
        report = LinkReport()
        if rows:
            report = _incremental(store, rows)
        with store.write():
            tables.set_state(store, "seq", str(max(seq, top)))
    report.seconds = time.monotonic() - started
    return report


def _incremental(store: SqlStore, rows: list[tuple[int, int, Article]]) -> LinkReport:
    # one record may appear once per change: keep its latest version
    latest = {num: (s, a) for s, num, a in rows}
    new = profiles([(num, a) for num, (_s, a) in latest.items()])
    with store.write():
        tables.drop_profiles(store, list(latest))
        tables.put_profiles(store, [(p, latest[p.num][0]) for p in new])
        near = _update_near(store, new)
        linked = _update_translations(store, new)
    return LinkReport(profiled=len(new), near_duplicates=near, translations=linked)


def _rep_of(num: int, relations: Sequence[tuple[int, str, int, float, str]]) -> int:
    for src, _kind, dst, _score, _signals in relations:
        if src == num:
            return dst
    return num


def _update_near(store: SqlStore, new: Sequence[Profile]) -> int:
    """Re-form the clusters the new profiles join, leave or change."""
    changed = {p.num for p in new}
    old = tables.relations_of(store, sorted(changed), NEAR_KINDS)
    dirty = set(changed)
    for members in tables.cluster_members(
        store, sorted({_rep_of(n, old) for n in changed})
    ).values():
        dirty.update(members)
    matches = tables.band_matches(store, [p for p in new if p.sketch is not None])
    neighbours = sorted({b for _a, b in matches} - dirty)
    near = tables.relations_of(store, neighbours, NEAR_KINDS)
    joined = tables.cluster_members(store, sorted({_rep_of(n, near) for n in neighbours}))
    everyone = dirty.union(*joined.values())
    found = tables.get_profiles(store, sorted(everyone))
    uf = dedup.UnionFind()
    for rep, members in joined.items():  # clusters that gain a member stay whole
        for m in members:
            uf.union(rep, m)

    def similar(a: int, b: int) -> bool:
        sa, sb = found[a].sketch, found[b].sketch
        return sa is not None and sb is not None and sk.similarity(sa, sb) >= dedup.THRESHOLD

    for a, b in matches:
        if a in found and b in found and similar(a, b):
            uf.union(a, b)
    # the other members of a cluster a changed record was in: it may have split, so pair
    # them afresh (clusters are small; the changed records' own pairs come from the bands)
    loose = [n for n in sorted(dirty - changed) if n in found and found[n].sketch is not None]
    for i, a in enumerate(loose):
        for b in loose[i + 1 :]:
            if similar(a, b):
                uf.union(a, b)
    tables.delete_relations(store, sorted(everyone), NEAR_KINDS)
    links = dedup.cluster_links(uf.groups(), found)
    tables.put_relations(store, [(x.src, x.kind, x.dst, x.score, x.signals) for x in links])
    return len(links)


def _shift(iso: str, days: int) -> str:
    return (datetime.date.fromisoformat(iso[:10]) + datetime.timedelta(days=days)).isoformat()


def _window(
    store: SqlStore, around: Sequence[Profile], before: int, after: int
) -> dict[int, Profile]:
    """Stored profiles with a language dated from ``before`` to ``after`` days around any
    of ``around``, or attributed to the same outlet day. Overlapping windows are merged,
    so a batch of new records reads each stored profile once."""
    ranges = []
    for p in around:
        if p.date and len(p.date) >= 10:
            try:
                ranges.append((_shift(p.date, before), _shift(p.date, after)))
            except ValueError:
                continue
    merged: list[list[str]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out: dict[int, Profile] = {}
    for lo, hi in merged:
        out |= tables.profiles_where(
            store, "language IS NOT NULL AND date BETWEEN ? AND ?", [lo, hi]
        )
    days = sorted({p.source_date for p in around if p.source_date})
    for part in tables.chunks(days):
        out |= tables.profiles_where(
            store,
            f"language IS NOT NULL AND source_date IN ({','.join('?' * len(part))})",
            list(part),
        )
    return out


def _update_translations(store: SqlStore, new: Sequence[Profile]) -> int:
    """Re-match the new records and every record competing with them, in any direction."""
    days = translations.MAX_DAYS
    others = _window(store, new, -days, days)
    others |= {p.num: p for p in new}
    # the current links of everyone involved compete again, so none is lost or doubled
    current = tables.relations_of(store, sorted(others), (*TRANSLATION_KINDS, "related"))
    more = {src for src, *_ in current} | {dst for _s, _k, dst, *_ in current}
    others |= tables.get_profiles(store, sorted(more - set(others)))
    tables.delete_relations(store, sorted(others), (*TRANSLATION_KINDS, "related"))
    # an outlet's language is read from all its records, as a rebuild reads it
    outlets = [p.outlet for p in others.values() if p.outlet]
    languages = linking.outlet_languages(tables.outlet_profiles(store, outlets))
    matches = linking.match(list(others.values()), languages=languages)
    tables.put_relations(store, [_relation(m) for m in matches])
    tables.put_relations(store, [_related(r) for r in followups.related(list(others.values()))])
    return len(matches)


def _related(r: followups.Related) -> tuple[int, str, int, float, dict[str, object]]:
    return (r.later, "related", r.earlier, r.score, r.signals)


def _relation(m: linking.Match) -> tuple[int, str, int, float, dict[str, object]]:
    return (m.translation, m.kind, m.original, m.score, m.signals)


# -- rebuilding ---------------------------------------------------------------------------
def _chunks(store: SqlStore) -> Iterator[list[tuple[int, int, Article]]]:
    seq = 0
    while rows := store.since(seq, CHUNK):
        yield rows
        seq = rows[-1][0]


def _profile_chunk(rows: list[tuple[int, Article]]) -> list[Profile]:
    return profiles(rows)


def _profiled(
    store: SqlStore, workers: int, executor: Executor | None = None
) -> Iterator[tuple[list[Profile], dict[int, int]]]:
    """Profiles of every record, a chunk at a time, with each record's seq."""
    if executor is not None:
        yield from _profiled_by(executor, store, max(workers, 2))
        return
    if workers <= 1:
        for rows in _chunks(store):
            yield profiles([(n, a) for _s, n, a in rows]), {n: s for s, n, _a in rows}
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        yield from _profiled_by(pool, store, workers)


def _profiled_by(
    pool: Executor, store: SqlStore, workers: int
) -> Iterator[tuple[list[Profile], dict[int, int]]]:
    window: list[tuple[Future[list[Profile]], dict[int, int]]] = []
    for rows in _chunks(store):
        task = pool.submit(_profile_chunk, [(n, a) for _s, n, a in rows])
        window.append((task, {n: s for s, n, _a in rows}))
        if len(window) >= workers * 3:
            done, seqs = window.pop(0)
            yield done.result(), seqs
    for done, seqs in window:
        yield done.result(), seqs


def rebuild(
    archive: Archive, *, workers: int | None = None, executor: Executor | None = None
) -> LinkReport:
    """Make every profile and relation again from the records (profiled by ``executor``
    when given, else by ``workers`` processes)."""
    started = time.monotonic()
    with archive.writing():
        store = sql_store(archive.store)
        top = store.max_seq()
        if workers is None:
            workers = archive.settings.workers or os.cpu_count() or 1
        if top < PARALLEL_MIN:
            workers = 1
        with store.write():
            tables.clear(store)
            tables.set_state(store, "version", "rebuilding")
        everyone: list[Profile] = []
        for chunk, seqs in _profiled(store, workers, executor if workers > 1 else None):
            with store.write():
                tables.put_profiles(store, [(p, seqs[p.num]) for p in chunk])
            everyone += chunk
        links = _near_all(everyone)
        matches = _translations_all(everyone)
        with store.write():
            tables.put_relations(store, [(x.src, x.kind, x.dst, x.score, x.signals) for x in links])
            tables.put_relations(store, [_relation(m) for m in matches])
            tables.put_relations(store, [_related(r) for r in followups.related(everyone)])
            tables.set_state(store, "seq", str(top))
            tables.set_state(store, "version", VERSION)
    return LinkReport(
        profiled=len(everyone),
        near_duplicates=len(links),
        translations=len(matches),
        rebuilt=True,
        seconds=time.monotonic() - started,
    )


def _near_all(everyone: Sequence[Profile]) -> list[dedup.Link]:
    sketched = [p for p in everyone if p.sketch is not None]
    if not sketched:
        return []
    matrix = np.stack([p.sketch for p in sketched if p.sketch is not None])
    pairs = dedup.near_duplicates([p.num for p in sketched], matrix)
    uf = dedup.UnionFind()
    for a, b, _sim in pairs:
        uf.union(a, b)
    groups = uf.groups()
    in_groups = {n for g in groups for n in g}
    by_num = {p.num: p for p in sketched if p.num in in_groups}
    return dedup.cluster_links(groups, by_num)


def _translations_all(everyone: Sequence[Profile]) -> list[linking.Match]:
    return linking.match(everyone)
