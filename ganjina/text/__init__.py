"""The text layer: stored form, search keys, language ID, dates in three calendars.

Pure functions used by every other part of Ganjina (see ``docs/text.md``)::

    >>> from ganjina.text import search_key, stored_form
    >>> search_key(stored_form("كتاب‌هاي ۱۴۰۳"))
    'کتابهای 1403'
"""

from __future__ import annotations

from ganjina.text.calendars import (
    gregorian_to_solar_hijri,
    solar_hijri_month_range,
    solar_hijri_to_gregorian,
)
from ganjina.text.canonical import has_arabic_script, stored_form
from ganjina.text.dates import DateMatch, find_date, find_dates, parse_date
from ganjina.text.display import format_solar_hijri
from ganjina.text.keys import (
    loose_pashto_key,
    search_key,
    to_ascii_digits,
    to_persian_digits,
    tokenize_key,
)
from ganjina.text.language import LanguageGuess, identify_language

__all__ = [
    "DateMatch",
    "LanguageGuess",
    "find_date",
    "find_dates",
    "format_solar_hijri",
    "gregorian_to_solar_hijri",
    "has_arabic_script",
    "identify_language",
    "loose_pashto_key",
    "parse_date",
    "search_key",
    "solar_hijri_month_range",
    "solar_hijri_to_gregorian",
    "stored_form",
    "to_ascii_digits",
    "to_persian_digits",
    "tokenize_key",
]
