"""Numbers in Arabic-script lines read again one glyph at a time.

Tesseract's Persian, Pashto and Arabic-script models read words, and a run of Persian
digits is where they slip most (measured on the scan corpus: every date of the Dari and
Pashto scans wrong): a digit beside another is lost (``۱۰`` read ``۰``), and in a
``۰۲.۰۸.۲۰۲۳`` the full stops and the zeros, both a dot in Amiri, come out as anything.
Persian digits are each one piece of ink standing apart from its neighbours, so a number
can be cut into its glyphs by the white columns between them and each glyph read alone
(PSM 10, the script's digits only), which reads them right. A dot is not read at all: a
zero stands at the middle of the digits' height, a full stop on their baseline (measured:
its centre at 0.5 of the digits' height for ``۰``, 0.7 for ``.``), so where it stands
says which it is.

The reading replaces Tesseract's only when every glyph of the number was read with
confidence; the number's glyphs are those under a word Tesseract read as a number, and
the pieces of ink next to them (closer than a digit's height, under no word of letters),
which is where the lost digits are.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ganjina.read import raster
from ganjina.read.ocr_lines import OcrWord, glyph_extent, overlap

#: the digits a glyph may be read as (Extended Arabic-Indic: Dari and Pashto print these)
DIGITS = "۰۱۲۳۴۵۶۷۸۹"
#: a glyph read with less confidence than this makes the whole number keep Tesseract's
MIN_GLYPH_CONFIDENCE = 0.4
#: a dot whose centre stands lower than this share of the digits' height is a full stop
STOP_BELOW = 0.62
#: a dot is at most this tall and wide, as shares of the digits' height
DOT_HEIGHT, DOT_WIDTH = 0.45, 0.6
#: pieces of ink closer than this (share of the digits' height) belong to the same number
GLYPH_GAP = 0.8
#: a line read with less confidence than this may be a date its model did not know
WEAK_LINE = 0.5
#: a date has no more glyphs than this (``۲۰۲۳.۰۸.۰۲`` has ten)
MAX_DATE_GLYPHS = 14
#: the loop digits, told apart by their shape
LOOP_DIGITS = ("۵", "۹")
#: a loop digit whose lowest third is narrower than this share of its widest row is ۹
STEM_RATIO = 0.42
#: the digits' heights, in pixels, a glyph is read at: one reading alone is unsteady
#: (a ۹ read ۵ at one size, ۹ at the next), the readings at three sizes vote
GLYPH_PX = (32, 40, 48)

_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_NUMBERISH = re.compile(r"[0-9۰-۹٠-٩.,/:\-٫٬'\"°+]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3]")
_LETTER = re.compile(r"[^\W\d_]")

Box = tuple[int, int, int, int]
#: reads one glyph from its pictures at several sizes: (text, confidence 0..1)
ReadGlyph = Callable[[list[Any]], tuple[str, float]]


@dataclass
class _Glyph:
    x0: int
    x1: int
    top: int
    bottom: int

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def is_number(text: str) -> bool:
    """A word Tesseract read as a number: digits, with at most as many other signs (the
    separators, or a misread digit) and no more than one letter."""
    digits = len(_DIGIT.findall(text))
    signs = len(_NUMBERISH.findall(text))
    letters = len(_ARABIC_LETTER.findall(text))
    return digits >= 1 and letters <= 1 and signs + letters == len(text) and digits * 2 >= len(text)


def reread_numbers(
    words: list[OcrWord], full: Any, factor: float, read_glyph: ReadGlyph
) -> list[OcrWord]:
    """``words`` (in the pixels of the picture Tesseract read) with each number read again
    glyph by glyph on ``full``, the same page ``factor`` times larger."""
    out: list[OcrWord] = []
    start = 0
    while start < len(words):
        end = start
        while end < len(words) and words[end].line == words[start].line:
            end += 1
        out.extend(_line(words[start:end], full, factor, read_glyph))
        start = end
    return out


def _scaled(box: Box, factor: float) -> Box:
    return (
        int(box[0] * factor),
        int(box[1] * factor),
        round(box[2] * factor),
        round(box[3] * factor),
    )


def _band(full: Any, boxes: list[Box], top: int, bottom: int) -> list[_Glyph]:
    """The glyphs of the row between ``top`` and ``bottom`` across ``boxes``."""
    pad = max(2, (bottom - top) // 4)
    x0 = max(0, min(b[0] for b in boxes) - 4 * pad)
    x1 = min(full.width, max(b[2] for b in boxes) + 4 * pad)
    y0, y1 = max(0, top - pad), min(full.height, bottom + pad)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return []
    return _glyphs(raster.ink(full.crop((x0, y0, x1, y1))), x0, y0)


def _weak_date_line(
    line: list[OcrWord], full: Any, factor: float, read_glyph: ReadGlyph
) -> OcrWord | None:
    """A line without an Arabic letter, read with little confidence or as digits mixed with
    signs no number has, read glyph by glyph as one number: kept when that reads as a
    whole date (the Arabic-script model reads a ``۱۸.۱۰.۲۰۲۳`` as ``ANY``, tessdata_best's
    Persian model a ``۱۲.۰۵.۲۰۲۳`` as ``۱۳(``; a date's structure is evidence a run of
    junk lacks)."""
    from ganjina.text import parse_date

    if any(_ARABIC_LETTER.search(w.text) for w in line):
        return None
    chars = sum(len(w.text) for w in line) or 1
    weak = sum(w.confidence * len(w.text) for w in line) / chars < WEAK_LINE
    garbled = any(_DIGIT.search(w.text) and not is_number(w.text) for w in line)
    if not (weak or garbled):
        return None
    boxes = [_scaled(w.line_box, factor) for w in line]
    glyphs = _band(full, boxes, min(b[1] for b in boxes), max(b[3] for b in boxes))
    inside = [g for g in glyphs if any(_inside(g.centre, b) for b in boxes)]
    if not inside or len(inside) > MAX_DATE_GLYPHS:
        return None
    word = _read_number(line, inside, full, factor, read_glyph)
    if word is None:
        return None
    found = parse_date(word.text)
    return word if found is not None and found.precision == "day" else None


def _line(line: list[OcrWord], full: Any, factor: float, read_glyph: ReadGlyph) -> list[OcrWord]:
    if (date := _weak_date_line(line, full, factor, read_glyph)) is not None:
        return [date]
    numbers = [i for i, w in enumerate(line) if is_number(w.text)]
    if not numbers:
        return line
    boxes = [
        _scaled(_own_box(w, line) if i in numbers else w.box, factor) for i, w in enumerate(line)
    ]
    top = min(boxes[i][1] for i in numbers)
    bottom = max(boxes[i][3] for i in numbers)
    glyphs = _band(full, boxes, top, bottom)
    # a word of signs only ("+," for a dot and a comma) is no barrier: it may be a digit
    letters = [boxes[i] for i, w in enumerate(line) if i not in numbers and _LETTER.search(w.text)]
    groups: list[tuple[list[int], list[_Glyph]]] = []
    for i in numbers:
        found = _number_glyphs(glyphs, boxes[i], letters)
        if not found:
            continue
        if groups and any(g in groups[-1][1] for g in found):
            words_in, old = groups[-1]
            groups[-1] = (
                [*words_in, i],
                sorted({id(g): g for g in old + found}.values(), key=lambda g: g.x0),
            )
        else:
            groups.append(([i], found))
    signs = [i for i, w in enumerate(line) if i not in numbers and not _LETTER.search(w.text)]
    replaced: dict[int, OcrWord | None] = {}
    for members, found in groups:
        # a word of signs over the number's glyphs was a misread part of it
        over = [i for i in signs if found[0].x0 <= (boxes[i][0] + boxes[i][2]) / 2 <= found[-1].x1]
        members = [*members, *over]
        word = _read_number([line[i] for i in members], found, full, factor, read_glyph)
        if word is None:
            continue
        replaced[members[0]] = word
        for i in members[1:]:
            replaced.setdefault(i, None)
    out: list[OcrWord] = []
    for i, w in enumerate(line):
        if i not in replaced:
            out.append(w)
        elif (new := replaced[i]) is not None:
            out.append(new)
    return out


def _own_box(number: OcrWord, line: list[OcrWord]) -> Box:
    """A number's box, cut to its glyphs when Tesseract stretched one glyph (and so the
    word) over words of letters beside it: a date's last digit given the width of the
    label and outlet before it, where the number's glyphs were then looked for. A
    stretched glyph over nothing but the number is kept: the number's lost digits are
    there."""
    extent = glyph_extent(number)
    if extent is None:
        return number.box
    x0, y0, x1, y1 = number.box
    over_letters = any(
        w is not number
        and _LETTER.search(w.text)
        and overlap(x0, x1, w.box[0], w.box[2]) > 0
        and not extent[0] <= (w.box[0] + w.box[2]) / 2 <= extent[1]
        for w in line
    )
    return (extent[0], y0, extent[1], y1) if over_letters else number.box


def _glyphs(mask: Any, dx: int, dy: int) -> list[_Glyph]:
    """The band's pieces of ink between white columns, in page pixels, left to right."""
    import numpy as np

    columns = mask.any(axis=0)
    out: list[_Glyph] = []
    x = 0
    width = columns.shape[0]
    while x < width:
        if not columns[x]:
            x += 1
            continue
        end = x
        while end < width and columns[end]:
            end += 1
        rows = np.flatnonzero(mask[:, x:end].any(axis=1))
        if int(mask[:, x:end].sum()) >= 3:
            out.append(_Glyph(x + dx, end + dx, int(rows[0]) + dy, int(rows[-1]) + 1 + dy))
        x = end
    return out


