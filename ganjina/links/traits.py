"""What survives translation: the traits of a record the translation matcher compares.

No translation model: a Dari or Pashto translation of an English or German article shares
almost no words with it, but it keeps

* **numbers**, once digits are folded (``۲۲`` = ``22``) and the separators read
  (``1,200`` = ``1.200`` = ``۱٬۲۰۰``; ``2.5`` = ``2,5`` = ``۲٫۵`` = ``۲/۵``);
* **dates**, whatever the calendar (``7 May 2023`` = ``۱۷ ثور ۱۴۰۲``), through
  ``find_dates``;
* **Latin-script names**, acronyms and URLs the translator left in Latin letters
  (``UNICEF``, ``COVID-19``, ``wsws.org``);
* its **authors** and the **names** in its text, transliterated: a translation keeps
  the original's byline and people in its own letters (``Martin Hale`` = ``مارتین هیل``),
  compared by cross-script keys (``names.py``);
* its translator's **marks** (``evidence.py``): a translator, a "translated from" line,
  a mark of a shortened translation;
* its **shape**: the number of words and paragraphs.

The attributed outlet and its date are read from ``Article.source`` by ``profile.py``.
Traits are small and picklable; they are stored as JSON beside each record's sketch.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from ganjina.links.evidence import marks
from ganjina.links.names import name_keys, name_skeleton
from ganjina.record import Article
from ganjina.text import find_dates, has_arabic_script, search_key, to_ascii_digits

_DIGIT = "0-9\u06f0-\u06f9\u0660-\u0669"
_NUMBER = re.compile(f"[{_DIGIT}]+(?:[.,\u066b\u066c/][{_DIGIT}]+)*")
# A scale word after a number: ``550 هزار`` is ``550,000``, ``۱٫۷ میلیونه`` and
# ``1.7 million`` are ``1,700,000`` (translators write both forms; Pashto inflects the
# word: میلیونه, میلیونو).
_SCALES = {
    "هزار": 10**3, "زره": 10**3, "thousand": 10**3, "tausend": 10**3,
    "زرو": 10**3, "میلیون": 10**6, "ملیون": 10**6, "میلیونه": 10**6, "ملیونه": 10**6,
    "میلیونو": 10**6, "ملیونو": 10**6, "میلیاردو": 10**9, "ملیاردو": 10**9,
    "million": 10**6, "millionen": 10**6, "mio": 10**6,
    "میلیارد": 10**9, "ملیارد": 10**9, "میلیارده": 10**9, "ملیارده": 10**9,
    "billion": 10**9, "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9,
}  # fmt: skip
_SCALE_AFTER = re.compile(r"\s*([^\W\d_]+)")
_DIGIT_RUN = re.compile(f"[{_DIGIT}]+")
_THOUSANDS = frozenset(",.\u066c")
_SEPARATORS = re.compile("[.,\u066b\u066c/]")
#: a date's text lies within this many characters of one of its digits
_DATE_REACH = 40
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’\-]*")
#: in Latin text, a word that may be a name: capitalised (``COVID-19`` included). Only
#: capitals start a match, so the engine skips the lower-case words at C speed.
_CAPITAL_WORD = re.compile(r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f0-9'’\-]*")
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|de|af|uk|info|ca|fr|media)\b",
    re.I,
)
_TLD = re.compile(r"\.(?:com|org|net|de|af|uk|info|ca|fr|media)\b", re.I)
_SENTENCE_END = frozenset('.!?:;"“”«»()\n')
#: Latin words a Dari or Pashto text may quote that name nothing
_STOP_WORDS = (
    "a an and the of in on at to for by with from is are was be as or not it its this that "
    "der die das und den dem des ein eine einer zu im am von mit für auf ist sind"
)
_STOP = frozenset(_STOP_WORDS.split())
#: a topic term is a search-key word this long (shorter ones are mostly grammar)
TERM_LETTERS = 4


def canonical_number(text: str) -> list[str]:
    """A number as written -> its canonical form(s).

    >>> canonical_number("۱٬۲۰۰"), canonical_number("1.200"), canonical_number("۲٫۵")
    (['1200'], ['1200'], ['2.5'])
    >>> canonical_number("2,5"), canonical_number("007")
    (['2.5'], ['7'])
    """
    s = to_ascii_digits(text)
    parts = _SEPARATORS.split(s)
    if len(parts) == 1:
        return [str(int(s))]
    seps = _SEPARATORS.findall(s)
    grouped = all(len(p) == 3 for p in parts[1:]) and all(c in _THOUSANDS for c in seps)
    if grouped and len(set(seps)) == 1 and not (len(parts) == 2 and parts[0] == "0"):
        return [str(int("".join(parts)))]
    if len(parts) == 2:
        fraction = parts[1].rstrip("0")
        return [f"{int(parts[0])}.{fraction}" if fraction else str(int(parts[0]))]
    return [str(int(p)) for p in parts if p]  # a version, a reference, an unread date


def number_weight(n: str) -> float:
    """How much sharing the number ``n`` says: a decimal or a number with three or more
    significant digits much; a small number, a year (every article of a month shares
    it) or a round number little.

    >>> [number_weight(n) for n in ("2.5", "1973", "7", "45", "300", "1700000", "233000")]
    [1.0, 0.35, 0.1, 0.45, 0.45, 0.7, 1.0]
    """
    if "." in n:
        return 1.0
    v = int(n)
    if v < 10:
        return 0.1
    if 1300 <= v <= 1500 or 1900 <= v <= 2100:
        return 0.35
    significant = len(str(v).rstrip("0"))
    if significant == 1 or v < 100:
        return 0.45
    return 0.7 if significant == 2 else 1.0


def _date_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around digits, merged: every dated phrase lies in one, so
    ``find_dates`` need not read the other 95% of an article."""
    windows: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        start, end = max(0, m.start() - _DATE_REACH), m.end() + _DATE_REACH
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _dates_and_numbers(text: str) -> tuple[set[str], set[str]]:
    dates: set[str] = set()
    spans: list[tuple[int, int]] = []
    for start, end in _date_windows(text):
        for d in find_dates(text[start:end]):
            if d.precision == "day":
                dates.add(d.iso)
                spans.append((start + d.span[0], start + d.span[1]))
    # a date's digits are not numbers of the article: blank them out
    rest = text
    for s, e in spans:
        rest = rest[:s] + " " * (e - s) + rest[e:]
    numbers: set[str] = set()
    for m in _NUMBER.finditer(rest):
        found = canonical_number(m.group())
        word = _SCALE_AFTER.match(rest, m.end())
        scale = _SCALES.get(word.group(1).lower()) if word else None
        if scale and len(found) == 1:
            found = [_scaled(found[0], scale)]
        numbers.update(found)
    return dates, numbers


