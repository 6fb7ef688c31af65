"""Read side: measures with status, due date, flags and sources, searched Swedish-style."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from pipeline.lang.slugs import fold
from pipeline.link.timeline import is_overdue as _overdue
from pipeline.link.timeline import motion_flag, order_key, summarise
from pipeline.read.views import (
    MeasureView,
    Statement,
    as_dict,
    matches_status,
    measure_view,
    statement,
)
from pipeline.records import CLOSED
from pipeline.store import measure_sql as msql
from pipeline.store.core import Store

__all__ = [
    "MeasureView",
    "Statement",
    "as_dict",
    "attach_statements",
    "count_measures",
    "find_measures",
    "get_measure",
    "is_overdue",
    "search_terms",
    "statements",
    "statements_for",
]


def is_overdue(status: str, due: str | None, as_of: date) -> bool:
    """Due date passed with no done/cancelled evidence (judged from the latest status)."""
    return _overdue(status in CLOSED, due, as_of)


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


# Which measures a list holds: all, or the municipality's own (none the state or EU acts on).
SCOPES = ("municipal", "all")

# How a list can be sorted; each ends in the alphabetical order, so ties stay stable.
ORDERS = {
    "name": "m.sort_key, m.id",
    "recent": "m.last_seen IS NULL, m.last_seen DESC, m.sort_key, m.id",
    "due": "m.due IS NULL, m.due, m.sort_key, m.id",
}


def find_measures(
    store: Store,
    query: str | None = None,
    *,
    as_of: date | None = None,
    status: str | None = None,
    actor: str | None = None,
    with_statements: bool = True,
    limit: int | None = None,
    order: str = "name",
    scope: str = "all",
) -> list[MeasureView]:
    """Measures matching a free-text query, evaluated at ``as_of`` (default today).

    Every query word must match, case- and diacritic-blind, as the word, its lemma or
    its compound parts. Measures first seen after ``as_of`` are left out, and statements
    dated after it do not count towards the status. Sorted by ``order`` (a key of ORDERS):
    Swedish alphabetical order, the latest statement first, or the earliest due date first.
    ``scope`` is a key of SCOPES: "municipal" leaves out what the state or the EU acts on.
    """
    as_of = as_of or date.today()
    expr = msql.expression(store, query)
    sql, args = msql.select("m.*", expr, actor, status, as_of, scope)
    sql += " ORDER BY " + ORDERS[order]
    out: list[MeasureView] = []
    page = max(limit or 0, 100) if limit else None
    offset = 0
    while True:
        paged = sql + (f" LIMIT {page} OFFSET {offset}" if page else "")
        rows = msql.rows(store, paged, args)
        views = [measure_view(r, as_of) for r in rows]
        later = [v for v in views if v.last_seen and v.last_seen > args["cut"]]
        if later:
            _rejudge(store, later, as_of)
        out += [v for v in views if matches_status(v, status)]
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
    scope: str = "all",
) -> int:
    """How many measures :func:`find_measures` would return without a limit."""
    as_of = as_of or date.today()
    expr = msql.expression(store, query)
    sql, args = msql.select("count(*)", expr, actor, status, as_of, scope)
    if not status:
        return int(msql.rows(store, sql, args)[0][0])
    settled = msql.rows(store, sql + " AND NOT (m.last_seen > :cut)", args)[0][0]
    rows = msql.rows(store, sql.replace("count(*)", "m.*") + " AND m.last_seen > :cut", args)
    views = [measure_view(r, as_of) for r in rows]
    _rejudge(store, views, as_of)
    return int(settled) + sum(matches_status(v, status) for v in views)


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
        v.sources = known_sources(by_id.get(v.id, []), as_of)


def attach_statements(
    store: Store, views: Sequence[MeasureView], as_of: date | None = None
) -> None:
    """Fill ``statements`` and ``sources`` (documents known at ``as_of``), 500 per query."""
    by_id = statements_for(store, [v.id for v in views])
    for v in views:
        v.statements = by_id.get(v.id, [])
        v.sources = known_sources(v.statements, as_of) or v.sources


def known_sources(statements: Iterable[Statement], as_of: date | None) -> list[str]:
    """A measure's sources at ``as_of``: the documents of its statements dated by then.

    The one rule for sources; the stored ``sources`` column is this rule with no date.
    """
    cut = as_of.isoformat() if as_of else "9999"
    return sorted({s.doc_id for s in statements if not (s.doc_date and s.doc_date > cut)})


def _date_order(s: Statement) -> tuple[str, int, str, int]:
    return order_key(vars(s))


def statements_for(store: Store, measure_ids: Iterable[str]) -> dict[str, list[Statement]]:
    """Statements of many measures at once, each list in date order."""
    ids = list(dict.fromkeys(measure_ids))
    out: dict[str, list[Statement]] = {i: [] for i in ids}
    for r in msql.statement_rows(store, ids):
        out[r["measure_id"]].append(statement(r))
    for lst in out.values():
        lst.sort(key=_date_order)
    return out


def statements(store: Store, measure_id: str) -> list[Statement]:
    """Every statement about a measure, in date order."""
    return statements_for(store, [measure_id])[measure_id]


def get_measure(store: Store, measure_id: str, as_of: date | None = None) -> MeasureView | None:
    """One measure by id, with its statements, or None."""
    as_of = as_of or date.today()
    r = msql.measure_row(store, measure_id)
    if r is None:
        return None
    view = measure_view(r, as_of)
    if view.last_seen and view.last_seen > as_of.isoformat():
        _rejudge(store, [view], as_of)
    attach_statements(store, [view], as_of)
    return view
