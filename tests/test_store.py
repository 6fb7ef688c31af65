"""The SQLite store: WAL, per-document transactions, and no damage when a write fails."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import LofteError
from pipeline.store.core import Store

ROWS: dict[str, Any] = {
    "document": {
        "doc_id": "d1",
        "sha256": "aa",
        "source": "/x/d1.txt",
        "doc_type": "motion",
        "date": "2024-01-01",
        "title": "T",
        "pages": 1,
        "extraction": "text",
    },
    "commitments": [],
}


def test_wal_and_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        s.save("/x/d1.txt", "d1", "aa", {"ingest": "v1"}, {"ingest": {"pages": []}}, rows=ROWS)
        assert s.artifacts("aa", {"ingest": "v1"}) == {"ingest": {"pages": []}}
        assert s.artifacts("aa", {"ingest": "v2"}) == {}  # stale versions are not reused
        assert [r["doc_id"] for r in s.documents()] == ["d1"]
        assert s.integrity() == "ok"


def test_failed_write_leaves_earlier_documents_intact(tmp_path: Path) -> None:
    """Fault injection: a row that violates the schema aborts only its own transaction."""
    with Store(tmp_path / "s.db") as s:
        s.save("/x/d1.txt", "d1", "aa", {"ingest": "v1"}, {"ingest": {}}, rows=ROWS)
        bad = {"document": dict(ROWS["document"], doc_id="d2", sha256=None), "commitments": []}
        with pytest.raises(LofteError) as err:
            s.save("/x/d2.txt", "d2", "bb", {"ingest": "v1"}, {"ingest": {}}, rows=bad)
        assert err.value.code == "E020"
        assert [r["doc_id"] for r in s.documents()] == ["d1"]
        assert s.source("/x/d2.txt") is None
        assert s.artifacts("bb", {"ingest": "v1"}) == {}


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    Store(tmp_path / "s.db").close()
    with Store(tmp_path / "s.db", readonly=True) as s, pytest.raises(sqlite3.OperationalError):
        s.conn.execute("INSERT INTO meta VALUES('x','y')")


def test_missing_store_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(LofteError) as err:
        Store(tmp_path / "nope" / "s.db")
    assert err.value.code == "E020"


def test_doc_id_is_stem_unless_taken_by_other_content(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        s.save("/a/x.txt", "x", "aa", {}, {}, rows=None)
        assert s.doc_id_for("/a/x.txt", "x", "cc") == "x"  # same path, edited file
        assert s.doc_id_for("/b/x.txt", "x", "bb") == "x-bb"
