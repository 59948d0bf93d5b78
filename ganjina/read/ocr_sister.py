"""A weak word of a Dari or Pashto page read again by the script's other model.

The Persian and the Pashto models were trained on different fonts, and each knows
ligatures the other does not: a Naskh font that stacks ``ح`` under ``م`` gives the
Persian model ``مد`` for ``محمد`` at 0.37, and the Pashto model the whole name at 0.89.
Where the page's model is unsure of a word, its sister model reads the word's line again;
its word there replaces the page's when both models cut the line alike around it, the
sister is far surer of it, and it is a word of the page's language (the Pashto model's
letters that Dari does not write are refused on a Dari page; on a Pashto page a reading
that loses the word's Pashto letters is refused).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from typing import Any

from ganjina.read.ocr_lines import OcrWord, line_crop
from ganjina.read.ocr_mixed import lies_under

#: the other Arabic-script model each is checked by
SISTER_MODELS = {"fas": "pus", "pus": "fas", "Arabic": "fas"}
#: a word the page's model read with less confidence than this is read again ...
WEAK_WORD = 0.7
#: ... and replaced by the sister's reading when that is at least this confident ...
SURE_WORD = 0.8
#: ... and this much more than the page's model was
WORD_GAIN = 0.2
_PASHTO_ONLY = re.compile("[ټډړږښګڼځڅېۍ]")
_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")
_LETTERS = re.compile("[«(]?[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]{2}")
ZWNJ = "\u200c"
_LETTER_OR_MARK = re.compile("[\u0621-\u065f\u066e-\u06d3\u06fa-\u06ff\u200c]")


def acceptable(word: str, reading: str, page_model: str) -> bool:
    """Whether the sister's ``reading`` may stand for the page model's ``word``: both
    words of letters (numbers have their own glyph reader), the same joiners (a model
    that drops the author's ZWNJ must not take it out), and no letter of the other
    language won or lost."""
    if not _LETTERS.match(reading) or _DIGIT.search(reading) or _DIGIT.search(word):
        return False
    if reading.count(ZWNJ) != word.count(ZWNJ) or _marks(reading) != _marks(word):
        return False
    if len(_PASHTO_ONLY.findall(reading)) < len(_PASHTO_ONLY.findall(word)):
        return False  # whatever the page's model, a Pashto letter read is never lost
    return page_model != "fas" or not _PASHTO_ONLY.search(reading)


def _marks(text: str) -> str:
    """The word's punctuation, in order, the three the models mix up (``،`` read as ``»``,
    ``؛`` as ``»``) as one: a reading that drops a mark or reads it as a letter (``توانا»``
    as ``تواناء``) loses what the page shows."""
    return "".join("،" if ch in "»،؛" else ch for ch in text if not _LETTER_OR_MARK.match(ch))


def reread_weak_words(
    img: Any,
    words: list[OcrWord],
    model: str,
    read: Callable[[Any, str, tuple[int, int]], list[OcrWord]],
) -> list[OcrWord]:
    """``words`` with each weak Arabic-script word replaced by the sister model's reading
    of its line where that is far surer of the word (``read(picture, model, offset)``
    reads a picture as one line, in page pixels)."""
    sister = SISTER_MODELS.get(model)
    if sister is None:
        return words
    out: list[OcrWord] = []
    for _, group_iter in itertools.groupby(words, key=lambda w: w.line):
        group = list(group_iter)
        if not any(_weak(w) for w in group):
            out.extend(group)
            continue
        box = line_crop(img, group)
        again = [w for w in read(img.crop(box), sister, box[:2]) if w.text.strip()]
        for word in group:
            match = _one_to_one(word, group, again) if _weak(word) else None
            if (
                match is not None
                and match.confidence >= max(SURE_WORD, word.confidence + WORD_GAIN)
                and acceptable(word.text, match.text, model)
            ):
                out.append(_reread(word, match))
            else:
                out.append(word)
    return out


def _weak(word: OcrWord) -> bool:
    return word.confidence < WEAK_WORD and bool(_LETTERS.search(word.text))


def _one_to_one(word: OcrWord, line: list[OcrWord], again: list[OcrWord]) -> OcrWord | None:
    """The sister's word that stands where ``word`` stands and nowhere else: both models
    cut the line into words the same way there (a sister's word over two of the page's is
    a different cut, and no reading of one word)."""
    under = [w for w in again if lies_under(word, w)]
    if len(under) != 1:
        return None
    if [w for w in line if lies_under(w, under[0])] != [word]:
        return None
    return under[0]


def _reread(word: OcrWord, again: OcrWord) -> OcrWord:
    """The page's word (its box and line) with the sister's text, confidence and symbols."""
    return dataclasses.replace(
        word, text=again.text, confidence=again.confidence, symbols=list(again.symbols)
    )
