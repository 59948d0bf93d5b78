"""Did you mean: the indexed terms nearest to a query's words, by edit distance.

Candidates come from the index's own term dictionary (``body`` and ``title`` hold search
keys, so Dari and Pashto words are compared with ZWNJ, yeh and kaf already folded:
``کتاپ`` is one letter from ``کتاب``, whatever spelling either side used). Tantivy walks
the dictionary for the terms sharing the word's first letter, with their document
counts; RapidFuzz (C++) measures the distance to each. The nearest wins, then the most
frequent: a word one edit away that a thousand records hold beats one that two hold.

In an archive of a thousand records or more, only terms of two records or more are
suggested (a one-off misspelling in one record is no better than the query's). Only
words of three letters or more are corrected; a word of up to five letters may be one
edit off, a longer one two.
"""

from __future__ import annotations

from collections.abc import Callable

import tantivy
from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz.process import extract

from ganjina.text import tokenize_key

MIN_WORD = 3
#: the fewest records a suggested term must be in (in an archive of BIG records or more)
MIN_DOCS = 2
BIG = 1000
#: how many of the commonest terms of one first letter are compared
VOCABULARY = 50_000


def max_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


Vocabulary = tuple[list[str], dict[str, int]]
_CACHE: dict[tuple[tuple[str | None, int], str], Vocabulary] = {}
CACHE_SIZE = 64


def _vocabulary(
    generation: tuple[str | None, int], first: str, walk: Callable[[str], list[tuple[str, int]]]
) -> Vocabulary:
    """The terms starting with ``first`` and their record counts, for one index build and
    size (``generation``), so repeated misspellings walk the dictionary once."""
    key = (generation, first)
    found = _CACHE.get(key)
    if found is None:
        least = MIN_DOCS if generation[1] >= BIG else 1
        pairs = [(t, n) for t, n in walk(first) if n >= least]
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.clear()
        found = _CACHE[key] = ([t for t, _ in pairs], dict(pairs))
    return found


def nearest(
    searcher: tantivy.Searcher, generation: tuple[str | None, int], key: str
) -> tuple[str, int] | None:
    """The indexed term nearest to the search key ``key`` (and its record count)."""
    if len(key) < MIN_WORD or key.isdigit():
        return None

    def walk(first: str) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for field in ("body", "title"):
            for term, n in searcher.terms_with_prefix(field, first, limit=VOCABULARY):
                counts[term] = max(n, counts.get(term, 0))
        return list(counts.items())

    terms, counts = _vocabulary(generation, key[0], walk)
    if not terms:
        return None
    edits = max_edits(key)
    found = extract(
        key,
        terms,
        scorer=DamerauLevenshtein.distance,
        score_cutoff=edits,
        limit=50,
    )
    best = [(dist, -counts[term], term) for term, dist, _ in found if term != key and dist > 0]
    if not best:
        return None
    _dist, minus, term = min(best)
    return term, -minus


def corrections(
    searcher: tantivy.Searcher,
    generation: tuple[str | None, int],
    words: list[tuple[str, int]],
    count: Callable[[str], int],
) -> dict[str, str]:
    """Typed word -> suggested term, for the words no record holds as they are."""
    out: dict[str, str] = {}
    for word, _pos in words:
        keys = tokenize_key(word)
        if len(keys) != 1 or count(keys[0]) > 0:
            continue
        found = nearest(searcher, generation, keys[0])
        if found is not None:
            out[word] = found[0]
    return out


def rewrite(query: str, words: list[tuple[str, int]], changes: dict[str, str]) -> str:
    """``query`` with each changed word replaced where it was typed (by position, so a
    word that is also part of another is left alone)."""
    out = query
    for word, pos in sorted(words, key=lambda w: -w[1]):
        if word in changes and out[pos : pos + len(word)] == word:
            out = out[:pos] + changes[word] + out[pos + len(word) :]
    return out
