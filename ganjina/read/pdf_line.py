"""One printed line of a PDF → its text in logical order, from the evidence on the page.

The glyphs of a line come in the order the content stream drew them, each with its box.
Which order is that? Word, LibreOffice, XeLaTeX and Typst draw left to right (visual
order); some producers draw a right-to-left run right to left; a few draw in logical
order. The line builder does not assume: it tries, in turn,

1. the stream order as the visual order (the glyph boxes run left to right),
2. the stream order turned round (they run right to left),
3. the stream order as the logical order (the bidi algorithm's display order of it runs
   left to right),
4. the glyphs sorted by position,

and takes the first that the boxes confirm. A line whose order was already right is
never rebuilt from positions, so glyphs that overlap (a monospaced space under a letter)
cannot scramble it. The logical order is then the bidi algorithm run backwards
(``ganjina.read.bidi``) over the line's base direction, which comes from its scripts and,
where both are present, from where the line stands: a line that starts at the left margin
and stops short of the right one is a left-to-right paragraph's.

Spaces come from the page too: a space glyph that the next glyph overlaps took no room
(XeLaTeX draws a ZWNJ so): between two Arabic-script letters it is a ZWNJ, elsewhere
nothing; a gap wider than a sixth of the font size with no space glyph in it (TeX draws
no spaces) is a space.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from ganjina.read.bidi import (
    NARROW_UNMAPPED,
    ZWNJ,
    bidi_class,
    is_suspect,
    levels_of,
    logical_orders,
    suspect,
    unsuspect,
    visual_order,
)
from ganjina.read.joining import is_joining_letter, presentation_form
from ganjina.read.pdf_glyphs import TATWEEL_WIDTH, Glyph, GlyphLine
from ganjina.read.pdf_mapping import SOLIDUS_OVERLAYS

# a glyph narrower than this share of its font size carries no width of its own (a
# narrow glyph is not enough: Amiri draws a stacked khah 0.05 em wide)
_ZERO_WIDTH = 0.01
# the advance, as a share of the size, of a glyph that stands beside its neighbours
# (a slash's is a quarter): no combining mark takes that much room
_OWN_ROOM = 0.15
# stream order is taken as confirmed while centres step back by no more than this share
# of the font size (kerning and overlapping boxes)
_STEP_BACK = 0.3
# a gap wider than this share of the font size, with no space glyph, is a space
_SPACE_GAP = 0.16


@dataclass(slots=True)
class Unit:
    """A piece of the line that moves as one: a glyph with its marks, or a space."""

    text: str
    x0: float
    x1: float
    size: float
    font: int = -1
    gid: int = -1
    space: bool = False
    #: embedding level in the line (odd: right to left), set once the order is known
    level: int = 0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class BuiltLine:
    """A printed line read: the units it is made of, in logical order.

    Its text is made by ``ganjina.read.pdf_evidence`` once the whole document has been
    seen: whether brackets need mirroring and where a ZWNJ stood are decided from all
    lines together.
    """

    units: list[Unit]
    rtl: bool
    #: which order the evidence confirmed: visual, reversed, logical or positions
    order: str
    bbox: tuple[float, float, float, float]
    size: float
    bold: bool
    italic: bool
    invisible: bool
    notes: list[str] = field(default_factory=list)
    #: only the neighbouring lines can tell the direction (:func:`direction_open`)
    open_direction: bool = False
    #: the units at a right-to-left level that hold a bracket, once ``pdf_evidence``
    #: has looked (it asks twice: to vote on mirroring, then to mirror)
    odd_brackets: list[int] | None = None


def _clean(glyph: Glyph) -> str:
    """A glyph's text without the control characters word processors leave in."""
    text = glyph.text
    if len(text) != 1 or text < " " or "\x7f" <= text <= "\x9f":  # one letter: as it is
        out = []
        for ch in text:
            if ch == "\t":
                out.append(" ")
            elif ch < " " or "\x7f" <= ch <= "\x9f":
                continue
            else:
                out.append(ch)
        text = "".join(out)
    if text in SOLIDUS_OVERLAYS and glyph.x1 - glyph.x0 > _OWN_ROOM * glyph.size:
        return "/"  # an overlay with an advance of its own: a font's slash named so
    narrow = len(text) == 1 and 0 < glyph.x1 - glyph.x0 < TATWEEL_WIDTH * glyph.size
    if narrow and (" " < text < "\u0300" or text == "\ufffd"):
        text = suspect(text)  # drawn as narrow as a tatweel: maybe kashida noise
    elif narrow and "\u2010" <= text <= "\u2027":
        # a quote, dash or ellipsis no font draws that narrow: a kashida the text layer
        # names wrongly (Amiri's, justified: ``ل‘ګښت``, ``ټول…ګي``), text of no letter
        text = NARROW_UNMAPPED
    return text


