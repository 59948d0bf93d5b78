"""What the page geometry says about lines: the text column, alignment, paragraph starts."""

from __future__ import annotations

import bisect
import itertools

from ganjina.read.layout import Line


def column_edges(spans: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The left and right margins of a page's text column, from its lines' extents.

    Taken from the wide lines (those covering more than half of the widest extent), so
    that a page number or a short heading beyond the column does not move the margins.
    """
    if not spans:
        return None
    left = min(a for a, _ in spans)
    right = max(b for _, b in spans)
    wide = [(a, b) for a, b in spans if b - a > 0.5 * (right - left)]
    if len(wide) >= 2:
        return min(a for a, _ in wide), max(b for _, b in wide)
    return left, right


def set_alignment(lines: list[Line]) -> None:
    """Left / right / centre / justify from where a line sits between the page's margins."""
    edges = column_edges([(ln.bbox[0], ln.bbox[2]) for ln in lines if ln.bbox])
    if edges is None:
        return
    left, right = edges
    column = max(right - left, 1.0)
    for ln in lines:
        if not ln.bbox:
            continue
        gap_left, gap_right = ln.bbox[0] - left, right - ln.bbox[2]
        if ln.bbox[2] - ln.bbox[0] > 0.92 * column:
            ln.align = "justify"
        elif gap_left > 0.04 * column and abs(gap_left - gap_right) < 0.06 * column:
            ln.align = "center"
        elif gap_left > gap_right:
            ln.align = "right"
        else:
            ln.align = "left"


def _median(values: list[float]) -> float | None:
    values = sorted(values)
    return values[len(values) // 2] if values else None


def _style_changes(prev: Line, ln: Line) -> bool:
    size_changes = abs((prev.size or 0) - (ln.size or 0)) > 1.5
    return size_changes or (prev.bold, prev.italic) != (ln.bold, ln.italic)


def mark_paragraphs(lines: list[Line]) -> None:
    """Decide where printed paragraphs start, from the lines' geometry.

    Word processors' PDFs often put every line in a block of its own, so the file's
    blocks say nothing about paragraphs. A paragraph starts where the gap above a line is
    wider than the usual line pitch for its size, or where size or style changes.
    """
    text_lines = [ln for ln in lines if ln.hint != "image" and ln.bbox]
    pitches: dict[float, list[float]] = {}
    for above, below in itertools.pairwise(text_lines):
        same_size = abs((above.size or 0) - (below.size or 0)) < 0.5
        if above.page == below.page and same_size and above.bbox and below.bbox and below.size:
            pitch = below.bbox[1] - above.bbox[1]
            if 0.8 * below.size <= pitch <= 2.5 * below.size:
                pitches.setdefault(below.size, []).append(below.bbox[1] - above.bbox[3])
    usual = {size: _median(values) for size, values in pitches.items()}
    prev: Line | None = None
    for ln in lines:
        if ln.hint == "image" or ln.bbox is None:
            prev = None
            continue
        if prev is None or prev.page != ln.page or prev.bbox is None or _style_changes(prev, ln):
            ln.para_start = True
        else:
            # the white space between the lines, against the usual leading for this size
            gap = ln.bbox[1] - prev.bbox[3]
            size = ln.size or 12.0
            normal = usual.get(ln.size) if ln.size is not None else None
            if normal is None:
                normal = size * 0.3
            ln.para_start = gap > normal + 0.25 * size or ln.bbox[1] < prev.bbox[1]
        prev = ln


#: a gutter is looked for between these shares of the text's width
_GUTTER_FROM, _GUTTER_TO = 0.3, 0.7
_GUTTER_MIN = 6.0  # points of white a gutter has at least
_COLUMN_LINES = 6  # lines a column has at least, each side
_COLUMN_WIDE = 0.3  # share of the text's width a line of running text fills at least
_COLUMN_MAX = 0.55  # a line of one column fills at most this share of the text's width
_CROSSING_LINES, _CROSSING_SHARE = 2, 0.05  # narrow lines that may cross a gutter
_CENTRED = 0.1  # a line whose middle is this near the text's middle stands across both


def column_keys(
    boxes: list[tuple[float, float, float, float]],
    rtl: bool,
    text: list[bool] | None = None,
    drawn: list[int | None] | None = None,
) -> list[tuple[int, int, float]] | None:
    """Sort keys in reading order for a page set in two columns, or None for one column.

    A gutter is an empty vertical strip in the middle of the text that no line crosses,
    with at least six lines of running text on each side that stand beside each other
    (their heights overlap). Lines that cross it (a title, a masthead over both columns)
    cut the page into bands; in each band one column is read down, then the other. The
    key is ``(band, column, top)``. Which column comes first is the producer's word where
    it gives one: ``drawn`` (the order in which the content stream drew each line, None
    for a picture) shows it when one column was drawn before the other (Word and
    LibreOffice draw column by column, and set a Dari page's columns left to right
    unless its section is marked right-to-left). Where the stream does not show it (lines
    drawn across both columns), the right column comes first on a right-to-left page.
    ``text`` says which boxes are lines of text: only they find the gutter (a picture may
    be set wider than its column); a picture goes with the column its middle stands in.
    """
    is_text = text or [True] * len(boxes)
    lines = [b for b, t in zip(boxes, is_text, strict=True) if t]
    if len(lines) < 2 * _COLUMN_LINES:
        return None
    left = min(b[0] for b in lines)
    right = max(b[2] for b in lines)
    width = right - left
    if width <= 0:
        return None
    # how many lines cover each point of the middle of the text, in 1-point cells
    lo, hi = int(left + _GUTTER_FROM * width), int(left + _GUTTER_TO * width)
    cover = [0] * (hi - lo + 2)
    # lines across the page (a title, the masthead, centred over both columns) cross any
    # gutter: they are left out here and cut the page into bands; a column's lines stand
    # with their middles a quarter of the width from the text's middle. A few others may
    # cross it too, and cut bands as well
    middle = left + width / 2
    narrow = [
        b
        for b in lines
        if b[2] - b[0] < _COLUMN_MAX * width and abs((b[0] + b[2]) / 2 - middle) > _CENTRED * width
    ]
    allowed = max(_CROSSING_LINES, int(_CROSSING_SHARE * len(narrow)))
    for x0, _, x1, _ in narrow:
        a, b = max(int(x0), lo), min(int(x1), hi)
        if a <= b:
            cover[a - lo] += 1
            cover[b - lo + 1] -= 1
    best: tuple[int, int] | None = None
    run_start, level = None, 0
    for k in range(hi - lo + 1):
        level += cover[k]
        if level <= allowed and run_start is None:
            run_start = k
        elif level > allowed and run_start is not None:
            if best is None or k - run_start > best[1] - best[0]:
                best = (run_start, k)
            run_start = None
    if run_start is not None and (best is None or hi - lo + 1 - run_start > best[1] - best[0]):
        best = (run_start, hi - lo + 1)
    if best is None or best[1] - best[0] < _GUTTER_MIN:
        return None
    g0, g1 = lo + best[0], lo + best[1]
    side = [
        (0 if b[2] <= g0 + 1 else 1 if b[0] >= g1 - 1 else None)
        if t
        else (0 if (b[0] + b[2]) / 2 < (g0 + g1) / 2 else 1)
        for b, t in zip(boxes, is_text, strict=True)
    ]
    wide = [t and b[2] - b[0] >= _COLUMN_WIDE * width for b, t in zip(boxes, is_text, strict=True)]
    lefts = [b for b, s, w in zip(boxes, side, wide, strict=True) if s == 0 and w]
    rights = [b for b, s, w in zip(boxes, side, wide, strict=True) if s == 1 and w]
    if len(lefts) < _COLUMN_LINES or len(rights) < _COLUMN_LINES:
        return None
    # the two columns stand beside each other, not one above the other
    overlap = min(max(b[3] for b in lefts), max(b[3] for b in rights)) - max(
        min(b[1] for b in lefts), min(b[1] for b in rights)
    )
    if overlap <= 0:
        return None
    order = sorted(range(len(boxes)), key=lambda k: boxes[k][1])
    bands = [0] * len(boxes)
    band = 0
    for k in order:
        if side[k] is None:  # a line across the gutter closes the band above it
            bands[k] = band + 1
            band += 2
        else:
            bands[k] = band
    first = _first_column(side, bands, drawn, rtl)
    return [
        (bands[k], 0 if side[k] is None or side[k] == first else 1, boxes[k][1])
        for k in range(len(boxes))
    ]


_STREAM_SAYS = 0.9  # share of (left, right) line pairs drawn in one order that settles it


def _first_column(
    side: list[int | None], bands: list[int], drawn: list[int | None] | None, rtl: bool
) -> int:
    """0 if the left column is read first, 1 if the right one (see :func:`column_keys`).

    Counts, band by band, the pairs of a left and a right line where the left one was
    drawn first; a clear majority either way is the producer's order."""
    default = 1 if rtl else 0
    if drawn is None:
        return default
    per_band: dict[int, tuple[list[int], list[int]]] = {}
    for s, b, d in zip(side, bands, drawn, strict=True):
        if s is not None and d is not None:
            per_band.setdefault(b, ([], []))[s].append(d)
    left_first = pairs = 0
    for lefts, rights in per_band.values():
        rights.sort()
        pairs += len(lefts) * len(rights)
        left_first += sum(len(rights) - bisect.bisect_right(rights, d) for d in lefts)
    if pairs < _COLUMN_LINES * _COLUMN_LINES:
        return default
    if left_first >= _STREAM_SAYS * pairs:
        return 0
    if left_first <= (1 - _STREAM_SAYS) * pairs:
        return 1
    return default
