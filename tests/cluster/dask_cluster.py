"""A real Dask cluster for the tests: ``dask scheduler`` and ``dask worker`` processes.

Started with the ``dask`` command line of this interpreter (``python -m dask``), each in a
process group of its own so that a test can ``kill -9`` one worker (nanny and worker
process together, as a machine dying would) without touching the others.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cluster_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every cluster process: this worktree's code first, and the
    tests' folder too (the fake parser of ``tests/archive/helpers.py`` runs on workers)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")]),
        # a task is declared lost after killing its worker twice (the default, 3, only
        # makes the crash tests slower: the logic is the same)
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1",
        "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False",
    }
    env.update(extra or {})
    return env


class DaskCluster:
    """A scheduler and ``workers`` single-threaded workers on loopback."""

    def __init__(self, folder: Path, workers: int = 2, *, memory_limit: str = "2GiB") -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.scheduler_file = folder / "scheduler.json"
        self.memory_limit = memory_limit
        self.wanted = workers
        self.scheduler: subprocess.Popen[bytes] | None = None
        self.workers: list[subprocess.Popen[bytes]] = []
        self.address = ""

    def _spawn(self, args: list[str], log: str) -> subprocess.Popen[bytes]:
        with open(self.folder / log, "ab") as out:  # the child keeps its own copy
            return subprocess.Popen(
                [sys.executable, "-m", "dask", *args],
                env=cluster_env(),
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def start(self) -> DaskCluster:
        self.scheduler_file.unlink(missing_ok=True)
        self.scheduler = self._spawn(
            [
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(self.scheduler_file),
            ],
            "scheduler.log",
        )
        deadline = time.monotonic() + 60
        while not self.scheduler_file.exists():
            if time.monotonic() > deadline or self.scheduler.poll() is not None:
                raise RuntimeError(f"the scheduler did not start: {self.log('scheduler.log')}")
            time.sleep(0.1)
        time.sleep(0.1)  # the file is written whole, but give its writer a moment
        self.address = json.loads(self.scheduler_file.read_text())["address"]
        for _ in range(self.wanted):
            self.add_worker()
        self.wait_for_workers(self.wanted)
        return self

    def add_worker(self) -> subprocess.Popen[bytes]:
        n = len(self.workers)
        proc = self._spawn(
            [
                "worker",
                "--scheduler-file",
                str(self.scheduler_file),
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--memory-limit",
                self.memory_limit,
                "--no-dashboard",
                "--name",
                f"w{n}",
                "--local-directory",
                str(self.folder / f"w{n}"),
                "--death-timeout",
                "60",
            ],
            f"worker{n}.log",
        )
        self.workers.append(proc)
        return proc

    def wait_for_workers(self, n: int, timeout: float = 90) -> None:
        from distributed import Client

        with Client(self.address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(n, timeout=timeout)

    def kill_worker(self, i: int) -> None:
        """``kill -9`` worker ``i``: its nanny and its worker process at once."""
        os.killpg(self.workers[i].pid, signal.SIGKILL)
        self.workers[i].wait()

    def log(self, name: str) -> str:
        path = self.folder / name
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        procs = [p for p in [*self.workers, self.scheduler] if p is not None]
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for proc in procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def __enter__(self) -> DaskCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
