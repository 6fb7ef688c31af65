"""Corpus-level linking: join statements about one measure and derive its status over time."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Any

from pipeline.slugs import slugify
from pipeline.store import Store

JOIN_AT = 0.5
# A lemma shared by this many commitments says nothing about identity ("arbete", "plan").
MAX_BLOCK = 200


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def link(rows: list[sqlite3.Row]) -> tuple[list[list[int]], dict[int, str]]:
    """Clusters of row indexes that state the same measure, and why each row joined."""
    lemmas = [set((r["lemmas"] or "").split()) for r in rows]
    block: dict[str, list[int]] = defaultdict(list)
    for i, ls in enumerate(lemmas):
        for lem in ls:
            block[lem].append(i)
    uf = _Union(len(rows))
    reason: dict[int, str] = {}
    for members in block.values():
        if len(members) > MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if rows[i]["doc_id"] == rows[j]["doc_id"] or uf.find(i) == uf.find(j):
                    continue
                sim = _jaccard(lemmas[i], lemmas[j])
                if sim >= JOIN_AT:
                    uf.join(i, j)
                    shared = ", ".join(sorted(lemmas[i] & lemmas[j]))
                    why = f"same measure words ({shared}); similarity {sim:.2f}"
                    reason.setdefault(j, f"{why} with {rows[i]['id']}")
                    reason.setdefault(i, f"{why} with {rows[j]['id']}")
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[uf.find(i)].append(i)
    return list(groups.values()), reason


def _order(r: sqlite3.Row) -> tuple[str, str, int]:
    return (r["doc_date"] or "", r["doc_id"], r["n"])


def summarise(rows: list[sqlite3.Row]) -> dict[str, Any]:
    """A measure's label, latest status, due date and first/last evidence."""
    ordered = sorted(rows, key=_order)
    label = ordered[0]["measure"] or ordered[0]["sentence"]
    ends = [r["deadline_end"] for r in ordered if r["deadline_end"]]
    dates = [r["doc_date"] for r in ordered if r["doc_date"]]
    resp = Counter(r["responsible"] for r in ordered if r["responsible"])
    search = " ".join(f"{r['measure'] or ''} {r['lemmas'] or ''} {r['sentence']}" for r in ordered)
    return {
        "label": label,
        "status": ordered[-1]["status"],
        "due": max(ends) if ends else None,
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "statements": len(ordered),
        "responsible": resp.most_common(1)[0][0] if resp else None,
        "search": search,
    }


def rebuild(store: Store) -> int:
    """Recompute every measure from the stored commitments; returns how many there are."""
    rows = store.commitments()
    clusters, reason = link(rows)
    measures, members, used = [], [], Counter[str]()
    for cluster in sorted(clusters, key=lambda c: min(_order(rows[i]) for i in c)):
        m = summarise([rows[i] for i in cluster])
        base = f"measure:{slugify(m['label'], 60)}"
        used[base] += 1
        m["id"] = base if used[base] == 1 else f"{base}-{used[base]}"
        measures.append(m)
        for i in cluster:
            why = reason.get(i, "first statement" if len(cluster) > 1 else "only statement")
            members.append((rows[i]["id"], m["id"], why))
    store.replace_measures(measures, members)
    return len(measures)
