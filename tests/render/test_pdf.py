"""The PDF: what it prints, its embedded record, reproducible bytes, text as data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pymupdf
import pytest

from ganjina.errors import PublishError
from ganjina.render.page import RECORD_ATTACHMENT
from ganjina.render.publish import Publisher

from .conftest import SourceFactory, sample_sources


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf) as doc:
        return "\n".join(page.get_text() for page in doc)


def test_markup_characters_print_as_themselves(
    publisher: Publisher, write_source: SourceFactory
) -> None:
    nasty = r"Costs #1: $5 * 3 [a] ]b[ <c> \d #set page(width: 1cm) $x^2$ // no comment"
    src = write_source(
        f"{nasty}\n\n1) item #2 with `code` and \\\\n\n> quote *not bold*",
        title="#heading [link] <lab> \\ $math$",
    )
    text = _text(publisher.render(src).pdf)
    flat = " ".join(text.split())
    assert nasty in flat
    assert "#heading [link] <lab> \\ $math$" in flat
    assert "item #2 with `code` and \\\\n" in flat
    assert "quote *not bold*" in flat


def test_record_is_attached_and_reads_back(
    publisher: Publisher, write_source: SourceFactory
) -> None:
    src = write_source("Body text.\n\n## Sub\n\n- a bullet")
    rendered = publisher.render(src)
    with pymupdf.open(stream=rendered.pdf) as doc:
        assert doc.embfile_names() == [RECORD_ATTACHMENT]
        attached = json.loads(doc.embfile_get(RECORD_ATTACHMENT))
    assert attached == rendered.record.to_dict()
    assert attached["provenance"]["path"] == "article.md"  # the name only: reproducible


def test_reader_returns_the_embedded_record(
    publisher: Publisher, write_source: SourceFactory
) -> None:
    from ganjina.reader import parse_bytes

    rendered = publisher.render(write_source("Body text."))
    back = parse_bytes(rendered.pdf, "article.pdf").to_dict()
    expected = rendered.record.to_dict()
    back.pop("provenance"), expected.pop("provenance")  # says which file was read
    assert back == expected


def test_republishing_gives_identical_bytes(publisher: Publisher, tmp_path: Path) -> None:
    sample = sample_sources()[0].parent
    copy = tmp_path / "elsewhere" / sample.name
    shutil.copytree(sample, copy)
    first = publisher.render(sample / "source.md").pdf
    again = Publisher().render(copy / "source.md").pdf
    assert first == again
    with pymupdf.open(stream=first) as doc:
        assert not doc.metadata["creationDate"] and not doc.metadata["modDate"]


def test_timestamp_only_when_asked(write_source: SourceFactory) -> None:
    import datetime as dt

    stamp = dt.datetime(2023, 2, 14, 9, 30, tzinfo=dt.UTC)
    pdf = Publisher(timestamp=stamp).render(write_source()).pdf
    with pymupdf.open(stream=pdf) as doc:
        assert doc.metadata["creationDate"].startswith("D:20230214")


@pytest.mark.parametrize("sample", sample_sources(), ids=lambda p: p.parent.name)
def test_every_page_has_header_or_masthead_and_page_number(
    publisher: Publisher, sample: Path
) -> None:
    pdf = publisher.render(sample).pdf
    with pymupdf.open(stream=pdf) as doc:
        for number, page in enumerate(doc, start=1):
            text = page.get_text()
            assert "www.afgazad.com" in text and "afgazad@gmail.com" in text
            digits = {str(number), str(number).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))}
            last = [ln for ln in text.splitlines() if ln.strip()][-1].strip()
            assert last in digits, f"page {number} ends with {last!r}"


def test_uncovered_character_is_an_error_naming_it(
    publisher: Publisher, write_source: SourceFactory
) -> None:
    src = write_source("A smile \U0001f600 here.")
    with pytest.raises(PublishError, match=r"article\.md: .*U\+1F600 GRINNING FACE"):
        publisher.render(src)


def test_every_pashto_letter_is_drawn(publisher: Publisher, write_source: SourceFactory) -> None:
    letters = "ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ ئ"
    src = write_source(f"پښتو توري: {letters}", section="pashto", language="ps", title="پښتو")
    with pymupdf.open(stream=publisher.render(src).pdf) as doc:
        fonts = {f[3] for f in doc[0].get_fonts()}
        text = doc[0].get_text("text", flags=pymupdf.TEXT_IGNORE_ACTUALTEXT)
    assert all("Amiri" in f or "Noto" in f for f in fonts), fonts
    for letter in letters.split():
        assert letter in text


def test_table_cells_are_printed(publisher: Publisher, write_source: SourceFactory) -> None:
    src = write_source("| Province | Rain |\n|---|---|\n| Herat | 12 |\n| Balkh |  |\n\nAfter.")
    flat = " ".join(_text(publisher.render(src).pdf).split())
    for cell in ("Province", "Rain", "Herat", "12", "Balkh", "After."):
        assert cell in flat
    assert flat.index("Herat") < flat.index("Balkh")
