"""Genre conditions as data: which document types propose, answer, decide or narrate."""

from __future__ import annotations

import functools

from pipeline import paths
from pipeline.lexicon.tables import lookup, read_table
from pipeline.records import DOC_TYPES

GENRES = paths.LEXICON_DATA / "genres.tsv"
TRAITS = frozenset(
    {"proposes", "demands", "narrates_done", "answers", "decides", "minutes", "issuer_acts"}
)


@functools.cache
def _table() -> dict[str, frozenset[str]]:
    return read_table(GENRES, TRAITS, DOC_TYPES)


def with_trait(trait: str) -> frozenset[str]:
    """The document types that have ``trait`` (see the header of lexicon/data/genres.tsv)."""
    return lookup(_table(), trait, "genre trait")


def has(doc_type: str | None, trait: str) -> bool:
    """Whether a document of this type has ``trait``."""
    return doc_type in with_trait(trait)
