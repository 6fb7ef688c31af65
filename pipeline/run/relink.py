"""The corpus stage after the per-document stages: link new statements into measures.

A batch of new documents is linked against an index of what is stored, so its cost follows
the batch. A whole relink happens when the store or the linker changed, when a stored
document was replaced, or when asked for (``lofte link --full``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.run.stages import register_corpus
from pipeline.store import linked, rows
from pipeline.store.core import Store

if TYPE_CHECKING:
    from pipeline.link.context import Context

# The linker (numpy, scipy.sparse, the lexicon) is imported when a relink runs, so commands
# that only read the store (`lofte status`, `lofte show`, the web page) start fast.

# Bump when linking changes what it stores: the next ingest then relinks every store.
# 4: a time something takes effect ("träder i kraft den 1 juli") is no due date.
# 5: a measure whose extracted name does not read as one is labelled by a quote of its
#    sentence (link/naming.py).
# 6: the day someone takes up a post ("börjar sitt uppdrag i januari") is no due date.
# 7: a measure the state, the EU or a state inquiry acts on is marked outside (lexicon/outside.py).
# 8: a quoted label is cut at its end, and skips to the measure only when it would be cut off.
# 9: "Av utredningen framgår att kommunen ska …" is no state measure.
# 10: a cut quote ends where a clause or a listed item ends, not mid-phrase.
# 11: the statements of one sentence are labelled by their own noun phrases, not one quote.
VERSION = "11"
_META = "corpus_stage:measures"


def load_context(store: Store) -> Context:
    """Municipalities of every stored document and places inside every commitment sentence."""
    from pipeline.link import context

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


def _whole_needed(store: Store) -> bool:
    return store.meta(_META) != VERSION or linked.dirty(store) or not rows.has_measures(store)


def prepare() -> None:
    """Load the linker, the lexicon and the lemma dictionary before the relink needs them."""
    from pipeline.lang.lemmas import lemma
    from pipeline.link import compounds, incremental  # noqa: F401

    compounds.split("polisnärvaro")
    lemma("nämnderna")


@register_corpus("measures", VERSION, needed, prepare)
def rebuild(store: Store, threshold: float | None = None, full: bool = False) -> int:
    """Link what is not linked yet (or everything); returns how many measures there are."""
    if full or _whole_needed(store):
        return relink_all(store, threshold)
    return link_new(store, threshold)


def relink_all(store: Store, threshold: float | None = None) -> int:
    """Recompute every measure from the stored commitments (at ``JOIN_AT`` unless given)."""
    from pipeline.link import incremental, measures
    from pipeline.link.features import featurise, keys_of

    threshold = measures.JOIN_AT if threshold is None else threshold
    every = [dict(r) for r in store.commitments()]
    ctx = load_context(store)
    # An empty store (every file failed) still gets its empty measure tables.
    f = featurise(every, ctx.title_years) if every else None
    found, members = measures.measure_table(every, ctx, threshold, f)
    keys = []
    if f is not None:
        keys = incremental.key_pairs(
            every, [keys_of(w, t) for w, t in zip(f.words, f.tokens, strict=True)]
        )
    store.replace_measures(found, members, keys)
    store.set_meta(_META, VERSION)
    return len(found)


def link_new(store: Store, threshold: float | None = None) -> int:
    """Link the commitments that belong to no measure against the stored ones."""
    from pipeline.link import incremental, measures
    from pipeline.link.features import blocking_keys

    threshold = measures.JOIN_AT if threshold is None else threshold
    new = linked.unlinked(store)
    if new:
        ctx = load_context(store)
        keys = blocking_keys(new)
        usable = incremental.usable_keys(keys, linked.key_counts(store, sorted(set().union(*keys))))
        old = linked.linked_rows(store, linked.holders(store, usable))
        touched = {str(r["measure_id"]) for r in old}
        groups, reason, score = incremental.join_batch(
            new, old, linked.measure_docs(store, touched), ctx, threshold
        )
        # Only measures that took a new statement are rewritten, so only theirs are read.
        grown = {
            str(old[x]["measure_id"])
            for g in groups
            if max(g) >= len(old)
            for x in g
            if x < len(old)
        }
        batch = incremental.assemble(
            groups,
            [*old, *new],
            reason,
            score,
            _by_measure(linked.members_of(store, grown)),
            linked.measure_ids(store),
        )
        linked.upsert(
            store, batch.measures, batch.members, batch.dropped, incremental.key_pairs(new, keys)
        )
    store.set_meta(_META, VERSION)
    return int(store.conn.execute("SELECT count(*) FROM measures").fetchone()[0])


def _by_measure(members: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for m in members:
        out.setdefault(str(m["measure_id"]), []).append(m)
    return out
