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

__all__ = [
    "CORE",
    "HAS_DIGIT",
    "YEAR_RANGES",
    "RawDate",
    "fold",
    "quick_whole",
    "scan",
    "scan_whole",
]

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


# One scan that says whether fold() has anything to do at all (usually not).
_NEEDS_WORK = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in _FOLD)
    + "\u064b-\u065f\u0670\u200b-\u200f\u00ad\u2066-\u2069\u0640]"
)  # fmt: skip


def fold(text: str) -> tuple[str, list[int] | None]:
    """The match fold of ``text``, and the original offset of each of its characters
    (None when the fold is one-to-one, the usual case)."""
    if _NEEDS_WORK.search(text) is None:
        return text, None
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


def _month(name: str) -> tuple[str, int]:
    # Most names are matched without inner spaces: try the text as it is first.
    found = _AR_MONTHS.get(name)
    return found if found is not None else _AR_MONTHS[_key(name)]


def _named_ar(m: re.Match[str], precision: str, pashto_year: bool = False) -> RawDate | None:
    calendar, month = _month(m["mon"])
    if m["mon2"] is not None and _month(m["mon2"])[1] != month:
        return None  # a pair of names must name one month
    printed = m["y"] or (m["y0"] if pashto_year else None)
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
    (re.compile(  # Pashto order: [[د] ۱۴۰۲ کال] د سلواغې [میاشتې] ۲۶مه [نېټه] [۱۴۰۲]
        r"(?:(?:(?<!\w)د\s+|(?<![\w/.\-]))(?P<y0>\d{4})\s*(?:(?:هجری\s*)?(?:لمریز|شمسی)\s*)?کال\s*)?"
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
_HAS_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")  # letters
_HAS_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")

_Handler = Callable[[re.Match[str]], RawDate | None]
#: (pattern, handler, script the text must contain for the pattern to be tried, whether
#: a match starts with a digit: True, False, or None for either (the Pashto order may
#: open with its year, ``۱۴۰۲ کال د چنګاښ ۱۴مه``, or with ``د``)
_PATTERNS: list[tuple[re.Pattern[str], _Handler, str | None, bool | None]] = [
    *((rx, _numeric, None, True) for rx in _NUMERIC),
    *(
        (rx, partial(_named_ar, precision=p, pashto_year=i == 1), "arabic", (True, None, False)[i])
        for i, (rx, p) in enumerate(_ARABIC)
    ),
    *(
        (rx, partial(_named_latin, precision=p), "latin", i == 0)
        for i, (rx, p) in enumerate(_LATIN)
    ),
    *((rx, _year_only, "arabic", i > 0) for i, rx in enumerate(_YEARS)),
]
_SCRIPTS = {"arabic": _HAS_ARABIC, "latin": _HAS_LATIN}
# For a whole string, only the patterns that can match its first character and script:
# parse_date then tries two or three regexes instead of eleven.
_WHOLE: dict[tuple[bool, str | None], list[tuple[re.Pattern[str], _Handler]]] = {
    (digit, script): [
        (rx, handler)
        for rx, handler, needs, starts_digit in _PATTERNS
        if starts_digit in (digit, None) and (needs is None or script in (needs, "both"))
    ]
    for digit in (True, False)
    for script in ("arabic", "latin", "both", None)
}


def scan(folded: str) -> Iterator[RawDate]:
    """Every raw date in a folded text, from every pattern (overlaps not yet resolved)."""
    present = {name: rx.search(folded) is not None for name, rx in _SCRIPTS.items()}
    for rx, handler, script, _ in _PATTERNS:
        if script is None or present[script]:
            for m in rx.finditer(folded):
                raw = handler(m)
                if raw is not None:
                    yield raw


def scan_whole(folded: str) -> Iterator[RawDate]:
    """Raw dates that span the whole of ``folded``, most specific pattern first."""
    arabic, latin = _HAS_ARABIC.search(folded), _HAS_LATIN.search(folded)
    script = ("both" if latin else "arabic") if arabic else "latin" if latin else None
    for rx, handler in _WHOLE[folded[:1].isdigit(), script]:
        m = rx.fullmatch(folded)
        if m is not None:
            raw = handler(m)
            if raw is not None:
                yield raw


def quick_whole(core: str) -> RawDate | None:
    """The commonest whole-string dates without a regex: ``day month-name year`` and
    ``yyyy-mm-dd`` / ``dd.mm.yyyy`` style numbers. None means "not sure": the caller then
    tries the full grammar (``scan_whole``), which gives the same answer where both apply
    (a property test checks it). Twice as fast as the grammar for these forms."""
    parts = core.split()
    if len(parts) == 3:
        day, name, year = parts
        if not (day.isdecimal() and year.isdecimal() and len(day) <= 2 and len(year) == 4):
            return None
        found = _AR_MONTHS.get(name)
        if found is None and name[-1:] == "ی":  # ezafe: جوزای
            found = _AR_MONTHS.get(name[:-1])
        if found is None:
            month = _LATIN_MONTHS.get(name.lower())
            if month is None:
                return None
            found = ("gregorian", month)
        return RawDate(0, len(core), found[0], int(year), found[1], int(day), "day")
    if len(parts) == 1 and 8 <= len(core) <= 10:
        sep = core[4] if core[4] in "-/." else core[-5]
        fields = core.split(sep)
        if sep not in "-/." or len(fields) != 3 or not all(f.isdecimal() for f in fields):
            return None
        if len(fields[0]) == 4 and len(fields[1]) <= 2 and len(fields[2]) <= 2:
            y, mo, d = int(fields[0]), int(fields[1]), int(fields[2])
        elif len(fields[2]) == 4 and len(fields[0]) <= 2 and len(fields[1]) <= 2:
            y, mo, d = int(fields[2]), int(fields[1]), int(fields[0])
        else:
            return None
        calendar = _year_calendar(y)
        if calendar is None:
            return None
        if calendar == "gregorian" and sep == "/" and mo > 12 >= d:
            mo, d = d, mo
        return RawDate(0, len(core), calendar, y, mo, d, "day")
    return None


_WEEKDAYS = _alternation(
    [
        "شنبه", "یکشنبه", "دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "sonnabend", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]
)  # fmt: skip
#: a weekday name (and its comma) that ends a text, where a date follows it: bounded to a
#: text's last few dozen characters by the caller
WEEKDAY_AT_END = re.compile(r"(?<!\w)(?:روز\s+)?(?:" + _WEEKDAYS + r")\.?,?\s*$", re.IGNORECASE)
#: A string that is a date and nothing else: optional punctuation and weekday around
#: the ``core`` group, which must start and end with a letter or digit.
CORE = re.compile(
    r"[\W_]*(?:(?:روز\s+)?(?:" + _WEEKDAYS + r")\.?(?!\w)[\W_]*)?(?P<core>\w(?:.*\w)?)[\W_]*",
    re.IGNORECASE | re.DOTALL,
)
