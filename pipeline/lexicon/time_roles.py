"""What a time expression does when it is not a due time: dates an event, a report or a start."""

from __future__ import annotations

import functools
import re

from pipeline import paths
from pipeline.lang.calendar import MONTH_NAMES
from pipeline.lexicon.tables import read_patterns

TIME_ROLES = paths.LEXICON_DATA / "time_roles.tsv"
_KINDS = ("event_before", "report_before", "start_before", "start_text")
# Where the expression's own date begins: its first digit or month name.
_DATE_PART = re.compile(r"\d|\b(?:" + "|".join(MONTH_NAMES) + r")\b", re.IGNORECASE)


@functools.cache
def _roles() -> dict[str, re.Pattern[str]]:
    return read_patterns(TIME_ROLES, _KINDS)


def _lead(sentence: str, start: int, text: str) -> str:
    """The sentence up to where the expression's date begins (its lead words included)."""
    m = _DATE_PART.search(text)
    return sentence[: start + (m.start() if m else len(text))]


def dates_other_thing(sentence: str, start: int, text: str) -> bool:
    """Whether the expression at ``start`` dates a document, meeting, decision or report."""
    lead = _lead(sentence, start, text)
    roles = _roles()
    return bool(roles["event_before"].search(lead) or roles["report_before"].search(lead))


def is_start(sentence: str, text: str) -> bool:
    """Whether the time ``text`` in ``sentence`` is when something takes effect, not a due time."""
    if _roles()["start_text"].search(text.strip()):
        return True
    at = sentence.find(text) if text else -1
    return at >= 0 and bool(_roles()["start_before"].search(_lead(sentence, at, text)))
