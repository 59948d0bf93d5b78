"""Rows of text Tesseract's page layout lost or split, read again one row at a time.

Tesseract finds a page's text lines before it reads them, and on the scan corpus that
first step is where whole lines go: the last line of a page above its page number, a
short right-aligned date line, a line between two paragraphs (measured: 21 lines lost on
14 Dari and Pashto scans, a third of their body errors), and a large bold title comes
out as two overlapping half-lines, each garbled. The picture itself shows where the rows
of ink are (``raster.text_rows``), so:

* a row of ink of text height that no line read covers is cropped and read as one line
  (PSM 7); the reading is kept when Tesseract is reasonably sure of it;
* two lines read one over the other (their boxes overlap by most of their height) are
  one line cut in two: their row is read again as one line, and that reading replaces
  both when it is more confident than they were;
* a line read with little confidence (a short date line beside a wide title, read as
  "۳(") is read again alone, and that reading stays when it is clearly more confident.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Iterable
from typing import Any

from ganjina.read import raster
from ganjina.read.ocr_lines import OcrWord, box_around, mean_confidence
from ganjina.read.ocr_lines import overlap as _overlap

#: a row lost by the layout is taken when read with at least this confidence
MIN_ROW_CONFIDENCE = 0.6
#: rows this far from the page's usual line height are not lines of text (pictures,
#: rules, dust): multiples of the median height of the lines read
ROW_HEIGHT_RANGE = (0.5, 2.2)
#: a row is read already when a line's box covers this share of its height
COVERED = 0.5
#: a line read with less confidence than this is read again alone
WEAK_LINE = 0.5
#: and the new reading stays when it is this much more confident
WEAK_GAIN = 0.1
#: pixels of white kept around a row's crop (Tesseract reads a line with a margin best)
MARGIN = 8

Box = tuple[int, int, int, int]
#: reads a crop of the page as one line: (crop box) → words in page pixels
ReadRow = Callable[[Box], list[OcrWord]]


def _lines(words: Iterable[OcrWord]) -> list[list[OcrWord]]:
    return [list(g) for _, g in itertools.groupby(words, key=lambda w: w.line)]


def _box(group: list[OcrWord]) -> Box:
    return box_around(w.line_box for w in group)


def _has_text(group: list[OcrWord]) -> bool:
    return sum(ch.isalnum() for w in group for ch in w.text) >= 2


def _pad(box: Box, width: int, height: int) -> Box:
    x0, y0, x1, y1 = box
    return (
        max(0, x0 - MARGIN),
        max(0, y0 - MARGIN),
        min(width, x1 + MARGIN),
        min(height, y1 + MARGIN),
    )


def mend_rows(
    img: Any, dpi: float, words: list[OcrWord], read_row: ReadRow, weak: bool = True
) -> list[OcrWord]:
    """The page's words with split lines read again whole and lost rows read and put in
    their place (after the last line that starts above them), lines numbered anew.
    ``weak``: read weak lines again alone (not on Latin pages, where a weak line is mostly
    another script's, for the second opinion: measured, the Latin model's own second
    reading of a Persian label won there and the label was lost)."""
    groups = _join_split_lines(img, _lines(words), read_row)
    if weak:
        groups = _read_weak_lines(img, groups, read_row)
    groups = _add_lost_rows(img, dpi, groups, read_row)
    out: list[OcrWord] = []
    for number, group in enumerate(groups, start=1):
        for w in group:
            w.line = number
            out.append(w)
    return out


def _join_split_lines(
    img: Any, groups: list[list[OcrWord]], read_row: ReadRow
) -> list[list[OcrWord]]:
    out: list[list[OcrWord]] = []
    for group in groups:
        if out:
            a, b = _box(out[-1]), _box(group)
            shorter = min(a[3] - a[1], b[3] - b[1])
            narrower = min(a[2] - a[0], b[2] - b[0])
            if (
                shorter > 0
                and _overlap(a[1], a[3], b[1], b[3]) >= 0.5 * shorter
                and _overlap(a[0], a[2], b[0], b[2]) >= 0.5 * narrower
            ):
                union = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                again = read_row(_pad(union, img.width, img.height))
                was = max(mean_confidence(out[-1]), mean_confidence(group))
                if again and _has_text(again) and mean_confidence(again) > was:
                    out[-1] = again
                    continue
        out.append(group)
    return out


def _read_weak_lines(
    img: Any, groups: list[list[OcrWord]], read_row: ReadRow
) -> list[list[OcrWord]]:
    out: list[list[OcrWord]] = []
    for group in groups:
        was = mean_confidence(group)
        if was < WEAK_LINE:
            again = read_row(_pad(_box(group), img.width, img.height))
            if again and _has_text(again) and mean_confidence(again) >= was + WEAK_GAIN:
                group = again
        out.append(group)
    return out


def _add_lost_rows(
    img: Any, dpi: float, groups: list[list[OcrWord]], read_row: ReadRow
) -> list[list[OcrWord]]:
    boxes = [_box(g) for g in groups]
    if not boxes:
        return groups
    usual = statistics.median(b[3] - b[1] for b in boxes)
    low, high = ROW_HEIGHT_RANGE
    out = list(groups)
    for row in raster.text_rows(img, dpi):
        x0, y0, x1, y1 = row
        height = y1 - y0
        if not low * usual <= height <= high * usual:
            continue
        if any(
            _overlap(y0, y1, b[1], b[3]) >= COVERED * height and _overlap(x0, x1, b[0], b[2])
            for b in map(_box, out)
        ):
            continue
        again = read_row(_pad(row, img.width, img.height))
        if not again or not _has_text(again) or mean_confidence(again) < MIN_ROW_CONFIDENCE:
            continue
        # after the last line (in reading order) that starts above the row
        index = max((i + 1 for i, g in enumerate(out) if _box(g)[1] < y0), default=0)
        out.insert(index, again)
    return out
