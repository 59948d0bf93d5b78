"""Web benchmark: article and search pages under concurrent clients, on loopback only.

    python bench/web.py                    # demo archive, then 100k synthetic records
    python bench/web.py --quick            # demo archive only, fewer requests
    python bench/web.py --records 0 --json web.json
    python bench/web.py --synthetic-archive DIR --clients 16 --server-workers 2

For each archive (the demo archive built from ``samples/``, and a synthetic one made with
``bench/archive.py``'s record generator), it starts ``ganjina serve`` in a subprocess on
a free loopback port (one server process, as the CLI runs it) and drives it from this
process with ``--clients`` keep-alive HTTP/1.1 connections, a bounded ``--requests``
count per page kind, after a warm-up. It reports throughput and p50/p95/p99 latency of:

* ``robots.txt``: the baseline, the framework's floor on this machine (no archive work);
* the article page (random articles);
* the search page (the archive benchmark's queries: rare and common terms, AND, phrase,
  a Dari term in another spelling, a date range; facets always on, as the page asks),
  twice: as asked again and again (after the first time, from the server's page cache),
  and with an address never asked before (``&n=<counter>``, which the page ignores), so
  every request pays the full search and rendering;

and each page kind's throughput as a ratio of the baseline's, and the server's CPU time
per request (user + system, all its processes, from ``/proc``): on a machine shared with
other work latency and throughput move with the neighbours' load, the CPU a page costs
much less. Targets on a 2-core machine: article page at least 300 requests/s; search page
p95 at most 50 ms.
The client is a minimal asyncio HTTP client in this process, so that the load generator
costs the server as little CPU as possible; both share the machine, as they would in CI.
``--client wrk`` drives the same pages with ``wrk`` (Debian's package ``wrk``, written in
C, a Lua script choosing the addresses), for ``--seconds`` per page kind: the load
generator then costs a tenth of the Python client's CPU, which on 2 cores is CPU the
server gets. The report gives the client's CPU a request beside the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import itertools
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ganjina.archive import Archive  # noqa: E402
from ganjina.web.demo import build_demo  # noqa: E402

HOST = "127.0.0.1"  # loopback only: the benchmark never talks to another machine
TARGET_ARTICLE_RPS = 300
TARGET_SEARCH_P95_MS = 50
DEMO_QUERIES = ["flood", "زعفران", "lang:ps", "date:1402", "water OR آب", '"flood relief"']


def _bench_archive() -> Any:
    """``bench/archive.py`` as a module (its record generator and query list)."""
    spec = importlib.util.spec_from_file_location("bench_archive", ROOT / "bench" / "archive.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_archive"] = module
    spec.loader.exec_module(module)
    return module


# -- the server ---------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


class Server:
    """``ganjina serve`` in a subprocess (``workers`` server processes)."""

    def __init__(self, archive: Path, workers: int) -> None:
        self.port = free_port()
        cmd = [sys.executable, "-m", "ganjina", "serve", "--archive", str(archive)]
        cmd += ["--host", HOST, "--port", str(self.port), "--workers", str(workers)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=ROOT)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://{HOST}:{self.port}/robots.txt", timeout=2)
                return
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.1)

    def cpu_seconds(self) -> float:
        """User + system CPU of the server and its worker processes so far (0 where
        ``/proc`` is missing)."""
        return sum(_proc_cpu(pid) for pid in [self.proc.pid, *_children(self.proc.pid)])

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _proc_cpu(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    # fields after the command name (which may hold spaces): utime is the 14th field
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for c in found]


# -- the client ---------------------------------------------------------------------------
async def _request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, headers: str = ""
) -> int:
    """One GET on a kept-alive connection; ``headers`` are more header lines (a cookie)."""
    head_lines = f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept: text/html\r\n{headers}\r\n"
    writer.write(head_lines.encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


@dataclass
class Run:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    cpu_seconds: float = 0.0
    client_cpu_seconds: float = 0.0

    def figures(self) -> dict[str, float]:
        lat = sorted(self.latencies_ms)

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))]

        return {
            "requests": self.requests,
            "errors": self.errors,
            "rps": self.requests / self.seconds,
            "p50_ms": statistics.median(lat),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "server_cpu_ms": self.cpu_seconds * 1000 / self.requests,
            "client_cpu_ms": self.client_cpu_seconds * 1000 / self.requests,
        }


#: numbers the addresses of the "never asked before" page kind across every run
_FRESH = itertools.count()


async def _load(
    port: int, paths: list[str], total: int, clients: int, headers: str = "", fresh: bool = False
) -> Run:
    queue = [paths[i % len(paths)] for i in range(total)]
    if fresh:
        queue = [f"{path}&n={next(_FRESH)}" for path in queue]
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while queue:
                path = queue.pop()
                t = time.perf_counter()
                status = await _request(reader, writer, path, headers)
                latencies.append((time.perf_counter() - t) * 1000)
                errors += status != 200
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return Run(total, errors, time.perf_counter() - started, latencies)


def load(
    target: Server | int,
    paths: list[str],
    total: int,
    clients: int,
    headers: str = "",
    fresh: bool = False,
) -> dict[str, float]:
    """Figures of ``total`` requests after a warm-up; ``target`` is a :class:`Server`
    (its CPU is counted too) or the port of one started elsewhere; ``fresh``: every
    address is one never asked before (each path with a query string)."""
    server = target if isinstance(target, Server) else None
    port = server.port if server else int(target)
    warm = min(200, total)
    asyncio.run(_load(port, paths, warm, clients, headers, fresh))  # warm-up, not counted
    cpu = server.cpu_seconds() if server else 0.0
    client_cpu = time.process_time()
    run = asyncio.run(_load(port, paths, total, clients, headers, fresh))
    run.client_cpu_seconds = time.process_time() - client_cpu
    run.cpu_seconds = server.cpu_seconds() - cpu if server else 0.0
    return run.figures()


#: wrk's Lua side: addresses from a file, taken in turn from a random start per
#: connection's thread; ``fresh`` numbers each address (``&n=``) so none repeats; at the
#: end one JSON line with the counts and the latency percentiles (microseconds)
_WRK_SCRIPT = r"""
local paths, fresh, counter, tag = {}, false, 0, "0"
local threads = {}
function setup(thread)
  thread:set("tag", tostring(#threads + 1))
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  fresh = args[2] == "1"
  counter = tonumber(tag) * 7919
end
function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if fresh then path = path .. "&n=w" .. tag .. "-" .. counter end
  return wrk.format("GET", path, {["Accept"] = "text/html"})
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "errors": %d, "seconds": %f, "p50": %d, "p95": %d, "p99": %d}\n',
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99)))
end
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_wrk(
    server: Server, paths: list[str], seconds: float, clients: int, fresh: bool = False
) -> dict[str, float]:
    """Figures of ``seconds`` of load by ``wrk`` with ``clients`` connections (on up to
    two threads) after a short warm-up; same keys as :func:`load`."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("--client wrk needs wrk: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="gj-wrk-") as tmp:
        script, listed = Path(tmp) / "pages.lua", Path(tmp) / "paths.txt"
        script.write_text(_WRK_SCRIPT)
        listed.write_text("\n".join(paths) + "\n")

        def run(duration: float) -> tuple[dict[str, Any], float, float]:
            threads = max(1, min(2, clients))
            cmd = [wrk, f"-t{threads}", f"-c{clients}", f"-d{duration:g}s", "--timeout", "10s"]
            cmd += ["-s", str(script), f"http://{HOST}:{server.port}", "--", str(listed)]
            cmd += ["1" if fresh else "0"]
            cpu, client_cpu = server.cpu_seconds(), _children_cpu()
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            cpu, client_cpu = server.cpu_seconds() - cpu, _children_cpu() - client_cpu
            line = next(x for x in out.splitlines() if x.startswith("WRK "))
            return json.loads(line[4:]), cpu, client_cpu

        run(min(2.0, seconds))  # warm-up, not counted
        got, cpu, client_cpu = run(seconds)
    n = max(1, got["requests"])
    return {
        "requests": got["requests"],
        "errors": got["errors"],
        "rps": got["requests"] / got["seconds"],
        "p50_ms": got["p50"] / 1000,
        "p95_ms": got["p95"] / 1000,
        "p99_ms": got["p99"] / 1000,
        "server_cpu_ms": cpu * 1000 / n,
        "client_cpu_ms": client_cpu * 1000 / n,
    }


# -- the archives -------------------------------------------------------------------------
def demo_archive(workdir: Path) -> tuple[Path, list[str], list[str]]:
    target = workdir / "demo"
    build_demo(ROOT / "samples", target, workers=0)
    with Archive.open(target) as archive:
        ids = [a.id for a in archive.articles(limit=100).articles]
    return target, ids, DEMO_QUERIES


def synthetic_archive(
    workdir: Path, n: int, reuse: Path | None
) -> tuple[Path, list[str], list[str]]:
    """``n`` generated records in a fresh archive, or ``reuse``, an archive made before
    with the same generator (building 100k records takes minutes)."""
    bench = _bench_archive()
    corpus = bench.Corpus(n)
    target = reuse or workdir / f"synthetic-{n}"
    t = time.perf_counter()
    with Archive.open(target, create=reuse is None) as archive:
        if reuse is None:
            archive.add_many(corpus.records())
            print(f"  stored {n:,} synthetic records in {time.perf_counter() - t:.0f} s")
        rng = random.Random(7)
        ids = []
        page = archive.articles(limit=1000)
        while page.articles and len(ids) < 5000:
            ids += [a.id for a in page.articles]
            if not page.next_cursor:
                break
            page = archive.articles(limit=1000, cursor=page.next_cursor)
        ids = rng.sample(ids, min(1000, len(ids)))
    queries = [q for variants in bench.make_queries(corpus).ours.values() for q in variants]
    return target, ids, queries


def bench_archive(
    name: str, path: Path, ids: list[str], queries: list[str], args: Any
) -> list[dict[str, Any]]:
    pages = {
        "baseline (robots.txt)": ["/robots.txt"],
        "article page": [f"/article/{quote(i)}" for i in ids],
        "search page": [f"/search?q={quote(q)}" for q in queries],
        "search page, new address": [f"/search?q={quote(q)}" for q in queries],
    }
    server = Server(path, args.server_workers)
    results = []
    try:
        for clients in args.clients:
            figures = {
                page: (
                    load_wrk(server, paths, args.seconds, clients, fresh="new address" in page)
                    if args.client == "wrk"
                    else load(server, paths, args.requests, clients, fresh="new address" in page)
                )
                for page, paths in pages.items()
            }
            results.append({"archive": name, "clients": clients, "pages": figures})
            print(report(results[-1]) + "\n", flush=True)
    finally:
        server.stop()
    return results


def report(result: dict[str, Any]) -> str:
    pages = result["pages"]
    base = pages["baseline (robots.txt)"]["rps"]
    lines = [
        f"== {result['archive']}: {result['clients']} concurrent clients",
        f"{'page':<24}{'requests':>9}{'errors':>7}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'vs baseline':>13}{'cpu ms/req':>12}{'client ms':>11}",
    ]
    for name, f in pages.items():
        lines.append(
            f"{name:<24}{f['requests']:>9}{f['errors']:>7}{f['rps']:>9.0f}{f['p50_ms']:>9.2f}"
            f"{f['p95_ms']:>9.2f}{f['p99_ms']:>9.2f}{f['rps'] / base:>12.2f}x"
            f"{f['server_cpu_ms']:>12.2f}{f.get('client_cpu_ms', 0.0):>11.2f}"
        )
    article, search = pages["article page"], pages["search page"]
    fresh = pages["search page, new address"]
    ok_a = "ok" if article["rps"] >= TARGET_ARTICLE_RPS else "MISSED"
    ok_s = "ok" if search["p95_ms"] <= TARGET_SEARCH_P95_MS else "MISSED"
    ok_f = "ok" if fresh["p95_ms"] <= TARGET_SEARCH_P95_MS else "MISSED"
    lines.append(
        f"targets: article >= {TARGET_ARTICLE_RPS} req/s: {article['rps']:.0f} ({ok_a}); "
        f"search p95 <= {TARGET_SEARCH_P95_MS} ms: {search['p95_ms']:.1f} ({ok_s}), "
        f"new addresses {fresh['p95_ms']:.1f} ({ok_f})"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="synthetic size; 0: none")
    parser.add_argument("--requests", type=int, default=3000, help="timed requests per page")
    parser.add_argument(
        "--clients",
        default="1,4,8,16,32",
        help="concurrent connections, comma-separated levels",
    )
    parser.add_argument(
        "--server-workers", type=int, default=1, help="server processes (ganjina serve --workers)"
    )
    parser.add_argument(
        "--synthetic-archive", type=Path, help="reuse an archive made by an earlier run"
    )
    parser.add_argument(
        "--client",
        choices=["asyncio", "wrk"],
        default="asyncio",
        help="load generator: this process's asyncio client (counts --requests) or wrk "
        "(runs --seconds per page kind; apt-get install wrk)",
    )
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="with --client wrk: timed seconds a page"
    )
    parser.add_argument("--quick", action="store_true", help="demo archive only, 1000 requests")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.records, args.requests, args.clients = 0, 1000, "4"
    args.clients = [int(c) for c in str(args.clients).split(",") if c.strip()]
    print(
        f"# bench/web.py on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
        f"{args.server_workers} server process(es), "
        + (
            f"wrk, {args.seconds:g} s per page"
            if args.client == "wrk"
            else f"{args.requests} requests per page"
        ),
        flush=True,
    )
    root = Path(tempfile.mkdtemp(prefix="gj-web-bench-", dir=args.workdir))
    results = []
    try:
        archives = [("demo archive (14 samples)", *demo_archive(root))]
        if args.records:
            made = synthetic_archive(root, args.records, args.synthetic_archive)
            archives.append((f"synthetic archive ({args.records:,} records)", *made))
        for name, path, ids, queries in archives:
            results += bench_archive(name, path, ids, queries, args)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
