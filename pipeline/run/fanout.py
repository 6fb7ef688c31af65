"""Page fan-out: a long scanned document's pages are OCRed as separate executor tasks.

One document is one task, so a 200-page scan would otherwise OCR on one core. Before the
documents are scheduled, :func:`prefetch` finds PDFs and multi-page images with several
pages to OCR, sends page ranges through the same executor (``ocr_task``), and assembles
their ``ingest`` artifacts; the document tasks then start from that cached artifact.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import LofteError
from pipeline.ingest.reader import assemble, paged_format, read_part
from pipeline.records import Options, Page, to_dict
from pipeline.run.executors import Executor
from pipeline.run.process import Result, Task
from pipeline.run.watchdog import WorkerStopped

# Fan out only documents with at least this many pages to OCR; one page gains nothing.
MIN_OCR_PAGES = 2
# Pages per task at most: a task re-opens the file, so tiny tasks on huge files waste time,
# while about two tasks per worker keep every core busy to the end.
MAX_PAGES_PER_TASK = 4
# Fewer extracted words than this, on a page holding an image, marks a page to OCR.
TEXT_WORDS = 3


@dataclass
class PageJob:
    """Pages of one document to read in one task (picklable for every executor)."""

    path: str
    fmt: str
    numbers: list[int]
    options: Options = field(default_factory=Options)


@dataclass
class PageResult:
    """A page task's pages and notes, or its coded error; never an exception."""

    path: str
    numbers: list[int]
    pages: list[Page] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error_code: str | None = None
    error: str | None = None
    seconds: float = 0.0


@dataclass
class Prefetched:
    """What :func:`prefetch` produced: ingest artifacts, failed documents, tasks used."""

    ingested: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: list[Result] = field(default_factory=list)
    page_tasks: int = 0


# The format of the job that loads a worker's models instead of reading pages.
WARM_UP = "warm-up"


def ocr_task(job: PageJob) -> PageResult:
    """Read the pages of ``job`` as the whole-file reader would; errors come back coded.

    A ``WARM_UP`` job reads nothing: it loads the worker's models and returns no pages.
    """
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    out = PageResult(job.path, job.numbers)
    if job.fmt == WARM_UP:
        from pipeline.run.process import warm_up

        warm_up()
        return out
    start = time.monotonic()
    try:
        out.pages, out.notes = read_part(Path(job.path), job.fmt, job.numbers, job.options)
    except LofteError as exc:
        out.error_code = exc.code
        out.error = LofteError(exc.code, exc.detail, job.path).one_line()
    out.seconds = time.monotonic() - start
    return out


def _pdf_ocr_pages(path: Path, opts: Options) -> tuple[int, int]:
    """(pages, pages likely to need OCR) from pdfium's text layer, which is quick to read."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(str(path), password=opts.password)
    try:
        need = 0
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            words = len(textpage.get_text_range().split())
            textpage.close()
            if words < TEXT_WORDS:
                images = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
                need += next(iter(images), None) is not None
            page.close()
        return len(doc), need
    finally:
        doc.close()


def ocr_page_count(path: Path, opts: Options) -> tuple[str, int, int] | None:
    """(format, pages, pages to OCR) of a PDF or image, or None when it is not worth asking.

    A cheap estimate that only decides whether to fan out: the page tasks make the real
    per-page choice with the whole-file reader's own rules, so a wrong guess costs time,
    never text. Unreadable files give None and fail later in their document task.
    """
    fmt = paged_format(path)
    if fmt is None:
        return None
    try:
        if fmt == "pdf":
            total, need = _pdf_ocr_pages(path, opts)
            return fmt, total, need
        from pipeline.ingest.image import frame_count

        total = frame_count(path, opts)
        return fmt, total, total
    except Exception:  # any damage is the document task's to report, with its code
        return None


def page_ranges(total: int, workers: int, ocr_pages: int = 0) -> list[list[int]]:
    """Consecutive page numbers split into about two ranges per worker, each capped in size.

    A document that is mostly scanned goes one page per task: a page's OCR takes seconds
    and re-opening the file a fraction of one, while ranges of several pages leave a worker
    idle at the end (20 pages in 4-page ranges are 5 tasks: 12 pages on one worker, 8 on
    the other).
    """
    if ocr_pages * 2 >= total:
        return [[n] for n in range(1, total + 1)]
    size = max(1, min(MAX_PAGES_PER_TASK, math.ceil(total / max(1, 2 * workers))))
    return [list(range(a, min(a + size, total + 1))) for a in range(1, total + 1, size)]


def _workers(executor: Executor) -> int:
    jobs = getattr(executor, "jobs", None)
    return int(jobs) if isinstance(jobs, int) else os.cpu_count() or 1


def plan_pages(tasks: list[Task], workers: int) -> list[PageJob]:
    """Page jobs for every task whose ingest is not cached and that has pages to spread."""
    jobs: list[PageJob] = []
    for task in tasks:
        if "ingest" in task.cached:
            continue
        counted = ocr_page_count(Path(task.path), task.options)
        if counted is None or counted[2] < MIN_OCR_PAGES:
            continue
        fmt, total, need = counted
        ranges = page_ranges(total, workers, need)
        jobs.extend(PageJob(task.path, fmt, r, task.options) for r in ranges)
    return jobs


def _elapsed_error(results: list[PageResult], opts: Options) -> tuple[str, str] | None:
    """The document's one error: its first failing range, or the time limit over all ranges."""
    for res in sorted(results, key=lambda r: r.numbers[0]):
        if res.error_code:
            return res.error_code, res.error or ""
    spent = sum(r.seconds for r in results)
    if spent > opts.doc_timeout:
        detail = f"over {opts.doc_timeout:g} s in page tasks (limit {opts.doc_timeout:g} s)"
        return "E008", LofteError("E008", detail, results[0].path).one_line()
    return None


