"""What `lofte show` prints of a statement's document: a source list's placeholder is no place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipeline.cli.main import main

# Clearly synthetic texts, written for this test.
TEXTS = {
    "okand": "Motion om lekplatser\n\nNämnden ska anlägga en ny lekplats i Norrby under 2021.\n",
    "kand": "Motion om parkbänkar\n\nNämnden ska ställa ut tio nya parkbänkar i Söderby under 2022.\n",
}
SOURCES = (
    "doc_id\turl\tmunicipality\tbody\tdate\tgenre\tchars\n"
    "okand\t\tunknown (not named in text)\tkommunfullmäktige\t2020-05-01\tmotion\t80\n"
    "kand\t\tNorrköping\tkommunfullmäktige\t2021-05-01\tmotion\t80\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for stem, text in TEXTS.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / "sources.tsv").write_text(SOURCES, encoding="utf-8")
    db = folder.parent / "muni.db"
    assert main(["ingest", str(folder), "--db", str(db), "--jobs", "1", "--no-progress"]) == 0
    return db


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_an_unknown_municipality_is_not_printed(
    store: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", lang, "show", "lekplats", "--db", str(store)]) == 0
    out = capsys.readouterr().out
    assert "okand" in out and "ny lekplats" in out
    assert "unknown" not in out and "not named in text" not in out


def test_a_known_municipality_is_printed_beside_the_document(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "parkbänkar", "--db", str(store)]) == 0
    assert "(Norrköping)" in capsys.readouterr().out


def test_a_store_that_still_holds_the_placeholder_prints_no_place(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A store ingested before the placeholder was read as none keeps it in the documents table.
    old = tmp_path / "old.db"
    old.write_bytes(store.read_bytes())
    with sqlite3.connect(old) as conn:
        conn.execute(
            "UPDATE documents SET municipality = 'unknown (not named in text)' "
            "WHERE doc_id = 'okand'"
        )
    assert main(["show", "lekplats", "--db", str(old)]) == 0
    assert "unknown" not in capsys.readouterr().out
