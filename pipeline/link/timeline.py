"""Status over time: a measure's statements in date order decide its status and flags."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pipeline.lexicon import genres
from pipeline.lexicon.time_roles import is_start
from pipeline.records import CLOSED, PROGRESS

# Document types whose pledged/done/cancelled statements are decisions on a motion.
DECIDING = genres.with_trait("decides")
DECISION_STATUSES = ("pledged", "done", "cancelled")
# Kommunallagen 5 kap. 35 §: a motion should be decided within a year of being filed.
MOTION_LIMIT = timedelta(days=365)
# Work said to be under way and not heard of for a year is flagged with the date of the news.
QUIET_AFTER = timedelta(days=365)

# A follow-up that reports that nothing moved: negated completion, waiting, postponement.
_STALL = re.compile(
    r"\b(?:har|hade|är|blev|kunde|kan)\s+(?:ännu\s+|fortfarande\s+|tyvärr\s+)?(?:inte|ej|icke)\s+"
    r"(?:\w+\s+){0,2}?(?:påbörjats|genomförts|startats|startat|kommit\s+igång|verkställts|"
    r"slutförts|färdigställts|tagits\s+fram|införts|realiserats|genomföras|påbörjas|"
    r"prioriterats|beslutats|avslutats|hunnit)"
    r"|\b(?:ännu\s+inte|inte\s+ännu|ej\s+ännu)\s+(?:\w+\s+)?(?:påbörjat|påbörjats|startat|"
    r"genomförts|beslutats|verkställts)"
    r"|\bavvakta[rs]?\b|\bavvaktan\b|\bskjut(?:its|s|as)\s+upp\b|\bsenarelagts?\b|"
    r"\bförsenats?\b|\bförskjutits\b|\bpausats?\b|\bvilande\b|\bstått\s+still\b|"
    r"\bstår\s+still\b|\bligger\s+(?:på\s+is|still)\b|\binga\s+(?:åtgärder|framsteg)\b",
    re.IGNORECASE,
)


def is_stall(sentence: str) -> bool:
    """True when a sentence reports that a measure has not moved ('har ännu inte påbörjats')."""
    return bool(_STALL.search(sentence or ""))


def order_key(s: Mapping[str, Any]) -> tuple[str, int, str, int]:
    """Date order; on the same date the more advanced status counts as later evidence."""
    return (
        s.get("doc_date") or "",
        PROGRESS.get(str(s.get("status")), 0),
        str(s.get("doc_id") or ""),
        int(s.get("n") or 0),
    )


@dataclass
class Timeline:
    """What a measure's statements say, independent of the date it is judged at."""

    status: str
    due: str | None
    closed: bool
    assessment: str
    first_seen: str | None
    last_seen: str | None
    motion_date: str | None
    decision_date: str | None


def summarise(statements: Iterable[Mapping[str, Any]], as_of: date | None = None) -> Timeline:
    """Status from the latest evidence, due date, assessment and motion dates.

    Statements dated after ``as_of`` are not yet known at that date and are ignored.
    A stalled follow-up keeps the previous status but sets the assessment to 'stalled'.
    """
    cut = as_of.isoformat() if as_of else None
    rows = sorted(
        (s for s in statements if not (cut and s.get("doc_date") and s["doc_date"] > cut)),
        key=order_key,
    )
    status, closed, stalled = "proposed", False, False
    first_date = next((s["doc_date"] for s in rows if s.get("doc_date")), None)
    first_doc = rows[0].get("doc_id") if rows else None
    follow_up = False
    for s in rows:
        later = s.get("doc_id") != first_doc and (
            not first_date or not s.get("doc_date") or s["doc_date"] > first_date
        )
        if is_stall(str(s.get("sentence") or "")):
            stalled = follow_up = True
            continue
        st = str(s.get("status") or "proposed")
        if later or st in ("in_progress", *CLOSED):
            follow_up = True
            stalled = False
        status = st
        closed = closed or st in CLOSED
    # A time something takes effect ("träder i kraft den 1 juli") is no due date: past it, a
    # measure is in force or not, never late.
    ends = [
        str(s["deadline_end"])
        for s in rows
        if s.get("deadline_end")
        and not is_start(str(s.get("sentence") or ""), str(s.get("deadline_text") or ""))
    ]
    dates = [str(s["doc_date"]) for s in rows if s.get("doc_date")]
    motion, decision = _motion_dates(rows)
    if stalled:
        assessment = "stalled"
    elif follow_up:
        assessment = "assessed"
    else:
        assessment = "not_assessed"
    return Timeline(
        status=status,
        due=max(ends) if ends else None,
        closed=closed,
        assessment=assessment,
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        motion_date=motion,
        decision_date=decision,
    )


def _motion_dates(rows: Sequence[Mapping[str, Any]]) -> tuple[str | None, str | None]:
    """The filing date of a motion measure and the date of the first decision on it."""
    motions = [s for s in rows if s.get("doc_type") == "motion" and s.get("doc_date")]
    if not motions:
        return None, None
    filed = str(motions[0]["doc_date"])
    for s in rows:
        if (
            s.get("doc_type") in DECIDING
            and s.get("status") in DECISION_STATUSES
            and not is_stall(str(s.get("sentence") or ""))
            and (not s.get("doc_date") or str(s["doc_date"]) >= filed)
        ):
            # An undated decision still counts: we cannot say it came late.
            return filed, str(s.get("doc_date") or filed)
    return filed, None


def is_overdue(closed: bool, due: str | None, as_of: date) -> bool:
    """Due date passed at ``as_of`` with no done/cancelled evidence."""
    return bool(due) and not closed and str(due) < as_of.isoformat()


def quiet_since(status: str, last_seen: str | None, as_of: date) -> str | None:
    """When work said to be under way was last heard of, if that was over a year before.

    "Pågår" resting on a statement from years ago reads as ongoing today; the date tells the
    reader how old the news is. Only in-progress work: a pledge past that age already shows
    "Inget senare dokument", and done or cancelled work needs no news.
    """
    if status != "in_progress" or not last_seen:
        return None
    try:
        seen = date.fromisoformat(last_seen)
    except ValueError:
        return None
    return last_seen if seen + QUIET_AFTER < as_of else None


def motion_flag(motion_date: str | None, decision_date: str | None, as_of: date) -> bool:
    """A motion still without a decision one year after it was filed (KL 5 kap. 35 §)."""
    if not motion_date:
        return False
    try:
        limit = date.fromisoformat(motion_date) + MOTION_LIMIT
    except ValueError:
        return False
    if decision_date:
        return decision_date > limit.isoformat() and as_of > limit
    return as_of > limit
