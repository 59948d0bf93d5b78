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

Example (characters with their x centres, in PyMuPDF's order ``" ." + "شود"``)::

    >>> rebuild_rtl([(" ", 508.0), (".", 511.0), ("ش", 530.0), ("و", 522.0), ("د", 515.0)])
    'شود. '
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

ZWNJ = "\u200c"


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


def is_rtl_text(text: str) -> bool:
    """True where Arabic-script letters outnumber Latin ones (the line's base direction)."""
    rtl = sum(1 for ch in text if is_arabic_letter(ch))
    ltr = sum(1 for ch in text if unicodedata.bidirectional(ch) == "L")
    return rtl > 0 and rtl >= ltr


def _clusters(chars: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for ch, x in chars:
        attaches = ch == ZWNJ or unicodedata.combining(ch) or unicodedata.category(ch) == "Mn"
        if attaches and out:
            text, cx = out[-1]
            out[-1] = (text + ch, cx)
        else:
            out.append((ch, x))
    return out


# neutrals that stay inside a left-to-right run when LTR characters stand on both sides
_RUN_JOINERS = set(" .,:/-–%+'’_@&")


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
        out.append(text[i : end + 1][::-1])
        i = end + 1
    return "".join(out)


def rebuild_rtl(chars: Sequence[tuple[str, float]]) -> str:
    """Logical text of a right-to-left line from (character, x centre) pairs."""
    clusters = _clusters(chars)
    ordered = sorted(clusters, key=lambda c: -c[1])
    return _restore_ltr_runs("".join(c[0] for c in ordered))
