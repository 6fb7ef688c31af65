"""A read-only view of a store as pandas DataFrames and a networkx graph, for notebooks.

Open one with :func:`pipeline.open`::

    import pipeline
    with pipeline.open("lofte.db") as corpus:
        pledged = corpus.measures().query("status == 'pledged'")

Every table has explicit dtypes: text is ``string``, closed vocabularies (status, document
type, actor kind) are ``category``, counts and page numbers are nullable ``Int64``, flags are
``bool`` and dates are ``datetime64[ns]`` (``NaT`` when unknown). The column lists are in each
method's docstring and in :mod:`pipeline.read.columns`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import LofteError
from pipeline.lang.slugs import sort_key
from pipeline.paths import DEFAULT_DB
from pipeline.read import frames as F
from pipeline.read.columns import (
    ACTOR_COLUMNS,
    COMMITMENT_COLUMNS,
    DOCUMENT_COLUMNS,
    KNOWN_EXTRAS,
    MEASURE_COLUMNS,
    TIMELINE_COLUMNS,
)
from pipeline.store import documents as documents_sql
from pipeline.store import measure_sql
from pipeline.store.core import Store

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

AsOf = str | date | datetime | None

_EDGE_COUNTS = {"authored_by": "authored", "addressed_to": "addressed", "mentions": "mentioned"}


class Corpus:
    """A store opened read-only; use :func:`pipeline.open` to get one.

    Args:
        db: path of the SQLite store that :func:`pipeline.ingest` wrote.

    Raises:
        LofteError: ``E020`` when the file does not exist or is not a readable store.
    """

    def __init__(self, db: str | Path) -> None:
        path = Path(db)
        if not path.is_file():
            raise LofteError("E020", "no such store; run pipeline.ingest(...) first", path)
        self.path = path
        self.store = Store(path, readonly=True)

    def close(self) -> None:
        """Close the database connection."""
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        n = documents_sql.counts(self.store)
        return (
            f"<Corpus {self.path}: {n['documents']} documents, "
            f"{n['commitments']} commitments, {n['measures']} measures>"
        )

    def measures(
        self, as_of: AsOf = None, *, query: str | None = None, status: str | None = None
    ) -> pd.DataFrame:
        """Measures (åtgärder) with their latest status, one row each, in Swedish name order.

        Args:
            as_of: judge ``overdue`` at this date (ISO text, date or Timestamp; default today).
            query: only measures whose words match, case- and diacritic-blind
                (``"fältarbete"`` also finds *handlingsplan för fältarbetet*).
            status: only this status; ``"overdue"`` selects overdue measures.

        Returns:
            Columns: id: string, label: string, status: category (latest evidence),
            shown_status: category (``overdue`` wins), overdue: bool, due: datetime64[ns],
            first_seen: datetime64[ns], last_seen: datetime64[ns], statements: Int64,
            documents: Int64, responsible: string, municipality: string (of the first
            source the source list places), sources: list of doc ids (oldest first),
            then any further per-measure fields the read side provides (such as
            assessment: category and motion_flag: bool).
        """
        from pipeline.read.query import find_measures

        views = find_measures(self.store, query, as_of=F.as_date(as_of), status=status)
        places = documents_sql.municipalities(self.store)
        rows = []
        for v in views:
            row = {f.name: getattr(v, f.name) for f in dataclasses.fields(v)}
            row.update(
                shown_status=v.shown_status,
                statements=len(v.statements) or getattr(v, "statement_count", 0),
                documents=len(v.sources),
                municipality=next((places[d] for d in v.sources if d in places), None),
                sources=list(v.sources),
            )
            rows.append(row)
        return F.frame(rows, _with_extras(MEASURE_COLUMNS, rows, {"statement_count"}))

    def commitments(self) -> pd.DataFrame:
        """Every commitment (åtagande) in the store, one row each, in document-date order.

        Undated documents' commitments come last.

        Returns:
            Columns: id: string, doc_id: string, n: Int64 (order within the document),
            doc_date: datetime64[ns], doc_year: Int64 (the date's year, else the source
            list's), municipality: string (from the source list), doc_type: category, status: category, sentence: string,
            measure: string (the phrase as written), measure_id: string, measure_label:
            string, link_reason: string (why it joined its measure), link_score: Float64
            (the linker's similarity, when it records one), responsible: string,
            deadline_text: string, deadline_start: datetime64[ns], deadline_end:
            datetime64[ns], page: Int64, char_start: Int64, char_end: Int64, measure_key:
            string, lemmas: string.
        """
        links = {r["commitment_id"]: dict(r) for r in documents_sql.measure_links(self.store)}
        docs = {d["doc_id"]: (d["year"], d["municipality"]) for d in self.store.documents()}
        rows = []
        for r in self.store.commitments():
            row = dict(r)
            row["doc_year"], row["municipality"] = docs.get(r["doc_id"], (None, None))
            link = links.get(r["id"])
            if link is not None:
                row.update(
                    measure_id=link["measure_id"],
                    measure_label=link["label"],
                    link_reason=link["reason"],
                    link_score=link.get("score"),
                )
            rows.append(row)
        return _dated_order(F.frame(rows, COMMITMENT_COLUMNS), ["doc_date", "doc_id", "n"])

    def documents(self) -> pd.DataFrame:
        """Every stored document (handling), one row each, in date order (undated last).

        Returns:
            Columns: doc_id: string, doc_type: category (interpellation, motion,
            tjansteutlatande, ...), date: datetime64[ns], title: string, authors: string,
            recipients: string (names joined by "; "), commitments: Int64, pages: Int64,
            extraction: category (text, pdf-text, ocr), source: string (path),
            sha256: string.
        """
        counts = Counter(r["doc_id"] for r in self.store.commitments())
        rows = []
        for r in self.store.documents():
            st = self.store.artifact(r["sha256"], "structure") or {}
            rows.append(
                dict(
                    r,
                    authors=F.joined(a.get("name") for a in st.get("authors", [])),
                    recipients=F.joined(a.get("name") for a in st.get("recipients", [])),
                    commitments=counts.get(r["doc_id"], 0),
                )
            )
        return _dated_order(F.frame(rows, DOCUMENT_COLUMNS), ["date", "doc_id"])

    def actors(self, as_of: AsOf = None) -> pd.DataFrame:
        """Actors (people, nämnder, förvaltningar, places) of the graph, in Swedish name order.

        Args:
            as_of: passed to :meth:`graph`.

        Returns:
            Columns: id: string (the graph node), name: string, actor_kind: category
            (person, organisation, place), party: string, roles: string, aliases: string
            (joined by "; "), documents: Int64 (documents linked to the actor), authored:
            Int64, addressed: Int64, mentioned: Int64 (documents by edge kind),
            responsible: Int64 (commitments the actor is made responsible for),
            authored_commitments: Int64 (commitments in documents the actor wrote).
        """
        g = self.graph(as_of)
        rows: dict[str, dict[str, Any]] = {}
        docs: dict[str, set[str]] = {}
        for n, d in g.nodes(data=True):
            if d.get("kind") == "actor":
                rows[n] = dict(
                    d,
                    id=n,
                    roles=F.joined(d.get("roles") or []),
                    aliases=F.joined(d.get("aliases") or []),
                    **dict.fromkeys([*_EDGE_COUNTS.values(), "responsible"], 0),
                    authored_commitments=0,
                )
                docs[n] = set()
        for u, v, d in g.edges(data=True):
            if v not in rows:
                continue
            kind = d.get("kind")
            if kind in _EDGE_COUNTS:
                rows[v][_EDGE_COUNTS[kind]] += 1
                docs[v].add(u)
                if kind == "authored_by":
                    rows[v]["authored_commitments"] += sum(
                        1 for _, _, e in g.out_edges(u, data=True) if e.get("kind") == "contains"
                    )
            elif kind == "responsible":
                rows[v]["responsible"] += 1
        for n, row in rows.items():
            row["documents"] = len(docs[n])
        ordered = sorted(rows.values(), key=lambda r: (sort_key(str(r.get("name") or "")), r["id"]))
        return F.frame(ordered, ACTOR_COLUMNS)

    def graph(self, as_of: AsOf = None) -> nx.MultiDiGraph:
        """The commitment graph (documents, actors, commitments, measures) as networkx.

        Args:
            as_of: judge each measure's ``overdue`` attribute at this date (default today).

        Returns:
            A fresh ``networkx.MultiDiGraph`` whose nodes and edges all carry a ``kind``.
        """
        from pipeline.graph.build import build_graph

        return build_graph(self.store, F.as_date(as_of))

    def timeline(self, measure_id: str) -> pd.DataFrame:
        """Every statement about one measure in date order: its history from pledge to follow-up.

        Args:
            measure_id: the id from :meth:`measures` (the ``measure:`` prefix may be left off).

        Returns:
            Columns: date: datetime64[ns], doc_id: string, doc_type: category, page: Int64,
            status: category, quote: string, reason: string (why it joined the measure),
            deadline_text: string, deadline_end: datetime64[ns], commitment_id: string,
            then any further per-statement fields the read side provides.

        Raises:
            LofteError: ``E031`` when no measure has that id.
        """
        from pipeline.read.query import statements

        mid = measure_id if measure_id.startswith("measure:") else f"measure:{measure_id}"
        if measure_sql.measure_row(self.store, mid) is None:
            raise LofteError("E031", measure_id)
        rows = [
            dict(dataclasses.asdict(s), date=s.doc_date, quote=s.sentence)
            for s in statements(self.store, mid)
        ]
        return F.frame(rows, _with_extras(TIMELINE_COLUMNS, rows, {"doc_date", "sentence"}))

    def export(self, fmt: str, target: str | Path, as_of: AsOf = None) -> Path:
        """Write the graph as ``graphml``, ``gexf``, ``json``, ``csv`` or ``neo4j``; the path."""
        from pipeline.graph.export import export

        return export(self.graph(as_of), fmt, target)


def _dated_order(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Sorted by date with undated rows last (SQLite puts NULL first), index renumbered."""
    return df.sort_values(by, na_position="last", kind="stable").reset_index(drop=True)


def _with_extras(
    schema: dict[str, str], rows: list[dict[str, Any]], skip: set[str]
) -> dict[str, str]:
    """``schema`` plus the further fields the read side puts in ``rows`` (kept, not lost)."""
    out = dict(schema)
    for name in dict.fromkeys(k for r in rows for k in r):
        if name not in out and name not in skip:
            out[name] = KNOWN_EXTRAS.get(name) or F.infer_kind(r.get(name) for r in rows)
    return out


def open(db: str | Path = DEFAULT_DB) -> Corpus:
    """Open a store read-only as a :class:`Corpus` (use it in a ``with`` block or ``close()``).

    Args:
        db: the SQLite store that :func:`pipeline.ingest` (or ``lofte ingest``) wrote.
    """
    return Corpus(db)
