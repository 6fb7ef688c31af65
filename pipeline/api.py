"""The public Python API that the CLI, the web page and notebooks all use."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import paths
from pipeline.errors import LofteError
from pipeline.records import Document, Ingested, Options, Page
from pipeline.run import stages
from pipeline.store.core import Store

if TYPE_CHECKING:
    from pipeline.eval.score import Report
    from pipeline.run.runner import RunReport

# Each function imports the stages it needs when called: reading the store (status, show,
# export, the web page) never loads the OCR, the extractor's models or the linker.

DEFAULT_DB = paths.DEFAULT_DB


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    jobs: int | None = None,
    dask: str | None = None,
    options: Options | None = None,
    progress: Callable[[int], Any] | None = None,
    on_error: Callable[[str], None] | None = None,
    link: bool = True,
    worker_memory_mb: int | None = 1024,
) -> RunReport:
    """Ingest files and folders into the store at ``db``; returns what happened.

    ``link=False`` leaves measure linking to :func:`link`, once after the last batch. A
    worker process past ``worker_memory_mb`` resident, or a document past its time limit
    (``options.doc_timeout``), is stopped from outside and that document fails (E007, E008).
    """
    from pipeline.run.executors import make_executor
    from pipeline.run.runner import run
    from pipeline.run.watchdog import Limits

    limits = Limits((options or Options()).doc_timeout, worker_memory_mb)
    executor = make_executor(jobs=jobs, dask=dask, limits=limits)
    try:
        with Store(db) as store:
            return run(
                paths, store, executor, options, progress=progress, on_error=on_error, link=link
            )
    finally:
        executor.close()


def link(db: str | Path = DEFAULT_DB, full: bool = False) -> int:
    """Link statements not yet in a measure (``full``: relink all); returns the measure count."""
    from pipeline.run import relink

    with Store(db) as store:
        return relink.rebuild(store, full=full)


def extract_text(text: str, date: str | Date | None = None, doc_id: str = "text") -> dict[str, Any]:
    """Extract the SCHEMA.md record from a string (``date`` overrides the document's own)."""
    from pipeline.extract.output import to_schema

    doc = Document(doc_id, "<text>", "")
    doc.ingested = Ingested([Page(1, text, "text")], source_format="text")
    return to_schema(_finish(doc, date))


def extract_file(path: str | Path, options: Options | None = None) -> dict[str, Any]:
    """Extract the SCHEMA.md record from one file (``doc_id`` is the file stem)."""
    from pipeline.extract.output import to_schema
    from pipeline.run.runner import process_path

    return to_schema(process_path(Path(path), options))


def _finish(doc: Document, date: str | Date | None) -> Document:
    opts = Options()
    for name in ("normalise", "structure"):
        doc = stages.run_stage(name, doc, opts)
    if date is not None and doc.structure is not None:
        iso = date.isoformat() if isinstance(date, Date) else str(date)
        doc.structure = dataclasses.replace(doc.structure, date=iso)
    for name in ("extract", "link", "graph"):
        doc = stages.run_stage(name, doc, opts)
    return doc


def gold_pairs(gold_dir: str | Path) -> list[tuple[Path, Path]]:
    """(document, gold JSON) pairs: every DIR/<stem>.txt with DIR/<stem>.json beside it."""
    d = Path(gold_dir)
    if not d.is_dir():
        raise LofteError("E030", "not a folder", d)
    pairs = [
        (t, t.with_suffix(".json"))
        for t in sorted(d.glob("*.txt"))
        if t.with_suffix(".json").is_file()
    ]
    if not pairs:
        raise LofteError("E030", "no <stem>.txt with <stem>.json beside it", d)
    return pairs


def evaluate(gold_dir: str | Path) -> Report:
    """Run extraction on every gold document and score it."""
    from pipeline.eval.score import score

    results = []
    for txt, js in gold_pairs(gold_dir):
        gold = json.loads(js.read_text(encoding="utf-8"))
        results.append((extract_file(txt), gold))
    return score(results)


@dataclasses.dataclass
class MeasureList:
    """One page of measures: those shown, how many matched in all, and whether linking lags."""

    shown: list[Any]
    total: int
    stale: bool


def measures(
    db: str | Path = DEFAULT_DB,
    query: str | None = None,
    *,
    as_of: Date | None = None,
    status: str | None = None,
    actor: str | None = None,
    with_statements: bool = False,
    limit: int | None = 200,
    scope: str = "all",
) -> MeasureList:
    """Measures matching ``query`` (Swedish-aware search), newest evidence judged at ``as_of``.

    ``scope="municipal"`` leaves out measures the state, the EU or a state inquiry acts on.
    """
    from pipeline.read.query import count_measures, find_measures

    with Store(db, readonly=True) as store:
        filters: dict[str, Any] = {"as_of": as_of, "status": status, "actor": actor}
        filters["scope"] = scope
        shown = find_measures(store, query, with_statements=with_statements, limit=limit, **filters)
        total = len(shown)
        if limit and total == limit:
            total = count_measures(store, query, **filters)
        return MeasureList(shown, total, store.measures_stale())


def measure(db: str | Path, measure: str, as_of: Date | None = None) -> list[Any]:
    """The measure with this id, else up to five found by these words; E031 if none."""
    from pipeline.read.query import find_measures, get_measure

    with Store(db, readonly=True) as store:
        one = get_measure(store, measure, as_of)
        views = [one] if one else find_measures(store, measure, as_of=as_of, limit=5)
    if not views:
        raise LofteError("E031", measure)
    return views


def export(
    db: str | Path, fmt: str, out: str | Path, as_of: Date | None = None
) -> tuple[Path, int, int]:
    """Write the commitment graph as ``fmt``; returns the path written and node/edge counts."""
    from pipeline.graph.build import build_graph
    from pipeline.graph.export import export as write

    with Store(db, readonly=True) as store:
        g = build_graph(store, as_of)
    return Path(write(g, fmt, out)), g.number_of_nodes(), g.number_of_edges()


def document_text(path: str | Path, raw: bool = False, options: Options | None = None) -> str:
    """A file's text as ingest read it (``raw``) or as the later stages see it, page-marked."""
    from pipeline.normalise.pagetext import paged_text

    opts = options or Options()
    doc = Document(Path(path).stem, str(path), "")
    for name in ("ingest",) if raw else ("ingest", "normalise"):
        doc = stages.run_stage(name, doc, opts)
    assert doc.ingested is not None
    if raw:
        return doc.ingested.raw_text
    assert doc.normalised is not None
    return paged_text(doc.ingested, doc.normalised)
