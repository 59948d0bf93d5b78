"""Fuzz targets, run for a bounded number of cases in every test run (Hypothesis).

Each target states what must hold for *any* input: the query parser answers with a tree
or a one-line ``QueryError``; every reader returns an Article or raises a one-line
``GanjinaError`` (never another exception) within its time budget; the OAI-PMH endpoint
answers any arguments with protocol XML, never a 500; the embedded-record check returns
a one-line problem or None for any JSON value. ``GANJINA_FUZZ_EXAMPLES`` raises the count
for a longer local run."""

from __future__ import annotations

import io
import os
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ganjina.archive import Archive
from ganjina.archive.query import parse
from ganjina.errors import GanjinaError, QueryError
from ganjina.house.embedded_check import schema_problem
from ganjina.reader import parse_bytes
from ganjina.web import create_app

EXAMPLES = int(os.environ.get("GANJINA_FUZZ_EXAMPLES", "150"))
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=_QUIET)
#: a file is read under its time budget, in a process of its own: a second each
FUZZ_FILES = settings(
    max_examples=max(1, EXAMPLES // 6), deadline=None, suppress_health_check=_QUIET
)

# the query language's own signs, so that random text hits the parser's corners
QUERY_ALPHABET = st.sampled_from(
    [*'()"-:* ', "AND", "OR", "NOT", "lang:", "date:", "section:", "author:",
     *"کتاب ټولنه flood Herat ۱۴۰۲ 2023-05 \u200c\ud800"]
)  # fmt: skip


def _one_line(err: Exception) -> None:
    assert str(err) and "\n" not in str(err), repr(err)


@FUZZ
@given(st.lists(QUERY_ALPHABET, max_size=80).map("".join) | st.text(max_size=300))
def test_any_query_parses_or_is_one_clear_error(q: str) -> None:
    try:
        parse(q)
    except QueryError as err:
        _one_line(err)


def _docx_from(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


_XMLISH = st.binary(max_size=400) | st.text(max_size=400).map(str.encode)
FILES = st.one_of(
    st.tuples(st.just("x.md"), st.text(max_size=2000).map(str.encode)),
    st.tuples(st.just("x.html"), st.text(max_size=2000).map(lambda t: f"<html>{t}".encode())),
    st.tuples(st.just("x.pdf"), st.binary(max_size=2000).map(lambda b: b"%PDF-1.7\n" + b)),
    st.tuples(
        st.just("x.docx"),
        st.dictionaries(
            st.sampled_from(
                [
                    "word/document.xml",
                    "[Content_Types].xml",
                    "_rels/.rels",
                    "word/_rels/document.xml.rels",
                    "word/numbering.xml",
                ]
            ),
            _XMLISH,
            max_size=5,
        ).map(_docx_from),
    ),
)


@FUZZ_FILES
@given(FILES)
def test_any_file_reads_or_is_one_clear_error(named: tuple[str, bytes]) -> None:
    name, data = named
    try:
        article = parse_bytes(data, name, ocr="never", timeout=20)
    except GanjinaError as err:
        _one_line(err)
    else:
        assert article.blocks is not None


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=30,
)
RECORDISH = st.fixed_dictionaries(
    {"id": JSONISH, "title": JSONISH, "blocks": JSONISH, "language": JSONISH},
    optional={"authors": JSONISH, "date": JSONISH, "site": JSONISH},
)


@FUZZ
@given(JSONISH | RECORDISH)
def test_any_embedded_record_gets_a_one_line_verdict(record: Any) -> None:
    problem = schema_problem(record)
    assert problem is None or "\n" not in problem


@pytest.fixture(scope="module")
def oai_client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with Archive.open(tmp_path_factory.mktemp("fuzz") / "a", create=True) as archive:
        yield TestClient(create_app(archive), raise_server_exceptions=False)


OAI_KEYS = st.sampled_from(
    ["verb", "metadataPrefix", "identifier", "set", "from", "until", "resumptionToken", "x"]
)
OAI_VALUES = st.sampled_from(
    ["Identify", "ListRecords", "ListIdentifiers", "GetRecord", "ListSets", "oai_dc",
     "2023-01-01", "2023-01-01T00:00:00Z", "9999-99-99", "section:dari", "oai:ganjina:x"]
) | st.text(max_size=60)  # fmt: skip


@FUZZ
@given(st.lists(st.tuples(OAI_KEYS, OAI_VALUES), max_size=5))
def test_any_oai_arguments_get_protocol_xml(
    oai_client: TestClient, pairs: list[tuple[str, str]]
) -> None:
    response = oai_client.get("/oai", params=pairs)
    assert response.status_code == 200, response.text[:300]
    root = ET.fromstring(response.content)
    assert root.tag.endswith("OAI-PMH")
