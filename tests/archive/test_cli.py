"""The archive verbs: thin adapters, clear one-line errors, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ganjina.archive import Archive
from ganjina.cli.main import cli

from .helpers import article, write_fake


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def filled(tmp_path: Path) -> str:
    root = tmp_path / "a"
    with Archive.open(root, create=True) as archive:
        archive.add_many(
            [
                article("Flood relief reaches Kabul", "Aid reached the <i>flooded</i> villages."),
                article(
                    "سیلاب در کابل",
                    "کمک‌ها می‌رسد.",
                    language="fa-AF",
                    section="dari",
                    date="2022-06-01",
                ),
                article("Undated", "No date here.", date=None, authors=()),
            ]
        )
    return str(root)


def test_search_text_and_json(filled: str) -> None:
    code, out, _ = run("search", "flooded", "--archive", filled)
    assert code == 0
    # "Flood" in the title is another form of "flooded": marked too
    assert "[Flood] relief reaches Kabul" in out and "[flooded]" in out
    assert "1–1 of 1 results" in out
    code, out, _ = run("search", "کمکها", "--archive", filled, "--json", "--facets")
    data = json.loads(out)
    assert data["total"] == 1
    assert data["hits"][0]["title"] == "سیلاب در کابل"
    assert ["کمک‌ها", True] in data["hits"][0]["snippet"]
    assert data["facets"]["language"] == [["fa-AF", 1]]


def test_search_sort_and_limit(filled: str) -> None:
    code, out, _ = run(
        "search", "", "--archive", filled, "--sort", "date", "--limit", "1", "--json"
    )
    assert code == 0
    assert [h["date"] for h in json.loads(out)["hits"]] == ["2022-06-01"]


@pytest.mark.parametrize(
    ("query", "message", "caret"),
    [
        ('flood "relief', "never closed", "        ^"),
        ("colour:red", "unknown field 'colour:'", "  ^"),
        ("date:2022-02-30", "impossible date", "       ^"),  # under the value
        ("a OR", "OR needs something after it", "    ^"),
    ],
)
def test_bad_query_points_at_the_problem(filled: str, query: str, message: str, caret: str) -> None:
    code, out, err = run("search", query, "--archive", filled)
    assert code == 2
    assert out == ""
    first, shown, pointer = err.splitlines()
    assert first.startswith("ganjina: ") and message in first
    assert shown == f"  {query}"
    assert pointer == caret
    assert "Traceback" not in err


def test_missing_archive_is_one_line(tmp_path: Path) -> None:
    for verb in (["search", "x"], ["stats"], ["errors"], ["export"], ["reindex"]):
        code, _out, err = run(*verb, "--archive", str(tmp_path / "none"))
        assert code == 2
        assert err.startswith("ganjina: no archive at") and err.count("\n") == 1
    assert not (tmp_path / "none").exists()


def test_locked_archive_is_one_line(filled: str, tmp_path: Path) -> None:
    write_fake(tmp_path / "in" / "x.txt", "New")
    with Archive.open(filled) as holder, holder._writing():
        code, _out, err = run("ingest", str(tmp_path / "in"), "--archive", filled)
    assert code == 2
    assert "is being written by process" in err and err.count("\n") == 1


def test_newer_archive_is_one_line(filled: str) -> None:
    import sqlite3

    with sqlite3.connect(Path(filled) / "archive.sqlite3") as conn:
        conn.execute("INSERT INTO migrations VALUES ('9999_future', 'x')")
    code, _out, err = run("stats", "--archive", filled)
    assert code == 2 and "newer Ganjina" in err and err.count("\n") == 1


def test_ingest_errors_stats_reindex(tmp_path: Path) -> None:
    src = tmp_path / "in"
    # real reader on text files: a good one and an empty (unreadable) one
    (src / "good.txt").parent.mkdir(parents=True)
    (src / "good.txt").write_text("A title\n\nA body paragraph long enough to be read.\n")
    (src / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    archive = str(tmp_path / "a")
    code, out, err = run("ingest", str(src), "--archive", archive, "--workers", "0")
    assert code == 1
    assert "read 2 files: 1 new, 0 updated, 0 unchanged, 1 failed" in out
    assert "failed: " in err and "bad.pdf" in err
    code, out, _ = run("errors", "--archive", archive)
    assert code == 0 and "bad.pdf" in out and "1 file could not be read" in out
    code, out, _ = run("errors", "--archive", archive, "--json")
    assert json.loads(out)[0]["path"].endswith("bad.pdf")
    code, out, _ = run("stats", "--archive", archive)
    assert code == 0 and "records   1" in out and "1 failed" in out and "up to date" in out
    code, out, _ = run("stats", "--archive", archive, "--json")
    assert json.loads(out)["records"] == 1
    code, out, _ = run("reindex", "--archive", archive)
    assert code == 0 and out.startswith("indexed 1 records")
    code, out, _ = run("ingest", str(src), "--archive", archive, "--workers", "0", "--json")
    assert json.loads(out)["unchanged"] == 1


def test_export_formats(filled: str, tmp_path: Path) -> None:
    code, out, _ = run("export", "--archive", filled)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert {json.loads(line)["title"] for line in lines} >= {"Undated"}
    target = tmp_path / "out.csv"
    code, _out, err = run(
        "export", "--archive", filled, "--format", "csv", "-o", str(target), "--query", "lang:fa"
    )
    assert code == 0 and "exported 1 records" in err
    assert "سیلاب در کابل" in target.read_text(encoding="utf-8")


def test_every_verb_has_help_with_an_example() -> None:
    for verb in ("ingest", "search", "export", "stats", "errors", "reindex"):
        code, out, _ = run(verb, "--help")
        assert code == 0
        assert "Example" in out and f"ganjina {verb}" in out
