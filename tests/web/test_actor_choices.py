"""The responsible filter suggests each actor once, whatever capitals the texts give it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.store.core import Store
from pipeline.web import measures_data

from ..conftest import ingest_texts

# Clearly synthetic texts, written for this test: one body, spelt two ways.
TEXTS = {
    "a": "Skrivelse om parker\n\nKommunstyrelsen ska ta fram en parkplan för Norrby under 2026.\n",
    "b": "Skrivelse om bad\n\nKOMMUNSTYRELSEN ska ta fram en badplan för Söderby under 2026.\n",
    "c": "Skrivelse om torg\n\nKommunstyrelsen ska ta fram en torgplan för Mellby under 2026.\n",
}


def test_one_suggestion_per_actor_in_its_commonest_spelling(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, TEXTS)
    with Store(db, readonly=True) as store:
        stored = {r[0] for r in store.conn.execute("SELECT responsible FROM measures")}
        actors = measures_data.summary(store, date(2026, 1, 1), {})["actors"]
    assert {"Kommunstyrelsen", "KOMMUNSTYRELSEN"} <= stored  # the texts do spell it two ways
    assert actors == ["Kommunstyrelsen"]
