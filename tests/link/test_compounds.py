"""Compound splitting: modifier and head of a Swedish compound, and words left whole."""

from __future__ import annotations

import pytest

from pipeline.link import compounds


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("polisnärvaro", ("polis", "närvaro")),
        ("trygghetsvakter", ("trygghet", "vakter")),  # linking -s
        ("bevakningsorganisation", ("bevakning", "organisation")),
        ("cykelväg", ("cykel", "väg")),
    ],
)
def test_compounds_split_into_modifier_and_head(word: str, split: tuple[str, str]) -> None:
    assert compounds.split(word) == split


@pytest.mark.parametrize("word", ["utredning", "ungdomar", "gemensamma", "kommunala", "väg"])
def test_common_words_and_derivations_stay_whole(word: str) -> None:
    assert compounds.split(word) is None


def test_parts_are_lemmas() -> None:
    assert compounds.parts("ordningsvakter") == ["ordning", "vakt"]
    assert compounds.parts("insatser") == []
