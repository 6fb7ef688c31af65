"""Link the older sentence labels (sentences.tsv, heldout.tsv) to the whole-document gold records.

Usage: python scripts/gold_crosswalk.py [--write FILE]

Every label-1 sentence is matched to a commitment of its document's gold record by the
token Jaccard of `lofte evaluate` (>= 0.5). The table says how many of the old positives
the new gold keeps, how many old negatives it turns into commitments, and, with --write, one
row per old positive with the index of its gold commitment (empty when the gold has none).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.eval import gold  # noqa: E402
from pipeline.eval.score import jaccard, words  # noqa: E402

TSVS = [ROOT / "corpus" / "annotations" / n for n in ("sentences.tsv", "heldout.tsv")]


def crosswalk() -> tuple[list[dict[str, str]], Counter[str]]:
    """(one row per old label-1 sentence with its gold index, tallies)."""
    records = {d.doc_id: d.record() for d in gold.load()}
    rows: list[dict[str, str]] = []
    tally: Counter[str] = Counter()
    for tsv in TSVS:
        by_doc: dict[str, list[dict[str, str]]] = defaultdict(list)
        with tsv.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                by_doc[r["doc_id"]].append(r)
        for doc_id, labelled in by_doc.items():
            rec = records.get(doc_id)
            if rec is None:
                tally["document not in gold"] += 1
                continue
            gw = [words(c["sentence"]) for c in rec["commitments"]]
            for r in labelled:
                sw = words(r["sentence"])
                best = max(range(len(gw)), key=lambda i: jaccard(sw, gw[i]), default=None)
                hit = best is not None and jaccard(sw, gw[best]) >= 0.5
                if r["label"] == "1":
                    tally["old positive kept" if hit else "old positive not in gold"] += 1
                    if hit:
                        assert best is not None
                        same = rec["commitments"][best]["status"] == r["status"]
                        tally["same status" if same else "other status"] += 1
                    rows.append(
                        {
                            "file": tsv.name,
                            "doc_id": doc_id,
                            "sent_id": r["sent_id"],
                            "gold_index": str(best) if hit else "",
                            "old_status": r["status"],
                        }
                    )
                elif hit:
                    tally["old negative a gold commitment"] += 1
    return rows, tally


def main(argv: list[str] | None = None) -> int:
    """Print the tallies; optionally write the crosswalk."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path, help="write the crosswalk TSV here")
    a = ap.parse_args(argv)
    rows, tally = crosswalk()
    for k, v in sorted(tally.items()):
        print(f"{k:35s} {v}")
    if a.write:
        with a.write.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, list(rows[0]), delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
