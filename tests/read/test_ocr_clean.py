"""OCR clean-up and the per-page decision: pure functions, no Tesseract needed."""

from __future__ import annotations

import pymupdf

from ganjina.read.ocr import OcrOptions, OcrReader, needs_ocr, snap_known
from ganjina.read.ocr_clean import (
    clean_text,
    clean_zwnj,
    fold_forms,
    fold_lookalikes,
    printed_backwards,
    restore_commas,
    reverse_arabic_runs,
)
from ganjina.read.ocr_lines import OcrWord, _digits_in_place, _line_text

ZWNJ = "\u200c"


def test_presentation_forms_and_noise_are_folded() -> None:
    assert fold_forms("\ufefb\u0640\u200f\ufb01") == "لاfi"


def test_pashto_letters_are_never_folded() -> None:
    pashto = "ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ"
    for language in ("fa", "ps", "en"):
        for letter in pashto.split():
            assert letter in clean_text(f"د{letter}ه", language)
    assert "ي" in clean_text("وايي", "ps")  # Pashto's own yeh, too


def test_dari_lookalikes_become_dari_letters() -> None:
    assert fold_lookalikes("هفتة كتاب علي", "fa") == "هفتهٔ کتاب علی"
    assert fold_lookalikes("هغه ښځي", "ps") == "هغه ښځي"  # Pashto ي stays


def test_zwnj_kept_only_where_it_can_be_seen() -> None:
    assert clean_zwnj(f"می{ZWNJ}شود") == f"می{ZWNJ}شود"  # yeh joins forward: visible
    assert clean_zwnj(f"خانه{ZWNJ} ها") == "خانه ها"  # before a space: noise
    assert clean_zwnj(f"دو{ZWNJ}ست") == "دوست"  # waw never joins forward: invisible
    assert ZWNJ not in clean_text("کتاب ها", "fa")  # none invented


def test_unopened_guillemet_is_the_arabic_comma() -> None:
    assert restore_commas(["او گفت» «نه»", "و رفت»"]) == ["او گفت، «نه»", "و رفت،"]
    # a quote that runs over a line break keeps its closing guillemet
    assert restore_commas(["«آغاز", "پایان»"]) == ["«آغاز", "پایان»"]


def test_digit_runs_follow_their_positions() -> None:
    # symbols in a reversed order, their boxes say left to right: ۱ ۴ ۰ ۳
    word = OcrWord("۳۰۴۱", (0, 0, 40, 10), 0.9, 1, (0, 0, 40, 10))
    word.symbols = [("۳", 30, 40), ("۰", 20, 30), ("۴", 10, 20), ("۱", 0, 10)]
    assert _digits_in_place(word) == "۱۴۰۳"


def test_rtl_line_order_from_word_positions() -> None:
    words = [
        OcrWord("Photo", (240, 0, 300, 10), 0.9, 1, (0, 0, 600, 10)),
        OcrWord("عکس", (500, 0, 560, 10), 0.9, 1, (0, 0, 600, 10)),
        OcrWord("AP", (200, 0, 230, 10), 0.9, 1, (0, 0, 600, 10)),
        OcrWord("از", (400, 0, 430, 10), 0.9, 1, (0, 0, 600, 10)),
    ]
    # right to left: عکس از, then the Latin run read left to right: AP Photo
    assert _line_text(words, rtl=True) == "عکس از AP Photo"


def test_visual_order_pages_are_detected_and_reversed() -> None:
    lines = ["ېچ هغه هپ رویارډ", "هل روک ېک وو"]  # چې په له کې, reversed
    assert printed_backwards(lines)
    assert not printed_backwards(["چې هغه په کور کې وو", "له ښاره"])
    assert reverse_arabic_runs("هل روک Dog") == "کور له Dog"


