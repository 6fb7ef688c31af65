"""Train the commitment veto classifier and cross-validate it by document (reads ../shared).

Data: corpus/annotations/sentences.tsv (our own labels of sentences from public council
records); document texts from ../shared/corpus_real, else corpus/real.
Usage: .venv/bin/python models/commitment/train_commitment.py [--no-save]

Prints grouped 5-fold cross-validated precision/recall/F1 for the rules alone, the classifier
alone, and rules + classifier (veto / rescue settings; per annotated sentence, and end to end
with the metric of ``lofte evaluate``), then fits on all rows and writes model.joblib and
scores.json here. A veto or rescue is switched on only if its CV F1 beats the rules alone;
otherwise the saved model keeps the rules' detections and only refines ``confidence``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

import joblib  # noqa: E402
import numpy as np  # noqa: E402
from scipy.sparse import hstack  # noqa: E402
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from pipeline.eval.devpaths import CORPUS_REAL  # noqa: E402
from pipeline.eval.score import greedy_match, jaccard, score, words  # noqa: E402
from pipeline.extract import actors, commitments  # noqa: E402
from pipeline.extract.commitment_model import (  # noqa: E402
    LinearScorer,
    StatusScorer,
    rule_terms,
    text_terms,
)
from pipeline.extract.output import to_schema  # noqa: E402
from pipeline.extract.sentences import split_units  # noqa: E402
from pipeline.extract.status import excluded, find_cues, main_cue  # noqa: E402
from pipeline.normalise import core as normalise  # noqa: E402
from pipeline.records import Document, Extraction, Ingested, Page  # noqa: E402
from pipeline.structure import core as structure  # noqa: E402

TSV = ROOT / "corpus" / "annotations" / "sentences.tsv"
SOURCES = [CORPUS_REAL, ROOT / "corpus" / "real"]
# (veto, rescue) settings tried in CV: veto drops rule matches with P < veto; rescue keeps
# rule-excluded sentences that have a cue when P >= rescue (None: never).
SETTINGS = [(v, r) for v in (0.0, 0.1, 0.2, 0.3) for r in (None, 0.6, 0.7, 0.8, 0.9)]
C = 1.0
SEED = 0


@dataclass
class Doc:
    """One annotated document, prepared up to the commitment stage."""

    doc_id: str
    text: str
    st: Any
    acts: list[Any]
    doc_type: str
    rows: list[dict[str, str]]


def _identity(x: list[str]) -> list[str]:
    return x


def load_docs() -> list[Doc]:
    """Annotated documents with their rows, normalised and analysed once."""
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with TSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows[row["doc_id"]].append(row)
    docs = []
    for doc_id, doc_rows in sorted(rows.items()):
        src = next(d / f"{doc_id}.txt" for d in SOURCES if (d / f"{doc_id}.txt").is_file())
        raw = src.read_text(encoding="utf-8")
        text = normalise.normalise(Ingested([Page(1, raw, "text")], source_format="text")).text
        st = structure.analyse(text)
        acts = actors.find_actors(text, st)
        doc_type = commitments.effective_doc_type(text, st)
        docs.append(Doc(doc_id, text, st, acts, doc_type, doc_rows))
    return docs


def row_features(doc: Doc) -> list[tuple[str, list[str]]]:
    """(sentence, rule terms) per annotated row; the section comes from the matching unit."""
    units = commitments.sentence_units(split_units(doc.text), doc.st)
    unit_words = [words(s) for _, s, _ in units]
    out = []
    for row in doc.rows:
        sent = row["sentence"]
        sw = words(sent)
        best = max(range(len(units)), key=lambda i: jaccard(sw, unit_words[i]), default=None)
        section = ""
        if best is not None and jaccard(sw, unit_words[best]) >= 0.5:
            section = units[best][2]
        cues = find_cues(sent, doc.doc_type)
        cue = main_cue(cues) if cues else None
        rules = rule_terms(
            doc.doc_type,
            section,
            cue.family if cue else None,
            cue.label if cue else None,
            excluded(sent, doc.doc_type),
        )
        out.append((sent, rules))
    return out


def fit(sents: list[str], rules: list[list[str]], labels: list[int]) -> dict[str, Any]:
    """Fit TF-IDF + rule block -> LogisticRegression; return the plain weight dictionary."""
    tfidf = TfidfVectorizer(analyzer=text_terms, sublinear_tf=True, min_df=2)
    rule_vec = CountVectorizer(analyzer=_identity, binary=True)
    x = hstack([tfidf.fit_transform(sents), rule_vec.fit_transform(rules)]).tocsr()
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=SEED)
    clf.fit(x, labels)
    coef = clf.coef_[0]
    n_text = len(tfidf.vocabulary_)
    idf = {t: float(tfidf.idf_[i]) for t, i in tfidf.vocabulary_.items()}
    text_coef = {t: float(coef[i]) for t, i in tfidf.vocabulary_.items() if abs(coef[i]) > 1e-6}
    rule_coef = {t: float(coef[n_text + i]) for t, i in rule_vec.vocabulary_.items()}
    data = {
        "idf": idf,
        "text_coef": text_coef,
        "rule_coef": rule_coef,
        "intercept": float(clf.intercept_[0]),
        "veto": 0.5,
    }
    # The runtime scorer must reproduce scikit-learn's probabilities.
    check = LinearScorer(data)
    want = clf.predict_proba(x[:50])[:, 1]
    got = [check.probability(s, r) for s, r in zip(sents[:50], rules[:50], strict=True)]
    assert np.allclose(want, got, atol=1e-6), "runtime scorer disagrees with scikit-learn"
    return data


def fit_status(sents: list[str], rules: list[list[str]], statuses: list[str]) -> dict[str, Any]:
    """Fit the status of committing sentences (multinomial); the plain weight dictionary."""
    tfidf = TfidfVectorizer(analyzer=text_terms, sublinear_tf=True, min_df=2)
    rule_vec = CountVectorizer(analyzer=_identity, binary=True)
    x = hstack([tfidf.fit_transform(sents), rule_vec.fit_transform(rules)]).tocsr()
    classes = sorted(set(statuses))
    if len(classes) == 1:
        zero: dict[str, dict[str, float]] = {classes[0]: {}}
        return {
            "classes": classes,
            "idf": {},
            "text_coef": zero,
            "rule_coef": zero,
            "intercept": {classes[0]: 0.0},
        }
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=SEED)
    clf.fit(x, statuses)
    coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    icpt = clf.intercept_ if len(clf.classes_) > 2 else [-clf.intercept_[0], clf.intercept_[0]]
    n_text = len(tfidf.vocabulary_)
    out: dict[str, Any] = {
        "classes": [str(c) for c in clf.classes_],
        "idf": {t: float(tfidf.idf_[i]) for t, i in tfidf.vocabulary_.items()},
        "text_coef": {},
        "rule_coef": {},
        "intercept": {},
    }
    for k, cls in enumerate(out["classes"]):
        row = coef[k]
        out["text_coef"][cls] = {
            t: float(row[i]) for t, i in tfidf.vocabulary_.items() if abs(row[i]) > 1e-6
        }
        out["rule_coef"][cls] = {t: float(row[n_text + i]) for t, i in rule_vec.vocabulary_.items()}
        out["intercept"][cls] = float(icpt[k])
    # The runtime scorer must pick what scikit-learn picks.
    check = StatusScorer(out)
    want = clf.predict(x[:50])
    got = [check.predict(s, r) for s, r in zip(sents[:50], rules[:50], strict=True)]
    assert list(want) == got, "runtime status scorer disagrees with scikit-learn"
    return out


VETOS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
ADMITS = (None, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def choose_thresholds(
    groups: list[list[tuple[str, list[str], int, str]]],
) -> tuple[float, float | None]:
    """(veto, admit) with the best sentence-unit F1, each group scored by a fit on the others.

    A unit counts as found when the rules take it (a cue, no exclusion) and P >= veto, or
    when it has no cue and P >= admit. The groups are genres, so the thresholds are chosen
    for genres the scorer has not seen, as they will be used.
    """
    scored: list[tuple[float, bool, bool, int]] = []
    for k, held in enumerate(groups):
        train_rows = [r for j, g in enumerate(groups) if j != k for r in g]
        if len({r[2] for r in train_rows}) < 2 or not held:
            continue
        data = fit(
            [r[0] for r in train_rows], [r[1] for r in train_rows], [r[2] for r in train_rows]
        )
        scorer = LinearScorer({**data, "veto": 0.0})
        for sent, rules, label, _ in held:
            ruled = "fam=none" not in rules and "excl=none" in rules
            cueless = "fam=none" in rules and "excl=none" in rules
            scored.append((scorer.probability(sent, rules), ruled, cueless, label))
    positives = sum(s[3] for s in scored)
    best: tuple[float, float, float | None] = (-1.0, 0.0, None)
    for veto in VETOS:
        for admit in ADMITS:
            found = [
                label
                for p, ruled, cueless, label in scored
                if (ruled and p >= veto) or (cueless and admit is not None and p >= admit)
            ]
            f1 = 2 * sum(found) / (len(found) + positives) if found or positives else 0.0
            if f1 > best[0] + 1e-9:
                best = (f1, veto, admit)
    return best[1], best[2]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall, F1 rounded for the report."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def extract(doc: Doc, model: LinearScorer | None) -> dict[str, Any]:
    """The SCHEMA record of ``doc`` with commitments found under ``model``."""
    commitments.set_model(model)
    try:
        found = commitments.find_commitments(doc.text, doc.st, doc.acts)
    finally:
        commitments.set_model()
    rec = Document(doc.doc_id, "<text>", "")
    rec.structure = doc.st
    rec.extraction = Extraction(doc.acts, found)
    return to_schema(rec)


def row_hits(doc: Doc, pred: dict[str, Any]) -> list[int]:
    """Per annotated row, 1 if an extracted commitment matches its sentence."""
    pw = [words(c["sentence"]) for c in pred["commitments"]]
    rw = [words(r["sentence"]) for r in doc.rows]
    hits = [0] * len(doc.rows)
    for _, j, _ in greedy_match(
        range(len(pw)), range(len(rw)), lambda i, j: jaccard(pw[i], rw[j]), 0.5
    ):
        hits[j] = 1
    return hits


def gold(doc: Doc) -> dict[str, Any]:
    """The annotation rows of ``doc`` as a gold record for ``evaluate.score``."""
    items = [
        {"sentence": r["sentence"], "measure": r["measure"], "status": r["status"]}
        for r in doc.rows
        if r["label"] == "1"
    ]
    return {"doc_id": doc.doc_id, "commitments": items}


def end_to_end(preds: list[dict[str, Any]], docs: list[Doc]) -> dict[str, float]:
    """The commitment lines of ``lofte evaluate`` over the annotated documents."""
    rep = score([(p, gold(d)) for p, d in zip(preds, docs, strict=True)])
    p, r, f = rep.commitments.prf()
    fwd = rep.forward_found / rep.forward_gold if rep.forward_gold else 0.0
    status = rep.status_ok / rep.status_pairs if rep.status_pairs else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "forward_recall": round(fwd, 3),
        "status_accuracy": round(status, 3),
    }


def cross_validate(docs: list[Doc], feats: list[list[tuple[str, list[str]]]]) -> dict[str, Any]:
    """Grouped 5-fold CV: every document is scored by a model that never saw it."""
    labels = [[int(r["label"]) for r in d.rows] for d in docs]
    clf_pred: list[list[int]] = [[] for _ in docs]
    combo: dict[Any, list[dict[str, Any]]] = {k: [{} for _ in docs] for k in SETTINGS}
    folds = GroupKFold(n_splits=5)
    idx = np.arange(len(docs))
    for train, test in folds.split(idx, groups=idx):
        s = [f[0] for i in train for f in feats[i]]
        r = [f[1] for i in train for f in feats[i]]
        y = [lab for i in train for lab in labels[i]]
        data = fit(s, r, y)
        for i in test:
            for veto, rescue in SETTINGS:
                model_vr = LinearScorer({**data, "veto": veto, "rescue": rescue})
                combo[(veto, rescue)][i] = extract(docs[i], model_vr)
            model = LinearScorer(data)
            clf_pred[i] = [int(model.probability(s_, r_) >= 0.5) for s_, r_ in feats[i]]
    rules_preds = [extract(d, None) for d in docs]
    flat_y = [v for ls in labels for v in ls]

    def rows(pred_rows: list[list[int]]) -> dict[str, float]:
        flat = [v for ls in pred_rows for v in ls]
        tp = sum(a and b for a, b in zip(flat, flat_y, strict=True))
        return prf(tp, sum(flat), sum(flat_y))

    out: dict[str, Any] = {
        "rules": {
            "sentences": rows([row_hits(d, p) for d, p in zip(docs, rules_preds, strict=True)]),
            "end_to_end": end_to_end(rules_preds, docs),
        },
        "classifier": {"sentences": rows(clf_pred)},
        "combined": {},
    }
    for key in SETTINGS:
        preds = combo[key]
        out["combined"][_key(key)] = {
            "sentences": rows([row_hits(d, p) for d, p in zip(docs, preds, strict=True)]),
            "end_to_end": end_to_end(preds, docs),
        }
    return out


def _key(setting: tuple[float, float | None]) -> str:
    return f"veto={setting[0]},rescue={setting[1]}"


def main() -> int:
    """Cross-validate, then fit on everything and save the model and its scores."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-save", action="store_true")
    a = ap.parse_args()
    docs = load_docs()
    feats = [row_features(d) for d in docs]
    n_rows = sum(len(d.rows) for d in docs)
    n_pos = sum(r["label"] == "1" for d in docs for r in d.rows)
    print(f"{len(docs)} documents, {n_rows} sentences, {n_pos} positive")
    cv = cross_validate(docs, feats)
    best = max(SETTINGS, key=lambda k: (cv["combined"][_key(k)]["end_to_end"]["f1"], -k[0]))
    print("grouped 5-fold CV (sentences: per annotated row; end_to_end: lofte evaluate metric)")
    print(f"  rules       {json.dumps(cv['rules'])}")
    print(f"  classifier  {json.dumps(cv['classifier'])}")
    for k in SETTINGS:
        print(f"  {_key(k):22s} {json.dumps(cv['combined'][_key(k)])}")
    rules_f1 = cv["rules"]["end_to_end"]["f1"]
    combo_f1 = cv["combined"][_key(best)]["end_to_end"]["f1"]
    deploy = combo_f1 > rules_f1
    if not deploy:
        # No setting beats the rules: detect by rules alone; P only refines confidence.
        best = (0.0, None)
    print(f"best {_key(best)}: F1 {combo_f1} vs rules {rules_f1} -> deploy={deploy}")
    if a.no_save:
        return 0
    data = fit(
        [f[0] for fs in feats for f in fs],
        [f[1] for fs in feats for f in fs],
        [int(r["label"]) for d in docs for r in d.rows],
    )
    data["veto"], data["rescue"] = best
    data["meta"] = {"trained_on": TSV.name, "rows": n_rows, "positives": n_pos, "C": C}
    scores = {"cv": cv, "setting": _key(best), "deploy": deploy, "rows": n_rows, "positives": n_pos}
    (HERE / "scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    target = HERE / "model.joblib"
    joblib.dump(data, target, compress=3)
    print(f"wrote {target} ({target.stat().st_size // 1024} KB), setting {_key(best)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
