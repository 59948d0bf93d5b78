"""A source (Markdown with front matter) → a Word file laid out in the house style.

This imitates what the portal's editors do in Word, so that LibreOffice turns the file
into a PDF like the ones in the real archive (see ``shared/spec/house-style.md``):

* masthead ``افغانستان آزاد – آزاد افغانستان`` large and centred, the ``AA-AA`` tag, the
  four motto lines centred in one paragraph (hard line breaks), URL and e-mail as links,
  the two section-label lines;
* byline (with the Persian prefix as printed), translators line and date in one
  paragraph with line breaks, at body size and not bold;
* the title bold, italic and larger: the only line that looks like that;
* body paragraphs justified; Dari/Pashto paragraphs right-to-left (``w:bidi``) with RTL
  runs (``w:rtl``) in Amiri (complex-script font ``w:cs`` and sizes ``w:szCs``); Latin
  text in Noto Serif;
* numbered lists with ASCII markers as real Word numbering (``lvlText`` ``%1)``), so the
  PDF prints the marker; Persian-digit markers (``۱)``) typed as text, because Word has no
  number format for Persian digits and editors type them by hand; bulleted lists as Word
  bullets;
* block quotes indented on both sides; sub-headings bold;
* figures: the image centred, then the caption in smaller italic;
* a running header (URL, e-mail) and footer (page number field) on pages after the first;
* the attribution as the last line.

Only python-docx is used (no Word, no LibreOffice); the XML python-docx has no API for
(bidi, numbering, hyperlinks, fields) is written with its ``OxmlElement``.

Usage (``samples/build.py`` is the normal entry point)::

    python samples/tools/make_docx.py samples/en-flood-relief/source.md out.docx
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere in the tree
    sys.path.insert(0, str(ROOT))

from ganjina.render.sources import (  # noqa: E402
    SourceDocument,
    read_source,
    site_identity,
)

LATIN_FONT = "Noto Serif"
ARABIC_FONT = "Amiri"

# Sizes in points. Amiri draws smaller than Noto Serif at the same size, so complex-script
# text is set 2 pt larger, as editors of the portal do.
BODY_PT = 12
BODY_CS_PT = 14
TITLE_PT = 16
TITLE_CS_PT = 20
MASTHEAD_PT = 22
HEADING_PT = 13
HEADING_CS_PT = 15
CAPTION_PT = 10
CAPTION_CS_PT = 12
SMALL_PT = 10  # contact lines, running header and footer


class _Lang:
    """The w:lang of every run: the article's language, set once per build.

    Module state rather than a parameter because the run helpers are also called for the
    header and the page-number field, far from the article; builds run one at a time.
    """

    latin = "en-GB"
    bidi = "fa-AF"


_LANG = _Lang()

# A fixed timestamp for the core properties, so two builds of one source give the same XML.
FIXED_TIME = _dt.datetime(2023, 1, 1, tzinfo=_dt.UTC)


def build_docx(doc_src: SourceDocument, out: str | Path, image_dir: Path | None = None) -> Path:
    """Write the house-style DOCX of a parsed source; images are looked up in ``image_dir``."""
    article = doc_src.article
    rtl = doc_src.rtl
    ident = site_identity()
    image_dir = image_dir or (doc_src.path.parent if doc_src.path else Path.cwd())

    lang = article.language or "en"
    _LANG.bidi = lang if rtl else "fa-AF"
    _LANG.latin = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR"}.get(lang.split("-")[0], "en-GB")
    document = Document()
    _set_defaults(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    section.start_type = WD_SECTION.NEW_PAGE
    if rtl:
        # The page itself runs right to left (Word: "Right-to-left" section direction).
        section._sectPr.append(OxmlElement("w:bidi"))
    _running_header_footer(section, ident.url, ident.email, rtl)

    writer = _Writer(document)

    # --- masthead ---------------------------------------------------------------------
    p = writer.para(align="center", rtl=True, after=0)
    writer.run(p, ident.name, rtl=True, size=MASTHEAD_PT, bold=True)
    p = writer.para(align="center", after=2)
    writer.run(p, ident.tag, size=BODY_PT, bold=True)
    p = writer.para(align="center", rtl=True, after=4)
    for i, line in enumerate(ident.motto):
        if i:
            p.add_run().add_break(WD_BREAK.LINE)
        writer.run(p, line, rtl=True, size=BODY_PT, italic=True)
    links = ((f"http://{ident.url}", ident.url), (f"mailto:{ident.email}", ident.email))
    for target, text in links:
        p = writer.para(align="center", after=0)
        writer.hyperlink(p, target, text, size=SMALL_PT)
    labels = ident.sections[article.section.id] if article.section else ()
    for i, label in enumerate(labels):
        label_rtl = _looks_rtl(label)
        p = writer.para(align="center", rtl=label_rtl, after=0 if i < len(labels) - 1 else 8)
        writer.run(p, label, rtl=label_rtl, size=BODY_PT, bold=True)

    # --- byline, translators, date: one paragraph with line breaks, body size ----------
    lines = [x for x in (doc_src.byline, doc_src.translators_line, article.date_text) if x]
    if lines:
        p = writer.para(align="start", rtl=rtl, after=6)
        for i, line in enumerate(lines):
            if i:
                p.add_run().add_break(WD_BREAK.LINE)
            writer.run(p, line, rtl=rtl and _looks_rtl(line), size=BODY_PT)

    # --- title ---------------------------------------------------------------------------
    p = writer.para(align="center", rtl=rtl, before=6, after=10)
    writer.run(p, article.title or "", rtl=rtl, size=TITLE_PT, cs_size=TITLE_CS_PT,
               bold=True, italic=True)

    # --- body ----------------------------------------------------------------------------
    figures = {f.block_index: f for f in doc_src.figures}
    numbering = _Numbering(document)
    list_num: int | None = None  # the w:num of the list being written, restarted per list
    previous_type = None
    # LibreOffice justifies Arabic script with kashidas, which its PDF export writes into
    # the text layer as stray characters (NOTES.md); a ragged sample shows the text clean.
    body_align = "both" if doc_src.justify else "start"
    for index, block in enumerate(article.blocks):
        if block.type != "list_item":
            list_num = None
        if block.type == "paragraph":
            p = writer.para(align=body_align, rtl=rtl, after=6)
            writer.run(p, block.text, rtl=rtl)
        elif block.type == "heading":
            p = writer.para(align="start", rtl=rtl, before=8, after=4, keep_next=True)
            writer.run(p, block.text, rtl=rtl, size=HEADING_PT, cs_size=HEADING_CS_PT, bold=True)
        elif block.type == "quote":
            p = writer.para(align=body_align, rtl=rtl, after=6, indent=Cm(1.25))
            writer.run(p, block.text, rtl=rtl)
        elif block.type == "list_item":
            marker = block.marker or ""
            p = writer.para(align=body_align, rtl=rtl, after=2)
            if marker.rstrip(")").isascii() and marker.rstrip(")").isdigit():
                if list_num is None or previous_type != "list_item":
                    list_num = numbering.new_list("decimal", start=int(marker[:-1]))
                _set_numbering(p, list_num)
            elif marker == "•":
                if list_num is None or previous_type != "list_item":
                    list_num = numbering.new_list("bullet")
                _set_numbering(p, list_num)
            else:
                # Typed by hand, with a hanging indent as Word's "list paragraph" would do.
                _indent(p, start=Cm(0.9), hanging=Cm(0.6))
                writer.run(p, marker + " ", rtl=rtl)
            writer.run(p, block.text, rtl=rtl)
        elif block.type == "caption":
            figure = figures.get(index)
            if figure is not None:
                image = image_dir / figure.image
                p = writer.para(align="center", after=2, keep_next=True)
                p.add_run().add_picture(str(image), width=Cm(12))
            p = writer.para(align="center" if not rtl else body_align, rtl=rtl, after=8)
            writer.run(p, block.text, rtl=rtl, size=CAPTION_PT, cs_size=CAPTION_CS_PT,
                       italic=True)
        else:  # pragma: no cover - parse_body only makes the five types
            raise ValueError(f"unknown block type {block.type!r}")
        previous_type = block.type

    # --- attribution: the last line ---------------------------------------------------
    if article.source is not None and article.source.text:
        p = writer.para(align="start", rtl=rtl, before=8, after=0)
        writer.run(p, article.source.text, rtl=rtl and _looks_rtl(article.source.text))

    props = document.core_properties
    props.title = article.title or ""
    props.author = ", ".join(article.authors) or "Afghanistan Azad"
    # Carried into the PDF's Keywords by LibreOffice, so `build.py --check` can tell that
    # a PDF was made from the current source without running LibreOffice again.
    props.keywords = f"ganjina-sample source-sha256={article.provenance.sha256}"
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = "ganjina samples"
    props.revision = 1

    out = Path(out)
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(_fixed_zip_times(buffer.getvalue()))
    return out


def _fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so an unchanged DOCX is byte-equal
    to the committed one (python-docx stamps the current time on each part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------
class _Writer:
    """Adds paragraphs and runs with the house fonts and the right bidi properties."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.document = document

    def para(self, *, align: str, rtl: bool = False, before: float = 0, after: float = 0,
             indent=None, keep_next: bool = False) -> Paragraph:  # type: ignore[no-untyped-def]
        p = self.document.add_paragraph()
        fmt = p.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if keep_next:
            fmt.keep_with_next = True
        ppr = p._p.get_or_add_pPr()
        if rtl:
            # w:bidi must come early in pPr (before spacing/ind/jc) for Word to accept it.
            bidi = OxmlElement("w:bidi")
            ppr.insert_element_before(bidi, "w:adjustRightInd", "w:snapToGrid", "w:spacing",
                                      "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                                      "w:suppressOverlap", "w:jc", "w:textDirection",
                                      "w:textAlignment", "w:textboxTightWrap",
                                      "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                                      "w:sectPr", "w:pPrChange")
        if indent is not None:
            fmt.left_indent = fmt.right_indent = indent
        # In a bidi paragraph "left" means the start side, i.e. the right edge; "start"
        # here is the reading start, whichever the direction.
        fmt.alignment = {
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "start": WD_ALIGN_PARAGRAPH.LEFT,
        }[align]
        return p

    def run(self, p: Paragraph, text: str, *, rtl: bool = False, size: float = BODY_PT,
            cs_size: float | None = None, bold: bool = False, italic: bool = False) -> None:
        run = p.add_run(text)
        _run_props(run._r, rtl=rtl, size=size, cs_size=cs_size, bold=bold, italic=italic)

    def hyperlink(self, p: Paragraph, target: str, text: str, *, size: float) -> None:
        _add_hyperlink(p, target, text, size=size)


def _run_props(r, *, rtl: bool, size: float, cs_size: float | None, bold: bool,  # type: ignore[no-untyped-def]
               italic: bool, link: bool = False) -> None:
    """rFonts (Latin and complex script), b/bCs, i/iCs, sz/szCs and rtl, in schema order."""
    rpr = r.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    if link:
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        rpr.append(style)
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), LATIN_FONT)
    fonts.set(qn("w:cs"), ARABIC_FONT)
    rpr.append(fonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
        rpr.append(OxmlElement("w:bCs"))
    if italic:
        rpr.append(OxmlElement("w:i"))
        rpr.append(OxmlElement("w:iCs"))
    if link:
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "0563C1")
        rpr.append(color)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)
    szcs = OxmlElement("w:szCs")
    szcs.set(qn("w:val"), str(int((cs_size or size + 2) * 2)))
    rpr.append(szcs)
    if link:
        u = OxmlElement("w:u")
        u.set(qn("w:val"), "single")
        rpr.append(u)
    if rtl:
        rpr.append(OxmlElement("w:rtl"))
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _LANG.latin)
    lang.set(qn("w:bidi"), _LANG.bidi)
    rpr.append(lang)