@functools.lru_cache(maxsize=8192)
def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.category(ch) == "Mn" for ch in text)


def _units(glyphs: list[Glyph]) -> list[Unit]:
    """Glyphs → units. A combining mark, or a glyph with no width of its own (Word draws
    a ligature's second letter so), joins the glyph it is drawn on: the one whose box
    holds it, else the nearer of its neighbours in the stream."""
    units: list[Unit] = []
    pending: list[tuple[Glyph, str]] = []
    previous: Unit | None = None
    for glyph in glyphs:
        text = _clean(glyph)
        if not text:
            continue
        blank = text.isspace()  # not text.strip(), with no copy made (text is not empty)
        zero = glyph.x1 - glyph.x0 < _ZERO_WIDTH * glyph.size
        if blank and zero:
            continue  # a space that takes no room is no space
        if not blank and text != ZWNJ and (zero or _is_mark(text)):
            pending.append((glyph, text))
            continue
        unit = Unit(text, glyph.x0, glyph.x1, glyph.size, glyph.font, glyph.gid, blank)
        if blank or text == ZWNJ:
            # a word boundary: what is drawn after it belongs to the next word
            previous = None
        else:
            if pending:
                for zero_glyph, ztext in pending:
                    _attach(units, zero_glyph, ztext, (previous, unit))
                pending = []
            previous = unit
        units.append(unit)
    for zero_glyph, ztext in pending:
        _attach(units, zero_glyph, ztext, (previous, None))
    return units


def _attach(units: list[Unit], glyph: Glyph, text: str, hosts: tuple[Unit | None, ...]) -> None:
    """Give a mark (or width-less glyph) to the host it is drawn on, or let it stand."""
    centre = glyph.centre
    candidates = [h for h in hosts if h is not None]
    inside = [h for h in candidates if h.x0 - 0.5 <= centre <= h.x1 + 0.5]
    if len(inside) == 2 and bidi_class(text[:1]) in ("R", "AL"):
        # drawn on the edge between two glyphs (LibreOffice draws a lam-alef's alef at
        # the lam's origin): a right-to-left letter goes on the glyph it follows in
        # reading order, the one whose right-to-left start (its left edge in a visual
        # stream, its origin) it stands on
        inside.sort(key=lambda h: abs(h.x0 - centre))
    if not inside and _is_mark(text):
        near = [h for h in candidates if _distance(h, centre) < glyph.size]
        inside = sorted(near, key=lambda h: _distance(h, centre))[:1]
    if inside:
        inside[0].text += text
    else:
        units.append(Unit(text, glyph.x0, glyph.x1, glyph.size, glyph.font, glyph.gid))


def _distance(unit: Unit, x: float) -> float:
    return max(unit.x0 - x, 0.0, x - unit.x1)


def _steps_back(previous: Unit, unit: Unit) -> bool:
    """Whether ``unit`` stands left of ``previous`` by more than overlapping boxes explain:
    a share of the size, and never more than half of the narrower glyph (a reversed word
    of narrow letters steps back little each time)."""
    narrower = min(previous.x1 - previous.x0, unit.x1 - unit.x0)
    allowed = min(_STEP_BACK * max(unit.size, previous.size), max(0.5 * narrower, 0.3))
    return unit.centre < previous.centre - allowed


