"""The learned commitment scorer: sentence n-grams plus rule features, as a linear model.

Trained by ``models/commitment/train_commitment.py`` with scikit-learn on the hand-labelled
corpus sentences. The saved model is a plain dictionary of feature weights, so scoring needs
neither scikit-learn nor numpy at run time and costs a few dictionary look-ups per n-gram.
The feature functions below are the ones the trainer hands to scikit-learn as analyzers, so
training and run time see the same features by construction.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline import paths

MODEL_PATH = paths.COMMITMENT_MODEL
_WORD = re.compile(r"(?u)\b\w\w+\b")
_DIGITS = re.compile(r"\d")
CHAR_N = (3, 5)


def word_terms(sentence: str) -> list[str]:
    """Lower-cased word unigrams and bigrams (digits folded to 0)."""
    toks = _WORD.findall(_DIGITS.sub("0", sentence.casefold()))
    return toks + [f"{a} {b}" for a, b in itertools.pairwise(toks)]


def char_terms(sentence: str) -> list[str]:
    """Character 3-5-grams inside space-padded words (inflection endings, compounds)."""
    out: list[str] = []
    for w in _DIGITS.sub("0", sentence.casefold()).split():
        out.extend(_word_chars(w))
    return out


@functools.lru_cache(maxsize=200_000)
def _word_chars(word: str) -> tuple[str, ...]:
    """The character n-grams of one word (cached: council vocabulary repeats a lot)."""
    w = f" {word} "
    lo, hi = CHAR_N
    return tuple(
        w[i : i + n] for n in range(lo, min(hi, len(w)) + 1) for i in range(len(w) - n + 1)
    )


@functools.lru_cache(maxsize=200_000)
def _char_features(word: str) -> tuple[str, ...]:
    return tuple(f"c:{g}" for g in _word_chars(word))


def text_terms(sentence: str) -> list[str]:
    """All sentence n-gram features, prefixed by kind."""
    out = [f"w:{t}" for t in word_terms(sentence)]
    for w in _DIGITS.sub("0", sentence.casefold()).split():
        out.extend(_char_features(w))
    return out


_SHAPES = (
    (
        "time",
        re.compile(
            r"\b(?:19|20)\d\d\b|\b(?:januari|februari|mars|april|maj|juni|juli|"
            r"augusti|september|oktober|november|december|kvartal\w*|senast)\b",
            re.I,
        ),
    ),
    ("amount", re.compile(r"\d[\d\s,.]*\s*(?:kr|kronor|mnkr|tkr|mkr|miljoner|miljarder)\b", re.I)),
    ("pret", re.compile(r"\b\w{3,}(?:ade|de|te)s?\b", re.I)),
    ("perf", re.compile(r"\b(?:har|hade)\s+(?:\w+\s+)?\w+(?:at|it|tt)\b", re.I)),
    ("fut", re.compile(r"\b(?:ska|skall|kommer\s+att|avser|planerar)\b", re.I)),
    ("modal", re.compile(r"\b(?:bör|behöver|måste|vill)\b", re.I)),
    ("pass", re.compile(r"\b\w{4,}(?:as|es)\b", re.I)),
    ("we", re.compile(r"\b(?:vi|kommunen|staden|polisen|nämnden|förvaltningen)\b", re.I)),
    ("quote", re.compile(r"[\"”“]|\bsäger\b", re.I)),
    ("question", re.compile(r"\?\s*$")),
)
SHAPE_PREFIXES = ("shape=", "len=", "first=")
_FIRST = re.compile(r"[^\W\d_]+")


def shape_terms(sentence: str) -> list[str]:
    """Genre-independent shape of a sentence: tense and mood markers, a time, an amount,
    its length and its first word (an imperative or "Minst tre …" opens an action list)."""
    out = [f"shape={name}" for name, rx in _SHAPES if rx.search(sentence)]
    n = len(sentence.split())
    out.append("len=" + ("s" if n < 6 else "m" if n < 13 else "l" if n < 26 else "xl"))
    first = _FIRST.search(sentence)
    if first:
        out.append(f"first={first.group(0).casefold()}")
    return out


def rule_terms(
    doc_type: str,
    section: str,
    family: str | None,
    label: str | None,
    exclusion: str | None,
    sentence: str = "",
) -> list[str]:
    """What the rules saw: cue family and label, exclusion reason, doc type, section kind,
    and (given the sentence) its shape."""
    sec = section.casefold()
    kind = "förslag" if "förslag" in sec else "beslut" if "beslut" in sec else "other"
    fam = family or "none"
    return [
        f"fam={fam}",
        f"cue={label or 'none'}",
        f"excl={exclusion or 'none'}",
        f"doc={doc_type}",
        f"sec={kind}",
        f"fam_doc={fam}|{doc_type}",
        f"fam_excl={fam}|{exclusion or 'none'}",
        *(shape_terms(sentence) if sentence else []),
    ]


class LinearScorer:
    """P(commitment) from a TF-IDF block (l2-normalised) and a binary rule block."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.idf: dict[str, float] = data["idf"]
        self.text_coef: dict[str, float] = data["text_coef"]
        self.rule_coef: dict[str, float] = data["rule_coef"]
        self.intercept: float = data["intercept"]
        self.veto: float = data["veto"]
        # Rule-excluded sentences (with a cue) kept when P >= rescue; None: never.
        self.rescue: float | None = data.get("rescue")
        # Sentences with no cue at all kept when P >= admit; None: never (rules gate recall).
        self.admit: float | None = data.get("admit")
        # The status of an admitted sentence, learned; None: admitted sentences are pledged.
        self.status: StatusScorer | None = (
            StatusScorer(data["status"]) if data.get("status") else None
        )
        self.meta: dict[str, Any] = data.get("meta", {})
        # Shape terms cost ten regexes a sentence: worth it only for weights trained on them.
        learned = [
            *self.rule_coef,
            *(t for c in (self.status.rule_coef.values() if self.status else []) for t in c),
        ]
        self.uses_shape = any(t.startswith(SHAPE_PREFIXES) for t in learned)

    def decision(self, sentence: str, rules: list[str]) -> float:
        """The linear score (log-odds) of one sentence."""
        coef = self.text_coef
        score = sum(v * coef.get(t, 0.0) for t, v in tfidf_row(sentence, self.idf))
        score += sum(self.rule_coef.get(t, 0.0) for t in set(rules))
        return score + self.intercept

    def probability(self, sentence: str, rules: list[str]) -> float:
        """P(commitment) of one sentence given the rule terms."""
        z = self.decision(sentence, rules)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


