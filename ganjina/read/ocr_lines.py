"""Tesseract's words → Layout lines: order, size, box, weight and confidence.

A text layer gives a reader glyphs with fonts; OCR gives words with pixel boxes. This
module turns the second into the first, so the house-style recognizer cannot tell them
apart:

* **order**: a right-to-left line is rebuilt from its words' positions, right to left,
  with runs of Latin words and digit runs turned back to read left to right; inside a
  word, a run of digits is put in the order its symbols stand on the page (Tesseract
  sometimes gives an Arabic-script number's digits reversed);
* **size**: the line's row height (ascender to descender) in points, times the ratio of
  font size to row height measured on the sample corpus, snapped to the sizes of the
  other lines so that one size of type gives one number, as in a text layer;
* **box**: built around the baseline from that size, not from the ink (dots and
  descenders would make the gaps between lines jump);
* **bold**: strokes thicker than the page's usual for their size.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ganjina.read import raster
from ganjina.read.layout import Line
from ganjina.read.ocr_clean import (
    clean_text,
    printed_backwards,
    restore_commas,
    reverse_arabic_runs,
)

#: font size / row height, measured on the sample corpus (docs/ocr.md)
SIZE_PER_ROW = {"arabic": 0.85, "latin": 1.01}
#: a line whose strokes are this much thicker than body type's (scaled for its size) is bold
BOLD_RATIO = 1.2
#: a hyphen standing alone between words whose ink is at least this wide (in ems: the
#: line's size) is an en dash: Tesseract reads "–" as "-", but the glyphs differ in width
#: (en dash ≈ 0.5 em; a hyphen ≈ 0.25–0.33 em; measured on the corpus's 200 dpi scans:
#: spaced dashes 0.48–0.54 em)
EN_DASH_EMS = 0.42
#: and below this it is no wider than an en dash (an em dash is ≈ 1 em)
EM_DASH_EMS = 0.75
#: below this confidence a very short line is dust, not text
DUST_CONFIDENCE = 0.35
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN = re.compile("[A-Za-zÀ-ɏ]")
#: two letters of a script in a row: the word is in that script
SCRIPT_LETTERS = {
    "latin": re.compile(f"{_LATIN.pattern}{{2}}"),
    "arabic": re.compile(f"{_ARABIC_LETTER.pattern}{{2}}"),
}
_ARABIC_SCRIPT_LANGUAGES = frozenset(("fa", "ps", "ar", "ur"))
#: a glyph box wider than this many times its word's height is no glyph's (a long dash
#: or a stretched letter is about one to three)
WIDEST_GLYPH = 4
_DIGIT_RUN_CHAR = re.compile(r"[0-9۰-۹٠-٩]")


@dataclass
class OcrWord:
    text: str
    #: pixel boxes (x0, y0, x1, y1)
    box: tuple[int, int, int, int]
    confidence: float
    line: int
    line_box: tuple[int, int, int, int]
    baseline: Any = None
    row_height: float = 0.0
    para_start: bool = False
    #: (text, x0, x1) of each symbol, in Tesseract's order
    symbols: list[tuple[str, int, int]] = field(default_factory=list)


def _digits_in_place(word: OcrWord) -> str:
    """The word's text with each digit run (and the separators inside it) ordered by the
    symbols' positions, left to right, as digits are written in every script."""
    symbols = word.symbols
    if "".join(s[0] for s in symbols) != word.text or not _DIGIT_RUN_CHAR.search(word.text):
        return word.text
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(symbols):
        j = i
        while j < len(symbols) and (
            _DIGIT_RUN_CHAR.match(symbols[j][0])
            or (
                symbols[j][0] in "./:-,٫٬"
                and j > i
                and j + 1 < len(symbols)
                and _DIGIT_RUN_CHAR.match(symbols[j + 1][0])
            )
        ):
            j += 1
        if j > i:
            out.extend(sorted(symbols[i:j], key=lambda s: s[1]))
            i = j
        else:
            out.append(symbols[i])
            i += 1
    return "".join(s[0] for s in out)


def _dash_by_width(word: OcrWord, em_px: float) -> str:
    """A word read as a lone "-", as the dash its ink's width shows (``em_px``: the line's
    size in pixels); any other word unchanged."""
    if word.text != "-" or em_px <= 0:
        return word.text
    ems = (word.box[2] - word.box[0]) / em_px
    return "–" if EN_DASH_EMS <= ems < EM_DASH_EMS else word.text


def _is_ltr_word(text: str) -> bool:
    return not _ARABIC_LETTER.search(text) and bool(_LATIN.search(text) or text[:1].isdigit())


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """How much the spans [a0, a1] and [b0, b1] share (0 when apart)."""
    return max(0, min(a1, b1) - max(a0, b0))


