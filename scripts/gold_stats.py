"""Counts of the gold corpus: documents, municipalities and commitments per genre, statuses, links.

Usage: python scripts/gold_stats.py
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.eval import gold  # noqa: E402
from pipeline.records import STATUSES  # noqa: E402


def main() -> int:
    """Print the markdown tables of corpus/annotations/README.md."""
    docs = gold.load()
    by: dict[str, list[gold.GoldDoc]] = defaultdict(list)
    for d in docs:
        by[d.genre].append(d)
    head = ["genre", "documents", "municipalities", "commitments", *STATUSES, "with deadline"]
    print("| " + " | ".join(head) + " |")
    print("|---" * len(head) + "|")
    total: Counter[str] = Counter()
    for name, ds in [*sorted(by.items()), ("all", docs)]:
        cs = [c for d in ds for c in d.record()["commitments"]]
        st = Counter(c["status"] for c in cs)
        dl = sum(c["deadline"] is not None for c in cs)
        row = [name, len(ds), len({d.municipality for d in ds}), len(cs)]
        row += [st[s] for s in STATUSES] + [dl]
        print("| " + " | ".join(map(str, row)) + " |")
        if name == "all":
            total.update(st)
    types = Counter(d.record()["doc_type"] for d in docs)
    print("\ndoc_type: " + ", ".join(f"{k} {v}" for k, v in types.most_common()))
    links = Counter(r["relation"] for r in gold.read_links())
    chains = {r["chain_id"] for r in gold.read_links() if r["relation"] != "different"}
    print(f"links.tsv: {dict(links)}; chains with a positive link: {len(chains)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
