"""The index document's text fields equal their definition, term by term.

``prepare`` computes them fast (chunk memos in ``terms.py`` and ``termmap.py``); the
definition is the slow, obvious one: the text layer's ``tokenize_key`` for the terms,
then one stem (and, in German, the stems of the compound parts) or one loose Pashto key
per term. A memo that learned a chunk wrongly, lost its parts, or kept a value across a
memo replacement shows up here as a differing term list.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ganjina.archive import termmap, terms
from ganjina.archive.index import prepare
from ganjina.text import loose_pashto_key, tokenize_key
from ganjina.text.forms import compound_parts, family, stemmer_for

from .helpers import article
from .test_terms import PIECES

# words that stem, split as compounds or differ in the loose Pashto key
WORDS = [
    "Trinkwasserversorgung",
    "Krankenhäusern",
    "flooded",
    "villages",
    "کورونه",
    "ښځې",
    "ګانې",
    "کتاب‌ها",
    "می‌شود",
    "Gesundheitsministeriums",
]
LANGUAGES = ["en", "de", "fa-AF", "fa", "ps", "ps-AF", "fr", None]


def _definition(title: str, body: str, language: str | None) -> dict[str, list[str]]:
    body = "\n".join(body.split("\n\n"))  # as ``article`` cuts it into paragraphs
    title_terms = tokenize_key(title, zwnj_parts=True) if title else []
    body_terms = tokenize_key(body, zwnj_parts=True)
    every = title_terms + body_terms
    fields = {"title": title_terms, "body": body_terms, "forms": [], "loose": []}
    fam = family(language)
    if fam:
        stem = stemmer_for(fam)
        fields["forms"] = [stem(t) for t in every]
        fields["forms"] += [p for t in every for p in compound_parts(t, fam)]
    if (language or "").lower().startswith("ps"):
        fields["loose"] = [loose_pashto_key(t) for t in every]
    return fields


def _fields(title: str, body: str, language: str | None) -> dict[str, list[str]]:
    doc = dict(prepare(article(title, body, language=language)).fields)
    return {k: doc.get(k, "").split() for k in ("title", "body", "forms", "loose")}


texts = st.lists(st.sampled_from(PIECES + WORDS), max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts, texts, st.sampled_from(LANGUAGES))
def test_fields_equal_their_definition(title: str, body: str, language: str | None) -> None:
    body = body or "x"  # an article needs some text; an empty body is no other case
    assert _fields(title, body, language) == _definition(title, body, language)
    assert _fields(title, body, language) == _definition(title, body, language)  # memo hits


def test_memo_replacement_keeps_records_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # tiny memos: every record replaces them, and must still come out complete
    monkeypatch.setattr(terms, "MEMO_MAX", 3)
    monkeypatch.setattr(termmap, "MEMO_MAX", 3)
    for title, body, language in [
        ("Kabul‌ها", "کتاب‌ها و می‌شود کورونه، ښځې", "ps"),
        ("Trinkwasserversorgung", "Krankenhäusern und Gesundheitsministeriums.", "de"),
        ("کتاب‌ها", "خانه‌ای بزرگ ترین می شود کتاب ها", "fa-AF"),
        ("Floods", "flooded villages, flooding", "en"),
    ] * 3:
        assert _fields(title, body, language) == _definition(title, body, language)
