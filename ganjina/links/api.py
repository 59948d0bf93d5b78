"""``Links``: what the CLI and the web site ask of the links, for one archive.

>>> from ganjina.archive import Archive
>>> from ganjina.links import Links
>>> with Archive.open("demo-archive") as archive:  # doctest: +SKIP
...     links = Links(archive)
...     for r in links.relations("gj-b423c344a1d5bb81"):
...         print(r.phrase, r.other.title)          # translation of Kabul and Tehran …
...     shown, hidden = links.search("helmand", collapse=True)
...     report = links.outlets()                     # outlets by count, unresolved names
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ganjina.archive.types import SearchResult
from ganjina.errors import ArchiveError
from ganjina.links import engine, linking, tables, translations
from ganjina.links.outlets import Outlet, OutletTable, default_table
from ganjina.links.tables import NEAR_KINDS, sql_store
from ganjina.links.types import (
    Cluster,
    Member,
    OutletCount,
    OutletReport,
    RecordRef,
    Relation,
    Unresolved,
)
from ganjina.record import Article

if TYPE_CHECKING:
    from ganjina.archive import Archive

EXPORT_FORMATS = ("jsonl", "csv")
#: hits fetched per hit shown when a search collapses clusters
COLLAPSE_OVERFETCH = 3


class Links:
    """Relations, clusters and outlets of one open :class:`~ganjina.archive.Archive`."""

    def __init__(self, archive: Archive, table: OutletTable | None = None) -> None:
        self.archive = archive
        self.store = sql_store(archive.store)
        self.table = table or default_table()

    # -- keeping up to date -------------------------------------------------------------
    def update(self, *, workers: int | None = None) -> engine.LinkReport:
        """Link what changed since the last update (the archive does this after ingest)."""
        return engine.update(self.archive, workers=workers)

    def rebuild(self, *, workers: int | None = None) -> engine.LinkReport:
        """Make every profile and relation again from the records."""
        return engine.rebuild(self.archive, workers=workers)

    # -- records and their relations ------------------------------------------------------
    def _nums(self, ids: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for part in tables.chunks(list(ids)):
            marks = ",".join("?" * len(part))
            for id, num in self.store.derived_rows(
                f"SELECT id, num FROM link_profiles WHERE id IN ({marks})", part
            ):
                out[id] = int(num)
        return out

    def _num(self, id: str) -> int | None:
        article = self.archive.get(id)  # resolves an alias to the record's own id
        return None if article is None else self._nums([article.id]).get(article.id)

    def _refs(self, nums: Sequence[int]) -> dict[int, RecordRef]:
        out: dict[int, RecordRef] = {}
        for part in tables.chunks(sorted(set(nums))):
            out.update({n: RecordRef.of(a) for n, a in self.store.by_nums(part).items()})
        return out

    def relations(self, id: str, kinds: Sequence[str] = tables.KINDS) -> list[Relation]:
        """Every stored relation of the record ``id``, from its point of view.

        A member of a near-duplicate cluster has one relation, to the representative;
        :meth:`cluster` gives the whole group, :meth:`page` both, ready to show.
        """
        num = self._num(id)
        if num is None:
            return []
        rows = tables.relations_of(self.store, [num], kinds)
        refs = self._refs([n for src, _k, dst, *_ in rows for n in (src, dst)])
        return self._seen_from(num, rows, refs)

    def relations_many(
        self, ids: Sequence[str], kinds: Sequence[str] = tables.KINDS
    ) -> dict[str, list[Relation]]:
        """:meth:`relations` of many current record ids at once (exports: a few queries
        per chunk of records instead of a few per record); ids without links are left out."""
        nums = self._nums(ids)
        rows = tables.relations_of(self.store, list(nums.values()), kinds)
        refs = self._refs([n for src, _k, dst, *_ in rows for n in (src, dst)])
        touching: dict[int, list[tuple[int, str, int, float, str]]] = defaultdict(list)
        for row in rows:
            touching[row[0]].append(row)
            touching[row[2]].append(row)
        return {
            id: self._seen_from(num, touching[num], refs)
            for id, num in nums.items()
            if num in touching
        }

    @staticmethod
    def _seen_from(
        num: int, rows: Sequence[tuple[int, str, int, float, str]], refs: dict[int, RecordRef]
    ) -> list[Relation]:
        out = []
        for src, kind, dst, score, signals in rows:
            if src not in refs or dst not in refs:
                continue  # the other record is gone: the next update drops the relation
            outgoing = src == num
            out.append(
                Relation(
                    kind=kind,
                    src=refs[src].id,
                    dst=refs[dst].id,
                    score=score,
                    signals=json.loads(signals),
                    direction="out" if outgoing else "in",
                    other=refs[dst] if outgoing else refs[src],
                )
            )
        return sorted(out, key=lambda r: (r.kind, -r.score, r.other.id))

    def explain(self, a: str, b: str) -> dict[str, Any]:
        """Every signal of the pair ``a``, ``b`` with its points, and the decision: which
        is the translation (if either), of what kind, and whether that link is stored."""
        nums = [self._num(a), self._num(b)]
        if nums[0] is None or nums[1] is None:
            missing = a if nums[0] is None else b
            raise ArchiveError(f"no record {missing!r} in the archive")
        found = tables.get_profiles(self.store, [n for n in nums if n is not None])
        pa, pb = found[nums[0]], found[nums[1]]
        outlets = [p.outlet for p in (pa, pb) if p.outlet]
        languages = linking.outlet_languages(tables.outlet_profiles(self.store, outlets))
        d = translations.decide(pa, pb, languages)
        ids = {pa.num: pa.id, pb.num: pb.id}
        stored = [
            {"src": ids.get(src), "kind": kind, "dst": ids.get(dst), "score": round(score, 4)}
            for src, kind, dst, score, _s in tables.relations_of(self.store, [pa.num])
            if {src, dst} == {pa.num, pb.num}
        ]
        return {
            "a": pa.id,
            "b": pb.id,
            "languages": [pa.language, pb.language],
            "outlet_languages": {o: languages.get(o) for o in outlets},
            "decision": d.kind,
            "translation": ids[d.src] if d.kind else None,
            "original": ids[d.dst] if d.kind else None,
            "points": round(d.points, 2),
            "score": round(d.score, 4),
            "signals": d.signals,
            "stored": stored,
        }

    def cluster(self, id: str) -> Cluster | None:
        """The near-duplicate cluster of ``id``, or None when it has no near-duplicate."""
        num = self._num(id)
        if num is None:
            return None
        rows = tables.relations_of(self.store, [num], NEAR_KINDS)
        rep = next((dst for src, _k, dst, *_ in rows if src == num), num)
        members = tables.cluster_members(self.store, [rep])[rep]
        if len(members) < 2:
            return None
        return self._cluster(rep, members)

    def _cluster(
        self, rep: int, members: Sequence[int], refs: dict[int, RecordRef] | None = None
    ) -> Cluster:
        rows = {
            src: (kind, score)
            for src, kind, dst, score, _s in tables.relations_of(self.store, [rep], NEAR_KINDS)
            if dst == rep
        }
        refs = refs if refs is not None else self._refs(members)
        out = [Member(refs[rep], None, 1.0)] if rep in refs else []
        for m in members:
            if m != rep and m in refs and m in rows:
                out.append(Member(refs[m], rows[m][0], rows[m][1]))
        return Cluster(tuple(out))

    def clusters(self) -> Iterator[Cluster]:
        """Every near-duplicate cluster, biggest first (then by representative)."""
        groups: dict[int, list[int]] = defaultdict(list)
        marks = ",".join("?" * len(NEAR_KINDS))
        for src, dst in self.store.derived_rows(
            f"SELECT src, dst FROM link_relations WHERE kind IN ({marks}) ORDER BY dst, src",
            NEAR_KINDS,
        ):
            groups[int(dst)].append(int(src))
        order = sorted(groups, key=lambda r: (-len(groups[r]), r))
        for start in range(0, len(order), 200):
            reps = order[start : start + 200]
            refs = self._refs([n for r in reps for n in (r, *groups[r])])
            for rep in reps:
                yield self._cluster(rep, [rep, *groups[rep]], refs)

    def page(self, id: str) -> dict[str, Any]:
        """What an article page shows, as plain data: ``also_in_archive`` (the other
        members of its cluster), ``translation_of``, ``translated_as`` (the relation's
        ``signals.partial`` and ``signals.share`` tell a partial translation),
        ``translation_unknown_direction``, ``related`` (follow-ups either way), ``outlet``."""
        article = self.archive.get(id)
        if article is None:
            return {}
        cluster = self.cluster(article.id)
        also = (
            [m.to_dict() for m in cluster.members if m.record.id != article.id] if cluster else []
        )
        rels = self.relations(article.id, ("translation-of",))
        others = self.relations(article.id, ("translation-of-unknown-direction", "related"))
        outlet = self.outlet_of(article)
        return {
            "id": article.id,
            "also_in_archive": also,
            "translation_of": [r.to_dict() for r in rels if r.direction == "out"],
            "translated_as": [r.to_dict() for r in rels if r.direction == "in"],
            "translation_unknown_direction": [
                r.to_dict() for r in others if r.kind == "translation-of-unknown-direction"
            ],
            "related": [r.to_dict() for r in others if r.kind == "related"],
            "outlet": outlet.to_dict() if outlet else None,
        }

    # -- search ---------------------------------------------------------------------------
    def collapse(self, result: SearchResult) -> tuple[SearchResult, dict[str, list[str]]]:
        """The result with each near-duplicate cluster shown once (its best-ranked hit),
        and, for each hit shown, the ids of the hits it stands for."""
        nums = self._nums([h.id for h in result.hits])
        reps = self._reps(list(nums.values()))
        shown = []
        hidden: dict[str, list[str]] = {}
        first: dict[int, str] = {}
        for hit in result.hits:
            num = nums.get(hit.id)
            rep = reps.get(num, num) if num is not None else None
            if rep is not None and rep in first:
                hidden[first[rep]].append(hit.id)
                continue
            if rep is not None:
                first[rep] = hit.id
            shown.append(hit)
            hidden[hit.id] = []
        return dataclasses.replace(result, hits=tuple(shown)), {
            k: v for k, v in hidden.items() if v
        }

    def _reps(self, nums: Sequence[int]) -> dict[int, int]:
        rows = tables.relations_of(self.store, nums, NEAR_KINDS)
        return {src: dst for src, _k, dst, *_ in rows}

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, collapse: bool = True, **options: Any
    ) -> tuple[SearchResult, dict[str, list[str]]]:
        """``Archive.search``, with clusters collapsed: more hits are fetched so that a page
        still holds ``limit`` hits after collapsing (``offset`` counts raw hits)."""
        if not collapse:
            return self.archive.search(query, limit=limit, offset=offset, **options), {}
        wide = min(limit * COLLAPSE_OVERFETCH, 1000)
        result = self.archive.search(query, limit=wide, offset=offset, **options)
        shown, hidden = self.collapse(result)
        kept = shown.hits[:limit]
        return dataclasses.replace(shown, hits=kept), {
            h.id: hidden[h.id] for h in kept if h.id in hidden
        }

    # -- outlets --------------------------------------------------------------------------
    def outlet_of(self, article: Article) -> Outlet | None:
        """The outlet an article is attributed to, by the current alias table."""
        return self.table.resolve_source(article.source)

    def outlet(self, outlet_id: str) -> Outlet | None:
        return self.table.get(outlet_id)

    def outlets(self) -> OutletReport:
        """Outlets with their article counts, and the attributed names no outlet claims
        (with a guess), most frequent first, by the current table: an edit to the table
        shows here at once (the index and profiles follow at the next rebuild)."""
        counts: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        unresolved: Counter[str] = Counter()
        for name, url, n in self.store.derived_rows(
            "SELECT source_name, source_url, COUNT(*) FROM link_profiles "
            "WHERE source_name IS NOT NULL OR source_url IS NOT NULL "
            "GROUP BY source_name, source_url"
        ):
            outlet = self.table.resolve(name, url)
            if outlet is None:
                unresolved[name or url] += int(n)
            else:
                counts[outlet.id] += int(n)
                spellings[outlet.id][name or url] += int(n)
        found = tuple(
            OutletCount(oid, self.table.get(oid).name, n, tuple(spellings[oid].most_common()))  # type: ignore[union-attr]
            for oid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        missing = []
        for name, n in sorted(unresolved.items(), key=lambda kv: (-kv[1], kv[0])):
            guess = self.table.suggest(name)
            missing.append(Unresolved(name, n, guess.id if guess else None))
        return OutletReport(found, tuple(missing))

    def outlet_articles(self, outlet_id: str, *, limit: int = 50, offset: int = 0) -> list[Article]:
        """An outlet's articles, newest first (as the profiles resolved them)."""
        rows = self.store.derived_rows(
            "SELECT num FROM link_profiles WHERE outlet = ? ORDER BY date DESC, num DESC "
            "LIMIT ? OFFSET ?",
            (outlet_id, limit, offset),
        )
        nums = [int(r[0]) for r in rows]
        found = self.store.by_nums(nums)
        return [found[n] for n in nums if n in found]

    # -- export ---------------------------------------------------------------------------
    def iter_relations(self) -> Iterator[dict[str, Any]]:
        """Every relation as exported: kind, src and dst ids, score, signals, when made."""
        last: tuple[int, str, int] = (-1, "", -1)
        while True:
            rows = self.store.derived_rows(
                "SELECT src, kind, dst, score, signals, made FROM link_relations "
                "WHERE (src > ?) OR (src = ? AND kind > ?) OR (src = ? AND kind = ? AND dst > ?) "
                "ORDER BY src, kind, dst LIMIT 500",
                (last[0], last[0], last[1], last[0], last[1], last[2]),
            )
            if not rows:
                return
            refs = self._refs([n for r in rows for n in (int(r[0]), int(r[2]))])
            for src, kind, dst, score, signals, made in rows:
                if int(src) in refs and int(dst) in refs:
                    yield {
                        "src": refs[int(src)].id,
                        "kind": kind,
                        "dst": refs[int(dst)].id,
                        "score": float(score),
                        "signals": json.loads(signals),
                        "made": made,
                    }
            last = (int(rows[-1][0]), rows[-1][1], int(rows[-1][2]))

    def export(self, out: str | Path | IO[bytes], fmt: str = "jsonl") -> int:
        """Write every relation as JSONL or CSV (signals as a JSON column) to a path or a
        binary stream; returns how many."""
        if fmt not in EXPORT_FORMATS:
            raise ArchiveError(f"unknown relation export format {fmt!r}: use jsonl or csv")
        if isinstance(out, str | Path):
            with open(out, "wb") as fh:
                return self.export(fh, fmt)
        n = 0
        if fmt == "jsonl":
            for rel in self.iter_relations():
                out.write(json.dumps(rel, ensure_ascii=False).encode("utf-8") + b"\n")
                n += 1
            return n
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text)
        writer.writerow(["src", "kind", "dst", "score", "signals", "made"])
        for rel in self.iter_relations():
            signals = json.dumps(rel["signals"], ensure_ascii=False)
            writer.writerow(
                [rel["src"], rel["kind"], rel["dst"], rel["score"], signals, rel["made"]]
            )
            n += 1
        text.flush()
        text.detach()
        return n
