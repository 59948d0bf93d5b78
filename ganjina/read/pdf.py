"""Born-digital PDF → Layout, with PyMuPDF.

Every text line keeps its page, box, size, weight and slant, and right-to-left lines are
rebuilt from glyph positions where PyMuPDF's character order disagrees with them
(``ganjina.read.bidi``). A PDF that Ganjina itself published carries its record as an
attachment named ``ganjina-record.json``; the layout hands it on and reading prefers it.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from ganjina.errors import CorruptFile, EncryptedFile, NoTextLayer, UnsupportedFormat
from ganjina.read.bidi import Glyph, is_rtl_text, rebuild_rtl, strip_kashida_noise, suspect
from ganjina.read.layout import Layout, Line
from ganjina.read.ocr import OcrOptions, OcrReader

RECORD_ATTACHMENT = "ganjina-record.json"

# rawdict without ligature preservation ("ﬁ" comes out as "fi", as people typed it), and
# without CIDs for glyphs that have no Unicode: LibreOffice's kashida justification draws
# tatweel glyphs with no text behind them, which would otherwise read as "!" or "C"
_FLAGS = (
    pymupdf.TEXTFLAGS_RAWDICT
    & ~pymupdf.TEXT_PRESERVE_LIGATURES
    & ~pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
) | pymupdf.TEXT_MEDIABOX_CLIP
# word processors leave control characters in the text layer (LibreOffice writes U+0005
# and U+0018 when it justifies Arabic script); tabs become spaces
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC_NAME = re.compile(r"italic|oblique|slanted", re.IGNORECASE)

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
        loaded = json.loads(doc.embfile_get(RECORD_ATTACHMENT).decode("utf-8"))
    except (ValueError, RuntimeError):
        return None  # a damaged attachment: fall back to the text layer
    return loaded if isinstance(loaded, dict) else None


def _span_style(span: dict[str, Any]) -> tuple[bool, bool]:
    font = span.get("font", "")
    flags = span.get("flags", 0)
    bold = bool(flags & pymupdf.TEXT_FONT_BOLD) or bool(_BOLD_NAME.search(font))
    italic = bool(flags & pymupdf.TEXT_FONT_ITALIC) or bool(_ITALIC_NAME.search(font))
    return bold, italic


@dataclass
class _Glyphs:
    """The characters of one printed line (one or more rawdict lines on a baseline)."""

    #: one list per rawdict line that lies on this printed line, each in PyMuPDF's order
    segments: list[list[Glyph]] = field(default_factory=list)
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    bold: int = 0
    italic: int = 0
    size: float = 0.0
    count: int = 0

    def add(self, raw: dict[str, Any]) -> None:
        if self.segments:
            b = self.bbox
            r = raw["bbox"]
            self.bbox = (min(b[0], r[0]), min(b[1], r[1]), max(b[2], r[2]), max(b[3], r[3]))
        else:
            self.bbox = tuple(raw["bbox"])
        segment: list[Glyph] = []
        self.segments.append(segment)
        append = segment.append
        for span in raw["spans"]:
            bold, italic = _span_style(span)
            size = span["size"]
            narrow = 0.21 * size
            letters = 0
            for c in span["chars"]:
                ch = c["c"]
                if len(ch) > 1:  # a whole span of a left-to-right page (see _page_text)
                    ch = _CONTROL.sub("", ch.replace("\t", " "))
                    append((ch, c["bbox"][0], c["bbox"][2], size))
                    letters += len(ch) - ch.count(" ")
                    continue
                if ch < " " or "\x7f" <= ch <= "\x9f":
                    if ch != "\t":
                        continue  # control characters a word processor left in
                    ch = " "
                x0, _, x1, _ = c["bbox"]
                if ch != " ":
                    letters += 1
                    if ch < "\x7f" and x1 - x0 < narrow:
                        ch = suspect(ch)  # drawn as narrow as a tatweel: maybe kashida noise
                append((ch, x0, x1, size))
            self.count += letters
            self.bold += bold * letters
            self.italic += italic * letters
            self.size += size * letters

    @property
    def chars(self) -> list[Glyph]:
        return [g for segment in self.segments for g in segment]

    def overlaps(self, raw: dict[str, Any]) -> bool:
        """Whether a rawdict line sits on this printed line (same band of the page)."""
        top, bottom = float(raw["bbox"][1]), float(raw["bbox"][3])
        overlap = min(bottom, self.bbox[3]) - max(top, self.bbox[1])
        smaller = min(bottom - top, self.bbox[3] - self.bbox[1])
        return smaller > 0 and overlap >= 0.6 * smaller


def _ltr_text(segments: list[list[Glyph]]) -> str:
    """Left-to-right text: each piece in PyMuPDF's order (right for LTR, and it keeps
    expanded ligatures such as "fi" in order), pieces left to right, a space where a gap
    shows one."""
    out: list[str] = []
    right_edge: float | None = None
    for segment in sorted((s for s in segments if s), key=lambda s: min(g[1] for g in s)):
        first = segment[0]
        gap = right_edge is not None and first[1] - right_edge > 0.25 * first[3]
        if gap and out and out[-1] != " " and first[0] != " ":
            out.append(" ")
        out.extend(g[0] for g in segment)
        right_edge = max(g[2] for g in segment)
    return "".join(out)


def _build_line(glyphs: _Glyphs, page_no: int, rtl_context: bool) -> tuple[Line, bool] | None:
    """One Line from a printed line's glyphs; the flag says whether its order was repaired."""
    stream = "".join(c[0] for c in glyphs.chars)
    if not stream.strip():
        return None
    # a line with no Arabic letters inside a right-to-left paragraph (the end of a caption's
    # credit) still has the paragraph's direction: its brackets and stops show where
    edge = stream.strip()
    rtl = is_rtl_text(stream) or (rtl_context and not (edge[0].isalnum() and edge[-1].isalnum()))
    repaired = False
    if rtl:
        text = strip_kashida_noise(rebuild_rtl(glyphs.chars))
        repaired = text.split() != stream.split()
    else:
        text = strip_kashida_noise(_ltr_text(glyphs.segments))
    n = max(glyphs.count, 1)
    line = Line(
        text=unicodedata.normalize("NFC", " ".join(text.split())),
        page=page_no,
        bbox=glyphs.bbox,
        size=round(glyphs.size / n, 1),
        bold=glyphs.bold * 2 > glyphs.count,
        italic=glyphs.italic * 2 > glyphs.count,
        rtl=rtl,
    )
    return line, repaired


