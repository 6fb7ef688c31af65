"""Link a new batch of statements to the measures already stored, at the cost of the batch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.lang.slugs import slugify
from pipeline.link import context as mc
from pipeline.link.features import MAX_BLOCK, candidates, featurise
from pipeline.link.ids import mint
from pipeline.link.measures import JOIN_AT, Clusters, cluster, summarise_cluster
from pipeline.link.naming import shared_sentences
from pipeline.link.reasons import FIRST, ONLY, THROUGH
from pipeline.link.timeline import order_key


def key_pairs(rows: Sequence[Any], keys: Sequence[set[str]]) -> list[tuple[str, str]]:
    """(key, commitment id) pairs to store, so that later batches find these rows."""
    return [(k, r["id"]) for r, ks in zip(rows, keys, strict=True) for k in sorted(ks)]


def usable_keys(keys: Sequence[set[str]], stored: dict[str, int]) -> list[str]:
    """Keys a new row shares with a stored one, and rare enough to block on."""
    within = Counter(k for ks in keys for k in ks)
    return sorted(k for k, n in within.items() if stored.get(k) and stored[k] + n <= MAX_BLOCK)


@dataclass
class Batch:
    """What one batch changes: whole measures to write, their members, measures merged away."""

    measures: list[dict[str, Any]] = field(default_factory=list)
    members: list[tuple[str, str, str, float | None]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def join_batch(
    new: Sequence[dict[str, Any]],
    old: Sequence[dict[str, Any]],
    measure_docs: dict[str, set[str]],
    ctx: mc.Context,
    threshold: float = JOIN_AT,
) -> tuple[list[list[int]], dict[int, str], dict[int, float]]:
    """Clusters over ``old + new`` (indexes), where old rows start in their stored measures.

    Only pairs with a new row are scored: stored measures stay as they were decided, unless
    a new statement joins two of them.
    """
    rows = [*old, *new]
    f = featurise(rows, ctx.title_years)
    i, j = candidates(rows, f.words, f.tokens, since=len(old))
    uf = Clusters(rows, ctx)
    by_measure: dict[str, list[int]] = {}
    for n, r in enumerate(old):
        by_measure.setdefault(r["measure_id"], []).append(n)
    for mid, members in by_measure.items():
        uf.seed(members, measure_docs.get(mid, set()))
    return cluster(rows, f, (i, j), ctx, threshold, uf)


def _new_id(label: str, taken: set[str]) -> str:
    return mint(f"measure:{slugify(label, 60)}", taken)


def _reason(r: dict[str, Any], why: str | None, earliest: bool, alone: bool) -> str:
    if why:
        return why
    stored = r.get("reason")
    if alone:
        return ONLY
    if earliest:
        return FIRST
    if stored in (None, FIRST, ONLY):
        # It was the first of its measure until an earlier statement arrived with this batch.
        return THROUGH
    return str(stored)


def assemble(
    groups: Iterable[list[int]],
    rows: Sequence[dict[str, Any]],
    reason: dict[int, str],
    score: dict[int, float],
    stored_members: dict[str, list[dict[str, Any]]],
    taken: set[str],
) -> Batch:
    """Whole measures for every cluster that took a new row (``rows`` are old + new)."""
    out = Batch()
    by_id = {str(r["id"]): n for n, r in enumerate(rows)}
    # A sentence's statements come from one document, so one batch holds all of them.
    shared = shared_sentences(rows)
    for group in groups:
        if all(rows[x].get("measure_id") for x in group):
            continue  # no new statement: the stored measure stands
        old_ids = sorted({str(rows[x]["measure_id"]) for x in group if rows[x].get("measure_id")})
        members = {str(rows[x]["id"]): rows[x] for x in group}
        for mid in old_ids:
            members.update({str(m["id"]): m for m in stored_members.get(mid, [])})
        ordered = sorted(members.values(), key=order_key)
        m = summarise_cluster(ordered, shared)
        kept = (
            min(old_ids, key=lambda mid: order_key(_first(stored_members, mid)))
            if old_ids
            else None
        )
        m["id"] = kept or _new_id(m["label"], taken)
        out.measures.append(m)
        out.dropped.extend(mid for mid in old_ids if mid != m["id"])
        for n, r in enumerate(ordered):
            x = by_id.get(str(r["id"]))
            why = reason.get(x) if x is not None else None
            text = _reason(r, why, n == 0, len(ordered) == 1)
            kept_score = score.get(x) if x is not None and why else r.get("score")
            out.members.append((str(r["id"]), m["id"], text, kept_score))
    return out


def _first(stored_members: dict[str, list[dict[str, Any]]], mid: str) -> dict[str, Any]:
    return min(stored_members.get(mid) or [{}], key=order_key)
