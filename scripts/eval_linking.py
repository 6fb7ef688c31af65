"""Measure linking against corpus/gold/links.tsv: pair precision/recall and whole chains.

The linker's one fitted number, its join threshold, is chosen leave-one-chain-out: each
chain (and each chain-less hard negative) is scored at the threshold that does best on all
the other labelled pairs, so no pair is scored by a threshold fitted to it. Two inputs:
``gold`` links the hand-annotated commitments of every gold document (the linker alone);
``extracted`` ingests the gold texts and links what the pipeline extracted (end to end; a
pair whose commitment was not extracted counts as missed).

    python scripts/eval_linking.py [--source gold|extracted|both] [--wrong]

The older pair labels of corpus/labels/measure_pairs.tsv: scripts/eval_measure_pairs.py.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline import api  # noqa: E402
from pipeline.eval import gold  # noqa: E402
from pipeline.eval import linking as ev  # noqa: E402
from pipeline.link import context as mc  # noqa: E402
from pipeline.link import measures  # noqa: E402
from pipeline.run import relink  # noqa: E402
from pipeline.store.core import Store  # noqa: E402

GRID = [round(0.30 + 0.02 * k, 2) for k in range(21)]


def _inputs(source: str, docs: list[gold.GoldDoc], tmp: Path) -> tuple[Any, Any, mc.Context]:
    """Rows to link, the row of each gold key, and the linking context."""
    if source == "gold":
        rows, where = ev.gold_rows(docs)
        return rows, where, ev.gold_context(docs)
    texts = tmp / "texts"
    texts.mkdir()
    for d in docs:
        shutil.copy(d.text_path, texts / d.text_path.name)
    db = tmp / "eval.db"
    api.ingest([texts], db, jobs=2, link=False)
    with Store(db) as store:
        rows = [dict(r) for r in store.commitments()]
        ctx = relink.load_context(store)
    return rows, ev.match_extracted(docs, rows), ctx


def evaluate(source: str, show_wrong: bool) -> dict[str, Any]:
    """Leave-one-chain-out pair and chain scores for one input."""
    docs = gold.load()
    pairs = ev.read_pairs(gold.read_links())
    with tempfile.TemporaryDirectory() as tmp:
        rows, where, ctx = _inputs(source, docs, Path(tmp))
    cluster_of = {
        t: ev.cluster_index(measures.link(rows, ctx, t)[0], len(rows))
        for t in sorted({*GRID, measures.JOIN_AT})
    }
    groups = sorted({p.group for p in pairs})

    def best_without(held: set[str]) -> float:
        train = [p for p in pairs if p.group not in held]
        return max(GRID, key=lambda t: (ev.score_pairs(train, where, cluster_of[t]).f1, t))

    total = ev.PairScore()
    chosen: dict[str, float] = {}
    for g in groups:
        t = chosen[g] = best_without({g})
        s = ev.score_pairs([p for p in pairs if p.group == g], where, cluster_of[t])
        total.tp, total.fp, total.fn, total.tn = (
            total.tp + s.tp,
            total.fp + s.fp,
            total.fn + s.fn,
            total.tn + s.tn,
        )
        total.missing += s.missing
        total.wrong += [f"[{g} @ {t:.2f}] {w}" for w in s.wrong]
    comps = ev.chains(pairs)
    whole = sum(ev.chain_whole(c, where, cluster_of[best_without(gs)], rows) for c, gs in comps)
    shipped = ev.score_pairs(pairs, where, cluster_of[measures.JOIN_AT])
    print(
        f"{source}: {len(rows)} commitments, {sum(p.same for p in pairs)} same-measure pairs, "
        f"{sum(not p.same for p in pairs)} hard negatives, {len(comps)} chains"
    )
    print(
        f"  leave-one-chain-out: pair precision {total.precision:.3f} recall {total.recall:.3f} "
        f"(tp {total.tp} fp {total.fp} fn {total.fn} missing {total.missing}); "
        f"chains whole {whole}/{len(comps)} ({whole / max(1, len(comps)):.0%})"
    )
    print(
        f"  at the shipped threshold {measures.JOIN_AT:.2f} (not held out): precision "
        f"{shipped.precision:.3f} recall {shipped.recall:.3f}"
    )
    if show_wrong:
        for line in total.wrong:
            print("   ", line)
    return {
        "source": source,
        "precision": total.precision,
        "recall": total.recall,
        "chains_whole": whole,
        "chains": len(comps),
    }


def main() -> int:
    """Print the scores (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", choices=("gold", "extracted", "both"), default="both")
    ap.add_argument("--wrong", action="store_true", help="list every wrong pair decision")
    a = ap.parse_args()
    for source in ("gold", "extracted") if a.source == "both" else (a.source,):
        evaluate(source, a.wrong)
    return 0


if __name__ == "__main__":
    sys.exit(main())
