"""Score commitments on the gold seeds with seed 003's OCR-corrected text (reads ../shared).

Isolates the commitment extractor from OCR quality: 003 is scored on ``003_clean.txt``.
Usage: .venv/bin/python scripts/eval_commitments.py [--details] [--gold DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.api import extract_text  # noqa: E402
from pipeline.eval.devpaths import GOLD_SEEDS  # noqa: E402
from pipeline.eval.score import Report, score  # noqa: E402

GOLD = GOLD_SEEDS
CLEAN = {"svar_interpellation_ojanne_2023": "003_clean.txt"}


def run(gold_dir: Path = GOLD) -> Report:
    """Extract every seed (003 from its clean text) and score it against its gold JSON."""
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for js in sorted(gold_dir.glob("*.json")):
        gold = json.loads(js.read_text(encoding="utf-8"))
        txt = gold_dir / CLEAN.get(js.stem, js.stem + ".txt")
        pred = extract_text(txt.read_text(encoding="utf-8"), doc_id=js.stem)
        pairs.append((pred, gold))
    return score(pairs)


def main() -> int:
    """Print the evaluation table (and per-document misses with --details)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--details", action="store_true")
    a = ap.parse_args()
    report = run(a.gold)
    print(report.table())
    if a.details:
        for d in report.per_doc:
            print(f"\n== {d['doc_id']}")
            for k in ("missed", "spurious"):
                for s in d.get(k, []):
                    print(f"  {k}: {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
