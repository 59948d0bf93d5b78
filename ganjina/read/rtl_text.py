"""Repairs for right-to-left lines that reach us as text only (PDF-to-Markdown conversions).

Without glyph positions the order cannot be rebuilt exactly, but the converters' defects
have recognisable shapes, each repaired here on its own:

* a justified Dari or Pashto line is cut into runs at every kashida glyph, the runs come
  in left-to-right order, and each kashida reads as a stray ``**!**``: put the runs back
  right to left and drop the strays;
* the line-final full stop (and closing guillemet) is moved to the start of the line;
* the space before a run of digits is lost (``غږ۱۷.۱۰.۲۰۲۳``);
* a list marker ``1)`` reads ``)1``;
* a Latin photo credit at the end comes first, in mirrored brackets.
"""

from __future__ import annotations

import re

from ganjina.read.bidi import is_rtl_text, strip_kashida_noise
from ganjina.read.markdown_rtl import moved_separator

_ARABIC = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
# a kashida that became its own bold or italic run: **!**, **_7_**, _C_
_RUN_BREAK = re.compile("\\s*\\*\\*_?[-!A-Za-z0-9\ufffd]_?\\*\\*\\s*")
_EMPHASIS_WRAP = re.compile(r"^(\*{1,3}|_{1,3})(.*?)\1$")
_LEADING_STOP = re.compile(f"^([.،؛:!؟»]+)\\s*(?=[{_ARABIC}])")
# "1) item" drawn right to left reads ")1 item"
_REVERSED_MARKER = re.compile(r"^\)\s*([0-9۰-۹]{1,3})\s+")
# a Latin photo credit drawn right to left lands first, its brackets mirrored:
# ")AP Photo/A. Person( . caption" is "caption. (AP Photo/A. Person)"
# (the credit in Latin letters only: a name followed by Arabic-script text is another shape)
_LEADING_CREDIT = re.compile(r"^\)\s*_?([A-Za-z][A-Za-z0-9 .,'/&-]{0,80}?)_?\s*\(\s*(\.?)\s*(?=\S)")
_GLUED_DIGITS = re.compile(f"(?<=[{_ARABIC}])(?=[0-9۰-۹٠-٩])")


def _unwrap(fragment: str) -> str:
    fragment = fragment.strip()
    m = _EMPHASIS_WRAP.match(fragment)
    return m.group(2) if m else fragment


def cut_by_kashidas(line: str) -> bool:
    """A right-to-left line the converter cut into runs at its kashidas (``**!**``)."""
    return is_rtl_text(line) and _RUN_BREAK.search(line) is not None


def credit_drawn_first(line: str) -> bool:
    """A right-to-left line that opens with its Latin photo credit in mirrored brackets
    (``) _AP Photo/Name_ ( .caption``): one line, though the credit is set in italic, so
    its runs are not split apart before :func:`repair_rtl_line` turns it round.

    >>> credit_drawn_first(") _AP Photo/Ali Rahimi_ ( .باغ کهنهٔ شهر در بهار سبز شد")
    True
    """
    return is_rtl_text(line) and _LEADING_CREDIT.match(line) is not None


def repair_rtl_line(line: str) -> str:
    """Repair one Markdown line whose text is mostly Arabic script (others pass unchanged).

    >>> repair_rtl_line("ه **!** راف روضه می‌گویند ک **!** داران اط **!** امسال دکان")
    'امسال دکانداران اطراف روضه می‌گویند که'
    >>> repair_rtl_line(".خانواده‌ها نشانهٔ بهار است")
    'خانواده‌ها نشانهٔ بهار است.'
    >>> repair_rtl_line("،مریم احمدی ۰۵.۰۳.۲۰۲۰")
    '،مریم احمدی ۰۵.۰۳.۲۰۲۰'
    """
    if not is_rtl_text(line):
        return line
    if _RUN_BREAK.search(line):
        fragments = [_unwrap(f) for f in _RUN_BREAK.split(line)]
        line = "".join(reversed(fragments))
    line = strip_kashida_noise(line)
    line = _REVERSED_MARKER.sub(lambda m: f"{m.group(1)}) ", line)
    if m := _LEADING_CREDIT.match(line):
        line = f"{line[m.end() :].rstrip()}{m.group(2)} ({m.group(1).strip()})"
    # a comma first and a number last is a byline or date line's separator, which
    # repair_rtl_text puts back before the number, not at the end
    if (m := _LEADING_STOP.match(line)) and not moved_separator(line):
        line = line[m.end() :].rstrip() + m.group(1)[::-1]
    return _GLUED_DIGITS.sub(" ", line)
