"""Word's inserted symbols (``<w:sym w:font="Symbol" w:char="F061"/>``) → their characters.

Insert ▸ Symbol writes a character of a symbol font as ``w:sym``: the font and the
character's code in it, not the character. Read as text nothing stood there, so the
symbol vanished from the record (an α, a →, a ≤ in a sentence). The Symbol font's codes
are mapped to the Unicode characters that font draws (Adobe's Symbol encoding: Greek
letters, arrows, relations, operators); a code of another font, or one the table lacks,
is kept as the character Word stored (in a symbol font, a private-use code point), so
nothing is lost even where no letter is known.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

__all__ = ["symbol_text"]

_FONT, _CHAR = qn("w:font"), qn("w:char")

_GREEK_UPPER = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # Symbol's A–Z
_GREEK_LOWER = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"  # Symbol's a–z
_SYMBOL = {
    **{0x41 + k: ch for k, ch in enumerate(_GREEK_UPPER)},
    **{0x61 + k: ch for k, ch in enumerate(_GREEK_LOWER)},
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ", 0xA7: "♣", 0xA8: "♦",
    0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°",
    0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×", 0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷",
    0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xC0: "ℵ", 0xC4: "⊗", 0xC5: "⊕", 0xC6: "∅",
    0xC7: "∩", 0xC8: "∪", 0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄", 0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈",
    0xCF: "∉", 0xD0: "∠", 0xD1: "∇", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅", 0xD8: "¬", 0xD9: "∧",
    0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊", 0xE5: "∑",
    0xF2: "∫",
}  # fmt: skip


def symbol_text(sym: Any) -> str:
    """The character a ``w:sym`` element prints; empty where its code is no number."""
    font, code = sym.get(_FONT), sym.get(_CHAR)
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if not 0 < value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return ""
    # symbol fonts' codes are written in the private-use row U+F0xx
    low = value - 0xF000 if 0xF020 <= value <= 0xF0FF else value
    if (font or "").strip().lower() == "symbol" and low in _SYMBOL:
        return _SYMBOL[low]
    return chr(value)
