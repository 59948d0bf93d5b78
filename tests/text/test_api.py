"""The public API of ``ganjina.text``, pinned: other packages code against it."""

from __future__ import annotations

import dataclasses
import datetime
import inspect

import pytest

import ganjina.text as text

EXPECTED = {
    "DateMatch", "LanguageGuess", "find_date", "find_dates", "format_solar_hijri",
    "gregorian_to_solar_hijri", "has_arabic_script", "identify_language",
    "loose_pashto_key", "parse_date", "search_key", "solar_hijri_month_range",
    "solar_hijri_to_gregorian", "stored_form", "to_ascii_digits", "to_persian_digits",
    "tokenize_key",
}  # fmt: skip


def test_all_is_pinned() -> None:
    assert set(text.__all__) == EXPECTED
    for name in text.__all__:
        assert getattr(text, name) is not None


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("stored_form", ["s"]),
        ("search_key", ["s"]),
        ("loose_pashto_key", ["s"]),
        ("to_ascii_digits", ["s"]),
        ("to_persian_digits", ["s"]),
        ("has_arabic_script", ["s"]),
        ("tokenize_key", ["s", "zwnj_parts"]),
        ("identify_language", ["text", "section"]),
        ("find_dates", ["text", "reference"]),
        ("find_date", ["text", "reference"]),
        ("parse_date", ["text", "reference"]),
        ("solar_hijri_to_gregorian", ["year", "month", "day"]),
        ("gregorian_to_solar_hijri", ["d"]),
        ("solar_hijri_month_range", ["year", "month"]),
        ("format_solar_hijri", ["d", "lang", "digits"]),
    ],
)
def test_signatures(name: str, params: list[str]) -> None:
    assert list(inspect.signature(getattr(text, name)).parameters) == params


def test_keyword_only_options() -> None:
    sig = inspect.signature(text.identify_language)
    assert sig.parameters["section"].kind is inspect.Parameter.KEYWORD_ONLY
    assert inspect.signature(text.tokenize_key).parameters["zwnj_parts"].default is False
    fmt = inspect.signature(text.format_solar_hijri).parameters
    assert (fmt["lang"].default, fmt["digits"].default) == ("fa", "persian")


def test_result_types_are_frozen_dataclasses() -> None:
    guess = text.LanguageGuess("ps", 0.9)
    with pytest.raises(dataclasses.FrozenInstanceError):
        guess.tag = "fa"  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(text.LanguageGuess)] == ["tag", "confidence"]
    fields = [f.name for f in dataclasses.fields(text.DateMatch)]
    assert fields == [
        "date", "text", "span", "calendar", "precision", "approximate", "uncertainty_days"
    ]  # fmt: skip
    m = text.DateMatch(datetime.date(2024, 7, 13), "x", (0, 1), "gregorian", "day", False, 0)
    assert m.iso == "2024-07-13"
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.text = "y"  # type: ignore[misc]


def test_every_module_is_small() -> None:
    # STYLE.md: one concept per module, under ~500 lines.
    modules = (text.canonical, text.keys, text.language, text.dates, text.calendars,
               text.patterns, text.months, text.lexicon, text.display)  # fmt: skip
    for module in modules:
        assert len(inspect.getsource(module).splitlines()) < 500
