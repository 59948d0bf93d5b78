"""Unicode normalisation in linear time, on any input.

CPython's ``unicodedata.normalize`` puts each run of combining marks in canonical order
with an insertion sort, so a run of n marks in the wrong order costs n² steps: a 100 KB
line of alternating shadda and tanwin took 18 s to store. No language writes more than a
handful of marks on one letter (UAX #15 calls a run of more than 30 "not stream-safe"),
so a run that long is hostile or broken input. Its characters are decomposed one by one
and put in canonical order here, with Python's stable sort (n log n); the normaliser then
finds them in order, and its own sort and composition are linear. The result is the
normaliser's own, character for character, since a stable sort by combining class is
what canonical ordering is.

    >>> normalize("NFC", "ا\u0653") == "آ"
    True
    >>> hostile = "ب" + "\u0651\u064b" * 20
    >>> normalize("NFC", hostile) == unicodedata.normalize("NFC", hostile)
    True
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

__all__ = ["NFC_SAFE_RANGES", "normalize"]

#: Code points that can neither combine with a neighbour nor be reordered or replaced by
#: NFC (combining class 0, never the second half of a canonical pair, NFC-stable):
#: ASCII to IPA, the Arabic block without its marks, general punctuation, Arabic
#: presentation forms. ``test_canonical.py`` checks this against the Unicode database.
NFC_SAFE_RANGES = (
    "\x00-\u02ff\u0600-\u060f\u061b-\u064a\u0660-\u066f\u0671-\u06d5\u06e5\u06e6"
    "\u06ee-\u06ff\u2002-\u206f\ufb50-\ufdff\ufe70-\ufefe"
)

Form = Literal["NFC", "NFD", "NFKC", "NFKD"]

# Runs at most this long are left to the normaliser: its sort is then bounded per run.
LONGEST_ORDINARY_RUN = 30

# A run this long of characters outside the ranges known to hold no combining mark. Only
# such a run can hold a long run of marks; most text has none (a space ends a run).
_LONG_RUN = re.compile(f"[^{NFC_SAFE_RANGES}]{{{LONGEST_ORDINARY_RUN + 1},}}")


def _in_canonical_order(decomposition: Form, span: str) -> str:
    """``span`` decomposed and in canonical order: each run of marks sorted by class."""
    out: list[str] = []
    marks: list[str] = []
    for ch in span:
        for part in unicodedata.normalize(decomposition, ch):
            if unicodedata.combining(part):
                marks.append(part)
                continue
            if marks:
                marks.sort(key=unicodedata.combining)  # stable: one class keeps its order
                out += marks
                marks = []
            out.append(part)
    marks.sort(key=unicodedata.combining)
    return "".join(out + marks)


def normalize(form: Form, text: str) -> str:
    """``unicodedata.normalize(form, text)``, in time linear in the longest mark run."""
    if _LONG_RUN.search(text) is None:
        return unicodedata.normalize(form, text)
    decomposition: Form = "NFKD" if form.startswith("NFK") else "NFD"
    ordered = _LONG_RUN.sub(lambda m: _in_canonical_order(decomposition, m.group()), text)
    return unicodedata.normalize(form, ordered)
