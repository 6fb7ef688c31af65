"""Batch ingest: find files, skip what is stored, run the rest on an executor, store each."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from pipeline.errors import LofteError
from pipeline.graph.fragments import commitment_id
from pipeline.link.home import home_municipality
from pipeline.records import Document, Extraction, MeasureKey, Options, Structure, from_dict
from pipeline.run import fanout, stages
from pipeline.run.executors import Executor, SerialExecutor
from pipeline.run.process import Result, Task, process, sha256_file
from pipeline.run.sidecar import SourceMeta, meta_for
from pipeline.run.walk import expand
from pipeline.run.watchdog import WorkerStopped
from pipeline.store.core import Store
from pipeline.structure.names import shown_name


@dataclass
class RunReport:
    """What one `ingest` run did."""

    processed: int = 0
    stored: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    error_codes: list[str] = field(default_factory=list)
    page_tasks: int = 0

    @property
    def failed(self) -> int:
        """How many files ended in an error."""
        return len(self.errors)


def document_rows(
    doc_id: str, sha256: str, source: str, arts: dict[str, Any], meta: SourceMeta | None = None
) -> dict[str, Any]:
    """The query tables' rows for one fully processed document.

    ``meta`` is what a source list beside the file says; the text's own date wins over it.
    """
    meta = meta or SourceMeta()
    st = from_dict(Structure, arts["structure"])
    date = st.date or meta.date
    ex = from_dict(Extraction, arts["extract"])
    links = [from_dict(MeasureKey, k) for k in arts["link"]]
    ing = arts.get("ingest") or {}
    methods = {p["method"] for p in ing.get("pages", [])}
    doc_row = {
        "doc_id": doc_id,
        "sha256": sha256,
        "source": source,
        "doc_type": st.doc_type,
        "date": date,
        "title": st.title,
        "pages": len(ing.get("pages", [])),
        "extraction": methods.pop() if len(methods) == 1 else "mixed",
        # Without a source list, the places and bodies the text names say where it is from.
        "municipality": meta.municipality
        or home_municipality(st.title, [{"kind": a.kind, "name": a.name} for a in ex.actors]),
        "url": meta.url,
        "year": int(date[:4]) if date else meta.year,
        "body": meta.body,
    }
    doc_row["name"] = shown_name(doc_row)
    rows = []
    for n, c in enumerate(ex.commitments):
        key = links[n] if n < len(links) else MeasureKey(n, "", [])
        rows.append(
            {
                "id": commitment_id(doc_id, n),
                "doc_id": doc_id,
                "n": n,
                "sentence": c.sentence,
                "measure": c.measure,
                "measure_key": key.key,
                "lemmas": " ".join(key.lemmas),
                "responsible": c.responsible,
                "status": c.status,
                "deadline_text": c.deadline.text if c.deadline else None,
                "deadline_start": c.deadline.start if c.deadline else None,
                "deadline_end": c.deadline.end if c.deadline else None,
                "page": c.page,
                "char_start": c.char_start,
                "char_end": c.char_end,
                "doc_date": date,
                "doc_type": st.doc_type,
            }
        )
    return {"document": doc_row, "commitments": rows}


def plan(
    store: Store, files: list[Path], opts: Options, unreadable: list[LofteError] | None = None
) -> tuple[list[Task], int]:
    """Tasks for files whose stored artifacts are missing or stale; count of the rest.

    A file that cannot be read to hash it goes to ``unreadable`` (E001) and gets no task.
    """
    versions = stages.chain_versions()
    tasks, skipped = [], 0
    batch: dict[str, str] = {}  # doc id -> content hash, for the ids given in this batch
    for f in files:
        path = str(f.resolve())
        try:
            sha = sha256_file(f)
        except LofteError as exc:
            if unreadable is None:
                raise
            unreadable.append(exc)
            continue
        known = store.source(path)
        cached = store.artifacts(sha, versions)
        if known and known.sha256 == sha and known.state == "done" and len(cached) == len(versions):
            skipped += 1
            continue
        doc_id = store.doc_id_for(path, f.stem, sha)
        if batch.get(doc_id, sha) != sha:
            # Another file of this batch (plan.md beside plan.html) took the id; the store
            # cannot tell, as neither is saved yet.
            doc_id = f"{doc_id}-{sha[:8]}"
        batch[doc_id] = sha
        tasks.append(Task(path, doc_id, sha, cached, opts))
    return tasks, skipped


def save_result(store: Store, res: Result, cached: dict[str, Any]) -> None:
    """Store one worker result: artifacts, source state and query rows together."""
    versions = stages.chain_versions()
    arts = {**cached, **res.artifacts}
    rows = None
    if res.ok:
        rows = document_rows(res.doc_id, res.sha256, res.path, arts, meta_for(res.path))
    store.save(
        res.path,
        res.doc_id,
        res.sha256,
        versions,
        res.artifacts,
        error_code=res.error_code,
        error=res.error,
        rows=rows,
    )


def run(
    paths: Iterable[str | Path],
    store: Store,
    executor: Executor | None = None,
    opts: Options | None = None,
    progress: Callable[[int], Any] | None = None,
    on_error: Callable[[str], None] | None = None,
    link: bool = True,
) -> RunReport:
    """Ingest ``paths`` into ``store``; bad files are reported and the batch goes on.

    With ``link=False`` the documents are stored but measures are not relinked; the store
    records that they are stale until :func:`pipeline.run.relink.rebuild` runs.
    """
    opts = opts or Options()
    executor = executor or SerialExecutor()
    report = RunReport()
    on_error = on_error or (lambda line: print(line, file=sys.stderr))
    files, refused = [], []
    for f, err in expand(paths):
        if err is not None:
            refused.append(err)
        else:
            files.append(f)
    tasks, report.skipped = plan(store, files, opts, refused)
    for err in refused:
        report.errors.append(err.one_line())
        report.error_codes.append(err.code)
        on_error(err.one_line())
    if progress:
        progress(-len(tasks))
    ready = _prepare_corpus_stages() if link and tasks else []
    # Long scans first have their pages OCRed across the executor (see pipeline.run.fanout).
    pre = fanout.prefetch(tasks, executor)
    report.page_tasks = pre.page_tasks
    for t in tasks:
        if t.path in pre.ingested:
            t.cached = {**t.cached, "ingest": pre.ingested[t.path]}
    cached_by_path = {t.path: t.cached for t in tasks}
    done_early = {res.path for res in pre.failed}
    todo = [t for t in tasks if t.path not in done_early]
    results = executor.map_unordered(process, todo, on_crash=crashed)
    for res in chain(pre.failed, results):
        if res.path in pre.ingested:
            # Fanned-out ingest is new work too: store it with the stages after it.
            res.artifacts = {"ingest": pre.ingested[res.path], **res.artifacts}
        save_result(store, res, cached_by_path.pop(res.path, {}))
        report.processed += 1
        report.stored += res.ok
        if not res.ok:
            report.errors.append(res.error or "")
            report.error_codes.append(res.error_code or "E012")
            on_error(res.error or "")
        if progress:
            progress(1)
    _corpus_stages(store, report.processed, link, ready)
    return report


def _corpus_stages(store: Store, processed: int, link: bool, ready: list[threading.Thread]) -> None:
    """Relink after a batch, or with ``link=False`` only mark the measures stale."""
    if not link:
        # Relinking reads every stored commitment; a corpus fed in many batches links once.
        if processed:
            store.mark_measures_stale()
        return
    for thread in ready:
        thread.join()
    for corpus_stage in stages.corpus_stages():
        if corpus_stage.needed(store, processed):
            corpus_stage.fn(store)


def _prepare_corpus_stages() -> list[threading.Thread]:
    """Threads loading what the corpus stages need while the workers read the batch.

    The main process only waits on workers until the batch is stored, so the linker's
    modules and tables load in that time instead of after it. A failure here is left to the
    stage itself to raise when it runs.
    """

    def quietly(fn: Callable[[], None]) -> None:
        with contextlib.suppress(Exception):
            fn()

    threads = []
    for st in stages.corpus_stages():
        if st.prepare is not None:
            t = threading.Thread(target=quietly, args=(st.prepare,), daemon=True)
            t.start()
            threads.append(t)
    return threads


def crashed(task: Task, exc: BaseException) -> Result:
    """The result of a document whose worker died or was stopped: E013/E008/E007, batch goes on."""
    code, detail = worker_failure(exc)
    line = LofteError(code, detail, task.path).one_line()
    return Result(task.path, task.doc_id, task.sha256, error_code=code, error=line)


def worker_failure(exc: BaseException) -> tuple[str, str]:
    """The code and detail for a task whose worker process did not come back."""
    if isinstance(exc, WorkerStopped):
        return exc.code, str(exc)
    return "E013", f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def process_path(path: Path, opts: Options | None = None, doc_id: str | None = None) -> Document:
    """Run every stage on one file in memory, raising LofteError for bad input."""
    opts = opts or Options()
    doc = Document(doc_id or path.stem, str(path), sha256_file(path))
    for st in stages.all_stages():
        doc = st.fn(doc, opts)
    return doc
