"""Every export format loads back, and a failed export leaves nothing behind."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from pipeline.errors import LofteError
from pipeline.graph.export import EXPORTERS, Exporter, export


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("doc:a", kind="document", date="2023-11-22", title="Svar", pages=1)
    g.add_node(
        "actor:per-x",
        kind="actor",
        name="Åsa Öberg",
        party=None,
        roles=["ordförande"],
        aliases=["Åsa Öberg"],
    )
    g.add_node(
        "measure:plan",
        kind="measure",
        label="plan",
        due=None,
        first_seen="2023-11-22",
        overdue=False,
    )
    g.add_node("commitment:a:0", kind="commitment", sentence="En plan ska tas fram.", page=1)
    g.add_edge("doc:a", "commitment:a:0", key="contains", kind="contains")
    g.add_edge("commitment:a:0", "measure:plan", key="concerns", kind="concerns", reason="x")
    g.add_edge("doc:a", "actor:per-x", key="mentions", kind="mentions")
    return g


def test_graphml_gexf_json_round_trip(tmp_path: Path) -> None:
    g = _graph()
    h = nx.read_graphml(export(g, "graphml", tmp_path / "g.graphml"))
    assert set(h.nodes) == set(g.nodes) and h.number_of_edges() == 3
    assert json.loads(h.nodes["actor:per-x"]["roles"]) == ["ordförande"]
    x = nx.read_gexf(export(g, "gexf", tmp_path / "g.gexf"))
    assert set(x.nodes) == set(g.nodes)
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'start="2023-11-22"' in text
    data = json.loads(export(g, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    j = nx.node_link_graph(data, edges="edges")
    assert j.number_of_edges() == 3 and j.nodes["actor:per-x"]["name"] == "Åsa Öberg"


def test_csv_and_neo4j_headers(tmp_path: Path) -> None:
    g = _graph()
    out = export(g, "csv", tmp_path / "csv")
    rows = list(csv.DictReader((out / "nodes.csv").open(encoding="utf-8")))
    assert {r["id"] for r in rows} == set(g.nodes)
    neo = export(g, "neo4j", tmp_path / "neo")
    for f in neo.glob("nodes_*.csv"):
        header = f.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[0] == "id:ID" and header[-1] == ":LABEL"
    for f in neo.glob("rels_*.csv"):
        header = f.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[:2] == [":START_ID", ":END_ID"] and header[-1] == ":TYPE"


def test_failed_export_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "g.graphml"

    def boom(g: nx.MultiDiGraph, path: Path) -> None:
        path.write_text("<half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setitem(EXPORTERS, "graphml", Exporter("graphml", ".graphml", boom))
    with pytest.raises(LofteError) as err:
        export(_graph(), "graphml", target)
    assert err.value.code == "E021"
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == []


def test_none_attributes_stay_present_and_neo4j_keeps_edge_attributes(tmp_path: Path) -> None:
    g = _graph()
    g.add_edge("doc:a", "actor:per-x", key="authored_by", kind="authored_by", role="ordförande")
    h = nx.read_graphml(export(g, "graphml", tmp_path / "g.graphml"))
    assert h.nodes["actor:per-x"]["party"] == ""  # GRAPH.md lists party on every actor
    neo = export(g, "neo4j", tmp_path / "neo")
    lines = (neo / "rels_authored_by.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == [":START_ID", ":END_ID", "role", ":TYPE"]
    assert lines[1].endswith("ordförande,AUTHORED_BY")
    header = (neo / "nodes_measure.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "overdue:boolean" in header.split(",")


def test_neo4j_export_ships_its_import_command_and_relative_sources(tmp_path: Path) -> None:
    import os
    import subprocess

    g = _graph()
    g.nodes["doc:a"]["source"] = "/home/someone/corpus/real/a.txt"
    g.add_node("doc:b", kind="document", source="/home/someone/corpus/pdf/b.pdf")
    neo = export(g, "neo4j", tmp_path / "neo")
    rows = list(csv.DictReader((neo / "nodes_document.csv").open(encoding="utf-8")))
    assert sorted(r["source"] for r in rows) == ["pdf/b.pdf", "real/a.txt"]
    # A stand-in for neo4j-admin that prints what it was asked to import.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "neo4j-admin"
    fake.write_text('#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n', encoding="utf-8")
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    done = subprocess.run(
        ["sh", str(neo / "import.sh"), "lofte"], capture_output=True, text=True, env=env, check=True
    )
    args = done.stdout.split()
    assert args[:4] == ["database", "import", "full", "lofte"]
    named = {a.split("=", 1)[1] for a in args if a.startswith(("--nodes=", "--relationships="))}
    assert named == {f.name for f in neo.glob("*.csv")}


def test_gexf_plays_the_history_on_gephis_timeline(tmp_path: Path) -> None:
    g = _graph()
    g.nodes["commitment:a:0"]["status"] = "pledged"
    g.add_node("doc:b", kind="document", date="2025-02-10", title="Verksamhetsberättelse 2024")
    g.add_node("commitment:b:0", kind="commitment", sentence="Planen är klar.", status="done")
    g.add_edge("doc:b", "commitment:b:0", key="contains", kind="contains")
    g.add_edge("commitment:b:0", "measure:plan", key="concerns", kind="concerns", reason="x")
    text = export(g, "gexf", tmp_path / "g.gexf").read_text(encoding="utf-8")
    x = nx.read_gexf(tmp_path / "g.gexf")
    # Every node that a dated document brings in starts then, and so does every edge.
    assert x.nodes["commitment:b:0"]["start"] == "2025-02-10"
    assert x.nodes["actor:per-x"]["start"] == "2023-11-22"
    assert all("start" in d for _, _, d in x.edges(data=True))
    # The measure's status changes on the timeline: pledged, then done.
    # (networkx reads an open end back as the string 'None', so the XML is checked.)
    assert 'value="pledged" start="2023-11-22" end="2025-02-10"' in text
    assert 'value="done" start="2025-02-10" />' in text
    assert [v for v, _, _ in x.nodes["measure:plan"]["status"]] == ["pledged", "done"]
    # People read titles and names, not ids.
    assert x.nodes["doc:b"]["label"] == "Verksamhetsberättelse 2024"
    assert x.nodes["actor:per-x"]["label"] == "Åsa Öberg"
    assert 'mode="dynamic"' in text
