"""Read side: measures with status, due date, flags and sources, searched Swedish-style."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from pipeline.lang.search import WORD_SQL, Expression, match_expression, split_compounds
from pipeline.lang.slugs import fold
from pipeline.link.timeline import CLOSED, is_stall, motion_flag, summarise
from pipeline.link.timeline import is_overdue as _overdue
from pipeline.store.core import Store

DONE = CLOSED


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

    @property
    def shown_status(self) -> str:
        """The status column: 'overdue' wins over the latest evidence when it holds."""
        return "overdue" if self.overdue else self.status


def is_overdue(status: str, due: str | None, as_of: date) -> bool:
    """Due date passed with no done/cancelled evidence (judged from the latest status)."""
    return _overdue(status in DONE, due, as_of)


def search_terms(query: str) -> list[str]:
    """Folded query words and their lemmas: 'fältarbetet' also finds 'fältarbete'."""
    from pipeline.link.keys import lemma

    terms = []
    for w in query.split():
        terms.append(fold(w))
        lem = fold(lemma(w))
        if lem != terms[-1]:
            terms.append(lem)
    return terms


def _view(r: sqlite3.Row, as_of: date) -> MeasureView:
    closed = bool(r["closed"])
    return MeasureView(
        r["id"],
        r["label"],
        r["status"],
        r["due"],
        _overdue(closed, r["due"], as_of),
        r["first_seen"],
        r["last_seen"],
        r["responsible"],
        sources=[s for s in (r["sources"] or "").split(",") if s],
        assessment=r["assessment"] or "not_assessed",
        motion_flag=motion_flag(r["motion_date"], r["decision_date"], as_of),
        statement_count=r["statements"],
        closed=closed,
    )


def _matches(view: MeasureView, status: str | None) -> bool:
    if not status:
        return True
    if status in ASSESSMENTS:
        return view.assessment == status
    return view.shown_status == status or view.status == status


ASSESSMENTS = ("stalled", "not_assessed", "assessed")


def _status_sql(status: str | None) -> tuple[str | None, list[Any]]:
    """The status filter on the precomputed columns (valid when no statement is later)."""
    if not status:
        return None, []
    if status == "overdue":
        return "(m.due IS NOT NULL AND m.due < :cut AND m.closed = 0)", []
    if status in ASSESSMENTS:
        return "m.assessment = :status", []
    return "m.status = :status", []


def expression(store: Store, query: str | None) -> Expression:
    """The index query for a user's words, with compounds split where only that matches."""
    if not query:
        return Expression()
    return match_expression(query, split_compounds(store.conn, query))


def _select(
    what: str, expr: Expression, actor: str | None, status: str | None, as_of: date
) -> tuple[str, dict[str, Any]]:
    sql = f"SELECT {what} FROM measures m"
    where = ["(m.first_seen IS NULL OR m.first_seen <= :cut)"]
    args: dict[str, Any] = {"cut": as_of.isoformat(), "status": status}
    for n, phrase in enumerate(expr.params()):
        where.append("m.rowid IN (" + WORD_SQL.format(param=f":part{n}") + ")")
        args[f"part{n}"] = phrase
    for n, like in enumerate(expr.likes):
        where.append(f"m.search LIKE :like{n}")
        args[f"like{n}"] = f"%{like}%"
    if actor:
        where.append("(m.search LIKE :actor_f OR m.responsible LIKE :actor)")
        args["actor_f"], args["actor"] = f"%{fold(actor)}%", f"%{actor}%"
    cond, _ = _status_sql(status)
    if cond:
        # Measures with statements after as-of are judged again in Python.
        where.append(f"({cond} OR m.last_seen > :cut)")
    return sql + " WHERE " + " AND ".join(where), args


def find_measures(
    store: Store,
    query: str | None = None,
    *,
    as_of: date | None = None,
    status: str | None = None,
    actor: str | None = None,
    with_statements: bool = True,
    limit: int | None = None,
) -> list[MeasureView]:
    """Measures matching a free-text query, evaluated at ``as_of`` (default today).

    Every query word must match, case- and diacritic-blind, as the word, its lemma or
    its compound parts. Measures first seen after ``as_of`` are left out, and statements
    dated after it do not count towards the status. Sorted in Swedish alphabetical order.
    """
    as_of = as_of or date.today()
    sql, args = _select("m.*", expression(store, query), actor, status, as_of)
    sql += " ORDER BY m.sort_key, m.id"
    out: list[MeasureView] = []
    page = max(limit or 0, 100) if limit else None
    offset = 0
    while True:
        paged = sql + (f" LIMIT {page} OFFSET {offset}" if page else "")
        rows = store.conn.execute(paged, args).fetchall()
        views = [_view(r, as_of) for r in rows]
        later = [v for v in views if v.last_seen and v.last_seen > args["cut"]]
        if later:
            _rejudge(store, later, as_of)
        out += [v for v in views if _matches(v, status)]
        offset += len(rows)
        if not page or len(rows) < page or (limit and len(out) >= limit):
            break
    if limit:
        out = out[:limit]
    if with_statements:
        attach_statements(store, out, as_of)
    return out


