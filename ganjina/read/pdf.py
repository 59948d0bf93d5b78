"""Born-digital PDF → Layout, with PyMuPDF.

Each page's glyphs come from the content stream as drawn (``ganjina.read.pdf_glyphs``),
each printed line is put in logical order from the evidence on the page
(``ganjina.read.pdf_line``), and what only the whole document can tell — mirrored
brackets, lost ZWNJ — is decided once every line has been seen
(``ganjina.read.pdf_evidence``). Lines keep their page, box, size, weight and slant;
paragraph starts and alignment come from the geometry (``ganjina.read.pdf_geometry``).

A PDF that Ganjina itself published carries its record as an attachment named
``ganjina-record.json``; the layout hands it on and the reader checks it before use.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator
from typing import Any

import pymupdf

from ganjina.errors import CorruptFile, EncryptedFile, NoTextLayer, UnsupportedFormat
from ganjina.read.bidi import is_rtl_text, strip_kashida_noise
from ganjina.read.layout import Layout, Line
from ganjina.read.leaders import drop_leaders
from ganjina.read.ocr import OcrOptions, OcrReader
from ganjina.read.pdf_evidence import DocumentEvidence
from ganjina.read.pdf_geometry import column_edges, column_keys, mark_paragraphs, set_alignment
from ganjina.read.pdf_glyphs import FontTable, GlyphLine, PageGlyphs, page_glyphs
from ganjina.read.pdf_line import BuiltLine, build_line
from ganjina.read.pdf_mapping import repair_mapping
from ganjina.read.pdf_tables import (
    Grid,
    cut_at_rules,
    drawn_in_reading_order,
    find_grids,
    gather_tables,
)
from ganjina.read.pdf_unmapped import Recovered, recover

RECORD_ATTACHMENT = "ganjina-record.json"
# an attachment larger than this is no record of one article
_MAX_ATTACHMENT = 4 * 1024 * 1024
_OWN_COLUMN_LINES = 3  # lines a page needs to show its own text column's margins

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def _open(data: bytes) -> pymupdf.Document:
    if not data:
        raise UnsupportedFormat("empty file")
    if b"%PDF-" not in data[:1024]:
        raise UnsupportedFormat("not a PDF")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as err:  # PyMuPDF raises bare RuntimeErrors for damaged files
        raise CorruptFile(f"damaged PDF ({err})") from None
    if doc.needs_pass:
        raise EncryptedFile("encrypted PDF")
    if doc.page_count == 0:
        raise CorruptFile("PDF has no pages (truncated?)")
    return doc


def _embedded_record(doc: pymupdf.Document) -> dict[str, Any] | None:
    try:
        if RECORD_ATTACHMENT not in doc.embfile_names():
            return None
        info = doc.embfile_info(RECORD_ATTACHMENT)
        if int(info.get("size") or 0) > _MAX_ATTACHMENT:
            return None
        loaded = json.loads(doc.embfile_get(RECORD_ATTACHMENT).decode("utf-8"))
    except (ValueError, RuntimeError, TypeError, UnicodeDecodeError, RecursionError):
        return None  # a damaged attachment: fall back to the text layer
    return loaded if isinstance(loaded, dict) else None


def _trace_once(page: pymupdf.Page) -> list[dict[str, Any]]:
    """The page's text trace, read once: the OCR check (``OcrReader.needed``) asks the
    page for it as well as the glyph reader, and reading it costs more than a bare
    ``get_text("dict")``. The page object answers later asks from what was read."""
    trace: list[dict[str, Any]] = page.get_texttrace()
    page.get_texttrace = lambda: trace
    return trace


def _image_lines(page: pymupdf.Page) -> list[Line]:
    """A placeholder line per picture on the page, where it stands (captions use it)."""
    if not page.get_images():  # cheap: the page's resources name no image
        return []
    lines = []
    for info in page.get_image_info():
        x0, y0, x1, y1 = info["bbox"]
        if x1 - x0 > 2 and y1 - y0 > 2:
            lines.append(Line("", page=page.number + 1, bbox=(x0, y0, x1, y1), hint="image"))
    return lines


def read_pdf(data: bytes, ocr: OcrOptions | None = None) -> Layout:
    """Read a PDF's text layer into a Layout, and its scanned pages by OCR (``ocr``: how;
    default: pages without a usable text layer). Raises ReadError subclasses."""
    with _cyclic_gc_paused():
        return _read_pdf(data, ocr)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector paused while a PDF is read.

    Reading a page makes a few objects per glyph (the text trace's tuples, glyphs,
    units), none of them in a reference cycle: reference counting frees them all. Yet
    every 700 of them start a collection that walks the young objects, and the older
    collections walk everything still alive, the whole document's glyphs: a fifth of
    the reading time went to finding no cycles. The collector is left as it was found
    (a caller that paused it keeps it paused); cycles made meanwhile, if any, are
    collected once it runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_pdf(data: bytes, ocr: OcrOptions | None) -> Layout:
    doc = _open(data)
    fonts = FontTable()
    evidence = DocumentEvidence()
    #: per page: its lines, each a BuiltLine or an image placeholder
    pages: list[list[BuiltLine | Line]] = []
    unmapped = rebuilt = images = 0
    recovered = Recovered()
    try:
        layout = Layout(format="pdf", pages=doc.page_count)
        layout.embedded_record = _embedded_record(doc)
        scans = OcrReader(ocr or OcrOptions(), enabled=layout.embedded_record is None)
        layout.metadata = {
            k: v
            for k, v in (doc.metadata or {}).items()
            if k in ("title", "author", "subject") and isinstance(v, str) and v
        }
        first = doc[0].rect
        layout.page_width, layout.page_height = first.width, first.height
        drawn: dict[int, PageGlyphs] = {}
        #: per page: the items' column keys where it is set in two columns
        columns: list[dict[int, tuple[int, int, float]] | None] = []
        last_column: tuple[float, float] | None = None
        scanned: dict[int, list[BuiltLine | Line]] = {}
        #: per page: its ruled tables
        grids: dict[int, list[Grid]] = {}
        #: by id of a built line: (the order the stream began its printed line, the
        #: order it began this part of it)
        drawn_at: dict[int, tuple[int, int]] = {}
        #: right-to-left lines by the order their stream drew them in
        rtl_drawn: dict[str, int] = {}
        for page in doc:
            trace = _trace_once(page)
            if scans.needed(page):  # a scan: OCR lines instead of the text layer's
                scanned[page.number] = list(scans.page_lines(page))
            else:
                glyphs = page_glyphs(page, fonts, trace)
                grids[page.number] = find_grids(page)
                glyphs.lines = cut_at_rules(glyphs.lines, grids[page.number])
                drawn[page.number] = glyphs
        if scans.enabled and scans.options.mode != "never":
            recovered = recover(doc, drawn)
        for page in doc:
            if page.number in scanned:
                pages.append(scanned[page.number])
                columns.append(None)
                continue
            glyphs = drawn[page.number]
            unmapped += glyphs.unmapped
            column = column_edges([(ln.x0, ln.x1) for ln in glyphs.lines])
            # a page of a line or two (endnotes, the attribution alone) shows no column:
            # its lines stand in the column of the pages before
            if len(glyphs.lines) >= _OWN_COLUMN_LINES or last_column is None:
                last_column = column
            else:
                column = last_column
            built_lines: list[tuple[GlyphLine, BuiltLine]] = []
            above: BuiltLine | None = None
            for glyph_line in glyphs.lines:
                built = build_line(glyph_line, column, _context(above, glyph_line))
                if built is None:
                    continue
                above = built
                built_lines.append((glyph_line, built))
            items: list[BuiltLine | Line] = []
            for built in _settle_open_directions(built_lines, column):
                evidence.observe(built)
                rebuilt += built.order in ("runs", "positions")
                if built.rtl:
                    rtl_drawn[built.order] = rtl_drawn.get(built.order, 0) + 1
                items.append(built)
            pictures = _image_lines(page)
            images += len(pictures) or bool(not glyphs.lines and page.get_images())
            items.extend(pictures)
            # the parts of a line cut at a gap (pdf_glyphs.split_at_gaps) keep their reading
            # order: they sort by the top of the line they were cut from
            tops = {id(b): g.place[0] for g, b in built_lines if g.place is not None}
            items.sort(key=lambda it: tops.get(id(it), it.bbox[1] if it.bbox else 0.0))
            stream_order = {id(b): g.drawn for g, b in built_lines}
            if grids[page.number]:  # a table's cells are read in the order they were drawn
                drawn_at.update(
                    (id(b), (g.drawn, g.place[2] if g.place else 0)) for g, b in built_lines
                )
            columns.append(_in_columns(items, stream_order))
            pages.append(items)
    finally:
        doc.close()
    in_reading_order = drawn_in_reading_order(rtl_drawn)
    for number, (items, keys) in enumerate(zip(pages, columns, strict=True), start=1):
        made = [(_line(it, number, evidence), keys.get(id(it)) if keys else None) for it in items]
        page_grids = grids.get(number - 1)
        line_drawn = (
            {
                id(ln): drawn_at[id(it)]
                for (ln, _), it in zip(made, items, strict=True)
                if id(it) in drawn_at  # (a picture was not drawn as text)
            }
            if page_grids and in_reading_order
            else {}
        )
        made = [(ln, key) for ln, key in made if ln.text or ln.hint == "image"]
        if page_grids:
            # a ruled table's lines become one table line, which no column claims
            keyed = {id(ln): key for ln, key in made}
            tabled = gather_tables([ln for ln, _ in made], page_grids, line_drawn)
            made = [(ln, keyed.get(id(ln))) for ln in tabled]
        page_lines = [ln for ln, _ in made]
        if page_lines:
            page_lines[0].cut_before = number > 1
        if keys is None:
            set_alignment([ln for ln in page_lines if ln.hint not in ("image", "table")])
        else:
            _align_columns(made)
        layout.lines.extend(page_lines)
    mark_paragraphs(layout.lines)
    if not any(ln.text for ln in layout.lines) and layout.embedded_record is None:
        if scans.unavailable is not None:
            raise scans.unavailable
        if scans.pages:
            raise NoTextLayer("no text in the PDF, not even by OCR")
        raise NoTextLayer("no text layer (scanned?)" if images else "no text in the PDF")
    layout.warnings += scans.warnings()
    layout.ocr = scans.info()
    _say_what_was_repaired(layout, evidence, rebuilt, unmapped, recovered)
    return layout


def _in_columns(
    items: list[BuiltLine | Line], drawn: dict[int, int]
) -> dict[int, tuple[int, int, float]] | None:
    """For a page set in two columns, its items put in reading order (in place) and each
    one's ``(band, column, top)``; None for a page of one column (left as it is).
    ``drawn``: by ``id`` of a line, the order the content stream drew it in."""
    boxed = [it for it in items if it.bbox is not None]
    text = [isinstance(it, BuiltLine) for it in boxed]
    rtl = sum(it.rtl for it in boxed if isinstance(it, BuiltLine))
    boxes = [it.bbox for it in boxed]
    order = [drawn.get(id(it)) for it in boxed]
    keys = column_keys(boxes, 2 * rtl > sum(text), text, order)  # type: ignore[arg-type]
    if keys is None:
        return None
    by_item = {id(it): key for it, key in zip(boxed, keys, strict=True)}
    items.sort(key=lambda it: by_item.get(id(it), (0, 0, 0.0)))
    return by_item


def _align_columns(made: list[tuple[Line, tuple[int, int, float] | None]]) -> None:
    """Alignment judged within each column (and the lines across both on their own), and
    a column's first line marked as a place where a paragraph may have been cut."""
    groups: dict[tuple[int, int], list[Line]] = {}
    for ln, key in made:
        if key is not None and ln.hint != "image":
            groups.setdefault(key[:2], []).append(ln)
    for (_, column), lines in groups.items():
        set_alignment(lines)
        if column == 1 and lines:
            lines[0].cut_before = True  # the text goes on from the foot of the first column


