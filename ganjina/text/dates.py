"""Dates in running text, in the Gregorian, solar hijri and lunar hijri calendars.

Forms read (digits may be ASCII, Persian ۰–۹ or Arabic-Indic ٠–٩, mixed):

* numeric: ``dd.mm.yyyy``, ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``yyyy-mm-dd``, ``yyyy/mm/dd``;
  years 1200–1499 are solar hijri, later ones Gregorian, unless a marker such as
  ``ه.ش``, ``ه.ق``, ``هجری قمری`` or ``م`` follows;
* solar hijri with Afghan Dari, Pashto or Iranian month names: ``۲۳ سرطان ۱۴۰۳``,
  ``۱۰ جوزای ۱۳۹۶`` (ezafe), ``د ۱۴۰۲ کال د سلواغې ۲۶مه`` (Pashto inflection and
  ordinal), ``۱۰ غبرګولي ـ جوزا ۱۳۹۶`` (paired names), ``حمل ۱۴۰۲`` (a month),
  ``سال ۱۴۰۲`` / ``۱۴۰۲ هجری شمسی`` (a year), and typos such as ``میرزان``;
* Gregorian month names in English, German and French (``13 July 2024``,
  ``13. Juli 2024``, ``July 13, 2024``) and in Dari/Pashto/Iranian spelling
  (``۱۳ جولای ۲۰۲۴``, ``۲ مارچ ۲۰۲۳``);
* lunar hijri month names (``۱۰ رمضان ۱۴۴۵``), converted by the tabular calendar with a
  stated uncertainty of ±1 day.

Every match carries its span in the string searched (pass the stored form), the calendar,
the precision, and whether it is approximate (solar hijri before 1336, every lunar date).
A date without a year (``د سلواغې ۲۶مه``) is returned only when a ``reference`` date is
given: it gets the year that puts it nearest the reference.

    >>> find_date("کابل، ۲۳ سرطان ۱۴۰۳").iso
    '2024-07-13'
    >>> parse_date("۱۰ جوزای ۱۳۹۶").iso
    '2017-05-31'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ganjina.text import calendars as cal
from ganjina.text import patterns as pat

__all__ = ["DateMatch", "find_date", "find_dates", "parse_date"]

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date found in a text.

    ``date`` is the Gregorian day (the first day of the month or year for coarser
    precision); ``text`` and ``span`` are the date as printed and where; ``calendar`` is
    the one it was written in. ``uncertainty_days`` is the stated error either way
    (1 for lunar hijri); ``approximate`` is true for lunar dates and for solar hijri
    dates before 1336, whose Afghan usage is not reliably the arithmetic calendar.
    """

    date: datetime.date
    text: str
    span: tuple[int, int]
    calendar: str
    precision: str
    approximate: bool = False
    uncertainty_days: int = 0

    @property
    def iso(self) -> str:
        """The Gregorian date as ``YYYY-MM-DD``."""
        return self.date.isoformat()


_CONVERT = {
    "solar_hijri": cal.solar_hijri_to_gregorian,
    "lunar_hijri": cal.lunar_hijri_to_gregorian,
    "gregorian": datetime.date,
}


def _make_date(calendar: str, y: int, m: int, d: int) -> datetime.date | None:
    lo, hi = pat.YEAR_RANGES[calendar]
    if lo <= y <= hi and 1 <= m <= 12:
        try:
            return _CONVERT[calendar](y, m, d)
        except ValueError:
            return None
    return None


def _nearest_year(calendar: str, m: int, d: int, reference: datetime.date) -> int | None:
    """The year that puts day ``d`` of month ``m`` nearest ``reference``."""
    if calendar == "solar_hijri":
        ref_year = cal.gregorian_to_solar_hijri(reference)[0]
    elif calendar == "lunar_hijri":
        ref_year = cal.gregorian_to_lunar_hijri(reference)[0]
    else:
        ref_year = reference.year
    best: tuple[int, int] | None = None
    for y in (ref_year - 1, ref_year, ref_year + 1):
        found = _make_date(calendar, y, m, d)
        if found is not None:
            distance = abs((found - reference).days)
            if best is None or distance < best[0]:
                best = (distance, y)
    return None if best is None else best[1]