def _runs_left_to_right(units: list[Unit]) -> bool:
    """Whether no unit steps back (:func:`_steps_back`, written out here: this asks it of
    every glyph of every line)."""
    previous: Unit | None = None
    for unit in units:
        if unit.space:
            continue
        if previous is not None:
            narrower = min(previous.x1 - previous.x0, unit.x1 - unit.x0)
            allowed = min(_STEP_BACK * max(unit.size, previous.size), max(0.5 * narrower, 0.3))
            if (unit.x0 + unit.x1) / 2 < (previous.x0 + previous.x1) / 2 - allowed:
                return False
        previous = unit
    return True


def _strong_counts(units: list[Unit]) -> tuple[int, int]:
    """The line's letters of each direction. A private-use character (a symbol font's
    bullet, U+F0B7) counts as neither: Unicode gives it L, but it has no direction."""
    rtl = ltr = 0
    for unit in units:
        cls = bidi_class(unit.text)
        if cls in ("R", "AL"):
            rtl += 1
        # (below U+E300 stand the narrow glyphs' stand-ins: they move as what they stand for)
        elif cls == "L" and not "\ue300" <= unit.text[:1] <= "\uf8ff":
            ltr += 1
    return rtl, ltr


def _anchored(line: GlyphLine, column: tuple[float, float] | None) -> str | None:
    """ "left" for a line that starts at the left margin and stops short of the right one,
    "right" for the mirror case, None for a full, centred or free-standing line."""
    if column is None:
        return None
    left, right = column
    width = max(right - left, 1.0)
    at_left = line.x0 - left < 0.03 * width
    at_right = right - line.x1 < 0.03 * width
    if at_left != at_right:
        return "left" if at_left else "right"
    return None


def base_direction(
    units: list[Unit],
    line: GlyphLine,
    column: tuple[float, float] | None,
    context_rtl: bool | None = None,
    counts: tuple[int, int] | None = None,
) -> bool:
    """True for a right-to-left line (``counts``: its :func:`_strong_counts`, where known).

    A line with letters of one direction only is that direction when nothing whose place
    depends on the direction stands at its ends. Otherwise (both scripts, or punctuation
    and digits at an end of an Arabic-script line) where the line stands decides: Word
    lays a left-to-right paragraph out from the left margin, a right-to-left one from the
    right. A full or centred line goes by its letters. A line with no Arabic letters that
    goes on with a right-to-left paragraph (``context_rtl``: the line above, at the same
    size and leading) keeps that paragraph's direction unless it starts at the left
    margin: the end of a Dari caption,
    ``Omid Sadeqi)``, is laid out right to left.
    """
    rtl, ltr = counts or _strong_counts(units)
    if not rtl:
        if context_rtl and _has_movable_neutral(units):
            return _anchored(line, column) != "left"
        return False
    if not ltr:
        # Arabic letters only, punctuation or digits between them: nothing whose place
        # depends on the direction, so where the line stands says nothing (an indented
        # paragraph's first line stops short of the right margin and reaches the left)
        if _ends_with_letters(units):
            return True
        if _stop_at_right_end(units):
            # the mirror case: right to left the line would open with its stop; a
            # left-to-right paragraph (a note in a style without bidi, its number at
            # the left) sets it so
            return False
        if _anchored(line, column) != "left":
            return True
        if _stop_at_left_end(units):
            return True  # left to right, the line would open with its stop
        # a digit or stop at the left end: a table of contents' page number, or a code
        # comment's ``#`` in a left-to-right paragraph; the paragraph it goes on with
        # says which (``direction_open`` lets the neighbours below speak too)
        return context_rtl is not False
    if ltr or any(bidi_class(u.text) not in ("R", "AL", "WS", "NSM", "BN") for u in units):
        anchored = _anchored(line, column)
        if anchored is not None:
            return anchored == "right"
    return rtl >= ltr


def direction_open(
    units: list[Unit],
    line: GlyphLine,
    column: tuple[float, float] | None,
    counts: tuple[int, int] | None = None,
) -> bool:
    """Whether only the neighbouring lines can tell this line's direction: Arabic letters
    only, with a digit or punctuation at an end, set flush left."""
    rtl, ltr = counts or _strong_counts(units)
    return (
        bool(rtl)
        and not ltr
        and not _ends_with_letters(units)
        and not _stop_at_left_end(units)
        and not _stop_at_right_end(units)
        and _anchored(line, column) == "left"
    )


