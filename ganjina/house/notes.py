"""Footnotes at a page's foot, and endnotes after the text, read from the page.

Word and LibreOffice set a note under the page's text in smaller type, its number raised
and smaller still, beside it. Read as lines, the notes would end up inside the body: between
the two halves of a paragraph that crosses the page, or run into the attribution, which
then is no longer the article's last line. A run of lines is taken for notes when all of
these hold (each a property of the print, not of one producer):

* it opens with a note's mark: a number, a roman numeral, a letter or an asterisk set apart
  (its own line on the same baseline as the note's text, smaller than it) or, with the
  text after it, on a line that stands a body line's height below the text above;
* every line of the run is smaller than the body (at most 92 % of its size), and only
  short lines (a page number, a running footer) follow it on the page;
* a gap of at least half a body line stands between it and the text above, or it opens
  the page.

Each note becomes one line hinted ``note`` with its mark as ``[mark]``, wrapped lines joined;
the recognizer puts notes after the body. Nothing else on the page is touched.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ganjina.read.layout import Line

#: a note's mark: 1–3 digits (any digit set), a roman numeral, one letter, asterisks
_MARK = r"(?:(?![0٠۰])\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-z]|\*{1,3}|†)"
_MARK_ALONE = re.compile(_MARK)
_MARK_FIRST = re.compile(r"(" + _MARK + r")[.)]?[\s\t]+(?=\S)")
_SMALL = 0.92  # a note's size at most this share of the body's
_MARK_SMALLER = 0.85  # a mark set apart is smaller than its note's text
_GAP = 0.5  # body lines between the text above and the first note
_FOOTER_WORDS = 8  # what may follow the notes on a page: short lines only
_FOOTER_LINES = 3
#: the references of N notes are looked for in the text after each other: bounded work
_MAX_LINES = 50_000
_MAX_NOTES = 500
_MAX_MISSES = 8


def _small(line: Line, base: float) -> bool:
    return line.size is not None and line.size <= _SMALL * base


def _mark_line(line: Line) -> bool:
    return _MARK_ALONE.fullmatch(line.text.strip()) is not None


def _mark_beside(lines: list[Line], k: int, base: float) -> int | None:
    """The index of a mark set apart beside note text ``k`` (the line just before or
    after it in reading order, on the same baseline, smaller than it), or None."""
    text = lines[k]
    if not _small(text, base) or _mark_line(text) or text.bbox is None or text.size is None:
        return None
    for j in (k - 1, k + 1):
        if not 0 <= j < len(lines):
            continue
        mark = lines[j]
        if mark.page != text.page or mark.bbox is None or mark.size is None:
            continue
        beside = mark.bbox[1] < text.bbox[3] and mark.bbox[3] > text.bbox[1]
        if _mark_line(mark) and mark.size <= _MARK_SMALLER * text.size and beside:
            return j
    return None


def _region_start(lines: list[Line], idx: list[int], base: float) -> int | None:
    """Where the page's notes begin (a position in ``idx``), or None."""
    # the lowest bottom of the lines before each position, so each candidate is judged
    # in constant time (a page of many short numbered lines stays linear)
    lowest: list[float | None] = [None]
    for k in idx:
        box, last = lines[k].bbox, lowest[-1]
        lowest.append(last if box is None else box[3] if last is None else max(last, box[3]))
    for pos, k in enumerate(idx):
        line = lines[k]
        if line.bbox is None:
            continue
        # a note opens with its mark set apart beside it, or with the mark in its text
        mark = _mark_beside(lines, k, base)
        if mark is None and not (_small(line, base) and _MARK_FIRST.match(line.text.strip())):
            continue
        first = pos - 1 if mark is not None and pos > 0 and idx[pos - 1] == mark else pos
        tops = [box[1] for i in (k, mark) if i is not None and (box := lines[i].bbox)]
        top = min(tops)
        above = lowest[first]
        if above is not None and top - above < _GAP * base:
            continue
        return first if _rest_is_notes(lines, idx[first:], base) else None
    return None


