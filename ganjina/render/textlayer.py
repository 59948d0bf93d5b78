"""Make the text layer of a Typst PDF read back cleanly in Dari and Pashto.

Typst maps each glyph to text through the fonts' ``ToUnicode`` tables, and where one
glyph stands for different text in different places it adds ``/ActualText`` spans. For
Arabic script set in Amiri that goes wrong in text extraction (PyMuPDF and others):

* a glyph is mapped to the text of the whole cluster it first appeared in, so a letter
  first seen after a zero-width non-joiner reads ``ZWNJ+letter`` everywhere, and both
  glyphs of a letter with a mark (``هٔ``, ``اً``) read as the whole pair: ``ههٔ``;
* the ``/ActualText`` corrections are applied inside reversed (right-to-left) runs with
  the wrong positions, doubling letters: ``های`` reads ``ها یی``.

So, after Typst, we give every glyph the one text it always stands for and drop the
``/ActualText`` spans: a base glyph reads as its letter, a mark glyph (zero advance
width) as its mark, and the ZWNJ, which has no glyph of its own, is left out of the map
(a reader cannot place it reliably; ``ganjina.read`` restores it where it can). Words,
spaces, line breaks and the order of lines are untouched.

The rewrite is byte-deterministic, so publishing stays reproducible.

    >>> clean_text_layer(pdf_bytes)  # doctest: +SKIP
"""

from __future__ import annotations

import re
import unicodedata

import pymupdf

# Characters with no glyph of their own that shaping folds into a neighbour's cluster.
_INVISIBLE = frozenset("\u200c\u200d\u200e\u200f\u2060\ufeff")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>")
_DELIMITERS = frozenset(b"()<>[]{}/% \t\r\n\f\x00")
_WHITESPACE = frozenset(b" \t\r\n\f\x00")


def _widths(doc: pymupdf.Document, font_xref: int) -> tuple[dict[int, int], int]:
    """Advance widths by CID from the descendant font's ``/W`` array (and ``/DW``)."""
    kind, value = doc.xref_get_key(font_xref, "DescendantFonts")
    match = re.search(r"(\d+) 0 R", value) if kind == "array" else None
    if match is None:
        return {}, 1000
    desc = int(match.group(1))
    dw_kind, dw = doc.xref_get_key(desc, "DW")
    default = int(float(dw)) if dw_kind == "int" or dw_kind == "float" else 1000
    kind, w = doc.xref_get_key(desc, "W")
    widths: dict[int, int] = {}
    if kind != "array":
        return widths, default
    tokens = re.findall(r"\[|\]|-?[\d.]+", w)[1:-1]  # without the outer brackets
    i = 0
    while i < len(tokens):
        first = int(tokens[i])
        if tokens[i + 1] == "[":  # c [w1 w2 ...]
            j = i + 2
            while tokens[j] != "]":
                widths[first + j - i - 2] = int(float(tokens[j]))
                j += 1
            i = j + 1
        else:  # c_first c_last w
            for cid in range(first, int(tokens[i + 1]) + 1):
                widths[cid] = int(float(tokens[i + 2]))
            i += 3
    return widths, default


def _visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in _INVISIBLE) or text


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


def glyph_texts(mapping: dict[int, str], widths: dict[int, int], default: int) -> dict[int, str]:
    """The text each glyph stands for, from the cluster text Typst mapped it to.

    A zero-width glyph is a mark: it stands for the marks of its cluster. A glyph with
    an advance stands for the letter of its cluster, without the marks, when those marks
    are drawn as glyphs of their own somewhere in this font (``هٔ`` as heh + hamza);
    otherwise for the whole cluster (``آ``, ``لا`` or ``fi`` drawn as one glyph).
    Invisible characters (ZWNJ) are dropped: they have no glyph to hang on.

    >>> glyph_texts({1: "\u0647\u0654", 2: "\u0647\u0654", 3: "\u200c\u06cc"},
    ...             {1: 300, 2: 0, 3: 400}, 0)
    {1: 'ه', 2: 'ٔ', 3: 'ی'}
    >>> glyph_texts({1: "\u0624", 2: "\u0654", 5: "\u0622"}, {1: 300, 2: 0, 5: 250}, 0)
    {1: 'و', 2: 'ٔ', 5: 'آ'}
    """
    width = {cid: widths.get(cid, default) for cid in mapping}
    split = {cid: unicodedata.normalize("NFD", _visible(text)) for cid, text in mapping.items()}
    drawn_marks = {
        ch for cid, parts in split.items() if width[cid] == 0 for ch in parts if _is_mark(ch)
    }
    out: dict[int, str] = {}
    for cid, text in mapping.items():
        parts = split[cid]
        marks = "".join(ch for ch in parts if _is_mark(ch))
        if width[cid] == 0 and marks:
            out[cid] = marks
        elif len(parts) > 1 and marks == parts[1:] and set(marks) <= drawn_marks:
            out[cid] = parts[0]
        else:
            out[cid] = unicodedata.normalize("NFC", _visible(text))
    return out


