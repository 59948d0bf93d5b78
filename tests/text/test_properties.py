"""Property tests (hypothesis) for the whole text layer."""

from __future__ import annotations

import contextlib
import datetime

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ganjina.text import (
    calendars,
    find_date,
    find_dates,
    format_solar_hijri,
    has_arabic_script,
    identify_language,
    loose_pashto_key,
    months,
    parse_date,
    search_key,
    stored_form,
    to_ascii_digits,
    to_persian_digits,
    tokenize_key,
)

ZWNJ = "\u200c"
PASHTO = set("ټډړږښګڼځڅېۍ")
HARAKAT = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]

# Text that exercises the layer: Persian and Pashto letters, their Arabic look-alikes,
# harakat, ZWNJ/ZWJ, bidi controls, presentation forms, digits of three scripts,
# punctuation and spaces, Latin with marks, and a few Hangul jamo (they compose).
_ALPHABET = (
    list(
        "اآأإٱبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيىكۀةؤئءټډړږښګڼځڅېۍ"
        "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789 .،؛؟!«»()-/ـ\n"
        "\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069\ufeff\u00ad"
        "ﻻﺳﻼﻡﭖﯾ\ufe70\ufe76abcAZéÜßİ\u0301\u1100\u1161"
    )
    + HARAKAT
)
persianish = st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join)
anything = st.text(max_size=60)
texts = st.one_of(persianish, anything)


def no_presentation_forms(s: str) -> bool:
    return not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in s)


@given(texts)
def test_forms_are_idempotent(s: str) -> None:
    stored = stored_form(s)
    assert stored_form(stored) == stored
    key = search_key(s)
    assert search_key(key) == key
    loose = loose_pashto_key(s)
    assert loose_pashto_key(loose) == loose


@given(texts)
def test_pashto_letters_survive_stored_form_and_key(s: str) -> None:
    assume(no_presentation_forms(s))
    pashto = [c for c in s if c in PASHTO]
    assert [c for c in stored_form(s) if c in PASHTO] == pashto
    assert [c for c in search_key(s) if c in PASHTO] == pashto


# Harakat without maddah and hamza above/below (U+0653–U+0655): after alef they compose
# to آ, أ, إ, which are letters, not vowel marks.
VOWEL_MARKS = [h for h in HARAKAT if h not in "\u0653\u0654\u0655"]
STEMS = ["کتاب", "خانه", "کشور", "دانشکده", "ولایت", "شهر", "بازار", "قیمت", "روز", "شعر"]
VERBS = ["شود", "رود", "کند", "گوید", "خواند", "نویسد", "آید"]


def _spell(word: str, draw: st.DrawFn) -> str:
    """A spelling variant a reader would take for the same word."""
    out = []
    for c in word:
        if c == "ی":
            c = draw(st.sampled_from(["ی", "ي"]))
        elif c == "ک":
            c = draw(st.sampled_from(["ک", "ك"]))
        out.append(c)
        if draw(st.booleans()) and draw(st.booleans()):
            out.append(draw(st.sampled_from(VOWEL_MARKS)))
    return "".join(out)


@st.composite
def variant_pairs(draw: st.DrawFn) -> tuple[str, str]:
    joiner_a = draw(st.sampled_from([ZWNJ, " ", ""]))
    joiner_b = draw(st.sampled_from([ZWNJ, " ", ""]))
    if draw(st.booleans()):
        prefix, verb = draw(st.sampled_from(["می", "نمی"])), draw(st.sampled_from(VERBS))
        a, b = prefix + joiner_a + verb, prefix + joiner_b + verb
    else:
        stem, suffix = draw(st.sampled_from(STEMS)), draw(st.sampled_from(["ها", "های", "ترین"]))
        a, b = stem + joiner_a + suffix, stem + joiner_b + suffix
    number = draw(st.integers(0, 99999))
    digits_a = draw(st.sampled_from([str, lambda n: to_persian_digits(str(n))]))(number)
    digits_b = draw(st.sampled_from([str, lambda n: to_persian_digits(str(n))]))(number)
    return f"{_spell(a, draw)} {digits_a}", f"{_spell(b, draw)} {digits_b}"


@given(variant_pairs())
def test_spelling_variants_get_one_key(pair: tuple[str, str]) -> None:
    a, b = pair
    assert search_key(a) == search_key(b)
    assert tokenize_key(a) == tokenize_key(b)


# No deadline: the first call loads the language model (about a second).
@settings(max_examples=150, deadline=None)
@given(texts, st.sampled_from([None, "dari", "pashto", "european-languages", ""]))
def test_nothing_crashes(s: str, section: str | None) -> None:
    assert isinstance(has_arabic_script(s), bool)
    assert isinstance(to_ascii_digits(s), str)
    assert isinstance(to_persian_digits(s), str)
    assert all(t for t in tokenize_key(s, zwnj_parts=True))
    guess = identify_language(s, section=section)
    assert 0.0 <= guess.confidence <= 1.0
    if guess.tag is None:
        assert guess.confidence == 0.0
    for m in find_dates(s, reference=datetime.date(2024, 1, 1)):
        assert s[m.span[0] : m.span[1]] == m.text
        assert m.calendar in {"gregorian", "solar_hijri", "lunar_hijri"}
        assert m.precision in {"day", "month", "year"}
    find_date(s)
    parse_date(s)


