"""What a time expression does when it is not a due time: dates an event, a report or a start."""

from __future__ import annotations

import functools
import re

from pipeline import paths
from pipeline.lexicon.tables import read_patterns

TIME_ROLES = paths.LEXICON_DATA / "time_roles.tsv"
NOT_COMMITMENTS = paths.LEXICON_DATA / "not_commitments.tsv"
_KINDS = ("event_before", "report_before", "start_before", "start_text")
# Where the expression's own date begins: its first digit or month name.
_DATE_PART = re.compile(
    r"\d|\b(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
    r"december)\b",
    re.IGNORECASE,
)


@functools.cache
def _roles() -> dict[str, re.Pattern[str]]:
    return read_patterns(TIME_ROLES, _KINDS)


@functools.cache
def _not_commitments() -> dict[str, re.Pattern[str]]:
    return read_patterns(NOT_COMMITMENTS, ("personnel", "elsewhere"))


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


def not_commitment(sentence: str) -> str | None:
    """Why a sentence is never a commitment (a post changes hands, a neighbour acts), or None."""
    for kind, rx in _not_commitments().items():
        if rx.search(sentence):
            return kind
    return None
