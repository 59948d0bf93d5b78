"""Follow-ups: a later article of the same outlet or author on the same topic.

A follow-up shares a topic with its predecessor, not its text: it is ``related``, never
a translation nor a reprint (those share the text, and the near-duplicate side links
them). Two records of one language are a follow-up pair when they

* share an outlet, or an author (names compared across scripts, ``names.same_name``);
* are 1 to :data:`MAX_DAYS` days apart;
* share topic words (``Traits.terms``: search-key words of four letters or more) as a
  share of the shorter record's, plus a little for each shared number and Latin name,
  at least :data:`MIN_TOPIC` — measured on the independent set's tune split: its
  follow-ups score 0.41 to 0.58, the same author's other stories at most 0.24;
* do not share the text (a topic share of :data:`MAX_TOPIC` or more is a reprint).

The later record is ``related`` to the earlier one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ganjina.links.names import same_name
from ganjina.links.profile import Profile
from ganjina.links.translations import _days

#: how far apart a follow-up may be
MAX_DAYS = 60
#: the topic score of a follow-up, and above which the two share their text
MIN_TOPIC = 0.35
MAX_TOPIC = 0.9
#: a blocking key shared by more records than this says nothing
MAX_POSTING = 500


@dataclass(frozen=True)
class Related:
    later: int
    earlier: int
    score: float
    signals: dict[str, Any]


def topic(a: Profile, b: Profile) -> tuple[float, dict[str, Any]]:
    """The topic score of two records and what it rests on."""
    ta, tb = a.traits, b.traits
    if ta is None or tb is None or not ta.terms or not tb.terms:
        return 0.0, {}
    terms = len(ta.terms & tb.terms) / min(len(ta.terms), len(tb.terms))
    numbers, names = len(ta.numbers & tb.numbers), len(ta.names & tb.names)
    score = terms + 0.03 * min(numbers, 5) + 0.02 * min(names, 10)
    signals = {"terms": round(terms, 2), "numbers": numbers, "latin_names": names}
    return score, signals


def _keys(p: Profile) -> set[tuple[str, ...]]:
    keys: set[tuple[str, ...]] = {("o", p.language, p.outlet)} if p.outlet else set()
    if p.traits is not None:
        keys |= {("a", p.language, a.split()[-1]) for a in p.traits.authors if a}
    return keys


def _author_match(a: Profile, b: Profile) -> bool:
    ta, tb = a.traits, b.traits
    return bool(ta and tb and any(same_name(x, y) for x in ta.authors for y in tb.authors))


def related(records: Sequence[Profile]) -> list[Related]:
    """The follow-up pairs among ``records``, each later record to its best predecessor."""
    posting: dict[tuple[str, ...], list[Profile]] = defaultdict(list)
    for p in records:
        for key in _keys(p):
            posting[key].append(p)
    pairs: set[tuple[int, int]] = set()
    by_num = {p.num: p for p in records}
    for group in posting.values():
        if len(group) <= MAX_POSTING:
            pairs |= {(a.num, b.num) for a in group for b in group if a.num < b.num}
    best: dict[int, Related] = {}
    for x, y in sorted(pairs):
        a, b = by_num[x], by_num[y]
        apart = _days(a.date, b.date)
        if apart is None or not 1 <= abs(apart) <= MAX_DAYS:
            continue
        if not ((a.outlet and a.outlet == b.outlet) or _author_match(a, b)):
            continue
        score, signals = topic(a, b)
        if not MIN_TOPIC <= score < MAX_TOPIC:
            continue
        later, earlier = (a, b) if apart > 0 else (b, a)
        signals["days_after"] = abs(apart)
        found = Related(later.num, earlier.num, round(min(1.0, score), 4), signals)
        if later.num not in best or best[later.num].score < found.score:
            best[later.num] = found
    return sorted(best.values(), key=lambda r: (r.later, r.earlier))
