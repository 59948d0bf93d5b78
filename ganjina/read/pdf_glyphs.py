"""A PDF page's glyphs as drawn, grouped into printed lines.

PyMuPDF's text trace (``page.get_texttrace()``) is the page's content stream with nothing
reordered: every glyph with its id, its box and the characters the file maps it to, in
the order the producer drew them. That is the evidence the line builder needs and that
``rawdict`` hides: a ligature glyph's characters stay in the file's own order (MuPDF's
own right-to-left reversal turns ``سی`` into ``یس``), the glyph id tells one contextual
form from another, and invisible text is marked. It is also about three times cheaper
than ``get_text("dict")``.

Glyphs are grouped into printed lines by the vertical band they occupy (a mark drawn a
little higher or a superscript still belongs to its line); lines come out top to bottom.
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from ganjina.read.bidi import bidi_class
from ganjina.read.pdf_slant import slanted_origins

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC_NAME = re.compile(r"italic|oblique|slanted", re.IGNORECASE)
#: a span drawn with text render mode 3 (neither filled nor stroked): an OCR layer
INVISIBLE = 3
_JOINERS = ("\u200c", "\u200d")
#: a glyph narrower than this share of its size may be a tatweel LibreOffice drew to
#: justify a line: its text layer says "!", "-" or nothing, and it is no letter
TATWEEL_WIDTH = 0.21
# how many of the most recent lines a glyph may join: a page's content stream draws a
# line's pieces close together, rarely far apart
_LOOKBACK = 6
#: an empty stretch of a line wider than this many of its font size parts it in two
GAP_EMS = 3.0
#: a drop cap is at least this many times the size of the text beside it
DROP_CAP_SIZE = 2.5
_RTL = ("R", "AL")  # the bidi classes of right-to-left letters


@dataclass(slots=True)
class Glyph:
    """One glyph as drawn: its characters (several for a ligature), box, id and style."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    #: the font's number in the document's :class:`FontTable`
    font: int
    gid: int
    bold: bool
    italic: bool
    invisible: bool = False
    #: the baseline's height on the page
    baseline: float = 0.0

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class GlyphLine:
    """The glyphs of one printed line, in the order the content stream drew them."""

    glyphs: list[Glyph] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    #: the baseline and size of the line's first full-size glyph
    baseline: float = 0.0
    size: float = 0.0
    #: where the line stands in reading order on its page: (top, x) of the line it was cut
    #: from and its place among the parts (None: its own top and left edge)
    place: tuple[float, float, int] | None = None
    #: the order in which the content stream began the line (0 for the first): the
    #: producer's reading order, where the page's geometry leaves it open
    drawn: int = 0

    def take(self, glyph: Glyph) -> None:
        # comparisons rather than min() and max(): this runs once per glyph
        if self.glyphs:
            if glyph.size > self.size * 1.2:
                self.baseline, self.size = glyph.baseline, glyph.size
            if glyph.top < self.top:
                self.top = glyph.top
            if glyph.bottom > self.bottom:
                self.bottom = glyph.bottom
            if glyph.x0 < self.x0:
                self.x0 = glyph.x0
            if glyph.x1 > self.x1:
                self.x1 = glyph.x1
        else:
            self.baseline, self.size = glyph.baseline, glyph.size
            self.top, self.bottom, self.x0, self.x1 = glyph.top, glyph.bottom, glyph.x0, glyph.x1
        self.glyphs.append(glyph)

    def holds(self, glyph: Glyph, top: float, bottom: float) -> bool:
        """Whether a glyph stands on this line: on its baseline, or, for a smaller glyph
        (a superscript) or one with no width (a mark drawn above), within its band.
        Lines set tightly overlap in their bands, so the band alone is not enough."""
        if abs(glyph.baseline - self.baseline) <= 0.3 * max(glyph.size, self.size):
            return True
        if glyph.size < 0.85 * self.size or glyph.x1 - glyph.x0 < 0.01 * glyph.size:
            overlap = min(bottom, self.bottom) - max(top, self.top)
            smaller = min(bottom - top, self.bottom - self.top)
            return smaller > 0 and overlap >= 0.55 * smaller
        return False