def _settle_open_directions(
    built_lines: list[tuple[GlyphLine, BuiltLine]], column: tuple[float, float] | None
) -> list[BuiltLine]:
    """The page's lines, those whose direction only their neighbours can tell read again:
    left to right when the nearest decided line of the same paragraph above or below runs
    left to right (a code comment between lines of code), else right to left (a table of
    contents' entry, a date set flush left in a Persian document)."""
    out = [built for _, built in built_lines]
    for k, (glyph_line, built) in enumerate(built_lines):
        if not built.open_direction:
            continue
        ltr_beside = any(not decided.rtl for decided in _decided_neighbours(built_lines, k))
        if ltr_beside == built.rtl:
            again = build_line(glyph_line, column, direction=not ltr_beside)
            if again is not None:
                out[k] = again
    return out


def _decided_neighbours(built_lines: list[tuple[GlyphLine, BuiltLine]], k: int) -> list[BuiltLine]:
    """The nearest line above and below line ``k`` whose direction is decided, each only
    where every line between goes on with the same paragraph."""
    found = []
    for step in (-1, 1):
        j = k
        while 0 <= j + step < len(built_lines):
            upper, lower = (j + step, j) if step < 0 else (j, j + step)
            if not _follows(built_lines[upper][1], built_lines[lower][0]):
                break
            j += step
            if not built_lines[j][1].open_direction:
                found.append(built_lines[j][1])
                break
    return found


