"""What the page geometry says about lines: the text column, alignment, paragraph starts."""

from __future__ import annotations

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