@dataclass
class FontTable:
    """The document's fonts, each (name, flags) numbered once for all its pages."""

    names: list[tuple[str, int]] = field(default_factory=list)
    index: dict[tuple[str, int], int] = field(default_factory=dict)
    #: per font number: (bold, italic) as its name and flags say
    styles: list[tuple[bool, bool]] = field(default_factory=list)

    def number(self, key: tuple[str, int]) -> int:
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.names)
            self.names.append(key)
            self.styles.append(_style(*key))
        return found


@dataclass
class PageGlyphs:
    lines: list[GlyphLine]
    #: glyphs that have no text mapping (U+FFFD or nothing)
    unmapped: int = 0
    #: glyphs in invisible text (an OCR layer over a picture)
    invisible: int = 0
    visible: int = 0


def _style(font: str, flags: int) -> tuple[bool, bool]:
    bold = bool(flags & pymupdf.TEXT_FONT_BOLD) or bool(_BOLD_NAME.search(font))
    italic = bool(flags & pymupdf.TEXT_FONT_ITALIC) or bool(_ITALIC_NAME.search(font))
    return bold, italic


class _TextPage:
    """MuPDF's text extraction of a page, made on first use and then shared: ActualText
    and slanted glyphs are both read from it (the character boxes and origins do not
    depend on how unmapped characters are named)."""

    FLAGS = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE

    def __init__(self, page: pymupdf.Page) -> None:
        self._page = page
        self._made: pymupdf.TextPage | None = None

    def get(self) -> pymupdf.TextPage:
        if self._made is None:
            self._made = self._page.get_textpage(flags=self.FLAGS)
        return self._made


def _actual_text(
    page: pymupdf.Page, contents: bytes, textpage: _TextPage
) -> dict[tuple[float, float, float], str]:
    """Characters that the page's ``/ActualText`` spans put in place of glyphs, by box.

    The text trace shows glyphs as the fonts map them; a producer may say better with
    ActualText: LibreOffice draws a ZWNJ as a space glyph and names it so. MuPDF's own
    text extraction applies ActualText; its word is taken for a space glyph that it names
    a joiner or non-joiner, the one case where the glyph cannot speak for itself (an
    ActualText over several glyphs, as LibreOffice writes for Amiri's lam-kaf, cannot
    be told apart glyph by glyph and is left to the glyphs). Only pages whose content
    carries ActualText pay for the second extraction.

    The joiners are found by MuPDF's own search of the extracted text, a quarter of the
    cost of building ``rawdict``; search merges hits that touch on a line, so where it
    finds fewer hits than the text holds joiners, ``rawdict`` says instead.
    """
    if b"/ActualText" not in contents:
        return {}
    text = textpage.get().extractText()
    chars: dict[tuple[float, float, float], str] = {}
    for joiner in _JOINERS:
        expected = text.count(joiner)
        if not expected:
            continue
        hits = textpage.get().search(joiner, quads=True)
        if len(hits) != expected:
            return _actual_text_rawdict(page, textpage.get())
        for quad in hits:
            box = quad.rect
            chars[(round(box.x0, 1), round(box.x1, 1), round(box.y0, 1))] = joiner
    return chars


_Rows = dict[int, list[tuple[float, float, float, str]]]


def _by_row(actual: dict[tuple[float, float, float], str]) -> _Rows:
    """The joiners of :func:`_actual_text` by the whole point of their top."""
    rows: _Rows = {}
    for (x0, x1, top), ch in actual.items():
        rows.setdefault(int(top), []).append((x0, x1, top, ch))
    return rows


def _joiner_over(rows: _Rows, x0: float, x1: float, top: float) -> str:
    """The joiner whose box holds this space glyph's, else a space. A slanted line's
    boxes are the skewed glyph's upright bounds, wider than the trace's box, so the two
    do not meet exactly where the text leans (LibreOffice's italic Arabic)."""
    for row in (int(top) - 1, int(top), int(top) + 1):
        for jx0, jx1, jtop, ch in rows.get(row, ()):
            if abs(jtop - top) <= 1.0 and jx0 - 0.5 <= x0 and x1 <= jx1 + 0.5:
                return ch
    return " "


