"""Calendar arithmetic, checked against jdatetime and against observed lunar dates."""

from __future__ import annotations

import datetime

import jdatetime
import pytest

from ganjina.text import calendars as cal
from ganjina.text import (
    format_solar_hijri,
    gregorian_to_solar_hijri,
    solar_hijri_month_range,
    solar_hijri_to_gregorian,
)


def test_agrees_with_jdatetime_for_every_day_1300_to_1450() -> None:
    first = solar_hijri_to_gregorian(1300, 1, 1)
    last = solar_hijri_month_range(1450)[1]
    assert first == datetime.date(1921, 3, 21)
    day = datetime.timedelta(days=1)
    d, checked = first, 0
    while d <= last:
        j = jdatetime.date.fromgregorian(date=d)
        ours = gregorian_to_solar_hijri(d)
        assert ours == (j.year, j.month, j.day), d
        assert solar_hijri_to_gregorian(*ours) == d
        d += day
        checked += 1
    assert checked == (last - first).days + 1 > 55_000


def test_leap_years_agree_with_jdatetime() -> None:
    for y in range(1200, 1600):
        assert cal.solar_hijri_is_leap(y) == jdatetime.date(y, 1, 1).isleap(), y


@pytest.mark.parametrize(
    ("sh", "gregorian"),
    [
        ((1403, 4, 23), datetime.date(2024, 7, 13)),  # 23 سرطان 1403 (shared/spec/text.md)
        ((1396, 3, 10), datetime.date(2017, 5, 31)),  # 10 جوزا 1396
        ((1403, 1, 1), datetime.date(2024, 3, 20)),
        ((1403, 12, 30), datetime.date(2025, 3, 20)),  # leap year: Hut has 30 days
        ((1402, 12, 29), datetime.date(2024, 3, 19)),
        ((1300, 1, 1), datetime.date(1921, 3, 21)),
    ],
)
def test_known_dates(sh: tuple[int, int, int], gregorian: datetime.date) -> None:
    assert solar_hijri_to_gregorian(*sh) == gregorian
    assert gregorian_to_solar_hijri(gregorian) == sh


@pytest.mark.parametrize("bad", [(1402, 12, 30), (1403, 7, 31), (1403, 13, 1), (1403, 0, 1)])
def test_invalid_solar_hijri_dates(bad: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError):
        solar_hijri_to_gregorian(*bad)


def test_month_ranges_tile_the_year() -> None:
    for year in (1399, 1401, 1403):
        first, last = solar_hijri_month_range(year)
        expected = first
        for month in range(1, 13):
            start, end = solar_hijri_month_range(year, month)
            assert start == expected
            assert (end - start).days + 1 == cal.solar_hijri_days_in_month(year, month)
            expected = end + datetime.timedelta(days=1)
        assert expected - datetime.timedelta(days=1) == last
    first_month = (datetime.date(2022, 3, 21), datetime.date(2022, 4, 20))
    assert solar_hijri_month_range(1401, 1) == first_month


# Start of month as announced in Saudi Arabia (Umm al-Qura / sighting); the tabular
# calendar must be within the uncertainty it states.
OBSERVED = {
    (1443, 9, 1): datetime.date(2022, 4, 2),
    (1443, 10, 1): datetime.date(2022, 5, 2),
    (1444, 9, 1): datetime.date(2023, 3, 23),
    (1444, 10, 1): datetime.date(2023, 4, 21),
    (1444, 12, 10): datetime.date(2023, 6, 28),
    (1445, 1, 1): datetime.date(2023, 7, 19),
    (1445, 9, 1): datetime.date(2024, 3, 11),
    (1445, 10, 1): datetime.date(2024, 4, 10),
    (1445, 12, 10): datetime.date(2024, 6, 16),
    (1446, 1, 1): datetime.date(2024, 7, 7),
    (1446, 9, 1): datetime.date(2025, 3, 1),
    (1446, 10, 1): datetime.date(2025, 3, 30),
}


@pytest.mark.parametrize(("lh", "observed"), OBSERVED.items())
def test_lunar_hijri_within_stated_uncertainty(
    lh: tuple[int, int, int], observed: datetime.date
) -> None:
    computed = cal.lunar_hijri_to_gregorian(*lh)
    assert abs((computed - observed).days) <= cal.LUNAR_UNCERTAINTY_DAYS
    assert cal.gregorian_to_lunar_hijri(computed) == lh


def test_lunar_month_lengths() -> None:
    for year in range(1400, 1431):  # one 30-year cycle
        days = sum(cal.lunar_hijri_days_in_month(year, m) for m in range(1, 13))
        start = cal.lunar_hijri_to_gregorian(year, 1, 1)
        assert (cal.lunar_hijri_to_gregorian(year + 1, 1, 1) - start).days == days
        assert days in (354, 355)


@pytest.mark.parametrize(
    ("lang", "digits", "expected"),
    [
        ("fa", "persian", "۲۳ سرطان ۱۴۰۳"),
        ("fa-AF", "persian", "۲۳ سرطان ۱۴۰۳"),
        ("prs", "ascii", "23 سرطان 1403"),
        ("ps", "persian", "۲۳ چنګاښ ۱۴۰۳"),
        ("ps", "latin", "23 چنګاښ 1403"),
        ("fa-IR", "arabic", "٢٣ تیر ١٤٠٣"),
    ],
)
def test_format_solar_hijri(lang: str, digits: str, expected: str) -> None:
    assert format_solar_hijri(datetime.date(2024, 7, 13), lang, digits) == expected


def test_format_solar_hijri_rejects_unknown_options() -> None:
    with pytest.raises(ValueError):
        format_solar_hijri(datetime.date(2024, 7, 13), "en")
    with pytest.raises(ValueError):
        format_solar_hijri(datetime.date(2024, 7, 13), "fa", "roman")
