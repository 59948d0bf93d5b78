"""An uploaded file → a draft's first record: checked by what it holds, never by its name.

A DOCX is a zip, so before anything unpacks it: the size of the upload, the number of
entries, what they would unpack to, each large entry's compression ratio (a zip bomb
packs 1 GB into 1 MB), encrypted or absolute or ``..`` entry names, and every XML part
for a document type declaration (no DTD, so no external or expanding entities can
reach the XML parser). Then Ganjina's own DOCX reader and house-style recognizer read
it, as ``ganjina parse`` does, and its pictures are kept for the figures.

Markdown with front matter is read as a publishing source (``ganjina publish``'s
format); other Markdown (a PDF converted to Markdown) by the reader. Anything else —
a PDF, an image, a binary file named ``.docx`` — is refused with one line.

The uploaded name is only shown (reduced to a bare, printable file name); no part of it
ever reaches the file system.
"""

from __future__ import annotations

import io
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ganjina.errors import GanjinaError
from ganjina.record import Article
from ganjina.web.desk.config import DeskConfig
from ganjina.web.i18n import N_

ZIP_MAGIC = b"PK\x03\x04"
#: a large entry is where a bomb hides; small ones may pack well (repeated XML)
RATIO_FROM = 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels")
_DOCTYPE = (b"<!doctype", b"<!entity")
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp"}  # fmt: skip


class UploadRefused(Exception):
    def __init__(self, template: str, **values: Any) -> None:
        super().__init__(template % values if values else template)
        self.template = template
        self.values = values


@dataclass(frozen=True)
class Picture:
    data: bytes
    suffix: str
    block: int


@dataclass(frozen=True)
class Upload:
    record: Article
    name: str
    kind: str
    pictures: tuple[Picture, ...] = ()


def safe_name(filename: str | None, fallback: str = "upload") -> str:
    """A bare, printable file name for display: no folders, no control characters."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    name = name.strip(" .")[:120]
    return name or fallback


def check_docx(data: bytes, config: DeskConfig) -> None:
    """Refuse a DOCX that is not a sound Word package (see the module docstring)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise UploadRefused(N_("the file is damaged: not a Word (DOCX) file")) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > config.max_zip_entries:
            raise UploadRefused(N_("the Word file has too many parts (%(n)s)"), n=len(entries))
        limit = int(config.max_unpacked_mb * 1024 * 1024)
        if sum(e.file_size for e in entries) > limit:
            raise UploadRefused(
                N_("the Word file would unpack to more than %(limit)s MB"),
                limit=int(config.max_unpacked_mb),
            )
        names = set()
        for entry in entries:
            path = PurePosixPath(entry.filename)
            if path.is_absolute() or ".." in path.parts or "\\" in entry.filename:
                raise UploadRefused(N_("the Word file has a part with a name that leaves it"))
            if entry.flag_bits & 0x1:
                raise UploadRefused(N_("the Word file is encrypted"))
            if entry.file_size > RATIO_FROM and entry.file_size > config.max_zip_ratio * max(
                entry.compress_size, 1
            ):
                raise UploadRefused(
                    N_("the Word file packs far too much into too little: refused as a zip bomb")
                )
            names.add(entry.filename)
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise UploadRefused(N_("the file is a zip but not a Word (DOCX) document"))
        for entry in entries:
            if entry.filename.lower().endswith(_XML_SUFFIXES):
                try:
                    # bounded: the sizes were checked above, and zipfile stops at them
                    head = archive.read(entry).lower()
                except (zipfile.BadZipFile, OSError, EOFError):
                    raise UploadRefused(N_("the file is damaged: not a Word (DOCX) file")) from None
                if any(marker in head for marker in _DOCTYPE):
                    raise UploadRefused(
                        N_("the Word file declares a document type (entities are refused)")
                    )


def _docx(data: bytes, name: str, config: DeskConfig) -> Upload:
    from ganjina.reader import parse_bytes
    from ganjina.render.docx_source import docx_images

    check_docx(data, config)
    try:
        record = parse_bytes(data, name)
    except GanjinaError as err:
        raise UploadRefused(
            N_("the Word file could not be read: %(problem)s"), problem=str(err)
        ) from None
    if record.provenance.format != "docx":
        raise UploadRefused(N_("not a Word (DOCX) or Markdown file"))
    with tempfile.TemporaryDirectory(prefix="ganjina-upload-") as work:
        try:
            images = docx_images(data, Path(work))
            found = [(p.read_bytes(), p.suffix.lower()) for p in images]
        except Exception:  # python-docx on a package it cannot follow: keep the text
            found = []
    captions = [i for i, b in enumerate(record.blocks) if b.type == "caption"]
    pictures = tuple(
        Picture(blob, suffix, block)
        for (blob, suffix), block in zip(found, captions, strict=False)
        if suffix in IMAGE_TYPES
    )
    return Upload(record, name, "docx", pictures)


def _markdown(data: bytes, name: str) -> Upload:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UploadRefused(N_("not a Word (DOCX) or Markdown file")) from None
    if "\x00" in text:
        raise UploadRefused(N_("not a Word (DOCX) or Markdown file"))
    if text.lstrip().startswith("---"):
        from ganjina.render.sources import parse_source_document

        try:
            doc = parse_source_document(text, path=name)
        except GanjinaError as err:
            raise UploadRefused(
                N_("the Markdown source could not be read: %(problem)s"), problem=str(err)
            ) from None
        return Upload(doc.article, name, "markdown")
    from ganjina.reader import parse_bytes

    try:
        return Upload(parse_bytes(data, name), name, "markdown")
    except GanjinaError as err:
        raise UploadRefused(
            N_("the Markdown file could not be read: %(problem)s"), problem=str(err)
        ) from None


def read_upload(data: bytes, filename: str | None, config: DeskConfig) -> Upload:
    """The draft an uploaded file starts; raises :class:`UploadRefused`."""
    if not data:
        raise UploadRefused(N_("the file is empty"))
    if len(data) > config.max_upload_bytes:
        raise UploadRefused(
            N_("the upload is larger than %(limit)s MB"), limit=int(config.max_upload_mb)
        )
    name = safe_name(filename)
    if data.startswith(ZIP_MAGIC):
        stem = name.rsplit(".", 1)[0] if "." in name else name
        return _docx(data, stem + ".docx", config)
    if data.startswith(b"%PDF"):
        raise UploadRefused(N_("a PDF cannot become a draft: upload the Word file or Markdown"))
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return _markdown(data, stem + ".md")
