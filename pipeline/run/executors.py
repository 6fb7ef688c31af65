"""The executor seam: serial, process pool or Dask run the same per-document function."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")
# What to yield for an item whose worker process died running it (killed, out of memory).
OnCrash = Callable[[T, BaseException], R]


class Executor(Protocol):
    """Maps a picklable function over items, yielding results as they complete."""

    name: str

    def map_unordered(
        self,
        fn: Callable[[T], R],
        items: Iterable[T],
        on_crash: OnCrash[T, R] | None = None,
    ) -> Iterator[R]:
        """Results in completion order; ``on_crash`` turns a dead worker into a result."""
        ...

    def close(self) -> None:
        """Release workers."""
        ...


class SerialExecutor:
    """Runs everything in this process: for tests and debugging."""

    name = "serial"

    def map_unordered(
        self,
        fn: Callable[[T], R],
        items: Iterable[T],
        on_crash: OnCrash[T, R] | None = None,
    ) -> Iterator[R]:
        """Results in input order, one at a time (a crash here is this process's own)."""
        for item in items:
            yield fn(item)

    def close(self) -> None:
        """Nothing to release."""


def _init_worker() -> None:
    # Tesseract uses OpenMP; one thread per worker keeps N workers on N cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # No models are loaded here: a worker's first task is often a page to OCR, which needs
    # none, and loading them first delayed every scan by 3 s. Page fan-out sends each worker
    # a warm-up task after the last page (pipeline.run.fanout); document tasks load on use.


class ProcessExecutor:
    """A spawn-started process pool whose workers load each model once, when first needed."""

    name = "processes"

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        os.environ["OMP_THREAD_LIMIT"] = "1"
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
        )

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def map_unordered(
        self,
        fn: Callable[[T], R],
        items: Iterable[T],
        on_crash: OnCrash[T, R] | None = None,
    ) -> Iterator[R]:
        """Keep a bounded number of tasks in flight so huge batches use little memory.

        When a worker dies, every task in flight fails with it; with ``on_crash`` the pool
        is restarted and those tasks run again one by one, so only the one that kills its
        worker again is reported, and the rest of the batch goes on.
        """
        it = iter(items)
        pending: dict[Future[R], T] = {}
        limit = self.jobs * 2
        orphans: list[T] = []  # submitted to a pool that had already broken
        while True:
            for item in islice(it, limit - len(pending)):
                try:
                    pending[self._pool.submit(fn, item)] = item
                except BrokenProcessPool:
                    if on_crash is None:
                        raise
                    orphans.append(item)
            if not pending and not orphans:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED) if pending else (set(), set())
            crashed = bool(orphans)
            for fut in done:
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    if on_crash is None:
                        raise
                    crashed = True  # stays pending: it runs again below
                    continue
                del pending[fut]
                yield result
            if crashed and on_crash is not None:
                suspects = [*pending.values(), *orphans]
                pending.clear()
                orphans.clear()
                self._restart()
                yield from self._one_by_one(fn, suspects, on_crash)

    def _one_by_one(
        self, fn: Callable[[T], R], items: list[T], on_crash: OnCrash[T, R]
    ) -> Iterator[R]:
        """Run the tasks a crash took down alone, so the one that kills its worker is known."""
        for item in items:
            try:
                result = self._pool.submit(fn, item).result()
            except BrokenProcessPool as again:
                self._restart()
                yield on_crash(item, again)
            else:
                yield result

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

    def map_unordered(
        self,
        fn: Callable[[T], R],
        items: Iterable[T],
        on_crash: OnCrash[T, R] | None = None,
    ) -> Iterator[R]:
        """Submit everything and yield results as workers finish them.

        Dask already retries a task whose worker died; one that kills workers every time
        ends as ``KilledWorker``, which ``on_crash`` turns into that task's result.
        """
        from dask.distributed import as_completed
        from distributed.scheduler import KilledWorker

        work = list(items)
        futures = self.client.map(fn, work, pure=False)
        index = {f.key: n for n, f in enumerate(futures)}
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except KilledWorker as exc:
                if on_crash is None:
                    raise
                yield on_crash(work[index[fut.key]], exc)

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
