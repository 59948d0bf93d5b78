"""Layout: the one intermediate form every reader produces.

A reader turns a file into lines of text with what the house-style recognizer needs to
know about each: page, position, size, weight, slant, alignment and direction. Formats
without geometry (Markdown, plain text, DOCX) fill what they know and leave the rest
``None``; the recognizer never asks which format a line came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ganjina.record import OcrInfo


@dataclass
class Line:
    text: str
    page: int = 1
    #: bounding box in points (x0, y0, x1, y1); ``None`` where the format has no geometry
    bbox: tuple[float, float, float, float] | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    #: "left", "right", "center", "justify" or None
    align: str | None = None
    rtl: bool = False
    #: a structural hint the format itself carries: "h1".."h6", "list", "quote", "image",
    #: "blank", "link", "header", "footer" (DOCX header/footer parts), "note" (a footnote
    #: or endnote, its number in ``marker``; the recognizer puts notes after the body) or None
    hint: str | None = None
    #: list marker as printed, where the format separates it (Markdown "1)", DOCX numbering)
    marker: str | None = None
    #: True where a hard break (not a paragraph end) follows this line (Markdown "  \n")
    soft_break_after: bool = False
    #: a blank line (paragraph boundary) precedes this line
    para_start: bool = False
    #: a page break or a removed running header stands right before this line, so a
    #: paragraph may have been cut here
    cut_before: bool = False
    #: in a format without positions, a removed page number or running header stands
    #: right before this line: a new printed page starts here (set by the recognizer)
    page_top: bool = False
    #: a table the format itself marks (hint "table"): cells row by row, logical order
    table: list[list[str]] | None = None
    #: the table's first row is a header row (Word's "repeat as header row")
    table_header: bool = False


@dataclass
class Declared:
    """What a document declares about its article apart from its text (a web page's
    meta tags and JSON-LD, ``read/html_meta``): title, authors, date and site, each with
    the source it came from."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # ISO 8601
    site_name: str | None = None
    site_url: str | None = None  # the site's host, as a page prints it (www.example.org)
    #: field → the source it was taken from (``"og:title"``, ``"JSON-LD datePublished"``)
    evidence: dict[str, str] = field(default_factory=dict)


def taken_from_metadata(what: str, source: str) -> str:
    """The record's warning for a field filled from what the document declares."""
    return f"{what} from the page's metadata ({source}), not its text"


@dataclass
class Layout:
    format: str
    lines: list[Line] = field(default_factory=list)
    pages: int | None = None
    page_height: float | None = None
    page_width: float | None = None
    #: a record embedded by Ganjina's own publisher (PDF attachment); reading prefers it
    embedded_record: dict[str, Any] | None = None
    #: what the reader noticed (e.g. "text layer repaired on 3 lines")
    warnings: list[str] = field(default_factory=list)
    #: the document's own metadata (PDF Info: "title", "author", "subject"), where it has any
    metadata: dict[str, str] = field(default_factory=dict)
    #: what OCR read, where pages were scans (engine, models, pages); None: no OCR
    ocr: OcrInfo | None = None
    #: whether a printed page's number may stand in the text flow, where no position
    #: says where a page ends (a PDF-to-Markdown conversion, text taken from a PDF). Not
    #: in a Word file (Word prints page numbers from its footer parts, which the reader
    #: hints) nor on a web page: there a line of only a number is the author's text
    page_numbers_in_flow: bool = True
    #: the article's title, authors, date and site as the document declares them apart
    #: from its text; the recognizer fills an empty field from it. None: nothing declared
    declared: Declared | None = None
