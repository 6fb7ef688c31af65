"""Records survive the JSON round-trip the store relies on."""

from __future__ import annotations

import json

from pipeline.records import (
    Actor,
    Commitment,
    Deadline,
    Document,
    Extraction,
    Ingested,
    Page,
    Structure,
    from_dict,
    to_dict,
)


def test_document_round_trip_through_json() -> None:
    doc = Document(
        "d",
        "/x/d.txt",
        "00",
        ingested=Ingested([Page(1, "Hej", "text")], "text", "utf-8"),
        structure=Structure(doc_type="motion", date="2024-01-02"),
        extraction=Extraction(
            [Actor("Jan Jönsson", "person", "L", "interpellant")],
            [
                Commitment(
                    "S.",
                    "plan",
                    None,
                    Deadline("under 2024", "2024-01-01", "2024-12-31"),
                    "pledged",
                )
            ],
        ),
    )
    back = from_dict(Document, json.loads(json.dumps(to_dict(doc))))
    assert back == doc
    assert back.extraction is not None
    assert isinstance(back.extraction.commitments[0].deadline, Deadline)
