"""Whether a measure's actor is outside the municipality: the state, the EU or a state inquiry."""

from __future__ import annotations

import functools
import re

from pipeline import paths
from pipeline.lexicon.tables import read_patterns

OUTSIDE_BODIES = paths.LEXICON_DATA / "outside_bodies.tsv"
_KINDS = ("body", "clause")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(opening, inverted, whole responsible, clause), built from the table's bodies."""
    table = read_patterns(OUTSIDE_BODIES, _KINDS)
    bodies = table["body"].pattern
    # At most a preposition and one determiner before it: "I utredningen föreslås …". Not
    # "av": "Av utredningen framgår att kommunen ska …" is the council's measure.
    opening = re.compile(rf"^\W*(?:(?:i|enligt)\s+)?(?:den\s+)?(?:{bodies})\b", re.I)
    # The subject after the finite verb of an inverted clause: "… föreslår EU-kommissionen".
    verbs = r"föreslår|föreslog|föreslås|beslutade|beslutar|har|hade|ska|kommer|avser|lämnade"
    inverted = re.compile(rf"\b(?:{verbs})\s+(?:även\s+|också\s+|nu\s+)?(?:{bodies})\b", re.I)
    return opening, inverted, table["body"], table["clause"]


def outside(sentence: str, responsible: str | None = None) -> bool:
    """Whether the sentence's measure is done or proposed by a body outside the municipality."""
    opening, inverted, whole, clause = _patterns()
    if responsible and whole.fullmatch(responsible.strip()):
        return True
    return bool(opening.search(sentence) or inverted.search(sentence) or clause.search(sentence))
