"""Highlighted snippets cut from the stored text, never from the folded key.

A word of the stored text is marked when one of its keys (``tokenize_key``, the function
the index used) is among the query's. Keying every word of every hit would cost about a
millisecond a hit, so candidates are found first by a regular expression built from the
query's keys that matches their usual spellings in stored text (Arabic or Persian yeh,
kaf and heh, hamza forms, any digits, harakat/tatweel/ZWNJ between letters, any case and
Latin accent), run in C over the text; each candidate word is then checked with the real
key. A spelling the pattern does not foresee costs only the highlight, never a result.

The window opens a little before the first match and holds the matches that follow within
``max_chars``. The result is a tuple of ``(text, is_match)`` segments: no markup is ever
built from article text here (see ``types.segments_html``).

    >>> snippet("Aid reached the flooded villages.", {"flooded"})
    (('Aid reached the ', False), ('flooded', True), (' villages.', False))
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ganjina.archive.types import Segment
from ganjina.text import loose_pashto_key, tokenize_key
from ganjina.text.forms import compound_parts, stemmer_for
from ganjina.text.names import Slot, latin_slots, matches_pattern

# a word inside a white-space run: letters and digits, with the marks, tatweel and ZWNJ
# that may sit inside Persian words
_PART = re.compile(r"(?:[^\W_]|[\u064b-\u065f\u0670\u0640\u200c\u0300-\u036f])+")
_SPACE = re.compile(r"\s+")
ELLIPSIS = "…"
#: how much of the window comes before the first match
LEAD_CHARS = 60
# what may sit between two letters of a stored Persian word and vanish from its key
_INSIDE = "[\u064b-\u065f\u0670\u0640\u200c]*"


def _variants() -> dict[str, str]:
    """Key character -> the characters stored text may show for it."""
    groups = ["یيىئېۍ", "کك", "هۀةە", "اأإٱآ", "وؤ", "ګگ"]
    table = {c: g for g in groups for c in g}
    for digit in range(10):
        table[str(digit)] = f"{digit}{chr(0x660 + digit)}{chr(0x6F0 + digit)}"
    for cp in range(0xC0, 0x250):  # Latin letters with marks, by their base letter
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if base.isascii() and base.isalpha():
            table[base] = table.get(base, base) + ch.lower() + ch.upper()
    return table


_VARIANTS = _variants()


@dataclass(frozen=True)
class Marker:
    """What marks a word: its key among the exact ``keys``; or, in a record whose stemmer
    family is ``family``, one of its stems among ``stems``; or its key fitting one of the
    romanisation ``patterns`` of a name. ``origin`` says which query word a stem, a name
    spelling or a pattern came from, for "found X for Y"."""

    keys: frozenset[str]
    names: frozenset[str] = frozenset()
    stems: frozenset[str] = frozenset()
    family: str | None = None
    patterns: tuple[tuple[Slot, ...], ...] = ()
    origin: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @cached_property
    def needles(self) -> re.Pattern[str] | None:
        """The candidate pattern of :func:`_needles` for this marker, made once (a hit's
        title, snippet and matched forms all look for the same words)."""
        starts = "".join(sorted({c for slots in self.patterns for c in slots[0] if c}))
        return _needles(self.keys | self.names | self.stems, starts)

    @cached_property
    def _origins(self) -> dict[str, str]:
        return dict(self.origin)

    def why(self, word: str) -> str | None:
        """Which query word ``word`` (stored form) answers, or None when it matches none."""
        keys = _keys(word)
        if not keys.isdisjoint(self.keys):
            return ""  # exact: nothing to explain
        origin = self._origins
        for k in keys & self.names:
            return origin.get(k, "")
        if self.stems and self.family:
            stem = stemmer_for(self.family)
            for k in keys:
                # the word's stem, or a German compound's parts (Trinkwasser for Wasser)
                for s in (stem(k), *compound_parts(k, self.family)):
                    if s in self.stems:
                        return origin.get(s, "")
        for k in keys:
            for i, slots in enumerate(self.patterns):
                if matches_pattern(k, slots):
                    return origin.get(f"pattern:{i}", "")
        return None


def marker(
    keys: set[str],
    *,
    stems: dict[str, str] | None = None,
    family: str | None = None,
    names: dict[str, str] | None = None,
    patterns: list[tuple[str, str]] | None = None,
) -> Marker:
    """A :class:`Marker` from a compiled query's parts (``compiler.Compiled``)."""
    slots: list[tuple[Slot, ...]] = []
    origin = dict(names or {})
    for latin_key, typed in patterns or ():
        found = latin_slots(latin_key)
        if found:
            origin[f"pattern:{len(slots)}"] = typed
            slots.append(found)
    origin.update(stems or {})
    return Marker(
        frozenset(keys),
        frozenset(names or ()) - frozenset(keys),
        frozenset(stems or ()) if family else frozenset(),
        family,
        tuple(slots),
        tuple(sorted(origin.items())),
    )


