"""The Arabic semicolon told from the ink: a comma with a dot under it.

The Persian and Pashto models know neither "،" nor "؛": both come out as "»" (the comma
is then restored by ``ocr_clean.restore_commas``), so every semicolon of a Dari or Pashto
scan became a comma, in list items and in titles (`مزار شریف؛ نوروزی`). The two differ
only by the dot under the semicolon's comma, and the picture shows it: in the columns of
the mark, a second, small piece of ink just below the mark's own. Measured on the scan
corpus at 200 dpi: the dot is 2 px under a 9 px body comma (4 under a title's 15), one or
two pixels below it; a comma has no such piece (at most a single stray row further down).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ganjina.read.ocr_lines import OcrWord, overlap

#: the mark the models read for both "،" and "؛"
READ_AS = "»"
SEMICOLON = "؛"
#: the dot is at least this share of the mark's height ...
DOT_HEIGHT = 0.18
#: ... and at most this share of it below the mark
DOT_GAP = 0.5


def _runs(rows: Any) -> list[tuple[int, int]]:
    """Consecutive row indices as (first, last) pairs."""
    if rows.size == 0:
        return []
    cuts = np.flatnonzero(np.diff(rows) > 1) + 1
    return [(int(r[0]), int(r[-1])) for r in np.split(rows, cuts)]


def _has_dot_below(mask: Any, x0: int, x1: int, y0: int, y1: int) -> bool:
    columns = mask[max(0, y0) : y1, max(0, x0) : x1 + 1]
    runs = _runs(np.flatnonzero(columns.any(axis=1)))
    if len(runs) < 2:
        return False
    mark = max(runs, key=lambda r: r[1] - r[0])
    height = mark[1] - mark[0] + 1
    below = [r for r in runs if r[0] > mark[1]]
    if not below:
        return False
    dot = below[0]
    return dot[1] - dot[0] + 1 >= DOT_HEIGHT * height and dot[0] - mark[1] - 1 <= DOT_GAP * height


def semicolons_from_ink(words: list[OcrWord], mask: Any) -> None:
    """Each "»" read in a right-to-left word whose ink has a dot under it becomes "؛"; one
    read right after a "؛" over the same ink is that semicolon read twice, and goes."""
    for word in words:
        if READ_AS not in word.text or "".join(s[0] for s in word.symbols) != word.text:
            continue
        symbols: list[tuple[str, int, int]] = []
        for symbol, x0, x1 in word.symbols:
            if symbol == READ_AS and _has_dot_below(
                mask, x0, x1, word.line_box[1], word.line_box[3]
            ):
                if symbols and symbols[-1][0] == SEMICOLON and overlap(*symbols[-1][1:], x0, x1):
                    continue
                symbol = SEMICOLON
            symbols.append((symbol, x0, x1))
        word.symbols = symbols
        word.text = "".join(s[0] for s in symbols)