def _ends_with_letters(units: list[Unit]) -> bool:
    """Whether the line's first and last glyphs (as drawn on the page) are letters of a
    right-to-left script."""
    glyphs = [u for u in units if not u.space]
    return bool(glyphs) and all(
        bidi_class(u.text) in ("R", "AL")
        for u in (min(glyphs, key=lambda u: u.x0), max(glyphs, key=lambda u: u.x1))
    )


# what ends a sentence or a clause; no line of running text opens with one
_STOPS = frozenset(".،,؛;!؟?")


def _stop_at_left_end(units: list[Unit]) -> bool:
    """Whether the line (Arabic letters only) ends, as drawn, with a stop or comma at its
    left and a letter at its right: read right to left it ends with the stop, as
    sentences do; left to right it would open with it (an indented first line of a
    right-to-left paragraph stops short of the right margin and looks set flush left)."""
    return _stop_at_end(units, left=True)


def _stop_at_right_end(units: list[Unit]) -> bool:
    """Whether the line (Arabic letters, perhaps digits) ends, as drawn, with a stop or
    comma at its right and a letter or digit at its left: read right to left it would
    open with its stop, which no line of running text does."""
    return _stop_at_end(units, left=False, other=("R", "AL", "EN", "AN"))


def _stop_at_end(units: list[Unit], *, left: bool, other: tuple[str, ...] = ("R", "AL")) -> bool:
    """Whether the line has, as drawn, a stop or comma at its left (``left``) or right
    end, and at the other end a glyph of the bidi classes ``other``."""
    glyphs = [u for u in units if not u.space]
    if not glyphs:
        return False
    first = min(glyphs, key=lambda u: u.x0)
    last = max(glyphs, key=lambda u: u.x1)
    stop, end = (first, last) if left else (last, first)
    # a stop drawn narrow stands in private use (``suspect``): it is the stop still
    return unsuspect(stop.text) in _STOPS and bidi_class(end.text) in other


def _has_movable_neutral(units: list[Unit]) -> bool:
    """Whether the line has a bracket or stop whose place depends on the direction."""
    glyphs = [u for u in units if not u.space]
    if not glyphs:
        return False
    ends = (bidi_class(glyphs[0].text), bidi_class(glyphs[-1].text))
    return any(cls in ("ON", "CS", "ES", "ET") for cls in ends)


def _segments(units: list[Unit]) -> list[list[Unit]] | None:
    """The stream cut where it steps back, pieces sorted left to right; None when the
    pieces overlap (the stream is no set of left-to-right runs)."""
    pieces: list[list[Unit]] = [[]]
    previous: Unit | None = None
    for unit in units:
        if not unit.space and previous is not None and _steps_back(previous, unit):
            pieces.append([])
        pieces[-1].append(unit)
        if not unit.space:
            previous = unit
    spans = []
    for piece in pieces:
        glyphs = [u for u in piece if not u.space]
        if glyphs:
            spans.append((min(u.x0 for u in glyphs), max(u.x1 for u in glyphs), piece))
    spans.sort(key=lambda s: s[0])
    for (a0, a1, _), (b0, b1, _) in itertools.pairwise(spans):
        if b0 < a1 - 0.5 * min(a1 - a0, b1 - b0, 6.0):
            return None
    return [piece for _, _, piece in spans]


def _visual(units: list[Unit], base_rtl: bool) -> tuple[list[Unit], str]:
    """The units in visual order (left to right), and which evidence gave it."""
    if _runs_left_to_right(units):
        return units, "visual"
    turned = units[::-1]
    if _runs_left_to_right(turned):
        return turned, "reversed"
    types = [bidi_class(u.text) for u in units]
    displayed = [units[k] for k in visual_order(types, base_rtl)]
    if _runs_left_to_right(displayed):
        return displayed, "logical"
    # Rebuilt from positions, a space glyph's box says little by itself (Word draws a
    # run's spaces where its neighbours overlap them): a space goes back only where it
    # ends at the next glyph and starts within the one before; otherwise gaps decide.
    glyphs = [u for u in units if not u.space]
    spaces = [u for u in units if u.space]
    pieces = _segments(glyphs)
    if pieces is not None:
        return _put_spaces_back([u for piece in pieces for u in piece], spaces), "runs"
    return _put_spaces_back(sorted(glyphs, key=lambda u: u.centre), spaces), "positions"


