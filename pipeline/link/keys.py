"""Link stage: key each commitment's measure by its lemmatised content words."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lang import lemmas
from pipeline.lang.slugs import slugify
from pipeline.lexicon.words import stopwords
from pipeline.records import Commitment, MeasureKey

_WORD = re.compile(r"[^\W\d_]+")
# Function words and the generic nouns that every measure shares carry no identity.
STOP = stopwords("measure_key")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Swedish lemma of one word (domain table, simplemma, compound head), casefolded."""
    return lemmas.lemma(word)


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of a phrase, in order."""
    return [lemma(w) for w in _WORD.findall(text) if w.casefold() not in STOP and len(w) > 1]


def measure_keys(commitments: list[Commitment]) -> list[MeasureKey]:
    """One key per commitment: the slug of its measure's first content lemmas."""
    out = []
    for i, c in enumerate(commitments):
        lemmas = content_lemmas(c.measure or c.sentence)
        out.append(MeasureKey(i, slugify(" ".join(lemmas[:6])), lemmas))
    return out
