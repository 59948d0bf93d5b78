"""The text layer: stored form, search keys, language ID, dates in three calendars.

Pure functions used by every other part of Ganjina (see ``docs/text.md``)::

    >>> from ganjina.text import search_key, stored_form
    >>> search_key(stored_form("كتاب‌هاي ۱۴۰۳"))
    'کتابهای 1403'
"""

from __future__ import annotations

from ganjina.text.canonical import has_arabic_script, stored_form
from ganjina.text.keys import (
    loose_pashto_key,
    search_key,
    to_ascii_digits,
    to_persian_digits,
    tokenize_key,
)

__all__ = [
    "has_arabic_script",
    "loose_pashto_key",
    "search_key",
    "stored_form",
    "to_ascii_digits",
    "to_persian_digits",
    "tokenize_key",
]
