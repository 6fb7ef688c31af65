"""Corpus-level linking: join statements about one measure across documents, explainably."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.lang.slugs import fold, slugify, sort_key
from pipeline.link import context as mc
from pipeline.link.actors import party_of_name
from pipeline.link.keys import content_lemmas
from pipeline.link.timeline import CLOSED, order_key, summarise
from pipeline.store.core import Store

# Calibrated on corpus/labels/measure_pairs.tsv (scripts/eval_linking.py prints the sweep).
JOIN_AT = 0.46
# A blocking key shared by more commitments than this is too common to propose candidates.
MAX_BLOCK = 50
# Measure heads that name no particular measure on their own ("åtgärder", "förslaget").
GENERIC = frozenset(
    [
        "åtgärd",
        "åtgärder",
        "förslag",
        "plan",
        "plana",
        "uppdrag",
        "uppdraget",
        "underlag",
        "underlaget",
        "arbete",
        "beslut",
        "ärende",
        "rapport",
        "denna",
        "detta",
        "den",
        "det",
        "samtidig",
        "samtidigt",
        "följande",
        "kommun",
        "nämnd",
        "förvaltning",
        "verksamhet",
        "fråga",
        "del",
        "sätt",
        "år",
        "mål",
        "insats",
        "föredragningslista",
        "dagordning",
        "protokoll",
        "justering",
        "sammanträde",
        "möte",
    ]
)
W_MEASURE = 0.55
# A shared proper name (a building, a street, a project) is strong evidence of one measure.
W_NAME = 0.15
# Statements years apart are rarely about one measure: the score fades after this many years.
FADE_AFTER_YEARS = 2
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-ZÅÄÖ][a-zåäöé]{3,}(?:[- ][A-ZÅÄÖ][a-zåäöé]+)*)")
_ORG_AFTER = re.compile(
    r"\s*(?:AB|kommun|stad|Stad|[a-zåäö]*nämnd|[a-zåäö]*förvaltning|[a-zåäö]*kontor)"
)


@dataclass
class Features:
    """TF-IDF rows for measure phrases and sentence context, and which phrases say enough."""

    measure: sparse.csr_matrix
    context: sparse.csr_matrix
    informative: np.ndarray
    words: list[set[str]]
    tokens: list[list[str]]
    numbers: list[frozenset[str]]
    names: list[frozenset[str]]
    years: np.ndarray


def featurise(rows: Sequence[Any], title_years: dict[str, int] | None = None) -> Features:
    """Character n-grams over lemmatised measure phrases; lemma words over the sentence."""
    numbers = [frozenset(_NUMBER.findall(r["measure"] or "")) for r in rows]
    # Numbers tell "etapp 2" from "etapp 3" and 500 mnkr from 655 mnkr.
    mlem = [
        " ".join([r["lemmas"] or "", *sorted(ns)]).strip()
        for r, ns in zip(rows, numbers, strict=True)
    ]
    slem = [" ".join(content_lemmas(r["sentence"] or "")) for r in rows]
    vm = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
    vs = TfidfVectorizer(
        analyzer="word", token_pattern=r"(?u)\b[^\W\d_]{3,}\b", sublinear_tf=True, min_df=1
    )
    xm = vm.fit_transform([m or "-" for m in mlem]).tocsr()
    xs = vs.fit_transform([s or "-" for s in slem]).tocsr()
    informative = np.array(
        [any(w not in GENERIC and len(w) > 2 for w in (r["lemmas"] or "").split()) for r in rows]
    )
    words = [set(m.split()) | set(s.split()) for m, s in zip(mlem, slem, strict=True)]
    names = [proper_names(r["sentence"] or "") for r in rows]
    ty = title_years or {}
    years = np.array([_year(r["doc_date"], ty.get(r["doc_id"])) for r in rows], dtype=float)
    tokens = [m.split() for m in mlem]
    return Features(xm, xs, informative, words, tokens, numbers, names, years)


def _year(iso: str | None, fallback: int | None = None) -> float:
    if not iso:
        return fallback + 0.5 if fallback else np.nan
    try:
        return int(iso[:4]) + (int(iso[5:7]) - 1) / 12
    except ValueError:
        return np.nan


def proper_names(sentence: str) -> frozenset[str]:
    """Capitalised names inside a sentence that are not bodies, parties or municipalities."""
    out = set()
    for m in _NAME.finditer(sentence):
        if _ORG_AFTER.match(sentence, m.end()) or mc.municipality_of(m.group(1)):
            continue
        if party_of_name(m.group(1)) or m.group(1).endswith(("nämnden", "förvaltningen")):
            continue
        out.add(fold(m.group(1)))
    return frozenset(out)


def _keys(ws: set[str], measure_tokens: list[str]) -> set[str]:
    """Blocking keys: single lemmas, and pairs of measure tokens (rarer when words are common)."""
    keys = {w for w in ws if len(w) > 2 and w not in GENERIC}
    toks = sorted({t for t in measure_tokens if t not in GENERIC and len(t) > 1})[:8]
    keys.update(f"{a}+{b}" for n, a in enumerate(toks) for b in toks[n + 1 :])
    return keys


def candidates(
    rows: Sequence[Any], words: list[set[str]], tokens: list[list[str]] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (i < j, different documents) that share an uncommon lemma or lemma pair."""
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for n, ws in enumerate(words):
        for key in _keys(ws, tokens[n] if tokens else []):
            indices.append(vocab.setdefault(key, len(vocab)))
        indptr.append(len(indices))
    b = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(rows), len(vocab))
    )
    df = np.asarray(b.sum(axis=0)).ravel()
    keep = np.flatnonzero((df >= 2) & (df <= MAX_BLOCK))
    b = b[:, keep].tocsr()
    docs = np.array([r["doc_id"] for r in rows], dtype=object)
    out_i, out_j = [], []
    bt = b.T.tocsr()
    for lo in range(0, len(rows), 5000):
        c = sparse.triu(b[lo : lo + 5000] @ bt, k=lo + 1).tocoo()
        i, j = c.row + lo, c.col
        diff = docs[i] != docs[j]
        out_i.append(i[diff])
        out_j.append(j[diff])
    if not out_i:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(out_i).astype(int), np.concatenate(out_j).astype(int)


