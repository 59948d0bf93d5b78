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

from ganjina.read import ocr_dots
from ganjina.read.ocr_clean import fold_lookalikes
from ganjina.read.ocr_lines import OcrWord, box_around, line_crop, own_extent, same_place

#: the other Arabic-script model each is checked by
SISTER_MODELS = {"fas": "pus", "pus": "fas", "Arabic": "fas"}
#: a word the page's model read with less confidence than this is read again ...
WEAK_WORD = 0.7
#: ... and replaced by the sister's reading when that is at least this confident ...
SURE_WORD = 0.8
#: ... and this much more than the page's model was
WORD_GAIN = 0.2
#: on a line read again, any word's sister reading at least this sure whose dots agree
#: with the ink, where the page's reading's do not, replaces it (``ocr_dots``)
DOTS_SURE = 0.5
#: where both readings' dots are within what their letters allow, the nearer one to the
#: likeliest count is taken only when it is at most this much less sure
TIE_MARGIN = 0.1
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
    ink: ocr_dots.PageInk | None = None,
) -> list[OcrWord]:
    """``words`` with each weak Arabic-script word replaced by the sister model's reading
    of its line where that is far surer of the word, or where only the sister's reading
    has the dots the ink shows (``read(picture, model, offset)`` reads a picture as one
    line, in page pixels; ``ink``: the page's dots, None where they cannot be counted)."""
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
        out.extend(mend_line(group, [again], ink, model))
    return out


def mend_line(
    line: list[OcrWord],
    readings: list[list[OcrWord]],
    ink: ocr_dots.PageInk | None,
    model: str,
    *,
    sure_alone: bool = True,
) -> list[OcrWord]:
    """One line's words, each (or each run of words another reading reads as one word)
    replaced by the surest of the other ``readings``' words for it that ``_better``
    allows. ``ink``: the page's dots (None: they cannot be counted on this page,
    ``PageInk.countable``). ``sure_alone``: a far surer reading may be taken without the
    dots' word (not for a large line, whose readings at three sizes by three models are
    many chances of a sure wrong one)."""
    matches = [m for reading in readings for m in _matches(line, reading)]
    if not matches:
        return line
    dots: list[tuple[int, int] | None] = (
        list(ink.seen(line)) if ink is not None else [None] * len(line)
    )
    chosen: dict[int, tuple[int, OcrWord]] = {}  # first word → (words taken, reading)
    for first, count, match in matches:
        span = line[first : first + count]
        joined = _joined(span, match)
        if joined is None:
            continue
        if not _better(joined, match, _sum_ink(dots[first : first + count]), model, sure_alone):
            continue
        held = chosen.get(first)
        if held is None or match.confidence > held[1].confidence:
            chosen[first] = (count, match)
    out: list[OcrWord] = []
    i = 0
    while i < len(line):
        if i in chosen and all(j not in chosen for j in range(i + 1, i + chosen[i][0])):
            count, match = chosen[i]
            out.append(_reread(match, line[i : i + count]))
            i += count
        else:
            out.append(line[i])
            i += 1
    return out


def _matches(line: list[OcrWord], reading: list[OcrWord]) -> list[tuple[int, int, OcrWord]]:
    """(first, count, word): each word of ``reading`` that stands where a run of
    ``count`` neighbouring words of ``line`` stands, and where nothing else of the
    reading does: both readings cut the line alike around it, or the other reads as one
    word what the line has as several (``کابفروشی`` ``های`` / ``کتابفروشی‌های``)."""
    found: list[tuple[int, int, OcrWord]] = []
    for other in reading:
        under = [i for i, w in enumerate(line) if lies_under(w, other)]
        if not under or under != list(range(under[0], under[-1] + 1)):
            continue
        if all([r for r in reading if lies_under(line[i], r)] == [other] for i in under):
            found.append((under[0], len(under), other))
    return found


