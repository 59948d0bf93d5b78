"""Repairs that need a block's neighbours: page-split paragraphs and doubled credits."""

from __future__ import annotations

from ganjina.house.blocks import Piece, ends_sentence
from ganjina.read.bidi import is_arabic_letter


def _continues(first: Piece, second: Piece, indent_style: bool = False) -> bool:
    """Whether ``second`` is the rest of ``first``, cut by a page break or a header.

    ``indent_style``: the document opens its paragraphs with a first-line indent, so a
    piece at the top of a page that starts at the column's edge goes on the paragraph
    before it, even where that one stopped at a sentence's end."""
    if first.type not in ("paragraph", "quote", "list_item") or second.type not in (
        "paragraph",
        first.type,
    ):
        return False
    if second.type == "list_item" and second.marker:
        return False
    a, b = first.text, second.text
    if not a or not b:
        return False
    if ends_sentence(a):
        new_page = second.lines[0].page != first.lines[-1].page
        return indent_style and new_page and second.type == "paragraph" and not _indented(second)

    head = b.lstrip("\"'“‘«(")[:1]
    if not head:
        return False
    if head.isalpha() and not is_arabic_letter(head) and head.islower():
        return True
    # no lower case to go by (an Arabic-script or German capitalised word): the cut must
    # show, as a page break or removed header between the parts, or a last line that runs
    # to the far margin (a justified paragraph's last line stops short)
    last = first.lines[-1]
    return second.lines[0].cut_before or last.align == "justify"


def _indented(piece: Piece) -> bool:
    """Its first line starts inside the column (or nothing says where it starts)."""
    return piece.lead is None or piece.lead >= 2.0


def _indent_style(pieces: list[Piece]) -> bool:
    """Paragraphs here start with a first-line indent: most of those that show (two
    lines or more) do, and at least three."""
    seen = [p.indented for p in pieces if p.type == "paragraph" and p.indented is not None]
    return sum(seen) >= 3 and sum(seen) >= 0.7 * len(seen)


def join_split_paragraphs(pieces: list[Piece]) -> list[Piece]:
    """Join paragraphs cut in two, even across a caption the page break put between them."""
    indent_style = _indent_style(pieces)
    out: list[Piece] = []
    for piece in pieces:
        target = None
        k = len(out) - 1
        while k >= 0 and out[k].type == "caption":
            k -= 1
        if k >= 0 and piece.type != "caption" and _continues(out[k], piece, indent_style):
            target = out[k]
        if target is not None:
            target.lines.extend(piece.lines)
        else:
            out.append(piece)
    return out
