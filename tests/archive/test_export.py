"""Export: JSONL round-trips records exactly; CSV and Parquet are flat; files appear whole."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from ganjina.archive import Archive
from ganjina.archive.export import COLUMNS
from ganjina.errors import ArchiveError
from ganjina.record import Article

from .helpers import article


@pytest.fixture
def filled(archive: Archive) -> Archive:
    archive.add_many(
        [
            article("One", 'first, with "quotes"\n\nand two paragraphs', authors=("A", "B")),
            article("دو", "متن دری", language="fa-AF", date="2023-01-02", source="BBC"),
            article("Three", "third", date=None, warnings=("no date found",)),
        ]
    )
    return archive


def test_jsonl_round_trips(filled: Archive) -> None:
    buf = io.BytesIO()
    assert filled.export("jsonl", buf) == 3
    records = [Article.from_json(line) for line in buf.getvalue().decode().splitlines()]
    assert {r.title for r in records} == {"One", "دو", "Three"}
    for r in records:
        assert filled.get(r.id) == r


def test_csv(filled: Archive, tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    assert filled.export("csv", target) == 3
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == COLUMNS
    one = next(r for r in rows if r["title"] == "One")
    assert one["authors"] == "A; B"
    assert one["text"] == 'first, with "quotes"\n\nand two paragraphs'


def test_parquet_with_query(filled: Archive, tmp_path: Path) -> None:
    target = tmp_path / "x.parquet"
    assert filled.export("parquet", target, query="lang:fa") == 1
    table = pq.read_table(target)
    assert table.column_names == list(COLUMNS)
    assert table.to_pylist()[0]["source_name"] == "BBC"
    assert filled.export("parquet", target, query="nomatchanywhere") == 0
    assert pq.read_table(target).num_rows == 0


def test_export_streams_in_chunks(filled: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    chunks: list[int] = []
    original = filled.store.iter_articles

    def spy(chunk: int = 500):  # type: ignore[no-untyped-def]
        chunks.append(chunk)
        return original(chunk=1)

    monkeypatch.setattr(filled.store, "iter_articles", spy)
    assert filled.export("jsonl", io.BytesIO()) == 3
    assert chunks  # went through the chunked iterator, never a full list


def test_failed_export_leaves_no_file(filled: Archive, tmp_path: Path) -> None:
    target = tmp_path / "x.jsonl"
    target.write_text("previous export\n")
    with pytest.raises(ArchiveError, match="unknown export format"):
        filled.export("xml", target)
    with pytest.raises(Exception, match="never closed"):
        filled.export("jsonl", target, query='"oops')
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if "jsonl" in p.name] == ["x.jsonl"]


def test_jsonl_lines_are_single_line_json(filled: Archive) -> None:
    buf = io.BytesIO()
    filled.export("jsonl", buf)
    for line in buf.getvalue().decode().splitlines():
        assert json.loads(line)["id"].startswith("gj-")
