"""Word files (DOCX) → Layout, with python-docx.

The portal's editors lay articles out in Word. What the recognizer needs is in the
paragraph properties and runs: style names (Title, Heading n, Quote, List …), alignment,
right-to-left paragraphs (``w:bidi``), and the runs' weight, slant and size — for
right-to-left runs Word keeps those in the complex-script properties (``w:bCs``,
``w:iCs``, ``w:szCs``). List markers come from the numbering definitions, counted the way
Word counts them, so ``1)`` reads back as ``1)``. Header and footer parts become lines
hinted ``header``/``footer``; the recognizer drops them.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ganjina.errors import CorruptFile, UnsupportedFormat
from ganjina.read.bidi import is_rtl_text
from ganjina.read.docx_notes import Notes, read_notes
from ganjina.read.docx_package import checked_package
from ganjina.read.docx_table import cell_paragraphs, layout_table, table_line, text_boxes
from ganjina.read.docx_text import NoteMark, body_blocks, inline_text
from ganjina.read.layout import Layout, Line
from ganjina.read.word_measures import integer, points_from_half_points, twips

_ALIGN = {
    "center": "center",
    "both": "justify",
    "distribute": "justify",
    "right": "right",
    "end": "right",
    "left": "left",
    "start": "left",
}
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "o": "◦", "": "•"}


def _on(el: Any, tag: str) -> bool | None:
    """A run property toggle: True, False, or None when absent."""
    found = el.find(qn(tag)) if el is not None else None
    if found is None:
        return None
    return found.get(qn("w:val")) not in ("0", "false", "off")


class _Numbering:
    """Resolve a paragraph's numbering to the marker Word prints."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = defaultdict(dict)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in an.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                level = integer(lvl.get(qn("w:ilvl")))
                if level is None:
                    continue  # a level with no number cannot be referred to
                first = integer(start.get(qn("w:val"))) if start is not None else None
                levels[level] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                    1 if first is None else first,
                )
            abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(qn("w:val")), {}).items():
                self.levels[(num.get(qn("w:numId")), ilvl)] = spec

    def marker(self, num_id: str, ilvl: int) -> str | None:
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return None
        fmt, text, start = spec
        if fmt == "bullet":
            return _BULLETS.get(text, text)
        count = self.counters[num_id].get(ilvl, start - 1) + 1
        self.counters[num_id][ilvl] = count
        # a deeper level restarts when a shallower one counts on
        for deeper in [k for k in self.counters[num_id] if k > ilvl]:
            del self.counters[num_id][deeper]
        digits = str(count)
        if fmt in ("arabicAbjad", "arabicAlpha", "hindiNumbers", "persianNumbers"):
            digits = digits.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        return text.replace(f"%{ilvl + 1}", digits)


def _size(rpr: Any, tag: str) -> float | None:
    """A run's size in points from ``w:sz``/``w:szCs`` (half-points or a measure)."""
    found = rpr.find(qn(tag)) if rpr is not None else None
    return points_from_half_points(found.get(qn("w:val"))) if found is not None else None


