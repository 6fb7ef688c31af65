"""A party as a reader names it, and what a renamed party became (gazetteers/parties.tsv)."""

from __future__ import annotations

from pipeline.lexicon.gazetteers import parties


def successors() -> dict[str, str]:
    """Old abbreviation -> today's, for every renamed party ('FP' -> 'L')."""
    return dict(parties()[2])


def party_label(abbreviation: str) -> str:
    """'Liberalerna (L)' for 'L' and for 'FP'; an abbreviation not in the table as given."""
    canonical, _, became = parties()
    abbr = abbreviation.strip().upper()
    if abbr not in canonical:
        return abbreviation
    now = became.get(abbr, abbr)
    return f"{canonical[now]} ({now})"
