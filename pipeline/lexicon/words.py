"""Swedish word lists kept as data: the stopwords each use drops, read from one file."""

from __future__ import annotations

import functools

from pipeline import paths
from pipeline.lexicon.tables import lookup, read_table

STOPWORDS = paths.LEXICON_DATA / "stopwords.tsv"
USES = frozenset({"line_end", "same_measure", "title_topic", "measure_key"})


@functools.cache
def _table() -> dict[str, frozenset[str]]:
    return read_table(STOPWORDS, USES)


def stopwords(use: str) -> frozenset[str]:
    """The stopwords of one use (see the header of lexicon/data/stopwords.tsv)."""
    return lookup(_table(), use, "stopword use")
