"""Characters no article holds, taken out of a record before it is stored.

A NUL (PostgreSQL refuses it in text), other C0 control characters (a text layer's or a
Word file's debris), and lone surrogates (no UTF-8 encoder accepts them) are never an
author's letters. Tab and newline stay; every letter, ZWNJ and mark stays untouched.
"""

from __future__ import annotations

import re
from typing import Any

from ganjina.record import Article

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def _clean(value: Any, counts: list[int]) -> Any:
    if isinstance(value, str):
        value, n = _CONTROLS.subn("", value)
        value, m = _SURROGATES.subn("\ufffd", value)
        counts[0] += n
        counts[1] += m
        return value
    if isinstance(value, list):
        return [_clean(v, counts) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v, counts) for k, v in value.items()}
    return value


def scrub(article: Article) -> Article:
    """``article`` without control characters and lone surrogates, with a warning saying
    how many were taken out; the same object when there were none."""
    counts = [0, 0]
    data = _clean(article.to_dict(), counts)
    if not any(counts):
        return article
    cleaned = Article.from_dict(data)
    cleaned.id = article.id
    if counts[0]:
        cleaned.warn(f"{counts[0]} control characters (NUL and the like) left out")
    if counts[1]:
        cleaned.warn(f"{counts[1]} undecodable characters shown as \ufffd")
    return cleaned
