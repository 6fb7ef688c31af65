"""Document and actor reads for the web page, from the store's rows and stored artifacts."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipeline.lang.slugs import fold, sort_key
from pipeline.store.core import Store

# Organisations named like these are councils and districts, the units politicians filter by.
_ORGAN_WORDS = ("namnd", "stadsdel", "kommunstyrelse", "fullmaktige", "forvaltning")


def fragment(store: Store, doc_id: str) -> dict[str, Any]:
    """A document's graph fragment as {'nodes': {id: attrs}, 'edges': [...]} (empty if none)."""
    row = store.conn.execute(
        "SELECT a.data FROM documents d JOIN artifacts a ON a.sha256 = d.sha256 "
        "AND a.stage = 'graph' WHERE d.doc_id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return {"nodes": {}, "edges": []}
    frag = json.loads(row["data"])
    return {"nodes": {n: a for n, a in frag.get("nodes", [])}, "edges": frag.get("edges", [])}


def responsible_actors(store: Store, doc_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Commitment id -> (actor id, name) of whoever the commitment names as responsible."""
    out = {}
    for doc_id in doc_ids:
        frag = fragment(store, doc_id)
        for u, v, kind, *_ in frag["edges"]:
            if kind == "responsible":
                out[u] = (v, str(frag["nodes"].get(v, {}).get("name", v)))
    return out


def authors(store: Store, doc_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """doc_id -> (actor id, name) of each author the document names."""
    out: dict[str, list[tuple[str, str]]] = {}
    for doc_id in doc_ids:
        frag = fragment(store, doc_id)
        out[doc_id] = [
            (v, str(frag["nodes"].get(v, {}).get("name", v)))
            for u, v, kind, *_ in frag["edges"]
            if kind == "authored_by" and u == f"doc:{doc_id}"
        ]
    return out


def organ_index(store: Store) -> dict[str, list[str]]:
    """doc_id -> the stadsdelar and nämnder it is from, to or about."""
    out: dict[str, list[str]] = {}
    rows = store.conn.execute(
        "SELECT d.doc_id, s.data AS st, e.data AS ex FROM documents d "
        "LEFT JOIN artifacts s ON s.sha256 = d.sha256 AND s.stage = 'structure' "
        "LEFT JOIN artifacts e ON e.sha256 = d.sha256 AND e.stage = 'extract'"
    )
    for r in rows:
        st = json.loads(r["st"]) if r["st"] else {}
        ex = json.loads(r["ex"]) if r["ex"] else {}
        names: dict[str, str] = {}
        for a in st.get("recipients", []) + st.get("authors", []) + ex.get("actors", []):
            name = " ".join(str(a.get("name", "")).split())
            low = fold(name)
            if a.get("kind") == "place" or (
                a.get("kind") == "organisation" and any(w in low for w in _ORGAN_WORDS)
            ):
                names.setdefault(low, name[:1].upper() + name[1:])
        out[r["doc_id"]] = sorted(names.values(), key=sort_key)
    return out


def documents(store: Store, limit: int, offset: int) -> tuple[list[sqlite3.Row], int]:
    """A page of documents with their commitment counts, newest first, and the total."""
    rows = store.conn.execute(
        "SELECT d.*, (SELECT count(*) FROM commitments c WHERE c.doc_id = d.doc_id) AS n "
        "FROM documents d ORDER BY d.date IS NULL, d.date DESC, d.doc_id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return rows, int(store.conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def document_view(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's row, normalised text, structure, commitments and linked actors."""
    doc = store.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if doc is None:
        return None
    norm = store.artifact(doc["sha256"], "normalise") or {}
    st = store.artifact(doc["sha256"], "structure") or {}
    rows = store.conn.execute(
        "SELECT c.*, m.measure_id FROM commitments c "
        "LEFT JOIN measure_members m ON m.commitment_id = c.id WHERE c.doc_id = ? ORDER BY c.n",
        (doc_id,),
    ).fetchall()
    frag = fragment(store, doc_id)
    did = f"doc:{doc_id}"
    roles: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for u, v, kind, *_ in frag["edges"]:
        if u == did and kind in ("authored_by", "addressed_to", "mentions"):
            name = frag["nodes"].get(v, {}).get("name", v)
            if (v, name) not in roles[kind]:
                roles[kind].append((v, name))
    for kind in roles:
        roles[kind].sort(key=lambda a: sort_key(a[1]))
    return {
        "doc": dict(doc),
        "source_name": Path(doc["source"]).name,
        "text": norm.get("text", ""),
        "structure": st,
        "commitments": [dict(r) for r in rows],
        "actors": dict(roles),
    }


def actor_view(store: Store, actor_id: str) -> dict[str, Any] | None:
    """An actor's merged attributes, the commitments they are responsible for and their documents."""
    rows = store.conn.execute(
        "SELECT d.doc_id, d.title, d.date, d.doc_type, a.data FROM documents d JOIN artifacts a "
        "ON a.sha256 = d.sha256 AND a.stage = 'graph' WHERE instr(a.data, ?) > 0 "
        "ORDER BY d.date, d.doc_id",
        (json.dumps(actor_id),),
    ).fetchall()
    attrs: dict[str, Any] = {}
    commitment_ids: list[str] = []
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        frag = json.loads(r["data"])
        nodes = {n: a for n, a in frag.get("nodes", [])}
        if actor_id not in nodes:
            continue
        a = nodes[actor_id]
        if not attrs:
            attrs = dict(a)
        attrs["roles"] = sorted(set(attrs.get("roles", [])) | set(a.get("roles", [])))
        attrs["aliases"] = sorted(set(attrs.get("aliases", [])) | set(a.get("aliases", [])))
        attrs["party"] = attrs.get("party") or a.get("party")
        doc = {"doc_id": r["doc_id"], "title": r["title"], "date": r["date"], "type": r["doc_type"]}
        for u, v, kind, *_ in frag.get("edges", []):
            if v != actor_id:
                continue
            if kind == "responsible":
                commitment_ids.append(u)
            elif kind in ("authored_by", "addressed_to", "mentions") and doc not in docs[kind]:
                docs[kind].append(doc)
    if not attrs:
        return None
    return {
        "id": actor_id,
        "attrs": attrs,
        "commitments": _commitments(store, commitment_ids),
        "documents": dict(docs),
    }


def _commitments(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for cid in ids:
        row = store.conn.execute(
            "SELECT c.*, m.measure_id, ms.label AS measure_label FROM commitments c "
            "LEFT JOIN measure_members m ON m.commitment_id = c.id "
            "LEFT JOIN measures ms ON ms.id = m.measure_id WHERE c.id = ?",
            (cid,),
        ).fetchone()
        if row is not None:
            out.append(dict(row))
    out.sort(key=lambda c: (c["doc_date"] or "", c["doc_id"], c["n"]))
    return out