def _to_match(
    raw: pat.RawDate, text: str, index: list[int] | None, offset: int,
    reference: datetime.date | None,
) -> DateMatch | None:  # fmt: skip
    """The ``DateMatch`` for a raw match, or None if it is not a real date."""
    calendar, year = raw.calendar, raw.year
    if year is None:
        if reference is None:
            return None
        year = _nearest_year(calendar, raw.month, raw.day, reference)
        if year is None:
            return None
    found = _make_date(calendar, year, raw.month, raw.day)
    if found is None:
        return None
    start, end = raw.start + offset, raw.end + offset
    if index is not None:
        start, end = index[start], index[end - 1] + 1
    lunar = calendar == "lunar_hijri"
    return DateMatch(
        found,
        text[start:end],
        (start, end),
        calendar,
        raw.precision,
        lunar or (calendar == "solar_hijri" and year < cal.APPROXIMATE_BEFORE_SH),
        cal.LUNAR_UNCERTAINTY_DAYS if lunar else 0,
    )


def find_dates(text: str, *, reference: datetime.date | None = None) -> list[DateMatch]:
    """Every date in ``text``, in order, overlaps resolved in favour of the longer match.

    ``reference`` (for example the issue date) lets dates printed without a year count.

    >>> [(m.iso, m.calendar, m.precision) for m in find_dates("از ۱ حمل تا 2024-04-20")]
    [('2024-04-20', 'gregorian', 'day')]
    >>> [m.iso for m in find_dates("د سلواغې ۲۶مه", reference=datetime.date(2024, 3, 1))]
    ['2024-02-15']
    """
    if not text or not pat.HAS_DIGIT.search(text):
        return []
    folded, index = pat.fold(text)
    found: list[DateMatch] = []
    for raw in pat.scan(folded):
        match = _to_match(raw, text, index, 0, reference)
        if match is not None:
            found.append(match)
    # Longest first, then earliest; keep a match only if it overlaps none kept before.
    found.sort(key=lambda m: (m.span[0] - m.span[1], m.span[0]))
    kept: list[DateMatch] = []
    for m in found:
        if all(m.span[1] <= k.span[0] or m.span[0] >= k.span[1] for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.span[0])
    return kept


def find_date(text: str, *, reference: datetime.date | None = None) -> DateMatch | None:
    """The best date in ``text``: the most precise, and of those the first; or None.

    >>> find_date("منتشر شده: حمل ۱۴۰۲ — نوشته شده ۵ حمل ۱۴۰۲").text
    '۵ حمل ۱۴۰۲'
    """
    best: DateMatch | None = None
    for m in find_dates(text, reference=reference):
        if best is None or _PRECISION_RANK[m.precision] > _PRECISION_RANK[best.precision]:
            best = m
    return best


def parse_date(text: str, *, reference: datetime.date | None = None) -> DateMatch | None:
    """Parse a string that is a date and nothing else, or return None.

    Surrounding whitespace and punctuation and a leading weekday name are allowed; the
    span refers to ``text`` as given.

    >>> parse_date(" سه‌شنبه، ۲۳ سرطان ۱۴۰۳ ").iso
    '2024-07-13'
    >>> parse_date("۲۳ سرطان ۱۴۰۳ و بعد") is None
    True
    """
    if not text or not pat.HAS_DIGIT.search(text):
        return None
    folded, index = pat.fold(text)
    if folded[0].isdigit() and folded[-1].isalnum():
        start, core = 0, folded  # the usual case: nothing around the date to strip
    else:
        around = pat.CORE.fullmatch(folded)
        if around is None:
            return None
        start, end = around.span("core")
        core = folded[start:end]
    raw = pat.quick_whole(core)
    if raw is not None:
        match = _to_match(raw, text, index, start, reference)
        if match is not None:
            return match
    for raw in pat.scan_whole(core):
        match = _to_match(raw, text, index, start, reference)
        if match is not None:
            return match
    return None
