"""Writing measures, their members and their search words: whole sets or a batch's changes."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from pipeline.lang.search import fold_fast

_WORD = re.compile(r"[^\W_]+")
_DEFAULTS: dict[str, Any] = {
    "closed": 0,
    "assessment": None,
    "motion_date": None,
    "decision_date": None,
    "sort_key": "",
    "sources": "",
    "outside": 0,
}
_INSERT = (
    "INSERT OR REPLACE INTO measures(rowid,id,label,status,due,first_seen,last_seen,"
    "statements,responsible,search,closed,assessment,motion_date,decision_date,sort_key,"
    "sources,outside) VALUES(:rowid,:id,:label,:status,:due,:first_seen,:last_seen,"
    ":statements,:responsible,:search,:closed,:assessment,:motion_date,"
    ":decision_date,:sort_key,:sources,:outside)"
)


def write_measures(
    c: sqlite3.Connection,
    measures: Iterable[dict[str, Any]],
    members: Sequence[tuple[Any, ...]],
    first_rowid: int,
    rowids: dict[str, int] | None = None,
) -> None:
    """Insert measures, members and search words.

    ``rowids`` is None for a whole set; for a batch it holds the rowids replaced measures keep.
    """
    batch = rowids is not None
    rowids = rowids or {}
    words: set[tuple[str, int]] = set()
    rows = []
    fresh = first_rowid
    for m in measures:
        rowid = rowids.get(m["id"])
        if rowid is None:
            rowid, fresh = fresh, fresh + 1
        row = {**_DEFAULTS, **m, "search": fold_fast(m["search"]), "rowid": rowid}
        rows.append(row)
        words.update((w, rowid) for w in set(_WORD.findall(row["search"])) if len(w) > 1)
    c.executemany(_INSERT, rows)
    known: set[str] = set()
    if batch:
        # A batch adds to a vocabulary that is already there; a whole set starts it anew.
        wanted = sorted({w for w, _ in words})
        for lo in range(0, len(wanted), 500):
            part = wanted[lo : lo + 500]
            marks = ",".join("?" * len(part))
            q = f"SELECT DISTINCT word FROM measure_words WHERE word IN ({marks})"
            known.update(w for (w,) in c.execute(q, part))
    # Search finds words by substring in the vocabulary, then measures by word.
    c.executemany("INSERT OR IGNORE INTO measure_words VALUES(?,?)", sorted(words))
    c.executemany(
        "INSERT INTO vocab(word) VALUES(?)", [(w,) for w in {w for w, _ in words} - known]
    )
    c.executemany(
        "INSERT OR REPLACE INTO measure_members(commitment_id,measure_id,reason,score) "
        "VALUES(?,?,?,?)",
        [tuple(x) + (None,) * (4 - len(x)) for x in members],
    )


def drop_measures(c: sqlite3.Connection, ids: Sequence[str]) -> dict[str, int]:
    """Delete measures, their members and word postings; returns their rowids by id."""
    rowids: dict[str, int] = {}
    postings: list[tuple[str, int]] = []
    for lo in range(0, len(ids), 500):
        part = list(ids[lo : lo + 500])
        marks = ",".join("?" * len(part))
        q = f"SELECT rowid, id, search FROM measures WHERE id IN ({marks})"
        for rowid, mid, search in c.execute(q, part).fetchall():
            rowids[mid] = rowid
            # The postings are the search text's words: deleting them by key needs no scan.
            postings.extend((w, rowid) for w in set(_WORD.findall(search)) if len(w) > 1)
        c.execute(f"DELETE FROM measure_members WHERE measure_id IN ({marks})", part)
        c.execute(f"DELETE FROM measures WHERE id IN ({marks})", part)
    c.executemany("DELETE FROM measure_words WHERE word=? AND measure=?", postings)
    return rowids


def write_keys(c: sqlite3.Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Store (blocking key, commitment id) pairs, so later batches find their candidates."""
    c.executemany("INSERT OR IGNORE INTO link_keys VALUES(?,?)", keys)
