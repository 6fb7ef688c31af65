"""Benchmark `lofte status` on a synthetic store of 100,000 commitments (p50/p95/max in ms).

The store is generated from templates of Swedish measure phrases spread over many documents,
municipalities and years; every measure is restated in one to three documents.

    python scripts/bench_status.py [--commitments 100000] [--runs 200] [--db PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.cli.main import main as lofte  # noqa: E402
from pipeline.link.keys import content_lemmas  # noqa: E402
from pipeline.run import relink  # noqa: E402
from pipeline.store.core import Store  # noqa: E402

ACTIONS = [
    "handlingsplan för",
    "utredning av",
    "upprustning av",
    "översyn av",
    "införande av",
    "utbyggnad av",
    "renovering av",
    "strategi för",
    "uppföljning av",
    "ny belysning vid",
    "trygghetsvandring kring",
    "förstudie om",
    "investeringsplan för",
    "riktlinjer för",
]
OBJECTS = [
    "fältarbetet",
    "snöröjningen",
    "lekplatsen",
    "gång- och cykelvägen",
    "skolgården",
    "förskolan",
    "äldreboendet",
    "biblioteket",
    "simhallen",
    "fritidsgården",
    "busshållplatsen",
    "skolskjutsarna",
    "hemtjänsten",
    "föreningsbidragen",
    "parkeringen",
    "idrottshallen",
    "vattenledningen",
    "avloppsnätet",
    "brandstationen",
    "kulturhuset",
    "ungdomsmottagningen",
    "skolmåltiderna",
    "matlådorna",
    "elevhälsan",
    "lärarnas arbetsmiljö",
    "torghandeln",
]
PLACE_HEADS = [
    "Tall",
    "Björk",
    "Sjö",
    "Kvarn",
    "Ek",
    "Norr",
    "Haga",
    "Lind",
    "Sten",
    "Sol",
    "Väster",
    "Åker",
    "Öster",
    "Gran",
    "Berg",
    "Ros",
    "Al",
    "Hassel",
    "Lönn",
    "Ny",
]
PLACE_TAILS = [
    "lunden",
    "backen",
    "vik",
    "parken",
    "dalen",
    "malm",
    "by",
    "ås",
    "kulla",
    "berga",
    "gården",
    "hamnen",
    "höjden",
    "torp",
    "skogen",
    "ängen",
    "holmen",
    "udden",
    "sund",
    "näs",
]
PLACES = [h + t for h in PLACE_HEADS for t in PLACE_TAILS]
BODIES = [
    "Tekniska nämnden",
    "Barn- och utbildningsnämnden",
    "Socialnämnden",
    "Kulturnämnden",
    "Stadsbyggnadskontoret",
    "Kommunstyrelsen",
    "Fritidsförvaltningen",
    "Miljöförvaltningen",
]
KOMMUNER = ["Tyresö", "Sollentuna", "Nacka", "Huddinge", "Botkyrka", "Solna", "Järfälla"]
PLEDGE = [
    "{body} ska ta fram en {m} senast {due}.",
    "{body} får i uppdrag att genomföra {m} under {year}.",
    "Kommunen kommer att påbörja {m} under {year}.",
]
FOLLOW = [
    "{M} har genomförts under {year}.",
    "Arbetet med {m} pågår.",
    "{M} har ännu inte påbörjats.",
    "{M} har avslutats.",
]
QUERIES = [
    "fältarbete",
    "snöröjning",
    "lekplats Tallunden",
    "skolgård",
    "belysning",
    "FÖRSKOLAN",
    "äldreboende",
    "simhall",
    "utredning",
    "handlingsplan",
    "cykelväg",
    "elevhälsa",
    "bibliotek Sjövik",
    "fritidsgård",
    "Kvarnparken",
    "hemtjänst",
    "matlåda",
    "kulturhus",
    "idrottshall",
    "vattenledning",
]


def synth(
    n: int, seed: int = 7, first_doc: int = 0
) -> tuple[list[tuple[object, ...]], list[dict[str, object]]]:
    """``n`` synthetic commitments and their documents, numbered from ``first_doc``."""
    rnd = random.Random(seed)
    # A pool smaller than n, so that most measures are restated in later documents.
    pool = [
        (
            f"{rnd.choice(ACTIONS)} {rnd.choice(OBJECTS)} i {rnd.choice(PLACES)} "
            f"etapp {rnd.randint(1, 40)}",
            rnd.choice(KOMMUNER),
        )
        for _ in range(max(n * 2 // 5, 1))
    ]
    docs: list[tuple[object, ...]] = []
    rows: list[dict[str, object]] = []
    doc_n, in_doc = first_doc, 10
    while len(rows) < n:
        docs.append(_doc(rnd, doc_n))
        doc_id, date, doc_type = docs[-1][0], docs[-1][4], docs[-1][3]
        year = int(str(date)[:4])
        for k in range(in_doc):
            m, _ = rnd.choice(pool)
            rows.append(_row(rnd, m, str(doc_id), k, year, str(date), str(doc_type)))
        doc_n += 1
    return docs, rows[:n]


def _doc(rnd: random.Random, doc_n: int) -> tuple[object, ...]:
    year = rnd.randint(2015, 2024)
    kommun = KOMMUNER[doc_n % len(KOMMUNER)]
    doc_id = f"syn_{kommun.lower()}_{doc_n:06d}"
    date = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    doc_type = rnd.choice(["protokoll", "tjansteutlatande", "uppfoljning", "motion"])
    title = f"{kommun} kommun {doc_type} {year}"
    return (doc_id, "0" * 64, f"/syn/{doc_id}.txt", doc_type, date, title, 3, "text")


def _row(
    rnd: random.Random, m: str, doc_id: str, k: int, year: int, date: str, doc_type: str
) -> dict[str, object]:
    tpl = rnd.choice(PLEDGE if rnd.random() < 0.6 else FOLLOW)
    body = rnd.choice(BODIES)
    sentence = tpl.format(
        body=body, m=m, M=m[0].upper() + m[1:], year=year, due=f"{year + 1}-12-31"
    )
    status = "pledged" if tpl in PLEDGE else rnd.choice(["done", "in_progress"])
    return {
        "id": f"commitment:{doc_id}:{k}",
        "doc_id": doc_id,
        "n": k,
        "sentence": sentence,
        "measure": m,
        "measure_key": "",
        "lemmas": " ".join(content_lemmas(m)),
        "responsible": body,
        "status": status,
        "deadline_text": None,
        "deadline_start": None,
        "deadline_end": f"{year + 1}-12-31" if tpl in PLEDGE else None,
        "page": 1,
        "char_start": 0,
        "char_end": len(sentence),
        "doc_date": date,
        "doc_type": doc_type,
    }


def insert(db: Path, docs: list[tuple[object, ...]], rows: list[dict[str, object]]) -> None:
    """Store synthetic documents and commitments as an ingest with --no-link would."""
    with Store(db) as store, store.transaction() as c:
        c.executemany(
            "INSERT INTO documents(doc_id,sha256,source,doc_type,date,title,pages,extraction)"
            " VALUES(?,?,?,?,?,?,?,?)",
            docs,
        )
        c.executemany(
            "INSERT INTO commitments VALUES(:id,:doc_id,:n,:sentence,:measure,:measure_key,"
            ":lemmas,:responsible,:status,:deadline_text,:deadline_start,:deadline_end,:page,"
            ":char_start,:char_end,:doc_date,:doc_type)",
            rows,
        )
        c.execute("INSERT OR REPLACE INTO meta VALUES('measures_stale', '1')")


def build(db: Path, n: int, seed: int = 7) -> float:
    """Fill ``db`` with ``n`` synthetic commitments; returns seconds spent relinking."""
    insert(db, *synth(n, seed))
    t0 = time.perf_counter()
    with Store(db) as store:
        relink.rebuild(store)
    return time.perf_counter() - t0


def bench(db: Path, runs: int) -> list[float]:
    """Milliseconds per `lofte status` call through the CLI, output to a buffer."""
    rnd = random.Random(1)
    times = []
    for k in range(runs):
        q = QUERIES[k % len(QUERIES)]
        argv = ["status", q, "--db", str(db), "--as-of", "2025-06-01"]
        if k % 4 == 1:
            argv += ["--status", "overdue"]
        if k % 4 == 2:
            argv += ["--format", rnd.choice(["json", "csv"])]
        buf = io.StringIO()
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(buf):
            lofte(argv)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> int:
    """Build (unless --db exists) and time 200 status queries."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commitments", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--db", type=Path, help="reuse or create the synthetic store here")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or Path(tmp) / "bench.db"
        if not db.exists():
            t0 = time.perf_counter()
            relink = build(db, a.commitments)
            print(
                f"built {a.commitments} commitments in {time.perf_counter() - t0:.1f} s "
                f"(linking {relink:.1f} s)"
            )
        with Store(db, readonly=True) as store:
            n_m = store.conn.execute("SELECT count(*) FROM measures").fetchone()[0]
            n_c = store.conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
        times = bench(db, a.runs)
        q = statistics.quantiles(times, n=100)
        print(
            f"{n_c} commitments, {n_m} measures, {len(times)} `lofte status` runs: "
            f"p50 {q[49]:.1f} ms  p95 {q[94]:.1f} ms  max {max(times):.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
