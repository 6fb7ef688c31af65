"""Measure linking precision/recall on hand-labelled commitment pairs, with a threshold sweep.

Reads corpus/labels/measure_pairs.tsv (pairs labelled same/different from corpus/real and
the seeds). Ingests corpus/ into a temporary store unless --db names an ingested one.

    python scripts/eval_measure_pairs.py [--db lofte.db] [--sweep]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline import api  # noqa: E402
from pipeline.lang.slugs import fold  # noqa: E402
from pipeline.link import measures  # noqa: E402
from pipeline.run import relink  # noqa: E402
from pipeline.store.core import Store  # noqa: E402

LABELS = REPO / "corpus" / "labels" / "measure_pairs.tsv"


def load_labels(path: Path = LABELS) -> list[dict[str, str]]:
    """The labelled pairs: doc_a, quote_a, doc_b, quote_b, label, note."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def locate(rows: list[dict[str, Any]], doc_id: str, quote: str) -> int | None:
    """Index of the commitment of ``doc_id`` whose sentence starts like ``quote``."""
    want = fold(quote)[:50]
    for n, r in enumerate(rows):
        if r["doc_id"] == doc_id and fold(r["sentence"]).startswith(want):
            return n
    return None


def score(
    rows: list[dict[str, Any]], labels: list[dict[str, str]], clusters: list[list[int]]
) -> dict[str, Any]:
    """Pairwise precision and recall of 'joined' against the labels."""
    where = {i: c for c, members in enumerate(clusters) for i in members}
    tp = fp = fn = tn = missing = 0
    wrong = []
    for lab in labels:
        a = locate(rows, lab["doc_a"], lab["quote_a"])
        b = locate(rows, lab["doc_b"], lab["quote_b"])
        if a is None or b is None:
            missing += 1
            continue
        joined = where[a] == where[b]
        same = lab["label"] == "same"
        tp += joined and same
        fp += joined and not same
        fn += same and not joined
        tn += not joined and not same
        if joined != same:
            wrong.append(
                f"{'FP' if joined else 'FN'} {lab['doc_a']} ~ {lab['doc_b']}: {lab['note']}"
            )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "missing": missing,
        "precision": precision,
        "recall": recall,
        "wrong": wrong,
    }


def main() -> int:
    """Print precision/recall at the shipped threshold (and a sweep with --sweep)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an ingested store (default: ingest corpus/ into a temp store)")
    ap.add_argument("--sweep", action="store_true", help="also try other thresholds")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or str(Path(tmp) / "eval.db")
        if not a.db:
            api.ingest([REPO / "corpus"], db, jobs=2)
        with Store(db) as store:
            rows = [dict(r) for r in store.commitments()]
            ctx = relink.load_context(store)
        labels = load_labels()
        grid = [round(0.30 + 0.02 * k, 2) for k in range(16)] if a.sweep else []
        for t in sorted({*grid, measures.JOIN_AT}):
            clusters, _, _ = measures.link(rows, ctx, t)
            s = score(rows, labels, clusters)
            mark = "  <- shipped" if t == measures.JOIN_AT else ""
            print(
                f"threshold {t:.2f}: precision {s['precision']:.3f} recall {s['recall']:.3f} "
                f"(tp {s['tp']} fp {s['fp']} fn {s['fn']} tn {s['tn']}, "
                f"{s['missing']} pairs not found){mark}"
            )
            if t == measures.JOIN_AT:
                for line in s["wrong"]:
                    print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
