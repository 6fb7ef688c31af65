"""The measures list holds the municipality's own measures; the state's and the EU's on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import ingest_texts
from .helpers import fetch, serving

# Clearly synthetic texts, written for this test.
TEXTS = {
    "egen": "Skrivelse om lekplatser\n\nNämnden ska anlägga en ny lekplats i Norrby under 2026.\n",
    "remiss": (
        "Remiss om buller\n\nRegeringen beslutade i maj 2025 att ta fram en nationell "
        "bullerstrategi under 2026.\n"
    ),
}


def _labels(body: bytes) -> list[str]:
    return [m["label"] for m in json.loads(body)["items"]]


def test_the_list_leaves_out_what_the_state_does_and_says_so(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, TEXTS)
    with serving(db) as base:
        _, _, page = fetch(base + "/measures")
        _, _, every = fetch(base + "/measures?scope=all")
        _, _, api = fetch(base + "/api/measures")
        _, _, api_all = fetch(base + "/api/measures?scope=all")
        bad, _, _ = fetch(base + "/api/measures?scope=staten")
    text, all_text = page.decode(), every.decode()
    assert "lekplats" in text and "bullerstrategi" not in text
    assert (
        "1 åtgärd som regeringen, riksdagen, EU, en statlig myndighet eller utredning står för visas inte"
        in text
    )
    assert 'href="/measures?scope=all"' in text
    # Asked for, the state's measure is listed and marked as the state's.
    assert "bullerstrategi" in all_text and "Statens eller EU:s" in all_text
    assert 'name="scope" value="all"' in all_text  # the filter form keeps the choice
    assert len(_labels(api)) == 1 and len(_labels(api_all)) == 2
    assert [m["outside"] for m in json.loads(api_all)["items"]].count(True) == 1
    assert bad == 400


def test_the_state_measure_page_says_whose_it_is(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, TEXTS)
    with serving(db) as base:
        _, _, api_all = fetch(base + "/api/measures?scope=all")
        url = next(m["url"] for m in json.loads(api_all)["items"] if m["outside"])
        _, _, body = fetch(base + url)
    assert "Det är staten, EU eller en statlig utredning som står för åtgärden" in body.decode()


def test_the_cli_leaves_out_the_states_measures_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline.cli.main import main

    db = ingest_texts(tmp_path, TEXTS)
    capsys.readouterr()
    main(["status", "--db", str(db), "--format", "json"])
    every = json.loads(capsys.readouterr().out)
    main(["status", "--db", str(db), "--format", "json", "--scope", "municipal"])
    own = json.loads(capsys.readouterr().out)
    assert len(every) == 2 and [m["outside"] for m in own] == [False]


def test_a_narrowed_list_counts_what_it_leaves_out_from_the_same_views(tmp_path: Path) -> None:
    db = ingest_texts(tmp_path, TEXTS)
    with serving(db) as base:
        _, _, page = fetch(base + "/measures?status=pledged")
        _, _, every = fetch(base + "/measures?status=pledged&scope=all")
    text = page.decode()
    assert "bullerstrategi" not in text and "1 åtgärd som regeringen" in text
    assert "bullerstrategi" in every.decode() and "lekplats" not in every.decode()
