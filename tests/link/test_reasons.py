"""The linker's reason lines, and the same in Swedish and English words for a reader."""

from __future__ import annotations

import pytest

from pipeline.link.reasons import FIRST, ONLY, THROUGH, joined, reason_line, reason_parts

A = {"id": "commitment:plan_2023:2", "doc_date": "2023-11-22"}
B = {"id": "commitment:uppfoljning_2024:0", "doc_date": None}


def test_a_joined_reason_reads_back_in_swedish_with_decimal_commas() -> None:
    line = joined(A, B, 0.456, 0.38, 0.23, {"fältarbete", "handlingsplan"})
    assert line.startswith("joined with commitment:plan_2023:2 (score 0.46")
    assert line.endswith("2023-11-22 → ?)")
    parts = reason_parts(line, "sv")
    assert parts["text"] == "Kopplad till"
    assert parts["commitment"] == "commitment:plan_2023:2"
    assert "likhet 0,46" in parts["after"] and "åtgärdsfrasen 0,38" in parts["after"]
    assert "gemensamma ord: fältarbete, handlingsplan" in parts["after"]


def test_a_joined_reason_reads_back_in_english_with_decimal_points() -> None:
    line = joined(A, B, 0.456, 0.38, 0.23, set())
    got = reason_line(line, "en")
    assert got.startswith("Joined with commitment:plan_2023:2 (score 0.46: measure phrase 0.38")
    assert "shared words: -" in got


@pytest.mark.parametrize("stored", [ONLY, FIRST, THROUGH])
def test_every_plain_reason_has_words_in_both_languages(stored: str) -> None:
    sv, en = reason_line(stored, "sv"), reason_line(stored, "en")
    assert sv and en and sv != en and sv != stored


def test_a_reason_from_another_linker_version_is_shown_as_stored() -> None:
    assert reason_line("matched by hand", "sv") == "matched by hand"
