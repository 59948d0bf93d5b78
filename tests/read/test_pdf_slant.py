"""Italic made by slanting an upright font is read as italic (``read/pdf_slant.py``)."""

from __future__ import annotations

import pymupdf

from ganjina.read import read_layout
from ganjina.read.pdf_slant import skews_text

UPRIGHT = "An upright line in a font that has no italic face."
SLANTED = "A line the producer leaned by its text matrix alone."


def _pdf(skew: float) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), UPRIGHT, fontsize=12)
    lean = pymupdf.Matrix(1, 0, skew, 1, 0, 0)
    page.insert_text((72, 130), SLANTED, fontsize=12, morph=(pymupdf.Point(72, 130), lean))
    page.insert_text((72, 160), UPRIGHT, fontsize=12)
    return doc.tobytes()


def _italic(data: bytes) -> dict[str, list[bool]]:
    found: dict[str, list[bool]] = {}
    for ln in read_layout(data, "slant.pdf").lines:
        found.setdefault(ln.text, []).append(ln.italic)
    return found


def test_a_line_leaned_by_its_matrix_is_italic_and_its_neighbours_are_not() -> None:
    for skew in (-0.27, 0.21):  # leaning either way
        italic = _italic(_pdf(skew))
        assert italic[SLANTED] == [True]
        assert italic[UPRIGHT] == [False, False]


def test_without_a_slant_nothing_is_italic() -> None:
    assert _italic(_pdf(0.0)) == {UPRIGHT: [False, False], SLANTED: [False]}


def test_the_content_stream_check_tells_a_slant_from_a_rotation_and_a_picture() -> None:
    assert skews_text(b"BT 1 0 0.2679491924 1 72 700 Tm (a) Tj ET")
    assert skews_text(b"q 1 0 -.27 1 192.24 0 cm BT 1 0 0 1 72 712 Tm ET Q")
    assert not skews_text(b"q 255.1 0 0 155.9 0 0 cm /Im1 Do Q BT 0 1 -1 0 5 5 Tm ET")
    assert not skews_text(b"BT (a cm b Tm) Tj ET")  # the operator names inside a string
