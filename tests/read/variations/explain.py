"""Say, for one failed check, what the reader gave instead: the example lines of the report."""

from __future__ import annotations

import json
from typing import Any

from rapidfuzz import process

from tests.read.variations.compare import furniture_found, norm

_META = {
    "site.name": ("site", "name"),
    "site.url": ("site", "url"),
    "site.email": ("site", "email"),
    "source.name": ("source", "name"),
    "source.date": ("source", "date"),
}


def _short(value: Any, size: int = 70) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= size else text[: size - 1] + "…"


def _diff(got: str, want: str, size: int = 40) -> str:
    """Both texts around their first difference, so a one-letter fault is visible."""
    pairs = enumerate(zip(got, want, strict=False))
    i = next((k for k, (a, b) in pairs if a != b), min(len(got), len(want)))
    lo = max(0, i - size // 2)

    def cut(t: str) -> str:
        return ("…" if lo else "") + t[lo : lo + size] + ("…" if len(t) > lo + size else "")

    return f"got {cut(got)!r}, want {cut(want)!r}"


def explain(field: str, rec: dict[str, Any], exp: dict[str, Any], loose: bool) -> str:
    blocks = rec.get("blocks") or []
    typed = [(str(b.get("type")), norm(b.get("text"), loose)) for b in blocks]
    paras = [t for k, t in typed if k == "paragraph"]
    if field.startswith("count."):
        kind = field.split(".", 1)[1]
        return f"{sum(1 for k, _ in typed if k == kind)} {kind} blocks, want {exp['counts'][kind]}"
    if field in ("first_paragraph", "last_paragraph"):
        got = (paras[0] if field == "first_paragraph" else paras[-1]) if paras else None
        want = exp[f"{field}_starts"]
        return f"starts {_short(got, 50)!r}, want {_short(want, 50)!r}"
    if field in ("paragraphs_whole", "joined_paragraph", "blocks_exact"):
        return _blocks(field, typed, paras, exp, loose)
    if field == "no_furniture":
        return "blocks contain " + _short(furniture_found(rec, exp, loose), 90)
    if field == "contains_text":
        alltext = "\n".join(t for _, t in typed)
        return "missing " + _short(
            [s for s in exp["must_contain_text"] if norm(s, loose) not in alltext]
        )
    if field == "caption":
        got = _short([t for k, t in typed if k == "caption"])
        return f"captions {got}, want {exp['caption_contains']!r}"
    if field in _META:
        outer, inner = _META[field]
        got = (rec.get(outer) or {}).get(inner)
        site = exp["site"]
        want = site.get(inner, site.get(f"{inner}_contains")) if outer == "site" else None
        if outer != "site":
            want = (exp.get(outer) or {}).get(inner)
        return f"got {_short(got)}, want {_short(want)}"
    key = {"section.labels": "section"}.get(field, field)
    got = (rec.get("section") or {}).get("labels") if key == "section" else rec.get(key)
    want = exp["section_labels"] if key == "section" else exp.get(key)
    return f"got {_short(got)}, want {_short(want)}"


def _blocks(
    field: str, typed: list[tuple[str, str]], paras: list[str], exp: dict[str, Any], loose: bool
) -> str:
    want = [(b["type"], norm(b["text"], loose)) for b in exp["blocks"]]
    if field == "blocks_exact":
        for i, (g, w) in enumerate(zip(typed, want, strict=False)):
            if g != w:
                if g[0] != w[0]:
                    got, wanted = _short(g[1], 40), _short(w[1], 40)
                    return f"block {i}: got {g[0]} {got!r}, want {w[0]} {wanted!r}"
                return f"block {i} ({g[0]}): " + _diff(g[1], w[1])
        return f"{len(typed)} blocks, want {len(want)}"
    targets = (
        [w for k, w in want if k == "paragraph" and w not in set(paras)]
        if field == "paragraphs_whole"
        else [norm(exp["must_contain_paragraph"], loose)]
    )
    target = targets[0]
    near = process.extractOne(target, [t for _, t in typed]) if typed else None
    got = near[0] if near else ""
    return "nearest block: " + _diff(got, target)
