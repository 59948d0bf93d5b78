"""Print a ``Spec`` as a Word file, the way an editor lays it out by hand in Word.

Everything a variant changes is decided here from ``spec.variant``; the content itself comes
from ``compose``. The writer never simplifies for a reader: headers are real header parts,
lists use Word numbering or typed markers, page numbers are fields.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Cm, Inches, Pt

from tests.read.variations import furniture
from tests.read.variations.compose import Piece, Spec
from tests.read.variations.design import RTL
from tests.read.variations.image import photo_png
from tests.read.variations.word import (
    Look,
    add_field,
    add_hyperlink,
    add_page_break,
    add_text,
    set_default_fonts,
    set_paragraph,
)

PAGES = {"A4": (Cm(21.0), Cm(29.7)), "Letter": (Inches(8.5), Inches(11))}
MARGINS = {"narrow": Cm(1.5), "normal": Cm(2.5), "wide": Cm(3.2)}
SPACING = {"space_after": (8.0, None), "first_line_indent": (0.0, 18.0)}


class Printer:
    """Adds paragraphs to one container (the body or a header) in the article's looks."""

    def __init__(self, spec: Spec, container: Any) -> None:
        v = spec.variant
        self.spec, self.box, self.rtl = spec, container, spec.lang in RTL
        self.body = Look(v["latin_font"], v["arabic_font"], float(v["body_size"]), lang=spec.lang)
        # a header or footer part (they have is_linked_to_previous; the document has not)
        # starts with one empty paragraph, which the first ``para`` fills
        self._fresh = hasattr(container, "is_linked_to_previous")

    def para(
        self,
        text: str,
        look: Look,
        *,
        rtl: bool | None = None,
        align: str = "start",
        style: str | None = None,
        **fmt: Any,
    ) -> Any:
        rtl = self.rtl if rtl is None else rtl
        p = self._new(style)
        set_paragraph(p, rtl=rtl, align=align, **fmt)
        if text:
            add_text(p, text, look, rtl)
        return p

    def _new(self, style: str | None) -> Any:
        if self._fresh and self.box.paragraphs and not self.box.paragraphs[0].runs:
            self._fresh = False
            p = self.box.paragraphs[0]
            if style:
                p.style = style
            return p
        self._fresh = False
        return self.box.add_paragraph(style=style)


def write_docx(spec: Spec, path: Path) -> None:
    v = spec.variant
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = PAGES[v["page_size"]]
    margin = MARGINS[v["margins"]]
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    body = Printer(spec, doc)
    set_default_fonts(doc, body.body)
    first_header = (
        v["masthead_place"] == "first_page_header" or v["header"] == "first_page_different"
    )
    section.different_first_page_header_footer = first_header or v["footer_first_page"] == "no"
    if v["masthead_place"] == "first_page_header":
        masthead(Printer(spec, _part(section.first_page_header)))
    else:
        masthead(body)
    section_labels(body)
    front(body)
    for piece in spec.body:
        body_piece(body, piece)
    attribution(body)
    running_headers(spec, section)
    footers(spec, section)
    doc.save(str(path))


def _part(part: Any) -> Any:
    part.is_linked_to_previous = False
    return part


def masthead(pr: Printer) -> None:
    v, b = pr.spec.variant, pr.body
    site = b.but(size=b.size + 10, bold=True)
    pr.para(furniture.SITE_NAME, site, rtl=True, align="center", space_after=0)
    pr.para(
        furniture.TAG, b.but(size=b.size + 1, bold=True), rtl=False, align="center", space_after=2
    )
    if pr.spec.motto:
        poem = b.but(size=b.size - 1, italic=True)
        if v["motto_lines"] == "line_breaks":
            pr.para("\n".join(pr.spec.motto), poem, rtl=True, align="center", space_after=4)
        else:
            for line in pr.spec.motto:
                pr.para(line, poem, rtl=True, align="center", space_after=0)
    small = b.but(size=b.size - 1)
    if v["contact"] == "one_line":
        pr.para(
            f"{furniture.URL}    {furniture.EMAIL}", small, rtl=False, align="center", space_after=6
        )
    elif v["contact"] == "links":
        for url, text in (
            (f"http://{furniture.URL}", furniture.URL),
            (f"mailto:{furniture.EMAIL}", furniture.EMAIL),
        ):
            add_hyperlink(
                pr.para("", small, rtl=False, align="center", space_after=0), url, text, small
            )
    else:
        pr.para(furniture.URL, small, rtl=False, align="center", space_after=0)
        pr.para(furniture.EMAIL, small, rtl=False, align="center", space_after=6)


def section_labels(pr: Printer) -> None:
    look = pr.body.but(bold=True)
    for label in pr.spec.section_labels:
        latin = label.isascii()
        pr.para(label, look, rtl=not latin, align="center", space_after=0)


def front(pr: Printer) -> None:
    s, v = pr.spec, pr.spec.variant
    if v["byline_order"] == "date_then_byline":
        lines = [s.date_line, s.byline_line, s.translator_line]
    else:
        lines = [s.byline_line, s.translator_line, s.date_line]
    if v["title_place"] == "before_byline":
        title(pr)
    for line in lines:
        if line:
            pr.para(line, pr.body, space_after=0)
    if v["title_place"] == "after_byline":
        title(pr)


