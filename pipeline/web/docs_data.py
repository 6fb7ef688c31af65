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
        "cut_off": cut_off(norm.get("text", "")),
        "structure": st,
        "commitments": rows,
        "actors": dict(roles),
    }


# Where a whole document's text ends: a full stop, a closing bracket or quote, a list's colon.
_ENDS = (".", "!", "?", ":", ";", ")", "”", '"', "»", "]")


def cut_off(text: str) -> bool:
    """Whether the text stops mid-sentence, as an excerpt does ("… införa en ny dof").

    The bundled corpus holds the first part of many long documents; a reader who meets
    their last line should know that the rest is in the original, not missing from it.
    """
    tail = text.rstrip()
    if not tail or tail.endswith(_ENDS):
        return False
    # A signature ("Alexander Ojanne"), a heading ("Bilagor") or a dated table row ends a
    # whole document on a capital or a digit; an excerpt stops inside a word of running text.
    last = tail.split()[-1]
    return last[:1].islower()


def actor_view(
    store: Store, actor_id: str, municipality: str | None = None
) -> dict[str, Any] | None:
    """An actor's merged attributes, commitments and documents, each with its municipality.

    ``commitments`` are those naming the actor as responsible; ``authored`` those stated in
    documents the actor signed, which is how a politician's own pledges are found. A text
    stored twice (as text and as a scan) is listed once.
    """
    attrs: dict[str, Any] = {}
    responsible: list[str] = []
    authored: list[str] = []
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in documents_sql.fragments_naming(store, actor_id):
        frag = json.loads(r["data"])
        nodes = {n: a for n, a in frag.get("nodes", [])}
        if actor_id not in nodes:
            continue
        _merge(attrs, nodes[actor_id])
        doc = {
            "doc_id": r["doc_id"],
            "title": r["title"],
            "printed": r["printed"],
            "date": r["date"],
            "type": r["doc_type"],
            "municipality": documents_sql.known_municipality(r["municipality"]),
            "sha256": r["sha256"],
        }
        for u, v, kind, *_ in frag.get("edges", []):
            if v != actor_id:
                continue
            if kind == "responsible":
                responsible.append(u)
            elif kind in ("authored_by", "addressed_to", "mentions") and doc not in docs[kind]:
                docs[kind].append(doc)
            if kind == "authored_by":
                authored += [n for n, a in nodes.items() if a.get("kind") == "commitment"]
    if not attrs:
        return None
    own = set(responsible)
    listed = {kind: _once(ds, _doc_key) for kind, ds in docs.items()}
    places = {d["municipality"] for ds in listed.values() for d in ds if d["municipality"]}
    view: dict[str, Any] = {
        "id": actor_id,
        "attrs": attrs,
        "municipalities": sorted(places, key=sort_key),
        "municipality": None,
        "commitments": _commitments(store, responsible),
        "authored": _commitments(store, [c for c in dict.fromkeys(authored) if c not in own]),
        "documents": listed,
    }
    return in_municipality(view, municipality) if municipality else view


def in_municipality(view: dict[str, Any], municipality: str) -> dict[str, Any]:
    """An actor view cut to one municipality: "kommunfullmäktige" in Malmö, not in Danderyd.

    A body's name says nothing of where it sits, so one name gathers as many bodies as
    municipalities use it; the page of one of them lists only its own entries.
    """
    key = municipality.casefold()
    known = {m.casefold(): m for m in view["municipalities"]}
    if key not in known:
        return view  # no entry is from there: the whole page, and no filter to claim

    def here(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in rows if (r["municipality"] or "").casefold() == key]

    cut = {
        "commitments": here(view["commitments"]),
        "authored": here(view["authored"]),
        "documents": {kind: here(ds) for kind, ds in view["documents"].items()},
    }
    return {**view, **cut, "municipality": known[key]}


def _merge(attrs: dict[str, Any], a: dict[str, Any]) -> None:
    # One actor node per document: names, roles and party add up over them.
    if not attrs:
        attrs.update(a)
    attrs["roles"] = sorted(set(attrs.get("roles", [])) | set(a.get("roles", [])))
    attrs["aliases"] = sorted(set(attrs.get("aliases", [])) | set(a.get("aliases", [])))
    attrs["party"] = attrs.get("party") or a.get("party")


def _doc_key(d: dict[str, Any]) -> tuple[Any, ...]:
    # A text and its scan differ in bytes but share title, type and date; without a printed
    # title (a composed name says only type, place and date) only the same bytes tell.
    return (d["printed"], d["type"], d["date"]) if d["printed"] else (d["sha256"],)


def _once(rows: list[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    """The first row of each key, in order, with ``copies``: how many rows shared it."""
    first: dict[Any, dict[str, Any]] = {}
    for r in rows:
        k = key(r)
        if k in first:
            first[k]["copies"] += 1
        else:
            first[k] = {**r, "copies": 1}
    return list(first.values())


def _commitments(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for cid in ids:
        row = documents_sql.commitment_with_measure(store, cid)
        if row is not None:
            out.append(
                {**row, "municipality": documents_sql.known_municipality(row["municipality"])}
            )
    out.sort(key=lambda c: (c["doc_date"] or "", c["doc_id"], c["n"]))
    # The same sentence from the text and the scan of one document is one commitment.
    return _once(out, lambda c: (" ".join(c["sentence"].split()), c["doc_type"], c["doc_date"]))
