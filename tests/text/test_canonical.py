"""The stored form: repairs only, never folding (shared/spec/text.md)."""

from __future__ import annotations

import pytest

from ganjina.text import has_arabic_script, stored_form

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("\ufeb3\ufefc\ufee1", "سلام"),  # presentation forms, lam-alef ligature included
        ("\ufefb", "لا"),
        ("\ufb8e\ufe8e\ufe91\ufe8e\ufee5", "کابان"),  # keheh isolated form → plain keheh
        ("\ufbe4", "ې"),  # a Pashto letter's presentation form becomes the Pashto letter
        ("\u202bکابل\u202c", "کابل"),  # bidi embedding
        ("\u200fکابل\u200e", "کابل"),  # RLM, LRM
        ("\u2067کابل\u2069", "کابل"),  # isolates
        ("\ufeffکابل", "کابل"),  # BOM
        ("Af\u00adghan\u00adistan", "Afghanistan"),  # soft hyphen
        ("می\u200dشود", "میشود"),  # ZWJ removed
        ("ا\u0653", "آ"),  # NFC composes alef + madda
        ("e\u0301", "é"),
    ],
)
def test_repairs(raw: str, stored: str) -> None:
    assert stored_form(raw) == stored


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        (f"می{ZWNJ}{ZWNJ}{ZWNJ}شود", f"می{ZWNJ}شود"),  # a run collapses to one
        (f"می{ZWNJ} شود", "می شود"),  # beside a space: joins nothing
        (f"می {ZWNJ}شود", "می شود"),
        (f"کتاب{ZWNJ}،", "کتاب،"),  # beside punctuation
        (f"«{ZWNJ}کتاب»", "«کتاب»"),
        (f"{ZWNJ}کتاب{ZWNJ}", "کتاب"),  # at either end
        (f"کتاب{ZWNJ}ها", f"کتاب{ZWNJ}ها"),  # between letters: kept
        (f"۲۶{ZWNJ}ام", f"۲۶{ZWNJ}ام"),  # between a digit and a letter: kept
    ],
)
def test_zwnj(raw: str, stored: str) -> None:
    assert stored_form(raw) == stored


@pytest.mark.parametrize(
    "text",
    [
        "كتاب يك",  # Arabic kaf and yeh
        "مسئلهٔ مؤسسه",  # hamza forms
        "أحمد إبراهيم",
        "۱۴۰۳ ١٤٠٣",  # digits of both scripts
        "د ښار ټولنه ډېره لویه ده ګڼ ځای څوک ږغ ړوند ۍ",
        "گ ګ ې ی",
        "اِعلام کَرد",  # harakat kept in the stored form
        "Müller STRASSE",
        "ـکابلـ",  # tatweel kept
    ],
)
def test_no_folding(text: str) -> None:
    assert stored_form(text) == text


def test_idempotent_on_examples() -> None:
    for s in ["\ufeb3\ufefc\ufee1", f"{ZWNJ}ا{ZWNJ}\u0653", "ﻻ\u200c\u200c ", "\u202b\u0627\u0654"]:
        once = stored_form(s)
        assert stored_form(once) == once


def test_has_arabic_script() -> None:
    assert has_arabic_script("Kabul کابل")
    assert has_arabic_script("ټ")
    assert has_arabic_script("\ufefb")
    assert not has_arabic_script("۱۴۰۳ ٫ ، ؟")
    assert not has_arabic_script("Kabul 1403")
    assert not has_arabic_script("")
