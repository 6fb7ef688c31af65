"""The corpus step after the per-document stages: relink every measure in a store."""

from __future__ import annotations

from pipeline.link import context, measures
from pipeline.store import rows
from pipeline.store.core import Store


def load_context(store: Store) -> context.Context:
    """Municipalities of every stored document and places inside every commitment sentence."""
    return context.build_context(rows.commitment_spans(store), rows.document_actors(store))


def rebuild(store: Store, threshold: float = measures.JOIN_AT) -> int:
    """Recompute every measure from the stored commitments; returns how many there are."""
    found, members = measures.measure_table(
        [dict(r) for r in store.commitments()], load_context(store), threshold
    )
    store.replace_measures(found, members)
    return len(found)


def needed(store: Store, processed: int) -> bool:
    """Whether a batch must relink: new documents, an upgraded store, or nothing linked yet."""
    return bool(processed) or store.measures_stale() or not rows.has_measures(store)
