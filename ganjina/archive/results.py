"""From index hits to what a result list shows: snippets, matched forms, explanations.

The snippet and the title are marked by a :class:`~snippets.Marker` made for the hit's
language (its stemmer decides which words are forms of a query word); the words marked
for being another form or spelling become the hit's ``matched`` pairs ("found
``کتاب‌ها`` for ``کتاب``"). ``explain`` scores each way the query can match (the
compiler's clauses) on the hit, so a reader sees which of them made the score.
"""

from __future__ import annotations

import json

import tantivy

from ganjina.archive.compiler import Compiled
from ganjina.archive.snippets import Marker, found_forms, highlight, marker, snippet
from ganjina.archive.types import Hit, Segment
from ganjina.record import Article
from ganjina.text.forms import family

#: how many "found X for Y" pairs a hit lists
MAX_MATCHED = 4


def hit_marker(compiled: Compiled, language: str | None) -> Marker:
    return marker(
        compiled.highlight,
        stems=compiled.forms,
        family=family(language),
        names=compiled.names,
        patterns=compiled.patterns,
    )


def _marked_words(segments: tuple[Segment, ...]) -> str:
    return " ".join(text for text, is_match in segments if is_match)


def make_hit(
    article: Article,
    score: float,
    compiled: Compiled,
    explanation: tuple[tuple[str, float], ...] = (),
    mark: Marker | None = None,
) -> Hit:
    """``mark``: the :func:`hit_marker` of ``compiled`` for the record's language, when
    the caller has made it already (one per language of a page, not one per hit)."""
    mark = mark or hit_marker(compiled, article.language)
    title = highlight(article.title, mark)
    body = snippet(article.body_text(), mark)
    # what the reader sees marked, in the title and the snippet, says what matched how
    matched = found_forms(f"{_marked_words(title)} {_marked_words(body)}", mark, MAX_MATCHED)
    return Hit(
        id=article.id,
        title=article.title,
        date=article.date,
        section=article.section.id if article.section else None,
        language=article.language,
        authors=tuple(article.authors),
        score=score,
        snippet=body,
        title_segments=title,
        matched=tuple(matched),
        explanation=explanation,
    )


def explain(
    compiled: Compiled, searcher: tantivy.Searcher, address: tantivy.DocAddress
) -> tuple[tuple[str, float], ...]:
    """(how it matched, score) for each of the query's ways that matches the record,
    best first. Scores are BM25 with the boosts applied; they add up to the hit's score
    where the query is one list of alternatives."""
    out = []
    for clause in compiled.clauses:
        try:
            value = json.loads(clause.query.explain(searcher, address).to_json())["value"]
        except ValueError:  # "does not match": this way found nothing in the record
            continue
        out.append((clause.label, float(value)))
    out.sort(key=lambda pair: -pair[1])
    return tuple(out)
