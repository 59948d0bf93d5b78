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
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ZWNJ", "has_arabic_script", "stored_form"]

ZWNJ = "\u200c"

_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
# BOM is U+FEFF, the one code point of the FE70–FEFF block that is not a presentation form.
_CONTROLS = re.compile("[\u00ad\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")
_ZWNJ_RUN = re.compile("\u200c{2,}")


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
# A ZWNJ joins nothing beside whitespace, punctuation or an end of the text.
_ZWNJ_STRAY = re.compile(rf"(?:^|(?<=[\s{_PUNCT}]))\u200c|\u200c(?=[\s{_PUNCT}]|$)")


def _unpresent(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def stored_form(s: str) -> str:
    """Return the stored form of ``s``: repaired, never folded (see the module docstring).

    Idempotent: ``stored_form(stored_form(s)) == stored_form(s)``.

    >>> stored_form("\\u202bکابل\\u202c")
    'کابل'
    """
    if s.isascii():
        # Nothing above is ASCII, and ASCII is already NFC: the common Latin fast path.
        return s
    if _PRESENTATION.search(s):
        s = _PRESENTATION.sub(_unpresent, s)
    s = _CONTROLS.sub("", s)
    s = unicodedata.normalize("NFC", s)
    if ZWNJ in s:
        s = _ZWNJ_RUN.sub(ZWNJ, s)
        s = _ZWNJ_STRAY.sub("", s)
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
