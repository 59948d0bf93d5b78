"""Every sample article set in five other sites' web layouts reads back as its record
(``tests/read/web_layouts.py``; before the web-page reader's work of 2026-12-07: 0 of 70)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ganjina.reader import parse_bytes
from tests.read.web_layouts import EXPECTED, LAYOUTS, problems


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.parent.name)
def test_a_web_layout_reads_back(layout: str, expected: Path) -> None:
    record = json.loads(expected.read_text("utf-8"))
    page = LAYOUTS[layout](record)
    assert problems(record, layout, parse_bytes(page.encode(), "page.html")) == []
