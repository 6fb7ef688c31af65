"""Benchmark `lofte link` after a batch: new statements linked against a big store, or all relinked.

Builds the synthetic store of bench_status.py (100,000 commitments, linked), adds a batch of
1,000 commitments as `lofte ingest --no-link` would, then times, each as its own process:
`lofte link` (only the new statements) and `lofte link --full` (everything, what every
ingest did before linking became incremental). Prints a table and whether both give the
same measures.

    python scripts/bench_link.py [--commitments 100000] [--add 1000] [--db BASE]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from bench_status import insert, synth  # noqa: E402

LOFTE = [sys.executable, "-m", "pipeline"]


def split(total: int, add: int) -> tuple[tuple[list, list], tuple[list, list]]:
    """One synthetic stream cut at a document boundary: the store, then the batch."""
    docs, rows = synth(total + add)
    cut = total // 10  # ten commitments per document
    first = {d[0] for d in docs[:cut]}
    base = (docs[:cut], [r for r in rows if r["doc_id"] in first])
    batch = (docs[cut:], [r for r in rows if r["doc_id"] not in first])
    return base, batch


def timed(argv: list[str]) -> float:
    """Seconds for one whole command, run as a separate process."""
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, cwd=REPO, capture_output=True)
    return time.perf_counter() - t0


def partition(db: Path) -> set[frozenset[str]]:
    """The measures of a store as sets of commitment ids."""
    groups: dict[str, set[str]] = {}
    with sqlite3.connect(db) as c:
        for cid, mid in c.execute("SELECT commitment_id, measure_id FROM measure_members"):
            groups.setdefault(mid, set()).add(cid)
    return {frozenset(g) for g in groups.values()}


def main() -> int:
    """Build or reuse the base store, add the batch twice, time both ways of linking it."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commitments", type=int, default=100_000)
    ap.add_argument("--add", type=int, default=1_000)
    ap.add_argument("--db", type=Path, help="reuse or create the linked base store here")
    a = ap.parse_args()
    base_rows, batch = split(a.commitments, a.add)
    with tempfile.TemporaryDirectory() as tmp:
        base = a.db or Path(tmp) / "base.db"
        if not base.exists():
            insert(base, *base_rows)
            t = timed([*LOFTE, "link", "--full", "--db", str(base)])
            print(f"built and linked {len(base_rows[1])} commitments ({t:.1f} s)")
        times = {}
        for name, extra in (("lofte link", []), ("lofte link --full", ["--full"])):
            db = Path(tmp) / f"{len(times)}.db"
            shutil.copy(base, db)
            insert(db, *batch)
            times[name] = (timed([*LOFTE, "link", *extra, "--db", str(db)]), db)
        new, full = partition(times["lofte link"][1]), partition(times["lofte link --full"][1])
        ref = times["lofte link"][0]
        print(f"\n{len(batch[1])} commitments added to {len(base_rows[1])}, then:\n")
        print("| command | seconds | × `lofte link` |")
        print("|---|---:|---:|")
        for name, (sec, _) in times.items():
            print(f"| `{name}` | {sec:.1f} | {sec / ref:.1f} |")
        print(f"\nsame measures both ways: {len(new & full)} of {len(full)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
