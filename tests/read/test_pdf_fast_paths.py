"""The PDF reader's shortcuts say what the long way says (issues 10 and 11: speed).

Each shortcut skips work only where the work could not change the result; these tests
put the shortcut beside the long way on real pages and on every short sequence.
"""

from __future__ import annotations

import gc
import itertools
from pathlib import Path

import pymupdf
import pytest

from ganjina.errors import ReadError
from ganjina.read.bidi import resolve_levels
from ganjina.read.pdf import read_pdf
from ganjina.read.pdf_glyphs import _actual_text, _actual_text_rawdict, _TextPage
from ganjina.read.pdf_slant import slanted_origins

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*/article.pdf"))


def test_joiners_found_by_search_are_those_rawdict_names() -> None:
    pages_with_joiners = 0
    for path in SAMPLES:
        with pymupdf.open(path) as doc:
            for page in doc:
                contents = page.read_contents()
                if b"/ActualText" not in contents:
                    continue
                shared = _TextPage(page)
                found = _actual_text(page, contents, shared)
                assert found == _actual_text_rawdict(page, shared.get()), (path, page.number)
                pages_with_joiners += bool(found)
    assert pages_with_joiners >= 5  # the Dari and Pashto samples name their ZWNJ so


def _leaning_page() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Upright words.", fontsize=12)
    lean = pymupdf.Matrix(1, 0, 0.27, 1, 0, 0)
    page.insert_text((72, 130), "Leaning words.", fontsize=12, morph=(pymupdf.Point(72, 130), lean))
    return doc.tobytes()


def test_slant_read_from_the_shared_text_page_is_the_slant_read_alone() -> None:
    with pymupdf.open(stream=_leaning_page(), filetype="pdf") as doc:
        page = doc[0]
        contents = page.read_contents()
        alone = slanted_origins(page, contents)
        shared = slanted_origins(page, contents, _TextPage(page).get)
    assert alone.origins and alone.origins == shared.origins
    assert all(shared.at(origin) for origin in alone.origins)
    assert not shared.at((72.0, 100.0))  # the upright line's first glyph


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_cycle_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        read_pdf(SAMPLES[0].read_bytes())
        assert gc.isenabled() is enabled
        with pytest.raises(ReadError):
            read_pdf(b"%PDF-1.7\n garbage")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


# classes a line of one direction may hold beside its letters (explicit ones included)
_NEUTRALS = ("WS", "ON", "NSM", "BN", "CS", "ES", "ET", "S", "B", "RLE", "PDI")


@pytest.mark.parametrize("base_rtl", [True, False])
def test_a_one_direction_line_resolves_as_the_full_rules_resolve_it(base_rtl: bool) -> None:
    """Lines of one direction take a shortcut to the base level; with a letter of the
    other direction appended the full rules run, and must agree on everything before it."""
    letters = ("R", "AL") if base_rtl else ("L",)
    other = "L" if base_rtl else "R"
    base = 1 if base_rtl else 0
    for n in range(1, 5):
        for types in itertools.product(letters + _NEUTRALS, repeat=n):
            short = resolve_levels(types, base_rtl)
            assert short == [base] * n, types
            assert resolve_levels([*types, other], base_rtl)[:-1] == short, types


def test_digits_keep_a_line_off_the_one_direction_shortcut() -> None:
    assert resolve_levels(("AL", "WS", "EN"), True) == [1, 1, 2]  # a Dari line's number
    assert resolve_levels(("L", "WS", "AN"), False) == [0, 0, 2]


def test_a_joiner_over_a_slanted_space_glyph_is_found_though_the_boxes_differ() -> None:
    # LibreOffice leans Arabic for italic: the joiner's box (the skewed glyph's upright
    # bounds) is wider than the trace's box of the space glyph it names
    from ganjina.read.pdf_glyphs import _by_row, _joiner_over

    rows = _by_row({(350.9, 356.5, 314.9): "\u200c", (150.1, 155.7, 314.9): "\u200c"})
    assert _joiner_over(rows, 351.5, 354.04, 314.9) == "\u200c"
    assert _joiner_over(rows, 370.1, 372.6, 314.9) == " "  # a space beside it stays one
    assert _joiner_over(rows, 351.5, 354.04, 340.4) == " "  # the line below
