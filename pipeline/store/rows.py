"""Corpus-wide reads for linking and the graph: the rows those stages work on, as plain tuples."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from pipeline.store.core import Store


def commitment_spans(store: Store) -> list[tuple[str, str, int, int]]:
    """(commitment id, doc id, char start, char end) of every stored commitment."""
    return [
        (cid, doc_id, start or 0, end or 0)
        for cid, doc_id, start, end in store.conn.execute(
            "SELECT id, doc_id, char_start, char_end FROM commitments"
        )
    ]


def document_actors(store: Store) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(doc id, title, actors of its extract artifact) for every stored document."""
    rows = store.conn.execute(
        "SELECT d.doc_id, d.title, a.data FROM documents d JOIN artifacts a "
        "ON a.sha256 = d.sha256 AND a.stage = 'extract'"
    )
    return [
        (doc_id, title or "", json.loads(data).get("actors", [])) for doc_id, title, data in rows
    ]


def document_municipalities(store: Store) -> dict[str, str]:
    """doc id -> municipality, for the documents a source list names one for."""
    return {
        doc_id: muni
        for doc_id, muni in store.conn.execute(
            "SELECT doc_id, municipality FROM documents WHERE municipality IS NOT NULL"
        )
    }


def document_years(store: Store) -> dict[str, int]:
    """doc id -> year, for undated documents whose source list gives a year."""
    return {
        doc_id: int(year)
        for doc_id, year in store.conn.execute(
            "SELECT doc_id, year FROM documents WHERE date IS NULL AND year IS NOT NULL"
        )
    }


def document_structures(store: Store, lead_chars: int) -> list[tuple[str, dict[str, Any], str]]:
    """(doc id, structure artifact, first ``lead_chars`` of its text) per document, by id."""
    rows = store.conn.execute(
        "SELECT d.doc_id, s.data AS st, "
        "substr(json_extract(n.data, '$.text'), 1, ?) AS lead "
        "FROM documents d JOIN artifacts s ON s.sha256 = d.sha256 AND s.stage = 'structure' "
        "LEFT JOIN artifacts n ON n.sha256 = d.sha256 AND n.stage = 'normalise' "
        "ORDER BY d.doc_id",
        (lead_chars,),
    ).fetchall()
    return [(r["doc_id"], json.loads(r["st"]), r["lead"] or "") for r in rows]


def graph_fragments(store: Store) -> list[dict[str, Any]]:
    """The stored graph fragment of every document, in doc-id order."""
    rows = store.conn.execute(
        "SELECT d.doc_id, a.data FROM documents d JOIN artifacts a "
        "ON a.sha256 = d.sha256 AND a.stage = 'graph' ORDER BY d.doc_id"
    ).fetchall()
    return [json.loads(row["data"]) for row in rows]


def commitment_dates(store: Store) -> dict[str, str | None]:
    """The document date of every stored commitment, by commitment id."""
    return dict(store.conn.execute("SELECT id, doc_date FROM commitments").fetchall())


def measure_rows(store: Store) -> list[sqlite3.Row]:
    """Every linked measure, by id."""
    return store.conn.execute("SELECT * FROM measures ORDER BY id").fetchall()


def member_rows(store: Store) -> list[tuple[str, str, str, float | None]]:
    """(commitment id, measure id, reason, score) for every statement of a measure."""
    return [
        tuple(r)
        for r in store.conn.execute(
            "SELECT commitment_id, measure_id, reason, score FROM measure_members "
            "ORDER BY commitment_id"
        )
    ]


def has_measures(store: Store) -> bool:
    """Whether any measure has been linked yet."""
    return store.conn.execute("SELECT 1 FROM measures LIMIT 1").fetchone() is not None
