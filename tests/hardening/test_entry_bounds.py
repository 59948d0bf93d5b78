"""Items 2 (my part), 6 and 7: what reaches a reader, and how long it may take."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.errors import NotAnArticle, ReadError, UnsupportedFormat
from ganjina.read.html import read_html
from ganjina.reader import parse_bytes, parse_file
from tests.archive.helpers import fake_parser, write_fake

from .articles import good_article, markdown_article

ROOT = Path(__file__).resolve().parents[2]


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "x.md"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(ReadError, match="FIFO"):
        parse_file(fifo)  # would block forever waiting for a writer
    assert time.monotonic() - started < 5


def test_a_looping_symlink_is_a_read_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(ReadError, match="loops"):
        parse_file(loop)


def test_fifo_loop_and_good_files_in_one_ingest(archive: Archive, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    os.mkfifo(d / "fifo.md")
    (d / "loop.md").symlink_to(d / "loop.md")
    for n in range(3):
        (d / f"ok{n}.md").write_text(good_article(n), encoding="utf-8")
    started = time.monotonic()
    report = archive.ingest([d], workers=0)
    assert time.monotonic() - started < 60
    reasons = {Path(f.path).name: f.message for f in report.failures}
    assert reasons == {
        "fifo.md": "cannot open: is a FIFO (named pipe), not a file",
        "loop.md": "cannot open: a symbolic link that loops",
    }
    assert report.new == 3


def test_utf16_markdown_with_a_bom_is_read(tmp_path: Path) -> None:
    text = good_article(1)
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        data = text.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        article = parse_bytes(data, "a.md")
        assert article.title == "Test article number 1 about the irrigation canals of Parwan"
    with pytest.raises(UnsupportedFormat):
        parse_bytes(b"\xff\xfe" + b"\x00\xd8" * 10, "bad.md")  # lone surrogates


def test_nul_and_control_characters_never_reach_the_record() -> None:
    body = "Water reached the\x00 fields\x07 of Charikar.\nکابل\u200cنامه"
    article = parse_bytes(markdown_article("Canal news from Parwan", body).encode(), "a.md")
    text = article.to_json()
    assert "\x00" not in text and "\x07" not in text and "\\u0000" not in text
    assert "fields of Charikar." in article.body_text()
    assert "کابل\u200cنامه" in article.body_text()  # ZWNJ is not a control: kept
    assert any("control characters" in w for w in article.warnings)


def test_nul_in_text_is_stored_in_postgresql_too(archive: Archive) -> None:
    article = parse_bytes(markdown_article("NUL test", "Some\x00 words.").encode(), "n.md")
    stored = archive.get(archive.add(article))
    assert stored is not None and stored.body_text() == "Some words."


@pytest.mark.parametrize("levels", [40_000])
def test_stray_end_tags_in_deep_html_are_linear(levels: int) -> None:
    doc = "<html><body>" + "<div>x" * levels + "</span>" * levels + "</div>" * levels
    started = time.monotonic()
    layout = read_html(doc)
    # quadratic before: 20,000 levels took 12 s, so 40,000 would take ~50 s
    assert time.monotonic() - started < 10
    assert len(layout.lines) == levels


def test_parse_has_a_time_budget() -> None:
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"took longer than 0\.5 s"):
        # the fake reader's HANG sleeps for an hour: only killing its process stops it
        from ganjina.read.budget import Budget

        with Budget(0.5) as budget:
            budget.call(fake_parser, b"HANG\n", "h.txt")
    assert time.monotonic() - started < 30
    article = parse_file(ROOT / "samples" / "en-flood-relief" / "article.md", timeout=60)
    assert article.title is not None


@pytest.mark.slow
def test_after_a_timeout_the_files_in_flight_are_not_read_one_by_one(
    archive: Archive, tmp_path: Path
) -> None:
    """One hanging file among 40 slow ones: the others are sent again together, not each
    in a process of its own (91 files once took 27 minutes that way)."""
    os.environ["GANJINA_TEST_SLOW"] = "0.3"
    try:
        for i in range(40):
            write_fake(tmp_path / "in" / f"s{i:02}.txt", f"SLOWStory {i}", "slow words")
        (tmp_path / "in" / "a-hang.txt").write_text("HANG\n")
        started = time.monotonic()
        report = archive.ingest([tmp_path / "in"], workers=2, parser=fake_parser, timeout=3)
        elapsed = time.monotonic() - started
    finally:
        del os.environ["GANJINA_TEST_SLOW"]
    assert (report.new, report.failed) == (40, 1)
    assert report.failures[0].message == "reading took longer than 3 s"
    # one at a time, each in a fresh process, the 8 files in flight cost ~8 spawns more
    assert elapsed < 40


def test_not_articles_are_skipped_not_stored(archive: Archive, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "README.md").write_text(
        "Each folder holds:\n\n| file | what |\n|---|---|---|\n| x | y |\n"
    )
    (d / "NOTES.md").write_text("Things to check before the next run.\n\n- the index\n")
    (d / "source.md").write_text("---\ntitle: A draft\ndate: 2023-01-01\n---\nText.\n")
    for i in range(6):  # different junk files: once all merged into one record
        (d / f"junk{i}.txt").write_text(f"{'-' * (i + 3)}\n")
    (d / "real.md").write_text(good_article(7), encoding="utf-8")
    report = archive.ingest([d], workers=0)
    assert (report.new, report.not_articles, report.failed) == (1, 9, 0)
    assert all(s.message.startswith("not an article") for s in report.skipped)
    assert archive.stats()["records"] == 1
    with pytest.raises(NotAnArticle, match="publisher's source"):
        parse_file(d / "source.md")


def test_a_notes_name_alone_never_refuses_an_article(tmp_path: Path) -> None:
    """README/NOTES names only count against a file that shows no sign of an article
    besides a heading: an article saved as notes.md is still one."""
    (tmp_path / "notes.md").write_text(good_article(8), encoding="utf-8")
    article = parse_file(tmp_path / "notes.md")
    assert article.title and article.authors == ["Nadia Rahimzai"]
    (tmp_path / "README.md").write_text("# The corpus\n\nWhat each folder holds.\n")
    with pytest.raises(NotAnArticle, match="README or notes"):
        parse_file(tmp_path / "README.md")
    (tmp_path / "guide.md").write_text("# The corpus\n\nWhat each folder holds.\n")
    assert parse_file(tmp_path / "guide.md").title == "The corpus"  # not by its name


def test_the_sample_folder_gives_its_articles_and_no_junk(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a", create=True) as archive:
        report = archive.ingest([ROOT / "samples"], workers=0)
        records = archive.stats()["records"]
    articles = len(list((ROOT / "samples").glob("*/source.md")))
    assert records == articles
    assert (report.new, report.updated, report.failed) == (articles, 0, 0)
    assert report.merged == 2 * articles  # each article's other two files
    assert report.not_articles == articles + 2  # its sources, README.md and NOTES.md
