"""The commitment graph of GRAPH.md, built from the store's per-document fragments."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import networkx as nx

from pipeline.query import is_overdue
from pipeline.slugs import fold
from pipeline.store import Store

_IDENT = re.compile(
    r"\b(\d{4}[:/]\d{1,4}|\d{1,4}[:/]\d{4}|[A-ZÅÄÖ]{2,5}\s?\d{1,4}-\d{1,4}/\d{4})\b"
)


def _merge_actor(g: nx.MultiDiGraph, node: str, attrs: dict[str, Any]) -> None:
    old = g.nodes[node]
    for key in ("roles", "aliases"):
        old[key] = sorted(set(old.get(key, [])) | set(attrs.get(key, [])))
    if not old.get("party") and attrs.get("party"):
        old["party"] = attrs["party"]


def build_graph(store: Store, as_of: date | None = None) -> nx.MultiDiGraph:
    """One MultiDiGraph of documents, actors, commitments and measures."""
    as_of = as_of or date.today()
    g = nx.MultiDiGraph()
    rows = store.conn.execute(
        "SELECT d.doc_id, a.data FROM documents d JOIN artifacts a "
        "ON a.sha256 = d.sha256 AND a.stage = 'graph' ORDER BY d.doc_id"
    ).fetchall()
    for row in rows:
        frag = json.loads(row["data"])
        for node, attrs in frag["nodes"]:
            if node in g and attrs.get("kind") == "actor":
                _merge_actor(g, node, attrs)
            else:
                g.add_node(node, **attrs)
        for u, v, key, attrs in frag["edges"]:
            if not g.has_edge(u, v, key):
                g.add_edge(u, v, key=key, **attrs)
    for m in store.conn.execute("SELECT * FROM measures ORDER BY id"):
        g.add_node(
            m["id"],
            kind="measure",
            label=m["label"],
            status=m["status"],
            due=m["due"],
            overdue=is_overdue(m["status"], m["due"], as_of),
            first_seen=m["first_seen"],
            last_seen=m["last_seen"],
        )
    for cid, mid, reason in store.conn.execute(
        "SELECT * FROM measure_members ORDER BY commitment_id"
    ):
        if cid in g:
            g.add_edge(cid, mid, key="concerns", kind="concerns", reason=reason)
    _reference_edges(g, store)
    return g


def _reference_edges(g: nx.MultiDiGraph, store: Store) -> None:
    """responds_to / cites edges where a printed reference resolves to a stored document."""
    docs = store.conn.execute(
        "SELECT d.doc_id, d.title, d.doc_type, d.date, a.data FROM documents d "
        "JOIN artifacts a ON a.sha256 = d.sha256 AND a.stage = 'structure'"
    ).fetchall()
    index = []
    for d in docs:
        st = json.loads(d["data"])
        idents = {fold(i["identifier"]) for i in st.get("identifiers", [])}
        index.append((d["doc_id"], fold(d["title"] or ""), idents, st))
    for doc_id, _title, _idents, st in index:
        for ref in st.get("references", []):
            target = _resolve(fold(ref), doc_id, index)
            if target:
                kind = "responds_to" if _is_answer(ref, st) else "cites"
                g.add_edge(f"doc:{doc_id}", f"doc:{target}", key=kind, kind=kind, reference=ref)


def _is_answer(ref: str, st: dict[str, Any]) -> bool:
    low = fold(ref)
    return st.get("doc_type") in ("interpellationssvar", "tjansteutlatande", "yttrande") and (
        "fran" in low or "motion" in low or "skrivelse" in low or "interpellation" in low
    )


def _resolve(ref: str, self_id: str, index: list[tuple[str, str, set[str], Any]]) -> str | None:
    ids = {m.group(1) for m in _IDENT.finditer(ref)}
    for doc_id, title, idents, _ in index:
        if doc_id == self_id:
            continue
        if ids & idents:
            return doc_id
        if title and len(title) > 20 and (title in ref or ref in title):
            return doc_id
    return None
