"""Words per second of the full ``extract_text`` path over corpus_real (reads ../shared).

Usage: .venv/bin/python scripts/bench_extract.py [--corpus DIR] [--repeat N]
Prints the words/s of ``extract_text`` and, separately, of ``find_commitments`` alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.api import extract_text  # noqa: E402
from pipeline.eval.devpaths import CORPUS_REAL  # noqa: E402
from pipeline.extract import actors  # noqa: E402
from pipeline.extract.commitments import find_commitments  # noqa: E402
from pipeline.normalise import core as normalise  # noqa: E402
from pipeline.records import Ingested, Page  # noqa: E402
from pipeline.structure import core as structure  # noqa: E402

CORPUS = CORPUS_REAL


def main() -> int:
    """Time both paths over every corpus text and print words/s."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(a.corpus.glob("*.txt"))]
    if not texts:
        print(f"no texts in {a.corpus}")
        return 1
    words = sum(len(t.split()) for t in texts) * a.repeat
    extract_text(texts[0])  # warm-up: lazy models and lexicons
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for t in texts:
            extract_text(t)
    full = time.perf_counter() - t0
    prepared = []
    for t in texts:
        norm = normalise.normalise(Ingested([Page(1, t, "text")], source_format="text"))
        st = structure.analyse(norm.text)
        prepared.append((norm.text, st, actors.find_actors(norm.text, st)))
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for text, st, acts in prepared:
            find_commitments(text, st, acts)
    only = time.perf_counter() - t0
    print(f"{len(texts)} texts, {words // a.repeat} words, x{a.repeat}")
    print(f"extract_text      {words / full:10.0f} words/s")
    print(f"find_commitments  {words / only:10.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