def _put_spaces_back(glyphs: list[Unit], spaces: list[Unit]) -> list[Unit]:
    if not spaces:
        return glyphs
    out: list[Unit] = []
    for left, right in itertools.pairwise(glyphs):
        out.append(left)
        slack = 0.1 * right.size
        inside_left = left.x0 + 0.3 * (left.x1 - left.x0)
        for space in spaces:
            if abs(space.x1 - right.x0) <= slack and inside_left < space.x0 <= left.x1 + slack:
                out.append(space)
                break
    out.append(glyphs[-1])
    return out


def _left_to_right_letter(ch: str) -> bool:
    """A letter of a left-to-right script (not a private-use stand-in, class L too)."""
    return bool(ch) and bidi_class(ch) == "L" and unicodedata.category(ch).startswith("L")


def _latin_spaces_moved(visual: list[Unit], units: list[Unit]) -> list[Unit]:
    """A right-to-left line's visual order with the space a Latin run drew at one of its
    ends put at the other, where it belongs.

    Word keeps a left-to-right run's spaces inside the run: ``هم scale کنیم`` is drawn
    with the space after ``scale`` (between it and ``هم``) and ``scale`` touching
    ``کنیم``; ``سازی: Tanh`` with the space before ``Tanh`` on its left, at the line's
    end, and ``Tanh`` touching the colon. Where a Latin run (with the neutrals around
    it) touches an Arabic letter at one end and a space glyph of its own font stands
    at the other, the space goes to the touching end and the run moves over by its
    width. A leading space moves only from the line's end or a gap: it may be the one
    space between the run and the word beyond.
    """
    latin_fonts = {u.font for u in units if not u.space and _left_to_right_letter(u.text[:1])}
    own = [u for u in units if u.space and u.font in latin_fonts and u.x1 > u.x0]
    if not own:
        return visual
    out = list(visual)
    k = 0
    while k < len(out):
        if out[k].space or _arabic_letter(out[k]):
            k += 1
            continue
        end = k  # the segment: no Arabic letter, no space at either end
        while end + 1 < len(out) and not _arabic_letter(out[end + 1]):
            end += 1
        while end > k and out[end].space:
            end -= 1
        segment = out[k : end + 1]
        if not any(_left_to_right_letter(u.text[:1]) for u in segment):
            k = end + 1
            continue
        first, last, size = segment[0], segment[-1], segment[-1].size
        slack = 0.1 * size
        left = out[k - 1] if k else None
        right = out[end + 1] if end + 1 < len(out) else None
        moved: list[Unit] | None = None
        space: Unit | None = None
        if left is not None and _arabic_letter(left) and _touch(left, first):
            space = next((u for u in own if abs(u.x0 - last.x1) <= slack), None)
            if space is not None:  # trailing space, drawn on the right: to the left
                width = space.x1 - space.x0
                shifted = [_shift(u, width) for u in segment if u is not space]
                gap = replace(space, x0=first.x0, x1=first.x0 + width)
                moved = [gap, *shifted]
        elif right is not None and _arabic_letter(right) and _touch(last, right):
            # a stop or colon touching the Arabic word ends that word (``سازی:``)
            cut = len(segment)
            while cut > 1 and unsuspect(segment[cut - 1].text) in _WORD_END_MARKS:
                cut -= 1
            run, tail = segment[:cut], segment[cut:]
            space = next((u for u in own if abs(u.x1 - first.x0) <= slack), None)
            beyond = [u for u in out[:k] if not u.space and u.x1 <= first.x0 + slack]
            apart = (
                not beyond
                or space is None
                or (space.x0 - max(u.x1 for u in beyond) > _SPACE_GAP * size)
            )
            if space is not None and apart:  # leading space, drawn on the left: right
                width = space.x1 - space.x0
                shifted = [_shift(u, -width) for u in run if u is not space]
                edge = run[-1].x1
                gap = replace(space, x0=edge - width, x1=edge)
                moved = [*shifted, gap, *tail]
        if moved is None:
            k = end + 1
            continue
        before = [u for u in out[:k] if u is not space]
        after = [u for u in out[end + 1 :] if u is not space]
        out = [*before, *moved, *after]
        k = len(before) + len(moved)
    return out


