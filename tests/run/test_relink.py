"""The relink corpus stage runs after a batch only when something asks for it."""

from __future__ import annotations

from pathlib import Path

from pipeline.run import relink, stages
from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store

from ..conftest import SEEDS


def test_relink_is_the_registered_corpus_stage() -> None:
    assert [(s.name, s.version) for s in stages.corpus_stages()] == [("measures", relink.VERSION)]


def test_a_changed_linker_relinks_on_the_next_run_and_nothing_else_does(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        run([SEEDS], store, SerialExecutor())
        measures = [r["id"] for r in store.conn.execute("SELECT id FROM measures")]
        assert measures and not relink.needed(store, processed=0)
        # Nothing new and nothing changed: a second run leaves the measures alone.
        store.conn.execute("UPDATE measures SET label = 'kept' WHERE id = ?", (measures[0],))
        store.conn.commit()
        assert run([SEEDS], store, SerialExecutor()).skipped == 5
        assert (
            store.conn.execute("SELECT count(*) FROM measures WHERE label = 'kept'").fetchone()[0]
            == 1
        )
        # A store linked by another linker version is relinked even with nothing new.
        store.set_meta("corpus_stage:measures", "0")
        assert relink.needed(store, processed=0)
        run([SEEDS], store, SerialExecutor())
        assert store.meta("corpus_stage:measures") == relink.VERSION
        assert (
            store.conn.execute("SELECT count(*) FROM measures WHERE label = 'kept'").fetchone()[0]
            == 0
        )


REAL2 = SEEDS.parent / "real2"
# Two chains of real texts (medborgarlöften restated and followed up in later years).
CHAINS = sorted(REAL2.glob("karlstad_*.txt")) + sorted(REAL2.glob("lulea_*.txt"))


def _partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for cid, mid in store.conn.execute("SELECT commitment_id, measure_id FROM measure_members"):
        groups.setdefault(mid, set()).add(cid)
    return {frozenset(g) for g in groups.values()}


def test_a_later_batch_links_to_stored_measures_as_one_whole_run_would(tmp_path: Path) -> None:
    early = [p for p in CHAINS if "2018" in p.name or "2020" in p.name]
    late = [p for p in CHAINS if p not in early]
    assert early and late
    with Store(tmp_path / "batches.db") as store:
        run(early, store, SerialExecutor())
        keys = store.conn.execute("SELECT count(*) FROM link_keys").fetchone()[0]
        run(late, store, SerialExecutor())
        assert store.conn.execute("SELECT count(*) FROM link_keys").fetchone()[0] > keys
        in_batches = _partition(store)
        statements = store.conn.execute("SELECT max(statements) FROM measures").fetchone()[0]
        relink.rebuild(store, full=True)
        assert _partition(store) == in_batches
    # The later texts follow measures of the earlier ones.
    assert statements >= 2


def test_a_replaced_document_makes_the_next_batch_relink_everything(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in CHAINS[:2]:
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        run([folder], store, SerialExecutor())
        first = CHAINS[0].name
        text = (folder / first).read_text(encoding="utf-8")
        (folder / first).write_text(text.replace("kommer", "ska"), encoding="utf-8")
        run([folder], store, SerialExecutor())
        assert store.meta("measures_dirty") == "0"
        # Every member points at a stored commitment and every commitment has a measure.
        orphans = store.conn.execute(
            "SELECT count(*) FROM measure_members m LEFT JOIN commitments c "
            "ON c.id = m.commitment_id WHERE c.id IS NULL"
        ).fetchone()[0]
        members = store.conn.execute("SELECT count(*) FROM measure_members").fetchone()[0]
        commitments = store.conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
        # The measures were recomputed from the new text, not kept from the old one.
        stale = store.conn.execute(
            "SELECT count(*) FROM measure_members m JOIN commitments c ON c.id = m.commitment_id "
            "JOIN measures s ON s.id = m.measure_id WHERE instr(s.search, ?) = 0 AND c.doc_id = ?",
            ("ska", CHAINS[0].stem),
        ).fetchone()[0]
    assert orphans == 0 and members == commitments and stale == 0
