"""TF-IDF rows for the linker: word-boundary character n-grams and word tokens, L2-normalised.

The same weighting as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` with smoothed
idf, built on scipy.sparse alone: importing scikit-learn costs the linker about 1.5 s of
start-up (it pulls in scipy.stats), which every `lofte ingest` paid before a relink. The
vocabulary is sorted, as scikit-learn sorts it, so the sums come out the same.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from scipy import sparse

_SPACES = re.compile(r"\s\s+")


def char_wb(text: str, lo: int, hi: int) -> list[str]:
    """Character n-grams of each word padded with a space on either side."""
    out: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        w = f" {word} "
        size = len(w)
        for n in range(lo, hi + 1):
            if n >= size:
                out.append(w)  # a word this short is one n-gram, counted once
                break
            out += [w[i : i + n] for i in range(size - n + 1)]
    return out


def words(pattern: str) -> Callable[[str], list[str]]:
    """Tokens matching ``pattern`` in the lowercased text."""
    rx = re.compile(pattern)
    return lambda text: rx.findall(text.lower())


def tfidf(docs: Sequence[str], analyse: Callable[[str], Iterable[str]]) -> sparse.csr_matrix:
    """One L2-normalised row per document: (1 + log tf) times ln((1 + n) / (1 + df)) + 1."""
    vocab: dict[str, int] = {}
    indptr: list[int] = [0]
    indices: list[int] = []
    values: list[int] = []
    for d in docs:
        counts = Counter(analyse(d))
        indices += [vocab.setdefault(t, len(vocab)) for t in counts]
        values += counts.values()
        indptr.append(len(indices))
    # Columns in sorted term order, as scikit-learn numbers them.
    order = np.empty(len(vocab), dtype=np.int64)
    order[[vocab[t] for t in sorted(vocab)]] = np.arange(len(vocab))
    x = sparse.csr_matrix(
        (np.array(values, dtype=np.float64), order[np.array(indices, dtype=np.int64)], indptr),
        shape=(len(docs), len(vocab)),
    )
    x.sort_indices()
    x.data = np.log(x.data) + 1.0
    df = np.bincount(x.indices, minlength=len(vocab))
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    x.data *= idf[x.indices]
    lengths = np.diff(x.indptr)
    squares = np.zeros(len(docs))
    nonempty = lengths > 0
    squares[nonempty] = np.add.reduceat(x.data**2, x.indptr[:-1][nonempty])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    x.data /= np.repeat(norms, lengths)
    return x
