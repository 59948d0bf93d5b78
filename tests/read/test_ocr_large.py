"""Lines set far larger than the body, read again at the body's size (``ocr_large``), and
the section label that decides a scan's language only as a line of its own; with the
real Tesseract on a page drawn here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from ganjina.read.ocr import OcrOptions, OcrReader, _read_line, _recognise
from ganjina.read.ocr_large import LARGE_ROW, body_row, reread_large_lines
from ganjina.read.ocr_lines import OcrWord
from ganjina.read.ocr_rows import _lines

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TITLE = "Wells dug again"
BODY = [
    "The valley's old wells were dug again this spring",
    "by the villagers themselves, with tools lent by",
    "the district office and a pump from the town.",
    "Water came back to the fields in the second week.",
    "Children carried it home in cans before school,",
    "and the orchards were watered twice by summer.",
]


def _text(group: list[OcrWord]) -> str:
    return " ".join(w.text for w in group)


@pytest.fixture(scope="module")
def page() -> tuple[Any, list[OcrWord]]:
    # fonts-dejavu is installed by .ci/run (the variation corpus uses it too): its absence
    # is a broken install, not a reason to pass
    assert FONT.is_file(), f"{FONT} missing: apt-get install fonts-dejavu"
    img = Image.new("L", (1100, 640), 255)
    draw = ImageDraw.Draw(img)
    draw.text((60, 40), TITLE, font=ImageFont.truetype(str(FONT), 54), fill=0)
    body = ImageFont.truetype(str(FONT), 22)
    for i, line in enumerate(BODY):
        draw.text((60, 160 + 36 * i), line, font=body, fill=0)
    return img, list(_recognise(img, "eng"))


def test_the_title_is_a_large_line_and_the_body_is_not(page: tuple[Any, list[OcrWord]]) -> None:
    _img, words = page
    groups = _lines(words)
    body = body_row(groups)
    assert body > 0
    title = [g for g in groups if "Wells" in _text(g)]
    assert title and max(w.row_height for w in title[0]) >= LARGE_ROW * body
    rows = [max(w.row_height for w in g) for g in groups if "Wells" not in _text(g)]
    assert rows and all(r < LARGE_ROW * body for r in rows)


def test_a_badly_read_large_line_is_read_again_in_its_place(
    page: tuple[Any, list[OcrWord]],
) -> None:
    img, words = page
    groups = _lines(words)
    first = groups[0]
    assert "Wells" in _text(first)
    row = max(w.row_height for w in first)
    # the page reading garbled the title (as it does on the Dari scans at reading size)
    garbled = [
        OcrWord("W@lls", w.box, 0.3, w.line, w.line_box, w.baseline, w.row_height) for w in first
    ]
    mended = reread_large_lines(
        img, [*garbled, *(w for g in groups[1:] for w in g)], ("eng",), _read_line
    )
    again = _lines(mended)
    assert _text(again[0]) == TITLE
    # in the page's pixels, inside the line's own box, the size of the type kept
    x0 = min(w.line_box[0] for w in first) - 12
    x1 = max(w.line_box[2] for w in first) + 12
    y0 = min(w.line_box[1] for w in first) - 12
    y1 = max(w.line_box[3] for w in first) + 12
    for w in again[0]:
        assert x0 <= w.box[0] < w.box[2] <= x1 and y0 <= w.box[1] < w.box[3] <= y1
        assert w.row_height == row and w.line == first[0].line
    # the body lines are the page reading's, untouched
    assert [_text(g) for g in again[1:]] == [_text(g) for g in groups[1:]]


def test_a_weak_reading_never_replaces_a_line(page: tuple[Any, list[OcrWord]]) -> None:
    img, words = page
    groups = _lines(words)

    def unsure(picture: Any, model: str) -> list[OcrWord]:
        # a reading a little more confident than the page's, but still unsure: the
        # line is another script's, for the second opinion, not this one
        return [OcrWord("xyz", (0, 0, 10, 10), 0.5, 1, (0, 0, 10, 10))]

    garbled = [
        OcrWord("W@lls", w.box, 0.3, w.line, w.line_box, w.baseline, w.row_height)
        for w in groups[0]
    ]
    rest = [w for g in groups[1:] for w in g]
    mended = reread_large_lines(img, [*garbled, *rest], ("eng",), unsure)
    assert _text(_lines(mended)[0]) == _text(garbled)


def _words(text: str, line: int) -> list[OcrWord]:
    return [OcrWord(t, (0, 0, 10, 10), 0.9, line, (0, 0, 10, 10)) for t in text.split(" ")]


def test_a_section_label_decides_the_language_only_as_a_line_of_its_own() -> None:
    reader = OcrReader(OcrOptions(section_languages=(("Dari", "fa-AF"), ("Pashto", "ps"))))
    # a German body that names the language in a sentence is German
    named = _words("Die Gedichte erscheinen auf Dari, Paschtu und Deutsch", 1)
    more = _words("in einer kleinen Hamburger Buchhandlung am Hafen", 2)
    assert reader._language_of([*named, *more], "en") == "de"
    # the label printed alone on its line announces the section's language
    assert reader._language_of([*_words("Pashto", 1), *more], "en") == "ps"
    assert reader._language_of([*_words("Dari", 3), *named], "en") == "fa"
