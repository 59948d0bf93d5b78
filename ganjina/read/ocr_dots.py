"""The dots a word's ink shows, against the dots its reading's letters need.

Arabic script tells many letters apart by their dots alone (ب ت ث ن ی differ only there),
and a model that loses a letter in a ligature loses its dots with it: the Persian model
reads ``کتاب`` in a font that stacks ``ت`` over ``ک`` as ``کاب``, whose letters need no dot
above, while the ink has the two dots of ``ت`` there. So between two readings of the same
word, one that asks for dots the ink does not have, or leaves dots over, is wrong; one
whose dots agree with the ink may be right.

The ink's dots are its small pieces (connected components far smaller than a letter)
above the letters' bodies or below the baseline; a letter's two or three dots may touch
and be one piece, so a letter asks for a range of pieces, and marks that may or may not
touch their letter (hamza, madda, the rings of Pashto letters, the second stroke of گ)
count from none to one.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import numpy as np

from ganjina.read.ocr_lines import OcrWord, own_extent

#: (above, below): the fewest and most pieces of ink each letter's dots and marks make
_ABOVE: dict[str, tuple[int, int]] = {
    **dict.fromkeys("خذزضظغفن", (1, 1)),
    **dict.fromkeys("تقة", (1, 2)),
    **dict.fromkeys("ثژشڅ", (1, 3)),
    **dict.fromkeys("أآؤئۀځگ\u0654\u064b\u064c\u064e\u064f\u0651\u0652", (0, 1)),
    "ټ": (1, 2),
    "ږ": (1, 1),
    "ښ": (1, 1),
    "ڼ": (1, 1),
}
_BELOW: dict[str, tuple[int, int]] = {
    **dict.fromkeys("بج", (1, 1)),
    **dict.fromkeys("پچ", (1, 3)),
    **dict.fromkeys("يې", (1, 2)),
    **dict.fromkeys("إټډړګڼ\u064d\u0650", (0, 1)),
    "ږ": (1, 1),
    "ښ": (1, 1),
}
#: the marks above that most often stand apart from their letter: a piece each
_OWN_PIECE = frozenset("أؤئۀځ\u0654\u064b\u064c\u064e\u064f\u0651\u0652")
#: marks of punctuation that may leave a piece above or below (a colon's upper dot)
_PUNCTUATION = frozenset(":؛!؟?.،,»«()")
#: letters whose dotted form depends on joining: ی has two dots below when it joins the
#: next letter, none at a word's end
_JOINING_YEH = "ی"
_LETTER = range(0x0621, 0x06D4)
#: a piece of ink is a dot (one, two touching, or three) when it is no taller than this
#: share of the row (measured at 200 dpi: dots 0.08-0.13, three dots 0.21, the smallest
#: letters, د ر و, 0.25 and more) ...
DOT_HEIGHT = 0.22
#: ... no wider than this (two dots side by side: 0.19; a madda: 0.36) ...
DOT_WIDTH = 0.3
#: ... and not dust (at least this share of the row, squared; a dot: 0.004-0.013)
DOT_AREA = 0.002
#: its centre this far above the baseline (in rows) is above the letters' bodies (dots
#: above stand 0.2-0.65 over it, the lowest over a first letter's tooth; a full stop on
#: it) ...
ABOVE_AT = 0.17
#: ... and this far below it is below the baseline (dots below: 0.1-0.17)
BELOW_AT = 0.05
#: the ink looked at: this many rows over the baseline Tesseract gives, and under it
#: (the lines above and below stay out)
OVER, UNDER = 0.8, 0.45
#: and this many rows past the line's first and last words
PAST_ENDS = 0.15
#: the dots are evidence on a page where at least this share of the words the page's
#: model read agree with them (the clean scans of the corpus: 0.85-0.95; its noisy ones:
#: 0.56-0.65; a real XeLaTeX scan: 0.80)
COUNTABLE = 0.84
#: of at least this many words
COUNTED_WORDS = 30
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3]")


def needed(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (fewest, most) pieces of dots and marks ``text`` asks for above its letters and
    below its baseline; None when the text holds what this cannot count (digits, Latin).
    The dots of letters side by side may touch (``تن``, ``یی``): the fewest counts each run
    of neighbouring dotted letters once."""
    ranges = _ranges(text)
    if ranges is None:
        return None
    return _side([r[0] for r in ranges]), _side([r[1] for r in ranges])


