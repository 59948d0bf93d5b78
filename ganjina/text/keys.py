"""Search keys: one function for indexing and for querying.

``search_key`` is the stored form folded so that spellings a reader considers the same
word get one key (``shared/spec/text.md``):

* harakat (U+064B–U+065F, U+0670) and tatweel deleted;
* Arabic letters folded to Persian ones: ك→ک, ي/ى→ی, ۀ/ة→ه (and ه+hamza, whose hamza
  goes with the harakat), ؤ→و, ئ→ی, أ/إ/ٱ→ا;
* every digit (٠–٩, ۰–۹) to ASCII;
* ZWNJ removed, so ``می‌شود``, ``میشود`` and ``می‌‌شود`` meet (``tokenize_key`` can also
  emit the parts);
* the verb prefixes می/نمی and the plural and superlative suffixes ها/های/هایی/ترین
  joined to their word when written with a space, so ``می شود`` meets them too (an
  addition to ``shared/spec/text.md``: without it the commonest spelling variant of
  Dari verbs and plurals would miss; hazm's normalizer makes the same joins);
* Latin lower-cased and accent-folded (``Müller`` → ``muller``, ``Straße`` → ``strasse``).

The Pashto letters ټ ډ ړ ږ ښ ګ ڼ ځ څ ې ۍ are never folded: ``loose_pashto_key`` is the
separate, opt-in key that merges the spellings real Pashto text mixes (گ/ګ, ی/ې/ۍ).

    >>> search_key("مي‌شود") == search_key("میشود") == search_key("مِی شود".replace(" ", ""))
    True
    >>> search_key("ګڼ شمېر ۱۲ Café")
    'ګڼ شمېر 12 cafe'
    >>> loose_pashto_key("ګڼ شمیر") == loose_pashto_key("گڼ شمېر")
    True
"""

from __future__ import annotations

import re
import unicodedata

from ganjina.text.canonical import ZWNJ, stored_form, to_nfc

__all__ = [
    "PASHTO_LETTERS",
    "loose_pashto_key",
    "search_key",
    "to_ascii_digits",
    "to_persian_digits",
    "tokenize_key",
]

#: The letters Pashto uses and Dari does not; the search key never folds them.
PASHTO_LETTERS = frozenset("ټډړږښګڼځڅېۍ")

# Harakat, superscript alef and tatweel, deleted in one regex pass (ZWNJ, far more
# common, by str.replace): a few ms per MB, against ~50 ms for str.translate.
_DELETE = re.compile("[\u064b-\u065f\u0670\u0640]+")

# Single-letter folds, applied as str.replace only when the letter occurs. A chain of
# replaces beat translate() and a regex callback by 5–10x on mixed Dari/Pashto text.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("ك", "ک"),
    ("ي", "ی"),
    ("ى", "ی"),
    ("ۀ", "ه"),
    ("ة", "ه"),
    ("ؤ", "و"),
    ("ئ", "ی"),
    ("أ", "ا"),
    ("إ", "ا"),
    ("ٱ", "ا"),
)

_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_TO_PERSIAN = str.maketrans("0123456789" + _ARABIC_INDIC, _PERSIAN * 2)
_NON_ASCII_DIGIT = re.compile("[٠-٩۰-۹]")
_DIGIT_PAIRS = tuple(zip(_ARABIC_INDIC + _PERSIAN, "0123456789" * 2, strict=True))

# Latin letters with marks, and the marks themselves (for sequences NFC cannot compose).
_LATIN_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")
# Letters that NFD does not take apart but a reader still types without the mark.
_LATIN_SPECIAL = {
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŀ": "l",
    "ŧ": "t",
}


def _fold_latin_char(match: re.Match[str]) -> str:
    c = match.group()
    if c in _LATIN_SPECIAL:
        return _LATIN_SPECIAL[c]
    return "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))


_YEH = "[یيى]"
_AR_LETTER = "[\u0620-\u064a\u066e-\u06d3\u06d5]"
# Affixes written apart from their word: می شود, نمی رود, کتاب ها, بزرگ ترین. Only these
# few, because each is never a word of its own in running Dari or Pashto prose (تر is
# left out: it is a Pashto preposition).
# Each starts with a literal, not a lookbehind, so the engine jumps between candidates;
# what comes before (a word boundary before می, a letter before the suffix) is checked
# in the callback. Yeh variants are allowed because tokenize_key runs them on the
# stored form; in the key they are already folded.
_PREFIX_SPACE = re.compile(rf"م{_YEH} +(?={_AR_LETTER})")
# The suffixes with the one space before them: a literal start the engine can search
# for; a longer run of spaces is found by looking back from the match.
_SUFFIX_SPACE = re.compile(rf" (?:ها{_YEH}{{0,2}}|تر{_YEH}ن)(?!\w)")
_LETTER_BEFORE = re.compile(_AR_LETTER)


def _join_affixes(s: str, joiner: str) -> str:
    def prefix(m: re.Match[str]) -> str:
        start = m.start()
        if start and s[start - 1] == "ن":  # نمی: look one further back
            start -= 1
        if start and (s[start - 1].isalnum() or s[start - 1] == "_"):
            return m.group()  # the end of a longer word (کمی), not the prefix
        return m.group().rstrip(" ") + joiner

    # Substring tests first: most text has no affix written apart, and a substring
    # search is ten times cheaper than the regex scan.
    if "م" in s and any(m + " " in s for m in ("می", "مي", "مى")):
        s = _PREFIX_SPACE.sub(prefix, s)
    if " ها" in s or " تر" in s:
        s = _join_suffixes(s, joiner)
    return s


