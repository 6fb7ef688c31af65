"""The commitment graph of GRAPH.md, built from the store's per-document fragments."""

from __future__ import annotations

from datetime import date

import networkx as nx

from pipeline.link.actors import ActorResolver, resolve_key
from pipeline.link.doclinks import LEAD_CHARS, doc_infos, resolve
from pipeline.link.timeline import is_overdue, motion_flag
from pipeline.store import rows
from pipeline.store.core import Store


def build_graph(store: Store, as_of: date | None = None) -> nx.MultiDiGraph:
    """One MultiDiGraph of documents, actors, commitments and measures."""
    as_of = as_of or date.today()
    g = nx.MultiDiGraph()
    frags = rows.graph_fragments(store)
    resolver = ActorResolver()
    for frag in frags:
        for _node, attrs in frag["nodes"]:
            if attrs.get("kind") == "actor":
                resolver.add(attrs)
    actors = resolver.resolve()
    for res in actors.values():
        if res.node_id not in g:
            g.add_node(res.node_id, **res.attrs())
    dates = rows.commitment_dates(store)
    for frag in frags:
        remap: dict[str, str] = {}
        for node, attrs in frag["nodes"]:
            if attrs.get("kind") == "actor":
                remap[node] = actors[resolve_key(attrs)].node_id
            elif node not in g:
                if attrs.get("kind") == "commitment":
                    attrs = dict(attrs, date=dates.get(node))
                g.add_node(node, **attrs)
        for u, v, key, attrs in frag["edges"]:
            u, v = remap.get(u, u), remap.get(v, v)
            if not g.has_edge(u, v, key):
                g.add_edge(u, v, key=key, **attrs)
    _source_facts(g, store)
    for m in rows.measure_rows(store):
        g.add_node(
            m["id"],
            kind="measure",
            label=m["label"],
            status=m["status"],
            due=m["due"],
            overdue=is_overdue(bool(m["closed"]), m["due"], as_of),
            first_seen=m["first_seen"],
            last_seen=m["last_seen"],
            assessment=m["assessment"],
            motion_flag=motion_flag(m["motion_date"], m["decision_date"], as_of),
            statements=m["statements"],
        )
    for cid, mid, reason, score in rows.member_rows(store):
        if cid in g:
            g.add_edge(cid, mid, key="concerns", kind="concerns", reason=reason, score=score)
    _reference_edges(g, store)
    return g


def _reference_edges(g: nx.MultiDiGraph, store: Store) -> None:
    """responds_to / cites edges where a document answers or cites another stored document."""
    for link in resolve(doc_infos(rows.document_structures(store, LEAD_CHARS))):
        u, v = f"doc:{link.source}", f"doc:{link.target}"
        if u in g and v in g and not g.has_edge(u, v, link.kind):
            g.add_edge(
                u, v, key=link.kind, kind=link.kind, reason=link.reason, reference=link.reference
            )


def _source_facts(g: nx.MultiDiGraph, store: Store) -> None:
    """What a source list adds to a document node: municipality, address, name, a missing date."""
    for d in store.documents():
        node = f"doc:{d['doc_id']}"
        if node not in g:
            continue
        attrs = g.nodes[node]
        if d["municipality"]:
            attrs["municipality"] = d["municipality"]
        if d["url"]:
            attrs["url"] = d["url"]
        if d["name"] and not attrs.get("title"):
            # What a reader calls an untitled document, so Gephi shows no file id.
            attrs["name"] = d["name"]
        if d["date"] and not attrs.get("date"):
            attrs["date"] = d["date"]
