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
        f'<mc:Choice Requires="wps"><wps:txbx><w:txbxContent>{para}</w:txbxContent>'
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


def _headed() -> docx.document.Document:
    d = docx.Document()
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Hindukush Letters — a weekly review"
    section.header.paragraphs[0].text = "www.hindukush-letters.example"
    section.footer.paragraphs[0].text = "page footer of every page"
    d.settings.odd_and_even_pages_header_footer = True
    section.even_page_header.paragraphs[0].text = "even pages: Hindukush Letters"
    d.add_heading("Snow closes the Salang pass", level=1)
    d.add_paragraph("The road was shut for two days, a text written for this test.")
    return d


def test_first_page_header_is_the_top_of_page_one() -> None:
    from ganjina.read.docx import read_docx

    lines = read_docx(_bytes(_headed())).lines
    assert lines[0].text == "Hindukush Letters — a weekly review" and lines[0].hint is None
    hints = {ln.text: ln.hint for ln in lines}
    assert hints["www.hindukush-letters.example"] == "header"
    assert hints["even pages: Hindukush Letters"] == "header"
    assert hints["page footer of every page"] == "footer"


def test_running_headers_are_furniture_not_body() -> None:
    article = parse_bytes(_bytes(_headed()), "headed.docx")
    body = article.body_text()
    assert article.title == "Snow closes the Salang pass"
    for furniture in ("www.hindukush-letters.example", "even pages", "page footer"):
        assert furniture not in body
    assert "The road was shut" in body


def test_without_title_page_the_first_page_header_is_not_read() -> None:
    d = _headed()
    d.sections[0].different_first_page_header_footer = False  # Word does not print it
    from ganjina.read.docx import read_docx

    texts = [ln.text for ln in read_docx(_bytes(d)).lines]
    assert "Hindukush Letters — a weekly review" not in texts


def _styled(name: str, style_id: str, text: str) -> docx.document.Document:
    """A paragraph in a style whose id is localized (as a German or Persian Word writes
    it) but whose name is Word's built-in one."""
    d = docx.Document()
    d.add_heading("عنوان نوشته", level=1)
    d.add_paragraph("متن نخست نوشته که برای این آزمون نوشته شده است.")
    style = d.styles.add_style("Local", 1)
    style.element.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId", style_id
    )
    style.element.name_val = name
    d.add_paragraph(text, style=style)
    d.add_paragraph("پایان.")
    return d


def test_styles_by_their_name_whatever_their_id() -> None:
    cases = [
        ("heading 2", "berschrift2", "heading"),
        ("Intense Quote", "IntensivesZitat", "quote"),
        ("caption", "Beschriftung", "caption"),
        ("List Bullet", "Aufzhlungszeichen", "list_item"),
    ]
    for name, style_id, kind in cases:
        article = parse_bytes(_bytes(_styled(name, style_id, "ښار او کلی")), "s.docx")
        block = next(b for b in article.blocks if b.text == "ښار او کلی")
        assert block.type == kind, (name, block.type)


def _picture_paragraph() -> object:
    """A paragraph holding an inline picture (the drawing element is what marks it)."""
    return parse_xml(
        f'<w:p {_NS} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/><wp:docPr id="1" name="p"/>'
        "</wp:inline></w:drawing></w:r></w:p>"
    )


def test_a_photo_over_its_caption_in_a_one_column_table_is_a_caption() -> None:
    # editors keep a photo and its caption together in a table of one column
    d = docx.Document()
    d.add_paragraph("A paragraph before the photo, written for this test, long enough to read.")
    table = d.add_table(rows=2, cols=1)
    picture_cell, caption_cell = table.cell(0, 0), table.cell(1, 0)
    picture_cell._tc.remove(picture_cell.paragraphs[0]._p)
    picture_cell._tc.append(_picture_paragraph())
    caption_cell.paragraphs[0].text = "Villagers at the reopened channel. (Photo: Hila Amiri)"
    caption_cell.paragraphs[0].style = d.styles["Caption"]
    d.add_paragraph("A paragraph after the photo, also written for this test, to close it.")
    blocks = parse_bytes(_bytes(d), "photo.docx").blocks
    assert [b.type for b in blocks] == ["paragraph", "caption", "paragraph"]
    assert blocks[1].text.startswith("Villagers at the reopened channel.")


def test_a_one_column_table_of_short_entries_stays_a_table() -> None:
    d = docx.Document()
    d.add_paragraph("The districts the mobile library visits, written for this test.")
    table = d.add_table(rows=3, cols=1)
    for k, name in enumerate(["Balkh", "Chimtal", "Dawlatabad"]):
        table.cell(k, 0).text = name
    blocks = parse_bytes(_bytes(d), "list.docx").blocks
    assert [b.type for b in blocks] == ["paragraph", "table"]
    assert blocks[1].rows == [["Balkh"], ["Chimtal"], ["Dawlatabad"]]
