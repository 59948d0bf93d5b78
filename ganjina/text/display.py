"""Dates for display: any date as an Afghan solar hijri date in Dari or Pashto.

>>> import datetime
>>> format_solar_hijri(datetime.date(2024, 7, 13))
'۲۳ سرطان ۱۴۰۳'
>>> format_solar_hijri(datetime.date(2024, 7, 13), lang="ps")
'۲۳ چنګاښ ۱۴۰۳'
>>> format_solar_hijri(datetime.date(2024, 7, 13), lang="fa-IR", digits="ascii")
'23 تیر 1403'
"""

from __future__ import annotations

import datetime

from ganjina.text import months
from ganjina.text.calendars import gregorian_to_solar_hijri
from ganjina.text.keys import to_persian_digits

__all__ = ["format_solar_hijri"]

_NAMES = {
    "fa": months.DARI_SH_MONTHS,
    "fa-af": months.DARI_SH_MONTHS,
    "prs": months.DARI_SH_MONTHS,
    "ps": months.PASHTO_SH_MONTHS,
    "fa-ir": months.IRANIAN_SH_MONTHS,
}
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def format_solar_hijri(d: datetime.date, lang: str = "fa", digits: str = "persian") -> str:
    """``d`` as ``day month-name year`` in the solar hijri calendar.

    ``lang``: "fa" (also "fa-AF", "prs": Afghan Dari month names), "ps" (Pashto names)
    or "fa-IR" (Iranian names). ``digits``: "persian" (۱۲۳), "ascii" (also "latin") or
    "arabic" (١٢٣). Anything else raises ``ValueError``.
    """
    names = _NAMES.get(lang.lower())
    if names is None:
        raise ValueError(f"no solar hijri month names for language {lang!r}")
    y, m, day = gregorian_to_solar_hijri(d)
    text = f"{day} {names[m - 1]} {y}"
    if digits == "persian":
        return to_persian_digits(text)
    if digits == "arabic":
        return text.translate(_ARABIC_INDIC)
    if digits in {"ascii", "latin"}:
        return text
    raise ValueError(f"digits must be 'persian', 'ascii' or 'arabic', not {digits!r}")
