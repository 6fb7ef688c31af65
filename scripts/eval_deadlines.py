"""Score pipeline.extract.deadlines.core on tests/data/deadline_expressions.tsv and time it on corpus_real.

The table's fragments come from ../shared (corpus_real and gold/seeds); the throughput
line reads ../shared/corpus_real and is skipped when that directory is absent.
Run from the repository root: python scripts/eval_deadlines.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_deadlines import ROWS, check_row  # noqa: E402

from pipeline.eval.devpaths import CORPUS_REAL  # noqa: E402
from pipeline.extract.deadlines.core import find_time_expressions  # noqa: E402

CORPUS = CORPUS_REAL


def main() -> None:
    """Print the table's size, pass count and pass rate, then words per CPU second."""
    failures = [(r, msg) for r in ROWS if (msg := check_row(r))]
    passed = len(ROWS) - len(failures)
    print(f"{'expressions':<14}{'passed':>8}{'rate':>8}")
    print(f"{len(ROWS):<14}{passed:>8}{passed / len(ROWS):>8.3f}")
    for r, msg in failures:
        print(f"  FAIL {r['doc_id']}: {msg}")
    if CORPUS.exists():
        texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
        words = sum(len(t.split()) for t in texts)
        t0 = time.process_time()
        rounds = 5
        for _ in range(rounds):
            for t in texts:
                find_time_expressions(t, None)
        dt = (time.process_time() - t0) / rounds
        print(f"throughput: {words} words in {dt:.3f} CPU s = {words / dt:,.0f} words/s/core")


if __name__ == "__main__":
    main()
