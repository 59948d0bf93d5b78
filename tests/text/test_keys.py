"""The search key, the loose Pashto key, digits and index terms."""

from __future__ import annotations

import pytest

from ganjina.text import (
    loose_pashto_key,
    search_key,
    stored_form,
    to_ascii_digits,
    to_persian_digits,
    tokenize_key,
)

ZWNJ = "\u200c"
PASHTO = "ټډړږښګڼځڅېۍ"


@pytest.mark.parametrize(
    "variants",
    [
        [f"می{ZWNJ}شود", "میشود", f"مي{ZWNJ}شود", f"می{ZWNJ}{ZWNJ}شود", f"مِی{ZWNJ}شَوَد"],
        ["کتاب", "كتاب", "کِتاب", "کـتـاب", "\ufedb\ufe98\ufe8e\ufe8f"],
        ["یک", "يك", "ىک", "یـک"],
        ["خانه", "خانة"],
        ["خانهٔ", "خانۀ", "خانه"],
        ["مسئله", "مسیله", "مسيله", "مسئله"],
        ["مؤسسه", "موسسه"],
        ["احمد", "أحمد", "إحمد", "ٱحمد", "اَحْمَد"],
        ["1403", "۱۴۰۳", "١٤٠٣", "۱4٠۳"],
        ["muller", "Müller", "MÜLLER", "Mu\u0308ller"],
        ["strasse", "Straße", "STRASSE"],
        ["cafe", "Café", "CAFÉ"],
    ],
)
def test_variants_share_a_key(variants: list[str]) -> None:
    keys = {search_key(v) for v in variants}
    assert len(keys) == 1, keys


def test_what_the_key_keeps_apart() -> None:
    # Pashto letters are never folded into Persian ones.
    for p, f in zip("ټډړږښګڼځڅېۍ", "تدرزسکنحچیی", strict=True):
        assert search_key(p) == p
        assert search_key(p) != search_key(f)
    assert search_key("گ") != search_key("ګ")
    # Spaces are kept between words, even in a compound written apart.
    assert search_key("کتاب خانه") == "کتاب خانه"
    # Pashto «تر» is a preposition, not a suffix; «می» before a digit is the month May.
    assert search_key("تر ټولو لوی") == "تر ټولو لوی"
    assert search_key("۲ می ۲۰۲۴") == "2 می 2024"
    assert search_key("آمد") == "آمد"  # alef madda is a letter of its own


@pytest.mark.parametrize(
    "variants",
    [
        ["می شود", f"می{ZWNJ}شود", "میشود", "مي  شود"],
        ["نمی رود", f"نمی{ZWNJ}رود", "نمیرود"],
        ["کتاب ها", f"کتاب{ZWNJ}ها", "کتابها"],
        ["کتاب های", f"کتاب{ZWNJ}های", "کتابهای"],
        ["بزرگ ترین", f"بزرگ{ZWNJ}ترین", "بزرگترین"],
    ],
)
def test_affixes_written_apart_share_a_key(variants: list[str]) -> None:
    assert len({search_key(v) for v in variants}) == 1


def test_key_is_made_from_the_stored_form() -> None:
    s = "\u202bكتاب‌هاي\ufeff"
    assert search_key(s) == search_key(stored_form(s)) == "کتابهای"


def test_loose_pashto_key() -> None:
    assert loose_pashto_key("ګڼ") == loose_pashto_key("گڼ") == "ګڼ"
    assert loose_pashto_key("لیندۍ") == loose_pashto_key("ليندي") == loose_pashto_key("لیندې")
    # Still no folding of the other Pashto letters.
    assert loose_pashto_key("ښار ټول") == "ښار ټول"
    # It extends the search key, so everything the key merges, it merges too.
    assert loose_pashto_key("كتاب ۱۲") == "کتاب 12"


def test_digits() -> None:
    assert to_ascii_digits("۱۴۰۳/٠٤/23") == "1403/04/23"
    assert to_ascii_digits("no digits") == "no digits"
    assert to_persian_digits("23 سرطان 1403") == "۲۳ سرطان ۱۴۰۳"
    assert to_persian_digits("٢٣") == "۲۳"


def test_tokenize_key() -> None:
    assert tokenize_key("می‌شود، ۲۰ کتاب!") == ["میشود", "20", "کتاب"]
    assert tokenize_key("Die Straße (2024)") == ["die", "strasse", "2024"]
    assert tokenize_key("a_b c-d") == ["a", "b", "c", "d"]
    assert tokenize_key("") == []
    # The same terms whether given raw text or its key.
    s = "كتابهاي «جديد» در ۱۴۰۳"
    assert tokenize_key(s) == tokenize_key(search_key(s))


def test_tokenize_key_zwnj_parts() -> None:
    terms = tokenize_key(f"کتاب{ZWNJ}ها می{ZWNJ}شود خوب", zwnj_parts=True)
    # whole words first, in order (phrase positions unchanged), then the parts
    assert terms == ["کتابها", "میشود", "خوب", "کتاب", "ها", "می", "شود"]
    assert tokenize_key("خوب", zwnj_parts=True) == ["خوب"]
    # Affixes written apart give the same terms as with a ZWNJ.
    assert tokenize_key("کتاب ها می شود", zwnj_parts=True) == terms[:2] + terms[3:]


def test_key_examples_from_pashto_text() -> None:
    s = "د كابل ښاروالۍ ګڼ شمېر ۱۲ پروژې"
    assert search_key(s) == "د کابل ښاروالۍ ګڼ شمېر 12 پروژې"
    assert all(c in search_key(s) for c in "ښۍګڼې")
