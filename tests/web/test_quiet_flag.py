"""The list and the measure page date old news of work under way, and say why."""

from __future__ import annotations

from pathlib import Path

from ..conftest import ingest_texts
from .helpers import fetch, get_json, serving

# Clearly synthetic, written for this test.
TEXT = "Lägesrapport\n\nRenoveringen av Norrbyskolan pågår.\n\nNorrby den 3 mars 2022\n"


def test_old_news_of_work_under_way_is_flagged_with_its_date(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, {"lage": TEXT})
    with serving(db) as base:  # the helpers' as-of date is 1 June 2025
        _, _, listing = fetch(base + "/measures")
        item = get_json(base + "/api/measures")["items"][0]
        _, _, page = fetch(base + item["url"])
    assert item["quiet_since"] == "2022-03-03"
    assert "Ingen ny uppgift sedan 3 mars 2022" in listing.decode()
    assert "Ingen ny uppgift sedan 3 mars 2022: då sades arbetet pågå" in page.decode()