def tfidf_row(sentence: str, idf: dict[str, float]) -> list[tuple[str, float]]:
    """The sentence's l2-normalised TF-IDF row over a trained vocabulary, as scikit-learn's
    TfidfVectorizer(sublinear_tf=True) makes it: (term, value) for the known terms."""
    row = []
    norm = 0.0
    for term, tf in Counter(text_terms(sentence)).items():
        w = idf.get(term)
        if w is None:
            continue
        v = w if tf == 1 else (1.0 + math.log(tf)) * w
        norm += v * v
        row.append((term, v))
    scale = 1.0 / math.sqrt(norm) if norm else 0.0
    return [(t, v * scale) for t, v in row]


class StatusScorer:
    """The status of a sentence (proposed, pledged, in_progress, done, cancelled), linear."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.classes: list[str] = data["classes"]
        self.intercept: dict[str, float] = data["intercept"]
        self.rule_coef: dict[str, dict[str, float]] = data["rule_coef"]
        self.text_coef: dict[str, dict[str, float]] = data["text_coef"]
        self.idf: dict[str, float] = data["idf"]

    def scores(self, sentence: str, rules: list[str]) -> dict[str, float]:
        """The linear score of every class."""
        row = tfidf_row(sentence, self.idf)
        terms = set(rules)
        return {
            c: sum(v * self.text_coef[c].get(t, 0.0) for t, v in row)
            + self.intercept[c]
            + sum(self.rule_coef[c].get(t, 0.0) for t in terms)
            for c in self.classes
        }

    def predict(self, sentence: str, rules: list[str]) -> str:
        """The most likely status."""
        sc = self.scores(sentence, rules)
        return max(self.classes, key=lambda c: (sc[c], c))


@functools.lru_cache(maxsize=1)
def load(path: Path = MODEL_PATH) -> LinearScorer | None:
    """The trained scorer, loaded once per process; None if the file is missing or broken."""
    if not path.is_file():
        return None
    try:
        import joblib

        data = joblib.load(path)
        return LinearScorer(data)
    except (OSError, KeyError, TypeError, ValueError, EOFError, ImportError):
        return None
