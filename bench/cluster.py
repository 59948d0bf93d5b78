"""Cluster benchmark: what one more Dask worker buys, and where it stops buying.

    python bench/cluster.py                  # 256 born-digital PDFs, the full set of parts
    python bench/cluster.py --quick          # 60 PDFs, fewer repeats (make bench)
    python bench/cluster.py --json out.json

Needs a PostgreSQL server (``GANJINA_TEST_POSTGRES``, as the tests; ``source .ci/postgres.sh``)
and starts its own ``dask scheduler`` and ``dask worker`` processes. In one run:

1. **corpus**: distinct born-digital PDFs, house style, made with the publisher from the
   sample sources (numbered titles, so every file is a new record) with the embedded
   record removed, so each is read from its text layer as a Word-made PDF is;
2. **parse**: the per-file parse cost on one core, in this process (the baseline);
3. **ingest**: records/s of the local ingest (``--workers 1`` and ``2``) and of the
   cluster ingest with 1 and 2 workers, on the same files, each into a fresh schema;
4. **overhead**: the cost of the cluster path per task (tiny files, one per task,
   against the local ingest of the same files);
5. **store**: PostgreSQL's write rate through the cluster's batch writer with 1-8
   concurrent writers (the part of a batch written under the lock is what bounds it);
6. **index**: catch-up rate of a follower building its index from the store (helper
   processes keying or not, as its timed trial decides: ``ganjina.archive.keying_cost``),
   beside the same catch-up forced into one process as the baseline, and the
   latency from a batch's commit to the record being searchable on a following node
   (``--catch-up-only`` runs just this part);
7. **model**: per-worker rate, store and scheduler limits; predicted 1, 2, 10 and 100
   workers, checked against the measured 1- and 2-worker figures.

This machine has two cores shared by the client, the scheduler, the workers and
PostgreSQL: the 2-worker figure is as good as two cores allow, and the model says so.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import psycopg  # noqa: E402
from cluster.dask_cluster import DaskCluster  # noqa: E402

from ganjina.archive import Archive  # noqa: E402
from ganjina.archive.batch import catch_up  # noqa: E402
from ganjina.archive.blobs import sha256  # noqa: E402
from ganjina.archive.follow import Follower  # noqa: E402
from ganjina.archive.store import serialize  # noqa: E402
from ganjina.cluster import ClusterIngest, ClusterOptions  # noqa: E402
from ganjina.cluster.bulk import Item, write_batch  # noqa: E402
from ganjina.cluster.shared import SharedStore  # noqa: E402
from ganjina.reader import parse_bytes  # noqa: E402
from ganjina.record import Article, Block, Provenance, Section  # noqa: E402

FILES_PER_TASK = 16


# -- helpers ----------------------------------------------------------------------------
def schema(base: str) -> tuple[str, Callable[[], None]]:
    name = "gjb_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}", drop


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


# -- 1. corpus --------------------------------------------------------------------------
def make_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` distinct PDFs from the sample sources, their embedded records removed."""
    import pymupdf
    import yaml

    from ganjina.render.publish import Publisher

    sources = sorted((ROOT / "samples").glob("*/source.md"))
    publisher = Publisher()
    out = []
    work = folder / "sources"
    for i in range(n):
        src = sources[i % len(sources)]
        _, front, body = src.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        meta["title"] = f"{meta['title']} {i}"
        numbered = work / src.parent.name / f"v{i:05d}" / "source.md"
        numbered.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        numbered.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        for figure in src.parent.glob("figure-*"):
            (numbered.parent / figure.name).write_bytes(figure.read_bytes())
        pdf = publisher.render(numbered).pdf
        doc = pymupdf.open(stream=pdf, filetype="pdf")
        for name in doc.embfile_names():
            doc.embfile_del(name)
        doc.set_metadata({})
        path = folder / "pdf" / f"part{i % 8}" / f"{src.parent.name}-{i:05d}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(doc.tobytes(garbage=3, deflate=True))
        out.append(path)
    return out