def _actual_text_rawdict(
    page: pymupdf.Page, textpage: pymupdf.TextPage
) -> dict[tuple[float, float, float], str]:
    """:func:`_actual_text` read off ``rawdict``, char by char."""
    chars: dict[tuple[float, float, float], str] = {}
    for block in page.get_text("rawdict", textpage=textpage)["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for char in span["chars"]:
                    if char["c"] in _JOINERS:
                        x0, y0, x1, _ = char["bbox"]
                        chars[(round(x0, 1), round(x1, 1), round(y0, 1))] = char["c"]
    return chars


def page_glyphs(
    page: pymupdf.Page, fonts: FontTable, trace: list[dict[str, Any]] | None = None
) -> PageGlyphs:
    """The page's glyphs, grouped into printed lines, top to bottom. ``trace``: the
    page's text trace where the caller has read it already (it is read once per page)."""
    lines: list[GlyphLine] = []
    result = PageGlyphs(lines)
    contents = page.read_contents()
    textpage = _TextPage(page)
    actual = _actual_text(page, contents, textpage)
    rows = _by_row(actual)
    slanted = slanted_origins(page, contents, textpage.get)
    any_slanted = bool(slanted)
    unmapped = invisible_count = visible_count = 0
    for span in page.get_texttrace() if trace is None else trace:
        chars = span["chars"]
        if not chars:
            continue
        key = (span["font"], int(span["flags"]))
        index = fonts.number(key)
        bold, italic = fonts.styles[index]
        size = float(span["size"])
        invisible = span["type"] == INVISIBLE
        horizontal = abs(span["dir"][1]) < 0.05
        narrow = TATWEEL_WIDTH * size
        previous: Glyph | None = None
        made = 0
        for code, gid, origin, bbox in chars:
            if gid == -1 and previous is not None:
                # the further characters of a glyph that maps to several (a ligature)
                if code > 0:
                    previous.text += chr(code)
                continue
            ch = chr(code) if code > 0 else "\ufffd"
            x0, top, x1, bottom = bbox
            if actual and ch == " ":
                ch = actual.get((round(x0, 1), round(x1, 1), round(top, 1))) or _joiner_over(
                    rows, x0, x1, top
                )
            if ch == "\ufffd" and x1 - x0 >= narrow:
                unmapped += 1
            slant = italic or (any_slanted and slanted.at(origin))
            baseline = origin[1]
            glyph = Glyph(ch, x0, x1, top, bottom, size, index, gid, bold, slant, invisible,
                          baseline)  # fmt: skip
            previous = glyph
            made += 1
            if horizontal and lines:
                # most glyphs stand on the baseline of the line drawn last: asked first
                # here (``max`` written out), the rest of :meth:`GlyphLine.holds` only
                # where it fails
                last = lines[-1]
                larger = last.size if last.size > size else size
                if abs(baseline - last.baseline) <= 0.3 * larger:
                    last.take(glyph)
                    continue
            _place(lines, glyph, horizontal)
        if invisible:
            invisible_count += made
        else:
            visible_count += made
    result.unmapped, result.invisible, result.visible = unmapped, invisible_count, visible_count
    detach_drop_caps(lines)
    lines[:] = [part for line in lines for part in split_at_gaps(line)]
    lines.sort(key=lambda ln: ln.place or (round(ln.top, 1), ln.x0, 0))
    return result


def detach_drop_caps(lines: list[GlyphLine]) -> None:
    """A drop cap (a paragraph's first letter set two or three lines tall) stands on the
    baseline of the paragraph's last dropped line, so it was grouped with that line
    (``Wvillage with …`` for ``When the well …``). A single letter at least
    ``DROP_CAP_SIZE`` times the size of the rest of its line, at that line's left edge, is
    moved to the start of the line level with its top and right of it: the paragraph's
    first line. Left-to-right lines only (Dari and Pashto typesetting joins the first
    letter to its word and sets no drop caps)."""
    for line in lines:
        glyphs = line.glyphs
        if len(glyphs) < 3:
            continue
        first = max(glyphs, key=lambda g: g.size)  # the cap, where the line has one
        if first.size < DROP_CAP_SIZE * min(g.size for g in glyphs):
            continue  # the common case, told without sorting: no glyph stands out
        rest = [g for g in glyphs if g is not first]
        size = statistics.median(g.size for g in rest)
        letter = first.text.isalpha() and bidi_class(first.text) not in _RTL
        at_edge = first.x0 <= min(g.x0 for g in rest) + 0.5 * size
        if first.size < DROP_CAP_SIZE * size or not letter or not at_edge:
            continue
        target = next(
            (
                other
                for other in lines
                if other is not line
                and abs(other.top - first.top) <= size
                and -0.25 * size <= other.x0 - first.x1 <= size  # right of it, touching
            ),
            None,
        )
        if target is None:
            continue
        line.glyphs = []
        for g in rest:
            line.take(g)
        target.glyphs.insert(0, first)
        target.x0 = min(target.x0, first.x0)


def _letters_of(line: GlyphLine) -> str | None:
    """ "rtl" for a line with right-to-left letters, "ltr" for one with other letters
    only, None for one with no letters (digits, punctuation)."""
    if any(g.text[:1].isalpha() and bidi_class(g.text) in _RTL for g in line.glyphs):
        return "rtl"  # letters: not the Arabic comma, nor Persian digits
    return "ltr" if any(g.text[:1].isalpha() for g in line.glyphs) else None


def split_at_gaps(line: GlyphLine) -> list[GlyphLine]:
    """A printed line cut where an empty stretch wider than ``GAP_EMS`` of its size
    stands: the two cells of a table row (byline | date), text on either side of a tab
    stop (``www.afgazad.com → afgazad@gmail.com``). Each part is a line of its own, its
    glyphs in stream order, so its direction and order are read on their own: read as one
    line, the bidi algorithm would carry a Persian date's digits across into the other
    cell. A justified line's word spaces stay far below the bound."""
    glyphs = line.glyphs
    if len(glyphs) < 2:
        return [line]
    bound = GAP_EMS * line.size
    inked = sum(g.x1 - g.x0 for g in glyphs)
    if line.x1 - line.x0 - inked <= bound:
        return [line]  # not room enough between all the glyphs together for one gap
    by_x = sorted(glyphs, key=lambda g: g.x0)
    cuts: list[float] = []
    reach = by_x[0].x1
    for g in by_x[1:]:
        if g.x0 - reach > bound and g.text.strip():
            cuts.append(g.x0)
        if g.x1 > reach:
            reach = g.x1
    if not cuts:
        return [line]
    parts = [GlyphLine() for _ in range(len(cuts) + 1)]
    for g in glyphs:
        parts[bisect.bisect_right(cuts, g.x0)].take(g)
    parts = [part for part in parts if part.glyphs]
    # each part must show its own direction by letters of the same direction as the
    # others: a year beside a Dari heading, or Latin names after a Dari label
    # (``پایگاه داده  PostgreSQL، MongoDB``), take their direction from the whole line
    scripts = [_letters_of(part) for part in parts]
    if not all(scripts) or len(set(scripts)) > 1:
        return [line]
    if scripts[0] == "rtl":
        parts.reverse()  # a right-to-left line's first cell stands at the right
    for k, part in enumerate(parts):
        part.place = (round(line.top, 1), line.x0, k)
        part.drawn = line.drawn
    return parts


def _place(lines: list[GlyphLine], glyph: Glyph, horizontal: bool) -> None:
    """Put a glyph on the printed line whose band it stands on, or start a new line."""
    top, bottom = glyph.top, glyph.bottom
    if bottom - top <= 0:  # a glyph with no height: on the line of its baseline region
        bottom = top + max(glyph.size * 0.5, 0.5)
    if horizontal:
        # the most recent lines first (``lines[-_LOOKBACK:]`` turned round), unrolled:
        # this runs once per glyph
        k = len(lines) - 1
        stop = max(k - _LOOKBACK, -1)
        while k > stop:
            line = lines[k]
            if line.holds(glyph, top, bottom):
                line.take(glyph)
                return
            k -= 1
    line = GlyphLine(drawn=len(lines))
    line.take(glyph)
    lines.append(line)
