"""Ruled tables in a PDF read as table blocks, cell for cell as the Word file of the same
document reads (issue 11: "DOCX and PDF where the layout is a clear grid")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf
import pytest

from ganjina.read.pdf_tables import _grid, _Rule, find_grids
from ganjina.reader import parse_bytes, parse_file
from tests.read import office

WELLS = [
    ["District", "Wells", "Dry"],
    ["Bagram", "120", "14"],
    ["Charikar", "86", "9"],
    ["Istalif", "40", "2"],
]
# a heading merged across two columns, and a cell merged down two rows
SEASONS = [["Year", "Spring", "<<"], ["^^", "wet", "dry"], ["1402", "12", "3"]]
WELLS_FA = [["ولسوالی", "چاه‌ها", "خشک"], ["بگرام", "۱۲۰", "۱۴"], ["چاریکار", "۸۶", "۹"]]
BEFORE = "The survey counted the wells of three districts in the spring and the summer. "
AFTER = "The figures come from the district offices and were not checked on the ground. "
BEFORE_FA = "این سروی چاه‌های سه ولسوالی را در بهار و تابستان شمرد و نتیجه را نوشت. "
AFTER_FA = "این ارقام از دفترهای ولسوالی آمده و در محل دیده نشده است. "
# the rows of a table that runs over a page break
LONG = [["Village", "Households"]] + [[f"Village {n}", str(10 * n)] for n in range(1, 46)]


def _english(*tables: str) -> str:
    parts = [office.p("C", office.MASTHEAD[0]), office.p("T", "Wells and water in Parwan")]
    parts += [office.p("L", "By Sara Ahmadi"), office.p("B", BEFORE * 3)]
    for table in tables:
        parts += [table, office.p("B", AFTER * 2)]
    return office.fodt(parts)


def _dari() -> str:
    parts = [office.p("C", office.MASTHEAD[0]), office.p("T", "چاه‌ها و آب در پروان")]
    parts += [office.p("L", "نوشتهٔ سارا احمدی"), office.p("B", BEFORE_FA * 3)]
    parts += [office.ruled_table(WELLS_FA, rtl=True), office.p("B", AFTER_FA * 2)]
    return office.fodt(parts, rtl=True, font="DejaVu Sans")


DOCUMENTS = {
    "english": _english(office.ruled_table(WELLS), office.ruled_table(SEASONS)),
    "dari": _dari(),
    "long": _english(office.ruled_table(LONG)),
    "headed": _english(office.ruled_table(LONG, header=True)),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("tables")
    return {
        "pdf": office.convert(folder, DOCUMENTS, "pdf"),
        "docx": office.convert(folder, DOCUMENTS, "docx"),
    }


def _tables(path: Path) -> list[list[list[str]]]:
    return [b.rows or [] for b in parse_file(path).blocks if b.type == "table"]


def _texts(path: Path) -> list[tuple[str, str]]:
    return [(b.type, b.text) for b in parse_file(path).blocks]


def test_a_ruled_table_reads_as_its_word_file(files: dict[str, dict[str, Path]]) -> None:
    pdf, docx = _tables(files["pdf"]["english"]), _tables(files["docx"]["english"])
    assert pdf == docx
    assert pdf[0] == WELLS
    # merged across: one cell; merged down: the text in its first row, empty below
    assert pdf[1] == [["Year", "Spring"], ["", "wet", "dry"], ["1402", "12", "3"]]


def test_the_text_around_a_table_stays_as_it_was(files: dict[str, dict[str, Path]]) -> None:
    blocks = _texts(files["pdf"]["english"])
    assert [kind for kind, _ in blocks] == ["paragraph", "table", "paragraph", "table", "paragraph"]
    assert blocks[0][1] == (BEFORE * 3).strip()
    assert blocks[2][1] == blocks[4][1] == (AFTER * 2).strip()
    article = parse_file(files["pdf"]["english"])
    assert article.title == "Wells and water in Parwan"
    assert article.authors == ["Sara Ahmadi"]


def test_a_right_to_left_table_starts_at_its_right(files: dict[str, dict[str, Path]]) -> None:
    pdf, docx = _tables(files["pdf"]["dari"]), _tables(files["docx"]["dari"])
    assert pdf == docx == [WELLS_FA]  # the author's letters and ZWNJ, first cell first


def test_a_table_over_a_page_break_is_one_table(files: dict[str, dict[str, Path]]) -> None:
    assert parse_file(files["pdf"]["long"]).provenance.pages == 2
    assert _tables(files["pdf"]["long"]) == _tables(files["docx"]["long"]) == [LONG]


def _page(draw: Any) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=300)
    draw(page)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _word_grid(page: Any, texts: list[list[str]]) -> None:
    """A grid the way Word draws one: each border a thin filled rectangle."""
    xs, ys = [40.0, 160.0, 280.0], [60.0, 90.0, 120.0]
    for y in ys:
        page.draw_rect(pymupdf.Rect(xs[0], y, xs[-1], y + 0.5), color=None, fill=(0, 0, 0))
    for x in xs:
        page.draw_rect(pymupdf.Rect(x, ys[0], x + 0.5, ys[-1]), color=None, fill=(0, 0, 0))
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            page.insert_text((xs[c] + 6, ys[r] + 20), text, fontsize=11)
    page.insert_text((40, 200), "The grid above holds the counts of the two seasons.", fontsize=11)


def test_borders_drawn_as_thin_filled_rectangles() -> None:
    cells = [["Season", "Rain"], ["Spring", "wet"]]
    data = _page(lambda page: _word_grid(page, cells))
    article = parse_bytes(data, "grid.pdf")
    assert [b.rows for b in article.blocks if b.type == "table"] == [cells]
    assert "The grid above holds" in article.blocks[-1].text


def test_a_frame_or_rules_alone_are_no_table() -> None:
    def frame(page: Any) -> None:
        page.draw_rect(pymupdf.Rect(30, 30, 390, 270), color=(0, 0, 0), width=0.5)
        page.draw_line((30, 150), (390, 150), color=(0, 0, 0), width=0.5)
        for y in range(50, 250, 20):
            page.draw_line((30, y), (390, y), color=(0.95, 0.95, 0.95), width=0.5)  # ruled paper
        page.insert_text((50, 100), "A boxed notice, split by one rule.", fontsize=11)
        page.insert_text((50, 200), "Its second half.", fontsize=11)

    article = parse_bytes(_page(frame), "frame.pdf")
    assert not [b for b in article.blocks if b.type == "table"]
    assert "A boxed notice, split by one rule." in article.body_text()
    doc = pymupdf.open(stream=_page(frame), filetype="pdf")
    assert find_grids(doc[0]) == []


def _rules(
    across: list[tuple[float, float, float]], down: list[tuple[float, float, float]]
) -> list[_Rule]:
    return [_Rule(True, *r) for r in across] + [_Rule(False, *r) for r in down]


def test_a_merged_cell_that_is_no_rectangle_is_no_grid() -> None:
    # a 2 × 2 grid whose inner rules leave an L-shaped region: the lower rule of the top
    # left cell and the right rule of the lower left cell missing
    across = [(0, 0, 100), (50, 50, 100), (100, 0, 100)]
    down = [(0, 0, 100), (50, 0, 50), (100, 0, 100)]
    assert _grid(_rules(across, down)) is None
    # the same grid with every rule is four cells
    full = _grid(
        _rules(
            [(0, 0, 100), (50, 0, 100), (100, 0, 100)], [(0, 0, 100), (50, 0, 100), (100, 0, 100)]
        )
    )
    assert full is not None and len(full.cells) == 4


def test_a_double_border_is_one_rule() -> None:
    across = [(0, 0, 100), (2.5, 0, 100), (50, 0, 100), (100, 0, 100)]
    down = [(0, 0, 100), (50, 0, 100), (100, 0, 100)]
    grid = _grid(_rules(across, down))
    assert grid is not None and len(grid.ys) == 3 and len(grid.cells) == 4


def _two_columns_ruled_under_the_header(page: Any, left: list[str], right: list[str]) -> None:
    """A table ruled as LaTeX often rules one: a frame, the rule between the columns and
    one under the header; the entries below stand one under another without rules."""
    x0, mid, x1, top, under, bottom = 40.0, 150.0, 380.0, 40.0, 64.0, 64.0 + 22 * len(left)
    for y in (top, under, bottom):
        page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=0.5)
    for x in (x0, mid, x1):
        page.draw_line((x, top), (x, bottom), color=(0, 0, 0), width=0.5)
    page.insert_text((x0 + 6, top + 16), "Key", fontsize=11)
    page.insert_text((mid + 6, top + 16), "Meaning", fontsize=11)
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        page.insert_text((x0 + 6, under + 16 + 22 * k), a, fontsize=11)
        page.insert_text((mid + 6, under + 16 + 22 * k), b, fontsize=11)
    page.insert_text((40, 260), "Below the table, a line of the text.", fontsize=11)


def test_entries_one_under_another_without_rules_are_rows() -> None:
    left, right = ["n", "T(n)"], ["input size", "running time"]
    data = _page(lambda page: _two_columns_ruled_under_the_header(page, left, right))
    tables = [b.rows for b in parse_bytes(data, "t.pdf").blocks if b.type == "table"]
    assert tables == [[["Key", "Meaning"], ["n", "input size"], ["T(n)", "running time"]]]


def test_a_wrapped_entry_stays_one_cell() -> None:
    # the right cell's text fills its first line and wraps: one entry, whatever its left
    # neighbour holds on two lines
    wide = "the time the whole of the algorithm takes"
    left, right = ["n", "T(n)"], [wide, "on inputs of that size"]
    data = _page(lambda page: _two_columns_ruled_under_the_header(page, left, right))
    tables = [b.rows for b in parse_bytes(data, "t.pdf").blocks if b.type == "table"]
    assert tables == [[["Key", "Meaning"], ["n T(n)", f"{wide} on inputs of that size"]]]


def test_the_markdown_conversion_of_the_pdf_reads_the_same_table(
    files: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    import pymupdf4llm

    markdown = pymupdf4llm.to_markdown(
        str(files["pdf"]["english"]), show_progress=False, use_ocr=False
    )
    converted = tmp_path / "english.md"
    converted.write_text(markdown, "utf-8")
    # a converter writes a merged cell as empty cells beside it; the plain table is exact
    assert _tables(converted)[0] == WELLS


def test_a_page_framed_and_ruled_around_its_prose_is_no_table() -> None:
    prose = " ".join(["The council met again to share the water of the canal fairly."] * 8)

    def framed(page: Any) -> None:
        black = (0, 0, 0)
        for a, b in (((30, 30), (390, 30)), ((390, 30), (390, 270)), ((390, 270), (30, 270))):
            page.draw_line(a, b, color=black, width=0.5)  # the frame, side by side
        page.draw_line((30, 270), (30, 30), color=black, width=0.5)
        page.draw_line((30, 60), (390, 60), color=black, width=0.5)  # under the header
        page.draw_line((30, 240), (390, 240), color=black, width=0.5)  # above the footer
        page.draw_line((300, 60), (300, 270), color=black, width=0.5)  # a margin column
        page.insert_text((40, 50), "The Canal Gazette", fontsize=11)
        page.insert_textbox(pymupdf.Rect(36, 66, 294, 236), prose, fontsize=10)
        page.insert_text((306, 80), "Notes", fontsize=9)
        page.insert_text((40, 258), "Page 1", fontsize=9)

    article = parse_bytes(_page(framed), "framed.pdf")
    assert not [b for b in article.blocks if b.type == "table"]
    assert "share the water of the canal fairly" in article.body_text()


def test_a_header_row_repeated_on_the_next_page_is_the_header(
    files: dict[str, dict[str, Path]],
) -> None:
    # Word's "repeat as header row" prints the first row again at the next page's top:
    # the PDF shows it twice, the record has it once and marks it, as the DOCX does
    pdf = [b for b in parse_file(files["pdf"]["headed"]).blocks if b.type == "table"]
    docx = [b for b in parse_file(files["docx"]["headed"]).blocks if b.type == "table"]
    assert [b.rows for b in pdf] == [b.rows for b in docx] == [LONG]
    assert [b.header for b in pdf] == [b.header for b in docx] == [True]
    plain = [b for b in parse_file(files["pdf"]["long"]).blocks if b.type == "table"]
    assert [b.header for b in plain] == [False]
