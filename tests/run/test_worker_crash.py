"""Fault injection: a worker process killed mid-batch costs one file, not the batch."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from pipeline.run.executors import ProcessExecutor
from pipeline.run.process import Result, Task, process
from pipeline.run.runner import run
from pipeline.store.core import Store

from ..conftest import SEEDS


def _die_on_poison(item: str) -> str:
    """Module level so spawn workers can import it: SIGKILL this worker on 'poison'."""
    if item == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    return item.upper()


def _process_or_die(task: Task) -> Result:
    """The real per-document work, except that a file named crash*.txt kills its worker."""
    if Path(task.path).name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    return process(task)


class _KillingPool(ProcessExecutor):
    """A real process pool that runs `_process_or_die` in place of the runner's function."""

    def map_unordered(
        self, fn: Callable[..., Any], items: Iterable[Any], on_crash: Any = None
    ) -> Iterator[Any]:
        return super().map_unordered(_process_or_die, items, on_crash)


@pytest.mark.slow
def test_only_the_task_that_kills_its_worker_is_reported() -> None:
    items = ["a", "b", "poison", "c", "d", "e"]
    pool = ProcessExecutor(2)
    try:
        got = list(pool.map_unordered(_die_on_poison, items, lambda i, exc: f"crashed:{i}"))
    finally:
        pool.close()
    assert sorted(got) == ["A", "B", "C", "D", "E", "crashed:poison"]


@pytest.mark.slow
def test_without_on_crash_a_dead_worker_still_raises() -> None:
    pool = ProcessExecutor(1)
    try:
        with pytest.raises(BrokenProcessPool):
            list(pool.map_unordered(_die_on_poison, ["poison", "a"]))
    finally:
        pool.close()


@pytest.mark.slow
def test_a_killed_worker_costs_one_file_and_a_rerun_retries_only_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "crash_me.txt").write_text("Nämnden ska ta fram en plan under 2025.\n", "utf-8")
    good = len([p for p in docs.iterdir() if p.suffix == ".txt"]) - 1
    lines: list[str] = []
    with Store(tmp_path / "s.db") as store:
        pool = _KillingPool(2)
        try:
            report = run([docs], store, pool, on_error=lines.append)
        finally:
            pool.close()
        assert report.error_codes == ["E013"] and report.processed == good + 1
        assert len(lines) == 1 and lines[0].startswith("error E013") and "crash_me.txt" in lines[0]
        assert len(store.documents()) == good and store.integrity() == "ok"
        pool = _KillingPool(1)
        try:
            again = run([docs], store, pool, on_error=lines.append)
        finally:
            pool.close()
        assert again.skipped == good and again.error_codes == ["E013"]
