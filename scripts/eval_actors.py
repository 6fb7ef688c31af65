"""Score find_actors on the gold seeds (reads ../shared/gold/seeds) and print P/R/F1 per kind.

Matching: per kind, one-to-one, casefolded difflib ratio >= 0.85 between names (greedy by
ratio); party accuracy over matched persons whose gold party is set. For the OCR seed the
corrected text (003_clean.txt) stands in for the normaliser's output.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.eval.devpaths import GOLD_SEEDS  # noqa: E402
from pipeline.extract.actors import find_actors  # noqa: E402
from pipeline.records import Structure  # noqa: E402

SEEDS = GOLD_SEEDS
KINDS = ("person", "organisation", "place")


def seed_text(json_path: Path) -> str:
    """The text a seed's gold was made on (the OCR seed's corrected copy when present)."""
    txt = json_path.with_suffix(".txt")
    if (
        json_path.stem.startswith("svar_interpellation_ojanne")
        and (SEEDS / "003_clean.txt").exists()
    ):
        txt = SEEDS / "003_clean.txt"
    return txt.read_text(encoding="utf-8")


def match(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairs with casefolded ratio >= 0.85."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            r = difflib.SequenceMatcher(None, p["name"].casefold(), g["name"].casefold()).ratio()
            if r >= 0.85:
                cands.append((r, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(cands, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def evaluate(seeds: Path = SEEDS, verbose: bool = False) -> dict[str, dict[str, float]]:
    """Per-kind tp/fp/fn/P/R/F1 plus party accuracy over all seeds."""
    tot = {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS}
    party_ok = party_n = 0
    for path in sorted(seeds.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))["actors"]
        pred = [a.__dict__ for a in find_actors(seed_text(path), Structure())]
        for kind in KINDS:
            p = [a for a in pred if a["kind"] == kind]
            g = [a for a in gold if a["kind"] == kind]
            pairs = match(p, g)
            tot[kind]["tp"] += len(pairs)
            tot[kind]["fp"] += len(p) - len(pairs)
            tot[kind]["fn"] += len(g) - len(pairs)
            if kind == "person":
                for pa, ga in pairs:
                    if ga.get("party"):
                        party_n += 1
                        party_ok += pa["party"] == ga["party"]
            if verbose:
                got = {id(x) for x, _ in pairs}
                hit = {id(y) for _, y in pairs}
                for x in p:
                    if id(x) not in got:
                        print(f"  FP {path.stem[:12]} {kind}: {x['name']!r}")
                for y in g:
                    if id(y) not in hit:
                        print(f"  FN {path.stem[:12]} {kind}: {y['name']!r}")
                for x, y in pairs:
                    if kind == "person" and (x["party"], x["role"]) != (y["party"], y["role"]):
                        print(
                            f"  ~ {x['name']}: {x['party']}/{x['role']} gold {y['party']}/{y['role']}"
                        )
    out: dict[str, dict[str, float]] = {}
    for kind, c in tot.items():
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[kind] = {**c, "p": prec, "r": rec, "f1": f1}
    out["party"] = {"n": party_n, "acc": party_ok / party_n if party_n else 1.0}
    return out


def main() -> int:
    """Print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not SEEDS.exists():
        print(f"no seeds at {SEEDS}")
        return 1
    res = evaluate(verbose=args.verbose)
    print(f"{'kind':<13}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}")
    for kind in KINDS:
        c = res[kind]
        print(
            f"{kind:<13}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{c['p']:>7.3f}{c['r']:>7.3f}{c['f1']:>7.3f}"
        )
    print(f"party accuracy {res['party']['acc']:.3f} over {res['party']['n']} matched persons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