def _rowdot(x: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    out = np.zeros(len(i))
    for lo in range(0, len(i), 50000):
        sl = slice(lo, lo + 50000)
        out[sl] = np.asarray(x[i[sl]].multiply(x[j[sl]]).sum(axis=1)).ravel()
    return out


def pair_scores(f: Features, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, ...]:
    """Combined score plus its parts: measure-phrase and context similarity."""
    sm = _rowdot(f.measure, i, j)
    sc = _rowdot(f.context, i, j)
    both = f.informative[i] & f.informative[j]
    # With a vague phrase ("åtgärder") only the sentence around it can carry identity.
    score = np.where(both, W_MEASURE * sm + (1 - W_MEASURE) * sc, 0.8 * sc)
    named = np.fromiter(
        (bool(f.names[a] & f.names[b]) for a, b in zip(i, j, strict=True)), bool, len(i)
    )
    score = score + W_NAME * named
    gap = np.abs(f.years[i] - f.years[j])
    fade = np.clip(1 - 0.1 * np.nan_to_num(gap - FADE_AFTER_YEARS, nan=0.0), 0.5, 1.0)
    return score * np.where(gap > FADE_AFTER_YEARS, fade, 1.0), sm, sc


def conflict(a: Any, b: Any, ctx: mc.Context) -> str | None:
    """Why two statements cannot be one measure, or None when they are compatible."""
    if mc.disjoint(
        ctx.municipalities.get(a["doc_id"], frozenset()),
        ctx.municipalities.get(b["doc_id"], frozenset()),
    ):
        return "different municipalities"
    if mc.disjoint(ctx.places.get(a["id"], frozenset()), ctx.places.get(b["id"], frozenset())):
        return "different places"
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


class _Clusters:
    """Union-find whose clusters keep one statement per document and one municipality."""

    def __init__(self, rows: Sequence[Any], ctx: mc.Context) -> None:
        self.parent = list(range(len(rows)))
        self.docs = [{r["doc_id"]} for r in rows]
        self.munis = [set(ctx.municipalities.get(r["doc_id"], frozenset())) for r in rows]

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


def _why(a: Any, b: Any, score: float, sm: float, sc: float, shared: set[str]) -> str:
    words = ", ".join(sorted(shared)[:6]) or "-"
    when = f"{a['doc_date'] or '?'} → {b['doc_date'] or '?'}"
    return (
        f"joined with {a['id']} (score {score:.2f}: measure phrase {sm:.2f}, "
        f"context {sc:.2f}; shared words: {words}; no place, body or time conflict; {when})"
    )


def link(
    rows: Sequence[Any], ctx: mc.Context | None = None, threshold: float = JOIN_AT
) -> tuple[list[list[int]], dict[int, str], dict[int, float]]:
    """Clusters of row indexes that state one measure, why each row joined, and its score."""
    ctx = ctx or mc.Context()
    reason: dict[int, str] = {}
    score_of: dict[int, float] = {}
    backward: dict[int, tuple[str, float]] = {}
    if not rows:
        return [], reason, score_of
    f = featurise(rows, ctx.title_years)
    i, j = candidates(rows, f.words, f.tokens)
    score, sm, sc = pair_scores(f, i, j)
    keep = np.flatnonzero(score >= threshold)
    order = keep[np.lexsort((j[keep], i[keep], -score[keep]))]
    uf = _Clusters(rows, ctx)
    for k in order:
        a, b = int(i[k]), int(j[k])
        if uf.find(a) == uf.find(b) or conflict(rows[a], rows[b], ctx):
            continue
        if _numbers_differ(f, a, b):
            continue
        if uf.join(a, b):
            first, second = sorted((a, b), key=lambda x: order_key(rows[x]))
            shared = f.words[a] & f.words[b]
            parts = (float(score[k]), float(sm[k]), float(sc[k]), shared)
            if second not in reason:
                reason[second] = _why(rows[first], rows[second], *parts)
                score_of[second] = parts[0]
            else:
                backward.setdefault(first, (_why(rows[second], rows[first], *parts), parts[0]))
    groups: dict[int, list[int]] = {}
    for x in range(len(rows)):
        groups.setdefault(uf.find(x), []).append(x)
    for members in groups.values():
        # Every statement but the earliest says which statement it was joined through.
        for x in sorted(members, key=lambda m: order_key(rows[m]))[1:]:
            if x not in reason and x in backward:
                reason[x], score_of[x] = backward[x]
    return list(groups.values()), reason, score_of


def label_of(ordered: Sequence[Any]) -> str:
    """Canonical label: the earliest phrase that names the measure, not just 'åtgärder'."""
    for r in ordered:
        words = [w for w in (r["lemmas"] or "").split() if w not in GENERIC]
        if r["measure"] and words:
            return str(r["measure"])
    return str(ordered[0]["measure"] or ordered[0]["sentence"])


def summarise_cluster(rows: Sequence[Any]) -> dict[str, Any]:
    """A measure row: label, status over time, due date, flags and search text."""
    ordered = sorted(rows, key=order_key)
    tl = summarise([dict(r) for r in ordered])
    resp = Counter(r["responsible"] for r in ordered if r["responsible"])
    label = label_of(ordered)
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
    }


def rebuild(store: Store, threshold: float = JOIN_AT) -> int:
    """Recompute every measure from the stored commitments; returns how many there are."""
    rows = [dict(r) for r in store.commitments()]
    ctx = mc.load_context(store)
    clusters, reason, score = link(rows, ctx, threshold)
    measures, members, used = [], [], Counter[str]()
    clusters.sort(key=lambda c: min(order_key(rows[i]) for i in c))
    for cluster in clusters:
        m = summarise_cluster([rows[i] for i in cluster])
        base = f"measure:{slugify(m['label'], 60)}"
        used[base] += 1
        m["id"] = base if used[base] == 1 else f"{base}-{used[base]}"
        measures.append(m)
        for i in sorted(cluster, key=lambda x: order_key(rows[x])):
            why = reason.get(i, "first statement" if len(cluster) > 1 else "only statement")
            members.append((rows[i]["id"], m["id"], why, score.get(i)))
    store.replace_measures(measures, members)
    return len(measures)
