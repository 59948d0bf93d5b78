"""Bad sources: one line naming the file and the problem, exit 1, nothing written for
that source, and the other sources still published."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ganjina.cli.main import cli

from .conftest import SourceFactory

GOOD = "A paragraph that is fine."


def _publish(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["publish", "--no-archive", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("front", "body", "message"),
    [
        ("---\nsection: dari\n---\n", "متن", "no title"),
        ("---\ntitle: T\nsection: sports\nlanguage: en\n---\n", GOOD, "unknown section 'sports'"),
        (
            "---\ntitle: T\nsection: european-languages\ndate: 31.02.2023\nlanguage: en\n---\n",
            GOOD,
            "unparsable date",
        ),
        (
            "---\ntitle: T\nsection: european-languages\nlanguage: en\n---\n",
            "![A caption (AP Photo/X)](nowhere.png)",
            "missing image nowhere.png",
        ),
        ("no front matter at all\n", GOOD, "no front matter"),
    ],
    ids=["no-title", "unknown-section", "bad-date", "missing-image", "no-front-matter"],
)
def test_bad_source_fails_alone(
    write_source: SourceFactory, tmp_path: Path, front: str, body: str, message: str
) -> None:
    bad = write_source(body, name="bad.md", front=front)
    good = write_source(GOOD, name="good.md")
    out = tmp_path / "out"
    code, stdout, stderr = _publish(bad, good, "--out", out)
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert str(bad) in lines[0] and message in lines[0]
    assert sorted(p.name for p in out.iterdir()) == ["good.html", "good.pdf"]
    assert "good.md" in stdout


def test_damaged_image(write_source: SourceFactory, tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"not a png at all")
    bad = write_source("Text.\n\n![A caption](photo.png)", name="bad.md")
    code, _, stderr = _publish(bad, "--out", tmp_path / "out")
    assert code == 1 and "bad.md" in stderr and "image photo.png is damaged" in stderr


def test_unreadable_docx(tmp_path: Path) -> None:
    bad = tmp_path / "draft.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, stderr = _publish(bad, "--out", tmp_path / "out")
    assert code == 1
    assert stderr.count("\n") == 1 and str(bad) in stderr and "DOCX" in stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_not_a_source(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    code, _, stderr = _publish(other, "--out", tmp_path)
    assert code == 1 and "not a source" in stderr


def test_missing_file(tmp_path: Path) -> None:
    code, _, stderr = _publish(tmp_path / "gone.md", "--out", tmp_path)
    assert code == 1 and "gone.md" in stderr and stderr.count("\n") == 1


def test_uncovered_character_fails_cleanly(write_source: SourceFactory, tmp_path: Path) -> None:
    bad = write_source("Tofu \U0001f9c8 here.", name="tofu.md")
    code, _, stderr = _publish(bad, "--out", tmp_path / "out")
    assert code == 1
    assert "tofu.md" in stderr and "U+1F9C8" in stderr and stderr.count("\n") == 1


def test_archive_options_exclude_each_other(write_source: SourceFactory) -> None:
    result = CliRunner().invoke(
        cli, ["publish", "--no-archive", "--archive", "x", str(write_source())]
    )
    assert result.exit_code == 2 and "exclude" in result.output


def test_two_sources_for_one_output(tmp_path: Path) -> None:
    from .conftest import SAMPLES

    sample = SAMPLES / "en-flood-relief"
    md, docx = sample / "source.md", sample / "article.docx"
    code, stdout, stderr = _publish(md, docx, "--out", tmp_path)
    assert code == 1 and str(docx) in stderr and "would overwrite en-flood-relief.pdf" in stderr
    assert str(md) in stdout
