"""Word-processing primitives over python-docx: what a Word user's clicks put in the file.

python-docx has no API for right-to-left paragraphs, complex-script fonts, fields (page
numbers), hyperlinks or numbering restarts, so those are written as the OOXML elements Word
itself writes (ECMA-376 part 1: w:bidi, w:rtl, w:rFonts/@w:cs, w:fldChar, w:hyperlink).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# In a bidi paragraph LibreOffice and Word read jc "left" as the paragraph's start side
# (checked: a bidi paragraph with jc=left is drawn flush right), so start/end map the same
# way for both directions; the w:bidi flag does the mirroring.
JC = {"start": "left", "end": "right", "center": "center", "justify": "both"}


@dataclass(frozen=True)
class Look:
    """How a run looks: fonts for Latin and Arabic script, size, weight, slant."""

    latin: str
    arabic: str
    size: float
    bold: bool = False
    italic: bool = False
    lang: str = "en"

    def but(self, **changes: Any) -> Look:
        return Look(**{**self.__dict__, **changes})


def _el(tag: str, **attrs: str) -> Any:
    e = OxmlElement(tag)
    for k, val in attrs.items():
        e.set(qn(k), val)
    return e


def style_run(run: Run, look: Look, rtl: bool) -> Run:
    rpr = run._r.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    # schema order: rFonts, b, bCs, i, iCs, ..., sz, szCs, ..., rtl, ..., lang
    rpr.append(
        _el(
            "w:rFonts",
            **{
                "w:ascii": look.latin,
                "w:hAnsi": look.latin,
                "w:cs": look.arabic,
                "w:eastAsia": look.latin,
            },
        )
    )
    if look.bold:
        rpr.append(_el("w:b"))
        rpr.append(_el("w:bCs"))
    if look.italic:
        rpr.append(_el("w:i"))
        rpr.append(_el("w:iCs"))
    half_points = str(round(look.size * 2))
    rpr.append(_el("w:sz", **{"w:val": half_points}))
    rpr.append(_el("w:szCs", **{"w:val": half_points}))
    if rtl:
        rpr.append(_el("w:rtl"))
    bidi_lang = look.lang if look.lang in ("fa-AF", "ps") else "fa-AF"
    latin_lang = {"de": "de-DE"}.get(look.lang, "en-US")
    rpr.append(_el("w:lang", **{"w:val": latin_lang, "w:bidi": bidi_lang}))
    return run


def set_paragraph(
    p: Paragraph,
    *,
    rtl: bool,
    align: str | None = None,
    space_after: float | None = None,
    first_indent: float | None = None,
    indent: float | None = None,
    page_break_before: bool = False,
) -> Paragraph:
    ppr = p._p.get_or_add_pPr()
    if rtl:
        ppr.append(_el("w:bidi"))
    if align:
        # w:jc comes late in pPr's sequence; python-docx's setter puts it in place
        ppr.append(_el("w:jc", **{"w:val": JC[align]}))
    fmt = p.paragraph_format
    if space_after is not None:
        fmt.space_after = Pt(space_after)
    if first_indent is not None:
        fmt.first_line_indent = Pt(first_indent)
    if indent is not None:
        fmt.left_indent = fmt.right_indent = Pt(indent)
    if page_break_before:
        fmt.page_break_before = True
    _order_ppr(ppr)
    return p


# pPr children must follow the schema's sequence or Word refuses the file.
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def _order_ppr(ppr: Any) -> None:
    rank = {qn("w:" + n): i for i, n in enumerate(_PPR_ORDER)}
    children = sorted(ppr, key=lambda c: rank.get(c.tag, len(rank)))
    for c in children:
        ppr.remove(c)
        ppr.append(c)


def add_text(p: Paragraph, text: str, look: Look, rtl: bool) -> Run:
    """A run of text; ``\\n`` becomes a line break (Shift+Enter), ``\\t`` a tab."""
    parts = text.split("\n")
    run = p.add_run()
    for i, part in enumerate(parts):
        if i:
            run.add_break()
        run.add_text(part)
    return style_run(run, look, rtl)


def add_page_break(p: Paragraph, look: Look, rtl: bool) -> None:
    """Ctrl+Enter in the middle of a paragraph: the text goes on on the next page."""
    run = style_run(p.add_run(), look, rtl)
    run.add_break(WD_BREAK.PAGE)


def add_field(p: Paragraph, instruction: str, shown: str, look: Look, rtl: bool) -> None:
    """A field such as PAGE or NUMPAGES, as Word writes it (begin, code, separate, end)."""
    for kind in ("begin", "instr", "separate", "shown", "end"):
        run = style_run(p.add_run(), look, rtl)
        if kind == "instr":
            t = _el("w:instrText")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = f" {instruction} "
            run._r.append(t)
        elif kind == "shown":
            run.add_text(shown)
        else:
            run._r.append(_el("w:fldChar", **{"w:fldCharType": kind}))


def add_hyperlink(p: Paragraph, url: str, text: str, look: Look) -> None:
    """A clickable link, as Insert > Link writes it (blue, underlined)."""
    r_id = p.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = _el("w:hyperlink", **{"r:id": r_id})
    run = style_run(Run(_el("w:r"), p), look, False)
    rpr = run._r.get_or_add_rPr()
    rpr.insert(1, _el("w:color", **{"w:val": "0563C1"}))
    rpr.insert(2, _el("w:u", **{"w:val": "single"}))
    _order_rpr(rpr)
    run.add_text(text)
    link.append(run._r)
    p._p.append(link)


_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]


def _order_rpr(rpr: Any) -> None:
    rank = {qn("w:" + n): i for i, n in enumerate(_RPR_ORDER)}
    for c in sorted(rpr, key=lambda c: rank.get(c.tag, len(rank))):
        rpr.remove(c)
        rpr.append(c)


def set_default_fonts(doc: Any, look: Look) -> None:
    """The Normal style's fonts and size, for both scripts (Format > Font on Normal)."""
    normal = doc.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(
        _el(
            "w:rFonts",
            **{
                "w:ascii": look.latin,
                "w:hAnsi": look.latin,
                "w:cs": look.arabic,
                "w:eastAsia": look.latin,
            },
        )
    )
    half_points = str(round(look.size * 2))
    rpr.append(_el("w:sz", **{"w:val": half_points}))
    rpr.append(_el("w:szCs", **{"w:val": half_points}))
