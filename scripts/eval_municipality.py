"""How often the text alone names the municipality its source list gives (pipeline.link.home).

Usage: python scripts/eval_municipality.py --db lofte.db [--corpus corpus]

For every stored document whose source list (corpus/*/sources.tsv) names a municipality, the
municipality is read
again from the document's own title and place and body names, as for a text without a list,
and compared. Prints one row per share threshold: decided, right, wrong, undecided.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.lang.slugs import fold
from pipeline.link import home
from pipeline.run.sidecar import meta_for
from pipeline.store.core import Store

SHARES = (0.0, 0.5, 0.6, 0.75)


def main(argv: list[str] | None = None) -> int:
    """Print the agreement table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("lofte.db"))
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    a = ap.parse_args(argv)
    listed: dict[str, str] = {}
    for sidecar in sorted(a.corpus.glob("*/sources.tsv")):
        for path in sidecar.parent.iterdir():
            muni = meta_for(path).municipality
            if muni:
                listed[path.stem] = muni
    store = Store(a.db)
    stored = store.conn.execute(
        "SELECT d.doc_id, d.title, a.data FROM documents d JOIN artifacts a "
        "ON a.sha256 = d.sha256 AND a.stage = 'extract'"
    ).fetchall()
    rows = [(t, listed[d], data) for d, t, data in stored if d in listed]
    print("| share | decided | right | wrong | undecided |\n|---|---|---|---|---|")
    for share in SHARES:
        home.SHARE = share
        right = wrong = 0
        for title, named, data in rows:
            got = home.home_municipality(title, json.loads(data).get("actors", []))
            if got is not None:
                right += fold(got) == fold(named)
                wrong += fold(got) != fold(named)
        print(f"| {share} | {right + wrong} | {right} | {wrong} | {len(rows) - right - wrong} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
