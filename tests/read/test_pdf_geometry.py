"""Paragraphs from the lines' geometry."""

from __future__ import annotations

import pytest

from ganjina.read.layout import Line
from ganjina.read.pdf_geometry import column_keys, mark_paragraphs

SIZE = 14.0


def _lines(gaps: list[float]) -> list[Line]:
    """Lines of one size, each 15 pt tall, with these white spaces above them."""
    lines, top = [], 70.0
    for gap in [0.0, *gaps]:
        top += gap
        lines.append(Line("متن", bbox=(60.0, top, 530.0, top + 15.0), size=SIZE))
        top += 15.0
    return lines


def test_a_quarter_em_of_space_before_a_paragraph_starts_it() -> None:
    # LibreOffice's default: lines 14 pt apart, paragraphs about a third of an em more
    lines = _lines([14.0, 13.0, 15.0, 19.0, 14.5, 14.0, 19.0, 14.0])
    mark_paragraphs(lines)
    assert [ln.para_start for ln in lines] == [
        True, False, False, False, True, False, False, True, False,
    ]  # fmt: skip


def test_glyph_heights_alone_start_no_paragraph() -> None:
    # Arabic marks above and below move a line's box by a point or two, not more
    lines = _lines([14.0, 12.5, 16.0, 13.0, 16.5, 14.0])
    mark_paragraphs(lines)
    assert [ln.para_start for ln in lines][1:] == [False] * 6


def _two_columns(rows: int) -> list[tuple[float, float, float, float]]:
    """Boxes of two columns side by side, the left one first, then the right one."""
    left = [(60.0, 100.0 + 15 * k, 280.0, 112.0 + 15 * k) for k in range(rows)]
    right = [(310.0, 100.0 + 15 * k, 530.0, 112.0 + 15 * k) for k in range(rows)]
    return left + right


@pytest.mark.parametrize(
    ("drawn", "rtl", "first"),
    [
        ("left column, then right", True, "left"),  # a Dari page in an unmarked section
        ("right column, then left", False, "right"),  # the stream outweighs the direction
        ("row by row", True, "right"),  # the stream says nothing: the page's direction
        ("row by row", False, "left"),
        (None, True, "right"),
    ],
)
def test_the_first_column_is_the_one_the_stream_drew_first(
    drawn: str | None, rtl: bool, first: str
) -> None:
    boxes = _two_columns(8)
    order: list[int | None] | None = {
        "left column, then right": list(range(16)),
        "right column, then left": [8 + k for k in range(8)] + list(range(8)),
        "row by row": [2 * k for k in range(8)] + [2 * k + 1 for k in range(8)],
        None: None,
    }[drawn]
    keys = column_keys(boxes, rtl, None, order)
    assert keys is not None
    read_first = [k for k in range(16) if keys[k][1] == 0]
    assert read_first == (list(range(8)) if first == "left" else list(range(8, 16)))
