"""The shared store without a cluster: many writers at once (threads, each with its own
connection, as workers have), a follower reading while they write, and the retry bound."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from archive.helpers import article

from ganjina.archive import Archive
from ganjina.archive.blobs import sha256
from ganjina.archive.store import serialize
from ganjina.cluster.bulk import Item, write_batch
from ganjina.cluster.shared import SharedStore, StoreUnavailable

from .private_pg import free_port

pytestmark = pytest.mark.postgres


def _item(i: int) -> Item:
    a = article(f"Report number {i}", f"Body of report {i}.", authors=(f"Writer {i % 5}",))
    data = f"original {i}".encode()
    a.provenance.sha256 = sha256(data)
    return Item(
        f"/in/{i}.txt", f"in/{i}.txt", sha256(data), len(data), 1, data, a, serialize(a), None
    )


def test_writers_at_once_never_duplicate_and_a_follower_misses_nothing(pg_url: str) -> None:
    SharedStore(pg_url, create=True).close()
    n, writers, batch = 600, 4, 20
    # every writer writes every item, in its own order, in batches: each is new once
    orders = [list(range(n)) for _ in range(writers)]
    for w, order in enumerate(orders):
        order.sort(key=lambda i, w=w: (i * (w + 3)) % n)
    statuses: list[str] = []
    seen: dict[int, int] = {}  # num -> seq, as a follower reading `since` sees them
    stop = threading.Event()

    def write(order: list[int]) -> None:
        store = SharedStore(pg_url)
        try:
            for k in range(0, n, batch):
                items = [_item(i) for i in order[k : k + batch]]
                statuses.extend(store.retry(lambda items=items: write_batch(store, items, None)))
        finally:
            store.close()

    def follow() -> None:
        store = SharedStore(pg_url)
        seq = 0
        try:
            while True:
                rows = store.since(seq, 50)
                for s, num, _a in rows:
                    assert s > seq
                    seen[num] = s
                    seq = s
                if not rows:
                    if stop.is_set():
                        return
                    time.sleep(0.005)
        finally:
            store.close()

    follower = threading.Thread(target=follow)
    follower.start()
    threads = [threading.Thread(target=write, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    follower.join()
    assert statuses.count("new") == n
    assert statuses.count("unchanged") == (writers - 1) * n
    with Archive.open(pg_url, index_dir=Path("/nonexistent")) as archive:
        stats = archive.stats()
        assert stats["records"] == stats["originals"] == stats["files"] == n
        assert stats["versions"] == 0
        # reading in order of change while the writers committed missed no record
        assert len(seen) == n
        assert archive.store.max_seq() == max(seen.values())


def test_an_unreachable_store_is_retried_then_given_up_in_one_line(pg_url: str) -> None:
    store = SharedStore(pg_url, create=True, retry_seconds=1.5)
    store.url = f"postgresql://postgres@127.0.0.1:{free_port()}/nothing"  # nobody listens
    store.reset()
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as caught:
        store.retry(lambda: store.max_seq(), "read")
    assert 0.5 <= time.monotonic() - started <= 6  # retried, within the bound
    message = str(caught.value)
    assert "cannot reach the archive" in message and "gave up the read after" in message
    assert "\n" not in message
    store.close()
