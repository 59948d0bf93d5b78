"""Readers: one per format, each turning file bytes into a ``Layout``.

The format is detected from the content, not the name: a ``.pdf`` that is really text is
read as text, and a file whose name promises a PDF but holds something else gets the
clear error ``not a PDF``. Readers never import each other and never return a library's
object.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import PurePath

from ganjina.errors import UnsupportedFormat
from ganjina.read.layout import Layout, Line
from ganjina.read.legacy_word import is_rtf, is_word_97
from ganjina.read.ocr import OcrOptions

__all__ = ["SUPPORTED_SUFFIXES", "Layout", "Line", "OcrOptions", "detect_format", "read_layout"]

SUPPORTED_SUFFIXES = (
    ".pdf", ".md", ".markdown", ".txt", ".docx", ".html", ".htm", ".doc", ".rtf",
)  # fmt: skip

#: no article is this long: a larger text file is refused at once, so a batch never stalls on one
MAX_TEXT_BYTES = 8 * 1024 * 1024


def detect_format(data: bytes, name: str | None = None) -> str:
    """Say which reader fits ``data``: pdf, docx, doc (Word 97–2003), rtf, html, markdown
    or text.

    >>> detect_format(b"%PDF-1.7 ...")
    'pdf'
    >>> detect_format(b"# Title\\n\\nBody", "a.txt")
    'markdown'
    """
    suffix = PurePath(name).suffix.lower() if name else ""
    if not data:
        raise UnsupportedFormat("empty file")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if suffix == ".pdf":
        raise UnsupportedFormat("not a PDF")
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix == ".docx":
        raise UnsupportedFormat("not a Word (DOCX) file")
    if is_word_97(data):
        return "doc"
    if suffix == ".doc":
        raise UnsupportedFormat("not a Word 97–2003 (.doc) file")
    if is_rtf(data):
        return "rtf"
    text_head = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
    if text_head.startswith((b"<!doctype html", b"<html")) or (
        suffix in (".html", ".htm") and text_head.startswith(b"<")
    ):
        return "html"
    sample = data[:65536]
    # a stray NUL does not make text binary (the record is scrubbed of it later); many do
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls > len(sample) // 100:
        raise UnsupportedFormat("binary data, not a supported article format")
    text = sample.decode("utf-8", errors="ignore")
    marks = ("\n#", "](", "**", "\n- ", "\n> ", "\n* ")
    if suffix in (".md", ".markdown") or text.startswith("#") or any(m in text for m in marks):
        return "markdown"
    return "text"


def _refuse_if_too_large(data: bytes) -> None:
    if len(data) > MAX_TEXT_BYTES:
        raise UnsupportedFormat(
            f"text file too large for one article ({len(data) / 1_048_576:.0f} MB; "
            f"the limit is {MAX_TEXT_BYTES // 1_048_576} MB)"
        )


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused clearly."""
    _refuse_if_too_large(data)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnsupportedFormat(f"not UTF-8 text (invalid byte at offset {err.start})") from None


def _read_pdf(data: bytes, ocr: OcrOptions | None = None) -> Layout:
    from ganjina.read.pdf import read_pdf

    return read_pdf(data, ocr)


def _read_docx(data: bytes) -> Layout:
    from ganjina.read.docx import read_docx

    return read_docx(data)


def _read_markdown(data: bytes) -> Layout:
    from ganjina.read.markdown import read_markdown

    return read_markdown(decode_text(data))


def _read_text(data: bytes) -> Layout:
    from ganjina.read.markdown import read_markdown

    return read_markdown(decode_text(data), fmt="text")


def _read_html(data: bytes) -> Layout:
    from ganjina.read.html import read_html
    from ganjina.read.html_charset import decode_html

    _refuse_if_too_large(data)
    text, trouble = decode_html(data)  # (in the charset the page declares)
    layout = read_html(text)
    if trouble:
        layout.warnings.append(trouble)
    return layout


def _through_libreoffice(kind: str) -> Callable[[bytes], Layout]:
    def read(data: bytes) -> Layout:
        from ganjina.read.legacy_word import read_legacy_word

        return read_legacy_word(data, kind)

    return read


READERS: dict[str, Callable[[bytes], Layout]] = {
    "doc": _through_libreoffice("doc"),
    "rtf": _through_libreoffice("rtf"),
    "pdf": _read_pdf,
    "docx": _read_docx,
    "markdown": _read_markdown,
    "text": _read_text,
    "html": _read_html,
}


def as_utf8(data: bytes) -> bytes:
    """UTF-16 or UTF-32 text with a byte-order mark, as UTF-8; anything else unchanged.

    Notepad saves "Unicode" as UTF-16 with a BOM: its NUL bytes must not make a Markdown
    file look binary, so it is re-encoded before the format is detected."""
    for boms, codec in (
        ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
    ):
        if data.startswith(boms):
            if len(data) > 4 * MAX_TEXT_BYTES:
                return data  # refused as too large by decode_text, without decoding it
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError as err:
                raise UnsupportedFormat(f"not {codec.upper()} text ({err.reason})") from None
    return data


def read_layout(data: bytes, name: str | None = None, *, ocr: OcrOptions | None = None) -> Layout:
    """Detect the format of ``data`` and read it into a Layout (``ocr``: how a PDF's
    scanned pages are read; only PDFs have them)."""
    data = as_utf8(data)
    fmt = detect_format(data, name)
    if fmt == "pdf":
        return _read_pdf(data, ocr)
    return READERS[fmt](data)
