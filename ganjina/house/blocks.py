"""Body lines → blocks: paragraphs, headings, list items, quotes and captions.

Lines are first grouped into printed paragraphs (a format's own paragraph marks, or for
PDFs a short last line), then each group is typed. The repairs that need neighbours —
joining a paragraph cut by a page break, mending doubled photo credits — live in
``ganjina.house.repair``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ganjina.read.layout import Line
from ganjina.text import stored_form

_MARKER = re.compile(
    r"^\s*((?:[0-9۰-۹٠-٩]{1,3}|[a-zA-Z])[.)\-]|\(?[0-9۰-۹]{1,3}\)|[•◦▪●■▸►–·-])\s+(\S.*)$"
)
_CREDIT = re.compile(
    r"\((?:[^()]*\b)?(?:Photo|Foto|Photograph|Bild|عکس|انځور)\s*[/:][^()]*\)\s*$", re.IGNORECASE
)
_CLOSING = tuple(".!?؟:;…»\"'”’)]»")


@dataclass
class Piece:
    """A printed paragraph on its way to becoming a block."""

    type: str
    lines: list[Line]
    marker: str | None = None

    @property
    def text(self) -> str:
        return join_lines([stored_form(ln.text) for ln in self.lines])

    @property
    def page(self) -> int:
        return self.lines[0].page


def join_lines(parts: list[str]) -> str:
    """Join printed lines into one paragraph text (one space between, none doubled)."""
    return " ".join(p.strip() for p in parts if p.strip())


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_CLOSING)


def _column(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Per page: the left and right edge of the text column."""
    edges: dict[int, tuple[float, float]] = {}
    for ln in lines:
        if ln.bbox is None or ln.hint == "image":
            continue
        lo, hi = edges.get(ln.page, (ln.bbox[0], ln.bbox[2]))
        edges[ln.page] = (min(lo, ln.bbox[0]), max(hi, ln.bbox[2]))
    return edges


def _indented_both(line: Line, edges: tuple[float, float] | None) -> bool:
    if line.bbox is None or edges is None:
        return False
    width = edges[1] - edges[0]
    return line.bbox[0] - edges[0] > 0.06 * width and edges[1] - line.bbox[2] > 0.06 * width


def _is_short_last_line(line: Line, edges: tuple[float, float] | None) -> bool:
    """A line that stops well short of the column's far edge ends its paragraph."""
    if line.bbox is None or edges is None:
        return False
    width = edges[1] - edges[0]
    return line.bbox[2] - line.bbox[0] < 0.8 * width


def group_pieces(lines: list[Line], base_size: float | None) -> list[Piece]:
    """Group body lines into typed printed paragraphs."""
    edges = _column(lines)
    pieces: list[Piece] = []
    after_image = False
    for ln in lines:
        if ln.hint == "image":
            after_image = True
            continue
        text = ln.text
        marker_match = _MARKER.match(text) if ln.hint != "list" else None
        kind = _line_kind(ln, base_size, edges.get(ln.page), after_image, marker_match is not None)
        previous = pieces[-1] if pieces else None
        starts = (
            previous is None
            or ln.para_start
            or kind in ("list_item", "heading")
            or previous.type != kind
            or (previous.type == "paragraph" and _ends_paragraph(previous, edges))
        )
        if kind == "caption" and previous is not None and not ln.para_start:
            # the credit closes a caption that began on an earlier line of the paragraph
            if previous.type in ("caption", "paragraph"):
                previous.type = "caption"
                starts = False
        if starts:
            marker = ln.marker
            if kind == "list_item" and marker is None and marker_match:
                marker = marker_match.group(1)
                ln = Line(**{**ln.__dict__, "text": marker_match.group(2)})
            pieces.append(Piece(kind, [ln], marker))
        else:
            pieces[-1].lines.append(ln)
        after_image = False
    return pieces


def _ends_paragraph(piece: Piece, edges: dict[int, tuple[float, float]]) -> bool:
    last = piece.lines[-1]
    return ends_sentence(last.text) and _is_short_last_line(last, edges.get(last.page))


def _line_kind(
    ln: Line,
    base: float | None,
    edges: tuple[float, float] | None,
    after_image: bool,
    has_marker: bool,
) -> str:
    if ln.hint == "list" or has_marker:
        return "list_item"
    if ln.hint == "quote":
        return "quote"
    if ln.hint == "caption" or _CREDIT.search(ln.text):
        return "caption"
    if ln.hint and ln.hint.startswith("h"):
        return "heading"
    smaller = base is not None and ln.size is not None and ln.size < base - 0.9
    if after_image and (smaller or ln.italic):
        return "caption"
    if ln.bold and not ends_sentence(ln.text) and len(ln.text.split()) <= 16:
        return "heading"
    if _indented_both(ln, edges) and ln.align not in ("center",):
        return "quote"
    return "paragraph"