# marks that end the word they follow: they stay with it
_WORD_END_MARKS = _STOPS | {":"}


def _arabic_letter(unit: Unit) -> bool:
    return not unit.space and bidi_class(unit.text[-1:]) in ("R", "AL")


def _touch(left: Unit, right: Unit) -> bool:
    """Whether two units stand with no space's gap between them."""
    return right.x0 - left.x1 < _SPACE_GAP * max(left.size, right.size)


def _shift(unit: Unit, by: float) -> Unit:
    return replace(unit, x0=unit.x0 + by, x1=unit.x1 + by)


def _is_letter_unit(unit: Unit | None, *, last: bool) -> bool:
    if unit is None or unit.space or not unit.text:
        return False
    ch = unit.text[-1] if last else unit.text[0]
    return is_joining_letter(presentation_form(ch)[0][:1])


def _is_break(unit: Unit) -> bool:
    return unit.space or unit.text == ZWNJ


def _with_spaces(visual: list[Unit], rtl: bool) -> list[Unit]:
    """Spaces as the page shows them.

    A space or ZWNJ glyph counts by the room it takes: the next glyph starting where it
    ends means a space (LibreOffice names some spaces U+200C), starting on top of it means
    none; a space that takes no room between two letters of a word is a ZWNJ (XeLaTeX
    draws one so). A gap with no glyph in it, wider than a sixth of the size, is a space.
    """
    out: list[Unit] = []
    n = len(visual)
    for k, unit in enumerate(visual):
        if unit.space or unit.text == ZWNJ:
            j = k + 1
            while j < n and _is_break(visual[j]):
                j += 1
            nxt = visual[j] if j < n else None
            width = unit.x1 - unit.x0
            room = nxt is None or (width > 0 and nxt.x0 >= unit.x1 - 0.5 * width)
            if room:
                if not (out and out[-1].space):
                    out.append(Unit(" ", unit.x0, unit.x1, unit.size, space=True))
                continue
            before = next((v for v in reversed(out) if not _is_break(v)), None)
            # in visual order a right-to-left line's first letter stands on the right
            first, second = (nxt, before) if rtl else (before, nxt)
            letters = _is_letter_unit(first, last=True) and _is_letter_unit(second, last=False)
            if unit.text == ZWNJ or letters:
                out.append(Unit(ZWNJ, unit.x0, unit.x0, unit.size, unit.font, unit.gid))
            continue
        if out:
            last = out[-1]
            if not (last.space or last.text == ZWNJ):
                gap = unit.x0 - last.x1
                if gap > _SPACE_GAP * max(unit.size, last.size):
                    out.append(Unit(" ", last.x1, unit.x0, unit.size, space=True))
        out.append(unit)
    return out


# a stop or comma with a space before it or opening the line (no line breaks before a
# comma: UAX #14), or a comma-like mark glued to the next word: what a wrong reading of
# an ambiguous line looks like
# (a stop before a Latin letter starts a file name or a domain: ``.dot``, ``.com``)
_ODD_PUNCTUATION = re.compile(
    r"(?:^|\s)(?:[,،؛:!?؟]|\.(?![A-Za-z]))|[،؛!?؟](?=[^\s0-9۰-۹٠-٩»)\]\"'])"
)


# punctuation only Arabic-script text uses: comma, semicolon, question mark
_ARABIC_MARKS = frozenset("\u060c\u061b\u061f")