def same_place(a: tuple[float, float], b: tuple[float, float], share: float = 0.5) -> bool:
    """Whether two spans across a line (of two readings of it) stand at the same place:
    they share ``share`` of the narrower one."""
    width = min(a[1] - a[0], b[1] - b[0])
    return width > 0 and overlap(a[0], a[1], b[0], b[1]) >= share * width


def box_around(boxes: Iterable[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    """The box around boxes (x0, y0, x1, y1)."""
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return (min(x0s), min(y0s), max(x1s), max(y1s))


def glyph_extent(word: OcrWord) -> tuple[int, int] | None:
    """The x extent of the word's glyphs leaving out any glyph box wider than
    ``WIDEST_GLYPH`` times the word's height (None: no such glyph, or nothing left)."""
    height = word.box[3] - word.box[1]
    sane = [(x0, x1) for _, x0, x1 in word.symbols if x1 - x0 <= WIDEST_GLYPH * height]
    if not sane or len(sane) == len(word.symbols):
        return None
    x0 = max(word.box[0], min(a for a, _ in sane))
    x1 = min(word.box[2], max(b for _, b in sane))
    return (x0, x1) if x0 < x1 else None


def own_extent(word: OcrWord) -> tuple[int, int]:
    """The x extent the word's glyphs really cover: its box, less any glyph Tesseract
    stretched over the line (``glyph_extent``)."""
    return glyph_extent(word) or (word.box[0], word.box[2])


def _where(word: OcrWord) -> float:
    """Where a word stands across the line: the median of its symbols' centres. Its box
    can be wrong: reading a line raw, Tesseract gave a name's last word the whole line's
    box (and one glyph of it a box as wide), which put it first in a right-to-left
    line; the other glyphs' boxes stood where the word is."""
    if not word.symbols:
        return (word.box[0] + word.box[2]) / 2
    return statistics.median((x0 + x1) / 2 for _, x0, x1 in word.symbols)


def _right_to_left(group: list[OcrWord], language: str) -> bool:
    """Whether a line reads right to left: on a Dari or Pashto page, when its rightmost
    word is in Arabic script (where such a line starts: "منبع: Harbour Review" has more
    Latin letters than Arabic ones and is still a Persian line); else when most of its
    letters are Arabic script."""
    if language in _ARABIC_SCRIPT_LANGUAGES:
        first = max(group, key=_where)
        if _ARABIC_LETTER.search(first.text):
            return True
    joined = " ".join(w.text for w in group)
    return len(_ARABIC.findall(joined)) >= max(1, len(_LATIN.findall(joined)))


def _line_text(words: list[OcrWord], rtl: bool) -> str:
    """The words of one line in logical order, from where they stand."""
    texts = [(_digits_in_place(w), w) for w in words]
    if not rtl:
        return " ".join(t for t, _ in sorted(texts, key=lambda tw: _where(tw[1])))
    ordered = sorted(texts, key=lambda tw: -_where(tw[1]))
    out: list[str] = []
    run: list[str] = []
    for text, _ in ordered:
        if _is_ltr_word(text):
            run.append(text)
            continue
        if run:
            out.extend(reversed(run))  # drawn left to right inside the right-to-left line
            run = []
        out.append(text)
    out.extend(reversed(run))
    return " ".join(out)


def _baseline_y(word: OcrWord) -> float:
    if word.baseline:
        (_x0, y0), (_x1, y1) = word.baseline
        return float(y0 + y1) / 2.0
    return float(word.line_box[3])


#: sizes this close to the next smaller one measured on the page are one size of type...
SNAP_STEP = 1.05
#: ...as long as the whole group stays within this span (a chain of small steps is not
#: one size)
SNAP_SPAN = 1.15


def _snap(sizes: list[float]) -> list[float]:
    """Sizes that step up from each other by less than SNAP_STEP are one size of type:
    give them their median. Steps, not a fixed window from the smallest: the two lines of
    a title measured 14.7 and 15.3 pt were cut apart by a 7 % window that began at a
    13.7 pt line (13.7 and 15.6 after it; the recognizer then took half the title)."""
    order = sorted(range(len(sizes)), key=lambda i: sizes[i])
    out = list(sizes)
    group: list[int] = []
    for i in [*order, -1]:
        if (
            i >= 0
            and group
            and sizes[i] <= sizes[group[-1]] * SNAP_STEP
            and sizes[i] <= sizes[group[0]] * SNAP_SPAN
        ):
            group.append(i)
            continue
        if group:
            middle = round(statistics.median(sizes[k] for k in group), 1)
            for k in group:
                out[k] = middle
        group = [i] if i >= 0 else []
    return out


@dataclass
class PageLines:
    lines: list[Line]
    #: (confidence, characters) of each line
    confidences: list[tuple[float, int]]
    #: the page's right-to-left text was printed in visual order (and has been reversed)
    backwards: bool = False


def line_row(group: list[OcrWord]) -> float:
    """A line's row height in pixels: Tesseract's, else its words' line box's."""
    row = max((w.row_height for w in group), default=0.0)
    if row > 0:
        return row
    box = _union([w.line_box for w in group])
    return float(box[3] - box[1])


def mean_confidence(words: list[OcrWord]) -> float:
    """The words' confidence, weighted by their letters (0.0 for none)."""
    letters = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / letters if letters else 0.0


def build_lines(
    words: list[OcrWord],
    page_no: int,
    scale: float,
    img: Any,
    language: str,
    backwards_before: bool = False,
) -> PageLines:
    """The page's lines from its OCR words (``scale``: points per pixel)."""
    from ganjina.read.ocr_punctuation import semicolons_from_ink  # it uses this module

    groups = [list(g) for _, g in itertools.groupby(words, key=lambda w: w.line)]
    groups = [g for g in groups if any(w.text.strip() for w in g)]
    mask = raster.ink(img) if groups else None
    raw: list[tuple[str, list[OcrWord], bool, float, float]] = []
    for group in groups:
        rtl = _right_to_left(group, language)
        row = line_row(group)
        if not rtl:  # a Latin line's row height gives its size to a few per cent
            for w in group:
                w.text = _dash_by_width(w, row * SIZE_PER_ROW["latin"])
        if rtl and mask is not None:
            semicolons_from_ink(group, mask)
        text = clean_text(_line_text(group, rtl), language if rtl else "")
        chars = sum(len(w.text) for w in group) or 1
        confidence = sum(w.confidence * len(w.text) for w in group) / chars
        if not text or (confidence < DUST_CONFIDENCE and len(text) <= 3):
            continue
        raw.append((text, group, rtl, row, confidence))
    backwards = printed_backwards([r[0] for r in raw], backwards_before)
    if backwards:
        raw = [(reverse_arabic_runs(t), g, rtl, row, c) for t, g, rtl, row, c in raw]
    if sum(r[2] for r in raw) * 2 > len(raw):  # a right-to-left page
        texts = restore_commas([r[0] for r in raw])
        raw = [(t, g, rtl, row, c) for t, (_, g, rtl, row, c) in zip(texts, raw, strict=True)]
    sizes = _snap(
        [row * scale * SIZE_PER_ROW["arabic" if rtl else "latin"] for _, _, rtl, row, _ in raw]
    )
    strokes = [_stroke(mask, _union([w.box for w in g])) for _, g, _, _, _ in raw]
    body, body_stroke = _body_stroke(sizes, strokes, [len(r[0]) for r in raw])
    lines: list[Line] = []
    for (text, group, rtl, _row, _confidence), size, stroke in zip(
        raw, sizes, strokes, strict=True
    ):
        box = _union([w.box for w in group])
        base = _baseline_y(group[0])
        lines.append(
            Line(
                text=text,
                page=page_no,
                bbox=(
                    box[0] * scale,
                    base * scale - 0.9 * size,
                    box[2] * scale,
                    base * scale + 0.35 * size,
                ),
                size=size,
                bold=_is_bold(stroke, size, body, body_stroke),
                rtl=rtl,
            )
        )
    return PageLines(lines, [(c, len(t)) for t, _, _, _, c in raw], backwards)


def _union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _stroke(mask: Any, box: tuple[int, int, int, int]) -> float:
    if mask is None:
        return 0.0
    x0, y0, x1, y1 = box
    return raster.stroke_width(mask[max(0, y0) : y1, max(0, x0) : x1])


def _body_stroke(
    sizes: list[float], strokes: list[float], lengths: list[int]
) -> tuple[float, float]:
    """The size of the page's body type (the size with the most characters) and the median
    stroke thickness of its lines."""
    chars: dict[float, int] = {}
    for size, n in zip(sizes, lengths, strict=True):
        chars[size] = chars.get(size, 0) + n
    if not chars:
        return 0.0, 0.0
    body = max(chars, key=lambda k: chars[k])
    at_body = [s for s, z in zip(strokes, sizes, strict=True) if z == body and s]
    return body, statistics.median(at_body) if at_body else 0.0


def _is_bold(stroke: float, size: float, body: float, body_stroke: float) -> bool:
    """Bold: strokes thicker than body type's by BOLD_RATIO, the bar raised with the
    square root of the size (measured: bold strokes grow slower than the type)."""
    if not body or not body_stroke or not stroke:
        return False
    return bool(stroke >= BOLD_RATIO * body_stroke * max(1.0, (size / body) ** 0.5))


def line_crop(img: Any, group: list[OcrWord]) -> tuple[int, int, int, int]:
    """The box around a line's words, with a little white (Tesseract reads a line with a
    margin best), inside the page."""
    return (
        max(0, min(w.line_box[0] for w in group) - 6),
        max(0, min(w.line_box[1] for w in group) - 6),
        min(img.width, max(w.line_box[2] for w in group) + 6),
        min(img.height, max(w.line_box[3] for w in group) + 6),
    )
