"""DOCX as Word means it: text boxes read once, first-page headers, styles by name."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from ganjina.reader import parse_bytes

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box_run(text: str) -> object:
    """A run holding a text box the way Word writes one: DrawingML plus a VML copy."""
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    return parse_xml(
        f"<w:r {_NS}><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><wps:txbx><w:txbxContent>{para}</w:txbxContent>"
        f"</wps:txbx></mc:Choice>"
        f"<mc:Fallback><v:textbox><w:txbxContent>{para}</w:txbxContent></v:textbox>"
        f"</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _bytes(d: docx.document.Document) -> bytes:
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_text_box_read_once_where_it_is_anchored() -> None:
    d = docx.Document()
    d.add_heading("نقشهٔ مدار", level=1)
    anchor = d.add_paragraph("شکل زیر مدار را نشان می‌دهد.")
    anchor._p.append(_box_run("ورودی A و خروجی Z"))
    d.add_paragraph("پایان متن.")
    article = parse_bytes(_bytes(d), "box.docx")
    body = article.body_text()
    assert body.count("ورودی A و خروجی Z") == 1  # not twice (DrawingML + VML)
    assert body.index("نشان می‌دهد") < body.index("ورودی A") < body.index("پایان متن")


def test_text_box_in_a_table_cell_read_once() -> None:
    d = docx.Document()
    d.add_paragraph("A table with a drawn label, written for this test.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Gate"
    t.cell(0, 1).paragraphs[0]._p.append(_box_run("NAND"))
    table = next(b for b in parse_bytes(_bytes(d), "cellbox.docx").blocks if b.type == "table")
    assert table.rows == [["Gate", "NAND"]]
