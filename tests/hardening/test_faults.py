"""Fault tests with real processes and a real full disk: kill -9 of the client and of a
worker (item 9), a disk that fills up (item 5), two writers at once."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ganjina.archive import Archive

from .articles import good_article
from .cli import ROOT, ganjina, one_line_error

pytestmark = pytest.mark.slow


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04}.md").write_text(good_article(i), encoding="utf-8")
    return folder


def _session_pids(sid: int) -> list[int]:
    """Processes still alive in session ``sid`` (a started ingest and all its children)."""
    alive = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # field 6: session; 3: state
            alive.append(int(entry))
    return alive


@dataclass
class Run:
    """An ingest started in a session of its own, its output in two files."""

    proc: subprocess.Popen[bytes]
    logs: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def output(self, timeout: float = 300) -> tuple[int, bytes, bytes]:
        code = self.proc.wait(timeout=timeout)
        out = self.logs.with_suffix(".out").read_bytes()
        return code, out, self.logs.with_suffix(".err").read_bytes()


def _start_ingest(folder: Path, archive: Path, *extra: str) -> Run:
    logs = archive.parent / f"ingest-{time.monotonic_ns()}"
    with open(logs.with_suffix(".out"), "wb") as out, open(logs.with_suffix(".err"), "wb") as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ganjina",
                "ingest",
                str(folder),
                "--archive",
                str(archive),
                "--no-progress",
                *extra,
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT), "GANJINA_BATCH_SIZE": "10"},
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
    return Run(proc, logs)


def _wait_for_workers(proc: Run, n: int, timeout: float = 60) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        others = [p for p in _session_pids(proc.pid) if p != proc.pid]
        if len(others) >= n:
            return others
        time.sleep(0.1)
    raise AssertionError("the ingest never started its workers")


def test_kill_9_of_the_client_leaves_no_worker_behind(tmp_path: Path) -> None:
    proc = _start_ingest(_corpus(tmp_path / "in", 300), tmp_path / "a", "--workers", "2")
    try:
        _wait_for_workers(proc, 3)  # two workers and the resource tracker
        time.sleep(1.0)
        os.kill(proc.pid, signal.SIGKILL)  # the client only, as `kill -9 PID` does
        proc.output(timeout=30)
        deadline = time.monotonic() + 20
        while _session_pids(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _session_pids(proc.pid) == []  # workers and resource tracker are gone
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    again = ganjina("ingest", str(tmp_path / "in"), "--archive", str(tmp_path / "a"))
    assert again.returncode == 0, again.stderr
    with Archive.open(tmp_path / "a") as archive:
        assert archive.stats()["records"] == 300


def _a_live_worker(run: Run) -> int:
    """A worker of the ingest that is alive now (not the resource tracker)."""
    for pid in _session_pids(run.pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue  # ended since it was listed
        if pid != run.pid and b"resource_tracker" not in cmdline:
            return pid
    raise AssertionError("the ingest had no worker left to kill (it ended too soon)")


def test_kill_9_of_a_worker_costs_only_its_file(tmp_path: Path) -> None:
    # enough files that the ingest is still reading when a worker is killed: a quiet
    # machine reads 200 of them in about two seconds
    files = 1000
    folder = _corpus(tmp_path / "in", files)
    proc = _start_ingest(folder, tmp_path / "a", "--workers", "2")
    try:
        _wait_for_workers(proc, 3)  # two workers and the resource tracker
        time.sleep(1.5)
        os.kill(_a_live_worker(proc), signal.SIGKILL)
        code, _out, err = proc.output()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.proc.wait(timeout=30)
    assert code in (0, 1), err
    assert b"Traceback" not in err
    # the files in flight when the pool broke are read again, alone: at most the one
    # being read by the killed worker is lost, and nothing is stored twice
    with Archive.open(tmp_path / "a") as archive:
        stored = archive.stats()["records"]
    assert files - 1 <= stored <= files
    again = ganjina("ingest", str(folder), "--archive", str(tmp_path / "a"))
    assert again.returncode == 0, again.stderr
    with Archive.open(tmp_path / "a") as archive:
        assert archive.stats()["records"] == files


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs (we are root in CI); it fills up in the middle of an ingest."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"this test needs root to mount a small tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_loses_nothing_and_breaks_no_later_command(
    small_disk: Path, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path / "in", 400)
    archive = small_disk / "a"
    full = ganjina("ingest", str(folder), "--archive", str(archive), "--workers", "0")
    assert "is full" in one_line_error(full)
    for args in (["search", "canals"], ["stats"], ["reindex"], ["check"]):
        result = ganjina(*args, "--archive", str(archive))
        assert "Traceback" not in result.stderr, (args, result.stderr)
        if result.returncode == 2:
            one_line_error(result)
    # what was stored is searchable as far as the index got, and search says it lags
    lagging = ganjina("search", "canals", "--archive", str(archive))
    assert lagging.returncode == 0
    assert "could not be caught up" in lagging.stderr
    assert ganjina("check", "--archive", str(archive)).returncode == 1
    # free space (grow the tmpfs), and the same command finishes the job
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = ganjina("ingest", str(folder), "--archive", str(archive), "--workers", "0")
    assert again.returncode == 0, again.stderr
    with Archive.open(archive) as opened:
        assert opened.stats()["records"] == 400
        assert opened.search("canals", limit=1).total == 400
    assert ganjina("check", "--archive", str(archive)).returncode == 0


def test_two_writers_at_once_store_everything_once(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", 150)
    archive = tmp_path / "a"
    Archive.open(archive, create=True).close()
    first = _start_ingest(folder, archive, "--workers", "1")
    second = _start_ingest(folder, archive, "--workers", "1")
    for code, _out, err in [first.output(), second.output()]:
        assert b"Traceback" not in err
        # one waits for the other or says in one line that the archive is busy
        assert code == 0 or b"being written by" in err, err
    again = ganjina("ingest", str(folder), "--archive", str(archive))
    assert again.returncode == 0, again.stderr
    with Archive.open(archive) as opened:
        assert opened.stats()["records"] == 150
        assert opened.search("canals", limit=1).total == 150