def _follows(above: BuiltLine, line: GlyphLine) -> bool:
    """Whether a line may go on with the paragraph of the line above: close below it, at
    about its size, and under it (lines that share no stretch of the page side to side
    are not one paragraph's: a centred running header above a date set flush left)."""
    height = line.bottom - line.top
    gap = line.top - above.bbox[3]
    return (
        -0.5 * height <= gap <= 1.5 * height
        and abs((above.bbox[3] - above.bbox[1]) - height) < 0.3 * height
        and min(above.bbox[2], line.x1) > max(above.bbox[0], line.x0)
    )


def _context(above: BuiltLine | None, line: GlyphLine) -> bool | None:
    """The direction of the line above when this line may go on with its paragraph."""
    if above is None or not _follows(above, line):
        return None
    return above.rtl


def _line(item: BuiltLine | Line, page: int, evidence: DocumentEvidence) -> Line:
    if isinstance(item, Line):
        return item
    text = evidence.text(item, persian=item.rtl)
    text = repair_mapping(drop_leaders(" ".join(strip_kashida_noise(text).split())))
    return Line(
        text=text,
        page=page,
        bbox=item.bbox,
        size=item.size,
        bold=item.bold,
        italic=item.italic,
        rtl=item.rtl or is_rtl_text(text),
    )


