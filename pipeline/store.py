"""The embedded store: one SQLite file in WAL mode, one transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.errors import LofteError
from pipeline.slugs import fold

SCHEMA_VERSION = "1"

_DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(
  path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, doc_id TEXT NOT NULL, state TEXT NOT NULL,
  error_code TEXT, error TEXT, updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS artifacts(
  sha256 TEXT NOT NULL, stage TEXT NOT NULL, version TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY(sha256, stage));
CREATE TABLE IF NOT EXISTS documents(
  doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL, doc_type TEXT,
  date TEXT, title TEXT, pages INTEGER, extraction TEXT);
CREATE TABLE IF NOT EXISTS commitments(
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, n INTEGER NOT NULL, sentence TEXT NOT NULL,
  measure TEXT, measure_key TEXT, lemmas TEXT, responsible TEXT, status TEXT NOT NULL,
  deadline_text TEXT, deadline_start TEXT, deadline_end TEXT, page INTEGER,
  char_start INTEGER, char_end INTEGER, doc_date TEXT, doc_type TEXT);
CREATE INDEX IF NOT EXISTS commitments_doc ON commitments(doc_id);
CREATE TABLE IF NOT EXISTS measures(
  id TEXT PRIMARY KEY, label TEXT NOT NULL, status TEXT NOT NULL, due TEXT,
  first_seen TEXT, last_seen TEXT, statements INTEGER NOT NULL, responsible TEXT,
  search TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS measure_members(
  commitment_id TEXT PRIMARY KEY, measure_id TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS members_measure ON measure_members(measure_id);
"""


@dataclass
class SourceState:
    """What the store knows about one source path."""

    path: str
    sha256: str
    doc_id: str
    state: str
    error_code: str | None


class Store:
    """A SQLite-backed store of per-document artifacts and the tables queries read."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        try:
            if readonly:
                uri = f"file:{self.path}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=30)
            else:
                self.conn = sqlite3.connect(self.path, timeout=30)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.executescript(_DDL)
                self.conn.execute(
                    "INSERT OR IGNORE INTO meta VALUES('schema_version', ?)", (SCHEMA_VERSION,)
                )
                self.conn.commit()
            self.conn.row_factory = sqlite3.Row
        except sqlite3.Error as exc:
            raise LofteError("E020", str(exc), self.path) from exc

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: a failure inside leaves the store as it was."""
        try:
            with self.conn:
                yield self.conn
        except sqlite3.Error as exc:
            raise LofteError("E020", str(exc), self.path) from exc

    # -- sources and artifacts -------------------------------------------------

    def source(self, path: str) -> SourceState | None:
        """The stored state of a source path, if any."""
        row = self.conn.execute("SELECT * FROM sources WHERE path=?", (path,)).fetchone()
        if row is None:
            return None
        return SourceState(
            row["path"], row["sha256"], row["doc_id"], row["state"], row["error_code"]
        )

    def artifacts(self, sha256: str, versions: dict[str, str]) -> dict[str, Any]:
        """Stored artifacts for a document whose stage versions still match."""
        out: dict[str, Any] = {}
        rows = self.conn.execute(
            "SELECT stage, version, data FROM artifacts WHERE sha256=?", (sha256,)
        )
        for row in rows:
            if versions.get(row["stage"]) == row["version"]:
                out[row["stage"]] = json.loads(row["data"])
        return out

    def doc_id_for(self, path: str, stem: str, sha256: str) -> str:
        """The doc id for a path: its stem, disambiguated if another file holds that stem."""
        row = self.conn.execute(
            "SELECT 1 FROM sources WHERE doc_id=? AND path<>? AND sha256<>?", (stem, path, sha256)
        ).fetchone()
        if row is None:
            return stem
        return f"{stem}-{sha256[:8]}"

    def save(
        self,
        path: str,
        doc_id: str,
        sha256: str,
        versions: dict[str, str],
        artifacts: dict[str, Any],
        *,
        error_code: str | None = None,
        error: str | None = None,
        rows: dict[str, Any] | None = None,
    ) -> None:
        """Store one document's outcome in a single transaction."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction() as c:
            for stage, data in artifacts.items():
                c.execute(
                    "INSERT OR REPLACE INTO artifacts VALUES(?,?,?,?)",
                    (sha256, stage, versions[stage], json.dumps(data, ensure_ascii=False)),
                )
            old = c.execute("SELECT doc_id FROM sources WHERE path=?", (path,)).fetchone()
            if old is not None and rows is not None:
                self._drop_doc(c, old[0])
            c.execute(
                "INSERT OR REPLACE INTO sources VALUES(?,?,?,?,?,?,?)",
                (path, sha256, doc_id, "error" if error_code else "done", error_code, error, now),
            )
            if rows is not None:
                self._drop_doc(c, doc_id)
                self._insert_rows(c, rows)

    @staticmethod
    def _drop_doc(c: sqlite3.Connection, doc_id: str) -> None:
        c.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
        c.execute("DELETE FROM commitments WHERE doc_id=?", (doc_id,))

    @staticmethod
    def _insert_rows(c: sqlite3.Connection, rows: dict[str, Any]) -> None:
        d = rows["document"]
        c.execute(
            "INSERT INTO documents VALUES(:doc_id,:sha256,:source,:doc_type,:date,:title,"
            ":pages,:extraction)",
            d,
        )
        c.executemany(
            "INSERT INTO commitments VALUES(:id,:doc_id,:n,:sentence,:measure,:measure_key,"
            ":lemmas,:responsible,:status,:deadline_text,:deadline_start,:deadline_end,:page,"
            ":char_start,:char_end,:doc_date,:doc_type)",
            rows["commitments"],
        )

    # -- reads -------------------------------------------------------------------

    def documents(self) -> list[sqlite3.Row]:
        """Every stored document row."""
        return self.conn.execute("SELECT * FROM documents ORDER BY date, doc_id").fetchall()

    def commitments(self) -> list[sqlite3.Row]:
        """Every stored commitment row, in document-date order."""
        return self.conn.execute(
            "SELECT * FROM commitments ORDER BY doc_date, doc_id, n"
        ).fetchall()

    def artifact(self, sha256: str, stage: str) -> Any:
        """One stored artifact regardless of version (for display)."""
        row = self.conn.execute(
            "SELECT data FROM artifacts WHERE sha256=? AND stage=?", (sha256, stage)
        ).fetchone()
        return json.loads(row["data"]) if row else None

    def failed(self) -> list[sqlite3.Row]:
        """Sources whose last run ended in an error."""
        return self.conn.execute(
            "SELECT * FROM sources WHERE state='error' ORDER BY path"
        ).fetchall()

    def integrity(self) -> str:
        """SQLite's own integrity check ('ok' when healthy)."""
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def replace_measures(
        self, measures: list[dict[str, Any]], members: list[tuple[str, str, str]]
    ) -> None:
        """Swap in a freshly computed set of measures in one transaction."""
        with self.transaction() as c:
            c.execute("DELETE FROM measures")
            c.execute("DELETE FROM measure_members")
            for m in measures:
                m = dict(m, search=fold(m["search"]))
                c.execute(
                    "INSERT INTO measures VALUES(:id,:label,:status,:due,:first_seen,:last_seen,"
                    ":statements,:responsible,:search)",
                    m,
                )
            c.executemany("INSERT INTO measure_members VALUES(?,?,?)", members)
