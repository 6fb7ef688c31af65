"""Train the part-of-speech tagger on UD Swedish-Talbanken (reads ../shared/data).

Usage: .venv/bin/python models/postag/train_postag.py [--no-save]

Trains on the test split and scores the dev split (UPOS accuracy and accuracy of the tag set
used, where VERB carries its form), then fits on both splits and writes postag.joblib here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

import joblib  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from pipeline.lang import postag  # noqa: E402

UD = ROOT.parent / "shared" / "data" / "ud-swedish-talbanken"
C = 2.0
# Tags whose words can be listed: the tagger never gives them to a word the treebank lacks.
CLOSED = ("ADP", "CCONJ", "DET", "INTJ", "PART", "PRON", "SCONJ", "SYM", "X")


def tag_of(upos: str, feats: str) -> str:
    """UPOS, with verbs and auxiliaries marked by form (Inf, Fin, Part, Sup) and passive voice."""
    if upos not in ("VERB", "AUX"):
        return upos
    f = dict(kv.split("=", 1) for kv in feats.split("|") if "=" in kv)
    form = f.get("VerbForm", "Fin")
    return f"{upos}.{form}" + (".Pass" if f.get("Voice") == "Pass" else "")


def read(path: Path) -> list[tuple[list[str], list[str], list[str]]]:
    """(words, tags, upos) per sentence of a CoNLL-U file."""
    out, words, tags, upos = [], [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                out.append((words, tags, upos))
            words, tags, upos = [], [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        words.append(cols[1])
        tags.append(tag_of(cols[3], cols[5]))
        upos.append(cols[3])
    if words:
        out.append((words, tags, upos))
    return out


def fit(sents: list[tuple[list[str], list[str], list[str]]]) -> postag.Tagger:
    """A tagger fitted on ``sents``."""
    x = [dict.fromkeys(postag.features(w, k), 1) for w, _, _ in sents for k in range(len(w))]
    y = [t for _, tags, _ in sents for t in tags]
    vec = DictVectorizer()
    clf = LogisticRegression(C=C, max_iter=300)
    clf.fit(vec.fit_transform(x), y)
    names = list(vec.get_feature_names_out())
    weights = clf.coef_.T.astype(np.float32)
    return postag.Tagger(
        {
            "index": {n: i for i, n in enumerate(names)},
            "tags": list(clf.classes_),
            "weights": weights,
            "closed": closed_words(sents),
        }
    )


def closed_words(sents: list[tuple[list[str], list[str], list[str]]]) -> dict[str, list[str]]:
    """The words each closed-class tag was seen with (casefolded, sorted)."""
    seen: dict[str, set[str]] = {t: set() for t in CLOSED}
    for words, tags, _ in sents:
        for w, t in zip(words, tags, strict=True):
            if t in seen:
                seen[t].add(w.casefold())
    return {t: sorted(ws) for t, ws in seen.items() if ws}


def accuracy(tagger: postag.Tagger, sents: list) -> tuple[float, float]:
    """(tag accuracy, UPOS accuracy) over ``sents``."""
    n = ok = ok_u = 0
    for words, tags, upos in sents:
        pred = tagger.tag(words)
        for p, t, u in zip(pred, tags, upos, strict=False):
            n += 1
            ok += p == t
            ok_u += p.split(".")[0] == u
    return ok / n, ok_u / n


def main(argv: list[str] | None = None) -> int:
    """Score on dev after training on test, then fit on both and save."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args(argv)
    test = read(UD / "sv_talbanken-ud-test.conllu")
    dev = read(UD / "sv_talbanken-ud-dev.conllu")
    acc, acc_u = accuracy(fit(test), dev)
    print(
        f"trained on test ({sum(len(s[0]) for s in test)} tokens), scored on dev "
        f"({sum(len(s[0]) for s in dev)} tokens): tags {acc:.3f}, UPOS {acc_u:.3f}"
    )
    if not args.no_save:
        tagger = fit(test + dev)
        joblib.dump(
            {
                "index": tagger.index,
                "tags": tagger.tags,
                "weights": tagger.weights,
                "closed": {tagger.tags[t]: sorted(ws) for t, ws in tagger.closed.items()},
            },
            postag.MODEL_PATH,
            compress=3,
        )
        print(f"saved {postag.MODEL_PATH} ({postag.MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
