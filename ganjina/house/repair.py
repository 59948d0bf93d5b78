"""Repairs that need a block's neighbours: page-split paragraphs and doubled credits."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field

from ganjina.house.blocks import Piece, ends_sentence, same_type
from ganjina.read.bidi import is_arabic_letter


@dataclass(frozen=True)
class _Pages:
    """What the document's pages say about how a page ended."""

    #: the document opens its paragraphs with a first-line indent
    indent_style: bool = False
    #: where the text of a full page ends (the lowest last line of the pages before the
    #: last); None without geometry
    bottom: float | None = None
    #: the usual distance from one line of a paragraph to the next; None without geometry
    pitch: float | None = None
    #: the usual space between paragraphs beyond the line pitch (0 where paragraphs are
    #: set apart by an indent only)
    gap: float = 0.0
    #: ``bottom`` was seen on a full page (not estimated from the page's height): only
    #: then is it close enough to count single lines of room
    seen: bool = False
    #: without geometry: the body text (characters) of each printed page whose ends the
    #: removed page furniture shows, in order; empty where nothing shows them
    text_pages: tuple[int, ...] = ()
    #: the printed page (index into ``text_pages``) of each line, by ``id``
    text_page_of: dict[int, int] = field(default_factory=dict)
    #: the printed pages that hold a picture (a caption, or a piece after an image)
    pictured: frozenset[int] = frozenset()


def _continues(
    first: Piece, second: Piece, pages: _Pages | None = None, adjacent: bool = True
) -> bool:
    """Whether ``second`` is the rest of ``first``, cut by a page break or a header.

    Where ``first`` stopped at a sentence's end, only the pages can say so (``pages``):
    the document indents its paragraphs' first lines and ``second`` starts at the column's
    edge; or ``first``'s last line had no room left for the next word, so it was wrapped;
    or the page ended early, with more room left than widow and orphan control leave, and
    the text goes on in the same type at the top of the next page (a manual page break
    in a paragraph, which LibreOffice also sets as two paragraphs) — unless a caption
    stands between them (``adjacent`` False): a picture that did not fit ended the page."""
    pages = pages or _Pages()
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
        top = second.lines[0]
        new_page = top.page != first.lines[-1].page or top.page_top
        if not new_page or second.type != "paragraph":
            return False
        return (
            (pages.indent_style and not _indented(second))
            or (_wrapped(first, second) and not _line_left_unused(first, second, pages))
            or (adjacent and _after_early_page_end(first, second, pages))
            or (adjacent and _after_short_text_page(first, second, pages))
        )

    head = b.lstrip("\"'“‘«(")[:1]
    if not head:
        return False
    if head.isalpha() and not is_arabic_letter(head) and head.islower():
        return True
    # no lower case to go by (an Arabic-script or German capitalised word): the cut must
    # show, as a page break or removed header between the parts, or a last line that runs
    # to the far margin (a justified paragraph's last line stops short). Only a printed
    # line shows that: a Word paragraph's alignment is its style's, and a verse or a line
    # of names set in a justified style ends without a stop as well
    last = first.lines[-1]
    return second.lines[0].cut_before or (last.align == "justify" and last.bbox is not None)


def _wrapped(first: Piece, second: Piece) -> bool:
    """``first``'s last line left no room for ``second``'s first word: the line was
    wrapped, so the paragraph went on (a paragraph's own last line stops short)."""
    return first.room is not None and second.opening is not None and first.room < second.opening


def _line_left_unused(first: Piece, second: Piece, pages: _Pages) -> bool:
    """The page under ``first`` had room for one more line, and ``second`` runs three lines
    or more at the next page's top: a paragraph that went on would have set its next line
    in that room (widow control moves a line only to leave two on the next page), so the
    page ended at ``first``'s end, however little room its last line left (a ragged line's
    room says nothing sure about a word as wide as the next one)."""
    last, top = first.lines[-1], second.lines[0]
    if pages.bottom is None or pages.pitch is None or last.bbox is None or not pages.seen:
        return False
    if sum(ln.page == top.page for ln in second.lines) < 3:
        return False
    return pages.bottom - last.bbox[3] >= 0.9 * pages.pitch


# Word's widow and orphan control moves at most two lines to the next page, so a page
# that a paragraph filled ends within about two lines of the bottom; more room than this
# (in line pitches) says the page was ended by hand
_EARLY_END = 3.0


def _after_early_page_end(first: Piece, second: Piece, pages: _Pages) -> bool:
    last, top = first.lines[-1], second.lines[0]
    if pages.bottom is None or pages.pitch is None or last.bbox is None or top.bbox is None:
        return False
    if first.type != "paragraph" or second.after_picture or top.page != last.page + 1:
        return False  # a picture that did not fit also ends a page early
    same_look = same_type(top, last)
    return same_look and pages.bottom - last.bbox[3] > _room_a_page_may_leave(second, pages)


# Without positions, how full a page was shows only in its text. Measured on Word-made
# files converted to Markdown (docs/variations.md): a page that ended by itself holds at
# least 0.51 of the text of the fullest other page (before the last), a page ended by hand
# in a paragraph 0.09-0.49 where it was the shorter. A picture takes up to about two
# fifths of a page, so a page with one must hold under 0.3 before it counts as short.
_SHORT_PAGE = 0.5
_SHORT_PAGE_WITH_PICTURE = 0.3


