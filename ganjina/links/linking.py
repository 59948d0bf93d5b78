"""Picking the translation links: candidate pairs in every direction, decided, then chosen.

``translations.decide`` says of one pair whether one record translates the other and
which. This module finds the pairs worth deciding among many records, in any two
languages (a pair of one language is a reprint, the near-duplicate side's business),
and keeps the best links: each record the translation of at most one original, each
original translated at most once per language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ganjina.links import evidence as ev
from ganjina.links.profile import Profile
from ganjina.links.traits import number_weight
from ganjina.links.translations import MAX_DAYS, THRESHOLD, _days, decide

#: a blocking key shared by more records than this says nothing (and costs much)
MAX_POSTING = 2000
#: numbers this informative (or more) are blocking keys
KEY_NUMBER_WEIGHT = 0.45


@dataclass(frozen=True)
class Match:
    """A translation linked to its original (``kind``: ``translation-of`` or
    ``translation-of-unknown-direction``), with the score and the signals behind it."""

    translation: int
    original: int
    score: float
    signals: dict[str, Any]
    kind: str = "translation-of"


def _months(date: str | None, around: int) -> list[str]:
    """``2024-03`` and the ``around`` months either side of it."""
    if not date or len(date) < 7 or not date[:4].isdigit() or not date[5:7].isdigit():
        return []
    index = int(date[:4]) * 12 + int(date[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - around, index + around + 1)]


def _keys(p: Profile) -> set[tuple[Any, ...]]:
    """Blocking keys: what a translation shares with its original whatever the direction."""
    keys: set[tuple[Any, ...]] = set()
    if p.source_date:
        keys.add(("s", p.source_date))
    if p.outlet:  # one month only, so a pair within two months shares a key
        keys |= {("o", p.outlet, m) for m in _months(p.date, 0)}
    t = p.traits
    if t is not None:
        keys |= {("n", n) for n in t.numbers if number_weight(n) >= KEY_NUMBER_WEIGHT}
        keys |= {("d", d) for d in t.dates}
        keys |= {("a", a) for a in t.authors}
        keys |= {("l", h) for h in t.names}
    return keys


def candidates(records: Sequence[Profile]) -> Iterator[tuple[Profile, Profile]]:
    """Pairs of records in different languages sharing a blocking key, dated at most
    :data:`MAX_DAYS` apart (each pair once, the lower number first)."""
    posting: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    usable = [p for p in records if p.language]
    for i, p in enumerate(usable):
        for key in _keys(p):
            posting[key].append(i)
    seen: set[tuple[int, int]] = set()
    for found in posting.values():
        if len(found) < 2 or len(found) > MAX_POSTING:
            continue
        for x in range(len(found)):
            for y in range(x + 1, len(found)):
                seen.add((found[x], found[y]))
    for i, j in sorted(seen):
        a, b = usable[i], usable[j]
        if a.language == b.language:
            continue
        apart = _days(a.date, b.date)
        if apart is None or abs(apart) <= MAX_DAYS:
            yield (a, b) if a.num <= b.num else (b, a)


def outlet_languages(records: Sequence[Profile]) -> dict[str, str]:
    """Each attributed outlet's language, read from its records without a translator's
    mark (see :func:`evidence.outlet_languages`)."""
    votes = [
        (p.outlet, p.language, 1)
        for p in records
        if p.outlet and p.language and not (p.traits and p.traits.marked)
    ]
    return ev.outlet_languages(votes)


def match(
    records: Sequence[Profile],
    threshold: float = THRESHOLD,
    languages: dict[str, str] | None = None,
) -> list[Match]:
    """Link translations to originals among ``records``: best pairs first, each record
    the translation of one original, each original translated once per language."""
    languages = outlet_languages(records) if languages is None else languages
    decided = []
    for a, b in candidates(records):
        d = decide(a, b, languages, threshold)
        if d.kind is not None:
            decided.append(d)
    decided.sort(key=lambda d: (-d.points, d.src, d.dst))
    language = {p.num: p.language for p in records}
    linked: set[int] = set()
    taken: set[tuple[int, str]] = set()
    pairs: set[frozenset[int]] = set()
    out = []
    for d in decided:
        slot = (d.dst, language[d.src])
        if d.src in linked or slot in taken or frozenset((d.src, d.dst)) in pairs:
            continue
        linked.add(d.src)
        taken.add(slot)
        pairs.add(frozenset((d.src, d.dst)))
        out.append(Match(d.src, d.dst, round(d.score, 4), d.signals, d.kind or ""))
    return out
