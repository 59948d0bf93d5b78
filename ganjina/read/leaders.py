"""Leaders and rules drawn with characters: filler, not text.

A table of contents joins an entry to its page number with a row of dots set at even
distances (TeX's ``\\dotfill``, a word processor's dotted tab leader); a form or a
solution box draws a line with a long run of minus signs or box-drawing strokes. A text
layer keeps each of those glyphs, so a bare extraction reads ``مقدمه . . . . . . ۱``
(Word's dotted tab leader: a hundred dots with no space between) and a row of 50 minus
signs as words. What the author typed stays: a short run of dots (``..........`` left as
a blank to fill in), an ellipsis, a spaced ``. . .`` of three, a row of hyphens or
underscores (keys an author presses).
"""

from __future__ import annotations

import re

# four or more dots, each set apart from the next (the spacing is the leader's mark);
# every dot starts a try that ends within the run, and a run is consumed once matched
# or two dozen and more in a row, longer than a typed blank
_DOT_LEADER = re.compile(r"[.·…](?:[ \u00a0\u2009]+[.·…]){3,}|[.·…]{24,}")
# a line drawn with a stroke no keyboard key types, a dozen and more in a row
_RULE = re.compile(r"[\u2212\u2500\u2501\u2015]{12,}")


def drop_leaders(text: str) -> str:
    """``text`` without dot leaders and character rules, its white space collapsed.

    >>> drop_leaders("مقدمه . . . . . . ۱")
    'مقدمه ۱'
    >>> drop_leaders("نام: .......... تاریخ: . . .")
    'نام: .......... تاریخ: . . .'
    """
    kept = _RULE.sub(" ", _DOT_LEADER.sub(" ", text))
    return kept if kept == text else " ".join(kept.split())
