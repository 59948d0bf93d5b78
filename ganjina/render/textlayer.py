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

import itertools
import re
import unicodedata
import zlib

# Characters with no glyph of their own that shaping folds into a neighbour's cluster.
_INVISIBLE = frozenset("\u200c\u200d\u200e\u200f\u2060\ufeff")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>")


def _widths(w_array: bytes, dw: int) -> dict[int, int]:
    """Advance widths by CID from a CIDFont's ``/W`` array (``c [w ...]``, ``c1 c2 w``)."""
    tokens = re.findall(rb"\[|\]|-?[\d.]+", w_array)[1:-1]  # without the outer brackets
    widths: dict[int, int] = {}
    i = 0
    while i < len(tokens):
        first = int(tokens[i])
        if tokens[i + 1] == b"[":
            j = i + 2
            while tokens[j] != b"]":
                widths[first + j - i - 2] = int(float(tokens[j]))
                j += 1
            i = j + 1
        else:
            for cid in range(first, int(tokens[i + 1]) + 1):
                widths[cid] = int(float(tokens[i + 2]))
            i += 3
    return widths


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


# An /ActualText span as krilla writes it: around a reversed (right-to-left) run, or
# around plain text operators. Glyph codes are two-byte CIDs of a subset font, far below
# 0x4000, so the letters "EMC", "BMC" and "BDC" never occur inside a string.
_ACTUAL_SPAN = re.compile(
    rb"/Span\s*<<\s*/ActualText\s*<[0-9A-Fa-f]*>\s*>>\s*BDC"
    rb"(\s*/ReversedChars\s+BMC(?:[^E]|E(?!MC))*EMC|(?:[^EB]|E(?!MC)|B(?!MC|DC))*)"
    rb"\s*EMC"
)


def strip_actual_text(data: bytes) -> bytes:
    """The content stream without its ``/ActualText`` marked-content spans.

    >>> strip_actual_text(b"q /Span<</ActualText<FEFF06CC>>>BDC BT (ab) Tj ET EMC Q").split()
    [b'q', b'BT', b'(ab)', b'Tj', b'ET', b'Q']
    """
    if b"/ActualText" not in data:
        return data
    return _ACTUAL_SPAN.sub(lambda m: b" " + m.group(1) + b" ", data)


class _Pdf:
    """Just enough of a PDF to replace some streams: Typst writes a classic cross-reference
    table and no object streams, so every object is a slice of the file we can swap."""

    _XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")

    def __init__(self, data: bytes) -> None:
        self.data = data
        start = self._XREF.search(data, len(data) - 64)
        if start is None or not data.startswith(b"xref", int(start.group(1))):
            raise ValueError("no classic cross-reference table")
        self.xref_at = int(start.group(1))
        head = re.match(rb"xref\s+0\s+(\d+)\s+", data[self.xref_at : self.xref_at + 64])
        if head is None:
            raise ValueError("cross-reference table with several sections")
        count, table = int(head.group(1)), self.xref_at + head.end()
        self.offsets: dict[int, int] = {}
        for n in range(1, count):
            entry = data[table + 20 * n : table + 20 * n + 18]
            if entry.endswith(b"n"):
                self.offsets[n] = int(entry[:10])
        order = [*sorted(self.offsets.values()), self.xref_at]
        self.ends = dict(itertools.pairwise(order))
        self.trailer = data[data.index(b"trailer", self.xref_at) : start.start()]
        self.replaced: dict[int, bytes] = {}

    def object(self, n: int) -> bytes:
        at = self.offsets[n]
        return self.data[at : self.ends[at]]

    def dictionary(self, n: int) -> bytes:
        obj = self.object(n)
        cut = obj.find(b"stream")
        return obj[: cut if cut >= 0 else len(obj)]

    def stream(self, n: int) -> bytes:
        obj = self.object(n)
        begin = obj.index(b"stream") + len(b"stream")
        begin += 2 if obj[begin : begin + 2] == b"\r\n" else 1
        length = re.search(rb"/Length\s+(\d+)", obj)
        if length is None:
            raise ValueError("stream without a direct /Length")
        raw = obj[begin : begin + int(length.group(1))]
        return zlib.decompress(raw) if b"/FlateDecode" in obj[:begin] else raw

    def set_stream(self, n: int, data: bytes) -> None:
        head = self.dictionary(n)
        number, _, body = head.partition(b" obj")
        body = re.sub(rb"/Filter\s*/FlateDecode", b"", body)
        body = re.sub(rb"/Length\s+\d+", b"", body)
        packed = zlib.compress(data)
        body = body.strip().removeprefix(b"<<")
        self.replaced[n] = (
            number.strip()
            + b" obj\n<</Length %d/Filter/FlateDecode" % len(packed)
            + body.strip()
            + b"\nstream\n"
            + packed
            + b"\nendstream\nendobj\n"
        )

    def write(self) -> bytes:
        if not self.replaced:
            return self.data
        out = bytearray()
        first = min(self.offsets.values())
        out += self.data[:first]
        offsets: dict[int, int] = {}
        for n, at in sorted(self.offsets.items(), key=lambda item: item[1]):
            offsets[n] = len(out)
            chunk = self.replaced.get(n)
            out += chunk if chunk is not None else self.data[at : self.ends[at]]
        xref_at = len(out)
        size = max(self.offsets) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            if n in offsets:
                out += b"%010d 00000 n \n" % offsets[n]
            else:
                out += b"0000000000 65535 f \n"
        out += self.trailer + b"startxref\n%d\n%%%%EOF\n" % xref_at
        return bytes(out)


_REF = rb"\s*(\d+)\s+0\s+R"


def clean_text_layer(pdf: bytes) -> bytes:
    """The PDF with one text per glyph and no ``/ActualText`` (see the module docstring).

    A PDF not laid out the way Typst writes it is returned unchanged.
    """
    try:
        doc = _Pdf(pdf)
        for n in doc.offsets:
            head = doc.dictionary(n)
            if b"/Type/Font" in head.replace(b" ", b"") and b"/ToUnicode" in head:
                _clean_font(doc, head)
            elif re.search(rb"/Type\s*/Page\b", head):
                for ref in re.findall(rb"/Contents" + _REF, head):
                    content = doc.stream(int(ref))
                    cleaned = strip_actual_text(content)
                    if cleaned != content:
                        doc.set_stream(int(ref), cleaned)
        return doc.write()
    except (ValueError, KeyError, IndexError, zlib.error):
        return pdf


def _clean_font(doc: _Pdf, head: bytes) -> None:
    cmap_ref = re.search(rb"/ToUnicode" + _REF, head)
    desc_ref = re.search(rb"/DescendantFonts\s*\[" + _REF, head)
    if cmap_ref is None or desc_ref is None:
        return
    desc = doc.dictionary(int(desc_ref.group(1)))
    dw = re.search(rb"/DW\s+(\d+)", desc)
    w = re.search(rb"/W\s*(\[(?:[^\[\]]|\[[^\]]*\])*\])", desc)
    default = int(dw.group(1)) if dw else 1000
    widths = _widths(w.group(1), default) if w else {}
    cmap = doc.stream(int(cmap_ref.group(1)))
    fixed = _rewrite_cmap(cmap, widths, default)
    if fixed != cmap:
        doc.set_stream(int(cmap_ref.group(1)), fixed)