def _scaled(number: str, scale: int) -> str:
    """``"1.7"`` x 10^6 -> ``"1700000"``, exactly (no float rounding)."""
    whole, _, fraction = number.partition(".")
    digits = len(str(scale)) - 1
    if len(fraction) > digits:
        return number
    return str(int(whole + fraction.ljust(digits, "0")))


def _latin_names(text: str, every_word: bool, words: list[str] | None = None) -> set[str]:
    """Keyed Latin-script words that name something.

    In Arabic-script text every Latin word was kept on purpose (``every_word``); in Latin
    text only capitalised words not starting a sentence, and acronyms.

    >>> sorted(_latin_names("The WHO said. Polio in Kabul and COVID-19 rose", False))
    ['covid-19', 'kabul', 'who']

    """
    names: set[str] = set()
    # the URL pattern is slow (it tries every word); a literal scan says whether to run it
    has_url = "http" in text or "www." in text or _TLD.search(text) is not None
    for m in _URL.finditer(text) if has_url else ():
        names.add(search_key(m.group().lower().removeprefix("https://").removeprefix("http://")))
    pattern = _LATIN_WORD if every_word else _CAPITAL_WORD
    for m in pattern.finditer(text):
        word = m.group().strip("'’-")
        if len(word) < 2:
            continue
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
            continue  # inside a word (McDonald's D): not where a name starts
        if not every_word and sum(c.isupper() for c in word) < 2:  # not an acronym
            before = text[max(0, start - 4) : start].rstrip(" \t")
            if start == 0 or not before or before[-1] in _SENTENCE_END:
                continue  # capitalised because it starts a sentence
        key = _key(word)
        if key not in _STOP:
            names.add(key)
            if words is not None:
                words.append(word)
    return names


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    return search_key(word.lower())


