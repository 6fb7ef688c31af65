"""Benchmark the web page and API against datasette over the same SQLite file.

    python scripts/bench_web.py [--db build/bench_web.db] [--commitments 100000] [--requests 200]
                                [--datasette PATH]

Builds the synthetic store of scripts/bench_status.py once (reused while its commitment count
matches), starts `lofte serve` on a free loopback port in a child process, sends the requests
one after the other from this process and prints the latencies. When datasette is found (on
PATH, or --datasette), it serves the same file read-only in its own process, and the table
puts each request beside the one an analyst would send datasette instead, with the ratio.
Datasette's `label__contains` is a plain substring match on the name; lofte's search folds case and
å/ä/ö and matches whole words and compound parts, so it does more work per row.
Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
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


def serve_datasette(exe: str, db: Path, *settings: str) -> tuple[subprocess.Popen[str], str]:
    """Datasette serving ``db`` immutable on a free loopback port, once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [exe, "serve", "-i", str(db), "--host", "127.0.0.1", "--port", str(port), *settings]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("datasette did not start")


def latencies(url: str, n: int) -> list[float]:
    """Milliseconds of ``n`` sequential GETs of ``url``, after five to warm up, sorted."""
    for _ in range(5):  # warm the OS page cache and the server's connection
        urllib.request.urlopen(url, timeout=60).read()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as r:
            r.read()
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)


def p95(times: list[float]) -> float:
    """The 95th percentile of sorted ``times``."""
    return times[max(0, round(0.95 * len(times)) - 1)]


def requests_for(query: str, name: str) -> list[tuple[str, str, str]]:
    """(what, lofte path, datasette path): the same question to each tool."""
    q = quote(query)
    return [
        (
            "search, JSON",
            f"/api/measures?q={q}",
            f"/{name}/measures.json?label__contains={q}&_size=50",
        ),
        (
            "search, HTML page",
            f"/measures?q={q}",
            f"/{name}/measures?label__contains={q}&_size=50",
        ),
        ("first page, HTML", "/measures", f"/{name}/measures?_size=50"),
    ]


def print_table(
    n: int,
    asks: list[tuple[str, str, str]],
    ours: dict[str, list[float]],
    theirs: dict[str, dict[str, list[float]]],
) -> None:
    """p50 and p95 of each request, lofte's beside each datasette setup's, and the ratios."""
    print(f"\n{n} sequential requests each, one server process each, same SQLite file")
    head = "| request | lofte p50 / p95 ms |"
    for label in theirs or {"datasette": {}}:
        head += f" {label} p50 / p95 ms | lofte ÷ it (p50) |"
    print(head)
    print("|---" * (2 + 2 * max(1, len(theirs))) + "|")
    for what, _, _ in asks:
        mine = ours[what]
        row = f"| {what} | {statistics.median(mine):.1f} / {p95(mine):.1f} |"
        for times in theirs.values():
            other = times[what]
            ratio = statistics.median(mine) / statistics.median(other)
            row += f" {statistics.median(other):.1f} / {p95(other):.1f} | {ratio:.2f}x |"
        if not theirs:
            row += " – | datasette not found (pip install datasette, or --datasette PATH) |"
        print(row)


def main() -> int:
    """Build or reuse the store, then time lofte's answers beside datasette's."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=REPO / "build" / "bench_web.db")
    ap.add_argument("--commitments", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--query", default="fältarbete")
    ap.add_argument("--datasette", default=shutil.which("datasette"), help="datasette executable")
    a = ap.parse_args()
    ensure(a.db, a.commitments)
    asks = requests_for(a.query, a.db.stem)
    ours: dict[str, list[float]] = {}
    proc, base = serve(a.db)
    try:
        # The start page waits for the server's start-up counting, which would compete here.
        urllib.request.urlopen(base + "/", timeout=120).read()
        ours = {what: latencies(base + path, a.requests) for what, path, _ in asks}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    # Out of the box, datasette also suggests facets on every table page, which costs it most
    # of its time on a big table; with that off it does about what lofte does (rows, a count).
    setups = {
        "datasette": (),
        "datasette, no facet suggestions": ("--setting", "suggest_facets", "off"),
    }
    theirs: dict[str, dict[str, list[float]]] = {}
    for label, settings in setups.items() if a.datasette else ():
        dproc, dbase = serve_datasette(a.datasette, a.db, *settings)
        try:
            theirs[label] = {what: latencies(dbase + path, a.requests) for what, _, path in asks}
        finally:
            dproc.terminate()
            dproc.wait(timeout=10)
    print_table(a.requests, asks, ours, theirs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
