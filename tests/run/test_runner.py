"""Batch ingest: incremental re-runs, resumable after SIGKILL, bad files reported and skipped."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store

from ..conftest import SEEDS


def _copy_seeds(dst: Path, copies: int = 1) -> list[Path]:
    out = []
    for i in range(copies):
        for p in sorted(SEEDS.glob("*.txt")):
            target = dst / f"{p.stem}_{i:03d}.txt"
            # A distinct last line gives each copy its own content hash.
            target.write_text(p.read_text(encoding="utf-8") + f"\n\nKopia {i}\n", encoding="utf-8")
            out.append(target)
    return out


def test_rerun_recomputes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _copy_seeds(docs)
    with Store(tmp_path / "s.db") as store:
        first = run([docs], store, SerialExecutor())
        assert (first.processed, first.skipped, first.failed) == (5, 0, 0)
        second = run([docs], store, SerialExecutor())
        assert (second.processed, second.skipped) == (0, 5)


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    good = _copy_seeds(docs)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "odd.xyz").write_bytes(b"hello")
    lines: list[str] = []
    with Store(tmp_path / "s.db") as store:
        report = run([docs], store, SerialExecutor(), on_error=lines.append)
        assert sorted(report.error_codes) == ["E002", "E003"]
        assert all(line.startswith("error E00") and "\n" not in line for line in lines)
        assert any("empty.txt" in line for line in lines)
        assert len(store.documents()) == len(good)


@pytest.mark.slow
def test_sigkill_halfway_then_resume(tmp_path: Path) -> None:
    """A killed `lofte ingest`, run again, finishes the rest; the store stays intact."""
    docs = tmp_path / "docs"
    docs.mkdir()
    files = _copy_seeds(docs, copies=60)
    db = tmp_path / "lofte.db"
    cmd = [
        sys.executable,
        "-m",
        "pipeline",
        "ingest",
        str(docs),
        "--db",
        str(db),
        "--jobs",
        "1",
        "--no-progress",
    ]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
                    done = c.execute("SELECT count(*) FROM sources").fetchone()[0]
            except sqlite3.Error:
                continue
            if done >= 10:
                break
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        before = len(store.documents())
        assert 10 <= before < len(files)
        report = run([docs], store, SerialExecutor())
        assert report.skipped == before
        assert report.processed == len(files) - before
        assert len(store.documents()) == len(files)
        assert store.integrity() == "ok"
