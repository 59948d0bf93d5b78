"""Dates in text: the forms Afghan, Iranian and European pages print."""

from __future__ import annotations

import datetime

import pytest

from ganjina.text import find_date, find_dates, parse_date

D = datetime.date


@pytest.mark.parametrize(
    ("text", "iso", "calendar", "precision"),
    [
        # numeric, three digit scripts, both orders
        ("13.07.2024", "2024-07-13", "gregorian", "day"),
        ("13/07/2024", "2024-07-13", "gregorian", "day"),
        ("2024-07-13", "2024-07-13", "gregorian", "day"),
        ("۲۰۲۴-۰۷-۱۳", "2024-07-13", "gregorian", "day"),
        ("٢٠٢٤-٠٧-١٣", "2024-07-13", "gregorian", "day"),
        ("07/13/2024", "2024-07-13", "gregorian", "day"),  # US order: only when day > 12
        ("۱۴۰۳/۰۴/۲۳", "2024-07-13", "solar_hijri", "day"),
        ("۲۳.۰۴.۱۴۰۳", "2024-07-13", "solar_hijri", "day"),
        ("٢٣/٠٤/١٤٠٣", "2024-07-13", "solar_hijri", "day"),
        ("1403-04-23", "2024-07-13", "solar_hijri", "day"),
        ("۱۴۰۳؍۴؍۲۳", "2024-07-13", "solar_hijri", "day"),  # ARABIC DATE SEPARATOR
        ("1445/09/01 ه.ق", "2024-03-11", "lunar_hijri", "day"),  # a marker picks the calendar
        # solar hijri, Afghan Dari month names
        ("۲۳ سرطان ۱۴۰۳", "2024-07-13", "solar_hijri", "day"),
        ("23 سرطان 1403", "2024-07-13", "solar_hijri", "day"),
        ("۱۰ جوزای ۱۳۹۶", "2017-05-31", "solar_hijri", "day"),  # ezafe
        ("۱۰ جوزاء ۱۳۹۶", "2017-05-31", "solar_hijri", "day"),
        ("۲۳ سرطانِ ۱۴۰۳", "2024-07-13", "solar_hijri", "day"),  # ezafe as a kasra
        ("۱۵ سنبلهٔ ۱۴۰۰", "2021-09-06", "solar_hijri", "day"),
        ("۱۵ ميزان ۱۴۰۰", "2021-10-07", "solar_hijri", "day"),  # Arabic yeh
        ("۱۵ میرزان ۱۴۰۰", "2021-10-07", "solar_hijri", "day"),  # a typo seen on Afghan sites
        ("۱۲ اسد ۱۴۰۰ هـ ش", "2021-08-03", "solar_hijri", "day"),
        ("۱۲ اسد ۱۴۰۰ ه‍.ش", "2021-08-03", "solar_hijri", "day"),
        ("۵ ماه حوت ۱۴۰۲", "2024-02-24", "solar_hijri", "day"),
        ("۱ برج حمل ۱۴۰۲", "2023-03-21", "solar_hijri", "day"),
        ("۲۶م دلو ۱۴۰۲", "2024-02-15", "solar_hijri", "day"),
        ("حمل ۱۴۰۲", "2023-03-21", "solar_hijri", "month"),
        ("جوزای ۱۳۹۶", "2017-05-22", "solar_hijri", "month"),
        ("سال ۱۴۰۲", "2023-03-21", "solar_hijri", "year"),
        ("۱۴۰۲ هجری شمسی", "2023-03-21", "solar_hijri", "year"),
        ("۱۴۰۲ ه.ش", "2023-03-21", "solar_hijri", "year"),
        # Pashto names, inflection, ordinals, paired names
        ("د ۱۴۰۲ کال د سلواغې ۲۶مه", "2024-02-15", "solar_hijri", "day"),
        ("د ۱۴۰۲ لمریز کال د سلواغې میاشتې ۲۶مه نېټه", "2024-02-15", "solar_hijri", "day"),
        ("د سلواغې ۲۶مه ۱۴۰۲", "2024-02-15", "solar_hijri", "day"),
        ("۲۶ سلواغه ۱۴۰۲", "2024-02-15", "solar_hijri", "day"),
        ("د تلې ۵مه ۱۴۰۲", "2023-09-27", "solar_hijri", "day"),
        ("۲۳ چنګاښ ۱۴۰۳", "2024-07-13", "solar_hijri", "day"),
        ("۲۳ چنگاښ ۱۴۰۳", "2024-07-13", "solar_hijri", "day"),  # ګ written گ
        ("۱۰ غبرګولي ـ جوزا ۱۳۹۶", "2017-05-31", "solar_hijri", "day"),
        ("۱۰ غبرګولی - جوزا ۱۳۹۶", "2017-05-31", "solar_hijri", "day"),
        ("۱۴ حمل/فروردین ۱۴۰۲", "2023-04-03", "solar_hijri", "day"),
        ("۱۴۰۲ کال", "2023-03-21", "solar_hijri", "year"),
        # Iranian month names
        ("۲۳ تیر ۱۴۰۳", "2024-07-13", "solar_hijri", "day"),
        ("۱۰ دی ۱۴۰۲", "2023-12-31", "solar_hijri", "day"),
        ("۱۰ دی‌ماه ۱۴۰۲", "2023-12-31", "solar_hijri", "day"),
        ("۲۰ اسفند ۱۴۰۲", "2024-03-10", "solar_hijri", "day"),
        ("اردیبهشت ۱۴۰۲", "2023-04-21", "solar_hijri", "month"),
        # Gregorian names: English, German, French, Dari/Pashto/Iranian spellings
        ("13 July 2024", "2024-07-13", "gregorian", "day"),
        ("13th of July, 2024", "2024-07-13", "gregorian", "day"),
        ("July 13, 2024", "2024-07-13", "gregorian", "day"),
        ("Jul. 13 2024", "2024-07-13", "gregorian", "day"),
        ("13. Juli 2024", "2024-07-13", "gregorian", "day"),
        ("3. März 2024", "2024-03-03", "gregorian", "day"),
        ("3. Maerz 2024", "2024-03-03", "gregorian", "day"),
        ("1er mars 2024", "2024-03-01", "gregorian", "day"),
        ("March 2024", "2024-03-01", "gregorian", "month"),
        ("Dezember 2023", "2023-12-01", "gregorian", "month"),
        ("۱۳ جولای ۲۰۲۴", "2024-07-13", "gregorian", "day"),
        ("۵ مارچ ۲۰۲۴", "2024-03-05", "gregorian", "day"),
        ("۲ می ۲۰۲۴", "2024-05-02", "gregorian", "day"),
        ("۱۵ اګست ۲۰۲۱", "2021-08-15", "gregorian", "day"),
        ("۱۵ اگست ۲۰۲۱", "2021-08-15", "gregorian", "day"),
        ("۲۰ جنوري ۲۰۲۴", "2024-01-20", "gregorian", "day"),
        ("۲۰ ژانویه ۲۰۲۴", "2024-01-20", "gregorian", "day"),
        ("د ۲۰۲۴ کال د مارچ ۵مه", "2024-03-05", "gregorian", "day"),
        ("۲۰۲۳ میلادی", "2023-01-01", "gregorian", "year"),
        ("سال ۱۹۷۹", "1979-01-01", "gregorian", "year"),
        # lunar hijri
        ("۱ رمضان ۱۴۴۵", "2024-03-11", "lunar_hijri", "day"),
        ("۱۰ ذی‌الحجه ۱۴۴۵", "2024-06-17", "lunar_hijri", "day"),
        ("۱۰ ذوالحجة ۱۴۴۵ ه.ق", "2024-06-17", "lunar_hijri", "day"),
        ("۱۲ ربیع الاول ۱۴۴۶", "2024-09-16", "lunar_hijri", "day"),  # observed: 09-15
        ("۱۲ ربیع‌الأول ۱۴۴۶", "2024-09-16", "lunar_hijri", "day"),
        ("محرم الحرام ۱۴۴۶", "2024-07-08", "lunar_hijri", "month"),
    ],
)
def test_forms(text: str, iso: str, calendar: str, precision: str) -> None:
    m = parse_date(text)
    assert m is not None, text
    assert (m.iso, m.calendar, m.precision) == (iso, calendar, precision)
    assert m.text == text and m.span == (0, len(text))


