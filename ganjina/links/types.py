"""The plain values ``ganjina.links`` hands out: relations, clusters, outlet counts.

Frozen dataclasses of built-in types, each with ``to_dict`` (what the JSON API and the
exports write), like ``ganjina/archive/types.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ganjina.record import Article

#: how a relation reads from either end (the web layer may translate these)
PHRASES = {
    ("duplicate-of", "out"): "also in the archive as",
    ("duplicate-of", "in"): "also in the archive as",
    ("reprint-of", "out"): "reprint of",
    ("reprint-of", "in"): "reprinted as",
    ("translation-of", "out"): "translation of",
    ("translation-of", "in"): "translated as",
    # the evidence could not tell which of the two is the original
    ("translation-of-unknown-direction", "out"): "translation (direction unknown) of",
    ("translation-of-unknown-direction", "in"): "translation (direction unknown) of",
    ("related", "out"): "follow-up of",
    ("related", "in"): "followed up by",
}


@dataclass(frozen=True)
class RecordRef:
    """Enough of a record to show a link to it."""

    id: str
    title: str | None
    language: str | None
    date: str | None

    @classmethod
    def of(cls, article: Article) -> RecordRef:
        return cls(article.id, article.title, article.language, article.date)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "language": self.language, "date": self.date}


@dataclass(frozen=True)
class Relation:
    """A typed relation ``src kind dst`` (``fa-1 translation-of en-1``) seen from one of
    its records: ``direction`` is ``out`` when that record is ``src``; ``other`` is the
    record at the other end."""

    kind: str
    src: str
    dst: str
    score: float
    signals: dict[str, Any]
    direction: str
    other: RecordRef

    @property
    def phrase(self) -> str:
        """``translation of``, ``translated as``, ``also in the archive as`` …"""
        return PHRASES[(self.kind, self.direction)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "src": self.src,
            "dst": self.dst,
            "score": self.score,
            "signals": self.signals,
            "direction": self.direction,
            "phrase": self.phrase,
            "other": self.other.to_dict(),
        }


@dataclass(frozen=True)
class Member:
    """One record of a near-duplicate cluster, with its similarity to the representative
    (1.0 for the representative itself)."""

    record: RecordRef
    kind: str | None
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "similarity": self.similarity, **self.record.to_dict()}


@dataclass(frozen=True)
class Cluster:
    """Records holding the same text: the representative (earliest) first."""

    members: tuple[Member, ...]

    @property
    def representative(self) -> RecordRef:
        return self.members[0].record

    @property
    def similarity(self) -> float:
        """The lowest similarity of a member to the representative."""
        return min((m.similarity for m in self.members[1:]), default=1.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "representative": self.representative.id,
            "similarity": self.similarity,
            "members": [m.to_dict() for m in self.members],
        }


@dataclass(frozen=True)
class OutletCount:
    """An outlet and how many records name it (``names``: the spellings used, counted)."""

    id: str
    name: str
    articles: int
    names: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "articles": self.articles,
            "names": [list(n) for n in self.names],
        }


@dataclass(frozen=True)
class Unresolved:
    """An attributed name no outlet claims, how often it occurs, and a guess."""

    name: str
    articles: int
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "articles": self.articles, "suggestion": self.suggestion}


@dataclass(frozen=True)
class OutletReport:
    """``ganjina outlets``: resolved outlets by count, then the names to add to the table."""

    outlets: tuple[OutletCount, ...]
    unresolved: tuple[Unresolved, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlets": [o.to_dict() for o in self.outlets],
            "unresolved": [u.to_dict() for u in self.unresolved],
        }
