"""The end-to-end benchmark's store and scaling tables: `lofte status`, pages and documents.

Used by scripts/bench_e2e.py; each table times whole `lofte` commands as processes, so that a
cost that grows faster than the input (a relink of the whole store, a quadratic pass) shows
as falling throughput along a row.
"""

from __future__ import annotations

from pathlib import Path

from bench_e2e import LOFTE, Cmd, best_of, lofte_ingest, print_table, run_measured, scanned_pdf

REPO = Path(__file__).resolve().parent.parent
QUERY = "handlingsplan"


def text_docs(n: int, folder: Path) -> tuple[list[Path], int]:
    """``n`` distinct text documents cycled from corpus/real, and how many words they hold.

    Each copy gets its own first line, so no two share a content hash and none is skipped
    as unchanged.
    """
    sources = sorted((REPO / "corpus" / "real").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    out, words = [], 0
    for k in range(n):
        text = f"Dokument nr {k + 1}\n\n" + sources[k % len(sources)].read_text(encoding="utf-8")
        target = folder / f"doc{k + 1:05d}.txt"
        target.write_text(text, encoding="utf-8")
        out.append(target)
        words += len(text.split())
    return out, words


def status(work: Path, repeat: int, env: dict[str, str]) -> None:
    """`lofte status QUERY` on a 100-document store, against the same search in sqlite3."""
    docs, _ = text_docs(100, work / "status_texts")
    db = work / "status.db"
    run_measured([*LOFTE, "ingest", str(docs[0].parent), "--db", str(db), "--no-progress"], env)
    like = f"SELECT label FROM measures WHERE search LIKE '%{QUERY}%' ORDER BY label"
    tools: dict[str, Cmd] = {
        f"lofte status {QUERY}": lambda _: [*LOFTE, "status", QUERY, "--db", str(db)],
        f"sqlite3 store.db \"SELECT … LIKE '%{QUERY}%'\"": lambda _: ["sqlite3", str(db), like],
    }
    got = best_of(tools, repeat, env)
    print_table(
        "a query on a 100-document store",
        [
            (k, w, m, "the target is 1 s or less" if k.startswith("lofte") else "")
            for k, (w, m) in got.items()
        ],
    )


def _per_core(amount: float, wall: float, jobs: int) -> float:
    return amount / wall / max(1, jobs)


def scaling(
    work: Path,
    jobs: int,
    repeat: int,
    env: dict[str, str],
    page_counts: list[int],
    doc_counts: list[int],
) -> None:
    """Throughput per core and peak memory of `lofte ingest` over growing inputs."""
    omp1 = dict(env, OMP_THREAD_LIMIT="1")
    rows = []
    for pages in page_counts:
        pdf = scanned_pdf(pages, work / f"scaling{pages}.pdf")
        name = f"lofte ingest, {pages} scanned page(s) in one PDF"
        wall, mb = best_of({name: lofte_ingest([pdf], jobs)}, 1 if pages >= 20 else repeat, omp1)[
            name
        ]
        rows.append((name, wall, mb, f"{_per_core(pages, wall, jobs):.3f} pages/s per core"))
    if rows:
        print_table(f"scaling: scanned pages ({jobs} jobs)", rows)
    rows = []
    for n in doc_counts:
        docs, words = text_docs(n, work / f"scaling_texts{n}")
        name = f"lofte ingest, {n} text documents ({words:,} words)"
        wall, mb = best_of(
            {name: lofte_ingest([docs[0].parent], jobs)}, 1 if n >= 1000 else repeat, env
        )[name]
        rows.append((name, wall, mb, f"{_per_core(words, wall, jobs):,.0f} words/s per core"))
    print_table(f"scaling: text documents ({jobs} jobs)", rows)
