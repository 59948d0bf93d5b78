"""Turn a parsed query (``query.py``) into a Tantivy query, plus the keys to highlight.

Words go through ``tokenize_key`` exactly as the indexed text did, so a Dari query finds
the article whatever its ZWNJ, yeh/kaf or digit spelling. A word that keys to several
terms (``covid-19``) becomes a phrase; a word that keys to none (``&``) is dropped.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import tantivy

from ganjina.archive.index import SCHEMA, date_number
from ganjina.archive.query import All, And, DateRange, Node, Not, Or, Phrase, Term
from ganjina.errors import query_error
from ganjina.text import loose_pashto_key, tokenize_key

Occur = tantivy.Occur
TITLE_BOOST = 2.0
#: letters whose Pashto spelling varies: a term holding one also searches the loose key
_LOOSE_LETTERS = frozenset("گګیېۍ")


@dataclass
class Compiled:
    query: tantivy.Query
    #: search keys whose words are marked in snippets and titles
    highlight: set[str] = field(default_factory=set)


def _term(name: str, value: str) -> tantivy.Query:
    return tantivy.Query.term_query(SCHEMA, name, value)


def _words(name: str, toks: list[str]) -> tantivy.Query:
    if len(toks) == 1:
        return _term(name, toks[0])
    words: list[str | tuple[int, str]] = list(toks)
    return tantivy.Query.phrase_query(SCHEMA, name, words)


def _everything(name_queries: list[tantivy.Query]) -> tantivy.Query:
    if len(name_queries) == 1:
        return name_queries[0]
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in name_queries])


def _negate(q: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boolean_query(
        [(Occur.Must, tantivy.Query.all_query()), (Occur.MustNot, q)]
    )


class _Compiler:
    def __init__(self) -> None:
        self.highlight: set[str] = set()

    def node(self, n: Node, positive: bool = True) -> tantivy.Query | None:
        if isinstance(n, All):
            return tantivy.Query.all_query()
        if isinstance(n, Term | Phrase):
            return self.text(n, positive)
        if isinstance(n, DateRange):
            lo, hi = date_number(_iso(n.first)), date_number(_iso(n.last))
            return tantivy.Query.range_query(SCHEMA, "date", tantivy.FieldType.Integer, lo, hi)
        if isinstance(n, Not):
            inner = self.node(n.item, positive=False)
            return None if inner is None else _negate(inner)
        if isinstance(n, Or):
            parts = [q for q in (self.node(i, positive) for i in n.items) if q is not None]
            if not parts:
                return None
            return parts[0] if len(parts) == 1 else _everything(parts)
        return self.conjunction(n, positive)

    def conjunction(self, n: And, positive: bool) -> tantivy.Query | None:
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for item in n.items:
            if isinstance(item, Not):
                inner = self.node(item.item, positive=False)
                if inner is not None:
                    clauses.append((Occur.MustNot, inner))
            else:
                q = self.node(item, positive)
                if q is not None:
                    clauses.append((Occur.Must, q))
        if not clauses:
            return None
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses.insert(0, (Occur.Must, tantivy.Query.all_query()))
        if len(clauses) == 1:
            return clauses[0][1]
        return tantivy.Query.boolean_query(clauses)

    def text(self, n: Term | Phrase, positive: bool) -> tantivy.Query | None:
        if n.field == "lang":
            return _term("lang", n.text.strip().lower().replace("_", "-"))
        toks = tokenize_key(n.text)
        if not toks:
            return None
        if n.field is not None:
            if n.field == "title" and positive:
                self.highlight.update(toks)
            return _words(n.field, toks)
        if positive:
            self.highlight.update(toks)
        options = [
            tantivy.Query.boost_query(_words("title", toks), TITLE_BOOST),
            _words("body", toks),
        ]
        if len(toks) == 1 and _LOOSE_LETTERS.intersection(toks[0]):
            loose = loose_pashto_key(toks[0])
            options.append(_term("loose", loose))
            if positive:
                self.highlight.add(loose)
        return _everything(options)


def _iso(d: datetime.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def compile_query(tree: Node, text: str) -> Compiled:
    """The Tantivy query for a parsed query; ``text`` is only for the error message."""
    c = _Compiler()
    q = c.node(tree)
    if q is None:
        raise query_error("nothing to search for in %(query)s: type a word", 0, query=repr(text))
    return Compiled(q, c.highlight)