def _most_natural(
    readings: list[tuple[list[int], list[str]]], visual: list[Unit]
) -> tuple[list[int], list[str]]:
    """Of the readings that display as the line does (each an order and the classes it
    was resolved with), the one whose punctuation sits as writers put it
    (``Review، ۰۷.۰۵`` rather than ``۰۷.۰۵ ،Review``); the first on a tie."""
    if len(readings) == 1:
        return readings[0]
    return min(readings, key=lambda reading: _oddities([visual[k] for k in reading[0]]))


def _without_kashida_noise(units: list[Unit]) -> list[Unit]:
    """Drop the narrow stand-ins that sit inside an Arabic-script word (tatweels that
    LibreOffice drew when it justified the line); elsewhere they are what they say,
    unless the same stand-in sits inside a word of this line too: then it is the font's
    joining stroke, also where it follows a word's last letter (``قابله"‌ها"``)."""
    if not any(len(u.text) == 1 and "\ue000" <= u.text <= NARROW_UNMAPPED for u in units):
        return units  # no stand-in (is_suspect) at all: the common case
    runs: list[tuple[int, int, bool]] = []  # start, end, inside a word
    k, n = 0, len(units)
    while k < n:
        if not is_suspect(units[k].text):
            k += 1
            continue
        j = k
        while j < n and is_suspect(units[j].text):
            j += 1
        inside = (
            k > 0
            and j < n
            and _is_letter_unit(units[k - 1], last=True)
            and _is_letter_unit(units[j], last=False)
        )
        runs.append((k, j, inside))
        k = j
    strokes = {u.text for k, j, inside in runs if inside for u in units[k:j]}
    dropped: set[int] = set()
    for k, j, inside in runs:
        after_letter = k > 0 and _is_letter_unit(units[k - 1], last=True)
        if inside or (after_letter and all(u.text in strokes for u in units[k:j])):
            dropped.update(range(k, j))
    # the same stroke drawn a hair wider than the stand-in's bound (its width equal to
    # the strokes' to a fiftieth) after a letter is one too
    widths = {unsuspect(u.text): u.x1 - u.x0 for k, j, inside in runs if inside for u in units[k:j]}
    for k, unit in enumerate(units if widths else ()):
        width = widths.get(unit.text)
        if width is None or k in dropped or k == 0:
            continue
        if abs((unit.x1 - unit.x0) - width) <= 0.02 * width and _is_letter_unit(
            units[k - 1], last=True
        ):
            dropped.add(k)
    return [u for k, u in enumerate(units) if k not in dropped]


def _clear_majority(rtl_letters: int, ltr_letters: int) -> bool | None:
    """True when right-to-left letters are at least twice the others, False for the
    mirror case, None when neither script clearly dominates."""
    if rtl_letters >= 2 * ltr_letters:
        return True
    if ltr_letters >= 2 * rtl_letters:
        return False
    return None


def _starts_as(units: list[Unit], rtl: bool) -> bool:
    """Whether a reading's first strong letter has the reading's direction (UAX #9's
    rule P2: a paragraph takes the direction of its first letter)."""
    for unit in units:
        cls = bidi_class(unit.text)
        if cls in ("R", "AL", "L"):
            return (cls != "L") == rtl
    return True


def _oddities(units: list[Unit]) -> int:
    return len(_ODD_PUNCTUATION.findall("".join(u.text for u in units)))


def _read(
    units: list[Unit], rtl: bool, rtl_letters: bool = True, ltr_letters: bool = True
) -> tuple[list[Unit], list[int], str]:
    """The units in logical order for a line of base direction ``rtl``, their bidi
    levels, and which evidence gave the visual order. ``rtl_letters``: False where the
    line is known to hold no right-to-left letter (then, left to right, all is level 0);
    ``ltr_letters`` likewise for left-to-right ones (then no Latin run's space moves)."""
    visual, order = _visual(units, rtl)
    if rtl and ltr_letters:
        visual = _latin_spaces_moved(visual, units)
    visual = _with_spaces(visual, rtl)
    if not rtl and not rtl_letters:
        return visual, [0] * len(visual), order
    types = [bidi_class(u.text) for u in visual]
    if not rtl and not any(t in ("R", "AL") for t in types):
        return visual, [0] * len(visual), order
    readings = [(k, types) for k in logical_orders(types, rtl)]
    if rtl and "L" in types and any(u.text in _ARABIC_MARKS for u in visual):
        # UAX #9 takes an Arabic comma between two Latin words into their run (Word lays
        # ``TensorFlow، PyTorch`` out so); XeTeX sets each Latin word apart, the comma
        # at the paragraph's level. Both are offered; the punctuation vote chooses.
        marked = [
            "AL" if u.text in _ARABIC_MARKS else t for u, t in zip(visual, types, strict=True)
        ]
        readings += [(k, marked) for k in logical_orders(marked, rtl)]
    logical_idx, chosen = _most_natural(readings, visual)
    levels = levels_of(chosen, rtl, logical_idx)
    return [visual[k] for k in logical_idx], [levels[k] for k in logical_idx], order


