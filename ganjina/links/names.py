"""Names across scripts, for the translation signals: ``Helen Marsh`` = ``هلن مارش``.

A translator writes the original's people and places in the translation's script, so a
name is compared by a *cross-script key*: the same string whichever script it is written
in. This module is the small interface the scorer uses (:func:`name_key`,
:func:`name_skeleton`, :func:`same_name`); behind it stands

* the cross-script name table of the text layer (``ganjina.text.names``: a gazetteer of
  Afghan places and name parts, and romanisation rules), when that module is present:
  a name the table knows is keyed by its entry, so ``Mazar-i-Sharif`` = ``مزار شریف``
  = ``Mazar-e Sharif`` even where the consonants differ;
* otherwise, and for every name the table does not know, a consonant skeleton: vowels
  (and the letters that write them, ا و ی ې ۍ ع, h and ه, w and y) dropped, digraphs and
  letters mapped to one class per sound. Arabic script writes few vowels, so the
  skeleton is what both spellings share (``Mwangi`` = ``موانگی`` = ``mwng``).

The skeleton is deliberately coarse: it is one signal among many, weighed by how many
names agree, never a decision by itself.
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from ganjina.text import search_key

# Consonant skeletons: what a name keeps when written in the other script.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("sch", "S"), ("sh", "S"), ("ch", "C"), ("kh", "X"), ("gh", "G"), ("zh", "J"),
    ("th", "t"), ("ph", "f"), ("ck", "k"), ("dh", "d"), ("dsch", "j"), ("tsch", "C"),
    ("dt", "t"),
)  # fmt: skip
# Classes, not letters: k g q (ک گ ګ ق) are one, s and z (German ``Sommer`` is زومر) are
# one, and f v w are dropped with ف and و (``Vogel`` = فوگل, ``David`` = ډیویډ), because
# translators disagree exactly there.
_LATIN_SOUNDS = dict(zip("bcdgjklmnpqrstxz", "bkdkjklmnpkrstXs", strict=True))
_ARABIC_SOUNDS = dict(
    zip(
        "بپتثجچخدذرزژسشصضطظغقکگلمنټډړږښګڼځڅك",
        "bptsjCXdsrsJsSsstsGkkklmntdrJSknssk",
        strict=True,
    )
)
_REPEAT = re.compile(r"(.)\1+")
#: a skeleton shorter than this matches too many words to say anything
MIN_SKELETON = 3


def _word_skeleton(word: str) -> str:
    if word.isascii():
        for digraph, sound in sorted(_DIGRAPHS, key=lambda d: -len(d[0])):
            word = word.replace(digraph, sound)
        sounds = "".join(_LATIN_SOUNDS.get(c, c if c in "SCXGJ" else "") for c in word)
    else:
        sounds = "".join(_ARABIC_SOUNDS.get(c, "") for c in word)
    return _REPEAT.sub(r"\1", sounds)


def name_skeleton(name: str) -> str:
    """The consonant skeleton of a name, the same in Latin and Arabic script.

    >>> name_skeleton("Martin Hale"), name_skeleton("مارتین هیل")
    ('mrtn l', 'mrtn l')
    >>> name_skeleton("Ulrike Sommer") == name_skeleton("اولریکه زومر")
    True
    """
    words = (_word_skeleton(w) for w in search_key(name).replace("-", " ").split())
    return " ".join(w for w in words if w)


def _text_names() -> Callable[[str], Any] | None:
    """``ganjina.text.names.lookup`` when the text layer has its name table."""
    try:
        module = importlib.import_module("ganjina.text.names")
    except ImportError:
        return None
    lookup = getattr(module, "lookup", None)
    return lookup if callable(lookup) else None


_LOOKUP = _text_names()


def table_present() -> bool:
    """Whether the text layer's cross-script name table is behind :func:`name_key`."""
    return _LOOKUP is not None


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str | None:
    """The cross-script key of one word of a name, or None when it is too short to tell
    anything: the name table's entry when it knows the word, else its skeleton.

    >>> name_key("Mwangi") == name_key("موانگی")
    True
    """
    if _LOOKUP is not None:
        try:  # the table's entry names the place or name in Latin letters
            entry = _LOOKUP(word)
            if entry is not None:
                return "=" + search_key(str(entry.latin[0]))
        except (AttributeError, IndexError, TypeError, ValueError):
            pass  # an entry of another shape: the skeleton still keys the word
    skeleton = _word_skeleton(search_key(word).replace(" ", ""))
    return skeleton if len(skeleton) >= MIN_SKELETON else None


def name_keys(words: Iterable[str]) -> set[str]:
    """The cross-script keys of ``words`` (those long enough to tell anything)."""
    return {k for k in map(name_key, words) if k is not None}


def same_name(a: str, b: str, ratio: float = 0.8) -> bool:
    """Whether two spellings, in any scripts, may write the same name: their skeletons,
    run together, alike by ``ratio`` or more (``Mazar-i-Sharif`` = ``مزار شریف``).

    >>> same_name("David Mwangi", "ډیویډ موانگی"), same_name("Helen Marsh", "Clara Benning")
    (True, False)
    """
    sa, sb = name_skeleton(a).replace(" ", ""), name_skeleton(b).replace(" ", "")
    if not sa or not sb:
        return False
    return sa == sb or difflib.SequenceMatcher(None, sa, sb).ratio() >= ratio
