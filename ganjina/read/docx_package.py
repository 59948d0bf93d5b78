"""A Word file's ZIP package, checked and where it can be mended, before python-docx opens it.

A DOCX is a ZIP of XML parts tied together by relationship (``.rels``) parts. Two things
go wrong with files from the world:

* **Size.** Deflate packs repetitive XML a thousand to one, so a 657 KB file once took
  4.5 GB and 300 s to open. python-docx reads every part whole, and ``zipfile`` never
  returns more than a member's declared size, so the declared sizes are a true bound:
  the package is refused, unread, when its XML would unpack to more than
  ``MAX_XML_BYTES`` or all of it to more than ``MAX_TOTAL_BYTES``. The biggest real
  article files are a few MB of XML; photos are what makes them large, and they barely
  compress.
* **Missing parts.** A copied or hand-zipped file can lack ``[Content_Types].xml``,
  ``_rels/.rels`` or a part a relationship points at (styles, numbering). python-docx
  then raises ``KeyError``. The text is all in ``word/document.xml``, so instead the
  package is mended (the missing index parts written anew, relationships to missing
  parts dropped) and read with a warning: no text of the body is dropped for want of
  its styles.
"""

from __future__ import annotations

import io
import mimetypes
import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator

from ganjina.errors import CorruptFile, UnsupportedFormat

#: all XML and relationship parts together, unpacked (real articles: well under 10 MB)
MAX_XML_BYTES = 64 * 1024 * 1024
#: the whole package unpacked, images included
MAX_TOTAL_BYTES = 512 * 1024 * 1024
#: parts in one package (Word writes a few dozen, plus one per image)
MAX_PARTS = 10_000
#: a relationship part larger than this is not read to be mended
MAX_RELS_BYTES = 1024 * 1024

DOCUMENT = "word/document.xml"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_MAIN_TYPE = _WML + "document.main+xml"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{_RELS_NS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_DOCUMENT}" Target="word/document.xml"/>'
    "</Relationships>"
)


#: the content type of a part, told by the type of the relationship that points at it
_TYPE_OF_RELATION = {
    "styles": _WML + "styles+xml",
    "numbering": _WML + "numbering+xml",
    "header": _WML + "header+xml",
    "footer": _WML + "footer+xml",
    "settings": _WML + "settings+xml",
    "webSettings": _WML + "webSettings+xml",
    "fontTable": _WML + "fontTable+xml",
    "footnotes": _WML + "footnotes+xml",
    "endnotes": _WML + "endnotes+xml",
    "comments": _WML + "comments+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
}


def _target(rels_name: str, rel: ET.Element) -> str | None:
    """The part inside the package a relationship points at; None for an external one."""
    target = rel.get("Target") or ""
    if rel.get("TargetMode") == "External" or "://" in target:
        return None
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(_source_of(rels_name), target))


def _rels(zf: zipfile.ZipFile, names: set[str]) -> Iterator[tuple[str, ET.Element]]:
    """Every readable ``.rels`` part of the package, parsed."""
    for name in sorted(n for n in names if n.endswith(".rels")):
        if zf.getinfo(name).file_size > MAX_RELS_BYTES:
            continue
        try:
            yield name, ET.fromstring(zf.read(name))
        except ET.ParseError:
            continue


def _related_parts(zf: zipfile.ZipFile, names: set[str]) -> Iterator[tuple[str, str]]:
    """(relationship type, target part) of every internal relationship in the package."""
    for name, root in _rels(zf, names):
        for rel in root:
            part = _target(name, rel)
            if part is not None:
                yield rel.get("Type") or "", part


