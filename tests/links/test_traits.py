"""Traits that survive translation: numbers, dates, Latin names, bylines."""

from __future__ import annotations

import pytest

from ganjina.links.names import name_skeleton
from ganjina.links.traits import (
    _dates_and_numbers,
    canonical_number,
    number_weight,
    traits,
)
from tests.links.conftest import record


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("1,200", ["1200"]),
        ("1.200", ["1200"]),
        ("۱٬۲۰۰", ["1200"]),
        ("2.5", ["2.5"]),
        ("2,5", ["2.5"]),
        ("۲٫۵", ["2.5"]),
        ("۲/۵", ["2.5"]),
        ("007", ["7"]),
        ("1.2.3", ["1", "2", "3"]),
    ],
)
def test_numbers_in_every_notation(written: str, canonical: list[str]) -> None:
    assert canonical_number(written) == canonical


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("550,000 hectares", "۵۵۰ هزار هکتار"),
        ("1.7 million Afghans", "۱٫۷ میلیونه افغانان"),
        ("9.8 million children", "۹.۸ میلیونو ماشومانو"),
        ("3.06 billion dollars", "۳٫۰۶ میلیارد دالر"),
        ("2,5 Millionen Euro", "۲٫۵ میلیون یورو"),
    ],
)
def test_scale_words_agree_across_languages(a: str, b: str) -> None:
    assert _dates_and_numbers(a)[1] == _dates_and_numbers(b)[1]


def test_dates_in_any_calendar_and_not_counted_as_numbers() -> None:
    dates_en, numbers_en = _dates_and_numbers("The quake struck on 7 October 2023 at 11 am.")
    dates_fa, numbers_fa = _dates_and_numbers("زلزله روز ۱۵ میزان ۱۴۰۲ ساعت ۱۱ رخ داد.")
    assert dates_en == dates_fa == {"2023-10-07"}
    assert numbers_en == numbers_fa == {"11"}


def test_informative_numbers_weigh_more() -> None:
    assert number_weight("233000") > number_weight("1700000") > number_weight("300")
    assert number_weight("2.5") > number_weight("2023") > number_weight("7")


def test_bylines_meet_across_scripts() -> None:
    assert name_skeleton("Martin Hale") == name_skeleton("مارتین هیل")
    assert name_skeleton("Farid Ahmadzai") == name_skeleton("فرید احمدزی")
    assert name_skeleton("Ahmad Wali Zadran") == name_skeleton("احمد ولي ځدراڼ")
    assert name_skeleton("Martin Hale") != name_skeleton("Sara Whitlock")


def test_traits_of_a_translation_and_its_original() -> None:
    en = record(
        "Polio",
        ["The WHO and UNICEF reached 9.8 million children in Kandahar in 2023.", "Second."],
        authors=("Ruth Mensah",),
    )
    ps = record(
        "پولیو",
        ["WHO او UNICEF په ۲۰۲۳ کال کې په کندهار کې ۹.۸ میلیونو ماشومانو ته ورسېدل.", "دوهم."],
        language="ps",
        authors=("روت منسا",),
    )
    te, tp = traits(en), traits(ps)
    assert te.numbers == tp.numbers == {"9800000", "2023"}
    assert tp.names <= te.names and len(tp.names) == 2  # who, unicef
    assert te.authors == tp.authors
    assert (te.paragraphs, tp.paragraphs) == (2, 2)
    assert type(te).from_json(te.to_json()) == te