def title(pr: Printer) -> None:
    v, b = pr.spec.variant, pr.body
    weight = v["title_weight"]
    look = b.but(
        size=float(v["title_size"]),
        bold=weight.startswith("bold"),
        italic=weight.endswith("italic"),
    )
    style = None if v["title_style"] == "direct" else v["title_style"]
    pr.para(pr.spec.title, look, align=v["title_align"], style=style, space_after=10)


def body_piece(pr: Printer, piece: Piece) -> None:
    v, b = pr.spec.variant, pr.body
    after, indent = SPACING[v["paragraph_spacing"]]
    align = "justify" if v["justify"] == "justify" else "start"
    if piece.kind == "paragraph":
        if piece.split_at is None:
            pr.para(piece.text, b, align=align, space_after=after, first_indent=indent)
            return
        p = pr.para(
            piece.text[: piece.split_at], b, align=align, space_after=after, first_indent=indent
        )
        add_page_break(p, b, pr.rtl)
        add_text(p, piece.text[piece.split_at :], b, pr.rtl)
    elif piece.kind == "list_item":
        list_item(pr, piece)
    elif piece.kind == "heading":
        if v["subheadings"] == "heading_style":
            pr.para(piece.text, b.but(size=b.size + 2, bold=True), style="Heading 2", space_after=4)
        else:
            pr.para(piece.text, b.but(bold=True), space_after=4)
    elif piece.kind == "quote":
        if v["quote"] == "quote_style":
            pr.para(piece.text, b.but(italic=True), style="Quote", align=align)
        else:
            pr.para(piece.text, b.but(italic=True), align=align, indent=36, space_after=8)
    elif piece.kind == "photo":
        p = pr.para("", b, align="center", space_after=4)
        p.add_run().add_picture(io.BytesIO(photo_png(pr.spec.image_seed)), width=Cm(9))
    elif piece.kind == "caption":
        caption(pr, piece)


def list_item(pr: Printer, piece: Piece) -> None:
    v, b = pr.spec.variant, pr.body
    kind = v["list_kind"]
    if kind in ("word_numbering", "word_bullets"):
        style = "List Number" if kind == "word_numbering" else "List Bullet"
        pr.para(
            piece.text, b, style=style, space_after=2, page_break_before=piece.page_break_before
        )
    else:
        pr.para(
            f"{piece.marker} {piece.text}",
            b,
            space_after=2,
            indent=18,
            page_break_before=piece.page_break_before,
        )


def caption(pr: Printer, piece: Piece) -> None:
    v, b = pr.spec.variant, pr.body
    if v["caption_style"] == "Caption":
        pr.para(piece.text, b.but(size=b.size - 2), style="Caption", align="center")
    elif v["caption_style"] == "italic_small":
        pr.para(piece.text, b.but(size=b.size - 1.5, italic=True), align="center", space_after=8)
    else:
        pr.para(piece.text, b, align="start", space_after=8)


def attribution(pr: Printer) -> None:
    s, b = pr.spec, pr.body
    if not s.attribution:
        return
    style = s.variant["attribution_style"]
    look = b.but(bold=style == "bold", italic=style == "italic")
    if style == "own_style":
        name = "Source Line"
        styles = pr.box.styles
        if name not in [st.name for st in styles]:
            st = styles.add_style(name, 1)
            st.base_style = styles["Normal"]
            st.font.italic = True
            st.font.size = Pt(b.size - 1)
        pr.para(s.attribution, look.but(italic=True, size=b.size - 1), style=name, space_after=0)
        return
    pr.para(s.attribution, look, align="end" if style == "end_aligned" else "start", space_after=0)


def running_headers(spec: Spec, section: Any) -> None:
    v = spec.variant
    if v["header"] == "none":
        return
    targets = [section.header]
    if v["header"] == "every_page" and section.different_first_page_header_footer:
        targets.append(section.first_page_header)
    for part in targets:
        pr = Printer(spec, _part(part))
        small = pr.body.but(size=max(8.0, pr.body.size - 2))
        form = v["running_header_form"]
        if form == "with_site":
            pr.para(furniture.SITE_NAME, small, rtl=True, align="center", space_after=0)
        if form == "two_lines":
            pr.para(furniture.URL, small, rtl=False, align="center", space_after=0)
            pr.para(furniture.EMAIL, small, rtl=False, align="center", space_after=0)
        else:
            pr.para(
                f"{furniture.URL}\t{furniture.EMAIL}",
                small,
                rtl=False,
                align="start",
                space_after=0,
            )


def footers(spec: Spec, section: Any) -> None:
    if not spec.footer:
        return
    targets = [section.footer]
    if section.different_first_page_header_footer and spec.variant["footer_first_page"] == "yes":
        targets.append(section.first_page_footer)
    for part in targets:
        pr = Printer(spec, _part(part))
        look = pr.body.but(size=max(8.0, pr.body.size - 2))
        rtl = pr.rtl and not spec.footer.replace("{p}", "").replace("{n}", "").isascii()
        p = pr.para("", look, rtl=rtl, align="center", space_after=0)
        chunks = spec.footer.replace("{n}", "\0n\0").replace("{p}", "\0p\0").split("\0")
        for chunk in chunks:
            if chunk == "p":
                add_field(p, "PAGE", "1", look, rtl)
            elif chunk == "n":
                add_field(p, "NUMPAGES", "1", look, rtl)
            elif chunk:
                add_text(p, chunk, look, rtl)
