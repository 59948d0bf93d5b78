"""Word footnotes and endnotes: their text, numbered as Word prints them.

A translated article often carries the translator's notes as Word footnotes or endnotes.
Their text lives outside ``document.xml`` (``footnotes.xml``, ``endnotes.xml``), so a reader
of the body alone drops it. Here each note referred to from the body is read, in the order
of its first reference, and numbered the way Word numbers it: footnotes and endnotes each
count from the start (``w:numStart``) in the section's or the settings' format (Word's
defaults: footnotes ``1, 2, 3``, endnotes ``i, ii, iii``). A note with a custom mark
(``w:customMarkFollows``) prints that mark in the body, which is read as text there, and
gets no number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn

from ganjina.read.docx_text import inline_text

_DEFAULT_FORMAT = {"footnote": "decimal", "endnote": "lowerRoman"}
_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip
_MAX_NOTES = 10_000


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz, aaa …
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """``n`` in a Word number format (decimal where the format is not one of these)."""
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    return str(n)


@dataclass
class Notes:
    """The document's notes: their text by id, and the numbers given on first reference."""

    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    formats: dict[str, tuple[str, int]] = field(default_factory=dict)
    custom: set[tuple[str, str]] = field(default_factory=set)
    #: (kind, id) -> printed number, in order of first reference
    numbered: dict[tuple[str, str], str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def mark(self, kind: str, note_id: str) -> str | None:
        """The number a reference to a note prints (counted on first reference), or None
        for a note the file does not hold or one with a custom mark."""
        key = (kind, note_id)
        if key not in self.texts or key in self.custom:
            return None
        if key not in self.numbered:
            fmt, start = self.formats.get(kind, (_DEFAULT_FORMAT[kind], 1))
            count = self.counts.get(kind, 0)
            self.counts[kind] = count + 1
            self.numbered[key] = format_number(start + count, fmt)
        return self.numbered[key]

    def number_the_rest(self) -> None:
        """Number the notes no body paragraph referred to (their reference stands in a
        table cell or a text box), after the others: their text is kept all the same."""
        for kind, note_id in list(self.texts):
            self.mark(kind, note_id)

    def referred(self, kind: str) -> list[tuple[str, str]]:
        """``(printed number, text)`` of the notes of one kind, numbered ones in order,
        then those with a custom mark (number ``""``: their text carries the mark)."""
        numbered = [(n, self.texts[key]) for key, n in self.numbered.items() if key[0] == kind]
        custom = [("", t) for key, t in self.texts.items() if key in self.custom and key[0] == kind]
        return numbered + custom


def _note_properties(el: Any, kind: str) -> tuple[str, int] | None:
    pr = el.find(qn(f"w:{kind}Pr")) if el is not None else None
    if pr is None:
        return None
    fmt = pr.find(qn("w:numFmt"))
    start = pr.find(qn("w:numStart"))
    value = start.get(qn("w:val")) if start is not None else None
    first = int(value) if value is not None and value.isdecimal() and len(value) < 6 else 1
    return (fmt.get(qn("w:val")) if fmt is not None else _DEFAULT_FORMAT[kind]), first


def _part_blob(document: Any, kind: str) -> bytes | None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith(f"/{kind}s") and not rel.is_external:
            blob: bytes = rel.target_part.blob
            return blob
    return None


def read_notes(document: Any) -> Notes:
    """The footnotes and endnotes of a python-docx Document (none when it has no parts)."""
    notes = Notes()
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    try:
        settings = document.settings.element
    except (KeyError, AttributeError):
        settings = None
    for kind in ("footnote", "endnote"):
        found = _note_properties(sect, kind) or _note_properties(settings, kind)
        if found is not None:
            notes.formats[kind] = found
        blob = _part_blob(document, kind)
        if not blob:
            continue
        root = parse_xml(blob)
        for note in root.findall(qn(f"w:{kind}"))[:_MAX_NOTES]:
            if note.get(qn("w:type")) not in (None, "normal"):
                continue  # the separator lines Word draws above the notes
            paragraphs = [" ".join(inline_text(p).split()) for p in note.iter(qn("w:p"))]
            text = " ".join(p for p in paragraphs if p)
            if text:
                notes.texts[(kind, note.get(qn("w:id")) or "")] = text
    for ref in body.iter(qn("w:footnoteReference"), qn("w:endnoteReference")):
        if ref.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
            kind = "footnote" if ref.tag == qn("w:footnoteReference") else "endnote"
            notes.custom.add((kind, ref.get(qn("w:id")) or ""))
    return notes
