"""Swedish word lists kept as data: stopwords by use, and the action noun of each verb form."""

from __future__ import annotations

import functools

from pipeline import paths
from pipeline.lexicon.tables import lookup, read_pairs, read_table

STOPWORDS = paths.LEXICON_DATA / "stopwords.tsv"
ACTION_NOUNS = paths.LEXICON_DATA / "action_nouns.tsv"
USES = frozenset(
    {
        "line_end",
        "same_measure",
        "title_topic",
        "measure_key",
        "acronym",
        "not_a_head",
        "yearly",
        "search_part",
        "generic_organ",
        "status_word",
        "quote_break",
        "report_back",
        "finite_aux",
    }
)


@functools.cache
def _table() -> dict[str, frozenset[str]]:
    return read_table(STOPWORDS, USES)


def stopwords(use: str) -> frozenset[str]:
    """The stopwords of one use (see the header of lexicon/data/stopwords.tsv)."""
    return lookup(_table(), use, "stopword use")


@functools.cache
def action_nouns() -> dict[str, str]:
    """Verb form -> action noun ("utreda" -> "utredning", "se över" -> "översyn")."""
    return read_pairs(ACTION_NOUNS)
