"""Language identification for whole articles and short strings.

Returns a BCP 47 tag and a confidence in [0, 1]. The steps, in order of authority:

1. **Script.** Letters are counted per script; the majority script decides which path
   runs. No letters at all (digits, punctuation, empty): tag ``None``.
2. **The Pashto letter rule.** ټ ډ ړ ږ ښ ګ ڼ ځ څ ې ۍ are Pashto's own: a text with two
   or more of them is tagged ``ps``, never Persian, whatever anything else says (a
   statistical identifier, or hazm's folding, turns short Pashto headlines Persian).
3. **Pashto or Persian** for the rest of the Arabic-script text: py3langid's odds of
   ``ps`` against ``fa``, plus Pashto and Dari function words (د، په، کې، چې against
   است، این، از، را), one Pashto letter, and the section's hint.
4. **Dari or Iranian Persian:** Afghan vocabulary (ولایت، پوهنتون، شفاخانه، موتر …) and
   Afghan month names next to digits against Iranian ones (استان، دانشگاه، بیمارستان …,
   Iranian month names), and the section ("dari" says Afghan). ``fa-AF`` when the Afghan
   side wins, ``fa`` otherwise (``shared/spec/text.md``).
5. **Other scripts and languages:** py3langid, whose 97 languages all come through
   (``ar``, ``ur``, ``en``, ``de``, ``fr``, ``ru`` …). For short Latin strings, the
   archive's own languages (en, de, fr) get a prior, because a five-word headline is
   too little for any identifier to tell English from Danish unaided.

    >>> identify_language("د کابل ښاروالۍ نوې پروژه پیل کړه").tag
    'ps'
    >>> identify_language("وزارت صحت عامه در ولایت هرات یک شفاخانه جدید افتتاح کرد").tag
    'fa-AF'
    >>> identify_language("۱۲۳ ...")
    LanguageGuess(tag=None, confidence=0.0)
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from ganjina.text import lexicon, months
from ganjina.text.canonical import stored_form
from ganjina.text.keys import loose_pashto_key

__all__ = ["LanguageGuess", "identify_language"]


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A BCP 47 ``tag`` (None when undecidable) and a ``confidence`` in [0, 1]."""

    tag: str | None
    confidence: float


_UNDECIDED = LanguageGuess(None, 0.0)
# Long articles say what they are in their first pages; reading further costs time.
_MAX_CHARS = 20_000

