"""Turn a parsed query (``query.py``) into a Tantivy query, plus what explains its hits.

Words go through ``tokenize_key`` exactly as the indexed text did, so a Dari query finds
the article whatever its ZWNJ, yeh/kaf or digit spelling. A word that keys to several
terms (``covid-19``) becomes a phrase; a word that keys to none (``&``) is dropped.

Each word is searched three ways, in this order of weight:

1. **exact** (its key in ``title`` ×2 and ``body``; Pashto also through the loose key);
2. **names** (``names.py``): a place or person the table knows, in every spelling of both
   scripts (``Herat`` also finds ``هرات``); a capitalised Latin name it does not know,
   through the romanisation pattern of its Arabic-script spellings;
3. **word forms**: the word's stems in the ``forms`` field (``flood`` finds ``flooded``).

A document holding the exact word also holds its stem, so it scores on both and ranks
above one holding only another form. A phrase stays exact; ``~"…"`` asks for the word
forms of a phrase. What matched how is kept in :class:`Compiled` for highlighting,
"found X for Y" and ``--explain``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import tantivy

from ganjina.archive.index import SCHEMA, date_number
from ganjina.archive.query import All, And, DateRange, Node, Not, Or, Phrase, Term
from ganjina.errors import query_error
from ganjina.text import has_arabic_script, loose_pashto_key, tokenize_key
from ganjina.text.forms import families_of, query_stems, stemmer_for
from ganjina.text.names import Name, arabic_pattern, lookup, name_key

Occur = tantivy.Occur
TITLE_BOOST = 2.0
#: other spellings of a name: nearly as good as the spelling typed
NAME_BOOST = 0.9
#: a name found only through the romanisation rules (a constant-score match)
PATTERN_SCORE = 0.6
#: another form of the word: found, but after the exact form
FORMS_BOOST = 0.6
#: how many words a name in the table may have (Mazar e Sharif, Wazir Akbar Khan)
MAX_NAME_WORDS = 4
#: letters whose Pashto spelling varies: a term holding one also searches the loose key
_LOOSE_LETTERS = frozenset("گګیېۍ")
#: a match through the loose Pashto key merges letters: less sure than the exact key
LOOSE_BOOST = 0.5
ZWNJ = "\u200c"


@dataclass(frozen=True)
class Clause:
    """One positive way the query matches, for ``--explain``."""

    label: str
    query: tantivy.Query


@dataclass
class Compiled:
    query: tantivy.Query
    #: search keys whose words are marked in snippets and titles (exact matches)
    highlight: set[str] = field(default_factory=set)
    #: stem -> the query word it is a form of
    forms: dict[str, str] = field(default_factory=dict)
    #: key of a name's other spelling -> the name as typed
    names: dict[str, str] = field(default_factory=dict)
    #: romanisation patterns (slots, the name as typed) for names outside the table
    patterns: list[tuple[str, str]] = field(default_factory=list)
    #: the plain words of the query and where they were typed, for "did you mean"
    words: list[tuple[str, int]] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)


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


def _text_fields(toks: list[str], boost: float = 1.0) -> tantivy.Query:
    """Title (boosted) or body."""
    q = _everything(
        [tantivy.Query.boost_query(_words("title", toks), TITLE_BOOST), _words("body", toks)]
    )
    return q if boost == 1.0 else tantivy.Query.boost_query(q, boost)


class _Compiler:
    def __init__(self, out: Compiled) -> None:
        self.out = out

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
        items = list(n.items)
        i = 0
        while i < len(items):
            item = items[i]
            group = _name_run(items, i) if positive else 0
            if group:
                q = self.name_group([t.text for t in items[i : i + group]])  # type: ignore[union-attr]
                clauses.append((Occur.Must, q))
                i += group
                continue
            i += 1
            if isinstance(item, Not):
                inner = self.node(item.item, positive=False)
                if inner is not None:
                    clauses.append((Occur.MustNot, inner))
            else:
                node = self.node(item, positive)
                if node is not None:
                    clauses.append((Occur.Must, node))
        if not clauses:
            return None
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses.insert(0, (Occur.Must, tantivy.Query.all_query()))
        if len(clauses) == 1:
            return clauses[0][1]
        return tantivy.Query.boolean_query(clauses)

    def name_group(self, words: list[str]) -> tantivy.Query:
        """Several typed words that together are one name of the table."""
        typed = " ".join(words)
        toks = tokenize_key(typed)
        self.out.highlight.update(toks)
        exact = _text_fields(toks)
        self.clause(f"exact name {typed!r}", exact)
        found = lookup(typed)
        options = [exact, *self.name_options(found, typed, toks)] if found else [exact]
        return _everything(options)

    def clause(self, label: str, q: tantivy.Query) -> None:
        self.out.clauses.append(Clause(label, q))

    def text(self, n: Term | Phrase, positive: bool) -> tantivy.Query | None:
        if n.field == "lang":
            return _term("lang", n.text.strip().lower().replace("_", "-"))
        toks = tokenize_key(n.text)
        if not toks:
            return None
        if n.field is not None:
            return self.fielded(n, toks, positive)
        if positive:
            self.out.highlight.update(toks)
            if isinstance(n, Term):
                self.out.words.append((n.text, n.pos))
        exact = _text_fields(toks)
        options = [exact]
        if positive:
            self.clause(f"exact {n.text!r}", exact)
        if ZWNJ in n.text:
            # رای‌دهی is also written رای دهی: its parts as a phrase find that spelling
            apart = tokenize_key(n.text.replace(ZWNJ, " "))
            if apart != toks:
                options.append(_text_fields(apart))
                if positive:
                    self.out.highlight.update(apart)
        if len(toks) == 1 and _LOOSE_LETTERS.intersection(toks[0]):
            loose = loose_pashto_key(toks[0])
            q = tantivy.Query.boost_query(_term("loose", loose), LOOSE_BOOST)
            options.append(q)
            if positive:
                self.out.highlight.add(loose)
                self.clause(f"{n.text!r} in the loose Pashto spelling {loose!r}", q)
        if isinstance(n, Term) or n.forms:
            if isinstance(n, Term):
                found = lookup(n.text)
                options += self.name_options(found, n.text, toks, positive=positive)
            options += self.form_options(n.text, toks, positive)
        return _everything(options)

    def fielded(self, n: Term | Phrase, toks: list[str], positive: bool) -> tantivy.Query:
        assert n.field is not None
        if n.field == "title" and positive:
            self.out.highlight.update(toks)
        exact = _words(n.field, toks)
        if n.field not in ("author", "translator", "title") or not positive:
            return exact
        # a person or place in another script: author:Khalilzad finds خلیلزاد
        options = [exact]
        found = lookup(n.text)
        for spelling in found.spellings() if found else ():
            other = tokenize_key(spelling)
            if other and other != toks:
                options.append(tantivy.Query.boost_query(_words(n.field, other), NAME_BOOST))
                self._remember_name(other, n.text)
        return _everything(options)

    def name_options(
        self, found: Name | None, typed: str, toks: list[str], *, positive: bool = True
    ) -> list[tantivy.Query]:
        """Other spellings of a name: the table's, or the romanisation pattern's."""
        out: list[tantivy.Query] = []
        if found is not None:
            seen = {tuple(toks)}
            for spelling in found.spellings():
                words = tokenize_key(spelling)
                # مزار شریف is also written مزارشریف: try the words run together too
                shapes = [words, ["".join(words)]] if len(words) > 1 else [words]
                for other in shapes:
                    if not other or tuple(other) in seen:
                        continue
                    seen.add(tuple(other))
                    q = _text_fields(other, NAME_BOOST)
                    out.append(q)
                    if positive:
                        self._remember_name(other, typed)
                        self.clause(f"name {typed!r} as {' '.join(other)!r}", q)
            return out
        if positive and typed[:1].isupper() and not has_arabic_script(typed) and len(toks) == 1:
            pattern = arabic_pattern(typed)
            if pattern:
                q = tantivy.Query.const_score_query(
                    _everything(
                        [
                            tantivy.Query.regex_query(SCHEMA, "title", pattern),
                            tantivy.Query.regex_query(SCHEMA, "body", pattern),
                        ]
                    ),
                    PATTERN_SCORE,
                )
                out.append(q)
                self.out.patterns.append((name_key(typed), typed))
                self.clause(f"name {typed!r} in Arabic script (romanisation)", q)
        return out

    def _remember_name(self, toks: list[str], typed: str) -> None:
        for t in toks:
            self.out.names.setdefault(t, typed)

    def form_options(self, typed: str, toks: list[str], positive: bool) -> list[tantivy.Query]:
        """The word's (or phrase's) stems in the ``forms`` field."""
        if len(toks) == 1:
            stems = sorted(query_stems(toks[0]))
            # scored term queries, not a (constant-score) term set: a record using the
            # word's forms often should rank above one using them once
            q = tantivy.Query.boost_query(
                _everything([_term("forms", s) for s in stems]), FORMS_BOOST
            )
            if positive:
                for s in stems:
                    self.out.forms.setdefault(s, typed)
                self.clause(f"word forms of {typed!r} ({', '.join(stems)})", q)
            return [q]
        # a phrase of word forms: one phrase per stemmer family, stem by stem
        phrases = {tuple(stemmer_for(fam)(t) for t in toks) for fam in families_of(toks[0])}
        out = []
        for stems_row in phrases:
            q = tantivy.Query.boost_query(_words("forms", list(stems_row)), FORMS_BOOST)
            out.append(q)
            if positive:
                for s in stems_row:
                    self.out.forms.setdefault(s, typed)
                self.clause(f"word forms of the phrase {typed!r}", q)
        return out


def _name_run(items: list[Node], i: int) -> int:
    """How many plain words from ``items[i]`` on make one name of the table (0: none;
    a single word is handled as a word)."""
    plain: list[str] = []
    for item in items[i : i + MAX_NAME_WORDS]:
        if not isinstance(item, Term) or item.field is not None:
            break
        plain.append(item.text)
    for size in range(len(plain), 1, -1):
        if lookup(" ".join(plain[:size])) is not None:
            return size
    return 0


def _iso(d: datetime.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def compile_query(tree: Node, text: str) -> Compiled:
    """The Tantivy query for a parsed query; ``text`` is only for the error message."""
    out = Compiled(tantivy.Query.all_query())
    q = _Compiler(out).node(tree)
    if q is None:
        raise query_error("nothing to search for in %(query)s: type a word", 0, query=repr(text))
    out.query = q
    return out
