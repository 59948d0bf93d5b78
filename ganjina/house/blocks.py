"""Body lines → blocks: paragraphs, headings, list items, quotes, captions and tables.

Lines are first grouped into printed paragraphs (a format's own paragraph marks, or for
PDFs a short last line), then each group is typed. The repairs that need neighbours —
joining a paragraph cut by a page break, mending doubled photo credits — live in
``ganjina.house.repair``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ganjina.read.layout import Line
from ganjina.record import table_text
from ganjina.text import stored_form

_MARKER = re.compile(
    r"^\s*((?:[0-9۰-۹٠-٩]{1,3}|[a-zA-Z])[.)\-]|[0-9۰-۹٠-٩]{1,3} [-–]|\(?[0-9۰-۹]{1,3}\)"
    # a bullet drawn from a symbol font (Word's Symbol/Wingdings bullets) has a code point
    # in the Private Use Area: alone before the text, it is a list marker
    r"|[•◦▪●■▸►–·\-\ue000-\uf8ff])\s+(\S.*)$"
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
    #: its first line is indented against the lines after it (a first-line indent);
    #: None where geometry cannot say (one line, or no positions)
    indented: bool | None = None
    #: how far its first line starts inside the column (points); None: no geometry
    lead: float | None = None
    #: room left after its last line, on the side its text runs to (points); None: no
    #: geometry. With ``opening`` it says whether that line was wrapped (the paragraph goes on)
    room: float | None = None
    #: the least width its first word (and a space) needs on a line; None: no geometry
    opening: float | None = None
    #: a picture stands right before it
    after_picture: bool = False
    #: the text of its first lines as last made: (how many, the last of them, the text).
    #: Paragraphs cut in two are joined one part at a time, each join asking for the text
    #: so far; made afresh each time, 30,000 one-word paragraphs took minutes (quadratic)
    _joined: tuple[int, Line, str] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self.rows is not None:
            return table_text(self.rows)
        lines, made = self.lines, self._joined
        if made is not None and made[0] <= len(lines) and lines[made[0] - 1] is made[1]:
            if made[0] == len(lines):
                return made[2]
            text = join_lines([made[2], *(stored_form(ln.text) for ln in lines[made[0] :])])
        else:
            text = join_lines([stored_form(ln.text) for ln in lines])
        self._joined = (len(lines), lines[-1], text) if lines else None
        return text

    @property
    def rows(self) -> list[list[str]] | None:
        """A table's cells in their stored form; ``None`` for every other piece."""
        table = self.lines[0].table
        if table is None:
            return None
        return [[stored_form(cell).strip() for cell in row] for row in table]

    @property
    def page(self) -> int:
        return self.lines[0].page


def join_lines(parts: list[str]) -> str:
    """Join printed lines into one paragraph text (one space between, none doubled).

    A line that ends in a hyphen right after a letter, before a line that starts with a
    letter, broke a hyphenated word (``twenty-`` / ``five``): the hyphen stays, the space
    does not come. (A soft hyphen would be U+00AD; this one is the author's.) Nor after
    a line that ends with an opening bracket (a right-to-left line may end with the
    bracket of a Latin credit: ``… (`` / ``AP Photo/…)``): no one writes ``( AP``."""
    out: list[str] = []
    tail = ""  # the last two characters joined so far: all the rules look at
    for part in parts:
        text = part.strip()
        if not text:
            continue
        hyphenated = tail[-1:] in _HYPHENS and tail[-2:-1].isalpha() and text[0].isalpha()
        if out and not (hyphenated or tail[-1] in _OPENING):
            out.append(" ")
        out.append(text)
        tail = (tail + text)[-2:]
    return "".join(out)


_HYPHENS = "-‐"
_OPENING = "([{«"


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_CLOSING)


