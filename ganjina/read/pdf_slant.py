"""Glyphs slanted by the text matrix: italic that a producer made from an upright font.

A font with no italic face (most Arabic-script fonts: Noto Naskh Arabic, Amiri's
regular weight in some setups) is set in italic by skewing the text matrix (LibreOffice
writes ``1 0 0.2679 1 x y Tm``, a 15° slant; others a skewed ``cm``). Nothing in the
font's name or flags says italic then, yet the page shows italic and the author chose
it: a quotation or a caption set in italic is told apart by it.

PyMuPDF's text trace does not carry the matrix; its ``rawdict`` character boxes do:
MuPDF draws a character's box through the text matrix, so a slanted glyph's box starts
``skew × descender × size`` left of its origin, where an upright glyph's box starts at
its origin. Only pages whose content stream sets a skewed text matrix pay for the
second extraction.
"""

from __future__ import annotations

from collections.abc import Callable

import pymupdf

# a box that starts this share of the size left of its origin is slanted (15° with a
# 0.2 descender gives 0.054; an upright glyph gives 0)
_SLANT_OFFSET = 0.02
# the text matrix operands are numbers: a bounded look back from each "Tm" finds them
_OPERANDS = 96


def skews_text(contents: bytes) -> bool:
    """Whether a content stream sets a skewed matrix (``a b c d e f Tm`` or ``cm`` with
    ``c`` not zero and ``b`` zero: the baseline stays, the letters lean). A rotation moves
    the baseline (``b`` not zero) and is no slant."""
    return any(_skewed(contents, operator) for operator in (b"Tm", b"cm"))


def _skewed(contents: bytes, operator: bytes) -> bool:
    at = contents.find(operator)
    while at >= 0:
        operands = contents[max(0, at - _OPERANDS) : at].split()[-6:]
        if len(operands) == 6:
            try:
                _, b, c, d = (float(x) for x in operands[:4])
            except ValueError:
                b = c = d = 0.0
            if abs(b) < 1e-6 and abs(c) > 0.05 * max(abs(d), 1e-6):
                return True
        at = contents.find(operator, at + 2)
    return False


class Slanted:
    """The origins (x, y rounded to 0.1 pt) of a page's glyphs drawn slanted."""

    def __init__(self, origins: set[tuple[float, float]]) -> None:
        self.origins = origins
        # the baselines they stand on: most glyphs of a page are on none of them, and
        # are told so with one rounding (asked once per glyph)
        self._rows = {y for _, y in origins}

    def __bool__(self) -> bool:
        return bool(self.origins)

    def at(self, origin: tuple[float, float]) -> bool:
        """Whether the glyph drawn at ``origin`` is slanted."""
        y = round(origin[1], 1)
        return y in self._rows and (round(origin[0], 1), y) in self.origins


def slanted_origins(
    page: pymupdf.Page,
    contents: bytes,
    textpage: Callable[[], pymupdf.TextPage] | None = None,
) -> Slanted:
    """The page's glyphs drawn slanted, by origin. ``textpage``: gives the page's text
    extraction where the caller shares one."""
    if not skews_text(contents):
        return Slanted(set())
    found: set[tuple[float, float]] = set()
    raw = page.get_text("rawdict", textpage=textpage() if textpage else None)
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            if abs(line["dir"][1]) > 0.05:
                continue  # a rotated line: its boxes are not upright either
            for span in line["spans"]:
                limit = -_SLANT_OFFSET * span["size"]
                for char in span["chars"]:
                    if char["bbox"][0] - char["origin"][0] < limit:
                        found.add(_key(char["origin"]))
    return Slanted(found)


def _key(origin: tuple[float, float]) -> tuple[float, float]:
    return (round(origin[0], 1), round(origin[1], 1))
