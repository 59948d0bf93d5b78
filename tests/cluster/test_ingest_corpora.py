"""The cluster ingest of larger corpora gives the same records as a local SQLite ingest
of the same files: the variation corpus of the reader (200 Word-made articles as DOCX,
LibreOffice PDF and converter Markdown) and a few thousand small synthetic articles, so
that many tasks, both workers and the batch writer's every path are used."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganjina.archive import Archive

from .dask_cluster import DaskCluster
from .test_ingest import _cluster_ingest, _records

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SYNTHETIC = 2400

# words to vary the synthetic articles by: every article a different text and title
PLACES = ["Herat", "Balkh", "Kunduz", "Bamyan", "Ghazni", "Nangarhar", "Badakhshan", "Farah"]
THINGS = ["wheat", "saffron", "almonds", "wool", "pomegranates", "melons", "raisins", "cotton"]
DARI_PLACES = ["هرات", "بلخ", "کندز", "بامیان", "غزنی", "ننگرهار", "بدخشان", "فراه"]
DARI_THINGS = ["گندم", "زعفران", "بادام", "پشم", "انار", "خربوزه", "کشمش", "پنبه"]


def _synthetic(folder: Path, n: int) -> Path:
    """``n`` small articles in Markdown, English and Dari by turns, each with its own
    title, author, date and numbered text."""
    folder.mkdir(parents=True)
    for i in range(n):
        place, thing = i % 8, (i // 8) % 8
        day, month, year = 1 + i % 28, 1 + (i // 28) % 12, 2015 + i % 9
        if i % 2:
            text = (
                f"# {DARI_THINGS[thing]} {DARI_PLACES[place]} در گزارش شماره {i}\n\n"
                f"نویسنده: نویسنده {i % 37}\n\n{year}-{month:02d}-{day:02d}\n\n"
                f"دهقانان {DARI_PLACES[place]} امسال {DARI_THINGS[thing]} بیشتری کاشته‌اند. "
                f"این گزارش شماره {i} است.\n\n"
                f"بازار {DARI_PLACES[place]} در هفته {i % 52} آرام بود.\n"
            )
        else:
            text = (
                f"# {THINGS[thing].title()} in {PLACES[place]}, report {i}\n\n"
                f"By Writer {i % 41}\n\n{year}-{month:02d}-{day:02d}\n\n"
                f"Farmers in {PLACES[place]} planted more {THINGS[thing]} this year. "
                f"This is report number {i}.\n\n"
                f"The market of {PLACES[place]} was quiet in week {i % 52}.\n"
            )
        (folder / f"{i // 500:02d}" / f"report-{i:05d}.md").parent.mkdir(exist_ok=True)
        (folder / f"{i // 500:02d}" / f"report-{i:05d}.md").write_text(text, encoding="utf-8")
    return folder


def _same_as_local(folder: Path, tmp_path: Path, pg_url: str, cluster: DaskCluster) -> int:
    """Ingest ``folder`` on the cluster and locally; every record must be the same."""
    report = _cluster_ingest(pg_url, cluster, str(folder))
    assert report["failed"] == 0, report
    with Archive.open(tmp_path / "local", create=True) as local:
        local_report = local.ingest([str(folder)], workers=1)
        expected = _records(local)
    with Archive.open(pg_url, index_dir=tmp_path / "index") as shared:
        got = _records(shared)
    assert report["new"] == local_report.new == len(expected)
    assert set(got) == set(expected)  # the same ids
    differ = [rid for rid, record in expected.items() if got[rid] != record]
    assert not differ, f"{len(differ)} records differ, e.g. {differ[:3]}"
    cluster_tasks = report["cluster"]
    assert isinstance(cluster_tasks, dict) and cluster_tasks["tasks"] >= 2
    return len(expected)


def test_the_variation_corpus_as_a_local_sqlite_ingest(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    from read.variations.build import build  # the reader's corpus, built once and cached

    stored = _same_as_local(build(), tmp_path, pg_url, dask_cluster)
    assert stored >= 200  # every article, in each of its formats that makes a record


def test_a_few_thousand_files_as_a_local_sqlite_ingest(
    tmp_path: Path, pg_url: str, dask_cluster: DaskCluster
) -> None:
    folder = _synthetic(tmp_path / "synthetic", SYNTHETIC)
    assert _same_as_local(folder, tmp_path, pg_url, dask_cluster) == SYNTHETIC
