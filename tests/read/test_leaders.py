"""A table of contents' dot leaders and a rule drawn with minus signs are filler: the
text layer keeps their glyphs, the reader leaves them out; dots the author typed stay."""

from __future__ import annotations

import pymupdf
import pytest

from ganjina.read.leaders import drop_leaders
from ganjina.read.pdf import read_pdf


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("فصل اول . . . . . . . . ۱۲", "فصل اول ۱۲"),
        ("واژه‌نامه. . . . . . .Glossary", "واژه‌نامه Glossary"),
        ("· · · · · 7", "7"),
        ("معرفی" + "." * 90 + "1", "معرفی 1"),
        ("\u2212" * 40 + " پاسخ", "پاسخ"),
        # what an author types stays as typed
        ("نام: .......... امضا:", "نام: .......... امضا:"),
        ("و غیره . . . تمام", "و غیره . . . تمام"),
        ("a-b = c " + "-" * 20, "a-b = c " + "-" * 20),
        ("x \u2212 y = 2", "x \u2212 y = 2"),
    ],
)
def test_leaders_and_rules_go_typed_dots_stay(line: str, kept: str) -> None:
    assert drop_leaders(line) == kept


def test_a_long_line_of_spaced_dots_is_read_in_one_pass() -> None:
    assert drop_leaders("A " + ". " * 50_000 + "9") == "A 9"


def _contents_page() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Contents", fontsize=14)
    page.insert_text((72, 130), "Introduction " + ". " * 30 + "1", fontsize=11)
    page.insert_text((72, 150), "Name: ..........", fontsize=11)
    return doc.tobytes()


def test_the_reader_leaves_a_dot_leader_out_of_the_line() -> None:
    texts = [ln.text for ln in read_pdf(_contents_page()).lines]
    assert "Introduction 1" in texts
    assert "Name: .........." in texts
