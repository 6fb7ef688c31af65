"""Read side: measures with status, due date, overdue flag and sources, searched Swedish-style."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipeline.linking import lemma
from pipeline.slugs import fold, sort_key
from pipeline.store import Store

DONE = ("done", "cancelled")


@dataclass
class Statement:
    """One commitment about a measure, with where it was said."""

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

    @property
    def shown_status(self) -> str:
        """The status column: 'overdue' wins over the latest evidence when it holds."""
        return "overdue" if self.overdue else self.status


def is_overdue(status: str, due: str | None, as_of: date) -> bool:
    """Due date passed with no done/cancelled evidence."""
    return bool(due) and status not in DONE and str(due) < as_of.isoformat()


def search_terms(query: str) -> list[str]:
    """Folded query words and their lemmas: 'fältarbetet' also finds 'fältarbete'."""
    terms = []
    for w in query.split():
        terms.append(fold(w))
        lem = fold(lemma(w))
        if lem != terms[-1]:
            terms.append(lem)
    return terms


def find_measures(
    store: Store,
    query: str | None = None,
    *,
    as_of: date | None = None,
    status: str | None = None,
    actor: str | None = None,
    with_statements: bool = True,
) -> list[MeasureView]:
    """Measures matching a free-text query (every word must match, case/diacritic-blind)."""
    as_of = as_of or date.today()
    sql = "SELECT * FROM measures"
    where, args = [], []
    for word in (query or "").split():
        alts = search_terms(word)
        where.append("(" + " OR ".join("search LIKE ?" for _ in alts) + ")")
        args += [f"%{a}%" for a in alts]
    if actor:
        where.append("(search LIKE ? OR responsible LIKE ?)")
        args += [f"%{fold(actor)}%", f"%{actor}%"]
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = store.conn.execute(sql, args).fetchall()
    out = []
    for r in rows:
        view = MeasureView(
            r["id"],
            r["label"],
            r["status"],
            r["due"],
            is_overdue(r["status"], r["due"], as_of),
            r["first_seen"],
            r["last_seen"],
            r["responsible"],
        )
        if status and view.shown_status != status and view.status != status:
            continue
        if with_statements:
            view.statements = statements(store, view.id)
            view.sources = sorted({s.doc_id for s in view.statements})
        out.append(view)
    out.sort(key=lambda m: (sort_key(m.label), m.id))
    return out


def statements(store: Store, measure_id: str) -> list[Statement]:
    """Every statement about a measure, in date order."""
    rows = store.conn.execute(
        "SELECT c.*, m.reason FROM measure_members m JOIN commitments c ON c.id = m.commitment_id "
        "WHERE m.measure_id = ? ORDER BY c.doc_date, c.doc_id, c.n",
        (measure_id,),
    ).fetchall()
    return [
        Statement(
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
        )
        for r in rows
    ]


def as_dict(view: MeasureView) -> dict[str, Any]:
    """JSON-ready view of a measure."""
    from pipeline.records import to_dict

    d: dict[str, Any] = to_dict(view)
    d["shown_status"] = view.shown_status
    return d
