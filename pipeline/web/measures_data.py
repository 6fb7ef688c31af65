"""Measure reads for the web page: one measure, filtered pages of measures, counts by status."""

from __future__ import annotations

import inspect
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline.lang.slugs import fold, sort_key
from pipeline.read import query
from pipeline.read.query import MeasureView, find_measures, is_overdue
from pipeline.store.core import Store
from pipeline.web.labels import STATUS_LABELS, status_key

PAGE_SIZE = 50
_SQL_VARS = 500  # stay well under SQLite's bound-parameter limit


@dataclass
class Filters:
    """What the measures list is narrowed to; empty strings mean 'no filter'."""

    q: str = ""
    status: str = ""
    actor: str = ""
    organ: str = ""
    year: str = ""
    limit: int = PAGE_SIZE
    offset: int = 0

    def active(self) -> bool:
        """Whether any narrowing filter is set."""
        return any((self.q, self.status, self.actor, self.organ, self.year))


def _view(row: sqlite3.Row, as_of: date) -> MeasureView:
    """A MeasureView from a measures row (used only when pipeline.read.query has no get_measure)."""
    return MeasureView(
        row["id"],
        row["label"],
        row["status"],
        row["due"],
        is_overdue(row["status"], row["due"], as_of),
        row["first_seen"],
        row["last_seen"],
        row["responsible"],
    )


def measure_view(store: Store, measure_id: str, as_of: date) -> MeasureView | None:
    """One measure with its statements and sources, or None."""
    getter = getattr(query, "get_measure", None)
    if getter is not None:
        found: MeasureView | None = getter(store, measure_id, as_of)
        return found
    row = store.conn.execute("SELECT * FROM measures WHERE id = ?", (measure_id,)).fetchone()
    if row is None:
        return None
    view = _view(row, as_of)
    view.statements = query.statements(store, measure_id)
    view.sources = sorted({s.doc_id for s in view.statements})
    return view


def matches_status(view: MeasureView, key: str) -> bool:
    """The list's status filter: the badge shown, or 'not_assessed' for no follow-up yet."""
    if key == "not_assessed":
        return getattr(view, "assessment", None) == "not_assessed" or status_key(view) == key
    return status_key(view) == key


def _in_year(view: MeasureView, year: str) -> bool:
    """Due that year, or talked about that year (between first and last statement)."""
    if view.due and view.due[:4] == year:
        return True
    first = (view.first_seen or "")[:4]
    last = (view.last_seen or first)[:4]
    return bool(first) and first <= year <= last


def _measures_in_docs(store: Store, doc_ids: list[str]) -> set[str]:
    out: set[str] = set()
    for i in range(0, len(doc_ids), _SQL_VARS):
        chunk = doc_ids[i : i + _SQL_VARS]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            "SELECT DISTINCT m.measure_id FROM measure_members m JOIN commitments c "
            f"ON c.id = m.commitment_id WHERE c.doc_id IN ({marks})",
            chunk,
        )
        out.update(r[0] for r in rows)
    return out


def fill_sources(store: Store, views: list[MeasureView]) -> None:
    """Set each view's source documents with one query for the whole page."""
    by_id: dict[str, set[str]] = defaultdict(set)
    ids = [v.id for v in views]
    for i in range(0, len(ids), _SQL_VARS):
        chunk = ids[i : i + _SQL_VARS]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            "SELECT m.measure_id, c.doc_id FROM measure_members m JOIN commitments c "
            f"ON c.id = m.commitment_id WHERE m.measure_id IN ({marks})",
            chunk,
        )
        for mid, doc_id in rows:
            by_id[mid].add(doc_id)
    for v in views:
        v.sources = sorted(by_id.get(v.id, ()))


def count_matches(store: Store, q: str, actor: str, as_of: date) -> int | None:
    """How many measures match q/actor, counted in SQL, or None if query cannot count."""
    counter = getattr(query, "count_measures", None)
    if counter is None or "limit" not in inspect.signature(find_measures).parameters:
        return None
    return int(counter(store, q or None, as_of=as_of, actor=actor or None))


def list_measures(
    store: Store,
    f: Filters,
    as_of: date,
    organs: dict[str, list[str]],
) -> tuple[list[MeasureView], int]:
    """One page of measures matching the filters, and how many match in all."""
    q, actor = f.q or None, f.actor or None
    total = None if (f.status or f.year or f.organ) else count_matches(store, f.q, f.actor, as_of)
    if total is not None:
        # Only SQL narrows: build views for one page and let SQL count the rest.
        views = find_measures(
            store, q, as_of=as_of, actor=actor, with_statements=False, limit=f.offset + f.limit
        )
        page = views[f.offset : f.offset + f.limit]
    else:
        # find_measures' own status filter is looser (a 'pledged' filter keeps overdue ones),
        # so it only narrows the SQL; the badge shown decides below.
        views = find_measures(
            store, q, as_of=as_of, actor=actor, status=f.status or None, with_statements=False
        )
        if f.status:
            views = [v for v in views if matches_status(v, f.status)]
        if f.year:
            views = [v for v in views if _in_year(v, f.year)]
        if f.organ:
            want = fold(f.organ)
            docs = [d for d, names in organs.items() if any(fold(n) == want for n in names)]
            keep = _measures_in_docs(store, docs)
            views = [v for v in views if v.id in keep]
        page, total = views[f.offset : f.offset + f.limit], len(views)
    fill_sources(store, [v for v in page if not v.sources])
    return page, total


def summary(store: Store, as_of: date, organs: dict[str, list[str]]) -> dict[str, Any]:
    """Start-page counts by status, recently overdue measures and the filters' choices.

    Counted from the same views the list filters, so a count and its list always agree.
    """
    views = find_measures(store, None, as_of=as_of, with_statements=False)
    counts = dict.fromkeys(STATUS_LABELS, 0)
    years: set[str] = set()
    actors: dict[str, int] = defaultdict(int)
    for v in views:
        for key in counts:
            if matches_status(v, key):
                counts[key] += 1
        lo, hi = (v.first_seen or "")[:4], (v.last_seen or v.first_seen or "")[:4]
        if lo.isdigit() and hi.isdigit():
            years.update(str(y) for y in range(int(lo), int(hi) + 1))
        if (v.due or "")[:4].isdigit():
            years.add(str(v.due)[:4])
        if v.responsible:
            actors[v.responsible] += 1
    overdue = sorted((v for v in views if v.overdue), key=lambda v: (v.due or "", v.id))
    seen: dict[str, str] = {}
    for names in organs.values():
        for n in names:
            seen.setdefault(fold(n), n)
    top = sorted(actors, key=lambda a: -actors[a])[:300]
    one = store.conn.execute
    return {
        "counts": counts,
        "overdue": overdue[::-1][:5],
        "years": sorted(years, reverse=True),
        "actors": sorted(top, key=sort_key),
        "organs": sorted(seen.values(), key=sort_key),
        # Documents were stored with --no-link: the measures miss them until `lofte link`.
        "stale": store.measures_stale(),
        "totals": {
            "measures": len(views),
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "statements": one("SELECT count(*) FROM commitments").fetchone()[0],
        },
    }