# -- 2. parse ---------------------------------------------------------------------------
def parse_cost(paths: list[Path], rounds: int) -> dict[str, float]:
    data = [p.read_bytes() for p in paths]
    times = []
    pages = 0
    for _ in range(rounds):
        # wall time, as the ingest rates are: a loaded machine slows both alike
        started = time.perf_counter()
        pages = sum(parse_bytes(d, "x.pdf").provenance.pages or 0 for d in data)
        times.append(time.perf_counter() - started)
    best = min(times)
    return {"ms_per_file": 1000 * best / len(data), "pages_per_s": pages / best}


# -- 3. ingest --------------------------------------------------------------------------
def local_ingest(base: str, folder: Path, workers: int) -> float:
    """records/s of ``Archive.ingest`` with ``workers`` reading processes, one writer."""
    url, drop = schema(base)
    try:
        with Archive.open(
            url, create=True, index_dir=folder.parent / f"idx-{uuid.uuid4().hex}"
        ) as a:
            report = a.ingest([str(folder)], workers=workers)
        assert report.failed == 0, report.failures[:3]
        return report.new / report.seconds
    finally:
        drop()


def cluster_ingest(
    base: str, folder: Path, cluster: DaskCluster, files_per_task: int = FILES_PER_TASK
) -> tuple[float, ClusterIngest]:
    """records/s of a cluster ingest, from its first task on (connecting to the scheduler,
    probing the workers and listing the files are reported apart, as ``setup_seconds``)."""
    url, drop = schema(base)
    try:
        options = ClusterOptions(cluster.address, files_per_task=files_per_task, links=False)
        job = ClusterIngest(url, options)
        report = job.run([str(folder)])
        assert report.failed == 0, report.failures[:3]
        return report.new / (report.seconds - job.setup_seconds), job
    finally:
        drop()


class CpuMeter:
    """CPU seconds the parts of a run use while it runs, read from the kernel: the
    workers (each nanny with its worker process), the scheduler, this client, and the
    PostgreSQL server (its postmaster with every backend, the exited ones included).
    On two cores these parts share the workers' cores: what the others take is what
    the second worker cannot have."""

    def __init__(self, cluster: DaskCluster) -> None:
        self.groups: dict[str, list[int]] = {
            "workers": [w.pid for w in cluster.workers],
            "scheduler": [cluster.scheduler.pid] if cluster.scheduler else [],
            "postgres": _postmasters(),
        }

    def read(self) -> dict[str, float]:
        parts = {name: sum(_tree_cpu(pid) for pid in pids) for name, pids in self.groups.items()}
        # the client alone: the scheduler and the workers are its children
        own = os.times()
        parts["client"] = own.user + own.system
        return parts

    def during(self, fn: Callable[[], Any]) -> tuple[Any, dict[str, float]]:
        """``fn()``'s result and each part's share of a core while it ran."""
        before, started = self.read(), time.perf_counter()
        result = fn()
        after, wall = self.read(), time.perf_counter() - started
        return result, {name: (after[name] - before[name]) / wall for name in after}


