"""Word tables (``w:tbl``) → one Layout line hinted ``table`` that carries its cells.

Cells are read from the XML rows, not from python-docx's grid view: the grid repeats a
merged cell at every position it spans, which would print its text two or more times.
Here a horizontally merged cell (``w:gridSpan``) is one cell; a vertically merged one
(``w:vMerge`` continuing) keeps its text in the first row and is empty below, so no
word is stored twice and none is dropped. A table nested in a cell is read into that
cell's text (its rows one after another), so its words stay where the author put them.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from ganjina.read.bidi import is_rtl_text
from ganjina.read.docx_math import MATH, equation_text
from ganjina.read.docx_symbols import symbol_text
from ganjina.read.layout import Line
from ganjina.record import table_text

_MAX_DEPTH = 8  # nested tables deeper than this are read as text of the innermost cell
# Word writes a text box twice: as DrawingML (mc:Choice) and as VML for old readers
# (mc:Fallback). The fallback copy is skipped so the text is read once.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXTBOX = qn("w:txbxContent")
_WT, _SYM = qn("w:t"), qn("w:sym")
_EQUATION = f"{{{MATH}}}oMath"


def paragraph_text(p: Any) -> str:
    """All the text of one ``w:p``, text boxes, equations and inserted symbols in it
    included, fallback copies left out."""
    return "".join(
        _piece_text(t)
        for t in p.iter(_WT, _EQUATION, _SYM)
        if next(t.iterancestors(_FALLBACK), None) is None
    )


def _piece_text(el: Any) -> str:
    if el.tag == _WT:
        return str(el.text or "")
    if el.tag == _SYM:
        return symbol_text(el)
    return equation_text(el)


def text_boxes(p: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in body paragraph ``p``, in order, once.
    A box inside a box is read with the outer one's paragraphs."""
    out: list[str] = []
    for box in p.iter(_TEXTBOX):
        if next(box.iterancestors(_FALLBACK), None) is not None:
            continue
        if next(box.iterancestors(_TEXTBOX), None) is not None:
            continue
        for child in box.iterchildren():
            text = paragraph_text(child).strip() if child.tag == qn("w:p") else ""
            if child.tag == qn("w:tbl"):
                text = " ".join(" ".join(c for c in r if c) for r in table_rows(child))
            if text:
                out.append(text)
    return out


def _cell_text(tc: Any, depth: int) -> str:
    """A cell's paragraphs (and nested tables) as one text, in document order."""
    parts: list[str] = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            text = paragraph_text(child).strip()
            if text:
                parts.append(text)
        elif child.tag == qn("w:tbl"):
            rows = table_rows(child, depth + 1)
            parts.extend(" ".join(c for c in row if c) for row in rows if any(row))
    return " ".join(parts)


def _continues_merge(tc: Any) -> bool:
    tcpr = tc.find(qn("w:tcPr"))
    vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
    return vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue")


def table_rows(tbl: Any, depth: int = 0) -> list[list[str]]:
    """The table's rows of cell texts; a cell merged down is empty below its first row."""
    rows: list[list[str]] = []
    for tr in tbl.findall(qn("w:tr")):
        row = []
        for tc in tr.findall(qn("w:tc")):
            if _continues_merge(tc) or depth > _MAX_DEPTH:
                row.append("" if depth <= _MAX_DEPTH else "".join(tc.itertext()).strip())
            else:
                row.append(_cell_text(tc, depth))
        if row:
            rows.append(row)
    return rows


_DRAWING = (qn("w:drawing"), qn("w:pict"))
_PROSE_WORDS = 12  # a cell paragraph this long is a paragraph of the article, not an entry


def layout_table(tbl: Any) -> bool:
    """A table that lays things out rather than tabulates: one column (a photo over its
    caption, a boxed paragraph), no cell merged or nested table in it. A table of one
    column has no second dimension to read across; its paragraphs are the article's own."""
    rows = tbl.findall(qn("w:tr"))
    if not rows or any(len(tr.findall(qn("w:tc"))) != 1 for tr in rows):
        return False
    if tbl.find(".//" + qn("w:tbl")) is not None:
        return False
    # a one-column list of short entries with no picture is still a table (a list of
    # names, a timetable's one column): only a picture or a paragraph of prose is layout
    has_picture = any(tbl.find(".//" + tag) is not None for tag in _DRAWING)
    texts = [paragraph_text(p).strip() for p in cell_paragraphs(tbl)]
    prose = any(len(t.split()) >= _PROSE_WORDS for t in texts)
    return has_picture or prose


def cell_paragraphs(tbl: Any) -> list[Any]:
    """The ``w:p`` of a table's cells, row by row, in order."""
    return [p for tr in tbl.findall(qn("w:tr")) for tc in tr.findall(qn("w:tc"))
            for p in tc.findall(qn("w:p"))]  # fmt: skip


def _is_header(tbl: Any) -> bool:
    tr = tbl.find(qn("w:tr"))
    trpr = tr.find(qn("w:trPr")) if tr is not None else None
    mark = trpr.find(qn("w:tblHeader")) if trpr is not None else None
    return mark is not None and mark.get(qn("w:val")) not in ("0", "false", "off")


def table_line(tbl: Any) -> Line | None:
    """One line for the whole table, or ``None`` when every cell is empty."""
    rows = [row for row in table_rows(tbl) if any(cell for cell in row)]
    if not rows:
        return None
    text = table_text(rows)
    pr = tbl.find(qn("w:tblPr"))
    bidi = pr.find(qn("w:bidiVisual")) if pr is not None else None
    return Line(
        text=text,
        rtl=bidi is not None or is_rtl_text(text),
        hint="table",
        para_start=True,
        table=rows,
        table_header=_is_header(tbl),
    )
