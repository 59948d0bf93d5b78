"""Which of two records is the translation: the evidence a translator leaves.

A translation says so, in ways that do not depend on its language:

* a **translator**: the record's ``translators`` field, or a translator's line at the
  head or foot of the text (``Translated by``, ``Übersetzt von``, ``ترجمه:``,
  ``برگردان:``, ``ژباړه:``);
* a **"translated from" line** naming the language of the original (``Translated from
  the Dari``, ``Aus dem Paschtu``, ``برگردان از پشتو``, ``له دري ژبې څخه ژباړه``, ``First
  published in Dari``), in the attribution or a short line at either end;
* an **attribution to an outlet that publishes in another language**: the language of
  an outlet is not in the alias table; it is read from the archive itself, as the
  language most of the outlet's records without any translator's mark are written in
  (:func:`outlet_languages`);
* a **partial** translation says that too (``gekürzt``, ``Auszug``, ``excerpt``,
  ``خلاصه``, ``تلخیص``, ``بخش‌هایی از``, ``یوه برخه``).

:func:`direction` weighs both records' evidence and names the translation, or none when
the evidence cannot decide: the language of a record alone never decides (the portal
translates Dari into English as well as English into Dari).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ganjina.text import search_key

#: the names of languages, as the four languages of the archive write them (search keys)
LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("english", "englischen", "englisch", "انگلیسی", "انګلیسی", "انگریزی", "انګرېزی"),
    "de": ("german", "deutschen", "deutsch", "آلمانی", "المانی", "جرمنی"),
    "fa": ("dari", "persian", "farsi", "persischen", "persisch", "دری", "فارسی", "پارسی"),
    "ps": ("pashto", "pashtu", "paschtu", "paschto", "pushto", "پشتو", "پښتو"),
    "fr": ("french", "franzosischen", "französischen", "فرانسوی", "فرانسوي"),
}
_LANGUAGE_OF = {name: lang for lang, names in LANGUAGE_NAMES.items() for name in names}
#: words (search-key prefixes) of a translator's line
_TRANSLATOR_MARKS = (
    "translated", "translation", "translator", "ubersetz", "traduit", "traduction",
    "ترجمه", "مترجم", "برگردان", "ژباړ",
)  # fmt: skip
#: words that, beside a language's name, make a "from" line (``aus dem Dari``)
_FROM_MARKS = frozenset(
    [
        "from",
        "aus",
        "dem",
        "der",
        "in",
        "von",
        "first",
        "published",
        "erschien",
        "zuerst",
        "original",
        "از",
        "له",
        "څخه",
        "ژبې",
        "زبان",
    ]
)
#: words and pairs marking a shortened translation
_PARTIAL_MARKS = (
    "gekurzt", "auszug", "auszuge", "excerpt", "excerpts", "abridged", "summary",
    "summarised", "summarized", "zusammenfassung", "خلاصه", "تلخیص", "گزیده", "لنډیز",
    "بخشهایی از", "یوه برخه", "برخې",
)  # fmt: skip
#: a line at either end this short (in words) may be a translator's note
NOTE_WORDS = 40


@dataclass(frozen=True)
class Marks:
    """What a record's own text says about it being a translation."""

    translator: bool
    #: the base language a "translated from" line names (not the record's own), or None
    from_language: str | None
    partial: bool


def _zones(title: str | None, paragraphs: Sequence[str], source_text: str | None) -> list[str]:
    """The places a translator's note stands, as search keys: the attribution, the title,
    and short paragraphs at either end (of a long one, its first and last stretch)."""
    zones = [search_key(source_text or ""), search_key(title or "")]
    ends = list(paragraphs[:2]) + list(paragraphs[-2:]) if len(paragraphs) > 2 else paragraphs
    for p in ends:
        key = search_key(p)
        zones += [key] if len(key.split()) <= NOTE_WORDS else [key[:160], key[-160:]]
    return zones


def _from_language(zone: str, own: str) -> str | None:
    words = zone.replace("،", " ").replace(",", " ").replace(".", " ").replace(":", " ").split()
    for i, word in enumerate(words):
        lang = _LANGUAGE_OF.get(word)
        if lang is None or lang == own:
            continue
        near = words[max(0, i - 4) : i] + words[i + 1 : i + 3]
        if any(w in _FROM_MARKS or w.startswith(_TRANSLATOR_MARKS) for w in near):
            return lang
    return None


