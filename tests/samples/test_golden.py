"""The golden guard: every sample is complete, and expected.json is what its source says.

``samples/build.py`` is the switch that regenerates the files; these tests only read them
(no LibreOffice). expected.json must equal ``load_source(source.md).to_dict()`` except
``provenance.path`` (depends on the working directory the builder ran in) and
``provenance.parser_version`` (a version bump must not invalidate the corpus). Tests
that compare a *reader's* record with expected.json ignore more: ``provenance``,
``warnings`` and ``blocks[].page`` (``samples/build.py: IGNORED_FIELDS``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pymupdf
import pytest

from ganjina.render.sources import load_source, read_source

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
FILES = ("source.md", "article.docx", "article.pdf", "article.md", "expected.json")
SAMPLE_DIRS = sorted(p.parent for p in SAMPLES.glob("*/source.md"))
SCHEMA_CANDIDATES = [
    ROOT.parent / "shared" / "spec" / "article.schema.json",
    ROOT / "docs" / "article.schema.json",
]


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def without_volatile(record: dict[str, Any]) -> dict[str, Any]:
    record = json.loads(json.dumps(record))
    record["provenance"].pop("path", None)
    record["provenance"].pop("parser_version", None)
    return record


def expected(d: Path) -> dict[str, Any]:
    return dict(json.loads((d / "expected.json").read_text(encoding="utf-8")))


def pdf_lines(page: pymupdf.Page) -> list[str]:
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(s["text"] for s in line["spans"]).strip()
            if text:
                out.append(text)
    return out


@pytest.mark.parametrize("d", SAMPLE_DIRS, ids=ids(SAMPLE_DIRS))
def test_sample_is_complete(d: Path) -> None:
    missing = [f for f in FILES if not (d / f).is_file()]
    assert not missing, f"{d.name}: missing {missing}; run python samples/build.py"
    for figure in read_source(d / "source.md").figures:
        assert (d / figure.image).is_file(), figure.image


@pytest.mark.parametrize("d", SAMPLE_DIRS, ids=ids(SAMPLE_DIRS))
def test_expected_json_is_the_source(d: Path) -> None:
    fresh = load_source(d / "source.md").to_dict()
    assert without_volatile(expected(d)) == without_volatile(fresh), (
        f"{d.name}/expected.json is stale; run python samples/build.py --only {d.name}"
    )
    assert (d / "expected.json").read_text(encoding="utf-8").endswith("}\n")


def test_expected_json_matches_the_schema() -> None:
    schema_path = next((p for p in SCHEMA_CANDIDATES if p.exists()), None)
    assert schema_path is not None, "article.schema.json not found (docs/ holds a copy)"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    for d in SAMPLE_DIRS:
        jsonschema.validate(expected(d), schema)


@pytest.mark.parametrize("d", SAMPLE_DIRS, ids=ids(SAMPLE_DIRS))
def test_pdf_was_made_from_this_source_with_the_house_fonts(d: Path) -> None:
    record = expected(d)
    with pymupdf.open(d / "article.pdf") as pdf:
        assert f"source-sha256={record['provenance']['sha256']}" in pdf.metadata["keywords"]
        fonts = {f[3] for page in pdf for f in page.get_fonts()}
        first = pdf_lines(pdf[0])
        later = [pdf_lines(page) for page in pdf][1:]
    assert any("Amiri" in f for f in fonts), fonts  # the masthead is always Persian
    assert "AA-AA" in first and "www.afgazad.com" in first
    for lines in later:  # the running header on every page after the first
        assert lines[:2] == ["www.afgazad.com", "afgazad@gmail.com"]


def test_the_corpus_covers_the_house_style() -> None:
    records = {d.name: expected(d) for d in SAMPLE_DIRS}
    assert len(records) >= 12
    langs = [r["language"].split("-")[0] for r in records.values()]
    assert {lang: langs.count(lang) >= 2 for lang in ("en", "de", "fa", "ps")} == dict.fromkeys(
        ("en", "de", "fa", "ps"), True
    )
    values = list(records.values())
    blocks = [b for r in values for b in r["blocks"]]
    markers = {b["marker"] for b in blocks if b["type"] == "list_item"}
    assert {"1)", "۱)", "•"} <= markers
    assert {"heading", "quote", "caption", "list_item", "paragraph"} <= {b["type"] for b in blocks}
    captions = [b["text"] for b in blocks if b["type"] == "caption"]
    assert any(re.search(r"\(AP Photo/[^)]+\)$", text) for text in captions)
    assert any(len(r["authors"]) >= 3 for r in values)
    assert {r["language"].split("-")[0] for r in values if r["translators"]} >= {"en", "fa", "ps"}
    assert any(r["date"] is None for r in values)
    assert any(not r["authors"] for r in values)
    assert any(r["source"] is None for r in values)
    assert any("<script>" in r["title"] for r in values)
    assert any(
        r["date_text"] and re.fullmatch(r"[۰-۹]+ \S+ [۰-۹]{4}", r["date_text"]) for r in values
    )
    assert any(
        r["date_text"] and re.fullmatch(r"[۰-۹]{2}\.[۰-۹]{2}\.[۰-۹]{4}", r["date_text"])
        for r in values
    )
    # a translation pair: the Dari translation names the English original's outlet and date
    en = records["en-helmand-water"]["source"]
    fa = records["fa-helmand-water"]["source"]
    assert (fa["name"], fa["date"]) == (en["name"], en["date"])


def test_some_paragraph_is_split_across_a_page_break() -> None:
    """A page whose body ends mid-sentence: the reader must join it with the next page."""
    split = []
    for d in SAMPLE_DIRS:
        with pymupdf.open(d / "article.pdf") as pdf:
            for page in list(pdf)[:-1]:
                body = [t for t in pdf_lines(page) if not t.isdigit()]
                if body and body[-1][-1].isalpha() and not body[-1].endswith(("؛", ":")):
                    split.append(f"{d.name}:{page.number + 1}")
    assert len(split) >= 3, split


@pytest.mark.slow
def test_generated_files_are_up_to_date() -> None:
    """`build.py --check` in a subprocess (pymupdf4llm has process-wide settings)."""
    proc = subprocess.run(
        [sys.executable, str(SAMPLES / "build.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
