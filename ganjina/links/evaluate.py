"""Measure translation linking on a set of article pairs with known answers.

The set is JSON Lines, one record a line::

    {"key": "p01-en", "language": "en", "title": "…", "date": "2023-05-09",
     "authors": ["…"], "translators": [], "source": {"name": "…", "date": "…", "url": null,
     "text": "…"}, "body": ["paragraph", "## heading", "paragraph"], "original": null}

A translation names the key of its original in ``original`` (or null when its original
is not in the set: it must stay unlinked). Precision is the share of links made that are
right; recall the share of translations whose original is in the set that are linked to
it. ``ganjina links evaluate FILE`` prints both; ``tests/links/data/pairs.jsonl`` is the
project's set, and a test keeps the figures from dropping.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ganjina.links import followups, linking, translations
from ganjina.links.outlets import OutletTable
from ganjina.links.profile import Profile, profiles
from ganjina.record import Article, Block, Source


@dataclass(frozen=True)
class Case:
    key: str
    article: Article
    original: str | None
    #: a pair whose direction the set itself calls undecidable (``eval.expected``)
    unknown_direction: tuple[str, ...] = ()
    #: links neither right nor wrong (``eval.tolerated``)
    tolerated: tuple[str, ...] = ()
    #: ``full`` or ``partial`` for a translation (``eval.role``)
    kind: str = "full"
    #: the earlier records this one follows up (``related`` in ``eval.expected``), and
    #: those it may be related to without being wrong
    follows: tuple[str, ...] = ()
    may_follow: tuple[str, ...] = ()


@dataclass
class Tally:
    """Counts of one slice of the set (a direction, a kind)."""

    true_pairs: int = 0
    linked: int = 0
    correct: int = 0
    found: int = 0
    direction_right: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "true_pairs": self.true_pairs,
            "linked": self.linked,
            "correct": self.correct,
            "precision": round(self.correct / self.linked, 4) if self.linked else 1.0,
            "recall": round(self.found / self.true_pairs, 4) if self.true_pairs else 1.0,
            "direction_accuracy": (
                round(self.direction_right / self.found, 4) if self.found else 1.0
            ),
        }


@dataclass
class Evaluation:
    """The outcome on one set at one threshold. Precision: links joining a true pair (in
    either direction) over links made; recall: true pairs joined over true pairs;
    direction accuracy: true pairs joined in the right direction (or, where the set
    calls the direction undecidable, as ``translation-of-unknown-direction``)."""

    threshold: float
    true_pairs: int
    linked: int
    correct: int
    mistakes: list[dict[str, Any]] = field(default_factory=list)
    found: int = 0
    direction_right: int = 0
    by_direction: dict[str, Tally] = field(default_factory=dict)
    by_kind: dict[str, Tally] = field(default_factory=dict)
    #: follow-ups (``related``), counted apart: they are not translations
    followups: Tally = field(default_factory=Tally)

    @property
    def precision(self) -> float:
        return self.correct / self.linked if self.linked else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.true_pairs if self.true_pairs else 1.0

    @property
    def direction_accuracy(self) -> float:
        return self.direction_right / self.found if self.found else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "true_pairs": self.true_pairs,
            "linked": self.linked,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "direction_accuracy": round(self.direction_accuracy, 4),
            "by_direction": {k: v.to_dict() for k, v in sorted(self.by_direction.items())},
            "by_kind": {k: v.to_dict() for k, v in sorted(self.by_kind.items())},
            "followups": self.followups.to_dict(),
            "mistakes": self.mistakes,
        }


def _article(d: dict[str, Any]) -> Article:
    blocks = []
    for text in d["body"]:
        if text.startswith("## "):
            blocks.append(Block("heading", text[3:]))
        else:
            blocks.append(Block("paragraph", text))
    source = d.get("source")
    return Article(
        title=d.get("title"),
        language=d["language"],
        date=d.get("date"),
        authors=list(d.get("authors") or []),
        translators=list(d.get("translators") or []),
        source=Source.from_dict(source) if source else None,
        blocks=blocks,
    )


def _case(d: dict[str, Any]) -> Case:
    info = d.get("eval") or {}
    unknown = tuple(
        x["to"] for x in info.get("expected", ()) if x["kind"] == "translation-of-unknown-direction"
    )
    tolerated = tuple(x["to"] for x in info.get("tolerated", ()) if x["kind"].startswith("trans"))
    kind = "partial" if info.get("role") == "partial-translation" else "full"
    follows = tuple(x["to"] for x in info.get("expected", ()) if x["kind"] == "related")
    may = tuple(x["to"] for x in info.get("tolerated", ()) if x["kind"] == "related")
    return Case(d["key"], _article(d), d.get("original"), unknown, tolerated, kind, follows, may)


def load(path: str | Path) -> list[Case]:
    """The cases of a JSON Lines set (see the module docstring)."""
    cases = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                cases.append(_case(json.loads(line)))
    keys = {c.key for c in cases}
    for c in cases:
        for other in (c.original, *c.unknown_direction):
            if other is not None and other not in keys:
                raise ValueError(f"{c.key}: its original {other!r} is not in the set")
    return cases


def _profiles(cases: Sequence[Case], table: OutletTable | None) -> list[Profile]:
    return profiles([(i, c.article) for i, c in enumerate(cases)], table)


#: each true pair: its translation's key (None when undecidable), direction, kind
_Truths = dict[frozenset[str], tuple[str | None, str, str]]


def _lang(case: Case) -> str:
    return (case.article.language or "?").split("-")[0]


def _truths(cases: Sequence[Case]) -> _Truths:
    """Each true pair: (its translation's key or None when undecidable, direction, kind)."""
    by_key = {c.key: c for c in cases}
    out: _Truths = {}
    for c in cases:
        if c.original is not None:
            direction = f"{_lang(by_key[c.original])}->{_lang(c)}"
            out[frozenset((c.key, c.original))] = (c.key, direction, c.kind)
        for other in c.unknown_direction:
            langs = sorted((_lang(c), _lang(by_key[other])))
            out[frozenset((c.key, other))] = (None, "<->".join(langs), "unknown-direction")
    return out


def evaluate(
    cases: Sequence[Case], table: OutletTable | None = None, threshold: float | None = None
) -> Evaluation:
    """Link the set's records in every direction and compare with the answers."""
    threshold = translations.THRESHOLD if threshold is None else threshold
    found = _profiles(cases, table)
    matches = linking.match(found, threshold=threshold)
    truths = _truths(cases)
    result = Evaluation(threshold, len(truths), 0, 0)
    for _t, direction, kind in truths.values():
        result.by_direction.setdefault(direction, Tally()).true_pairs += 1
        result.by_kind.setdefault(kind, Tally()).true_pairs += 1
    joined: set[frozenset[str]] = set()
    for m in matches:
        joined |= _count(m, cases, truths, result)
    for pair, (t, _direction, _kind) in truths.items():
        if pair not in joined:
            a, b = sorted(pair) if t is None else (t, next(iter(pair - {t})))
            result.mistakes.append({"translation": a, "linked_to": None, "truth": b})
    _count_followups(followups.related(found), cases, result)
    return result


def _count_followups(
    found: Sequence[followups.Related], cases: Sequence[Case], result: Evaluation
) -> None:
    if not any(c.follows or c.may_follow for c in cases):
        return  # the set says nothing of follow-ups (the older pair sets): none to count
    tally = result.followups
    tally.true_pairs = sum(len(c.follows) for c in cases)
    for r in found:
        later, earlier = cases[r.later], cases[r.earlier].key
        if earlier in later.may_follow:
            continue
        tally.linked += 1
        right = earlier in later.follows
        tally.correct += right
        tally.found += right
        tally.direction_right += right
        if not right:
            result.mistakes.append({"related": later.key, "linked_to": earlier, "truth": None})


def _count(
    m: linking.Match, cases: Sequence[Case], truths: _Truths, result: Evaluation
) -> set[frozenset[str]]:
    """Count one link in the slices it falls in; the true pair it joins, if any."""
    src, dst = cases[m.translation].key, cases[m.original].key
    if dst in cases[m.translation].tolerated or src in cases[m.original].tolerated:
        return set()  # neither right nor wrong
    truth = truths.get(frozenset((src, dst)))
    direction = truth[1] if truth else f"{_lang(cases[m.original])}->{_lang(cases[m.translation])}"
    slices: list[Tally | Evaluation] = [result, result.by_direction.setdefault(direction, Tally())]
    if truth:
        slices.append(result.by_kind.setdefault(truth[2], Tally()))
    right_way = truth is not None and (
        (truth[0] is None and m.kind == "translation-of-unknown-direction")
        or (truth[0] == src and m.kind == "translation-of")
    )
    for tally in slices:
        tally.linked += 1
        tally.correct += bool(truth)
        tally.found += bool(truth)
        tally.direction_right += right_way
    if not right_way:
        result.mistakes.append(
            {"translation": src, "linked_to": dst, "kind": m.kind,
             "truth": truth[0] if truth else None, "score": m.score, "signals": m.signals}
        )  # fmt: skip
    return {frozenset((src, dst))} if truth else set()