def lies_under(a: OcrWord, b: OcrWord) -> bool:
    """Whether two words of two readings of a line stand at the same place, by their
    glyphs' extents (a word Tesseract gave the line's box is where its glyphs are)."""
    return same_place(own_extent(a), own_extent(b))


def _sum_ink(dots: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    """The dots of a run of words, None if one of them was not measured."""
    counted = [d for d in dots if d is not None]
    if len(counted) < len(dots):
        return None
    return sum(above for above, _ in counted), sum(below for _, below in counted)


def _joined(span: list[OcrWord], match: OcrWord) -> OcrWord | None:
    """A run of the line's words as one word, to weigh against ``match``: their texts put
    together with a ZWNJ where the other reading has one in each gap the line took for a
    space (the least of their confidences); None where the other reading has no ZWNJ
    there (it would take out a space between words)."""
    if len(span) == 1:
        return span[0]
    texts = [w.text for w in span]
    if match.text.count(ZWNJ) - sum(t.count(ZWNJ) for t in texts) != len(span) - 1:
        return None
    return dataclasses.replace(
        span[0], text=ZWNJ.join(texts), confidence=min(w.confidence for w in span)
    )


def _better(
    word: OcrWord, match: OcrWord, ink: tuple[int, int] | None, model: str, sure_alone: bool
) -> bool:
    """Whether another reading of a word should stand for the page's: a word of the
    page's language, and far surer with dots no worse than the page's (``sure_alone``);
    or the one of the two whose dots agree with the ink."""
    if match.text == word.text or not acceptable(word.text, match.text, model):
        return False
    page_agrees = ink is not None and ocr_dots.agrees(word.text, ink)
    sister_agrees = ink is not None and ocr_dots.agrees(match.text, ink)
    if page_agrees and not sister_agrees:
        return False
    surer = match.confidence >= max(SURE_WORD, word.confidence + WORD_GAIN)
    if sure_alone and _weak(word) and surer:
        return True
    # by the dots alone, only a reading with a letter more: the models' fault mended here
    # is a letter lost in a ligature, and a letter whose dots the ink hid is no evidence
    more = _letters(match.text) > _letters(word.text)
    if not sister_agrees or match.confidence < DOTS_SURE or not more:
        return False
    if not page_agrees:
        return True
    # both within what their letters allow: the reading with a letter more (one the other
    # lost) when it only puts that letter back, is at most a little less sure, and is
    # nearer to the likeliest count (``کابفروشی`` and ``کتابفروشی`` both allow three
    # pieces above; only the second has three dotted letters there), or as near and
    # surer (``امدی`` / ``احمدی``: the ح that the byline's font stacks under م has no dots)
    assert ink is not None
    if match.confidence + TIE_MARGIN < word.confidence or not _inserted(word.text, match.text):
        return False
    ours, theirs = ocr_dots.distance(word.text, ink), ocr_dots.distance(match.text, ink)
    if ours is None or theirs is None:
        return False
    return theirs < ours or (theirs == ours and match.confidence > word.confidence)


def _inserted(word: str, reading: str) -> bool:
    """Whether ``reading`` is ``word`` with letters put in: every letter of ``word`` is in
    ``reading``, in order, compared as the clean-up will write them (``ة`` and ``ۀ`` as
    ``هٔ``, ``ي`` as ``ی``) and without marks."""
    rest = iter(_letter_key(reading))
    return all(ch in rest for ch in _letter_key(word))


def _letter_key(text: str) -> str:
    folded = fold_lookalikes(text, "fa")
    return "".join(ch for ch in folded if ch.isalpha())


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _weak(word: OcrWord) -> bool:
    return word.confidence < WEAK_WORD and bool(_LETTERS.search(word.text))


def _reread(again: OcrWord, span: list[OcrWord]) -> OcrWord:
    """The first of the line's words ``span`` (its line; the box around them all) with the
    other reading's text, confidence and symbols."""
    return dataclasses.replace(
        span[0],
        text=again.text,
        box=box_around(w.box for w in span),
        confidence=again.confidence,
        symbols=list(again.symbols),
    )
