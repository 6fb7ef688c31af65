"""Part-of-speech tags for Swedish words, from a linear tagger trained on UD Swedish-Talbanken."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np

from pipeline import paths

MODEL_PATH = paths.MODELS / "postag" / "postag.joblib"


def features(words: list[str], k: int) -> list[str]:
    """The features of word ``k`` in ``words``: itself, its affixes, shape and neighbours."""
    w = words[k]
    low = w.casefold()
    prev = words[k - 1].casefold() if k > 0 else "<s>"
    nxt = words[k + 1].casefold() if k + 1 < len(words) else "</s>"
    shape = "digit" if any(c.isdigit() for c in w) else "upper" if w[:1].isupper() else "lower"
    if not w[:1].isalnum():
        shape = "punct"
    return [
        "b",
        f"w={low}",
        f"s1={low[-1:]}",
        f"s2={low[-2:]}",
        f"s3={low[-3:]}",
        f"s4={low[-4:]}",
        f"p2={low[:2]}",
        f"sh={shape}",
        f"first={k == 0}:{shape}",
        f"pw={prev}",
        f"nw={nxt}",
        f"ps3={prev[-3:]}",
        f"ns3={nxt[-3:]}",
        f"pw_s2={prev}|{low[-2:]}",
    ]


def _repair(words: list[str], tags: list[str]) -> list[str]:
    """Tags corrected where Swedish word order rules them out.

    The tagger reads each word on its own, so a plural noun after an adjective or article
    ("trygga skolvägar", "nya insatser") can come out a finite verb, which no Swedish
    noun phrase has in that place.
    """
    out = list(tags)
    for k in range(1, len(out)):
        plural = words[k][-2:].casefold() in ("ar", "er", "or")
        if out[k] == "VERB.Fin" and out[k - 1] in ("ADJ", "DET") and plural:
            out[k] = "NOUN"
    return out


class Tagger:
    """A linear model over word features: one weight row per feature, one column per tag."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.index: dict[str, int] = data["index"]
        self.tags: list[str] = data["tags"]
        self.weights = data["weights"]  # numpy array, features x tags
        # Closed word classes (articles, prepositions, conjunctions …) hold the words the
        # treebank lists and no others: an unknown council word ("Delårsbokslut") is no DET.
        closed: dict[str, list[str]] = data.get("closed") or {}
        self.closed = {self.tags.index(t): frozenset(ws) for t, ws in closed.items()}
        self._closed_cols = sorted(self.closed)
        # Extraction tags one sentence for its measure, its agent and its decision: once.
        self._cache: dict[tuple[str, ...], list[str]] = {}

    def tag(self, words: list[str]) -> list[str]:
        """One tag per word (UPOS, with VERB split by form: VERB.Inf, VERB.Fin, …)."""
        if not words:
            return []
        key = tuple(words)
        if key not in self._cache:
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[key] = self._tag(words)
        return list(self._cache[key])

    def _tag(self, words: list[str]) -> list[str]:
        rows: list[int] = []
        starts: list[int] = []
        index = self.index
        for k in range(len(words)):
            starts.append(len(rows))
            # "b" (the bias) is always known, so no word's slice is empty.
            rows.extend(index[f] for f in features(words, k) if f in index)
        # One gather and one segmented sum for the whole sentence, not one per word.
        scores = np.add.reduceat(self.weights[rows], starts, axis=0)
        best = scores.argmax(axis=1)
        for k, t in enumerate(best):
            if t in self.closed and words[k].casefold() not in self.closed[t]:
                row = scores[k].copy()
                row[self._closed_cols] = -np.inf
                best[k] = int(row.argmax())
        return _repair(words, [str(self.tags[t]) for t in best])


@functools.cache
def load(path: Path = MODEL_PATH) -> Tagger | None:
    """The trained tagger, read once per process; None if its file is missing or broken."""
    if not path.is_file():
        return None
    try:
        import joblib

        return Tagger(joblib.load(path))
    except (OSError, KeyError, TypeError, ValueError, EOFError, ImportError):
        return None
