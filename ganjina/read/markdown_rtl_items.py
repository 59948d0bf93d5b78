"""Right-to-left list items a PDF-to-Markdown converter wrote in visual order.

A Dari or Pashto list item is printed with its marker at the right, where the line
starts. A converter that takes the page's runs left to right puts the marker *after* the
item's text and the item's final stop before it; several items set close together may
come out as one line. The shapes, each with the marker at the item's end:

* a bullet (``•``, or a symbol font's bullet in the Private Use Area):
  ``item؛ \\uf0b7`` and, for the last item, ``.item \\uf0b7``;
* a number with its bracket turned round: ``item؛)1`` is ``1) item؛``;
* a number whose dash went to the end: ``۱  item؛-`` is ``۱ - item؛``; the last item
  may bring its number to the end as well, its stop first: ``.  item۵``;
* a number whose stop went to the front with the item's own: ``.. item4`` is
  ``4. item.``;
* a bullet after the last item's stop, both first: ``.• item``.

A line is read so only when it is made wholly of such items (every item a few words,
ending with an item's semicolon or, last, with its stop moved to the front), and a bare
number at the end counts as a marker only where it follows the item before it in the
same list. Each pattern is linear (bounded repeats, no nested quantifiers).
"""

from __future__ import annotations

import re

_LETTER = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"
_DIGIT = "0-9۰-۹٠-٩"
_BULLET = "•◦▪●\ue000-\uf8ff"
# one item: its moved stop(s), a number the converter left first, the text, the item's
# end (a semicolon) and the marker drawn after it
_ITEM = re.compile(
    f"\\s*(?P<stop>\\.{{1,2}}\\)?)?\\s*(?P<lead>[{_DIGIT}]{{1,2}}\\s+)?"
    f"(?P<text>[{_LETTER}][^{_BULLET};؛.]{{0,300}}?)(?P<end>[؛;]?)\\s*"
    f"(?P<mark>[{_BULLET}]|\\)\\s?[{_DIGIT}]{{1,2}}|-\\s?[{_DIGIT}]{{1,2}}|-|[{_DIGIT}]{{1,2}}\\.?)"
    f"(?=\\s|$)"
)
# the last item after one that ends with a semicolon: its stop first, its marker lost
_BARE_LAST = re.compile(f"^\\.\\s?([{_LETTER}][^{_BULLET};؛.]{{0,300}}?)(?<![-{_DIGIT}\\s])\\s*$")
# a printed line that holds only a marker (the item's text is on the next one)
LONE_MARKER = re.compile(f"^\\s*\\.?\\s*([{_BULLET}]|[{_DIGIT}]{{1,2}})\\s*[.)]?\\s*$")
# what runs on after the last item is a paragraph: more than a few words
_MIN_PARAGRAPH_WORDS = 12
# the last item with its stop and its bullet both in front: ".• item"
_STOP_BULLET_FIRST = re.compile(
    f"^\\.\\s*([{_BULLET}])\\s*([{_LETTER}][^{_BULLET};؛.]{{0,300}}?)\\s*$"
)
_MAX_ITEM_WORDS = 40
_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _number(marker: str | None) -> int | None:
    m = re.search(f"[{_DIGIT}]{{1,3}}", marker or "")
    return int(m.group(0).translate(_TO_LATIN)) if m else None


def visual_order_items(
    line: str, previous: tuple[str, str] | None = None
) -> tuple[list[tuple[str, str]], str] | None:
    """The items (marker, text) of a line made of list items drawn in visual order, and
    the paragraph text run on after the last one (or ""); None if the line is not so
    made. ``previous`` is the list item (marker, text) on the line before, if any: a bare
    number at an item's end is its marker only when it comes after that item's, and a
    short line with its stop first, no marker left, is the last item only after an item
    that ends with a semicolon (one that says another follows).

    >>> visual_order_items("آب پاک؛ \uf0b7 .یک اتاق دیگر \uf0b7")
    ([('•', 'آب پاک؛'), ('•', 'یک اتاق دیگر.')], '')
    >>> visual_order_items("راهی که باز بماند؛)1")
    ([('1)', 'راهی که باز بماند؛')], '')
    >>> visual_order_items(".  یک الماری کتاب۵", previous=("۴ -", "آب پاک؛"))
    ([('۵ -', 'یک الماری کتاب.')], '')
    """
    line = line.strip()
    prev_marker = previous[0] if previous else None
    if previous is not None and (m := _STOP_BULLET_FIRST.match(line)):
        return [("•", m.group(2).rstrip() + ".")], ""
    if found := _drawn_items(line, prev_marker):
        return found
    after_open_item = previous is not None and previous[1].rstrip().endswith(("؛", ";"))
    m = _BARE_LAST.match(line) if after_open_item else None
    if m and len(m.group(1).split()) <= _MAX_ITEM_WORDS:
        return [(_next_marker(prev_marker), m.group(1).rstrip() + ".")], ""
    return None


def _drawn_items(line: str, prev_marker: str | None) -> tuple[list[tuple[str, str]], str] | None:
    """The items of ``line`` each with its marker drawn after it."""
    items: list[tuple[str, str]] = []
    at = 0
    while at < len(line):
        m = _ITEM.match(line, at)
        if m is None:
            return None
        stop, lead, text, end, mark = (
            m.group(g) or "" for g in ("stop", "lead", "text", "end", "mark")
        )
        text = text.strip()
        if len(text.split()) > _MAX_ITEM_WORDS or bool(stop) == bool(end):
            return None  # an item ends with its semicolon, or (the last) its stop moved first
        marker = _marker(stop, lead, mark, prev_marker)
        if marker is None:
            return None
        items.append((marker, text + (end or ".")))
        prev_marker = marker
        at = m.end()
        if stop:  # the last item: what follows is a paragraph run on, or nothing
            rest = line[at:].strip()
            if rest and len(rest.split()) < _MIN_PARAGRAPH_WORDS:
                return None
            return items, rest
    return (items, "") if items else None


def _next_marker(previous: str | None) -> str:
    """The marker after ``previous`` in the same form (the converter lost it)."""
    n = _number(previous)
    if previous is None or n is None:
        return "•"
    digits = "۰۱۲۳۴۵۶۷۸۹" if re.search("[۰-۹]", previous) else "0123456789"
    following = "".join(digits[int(d)] for d in str(n + 1))
    return re.sub(f"[{_DIGIT}]{{1,3}}", following, previous, count=1)


def _marker(stop: str, lead: str, mark: str, previous: str | None) -> str | None:
    """The printed marker of one item from the pieces the converter scattered."""
    lead = lead.strip()
    if re.fullmatch(f"[{_BULLET}]", mark):
        return None if lead else "•"
    if mark.startswith(")"):
        return None if lead else f"{mark[1:].strip()})"
    if mark == "-":
        return f"{lead} -" if lead else None
    # a number at the end: the marker of the last item, after the one before
    n, before = _number(mark), _number(previous)
    if lead or not stop or n is None or before is None or not before < n <= before + 9:
        return None
    number = mark.strip("-. ")
    if mark.startswith("-") or (previous or "").rstrip().endswith("-"):
        return f"{number} -"
    if (previous or "").endswith(")") or stop.endswith(")"):
        return f"{number})"
    return f"{number}."
