"""A light stemmer for Dari (and Iranian Persian): affixes off, never a letter changed.

It works on a *search key* (``keys.search_key``), where ZWNJ is already gone, Arabic yeh
and kaf are folded and the affixes written apart (``می شود``, ``کتاب ها``) are joined;
so ``کتاب‌ها``, ``کتابها`` and ``کتاب ها`` all reach it as ``کتابها`` and stem alike.

What comes off, longest first, keeping at least :data:`MIN_STEM` letters:

* the verb prefixes ``نمی``/``می`` (and then a personal ending: ``میروند`` → ``رو``);
  the subjunctive/imperative ``ب`` and the negative ``ن`` only before a personal ending,
  and never from the verbs whose stem itself starts with that letter (``نوشتند``,
  ``بودند``): that list is :data:`KEEP_INITIAL`;
* plural and possessive endings: ``ها`` ``های`` ``هایی`` ``هایم``…, ``ان`` ``یان``
  ``گان`` (``بندگان`` → ``بنده``), ``ات``, the Arabic plural ``ین``, the clitics
  ``م ت ش مان تان شان`` after a plural;
* the indefinite/adjectival/ezafe ``ی`` ``ای`` ``یی``; comparatives ``تر``, ``ترین``;
* the ezafe hamza ``ٔ`` is a haraka, which the key already deleted.

Words that merely *end* like an affix (``ایران``, ``افغانستان``, ``حیات``, ``بازی``)
are the price of a stemmer without a dictionary; :data:`NOT_INFLECTED` keeps the
commonest ones whole, and the search always ranks the exact form above a word form.

    >>> [stem_dari(w) for w in ("کتابها", "کتابهای", "میروند", "بزرگترین", "دانشجویان")]
    ['کتاب', 'کتاب', 'رو', 'بزرگ', 'دانشجو']
"""

from __future__ import annotations

__all__ = ["KEEP_INITIAL", "MIN_STEM", "NOT_INFLECTED", "stem_dari"]

#: the shortest stem left after taking an affix off
MIN_STEM = 2


def _words(text: str) -> frozenset[str]:
    # whitespace-separated, so the lists read as text and are easy to check by eye
    return frozenset(text.split())


#: whole words that end like an affix but are not inflected (key form)
NOT_INFLECTED = _words(
    """
    ایران تنها افغانستان پاکستان تاجیکستان ترکمنستان ازبکستان هندوستان انگلستان تهران
    کابل هرات زمان جان باران آسمان انسان میدان خیابان دوران پایان بیان جریان زبان نان
    مکان امکان ارمغان جهان جوان میهمان مهمان دهقان دکان دندان ایمان قربان قرآن باستان
    زمستان تابستان بهار پاییز بازی زندگی آزادی شادی بندی کشتی ماهی قاضی کرسی
    صنایع حیات اوقات ساعت صنعت دولت ملت قیمت حکومت وزارت ریاست زراعت تجارت بیمار
    بستر دختر دفتر بهتر کمتر بیشتر کبوتر چتر شتر
    خواهر مادر پدر برادر شهر کشور روشن تن دین خانم مردم گندم سوم دوم هم کم اسلام
    شیرین ماشین پایین تمرین تضمین تامین تعیین تزیین دوربین
    زعفران سرطان حمل ثور جوزا اسد سنبله میزان عقرب قوس جدی دلو حوت اعلام احترام
    """
)

#: verb stems that begin with ب or ن themselves, so that letter is no prefix
KEEP_INITIAL = _words(
    """
    بود باش برد بر بست بند بخش بخشید بافت باف بیند بین بار بارید بوس بوسید بیا
    نوشت نویس نشست نشین نمود نما نهاد نه نامید نام نگار نگاشت نگر نگریست نواخت نواز
    """
)

# personal endings of verbs, longest first
_PERSONAL = ("یم", "ید", "ند", "م", "ی", "د")
# Endings in the order they stack outwards from the stem (کتابفروش + ی + های), each
# group taken off at most once, outermost first, longest first within a group; each
# tuple is (ending, what replaces it).
_PLURALS: tuple[tuple[str, str], ...] = (
    ("هایشان", ""),
    ("هایتان", ""),
    ("هایمان", ""),
    ("هایش", ""),
    ("هایت", ""),
    ("هایم", ""),
    ("هایی", ""),
    ("های", ""),
    ("ها", ""),
    ("گان", "ه"),  # بندگان -> بنده, ستارگان -> ستاره
    ("یان", ""),  # دانشجویان -> دانشجو
    ("ان", ""),
    ("ین", ""),  # the Arabic plural of Dari: مهاجرین -> مهاجر, معلمین -> معلم
    ("ات", ""),
)
_COMPARATIVES: tuple[tuple[str, str], ...] = (("ترین", ""), ("تر", ""))
_ADJECTIVAL: tuple[tuple[str, str], ...] = (("ای", ""), ("یی", ""), ("ی", ""))
_ARABIC_LETTERS = frozenset("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآءئ")


def _strip_verb(word: str) -> str | None:
    """The present or past stem of a prefixed verb, or None when it is none."""
    for prefix in ("نمی", "می"):
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            rest = word[len(prefix) :]
            for ending in _PERSONAL:
                if rest.endswith(ending) and len(rest) - len(ending) >= MIN_STEM:
                    return rest[: -len(ending)]
            return rest
    for prefix in ("ب", "ن"):
        if not word.startswith(prefix) or len(word) < 4:
            continue
        for ending in _PERSONAL[:4]:  # بروند, نرفتند: only the unambiguous endings
            if word.endswith(ending):
                core = word[: -len(ending)]
                if core in KEEP_INITIAL:  # نوشتند: the ن is the verb's own
                    return core
                if len(core) - 1 >= MIN_STEM + 1:
                    return core[1:]
    return None


def stem_dari(word: str) -> str:
    """The light stem of one Dari/Persian search-key word (unchanged when nothing fits).

    >>> stem_dari("نمیشود"), stem_dari("ایران"), stem_dari("اطلاعات")
    ('شو', 'ایران', 'اطلاع')
    """
    if len(word) <= MIN_STEM + 1 or word in NOT_INFLECTED or word[0] not in _ARABIC_LETTERS:
        return word
    verb = _strip_verb(word)
    if verb is not None:
        return verb
    for group in (_PLURALS, _COMPARATIVES, _ADJECTIVAL):
        word = _strip_nominal(word, group)
    return word


def _strip_nominal(word: str, group: tuple[tuple[str, str], ...]) -> str:
    """One ending of ``group`` off, if one fits."""
    if word in NOT_INFLECTED:
        return word
    for ending, replacement in group:
        if word.endswith(ending):
            stem = word[: -len(ending)] + replacement
            # short endings are also the last letters of many plain words: ask for more
            least = MIN_STEM + (1 if len(ending) <= 2 and ending != "ها" else 0)
            return stem if len(stem) >= least else word
    return word
