"""The text of a Word paragraph as Word prints it, and the body's paragraphs in print order.

python-docx's ``Paragraph.text`` reads the runs and hyperlinks that are a paragraph's direct
children, and ``iter_inner_content`` the body's direct paragraphs and tables. Word puts
printed text in more places than those: a tracked insertion (``w:ins``) that was never
accepted, a content control (``w:sdt``, which templates use for titles and bylines), a
smart tag, a simple field's result (``w:fldSimple``), custom XML. Read only the direct
children and such text vanishes from the record, so both are read here by walking the
XML. What Word does not print is left out: deleted text (``w:del``, ``w:moveFrom``) and
field instructions. A footnote or endnote reference becomes its number in brackets
(``[1]``), where the note's own text is read by ``docx_notes``. An equation is written out
as linear text (``docx_math``), an inserted symbol (``w:sym``) as its character
(``docx_symbols``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from docx.oxml.ns import qn

from ganjina.read.docx_math import MATH, equation_text
from ganjina.read.docx_symbols import symbol_text

_R, _T, _TAB, _BR, _CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NOBREAK_HYPHEN, _PTAB, _SYM = qn("w:noBreakHyphen"), qn("w:ptab"), qn("w:sym")
_FOOTNOTE_REF, _ENDNOTE_REF = qn("w:footnoteReference"), qn("w:endnoteReference")
#: containers whose runs Word prints as part of the paragraph
_INLINE_CONTAINERS = {
    qn(t) for t in ("w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:fldSimple", "w:customXml")
}
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
_P, _TBL = qn("w:p"), qn("w:tbl")
_BLOCK_CONTAINERS = {qn("w:customXml"), qn("w:ins"), qn("w:moveTo")}
_MAX_DEPTH = 32  # nesting of containers read; deeper ones are hostile, not Word's
#: an equation in the paragraph, or a paragraph of equations (their text is not in w:t)
_EQUATIONS = {f"{{{MATH}}}oMath", f"{{{MATH}}}oMathPara"}

#: ``(kind, id) -> the printed mark`` for a note reference ("footnote"/"endnote")
NoteMark = Callable[[str, str], str | None]


def _run_text(r: Any, mark: NoteMark | None) -> str:
    out: list[str] = []
    for el in r.iterchildren():
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag in (_TAB, _PTAB):
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NOBREAK_HYPHEN:
            out.append("-")
        elif tag == _SYM:
            out.append(symbol_text(el))
        elif tag in (_FOOTNOTE_REF, _ENDNOTE_REF) and mark is not None:
            kind = "footnote" if tag == _FOOTNOTE_REF else "endnote"
            printed = mark(kind, el.get(qn("w:id")) or "")
            if printed:
                out.append(f"[{printed}]")
    return "".join(out)


def inline_text(p: Any, mark: NoteMark | None = None) -> str:
    """The printed text of ``w:p`` (tabs ``\\t``, line breaks ``\\n``), with the runs of
    insertions, content controls, smart tags and fields in it; note references as
    ``[n]`` when ``mark`` numbers them."""
    out: list[str] = []

    def walk(el: Any, depth: int) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == _R:
                out.append(_run_text(child, mark))
            elif tag in _EQUATIONS:
                out.append(equation_text(child))
            elif depth < _MAX_DEPTH and tag in _INLINE_CONTAINERS:
                walk(child, depth + 1)
            elif depth < _MAX_DEPTH and tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    walk(content, depth + 1)

    walk(p, 0)
    return "".join(out)


def body_blocks(body: Any) -> Iterator[Any]:
    """The body's ``w:p`` and ``w:tbl`` elements in print order, also those inside
    content controls and custom XML blocks."""

    def walk(el: Any, depth: int) -> Iterator[Any]:
        for child in el.iterchildren():
            tag = child.tag
            if tag in (_P, _TBL):
                yield child
            elif depth < _MAX_DEPTH and tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from walk(content, depth + 1)
            elif depth < _MAX_DEPTH and tag in _BLOCK_CONTAINERS:
                yield from walk(child, depth + 1)

    yield from walk(body, 0)
