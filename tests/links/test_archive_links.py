"""Links kept in the store of record: made at ingest, updated incrementally, rebuilt,
read back, exported; on SQLite and (marked postgres) PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.links import Links, engine
from ganjina.record import Article, Source
from tests.links.conftest import OTHER, STORY, record


def samples(root: Path) -> list[Article]:
    return [
        Article.from_json(p.read_text(encoding="utf-8"))
        for p in sorted(root.glob("*/expected.json"))
    ]


def relation_set(links: Links) -> set[tuple[str, str, str]]:
    return {(r["src"], r["kind"], r["dst"]) for r in links.iter_relations()}


def test_samples_linked_and_shown(archive: Archive, samples_root: Path) -> None:
    archive.add_many(samples(samples_root))
    links = Links(archive)
    report = links.update()
    assert report.rebuilt and report.profiled == 14 and report.translations == 1
    fa, en = "gj-b423c344a1d5bb81", "gj-cfa48b9368d7d7d3"
    (rel,) = links.relations(fa)
    assert (rel.kind, rel.direction, rel.other.id, rel.phrase) == (
        "translation-of", "out", en, "translation of"
    )  # fmt: skip
    page = links.page(en)
    assert page["translated_as"][0]["other"]["id"] == fa
    assert page["outlet"]["id"] == "harbour-review" and page["also_in_archive"] == []
    assert links.update().profiled == 0  # nothing changed since


def test_ingest_follows_and_updates_incrementally(archive: Archive) -> None:
    first = archive.add(record("Helmand talks", STORY, date="2023-05-09"))
    archive.add(record("Flood relief", OTHER))
    links = Links(archive)
    assert links.cluster(first) is None
    # another conversion of the same article, a day later: the archive links it at once
    copy = archive.add(
        record("Helmand talks (corrected)", [*STORY, "Corrected."], date="2023-05-10")
    )
    cluster = links.cluster(copy)
    assert cluster is not None and cluster.representative.id == first
    assert [m.kind for m in cluster.members] == [None, "duplicate-of"]
    assert cluster.members[1].similarity > 0.8
    # published again two months later: a reprint, in the same cluster
    reprint = archive.add(record("Helmand talks, again", STORY, date="2023-07-09"))
    kinds = {r.other.id: r.kind for r in links.relations(reprint)}
    assert kinds == {first: "reprint-of"}
    assert len(links.cluster(first).members) == 3
    # the copy's text changes completely (a new version): it leaves the cluster
    archive.add(record("Helmand talks (corrected)", OTHER, date="2023-05-10"))
    assert {m.record.id for m in links.cluster(first).members} == {first, reprint}
    incremental = relation_set(links)
    links.rebuild()
    assert relation_set(links) == incremental


def test_representative_leaving_reforms_the_cluster(archive: Archive) -> None:
    rep = archive.add(record("Original", STORY, date="2023-05-01"))
    a = archive.add(record("Copy A", STORY, date="2023-05-02"))
    b = archive.add(record("Copy B", STORY, date="2023-05-03"))
    links = Links(archive)
    assert links.cluster(b).representative.id == rep
    archive.add(record("Original", OTHER, date="2023-05-01"))  # the representative changes
    cluster = links.cluster(b)
    assert cluster is not None and cluster.representative.id == a
    assert links.cluster(rep) is None
    incremental = relation_set(links)
    links.rebuild()
    assert relation_set(links) == incremental


def test_translations_update_incrementally(archive: Archive, samples_root: Path) -> None:
    by_name = {
        a.language: a for a in samples(samples_root) if a.source and "Harbour" in a.source.name
    }
    archive.add(by_name["fa-AF"])  # the translation first: nothing to link yet
    links = Links(archive)
    assert links.relations(by_name["fa-AF"].id) == []
    archive.add(by_name["en"])  # then its original arrives
    (rel,) = links.relations(by_name["en"].id)
    assert rel.phrase == "translated as" and rel.score > 0.9
    assert rel.signals["outlet"] == "harbour-review"


def test_search_collapses_clusters(archive: Archive) -> None:
    first = archive.add(record("Helmand talks", STORY, date="2023-05-09"))
    copy = archive.add(record("Helmand talks again", STORY, date="2023-05-09"))
    archive.add(record("Flood relief on the Helmand", [*OTHER, "Helmand."]))
    links = Links(archive)
    assert archive.search("helmand").total == 3
    shown, hidden = links.search("helmand")
    assert len(shown.hits) == 2
    kept = next(h.id for h in shown.hits if h.id in (first, copy))
    assert hidden == {kept: [copy if kept == first else first]}
    plain, none = links.search("helmand", collapse=False)
    assert len(plain.hits) == 3 and none == {}


def test_outlets_counted_searched_and_faceted(archive: Archive) -> None:
    for i, name in enumerate(
        ["WSWS", "World Socialist", "wsws.org", "Unknown Gazette", "World Socialst"]
    ):
        archive.add(record(f"Report {i}", [f"Text {i} " * 30], source=Source(name=name)))
    links = Links(archive)
    report = links.outlets()
    (wsws,) = report.outlets
    assert (wsws.id, wsws.articles, len(wsws.names)) == ("wsws", 3, 3)
    assert [(u.name, u.suggestion) for u in report.unresolved] == [
        ("Unknown Gazette", None),
        ("World Socialst", "wsws"),
    ]
    assert len(links.outlet_articles("wsws")) == 3
    result = archive.search("source:wsws", facets=True)
    assert result.total == 3
    assert ("World Socialist Web Site", 3) in result.facets["source"]
    assert archive.search('source:"وب‌سایت سوسیالیست جهانی"').total == 3


def test_relations_export(archive: Archive) -> None:
    first = archive.add(record("One", STORY))
    copy = archive.add(record("Two", STORY))
    links = Links(archive)
    out = io.BytesIO()
    assert links.export(out, "jsonl") == 1
    (line,) = [json.loads(x) for x in out.getvalue().decode().splitlines()]
    assert (line["src"], line["kind"], line["dst"]) == (copy, "duplicate-of", first)
    assert round(line["signals"]["similarity"], 4) == line["score"] > 0.95
    out = io.BytesIO()
    links.export(out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
    assert rows[0]["kind"] == "duplicate-of" and json.loads(rows[0]["signals"])["cluster_size"] == 2


def test_a_large_backlog_is_rebuilt(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    archive.add(record("One", STORY))
    monkeypatch.setattr(engine, "REBUILD_MIN", 2)
    archive.add_many([record(f"Many {i}", OTHER, date=f"2023-01-{i + 10}") for i in range(5)])
    report = Links(archive).update()
    assert report.rebuilt and report.profiled == 6 and report.near_duplicates == 4
