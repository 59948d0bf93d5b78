"""Near-duplicates: the same text with small differences (another conversion, a corrected
typo, a different header), found by MinHash and LSH, then grouped into clusters.

* **Candidates**: records agreeing on a whole LSH band (``sketch.py``). For many records
  at once the bands are grouped with numpy (sort each band's keys, take runs of equal
  keys): the same pairs datasketch's ``MinHashLSH`` yields, without a Python dict entry
  per record and band (4 GB at a million records). A new record's candidates are looked
  up in the stored bands instead (``store.py``).
* **Verification**: a candidate pair is kept when its MinHash estimate of Jaccard
  similarity is at least :data:`THRESHOLD` (standard error about 0.04 at 128 values).
* **Clusters**: the connected groups of kept pairs. Each has one representative: the
  earliest dated record (then the first stored); every other member points at it with a
  ``duplicate-of`` relation, or ``reprint-of`` when it appeared more than
  :data:`REPRINT_DAYS` later (the same text published again).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ganjina.links import sketch as sk
from ganjina.links.profile import Profile

#: estimated Jaccard similarity of word-triple shingles at which two records are one text
THRESHOLD = 0.6
#: later by more than this many days: a reprint rather than a duplicate
REPRINT_DAYS = 7
#: a bucket with more records than this gives a star of pairs, not every pair (a text
#: stored hundreds of times would otherwise cost a square of its copies)
FULL_BUCKET = 50
#: how the similarity was measured (kept with every relation)
METHOD = f"minhash {sk.NUM_PERM} perms, lsh {sk.BANDS}x{sk.ROWS}, 3-word shingles"
#: pairs verified per numpy step
_VERIFY_CHUNK = 200_000


def candidate_pairs(bands: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Row-index pairs ``(i, j)``, ``i < j``, of rows sharing a band key (``n x BANDS``)."""
    n = len(bands)
    found: list[npt.NDArray[np.int64]] = []
    for b in range(bands.shape[1]):
        order = np.argsort(bands[:, b], kind="stable")
        keys = bands[order, b]
        same = keys[1:] == keys[:-1]
        if not same.any():
            continue
        # runs of equal keys: starts where a key differs from the one before
        starts = np.flatnonzero(np.concatenate(([True], ~same)))
        lengths = np.diff(np.concatenate((starts, [n])))
        two = starts[lengths == 2]  # by far the commonest bucket: pair it without a loop
        found.append(np.sort(np.stack((order[two], order[two + 1]), axis=1), axis=1))
        for start, length in zip(starts[lengths > 2], lengths[lengths > 2], strict=True):
            members = np.sort(order[start : start + length])
            found.append(_pairs_of(members))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    codes = np.unique(pairs[:, 0] * n + pairs[:, 1])
    out: npt.NDArray[np.int64] = np.stack((codes // n, codes % n), axis=1)
    return out


def _pairs_of(members: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    if len(members) > FULL_BUCKET:
        return np.stack((np.repeat(members[0], len(members) - 1), members[1:]), axis=1)
    i, j = np.triu_indices(len(members), k=1)
    out: npt.NDArray[np.int64] = np.stack((members[i], members[j]), axis=1).astype(np.int64)
    return out


def verify(
    pairs: npt.NDArray[np.int64], sketches: sk.Sketches, threshold: float = THRESHOLD
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """The pairs whose estimated similarity reaches ``threshold``, with the estimates."""
    kept: list[npt.NDArray[np.int64]] = []
    sims: list[npt.NDArray[np.float64]] = []
    for s in range(0, len(pairs), _VERIFY_CHUNK):
        part = pairs[s : s + _VERIFY_CHUNK]
        est = (sketches[part[:, 0]] == sketches[part[:, 1]]).sum(axis=1) / sk.NUM_PERM
        ok = est >= threshold
        kept.append(part[ok])
        sims.append(est[ok])
    if not kept:
        return np.empty((0, 2), dtype=np.int64), np.empty(0)
    return np.concatenate(kept), np.concatenate(sims)


def near_duplicates(
    nums: Sequence[int], sketches: sk.Sketches, threshold: float = THRESHOLD
) -> list[tuple[int, int, float]]:
    """Every near-duplicate pair among records (``nums`` and their sketch rows), by LSH."""
    pairs, sims = verify(candidate_pairs(sk.band_keys(sketches)), sketches, threshold)
    ids = np.asarray(nums, dtype=np.int64)
    return [(int(ids[i]), int(ids[j]), float(s)) for (i, j), s in zip(pairs, sims, strict=True)]


class UnionFind:
    """Connected groups of record numbers (path halving, union by size)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.size: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size.get(ra, 1) < self.size.get(rb, 1):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] = self.size.get(ra, 1) + self.size.get(rb, 1)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in out.values() if len(g) > 1]


@dataclass(frozen=True)
class Link:
    """A member of a cluster pointing at its representative."""

    src: int
    dst: int
    kind: str
    score: float
    signals: dict[str, Any]


def _date_key(p: Profile) -> tuple[str, int]:
    return (p.date or "9999", p.num)


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    try:
        return (datetime.date.fromisoformat(a[:10]) - datetime.date.fromisoformat(b[:10])).days
    except ValueError:
        return None


def cluster_links(groups: Iterable[Sequence[int]], profiles: Mapping[int, Profile]) -> list[Link]:
    """The relations of each cluster: every member to the representative."""
    links = []
    for group in groups:
        members = sorted((profiles[n] for n in group), key=_date_key)
        rep = members[0]
        assert rep.sketch is not None
        for m in members[1:]:
            assert m.sketch is not None
            sim = sk.similarity(m.sketch, rep.sketch)
            days = _days_apart(m.date, rep.date)
            kind = "reprint-of" if days is not None and days > REPRINT_DAYS else "duplicate-of"
            signals: dict[str, Any] = {
                "similarity": sim,
                "cluster_size": len(members),
                "days_apart": days,
                "same_outlet": (m.outlet == rep.outlet) if m.outlet and rep.outlet else None,
                "method": METHOD,
            }
            links.append(Link(m.num, rep.num, kind, round(sim, 4), signals))
    return links
