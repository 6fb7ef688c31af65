"""Agreement between two independent annotations of the same documents, with the scorer of `lofte evaluate`.

Usage: python scripts/eval_agreement.py [FIRST_DIR SECOND_DIR] [--json]
Defaults to corpus/annotations/agreement/{first,second}: the first annotation is scored as the
"prediction" and the second as the "gold", so precision and recall swap if the order does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.eval.gold import genre_of  # noqa: E402
from pipeline.eval.score import Report, markdown_table  # noqa: E402

AGREEMENT = ROOT / "corpus" / "annotations" / "agreement"


def main(argv: list[str] | None = None) -> int:
    """Print the agreement table per genre and overall."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", nargs="?", type=Path, default=AGREEMENT / "first")
    ap.add_argument("second", nargs="?", type=Path, default=AGREEMENT / "second")
    ap.add_argument("--json", action="store_true", help="print the overall figures as JSON")
    a = ap.parse_args(argv)
    overall = Report()
    by_genre: dict[str, Report] = {}
    for second in sorted(a.second.glob("*.json")):
        first = a.first / second.name
        if not first.is_file():
            continue
        p = json.loads(first.read_text(encoding="utf-8"))
        g = json.loads(second.read_text(encoding="utf-8"))
        overall.add(p, g)
        by_genre.setdefault(genre_of(g["doc_id"]), Report()).add(p, g)
    if a.json:
        print(json.dumps(overall.summary(), ensure_ascii=False))
        return 0
    keys = [
        "docs",
        "commitments",
        "commit_F1",
        "status_acc",
        "measure_ok",
        "responsible_acc",
        "doc_type_acc",
        "date_acc",
        "deadline_exact",
    ]
    print(markdown_table([*sorted(by_genre.items()), ("all", overall)], keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
