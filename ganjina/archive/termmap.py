"""Index fields derived term by term from a record's index terms, memoised per chunk.

The ``forms`` field (the stem of every term), the German compound parts and the loose
Pashto key are each one function of a term applied to every index term of a record, in
order. Done literally that is a split of the record's terms and a dictionary hit per
term. A :class:`TermMap` remembers the result for a whole *chunk* (``terms.py``: a run
of words keyed together, mostly one word with its punctuation), so a record whose text
was cut into chunks costs one dictionary hit per chunk in a C loop (``map``) and no
second split; a text keyed whole (no chunks) is mapped term by term. News
vocabulary repeats (Zipf), so almost every chunk is a hit; a miss is learned inside the
same C loop (``__missing__``) instead of sending the whole record through Python.
"""

from __future__ import annotations

from collections.abc import Callable

from ganjina.archive.terms import Keyed, chunk_terms

#: a bound on memory per map, as in terms.py: past it a memo starts again
MEMO_MAX = 500_000


class _Terms(dict[str, str]):
    """term -> its value, computed on a miss."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, term: str) -> str:
        value = self[term] = self.fn(term)
        return value


class _Chunks(dict[str, str]):
    """chunk -> the values of its whole-word terms; in ``parts``, chunk -> the values of
    its ZWNJ/affix parts (only chunks that have some). Both are filled together, on a
    miss, and replaced together (never cleared), so a record in flight sees them whole."""

    def __init__(self, terms: _Terms) -> None:
        super().__init__()
        self.terms = terms
        self.parts: dict[str, str] = {}

    def mapped(self, terms: list[str]) -> str:
        return " ".join(filter(None, map(self.terms.__getitem__, terms)))

    def __missing__(self, chunk: str) -> str:
        whole, parts = chunk_terms(chunk)
        if parts:
            mapped = self.mapped(parts.split())
            if mapped:
                self.parts[chunk] = mapped
        value = self[chunk] = self.mapped(whole.split()) if whole else ""
        return value


class TermMap:
    """``fn`` applied to every index term of a text, space-separated, values that are
    empty left out (``fn`` must depend on the term alone)."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        self.fn = fn
        self._chunks = _Chunks(_Terms(fn))

    def _memo(self) -> _Chunks:
        chunks = self._chunks
        if len(chunks) >= MEMO_MAX or len(chunks.terms) >= MEMO_MAX:
            chunks = self._chunks = _Chunks(_Terms(self.fn))
        return chunks

    def of(self, *texts: Keyed) -> str:
        """The values of the terms of ``texts`` in order (each text: whole-word terms,
        then parts, as ``Keyed.terms`` lists them)."""
        memo = self._memo()
        out = []
        for text in texts:
            if text.chunks is None:
                out.append(memo.mapped(text.words))
                continue
            out.append(" ".join(filter(None, map(memo.__getitem__, text.chunks))))
            if text.parted and memo.parts:
                out.append(" ".join(filter(None, map(memo.parts.get, text.chunks))))
        return " ".join(filter(None, out))