def _crashed_pages(job: PageJob, exc: BaseException) -> PageResult:
    """A page range whose worker died: the document fails with E013, the batch goes on."""
    if isinstance(exc, WorkerStopped):
        code, detail = exc.code, f"pages {job.numbers[0]}-{job.numbers[-1]}: {exc}"
    else:
        code, detail = "E013", f"{type(exc).__name__} during OCR of pages"
    line = LofteError(code, detail, job.path).one_line()
    return PageResult(job.path, list(job.numbers), error_code=code, error=line)


def prefetch(tasks: list[Task], executor: Executor) -> Prefetched:
    """OCR the pages of long scans over ``executor``; a serial executor gets nothing to do."""
    out = Prefetched()
    if executor.name == "serial":
        return out
    jobs = plan_pages(tasks, _workers(executor))
    if not jobs:
        return out
    by_path = {t.path: t for t in tasks}
    expected: dict[str, int] = {}
    for job in jobs:
        expected[job.path] = expected.get(job.path, 0) + 1
    results: dict[str, list[PageResult]] = {path: [] for path in expected}
    failed: set[str] = set()

    def pending() -> Iterator[PageJob]:
        # Lazily consumed by bounded executors: once a document failed, skip its other ranges.
        for job in jobs:
            if job.path in failed:
                expected[job.path] -= 1
                continue
            out.page_tasks += 1
            yield job
        # Taken by workers as they run out of pages, so models load while the last pages
        # are still being read, ready for the document tasks that follow.
        for _ in range(_workers(executor)):
            yield PageJob("", WARM_UP, [])

    for res in executor.map_unordered(ocr_task, pending(), on_crash=_crashed_pages):
        if not res.path:
            continue  # a warm-up (or a crashed one): nothing to assemble
        results[res.path].append(res)
        if res.error_code:
            failed.add(res.path)
    for path, parts in results.items():
        task = by_path[path]
        error = _elapsed_error(parts, task.options) if parts else None
        if error is None and len(parts) == expected[path]:
            parts.sort(key=lambda r: r.numbers[0])
            fmt = next(j.fmt for j in jobs if j.path == path)
            try:
                ingested = assemble(Path(path), fmt, [(r.pages, r.notes) for r in parts])
            except LofteError as exc:
                error = exc.code, LofteError(exc.code, exc.detail, path).one_line()
            else:
                out.ingested[path] = to_dict(ingested)
                continue
        code, line = error or ("E012", LofteError("E012", "page tasks lost", path).one_line())
        out.failed.append(Result(path, task.doc_id, task.sha256, error_code=code, error=line))
    return out
