"""With the embedded record stripped, the text layer alone still gives every field right,
the English and German body exactly, and the Dari and Pashto body at least 0.98 similar
(`measure_text_layer.py` prints the same figures for a person to read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganjina.render.publish import Publisher
from tests.render.measure_text_layer import TARGET_RTL, measure

SOURCES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*/source.md"))


@pytest.fixture(scope="module")
def publisher() -> Publisher:
    return Publisher()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.parent.name)
def test_text_layer_reads_back(publisher: Publisher, source: Path) -> None:
    m = measure(publisher, source)
    assert m.wrong_fields == {}
    assert m.similarity >= (TARGET_RTL if m.rtl else 1.0), "\n".join(m.diff[:10])
