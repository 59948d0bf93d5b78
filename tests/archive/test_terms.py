"""The memoised index terms are exactly the text layer's ``tokenize_key`` (one definition
of a term for index and query); snippets mark what the key matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ganjina.archive.snippets import highlight, snippet
from ganjina.archive.terms import terms
from ganjina.text import tokenize_key

ZWNJ = "\u200c"
# pieces that exercise every rule: affixes written apart, ZWNJ, Arabic letters, digits,
# harakat, Latin accents, punctuation, several kinds of white space
PIECES = [
    "می",
    "مي",
    "نمی",
    "ها",
    "های",
    "ترین",
    "تر",
    "کتاب",
    "كتاب",
    "شود",
    "رود",
    "خانه",
    ZWNJ,
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "،",
    ".",
    "«",
    "»",
    "۲۰",
    "٢٠",
    "20",
    "\u064e",
    "\u0640",
    "Müller",
    "STRASSE",
    "ß",
    "ټ",
    "ګ",
    "گ",
    "ې",
    "ۍ",
    "word",
    "-",
    "\u200f",
    "ﻻ",
    "I",
    "ΣΑΣ",
    "م",
    "ی",
    "ه",
    "ا",
    "ت",
    "ر",
    "\u0654",
    "\u0670",
    "ي",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_terms_equal_tokenize_key(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert terms(text).split() == tokenize_key(text, zwnj_parts=True)
    assert terms(text).split() == tokenize_key(text, zwnj_parts=True)  # memo hit


def test_examples() -> None:
    for text in ["می شود", "کتاب ها", "نمی\nرود", "خانه‌ای بزرگ ترین", "می‌شود، ۲۰ کتاب!"]:
        assert terms(text).split() == tokenize_key(text, zwnj_parts=True)


def test_snippet_finds_spelling_variants() -> None:
    text = "در كتاب‌هاي تازه ۱۴۰۳ و Müller آمد."
    marked = [t for t, m in snippet(text, {"کتابهای", "1403", "muller"}) if m]
    assert marked == ["كتاب‌هاي", "۱۴۰۳", "Müller"]
    assert [t for t, m in highlight("Kabul KABUL kabul", {"kabul"}) if m] == [
        "Kabul",
        "KABUL",
        "kabul",
    ]


def test_snippet_never_marks_a_longer_word() -> None:
    assert [t for t, m in snippet("کتابخانه و کتاب", {"کتاب"}) if m] == ["کتاب"]
    assert not [t for t, m in snippet("bookshelf", {"book"}) if m]
