"""Integrity of the independent link evaluation set (tests/links/data/independent/).

These tests check the data only, never a linker: every record is a valid Ganjina record,
every answer names records that exist and is consistent (a reprint is later and in the same
language, a partial translation's share is what its paragraphs weigh), every direction
between en, de, fa-AF and ps has true pairs in both splits, the texts keep their letters,
and the JSONL files and the README's counts are what the sources give.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import tomllib
import unicodedata
from itertools import chain
from pathlib import Path

import jdatetime
import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "links" / "data" / "independent"
SCHEMA = json.loads((ROOT / "docs" / "article.schema.json").read_text(encoding="utf-8"))

_spec = importlib.util.spec_from_file_location("independent_build", HERE / "build.py")
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

SPLITS = build.SPLITS
PASHTO_ONLY = set("ټډړږښګڼېۍځڅ")
DISTRACTOR_KINDS = {
    "same-event",
    "native-no-attribution",
    "press-release",
    "same-author-other-topic",
    "follow-up",
    "orphan-translation",
    "reprint-not-original",
}
ROLES = {
    "original",
    "translation",
    "partial-translation",
    "reprint",
    "follow-up",
    "distractor",
    "unknown-direction",
}
# the legacy fields of tests/links/data/pairs.jsonl, kept with the same meaning
LEGACY = {
    "key", "language", "title", "date", "authors", "translators", "source", "body", "original",
}  # fmt: skip


def load(split: str) -> list[dict]:
    lines = (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


RECORDS = {split: load(split) for split in SPLITS}
ALL = list(chain.from_iterable(RECORDS.values()))


def by_id(split: str) -> dict[str, dict]:
    return {r["id"]: r for r in RECORDS[split]}


def links(split: str, kind: str | None = None) -> list[tuple[dict, dict, dict]]:
    """(record, link, target) for every expected link of a split."""
    index = by_id(split)
    return [
        (r, link, index[link["to"]])
        for r in RECORDS[split]
        for link in r["eval"]["expected"]
        if kind is None or link["kind"] == kind
    ]


def test_jsonl_files_are_what_the_sources_build() -> None:
    for split in SPLITS:
        text = (HERE / f"{split}.jsonl").read_text(encoding="utf-8")
        assert text == build.jsonl(build.build(split)), f"{split}.jsonl is stale: run build.py"


@pytest.mark.parametrize("record", ALL, ids=lambda r: r["id"])
def test_every_record_is_a_valid_ganjina_record(record: dict) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(record)]
    assert not errors, errors
    assert record.keys() >= LEGACY
    assert record["key"] == record["id"]
    assert record["body"] == [b["text"] for b in record["blocks"]]
    assert record["eval"]["role"] in ROLES


def test_ids_are_unique_across_both_splits() -> None:
    ids = [r["id"] for r in ALL]
    assert len(ids) == len(set(ids))
    assert 60 <= len(ids) <= 90


@pytest.mark.parametrize("split", SPLITS)
def test_every_expected_link_names_a_record_of_the_same_split(split: str) -> None:
    index = by_id(split)
    for r in RECORDS[split]:
        for link in r["eval"]["expected"] + r["eval"]["tolerated"]:
            assert link["kind"] in build.LINK_KINDS, (r["id"], link)
            assert link["to"] in index and link["to"] != r["id"], (r["id"], link)
        for trap in r["eval"]["distractor_for"]:
            assert trap["id"] in index and trap["id"] != r["id"], (r["id"], trap)
            assert trap["why"] in DISTRACTOR_KINDS, (r["id"], trap)


@pytest.mark.parametrize("split", SPLITS)
def test_links_are_consistent_with_their_kind(split: str) -> None:
    for r, link, dst in links(split):
        same_language = r["language"] == dst["language"]
        days = (dt.date.fromisoformat(r["date"]) - dt.date.fromisoformat(dst["date"])).days
        if link["kind"] in ("translation-of", "translation-of-unknown-direction"):
            assert not same_language, r["id"]
        if link["kind"] == "translation-of-unknown-direction":
            # nothing in either record may decide the direction
            for side in (r, dst):
                assert not side["translators"] and side["source"] is None, side["id"]
            assert r["date"] == dst["date"]
        if link["kind"] == "reprint-of":
            assert same_language and days > 7, r["id"]
        if link["kind"] == "related":
            same_outlet = (r["source"] or {}).get("name") == (dst["source"] or {}).get("name")
            assert same_language and days > 0, r["id"]
            assert same_outlet or set(r["authors"]) & set(dst["authors"]), r["id"]


@pytest.mark.parametrize("split", SPLITS)
def test_translations_agree_with_their_originals(split: str) -> None:
    for r, link, dst in links(split, "translation-of"):
        assert r["original"] == dst["id"]
        assert r["eval"]["role"] == ("partial-translation" if link["partial"] else "translation")
        theirs, ours = (dst["source"] or {}).get("date"), (r["source"] or {}).get("date")
        if theirs and ours:
            # an attribution's date is the original outlet's date
            assert theirs == ours, r["id"]
        if link["partial"]:
            body = dst["body"]
            assert link["covers"] and all(0 <= i < len(body) for i in link["covers"])
            total = sum(len(p.split()) for p in body)
            covered = sum(len(body[i].split()) for i in link["covers"])
            assert link["share"] == round(covered / total, 2) and 0 < link["share"] < 1
    for r in RECORDS[split]:
        if not any(x["kind"] == "translation-of" for x in r["eval"]["expected"]):
            assert r["original"] is None, r["id"]


@pytest.mark.parametrize("split", SPLITS)
def test_no_distractor_is_also_an_answer(split: str) -> None:
    answers = {(r["id"], link["to"]) for r, link, _ in links(split)}
    answers |= {(b, a) for a, b in answers}
    for r in RECORDS[split]:
        for trap in r["eval"]["distractor_for"]:
            pair = (r["id"], trap["id"])
            # a follow-up is a distractor for the translations and an answer for the original
            assert pair not in answers, pair


@pytest.mark.parametrize("split", SPLITS)
def test_every_direction_has_true_pairs_in_each_split(split: str) -> None:
    directions = {build.direction(r, dst) for r, _, dst in links(split, "translation-of")}
    assert directions == set(build.DIRECTIONS)
    kinds = {link["kind"] for _, link, _ in links(split)}
    assert kinds == set(build.LINK_KINDS)
    assert any(link["partial"] for _, link, _ in links(split, "translation-of"))


def test_every_direction_has_several_pairs_and_distractors_overall() -> None:
    pairs: dict[str, int] = {}
    traps: dict[frozenset[str], int] = {}
    for split in SPLITS:
        index = by_id(split)
        for r, _, dst in links(split, "translation-of"):
            pairs[build.direction(r, dst)] = pairs.get(build.direction(r, dst), 0) + 1
        for r in RECORDS[split]:
            for trap in r["eval"]["distractor_for"]:
                key = frozenset((r["language"], index[trap["id"]]["language"]))
                traps[key] = traps.get(key, 0) + 1
    assert all(pairs[d] >= 3 for d in build.DIRECTIONS), pairs
    for a, b in (d.split("→") for d in build.DIRECTIONS):
        assert traps.get(frozenset((a, b)), 0) >= 3, (a, b, traps)


@pytest.mark.parametrize("record", ALL, ids=lambda r: r["id"])
def test_date_text_prints_the_date(record: dict) -> None:
    text = record["date_text"].translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    day = dt.date.fromisoformat(record["date"])
    if re.fullmatch(r"\d\d\.\d\d\.\d{4}", text):
        assert dt.datetime.strptime(text, "%d.%m.%Y").date() == day
        return
    found = re.fullmatch(r"(\d+)\.? (\S+) (\d+)", text)
    assert found, text
    number, month, year = found.groups()
    for months in (build.DARI_MONTHS, build.PASHTO_MONTHS):
        if month in months:
            solar = jdatetime.date(int(year), months.index(month) + 1, int(number))
            assert solar.togregorian() == day
            return
    english, german = build.EN_MONTHS.split(), build.DE_MONTHS.split()
    gregorian = english if month in english else german
    assert (int(number), gregorian.index(month) + 1, int(year)) == (day.day, day.month, day.year)


@pytest.mark.parametrize("record", ALL, ids=lambda r: r["id"])
def test_texts_keep_their_letters(record: dict) -> None:
    text = "\n".join([record["title"], *record["body"], *record["authors"], *record["translators"]])
    assert unicodedata.normalize("NFC", text) == text
    assert not re.search("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u200d]", text)
    assert not re.search("\u200c(\\s|$)|(^|\\s)\u200c|\u200c\u200c", text), "stray ZWNJ"
    if record["language"] == "fa-AF":
        assert not PASHTO_ONLY & set(text), "Pashto letters in a Dari text"
        assert not re.search("[\u064a\u0643]", text), "Arabic yeh or kaf in a Dari text"
        assert "\u200c" in text, "Dari written without its ZWNJ"
    if record["language"] == "ps":
        assert len([c for c in text if c in PASHTO_ONLY]) >= 5, "Pashto without its letters"
        assert "\u06af" not in text and "\u200c" not in text
    if record["language"] in ("en", "de"):
        assert not re.search("[\u0600-\u06ff]", "\n".join(record["body"]))


def test_every_attributed_outlet_is_in_the_sets_outlet_table() -> None:
    table = tomllib.loads((HERE / "outlets.toml").read_text(encoding="utf-8"))["outlet"]
    names = {n for o in table for n in [o["name"], *o.get("aliases", [])]}
    used = {r["source"]["name"] for r in ALL if r["source"] and r["source"]["name"]}
    assert used <= names, used - names


def test_readme_counts_are_the_sets_counts() -> None:
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for block in build.counts(RECORDS).strip().split("\n\n"):
        assert block in readme, f"README counts are stale (build.py --counts):\n{block}"
