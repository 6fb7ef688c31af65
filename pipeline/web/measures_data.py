"""Measure reads for the web page: one measure, filtered pages of measures, counts by status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from pipeline.lang.slugs import sort_key
from pipeline.read import query
from pipeline.read.query import MeasureView, find_measures
from pipeline.read.views import matches_status
from pipeline.store import documents as documents_sql
from pipeline.store.core import Store
from pipeline.web.labels import STATUS_LABELS
from pipeline.web.organs import organ_key
from pipeline.web.overview import overview

PAGE_SIZE = 50
# The bounds of a page the API serves; SQLite takes 64-bit offsets only, and no store holds
# a billion rows anyway. The page checks (responses.py) and the OpenAPI model read these.
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000
# The latest said first: what a reader comes back for, not digits and fragments at "A".
DEFAULT_SORT = "recent"
DEFAULT_SCOPE = "municipal"


@dataclass
class Filters:
    """What the measures list is narrowed to; empty strings mean 'no filter'."""

    q: str = ""
    status: str = ""
    actor: str = ""
    organ: str = ""
    municipality: str = ""
    year: str = ""
    sort: str = DEFAULT_SORT
    limit: int = PAGE_SIZE
    offset: int = 0
    # The municipality's own measures unless asked for all: a reader of a council's list
    # takes every row as the council's, not the government's or the EU's (lexicon/outside.py).
    scope: str = DEFAULT_SCOPE

    def active(self) -> bool:
        """Whether any narrowing filter is set."""
        return any((self.q, self.status, self.actor, self.organ, self.municipality, self.year))


def measure_view(store: Store, measure_id: str, as_of: date) -> MeasureView | None:
    """One measure with its statements and sources, or None."""
    return query.get_measure(store, measure_id, as_of)


def _in_year(view: MeasureView, year: str) -> bool:
    """Due that year, or talked about that year (between first and last statement)."""
    if view.due and view.due[:4] == year:
        return True
    first = (view.first_seen or "")[:4]
    last = (view.last_seen or first)[:4]
    return bool(first) and first <= year <= last


def _measures_in_docs(store: Store, doc_ids: list[str]) -> set[str]:
    return documents_sql.measures_in_documents(store, doc_ids)


def count_matches(store: Store, q: str, actor: str, as_of: date, scope: str = "all") -> int:
    """How many measures match q/actor, counted in SQL."""
    return query.count_measures(store, q or None, as_of=as_of, actor=actor or None, scope=scope)


def list_measures(
    store: Store,
    f: Filters,
    as_of: date,
    organs: dict[str, list[str]],
) -> tuple[list[MeasureView], int]:
    """One page of measures matching the filters, and how many match in all."""
    page, total, _ = listing(store, f, as_of, organs)
    return page, total


def listing(
    store: Store,
    f: Filters,
    as_of: date,
    organs: dict[str, list[str]],
) -> tuple[list[MeasureView], int, int]:
    """One page, how many match in all, and how many more the state's and EU's would add."""
    q, actor = f.q or None, f.actor or None
    if not (f.status or f.year or f.organ or f.municipality):
        # Only SQL narrows: build views for one page and let SQL count the rest.
        total = count_matches(store, f.q, f.actor, as_of, f.scope)
        views = find_measures(
            store,
            q,
            as_of=as_of,
            actor=actor,
            with_statements=False,
            limit=f.offset + f.limit,
            order=f.sort,
            scope=f.scope,
        )
        hidden = 0 if f.scope == "all" else count_matches(store, f.q, f.actor, as_of) - total
        return views[f.offset : f.offset + f.limit], total, hidden
    # find_measures' own status filter is looser (a 'pledged' filter keeps overdue ones),
    # so it only narrows the SQL; the badge shown decides below. Every scope is read once,
    # so the measures a municipal list leaves out are counted from the same views.
    views = find_measures(
        store,
        q,
        as_of=as_of,
        actor=actor,
        status=f.status or None,
        with_statements=False,
        order=f.sort,
    )
    if f.status:
        views = [v for v in views if matches_status(v, f.status)]
    if f.year:
        views = [v for v in views if _in_year(v, f.year)]
    if f.organ:
        want = organ_key(f.organ)
        docs = [d for d, names in organs.items() if any(organ_key(n) == want for n in names)]
        keep = _measures_in_docs(store, docs)
        views = [v for v in views if v.id in keep]
    if f.municipality:
        views = _in_municipality(store, views, f.municipality)
    kept = views if f.scope == "all" else [v for v in views if not v.outside]
    return kept[f.offset : f.offset + f.limit], len(kept), len(views) - len(kept)


def _in_municipality(store: Store, views: list[MeasureView], name: str) -> list[MeasureView]:
    """The measures stated in documents of municipality ``name`` (any case)."""
    want = name.casefold()
    docs = [d for d, m in documents_sql.municipalities(store).items() if m.casefold() == want]
    keep = _measures_in_docs(store, docs)
    return [v for v in views if v.id in keep]


def feed_measures(
    store: Store, f: Filters, as_of: date, organs: dict[str, list[str]]
) -> list[MeasureView]:
    """The measures a feed follows: the list's filters, with their statements."""
    views, _ = list_measures(store, replace(f, limit=MAX_LIMIT, offset=0), as_of, organs)
    by_id = query.statements_for(store, [v.id for v in views])
    for v in views:
        v.statements = by_id.get(v.id, [])
    return views


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
            seen.setdefault(organ_key(n), n)
    # One suggestion per actor whatever its capitals ("kommunstyrelsen", "Kommunstyrelsen",
    # "KOMMUNSTYRELSEN"): the filter matches either, so the commonest spelling stands for all.
    by_fold: dict[str, str] = {}
    for a in sorted(actors, key=lambda a: -actors[a]):
        by_fold.setdefault(a.casefold(), a)
    top = list(by_fold.values())[:300]
    stored = documents_sql.counts(store)
    munis = documents_sql.municipalities(store)
    return {
        "counts": counts,
        "overdue": overdue[::-1][:5],
        "years": sorted(years, reverse=True),
        "actors": sorted(top, key=sort_key),
        "organs": sorted(seen.values(), key=sort_key),
        "municipalities": sorted(set(munis.values()), key=sort_key),
        "overview": overview(views, munis, documents_sql.author_parties(store)),
        # Documents were stored with --no-link: the measures miss them until `lofte link`.
        "stale": store.measures_stale(),
        "totals": {
            "measures": len(views),
            "documents": stored["documents"],
            "statements": stored["commitments"],
        },
    }
