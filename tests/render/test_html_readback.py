"""Ganjina's own HTML pages read back: exactly, from the record they carry (checked
against the page as a PDF's is), and with the record taken out, every field and block
from the page's text alone, as any web page is read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ganjina.reader import parse_bytes
from ganjina.render.publish import Publisher

SOURCES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*/source.md"))
_RECORD = re.compile(r'<script type="application/json" id="ganjina-record">.*?</script>', re.S)
FIELDS = ("site", "section", "language", "title", "authors", "translators", "date", "source")


@pytest.fixture(scope="module")
def publisher() -> Publisher:
    return Publisher()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.parent.name)
def test_a_published_page_reads_back(publisher: Publisher, source: Path) -> None:
    rendered = publisher.render(source)
    expected = rendered.record.to_dict()
    carried = parse_bytes(rendered.html.encode(), f"{source.parent.name}.html").to_dict()
    for name in (*FIELDS, "id", "date_text", "blocks"):
        assert carried[name] == expected[name], name
    assert not any("embedded record" in w for w in carried["warnings"])

    page = _RECORD.sub("", rendered.html)
    assert "ganjina-record" not in page
    read = parse_bytes(page.encode(), f"{source.parent.name}.html").to_dict()
    for name in FIELDS:
        assert read[name] == expected[name], name
    # every block, its type and list marker (figures have no address in a record)
    assert [(b["type"], b["marker"], b["text"]) for b in read["blocks"]] == [
        (b["type"], b["marker"], b["text"]) for b in expected["blocks"]
    ]


def test_a_record_the_page_does_not_show_is_not_believed(publisher: Publisher) -> None:
    rendered = publisher.render(SOURCES[0])
    forged = rendered.record.to_dict()
    forged["title"] = "A headline the page never printed about something else entirely"
    forged["blocks"] = [{"type": "paragraph", "text": "Words that are not on the page at all."}]
    page = _RECORD.sub(
        lambda _: (
            '<script type="application/json" id="ganjina-record">'
            + json.dumps(forged).replace("<", "\\u003c")
            + "</script>"
        ),
        rendered.html,
    )
    read = parse_bytes(page.encode(), "forged.html")
    assert read.title == rendered.record.title
    assert any(w.startswith("embedded record ignored (only") for w in read.warnings)
