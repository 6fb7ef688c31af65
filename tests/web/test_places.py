"""Every list a person reads names each row's municipality, from the source list."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from ..conftest import ingest_texts
from .helpers import fetch, get_json, serving

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


def test_the_measures_list_and_api_filter_by_municipality(tmp_path: Path) -> None:
    texts = {**TEXTS, "bankar": TEXTS["okand"].replace("Söderby", "Västerby")}
    sources = SOURCES + "bankar\t\tÖrebro\tkf\t2021-06-01\tmotion\t80\n"
    db = ingest_texts(tmp_path, texts, sources)
    with serving(db) as base:
        page = fetch(base + "/measures")[2].decode()
        # The choices are the known municipalities in Swedish order, without the placeholder.
        options = re.findall(r'<option value="([^"]+)"', page.split('id="f-municipality"')[1])
        assert options[:2] == ["Norrköping", "Örebro"]
        api = get_json(base + "/api/measures?municipality=" + quote("örebro"))
        assert api["total"] == 1 and "Västerby" in api["items"][0]["label"] + str(
            get_json(base + "/api" + api["items"][0]["url"])["statements"]
        )
        listed = fetch(base + "/measures?municipality=" + quote("Norrköping"))[2].decode()
        assert sorted(CELL.findall(listed)) == ["Norrköping"]
