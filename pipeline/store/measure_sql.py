"""The SQL behind measure search: filters on the precomputed columns, statements, one row."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from pipeline.lang.search import Expression, match_expression, phrase, split_compounds
from pipeline.lang.slugs import fold
from pipeline.records import ASSESSMENTS
from pipeline.store.core import Store, id_chunks

# Measures having a word that contains the substring: vocabulary by trigram, then postings.
WORD_SQL = (
    "SELECT w.measure FROM measure_words w WHERE w.word IN "
    "(SELECT word FROM vocab WHERE vocab MATCH {param})"
)


def _status_sql(status: str | None) -> tuple[str | None, list[Any]]:
    """The status filter on the precomputed columns (valid when no statement is later)."""
    if not status:
        return None, []
    if status == "overdue":
        return "(m.due IS NOT NULL AND m.due < :cut AND m.closed = 0)", []
    if status in ASSESSMENTS:
        return "m.assessment = :status", []
    # The badge: an overdue pledge is found under overdue only (read.views.matches_status).
    return "(m.status = :status AND NOT (m.due IS NOT NULL AND m.due < :cut AND m.closed = 0))", []


def select(
    what: str,
    expr: Expression,
    actor: str | None,
    status: str | None,
    as_of: date,
    scope: str = "all",
) -> tuple[str, dict[str, Any]]:
    """SELECT ``what`` over measures matching the words, actor and status known at ``as_of``.

    ``scope`` "municipal" leaves out measures the state, the EU or a state inquiry acts on.
    """
    sql = f"SELECT {what} FROM measures m"
    where = ["(m.first_seen IS NULL OR m.first_seen <= :cut)"]
    if scope == "municipal":
        where.append("m.outside = 0")
    args: dict[str, Any] = {"cut": as_of.isoformat(), "status": status}
    for n, quoted in enumerate(expr.params()):
        where.append("m.rowid IN (" + WORD_SQL.format(param=f":part{n}") + ")")
        args[f"part{n}"] = quoted
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


def expression(store: Store, query: str | None) -> Expression:
    """The index query for a user's words, with compounds split where only that matches."""
    if not query:
        return Expression()

    def hits(parts: list[str]) -> bool:
        sql = " INTERSECT ".join(WORD_SQL.format(param="?") for _ in parts) + " LIMIT 1"
        return store.conn.execute(sql, [phrase(p) for p in parts]).fetchone() is not None

    return match_expression(query, split_compounds(hits, query, _function_words()))


@functools.cache
def _function_words() -> frozenset[str]:
    """Folded words a compound split never takes as a part ('inte', 'och', ...)."""
    from pipeline.lexicon.words import stopwords

    return frozenset(fold(w) for w in stopwords("search_part"))


def rows(store: Store, sql: str, args: dict[str, Any]) -> list[sqlite3.Row]:
    """Run a statement made by :func:`select`."""
    return store.conn.execute(sql, args).fetchall()


_STATEMENT_SQL = (
    "SELECT c.*, m.measure_id, m.reason, m.score, COALESCE(d.name, d.title) AS doc_title, "
    "d.source AS source, "
    "d.municipality AS municipality, d.url AS doc_url "
    "FROM measure_members m JOIN commitments c ON c.id = m.commitment_id "
    "LEFT JOIN documents d ON d.doc_id = c.doc_id "
)


def statement_rows(store: Store, measure_ids: Iterable[str]) -> list[sqlite3.Row]:
    """Statement rows of many measures, a few hundred ids per query."""
    out: list[sqlite3.Row] = []
    for chunk, marks in id_chunks(list(measure_ids)):
        out += store.conn.execute(_STATEMENT_SQL + f"WHERE m.measure_id IN ({marks})", chunk)
    return out


def measure_row(store: Store, measure_id: str) -> sqlite3.Row | None:
    """One stored measure by id."""
    row: sqlite3.Row | None = store.conn.execute(
        "SELECT * FROM measures WHERE id = ?", (measure_id,)
    ).fetchone()
    return row