def test_known_lines_snap_only_when_nearly_equal() -> None:
    known = ("افغانستان آزاد – آزاد افغانستان", "دری", "www.afgazad.com")
    assert snap_known("افغانستان ازاد - آزاد افغااستان", known) == known[0]
    assert snap_known("www.afgazad.com", known) == "www.afgazad.com"
    assert snap_known("در", known) == "در"  # a short word is never taken for a label
    assert snap_known("یک جملهٔ دیگر کاملاً متفاوت", known) == "یک جملهٔ دیگر کاملاً متفاوت"


def _picture_pdf(text_layer: str | None = None, invisible: bool = False) -> pymupdf.Page:
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 60, 80), False)
    pix.clear_with(230)
    page.insert_image(page.rect, pixmap=pix)
    if text_layer:
        page.insert_text((72, 300), text_layer, fontsize=11, render_mode=3 if invisible else 0)
    return page


def test_which_pages_need_ocr() -> None:
    assert needs_ocr(_picture_pdf())  # a picture, no text
    assert needs_ocr(_picture_pdf("An old OCR layer nobody sees", invisible=True))
    assert not needs_ocr(_picture_pdf("A real text layer over a figure"))
    text_only = pymupdf.open().new_page()
    text_only.insert_text((72, 72), "Born digital")
    assert not needs_ocr(text_only)
    assert needs_ocr(text_only, "always")
    assert not needs_ocr(_picture_pdf(), "never")
    assert not OcrReader(OcrOptions(), enabled=False).needed(_picture_pdf())


def test_dari_ezafe_hamza_read_as_tanwin_is_the_hamza() -> None:
    assert fold_lookalikes("خانهٌ نو و میوهًٔ خشک", "fa") == "خانهٔ نو و میوهٔ خشک"
    # a last heh read twice, as teh marbuta and as heh with its hamza, is one
    assert fold_lookalikes("هفته\u200cنامةهٌ صدای شمال", "fa") == "هفته\u200cنامهٔ صدای شمال"
    assert fold_lookalikes("ښځةهٌ", "ps") == "ښځةهٌ"  # Dari's rule only
    assert fold_lookalikes("تقریباً", "fa") == "تقریباً"  # tanwin on alef is Dari's own


def test_a_tanwin_inside_a_word_is_dust() -> None:
    # the source label's ``مأخذ`` came back with a fathatan after its hamza, and no label
    # was found; a tanwin only ends a word (on its last letter, or before a last alef)
    assert clean_text("مأًخذ: روزنامهٔ پیام", "fa") == "مأخذ: روزنامهٔ پیام"
    assert clean_text("تقریباً و تقریبًا", "fa") == "تقریباً و تقریبًا"
    assert clean_text("ښځًې", "ps") == "ښځې"  # Pashto letters around it stay


def test_full_stops_drawn_as_zeros_in_a_date() -> None:
    # many Naskh fonts draw the stops of ``۰۵.۰۶.۲۰۲۳`` as the zero is drawn: a ten-digit
    # number of that shape whose parts are a date is the date
    assert clean_text("منبع: صدای دره، ۰۵۰۰۶۰۲۰۲۳", "fa") == "منبع: صدای دره، ۰۵.۰۶.۲۰۲۳"
    assert clean_text("۱۴۰۰۳۰۱۴۰۲", "ps") == "۱۴.۰۳.۱۴۰۲"
    # no date: a phone number, a month 13, a year no calendar has
    assert clean_text("تلفن ۰۷۰۰۱۲۳۴۵۶", "fa") == "تلفن ۰۷۰۰۱۲۳۴۵۶"
    assert clean_text("۰۵۰۱۳۰۲۰۲۳", "fa") == "۰۵۰۱۳۰۲۰۲۳"
    assert clean_text("۰۵۰۰۶۰۱۶۰۰", "fa") == "۰۵۰۰۶۰۱۶۰۰"
    assert clean_text("۰۵۰۰۶۰۲۰۲۳", "en") == "۰۵۰۰۶۰۲۰۲۳"  # Latin-script pages untouched
