"""``ganjina publish`` end to end: files written, records archived, DOCX sources, jobs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ganjina.cli.main import cli
from ganjina.reader import parse_file

from .conftest import SAMPLES, SourceFactory


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["publish", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def test_publish_into_the_archive(tmp_path: Path) -> None:
    from ganjina.archive import Archive

    source = SAMPLES / "fa-nowruz-mazar" / "source.md"
    code, stdout, stderr = _run(source, "--out", tmp_path / "site", "--archive", tmp_path / "a")
    assert code == 0, stderr
    pdf = tmp_path / "site" / "fa-nowruz-mazar.pdf"
    assert pdf.is_file() and (tmp_path / "site" / "fa-nowruz-mazar.html").is_file()
    assert (tmp_path / "site" / "fa-nowruz-mazar-figure-1.png").is_file()
    parsed = parse_file(pdf)
    assert f"archived as {parsed.id}" in stdout
    with Archive.open(tmp_path / "a") as archive:
        stored = archive.get(parsed.id)
    assert stored is not None
    stored_dict, parsed_dict = stored.to_dict(), parsed.to_dict()
    assert stored_dict.pop("provenance")["sha256"] == parsed_dict.pop("provenance")["sha256"]
    assert stored_dict == parsed_dict


def test_docx_source_gives_the_same_record(tmp_path: Path) -> None:
    sample = SAMPLES / "en-flood-relief"
    code, _, stderr = _run(sample / "article.docx", "--out", tmp_path / "d", "--no-archive")
    assert code == 0, stderr
    code, _, stderr = _run(sample / "source.md", "--out", tmp_path / "m", "--no-archive")
    assert code == 0, stderr
    from_docx = parse_file(tmp_path / "d" / "en-flood-relief.pdf").to_dict()
    from_md = parse_file(tmp_path / "m" / "en-flood-relief.pdf").to_dict()
    for record in (from_docx, from_md):
        record.pop("provenance")
    assert from_docx == from_md
    assert (tmp_path / "d" / "en-flood-relief-figure-1.png").is_file()


def test_outputs_next_to_the_source_by_default(write_source: SourceFactory) -> None:
    source = write_source(name="drafts/flood.md")
    code, _, stderr = _run(source, "--no-archive")
    assert code == 0, stderr
    assert {p.name for p in source.parent.iterdir()} == {"flood.md", "flood.pdf", "flood.html"}


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["publish", "--help"])
    assert result.exit_code == 0 and "ganjina publish samples/" in result.output


@pytest.mark.slow
def test_parallel_jobs_keep_order_and_report_each(
    write_source: SourceFactory, tmp_path: Path
) -> None:
    good = [write_source(f"Paragraph {n}.", name=f"a{n}.md", title=f"T{n}") for n in range(3)]
    bad = write_source("x", name="bad.md", front="---\ntitle: T\n---\n")
    code, stdout, stderr = _run(*good, bad, "-j", "2", "--out", tmp_path / "o", "--no-archive")
    assert code == 1 and "bad.md" in stderr and stderr.count("\n") == 1
    assert [line.split(" ")[0] for line in stdout.splitlines()] == [str(p) for p in good]
