"""Reads the web page and notebooks make of documents, commitments and their links."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.store.core import Store, id_chunks


def counts(store: Store) -> dict[str, int]:
    """How many documents, commitments and measures the store holds."""
    one = store.conn.execute
    return {
        t: int(one(f"SELECT count(*) FROM {t}").fetchone()[0])
        for t in ("documents", "commitments", "measures")
    }


def graph_fragment(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's stored graph fragment, or None."""
    row = store.conn.execute(
        "SELECT a.data FROM documents d JOIN artifacts a ON a.sha256 = d.sha256 "
        "AND a.stage = 'graph' WHERE d.doc_id = ?",
        (doc_id,),
    ).fetchone()
    return json.loads(row["data"]) if row is not None else None


def author_parties(store: Store) -> dict[str, str]:
    """doc_id -> the party of its first author whose party any document gives.

    A person's party is read from every stored graph fragment, so an author named without
    a party in one document ("Alexander Ojanne") gets the one another gives ("(S)").
    """
    party: dict[str, str] = {}
    authors: dict[str, list[str]] = {}
    rows = store.conn.execute(
        "SELECT d.doc_id, a.data FROM documents d JOIN artifacts a ON a.sha256 = d.sha256 "
        "AND a.stage = 'graph'"
    )
    for doc_id, data in rows:
        frag = json.loads(data)
        for node, attrs in frag.get("nodes", []):
            if attrs.get("party"):
                party.setdefault(node, str(attrs["party"]))
        authors[doc_id] = [v for u, v, kind, *_ in frag.get("edges", []) if kind == "authored_by"]
    out = {}
    for doc_id, ids in authors.items():
        known = [party[a] for a in ids if a in party]
        if known:
            out[doc_id] = known[0]
    return out


def structures_and_actors(store: Store) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(doc id, structure artifact, extract artifact) of every document ({} where missing)."""
    rows = store.conn.execute(
        "SELECT d.doc_id, s.data AS st, e.data AS ex FROM documents d "
        "LEFT JOIN artifacts s ON s.sha256 = d.sha256 AND s.stage = 'structure' "
        "LEFT JOIN artifacts e ON e.sha256 = d.sha256 AND e.stage = 'extract'"
    )
    for r in rows:
        yield (
            r["doc_id"],
            json.loads(r["st"]) if r["st"] else {},
            json.loads(r["ex"]) if r["ex"] else {},
        )


def document_page(store: Store, limit: int, offset: int) -> tuple[list[sqlite3.Row], int]:
    """A page of documents with their commitment counts, newest first, and the total."""
    rows = store.conn.execute(
        "SELECT d.*, COALESCE(d.name, d.title) AS shown, "
        "(SELECT count(*) FROM commitments c WHERE c.doc_id = d.doc_id) AS n "
        "FROM documents d ORDER BY d.date IS NULL, d.date DESC, d.doc_id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return rows, counts(store)["documents"]


def document_row(store: Store, doc_id: str) -> sqlite3.Row | None:
    """One document's row."""
    row: sqlite3.Row | None = store.conn.execute(
        "SELECT *, COALESCE(name, title) AS shown FROM documents WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    return row


def document_meta(store: Store, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Title, date, type, municipality and page count of each of these stored documents."""
    out = {}
    for chunk, marks in id_chunks(list(dict.fromkeys(doc_ids))):
        sql = (
            "SELECT doc_id, COALESCE(name, title) AS title, date, doc_type, municipality, pages "
            "FROM documents "
            f"WHERE doc_id IN ({marks})"
        )
        for row in store.conn.execute(sql, chunk):
            out[row["doc_id"]] = {
                **dict(row),
                "municipality": known_municipality(row["municipality"]),
            }
    return out


def known_municipality(value: str | None) -> str | None:
    """A source list's municipality, or None for a blank or "unknown (not named in text)"."""
    return value if value and not str(value).startswith("unknown") else None


def municipalities(store: Store) -> dict[str, str]:
    """doc_id -> the municipality its source list names, for documents that have one."""
    rows = store.conn.execute("SELECT doc_id, municipality FROM documents")
    return {d: m for d, m in rows if known_municipality(m)}


def latest_dates(store: Store, places: Sequence[str]) -> dict[str, str]:
    """municipality -> the date of its newest stored document, for these municipalities."""
    out: dict[str, str] = {}
    for chunk, marks in id_chunks(list(dict.fromkeys(places))):
        sql = (
            "SELECT municipality, MAX(date) FROM documents "
            f"WHERE municipality IN ({marks}) AND date IS NOT NULL GROUP BY municipality"
        )
        out.update({m: d for m, d in store.conn.execute(sql, chunk) if d})
    return out


def document_commitments(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A document's commitments in order, each with the measure it was linked to."""
    rows = store.conn.execute(
        "SELECT c.*, m.measure_id FROM commitments c "
        "LEFT JOIN measure_members m ON m.commitment_id = c.id WHERE c.doc_id = ? ORDER BY c.n",
        (doc_id,),
    ).fetchall()
    return [dict(r) for r in rows]


def fragments_naming(store: Store, node_id: str) -> list[sqlite3.Row]:
    """Documents (id, title, date, type, municipality, fragment JSON) whose fragment names a node."""
    # A substring scan over the stored fragments: fine for a council's corpus, and it needs
    # no index that would have to be kept in step with the artifacts.
    return store.conn.execute(
        "SELECT d.doc_id, d.sha256, COALESCE(d.name, d.title) AS title, d.title AS printed, "
        "d.date, d.doc_type, d.municipality, a.data "
        "FROM documents d JOIN artifacts a "
        "ON a.sha256 = d.sha256 AND a.stage = 'graph' WHERE instr(a.data, ?) > 0 "
        "ORDER BY d.date, d.doc_id",
        (json.dumps(node_id),),
    ).fetchall()


def commitment_with_measure(store: Store, commitment_id: str) -> dict[str, Any] | None:
    """One commitment row with its measure's id and label and its document's title and place."""
    row = store.conn.execute(
        "SELECT c.*, m.measure_id, ms.label AS measure_label, "
        "COALESCE(d.name, d.title) AS doc_title, "
        "d.municipality AS municipality, d.year AS doc_year, d.pages AS doc_pages "
        "FROM commitments c "
        "LEFT JOIN documents d ON d.doc_id = c.doc_id "
        "LEFT JOIN measure_members m ON m.commitment_id = c.id "
        "LEFT JOIN measures ms ON ms.id = m.measure_id WHERE c.id = ?",
        (commitment_id,),
    ).fetchone()
    return dict(row) if row is not None else None


def measures_in_documents(store: Store, doc_ids: Sequence[str]) -> set[str]:
    """Ids of the measures stated in any of these documents."""
    out: set[str] = set()
    for chunk, marks in id_chunks(doc_ids):
        rows = store.conn.execute(
            "SELECT DISTINCT m.measure_id FROM measure_members m JOIN commitments c "
            f"ON c.id = m.commitment_id WHERE c.doc_id IN ({marks})",
            chunk,
        )
        out.update(r[0] for r in rows)
    return out


def measure_links(store: Store) -> list[sqlite3.Row]:
    """Every measure membership with its measure's label (one row per linked commitment)."""
    return store.conn.execute(
        "SELECT mm.*, m.label FROM measure_members mm LEFT JOIN measures m ON m.id = mm.measure_id"
    ).fetchall()
