"""Rows Tesseract's page layout loses or splits, and the page size it reads best at; with
the real Tesseract on a page of the scan corpus (``bench/scan_corpus.py``)."""

from __future__ import annotations

import importlib.util
import sys
from difflib import SequenceMatcher
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pymupdf
import pytest
from PIL import Image

from ganjina.read import raster
from ganjina.read.ocr import _recognise, row_reader
from ganjina.read.ocr_lines import OcrWord
from ganjina.read.ocr_rows import _box, _lines, mend_rows
from ganjina.read.pdf import read_pdf
from ganjina.reader import parse_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_scan_corpus", ROOT / "bench/scan_corpus.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _text(group: list[OcrWord]) -> str:
    return " ".join(w.text for w in group)


def test_tall_rows_are_made_the_size_tesseract_reads_best() -> None:
    page = np.full((1200, 900), 255, dtype=np.uint8)
    for top in range(100, 1100, 90):
        page[top : top + 47, 100:800] = 0  # rows of ink 47 px tall
    img, dpi = raster.to_reading_size(Image.fromarray(page), 200.0)
    assert img.width < 900 and dpi < 200
    assert abs(raster.row_height(img, dpi) - raster.BEST_ROW_PX) <= 2
    small = Image.fromarray(page).reduce(2)  # rows already under the best height
    assert raster.to_reading_size(small, 100.0) == (small, 100.0)


@pytest.mark.slow
def test_every_line_of_a_page_is_read(corpus: ModuleType) -> None:
    """At its scanned size Tesseract's layout drops this page's last body line (above the
    page number); read at the size it reads best, every line of the text layer is there."""
    slug = "fa-herat-saffron"
    layout = read_pdf(corpus.build("dpi200", slug, pages=2).read_bytes())
    truth = read_pdf((corpus.SAMPLES / slug / "article.pdf").read_bytes())
    ours = [ln.text for ln in layout.lines if ln.page == 2]
    for line in (ln.text for ln in truth.lines if ln.page == 2 and len(ln.text) >= 8):
        assert max(_similar(line, o) for o in ours) >= 0.5, line


@pytest.fixture(scope="module")
def page(corpus: ModuleType) -> tuple[Any, float, list[OcrWord]]:
    doc = pymupdf.open(corpus.build("dpi200", "fa-herat-saffron", pages=1))
    img, dpi = raster.to_reading_size(*raster.page_image(doc[0]))
    return img, dpi, list(_recognise(img, "fas"))


