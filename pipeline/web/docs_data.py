"""Document and actor reads for the web page, from the store's rows and stored artifacts."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipeline.lang.slugs import sort_key
from pipeline.store import documents as documents_sql
from pipeline.store.core import Store


def fragment(store: Store, doc_id: str) -> dict[str, Any]:
    """A document's graph fragment as {'nodes': {id: attrs}, 'edges': [...]} (empty if none)."""
    frag = documents_sql.graph_fragment(store, doc_id)
    if frag is None:
        return {"nodes": {}, "edges": []}
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


def documents(store: Store, limit: int, offset: int) -> tuple[list[sqlite3.Row], int]:
    """A page of documents with their commitment counts, newest first, and the total."""
    return documents_sql.document_page(store, limit, offset)


def document_view(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's row, normalised text, structure, commitments and linked actors."""
    doc = documents_sql.document_row(store, doc_id)
    if doc is None:
        return None
    norm = store.artifact(doc["sha256"], "normalise") or {}
    st = store.artifact(doc["sha256"], "structure") or {}
    rows = documents_sql.document_commitments(store, doc_id)
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
        # A store ingested before the source list's "unknown" was read as none still holds it.
        "doc": {**dict(doc), "municipality": documents_sql.known_municipality(doc["municipality"])},
        "source_name": Path(doc["source"]).name,
        "text": norm.get("text", ""),
        "structure": st,
        "commitments": rows,
        "actors": dict(roles),
    }


def actor_view(store: Store, actor_id: str) -> dict[str, Any] | None:
    """An actor's merged attributes, the commitments they are responsible for and their documents."""
    rows = documents_sql.fragments_naming(store, actor_id)
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
        row = documents_sql.commitment_with_measure(store, cid)
        if row is not None:
            out.append(row)
    out.sort(key=lambda c: (c["doc_date"] or "", c["doc_id"], c["n"]))
    return out
