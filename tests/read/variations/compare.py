"""Compare one record (``Article.to_dict()``) with an article's expected checks.

Tolerant the way ``../shared/tools/check_expected.py`` is: NFC and whitespace-normalised; in
loose mode (the Markdown conversions of Dari and Pashto, which the converter damages: ZWNJ
turned into spaces, lines merged) spaces and ZWNJ are ignored altogether. Every field gives
True/False, or None where the article has nothing to check (no photo, no source).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rapidfuzz import fuzz

FIELDS = (
    "site.name",
    "site.url",
    "site.email",
    "section.labels",
    "language",
    "title",
    "date",
    "date_text",
    "authors",
    "translators",
    "source.name",
    "source.date",
    "count.paragraph",
    "count.list_item",
    "count.caption",
    "count.heading",
    "count.quote",
    "first_paragraph",
    "last_paragraph",
    "paragraphs_whole",
    "joined_paragraph",
    "caption",
    "contains_text",
    "no_furniture",
    "blocks_exact",
)
_SPACE = re.compile(r"\s+")
_LOOSE = re.compile(r"[\s\u200c]+")


def norm(text: str | None, loose: bool = False) -> str:
    s = unicodedata.normalize("NFC", text or "")
    return _LOOSE.sub("", s) if loose else _SPACE.sub(" ", s).strip()


def similarity(record: dict[str, Any], exp: dict[str, Any], loose: bool = False) -> float:
    """Body similarity 0..1: rapidfuzz ratio of the typed block sequences."""

    def flat(blocks: list[dict[str, Any]]) -> str:
        return "\n".join(f"{b.get('type')}|{norm(b.get('text'), loose)}" for b in blocks)

    return fuzz.ratio(flat(record.get("blocks") or []), flat(exp["blocks"])) / 100.0


def evaluate(
    record: dict[str, Any], exp: dict[str, Any], loose: bool = False
) -> dict[str, bool | None]:
    def n(s: str | None) -> str:
        return norm(s, loose)

    site = record.get("site") or {}
    es = exp["site"]
    blocks = record.get("blocks") or []
    by_type: dict[str, list[str]] = {}
    for b in blocks:
        by_type.setdefault(str(b.get("type")), []).append(n(b.get("text")))
    paras = by_type.get("paragraph", [])
    alltext = "\n".join(n(b.get("text")) for b in blocks)
    src, esrc = record.get("source") or {}, exp.get("source")
    out: dict[str, bool | None] = {
        "site.name": n(site.get("name")) == n(es["name"]),
        "site.url": es["url_contains"] in (site.get("url") or ""),
        "site.email": (site.get("email") or "") == es["email"],
        "section.labels": [n(x) for x in (record.get("section") or {}).get("labels") or []]
        == [n(x) for x in exp["section_labels"]],
        "language": record.get("language") == exp["language"],
        "title": n(record.get("title")) == n(exp["title"]),
        "date": record.get("date") == exp["date"],
        "date_text": n(record.get("date_text")) == n(exp["date_text"]),
        "authors": [n(x) for x in record.get("authors") or []] == [n(x) for x in exp["authors"]],
        "translators": [n(x) for x in record.get("translators") or []]
        == [n(x) for x in exp["translators"]],
        # no attribution printed: a correct read reports no source at all
        "source.name": (not src.get("name"))
        if esrc is None
        else n(src.get("name")) == n(esrc["name"]),
        "source.date": None if esrc is None else (src.get("date") or None) == esrc["date"],
    }
    for t, count in exp["counts"].items():
        out[f"count.{t}"] = len(by_type.get(t, [])) == count
    out["first_paragraph"] = bool(paras) and paras[0].startswith(n(exp["first_paragraph_starts"]))
    out["last_paragraph"] = bool(paras) and paras[-1].startswith(n(exp["last_paragraph_starts"]))
    want = [n(b["text"]) for b in exp["blocks"] if b["type"] == "paragraph"]
    out["paragraphs_whole"] = set(want) <= set(paras)
    out["joined_paragraph"] = any(n(exp["must_contain_paragraph"]) in p for p in paras)
    out["caption"] = (
        any(n(exp["caption_contains"]) in c for c in by_type.get("caption", []))
        if "caption_contains" in exp
        else None
    )
    out["contains_text"] = all(n(s) in alltext for s in exp["must_contain_text"])
    out["no_furniture"] = not any(
        n(s) and n(s) in alltext for s in exp["must_not_appear_in_blocks"]
    )
    out["blocks_exact"] = [(str(b.get("type")), n(b.get("text"))) for b in blocks] == [
        (b["type"], n(b["text"])) for b in exp["blocks"]
    ]
    return out


def furniture_found(record: dict[str, Any], exp: dict[str, Any], loose: bool = False) -> list[str]:
    """Which must-not-appear strings a record's blocks do contain (for failure examples)."""
    alltext = "\n".join(norm(b.get("text"), loose) for b in record.get("blocks") or [])
    return [
        s for s in exp["must_not_appear_in_blocks"] if norm(s, loose) and norm(s, loose) in alltext
    ]
