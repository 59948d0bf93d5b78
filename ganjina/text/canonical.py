"""The stored form: what the archive keeps and shows.

Only repairs, never folding (``shared/spec/text.md``, "Three forms of every text"):

1. Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) are mapped to plain letters
   with NFKC applied to those code points only — old PDFs and Word files are full of them,
   and they defeat every comparison.
2. Invisible controls are removed: bidi marks and embeddings (U+200E, U+200F,
   U+202A–U+202E, U+2066–U+2069), the BOM (U+FEFF), the soft hyphen and ZWJ.
3. NFC (after the steps above, so a removed control can no longer block a composition).
4. Runs of ZWNJ collapse to one; a ZWNJ beside a space, punctuation or either end of the
   text is dropped, because it joins nothing there.

No letter is ever folded: ي stays ي, ګ stays ګ. Folding is the search key's business.

    >>> stored_form("\\ufeb3\\ufefc\\ufee1")          # presentation forms of سلام
    'سلام'
    >>> stored_form("می\\u200c\\u200cشود \\u200c!")   # ZWNJ run collapsed, stray one dropped
    'می\\u200cشود !'
    >>> stored_form("كتاب يك")                        # Arabic kaf and yeh are kept as read
    'كتاب يك'
    >>> stored_form("عمدا\ufe70")                      # a mark's spacing form: the mark
    'عمداً'
"""

from __future__ import annotations

import re
import unicodedata

from ganjina.text.normal_forms import NFC_SAFE_RANGES, normalize

__all__ = [
    "NFC_SAFE_RANGES",
    "ZWNJ",
    "has_arabic_script",
    "is_nfc_safe",
    "loose_letters",
    "stored_form",
    "to_nfc",
    "word_count",
]

ZWNJ = "\u200c"
# words apart by whitespace or by a ZWNJ: a conversion may have written a right-to-left
# line's spaces as ZWNJ (``چاه‌های‌لوگر‌…``), so a count of "words" must not take the
# line for one word
_WORD_GAP = re.compile("[\\s\u200c]+")


def word_count(text: str) -> int:
    """How many words ``text`` holds, ZWNJ counting as a gap (see ``_WORD_GAP``).

    >>> word_count("کتابخانه\u200cهای\u200cسیار کتاب")
    4
    """
    return len([w for w in _WORD_GAP.split(text) if w])


