"""Measures across documents: linking real chains, a synthetic follow-up, status over time."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pipeline import api
from pipeline.link import context as mc
from pipeline.link.measures import link
from pipeline.link.timeline import is_stall, motion_flag, summarise
from pipeline.read.query import find_measures, get_measure
from pipeline.store.core import Store
from tests.conftest import CORPUS, SEEDS

REAL = CORPUS / "real"
# Clearly synthetic: written for this test, not a real council document.
FOLLOW_UP = """Verksamhetsberättelse 2024 för Skärholmens stadsdelsnämnd (syntetiskt testdokument)

Datum: 2025-02-10

Detta dokument är syntetiskt och skrivet för ett test; det är ingen riktig handling.

Fältarbete
Handlingsplanen för fältarbetet har tagits fram och implementerats under 2024.
"""


def _ingest(tmp: Path, files: list[Path]) -> Path:
    db = tmp / "lofte.db"
    report = api.ingest(files, db, jobs=1)
    assert report.failed == 0
    return db


@pytest.fixture(scope="module")
def followed_up(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("followup")
    synthetic = tmp / "verksamhetsberattelse_2024_syntetisk.txt"
    synthetic.write_text(FOLLOW_UP, encoding="utf-8")
    files = [
        SEEDS / "svar_interpellation_ojanne_2023.txt",
        SEEDS / "yttrande_alvsjo_2016_motion.txt",
    ]
    return _ingest(tmp, [*files, synthetic])


def _plan(db: Path, as_of: date) -> Any:
    with Store(db, readonly=True) as store:
        found = find_measures(store, "fältarbete", as_of=as_of)
    return next(v for v in found if v.label.startswith("handlingsplan för fältarbetet"))


def test_synthetic_follow_up_marks_the_plan_done_citing_both_documents(followed_up: Path) -> None:
    plan = _plan(followed_up, date(2025, 6, 1))
    assert plan.status == "done" and not plan.overdue and plan.due == "2024-12-31"
    assert plan.sources == [
        "svar_interpellation_ojanne_2023",
        "verksamhetsberattelse_2024_syntetisk",
    ]
    first, last = plan.statements
    assert (first.status, last.status) == ("pledged", "done")
    assert "handlingsplan" in first.quote and "implementerats" in last.quote
    assert first.page == 1 and last.doc_date == "2025-02-10"
    assert "joined with commitment:svar_interpellation_ojanne_2023" in last.reason


def test_before_the_follow_up_the_plan_is_pledged_and_not_assessed(followed_up: Path) -> None:
    plan = _plan(followed_up, date(2024, 6, 1))
    assert plan.status == "pledged" and plan.assessment == "not_assessed" and not plan.overdue
    assert plan.sources == ["svar_interpellation_ojanne_2023"]
    with Store(followed_up, readonly=True) as store:
        again = get_measure(store, plan.id, date(2025, 6, 1))
    assert again is not None and again.status == "done" and again.assessment == "assessed"


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    names = [
        "sthlm_slk_2016_tertialrapport2",
        "sthlm_kf_2016_protokoll15_tertialrapport2",
        "sthlm_slk_2013_arsredovisning_2012",
        "danderyd_motion_traffpunkt_danderydsgarden",
        "danderyd_reservation_2006_danderydsgarden",
        "danderyd_motion_2006_05_15_oppet_hus",
        "goteborg_ks_2020_03_25_beslut",
        "sthlm_ks_2022_04_27_mote",
    ]
    return _ingest(tmp_path_factory.mktemp("real"), [REAL / f"{n}.txt" for n in names])


def _measure_of(store: Store) -> dict[str, str]:
    return dict(store.conn.execute("SELECT commitment_id, measure_id FROM measure_members"))


def _maybe(store: Store, doc: str, words: str) -> str | None:
    row = store.conn.execute(
        "SELECT id FROM commitments WHERE doc_id = ? AND sentence LIKE ?", (doc, f"%{words}%")
    ).fetchone()
    return str(row[0]) if row else None


def _find(store: Store, doc: str, words: str) -> str:
    found = _maybe(store, doc, words)
    assert found is not None, (doc, words)
    return found


def test_real_proposal_decision_chains_are_linked(real_store: Path) -> None:
    slk, kf = "sthlm_slk_2016_tertialrapport2", "sthlm_kf_2016_protokoll15_tertialrapport2"
    chains = [
        ((slk, "Delårsbokslut per den 31 augusti"), (kf, "Delårsbokslut per den 31 augusti")),
        ((slk, "utdelningen från koncernen"), (kf, "utdelningen från koncernen")),
        ((slk, "extra bolagsstämma"), (kf, "extra bolagsstämma")),
        # The Danderyd motion -> reservation chain left this test when the measure phrases
        # became trained spans (issue 15): it hangs on phrase overlap alone, and
        # scripts/eval_linking.py keeps reporting it (FN) until linking reads the sentence.
    ]
    linked = 0
    with Store(real_store, readonly=True) as store:
        m = _measure_of(store)
        for first, second in chains:
            a, b = _maybe(store, *first), _maybe(store, *second)
            # Whether a sentence is extracted at all is the commitment extractor's call.
            if a and b:
                assert m[a] == m[b], (first, second)
                linked += 1
    assert linked >= 3


def test_unrelated_measures_are_not_joined(real_store: Path) -> None:
    with Store(real_store, readonly=True) as store:
        m = _measure_of(store)
        old = _find(store, "sthlm_slk_2013_arsredovisning_2012", "extra bolagsstämma")
        new = _find(store, "sthlm_slk_2016_tertialrapport2", "extra bolagsstämma")
        assert m[old] != m[new]
        gbg = _find(store, "goteborg_ks_2020_03_25_beslut", "återvinningscentraler")
        sthlm = _find(store, "sthlm_ks_2022_04_27_mote", "återvinningscentralen")
        assert m[gbg] != m[sthlm]
        allowed = [
            {"sthlm_slk_2016_tertialrapport2", "sthlm_kf_2016_protokoll15_tertialrapport2"},
            {
                "danderyd_motion_traffpunkt_danderydsgarden",
                "danderyd_reservation_2006_danderydsgarden",
            },
        ]
        for (sources,) in store.conn.execute("SELECT sources FROM measures WHERE statements > 1"):
            assert set(sources.split(",")) in allowed, sources


def _row(doc: str, n: int, sentence: str, measure: str, **kw: Any) -> dict[str, Any]:
    base = {
        "id": f"commitment:{doc}:{n}",
        "doc_id": doc,
        "n": n,
        "sentence": sentence,
        "measure": measure,
        "lemmas": measure.lower(),
        "responsible": None,
        "status": "pledged",
        "doc_date": "2023-01-01",
        "doc_type": "protokoll",
    }
    return {**base, **kw}


def test_linking_respects_municipality_and_time_order() -> None:
    rows = [
        _row("a", 0, "En ny lekplats ska byggas i Ekparken.", "ny lekplats i ekparken"),
        _row("b", 0, "En ny lekplats ska byggas i Ekparken.", "ny lekplats i ekparken"),
        _row(
            "c",
            0,
            "En ny lekplats har byggts i Ekparken.",
            "ny lekplats i ekparken",
            status="done",
            doc_date="2020-01-01",
        ),
    ]
    ctx = mc.Context(municipalities={"a": frozenset({"nacka"}), "b": frozenset({"solna"})})
    clusters, _, _ = link(rows, ctx)
    assert sorted(map(sorted, clusters)) == [[0], [1], [2]]
    clusters, reason, _ = link(rows[:2], mc.Context())
    assert clusters == [[0, 1]] and "shared words" in reason[1]


def test_stalled_is_kept_apart_from_not_assessed() -> None:
    pledge = {
        "doc_id": "a",
        "doc_date": "2023-01-10",
        "status": "pledged",
        "sentence": "En handlingsplan ska tas fram.",
        "deadline_end": "2023-12-31",
    }
    stall = {
        "doc_id": "b",
        "doc_date": "2024-02-01",
        "status": "done",
        "sentence": "Handlingsplanen har ännu inte påbörjats.",
    }
    alone = summarise([pledge])
    assert alone.assessment == "not_assessed" and alone.status == "pledged"
    stalled = summarise([pledge, stall])
    # "har inte ... påbörjats" is no evidence of completion: still pledged, still open.
    assert stalled.assessment == "stalled" and stalled.status == "pledged" and not stalled.closed
    assert summarise([pledge, stall], as_of=date(2023, 6, 1)).assessment == "not_assessed"
    assert is_stall("Projektet har skjutits upp till 2025.")
    assert not is_stall("Projektet har genomförts under 2024.")


def test_motion_without_decision_is_flagged_after_a_year() -> None:
    motion = {
        "doc_id": "m",
        "doc_date": "2022-03-01",
        "status": "proposed",
        "doc_type": "motion",
        "sentence": "Vi föreslår att en simhall byggs.",
    }
    tl = summarise([motion])
    assert tl.motion_date == "2022-03-01" and tl.decision_date is None
    assert not motion_flag(tl.motion_date, tl.decision_date, date(2022, 12, 1))
    assert motion_flag(tl.motion_date, tl.decision_date, date(2023, 6, 1))
    decided = {
        "doc_id": "p",
        "doc_date": "2022-11-15",
        "status": "cancelled",
        "doc_type": "protokoll",
        "sentence": "Motionen avslås.",
    }
    tl = summarise([motion, decided])
    assert tl.decision_date == "2022-11-15"
    assert not motion_flag(tl.motion_date, tl.decision_date, date(2024, 1, 1))
