"""Translations: is one record a translation of another, in which direction, how much?

No translation model. Two records in different languages are compared by what survives
translation (``traits.py``), added as log-odds-like points, and the translation is told
from its original by the evidence a translator leaves (``evidence.py``), never by the
languages: the portal translates Dari into English as often as English into Dari.

=========================  ===========================================================
signal                     points (t: the translation, o: the original)
=========================  ===========================================================
attributed outlet          +2 same outlet; -3 both attributed, different outlets
outlet's date              +2.5 same day (+1 a day apart); -3 two days or more apart
                           for one outlet (-2 when the outlets are unknown)
publication dates          +0.5 t within 45 days of o; -1.5 over a year apart
numbers                    +3 x share of t's numbers in o, +2 x share of o's kept,
                           -2.5 x share missing (weighted: rare numbers weigh most;
                           ``550 هزار`` = 550,000; any digits)
dates in the text          +1 per shared day (at most 2), whatever the calendar
Latin names and URLs       +2.5 x share of t's Latin names found in o (at least two)
names across scripts       +2 x share of the Latin side's names whose cross-script key
                           the other side holds, -1 x share missing (at least three)
authors                    +1.5 per author whose name, transliterated, matches (at most
                           3); when both name authors and none match, -2 for one outlet
                           (its bylines tell its articles apart), else -1
length                     +0.5 t's words over o's, over the usual growth of that
                           language pair (:data:`WORD_DENSITY`), full-length; -1.5 far
                           outside any translation's
paragraphs                 +0.5 same count (+-1)
translator's evidence      +0.5 x t's evidence (translator, "translated from" line,
                           outlet of o's language; at most +3); -3 when t is *native*
                           (neither translator, nor such a line, nor attribution: a
                           native story needs far more); -6 when t says it is
                           translated from a third language
=========================  ===========================================================

The sum becomes a score in [0, 1] by a logistic curve centred on :data:`THRESHOLD`. A
pair is linked when the score is at least 0.5 **and** the content signals (numbers,
dates, names) give at least :data:`MIN_CONTENT` points: an outlet's date and a plausible
length alone never link two articles. When the evidence cannot decide the direction, the
pair needs :data:`UNDECIDED_EXTRA` points more, and is linked as
``translation-of-unknown-direction``. A translation shorter than a full one would be
(``share`` below :data:`PARTIAL_SHARE`) is *partial*: the share of the original it covers
is in the signals. ``linking.py`` picks the links; ``docs/links.md`` tells how the
weights were set and measured.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from ganjina.links import evidence as ev
from ganjina.links.names import same_name
from ganjina.links.profile import Profile
from ganjina.links.traits import Traits, number_weight

#: points at which a pair is linked (score 0.5)
THRESHOLD = 4.0
#: points the content signals must give for any link
MIN_CONTENT = 1.5
#: more points a pair whose direction is undecided needs
UNDECIDED_EXTRA = 3.0
#: points per unit of the logistic curve (score 0.73 at THRESHOLD + SCALE)
SCALE = 1.5
#: words per word of English, in search-key words, and how much a translator's text
#: grows. Measured on the full translations of the independent set's tune split: the
#: ratio of a translation's words to its original's is 1.1 x density(t) / density(o)
#: within about 10% (a language not listed counts 1.0).
WORD_DENSITY = {"en": 1.0, "de": 0.95, "fa": 1.0, "ps": 1.2}
GROWTH = 1.1
#: ``share`` band of a full translation, and the band outside which no translation lies
FULL_BAND = (0.75, 1.35)
LIMIT_BAND = (0.25, 1.9)
#: below this share of the original a translation is partial (0.9 when it says so)
PARTIAL_SHARE = 0.75
PARTIAL_MARKED = 0.9
#: an attribution quoting this share of a title of at least CITED_TERMS terms cites it
CITED_SHARE = 0.6
CITED_TERMS = 3
#: how alike two name skeletons must be to be one name (difflib ratio)
AUTHOR_MATCH = 0.8
#: how far apart two records may be to be compared at all (the portal reprints
#: translations of articles a year or two old; a translation may even come first)
MAX_DAYS = 730


@dataclass(frozen=True)
class Decision:
    """The outcome for one pair: ``kind`` None (no link), ``translation-of`` or
    ``translation-of-unknown-direction``; ``src`` the translation (for an undecided pair,
    the record the content fits best as one)."""

    kind: str | None
    src: int
    dst: int
    points: float
    signals: dict[str, Any]

    @property
    def score(self) -> float:
        return score_of(self.points)


def _days(a: str | None, b: str | None) -> int | None:
    """``a - b`` in days, or None when either date is missing or unreadable."""
    if not a or not b:
        return None
    try:
        return (datetime.date.fromisoformat(a[:10]) - datetime.date.fromisoformat(b[:10])).days
    except ValueError:
        return None


def _weight(numbers: frozenset[str] | set[str]) -> float:
    return sum(map(number_weight, numbers))


def _numbers(t: Traits, o: Traits) -> tuple[float, list[str]]:
    """A faithful translation keeps the original's numbers (a partial one fewer of them)
    and adds none: points for the share of t's numbers found in o and of o's kept, minus
    points for t's numbers o lacks. Shares are weighted by :func:`number_weight`."""
    shared = t.numbers & o.numbers
    ordered = sorted(shared, key=lambda n: (-number_weight(n), n))
    wt, wo, ws = _weight(t.numbers), _weight(o.numbers), _weight(shared)
    if not wt or not wo:
        return 0.0, ordered
    found, kept = ws / wt, ws / wo
    return 3.0 * found + 2.0 * kept - 2.5 * (1 - found) * min(1.0, wt), ordered