def _paragraph_line(
    par: Any, numbering: _Numbering, para_no: int, mark: NoteMark | None = None
) -> Line | None:
    p = par._p
    ppr = p.pPr
    text = inline_text(p, mark)
    has_image = bool(p.findall(".//" + qn("w:drawing")) or p.findall(".//" + qn("w:pict")))
    if not text.strip():
        return Line("", hint="image", para_start=True) if has_image else None
    style = (par.style.name if par.style is not None else "") or ""
    rtl = _on(ppr, "w:bidi") or is_rtl_text(text)
    jc = ppr.find(qn("w:jc")) if ppr is not None else None
    align = _ALIGN.get(jc.get(qn("w:val"))) if jc is not None else None
    bold = italic = 0
    sizes: list[float] = []
    letters = 0
    for run in par.runs:
        n = len(run.text.strip())
        if not n:
            continue
        rpr = run._r.rPr
        cs = bool(_on(rpr, "w:rtl")) or bool(_on(rpr, "w:cs"))
        b = _on(rpr, "w:bCs" if cs else "w:b")
        i = _on(rpr, "w:iCs" if cs else "w:i")
        bold += n if (b if b is not None else bool(run.bold)) else 0
        italic += n if (i if i is not None else bool(run.italic)) else 0
        size = _size(rpr, "w:szCs") if cs else None
        size = size if size is not None else _size(rpr, "w:sz")  # Word's own fallback
        if size is not None:
            sizes.append(size)
        letters += n
    hint = None
    marker = None
    lower = style.lower()
    if lower.startswith("heading"):
        hint = "h" + (lower.split()[-1] if lower.split()[-1].isdigit() else "2")
    elif lower == "title":
        hint = "h1"
    elif "quote" in lower:
        hint = "quote"
    elif lower.startswith("caption"):
        hint = "caption"
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num_pr is not None:
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is not None and num_id.get(qn("w:val")) != "0":
            hint = "list"
            level = integer(ilvl.get(qn("w:val"))) if ilvl is not None else 0
            marker = numbering.marker(num_id.get(qn("w:val")), level or 0)
    elif "list" in lower:
        hint = "list"
    ind = ppr.find(qn("w:ind")) if ppr is not None else None
    if hint is None and ind is not None:
        start = twips(ind.get(qn("w:start")) or ind.get(qn("w:left"))) or 0
        end = twips(ind.get(qn("w:end")) or ind.get(qn("w:right"))) or 0
        if start >= 400 and end >= 400:
            hint = "quote"  # indented on both sides: a block quote
    lines = [seg for seg in text.replace("\t", " ").split("\n")]
    del para_no
    return Line(
        text=" \n".join(seg.strip() for seg in lines if seg.strip()),
        size=max(sizes) if sizes else None,
        bold=letters > 0 and bold * 2 > letters,
        italic=letters > 0 and italic * 2 > letters,
        align=align,
        rtl=bool(rtl),
        hint=hint,
        marker=marker,
        para_start=True,
    )


def _split_breaks(line: Line) -> list[Line]:
    """A paragraph with manual line breaks (Shift+Enter) is several printed lines."""
    parts = line.text.split(" \n")
    if len(parts) == 1:
        return [line]
    out = []
    for k, part in enumerate(parts):
        out.append(
            Line(
                **{
                    **line.__dict__,
                    "text": part,
                    "para_start": k == 0,
                    "soft_break_after": k < len(parts) - 1,
                }
            )
        )
    return out


def _part_lines(part: Any, hint: str | None, numbering: _Numbering) -> list[Line]:
    """A header or footer part's paragraphs (and its text boxes), each a line."""
    out: list[Line] = []
    for par in part.paragraphs:
        line = _paragraph_line(par, numbering, 0)
        if line is not None:
            for ln in _split_breaks(line):
                out.append(Line(**{**ln.__dict__, "hint": hint or ln.hint}))
        out.extend(Line(box, hint=hint, para_start=True) for box in text_boxes(par._p))
    return out


def _read_part(
    section: Any, name: str, hint: str | None, numbering: _Numbering, warnings: list[str]
) -> list[Line]:
    """One header or footer part's lines; none when it is linked to the previous
    section's, or when the file lacks its part (python-docx raises KeyError), with a
    warning."""
    try:
        part = getattr(section, name)
        if part is None or part.is_linked_to_previous:
            return []
        return _part_lines(part, hint, numbering)
    except KeyError:
        kind = hint or "header"
        warning = f"damaged Word file: a {kind}'s part is missing; read without it"
        if warning not in warnings:
            warnings.append(warning)
        return []


def _header_lines(document: Any, numbering: _Numbering, warnings: list[str]) -> list[Line]:
    """Headers and footers as Word prints them.

    The default and (with ``evenAndOddHeaders``) even-page parts recur on every page:
    they are furniture, hinted ``header``/``footer``. A first-page header (``titlePg``)
    prints once, at the top of page 1, where an editor often puts the masthead: its lines
    come unhinted, as the top of page 1, and the recognizer decides what they are. Parts
    linked to the previous section's are not read again.
    """
    even = bool(document.settings.odd_and_even_pages_header_footer)
    top: list[Line] = []
    furniture: list[Line] = []
    for k, section in enumerate(document.sections):
        parts = [("header", "header"), ("footer", "footer")]
        if even:
            parts += [("even_page_header", "header"), ("even_page_footer", "footer")]
        if section.different_first_page_header_footer:
            parts.append(("first_page_footer", "footer"))
            if k == 0:
                top = _read_part(section, "first_page_header", None, numbering, warnings)
            else:
                parts.append(("first_page_header", "header"))
        for name, hint in parts:
            furniture.extend(_read_part(section, name, hint, numbering, warnings))
    return top + furniture


