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

from ganjina.links import translations
from ganjina.links.outlets import OutletTable
from ganjina.links.profile import Profile, profiles
from ganjina.record import Article, Block, Source


@dataclass(frozen=True)
class Case:
    key: str
    article: Article
    original: str | None


@dataclass
class Evaluation:
    """The outcome on one set at one threshold."""

    threshold: float
    true_pairs: int
    linked: int
    correct: int
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.linked if self.linked else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.true_pairs if self.true_pairs else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "true_pairs": self.true_pairs,
            "linked": self.linked,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
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


def load(path: str | Path) -> list[Case]:
    """The cases of a JSON Lines set (see the module docstring)."""
    cases = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                cases.append(Case(d["key"], _article(d), d.get("original")))
    keys = {c.key for c in cases}
    for c in cases:
        if c.original is not None and c.original not in keys:
            raise ValueError(f"{c.key}: its original {c.original!r} is not in the set")
    return cases


def _profiles(cases: Sequence[Case], table: OutletTable | None) -> list[Profile]:
    return profiles([(i, c.article) for i, c in enumerate(cases)], table)


def evaluate(
    cases: Sequence[Case], table: OutletTable | None = None, threshold: float | None = None
) -> Evaluation:
    """Link the set's translations and compare with the answers."""
    threshold = translations.THRESHOLD if threshold is None else threshold
    found = _profiles(cases, table)
    matches = translations.match(found, found, threshold=threshold)
    truth = {i: c.original for i, c in enumerate(cases)}
    keys = [c.key for c in cases]
    true_pairs = sum(1 for c in cases if c.original is not None)
    correct = 0
    mistakes: list[dict[str, Any]] = []
    linked = set()
    for m in matches:
        linked.add(m.translation)
        if truth[m.translation] == keys[m.original]:
            correct += 1
        else:
            mistakes.append(
                {
                    "translation": keys[m.translation],
                    "linked_to": keys[m.original],
                    "truth": truth[m.translation],
                    "score": m.score,
                    "signals": m.signals,
                }
            )
    for i, c in enumerate(cases):
        if c.original is not None and i not in linked:
            mistakes.append({"translation": c.key, "linked_to": None, "truth": c.original})
    return Evaluation(threshold, true_pairs, len(matches), correct, mistakes)