def _column(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Per page: the left and right edge of the text column.

    A list's markers may hang outside the column on the side lines start from (Word's
    numbering sets a right-to-left item's number past the margin), so a line that opens
    with a marker says where the column ends only on the side its text runs to, unless
    the page has no other lines."""
    lows: dict[int, list[float]] = {}
    highs: dict[int, list[float]] = {}
    hanging: dict[int, list[tuple[float, float]]] = {}
    for ln in lines:
        if ln.bbox is None or ln.hint == "image":
            continue
        if ln.hint == "list" or _MARKER.match(ln.text):
            hanging.setdefault(ln.page, []).append((ln.bbox[0], ln.bbox[2]))
            (lows if ln.rtl else highs).setdefault(ln.page, []).append(
                ln.bbox[0] if ln.rtl else ln.bbox[2]
            )
            continue
        lows.setdefault(ln.page, []).append(ln.bbox[0])
        highs.setdefault(ln.page, []).append(ln.bbox[2])
    edges: dict[int, tuple[float, float]] = {}
    for page in {*lows, *highs}:
        if page in lows and page in highs:
            edges[page] = (min(lows[page]), max(highs[page]))
    for page, spans in hanging.items():
        if page not in edges:  # nothing but list items: their whole lines
            edges[page] = (min(a for a, _ in spans), max(b for _, b in spans))
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


def _offset(line: Line, edges: tuple[float, float] | None) -> float | None:
    """How far a line starts inside the column, on the side its text starts from."""
    if line.bbox is None or edges is None:
        return None
    return edges[1] - line.bbox[2] if line.rtl else line.bbox[0] - edges[0]


def _indent_over(line: Line, after: Line, edges: tuple[float, float] | None) -> bool | None:
    """Whether ``line`` starts indented while ``after`` starts at the column's edge: the
    mark of a paragraph's first line where paragraphs have a first-line indent."""
    first, rest = _offset(line, edges), _offset(after, edges)
    if first is None or rest is None or edges is None or line.page != after.page:
        return None
    width = edges[1] - edges[0]
    size = line.size or 11.0
    return rest < 2.0 and max(0.4 * size, 0.012 * width) < first < 0.2 * width


def _ended_short(prev: Line, ln: Line, edges: tuple[float, float] | None) -> bool:
    """``prev`` stopped although the first word of ``ln`` had room after it: a line is
    wrapped only when the next word does not fit, so this one ended its paragraph (or a
    list item). The word's width is estimated from ``ln``'s own letters."""
    if ln.hint is not None or prev.hint not in (None, "list") or edges is None:
        return False
    if prev.bbox is None or ln.bbox is None or prev.page != ln.page or prev.rtl != ln.rtl:
        return False
    if _indented_both(prev, edges) or _indented_both(ln, edges):
        return False  # a block set in from both margins has margins of its own
    room, needed = room_after(prev, edges), first_word_width(ln)
    return room is not None and needed is not None and room > needed


def _wrapped_into(prev: Line, ln: Line, edges: dict[int, tuple[float, float]]) -> bool:
    """``prev`` stopped mid-sentence with no room left for ``ln``'s first word, in the same
    type: the line was wrapped, so what ``ln`` starts with (a day's number, ``18.``) goes
    on the sentence and is no list marker."""
    if ln.hint is not None or prev.hint not in (None, "list") or prev.page != ln.page:
        return False
    if prev.rtl != ln.rtl or ends_sentence(prev.text):
        return False
    same_look = same_type(prev, ln)
    room, needed = room_after(prev, edges.get(ln.page)), first_word_width(ln, least=True)
    return same_look and room is not None and needed is not None and room < needed


def same_type(a: Line, b: Line) -> bool:
    """Set in the same type: weight, slant and size (to half a point)."""
    return (
        a.bold == b.bold and a.italic == b.italic and abs((a.size or 0.0) - (b.size or 0.0)) < 0.5
    )


_SET_AWAY = 0.2  # share of the measure a line stands off its start edge when set apart


def room_after(line: Line, edges: tuple[float, float] | None) -> float | None:
    """The room left on ``line`` after its text, towards the column's far edge; all the
    room it leaves where it is set centred or against the far edge, clearly away from
    the edge its text starts from (a verse flush left on a right-to-left page): a wrapped
    line of such a paragraph fills the measure too. (A line a little in from both edges
    is no such line: an indented line may be judged flush with either.)"""
    if line.bbox is None or edges is None:
        return None
    far = line.bbox[0] - edges[0] if line.rtl else edges[1] - line.bbox[2]
    if line.align == "center" or line.align == ("left" if line.rtl else "right"):
        start = edges[1] - line.bbox[2] if line.rtl else line.bbox[0] - edges[0]
        if start >= _SET_AWAY * (edges[1] - edges[0]):
            return far + start
    return far


def first_word_width(line: Line, least: bool = False) -> float | None:
    """The width the first word of ``line`` (and a space) would need at the end of the line
    before, estimated from the line's own letters: at most (with a margin for wide letters),
    or with ``least`` at least (narrow letters), so that either answer is sure."""
    words = line.text.split()
    if line.bbox is None or not words:
        return None
    per_char = (line.bbox[2] - line.bbox[0]) / max(len(line.text.strip()), 1)
    if least:
        return 0.75 * (len(words[0]) + 1) * per_char
    return 1.3 * (len(words[0]) + 1) * per_char + 0.5 * (line.size or 11.0)


def _first_line_indent(
    ln: Line, nxt: Line | None, previous: Piece | None, edges: tuple[float, float] | None
) -> bool:
    """A plain line that opens a paragraph by its indent alone: wide, indented against
    the next line, and not the wrapped end of a list item (those hang indented too)."""
    if previous is None or nxt is None or ln.hint is not None or nxt.hint is not None:
        return False
    if ln.bbox is None or edges is None:
        return False
    wide = ln.bbox[2] - ln.bbox[0] > 0.7 * (edges[1] - edges[0])
    here, above = _offset(ln, edges), _offset(previous.lines[-1], edges)
    if previous.lines[0].hint == "list" or previous.marker:
        # an item's wrapped lines hang under its text, or go back to the column's edge
        # (a typed marker in a paragraph with a first-line indent), or stay under the
        # marker when the item is set in as a whole; the last kind is told apart by the
        # line after, which such an item's lines never leave for the column's edge, and
        # by the line above, which ended a sentence (an item set in wraps mid-sentence)
        return (
            wide
            and ends_sentence(previous.lines[-1].text)
            and _starts_under_marker(ln, previous, edges)
            and bool(_indent_over(ln, nxt, edges))
        )
    # the line above sits elsewhere: not one more line of a block indented as a whole
    apart = here is not None and above is not None and abs(here - above) > 2.0
    return wide and apart and bool(_indent_over(ln, nxt, edges))


def _starts_under_marker(ln: Line, item: Piece, edges: tuple[float, float]) -> bool:
    """``ln`` starts where the list item's marker starts, on the same page."""
    first = item.lines[0]
    here, marker = _offset(ln, edges), _offset(first, edges)
    if here is None or marker is None or first.page != ln.page:
        return False
    return abs(here - marker) <= 2.0


def group_pieces(lines: list[Line], base_size: float | None) -> list[Piece]:
    """Group body lines into printed paragraphs, then type each one."""
    edges = _column(lines)
    pieces: list[Piece] = []
    after_image: set[int] = set()  # pieces that follow a picture
    image_before = False
    for k, ln in enumerate(lines):
        if ln.hint == "image":
            image_before = True
            continue
        previous = pieces[-1] if pieces else None
        marker_match = _MARKER.match(ln.text) if ln.hint != "list" else None
        if marker_match and previous and _wrapped_into(previous.lines[-1], ln, edges):
            marker_match = None  # a number the line above wrapped onto this one (``18.``)
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
            or _ended_short(previous.lines[-1], ln, edges.get(ln.page))
            or _first_line_indent(
                ln, lines[k + 1] if k + 1 < len(lines) else None, previous, edges.get(ln.page)
            )
        ) and not (previous is not None and ln.hint is None and _open_bracket(previous))
        if previous is not None and _continues_table(previous.lines[0], ln):
            previous.lines[0] = _joined_table(previous.lines[0], ln)
            image_before = False
            continue
        # a table is a block of its own: nothing joins it, it joins nothing
        starts = starts or ln.table is not None or previous.lines[0].table is not None  # type: ignore[union-attr]
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
    italic_body = _mostly_italic(lines)
    for k, piece in enumerate(pieces):
        between = 0 < k < len(pieces) - 1 and not italic_body
        piece.after_picture = k in after_image
        piece.type = _piece_kind(piece, base_size, edges, piece.after_picture, between)
        if piece.type != "list_item":
            piece.marker = None
        piece.lead = _offset(piece.lines[0], edges.get(piece.page))
        piece.room = room_after(piece.lines[-1], edges.get(piece.lines[-1].page))
        piece.opening = first_word_width(piece.lines[0], least=True)
        if len(piece.lines) >= 2:
            piece.indented = _indent_over(piece.lines[0], piece.lines[1], edges.get(piece.page))
    return pieces


