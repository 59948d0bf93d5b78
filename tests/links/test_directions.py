"""Translations in every direction, on the independent set (tests/links/data/independent).

The set was written by someone who had not read the scorer. The weights were set on its
tune split only; the heldout split is measured, never tuned on. The floors are the
issue's goal (precision 0.95, recall 0.90) with the direction always right.
"""

from __future__ import annotations

import json

import pytest

from ganjina.links import evidence as ev
from ganjina.links import linking, translations
from ganjina.links.evaluate import evaluate, load
from ganjina.links.outlets import OutletTable
from ganjina.links.profile import profiles
from ganjina.record import Source
from tests.links.conftest import DATA, record

INDEPENDENT = DATA / "independent"


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return OutletTable.load([INDEPENDENT / "outlets.toml"])


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_every_direction_meets_the_goal(split: str, table: OutletTable) -> None:
    result = evaluate(load(INDEPENDENT / f"{split}.jsonl"), table)
    assert result.precision >= 0.95 and result.recall >= 0.9, result.mistakes
    assert result.direction_accuracy == 1.0, result.mistakes
    assert len(result.by_direction) >= 12  # all twelve directions of four languages
    for name, tally in result.by_kind.items():
        assert tally.to_dict()["precision"] >= 0.95, name


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_no_follow_up_or_same_event_report_is_linked(split: str, table: OutletTable) -> None:
    lines = [
        json.loads(x) for x in (INDEPENDENT / f"{split}.jsonl").read_text("utf-8").splitlines()
    ]
    cases = load(INDEPENDENT / f"{split}.jsonl")
    found = profiles([(i, c.article) for i, c in enumerate(cases)], table)
    roles = {i: d["eval"]["role"] for i, d in enumerate(lines)}
    for m in linking.match(found):
        assert roles[m.translation] not in ("follow-up", "distractor", "original"), m
        assert roles[m.original] not in ("follow-up", "distractor"), m


def test_direction_comes_from_evidence_not_language() -> None:
    """The same two texts, the translator's line moved from one to the other: the
    direction follows the line, whatever the languages."""
    body_en = [
        "The district council of Charikar opened 14 new classrooms on Monday for 620 pupils.",
        "Governor Nasrin Habibi said the building cost 3.2 million afghanis.",
    ]
    body_fa = [
        "شورای ولسوالی چاریکار روز دوشنبه ۱۴ صنف تازه را برای ۶۲۰ شاگرد گشایش داد.",
        "والی نسرین حبیبی گفت که ساختمان ۳.۲ میلیون افغانی هزینه برداشت.",
    ]
    en = record("Charikar opens 14 classrooms", body_en, language="en", date="2024-03-04")
    fa = record("چاریکار ۱۴ صنف تازه گشود", body_fa, language="fa-AF", date="2024-03-06")
    fa_marked = record(
        "چاریکار ۱۴ صنف تازه گشود",
        [*body_fa, "برگردان از انگلیسی: ر. احمدی"],
        language="fa-AF",
        date="2024-03-06",
    )
    en_marked = record(
        "Charikar opens 14 classrooms",
        [*body_en, "Translated from the Dari by R. Ahmadi."],
        language="en",
        date="2024-03-04",
    )
    forward = linking.match(profiles([(0, en), (1, fa_marked)]))
    backward = linking.match(profiles([(0, en_marked), (1, fa)]))
    assert [(m.translation, m.original, m.kind) for m in forward] == [(1, 0, "translation-of")]
    assert [(m.translation, m.original, m.kind) for m in backward] == [(0, 1, "translation-of")]


def test_a_translated_from_line_names_the_language() -> None:
    found = ev.marks("t", ["Aus dem Paschtu übersetzt von K. W.", "Text."], None, [], "de")
    assert (found.translator, found.from_language) == (True, "ps")
    assert ev.marks("t", ["A story about Dari poetry."], None, [], "en").from_language is None


def test_without_evidence_the_direction_is_undecided() -> None:
    a = ev.Side("en", ev.Marks(False, None, False), None, None, "2024-01-01")
    b = ev.Side("fa", ev.Marks(False, None, False), None, None, "2024-01-01")
    assert ev.direction(a, b)[0] is None


def test_two_translations_of_a_third_languages_original_are_siblings() -> None:
    marks = ev.Marks(False, None, False)
    en = ev.Side("en", marks, "some-weekly", "de", "2024-01-03")
    ps = ev.Side("ps", marks, "some-weekly", "de", "2024-01-05")
    de = ev.Side("de", marks, "some-weekly", "de", "2024-01-01")
    assert ev.siblings(en, ps) and not ev.siblings(en, de) and not ev.siblings(de, ps)


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_follow_ups_are_related_never_translations(split: str, table: OutletTable) -> None:
    result = evaluate(load(INDEPENDENT / f"{split}.jsonl"), table)
    tally = result.followups.to_dict()
    assert tally["true_pairs"] >= 2 and tally["precision"] == 1.0 and tally["recall"] == 1.0


def test_an_attribution_quoting_the_originals_title_is_evidence() -> None:
    title = "Qarghayi farmers plant saffron on terraced fields"
    body_en = ["In Qarghayi 240 farmers planted saffron on 35 hectares this October."]
    body_de = ["In Qarghayi pflanzten 240 Bauern im Oktober auf 35 Hektar Safran."]
    cite = Source(name=None, text=f"Zuerst erschienen unter dem Titel „{title}“.")
    en = record(title, body_en, date="2024-10-02")
    de = record("Safran in Qarghayi", body_de, language="de", date="2024-10-01", source=cite)
    a, b = profiles([(0, en), (1, de)])
    d = translations.decide(a, b)
    assert d.signals.get("original_title_cited") and (d.src, d.dst) == (1, 0)
    assert "cites the other's title" in d.signals["direction"]["why"][1]
