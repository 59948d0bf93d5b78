"""Rebuild the logical order of a right-to-left PDF line from its glyph positions.

PyMuPDF gives the characters of a Dari or Pashto line mostly in logical order, but not
always: a line-final full stop lands at the start, the space before a run of digits or
Latin letters moves, and with Amiri a lam followed by kaf or gaf (``لک``) is drawn as
separate runs that come out of order. The positions of the glyphs on the page are right
even where the order is not, so we rebuild the line from them:

1. group each character with what belongs to it (combining marks, ZWNJ, which have no
   glyph of their own and sit at the position of the letter before them);
2. sort the groups right to left by the centre of their boxes (a stable sort, so glyph
   clusters that share one box, such as lam-alef, keep their text order);
3. turn left-to-right runs (Latin words, digit runs with their separators) back round,
   because inside a right-to-left line they are drawn left to right.

Example (glyphs as (text, x0, x1, size), in PyMuPDF's order ``" ." + "شود"``)::

    >>> glyphs = [(" ", 506, 510, 12), (".", 510, 513, 12), ("ش", 526, 534, 12),
    ...           ("و", 519, 525, 12), ("د", 513, 518, 12)]
    >>> rebuild_rtl(glyphs)
    'شود. '
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

ZWNJ = "\u200c"

#: a character as drawn: (text, left x, right x, font size)
Glyph = tuple[str, float, float, float]


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


def _is_ltr_strong(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "L" or is_digit(ch)


_ARABIC_LETTERS_RE = re.compile(
    "[\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)
_LATIN_LETTERS_RE = re.compile("[A-Za-z\u00c0-\u024f]")


def is_rtl_text(text: str) -> bool:
    """True where Arabic-script letters outnumber Latin ones (the line's base direction)."""
    rtl = len(_ARABIC_LETTERS_RE.findall(text))
    return rtl > 0 and rtl >= len(_LATIN_LETTERS_RE.findall(text))


def _clusters(chars: Sequence[Glyph]) -> list[Glyph]:
    """Letters with what belongs to them. ZWNJ has no glyph and follows its letter in the
    stream; a combining mark (hamza above, harakat) is drawn over its letter, so it goes to
    the letter whose box holds the mark's centre, wherever the stream put it."""
    out: list[Glyph] = []
    marks: list[Glyph] = []
    for glyph in chars:
        ch = glyph[0]
        if ch > "\u02ff" and ch != ZWNJ and unicodedata.category(ch) == "Mn":
            marks.append(glyph)
        elif (ch == ZWNJ or unicodedata.category(ch) == "Mn") and out:
            text, a0, a1, asize = out[-1]
            out[-1] = (text + ch, a0, a1, asize)
        else:
            out.append(glyph)
    for mark, m0, m1, msize in marks:
        centre = (m0 + m1) / 2
        letters = [k for k, c in enumerate(out) if c[0].strip()]
        if not letters:
            out.append((mark, m0, m1, msize))
            continue
        k = min(letters, key=lambda k: _distance(out[k], centre))
        text, a0, a1, asize = out[k]
        # the mark follows the letter itself, before any ZWNJ that trails it
        out[k] = (text[0] + mark + text[1:], a0, a1, asize)
    return out


def _distance(glyph: Glyph, x: float) -> float:
    """How far x lies outside the glyph's box (0 inside it)."""
    return max(glyph[1] - x, 0.0, x - glyph[2])


# neutrals that stay inside a left-to-right run when LTR characters stand on both sides
_RUN_JOINERS = set(" .,:/-–%+'’_@&،؛")
# what separates two numbers that the bidi algorithm lays out as runs of their own
_NUMBER_BREAKS = set(" ،؛")


def _reverse_run(run: str) -> str:
    """Turn one visually reversed left-to-right run back round.

    With a Latin letter in it, the bidi algorithm made the whole stretch (digits and the
    neutrals between included) one left-to-right run. Numbers alone, between Arabic-script
    words, are laid out one by one, so each is turned round on its own.
    """
    if any(unicodedata.bidirectional(ch) == "L" for ch in run):
        return run[::-1]
    out: list[str] = []
    number: list[str] = []
    for ch in run:
        if ch in _NUMBER_BREAKS:
            out.append("".join(number)[::-1])
            out.append(ch)
            number = []
        else:
            number.append(ch)
    out.append("".join(number)[::-1])
    return "".join(out)


def _restore_ltr_runs(text: str) -> str:
    """Reverse each left-to-right run found in a right-to-left visual-reversed string."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if not _is_ltr_strong(text[i]):
            out.append(text[i])
            i += 1
            continue
        j = i
        end = i  # last strong LTR character of the run
        while j < n and (_is_ltr_strong(text[j]) or text[j] in _RUN_JOINERS):
            if _is_ltr_strong(text[j]):
                end = j
            j += 1
        out.append(_reverse_run(text[i : end + 1]))
        i = end + 1
    return "".join(out)


def drop_ligature_echoes(chars: Sequence[Glyph]) -> list[Glyph]:
    """Drop a letter that the text layer repeats with no width of its own.

    With Amiri, ``لک`` is drawn as a lam glyph and a lam-kaf glyph whose text is both
    letters: the lam then reads twice, the second time with zero width, often with a
    stray space between (``خل لک`` for ``خلک``).
    """
    out: list[Glyph] = []
    for glyph in chars:
        ch, x0, x1, _ = glyph
        if x1 - x0 < 0.05 and is_arabic_letter(ch):
            k = len(out) - 1
            while k >= 0 and out[k][0] == " ":
                k -= 1
            if k >= 0 and out[k][0] == ch and len(out) - 1 - k <= 1:
                del out[k + 1 :]
                continue
        out.append(glyph)
    return out


def rebuild_rtl(chars: Sequence[Glyph]) -> str:
    """Logical text of a right-to-left line from its glyphs (text, x0, x1, size).

    Where the glyphs leave a gap wider than a quarter of the font size and no space
    character fills it (a tab after a list bullet), a space is put in.
    """
    clusters = _clusters(drop_ligature_echoes(chars))
    centres = [(c[1] + c[2]) / 2 for c in clusters]
    if all(a > b for a, b in itertools.pairwise(centres)) and not _LTR_STRONG_RE.search(
        "".join(c[0] for c in clusters)
    ):
        ordered = clusters  # already in order, and no left-to-right run to turn round
    else:
        by_x = sorted(zip(centres, clusters, strict=True), key=lambda pc: -pc[0])
        ordered = [c for _, c in by_x]
    out: list[str] = []
    left_edge: float | None = None
    for text, x0, x1, size in ordered:
        gap = left_edge is not None and left_edge - x1 > 0.25 * size
        if gap and out and out[-1] != " " and text != " ":
            out.append(" ")
        out.append(text)
        left_edge = x0
    text = "".join(out)
    return _restore_ltr_runs(text) if _LTR_STRONG_RE.search(text) else text


# Latin letters and digits of any script: what a left-to-right run is made of
_LTR_STRONG_RE = re.compile("[A-Za-z0-9\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]")

_ARABIC_LETTER = "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]"
# LibreOffice justifies Arabic script by drawing tatweel glyphs that carry no text; their
# text layer then reads as stray ASCII ("!", "C", "7"), control characters or U+FFFD
# inside words
_KASHIDA_NOISE = re.compile(
    f"(?<={_ARABIC_LETTER})[\\x00-\\x1f!A-Za-z0-9\\ufffd\\ue000-\\ue07f]+(?={_ARABIC_LETTER})|\\ufffd"
)
# A reader that knows glyph widths marks an ASCII character drawn as narrow as a tatweel
# with a private-use stand-in (U+E000 + its code): inside a word it is kashida noise and
# goes; anywhere else it is turned back into the character it was.
_SUSPECT = re.compile("[\ue000-\ue07f]")


def suspect(ch: str) -> str:
    return chr(0xE000 + ord(ch))


def strip_kashida_noise(text: str) -> str:
    """Remove stray ASCII that sits inside an Arabic-script word.

    >>> strip_kashida_noise("باش!!ندگان و پنجCه")
    'باشندگان و پنجه'
    """
    text = _KASHIDA_NOISE.sub("", text)
    return _SUSPECT.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text)