def name_hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8"))


def small_hash(key: str) -> int:
    """24 bits: enough to compare a few hundred words of two records."""
    return zlib.crc32(key.encode("utf-8")) & 0xFFFFFF


@dataclass(frozen=True)
class Traits:
    """The translation-surviving traits of one record."""

    numbers: frozenset[str]
    dates: frozenset[str]
    #: CRC-32 of the keyed Latin names (compact, and enough to compare)
    names: frozenset[int]
    words: int
    paragraphs: int
    #: a translator is named (the field, or a translator's line)
    translated: bool
    #: consonant skeletons of the authors
    authors: tuple[str, ...] = ()
    #: the language a "translated from" line names, and a mark of a shortened translation
    from_language: str | None = None
    partial: bool = False
    #: hashed cross-script keys of the names (Latin text) or of every word (Arabic script)
    name_keys: frozenset[int] = frozenset()
    #: hashed topic terms (search-key words of TERM_LETTERS or more), for same-language
    #: follow-ups
    terms: frozenset[int] = frozenset()
    arabic: bool = False
    #: hashed terms of the title, and of the attribution (where a translator cites the
    #: original's title)
    title_terms: frozenset[int] = frozenset()
    cited: frozenset[int] = frozenset()

    @property
    def marked(self) -> bool:
        """Whether the record's own text says it is a translation."""
        return self.translated or self.from_language is not None

    def to_json(self) -> str:
        return json.dumps(
            {
                "n": sorted(self.numbers),
                "d": sorted(self.dates),
                "l": sorted(self.names),
                "w": self.words,
                "p": self.paragraphs,
                "t": self.translated,
                "a": list(self.authors),
                "f": self.from_language,
                "s": self.partial,
                "k": sorted(self.name_keys),
                "x": sorted(self.terms),
                "r": self.arabic,
                "tt": sorted(self.title_terms),
                "c": sorted(self.cited),
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Traits:
        d = json.loads(text)
        numbers, dates, names = frozenset(d["n"]), frozenset(d["d"]), frozenset(d["l"])
        return cls(
            numbers,
            dates,
            names,
            d["w"],
            d["p"],
            d["t"],
            tuple(d.get("a", ())),
            d.get("f"),
            bool(d.get("s")),
            frozenset(d.get("k", ())),
            frozenset(d.get("x", ())),
            bool(d.get("r")),
            frozenset(d.get("tt", ())),
            frozenset(d.get("c", ())),
        )


def traits(article: Article, words: int | None = None) -> Traits:
    """The traits of a record (``words``: its number of key terms, when already known)."""
    body = article.body_text()
    text = f"{article.title or ''}\n{body}"
    dates, numbers = _dates_and_numbers(text)
    arabic = has_arabic_script(body)
    name_words: list[str] = []
    names = {name_hash(n) for n in _latin_names(text, every_word=arabic, words=name_words)}
    paragraphs = [b.text for b in article.blocks if b.type in ("paragraph", "list_item", "quote")]
    keyed = search_key(text).split()
    if words is None:
        words = len(search_key(body).split())
    own = (article.language or "").split("-")[0].lower()
    source = article.source
    found = marks(
        article.title, paragraphs, source.text if source else None, article.translators, own
    )
    # in Arabic script every word may be a name (no capitals tell them): its keys are
    # compared with the other text's names, never with its words
    named = name_keys(w for n in name_words for w in n.replace("-", " ").split())
    if arabic:
        named |= name_keys(w for w in keyed if not w.isascii())
    authors = tuple(sk for sk in map(name_skeleton, article.authors) if sk)
    return Traits(
        frozenset(numbers),
        frozenset(dates),
        frozenset(names),
        words,
        len(paragraphs),
        found.translator,
        authors,
        found.from_language,
        found.partial,
        frozenset(map(small_hash, named)),
        _terms(keyed),
        arabic,
        _terms(search_key(article.title or "").split()),
        _terms(search_key(source.text or "").split() if source else []),
    )


def _terms(words: list[str]) -> frozenset[int]:
    return frozenset(small_hash(w) for w in words if len(w) >= TERM_LETTERS and not w.isdigit())
