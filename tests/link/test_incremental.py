"""Linking a batch against stored measures: new statements join, grow or merge measures."""

from __future__ import annotations

from typing import Any

from pipeline.link import context as mc
from pipeline.link.incremental import assemble, join_batch, usable_keys
from pipeline.link.keys import content_lemmas
from pipeline.link.measures import link


def _row(doc: str, n: int, measure: str, sentence: str, status: str, date: str) -> dict[str, Any]:
    return {
        "id": f"commitment:{doc}:{n}",
        "doc_id": doc,
        "n": n,
        "sentence": sentence,
        "measure": measure,
        "measure_key": "",
        "lemmas": " ".join(content_lemmas(measure)),
        "responsible": None,
        "status": status,
        "deadline_text": None,
        "deadline_start": None,
        "deadline_end": None,
        "page": 1,
        "char_start": 0,
        "char_end": len(sentence),
        "doc_date": date,
        "doc_type": "protokoll",
    }


# Clearly synthetic statements, written for this test.
PLEDGE = _row(
    "a",
    0,
    "ny belysning i Norrbyparken",
    "Nämnden ska sätta upp ny belysning i Norrbyparken.",
    "pledged",
    "2021-03-01",
)
OTHER = _row(
    "b",
    0,
    "upprustning av simhallen i Söderby",
    "Simhallen i Söderby ska rustas upp.",
    "pledged",
    "2021-04-01",
)
DONE = _row(
    "c",
    0,
    "ny belysning i Norrbyparken",
    "Ny belysning i Norrbyparken har satts upp.",
    "done",
    "2022-02-01",
)
FRESH = _row(
    "c",
    1,
    "trygghetsvandring kring Västerbyskolan",
    "En trygghetsvandring kring Västerbyskolan ska genomföras.",
    "pledged",
    "2022-02-01",
)


def _stored(rows: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    return [
        {**r, "measure_id": mid, "reason": "only statement", "score": None}
        for r, mid in zip(rows, ids, strict=True)
    ]


def test_a_follow_up_joins_its_stored_pledge_and_a_new_measure_gets_a_free_id() -> None:
    old = _stored([PLEDGE, OTHER], ["measure:ny-belysning", "measure:upprustning"])
    new = [DONE, FRESH]
    groups, reason, score = join_batch(new, old, {"measure:ny-belysning": {"a"}}, mc.Context())
    rows = [*old, *new]
    batch = assemble(
        groups,
        rows,
        reason,
        score,
        {"measure:ny-belysning": [old[0]]},
        {
            "measure:ny-belysning",
            "measure:upprustning",
            "measure:trygghetsvandring-kring-vasterbyskolan",
        },
    )
    by_id = {m["id"]: m for m in batch.measures}
    # The stored measure keeps its id and now ends done; the untouched one is not rewritten.
    assert by_id["measure:ny-belysning"]["status"] == "done"
    assert by_id["measure:ny-belysning"]["statements"] == 2
    assert "measure:upprustning" not in by_id
    assert "measure:trygghetsvandring-kring-vasterbyskolan-2" in by_id
    members = {cid: (mid, why) for cid, mid, why, _ in batch.members}
    assert members[DONE["id"]][0] == "measure:ny-belysning"
    assert members[DONE["id"]][1].startswith(f"joined with {PLEDGE['id']}")
    assert members[PLEDGE["id"]] == ("measure:ny-belysning", "first statement")
    assert batch.dropped == []


def test_a_batch_gives_the_clusters_a_single_run_gives() -> None:
    every = [PLEDGE, OTHER, DONE, FRESH]
    whole, _, _ = link(every)
    first, _, _ = link(every[:2])
    old = _stored(every[:2], [f"m{k}" for k in range(2)])
    groups, _, _ = join_batch(every[2:], old, {"m0": {"a"}, "m1": {"b"}}, mc.Context())
    assert sorted(map(sorted, groups)) == sorted(map(sorted, whole))
    assert len(first) == 2


def test_a_statement_may_not_join_a_measure_that_already_has_its_document() -> None:
    old = _stored([PLEDGE], ["measure:ny-belysning"])
    # The stored measure already holds a statement from document "c".
    groups, _, _ = join_batch([DONE], old, {"measure:ny-belysning": {"a", "c"}}, mc.Context())
    assert sorted(map(sorted, groups)) == [[0], [1]]


def test_only_keys_shared_with_the_store_and_rare_enough_are_used() -> None:
    keys = [{"belysning", "norrbypark", "vanlig"}, {"vanlig"}]
    stored = {"belysning": 3, "vanlig": 49}
    assert usable_keys(keys, stored) == ["belysning"]


def test_a_new_statement_that_joins_two_stored_measures_merges_them_into_the_earlier() -> None:
    old = _stored([PLEDGE, DONE], ["measure:tidig", "measure:sen"])
    middle = _row(
        "d",
        0,
        "ny belysning i Norrbyparken",
        "Arbetet med ny belysning i Norrbyparken pågår.",
        "in_progress",
        "2021-09-01",
    )
    docs = {"measure:tidig": {"a"}, "measure:sen": {"c"}}
    groups, reason, score = join_batch([middle], old, docs, mc.Context())
    assert sorted(map(sorted, groups)) == [[0, 1, 2]]
    stored = {"measure:tidig": [old[0]], "measure:sen": [old[1]]}
    batch = assemble(groups, [*old, middle], reason, score, stored, set(docs))
    assert [m["id"] for m in batch.measures] == ["measure:tidig"]
    assert batch.measures[0]["statements"] == 3
    assert batch.dropped == ["measure:sen"]