def _drawn_once(glyphs: list[Glyph]) -> tuple[list[Glyph], int]:
    """The glyphs without those drawn again on themselves, and how many were: a word
    processor without a bold face overprints the run (Acrobat PDFMaker does), and a
    second copy of each letter is no second letter."""
    keys = [(g.font, g.gid, round(g.x0 * 4), round(g.baseline * 4), g.text) for g in glyphs]
    if len(set(keys)) == len(keys):
        return glyphs, 0  # nothing drawn twice (most lines): no second pass
    seen: set[tuple[int, int, int, int, str]] = set()
    once: list[Glyph] = []
    for glyph, key in zip(glyphs, keys, strict=True):
        if key not in seen:
            seen.add(key)
            once.append(glyph)
    return once, len(glyphs) - len(once)


def build_line(
    line: GlyphLine,
    column: tuple[float, float] | None,
    context_rtl: bool | None = None,
    *,
    direction: bool | None = None,
) -> BuiltLine | None:
    """The logical text of a printed line (None when it holds no text).

    ``context_rtl`` is the direction of the paragraph the line may go on with;
    ``direction`` settles an open line's direction (:func:`direction_open`) from its
    neighbours.
    """
    glyphs, doubled = _drawn_once(line.glyphs)
    units = _units(glyphs)
    if not any(not u.space for u in units):
        return None
    counts = _strong_counts(units)
    undecided = direction_open(units, line, column, counts)
    if direction is not None and undecided:
        rtl = direction
    else:
        rtl = base_direction(units, line, column, context_rtl, counts)
    rtl_letters, ltr_letters = counts
    if rtl_letters and ltr_letters:
        # Both scripts: where the line stands may mislead (a right-to-left paragraph set
        # flush left). The reading whose punctuation sits as writers put it wins. On a
        # tie the direction found stands, unless its reading starts with a letter of the
        # other direction and the other script has twice the letters or the paragraph
        # (the line above) goes the other way.
        found, other = _read(units, rtl), _read(units, not rtl)
        odd_found, odd_other = _oddities(found[0]), _oddities(other[0])
        if odd_other < odd_found or (
            odd_other == odd_found
            and not _starts_as(found[0], rtl)
            and (_clear_majority(rtl_letters, ltr_letters) is (not rtl) or context_rtl is (not rtl))
        ):
            rtl, found = not rtl, other
        logical, levels, order = found
    else:
        logical, levels, order = _read(units, rtl, rtl_letters > 0, ltr_letters > 0)
    if rtl or rtl_letters:  # else every level is 0, as units start
        for unit, level in zip(logical, levels, strict=True):
            unit.level = level
    logical = _without_kashida_noise(logical)
    letters = [g for g in glyphs if g.text and not g.text.isspace()]
    total = max(len(letters), 1)
    size = sum(g.size for g in letters) / total if letters else 0.0
    bold = italic = 0
    for g in letters:  # one pass for both counts
        bold += g.bold
        italic += g.italic
    return BuiltLine(
        units=logical,
        rtl=rtl,
        order=order,
        bbox=(line.x0, line.top, line.x1, line.bottom),
        size=round(size, 1),
        bold=bold * 2 > total or doubled * 2 > total,
        italic=italic * 2 > total,
        invisible=all(g.invisible for g in glyphs),
        open_direction=undecided,
    )
