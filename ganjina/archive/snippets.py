"""Highlighted snippets cut from the stored text, never from the folded key.

The text is split at white space; each word is keyed with the same ``tokenize_key`` the
index used (cached: news vocabulary repeats), and marked when one of its keys is among
the query's. The window opens a little before the first match and holds the matches
that follow within ``max_chars``. The result is a tuple of ``(text, is_match)`` segments:
no markup is ever built from article text here (see ``types.segments_html``).

    >>> snippet("Aid reached the flooded villages.", {"flooded"})
    (('Aid reached the ', False), ('flooded', True), (' villages.', False))
"""

from __future__ import annotations

import re
from functools import lru_cache

from ganjina.archive.types import Segment
from ganjina.text import loose_pashto_key, tokenize_key

_WORD = re.compile(r"\S+")
# a word inside a white-space run: letters and digits, with the marks, tatweel and ZWNJ
# that may sit inside Persian words
_PART = re.compile(r"(?:[^\W_]|[\u064b-\u065f\u0670\u0640\u200c\u0300-\u036f])+")
_SPACE = re.compile(r"\s+")
ELLIPSIS = "…"
#: how much of the window comes before the first match
LEAD_CHARS = 60


@lru_cache(maxsize=262_144)
def _keys(word: str) -> frozenset[str]:
    toks = tokenize_key(word, zwnj_parts=True)
    loose = {loose_pashto_key(t) for t in toks if not t.isascii()}
    return frozenset(toks) | loose


def _marks(word: str, keys: set[str]) -> list[tuple[int, int]]:
    """Offsets of the matching parts of a white-space run: ``<b>twenty</b>`` marks only
    ``twenty``, ``«کابل»`` only ``کابل``."""
    parts = [m for m in _PART.finditer(word) if not keys.isdisjoint(_keys(m.group()))]
    if parts:
        return [(m.start(), m.end()) for m in parts]
    return [(0, len(word))]  # matched only as a whole (a term split across its parts)


def _matches(text: str, keys: set[str], limit: int | None) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    stop: int | None = None
    for m in _WORD.finditer(text):
        if stop is not None and m.end() > stop:
            break
        if not keys.isdisjoint(_keys(m.group())):
            found += [(m.start() + s, m.start() + e) for s, e in _marks(m.group(), keys)]
            if stop is None and limit is not None:
                stop = m.start() + limit
    return found


def _segments(text: str, start: int, end: int, found: list[tuple[int, int]]) -> list[Segment]:
    out: list[Segment] = []
    pos = start
    for s, e in found:
        if s < pos or e > end:
            continue
        if s > pos:
            out.append((_SPACE.sub(" ", text[pos:s]), False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((_SPACE.sub(" ", text[pos:end]), False))
    return out


def snippet(text: str, keys: set[str], max_chars: int = 240) -> tuple[Segment, ...]:
    """A window of ``text`` around the first words whose keys are in ``keys``."""
    if not text:
        return ()
    found = _matches(text, keys, max_chars) if keys else []
    first = found[0][0] if found else 0
    start = max(0, first - LEAD_CHARS)
    if start > 0:  # begin at a word boundary, never after the match
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else first
    end = min(len(text), start + max_chars)
    if end < len(text):
        space = text.rfind(" ", max(start, found[0][1] if found else start), end)
        end = space if space > start else end
    segments = _segments(text, start, end, found)
    if start > 0:
        segments.insert(0, (ELLIPSIS + " ", False))
    if end < len(text):
        segments.append((" " + ELLIPSIS, False))
    return tuple(_merge(segments))


def highlight(text: str | None, keys: set[str]) -> tuple[Segment, ...]:
    """All of ``text`` (a title) as segments, the matching words marked."""
    if not text:
        return ()
    return tuple(_merge(_segments(text, 0, len(text), _matches(text, keys, None))))


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbours of the same kind (two plain pieces in a row read as one)."""
    out: list[Segment] = []
    for text, is_match in segments:
        if not text:
            continue
        if out and out[-1][1] == is_match and not is_match:
            out[-1] = (out[-1][0] + text, False)
        else:
            out.append((text, is_match))
    return out
