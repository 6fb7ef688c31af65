"""Fault injection in a batch: a stage that raises, a store locked by another writer, a full disk."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import LofteError
from pipeline.records import Document, Options
from pipeline.run import stages
from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store import core
from pipeline.store.core import Store

TEXT = "Kommunstyrelsen ska ta fram en handlingsplan för {} under år 2025.\n"
TOPICS = ["trygghet", "belysning", "lekplatser", "cykelbanor", "badplatser", "bibliotek"]


def _docs(folder: Path, topics: list[str] = TOPICS, filler: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for topic in topics:
        (folder / f"{topic}.txt").write_text(TEXT.format(topic) + filler, encoding="utf-8")
    return folder


def test_a_stage_that_raises_costs_one_document_and_resumes_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    real = stages.get("extract")

    def broken(doc: Document, opts: Options) -> Document:
        if doc.doc_id == "belysning":
            raise KeyError("a bug in a rule table")
        return real.fn(doc, opts)

    monkeypatch.setitem(stages._REGISTRY, "extract", dataclasses.replace(real, fn=broken))
    lines: list[str] = []
    with Store(tmp_path / "s.db") as store:
        report = run([docs], store, SerialExecutor(), on_error=lines.append)
        assert report.stored == len(TOPICS) - 1 and report.error_codes == ["E012"]
        assert "belysning.txt" in lines[0] and "KeyError" in lines[0]
        monkeypatch.setitem(stages._REGISTRY, "extract", real)
        again = run([docs], store, SerialExecutor())
        # Only the failed document runs again, from its stored earlier stages.
        assert (again.skipped, again.stored, again.failed) == (len(TOPICS) - 1, 1, 0)
        assert store.integrity() == "ok"


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def _hold_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_a_store_locked_by_another_writer_is_waited_for(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    holder = _hold_lock(db, 2.0)
    try:
        started = time.monotonic()
        with Store(db) as store:
            report = run([_docs(tmp_path / "docs")], store, SerialExecutor())
        assert report.stored == len(TOPICS)
        assert time.monotonic() - started >= 1.5  # it did wait for the other writer
    finally:
        holder.wait(timeout=30)


def test_a_store_locked_too_long_is_e020_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        run([_docs(tmp_path / "first", TOPICS[:2])], store, SerialExecutor())
    second = _docs(tmp_path / "second", TOPICS[2:])
    monkeypatch.setattr(core, "BUSY_TIMEOUT", 0.5)
    holder = _hold_lock(db, 4.0)
    try:
        # Opening the store for writing already waits for the lock, and gives up on it.
        with pytest.raises(LofteError) as err, Store(db) as store:
            run([second], store, SerialExecutor())
        assert err.value.code == "E020" and "locked" in err.value.detail
    finally:
        holder.wait(timeout=30)
    with Store(db) as store:
        assert sorted(d["doc_id"] for d in store.documents()) == sorted(TOPICS[:2])
        assert store.integrity() == "ok"
        assert run([second], store, SerialExecutor()).stored == len(TOPICS) - 2


def test_a_full_disk_is_e020_and_the_stored_documents_stay(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        run([_docs(tmp_path / "first", TOPICS[:2])], store, SerialExecutor())
    with Store(db) as store:
        # SQLite's own size cap fails writes exactly as a full disk does (SQLITE_FULL).
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        big = _docs(tmp_path / "second", TOPICS[2:], "Beredning pågår. " * 2000)
        with pytest.raises(LofteError) as err:
            run([big], store, SerialExecutor())
        assert err.value.code == "E020" and "full" in err.value.detail
    with Store(db) as store:
        assert sorted(d["doc_id"] for d in store.documents()) == sorted(TOPICS[:2])
        assert store.integrity() == "ok"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
