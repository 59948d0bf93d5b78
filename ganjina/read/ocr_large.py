"""Lines set far larger than the body, read again at the body's size.

The page is brought to the size where its body rows read best (``raster.BEST_ROW_PX``),
and at that size a title set at twice the body's size is a row twice too tall: Tesseract
loses letters there that it reads in the body (measured on the Dari and Pashto scans of
the corpus: `کتاب` read `کاب`, a stacked ligature lost). Each such line is cropped, made
smaller until its row is about the body's, and read alone (PSM 7) by the page's model
and by the script's model; the most confident reading replaces the line when it is
clearly more confident than the page reading was. Lines near the body's size are left
as read: their reading size is already the best one.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

from PIL import Image

from ganjina.read.ocr_lines import OcrWord, line_row, mean_confidence
from ganjina.read.ocr_rows import _box, _lines, _pad

#: a line is large when its row is this many times the body's row
LARGE_ROW = 1.4
#: the sizes a large line is read at, as its row over the body's row
READ_AT = (0.7, 0.85, 1.0)
#: a new reading replaces the line when it is this much more confident
GAIN = 0.05
#: and at least this confident: a weak line is mostly another script's (a Persian
#: masthead on a Latin page), left to the second opinion of the other script's model
SURE = 0.75

#: reads a picture as one line by a model: (picture, model) → words in its pixels
ReadLine = Callable[[Any, str], list[OcrWord]]
#: mends a line's chosen reading word by word from its other readings
MendLine = Callable[[list[OcrWord], list[list[OcrWord]]], list[OcrWord]]


def body_row(groups: list[list[OcrWord]]) -> float:
    """The row height of the page's body: the median row of its lines, each line counted
    once per letter (a page holds more body letters than anything else)."""
    rows = [(line_row(g), sum(len(w.text) for w in g)) for g in groups]
    weighted = [row for row, letters in rows if row > 0 for _ in range(min(letters, 400))]
    return float(statistics.median(weighted)) if weighted else 0.0


def _placed(
    word: OcrWord, factor: float, offset: tuple[int, int], like: OcrWord, row: float
) -> OcrWord:
    """A word read on a crop made ``factor`` times smaller, in the page's pixels, on the
    line of ``like``, its row the line's as the page read it (the size of the type is
    measured on the page, not on the crop)."""
    dx, dy = offset

    def box(b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (
            round(b[0] / factor) + dx,
            round(b[1] / factor) + dy,
            round(b[2] / factor) + dx,
            round(b[3] / factor) + dy,
        )

    baseline = None
    if word.baseline:
        (bx0, by0), (bx1, by1) = word.baseline
        baseline = (
            (round(bx0 / factor) + dx, round(by0 / factor) + dy),
            (round(bx1 / factor) + dx, round(by1 / factor) + dy),
        )
    return OcrWord(
        text=word.text,
        box=box(word.box),
        confidence=word.confidence,
        line=like.line,
        line_box=box(word.line_box),
        baseline=baseline or like.baseline,
        row_height=row,
        para_start=like.para_start,
        symbols=[
            (t, round(x0 / factor) + dx, round(x1 / factor) + dx) for t, x0, x1 in word.symbols
        ],
    )


def reread_large_lines(
    img: Any,
    words: list[OcrWord],
    models: tuple[str, ...],
    read_line: ReadLine,
    full: Any = None,
    mend: MendLine | None = None,
    more: tuple[str, ...] = (),
) -> list[OcrWord]:
    """The page's words with each line far larger than the body read again at about the
    body's size by each of ``models``, the most confident reading kept where it is
    clearly more confident than the page's. ``full``: the page at the scan's own size
    (``img`` when None), which the lines are cropped from: made smaller once, from the
    scan, they keep more of their letters than made smaller twice. ``mend``: given the
    chosen reading and the others, mends it word by word (each reading lost different
    letters of the corpus's titles); ``more``: models whose readings only ``mend`` weighs
    (another language's model, whose whole line may hold letters the page's language
    does not write)."""
    source = img if full is None else full
    scale = source.width / img.width
    groups = _lines(words)
    body = body_row(groups)
    if body <= 0:
        return words
    out: list[OcrWord] = []
    for group in groups:
        row = line_row(group)
        if row < LARGE_ROW * body or not any(w.text.strip() for w in group):
            out.extend(group)
            continue
        best, best_confidence = group, max(SURE, mean_confidence(group) + GAIN)
        readings = [group]
        x0, y0, x1, y1 = _pad(_box(group), img.width, img.height)
        crop = source.crop(
            (round(x0 * scale), round(y0 * scale), round(x1 * scale), round(y1 * scale))
        )
        for share in READ_AT:
            factor = share * body / row / scale
            size = (max(1, round(crop.width * factor)), max(1, round(crop.height * factor)))
            small = crop.resize(size, Image.Resampling.LANCZOS)
            for model in (*models, *(more if mend is not None else ())):
                again = [w for w in read_line(small, model) if w.text.strip()]
                placed = [_placed(w, factor * scale, (x0, y0), group[0], row) for w in again]
                readings.append(placed)
                confidence = mean_confidence(again)
                if again and confidence > best_confidence and model in models:
                    best, best_confidence = placed, confidence
        if mend is not None:
            best = mend(best, [r for r in readings if r is not best and r])
        out.extend(best)
    return out
