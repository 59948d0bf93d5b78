"""Item 12: the CLI's mistakes that printed tracebacks or half-output."""

from __future__ import annotations

import socket
from pathlib import Path

from ganjina.archive import Archive
from tests.archive.helpers import article

from .cli import ganjina, one_line_error


def _filled(tmp_path: Path) -> str:
    root = str(tmp_path / "a")
    with Archive.open(root, create=True) as archive:
        archive.add_many([article("Flood relief reaches Kabul"), article("Helmand water")])
    return root


def test_export_to_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    archive = _filled(tmp_path)
    result = ganjina("export", "--archive", archive, "-o", "/missing/dir/x.parquet")
    assert "could not write /missing/dir/x.parquet" in one_line_error(result)


def test_a_bad_export_query_prints_nothing_on_stdout(tmp_path: Path) -> None:
    archive = _filled(tmp_path)
    result = ganjina("export", "--archive", archive, "--format", "csv", "-q", '"bad')
    assert "never closed" in one_line_error(result)
    assert result.stdout == ""  # not even the CSV header


def test_serve_on_a_busy_port_says_so_before_serving(tmp_path: Path) -> None:
    archive = _filled(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = ganjina("serve", "--archive", archive, "--port", str(port), timeout=60)
    assert "cannot listen on 127.0.0.1:" in one_line_error(result)
    assert "Serving" not in result.stdout


def test_ingest_of_a_typo_makes_no_archive(tmp_path: Path) -> None:
    target = tmp_path / "new-archive"
    result = ganjina("ingest", str(tmp_path / "typo"), "--archive", str(target))
    assert "no such file or folder" in one_line_error(result)
    assert not target.exists()


def test_ingest_with_one_missing_path_reads_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text((Path(__file__).parents[2] / "samples/en-flood-relief/article.md").read_text())
    target = tmp_path / "a"
    result = ganjina("ingest", str(tmp_path / "typo.md"), str(good), "--archive", str(target))
    assert result.returncode == 1
    assert "typo.md: cannot open: no such file" in result.stderr
    assert "1 new" in result.stdout
