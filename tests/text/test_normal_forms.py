"""Normalisation that is the normaliser's own, in linear time on runs of marks."""

from __future__ import annotations

import random
import time
import unicodedata

import pytest

from ganjina.reader import parse_bytes
from ganjina.text.normal_forms import LONGEST_ORDINARY_RUN, normalize

FORMS = ("NFC", "NFD", "NFKC", "NFKD")

# Starters that compose (alef + maddah, Hangul jamo, kana + sound mark), marks of
# several classes, letters of class 0 that decompose to marks (Tibetan, halfwidth kana),
# presentation forms and precomposed letters.
_POOL = [
    *map(chr, range(0x0300, 0x0370)),
    *map(chr, range(0x064B, 0x0660)),
    *"\u0627\u0622\u0648\u064a\u0f73\u0f75\uff9e\u1e0b\u00e9a\uac00\u1100\u1161\u11a8\u3099\u304b",
    *"\ufb50\ufef5 ",
]


@pytest.mark.parametrize("form", FORMS)
def test_random_mark_runs_normalise_as_the_normaliser_does(form: str) -> None:
    rng = random.Random(form)
    for _ in range(400):
        text = "".join(rng.choice(_POOL) for _ in range(rng.randint(1, 3 * LONGEST_ORDINARY_RUN)))
        assert normalize(form, text) == unicodedata.normalize(form, text), ascii(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "ب" + "\u0651\u064b" * 200,  # shadda (class 33) before fathatan (27): all reordered
        "\u00e4" + "\u0651\u064b" * 200,  # a precomposed base whose own mark joins the run
        "\u0f73" * 200,  # class 0 letters whose decompositions are marks in two classes
        "\u0627" + "\u0651" * 100 + "\u0653",  # alef + maddah across a run: not composed
    ],
)
@pytest.mark.parametrize("form", FORMS)
def test_long_runs_normalise_as_the_normaliser_does(text: str, form: str) -> None:
    assert normalize(form, text) == unicodedata.normalize(form, text)  # type: ignore[arg-type]


def test_the_authors_text_is_not_touched() -> None:
    dari = "می\u200cخواهم «خانهٔ» ما را ببینی؛ کتاب‌ها ۱۴۰۲"
    pashto = "ښځې د ګډې ټولنې لپاره ډېرې ړندې نه دي"
    for text in (dari, pashto, "Straße, Öl und Café"):
        assert normalize("NFC", text) == unicodedata.normalize("NFC", text)


def test_a_long_run_of_marks_is_linear() -> None:
    text = "a" + "\u0651\u064b" * 100_000
    started = time.process_time()
    for form in FORMS:
        normalize(form, text)  # type: ignore[arg-type]
    # the normaliser alone: 20,000 pairs took 1.5 s, so 100,000 would take ~35 s a form
    assert time.process_time() - started < 5


def test_an_article_flooded_with_marks_is_stored_in_seconds() -> None:
    flood = "a" + "\u0651\u064b" * 50_000
    body = f"# A title\n\nBy Hana Ferozi\n\nA first paragraph.\n\n{flood}\n"
    started = time.process_time()
    article = parse_bytes(body.encode(), "flood.md")
    assert time.process_time() - started < 10  # 18 s before
    stored = "".join(block.text for block in article.blocks)
    assert stored.count("\u0651") == 50_000 and stored.count("\u064b") == 50_000
