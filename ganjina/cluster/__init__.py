"""Scale-out: ingest on a Dask cluster into a shared PostgreSQL store.

The files are read on the cluster's workers, each of which writes its own batches
straight into PostgreSQL; the client only lists the files, hands out tasks and keeps the
tally. Search nodes follow the store (``ganjina.archive.follow``), so nothing here
touches a search index.

* ``inputs.py``  what to read: local paths and fsspec URLs, small files shipped along
* ``shared.py``  a PostgreSQL store many processes write at once, and bounded retries
* ``bulk.py``    one batch of results as one transaction (COPY and multi-row upserts)
* ``tasks.py``   the task a worker runs: read, parse (with a timeout), write
* ``client.py``  the run: plan, submit, watch the cluster, tally, link
* ``links.py``   the near-duplicate and translation links as a job after the ingest

Dask is imported only here and only when a cluster is used (the ``cluster`` extra).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ganjina.cluster.client import ClusterIngest, ClusterOptions

__all__ = ["ClusterIngest", "ClusterOptions"]


def __getattr__(name: str) -> Any:
    # lazily, so `import ganjina.cluster` stays cheap and dask-free until used
    if name in __all__:
        from ganjina.cluster import client

        return getattr(client, name)
    raise AttributeError(name)