def _body_line(groups: list[list[OcrWord]]) -> int:
    """The index of a long line in the middle of the page."""
    long = [i for i, g in enumerate(groups) if len(_text(g)) > 60]
    return long[len(long) // 2]


@pytest.mark.slow
def test_a_lost_row_is_read_and_put_in_its_place(page: tuple[Any, float, list[OcrWord]]) -> None:
    img, dpi, words = page
    groups = _lines(words)
    lost = _body_line(groups)
    kept = [w for i, g in enumerate(groups) if i != lost for w in g]
    mended = _lines(mend_rows(img, dpi, kept, row_reader(img, "fas")))
    assert len(mended) == len(groups)
    assert _similar(_text(mended[lost]), _text(groups[lost])) >= 0.8
    assert [w.line for g in mended for w in g] == sorted(w.line for g in mended for w in g)


@pytest.mark.slow
def test_a_line_read_in_two_halves_is_read_whole(page: tuple[Any, float, list[OcrWord]]) -> None:
    img, dpi, words = page
    groups = _lines(words)
    whole = _body_line(groups)
    line = groups[whole]
    x0, y0, x1, y1 = _box(line)
    half = len(line) // 2
    split: list[list[OcrWord]] = []
    for i, g in enumerate(groups):
        if i != whole:
            split.append(g)
            continue
        for part, shift in ((line[:half], 0), (line[half:], 4)):  # one over the other
            split.append(
                [
                    OcrWord(w.text, w.box, 0.3, 0, (x0, y0 + shift, x1, y1 + shift), w.baseline)
                    for w in part
                ]
            )
    for number, group in enumerate(split):
        for w in group:
            w.line = number
    mended = _lines(mend_rows(img, dpi, [w for g in split for w in g], row_reader(img, "fas")))
    assert len(mended) == len(groups)
    assert _similar(_text(mended[whole]), _text(line)) >= 0.8


@pytest.mark.slow
def test_a_row_the_single_line_mode_reads_as_nothing_is_read_as_a_raw_line(
    corpus: ModuleType,
) -> None:
    """The Pashto byline (two names with the tall "الله" ligature) is lost by the page
    layout, and PSM 7 reads its row as nothing; read as a raw line it is there."""
    slug = "ps-khost-cricket"
    layout = read_pdf(corpus.build("dpi200", slug, pages=1).read_bytes())
    truth = read_pdf((corpus.SAMPLES / slug / "article.pdf").read_bytes())
    byline = next(ln.text for ln in truth.lines if "الله" in ln.text and len(ln.text) < 60)
    assert max(_similar(byline, ln.text) for ln in layout.lines) >= 0.85


@pytest.mark.slow
def test_a_latin_outlet_on_a_pashto_page_is_read_by_the_latin_model(corpus: ModuleType) -> None:
    """The source line "سرچینه: <outlet>، <date>": the Pashto model reads the outlet's
    Latin name as digits, the Latin model reads the rest as noise; per run, each wins."""
    slug = "ps-polio-campaign"
    article = parse_bytes(corpus.build("dpi200", slug, pages=2).read_bytes(), "s.pdf")
    truth = parse_bytes((corpus.SAMPLES / slug / "article.pdf").read_bytes(), "a.pdf")
    assert truth.source is not None and article.source is not None
    assert article.source.name == truth.source.name
    assert article.source.date == truth.source.date


@pytest.mark.slow
def test_a_date_whose_last_digit_was_stretched_over_the_outlet_is_read(
    corpus: ModuleType,
) -> None:
    """Tesseract gave the source date's last digit the width of the label and outlet
    before it; cut to its glyphs, the number is read glyph by glyph again."""
    slug = "ps-kandahar-pomegranates"
    article = parse_bytes(corpus.build("dpi200", slug).read_bytes(), "s.pdf")
    truth = parse_bytes((corpus.SAMPLES / slug / "article.pdf").read_bytes(), "a.pdf")
    assert truth.source is not None and article.source is not None
    assert (article.source.name, article.source.date) == (truth.source.name, truth.source.date)


@pytest.mark.slow
def test_a_name_the_persian_model_is_unsure_of_is_read_by_the_pashto_model(
    corpus: ModuleType,
) -> None:
    """The byline's font stacks ح under م: the Persian model reads محمد as مد, unsure; the
    Pashto model, which knows the ligature, reads the name whole and far surer."""
    slug = "fa-kabul-bookshops"
    article = parse_bytes(corpus.build("dpi200", slug, pages=1).read_bytes(), "s.pdf")
    truth = parse_bytes((corpus.SAMPLES / slug / "article.pdf").read_bytes(), "a.pdf")
    assert truth.authors and article.authors == truth.authors
    # and the Pashto model's letters never come into the Dari text
    assert not set(article.body_text()) & set("ټډړږښګڼځڅېۍ")


@pytest.mark.slow
def test_a_letter_lost_in_a_ligature_is_told_from_the_dots_in_the_ink(corpus: ModuleType) -> None:
    """The title's font stacks ت over the ک before it: the Persian model and the script's
    model read کتاب as کاب, surer than the Pashto model's کتاب. The ink has the two dots of
    ت there, which only the Pashto model's reading asks for."""
    slug = "fa-kabul-bookshops"
    article = parse_bytes(corpus.build("dpi200", slug, pages=1).read_bytes(), "s.pdf")
    truth = parse_bytes((corpus.SAMPLES / slug / "article.pdf").read_bytes(), "a.pdf")
    assert article.title and truth.title

    def letters(text: str) -> str:
        return "".join(ch for ch in text if ch.isalpha())

    assert letters(article.title) == letters(truth.title)
