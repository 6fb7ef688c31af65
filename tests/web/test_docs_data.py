"""A document page's data: a source list's placeholder for a municipality is no place."""

from __future__ import annotations

from pathlib import Path

from pipeline.store.core import Store
from pipeline.web.docs_data import document_view

from ..conftest import ingest_texts

# A clearly synthetic text, written for this test.
TEXT = "Motion om lekplatser\n\nNämnden ska anlägga en ny lekplats i Norrby under 2021.\n"


def test_a_stored_placeholder_is_shown_as_no_municipality(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, {"okand": TEXT})
    with Store(db) as store:
        # What a store ingested before the placeholder was read as none still holds.
        store.conn.execute("UPDATE documents SET municipality = 'unknown (not named in text)'")
        store.conn.commit()
        view = document_view(store, "okand")
    assert view is not None
    assert view["doc"]["municipality"] is None
    assert view["doc"]["title"]
