"""Every list a person reads names each row's municipality, from the source list."""

from __future__ import annotations

import re
from pathlib import Path

from ..conftest import ingest_texts
from .helpers import fetch, serving

# Clearly synthetic texts, written for this test.
TEXTS = {
    "lekplats": "Motion om lekplatser\n\nNämnden ska anlägga en ny lekplats i Norrby under 2021.\n",
    "okand": "Motion om bänkar\n\nNämnden ska ställa ut tio nya parkbänkar i Söderby under 2022.\n",
}
SOURCES = (
    "doc_id\turl\tmunicipality\tbody\tdate\tgenre\tchars\n"
    "lekplats\t\tNorrköping\tkf\t2020-05-01\tmotion\t80\n"
    "okand\t\tunknown (not named in text)\tkf\t2021-05-01\tmotion\t80\n"
)
CELL = re.compile(r'<td data-label="Kommun">([^<]*)</td>')


def test_the_measures_and_documents_lists_have_a_municipality_column(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, TEXTS, SOURCES)
    with serving(db) as base:
        for path in ("/measures", "/documents"):
            status, _, body = fetch(base + path)
            assert status == 200
            # A source list's placeholder is shown as no place, never as its words.
            assert sorted(CELL.findall(body.decode())) == ["Norrköping", "–"], path
