"""Worker processes that never outlive the process that started them.

A ``ProcessPoolExecutor`` worker waits for work on a pipe; when its parent is killed with
``kill -9`` nothing tells it, and it (with multiprocessing's resource tracker, which
waits for every worker) stays alive for good, ~190 MB each. On Linux the kernel can send
a signal to a process when its parent dies (``PR_SET_PDEATHSIG``); every Ganjina worker
asks for SIGKILL. Elsewhere a watcher thread polls the parent's pid instead.

Ctrl-C reaches the whole process group; workers ignore it, and the main process decides.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
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


def kill_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, even one whose task hangs (``shutdown`` alone would wait for it).

    ``_processes`` is private, hence the getattr: the executor has no public way to kill."""
    processes = getattr(pool, "_processes", None) or {}
    for proc in list(processes.values()):
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
