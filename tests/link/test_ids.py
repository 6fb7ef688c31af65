"""Minted ids: unique whatever the labels, the same for the same order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.lang.slugs import slugify
from pipeline.link.ids import mint


def test_a_numbered_duplicate_does_not_take_the_id_of_a_numbered_label() -> None:
    taken: set[str] = set()
    labels = ["införande av plan", "införande av plan 2", "införande av plan"]
    ids = [mint(f"measure:{slugify(x, 60)}", taken) for x in labels]
    assert len(set(ids)) == 3
    assert ids[0] == "measure:inforande-av-plan"


@given(st.lists(st.sampled_from(["plan", "plan 2", "plan-2", "plan 2 2", "Plan", "plan-3"])))
def test_ids_are_unique_and_repeatable_for_any_labels(labels: list[str]) -> None:
    first: set[str] = set()
    again: set[str] = set()
    ids = [mint(slugify(x, 60), first) for x in labels]
    assert len(set(ids)) == len(ids)
    assert ids == [mint(slugify(x, 60), again) for x in labels]
