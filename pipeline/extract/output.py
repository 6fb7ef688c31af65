"""The per-document JSON of gold/SCHEMA.md, written by `lofte extract`."""

from __future__ import annotations

from typing import Any

from pipeline.records import Document


def to_schema(doc: Document) -> dict[str, Any]:
    """The SCHEMA.md record for one processed document (``doc_id`` is the file stem)."""
    st = doc.structure
    ex = doc.extraction
    actors = [
        {"name": a.name, "kind": a.kind, "party": a.party, "role": a.role}
        for a in (ex.actors if ex else [])
    ]
    commitments = []
    for c in ex.commitments if ex else []:
        deadline = None
        if c.deadline is not None:
            deadline = {"text": c.deadline.text, "start": c.deadline.start, "end": c.deadline.end}
        commitments.append(
            {
                "sentence": c.sentence,
                "measure": c.measure,
                "responsible": c.responsible,
                "deadline": deadline,
                "status": c.status,
            }
        )
    return {
        "doc_id": doc.doc_id,
        "doc_type": st.doc_type if st else "other",
        "date": st.date if st else None,
        "title": st.title if st else None,
        "references": list(st.references) if st else [],
        "actors": actors,
        "commitments": commitments,
    }
