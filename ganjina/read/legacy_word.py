"""Word 97–2003 (``.doc``) and RTF files → Layout, through LibreOffice.

An archive of the 2000s holds many articles saved by Word before 2007, in its binary
format, and some as RTF. Neither is read here byte by byte: LibreOffice converts the
file to DOCX (``soffice --headless --convert-to docx``, its own profile in a temporary
folder, so conversions may run side by side, and a time limit), and the DOCX reader reads
that, so a ``.doc`` gives the record its DOCX would give. The record says so in a warning;
the original bytes are what the archive stores.

LibreOffice is needed only for these files: without it a ``.doc`` is refused in one line
that says what to install, and nothing else changes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ganjina.errors import CorruptFile, UnsupportedFormat
from ganjina.read.layout import Layout

__all__ = ["CONVERT_SECONDS", "is_rtf", "is_word_97", "read_legacy_word"]

#: the longest a conversion may take (a long .doc converts in a few seconds)
CONVERT_SECONDS = 120
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the name of the stream that holds a Word document's text, as an OLE2 directory
#: entry writes it (UTF-16); Excel and PowerPoint files have other streams
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_INSTALL = "apt-get install libreoffice-writer-nogui"


def is_word_97(data: bytes) -> bool:
    """Whether ``data`` is a Word 97–2003 file: an OLE2 compound file with a WordDocument
    stream."""
    return data.startswith(_OLE2) and _WORD_STREAM in data


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"{\\rtf"


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise UnsupportedFormat(f"reading Word 97–2003 and RTF files needs LibreOffice: {_INSTALL}")
    return found


def read_legacy_word(data: bytes, kind: str) -> Layout:
    """Read a ``.doc`` (``kind="doc"``) or an RTF file (``kind="rtf"``) into a Layout."""
    from ganjina.read.docx import read_docx

    soffice = _soffice()
    with tempfile.TemporaryDirectory(prefix="ganjina-doc-") as tmp:
        folder = Path(tmp)
        source = folder / f"article.{kind}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise CorruptFile(
                f"LibreOffice did not convert the file in {CONVERT_SECONDS} s"
            ) from None
        except OSError as err:
            raise UnsupportedFormat(f"LibreOffice could not be run ({err.strerror})") from None
        converted = folder / "out" / "article.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            what = "Word 97–2003" if kind == "doc" else "RTF"
            raise CorruptFile(f"damaged {what} file: LibreOffice could not convert it")
        layout = read_docx(converted.read_bytes())
    name = "a Word 97–2003 file" if kind == "doc" else "an RTF file"
    layout.warnings.append(f"read from {name}, converted to DOCX by LibreOffice")
    return layout
