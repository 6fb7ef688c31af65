"""What linking a new batch reads from the measures already stored, and how it writes back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pipeline.store.core import Store, id_chunks
from pipeline.store.measure_rows import drop_measures, write_keys, write_measures


def dirty(store: Store) -> bool:
    """Whether a stored document was replaced since the last whole relink."""
    return store.meta("measures_dirty") == "1"


def unlinked(store: Store) -> list[dict[str, Any]]:
    """Commitments that belong to no measure yet (a new batch), in document-date order."""
    return [
        dict(r)
        for r in store.conn.execute(
            "SELECT c.* FROM commitments c LEFT JOIN measure_members m "
            "ON m.commitment_id = c.id WHERE m.commitment_id IS NULL "
            "ORDER BY c.doc_date, c.doc_id, c.n"
        )
    ]


def key_counts(store: Store, keys: Sequence[str]) -> dict[str, int]:
    """How many stored commitments carry each blocking key."""
    out: dict[str, int] = {}
    for part, marks in id_chunks(list(keys)):
        q = f"SELECT key, count(*) FROM link_keys WHERE key IN ({marks}) GROUP BY key"
        out.update(store.conn.execute(q, part).fetchall())
    return out


def holders(store: Store, keys: Sequence[str]) -> set[str]:
    """Ids of stored commitments that carry any of ``keys``."""
    out: set[str] = set()
    for part, marks in id_chunks(list(keys)):
        q = f"SELECT commitment_id FROM link_keys WHERE key IN ({marks})"
        out.update(cid for (cid,) in store.conn.execute(q, part))
    return out


def linked_rows(store: Store, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Stored commitments with their measure id, reason and score."""
    out: list[dict[str, Any]] = []
    for part, marks in id_chunks(sorted(ids)):
        q = (
            "SELECT c.*, m.measure_id, m.reason, m.score FROM commitments c "
            f"JOIN measure_members m ON m.commitment_id = c.id WHERE c.id IN ({marks})"
        )
        out.extend(dict(r) for r in store.conn.execute(q, part))
    return out


def members_of(store: Store, measure_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Every stored member of these measures, as commitment rows with measure id and reason."""
    out: list[dict[str, Any]] = []
    for part, marks in id_chunks(sorted(measure_ids)):
        q = (
            "SELECT c.*, m.measure_id, m.reason, m.score FROM measure_members m "
            f"JOIN commitments c ON c.id = m.commitment_id WHERE m.measure_id IN ({marks})"
        )
        out.extend(dict(r) for r in store.conn.execute(q, part))
    return out


def measure_docs(store: Store, measure_ids: Iterable[str]) -> dict[str, set[str]]:
    """The documents each measure already has a statement from."""
    out: dict[str, set[str]] = {}
    for part, marks in id_chunks(sorted(measure_ids)):
        q = f"SELECT id, sources FROM measures WHERE id IN ({marks})"
        for mid, sources in store.conn.execute(q, part):
            out[mid] = set(filter(None, (sources or "").split(",")))
    return out


def measure_ids(store: Store) -> set[str]:
    """Every stored measure id (a new measure's id must not collide with one)."""
    return {mid for (mid,) in store.conn.execute("SELECT id FROM measures")}


def upsert(
    store: Store,
    measures: list[dict[str, Any]],
    members: list[tuple[Any, ...]],
    drop: Sequence[str],
    keys: Iterable[tuple[str, str]],
) -> None:
    """Replace the touched measures (and drop merged ones) in one transaction."""
    with store.transaction() as c:
        rowids = drop_measures(c, sorted({*drop, *(m["id"] for m in measures)}))
        top = c.execute("SELECT coalesce(max(rowid), 0) FROM measures").fetchone()[0]
        first = max([top, *rowids.values()]) + 1
        write_measures(c, measures, members, first_rowid=first, rowids=rowids)
        write_keys(c, keys)
        c.execute("INSERT OR REPLACE INTO meta VALUES('measures_stale', '0')")
