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
        # a vowel mark's spacing form is the mark on the letter before: no space comes in
        ("\ufee3\ufeb4\ufe98\ufed8\ufbff\ufee4\ufe8e\ufe70", "مستقیماً"),
        ("\ufee7\ufee4\ufe8e\ufeaa\ufe7a", "نمادِ"),
        ("\ufc5e", "\u064c\u0651"),  # shadda with dammatan, isolated
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


def test_nfc_safe_ranges_hold_for_this_unicode_database() -> None:
    # Every code point in the ranges: combining class 0, unchanged by NFC, and never the
    # second half of a canonical pair (so it cannot compose with what precedes it).
    import re
    import unicodedata

    from ganjina.text.canonical import NFC_SAFE_RANGES

    seconds = set()
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp)).split()
        if len(decomposition) == 2 and not decomposition[0].startswith("<"):
            seconds.add(int(decomposition[1], 16))
    safe = re.compile(f"[{NFC_SAFE_RANGES}]")
    for cp in range(0x10000):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or not safe.match(c):
            continue
        assert unicodedata.combining(c) == 0, hex(cp)
        assert unicodedata.normalize("NFC", c) == c, hex(cp)
        assert cp not in seconds, hex(cp)


def test_nfc_shortcut_exhaustively_on_arabic_sequences() -> None:
    # Every pair from the Arabic block, and every triple of marks and the letters they
    # compose with: whenever the shortcut says "already NFC", the normaliser agrees.
    import itertools
    import unicodedata

    from ganjina.text.canonical import is_nfc_safe

    block = [chr(c) for c in range(0x600, 0x700)] + ["\u200c", " ", "a"]
    marks_and_bases = [chr(c) for c in [*range(0x64B, 0x660), 0x670, *range(0x622, 0x628),
                                        0x628, 0x647, 0x648, 0x64A, *range(0x6C0, 0x6C3),
                                        0x6D2, 0x6D3, 0x6D5]]  # fmt: skip
    candidates = itertools.chain(
        itertools.product(block, repeat=2), itertools.product(marks_and_bases, repeat=3)
    )
    for chars in candidates:
        s = "".join(chars)
        if is_nfc_safe(s):
            assert unicodedata.is_normalized("NFC", s), [hex(ord(c)) for c in s]
