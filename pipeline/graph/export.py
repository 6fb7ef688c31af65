"""Exporters registered by format name; each writes atomically or not at all."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from pipeline.errors import LofteError


@dataclass(frozen=True)
class Exporter:
    """A registered export format: how to write it and whether it is a folder."""

    name: str
    extension: str
    write: Callable[[nx.MultiDiGraph, Path], None]
    is_dir: bool = False


EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, extension: str, is_dir: bool = False) -> Callable[..., Any]:
    """Decorator registering an export function under ``name``."""

    def deco(
        fn: Callable[[nx.MultiDiGraph, Path], None],
    ) -> Callable[[nx.MultiDiGraph, Path], None]:
        EXPORTERS[name] = Exporter(name, extension, fn, is_dir)
        return fn

    return deco


def flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/int/float/bool: None as "", lists as JSON.

    None is kept as an empty string so that every attribute GRAPH.md lists is present on
    every node of its kind, in formats that have no null.
    """

    def enc(d: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in d.items():
            if v is None:
                out[k] = ""
            elif isinstance(v, list | dict):
                out[k] = json.dumps(v, ensure_ascii=False)
            else:
                out[k] = v
        return out

    h = nx.MultiDiGraph()
    h.graph.update(enc(dict(g.graph)))
    for n, d in g.nodes(data=True):
        h.add_node(n, **enc(d))
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **enc(d))
    return h


@exporter("graphml", ".graphml")
def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """GraphML for Gephi, yEd and networkx."""
    nx.write_graphml(flat(g), path)


@exporter("gexf", ".gexf")
def write_gexf(g: nx.MultiDiGraph, path: Path) -> None:
    """Dynamic GEXF: start dates on nodes and edges, measure status over time, real labels."""
    from pipeline.graph.gexf import make_dynamic

    h = flat(g)
    make_dynamic(h)
    nx.write_gexf(h, path)


@exporter("json", ".json")
def write_json(g: nx.MultiDiGraph, path: Path) -> None:
    """networkx node-link JSON with edges under "edges"."""
    data = nx.node_link_data(g, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for r in rows:
        cols.update(dict.fromkeys(r))
    return list(cols)


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ";".join(map(str, v))
    return v


@exporter("csv", "", is_dir=True)
def write_csv(g: nx.MultiDiGraph, path: Path) -> None:
    """nodes.csv and edges.csv in a folder."""
    path.mkdir(parents=True, exist_ok=True)
    nodes = [dict(d, id=n) for n, d in g.nodes(data=True)]
    ncols = ["id"] + [c for c in _columns(nodes) if c != "id"]
    _write_csv(path / "nodes.csv", ncols, [[_cell(n.get(c)) for c in ncols] for n in nodes])
    edges = [dict(d, source=u, target=v, key=k) for u, v, k, d in g.edges(keys=True, data=True)]
    ecols = ["source", "target", "key"] + [
        c for c in _columns(edges) if c not in ("source", "target", "key")
    ]
    _write_csv(path / "edges.csv", ecols, [[_cell(e.get(c)) for c in ecols] for e in edges])


@exporter("neo4j", "", is_dir=True)
def write_neo4j(g: nx.MultiDiGraph, path: Path) -> None:
    """neo4j-admin import CSVs: one node file per label, one relationship file per type."""
    path.mkdir(parents=True, exist_ok=True)
    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    relative = _relative_sources(g)
    for n, d in g.nodes(data=True):
        if n in relative:
            d = dict(d, source=relative[n])
        by_kind.setdefault(str(d.get("kind", "node")), []).append((n, d))
    for kind, items in sorted(by_kind.items()):
        cols = [c for c in _columns([d for _, d in items]) if c != "kind"]
        header = ["id:ID"] + [_neo_header(c, [d.get(c) for _, d in items]) for c in cols]
        rows = [[n] + [_cell(d.get(c)) for c in cols] + [kind.capitalize()] for n, d in items]
        _write_csv(path / f"nodes_{kind}.csv", header + [":LABEL"], rows)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for u, v, d in g.edges(data=True):
        by_type.setdefault(str(d.get("kind", "related")), []).append(dict(d, _u=u, _v=v))
    for kind, edges in sorted(by_type.items()):
        cols = [c for c in _columns(edges) if c not in ("kind", "_u", "_v")]
        header = [":START_ID", ":END_ID"]
        header += [_neo_header(c, [e.get(c) for e in edges]) for c in cols] + [":TYPE"]
        rows = [
            [e["_u"], e["_v"]] + [_cell(e.get(c)) for c in cols] + [kind.upper()] for e in edges
        ]
        _write_csv(path / f"rels_{kind}.csv", header, rows)
    _write_import_script(path)


# Neo4j 5's offline importer; ';' is the array delimiter our list cells use.
IMPORT_SH = """#!/bin/sh
# Load this folder into a new Neo4j database with neo4j-admin (Neo4j 5, server stopped).
# Usage: sh import.sh [DATABASE]    (default: neo4j; an existing one is overwritten)
set -eu
cd "$(dirname "$0")"
exec neo4j-admin database import full "${{1:-neo4j}}" --overwrite-destination \\
  --array-delimiter=';' \\
{files}
"""


def _write_import_script(path: Path) -> None:
    """import.sh beside the CSVs: the one command that loads them into Neo4j."""
    lines = [f"  --nodes={f.name}" for f in sorted(path.glob("nodes_*.csv"))]
    lines += [f"  --relationships={f.name}" for f in sorted(path.glob("rels_*.csv"))]
    script = path / "import.sh"
    script.write_text(IMPORT_SH.format(files=" \\\n".join(lines)), encoding="utf-8")
    script.chmod(0o755)


def _relative_sources(g: nx.MultiDiGraph) -> dict[str, str]:
    """Document node -> its source path relative to the folder all sources share.

    Absolute paths name the machine that ingested; relative ones still say which file.
    """
    found = {
        n: str(d["source"])
        for n, d in g.nodes(data=True)
        if d.get("kind") == "document" and os.path.isabs(str(d.get("source") or ""))
    }
    if not found:
        return {}
    root = os.path.commonpath([os.path.dirname(p) for p in found.values()])
    return {n: os.path.relpath(p, root) for n, p in found.items()}


def _neo_header(col: str, values: list[Any]) -> str:
    """Column header with the Neo4j type of its values: :int, :float, :boolean, :string[]."""
    seen = [v for v in values if v is not None]
    if any(isinstance(v, list) for v in seen):
        return f"{col}:string[]"
    if seen and all(isinstance(v, bool) for v in seen):
        return f"{col}:boolean"
    if seen and all(isinstance(v, int) and not isinstance(v, bool) for v in seen):
        return f"{col}:int"
    if seen and all(isinstance(v, int | float) and not isinstance(v, bool) for v in seen):
        return f"{col}:float"
    return col


def export(g: nx.MultiDiGraph, fmt: str, target: str | Path) -> Path:
    """Write ``g`` as ``fmt`` to ``target``; on any failure no partial output remains."""
    if fmt not in EXPORTERS:
        raise LofteError(
            "E032", f"unknown format {fmt!r}; choose from {', '.join(sorted(EXPORTERS))}"
        )
    ex = EXPORTERS[fmt]
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".lofte-export-", dir=target.parent))
    try:
        out = tmp / "out"
        ex.write(g, out)
        if ex.is_dir and target.exists():
            shutil.rmtree(target)
        os.replace(out, target)
    except LofteError:
        raise
    except Exception as exc:
        raise LofteError("E021", f"{type(exc).__name__}: {exc}", target) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
