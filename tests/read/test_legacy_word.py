"""Word 97–2003 (.doc) and RTF files are read through LibreOffice's conversion to DOCX:
the record a sample's DOCX gives, with a warning that says how it was read."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ganjina.errors import CorruptFile, UnsupportedFormat
from ganjina.read import detect_format
from ganjina.reader import parse_bytes, parse_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ("fa-nowruz-mazar", "ps-khost-cricket", "en-flood-relief")
FIELDS = ("title", "authors", "translators", "date", "section", "language", "source", "site")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples' DOCX saved by LibreOffice as .doc and as RTF (one soffice call each)."""
    folder = tmp_path_factory.mktemp("legacy")
    for slug in SAMPLES:
        shutil.copy(ROOT / "samples" / slug / "article.docx", folder / f"{slug}.docx")
    docx = [str(folder / f"{slug}.docx") for slug in SAMPLES]
    for to in ("doc", "rtf"):
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
             "--convert-to", to, "--outdir", str(folder), *docx],
            check=True, capture_output=True, timeout=240,
        )  # fmt: skip
    return folder


@pytest.mark.parametrize("kind", ["doc", "rtf"])
@pytest.mark.parametrize("slug", SAMPLES)
def test_a_legacy_word_file_reads_as_its_docx(converted: Path, slug: str, kind: str) -> None:
    expected = parse_file(converted / f"{slug}.docx")
    data = (converted / f"{slug}.{kind}").read_bytes()
    assert detect_format(data, f"x.{kind}") == kind
    assert detect_format(data, None) == kind  # from the bytes, not the name
    read = parse_bytes(data, f"{slug}.{kind}")
    for name in FIELDS:
        assert getattr(read, name) == getattr(expected, name), name
    # (LibreOffice's .doc export may start a list's first item as a list of its own, so
    # a numbered list's markers are not compared; every block's type and text are)
    assert [(b.type, b.text) for b in read.blocks] == [(b.type, b.text) for b in expected.blocks]
    what = "a Word 97–2003 file" if kind == "doc" else "an RTF file"
    assert f"read from {what}, converted to DOCX by LibreOffice" in read.warnings


def test_a_damaged_doc_is_one_line_and_a_false_one_is_named(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
    with pytest.raises(CorruptFile, match="damaged Word 97–2003 file"):
        parse_bytes(ole + os.urandom(4096), "broken.doc")
    with pytest.raises(UnsupportedFormat, match=r"not a Word 97–2003 \(\.doc\) file"):
        parse_bytes(b"\x01\x02 just bytes", "fake.doc")


def test_without_libreoffice_a_doc_says_what_to_install(
    converted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a machine without LibreOffice: no soffice on the PATH (python stays reachable)
    monkeypatch.setenv("PATH", str(Path(os.__file__).parent))
    with pytest.raises(UnsupportedFormat, match="needs LibreOffice: apt-get install"):
        parse_bytes((converted / f"{SAMPLES[0]}.doc").read_bytes(), "a.doc")


def test_a_doc_in_a_folder_is_ingested_and_kept_as_it_was(converted: Path, tmp_path: Path) -> None:
    from ganjina.archive import Archive
    from ganjina.archive.blobs import media_type

    folder = tmp_path / "in"
    folder.mkdir()
    data = (converted / f"{SAMPLES[0]}.doc").read_bytes()
    (folder / "old-article.doc").write_bytes(data)
    with Archive.open(tmp_path / "archive", create=True) as archive:
        report = archive.ingest([folder], workers=0)
        assert report.new == 1 and not report.failures
    assert media_type(data, "renamed.bin", "docx") == "application/msword"
