"""Calendar arithmetic: solar hijri (Afghan and Iranian) and lunar hijri.

Solar hijri uses the 33-year arithmetic rule — a year is leap when ``year % 33`` is one
of 1, 5, 9, 13, 17, 22, 26, 30 — the rule ``jdatetime`` and ``persiantools`` use, which
agrees with the astronomical calendar for 1300–1501 SH (``shared/spec/text.md``). A test
checks every day from 1 Hamal 1300 to the end of 1450 against ``jdatetime``. Written here
rather than calling ``jdatetime`` because date parsing must reach 100,000 strings a
second, and a few integer operations are all it takes.

Lunar hijri uses the tabular (arithmetical) Islamic calendar, civil epoch. Real months
begin on sighting the moon, so a converted date can be a day off either way:
``LUNAR_UNCERTAINTY_DAYS`` says so, and ``DateMatch`` carries it.

    >>> solar_hijri_to_gregorian(1403, 4, 23)
    datetime.date(2024, 7, 13)
    >>> gregorian_to_solar_hijri(datetime.date(2017, 5, 31))
    (1396, 3, 10)
    >>> solar_hijri_month_range(1401, 12)
    (datetime.date(2023, 2, 20), datetime.date(2023, 3, 20))
"""

from __future__ import annotations

import datetime

__all__ = [
    "APPROXIMATE_BEFORE_SH",
    "LUNAR_UNCERTAINTY_DAYS",
    "gregorian_to_lunar_hijri",
    "gregorian_to_solar_hijri",
    "lunar_hijri_days_in_month",
    "lunar_hijri_to_gregorian",
    "solar_hijri_days_in_month",
    "solar_hijri_is_leap",
    "solar_hijri_month_range",
    "solar_hijri_to_gregorian",
]

#: Solar hijri dates before this year are flagged approximate (``shared/spec/text.md``).
APPROXIMATE_BEFORE_SH = 1336
#: A lunar hijri date converted by arithmetic may be this many days off, either way.
LUNAR_UNCERTAINTY_DAYS = 1

