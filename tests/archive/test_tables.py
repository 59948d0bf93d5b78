"""Table blocks in the archive: stored whole in either store, their cells searchable."""

from __future__ import annotations

import json

from ganjina.archive import Archive
from ganjina.archive.export import dumps_jsonl, flat
from ganjina.record import Article, Block, table_text

ROWS = [["ولایت", "ښوونځي"], ["ننګرهار", "۴۲"], ["Paktia", "17"]]


def _with_table() -> Article:
    return Article(
        title="د ښوونځیو شمېر",
        language="ps",
        date="2024-03-01",
        blocks=[
            Block("paragraph", "دا جدول د دې ازموینې لپاره لیکل شوی."),
            Block("table", table_text(ROWS), rows=ROWS, header=True),
        ],
    )


def test_table_round_trips_and_its_cells_are_found(archive: Archive) -> None:
    record = _with_table()
    archive.add(record)
    back = archive.get(record.id)
    assert back is not None
    assert back.blocks[1].rows == ROWS and back.blocks[1].header
    assert back == record
    for word in ("ننګرهار", "Paktia"):  # a cell's word, Pashto letters as written
        assert [hit.id for hit in archive.search(word).hits] == [record.id]


def test_exports_walk_table_cells(archive: Archive) -> None:
    record = _with_table()
    archive.add(record)
    stored = archive.get(record.id)
    assert stored is not None
    assert "ننګرهار\t۴۲" in flat(stored)["text"] and "Paktia\t17" in flat(stored)["text"]
    line = json.loads(dumps_jsonl([stored]).splitlines()[0])
    assert line["blocks"][1]["rows"] == ROWS
