"""A time budget for reading one file: the read runs in a worker process that is killed
when the budget is spent.

A pattern in C, a PDF library call or a parser deep in a hostile file cannot be stopped
from inside the process (signals are only seen between Python bytecodes), so the only
sure budget is a process of its own. The worker is kept between files and replaced only
after a timeout or a crash, so ``ganjina parse *.pdf`` pays the start-up once.

    >>> with Budget(60) as budget:  # doctest: +SKIP
    ...     article = budget.call(parse_file_now, "a.pdf", None)
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, TypeVar

from ganjina.children import kill_pool, process_pool
from ganjina.errors import ReadError

T = TypeVar("T")

#: seconds one file may take when no budget is given (the ``GANJINA_READ_TIMEOUT`` default)
DEFAULT_SECONDS = 300.0


class Budget:
    """Runs calls one at a time in a worker process, each within ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._pool: ProcessPoolExecutor | None = None

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in the worker (both picklable); a ``ReadError`` if it overruns or
        kills its process. Exceptions ``fn`` raises reach the caller as they are."""
        if self._pool is None:
            self._pool = process_pool(1)
        future = self._pool.submit(fn, *args)
        try:
            return future.result(timeout=self.seconds)
        except FutureTimeout:
            self.close()
            raise ReadError(f"reading took longer than {self.seconds:g} s") from None
        except BrokenProcessPool:
            self.close()
            raise ReadError("the reader crashed on this file") from None

    def close(self) -> None:
        if self._pool is not None:
            kill_pool(self._pool)
            self._pool = None

    def __enter__(self) -> Budget:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
