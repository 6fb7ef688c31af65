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
