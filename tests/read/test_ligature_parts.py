"""A ligature's second letter drawn with no width on the edge between two glyphs goes
on the glyph it follows in reading order: no letter moves, no ZWNJ is invented."""

from __future__ import annotations

from ganjina.read.pdf_glyphs import Glyph
from ganjina.read.pdf_line import _units


def _glyph(text: str, x0: float, x1: float, gid: int) -> Glyph:
    return Glyph(text, x0, x1, 250.0, 262.0, 11.0, 0, gid, False, False)


def test_the_alef_of_lam_alef_goes_on_the_lam_it_follows() -> None:
    # "ملالۍ" as LibreOffice draws it, left to right: ۍ, the second lam, the alef (no
    # width, at the first lam's origin), the first lam, meem
    drawn = [
        _glyph("ۍ", 522.3, 531.35, 66),
        _glyph("ل", 531.39, 533.72, 67),
        _glyph("ا", 533.69, 533.69, 68),
        _glyph("ل", 533.69, 540.4, 69),
        _glyph("م", 540.39, 545.4, 7),
    ]
    units = _units(drawn)
    assert [u.text for u in units] == ["ۍ", "ل", "لا", "م"]
    assert "".join(u.text for u in reversed(units)) == "ملالۍ"


def test_a_latin_zero_width_glyph_keeps_its_first_host() -> None:
    drawn = [_glyph("f", 10.0, 14.0, 1), _glyph("i", 14.0, 14.0, 2), _glyph("n", 14.0, 19.0, 3)]
    assert [u.text for u in _units(drawn)] == ["fi", "n"]
