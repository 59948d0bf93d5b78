"""Item 1: file names that are not UTF-8 are stored and shown losslessly."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from ganjina.archive import Archive
from ganjina.archive.paths import from_text, path_key, shown, to_text
from ganjina.cli.main import cli

from .articles import good_article

#: "ä" in Latin-1 and "سلام" in CP1256: the two encodings of copied archives
LATIN1 = b"\xe4rzte.md"
CP1256 = "سلام.md".encode("cp1256")


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for n, raw in enumerate((LATIN1, CP1256, b"plain.md")):
        with open(os.path.join(os.fsencode(d), raw), "wb") as fh:
            fh.write(good_article(n).encode())
    return d


def test_every_name_round_trips_through_its_text() -> None:
    for raw in (LATIN1, CP1256, "کابل‌نامه.md".encode(), b"a%20b.md", b"fsbytes:x"):
        path = "/srv/" + os.fsdecode(raw)
        text = to_text(path)
        text.encode("utf-8")  # storable
        assert from_text(text) == path
    assert to_text("/srv/کابل.md") == "/srv/کابل.md"  # UTF-8 names are unchanged
    assert shown("/srv/" + os.fsdecode(LATIN1)) == "/srv/\\xe4rzte.md"


def test_ingest_stores_files_with_undecodable_names(archive: Archive, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    report = archive.ingest([folder], workers=0)
    assert (report.new, report.failed) == (3, 0), report.failures
    again = archive.ingest([folder], workers=0)
    assert again.unchanged == 3  # the keys found their rows again: nothing re-read
    keys = {from_text(k) for k in _file_keys(archive)}
    assert path_key(os.fsdecode(os.path.join(os.fsencode(folder), LATIN1))) in {
        to_text(k) for k in keys
    }


def _file_keys(archive: Archive) -> list[str]:
    return [row[0] for row in archive.store.derived_rows("SELECT path FROM files")]


def test_cli_ingest_reports_names_readably(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    bad = os.path.join(os.fsencode(folder), b"\xff\xfe.md")
    with open(bad, "wb") as fh:
        fh.write(b"")  # an empty file: a failure, listed by its name
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--archive", str(tmp_path / "a")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1
    assert "\\xff\\xfe.md: empty file" in result.stderr
    assert "3 new" in result.stdout
    listed = CliRunner().invoke(cli, ["errors", "--archive", str(tmp_path / "a")])
    assert "\\xff\\xfe.md" in listed.stdout
