"""Genre conditions as data: which document types propose, answer, decide or narrate."""

from __future__ import annotations

import functools

from pipeline import paths
from pipeline.records import DOC_TYPES

GENRES = paths.LEXICON_DATA / "genres.tsv"
TRAITS = frozenset({"proposes", "demands", "narrates_done", "answers", "decides", "minutes"})


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {t: set() for t in TRAITS}
    for line in GENRES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_type, traits = line.split("\t")
        if doc_type not in DOC_TYPES:
            raise ValueError(f"{GENRES.name}: unknown document type {doc_type!r}")
        for trait in traits.split(","):
            if trait not in TRAITS:
                raise ValueError(f"{GENRES.name}: unknown trait {trait!r} for {doc_type!r}")
            out[trait].add(doc_type)
    return {t: frozenset(d) for t, d in out.items()}


def with_trait(trait: str) -> frozenset[str]:
    """The document types that have ``trait`` (see the header of lexicon/data/genres.tsv)."""
    if trait not in TRAITS:
        raise KeyError(f"no genre trait {trait!r}; known: {', '.join(sorted(TRAITS))}")
    return _table()[trait]


def has(doc_type: str | None, trait: str) -> bool:
    """Whether a document of this type has ``trait``."""
    return doc_type in with_trait(trait)