def marks(
    title: str | None,
    paragraphs: Sequence[str],
    source_text: str | None,
    translators: Sequence[str],
    own_language: str,
) -> Marks:
    """Read the translator's marks of a record (``own_language``: its base language).

    >>> m = marks("t", ["Text of the story.", "Translated from the Dari by R. H."], None, [], "en")
    >>> m.translator, m.from_language, m.partial
    (True, 'fa', False)
    """
    zones = _zones(title, paragraphs, source_text)
    translator = bool(translators) or any(
        w.startswith(_TRANSLATOR_MARKS) for z in zones for w in z.split()
    )
    found = None
    for zone in zones:
        found = _from_language(zone, own_language)
        if found:
            break
    partial = any(f" {m} " in f" {z} " for z in zones for m in _PARTIAL_MARKS)
    return Marks(translator, found, partial)


def outlet_languages(votes: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """Each outlet's language, from ``(outlet, language, records)`` counts of records
    without a translator's mark: the language of a strict majority, else none."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, language, n in votes:
        counts[outlet][language] += n
    out = {}
    for outlet, langs in counts.items():
        (first, n1), *rest = [*langs.most_common(2), ("", 0)]
        if n1 > rest[0][1] and n1 * 2 > sum(langs.values()):
            out[outlet] = first
    return out


@dataclass(frozen=True)
class Side:
    """What one record needs for the direction: its language, marks, outlet, date."""

    language: str
    marks: Marks
    outlet: str | None
    outlet_language: str | None
    date: str | None


#: points of translation evidence (see :func:`evidence`)
TRANSLATOR = 3.0
FROM_LINE = 3.0
FROM_OTHER = -4.0
OUTLET_OTHER = 2.5
OUTLET_OWN = -2.0
OUTLET_THIRD = -2.5
LATER = 0.5
#: an attribution quoting the other record's title
CITES_TITLE = 3.0
#: evidence one side must lead by for a direction to be decided
MARGIN = 1.5


def evidence(x: Side, y: Side) -> tuple[float, list[str]]:
    """Points for ``x`` being a translation of ``y`` (negative: evidence against), and
    what they rest on."""
    points, why = 0.0, []
    if x.marks.translator:
        points += TRANSLATOR
        why.append("translator")
    if x.marks.from_language == y.language:
        points += FROM_LINE
        why.append(f"translated from {y.language}")
    elif x.marks.from_language:
        points += FROM_OTHER
        why.append(f"translated from {x.marks.from_language}, not {y.language}")
    if x.outlet_language == y.language:
        points += OUTLET_OTHER
        why.append(f"attributed to a {y.language} outlet")
    elif x.outlet_language == x.language:
        points += OUTLET_OWN
        why.append(f"attributed to a {x.language} outlet")
    elif x.outlet_language:
        points += OUTLET_THIRD
        why.append(f"attributed to a {x.outlet_language} outlet")
    if x.date and y.date and x.date[:10] > y.date[:10]:
        points += LATER
        why.append("published later")
    return points, why


def native(x: Side) -> bool:
    """A record with neither a translator's mark nor an attribution."""
    return not x.marks.translator and not x.marks.from_language and x.outlet is None


def siblings(a: Side, b: Side) -> bool:
    """Both records attributed to outlets of one third language: two translations of
    an original in that language, so neither is the other's original."""
    third = a.outlet_language
    return (
        third is not None
        and third == b.outlet_language
        and third
        not in (
            a.language,
            b.language,
        )
    )


def direction(
    a: Side, b: Side, extra: tuple[float, float] = (0.0, 0.0)
) -> tuple[int | None, dict[str, object]]:
    """0 when ``a`` is the translation of ``b``, 1 when ``b`` is of ``a``, None when the
    evidence cannot tell; with the evidence of each side. ``extra``: pair evidence of
    each side (its attribution quotes the other's title)."""
    ea, wa = evidence(a, b)
    eb, wb = evidence(b, a)
    for i, points in enumerate(extra):
        if points:
            (wa if i == 0 else wb).append("cites the other's title")
    ea, eb = ea + extra[0], eb + extra[1]
    signals: dict[str, object] = {"evidence": [round(ea, 2), round(eb, 2)], "why": [wa, wb]}
    if ea - eb >= MARGIN:
        return 0, signals
    if eb - ea >= MARGIN:
        return 1, signals
    return None, signals
