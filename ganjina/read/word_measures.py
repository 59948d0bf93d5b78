"""Word's numbers and measures, read the way the standard allows them to be written.

Word itself writes twips (``720``) and half-points (``24``), but ECMA-376 also allows a
"universal measure" with a unit (``2.5cm``, ``12pt``, ``0.5in``) wherever a twips or
half-point value goes, and other tools write them. A value that is neither (``1.5`` for a
list level, ``abc``) is read as absent: one odd attribute must never fail the whole file.
"""

from __future__ import annotations

import re

#: ST_UniversalMeasure: a decimal number and a unit (ECMA-376 Part 1, 22.9.2.15)
_MEASURE = re.compile(r"(-?\d{1,12}(?:\.\d{1,12})?)(mm|cm|in|pt|pc|pi)")
_INTEGER = re.compile(r"-?\d{1,12}")
#: twips (twentieths of a point) per unit
_TWIPS = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0, "pc": 240.0, "pi": 240.0}


def integer(value: str | None) -> int | None:
    """ST_DecimalNumber (``start``, ``ilvl``, …): a whole number, or None."""
    if value is None:
        return None
    value = value.strip()
    return int(value) if _INTEGER.fullmatch(value) else None


def twips(value: str | None) -> float | None:
    """ST_TwipsMeasure / ST_SignedTwipsMeasure (indents): twips, or None."""
    if value is None:
        return None
    value = value.strip()
    if _INTEGER.fullmatch(value):
        return float(value)
    m = _MEASURE.fullmatch(value)
    return float(m.group(1)) * _TWIPS[m.group(2)] if m else None


def points_from_half_points(value: str | None) -> float | None:
    """ST_HpsMeasure (font sizes, ``w:sz``): points, or None for a size that is not one."""
    measured = twips(value) if value is not None and not _INTEGER.fullmatch(value.strip()) else None
    if measured is not None:
        return measured / 20 if measured > 0 else None
    whole = integer(value)
    return whole / 2 if whole is not None and whole > 0 else None
