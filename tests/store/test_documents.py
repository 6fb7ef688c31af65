"""Reads over the documents table and its artifacts: the party behind each document."""

from __future__ import annotations

from pathlib import Path

from pipeline.store.core import Store
from pipeline.store.documents import author_parties

from ..conftest import ingest_texts

# Clearly synthetic texts, written for this test.
MOTION = (
    "Motion om fler lekplatser i Norrby\n\nJag föreslår att nämnden ska anlägga en ny lekplats "
    "i Norrby under 2021.\n\nNorrby den 3 mars 2020\n\nAnna Berg (V)\n"
)
UNSIGNED = "Lekplatser i Norrby\n\nNämnden ska anlägga en ny lekplats i Norrby under 2021.\n"


def test_a_document_gets_the_party_of_its_author_and_an_unsigned_one_none(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, {"motion": MOTION, "osignerad": UNSIGNED})
    with Store(db) as store:
        assert author_parties(store) == {"motion": "V"}