def _rest_is_notes(lines: list[Line], rest: list[int], base: float) -> bool:
    """From the start on, small lines (and marks), then at most a few short ones (the
    page's foot)."""
    k = 0
    while k < len(rest) and (_small(lines[rest[k]], base) or _mark_line(lines[rest[k]])):
        k += 1
    tail = rest[k:]
    return len(tail) <= _FOOTER_LINES and all(
        len(lines[i].text.split()) <= _FOOTER_WORDS for i in tail
    )


def take_notes(lines: list[Line], base: float | None) -> tuple[list[Line], list[Line]]:
    """``(the lines without the notes, the notes)``; a layout without positions or a
    known body size is returned as it came."""
    if base is None or not any(ln.bbox is not None for ln in lines):
        return lines, []
    if len(lines) > _MAX_LINES:
        return lines, []  # no article has so many lines: a hostile file, read without notes
    pages: dict[int, list[int]] = {}
    for k, ln in enumerate(lines):
        if ln.hint not in ("image", "header", "footer", "note"):
            pages.setdefault(ln.page, []).append(k)
    regions: list[tuple[list[Line], set[int]]] = []
    last: int | None = None  # the number of the last note taken
    for idx in pages.values():
        start = _region_start(lines, idx, base)
        if start is None:
            continue
        page_notes, page_taken = _read_region(lines, idx[start:], base)
        numbers = _numbers(page_notes, last)
        if numbers is None or not all(_reads_as_text(n.text) for n in page_notes):
            continue  # marks out of sequence, or no sentence: a figure's labels, a table
        regions.append((page_notes, page_taken))
        last = numbers[-1] if numbers else last
    # each note is referred to in the text, in order: a raised mark glued to a word
    taken: set[int] = set().union(*(t for _, t in regions)) if regions else set()
    rest = [ln for k, ln in enumerate(lines) if k not in taken]
    candidates = [n for page_notes, _ in regions for n in page_notes][:_MAX_NOTES]
    found = _references(rest, candidates)
    kept = [(n, t) for n, t in regions if all(id(note) in found for note in n)]
    if not kept:
        return lines, []
    taken = set().union(*(t for _, t in kept))
    return [ln for k, ln in enumerate(lines) if k not in taken], [x for n, _ in kept for x in n]


def _read_region(lines: list[Line], region: list[int], base: float) -> tuple[list[Line], set[int]]:
    """The notes of a page's note region, and the lines they were read from."""
    taken: set[int] = set()
    notes: list[Line] = []
    current: Line | None = None
    for k in region:
        line = lines[k]
        if k in taken:
            continue  # a mark already read with its note
        if not (_small(line, base) or _mark_line(line)):
            break  # the page's footer: left to the furniture rules
        mark = _mark_beside(lines, k, base)
        first = _MARK_FIRST.match(line.text.strip())
        if mark is not None:
            taken.update((k, mark))
            marker = f"[{lines[mark].text.strip()}]"
            current = replace(line, text=line.text.strip(), hint="note", marker=marker)
            notes.append(current)
        elif _mark_line(line):
            continue  # a mark whose note text comes next: read with it
        elif first is not None and (current is None or _ends(current)):
            taken.add(k)
            text = line.text.strip()[first.end() :]
            current = replace(line, text=text, hint="note", marker=f"[{first.group(1)}]")
            notes.append(current)
        elif current is not None:
            taken.add(k)
            notes[-1] = current = replace(current, text=f"{current.text} {line.text.strip()}")
    return notes, taken


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _mark_number(mark: str) -> int | None:
    """A mark's place in its sequence: ``3``, ``iii`` and ``c`` are 3; None for ``*``."""
    if mark.isdecimal():
        return int(mark)
    low = mark.lower()
    if all(ch in _ROMAN_VALUES for ch in low) and (len(low) > 1 or low in "ivx"):
        values = [_ROMAN_VALUES[ch] for ch in low]
        return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    if len(low) == 1 and "a" <= low <= "z":
        return ord(low) - ord("a") + 1
    return None


