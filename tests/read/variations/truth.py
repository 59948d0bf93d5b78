"""The expected checks of one article, from the generator's truth (``Spec``), never from the
files built from it. Keys follow ``../shared/independent/README.md`` so that
``../shared/tools/check_expected.py`` runs on this corpus too; the extra keys (``blocks``,
``date_text``, ``variant``) feed the fuller report.
"""

from __future__ import annotations

import random
from typing import Any

from tests.read.variations import furniture
from tests.read.variations.compose import Spec
from tests.read.variations.design import RTL

BLOCK_TYPES = ("paragraph", "list_item", "caption", "heading", "quote")
# markup a conversion may leak into text; never part of a correct block
MARKUP = ["***", "**", "](http", "<u>", "\\$"]


def expected(spec: Spec) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [
        {"type": p.kind, "text": p.text, "marker": p.marker} for p in spec.body if p.kind != "photo"
    ]
    paragraphs = [b["text"] for b in blocks if b["type"] == "paragraph"]
    captions = [b["text"] for b in blocks if b["type"] == "caption"]
    rng = random.Random(spec.image_seed)
    exp: dict[str, Any] = {
        "site": {
            "name": furniture.SITE_NAME,
            "url_contains": "afgazad.com",
            "email": furniture.EMAIL,
        },
        "section_labels": spec.section_labels,
        "language": spec.lang,
        "title": spec.title,
        "authors": spec.authors,
        "translators": spec.translators,
        "date": spec.date,
        "date_text": spec.date_text,
        "source": (
            {"name": spec.source_name, "date": spec.source_date} if spec.source_name else None
        ),
        "counts": {t: sum(1 for b in blocks if b["type"] == t) for t in BLOCK_TYPES},
        "first_paragraph_starts": _opening(paragraphs[0]),
        "last_paragraph_starts": _opening(paragraphs[-1]),
        "must_contain_paragraph": _across_break(spec, paragraphs),
        "must_contain_text": _snippets(rng, blocks),
        "must_not_appear_in_blocks": _furniture(spec),
    }
    if captions:
        exp["caption_contains"] = _opening(captions[0], 50)
    exp["blocks"] = blocks
    exp["variant"] = spec.variant
    exp["slug"] = spec.slug
    return exp


def _opening(text: str, size: int = 40) -> str:
    """The first words of a text, at least ``size`` characters, cut at a word end."""
    cut = text.find(" ", size)
    return text if cut < 0 else text[:cut]


def _across_break(spec: Spec, paragraphs: list[str]) -> str:
    """Text that a split paragraph must carry whole: around the manual page break when there is
    one, else the middle of the longest paragraph (the one most likely cut by the page end)."""
    for piece in spec.body:
        if piece.split_at is not None:
            head, tail = (
                piece.text[: piece.split_at].split(" "),
                piece.text[piece.split_at :].split(" "),
            )
            return " ".join(head[-5:]).strip() + " " + " ".join(tail[:5])
    longest = max(paragraphs, key=len).split(" ")
    mid = len(longest) // 2
    return " ".join(longest[max(0, mid - 6) : mid + 6])


def _snippets(rng: random.Random, blocks: list[dict[str, Any]]) -> list[str]:
    """Three runs of five words from different blocks: list items and numbers included."""
    out = []
    pools = [
        [b for b in blocks if b["type"] == "list_item"],
        [b for b in blocks if any(ch.isdigit() for ch in b["text"]) and b["type"] == "paragraph"],
        [b for b in blocks if b["type"] == "paragraph"],
    ]
    for pool in pools:
        if not pool:
            continue
        words = rng.choice(pool)["text"].split(" ")
        start = rng.randrange(max(1, len(words) - 5))
        out.append(" ".join(words[start : start + 5]))
    return out


def _furniture(spec: Spec) -> list[str]:
    """Strings no block may contain: masthead, labels, front matter, attribution, footer
    text, and conversion markup. Short labels (دری) are left out: they occur inside words."""
    out = ["afgazad", furniture.TAG, "افغانستان آزاد"]
    if spec.motto:
        out.append(spec.motto[0])
    out += [label for label in spec.section_labels if len(label) > 6]
    out += [line for line in (spec.byline_line, spec.translator_line, spec.date_line) if line]
    if spec.date_text:
        out.append(spec.date_text)
    if spec.attribution:
        out.append(spec.attribution)
    footer = spec.footer or ""
    first = footer.split("{p}")[0]
    if spec.variant["footer_first_page"] == "yes" and first.strip() and "afgazad" not in first:
        out.append(first + "1" + footer.split("{p}")[1].split("{n}")[0])
    out += MARKUP if spec.lang not in RTL else MARKUP[:4]
    return list(dict.fromkeys(out))
