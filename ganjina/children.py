"""Worker processes that never outlive the process that started them.

A ``ProcessPoolExecutor`` worker waits for work on a pipe; when its parent is killed with
``kill -9`` nothing tells it, and it (with multiprocessing's resource tracker, which
waits for every worker) stays alive for good, ~190 MB each. On Linux the kernel can send
a signal to a process when its parent dies (``PR_SET_PDEATHSIG``); every Ganjina worker
asks for SIGKILL. Elsewhere a watcher thread polls the parent's pid instead.

Ctrl-C reaches the whole process group; workers ignore it, and the main process decides.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                # the parent may have died before the request was made
                if os.getppid() != parent:
                    os._exit(1)
                return
        except OSError:
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="ganjina-parent-watch").start()


def worker_init(parent: int) -> None:
    """Initializer of every Ganjina worker process (picklable: a module-level function)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes that die with this one."""
    return ProcessPoolExecutor(
        workers,
        mp_context=get_context("spawn"),
        initializer=worker_init,
        initargs=(os.getpid(),),
    )


#: how long a killed pool's manager thread may take to end (its workers are dead)
MANAGER_JOIN_SECONDS = 10.0


def kill_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, even one whose task hangs (``shutdown`` alone would wait for it).

    ``_processes`` is private, hence the getattr: the executor has no public way to kill."""
    processes = getattr(pool, "_processes", None) or {}
    manager = getattr(pool, "_executor_manager_thread", None)
    for proc in list(processes.values()):
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    # the pool's manager thread closes its wake-up pipe as it ends; ended before the
    # interpreter's exit, it cannot close it while the exit hook writes to it (CPython
    # 3.11 checks, then writes: "Exception ignored in atexit callback … Bad file
    # descriptor" on stderr, seen once in CI after a plain `ganjina parse`)
    if manager is not None:
        manager.join(MANAGER_JOIN_SECONDS)


#: how long a fresh pool may take to start its workers (spawn and imports) before any
#: work is timed: under load, starting a Python process can take many seconds
WARM_UP_SECONDS = 120.0


def _ready(modules: tuple[str, ...]) -> int:
    for name in modules:
        __import__(name)
    time.sleep(0.05)  # held a moment, so that a round's tasks land on different workers
    return os.getpid()


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored while workers are spawned. A Ctrl-C reaches the whole process
    group; a worker still unpickling its start-up data (long before its initializer
    ignores SIGINT) would die with a traceback. A process that starts with SIGINT
    ignored keeps it ignored (Python installs its handler only over the default), and
    the parent's own handler is back as soon as the processes exist."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def warm_pool(pool: ProcessPoolExecutor, workers: int, modules: tuple[str, ...] = ()) -> None:
    """Return once all ``workers`` processes of ``pool`` have started and imported
    ``modules``, so that a per-task time limit measures the task, not the start of its
    process (a spawned worker imports everything anew). Gives up quietly after
    WARM_UP_SECONDS or when the pool breaks: the tasks then find that out themselves."""
    deadline = time.monotonic() + WARM_UP_SECONDS
    seen: set[int] = set()
    while len(seen) < workers:
        with _sigint_ignored():
            futures = [pool.submit(_ready, modules) for _ in range(workers)]
        for fut in futures:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                seen.add(fut.result(timeout=left))
            except Exception:  # a timeout or a broken pool: nothing more to wait for
                return
