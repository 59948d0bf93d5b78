"""How values are shown in each interface language: words, numbers, dates, names.

A :class:`Ui` is made once per interface language and handed to every template as
``ui`` (with ``_`` and ``ngettext`` beside it, under the names the catalogue extractor
looks for). Views never call it: what they return is the same in every language, so
the JSON twin of a page does not change with the interface.

    >>> ui = Ui.for_code("fa")
    >>> ui.number(1403), ui.gregorian("2024-07-13"), ui.solar("2024-07-13")
    ('۱۴۰۳', '۱۳ جولای ۲۰۲۴', '۲۳ سرطان ۱۴۰۳')
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup

from ganjina.text import format_solar_hijri, gregorian_to_solar_hijri, to_persian_digits
from ganjina.text.months import DARI_SH_MONTHS, LATIN_SH_MONTHS, PASHTO_SH_MONTHS
from ganjina.web.i18n import LANGUAGES, N_, UiLanguage, translations

#: The Afghan solar months as English texts write them (Hamal = 1).
SOLAR_MONTHS_LATIN = LATIN_SH_MONTHS

#: Names of the portal's sections; a section not listed shows its id.
SECTION_NAMES = {
    "dari": N_("Dari"),
    "pashto": N_("Pashto"),
    "european-languages": N_("European Languages"),
}

DATE_CACHE = 5000

RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "ckb", "he", "yi", "sd", "ug"})


def text_direction(language: str | None) -> str:
    """``rtl`` for languages written right to left (by the primary subtag), else ``ltr``."""
    primary = (language or "").split("-")[0].lower()
    return "rtl" if primary in RTL_LANGUAGES else "ltr"


def parse_date(iso: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


class Ui:
    """The display functions of one interface language."""

    def __init__(self, language: UiLanguage) -> None:
        self.language = language
        self.code = language.code
        self.tag = language.tag
        self.dir = language.dir
        self.locale = Locale.parse(language.babel)
        self._catalog = translations(language.code)
        # Dari and Pashto both write the Extended Arabic-Indic digits (۰–۹)
        self.persian_digits = language.dir == "rtl"
        #: what parts of a line of facts are set apart with: a middle dot beside the
        #: Extended Arabic-Indic digits reads as a zero (۱ · ۳ as ۱۰۳), so not in Dari
        #: or Pashto
        self.sep = " | " if self.persian_digits else " · "
        self._dates: dict[str, str] = {}

    @staticmethod
    @functools.cache
    def for_code(code: str) -> Ui:
        return Ui(LANGUAGES[code])

    # -- words ------------------------------------------------------------------------
    def gettext(self, message: str, **values: Any) -> str:
        """``message`` translated, with ``%(name)s`` placeholders filled (numbers shown
        in the interface's digits)."""
        text = self._catalog.gettext(message)
        return text % self._values(values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        text = self._catalog.ngettext(singular, plural, n)
        return text % self._values({"n": n, **values})

    def message(self, template: str, values: dict[str, Any] | None = None) -> Markup:
        """A message of the catalogue (an error's template) translated, escaped, with its
        values filled in as data: each in ``<bdi translate="no">``, numbers in the
        interface's digits, ``*_date`` values as dates in words (both of those are the
        interface's own text)."""
        filled: dict[str, Any] = {}
        for key, value in (values or {}).items():
            if isinstance(value, int) and not isinstance(value, bool):
                filled[key] = self.number(value)  # the interface's own digits
            elif key.endswith("_date") and isinstance(value, str):
                filled[key] = self.gregorian(value)
            elif key.endswith("_example") and isinstance(value, str):
                # a form of input shown as it may be typed, in the interface's digits
                filled[key] = Markup('<bdi dir="ltr">{}</bdi>').format(self.digits(value))
            elif key == "day_in_words" and isinstance(value, str):
                filled[key] = Markup("<bdi>{}</bdi>").format(self.solar_in_words(value))
            else:
                filled[key] = Markup('<bdi translate="no">{}</bdi>').format(value)
        text = Markup.escape(self._catalog.gettext(template))
        return text % filled if values else text

    def _values(self, values: dict[str, Any]) -> dict[str, Any]:
        return {k: self.number(v) if isinstance(v, int) else v for k, v in values.items()}

    # -- numbers and dates --------------------------------------------------------------
    def digits(self, text: str) -> str:
        return to_persian_digits(text) if self.persian_digits else text

    def number(self, n: int) -> str:
        return self.digits(f"{n:,}".replace(",", "٬" if self.persian_digits else ","))

    def gregorian(self, iso: str | None) -> str:
        """A Gregorian date in words, e.g. ``13 July 2024``; unknown dates as ``—``."""
        if iso is None:
            return "—"
        # Babel's formatter costs ~20 µs and a result list shows the same days again and
        # again: remember the last few thousand
        text = self._dates.get(iso)
        if text is None:
            d = parse_date(iso)
            text = self.digits(format_date(d, "d MMMM y", locale=self.locale)) if d else "—"
            if len(self._dates) > DATE_CACHE:
                self._dates.clear()
            self._dates[iso] = text
        return text

    def solar(self, iso: str | None, article_language: str | None = None) -> str:
        """The same day in the Afghan solar hijri calendar: Dari names in the Dari UI
        (Pashto names for a Pashto article), Pashto names in the Pashto UI,
        transliterated names in English."""
        d = parse_date(iso)
        if d is None:
            return "—"
        if self.persian_digits:
            pashto = self.code == "ps" or (article_language or "").startswith("ps")
            lang = "ps" if pashto else "fa"
            return format_solar_hijri(d, lang=lang)
        y, m, day = gregorian_to_solar_hijri(d)
        return f"{day} {SOLAR_MONTHS_LATIN[m - 1]} {y} SH"

    def solar_in_words(self, iso: str) -> str:
        """A solar day as a Dari or Pashto text writes it (the Pashto interface's months
        in Pashto, every other interface's in Dari), the way a date field takes it."""
        d = parse_date(iso)
        if d is None:
            return "—"
        return format_solar_hijri(d, lang="ps" if self.code == "ps" else "fa")

    def month_name(self, calendar: str, month: int) -> str:
        if calendar == "solar":
            names = {"fa": DARI_SH_MONTHS, "ps": PASHTO_SH_MONTHS}.get(
                self.code, SOLAR_MONTHS_LATIN
            )
            return names[month - 1]
        return str(self.locale.months["format"]["wide"][month])

    def year(self, calendar: str, year: int) -> str:
        if calendar == "solar" and not self.persian_digits:
            return f"{year} SH"
        return self.digits(str(year))

    # -- names --------------------------------------------------------------------------
    def section(self, section_id: str | None) -> str:
        if not section_id:
            return self.gettext(N_("No section"))
        name = SECTION_NAMES.get(section_id)
        return self.gettext(name) if name else section_id

    def language_name(self, tag: str | None) -> str:
        if not tag:
            return self.gettext(N_("Unknown language"))
        # tags arrive as "fa-AF" from records and "fa-af" from the store's counts
        parts = tag.replace("_", "-").split("-")
        primary = parts[0].lower()
        key = f"{primary}_{parts[1].upper()}" if len(parts) > 1 else primary
        if key in ("fa_AF", "prs"):
            # the portal's own language by the site's own name: CLDR's Pashto says
            # "دری (افغانستان)", where a Pashto reader writes دري
            return self.gettext(N_("Dari"))
        languages = self.locale.languages
        for candidate in (key, primary):
            if candidate in languages:
                return str(languages[candidate])
        return tag
