"""The dots a word's ink shows against the dots its reading's letters need (pictures drawn
here: letter bodies as bars on a baseline, dots as small squares; the real reading is in
``test_ocr_rows.py``)."""

from __future__ import annotations

import time

import numpy as np
from PIL import Image

from ganjina.read.ocr_dots import agrees, countable, distance, likeliest, needed, seen
from ganjina.read.ocr_lines import OcrWord

ZWNJ = "\u200c"


def test_a_reading_asks_for_the_dots_of_its_letters() -> None:
    assert needed("کاب") == ((0, 0), (1, 1))  # ب's dot below, nothing above
    assert needed("کتاب") == ((1, 2), (1, 1))  # ت's two dots: one piece or two
    # the dots of neighbouring letters may touch: a run of them is at least one piece
    assert needed("تن") == ((1, 3), (0, 0))
    # ی has its dots where it joins the next letter only
    assert needed("یک") == ((0, 0), (1, 2))
    assert needed("کی") == ((0, 0), (0, 0))
    assert needed(f"می{ZWNJ}رود") == ((0, 0), (0, 0))
    assert needed("سال ۱۴۰۲") is None  # digits: the glyph reader's
    assert likeliest("کتابفروشی") == (3, 1) and likeliest("کابفروشی") == (2, 1)


def test_the_reading_whose_dots_the_ink_has_agrees() -> None:
    # the Persian model's کاب where the ink shows the two dots of the lost ت
    assert not agrees("کاب", (1, 1))
    assert agrees("کتاب", (1, 1))
    assert distance("کتابفروشی", (3, 1)) == 0 and distance("کابفروشی", (3, 1)) == 1
    assert not agrees("سال ۱۴۰۲", (0, 0))


ROW = 60  # pixels from ascender to descender, as Tesseract's row height
BASE = 80  # the baseline's row in the picture


def _page(dots: list[tuple[int, int]]) -> Image.Image:
    """A line of two words' letter bodies (bars standing on the baseline), with small
    square dots at (x, y)."""
    ink = np.full((140, 400), 255, dtype=np.uint8)
    ink[BASE - 4 : BASE, 40:180] = 0  # the first word's joining stroke
    ink[BASE - 40 : BASE, 60:66] = 0  # an upright
    ink[BASE - 4 : BASE, 220:360] = 0  # the second word
    for x, y in dots:
        ink[y - 3 : y + 3, x - 3 : x + 3] = 0
    return Image.fromarray(ink)


def _word(text: str, x0: int, x1: int, size: int = 1) -> OcrWord:
    """A word of the line, its boxes in pixels ``size`` times smaller than the page's."""
    return OcrWord(
        text,
        (x0 // size, 30 // size, x1 // size, 100 // size),
        0.5,
        1,
        (40 // size, 30 // size, 360 // size, 100 // size),
        ((40 // size, BASE // size), (360 // size, BASE // size)),
        ROW / size,
    )


def test_dots_above_and_below_are_counted_for_the_word_they_stand_by() -> None:
    # two dots over the first word, one under it; one under the second word, just past
    # the end of its box (a box may miss a first letter by a few pixels)
    page = _page([(100, BASE - 30), (140, BASE - 28), (120, BASE + 12), (365, BASE + 10)])
    line = [_word("a", 40, 180), _word("b", 220, 358)]
    assert seen(page, 1.0, line) == [(2, 1), (0, 1)]
    # at half the size the words' boxes are in, the same ink is measured
    half = [_word("a", 40, 180, size=2), _word("b", 220, 358, size=2)]
    assert seen(page, 2.0, half) == [(2, 1), (0, 1)]
    # a full stop stands on the baseline: neither above nor below
    assert seen(_page([(200, BASE - 3)]), 1.0, line) == [(0, 0), (0, 0)]
    # and the stroke that joins the letters is the baseline, not Tesseract's line
    line[0].baseline = line[1].baseline = ((40, BASE - 12), (360, BASE - 12))
    assert seen(page, 1.0, line) == [(2, 1), (0, 1)]


def test_a_line_without_a_baseline_is_not_measured() -> None:
    word = _word("a", 40, 180)
    word.baseline = None
    assert seen(_page([]), 1.0, [word]) == [None]


def test_the_dots_are_evidence_only_on_a_page_whose_reading_mostly_agrees_with_them() -> None:
    page = _page([(100, BASE - 30), (140, BASE - 28), (120, BASE + 12), (365, BASE + 10)])

    def lines(first: str, second: str) -> list[OcrWord]:
        words = []
        for number in range(20):
            for word in (_word(first, 40, 180), _word(second, 220, 358)):
                word.line = number
                words.append(word)
        return words

    assert countable(page, 1.0, lines("تب", "ب"))  # two dots above and one below; one below
    assert not countable(page, 1.0, lines("کا", "ک"))  # dots where its letters have none
    assert not countable(page, 1.0, lines("تب", "ب")[:20])  # too few words to tell


def _flood(ink: np.ndarray) -> list[tuple[int, int, int, int, int]]:
    """The pieces of a picture found pixel by pixel (8-neighbours): what ``_pieces`` finds
    by its runs."""
    height, width = ink.shape
    seen_at = np.zeros(ink.shape, dtype=bool)
    pieces = []
    for y, x in zip(*np.nonzero(ink), strict=True):
        if seen_at[y, x]:
            continue
        seen_at[y, x] = True
        stack, ys, xs = [(y, x)], [], []
        while stack:
            a, b = stack.pop()
            ys.append(a)
            xs.append(b)
            for c in (a - 1, a, a + 1):
                for d in (b - 1, b, b + 1):
                    if 0 <= c < height and 0 <= d < width and ink[c, d] and not seen_at[c, d]:
                        seen_at[c, d] = True
                        stack.append((c, d))
        pieces.append((min(ys), max(ys), min(xs), max(xs), len(ys)))
    return sorted(pieces)


def test_the_pieces_of_ink_are_found_in_linear_time() -> None:
    from ganjina.read.ocr_dots import _pieces

    rng = np.random.default_rng(7)
    for density in (0.1, 0.3, 0.5):
        ink = rng.random((30, 40)) < density
        assert sorted(_pieces(ink)) == _flood(ink)
    # a checkerboard: every pixel a run of its own, each touching two runs above it
    # (the first version, quadratic in the runs of two rows, took about a minute here)
    board = np.indices((200, 3000)).sum(axis=0) % 2 == 0
    started = time.monotonic()
    assert len(_pieces(board)) == 1
    assert time.monotonic() - started < 10
