"""A line of two scripts: each model's runs where it is the surer one, words put in order
by where their letters stand, and the line's direction from where it starts (words built
here with the boxes and confidences Tesseract gives; the real reading is in
``test_ocr_rows.py``)."""

from __future__ import annotations

import numpy as np

from ganjina.read.ocr_lines import OcrWord, _line_text, _right_to_left
from ganjina.read.ocr_mixed import merge_other_script
from ganjina.read.ocr_punctuation import semicolons_from_ink


def _word(text: str, x0: int, x1: int, confidence: float) -> OcrWord:
    return OcrWord(text, (x0, 10, x1, 30), confidence, 1, (0, 10, 900, 30), None)


def _texts(words: list[OcrWord]) -> list[str]:
    return [w.text for w in words]


# a Dari source line: its label and date in Arabic script, the outlet's name in Latin
# letters, which the Persian model read as digits
PAGE_READING = [
    _word("402117", 100, 160, 0.8),
    _word("3308112", 166, 230, 0.5),
    _word("۱۲.۰۹.۲۰۲۳", 240, 340, 0.85),
    _word("منبع:", 350, 400, 0.9),
]


def test_the_other_scripts_run_replaces_the_words_under_it() -> None:
    latin = [
        _word("Kabul", 100, 160, 0.95),
        _word("Monitor", 166, 230, 0.6),
        _word("V.+d", 240, 340, 0.2),
        _word("io", 350, 400, 0.7),
    ]
    merged = merge_other_script(PAGE_READING, latin, "latin")
    assert _texts(merged) == ["Kabul", "Monitor", "۱۲.۰۹.۲۰۲۳", "منبع:"]
    assert {w.line for w in merged} == {1}
    # and the line stays a right-to-left one, its Latin run in its own order; the date
    # after the name is drawn in the name's run, to its right (UAX #9, W7)
    assert _right_to_left(merged, "fa")
    assert _line_text(merged, True) == "منبع: Kabul Monitor ۱۲.۰۹.۲۰۲۳"


def test_a_run_the_other_model_is_not_surer_of_stays_as_the_page_read_it() -> None:
    unsure = [_word("Kabul", 100, 160, 0.72), _word("Monitor", 166, 230, 0.55)]
    assert _texts(merge_other_script(PAGE_READING, unsure, "latin")) == _texts(PAGE_READING)
    # a short run is as often the other model's guess at one word of the page's script
    short = [_word("io", 350, 400, 0.99)]
    low = [*PAGE_READING[:3], _word("منبع:", 350, 400, 0.3)]
    assert _texts(merge_other_script(low, short, "latin")) == _texts(low)


def test_a_word_given_the_whole_lines_box_stands_where_its_letters_are() -> None:
    # read as a raw line, the last word of a name got the line's box (and one glyph a box
    # as wide); its other glyphs stand at the left end, where the word is
    label = _word("لیکنه:", 105, 149, 0.9)
    label.symbols = [("ل", 143, 149), ("ی", 135, 144), ("ک", 128, 136), ("ن", 120, 129)]
    first = _word("سارا", 61, 95, 0.9)
    first.symbols = [("س", 87, 95), ("ا", 79, 88), ("ر", 69, 80), ("ا", 61, 70)]
    last = _word("کولینز", 8, 149, 0.9)
    last.symbols = [("ک", 32, 149), ("و", 35, 44), ("ل", 28, 36), ("ی", 23, 28), ("ن", 8, 31)]
    assert _line_text([label, first, last], True) == "لیکنه: سارا کولینز"


def test_a_latin_line_with_a_persian_word_is_left_to_right() -> None:
    words = [
        _word("Kabul", 100, 160, 0.9),
        _word("Times", 170, 230, 0.9),
        _word("کابل", 240, 280, 0.9),
    ]
    # on a Latin page the majority of letters decides; on a Dari page the rightmost word
    assert not _right_to_left(words, "en")
    words = [
        _word("کابل", 100, 140, 0.9),
        _word("Kabul", 150, 210, 0.9),
        _word("Times", 220, 280, 0.9),
    ]
    assert not _right_to_left(words, "fa")


def _mark_page(dot_rows: tuple[int, int] | None) -> np.ndarray:
    """A line of ink 40 px tall with one mark at x 50-55, rows 12-20 (a comma's size at
    200 dpi), and a dot under it at ``dot_rows`` when given."""
    mask = np.zeros((40, 100), dtype=bool)
    mask[12:21, 50:56] = True
    if dot_rows:
        mask[dot_rows[0] : dot_rows[1] + 1, 52:55] = True
    return mask


def _letters(text: str) -> list[tuple[str, int, int]]:
    """Symbols for a word's letters, each 5 px wide, right of the mark."""
    return [(ch, 60 + 5 * i, 64 + 5 * i) for i, ch in enumerate(text)]


def _read_mark(word: str, marks: list[tuple[str, int, int]]) -> OcrWord:
    symbols = [*_letters(word), *marks]
    read = OcrWord("".join(s[0] for s in symbols), (40, 0, 90, 40), 0.9, 1, (0, 0, 100, 40))
    read.symbols = symbols
    return read


def test_a_comma_with_a_dot_under_it_is_a_semicolon() -> None:
    # the models read both marks "»": the ink's dot under it tells "؛" from "،"
    semicolon = _read_mark("دارند", [("»", 50, 55)])
    semicolons_from_ink([semicolon], _mark_page((23, 24)))
    assert semicolon.text == "دارند؛"
    comma = _read_mark("دارند", [("»", 50, 55)])
    semicolons_from_ink([comma], _mark_page(None))
    assert comma.text == "دارند»"  # left for restore_commas
    # a single stray row further down is no dot
    stray = _read_mark("دارند", [("»", 50, 55)])
    semicolons_from_ink([stray], _mark_page((27, 27)))
    assert stray.text == "دارند»"


def test_a_semicolon_read_twice_is_one() -> None:
    twice = _read_mark("بروند", [("؛", 50, 55), ("»", 50, 54)])
    semicolons_from_ink([twice], _mark_page((23, 24)))
    assert twice.text == "بروند؛"
