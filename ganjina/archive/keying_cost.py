"""Whether a catch-up's keying is worth helper processes, decided from what it costs.

A catch-up does per record: reading it from the store and handing its document to
Tantivy (this thread, whatever is chosen), keying it (K: this thread, or a helper's), and
Tantivy's own indexing (T: its threads). Helpers take K off this thread at the price of
pickling the rows out and the documents back (X), and they compete with Tantivy's threads
for the cores. So they pay only where keying is the bound by a clear margin: Dari and
Pashto keying costs several times Tantivy's share, ASCII text keys in one regex pass and
Tantivy's thread is the bound, so helpers there only add pickling.

Which side wins depends on the records, not on how many there are, so the first records
of a large catch-up are keyed here and timed. The margin (``KEYING_OVER``) covers what a
short trial cannot see: Tantivy's merges later in a long catch-up, the pool's own threads
in this process, and helpers whose memos start cold.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

Rows = TypeVar("Rows")
Docs = TypeVar("Docs")
T = TypeVar("T")

#: helpers are started when keying costs at least this many times Tantivy's threads and
#: the pickling together
KEYING_OVER = 2.0
#: what starting the helper processes costs (spawned interpreters importing Ganjina)
POOL_START_SECONDS = 1.5


@dataclass
class KeyingCost:
    """CPU seconds spent on the records timed so far (see the module's text)."""

    records: int = 0
    keying: float = 0.0  # K: this thread, computing the documents
    applying: float = 0.0  # this thread: reading the store, handing documents to the index
    indexing: float = 0.0  # T: the process's other threads meanwhile (Tantivy's)
    transfer: float = 0.0  # X: pickling rows and documents both ways

    def key(self, rows: Rows, work: Callable[[Rows], Docs], count: int) -> Docs:
        """``work(rows)`` timed as keying, with what shipping it would cost."""
        docs, spent = self._timed(lambda: work(rows))
        self.keying += spent
        started = time.thread_time()
        for value in (rows, docs):
            pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        self.transfer += time.thread_time() - started
        self.records += count
        return docs

    def apply(self, step: Callable[[], T]) -> T:
        """``step()`` (reading the store, handing documents to the index, committing)
        timed as work that stays in this thread."""
        result, spent = self._timed(step)
        self.applying += spent
        return result

    def _timed(self, step: Callable[[], T]) -> tuple[T, float]:
        """``step()`` and the CPU it took in this thread; what the process's other
        threads (Tantivy's) spent meanwhile is added to ``indexing``."""
        thread, process = time.thread_time(), time.process_time()
        result = step()
        spent = time.thread_time() - thread
        self.indexing += max(0.0, time.process_time() - process - spent)
        return result, spent

    def helpers(self, remaining: int, cores: int) -> int:
        """Helper processes to key the ``remaining`` records with: one per other core
        when keying is the bound by the margin and the keying time they take off this
        thread repays starting them, else none."""
        if cores < 2 or not self.records or remaining <= 0:
            return 0
        k, _a, t, x = self._per_record()
        if k < KEYING_OVER * (t + x):
            return 0
        if remaining * (k - t - x) < POOL_START_SECONDS:
            return 0
        return cores - 1

    def describe(self) -> str:
        """The timed costs a record, for the log (why helpers were or were not started)."""
        k, a, t, x = (round(v * 1e6) for v in self._per_record())
        return (
            f"{self.records} records timed: keying {k} µs a record, applying {a}, "
            f"Tantivy's threads {t}, pickling {x}"
        )

    def _per_record(self) -> tuple[float, float, float, float]:
        n = max(self.records, 1)
        return self.keying / n, self.applying / n, self.indexing / n, self.transfer / n
