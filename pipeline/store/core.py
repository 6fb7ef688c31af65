"""The embedded store: one SQLite file in WAL mode, one transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.errors import LofteError
from pipeline.store.docids import safe_doc_id
from pipeline.store.measure_rows import write_keys, write_measures
from pipeline.store.schema import DDL, DERIVED, SCHEMA_VERSION, add_columns, is_stale

# Seconds a write waits for another writer (a second `lofte ingest`) to finish its
# transaction before it fails with E020.
BUSY_TIMEOUT = 30.0
_HAS_MEASURES = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='measures'"

# Stay well under SQLite's bound-parameter limit.
_SQL_VARS = 500


def id_chunks(ids: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    """Ids in chunks SQLite can bind, each with its "?,?,…" placeholder list."""
    for i in range(0, len(ids), _SQL_VARS):
        chunk = list(ids[i : i + _SQL_VARS])
        yield chunk, ",".join("?" * len(chunk))


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
                self.conn = self._open_readonly()
                if not self.conn.execute(_HAS_MEASURES).fetchone():
                    # An empty file, or another program's database: nothing to read here.
                    self.conn.close()
                    raise LofteError("E020", "not a Löftesgrafen store (empty?)", self.path)
                if is_stale(self.conn):
                    # Reading never writes: upgrading is left to a command that writes anyway.
                    self.conn.close()
                    raise LofteError("E022", f"schema is not {SCHEMA_VERSION}", self.path)
            else:
                self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                stale = is_stale(self.conn)
                if stale:
                    self.conn.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in DERIVED))
                self.conn.executescript(DDL)
                add_columns(self.conn)
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES('schema_version', ?)", (SCHEMA_VERSION,)
                )
                self.conn.commit()
            self.conn.row_factory = sqlite3.Row
        except sqlite3.Error as exc:
            raise LofteError("E020", str(exc), self.path) from exc
        if not readonly and stale and self.conn.execute("SELECT 1 FROM commitments").fetchone():
            # Linking is not the store's job: the next ingest or `lofte link` relinks.
            self.mark_measures_stale()

    def _open_readonly(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)

    def map_memory(self, size: int = 1 << 30) -> None:
        """Map up to ``size`` bytes of the file: fresh pages come from the OS cache, uncopied."""
        self.conn.execute(f"PRAGMA mmap_size = {int(size)}")

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
        """The doc id for a path: its stem made safe, disambiguated if another file holds it."""
        stem = safe_doc_id(stem)
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
        if c.execute("DELETE FROM commitments WHERE doc_id=?", (doc_id,)).rowcount:
            # Linked statements changed or vanished: only a whole relink is right again.
            c.execute("INSERT OR REPLACE INTO meta VALUES('measures_dirty', '1')")

    @staticmethod
    def _insert_rows(c: sqlite3.Connection, rows: dict[str, Any]) -> None:
        # Source metadata is optional: rows from before the sidecar carry none of it.
        d = {
            **dict.fromkeys(("municipality", "url", "year", "body", "name")),
            **rows["document"],
        }
        c.execute(
            "INSERT INTO documents(doc_id,sha256,source,doc_type,date,title,pages,extraction,"
            "municipality,url,year,body,name) VALUES(:doc_id,:sha256,:source,:doc_type,:date,"
            ":title,:pages,:extraction,:municipality,:url,:year,:body,:name)",
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

    def meta(self, key: str) -> str | None:
        """A value from the store's own key-value table."""
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Record a value in the store's own key-value table."""
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (key, value))

    def mark_measures_stale(self) -> None:
        """Record that documents were stored without relinking measures (``lofte link``)."""
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta VALUES('measures_stale', '1')")

    def measures_stale(self) -> bool:
        """Whether the measures lag behind the stored commitments until the next link."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='measures_stale'").fetchone()
        return row is not None and row[0] == "1"

    def replace_measures(
        self,
        measures: list[dict[str, Any]],
        members: list[tuple[Any, ...]],
        keys: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Swap in a freshly computed set of measures (and blocking keys) in one transaction."""
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta VALUES('measures_stale', '0')")
            c.execute("INSERT OR REPLACE INTO meta VALUES('measures_dirty', '0')")
            for table in ("measures", "measure_members", "measure_words", "vocab", "link_keys"):
                c.execute(f"DELETE FROM {table}")
            write_measures(c, measures, members, first_rowid=1)
            write_keys(c, keys)
