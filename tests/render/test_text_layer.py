"""The text layer alone (record attachment stripped) reads back: every field and the
English and German bodies exactly, Dari and Pashto bodies at 0.98 or better."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from ganjina.render.publish import Publisher
from ganjina.render.textlayer import clean_text_layer, glyph_texts, strip_actual_text

from .conftest import SourceFactory, sample_sources
from .measure_text_layer import TARGET_RTL, measure, strip_record

LATIN = [p for p in sample_sources() if p.parent.name.startswith(("en-", "de-"))]
RTL = [p for p in sample_sources() if p.parent.name.startswith(("fa-", "ps-"))]


@pytest.mark.parametrize("source", LATIN, ids=lambda p: p.parent.name)
def test_latin_text_layer_is_exact(publisher: Publisher, source: Path) -> None:
    m = measure(publisher, source)
    assert m.wrong_fields == {}
    assert m.similarity == 1.0, m.diff[:5]


@pytest.mark.parametrize("source", RTL, ids=lambda p: p.parent.name)
def test_dari_pashto_body_similarity(publisher: Publisher, source: Path) -> None:
    m = measure(publisher, source)
    assert m.similarity >= TARGET_RTL, m.diff[:10]


def test_letters_are_not_doubled(publisher: Publisher, write_source: SourceFactory) -> None:
    # "های" after a ZWNJ, "هٔ" (heh + hamza), "اً": the cases Typst's own text map doubles
    body = "قصه‌ی ولایت‌های همجوار و نشانهٔ آن تقریباً برای مسؤولان روشن است."
    pdf = publisher.render(write_source(body, section="dari", language="fa-AF", title="آزمون"))
    with pymupdf.open(stream=strip_record(pdf.pdf)) as doc:
        text = doc[0].get_text()
    for word in ("ولایتهای", "همجوار", "برای", "روشن"):
        assert word in text
    for doubled in ("یی", "ههٔ", "ٔهٔ", "آآ"):
        assert doubled not in text


def test_glyph_texts() -> None:
    mapping = {1: "\u0647\u0654", 2: "\u0647\u0654", 3: "\u200c\u06cc", 4: "fi", 5: "\u0622"}
    widths = {1: 300, 2: 0, 3: 400, 4: 550, 5: 250}
    assert glyph_texts(mapping, widths, 0) == {1: "ه", 2: "\u0654", 3: "ی", 4: "fi", 5: "آ"}


def test_strip_actual_text_keeps_everything_else() -> None:
    stream = (
        b"/Span<</MCID 3>>BDC BT /Span<</ActualText<FEFF06CC>>>BDC/ReversedChars BMC "
        b"(\x00\x01)Tj EMC EMC /ReversedChars BMC (\x00\x02)Tj EMC ET EMC"
    )
    assert strip_actual_text(stream).split() == [
        b"/Span<</MCID",
        b"3>>BDC",
        b"BT",
        b"/ReversedChars",
        b"BMC",
        b"(\x00\x01)Tj",
        b"EMC",
        b"/ReversedChars",
        b"BMC",
        b"(\x00\x02)Tj",
        b"EMC",
        b"ET",
        b"EMC",
    ]


def test_other_pdfs_pass_unchanged() -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "hello")
    data = doc.tobytes(garbage=3, deflate=True, use_objstms=1)
    assert clean_text_layer(data) == data
    assert clean_text_layer(b"not a pdf") == b"not a pdf"