@lru_cache(maxsize=1024)
def _needles(keys: frozenset[str], starts: str = "") -> re.Pattern[str] | None:
    """A pattern matching the usual stored spellings of any of ``keys``, or a word
    starting with one of the letters ``starts``."""
    alternatives = []
    if starts:
        alternatives.append("(?<!\\w)[" + re.escape(starts) + "]")
    for key in sorted(keys, key=len, reverse=True):
        pieces = []
        for ch in key:
            chars = _VARIANTS.get(ch, ch)
            piece = "[" + re.escape(chars) + "]" if len(chars) > 1 else re.escape(ch)
            if not ch.isascii():
                piece += _INSIDE
            pieces.append(piece)
        if pieces:
            alternatives.append("".join(pieces))
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


@lru_cache(maxsize=262_144)
def _keys(word: str) -> frozenset[str]:
    """Every key of one white-space-free word, with its loose Pashto forms."""
    toks = tokenize_key(word, zwnj_parts=True)
    loose = {loose_pashto_key(t) for t in toks if not t.isascii()}
    return frozenset(toks) | loose


def _marks(word: str, mark: Marker) -> list[tuple[int, int]]:
    """Offsets of the matching parts of a white-space run: ``<b>twenty</b>`` marks only
    ``twenty``, ``«کابل»`` only ``کابل``."""
    parts = [m for m in _PART.finditer(word) if mark.why(m.group()) is not None]
    if parts:
        return [(m.start(), m.end()) for m in parts]
    return [(0, len(word))]  # matched only as a whole (a term split across its parts)


def _word_at(text: str, i: int) -> tuple[int, int]:
    """The white-space-free run around position ``i``."""
    start, end = i, i
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    n = len(text)
    while end < n and not text[end].isspace():
        end += 1
    return start, end


def _as_marker(keys: set[str] | Marker) -> Marker:
    return keys if isinstance(keys, Marker) else Marker(frozenset(keys))


def _found(text: str, mark: Marker, pos: int = 0) -> Iterator[tuple[int, int]]:
    """Matching stretches of ``text`` from ``pos`` on, in order."""
    pattern = mark.needles
    if pattern is None:
        return
    done = -1
    for m in pattern.finditer(text, pos):
        if m.start() < done:
            continue  # inside a word already checked
        start, end = _word_at(text, m.start())
        done = end
        word = text[start:end]
        if mark.why(word) is not None:
            yield from ((start + s, start + e) for s, e in _marks(word, mark))


def found_forms(text: str | None, keys: set[str] | Marker, limit: int = 5) -> list[tuple[str, str]]:
    """``(word as stored, query word)`` for the words of ``text`` that matched as another
    form or spelling of a query word (not exactly), first seen first, at most ``limit``."""
    if not text:
        return []
    mark = _as_marker(keys)
    if not (mark.stems or mark.patterns or mark.origin):
        return []
    out: dict[tuple[str, str], None] = {}
    for start, end in _found(text, mark):
        word = text[start:end]
        why = mark.why(word)
        if why:
            out.setdefault((word, why), None)
            if len(out) >= limit:
                break
    return list(out)


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


def snippet(text: str, keys: set[str] | Marker, max_chars: int = 240) -> tuple[Segment, ...]:
    """A window of ``text`` around the first words whose keys are in ``keys``."""
    if not text:
        return ()
    mark = _as_marker(keys)
    found: list[tuple[int, int]] = []
    for span in _found(text, mark) if keys else ():
        if found and span[1] > found[0][0] + max_chars:
            break
        found.append(span)
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


def highlight(text: str | None, keys: set[str] | Marker) -> tuple[Segment, ...]:
    """All of ``text`` (a title) as segments, the matching words marked."""
    if not text:
        return ()
    found = list(_found(text, _as_marker(keys))) if keys else []
    return tuple(_merge(_segments(text, 0, len(text), found)))


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
