"""The near-duplicate and translation links, as a cluster job after the ingest.

The links follow the store (``ganjina.links.engine``): after an ingest they are brought
up to date from the records changed since they last were. A big backlog (the first
ingest of an archive, or one that added a fifth of it) is a rebuild, whose costly part,
profiling every record (shingles, MinHash sketch, traits), runs on the cluster's
workers; grouping the candidate pairs then takes the archive's writer lock on the
client. A small backlog is profiled on the client, where it costs less than shipping.
"""

from __future__ import annotations

import time
from typing import Any

from ganjina.errors import ArchiveLocked
from ganjina.links.engine import LinkReport, update

#: how long to wait for the writer lock, which other cluster ingests take in bursts
WAIT_SECONDS = 600.0


def link(url: str, client: Any, *, wait_seconds: float = WAIT_SECONDS) -> LinkReport:
    """Bring the links of the archive at ``url`` up to date, profiling on ``client``'s
    cluster; waits (with a backoff) while another writer holds the archive."""
    from ganjina.archive import Archive
    from ganjina.cluster.client import _NO_INDEX

    started = time.monotonic()
    delay = 0.2
    with Archive.open(url, index_dir=_NO_INDEX) as archive:
        while True:
            try:
                return update(archive, executor=client.get_executor())
            except ArchiveLocked:
                if time.monotonic() - started + delay > wait_seconds:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 5.0)
