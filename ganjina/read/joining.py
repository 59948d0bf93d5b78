"""Arabic-script joining: which letters connect to the next one, and which form a glyph is.

A Dari or Pashto word is drawn with contextual glyph forms: a letter that connects to
the next one takes its initial or medial form, the last letter of a word (or the letter
before a zero-width non-joiner) its final or isolated form. The form a PDF drew is
evidence the text layer does not always spell out: a ZWNJ has no glyph of its own, and
many producers map every form of a letter to the plain letter. Where a glyph *is* named by
a presentation-form code point (U+FB50–U+FEFF), its form is known at once.

The joining types are the Unicode facts (ArabicShaping.txt) for the letters Dari, Pashto,
Persian, Arabic and Urdu use: ``D`` dual-joining (connects on both sides), ``R``
right-joining (connects only to the letter before it: ا د ذ ر ز ژ و and the like).

    >>> joins_next("ب"), joins_next("ر"), joins_next("ټ"), joins_next("ړ")
    (True, False, True, False)
    >>> presentation_form("\\ufeea")    # heh, final form
    ('ه', 'final')
"""

from __future__ import annotations

import functools
import unicodedata

# Right-joining letters (they never connect to a following letter). Everything else that
# is an Arabic-script letter and not listed as non-joining is dual-joining.
_RIGHT_JOINING = {
    chr(cp)
    for first, last in (
        (0x0622, 0x0625),
        (0x0627, 0x0627),
        (0x0629, 0x0629),
        (0x062F, 0x0632),
        (0x0648, 0x0648),
        (0x0671, 0x0673),
        (0x0675, 0x0677),
        (0x0688, 0x0699),
        (0x06C0, 0x06C0),
        (0x06C3, 0x06CB),
        (0x06CD, 0x06CD),
        (0x06CF, 0x06CF),
        (0x06D2, 0x06D3),
        (0x06D5, 0x06D5),
        (0x06EE, 0x06EF),
        (0x0759, 0x075B),
        (0x076B, 0x076C),
        (0x0771, 0x0771),
        (0x0773, 0x0774),
        (0x0778, 0x0779),
    )
    for cp in range(first, last + 1)
}
# Letters that join on neither side (hamza on the line).
_NON_JOINING = set("ءٴ۽")

_FORM_NAMES = {"<isolated>": "isolated", "<initial>": "initial", "<medial>": "medial",
               "<final>": "final"}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def is_joining_letter(ch: str) -> bool:
    """An Arabic-script letter that takes part in joining (not a digit, mark or sign)."""
    if not ch or len(ch) != 1:
        return False
    cp = ord(ch)
    in_block = 0x0620 <= cp <= 0x06D5 or 0x06EE <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F
    if not in_block or 0x064B <= cp <= 0x065F or 0x0660 <= cp <= 0x066D or cp == 0x0640:
        return False
    return unicodedata.category(ch) == "Lo"


@functools.lru_cache(maxsize=4096)
def joins_next(ch: str) -> bool:
    """Whether a letter can connect to the letter after it (dual-joining)."""
    base, _ = presentation_form(ch)
    return is_joining_letter(base) and base not in _RIGHT_JOINING and base not in _NON_JOINING


@functools.lru_cache(maxsize=4096)
def joins_previous(ch: str) -> bool:
    """Whether a letter can connect to the letter before it (dual- or right-joining)."""
    base, _ = presentation_form(ch)
    return is_joining_letter(base) and base not in _NON_JOINING


@functools.lru_cache(maxsize=4096)
def presentation_form(ch: str) -> tuple[str, str | None]:
    """(plain letter, form) of a presentation-form code point; (ch, None) for anything else.

    Forms are ``isolated``, ``initial``, ``medial`` or ``final``; a ligature such as
    U+FEFB (lam-alef) gives its letters, with the form of the whole.
    """
    if len(ch) != 1 or not ("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"):
        return ch, None
    decomposition = unicodedata.decomposition(ch).split()
    if not decomposition or decomposition[0] not in _FORM_NAMES:
        return ch, None
    letters = "".join(chr(int(code, 16)) for code in decomposition[1:])
    return letters, _FORM_NAMES[decomposition[0]]


def form_joins_next(ch: str) -> bool | None:
    """For a presentation form: whether the drawn form connects to the next letter."""
    _, form = presentation_form(ch)
    if form is None:
        return None
    return form in ("initial", "medial")


def form_joins_previous(ch: str) -> bool | None:
    """For a presentation form: whether the drawn form connects to the letter before."""
    _, form = presentation_form(ch)
    if form is None:
        return None
    return form in ("medial", "final")