def _ranges(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
    """Each character's (fewest, most) pieces above and below."""
    ranges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for i, ch in enumerate(text):
        if ch.isdigit() or (ch.isascii() and ch.isalpha()):
            return None
        if ch == _JOINING_YEH:
            after = text[i + 1] if i + 1 < len(text) else ""
            ranges.append(((0, 0), (1, 2) if after and ord(after) in _LETTER else (0, 0)))
        elif ch in _PUNCTUATION:
            ranges.append(((0, 1), (0, 1)))
        else:
            ranges.append((_ABOVE.get(ch, (0, 0)), _BELOW.get(ch, (0, 0))))
    return ranges


def _side(ranges: list[tuple[int, int]]) -> tuple[int, int]:
    """One side's (fewest, most): a run of letters that each must have dots there counts
    at least once; the most is every letter's most."""
    fewest = sum(1 for i, (low, _) in enumerate(ranges) if low and not (i and ranges[i - 1][0]))
    return fewest, sum(high for _, high in ranges)


def likeliest(text: str) -> tuple[int, int] | None:
    """The pieces ``text`` most likely shows above and below: one for each letter that has
    dots there (at 200 dpi a letter's two or three dots touch), one for a hamza or a
    vowel mark (drawn apart), none for the rings and strokes that touch their letter."""
    want = _ranges(text)
    if want is None:
        return None
    above = sum(1 for ch, (a, _) in zip(text, want, strict=True) if a[0] or ch in _OWN_PIECE)
    return above, sum(1 for _, below in want if below[0])


def distance(text: str, seen: tuple[int, int]) -> int | None:
    """How many pieces the ink has more or fewer than ``text`` most likely shows."""
    likely = likeliest(text)
    if likely is None:
        return None
    return abs(likely[0] - seen[0]) + abs(likely[1] - seen[1])


def agrees(text: str, seen: tuple[int, int]) -> bool:
    """Whether the pieces seen above and below fall in the ranges ``text`` asks for."""
    want = needed(text)
    if want is None:
        return False
    (a0, a1), (b0, b1) = want
    return a0 <= seen[0] <= a1 and b0 <= seen[1] <= b1


def seen(page: Any, factor: float, line: list[OcrWord]) -> list[tuple[int, int] | None]:
    """The dots (pieces) each word of a line shows above its letters and below its
    baseline, on ``page`` (``factor`` times the size the words' boxes are in: the scan's
    own size keeps a dot several pixels wide); None for a line with no baseline or row to
    measure by. The baseline is the line's own: the row where most of its letters' ink
    lies (the stroke that joins Arabic letters; one word alone may be all uprights). Each
    dot belongs to the word nearest to it (a word's box may miss its first letter by a few
    pixels)."""
    if not line or not line[0].baseline:
        return [None] * len(line)
    first = line[0]
    _, ly0, _, ly1 = first.line_box
    row = (first.row_height or (ly1 - ly0)) * factor
    (_, y_start), (_, y_end) = first.baseline
    line_base = (y_start + y_end) / 2 * factor
    # a little past the line's ends: a box may miss its word's first letter's dots
    pad = round(PAST_ENDS * row)
    left = max(0, round(min(w.box[0] for w in line) * factor) - pad)
    right = min(page.width, round(max(w.box[2] for w in line) * factor) + pad)
    top = max(0, round(line_base - OVER * row))
    bottom = min(page.height, round(line_base + UNDER * row))
    if row <= 0 or bottom - top < 2 or right <= left:
        return [None] * len(line)
    ink = np.asarray(page.crop((left, top, right, bottom)).convert("L")) < 128
    pieces = _pieces(ink)
    dots: list[tuple[int, int, int, int, int]] = []
    bodies: list[tuple[int, int, int, int, int]] = []
    for piece in pieces:
        (dots if _dot_sized(piece, row) else bodies).append(piece)
    letters = np.zeros(ink.shape[0])
    for y_lo, y_hi, x_lo, x_hi, _ in bodies:
        letters[y_lo : y_hi + 1] += ink[y_lo : y_hi + 1, x_lo : x_hi + 1].sum(axis=1)
    if not letters.any():
        return [None] * len(line)
    # the middle of the rows as inked as the most inked one: the joining stroke's middle
    base = float(np.flatnonzero(letters >= 0.95 * letters.max()).mean())
    counts = [[0, 0] for _ in line]
    spans = [(x0 * factor - left, x1 * factor - left) for x0, x1 in map(own_extent, line)]
    for piece in dots:
        middle = (piece[0] + piece[1]) / 2
        side = 0 if middle < base - ABOVE_AT * row else 1 if middle > base + BELOW_AT * row else -1
        if side < 0:
            continue
        x = (piece[2] + piece[3]) / 2
        nearest = min(range(len(line)), key=lambda k: max(spans[k][0] - x, x - spans[k][1], 0))
        counts[nearest][side] += 1
    return [(above, below) for above, below in counts]


class PageInk:
    """The dots of one page's lines (``seen``), each line counted once: the page's own
    reading is checked against them (``countable``), and a line read again weighs its
    readings by the same counts."""

    def __init__(self, page: Any, factor: float) -> None:
        self.page, self.factor = page, factor
        # the line's words are kept with the counts, so that their ids stay theirs
        self._counted: dict[tuple[int, ...], tuple[list[OcrWord], list[tuple[int, int] | None]]]
        self._counted = {}

    def seen(self, line: list[OcrWord]) -> list[tuple[int, int] | None]:
        key = tuple(map(id, line))
        if key not in self._counted:
            self._counted[key] = (list(line), seen(self.page, self.factor, line))
        return self._counted[key][1]

    def countable(self, words: list[OcrWord]) -> bool:
        """Whether this page's dots can be counted: the page's own reading agrees with its
        ink on most words (``COUNTABLE``; 93 % on the corpus's Dari and Pashto scans). Where
        it does not (other fonts, dots drawn too small or too close for this counting, a
        line printed in visual order), the dots are no evidence on the page."""
        agree = measured = 0
        for _, line_iter in itertools.groupby(words, key=lambda w: w.line):
            line = list(line_iter)
            for word, ink in zip(line, self.seen(line), strict=True):
                if ink is None or not _ARABIC_LETTER.search(word.text):
                    continue
                if needed(word.text) is None:
                    continue
                measured += 1
                agree += agrees(word.text, ink)
        return measured >= COUNTED_WORDS and agree >= COUNTABLE * measured


def countable(page: Any, factor: float, words: list[OcrWord]) -> bool:
    """``PageInk.countable`` for a page counted once."""
    return PageInk(page, factor).countable(words)


def _dot_sized(piece: tuple[int, int, int, int, int], row: float) -> bool:
    y_lo, y_hi, x_lo, x_hi, area = piece
    return (
        y_hi - y_lo + 1 <= DOT_HEIGHT * row
        and x_hi - x_lo + 1 <= DOT_WIDTH * row
        and area >= DOT_AREA * row * row
    )


def _pieces(ink: Any) -> list[tuple[int, int, int, int, int]]:
    """The connected pieces (8-neighbours) of a small binary picture: each one's rows,
    columns and area. Runs of ink per row are joined with the runs they touch in the row
    above (union-find over runs: linear in the runs)."""
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    runs: list[tuple[int, int, int]] = []  # (row, first, last column) of each run
    previous: list[int] = []
    for y, line in enumerate(ink):
        padded = np.concatenate(([False], line, [False]))
        edges = np.flatnonzero(padded[1:] != padded[:-1])
        current: list[int] = []
        j = 0  # the first run above that may still touch a run of this row
        for start, stop in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            first, last = start, stop - 1
            index = len(runs)
            runs.append((y, first, last))
            parent.append(index)
            current.append(index)
            # both rows' runs go left to right: each pair is looked at once at most, plus
            # one look past the last touching run (linear in the runs)
            while j < len(previous) and runs[previous[j]][2] < first - 1:
                j += 1
            k = j
            while k < len(previous) and runs[previous[k]][1] <= last + 1:
                a, b = find(index), find(previous[k])  # touching, diagonals too
                if a != b:
                    parent[a] = b
                k += 1
        previous = current
    pieces: dict[int, list[int]] = {}
    for index, (y, start, end) in enumerate(runs):
        root = find(index)
        box = pieces.setdefault(root, [y, y, start, end, 0])
        box[0], box[1] = min(box[0], y), max(box[1], y)
        box[2], box[3] = min(box[2], start), max(box[3], end)
        box[4] += end - start + 1
    return [tuple(b) for b in pieces.values()]  # type: ignore[misc]
