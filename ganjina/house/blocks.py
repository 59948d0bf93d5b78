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
    r"^\s*((?:[0-9۰-۹٠-٩]{1,3}|[a-zA-Z])[.)\-]|[0-9۰-۹٠-٩]{1,3} [-–]|\(?[0-9۰-۹]{1,3}\)"
    r"|[•◦▪●■▸►–·-])\s+(\S.*)$"
)
_CREDIT = re.compile(
    r"\((?:[^()]*\b)?(?:Photo|Foto|Photograph|Bild|عکس|انځور)\s*[/:][^()]*\)\s*$", re.IGNORECASE
)
_CLOSING = tuple(".!?؟:;…»\"'”’“›)]")


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
    """Group body lines into printed paragraphs, then type each one."""
    edges = _column(lines)
    pieces: list[Piece] = []
    after_image: set[int] = set()  # pieces that follow a picture
    image_before = False
    for ln in lines:
        if ln.hint == "image":
            image_before = True
            continue
        marker_match = _MARKER.match(ln.text) if ln.hint != "list" else None
        previous = pieces[-1] if pieces else None
        starts = (
            previous is None
            or ln.para_start
            or image_before
            or marker_match is not None
            or (
                ln.hint != previous.lines[-1].hint
                and not _continues_item(previous, ln, edges.get(ln.page))
            )
            or ln.bold != previous.lines[-1].bold
            or (ln.hint is None and _ends_paragraph(previous, edges))
        ) and not (previous is not None and ln.hint is None and _open_bracket(previous))
        if starts:
            marker = ln.marker
            if marker is None and marker_match is not None:
                marker = marker_match.group(1)
                ln = Line(**{**ln.__dict__, "text": marker_match.group(2), "hint": "list"})
            if image_before:
                after_image.add(len(pieces))
            pieces.append(Piece("paragraph", [ln], marker))
        else:
            previous.lines.append(ln)  # type: ignore[union-attr]
        image_before = False
    for k, piece in enumerate(pieces):
        piece.type = _piece_kind(piece, base_size, edges, k in after_image)
        if piece.type != "list_item":
            piece.marker = None
    return pieces


def _open_bracket(piece: Piece) -> bool:
    """A paragraph with a bracket still open (a photo credit cut by a line end) goes on.
    A credit a converter doubled (``(AP Photo/ (AP Photo/Name)``) is counted mended, and
    a bracket left open for more than a few lines is no cut credit."""
    if len(piece.lines) > 3:
        return False
    text = mend_credit(" ".join(ln.text for ln in piece.lines))
    return text.count("(") > text.count(")")


# "(AP Photo/ (AP Photo/Name)": a conversion repeats the opening of the credit
_DOUBLED_CREDIT = re.compile(r"\(([^()/]{0,80}/)\s*\(\1\s*([^()]{0,200})\)")


def mend_credit(text: str) -> str:
    """``(AP Photo/ (AP Photo/A. Person)`` → ``(AP Photo/A. Person)``.

    >>> mend_credit("A bridge. (Photo/ (Photo/A. Person)")
    'A bridge. (Photo/A. Person)'
    """
    return _DOUBLED_CREDIT.sub(lambda m: f"({m.group(1)}{m.group(2)})", text)


def _continues_item(previous: Piece, ln: Line, edges: tuple[float, float] | None) -> bool:
    """A wrapped line of a list item: no hint, no new paragraph, and (where the format has
    geometry) indented like the item's text rather than starting at the column's edge."""
    if previous.lines[0].hint != "list" or ln.hint is not None or ln.para_start:
        return False
    if ln.bbox is None or edges is None:
        return True
    if ln.rtl:
        return ln.bbox[2] < edges[1] - 4.0
    return ln.bbox[0] > edges[0] + 4.0


def _ends_paragraph(piece: Piece, edges: dict[int, tuple[float, float]]) -> bool:
    last = piece.lines[-1]
    return ends_sentence(last.text) and _is_short_last_line(last, edges.get(last.page))


def _same_left_edge(lines: list[Line]) -> bool:
    """Several lines starting at one indent: an indented block, not centred lines."""
    lefts = [ln.bbox[0] for ln in lines if ln.bbox]
    rights = [ln.bbox[2] for ln in lines if ln.bbox]
    if len(lefts) < 2:
        return False
    return max(lefts) - min(lefts) < 2.0 or (lines[0].rtl and max(rights) - min(rights) < 2.0)


def _piece_kind(
    piece: Piece,
    base: float | None,
    edges: dict[int, tuple[float, float]],
    after_image: bool,
) -> str:
    first = piece.lines[0]
    text = piece.text
    if first.hint == "list" or piece.marker:
        return "list_item"
    if first.hint in ("quote", "caption"):
        return first.hint
    if _CREDIT.search(text):
        return "caption"
    if first.hint and first.hint.startswith("h"):
        return "heading"
    smaller = base is not None and first.size is not None and first.size < base - 0.9
    if after_image and (smaller or first.italic):
        return "caption"
    larger = base is not None and first.size is not None and first.size >= base + 0.9
    question = text.rstrip().endswith(("?", "؟"))
    if (first.bold or larger) and (question or not ends_sentence(text)) and len(text.split()) <= 16:
        return "heading"
    if all(_indented_both(ln, edges.get(ln.page)) for ln in piece.lines) and (
        first.align != "center" or _same_left_edge(piece.lines)
    ):
        return "quote"
    return "paragraph"
