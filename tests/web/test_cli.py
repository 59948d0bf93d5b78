"""``ganjina demo`` and ``ganjina serve``: the demo archive is built once per change of
the samples, never over someone's folder, and both verbs start a server."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from ganjina.archive import Archive
from ganjina.cli import demo as demo_cli
from ganjina.cli import serve as serve_cli
from ganjina.cli.main import cli
from ganjina.web.demo import build_demo
from ganjina.web.server import HTTP_PROTOCOL

from .conftest import SAMPLES


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


@pytest.fixture
def two_samples(tmp_path: Path) -> Path:
    root = tmp_path / "samples"
    for name in ("en-flood-relief", "fa-nowruz-mazar"):
        (root / name).mkdir(parents=True)
        shutil.copy(SAMPLES / name / "article.pdf", root / name / "article.pdf")
        # the other formats of the same article must not become records of their own
        shutil.copy(SAMPLES / name / "article.md", root / name / "article.md")
    return root


def test_demo_builds_once_and_again_when_samples_change(two_samples: Path, tmp_path: Path) -> None:
    target = tmp_path / "demo"
    code, out = run(
        "demo",
        "--build-only",
        "--archive",
        str(target),
        "--samples",
        str(two_samples),
        "--workers",
        "0",
    )
    assert code == 0 and "2 articles (built" in out
    assert (target / ".gitignore").read_text() == "*\n"
    code, out = run(
        "demo",
        "--no-serve",
        "--archive",
        str(target),
        "--samples",
        str(two_samples),
        "--workers",
        "0",
    )
    assert code == 0 and "2 articles (up to date" in out
    extra = two_samples / "ps-khost-cricket"
    extra.mkdir()
    shutil.copy(SAMPLES / "ps-khost-cricket" / "article.pdf", extra / "article.pdf")
    code, out = run(
        "demo",
        "--build-only",
        "--archive",
        str(target),
        "--samples",
        str(two_samples),
        "--workers",
        "0",
    )
    assert code == 0 and "3 articles (built" in out
    with Archive.open(target) as archive:
        assert archive.stats()["versions"] == 0


def test_every_sample_is_one_record_whatever_its_formats(tmp_path: Path) -> None:
    """The check behind reading only the PDFs: the three formats of a sample share one
    content id, so reading them all would still give one record each (as versions)."""
    with Archive.open(tmp_path / "all", create=True) as archive:
        names = ("en-script-headline", "fa-herat-saffron", "ps-polio-campaign")
        files = [p for name in names for p in sorted((SAMPLES / name).glob("article.*"))]
        assert len(files) == 9
        archive.ingest(files, workers=0)
        assert archive.stats()["records"] == 3


def test_demo_never_deletes_a_foreign_folder(two_samples: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    code, out = run(
        "demo",
        "--build-only",
        "--archive",
        str(target),
        "--samples",
        str(two_samples),
        "--workers",
        "0",
    )
    assert code == 2 and "not a demo archive" in out
    assert (target / "notes.txt").read_text() == "mine"


def test_demo_without_samples_says_so(tmp_path: Path) -> None:
    code, out = run(
        "demo", "--build-only", "--archive", str(tmp_path / "d"), "--samples", str(tmp_path)
    )
    assert code == 2 and "no sample articles" in out


def test_demo_then_serves(
    two_samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[tuple[str | None, str, int]] = []
    monkeypatch.setattr(demo_cli, "run_server", lambda *args: served.append(args))
    target = tmp_path / "demo"
    code, _ = run(
        "demo", "--archive", str(target), "--samples", str(two_samples), "--workers", "0",
        "--port", "8123",
    )  # fmt: skip
    assert code == 0 and served == [(str(target), "127.0.0.1", 8123)]


def test_serve_opens_the_archive_and_runs_uvicorn(
    two_samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_demo(two_samples, tmp_path / "demo", workers=0)
    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    code, out = run("serve", "--archive", str(tmp_path / "demo"), "--port", "8124")
    assert code == 0 and "http://127.0.0.1:8124/" in out
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8124
    code, out = run("serve", "--archive", str(tmp_path / "missing"))
    assert code == 2 and "no archive" in out
    assert serve_cli.command.help and "Examples" in serve_cli.command.help


def test_serve_with_workers_uses_the_factory(
    two_samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wiring only (tests/web/test_server_processes.py runs real processes)."""
    from ganjina.web import server

    build_demo(two_samples, tmp_path / "demo", workers=0)
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(server, "serve_processes", lambda *args: calls.append(args))
    # set, so that the test's end restores what was there before serve changed it
    monkeypatch.setenv("GANJINA_ARCHIVE", "elsewhere")
    code, _ = run("serve", "--archive", str(tmp_path / "demo"), "--workers", "2")
    assert code == 0
    app, host, port, workers, options = calls[0]
    assert app == "ganjina.web.app:create_app" and (host, port, workers) == ("127.0.0.1", 8000, 2)
    assert options["http"] is HTTP_PROTOCOL and options["loop"] == "uvloop"
    assert os.environ["GANJINA_ARCHIVE"] == str(tmp_path / "demo")


def test_both_verbs_have_help_with_an_example() -> None:
    for verb in ("serve", "demo"):
        code, out = run(verb, "--help")
        assert code == 0 and "Example" in out and f"ganjina {verb}" in out


def test_the_web_extra_serves_with_httptools_and_uvloop() -> None:
    """The ``web`` extra installs the C parser and loop, and the server takes them (h11
    and asyncio's loop cost a tenth of a search page's CPU under load)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    from ganjina.web.server import event_loop

    assert issubclass(HTTP_PROTOCOL, HttpToolsProtocol) and event_loop() == "uvloop"