def _mostly_italic(lines: list[Line]) -> bool:
    """A body set in italic throughout: slant then sets nothing apart."""
    plain = [ln for ln in lines if ln.hint is None and ln.text.strip()]
    return sum(ln.italic for ln in plain) > 0.5 * len(plain)


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


def _continues_table(table: Line, ln: Line) -> bool:
    """Whether a table at the top of a page goes on with the table that ended the page
    before: the same columns (as many cells in its widest row, the same left and right
    edges), nothing but furniture between them."""
    if table.table is None or ln.table is None or ln.page != table.page + 1:
        return False
    if table.bbox is None or ln.bbox is None:
        return False
    same_edges = abs(table.bbox[0] - ln.bbox[0]) <= 3 and abs(table.bbox[2] - ln.bbox[2]) <= 3
    return same_edges and max(map(len, table.table)) == max(map(len, ln.table))


def _joined_table(table: Line, ln: Line) -> Line:
    """The two parts as one table. A first row the second page repeats is the table's
    header row (what Word's "repeat as header row" prints), kept once."""
    assert table.table is not None and ln.table is not None
    repeated = ln.table[0] == table.table[0]
    joined = table.table + (ln.table[1:] if repeated else ln.table)
    header = table.table_header or repeated
    return Line(
        **{**table.__dict__, "table": joined, "text": table_text(joined), "table_header": header}
    )


def _piece_kind(
    piece: Piece,
    base: float | None,
    edges: dict[int, tuple[float, float]],
    after_image: bool,
    between: bool = False,
) -> str:
    """What a printed paragraph is. ``between``: it stands between other pieces of a
    body set in roman, so a paragraph wholly in italic there is set apart: a quotation
    (the attribution at the end and a caption under a photo are told apart elsewhere)."""
    first = piece.lines[0]
    if first.table is not None:
        return "table"
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
    words = len(text.split())
    set_in = all(_indented_both(ln, edges.get(ln.page)) for ln in piece.lines)
    if set_in and (first.align != "center" or _same_left_edge(piece.lines)):
        return "quote"
    # one line set in from both margins looks centred where the far side is ragged (a
    # right-to-left quote); a whole sentence there, between paragraphs, is a quotation,
    # not a heading (those are bold or larger) nor a verse (no full stop)
    if set_in and between and len(piece.lines) == 1 and words >= 6 and ends_sentence(text):
        return "quote"
    if between and all(ln.italic for ln in piece.lines) and words >= 6 and ends_sentence(text):
        return "quote"
    return "paragraph"
