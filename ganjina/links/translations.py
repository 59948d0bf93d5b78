"""Translations: link a Dari or Pashto translation to its English or German original.

No translation model. Each (translation, original) candidate gets a score from signals
that survive translation (``traits.py``), added as log-odds-like points:

=========================  ===========================================================
signal                     points
=========================  ===========================================================
attributed outlet          +2 same outlet; -3 both attributed, different outlets
outlet's date              +2.5 same day (+1 a day apart); -3 two days or more apart
                           for one outlet (-2 when the outlets are unknown)
publication dates          +0.5 translation 0-45 days after the original;
                           -1.5 more than a week before it or over a year after
numbers                    +3 x share of the translation's numbers in the original,
                           +2 x share of the original's kept, -2.5 x share missing
                           (weighted: rare numbers weigh most; ``550 هزار`` = 550,000)
dates in the text          +1 per shared day (at most 2), whatever the calendar
Latin names and URLs       +2.5 x share of the translation's Latin names found in the
                           original (at least two names)
authors                    +1.5 per author whose name, transliterated, matches (at most
                           3); when both name authors and none match, -2 for one outlet
                           (its bylines tell its articles apart), else -1
length                     +0.5 word ratio in the usual band; -1.5 far outside it
paragraphs                 +0.5 same count (+-1)
=========================  ===========================================================

The sum becomes a score in [0, 1] by a logistic curve centred on :data:`THRESHOLD`, so a
link exists when the score is at least 0.5, and only when the *content* (numbers, dates,
Latin names) gives at least :data:`MIN_CONTENT` points: an outlet's date and a plausible
length alone never link two articles (an outlet publishes many a day). Each translation
is linked to its best original, and each original to at most one translation per
language (best first). Candidates are not every pair: an original is considered only if
it shares a *blocking key* with the translation (the outlet's date, the outlet and month,
an informative number, an in-text date, a Latin name, a byline) and its date is
plausible. Weights and threshold were set by reasoning, then revised once on
``tests/links/data/pairs.jsonl`` (``docs/links.md`` tells what changed and the figures).
"""

from __future__ import annotations

import datetime
import difflib
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ganjina.links.profile import ORIGINAL_LANGUAGES, TRANSLATION_LANGUAGES, Profile
from ganjina.links.traits import Traits, number_weight

#: points at which a pair is linked (score 0.5)
THRESHOLD = 4.0
#: points the content signals must give for any link
MIN_CONTENT = 1.5
#: how alike two name skeletons must be to be one name (difflib ratio)
AUTHOR_MATCH = 0.8
#: points per unit of the logistic curve (score 0.73 at THRESHOLD + SCALE)
SCALE = 1.5
#: a translation's words per original word: the usual band, and the band outside which
#: the pair is penalised (Dari and Pashto run longer than English; an abridged
#: translation runs shorter)
RATIO_USUAL = (0.75, 1.6)
RATIO_LIMIT = (0.35, 2.5)
#: how far a translation's date may be from its original's to be a candidate at all
EARLIEST_DAYS = -14
LATEST_DAYS = 730
#: a blocking key shared by more originals than this says nothing (and costs much)
MAX_POSTING = 2000
#: numbers this informative (or more) are blocking keys
KEY_NUMBER_WEIGHT = 0.45


@dataclass(frozen=True)
class Match:
    """A translation linked to its original, with the score and the signals behind it."""

    translation: int
    original: int
    score: float
    signals: dict[str, Any]


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
    """A faithful translation keeps the original's numbers (an abridged one fewer of
    them) and adds none: points for the share of the translation's numbers found in the
    original and of the original's kept, minus points for the translation's numbers the
    original lacks. Shares are weighted by :func:`number_weight`."""
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
        if 0 <= after <= 45:
            points += 0.5
        elif after < -7 or after > 365:
            points -= 1.5
    return points


def _shape(t: Traits, o: Traits, signals: dict[str, Any]) -> float:
    points = 0.0
    if o.words:
        ratio = t.words / o.words
        signals["length_ratio"] = round(ratio, 2)
        if RATIO_USUAL[0] <= ratio <= RATIO_USUAL[1]:
            points += 0.5
        elif not RATIO_LIMIT[0] <= ratio <= RATIO_LIMIT[1]:
            points -= 1.5
    if t.paragraphs and o.paragraphs:
        signals["paragraphs"] = [t.paragraphs, o.paragraphs]
        if abs(t.paragraphs - o.paragraphs) <= 1:
            points += 0.5
    return points