def loose_letters(text: str) -> str:
    """The letters and digits of ``text``, case folded: how two spellings of one title or
    name are told to be the same (spacing, punctuation and ZWNJ aside).

    >>> loose_letters("Wells of Parwan: run dry!") == loose_letters("wells of parwan run dry")
    True
    """
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
# BOM is U+FEFF, the one code point of the FE70–FEFF block that is not a presentation form.
_CONTROLS = re.compile("[\u00ad\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")
# One scan finds out whether either repair is needed at all (most text needs neither).
_SUSPECT = re.compile(
    "[\ufb50-\ufdff\ufe70-\ufeff\u00ad\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_ZWNJ_RUN = re.compile("\u200c{2,}")

_HARAKAT = "\u064b-\u065f\u0670"
# Text is already NFC, and the (slower) Unicode normaliser is skipped, unless it has a
# character outside the safe ranges and the harakat, a haraka before another (NFC may
# reorder them), or maddah or hamza after a letter they compose with (ا + ٓ → آ). A lone
# kasra, tanwin or the ezafe hamza of «خانهٔ» is stable, and common in Dari. Separate
# single-branch patterns, because the regex engine scans those many times faster than
# one alternation.
_UNSAFE = re.compile(f"[^{NFC_SAFE_RANGES}]")
_UNSAFE_NOT_MARK = re.compile(f"[^{NFC_SAFE_RANGES}{_HARAKAT}]")
_TWO_MARKS = re.compile(f"[{_HARAKAT}][{_HARAKAT}]")  # not {2}: three times slower
# After a letter that composes with it, or one already composed with such a mark (آ +
# hamza below becomes إ + maddah).
_COMPOSING_MARK = re.compile(
    "[\u0653-\u0655](?<=[\u0622-\u0627\u0648\u064a\u06c0-\u06c2\u06d2\u06d3\u06d5].)"
)


def is_nfc_safe(s: str) -> bool:
    """True if ``s`` is certainly NFC without running the normaliser (see above)."""
    first = _UNSAFE.search(s)
    if first is None:
        return True
    # Start one early: the lookbehind of _COMPOSING_MARK cannot see before ``pos``.
    pos = max(first.start() - 1, 0)
    return not (
        _UNSAFE_NOT_MARK.search(s, pos)
        or _TWO_MARKS.search(s, pos)
        or _COMPOSING_MARK.search(s, pos)
    )


def to_nfc(s: str) -> str:
    """NFC, skipping the normaliser for text that ``is_nfc_safe``."""
    return s if is_nfc_safe(s) else normalize("NFC", s)


def _punctuation_class() -> str:
    """A regex class of every BMP punctuation character (Unicode category P*).

    Built once from the Unicode database rather than typed by hand, so « » ، ؛ ؟ ۔ and
    the rest are all covered. Costs about 10 ms at import.
    """
    chars = [
        chr(cp)
        for cp in range(0x10000)
        if unicodedata.category(chr(cp)).startswith("P") and not 0xD800 <= cp <= 0xDFFF
    ]
    return "".join(re.escape(c) for c in chars)


_PUNCT = _punctuation_class()
# A ZWNJ joins nothing beside whitespace, punctuation or an end of the text. The
# pattern starts with the ZWNJ itself (then looks back and ahead), so the engine jumps
# from one ZWNJ to the next: several times faster on Dari, where ZWNJ is everywhere.
_ZWNJ_STRAY = re.compile(rf"\u200c(?:(?<=[\s{_PUNCT}]\u200c)|(?=[\s{_PUNCT}]))")


def _unpresent(match: re.Match[str]) -> str:
    # the spacing forms of the vowel marks (U+FE70 fathatan, U+FC5E shadda with dammatan,
    # ...) decompose to a space and the mark: drawn in a word, the glyph is the mark on
    # the letter before it, so the space goes (the match holds no space of its own)
    return unicodedata.normalize("NFKC", match.group()).replace(" ", "")


def stored_form(s: str) -> str:
    """Return the stored form of ``s``: repaired, never folded (see the module docstring).

    Idempotent: ``stored_form(stored_form(s)) == stored_form(s)``.

    >>> stored_form("\\u202bکابل\\u202c")
    'کابل'
    """
    if s.isascii():
        # Nothing above is ASCII, and ASCII is already NFC: the common Latin fast path.
        return s
    if _SUSPECT.search(s):
        s = _PRESENTATION.sub(_unpresent, s)
        s = _CONTROLS.sub("", s)
    s = to_nfc(s)
    if ZWNJ in s:
        if ZWNJ + ZWNJ in s:
            s = _ZWNJ_RUN.sub(ZWNJ, s)
        s = _ZWNJ_STRAY.sub("", s).strip(ZWNJ)
    return s


# Letters of the Arabic script (digits and punctuation of the Arabic blocks excluded):
# Arabic, Arabic Supplement, Arabic Extended-A, presentation forms A and B.
_ARABIC_LETTER = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc]"
)


def has_arabic_script(s: str) -> bool:
    """True if ``s`` contains at least one letter of the Arabic script.

    Digits (۱۲۳) and punctuation (، ؟) alone do not count: they say nothing about
    direction or language.

    >>> has_arabic_script("Kabul کابل"), has_arabic_script("۱۴۰۳"), has_arabic_script("x")
    (True, False, False)
    """
    return _ARABIC_LETTER.search(s) is not None