def _inside(x: float, box: Box) -> bool:
    return box[0] <= x <= box[2]


def _number_glyphs(glyphs: list[_Glyph], word: Box, letters: list[Box]) -> list[_Glyph]:
    """The glyphs under a number word, with their neighbours closer than a digit's height
    that stand under no word of letters (the digits Tesseract lost)."""
    seed = [k for k, g in enumerate(glyphs) if _inside(g.centre, word)]
    if not seed:
        return []
    # the word's own height where its glyphs are all dots (a lone ۰)
    height = max(max(glyphs[k].height for k in seed), word[3] - word[1])
    gap = GLYPH_GAP * height
    lo, hi = seed[0], seed[-1]
    while lo > 0 and _joins(glyphs[lo - 1], glyphs[lo], gap, letters):
        lo -= 1
    while hi + 1 < len(glyphs) and _joins(glyphs[hi], glyphs[hi + 1], gap, letters):
        hi += 1
    return glyphs[lo : hi + 1]


def _joins(left: _Glyph, right: _Glyph, gap: float, letters: list[Box]) -> bool:
    if right.x0 - left.x1 > gap:
        return False
    return not any(_inside(left.centre, b) or _inside(right.centre, b) for b in letters)


def _read_number(
    words: list[OcrWord], glyphs: list[_Glyph], full: Any, factor: float, read_glyph: ReadGlyph
) -> OcrWord | None:
    tallest = max(g.height for g in glyphs)
    tall = [g for g in glyphs if g.height >= 0.6 * tallest]
    top = statistics.median(g.top for g in tall)
    height = max(1.0, statistics.median(g.bottom for g in tall) - top)
    symbols: list[tuple[str, int, int]] = []
    confidences: list[float] = []
    for g in glyphs:
        if g.height <= DOT_HEIGHT * height and (g.x1 - g.x0) <= DOT_WIDTH * height:
            middle = (g.top + g.bottom) / 2
            text, confidence = ("." if (middle - top) / height > STOP_BELOW else "۰"), 0.9
        else:
            text, confidence = read_glyph(
                [_glyph_picture(full, g, top, height, px) for px in GLYPH_PX]
            )
            if text in LOOP_DIGITS:
                text = _loop_digit(full, g)
        if len(text) != 1 or text not in DIGITS + "." or confidence < MIN_GLYPH_CONFIDENCE:
            return None
        symbols.append((text, round(g.x0 / factor), round(g.x1 / factor)))
        confidences.append(confidence)
    if not any(s[0] in DIGITS for s in symbols):
        return None
    first = words[0]
    line_boxes = [w.line_box for w in words]
    return OcrWord(
        text="".join(s[0] for s in symbols),
        box=(
            round(glyphs[0].x0 / factor),
            round(min(g.top for g in glyphs) / factor),
            round(glyphs[-1].x1 / factor),
            round(max(g.bottom for g in glyphs) / factor),
        ),
        confidence=statistics.fmean(confidences),
        line=first.line,
        line_box=(
            min(b[0] for b in line_boxes),
            min(b[1] for b in line_boxes),
            max(b[2] for b in line_boxes),
            max(b[3] for b in line_boxes),
        ),
        baseline=first.baseline,
        row_height=max(w.row_height for w in words),
        para_start=any(w.para_start for w in words),
        symbols=symbols,
    )


