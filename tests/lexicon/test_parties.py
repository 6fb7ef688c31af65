"""Party abbreviations as a reader sees them, a renamed party counted with what it became."""

from __future__ import annotations

from pipeline.lexicon.parties import party_label, successors


def test_a_party_is_named_with_its_abbreviation() -> None:
    assert party_label("S") == "Socialdemokraterna (S)"
    assert party_label("kd") == "Kristdemokraterna (KD)"


def test_folkpartiet_is_counted_as_liberalerna() -> None:
    assert party_label("FP") == party_label("L") == "Liberalerna (L)"


def test_an_unknown_abbreviation_is_shown_as_given() -> None:
    assert party_label("XYZ") == "XYZ"


def test_the_renamed_parties_lead_to_todays() -> None:
    assert successors() == {"FP": "L", "KDS": "KD", "VPK": "V"}
