"""Files the desk tests upload: the project's own sample DOCX, changed the way an
editor's file might be, and zip packages made to attack the upload checks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from .conftest import SAMPLES

DARI_DOCX = SAMPLES / "fa-herat-saffron" / "article.docx"
PASHTO_DOCX = SAMPLES / "ps-polio-campaign" / "article.docx"
ENGLISH_DOCX = SAMPLES / "en-flood-relief" / "article.docx"
DATE_AS_PRINTED = "۲۳ سرطان ۱۴۰۳"
#: the day a typist's slip makes impossible: the reader cannot take it for a date
MISTYPED_DATE = "۳۲ سرطان ۱۴۰۳"


def changed_docx(path: Path, replace: dict[str, str]) -> bytes:
    """``path`` with texts of its runs replaced (the layout stays Word's)."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            for old, new in replace.items():
                if old in run.text:
                    run.text = run.text.replace(old, new)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def dari_docx_with_a_mistyped_date() -> bytes:
    return changed_docx(DARI_DOCX, {DATE_AS_PRINTED: MISTYPED_DATE})


def zip_of(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return out.getvalue()


def docx_entries(path: Path = DARI_DOCX) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def zip_bomb() -> bytes:
    """A real DOCX with one more part: 60 MB of zeros that pack into about 60 KB."""
    entries = docx_entries()
    entries["word/media/padding.bin"] = b"\0" * (60 * 1024 * 1024)
    return zip_of(entries)


def docx_with_entities() -> bytes:
    """A DOCX whose document part declares an entity (billion laughs, XXE)."""
    entries = docx_entries()
    body = entries["word/document.xml"]
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    declared = b'<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
    entries["word/document.xml"] = (
        body.replace(head, head + declared, 1) if head in body else declared + body
    )
    return zip_of(entries)


def docx_with_a_traversing_part() -> bytes:
    entries = docx_entries()
    entries["../../evil.txt"] = b"outside"
    return zip_of(entries)


def zip_without_a_document() -> bytes:
    return zip_of({"[Content_Types].xml": b"<Types/>", "notes.txt": b"hello"})


PNG_NAMED_DOCX = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
