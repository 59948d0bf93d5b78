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
    marker = f"{int(m.group(1)) - 1}{m.group(2)}"
    at = line.text.rfind(f" {marker} ")
    if at <= 0 or not line.text[:at].rstrip().endswith((".", "!", "?", "…", ":", "؟")):
        return None
    tail = line.text[at + len(marker) + 2 :].strip()
    if not tail or len(tail.split()) > _MAX_ITEM_WORDS:
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
    for line in lines[k + 1 : k + 4]:
        if line.hint == "list" or len(line.text.split()) > _FURNITURE_WORDS:
            return line
    return None


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
    while True:
        following = re.escape(_numeral(number + 1, digits) + stop)
        nxt = re.search(f"(?<=[.;؛])\\s*({following})\\s*(?=\\S)", text)
        if nxt is None:
            # the last item drawn right to left: its stop first (with the marker's own,
            # where that went too), its number last (``؛ .Text 5.``, ``؛ .. Text۵``): the
            # stop goes back to the end
            bare = re.escape(_numeral(number + 1, digits))
            if back := re.search(
                f"(?<=[;؛])\\s*(?:\\.\\.?\\s*(\\S[^.;؛]*?)\\s*({following})|"
                f"\\.\\.\\s*(\\S[^.;؛]*?)\\s*({bare}))\\s*$",
                text,
            ):
                out.append(replace(current, text=text[: back.start()].rstrip()))
                current = replace(item, marker=_numeral(number + 1, digits) + stop, para_start=True)
                text = (back.group(1) or back.group(3)).rstrip() + "."
            break
        out.append(replace(current, text=text[: nxt.start()].rstrip(), soft_break_after=False))
        current = replace(item, marker=nxt.group(1), para_start=True)
        text, number = text[nxt.end() :], number + 1
    out.append(replace(current, text=text))
    return out


def split_run_on_items(lines: list[Line]) -> list[Line]:
    """The lines with list items and the paragraphs run into them told apart."""
    lines = [part for line in lines for part in _items_in_sequence(line)]
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
