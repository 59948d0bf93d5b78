"""The hostile DOCX cases (issue 13, item 4) read one by one: legal Word measures and
odd numbers are read, a package missing parts is mended and read whole, a bomb is
refused unread, and every refusal is one line naming what is wrong."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ganjina.errors import ReadError
from ganjina.read.word_measures import integer, points_from_half_points, twips
from ganjina.reader import parse_file
from tests.hostile.corpus import SAMPLES, Case, build, cases

DOCX_CASES = [c for c in cases(owner="reader") if c.name.endswith(".docx")]
SAMPLE = SAMPLES / "en-flood-relief" / "article.docx"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    build(folder, owner="reader")
    return folder


@pytest.mark.parametrize("case", DOCX_CASES, ids=lambda c: c.name)
def test_hostile_docx(corpus: Path, case: Case) -> None:
    started = time.monotonic()
    try:
        article = parse_file(corpus / case.name, timeout=120)
    except ReadError as err:
        assert case.expect in ("refused", "either"), f"{case.name}: {err}"
        message = str(err)
        assert message and "\n" not in message and "Error" not in message, message
        assert "KeyError" not in message and "ValueError" not in message
        return
    finally:
        assert time.monotonic() - started < 60, case.name
    assert case.expect in ("stored", "either"), case.name
    sample = parse_file(SAMPLE)
    # read whole: nothing of the body dropped for an odd attribute or a missing part
    assert article.body_text() == sample.body_text()
    assert article.title == sample.title


def test_missing_parts_are_mended_with_a_warning(corpus: Path) -> None:
    article = parse_file(corpus / "docx-no-rels.docx")
    assert article.body_text() == parse_file(SAMPLE).body_text()
    assert any(w.startswith("damaged Word file") for w in article.warnings), article.warnings


def test_a_bomb_is_refused_unread_and_says_so(corpus: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"unpacks to .* MB .*limit"):
        parse_file(corpus / "docx-decompression-bomb.docx")
    assert time.monotonic() - started < 10  # refused from the ZIP directory, not unpacked


def test_a_missing_document_is_named(corpus: Path) -> None:
    with pytest.raises(ReadError, match=r"word/document\.xml"):
        parse_file(corpus / "docx-no-document.docx")


def test_word_measures() -> None:
    assert twips("720") == 720 and twips("-120") == -120
    assert twips("2.54cm") == pytest.approx(1440) and twips("0.5in") == 720
    assert twips("12pt") == 240 and twips("25.4mm") == pytest.approx(1440)
    assert twips("1pc") == 240 and twips("1pi") == 240
    assert twips("2.5") is None and twips("abc") is None and twips("") is None
    assert points_from_half_points("24") == 12 and points_from_half_points("12pt") == 12
    assert points_from_half_points("0") is None and points_from_half_points("-4") is None
    assert points_from_half_points("big") is None
    assert integer("3") == 3 and integer(" 3 ") == 3
    assert integer("1.0") is None and integer("x") is None and integer(None) is None
    assert twips("9" * 5000) is None  # bounded: no 5,000-digit integers
