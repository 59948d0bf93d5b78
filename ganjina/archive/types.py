"""The plain values the archive hands out: search results, reports, versions, changes.

They are frozen dataclasses (or close to it) holding only built-in types and
:class:`~ganjina.record.Article`, so the web layer can turn any of them into JSON with
``dataclasses.asdict`` or the ``to_dict`` methods here.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NamedTuple

from ganjina.record import Article

#: One piece of a snippet: the text (stored form, never the folded key) and whether it
#: matched the query.
Segment = tuple[str, bool]

SortOrder = Literal["relevance", "date", "date_asc"]


def segments_html(segments: list[Segment], tag: str = "mark") -> str:
    """Snippet segments as HTML: every text escaped, matches wrapped in ``<tag>``.

    >>> segments_html([("a <b> ", False), ("flood", True)])
    'a &lt;b&gt; <mark>flood</mark>'
    """
    out = []
    for text, is_match in segments:
        escaped = html.escape(text, quote=False)
        out.append(f"<{tag}>{escaped}</{tag}>" if is_match else escaped)
    return "".join(out)


@dataclass(frozen=True)
class Hit:
    """One search result, with what a result list shows."""

    id: str
    title: str | None
    date: str | None
    section: str | None
    language: str | None
    authors: tuple[str, ...]
    score: float
    #: a window of the body around the first matches, as (text, is_match) segments
    snippet: tuple[Segment, ...]
    #: the title as segments, matched words marked
    title_segments: tuple[Segment, ...] = ()
    #: (word as printed, query word) for words found as another form or spelling of a
    #: query word: ("کتاب‌ها", "کتاب"), ("هرات", "Herat"); exact matches are not listed
    matched: tuple[tuple[str, str], ...] = ()
    #: why it scored (``search(..., explain=True)``): (how it matched, score), best first
    explanation: tuple[tuple[str, float], ...] = ()

    def snippet_html(self) -> str:
        """The snippet as escaped HTML with ``<mark>`` around matches."""
        return segments_html(list(self.snippet))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["authors"] = list(self.authors)
        d["snippet"] = [list(s) for s in self.snippet]
        d["title_segments"] = [list(s) for s in self.title_segments]
        d["matched"] = [{"found": f, "for": q} for f, q in self.matched]
        d["explanation"] = [{"match": m, "score": round(v, 4)} for m, v in self.explanation]
        return d


@dataclass(frozen=True)
class Suggestion:
    """A "did you mean" query: the query with its unknown words replaced by the nearest
    indexed ones, and how many records it finds."""

    query: str
    total: int
    #: (word typed, word suggested)
    changes: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "changes": [{"typed": t, "suggested": s} for t, s in self.changes],
        }


@dataclass(frozen=True)
class Related:
    """One "more like this" record."""

    id: str
    title: str | None
    date: str | None
    language: str | None
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchResult:
    """Hits for one page of a query, the total count, and facet counts when asked for."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    offset: int = 0
    #: facet name (section, language, year, source, author) -> [(value, count)], most first
    facets: dict[str, list[tuple[str, int]]] | None = None
    took_ms: float = 0.0
    #: "did you mean" queries, for a query that found nothing or few records
    suggestions: tuple[Suggestion, ...] = ()
    #: set when the query found nothing and these hits are those of ``corrected``, its
    #: first suggestion (``search(..., correct=True)``)
    corrected: str | None = None
    #: store changes the index lacks because it could not be caught up (a full disk):
    #: the results may be incomplete until it is
    behind: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "behind": self.behind,
            "total": self.total,
            "offset": self.offset,
            "took_ms": round(self.took_ms, 3),
            "corrected": self.corrected,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "hits": [h.to_dict() for h in self.hits],
            "facets": None
            if self.facets is None
            else {k: [list(v) for v in vs] for k, vs in self.facets.items()},
        }


@dataclass(frozen=True)
class Failure:
    """A file that could not be read into a record (one line of ``ganjina errors``)."""

    path: str
    message: str
    sha256: str | None
    at: str
    run: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestReport:
    """What one ``ingest`` did. ``read`` counts every file looked at."""

    read: int = 0
    new: int = 0
    #: files that were another copy of a record new in this run (an article's PDF and DOCX)
    merged: int = 0
    updated: int = 0
    unchanged: int = 0
    #: files that read but are not articles (READMEs, notes, publisher's sources)
    not_articles: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    #: the files counted in ``not_articles``, with the reason
    skipped: list[Failure] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    run: int | None = None

    def summary(self) -> str:
        """One line, e.g. ``read 12 files: 9 new, 1 updated, 1 unchanged, 1 failed``."""
        text = f"read {self.read} files: {self.new} new, "
        if self.merged:
            text += f"{self.merged} more copies of those, "
        text += f"{self.updated} updated, {self.unchanged} unchanged, "
        if self.not_articles:
            text += f"{self.not_articles} not articles, "
        text += f"{self.failed} failed"
        if self.seconds:
            text += f" in {self.seconds:.1f} s"
        if self.interrupted:
            text += " (interrupted: run again to finish)"
        return text

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["failures"] = [f.to_dict() for f in self.failures]
        d["skipped"] = [f.to_dict() for f in self.skipped]
        return d


@dataclass(frozen=True)
class Version:
    """One stored version of a record; ``number`` 1 is the first."""

    number: int
    stored_at: str
    sha256: str | None
    filename: str | None
    current: bool


@dataclass(frozen=True)
class Change:
    """A record that changed: ``seq`` is the archive's change counter, ``modified`` the UTC
    time of the change as ISO 8601 (``2024-07-13T08:00:00.000000Z``), usable as an OAI-PMH
    datestamp."""

    seq: int
    id: str
    modified: str
    #: the record was taken off the site (OAI-PMH: a deleted record); kept in the store
    withdrawn: bool = False


@dataclass(frozen=True)
class Withdrawal:
    """Why and when a record was taken off the site; the record itself stays stored."""

    id: str
    at: str
    note: str | None


class Original(NamedTuple):
    """An original file as it was read; unpacks as ``data, filename, media_type``."""

    data: bytes
    filename: str | None
    media_type: str


@dataclass(frozen=True)
class ArticlePage:
    """One page of :meth:`Archive.articles`; pass ``next_cursor`` back for the next page."""

    articles: list[Article]
    next_cursor: str | None
