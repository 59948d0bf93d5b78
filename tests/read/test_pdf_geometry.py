"""Paragraphs from the lines' geometry."""

from __future__ import annotations

from ganjina.read.layout import Line
from ganjina.read.pdf_geometry import mark_paragraphs

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
