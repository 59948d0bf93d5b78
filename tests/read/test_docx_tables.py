"""Word tables become ``table`` blocks: every cell's text kept, once, in body order."""

from __future__ import annotations

import io

import docx
from docx.oxml import OxmlElement

from ganjina.reader import parse_bytes
from ganjina.record import Article


def _bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _tables(article: Article) -> list:
    return [b for b in article.blocks if b.type == "table"]


def _dari_table() -> docx.document.Document:
    d = docx.Document()
    d.add_heading("گزارش باران در ولایت‌ها", level=1)
    d.add_paragraph("جدول زیر مقدار باران هفته را نشان می‌دهد.")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["ولایت", "باران", "یادداشت"], ["هرات", "۱۲", "بیشتر از پار"], ["کندهار", "۳", "خشک"]]
    ):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    trpr = t.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))
    d.add_paragraph("پس از جدول متن ادامه دارد.")
    return d


def test_table_cells_in_logical_order_between_paragraphs() -> None:
    article = parse_bytes(_bytes(_dari_table()), "rain.docx")
    kinds = [b.type for b in article.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]
    table = _tables(article)[0]
    assert table.rows == [
        ["ولایت", "باران", "یادداشت"],
        ["هرات", "۱۲", "بیشتر از پار"],
        ["کندهار", "۳", "خشک"],
    ]
    assert table.header is True
    assert "می‌دهد" in article.blocks[0].text  # the author's ZWNJ kept
    assert table.text.split("\n")[1] == "هرات\t۱۲\tبیشتر از پار"


def test_merged_cells_keep_their_text_once() -> None:
    d = docx.Document()
    d.add_paragraph("Harvest figures, written for this test.")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "Wheat harvest by year"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "North"
    t.cell(1, 1).text, t.cell(1, 2).text = "2024", "high"
    t.cell(2, 1).text, t.cell(2, 2).text = "2025", "low"
    table = _tables(parse_bytes(_bytes(d), "merge.docx"))[0]
    assert table.rows == [["Wheat harvest by year"], ["North", "2024", "high"], ["", "2025", "low"]]
    assert table.text.count("North") == 1 and table.text.count("Wheat") == 1
    assert table.header is False


def test_nested_table_text_stays_in_its_cell() -> None:
    d = docx.Document()
    d.add_paragraph("د ښوونځیو شمېر، د دې ازموینې لپاره لیکل شوی.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "ننګرهار"
    inner = t.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "ښوونځي", "۴۲"
    table = _tables(parse_bytes(_bytes(d), "nested.docx"))[0]
    assert table.rows[0][0] == "ننګرهار"  # Pashto letters not folded
    assert "ښوونځي" in table.rows[0][1] and "۴۲" in table.rows[0][1]


def test_empty_table_gives_no_block_and_round_trips() -> None:
    d = _dari_table()
    d.add_table(rows=2, cols=2)
    article = parse_bytes(_bytes(d), "empty.docx")
    assert len(_tables(article)) == 1
    again = Article.from_json(article.to_json())
    assert again == article
    assert "rows" not in again.blocks[0].to_dict()  # other blocks keep their JSON


def test_right_to_left_table_keeps_logical_cell_order() -> None:
    d = _dari_table()
    d.tables[0]._tbl.tblPr.append(OxmlElement("w:bidiVisual"))  # Word's RTL table
    article = parse_bytes(_bytes(d), "rtl.docx")
    assert _tables(article)[0].rows[1] == ["هرات", "۱۲", "بیشتر از پار"]  # not mirrored
