"""Graded judgments for the judged queries, read off how the corpus was made.

    python -m tests.search.judge            # rewrite tests/search/judged.jsonl

``judged.jsonl`` holds one query a line: the query, its language and kind, and the
relevant records with their grade (2 relevant, 1 somewhat). It is derived from
``queries.py`` (what each query is about, written by hand), ``corpus.py`` (what each
synthetic record was made of) and the hand-written judgments of the samples
(``queries.SAMPLE_ABOUT``); ``test_judged.py`` fails when the file is out of date. No
search system is consulted; a sample's passing mention of a place is found by looking
for the place's spellings (``texts.PLACES``) in its text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from .corpus import Doc, corpus
from .queries import QUERIES, SAMPLE_ABOUT
from .texts import ASIDES, PLACES, TEXTS

JUDGED = Path(__file__).with_name("judged.jsonl")


def _text(doc: Doc) -> str:
    a = doc.article
    return f"{a.title or ''} {' '.join(b.text for b in a.blocks)}".lower()


def _mentions(doc: Doc, place: str) -> bool:
    spellings = {s for lang in PLACES[place].values() for s in lang} | {place}
    text = _text(doc)
    return any(s.lower() in text for s in spellings)


def _template(doc: Doc, part: tuple[str, str, int]) -> str:
    topic, kind, i = part
    titles, sentences = TEXTS[doc.article.language or ""][topic]
    return (titles if kind == "t" else sentences)[i].lower()


def _templates(doc: Doc) -> list[str]:
    """The sentences a synthetic record was written from, before its respelling."""
    out = [_template(doc, p) for p in doc.parts]
    if doc.aside:
        out.append(ASIDES[doc.article.language or ""][doc.aside[0]].lower())
    return out


_WORD = re.compile(r"[\w\u200c\u0654-]+")


def _uses(doc: Doc, forms: str) -> bool:
    wanted = set(forms.lower().split())
    return any(not wanted.isdisjoint(_WORD.findall(t)) for t in _templates(doc))


def _synthetic_grade(doc: Doc, about: dict[str, Any], phrase: str | None) -> int:
    if "lang" in about and doc.article.language != about["lang"]:
        return 0
    if "place" in about:
        if doc.place == about["place"]:
            return 2
        return 1 if doc.aside and doc.aside[1] == about["place"] else 0
    if "person" in about:
        return 2 if about["person"] in doc.people else 0
    if phrase is not None:
        if doc.topic != about["topic"]:
            return 0
        return 2 if any(phrase in _template(doc, p) for p in doc.parts) else 1
    if "forms" in about:
        uses = _uses(doc, about["forms"])
        if doc.topic == about["topic"]:
            return 2 if uses else 1
        return 1 if uses else 0
    if doc.topic == about["topic"]:
        return 2
    return 1 if doc.aside and doc.aside[0] == about["topic"] else 0


def _sample_grade(doc: Doc, about: dict[str, Any], phrase: str | None) -> int:
    topics, places = SAMPLE_ABOUT[doc.sample or ""]
    if "lang" in about and doc.article.language != about["lang"]:
        return 0
    if "place" in about:
        if about["place"] in places:
            return 2
        return 1 if _mentions(doc, about["place"]) else 0
    if "person" in about:
        return 0  # no sample names the judged people
    if about["topic"] in topics:
        return 1 if phrase is not None else 2
    return 0


def _in_scope(doc: Doc, about: dict[str, Any]) -> bool:
    a = doc.article
    if "dates" in about:
        first, last = about["dates"]
        if not a.date or not first <= a.date <= last:
            return False
    return not ("section" in about and (a.section is None or a.section.id != about["section"]))


def judge(spec: dict[str, Any], docs: list[Doc]) -> dict[str, int]:
    about = spec["about"]
    phrase = spec["query"].strip('"').lower() if spec["kind"] == "phrase" else None
    out = {}
    for doc in docs:
        if not _in_scope(doc, about):
            continue
        grade = (_sample_grade if doc.sample else _synthetic_grade)(doc, about, phrase)
        if grade:
            out[doc.article.id or doc.key] = grade
    return dict(sorted(out.items()))


def judgments() -> list[dict[str, Any]]:
    docs = corpus()
    lines = []
    for n, spec in enumerate(QUERIES, start=1):
        relevant = judge(spec, docs)
        lines.append(
            {
                "id": f"q{n:03d}",
                "query": spec["query"],
                "language": spec["language"],
                "kind": spec["kind"],
                "relevant": relevant,
            }
        )
    return lines


def render(lines: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def main() -> int:
    lines = judgments()
    empty = [line["id"] for line in lines if not line["relevant"]]
    if empty:
        print(f"queries with no relevant record: {empty}", file=sys.stderr)
        return 1
    JUDGED.write_text(render(lines), encoding="utf-8")
    print(f"wrote {len(lines)} judged queries to {JUDGED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