def _join_suffixes(s: str, joiner: str) -> str:
    cuts: list[tuple[int, int]] = []
    for m in _SUFFIX_SPACE.finditer(s):
        last_space = first_space = m.start()
        while first_space and s[first_space - 1] == " ":
            first_space -= 1
        if first_space and _LETTER_BEFORE.match(s, first_space - 1):
            cuts.append((first_space, last_space + 1))
    if not cuts:
        return s
    pieces, pos = [], 0
    for start, end in cuts:
        pieces += [s[pos:start], joiner]
        pos = end
    pieces.append(s[pos:])
    return "".join(pieces)


def to_ascii_digits(s: str) -> str:
    """Turn Persian (۰–۹) and Arabic-Indic (٠–٩) digits into ASCII digits.

    >>> to_ascii_digits("۱۴۰۳/٠٤/23")
    '1403/04/23'
    """
    if _NON_ASCII_DIGIT.search(s) is None:
        return s
    # A replace per digit present: 10x faster than str.translate on long Dari text.
    for digit, ascii_digit in _DIGIT_PAIRS:
        if digit in s:
            s = s.replace(digit, ascii_digit)
    return s


def to_persian_digits(s: str) -> str:
    """Turn ASCII and Arabic-Indic digits into Persian digits (for display).

    >>> to_persian_digits("23 سرطان 1403")
    '۲۳ سرطان ۱۴۰۳'
    """
    return s.translate(_TO_PERSIAN)


def search_key(s: str) -> str:
    """Return the search key of ``s``: the one form both index and query go through.

    Idempotent, and never folds a Pashto letter (see the module docstring).

    >>> search_key("كتابهاي  «جديد»")
    'کتابهای  «جدید»'
    """
    s = stored_form(s)
    if s.isascii():
        return s.lower()
    s = _DELETE.sub("", s.replace(ZWNJ, ""))
    for old, new in _FOLDS:
        if old in s:
            s = s.replace(old, new)
    s = _join_affixes(to_ascii_digits(s), "").lower()
    if _LATIN_ACCENTED.search(s):
        s = _LATIN_ACCENTED.sub(_fold_latin_char, s)
    # Deleting a ZWNJ or a mark can bring together characters NFC composes (Hangul
    # jamo, Indic vowel signs): normalise again, so the key is a fixed point. A single
    # regex scan for Arabic, Latin and the like.
    return to_nfc(s)


def loose_pashto_key(s: str) -> str:
    """The search key with the Pashto spellings real text mixes merged: گ→ګ, ې/ۍ→ی.

    Use it as an extra field for Pashto documents and queries (more recall, less
    precision); never as the only key.

    >>> loose_pashto_key("لیندۍ") == loose_pashto_key("ليندي")
    True
    """
    s = search_key(s)
    merged = False
    for old, new in (("گ", "ګ"), ("ې", "ی"), ("ۍ", "ی")):
        if old in s:
            s = s.replace(old, new)
            merged = True
    # مې written apart is now می: join it as the search key would, to stay idempotent.
    return _join_affixes(s, "") if merged else s


# A term: a run of letters, digits and combining marks (marks so Indic words stay whole);
# the underscore, which \w includes, separates terms.
_TERM = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f])+")
# _TERM on lower-case ASCII text, where it matches runs of letters and digits: the same
# terms, found twice as fast.
_ASCII_TERM = re.compile("[a-z0-9]+")
# The same, with ZWNJ, harakat and tatweel inside words, for reading the stored form.
_STORED_WORD = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f\u064b-\u065f\u0670\u0640\u200c])+"
)


def tokenize_key(s: str, *, zwnj_parts: bool = False) -> list[str]:
    """Split text into index terms: the terms of ``search_key(s)``, in order.

    ``s`` may be raw text, a stored form or a key (the key is idempotent). With
    ``zwnj_parts=True`` the parts of every word written with a ZWNJ (or with one of the
    affixes the key joins, written apart) are appended after all the whole-word terms,
    so ``شود`` also finds ``می‌شود`` while phrase positions of the whole words stay
    unchanged. Parts can only be found in text that still has its ZWNJs and spaces (raw
    or stored form, not a key).

    >>> tokenize_key("می‌شود، ۲۰ کتاب!")
    ['میشود', '20', 'کتاب']
    >>> tokenize_key("کتاب‌ها می‌شود", zwnj_parts=True)
    ['کتابها', 'میشود', 'کتاب', 'ها', 'می', 'شود']
    """
    if s.isascii():
        # the key of ASCII text is its lower case; no word of it has a ZWNJ or an affix
        # written apart, so it has no parts
        return _ASCII_TERM.findall(s.lower())
    terms = _TERM.findall(search_key(s))
    if not zwnj_parts:
        return terms
    for word in _STORED_WORD.findall(_join_affixes(stored_form(s), ZWNJ)):
        if ZWNJ in word:
            for part in word.split(ZWNJ):
                terms.extend(_TERM.findall(search_key(part)))
    return terms