def _rewrite_cmap(cmap: bytes, widths: dict[int, int], default: int) -> bytes:
    mapping = {
        int(m.group(1), 16): bytes.fromhex(m.group(2).decode()).decode("utf-16-be", "replace")
        for m in _BFCHAR.finditer(cmap)
    }
    texts = glyph_texts(mapping, widths, default)

    def one(match: re.Match[bytes]) -> bytes:
        text = texts[int(match.group(1), 16)]
        return b"<%s> <%s>" % (match.group(1), text.encode("utf-16-be").hex().upper().encode())

    return _BFCHAR.sub(one, cmap)


def _skip_string(data: bytes, i: int) -> int:
    """Index after the literal string starting at ``data[i] == '('``."""
    depth, i = 0, i
    while i < len(data):
        c = data[i]
        if c == 0x5C:  # backslash: the next byte is escaped
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _skip_nested(data: bytes, i: int, open_: bytes, close: bytes) -> int:
    """Index after a ``<< >>`` dictionary or ``[ ]`` array starting at ``i``."""
    depth = 0
    while i < len(data):
        if data[i] == 0x28:
            i = _skip_string(data, i)
            continue
        if data.startswith(open_, i):
            depth += 1
            i += len(open_)
            continue
        if data.startswith(close, i):
            depth -= 1
            i += len(close)
            if depth == 0:
                return i
            continue
        if open_ == b"<<" and data[i] == 0x3C:  # a hex string inside a dictionary
            i = data.index(b">", i) + 1
            continue
        i += 1
    return i


def _tokens(data: bytes) -> list[tuple[int, int, bool]]:
    """(start, end, is_operator) for each token of a content stream."""
    out: list[tuple[int, int, bool]] = []
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in _WHITESPACE:
            i += 1
            continue
        start = i
        if c == 0x25:  # comment
            while i < n and data[i] not in (0x0A, 0x0D):
                i += 1
            continue
        if c == 0x28:
            i = _skip_string(data, i)
        elif data.startswith(b"<<", i):
            i = _skip_nested(data, i, b"<<", b">>")
        elif c == 0x3C:
            i = data.index(b">", i) + 1
        elif c == 0x5B:
            i = _skip_nested(data, i, b"[", b"]")
        elif c == 0x2F:
            i += 1
            while i < n and data[i] not in _DELIMITERS:
                i += 1
        else:
            while i < n and data[i] not in _DELIMITERS:
                i += 1
            if i == start:  # a stray delimiter
                i += 1
            word = data[start:i]
            is_op = not (word[:1].isdigit() or word[:1] in (b"-", b"+", b"."))
            if word in (b"BI", b"ID"):
                raise ValueError("inline image")  # binary data follows: leave the page be
            out.append((start, i, is_op))
            continue
        out.append((start, i, False))
    return out


def strip_actual_text(data: bytes) -> bytes:
    """The content stream without its ``/ActualText`` marked-content spans."""
    if b"/ActualText" not in data:
        return data
    cuts: list[tuple[int, int]] = []
    stack: list[bool] = []
    operands: list[int] = []
    for start, end, is_op in _tokens(data):
        if not is_op:
            operands.append(start)
            continue
        op = data[start:end]
        if op == b"BDC":
            actual = b"/ActualText" in data[operands[0] if operands else start : start]
            stack.append(actual)
            if actual:
                cuts.append((operands[0], end))
        elif op == b"BMC":
            stack.append(False)
        elif op == b"EMC" and stack and stack.pop():
            cuts.append((start, end))
        operands = []
    out, last = [], 0
    for a, b in sorted(cuts):
        out.append(data[last:a])
        last = b
    out.append(data[last:])
    return b" ".join(part.strip(b" ") for part in out)


def clean_text_layer(pdf: bytes) -> bytes:
    """The PDF with one text per glyph and no ``/ActualText`` (see the module docstring)."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        seen: set[int] = set()
        for page in doc:
            for xref, *_ in page.get_fonts():
                if xref in seen:
                    continue
                seen.add(xref)
                kind, ref = doc.xref_get_key(xref, "ToUnicode")
                if kind != "xref":
                    continue
                cmap_xref = int(ref.split()[0])
                widths, default = _widths(doc, xref)
                doc.update_stream(cmap_xref, _rewrite_cmap(doc.xref_stream(cmap_xref),
                                                           widths, default))
            for content in page.get_contents():
                data = doc.xref_stream(content)
                try:
                    cleaned = strip_actual_text(data)
                except ValueError:
                    continue
                if cleaned != data:
                    doc.update_stream(content, cleaned)
        return bytes(doc.tobytes(garbage=1, deflate=True, no_new_id=True))
