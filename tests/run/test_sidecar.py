"""A sources.tsv beside the files: dates, municipalities and addresses the texts lack."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipeline import api
from pipeline.cli.main import main as lofte
from pipeline.graph.build import build_graph
from pipeline.run import relink
from pipeline.run.runner import run
from pipeline.run.sidecar import SourceMeta, meta_for
from pipeline.store import documents
from pipeline.store.core import Store

# Clearly synthetic texts, written for this test.
UNDATED = "Trygghetsvandringar\n\nKommunen ska genomföra två trygghetsvandringar i Norrby.\n"
DATED = "Protokoll 2021-03-04\n\nNämnden ska anlägga en ny lekplats i Norrby under 2021.\n"
HEADER = "doc_id\turl\tmunicipality\tbody\tdate\tgenre\tchars\n"


def _folder(tmp: Path, rows: str) -> Path:
    d = tmp / "in"
    d.mkdir()
    (d / "vandring.txt").write_text(UNDATED, encoding="utf-8")
    (d / "lekplats.txt").write_text(DATED, encoding="utf-8")
    (d / "sources.tsv").write_text(HEADER + rows, encoding="utf-8")
    return d


def test_the_source_list_dates_and_places_what_the_text_does_not(tmp_path: Path) -> None:
    d = _folder(
        tmp_path,
        "vandring\thttps://example.org/v\tNorrköping\tkommun\t2019-05-02\tplan\t80\n"
        "lekplats\thttps://example.org/l\tNorrköping\tnämnd\t2020-01-01\tprotokoll\t80\n",
    )
    with Store(tmp_path / "s.db") as store:
        run([d], store)
        got = {
            r["doc_id"]: (r["date"], r["municipality"], r["url"], r["year"])
            for r in store.documents()
        }
        ctx = relink.load_context(store)
    assert got["vandring"] == ("2019-05-02", "Norrköping", "https://example.org/v", 2019)
    # The text's own date wins over the list's.
    assert got["lekplats"][0] == "2021-03-04" and got["lekplats"][3] == 2021
    assert ctx.municipalities["vandring"] == {"norrkoping"}


def test_an_untitled_text_is_named_by_type_body_place_and_date(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    # No title line: the text opens on its only sentence.
    (d / "svar.txt").write_text("Nämnden ska anlägga en lekplats i Norrby.\n", encoding="utf-8")
    (d / "sources.tsv").write_text(
        HEADER + "svar		Norrköping	Tekniska nämnden	2021-03-04	protokoll	40\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        run([d], store)
        (row,) = store.documents()
        meta = documents.document_meta(store, ["svar"])
        node = build_graph(store).nodes["doc:svar"]
    assert row["title"] is None  # the printed title stays what the text printed
    assert node["name"] == row["name"] and not node["title"]  # what Gephi labels it
    assert row["body"] == "Tekniska nämnden"
    assert row["name"].endswith("Tekniska nämnden, Norrköping, 4 mars 2021")
    assert meta["svar"]["title"] == row["name"]


def test_without_a_source_list_the_text_says_where_it_is_from(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "svar.txt").write_text(
        "Skärholmens stadsdelsnämnd ska ta fram en handlingsplan. "
        "Skärholmens stadsdelsförvaltning ska genomföra den under 2024.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        run([d], store)
        (row,) = store.documents()
    assert row["municipality"] == "Stockholm"


def test_a_bare_year_is_a_year_not_a_date(tmp_path: Path) -> None:
    d = _folder(tmp_path, "vandring\t\tNorrköping\tkommun\t2018\tplan\t80\n")
    assert meta_for(d / "vandring.txt") == SourceMeta(None, "Norrköping", None, 2018, "kommun")
    assert meta_for(d / "lekplats.txt") == SourceMeta()


def test_a_broken_source_list_is_ignored_and_the_batch_goes_on(tmp_path: Path) -> None:
    d = _folder(tmp_path, "")
    (d / "sources.tsv").write_bytes(b"\xff\xfe\x00garbage\x00\n")
    with Store(tmp_path / "s.db") as store:
        report = run([d], store)
        assert report.failed == 0 and len(store.documents()) == 2


def test_a_store_from_before_the_source_columns_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE documents(doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, "
            "source TEXT NOT NULL, doc_type TEXT, date TEXT, title TEXT, pages INTEGER, "
            "extraction TEXT)"
        )
        conn.execute("INSERT INTO documents VALUES('a','x','a.txt','other',NULL,NULL,1,'text')")
    with Store(path) as store:
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(documents)")}
        assert {"municipality", "url", "year"} <= cols
        assert store.documents()[0]["doc_id"] == "a"


def test_statements_graph_and_show_carry_the_municipality_and_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _folder(
        tmp_path, "vandring\thttps://example.org/v\tNorrköping\tkommun\t2019-05-02\tplan\t80\n"
    )
    db = tmp_path / "s.db"
    with Store(db) as store:
        run([d], store)
        g = build_graph(store)
    assert g.nodes["doc:vandring"]["municipality"] == "Norrköping"
    assert g.nodes["doc:vandring"]["url"] == "https://example.org/v"
    assert g.nodes["doc:vandring"]["date"] == "2019-05-02"
    assert "municipality" not in g.nodes["doc:lekplats"]
    views = api.measure(db, "trygghetsvandringar")
    said = [s for v in views for s in v.statements if s.doc_id == "vandring"]
    assert said and {(s.municipality, s.doc_url) for s in said} == {
        ("Norrköping", "https://example.org/v")
    }
    assert lofte(["--lang", "en", "show", "trygghetsvandringar", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "(Norrköping)" in out and "address: https://example.org/v" in out


def test_a_source_list_that_names_no_municipality_gives_none(tmp_path: Path) -> None:
    d = _folder(
        tmp_path,
        "vandring\t\tunknown (not named in text)\tkommun\t2019-05-02\tplan\t80\n"
        "lekplats\t\t\tnämnd\t2020-01-01\tprotokoll\t80\n",
    )
    assert meta_for(d / "vandring.txt").municipality is None
    assert meta_for(d / "lekplats.txt").municipality is None
    with Store(tmp_path / "s.db") as store:
        run([d], store)
        stored = {m for (m,) in store.conn.execute("SELECT municipality FROM documents")}
    assert stored == {None}
