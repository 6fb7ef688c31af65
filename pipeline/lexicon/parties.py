"""Swedish party abbreviations, their names, and what a renamed party became (data/parties.tsv)."""

from __future__ import annotations

import functools

from pipeline import paths
from pipeline.lexicon.tables import read_columns

PARTIES = paths.LEXICON_DATA / "parties.tsv"


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    return read_columns(PARTIES, ("name", "now"))


def successors() -> dict[str, str]:
    """Old abbreviation -> today's, for every renamed party ('FP' -> 'L')."""
    return {k: v["now"] for k, v in _table().items() if v["now"] != k}


def party_label(abbreviation: str) -> str:
    """'Liberalerna (L)' for 'L' and for 'FP'; an abbreviation not in the table as given."""
    row = _table().get(abbreviation.strip().upper())
    if row is None:
        return abbreviation
    now = _table()[row["now"]]
    return f"{now['name']} ({row['now']})"
