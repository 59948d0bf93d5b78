"""List items a PDF-to-Markdown converter ran together with the paragraph beside them.

Where a list is set with no space between it and the text around it, the converter reads
the paragraph and the first item as one block (``… was needed. 1. A pump for the
well;`` with ``2. …`` on the next line), or the last item and the paragraph after it
(``3. A roof for the pump house. The committee met again …``). The list itself says
where they part: the first item's number is the one before the next item's, after a
sentence's end; and a last item that holds several sentences, where every other item
of the list is one, ends with its first sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ganjina.read.layout import Line

_NUMBER = re.compile(r"^([0-9۰-۹]{1,3})([.)])$")
_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
# the last bulleted item drawn right to left, run into the item before: "؛ .• text"
_STOP_BULLET = re.compile(r"(?<=[;؛])\s*\.\s*•\s*(?=\S)")


def _numeral(n: int, like: str) -> str:
    """``n`` written in the digits ``like`` uses (Persian or Latin), as a pattern."""
    persian = "".join("۰۱۲۳۴۵۶۷۸۹"[int(d)] for d in str(n))
    return persian if re.search("[۰-۹]", like) else str(n)


# the end of a sentence (a list item ends with a semicolon too) and a space after it
_GAP = re.compile(r"(?<=[.!?;…؟؛])\s+(?=\S)")
# a list item is a line or two, not a paragraph
_MAX_ITEM_WORDS = 40
# what runs on after the last item is a paragraph: more than a few words
_MIN_PARAGRAPH_WORDS = 12
# a running header or footer line: a page number, the site's URL and e-mail
_FURNITURE_WORDS = 5


def _first_item_run_in(line: Line, item: Line) -> list[Line] | None:
    """``line`` split before the first item of the list that ``item`` goes on with."""
    m = _NUMBER.match(item.marker or "")
    if line.hint is not None or m is None or int(m.group(1)) < 2:
        return None
    digits = m.group(1)
    marker = f"{_numeral(int(digits.translate(_TO_LATIN)) - 1, digits)}{m.group(2)}"
    at = line.text.rfind(f" {marker} ")
    if at <= 0:
        return None
    tail = line.text[at + len(marker) + 2 :].strip()
    if not tail or len(tail.split()) > _MAX_ITEM_WORDS:
        return None
    # after a sentence's end; or, where the item ends as a list item does (``؛``), after
    # anything: a right-to-left paragraph drawn in visual order has its last stop at the
    # start of its printed line (``… شاوخوا۱۸ 1. د جنراتور … تېل؛``)
    ended = line.text[:at].rstrip().endswith((".", "!", "?", "…", ":", "؟"))
    if not ended and not tail.endswith(("؛", ";")):
        return None
    head = replace(line, text=line.text[:at].rstrip(), soft_break_after=False)
    return [head, replace(line, text=tail, hint="list", marker=marker, para_start=True)]


def _last_item_run_on(item: Line, others: list[Line]) -> list[Line] | None:
    """The last ``item`` of a list split after its first sentence, when it holds more
    than one and every other item (``others``) holds one."""
    if not others or any(_GAP.search(o.text.rstrip()) for o in others):
        return None
    gap = _GAP.search(item.text)
    if gap is None:
        return None
    rest = item.text[gap.end() :]
    if len(rest.split()) < _MIN_PARAGRAPH_WORDS:
        return None  # an abbreviation's stop (``z. B.``), not a paragraph run on
    kept = replace(item, text=item.text[: gap.start()], soft_break_after=False)
    return [kept, replace(item, text=rest, hint=None, marker=None, para_start=True)]


def _next_text(lines: list[Line], k: int) -> Line | None:
    """The line after ``k`` past the short lines of a page's footer and header (a page
    break may stand before a list item): a list item, or a line of some words."""
    at = _next_text_at(lines, k)
    return None if at is None else lines[at]


def _next_text_at(lines: list[Line], k: int) -> int | None:
    """Where ``_next_text`` stands in ``lines``."""
    for at in range(k + 1, min(k + 4, len(lines))):
        line = lines[at]
        if line.hint == "list" or len(line.text.split()) > _FURNITURE_WORDS:
            return at
    return None


def _with_last_items_drawn_apart(lines: list[Line]) -> list[Line]:
    """``lines`` with each list's last item that was drawn apart from it read as an item
    (``_last_item_drawn_apart``): on the line after the list's last item, past the short
    lines of a page's footer and header."""
    parts_at: dict[int, list[Line]] = {}
    for k, line in enumerate(lines):
        if line.hint != "list" or (k + 1 < len(lines) and lines[k + 1].hint == "list"):
            continue
        at = _next_text_at(lines, k)
        if at is not None and (parts := _last_item_drawn_apart(line, lines[at])) is not None:
            parts_at[at] = parts
    return [part for at, line in enumerate(lines) for part in parts_at.get(at, [line])]