def test_lunar_dates_state_their_uncertainty() -> None:
    m = parse_date("۱ رمضان ۱۴۴۵")
    assert m is not None
    assert m.uncertainty_days == 1 and m.approximate
    exact = parse_date("۲۳ سرطان ۱۴۰۳")
    assert exact is not None
    assert exact.uncertainty_days == 0 and not exact.approximate


def test_solar_hijri_before_1336_is_approximate() -> None:
    old, new = parse_date("۵ حوت ۱۳۳۵"), parse_date("۱ حمل ۱۳۳۶")
    assert old is not None and old.approximate and old.calendar == "solar_hijri"
    assert new is not None and not new.approximate
    assert parse_date("1335/12/05") is not None and parse_date("1335/12/05").approximate  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "۳۰ حوت ۱۴۰۲",  # 1402 is not a leap year
        "31/02/2024",
        "۲۳ سرطان ۱۴۰۳ و بعد",  # not only a date
        "سرطان",
        "۲۳",
        "1403",  # a bare year is a number, not a date
        "د سلواغې ۲۶مه",  # no year and no reference
        "",
        "   ",
        "۵ تیر ۱۲",  # «five bullets»
        "13 Mars",
        "2024-13-01",
    ],
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_everyday_words_that_are_month_names() -> None:
    text = "او می خواهد بیاید؛ حمل و نقل ۵ تیر ۱۲ مهر و موم شد. صفر و یک. د ۵ کسانو"
    assert find_dates(text, reference=D(2024, 1, 1)) == []


