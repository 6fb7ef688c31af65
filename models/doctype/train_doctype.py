"""Train and cross-validate the document-type classifier (reads ../shared/corpus_real).

Reads the gold corpus in ``corpus/gold`` (texts and adjudicated doc types), the texts of
``../shared/corpus_real`` (or ``$LOFTE_SHARED/corpus_real``) with the checked labels from
``corpus/labels/doctypes.tsv`` for those the gold lacks, and the gold seeds from
``../shared/gold/seeds`` for a held-out check. Reports 5-fold stratified cross-validated
accuracy of the combined rules+model system (and of each part), prints a confusion matrix,
then fits on all labelled texts and saves ``models/doctype/doctype.joblib``.

Run from the repository root: ``python models/doctype/train_doctype.py``.
"""

from __future__ import annotations

import csv
import json
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.eval.devpaths import SHARED  # noqa: E402
from pipeline.records import DOC_TYPES  # noqa: E402
from pipeline.structure.doctype import MODEL_PATH, build_model, classify  # noqa: E402
from pipeline.structure.doctype_rules import rule_doctype  # noqa: E402

LABELS = ROOT / "corpus" / "labels" / "doctypes.tsv"
GOLD_DIR = ROOT / "corpus" / "gold"


def load_corpus() -> tuple[list[str], list[str], list[str]]:
    """(doc_ids, texts, labels): the gold corpus, then labelled corpus_real texts it lacks.

    The gold corpus (``corpus/gold``, adjudicated) covers every genre of corpus_real2 that
    the older label file never saw; where both label a text, the gold label is kept.
    """
    ids, texts, labels = [], [], []
    seeds = {p.stem for p in (SHARED / "gold" / "seeds").glob("*.json")}
    for gold_path in sorted(GOLD_DIR.glob("*.json")):
        text_path = gold_path.with_suffix(".txt")
        if text_path.exists() and gold_path.stem not in seeds:  # the seeds stay held out
            record = json.loads(gold_path.read_text(encoding="utf-8"))
            ids.append(gold_path.stem)
            texts.append(text_path.read_text(encoding="utf-8"))
            labels.append(record.get("doc_type") or "other")
    known = set(ids)
    with LABELS.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = SHARED / "corpus_real" / f"{row['doc_id']}.txt"
            if path.exists() and row["doc_id"] not in known:
                ids.append(row["doc_id"])
                texts.append(path.read_text(encoding="utf-8"))
                labels.append(row["doc_type"])
    return ids, texts, labels


def confusion(gold: list[str], pred: list[str]) -> str:
    """A printable confusion matrix over the labels that occur (rows gold, columns predicted)."""
    names = [t for t in DOC_TYPES if t in set(gold) | set(pred)]
    short = {t: t[:6] for t in names}
    counts = Counter(zip(gold, pred, strict=True))
    out = ["gold\\pred".ljust(20) + "".join(short[t].rjust(7) for t in names)]
    for g in names:
        out.append(g.ljust(20) + "".join(str(counts[(g, p)] or ".").rjust(7) for p in names))
    return "\n".join(out)


def cross_validate(texts: list[str], labels: list[str], seed: int = 0) -> dict[str, object]:
    """5-fold stratified CV: accuracy of combined system, model alone, and rule coverage."""
    from sklearn.model_selection import StratifiedKFold

    combined = [""] * len(texts)
    model_only = [""] * len(texts)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # classes with fewer than 5 members are expected here
        for train, test in folds.split(texts, labels):
            model = build_model().fit([texts[i] for i in train], [labels[i] for i in train])
            for i in test:
                combined[i] = classify(texts[i], model)[0]
                model_only[i] = str(model.predict([texts[i]])[0])
    ruled = [rule_doctype(t) for t in texts]
    fired = [i for i, r in enumerate(ruled) if r]
    n = len(texts)
    return {
        "combined": sum(c == g for c, g in zip(combined, labels, strict=True)) / n,
        "model_only": sum(c == g for c, g in zip(model_only, labels, strict=True)) / n,
        "rule_coverage": len(fired) / n,
        "rule_precision": sum(ruled[i] == labels[i] for i in fired) / max(1, len(fired)),
        "predictions": combined,
    }


def seed_check(model: object) -> list[tuple[str, str, str, str]]:
    """(doc_id, gold, predicted, source) for each gold seed, or [] when seeds are absent."""
    rows = []
    for gold_path in sorted((SHARED / "gold" / "seeds").glob("*.json")):
        text_path = gold_path.with_suffix(".txt")
        if text_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pred, source = classify(text_path.read_text(encoding="utf-8"), model)
            rows.append((gold["doc_id"], gold["doc_type"], pred, source))
    return rows


def main() -> int:
    """Cross-validate, report, fit on everything and save the model."""
    import joblib
    import sklearn

    ids, texts, labels = load_corpus()
    if not texts:
        print(f"no texts under {SHARED / 'corpus_real'}; nothing to train", file=sys.stderr)
        return 1
    print(f"{len(texts)} labelled texts: {dict(Counter(labels).most_common())}")
    scores = cross_validate(texts, labels)
    print(
        f"5-fold CV accuracy: combined {scores['combined']:.3f}, model only "
        f"{scores['model_only']:.3f}; rules fire on {scores['rule_coverage']:.1%} "
        f"with precision {scores['rule_precision']:.3f}"
    )
    preds = scores["predictions"]
    assert isinstance(preds, list)
    print(confusion(labels, preds))
    for doc_id, g, p in zip(ids, labels, preds, strict=True):
        if g != p:
            print(f"  miss {doc_id}: gold {g}, predicted {p}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = build_model().fit(texts, labels)
    seeds = seed_check(model)
    for doc_id, g, p, src in seeds:
        print(f"seed {doc_id}: gold {g}, predicted {p} ({src}) {'ok' if g == p else 'WRONG'}")
    bundle = {
        "model": model,
        "sklearn_version": sklearn.__version__,
        "labels": sorted(set(labels)),
        "n_texts": len(texts),
        "cv_accuracy_combined": round(float(scores["combined"]), 4),  # type: ignore[arg-type]
        "cv_accuracy_model_only": round(float(scores["model_only"]), 4),  # type: ignore[arg-type]
    }
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, MODEL_PATH, compress=3)
    print(f"saved {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
