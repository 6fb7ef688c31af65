"""Scoring measure linking against corpus/gold/links.tsv: pair decisions and whole chains."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.eval import gold
from pipeline.eval.score import greedy_match, jaccard, words
from pipeline.lang.slugs import fold
from pipeline.link import context as mc
from pipeline.link.keys import content_lemmas

Key = tuple[str, int]  # (doc_id, index of the commitment in its gold record)
POSITIVE = ("same_measure", "followup")


@dataclass(frozen=True)
class Pair:
    """Two gold commitments of different documents, one measure or not."""

    a: Key
    b: Key
    same: bool
    group: str  # the fold this pair is scored in: its chain, or the pair itself for negatives
    note: str


def read_pairs(rows: Iterable[Mapping[str, str]]) -> list[Pair]:
    """The labelled pairs of ``links.tsv``."""
    out = []
    for r in rows:
        a, b = (r["doc_a"], int(r["idx_a"])), (r["doc_b"], int(r["idx_b"]))
        chain = r["chain_id"]
        # Chain-less hard negatives ("N") are each their own fold.
        group = chain if chain and chain != "N" else f"N:{a[0]}~{b[0]}"
        out.append(Pair(a, b, r["relation"] in POSITIVE, group, r.get("note", "")))
    return out


def gold_rows(docs: Sequence[gold.GoldDoc]) -> tuple[list[dict[str, Any]], dict[Key, int]]:
    """Every gold commitment as a stored commitment row, and the row of each gold key."""
    rows: list[dict[str, Any]] = []
    where: dict[Key, int] = {}
    for d in docs:
        rec = d.record()
        for n, c in enumerate(rec.get("commitments", [])):
            where[(d.doc_id, n)] = len(rows)
            rows.append(
                {
                    "id": f"{d.doc_id}#{n}",
                    "doc_id": d.doc_id,
                    "n": n,
                    "sentence": c.get("sentence") or "",
                    "measure": c.get("measure"),
                    "lemmas": " ".join(content_lemmas(c.get("measure") or c.get("sentence") or "")),
                    "responsible": c.get("responsible"),
                    "status": c.get("status") or "pledged",
                    "doc_date": rec.get("date"),
                    "doc_type": rec.get("doc_type"),
                }
            )
    return rows, where


def gold_context(docs: Sequence[gold.GoldDoc]) -> mc.Context:
    """Each gold document's municipality (from its source list) and the places in each record."""
    ctx = mc.Context()
    for d in docs:
        rec = d.record()
        names = [str(a["name"]) for a in rec.get("actors", []) if a.get("kind") == "place"]
        title = fold(rec.get("title") or "")
        in_title = mc.local_places(x for x in names if fold(x) in title)
        if in_title:
            ctx.title_places[d.doc_id] = in_title
        for n, c in enumerate(rec.get("commitments", [])):
            sentence = fold(c.get("sentence") or "")
            inside = mc.local_places(x for x in names if fold(x) in sentence)
            if inside:
                ctx.places[f"{d.doc_id}#{n}"] = inside
        muni = mc.municipality_of(d.municipality) if d.municipality else None
        ctx.municipalities[d.doc_id] = frozenset(
            [muni or fold(d.municipality)] if muni or d.municipality else []
        )
    return ctx


def match_extracted(
    docs: Sequence[gold.GoldDoc], rows: Sequence[Mapping[str, Any]]
) -> dict[Key, int]:
    """Gold key -> extracted row, matched by sentence words as ``lofte evaluate`` matches."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_doc[str(r["doc_id"])].append(i)
    where: dict[Key, int] = {}
    for d in docs:
        gc = d.record().get("commitments", [])
        pred = by_doc.get(d.doc_id, [])
        pw = [words(rows[i]["sentence"]) for i in pred]
        gw = [words(c.get("sentence")) for c in gc]
        for i, j, _ in _sentence_matches(pw, gw):
            where[(d.doc_id, j)] = pred[i]
    return where


def _sentence_matches(pw: list[set[str]], gw: list[set[str]]) -> list[tuple[int, int, float]]:
    """One-to-one sentence matches at word Jaccard >= 0.5."""
    return greedy_match(range(len(pw)), range(len(gw)), lambda i, j: jaccard(pw[i], gw[j]), 0.5)


@dataclass
class PairScore:
    """Pair decisions against the labels."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    missing: int = 0  # a positive pair with an end the extractor did not find
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Of the labelled pairs joined, the share that are one measure."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Of the labelled same-measure pairs, the share joined (unfound ends count as missed)."""
        pos = self.tp + self.fn + self.missing
        return self.tp / pos if pos else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of pair precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_pairs(
    pairs: Iterable[Pair], where: Mapping[Key, int], cluster_of: Sequence[int]
) -> PairScore:
    """Tally joined / not joined for each labelled pair."""
    s = PairScore()
    for p in pairs:
        a, b = where.get(p.a), where.get(p.b)
        if a is None or b is None:
            s.missing += p.same
            s.tn += not p.same
            if p.same:
                s.wrong.append(f"MISSING {p.a} ~ {p.b}: {p.note}")
            continue
        joined = cluster_of[a] == cluster_of[b]
        s.tp += joined and p.same
        s.fp += joined and not p.same
        s.fn += p.same and not joined
        s.tn += not joined and not p.same
        if joined != p.same:
            s.wrong.append(f"{'FP' if joined else 'FN'} {p.a} ~ {p.b}: {p.note}")
    return s


def chains(pairs: Iterable[Pair]) -> list[tuple[set[Key], set[str]]]:
    """Connected components of the same-measure pairs, with the folds they come from."""
    parent: dict[Key, Key] = {}

    def find(k: Key) -> Key:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    groups: dict[Key, set[str]] = defaultdict(set)
    for p in pairs:
        if p.same:
            parent[find(p.a)] = find(p.b)
    members: dict[Key, set[Key]] = defaultdict(set)
    for p in pairs:
        if p.same:
            for k in (p.a, p.b):
                members[find(k)].add(k)
                groups[find(k)].add(p.group)
    return [(m, groups[root]) for root, m in members.items()]


def chain_whole(
    chain: set[Key],
    where: Mapping[Key, int],
    cluster_of: Sequence[int],
    rows: Sequence[Mapping[str, Any]],
) -> bool:
    """All of a chain in one measure, holding no statement of a document outside the chain."""
    idx = [where.get(k) for k in chain]
    if any(i is None for i in idx):
        return False
    clusters = {cluster_of[i] for i in idx if i is not None}
    if len(clusters) != 1:
        return False
    (c,) = clusters
    docs = {k[0] for k in chain}
    return all(rows[i]["doc_id"] in docs for i, cl in enumerate(cluster_of) if cl == c)


def cluster_index(clusters: Sequence[Sequence[int]], n: int) -> list[int]:
    """The cluster number of every row."""
    out = [-1] * n
    for c, members in enumerate(clusters):
        for i in members:
            out[i] = c
    return out
