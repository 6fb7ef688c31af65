"""Fault injection: workers stopped from outside (time, memory) and dying with their parent."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.run.executors import ProcessExecutor
from pipeline.run.watchdog import Limits, WorkerStopped, rss_mb

REPO = Path(__file__).resolve().parents[2]


def _misbehave(item: str) -> str:
    """Module level so spawn workers can import it."""
    if item == "regex":
        # A catastrophic backtrack: one C call that holds the interpreter lock, which no
        # SIGALRM handler or thread inside the worker can interrupt.
        re.match(r"(a+)+$", "a" * 64 + "b")
    if item == "hog":
        hoard = bytearray(400 * 1024 * 1024)  # touched below, so it is resident
        hoard[::4096] = b"x" * len(hoard[::4096])
        time.sleep(30)
    if item == "sleep":
        time.sleep(0.3)
    return item.upper()


def _leave_a_file(item: str) -> str:
    """Write a temporary file as tesseract's wrapper does, then be killed (or not)."""
    import tempfile

    with tempfile.NamedTemporaryFile(prefix="tess_", delete=False) as fh:
        fh.write(b"P5 1 1 255 x")
    if item == "stuck":
        time.sleep(60)
    return fh.name


def _why(item: str, exc: BaseException) -> str:
    code = exc.code if isinstance(exc, WorkerStopped) else "E013"
    return f"{code}:{item}"


@pytest.mark.slow
def test_a_task_stuck_in_c_code_is_stopped_and_the_others_finish() -> None:
    pool = ProcessExecutor(2, Limits(seconds=1.0, grace=0.5))
    items = ["a", "regex", "sleep", "b", "c", "sleep"]
    started = time.monotonic()
    try:
        got = list(pool.map_unordered(_misbehave, items, _why))
    finally:
        pool.close()
    assert sorted(got) == ["A", "B", "C", "E008:regex", "SLEEP", "SLEEP"]
    # The stuck regex would run for hours; it cost its limit and a new pool, no more.
    assert time.monotonic() - started < 40


@pytest.mark.slow
def test_temporary_files_of_a_killed_worker_are_removed_with_the_pool() -> None:
    pool = ProcessExecutor(1, Limits(seconds=1.0, grace=0.5))
    scratch = Path(pool.scratch)
    try:
        got = list(pool.map_unordered(_leave_a_file, ["ok", "stuck"], _why))
        assert "E008:stuck" in got
        left = [Path(name) for name in got if name.startswith("/")]
        assert left and all(p.parent == scratch and p.exists() for p in left)
        assert len(list(scratch.glob("tess_*"))) == 2  # the killed worker's file too
    finally:
        pool.close()
    assert not scratch.exists()


@pytest.mark.slow
def test_a_worker_past_its_memory_bound_is_stopped_with_e007() -> None:
    pool = ProcessExecutor(2, Limits(seconds=60.0, rss_mb=300))
    try:
        got = list(pool.map_unordered(_misbehave, ["a", "hog", "b"], _why))
    finally:
        pool.close()
    assert sorted(got) == ["A", "B", "E007:hog"]


def test_resident_memory_is_read_from_proc() -> None:
    assert 5 < rss_mb(os.getpid()) < 10_000
    assert rss_mb(2**22 + 12345) == 0.0  # no such process


PARENT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {repo!r})
    from pipeline.run.executors import ProcessExecutor
    from tests.run.test_watchdog import _misbehave
    pool = ProcessExecutor(2)
    for fut in [pool._pool.submit(_misbehave, "hog"), pool._pool.submit(_misbehave, "hog")]:
        pass
    time.sleep(4)
    print(" ".join(str(p) for p in pool._pool._processes), flush=True)
    time.sleep(60)
    """
)


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.slow
def test_no_worker_outlives_a_parent_killed_with_sigkill() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT.format(repo=str(REPO))],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert parent.stdout is not None
    pids = [int(p) for p in parent.stdout.readline().split()]
    assert len(pids) == 2 and all(_alive(p) for p in pids)
    parent.kill()
    parent.wait(10)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in pids), "a pool worker outlived its parent"
