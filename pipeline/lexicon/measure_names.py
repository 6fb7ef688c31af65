"""Whether a phrase can name a measure: not a sum, a date, a politician, a fragment or a pointer."""

from __future__ import annotations

import functools
import re

from pipeline import paths
from pipeline.lexicon.tables import read_patterns

MEASURE_NAMES = paths.LEXICON_DATA / "measure_names.tsv"
KINDS = ("amount", "dated", "person", "fragment", "anaphor")


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return read_patterns(MEASURE_NAMES, KINDS)


def unusable(name: str) -> str | None:
    """Why ``name`` reads as no measure's name (a kind of lexicon/data/measure_names.tsv), or None."""
    text = " ".join(name.split()).strip(" ,.;:")
    for kind, rx in _patterns().items():
        if rx.search(text):
            return kind
    return None
