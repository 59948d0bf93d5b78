"""Front matter laid out in ways an editor may choose: byline and date in a table row, the
site's name as a logo, the section and the date on one line, a title broken by hand."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from ganjina.read.pdf_glyphs import Glyph, GlyphLine, split_at_gaps
from ganjina.reader import parse_bytes, parse_file
from tests.read import office

BODY_FA = [
    "دهقانان درهٔ پایین از بهار به این سو چشم به راه باران‌اند و چاه‌های قریه تنها هنگام "
    "سپیده‌دم آب می‌دهند؛ بزرگان قریه روز جمعه این را گفتند.",
    "شورای قریه در مسجد گرد آمد و پذیرفت که آب دریا را ساعت به ساعت تقسیم کند، چنان که "
    "میرابان روزگار پدرانشان در سال‌های خشک می‌کردند.",
]
BODY_EN = [
    "The farmers of the lower valley have waited for rain since the spring, and the wells of "
    "the village give water only at dawn, the elders said on Friday.",
    "The council met in the mosque and agreed to share the river by the hour, as the water "
    "masters of their grandfathers had done in the dry years.",
]
TITLE_FA, TITLE_EN = "باران دیر به دره برگشت", "Rain returns late to the valley"


def _fa(front: list[str]) -> str:
    parts = [office.p("C", line) for line in office.MASTHEAD]
    parts += front
    parts.append(office.p("T", TITLE_FA))
    parts += [office.p("B", text) for text in BODY_FA * 2]
    parts.append(office.p("R", "منبع: صدای دره، ۰۵.۰۶.۲۰۲۳"))
    return office.fodt(parts, rtl=True, font="Noto Naskh Arabic")


def _en_logo() -> str:
    # the site's name and tag printed as a picture: only URL, e-mail and section as text
    parts = [
        office.p("C", "www.afgazad.com afgazad@gmail.com"),
        office.p("C", "European Languages"),
    ]
    parts += [office.p("L", "Laura Penn and Jawed Sultani"), office.p("L", "08.06.2023")]
    parts.append(office.p("T", TITLE_EN))
    parts += [office.p("B", text) for text in BODY_EN * 2]
    parts.append(office.p("R", "Valley Post, 05.06.2023"))
    return office.fodt(parts)


def _en_drop_cap() -> str:
    parts = [office.p("C", line) for line in office.MASTHEAD]
    parts += [office.p("C", "European Languages"), office.p("L", "By Laura Penn")]
    parts += [office.p("L", "08.06.2023"), office.p("T", TITLE_EN)]
    parts.append(office.p("D", " ".join(BODY_EN * 2)))  # long enough to wrap past the cap
    parts += [office.p("B", text) for text in BODY_EN]
    parts.append(office.p("R", "Valley Post, 05.06.2023"))
    return office.fodt(parts)


COLUMN_TEXT = [
    "The water committee of the upper valley met on Saturday in the school, where the "
    "teachers had moved the benches aside to make room for the farmers of six villages.",
    "They agreed that every family would send one worker to clear the channel before the "
    "snow melts, and that the oldest water master would keep the ledger of their hours.",
    "Some of the younger farmers asked for a pump instead, but the elders said that a pump "
    "takes in ten minutes what the mountain gives in a day, and the meeting moved on.",
    "By the evening the list of workers was complete, and the teachers put the benches "
    "back in their rows for the children who would come to the school the next morning.",
]


def _en_two_columns() -> str:
    # the front matter across the page, the body in two columns under it
    parts = [office.p("C", line) for line in office.MASTHEAD]
    parts += [office.p("C", "European Languages"), office.p("L", "By Laura Penn")]
    parts += [office.p("L", "08.06.2023"), office.p("T", TITLE_EN)]
    body = [office.p("B", text) for text in COLUMN_TEXT * 3]
    parts.append(office.two_columns([*body, office.p("R", "Valley Post, 05.06.2023")]))
    return office.fodt(parts)


def _fa_two_columns(rtl_section: bool) -> str:
    # the whole article in two columns, masthead and all, as an editor who sets the page
    # in columns before writing gets it
    parts = [office.p("C", line) for line in office.MASTHEAD]
    parts += [office.p("C", "دری"), office.p("L", "نویسنده: سیما باختری")]
    parts += [office.p("L", "۱۸ جوزا ۱۴۰۲"), office.p("T", TITLE_FA)]
    parts += [office.p("B", text) for text in BODY_FA * 3]
    parts.append(office.p("R", "منبع: صدای دره، ۰۵.۰۶.۲۰۲۳"))
    return office.fodt(
        [office.two_columns(parts, rtl=rtl_section)], rtl=True, font="Noto Naskh Arabic"
    )


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    documents = {
        "columns": _en_two_columns(),
        "columns-fa-left-first": _fa_two_columns(rtl_section=False),
        "columns-fa-right-first": _fa_two_columns(rtl_section=True),
        "drop-cap": _en_drop_cap(),
        "table": _fa(
            [office.p("C", "دری"), office.table_row("نویسنده: سیما باختری", "۱۸ جوزا ۱۴۰۲")]
        ),
        "section-date": _fa(
            [office.p("C", "دری – ۱۸ جوزا ۱۴۰۲"), office.p("L", "نویسنده: سیما باختری")]
        ),
        "logo": _en_logo(),
    }
    return office.convert(tmp_path_factory.mktemp("front"), documents, "pdf")


def test_byline_and_date_in_one_table_row(pdfs: dict[str, Path]) -> None:
    article = parse_file(pdfs["table"])
    assert article.authors == ["سیما باختری"]
    # read as one line, the bidi algorithm carried the date's digits across the cells
    assert (article.date, article.date_text) == ("2023-06-08", "۱۸ جوزا ۱۴۰۲")
    assert article.title == TITLE_FA


def test_section_and_date_on_one_line(pdfs: dict[str, Path]) -> None:
    article = parse_file(pdfs["section-date"])
    assert article.section is not None and article.section.id == "dari"
    assert article.date == "2023-06-08"
    assert article.authors == ["سیما باختری"]  # the section's label is nobody's name


def test_site_name_as_a_logo_known_by_url_and_section(pdfs: dict[str, Path]) -> None:
    article = parse_file(pdfs["logo"])
    # the house style: an unlabelled byline is read as in a page with the name printed
    assert article.authors == ["Laura Penn", "Jawed Sultani"]
    assert article.title == TITLE_EN
    assert article.site is not None and article.site.name is None
    assert any("no site name printed as text" in w for w in article.warnings)
    assert not any("no known masthead" in w for w in article.warnings)


def test_a_title_broken_by_hand_in_word_is_one_title() -> None:
    d = docx.Document()
    for line in [*office.MASTHEAD, "European Languages", "By Laura Penn", "08.06.2023"]:
        d.add_paragraph(line)
    title = d.add_paragraph()
    run = title.add_run("Rain returns late")
    run.bold = True
    run.add_break()  # Shift+Enter
    run.add_text("to the valley")
    for text in BODY_EN:
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    article = parse_bytes(out.getvalue(), "title.docx")
    assert article.title == "Rain returns late to the valley"
    assert not any(b.text == "to the valley" for b in article.blocks)


def _glyphs(spec: list[tuple[str, float]]) -> GlyphLine:
    line = GlyphLine()
    for text, x in spec:
        line.take(Glyph(text, x, x + 6, 100, 112, 12, 0, 1, False, False, baseline=110))
    return line


def test_a_line_is_cut_at_a_wide_gap_only_between_parts_of_one_direction() -> None:
    # two cells of Arabic letters, 200 pt apart: two lines, the right one first
    cells = _glyphs([("ب", 300), ("ا", 306), ("د", 60), ("ر", 66)])
    parts = split_at_gaps(cells)
    assert [[g.text for g in part.glyphs] for part in parts] == [["ب", "ا"], ["د", "ر"]]
    # a year beside an Arabic heading: no letters to give it a direction of its own
    year = _glyphs([("ب", 300), ("ا", 306), ("۱", 60), ("۴", 66)])
    assert split_at_gaps(year) == [year]
    # a justified line's word spaces are far below three ems
    words = _glyphs([("a", 60), ("b", 66), ("c", 90), ("d", 96)])
    assert split_at_gaps(words) == [words]


def test_a_drop_cap_opens_its_paragraph(pdfs: dict[str, Path]) -> None:
    # the letter stands on the baseline of the third line: grouped with it, it read
    # "Tvillage …" there and "he farmers …" above
    article = parse_file(pdfs["drop-cap"])
    paragraphs = [b.text for b in article.blocks if b.type == "paragraph"]
    assert paragraphs[0] == " ".join(BODY_EN * 2)
    assert article.title == TITLE_EN and len(paragraphs) == 3


def test_a_word_drop_cap_opens_its_paragraph() -> None:
    d = docx.Document()
    for line in [*office.MASTHEAD, "European Languages", "By Laura Penn", "08.06.2023"]:
        d.add_paragraph(line)
    d.add_heading(TITLE_EN, level=1)
    first = d.add_paragraph(BODY_EN[0][1:])
    cap = d.add_paragraph(BODY_EN[0][0])
    frame = parse_xml(
        '<w:framePr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>'
    )
    cap._p.get_or_add_pPr().append(frame)
    first._p.addprevious(cap._p)  # Word writes the cap's paragraph first
    d.add_paragraph(BODY_EN[1])
    out = io.BytesIO()
    d.save(out)
    article = parse_bytes(out.getvalue(), "cap.docx")
    assert [b.text for b in article.blocks] == BODY_EN
    assert article.title == TITLE_EN


def test_two_columns_are_read_one_after_the_other(pdfs: dict[str, Path]) -> None:
    article = parse_file(pdfs["columns"])
    paragraphs = [b.text for b in article.blocks if b.type == "paragraph"]
    # read line by line across the gutter, every paragraph had been a mix of both columns
    assert paragraphs == COLUMN_TEXT * 3
    assert article.source is not None and article.source.name == "Valley Post"


@pytest.mark.parametrize("name", ["columns-fa-left-first", "columns-fa-right-first"])
def test_dari_columns_in_the_order_the_producer_set_them(pdfs: dict[str, Path], name: str) -> None:
    # A section not marked right-to-left puts a Dari page's first column on the left; the
    # content stream, drawn column by column, says which one that is
    article = parse_file(pdfs[name])
    assert article.title == TITLE_FA
    assert article.authors == ["سیما باختری"]
    assert article.date == "2023-06-08"
    assert [b.text for b in article.blocks if b.type == "paragraph"] == BODY_FA * 3
    assert article.source is not None and article.source.name == "صدای دره"


def test_a_title_whose_spaces_a_conversion_made_zwnj() -> None:
    # pymupdf4llm set the title as "picture text" and joined its words with ZWNJ; with no
    # type on it, it is the short plain line under the date, and no line of names
    joined = TITLE_FA.replace(" ", "\u200c")
    md = "\n\n".join(
        [
            "<u>www.afgazad.com</u>",
            "<u>afgazad@gmail.com</u>",
            "**دری**",
            "**نویسنده: سیما باختری**",
            "۱۸ جوزا ۱۴۰۲",
            f"<!-- Start of picture text -->\n{joined}<br><!-- End of picture text -->",
            *BODY_FA,
        ]
    )
    article = parse_bytes(md.encode(), "joined.md")
    assert article.title == joined  # as the file has it: the search key folds ZWNJ
    assert article.authors == ["سیما باختری"]
    assert [b.text for b in article.blocks] == BODY_FA
