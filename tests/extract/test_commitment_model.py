"""The learned commitment scorer: features, the runtime linear model, loading and fallback."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from pipeline.extract import commitment_model, commitments
from pipeline.extract.commitment_model import (
    LinearScorer,
    char_terms,
    rule_terms,
    text_terms,
    word_terms,
)
from pipeline.records import Structure

# sthlm-style answer with a pledge, a heading and background (written for this test).
TEXT = (
    "Svar på interpellation om trygghet\n\n"
    "Stadsdelsnämnden kommer att inrätta fler fältassistenter under 2024. "
    "Frågan har diskuterats länge i stadsdelen. "
    "Förvaltningen ska ta fram en handlingsplan för fältarbetet.\n"
)


def test_features_fold_case_and_digits() -> None:
    assert word_terms("Nämnden ska 2024") == ["nämnden", "ska", "0000", "nämnden ska", "ska 0000"]
    assert " sk" in char_terms("Ska") and "ska " in char_terms("Ska")
    assert all(t.startswith(("w:", "c:")) for t in text_terms("Nämnden ska"))
    assert "fam=future" in rule_terms("svar", "", "future", "ska", None)
    assert "sec=förslag" in rule_terms("protokoll", "Förslag till beslut", None, None, None)


def test_linear_scorer_matches_tfidf_logistic_arithmetic() -> None:
    data = {
        "idf": {"w:ska": 2.0, "w:nämnden": 1.0},
        "text_coef": {"w:ska": 1.5},
        "rule_coef": {"fam=future": 0.5},
        "intercept": -1.0,
        "veto": 0.0,
    }
    model = LinearScorer(data)
    # x = (2, 1) / sqrt(5); z = 1.5 * 2 / sqrt(5) + 0.5 - 1.0
    z = 3 / math.sqrt(5) - 0.5
    assert model.decision("nämnden ska", ["fam=future"]) == pytest.approx(z)
    assert model.probability("nämnden ska", ["fam=future"]) == pytest.approx(1 / (1 + math.exp(-z)))
    assert model.rescue is None


def test_missing_model_file_means_rules_alone(tmp_path: Path) -> None:
    assert commitment_model.load(tmp_path / "none.joblib") is None


def test_saved_model_ranks_a_pledge_above_background() -> None:
    model = commitment_model.load()
    if model is None:
        pytest.skip("models/commitment/model.joblib not trained")
    pledge = model.probability(
        "Förvaltningen ska ta fram en handlingsplan för fältarbetet.",
        rule_terms("svar", "", "future", "ska", None),
    )
    background = model.probability(
        "Frågan har diskuterats länge i stadsdelen.", rule_terms("svar", "", None, None, None)
    )
    assert 0.0 <= background < pledge <= 1.0


def test_deployed_setting_keeps_rule_detections() -> None:
    """CV did not show a veto or rescue beating the rules, so detections are the rules'."""
    st = Structure(doc_type="svar")
    commitments.set_model(None)
    try:
        rules = [c.sentence for c in commitments.find_commitments(TEXT, st, [])]
    finally:
        commitments.set_model()
    combined = commitments.find_commitments(TEXT, st, [])
    assert [c.sentence for c in combined] == rules
    assert len(rules) == 2
    assert all(0.0 <= c.confidence <= 1.0 for c in combined)


def test_shape_terms_mark_tense_time_amount_and_the_opening_word() -> None:
    from pipeline.extract.commitment_model import shape_terms

    done = shape_terms("Under hösten 2023 genomfördes två utbildningsinsatser för 50 000 kr.")
    assert {"shape=pret", "shape=time", "shape=amount", "first=under", "len=m"} <= set(done)
    assert "shape=fut" not in done
    item = shape_terms("Öka fältassistenternas närvaro kvällstid")
    assert "first=öka" in item and "len=s" in item and "shape=pret" not in item
    assert "shape=question" in shape_terms("Vad gör kommunen för att öka tryggheten?")
    # Without the sentence, rule_terms is what it was: the shipped weights stay valid.
    assert not any(
        t.startswith(("shape=", "first=", "len=")) for t in rule_terms("svar", "", None, None, None)
    )
