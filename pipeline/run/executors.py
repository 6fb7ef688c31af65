"""The executor seam: serial, process pool or Dask run the same per-document function."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import count, islice
from typing import Any, Protocol, TypeVar

from pipeline.run.watchdog import POLL, Limits, Watchdog, init_worker, tracked

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
    """A spawn-started pool whose workers die with the parent and are watched from outside.

    A task past ``limits.seconds`` (plus a grace) or a worker past ``limits.rss_mb`` gets its
    worker killed by the parent; that task is reported through ``on_crash`` with a
    :class:`WorkerStopped` (E008 or E007), and the tasks the kill took down run again.
    """

    name = "processes"

    def __init__(self, jobs: int | None = None, limits: Limits | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        os.environ["OMP_THREAD_LIMIT"] = "1"
        self._ctx = multiprocessing.get_context("spawn")
        self._starts = self._ctx.SimpleQueue()
        self.scratch = tempfile.mkdtemp(prefix="lofte-workers-")
        self.watchdog = Watchdog(limits or Limits(), self._starts)
        self._keys = count()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=self._ctx,
            initializer=init_worker,
            initargs=(self._starts, self.scratch),
        )

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.watchdog.forget()
        self._pool = self._new_pool()

    def _submit(self, fn: Callable[[T], R], item: T) -> tuple[Future[R], int]:
        key = next(self._keys)
        return self._pool.submit(tracked, fn, key, item), key

    def map_unordered(
        self,
        fn: Callable[[T], R],
        items: Iterable[T],
        on_crash: OnCrash[T, R] | None = None,
    ) -> Iterator[R]:
        """Keep a bounded number of tasks in flight so huge batches use little memory.

        When a worker dies, every task in flight fails with it; with ``on_crash`` the pool
        is restarted. A task whose worker the watchdog stopped is reported; the others run
        again, together when the watchdog caused the break, else one by one, so that only
        the one that kills its worker again is reported, and the rest of the batch goes on.
        """
        it = iter(items)
        pending: dict[Future[R], tuple[T, int]] = {}
        limit = self.jobs * 2
        retry: list[T] = []  # to run again on the next pool
        while True:
            fresh = [*retry, *islice(it, max(0, limit - len(pending) - len(retry)))]
            retry = []
            for n, item in enumerate(fresh):
                try:
                    fut, key = self._submit(fn, item)
                except BrokenProcessPool:
                    if on_crash is None:
                        raise
                    retry = fresh[n:]
                    break
                pending[fut] = (item, key)
            if not pending and not retry:
                return
            done: set[Future[R]] = set()
            if pending:
                done, _ = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
            stopped = self.watchdog.check()
            crashed = bool(retry)
            for fut in done:
                item, key = pending[fut]
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    if on_crash is None:
                        raise
                    crashed = True  # stays pending: handled below
                    continue
                del pending[fut]
                self.watchdog.finished(key)
                yield result
            if (crashed or stopped) and on_crash is not None:
                yield from self._after_break(fn, pending, retry, on_crash)

    def _after_break(
        self,
        fn: Callable[[T], R],
        pending: dict[Future[R], tuple[T, int]],
        retry: list[T],
        on_crash: OnCrash[T, R],
    ) -> Iterator[R]:
        """Report the tasks the watchdog stopped; queue or isolate the rest on a new pool."""
        # Let the pool notice its dead worker, so every in-flight future has its outcome.
        wait(pending, timeout=5.0)
        suspects: list[T] = []
        for fut, (item, key) in list(pending.items()):
            why = self.watchdog.stopped.pop(key, None)
            if why is not None:
                yield on_crash(item, why)
            elif fut.done() and fut.exception() is None:
                self.watchdog.finished(key)
                yield fut.result()
            else:
                suspects.append(item)
        caused_by_us = len(suspects) < len(pending) or not suspects
        pending.clear()
        self._restart()
        if caused_by_us:
            retry.extend(suspects)  # innocent: they run again side by side
        else:
            yield from self._one_by_one(fn, [*retry, *suspects], on_crash)
            retry.clear()

    def _one_by_one(
        self, fn: Callable[[T], R], items: list[T], on_crash: OnCrash[T, R]
    ) -> Iterator[R]:
        """Run the tasks a crash took down alone, so the one that kills its worker is known."""
        for item in items:
            fut, key = self._submit(fn, item)
            while True:
                done, _ = wait([fut], timeout=POLL)
                if done or self.watchdog.check():
                    break
            why = self.watchdog.stopped.pop(key, None)
            try:
                result = fut.result(timeout=5.0) if why is None else None
            except BrokenProcessPool as again:
                self._restart()
                yield on_crash(item, again)
                continue
            if why is not None:
                self._restart()
                yield on_crash(item, why)
                continue
            self.watchdog.finished(key)
            yield result  # type: ignore[misc]

    def close(self) -> None:
        """Shut the pool down and remove what its workers left in their temporary folder."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._starts.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


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
    jobs: int | None = None,
    dask: str | None = None,
    serial: bool = False,
    limits: Limits | None = None,
) -> Executor:
    """Pick an executor from CLI-style options (default: a process pool under ``limits``).

    ``jobs=1`` is still one worker process: only a watched process can be stopped when a
    document hangs in C code or eats memory. In-process runs are for ``serial=True`` alone.
    """
    if dask:
        return DaskExecutor(dask, jobs)
    if serial:
        return SerialExecutor()
    return ProcessExecutor(jobs, limits)
