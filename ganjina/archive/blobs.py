"""Original files, content-addressed: the sha256 of the bytes is their name.

The bytes themselves live in the store of record (a ``blobs`` table in SQLite and in
PostgreSQL), so an original is saved in the same transaction as the record read from it:
a crash can never leave a record whose original is missing, and the same bytes are kept
once however many paths or records point at them.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from ganjina.read.legacy_word import is_rtf, is_word_97

#: media types by file suffix; the first bytes win over the name where they are telling
MEDIA_TYPES: dict[str, str] = {
    ".pdf": "application/pdf",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".json": "application/json",
    ".doc": "application/msword",
    ".rtf": "application/rtf",
}

_BY_FORMAT = {
    "pdf": "application/pdf",
    "markdown": "text/markdown",
    "text": "text/plain",
    "html": "text/html",
    "docx": MEDIA_TYPES[".docx"],
}


def sha256(data: bytes) -> str:
    """Hex sha256 of ``data``: the name of a blob."""
    return hashlib.sha256(data).hexdigest()


def media_type(data: bytes, filename: str | None = None, fmt: str | None = None) -> str:
    """Best media type for an original: magic bytes, then the record's format, then the name.

    >>> media_type(b"%PDF-1.7 ...", "x.bin")
    'application/pdf'
    """
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if is_word_97(data):
        return MEDIA_TYPES[".doc"]  # (read as the DOCX LibreOffice makes of it)
    if is_rtf(data):
        return MEDIA_TYPES[".rtf"]
    if fmt in _BY_FORMAT and not (fmt == "docx" and not data.startswith(b"PK")):
        return _BY_FORMAT[fmt]
    if filename:
        known = MEDIA_TYPES.get(PurePath(filename).suffix.lower())
        if known:
            return known
    return "application/octet-stream"
