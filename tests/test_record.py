"""The record: JSON round trip, the shared schema, and a content-derived id."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ganjina.reader import parse_bytes
from ganjina.record import Article, Block, Provenance, Source, content_id

SCHEMA_CANDIDATES = [
    Path(__file__).resolve().parents[2] / "shared" / "spec" / "article.schema.json",
    Path(__file__).resolve().parents[1] / "docs" / "article.schema.json",
]


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    for path in SCHEMA_CANDIDATES:
        if path.exists():
            return dict(json.loads(path.read_text("utf-8")))
    raise AssertionError("article.schema.json not found")


def test_round_trip() -> None:
    a = Article(
        title="T",
        language="en",
        authors=["A"],
        blocks=[Block("list_item", "x", "1)", 2)],
        source=Source("Herald", "2023-02-13", None, "Herald 13.02.2023"),
        provenance=Provenance("pdf", "ab" * 32, "a.pdf", 2),
    )
    assert Article.from_json(a.to_json()) == a


def test_parsed_record_matches_the_schema(schema: dict[str, object]) -> None:
    article = parse_bytes(b"# Title\n\nBody text here.\n", "x.md")
    jsonschema.validate(article.to_dict(), schema)


def test_id_ignores_spacing_and_case_but_not_words() -> None:
    one = Article(title="Flood  relief", date="2023-02-14", authors=["Jane Example"])
    two = Article(title="flood relief!", date="2023-02-14", authors=["jane  example"])
    three = Article(title="Flood relief", date="2023-02-15", authors=["Jane Example"])
    four = Article(title="Flood relief", date="2023-02-14", authors=["Omar Siddiqi"])
    assert content_id(one) == content_id(two)
    assert len({content_id(one), content_id(three), content_id(four)}) == 3
    assert one.id.startswith("gj-") and len(one.id) == 19


def test_untitled_articles_are_told_apart_by_their_body() -> None:
    a = Article(blocks=[Block("paragraph", "Aid came.")])
    b = Article(blocks=[Block("paragraph", "Aid left.")])
    assert content_id(a) != content_id(b)