def _after_short_text_page(first: Piece, second: Piece, pages: _Pages) -> bool:
    """In a format without positions, ``first`` closes a page that holds much less text
    than the document's full pages, and ``second`` goes on in the same type at the top of
    the next one: the page was ended by hand in the paragraph (as ``_after_early_page_end``
    reads it from positions)."""
    last, top = first.lines[-1], second.lines[0]
    if not pages.text_pages or last.bbox is not None or not top.page_top:
        return False
    if first.type != "paragraph" or second.after_picture or not same_type(top, last):
        return False
    at = pages.text_page_of.get(id(last))
    if at is None or at >= len(pages.text_pages) - 1:
        return False
    # the last page is no full page, and the page itself is not its own measure
    others = [n for k, n in enumerate(pages.text_pages[:-1]) if k != at]
    if not others or max(others) == 0:
        return False
    share = _SHORT_PAGE_WITH_PICTURE if at in pages.pictured else _SHORT_PAGE
    return pages.text_pages[at] < share * max(others)


#: the pieces whose text fills a page (a caption or a heading's line counts little)
_FILLING = ("paragraph", "quote", "list_item", "heading")


def _text_pages(pieces: list[Piece]) -> tuple[tuple[int, ...], dict[int, int], frozenset[int]]:
    """Without geometry: the characters of body text on each printed page whose top the
    removed page furniture marks (``Line.page_top``), each line's page, and the pages
    with a picture. Nothing where no line has such a mark, or any line has a position."""
    if not any(ln.page_top for piece in pieces for ln in piece.lines) or any(
        ln.bbox is not None for piece in pieces for ln in piece.lines
    ):
        return (), {}, frozenset()
    chars = [0]
    of: dict[int, int] = {}
    pictured: set[int] = set()
    for piece in pieces:
        for ln in piece.lines:
            if ln.page_top:
                chars.append(0)
            if piece.type in _FILLING:
                chars[-1] += len(ln.text)
            of[id(ln)] = len(chars) - 1
        if piece.type == "caption" or piece.after_picture:
            pictured.add(len(chars) - 1)
    return tuple(chars), of, frozenset(pictured)


def _room_a_page_may_leave(second: Piece, pages: _Pages) -> float:
    """The most room a page that ended by itself leaves above ``second`` (the next page's
    first paragraph): a new paragraph starts at the page's foot where two of its lines
    fit (and the space between paragraphs), orphan control asks no more, unless it has
    three lines, which widow control keeps together; the rest of a paragraph needs one
    line. More room than this, and the page was ended by hand. (A paragraph of one or
    two lines counts as two: it may be longer than its piece shows.)"""
    pitch = pages.pitch or 0.0
    if not pages.seen:  # an estimated foot: the general bound
        return _EARLY_END * pitch
    lines = sum(ln.page == second.lines[0].page for ln in second.lines)
    return min(_EARLY_END * pitch, pages.gap + (3.0 if lines == 3 else 2.0) * pitch)


def _pages(pieces: list[Piece], page_height: float | None = None) -> _Pages:
    pitches: list[float] = []
    steps: list[float] = []  # from a paragraph's last line to the next one's first
    last_on: dict[int, float] = {}
    first_on: dict[int, float] = {}
    for above_piece, below_piece in itertools.pairwise(pieces):
        a, b = above_piece.lines[-1], below_piece.lines[0]
        kinds = {above_piece.type, below_piece.type} == {"paragraph"}
        if kinds and a.bbox and b.bbox and a.page == b.page:
            steps.append(b.bbox[1] - a.bbox[1])
    for piece in pieces:
        for above, below in zip(piece.lines, piece.lines[1:], strict=False):
            if above.bbox and below.bbox and above.page == below.page:
                pitches.append(below.bbox[1] - above.bbox[1])
        for ln in piece.lines:
            if ln.bbox is not None:
                last_on[ln.page] = ln.bbox[3]
                first_on.setdefault(ln.page, ln.bbox[1])
    full = [last_on[p] for p in sorted(last_on)[:-1]]
    seen = len(full) >= 2
    if len(full) == 1 and page_height:
        # one page before the last: it cannot show alone where its text would end, so
        # take the page's height less the top margin the later pages' body shows (no
        # more than Word's bottom margin, which is as large or larger)
        later = [top for page, top in first_on.items() if page > min(first_on)]
        if later:
            full.append(page_height - min(later))
    pitch = statistics.median(pitches) if pitches else None
    text_pages, text_page_of, pictured = _text_pages(pieces)
    return _Pages(
        text_pages=text_pages,
        text_page_of=text_page_of,
        pictured=pictured,
        indent_style=_indent_style(pieces),
        bottom=max(full) if full else None,
        pitch=pitch,
        gap=max(0.0, statistics.median(steps) - pitch) if steps and pitch else 0.0,
        seen=seen,
    )


def _indented(piece: Piece) -> bool:
    """Its first line starts inside the column (or nothing says where it starts)."""
    return piece.lead is None or piece.lead >= 2.0


def _indent_style(pieces: list[Piece]) -> bool:
    """Paragraphs here start with a first-line indent: most of those that show (two
    lines or more) do, and at least three."""
    seen = [p.indented for p in pieces if p.type == "paragraph" and p.indented is not None]
    return sum(seen) >= 3 and sum(seen) >= 0.7 * len(seen)


def join_split_paragraphs(pieces: list[Piece], page_height: float | None = None) -> list[Piece]:
    """Join paragraphs cut in two, even across a caption the page break put between them."""
    pages = _pages(pieces, page_height)
    out: list[Piece] = []
    for piece in pieces:
        target = None
        k = len(out) - 1
        while k >= 0 and out[k].type == "caption":
            k -= 1
        adjacent = k == len(out) - 1
        if k >= 0 and piece.type != "caption" and _continues(out[k], piece, pages, adjacent):
            target = out[k]
        if target is not None:
            target.lines.extend(piece.lines)
        else:
            out.append(piece)
    return out
