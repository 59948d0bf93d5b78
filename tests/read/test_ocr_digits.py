"""Numbers on Arabic-script scans read glyph by glyph, month names snapped, weak lines
read again; with the real Tesseract on lines drawn here in Amiri (the house font)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ganjina.read.ocr import glyph_reader, row_reader, snap_month_names
from ganjina.read.ocr_digits import _Glyph, _loop_digit, _own_box, is_number, reread_numbers
from ganjina.read.ocr_lines import OcrWord
from ganjina.read.ocr_rows import _read_weak_lines

FONT = Path(importlib.import_module("fontpkg_amiri").ROOT) / "files" / "Amiri-Regular.ttf"
SERIF = (
    Path(importlib.import_module("fontpkg_noto_serif").ROOT) / "files" / "NotoSerif[wdth,wght].ttf"
)


def _drawn(text: str, size: int = 34, font: Path = FONT) -> tuple[Image.Image, tuple[int, ...]]:
    """``text`` drawn left to right (digits need no shaping) on white, and its ink box."""
    face = ImageFont.truetype(str(font), size)
    img = Image.new("L", (40 + 30 * len(text), 3 * size), 255)
    draw = ImageDraw.Draw(img)
    draw.text((20, size // 2), text, font=face, fill=0)
    box = Image.eval(img, lambda v: 255 - v).getbbox()
    assert box
    return img, box


def _word(text: str, box: tuple[int, ...], confidence: float = 0.9) -> OcrWord:
    x0, y0, x1, y1 = box
    return OcrWord(text, (x0, y0, x1, y1), confidence, 1, (x0, y0, x1, y1), row_height=y1 - y0)


def test_number_words() -> None:
    for text in ("۱۴۰۱", "۱5/۳", "۰۲.۰۸", "۵ا", "12.3"):
        assert is_number(text), text
    for text in ("حمل", "کابل۲", "ANY", "+,", "۱۲کیلو"):
        assert not is_number(text), text


@pytest.mark.parametrize("date", ["۰۲.۰۸.۲۰۲۳", "۱۴.۰۹.۲۰۲۳", "۱۸.۱۰.۲۰۲۳", "۲۱.۰۶.۱۴۰۳"])
def test_a_date_is_read_glyph_by_glyph(date: str) -> None:
    """The full stop and the zero are both a dot in Amiri; where the dot stands says which."""
    img, box = _drawn(date)
    misread = _word("۱5/۳", box, 0.3)  # what the Persian model makes of such a line
    (word,) = reread_numbers([misread], img, 1.0, glyph_reader("fas"))
    assert word.text == date
    assert [s[0] for s in word.symbols] == list(date)


def test_a_lost_digit_is_found_beside_the_number() -> None:
    """Tesseract read only the ۰ of ``۱۰``; the ۱ stands beside it, under no word."""
    img, (x0, y0, x1, y1) = _drawn("۱۰")
    half = _word("۰", ((x0 + x1) // 2 + 1, y0, x1, y1))
    (word,) = reread_numbers([half], img, 1.0, glyph_reader("fas"))
    assert word.text == "۱۰"


def test_a_weak_line_of_junk_is_kept_only_when_it_reads_as_a_date() -> None:
    img, box = _drawn("۱۲.۰۵.۲۰۲۳")
    (word,) = reread_numbers([_word("ANY", box, 0.3)], img, 1.0, glyph_reader("Arabic"))
    assert word.text == "۱۲.۰۵.۲۰۲۳"
    # a confident Latin word is never read as digits, and junk that is no date stays
    assert (
        reread_numbers([_word("ANY", box, 0.9)], img, 1.0, glyph_reader("Arabic"))[0].text == "ANY"
    )
    img, box = _drawn("۴۴۴۴۴")
    assert reread_numbers([_word("ANY", box, 0.3)], img, 1.0, glyph_reader("fas"))[0].text == "ANY"


def test_a_confident_line_of_digits_and_junk_is_read_as_a_date() -> None:
    """tessdata_best's Persian model read a ``۱۲.۰۵.۲۰۲۳`` as ``۱۳(`` with confidence 0.62:
    digits mixed with a sign no number has make the line worth reading glyph by glyph."""
    img, box = _drawn("۱۲.۰۵.۲۰۲۳")
    (word,) = reread_numbers([_word("۱۳(", box, 0.62)], img, 1.0, glyph_reader("fas"))
    assert word.text == "۱۲.۰۵.۲۰۲۳"
    # digits and junk that read as no date stay as read
    img, box = _drawn("۴۴۴۴۴")
    assert reread_numbers([_word("۴۴(", box, 0.62)], img, 1.0, glyph_reader("fas"))[0].text == (
        "۴۴("
    )


def test_loop_digits_are_told_apart_by_their_stem() -> None:
    for digit in ("۵", "۹"):
        img, (x0, y0, x1, y1) = _drawn(digit, 48)
        assert _loop_digit(img, _Glyph(x0, x1, y0, y1)) == digit


def test_letters_beside_a_number_stay_letters() -> None:
    img, (x0, y0, x1, y1) = _drawn("۱۲ AB", 34, SERIF)
    face = ImageFont.truetype(str(SERIF), 34)
    split = x0 + int(face.getlength("۱۲ "))
    words = [_word("AB", (split, y0, x1, y1)), _word("۱۲", (x0, y0, split - 8, y1))]
    out = reread_numbers(words, img, 1.0, glyph_reader("fas"))
    assert out[0].text == "AB"


def test_month_names_between_day_and_year_are_snapped() -> None:
    assert snap_month_names("۱۰ حل ۱۴۰۱") == "۱۰ حمل ۱۴۰۱"
    assert snap_month_names("۲۲ ثو ۱۴۰۲ ـ ۱۲.۰۵.۲۰۲۳") == "۲۲ ثور ۱۴۰۲ ـ ۱۲.۰۵.۲۰۲۳"
    assert snap_month_names("۵ چنګاز ۱۴۰۲") == "۵ چنګاښ ۱۴۰۲"
    # a known name stays; a word like two names equally stays; body words stay
    for text in ("۲۳ سرطان ۱۴۰۳", "۱۵ ور ۱۴۰۲", "در ۱۰ روز ۱۴۰۰ نفر", "سال ۱۴ هزار ۲۰۲۳"):
        assert snap_month_names(text) == text


def test_a_weak_line_is_read_again_alone() -> None:
    face = ImageFont.truetype(str(SERIF), 30)
    img = Image.new("L", (700, 120), 255)
    ImageDraw.Draw(img).text((20, 40), "Flood relief reaches Kabul", font=face, fill=0)
    box = Image.eval(img, lambda v: 255 - v).getbbox()
    assert box
    weak = [_word("F1o0d re1", box, 0.2)]
    (again,) = _read_weak_lines(img, [weak], row_reader(img, "eng"))
    assert " ".join(w.text for w in again) == "Flood relief reaches Kabul"
    sure = [_word("Flood", box, 0.95)]
    assert _read_weak_lines(img, [sure], row_reader(img, "eng")) == [sure]


def _stretched_date(label_at: tuple[int, int] | None) -> tuple[OcrWord, list[OcrWord]]:
    """A date whose last digit Tesseract gave a box 150 px wide (the word's box with it),
    and, when ``label_at`` is given, a word of letters under that stretch."""
    date = OcrWord("۱۷.۱۰", (500, 10, 780, 30), 0.6, 1, (500, 10, 780, 30))
    date.symbols = [("۱", 500, 505), ("۷", 510, 518), (".", 521, 524), ("۱", 530, 534)]
    date.symbols.append(("۰", 540, 780))
    line = [date]
    if label_at:
        line.insert(0, OcrWord("سرچینه:", (*label_at[:1], 10, label_at[1], 30), 0.7, 1, date.box))
    return date, line


def test_a_number_stretched_over_letters_is_cut_to_its_glyphs() -> None:
    # the glyphs of the number are then looked for under the number, not under the label
    date, line = _stretched_date((700, 760))
    assert _own_box(date, line) == (500, 10, 534, 30)
    # a stretch over nothing but the number is where its lost digits are: kept
    date, line = _stretched_date(None)
    assert _own_box(date, line) == date.box
