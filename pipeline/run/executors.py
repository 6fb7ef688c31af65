"""The executor seam: serial, process pool or Dask run the same per-document function."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol, TypeVar

from pipeline.run.process import warm_up

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Maps a picklable function over items, yielding results as they complete."""

    name: str

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Results in completion order."""
        ...

    def close(self) -> None:
        """Release workers."""
        ...


class SerialExecutor:
    """Runs everything in this process: for tests and debugging."""

    name = "serial"

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Results in input order, one at a time."""
        for item in items:
            yield fn(item)

    def close(self) -> None:
        """Nothing to release."""


def _init_worker() -> None:
    # Tesseract uses OpenMP; one thread per worker keeps N workers on N cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    warm_up()


class ProcessExecutor:
    """A spawn-started process pool whose workers load the models once."""

    name = "processes"

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        os.environ["OMP_THREAD_LIMIT"] = "1"
        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
        )

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Keep a bounded number of tasks in flight so huge batches use little memory."""
        it = iter(items)
        pending: set[Future[R]] = set()
        limit = self.jobs * 2
        for item in it:
            pending.add(self._pool.submit(fn, item))
            if len(pending) >= limit:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()

    def close(self) -> None:
        """Shut the pool down."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Dask distributed: a scheduler address, or 'local' for a LocalCluster on this machine."""

    name = "dask"

    def __init__(self, address: str = "local", jobs: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster: Any = None
        if address == "local":
            self._cluster = LocalCluster(
                n_workers=max(1, jobs or os.cpu_count() or 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client = Client(self._cluster)
        else:
            self.client = Client(address)
        self.client.run(_init_worker)

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Submit everything and yield results as workers finish them."""
        from dask.distributed import as_completed

        futures = self.client.map(fn, list(items), pure=False)
        for fut in as_completed(futures):
            yield fut.result()

    def close(self) -> None:
        """Disconnect, and stop the LocalCluster if we started it."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(
    jobs: int | None = None, dask: str | None = None, serial: bool = False
) -> Executor:
    """Pick an executor from CLI-style options (default: a process pool)."""
    if dask:
        return DaskExecutor(dask, jobs)
    if serial or jobs == 1:
        return SerialExecutor()
    return ProcessExecutor(jobs)
