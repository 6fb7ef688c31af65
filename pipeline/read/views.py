"""What a reader sees of a measure: the view at an as-of date and its statements."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from pipeline.link.timeline import is_overdue, is_stall, motion_flag, quiet_since
from pipeline.records import ASSESSMENTS
from pipeline.store.documents import known_municipality


@dataclass
class Statement:
    """One commitment about a measure, with where it was said and why it was linked."""

    commitment_id: str
    doc_id: str
    doc_date: str | None
    doc_type: str | None
    status: str
    sentence: str
    page: int | None
    deadline_text: str | None
    deadline_end: str | None
    reason: str
    measure: str | None = None
    responsible: str | None = None
    doc_title: str | None = None
    source: str | None = None
    score: float | None = None
    stalled: bool = False
    n: int = 0
    municipality: str | None = None
    doc_url: str | None = None

    @property
    def quote(self) -> str:
        """The sentence as printed: what to cite."""
        return self.sentence


@dataclass
class MeasureView:
    """A measure as users see it, evaluated at an as-of date."""

    id: str
    label: str
    status: str
    due: str | None
    overdue: bool
    first_seen: str | None
    last_seen: str | None
    responsible: str | None
    sources: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    assessment: str = "not_assessed"
    motion_flag: bool = False
    statement_count: int = 0
    closed: bool = False
    # The state, the EU or a state inquiry acts, not the municipality (lexicon/outside.py).
    outside: bool = False
    # In progress, and last heard of over a year before the as-of date: that date.
    quiet_since: str | None = None

    @property
    def shown_status(self) -> str:
        """The status column: 'overdue' wins over the latest evidence when it holds."""
        return "overdue" if self.overdue else self.status


def measure_view(r: sqlite3.Row, as_of: date) -> MeasureView:
    """A stored measure row as seen at ``as_of``: overdue and motion flags judged then."""
    closed = bool(r["closed"])
    return MeasureView(
        r["id"],
        r["label"],
        r["status"],
        r["due"],
        is_overdue(closed, r["due"], as_of),
        r["first_seen"],
        r["last_seen"],
        r["responsible"],
        sources=[s for s in (r["sources"] or "").split(",") if s],
        assessment=r["assessment"] or "not_assessed",
        motion_flag=motion_flag(r["motion_date"], r["decision_date"], as_of),
        statement_count=r["statements"],
        closed=closed,
        outside=bool(r["outside"]),
        quiet_since=quiet_since(r["status"], r["last_seen"], as_of),
    )


def statement(r: sqlite3.Row) -> Statement:
    """A stored statement row (commitment joined with its measure and document)."""
    return Statement(
        r["id"],
        r["doc_id"],
        r["doc_date"],
        r["doc_type"],
        r["status"],
        r["sentence"],
        r["page"],
        r["deadline_text"],
        r["deadline_end"],
        r["reason"],
        measure=r["measure"],
        responsible=r["responsible"],
        doc_title=r["doc_title"],
        source=r["source"],
        score=r["score"],
        stalled=_stalled(r["sentence"]),
        n=r["n"],
        municipality=known_municipality(r["municipality"]),
        doc_url=r["doc_url"],
    )


@lru_cache(maxsize=4096)
def _stalled(sentence: str) -> bool:
    return is_stall(sentence)


def matches_status(view: MeasureView, key: str | None) -> bool:
    """The one status filter of the CLI, the API and the page: the badge a reader sees.

    An overdue pledge shows as overdue, so it is found under ``overdue`` and not under
    ``pledged``: the counts per status then add up to the whole. An assessment key
    (stalled, not_assessed, assessed) filters on the follow-up assessment instead.
    """
    if not key:
        return True
    if key in ASSESSMENTS:
        return view.assessment == key
    return view.shown_status == key


def as_dict(view: MeasureView) -> dict[str, Any]:
    """JSON-ready view of a measure, each statement with its quote."""
    d: dict[str, Any] = dict(vars(view))
    d["sources"] = list(view.sources)
    d["statements"] = [dict(vars(s), quote=s.quote) for s in view.statements]
    d["shown_status"] = view.shown_status
    return d
