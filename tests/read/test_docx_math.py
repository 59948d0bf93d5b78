"""Word equations (Office Math) are read as linear text: their characters had vanished
from the record (they live in ``m:t``, not in a run's ``w:t``)."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from ganjina.read.docx_math import equation_text
from ganjina.reader import parse_bytes

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _r(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def _math(inner: str) -> str:
    return f'<m:oMath xmlns:m="{M}" xmlns:w="{W}">{inner}</m:oMath>'


SQUARE = f"<m:sSup><m:e>{_r('x')}</m:e><m:sup>{_r('2')}</m:sup></m:sSup>"
HALF = f"<m:f><m:num>{_r('a+b')}</m:num><m:den>{_r('2')}</m:den></m:f>"
SUM = (
    '<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr>'
    f"<m:sub>{_r('i=0')}</m:sub><m:sup>{_r('7')}</m:sup>"
    f"<m:e><m:sSub><m:e>{_r('m')}</m:e><m:sub>{_r('i')}</m:sub></m:sSub></m:e></m:nary>"
)


def _document(*paragraphs: tuple[str, str]) -> bytes:
    """A Word file of (text before, equation XML) paragraphs, after a heading."""
    document = docx.Document()
    document.add_heading("Counting the minterms of a function", level=1)
    document.add_paragraph("The function is one for the minterms below and zero elsewhere.")
    for before, equation in paragraphs:
        p = document.add_paragraph(before)
        p._p.append(parse_xml(equation))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_equation_is_read_as_linear_text() -> None:
    data = _document(
        ("Its sum: ", _math(f"{_r('F=')}{SUM}{_r('.')}")),
        ("", _math(f"{SQUARE}{_r('=')}{HALF}")),
    )
    texts = [b.text for b in parse_bytes(data, "math.docx").blocks]
    assert "Its sum: F=∑_(i=0)^7 m_i." in texts
    assert "x^2=(a+b)/2" in texts


def test_the_other_forms_keep_every_character() -> None:
    root = f"<m:rad><m:deg>{_r('3')}</m:deg><m:e>{_r('y')}</m:e></m:rad>"
    pair = (
        '<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/><m:sepChr m:val=","/></m:dPr>'
        f"<m:e>{_r('a')}</m:e><m:e>{_r('b')}</m:e></m:d>"
    )
    sine = f"<m:func><m:fName>{_r('sin')}</m:fName><m:e>{_r('θ')}</m:e></m:func>"
    matrix = (
        f"<m:m><m:mr><m:e>{_r('1')}</m:e><m:e>{_r('0')}</m:e></m:mr>"
        f"<m:mr><m:e>{_r('0')}</m:e><m:e>{_r('1')}</m:e></m:mr></m:m>"
    )
    element = parse_xml(_math(f"{root}{_r('+')}{pair}{_r('+')}{sine}{_r('=')}{matrix}"))
    assert equation_text(element) == "√(3&y)+[a,b]+sin θ=[1, 0; 0, 1]"


def test_an_equation_in_a_table_cell_is_in_the_cell() -> None:
    document = docx.Document()
    document.add_heading("A table of the minterms", level=1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Function", "Sum"
    table.cell(1, 0).text = "F"
    table.cell(1, 1).paragraphs[0]._p.append(parse_xml(_math(SUM)))
    out = io.BytesIO()
    document.save(out)
    rows = [b.rows for b in parse_bytes(out.getvalue(), "t.docx").blocks if b.type == "table"]
    assert rows == [[["Function", "Sum"], ["F", "∑_(i=0)^7 m_i"]]]


def test_deeply_nested_equations_are_read_in_bounded_work() -> None:
    depth = 100  # past what is written out in full (lxml parses at most 256 elements deep)
    level_end = "</m:e><m:sup>" + _r("2") + "</m:sup></m:sSup>"
    nested = "<m:sSup><m:e>" * depth + _r("x") + level_end * depth
    text = equation_text(parse_xml(_math(nested)))
    assert text.count("x") == 1 and text.count("2") == depth  # every character kept


def _with_symbols(*parts: str) -> bytes:
    """A paragraph of runs: plain text, or ``font:code`` for an inserted symbol."""
    document = docx.Document()
    document.add_heading("Signs inserted as symbols", level=1)
    p = document.add_paragraph()
    for part in parts:
        if ":" in part and part.split(":")[1].startswith("F0"):
            font, code = part.split(":")
            sym = f'<w:sym xmlns:w="{W}" w:font="{font}" w:char="{code}"/>'
            p.add_run()._r.append(parse_xml(sym))
        else:
            p.add_run(part)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run()._r.append(
        parse_xml(f'<w:sym xmlns:w="{W}" w:font="Symbol" w:char="F0B3"/>')
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_inserted_symbols_are_their_characters() -> None:
    # Insert ▸ Symbol writes the font and the code, not the character: it had vanished
    data = _with_symbols("The angle ", "Symbol:F061", " grows ", "Symbol:F0AE", " and the mark ",
                         "Wingdings:F0FC", " stays.")  # fmt: skip
    article = parse_bytes(data, "symbols.docx")
    assert "The angle α grows → and the mark \uf0fc stays." in [b.text for b in article.blocks]
    assert [b.rows for b in article.blocks if b.type == "table"] == [[["≥"]]]
