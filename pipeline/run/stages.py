"""The stage registry: six per-document stages over a Document, and the corpus stages after them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.records import Document, Options

STAGE_ORDER = ("ingest", "normalise", "structure", "extract", "link", "graph")


StageFn = Callable[[Document, Options], Document]


@dataclass(frozen=True)
class Stage:
    """A registered stage: its name, code version and the record field it fills."""

    name: str
    version: str
    fills: str
    fn: StageFn


_REGISTRY: dict[str, Stage] = {}


def register(name: str, version: str, fills: str) -> Callable[[StageFn], StageFn]:
    """Decorator: register ``fn`` as the stage ``name`` filling ``Document.<fills>``.

    Bump ``version`` when the stage's output changes, so stored artifacts recompute.
    """

    def deco(fn: StageFn) -> StageFn:
        if name not in STAGE_ORDER:
            raise ValueError(f"unknown stage {name!r}")
        _REGISTRY[name] = Stage(name, version, fills, fn)
        return fn

    return deco


def get(name: str) -> Stage:
    """The registered stage called ``name``."""
    return _REGISTRY[name]


def all_stages() -> list[Stage]:
    """Every stage in pipeline order."""
    return [_REGISTRY[n] for n in STAGE_ORDER]


def chain_versions() -> dict[str, str]:
    """Per stage, a digest of its own version and those of every stage before it.

    A stored artifact is reused only when this digest matches, so changing an early
    stage invalidates everything downstream and nothing upstream.
    """
    out: dict[str, str] = {}
    acc = hashlib.sha256()
    for st in all_stages():
        acc.update(f"{st.name}={st.version};".encode())
        out[st.name] = acc.hexdigest()[:16]
    return out


def run_stage(name: str, doc: Document, opts: Options) -> Document:
    """Run one stage and return the new record."""
    return get(name).fn(doc, opts)


def artifact_of(doc: Document, name: str) -> Any:
    """The field of ``doc`` that stage ``name`` fills."""
    return getattr(doc, get(name).fills)


@dataclass(frozen=True)
class CorpusStage:
    """A step over the whole store after a batch (relinking measures), named and versioned.

    ``needed(store, processed)`` says whether it must run after a batch that processed
    ``processed`` documents; ``fn(store)`` runs it.
    """

    name: str
    version: str
    fn: Callable[[Any], int]
    needed: Callable[[Any, int], bool]
    # Loads what ``fn`` needs; the runner calls it on a thread while the batch is being read.
    prepare: Callable[[], None] | None = None


_CORPUS: dict[str, CorpusStage] = {}


def register_corpus(
    name: str,
    version: str,
    needed: Callable[[Any, int], bool],
    prepare: Callable[[], None] | None = None,
) -> Callable[[Callable[..., int]], Callable[..., int]]:
    """Decorator: register ``fn(store)`` as the corpus stage ``name``."""

    def deco(fn: Callable[..., int]) -> Callable[..., int]:
        _CORPUS[name] = CorpusStage(name, version, fn, needed, prepare)
        return fn

    return deco


def corpus_stages() -> list[CorpusStage]:
    """The corpus stages, in the order they were registered."""
    return list(_CORPUS.values())
