"""The Unicode bidirectional algorithm (UAX #9), as far as one printed line needs it.

A PDF draws a line's glyphs where they stand on the page; most producers (Word,
LibreOffice, XeLaTeX, Typst) draw them in *visual* order, left to right, whatever the
script. Text in logical order is what the bidi algorithm maps to that visual order, so
reading a line back is the algorithm run in reverse:

* :func:`resolve_levels` gives each character its embedding level (rules W1–W7, N1–N2,
  I1–I2, L1; explicit embeddings are not used in article text and count as boundary
  neutrals);
* :func:`visual_order` is rule L2: the display order of a logical sequence;
* :func:`logical_order` undoes L2: the logical order of a visual sequence. Levels are
  resolved on the sequence with its base-direction runs already read the right way, and
  the reversals of L2 are undone from the lowest level up;
* :func:`mirror` gives a bracket its mirrored partner: a right-to-left run draws ``(``
  with the glyph of ``)``, and the text layer names the glyph it drew.

Units are strings, so that a glyph that stands for several characters (``لا``, ``fi``)
moves as one piece and keeps its own order.

    >>> units = list("fed ") + ["XY"] + list(" cba")   # abc/def standing for Arabic words
    >>> types = ["R"] * 3 + ["WS", "L", "WS"] + ["R"] * 3
    >>> order = logical_order(types, base_rtl=True)
    >>> "".join(units[k] for k in order)
    'abc XY def'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

ZWNJ = "\u200c"

#: what a right-to-left run draws in place of each bracket (Bidi_Mirroring_Glyph, the
#: pairs that occur in text)
_MIRRORS = dict(zip("()[]{}<>«»‹›⁅⁆⁽⁾₍₎", ")(][}{><»«›‹⁆⁅⁾⁽₎₍", strict=True))

_STRONG = {"L", "R", "AL"}
_NEUTRAL = {"B", "S", "WS", "ON", "BN"}
# explicit embeddings, overrides and isolates: article text does not use them; they are
# treated as boundary neutrals (X9 would remove them) and keep their neighbours' level
_EXPLICIT = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


@functools.lru_cache(maxsize=8192)
def bidi_class(text: str) -> str:
    """The bidi class of a unit: that of its first character that is not a mark.
    (Cached: a PDF line asks it of every glyph several times, and glyph texts repeat.)

    >>> bidi_class("لا"), bidi_class("fi"), bidi_class("۱۲"), bidi_class("\\u064e")
    ('AL', 'L', 'EN', 'NSM')
    """
    fallback = "ON"
    for ch in text:
        # a narrow glyph's stand-in moves as what it stands for
        cls = unicodedata.bidirectional(unsuspect(ch)) or "L"  # unassigned and private use: L
        if cls in _EXPLICIT:
            cls = "BN"
        if cls != "NSM":
            return cls
        fallback = cls
    return fallback


def resolve_levels(types: Sequence[str], base_rtl: bool) -> list[int]:
    """The embedding level of each unit of a line (W1–W7, N1–N2, I1–I2, L1)."""
    return list(_resolved(tuple(types), base_rtl))


@functools.lru_cache(maxsize=64)
def _resolved(types: tuple[str, ...], base_rtl: bool) -> tuple[int, ...]:
    """:func:`resolve_levels`, kept for the last few sequences: reading one line back
    resolves the same sequence more than once (to find its order, then to check it)."""
    base = 1 if base_rtl else 0
    sos = "R" if base_rtl else "L"
    t = ["BN" if c in _EXPLICIT else c for c in types]
    n = len(t)
    # each rule runs only where the classes it changes occur (most lines hold no digits)
    present = set(t)
    # one direction only, nothing that could take the other (a line of Dari words, of
    # English words): everything resolves to the base level
    if base_rtl and present.isdisjoint(("L", "EN", "AN")):
        return (1,) * n
    if not base_rtl and present.isdisjoint(("R", "AL", "EN", "AN")):
        return (0,) * n
    # W1: a mark takes the type of what it sits on
    if "NSM" in present:
        prev = sos
        for i in range(n):
            if t[i] == "NSM":
                t[i] = prev
            elif t[i] != "BN":
                prev = t[i]
        present = set(t)
    # W2, W3: European digits after Arabic letters are Arabic numbers; AL is R
    if "AL" in present:
        last_strong = sos
        for i in range(n):
            c = t[i]
            if c in _STRONG:
                last_strong = c
                if c == "AL":
                    t[i] = "R"
            elif c == "EN" and last_strong == "AL":
                t[i] = "AN"
        present = set(t)
    # W4: one separator between two numbers of a kind joins them
    if ("ES" in present or "CS" in present) and ("EN" in present or "AN" in present):
        for i in range(1, n - 1):
            if t[i] == "ES" and t[i - 1] == t[i + 1] == "EN":
                t[i] = "EN"
            elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
                t[i] = t[i - 1]
        present = set(t)
    # W5: terminators (%, currency) next to European digits are digits
    if "ET" in present and "EN" in present:
        i = 0
        while i < n:
            if t[i] == "ET":
                j = i
                while j < n and t[j] in ("ET", "BN"):
                    j += 1
                if (i > 0 and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
                    for k in range(i, j):
                        t[k] = "EN"
                i = j
            else:
                i += 1
    # W6: remaining separators and terminators are neutral
    if "ES" in present or "ET" in present or "CS" in present:
        for i in range(n):
            if t[i] in ("ES", "ET", "CS"):
                t[i] = "ON"
    # W7: European digits in a left-to-right context are left-to-right
    if "EN" in present:
        last_strong = sos
        for i in range(n):
            if t[i] in ("L", "R"):
                last_strong = t[i]
            elif t[i] == "EN" and last_strong == "L":
                t[i] = "L"
    # N1, N2: neutrals between two of one direction take it, else the base direction
    i = 0
    while i < n:
        if t[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < n and t[j] in _NEUTRAL:
            j += 1
        before = _direction(t[i - 1]) if i > 0 else sos
        after = _direction(t[j]) if j < n else sos
        fill = before if before == after else sos
        for k in range(i, j):
            t[k] = fill
        i = j
    # I1, I2
    table = _LEVELS_RTL if base else _LEVELS_LTR
    levels = [table.get(c, base) for c in t]
    # L1: trailing white space and segment separators go back to the base level
    original = types
    k = n - 1
    while k >= 0 and (_is_space_like(original[k])):
        levels[k] = base
        k -= 1
    for i, c in enumerate(original if "S" in types or "B" in types else ()):
        if c in ("S", "B"):
            levels[i] = base
            k = i - 1
            while k >= 0 and _is_space_like(original[k]):
                levels[k] = base
                k -= 1
    return tuple(levels)


#: I1, I2: the level of each resolved class over a left-to-right / right-to-left base
_LEVELS_LTR = {"R": 1, "AN": 2, "EN": 2}
_LEVELS_RTL = {"L": 2, "EN": 2, "AN": 2}


def _is_space_like(cls: str) -> bool:
    return cls in ("WS", "BN") or cls in _EXPLICIT


def _direction(cls: str) -> str:
    return "L" if cls == "L" else "R"  # R, AN and EN count as right-to-left for N1


def _reverse_runs(order: list[int], levels: list[int], at_least: int) -> None:
    """Reverse, in place, every maximal stretch of ``order`` whose level is >= at_least."""
    i, n = 0, len(order)
    while i < n:
        if levels[order[i]] < at_least:
            i += 1
            continue
        j = i
        while j < n and levels[order[j]] >= at_least:
            j += 1
        order[i:j] = order[i:j][::-1]
        i = j


def visual_order(types: Sequence[str], base_rtl: bool) -> list[int]:
    """L2: the indexes of a logical sequence in display order, left to right."""
    levels = resolve_levels(types, base_rtl)
    order = list(range(len(types)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        _reverse_runs(order, levels, level)
    return order


def logical_orders(types: Sequence[str], base_rtl: bool) -> list[list[int]]:
    """The logical orders of a visual sequence (left to right) that display as it.

    L2 is undone from the lowest level up. The levels themselves depend on the logical
    order (digits after Latin letters are left-to-right, after Arabic letters they are
    Arabic numbers), which is what we are looking for; so they are resolved twice: on the
    line as drawn, where left-to-right runs read the right way, and on the line turned
    round, where right-to-left runs do. Both readings are kept when both display as the
    line does (``Harbour Review، ۰۷.۰۵.۲۰۲۳`` can be one left-to-right run or two): the
    caller chooses. The first is the reading as drawn; never empty.
    """
    n = len(types)
    identity = list(range(n))
    # one direction only (see _resolved): every unit at the base level, one reading
    if base_rtl and not any(t in ("L", "EN", "AN") for t in types):
        return [identity[::-1]]
    if not base_rtl and not any(t in ("R", "AL", "EN", "AN") for t in types):
        return [identity]
    found: list[list[int]] = []
    fallback: list[int] | None = None
    tried: list[list[int]] = []
    for guess in (identity, identity[::-1]):
        levels = levels_of(types, base_rtl, guess)
        if levels in tried:
            continue  # the same levels give the same order: nothing new to check
        tried.append(levels)
        order = _undo_l2(levels)
        fallback = fallback or order
        shown = visual_order([types[k] for k in order], base_rtl)
        if [order[i] for i in shown] == identity and order not in found:
            found.append(order)
    return found or [fallback or identity]


def logical_order(types: Sequence[str], base_rtl: bool) -> list[int]:
    """The first of :func:`logical_orders`."""
    return logical_orders(types, base_rtl)[0]


def _undo_l2(levels: list[int]) -> list[int]:
    order = list(range(len(levels)))
    if not levels:
        return order
    for level in range(min(levels) | 1, max(levels) + 1):
        _reverse_runs(order, levels, level)
    return order


def levels_of(types: Sequence[str], base_rtl: bool, order: Sequence[int]) -> list[int]:
    """The level of each unit, resolved with the units read in ``order``."""
    logical = [types[k] for k in order]
    resolved = resolve_levels(logical, base_rtl)
    levels = [0] * len(types)
    for position, k in enumerate(order):
        levels[k] = resolved[position]
    return levels


def mirror(text: str) -> str:
    """The text with each bracket replaced by its mirrored partner."""
    return "".join(_MIRRORS.get(ch, ch) for ch in text)


# -- helpers the readers share -------------------------------------------------------


def is_arabic_letter(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x0600 <= cp <= 0x06FF
        or 0x0750 <= cp <= 0x077F
        or 0x08A0 <= cp <= 0x08FF
        or 0xFB50 <= cp <= 0xFDFF
        or 0xFE70 <= cp <= 0xFEFF
    ) and not is_digit(ch)


def is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


_ARABIC_LETTERS_RE = re.compile(
    "[\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)
_LATIN_LETTERS_RE = re.compile("[A-Za-z\u00c0-\u024f]")


def is_rtl_text(text: str) -> bool:
    """True where Arabic-script letters outnumber Latin ones (the line's base direction)."""
    rtl = len(_ARABIC_LETTERS_RE.findall(text))
    return rtl > 0 and rtl >= len(_LATIN_LETTERS_RE.findall(text))


_ARABIC_LETTER = "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]"
# LibreOffice justifies Arabic script by drawing tatweel glyphs that carry no text; their
# text layer then reads as stray ASCII ("!", "C", "7"), control characters or U+FFFD
# inside words. The pattern is linear: a character class run between two single letters.
_KASHIDA_NOISE = re.compile(
    f"(?<={_ARABIC_LETTER})[\\x00-\\x1f!A-Za-z0-9\\ufffd\\ue000-\\ue300]+(?={_ARABIC_LETTER})|[\\ufffd\\ue300]"
)
# A reader that knows glyph widths marks an ASCII character drawn as narrow as a tatweel
# with a private-use stand-in (U+E000 + its code): inside a word it is kashida noise and
# goes; anywhere else it is turned back into the character it was.
_SUSPECT = re.compile("[\ue000-\ue2ff]")
#: the stand-in for a narrow glyph with no text mapping at all (a tatweel LibreOffice drew)
NARROW_UNMAPPED = "\ue300"


def suspect(ch: str) -> str:
    """The private-use stand-in of a character drawn as narrow as a tatweel."""
    if ch == "\ufffd":
        return NARROW_UNMAPPED
    return chr(0xE000 + ord(ch)) if ord(ch) < 0x300 else ch


def unsuspect(ch: str) -> str:
    """The character a narrow glyph's stand-in stands for (others are themselves)."""
    return chr(ord(ch) - 0xE000) if "\ue000" <= ch < NARROW_UNMAPPED else ch


def is_suspect(text: str) -> bool:
    return len(text) == 1 and "\ue000" <= text <= NARROW_UNMAPPED


def strip_kashida_noise(text: str) -> str:
    """Remove stray ASCII that sits inside an Arabic-script word.

    >>> strip_kashida_noise("باش!!ندگان و پنجCه")
    'باشندگان و پنجه'
    """
    text = _KASHIDA_NOISE.sub("", text)
    return _SUSPECT.sub(lambda m: unsuspect(m.group(0)), text)
