"""Bad input: every kind gets a clear one-line error (or a record with warnings), never a
traceback or a hang, and one bad file never stops the others."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

from ganjina.cli.main import cli
from ganjina.errors import (
    CorruptFile,
    EncryptedFile,
    NoTextLayer,
    ReadError,
    UnsupportedFormat,
)
from ganjina.reader import parse_bytes, parse_file


def _text_pdf(pages: int = 1, text: str = "A line of text on page {n}.") -> bytes:
    doc = pymupdf.open()
    for n in range(1, pages + 1):
        page = doc.new_page()
        page.insert_text((72, 300), text.format(n=n), fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def test_empty_file() -> None:
    with pytest.raises(UnsupportedFormat, match="empty file"):
        parse_bytes(b"", "a.pdf")


def test_not_a_pdf_under_a_pdf_name() -> None:
    with pytest.raises(UnsupportedFormat, match="not a PDF"):
        parse_bytes(b"Just some words, not a PDF at all.\n", "b.pdf")


def test_truncated_pdf_is_a_clear_error_or_a_record() -> None:
    data = _text_pdf(3)
    try:
        article = parse_bytes(data[: len(data) // 2], "c.pdf")
    except ReadError as err:
        assert "\n" not in str(err)
    else:
        assert article.provenance.format == "pdf"


def test_encrypted_pdf() -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    with pytest.raises(EncryptedFile, match="encrypted PDF"):
        parse_bytes(data, "d.pdf")


def test_image_only_pdf_says_scanned() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.clear_with(200)
    page.insert_image(pymupdf.Rect(72, 72, 300, 300), pixmap=pix)
    with pytest.raises(NoTextLayer, match=r"no text layer \(scanned\?\)"):
        parse_bytes(doc.tobytes(), "e.pdf")


def test_binary_garbage() -> None:
    garbage = bytes(range(256)) * 64
    with pytest.raises(UnsupportedFormat, match="binary data"):
        parse_bytes(garbage, "f.bin")


def test_text_that_is_not_utf8() -> None:
    # Windows-1252, as old German word processors saved it: the error says what and where
    data = "Grüße aus Köln, schöne Straße".encode("cp1252")
    with pytest.raises(UnsupportedFormat, match="not UTF-8 text"):
        parse_bytes(data, "g.txt")


def test_fifty_megabyte_markdown_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("w", encoding="utf-8") as fh:
        line = "A paragraph of ordinary text that repeats to make a very large file.\n\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    with pytest.raises(UnsupportedFormat, match="too large for one article"):
        parse_file(big)


def test_500_page_pdf_reads_every_page() -> None:
    article = parse_bytes(_text_pdf(500), "h.pdf")
    assert article.provenance.pages == 500
    text = article.body_text()
    assert "page 1." in text and "page 500." in text
    assert "no known masthead" in " ".join(article.warnings)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        parse_file(tmp_path / "nope.pdf")
    with pytest.raises(ReadError, match="is a directory"):
        parse_file(tmp_path)


def test_damaged_docx() -> None:
    with pytest.raises((CorruptFile, UnsupportedFormat)):
        parse_bytes(b"PK\x03\x04" + b"\x00" * 100, "i.docx")


def test_cli_reports_each_bad_file_on_one_line_and_reads_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A title\n\nA paragraph of text.\n", encoding="utf-8")
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "fake.pdf").write_text("not really", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["parse", str(tmp_path / "empty.pdf"), str(good), str(tmp_path / "fake.pdf")]
    )
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln]
    assert errors == [
        f"{tmp_path / 'empty.pdf'}: empty file",
        f"{tmp_path / 'fake.pdf'}: not a PDF",
    ]
    assert "A title" in result.stdout


def test_cli_exit_zero_when_all_read(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A title\n\nA paragraph of text.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ganjina", "parse", "--json", str(good)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"title": "A title"' in result.stdout
    assert "Traceback" not in result.stderr