def _add_hyperlink(p: Paragraph, target: str, text: str, *, size: float) -> None:
    rid = p.part.relate_to(target, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    r = OxmlElement("w:r")
    _run_props(r, rtl=False, size=size, cs_size=size, bold=False, italic=False, link=True)
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    link.append(r)
    p._p.append(link)


def _indent(p: Paragraph, *, start, hanging) -> None:  # type: ignore[no-untyped-def]
    fmt = p.paragraph_format
    fmt.left_indent = start
    fmt.first_line_indent = -hanging


def _set_numbering(p: Paragraph, num_id: int) -> None:
    ppr = p._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


class _Numbering:
    """Two abstract lists (``%1)`` and a bullet) and one w:num per list, so each restarts."""

    _FIRST_ID = 90  # above the template's own abstractNum/num ids

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.root = document.part.numbering_part.element
        self.next_num = self._FIRST_ID
        self.abstract: dict[str, int] = {}

    def _abstract(self, kind: str) -> int:
        if kind in self.abstract:
            return self.abstract[kind]
        aid = self._FIRST_ID + len(self.abstract)
        a = OxmlElement("w:abstractNum")
        a.set(qn("w:abstractNumId"), str(aid))
        mlt = OxmlElement("w:multiLevelType")
        mlt.set(qn("w:val"), "singleLevel")
        a.append(mlt)
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", kind),
                         ("w:lvlText", "%1)" if kind == "decimal" else "•"),
                         ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(int(Cm(0.9).twips)))
        ind.set(qn("w:hanging"), str(int(Cm(0.6).twips)))
        ppr.append(ind)
        lvl.append(ppr)
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), LATIN_FONT)
        rpr.append(fonts)
        lvl.append(rpr)
        a.append(lvl)
        # abstractNum elements must precede every w:num.
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            self.root.append(a)
        self.abstract[kind] = aid
        return aid

    def new_list(self, kind: str, start: int = 1) -> int:
        aid = self._abstract(kind)
        num_id = self.next_num
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(aid))
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), str(start))
        override.append(so)
        num.append(override)
        self.root.append(num)
        return num_id


