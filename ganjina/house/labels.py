"""A profile's labels (``نویسنده:``, ``Translated by``, ``منبع:``) found at a line's start.

Editors print a label the way their keyboard and habit give it, not the way the profile
spells it: ``منبع :`` with a space before the colon, ``ليکوال:`` with the Arabic yeh a
Pashto keyboard types inside a word, ``SOURCE:`` in capitals. A label therefore matches
loosely: case, the Arabic/Persian yeh and kaf, and spaces before its colon aside. Nothing
else is loosened: a label the profile writes with a colon needs its colon (``منبع`` alone
opens many a sentence), and one written without (``By``, ``نوشتهٔ``) must stand as a word.

A label may also frame the names, as Pashto prints a byline: ``د زرغونې سپین لیکنه`` ("Zarghuna
Spin's writing"). The profile writes such a label with ``…`` where the names stand
(``د … لیکنه``); the line must then begin and end with the frame's two parts.
"""

from __future__ import annotations

from functools import lru_cache

#: letters a keyboard gives in two code points for one letter of the label (1:1, so the
#: folded text keeps the original's offsets)
_VARIANTS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ە": "ه"})
_COLONS = ":："
#: what stands for the names inside a framing label
NAMES = "…"
_MAX_FRAMED_WORDS = 7


def _fold(text: str) -> str:
    """Case and letter variants folded, one character for one (offsets carry over)."""
    folded = text.translate(_VARIANTS).lower()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_VARIANTS))


@lru_cache(maxsize=64)
def _ordered(labels: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    """``(folded label without its colon, the label, whether it has a colon)``, longest
    first (``ترجمه از:`` before ``ترجمه:``); framing labels are left out."""
    out = []
    for label in sorted(labels, key=len, reverse=True):
        stripped = label.strip()
        if not stripped or NAMES in stripped:
            continue
        core = stripped.rstrip(_COLONS).rstrip()
        out.append((_fold(core), stripped, core != stripped))
    return tuple(out)


def label_at_start(text: str, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """``(the label as the profile writes it, the text after it)`` when the line opens with
    one of the labels, or None. The text after it is stripped of spaces and the colon;
    it is empty when the line holds the label alone.

    >>> label_at_start("منبع : نشریهٔ پامیر", ("منبع:",))
    ('منبع:', 'نشریهٔ پامیر')
    >>> label_at_start("Paradoxerweise", ("Par ",)) is None
    True
    """
    stripped = text.strip()
    folded = _fold(stripped)
    for core, label, colon in _ordered(labels):
        if not folded.startswith(core):
            continue
        rest = stripped[len(core) :]
        if colon:
            after = rest.lstrip()
            if not after or after[0] not in _COLONS:
                continue
            return label, after[1:].strip()
        nxt = rest[:1]
        if core[-1:].isalpha() and nxt and not (nxt.isspace() or nxt in _COLONS):
            continue  # "Par " is a label, "Paradoxerweise" is not
        return label, rest.lstrip(" " + _COLONS).strip()
    return None


def framed_names(text: str, labels: tuple[str, ...]) -> str | None:
    """The names a framing label (``د … لیکنه``) holds in the line, or None.

    >>> framed_names("د زرغونې سپین لیکنه", ("لیکوال:", "د … لیکنه"))
    'زرغونې سپین'
    """
    stripped = text.strip()
    folded = _fold(stripped)
    for label in labels:
        if NAMES not in label:
            continue
        head, _, tail = label.partition(NAMES)
        head_f, tail_f = _fold(head.lstrip()), _fold(tail.rstrip())
        if len(folded) <= len(head_f) + len(tail_f):
            continue
        if folded.startswith(head_f) and folded.endswith(tail_f):
            inner = stripped[len(head_f) : len(stripped) - len(tail_f)].strip()
            words = inner.split()
            # names, not a phrase: "د کابل د اوبو په اړه لیکنه" (a piece about Kabul's
            # water) repeats the frame's own word inside, and runs long
            if 0 < len(words) <= _MAX_FRAMED_WORDS and head.strip() not in words:
                return inner
    return None
