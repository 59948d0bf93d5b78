"""The optional folder of better models, dashes told apart by their width, and line sizes
snapped by steps (real Tesseract; lines drawn here)."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ganjina.read import ocr
from ganjina.read.ocr_lines import OcrWord, _dash_by_width, _snap, build_lines

SERIF = (
    Path(importlib.import_module("fontpkg_noto_serif").ROOT) / "files" / "NotoSerif[wdth,wght].ttf"
)


def test_a_model_in_the_better_folder_is_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = ocr.tessdata_dir()
    assert system is not None and (system / "eng.traineddata").is_file()
    shutil.copy(system / "eng.traineddata", tmp_path / "eng.traineddata")
    monkeypatch.setenv(ocr.BETTER_MODELS_ENV, str(tmp_path))
    assert ocr.better_models_dir() == tmp_path
    assert ocr.model_file("eng") == tmp_path / "eng.traineddata"
    # where the folder has no such model, and for what asks for the system's, the system's
    assert ocr.model_file("deu") == system / "deu.traineddata"
    assert ocr.model_file("eng", better=False) == system / "eng.traineddata"
    # a page is read with the better folder's model: a second engine, loaded from there
    better, plain = ocr._engine("eng", 7, better=True), ocr._engine("eng", 7)
    assert better is not plain
    assert Path(better.GetDatapath()).resolve() == tmp_path.resolve()


def test_without_the_folder_the_system_models_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ocr.BETTER_MODELS_ENV, str(tmp_path / "absent"))
    system = ocr.tessdata_dir()
    assert system is not None
    assert ocr.model_file("eng") == system / "eng.traineddata"
    assert ocr.model_file("no-such-model") is None


def _word(text: str, width: int) -> OcrWord:
    return OcrWord(text, (100, 10, 100 + width, 14), 0.9, 1, (0, 0, 400, 40), row_height=40)


def test_a_lone_hyphen_as_wide_as_an_en_dash_is_one() -> None:
    em = 40.0
    assert _dash_by_width(_word("-", 20), em) == "–"  # half an em
    assert _dash_by_width(_word("-", 11), em) == "-"  # a hyphen's quarter em
    assert _dash_by_width(_word("-", 38), em) == "-"  # an em dash is not made an en dash
    assert _dash_by_width(_word("a-b", 20), em) == "a-b"  # inside a word: a hyphen


@pytest.mark.parametrize(("dash", "expected"), [("–", "–"), ("-", "-")])
def test_a_drawn_dash_between_words_reads_as_its_width_says(dash: str, expected: str) -> None:
    face = ImageFont.truetype(str(SERIF), 30)
    img = Image.new("L", (900, 100), 255)
    ImageDraw.Draw(img).text((20, 30), f"Der lange Weg {dash} afghanische Ärztinnen", font=face)
    words = list(ocr._recognise(img, "deu", psm=7))
    assert any(w.text in "-–" for w in words), [w.text for w in words]
    (line,) = build_lines(words, 1, 0.36, img, "de").lines
    assert line.text == f"Der lange Weg {expected} afghanische Ärztinnen"


def test_sizes_one_small_step_apart_are_one_size() -> None:
    # the two lines of a title (14.7, 15.3) stay together, apart from a 13.7 line below
    snapped = _snap([13.7, 13.7, 14.7, 15.3, 15.9, 12.0])
    assert snapped[2] == snapped[3] == snapped[4] != snapped[0]
    assert snapped[5] == 12.0
    # a chain of small steps is not one size: the group stops within 15 %
    chain = _snap([11.0, 11.5, 12.0, 12.6, 13.2, 13.8])
    assert chain[0] != chain[-1]


def test_two_words_joined_by_a_zwnj_are_one_word() -> None:
    first = OcrWord("جست", (200, 10, 260, 40), 0.9, 3, (0, 0, 400, 50), row_height=30)
    first.symbols = [("ج", 240, 260), ("س", 225, 240), ("ت", 200, 225)]
    second = OcrWord("وجوی", (120, 12, 195, 44), 0.7, 3, (0, 0, 400, 50))
    second.symbols = [("و", 185, 195), ("ج", 160, 185), ("و", 150, 160), ("ی", 120, 150)]
    word = ocr._joined(first, second, "\u200c")
    assert word.text == "جست\u200cوجوی"
    assert word.box == (120, 10, 260, 44) and word.line == 3 and word.row_height == 30
    assert "".join(s[0] for s in word.symbols) == word.text
    assert abs(word.confidence - (0.9 * 3 + 0.7 * 4) / 7) < 1e-9