def _tree_cpu(pid: int) -> float:
    """CPU seconds of a process, its live descendants and the children it reaped."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def _postmasters() -> list[int]:
    """The PostgreSQL servers of this machine: ``postgres`` processes whose parent is not one."""
    import psutil

    found = []
    for proc in psutil.process_iter(["name", "ppid"]):
        if proc.info["name"] != "postgres":
            continue
        try:
            parent = psutil.Process(proc.info["ppid"]).name()
        except psutil.NoSuchProcess:
            parent = ""
        if parent != "postgres":
            found.append(proc.pid)
    return found


def show_shares(label: str, shares: dict[str, float]) -> None:
    print(
        f"  {label}: cores used by "
        + ", ".join(f"{name} {share:.2f}" for name, share in shares.items())
    )


def warm_up(base: str, folder: Path, cluster: DaskCluster) -> None:
    """A first ingest on fresh workers imports the readers there: not what is measured."""
    cluster_ingest(base, folder, cluster)


def tiny_files(folder: Path, n: int) -> Path:
    for i in range(n):
        path = folder / "tiny" / f"note-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Note {i}\n\nA short note, number {i}.\n", encoding="utf-8")
    return folder / "tiny"


# -- 5. store ---------------------------------------------------------------------------
def synthetic(i: int, original: int) -> Item:
    body = " ".join(f"word{(i * 7 + k) % 997}" for k in range(600))
    a = Article(
        title=f"Synthetic report {i}",
        language="en",
        date="2023-05-01",
        section=Section("news", ["news"]),
        authors=[f"Writer {i % 50}"],
        blocks=[Block("paragraph", body)],
        provenance=Provenance("pdf", ""),
    )
    data = (f"%PDF-1.7 {i} ".encode() * (original // 12 + 1))[:original]
    a.provenance.sha256 = sha256(data)
    return Item(
        f"/bench/{i}.pdf",
        f"bench/{i}.pdf",
        a.provenance.sha256,
        len(data),
        1,
        data,
        a,
        serialize(a),
        None,
    )


def store_rate(base: str, writers: int, records: int, batch: int, original: int) -> float:
    """Records/s of ``writers`` threads (a connection each) writing new records."""
    url, drop = schema(base)
    try:
        SharedStore(url, create=True).close()
        items = [synthetic(i, original) for i in range(records)]
        share = [items[w::writers] for w in range(writers)]

        def write(mine: list[Item]) -> None:
            store = SharedStore(url)
            for k in range(0, len(mine), batch):
                part = mine[k : k + batch]
                store.retry(lambda part=part: write_batch(store, part, None))
            store.close()

        threads = [threading.Thread(target=write, args=(s,)) for s in share]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return records / (time.perf_counter() - started)
    finally:
        drop()


# -- 6. index ---------------------------------------------------------------------------
def catch_up_and_latency(base: str, folder: Path, records: int, probes: int) -> dict[str, float]:
    url, drop = schema(base)
    try:
        store = SharedStore(url, create=True)
        for k in range(0, records, 500):
            part = [synthetic(i, 200) for i in range(k, min(records, k + 500))]
            write_batch_retry(store, part)
        # the baseline: the same catch-up keyed in this one process
        with Archive.open(url, index_dir=folder / f"idx-{uuid.uuid4().hex}") as archive:
            archive.index.reset()
            seconds, done = timed(lambda: catch_up(archive.store, archive.index, workers=0))
            one_process = done / seconds
        with Archive.open(url, index_dir=folder / f"idx-{uuid.uuid4().hex}") as archive:
            follower = Follower(archive, poll_seconds=5.0)
            seconds, step = timed(follower.step)
            rate = step.records / seconds
            # follow latency: a batch committed elsewhere, until this node finds it
            stop = threading.Event()
            thread = threading.Thread(target=follower.run, args=(stop,), daemon=True)
            thread.start()
            latencies = []
            for p in range(probes):
                word = f"probe{p}x{uuid.uuid4().hex[:6]}"
                item = synthetic(records + p, 200)
                assert item.article is not None
                item.article.title = f"Latency {word}"
                item = Item(
                    item.key,
                    item.name,
                    item.sha256,
                    item.size,
                    1,
                    item.data,
                    item.article,
                    serialize(item.article),
                    None,
                )
                committed = time.perf_counter()
                write_batch_retry(store, [item])
                while archive.search(word).total == 0:
                    time.sleep(0.005)
                latencies.append(time.perf_counter() - committed)
            stop.set()
            thread.join()
        store.close()
        latencies.sort()
        return {
            "catch_up_records_per_s": rate,
            "catch_up_one_process_records_per_s": one_process,
            "follow_latency_median_s": statistics.median(latencies),
            "follow_latency_max_s": latencies[-1],
        }
    finally:
        drop()


def write_batch_retry(store: SharedStore, items: list[Item]) -> None:
    store.retry(lambda: write_batch(store, items, None))


# -- 7. model ---------------------------------------------------------------------------
def model(m: dict[str, Any]) -> dict[str, Any]:
    """records/s for w workers: each worker reads at 1/(t_parse + t_task/k) (k files a
    task); the store takes at most its concurrent write rate, the scheduler at most
    k/t_sched files/s. Nothing else is shared, so below those limits it is linear."""
    t_parse = m["parse"]["ms_per_file"] / 1000
    t_task = m["overhead"]["ms_per_task"] / 1000
    k = FILES_PER_TASK
    per_worker = 1 / (t_parse + t_task / k)
    store_limit = max(m["store"].values())
    sched_limit = k / max(m["overhead"]["scheduler_ms_per_task"] / 1000, 1e-4)

    def predict(w: int) -> float:
        return min(w * per_worker, store_limit, sched_limit)

    return {
        "per_worker_records_per_s": per_worker,
        "store_limit_records_per_s": store_limit,
        "scheduler_limit_records_per_s": sched_limit,
        "predicted": {w: predict(w) for w in (1, 2, 10, 100)},
        "measured_here": {1: m["ingest"]["cluster_1"], 2: m["ingest"]["cluster_2"]},
        "stops_scaling_at_workers": min(store_limit, sched_limit) / per_worker,
    }


def show_index(m: dict[str, float]) -> None:
    rate, one = m["catch_up_records_per_s"], m["catch_up_one_process_records_per_s"]
    print(
        f"index: catch-up {rate:,.0f} records/s (in one process {one:,.0f}: {rate / one:.2f}x); "
        f"follow latency median {1000 * m['follow_latency_median_s']:.0f} ms, "
        f"max {1000 * m['follow_latency_max_s']:.0f} ms"
    )


# -- main -------------------------------------------------------------------------------
def run(n: int, rounds: int, base: str) -> dict[str, Any]:
    m: dict[str, Any] = {"files": n, "files_per_task": FILES_PER_TASK}
    with tempfile.TemporaryDirectory(prefix="ganjina-bench-cluster-") as tmp:
        work = Path(tmp)
        seconds, paths = timed(lambda: make_corpus(work, n))
        print(f"corpus: {n} PDFs made in {seconds:.1f} s")
        m["parse"] = parse_cost(paths[: min(n, 30)], rounds)
        print(
            f"parse: {m['parse']['ms_per_file']:.1f} ms/file on one core "
            f"({m['parse']['pages_per_s']:.0f} pages/s)"
        )
        folder = work / "pdf"
        ing: dict[str, float] = {}
        ing["local_1"] = local_ingest(base, folder, 1)
        ing["local_2"] = local_ingest(base, folder, 2)
        sample = work / "warm"
        for p in paths[:8]:
            (sample / p.name).parent.mkdir(parents=True, exist_ok=True)
            (sample / p.name).write_bytes(p.read_bytes())
        with DaskCluster(work / "dask", workers=1) as cluster:
            warm_up(base, sample, cluster)
            (ing["cluster_1"], job), shares_1 = CpuMeter(cluster).during(
                lambda: cluster_ingest(base, folder, cluster)
            )
            m["cluster_setup_seconds"] = job.setup_seconds
            # the cost of a task: tiny files, one a task, against the local ingest of them
            tiny = tiny_files(work, 200 if n > 100 else 100)
            local_tiny = local_ingest(base, tiny, 1)
            rate_tiny, _ = cluster_ingest(base, tiny, cluster, files_per_task=1)
            per_task = max(0.0, 1 / rate_tiny - 1 / local_tiny)
            sched = scheduler_cost(cluster)
            cluster.add_worker()
            cluster.wait_for_workers(2)
            warm_up(base, sample, cluster)
            (ing["cluster_2"], _), shares_2 = CpuMeter(cluster).during(
                lambda: cluster_ingest(base, folder, cluster)
            )
            m["ingest"] = ing
            m["cores_used"] = {"1_worker": shares_1, "2_workers": shares_2}
            print(
                "ingest records/s: local --workers 1 {local_1:.1f}, --workers 2 {local_2:.1f}; "
                "cluster 1 worker {cluster_1:.1f}, 2 workers {cluster_2:.1f}".format(**ing)
            )
            print(
                f"  2 workers / 1 worker: {ing['cluster_2'] / ing['cluster_1']:.2f}x; "
                f"cluster 1 worker / local --workers 1: {ing['cluster_1'] / ing['local_1']:.2f}x"
            )
            show_shares("1 worker", shares_1)
            show_shares("2 workers", shares_2)
            per_core = [
                ing[f"cluster_{w}"] / s["workers"] for w, s in ((1, shares_1), (2, shares_2))
            ]
            m["records_per_worker_core_second"] = per_core
            print(
                f"  records per second of a worker's CPU: {per_core[0]:.1f} (1 worker), "
                f"{per_core[1]:.1f} (2 workers): {per_core[1] / per_core[0]:.2f}x"
            )
        m["overhead"] = {
            "ms_per_task": 1000 * per_task,
            "scheduler_ms_per_task": 1000 * sched,
            "share_of_local_per_file": per_task / FILES_PER_TASK / (1 / ing["local_1"]),
        }
        print(
            f"overhead: {1000 * per_task:.1f} ms per task (a task's scheduling, its transaction), "
            f"{100 * m['overhead']['share_of_local_per_file']:.1f}% of a local ingest's time "
            f"per PDF at {FILES_PER_TASK} files/task; scheduler {1000 * sched:.2f} ms/task"
        )
        m["store"] = {}
        m["store_64_per_batch"] = {}
        records = 4000 if n > 100 else 2000
        for writers in (1, 2, 4, 8):
            # batches of a task's size (what the cluster writes), and of 64
            m["store"][f"{writers}_writers"] = store_rate(
                base, writers, records, FILES_PER_TASK, 2000
            )
            m["store_64_per_batch"][f"{writers}_writers"] = store_rate(
                base, writers, records, 64, 2000
            )
        with_originals = store_rate(base, 4, records // 4, 16, 75_000)
        print(
            f"store: records/s by concurrent writers ({FILES_PER_TASK}/batch): "
            + ", ".join(f"{k.split('_')[0]}: {v:,.0f}" for k, v in m["store"].items())
            + "; 64/batch: "
            + ", ".join(f"{k.split('_')[0]}: {v:,.0f}" for k, v in m["store_64_per_batch"].items())
            + f"; with 75 KB originals, 4 writers, 16/batch: {with_originals:,.0f}"
        )
        m["store_with_originals_4_writers"] = with_originals
        m["index"] = catch_up_and_latency(
            base, work, 20_000 if n > 100 else 5000, 10 if n > 100 else 5
        )
        show_index(m["index"])
    m["model"] = model(m)
    m["load_average"] = os.getloadavg()
    show_model(m["model"])
    return m


def scheduler_cost(cluster: DaskCluster, tasks: int = 2000) -> float:
    """Seconds of scheduler time per trivial task (the scheduler's own limit)."""
    from distributed import Client

    with Client(cluster.address, set_as_default=False) as client:
        client.gather(client.map(_noop, range(200), pure=False))  # warm up
        started = time.perf_counter()
        client.gather(client.map(_noop, range(tasks), pure=False))
        return (time.perf_counter() - started) / tasks


def _noop(i: int) -> int:
    return i


def show_model(mo: dict[str, Any]) -> None:
    print(
        f"model: {mo['per_worker_records_per_s']:.1f} records/s per worker; store limit "
        f"{mo['store_limit_records_per_s']:,.0f}/s, scheduler limit "
        f"{mo['scheduler_limit_records_per_s']:,.0f}/s"
    )
    for w, rate in mo["predicted"].items():
        print(f"  {w:>3} workers: {rate:8.1f} records/s predicted")
    for w in (1, 2):
        p, got = mo["predicted"][w], mo["measured_here"][w]
        print(f"  here, {w} worker(s): predicted {p:.1f}, measured {got:.1f} ({got / p:.2f}x)")
    print(f"  stops scaling at about {mo['stops_scaling_at_workers']:.0f} workers")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # 256: sixteen tasks of 16, which two workers share evenly (at 240, fifteen tasks
    # leave one worker idle for the last task: a 7 % loss that only a bench this small has)
    parser.add_argument("--files", type=int, default=256)
    parser.add_argument("--quick", action="store_true", help="60 PDFs, one round")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument(
        "--catch-up-only",
        type=int,
        metavar="RECORDS",
        help="only the index part (6), over this many stored records (the full run: 20000)",
    )
    args = parser.parse_args()
    base = os.environ.get("GANJINA_TEST_POSTGRES")
    if not base:
        sys.exit("bench/cluster.py needs GANJINA_TEST_POSTGRES (source .ci/postgres.sh)")
    if args.catch_up_only:
        with tempfile.TemporaryDirectory(prefix="ganjina-bench-cluster-") as tmp:
            figures: dict[str, Any] = {
                "index": catch_up_and_latency(base, Path(tmp), args.catch_up_only, 5)
            }
        show_index(figures["index"])
        figures["load_average"] = os.getloadavg()
    else:
        n = 60 if args.quick else args.files
        figures = run(n, 1 if args.quick else 3, base)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
