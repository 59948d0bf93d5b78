"""``ganjina serve --workers N``: real server processes, each with its own socket, share
connections that arrive at once, answer alike, and all stop on one signal."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from ganjina.web.demo import build_demo

from .conftest import SAMPLES, free_port


def _servers(pid: int, port: int) -> list[int]:
    """The child processes of ``pid`` that listen on ``port`` (multiprocessing's
    resource tracker is a child too)."""
    listening = _tcp_inodes(port, "0A")
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in children if _socket_inodes(int(c)) & listening]


def _socket_inodes(pid: int) -> set[str]:
    found = set()
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # ended meanwhile
        return set()
    for fd in fds:
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(target[8:-1])
    return found


def _tcp_inodes(port: int, state: str) -> set[str]:
    """Inodes of IPv4 sockets on local ``port`` in ``state`` (01 established, 0A listen)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == state:
            found.add(fields[9])
    return found


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


async def _open_at_once(port: int, n: int) -> list[Connection]:
    conns = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", port) for _ in range(n)))
    for _reader, writer in conns:
        writer.write(b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    for reader, _writer in conns:
        head = await reader.readuntil(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
    return conns


@pytest.fixture
def served(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    root = tmp_path / "samples"
    root.mkdir()
    (root / "en-flood-relief").symlink_to(SAMPLES / "en-flood-relief")
    build_demo(root, tmp_path / "demo", workers=0)
    port = free_port()
    cmd = [sys.executable, "-m", "ganjina", "serve", "--archive", str(tmp_path / "demo")]
    proc = subprocess.Popen([*cmd, "--port", str(port), "--workers", "2"])
    deadline = time.monotonic() + 60
    while len(_servers(proc.pid, port)) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
    yield proc, port
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_each_process_listens_and_connections_opened_at_once_are_shared(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    proc, port = served
    children = _servers(proc.pid, port)
    listening = _tcp_inodes(port, "0A")
    # a listening socket of its own in each process (uvicorn's workers share one)
    owned = [_socket_inodes(pid) & listening for pid in children]
    assert all(len(o) == 1 for o in owned) and owned[0] != owned[1]

    async def burst() -> Counter[int]:
        conns = await _open_at_once(port, 64)
        established = _tcp_inodes(port, "01")
        held = Counter({pid: len(_socket_inodes(pid) & established) for pid in children})
        for _reader, writer in conns:
            writer.close()
        return held

    held = asyncio.run(burst())
    assert sum(held.values()) == 64
    # spread by the kernel's hash: fewer than 16 of 64 on one side has odds of 1 in 30,000;
    # one shared socket gave a burst to whichever process woke first
    assert min(held.values()) >= 16, held


def test_every_process_answers_and_one_signal_stops_them_all(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    proc, port = served
    children = _servers(proc.pid, port)
    for _ in range(20):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/search?q=flood") as response:
            assert response.status == 200 and b"flood" in response.read().lower()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    for pid in children:
        status = Path(f"/proc/{pid}/status")
        assert not status.exists() or "zombie" in status.read_text()


def test_a_process_that_dies_is_started_again(served: tuple[subprocess.Popen[bytes], int]) -> None:
    proc, port = served
    first, second = _servers(proc.pid, port)
    os.kill(first, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while True:
        now = _servers(proc.pid, port)
        if len(now) == 2 and first not in now:
            break
        assert time.monotonic() < deadline, now
        time.sleep(0.1)
    assert second in now
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt") as response:
        assert response.status == 200


def test_servers_stop_when_their_supervisor_is_killed(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    proc, port = served
    children = _servers(proc.pid, port)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() for pid in children):
        assert time.monotonic() < deadline, "a server process outlived its supervisor"
        time.sleep(0.1)