def _content_types(zf: zipfile.ZipFile, names: set[str]) -> bytes:
    """A ``[Content_Types].xml`` for a package that lost its own: the main document
    declared, each part a relationship points at by that relationship's type, and every
    other extension by its usual type (python-docx picks how to read a part by type)."""
    root = ET.Element("Types", xmlns=_TYPES_NS)
    overrides = {DOCUMENT: _MAIN_TYPE}
    for kind, part in _related_parts(zf, names):
        known = _TYPE_OF_RELATION.get(kind.rsplit("/", 1)[-1])
        if known and part in names:
            overrides.setdefault(part, known)
    extensions = {posixpath.splitext(n)[1][1:].lower() for n in names} - {""}
    for ext in sorted(extensions):
        if ext == "rels":
            kind = _RELS_TYPE
        elif ext == "xml":
            kind = "application/xml"
        else:
            kind = mimetypes.types_map.get("." + ext, "application/octet-stream")
        ET.SubElement(root, "Default", Extension=ext, ContentType=kind)
    for part, kind in sorted(overrides.items()):
        ET.SubElement(root, "Override", PartName="/" + part, ContentType=kind)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise UnsupportedFormat(f"a Word file of {len(infos)} parts (the limit is {MAX_PARTS})")
    xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    total = sum(i.file_size for i in infos)
    if xml > MAX_XML_BYTES:
        raise UnsupportedFormat(
            f"a Word file whose XML unpacks to {_megabytes(xml)} "
            f"(the limit is {_megabytes(MAX_XML_BYTES)}): a decompression bomb?"
        )
    if total > MAX_TOTAL_BYTES:
        raise UnsupportedFormat(
            f"a Word file that unpacks to {_megabytes(total)} "
            f"(the limit is {_megabytes(MAX_TOTAL_BYTES)})"
        )


def _source_of(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word`` (where its targets are relative to)."""
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    return folder


def _mend_rels(zf: zipfile.ZipFile, names: set[str]) -> tuple[dict[str, bytes], list[str]]:
    """The relationship parts that point at parts the package lacks, without those
    relationships, and the parts they pointed at."""
    mended, gone = {}, set()
    for name, root in _rels(zf, names):
        lost = [rel for rel in root if (part := _target(name, rel)) and part not in names]
        for rel in lost:
            gone.add(_target(name, rel) or "")
            root.remove(rel)
        if lost:
            mended[name] = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return mended, sorted(gone)


def _needs_package_rels(zf: zipfile.ZipFile, names: set[str]) -> bool:
    if "_rels/.rels" not in names:
        return True
    if zf.getinfo("_rels/.rels").file_size > MAX_RELS_BYTES:
        return False
    try:
        root = ET.fromstring(zf.read("_rels/.rels"))
    except ET.ParseError:
        return True
    return not any(rel.get("Type") == _OFFICE_DOCUMENT for rel in root)


def checked_package(data: bytes) -> tuple[bytes, list[str]]:
    """``data`` (a DOCX) within the size limits, mended if it lacks parts, with a warning
    for each mend. Raises UnsupportedFormat or CorruptFile, with the reason, otherwise."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if DOCUMENT not in names:
                raise UnsupportedFormat(f"a ZIP file without {DOCUMENT}: not a Word document")
            _check_sizes(infos)
            replaced: dict[str, bytes] = {}
            warnings = []
            if "[Content_Types].xml" not in names:
                replaced["[Content_Types].xml"] = _content_types(zf, names)
                warnings.append("damaged Word file: [Content_Types].xml is missing (mended)")
            if _needs_package_rels(zf, names):
                replaced["_rels/.rels"] = _PACKAGE_RELS.encode()
                warnings.append("damaged Word file: _rels/.rels is missing or empty (mended)")
            mended, gone = _mend_rels(zf, names)
            if gone:
                mended = {k: v for k, v in mended.items() if k not in replaced}
                replaced.update(mended)
                shown = ", ".join(gone[:3]) + (" …" if len(gone) > 3 else "")
                warnings.append(f"damaged Word file: {shown} missing; read without it")
            if not replaced:
                return data, []
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as mended_zip:
                for info in infos:
                    if info.filename not in replaced and not info.is_dir():
                        mended_zip.writestr(info.filename, zf.read(info))
                for name, content in replaced.items():
                    mended_zip.writestr(name, content)
            return out.getvalue(), warnings
    except zipfile.BadZipFile as err:
        raise CorruptFile(f"damaged Word file (not a valid ZIP: {_one_line(err)})") from None
    except (OSError, EOFError, ValueError, zlib.error) as err:  # a member that will not unpack
        raise CorruptFile(f"damaged Word file ({_one_line(err)})") from None


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "…"
