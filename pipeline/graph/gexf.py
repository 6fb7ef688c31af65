"""Dynamic GEXF: when each node and edge appears, and each measure's status over time."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Any

import networkx as nx

LABEL_CHARS = 80


def _label(d: dict[str, Any], node: str) -> str:
    """What Gephi shows on a node: a title, name or measure, not the raw id."""
    for key in ("label", "title", "name", "measure", "sentence"):
        value = d.get(key)
        if value:
            text = " ".join(str(value).split())
            return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
    return node


def _dates(h: nx.MultiDiGraph) -> dict[str, str]:
    """The date each node is first heard of: a document's own date, and through the
    documents that contain or mention it for commitments and actors."""
    when: dict[str, str] = {}
    for n, d in h.nodes(data=True):
        if d.get("kind") == "document" and d.get("date"):
            when[n] = str(d["date"])
    documents = dict(when)
    for u, v, _k in h.edges(keys=True):
        if u in documents and v not in documents and (v not in when or documents[u] < when[v]):
            when[v] = documents[u]
    for n, d in h.nodes(data=True):
        if n not in when and d.get("first_seen"):
            when[n] = str(d["first_seen"])
    return when


def _status_spells(h: nx.MultiDiGraph, when: dict[str, str]) -> dict[str, list[tuple[Any, ...]]]:
    """measure -> [(status, start, end), ...] from its commitments in date order."""
    said: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for u, v, d in h.edges(data=True):
        if d.get("kind") == "concerns" and u in when and h.nodes[u].get("status"):
            said[v].append((when[u], str(h.nodes[u]["status"])))
    spells: dict[str, list[tuple[Any, ...]]] = {}
    for measure, items in said.items():
        items.sort()
        changes = [items[0]] + [b for a, b in itertools.pairwise(items) if b[1] != a[1]]
        spells[measure] = [
            (status, start, changes[i + 1][0] if i + 1 < len(changes) else None)
            for i, (start, status) in enumerate(changes)
        ]
    return spells


def make_dynamic(h: nx.MultiDiGraph) -> None:
    """Give ``h`` (already flattened) start dates, readable labels and status spells."""
    when = _dates(h)
    spells = _status_spells(h, when)
    for n, d in h.nodes(data=True):
        d["label"] = _label(d, n)
        if n in when:
            d["start"] = when[n]
        if n in spells:
            # A dynamic attribute: Gephi's timeline shows the status of the day.
            d["status"] = spells[n]
    for u, _v, d in h.edges(data=True):
        if u in when:
            d["start"] = when[u]
