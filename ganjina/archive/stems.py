"""The ``forms`` field of an index document: the stem of every term, fast.

``forms_of`` maps the index terms of a record (``terms.keyed``: whole words, then the
parts of ZWNJ words, title then body) to their stems in the record's language, one stem
per term, so the positions of the ``forms`` field line up with the terms and a word-form
phrase (``~"flooded villages"``) still means adjacent words. A German record's compounds
add the stems of their parts after all of that (``Trinkwasserversorgung`` also indexes
``wass`` and ``versorg``), as the ZWNJ parts do in ``body``.

The cost is a dictionary hit per chunk of text (``termmap.py``): one memo per language
learns each distinct chunk and term once.
"""

from __future__ import annotations

from ganjina.archive.termmap import TermMap
from ganjina.archive.terms import Keyed, keyed
from ganjina.text.forms import compound_parts, family, stemmer_for

#: family -> the stem of each term; and the stems of German compounds' parts
_STEMS: dict[str, TermMap] = {}
_COMPOUNDS: dict[str, TermMap] = {}


def _stems(fam: str) -> TermMap:
    found = _STEMS.get(fam)
    if found is None:
        found = _STEMS[fam] = TermMap(stemmer_for(fam))
    return found


def _compounds(fam: str) -> TermMap:
    found = _COMPOUNDS.get(fam)
    if found is None:

        def parts(term: str) -> str:
            return " ".join(compound_parts(term, fam))

        found = _COMPOUNDS[fam] = TermMap(parts)
    return found


def forms_of(texts: tuple[Keyed, ...], language: str | None) -> str:
    """The stems of the index terms of ``texts`` in ``language`` ("" without a stemmer)."""
    fam = family(language)
    if fam is None:
        return ""
    joined = _stems(fam).of(*texts)
    if fam == "de" and joined:
        parts = _compounds(fam).of(*texts)
        if parts:
            return f"{joined} {parts}"
    return joined


def forms_text(text: str, language: str | None) -> str:
    """The stems of the index terms of one text in ``language``.

    >>> forms_text("aid reached the flooded villages", "en")
    'aid reach the flood villag'
    """
    return forms_of((keyed(text),), language)