def test_find_dates_in_running_text() -> None:
    text = "کابل، ۲۳ سرطان ۱۴۰۳ (۱۳ جولای ۲۰۲۴) – در سال ۱۴۰۲ و در 2024-07-14 …"
    found = find_dates(text)
    assert [(m.text, m.iso, m.precision) for m in found] == [
        ("۲۳ سرطان ۱۴۰۳", "2024-07-13", "day"),
        ("۱۳ جولای ۲۰۲۴", "2024-07-13", "day"),
        ("سال ۱۴۰۲", "2023-03-21", "year"),
        ("2024-07-14", "2024-07-14", "day"),
    ]
    for m in found:
        assert text[m.span[0] : m.span[1]] == m.text


def test_spans_survive_removed_marks() -> None:
    text = "نوشته: ۲۳ سَرَطان ۱۴۰۳، کابل"
    m = find_date(text)
    assert m is not None
    assert m.text == "۲۳ سَرَطان ۱۴۰۳"
    assert text[m.span[0] : m.span[1]] == m.text


def test_longest_match_wins() -> None:
    m = find_dates("۲۳ سرطان ۱۴۰۳")
    assert len(m) == 1 and m[0].precision == "day"


def test_find_date_prefers_precision_then_position() -> None:
    m = find_date("شماره حمل ۱۴۰۲ — نوشته شده ۵ حمل ۱۴۰۲ و ۶ حمل ۱۴۰۲")
    assert m is not None and m.text == "۵ حمل ۱۴۰۲"
    assert find_date("هیچ تاریخی") is None


def test_reference_gives_a_year() -> None:
    ref = D(2024, 3, 1)  # 11 Hut 1402
    m = find_date("د سلواغې ۲۶مه", reference=ref)
    assert m is not None and m.date == D(2024, 2, 15) and m.precision == "day"
    # the year nearest the reference: early Hamal after a late-Hut reference is next year
    m = find_date("۲ حمل", reference=D(2024, 3, 15))
    assert m is not None and m.date == D(2024, 3, 21)
    assert find_date("۲ حمل") is None


def test_parse_date_allows_weekday_and_punctuation() -> None:
    for text in ["سه‌شنبه، ۲۳ سرطان ۱۴۰۳", "(۲۳ سرطان ۱۴۰۳)", "روز شنبه ۲۳ سرطان ۱۴۰۳:",
                 "Saturday, 13 July 2024", "Samstag, 13. Juli 2024."]:  # fmt: skip
        m = parse_date(text)
        assert m is not None, text
        assert m.iso == "2024-07-13"
        assert text[m.span[0] : m.span[1]] == m.text


def test_no_spelling_names_two_months() -> None:
    from ganjina.text import patterns

    seen: dict[str, tuple[str, int]] = {}
    for name, value in patterns._AR_NAMES.items():
        key = patterns._key(patterns._fold_name(name))
        assert seen.setdefault(key, value) == value, name
