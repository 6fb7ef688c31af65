"""Swedish word lists kept as data: the stopwords each use drops, read from one file."""

from __future__ import annotations

import functools

from pipeline import paths

STOPWORDS = paths.LEXICON_DATA / "stopwords.tsv"
USES = frozenset({"line_end", "same_measure", "title_topic", "measure_key"})


@functools.cache
def _table() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {u: set() for u in USES}
    for line in STOPWORDS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, uses = line.split("\t")
        for use in uses.split(","):
            if use not in USES:
                raise ValueError(f"{STOPWORDS.name}: unknown use {use!r} for {word!r}")
            out[use].add(word)
    return {u: frozenset(ws) for u, ws in out.items()}


def stopwords(use: str) -> frozenset[str]:
    """The stopwords of one use (see the header of lexicon/data/stopwords.tsv)."""
    if use not in USES:
        raise KeyError(f"no stopword use {use!r}; known: {', '.join(sorted(USES))}")
    return _table()[use]
