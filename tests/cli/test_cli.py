"""The `lofte` command line, end to end on the bundled seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli.main import main

from ..conftest import SEEDS


def test_status_finds_the_field_work_plan(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "fältarbete", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("handlingsplan för fältarbetet"))
    assert "pledged" in line and "2024-12-31" in line
    assert "svar_interpellation_ojanne_2023" in line


def test_overdue_depends_on_as_of(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["status", "fältarbete", "--db", str(db), "--as-of", "2025-06-01", "--format", "json"])
    plan = next(m for m in json.loads(capsys.readouterr().out) if "handlingsplan" in m["label"])
    assert plan["status"] == "pledged" and plan["overdue"] is True
    main(["status", "fältarbete", "--db", str(db), "--as-of", "2024-06-01", "--format", "json"])
    plan = next(m for m in json.loads(capsys.readouterr().out) if "handlingsplan" in m["label"])
    assert plan["overdue"] is False


def test_search_is_case_and_diacritic_blind(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["status", "FALTARBETET", "--db", str(db), "--format", "csv"])
    assert "handlingsplan för fältarbetet" in capsys.readouterr().out


def test_csv_speaks_the_json_vocabulary(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    main(["status", "fältarbete", "--db", str(db), "--format", "csv", "--as-of", "2025-06-01"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    plan = next(r for r in rows if "handlingsplan" in r["label"])
    assert plan["overdue"] == "true" and plan["motion_flag"] == "false"
    main(["status", "fältarbete", "--db", str(db), "--format", "json", "--as-of", "2025-06-01"])
    as_json = next(m for m in json.loads(capsys.readouterr().out) if m["id"] == plan["id"])
    assert as_json["label"] == plan["label"]


def test_unknown_query_exits_4(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "rymdhiss", "--db", str(db)]) == 4
    assert main(["status", "--actor", "Rymdstyrelsen", "--db", str(db)]) == 4
    assert main(["status", "--db", str(db)]) == 0


def test_show_gives_quote_source_and_reason(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "handlingsplan för fältarbetet", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "ska en handlingsplan tas fram" in out and "svar_interpellation_ojanne_2023 p.1" in out
    assert "link:" in out


def test_extract_writes_schema_json(tmp_path: Path) -> None:
    src = SEEDS / "svar_interpellation_ojanne_2023.txt"
    assert main(["extract", str(src), "-o", str(tmp_path)]) == 0
    rec = json.loads((tmp_path / "svar_interpellation_ojanne_2023.json").read_text("utf-8"))
    assert set(rec) == {
        "doc_id",
        "doc_type",
        "date",
        "title",
        "references",
        "actors",
        "commitments",
    }
    assert rec["doc_id"] == "svar_interpellation_ojanne_2023" and rec["date"] == "2023-11-22"
    c = next(c for c in rec["commitments"] if "handlingsplan" in c["measure"])
    assert c["deadline"] == {"text": "under år 2024", "start": "2024-01-01", "end": "2024-12-31"}
    assert set(c) == {"sentence", "measure", "responsible", "deadline", "status"}


def test_export_json_loads_back(db: Path, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "g.json"
    assert main(["export", "--format", "json", "-o", str(out), "--db", str(db)]) == 0
    g = nx.node_link_graph(json.loads(out.read_text("utf-8")), edges="edges")
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"document", "actor", "commitment", "measure"}
    assert g.has_node("doc:svar_interpellation_ojanne_2023")


def test_evaluate_prints_the_table(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reads ../shared/gold/seeds."""
    assert main(["evaluate", "--gold", str(gold_dir)]) == 0
    out = capsys.readouterr().out
    for metric in (
        "commitment F1",
        "forward recall",
        "status accuracy",
        "deadline exact",
        "person P / R / F1",
        "party accuracy",
        "doc_type accuracy",
        "date accuracy",
    ):
        assert metric in out


def test_bad_gold_dir_is_a_coded_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold", str(tmp_path)]) == 2
    assert "E030" in capsys.readouterr().err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for cmd in ("ingest", "status", "show", "extract", "evaluate", "export", "text"):
        assert cmd in out


def test_batches_can_defer_linking_to_one_link_run(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A corpus fed in many batches relinks once at the end, and gets what one run gives.
    batched = tmp_path / "batched.db"
    files = sorted(SEEDS.glob("*.txt"))
    for part in (files[:2], files[2:]):
        args = ["ingest", *map(str, part), "--db", str(batched), "--jobs", "1", "--no-progress"]
        assert main([*args, "--no-link"]) == 0
    capsys.readouterr()
    main(["status", "fältarbete", "--db", str(batched)])
    assert "lofte link" in capsys.readouterr().err
    assert main(["link", "--db", str(batched)]) == 0
    capsys.readouterr()
    for store in (batched, db):
        main(["status", "--db", str(store), "--format", "csv", "--limit", "0"])
    out = capsys.readouterr()
    linked, whole = out.out.split("id,label", 2)[1:]
    assert linked == whole and "lofte link" not in out.err
