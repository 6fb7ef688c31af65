"""The filters say what they match: the year filter names both years it means."""

from __future__ import annotations

from pathlib import Path

from ..conftest import ingest_texts
from .helpers import fetch, serving

# Clearly synthetic, written for this test.
TEXTS = {
    "egen": "Skrivelse om lekplatser\n\nNämnden ska anlägga en ny lekplats i Norrby under 2026.\n"
}


def test_the_year_filter_says_which_year_it_means(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, TEXTS)
    with serving(db) as base:
        _, _, page = fetch(base + "/measures")
    assert "År (nämnd eller sista datum)" in page.decode()