_SH_LEAP_REMAINDERS = (1, 5, 9, 13, 17, 22, 26, 30)
# How many leap remainders are <= r, for r in 0..32: leap years in a partial cycle.
_SH_LEAPS_UPTO = tuple(sum(1 for x in _SH_LEAP_REMAINDERS if x <= r) for r in range(33))
# Days before month m (1-based) in a solar hijri year: six months of 31, five of 30.
_SH_DAYS_BEFORE_MONTH = tuple(31 * min(m, 6) + 30 * max(m - 6, 0) for m in range(12))
# Gregorian ordinal of the day before 1 Farvardin 1 SH, fixed so that 1 Hamal 1403
# falls on 2024-03-20 (1403 is leap: 1403 % 33 == 17). Checked against jdatetime.
_SH_EPOCH = (
    datetime.date(2024, 3, 20).toordinal()
    - 1
    - (365 * 1402 + 8 * (1402 // 33) + _SH_LEAPS_UPTO[1402 % 33])
)


def _from_ordinal(ordinal: int) -> datetime.date:
    # date.fromordinal raises OverflowError past year 9999; callers expect ValueError.
    if not 1 <= ordinal <= _MAX_ORDINAL:
        raise ValueError("date outside the years 1..9999")
    return datetime.date.fromordinal(ordinal)


_MAX_ORDINAL = datetime.date.max.toordinal()


def solar_hijri_is_leap(year: int) -> bool:
    """True if the solar hijri ``year`` has 366 days (Hut/Esfand has 30 days)."""
    return year % 33 in _SH_LEAP_REMAINDERS


def solar_hijri_days_in_month(year: int, month: int) -> int:
    """Days in a solar hijri month: 31 for months 1–6, 30 for 7–11, 29 or 30 for 12."""
    if not 1 <= month <= 12:
        raise ValueError(f"solar hijri month must be 1..12, not {month}")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if solar_hijri_is_leap(year) else 29


def _sh_days_before_year(year: int) -> int:
    n = year - 1
    return 365 * n + 8 * (n // 33) + _SH_LEAPS_UPTO[n % 33]


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """Convert a solar hijri date to a Gregorian ``date``; ``ValueError`` if invalid.

    >>> solar_hijri_to_gregorian(1300, 1, 1)
    datetime.date(1921, 3, 21)
    """
    if not 1 <= day <= solar_hijri_days_in_month(year, month):
        raise ValueError(f"day {day} is not in solar hijri month {year}-{month}")
    ordinal = _SH_EPOCH + _sh_days_before_year(year) + _SH_DAYS_BEFORE_MONTH[month - 1] + day
    return _from_ordinal(ordinal)


def gregorian_to_solar_hijri(d: datetime.date) -> tuple[int, int, int]:
    """Convert a Gregorian ``date`` to ``(year, month, day)`` in the solar hijri calendar.

    >>> gregorian_to_solar_hijri(datetime.date(2024, 3, 19))
    (1402, 12, 29)
    """
    days = d.toordinal() - _SH_EPOCH  # 1 = 1 Farvardin 1 SH
    # Estimate the year from the mean year length, then correct by at most one.
    year = (days * 33) // 12053 + 1
    while _sh_days_before_year(year) >= days:
        year -= 1
    while _sh_days_before_year(year + 1) < days:
        year += 1
    day_of_year = days - _sh_days_before_year(year)  # 1-based
    month = 1 + (day_of_year - 1) // 31 if day_of_year <= 186 else 7 + (day_of_year - 187) // 30
    return year, month, day_of_year - _SH_DAYS_BEFORE_MONTH[month - 1]


def solar_hijri_month_range(
    year: int, month: int | None = None
) -> tuple[datetime.date, datetime.date]:
    """First and last Gregorian day of a solar hijri year, or of one of its months.

    Used by the search query ``date:1401-01..1401-06``.

    >>> solar_hijri_month_range(1403)
    (datetime.date(2024, 3, 20), datetime.date(2025, 3, 20))
    """
    if month is None:
        first = solar_hijri_to_gregorian(year, 1, 1)
        return first, solar_hijri_to_gregorian(year, 12, solar_hijri_days_in_month(year, 12))
    last_day = solar_hijri_days_in_month(year, month)
    return solar_hijri_to_gregorian(year, month, 1), solar_hijri_to_gregorian(year, month, last_day)


# Tabular Islamic calendar: 30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21,
# 24, 26, 29 (the "Kuwaiti" variant); months alternate 30 and 29 days, the 12th has 30
# in a leap year. Epoch 1 Muharram 1 AH = 16 July 622 (Julian), ordinal 227015.
_LH_EPOCH = 227014


def lunar_hijri_days_in_month(year: int, month: int) -> int:
    """Days in a tabular lunar hijri month (30 or 29)."""
    if not 1 <= month <= 12:
        raise ValueError(f"lunar hijri month must be 1..12, not {month}")
    if month == 12 and (14 + 11 * year) % 30 < 11:
        return 30
    return 30 if month % 2 == 1 else 29


def lunar_hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """Convert a lunar hijri date (tabular calendar) to a Gregorian ``date``.

    The real date may be ``LUNAR_UNCERTAINTY_DAYS`` off, depending on the moon sighting.

    >>> lunar_hijri_to_gregorian(1445, 9, 1)
    datetime.date(2024, 3, 11)
    """
    if not 1 <= day <= lunar_hijri_days_in_month(year, month):
        raise ValueError(f"day {day} is not in lunar hijri month {year}-{month}")
    return _from_ordinal(_lh_ordinal(year, month, day))


def _lh_ordinal(year: int, month: int, day: int) -> int:
    return (
        _LH_EPOCH + day + 29 * (month - 1) + month // 2 + 354 * (year - 1) + (3 + 11 * year) // 30
    )


def gregorian_to_lunar_hijri(d: datetime.date) -> tuple[int, int, int]:
    """Convert a Gregorian ``date`` to a tabular lunar hijri ``(year, month, day)``.

    >>> gregorian_to_lunar_hijri(datetime.date(2024, 3, 11))
    (1445, 9, 1)
    """
    ordinal = d.toordinal()
    year = (30 * (ordinal - _LH_EPOCH - 1) + 10646) // 10631
    prior_days = ordinal - _lh_ordinal(year, 1, 1)
    month = (11 * prior_days + 330) // 325
    return year, month, ordinal - _lh_ordinal(year, month, 1) + 1
