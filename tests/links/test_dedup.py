"""Near-duplicates found by MinHash LSH, grouped into clusters with a representative."""

from __future__ import annotations

import numpy as np

from ganjina.links import dedup
from ganjina.links.profile import profiles
from ganjina.record import Article
from tests.links.conftest import OTHER, STORY, record


def _pairs(articles: list[Article]) -> set[tuple[int, int]]:
    found = profiles(list(enumerate(articles)))
    matrix = np.stack([p.sketch for p in found if p.sketch is not None])
    return {(a, b) for a, b, _s in dedup.near_duplicates([p.num for p in found], matrix)}


def test_small_differences_are_near_duplicates() -> None:
    typo = [STORY[0].replace("formal", "fromal"), *STORY[1:]]
    header = ["Kabul, 12 May (our correspondent).", *STORY]
    converted = [p.replace("the ", "the  ").replace(".", " .") for p in STORY]
    other = OTHER
    articles = [record("a", STORY), record("b", typo), record("c", header)]
    articles += [record("d", converted), record("e", other)]
    found = _pairs(articles)
    assert {(0, 1), (0, 2), (0, 3)} <= found
    assert not any(4 in pair for pair in found)


def test_too_short_texts_are_not_sketched() -> None:
    (p,) = profiles([(1, record("short", ["A few words only."]))])
    assert p.sketch is None


def test_clusters_point_at_the_earliest_record() -> None:
    later = record("x", STORY, date="2023-06-20")
    same_week = record("y", STORY, date="2023-05-10")
    first = record("z", STORY, date="2023-05-09")
    found = {p.num: p for p in profiles([(5, later), (6, same_week), (7, first)])}
    uf = dedup.UnionFind()
    uf.union(5, 6)
    uf.union(6, 7)
    links = {(x.src, x.dst): x for x in dedup.cluster_links(uf.groups(), found)}
    assert set(links) == {(5, 7), (6, 7)}
    assert links[(5, 7)].kind == "reprint-of"  # six weeks later: the text published again
    assert links[(6, 7)].kind == "duplicate-of"
    assert links[(6, 7)].score == 1.0 and links[(6, 7)].signals["days_apart"] == 1
