"""A table block on the article page and in the JSON API: a real table, right to left."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from ganjina.archive import Archive
from ganjina.record import Article, Block, Section, table_text
from ganjina.web import create_app

ROWS = [["ولایت", "باران"], ["هرات", "۱۲"], ["بلخ", "۵"]]


def test_article_page_prints_a_right_to_left_table(tmp_path: Path) -> None:
    record = Article(
        title="باران هفته",
        language="fa-AF",
        section=Section("dari", ["دری"]),
        date="2024-04-02",
        blocks=[
            Block("paragraph", "مقدار باران در جدول آمده است."),
            Block("table", table_text(ROWS), rows=ROWS, header=True),
        ],
    )
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.add(record)
        client = TestClient(create_app(archive), raise_server_exceptions=False)
        page = client.get(f"/article/{record.id}").text
        api = client.get(f"/api/articles/{record.id}").json()
    body = page[page.index('class="article-body"') :]
    assert body.index('dir="rtl"') < body.index("<table")  # columns laid out from the right
    assert '<th scope="col">ولایت</th>' in body and "<td>بلخ</td>" in body
    assert api["blocks"][1]["rows"] == ROWS and api["blocks"][1]["header"] is True
