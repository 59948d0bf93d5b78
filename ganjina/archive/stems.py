"""The ``forms`` field of an index document: the stem of every term, fast.

``forms_text`` maps the index terms of a record (``terms.terms``: whole words, then the
parts of ZWNJ words) to their stems in the record's language, one stem per term, so the
positions of the ``forms`` field line up with the terms and a word-form phrase
(``~"flooded villages"``) still means adjacent words. A German record's compounds add
the stems of their parts after all of that (``Trinkwasserversorgung`` also indexes
``wass`` and ``versorg``), as the ZWNJ parts do in ``body``.

As in ``terms.py`` the cost is a dictionary hit per term: a memo per language learns each
distinct term once (news vocabulary repeats), and the loop runs in C (``map``, ``join``).
"""

from __future__ import annotations

from collections.abc import Callable

from ganjina.text.forms import compound_parts, family, stemmer_for

#: family -> term -> its stem; and family -> term -> its compound parts ("" if none)
_STEMS: dict[str, dict[str, str]] = {}
_PARTS: dict[str, dict[str, str]] = {}
#: a bound on memory, as in terms.py: past it a memo starts again
MEMO_MAX = 500_000


def _learner(fam: str) -> Callable[[str], str]:
    stems = _STEMS.setdefault(fam, {})
    stem = stemmer_for(fam)

    def learn(term: str) -> str:
        if len(stems) >= MEMO_MAX:
            stems.clear()
        found = stems[term] = stem(term)
        return found

    return learn


def _parts(fam: str, words: list[str]) -> str:
    memo = _PARTS.setdefault(fam, {})
    if len(memo) >= MEMO_MAX:
        memo.clear()
    out = []
    for word in words:
        found = memo.get(word)
        if found is None:
            found = memo[word] = " ".join(compound_parts(word, fam))
        if found:
            out.append(found)
    return " ".join(out)


def forms_text(terms_text: str, language: str | None) -> str:
    """The stems of space-separated index terms in ``language`` ("" without a stemmer).

    >>> forms_text("aid reached the flooded villages", "en")
    'aid reach the flood villag'
    """
    fam = family(language)
    if fam is None or not terms_text:
        return ""
    words = terms_text.split()
    memo = _STEMS.get(fam) or {}
    stems = list(map(memo.get, words))
    if None in stems:
        learn = _learner(fam)
        stems = [s if s is not None else learn(w) for s, w in zip(stems, words, strict=True)]
    joined = " ".join(stems)  # type: ignore[arg-type]  # every None was learned above
    if fam == "de":
        parts = _parts(fam, words)
        if parts:
            return f"{joined} {parts}"
    return joined
