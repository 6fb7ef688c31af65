"""The store behind the web app: read-only, one connection per worker thread, cached counts."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from pipeline.errors import LofteError
from pipeline.store.core import Store
from pipeline.web.measures_data import summary
from pipeline.web.organs import organ_index
from pipeline.web.responses import HttpError, Response

# A page handler: (site, this thread's store or None, query parameters, path parameters).
Handler = Callable[..., Response]
WORKERS = 8


class Site:
    """One store file, read-only, read on a fixed pool of threads that each keep a connection.

    The pool is fixed (unlike the framework's own, whose threads come and go) so every
    thread's connection and SQLite page cache stay warm between requests.
    """

    def __init__(self, db: str | Path, *, as_of: date | None = None) -> None:
        self.db = Path(db)
        self.fixed_as_of = as_of
        self._cache: dict[str, tuple[tuple[object, ...], Any]] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self.pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="lofte-web")

    async def run(
        self, handler: Handler, params: dict[str, str], kwargs: dict[str, str], *, store: bool
    ) -> Response:
        """The handler's answer, computed on the pool so the event loop never waits on SQLite."""
        call = partial(self._call, handler, params, kwargs, store)
        return await asyncio.get_running_loop().run_in_executor(self.pool, call)

    def _call(
        self, handler: Handler, params: dict[str, str], kwargs: dict[str, str], store: bool
    ) -> Response:
        try:
            return handler(self, self._store() if store else None, params, **kwargs)
        except (LofteError, sqlite3.Error) as exc:
            self._local.store = None  # a broken connection is not reused
            raise HttpError(503, "Databasen kan inte läsas just nu.") from exc

    def _store(self) -> Store:
        """This thread's read-only store, reopened if the file was replaced."""
        ino = self.db.stat().st_ino if self.db.exists() else -1
        held = getattr(self._local, "store", None)
        if held is not None and held[1] == ino:
            return held[0]
        if held is not None:
            held[0].close()
        store = Store(self.db, readonly=True)
        store.map_memory()
        self._local.store = (store, ino)
        return store

    def as_of(self) -> date:
        """The date overdue is judged at: fixed for tests, else today."""
        return self.fixed_as_of or date.today()

    def _stamp(self) -> tuple[int, ...]:
        """Changes whenever an ingest writes to the store (main file or its WAL)."""
        out: list[int] = []
        for p in (self.db, Path(f"{self.db}-wal")):
            st = p.stat() if p.exists() else None
            out += [st.st_mtime_ns, st.st_size] if st else [0, 0]
        return tuple(out)

    def _cached(self, name: str, key: tuple[object, ...], build: Callable[[], Any]) -> Any:
        with self._lock:
            hit = self._cache.get(name)
            if hit is not None and hit[0] == key:
                return hit[1]
        value = build()
        with self._lock:
            self._cache[name] = (key, value)
        return value

    def organs(self, store: Store) -> dict[str, list[str]]:
        """doc_id -> stadsdelar and nämnder, rebuilt only when the store changes."""
        return dict(self._cached("organs", self._stamp(), lambda: organ_index(store)))

    def warm(self) -> None:
        """Fill the start page's counts in the background (errors surface on request)."""
        with contextlib.suppress(LofteError, sqlite3.Error):
            self.summary(self._store())

    def summary(self, store: Store) -> dict[str, Any]:
        """Counts and filter choices, rebuilt when the store or the date changes."""
        key = (*self._stamp(), self.as_of().isoformat())
        organs = self.organs(store)
        return dict(self._cached("summary", key, lambda: summary(store, self.as_of(), organs)))

    def close(self) -> None:
        """Stop the worker threads (their connections close as the threads end)."""
        self.pool.shutdown(wait=False, cancel_futures=True)
