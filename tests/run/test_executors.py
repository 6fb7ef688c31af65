"""Serial, process-pool and Dask executors give the same store from the same corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run.executors import DaskExecutor, Executor, ProcessExecutor, SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store

from ..conftest import SEEDS


def _ingest(tmp_path: Path, name: str, executor: Executor) -> list[tuple]:
    try:
        with Store(tmp_path / f"{name}.db") as store:
            report = run([SEEDS], store, executor)
            assert report.failed == 0 and report.processed == 5
            return [
                (r["id"], r["status"], r["measure"], r["deadline_end"]) for r in store.commitments()
            ] + [(r["doc_id"], r["doc_type"], r["date"]) for r in store.documents()]
    finally:
        executor.close()


@pytest.mark.slow
def test_process_pool_matches_serial(tmp_path: Path) -> None:
    assert _ingest(tmp_path, "pool", ProcessExecutor(2)) == _ingest(
        tmp_path, "serial", SerialExecutor()
    )


@pytest.mark.slow
def test_dask_local_cluster_matches_serial(tmp_path: Path) -> None:
    dask = DaskExecutor("local", jobs=2)
    assert dask.client.scheduler_info()["workers"]
    assert _ingest(tmp_path, "dask", dask) == _ingest(tmp_path, "serial", SerialExecutor())