def _attribution(t: Profile, o: Profile, signals: dict[str, Any]) -> float:
    points = 0.0
    if t.outlet and o.outlet:
        same = t.outlet == o.outlet
        signals["outlet"] = t.outlet if same else [t.outlet, o.outlet]
        points += 2.0 if same else -3.0
    gap = _days(t.source_date, o.source_date)
    if gap is not None:
        signals["outlet_days_apart"] = abs(gap)
        if gap == 0:
            points += 2.5
        elif abs(gap) == 1:
            points += 1.0  # a time zone, or the print edition of a web article
        else:  # one outlet, two days: two articles
            points -= 3.0 if t.outlet and t.outlet == o.outlet else 2.0
    after = _days(t.date, o.date)
    if after is not None:
        signals["days_after_original"] = after
        if -45 <= after <= 45:
            points += 0.5
        elif abs(after) > 365:
            points -= 1.5
    return points


def share_of(t: Profile, o: Profile) -> float | None:
    """The share of the original ``o`` that ``t`` covers, from their lengths and the
    usual growth of the language pair (None when either length is unknown)."""
    if t.traits is None or o.traits is None or not o.traits.words:
        return None
    expected = GROWTH * WORD_DENSITY.get(t.language, 1.0) / WORD_DENSITY.get(o.language, 1.0)
    return t.traits.words / o.traits.words / expected


def _shape(t: Profile, o: Profile, signals: dict[str, Any]) -> float:
    points = 0.0
    share = share_of(t, o)
    if share is not None:
        signals["share"] = round(min(1.0, share), 2)
        signals["length_ratio"] = round(share, 2)
        if FULL_BAND[0] <= share <= FULL_BAND[1]:
            points += 0.5
        elif not LIMIT_BAND[0] <= share <= LIMIT_BAND[1]:
            points -= 1.5
    tt, to = t.traits, o.traits
    if tt and to and tt.paragraphs and to.paragraphs:
        signals["paragraphs"] = [tt.paragraphs, to.paragraphs]
        if abs(tt.paragraphs - to.paragraphs) <= 1:
            points += 0.5
    return points


def _authors(t: Traits, o: Traits, signals: dict[str, Any], same_outlet: bool) -> float:
    if not t.authors or not o.authors:
        return 0.0
    found = sum(1 for a in t.authors if any(same_name(a, b, AUTHOR_MATCH) for b in o.authors))
    signals["authors"] = [found, len(t.authors)]
    if found:
        return min(3.0, 1.5 * found)
    return -2.0 if same_outlet else -1.0  # within one outlet a byline tells articles apart


def _cross_names(t: Traits, o: Traits, signals: dict[str, Any]) -> float:
    """Names written in the other script: the Latin side's names (capitalised words)
    looked up among the cross-script keys of the other side's words."""
    if t.arabic == o.arabic:
        return 0.0  # one script: the Latin names and the numbers already tell
    latin, other = (o, t) if t.arabic else (t, o)
    if len(latin.name_keys) < 3:
        return 0.0
    found = len(latin.name_keys & other.name_keys) / len(latin.name_keys)
    signals["names_across_scripts"] = round(found, 2)
    return 2.0 * found - 1.0 * (1 - found)


def cites_title(t: Traits, o: Traits) -> bool:
    """Whether ``t``'s attribution quotes ``o``'s title (most of its words, at least 3)."""
    if len(o.title_terms) < CITED_TERMS or not t.cited:
        return False
    return len(o.title_terms & t.cited) >= CITED_SHARE * len(o.title_terms)