@given(st.integers(-(10**6), 10**6), st.integers(-5, 20), st.integers(-5, 40))
def test_conversions_raise_only_value_error(y: int, m: int, d: int) -> None:
    for convert in (calendars.solar_hijri_to_gregorian, calendars.lunar_hijri_to_gregorian):
        with contextlib.suppress(ValueError):
            assert isinstance(convert(y, m, d), datetime.date)


@given(st.dates())  # every date Python has, year 1 to 9999
def test_calendar_round_trips(d: datetime.date) -> None:
    assert calendars.solar_hijri_to_gregorian(*calendars.gregorian_to_solar_hijri(d)) == d
    assert calendars.lunar_hijri_to_gregorian(*calendars.gregorian_to_lunar_hijri(d)) == d
    assert isinstance(format_solar_hijri(d, "ps", "arabic"), str)


@given(
    st.dates(datetime.date(1957, 3, 21), datetime.date(2200, 1, 1)),
    st.sampled_from(["fa", "ps", "fa-IR"]),
    st.sampled_from(["persian", "ascii", "arabic"]),
)
def test_formatted_dates_parse_back(d: datetime.date, lang: str, digits: str) -> None:
    m = parse_date(format_solar_hijri(d, lang, digits))
    assert m is not None
    assert (m.date, m.calendar, m.precision, m.approximate) == (d, "solar_hijri", "day", False)


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, datetime.date]:
    """A solar hijri date written the ways Afghan pages write it."""
    y = draw(st.integers(1336, 1450))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, calendars.solar_hijri_days_in_month(y, m)))
    digits = draw(st.sampled_from([str, lambda n: to_persian_digits(str(n))]))
    dari, pashto = months.DARI_SH_MONTHS[m - 1], months.PASHTO_SH_MONTHS[m - 1]
    form = draw(st.integers(0, 5))
    if form == 0:
        text = f"{digits(d)} {dari} {digits(y)}"
    elif form == 1:
        text = f"{digits(d)} {dari}ی {digits(y)}" if dari.endswith("ا") else f"{d} {dari} {y}"
    elif form == 2:
        text = f"د {digits(y)} کال د {pashto} {digits(d)}مه"
    elif form == 3:
        text = f"{digits(d)} {pashto} ـ {dari} {digits(y)}"
    elif form == 4:
        text = f"{digits(y)}/{digits(m)}/{digits(d)}"
    else:
        text = f"{digits(d)}.{digits(m)}.{digits(y)}"
    return text, calendars.solar_hijri_to_gregorian(y, m, d)


@given(written_dates())
def test_written_solar_hijri_dates_parse(case: tuple[str, datetime.date]) -> None:
    text, expected = case
    m = parse_date(text)
    assert m is not None, text
    assert m.date == expected
    assert m.calendar == "solar_hijri"


@given(texts)
def test_nfc_shortcut_is_sound(s: str) -> None:
    import unicodedata

    from ganjina.text.canonical import is_nfc_safe

    if is_nfc_safe(s):
        assert unicodedata.is_normalized("NFC", s)


_DAY_TOKENS = ["1", "09", "23", "31", "۲۳", "٢٣", "0", "123", "x"]
_NAME_TOKENS = [*months.DARI_SH_MONTHS, *months.PASHTO_SH_MONTHS, "جوزای", "دیی", "ميزان",
                "July", "jul", "Jul.", "März", "مارچ", "رمضان", "سال", "ماه", "حوت"]  # fmt: skip
_YEAR_TOKENS = ["1403", "۱۴۰۲", "2024", "1335", "0999", "12345", "1445"]
_NUMERIC = ["1403-04-23", "2024/07/13", "13.07.2024", "07/13/2024", "1.2.2024", "2024-7-3",
            "1403/12/30", "2024-02-30", "13/13/2024", "20240713", "2024-07/13"]  # fmt: skip


@st.composite
def whole_dates(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(_NUMERIC))
    parts = [
        draw(st.sampled_from(options)) for options in (_DAY_TOKENS, _NAME_TOKENS, _YEAR_TOKENS)
    ]
    return " ".join(parts)


@given(whole_dates())
def test_quick_path_agrees_with_the_grammar(text: str) -> None:
    import ganjina.text.patterns as patterns

    quick = parse_date(text)
    original = patterns.quick_whole
    patterns.quick_whole = lambda core: None  # the grammar alone
    try:
        slow = parse_date(text)
    finally:
        patterns.quick_whole = original
    assert quick == slow
