"""Corpus-level linking: join statements about one measure across documents, explainably."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from pipeline.lang.slugs import slugify, sort_key
from pipeline.lexicon.outside import outside
from pipeline.lexicon.words import stopwords
from pipeline.link import context as mc
from pipeline.link.features import GENERIC, Features, candidates, featurise, pair_scores
from pipeline.link.ids import mint
from pipeline.link.naming import shared_sentences, shown_label
from pipeline.link.reasons import FIRST, ONLY, joined
from pipeline.link.timeline import order_key, summarise
from pipeline.records import CLOSED

# Calibrated on corpus/labels/measure_pairs.tsv (scripts/eval_measure_pairs.py prints the sweep).
JOIN_AT = 0.46


def conflict(a: Any, b: Any, ctx: mc.Context) -> str | None:
    """Why two statements cannot be one measure, or None when they are compatible."""
    if mc.disjoint(
        ctx.municipalities.get(a["doc_id"], frozenset()),
        ctx.municipalities.get(b["doc_id"], frozenset()),
    ):
        return "different municipalities"
    if mc.disjoint(ctx.places_of(a["id"], a["doc_id"]), ctx.places_of(b["id"], b["doc_id"])):
        return "different places"
    if ctx.elsewhere.get(a["id"], frozenset()) != ctx.elsewhere.get(b["id"], frozenset()):
        return "one speaks of another municipality"
    if mc.bodies_conflict(a["responsible"], b["responsible"]):
        return "different responsible bodies"
    first, second = sorted((a, b), key=order_key)
    if (
        first["doc_date"]
        and second["doc_date"]
        and first["doc_date"] < second["doc_date"]
        and first["status"] in CLOSED
        and second["status"] in ("proposed", "pledged")
    ):
        return "a follow-up would predate the pledge"
    return None


def _numbers_differ(f: Features, a: int, b: int) -> bool:
    """Both phrases carry numbers and share none: "etapp 2" is not "etapp 3"."""
    both = f.informative[a] and f.informative[b] and f.numbers[a] and f.numbers[b]
    return bool(both and not f.numbers[a] & f.numbers[b])


# Items decided anew every year (an utdelning, a bokslut): same words, another measure.
YEARLY = stopwords("yearly")


def _other_year(f: Features, a: int, b: int) -> bool:
    """A yearly item stated in two different years is two decisions, not one measure."""
    ya, yb = f.years[a], f.years[b]
    if np.isnan(ya) or np.isnan(yb) or int(ya) == int(yb):
        return False
    return bool(YEARLY & f.words[a] or YEARLY & f.words[b])


class Clusters:
    """Union-find whose clusters keep one statement per document and one municipality."""

    def __init__(self, rows: Sequence[Any], ctx: mc.Context) -> None:
        self.ctx = ctx
        self.parent = list(range(len(rows)))
        self.docs = [{r["doc_id"]} for r in rows]
        self.munis = [set(ctx.municipalities.get(r["doc_id"], frozenset())) for r in rows]

    def seed(self, members: Sequence[int], docs: set[str]) -> None:
        """Make ``members`` one cluster already holding statements from ``docs``."""
        root = members[0]
        for x in members[1:]:
            self.parent[x] = root
        self.docs[root] = set(docs) | {d for x in members for d in self.docs[x]}
        for d in self.docs[root]:
            self.munis[root] |= self.ctx.municipalities.get(d, frozenset())

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.docs[ra] & self.docs[rb]:
            return False
        if self.munis[ra] and self.munis[rb] and not (self.munis[ra] & self.munis[rb]):
            return False
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.docs[keep] |= self.docs[drop]
        self.munis[keep] |= self.munis[drop]
        return True


def link(
    rows: Sequence[Any],
    ctx: mc.Context | None = None,
    threshold: float = JOIN_AT,
    f: Features | None = None,
) -> tuple[list[list[int]], dict[int, str], dict[int, float]]:
    """Clusters of row indexes that state one measure, why each row joined, and its score."""
    ctx = ctx or mc.Context()
    if not rows:
        return [], {}, {}
    f = f or featurise(rows, ctx.title_years)
    i, j = candidates(rows, f.words, f.tokens)
    return cluster(rows, f, (i, j), ctx, threshold, Clusters(rows, ctx))


def cluster(
    rows: Sequence[Any],
    f: Features,
    pairs: tuple[np.ndarray, np.ndarray],
    ctx: mc.Context,
    threshold: float,
    uf: Clusters,
) -> tuple[list[list[int]], dict[int, str], dict[int, float]]:
    """Join candidate pairs best first into ``uf``; clusters, reasons and scores."""
    i, j = pairs
    reason: dict[int, str] = {}
    score_of: dict[int, float] = {}
    backward: dict[int, tuple[str, float]] = {}
    score, sm, sc = pair_scores(f, i, j)
    keep = np.flatnonzero(score >= threshold)
    order = keep[np.lexsort((j[keep], i[keep], -score[keep]))]
    for k in order:
        a, b = int(i[k]), int(j[k])
        if uf.find(a) == uf.find(b) or conflict(rows[a], rows[b], ctx):
            continue
        if _numbers_differ(f, a, b) or _other_year(f, a, b):
            continue
        if uf.join(a, b):
            first, second = sorted((a, b), key=lambda x: order_key(rows[x]))
            shared = f.words[a] & f.words[b]
            parts = (float(score[k]), float(sm[k]), float(sc[k]), shared)
            if second not in reason:
                reason[second] = joined(rows[first], rows[second], *parts)
                score_of[second] = parts[0]
            else:
                backward.setdefault(first, (joined(rows[second], rows[first], *parts), parts[0]))
    groups: dict[int, list[int]] = {}
    for x in range(len(rows)):
        groups.setdefault(uf.find(x), []).append(x)
    for members in groups.values():
        # Every statement but the earliest says which statement it was joined through.
        for x in sorted(members, key=lambda m: order_key(rows[m]))[1:]:
            if x not in reason and x in backward:
                reason[x], score_of[x] = backward[x]
    return list(groups.values()), reason, score_of


def label_of(ordered: Sequence[Any], shared: frozenset[tuple[str, str]] = frozenset()) -> str:
    """Canonical label: the earliest phrase that reads as a measure's name, else a quote."""
    return shown_label(ordered, GENERIC, shared)


