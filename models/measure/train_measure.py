"""Train the measure-span ranker on corpus/gold and save models/measure/model.json.

Usage: .venv/bin/python models/measure/train_measure.py [--no-save]

Each gold commitment gives one ranking problem: the spans of its sentence near the commitment
cue, and the rules' reading; spans as close to the gold measure as the closest one (token
Jaccard, within 0.1, at least 0.5) are positives. A logistic regression over the span
features is the ranker. Prints leave-one-genre-out measure agreement of the rules alone and
of the ranker on the gold sentences; the pipeline-level figure is scripts/eval_cross_genre.py's.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

import re  # noqa: E402

import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402

from pipeline.eval import gold  # noqa: E402
from pipeline.eval.score import measure_agrees  # noqa: E402
from pipeline.eval.score import words as score_words  # noqa: E402
from pipeline.extract import measure_span  # noqa: E402
from pipeline.extract.judge import NO_CUE, deadline_of  # noqa: E402
from pipeline.extract.measure_phrase import measure_of  # noqa: E402
from pipeline.extract.status import find_cues, main_cue  # noqa: E402

EPOCHS = 10
SEED = 0


def item_start(sentence: str) -> int:
    """Where a gold-written "lead-in: item" sentence's item starts (0: it is no item)."""
    m = re.search(r":\s+(?=\S)", sentence)
    return m.end() if m and m.start() < len(sentence) - 3 else 0


def labelled(
    sentence: str,
    cue_start: int,
    cue_end: int,
    family: str,
    rule: str,
    gold: str,
    item: int = 0,
    deadline: str = "",
) -> list[tuple[tuple[str, ...], int]]:
    """Training rows: each candidate's features, 1 where it is as close to ``gold`` as the best."""
    cands = measure_span.candidates(sentence, cue_start, cue_end, family, rule, item, deadline)
    g = score_words(gold)

    def jac(text: str) -> float:
        w = score_words(text)
        return len(w & g) / len(w | g) if w and g else 0.0

    scores = [jac(c.text) for c in cands]
    best = max(scores, default=0.0)
    if best < 0.5:
        return []  # the gold measure is no span of this sentence: nothing to learn here
    return [
        (c.features, int(s >= 0.5 and s >= best - 0.1)) for c, s in zip(cands, scores, strict=False)
    ]


def examples(docs: list[gold.GoldDoc]) -> list[tuple[str, int, int, str, str, str, str]]:
    """(sentence, cue start, cue end, cue family, rule measure, gold measure, deadline text)
    per commitment."""
    out = []
    for d in docs:
        rec = d.record()
        doc_type = rec.get("doc_type") or "other"
        for c in rec.get("commitments", []):
            sent, meas = c.get("sentence") or "", c.get("measure") or ""
            if not sent or not meas:
                continue
            cues = find_cues(sent, doc_type)
            cue = main_cue(cues) if cues else NO_CUE
            due = deadline_of(sent, None)
            rule = measure_of(sent, cue)
            out.append((sent, cue.start, cue.end, cue.family, rule, meas, due.text if due else ""))
    return out


def fit(rows: list[tuple[str, int, int, str, str, str, str]]) -> measure_span.SpanRanker:
    """A ranker fitted on ``rows`` (see examples()) by an averaged structured perceptron.

    Each sentence is one choice among its candidates, so the weights are trained on the
    choice itself: where the top-scoring span is not a positive, the best positive's features
    gain and the chosen span's lose. Averaging keeps the late updates from dominating.
    """
    rng = random.Random(SEED)
    index: dict[str, int] = {}
    problems = []
    for sent, a, b, fam, rule, meas, due in rows:
        item = item_start(sent)
        lab = labelled(sent, a, b, fam, rule, meas, item, due)
        if not lab:
            continue
        ids = [[index.setdefault(f, len(index)) for f in feats] for feats, _ in lab]
        ptr = np.cumsum([0] + [len(r) for r in ids])
        x = csr_matrix((np.ones(ptr[-1]), np.concatenate(ids), ptr), shape=(len(ids), 1 << 22))
        problems.append((x, np.array([y for _, y in lab], dtype=bool)))
    n = len(index)
    problems = [(x[:, :n], y) for x, y in problems]
    w = np.zeros(n)
    total = np.zeros(n)
    steps = 0
    for _ in range(EPOCHS):
        rng.shuffle(problems)
        for x, y in problems:
            scores = x @ w
            pick = int(np.argmax(scores))
            if not y[pick]:
                pos = np.flatnonzero(y)
                good = int(pos[np.argmax(scores[pos])])
                delta = (x[good] - x[pick]).toarray().ravel()
                w += delta
                total += delta * (EPOCHS * len(problems) - steps)
            steps += 1
    avg = total / max(1, steps)
    names = sorted(index, key=index.__getitem__)
    weights = {f: round(float(v), 4) for f, v in zip(names, avg, strict=False) if abs(v) >= 1e-4}
    return measure_span.SpanRanker({"version": measure_span.VERSION, "weights": weights})


def agreement(ranker: measure_span.SpanRanker | None, rows: list) -> float:
    """Share of rows whose chosen measure agrees with the gold measure."""
    ok = 0
    for sent, a, b, fam, rule, meas, due in rows:
        item = item_start(sent)
        pick = ranker.choose(sent, a, b, fam, rule, item, due) if ranker else rule
        ok += measure_agrees(pick, meas)
    return ok / len(rows) if rows else 0.0


def main(argv: list[str] | None = None) -> int:
    """Cross-validate by genre, then fit on all gold and save."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args(argv)
    docs = gold.load()
    by_genre: dict[str, list[gold.GoldDoc]] = defaultdict(list)
    for d in docs:
        by_genre[d.genre].append(d)
    print("| held-out genre | commitments | rules | ranker |\n|---|---|---|---|")
    tot = {"n": 0, "rules": 0.0, "ranker": 0.0}
    for g, held in sorted(by_genre.items()):
        train = examples([d for d in docs if d.genre != g])
        test = examples(held)
        ranker = fit(train)
        r0, r1 = agreement(None, test), agreement(ranker, test)
        tot["n"] += len(test)
        tot["rules"] += r0 * len(test)
        tot["ranker"] += r1 * len(test)
        print(f"| {g} | {len(test)} | {r0:.3f} | {r1:.3f} |")
    n = tot["n"] or 1
    print(f"| **all** | {tot['n']} | {tot['rules'] / n:.3f} | {tot['ranker'] / n:.3f} |")
    if not args.no_save:
        ranker = fit(examples(docs))
        ranker.save()
        print(f"saved {measure_span.MODEL_PATH} ({len(ranker.weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