def _content(t: Traits, o: Traits, signals: dict[str, Any]) -> float:
    number_points, shared = _numbers(t, o)
    content = number_points
    if shared:
        signals["numbers"] = shared[:12]
    dates = sorted(t.dates & o.dates)
    if dates:
        signals["dates"] = dates
        content += min(2, len(dates))
    if len(t.names) >= 2:
        found = len(t.names & o.names)
        signals["latin_names"] = [found, len(t.names)]
        content += 2.5 * found / len(t.names)
    content += _cross_names(t, o, signals)
    if cites_title(t, o):
        signals["original_title_cited"] = True
        content += 2.5
    signals["content"] = round(content, 2)
    return content


def _evidence(t: ev.Side, o: ev.Side, signals: dict[str, Any], decided: bool) -> float:
    """The translator's evidence as points (see the module docstring)."""
    if t.marks.from_language and t.marks.from_language != o.language:
        signals["translated_from"] = t.marks.from_language
        return -6.0  # it says what it was translated from, and that is not o
    if not decided:
        return 0.0  # neither side says: the content alone must carry the pair
    if ev.native(t):
        signals["native"] = True
        return -3.0
    points, _why = ev.evidence(t, o)
    return 0.5 * max(-6.0, min(6.0, points))


def points(
    t: Profile, o: Profile, sides: tuple[ev.Side, ev.Side] | None = None, decided: bool = True
) -> tuple[float, dict[str, Any]]:
    """The points of ``t`` as a translation of ``o``, and the signals behind them
    (``signals["content"]``: the points of the content signals alone). ``sides``: the
    two records' evidence (:func:`side`), made without outlet languages when not given."""
    st, so = sides if sides is not None else (side(t, None), side(o, None))
    signals: dict[str, Any] = {"content": 0.0}
    total = _attribution(t, o, signals)
    if t.traits is not None and o.traits is not None:
        total += _content(t.traits, o.traits, signals) + _shape(t, o, signals)
        same_outlet = bool(t.outlet) and t.outlet == o.outlet
        total += _authors(t.traits, o.traits, signals, same_outlet)
    total += _evidence(st, so, signals, decided)
    signals["points"] = round(total, 2)
    return total, signals


def score_of(total: float) -> float:
    """Points as a score in [0, 1]: 0.5 at the threshold."""
    return 1.0 / (1.0 + math.exp(-(total - THRESHOLD) / SCALE))


def side(p: Profile, outlet_languages: dict[str, str] | None) -> ev.Side:
    """What the direction needs of a profile."""
    t = p.traits
    found = ev.Marks(
        translator=bool(t and t.translated),
        from_language=t.from_language if t else None,
        partial=bool(t and t.partial),
    )
    language = (outlet_languages or {}).get(p.outlet) if p.outlet else None
    return ev.Side(p.language, found, p.outlet, language, p.date)


def _partial(t: Profile, signals: dict[str, Any]) -> bool:
    share = signals.get("length_ratio")
    if share is None:
        return False
    marked = bool(t.traits and t.traits.partial)
    return bool(share < PARTIAL_SHARE or (marked and share < PARTIAL_MARKED))


def decide(
    a: Profile,
    b: Profile,
    outlet_languages: dict[str, str] | None = None,
    threshold: float = THRESHOLD,
) -> Decision:
    """Is one of ``a`` and ``b`` a translation of the other, which, and how much?"""
    sa, sb = side(a, outlet_languages), side(b, outlet_languages)
    if ev.siblings(sa, sb):  # both translate a third language's original: neither is it
        sibling: dict[str, Any] = {"siblings": sa.outlet_language, "content": 0.0}
        return Decision(None, a.num, b.num, 0.0, sibling)
    ta, tb = a.traits, b.traits
    cited = (
        ev.CITES_TITLE * bool(ta and tb and cites_title(ta, tb)),
        ev.CITES_TITLE * bool(ta and tb and cites_title(tb, ta)),
    )
    which, direction_signals = ev.direction(sa, sb, cited)
    if which is None:  # undecided: the orientation the content fits best
        pa, sig_a = points(a, b, (sa, sb), decided=False)
        pb, sig_b = points(b, a, (sb, sa), decided=False)
        t, o, total, signals = (a, b, pa, sig_a) if pa >= pb else (b, a, pb, sig_b)
        needed = threshold + UNDECIDED_EXTRA
        kind = "translation-of-unknown-direction"
    else:
        t, o = (a, b) if which == 0 else (b, a)
        st, so = (sa, sb) if which == 0 else (sb, sa)
        total, signals = points(t, o, (st, so))
        needed, kind = threshold, "translation-of"
    signals["direction"] = direction_signals
    linked = total >= needed and signals["content"] >= MIN_CONTENT
    if linked and kind == "translation-of":
        signals["partial"] = _partial(t, signals)
    if not linked or kind != "translation-of" or not signals["partial"]:
        signals.pop("share", None)
    return Decision(kind if linked else None, t.num, o.num, total, signals)
