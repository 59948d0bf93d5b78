"""Word equations (Office Math, ``m:oMath``) → one line of linear text.

Word keeps an equation's characters in ``m:t`` elements of its own namespace, which the
run reader (``w:t``) never sees: every equation had vanished from the record. Here an
equation is written out in a linear form close to Word's own "linear format"
(UnicodeMath), so that its letters, digits and operators are all in the text, in the
order a reader says them: ``F = ∑_(i=0)^7 m_i``, ``(a+b)/2``, ``√(x)``, ``x^2``. A group
of more than one character is bracketed where the form needs it. Structure the linear
form cannot say (an accent's place, a matrix's alignment) is dropped, never its text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["MATH", "equation_text"]

MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAX_DEPTH = 48  # nesting written out; deeper (hostile) parts are read as plain text


def _name(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{" + MATH + "}") else ""


def _child(el: Any, name: str) -> Any | None:
    return next((c for c in el.iterchildren() if _name(c) == name), None)


def _property(el: Any, holder: str, name: str, default: str) -> str:
    """An ``m:…Pr`` child's ``m:val`` (``<m:naryPr><m:chr m:val="∑"/>``)."""
    props = _child(el, holder)
    found = _child(props, name) if props is not None else None
    if found is None:
        return default
    return str(found.get(f"{{{MATH}}}val", default))


def _group(text: str) -> str:
    """A sub- or superscript, numerator or denominator: bracketed unless one character."""
    return text if len(text) <= 1 else f"({text})"


def _text(el: Any | None, depth: int) -> str:
    if el is None:
        return ""
    if depth > _MAX_DEPTH:
        return "".join(el.itertext())
    name = _name(el)
    part = _PARTS.get(name)
    if part is not None:
        return part(el, depth + 1)
    if name == "t":
        return str(el.text or "")
    if name.endswith("Pr"):
        return ""  # properties: how to draw, not what to say
    if el.tag == f"{{{_W}}}t":  # a Word run's text inside an equation (rare)
        return str(el.text or "")
    return "".join(_text(c, depth + 1) for c in el.iterchildren())


def _fraction(el: Any, depth: int) -> str:
    num, den = _text(_child(el, "num"), depth), _text(_child(el, "den"), depth)
    return f"{_group(num)}/{_group(den)}"


def _scripts(el: Any, depth: int) -> str:
    base = _text(_child(el, "e"), depth)
    sub, sup = _text(_child(el, "sub"), depth), _text(_child(el, "sup"), depth)
    return base + (f"_{_group(sub)}" if sub else "") + (f"^{_group(sup)}" if sup else "")


def _pre_scripts(el: Any, depth: int) -> str:
    sub, sup = _text(_child(el, "sub"), depth), _text(_child(el, "sup"), depth)
    pre = (f"_{_group(sub)}" if sub else "") + (f"^{_group(sup)}" if sup else "")
    return pre + _text(_child(el, "e"), depth)


def _nary(el: Any, depth: int) -> str:
    sign = _property(el, "naryPr", "chr", "∫")
    sub, sup = _text(_child(el, "sub"), depth), _text(_child(el, "sup"), depth)
    limits = (f"_{_group(sub)}" if sub else "") + (f"^{_group(sup)}" if sup else "")
    return f"{sign}{limits} {_text(_child(el, 'e'), depth)}".rstrip()


def _radical(el: Any, depth: int) -> str:
    degree, body = _text(_child(el, "deg"), depth), _text(_child(el, "e"), depth)
    return f"√({degree}&{body})" if degree else f"√({body})"


def _delimited(el: Any, depth: int) -> str:
    begin = _property(el, "dPr", "begChr", "(")
    end = _property(el, "dPr", "endChr", ")")
    between = _property(el, "dPr", "sepChr", "|")
    parts = [_text(c, depth) for c in el.iterchildren() if _name(c) == "e"]
    return begin + between.join(parts) + end


def _function(el: Any, depth: int) -> str:
    return f"{_text(_child(el, 'fName'), depth)} {_text(_child(el, 'e'), depth)}".strip()


def _limit(mark: str) -> Callable[[Any, int], str]:
    def write(el: Any, depth: int) -> str:
        lim = _text(_child(el, "lim"), depth)
        return _text(_child(el, "e"), depth) + (f"{mark}{_group(lim)}" if lim else "")

    return write


def _rows(el: Any, depth: int) -> str:
    """An equation array or a matrix: its rows one after another, cells apart."""
    if _name(el) == "eqArr":
        return "; ".join(_text(c, depth) for c in el.iterchildren() if _name(c) == "e")
    rows = [c for c in el.iterchildren() if _name(c) == "mr"]
    return (
        "["
        + "; ".join(
            ", ".join(_text(e, depth) for e in row.iterchildren() if _name(e) == "e")
            for row in rows
        )
        + "]"
    )


_PARTS: dict[str, Callable[[Any, int], str]] = {
    "f": _fraction,
    "sSub": _scripts,
    "sSup": _scripts,
    "sSubSup": _scripts,
    "sPre": _pre_scripts,
    "nary": _nary,
    "rad": _radical,
    "d": _delimited,
    "func": _function,
    "limLow": _limit("_"),
    "limUpp": _limit("^"),
    "eqArr": _rows,
    "m": _rows,
}


def equation_text(el: Any) -> str:
    """One equation (``m:oMath``, or an ``m:oMathPara`` of them) as linear text."""
    if _name(el) == "oMathPara":
        return " ".join(equation_text(c) for c in el.iterchildren() if _name(c) == "oMath")
    return " ".join(_text(el, 0).split())
