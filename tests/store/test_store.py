"""The SQLite store: WAL, per-document transactions, and no damage when a write fails."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import LofteError
from pipeline.run import relink
from pipeline.store import rows
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


def _older_store(path: Path) -> None:
    """A store with one linked measure whose schema version is from an earlier release."""
    with Store(path) as s:
        s.replace_measures(
            [
                {
                    "id": "measure:a",
                    "label": "a",
                    "status": "pledged",
                    "due": None,
                    "first_seen": None,
                    "last_seen": None,
                    "statements": 1,
                    "responsible": None,
                    "search": "a",
                }
            ],
            [],
        )
        with s.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta VALUES('schema_version', '1')")


def test_readonly_open_of_an_older_store_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _older_store(path)
    before = path.read_bytes()
    with pytest.raises(LofteError) as err:
        Store(path, readonly=True)
    assert err.value.code == "E022" and "old.db" in err.value.one_line()
    assert path.read_bytes() == before


def test_writable_open_upgrades_and_leaves_linking_to_the_runner(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    commitment = {
        "id": "d1#1",
        "doc_id": "d1",
        "n": 1,
        "sentence": "En handlingsplan ska tas fram.",
        "measure": "handlingsplan",
        "measure_key": "handlingsplan",
        "lemmas": "handlingsplan",
        "responsible": None,
        "status": "pledged",
        "deadline_text": None,
        "deadline_start": None,
        "deadline_end": None,
        "page": 1,
        "char_start": 0,
        "char_end": 30,
        "doc_date": "2024-01-01",
        "doc_type": "motion",
    }
    with Store(path) as s:
        s.save("/x/d1.txt", "d1", "aa", {}, {}, rows={**ROWS, "commitments": [commitment]})
    _older_store(path)
    with Store(path) as s:
        # The derived tables are rebuilt empty and flagged: the store itself never links.
        assert s.conn.execute("SELECT count(*) FROM measures").fetchone()[0] == 0
        assert s.measures_stale()
        assert relink.needed(s, processed=0)
        assert relink.rebuild(s) == 1
        assert not s.measures_stale()
    with Store(path, readonly=True) as s:
        assert [r["label"] for r in rows.measure_rows(s)] == ["handlingsplan"]