_LETTER = re.compile(r"[^\W\d_]")
_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_PASHTO = re.compile("[ټډړږښګڼځڅېۍ]")
_URDU = re.compile("[ٹڈڑںھےۓ]")
_UYGHUR = re.compile("[ۇۆۈۋە]")
# Look-alike scripts' own letters, which Pashto, Persian, Urdu and Arabic never write.
# They are checked before the Pashto letter rule (Uyghur writes ې too, Sindhi has
# ٽ-like letters), but only win where they outnumber Pashto's own letters: OCR of a
# Pashto page turns the odd ټ into ٽ. Arabic's ى (alef maksura) is not Uyghur evidence.
_SINDHI = re.compile("[ڄڃٺٽڻڪٻڀڏڍٿڦڙڱڳڌ۾]")
_SORANI = re.compile("[ڕڵێ]")
_UYGHUR_OWN = re.compile("[ۇۈۋ]")
# Urdu's own letters (ہ is Urdu's heh goal, never Persian's ه).
_URDU_OWN = re.compile("[ٹڈڑںےۓہۂ]")
# Sorani writes ە for its vowel e; so does a Persian PDF whose font maps heh before ZWNJ
# to it (issue 11), so ە counts for Sorani only beside one of Sorani's own letters, or
# beside ۆ in a text without Uyghur's ى (Sorani writes ی).
_SORANI_E = re.compile("\u06d5")
_SORANI_O = re.compile("\u06c6")
_ALEF_MAKSURA = re.compile("\u0649")
_PASHTO_NOT_UYGHUR = re.compile("[ټډړږښګڼځڅۍ]")
_TAJIK = re.compile("[ғӣқӯҳҷҒӢҚӮҲҶ]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Tajik prepositions, conjunctions and the commonest verbs; not аз (Bulgarian "I"), то
# (Russian "then", Bulgarian "it") nor он (Russian "he"). дар is also a rare Russian
# noun, so one word alone never decides.
_TAJIK_WORDS = frozenset(
    {"дар", "ва", "ба", "бо", "ки", "барои", "аст", "буд", "шуд", "кард", "мекунад",
     "мебошад", "низ", "дигар", "бисёр", "рафт", "гуфт", "омад", "дод"}
)  # fmt: skip
_PERSIAN_ONLY = re.compile("[پچژگ]")  # letters Arabic does not have
# A Latin-majority text whose Arabic-script letters reach this share (and this count) is
# judged on both scripts; below it they are names or a quoted word and are set aside.
# 40 letters is about two short sentences: three names in an English line stay names.
_MIXED_SHARE = 0.2
_MIXED_MIN_LETTERS = 40
#: Tags py3langid gives Arabic-script text (and _TAG's renaming of them).
_ARABIC_SCRIPT_TAGS = frozenset(
    {"ar", "arz", "ary", "fa", "ps", "ur", "ug", "sd", "ckb", "sdh", "uz-Arab"}
)
_WORD = re.compile(r"[^\W\d_]+")


def _keys(words: frozenset[str]) -> frozenset[str]:
    return frozenset(loose_pashto_key(w) for w in words)


_PASHTO_WORDS = _keys(lexicon.PASHTO_FUNCTION_WORDS)
_DARI_WORDS = _keys(lexicon.DARI_FUNCTION_WORDS)
_AFGHAN_WORDS = _keys(lexicon.AFGHAN_WORDS)
_IRANIAN_WORDS = _keys(lexicon.IRANIAN_WORDS)


def _names(names: tuple[str, ...]) -> str:
    return "|".join(sorted({re.escape(loose_pashto_key(n)) for n in names}, key=len, reverse=True))


# Month names count only beside digits: حمل, اسد, مهر and دی are also ordinary words.
_AFGHAN_MONTH = re.compile(
    r"\d\s*(?:ام|م|مه)?\s+(?:د\s+)?(?:{0})(?!\w)|(?<!\w)(?:{0})ی?\s+\d".format(
        _names(months.DARI_SH_MONTHS + months.PASHTO_SH_MONTHS)
    )
)
_IRANIAN_MONTH = re.compile(
    r"\d\s+(?:{0})(?:ماه)?\s+\d|(?<!\w)(?:{0})(?:ماه)?\s+\d{{4}}".format(
        _names(months.IRANIAN_SH_MONTHS)
    )
)

#: py3langid codes that are not BCP 47 tags as they stand.
_TAG = {"uzs": "uz-Arab", "zxx": None}
#: The archive's Latin-script languages, favoured for short strings.
_ARCHIVE_LATIN = ("en", "de", "fr")


@functools.cache
def _identifier() -> Any:
    """py3langid's model, raw log-probabilities, loaded once on first use (~1 s)."""
    from py3langid import langid

    cls = langid.LanguageIdentifier
    if hasattr(cls, "from_model_file"):  # py3langid >= 0.4
        return cls.from_model_file(langid.MODEL_FILE, norm_probs=False)
    return cls.from_pickled_model(langid.MODEL_FILE, norm_probs=False)


def _raw_scores(text: str) -> list[tuple[str, float]]:
    """py3langid's raw log-probability per language: its ``rank`` without a BLAS call.

    py3langid multiplies a dense vector of ~7,500 feature counts by its model matrix with
    ``numpy.dot``, which numpy hands to BLAS; OpenBLAS then keeps its worker threads
    spinning (``sched_yield``) for a while after every call. That spinning had doubled the
    CPU time of reading a PDF, and in ``ingest`` it takes the core another worker needs.
    The vector is sparse (a few hundred features for a page of text), so the same sums are
    taken over its non-zero rows with plain array arithmetic, which no BLAS thread serves,
    and which is quicker still because it skips the zero rows. The sums are taken in double
    precision (the model is single), so the scores no longer depend on how a BLAS build
    orders its single-precision additions.
    """
    model = _identifier()
    counts = model.instance2fv(text)
    seen = counts.nonzero()[0]
    rows = model.nb_ptc[seen].astype("float64") * counts[seen, None]
    scores = rows.sum(axis=0) + model.nb_pc
    return list(zip(map(str, model.nb_classes), scores.tolist(), strict=True))


def _rank(text: str) -> dict[str, float]:
    """Probability per language, calibrated the same way for every py3langid version.

    Raw naive-Bayes log-probabilities grow with the length of the text, so a softmax of
    them is certain of something after a few words. Dividing by the square root of the
    length in bytes first (as py3langid 0.4 does internally; 0.2 does not) keeps short
    strings honestly uncertain, which is what lets the archive prior below work.
    """
    raw = _raw_scores(text)
    scale = 1.0 / math.sqrt(len(text.encode("utf-8", "surrogatepass")) or 1)
    top = max(float(score) for _, score in raw) * scale
    weights = {str(lang): math.exp(float(score) * scale - top) for lang, score in raw}
    total = sum(weights.values())
    return {lang: w / total for lang, w in weights.items()}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _section_hint(section: str | None) -> str | None:
    if not section:
        return None
    s = section.lower()
    if "pashto" in s or s in {"ps", "pus"}:
        return "ps"
    if "dari" in s or s in {"fa-af", "prs"}:
        return "fa-AF"
    return None


def identify_language(text: str, *, section: str | None = None) -> LanguageGuess:
    """Identify the language of an article or a short string.

    ``section`` is the slug of the section the text appeared in ("dari", "pashto",
    "european-languages" …); it tips Dari against Iranian Persian and Pashto against
    Dari, never overriding the letter rule.

    >>> identify_language("Die Bundesregierung hat neue Regeln beschlossen.").tag
    'de'
    """
    s = stored_form(text[:_MAX_CHARS])
    letters = len(_LETTER.findall(s))
    if letters == 0:
        return _UNDECIDED
    arabic = len(_ARABIC.findall(s))
    latin = len(_LATIN.findall(s))
    if arabic >= latin and arabic * 2 >= letters:
        return _arabic_script(s, _section_hint(section))
    if _tajik_evidence(s) >= 2:
        return LanguageGuess("tg", 0.9)
    hint = _section_hint(section)
    if latin > arabic and _arabic_is_text(arabic, letters):
        # Both scripts carry text (a bilingual page, a Pashto story with its English
        # translation): py3langid sees both, and when it finds an Arabic-script
        # language the Arabic-script rules (Pashto letters, Dari vocabulary) decide which.
        guess = _from_identifier(s, latin_share=latin / letters, letters=letters)
        if guess.tag is not None and guess.tag in _ARABIC_SCRIPT_TAGS:
            return _arabic_script(s, hint)
        return guess
    if latin > arabic:
        # A few Arabic-script names inside an English line must not tip it to Arabic,
        # Persian or Latin: the Latin text alone decides.
        s = _ARABIC.sub(" ", s)
    return _from_identifier(s, latin_share=latin / letters, letters=letters)


def _tajik_evidence(s: str) -> int:
    """Tajik's own Cyrillic letters plus its function words and light verbs, which no
    Slavic language writes (a short Tajik line may have no ғ ӣ қ ӯ ҳ ҷ at all)."""
    letters = len(_TAJIK.findall(s))
    if not letters and not _CYRILLIC.search(s):
        return 0
    return letters + sum(w in _TAJIK_WORDS for w in _WORD.findall(s.lower()))


def _arabic_is_text(arabic: int, letters: int) -> bool:
    """Arabic-script letters in a Latin-majority text are text of their own, not names."""
    return arabic >= _MIXED_SHARE * letters and arabic >= _MIXED_MIN_LETTERS


def _from_identifier(s: str, *, latin_share: float, letters: int) -> LanguageGuess:
    ranks = _rank(s)
    if latin_share > 0.5:
        # A prior for the archive's own languages, fading out by 400 letters.
        boost = 1.0 + 19.0 * max(0.0, 1.0 - letters / 400)
        for lang in _ARCHIVE_LATIN:
            ranks[lang] = ranks.get(lang, 0.0) * boost
    total = sum(ranks.values()) or 1.0
    lang, p = max(ranks.items(), key=lambda kv: kv[1])
    tag = _TAG.get(lang, lang)
    return _UNDECIDED if tag is None else LanguageGuess(tag, round(p / total, 4))


def _look_alike(s: str) -> LanguageGuess | None:
    """Sindhi, Sorani or Uyghur by letters no Pashto or Persian text uses, when they
    outnumber the Pashto letters those languages do not write."""
    sorani = len(_SORANI.findall(s))
    if sorani or (_SORANI_O.search(s) and not _ALEF_MAKSURA.search(s)):
        sorani += len(_SORANI_E.findall(s))
    counts = {
        "sd": len(_SINDHI.findall(s)),
        "ckb": sorani,
        "ug": len(_UYGHUR_OWN.findall(s)),
        "ur": len(_URDU_OWN.findall(s)),
    }
    tag, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 2 or n <= len(_PASHTO_NOT_UYGHUR.findall(s)):
        return None
    return LanguageGuess(tag, round(min(0.99, 0.6 + 0.05 * n), 4))


def _arabic_script(s: str, hint: str | None) -> LanguageGuess:
    look_alike = _look_alike(s)
    if look_alike is not None:
        return look_alike
    pashto_letters = len(_PASHTO.findall(s))
    key = loose_pashto_key(s)
    words = _WORD.findall(key)
    pashto_words = sum(w in _PASHTO_WORDS for w in words)
    dari_words = sum(w in _DARI_WORDS for w in words)
    if pashto_letters >= 2:
        # The letter rule: never Persian. Confidence says how much else agrees.
        evidence = 2.0 + pashto_letters + 1.5 * (pashto_words - dari_words)
        return LanguageGuess("ps", round(max(0.6, min(0.999, _sigmoid(evidence))), 4))
    article = _arabic_article_share(words)
    if article >= 0.3 and not _PERSIAN_ONLY.search(s):
        # Arabic's article on every third word: Persian and Pashto write it only in a
        # few loans (فی‌الحال، بین‌المللی), never on a third of their words.
        return LanguageGuess("ar", round(min(0.99, 0.6 + article / 2), 4))
    ranks = _rank(s)
    other = _other_arabic_script(s, ranks)
    if other is not None:
        return other
    p_ps, p_fa = ranks.get("ps", 0.0), ranks.get("fa", 0.0) + ranks.get("uzs", 0.0)
    score = max(-6.0, min(6.0, math.log((p_ps + 1e-6) / (p_fa + 1e-6))))
    score += 1.5 * (pashto_words - dari_words) + 3.0 * pashto_letters
    score += {"ps": 1.5, "fa-AF": -1.5}.get(hint or "", 0.0)
    if score > 0:
        return LanguageGuess("ps", round(min(0.999, _sigmoid(score)), 4))
    return _dari_or_iranian(key, words, hint, min(0.999, _sigmoid(-score)))


def _arabic_article_share(words: list[str]) -> float:
    """Share of words of four letters or more that begin with the article ال."""
    long_words = [w for w in words if len(w) >= 4]
    if len(long_words) < 3:  # "البته الان" is Persian: two words are too few to say
        return 0.0
    return sum(w.startswith("ال") for w in long_words) / len(long_words)


def _other_arabic_script(s: str, ranks: dict[str, float]) -> LanguageGuess | None:
    """Arabic, Urdu, Uyghur …: only when py3langid is sure and the letters agree."""
    lang, p = max(ranks.items(), key=lambda kv: kv[1])
    if lang in {"ar", "arz", "ary"} and p > 0.8 and not _PERSIAN_ONLY.search(s):
        return LanguageGuess(lang, round(p, 4))
    if lang == "ur" and len(_URDU.findall(s)) >= 2:
        return LanguageGuess("ur", round(p, 4))
    if lang == "ug" and len(_UYGHUR.findall(s)) >= 2:
        return LanguageGuess("ug", round(p, 4))
    if lang in {"uzs", "sdh"} and p > 0.95 and len(s) >= 200:
        return LanguageGuess(_TAG.get(lang) or lang, round(p, 4))
    return None


# Endings a Persian noun takes (plural, indefinite or ezafe -ی, and their sums), longest
# first; the loose key has already dropped ZWNJ and the ezafe hamza. A lexicon lists a
# word once: مکتبی, رخصتی‌های, شفاخانه‌ای are the same vocabulary as مکتب, رخصتی, شفاخانه.
_NOUN_ENDINGS = ("هایی", "های", "ها", "انی", "ان", "ای", "ی")


def _variety(word: str) -> str | None:
    """ "fa-AF" or "fa" when the word (or its stem) is one variety's vocabulary.

    A word listed as it stands wins over a stem: Dari's سرخکان (measles) is not the
    plural of Iranian سرخک. A stem keeps at least three letters, so short words never
    match by accident.
    """
    if word in _AFGHAN_WORDS:
        return "fa-AF"
    if word in _IRANIAN_WORDS:
        return "fa"
    for ending in _NOUN_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            if stem in _AFGHAN_WORDS:
                return "fa-AF"
            if stem in _IRANIAN_WORDS:
                return "fa"
    return None


def _dari_or_iranian(key: str, words: list[str], hint: str | None, persian: float) -> LanguageGuess:
    sides = [_variety(w) for w in words]
    afghan = sides.count("fa-AF") + 2 * len(_AFGHAN_MONTH.findall(key))
    iranian = sides.count("fa") + 2 * len(_IRANIAN_MONTH.findall(key))
    if hint == "fa-AF":
        afghan += 3
    if afghan > iranian:
        margin = afghan - iranian
        return LanguageGuess("fa-AF", round(persian * min(0.99, 0.6 + 0.1 * margin), 4))
    if iranian > afghan:
        margin = iranian - afghan
        return LanguageGuess("fa", round(persian * min(0.99, 0.6 + 0.1 * margin), 4))
    # Nothing says which variety: Persian, without a region (shared/spec/text.md).
    return LanguageGuess("fa", round(persian * 0.5, 4))
