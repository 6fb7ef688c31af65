"""Scoring measure links: pair decisions, missing ends and whole chains."""

from __future__ import annotations

from pipeline.eval import linking as ev


def _pairs() -> list[ev.Pair]:
    rows = [
        {
            "chain_id": "C1",
            "doc_a": "a",
            "idx_a": "0",
            "doc_b": "b",
            "idx_b": "0",
            "relation": "followup",
        },
        {
            "chain_id": "C1",
            "doc_a": "b",
            "idx_a": "0",
            "doc_b": "c",
            "idx_b": "1",
            "relation": "same_measure",
        },
        {
            "chain_id": "N",
            "doc_a": "a",
            "idx_a": "0",
            "doc_b": "d",
            "idx_b": "0",
            "relation": "different",
        },
    ]
    return ev.read_pairs(rows)


def test_negatives_without_a_chain_are_their_own_fold() -> None:
    groups = [p.group for p in _pairs()]
    assert groups == ["C1", "C1", "N:a~d"]


def test_pair_scores_count_joins_and_missing_ends() -> None:
    pairs = _pairs()
    where = {("a", 0): 0, ("b", 0): 1, ("d", 0): 2}  # ("c", 1) was not extracted
    s = ev.score_pairs(pairs, where, [7, 7, 7])
    assert (s.tp, s.fp, s.fn, s.missing) == (1, 1, 0, 1)
    assert s.precision == 0.5 and s.recall == 0.5


def test_a_chain_is_whole_only_without_foreign_documents() -> None:
    pairs = _pairs()
    ((chain, groups),) = ev.chains(pairs)
    assert chain == {("a", 0), ("b", 0), ("c", 1)} and groups == {"C1"}
    rows = [{"doc_id": d} for d in ("a", "b", "c", "d")]
    where = {("a", 0): 0, ("b", 0): 1, ("c", 1): 2}
    assert ev.chain_whole(chain, where, [1, 1, 1, 2], rows)
    assert not ev.chain_whole(chain, where, [1, 1, 1, 1], rows)  # d joined in
    assert not ev.chain_whole(chain, where, [1, 1, 3, 2], rows)  # c left out
