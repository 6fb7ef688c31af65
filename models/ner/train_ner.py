"""Train the small Swedish spaCy NER in models/ner/model/ (reads ../shared: the NER corpus).

Data: ../shared/data/swedish-ner-corpus (klintan/swedish-ner-corpus, CC BY 4.0), one
``token<TAB>tag`` per line with tags PER/ORG/LOC/MISC/0 and no B-/I- prefixes; adjacent
tokens with the same tag become one entity. The last 10 % of the training file is held
out for early stopping; the test file is scored once at the end.

Usage: .venv/bin/python models/ner/train_ner.py [--minutes 12] [--shared DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch

HERE = Path(__file__).resolve().parent
LABELS = ("PER", "ORG", "LOC", "MISC")

# A deliberately small CNN: the runtime budget is ~20k words/s/core for the whole pipeline.
MODEL_CONFIG = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 64,
        "depth": 2,
        "embed_size": 4000,
        "window_size": 1,
        "maxout_pieces": 2,
        "subword_features": True,
    },
}


def read_corpus(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, tags) from the one-token-per-line IO format."""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().rsplit(None, 1)
        if len(parts) < 2:
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        toks.append(parts[0])
        tags.append(parts[1] if parts[1] in LABELS else "O")
    if toks:
        sents.append((toks, tags))
    return sents


def to_example(nlp: Language, toks: list[str], tags: list[str]) -> Example:
    """An Example whose reference doc carries the IO tags as BILUO entities."""
    pred = Doc(nlp.vocab, words=toks)
    biluo: list[str] = []
    i = 0
    while i < len(tags):
        if tags[i] == "O":
            biluo.append("O")
            i += 1
            continue
        j = i
        while j + 1 < len(tags) and tags[j + 1] == tags[i]:
            j += 1
        if i == j:
            biluo.append(f"U-{tags[i]}")
        else:
            biluo += [f"B-{tags[i]}"] + [f"I-{tags[i]}"] * (j - i - 1) + [f"L-{tags[i]}"]
        i = j + 1
    return Example.from_dict(pred, {"words": toks, "entities": biluo})


def score(nlp: Language, examples: list[Example]) -> dict[str, float]:
    """Entity P/R/F overall and F per label."""
    scores = nlp.evaluate(examples)
    out = {"f": scores["ents_f"], "p": scores["ents_p"], "r": scores["ents_r"]}
    for label, s in (scores.get("ents_per_type") or {}).items():
        out[f"f_{label}"] = s["f"]
    return out


def main() -> int:
    """Train with a wall-clock budget, keep the best epoch on held-out train data."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parents[2] / "shared"))
    ap.add_argument("--minutes", type=float, default=12.0)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--out", default=str(HERE / "model"))
    args = ap.parse_args()
    corpus = Path(args.shared) / "data" / "swedish-ner-corpus"
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 1
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("sv")
    ner = nlp.add_pipe("ner", config={"model": MODEL_CONFIG})
    for label in LABELS:
        ner.add_label(label)  # type: ignore[attr-defined]
    train_sents = read_corpus(corpus / "train_corpus.txt")
    test_sents = read_corpus(corpus / "test_corpus.txt")
    cut = int(len(train_sents) * 0.9)
    train = [to_example(nlp, t, g) for t, g in train_sents[:cut]]
    dev = [to_example(nlp, t, g) for t, g in train_sents[cut:]]
    test = [to_example(nlp, t, g) for t, g in test_sents]
    optimizer = nlp.initialize(lambda: train)
    start = time.time()
    best, best_epoch, stale = -1.0, 0, 0
    out = Path(args.out)
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        with nlp.use_params(optimizer.averages):
            dev_scores = score(nlp, dev)
            if dev_scores["f"] > best:
                best, best_epoch, stale = dev_scores["f"], epoch, 0
                nlp.to_disk(out)
            else:
                stale += 1
        elapsed = (time.time() - start) / 60
        print(
            f"epoch {epoch} loss {losses.get('ner', 0):.0f} dev F {dev_scores['f']:.3f} "
            f"({elapsed:.1f} min)",
            flush=True,
        )
        if stale >= args.patience or elapsed > args.minutes:
            break
    best_nlp = spacy.load(out)
    test_scores = score(best_nlp, test)
    t0 = time.time()
    n_words = sum(len(t) for t, _ in test_sents)
    for _ in best_nlp.pipe([" ".join(t) for t, _ in test_sents], batch_size=256):
        pass
    wps = n_words / (time.time() - t0)
    report = {
        "best_epoch": best_epoch,
        "dev_f": best,
        "test": test_scores,
        "train_minutes": round((time.time() - start) / 60, 1),
        "words_per_second": round(wps),
    }
    (out / "scores.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