def _set_defaults(document) -> None:  # type: ignore[no-untyped-def]
    """Normal style: Noto Serif / Amiri at body size, so empty runs match the text."""
    normal = document.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, val in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT),
                      ("w:eastAsia", LATIN_FONT), ("w:cs", ARABIC_FONT)):
        fonts.set(qn(attr), val)
    normal.font.size = Pt(BODY_PT)
    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        rpr.append(szcs)
    szcs.set(qn("w:val"), str(BODY_CS_PT * 2))
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    # Word's default widow/orphan control is kept: a page break still splits paragraphs.


def _running_header_footer(section, url: str, email: str, rtl: bool) -> None:  # type: ignore[no-untyped-def]
    """URL and e-mail above, the page number below, on every page but the first."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_hyperlink(hp, f"http://{url}", url, size=SMALL_PT)
    hp2 = header.add_paragraph()
    hp2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_hyperlink(hp2, f"mailto:{email}", email, size=SMALL_PT)
    hp2.paragraph_format.space_after = Pt(6)

    footer = section.footer
    footer.is_linked_to_previous = False
    fp = footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_field(fp, "PAGE", "2")
    # The first-page header and footer stay empty: the masthead is the first page's header.
    for part in (section.first_page_header, section.first_page_footer):
        part.is_linked_to_previous = False


def _add_field(p: Paragraph, instr: str, placeholder: str) -> None:
    """A complex field (fldChar begin/separate/end), as Word writes a page number."""

    def run_with(child) -> None:  # type: ignore[no-untyped-def]
        r = OxmlElement("w:r")
        _run_props(r, rtl=False, size=SMALL_PT, cs_size=SMALL_PT, bold=False, italic=False)
        r.append(child)
        p._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run_with(text)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    t = OxmlElement("w:t")
    t.text = placeholder
    run_with(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _looks_rtl(text: str) -> bool:
    """True when the first strong letter is Arabic-script (for label and byline lines)."""
    for ch in text:
        if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
            return True
        if ch.isalpha():
            return False
    return False


def docx_parts(path: str | Path) -> dict[str, bytes]:
    """The parts of a DOCX by name: what `--check` compares."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in sorted(z.namelist())}


def main(argv: Iterable[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: make_docx.py SOURCE.md OUT.docx", file=sys.stderr)
        return 2
    build_docx(read_source(args[0]), args[1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
