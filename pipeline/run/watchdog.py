"""Limits on pool workers enforced from outside: wall time per task, resident memory, parent death.

A timer inside the worker (SIGALRM) cannot stop a long C call such as a regex search or a
PDF parser, and a thread there needs the interpreter lock that call holds. So the parent
watches: each worker says which task it starts, and the parent kills a worker (and the
tesseract it runs) whose task runs past its time or whose memory passes the bound. The
pool then breaks; the executor reports that task with the code here and runs the others
again on a new pool.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The parent gives the worker's own limit (SIGALRM) this long to act before it steps in.
GRACE = 10.0
# How often the parent looks at its workers, and a worker at whether its parent lives.
POLL = 0.5
_PR_SET_PDEATHSIG = 1


class WorkerStopped(Exception):
    """The parent stopped the worker that ran a task: ``code`` says why (E007, E008)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class Limits:
    """Per task: seconds before its worker is stopped; per worker: resident MB allowed."""

    seconds: float | None = None
    rss_mb: int | None = None
    grace: float = GRACE


# In a worker: where to say which task starts (None outside a watched pool).
_STARTS: Any = None


def init_worker(starts: Any, scratch: str | None = None) -> None:
    """Pool initializer: report task starts to ``starts`` and die with the parent.

    Temporary files (tesseract's page images and outputs) go under ``scratch``, which the
    parent removes when it closes the pool: a killed worker cannot clean up after itself.
    """
    global _STARTS
    _STARTS = starts
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if scratch:
        os.environ["TMPDIR"] = scratch
        tempfile.tempdir = scratch
    _die_with_parent()


def _die_with_parent() -> None:
    """Exit when the parent process dies, even by SIGKILL, instead of running on as orphans."""
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        # Linux: the kernel sends SIGKILL when the parent goes; nothing else is needed there.
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the call took effect
        os._exit(1)

    def watch() -> None:
        # Elsewhere, and as a second line: a reparented worker has lost its parent.
        while os.getppid() == parent:
            time.sleep(POLL * 4)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def tracked(fn: Callable[[Any], Any], key: int, item: Any) -> Any:
    """Run ``fn(item)`` in a worker after telling the parent that task ``key`` starts here.

    The queue is a SimpleQueue, written before ``fn`` runs: a Queue's writer thread would
    wait for the interpreter lock that a stuck C call in ``fn`` never gives up.
    """
    if _STARTS is not None:
        _STARTS.put((key, os.getpid(), time.monotonic()))
    return fn(item)


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (0 when it is gone)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _children(pid: int) -> list[int]:
    out: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError, ValueError):
                out += [int(x) for x in (task / "children").read_text().split()]
    return out


def stop(pid: int) -> None:
    """SIGKILL a worker and the processes it started (tesseract), so none runs on."""
    for child in _children(pid):
        with contextlib.suppress(OSError):
            os.kill(child, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)


class Watchdog:
    """The parent's view of which worker runs which task since when, and what it stopped."""

    def __init__(self, limits: Limits, starts: Any) -> None:
        self.limits = limits
        self.starts = starts
        self.running: dict[int, tuple[int, float]] = {}  # pid -> (task key, started)
        self.done: set[int] = set()
        self.stopped: dict[int, WorkerStopped] = {}  # task key -> why its worker was stopped

    def finished(self, key: int) -> None:
        """Task ``key`` came back; a late start message for it is ignored."""
        self.done.add(key)
        for pid, (k, _) in list(self.running.items()):
            if k == key:
                del self.running[pid]

    def _drain(self) -> None:
        try:
            while not self.starts.empty():
                key, pid, started = self.starts.get()
                if key not in self.done:
                    self.running[pid] = (key, started)
        except (OSError, EOFError, ValueError):
            return

    def check(self) -> bool:
        """Stop every worker past a limit; True when one was stopped (the pool is broken)."""
        self._drain()
        now, hit = time.monotonic(), False
        for pid, (key, started) in list(self.running.items()):
            why = self._overrun(pid, now - started)
            if why is not None:
                stop(pid)
                self.stopped[key] = why
                del self.running[pid]
                hit = True
        return hit

    def _overrun(self, pid: int, elapsed: float) -> WorkerStopped | None:
        lim = self.limits
        if lim.seconds is not None and elapsed > lim.seconds + lim.grace:
            return WorkerStopped("E008", f"still running after {elapsed:.0f} s; worker stopped")
        if lim.rss_mb is not None:
            used = rss_mb(pid)
            if used > lim.rss_mb:
                return WorkerStopped(
                    "E007", f"worker used {used:.0f} MB, limit {lim.rss_mb} MB; stopped"
                )
        return None

    def forget(self) -> None:
        """After a pool restart: the old workers are gone."""
        self._drain()
        self.running.clear()