def _numbers(notes: list[Line], last: int | None) -> list[int] | None:
    """The page's note numbers when they count on by one, from 1 or from the last note
    of the pages before (Word numbers on, or restarts on each page); None when they
    do not (a figure's or a table's small numbers). Asterisks count as in sequence."""
    numbers = [_mark_number((n.marker or "").strip("[]")) for n in notes]
    counted = [n for n in numbers if n is not None]
    if not counted:
        return []
    if counted[0] != 1 and (last is None or counted[0] != last + 1):
        return None
    if any(b != a + 1 for a, b in itertools.pairwise(counted)):
        return None
    return counted


def _reads_as_text(text: str) -> bool:
    """A note says something: mostly letters, and three words of two letters or more, or
    a sentence (``Ibid.``); a figure's labels (``d3 X Y MSD``) and a table's numbers do not."""
    ink = [ch for ch in text if not ch.isspace()]
    if not ink or sum(ch.isalpha() for ch in ink) < 0.6 * len(ink):
        return False
    words = sum(sum(ch.isalpha() for ch in w) >= 2 for w in text.split())
    return words >= 3 or (words >= 1 and text.rstrip().endswith(_SENTENCE_END))


_SENTENCE_END = (".", "!", "?", "؟", ")", "»", "”", '"', "؛")


def _ends(current: Line) -> bool:
    """The current note's text ends a sentence: a line that opens with a mark then opens
    a new note (else it is a wrapped line that begins with a number)."""
    return current.text.rstrip().endswith(_SENTENCE_END)


#: what a note's reference follows in the text: a letter, a digit's neighbour excluded
#: (``G7``), or a closing stop or bracket; a mark of letters (``i``, ``a``) follows only
#: punctuation, since after a letter it would be part of the word
_AFTER_LETTER = re.compile(r"[^\W\d_]")
_AFTER_STOP = frozenset(".,;:!?»”\"')]،؛؟")


def _references(lines: list[Line], notes: list[Line]) -> dict[int, tuple[int, int]]:
    """Where each note is referred to: ``id(note) -> (line, offset)`` of its mark in the
    text. Notes are referred to in order, so each mark is looked for after the one
    before; a note whose mark is not found is left out (and the search goes on from the
    last one found)."""
    found: dict[int, tuple[int, int]] = {}
    at_line, at_char = 0, 0
    misses = 0  # each miss reads the rest of the text: a few, then the search stops
    for note in notes:
        mark = (note.marker or "").strip("[]")
        if not mark:
            continue
        where = _find_reference(lines, mark, at_line, at_char)
        if where is not None:
            found[id(note)] = where
            at_line, at_char = where[0], where[1] + len(mark)
        elif (misses := misses + 1) >= _MAX_MISSES:
            break
    return found


def bracket_references(lines: list[Line], notes: list[Line]) -> list[Line]:
    """The body's lines with each note's reference written ``[mark]``, as a Word file's
    reference reads. The text layer gives a raised mark as a plain character glued to
    the word before it (``dawn.1 The``)."""
    out = list(lines)
    # right to left within a line, so that each offset still holds when it is rewritten
    marks = {id(n): (n.marker or "").strip("[]") for n in notes}
    found = _references(lines, notes)
    places = sorted(((k, start, marks[i]) for i, (k, start) in found.items()), reverse=True)
    for k, start, mark in places:
        text = out[k].text
        out[k] = replace(out[k], text=f"{text[:start]}[{mark}]{text[start + len(mark) :]}")
    return out


def _after_word(text: str, at: int) -> bool:
    """The mark follows a word of two letters or more (``dawn1``; ``D1`` is a name)."""
    return at >= 2 and all(_AFTER_LETTER.fullmatch(ch) for ch in text[at - 2 : at])


def _find_reference(lines: list[Line], mark: str, line: int, char: int) -> tuple[int, int] | None:
    letters = not mark[0].isdigit()
    for k in range(line, len(lines)):
        text = lines[k].text
        start = char if k == line else 0
        while (at := text.find(mark, start)) >= 0:
            start = at + 1
            before = text[at - 1] if at > 0 else ""
            after = text[at + len(mark) : at + len(mark) + 1]
            if after and (after.isalnum() or after == "]"):
                continue
            if before in _AFTER_STOP or (not letters and _after_word(text, at)):
                return k, at
    return None
