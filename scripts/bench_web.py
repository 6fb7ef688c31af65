"""Benchmark the web API: p50/p95/max of GET /api/measures?q=fältarbete on a 100,000-commitment store.

    python scripts/bench_web.py [--db build/bench_web.db] [--commitments 100000] [--requests 200]

Builds the synthetic store of scripts/bench_status.py once (reused while its commitment count
matches), starts `lofte serve` on a free loopback port in a child process, sends the requests
one after the other from this process and prints the latencies. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from bench_status import build  # noqa: E402

from pipeline.store.core import Store  # noqa: E402


def ensure(db: Path, commitments: int) -> None:
    """Reuse the store at ``db`` when it already holds ``commitments`` rows, else build it."""
    if db.exists():
        with Store(db, readonly=True) as s:
            have = s.conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
            linked = s.conn.execute("SELECT count(*) FROM measures").fetchone()[0]
        if have == commitments and linked:
            print(f"reusing {db} ({have} commitments, {linked} measures)")
            return
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    relink = build(db, commitments)  # the same synthetic store as the `lofte status` benchmark
    print(f"built {db} in {time.perf_counter() - t0:.1f} s (linking {relink:.1f} s)")


def serve(db: Path) -> tuple[subprocess.Popen[str], str]:
    """`lofte serve` on a free loopback port; returns the process and its base URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--db", str(db), "--port", "0"],
        cwd=REPO,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:\d+", line)
    if not m:
        proc.kill()
        raise SystemExit(f"server did not start: {line}")
    return proc, m.group(0)


def main() -> int:
    """Build or reuse the store, then time the search requests."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=REPO / "build" / "bench_web.db")
    ap.add_argument("--commitments", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--query", default="fältarbete")
    a = ap.parse_args()
    ensure(a.db, a.commitments)
    proc, base = serve(a.db)
    url = f"{base}/api/measures?q={quote(a.query)}"
    try:
        # The start page waits for the server's start-up counting, which would compete here.
        urllib.request.urlopen(base + "/", timeout=120).read()
        for _ in range(5):  # warm the OS page cache and this server thread's connection
            urllib.request.urlopen(url, timeout=30).read()
        times = []
        for _ in range(a.requests):
            t0 = time.perf_counter()
            with urllib.request.urlopen(url, timeout=30) as r:
                body = r.read()
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    total = re.search(rb'"total": ?(\d+)', body)
    print(
        f"GET /api/measures?q={a.query}: {len(times)} requests, "
        f"{int(total.group(1)) if total else '?'} matching measures, "
        f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
    )
    return 0 if p95 < 50 else 1


if __name__ == "__main__":
    sys.exit(main())
