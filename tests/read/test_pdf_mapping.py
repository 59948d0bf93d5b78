"""Characters a font names wrongly are read as the page shows them, from their
neighbours in the line (never from a word list)."""

from __future__ import annotations

import pytest

from ganjina.read.pdf_glyphs import Glyph
from ganjina.read.pdf_line import _units
from ganjina.read.pdf_mapping import repair_mapping


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("\u216cATEX", "LATEX"),  # numeral fifty drawn for a capital L
        ("exa\u217fp\u217ce", "example"),
        ("Kana\u217ee", "Kanade"),
        ("بیت\u2043محور", "بیت-محور"),
        # where nothing beside them is a letter of a word, they stay
        ("فصل \u216b", "فصل \u216b"),
        ("\u2043 نخست", "\u2043 نخست"),
    ],
)
def test_misnamed_characters_inside_words(raw: str, read: str) -> None:
    assert repair_mapping(raw) == read


def _glyph(text: str, x0: float, x1: float) -> Glyph:
    return Glyph(text, x0, x1, 100.0, 112.0, 12.0, 0, ord(text[0]), False, False)


def test_a_solidus_overlay_with_an_advance_of_its_own_is_a_slash() -> None:
    drawn = [_glyph("a", 10.0, 16.0), _glyph("\u0338", 16.0, 19.6), _glyph("b", 19.6, 25.6)]
    assert "".join(u.text for u in _units(drawn)) == "a/b"


def test_a_solidus_overlay_drawn_on_a_letter_stays_a_mark() -> None:
    drawn = [_glyph("=", 10.0, 16.0), _glyph("\u0338", 12.0, 12.0), _glyph("b", 16.0, 22.0)]
    assert "".join(u.text for u in _units(drawn)) == "=\u0338b"