def _set_alignment(lines: list[Line], width: float) -> None:
    """Left / right / centre from where a line sits between the page's text margins."""
    boxes = [ln.bbox for ln in lines if ln.bbox]
    if not boxes:
        return
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    column = max(right - left, 1.0)
    for ln in lines:
        if not ln.bbox:
            continue
        gap_left, gap_right = ln.bbox[0] - left, right - ln.bbox[2]
        if ln.bbox[2] - ln.bbox[0] > 0.92 * column:
            ln.align = "justify"
        elif gap_left > 0.04 * column and abs(gap_left - gap_right) < 0.06 * column:
            ln.align = "center"
        elif gap_left > gap_right:
            ln.align = "right"
        else:
            ln.align = "left"
    del width


def _median(values: list[float]) -> float | None:
    values = sorted(values)
    return values[len(values) // 2] if values else None


def _style_changes(prev: Line, ln: Line) -> bool:
    size_changes = abs((prev.size or 0) - (ln.size or 0)) > 1.5
    return size_changes or (prev.bold, prev.italic) != (ln.bold, ln.italic)


def _mark_paragraphs(lines: list[Line]) -> None:
    """Decide where printed paragraphs start, from the lines' geometry.

    Word processors' PDFs often put every line in a block of its own, so PyMuPDF's blocks
    say nothing about paragraphs. A paragraph starts where the gap above a line is wider
    than the usual line pitch for its size, or where size or style changes.
    """
    text_lines = [ln for ln in lines if ln.hint != "image" and ln.bbox]
    pitches: dict[float, list[float]] = {}
    for above, below in itertools.pairwise(text_lines):
        same_size = abs((above.size or 0) - (below.size or 0)) < 0.5
        if above.page == below.page and same_size and above.bbox and below.bbox and below.size:
            pitch = below.bbox[1] - above.bbox[1]
            if 0.8 * below.size <= pitch <= 2.5 * below.size:
                pitches.setdefault(below.size, []).append(below.bbox[1] - above.bbox[3])
    usual = {size: _median(values) for size, values in pitches.items()}
    prev: Line | None = None
    for ln in lines:
        if ln.hint == "image" or ln.bbox is None:
            prev = None
            continue
        if prev is None or prev.page != ln.page or prev.bbox is None or _style_changes(prev, ln):
            ln.para_start = True
        else:
            # the white space between the lines, against the usual leading for this size
            gap = ln.bbox[1] - prev.bbox[3]
            size = ln.size or 12.0
            normal = usual.get(ln.size) if ln.size is not None else None
            if normal is None:
                normal = size * 0.3
            ln.para_start = gap > normal + 0.35 * size or ln.bbox[1] < prev.bbox[1]
        prev = ln


def _page_text(page: pymupdf.Page) -> dict[str, Any]:
    """The page's text as rawdict where it has Arabic script (glyph positions are needed to
    rebuild right-to-left lines), else as the cheaper dict with each span as one piece."""
    textpage = page.get_textpage(flags=_FLAGS)
    if _ARABIC_SCRIPT.search(textpage.extractText()):
        return dict(textpage.extractRAWDICT())
    spans = textpage.extractDICT()
    for block in spans["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                x0, _, x1, _ = span["bbox"]
                span["chars"] = [{"c": span["text"], "bbox": (x0, 0.0, x1, 0.0), "whole": True}]
    return dict(spans)


def read_pdf(data: bytes, ocr: OcrOptions | None = None) -> Layout:
    """Read a PDF's text layer into a Layout, and its scanned pages by OCR (``ocr``: how;
    default: pages without a usable text layer). Raises ReadError subclasses."""
    doc = _open(data)
    try:
        layout = Layout(format="pdf", pages=doc.page_count)
        layout.embedded_record = _embedded_record(doc)
        scans = OcrReader(ocr or OcrOptions(), enabled=layout.embedded_record is None)
        layout.metadata = {
            k: v
            for k, v in (doc.metadata or {}).items()
            if k in ("title", "author", "subject") and v
        }
        first = doc[0].rect
        layout.page_width, layout.page_height = first.width, first.height
        repaired = images = 0
        for page in doc:
            page_lines: list[Line] = []
            if scans.needed(page):  # a scan: OCR lines instead of the text layer's
                page_lines = scans.page_lines(page)
                if page_lines:
                    page_lines[0].cut_before = page.number > 0
                _set_alignment(page_lines, page.rect.width)
                layout.lines.extend(page_lines)
                continue
            printed: list[_Glyphs] = []
            raw = _page_text(page)
            for block in raw["blocks"]:
                if block["type"] == 1:
                    images += 1
                    page_lines.append(
                        Line("", page=page.number + 1, bbox=tuple(block["bbox"]), hint="image")
                    )
                    printed.append(_Glyphs())  # keeps the image's place in the order
                    continue
                for raw_line in block["lines"]:
                    target = next(
                        (g for g in printed[-3:] if g.count and g.overlaps(raw_line)), None
                    )
                    if target is None:
                        target = _Glyphs()
                        printed.append(target)
                        page_lines.append(Line("", page=page.number + 1, hint="pending"))
                    target.add(raw_line)
            rtl_context = False
            for k, glyphs in enumerate(printed):
                if page_lines[k].hint == "image":
                    continue
                built = _build_line(glyphs, page.number + 1, rtl_context)
                if built is None:
                    page_lines[k] = Line("", hint="drop")
                    continue
                page_lines[k], was_repaired = built
                rtl_context = page_lines[k].rtl
                repaired += was_repaired
            page_lines = [ln for ln in page_lines if ln.hint != "drop"]
            if not raw["blocks"] and page.get_images():
                images += 1
            if page_lines:
                page_lines[0].cut_before = page.number > 0
            _set_alignment([ln for ln in page_lines if ln.hint != "image"], page.rect.width)
            layout.lines.extend(page_lines)
    finally:
        doc.close()
    _mark_paragraphs(layout.lines)
    if not any(ln.text for ln in layout.lines) and layout.embedded_record is None:
        if scans.unavailable is not None:
            raise scans.unavailable
        if scans.pages:
            raise NoTextLayer("no text in the PDF, not even by OCR")
        raise NoTextLayer("no text layer (scanned?)" if images else "no text in the PDF")
    layout.warnings += scans.warnings()
    layout.ocr = scans.info()
    if repaired:
        layout.warnings.append(
            f"text layer: right-to-left order rebuilt from glyph positions on {repaired} lines"
        )
    return layout
