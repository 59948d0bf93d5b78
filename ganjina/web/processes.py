"""Several server processes on one port, each with its own listening socket.

uvicorn's own ``--workers`` binds one socket in the parent and lets every process accept
from it. A process that wakes first takes every connection waiting at that moment, so a
burst of keep-alive clients (a proxy's upstream pool, a load test) lands mostly on one
process and stays there: 16 connections opened at once were split 16/0, 14/2 and 8/8 in
three tries, and a second process added no throughput. Here each process binds its own
socket with ``SO_REUSEPORT`` (Linux 3.9+, the BSDs), and the kernel spreads new
connections over the sockets by a hash of their addresses, as nginx's ``reuseport`` and
gunicorn's ``--reuse-port`` do.

The parent only supervises: it starts the processes, starts one again if it dies on its
own (at most once a second; a process that fails within seconds of its start three times
running ends the server with one line, rather than spinning), and on SIGINT or SIGTERM
stops them all, each with uvicorn's graceful shutdown.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import threading
import time
from typing import Any

import uvicorn

from ganjina.errors import GanjinaError

#: the pending connections a process's socket queues before the kernel refuses more
BACKLOG = 2048
#: a process that died on its own is started again after at least this many seconds
RESTART_INTERVAL_S = 1.0
#: a process that ends this soon after its start, with an error, failed to start
EARLY_FAILURE_S = 5.0
#: this many such failures in a row end the server
EARLY_FAILURES_ALLOWED = 3
#: how long a stopping process may take to finish its requests before it is killed
STOP_TIMEOUT_S = 10.0


def reuse_port_supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` with ``SO_REUSEPORT``, listening."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(BACKLOG)
    return sock


def _stop_when_orphaned(parent: int) -> None:
    """Stop this process (gracefully, as a signal would) once its supervisor is gone: a
    supervisor killed with SIGKILL must not leave servers running."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


def _child(app: str, host: str, port: int, options: dict[str, Any]) -> None:
    """One server process: its own socket, then uvicorn until a signal stops it."""
    threading.Thread(target=_stop_when_orphaned, args=(os.getppid(),), daemon=True).start()
    sock = listening_socket(host, port)
    config = uvicorn.Config(app, factory=True, host=host, port=port, **options)
    uvicorn.Server(config).run(sockets=[sock])


def serve_processes(app: str, host: str, port: int, workers: int, options: dict[str, Any]) -> None:
    """Run ``workers`` processes of the app factory ``app`` ("module:function") on
    ``host:port`` until SIGINT or SIGTERM."""
    context = multiprocessing.get_context("spawn")  # no state of this process is inherited
    stopping = False

    started: dict[int, float] = {}  # id(process) -> when it started

    def start() -> multiprocessing.process.BaseProcess:
        process = context.Process(
            target=_child, args=(app, host, port, options), name="ganjina-serve", daemon=False
        )
        process.start()
        started[id(process)] = time.monotonic()
        return process

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    processes = [start() for _ in range(workers)]
    last_restart, early_failures = 0.0, 0
    try:
        while not stopping:
            time.sleep(0.2)
            for i, process in enumerate(processes):
                if process.is_alive() or stopping:
                    continue
                lived = time.monotonic() - started.pop(id(process), 0.0)
                if process.exitcode and lived < EARLY_FAILURE_S:
                    early_failures += 1
                    if early_failures >= EARLY_FAILURES_ALLOWED:
                        raise GanjinaError(
                            f"the server processes keep failing at start (exit code "
                            f"{process.exitcode}); run with --workers 1 to see why"
                        )
                else:
                    early_failures = 0
                wait = RESTART_INTERVAL_S - (time.monotonic() - last_restart)
                if wait > 0:
                    time.sleep(wait)
                last_restart = time.monotonic()
                processes[i] = start()
    finally:
        # Ctrl-C in a terminal reaches every process of the group: give them a moment to
        # stop on their own, as a second signal would make uvicorn drop open requests
        for process in processes:
            process.join(0.5)
        for process in processes:
            if process.is_alive() and process.pid is not None:
                os.kill(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
