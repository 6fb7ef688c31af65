"""The municipality a document is from, read from the places and bodies it names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from pipeline import paths
from pipeline.lang.slugs import fold
from pipeline.link.context import municipality_of

# The share of municipality mentions the commonest must have. Measured on the bundled
# corpus's source lists (scripts/eval_municipality.py): a plain majority is right 163 times
# of 165, 0.6 is right 159 of 160; a council text names neighbours, the Region and the
# state, but mostly its own town.
SHARE = 0.6


@lru_cache(maxsize=1)
def _printed() -> dict[str, str]:
    """Folded municipality name -> the name as written ("malmo" -> "Malmö")."""
    lines = (paths.GAZETTEERS / "kommuner.txt").read_text(encoding="utf-8").splitlines()
    return {fold(x.strip()): x.strip() for x in lines if x.strip() and not x.startswith("#")}


def home_municipality(title: str | None, actors: Iterable[Mapping[str, Any]]) -> str | None:
    """The municipality most of a document's place and body names belong to, if clear.

    For a text no source list describes. "Skärholmens stadsdelsförvaltning" counts for
    Stockholm, "Malmö stad" for Malmö; a document naming no municipality, or two about
    equally, gets None: an empty column is better than a wrong one.
    """
    counts: Counter[str] = Counter()
    names = [title or ""] + [
        str(a.get("name") or "") for a in actors if a.get("kind") in ("place", "organisation")
    ]
    for name in names:
        muni = municipality_of(name)
        if muni:
            counts[muni] += 1
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    if n / sum(counts.values()) < SHARE:
        return None
    return _printed().get(top)