def _say_what_was_repaired(
    layout: Layout, evidence: DocumentEvidence, rebuilt: int, unmapped: int, recovered: Recovered
) -> None:
    if rebuilt:
        layout.warnings.append(f"text layer: order of {rebuilt} lines rebuilt from glyph positions")
    if evidence.zwnj_restored:
        layout.warnings.append(
            f"text layer: {evidence.zwnj_restored} ZWNJ put back where the glyph forms "
            "show a break inside a word"
        )
    if evidence.kurdish_ae:
        layout.warnings.append(
            f"text layer: U+06D5 (ae) read as heh {evidence.kurdish_ae} times "
            "(a font's mapping of final heh)"
        )
    if evidence.letters_unsplit:
        unsplit = " ".join(f"{a}→{b}" for a, b in evidence.unsplit().items())
        layout.warnings.append(
            f"text layer: {evidence.letters_unsplit} letters read as Persian ({unsplit}): "
            "the fonts name only their final forms with the Arabic letter"
        )
    if recovered.filled:
        letters = " ".join(sorted(set(recovered.letters.values())))
        layout.warnings.append(
            f"text layer: {recovered.filled} glyphs with no text mapping read from their "
            f"picture ({letters}), each reading checked against the letters of its words"
        )
    if unmapped:
        layout.warnings.append(
            f"text layer: {unmapped} glyphs have no text mapping and were left out"
        )