def _loop_digit(full: Any, g: _Glyph) -> str:
    """۵ or ۹, the two loops the models mix up alone, from the shape: ۹'s loop stands on a
    stem, so its lowest rows are narrow; ۵ is a loop down to its base (measured on Amiri:
    lowest third 0.12–0.24 of the widest row for ۹, 0.6 for ۵)."""
    mask = raster.ink(full.crop((g.x0 - 2, g.top - 2, g.x1 + 2, g.bottom + 2)))
    widths = [int(n) for n in mask.sum(axis=1) if n]
    if not widths:
        return "۵"
    low = widths[int(len(widths) * 0.65) :] or widths[-1:]
    return "۵" if sum(low) / len(low) >= STEM_RATIO * max(widths) else "۹"


def _glyph_picture(full: Any, g: _Glyph, top: float, height: float, px: int) -> Any:
    """One glyph on white, with a margin, scaled so the digits are ``px`` tall."""
    from PIL import Image

    y0 = int(min(g.top, top)) - 2
    y1 = int(max(g.bottom, top + height)) + 2
    crop = full.crop((g.x0 - 1, max(0, y0), g.x1 + 1, min(full.height, y1)))
    scale = px / height
    size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
    crop = crop.resize(size, Image.Resampling.LANCZOS)
    margin = px // 2
    canvas = Image.new("L", (crop.width + 2 * margin, crop.height + 2 * margin), 255)
    canvas.paste(crop.convert("L"), (margin, margin))
    return canvas