def summarise_cluster(
    rows: Sequence[Any], shared: frozenset[tuple[str, str]] = frozenset()
) -> dict[str, Any]:
    """A measure row: label, status over time, due date, flags and search text.

    ``shared`` are the sentences that give several statements (naming.shared_sentences).
    """
    ordered = sorted(rows, key=order_key)
    tl = summarise([dict(r) for r in ordered])
    resp = Counter(r["responsible"] for r in ordered if r["responsible"])
    label = label_of(ordered, shared)
    search = " ".join(
        f"{r['measure'] or ''} {r['lemmas'] or ''} {r['sentence']} {r['responsible'] or ''}"
        for r in ordered
    )
    return {
        "label": label,
        "status": tl.status,
        "due": tl.due,
        "first_seen": tl.first_seen,
        "last_seen": tl.last_seen,
        "statements": len(ordered),
        "responsible": resp.most_common(1)[0][0] if resp else None,
        "search": f"{label} {search}",
        "closed": int(tl.closed),
        "assessment": tl.assessment,
        "motion_date": tl.motion_date,
        "decision_date": tl.decision_date,
        "sort_key": sort_key(label),
        "sources": ",".join(sorted({r["doc_id"] for r in ordered})),
        # Every statement has the state, the EU or an inquiry act: not the council's measure.
        "outside": int(all(outside(r["sentence"], r["responsible"]) for r in ordered)),
    }


def measure_table(
    rows: Sequence[Any], ctx: mc.Context, threshold: float = JOIN_AT, f: Features | None = None
) -> tuple[list[dict[str, Any]], list[tuple[str, str, str, float | None]]]:
    """Measures linked from commitment rows, and (commitment, measure, reason, score) members."""
    clusters, reason, score = link(rows, ctx, threshold, f)
    measures, members, taken = [], [], set[str]()
    clusters.sort(key=lambda c: min(order_key(rows[i]) for i in c))
    shared = shared_sentences(rows)
    for cluster in clusters:
        m = summarise_cluster([rows[i] for i in cluster], shared)
        m["id"] = mint(f"measure:{slugify(m['label'], 60)}", taken)
        measures.append(m)
        for i in sorted(cluster, key=lambda x: order_key(rows[x])):
            why = reason.get(i, FIRST if len(cluster) > 1 else ONLY)
            members.append((rows[i]["id"], m["id"], why, score.get(i)))
    return measures, members