def count_measures(
    store: Store,
    query: str | None = None,
    *,
    as_of: date | None = None,
    status: str | None = None,
    actor: str | None = None,
) -> int:
    """How many measures :func:`find_measures` would return without a limit."""
    as_of = as_of or date.today()
    sql, args = _select("count(*)", expression(store, query), actor, status, as_of)
    if not status:
        return int(store.conn.execute(sql, args).fetchone()[0])
    settled = store.conn.execute(sql + " AND NOT (m.last_seen > :cut)", args).fetchone()[0]
    rows = store.conn.execute(sql.replace("count(*)", "m.*") + " AND m.last_seen > :cut", args)
    views = [_view(r, as_of) for r in rows]
    _rejudge(store, views, as_of)
    return int(settled) + sum(_matches(v, status) for v in views)


def _rejudge(store: Store, views: list[MeasureView], as_of: date) -> None:
    """Status at an earlier date: only the statements known by then count."""
    by_id = statements_for(store, [v.id for v in views])
    for v in views:
        rows = [vars(s) for s in by_id.get(v.id, [])]
        tl = summarise(rows, as_of)
        v.status, v.due, v.closed = tl.status, tl.due, tl.closed
        v.assessment, v.last_seen = tl.assessment, tl.last_seen
        v.overdue = _overdue(tl.closed, tl.due, as_of)
        v.motion_flag = motion_flag(tl.motion_date, tl.decision_date, as_of)
        cut = as_of.isoformat()
        v.sources = sorted(
            {r["doc_id"] for r in rows if not (r["doc_date"] and r["doc_date"] > cut)}
        )


def attach_statements(
    store: Store, views: Sequence[MeasureView], as_of: date | None = None
) -> None:
    """Fill ``statements`` and ``sources`` (documents known at ``as_of``), 500 per query."""
    by_id = statements_for(store, [v.id for v in views])
    cut = as_of.isoformat() if as_of else "9999"
    for v in views:
        v.statements = by_id.get(v.id, [])
        known = {s.doc_id for s in v.statements if not (s.doc_date and s.doc_date > cut)}
        v.sources = sorted(known) or v.sources


_STATEMENT_SQL = (
    "SELECT c.*, m.measure_id, m.reason, m.score, d.title AS doc_title, d.source AS source "
    "FROM measure_members m JOIN commitments c ON c.id = m.commitment_id "
    "LEFT JOIN documents d ON d.doc_id = c.doc_id "
)


def _statement(r: sqlite3.Row) -> Statement:
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
    )


@lru_cache(maxsize=4096)
def _stalled(sentence: str) -> bool:
    return is_stall(sentence)


def _date_order(s: Statement) -> tuple[str, int, str, int]:
    from pipeline.link.timeline import order_key

    return order_key(vars(s))


def statements_for(store: Store, measure_ids: Iterable[str]) -> dict[str, list[Statement]]:
    """Statements of many measures at once, each list in date order."""
    ids = list(dict.fromkeys(measure_ids))
    out: dict[str, list[Statement]] = {i: [] for i in ids}
    for lo in range(0, len(ids), 500):
        chunk = ids[lo : lo + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.conn.execute(_STATEMENT_SQL + f"WHERE m.measure_id IN ({marks})", chunk):
            out[r["measure_id"]].append(_statement(r))
    for lst in out.values():
        lst.sort(key=_date_order)
    return out


def statements(store: Store, measure_id: str) -> list[Statement]:
    """Every statement about a measure, in date order."""
    return statements_for(store, [measure_id])[measure_id]


def get_measure(store: Store, measure_id: str, as_of: date | None = None) -> MeasureView | None:
    """One measure by id, with its statements, or None."""
    as_of = as_of or date.today()
    r = store.conn.execute("SELECT * FROM measures WHERE id = ?", (measure_id,)).fetchone()
    if r is None:
        return None
    view = _view(r, as_of)
    if view.last_seen and view.last_seen > as_of.isoformat():
        _rejudge(store, [view], as_of)
    attach_statements(store, [view], as_of)
    return view


def as_dict(view: MeasureView) -> dict[str, Any]:
    """JSON-ready view of a measure, each statement with its quote."""
    d: dict[str, Any] = dict(vars(view))
    d["sources"] = list(view.sources)
    d["statements"] = [dict(vars(s), quote=s.quote) for s in view.statements]
    d["shown_status"] = view.shown_status
    return d
