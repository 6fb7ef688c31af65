"""Assemble corpus/gold from annotation folders (reads ../shared for the texts and sources).

Usage: python scripts/build_gold.py FIRST_PASS_DIR [--adjudicated DIR]

Every record of FIRST_PASS_DIR (one <doc_id>.json per document, written by the independent
annotators) goes to corpus/gold, replaced by the adjudicated record where DIR has one; the
five seed records of ../shared/gold/seeds are added as they are. Each record's text is copied
beside it, and index.tsv gives its genre, municipality, host and origin. The genre comes from
the source lists (corpus_real2's genre column; corpus_real's doc_type folded into the same
eight genres), never from the annotation.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.eval.devpaths import CORPUS_REAL, CORPUS_REAL2, GOLD_SEEDS  # noqa: E402
from pipeline.eval.gold import GOLD_DIR, INDEX, INDEX_COLUMNS, LINKS  # noqa: E402
from pipeline.eval.score import jaccard, words  # noqa: E402
from pipeline.run.walk import SKIP_MARKER  # noqa: E402

# corpus_real's doc_type column folded into corpus_real2's genres.
GENRE_OF_TYPE = {
    "interpellation": "motion",
    "interpellationssvar": "motion",
    "skrivelse": "motion",
    "motion": "motion",
    "yttrande": "tjansteutlatande",
    "tjansteutlatande": "tjansteutlatande",
    "protokoll": "protokoll",
    "uppfoljning": "uppfoljning",
    "other": "other",
}


def sources() -> dict[str, dict[str, str]]:
    """doc_id -> index row, from both source lists and the seeds."""
    out: dict[str, dict[str, str]] = {}
    for origin, folder in (("corpus_real", CORPUS_REAL), ("corpus_real2", CORPUS_REAL2)):
        with (folder / "sources.tsv").open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                genre = r.get("genre") or GENRE_OF_TYPE[r["doc_type"]]
                out[r["doc_id"]] = {
                    "doc_id": r["doc_id"],
                    "genre": genre,
                    "municipality": r["municipality"] or "okänd",
                    "host": urlparse(r["url"]).hostname or "",
                    "origin": origin,
                    "url": r["url"],
                    "_text": str(folder / f"{r['doc_id']}.txt"),
                }
    for js in sorted(GOLD_SEEDS.glob("*.json")):
        rec = json.loads(js.read_text(encoding="utf-8"))
        out[js.stem] = {
            "doc_id": js.stem,
            "genre": GENRE_OF_TYPE[rec["doc_type"]],
            "municipality": "Stockholm",
            "host": "",
            "origin": "seeds",
            "url": "",
            "_text": str(js.with_suffix(".txt")),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    """Write corpus/gold."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path)
    ap.add_argument("--adjudicated", type=Path)
    ap.add_argument("--links", type=Path, help="links with sentence columns, re-resolved here")
    a = ap.parse_args(argv)
    src = sources()
    records = {p.stem: p for p in sorted(a.first.glob("*.json"))}
    if a.adjudicated:
        records.update({p.stem: p for p in sorted(a.adjudicated.glob("*.json"))})
    records.update({p.stem: p for p in sorted(GOLD_SEEDS.glob("*.json"))})
    GOLD_DIR.mkdir(parents=True, exist_ok=True)
    (GOLD_DIR / SKIP_MARKER).write_text(
        "Gold records and their texts: labels, not documents to ingest.\n", encoding="utf-8"
    )
    rows = []
    for doc_id, path in sorted(records.items()):
        row = src[doc_id]
        rec = json.loads(path.read_text(encoding="utf-8"))
        assert rec["doc_id"] == doc_id, path
        (GOLD_DIR / f"{doc_id}.json").write_text(
            json.dumps(rec, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        shutil.copyfile(row["_text"], GOLD_DIR / f"{doc_id}.txt")
        rows.append(row)
    with (GOLD_DIR / INDEX).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh, INDEX_COLUMNS, delimiter="\t", extrasaction="ignore", lineterminator="\n"
        )
        w.writeheader()
        w.writerows(rows)
    print(f"corpus/gold: {len(rows)} records")
    if a.links:
        write_links(a.links)
    return 0


def _resolve(commitments: list[dict], sentence: str) -> int | None:
    """The index of the commitment stating ``sentence`` (same words, else Jaccard >= 0.5)."""
    sw = words(sentence)
    scored = [(jaccard(sw, words(c["sentence"])), i) for i, c in enumerate(commitments)]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= 0.5 else None


def write_links(src: Path) -> None:
    """Copy the link annotation to corpus/gold/links.tsv with indices into the final records."""
    with src.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    recs: dict[str, list[dict]] = {}
    kept, dropped = [], 0
    for r in rows:
        ends = []
        for end in ("a", "b"):
            doc = r[f"doc_{end}"]
            if doc not in recs:
                recs[doc] = json.loads((GOLD_DIR / f"{doc}.json").read_text(encoding="utf-8"))[
                    "commitments"
                ]
            ends.append(_resolve(recs[doc], r[f"sentence_{end}"]))
        if None in ends:
            dropped += 1
            continue
        r["idx_a"], r["idx_b"] = str(ends[0]), str(ends[1])
        r["sentence_a"] = recs[r["doc_a"]][ends[0]]["sentence"]
        r["sentence_b"] = recs[r["doc_b"]][ends[1]]["sentence"]
        kept.append(r)
    with (GOLD_DIR / LINKS).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(kept)
    print(f"links.tsv: {len(kept)} rows ({dropped} whose commitment the final gold no longer has)")


if __name__ == "__main__":
    raise SystemExit(main())