def _authors(t: Traits, o: Traits, signals: dict[str, Any], same_outlet: bool) -> float:
    if not t.authors or not o.authors:
        return 0.0
    found = sum(
        1
        for a in t.authors
        if max(difflib.SequenceMatcher(None, a, b).ratio() for b in o.authors) >= AUTHOR_MATCH
    )
    signals["authors"] = [found, len(t.authors)]
    if found:
        return min(3.0, 1.5 * found)
    return -2.0 if same_outlet else -1.0  # within one outlet a byline tells articles apart


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
    signals["content"] = round(content, 2)
    return content


def points(t: Profile, o: Profile) -> tuple[float, dict[str, Any]]:
    """The points of translation ``t`` against original ``o``, and the signals behind them
    (``signals["content"]``: the points of the content signals alone)."""
    signals: dict[str, Any] = {"content": 0.0}
    total = _attribution(t, o, signals)
    if t.traits is not None and o.traits is not None:
        total += _content(t.traits, o.traits, signals) + _shape(t.traits, o.traits, signals)
        same_outlet = bool(t.outlet) and t.outlet == o.outlet
        total += _authors(t.traits, o.traits, signals, same_outlet)
    signals["points"] = round(total, 2)
    return total, signals


def score_of(total: float) -> float:
    """Points as a score in [0, 1]: 0.5 at the threshold."""
    return 1.0 / (1.0 + math.exp(-(total - THRESHOLD) / SCALE))


def _months(date: str | None, back: int) -> list[str]:
    """``2024-03`` and the ``back`` months before it."""
    if not date or len(date) < 7 or not date[:4].isdigit() or not date[5:7].isdigit():
        return []
    y, m = int(date[:4]), int(date[5:7])
    out = []
    for _ in range(back + 1):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


def _keys(p: Profile, original: bool) -> set[tuple[Any, ...]]:
    keys: set[tuple[Any, ...]] = set()
    if p.source_date:
        keys.add(("s", p.source_date))
    if p.outlet:  # the outlet and month of publication (a translation's: or two before)
        keys |= {("o", p.outlet, m) for m in _months(p.date, 0 if original else 2)}
    if p.traits is not None:
        keys |= {("n", n) for n in p.traits.numbers if number_weight(n) >= KEY_NUMBER_WEIGHT}
        keys |= {("d", d) for d in p.traits.dates}
        keys |= {("a", a) for a in p.traits.authors}
        if not original:  # an original's names are many; a translation's few and telling
            keys |= {("l", h) for h in p.traits.names}
    return keys


def _plausible(t: Profile, o: Profile) -> bool:
    after = _days(t.date, o.date)
    return after is None or EARLIEST_DAYS <= after <= LATEST_DAYS


def candidates(
    translations: Sequence[Profile], originals: Sequence[Profile]
) -> Iterator[tuple[Profile, Profile]]:
    """Pairs worth scoring: sharing a blocking key, with plausible dates."""
    posting: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, o in enumerate(originals):
        if o.language in ORIGINAL_LANGUAGES:
            for key in _keys(o, original=True):
                if key[0] == "l":
                    continue
                posting[key].append(i)
            if o.traits is not None:
                for h in o.traits.names:
                    posting[("l", h)].append(i)
    for t in translations:
        if t.language not in TRANSLATION_LANGUAGES:
            continue
        seen: set[int] = set()
        for key in _keys(t, original=False):
            found = posting.get(key, ())
            if len(found) <= MAX_POSTING:
                seen.update(found)
        for i in sorted(seen):
            if _plausible(t, originals[i]):
                yield t, originals[i]


def match(
    translations: Sequence[Profile], originals: Sequence[Profile], threshold: float = THRESHOLD
) -> list[Match]:
    """Link translations to originals: best pairs first, each translation to one original,
    each original to one translation per language; only pairs with ``threshold`` points
    or more (a score of 0.5 or more at the default)."""
    scored = []
    for t, o in candidates(translations, originals):
        total, signals = points(t, o)
        if total >= threshold and signals["content"] >= MIN_CONTENT:
            scored.append((total, t, o, signals))
    scored.sort(key=lambda s: (-s[0], s[1].num, s[2].num))
    linked: set[int] = set()
    taken: set[tuple[int, str]] = set()
    out = []
    for total, t, o, signals in scored:
        if t.num in linked or (o.num, t.language) in taken:
            continue
        linked.add(t.num)
        taken.add((o.num, t.language))
        out.append(Match(t.num, o.num, round(score_of(total), 4), signals))
    return out
