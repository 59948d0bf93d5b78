"""A weak word of a Dari or Pashto page read again by the script's other model: which of
its readings may stand for the word (words built here with the boxes and confidences
Tesseract gives; the real reading is in ``test_ocr_rows.py``)."""

from __future__ import annotations

from typing import Any

from PIL import Image

from ganjina.read.ocr_lines import OcrWord
from ganjina.read.ocr_sister import acceptable, reread_weak_words

ZWNJ = "\u200c"


def _word(text: str, x0: int, x1: int, confidence: float) -> OcrWord:
    return OcrWord(text, (x0, 10, x1, 30), confidence, 1, (0, 10, 900, 30), None)


def test_a_dari_word_never_takes_a_pashto_letter() -> None:
    assert acceptable("مد", "محمد", "fas")
    assert not acceptable("مردی", "مرړدی", "fas")
    # on a Pashto page the Persian model's reading may not lose a Pashto letter, nor on
    # a page the script's model read (the real Pashto storybook: ښه read شه) ...
    assert not acceptable("ګډ", "گد", "pus")
    assert not acceptable("ښه", "شه", "Arabic")
    # ... but may stand for a word that has none
    assert acceptable("مد", "محمد", "pus")


def test_a_reading_that_changes_the_joiners_or_is_no_word_is_refused() -> None:
    assert not acceptable(f"رمان{ZWNJ}های", "رمانهای", "fas")  # the author's ZWNJ stays
    assert not acceptable("کاب", f"کت{ZWNJ}اب", "fas")  # and none is invented
    assert not acceptable("تام", "\u064cام", "fas")  # a mark is no word's start
    assert not acceptable("سال", "۱۲", "fas")  # numbers have their own glyph reader
    assert acceptable(f"کّاب{ZWNJ}ها", f"کتاب{ZWNJ}ها", "fas")
    assert acceptable("«کایی", "«کتابی", "fas")


def _reader(words: list[OcrWord]) -> Any:
    def read(picture: Any, model: str, offset: tuple[int, int]) -> list[OcrWord]:
        assert model == "pus" and offset[0] >= 0
        return words

    return read


PAGE = Image.new("L", (900, 60), 255)


def test_only_a_weak_word_cut_alike_by_both_models_is_replaced() -> None:
    line = [_word("از:", 700, 760, 0.87), _word("مد", 600, 680, 0.68), _word("نادر", 500, 580, 0.9)]
    sister = [
        _word("از", 700, 760, 0.05),
        _word("محمد", 598, 682, 0.89),
        _word("نادر", 500, 580, 0.3),
    ]
    out = reread_weak_words(PAGE, line, "fas", _reader(sister))
    assert [w.text for w in out] == ["از:", "محمد", "نادر"]  # the sure words stay
    assert out[1].box == line[1].box and out[1].confidence == 0.89
    # a sister's word over two of the page's words never takes out the space between them
    wide = [_word("ممدنادر", 500, 680, 0.95)]
    assert [w.text for w in reread_weak_words(PAGE, line, "fas", _reader(wide))] == [
        "از:",
        "مد",
        "نادر",
    ]
    # but may see a ZWNJ where the page's model saw a space (both are a gap in the ink)
    parts = [_word("کابفروشی", 600, 680, 0.5), _word("های", 560, 596, 0.5)]
    whole = [_word(f"کتابفروشی{ZWNJ}های", 558, 682, 0.9)]
    joined = reread_weak_words(PAGE, parts, "fas", _reader(whole))
    assert [w.text for w in joined] == [f"کتابفروشی{ZWNJ}های"]
    assert joined[0].box == (560, 10, 680, 30)
    # and a reading not far surer than the page's leaves the word as the page read it
    unsure = [_word("محمد", 598, 682, 0.8)]
    assert reread_weak_words(PAGE, line, "fas", _reader(unsure))[1].text == "مد"


def test_a_line_with_no_weak_word_is_not_read_again() -> None:
    line = [_word("کابل", 600, 680, 0.92)]

    def never(picture: Any, model: str, offset: tuple[int, int]) -> list[OcrWord]:
        raise AssertionError("read again")

    assert reread_weak_words(PAGE, line, "fas", never) == line
    assert reread_weak_words(PAGE, line, "eng", never) == line  # no sister for Latin


def test_a_reading_that_drops_a_mark_the_page_shows_is_refused() -> None:
    assert not acceptable("توانا»", "تواناء", "fas")  # the comma read as a hamza
    assert acceptable("قدیم»", "قدیم؛", "fas")  # the models mix up the three
    assert not acceptable("گفت:", "گفت", "fas")


def test_by_the_dots_a_reading_that_puts_back_a_lost_letter_is_taken() -> None:
    from ganjina.read.ocr_sister import _better

    # the ink has the two dots of the ت the page's reading lost: taken though less sure
    assert _better(_word("کاب", 0, 50, 0.81), _word("کتاب", 0, 50, 0.64), (1, 1), "fas", False)
    # as near to the ink and surer, with a dotless letter put back (ح under م)
    assert _better(_word("امدی", 0, 50, 0.68), _word("احمدی", 0, 50, 0.72), (0, 0), "fas", False)
    # but not a reading that changes a letter while it adds one (کابل / کایلی) ...
    assert not _better(
        _word("کابل", 0, 50, 0.39), _word("کایلی", 0, 50, 0.56), (0, 1), "fas", False
    )
    # ... nor, against the dots, one the page's reading agrees with (far surer or not)
    assert not _better(_word("کتاب", 0, 50, 0.5), _word("کاب", 0, 50, 0.95), (1, 1), "fas", True)
    # nor, without the dots and confidence alone not allowed, anything
    assert not _better(_word("کاب", 0, 50, 0.3), _word("کتاب", 0, 50, 0.95), None, "fas", False)
