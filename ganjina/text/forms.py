"""Word forms: the stem a search-key term shares with its inflected forms.

One entry point per side of the search, both on search keys (``keys.tokenize_key``):

* :func:`stem` — the stem of a term in a document's language (``flooded`` → ``flood``
  in English, ``کتابها`` → ``کتاب`` in Dari, ``کورونه`` → ``کور`` in Pashto);
* :func:`query_stems` — the stems a query term may have, when the query's language is
  unknown: every stemmer of the term's script (English and German for Latin letters,
  Dari and Pashto for Arabic script);
* :func:`compound_parts` — the stems of a German compound's parts.

English and German use Snowball (PyStemmer, the C build of the Snowball algorithms);
``bench/stemmers.py`` measured it against Tantivy's built-in stemmer. Dari and Pashto use
the light stemmers of ``persian_stem.py`` and ``pashto_stem.py``, written for this project
and measured against hazm in ``tests/text/test_stemmers.py``.

    >>> stem("flooded", "en"), stem("villages", "en"), stem("کتابها", "fa-AF")
    ('flood', 'villag', 'کتاب')
    >>> sorted(query_stems("hauser"))  # the key of Häuser
    ['haus', 'hauser']
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import Stemmer

from ganjina.text.compounds import split_compound
from ganjina.text.pashto_stem import stem_pashto
from ganjina.text.persian_stem import stem_dari

__all__ = ["compound_parts", "families_of", "family", "query_stems", "stem", "stemmer_for"]

_SNOWBALL = {"en": "english", "de": "german"}
#: the stemmer families a query term may need, by script
_LATIN_FAMILIES = ("en", "de")
_ARABIC_FAMILIES = ("fa", "ps")


def family(language: str | None) -> str | None:
    """The stemmer family of a language tag: ``en``, ``de``, ``fa`` (Dari, Persian) or
    ``ps``; None for a language Ganjina has no stemmer for."""
    if not language:
        return None
    base = language.lower().replace("_", "-").split("-")[0]
    if base in ("en", "de", "ps"):
        return base
    if base in ("fa", "prs", "per"):
        return "fa"
    return None


@lru_cache(maxsize=4)
def _snowball(name: str) -> Callable[[str], str]:
    stem: Callable[[str], str] = Stemmer.Stemmer(name, 0).stemWord  # no cache: ours is faster
    return stem


def stemmer_for(fam: str) -> Callable[[str], str]:
    """The stem function of a family (``family()``)."""
    if fam in _SNOWBALL:
        snowball = _snowball(_SNOWBALL[fam])

        def latin(term: str) -> str:
            # a Dari name inside an English text is no English word: leave it whole
            return snowball(term) if term.isascii() else term

        return latin
    if fam == "fa":
        return stem_dari
    if fam == "ps":
        return stem_pashto
    raise ValueError(f"no stemmer for {fam!r}")


def stem(term: str, language: str | None) -> str:
    """The stem of a search-key term in ``language`` (the term itself without a stemmer)."""
    fam = family(language)
    return stemmer_for(fam)(term) if fam else term


def families_of(term: str) -> tuple[str, ...]:
    """The stemmer families a term of unknown language may belong to, by its script."""
    return _LATIN_FAMILIES if term.isascii() else _ARABIC_FAMILIES


def query_stems(term: str) -> set[str]:
    """The stems of a query term under every stemmer of its script, itself included."""
    return {term, *(stemmer_for(f)(term) for f in families_of(term))}


def compound_parts(term: str, language: str | None) -> tuple[str, ...]:
    """The stems of the parts of a German compound (empty for anything else)."""
    if family(language) != "de":
        return ()
    parts = split_compound(term)
    if not parts:
        return ()
    german = stemmer_for("de")
    return tuple(german(p) for p in parts)