def read_docx(data: bytes) -> Layout:
    """Read a DOCX file's body, headers and footers into a Layout."""
    if not data:
        raise UnsupportedFormat("empty file")
    data, mended = checked_package(data)  # size limits; missing parts mended, with warnings
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise CorruptFile("damaged Word file (not a valid ZIP)") from None
    except Exception as err:  # python-docx raises many kinds for broken XML
        detail = " ".join(str(err).split())[:120]
        raise CorruptFile(f"damaged Word file ({type(err).__name__}: {detail})") from None
    layout = Layout(format="docx", warnings=mended, page_numbers_in_flow=False)
    numbering = _Numbering(document)
    furniture = _header_lines(document, numbering, layout.warnings)
    notes = _notes(document, layout.warnings)
    body = document._body
    mark = notes.mark if notes else None
    drop_cap = ""  # a paragraph's first letter set apart as a drop cap, for the next
    for k, el in enumerate(body_blocks(document.element.body)):
        if el.tag == qn("w:tbl") and layout_table(el):
            # a table that only holds things together (a photo over its caption, a boxed
            # paragraph): its paragraphs are the article's, read as paragraphs
            for p in cell_paragraphs(el):
                layout.lines.extend(_body_lines(Paragraph(p, body), numbering, k, mark))
        elif el.tag == qn("w:tbl"):  # body order: a table stands between its paragraphs
            cells = table_line(el)
            if cells is not None:
                layout.lines.append(cells)
        elif _is_drop_cap(el):
            drop_cap += inline_text(el, mark).strip()
        else:
            lines = _body_lines(Paragraph(el, body), numbering, k, mark)
            if drop_cap and lines and lines[0].text:
                lines[0].text = drop_cap + lines[0].text
                drop_cap = ""
            layout.lines.extend(lines)
    if drop_cap:  # a drop cap with no paragraph after it: its letter is kept all the same
        layout.lines.append(Line(drop_cap, rtl=is_rtl_text(drop_cap), para_start=True))
    if notes:
        notes.number_the_rest()  # a note referred to from a table cell or a text box only
    layout.lines = furniture + layout.lines + (_note_lines(notes) if notes else [])
    return layout


def _is_drop_cap(p: Any) -> bool:
    """Word's drop cap (Insert > Drop Cap): the paragraph's first letter is a paragraph of
    its own in a frame (``w:framePr w:dropCap="drop"`` or ``"margin"``), before the rest."""
    ppr = p.find(qn("w:pPr"))
    frame = ppr.find(qn("w:framePr")) if ppr is not None else None
    return frame is not None and frame.get(qn("w:dropCap")) in ("drop", "margin")


def _body_lines(par: Any, numbering: _Numbering, k: int, mark: NoteMark | None) -> list[Line]:
    """A body paragraph's printed lines, and the text boxes anchored in it after them."""
    out: list[Line] = []
    line = _paragraph_line(par, numbering, k, mark)
    if line is not None:
        out.extend(_split_breaks(line))
    for box in text_boxes(par._p):  # a text box reads where it is anchored
        out.append(Line(box, rtl=is_rtl_text(box), para_start=True))
    return out


def _notes(document: Any, warnings: list[str]) -> Notes | None:
    """The file's footnotes and endnotes; None, with a warning, when their part is
    damaged (the body is read all the same)."""
    try:
        return read_notes(document)
    except Exception as err:  # lxml raises several kinds for a broken part
        warnings.append(f"damaged Word file: notes unreadable ({type(err).__name__}); left out")
        return None


def _note_lines(notes: Notes) -> list[Line]:
    """The notes the body referred to, footnotes then endnotes, each one line hinted
    ``note`` with its number as the marker (``[1]``, as the reference reads in the body)."""
    return [
        Line(
            text,
            rtl=is_rtl_text(text),
            hint="note",
            marker=f"[{number}]" if number else None,
            para_start=True,
        )
        for kind in ("footnote", "endnote")
        for number, text in notes.referred(kind)
    ]
