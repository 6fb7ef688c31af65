"""The corpus stage after the per-document stages: relink every measure in a store."""

from __future__ import annotations

from pipeline.link import context, measures
from pipeline.run.stages import register_corpus
from pipeline.store import rows
from pipeline.store.core import Store

# Bump when linking changes what it stores: the next ingest then relinks every store.
VERSION = "1"
_META = "corpus_stage:measures"


def load_context(store: Store) -> context.Context:
    """Municipalities of every stored document and places inside every commitment sentence."""
    ctx = context.build_context(
        rows.commitment_spans(store),
        rows.document_actors(store),
        rows.document_municipalities(store),
    )
    # A source list's year outranks a year in the title ("Årsredovisning 2012" is from 2013).
    ctx.title_years.update(rows.document_years(store))
    return ctx


def needed(store: Store, processed: int) -> bool:
    """Whether a batch must relink: new documents, an upgraded store or linker, none linked."""
    return (
        bool(processed)
        or store.measures_stale()
        or store.meta(_META) != VERSION
        or not rows.has_measures(store)
    )


@register_corpus("measures", VERSION, needed)
def rebuild(store: Store, threshold: float = measures.JOIN_AT) -> int:
    """Recompute every measure from the stored commitments; returns how many there are."""
    found, members = measures.measure_table(
        [dict(r) for r in store.commitments()], load_context(store), threshold
    )
    store.replace_measures(found, members)
    store.set_meta(_META, VERSION)
    return len(found)
