"""Item 3: a PDF's embedded ``ganjina-record.json`` is checked, never trusted as it is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from ganjina.archive import Archive
from ganjina.house.embedded_check import schema_problem
from ganjina.reader import parse_bytes
from ganjina.render.publish import Publisher

ROOT = Path(__file__).resolve().parents[2]
ATTACHMENT = "ganjina-record.json"


@pytest.fixture(scope="module")
def published() -> dict[str, bytes]:
    """Two sample articles published as house-style PDFs, by the real publisher."""
    publisher = Publisher()
    return {
        slug: publisher.render(ROOT / "samples" / slug / "source.md").pdf
        for slug in ("en-flood-relief", "fa-herat-saffron")
    }


def _record(pdf: bytes) -> dict[str, Any]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        loaded: dict[str, Any] = json.loads(doc.embfile_get(ATTACHMENT))
        return loaded


def _with_record(pdf: bytes, record: Any, raw: bytes | None = None) -> bytes:
    """The same PDF with its attachment replaced."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        data = raw if raw is not None else json.dumps(record, ensure_ascii=False).encode()
        # delete and add: embfile_upd fails on bytes in PyMuPDF 1.26
        doc.embfile_del(ATTACHMENT)
        doc.embfile_add(ATTACHMENT, data)
        out: bytes = doc.tobytes()
        return out


def test_an_honest_record_is_taken_exactly(published: dict[str, bytes]) -> None:
    for pdf in published.values():
        record = _record(pdf)
        article = parse_bytes(pdf, "a.pdf")
        assert article.id == record["id"]
        assert article.title == record["title"]
        assert [b.text for b in article.blocks] == [b["text"] for b in record["blocks"]]
        assert not any("embedded record" in w for w in article.warnings)


@pytest.mark.parametrize(
    "damage",
    [
        {"title": 42},
        {"authors": "Ahmad Karimi"},
        {"blocks": [{"type": "paragraph", "text": ["x"]}]},
        {"blocks": [{"type": "poem", "text": "x"}]},
        {"date": "2023-13-45"},
        {"provenance": None},
        {"section": {"id": 5}},
    ],
)
def test_a_record_of_the_wrong_shape_falls_back_to_the_text_layer(
    published: dict[str, bytes], damage: dict[str, Any]
) -> None:
    pdf = published["en-flood-relief"]
    record = {**_record(pdf), **damage}
    assert schema_problem(record) is not None
    article = parse_bytes(_with_record(pdf, record), "a.pdf")  # no TypeError traceback
    assert any(w.startswith("embedded record ignored (not valid") for w in article.warnings)
    assert "Aid convoys reached Balkh" in article.body_text()


@pytest.mark.parametrize(
    "raw",
    [b"[" * 100_000 + b"]" * 100_000, b"\xff\xfe not json", b'"a string"', b"{}"],
    ids=["deep", "not-json", "string", "empty"],
)
def test_an_unreadable_record_falls_back(published: dict[str, bytes], raw: bytes) -> None:
    article = parse_bytes(_with_record(published["en-flood-relief"], None, raw), "a.pdf")
    assert "Aid convoys reached Balkh" in article.body_text()


def test_a_record_that_says_something_else_than_its_page_is_not_used(
    published: dict[str, bytes],
) -> None:
    pdf = published["en-flood-relief"]
    other = _record(published["fa-herat-saffron"])
    article = parse_bytes(_with_record(pdf, other), "a.pdf")
    assert article.title != other["title"]
    assert any("words are on the page" in w for w in article.warnings)
    short = {**_record(pdf), "blocks": _record(pdf)["blocks"][:1]}  # drops the body
    article = parse_bytes(_with_record(pdf, short), "a.pdf")
    assert any("of the page's words" in w for w in article.warnings)
    assert len(article.blocks) > 1


def test_a_spoofed_id_never_overwrites_another_article(
    published: dict[str, bytes], tmp_path: Path
) -> None:
    honest, victim = published["en-flood-relief"], published["fa-herat-saffron"]
    victim_id = _record(victim)["id"]
    spoof = _with_record(honest, {**_record(honest), "id": victim_id})
    with Archive.open(tmp_path / "a", create=True) as archive:
        archive.add(parse_bytes(victim, "victim.pdf"), victim, "victim.pdf")
        article = parse_bytes(spoof, "spoof.pdf")
        assert article.id == _record(honest)["id"]  # derived from the content
        assert any("id" in w and "was not used" in w for w in article.warnings)
        archive.add(article, spoof, "spoof.pdf")
        kept = archive.get(victim_id)
        assert kept is not None and kept.title == _record(victim)["title"]
        assert len(archive.versions(victim_id)) == 1
