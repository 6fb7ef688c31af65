"""What linking compares: TF-IDF features of measure phrases and sentences, and candidate pairs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from pipeline.lang.slugs import fold
from pipeline.lexicon.words import stopwords
from pipeline.link import compounds, tfidf
from pipeline.link import context as mc
from pipeline.link.actors import party_of_name
from pipeline.link.keys import content_lemmas

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
        # A handlingsplan is named by what it is for; its own parts say nothing.
        "handling",
        "handlingsplan",
        "handlingsplana",
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
_ACRONYM = re.compile(r"\b[A-ZÅÄÖ]{3,6}\b")
_NOT_ACRONYMS = stopwords("acronym")
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


def lexical(rows: Sequence[Any]) -> tuple[list[str], list[str], list[frozenset[str]]]:
    """Measure lemmas (with numbers), sentence lemmas and numbers, compounds split."""
    numbers = [frozenset(_NUMBER.findall(r["measure"] or "")) for r in rows]
    # Numbers tell "etapp 2" from "etapp 3" and 500 mnkr from 655 mnkr.
    mlem = [
        " ".join([with_parts(r["lemmas"] or ""), *sorted(ns)]).strip()
        for r, ns in zip(rows, numbers, strict=True)
    ]
    slem = [with_parts(" ".join(content_lemmas(r["sentence"] or ""))) for r in rows]
    return mlem, slem, numbers


def blocking_keys(rows: Sequence[Any]) -> list[set[str]]:
    """Every blocking key of every row, before any frequency filter."""
    mlem, slem, _ = lexical(rows)
    return [
        keys_of(set(m.split()) | set(s.split()), m.split()) for m, s in zip(mlem, slem, strict=True)
    ]


def featurise(rows: Sequence[Any], title_years: dict[str, int] | None = None) -> Features:
    """Character n-grams over lemmatised measure phrases; lemma words over the sentence."""
    mlem, slem, numbers = lexical(rows)
    xm = tfidf.tfidf([m or "-" for m in mlem], lambda t: tfidf.char_wb(t, 3, 5))
    xs = tfidf.tfidf([s or "-" for s in slem], tfidf.words(r"(?u)\b[^\W\d_]{3,}\b"))
    informative = np.array(
        [any(w not in GENERIC and len(w) > 2 for w in (r["lemmas"] or "").split()) for r in rows]
    )
    words = [set(m.split()) | set(s.split()) for m, s in zip(mlem, slem, strict=True)]
    names = [proper_names(r["sentence"] or "") for r in rows]
    ty = title_years or {}
    years = np.array([_year(r["doc_date"], ty.get(r["doc_id"])) for r in rows], dtype=float)
    tokens = [m.split() for m in mlem]
    return Features(xm, xs, informative, words, tokens, numbers, names, years)


def with_parts(lemmas: str) -> str:
    """Lemmas followed by the parts of their compounds: polisnärvaro also says polis, närvaro."""
    words = lemmas.split()
    extra = [p for w in words for p in compounds.parts(w) if p not in GENERIC and len(p) > 2]
    return " ".join(words + extra)


def _year(iso: str | None, fallback: int | None = None) -> float:
    if not iso:
        return fallback + 0.5 if fallback else np.nan
    try:
        return int(iso[:4]) + (int(iso[5:7]) - 1) / 12
    except ValueError:
        return np.nan


def proper_names(sentence: str) -> frozenset[str]:
    """Names inside a sentence that are not bodies, parties or municipalities.

    Capitalised words, and acronyms such as SSPF or EST: a method or a programme's
    abbreviation is as telling as a street name.
    """
    out = {a.casefold() for a in _ACRONYM.findall(sentence) if a.casefold() not in _NOT_ACRONYMS}
    for m in _NAME.finditer(sentence):
        if _ORG_AFTER.match(sentence, m.end()) or mc.municipality_of(m.group(1)):
            continue
        if party_of_name(m.group(1)) or m.group(1).endswith(("nämnden", "förvaltningen")):
            continue
        out.add(fold(m.group(1)))
    return frozenset(out)


def keys_of(ws: set[str], measure_tokens: list[str]) -> set[str]:
    """Blocking keys: single lemmas, and pairs of measure tokens (rarer when words are common)."""
    keys = {w for w in ws if len(w) > 2 and w not in GENERIC}
    toks = sorted({t for t in measure_tokens if t not in GENERIC and len(t) > 1})[:8]
    keys.update(f"{a}+{b}" for n, a in enumerate(toks) for b in toks[n + 1 :])
    return keys


def candidates(
    rows: Sequence[Any],
    words: list[set[str]],
    tokens: list[list[str]] | None = None,
    since: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (i < j, different documents) that share an uncommon lemma or lemma pair.

    With ``since``, only pairs whose later row is at or after that index (a new batch).
    """
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for n, ws in enumerate(words):
        for key in keys_of(ws, tokens[n] if tokens else []):
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
    bt = b[since:].T.tocsr()
    for lo in range(0, len(rows), 5000):
        # Row lo+r against column c: with since, columns are rows since.. onwards.
        c = sparse.triu(b[lo : lo + 5000] @ bt, k=lo + 1 - since).tocoo()
        i, j = c.row + lo, c.col + since
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
