"""The linker's own TF-IDF gives scikit-learn's rows, so dropping the import changed no score."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.link import tfidf

WORDS = r"(?u)\b[^\W\d_]{3,}\b"
DOCS = [
    "handlingsplan för fältarbetet i Skärholmen",
    "utökad  städning inom hela Resecentrum",
    "ab",
    "-",
    "kamerabevakning vid Resecentrum och kamerabevakning i Gottsunda",
    "Ökad polisnärvaro",
]


def _same(a: object, b: object) -> bool:
    x, y = np.asarray(a.todense()), np.asarray(b.todense())  # type: ignore[attr-defined]
    return x.shape == y.shape and np.allclose(x, y, atol=1e-12)


def test_char_ngrams_match_scikit_learn() -> None:
    ours = tfidf.tfidf(DOCS, lambda t: tfidf.char_wb(t, 3, 5))
    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    assert _same(ours, theirs.fit_transform(DOCS))


def test_words_match_scikit_learn() -> None:
    docs = [d for d in DOCS if d != "ab"] + ["kommunen kommunen nämnden"]
    ours = tfidf.tfidf(docs, tfidf.words(WORDS))
    theirs = TfidfVectorizer(analyzer="word", token_pattern=WORDS, sublinear_tf=True)
    assert _same(ours, theirs.fit_transform(docs))


def test_a_row_without_terms_stays_zero() -> None:
    x = tfidf.tfidf(["ab", "plan plan"], tfidf.words(WORDS))
    assert x[0].nnz == 0 and np.isclose(x[1].multiply(x[1]).sum(), 1.0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcåäö ÅÄ-", min_size=1, max_size=30), min_size=2, max_size=6))
def test_any_texts_match_scikit_learn(docs: list[str]) -> None:
    docs = [d if d.strip() else "x" for d in docs]
    ours = tfidf.tfidf(docs, lambda t: tfidf.char_wb(t, 3, 5))
    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    assert _same(ours, theirs.fit_transform(docs))
