"""A light stemmer for Pashto: plural and oblique endings off, never a letter folded.

Like the Dari stemmer it works on a search key (``keys.search_key``). Pashto inflects
nouns and adjectives for number and case with endings, so one word meets its forms:

* plurals ``ونه`` (``کورونه`` → ``کور``), ``ان`` (``ماشومان``), ``ګان``/``ګانې``
 , ``یان`` (``پښتانه`` is left alone: that plural changes the stem);
* the oblique plural ``و`` and its stacks ``ونو``, ``انو``, ``ګانو``, ``یانو``, ``یو``;
* the feminine and oblique ``ه``/``ې``/``ۍ`` and the masculine ``ی`` (``ښځه``, ``ښځې``,
  ``ښځو`` → ``ښځ``; ``ملګری``, ``ملګرو`` → ``ملګر``).

Only endings are taken off: the Pashto letters ټ ډ ړ ږ ښ ګ ڼ ې ۍ are never replaced
(``ګ`` is not ``گ``, ``ې`` is not ``ی``), so a Pashto stem is still Pashto. Words ending
in ``ستان`` and those in :data:`NOT_INFLECTED` keep their ``ان``.

    >>> [stem_pashto(w) for w in ("کورونه", "کورونو", "ماشومانو", "ښځې", "ښځه", "ځوانان")]
    ['کور', 'کور', 'ماشوم', 'ښځ', 'ښځ', 'ځوان']
"""

from __future__ import annotations

__all__ = ["MIN_STEM", "NOT_INFLECTED", "stem_pashto"]

#: the shortest stem left after taking an ending off
MIN_STEM = 2


def _words(text: str) -> frozenset[str]:
    # whitespace-separated, so the lists read as text and are easy to check by eye
    return frozenset(text.split())


#: whole words that end like an ending but are not inflected (search-key form)
NOT_INFLECTED = _words(
    """
    افغان ځوان باران میدان زمان جهان ایمان قربان انسان ارمان پښتون انار بازار ښار کار
    کابل کندهار هلمند خوست ننګرهار پکتیا پکتیکا هرات بلخ غزنی کونړ لوګر
    دا دې ده دی چې کې یې هم نه او هو خو نو سره ته له په د
    """
)

# (ending, how many letters the stem must keep), longest first
_ENDINGS: tuple[tuple[str, int], ...] = (
    ("ګانو", 2),
    ("ګانې", 2),
    ("یانو", 2),
    ("ونو", 2),
    ("ونه", 2),
    ("انو", 2),
    ("ګان", 2),
    ("یان", 2),
    ("یو", 2),
    ("ات", 3),  # the Arabic plural Pashto borrows: حاصلات -> حاصل
    ("ان", 3),
    ("و", 3),
    ("ې", 2),
    ("ۍ", 2),
    ("ه", 2),
    ("ی", 2),
)
_ARABIC_LETTERS = frozenset("ابپتټثجچځڅحخدډذرړزژږسشښصضطظعغفقکګگلمنڼوهیېۍآءئ")


def stem_pashto(word: str) -> str:
    """The light stem of one Pashto search-key word (unchanged when nothing fits).

    >>> stem_pashto("افغانستان"), stem_pashto("ملګرو"), stem_pashto("ملګری")
    ('افغانستان', 'ملګر', 'ملګر')
    """
    if len(word) <= MIN_STEM or word in NOT_INFLECTED or word[0] not in _ARABIC_LETTERS:
        return word
    for ending, least in _ENDINGS:
        if word.endswith(ending):
            if ending in ("ان", "انو") and word.endswith(("ستان", "ستانو")):
                return word[:-1] if ending == "انو" else word  # افغانستانو -> افغانستان
            stem = word[: -len(ending)]
            return stem if len(stem) >= least else word
    return word