def _items_in_sequence(item: Line) -> list[Line]:
    """A numbered item holding the next items of its list (``2. …؛ 3. …؛ 4. …``, a
    converter ran them into one line): split where the next number in sequence follows
    an item's end. A bulleted one holding the last item drawn right to left
    (``…؛ .• text``) is split there too."""
    if item.hint == "list" and item.marker == "•" and (cut := _STOP_BULLET.search(item.text)):
        rest = item.text[cut.end() :].rstrip()
        last = rest if rest.endswith(tuple(".!؟")) else rest + "."
        head = replace(item, text=item.text[: cut.start()].rstrip(), soft_break_after=False)
        return [head, replace(item, text=last, para_start=True)]
    m = _NUMBER.match(item.marker or "") if item.hint == "list" else None
    if m is None:
        return [item]
    out: list[Line] = []
    digits, stop = m.group(1), m.group(2)
    number, text, current = int(digits.translate(_TO_LATIN)), item.text, item
    run_on = ""
    while True:
        following = re.escape(_numeral(number + 1, digits) + stop)
        nxt = re.search(f"(?<=[.;؛])\\s*({following})\\s*(?=\\S)", text)
        if nxt is None:
            # the last item drawn right to left: its stop first (with the marker's own,
            # where that went too), its number last (``؛ .Text 5.``, ``؛ .. Text۵``,
            # ``؛ .) Text ۵ the paragraph …``): the stop goes back to the end
            for cut in reversed(list(_AFTER_ITEM_END.finditer(text))):
                if drawn := _drawn_last(text[cut.end() :], _numeral(number + 1, digits)):
                    out.append(replace(current, text=text[: cut.start()].rstrip()))
                    current = replace(
                        item, marker=_numeral(number + 1, digits) + stop, para_start=True
                    )
                    text, run_on = drawn
                    break
            break
        out.append(replace(current, text=text[: nxt.start()].rstrip(), soft_break_after=False))
        current = replace(item, marker=nxt.group(1), para_start=True)
        text, number = text[nxt.end() :], number + 1
    out.append(replace(current, text=text))
    if run_on:
        out.append(replace(item, text=run_on, hint=None, marker=None, para_start=True))
    return out


#: where a list item ends and another may begin: after its semicolon
_AFTER_ITEM_END = re.compile(r"(?<=[;؛])\s*(?=\.)")


def _drawn_last(text: str, number: str) -> tuple[str, str] | None:
    """The last item of a right-to-left list drawn in visual order, its stop (and the
    marker's stop or bracket) first and its ``number`` after its text: (the item's text
    with its stop back at the end, the paragraph run on after it, or ""); None if
    ``text`` is not so drawn, or what runs on is too short for a paragraph."""
    drawn = re.match(
        rf"^\.[.)]?\s*([^.;؛\d۰-۹]{{1,300}}?)\s*{number}[.)]?(?:\s+(.+))?$", text.strip()
    )
    # or with its two stops put back after the number by the right-to-left repair, which
    # took them for a sentence's (``text ۵..``)
    drawn = drawn or re.match(rf"^([^.;؛\d۰-۹]{{1,300}}?)\s*{number}\s?\.\.()$", text.strip())
    if drawn is None or len(drawn.group(1).split()) > _MAX_ITEM_WORDS:
        return None
    rest = drawn.group(2) or ""
    if rest and len(rest.split()) < _MIN_PARAGRAPH_WORDS:
        return None
    return drawn.group(1).rstrip() + ".", rest


def _last_item_drawn_apart(item: Line, line: Line) -> list[Line] | None:
    """The last item of a numbered right-to-left list, printed after a page break or as
    the start of the paragraph after it, with its stop (and the marker's) first and its
    number after its text (``.. text۵``, ``.) text ۵ the paragraph …``): the item, and the
    paragraph run on after it. ``item``: the list's item before, which must end as one
    that says another follows (``؛``)."""
    m = _NUMBER.match(item.marker or "") if item.hint == "list" else None
    if m is None or line.hint is not None or not item.text.rstrip().endswith(("؛", ";")):
        return None
    digits, stop = m.group(1), m.group(2)
    following = _numeral(int(digits.translate(_TO_LATIN)) + 1, digits)
    drawn = _drawn_last(line.text, following)
    if drawn is None:
        return None
    text, rest = drawn
    last = replace(
        line,
        text=text,
        hint="list",
        marker=following + stop,
        para_start=True,
        soft_break_after=False,
    )
    return [last, replace(line, text=rest, para_start=True)] if rest else [last]


def split_run_on_items(lines: list[Line]) -> list[Line]:
    """The lines with list items and the paragraphs run into them told apart."""
    lines = [part for line in lines for part in _items_in_sequence(line)]
    lines = _with_last_items_drawn_apart(lines)
    out: list[Line] = []
    for k, line in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        after = _next_text(lines, k)
        if (
            after is not None
            and after.hint == "list"
            and (parts := _first_item_run_in(line, after))
        ):
            out.extend(parts)
            continue
        ends_list = line.hint == "list" and (nxt is None or nxt.hint != "list")
        if ends_list:
            start = len(out)
            while start > 0 and out[start - 1].hint == "list":
                start -= 1
            if parts := _last_item_run_on(line, out[start:]):
                out.extend(parts)
                continue
        out.append(line)
    return out
