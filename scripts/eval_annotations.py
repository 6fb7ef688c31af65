"""Score commitments on the hand-labelled corpus_real sentences (reads ../shared).

Gold = label-1 rows of corpus/annotations/sentences.tsv (or --tsv, e.g. the held-out
heldout.tsv), per document; the text is ../shared/corpus_real/<doc_id>.txt. Same metric as
`lofte evaluate`.
With --gold-dir, each document's JSON there (doc_type, date, title, references, actors, as
in gold/SCHEMA.md) joins its commitments and the whole table is printed.
Usage: .venv/bin/python scripts/eval_annotations.py [--tsv FILE] [--gold-dir DIR] [--details]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.api import extract_text  # noqa: E402
from pipeline.eval.devpaths import CORPUS_REAL  # noqa: E402
from pipeline.eval.score import score  # noqa: E402

CORPUS = CORPUS_REAL
TSV = ROOT / "corpus" / "annotations" / "sentences.tsv"


def gold_docs(tsv: Path = TSV) -> dict[str, list[dict[str, Any]]]:
    """doc_id -> gold commitments (sentence, measure, status) from the annotation file."""
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with tsv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            docs.setdefault(row["doc_id"], [])
            if row["label"] == "1":
                docs[row["doc_id"]].append(
                    {
                        "sentence": row["sentence"],
                        "measure": row["measure"],
                        "status": row["status"],
                    }
                )
    return docs


def main() -> int:
    """Print the table (and per-document misses with --details)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tsv", type=Path, default=TSV, help="annotation file (default: %(default)s)")
    ap.add_argument("--gold-dir", type=Path, help="per-document gold JSON for the other fields")
    ap.add_argument("--details", action="store_true", help="print misses and spurious finds")
    a = ap.parse_args()
    pairs = []
    for doc_id, gold in sorted(gold_docs(a.tsv).items()):
        text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        record: dict[str, Any] = {"doc_id": doc_id, "commitments": gold}
        if a.gold_dir is not None:
            record = {**json.loads((a.gold_dir / f"{doc_id}.json").read_text("utf-8")), **record}
        pairs.append((extract_text(text, doc_id=doc_id), record))
    report = score(pairs)
    lines = report.table().splitlines()
    print("\n".join(lines if a.gold_dir is not None else lines[:9]))
    if a.details:
        for d in report.per_doc:
            out = [f"  {k}: {s[:200]}" for k in ("missed", "spurious") for s in d.get(k, [])]
            out += [f"  status {p} (gold {g}): {s[:200]}" for s, p, g in d.get("status_wrong", [])]
            if a.gold_dir is not None:
                out += [
                    f"  {kind} {k}: {d[f'{kind}_{k}']}"
                    for kind in ("person", "organisation", "place")
                    for k in ("missed", "spurious")
                    if d.get(f"{kind}_{k}")
                ]
                out += [
                    f"  {k}: predicted {d[k][0]}, gold {d[k][1]}"
                    for k in ("doc_type", "date")
                    if d[k][0] != d[k][1]
                ]
            if out:
                print(f"\n== {d['doc_id']}\n" + "\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
