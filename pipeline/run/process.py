"""Run the per-document stages on one file: the unit of work every executor schedules."""

from __future__ import annotations

import hashlib
import os
import stat
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import LofteError
from pipeline.records import Document, Options, from_dict, to_dict
from pipeline.run import stages

DOC_STAGES = stages.STAGE_ORDER


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in chunks so huge files cost no memory.

    Raises E001 for a file that cannot be read, and for anything but a regular file: a
    pipe would block the read and a device would never end it.
    """
    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise LofteError("E001", "not a regular file (a pipe, device or socket)", path)
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise LofteError("E001", exc.strerror or str(exc), path) from exc
    return h.hexdigest()


@dataclass
class Task:
    """One document to process, with the artifacts the store already holds for it."""

    path: str
    doc_id: str
    sha256: str
    cached: dict[str, Any] = field(default_factory=dict)
    options: Options = field(default_factory=Options)


@dataclass
class Result:
    """What a worker sends back: new artifacts per stage, or a coded error."""

    path: str
    doc_id: str
    sha256: str
    artifacts: dict[str, Any] = field(default_factory=dict)
    error_code: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when every stage ran."""
        return self.error_code is None


def restore(task: Task) -> Document:
    """A record carrying the task's cached stage artifacts."""
    data: dict[str, Any] = {"doc_id": task.doc_id, "source": task.path, "sha256": task.sha256}
    for name, artifact in task.cached.items():
        data[stages.get(name).fills] = artifact
    return from_dict(Document, data)


def run_stages(
    doc: Document, opts: Options, skip: set[str] | frozenset[str] = frozenset()
) -> Document:
    """Run every per-document stage not in ``skip``, in order."""
    for name in DOC_STAGES:
        if name not in skip:
            doc = stages.run_stage(name, doc, opts)
    return doc


def process(task: Task) -> Result:
    """Process one document; never raises for bad input, returns a coded error instead."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    res = Result(task.path, task.doc_id, task.sha256)
    doc = restore(task)
    try:
        for name in DOC_STAGES:
            if name in task.cached:
                continue
            doc = stages.run_stage(name, doc, task.options)
            res.artifacts[name] = to_dict(stages.artifact_of(doc, name))
    except LofteError as exc:
        exc.path = exc.path or task.path
        res.error_code, res.error = exc.code, LofteError(exc.code, exc.detail, task.path).one_line()
    except MemoryError:
        res.error_code = "E007"
        res.error = LofteError("E007", "out of memory", task.path).one_line()
    except Exception as exc:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        detail = f"{type(exc).__name__}: {exc} at {Path(last.filename).name}:{last.lineno}"
        res.error_code, res.error = "E012", LofteError("E012", detail, task.path).one_line()
    return res


def warm_up() -> None:
    """Load models once per worker process so the first document is not slow."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # The commitment scorer, the lemma dictionary and the OCR lexicon are what is slow to
    # load; the other stages' modules import on first use.
    from pipeline.extract import commitments
    from pipeline.normalise.ocrfix_lexicon import lexicon

    commitments.warm_up()
    lexicon()
