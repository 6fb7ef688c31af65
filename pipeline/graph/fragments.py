"""Graph stage: one document's nodes and edges, as plain JSON the corpus graph unions."""

from __future__ import annotations

from typing import Any

from pipeline.lang.slugs import fold, slugify
from pipeline.records import Actor, Commitment, Document

# Bodies are matched case-insensitively; persons keep their printed capitalisation.


def actor_id(actor: Actor) -> str:
    """Stable node id of an actor: same name and kind across documents, same node."""
    return f"actor:{actor.kind[:3]}-{slugify(actor.name)}"


def doc_node_id(doc_id: str) -> str:
    """Node id of a document."""
    return f"doc:{doc_id}"


def commitment_id(doc_id: str, n: int) -> str:
    """Node id of the n-th commitment of a document."""
    return f"commitment:{doc_id}:{n}"


def _extraction_method(doc: Document) -> str:
    methods = {p.method for p in doc.ingested.pages} if doc.ingested else set()
    return methods.pop() if len(methods) == 1 else ("mixed" if methods else "text")


def _document_node(doc: Document) -> list[Any]:
    st = doc.structure
    return [
        doc_node_id(doc.doc_id),
        {
            "kind": "document",
            "doc_type": st.doc_type if st else "other",
            "date": st.date if st else None,
            "title": st.title if st else None,
            "source": doc.source,
            "sha256": doc.sha256,
            "pages": len(doc.ingested.pages) if doc.ingested else 0,
            "extraction": _extraction_method(doc),
        },
    ]


def _actor_node(a: Actor) -> list[Any]:
    return [
        actor_id(a),
        {
            "kind": "actor",
            "name": a.name,
            "actor_kind": a.kind,
            "party": a.party,
            "roles": [a.role] if a.role else [],
            "aliases": [a.name],
        },
    ]


def _commitment_node(cid: str, c: Commitment) -> list[Any]:
    dl = c.deadline
    return [
        cid,
        {
            "kind": "commitment",
            "sentence": c.sentence,
            "measure": c.measure,
            "status": c.status,
            "deadline_text": dl.text if dl else None,
            "deadline_start": dl.start if dl else None,
            "deadline_end": dl.end if dl else None,
            "page": c.page,
            "char_start": c.char_start,
            "char_end": c.char_end,
        },
    ]


def document_fragment(doc: Document) -> dict[str, Any]:
    """Nodes and edges this document contributes; measures are added corpus-wide."""
    st, ex = doc.structure, doc.extraction
    did = doc_node_id(doc.doc_id)
    nodes: list[list[Any]] = [_document_node(doc)]
    edges: list[list[Any]] = []
    seen: set[str] = set()

    def add_actor(a: Actor) -> str:
        node = _actor_node(a)
        if node[0] not in seen:
            seen.add(node[0])
            nodes.append(node)
        return str(node[0])

    by_fold = {}
    for a in ex.actors if ex else []:
        by_fold[fold(a.name)] = a
        edges.append([did, add_actor(a), "mentions", {"kind": "mentions"}])
    for a in st.authors if st else []:
        edges.append([did, add_actor(a), "authored_by", {"kind": "authored_by", "role": a.role}])
    for a in st.recipients if st else []:
        edges.append([did, add_actor(a), "addressed_to", {"kind": "addressed_to"}])
    for n, c in enumerate(ex.commitments if ex else []):
        cid = commitment_id(doc.doc_id, n)
        nodes.append(_commitment_node(cid, c))
        edges.append([did, cid, "contains", {"kind": "contains"}])
        if c.responsible:
            actor = by_fold.get(fold(c.responsible)) or Actor(c.responsible, "organisation")
            edges.append([cid, add_actor(actor), "responsible", {"kind": "responsible"}])
    return {"nodes": nodes, "edges": edges}
