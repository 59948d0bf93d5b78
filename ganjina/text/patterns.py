"""The date grammar: folding text for matching, the regular expressions, raw matches.

``dates.py`` turns the raw matches into ``DateMatch`` values; this module only finds
them. Matching runs on a *match fold* of the text: a one-to-one character map (so spans
carry over unchanged) that unifies Arabic and Persian yeh/kaf, گ/ګ, ې/ۍ/ی, hamza seats
and digit scripts. Harakat, ZWNJ and kashida are deleted when present, with an index
map back to the original offsets (the slow path; most text has none near a date).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import NamedTuple

from ganjina.text import months

__all__ = ["CORE", "HAS_DIGIT", "YEAR_RANGES", "RawDate", "fold", "scan", "scan_whole"]

#: Plausible years per calendar; anything outside is not read as a date.
YEAR_RANGES = {"solar_hijri": (1000, 1599), "lunar_hijri": (1000, 1599), "gregorian": (1000, 2999)}

HAS_DIGIT = re.compile("[0-9٠-٩۰-۹]")

_FOLD = str.maketrans(
    {
        **dict.fromkeys("يىئېۍے", "ی"),
        "ك": "ک",
        "گ": "ګ",
        **dict.fromkeys("ةۀ", "ه"),
        **dict.fromkeys("أإآٱ", "ا"),
        "ؤ": "و",
        "٫": ".",  # Arabic decimal separator, also seen between date parts
        "٬": ",",
        "،": ",",
        "؍": "/",  # ARABIC DATE SEPARATOR
        "–": "-",
        "—": "-",
        "−": "-",
        "‐": "-",
    }
)
_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
# Deleted before matching: harakat, ZWNJ and other invisibles, and kashida (a tatweel
# after a letter); a tatweel after a space is the separator of paired month names.
_DROP = re.compile(r"[\u064b-\u065f\u0670\u200b-\u200f\u00ad\u2066-\u2069]|(?<=[^\W\d_])\u0640")


def fold(text: str) -> tuple[str, list[int] | None]:
    """The match fold of ``text``, and the original offset of each of its characters
    (None when the fold is one-to-one, the usual case)."""
    # Digits need no folding: \d matches every script's digits and int() reads them.
    folded = text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text
    if _DROP.search(folded) is None:
        return folded, None
    pieces: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _DROP.finditer(folded):
        pieces.append(folded[pos : m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(folded[pos:])
    index.extend(range(pos, len(folded)))
    return "".join(pieces), index


def _fold_name(name: str) -> str:
    return fold(name)[0]


def _alternation(names: Iterable[str]) -> str:
    """Regex alternation of names, longest first; a space matches any whitespace or none."""
    parts = sorted({_fold_name(n) for n in names}, key=len, reverse=True)
    return "|".join(r"\s*".join(re.escape(w) for w in p.split()) for p in parts)


def _key(matched: str) -> str:
    return "".join(matched.split())


_AR_NAMES: dict[str, tuple[str, int]] = {
    **{name: ("solar_hijri", m) for name, m in months.SOLAR_HIJRI_VARIANTS.items()},
    **{name: ("gregorian", m) for name, m in months.GREGORIAN_TRANSLITERATED.items()},
    **{name: ("lunar_hijri", m) for name, m in months.LUNAR_HIJRI.items()},
}
# Looked up by the matched text, folded, without its spaces.
_AR_MONTHS = {_key(_fold_name(name)): value for name, value in _AR_NAMES.items()}
_LATIN_MONTHS = {name.lower(): month for name, month in months.GREGORIAN_LATIN.items()}
# Month names that are also everyday words (می "-ing", تیر "arrow", مهر "seal", صفر
# "zero", ...): never read as a date without a year printed next to them.
_NEEDS_YEAR = {_key(_fold_name(n)) for n in ("می", "مه", "تیر", "مهر", "دی", "صفر", "کب", "تله")}

_SOLAR_MARKS = {"هش", "هجریشمسی", "هجریخورشیدی", "هجریلمریز", "خورشیدی", "شمسی", "لمریز", "ش"}
_LUNAR_MARKS = {"هق", "هجریقمری", "قمری", "سپوږمیز", "ق"}
# Calendar markers after a year; the one-letter ones only where a date precedes them.
_LONG_MARKS = (
    r"هجری\s*شمسی|هجری\s*خورشیدی|هجری\s*لمریز|هجری\s*قمری|خورشیدی|شمسی|لمریز|قمری"
    r"|سپوږمیز|میلادی|عیسوی|ترسایی|زیږدیز|ه\.?\s*ش|ه\.?\s*ق"
)
_MARK_OPT = r"(?:\s*(?P<mark>" + _LONG_MARKS + r"|ش|ق|م|ع)\.?(?!\w))?"
_STRONG_MARK = r"(?P<mark>" + _LONG_MARKS + r")\.?(?!\w)"

_AR = _alternation(_AR_NAMES)
_MON = (
    r"(?<!\w)(?P<mon>" + _AR + r")ی?(?:\s*ماه)?"
    r"(?:\s*[ـ\-/]\s*(?P<mon2>" + _AR + r")ی?)?(?!\w)"
)
_YEAR = r"(?P<y>\d{4})(?!\d)" + _MARK_OPT
_AR_ORD = r"(?:ام|مه|می|م)?"
_LAT = _alternation(_LATIN_MONTHS)
_NUM_END = r"(?!\d|[/.\-]\d)"


class RawDate(NamedTuple):
    """A date as matched, before calendar conversion; ``year`` None if not printed."""

    start: int
    end: int
    calendar: str
    year: int | None
    month: int
    day: int
    precision: str


def _mark_calendar(mark: str | None) -> str | None:
    if not mark:
        return None
    key = "".join(mark.replace(".", "").split())
    if key in _SOLAR_MARKS:
        return "solar_hijri"
    if key in _LUNAR_MARKS:
        return "lunar_hijri"
    return "gregorian"


def _year_calendar(year: int) -> str | None:
    """The calendar a bare year is written in: 1200–1499 solar hijri, later Gregorian."""
    if 1200 <= year <= 1499:
        return "solar_hijri"
    return "gregorian" if 1500 <= year <= 2999 else None


def _numeric(m: re.Match[str]) -> RawDate | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    calendar = _mark_calendar(m["mark"]) or _year_calendar(y)
    if calendar is None:
        return None
    if calendar == "gregorian" and m["sep"] == "/" and mo > 12 >= d:
        mo, d = d, mo  # US order, recognisable only when the day is over 12
    return RawDate(m.start(), m.end(), calendar, y, mo, d, "day")


def _named_ar(m: re.Match[str], precision: str) -> RawDate | None:
    calendar, month = _AR_MONTHS[_key(m["mon"])]
    if m["mon2"] is not None and _AR_MONTHS[_key(m["mon2"])][1] != month:
        return None  # a pair of names must name one month
    groups = m.groupdict()
    printed = groups.get("y") or groups.get("y0")
    if printed is None and _key(m["mon"]) in _NEEDS_YEAR:
        return None
    year = int(printed) if printed else None
    day = int(m["d"]) if precision == "day" else 1
    return RawDate(m.start(), m.end(), calendar, year, month, day, precision)


def _named_latin(m: re.Match[str], precision: str) -> RawDate | None:
    month = _LATIN_MONTHS[m["mon"].lower()]
    day = int(m["d"]) if precision == "day" else 1
    return RawDate(m.start(), m.end(), "gregorian", int(m["y"]), month, day, precision)


def _year_only(m: re.Match[str]) -> RawDate | None:
    y = int(m["y"])
    calendar = _mark_calendar(m.groupdict().get("mark")) or _year_calendar(y)
    if calendar is None:
        return None
    return RawDate(m.start(), m.end(), calendar, y, 1, 1, "year")


_NUMERIC = [
    re.compile(
        r"(?<![\d/.\-])(?P<y>\d{4})(?P<sep>[\-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
        + _NUM_END + _MARK_OPT
    ),
    re.compile(
        r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<sep>[\-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
        + _NUM_END + _MARK_OPT
    ),
]  # fmt: skip
_ARABIC = [
    (re.compile(
        r"(?<!\w)(?P<d>\d{1,2})(?!\d)" + _AR_ORD + r"\s+(?:(?:ماه|برج)\s+)?" + _MON
        + r"(?:\s*,?\s*(?:(?:سال|کال)\s+)?" + _YEAR + ")?"
    ), "day"),
    (re.compile(  # Pashto order: [د ۱۴۰۲ کال] د سلواغې [میاشتې] ۲۶مه [نېټه] [۱۴۰۲]
        r"(?:(?<!\w)د\s+(?P<y0>\d{4})\s*(?:(?:هجری\s*)?(?:لمریز|شمسی)\s*)?کال\s*)?"
        r"(?:(?<!\w)(?:د|ماه|برج)\s+)?" + _MON + r"(?:\s+(?:د\s+)?میاشتی)?(?:\s*,\s*|\s+)"
        r"(?P<d>\d{1,2})(?!\d)" + _AR_ORD + r"(?:\s*(?:نیټه|نیټی|تاریخ))?(?!\w)"
        r"(?:\s*,?\s*" + _YEAR + ")?"
    ), "day"),
    (re.compile(
        r"(?:(?<!\w)(?:ماه|برج|د)\s+)?" + _MON + r"\s*,?\s*(?:(?:سال|کال)\s+)?" + _YEAR
    ), "month"),
]  # fmt: skip
_LATIN = [
    (re.compile(
        r"(?<!\w)(?P<d>\d{1,2})(?!\d)(?:st|nd|rd|th|er|\.)?\s*(?:of\s+)?(?P<mon>" + _LAT
        + r")\.?(?!\w),?\s*(?P<y>\d{4})(?!\d)", re.IGNORECASE
    ), "day"),
    (re.compile(
        r"(?<!\w)(?P<mon>" + _LAT + r")\.?\s+(?P<d>\d{1,2})(?!\d)(?:st|nd|rd|th)?(?!\w),?\s+"
        r"(?P<y>\d{4})(?!\d)", re.IGNORECASE
    ), "day"),
    (re.compile(
        r"(?<!\w)(?P<mon>" + _LAT + r")\.?,?\s+(?P<y>\d{4})(?!\d)", re.IGNORECASE
    ), "month"),
]  # fmt: skip
_YEARS = [
    re.compile(r"(?<!\w)(?:سال|کال)\s+(?P<y>\d{4})(?!\d)" + _MARK_OPT),
    re.compile(r"(?<![\d/.\-])(?P<y>\d{4})\s*" + _STRONG_MARK),
    re.compile(r"(?<![\d/.\-])(?P<y>\d{4})\s+(?:(?:هجری\s*)?لمریز\s+)?کال(?!\w)"),
]
_HAS_ARABIC = re.compile("[\u0600-\u06ff]")
_HAS_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")

_Handler = Callable[[re.Match[str]], RawDate | None]
#: (pattern, handler, script the text must contain for the pattern to be tried)
_PATTERNS: list[tuple[re.Pattern[str], _Handler, re.Pattern[str] | None]] = [
    *((rx, _numeric, None) for rx in _NUMERIC),
    *((rx, partial(_named_ar, precision=p), _HAS_ARABIC) for rx, p in _ARABIC),
    *((rx, partial(_named_latin, precision=p), _HAS_LATIN) for rx, p in _LATIN),
    *((rx, _year_only, None) for rx in _YEARS),
]


def scan(folded: str) -> Iterator[RawDate]:
    """Every raw date in a folded text, from every pattern (overlaps not yet resolved)."""
    for rx, handler, script in _PATTERNS:
        if script is None or script.search(folded):
            for m in rx.finditer(folded):
                raw = handler(m)
                if raw is not None:
                    yield raw


def scan_whole(folded: str) -> Iterator[RawDate]:
    """Raw dates that span the whole of ``folded``, most specific pattern first."""
    for rx, handler, _script in _PATTERNS:
        m = rx.fullmatch(folded)
        if m is not None:
            raw = handler(m)
            if raw is not None:
                yield raw


_WEEKDAYS = _alternation(
    [
        "شنبه", "یکشنبه", "دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "sonnabend", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]
)  # fmt: skip
#: A string that is a date and nothing else: optional punctuation and weekday around
#: the ``core`` group, which must start and end with a letter or digit.
CORE = re.compile(
    r"[\W_]*(?:(?:روز\s+)?(?:" + _WEEKDAYS + r")\.?(?!\w)[\W_]*)?(?P<core>\w(?:.*\w)?)[\W_]*",
    re.IGNORECASE | re.DOTALL,
)
