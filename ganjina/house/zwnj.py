"""Putting back the zero-width non-joiner where a PDF's text layer lost every one of them.

ZWNJ has no glyph: a PDF whose text layer maps glyphs to text (Typst's, after our
clean-up, and many others) cannot carry it, and Dari text read from it says ``ساعتهای``
for ``ساعت‌های``. The recognizer calls :func:`restore_zwnj` only on Dari or Persian text
from a PDF that holds no ZWNJ at all, and only where the written form is beyond doubt:

* a word-final ``ه`` (heh) before a suffix that Persian writes apart after it:
  ``خانوادهها`` → ``خانواده‌ها``, ``ایستادهاند`` → ``ایستاده‌اند``, ``سادهتر`` → ``ساده‌تر``;
* the verb prefix ``می``/``نمی`` before a common verb stem *with* a personal ending
  (``میگویند`` → ``می‌گویند``), so that nouns such as ``میدان`` and ``میوه`` stay whole.

Everything else is left as it came (no guess), and the record says how many were put back.
"""

from __future__ import annotations

import re

ZWNJ = "\u200c"

_SUFFIXES_AFTER_HEH = (
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "هایمان",
    "هایشان",
    "های",
    "ها",
    "ترین",
    "تر",
    "اند",
    "ایم",
    "اید",
    "اش",
)
# not "ای": ``ساعتهای`` is ``ساعت‌های``, ``خانهای`` is ``خانه‌ای``; only a lexicon could tell
_HEH_SUFFIX = re.compile(
    "(?<=[\u0621-\u064a\u067e-\u06cc]ه)(?=(?:" + "|".join(_SUFFIXES_AFTER_HEH) + r")(?![\w\u200c]))"
)

# the commonest verbs; the prefix is restored only before them. A present stem needs a
# personal ending (``میدان`` is a square, ``میدانند`` "they know"); a bare past stem is
# the third person singular (``میگفت``)
_PRESENT = (
    "گوی",
    "شو",
    "کن",
    "رو",
    "آی",
    "دان",
    "خواه",
    "توان",
    "ده",
    "گیر",
    "آور",
    "بین",
    "نویس",
    "خوان",
    "ساز",
    "رس",
    "مان",
    "گذار",
    "یاب",
    "پذیر",
    "کش",
    "زن",
    "دار",
    "گرد",
    "پرس",
    "فروش",
    "خر",
    "ترس",
    "کوش",
    "پوش",
    "نشین",
    "افت",
    "بر",
    "خور",
    "بخش",
    "خند",
)
_PAST = (
    "گفت",
    "شد",
    "کرد",
    "رفت",
    "آمد",
    "دانست",
    "خواست",
    "توانست",
    "داد",
    "گرفت",
    "آورد",
    "دید",
    "نوشت",
    "خواند",
    "ساخت",
    "رسید",
    "ماند",
    "گذاشت",
    "یافت",
    "پذیرفت",
    "کشید",
    "زد",
    "داشت",
    "گشت",
    "پرسید",
    "فروخت",
    "خرید",
    "ترسید",
    "کوشید",
    "پوشید",
    "نشست",
    "افتاد",
    "برد",
    "خورد",
    "بخشید",
    "خندید",
)
_ENDINGS = "(?:ند|یم|ید|م|ی|د)"
_END = r"(?![\w\u200c])"
_VERB_PREFIX = re.compile(
    r"(?<![\w\u200c])(ن?می)(?=(?:"
    + "|".join(sorted(_PRESENT, key=len, reverse=True))
    + ")"
    + _ENDINGS
    + _END
    + "|(?:"
    + "|".join(sorted(_PAST, key=len, reverse=True))
    + ")"
    + _ENDINGS
    + "?"
    + _END
    + ")"
)


def restore_zwnj(text: str) -> tuple[str, int]:
    """The text with ZWNJ put back where it is certain, and how many were put back.

    >>> restore_zwnj("خانوادهها میگویند که میدان سادهتر است")
    ('خانواده\u200cها می\u200cگویند که میدان ساده\u200cتر است', 3)
    >>> restore_zwnj("ساعتهای میوه")  # no certainty: left as it came
    ('ساعتهای میوه', 0)
    """
    text, after_heh = _HEH_SUFFIX.subn(ZWNJ, text)
    text, after_prefix = _VERB_PREFIX.subn(lambda m: m.group(1) + ZWNJ, text)
    return text, after_heh + after_prefix
