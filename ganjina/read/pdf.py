"""Born-digital PDF → Layout, with PyMuPDF.

Every text line keeps its page, box, size, weight and slant, and right-to-left lines are
rebuilt from glyph positions where PyMuPDF's character order disagrees with them
(``ganjina.read.bidi``). A PDF that Ganjina itself published carries its record as an
attachment named ``ganjina-record.json``; the layout hands it on and reading prefers it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import pymupdf

from ganjina.errors import CorruptFile, EncryptedFile, NoTextLayer, UnsupportedFormat
from ganjina.read.bidi import is_rtl_text, rebuild_rtl
from ganjina.read.layout import Layout, Line

RECORD_ATTACHMENT = "ganjina-record.json"

# rawdict without ligature preservation: "ﬁ" comes out as "fi", as people typed it
_FLAGS = (pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_PRESERVE_LIGATURES) | pymupdf.TEXT_MEDIABOX_CLIP
# word processors leave control characters in the text layer (LibreOffice writes U+0005
# and U+0018 when it justifies Arabic script); tabs become spaces
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
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


def _line_from_raw(raw: dict[str, Any], page_no: int) -> tuple[Line, bool] | None:
    """One Line from a rawdict line; the flag says whether its order was repaired."""
    chars: list[tuple[str, float]] = []
    weights = {"bold": 0, "italic": 0, "size": 0.0}
    count = 0
    for span in raw["spans"]:
        bold, italic = _span_style(span)
        for c in span["chars"]:
            ch = c["c"]
            if ch == "\t":
                ch = " "
            if _CONTROL.match(ch):
                continue
            x0, _, x1, _ = c["bbox"]
            chars.append((ch, (x0 + x1) / 2))
            if not ch.isspace():
                count += 1
                weights["bold"] += bold
                weights["italic"] += italic
                weights["size"] += span["size"]
    text = "".join(ch for ch, _ in chars)
    if not text.strip():
        return None
    repaired = False
    if is_rtl_text(text):
        rebuilt = rebuild_rtl(chars)
        repaired = rebuilt.strip() != text.strip()
        text = rebuilt
    n = max(count, 1)
    line = Line(
        text=unicodedata.normalize("NFC", " ".join(text.split())),
        page=page_no,
        bbox=tuple(raw["bbox"]),
        size=round(weights["size"] / n, 1),
        bold=weights["bold"] * 2 > count,
        italic=weights["italic"] * 2 > count,
        rtl=is_rtl_text(text),
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


def read_pdf(data: bytes) -> Layout:
    """Read a PDF's text layer into a Layout (raises ReadError subclasses)."""
    doc = _open(data)
    try:
        layout = Layout(format="pdf", pages=doc.page_count)
        layout.embedded_record = _embedded_record(doc)
        first = doc[0].rect
        layout.page_width, layout.page_height = first.width, first.height
        repaired = images = 0
        for page in doc:
            page_lines: list[Line] = []
            raw = page.get_text("rawdict", flags=_FLAGS)
            for block in raw["blocks"]:
                if block["type"] == 1:
                    images += 1
                    if block.get("bbox"):
                        page_lines.append(
                            Line("", page=page.number + 1, bbox=tuple(block["bbox"]), hint="image")
                        )
                    continue
                first_in_block = True
                for raw_line in block["lines"]:
                    built = _line_from_raw(raw_line, page.number + 1)
                    if built is None:
                        continue
                    line, was_repaired = built
                    repaired += was_repaired
                    line.para_start = first_in_block
                    first_in_block = False
                    page_lines.append(line)
            if not raw["blocks"] and page.get_images():
                images += 1
            _set_alignment([ln for ln in page_lines if ln.hint != "image"], page.rect.width)
            layout.lines.extend(page_lines)
    finally:
        doc.close()
    if not any(ln.text for ln in layout.lines) and layout.embedded_record is None:
        raise NoTextLayer("no text layer (scanned?)" if images else "no text in the PDF")
    if repaired:
        layout.warnings.append(
            f"text layer: right-to-left order rebuilt from glyph positions on {repaired} lines"
        )
    return layout
