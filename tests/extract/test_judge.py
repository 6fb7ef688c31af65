"""Admitting sentences no cue matched: only with a trained scorer that is sure, status learned."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.extract import judge
from pipeline.extract.commitment_model import LinearScorer, StatusScorer

SENTENCE = "Fler trafikkontroller i centrum varje månad"


def _scorer(admit: float | None) -> LinearScorer:
    status = {
        "classes": ["done", "pledged"],
        "idf": {"w:trafikkontroller": 1.0},
        "text_coef": {"pledged": {"w:trafikkontroller": 3.0}, "done": {}},
        "rule_coef": {"pledged": {}, "done": {}},
        "intercept": {"pledged": 0.0, "done": 0.0},
    }
    data: dict[str, Any] = {
        "idf": {"w:trafikkontroller": 1.0},
        "text_coef": {"w:trafikkontroller": 10.0},
        "rule_coef": {},
        "intercept": -5.0,
        "veto": 0.0,
        "admit": admit,
        "status": status,
    }
    return LinearScorer(data)


@pytest.fixture
def installed() -> Any:
    def use(model: LinearScorer | None) -> None:
        judge.set_model(model)

    yield use
    judge.set_model()


def test_a_cueless_sentence_is_admitted_only_when_the_scorer_is_sure(installed: Any) -> None:
    assert judge.find_cues(SENTENCE, "other") == []
    installed(_scorer(admit=0.5))
    assert judge.judge(SENTENCE, "other", "", None) == (
        judge.NO_CUE,
        "pledged",
        pytest.approx(0.993, abs=1e-3),
    )
    assert judge.judge("Centrum har många butiker och caféer", "other", "", None) is None
    installed(_scorer(admit=None))
    assert judge.judge(SENTENCE, "other", "", None) is None


def test_a_proposer_does_not_report_done_work_even_when_admitted(installed: Any) -> None:
    model = _scorer(admit=0.5)
    assert model.status is not None
    model.status.intercept["done"] = 10.0  # the status scorer now says done
    installed(model)
    assert judge.judge(SENTENCE, "motion", "", None) is None
    assert judge.judge(SENTENCE, "uppfoljning", "", None)[1] == "done"  # type: ignore[index]


def test_the_trained_status_scorer_picks_what_scikit_learn_picks() -> None:
    path = Path(__file__).resolve().parents[2] / "models" / "commitment" / "train_commitment.py"
    spec = importlib.util.spec_from_file_location("train_commitment_t", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    sents = [
        "Arbetet har genomförts under hösten",
        "Utbildningen genomfördes i mars",
        "Nämnden ska ta fram en plan",
        "Kommunen ska införa trygghetsvandringar",
        "Vi föreslår att fullmäktige beslutar",
        "Motionären föreslår en utredning",
    ] * 3
    statuses = ["done", "done", "pledged", "pledged", "proposed", "proposed"] * 3
    data = mod.fit_status(sents, [["doc=other"]] * len(sents), statuses)
    scorer = StatusScorer(data)
    assert scorer.predict("Planen ska tas fram", ["doc=other"]) == "pledged"
    assert set(data["classes"]) == {"done", "pledged", "proposed"}
